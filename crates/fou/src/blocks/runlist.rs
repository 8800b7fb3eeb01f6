//! Lists run together on one line, or on a few wrapped lines of one
//! paragraph, split into one list-item block per item, each with its own
//! span:
//!
//! - bullet glyphs in mid-line: `• A, NTNU (2019-2021) • B, UiO (2020-2022)`
//!   ([`MIDLINE_BULLET_GLYPHS`]);
//! - ` - ` between items, only when every piece reads as `Title, Institution`;
//! - no glyph at all: `A, NTNU (2019-2021) B, UiO (2020-2022)`, cut where a
//!   period `(…)` ends one piece and a capital starts the next, only when
//!   every piece reads as a project line (`Title, Institution (period)`).
//!
//! Prose is never cut: a sentence with a period in parentheses goes on with
//! more sentence, which is no project line.

use super::marks::Marks;
use super::{Block, BlockKind, Hints, Repair, RepairKind, Repairs};
use crate::lexicon::MIDLINE_BULLET_GLYPHS;

/// A run-together list is one line or a few wrapped lines; a longer
/// paragraph is running text, whatever it holds.
const MAX_RUN_LINES: u32 = 8;
/// A run-together list holds at least this many items.
const MIN_ITEMS: usize = 2;

/// How one block is cut: the text before the first glyph of a paragraph
/// (a lead-in, kept as a paragraph), the items, and the separators dropped
/// between pieces; all clean byte ranges of the block's text.
struct Cut {
    lead: Option<(usize, usize)>,
    items: Vec<(usize, usize)>,
    seps: Vec<(usize, usize)>,
}

/// Split every run-together list among `blocks` (`text` is what the
/// blocks' spans index; `marks` are their texts' [`Marks`], in order); each cut between two items is recorded as a
/// [`RepairKind::ListSplit`]. The blocks are only rebuilt when a list was
/// found.
pub(super) fn split_run_lists<'a>(
    blocks: Vec<Block<'a>>,
    marks: &[Marks],
    text: &str,
    hints: &dyn Hints,
    repairs: &mut Repairs,
) -> Vec<Block<'a>> {
    let cuts: Vec<(usize, Cut)> = blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| {
            crate::work::add(1);
            let m = marks.get(i).copied().unwrap_or(Marks::ALL);
            cut_block(b, m, hints).map(|c| (i, c))
        })
        .collect();
    if cuts.is_empty() {
        return blocks;
    }
    let extra: usize = cuts.iter().map(|(_, c)| c.items.len()).sum();
    let mut out = Vec::with_capacity(blocks.len() + extra);
    let mut cuts = cuts.into_iter().peekable();
    for (i, b) in blocks.into_iter().enumerate() {
        match cuts.next_if(|(at, _)| *at == i) {
            Some((_, cut)) => push_pieces(&mut out, &b, &cut, text, repairs),
            None => out.push(b),
        }
    }
    out
}

/// The blocks `cut` makes of `b`, and a repair for each separator.
fn push_pieces<'a>(
    out: &mut Vec<Block<'a>>,
    b: &Block<'a>,
    cut: &Cut,
    text: &str,
    repairs: &mut Repairs,
) {
    for &(a, z) in &cut.seps {
        repairs.push(|| {
            let (start, end) = b.text.source_range(a, z);
            Repair::new(RepairKind::ListSplit, start, end, Some("\n"))
        });
    }
    let lead = cut.lead.map(|r| (r, b.kind));
    let items = cut.items.iter().map(|&r| (r, BlockKind::ListItem));
    let pieces: Vec<_> = lead.into_iter().chain(items).collect();
    let spans = piece_spans(b, &pieces, text);
    for (((a, z), kind), (start, end)) in pieces.into_iter().zip(spans) {
        let n_lines = newlines(text, start, end) + 1;
        out.push(Block {
            kind,
            text: b.text.slice(a, z),
            start,
            end,
            n_lines: u32::try_from(n_lines).unwrap_or(u32::MAX),
            bold: b.bold,
        });
    }
}

/// The input span of each piece of `b`: its own text, except that the
/// first starts where the block starts (its bullet included) and the last
/// ends where the block ends, a piece ends where the separator after it
/// starts (markup cleaning dropped between them, a link's target, is the
/// piece's), and a piece before a line end ends there (the next starts on
/// the next line, a glyph alone on a line between them included), so every
/// line stays whole among the blocks made of it.
fn piece_spans(
    b: &Block<'_>,
    pieces: &[((usize, usize), BlockKind)],
    text: &str,
) -> Vec<(usize, usize)> {
    let mut spans: Vec<(usize, usize)> = pieces
        .iter()
        .map(|&((a, z), _)| b.text.source_range(a, z))
        .collect();
    if let Some(first) = spans.first_mut() {
        first.0 = b.start;
    }
    if let Some(last) = spans.last_mut() {
        last.1 = b.end;
    }
    for (k, pair) in pieces.windows(2).enumerate() {
        // The separator: the clean text between the two pieces (on the
        // piece's line: a line end is looked for below).
        let (sep, _) = b.text.source_range(pair[0].0.1, pair[1].0.0);
        if let Some(span) = spans.get_mut(k)
            && text
                .get(span.1..sep)
                .is_some_and(|dropped| !dropped.contains(is_line_end))
        {
            span.1 = sep;
        }
    }
    for k in 1..spans.len() {
        let (end, next) = (spans[k - 1].1, spans[k].0);
        let Some(gap) = text.get(end..next) else {
            continue;
        };
        // The next piece starts on the line after the first line end, so a
        // line between them (a bullet glyph alone on its line) is its own.
        if let Some((i, c)) = gap.char_indices().find(|&(_, c)| is_line_end(c)) {
            let crlf = gap[i..].starts_with("\r\n");
            spans[k - 1].1 = end + i;
            spans[k].0 = end + i + if crlf { 2 } else { c.len_utf8() };
        }
    }
    spans
}

/// Line ends in `text[from..to]`: `\n`, `\r\n`, a lone `\r`, NEL, LINE
/// SEPARATOR and PARAGRAPH SEPARATOR, as layer 1 splits lines.
fn newlines(text: &str, from: usize, to: usize) -> usize {
    let Some(s) = text.get(from..to) else {
        return 0;
    };
    let mut chars = s.chars().peekable();
    let mut n = 0;
    while let Some(c) = chars.next() {
        n += usize::from(match c {
            '\r' => chars.peek() != Some(&'\n'),
            c => is_line_end(c),
        });
    }
    n
}

/// A character that ends a line.
fn is_line_end(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// How block `b` is cut into items, if it is a list run together (`marks`:
/// its text's; a pass whose bytes they do not have is not made).
fn cut_block(b: &Block<'_>, marks: Marks, hints: &dyn Hints) -> Option<Cut> {
    if !matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem) || b.n_lines > MAX_RUN_LINES {
        return None;
    }
    let t = b.text();
    let whole = (0, t.len());
    let glyphs = if marks.may_hold_glyph() {
        glyph_seps(t)
    } else {
        Vec::new()
    };
    let (lead, pieces, mut seps) = match glyphs {
        seps if !seps.is_empty() => {
            let mut pieces = between(whole, &seps);
            // A paragraph's text before its first bullet is not an item.
            let lead = (b.kind == BlockKind::Paragraph)
                .then(|| pieces.remove(0))
                .filter(|&(a, z)| a < z);
            if pieces.len() < MIN_ITEMS || pieces.iter().any(|&(a, z)| a >= z) {
                return None;
            }
            (lead, pieces, seps)
        }
        // Neither ` - ` nor a `)` before a space or a line end: no cut.
        _ if !marks.may_hold_separator() => return None,
        _ => {
            let seps = if marks.may_hold_spaced_dash() {
                dash_seps(t)
            } else {
                Vec::new()
            };
            if seps.is_empty() {
                // Most blocks: no separator, so only periods can cut them.
                let cuts = period_seps(t, whole, marks, hints);
                return (!cuts.is_empty()).then(|| Cut {
                    lead: None,
                    items: between(whole, &cuts),
                    seps: cuts,
                });
            }
            let pieces = between(whole, &seps);
            let items = pieces.len() >= MIN_ITEMS
                && pieces
                    .iter()
                    .all(|&(a, z)| hints.is_titled_with_institution(&t[a..z]));
            if items {
                (None, pieces, seps)
            } else {
                (None, vec![whole], Vec::new())
            }
        }
    };
    let mut items = Vec::with_capacity(pieces.len());
    for piece in pieces {
        let cuts = period_seps(t, piece, marks, hints);
        items.extend(between(piece, &cuts));
        seps.extend(cuts);
    }
    if items.len() < MIN_ITEMS {
        return None;
    }
    seps.sort_unstable();
    Some(Cut { lead, items, seps })
}

/// The pieces of `range` between the sorted separators `seps` inside it.
fn between(range: (usize, usize), seps: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut at = range.0;
    let mut out = Vec::with_capacity(seps.len() + 1);
    for &(a, z) in seps {
        // Sorted and disjoint by construction; a piece never runs backwards.
        out.push((at, a.max(at)));
        at = z.max(at);
    }
    out.push((at, range.1));
    out
}

/// The separators ` • ` (a bullet glyph between white space, the white
/// space with it) in `t`.
fn glyph_seps(t: &str) -> Vec<(usize, usize)> {
    // Most blocks hold no glyph: a search for the glyphs' lead bytes before
    // the walk over every character.
    if !may_hold_glyph(t) {
        return Vec::new();
    }
    let ws = |c: char| c == ' ' || c == '\n';
    t.char_indices()
        .filter(|&(i, c)| {
            MIDLINE_BULLET_GLYPHS.contains(&c)
                && t[..i].ends_with(ws)
                && t[i + c.len_utf8()..].starts_with(ws)
        })
        .map(|(i, c)| {
            let a = t[..i].trim_end_matches(ws).len();
            let rest = &t[i + c.len_utf8()..];
            (a, t.len() - rest.trim_start_matches(ws).len())
        })
        .collect()
}

/// False when `t` holds none of [`MIDLINE_BULLET_GLYPHS`]: one `memchr`
/// pass for their lead bytes (all `E2` today), each hit tested; a glyph
/// list with other lead bytes is searched for glyph by glyph.
fn may_hold_glyph(t: &str) -> bool {
    let mut buf = [0u8; 4];
    let Some(&lead) = MIDLINE_BULLET_GLYPHS
        .first()
        .map(|g| g.encode_utf8(&mut buf).as_bytes()[0])
        .as_ref()
    else {
        return false;
    };
    let one_lead = MIDLINE_BULLET_GLYPHS
        .iter()
        .all(|g| g.encode_utf8(&mut buf).as_bytes()[0] == lead);
    if !one_lead {
        return MIDLINE_BULLET_GLYPHS.iter().any(|&g| t.contains(g));
    }
    memchr::memchr_iter(lead, t.as_bytes()).any(|i| {
        t.get(i..)
            .is_some_and(|rest| rest.starts_with(MIDLINE_BULLET_GLYPHS))
    })
}

/// The separators ` - ` (a converter's dash between items, `… (2019-2021)
/// - B, UiO …`) in `t` outside parentheses (not the dash of a
/// period written `(2019 - 2021)`).
fn dash_seps(t: &str) -> Vec<(usize, usize)> {
    if !has_spaced_dash(t) {
        return Vec::new();
    }
    // Only `(`, `)` and `-` matter, all ASCII (never inside a longer
    // character): those bytes alone are visited.
    let bytes = t.as_bytes();
    let mut depth = 0i32;
    let mut out = Vec::new();
    for i in memchr::memchr3_iter(b'(', b')', b'-', bytes) {
        match bytes.get(i) {
            Some(b'(') => depth += 1,
            Some(b')') => depth -= 1,
            // Not a dash whose space is the last separator's (`a - - b`):
            // separators never overlap.
            _ if depth == 0
                && i.checked_sub(1).and_then(|j| bytes.get(j)) == Some(&b' ')
                && bytes.get(i + 1) == Some(&b' ')
                && out.last().is_none_or(|&(_, z)| z < i) =>
            {
                out.push((i - 1, i + 2));
            }
            _ => {}
        }
    }
    out
}

/// [`dash_seps`] as it read first, character by character.
#[cfg(test)]
fn dash_seps_by_char(t: &str) -> Vec<(usize, usize)> {
    if !t.contains(" - ") {
        return Vec::new();
    }
    let mut depth = 0i32;
    let mut out = Vec::new();
    for (i, c) in t.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            '-' if depth == 0
                && t[..i].ends_with(' ')
                && t[i + 1..].starts_with(' ')
                && out.last().is_none_or(|&(_, z)| z < i) =>
            {
                out.push((i - 1, i + 2));
            }
            _ => {}
        }
    }
    out
}

/// Does `t` hold ` - `? The dashes' `memchr` and a look at each one's
/// neighbours (a short text is searched for a dash much more cheaply than
/// a searcher for three bytes is set up).
fn has_spaced_dash(t: &str) -> bool {
    let bytes = t.as_bytes();
    memchr::memchr_iter(b'-', bytes).any(|i| {
        i.checked_sub(1).and_then(|j| bytes.get(j)) == Some(&b' ')
            && bytes.get(i + 1) == Some(&b' ')
    })
}

/// The separators inside `piece` of `t` where a period `(…)` ends one
/// project line and a capital starts the next (the white space between
/// them); none unless every piece they make reads as a project line, nor
/// in a text without a `)` before a space or a `\n` (`marks`: its text's).
fn period_seps(
    t: &str,
    piece: (usize, usize),
    marks: Marks,
    hints: &dyn Hints,
) -> Vec<(usize, usize)> {
    if !marks.may_hold_paren_break() {
        return Vec::new();
    }
    let (from, to) = piece;
    let p = &t[from..to];
    let mut seps = Vec::new();
    let mut at = 0;
    for i in memchr::memchr_iter(b')', p.as_bytes()) {
        let rest = &p[i + 1..];
        let next = rest.trim_start_matches([' ', '\n']);
        let capital = next.chars().next().is_some_and(char::is_uppercase);
        if capital && rest.len() > next.len() && hints.ends_with_period(&p[at..=i]) {
            seps.push((from + i + 1, to - next.len()));
            at = p.len() - next.len();
        }
    }
    let project = |(a, z): (usize, usize)| {
        let s = &t[a..z];
        hints.ends_with_period(s) && hints.is_titled_with_institution(s)
    };
    if seps.is_empty() || !between(piece, &seps).into_iter().all(project) {
        return Vec::new();
    }
    seps
}

#[cfg(test)]
mod tests {
    //! Run-together lists on invented lines, plain and Markdown.
    use super::super::{BlockKind, split_with};
    use crate::Format;
    use crate::sections::ReportHints;

    #[test]
    fn the_dash_separators_by_the_byte_agree_char_by_char() {
        for t in crate::testing::concatenations(&["-", " ", "a", "(", ")", "–", "æ"], 6) {
            assert_eq!(super::dash_seps(&t), super::dash_seps_by_char(&t), "{t:?}");
        }
    }

    #[test]
    fn the_dash_test_agrees_with_a_search_for_spaced_dashes() {
        for t in crate::testing::concatenations(&["-", " ", "a", "(", ")", "–", "\n"], 6) {
            assert_eq!(super::has_spaced_dash(&t), t.contains(" - "), "{t:?}");
        }
    }

    /// A block cut with its text's marks is cut as one whose every pass is
    /// made ([`super::Marks::ALL`]).
    #[test]
    fn the_marks_skip_only_passes_that_find_nothing() {
        use super::super::marks::{Marks, Scan};
        let pieces = [
            "Tittel, NTNU (2019-2021)",
            " ",
            "\n",
            " - ",
            " • ",
            ")",
            "-",
            "Arbeid, UiO",
            "(2020)",
            "–",
        ];
        let mut cut = 0;
        for t in crate::testing::concatenations(&pieces, 4) {
            for kind in [BlockKind::Paragraph, BlockKind::ListItem] {
                let b = super::Block {
                    kind,
                    text: crate::lines::MappedText::verbatim(&t, 0),
                    start: 0,
                    end: t.len(),
                    n_lines: 1,
                    bold: false,
                };
                let parts = |m: Marks| {
                    super::cut_block(&b, m, &ReportHints).map(|c| (c.lead, c.items, c.seps))
                };
                let fast = parts(Scan::of(&t).marks(t.as_bytes()));
                cut += usize::from(fast.is_some());
                assert_eq!(fast, parts(Marks::ALL), "{t:?}");
            }
        }
        assert!(cut > 0);
    }

    fn blocks(text: &str, format: Format) -> Vec<(BlockKind, String, usize, usize)> {
        split_with(text, format, &ReportHints)
            .into_iter()
            .filter(|b| b.kind != BlockKind::Marker)
            .map(|b| {
                let (first, last) = b.lines(&crate::LineIndex::new(text));
                (b.kind, b.text().to_owned(), first, last)
            })
            .collect()
    }

    fn items(text: &str, format: Format) -> Vec<String> {
        blocks(text, format)
            .into_iter()
            .filter(|b| b.0 == BlockKind::ListItem)
            .map(|b| b.1)
            .collect()
    }

    const A: &str = "Arbeid i nord, Fjellby forskning (2019-2021)";
    const B: &str = "Tillit til NAV, Dalen institutt (2020-2022)";
    const C: &str = "Unge uten jobb, Høgskolen i Fjellby (2021-2023)";

    #[test]
    fn bullets_in_mid_line_make_items_plain_and_markdown() {
        for format in [Format::Plain, Format::Markdown] {
            let text = format!("Arbeid og helse\n\n• {A} • {B} • {C}\n");
            assert_eq!(items(&text, format), [A, B, C], "{format:?}");
            let text = format!("Arbeid og helse\n\n▪ {A} ▪ {B}\n");
            assert_eq!(items(&text, format), [A, B], "{format:?}");
        }
    }

    #[test]
    fn each_item_has_its_own_exact_span() {
        let text = format!("Arbeid og helse\n\n• {A} ◦ {B}\n");
        let all = split_with(&text, Format::Plain, &ReportHints);
        let spans: Vec<&str> = all
            .iter()
            .filter(|b| b.kind == BlockKind::ListItem)
            .map(|b| &text[b.start..b.end])
            .collect();
        // The first covers its line's bullet, as every item block does.
        assert_eq!(spans, [format!("• {A}").as_str(), B]);
    }

    #[test]
    fn a_paragraph_keeps_its_lead_in_before_the_bullets() {
        let text = format!("Disse prosjektene fikk midler i år. • {A} • {B}\n");
        let b = blocks(&text, Format::Markdown);
        assert_eq!(b[0].0, BlockKind::Paragraph);
        assert_eq!(b[0].1, "Disse prosjektene fikk midler i år.");
        assert_eq!(items(&text, Format::Markdown), [A, B]);
    }

    #[test]
    fn one_glyph_between_two_words_is_no_list() {
        let text = "Fjellby kommune • Årsrapport for arbeid\n";
        assert_eq!(blocks(text, Format::Plain).len(), 1);
    }

    #[test]
    fn items_without_glyphs_are_cut_after_their_periods() {
        for format in [Format::Plain, Format::Markdown] {
            let text = format!("Arbeid og helse\n\n{A} {B} {C}\n");
            assert_eq!(items(&text, format), [A, B, C], "{format:?}");
        }
    }

    #[test]
    fn a_list_wrapped_over_two_lines_is_cut_with_line_numbers() {
        let text = "Arbeid og helse\n\nArbeid i nord, Fjellby forskning (2019-2021) Tillit til NAV,\nDalen institutt (2020-2022)\n";
        let b = blocks(text, Format::Markdown);
        let items: Vec<_> = b
            .iter()
            .filter(|b| b.0 == BlockKind::ListItem)
            .map(|b| (b.1.as_str(), b.2, b.3))
            .collect();
        assert_eq!(items, [(A, 3, 3), (B, 3, 4)]);
        let text = format!("Arbeid og helse\n\n- {A} •\n{B} • {C}\n");
        assert_eq!(items_of(&text), [A, B, C]);
    }

    fn items_of(text: &str) -> Vec<String> {
        items(text, Format::Markdown)
    }

    #[test]
    fn a_dash_cuts_only_between_items() {
        let text = format!("Arbeid og helse\n\n- {A} - {B}\n");
        assert_eq!(items_of(&text), [A, B]);
        // A dash inside a title, or in a period, is no separator.
        let one = "Arbeid - en studie av unge, Fjellby forskning (2019 - 2021)";
        assert_eq!(items_of(&format!("Arbeid og helse\n\n- {one}\n")), [one]);
    }

    #[test]
    fn prose_with_a_period_in_parentheses_stays_whole() {
        let prose = [
            "Prosjektet Arbeid i nord, Fjellby forskning (2019-2021) Viste at unge fikk jobb raskere enn før.",
            "Vi fulgte Fjellby forskning (2019-2021) Det ga svar på mye, og mer kommer.",
            "Evalueringen av reformen (2015-2017) Tillit til NAV, Dalen institutt (2020-2022)",
            "Tiltak for unge, Fjellby kommune (2019-2021) Og mer tekst om tiltaket, NTNU",
        ];
        for p in prose {
            for format in [Format::Plain, Format::Markdown] {
                let b = blocks(&format!("Innledning\n\n{p}\n"), format);
                assert_eq!(b.len(), 2, "{p}: {b:?}");
                assert_eq!(b[1].1, p);
            }
        }
    }

    #[test]
    fn each_cut_is_recorded_as_a_repair() {
        let text = format!("# FoU-rapport 2030\n\n# Forord\n\n• {A} • {B} {C}\n");
        let src = crate::Source::from_text(&text);
        let ex = crate::explain(&src, &crate::Options::default());
        let cuts: Vec<(usize, &str)> = ex
            .repairs
            .iter()
            .filter(|r| r.kind == super::RepairKind::ListSplit)
            .map(|r| (r.line, &text[r.start..r.end]))
            .collect();
        assert_eq!(cuts, [(5, " • "), (5, " ")]);
    }
}

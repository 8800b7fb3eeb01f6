//! Passes over the finished blocks: paragraphs rejoined across page breaks,
//! headings inferred from short stand-alone lines.

use super::builder::bold_wrapped;
use super::join::{append_mended, name_goes_on};
use super::{Block, BlockKind, Hints, Repair, RepairKind, Repairs};
use crate::Format;
use crate::lexicon::{JOIN_WORDS, ORG_LEGAL_FORMS};
use crate::text::{trim_end, trim_start};

/// Longest heading, in characters.
const MAX_HEADING_CHARS: usize = 160;
/// Most words in a heading.
const MAX_HEADING_WORDS: usize = 24;
/// Longest bold paragraph read as a heading, in characters.
const MAX_BOLD_HEADING_CHARS: usize = 200;
/// With fewer `#` headings than this, a Markdown text's converter dropped
/// the heading markup and short lines are headings as in plain text.
const MIN_MARKED_HEADINGS: usize = 3;
/// The rest of a line cut off by a blank line (`(2020-2022)`, `Sunnmøre
/// (2020-2022)`) is short; a longer block is text of its own.
const MAX_TAIL_CHARS: usize = 60;

/// Bytes of a legal form (`AS`, `ASA`, `Ltd`) at most: a longer block is
/// not one, and is not lower-cased to be looked up.
const MAX_LEGAL_FORM_BYTES: usize = 3;

/// A candidate's `Stipendiat Name, Institution` is at most this many lines.
const MAX_PERSON_LINES: u32 = 2;

fn ends_open(text: &str) -> bool {
    let t = trim_end(text);
    !t.ends_with(['.', '!', '?', ':', ';', '»', '"', '”', ')', ']', '*'])
}

fn starts_lower(text: &str) -> bool {
    trim_start(text)
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// Does block `next` finish block `prev`, cut by a page break or a blank
/// line a converter put mid-sentence? `prev` (a paragraph, list item or
/// field) ends open and `next` is a paragraph that starts in lower case, is
/// the period that ends a project line (`(2020-2022)`), follows a join
/// word or a comma (`… Høgskulen på` + `Sunnmøre (2020-2022)`), or is the
/// legal form that ends an institution's name (`…, Kulturanalyse AS og
/// Østlandsanalyse` + `AS`: [`legal_form_tail`]).
fn finishes(prev: &Block, next: &Block, hints: &dyn Hints) -> bool {
    // `• … Stipendiat Hanne` + `Brekke Ødegård, UiB`: a name cut by a blank
    // line, or by a bullet glyph the converter put before the name's rest.
    if matches!(prev.kind, BlockKind::ListItem | BlockKind::Paragraph)
        && matches!(next.kind, BlockKind::ListItem | BlockKind::Paragraph)
        && next.n_lines == 1
        && name_goes_on(prev.text(), next.text(), hints)
    {
        return true;
    }
    // `• Title.` + `Stipendiat Name, Inst`: an item's candidate cut off by a blank line.
    if prev.kind == BlockKind::ListItem
        && next.kind == BlockKind::Paragraph
        && next.n_lines <= MAX_PERSON_LINES
        && hints.opens_with_person(next.text())
        && hints.person_tail(prev.text()).is_none()
    {
        return true;
    }
    if next.kind != BlockKind::Paragraph
        || !matches!(
            prev.kind,
            BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Field(_)
        )
        || !ends_open(prev.text())
    {
        return false;
    }
    let (p, n) = (trim_end(prev.text()), crate::text::trim(next.text()));
    let last_word = crate::text::last_word(p);
    let period_tail = n.starts_with('(') && n.len() < MAX_TAIL_CHARS && hints.ends_with_period(n);
    let open_word = JOIN_WORDS.contains(&last_word) || p.ends_with([',', '-', '–']);
    (starts_lower(n) && !author_line_after_title(p, n, hints))
        || period_tail
        || (open_word && next.n_lines == 1 && n.len() < MAX_TAIL_CHARS)
        || (next.n_lines == 1 && legal_form_tail(p, n))
}

/// Is `n` the legal form that ends the institution's name `p` ends in,
/// cut off by a blank line (`…, Kulturanalyse AS og Østlandsanalyse` +
/// `AS`): a capitalised form of [`ORG_LEGAL_FORMS`] after a line whose
/// last word is capitalised, and that names its institution after a
/// comma?
fn legal_form_tail(p: &str, n: &str) -> bool {
    let capital = |t: &str| t.chars().next().is_some_and(char::is_uppercase);
    capital(n)
        && n.len() <= MAX_LEGAL_FORM_BYTES
        && ORG_LEGAL_FORMS.contains(&n.to_lowercase().as_str())
        && capital(crate::text::last_word(p))
        && p.contains(", ")
}

/// Is `n`, which may start in lower case, the author line of the title
/// `p` (`Uføretrygd og arbeid` + `av Ida Rønning`) rather than the rest of
/// its sentence? `p` reads as a heading, and `n` as an author line that
/// ends no sentence (`… skrevet` + `av Ida Rønning.` goes on).
pub(super) fn author_line_after_title(p: &str, n: &str, hints: &dyn Hints) -> bool {
    // (the cheap tests first: most lines start with no `Av `)
    !trim_end(n).ends_with(['.', '!', '?']) && hints.is_author_line(n) && heading_like(p)
}

/// Join blocks split by a page break or a stray blank line ([`finishes`]).
/// Done in place: the blocks kept are moved to the front and the rest
/// dropped; the joined block spans both parts (and the furniture between).
pub(super) fn join_page_breaks<'a>(
    mut blocks: Vec<Block<'a>>,
    hints: &dyn Hints,
    repairs: &mut Repairs,
) -> Vec<Block<'a>> {
    // `blocks[..kept]` is the result so far.
    let mut kept = 0;
    // Index of the last kept block that is not page furniture.
    let mut last: Option<usize> = None;
    for r in 0..blocks.len() {
        crate::work::add(1);
        if let Some(li) = last
            && finishes(&blocks[li], &blocks[r], hints)
        {
            let (head, tail) = blocks.split_at_mut(r);
            let (prev, blk) = (&mut head[li], &tail[0]);
            // The break between the halves: the end of the one to the start of the other.
            let (end, start) = (prev.end, blk.start);
            repairs.push(|| Repair::new(RepairKind::Joined, end, start, Some(" ")));
            append_mended(&mut prev.text, &blk.text, repairs);
            prev.end = blk.end;
            prev.n_lines = prev.n_lines.saturating_add(blk.n_lines);
            // Page numbers between the two halves are absorbed into the joined block.
            kept = li + 1;
            continue;
        }
        // (most blocks stay where they are: a block moved onto itself
        // would be copied out and back)
        if kept != r {
            blocks.swap(kept, r);
        }
        if blocks[kept].kind != BlockKind::Marker {
            last = Some(kept);
        }
        kept += 1;
    }
    blocks.truncate(kept);
    blocks
}

/// A single short line standing alone that reads as a heading.
///
/// ```
/// assert!(fou::blocks::heading_like("Arbeid og helse"));
/// assert!(!fou::blocks::heading_like("Dette er en setning."));
/// ```
pub fn heading_like(text: &str) -> bool {
    let t = crate::text::trim(text);
    // The tests of its two ends first, then lengths counted only as far as
    // the limits: a long paragraph is not read to its end.
    !t.is_empty()
        && !t.ends_with(['.', ',', ';', '!'])
        && !starts_lower(t)
        && t.len() <= MAX_HEADING_CHARS * 4
        && chars_at_most(t, MAX_HEADING_CHARS)
        && words_at_most(t, MAX_HEADING_WORDS)
        && !has_break_or_web_address(t)
}

/// Has `t` at most `max` characters? Counted by the byte (a character is
/// a byte that is no UTF-8 continuation byte), and not at all when `t` has
/// no more bytes than that.
fn chars_at_most(t: &str, max: usize) -> bool {
    t.len() <= max || t.bytes().filter(|&b| b & 0xC0 != 0x80).count() <= max
}

/// Bytes of a text [`words_at_most`] counts at a time: the count of a
/// chunk fits a byte, so it is summed 16 bytes to a vector instruction, and
/// the count stops at the chunk that reaches the limit.
const COUNT_CHUNK: usize = 32;

/// Has `t` at most `max` words ([`str::split_whitespace`])? Words have white
/// space between them, so a text with fewer than `max` bytes that may be
/// (or start) white space (ASCII white space; `C2`, `E1`–`E3`, the lead
/// bytes of all other) has at most `max` words; other texts are split.
///
/// The bytes are counted a chunk at a time; those after the last whole
/// chunk with the chunk that ends the text (a text shorter than a chunk
/// copied into one), so that no byte is counted one at a time: some are
/// counted twice, which only makes the count an upper bound (a text it
/// puts at the limit is split). A text shorter than `max` has fewer
/// bytes of white space, and is not counted.
fn words_at_most(t: &str, max: usize) -> bool {
    let bytes = t.as_bytes();
    if bytes.len() < max {
        return true;
    }
    let chunks = bytes.chunks_exact(COUNT_CHUNK);
    let rest = chunks.remainder();
    let mut spaces = match bytes.last_chunk::<COUNT_CHUNK>() {
        _ if rest.is_empty() => 0,
        Some(last) => spaces_in(last),
        None => {
            let mut chunk = [0u8; COUNT_CHUNK];
            if let Some(to) = chunk.get_mut(..rest.len()) {
                to.copy_from_slice(rest);
            }
            spaces_in(&chunk)
        }
    };
    for chunk in chunks.filter_map(|c| <&[u8; COUNT_CHUNK]>::try_from(c).ok()) {
        if spaces >= max {
            break;
        }
        spaces += spaces_in(chunk);
    }
    spaces < max || !crate::text::more_words_than(t, max)
}

/// The bytes of `chunk` that may be (or start) white space (ASCII white
/// space; `C2`, `E1`–`E3`, the lead bytes of all other), each tested
/// without a branch, so that the count is vectorised (it fits a byte).
fn spaces_in(chunk: &[u8; COUNT_CHUNK]) -> usize {
    let may_be_space = |b: u8| {
        (b.wrapping_sub(b'\t') < 5) | (b == b' ') | (b == 0xC2) | (b.wrapping_sub(0xE1) < 3)
    };
    usize::from(
        chunk
            .iter()
            .fold(0u8, |n, &b| n + u8::from(may_be_space(b))),
    )
}

/// Does `t` hold a line break (a Markdown hard break) or `http` or `www.`?
/// One `memchr3` pass for `\n` and the addresses' first bytes, each `h`
/// and `w` tested: no searcher set up for a short line, nor a second pass.
fn has_break_or_web_address(t: &str) -> bool {
    let bytes = t.as_bytes();
    memchr::memchr3_iter(b'\n', b'h', b'w', bytes).any(|i| {
        bytes.get(i..).is_some_and(|rest| {
            rest.starts_with(b"\n") || rest.starts_with(b"http") || rest.starts_with(b"www.")
        })
    })
}

/// A stand-alone line that reads `Title, Institution (2019-2021)` is a
/// list item whose bullet the converter lost, not a heading.
fn lost_bullet_item(blk: &Block, hints: &dyn Hints) -> bool {
    let t = crate::text::trim(blk.text());
    !blk.bold && hints.ends_with_period(t) && hints.is_titled_with_institution(t)
}

/// Short stand-alone paragraphs become headings in plain text (and in
/// Markdown that lost its heading markup); bold paragraphs in Markdown.
pub(super) fn infer_headings<'a>(
    mut blocks: Vec<Block<'a>>,
    format: Format,
    text: &str,
    hints: &dyn Hints,
    repairs: &mut Repairs,
) -> Vec<Block<'a>> {
    let marked = blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Heading { level: Some(_) }))
        .count();
    let short_lines_are_headings = format == Format::Plain || marked < MIN_MARKED_HEADINGS;
    // A heading wrapped onto a second line by a PDF extractor still reads as one.
    let max_lines = if short_lines_are_headings { 2 } else { 1 };
    for blk in &mut blocks {
        if blk.kind != BlockKind::Paragraph || blk.n_lines > max_lines {
            continue;
        }
        let plain_rule = short_lines_are_headings && heading_like(blk.text());
        // A bold paragraph (possibly wrapped over lines) is a heading in Markdown.
        let bold =
            blk.bold || (blk.n_lines > 1 && text.get(blk.start..blk.end).is_some_and(bold_wrapped));
        let bold_rule = bold && blk.text().chars().count() <= MAX_BOLD_HEADING_CHARS;
        blk.bold = bold;
        let kind = if plain_rule && lost_bullet_item(blk, hints) {
            RepairKind::ItemInferred
        } else if plain_rule || bold_rule {
            RepairKind::HeadingInferred
        } else {
            continue;
        };
        blk.kind = match kind {
            RepairKind::ItemInferred => BlockKind::ListItem,
            _ => BlockKind::Heading { level: None },
        };
        let text = &blk.text;
        repairs.push(|| Repair::of_clean(kind, text, 0, text.len()));
    }
    blocks
}

#[cfg(test)]
mod tests {
    //! Joins across blank lines and headings inferred, on invented lines.
    use super::super::{BlockKind, split_with};
    use crate::Format;
    use crate::sections::ReportHints;

    #[test]
    fn the_counts_by_the_byte_agree_with_the_plain_ones() {
        let pieces = [
            "a", " ", "æ", "\u{a0}", "\u{3000}", "\u{1680}", "\u{b}", "–", "€", "\t", "\u{85}",
        ];
        let agree = |t: &str, max: usize| {
            assert_eq!(
                super::chars_at_most(t, max),
                t.chars().take(max + 1).count() <= max,
                "{t:?} {max}"
            );
            assert_eq!(
                super::words_at_most(t, max),
                t.split_whitespace().take(max + 1).count() <= max,
                "{t:?} {max}"
            );
        };
        for t in crate::testing::concatenations(&pieces, 5) {
            (0..6).for_each(|max| agree(&t, max));
        }
        // Texts of one to three chunks of the count and a rest, against
        // every limit up to their white space.
        for t in crate::testing::concatenations(&pieces, 3) {
            for len in [33, 64, 70, 95, 100] {
                let long: String = t.chars().cycle().take(len).collect();
                (0..=len / 2 + 2).for_each(|max| agree(&long, max));
            }
            // Shorter than a chunk, round the heading's limit.
            for len in [22, 23, 24, 25, 31, 32] {
                let short: String = t.chars().cycle().take(len).collect();
                (0..=len + 1).for_each(|max| agree(&short, max));
            }
        }
    }

    #[test]
    fn the_break_and_web_address_test_agrees_with_three_searches() {
        let pieces = ["h", "t", "p", "w", ".", "x", "æ", "\n"];
        for t in crate::testing::concatenations(&pieces, 6) {
            assert_eq!(
                super::has_break_or_web_address(&t),
                t.contains('\n') || t.contains("http") || t.contains("www."),
                "{t:?}"
            );
        }
    }

    fn blocks(text: &str, format: Format) -> Vec<(BlockKind, String)> {
        split_with(text, format, &ReportHints)
            .into_iter()
            .filter(|b| b.kind != BlockKind::Marker)
            .map(|b| (b.kind, b.text().to_owned()))
            .collect()
    }

    #[test]
    fn a_blank_line_mid_sentence_does_not_cut_a_paragraph() {
        let text = "Vi har sett på overgangen fra tiltak\n\ntil arbeid for unge.\n";
        let b = blocks(text, Format::Markdown);
        assert_eq!(b.len(), 1);
        assert_eq!(
            b[0].1,
            "Vi har sett på overgangen fra tiltak til arbeid for unge."
        );
    }

    #[test]
    fn the_period_or_the_institution_tail_after_a_blank_line_ends_the_item() {
        let text = "- Tiltak i distriktene, Fjellby forskning\n\n(2020-2022)\n\n- Veiledning i grupper, Høgskulen på\n\nFjellby (2021-2023)\n";
        let b = blocks(text, Format::Markdown);
        assert_eq!(
            b,
            [
                (
                    BlockKind::ListItem,
                    "Tiltak i distriktene, Fjellby forskning (2020-2022)".into()
                ),
                (
                    BlockKind::ListItem,
                    "Veiledning i grupper, Høgskulen på Fjellby (2021-2023)".into()
                ),
            ]
        );
    }

    /// A legal form cut off by a blank line goes back to the name it
    /// ends; a capitalised word after a name is a block of its own.
    #[test]
    fn a_legal_form_after_a_blank_line_ends_the_institution() {
        let text = "Tiltak i distriktene, Fjellanalyse og Nordanalyse\n\nAS\n\n\
            Tolk i kontoret, NTNU\n\nVedlegg\n";
        let b = blocks(text, Format::Markdown);
        let texts: Vec<&str> = b.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Tiltak i distriktene, Fjellanalyse og Nordanalyse AS",
                "Tolk i kontoret, NTNU",
                "Vedlegg"
            ]
        );
    }

    /// A numbered item whose wrapped lines a converter parted by blank
    /// lines (docling makes each line of a PDF page a paragraph) is one
    /// item, its number no part of it.
    #[test]
    fn a_numbered_item_wrapped_over_blank_lines_is_one_item() {
        let line = "Dette er en lang linje med tekst som fyller siden omtrent helt ut.";
        let text = format!(
            "{line}\n\n{line}\n\n3. Brukernes erfaringer med digital aktivitetsplan og skriftlig\n\n\
            dialog med veilederen de første månedene, Vestlands-\n\nforsking og Kystforsk AS (2023-2026)\n"
        );
        let b = blocks(&text, Format::Markdown);
        assert_eq!(
            b.last().map(|(k, t)| (*k, t.as_str())),
            Some((
                BlockKind::ListItem,
                "Brukernes erfaringer med digital aktivitetsplan og skriftlig dialog med \
                 veilederen de første månedene, Vestlandsforsking og Kystforsk AS (2023-2026)"
            ))
        );
    }

    #[test]
    fn a_word_hyphenated_before_a_blank_line_is_mended() {
        let text = "- Arbeid og rehabilitering, Fjellby helse-\n\nforskning (2019-2021)\n";
        assert_eq!(
            blocks(text, Format::Markdown)[0].1,
            "Arbeid og rehabilitering, Fjellby helseforskning (2019-2021)"
        );
    }

    #[test]
    fn a_finished_sentence_is_not_continued_by_a_capitalised_block() {
        let text = "Første avsnitt slutter her.\n\nAndre avsnitt.\n";
        assert_eq!(blocks(text, Format::Markdown).len(), 2);
    }

    #[test]
    fn a_candidate_cut_by_a_blank_line_is_joined_to_its_item() {
        // The rest of a name, and a whole `Stipendiat …` line, after a blank line.
        let text = "- Arbeid i nord. Stipendiat Kari\n\nFjellstad Berg, UiT\n\n- Tillit i NAV.\n\nStipendiat Ola Dalen, NTNU\n";
        let b = blocks(text, Format::Markdown);
        let texts: Vec<_> = b.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Arbeid i nord. Stipendiat Kari Fjellstad Berg, UiT",
                "Tillit i NAV. Stipendiat Ola Dalen, NTNU"
            ]
        );
        // A capitalised paragraph after a finished item stays apart.
        let text = "- Arbeid i nord. Stipendiat Kari Berg, UiT\n\nFjellstad Berg, UiT\n";
        assert_eq!(blocks(text, Format::Markdown).len(), 2);
    }

    #[test]
    fn the_rest_of_an_item_after_a_lone_bullet_goes_back_to_it() {
        let text = "- Berg (2024): Arbeid i nord, Tidsskrift for\n\n•\n\nvelferdsforskning\nDalen (2023): Tillit i NAV, Fjellby tidsskrift\n";
        let b = blocks(text, Format::Markdown);
        assert_eq!(
            b,
            [
                (
                    BlockKind::ListItem,
                    "Berg (2024): Arbeid i nord, Tidsskrift for velferdsforskning".into()
                ),
                (
                    BlockKind::ListItem,
                    "Dalen (2023): Tillit i NAV, Fjellby tidsskrift".into()
                ),
            ]
        );
    }

    #[test]
    fn a_bullet_on_the_line_after_its_item_is_that_items() {
        let text = "Leverandører:\n\nFjellby forskning AS\n•\n• Dalen analyse AS\n\n- Tiltak for unge, Dalen AS (2019-2021)\nTilskudd til arbeid, Fjellby AS\n•\n(2018-2020)\n";
        let b = blocks(text, Format::Markdown);
        let items: Vec<_> = b
            .iter()
            .filter(|(k, _)| *k == BlockKind::ListItem)
            .map(|(_, t)| t.as_str())
            .collect();
        assert_eq!(
            items,
            [
                "Fjellby forskning AS",
                "Dalen analyse AS",
                "Tiltak for unge, Dalen AS (2019-2021)",
                "Tilskudd til arbeid, Fjellby AS (2018-2020)"
            ]
        );
    }

    #[test]
    fn a_lone_title_institution_period_line_is_an_item_not_a_heading() {
        let text =
            "Arbeid og helse\n\nTiltak for unge, Fjellby forskning (2019-2021)\n\nMer tekst her.\n";
        let b = blocks(text, Format::Plain);
        assert_eq!(b[0].0, BlockKind::Heading { level: None });
        assert_eq!(b[1].0, BlockKind::ListItem);
    }
}

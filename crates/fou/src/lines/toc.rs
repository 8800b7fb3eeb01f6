//! Tables of contents whose tab or dot leader a converter turned into a
//! space (`FORORD 2`): read from their context, not from the line alone.
//! After a contents heading (`Innhold`), the lines that end in a page
//! number, the numbers never falling, are entries.

use super::LineKind;
use super::layout::LineTexts;
use crate::lexicon::TOC_TITLES;

/// A contents heading is one or two words (`Innhold`, `Innholdsfortegnelse`).
const MAX_TOC_HEADING_WORDS: usize = 2;
/// Page numbers have at most three digits; four are a year (`I 2019`).
const MAX_PAGE_DIGITS: usize = 3;
/// Lines in a row without a page number inside a table of contents: an
/// entry wrapped before its number takes one or two; more is the body.
const MAX_UNNUMBERED_LINES: usize = 2;
/// Blank lines in a row inside a table of contents (converters put one
/// between entries); more end it.
const MAX_BLANKS: usize = 2;

/// Markup a converter leaves around a line's end: Markdown hard breaks,
/// bold and italic markers, `<b>` tags.
const TRAILING_MARKUP: [&str; 7] = ["\\", "</b>", "<b>", "**", "__", "*", "_"];

/// A contents heading: `Innhold`, `# Innholdsfortegnelse`, `**Innhold:**`.
///
/// ```
/// assert!(fou::lines::toc_heading("## **Innholdsfortegnelse**"));
/// assert!(!fou::lines::toc_heading("Innholdet i rapporten er fritt oppdiktet."));
/// ```
#[inline]
pub fn toc_heading(line: &str) -> bool {
    // Most lines are told from a few ASCII bytes where the title would
    // start, without the trims and the lower-casing of the whole test: at
    // once when the line starts with a visible ASCII byte that none of
    // `title_start`'s steps passes over (a letter, a digit, the `-` of a
    // bullet: no markup comes before it).
    let bytes = line.as_bytes();
    let start = match bytes.first() {
        Some(&b) if b.is_ascii_graphic() && !MARKUP_LEADS.contains(&b) => Some(bytes),
        _ => title_start(bytes),
    };
    if start.is_some_and(|rest| !may_be_title(rest)) {
        return false;
    }
    toc_heading_any(line)
}

/// [`toc_heading`] of any line: the whole test.
#[inline(never)]
fn toc_heading_any(line: &str) -> bool {
    let t = crate::text::trim(line).trim_start_matches('#');
    let mut t = t.trim_start_matches(['*', '_', ' ']);
    // `trim_start_matches("<b>")`, without setting up a substring search.
    while let Some(rest) = t.strip_prefix("<b>") {
        t = rest;
    }
    // Most lines start with a letter no title starts with: the rest of the
    // line is not read.
    if !may_start_title(crate::text::trim_start(t)) {
        return false;
    }
    let t = strip_markup(t);
    let t = crate::text::trim(t.trim_end_matches(':'));
    // Lower-cased only for the few lines short enough to be the heading.
    !crate::text::more_words_than(t, MAX_TOC_HEADING_WORDS) && {
        let lower = crate::text::lower(t);
        TOC_TITLES.iter().any(|w| lower.starts_with(w))
    }
}

/// Could `text` start with one of [`TOC_TITLES`] (lower-cased)? Its first
/// character, lower-cased, is the first of a title.
fn may_start_title(text: &str) -> bool {
    let Some(first) = text.chars().next().and_then(|c| c.to_lowercase().next()) else {
        return false;
    };
    TOC_TITLES.iter().any(|w| w.starts_with(first))
}

/// The visible ASCII bytes [`title_start`] passes over at a line's start:
/// `#`s, emphasis markers and the `<` of a `<b>`.
const MARKUP_LEADS: [u8; 4] = [b'#', b'*', b'_', b'<'];

/// Where [`toc_heading`] reads a title in `line`, told byte by byte as its
/// trims tell it: after white space, `#`s, then `*`, `_` and spaces, then
/// `<b>`s, then white space. `None` unless that place holds a visible
/// ASCII character that only ASCII bytes come before (a Unicode space or
/// any other character there is left to the whole test).
fn title_start(line: &[u8]) -> Option<&[u8]> {
    // `char::is_whitespace` of an ASCII byte.
    let space = |b: u8| matches!(b, b'\t'..=b'\r' | b' ');
    let mut i = skip_while(line, 0, space);
    i = skip_while(line, i, |b| b == b'#');
    i = skip_while(line, i, |b| matches!(b, b'*' | b'_' | b' '));
    while line.get(i..).is_some_and(|t| t.starts_with(b"<b>")) {
        i += "<b>".len();
    }
    i = skip_while(line, i, space);
    let t = line.get(i..)?;
    t.first().is_some_and(u8::is_ascii_graphic).then_some(t)
}

/// The first offset at or after `i` in `t` whose byte `f` does not hold
/// for (or the end).
#[inline(always)]
fn skip_while(t: &[u8], mut i: usize, f: impl Fn(u8) -> bool) -> usize {
    while t.get(i).is_some_and(|&b| f(b)) {
        i += 1;
    }
    i
}

/// Could the text from `rest` on, which starts with a visible ASCII
/// character ([`title_start`]), lower-cased start with one of
/// [`TOC_TITLES`]? Not when, before any other byte, an ASCII byte
/// lower-cased differs from the title's byte at its place, or the text
/// ends: ASCII lower-cases byte for byte, so the lower-cased text starts
/// with those bytes. Another byte may lower-case to anything, and so may
/// be a title.
fn may_be_title(rest: &[u8]) -> bool {
    TOC_TITLES.iter().any(|w| {
        for (k, &c) in w.as_bytes().iter().enumerate() {
            match rest.get(k) {
                None => return false,
                Some(&r) if !r.is_ascii() => return true,
                Some(&r) if r.to_ascii_lowercase() != c => return false,
                Some(_) => {}
            }
        }
        true
    })
}

/// `text` without white space and [`TRAILING_MARKUP`] at its end.
fn strip_markup(text: &str) -> &str {
    let mut t = crate::text::trim_end(text);
    while let Some(rest) = TRAILING_MARKUP.iter().find_map(|m| t.strip_suffix(m)) {
        t = crate::text::trim_end(rest);
    }
    t
}

/// The page number a line ends in, after a space, a tab or a leader, with
/// a title before it: `FORORD 2`, `Forord ..... <b>3</b>`, `Analyser 10\`.
///
/// ```
/// assert_eq!(fou::lines::page_number_at_end("ANALYSER LEVERT I 2019 10"), Some(10));
/// assert_eq!(fou::lines::page_number_at_end("Forord ..... <b>3</b>"), Some(3));
/// assert_eq!(fou::lines::page_number_at_end("Prognoser for 2019"), None);
/// assert_eq!(fou::lines::page_number_at_end("12"), None);
/// ```
pub fn page_number_at_end(line: &str) -> Option<u32> {
    let t = strip_markup(line);
    let title = t.trim_end_matches(|c: char| c.is_ascii_digit());
    let digits = &t[title.len()..];
    if digits.is_empty() || digits.len() > MAX_PAGE_DIGITS {
        return None;
    }
    let title = strip_markup(title);
    let before = title.chars().next_back()?;
    let separated = before.is_whitespace() || title.len() < t.len() - digits.len();
    let leader = matches!(before, '.' | '…');
    let has_words = title.chars().any(char::is_alphabetic);
    ((separated || leader) && has_words)
        .then(|| digits.parse().ok())
        .flatten()
}

/// Lines typed as text that are entries of a table of contents by their
/// context: the indices of the lines to type as [`LineKind::Toc`].
/// `kinds(i)`: line `i`'s kind and whether it is furniture.
pub(super) fn entries_in_context(
    lines: LineTexts<'_>,
    kinds: impl Fn(usize) -> (LineKind, bool) + Copy,
) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if kinds(i).0 != LineKind::Blank && toc_heading(lines.at(i)) {
            i = read_entries(lines, kinds, i + 1, &mut out);
        } else {
            i += 1;
        }
    }
    out
}

/// Read the entries that follow a contents heading, from line `from`;
/// returns the line after the table of contents.
fn read_entries(
    lines: LineTexts<'_>,
    kinds: impl Fn(usize) -> (LineKind, bool),
    from: usize,
    out: &mut Vec<usize>,
) -> usize {
    let (mut last_page, mut blanks, mut unnumbered) = (0, 0, 0);
    let mut j = from;
    while j < lines.len() {
        let (kind, furniture) = kinds(j);
        if kind == LineKind::Blank || furniture {
            blanks += usize::from(kind == LineKind::Blank);
            if blanks > MAX_BLANKS {
                break;
            }
            j += 1;
            continue;
        }
        blanks = 0;
        let page = page_number_at_end(lines.at(j));
        match (kind, page) {
            (LineKind::Text | LineKind::Toc, Some(p)) if p >= last_page => {
                if kind == LineKind::Text {
                    out.push(j);
                }
                (last_page, unnumbered) = (p, 0);
            }
            (LineKind::Text | LineKind::Toc, None) if unnumbered < MAX_UNNUMBERED_LINES => {
                unnumbered += 1;
            }
            _ => break,
        }
        j += 1;
    }
    // Lines without a number at the end are the body, not a wrapped entry.
    j.saturating_sub(unnumbered).max(from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_contents_heading_may_wear_markup_at_either_end() {
        for yes in [
            "Innhold",
            "INNHOLDSFORTEGNELSE",
            "## **Innhold:**",
            "<b> Innhold</b>",
            "__Innhold__ \\",
            "* * Innhold",
        ] {
            assert!(toc_heading(yes), "{yes}");
        }
        for no in ["", "**", "Forord", "Innhold i rapporten", "Om innhold"] {
            assert!(!toc_heading(no), "{no}");
        }
    }

    /// The test of a line's first byte says what the whole test says,
    /// for lines that start with every kind of character.
    #[test]
    fn the_first_byte_test_agrees_with_the_whole_test() {
        let pieces = [
            "Innhold", "innhold", "INNHOLD", "I", "i", "nnhold", "nnHOLD", "hold", "Forord", "9",
            " ", "#", "**", "_", "<b>", "-", ":", "\u{a0}", "\u{130}", "\u{212a}", "ø", "\t",
            "\u{b}",
        ];
        let mut found = 0;
        for text in crate::testing::concatenations(&pieces, 3) {
            assert_eq!(toc_heading(&text), toc_heading_any(&text), "{text:?}");
            found += usize::from(toc_heading(&text));
        }
        assert!(found > 20, "{found}");
        for b in 0..=0x7Fu8 {
            let c = char::from(b);
            for text in [
                format!("{c}nnhold"),
                format!("innh{c}ld"),
                format!("{c}Innhold"),
                format!("{c}{c} Innhold"),
                format!("{c}b>Innhold"),
            ] {
                assert_eq!(toc_heading(&text), toc_heading_any(&text), "{text:?}");
            }
        }
    }

    /// The lines of `text` typed as TOC entries by their context.
    fn entries(text: &str) -> Vec<usize> {
        let bounds: Vec<&str> = super::super::split_lines(text).map(|l| l.text).collect();
        let lines = LineTexts { bounds: &bounds };
        let kinds: Vec<(LineKind, bool)> = (0..lines.len())
            .map(|i| (super::super::kind::classify(lines.at(i)).0, false))
            .collect();
        entries_in_context(lines, |i| kinds[i])
    }

    #[test]
    fn lines_ending_in_ascending_page_numbers_after_a_contents_heading() {
        let text = "Innhold\nFORORD 2\nDEL EN OM 2021 3\n\nDEL TO 7\nForord\nTekst her.\n";
        assert_eq!(entries(text), [1, 2, 4]);
    }

    #[test]
    fn a_falling_number_ends_the_table() {
        let text = "Innhold\nForord 2\nArbeid 5\nKapittel 3\n";
        assert_eq!(entries(text), [1, 2]);
    }

    #[test]
    fn an_entry_may_wrap_before_its_number() {
        let text =
            "Innhold\nForord 2\nEn lang tittel som brytes\nover to linjer 4\nForord\nTekst.\n";
        assert_eq!(entries(text), [1, 3]);
    }

    #[test]
    fn without_a_contents_heading_nothing_is_an_entry() {
        assert!(entries("Forord 2\nArbeid 5\n").is_empty());
        assert!(entries("Innholdet er nytt.\nForord 2\n").is_empty());
    }

    #[test]
    fn markup_around_the_number_is_not_part_of_it() {
        assert_eq!(page_number_at_end("FORORD 2\\"), Some(2));
        assert_eq!(page_number_at_end("**Forord** **3**"), Some(3));
        assert_eq!(page_number_at_end("Forord…4"), Some(4));
        assert_eq!(page_number_at_end("Tiltak2"), None);
        assert_eq!(page_number_at_end("Periode 2019-2021"), None);
    }
}

//! Passes over the finished blocks: paragraphs rejoined across page breaks,
//! headings inferred from short stand-alone lines.

use super::join::append_mended;
use super::{Block, BlockKind, Hints};
use crate::Format;
use crate::lexicon::JOIN_WORDS;
use crate::lines::is_bold_wrapped;

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

fn ends_open(text: &str) -> bool {
    let t = text.trim_end();
    !t.ends_with(['.', '!', '?', ':', ';', '»', '"', '”', ')', ']', '*'])
}

fn starts_lower(text: &str) -> bool {
    text.trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// Does block `next` finish block `prev`, cut by a page break or a blank
/// line a converter put mid-sentence? `prev` (a paragraph, list item or
/// field) ends open and `next` is a paragraph that starts in lower case, is
/// the period that ends a project line (`(2020-2022)`), or follows a join
/// word or a comma (`… Høgskulen på` + `Sunnmøre (2020-2022)`).
fn finishes(prev: &Block, next: &Block, hints: &dyn Hints) -> bool {
    if next.kind != BlockKind::Paragraph
        || !matches!(
            prev.kind,
            BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Field(_)
        )
        || !ends_open(prev.text())
    {
        return false;
    }
    let (p, n) = (prev.text().trim_end(), next.text().trim());
    let last_word = p.rsplit(' ').next().unwrap_or("");
    let period_tail = n.starts_with('(') && n.len() < MAX_TAIL_CHARS && hints.ends_with_period(n);
    let open_word = JOIN_WORDS.contains(&last_word) || p.ends_with([',', '-', '–']);
    starts_lower(n) || period_tail || (open_word && next.n_lines == 1 && n.len() < MAX_TAIL_CHARS)
}

/// Join blocks split by a page break or a stray blank line ([`finishes`]).
/// Done in place: the blocks kept are moved to the front and the rest
/// dropped; the joined block spans both parts (and the furniture between).
pub(super) fn join_page_breaks<'a>(
    mut blocks: Vec<Block<'a>>,
    hints: &dyn Hints,
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
            append_mended(&mut prev.text, &blk.text);
            prev.end = blk.end;
            prev.line_end = blk.line_end;
            prev.n_lines = prev.n_lines.saturating_add(blk.n_lines);
            // Page numbers between the two halves are absorbed into the joined block.
            kept = li + 1;
            continue;
        }
        blocks.swap(kept, r);
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
    let t = text.trim();
    let words = t.split_whitespace().count();
    !t.is_empty()
        && t.chars().count() <= MAX_HEADING_CHARS
        && words <= MAX_HEADING_WORDS
        && !t.ends_with(['.', ',', ';', '!'])
        && !starts_lower(t)
        && !t.contains("http")
        && !t.contains("www.")
        && !t.contains('\n')
}

/// A stand-alone line that reads `Title, Institution (2019-2021)` is a
/// list item whose bullet the converter lost, not a heading.
fn lost_bullet_item(blk: &Block, hints: &dyn Hints) -> bool {
    let t = blk.text().trim();
    !blk.bold && hints.ends_with_period(t) && hints.is_titled_with_institution(t)
}

/// Short stand-alone paragraphs become headings in plain text (and in
/// Markdown that lost its heading markup); bold paragraphs in Markdown.
pub(super) fn infer_headings<'a>(
    mut blocks: Vec<Block<'a>>,
    format: Format,
    text: &str,
    hints: &dyn Hints,
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
        let bold = blk.bold
            || (blk.n_lines > 1 && text.get(blk.start..blk.end).is_some_and(is_bold_wrapped));
        let bold_rule = bold && blk.text().chars().count() <= MAX_BOLD_HEADING_CHARS;
        blk.bold = bold;
        if plain_rule && lost_bullet_item(blk, hints) {
            blk.kind = BlockKind::ListItem;
        } else if plain_rule || bold_rule {
            blk.kind = BlockKind::Heading { level: None };
        }
    }
    blocks
}

#[cfg(test)]
mod tests {
    //! Joins across blank lines and headings inferred, on invented lines.
    use super::super::{BlockKind, split_with};
    use crate::Format;
    use crate::sections::ReportHints;

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
    fn a_lone_title_institution_period_line_is_an_item_not_a_heading() {
        let text =
            "Arbeid og helse\n\nTiltak for unge, Fjellby forskning (2019-2021)\n\nMer tekst her.\n";
        let b = blocks(text, Format::Plain);
        assert_eq!(b[0].0, BlockKind::Heading { level: None });
        assert_eq!(b[1].0, BlockKind::ListItem);
    }
}

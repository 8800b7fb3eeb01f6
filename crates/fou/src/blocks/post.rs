//! Passes over the finished blocks: paragraphs rejoined across page breaks,
//! headings inferred from short stand-alone lines.

use super::{Block, BlockKind};
use crate::Format;
use crate::lines::{Joint, is_bold_wrapped};

/// Longest heading, in characters.
const MAX_HEADING_CHARS: usize = 160;
/// Most words in a heading.
const MAX_HEADING_WORDS: usize = 24;
/// Longest bold paragraph read as a heading, in characters.
const MAX_BOLD_HEADING_CHARS: usize = 200;
/// With fewer `#` headings than this, a Markdown text's converter dropped
/// the heading markup and short lines are headings as in plain text.
const MIN_MARKED_HEADINGS: usize = 3;

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

/// Join paragraphs split by a page break: a paragraph (or list item) left
/// open, and the next paragraph starting in lower case. Done in place: the
/// blocks kept are moved to the front and the rest dropped.
pub(super) fn join_page_breaks(mut blocks: Vec<Block>) -> Vec<Block> {
    // `blocks[..kept]` is the result so far.
    let mut kept = 0;
    // Index of the last kept block that is not page furniture.
    let mut last: Option<usize> = None;
    for r in 0..blocks.len() {
        crate::work::add(1);
        if let Some(li) = last
            && blocks[r].kind == BlockKind::Paragraph
            && matches!(blocks[li].kind, BlockKind::Paragraph | BlockKind::ListItem)
            && ends_open(blocks[li].text())
            && starts_lower(blocks[r].text())
        {
            let (head, tail) = blocks.split_at_mut(r);
            let (prev, blk) = (&mut head[li], &tail[0]);
            prev.text.append(&blk.text, Joint::Space);
            prev.end = blk.end;
            prev.line_end = blk.line_end;
            prev.n_lines += blk.n_lines;
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

/// Short stand-alone paragraphs become headings in plain text (and in
/// Markdown that lost its heading markup); bold paragraphs in Markdown.
pub(super) fn infer_headings(mut blocks: Vec<Block>, format: Format, text: &str) -> Vec<Block> {
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
        if plain_rule || bold_rule {
            blk.kind = BlockKind::Heading { level: None };
        }
    }
    blocks
}

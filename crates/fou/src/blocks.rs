//! Layer 2: lines → blocks (headings, paragraphs, list items, table-of-contents
//! entries, labelled fields), each with its span.
//!
//! Every non-blank input line belongs to exactly one block. Paragraphs cut by
//! a page break (no closing punctuation, next paragraph in lower case) are
//! joined back here; the joined block spans both parts.

use crate::Format;
use crate::grammar::label::{Label, field};
use crate::lines::{CleanText, RawLine, split_lines};

/// What kind of block this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading: Markdown `#` (with its level) or a short stand-alone line
    /// that reads as a heading (`level: None`).
    Heading {
        /// Markdown level (number of `#`), `None` when inferred.
        level: Option<u8>,
    },
    /// A paragraph of running text.
    Paragraph,
    /// A bullet list item (the marker is not part of the text).
    ListItem,
    /// A table-of-contents line (`Forord ..... 3`).
    TocEntry,
    /// A labelled field, `Prosjekttittel: …`; the text is the value.
    Field(Label),
}

/// A block of the report with cleaned text and its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The kind.
    pub kind: BlockKind,
    /// Cleaned text (markup removed, lines joined by spaces; Markdown hard
    /// breaks become `\n`).
    pub text: CleanText,
    /// First byte of the block in the input.
    pub start: usize,
    /// End byte (exclusive) of the block in the input.
    pub end: usize,
    /// First line (1-based).
    pub line_start: usize,
    /// Last line (1-based).
    pub line_end: usize,
    /// Number of physical lines joined into the block.
    pub n_lines: usize,
    /// The whole raw line was wrapped in bold markup.
    pub bold: bool,
}

impl Block {
    /// The cleaned text.
    pub fn text(&self) -> &str {
        &self.text.text
    }

    /// True for headings, whether marked up or inferred.
    pub fn is_heading(&self) -> bool {
        matches!(self.kind, BlockKind::Heading { .. })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    Blank,
    Heading(u8),
    Bullet,
    BulletOnly,
    Toc,
    Text,
}

fn classify(raw: &str) -> (LineKind, usize) {
    let t = raw.trim_start_matches([' ', '\t', '\u{c}']);
    let indent = raw.len() - t.len();
    if t.trim().is_empty() {
        return (LineKind::Blank, 0);
    }
    let hashes = t.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && (t.len() == hashes || t[hashes..].starts_with([' ', '\t'])) {
        return (LineKind::Heading(hashes as u8), indent + hashes);
    }
    for m in [
        "- ", "* ", "+ ", "• ", "– ", "· ", "▪ ", "● ", "◦ ", "-\t", "•\t",
    ] {
        if let Some(rest) = t.strip_prefix(m)
            && !rest.trim().is_empty()
        {
            return (LineKind::Bullet, indent + m.len());
        }
    }
    if matches!(t.trim(), "•" | "-" | "–" | "▪" | "●" | "◦" | "·") {
        return (LineKind::BulletOnly, raw.len());
    }
    if is_toc_line(t) {
        return (LineKind::Toc, indent);
    }
    (LineKind::Text, indent)
}

/// A table-of-contents line: a dot leader (`.....`), or a tab before a page number.
fn is_toc_line(t: &str) -> bool {
    let stripped = t
        .trim_end()
        .trim_end_matches("</b>")
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end_matches("<b>")
        .trim_end();
    stripped.ends_with("...")
        || stripped.ends_with("…")
        || (t.contains('\t') && stripped.len() < t.trim_end().len() && stripped.len() < 200)
}

fn is_bold_wrapped(raw: &str) -> bool {
    let t = raw.trim();
    let t = t.trim_start_matches('#').trim();
    (t.starts_with("**") && t.ends_with("**") && t.len() > 4)
        || (t.starts_with("<b>") && t.ends_with("</b>"))
        || (t.starts_with("__") && t.ends_with("__") && t.len() > 4)
}

struct Builder {
    blocks: Vec<Block>,
    open: Option<Block>,
}

impl Builder {
    fn close(&mut self) {
        if let Some(b) = self.open.take() {
            self.blocks.push(b);
        }
    }
}

fn new_block(kind: BlockKind, text: CleanText, line: &RawLine<'_>, bold: bool) -> Block {
    Block {
        kind,
        text,
        start: line.start,
        end: line.start + line.text.len(),
        line_start: line.number,
        line_end: line.number,
        n_lines: 1,
        bold,
    }
}

fn extend(block: &mut Block, line: &RawLine<'_>, text: &CleanText, hard_break: bool) {
    block.text.append(text, if hard_break { '\n' } else { ' ' });
    block.end = line.start + line.text.len();
    block.line_end = line.number;
    block.n_lines += 1;
}

/// Split a report into blocks.
///
/// ```
/// use fou::blocks::{split, BlockKind};
/// let blocks = split("# Title\n\nSome text\nwrapped.\n\n- item one\n", fou::Format::Markdown);
/// assert_eq!(blocks.len(), 3);
/// assert_eq!(blocks[1].text(), "Some text wrapped.");
/// assert_eq!(blocks[2].kind, BlockKind::ListItem);
/// ```
pub fn split(text: &str, format: Format) -> Vec<Block> {
    let mut b = Builder {
        blocks: Vec::new(),
        open: None,
    };
    let mut prev_hard_break = false;
    let mut pending_bullet: Option<RawLine<'_>> = None;
    for line in split_lines(text) {
        let (kind, skip) = classify(line.text);
        // Byte offset inside the line where the content starts.
        let skip = skip.min(line.text.len());
        let content = &line.text[skip..];
        let hard_break =
            format == Format::Markdown && (line.text.ends_with("  ") || line.text.ends_with('\\'));
        match kind {
            LineKind::Blank => {
                b.close();
                prev_hard_break = false;
                continue;
            }
            LineKind::BulletOnly => {
                b.close();
                pending_bullet = Some(line);
                continue;
            }
            _ => {}
        }
        let clean = CleanText::clean(
            content.trim_start(),
            line.start + skip + (content.len() - content.trim_start().len()),
        );
        if let Some(bullet) = pending_bullet.take() {
            // `•` alone on a line, the item text on the next one (PDF extractors).
            let mut blk = new_block(BlockKind::ListItem, clean, &line, false);
            blk.start = bullet.start;
            blk.line_start = bullet.number;
            blk.n_lines = 2;
            b.open = Some(blk);
            prev_hard_break = hard_break;
            continue;
        }
        match kind {
            LineKind::Heading(level) => {
                b.close();
                let clean = CleanText::clean(
                    content.trim().trim_end_matches('#').trim_end(),
                    line.start + skip + (content.len() - content.trim_start().len()),
                );
                b.blocks.push(new_block(
                    BlockKind::Heading { level: Some(level) },
                    clean,
                    &line,
                    is_bold_wrapped(line.text),
                ));
            }
            LineKind::Toc => {
                b.close();
                b.blocks
                    .push(new_block(BlockKind::TocEntry, clean, &line, false));
            }
            LineKind::Bullet => {
                b.close();
                b.open = Some(new_block(BlockKind::ListItem, clean, &line, false));
            }
            LineKind::Text => {
                if let Some((label, value_at)) = field(&clean.text) {
                    b.close();
                    let value = clean.slice(value_at, clean.text.len());
                    b.open = Some(new_block(BlockKind::Field(label), value, &line, false));
                } else if let Some(open) = b.open.as_mut() {
                    let joinable = matches!(
                        open.kind,
                        BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Field(_)
                    );
                    if joinable {
                        extend(open, &line, &clean, prev_hard_break);
                    } else {
                        b.close();
                        b.open = Some(new_block(
                            BlockKind::Paragraph,
                            clean,
                            &line,
                            is_bold_wrapped(line.text),
                        ));
                    }
                } else {
                    b.open = Some(new_block(
                        BlockKind::Paragraph,
                        clean,
                        &line,
                        is_bold_wrapped(line.text),
                    ));
                }
            }
            LineKind::Blank | LineKind::BulletOnly => {}
        }
        prev_hard_break = hard_break;
    }
    if let Some(bullet) = pending_bullet {
        // A lone bullet at the very end still belongs to a block.
        b.close();
        b.blocks.push(new_block(
            BlockKind::ListItem,
            CleanText::default(),
            &bullet,
            false,
        ));
    }
    b.close();
    let blocks = join_page_breaks(b.blocks);
    infer_headings(blocks, format)
}

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

/// Join paragraphs split by a page break.
fn join_page_breaks(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    for blk in blocks {
        if let Some(prev) = out.last_mut()
            && blk.kind == BlockKind::Paragraph
            && matches!(prev.kind, BlockKind::Paragraph | BlockKind::ListItem)
            && ends_open(prev.text())
            && starts_lower(blk.text())
        {
            prev.text.append(&blk.text, ' ');
            prev.end = blk.end;
            prev.line_end = blk.line_end;
            prev.n_lines += blk.n_lines;
            continue;
        }
        out.push(blk);
    }
    out
}

/// A single short line standing alone that reads as a heading.
pub fn heading_like(text: &str) -> bool {
    let t = text.trim();
    let words = t.split_whitespace().count();
    !t.is_empty()
        && t.chars().count() <= 160
        && words <= 24
        && !t.ends_with(['.', ',', ';', '!'])
        && !starts_lower(t)
        && !t.contains("http")
        && !t.contains("www.")
        && !t.contains('\n')
}

fn infer_headings(mut blocks: Vec<Block>, format: Format) -> Vec<Block> {
    for blk in &mut blocks {
        if blk.kind != BlockKind::Paragraph || blk.n_lines != 1 {
            continue;
        }
        let plain_rule = format == Format::Plain && heading_like(blk.text());
        let bold_rule = blk.bold && blk.text().chars().count() <= 200;
        if plain_rule || bold_rule {
            blk.kind = BlockKind::Heading { level: None };
        }
    }
    blocks
}

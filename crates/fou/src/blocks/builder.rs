//! [`BlockBuilder`]: lines in, blocks out, one handler per line kind.

use super::join::{continues, extend, join_wrapped, list_continues};
use super::segment::segment_run;
use super::{Block, BlockKind, Hints};
use crate::Format;
use crate::lines::{Line, LineKind, Lines, MappedText, RawLine, is_bold_wrapped, toc_like};

/// A paragraph this many lines long or shorter may be the first part of a
/// table-of-contents entry wrapped before its dot leader.
const MAX_WRAPPED_TOC_LINES: usize = 4;

/// The state of block building over one [`Lines`] stream.
pub(super) struct BlockBuilder<'l, 'a> {
    lines: &'l Lines<'a>,
    hints: &'l dyn Hints,
    /// Wrap width of the text ([`crate::lines::Layout::width`]).
    width: usize,
    /// Paragraphs are separated by blank lines.
    separated: bool,
    plain: bool,
    blocks: Vec<Block>,
    /// The block that the next line may continue.
    open: Option<Block>,
    /// The previous line ended in a Markdown hard break.
    prev_hard_break: bool,
    /// Bullets alone on their lines whose items' text has not come yet.
    pending_bullets: usize,
    /// The column where the open bullet item's text starts.
    item_indent: Option<usize>,
    /// Lines that start an item in the current run after lone bullets.
    item_starts: Vec<usize>,
    /// The previous line, unless a blank line or furniture came between.
    prev_line: Option<RawLine<'a>>,
}

impl<'l, 'a> BlockBuilder<'l, 'a> {
    pub(super) fn new(lines: &'l Lines<'a>, hints: &'l dyn Hints) -> Self {
        let layout = lines.layout();
        BlockBuilder {
            lines,
            hints,
            width: layout.width,
            separated: layout.separated,
            plain: lines.format() == Format::Plain,
            blocks: Vec::new(),
            open: None,
            prev_hard_break: false,
            pending_bullets: 0,
            item_indent: None,
            item_starts: Vec::new(),
            prev_line: None,
        }
    }

    /// Build the blocks of every line, in order.
    pub(super) fn run(mut self) -> Vec<Block> {
        for (li, line) in self.lines.iter().enumerate() {
            self.feed(li, line);
        }
        self.close();
        self.blocks
    }

    fn close(&mut self) {
        if let Some(b) = self.open.take() {
            self.push(b);
        }
    }

    /// Keep a finished block, its text without spare capacity (blocks live
    /// as long as the parse: memory is counted per input byte).
    fn push(&mut self, mut block: Block) {
        block.text.shrink_to_fit();
        self.blocks.push(block);
    }

    fn feed(&mut self, li: usize, line: Line<'a>) {
        if line.kind == LineKind::Blank {
            return self.on_blank();
        }
        if line.kind != LineKind::Text {
            self.item_starts.clear();
        }
        if line.kind == LineKind::BulletOnly || line.furniture {
            return self.on_marker(&line);
        }
        if matches!(
            line.kind,
            LineKind::Bullet | LineKind::Heading(_) | LineKind::Toc
        ) {
            // Bullets alone on their lines only ever wait for the text lines after them.
            self.pending_bullets = 0;
        }
        if line.kind == LineKind::Text && (self.on_run_text(li, &line) || self.on_wrapped(&line)) {
            self.prev_line = Some(line.raw);
            return;
        }
        let before = self.prev_line.replace(line.raw);
        let hard_break = line.hard_break;
        match line.kind {
            LineKind::Heading(level) => self.on_heading(line, level),
            LineKind::Toc => self.on_toc(line, before),
            LineKind::Bullet => self.on_bullet(line),
            LineKind::Text => self.on_text(line),
            LineKind::Blank | LineKind::BulletOnly => {}
        }
        self.prev_hard_break = hard_break;
    }

    fn on_blank(&mut self) {
        self.item_starts.clear();
        self.close();
        self.prev_hard_break = false;
        self.prev_line = None;
    }

    /// `•` alone on a line (the item text follows later), or page furniture.
    fn on_marker(&mut self, line: &Line<'a>) {
        self.close();
        if line.kind == LineKind::BulletOnly {
            self.pending_bullets += 1;
        }
        self.push(new_block(
            BlockKind::Marker,
            MappedText::default(),
            &line.raw,
            false,
        ));
        self.prev_line = None;
    }

    /// A text line in a run after lone bullets: it starts an item, or
    /// continues the open one. False when the line is not in such a run.
    fn on_run_text(&mut self, li: usize, line: &Line<'a>) -> bool {
        if self.pending_bullets == 0 && self.item_starts.is_empty() {
            return false;
        }
        if self.item_starts.is_empty() {
            let (bullets, width) = (self.pending_bullets, self.width);
            self.item_starts = segment_run(self.lines, li, bullets, width, self.hints);
        }
        if self.item_starts.binary_search(&li).is_ok()
            && self.hints.field(line.text.as_str()).is_none()
        {
            self.close();
            self.pending_bullets = self.pending_bullets.saturating_sub(1);
            self.open = Some(new_block(
                BlockKind::ListItem,
                line.text.clone(),
                &line.raw,
                false,
            ));
            return true;
        }
        if let Some(open) = self.open.as_mut().filter(|o| o.kind == BlockKind::ListItem) {
            join_wrapped(open, &line.raw, &line.text);
            return true;
        }
        false
    }

    /// Hard-wrapped plain text: a line joins the open block only if it
    /// continues it; otherwise the open block closes. True when joined.
    fn on_wrapped(&mut self, line: &Line<'a>) -> bool {
        if !self.plain || self.hints.field(line.text.as_str()).is_some() {
            return false;
        }
        let (Some(open), Some(prev)) = (self.open.as_ref(), self.prev_line) else {
            return false;
        };
        let goes_on = match open.kind {
            BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Field(_)
                if self.separated && self.pending_bullets == 0 =>
            {
                true
            }
            _ if self.separated && self.pending_bullets == 0 => false,
            BlockKind::ListItem => self.item_goes_on(prev, line),
            BlockKind::Paragraph | BlockKind::Field(_) => {
                continues(prev.text, line.raw.text, self.width, self.hints)
            }
            _ => false,
        };
        if goes_on && let Some(open) = self.open.as_mut() {
            join_wrapped(open, &line.raw, &line.text);
            return true;
        }
        self.close();
        false
    }

    /// Does `line` continue the open list item whose last line is `prev`?
    fn item_goes_on(&self, prev: RawLine<'_>, line: &Line<'_>) -> bool {
        let raw = line.raw.text;
        let indent = raw.len() - raw.trim_start().len();
        self.item_indent
            .is_some_and(|c| indent > 0 && indent + 1 >= c)
            || list_continues(prev.text, raw, self.width, self.hints)
    }

    fn on_heading(&mut self, line: Line<'a>, level: u8) {
        self.close();
        let bold = is_bold_wrapped(line.raw.text);
        let kind = BlockKind::Heading { level: Some(level) };
        self.blocks
            .push(new_block(kind, line.text, &line.raw, bold));
    }

    /// A TOC entry; a long entry wrapped before its dot leader
    /// (`3.1 Hvordan … av` + `NAV?..... 9`) takes the paragraph before it.
    fn on_toc(&mut self, line: Line<'a>, before: Option<RawLine<'a>>) {
        let wrapped =
            self.open.as_ref().is_some_and(|o| {
                o.kind == BlockKind::Paragraph && o.n_lines <= MAX_WRAPPED_TOC_LINES
            }) && before.is_some_and(|p| {
                continues(p.text, line.raw.text, self.width, self.hints)
                    || self.separated
                    || toc_like(p.text)
            });
        if wrapped && let Some(open) = self.open.as_mut() {
            extend(open, &line.raw, &line.text, false);
            open.kind = BlockKind::TocEntry;
            self.close();
        } else {
            self.close();
            let block = new_block(BlockKind::TocEntry, line.text, &line.raw, false);
            self.push(block);
        }
    }

    fn on_bullet(&mut self, line: Line<'a>) {
        self.close();
        // The column where the item's text starts: deeper lines continue it.
        self.item_indent = Some(line.indent());
        self.open = Some(new_block(BlockKind::ListItem, line.text, &line.raw, false));
    }

    /// A labelled field opens a block; other text continues the open
    /// paragraph, item or field, or opens a paragraph.
    fn on_text(&mut self, line: Line<'a>) {
        if let Some((label, value_at)) = self.hints.field(line.text.as_str()) {
            self.close();
            let value = line.text.slice(value_at, line.text.len());
            self.open = Some(new_block(BlockKind::Field(label), value, &line.raw, false));
            return;
        }
        let hard_break = self.prev_hard_break;
        if let Some(open) = self.open.as_mut()
            && matches!(
                open.kind,
                BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Field(_)
            )
        {
            extend(open, &line.raw, &line.text, hard_break);
            return;
        }
        self.close();
        let bold = is_bold_wrapped(line.raw.text);
        self.open = Some(new_block(BlockKind::Paragraph, line.text, &line.raw, bold));
    }
}

fn new_block(kind: BlockKind, text: MappedText, line: &RawLine<'_>, bold: bool) -> Block {
    Block {
        kind,
        text,
        start: line.start,
        end: line.end(),
        line_start: line.number,
        line_end: line.number,
        n_lines: 1,
        bold,
    }
}

//! [`BlockBuilder`]: lines in, blocks out, one handler per line kind.

use super::columns;
use super::join::{
    CLOSERS, abbreviation_at_end, closed, continues, extend, join_wrapped, list_continues,
    name_goes_on,
};
use super::segment::segment_run;
use super::{Block, BlockKind, Hints, Repair, RepairKind, Repairs};
use crate::Format;
use crate::grammar::Label;
use crate::lines::{
    Joint, Line, LineKind, Lines, MAX_ORDINAL_DIGITS, MappedText, RawLine, is_table_delimiter,
    ordinal_lead, table_cells, toc_heading, toc_like,
};

/// A text line's field label and where its value starts ([`Hints::field`]).
type Field = Option<(Label, usize)>;

/// Digits of a year (`2025`).
const YEAR_DIGITS: usize = 4;
/// Lines of a numbered item read together to tell whether it is a list
/// item ([`BlockBuilder::reads_as_item`]): its first and its wrapped end. A
/// project line wraps over two or three lines of a page.
const MAX_NUMBERED_ITEM_LINES: usize = 4;
/// A paragraph this many lines long or shorter may be the first part of a
/// table-of-contents entry wrapped before its dot leader.
const MAX_WRAPPED_TOC_LINES: u32 = 4;
/// A line shorter than this share (tenths) of the wrap width was not
/// wrapped by the layout: it ended where its writer ended it.
const SHORT_LINE_TENTHS: usize = 7;
/// Most digits of a page number in a table of contents run together.
const MAX_PAGE_DIGITS: usize = 3;
/// Characters that end a sentence (not a label's `:` or a clause's `;`).
const SENTENCE_ENDS: [char; 3] = ['.', '!', '?'];

/// The block vector grows by a quarter of its length (plus
/// [`MIN_GROWTH`]), not by doubling: while it grows, the old and the new
/// buffer are both live, and memory is bounded per input byte (a block per
/// line of short-line input). Still geometric, so pushing stays linear.
const GROWTH_DIVISOR: usize = 4;
/// Blocks added at least when the block vector grows.
const MIN_GROWTH: usize = 64;

/// Text lines after the one first joined to a block that the room made
/// for its text counts ([`make_room`]): most wrapped paragraphs are
/// shorter; a longer one grows as the lines come.
const ROOM_LINES: usize = 6;
/// Bytes of room beyond the lines' own ([`make_room`]): a line's clean
/// text may be a little longer than the line (an en dash for `--`).
const ROOM_SLACK: usize = 16;

/// Make room in `block`'s text, before `line` is joined to it as its
/// second line, for the lines that may join it: the bytes of `line` and
/// of the text lines right after it (at most [`ROOM_LINES`]), their line
/// ends (joining spaces) and [`ROOM_SLACK`], the text's length with them
/// rounded up to a power of two. The text is then copied once,
/// where growing it line by line copies it at each doubling; the spare
/// room is given back when the block is kept ([`BlockBuilder::push`]).
/// Room only: the text is the same ([`MappedText::reserve`]). Not for an
/// empty line, which joins nothing (and leaves a borrowed text borrowed).
fn make_room(block: &mut Block<'_>, lines: &Lines<'_>, line: &Line<'_>) {
    if block.n_lines != 1 || line.text.is_empty() {
        return;
    }
    let first = line.raw.number.saturating_sub(1);
    let mut last = first;
    while last < first + ROOM_LINES && lines.kind(last + 1) == Some(LineKind::Text) {
        last += 1;
    }
    let end = lines.raw(last).map_or(line.raw.end(), |l| l.end());
    let room = end.saturating_sub(line.raw.start) + 1 + ROOM_SLACK;
    // Rounded up to a power of two in all, as the text's growth from a
    // borrowed line makes its room: a block of more lines than counted
    // (a page of short lines joined) grows on as before, its peak while
    // it grows the same.
    let len = block.text.len();
    let total = len.saturating_add(room).checked_next_power_of_two();
    block.text.reserve(total.map_or(room, |t| t - len));
}

/// Room for the blocks of `lines`, as the line kinds alone tell: every
/// heading, bullet, table-of-contents entry and marker starts a block, and
/// so does a text line after any other kind of line. A text line after a
/// text line may continue its paragraph (wrapped text), or not: the vector
/// grows if more blocks come, and is cut back if fewer do.
fn expected_blocks(lines: &Lines<'_>) -> usize {
    let mut prev = LineKind::Blank;
    let mut n = 0;
    for i in 0..lines.len() {
        let kind = lines.kind(i).unwrap_or(LineKind::Blank);
        n += usize::from(
            kind != LineKind::Blank && (kind != LineKind::Text || prev != LineKind::Text),
        );
        prev = kind;
    }
    n
}

/// [`crate::lines::is_bold_wrapped`], asked only of a line whose last character may end
/// bold markup (`**`, `</b>`, `__`): most lines end otherwise, and are
/// answered without a trim from the start or a search for the markers.
/// The markers are counted by the byte, as [`str::matches`] counts them
/// (left to right, not overlapping), without a searcher set up per line.
///
/// The last byte of most lines is a visible ASCII character: the line's
/// last character, told without a trim (and without a call: the test is
/// inlined, the rest is not).
#[inline]
pub(super) fn bold_wrapped(raw: &str) -> bool {
    let last = match raw.as_bytes().last() {
        Some(&b) if b.is_ascii_graphic() => Some(b),
        _ => raw.trim_end().as_bytes().last().copied(),
    };
    matches!(last, Some(b'*' | b'>' | b'_')) && bold_markers_wrap(raw)
}

/// The rest of [`bold_wrapped`]: the bold markers at both ends of `raw`,
/// and no others.
#[inline(never)]
fn bold_markers_wrap(raw: &str) -> bool {
    let t = crate::text::trim(raw);
    let t = crate::text::trim(t.trim_start_matches('#'));
    let b = t.as_bytes();
    (t.starts_with("**") && t.ends_with("**") && t.len() > 4 && doubled_twice(b, b'*'))
        || (t.starts_with("<b>") && t.ends_with("</b>") && occurrences(b, b"<b>") == 1)
        || (t.starts_with("__") && t.ends_with("__") && t.len() > 4 && doubled_twice(b, b'_'))
}

/// `doubled(b, c) == 2`, for `b` longer than four bytes that starts and
/// ends with `cc`: when no `c` stands between the two (most bold lines),
/// the pair that starts `b` and the one that ends it are all there are,
/// told by one `memchr` pass without the pairs counted.
fn doubled_twice(b: &[u8], c: u8) -> bool {
    let inner = b.get(2..b.len().saturating_sub(2)).unwrap_or_default();
    memchr::memchr(c, inner).is_none() || doubled(b, c) == 2
}

/// How many times `cc` occurs in `b`, left to right, not overlapping: each
/// `c` found by `memchr`, one right after a counted pair skipped.
fn doubled(b: &[u8], c: u8) -> usize {
    let (mut n, mut next) = (0, 0);
    for i in memchr::memchr_iter(c, b) {
        if i >= next && b.get(i + 1) == Some(&c) {
            n += 1;
            next = i + 2;
        }
    }
    n
}

/// How many times `pat` (which cannot overlap itself) occurs in `b`: each
/// of its first byte found by `memchr`.
fn occurrences(b: &[u8], pat: &[u8]) -> usize {
    let Some(&first) = pat.first() else {
        return 0;
    };
    memchr::memchr_iter(first, b)
        .filter(|&i| b.get(i..).is_some_and(|rest| rest.starts_with(pat)))
        .count()
}

/// The state of block building over one [`Lines`] stream.
pub(super) struct BlockBuilder<'l, 'a> {
    lines: &'l Lines<'a>,
    hints: &'l dyn Hints,
    /// Wrap width of the text ([`crate::lines::Layout::width`]).
    width: usize,
    /// Paragraphs are separated by blank lines.
    separated: bool,
    /// Lines were wrapped by a page layout (the wrap width is known).
    hard_wrapped: bool,
    plain: bool,
    blocks: Vec<Block<'a>>,
    /// The block that the next line may continue.
    open: Option<Block<'a>>,
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
    /// The run's first line finishes the item before its lone bullets.
    open_piece: bool,
    /// The next lone bullet belongs to the item just opened.
    trailed: bool,
    /// The previous line was a line of a pipe table ([`Self::table_line`]).
    table: bool,
    /// Lines before this one are made already (a table laid out as
    /// columns was made from its lines at once: [`Self::column_table`]).
    made_to: usize,
    /// The repairs made so far.
    repairs: Repairs,
}

impl<'l, 'a> BlockBuilder<'l, 'a> {
    pub(super) fn new(lines: &'l Lines<'a>, hints: &'l dyn Hints, repairs: Repairs) -> Self {
        let layout = lines.layout();
        BlockBuilder {
            lines,
            hints,
            width: layout.width,
            separated: layout.separated,
            hard_wrapped: layout.hard_wrapped(),
            plain: lines.format() == Format::Plain,
            blocks: Vec::with_capacity(expected_blocks(lines)),
            open: None,
            prev_hard_break: false,
            pending_bullets: 0,
            item_indent: None,
            item_starts: Vec::new(),
            prev_line: None,
            open_piece: false,
            trailed: false,
            table: false,
            made_to: 0,
            repairs,
        }
    }

    /// Build the blocks of every line, in order. A blank line (most
    /// blank lines are, in Markdown, one line in two) is told from its
    /// kind alone and closes the open block ([`BlockBuilder::on_blank`],
    /// what [`BlockBuilder::feed`] does with it), without its line
    /// being made.
    pub(super) fn run(mut self) -> (Vec<Block<'a>>, Repairs) {
        for li in 0..self.lines.len() {
            if li < self.made_to {
                continue;
            }
            if self.lines.kind(li) == Some(LineKind::Blank) {
                self.on_blank();
            } else {
                self.feed(li, self.lines.line(li));
            }
        }
        self.finish()
    }

    /// [`BlockBuilder::run`] with every line made and fed, blank or not:
    /// the reference the run is tested against.
    #[cfg(test)]
    fn run_every_line(mut self) -> (Vec<Block<'a>>, Repairs) {
        for (li, line) in self.lines.iter().enumerate() {
            if li >= self.made_to {
                self.feed(li, line);
            }
        }
        self.finish()
    }

    /// Close the open block; the blocks and the repairs made.
    fn finish(mut self) -> (Vec<Block<'a>>, Repairs) {
        self.close();
        // Wrapped lines made fewer blocks than lines: give the room back.
        if self.blocks.len() / GROWTH_DIVISOR + self.blocks.len() < self.blocks.capacity() {
            self.blocks.shrink_to_fit();
        }
        (self.blocks, self.repairs)
    }

    fn close(&mut self) {
        if let Some(b) = self.open.take() {
            self.push(b);
        }
    }

    /// Keep a finished block, its text without spare capacity (blocks live
    /// as long as the parse: memory is counted per input byte).
    fn push(&mut self, mut block: Block<'a>) {
        block.text.shrink_to_fit();
        if self.blocks.len() == self.blocks.capacity() {
            let more = self.blocks.len() / GROWTH_DIVISOR + MIN_GROWTH;
            self.blocks.reserve_exact(more);
        }
        self.blocks.push(block);
    }

    fn feed(&mut self, li: usize, mut line: Line<'a>) {
        if line.kind == LineKind::Blank {
            return self.on_blank();
        }
        if matches!(line.kind, LineKind::Text | LineKind::Toc)
            && !line.furniture
            && (self.prev_line.is_none() || self.after_intro())
            && self.column_table(li, &line)
        {
            return;
        }
        // (most lines start with a letter: told from their first byte)
        let first = line.text.as_str().as_bytes().first().copied();
        if line.kind == LineKind::Text && first.is_some_and(|b| b.is_ascii_digit()) {
            self.numbered_item(li, &mut line);
        }
        let in_table = self.table;
        self.table = line.kind == LineKind::Text
            && first == Some(b'|')
            && self.table_line(li, line.text.as_str());
        if self.table {
            return self.on_table_line(line, !in_table);
        }
        if line.kind != LineKind::Text {
            self.item_starts.clear();
        }
        if line.kind == LineKind::BulletOnly || line.furniture {
            return self.on_marker(&line, self.period_dash(li));
        }
        // A text line's field label ([`Hints::field`]), read once for the
        // steps below that ask.
        let field = match line.kind {
            LineKind::Text => self.hints.field(line.text.as_str()),
            _ => None,
        };
        if line.kind == LineKind::Text && self.bullet_trails(li, line.text.as_str(), field) {
            return self.on_trailed(line);
        }
        if matches!(
            line.kind,
            LineKind::Bullet | LineKind::Heading(_) | LineKind::Toc
        ) {
            // Bullets alone on their lines only ever wait for the text lines after them.
            self.pending_bullets = 0;
        }
        if line.kind == LineKind::Text
            && (self.on_run_text(li, &line, field) || self.on_wrapped(li, &line, field))
        {
            self.prev_line = Some(line.raw);
            return;
        }
        let before = self.prev_line.replace(line.raw);
        let hard_break = line.hard_break;
        match line.kind {
            LineKind::Heading(level) => self.on_heading(line, level),
            LineKind::Toc => self.on_toc(line, before),
            LineKind::Bullet => self.on_bullet(line),
            LineKind::Text => self.on_text(line, field),
            LineKind::Blank | LineKind::BulletOnly => {}
        }
        self.prev_hard_break = hard_break;
    }

    /// Make `line`, line `li`, a bullet item when it is text that opens
    /// with a number (`1. `, `2) `: [`ordinal_lead`]) and whose rest reads
    /// as a list item, by itself or with its wrapped end
    /// ([`Self::reads_as_item`]): its number no part of its text. Any other
    /// line is left as it is: a numbered heading (`1. Innledning`) or
    /// paragraph stays text.
    fn numbered_item(&self, li: usize, line: &mut Line<'a>) {
        if line.kind != LineKind::Text || line.furniture {
            return;
        }
        if self.lone_number(li) {
            // (what layer 1 makes of a lone bullet: no text)
            line.kind = LineKind::BulletOnly;
            line.text = MappedText::default();
            return;
        }
        let Some(lead) = ordinal_lead(line.text.as_str()) else {
            return;
        };
        if !self.reads_as_item(li, &line.text.as_str()[lead..]) {
            return;
        }
        let number = &line.text.as_str()[..lead];
        if line
            .raw
            .text
            .get(line.content_at..)
            .is_some_and(|t| t.starts_with(number))
        {
            line.content_at += lead;
        }
        line.text = line.text.slice(lead, line.text.len());
        line.kind = LineKind::Bullet;
    }

    /// Is line `li` a list item's number alone (`1.`), in a run of such
    /// lines numbered one after the other (`1.` / `2.` / `3.`), as pdftotext
    /// puts a numbered list's numbers before the items' texts, the way it
    /// puts bullets? Then it is a lone bullet. A number alone with no such
    /// neighbour (a heading's number) is not.
    fn lone_number(&self, li: usize) -> bool {
        let number = |i: usize| -> Option<u32> {
            let t = crate::text::trim(self.lines.raw(i)?.text);
            let digits = t.strip_suffix(['.', ')'])?;
            let short = (1..=MAX_ORDINAL_DIGITS).contains(&digits.len());
            short.then(|| digits.parse().ok()).flatten()
        };
        let Some(n) = number(li) else {
            return false;
        };
        let before = li.checked_sub(1).and_then(number);
        before == n.checked_sub(1) && before.is_some() || number(li + 1) == Some(n + 1)
    }

    /// Does `rest`, the text of line `li` after its number, read as a list
    /// item (a project line, a period at its end, a PhD candidate), alone
    /// or with its wrapped end joined to it: the text lines after it with
    /// no number, the first at any indentation, the others indented (a
    /// converter indents an item's wrapped lines under its text) or after
    /// a line the layout wrapped ([`Self::wrapped`]), which a blank line
    /// may follow (docling makes each line of a PDF page a paragraph), at
    /// most [`MAX_NUMBERED_ITEM_LINES`] lines in all?
    fn reads_as_item(&self, li: usize, rest: &str) -> bool {
        let item = |t: &str| {
            self.hints.ends_with_period(t)
                || self.hints.is_titled_with_institution(t)
                || self.hints.opens_with_person(t)
        };
        if item(rest) {
            return true;
        }
        let mut joined = rest.to_owned();
        let mut next = li + 1;
        let mut wrapped = self.wrapped(li);
        for taken in 1..MAX_NUMBERED_ITEM_LINES {
            if wrapped && self.lines.kind(next) == Some(LineKind::Blank) {
                // (a converter that makes each line of a page its own
                // paragraph: the wrapped end comes after a blank line)
                next += 1;
            }
            let (Some(LineKind::Text), Some(raw)) = (self.lines.kind(next), self.lines.raw(next))
            else {
                return false;
            };
            let text = crate::text::trim(raw.text);
            let indented = raw.text.starts_with([' ', '\t']);
            if ordinal_lead(text).is_some() || (taken > 1 && !indented && !wrapped) {
                return false;
            }
            joined.push(' ');
            joined.push_str(text);
            if item(&joined) {
                return true;
            }
            wrapped = self.wrapped(next);
            next += 1;
        }
        false
    }

    /// Was line `li` wrapped by the page layout: at least
    /// [`SHORT_LINE_TENTHS`] of the wrap width long?
    fn wrapped(&self, li: usize) -> bool {
        self.hard_wrapped
            && self
                .lines
                .raw(li)
                .is_some_and(|l| l.text.chars().count() * 10 >= self.width * SHORT_LINE_TENTHS)
    }

    /// Is line `li`, of text `text`, a line of a pipe table: a row
    /// ([`table_cells`]) after a line of one, or with the delimiter row
    /// under it (a table's header)?
    fn table_line(&self, li: usize, text: &str) -> bool {
        table_cells(text).is_some()
            && (self.table
                || self
                    .lines
                    .raw(li + 1)
                    .is_some_and(|next| is_table_delimiter(next.text)))
    }

    /// A line of a pipe table, the first of its table when `first`: a row
    /// is a block of its own (the first the header), the delimiter row
    /// under the header a marker.
    fn on_table_line(&mut self, line: Line<'a>, first: bool) {
        self.close();
        self.item_starts.clear();
        self.pending_bullets = 0;
        self.prev_line = None;
        let block = if is_table_delimiter(line.text.as_str()) {
            new_block(BlockKind::Marker, MappedText::default(), &line.raw, false)
        } else {
            let kind = BlockKind::TableRow { header: first };
            new_block(kind, line.text, &line.raw, false)
        };
        self.push(block);
    }

    /// The open block is an intro that ends in `:` (a table may follow it
    /// with no blank line between).
    fn after_intro(&self) -> bool {
        self.open.as_ref().is_some_and(|b| b.text().ends_with(':'))
    }

    /// Make the table laid out as columns of text that starts at line
    /// `li` ([`columns::table_at`]), if one does: asked of a line after a
    /// blank line, furniture or an intro that ends in `:`, that may start
    /// one ([`columns::may_start`]). Its lines are made at once.
    ///
    /// (Not inlined: most lines are turned down before the call, in
    /// [`Self::feed`], whose inlining into the run it would cost.)
    #[inline(never)]
    fn column_table(&mut self, li: usize, line: &Line<'a>) -> bool {
        if !columns::may_start(line.raw.text) {
            return false;
        }
        let Some(table) = columns::table_at(self.lines, li, self.hints) else {
            return false;
        };
        self.close();
        self.item_starts.clear();
        self.pending_bullets = 0;
        self.prev_line = None;
        self.table = false;
        for block in columns::blocks(self.lines, &table, &mut self.repairs) {
            self.push(block);
        }
        self.made_to = table.lines.end;
        true
    }

    fn on_blank(&mut self) {
        self.table = false;
        self.item_starts.clear();
        self.close();
        self.prev_hard_break = false;
        self.prev_line = None;
    }

    /// Is the bullet alone on the line after line `li` (blank lines
    /// between) this line's own, put after it by the extractor (`Fjordforsk
    /// AS` + `•` + `• Nordvik AS`, `Title, Inst` + `•` + `(2018-2020)`)? So
    /// when the line after the bullet is another item or the rest of this
    /// one, not an item's text, or (blank lines between) a heading
    /// ([`Self::heading_after_item`]).
    fn bullet_trails(&self, li: usize, text: &str, field: Field) -> bool {
        // (most lines are followed by text: told from the next line's kind)
        let bullet = match self.lines.kind(li + 1) {
            Some(LineKind::BulletOnly) => li + 1,
            Some(LineKind::Blank) => self.after_blanks(li + 2),
            _ => return false,
        };
        if self.lines.kind(bullet) != Some(LineKind::BulletOnly)
            || text.trim_end().ends_with(':')
            || field.is_some()
        {
            return false;
        }
        let next = self.after_blanks(bullet + 1);
        let after = self.lines.raw(next).map_or("", |l| l.text.trim());
        match self.lines.kind(next) {
            Some(LineKind::Bullet) => true,
            Some(LineKind::Text) => {
                after.chars().next().is_some_and(char::is_lowercase)
                    || (after.starts_with('(') && self.hints.ends_with_period(after))
                    || (next > bullet + 1 && self.heading_after_item(text, after))
            }
            _ => false,
        }
    }

    /// The first line from `li` on that is not blank (the text's end
    /// past the last).
    fn after_blanks(&self, li: usize) -> usize {
        (li..self.lines.len())
            .find(|&k| self.lines.kind(k) != Some(LineKind::Blank))
            .unwrap_or(self.lines.len())
    }

    /// Is `after`, the line after a lone bullet that follows the finished
    /// item `text` (it ends in its period), a heading rather than the
    /// bullet's item: it reads as one, and not as an item (markitdown puts
    /// each bullet after its item, blank lines between: `Title, Inst
    /// (2018-2021)` + `•` + `Sosiale tjenester` + `• Title, …`)?
    fn heading_after_item(&self, text: &str, after: &str) -> bool {
        super::heading_like(after)
            && self.hints.ends_with_period(text)
            && !self.hints.ends_with_period(after)
            && !self.hints.is_titled_with_institution(after)
    }

    /// A line whose bullet trails it ([`Self::bullet_trails`]): an item.
    fn on_trailed(&mut self, line: Line<'a>) {
        self.close();
        self.pending_bullets = 0;
        self.trailed = true;
        self.prev_line = Some(line.raw);
        let text = &line.text;
        let r = || Repair::of_clean(RepairKind::ItemInferred, text, 0, text.len());
        self.repairs.push(r);
        self.open = Some(new_block(BlockKind::ListItem, line.text, &line.raw, false));
    }

    /// Is line `li` the dash of a period a narrow table column stacked
    /// over three lines (`2025` / `-` / `2028`): a dash alone between a
    /// line that ends in a year and one that starts with one? No bullet,
    /// though a dash alone on its line reads as one.
    fn period_dash(&self, li: usize) -> bool {
        let text = |i: usize| self.lines.raw(i).map_or("", |l| crate::text::trim(l.text));
        if self.lines.kind(li) != Some(LineKind::BulletOnly) || !matches!(text(li), "-" | "–") {
            return false;
        }
        let year = |t: &[u8]| t.len() == YEAR_DIGITS && t.iter().all(u8::is_ascii_digit);
        let (before, after) = (text(li.wrapping_sub(1)).as_bytes(), text(li + 1).as_bytes());
        before.len() >= YEAR_DIGITS
            && year(&before[before.len() - YEAR_DIGITS..])
            && after.get(..YEAR_DIGITS).is_some_and(year)
    }

    /// `•` alone on a line (the item text follows later), or page
    /// furniture; a period's dash ([`Self::period_dash`]) when `dash`.
    fn on_marker(&mut self, line: &Line<'a>, dash: bool) {
        self.close();
        if line.furniture {
            let (start, end) = (line.raw.start, line.raw.end());
            let r = || Repair::new(RepairKind::Furniture, start, end, None);
            self.repairs.push(r);
        }
        if line.kind == LineKind::BulletOnly && !std::mem::take(&mut self.trailed) && !dash {
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
    fn on_run_text(&mut self, li: usize, line: &Line<'a>, field: Field) -> bool {
        if self.pending_bullets == 0 && self.item_starts.is_empty() {
            return false;
        }
        if self.item_starts.is_empty() {
            let (bullets, width) = (self.pending_bullets, self.width);
            // The rest of the item cut before the lone bullet (`… Tidsskrift
            // for` + `•` + `velferdsforskning`) is a piece of its own, joined
            // back to its item later: the items start after it.
            let piece = self.finishes_last_item(line.text.as_str());
            self.item_starts = segment_run(
                self.lines,
                li + usize::from(piece),
                bullets,
                width,
                self.hints,
            );
            if piece {
                self.item_starts.insert(0, li);
                self.open_piece = true;
            }
        }
        if self.item_starts.binary_search(&li).is_ok() && field.is_none() {
            self.close();
            let kind = if std::mem::take(&mut self.open_piece) {
                BlockKind::Paragraph
            } else {
                self.pending_bullets = self.pending_bullets.saturating_sub(1);
                BlockKind::ListItem
            };
            self.open = Some(new_block(kind, line.text.clone(), &line.raw, false));
            return true;
        }
        if let Some(open) = self.open.as_mut().filter(|o| o.kind == BlockKind::ListItem) {
            make_room(open, self.lines, line);
            join_wrapped(open, &line.raw, &line.text, &mut self.repairs);
            return true;
        }
        false
    }

    /// `line` finishes the last list item (before furniture and blank
    /// lines): it goes on in lower case, or is the rest of a candidate's name.
    fn finishes_last_item(&self, line: &str) -> bool {
        self.blocks
            .iter()
            .rev()
            .find(|b| b.kind != BlockKind::Marker)
            .is_some_and(|b| {
                let open = !b.text().trim_end().ends_with(CLOSERS);
                let lower = line.chars().next().is_some_and(char::is_lowercase);
                b.kind == BlockKind::ListItem
                    && ((open && lower) || name_goes_on(b.text(), line, self.hints))
            })
    }

    /// Hard-wrapped plain text: a line joins the open block only if it
    /// continues it; otherwise the open block closes. True when joined.
    fn on_wrapped(&mut self, li: usize, line: &Line<'a>, field: Field) -> bool {
        if !self.plain || field.is_some() {
            return false;
        }
        let (Some(open), Some(prev)) = (self.open.as_ref(), self.prev_line) else {
            return false;
        };
        let goes_on = match open.kind {
            _ if author_line_after_line(open, line.text.as_str(), self.hints) => false,
            BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Field(_)
                if self.separated && self.pending_bullets == 0 =>
            {
                !self.stands_apart(open.kind, prev, line)
            }
            _ if self.separated && self.pending_bullets == 0 => false,
            BlockKind::ListItem => self.item_goes_on(prev, line),
            BlockKind::Field(label) if self.field_goes_on(label, line, li) => true,
            BlockKind::Paragraph | BlockKind::Field(_) => {
                continues(prev.text, line.raw.text, self.width, self.hints)
            }
            _ => false,
        };
        if goes_on && let Some(open) = self.open.as_mut() {
            make_room(open, self.lines, line);
            join_wrapped(open, &line.raw, &line.text, &mut self.repairs);
            return true;
        }
        self.close();
        false
    }

    /// In hard-wrapped text whose paragraphs are separated by blank lines,
    /// the open block still ends before a capitalised `line` when its last
    /// line `prev` cannot go on: a paragraph line that ends no sentence and
    /// was not wrapped (short, or a `Title, Institution` line) is a heading
    /// glued to its text; a finished list item is followed by text at the
    /// margin (an item that ends in its title's `?` is finished only when
    /// the next line is not the rest, its institution and period; one that
    /// ends in a `:` is not).
    fn stands_apart(&self, kind: BlockKind, prev: RawLine<'_>, line: &Line<'_>) -> bool {
        let starts_upper = line
            .text
            .as_str()
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        if !self.hard_wrapped || !starts_upper {
            return false;
        }
        let p = prev.text.trim();
        match kind {
            BlockKind::Paragraph => {
                let short = p.chars().count() * 10 < self.width * SHORT_LINE_TENTHS;
                // A short line that ends a sentence was not wrapped: its paragraph ends.
                (short && p.ends_with(SENTENCE_ENDS) && !abbreviation_at_end(p, self.width))
                    || (!p.ends_with(CLOSERS)
                        && (short || self.hints.is_titled_with_institution(p))
                        && !continues(prev.text, line.raw.text, self.width, self.hints))
            }
            BlockKind::ListItem => {
                // A title's own question (`Hva hjelper unge i jobb?`) with its
                // institution and period on the next line does not end it,
                // nor a colon, which says that more comes (`Berg (2020):` +
                // the reference's title).
                let asks =
                    p.ends_with(['?', '!']) && self.hints.ends_with_period(line.text.as_str());
                let finished =
                    (closed(p, self.width) || p.ends_with(')')) && !asks && !p.ends_with(':');
                // Back at the margin after the item's indented lines.
                (finished && line.indent() <= prev_indent(prev))
                    || line.indent() < prev_indent(prev)
            }
            _ => false,
        }
    }

    /// Does the open field labelled `label` go on over `line` (line `li`),
    /// which has no label? A field that names (a title, an institution, a
    /// theme, a lead: not a summary, whose paragraphs follow it) does when
    /// the line before was wrapped ([`Self::wrapped`]), `line` starts with
    /// a letter (no page number), and the line after it opens the same
    /// record's next field, not a new record's title (`Prosjekttittel: Kvalitet i
    /// Supported` + `Employment-tjenester` + `Forskningsinstitusjon: …`).
    fn field_goes_on(&self, label: Label, line: &Line<'_>, li: usize) -> bool {
        let names = matches!(
            label,
            Label::Title | Label::Institution | Label::Theme | Label::Lead
        );
        let wrapped = li.checked_sub(1).is_some_and(|p| self.wrapped(p));
        let letter = line
            .text
            .as_str()
            .chars()
            .next()
            .is_some_and(char::is_alphabetic);
        names
            && wrapped
            && letter
            && self.lines.kind(li + 1) == Some(LineKind::Text)
            && self
                .lines
                .raw(li + 1)
                .and_then(|next| self.hints.field(next.text))
                .is_some_and(|(next, _)| next != Label::Title)
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
        let bold = bold_wrapped(line.raw.text);
        let kind = BlockKind::Heading { level: Some(level) };
        self.blocks
            .push(new_block(kind, line.text, &line.raw, bold));
    }

    /// A TOC entry; a long entry wrapped before its dot leader
    /// (`3.1 Hvordan … av` + `NAV?..... 9`) takes the paragraph before it.
    fn on_toc(&mut self, line: Line<'a>, before: Option<RawLine<'a>>) {
        let wrapped = self.open.as_ref().is_some_and(|o| {
            o.kind == BlockKind::Paragraph
                && o.n_lines <= MAX_WRAPPED_TOC_LINES
                && !toc_heading(o.text())
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
            let text = split_run_together(line.text, &mut self.repairs);
            let block = new_block(BlockKind::TocEntry, text, &line.raw, false);
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
    fn on_text(&mut self, line: Line<'a>, field: Field) {
        if let Some((label, value_at)) = field {
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
            && !author_line_after_line(open, line.text.as_str(), self.hints)
        {
            make_room(open, self.lines, &line);
            extend(open, &line.raw, &line.text, hard_break);
            return;
        }
        self.close();
        let bold = bold_wrapped(line.raw.text);
        self.open = Some(new_block(BlockKind::Paragraph, line.text, &line.raw, bold));
    }
}

/// Is `text` the author line of the title the open block `open` is, a
/// paragraph of one line (`**Hvem søker AAP?**` + `Av Lars Eik`)? Then it
/// starts a block of its own, though lines of a paragraph are joined.
fn author_line_after_line(open: &Block<'_>, text: &str, hints: &dyn Hints) -> bool {
    open.kind == BlockKind::Paragraph
        && open.n_lines == 1
        && super::post::author_line_after_title(open.text(), text, hints)
}

/// The indentation of a raw line, in bytes of white space.
fn prev_indent(line: RawLine<'_>) -> usize {
    line.text.len() - line.text.trim_start().len()
}

/// A table of contents run together on one line (`FORORD 2 PROSJEKTER 3`):
/// its entries separated by `\n` (the space after each inner page number
/// made a break), so the block keeps the line and the reader sees entries.
fn split_run_together<'t>(text: MappedText<'t>, repairs: &mut Repairs) -> MappedText<'t> {
    let cuts = entry_cuts(text.as_str());
    if cuts.is_empty() {
        return text;
    }
    for &cut in &cuts {
        // The space after an inner entry's page number became a line break.
        repairs.push(|| {
            let (start, end) = text.source_range(cut, cut + 1);
            Repair::new(RepairKind::Split, start, end, Some("\n"))
        });
    }
    let mut out = text.slice(0, cuts[0]);
    let ends = cuts.iter().skip(1).copied().chain([text.len()]);
    for (&cut, end) in cuts.iter().zip(ends) {
        out.append(&text.slice(cut + 1, end), Joint::Break);
    }
    out
}

/// Byte offsets of the spaces that end an inner entry of a run-together
/// table of contents: after a page number (1–3 digits) that follows a word
/// (or a year) and comes before a word that starts with a capital letter.
fn entry_cuts(t: &str) -> Vec<usize> {
    if !may_cut(t.as_bytes()) {
        return Vec::new();
    }
    entry_cuts_by_words(t)
}

/// [`entry_cuts`] read from the words of `t` (split at spaces), three at
/// a time.
fn entry_cuts_by_words(t: &str) -> Vec<usize> {
    let words: Vec<(usize, &str)> = t
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let is_page = |w: &str| w.len() <= MAX_PAGE_DIGITS && w.bytes().all(|b| b.is_ascii_digit());
    words
        .windows(3)
        .filter(|w| {
            !is_page(w[0].1)
                && is_page(w[1].1)
                && w[2].1.chars().next().is_some_and(char::is_uppercase)
        })
        .map(|w| w[1].0 + w[1].1.len())
        .collect()
}

/// May `t` hold a cut of [`entry_cuts`]? Each is a space after a page
/// number (one to three digits) that a space comes before. Most entries
/// have none (their page number ends the line; `3.1` is no page number),
/// and are turned down from the places of the spaces
/// ([`crate::text::offsets_of`]), without their
/// words split and collected.
fn may_cut(t: &[u8]) -> bool {
    crate::text::offsets_of(t, b' ').any(|i| {
        let before = t.get(..i).unwrap_or_default();
        let digits = before
            .iter()
            .rev()
            .take(MAX_PAGE_DIGITS + 1)
            .take_while(|b| b.is_ascii_digit())
            .count();
        (1..=MAX_PAGE_DIGITS).contains(&digits)
            && before.len() > digits
            && before[before.len() - digits - 1] == b' '
    })
}

fn new_block<'a>(
    kind: BlockKind,
    text: MappedText<'a>,
    line: &RawLine<'_>,
    bold: bool,
) -> Block<'a> {
    Block {
        kind,
        text,
        start: line.start,
        end: line.end(),
        n_lines: 1,
        bold,
    }
}

#[cfg(test)]
mod tests {
    //! Block building rules on invented lines.

    #[test]
    fn the_bold_test_asks_every_line_that_may_be_bold() {
        let pieces = [
            "**", "*", "<b>", "</b>", "__", "_", "#", " ", "a", "\u{a0}", ">", "<", "b",
        ];
        for t in crate::testing::concatenations(&pieces, 5) {
            assert_eq!(
                super::bold_wrapped(&t),
                crate::lines::is_bold_wrapped(&t),
                "{t:?}"
            );
        }
    }
    use super::super::{BlockKind, split_with};
    use crate::Format;
    use crate::grammar::Label;
    use crate::sections::ReportHints;

    /// The run that tells blank lines from their kind builds what feeding
    /// every line builds, blocks and repairs: blank lines empty or of white
    /// space, between paragraphs, items, lone bullets, headings and wrapped
    /// lines, in plain text and Markdown.
    #[test]
    fn blank_lines_told_from_their_kind_build_what_every_line_builds() {
        use crate::lines::Lines;
        let pieces = [
            "\n",
            "  \n",
            "Tekst som går\n",
            "videre her.\n",
            "- punkt\n",
            "•\n",
            "# Tittel\n",
            "Navn:  verdi\n",
            "Forord ..... 3\n",
            "\u{a0}\n",
        ];
        let mut built = 0;
        for text in crate::testing::concatenations(&pieces, 4) {
            for format in [Format::Plain, Format::Markdown] {
                let lines = Lines::new(&text, format);
                let make = || {
                    super::BlockBuilder::new(&lines, &ReportHints, super::super::Repairs::new(true))
                };
                let (fast, fast_repairs) = make().run();
                let (slow, slow_repairs) = make().run_every_line();
                assert_eq!(fast, slow, "{text:?}");
                assert_eq!(fast_repairs.into_vec(), slow_repairs.into_vec(), "{text:?}");
                built += fast.len();
            }
        }
        assert!(built > 50_000, "{built}");
    }

    /// Room made for a block's text before its second line is joined
    /// changes neither the block nor what joining makes of it: after a
    /// first line clean or cleaned, for every line after it (text, blank,
    /// bullet, empty content), joined with a space, a break or mended.
    #[test]
    fn room_made_for_a_block_changes_nothing_but_room() {
        use super::super::join::{extend, join_wrapped};
        use crate::lines::Lines;
        let texts = [
            "Første linje av et avsnitt som brytes\nog fortsetter her\nog her.\n\nNytt.\n",
            "**Fet** start på en linje med arbeids-\nledighet og -- strek\n- punkt\n#\n",
            "En linje\n\u{a0}\n\nNAV-\nkontoret i Fjellby\n   \nslutt\n",
        ];
        let mut joined = 0;
        for text in texts {
            for format in [Format::Plain, Format::Markdown] {
                let lines = Lines::new(text, format);
                for first in 0..lines.len() {
                    let head = lines.line(first);
                    for li in first + 1..lines.len() {
                        let line = lines.line(li);
                        let block = super::new_block(
                            BlockKind::Paragraph,
                            head.text.clone(),
                            &head.raw,
                            false,
                        );
                        let mut roomy = block.clone();
                        super::make_room(&mut roomy, &lines, &line);
                        assert_eq!(roomy, block, "{text:?} {first} {li}");
                        if line.text.is_empty() {
                            assert_eq!(roomy.text.is_borrowed(), block.text.is_borrowed());
                        }
                        let mut repairs = super::super::Repairs::new(true);
                        for hard_break in [false, true] {
                            let (mut a, mut b) = (block.clone(), roomy.clone());
                            extend(&mut a, &line.raw, &line.text, hard_break);
                            extend(&mut b, &line.raw, &line.text, hard_break);
                            assert_eq!(a, b, "{text:?} {first} {li}");
                        }
                        let (mut a, mut b) = (block.clone(), roomy);
                        join_wrapped(&mut a, &line.raw, &line.text, &mut repairs);
                        join_wrapped(&mut b, &line.raw, &line.text, &mut repairs);
                        assert_eq!(a, b, "{text:?} {first} {li}");
                        joined += 1;
                    }
                }
            }
        }
        assert!(joined > 50, "{joined}");
    }

    /// A paragraph hard-wrapped near 70 characters, repeated so the layout
    /// measures the width, with blank lines between paragraphs.
    const FILLER: &str = "Denne teksten er fylt med setninger som brytes av layouten ved omtrent\nsytti tegn, slik at bredden kan måles på vanlig vis i testene her.\n\n";

    fn kinds(text: &str) -> Vec<(BlockKind, String)> {
        let text = format!("{FILLER}{FILLER}{text}");
        split_with(&text, Format::Plain, &ReportHints)
            .into_iter()
            .skip(2)
            .map(|b| (b.kind, b.text().to_owned()))
            .collect()
    }

    #[test]
    fn a_short_line_that_ends_no_sentence_is_not_glued_to_the_text_after_it() {
        let b = kinds(
            "Forord\nDette er en tekst som er skrevet for testen og brytes av layouten ved\nsytti tegn.\n",
        );
        assert_eq!(b[0], (BlockKind::Heading { level: None }, "Forord".into()));
        assert_eq!(b[1].0, BlockKind::Paragraph);
    }

    #[test]
    fn a_wrapped_line_goes_on_whatever_the_next_line_starts_with() {
        let b = kinds(
            "Dette er en tekst som er skrevet for testen og brytes av layouten ved\nNAV-kontoret i Fjellby.\n",
        );
        assert_eq!(b.len(), 1);
    }

    /// In hard-wrapped text without blank lines, a field's value wrapped
    /// onto a line of its own goes on until the record's next label.
    #[test]
    fn a_wrapped_field_goes_on_until_the_next_label() {
        let filler = FILLER.trim_end();
        let text = format!(
            "{filler}\n{filler}\nProsjekttittel: Kvalitet i arbeidet med Supported\n\
             Employment-tjenester i Fjellby\nForskningsinstitusjon: Fjellby forskning\n\
             Sammendrag: Prosjektet har fulgt unge over tre år.\n\
             Det neste avsnittet står for seg selv her, etter sammendraget.\n"
        );
        let blocks = split_with(&text, Format::Plain, &ReportHints);
        let texts: Vec<_> = blocks.iter().map(|b| (b.kind, b.text())).collect();
        assert!(
            texts.contains(&(
                BlockKind::Field(Label::Title),
                "Kvalitet i arbeidet med Supported Employment-tjenester i Fjellby"
            )),
            "{texts:?}"
        );
        // A theme heading between a record's last field and the next
        // record's title is no part of the field.
        let text = format!(
            "{filler}\n{filler}\nProsjekttittel: Kvalitet i arbeidet med tjenester i Fjellby\n\
             Forskningsinstitusjon: Fjellby forskning og Dalen institutt\n\
             Inkludering og utdanning\nProsjekttittel: Neste prosjekt\n"
        );
        let blocks = split_with(&text, Format::Plain, &ReportHints);
        assert!(
            blocks
                .iter()
                .any(|b| b.kind == BlockKind::Field(Label::Institution)
                    && b.text() == "Fjellby forskning og Dalen institutt"),
            "{:?}",
            blocks.iter().map(|b| b.text()).collect::<Vec<_>>()
        );
        // (a summary does not take the paragraph after it)
        assert!(
            texts.contains(&(
                BlockKind::Field(Label::Summary),
                "Prosjektet har fulgt unge over tre år."
            )),
            "{texts:?}"
        );
    }

    #[test]
    fn a_title_institution_line_is_not_glued_to_its_summary() {
        let b = kinds(
            "Tiltak for unge i distriktene, Fjellby forskning og Dalen institutt\nProsjektet har fulgt unge over tre år og skrevet om det de fant ut.\n",
        );
        assert_eq!(b.len(), 2);
    }

    #[test]
    fn a_finished_item_is_not_glued_to_text_at_the_margin() {
        let b = kinds(
            "  • Tiltak for unge, Fjellby forskning (2019-2021)\nOppdragene kjøpes gjennom en avtale med disse leverandørene:\n",
        );
        assert_eq!(b[0].0, BlockKind::ListItem);
        assert_eq!(b.len(), 2);
    }

    /// markitdown puts each bullet after its item, blank lines between: the
    /// lone bullet after the last item of a theme is that item's, and the
    /// next theme's heading after it no item.
    #[test]
    fn a_heading_after_a_trailing_bullet_is_no_item() {
        let b = kinds(
            "• Tiltak for unge, Fjellby forskning (2019-2021)\n\nVeiledning i grupper, Nordvik analyse (2020-2022)\n\n\
            •\n\nSosiale tjenester\n\n• Bolig for unge, Dalen institutt (2021-2023)\n",
        );
        let kinds: Vec<_> = b
            .iter()
            .filter(|(k, _)| *k != BlockKind::Marker)
            .map(|(k, t)| (*k, t.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [
                (
                    BlockKind::ListItem,
                    "Tiltak for unge, Fjellby forskning (2019-2021)"
                ),
                (
                    BlockKind::ListItem,
                    "Veiledning i grupper, Nordvik analyse (2020-2022)"
                ),
                (BlockKind::Heading { level: None }, "Sosiale tjenester"),
                (
                    BlockKind::ListItem,
                    "Bolig for unge, Dalen institutt (2021-2023)"
                ),
            ]
        );
    }

    #[test]
    fn a_short_line_that_ends_a_sentence_ends_its_paragraph() {
        let b = kinds("Takk til alle som har stilt opp.\nMed vennlig hilsen\nKari Fjellstad\n");
        let texts: Vec<_> = b.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Takk til alle som har stilt opp.",
                "Med vennlig hilsen",
                "Kari Fjellstad"
            ]
        );
    }

    #[test]
    fn a_line_back_at_the_margin_ends_an_indented_item() {
        let b = kinds(
            "  •   Arbeid i nord. Stipendiat Kari Fjellstad Berg, Høgskolen\n      i Fjellby\nFortsatt arbeider to stipendiater:\n",
        );
        assert_eq!(b[0].0, BlockKind::ListItem);
        assert_eq!(
            b[0].1,
            "Arbeid i nord. Stipendiat Kari Fjellstad Berg, Høgskolen i Fjellby"
        );
        assert_eq!(b[1].1, "Fortsatt arbeider to stipendiater:");
    }

    #[test]
    fn a_toc_run_together_keeps_its_entries_on_lines() {
        let k = kinds("Innhold\n\nFORORD 2 NYE PROSJEKTER I 2030 3 ANALYSER 10\n\nForord\n");
        let toc: Vec<_> = k
            .iter()
            .filter(|(k, _)| *k == BlockKind::TocEntry)
            .collect();
        assert_eq!(toc.len(), 1, "one block for the line: {k:?}");
        assert_eq!(toc[0].1, "FORORD 2\nNYE PROSJEKTER I 2030 3\nANALYSER 10");
    }

    /// The test of a line's spaces turns down only lines without a cut.
    #[test]
    fn the_cut_test_turns_down_only_lines_without_a_cut() {
        let pieces = ["1", "123", "1234", " ", "  ", "A", "a", ".", "Æ", "ø"];
        let mut cut = 0;
        for t in crate::testing::concatenations(&pieces, 5) {
            let want = super::entry_cuts_by_words(&t);
            cut += usize::from(!want.is_empty());
            assert_eq!(super::entry_cuts(&t), want, "{t:?}");
        }
        assert!(cut > 0);
    }

    #[test]
    fn a_toc_entry_with_one_page_number_is_not_cut() {
        assert!(super::entry_cuts("Tiltak for 3 grupper ..... 7").is_empty());
        assert!(super::entry_cuts("3 Prosjekter i 2030 12").is_empty());
        assert_eq!(super::entry_cuts("Forord 2 Analyser 5"), [8]);
    }

    /// The rows of a pipe table are blocks of their own, its delimiter row
    /// a marker, in either format; a line between pipes with no delimiter
    /// row under it (or after it) is text, and a blank line ends a table.
    #[test]
    fn a_pipe_table_is_a_block_a_row() {
        let text = "| Tittel | Periode |\n|---|---|\n| Tiltak | 2021 |\n| Hjem | 2022 |\n\n| a | b |\n| c | d |\n";
        for format in [Format::Plain, Format::Markdown] {
            let kinds: Vec<_> = split_with(text, format, &ReportHints)
                .iter()
                .map(|b| (b.kind, b.text().to_owned()))
                .collect();
            let row = |t: &str, header| (BlockKind::TableRow { header }, t.to_owned());
            assert_eq!(
                kinds[..4],
                [
                    row("| Tittel | Periode |", true),
                    (BlockKind::Marker, String::new()),
                    row("| Tiltak | 2021 |", false),
                    row("| Hjem | 2022 |", false),
                ],
                "{format:?}"
            );
            assert!(
                kinds[4..]
                    .iter()
                    .all(|(k, _)| !matches!(k, BlockKind::TableRow { .. })),
                "{kinds:?}"
            );
        }
    }

    /// The kinds of the blocks of a plain text.
    fn plain_kinds(text: &str) -> Vec<BlockKind> {
        split_with(text, Format::Plain, &ReportHints)
            .iter()
            .map(|b| b.kind)
            .collect()
    }

    /// A dash alone between two years is a period a narrow column stacked
    /// (`2025` / `-` / `2028`), no lone bullet: the lines after it are no
    /// items; a dash alone elsewhere still waits for its item.
    #[test]
    fn a_dash_between_two_years_is_no_bullet() {
        let stacked = plain_kinds(
            "Periode Tittel\n2025\n-\n2028\nTidlig hjelp til syke\nFjellby forskning\n",
        );
        assert!(!stacked.contains(&BlockKind::ListItem), "{stacked:?}");
        let bullet = plain_kinds(
            "Prosjekter i 2025\n-\nTidlig hjelp til syke, Fjellby forskning (2025-2028)\n",
        );
        assert!(bullet.contains(&BlockKind::ListItem), "{bullet:?}");
    }

    /// Numbers alone on their lines, one after the other, before the
    /// items' texts (pdftotext's numbered list) are lone bullets: the texts
    /// after them are the items. A number alone with no such neighbour is
    /// no bullet.
    #[test]
    fn a_run_of_lone_numbers_is_a_run_of_lone_bullets() {
        let run = plain_kinds(
            "Disse pågikk:\n1.\n2.\n\nTiltak for unge, Fjellby forskning\nHjem igjen, Dalen institutt\n",
        );
        let items = run.iter().filter(|k| **k == BlockKind::ListItem).count();
        assert_eq!(items, 2, "{run:?}");
        let alone = plain_kinds("Disse pågikk:\n1.\n\nTiltak for unge, Fjellby forskning\n");
        assert!(!alone.contains(&BlockKind::ListItem), "{alone:?}");
    }
}

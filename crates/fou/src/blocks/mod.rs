//! Layer 2: lines → blocks (headings, paragraphs, list items, table rows,
//! table-of-contents entries, labelled fields), each with its span.
//!
//! Every non-blank input line belongs to exactly one block, except a line
//! holding a list run together, which belongs to the items split from it
//! (in order, each with its own span). Paragraphs cut by
//! a page break (no closing punctuation, next paragraph in lower case) are
//! joined back here; the joined block spans both parts.
//!
//! | file | owns |
//! |---|---|
//! | `builder.rs` | `BlockBuilder`: one handler per line kind |
//! | `columns.rs` | tables laid out as columns of text (pandoc, pdftotext -layout, w3m) made rows with cells between pipes |
//! | `html_table.rs` | tables in HTML inside Markdown (`<table>`, `<tr>`, `<td>`) made rows as the column tables are |
//! | `join.rs` | join rules: does a line continue the open paragraph or item? hyphenated words mended |
//! | `segment.rs` | bullets alone on their lines: the text run after them cut into items |
//! | `hyphens.rs` | hyphens broken inside a line mended with the whole text's words (`Fjord- forsk`, `NAVkontor`) |
//! | `marks.rs` | `Marks`: one scan of a block's text for the bytes the mends and the list splits look for |
//! | `post.rs` | paragraphs rejoined across page breaks, headings inferred |
//! | `runlist.rs` | lists run together on a line (`• A (2019-2021) • B (2020-2022)`) split into items |
//! | `repair.rs` | [`Repair`]: every mend made to the text, for `fou explain` |
//! | `hints.rs` | [`Hints`]: what layer 2 asks about the report's language; layer 3 answers |

mod builder;
mod columns;
mod hints;
mod html_table;
mod hyphens;
mod join;
mod marks;
mod post;
mod repair;
mod runlist;
mod segment;

pub use hints::Hints;
pub(crate) use join::{PERIOD_DASHES, hyphen_break, stacked_period};
pub use post::heading_like;
pub(crate) use repair::Repairs;
pub use repair::{MAX_AFTER_BYTES, Repair, RepairKind};

use crate::Format;
use crate::grammar::Label;
use crate::lines::{Lines, MappedText, Normalized};

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
    /// A row of a pipe table (`| Tittel | Periode |`), the pipes kept in
    /// its text ([`crate::lines::table_cells`] splits it). The delimiter
    /// row under the header is a [`BlockKind::Marker`]. A table laid out
    /// as columns of text gives rows too, its cells put between pipes.
    TableRow {
        /// The first row of its table (the delimiter row is under it).
        header: bool,
    },
    /// A labelled field, `Prosjekttittel: …`; the text is the value.
    Field(Label),
    /// Page furniture: a bullet alone on its line, a page number. Kept so
    /// every line belongs to a block; the report parts skip it.
    Marker,
}

/// A block of the report with cleaned text and its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block<'a> {
    /// The kind.
    pub kind: BlockKind,
    /// Cleaned text (markup removed, lines joined by spaces; Markdown hard
    /// breaks become `\n`).
    pub text: MappedText<'a>,
    /// First byte of the block in the input.
    pub start: usize,
    /// End byte (exclusive) of the block in the input.
    pub end: usize,
    /// Number of physical lines joined into the block (saturating; a
    /// `u32`, so that with the kind and the bold flag it takes one word:
    /// a block is kept per line of short-line input).
    pub n_lines: u32,
    /// The whole raw line was wrapped in bold markup.
    pub bold: bool,
}

impl Block<'_> {
    /// The cleaned text.
    ///
    /// ```
    /// let b = &fou::internals::split_blocks("**Tittel**\n", fou::Format::Markdown)[0];
    /// assert_eq!(b.text(), "Tittel");
    /// ```
    pub fn text(&self) -> &str {
        self.text.as_str()
    }

    /// True for headings, whether marked up or inferred.
    ///
    /// ```
    /// let b = &fou::internals::split_blocks("# Forord\n", fou::Format::Markdown)[0];
    /// assert!(b.is_heading());
    /// ```
    pub fn is_heading(&self) -> bool {
        matches!(self.kind, BlockKind::Heading { .. })
    }

    /// The block's first and last lines (1-based), by the line index of the
    /// text its offsets are in (a block does not keep them: on short-line
    /// input a block is kept per line).
    ///
    /// ```
    /// let text = "Tittel\n\nTekst som\nfortsetter.\n";
    /// let blocks = fou::internals::split_blocks(text, fou::Format::Plain);
    /// let index = fou::LineIndex::new(text);
    /// assert_eq!(blocks[1].lines(&index), (3, 4));
    /// ```
    pub fn lines(&self, index: &crate::LineIndex) -> (usize, usize) {
        let span = index.span(self.start, self.end);
        (span.line_start, span.line_end)
    }
}

/// Split a text into blocks, asking `hints` about its language
/// ([`crate::internals::split_blocks`] asks the report's).
///
/// The blocks are found in the text as layer 1 normalises it ([`Normalized`]:
/// invisible characters dropped, Unicode spaces as spaces, NFC), so a
/// zero-width space before a bullet or a no-break space after it changes
/// nothing; block texts are in NFC, and offsets and spans index `text`.
///
/// ```
/// use fou::blocks::BlockKind;
/// fn split(t: &str, f: fou::Format) -> Vec<fou::blocks::Block<'_>> {
///     fou::blocks::split_with(t, f, &fou::sections::ReportHints)
/// }
/// let blocks = split("# Title\n\nSome text\nwrapped.\n\n- item one\n", fou::Format::Markdown);
/// assert_eq!(blocks.len(), 3);
/// assert_eq!(blocks[1].text(), "Some text wrapped.");
/// assert_eq!(blocks[2].kind, BlockKind::ListItem);
///
/// // Plain text as PDF extractors give it: no blank lines, hard wraps, bullets alone.
/// let pdf = "Forord\nDette er en tekst som er\nbrutt over to linjer.\nArbeid og helse\n•\n•\nFørste prosjekt, AFI\n(2020-2021)\nAndre prosjekt, NTNU (2021)\n7\n";
/// let blocks = split(pdf, fou::Format::Plain);
/// let texts: Vec<_> = blocks.iter().map(|b| (b.kind, b.text())).collect();
/// assert_eq!(texts[1].1, "Dette er en tekst som er brutt over to linjer.");
/// assert!(texts.contains(&(BlockKind::ListItem, "Første prosjekt, AFI (2020-2021)")));
/// assert!(texts.contains(&(BlockKind::ListItem, "Andre prosjekt, NTNU (2021)")));
/// assert_eq!(blocks.last().map(|b| b.kind), Some(BlockKind::Marker)); // the page number
///
/// // Unicode variants: a zero-width space and a no-break space around a bullet.
/// let text = "\u{200b}-\u{a0}Tiltak for unge, NTNU (2020-2021)\n";
/// let blocks = split(text, fou::Format::Plain);
/// assert_eq!((blocks[0].kind, blocks[0].text()), (BlockKind::ListItem, "Tiltak for unge, NTNU (2020-2021)"));
/// assert_eq!((blocks[0].start, blocks[0].end), (0, text.len() - 1));
/// ```
pub fn split_with<'a>(text: &'a str, format: Format, hints: &dyn Hints) -> Vec<Block<'a>> {
    split_normalized(&Normalized::new(text), format, hints)
}

/// [`split_with`] on text already normalised: blocks found in `norm.text()`,
/// offsets moved to `norm`'s input.
pub(crate) fn split_normalized<'a>(
    norm: &Normalized<'a>,
    format: Format,
    hints: &dyn Hints,
) -> Vec<Block<'a>> {
    split_repaired(norm, format, hints, false, None).0
}

/// [`split_normalized`], with the repairs made to the text on the way, their
/// offsets in `norm`'s input (their lines not yet filled in), when `keep` is
/// set (none otherwise: [`Repairs`]). `lines` is the input's line count
/// when its [`LineIndex`](crate::LineIndex) has it (then the lines are
/// not counted again: [`Lines::with_line_count`]).
pub(crate) fn split_repaired<'a>(
    norm: &Normalized<'a>,
    format: Format,
    hints: &dyn Hints,
    keep: bool,
    lines: Option<usize>,
) -> (Vec<Block<'a>>, Vec<Repair>) {
    let repairs = Repairs::new(keep);
    // Unchanged text is the input itself: blocks may borrow from it.
    if let Some(input) = norm.unchanged_input() {
        return build(input, format, hints, repairs, lines);
    }
    let (blocks, mut repairs) = build(norm.text(), format, hints, repairs, lines);
    for r in &mut repairs {
        (r.start, r.end) = norm.input_range(r.start, r.end);
    }
    let blocks = blocks
        .into_iter()
        .map(|b| {
            let (start, end) = norm.input_line_range(b.start, b.end);
            Block {
                text: b.text.remap(norm),
                start,
                end,
                ..b
            }
        })
        .collect();
    (blocks, repairs)
}

/// Lines → blocks → page-break joins → lists run together split → inferred
/// headings, on `text` (of `line_count` lines, when known); the repairs made.
fn build<'t>(
    text: &'t str,
    format: Format,
    hints: &dyn Hints,
    repairs: Repairs,
    line_count: Option<usize>,
) -> (Vec<Block<'t>>, Vec<Repair>) {
    let lines = match line_count {
        Some(n) => Lines::with_line_count(text, format, n),
        None => Lines::new(text, format),
    };
    crate::work::stage("b:lines");
    let (blocks, mut repairs) = builder::BlockBuilder::new(&lines, hints, repairs).run();
    crate::work::stage("b:built");
    drop(lines);
    let mut blocks = post::join_page_breaks(blocks, hints, &mut repairs);
    crate::work::stage("b:joined");
    let marks = hyphens::mend_blocks(&mut blocks, &mut repairs);
    crate::work::stage("b:mended");
    for b in &blocks {
        repair::en_dashes(&b.text, &mut repairs);
    }
    let blocks = runlist::split_run_lists(blocks, &marks, text, hints, &mut repairs);
    crate::work::stage("b:runlist");
    let mut blocks = post::infer_headings(blocks, format, text, hints, &mut repairs);
    // Joins, mends and splits grew or cut some texts: give back their spare
    // room (blocks live through the whole parse). Not the vector's: the
    // splits leave it a few blocks of room, and giving that back may move
    // the whole vector (a copy beside it at the peak of layer 2).
    for b in &mut blocks {
        b.text.shrink_to_fit();
    }
    crate::work::stage("b:inferred");
    (blocks, repairs.into_vec())
}

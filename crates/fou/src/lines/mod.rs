//! Layer 1: text → a typed stream of physical [`Line`]s, inline markup
//! cleaned, positions kept.
//!
//! | file | owns |
//! |---|---|
//! | `normalize.rs` | [`Normalized`]: invisible characters dropped, Unicode spaces made spaces, NFC, with a map back to the input |
//! | `split.rs` | [`split_lines`]: where lines end (`memchr`), [`RawLine`]; [`clean_lines`]: line ends and lines that need cleaning found in one pass |
//! | `format.rs` | [`detect_format`]: Markdown or plain text |
//! | `kind.rs` | [`LineKind`]: blank, `#` heading, bullet, lone bullet, TOC entry, text |
//! | `toc.rs` | TOC entries known from their context: after `Innhold`, lines ending in ascending page numbers |
//! | `layout.rs` | [`Layout`]: wrap width, blank-line separation, running headers and footers |
//! | `clean.rs` | [`MappedText::clean`]: Markdown/HTML inline markup removed |
//! | `mapped.rs` | [`MappedText`]: cleaned text with an offset map back to the input |
//!
//! [`Lines`] puts these together: every physical line with its kind, its
//! indentation, its cleaned content and whether it is page furniture (a
//! running header or footer, a page number).

mod clean;
mod format;
mod kind;
mod layout;
mod mapped;
mod normalize;
mod split;
mod toc;

pub use crate::source::line_end_len;
pub use format::detect_format;
pub(crate) use format::{DETECT_LINES, LineHint, detect_normalized_format};
pub(crate) use kind::MAX_ORDINAL_DIGITS;
pub use kind::{
    LineKind, is_bold_wrapped, is_table_delimiter, ordinal_lead, table_cells, toc_like,
};
pub use layout::Layout;
pub use mapped::{Joint, Link, MappedText};
pub use normalize::{Normalized, normalize};
pub use split::{RawLine, clean_lines, split_lines};
pub use toc::{page_number_at_end, toc_heading};

use crate::Format;

/// Longest line (in bytes, trimmed) read as a page number.
const MAX_PAGE_NUMBER: usize = 4;

/// One physical line, typed: what layer 2 builds blocks from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line<'a> {
    /// The raw line and its position.
    pub raw: RawLine<'a>,
    /// What the line is.
    pub kind: LineKind,
    /// Byte offset in `raw.text` where the content starts (after the
    /// indentation, `#`s or bullet and the white space after them).
    pub content_at: usize,
    /// The content, cleaned of inline markup (a heading without its `#`s;
    /// empty for blank lines, lone bullets and furniture).
    pub text: MappedText<'a>,
    /// A running header or footer, or a page number: not part of the text.
    pub furniture: bool,
    /// The line ends in a Markdown hard break (two spaces or `\`).
    pub hard_break: bool,
}

impl Line<'_> {
    /// Width of the indentation before the content, in characters.
    ///
    /// ```
    /// let lines = fou::lines::Lines::new("  - punkt\n", fou::Format::Plain);
    /// assert_eq!(lines.line(0).indent(), 4);
    /// ```
    pub fn indent(&self) -> usize {
        self.raw
            .text
            .get(..self.content_at)
            .map_or(0, |t| t.chars().count())
    }
}

/// Per-line facts found before cleaning, for look-ahead (8 bytes a line).
#[derive(Debug, Clone, Copy)]
struct Facts {
    kind: LineKind,
    furniture: bool,
    /// Cleaning may change the line (else its content is its clean text).
    dirty: bool,
    /// Where the content starts, after indentation, `#`s or bullet
    /// (saturated: a longer indentation is read as text).
    skip: u32,
}

/// The line stream of a text: raw lines with their kinds and furniture
/// found up front; each line's cleaned text made when it is asked for, so
/// the stream holds a few words per line, not a copy of the text.
///
/// ```
/// use fou::lines::{LineKind, Lines};
/// let text = "Side 1\n\u{c}Forord\nTekst her.\n12\n";
/// let lines = Lines::new(text, fou::Format::Plain);
/// assert_eq!(lines.len(), 4);
/// let third = lines.line(2);
/// assert_eq!((third.kind, third.text.as_str()), (LineKind::Text, "Tekst her."));
/// assert!(lines.line(3).furniture); // a page number
/// ```
#[derive(Debug, Clone)]
pub struct Lines<'a> {
    text: &'a str,
    /// Each line's text (terminator excluded), a slice of `text`: where
    /// it lies in it is where the line starts ([`Lines::raw`]). Two words
    /// a line, as its bounds took.
    bounds: Vec<&'a str>,
    facts: Vec<Facts>,
    /// The offsets of the candidate bytes that cleaning changes, in
    /// order, as the line scan found them (in dirty lines only): a dirty
    /// line is cleaned from them ([`split::clean_part`]), not tested again.
    known: Vec<usize>,
    layout: Layout,
    format: Format,
}

impl<'a> Lines<'a> {
    /// Split `text` (already normalised, see [`Normalized`]) into typed lines.
    pub fn new(text: &'a str, format: Format) -> Self {
        // One `\n` per line in most texts: room for them all at once.
        let n = memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1;
        Self::with_line_count(text, format, n)
    }

    /// [`Lines::new`] of a text whose line count is known already (the
    /// [`LineIndex`](crate::LineIndex) of the input it was normalised
    /// from counted it: normalising adds no line): room for that many
    /// lines is made at once, without a pass over the text to count them.
    /// A count off the mark costs only room (the lists grow, or keep
    /// spare room); no more than a line per byte is made room for.
    pub(crate) fn with_line_count(text: &'a str, format: Format, lines: usize) -> Self {
        let n = lines.min(text.len() + 1);
        let (mut bounds, mut facts) = (Vec::with_capacity(n), Vec::with_capacity(n));
        let mut known = Vec::new();
        let mut scan = split::scan_lines(text);
        while let Some(line) = scan.next_marked(|i| known.push(i)) {
            // (lines end at character boundaries: never the end of the
            // text, which starts no line, in place of a line)
            let end = text.get(text.len()..).unwrap_or_default();
            bounds.push(text.get(line.start..line.end).unwrap_or(end));
            facts.push(Facts {
                kind: LineKind::Blank,
                furniture: false,
                dirty: line.dirty,
                skip: 0,
            });
        }
        let texts = layout::LineTexts { bounds: &bounds };
        let mut page_lines = Vec::new();
        let layout = layout::measure(texts, &mut page_lines);
        let mut running = if format == Format::Plain {
            layout::running_lines(texts)
        } else {
            Vec::new()
        };
        layout::numbered_running_lines(texts, &page_lines, &mut running);
        read_facts(texts, &running, &mut facts, format);
        Lines {
            text,
            bounds,
            facts,
            known,
            layout,
            format,
        }
    }

    /// Number of lines.
    ///
    /// ```
    /// assert_eq!(fou::lines::Lines::new("a\n\nb", fou::Format::Plain).len(), 3);
    /// ```
    pub fn len(&self) -> usize {
        self.bounds.len()
    }

    /// True when the text has no lines.
    ///
    /// ```
    /// assert!(fou::lines::Lines::new("", fou::Format::Plain).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.bounds.is_empty()
    }

    /// The layout measured on the whole text.
    pub fn layout(&self) -> Layout {
        self.layout
    }

    /// The format the lines were read as.
    ///
    /// ```
    /// let lines = fou::lines::Lines::new("a", fou::Format::Markdown);
    /// assert_eq!(lines.format(), fou::Format::Markdown);
    /// ```
    pub fn format(&self) -> Format {
        self.format
    }

    /// The raw line `i` (for look-ahead without cleaning).
    ///
    /// ```
    /// let lines = fou::lines::Lines::new("a\nb", fou::Format::Plain);
    /// assert_eq!(lines.raw(1).map(|l| l.text), Some("b"));
    /// ```
    pub fn raw(&self, i: usize) -> Option<RawLine<'a>> {
        let text = *self.bounds.get(i)?;
        // The line is a slice of the text: its start is its distance from
        // the text's start.
        let start = (text.as_ptr() as usize).wrapping_sub(self.text.as_ptr() as usize);
        Some(RawLine {
            text,
            start,
            number: i + 1,
        })
    }

    /// The kind of line `i`, if there is one.
    ///
    /// ```
    /// let lines = fou::lines::Lines::new("- a", fou::Format::Plain);
    /// assert_eq!(lines.kind(0), Some(fou::lines::LineKind::Bullet));
    /// ```
    pub fn kind(&self, i: usize) -> Option<LineKind> {
        self.facts.get(i).map(|f| f.kind)
    }

    /// Line `i`, typed and cleaned (an empty line past the end).
    pub fn line(&self, i: usize) -> Line<'a> {
        let (Some(raw), Some(&facts)) = (self.raw(i), self.facts.get(i)) else {
            return Line {
                raw: RawLine {
                    text: "",
                    start: 0,
                    number: i + 1,
                },
                kind: LineKind::Blank,
                content_at: 0,
                text: MappedText::default(),
                furniture: false,
                hard_break: false,
            };
        };
        let skip = (facts.skip as usize).min(raw.text.len());
        let content = &raw.text[skip..];
        // (trimmed once: the text below starts where the lead ends)
        let trimmed = crate::text::trim_start(content);
        let lead = content.len() - trimmed.len();
        let base = raw.start + skip + lead;
        // The scan's changing candidates from the part's start on (those
        // of the lines after are passed over where the part ends).
        let known = || {
            let from = self.known.partition_point(|&k| k < base);
            self.known.get(from..).unwrap_or_default()
        };
        let text = match facts.kind {
            LineKind::Blank | LineKind::BulletOnly => MappedText::default(),
            _ if facts.furniture => MappedText::default(),
            _ if !facts.dirty => split::clean_part(
                match facts.kind {
                    LineKind::Heading(_) => heading_text(content),
                    _ => trimmed,
                },
                base,
                false,
                &[],
            ),
            LineKind::Heading(_) => split::clean_part(heading_text(content), base, true, known()),
            _ => split::clean_part(trimmed, base, true, known()),
        };
        Line {
            raw,
            kind: facts.kind,
            content_at: skip + lead,
            text,
            furniture: facts.furniture,
            hard_break: self.format == Format::Markdown
                && (raw.text.ends_with("  ") || raw.text.ends_with('\\')),
        }
    }

    /// Every line, in order.
    ///
    /// ```
    /// let lines = fou::lines::Lines::new("a\nb\n", fou::Format::Plain);
    /// let texts: Vec<_> = lines.iter().map(|l| l.text.as_str().to_owned()).collect();
    /// assert_eq!(texts, ["a", "b"]);
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = Line<'a>> + '_ {
        (0..self.len()).map(|i| self.line(i))
    }
}

/// The text of a heading line's content (after its `#`s): trimmed, and
/// without closing `#`s.
fn heading_text(content: &str) -> &str {
    crate::text::trim(content).trim_end_matches('#').trim_end()
}

/// [`crate::text::trim`] of a line, an empty one (most blank lines are)
/// given back at once, without the whole trim it takes when a line's ends
/// are not visible ASCII.
#[inline(always)]
pub(super) fn trim_line(s: &str) -> &str {
    if s.is_empty() {
        s
    } else {
        crate::text::trim(s)
    }
}

/// The text of `line` trimmed when it is [`MAX_PAGE_NUMBER`] ASCII
/// digits or fewer (what a page number may be), else `None`. A line that
/// starts with a visible ASCII byte other than a digit (most lines do) is
/// told from that byte, without the trim: its trimmed text starts with it.
#[inline]
fn page_digits(line: &str) -> Option<&str> {
    let first = line.as_bytes().first();
    if first.is_some_and(|b| b.is_ascii_graphic() && !b.is_ascii_digit()) {
        return None;
    }
    let t = crate::text::trim(line);
    (t.len() <= MAX_PAGE_NUMBER && t.bytes().all(|c| c.is_ascii_digit())).then_some(t)
}

/// The page numbers seen so far in a Markdown text: a lone number is read
/// as one only when it follows the last one closely.
#[derive(Debug, Default)]
struct PageNumbers {
    last: u32,
}

impl PageNumbers {
    /// Most pages a page number may skip (pages without text, figures).
    const MAX_STEP: u32 = 10;

    /// True (and remembered) when `digits` is the next page number: above
    /// the last one, and not far above it.
    fn rises_to(&mut self, digits: &str) -> bool {
        let Ok(n) = digits.parse::<u32>() else {
            return false;
        };
        let next = n > self.last && n <= self.last + Self::MAX_STEP;
        if next {
            self.last = n;
        }
        next
    }
}

/// Kinds and furniture of every line, written into `out` (which holds a
/// fact for each line, its `dirty` found by the scan, not kept apart in a
/// vector of its own). A page number is a short line of
/// digits that stands alone: in plain text after a blank line, a lone
/// bullet or other furniture, or before a blank line or a page break; in
/// Markdown alone in its paragraph, and rising through the text (a lone
/// number that does not follow the last page number is text).
fn read_facts(lines: layout::LineTexts<'_>, running: &[bool], out: &mut [Facts], format: Format) {
    // The previous line was blank, furniture or a lone bullet (or there was none).
    let mut after_gap = true;
    let mut pages = PageNumbers::default();
    for i in 0..lines.bounds.len() {
        let line = lines.at(i);
        let (kind, skip) = kind::classify(line);
        let mut furniture = false;
        if kind != LineKind::Blank {
            // The next line is looked at only for a line of digits.
            let next_gap = || {
                lines
                    .get(i + 1)
                    .is_none_or(|n| trim_line(n).is_empty() || n.starts_with('\u{c}'))
            };
            let page_number = page_digits(line).is_some_and(|t| match format {
                Format::Plain => after_gap || next_gap(),
                _ => after_gap && next_gap() && pages.rises_to(t),
            });
            furniture = running.get(i).copied().unwrap_or(false) || page_number;
        }
        after_gap = kind == LineKind::Blank || kind == LineKind::BulletOnly || furniture;
        if let Some(f) = out.get_mut(i) {
            f.kind = kind;
            f.furniture = furniture;
            f.skip = u32::try_from(skip).unwrap_or(u32::MAX);
        }
    }
    // Entries of a table of contents whose tab became a space, known from their context.
    let kinds = |i: usize| {
        out.get(i)
            .map_or((LineKind::Blank, false), |f| (f.kind, f.furniture))
    };
    for i in toc::entries_in_context(lines, kinds) {
        out[i].kind = LineKind::Toc;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn furniture(text: &str, format: Format) -> Vec<bool> {
        Lines::new(text, format)
            .iter()
            .map(|l| l.furniture)
            .collect()
    }

    /// A line's clean text, made from the line scan's changing candidates
    /// ([`split::clean_part`] of a dirty line), is what cleaning its part
    /// anew makes ([`MappedText::clean`]): lines with markup, escapes,
    /// dashes and white space before, inside and after their content
    /// (headings with closing `#`s, bullets), after lines with other
    /// candidates, and across the line scan's blocks.
    #[test]
    fn lines_cleaned_from_the_scan_are_cleaned_anew() {
        const PIECES: [&str; 16] = [
            "a", " ", "\n", "# ", "- ", "*", "--", "-- ", "\t", "\u{a0}", "<b>", "[x](u)", "!",
            "\\", "#", "å",
        ];
        let mut dirty = 0;
        for tail in crate::testing::concatenations(&PIECES, 3) {
            for pad in [0, 60, 62, 63] {
                let text = format!("{}{tail}\n{tail} x{tail}", "y".repeat(pad));
                for format in [Format::Plain, Format::Markdown] {
                    let lines = Lines::new(&text, format);
                    for line in lines.iter() {
                        let content = &line.raw.text[line.content_at..];
                        let base = line.raw.start + line.content_at;
                        let anew = match line.kind {
                            LineKind::Blank | LineKind::BulletOnly => MappedText::default(),
                            _ if line.furniture => MappedText::default(),
                            LineKind::Heading(_) => MappedText::clean(heading_text(content), base),
                            _ => MappedText::clean(content, base),
                        };
                        dirty += usize::from(!anew.is_borrowed());
                        assert_eq!(line.text, anew, "{text:?}");
                        assert_eq!(line.text.is_borrowed(), anew.is_borrowed(), "{text:?}");
                    }
                }
            }
        }
        assert!(dirty > 10_000, "{dirty}");
    }

    /// `page_digits` tells a line from its first byte as the trim and the
    /// test of its digits tell it: lines of digits, letters, punctuation
    /// and white space (Unicode spaces, tabs, form feeds) in every order,
    /// around the length bound.
    #[test]
    fn page_digits_agrees_with_the_trimmed_test() {
        const PIECES: [&str; 10] = [
            "1", "42", " ", "\t", "\u{c}", "\u{a0}", "\u{2003}", "a", ".", "å",
        ];
        fn slow(line: &str) -> Option<&str> {
            let t = crate::text::trim(line);
            (t.len() <= MAX_PAGE_NUMBER && t.bytes().all(|c| c.is_ascii_digit())).then_some(t)
        }
        let mut numbers = 0;
        for line in crate::testing::concatenations(&PIECES, 4) {
            assert_eq!(page_digits(&line), slow(&line), "{line:?}");
            numbers += usize::from(slow(&line).is_some());
        }
        assert!(numbers > 100, "{numbers}");
    }

    #[test]
    fn markdown_page_number_alone_between_items() {
        let text = "- Alfa AS\n\n6\n\n- Beta AS\n";
        assert_eq!(
            furniture(text, Format::Markdown),
            [false, false, true, false, false]
        );
    }

    #[test]
    fn markdown_page_numbers_rise() {
        let text = "Tekst.\n\n1\n\nMer.\n\n2\n\nMer.\n\n2\n\nSlutt.\n";
        let f = furniture(text, Format::Markdown);
        assert!(f[2] && f[6]);
        assert!(!f[10], "a number that does not rise is text");
    }

    #[test]
    fn markdown_real_numbers_are_text() {
        // Far above the last page number, or inside a paragraph.
        let text = "Antall saker:\n\n2019\n\nTall\n42\n";
        assert!(furniture(text, Format::Markdown).iter().all(|f| !f));
    }
}

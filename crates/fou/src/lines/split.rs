//! Physical lines: where the input's lines end.

use super::MappedText;
use super::clean::{BlockMask, Pick, SCAN_BLOCK, block_mask};
use crate::source::{LineEnds, has_unicode_line_ends, line_end_len};

/// One physical line of the input.
///
/// ```
/// let l = fou::lines::split_lines("a\nbc").nth(1).unwrap();
/// assert_eq!((l.text, l.start, l.number), ("bc", 2, 2));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawLine<'a> {
    /// The text without its line terminator.
    pub text: &'a str,
    /// Byte offset of the first byte.
    pub start: usize,
    /// 1-based line number.
    pub number: usize,
}

impl RawLine<'_> {
    /// Byte offset just past the text (before the line terminator).
    ///
    /// ```
    /// let l = fou::lines::split_lines("ab\r\n").next().unwrap();
    /// assert_eq!(l.end(), 2);
    /// ```
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// Split `text` into physical lines: `\n`, `\r\n`, a lone `\r` and the
/// [`LINE_SEPARATORS`](crate::lexicon::LINE_SEPARATORS) end a line (see
/// [`line_end_len`](crate::source::line_end_len)). Line ends are found with `memchr`.
///
/// ```
/// let lines: Vec<_> = fou::lines::split_lines("a\r\nb\rc\u{2029}d\n").map(|l| l.text).collect();
/// assert_eq!(lines, ["a", "b", "c", "d"]);
/// ```
pub fn split_lines(text: &str) -> impl Iterator<Item = RawLine<'_>> {
    let bytes = text.as_bytes();
    let mut ends = LineEnds::new(bytes, has_unicode_line_ends(text));
    let mut pos = 0usize;
    let mut number = 0usize;
    std::iter::from_fn(move || {
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        let (end, ending) = ends.next_from(start).unwrap_or((bytes.len(), 0));
        let next = end + ending;
        crate::work::add(next - start);
        pos = next;
        number += 1;
        Some(RawLine {
            text: text.get(start..end).unwrap_or_default(),
            start,
            number,
        })
    })
}

/// A line found by [`scan_lines`]: its bounds (terminator excluded) and
/// whether inline cleaning may change it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ScannedLine {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Cleaning may change the line; when false, no part of it needs
    /// cleaning (its clean text is itself, trimmed).
    pub(crate) dirty: bool,
}

/// The lines of `text`, as [`split_lines`] finds them, each with whether
/// cleaning may change it ([`MappedText::clean`](super::MappedText::clean)),
/// from one pass: every byte that ends a line or may start markup is a
/// candidate (`\n`, `\r` and the lead bytes of NEL, U+2028 and U+2029 among
/// them), found [`SCAN_BLOCK`] bytes at a time with vector compares and
/// then looked at one by one.
pub(crate) fn scan_lines(text: &str) -> Scan<'_> {
    Scan::new(text)
}

/// Room for this many candidates of one line in [`CleanLines`]' `marks`,
/// made once per text: more than most lines hold (it grows for the others).
const MARKS_AT_ONCE: usize = 64;

/// The state of [`scan_lines`].
pub(crate) struct Scan<'a> {
    bytes: &'a [u8],
    /// Offset of the block whose candidates are in `mask`.
    base: usize,
    /// Offset of the next block to read.
    next_block: usize,
    /// One bit per candidate byte of the block at `base` not yet looked at.
    mask: BlockMask,
    line_start: usize,
    /// Candidates before this offset are inside a line end already taken
    /// (the `\n` of `\r\n`).
    skip_to: usize,
    /// The current line holds something cleaning changes.
    dirty: bool,
}

/// The first block of `bytes` at or after `at` that holds a candidate,
/// with its offset and its candidates (the last block padded with spaces,
/// no candidate), or `None` when no block from `at` on holds one. Blocks
/// without a candidate (most of a text's: a line of prose is a block or
/// two of letters) are passed over in a loop of their own, whose compares
/// keep their constants in registers; the scan's loop, which calls out to
/// grow its lists, loaded them again for each block, and went round once
/// per empty block.
#[inline(always)]
fn next_block_at(bytes: &[u8], mut at: usize) -> Option<(usize, BlockMask)> {
    while let Some(block) = bytes.get(at..).and_then(|rest| rest.first_chunk()) {
        let mask = block_mask(block, Pick::Candidates);
        if mask != 0 {
            return Some((at, mask));
        }
        at += SCAN_BLOCK;
    }
    // Fewer than a block's bytes are left (or none).
    let rest = bytes.get(at..).filter(|rest| !rest.is_empty())?;
    let mut block = [b' '; SCAN_BLOCK];
    block.get_mut(..rest.len())?.copy_from_slice(rest);
    let mask = block_mask(&block, Pick::Candidates);
    (mask != 0).then_some((at, mask))
}

impl<'a> Scan<'a> {
    fn new(text: &'a str) -> Self {
        Scan {
            bytes: text.as_bytes(),
            base: 0,
            next_block: 0,
            mask: 0,
            line_start: 0,
            skip_to: 0,
            dirty: false,
        }
    }

    fn emit(&mut self, end: usize, next: usize, dirty: bool) -> ScannedLine {
        let line = ScannedLine {
            start: self.line_start,
            end,
            dirty,
        };
        crate::work::add(next - self.line_start);
        self.line_start = next;
        self.skip_to = next;
        self.dirty = false;
        line
    }

    /// The next line, with `mark` given the offset of each of its
    /// candidates that cleaning changes ([`changes_at`](super::clean::changes_at)),
    /// in order: the only bytes the cleaner takes (a hyphen, a `]` or a
    /// letter `X` is no markup, and no work for it).
    #[inline(always)]
    pub(super) fn next_marked(&mut self, mut mark: impl FnMut(usize)) -> Option<ScannedLine> {
        // The state in locals while blocks are read (kept in registers, not
        // written back per block), written back when a line is returned.
        let bytes = self.bytes;
        let skip_to = self.skip_to;
        let (mut mask, mut base, mut dirty) = (self.mask, self.base, self.dirty);
        loop {
            while mask != 0 {
                let i = base + mask.trailing_zeros() as usize;
                mask &= mask - 1;
                if i < skip_to {
                    continue;
                }
                // `\n`, the most common candidate, first.
                let end = if bytes.get(i) == Some(&b'\n') {
                    Some(1)
                } else {
                    line_end_len(bytes, i)
                };
                if let Some(len) = end {
                    (self.mask, self.base) = (mask, base);
                    return Some(self.emit(i, i + len, dirty));
                }
                // A line end is never one of the bytes `changes_at` looks
                // ahead at, so it reads the line alone.
                if super::clean::changes_at(bytes, i) {
                    mark(i);
                    dirty = true;
                }
            }
            let Some((at, m)) = next_block_at(bytes, self.next_block) else {
                let len = bytes.len();
                (self.mask, self.base, self.next_block) = (0, len, len);
                return (self.line_start < len).then(|| self.emit(len, len, dirty));
            };
            (base, mask) = (at, m);
            self.next_block = at + SCAN_BLOCK;
        }
    }
}

impl Iterator for Scan<'_> {
    type Item = ScannedLine;

    #[inline]
    fn next(&mut self) -> Option<ScannedLine> {
        self.next_marked(|_| {})
    }
}

/// Every physical line of `text` with its clean text: what
/// `split_lines(text)` with [`MappedText::clean`] of each line gives, from
/// one pass over the text that finds line ends and markup together (a line
/// with no markup is not read again: its clean text is itself, trimmed).
///
/// ```
/// use fou::lines::{MappedText, clean_lines, split_lines};
/// let text = "Forord\r\n**Tre** prosjekter -- ett nytt\n\nSlutt  \n";
/// let lines: Vec<_> = clean_lines(text).collect();
/// assert_eq!(lines[1].1.as_str(), "Tre prosjekter – ett nytt");
/// for ((raw, clean), line) in lines.iter().zip(split_lines(text)) {
///     assert_eq!((raw, clean), (&line, &MappedText::clean(line.text, line.start)));
/// }
/// ```
pub fn clean_lines(text: &str) -> impl Iterator<Item = (RawLine<'_>, MappedText<'_>)> {
    CleanLines {
        text,
        scan: Scan::new(text),
        marks: Vec::with_capacity(MARKS_AT_ONCE),
        number: 0,
    }
}

/// The iterator of [`clean_lines`].
struct CleanLines<'a> {
    text: &'a str,
    scan: Scan<'a>,
    /// The offsets of the candidates of the line last read that cleaning
    /// changes, in order: the cleaner of a dirty line starts from them and
    /// does not test its bytes again ([`MappedText::clean_dirty_line`]).
    marks: Vec<usize>,
    /// The number of the line last returned.
    number: usize,
}

impl<'a> CleanLines<'a> {
    /// The line the scan found next, with its clean text.
    #[inline(always)]
    fn line(
        text: &'a str,
        scan: &mut Scan<'a>,
        marks: &mut Vec<usize>,
        number: &mut usize,
    ) -> Option<(RawLine<'a>, MappedText<'a>)> {
        marks.clear();
        let line = scan.next_marked(|i| marks.push(i))?;
        *number += 1;
        let raw = RawLine {
            text: text.get(line.start..line.end).unwrap_or_default(),
            start: line.start,
            number: *number,
        };
        let clean = if line.dirty {
            MappedText::clean_dirty_line(raw.text, raw.start, marks)
        } else {
            MappedText::verbatim(trim_end(raw.text), raw.start)
        };
        Some((raw, clean))
    }
}

impl<'a> Iterator for CleanLines<'a> {
    type Item = (RawLine<'a>, MappedText<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        Self::line(self.text, &mut self.scan, &mut self.marks, &mut self.number)
    }

    /// The lines one after another with the scan's state in locals, not
    /// written back to the iterator per line.
    fn fold<B, F: FnMut(B, Self::Item) -> B>(self, init: B, mut f: F) -> B {
        let CleanLines {
            text,
            mut scan,
            mut marks,
            mut number,
        } = self;
        let mut acc = init;
        while let Some(item) = Self::line(text, &mut scan, &mut marks, &mut number) {
            acc = f(acc, item);
        }
        acc
    }
}

use crate::text::trim_end;

/// [`MappedText::clean`] of `part` (at byte `base` of the source), a part
/// of a line that [`scan_lines`] found `dirty` or not: a part of a line
/// that needs no cleaning is its own clean text, trimmed; a part of a
/// dirty line is cleaned from the offsets of the line's candidates that
/// cleaning changes, `known` (from `base` on: see
/// [`MappedText::clean_known`]), and its bytes are not tested again.
pub(super) fn clean_part<'a>(
    part: &'a str,
    base: usize,
    dirty: bool,
    known: &[usize],
) -> MappedText<'a> {
    if dirty {
        MappedText::clean_known(part, base, known)
    } else {
        MappedText::verbatim(trim_end(part), base)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `clean_lines(text)` is `split_lines(text)` with `MappedText::clean`
    /// of each line, borrowed where cleaning changed nothing, as `clean` is.
    fn agrees_with_split_and_clean(text: &str) {
        let expected: Vec<_> = split_lines(text)
            .map(|l| (l, MappedText::clean(l.text, l.start)))
            .collect();
        let got: Vec<_> = clean_lines(text).collect();
        assert_eq!(got, expected, "{text:?}");
        for ((_, g), (_, e)) in got.iter().zip(&expected) {
            assert_eq!(g.is_borrowed(), e.is_borrowed(), "{text:?}");
        }
    }

    /// `clean_lines` gives what `split_lines` and `MappedText::clean` give,
    /// with line ends and markup at every place around a block boundary.
    #[test]
    fn clean_lines_agrees_with_split_and_clean() {
        const PIECES: [&str; 17] = [
            "a", " ", "\n", "\r", "\r\n", "\u{85}", "\u{2028}", "-", "--", "*", "\\", "\u{a0}",
            "\u{200b}", "–", "\t", "\u{c}", "<b>",
        ];
        let mut checked = 0;
        for a in PIECES {
            for b in PIECES {
                for c in PIECES {
                    for pad in 0..=SCAN_BLOCK + 2 {
                        agrees_with_split_and_clean(&format!("{}{a}{b}{c}x", "y".repeat(pad)));
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 50_000);
    }

    /// `clean_lines` gives what `split_lines` and `MappedText::clean`
    /// give when runs of blocks without a candidate (which the scan passes
    /// over in a loop of their own) stand between line ends and markup:
    /// runs of every length round one, two and three blocks, before,
    /// between and after them, and at the text's end.
    #[test]
    fn blocks_without_candidates_are_passed_over() {
        const PIECES: [&str; 7] = ["\n", "\r\n", "*", "-- ", "\u{a0}", "\u{2028}", "æ"];
        let runs = [0, 1, 62, 63, 64, 65, 127, 128, 129, 191, 192, 193, 250];
        let mut checked = 0;
        for a in PIECES {
            for b in PIECES {
                for (&m, &n) in runs.iter().zip(runs.iter().rev()) {
                    for tail in [0, 1, 64, 130] {
                        let [m, n, tail] = [m, n, tail].map(|k| "y".repeat(k));
                        agrees_with_split_and_clean(&format!("{m}{a}{n}{b}{tail}"));
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 2_000, "{checked}");
    }
}

//! Physical lines: where the input's lines end.

use crate::source::{has_unicode_line_ends, next_line_end};

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
    let unicode = has_unicode_line_ends(text);
    let mut pos = 0usize;
    let mut number = 0usize;
    std::iter::from_fn(move || {
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        let (end, ending) = next_line_end(bytes, start, unicode).unwrap_or((bytes.len(), 0));
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

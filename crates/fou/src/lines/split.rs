//! Physical lines: where the input's lines end.

use crate::source::line_end_len;

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

/// True when `text` holds a Unicode line separator (NEL, U+2028, U+2029):
/// only then must a line split look beyond `\n` and `\r`.
fn has_unicode_line_ends(text: &str) -> bool {
    crate::lexicon::LINE_SEPARATORS.iter().any(|&c| {
        let mut buf = [0u8; 4];
        memchr::memmem::find(text.as_bytes(), c.encode_utf8(&mut buf).as_bytes()).is_some()
    })
}

/// The next line end at or after `from`: (its offset, its length).
fn next_line_end(bytes: &[u8], from: usize, unicode: bool) -> Option<(usize, usize)> {
    let mut at = from;
    // The next `\n`, `\r` or NEL lead byte (C2) at or after `at`, kept while
    // U+2028/U+2029 lead bytes (E2) before it are tried, so no byte is
    // scanned twice (`None`: not searched yet; `Some(None)`: there is none).
    let mut next3: Option<Option<usize>> = None;
    loop {
        let rest = bytes.get(at..)?;
        let candidate = if unicode {
            let stale = match next3 {
                None => true,
                Some(p) => p.is_some_and(|p| p < at),
            };
            if stale {
                next3 = Some(memchr::memchr3(b'\n', b'\r', 0xC2, rest).map(|k| at + k));
            }
            let next3 = next3.flatten();
            let bound = next3.unwrap_or(bytes.len());
            memchr::memchr(0xE2, &bytes[at..bound])
                .map(|k| at + k)
                .or(next3)?
        } else {
            at + memchr::memchr2(b'\n', b'\r', rest)?
        };
        if let Some(len) = line_end_len(bytes, candidate) {
            return Some((candidate, len));
        }
        at = candidate + 1;
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

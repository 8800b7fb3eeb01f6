//! Layer 0: input decoding and the line index.
//!
//! Spans are byte ranges into the decoded text; line numbers are derived
//! from them (1-based) through a [`LineIndex`].

use crate::model::Span;
use crate::{Error, Format};

/// A decoded report text with its line index.
///
/// ```
/// let src = fou::Source::from_bytes(b"\xEF\xBB\xBFTitle\nBody\n").unwrap();
/// assert_eq!(src.encoding(), "utf-8-sig");
/// assert_eq!(src.line_count(), 2);
/// ```
#[derive(Debug, Clone)]
pub struct Source {
    text: String,
    encoding: &'static str,
    index: LineIndex,
}

impl Source {
    /// Wrap already decoded text.
    ///
    /// ```
    /// assert_eq!(fou::Source::from_text("a\nb").line_count(), 2);
    /// ```
    pub fn from_text(text: &str) -> Self {
        Source {
            text: text.to_owned(),
            encoding: "utf-8",
            index: LineIndex::new(text),
        }
    }

    /// Decode bytes, detecting the encoding:
    ///
    /// - UTF-8, with or without a byte-order mark (`"utf-8"`, `"utf-8-sig"`);
    /// - UTF-16 LE/BE with a byte-order mark, or without one when the NUL
    ///   bytes give it away (`"utf-16le"`, `"utf-16be"`);
    /// - otherwise Windows-1252, the superset of Latin-1 that older Norwegian
    ///   files use for æ, ø, å (`"windows-1252"`).
    ///
    /// Binary data (many control bytes) is [`Error::Binary`]; malformed UTF-16
    /// is [`Error::Decode`] naming the byte offset. For UTF-8 input the text
    /// keeps a byte-order mark, so offsets equal input offsets; other
    /// encodings are decoded to UTF-8 and offsets index the decoded text.
    ///
    /// ```
    /// let src = fou::Source::from_bytes(b"Bl\xe5b\xe6r").unwrap();
    /// assert_eq!((src.text(), src.encoding()), ("Blåbær", "windows-1252"));
    /// let src = fou::Source::from_bytes(b"\xff\xfeA\x00\xe5\x00").unwrap();
    /// assert_eq!((src.text(), src.encoding()), ("Aå", "utf-16le"));
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, Error> {
        let (text, encoding) = decode(bytes)?;
        Ok(Source {
            index: LineIndex::new(&text),
            text,
            encoding,
        })
    }

    /// Like [`Source::from_bytes`], but takes ownership so UTF-8 input is not copied.
    ///
    /// ```
    /// let src = fou::Source::from_vec(b"FoU-rapport 2020".to_vec()).unwrap();
    /// assert_eq!(src.encoding(), "utf-8");
    /// ```
    pub fn from_vec(bytes: Vec<u8>) -> Result<Self, Error> {
        if !bytes.starts_with(&[0xFF, 0xFE])
            && !bytes.starts_with(&[0xFE, 0xFF])
            && sniff_utf16(&bytes).is_none()
        {
            check_not_binary(&bytes)?;
            match String::from_utf8(bytes) {
                Ok(text) => {
                    let encoding = if text.starts_with('\u{feff}') {
                        "utf-8-sig"
                    } else {
                        "utf-8"
                    };
                    return Ok(Source {
                        index: LineIndex::new(&text),
                        text,
                        encoding,
                    });
                }
                Err(e) => return Self::from_bytes(e.as_bytes()),
            }
        }
        Self::from_bytes(&bytes)
    }

    /// The decoded text (a byte-order mark, if any, is kept so offsets match the input).
    ///
    /// ```
    /// assert_eq!(fou::Source::from_text("tekst").text(), "tekst");
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Name of the detected encoding (`"utf-8"`, `"utf-8-sig"`).
    ///
    /// ```
    /// assert_eq!(fou::Source::from_bytes(b"Bl\xe5").unwrap().encoding(), "windows-1252");
    /// ```
    pub fn encoding(&self) -> &'static str {
        self.encoding
    }

    /// Number of lines (a final line without terminator counts).
    ///
    /// ```
    /// assert_eq!(fou::Source::from_text("a\r\nb\rc").line_count(), 3);
    /// ```
    pub fn line_count(&self) -> usize {
        self.index.line_count()
    }

    /// The line index.
    ///
    /// ```
    /// assert_eq!(fou::Source::from_text("a\nb").index().line_of(2), 2);
    /// ```
    pub fn index(&self) -> &LineIndex {
        &self.index
    }

    /// Guess whether the text is Markdown or plain text.
    ///
    /// ```
    /// assert_eq!(fou::Source::from_text("## Forord\n").detect_format(), fou::Format::Markdown);
    /// ```
    pub fn detect_format(&self) -> Format {
        detect_format(&self.text)
    }

    /// Build a [`Span`] for a byte range.
    ///
    /// ```
    /// let s = fou::Source::from_text("a\nbc").span(2, 4);
    /// assert_eq!((s.line_start, s.line_end), (2, 2));
    /// ```
    pub fn span(&self, start: usize, end: usize) -> Span {
        self.index.span(start, end)
    }

    /// Byte range of 1-based `line` without its line ending (and, on line 1,
    /// without a byte-order mark); `None` past the last line.
    fn line_range(&self, line: usize) -> Option<(usize, usize)> {
        if line > self.line_count() {
            return None;
        }
        let mut start = self.index.line_start(line)?;
        if start == 0 && self.text.starts_with('\u{feff}') {
            start = '\u{feff}'.len_utf8();
        }
        let rest = &self.text[start..];
        let end = rest
            .find(['\n', '\r'])
            .map_or(self.text.len(), |i| start + i);
        Some((start, end))
    }

    /// The text of 1-based `line`, without its line ending; `None` past the
    /// last line. A byte-order mark at the start of line 1 is left out.
    ///
    /// ```
    /// let src = fou::Source::from_text("\u{feff}Tittel\r\nTekst\n");
    /// assert_eq!(src.line_text(1), Some("Tittel"));
    /// assert_eq!(src.line_text(2), Some("Tekst"));
    /// assert_eq!(src.line_text(3), None);
    /// ```
    pub fn line_text(&self, line: usize) -> Option<&str> {
        self.line_range(line).map(|(s, e)| &self.text[s..e])
    }

    /// The 1-based line and column of byte `offset`. Columns count
    /// characters, not bytes, from the start of the line (after a byte-order
    /// mark on line 1). An offset past the end, or inside a character, is
    /// moved back to the nearest character boundary.
    ///
    /// ```
    /// let src = fou::Source::from_text("Første linje\nÅr og dag\n");
    /// let at = src.text().find("og").unwrap();
    /// assert_eq!(src.line_col(at), fou::LineCol { line: 2, column: 4 });
    /// assert_eq!(src.line_col(0), fou::LineCol { line: 1, column: 1 });
    /// ```
    pub fn line_col(&self, offset: usize) -> LineCol {
        let offset = floor_boundary(&self.text, offset);
        let line = self.index.line_of(offset);
        let (start, end) = self.line_range(line).unwrap_or((offset, offset));
        let at = offset.clamp(start, end.max(start));
        LineCol {
            line,
            column: self.text[start..at].chars().count() + 1,
        }
    }

    /// The first line of `span`, cut to at most `width` characters around the
    /// span's start (at least 10), ready to print with a caret underneath.
    ///
    /// Where the line is cut, `…` stands for the cut part. Tabs and other
    /// control characters are shown as spaces, so that the caret column,
    /// counted in characters, lines up with the text.
    ///
    /// ```
    /// let line = format!("{}Åtte prosjekter{}", "x".repeat(300), "y".repeat(300));
    /// let src = fou::Source::from_text(&line);
    /// let start = line.find("Åtte").unwrap();
    /// let e = src.excerpt(&src.span(start, start + "Åtte prosjekter".len()), 100);
    /// assert_eq!(e.line, 1);
    /// assert_eq!(e.text.chars().count(), 100);
    /// assert!(e.text.starts_with('…') && e.text.ends_with('…'));
    /// let under: String = e.text.chars().skip(e.caret_column).take(e.caret_width).collect();
    /// assert_eq!(under, "Åtte prosjekter");
    /// ```
    pub fn excerpt(&self, span: &Span, width: usize) -> Excerpt {
        let width = width.max(10);
        let from = self.line_col(span.start);
        let line = self.line_text(from.line).unwrap_or("");
        let chars: Vec<char> = line
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let n = chars.len();
        let a = (from.column - 1).min(n);
        let to = self.line_col(span.end.max(span.start));
        let b = if to.line == from.line {
            (to.column - 1).clamp(a, n)
        } else {
            n
        };
        let (lo, hi) = window(n, a, width);
        let mut text = String::new();
        if lo > 0 {
            text.push('…');
        }
        text.extend(&chars[lo..hi]);
        if hi < n {
            text.push('…');
        }
        let caret_column = a - lo + usize::from(lo > 0);
        Excerpt {
            line: from.line,
            text,
            caret_column,
            caret_width: b.min(hi).saturating_sub(a).max(1),
        }
    }
}

/// The characters `lo..hi` of a line of `n` characters to show so that
/// column `a` is visible and, with an ellipsis at each cut side, at most
/// `width` characters are shown.
fn window(n: usize, a: usize, width: usize) -> (usize, usize) {
    if n <= width {
        return (0, n);
    }
    // Keep a third of the width as context before the caret.
    let lo = a.saturating_sub(width / 3);
    if lo == 0 {
        return (0, width - 1);
    }
    if lo + width > n {
        return (n - (width - 1), n);
    }
    (lo, lo + width - 2)
}

/// The largest character boundary of `text` at or before `offset`.
fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut i = offset.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A 1-based line and column; the column counts characters.
///
/// ```
/// let src = fou::Source::from_text("a\nbæc");
/// // `c` is byte 5 but character 3 of its line
/// assert_eq!(src.line_col(5), fou::LineCol { line: 2, column: 3 });
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LineCol {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

/// A source line shortened around a span, with where to put the caret
/// (see [`Source::excerpt`]).
///
/// ```
/// let src = fou::Source::from_text("Tre prosjekter ble avsluttet.\n");
/// let e = src.excerpt(&src.span(4, 14), 100);
/// assert_eq!(e.text, "Tre prosjekter ble avsluttet.");
/// assert_eq!((e.caret_column, e.caret_width), (4, 10));
/// let carets = format!("{}{}", " ".repeat(e.caret_column), "^".repeat(e.caret_width));
/// assert_eq!(carets, "    ^^^^^^^^^^");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    /// The 1-based line shown.
    pub line: usize,
    /// The line's text, cut with `…` where it was too long.
    pub text: String,
    /// Characters of `text` before the first caret (0-based).
    pub caret_column: usize,
    /// Number of carets, at least 1; a span running past the shown text is
    /// underlined to its end.
    pub caret_width: usize,
}

/// Is this a control byte that text files do not contain?
fn is_binary_byte(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1a)) || b == 0x7f
}

/// Reject data that is not text: more than 1 in 20 bytes of the first 64 KiB
/// are control bytes.
fn check_not_binary(bytes: &[u8]) -> Result<(), Error> {
    let head = &bytes[..bytes.len().min(65536)];
    let controls = head.iter().filter(|&&b| is_binary_byte(b)).count();
    if controls * 20 > head.len().max(1) {
        let offset = head.iter().position(|&b| is_binary_byte(b)).unwrap_or(0);
        return Err(Error::Binary { offset });
    }
    Ok(())
}

/// Guess UTF-16 without a BOM: most even (BE) or odd (LE) bytes are NUL.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 4 {
        return None;
    }
    let pairs = head.len() / 2;
    let even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd * 10 >= pairs * 7 && even * 10 < pairs {
        Some(encoding_rs::UTF_16LE)
    } else if even * 10 >= pairs * 7 && odd * 10 < pairs {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Offset of the first malformed code unit in UTF-16 data.
fn utf16_error_offset(body: &[u8], big_endian: bool) -> usize {
    let unit = |i: usize| {
        let (a, b) = (body[i], body[i + 1]);
        if big_endian {
            u16::from_be_bytes([a, b])
        } else {
            u16::from_le_bytes([a, b])
        }
    };
    let mut i = 0;
    while i + 1 < body.len() {
        let u = unit(i);
        if (0xD800..0xDC00).contains(&u) {
            if i + 3 < body.len() && (0xDC00..0xE000).contains(&unit(i + 2)) {
                i += 4;
                continue;
            }
            return i;
        }
        if (0xDC00..0xE000).contains(&u) {
            return i;
        }
        i += 2;
    }
    i
}

/// Decode input bytes to text; see [`Source::from_bytes`].
fn decode(bytes: &[u8]) -> Result<(String, &'static str), Error> {
    use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};
    let (utf16, skip) = match bytes {
        [0xFF, 0xFE, ..] => (Some(UTF_16LE), 2),
        [0xFE, 0xFF, ..] => (Some(UTF_16BE), 2),
        _ => (sniff_utf16(bytes), 0),
    };
    if let Some(enc) = utf16 {
        let body = &bytes[skip..];
        let name = if enc == UTF_16LE {
            "utf-16le"
        } else {
            "utf-16be"
        };
        if body.len() % 2 == 1 {
            return Err(Error::Decode {
                encoding: name,
                offset: bytes.len() - 1,
            });
        }
        return match enc.decode_without_bom_handling_and_without_replacement(body) {
            Some(text) => {
                check_not_binary(text.as_bytes())?;
                Ok((text.into_owned(), name))
            }
            None => Err(Error::Decode {
                encoding: name,
                offset: skip + utf16_error_offset(body, enc == UTF_16BE),
            }),
        };
    }
    check_not_binary(bytes)?;
    if let Ok(text) = std::str::from_utf8(bytes) {
        let name = if text.starts_with('\u{feff}') {
            "utf-8-sig"
        } else {
            "utf-8"
        };
        return Ok((text.to_owned(), name));
    }
    let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
    Ok((text.into_owned(), "windows-1252"))
}

/// Sniff the input style: Markdown when ATX headings, `**bold**`, `<b>` tags or
/// `[links](…)` appear at the start of lines or inline; otherwise plain text.
///
/// ```
/// assert_eq!(fou::detect_format("# Title\n\nText"), fou::Format::Markdown);
/// assert_eq!(fou::detect_format("Title\n\nProsjekttittel: X"), fou::Format::Plain);
/// ```
pub fn detect_format(text: &str) -> Format {
    let mut score = 0usize;
    for line in text.lines().take(5000) {
        let t = line.trim_start();
        let hashes = t.bytes().take_while(|&b| b == b'#').count();
        if (1..=6).contains(&hashes) && t[hashes..].starts_with(' ') {
            score += 2;
        }
        if t.contains("**") || t.contains("<b>") || t.contains("](") {
            score += 1;
        }
        if score >= 2 {
            return Format::Markdown;
        }
    }
    Format::Plain
}

/// Maps byte offsets to 1-based line numbers.
///
/// ```
/// let idx = fou::LineIndex::new("a\nbb\r\nccc");
/// assert_eq!(idx.line_of(0), 1);
/// assert_eq!(idx.line_of(3), 2);
/// assert_eq!(idx.line_of(7), 3);
/// assert_eq!(idx.line_count(), 3);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    /// Index the line starts of `text` (`\n`, `\r\n` and lone `\r` end lines).
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i + 1);
                }
                _ => {}
            }
            i += 1;
        }
        if starts.len() > 1 && starts.last() == Some(&bytes.len()) {
            starts.pop();
        }
        LineIndex {
            starts,
            len: bytes.len(),
        }
    }

    /// Number of lines.
    pub fn line_count(&self) -> usize {
        if self.len == 0 { 0 } else { self.starts.len() }
    }

    /// The 1-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i.max(1),
        }
    }

    /// Byte offset where 1-based `line` starts.
    ///
    /// ```
    /// assert_eq!(fou::LineIndex::new("a\nbc").line_start(2), Some(2));
    /// ```
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line.checked_sub(1)?).copied()
    }

    /// A span for the byte range `start..end` (end exclusive).
    pub fn span(&self, start: usize, end: usize) -> Span {
        let end = end.max(start);
        Span {
            start,
            end,
            line_start: self.line_of(start),
            line_end: self.line_of(end.saturating_sub(1).max(start)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn carets(src: &Source, start: usize, end: usize, width: usize) -> (String, String) {
        let e = src.excerpt(&src.span(start, end), width);
        let under: String = e
            .text
            .chars()
            .skip(e.caret_column)
            .take(e.caret_width)
            .collect();
        (e.text, under)
    }

    #[test]
    fn line_col_counts_characters_and_skips_a_bom() {
        let src = Source::from_text("\u{feff}Årsrapport\r\nbæ\tø x\rz");
        assert_eq!(src.line_col(3), LineCol { line: 1, column: 1 });
        let x = src.text().find('x').unwrap();
        assert_eq!(src.line_col(x), LineCol { line: 2, column: 6 });
        // inside `æ`: back to its first byte
        let ae = src.text().find('æ').unwrap();
        assert_eq!(src.line_col(ae + 1), LineCol { line: 2, column: 2 });
        assert_eq!(src.line_col(usize::MAX), LineCol { line: 3, column: 2 });
        assert_eq!(src.line_text(3), Some("z"));
        assert_eq!(Source::from_text("").line_text(1), None);
    }

    #[test]
    fn short_lines_are_shown_whole_with_tabs_as_spaces() {
        let src = Source::from_text("Forord\t2\nÅtte nye");
        let (text, under) = carets(&src, 9, 9 + "Åtte".len(), 100);
        assert_eq!((text.as_str(), under.as_str()), ("Åtte nye", "Åtte"));
        let (text, _) = carets(&src, 0, 6, 100);
        assert_eq!(text, "Forord 2");
    }

    #[test]
    fn long_lines_are_cut_around_the_caret() {
        let line = format!("{}ni skisser{}", "å".repeat(50), "e".repeat(50));
        let src = Source::from_text(&line);
        let at = line.find("ni").unwrap();
        // caret near the start: cut on the right only
        let (text, under) = carets(&src, 0, 4, 40);
        assert_eq!(text.chars().count(), 40);
        assert!(!text.starts_with('…') && text.ends_with('…'));
        assert_eq!(under, "åå");
        // caret in the middle: cut on both sides
        let (text, under) = carets(&src, at, at + "ni skisser".len(), 40);
        assert_eq!(text.chars().count(), 40);
        assert!(text.starts_with('…') && text.ends_with('…'));
        assert_eq!(under, "ni skisser");
        // caret near the end: cut on the left only
        let end = line.len();
        let (text, under) = carets(&src, end - 1, end, 40);
        assert!(text.starts_with('…') && !text.ends_with('…'));
        assert_eq!(under, "e");
        // an empty span at the end of the line: the caret stands after the text
        let (_, under) = carets(&src, end, end, 40);
        assert_eq!(under, "");
    }

    #[test]
    fn a_span_over_several_lines_is_underlined_to_the_end_of_its_first() {
        let src = Source::from_text("en to\ntre");
        let (text, under) = carets(&src, 3, 9, 100);
        assert_eq!((text.as_str(), under.as_str()), ("en to", "to"));
    }
}

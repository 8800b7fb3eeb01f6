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
    pub fn from_text(text: &str) -> Self {
        Source {
            text: text.to_owned(),
            encoding: "utf-8",
            index: LineIndex::new(text),
        }
    }

    /// Decode bytes: UTF-8, with or without a byte-order mark.
    ///
    /// Binary input (NUL bytes in the first kilobytes) and invalid UTF-8 are
    /// errors naming the byte offset.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, Error> {
        let (body, encoding, skip) = match bytes {
            [0xEF, 0xBB, 0xBF, ..] => (&bytes[3..], "utf-8-sig", 3usize),
            _ => (bytes, "utf-8", 0usize),
        };
        match std::str::from_utf8(body) {
            Ok(_) => {}
            Err(e) => {
                return Err(Error::Decode {
                    encoding: "UTF-8",
                    offset: skip + e.valid_up_to(),
                });
            }
        }
        if let Some(pos) = body.iter().take(8192).position(|&b| b == 0) {
            return Err(Error::Binary { offset: skip + pos });
        }
        // Byte offsets index the input including the BOM, so keep it in the text.
        let text = String::from_utf8_lossy(bytes).into_owned();
        Ok(Source {
            index: LineIndex::new(&text),
            text,
            encoding,
        })
    }

    /// The decoded text (a byte-order mark, if any, is kept so offsets match the input).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Name of the detected encoding (`"utf-8"`, `"utf-8-sig"`).
    pub fn encoding(&self) -> &'static str {
        self.encoding
    }

    /// Number of lines (a final line without terminator counts).
    pub fn line_count(&self) -> usize {
        self.index.line_count()
    }

    /// The line index.
    pub fn index(&self) -> &LineIndex {
        &self.index
    }

    /// Guess whether the text is Markdown or plain text.
    pub fn detect_format(&self) -> Format {
        detect_format(&self.text)
    }

    /// Build a [`Span`] for a byte range.
    pub fn span(&self, start: usize, end: usize) -> Span {
        self.index.span(start, end)
    }
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
        if score >= 3 {
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

//! Layer 0: input decoding and the line index.
//!
//! Spans are byte ranges into the decoded text ([`Source::text`]); line
//! numbers are derived from them (1-based) through a [`LineIndex`]. For
//! valid UTF-8 input the decoded text *is* the input, so spans are input
//! offsets; otherwise [`Source::input_offset`] maps a text offset back to
//! the input byte it came from.

use std::borrow::Cow;

use crate::Error;
use crate::model::{Diagnostic, DiagnosticCode, Severity, Span};

/// A decoded report text with its line index.
///
/// ```
/// let src = fou::Source::from_bytes(b"\xEF\xBB\xBFTitle\nBody\n").unwrap();
/// assert_eq!(src.encoding(), "utf-8-sig");
/// assert_eq!(src.line_count(), 2);
/// ```
///
/// A source made from a `&str` ([`Source::from_text`]) borrows it: parsing
/// text does not copy it. Sources decoded from bytes own their text
/// (`Source<'static>`).
#[derive(Debug, Clone)]
pub struct Source<'a> {
    text: Cow<'a, str>,
    decoding: Decoding,
    index: LineIndex,
}

/// How the input bytes were decoded, and why (see [`Source::from_bytes`]).
///
/// ```
/// let src = fou::Source::from_bytes(b"Bl\xc3\xa5b\xc3\xa6r \xff\n").unwrap();
/// let d = src.decoding();
/// assert_eq!(d.encoding, "utf-8");
/// assert_eq!(d.replaced[0].input_offset, 9);
/// assert!(d.evidence.contains("1 invalid byte replaced"), "{}", d.evidence);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Decoding {
    /// The encoding: `"utf-8"`, `"utf-8-sig"`, `"utf-16le"`, `"utf-16be"`
    /// or `"windows-1252"`.
    pub encoding: &'static str,
    /// Why this encoding was chosen, in one sentence (borrowed from a
    /// static text unless it counts bytes).
    pub evidence: Cow<'static, str>,
    /// UTF-8 only: the runs of bytes that were not valid UTF-8, each byte
    /// replaced by one U+FFFD, in input order.
    pub replaced: Vec<Replaced>,
    /// Windows-1252 only: how many valid multi-byte UTF-8 sequences the
    /// input has all the same (read as two or three Windows-1252 characters
    /// each), and the text offset of the first.
    pub misread_utf8: Option<(usize, usize)>,
    /// Input bytes before the text (a UTF-16 byte-order mark).
    skipped: usize,
}

/// A run of input bytes that are not valid UTF-8; each became one U+FFFD
/// (three bytes of text).
///
/// ```
/// let src = fou::Source::from_bytes(b"\xc3\xa6 \xe5\xf8 x").unwrap();
/// let r = &src.decoding().replaced[0];
/// assert_eq!((r.input_offset, r.text_offset, r.bytes.as_slice()), (3, 3, [0xe5, 0xf8].as_slice()));
/// assert_eq!(&src.text()[r.text_range()], "\u{fffd}\u{fffd}");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replaced {
    /// Offset of the first replaced byte in the input.
    pub input_offset: usize,
    /// Offset of its U+FFFD in the decoded text.
    pub text_offset: usize,
    /// The replaced bytes.
    pub bytes: Vec<u8>,
}

impl Replaced {
    /// The U+FFFD characters that stand for the run in the decoded text.
    ///
    /// ```
    /// let src = fou::Source::from_bytes(b"\xc3\xa6\xff").unwrap();
    /// assert_eq!(src.decoding().replaced[0].text_range(), 2..5);
    /// ```
    pub fn text_range(&self) -> std::ops::Range<usize> {
        self.text_offset..self.text_offset + REPLACEMENT_LEN * self.bytes.len()
    }
}

/// Bytes of U+FFFD in UTF-8.
const REPLACEMENT_LEN: usize = '\u{FFFD}'.len_utf8();

/// Windows-1252 is chosen only when invalid UTF-8 bytes outnumber the valid
/// multi-byte UTF-8 sequences at least this many times.
///
/// ```
/// // 1 valid sequence (`å`) and 100 invalid bytes: Windows-1252 ...
/// let mut bytes = "å ".as_bytes().to_vec();
/// bytes.extend([0xe6; fou::WINDOWS_1252_RATIO]);
/// assert_eq!(fou::Source::from_bytes(&bytes).unwrap().encoding(), "windows-1252");
/// // ... 99 invalid bytes: UTF-8 with replacements.
/// bytes.pop();
/// assert_eq!(fou::Source::from_bytes(&bytes).unwrap().encoding(), "utf-8");
/// ```
pub const WINDOWS_1252_RATIO: usize = 100;

/// `decode-replaced` diagnostics listed one by one; the rest are summed up.
const MAX_REPLACED_DIAGNOSTICS: usize = 100;

impl<'a> Source<'a> {
    /// Wrap already decoded text (borrowed, not copied). A `&str` is valid UTF-8, so its decoding
    /// is the one [`Source::from_bytes`] gives its bytes: parsing a text or
    /// its UTF-8 bytes gives the same report.
    ///
    /// ```
    /// let src = fou::Source::from_text("a\nb");
    /// assert_eq!(src.line_count(), 2);
    /// let bytes = fou::Source::from_bytes(b"a\nb").unwrap();
    /// assert_eq!(src.decoding(), bytes.decoding());
    /// ```
    pub fn from_text(text: &'a str) -> Self {
        Self::new(Cow::Borrowed(text), Decoding::utf8(text))
    }

    /// [`Source::from_bytes`] that borrows: the text of valid UTF-8 input
    /// is `bytes` itself, not a copy (input in any other encoding, or with
    /// a byte replaced, is decoded into text of its own, as
    /// [`Source::from_bytes`] decodes it). The source then lives no longer
    /// than `bytes`; [`crate::input::read_file`] gives a file's bytes to
    /// read so. Its text, its decoding and every report parsed from it are
    /// those of [`Source::from_bytes`] and [`Source::from_vec`].
    ///
    /// ```
    /// use std::borrow::Cow;
    /// let bytes = "Blåbær\n".as_bytes();
    /// let src = fou::Source::from_slice(bytes)?;
    /// assert!(std::ptr::eq(src.text().as_ptr(), bytes.as_ptr())); // not copied
    /// assert_eq!(src.decoding(), fou::Source::from_bytes(bytes)?.decoding());
    /// assert_eq!(fou::Source::from_slice(b"Bl\xe5b\xe6r")?.text(), "Blåbær");
    /// # Ok::<(), fou::Error>(())
    /// ```
    pub fn from_slice(bytes: &'a [u8]) -> Result<Self, Error> {
        let (text, decoding) = decode(bytes)?;
        Ok(Self::new(text, decoding))
    }

    /// [`Source::from_slice`] with options, as [`Source::from_bytes_with`]
    /// reads them ([`Options::strict`](crate::Options::strict),
    /// [`Options::max_bytes`](crate::Options::max_bytes)).
    ///
    /// ```
    /// let strict = fou::Options::default().with_strict(true);
    /// assert!(fou::Source::from_slice_with(b"ok \xc3\xa5", &strict).is_ok());
    /// assert!(fou::Source::from_slice_with(b"\xc3\xa5 \xff", &strict).is_err());
    /// ```
    pub fn from_slice_with(bytes: &'a [u8], options: &crate::Options) -> Result<Self, Error> {
        crate::input::check_size(bytes.len(), options)?;
        Self::from_slice(bytes)?.checked(options)
    }

    fn new(text: Cow<'a, str>, decoding: Decoding) -> Self {
        Source {
            index: LineIndex::new(&text),
            text,
            decoding,
        }
    }
}

impl Source<'static> {
    /// Decode bytes, detecting the encoding:
    ///
    /// - UTF-8, with or without a byte-order mark (`"utf-8"`, `"utf-8-sig"`);
    /// - UTF-16 LE/BE with a byte-order mark, or without one when the NUL
    ///   bytes give it away (`"utf-16le"`, `"utf-16be"`);
    /// - Windows-1252, the superset of Latin-1 that older Norwegian files use
    ///   for æ, ø, å (`"windows-1252"`), only when the bytes are clearly not
    ///   UTF-8: some byte is invalid as UTF-8 and there are at least
    ///   [`WINDOWS_1252_RATIO`] (100) invalid bytes for every valid
    ///   multi-byte UTF-8 sequence. A Windows-1252 file has no such
    ///   sequence (its letters are single high bytes, rarely followed by
    ///   the continuation bytes a sequence needs), so the ratio only allows
    ///   for the odd accidental pair; those are reported
    ///   ([`Decoding::misread_utf8`], an `encoding-mixed` warning).
    /// - Otherwise the input is UTF-8 with damage: each invalid byte becomes
    ///   one U+FFFD, listed in [`Decoding::replaced`] and reported by a
    ///   `decode-replaced` warning naming its input offset and line. One
    ///   stray byte in a UTF-8 report changes nothing else.
    ///
    /// [`Source::decoding`] says which encoding was chosen and why; the
    /// report carries it in `source.encoding` and `source.encoding_evidence`
    /// and, unless the input was plain valid UTF-8, in an `encoding` info
    /// diagnostic. With [`Options::strict`](crate::Options::strict) a
    /// replacement is an error instead ([`Error::InvalidUtf8`]).
    ///
    /// Binary data (many control bytes) is [`Error::Binary`]; malformed UTF-16
    /// is [`Error::Decode`] naming the byte offset.
    ///
    /// **Offsets.** Spans index the decoded text. For valid UTF-8 input the
    /// text is the input itself (a byte-order mark is kept), so offsets are
    /// input offsets. Where a byte was replaced, its U+FFFD takes three bytes
    /// of text for one of input, and other encodings decode to text of
    /// another length; [`Source::input_offset`] maps any text offset back to
    /// the input exactly.
    ///
    /// ```
    /// let src = fou::Source::from_bytes(b"Bl\xe5b\xe6r").unwrap();
    /// assert_eq!((src.text(), src.encoding()), ("Blåbær", "windows-1252"));
    /// let src = fou::Source::from_bytes(b"\xff\xfeA\x00\xe5\x00").unwrap();
    /// assert_eq!((src.text(), src.encoding()), ("Aå", "utf-16le"));
    /// // UTF-8 with one stray byte stays UTF-8
    /// let src = fou::Source::from_bytes(b"Bl\xc3\xa5b\xc3\xa6r.\xff").unwrap();
    /// assert_eq!((src.text(), src.encoding()), ("Blåbær.\u{fffd}", "utf-8"));
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, Error> {
        let (text, decoding) = decode(bytes)?;
        Ok(Self::new(Cow::Owned(text.into_owned()), decoding))
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
                    let decoding = Decoding::utf8(&text);
                    return Ok(Self::new(Cow::Owned(text), decoding));
                }
                Err(e) => return Self::from_bytes(e.as_bytes()),
            }
        }
        Self::from_bytes(&bytes)
    }

    /// [`Source::from_bytes`] with options: with
    /// [`Options::strict`](crate::Options::strict), a byte that is not valid
    /// UTF-8 in UTF-8 input is [`Error::InvalidUtf8`] instead of U+FFFD;
    /// input longer than [`Options::max_bytes`](crate::Options::max_bytes)
    /// is [`Error::TooLarge`].
    ///
    /// ```
    /// let strict = fou::Options::default().with_strict(true);
    /// assert!(fou::Source::from_bytes_with(b"ok \xc3\xa5", &strict).is_ok());
    /// assert!(fou::Source::from_bytes_with(b"\xc3\xa5 \xff", &strict).is_err());
    /// // Windows-1252 replaces nothing: every byte is a character.
    /// assert!(fou::Source::from_bytes_with(b"bl\xe5", &strict).is_ok());
    /// ```
    pub fn from_bytes_with(bytes: &[u8], options: &crate::Options) -> Result<Self, Error> {
        crate::input::check_size(bytes.len(), options)?;
        Self::from_bytes(bytes)?.checked(options)
    }

    /// [`Source::from_vec`] with options (see [`Source::from_bytes_with`]).
    ///
    /// ```
    /// let strict = fou::Options::default().with_strict(true);
    /// let err = fou::Source::from_vec_with(b"\xc3\xa5\xff".to_vec(), &strict).unwrap_err();
    /// assert!(matches!(err, fou::Error::InvalidUtf8 { offset: 2, line: 1, count: 1 }));
    /// ```
    pub fn from_vec_with(bytes: Vec<u8>, options: &crate::Options) -> Result<Self, Error> {
        crate::input::check_size(bytes.len(), options)?;
        Self::from_vec(bytes)?.checked(options)
    }
}

impl Source<'_> {
    /// Apply the options that can reject a decoded source (`strict`).
    fn checked(self, options: &crate::Options) -> Result<Self, Error> {
        if options.strict
            && let Some(first) = self.decoding.replaced.first()
        {
            return Err(Error::InvalidUtf8 {
                offset: first.input_offset,
                line: self.index.line_of(first.text_offset),
                count: self.decoding.replaced.iter().map(|r| r.bytes.len()).sum(),
            });
        }
        Ok(self)
    }

    /// How the input was decoded and why.
    ///
    /// ```
    /// let src = fou::Source::from_bytes(b"Bl\xe5b\xe6r").unwrap();
    /// assert!(src.decoding().evidence.contains("no valid multi-byte UTF-8 sequence"));
    /// ```
    pub fn decoding(&self) -> &Decoding {
        &self.decoding
    }

    /// The input offset of text offset `offset`: the same number for valid
    /// UTF-8; for a replaced byte, the offset of that byte (wherever in its
    /// U+FFFD `offset` falls); for UTF-16 and Windows-1252, the offset of
    /// the first byte of the character at `offset`. Offsets past the end map
    /// to the end of the input.
    ///
    /// ```
    /// let src = fou::Source::from_bytes(b"a\xffb\xc3\xa5").unwrap();
    /// assert_eq!(src.text(), "a\u{fffd}bå");
    /// assert_eq!(src.input_offset(1), 1); // the U+FFFD: byte 0xff
    /// assert_eq!(src.input_offset(4), 2); // `b`
    /// assert_eq!(src.input_offset(src.text().len()), 5);
    /// let src = fou::Source::from_bytes(b"\xe5 og \xf8").unwrap();
    /// assert_eq!(src.input_offset(src.text().find('ø').unwrap()), 5);
    /// ```
    pub fn input_offset(&self, offset: usize) -> usize {
        let offset = floor_boundary(&self.text, offset);
        match self.decoding.encoding {
            "windows-1252" => self.text[..offset].chars().count(),
            "utf-16le" | "utf-16be" => {
                self.decoding.skipped + 2 * self.text[..offset].encode_utf16().count()
            }
            _ => utf8_input_offset(&self.decoding.replaced, offset),
        }
    }

    /// The decoded text (a byte-order mark, if any, is kept so offsets match the input).
    ///
    /// ```
    /// assert_eq!(fou::Source::from_text("tekst").text(), "tekst");
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Name of the detected encoding (`"utf-8"`, `"utf-8-sig"`, `"utf-16le"`,
    /// `"utf-16be"`, `"windows-1252"`).
    ///
    /// ```
    /// assert_eq!(fou::Source::from_bytes(b"Bl\xe5").unwrap().encoding(), "windows-1252");
    /// ```
    pub fn encoding(&self) -> &'static str {
        self.decoding.encoding
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
        // The next line's start (or the end) less this line's ending: no
        // scan, so a long line costs nothing here.
        let next = self
            .index
            .line_start(line + 1)
            .unwrap_or(self.text.len())
            .max(start);
        let body = &self.text[start..next];
        let body = body
            .strip_suffix("\r\n")
            .or_else(|| body.strip_suffix(['\n', '\r']))
            .or_else(|| body.strip_suffix(crate::lexicon::LINE_SEPARATORS))
            .unwrap_or(body);
        Some((start, start + body.len()))
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

    /// [`Source::line_col`] of many offsets at once, in their order, in
    /// time linear in the text they span (many offsets on one long line do
    /// not each count the line from its start).
    ///
    /// ```
    /// let src = fou::Source::from_text("Første linje\nÅr og dag\n");
    /// let og = src.text().find("og").unwrap();
    /// let cols = src.line_cols(&[og, 0, og + 2]);
    /// assert_eq!(cols, [
    ///     fou::LineCol { line: 2, column: 4 },
    ///     fou::LineCol { line: 1, column: 1 },
    ///     fou::LineCol { line: 2, column: 6 },
    /// ]);
    /// ```
    pub fn line_cols(&self, offsets: &[usize]) -> Vec<LineCol> {
        let mut order: Vec<usize> = (0..offsets.len()).collect();
        order.sort_by_key(|&i| offsets[i]);
        let mut out = vec![LineCol { line: 1, column: 1 }; offsets.len()];
        // The last place counted: line, byte offset, characters before it.
        let mut last: Option<(usize, usize, usize)> = None;
        for i in order {
            let offset = floor_boundary(&self.text, offsets[i]);
            let line = self.index.line_of(offset);
            let (start, end) = self.line_range(line).unwrap_or((offset, offset));
            let at = offset.clamp(start, end.max(start));
            let (from, before) = match last {
                Some((l, pos, n)) if l == line && pos <= at => (pos, n),
                _ => (start, 0),
            };
            let column = before + self.text[from..at].chars().count();
            last = Some((line, at, column));
            out[i] = LineCol {
                line,
                column: column + 1,
            };
        }
        out
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
        let line = self.line_col(span.start).line;
        let shown = self.excerpt_marks(line, std::slice::from_ref(span), width);
        let mark = shown.marks.first().copied().unwrap_or(Mark {
            column: 0,
            width: 1,
        });
        Excerpt {
            line,
            text: shown.text,
            caret_column: mark.column,
            caret_width: mark.width,
        }
    }

    /// Line `line` cut to at most about `width` characters around each of
    /// `spans`, with a caret mark for every span: what `fou check` prints
    /// once for all the diagnostics of a line.
    ///
    /// Spans are placed on `line` (one that starts on an earlier line is
    /// marked from the line's start, one on a later line at its end); marks
    /// are in the order of `spans`. A line of at most `width` characters is
    /// shown whole. A longer one is cut into windows of `width` characters
    /// (a third before the first caret), one for each group of spans that
    /// fits in one; overlapping windows are joined, and `…` stands for every
    /// cut part. So one span is shown as [`Source::excerpt`] shows it, and
    /// the text grows with the number of far-apart spans, never with the
    /// length of the line.
    ///
    /// ```
    /// let line = format!("Tre prosjekter{}fire analyser{}", " x".repeat(200), " y".repeat(200));
    /// let src = fou::Source::from_text(&line);
    /// let at = line.find("fire").unwrap();
    /// let spans = [src.span(0, 14), src.span(at, at + 13)];
    /// let m = src.excerpt_marks(1, &spans, 60);
    /// assert_eq!(m.line, 1);
    /// assert!(m.text.starts_with("Tre prosjekter") && m.text.ends_with('…'));
    /// assert!(m.text.chars().count() < 2 * 60 + 3);
    /// let marked: Vec<String> = m
    ///     .marks
    ///     .iter()
    ///     .map(|k| m.text.chars().skip(k.column).take(k.width).collect())
    ///     .collect();
    /// assert_eq!(marked, ["Tre prosjekter", "fire analyser"]);
    /// ```
    pub fn excerpt_marks(&self, line: usize, spans: &[Span], width: usize) -> MarkedLine {
        let width = width.max(10);
        let line_text = self.line_text(line).unwrap_or("");
        let n = line_text.chars().count();
        let ranges = self.columns_on(line, spans, n);
        let segments = segments(n, &ranges, width);
        let (text, at) = cut(line_text, n, &segments);
        let marks = ranges
            .iter()
            .map(|&(a, b)| {
                let k = segments
                    .partition_point(|&(lo, _)| lo <= a)
                    .saturating_sub(1);
                let (lo, hi) = segments.get(k).copied().unwrap_or((0, 0));
                Mark {
                    column: at.get(k).copied().unwrap_or(0) + a.saturating_sub(lo),
                    width: b.min(hi).saturating_sub(a).max(1),
                }
            })
            .collect();
        MarkedLine { line, text, marks }
    }

    /// Start and end columns (0-based characters) of `spans` on `line` of
    /// `n` characters: a span from an earlier line starts at 0, one from a
    /// later line at `n`; a span going on past the line ends at its end.
    fn columns_on(&self, line: usize, spans: &[Span], n: usize) -> Vec<(usize, usize)> {
        let offsets: Vec<usize> = spans
            .iter()
            .flat_map(|s| [s.start, s.end.max(s.start)])
            .collect();
        let cols = self.line_cols(&offsets);
        cols.chunks(2)
            .map(|pair| {
                let (from, to) = (pair[0], pair.get(1).copied().unwrap_or(pair[0]));
                let a = match from.line.cmp(&line) {
                    std::cmp::Ordering::Less => 0,
                    std::cmp::Ordering::Equal => (from.column - 1).min(n),
                    std::cmp::Ordering::Greater => n,
                };
                let b = if to.line == line {
                    (to.column - 1).clamp(a, n)
                } else {
                    n
                };
                (a, b)
            })
            .collect()
    }
}

/// The characters of `segments` of `line` (`n` characters), control
/// characters as spaces, with `…` for each cut part; and where each
/// segment starts in the result, in characters. One pass over the line.
fn cut(line: &str, n: usize, segments: &[(usize, usize)]) -> (String, Vec<usize>) {
    let mut text = String::new();
    let mut shown = 0;
    let mut at = Vec::with_capacity(segments.len());
    let mut chars = line.chars().enumerate();
    for (k, &(lo, hi)) in segments.iter().enumerate() {
        if lo > 0 && (k == 0 || segments[k - 1].1 < lo) {
            text.push('…');
            shown += 1;
        }
        at.push(shown);
        for (_, c) in chars
            .by_ref()
            .skip_while(|&(i, _)| i < lo)
            .take(hi.saturating_sub(lo))
        {
            text.push(if c.is_control() { ' ' } else { c });
        }
        shown += hi.saturating_sub(lo);
    }
    if segments.last().is_some_and(|&(_, hi)| hi < n) {
        text.push('…');
    }
    (text, at)
}

/// The parts `lo..hi` of a line of `n` characters to show for the caret
/// ranges `ranges` (see [`Source::excerpt_marks`]), in order, disjoint.
fn segments(n: usize, ranges: &[(usize, usize)], width: usize) -> Vec<(usize, usize)> {
    if n <= width {
        return vec![(0, n)];
    }
    let mut starts: Vec<usize> = ranges.iter().map(|&(a, _)| a).collect();
    starts.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(&first) = starts.get(i) {
        let (lo, hi) = window(n, first, width);
        // Every later caret that this window shows, with room for a mark.
        while starts
            .get(i)
            .is_some_and(|&a| a < hi.saturating_sub(2).max(first + 1))
        {
            i += 1;
        }
        match out.last_mut() {
            Some(last) if lo <= last.1 => last.1 = last.1.max(hi),
            _ => out.push((lo, hi)),
        }
    }
    if out.is_empty() {
        out.push(window(n, 0, width));
    }
    out
}

/// A source line shortened around several spans, with a caret mark for
/// each (see [`Source::excerpt_marks`]).
///
/// ```
/// let src = fou::Source::from_text("Tre prosjekter og fire analyser.\n");
/// let m = src.excerpt_marks(1, &[src.span(0, 3), src.span(18, 22)], 100);
/// assert_eq!(m.text, "Tre prosjekter og fire analyser.");
/// assert_eq!(m.caret_line(), "^^^               ^^^^");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkedLine {
    /// The 1-based line shown.
    pub line: usize,
    /// The line's text, with `…` for each part cut out.
    pub text: String,
    /// One mark per span, in the order the spans were given.
    pub marks: Vec<Mark>,
}

impl MarkedLine {
    /// The marks drawn as carets under [`MarkedLine::text`] (`^`, no
    /// trailing spaces); overlapping marks merge. A combining mark of the
    /// text (decomposed, NFD: `a` + U+030A for `å`) takes no column of its
    /// own where the text is shown, so none under it either: the carets
    /// stand under the characters they mark.
    ///
    /// ```
    /// let src = fou::Source::from_text("abcdef");
    /// let m = src.excerpt_marks(1, &[src.span(1, 3), src.span(2, 4)], 100);
    /// assert_eq!(m.caret_line(), " ^^^");
    /// let nfd = fou::Source::from_text("a\u{30a}r x");
    /// let m = nfd.excerpt_marks(1, &[nfd.span(5, 6)], 100);
    /// assert_eq!((m.marks[0].column, m.caret_line().as_str()), (4, "   ^"));
    /// ```
    pub fn caret_line(&self) -> String {
        // The column each character is shown in: the characters before it
        // that are no combining mark.
        let mut shown: Vec<usize> = Vec::with_capacity(self.text.len() + 1);
        let mut column = 0;
        for c in self.text.chars() {
            shown.push(column);
            column += usize::from(!unicode_normalization::char::is_combining_mark(c));
        }
        let last = shown.len();
        shown.push(column);
        // (a mark may end past the text: its caret goes on a column a character)
        let at =
            |k: usize| (shown.get(k).copied()).unwrap_or_else(|| column + k.saturating_sub(last));
        let cells: Vec<(usize, usize)> = (self.marks.iter())
            .map(|m| {
                let start = at(m.column);
                (
                    start,
                    at(m.column + m.width).max(start + usize::from(m.width > 0)),
                )
            })
            .collect();
        let end = cells.iter().map(|&(_, end)| end).max().unwrap_or(0);
        let mut line = vec![' '; end];
        for &(start, end) in &cells {
            line[start..end].fill('^');
        }
        line.into_iter().collect::<String>().trim_end().to_owned()
    }
}

/// Where a caret mark stands in a [`MarkedLine`]'s text.
///
/// ```
/// let src = fou::Source::from_text("Tre prosjekter");
/// let m = src.excerpt_marks(1, &[src.span(4, 14)], 100);
/// assert_eq!(m.marks, [fou::Mark { column: 4, width: 10 }]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    /// Characters of the text before the first caret (0-based).
    pub column: usize,
    /// Number of carets, at least 1.
    pub width: usize,
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
    // `&` and `|`, not `&&` and `||`: no branch, so a loop over bytes vectorises.
    (b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r') & (b != 0x0c) & (b != 0x1a)
        | (b == 0x7f)
}

/// Is this a byte below space or DEL: a [binary byte](is_binary_byte), or
/// one of the control bytes text holds (tab, line ends, form feed, SUB)?
fn is_control_byte(b: u8) -> bool {
    (b < 0x20) | (b == 0x7f)
}

/// How many bytes of `head` `pick` picks: counted in chunks of at most 255
/// bytes, so each chunk's count fits a byte and the compiler turns the sum
/// into vector code.
fn count_bytes(head: &[u8], pick: impl Fn(u8) -> bool) -> usize {
    head.chunks(255)
        .map(|chunk| {
            let n: u8 = chunk.iter().map(|&b| u8::from(pick(b))).sum();
            usize::from(n)
        })
        .sum()
}

/// Bytes of a lane of [`count_control_bytes`].
const LANE: usize = 16;
/// Lanes counted into a vector of byte counters before they are summed:
/// each counter gains at most 1 a lane, so 255 lanes cannot overflow it.
#[cfg_attr(not(sse2), allow(dead_code))]
const LANES_PER_SUM: usize = 255;

/// How many bytes of `bytes` are [control bytes](is_control_byte). With
/// SSE2 (every x86-64), 16 bytes a step: a byte is at most `1F` when it is
/// its own minimum with `1F`, or is `7F`; the `0xFF` of each such byte is
/// subtracted from byte counters, which are summed every
/// [`LANES_PER_SUM`] lanes; the bytes after the last whole lane are
/// counted one by one. Elsewhere [`count_bytes`].
fn count_control_bytes(bytes: &[u8]) -> usize {
    #[cfg(sse2)]
    {
        use safe_arch::{
            bitor_m128i, cmp_eq_mask_i8_m128i, m128i, min_u8_m128i, set_splat_i8_m128i,
            sub_i8_m128i, sum_of_u8_abs_diff_m128i, zeroed_m128i,
        };
        let splat = |b: u8| set_splat_i8_m128i(b.cast_signed());
        let control = |v: m128i| {
            let low = cmp_eq_mask_i8_m128i(min_u8_m128i(v, splat(0x1F)), v);
            bitor_m128i(low, cmp_eq_mask_i8_m128i(v, splat(0x7F)))
        };
        let (whole, rest) = bytes.split_at(bytes.len() - bytes.len() % LANE);
        let mut count = rest.iter().filter(|&&b| is_control_byte(b)).count();
        for group in whole.chunks(LANE * LANES_PER_SUM) {
            let mut counters = zeroed_m128i();
            for lane in group.chunks_exact(LANE) {
                // Never the default: the chunks are of `LANE` bytes.
                let v = m128i::from(<[u8; LANE]>::try_from(lane).unwrap_or([b' '; LANE]));
                counters = sub_i8_m128i(counters, control(v));
            }
            let [lo, hi] = <[u64; 2]>::from(sum_of_u8_abs_diff_m128i(counters, zeroed_m128i()));
            count += (lo + hi) as usize;
        }
        count
    }
    #[cfg(not(sse2))]
    {
        count_bytes(bytes, is_control_byte)
    }
}

/// Reject data that is not text: more than 1 in 20 bytes of the first 64 KiB
/// are control bytes.
fn check_not_binary(bytes: &[u8]) -> Result<(), Error> {
    let head = &bytes[..bytes.len().min(65536)];
    let too_many = |n: usize| n * 20 > head.len().max(1);
    // Every binary byte is a control byte, and text has few of those (its
    // line ends): counting them takes two compares a byte, the binary bytes
    // seven, which only input with many control bytes needs.
    if !too_many(count_control_bytes(head)) {
        return Ok(());
    }
    if too_many(count_bytes(head, is_binary_byte)) {
        let offset = head.iter().position(|&b| is_binary_byte(b)).unwrap_or(0);
        let line = count_lines(bytes[..offset].iter().map(|&b| u16::from(b)));
        return Err(Error::Binary { offset, line });
    }
    Ok(())
}

/// Guess UTF-16 without a BOM: most even (BE) or odd (LE) bytes are NUL.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    // Either guess needs NUL bytes (7 in 10 of a side's): text with none,
    // nearly all text, is told by one search.
    if head.len() < 4 || memchr::memchr(0, head).is_none() {
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

/// The 1-based line after `units` (UTF-16 code units, or bytes of UTF-8 or
/// a single-byte encoding): `\n`, `\r\n` and a lone `\r` end lines, as in
/// [`LineIndex`].
fn count_lines(units: impl Iterator<Item = u16>) -> usize {
    let (cr, lf) = (u16::from(b'\r'), u16::from(b'\n'));
    let mut line = 1;
    let mut after_cr = false;
    for u in units {
        if u == cr || (u == lf && !after_cr) {
            line += 1;
        }
        after_cr = u == cr;
    }
    line
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

impl Decoding {
    fn new(encoding: &'static str, evidence: impl Into<Cow<'static, str>>) -> Self {
        Decoding {
            encoding,
            evidence: evidence.into(),
            replaced: Vec::new(),
            misread_utf8: None,
            skipped: 0,
        }
    }

    fn valid_utf8(encoding: &'static str, evidence: &'static str) -> Self {
        Self::new(encoding, evidence)
    }

    /// Valid UTF-8 text, with or without a byte-order mark.
    fn utf8(text: &str) -> Self {
        if text.starts_with('\u{feff}') {
            Self::valid_utf8("utf-8-sig", "valid UTF-8 with a byte-order mark")
        } else {
            Self::valid_utf8("utf-8", "valid UTF-8")
        }
    }

    /// True unless the input was valid UTF-8 (with or without a BOM).
    fn is_notable(&self) -> bool {
        !matches!(self.encoding, "utf-8" | "utf-8-sig") || !self.replaced.is_empty()
    }
}

/// Input offset of text offset `offset` (on a char boundary) of UTF-8
/// input with `replaced` runs.
fn utf8_input_offset(replaced: &[Replaced], offset: usize) -> usize {
    let i = replaced.partition_point(|r| r.text_offset <= offset);
    let Some(r) = i.checked_sub(1).and_then(|k| replaced.get(k)) else {
        return offset;
    };
    let end = r.text_range().end;
    if offset < end {
        r.input_offset + (offset - r.text_offset) / REPLACEMENT_LEN
    } else {
        r.input_offset + r.bytes.len() + (offset - end)
    }
}

/// What UTF-8 decoding would make of some bytes.
#[derive(Default)]
struct Utf8Scan {
    /// Bytes that are not part of a valid UTF-8 sequence.
    invalid: usize,
    /// Valid multi-byte sequences (a byte-order mark counts).
    multibyte: usize,
    /// Input offset of the first valid multi-byte sequence.
    first_multibyte: Option<usize>,
}

fn scan_utf8(bytes: &[u8]) -> Utf8Scan {
    let mut scan = Utf8Scan::default();
    let mut at = 0;
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid().as_bytes();
        let leads = valid.iter().filter(|&&b| b >= 0xC0).count();
        if leads > 0 && scan.first_multibyte.is_none() {
            scan.first_multibyte = valid.iter().position(|&b| b >= 0xC0).map(|i| at + i);
        }
        scan.multibyte += leads;
        scan.invalid += chunk.invalid().len();
        at += valid.len() + chunk.invalid().len();
    }
    scan
}

/// UTF-8 with every invalid byte replaced by one U+FFFD, and the runs replaced.
fn replace_invalid(bytes: &[u8]) -> (String, Vec<Replaced>) {
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut replaced: Vec<Replaced> = Vec::new();
    let mut at = 0;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        at += chunk.valid().len();
        let bad = chunk.invalid();
        if bad.is_empty() {
            continue;
        }
        match replaced.last_mut() {
            Some(r) if r.input_offset + r.bytes.len() == at => r.bytes.extend_from_slice(bad),
            _ => replaced.push(Replaced {
                input_offset: at,
                text_offset: text.len(),
                bytes: bad.to_vec(),
            }),
        }
        text.extend(std::iter::repeat_n('\u{FFFD}', bad.len()));
        at += bad.len();
    }
    (text, replaced)
}

/// `1 invalid byte`, `3 invalid bytes`.
fn plural(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// Decode bytes that are not valid UTF-8 (nor UTF-16): Windows-1252 when
/// they clearly are not UTF-8, else UTF-8 with replacements.
fn decode_not_utf8(bytes: &[u8]) -> (String, Decoding) {
    let scan = scan_utf8(bytes);
    let sequences = plural(scan.multibyte, "valid multi-byte UTF-8 sequence");
    if scan.multibyte * WINDOWS_1252_RATIO <= scan.invalid {
        let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
        let evidence = if scan.multibyte == 0 {
            format!(
                "not UTF-8: {} invalid as UTF-8 and no valid multi-byte UTF-8 sequence",
                plural(scan.invalid, "byte")
            )
        } else {
            format!(
                "not UTF-8: {} against {sequences}",
                plural(scan.invalid, "invalid UTF-8 byte")
            )
        };
        let mut decoding = Decoding::new("windows-1252", evidence);
        decoding.misread_utf8 = scan.first_multibyte.map(|o| {
            let before = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes[..o]);
            (scan.multibyte, before.0.len())
        });
        return (text.into_owned(), decoding);
    }
    let (text, replaced) = replace_invalid(bytes);
    let encoding = if bytes.starts_with(b"\xEF\xBB\xBF") {
        "utf-8-sig"
    } else {
        "utf-8"
    };
    let evidence = format!(
        "UTF-8 with {} replaced by U+FFFD ({sequences})",
        plural(scan.invalid, "invalid byte")
    );
    let mut decoding = Decoding::new(encoding, evidence);
    decoding.replaced = replaced;
    (text, decoding)
}

/// Decode UTF-16 (`skip`: bytes of byte-order mark before `bytes[skip..]`).
fn decode_utf16(
    bytes: &[u8],
    enc: &'static encoding_rs::Encoding,
    skip: usize,
) -> Result<(String, Decoding), Error> {
    let body = &bytes[skip..];
    let big_endian = enc == encoding_rs::UTF_16BE;
    let name = if big_endian { "utf-16be" } else { "utf-16le" };
    let decode_error = |at: usize| Error::Decode {
        encoding: name,
        offset: skip + at,
        line: count_lines(body[..at].chunks_exact(2).map(|c| {
            if big_endian {
                u16::from_be_bytes([c[0], c[1]])
            } else {
                u16::from_le_bytes([c[0], c[1]])
            }
        })),
    };
    if body.len() % 2 == 1 {
        return Err(decode_error(body.len() - 1));
    }
    let Some(text) = enc.decode_without_bom_handling_and_without_replacement(body) else {
        return Err(decode_error(utf16_error_offset(body, big_endian)));
    };
    check_not_binary(text.as_bytes())?;
    let evidence = match (skip, big_endian) {
        (0, false) => "no byte-order mark, but most odd bytes are NUL (UTF-16 little-endian)",
        (0, true) => "no byte-order mark, but most even bytes are NUL (UTF-16 big-endian)",
        _ => "a UTF-16 byte-order mark",
    };
    let mut decoding = Decoding::new(name, evidence);
    decoding.skipped = skip;
    Ok((text.into_owned(), decoding))
}

/// `bytes` as text when they are valid UTF-8, checked by `simdutf8`, which
/// validates 32 or 64 bytes a step (AVX2 or SSE4.2, picked at run time)
/// whatever they hold: on Norwegian text, a letter outside ASCII every few
/// dozen bytes, [`std::str::from_utf8`] leaves its word-at-a-time ASCII
/// path at each such letter and does three times the work (2022 report:
/// 45 K instructions against 153 K). The two agree on every input (a test
/// draws them).
///
/// For bytes that are borrowed as the text ([`Source::from_slice`], which
/// the parse functions and the command line read files with) or copied
/// into it ([`Source::from_bytes`]). [`Source::from_vec`] keeps its buffer
/// as an owned `String`, which only `String::from_utf8`'s own check can
/// make without `unsafe`.
fn as_utf8(bytes: &[u8]) -> Option<&str> {
    simdutf8::basic::from_utf8(bytes).ok()
}

/// Decode input bytes to text; see [`Source::from_bytes`]. Valid UTF-8 is
/// the bytes themselves, borrowed.
fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, Decoding), Error> {
    use encoding_rs::{UTF_16BE, UTF_16LE};
    let (utf16, skip) = match bytes {
        [0xFF, 0xFE, ..] => (Some(UTF_16LE), 2),
        [0xFE, 0xFF, ..] => (Some(UTF_16BE), 2),
        _ => (sniff_utf16(bytes), 0),
    };
    if let Some(enc) = utf16 {
        return decode_utf16(bytes, enc, skip).map(|(text, d)| (Cow::Owned(text), d));
    }
    check_not_binary(bytes)?;
    if let Some(text) = as_utf8(bytes) {
        return Ok((Cow::Borrowed(text), Decoding::utf8(text)));
    }
    let (text, decoding) = decode_not_utf8(bytes);
    Ok((Cow::Owned(text), decoding))
}

impl Source<'_> {
    /// The diagnostics of decoding: an `encoding` info naming the encoding
    /// and the evidence (unless the input was plain valid UTF-8), a
    /// `decode-replaced` warning per run of replaced bytes (the first 100,
    /// then one for the rest) and an `encoding-mixed` warning when valid
    /// UTF-8 sequences were read as Windows-1252.
    pub(crate) fn decode_diagnostics(&self) -> Vec<Diagnostic> {
        let d = &self.decoding;
        let mut out = Vec::new();
        if d.is_notable() {
            out.push(Diagnostic::new(
                Severity::Info,
                DiagnosticCode::Encoding,
                format!("decoded as {}: {}", d.encoding, d.evidence),
                None,
            ));
        }
        for r in d.replaced.iter().take(MAX_REPLACED_DIAGNOSTICS) {
            out.push(self.replaced_diagnostic(r));
        }
        if let Some(first) = d.replaced.get(MAX_REPLACED_DIAGNOSTICS) {
            let rest: usize = d.replaced[MAX_REPLACED_DIAGNOSTICS..]
                .iter()
                .map(|r| r.bytes.len())
                .sum();
            let message = format!(
                "{} more in {} further places, the first at input offset {} (line {}); only the first {MAX_REPLACED_DIAGNOSTICS} places are listed",
                plural(rest, "invalid UTF-8 byte"),
                d.replaced.len() - MAX_REPLACED_DIAGNOSTICS,
                first.input_offset,
                self.index.line_of(first.text_offset),
            );
            let span = self.span(first.text_offset, first.text_range().end);
            out.push(Diagnostic::new(
                Severity::Warning,
                DiagnosticCode::DecodeReplaced,
                message,
                Some(span),
            ));
        }
        if let Some((count, at)) = d.misread_utf8 {
            // The lead byte, read as Windows-1252 (Latin-1 there), says how
            // many bytes, hence characters, the sequence has.
            let len = match self.text[at..].chars().next() {
                Some(c) if c >= '\u{F0}' => 4,
                Some(c) if c >= '\u{E0}' => 3,
                _ => 2,
            };
            let end = self.text[at..]
                .char_indices()
                .nth(len)
                .map_or(self.text.len(), |(i, _)| at + i);
            let message = format!(
                "{} read as Windows-1252 characters (the first at input offset {}, line {}): they may be UTF-8 text shown as mojibake",
                plural(count, "valid multi-byte UTF-8 sequence"),
                self.input_offset(at),
                self.index.line_of(at),
            );
            out.push(Diagnostic::new(
                Severity::Warning,
                DiagnosticCode::EncodingMixed,
                message,
                Some(self.span(at, end)),
            ));
        }
        out
    }

    fn replaced_diagnostic(&self, r: &Replaced) -> Diagnostic {
        let shown: Vec<String> = r
            .bytes
            .iter()
            .take(8)
            .map(|b| format!("0x{b:02X}"))
            .collect();
        let more = if r.bytes.len() > 8 { " …" } else { "" };
        let what = if r.bytes.len() == 1 { "byte" } else { "bytes" };
        let is = if r.bytes.len() == 1 { "is" } else { "are" };
        let message = format!(
            "{what} {}{more} at input offset {} (line {}) {is} not valid UTF-8: replaced by {}",
            shown.join(" "),
            r.input_offset,
            self.index.line_of(r.text_offset),
            if r.bytes.len() == 1 {
                "U+FFFD".to_owned()
            } else {
                format!("{} U+FFFD", r.bytes.len())
            },
        );
        let range = r.text_range();
        Diagnostic::new(
            Severity::Warning,
            DiagnosticCode::DecodeReplaced,
            message,
            Some(self.span(range.start, range.end)),
        )
    }
}

/// Length of the line terminator at byte `i` of `bytes`, if one starts
/// there: `\n`, `\r\n`, a lone `\r`, or one of
/// [`LINE_SEPARATORS`](crate::lexicon::LINE_SEPARATORS) (NEL, U+2028,
/// U+2029). The parser's line split and [`LineIndex`] both end lines here,
/// so they always agree.
///
/// ```
/// use fou::lines::line_end_len;
/// assert_eq!(line_end_len(b"a\r\nb", 1), Some(2));
/// assert_eq!(line_end_len("a\u{2028}b".as_bytes(), 1), Some(3));
/// assert_eq!(line_end_len("\u{85}".as_bytes(), 0), Some(2));
/// assert_eq!(line_end_len(b"ab", 0), None);
/// ```
pub fn line_end_len(bytes: &[u8], i: usize) -> Option<usize> {
    match *bytes.get(i)? {
        b'\n' => Some(1),
        b'\r' => Some(if bytes.get(i + 1) == Some(&b'\n') {
            2
        } else {
            1
        }),
        // NEL is C2 85; U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
        0xC2 if bytes.get(i + 1) == Some(&0x85) => Some(2),
        0xE2 if bytes.get(i + 1) == Some(&0x80)
            && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) =>
        {
            Some(3)
        }
        _ => None,
    }
}

/// True when `text` holds a Unicode line separator (NEL, U+2028, U+2029):
/// only then must a line split look beyond `\n` and `\r`.
///
/// One vector search for the separators' lead bytes (`C2`, `E2`), each hit
/// then tested, rather than a search of the whole text per separator.
pub(crate) fn has_unicode_line_ends(text: &str) -> bool {
    use crate::lexicon::LINE_SEPARATORS;
    let bytes = text.as_bytes();
    let leads = separator_leads();
    let at_separator = |i: usize| at_separator(text, i);
    match leads[..] {
        [a] => memchr::memchr_iter(a, bytes).any(at_separator),
        [a, b] => memchr::memchr2_iter(a, b, bytes).any(at_separator),
        [a, b, c] => memchr::memchr3_iter(a, b, c, bytes).any(at_separator),
        _ => LINE_SEPARATORS.iter().any(|&c| text.contains(c)),
    }
}

/// The lead bytes of the [`LINE_SEPARATORS`](crate::lexicon::LINE_SEPARATORS),
/// each once, in order.
fn separator_leads() -> Vec<u8> {
    use crate::lexicon::LINE_SEPARATORS;
    let mut leads = Vec::with_capacity(LINE_SEPARATORS.len());
    for c in LINE_SEPARATORS {
        let mut buf = [0u8; 4];
        let lead = c.encode_utf8(&mut buf).as_bytes()[0];
        if !leads.contains(&lead) {
            leads.push(lead);
        }
    }
    leads
}

/// Does a line separator start at byte `i` of `text`? (A lead byte starts
/// a character, so the text can be cut there.)
fn at_separator(text: &str, i: usize) -> bool {
    text.get(i..)
        .is_some_and(|r| r.starts_with(crate::lexicon::LINE_SEPARATORS))
}

/// What ends the lines of `text` besides `\n`: whether it holds a Unicode
/// line separator ([`has_unicode_line_ends`]) and whether it holds a `\r`,
/// from one vector search for `\r` and the separators' lead bytes (where
/// a search for the leads and a count of the `\r`s took two passes over
/// the text). From the first `\r` on, the leads alone are searched.
fn line_end_kinds(text: &str) -> (bool, bool) {
    let bytes = text.as_bytes();
    let [a, b] = separator_leads()[..] else {
        return (
            has_unicode_line_ends(text),
            memchr::memchr(b'\r', bytes).is_some(),
        );
    };
    for i in memchr::memchr3_iter(b'\r', a, b, bytes) {
        if bytes.get(i) == Some(&b'\r') {
            let rest = text.get(i..).unwrap_or_default();
            return (has_unicode_line_ends(rest), true);
        }
        if at_separator(text, i) {
            return (
                true,
                memchr::memchr(b'\r', bytes.get(i..).unwrap_or_default()).is_some(),
            );
        }
    }
    (false, false)
}

/// The next line end at or after `from`: (its offset, its length).
/// Where the line ends of a text are wanted in turn, [`LineEnds`] finds
/// them without searching a byte twice.
pub(crate) fn next_line_end(bytes: &[u8], from: usize, unicode: bool) -> Option<(usize, usize)> {
    LineEnds::new(bytes, unicode).next_from(from)
}

/// The line ends of a text found in turn, each with [`next_line_end`]'s
/// answer: the next `\n`, `\r` or NEL lead byte (C2) found is kept from one
/// line to the next while U+2028/U+2029 lead bytes (E2) before it are
/// tried, so no byte is searched twice. (Searched again for each line, a
/// text whose lines end in Unicode line separators alone was searched to
/// its end at every line: time in the square of its length.)
pub(crate) struct LineEnds<'b> {
    bytes: &'b [u8],
    /// NEL, U+2028 and U+2029 end lines too (as where the text has one,
    /// [`has_unicode_line_ends`], or has not been looked at for one).
    unicode: bool,
    /// Where the last search for a `\n`, `\r` or C2 started (`usize::MAX`:
    /// none yet) …
    searched: usize,
    /// … and the first it found at or after that (the text's length: none
    /// to its end).
    found: usize,
}

impl<'b> LineEnds<'b> {
    /// The line ends of `bytes` (`unicode`: counting Unicode line
    /// separators).
    pub(crate) fn new(bytes: &'b [u8], unicode: bool) -> Self {
        LineEnds {
            bytes,
            unicode,
            searched: usize::MAX,
            found: bytes.len(),
        }
    }

    /// The next line end at or after `from`: (its offset, its length).
    /// Linear over calls whose `from` never goes back (any `from` is
    /// answered right).
    pub(crate) fn next_from(&mut self, from: usize) -> Option<(usize, usize)> {
        let bytes = self.bytes;
        let mut at = from;
        loop {
            let rest = bytes.get(at..)?;
            let candidate = if self.unicode {
                let next3 = self.next3_from(at);
                match memchr::memchr(0xE2, bytes.get(at..next3).unwrap_or_default()) {
                    Some(k) => at + k,
                    None if next3 < bytes.len() => next3,
                    None => return None,
                }
            } else {
                at + memchr::memchr2(b'\n', b'\r', rest)?
            };
            if let Some(len) = line_end_len(bytes, candidate) {
                return Some((candidate, len));
            }
            at = candidate + 1;
        }
    }

    /// The first `\n`, `\r` or C2 at or after `at` (the text's length:
    /// none): the one found last when its search started at or before `at`
    /// and it is not before `at`.
    fn next3_from(&mut self, at: usize) -> usize {
        if self.searched <= at && self.found >= at {
            return self.found;
        }
        let rest = self.bytes.get(at..).unwrap_or_default();
        let found = memchr::memchr3(b'\n', b'\r', 0xC2, rest).map_or(self.bytes.len(), |k| at + k);
        crate::work::add(found - at);
        (self.searched, self.found) = (at, found);
        found
    }
}

/// The `\r`s of `text`, counted by memchr's vector count, when it has no
/// Unicode line separator (`unicode`); 0 when it has one (they are not
/// needed then).
fn returns_unless(text: &str, unicode: bool) -> usize {
    if unicode {
        0
    } else {
        memchr::memchr_iter(b'\r', text.as_bytes()).count()
    }
}

/// The offset after each line end of `text`, in order (found with
/// `memchr`, as [`next_line_end`]).
fn line_ends(text: &str, unicode: bool) -> impl Iterator<Item = usize> + '_ {
    let mut ends = LineEnds::new(text.as_bytes(), unicode);
    let mut at = 0;
    std::iter::from_fn(move || {
        let (end, len) = ends.next_from(at)?;
        at = end + len;
        Some(at)
    })
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
    starts: Starts,
    len: usize,
    /// The text has a Unicode line separator ([`has_unicode_line_ends`]).
    unicode: bool,
    /// The text has no `\r` and no Unicode line separator.
    feeds_only: bool,
}

/// The byte offsets where lines start, ascending, the first 0: as `u32`
/// when the text is under 4 GiB (4 bytes a line, not 8: the index lives as
/// long as a parse, and short-line input has a line every few bytes), as
/// `usize` beyond.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Starts {
    Narrow(Vec<u32>),
    Wide(Vec<usize>),
}

impl Starts {
    fn len(&self) -> usize {
        match self {
            Starts::Narrow(v) => v.len(),
            Starts::Wide(v) => v.len(),
        }
    }

    fn get(&self, i: usize) -> Option<usize> {
        match self {
            Starts::Narrow(v) => v.get(i).map(|&s| s as usize),
            Starts::Wide(v) => v.get(i).copied(),
        }
    }

    /// How many starts are at or before `offset`, given that the first
    /// `from` are (the starts counted for an offset before it): the next
    /// [`NEAR_STARTS`] are looked at one by one, the rest by binary
    /// search. As [`Starts::search`] reads it (`Ok(i)` is `i + 1` starts,
    /// `Err(i)` is `i`), the starts being strictly ascending.
    fn count_from(&self, offset: usize, from: usize) -> usize {
        match self {
            Starts::Narrow(v) => match u32::try_from(offset) {
                Ok(o) => count_from(v, o, from),
                Err(_) => v.len(),
            },
            Starts::Wide(v) => count_from(v, offset, from),
        }
    }

    /// As [`slice::binary_search`] for `offset`.
    fn search(&self, offset: usize) -> Result<usize, usize> {
        match self {
            Starts::Narrow(v) => match u32::try_from(offset) {
                Ok(o) => v.binary_search(&o),
                Err(_) => Err(v.len()),
            },
            Starts::Wide(v) => v.binary_search(&offset),
        }
    }
}

/// Bytes [`each_line_feed`] tests at a time: four lanes, one bit a byte
/// in a `u64`.
const FEED_BLOCK: usize = 4 * LANE;

/// One bit per line feed of `block` (bit `k` for byte `k`): with SSE2
/// (every x86-64) a compare and a movemask per lane, elsewhere eight bytes
/// at a time ([`line_feed_mask_by_word`]).
#[inline(always)]
fn line_feed_mask(block: &[u8; FEED_BLOCK]) -> u64 {
    #[cfg(sse2)]
    {
        use safe_arch::{cmp_eq_mask_i8_m128i, m128i, move_mask_i8_m128i, set_splat_i8_m128i};
        let feed = set_splat_i8_m128i(b'\n'.cast_signed());
        let mut mask = 0;
        for (k, lane) in block.chunks_exact(LANE).enumerate() {
            // Never the default: the chunks are of `LANE` bytes.
            let v = m128i::from(<[u8; LANE]>::try_from(lane).unwrap_or([b' '; LANE]));
            let bits = move_mask_i8_m128i(cmp_eq_mask_i8_m128i(v, feed)).cast_unsigned() & 0xFFFF;
            mask |= u64::from(bits) << (LANE * k);
        }
        mask
    }
    #[cfg(not(sse2))]
    line_feed_mask_by_word(block)
}

/// [`line_feed_mask`] eight bytes at a time in a `u64` ([`crate::swar`]).
#[cfg_attr(sse2, allow(dead_code))]
#[inline(always)]
fn line_feed_mask_by_word(block: &[u8; FEED_BLOCK]) -> u64 {
    use crate::swar::{WORD, bits, equal, words};
    let mut mask = 0;
    for (k, w) in words(block).enumerate() {
        let feeds = equal(w, b'\n');
        if feeds != 0 {
            mask |= u64::from(bits(feeds)) << (WORD * k);
        }
    }
    mask
}

/// Give `found` the offset of each line feed of `bytes`, in order, while it
/// returns true; whether it always did (as `memchr_iter(b'\n', bytes)
/// .all(found)`). [`FEED_BLOCK`] bytes are tested at a time
/// ([`line_feed_mask`]) and each bit set taken in turn; the bytes after the
/// last whole block one by one. Where memchr's iterator sets up a search
/// per line (some ninety instructions a line of a report, whose lines are
/// short), this pays a few per block and per line.
fn each_line_feed(bytes: &[u8], mut found: impl FnMut(usize) -> bool) -> bool {
    let mut blocks = bytes.chunks_exact(FEED_BLOCK);
    let mut base = 0;
    for block in blocks.by_ref() {
        // Never the default: the chunks are of `FEED_BLOCK` bytes.
        let block = <&[u8; FEED_BLOCK]>::try_from(block).unwrap_or(&[b' '; FEED_BLOCK]);
        let mut mask = line_feed_mask(block);
        while mask != 0 {
            if !found(base + mask.trailing_zeros() as usize) {
                return false;
            }
            mask &= mask - 1;
        }
        base += FEED_BLOCK;
    }
    let rest = blocks.remainder().iter().enumerate();
    rest.filter(|&(_, &b)| b == b'\n')
        .all(|(k, _)| found(base + k))
}

/// Starts [`Starts::count_from`] looks at one by one before it searches:
/// a span's end is most often on its first line or a few lines after (a
/// block of a few wrapped lines), where a binary search over every line
/// of the text takes a dozen steps.
const NEAR_STARTS: usize = 8;

/// How many of the ascending `v` are at or before `offset`, counted on
/// from `hint` (the count for an earlier offset: items read in order pass
/// over each value about once) when its first `hint` are, else from the
/// start ([`count_from`]: a few looked at one by one, the rest searched).
pub(crate) fn count_at_or_before<T: Copy + Ord>(v: &[T], offset: T, hint: usize) -> usize {
    let from = match hint.checked_sub(1).and_then(|k| v.get(k)) {
        Some(&t) if t <= offset => hint,
        _ => 0,
    };
    count_from(v, offset, from)
}

/// How many of the ascending `starts` are at or before `offset`, the first
/// `from` being so: [`Starts::count_from`].
fn count_from<T: Copy + Ord>(starts: &[T], offset: T, from: usize) -> usize {
    let rest = starts.get(from..).unwrap_or_default();
    let near = rest.get(..NEAR_STARTS).unwrap_or(rest);
    match near.iter().position(|&s| s > offset) {
        Some(k) => from + k,
        None => {
            let far = rest.get(near.len()..).unwrap_or_default();
            from + near.len() + far.partition_point(|&s| s <= offset)
        }
    }
}

/// The bytes of a line [`line_starts`] makes room for before it reads a
/// text of line feeds alone (where it counted them first): the real
/// reports' lines average over 100 bytes, so the room is seldom grown, and
/// what is given back is at most a start for every 64 bytes of text (a
/// sixteenth of the text's size as `u32`s).
const GUESSED_LINE: usize = 64;

/// The line starts of `text` as `T` (see [`LineIndex::new`]); `None` when
/// an offset does not fit in `T`.
/// `unicode`: the text has a Unicode line separator; `returns`: its `\r`s,
/// counted when it has none.
fn line_starts<T: TryFrom<usize>>(text: &str, unicode: bool, returns: usize) -> Option<Vec<T>> {
    let bytes = text.as_bytes();
    // Sized first when the line ends are mixed: by the line-end bytes,
    // counted by memchr's vector count, when they are all the line ends
    // there are (a `\r\n` counts twice: the room it leaves is given back),
    // else by a first pass over the line ends. Line feeds alone (most text)
    // are found in one pass, into room for lines of [`GUESSED_LINE`] bytes
    // that grows as needed; what is left over is given back below.
    let room = if unicode {
        line_ends(text, unicode).count()
    } else if returns > 0 {
        memchr::memchr_iter(b'\n', bytes).count() + returns
    } else {
        bytes.len() / GUESSED_LINE
    };
    let mut starts = Vec::with_capacity(room + 1);
    let mut push = |at: usize| T::try_from(at).map(|at| starts.push(at)).is_ok();
    let mut fits = push(0);
    // A line end at the end of the text starts no line.
    let len = bytes.len();
    if unicode || returns > 0 {
        fits &= line_ends(text, unicode)
            .filter(|&at| at != len)
            .all(&mut push);
    } else {
        // Line feeds alone end the lines (most text): each one found
        // by one iterator, not a search per line for both line ends.
        fits &= each_line_feed(bytes, |i| i + 1 == len || push(i + 1));
    }
    starts.shrink_to_fit();
    fits.then_some(starts)
}

impl LineIndex {
    /// Index the line starts of `text`: `\n`, `\r\n`, a lone `\r` and the
    /// [`LINE_SEPARATORS`](crate::lexicon::LINE_SEPARATORS) (NEL, U+2028,
    /// U+2029) end lines, as in the parser's line split.
    ///
    /// ```
    /// let idx = fou::LineIndex::new("a\u{2028}b\r\u{85}c");
    /// assert_eq!(idx.line_count(), 4);
    /// assert_eq!(idx.line_start(4), Some(8));
    /// ```
    pub fn new(text: &str) -> Self {
        // Every start is at most the text's length: the width is chosen by
        // it, so a text of 4 GiB or more is read once, not twice.
        let (unicode, any_return) = line_end_kinds(text);
        let returns = if any_return {
            returns_unless(text, unicode)
        } else {
            0
        };
        let narrow = u32::try_from(text.len())
            .ok()
            .and_then(|_| line_starts::<u32>(text, unicode, returns));
        let starts = match narrow {
            Some(narrow) => Starts::Narrow(narrow),
            None => Starts::Wide(
                line_starts::<usize>(text, unicode, returns).unwrap_or_else(|| vec![0]),
            ),
        };
        LineIndex {
            starts,
            len: text.len(),
            unicode,
            feeds_only: !unicode && returns == 0,
        }
    }

    /// Do the text's lines end in line feeds alone (no `\r`, no Unicode
    /// line separator)?
    ///
    /// ```
    /// assert!(fou::LineIndex::new("a\nb\n").ends_only_in_line_feeds());
    /// assert!(!fou::LineIndex::new("a\r\nb").ends_only_in_line_feeds());
    /// ```
    pub fn ends_only_in_line_feeds(&self) -> bool {
        self.feeds_only
    }

    /// Does the text have a Unicode line separator (NEL, U+2028, U+2029)?
    /// Its lines end at them too.
    ///
    /// ```
    /// assert!(fou::LineIndex::new("a\u{2028}b").has_unicode_line_ends());
    /// assert!(!fou::LineIndex::new("a\r\nb").has_unicode_line_ends());
    /// ```
    pub fn has_unicode_line_ends(&self) -> bool {
        self.unicode
    }

    /// Number of lines.
    pub fn line_count(&self) -> usize {
        if self.len == 0 { 0 } else { self.starts.len() }
    }

    /// The 1-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.search(offset) {
            Ok(i) => i + 1,
            Err(i) => i.max(1),
        }
    }

    /// The offsets where the lines start (the first 0), when every line
    /// ends in a line feed alone and the text is under 4 GiB: then each
    /// start but the first is the byte after a `\n`, and each `\n` but one
    /// that ends the text is followed by a start. `None` otherwise.
    pub(crate) fn feed_line_starts(&self) -> Option<&[u32]> {
        match &self.starts {
            Starts::Narrow(v) if self.feeds_only => Some(v),
            _ => None,
        }
    }

    /// Byte offset where 1-based `line` starts.
    ///
    /// ```
    /// assert_eq!(fou::LineIndex::new("a\nbc").line_start(2), Some(2));
    /// ```
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line.checked_sub(1)?)
    }

    /// A span for the byte range `start..end` (end exclusive).
    ///
    /// Its last line is looked for from its first on (the lines up to the
    /// first are not searched again: a span's end is most often on its
    /// first line or a few after), and is the [`LineIndex::line_of`] its
    /// last byte.
    ///
    /// ```
    /// let idx = fou::LineIndex::new("a\nbb\r\nccc\n");
    /// let s = idx.span(2, 8);
    /// assert_eq!((s.line_start, s.line_end), (2, 3));
    /// ```
    pub fn span(&self, start: usize, end: usize) -> Span {
        let end = end.max(start);
        // Starts at or before `start`: its line, as `line_of` counts it.
        let first = match self.starts.search(start) {
            Ok(i) => i + 1,
            Err(i) => i,
        };
        let last = self
            .starts
            .count_from(end.saturating_sub(1).max(start), first);
        Span {
            start,
            end,
            line_start: first.max(1),
            line_end: last.max(1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counted on from the count for an earlier offset, or from the start
    /// when the hint is not one (an offset before the last), the values at
    /// or before an offset are those a search counts: headings at ascending
    /// blocks, items mostly in order and now and then before the last.
    #[test]
    fn the_values_before_offsets_in_order_are_counted_on_and_others_searched() {
        let mut g = crate::testing::Gen(0x2545_f491_4f6c_dd1d);
        for _ in 0..300 {
            // Headings at ascending blocks, each block starting 10 bytes on.
            let mut heads: Vec<usize> = (0..g.below(12)).map(|_| 10 * g.below(40)).collect();
            heads.sort_unstable();
            heads.dedup();
            let (mut before, mut last) = (0, 0);
            for _ in 0..20 {
                // Mostly after the last item, now and then before it.
                let start = if g.below(4) == 0 {
                    g.below(420)
                } else {
                    last + g.below(60)
                };
                before = count_at_or_before(&heads, start, before);
                let want = heads.partition_point(|&h| h <= start);
                assert_eq!(before, want, "{heads:?} {start} {last}");
                last = start;
            }
        }
    }

    /// [`count_control_bytes`] counts what [`is_control_byte`] picks, on
    /// every length around a lane and a sum of lanes, with control bytes,
    /// DEL and the bytes around them (`1F`, `20`, `7E`, `80`, `FF`) at
    /// every place.
    #[test]
    fn control_bytes_are_counted_as_one_by_one() {
        let around = [
            0x00, 0x09, 0x0a, 0x1f, 0x20, b'a', 0x7e, 0x7f, 0x80, 0xc3, 0xff,
        ];
        let mut g = crate::testing::Gen(0x2545_f491_4f6c_dd1d);
        let lengths = (0..70).chain([
            LANE * LANES_PER_SUM - 1,
            LANE * LANES_PER_SUM,
            3 * LANE * LANES_PER_SUM + 5,
        ]);
        for len in lengths {
            for _ in 0..8 {
                let bytes: Vec<u8> = (0..len).map(|_| around[g.below(around.len())]).collect();
                let slow = bytes.iter().filter(|&&b| is_control_byte(b)).count();
                assert_eq!(count_control_bytes(&bytes), slow, "{bytes:?}");
            }
        }
        assert_eq!(count_control_bytes(&[0x7f; 5000]), 5000);
    }

    /// A text with no NUL byte is never taken for UTF-16, and the sniff
    /// still finds UTF-16 that has them.
    #[test]
    fn utf16_is_sniffed_only_with_nul_bytes() {
        assert_eq!(sniff_utf16("blåbær og tekst ".repeat(300).as_bytes()), None);
        let le: Vec<u8> = "Tekst på norsk"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "Tekst på norsk"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(sniff_utf16(&le), Some(encoding_rs::UTF_16LE));
        assert_eq!(sniff_utf16(&be), Some(encoding_rs::UTF_16BE));
    }

    /// [`as_utf8`] says what [`std::str::from_utf8`] says, on bytes drawn
    /// from ASCII runs of every length around the validator's vectors,
    /// valid sequences of two to four bytes, and malformed ones (a stray
    /// continuation, a cut sequence, an overlong form, a surrogate, a code
    /// point past U+10FFFF).
    #[test]
    fn fast_utf8_validation_agrees_with_std() {
        let pieces: &[&[u8]] = &[
            b"a",
            b"Tekst med ord ",
            b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ012",
            "å".as_bytes(),
            "blåbær ".as_bytes(),
            "–".as_bytes(),
            "😀".as_bytes(),
            "\u{feff}".as_bytes(),
            b"\n",
            b"\x80",
            b"\xc3",
            b"\xe2\x80",
            b"\xc0\xaf",
            b"\xed\xa0\x80",
            b"\xf4\x90\x80\x80",
            b"\xff",
        ];
        let mut g = crate::testing::Gen(0x9e37_79b9_7f4a_7c15);
        let (mut valid, mut invalid) = (0, 0);
        for _ in 0..20_000 {
            let mut bytes = Vec::new();
            for _ in 0..g.below(12) {
                bytes.extend_from_slice(pieces[g.below(pieces.len())]);
            }
            let std = std::str::from_utf8(&bytes).ok();
            assert_eq!(as_utf8(&bytes), std, "{bytes:?}");
            if std.is_some() {
                valid += 1
            } else {
                invalid += 1
            }
        }
        assert!(
            valid > 1000 && invalid > 1000,
            "{valid} valid, {invalid} invalid"
        );
    }

    /// [`Source::from_slice`] reads every kind of input as
    /// [`Source::from_vec`] does (text, decoding, errors, with and without
    /// `strict`), and borrows the bytes exactly when they are valid UTF-8:
    /// plain, with a byte-order mark, damaged, Windows-1252, UTF-16 with
    /// and without a mark, binary, empty.
    #[test]
    fn a_borrowed_source_reads_as_an_owned_one() {
        let utf16 = |big: bool| -> Vec<u8> {
            let units = "Blåbær og tekst\n".repeat(40);
            let units = units.encode_utf16();
            match big {
                false => units.flat_map(u16::to_le_bytes).collect(),
                true => units.flat_map(u16::to_be_bytes).collect(),
            }
        };
        let mut bom_le = vec![0xFF, 0xFE];
        bom_le.extend(utf16(false));
        let inputs: Vec<(Vec<u8>, bool)> = vec![
            ("FoU-rapport 2020\nBlåbær – ok\n".into(), true),
            ("\u{feff}Tekst\n".into(), true),
            (Vec::new(), true),
            (b"Bl\xc3\xa5b\xc3\xa6r.\xff\n".to_vec(), false),
            (b"Bl\xe5b\xe6r og \xf8l\n".repeat(3), false),
            (utf16(false), false),
            (utf16(true), false),
            (bom_le, false),
            (b"\x00\x01\x02\x03\x04\x05\x06garbage".to_vec(), false),
        ];
        let strict = crate::Options::default().with_strict(true);
        for (bytes, borrowed) in &inputs {
            let owned = Source::from_vec(bytes.clone());
            let slice = Source::from_slice(bytes);
            match (&owned, &slice) {
                (Ok(o), Ok(s)) => {
                    assert_eq!((o.text(), o.decoding()), (s.text(), s.decoding()));
                    assert_eq!(o.line_count(), s.line_count());
                    let lent = std::ptr::eq(s.text().as_ptr(), bytes.as_ptr());
                    assert_eq!(lent, *borrowed, "{bytes:?}");
                }
                (Err(o), Err(s)) => assert_eq!(o.to_string(), s.to_string()),
                _ => panic!("{bytes:?}: {owned:?} against {slice:?}"),
            }
            let owned = Source::from_vec_with(bytes.clone(), &strict).map(|s| s.text().to_owned());
            let slice = Source::from_slice_with(bytes, &strict).map(|s| s.text().to_owned());
            assert_eq!(format!("{owned:?}"), format!("{slice:?}"));
        }
    }

    /// [`line_starts`] of `text`, with what [`LineIndex::new`] tells it.
    fn starts<T: TryFrom<usize>>(text: &str) -> Option<Vec<T>> {
        let unicode = has_unicode_line_ends(text);
        line_starts(text, unicode, returns_unless(text, unicode))
    }

    #[test]
    fn unicode_line_ends_are_found_among_their_lead_bytes() {
        // NEL and U+2028/9 next to characters that share their lead bytes
        // (`«` C2, `–` E2) and to ones that do not.
        let pieces = [
            "\u{85}", "\u{2028}", "\u{2029}", "«", "–", "\u{a0}", "a", "\n", "ø",
        ];
        for text in crate::testing::concatenations(&pieces, 3) {
            let naive = crate::lexicon::LINE_SEPARATORS
                .iter()
                .any(|&c| text.contains(c));
            assert_eq!(has_unicode_line_ends(&text), naive, "{text:?}");
        }
    }

    /// [`LineEnds`] answers every `from` as a search of the bytes one by
    /// one does ([`line_end_len`] at each), whether the `from`s go on from
    /// line to line, stay or go back: its kept search is used only where it
    /// holds.
    #[test]
    fn line_ends_found_in_turn_are_those_found_afresh() {
        let pieces = [
            "\n", "\r\n", "\r", "\u{85}", "\u{2028}", "\u{2029}", "«", "–", "a", "ø",
        ];
        let mut g = crate::testing::Gen(0x6a09_e667_f3bc_c908);
        for text in crate::testing::concatenations(&pieces, 4) {
            let b = text.as_bytes();
            for unicode in [false, true] {
                let by_byte = |from: usize| {
                    (from..b.len())
                        .filter(|&i| unicode || matches!(b[i], b'\n' | b'\r'))
                        .find_map(|i| line_end_len(b, i).map(|len| (i, len)))
                };
                // From line to line.
                let mut ends = LineEnds::new(b, unicode);
                let mut from = 0;
                while let Some((end, len)) = ends.next_from(from) {
                    assert_eq!(Some((end, len)), by_byte(from), "{text:?} {from}");
                    from = end + len;
                }
                assert_eq!(by_byte(from), None, "{text:?}");
                // Any order, from character boundaries.
                let mut ends = LineEnds::new(b, unicode);
                for _ in 0..8 {
                    let from = g.below(b.len() + 2);
                    if text.is_char_boundary(from.min(b.len())) {
                        assert_eq!(ends.next_from(from), by_byte(from), "{text:?} {from}");
                    }
                }
            }
        }
    }

    /// The one search for `\r` and the separators' lead bytes tells what
    /// the search for the leads and a search for `\r` tell, whichever comes
    /// first.
    #[test]
    fn line_end_kinds_are_told_in_one_search() {
        let pieces = [
            "a", "\r", "\n", "\u{85}", "\u{2028}", "\u{2029}", "«", "–", "\u{a0}",
        ];
        let mut both = 0;
        for text in crate::testing::concatenations(&pieces, 4) {
            let expected = (has_unicode_line_ends(&text), text.contains('\r'));
            assert_eq!(line_end_kinds(&text), expected, "{text:?}");
            both += usize::from(expected == (true, true));
        }
        assert!(both > 100, "{both}");
    }

    /// The index of text whose only line ends are line feeds, taken from
    /// one iterator over them, is the index the general search gives.
    #[test]
    fn line_feeds_alone_index_as_the_general_search_does() {
        let pieces = ["a", "ø", "\n", "\n\n", "\r", "\r\n", "\u{2028}"];
        let mut fast = 0;
        for text in crate::testing::concatenations(&pieces, 4) {
            let unicode = has_unicode_line_ends(&text);
            let mut general = vec![0];
            general.extend(line_ends(&text, unicode));
            if general.len() > 1 && general.last() == Some(&text.len()) {
                general.pop();
            }
            assert_eq!(starts::<usize>(&text), Some(general.clone()), "{text:?}");
            let narrow: Vec<u32> = general.iter().map(|&s| s as u32).collect();
            assert_eq!(
                LineIndex::new(&text).starts,
                Starts::Narrow(narrow),
                "{text:?}"
            );
            fast += usize::from(!unicode && !text.contains('\r') && text.contains('\n'));
        }
        assert!(fast > 100, "{fast}");
    }

    /// The line feeds found a block at a time are the ones memchr finds,
    /// in order, with a feed at every place of texts of lengths around a
    /// lane and a block, among non-ASCII bytes and `\r`; a `false` from
    /// the callback stops the search there.
    #[test]
    fn line_feeds_by_blocks_are_memchr_s() {
        let mut g = crate::testing::Gen(0x2545_f491_4f6c_dd1d);
        let kinds = [
            b'a',
            b'\n',
            b'\r',
            0xC3,
            0xA5,
            0x0A ^ 0x80,
            0x8A,
            0x0B,
            0x09,
        ];
        let lengths = (0usize..140).chain([255, 256, 257, 1000]);
        for len in lengths {
            for _ in 0..6 {
                let mut bytes: Vec<u8> = (0..len).map(|_| kinds[g.below(kinds.len())]).collect();
                for at in [0, len / 2, len.saturating_sub(1)] {
                    if let Some(b) = bytes.get_mut(at) {
                        *b = b'\n';
                    }
                    let slow: Vec<usize> = memchr::memchr_iter(b'\n', &bytes).collect();
                    let mut fast = Vec::new();
                    assert!(each_line_feed(&bytes, |i| {
                        fast.push(i);
                        true
                    }));
                    assert_eq!(fast, slow, "{bytes:?}");
                    for (n, block) in bytes.chunks_exact(FEED_BLOCK).enumerate() {
                        let block = <&[u8; FEED_BLOCK]>::try_from(block).unwrap();
                        let by_word: Vec<usize> = (0..FEED_BLOCK)
                            .filter(|k| line_feed_mask_by_word(block) >> k & 1 == 1)
                            .map(|k| n * FEED_BLOCK + k)
                            .collect();
                        let want = slow.iter().filter(|&&i| i / FEED_BLOCK == n);
                        assert!(by_word.iter().eq(want), "{bytes:?}");
                    }
                    // Stopped at the second feed: the first two were given.
                    let mut given = 0;
                    let all = each_line_feed(&bytes, |_| {
                        given += 1;
                        given < 2
                    });
                    assert_eq!((all, given), (slow.len() < 2, slow.len().min(2)));
                }
            }
        }
    }

    /// A span's lines, its last looked for from its first on, are the
    /// lines [`LineIndex::line_of`] gives its first and last bytes: every
    /// span of texts of up to some dozens of lines (more than
    /// [`NEAR_STARTS`] after a first), with every kind of line end, empty
    /// and reversed spans and spans past the end, on both widths of index.
    #[test]
    fn span_lines_are_the_lines_of_its_ends() {
        let pieces = ["ab", "ø", "\n", "\n\n", "\r", "\r\n", "\u{2028}", "x\n"];
        let mut g = crate::testing::Gen(0x9e37_79b9_7f4a_7c15);
        for n in [0, 1, 3, 9, 40] {
            for _ in 0..12 {
                let text: String = (0..n).map(|_| pieces[g.below(pieces.len())]).collect();
                let narrow = LineIndex::new(&text);
                let starts = (0..narrow.starts.len()).filter_map(|i| narrow.starts.get(i));
                let wide = LineIndex {
                    starts: Starts::Wide(starts.collect()),
                    ..narrow.clone()
                };
                for index in [&narrow, &wide] {
                    for start in 0..text.len() + 3 {
                        for end in 0..text.len() + 3 {
                            let s = index.span(start, end);
                            let e = end.max(start);
                            let slow = (
                                index.line_of(start),
                                index.line_of((e.max(1) - 1).max(start)),
                            );
                            assert_eq!((s.start, s.end), (start, e));
                            assert_eq!((s.line_start, s.line_end), slow, "{text:?} {start} {end}");
                        }
                    }
                }
            }
        }
    }

    /// An offset that does not fit the index's type gives no index (so a
    /// text of 4 GiB or more is indexed in `usize`): told on a type whose
    /// limit a test can reach.
    #[test]
    fn line_starts_that_do_not_fit_give_no_index() {
        let text = "a\n".repeat(200);
        assert_eq!(starts::<u8>(&text[..254]).map(|v| v.len()), Some(127));
        assert_eq!(starts::<u8>(&text), None);
        assert_eq!(
            starts::<u16>(&text).map(|v| v.into_iter().map(usize::from).collect()),
            starts::<usize>(&text)
        );
    }

    /// The check counts control bytes first and binary bytes only when
    /// there are many: it says what counting the binary bytes alone says,
    /// at the threshold of 1 in 20 and around it, with the text's own
    /// control bytes (line ends, tabs) among them or not.
    #[test]
    fn the_binary_check_gives_what_counting_binary_bytes_gives() {
        let naive = |bytes: &[u8]| {
            let head = &bytes[..bytes.len().min(65536)];
            head.iter().filter(|&&b| is_binary_byte(b)).count() * 20 > head.len().max(1)
        };
        let mut checked = [0, 0];
        for filler in [
            &b"abcdefghi"[..],
            b"ab\ncd\tef\r",
            b"\n\n\n\x0c\x1a",
            b"\xc3\xa5x",
        ] {
            for binary in [0u8, 0x01, 0x1b, 0x7f] {
                for n in 0..40 {
                    let mut bytes = filler.repeat(20);
                    for k in 0..n {
                        let at = (k * 7) % bytes.len();
                        bytes[at] = binary;
                    }
                    let rejected = check_not_binary(&bytes).is_err();
                    assert_eq!(rejected, naive(&bytes), "{bytes:?}");
                    checked[usize::from(rejected)] += 1;
                }
            }
        }
        // Both answers were given, so the test can fail either way.
        assert!(checked[0] > 50 && checked[1] > 50, "{checked:?}");
    }

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

    /// The text under each mark of `excerpt_marks`.
    fn marked(src: &Source, line: usize, spans: &[Span], width: usize) -> (String, Vec<String>) {
        let m = src.excerpt_marks(line, spans, width);
        let under = m
            .marks
            .iter()
            .map(|k| m.text.chars().skip(k.column).take(k.width).collect())
            .collect();
        (m.text, under)
    }

    #[test]
    fn one_mark_is_shown_as_excerpt_shows_it() {
        let line = format!("{}ni skisser{}\nneste", "å".repeat(90), "e".repeat(90));
        let src = Source::from_text(&line);
        let n = line.find('\n').unwrap();
        for (start, end) in [
            (0, 4),
            (90, 110),
            (180, 190),
            (n - 1, n),
            (n, n),
            (2, n + 3),
        ] {
            let start = floor_boundary(&line, start);
            let end = floor_boundary(&line, end);
            for width in [10, 40, 100, 400] {
                let span = src.span(start, end);
                let e = src.excerpt(&span, width);
                let m = src.excerpt_marks(1, &[span], width);
                assert_eq!(m.text, e.text, "{start}..{end} at {width}");
                assert_eq!(
                    m.marks,
                    [Mark {
                        column: e.caret_column,
                        width: e.caret_width
                    }],
                    "{start}..{end} at {width}"
                );
            }
        }
    }

    #[test]
    fn marks_close_together_share_a_window_and_far_apart_ones_get_their_own() {
        let line = format!(
            "Tre{}fire{}fem{}seks",
            "-".repeat(20),
            "-".repeat(300),
            "-".repeat(300)
        );
        let src = Source::from_text(&line);
        let at = |w: &str| line.find(w).unwrap();
        let spans = [
            src.span(at("fire"), at("fire") + 4),
            src.span(0, 3),
            src.span(at("fem"), at("fem") + 3),
            src.span(at("seks"), at("seks") + 4),
        ];
        let (text, under) = marked(&src, 1, &spans, 60);
        assert_eq!(under, ["fire", "Tre", "fem", "seks"], "in the order given");
        assert!(
            text.starts_with("Tre---") && text.ends_with("---seks"),
            "{text}"
        );
        assert_eq!(text.matches('…').count(), 2, "two cuts: {text}");
        assert!(text.chars().count() <= 3 * 60, "{}", text.chars().count());
        // A short line is shown whole.
        let src = Source::from_text("Tre og fire\n");
        let (text, under) = marked(&src, 1, &[src.span(7, 11), src.span(0, 3)], 60);
        assert_eq!(
            (text.as_str(), under),
            ("Tre og fire", vec!["fire".to_owned(), "Tre".to_owned()])
        );
    }

    #[test]
    fn marks_of_spans_from_other_lines_stand_at_the_line_ends() {
        let src = Source::from_text("en to\ntre fire\nfem");
        let m = src.excerpt_marks(2, &[src.span(0, 8), src.span(14, 17)], 100);
        assert_eq!(m.text, "tre fire");
        assert_eq!(
            m.marks,
            [
                Mark {
                    column: 0,
                    width: 2
                },
                Mark {
                    column: 8,
                    width: 1
                }
            ]
        );
        assert_eq!(m.caret_line(), "^^      ^");
    }

    #[test]
    fn a_span_over_several_lines_is_underlined_to_the_end_of_its_first() {
        let src = Source::from_text("en to\ntre");
        let (text, under) = carets(&src, 3, 9, 100);
        assert_eq!((text.as_str(), under.as_str()), ("en to", "to"));
    }
}

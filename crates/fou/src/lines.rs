//! Layer 1: raw text → physical lines, inline markup cleaned, positions kept.
//!
//! [`Normalized`] gives the text the parser reads: invisible characters
//! (zero-width, directional marks, soft hyphens, byte-order marks) dropped,
//! Unicode spaces made spaces, NFC, with a map back to the input.
//! [`split_lines`] gives each physical line ([`RawLine`]) with its byte
//! offset; [`CleanText`] holds a line's text with Markdown/HTML inline markup removed
//! (`**bold**`, `*em*`, `<b>`, `[links](…)`, escapes, soft hyphens) and an
//! offset map back to the input, so later layers can report exact spans for
//! any part of a cleaned string.

mod normalize;

pub use normalize::{Normalized, normalize};

/// A hyperlink found while cleaning inline markup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The link text.
    pub text: String,
    /// The target.
    pub url: String,
}

/// Cleaned text with a map from its byte offsets to input byte offsets.
///
/// ```
/// use fou::lines::CleanText;
/// let c = CleanText::clean("a **bold** [link](http://x)", 100);
/// assert_eq!(c.text, "a bold link");
/// assert_eq!(c.source_offset(2), 104);       // 'b' of bold
/// assert_eq!(c.links[0].url, "http://x");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CleanText {
    /// The cleaned text.
    pub text: String,
    /// Segments `(clean_offset, source_offset)`: from each clean offset on,
    /// bytes were copied contiguously from the source offset.
    map: Vec<(usize, usize)>,
    /// Synthetic characters `(clean_offset, source_length)`: a joining space,
    /// an NBSP made a space, `--` made an en dash.
    syn: Vec<(usize, usize)>,
    /// Links, in order.
    pub links: Vec<Link>,
}

impl CleanText {
    /// Clean one line of input that starts at byte `base` of the source.
    ///
    /// ```
    /// let c = fou::lines::CleanText::clean("<b>Forord</b>  ", 0);
    /// assert_eq!(c.text, "Forord");
    /// ```
    pub fn clean(raw: &str, base: usize) -> Self {
        let mut out = CleanText::default();
        // A trailing backslash is a Markdown hard line break, not text.
        let raw = raw.trim_end();
        let raw = raw
            .strip_suffix('\\')
            .filter(|r| !r.ends_with('\\'))
            .unwrap_or(raw);
        clean_into(&mut out, raw, base);
        out.trim_end();
        out
    }

    /// Text copied verbatim (no markup removal).
    ///
    /// ```
    /// let c = fou::lines::CleanText::verbatim("**x**", 5);
    /// assert_eq!((c.text.as_str(), c.source_offset(0)), ("**x**", 5));
    /// ```
    pub fn verbatim(raw: &str, base: usize) -> Self {
        let mut out = CleanText::default();
        out.push_src(raw, base);
        out
    }

    /// Append source text that starts at source offset `at`.
    ///
    /// ```
    /// let mut c = fou::lines::CleanText::default();
    /// c.push_src("abc", 10);
    /// assert_eq!(c.source_offset(2), 12);
    /// ```
    pub fn push_src(&mut self, s: &str, at: usize) {
        if s.is_empty() {
            return;
        }
        let clean_at = self.text.len();
        let contiguous = self
            .map
            .last()
            .is_some_and(|&(c, r)| r + (clean_at - c) == at);
        if !contiguous {
            self.map.push((clean_at, at));
        }
        self.text.push_str(s);
    }

    /// Append a synthetic character standing for `src_len` source bytes at `at`
    /// (a joining space, an NBSP made a space).
    ///
    /// ```
    /// let mut c = fou::lines::CleanText::verbatim("a", 0);
    /// c.push_synthetic(' ', 1);
    /// assert_eq!(c.text, "a ");
    /// ```
    pub fn push_synthetic(&mut self, ch: char, at: usize) {
        self.push_replacement(ch, at, 1);
    }

    fn push_replacement(&mut self, ch: char, at: usize, src_len: usize) {
        let clean_at = self.text.len();
        self.map.push((clean_at, at));
        self.syn.push((clean_at, src_len));
        self.text.push(ch);
        // The next copied byte must start a new segment.
        self.map.push((self.text.len(), at + src_len));
    }

    fn push_dash(&mut self, at: usize) {
        self.push_replacement('–', at, 2);
    }

    /// Append another cleaned text, joined by `sep`.
    ///
    /// ```
    /// let mut c = fou::lines::CleanText::verbatim("en", 0);
    /// c.append(&fou::lines::CleanText::verbatim("to", 3), ' ');
    /// assert_eq!((c.text.as_str(), c.source_offset(3)), ("en to", 3));
    /// ```
    pub fn append(&mut self, other: &CleanText, sep: char) {
        if other.text.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            let at = other.map.first().map_or(0, |m| m.1);
            self.push_synthetic(sep, at.saturating_sub(1));
        }
        let shift = self.text.len();
        self.map
            .extend(other.map.iter().map(|&(c, r)| (c + shift, r)));
        self.syn
            .extend(other.syn.iter().map(|&(c, l)| (c + shift, l)));
        self.text.push_str(&other.text);
        self.links.extend(other.links.iter().cloned());
    }

    /// Append another cleaned text with no separator (a word mended across lines).
    ///
    /// ```
    /// let mut c = fou::lines::CleanText::verbatim("arbeids", 0);
    /// c.append_tight(&fou::lines::CleanText::verbatim("ledighet", 9));
    /// assert_eq!(c.text, "arbeidsledighet");
    /// ```
    pub fn append_tight(&mut self, other: &CleanText) {
        let shift = self.text.len();
        self.map
            .extend(other.map.iter().map(|&(c, r)| (c + shift, r)));
        self.text.push_str(&other.text);
        self.links.extend(other.links.iter().cloned());
    }

    /// Source byte offset of clean byte offset `clean`.
    ///
    /// ```
    /// let c = fou::lines::CleanText::clean("**ab**", 0);
    /// assert_eq!(c.source_offset(1), 3);
    /// ```
    pub fn source_offset(&self, clean: usize) -> usize {
        let i = self.map.partition_point(|&(c, _)| c <= clean);
        match i.checked_sub(1).and_then(|i| self.map.get(i)) {
            Some(&(c, r)) => r + (clean - c),
            None => self.map.first().map_or(0, |m| m.1),
        }
    }

    /// Source byte range for the clean range `start..end`.
    ///
    /// ```
    /// let c = fou::lines::CleanText::clean("**Tre** prosjekter -- ø", 0);
    /// assert_eq!(c.text, "Tre prosjekter – ø");
    /// assert_eq!(c.source_range(0, 3), (2, 5));     // `Tre`, not its `**`
    /// assert_eq!(c.source_range(0, 21), (2, 24));   // ends after `ø`
    /// assert_eq!(c.source_range(15, 18), (19, 21)); // `–` stands for the two bytes `--`
    /// ```
    pub fn source_range(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.source_offset(start);
        let end = end.min(self.text.len());
        let Some(last) = self
            .text
            .get(..end)
            .and_then(|t| t.chars().next_back())
            .filter(|_| end > start)
        else {
            return (s, s);
        };
        let last_start = end - last.len_utf8();
        let src_len = match self.syn.binary_search_by_key(&last_start, |&(c, _)| c) {
            Ok(i) => self.syn[i].1,
            Err(_) => last.len_utf8(),
        };
        (s, (self.source_offset(last_start) + src_len).max(s))
    }

    /// The part `start..end` of this text, with its map.
    ///
    /// ```
    /// let c = fou::lines::CleanText::clean("x *ab* cd", 10);
    /// let s = c.slice(2, 4);
    /// assert_eq!(s.text, "ab");
    /// assert_eq!(s.source_offset(0), 13);
    /// ```
    pub fn slice(&self, start: usize, end: usize) -> CleanText {
        let end = end.min(self.text.len());
        let start = start.min(end);
        let mut out = CleanText {
            text: self.text[start..end].to_owned(),
            map: Vec::new(),
            syn: self
                .syn
                .iter()
                .filter(|&&(c, _)| c >= start && c < end)
                .map(|&(c, l)| (c - start, l))
                .collect(),
            links: self.links.clone(),
        };
        out.map.push((0, self.source_offset(start)));
        let first = self.map.partition_point(|&(c, _)| c <= start);
        for &(c, r) in &self.map[first..] {
            if c >= end {
                break;
            }
            out.map.push((c - start, r));
        }
        out
    }

    /// The text with surrounding white space removed, map kept.
    ///
    /// ```
    /// let c = fou::lines::CleanText::verbatim("  x  ", 0).trimmed();
    /// assert_eq!((c.text.as_str(), c.source_offset(0)), ("x", 2));
    /// ```
    pub fn trimmed(&self) -> CleanText {
        let t = self.text.trim_start();
        let start = self.text.len() - t.len();
        let end = start + t.trim_end().len();
        self.slice(start, end)
    }

    /// Cut the text to its first `len` bytes (a char boundary), in place.
    ///
    /// ```
    /// let mut c = fou::lines::CleanText::verbatim("arbeids-", 0);
    /// c.truncate(7);
    /// assert_eq!(c.text, "arbeids");
    /// ```
    pub fn truncate(&mut self, len: usize) {
        if len >= self.text.len() || !self.text.is_char_boundary(len) {
            return;
        }
        self.text.truncate(len);
        while self.syn.last().is_some_and(|&(c, _)| c >= len) {
            self.syn.pop();
        }
        while self.map.len() > 1 && self.map.last().is_some_and(|&(c, _)| c >= len) {
            self.map.pop();
        }
    }

    fn trim_end(&mut self) {
        let t = self.text.trim_end().len();
        self.text.truncate(t);
        while self.syn.last().is_some_and(|&(c, _)| c >= t) {
            self.syn.pop();
        }
        while self.map.last().is_some_and(|&(c, _)| c > t) {
            self.map.pop();
        }
    }
}

/// True when a `*` or `_` at byte `i` of `s` is an emphasis delimiter
/// (touches a word on exactly one side, or on both sides when it is `*`).
fn is_emphasis(s: &str, i: usize, ch: char) -> bool {
    let before = s[..i].chars().next_back();
    let after = s[i + 1..].chars().next();
    let ws = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let wordy = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    match ch {
        '*' => !(ws(before) && ws(after)),
        _ => (ws(before) || !wordy(before)) != (ws(after) || !wordy(after)),
    }
}

fn clean_into(out: &mut CleanText, raw: &str, base: usize) {
    crate::work::add(raw.len());
    let bytes = raw.as_bytes();
    let mut i = 0;
    let mut run_start = 0;
    let flush = |out: &mut CleanText, from: usize, to: usize| {
        if to > from {
            out.push_src(&raw[from..to], base + from);
        }
    };
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'\\' if i + 1 < bytes.len() && b"*_[]()#.-`!<>\\".contains(&bytes[i + 1]) => {
                flush(out, run_start, i);
                run_start = i + 1;
                i += 2;
            }
            b'*' | b'_' if is_emphasis(raw, i, b as char) => {
                flush(out, run_start, i);
                i += 1;
                run_start = i;
            }
            b'-' if raw[i..].starts_with("-- ") && (i == 0 || bytes[i - 1] == b' ') => {
                // `--` for an en dash (pandoc's smart punctuation, typewriter habit)
                flush(out, run_start, i);
                out.push_dash(base + i);
                i += 2;
                run_start = i;
            }
            b'<' => {
                if let Some(len) = html_tag_len(&raw[i..]) {
                    flush(out, run_start, i);
                    let inner = &raw[i + 1..i + len - 1];
                    if inner.starts_with("http") || inner.contains('@') {
                        out.push_src(inner, base + i + 1);
                    } else if inner.eq_ignore_ascii_case("br") || inner.eq_ignore_ascii_case("br/")
                    {
                        out.push_synthetic(' ', base + i);
                    }
                    i += len;
                    run_start = i;
                } else {
                    i += 1;
                }
            }
            b'!' if bytes.get(i + 1) == Some(&b'[') => {
                if let Some((text_end, url, total)) = link_at(&raw[i + 1..]) {
                    flush(out, run_start, i);
                    let text = &raw[i + 2..i + 1 + text_end];
                    let mut sub = CleanText::default();
                    clean_into(&mut sub, text, base + i + 2);
                    out.links.push(Link {
                        text: sub.text.clone(),
                        url: url.to_owned(),
                    });
                    out.append_inline(sub);
                    i += 1 + total;
                    run_start = i;
                } else {
                    i += 1;
                }
            }
            b'[' => {
                if let Some((text_end, url, total)) = link_at(&raw[i..]) {
                    flush(out, run_start, i);
                    let text = &raw[i + 1..i + text_end];
                    let mut sub = CleanText::default();
                    clean_into(&mut sub, text, base + i + 1);
                    out.links.push(Link {
                        text: sub.text.clone(),
                        url: url.to_owned(),
                    });
                    out.append_inline(sub);
                    i += total;
                    run_start = i;
                } else {
                    i += 1;
                }
            }
            0xC2 if bytes.get(i + 1) == Some(&0xA0) => {
                // NO-BREAK SPACE → space
                flush(out, run_start, i);
                out.push_replacement(' ', base + i, 2);
                i += 2;
                run_start = i;
            }
            0xEF if bytes.get(i + 1) == Some(&0xBB) && bytes.get(i + 2) == Some(&0xBF) => {
                // BYTE ORDER MARK / ZERO WIDTH NO-BREAK SPACE → dropped
                flush(out, run_start, i);
                i += 3;
                run_start = i;
            }
            0xE2 if bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0x8B) => {
                // ZERO WIDTH SPACE → dropped
                flush(out, run_start, i);
                i += 3;
                run_start = i;
            }
            0xC2 if bytes.get(i + 1) == Some(&0xAD) => {
                // SOFT HYPHEN → dropped
                flush(out, run_start, i);
                i += 2;
                run_start = i;
            }
            b'\t' | b'\x0c' | b'\x0b' => {
                flush(out, run_start, i);
                out.push_synthetic(' ', base + i);
                i += 1;
                run_start = i;
            }
            b if b < 0x20 => {
                // other control characters (NUL, ESC …) are dropped
                flush(out, run_start, i);
                i += 1;
                run_start = i;
            }
            _ => i += 1,
        }
    }
    flush(out, run_start, bytes.len());
}

impl CleanText {
    fn append_inline(&mut self, sub: CleanText) {
        let shift = self.text.len();
        self.syn
            .extend(sub.syn.iter().map(|&(c, l)| (c + shift, l)));
        self.map
            .extend(sub.map.iter().map(|&(c, r)| (c + shift, r)));
        self.text.push_str(&sub.text);
    }
}

/// Length of an HTML-ish tag (`<b>`, `</b>`, `<br/>`, `<https://…>`) at the start of `s`.
fn html_tag_len(s: &str) -> Option<usize> {
    // Tags are short: look no further than 200 bytes (`>` is ASCII, so any byte
    // position of it is a char boundary), which keeps cleaning linear.
    let head = &s.as_bytes()[..s.len().min(200)];
    let end = head.iter().position(|&b| b == b'>');
    crate::work::add(end.unwrap_or(head.len()));
    let end = end?;
    let inner = &s[1..end];
    let name = inner.trim_start_matches('/');
    let ok_tag = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && !name.contains(char::is_whitespace)
        || name.contains("://")
        || (name.contains('@') && !name.contains(' '));
    ok_tag.then_some(end + 1)
}

/// A Markdown link `[text](url)` at the start of `s`: (end of text, url, total length).
fn link_at(s: &str) -> Option<(usize, &str, usize)> {
    // Link texts and targets are short: bounded searches keep cleaning linear.
    const MAX_TEXT: usize = 300;
    const MAX_LINK: usize = 2000;
    let mut depth = 0usize;
    let mut close = None;
    for (i, c) in s.char_indices().take_while(|&(i, _)| i < MAX_TEXT) {
        match c {
            '[' => depth += 1,
            ']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    close = Some(i);
                    break;
                }
            }
            _ => {}
        }
    }
    crate::work::add(close.unwrap_or(s.len().min(MAX_TEXT)));
    let close = close?;
    let rest = &s[close + 1..];
    if !rest.starts_with('(') {
        return None;
    }
    let end = rest.as_bytes()[..rest.len().min(MAX_LINK)]
        .iter()
        .position(|&b| b == b')');
    crate::work::add(end.unwrap_or(rest.len().min(MAX_LINK)));
    let end = end?;
    let url = rest[1..end].trim();
    if url.contains(' ') && !url.starts_with('<') {
        return None;
    }
    Some((close, url, close + 1 + end + 1))
}

/// One physical line of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawLine<'a> {
    /// The text without its line terminator.
    pub text: &'a str,
    /// Byte offset of the first byte.
    pub start: usize,
    /// 1-based line number.
    pub number: usize,
}

/// Length of the line terminator at byte `i` of `bytes`, if one starts
/// there: `\n`, `\r\n`, a lone `\r`, or one of
/// [`LINE_SEPARATORS`](crate::lexicon::LINE_SEPARATORS) (NEL, U+2028,
/// U+2029). [`split_lines`] and [`LineIndex`](crate::LineIndex) both end
/// lines here, so they always agree.
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

/// Split `text` into physical lines: `\n`, `\r\n`, a lone `\r` and the
/// [`LINE_SEPARATORS`](crate::lexicon::LINE_SEPARATORS) end a line (see
/// [`line_end_len`]).
///
/// ```
/// let lines: Vec<_> = fou::lines::split_lines("a\r\nb\rc\u{2029}d\n").map(|l| l.text).collect();
/// assert_eq!(lines, ["a", "b", "c", "d"]);
/// ```
pub fn split_lines(text: &str) -> impl Iterator<Item = RawLine<'_>> {
    let bytes = text.as_bytes();
    let mut pos = 0usize;
    let mut number = 0usize;
    std::iter::from_fn(move || {
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        let mut end = start;
        let mut ending = None;
        while end < bytes.len() {
            // Only these three bytes can start a line terminator.
            if matches!(bytes[end], b'\n' | b'\r' | 0xC2 | 0xE2) {
                ending = line_end_len(bytes, end);
                if ending.is_some() {
                    break;
                }
            }
            end += 1;
        }
        let next = end + ending.unwrap_or(0);
        crate::work::add(next - start);
        pos = next;
        number += 1;
        Some(RawLine {
            text: &text[start..end],
            start,
            number,
        })
    })
}

//! Inline cleaning: one line's Markdown/HTML inline markup removed, with
//! every kept byte mapped to the input ([`MappedText::clean`]).

use super::mapped::{Link, MappedText};

/// Bytes a backslash escapes in Markdown (`\*`, `\_`, `\[` …).
const ESCAPABLE: &[u8] = b"*_[]()#.-`!<>\\";

impl<'a> MappedText<'a> {
    /// Clean one line of input that starts at byte `base` of the source:
    /// emphasis markers, HTML tags, link syntax and escapes removed, `--`
    /// before a space made an en dash, tabs and no-break spaces made spaces,
    /// control characters, soft hyphens and zero-width spaces dropped.
    ///
    /// ```
    /// let c = fou::lines::MappedText::clean("<b>Forord</b>  ", 0);
    /// assert_eq!(c.as_str(), "Forord");
    /// ```
    pub fn clean(raw: &'a str, base: usize) -> Self {
        // A trailing backslash is a Markdown hard line break, not text.
        let raw = raw.trim_end();
        if !needs_cleaning(raw) {
            return MappedText::verbatim(raw, base);
        }
        let raw = raw
            .strip_suffix('\\')
            .filter(|r| !r.ends_with('\\'))
            .unwrap_or(raw);
        let mut out = Cleaner::new(raw, base).run();
        out.trim_end();
        out
    }
}

/// True when cleaning could change `raw`: it holds a byte that starts
/// markup, an escape, a dash `-- `, a control character, or a character
/// cleaning replaces or drops. Otherwise the clean text is `raw` itself.
fn needs_cleaning(raw: &str) -> bool {
    raw.bytes()
        .any(|b| matches!(b, b'\\' | b'*' | b'_' | b'<' | b'[') || b < 0x20)
        || raw.contains("-- ")
        || ['\u{a0}', '\u{ad}', '\u{feff}', '\u{200b}']
            .iter()
            .any(|&c| raw.contains(c))
}

/// The state of cleaning one line: `raw[run_start..i]` is text still to be
/// copied as it is.
struct Cleaner<'a> {
    raw: &'a str,
    base: usize,
    out: MappedText<'static>,
    i: usize,
    run_start: usize,
}

impl<'a> Cleaner<'a> {
    fn new(raw: &'a str, base: usize) -> Self {
        Cleaner {
            raw,
            base,
            out: MappedText::default(),
            i: 0,
            run_start: 0,
        }
    }

    fn run(mut self) -> MappedText<'static> {
        crate::work::add(self.raw.len());
        let bytes = self.raw.as_bytes();
        while let Some(&b) = bytes.get(self.i) {
            let next = |k: usize| bytes.get(self.i + k).copied();
            let taken = match b {
                b'\\' if next(1).is_some_and(|n| ESCAPABLE.contains(&n)) => self.escape(),
                b'*' | b'_' if is_emphasis(self.raw, self.i, b as char) => self.emphasis(),
                b'-' if self.raw[self.i..].starts_with("-- ")
                    && (self.i == 0 || bytes[self.i - 1] == b' ') =>
                {
                    // `--` for an en dash (pandoc's smart punctuation, typewriter habit)
                    self.replace('–', 2)
                }
                b'<' => self.html_tag(),
                b'!' if next(1) == Some(b'[') => self.link(1),
                b'[' => self.link(0),
                // NO-BREAK SPACE → space
                0xC2 if next(1) == Some(0xA0) => self.replace(' ', 2),
                // BYTE ORDER MARK / ZERO WIDTH NO-BREAK SPACE → dropped
                0xEF if next(1) == Some(0xBB) && next(2) == Some(0xBF) => self.drop(3),
                // ZERO WIDTH SPACE → dropped
                0xE2 if next(1) == Some(0x80) && next(2) == Some(0x8B) => self.drop(3),
                // SOFT HYPHEN → dropped
                0xC2 if next(1) == Some(0xAD) => self.drop(2),
                b'\t' | b'\x0c' | b'\x0b' => self.replace(' ', 1),
                // other control characters (NUL, ESC …) are dropped
                b if b < 0x20 => self.drop(1),
                _ => false,
            };
            if !taken {
                self.i += 1;
            }
        }
        self.flush();
        self.out
    }

    /// Copy the pending run of plain text.
    fn flush(&mut self) {
        if self.i > self.run_start {
            let run = &self.raw[self.run_start..self.i];
            self.out.push_src(run, self.base + self.run_start);
        }
    }

    /// Skip `len` bytes of markup.
    fn drop(&mut self, len: usize) -> bool {
        self.flush();
        self.i += len;
        self.run_start = self.i;
        true
    }

    /// Skip an emphasis delimiter, remembering where it was.
    fn emphasis(&mut self) -> bool {
        self.flush();
        let at = self.out.len();
        self.out.extras_mut().marks.push(at);
        self.i += 1;
        self.run_start = self.i;
        true
    }

    /// Put `ch` for the next `len` bytes.
    fn replace(&mut self, ch: char, len: usize) -> bool {
        self.flush();
        self.out.push_replacement(ch, self.base + self.i, len);
        self.i += len;
        self.run_start = self.i;
        true
    }

    /// `\*`: the backslash goes, the escaped byte is kept as text.
    fn escape(&mut self) -> bool {
        self.flush();
        self.run_start = self.i + 1;
        self.i += 2;
        true
    }

    /// `<b>`, `</b>`, `<br>` (a space), `<https://…>` and `<a@b.no>` (kept).
    fn html_tag(&mut self) -> bool {
        let Some(len) = html_tag_len(&self.raw[self.i..]) else {
            return false;
        };
        self.flush();
        let at = self.i;
        let inner = &self.raw[at + 1..at + len - 1];
        if inner.starts_with("http") || inner.contains('@') {
            self.out.push_src(inner, self.base + at + 1);
        } else if inner.eq_ignore_ascii_case("br") || inner.eq_ignore_ascii_case("br/") {
            self.out.push_replacement(' ', self.base + at, 1);
        } else if inner.eq_ignore_ascii_case("b") || inner.eq_ignore_ascii_case("strong") {
            self.out.extras_mut().bold_tag = true;
        }
        self.i += len;
        self.run_start = self.i;
        true
    }

    /// `[text](url)` (after `bang` bytes of `!` for an image): the text is
    /// kept, cleaned, and the link recorded.
    fn link(&mut self, bang: usize) -> bool {
        let at = self.i + bang;
        let Some((text_end, url, total)) = link_at(&self.raw[at..]) else {
            return false;
        };
        self.flush();
        let text = &self.raw[at + 1..at + text_end];
        let sub = Cleaner::new(text, self.base + at + 1).run();
        self.out.extras_mut().links.push(Link {
            text: sub.as_str().to_owned(),
            url: url.to_owned(),
        });
        self.out.append_mapped(&sub);
        self.i = at + total;
        self.run_start = self.i;
        true
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

/// Length of an HTML-ish tag (`<b>`, `</b>`, `<br/>`, `<https://…>`) at the start of `s`.
fn html_tag_len(s: &str) -> Option<usize> {
    // Tags are short: look no further than 200 bytes (`>` is ASCII, so any byte
    // position of it is a char boundary), which keeps cleaning linear.
    const MAX_TAG: usize = 200;
    let head = &s.as_bytes()[..s.len().min(MAX_TAG)];
    let end = memchr::memchr(b'>', head);
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
    let end = memchr::memchr(b')', &rest.as_bytes()[..rest.len().min(MAX_LINK)]);
    crate::work::add(end.unwrap_or(rest.len().min(MAX_LINK)));
    let end = end?;
    let url = rest[1..end].trim();
    if url.contains(' ') && !url.starts_with('<') {
        return None;
    }
    Some((close, url, close + 1 + end + 1))
}

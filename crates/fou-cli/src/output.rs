//! Where output goes: a buffered standard output, and what a failed write
//! means (a message and exit 1, or, for a reader that went away, a quiet
//! end).

use std::io::Write;
use std::path::Path;

/// Why a command stopped before its end.
pub(crate) enum Stop {
    /// Print the message on standard error and exit 1.
    Fail(String),
    /// The reader of the output went away (broken pipe, as in `fou parse
    /// x | head -1`): stop quietly, as Unix tools do.
    Quiet,
}

impl From<std::io::Error> for Stop {
    /// A failed write to the output.
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            Stop::Quiet
        } else {
            Stop::Fail(format!("fou: cannot write output: {e}"))
        }
    }
}

impl From<serde_json::Error> for Stop {
    /// A failed write of JSON (serialising the model itself cannot fail).
    fn from(e: serde_json::Error) -> Self {
        Stop::from(std::io::Error::from(e))
    }
}

/// Write one line to the output.
pub(crate) fn say(out: &mut impl Write, s: &str) -> Result<(), Stop> {
    Ok(writeln!(out, "{s}")?)
}

/// Bytes of output gathered before each write to standard output: the
/// JSON writer's chunk, so that its pieces pass the buffer straight
/// through ([`fou::json::CHUNK`]).
pub(crate) const BUFFER: usize = fou::json::CHUNK;

/// A file name to show in a message: control characters (a newline, an
/// escape), line and paragraph separators and bidirectional controls are
/// written as Rust escapes (`\n`, `\u{1b}`), bytes that are not UTF-8 as
/// `\xFF`, so a name always stays on its line and shows what it is.
pub(crate) fn shown_name(path: &Path) -> String {
    let mut out = String::new();
    for chunk in path.as_os_str().as_encoded_bytes().utf8_chunks() {
        push_shown(&mut out, chunk.valid());
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
    out
}

/// A message from elsewhere (a library's error, which may quote a file
/// name) as [`shown_name`] shows a name: its control characters,
/// separators and bidirectional controls escaped, so it stays on its line.
pub(crate) fn shown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_shown(&mut out, text);
    out
}

/// `text` onto `out`, the characters [`shown_name`] escapes escaped.
fn push_shown(out: &mut String, text: &str) {
    for c in text.chars() {
        let hidden = matches!(c, '\u{200e}' | '\u{200f}' | '\u{2028}' | '\u{2029}')
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c);
        if c.is_control() || hidden {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_stay_on_one_line() {
        assert_eq!(shown_name(Path::new("a\nb.txt")), "a\\nb.txt");
        assert_eq!(
            shown_name(Path::new("rapport 2020.txt")),
            "rapport 2020.txt"
        );
        assert_eq!(shown_name(Path::new("æ\t\u{1b}[31m")), "æ\\t\\u{1b}[31m");
        assert_eq!(
            shown_name(Path::new("x\u{202e}txt.exe")),
            "x\\u{202e}txt.exe"
        );
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let raw = std::ffi::OsStr::from_bytes(b"bl\xe5.txt");
            assert_eq!(shown_name(Path::new(raw)), "bl\\xE5.txt");
        }
    }
}

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

/// Bytes of output gathered before each write to standard output.
pub(crate) const BUFFER: usize = 64 * 1024;

/// Was standard output closed when fou started (`fou parse x >&-`)?
///
/// Rust's runtime opens `/dev/null` (read-write) in place of a closed
/// standard stream, so writes would vanish and fou would exit 0 having
/// written nothing. On Linux that stand-in is recognised: `/dev/null` open
/// for reading and writing, where a shell's `>/dev/null` is write-only.
/// Elsewhere this is always false.
pub(crate) fn stdout_was_closed() -> bool {
    if !cfg!(target_os = "linux") {
        return false;
    }
    let is_null = std::fs::read_link("/proc/self/fd/1").is_ok_and(|t| t == Path::new("/dev/null"));
    is_null
        && std::fs::read_to_string("/proc/self/fdinfo/1").is_ok_and(|info| {
            info.lines()
                .find_map(|l| l.strip_prefix("flags:"))
                .and_then(|f| u32::from_str_radix(f.trim(), 8).ok())
                .is_some_and(|flags| flags & 0o3 == 0o2)
        })
}

/// A file name to show in a message: control characters (a newline, an
/// escape), line and paragraph separators and bidirectional controls are
/// written as Rust escapes (`\n`, `\u{1b}`), bytes that are not UTF-8 as
/// `\xFF`, so a name always stays on its line and shows what it is.
pub(crate) fn shown_name(path: &Path) -> String {
    let mut out = String::new();
    for chunk in path.as_os_str().as_encoded_bytes().utf8_chunks() {
        for c in chunk.valid().chars() {
            let hidden = matches!(c, '\u{200e}' | '\u{200f}' | '\u{2028}' | '\u{2029}')
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c);
            if c.is_control() || hidden {
                out.extend(c.escape_default());
            } else {
                out.push(c);
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
    out
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

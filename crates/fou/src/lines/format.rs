//! Which input style a text is in: Markdown or plain text.

use super::{Normalized, split_lines};
use crate::Format;

/// Sniff the input style: Markdown when ATX headings, `**bold**`, `<b>` tags or
/// `[links](…)` appear at the start of lines or inline; otherwise plain text.
///
/// ```
/// assert_eq!(fou::detect_format("# Title\n\nText"), fou::Format::Markdown);
/// assert_eq!(fou::detect_format("Title\n\nProsjekttittel: X"), fou::Format::Plain);
/// // Unicode variants: a zero-width space before `#`, a no-break space after it.
/// assert_eq!(fou::detect_format("\u{200b}#\u{a0}Title\n"), fou::Format::Markdown);
/// ```
pub fn detect_format(text: &str) -> Format {
    // The first lines decide, read as the parser reads them (normalised).
    let end = split_lines(text)
        .take(DETECT_LINES)
        .last()
        .map_or(0, |l| l.start + l.text.len());
    detect_normalized_format(Normalized::new(&text[..end]).text())
}

/// Lines [`detect_format`] looks at.
const DETECT_LINES: usize = 5000;

/// [`detect_format`] on text normalised by [`Normalized`].
pub(crate) fn detect_normalized_format(text: &str) -> Format {
    let mut score = 0usize;
    for line in split_lines(text).take(DETECT_LINES).map(|l| l.text) {
        let t = line.trim_start();
        let hashes = t.bytes().take_while(|&b| b == b'#').count();
        if (1..=6).contains(&hashes) && t[hashes..].starts_with(' ') {
            score += 2;
        }
        // One byte search first: most lines of plain text have none of `*<]`.
        if memchr::memchr3(b'*', b'<', b']', t.as_bytes()).is_some()
            && (t.contains("**") || t.contains("<b>") || t.contains("]("))
        {
            score += 1;
        }
        if score >= 2 {
            return Format::Markdown;
        }
    }
    Format::Plain
}

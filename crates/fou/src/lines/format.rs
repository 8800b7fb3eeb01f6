//! Which input style a text is in: Markdown or plain text.

use super::{Normalized, split_lines};
use crate::Format;
use crate::source::{LineEnds, has_unicode_line_ends, next_line_end};

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
    detect_normalized_format(Normalized::new(&text[..end]).text(), None)
}

/// Lines [`detect_format`] looks at.
pub(crate) const DETECT_LINES: usize = 5000;

/// What a caller knows of a text's lines ([`detect_normalized_format`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct LineHint {
    /// Every line is among the first [`DETECT_LINES`] and none ends in a
    /// Unicode line separator.
    pub every_line: bool,
    /// The lines end in line feeds alone.
    pub feeds_only: bool,
}

/// [`detect_format`] on text normalised by [`Normalized`]; `hint`: what
/// the caller knows of its lines ([`within_detect_lines`] is asked when it
/// knows nothing).
///
/// The first [`EARLY_LINES`] lines are scored one by one ([`line_score`]):
/// a Markdown text mostly says so there. After them only a line with a
/// `#`, `*`, `<` or `]` can score, and most lines of plain text have none:
/// when every line of the text is among the first [`DETECT_LINES`]
/// ([`within_detect_lines`]), only the lines around those bytes are read
/// ([`detect_by_marked_lines`]); the others are not even split. So are
/// the first lines of a longer text whose lines end in line feeds alone.
pub(crate) fn detect_normalized_format(text: &str, hint: Option<LineHint>) -> Format {
    let b = text.as_bytes();
    let (mut score, mut from) = (0usize, 0);
    // (split at Unicode line separators too: where the text has none, as
    // `split_lines` splits it; where it has one, it is read again)
    let mut ends = LineEnds::new(b, true);
    for _ in 0..EARLY_LINES {
        if from >= b.len() {
            return Format::Plain;
        }
        let (end, len) = ends.next_from(from).unwrap_or((b.len(), 0));
        score += text.get(from..end).map_or(0, line_score);
        if score >= 2 {
            return Format::Markdown;
        }
        from = end + len;
    }
    let hint = hint.unwrap_or_else(|| LineHint {
        every_line: within_detect_lines(text),
        feeds_only: false,
    });
    if hint.every_line {
        return detect_by_marked_lines(text, from, score);
    }
    if hint.feeds_only {
        // The lines looked at end at the last of the first line feeds.
        let cut = memchr::memchr_iter(b'\n', b).nth(DETECT_LINES - 1);
        let looked_at = cut.and_then(|cut| text.get(..cut)).unwrap_or(text);
        return detect_by_marked_lines(looked_at, from, score);
    }
    detect_by_lines(text)
}

/// Lines [`detect_normalized_format`] reads one by one before it looks at
/// the rest of the text at once: a Markdown text has its first heading or
/// markup within a few lines (the title, a cover note, the contents), and
/// a plain text costs no more than the few lines.
const EARLY_LINES: usize = 8;

/// [`detect_normalized_format`] line by line: the first [`DETECT_LINES`]
/// lines scored in order, until they reach 2.
fn detect_by_lines(text: &str) -> Format {
    let mut score = 0usize;
    for line in split_lines(text).take(DETECT_LINES).map(|l| l.text) {
        score += line_score(line);
        if score >= 2 {
            return Format::Markdown;
        }
    }
    Format::Plain
}

/// What a line says of Markdown: 2 for an ATX heading (`## Tittel`), 1 for
/// `**bold**`, a `<b>` tag or a `[link](…)` inside it.
fn line_score(line: &str) -> usize {
    let t = crate::text::trim_start(line);
    let mut score = 0;
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
    score
}

/// Is every line of `text` among the first [`DETECT_LINES`], told from its
/// line ends without splitting it: a text with no Unicode line separator
/// has at most one line more than it has `\n` and `\r` bytes. (A text with
/// one is not told: `false`.)
fn within_detect_lines(text: &str) -> bool {
    let b = text.as_bytes();
    !has_unicode_line_ends(text)
        && memchr::memchr_iter(b'\n', b).count() + memchr::memchr_iter(b'\r', b).count()
            < DETECT_LINES
}

/// [`detect_by_lines`] of a text whose every line is among the first
/// [`DETECT_LINES`] and that has no Unicode line separator, the lines
/// before `from` (a line start) scored `score`: the lines after it with a
/// `#`, `*`, `<` or `]` scored in order (the sum of the scores decides, not
/// their order), found from those bytes.
fn detect_by_marked_lines(text: &str, from: usize, score: usize) -> Format {
    let b = text.as_bytes();
    let mut markers = Markers::default();
    let (mut score, mut from) = (score, from);
    while let Some(k) = markers.next(b, from) {
        // The line around `k`: after the last line end before it, to the
        // next after it (none of the bytes looked for ends a line).
        let start =
            memchr::memrchr2(b'\n', b'\r', b.get(..k).unwrap_or_default()).map_or(0, |q| q + 1);
        let end = next_line_end(b, k, false).map_or(b.len(), |(end, _)| end);
        score += text.get(start..end).map_or(0, line_score);
        if score >= 2 {
            return Format::Markdown;
        }
        from = end;
    }
    Format::Plain
}

/// The next `#`, `*`, `<` or `]` of a text, each search's answer kept while
/// it lies ahead, so no byte is searched twice.
#[derive(Default)]
struct Markers {
    /// The next `#`, `*` or `<` at or after the last `from` (`None`: not
    /// searched yet; `Some(None)`: there is none).
    three: Option<Option<usize>>,
    /// The next `]`, the same way.
    close: Option<Option<usize>>,
}

impl Markers {
    /// The offset of the first of the bytes at or after `from` in `b`.
    fn next(&mut self, b: &[u8], from: usize) -> Option<usize> {
        let rest = b.get(from..).unwrap_or_default();
        let stale = |p: Option<Option<usize>>| p.is_none_or(|p| p.is_some_and(|p| p < from));
        if stale(self.three) {
            self.three = Some(memchr::memchr3(b'#', b'*', b'<', rest).map(|k| from + k));
        }
        if stale(self.close) {
            self.close = Some(memchr::memchr(b']', rest).map(|k| from + k));
        }
        match (self.three.flatten(), self.close.flatten()) {
            (Some(a), Some(c)) => Some(a.min(c)),
            (a, c) => a.or(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The format read from the lines with markers is the format read line
    /// by line: headings, markup and their single bytes, every line end,
    /// after as many plain lines as [`EARLY_LINES`] and one fewer and more,
    /// and in a text longer than [`DETECT_LINES`].
    #[test]
    fn the_marked_lines_decide_as_every_line_does() {
        let pieces = [
            "# x", "#", " ##", "**", "*", "<b>", "](", "]", "\n", "\r\n", "\r", " ", "\u{2028}",
            "x",
        ];
        let fillers = [
            String::new(),
            "a\n".repeat(EARLY_LINES - 1),
            "a\n".repeat(EARLY_LINES),
            "a\r\n".repeat(EARLY_LINES + 1),
        ];
        let mut seen = [0usize; 2];
        for tail in crate::testing::concatenations(&pieces, 3) {
            for filler in &fillers {
                let text = format!("{filler}{tail}");
                let format = detect_normalized_format(&text, None);
                let hint = LineHint {
                    every_line: within_detect_lines(&text),
                    feeds_only: !text.contains(['\r', '\u{85}', '\u{2028}', '\u{2029}']),
                };
                assert_eq!(detect_normalized_format(&text, Some(hint)), format);
                assert_eq!(format, detect_by_lines(&text), "{text:?}");
                seen[usize::from(format == Format::Markdown)] += 1;
            }
        }
        assert!(seen.iter().all(|&n| n > 1000), "{seen:?}");
        // Markers only after the lines looked at: not read.
        let long = format!("{}# Tittel\n**a** **b**\n", "a\n".repeat(DETECT_LINES));
        assert_eq!(detect_normalized_format(&long, None), Format::Plain);
        let long = format!("a\n# Tittel\n{}", "a\n".repeat(DETECT_LINES));
        assert_eq!(detect_normalized_format(&long, None), Format::Markdown);
        let filler = "a\n".repeat(EARLY_LINES + 2);
        let long = format!("{filler}# Tittel\n{}", "a\n".repeat(DETECT_LINES));
        assert_eq!(detect_normalized_format(&long, None), Format::Markdown);
        // A long text of line feeds alone, read up to its last line looked
        // at: markers on that line and the next.
        let feeds = LineHint {
            every_line: false,
            feeds_only: true,
        };
        for (before, marked) in [(DETECT_LINES - 1, "# Tittel"), (DETECT_LINES, "# Tittel")] {
            for end in ["", "\n", "\na\n"] {
                let long = format!("{}{marked}{end}", "a **b**\n".repeat(before));
                let want = detect_by_lines(&long);
                assert_eq!(
                    detect_normalized_format(&long, Some(feeds)),
                    want,
                    "{before} {end:?}"
                );
            }
        }
        let long = format!("{}**a** **b**", "a\n".repeat(DETECT_LINES - 1));
        assert_eq!(detect_normalized_format(&long, Some(feeds)), Format::Plain);
        let long = format!("{}**a** **b**\n**c**", "a\n".repeat(DETECT_LINES - 2));
        assert_eq!(
            detect_normalized_format(&long, Some(feeds)),
            Format::Markdown
        );
    }
}

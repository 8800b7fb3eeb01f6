//! What a line is, from its own characters: blank, a `#` heading, a bullet,
//! a bullet alone, a table-of-contents entry, or text.

use crate::lexicon::{BULLET_GLYPHS, LONE_BULLET_GLYPHS};

/// The kind of a physical line, read from the line alone.
///
/// ```
/// use fou::lines::{LineKind, Lines};
/// let lines = Lines::new("# Tittel\n- punkt\n•\nForord ..... 3\ntekst\n\n", fou::Format::Markdown);
/// let kinds: Vec<_> = lines.iter().map(|l| l.kind).collect();
/// assert_eq!(kinds, [
///     LineKind::Heading(1), LineKind::Bullet, LineKind::BulletOnly,
///     LineKind::Toc, LineKind::Text, LineKind::Blank,
/// ]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LineKind {
    /// Nothing but white space.
    Blank,
    /// A Markdown ATX heading (`#` to `######`), with its level.
    Heading(u8),
    /// A bullet glyph and text (`- item`, `• item`).
    Bullet,
    /// A bullet glyph alone: PDF extractors put the item's text later.
    BulletOnly,
    /// A table-of-contents entry: a dot leader or a tab before a page number,
    /// or, after a contents heading, a page number after a space.
    Toc,
    /// Any other text.
    Text,
}

/// Classify one raw line: its kind and the byte offset where its content
/// starts (after indentation and any `#`s or bullet).
pub(super) fn classify(raw: &str) -> (LineKind, usize) {
    // Most lines start with an ASCII letter or digit: no indentation, no
    // `#`, no bullet glyph, not blank; only the test for a contents entry
    // is left. Most blank lines are empty.
    match raw.as_bytes().first() {
        Some(&b) if plain_start(b) => {
            let kind = if is_toc_line(raw) {
                LineKind::Toc
            } else {
                LineKind::Text
            };
            (kind, 0)
        }
        None => (LineKind::Blank, 0),
        Some(_) if ascii_item(raw) => (LineKind::Bullet, ASCII_ITEM_LEAD),
        Some(b'#') => atx_heading(raw).unwrap_or_else(|| classify_any(raw)),
        Some(_) => classify_any(raw),
    }
}

/// Most `#`s a Markdown ATX heading opens with.
const MAX_HEADING_LEVEL: usize = 6;

/// The kind and content offset of a line that starts with `#` when it is
/// an ATX heading, as [`classify_any`] tells it (a line that starts with a
/// visible byte has no indentation and is not blank): one to
/// [`MAX_HEADING_LEVEL`] `#`s, then the end, a space or a tab. `None`
/// leaves the line to the whole reading.
fn atx_heading(raw: &str) -> Option<(LineKind, usize)> {
    let b = raw.as_bytes();
    let hashes = b.iter().take_while(|&&c| c == b'#').count();
    let level = u8::try_from(hashes)
        .ok()
        .filter(|&n| (1..=MAX_HEADING_LEVEL).contains(&usize::from(n)))?;
    matches!(b.get(hashes), None | Some(b' ' | b'\t')).then(|| heading_or_item(raw, hashes, level))
}

/// A heading of `level` whose `#`s end at byte `hashes` of `raw`; or, when
/// its text opens with a PDF bullet glyph (`### • Fjordforsk AS`: a
/// converter took a list item's font for a heading's), a list item, its
/// text after the glyph.
fn heading_or_item(raw: &str, hashes: usize, level: u8) -> (LineKind, usize) {
    match doubled_glyph(&raw[hashes..]) {
        0 => (LineKind::Heading(level), hashes),
        glyph => (LineKind::Bullet, hashes + glyph),
    }
}

/// Bullet glyphs of one ASCII byte (all in [`BULLET_GLYPHS`]) that
/// [`ascii_item`] tells from the bytes: the lead of most list items.
const ASCII_BULLETS: [u8; 3] = [b'-', b'*', b'+'];

/// The bytes before an item's text in a line [`ascii_item`] tells: the
/// glyph and one space.
const ASCII_ITEM_LEAD: usize = 2;

/// A bullet item told from its first three bytes, as [`classify_any`]
/// tells it: one of [`ASCII_BULLETS`] first (no indentation, no `#`), a
/// space, then a visible ASCII byte (so the item has text, and it starts
/// with no second glyph: every one of
/// [`PDF_BULLET_GLYPHS`](crate::lexicon::PDF_BULLET_GLYPHS) is beyond ASCII).
#[inline]
fn ascii_item(raw: &str) -> bool {
    match raw.as_bytes() {
        [glyph, b' ', first, ..] => ASCII_BULLETS.contains(glyph) && first.is_ascii_graphic(),
        _ => false,
    }
}

/// True when a line that starts with byte `b` is text or a contents entry
/// by its first character alone: an ASCII letter or digit that is no
/// bullet glyph.
#[inline]
fn plain_start(b: u8) -> bool {
    let c = char::from(b);
    b.is_ascii_alphanumeric()
        && (NO_ALPHANUMERIC_GLYPH
            || !BULLET_GLYPHS.contains(&c) && !LONE_BULLET_GLYPHS.contains(&c))
}

/// No bullet glyph is an ASCII letter or digit (told when building, so
/// [`plain_start`] does not look through the glyphs per line).
const NO_ALPHANUMERIC_GLYPH: bool = {
    let mut none = true;
    let mut k = 0;
    while k < BULLET_GLYPHS.len() + LONE_BULLET_GLYPHS.len() {
        let glyph = if k < BULLET_GLYPHS.len() {
            BULLET_GLYPHS[k]
        } else {
            LONE_BULLET_GLYPHS[k - BULLET_GLYPHS.len()]
        };
        none &= !glyph.is_ascii_alphanumeric();
        k += 1;
    }
    none
};

/// [`classify`] of any line.
fn classify_any(raw: &str) -> (LineKind, usize) {
    let t = raw.trim_start_matches([' ', '\t', '\u{c}']);
    let indent = raw.len() - t.len();
    if crate::text::trim(t).is_empty() {
        return (LineKind::Blank, 0);
    }
    let hashes = t.bytes().take_while(|&b| b == b'#').count();
    if (1..=MAX_HEADING_LEVEL).contains(&hashes)
        && (t.len() == hashes || t[hashes..].starts_with([' ', '\t']))
    {
        let (kind, skip) = heading_or_item(t, hashes, hashes as u8);
        return (kind, indent + skip);
    }
    if let Some(glyph) = t.chars().next().filter(|c| BULLET_GLYPHS.contains(c))
        && let Some(rest) = t[glyph.len_utf8()..].strip_prefix([' ', '\t'])
        && !crate::text::trim(rest).is_empty()
    {
        let skip = indent + glyph.len_utf8() + 1;
        return (LineKind::Bullet, skip + doubled_glyph(rest));
    }
    let mut glyph = crate::text::trim(t).chars();
    if glyph
        .next()
        .is_some_and(|c| LONE_BULLET_GLYPHS.contains(&c))
        && glyph.next().is_none()
    {
        return (LineKind::BulletOnly, raw.len());
    }
    if is_toc_line(t) {
        return (LineKind::Toc, indent);
    }
    (LineKind::Text, indent)
}

/// Length of a second bullet glyph and the white space after it at the start
/// of an item's text (`• ` in `- • Punkt`), 0 when there is none.
fn doubled_glyph(rest: &str) -> usize {
    let body = rest.trim_start_matches([' ', '\t']);
    body.chars()
        .next()
        .filter(|c| crate::lexicon::PDF_BULLET_GLYPHS.contains(c))
        .and_then(|g| body[g.len_utf8()..].strip_prefix([' ', '\t']))
        .map(|text| text.trim_start_matches([' ', '\t']))
        .filter(|text| !crate::text::trim(text).is_empty())
        .map_or(0, |text| rest.len() - text.len())
}

/// Most digits of a list item's number (`12. …`, or `12.` alone on its line before
/// the items' texts): a longer number is a year or an amount, not an item's place in a list.
pub(crate) const MAX_ORDINAL_DIGITS: usize = 2;

/// The length of a numbered list item's lead at the start of `text` (`1. `,
/// `12) `: one or two digits, a full stop or a closing
/// parenthesis, then white space), when text follows it. A line's own
/// characters cannot tell a numbered item from a numbered heading
/// (`1. Innledning`): the block builder asks what the rest reads as.
///
/// ```
/// assert_eq!(fou::lines::ordinal_lead("1. Tiltak, NTNU (2020-2022)"), Some(3));
/// assert_eq!(fou::lines::ordinal_lead("12)\tTiltak"), Some(4));
/// assert_eq!(fou::lines::ordinal_lead("2.1 Bidrag"), None);
/// assert_eq!(fou::lines::ordinal_lead("2021. Tiltak"), None);
/// assert_eq!(fou::lines::ordinal_lead("3. "), None);
/// ```
pub fn ordinal_lead(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=MAX_ORDINAL_DIGITS).contains(&digits) || !matches!(b.get(digits), Some(b'.' | b')')) {
        return None;
    }
    let rest = &text[digits + 1..];
    let body = rest.trim_start_matches([' ', '\t']);
    (body.len() < rest.len() && !crate::text::trim(body).is_empty())
        .then_some(text.len() - body.len())
}

/// The cells of a pipe-table row (`| Tittel | Periode |`): the texts
/// between its pipes, untrimmed, when the line starts and ends with `|`.
/// Whether the row is in a table its next rows tell ([`is_table_delimiter`]
/// after the header row).
///
/// ```
/// let cells: Vec<_> = fou::lines::table_cells("| Tiltak | NTNU |").unwrap().collect();
/// assert_eq!(cells, [" Tiltak ", " NTNU "]);
/// assert!(fou::lines::table_cells("Tiltak | NTNU").is_none());
/// assert!(fou::lines::table_cells("|").is_none());
/// ```
pub fn table_cells(text: &str) -> Option<std::str::Split<'_, char>> {
    let t = crate::text::trim(text);
    let inner = t.strip_prefix('|')?.strip_suffix('|')?;
    Some(inner.split('|'))
}

/// The row under a pipe table's header (`|---|:--:|`): a row
/// ([`table_cells`]) whose every cell is dashes, with a colon at either end
/// or both.
///
/// ```
/// assert!(fou::lines::is_table_delimiter("|---|:---:| --: |"));
/// assert!(!fou::lines::is_table_delimiter("| - | Tiltak |"));
/// assert!(!fou::lines::is_table_delimiter("---"));
/// ```
pub fn is_table_delimiter(text: &str) -> bool {
    table_cells(text).is_some_and(|mut cells| {
        cells.all(|c| {
            let c = crate::text::trim(c);
            let c = c.strip_prefix(':').unwrap_or(c);
            let c = c.strip_suffix(':').unwrap_or(c);
            !c.is_empty() && c.bytes().all(|b| b == b'-')
        })
    })
}

/// A table-of-contents line: a dot leader (`.....`), or a tab before a page number.
#[inline]
fn is_toc_line(t: &str) -> bool {
    // Most lines end in a visible ASCII character that is no digit and no
    // `>`: nothing is stripped from their end, and only a leader is left.
    if let Some(&b) = t.as_bytes().last()
        && b.is_ascii_graphic()
        && !b.is_ascii_digit()
        && b != b'>'
    {
        return t.ends_with("...");
    }
    is_toc_line_any(t)
}

/// [`is_toc_line`] of any line.
#[inline(never)]
fn is_toc_line_any(t: &str) -> bool {
    /// A tab-separated entry is a title, not a paragraph that holds a tab.
    const MAX_TAB_ENTRY: usize = 200;
    let stripped = strip_suffixes(crate::text::trim_end(t), "</b>")
        .trim_end_matches(|c: char| c.is_ascii_digit());
    let stripped = strip_suffixes(stripped, "<b>").trim_end();
    stripped.ends_with("...")
        || stripped.ends_with("…")
        || (stripped.len() < crate::text::trim_end(t).len()
            && stripped.len() < MAX_TAB_ENTRY
            && t.contains('\t'))
}

/// `t` without any copies of `suffix` at its end: `trim_end_matches(suffix)`
/// without setting up a substring search per call.
fn strip_suffixes<'t>(mut t: &'t str, suffix: &str) -> &'t str {
    while let Some(rest) = t.strip_suffix(suffix) {
        t = rest;
    }
    t
}

/// Entries of a table of contents run together: several `TITLE page` pairs
/// (`FORORD 2 PROSJEKTER I 2020 3`), or a line ending in a page number
/// after an all-caps title.
///
/// ```
/// assert!(fou::lines::toc_like("FORORD 2 PROSJEKTER 3"));
/// assert!(!fou::lines::toc_like("Vi hadde 3 prosjekter i fjor."));
/// ```
pub fn toc_like(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    let numbers = words
        .iter()
        .filter(|w| w.len() <= 3 && w.chars().all(|c| c.is_ascii_digit()))
        .count();
    let caps = words
        .iter()
        .filter(|w| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase))
        .count();
    numbers >= 2 || (numbers >= 1 && caps * 2 >= words.len() && words.len() >= 2)
}

/// The whole line (or block) is wrapped in bold markup: `**…**`, `__…__` or
/// `<b>…</b>`, opened and closed once, after any `#`s.
///
/// ```
/// assert!(fou::lines::is_bold_wrapped("**Forord**"));
/// assert!(!fou::lines::is_bold_wrapped("**Forord** og **mer**"));
/// ```
pub fn is_bold_wrapped(raw: &str) -> bool {
    let t = crate::text::trim(raw);
    let t = crate::text::trim(t.trim_start_matches('#'));
    // Wrapped as a whole: the markers open and close it and appear nowhere else.
    (t.starts_with("**") && t.ends_with("**") && t.len() > 4 && t.matches("**").count() == 2)
        || (t.starts_with("<b>") && t.ends_with("</b>") && t.matches("<b>").count() == 1)
        || (t.starts_with("__") && t.ends_with("__") && t.len() > 4 && t.matches("__").count() == 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(raw: &str) -> (LineKind, &str) {
        let (kind, skip) = classify(raw);
        (kind, &raw[skip..])
    }

    /// The shortcuts for lines that start with an ASCII letter or digit,
    /// or end in a visible ASCII character, say what the whole reading
    /// says, for lines that start and end with every kind of character.
    #[test]
    fn the_shortcuts_agree_with_the_whole_reading() {
        let pieces = [
            "a", "Z", "7", "o", " ", "\t", "\u{c}", "#", "-", "*", "+", "•", "–", ".", "...", "…",
            "<b>", "</b>", ">", "\u{a0}", "ø",
        ];
        let (mut tocs, mut plain) = (0, 0);
        for text in crate::testing::concatenations(&pieces, 4) {
            assert_eq!(classify(&text), classify_any(&text), "{text:?}");
            assert_eq!(is_toc_line(&text), is_toc_line_any(&text), "{text:?}");
            tocs += usize::from(is_toc_line(&text));
            plain += usize::from(text.as_bytes().first().is_some_and(|&b| plain_start(b)));
        }
        assert!(tocs > 1000 && plain > 1000, "{tocs} {plain}");
    }

    /// The glyphs `ascii_item` tells from their byte are bullet glyphs,
    /// and no glyph it reads as an item's first text is one a PDF doubles.
    #[test]
    fn ascii_items_are_told_by_bullet_glyphs() {
        use crate::lexicon::PDF_BULLET_GLYPHS;
        for b in ASCII_BULLETS {
            assert!(BULLET_GLYPHS.contains(&char::from(b)), "{b}");
            for text in [
                format!("{} x", char::from(b)),
                format!("{} *y", char::from(b)),
            ] {
                assert_eq!(classify(&text), (LineKind::Bullet, ASCII_ITEM_LEAD));
                assert_eq!(classify(&text), classify_any(&text), "{text:?}");
            }
        }
        assert!(PDF_BULLET_GLYPHS.iter().all(|c| !c.is_ascii()));
    }

    /// `atx_heading` says what the whole reading says of lines of up to
    /// eight `#`s, alone or before text, white space or other markup.
    #[test]
    fn atx_headings_agree_with_the_whole_reading() {
        for n in 1..=8 {
            for tail in ["", " ", "\t", " a", "a", "\u{a0}a", "#", "  ", "-"] {
                let text = format!("{}{tail}", "#".repeat(n));
                assert_eq!(classify(&text), classify_any(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn a_pdf_glyph_after_a_markdown_bullet_is_not_item_text() {
        assert_eq!(content("- • Punkt en"), (LineKind::Bullet, "Punkt en"));
        assert_eq!(content("  * ▪  Punkt to"), (LineKind::Bullet, "Punkt to"));
    }

    /// A heading whose text opens with a PDF bullet glyph is the list item
    /// a converter took for a heading by its font (pymupdf4llm: `### •
    /// Fjordforsk AS`); a glyph with no text after it leaves a heading.
    #[test]
    fn a_heading_that_opens_with_a_pdf_glyph_is_a_list_item() {
        assert_eq!(
            content("### • Fjordforsk AS"),
            (LineKind::Bullet, "Fjordforsk AS")
        );
        assert_eq!(
            content("  ## ▪ Nordvik AS"),
            (LineKind::Bullet, "Nordvik AS")
        );
        assert_eq!(classify("### •").0, LineKind::Heading(3));
        assert_eq!(classify("### – Tema").0, LineKind::Heading(3));
        for text in ["### • Fjordforsk AS", "#\u{a0}• x", "## •  y"] {
            assert_eq!(classify(text), classify_any(text), "{text:?}");
        }
    }

    #[test]
    fn a_dash_or_a_lone_glyph_after_a_bullet_stays() {
        assert_eq!(content("- – tekst"), (LineKind::Bullet, "– tekst"));
        assert_eq!(content("- •"), (LineKind::Bullet, "•"));
        assert_eq!(content("- •Punkt"), (LineKind::Bullet, "•Punkt"));
    }
}

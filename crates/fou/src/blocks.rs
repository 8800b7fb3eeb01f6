//! Layer 2: lines → blocks (headings, paragraphs, list items, table-of-contents
//! entries, labelled fields), each with its span.
//!
//! Every non-blank input line belongs to exactly one block. Paragraphs cut by
//! a page break (no closing punctuation, next paragraph in lower case) are
//! joined back here; the joined block spans both parts.

use crate::Format;
use crate::grammar::{Label, label_field};
use crate::lines::{CleanText, Normalized, RawLine, split_lines};

/// What kind of block this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading: Markdown `#` (with its level) or a short stand-alone line
    /// that reads as a heading (`level: None`).
    Heading {
        /// Markdown level (number of `#`), `None` when inferred.
        level: Option<u8>,
    },
    /// A paragraph of running text.
    Paragraph,
    /// A bullet list item (the marker is not part of the text).
    ListItem,
    /// A table-of-contents line (`Forord ..... 3`).
    TocEntry,
    /// A labelled field, `Prosjekttittel: …`; the text is the value.
    Field(Label),
    /// Page furniture: a bullet alone on its line, a page number. Kept so
    /// every line belongs to a block; the report parts skip it.
    Marker,
}

/// A block of the report with cleaned text and its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The kind.
    pub kind: BlockKind,
    /// Cleaned text (markup removed, lines joined by spaces; Markdown hard
    /// breaks become `\n`).
    pub text: CleanText,
    /// First byte of the block in the input.
    pub start: usize,
    /// End byte (exclusive) of the block in the input.
    pub end: usize,
    /// First line (1-based).
    pub line_start: usize,
    /// Last line (1-based).
    pub line_end: usize,
    /// Number of physical lines joined into the block.
    pub n_lines: usize,
    /// The whole raw line was wrapped in bold markup.
    pub bold: bool,
}

impl Block {
    /// The cleaned text.
    ///
    /// ```
    /// let b = &fou::blocks::split("**Tittel**\n", fou::Format::Markdown)[0];
    /// assert_eq!(b.text(), "Tittel");
    /// ```
    pub fn text(&self) -> &str {
        &self.text.text
    }

    /// True for headings, whether marked up or inferred.
    ///
    /// ```
    /// let b = &fou::blocks::split("# Forord\n", fou::Format::Markdown)[0];
    /// assert!(b.is_heading());
    /// ```
    pub fn is_heading(&self) -> bool {
        matches!(self.kind, BlockKind::Heading { .. })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    Blank,
    Heading(u8),
    Bullet,
    BulletOnly,
    Toc,
    Text,
}

fn classify(raw: &str) -> (LineKind, usize) {
    let t = raw.trim_start_matches([' ', '\t', '\u{c}']);
    let indent = raw.len() - t.len();
    if t.trim().is_empty() {
        return (LineKind::Blank, 0);
    }
    let hashes = t.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && (t.len() == hashes || t[hashes..].starts_with([' ', '\t'])) {
        return (LineKind::Heading(hashes as u8), indent + hashes);
    }
    if let Some(glyph) = t
        .chars()
        .next()
        .filter(|c| crate::lexicon::BULLET_GLYPHS.contains(c))
        && let Some(rest) = t[glyph.len_utf8()..].strip_prefix([' ', '\t'])
        && !rest.trim().is_empty()
    {
        return (LineKind::Bullet, indent + glyph.len_utf8() + 1);
    }
    let mut glyph = t.trim().chars();
    if glyph
        .next()
        .is_some_and(|c| crate::lexicon::LONE_BULLET_GLYPHS.contains(&c))
        && glyph.next().is_none()
    {
        return (LineKind::BulletOnly, raw.len());
    }
    if is_toc_line(t) {
        return (LineKind::Toc, indent);
    }
    (LineKind::Text, indent)
}

/// Entries of a table of contents run together: several `TITLE page` pairs
/// (`FORORD 2 NAV-FINANSIERTE … 2020 3`), or a line ending in a page number
/// after an all-caps title.
fn toc_like(t: &str) -> bool {
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

/// A table-of-contents line: a dot leader (`.....`), or a tab before a page number.
fn is_toc_line(t: &str) -> bool {
    let stripped = t
        .trim_end()
        .trim_end_matches("</b>")
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end_matches("<b>")
        .trim_end();
    stripped.ends_with("...")
        || stripped.ends_with("…")
        || (t.contains('\t') && stripped.len() < t.trim_end().len() && stripped.len() < 200)
}

fn is_bold_wrapped(raw: &str) -> bool {
    let t = raw.trim();
    let t = t.trim_start_matches('#').trim();
    // Wrapped as a whole: the markers open and close it and appear nowhere else.
    (t.starts_with("**") && t.ends_with("**") && t.len() > 4 && t.matches("**").count() == 2)
        || (t.starts_with("<b>") && t.ends_with("</b>") && t.matches("<b>").count() == 1)
        || (t.starts_with("__") && t.ends_with("__") && t.len() > 4 && t.matches("__").count() == 2)
}

struct Builder {
    blocks: Vec<Block>,
    open: Option<Block>,
}

impl Builder {
    fn close(&mut self) {
        if let Some(b) = self.open.take() {
            self.blocks.push(b);
        }
    }
}

fn new_block(kind: BlockKind, text: CleanText, line: &RawLine<'_>, bold: bool) -> Block {
    Block {
        kind,
        text,
        start: line.start,
        end: line.start + line.text.len(),
        line_start: line.number,
        line_end: line.number,
        n_lines: 1,
        bold,
    }
}

fn extend(block: &mut Block, line: &RawLine<'_>, text: &CleanText, hard_break: bool) {
    block.text.append(text, if hard_break { '\n' } else { ' ' });
    block.end = line.start + line.text.len();
    block.line_end = line.number;
    block.n_lines += 1;
}

/// Running headers and footers of a paged text (pages cut by form feeds):
/// lines that stand first or last on at least half the pages (and on three
/// or more), compared with their digits masked (`Side 3 av 30`).
fn running_lines(lines: &[RawLine<'_>]) -> Vec<bool> {
    let mut furniture = vec![false; lines.len()];
    let mut pages: Vec<usize> = vec![0];
    pages.extend((1..lines.len()).filter(|&i| lines[i].text.starts_with('\u{c}')));
    if pages.len() < 3 {
        return furniture;
    }
    // Digit runs masked: `Side 3 av 30` and `Side 12 av 30` are one footer.
    let key = |i: usize| -> String {
        let mut k = String::new();
        for c in lines[i]
            .text
            .trim_matches(|c: char| c.is_whitespace() || c == '\u{c}')
            .chars()
        {
            if c.is_ascii_digit() {
                if !k.ends_with('#') {
                    k.push('#');
                }
            } else {
                k.push(c);
            }
        }
        k
    };
    // The first two and last two non-blank lines of each page.
    let mut edges: Vec<usize> = Vec::new();
    for (p, &start) in pages.iter().enumerate() {
        let end = pages.get(p + 1).copied().unwrap_or(lines.len());
        let filled: Vec<usize> = (start..end).filter(|&i| !key(i).is_empty()).collect();
        let mut page_edges: Vec<usize> = filled
            .iter()
            .take(2)
            .chain(filled.iter().rev().take(2))
            .copied()
            .collect();
        page_edges.sort_unstable();
        page_edges.dedup();
        edges.extend(page_edges);
    }
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for &i in &edges {
        let k = key(i);
        if k.chars().count() <= 80 {
            *counts.entry(k).or_default() += 1;
        }
    }
    let need = (pages.len() / 2).max(3);
    // The document's first line is its title, even when the running header repeats it.
    let first = (0..lines.len()).find(|&i| !key(i).is_empty());
    for &i in &edges {
        if Some(i) == first {
            continue;
        }
        if counts.get(&key(i)).is_some_and(|&n| n >= need) {
            furniture[i] = true;
        }
    }
    furniture
}

/// How the plain text is laid out, measured once per document.
#[derive(Debug, Clone, Copy)]
struct Layout {
    /// Width of the wrapped lines (75th percentile of the lengths of lines
    /// 30–130 characters long), or a huge value when lines are not wrapped.
    width: usize,
    /// Paragraphs are separated by blank lines (most lines that end a
    /// sentence are followed by a blank line), so consecutive lines always
    /// belong together.
    separated: bool,
}

fn measure(lines: &[RawLine<'_>]) -> Layout {
    let mut lens: Vec<usize> = Vec::new();
    let mut long = 0usize;
    let (mut ends, mut ends_blank) = (0usize, 0usize);
    for (i, l) in lines.iter().enumerate() {
        let t = l.text.trim();
        let n = t.chars().count();
        if n > 130 {
            long += 1;
        }
        if (30..=130).contains(&n) {
            lens.push(n);
        }
        if t.ends_with(['.', '!', '?']) {
            ends += 1;
            if lines.get(i + 1).is_none_or(|n| n.text.trim().is_empty()) {
                ends_blank += 1;
            }
        }
    }
    let width = if lens.is_empty() || long * 5 > lens.len() + long {
        usize::MAX / 16
    } else {
        let k = (lens.len() * 3 / 4).min(lens.len() - 1);
        *lens.select_nth_unstable(k).1
    };
    Layout {
        width,
        separated: ends > 0 && ends_blank * 2 >= ends,
    }
}

/// In plain text without blank lines between paragraphs, does line `next`
/// continue the block whose last line is `prev`? (Hard-wrapped PDF text.)
fn continues(prev: &str, next: &str, width: usize) -> bool {
    let (p, n) = (prev.trim(), next.trim());
    let Some(first) = n.chars().next() else {
        return false;
    };
    if first.is_lowercase() || (first == '(' && n.len() < 40) {
        return true;
    }
    if p.ends_with([',', '-', '–', '/', '&']) {
        return true;
    }
    // `… arbeid? Oslo` + `Economics og Frischsenteret`: the end of an institution name.
    let prev_cap = p
        .rsplit(' ')
        .next()
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase);
    if prev_cap
        && (p.contains(", ") || p.contains("? ") || sentence_break(p))
        && !p.ends_with(['.', '!', '?', ':', ';'])
        && n.split_whitespace().count() <= 4
        && crate::classify::is_institution_list(n)
    {
        return true;
    }
    let last_word = p.rsplit(' ').next().unwrap_or("");
    if crate::lexicon::JOIN_WORDS.contains(&last_word) {
        return true;
    }
    // A long line that does not end a sentence (or an item's `(2019-2021)`) wraps
    // on, unless it reads as a `Title, Institution` heading.
    p.chars().count() * 10 >= width * 9
        && !p.ends_with(['.', '!', '?', ':', ';', ')'])
        && crate::grammar::project_line(p).map_or(true, |l| l.institution_raw.is_none())
}

/// A `. ` that ends a sentence, not an initial (`Kari M. Nordmann`) or an abbreviation.
fn sentence_break(p: &str) -> bool {
    p.match_indices(". ").any(|(i, _)| {
        p[..i]
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.chars().count() > 3)
    })
}

/// Does line `next` continue the list item whose last line is `prev`? Items
/// in a bullet run often start in lower case, so only a long unfinished line
/// (or an indented next line) carries on.
fn list_continues(prev: &str, next: &str, width: usize) -> bool {
    let indented = next.starts_with([' ', '\t']) && !prev.starts_with([' ', '\t']);
    let p = prev.trim();
    let unfinished = !p.ends_with(['.', '!', '?', ':', ';', ')']);
    let long_prev = p.chars().count() * 10 >= width * 7 && unfinished;
    // `… NAV` + `Troms (2018-2022)`: the period that ends every item comes on the next line.
    let period_follows = unfinished
        && next.trim_end().ends_with(')')
        && crate::grammar::split_period(next).1.is_some();
    // `Title.` + `Stipendiat Name, Inst`, `… Stipendiat Kari Nordmann` + `Berg, USN`
    let phd_goes_on = next.trim_start().starts_with("Stipendiat ")
        || p.rsplit_once("Stipendiat ")
            .is_some_and(|(_, name)| !name.contains(','));
    indented || period_follows || phd_goes_on || (long_prev && continues(prev, next, width))
}

/// Split a run of text lines that follows `bullets` bullets alone on their
/// lines into at most that many items: the most likely item boundaries win.
/// Returns the indices (into `run`) of the lines that start an item.
fn segment_run(run: &[RawLine<'_>], bullets: usize, width: usize) -> Vec<usize> {
    let n = run
        .iter()
        .take_while(|l| {
            let t = l.text.trim();
            classify(l.text).0 == LineKind::Text && !t.chars().all(|c| c.is_ascii_digit())
        })
        .count();
    if n <= bullets {
        return (0..n).collect();
    }
    // Score each gap between line i and i+1: high means "a new item starts".
    let mut gaps: Vec<(i32, usize)> = (0..n - 1)
        .map(|i| {
            let (p, x) = (run[i].text.trim(), run[i + 1].text.trim());
            let mut score = 0;
            if p.ends_with(['.', '!', '?', ')']) {
                score += 2;
            }
            if p.rsplit_once("Stipendiat ")
                .is_some_and(|(_, name)| name.contains(','))
            {
                score += 3;
            }
            if p.chars().count() * 10 < width * 6 {
                score += 1;
            }
            if list_continues(run[i].text, run[i + 1].text, width)
                || x.chars().next().is_some_and(char::is_lowercase)
            {
                score -= 4;
            }
            (score, i + 1)
        })
        .collect();
    gaps.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut starts: Vec<usize> = std::iter::once(0)
        .chain(gaps.iter().take(bullets - 1).map(|g| g.1))
        .collect();
    starts.sort_unstable();
    starts
}

/// Join two wrapped lines, mending a word split with a hyphen at the line end.
fn join_wrapped(block: &mut Block, line: &RawLine<'_>, text: &CleanText) {
    let prev = block.text.text.trim_end();
    let next_word = text.text.split_whitespace().next().unwrap_or("");
    let before_hyphen = prev.strip_suffix('-').and_then(|p| p.chars().next_back());
    let next_lower = next_word.chars().next().is_some_and(char::is_lowercase);
    if let Some(c) = before_hyphen
        && c.is_alphabetic()
        && next_lower
        && !crate::lexicon::JOIN_WORDS.contains(&next_word)
    {
        if c.is_lowercase() {
            // `arbeids-` + `ledighet` → `arbeidsledighet`
            let cut = prev.len() - 1;
            block.text.truncate(cut);
        }
        block.text.append_tight(text);
        block.end = line.start + line.text.len();
        block.line_end = line.number;
        block.n_lines += 1;
        return;
    }
    extend(block, line, text, false);
}

/// Split a report into blocks.
///
/// The blocks are found in the text as layer 1 normalises it ([`Normalized`]:
/// invisible characters dropped, Unicode spaces as spaces, NFC), so a
/// zero-width space before a bullet or a no-break space after it changes
/// nothing; block texts are in NFC, and offsets and spans index `text`.
///
/// ```
/// use fou::blocks::{split, BlockKind};
/// let blocks = split("# Title\n\nSome text\nwrapped.\n\n- item one\n", fou::Format::Markdown);
/// assert_eq!(blocks.len(), 3);
/// assert_eq!(blocks[1].text(), "Some text wrapped.");
/// assert_eq!(blocks[2].kind, BlockKind::ListItem);
///
/// // Plain text as PDF extractors give it: no blank lines, hard wraps, bullets alone.
/// let pdf = "Forord\nDette er en tekst som er\nbrutt over to linjer.\nArbeid og helse\n•\n•\nFørste prosjekt, AFI\n(2020-2021)\nAndre prosjekt, NTNU (2021)\n7\n";
/// let blocks = split(pdf, fou::Format::Plain);
/// let texts: Vec<_> = blocks.iter().map(|b| (b.kind, b.text())).collect();
/// assert_eq!(texts[1].1, "Dette er en tekst som er brutt over to linjer.");
/// assert!(texts.contains(&(BlockKind::ListItem, "Første prosjekt, AFI (2020-2021)")));
/// assert!(texts.contains(&(BlockKind::ListItem, "Andre prosjekt, NTNU (2021)")));
/// assert_eq!(blocks.last().map(|b| b.kind), Some(BlockKind::Marker)); // the page number
///
/// // Unicode variants: a zero-width space and a no-break space around a bullet.
/// let text = "\u{200b}-\u{a0}Tiltak for unge, NTNU (2020-2021)\n";
/// let blocks = split(text, fou::Format::Plain);
/// assert_eq!((blocks[0].kind, blocks[0].text()), (BlockKind::ListItem, "Tiltak for unge, NTNU (2020-2021)"));
/// assert_eq!((blocks[0].start, blocks[0].end), (0, text.len() - 1));
/// ```
pub fn split(text: &str, format: Format) -> Vec<Block> {
    split_normalized(&Normalized::new(text), format)
}

/// [`split`] on text already normalised: blocks found in `norm.text()`,
/// offsets moved to `norm`'s input.
pub(crate) fn split_normalized(norm: &Normalized<'_>, format: Format) -> Vec<Block> {
    let mut blocks = split_text(norm.text(), format);
    if !norm.is_unchanged() {
        for b in &mut blocks {
            (b.start, b.end) = norm.input_line_range(b.start, b.end);
            b.text = std::mem::take(&mut b.text).remap(norm);
        }
    }
    blocks
}

fn split_text(text: &str, format: Format) -> Vec<Block> {
    let plain = format == Format::Plain;
    let mut b = Builder {
        blocks: Vec::new(),
        open: None,
    };
    let mut prev_hard_break = false;
    let mut pending_bullets = 0usize;
    let mut item_indent: Option<usize> = None;
    // Lines (indices) that start an item in the current run after bullets alone.
    let mut item_starts: Vec<usize> = Vec::new();
    let mut prev_line: Option<RawLine<'_>> = None;
    let lines: Vec<RawLine<'_>> = split_lines(text).collect();
    let layout = measure(&lines);
    let running = if plain {
        running_lines(&lines)
    } else {
        vec![false; lines.len()]
    };
    let width = layout.width;
    for (li, &line) in lines.iter().enumerate() {
        let (kind, skip) = classify(line.text);
        // Byte offset inside the line where the content starts.
        let skip = skip.min(line.text.len());
        let content = &line.text[skip..];
        let hard_break =
            format == Format::Markdown && (line.text.ends_with("  ") || line.text.ends_with('\\'));
        if kind == LineKind::Blank {
            item_starts.clear();
            b.close();
            prev_hard_break = false;
            prev_line = None;
            continue;
        }
        let trimmed = line.text.trim();
        let next_blank = lines
            .get(li + 1)
            .is_none_or(|n| n.text.trim().is_empty() || n.text.starts_with('\u{c}'));
        let page_number = running[li]
            || (plain
                && trimmed.len() <= 4
                && trimmed.chars().all(|c| c.is_ascii_digit())
                && (prev_line.is_none() || next_blank));
        if kind != LineKind::Text {
            item_starts.clear();
        }
        if kind == LineKind::BulletOnly || page_number {
            // `•` alone on a line (the item text follows later), or a page number.
            b.close();
            if kind == LineKind::BulletOnly {
                pending_bullets += 1;
            }
            b.blocks.push(new_block(
                BlockKind::Marker,
                CleanText::default(),
                &line,
                false,
            ));
            prev_line = None;
            continue;
        }
        let clean = CleanText::clean(
            content.trim_start(),
            line.start + skip + (content.len() - content.trim_start().len()),
        );
        if matches!(
            kind,
            LineKind::Bullet | LineKind::Heading(_) | LineKind::Toc
        ) {
            // Bullets alone on their lines only ever wait for the text lines after them.
            pending_bullets = 0;
        }
        if kind == LineKind::Text && (pending_bullets > 0 || !item_starts.is_empty()) {
            if item_starts.is_empty() {
                item_starts = segment_run(&lines[li..], pending_bullets, width)
                    .into_iter()
                    .map(|k| li + k)
                    .collect();
            }
            if item_starts.binary_search(&li).is_ok() && label_field(&clean.text).is_none() {
                b.close();
                pending_bullets = pending_bullets.saturating_sub(1);
                b.open = Some(new_block(BlockKind::ListItem, clean, &line, false));
                prev_line = Some(line);
                continue;
            }
            if let Some(open) = b.open.as_mut().filter(|o| o.kind == BlockKind::ListItem) {
                join_wrapped(open, &line, &clean);
                prev_line = Some(line);
                continue;
            }
        }
        if kind == LineKind::Text && plain && label_field(&clean.text).is_none() {
            // Hard-wrapped plain text: a line joins the open block only if it continues it.
            if let (Some(open), Some(prev)) = (b.open.as_mut(), prev_line) {
                let joinable = matches!(
                    open.kind,
                    BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Field(_)
                );
                let goes_on = match open.kind {
                    _ if layout.separated && pending_bullets == 0 => joinable,
                    BlockKind::ListItem => {
                        let indent = line.text.len() - line.text.trim_start().len();
                        item_indent.is_some_and(|c| indent > 0 && indent + 1 >= c)
                            || list_continues(prev.text, line.text, width)
                    }
                    BlockKind::Paragraph | BlockKind::Field(_) => {
                        continues(prev.text, line.text, width)
                    }
                    _ => false,
                };
                if goes_on {
                    join_wrapped(open, &line, &clean);
                    prev_line = Some(line);
                    continue;
                }
                b.close();
            }
        }
        let before = prev_line.replace(line);
        match kind {
            LineKind::Heading(level) => {
                b.close();
                let clean = CleanText::clean(
                    content.trim().trim_end_matches('#').trim_end(),
                    line.start + skip + (content.len() - content.trim_start().len()),
                );
                b.blocks.push(new_block(
                    BlockKind::Heading { level: Some(level) },
                    clean,
                    &line,
                    is_bold_wrapped(line.text),
                ));
            }
            LineKind::Toc => {
                // A long entry wrapped before its dot leader: `3.1 Hvordan … av` + `NAV?..... 9`.
                let wrapped = b
                    .open
                    .as_ref()
                    .is_some_and(|o| o.kind == BlockKind::Paragraph && o.n_lines <= 4)
                    && before.is_some_and(|p| {
                        continues(p.text, line.text, width) || layout.separated || toc_like(p.text)
                    });
                if wrapped && let Some(open) = b.open.as_mut() {
                    extend(open, &line, &clean, false);
                    open.kind = BlockKind::TocEntry;
                    b.close();
                } else {
                    b.close();
                    b.blocks
                        .push(new_block(BlockKind::TocEntry, clean, &line, false));
                }
            }
            LineKind::Bullet => {
                b.close();
                // The column where the item's text starts: deeper lines continue it.
                let text_at = skip + (content.len() - content.trim_start().len());
                item_indent = Some(line.text[..text_at].chars().count());
                b.open = Some(new_block(BlockKind::ListItem, clean, &line, false));
            }
            LineKind::Text => {
                if let Some((label, value_at)) = label_field(&clean.text) {
                    b.close();
                    let value = clean.slice(value_at, clean.text.len());
                    b.open = Some(new_block(BlockKind::Field(label), value, &line, false));
                } else if let Some(open) = b.open.as_mut() {
                    let joinable = matches!(
                        open.kind,
                        BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Field(_)
                    );
                    if joinable {
                        extend(open, &line, &clean, prev_hard_break);
                    } else {
                        b.close();
                        b.open = Some(new_block(
                            BlockKind::Paragraph,
                            clean,
                            &line,
                            is_bold_wrapped(line.text),
                        ));
                    }
                } else {
                    b.open = Some(new_block(
                        BlockKind::Paragraph,
                        clean,
                        &line,
                        is_bold_wrapped(line.text),
                    ));
                }
            }
            LineKind::Blank | LineKind::BulletOnly => {}
        }
        prev_hard_break = hard_break;
    }
    b.close();
    let blocks = join_page_breaks(b.blocks);
    infer_headings(blocks, format, text)
}

fn ends_open(text: &str) -> bool {
    let t = text.trim_end();
    !t.ends_with(['.', '!', '?', ':', ';', '»', '"', '”', ')', ']', '*'])
}

fn starts_lower(text: &str) -> bool {
    text.trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// Join paragraphs split by a page break.
fn join_page_breaks(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    // Index in `out` of the last block that is not page furniture.
    let mut last: Option<usize> = None;
    for blk in blocks {
        crate::work::add(1);
        if let Some(li) = last
            && blk.kind == BlockKind::Paragraph
            && matches!(out[li].kind, BlockKind::Paragraph | BlockKind::ListItem)
            && ends_open(out[li].text())
            && starts_lower(blk.text())
        {
            // Page numbers between the two halves are absorbed into the joined block.
            out.truncate(li + 1);
            let prev = &mut out[li];
            prev.text.append(&blk.text, ' ');
            prev.end = blk.end;
            prev.line_end = blk.line_end;
            prev.n_lines += blk.n_lines;
            continue;
        }
        if blk.kind != BlockKind::Marker {
            last = Some(out.len());
        }
        out.push(blk);
    }
    out
}

/// A single short line standing alone that reads as a heading.
///
/// ```
/// assert!(fou::blocks::heading_like("Arbeid og helse"));
/// assert!(!fou::blocks::heading_like("Dette er en setning."));
/// ```
pub fn heading_like(text: &str) -> bool {
    let t = text.trim();
    let words = t.split_whitespace().count();
    !t.is_empty()
        && t.chars().count() <= 160
        && words <= 24
        && !t.ends_with(['.', ',', ';', '!'])
        && !starts_lower(t)
        && !t.contains("http")
        && !t.contains("www.")
        && !t.contains('\n')
}

fn infer_headings(mut blocks: Vec<Block>, format: Format, text: &str) -> Vec<Block> {
    // Markdown whose converter dropped the heading markup reads like plain text.
    let marked = blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Heading { level: Some(_) }))
        .count();
    let short_lines_are_headings = format == Format::Plain || marked < 3;
    for blk in &mut blocks {
        // A heading wrapped onto a second line by a PDF extractor still reads as one.
        let max_lines = if short_lines_are_headings { 2 } else { 1 };
        if blk.kind != BlockKind::Paragraph || blk.n_lines > max_lines {
            continue;
        }
        let plain_rule = short_lines_are_headings && heading_like(blk.text());
        // A bold paragraph (possibly wrapped over lines) is a heading in Markdown.
        let bold = blk.bold
            || (blk.n_lines > 1 && text.get(blk.start..blk.end).is_some_and(is_bold_wrapped));
        let bold_rule = bold && blk.text().chars().count() <= 200;
        blk.bold = bold;
        if plain_rule || bold_rule {
            blk.kind = BlockKind::Heading { level: None };
        }
    }
    blocks
}

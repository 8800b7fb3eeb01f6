//! Page layout measured once per document: how wide wrapped lines are,
//! whether paragraphs are separated by blank lines, and which lines are
//! running headers or footers.

use std::collections::HashMap;

use super::trim_line;
use crate::lexicon;

/// The lines of a text by index, without a copy: what the measures read.
#[derive(Debug, Clone, Copy)]
pub(super) struct LineTexts<'a> {
    /// Each line's text (terminator excluded): sliced once, when the
    /// lines are found, not again by each measure that reads them (a
    /// slice of a `str` tests both ends for a character boundary).
    pub(super) bounds: &'a [&'a str],
}

impl<'a> LineTexts<'a> {
    pub(super) fn len(&self) -> usize {
        self.bounds.len()
    }

    pub(super) fn get(&self, i: usize) -> Option<&'a str> {
        self.bounds.get(i).copied()
    }

    pub(super) fn at(&self, i: usize) -> &'a str {
        self.get(i).unwrap_or_default()
    }
}

/// Lines this long (in characters) or longer were not wrapped by a layout:
/// a text with many of them is not hard-wrapped.
const UNWRAPPED_LINE: usize = 131;
/// A line of this many bytes or more has at least [`UNWRAPPED_LINE`]
/// characters (a character is at most four bytes in UTF-8): it is long
/// without counting them (a paragraph of Markdown is one line).
const LONG_BY_BYTES: usize = UNWRAPPED_LINE * 4;

/// The characters of the line `t`, counted as far as they decide: exact
/// below [`UNWRAPPED_LINE`], at least that from there on.
fn line_chars(t: &str) -> usize {
    if t.len() >= LONG_BY_BYTES {
        UNWRAPPED_LINE
    } else {
        count_chars(t)
    }
}

/// Bytes of a line tested at a time by [`count_chars`] (one SSE2 register).
#[cfg_attr(not(sse2), allow(dead_code))]
const LANE: usize = 16;

/// Most lanes summed in one vector of byte counters by [`count_chars`]
/// before they are added up: each counter gains at most one a lane.
#[cfg_attr(not(sse2), allow(dead_code))]
const LANES_PER_SUM: usize = 255;

/// `t.chars().count()`: its bytes less its continuation bytes
/// (`80`–`BF`). With SSE2 (every x86-64) these are told [`LANE`] bytes at a
/// time by one signed compare, counted in a vector of byte counters (one
/// subtraction a lane, no count of bits per lane), and summed once by
/// `psadbw`; the last bytes by one more lane that overlaps the one before,
/// its bytes already counted masked off. A line of a page counts in less
/// than half of what the standard count takes (which reads an unaligned head
/// and tail byte by byte and gathers words in chunks meant for long text).
/// Elsewhere, and for text shorter than a lane, the standard count.
fn count_chars(t: &str) -> usize {
    #[cfg(sse2)]
    {
        count_chars_sse2(t)
    }
    #[cfg(not(sse2))]
    {
        t.chars().count()
    }
}

/// [`count_chars`] with SSE2.
#[cfg(sse2)]
fn count_chars_sse2(t: &str) -> usize {
    use safe_arch::{
        bitand_m128i, cmp_gt_mask_i8_m128i, m128i, set_splat_i8_m128i, sub_i8_m128i,
        sum_of_u8_abs_diff_m128i, zeroed_m128i,
    };
    /// A continuation byte, read as a signed byte, is below this (`80`–`BF`
    /// are -128 to -65).
    const FIRST_LEAD: i8 = -64;
    /// `LANE` zeros, then `LANE` ones: the lane of it at `k` keeps the
    /// last `k` bytes of a lane.
    const KEEP_LAST: [u8; 2 * LANE] = {
        let mut keep = [0u8; 2 * LANE];
        let mut k = LANE;
        while k < 2 * LANE {
            keep[k] = 0xFF;
            k += 1;
        }
        keep
    };
    let bytes = t.as_bytes();
    let Some(last) = bytes.len().checked_sub(LANE).and_then(|at| bytes.get(at..)) else {
        return t.chars().count();
    };
    let lane = |b: &[u8]| m128i::from(<[u8; LANE]>::try_from(b).unwrap_or([0; LANE]));
    // 0xFF (-1) for each continuation byte of a lane.
    let follows = |v: m128i| cmp_gt_mask_i8_m128i(set_splat_i8_m128i(FIRST_LEAD), v);
    let sum = |counters: m128i| {
        let [lo, hi] = <[u64; 2]>::from(sum_of_u8_abs_diff_m128i(counters, zeroed_m128i()));
        (lo + hi) as usize
    };
    let rest = bytes.len() % LANE;
    let whole = bytes.get(..bytes.len() - rest).unwrap_or_default();
    let mut continuations = 0;
    for group in whole.chunks(LANE * LANES_PER_SUM) {
        let mut counters = zeroed_m128i();
        for chunk in group.chunks_exact(LANE) {
            counters = sub_i8_m128i(counters, follows(lane(chunk)));
        }
        continuations += sum(counters);
    }
    // The bytes after the last whole lane, in a lane that ends the text.
    let keep = lane(KEEP_LAST.get(rest..rest + LANE).unwrap_or_default());
    continuations += sum(sub_i8_m128i(
        zeroed_m128i(),
        bitand_m128i(follows(lane(last)), keep),
    ));
    bytes.len() - continuations
}

/// Shortest line (in characters) counted when measuring the wrap width:
/// shorter lines end a paragraph or are headings.
const SHORTEST_WRAPPED: usize = 30;
/// A running header or footer is at most this long (in characters).
const MAX_RUNNING_LINE: usize = 80;
/// A running line repeats on at least this many pages (and on half of them).
const MIN_RUNNING_PAGES: usize = 3;

/// How the plain text is laid out, measured once per document.
///
/// ```
/// let text = "Første linje er en lang linje som brytes her\nog fortsetter.\n\nNytt avsnitt.\n";
/// let layout = fou::lines::Lines::new(text, fou::Format::Plain).layout();
/// assert!(layout.separated);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// Width of the wrapped lines (75th percentile of the lengths of lines
    /// 30–130 characters long), or a huge value when lines are not wrapped.
    pub width: usize,
    /// Paragraphs are separated by blank lines (most lines that end a
    /// sentence are followed by a blank line), so consecutive lines always
    /// belong together.
    pub separated: bool,
}

/// The width given to text whose lines were not wrapped by a layout.
const UNWRAPPED_WIDTH: usize = usize::MAX / 16;

impl Layout {
    /// The lines were wrapped by a page layout: [`Layout::width`] is a real width.
    ///
    /// ```
    /// let layout = fou::lines::Lines::new("kort\n", fou::Format::Plain).layout();
    /// assert!(!layout.hard_wrapped());
    /// ```
    pub fn hard_wrapped(&self) -> bool {
        self.width < UNWRAPPED_WIDTH
    }
}

/// Measure the layout of `lines`, and note in `page_lines` the lines that
/// may be numbered running lines ([`may_be_page_line`]), in the same pass.
pub(super) fn measure(lines: LineTexts<'_>, page_lines: &mut Vec<usize>) -> Layout {
    // (room for every line's length at once: at most one each, where
    // growing by doubling moved them some ten times on a report)
    let mut lens: Vec<usize> = Vec::with_capacity(lines.len());
    let mut long = 0usize;
    let (mut ends, mut ends_blank) = (0usize, 0usize);
    for i in 0..lines.len() {
        let t = super::trim_line(lines.at(i));
        if may_be_page_line(t) {
            page_lines.push(i);
        }
        let n = line_chars(t);
        if n >= UNWRAPPED_LINE {
            long += 1;
        } else if n >= SHORTEST_WRAPPED {
            lens.push(n);
        }
        if t.ends_with(['.', '!', '?']) {
            ends += 1;
            if lines
                .get(i + 1)
                .is_none_or(|n| super::trim_line(n).is_empty())
            {
                ends_blank += 1;
            }
        }
    }
    // More than one line in five unwrapped: the text is not hard-wrapped.
    let width = if lens.is_empty() || long * 5 > lens.len() + long {
        UNWRAPPED_WIDTH
    } else {
        let k = (lens.len() * 3 / 4).min(lens.len() - 1);
        *lens.select_nth_unstable(k).1
    };
    Layout {
        width,
        separated: ends > 0 && ends_blank * 2 >= ends,
    }
}

/// A line's key for comparing running lines: trimmed, digit runs masked
/// (`Side 3 av 30` and `Side 12 av 30` are one footer).
fn running_key(text: &str) -> String {
    let mut k = String::new();
    for c in text
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
}

/// The first two and last two non-blank lines of each page (pages start at
/// a form feed).
fn page_edges(lines: LineTexts<'_>, pages: &[usize]) -> Vec<usize> {
    let filled = |i: &usize| {
        !lines
            .at(*i)
            .trim_matches(|c: char| c.is_whitespace() || c == '\u{c}')
            .is_empty()
    };
    let mut edges: Vec<usize> = Vec::new();
    for (p, &start) in pages.iter().enumerate() {
        let end = pages.get(p + 1).copied().unwrap_or(lines.len());
        let filled: Vec<usize> = (start..end).filter(filled).collect();
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
    edges
}

/// Running headers and footers of a paged text (pages cut by form feeds):
/// lines that stand first or last on at least half the pages (and on three
/// or more), compared with their digits masked.
pub(super) fn running_lines(lines: LineTexts<'_>) -> Vec<bool> {
    let mut furniture = vec![false; lines.len()];
    let mut pages: Vec<usize> = vec![0];
    pages.extend((1..lines.len()).filter(|&i| lines.at(i).starts_with('\u{c}')));
    if pages.len() < MIN_RUNNING_PAGES {
        return furniture;
    }
    let edges = page_edges(lines, &pages);
    let keys: HashMap<usize, String> = edges
        .iter()
        .map(|&i| (i, running_key(lines.at(i))))
        .collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for key in keys.values() {
        if key.chars().count() <= MAX_RUNNING_LINE {
            *counts.entry(key).or_default() += 1;
        }
    }
    let need = (pages.len() / 2).max(MIN_RUNNING_PAGES);
    // The document's first line is its title, even when the running header repeats it.
    let first = edges.first();
    for (&i, key) in &keys {
        if Some(&i) != first && counts.get(key.as_str()).is_some_and(|&n| n >= need) {
            furniture[i] = true;
        }
    }
    furniture
}

/// At least this many lines stand between two of a text's running lines
/// (one a page; a page of text has some forty lines, a page of a figure
/// and its caption fewer).
const MIN_PAGE_LINES: usize = 8;
/// The most digits a page number has.
const MAX_PAGE_DIGITS: usize = 3;
/// The most a page number rises from one running line to the next (pages
/// of figures or tables without one).
const MAX_PAGE_STEP: u32 = 10;

/// Running headers and footers of a text whose pages are not cut by form
/// feeds (a PDF's text copied, or converted by a tool that drops them):
/// short lines that are one line but for a page number, which rises from
/// each to the next, on [`MIN_RUNNING_PAGES`] pages or more, at least
/// [`MIN_PAGE_LINES`] apart. So that a run of numbered headings or
/// captions (`Vedlegg 2`) is none, the line must say it is a page's: a page
/// word before the number (`Side 3`, [`lexicon::PAGE_WORDS`]), a bar or dot
/// beside it (`FoU-rapport 2020 | 3`), or the text's title around it.
/// Found lines are set in `furniture` (grown to the lines when empty).
pub(super) fn numbered_running_lines(
    lines: LineTexts<'_>,
    page_lines: &[usize],
    furniture: &mut Vec<bool>,
) {
    if page_lines.len() < MIN_RUNNING_PAGES {
        return;
    }
    let title = title_of(lines);
    let mut groups: HashMap<String, Vec<(usize, Vec<u32>)>> = HashMap::new();
    for &i in page_lines {
        let t = trim_line(lines.at(i).trim_start_matches('\u{c}'));
        if let Some(numbers) = page_line_numbers(t, title) {
            groups.entry(running_key(t)).or_default().push((i, numbers));
        }
    }
    for found in groups.values() {
        for i in rising_run(found) {
            if furniture.is_empty() {
                furniture.resize(lines.len(), false);
            }
            if let Some(f) = furniture.get_mut(i) {
                *f = true;
            }
        }
    }
}

/// May the trimmed line `t` be a numbered running line
/// ([`page_line_numbers`])? A cheap test that most lines fail: no longer
/// than a running line may be, a page number of one to three digits first
/// or last (a form feed before it aside: `2020` at the end of a heading is
/// a year), and neither a tab nor a dot leader before it (a line of a table
/// of contents, [`super::LineKind::Toc`]).
fn may_be_page_line(t: &str) -> bool {
    let b = t.as_bytes();
    let digits = |run: &mut dyn Iterator<Item = &u8>| {
        let n = run
            .take(MAX_PAGE_DIGITS + 1)
            .take_while(|c| c.is_ascii_digit())
            .count();
        (1..=MAX_PAGE_DIGITS).contains(&n)
    };
    let first = b.iter().position(|&c| c != 0x0c).unwrap_or(0);
    let at_edge = digits(&mut b.iter().rev()) || digits(&mut b.iter().skip(first));
    at_edge
        && b.len() <= MAX_RUNNING_LINE * 4
        && memchr::memchr(b'\t', b).is_none()
        && !memchr::memchr_iter(b'.', b).any(|i| b.get(i + 1) == Some(&b'.'))
}

/// The text's title: its first line that is not blank, without a heading's
/// `#`s.
fn title_of(lines: LineTexts<'_>) -> &str {
    (0..lines.len())
        .map(|i| trim_line(lines.at(i)))
        .find(|t| !t.is_empty())
        .map(|t| crate::text::trim(t.trim_start_matches('#')))
        .unwrap_or_default()
}

/// The numbers of `t` when it may be a numbered running line
/// ([`numbered_running_lines`]; [`may_be_page_line`] has said it may):
/// short, with letters, and a page word before a number, a bar or dot, or
/// the title beside its numbers. Read by bytes, the cheapest test first.
fn page_line_numbers(t: &str, title: &str) -> Option<Vec<u32>> {
    if t.len() > MAX_RUNNING_LINE && t.chars().count() > MAX_RUNNING_LINE {
        return None;
    }
    let b = t.as_bytes();
    // The digit runs: where each starts and ends.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (i, c) in b.iter().enumerate() {
        match (c.is_ascii_digit(), runs.last_mut()) {
            (true, Some(run)) if run.1 == i => run.1 = i + 1,
            (true, _) => runs.push((i, i + 1)),
            _ => {}
        }
    }
    let words = crate::text::trim(t.trim_matches(|c: char| c.is_ascii_digit()));
    let words = words.trim_matches(['|', '·', '•', ' ', '–', '-']);
    if !words.chars().any(char::is_alphabetic) {
        return None;
    }
    // A bar or dot between the words and a number (`FoU-rapport | 3`), not
    // first on the line, where it is a bullet (`• Arbeidspakke 3`).
    let bar = t
        .char_indices()
        .any(|(i, c)| i > 0 && matches!(c, '|' | '·' | '•'));
    // The title as a running line's words: more than one word, so that a
    // text that starts with `Vedlegg` does not make `Vedlegg 2` a footer.
    let titled = title.contains(' ') && words == title;
    let paged = bar || runs.iter().any(|&(start, _)| page_word_before(t, start)) || titled;
    paged.then(|| {
        runs.iter()
            .map(|&(start, end)| {
                t.get(start..end)
                    .and_then(|r| r.parse().ok())
                    .unwrap_or(u32::MAX)
            })
            .collect()
    })
}

/// Does a page word ([`lexicon::PAGE_WORDS`], in any case) and a space
/// stand right before byte `at` of `t`?
fn page_word_before(t: &str, at: usize) -> bool {
    let Some(before) = at.checked_sub(1).and_then(|end| t.get(..end)) else {
        return false;
    };
    if t.as_bytes().get(at - 1) != Some(&b' ') {
        return false;
    }
    let word = before.rsplit(' ').next().unwrap_or(before);
    lexicon::PAGE_WORDS
        .iter()
        .any(|p| word.eq_ignore_ascii_case(p))
}

/// The lines of `found` (one key's, in order) that are a run of pages: one
/// of their numbers (the same place in each) rises from line to line by at
/// most [`MAX_PAGE_STEP`], each [`MIN_PAGE_LINES`] or more below the last;
/// none when fewer than [`MIN_RUNNING_PAGES`] are.
fn rising_run(found: &[(usize, Vec<u32>)]) -> Vec<usize> {
    let places = found.first().map_or(0, |(_, n)| n.len());
    let mut best: Vec<usize> = Vec::new();
    for place in 0..places {
        let mut run: Vec<usize> = Vec::new();
        let mut last: Option<(usize, u32)> = None;
        for (i, numbers) in found {
            let Some(&n) = numbers.get(place) else {
                continue;
            };
            let follows = last.is_none_or(|(li, ln)| {
                i.saturating_sub(li) >= MIN_PAGE_LINES && n > ln && n - ln <= MAX_PAGE_STEP
            });
            if follows {
                run.push(*i);
                last = Some((*i, n));
            }
        }
        if run.len() > best.len() {
            best = run;
        }
    }
    if best.len() >= MIN_RUNNING_PAGES {
        best
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    //! Layout measures and running lines as a specification.
    use super::*;
    use crate::lines::split_lines;

    /// Below [`UNWRAPPED_LINE`] characters a line's count is exact; from
    /// there on it is at least that, for characters of one to four bytes
    /// on either side of [`LONG_BY_BYTES`].
    #[test]
    fn a_line_is_counted_as_far_as_it_decides() {
        for c in ['a', 'ø', '€', '𝄞'] {
            for n in 0..=LONG_BY_BYTES + 8 {
                let t: String = std::iter::repeat_n(c, n).collect();
                let exact = t.chars().count();
                let counted = line_chars(&t);
                if exact < UNWRAPPED_LINE {
                    assert_eq!(counted, exact, "{c:?} × {n}");
                } else {
                    assert!(counted >= UNWRAPPED_LINE, "{c:?} × {n}: {counted}");
                }
            }
        }
    }

    /// The lane count is the standard count, for texts of every length
    /// round the lane and the sums' sizes, of characters of one to four
    /// bytes, with continuation bytes at the lanes' edges.
    #[test]
    fn chars_count_by_lanes_as_the_standard_count() {
        let pieces = ["a", "ø", "€", "𝄞", " ", "\u{bf}"];
        let mut counted = 0;
        for head in crate::testing::concatenations(&pieces, 3) {
            for pad in 0..=2 * LANE + 1 {
                let t = format!("{}{head}", "x".repeat(pad));
                assert_eq!(count_chars(&t), t.chars().count(), "{t:?}");
                counted += 1;
            }
        }
        assert!(counted > 10_000, "{counted}");
        for n in [
            LANES_PER_SUM * LANE - 1,
            LANES_PER_SUM * LANE,
            3 * LANES_PER_SUM * LANE + 5,
        ] {
            for c in ['a', 'ø', '€', '𝄞'] {
                let t: String = std::iter::repeat_n(c, n).collect();
                assert_eq!(count_chars(&t), n, "{c:?} × {n}");
            }
        }
    }

    fn bounds(text: &str) -> Vec<&str> {
        split_lines(text).map(|l| l.text).collect()
    }

    #[test]
    fn the_wrap_width_is_the_upper_quartile_of_wrapped_lines() {
        let line = |n: usize| "x".repeat(n);
        let text = [40, 50, 60, 60, 10].map(line).join("\n");
        let layout = measure(
            LineTexts {
                bounds: &bounds(&text),
            },
            &mut Vec::new(),
        );
        assert_eq!(layout.width, 60);
        assert!(!layout.separated);
    }

    #[test]
    fn long_lines_mean_the_text_is_not_wrapped() {
        let text = ["y".repeat(200), "x".repeat(40)].join("\n");
        assert!(
            measure(
                LineTexts {
                    bounds: &bounds(&text)
                },
                &mut Vec::new()
            )
            .width
                > 1_000_000
        );
    }

    #[test]
    fn blank_lines_after_sentences_mean_separated_paragraphs() {
        assert!(
            {
                let t = "En.\n\nTo.\n\nTre\nfire.\n";
                measure(LineTexts { bounds: &bounds(t) }, &mut Vec::new())
            }
            .separated
        );
        assert!(
            !{
                let t = "En.\nTo.\nTre.\n";
                measure(LineTexts { bounds: &bounds(t) }, &mut Vec::new())
            }
            .separated
        );
    }

    #[test]
    fn a_line_first_on_most_pages_is_a_running_header() {
        let page = |n: usize| {
            format!(
                "\u{c}FoU-rapport\nTekst om {}.\nMer tekst.\nSide {n} av 4",
                ["arbeid", "helse", "skole", "bolig"][n - 1]
            )
        };
        let text = format!(
            "Tittel\nInnhold.\n{}",
            (1..=4).map(page).collect::<Vec<_>>().join("\n")
        );
        let b = bounds(&text);
        let lines = LineTexts { bounds: &b };
        let running = running_lines(lines);
        let marked: Vec<&str> = (0..b.len())
            .filter(|&i| running[i])
            .map(|i| lines.at(i).trim_start_matches('\u{c}'))
            .collect();
        assert_eq!(marked.iter().filter(|t| **t == "FoU-rapport").count(), 4);
        assert_eq!(marked.iter().filter(|t| t.starts_with("Side ")).count(), 4);
        assert!(!marked.iter().any(|t| t.starts_with("Tekst")));
    }

    /// The lines [`numbered_running_lines`] finds in a text of `pages`
    /// pages of ten lines, `line(page)` standing after each page's text.
    fn numbered_found(pages: u32, line: impl Fn(u32) -> String) -> Vec<String> {
        titled_found("FoU-rapport 2020", pages, line)
    }

    /// [`numbered_found`] in a text that starts with `title`.
    fn titled_found(title: &str, pages: u32, line: impl Fn(u32) -> String) -> Vec<String> {
        let mut text = format!("{title}\n\n");
        for p in 1..=pages {
            for k in 0..9 {
                text.push_str(&format!("Tekst {k} på side {p} som går videre.\n"));
            }
            text.push_str(&line(p));
            text.push('\n');
        }
        let b = bounds(&text);
        let mut found = Vec::new();
        let lines = LineTexts { bounds: &b };
        let mut candidates = Vec::new();
        measure(lines, &mut candidates);
        numbered_running_lines(lines, &candidates, &mut found);
        (0..b.len())
            .filter(|&i| found.get(i).copied().unwrap_or(false))
            .map(|i| b[i].to_owned())
            .collect()
    }

    #[test]
    fn numbered_footers_without_form_feeds_are_running_lines() {
        for footer in [
            |p| format!("Side {p}"),
            |p| format!("Side {p} av 40"),
            |p| format!("{p} | FoU-rapport 2020"),
            |p| format!("FoU-rapport 2020 · {p}"),
            |p| format!("s. {p}"),
            |p| format!("FoU-rapport 2020   {p}"),
        ] {
            let found = numbered_found(4, footer);
            assert_eq!(found, (1..=4).map(footer).collect::<Vec<_>>());
        }
        // A page without a footer (a figure) is skipped over.
        let found = numbered_found(5, |p| {
            if p == 3 {
                String::new()
            } else {
                format!("Side {p}")
            }
        });
        assert_eq!(found, ["Side 1", "Side 2", "Side 4", "Side 5"]);
    }

    /// Numbered lines that are text: no page word, bar or title; numbers
    /// that do not rise; lines too close together; too few of them.
    #[test]
    fn other_numbered_lines_are_no_running_lines() {
        assert!(numbered_found(4, |p| format!("Vedlegg {p}")).is_empty());
        assert!(numbered_found(4, |p| format!("Tabell {p}")).is_empty());
        // A bullet is no bar or dot beside a page number; a title of one
        // word is a heading's, not a running line's.
        assert!(numbered_found(4, |p| format!("• Arbeidspakke {p}")).is_empty());
        assert!(numbered_found(4, |p| format!("· Delmål {p}")).is_empty());
        assert!(titled_found("Vedlegg", 4, |p| format!("Vedlegg {p}")).is_empty());
        assert!(numbered_found(4, |p| format!("Side {}", 10 - p)).is_empty());
        assert!(numbered_found(4, |p| format!("Side {}", p * 20)).is_empty());
        assert!(numbered_found(2, |p| format!("Side {p}")).is_empty());
        assert!(numbered_found(4, |p| format!("Side {p} {}", "x".repeat(90))).is_empty());
        let close = "Rapporten\nSide 1\nSide 2\nSide 3\nSide 4\n";
        let b = bounds(close);
        let mut found = Vec::new();
        let lines = LineTexts { bounds: &b };
        let mut candidates = Vec::new();
        measure(lines, &mut candidates);
        numbered_running_lines(lines, &candidates, &mut found);
        assert!(found.iter().all(|f| !f));
    }

    #[test]
    fn fewer_than_three_pages_have_no_running_lines() {
        let t = "A\nB\n\u{c}A\nC\n";
        let lines = LineTexts { bounds: &bounds(t) };
        assert!(running_lines(lines).iter().all(|r| !r));
    }
}

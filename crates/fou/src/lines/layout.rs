//! Page layout measured once per document: how wide wrapped lines are,
//! whether paragraphs are separated by blank lines, and which lines are
//! running headers or footers.

use std::collections::HashMap;

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

/// Measure the layout of `lines`.
pub(super) fn measure(lines: LineTexts<'_>) -> Layout {
    // (room for every line's length at once: at most one each, where
    // growing by doubling moved them some ten times on a report)
    let mut lens: Vec<usize> = Vec::with_capacity(lines.len());
    let mut long = 0usize;
    let (mut ends, mut ends_blank) = (0usize, 0usize);
    for i in 0..lines.len() {
        let t = super::trim_line(lines.at(i));
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
        let layout = measure(LineTexts {
            bounds: &bounds(&text),
        });
        assert_eq!(layout.width, 60);
        assert!(!layout.separated);
    }

    #[test]
    fn long_lines_mean_the_text_is_not_wrapped() {
        let text = ["y".repeat(200), "x".repeat(40)].join("\n");
        assert!(
            measure(LineTexts {
                bounds: &bounds(&text)
            })
            .width
                > 1_000_000
        );
    }

    #[test]
    fn blank_lines_after_sentences_mean_separated_paragraphs() {
        assert!(
            {
                let t = "En.\n\nTo.\n\nTre\nfire.\n";
                measure(LineTexts { bounds: &bounds(t) })
            }
            .separated
        );
        assert!(
            !{
                let t = "En.\nTo.\nTre.\n";
                measure(LineTexts { bounds: &bounds(t) })
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

    #[test]
    fn fewer_than_three_pages_have_no_running_lines() {
        let t = "A\nB\n\u{c}A\nC\n";
        let lines = LineTexts { bounds: &bounds(t) };
        assert!(running_lines(lines).iter().all(|r| !r));
    }
}

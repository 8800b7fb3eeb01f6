//! Linear time on inputs that once made a pass quadratic (found with scaling
//! probes: 8× the input took 30–70× the time). Each compares two sizes in one
//! run, like `scaling.rs`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

// ---------------------------------------------------------------------------
// Quadratic passes (found with `scaling.rs`-style checks; 8× the input should
// take about 8× the time, these take 30–60×). Sizes are small so that each
// test still finishes in seconds in debug.

use std::time::{Duration, Instant};

fn median_parse_time(text: &str) -> Duration {
    let mut v: Vec<Duration> = (0..3)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(fou::parse(std::hint::black_box(text)).unwrap());
            start.elapsed()
        })
        .collect();
    v.sort();
    v[1]
}

/// Timing tests run one at a time, so they do not slow each other down.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn assert_linear_8x(name: &str, make: impl Fn(usize) -> String, n: usize) {
    let _guard = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let (small, large) = (make(n), make(8 * n));
    let (s, l) = (median_parse_time(&small), median_parse_time(&large));
    let ratio = l.as_secs_f64() / s.max(Duration::from_millis(2)).as_secs_f64();
    println!("{name}: {s:?} → {l:?}, ratio {ratio:.1}");
    assert!(
        ratio < 24.0,
        "{name}: ×8 the input took ×{ratio:.1} the time ({s:?} → {l:?})"
    );
}

/// `lines::link_at` scans from every `[` to the end of the line for the
/// matching `]` (and again for `![`).
#[test]
fn line_of_open_brackets_is_linear() {
    assert_linear_8x("`[` × n", |n| "[".repeat(n), 2_000);
    assert_linear_8x("`![` × n", |n| "![".repeat(n / 2), 2_000);
}

/// `lines::link_at` also searches the rest of the line for `)` after every
/// `[text](` that is not closed.
#[test]
fn line_of_unclosed_links_is_linear() {
    assert_linear_8x("`[a](` × n", |n| "[a](".repeat(n / 4), 64_000);
}

/// `lines::html_tag_len` searches the rest of the line for `>` at every `<`
/// (the `end < 200` bound is applied after the search).
#[test]
fn line_of_angle_brackets_is_linear() {
    assert_linear_8x("`<` × n", |n| "<".repeat(n), 32_000);
    assert_linear_8x("`<a ` × n", |n| "<a ".repeat(n / 3), 32_000);
}

/// `blocks::join_wrapped` mends `arbeids-` + `ledighet` with
/// `block.text = block.text.slice(0, cut)`, which copies the whole block so
/// far: O(n²) over a paragraph of hyphen-wrapped lines.
#[test]
fn paragraph_of_hyphenated_lines_is_linear() {
    assert_linear_8x(
        "`ord-\\nord\\n` × n",
        |n| "ord-\nord\n".repeat(n / 9),
        4_000,
    );
}

/// `sections::dates::read_dates` calls `year_in(sentence)` for every date
/// without a year: O(dates × sentence length).
#[test]
fn sentence_of_dates_without_year_is_linear() {
    assert_linear_8x("`1. mars ` × n", |n| "1. mars ".repeat(n / 8), 2_000);
}

/// `sections::counts::read_counts` computes `norm(clause)` once per count
/// candidate in the clause: O(candidates × clause length).
#[test]
fn clause_of_counts_is_linear() {
    assert_linear_8x(
        "`tre prosjekter og ` × n",
        |n| "tre prosjekter og ".repeat(n / 18),
        2_000,
    );
}

/// `blocks::join_page_breaks` runs `out.iter().rposition(|b| b.kind != Marker)`
/// for every block: O(n²) over a run of marker blocks.
#[test]
fn lines_of_lone_bullets_are_linear() {
    assert_linear_8x("`-\\n` × n", |n| "-\n".repeat(n / 2), 2_000);
}

//! Regression tests: inputs that once broke an invariant of the parser
//! (found by the property tests in `properties.rs`, the fuzz targets in
//! `crates/fou/fuzz` or the scaling checks in `scaling.rs`), each with the
//! exact result it must give.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fou::Span;

fn span(start: usize, end: usize, line_start: usize, line_end: usize) -> Span {
    Span {
        start,
        end,
        line_start,
        line_end,
    }
}

// ---------------------------------------------------------------------------
// `CleanText::source_range` added `len_utf8(last char) - 1` to an end already
// past the last char: spans of clean-text ranges ending in a multi-byte char
// (stated counts, dates, `invalid-date` diagnostics) ended 1–3 bytes too far,
// past the input, inside a char or on the next line. Fixed in 127fc3b.

#[test]
fn count_span_ending_in_en_dash_stays_in_the_input() {
    let text = "Tre prosjekter –.";
    let r = fou::parse(text).unwrap();
    assert_eq!(r.stated_counts[0].text, "Tre prosjekter –");
    assert_eq!(r.stated_counts[0].span, span(0, 18, 1, 1));
}

#[test]
fn count_span_ending_in_four_byte_char_keeps_its_line() {
    let text = "Tre prosjekter 🦀.\n\nNeste";
    let r = fou::parse(text).unwrap();
    assert_eq!(r.stated_counts[0].text, "Tre prosjekter 🦀");
    assert_eq!(r.stated_counts[0].span, span(0, 19, 1, 1));
}

#[test]
fn date_sentence_span_ending_in_o_slash_stays_in_the_input() {
    let text = "30. mars 2020 ø";
    let r = fou::parse(text).unwrap();
    assert_eq!(r.dates[0].text, "30. mars 2020");
    assert_eq!(r.dates[0].span, span(0, 16, 1, 1));
}

#[test]
fn invalid_date_diagnostic_span_stays_in_the_input() {
    let text = "Det var 31. april 2020 på Å";
    let r = fou::parse(text).unwrap();
    let d = r
        .diagnostics
        .iter()
        .find(|d| d.code == "invalid-date")
        .expect("an invalid-date diagnostic");
    assert_eq!(d.span, Some(span(0, 29, 1, 1)));
}

// ---------------------------------------------------------------------------
// A bullet alone on its line was held for the next line, and a second lone
// bullet replaced the first, so the first line was in no block. Fixed by
// `BlockKind::Marker`.

#[test]
fn consecutive_lone_bullets_each_belong_to_a_block() {
    for text in ["•\n•", "-\n-\n", "▪\n\n▪\nTekst"] {
        let blocks = fou::blocks::split(text, fou::Format::Plain);
        let covered = |line: usize| {
            blocks
                .iter()
                .any(|b| b.line_start <= line && line <= b.line_end)
        };
        for (n, line) in text.lines().enumerate() {
            assert!(
                line.trim().is_empty() || covered(n + 1),
                "{text:?}: line {} in no block: {blocks:#?}",
                n + 1
            );
        }
    }
}

//! Linear work on inputs that once made a pass quadratic (found with scaling
//! probes: 8× the input took 30–70× the time). Each parses a small and an
//! 8× larger input and compares what the parse did — allocations, bytes,
//! peak heap and the parser's own step count (`counting.rs`) — so the checks
//! are exact on a busy machine. Timing lives in the criterion benches.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "counting.rs"]
mod counting;

fn assert_linear_8x(name: &str, make: impl Fn(usize) -> String, n: usize) {
    counting::assert_linear_in(name, n, make);
}

/// [`assert_linear_8x`] of `piece` repeated to about `n` bytes.
fn assert_repeated_linear(piece: &str, n: usize) {
    let name = format!("`{}` × n", piece.escape_debug());
    assert_linear_8x(&name, |n| piece.repeat(n / piece.len()), n);
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

/// `blocks::join::append_mended` looked back from every mended hyphen for
/// the start of the word it broke: a text of lines that each end in one,
/// with no space (`ord-` on every line), is one word that grows with each
/// line, searched back to its start at every line.
#[test]
fn lines_of_one_hyphenated_word_are_linear() {
    let make = |n: usize| "ord-\n".repeat(n / 5);
    assert_linear_8x("`ord-\\n` × n", make, 4_000);
    // `explain` records each mend with the word it broke.
    let explain = |text: &str| {
        let src = fou::Source::from_text(text);
        counting::measure(|| fou::explain(&src, &fou::Options::default()).repairs.len())
    };
    let ((small_mends, small), (large_mends, large)) =
        (explain(&make(4_000)), explain(&make(32_000)));
    assert!(
        small_mends > 700 && large_mends > 8 * 700,
        "{small_mends} {large_mends}"
    );
    let bad = counting::superlinear(small, large, 8.0);
    assert!(
        bad.is_empty(),
        "explain of `ord-\\n` × n: {}",
        bad.join("; ")
    );
}

/// `source::next_line_end` searched for the next `\\n`, `\\r` or NEL from
/// every line start: a text whose lines end in Unicode line separators alone
/// was searched to its end at every line (by the line index, the line split
/// and the format's detection).
#[test]
fn lines_ending_in_unicode_separators_are_linear() {
    assert_repeated_linear("linje\u{2028}", 4_000);
    assert_repeated_linear("Tittel\u{2029}tekst\u{2028}", 4_000);
}

/// `sections::dates::Dates::read` calls `year_in(sentence)` for every date
/// without a year: O(dates × sentence length).
#[test]
fn sentence_of_dates_without_year_is_linear() {
    assert_linear_8x("`1. mars ` × n", |n| "1. mars ".repeat(n / 8), 2_000);
}

/// `sections::counts::CountReader::read` computes `text::norm(clause)` once per count
/// candidate in the clause: O(candidates × clause length).
#[test]
fn clause_of_counts_is_linear() {
    assert_linear_8x(
        "`tre prosjekter og ` × n",
        |n| "tre prosjekter og ".repeat(n / 18),
        2_000,
    );
}

/// A clause of counts with no ` og ` between them (a table flattened into
/// one clause): each count's statement ran to the clause's end, and was
/// searched for its clause end and normalised there — O(counts × clause
/// length), 16× the time for 4× the text.
#[test]
fn clause_of_counts_without_conjunctions_is_linear() {
    assert_repeated_linear("3 prosjekter ", 2_000);
    assert_repeated_linear("tre bidragsprosjekter ", 2_000);
    assert_repeated_linear("fire rapporter ni prosjekter ", 2_000);
}

/// `blocks::join_page_breaks` runs `out.iter().rposition(|b| b.kind != Marker)`
/// for every block: O(n²) over a run of marker blocks.
#[test]
fn lines_of_lone_bullets_are_linear() {
    assert_linear_8x("`-\\n` × n", |n| "-\n".repeat(n / 2), 2_000);
}

/// A line of nested links (`[[a](b) ` …): each outer `[` is closed by no
/// `]` within a link text's reach, and its close was searched for up to
/// that reach, over every bracket on the way: about 40 steps a byte of
/// the parse, where a line of plain links takes about 2. The closes are read
/// for a stretch of the line at a time once the searches have cost more
/// than the line (`lines::clean::Brackets`).
#[test]
fn nested_links_are_read_about_once_a_byte() {
    let steps_a_byte = |piece: &str| {
        let text = piece.repeat(32_000 / piece.len());
        counting::parse_work(&text).steps as f64 / text.len() as f64
    };
    let (plain, nested) = (steps_a_byte("[a](b) "), steps_a_byte("[[a](b) "));
    println!("steps a byte: plain links {plain:.1}, nested links {nested:.1}");
    assert!(plain > 0.5, "{plain}");
    assert!(nested < 2.5 * plain.max(1.0), "{nested} vs {plain}");
}

/// A table laid out as columns of text (`blocks::columns`): each row's line
/// is tested against the gutters between the header's cells, and a long
/// table is read in one pass.
#[test]
fn long_table_laid_out_as_columns_is_linear() {
    let make = |n: usize| {
        let rows = "Et prosjekt om arbeid  Velferdsforsk  2020-2022\n".repeat(n / 48);
        format!("Tittel                 Institusjon    Periode\n{rows}")
    };
    assert_linear_8x("a column table of n rows", make, 8_000);
}

/// A grid table's border of many `+`s over a header line of many cells:
/// its lines were cut at every pair of `+`s, each cut read from the
/// line's start (`blocks::columns::grid_border` now stops at a table of
/// projects' most columns).
#[test]
fn grid_border_of_many_columns_is_linear() {
    let make = |n: usize| {
        let k = n / 12;
        format!(
            "Tekst.\n\n{}+\n| Tittel | Periode {}|\n{}+\n",
            "+-".repeat(k),
            "| x ".repeat(k),
            "+=".repeat(k)
        )
    };
    assert_linear_8x("a grid table of n columns", make, 8_000);
}

/// Tables in HTML never closed: each `<table` after a blank line looked for
/// its `</table>` up to 2,000 lines on (`blocks::html_table` now stops at
/// the next line that opens a table).
#[test]
fn unclosed_html_tables_are_linear() {
    assert_repeated_linear("<table> x <b> y\n\n", 4_000);
}

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
// `MappedText::source_range` (then `CleanText`) added `len_utf8(last char) - 1` to an end already
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
    assert_eq!(r.dates[0].sentence_span, span(0, 16, 1, 1));
    assert_eq!(r.dates[0].span, span(0, 13, 1, 1));
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
    // The date itself (issue 9, item 8), not its sentence.
    assert_eq!(d.span, Some(span(8, 22, 1, 1)));
}

// ---------------------------------------------------------------------------
// A bullet alone on its line was held for the next line, and a second lone
// bullet replaced the first, so the first line was in no block. Fixed by
// `BlockKind::Marker`.

#[test]
fn consecutive_lone_bullets_each_belong_to_a_block() {
    for text in ["•\n•", "-\n-\n", "▪\n\n▪\nTekst"] {
        let blocks = fou::internals::split_blocks(text, fou::Format::Plain);
        let index = fou::LineIndex::new(text);
        let covered = |line: usize| {
            blocks.iter().any(|b| {
                let (first, last) = b.lines(&index);
                first <= line && line <= last
            })
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

// ---------------------------------------------------------------------------
// Issue 9, item 1: one byte that is not valid UTF-8 turned the whole file
// into Windows-1252: every æ/ø/å became mojibake, stated counts dropped from
// 16 to 11 on the 2020 report, spans indexed a re-encoded text, no
// diagnostic.

#[test]
fn one_stray_byte_in_utf8_is_replaced_not_the_whole_file_reread() {
    let bytes = b"FoU-rapport 2020\n\nForord\n\nBl\xc3\xa5b\xc3\xa6r.\xff\n";
    let r = fou::parse_bytes(bytes).unwrap();
    assert_eq!(r.source.encoding, "utf-8");
    assert_eq!(r.source.replaced_bytes, 1);
    assert_eq!(
        r.preface.as_ref().map(|p| &*p.text),
        Some("Blåbær.\u{fffd}")
    );
    let d: Vec<&fou::Diagnostic> = r
        .diagnostics
        .iter()
        .filter(|d| d.code == "decode-replaced")
        .collect();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].severity, fou::Severity::Warning);
    assert_eq!(
        d[0].message,
        "byte 0xFF at input offset 35 (line 5) is not valid UTF-8: replaced by U+FFFD"
    );
    assert_eq!(d[0].span, Some(span(35, 38, 5, 5)));
    // Up to the replaced byte, offsets are the input's.
    let src = fou::Source::from_bytes(bytes).unwrap();
    assert_eq!(&src.text().as_bytes()[..35], &bytes[..35]);
    assert_eq!(src.input_offset(35), 35);
    assert_eq!(src.input_offset(38), 36);
}

fn corpus(name: &str) -> Vec<u8> {
    let p = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/corpus")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// The report without `source` and the decoding diagnostics.
fn content(r: &fou::Report) -> serde_json::Value {
    let mut v = serde_json::to_value(r).unwrap();
    let m = v.as_object_mut().unwrap();
    m.remove("source");
    if let Some(serde_json::Value::Array(d)) = m.get_mut("diagnostics") {
        d.retain(|d| d["code"] != "decode-replaced" && d["code"] != "encoding");
    }
    v
}

#[test]
fn a_stray_byte_in_a_real_report_changes_nothing_else() {
    for name in ["fou-2020.txt", "fou-2022.md"] {
        let clean = corpus(name);
        let text = std::str::from_utf8(&clean).unwrap();
        // After the first full stop past the middle: between ASCII bytes.
        let mid = clean.len() / 2;
        let at = mid + text[mid..].find(". ").unwrap() + 1;
        let damaged = [&clean[..at], b"\xff", &clean[at..]].concat();
        let r = fou::parse_bytes(&damaged).unwrap();
        assert_eq!(r.source.encoding, "utf-8", "{name}");
        // The same report, spans included, as the text with a U+FFFD there.
        let replaced = format!("{}\u{fffd}{}", &text[..at], &text[at..]);
        let expected = fou::parse(&replaced).unwrap();
        assert_eq!(content(&r), content(&expected), "{name}");
        assert_eq!(
            r.stated_counts.len(),
            fou::parse(text).unwrap().stated_counts.len(),
            "{name}: stated counts"
        );
        let replaced: Vec<&fou::Diagnostic> = r
            .diagnostics
            .iter()
            .filter(|d| d.code == "decode-replaced")
            .collect();
        assert_eq!(replaced.len(), 1, "{name}");
        assert!(
            replaced[0]
                .message
                .contains(&format!("at input offset {at} ")),
            "{name}: {}",
            replaced[0].message
        );
    }
}

// ---------------------------------------------------------------------------
// Issue 9, item 6: reads had no bound: `fou parse /dev/zero` or `yes | fou
// parse -` grew about 300 MB/s until the machine ran out of memory.

#[test]
fn reading_a_device_stops_at_the_size_limit() {
    let opts = fou::Options::default().with_max_bytes(1 << 20);
    match fou::Source::open("/dev/zero", &opts) {
        Err(fou::Error::TooLarge { limit, size }) => assert_eq!((limit, size), (1 << 20, None)),
        other => panic!("expected TooLarge, got {other:?}"),
    }
    let err = fou::parse_file_with("/dev/zero", &opts).unwrap_err();
    assert!(
        err.to_string()
            .contains("size limit of 1048576 bytes (1 MiB)"),
        "{err}"
    );
}

#[test]
fn a_regular_file_over_the_limit_is_refused_before_it_is_read() {
    let dir = tempfile::Builder::new()
        .prefix("fou-limit-")
        .tempdir()
        .unwrap();
    let f = dir.path().join("r.txt");
    std::fs::write(&f, "FoU-rapport 2020\n").unwrap();
    let small = fou::Options::default().with_max_bytes(16);
    match fou::parse_file_with(&f, &small) {
        Err(fou::Error::TooLarge { limit, size }) => assert_eq!((limit, size), (16, Some(17))),
        other => panic!("expected TooLarge, got {other:?}"),
    }
    let r = fou::parse_file_with(&f, &small.with_max_bytes(17)).unwrap();
    assert_eq!(r.year, Some(2020));
    assert_eq!(r.source.path.as_deref(), f.to_str());
    // Bytes and text in memory obey the same limit.
    let tiny = fou::Options::default().with_max_bytes(3);
    assert!(fou::parse_bytes_with(b"FoU", &tiny).is_ok());
    assert!(fou::parse_bytes_with(b"FoU-", &tiny).is_err());
    assert!(fou::parse_with("FoU-", &tiny).is_err());
    assert_eq!(fou::Options::default().max_bytes, 256 << 20);
}

#[test]
fn a_fifo_is_read_like_a_file() {
    let dir = tempfile::Builder::new()
        .prefix("fou-fifo-")
        .tempdir()
        .unwrap();
    let fifo = dir.path().join("report.fifo");
    // mkfifo is part of coreutils: its absence is a broken machine, not a skip.
    let status = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(
        status.as_ref().is_ok_and(|s| s.success()),
        "mkfifo failed: {status:?}"
    );
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::write(fifo, "FoU-rapport 2019\n\nForord\n\nHei.\n"))
    };
    let r = fou::parse_file(&fifo).unwrap();
    writer.join().unwrap().unwrap();
    assert_eq!(r.year, Some(2019));
    // A FIFO that gives more than the limit is cut there.
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::write(fifo, "x".repeat(5000)))
    };
    let opts = fou::Options::default().with_max_bytes(1000);
    let err = fou::parse_file_with(&fifo, &opts).unwrap_err();
    assert!(
        matches!(err, fou::Error::TooLarge { size: None, .. }),
        "{err}"
    );
    drop(writer.join()); // the writer gets a broken pipe
}

// ---------------------------------------------------------------------------
// Issue 9, item 8: a date's span covered its whole sentence (median 145 bytes
// for an 11-byte date), and dates in one sentence shared one span.

#[test]
fn each_date_in_a_sentence_has_its_own_span() {
    let text = "Prosjektet gikk fra 16. mars til 24. april 2020, og rapporten kom 1.juli.";
    let r = fou::parse(text).unwrap();
    let found: Vec<(&str, &str, Span)> = r
        .dates
        .iter()
        .map(|d| (&*d.text, &text[d.span.start..d.span.end], d.span))
        .collect();
    assert_eq!(
        found,
        [
            ("16. mars", "16. mars", span(20, 28, 1, 1)),
            ("24. april 2020", "24. april 2020", span(33, 47, 1, 1)),
            ("1.juli", "1.juli", span(66, 72, 1, 1)),
        ]
    );
    // The sentence is still there, shared: it gave `16. mars` its year.
    assert!(r.dates.iter().all(|d| d.sentence_span == span(0, 73, 1, 1)));
    assert_eq!(r.dates[0].date.to_string(), "2020-03-16");
}

#[test]
fn a_date_span_points_into_markup_and_across_a_wrapped_line() {
    // Markdown: the date inside bold markup; the span is the date, not `**`.
    let text = "# FoU-rapport 2020\n\nVi startet **30. mars 2020** med to prosjekter.\n";
    let r = fou::parse(text).unwrap();
    let d = &r.dates[0];
    assert_eq!(&text[d.span.start..d.span.end], "30. mars 2020");
    assert_eq!((d.span.line_start, d.span.line_end), (3, 3));
    // Plain text wrapped inside the date: the span runs over both lines.
    let text = "Forord\n\nProsjektet ble avsluttet 30.\nmars 2021 etter planen.\n";
    let r = fou::parse(text).unwrap();
    let d = &r.dates[0];
    assert_eq!(d.text, "30. mars 2021");
    assert_eq!(&text[d.span.start..d.span.end], "30.\nmars 2021");
    assert_eq!((d.span.line_start, d.span.line_end), (3, 4));
    assert_eq!(
        &text[d.sentence_span.start..d.sentence_span.end],
        "Prosjektet ble avsluttet 30.\nmars 2021 etter planen."
    );
}

#[test]
fn dates_in_the_real_reports_span_just_their_text() {
    for name in ["fou-2020.txt", "fou-2022.md"] {
        let bytes = corpus(name);
        let text = std::str::from_utf8(&bytes).unwrap();
        let r = fou::parse(text).unwrap();
        assert!(!r.dates.is_empty(), "{name}: no dates");
        for d in &r.dates {
            let written = &text[d.span.start..d.span.end];
            let squeezed: Vec<&str> = written.split_whitespace().collect();
            assert_eq!(squeezed.join(" "), d.text, "{name}: {d:?}");
            let (s, e) = (d.sentence_span.start, d.sentence_span.end);
            assert!(s <= d.span.start && d.span.end <= e, "{name}: {d:?}");
        }
        let mut spans: Vec<Span> = r.dates.iter().map(|d| d.span).collect();
        spans.dedup();
        assert_eq!(spans.len(), r.dates.len(), "{name}: dates share a span");
    }
}

// Found by the property test `report_like_text` and the `parse` fuzz target
// (2026-12-02): a bullet glyph alone on its line between two pieces of a
// list run together (`•` followed by a control character that cleaning
// drops, so the line read as text and the block was split at ` • `) fell
// between the pieces: the first ended before the glyph's line, the next
// started after it, and the line was in no block. The next piece now starts
// on the line after the first line end, the glyph's line included.
#[test]
fn a_glyph_line_between_split_items_belongs_to_the_next() {
    for end in ["\n", "\u{2028}", "\r\n"] {
        let text = format!("- Arbeid, Fjellby forskning (2015-2016)\n•\0{end}«");
        for format in [fou::Format::Markdown, fou::Format::Plain] {
            let blocks = fou::internals::split_blocks(&text, format);
            fou::internals::oracle::check_blocks(&text, &blocks)
                .unwrap_or_else(|e| panic!("{text:?} {format:?}: {e}"));
        }
    }
}

// Found by the property tests with more cases (2026-12-02): `og - - Arbeid`
// gave two overlapping ` - ` separators, and cutting the text between them
// panicked (`begin > end`). Separators of a run-together list never overlap.
#[test]
fn a_doubled_dash_between_spaces_does_not_panic() {
    for text in [
        "Arbeid. Stipendiat Ola Nordmann, NTNU\nog - - Arbeid\nOla Nordmann (2015): *Arbeid*, Arbeid",
        "Publikasjoner\n\nDet ble publisert 12 artikler:\n\n- Ola Nordmann (2015): *Arbeid*, NAV\n<b>og - - Arbeid</b>",
        "a - - - b - - c",
    ] {
        for format in [fou::Format::Markdown, fou::Format::Plain] {
            let blocks = fou::internals::split_blocks(text, format);
            fou::internals::oracle::check_blocks(text, &blocks)
                .unwrap_or_else(|e| panic!("{text:?} {format:?}: {e}"));
            assert!(fou::parse(text).is_ok());
        }
    }
}

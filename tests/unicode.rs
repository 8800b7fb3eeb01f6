//! Unicode variants of the same text give the same report (issue 9, item 2).
//!
//! PDF and web converters write line separators, zero-width characters,
//! directional marks, soft hyphens, Unicode spaces and decomposed letters
//! (NFD) where a report has none of them. The parser reads them as line
//! ends, nothing, spaces and composed letters, so the items stay the same,
//! and every span still indexes the text it was given.
//!
//! A report is compared without its byte offsets (which move with the
//! characters) but with its line numbers and every string, in NFC.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use fou::lexicon::{INVISIBLE_CHARS, LINE_SEPARATORS, SPACE_CHARS};
use fou::{Report, Span};
use proptest::prelude::*;
use proptest::test_runner::Config;
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

fn corpus(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/corpus")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

const REPORTS: [&str; 2] = ["fou-2020.txt", "fou-2022.md"];

/// The report as JSON without `source` and without byte offsets; strings in
/// NFC. Line numbers stay.
fn shape(r: &Report) -> Value {
    fn walk(v: &mut Value) {
        match v {
            Value::Object(m) => {
                if m.contains_key("line_start") {
                    m.remove("start");
                    m.remove("end");
                }
                m.values_mut().for_each(walk);
            }
            Value::Array(a) => a.iter_mut().for_each(walk),
            Value::String(s) => *s = s.nfc().collect(),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(r).unwrap();
    if let Some(m) = v.as_object_mut() {
        m.remove("source");
    }
    walk(&mut v);
    v
}

/// The first difference between two shapes, as a path and both values.
fn first_difference(a: &Value, b: &Value, path: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, v) in x {
                let w = y.get(k).unwrap_or(&Value::Null);
                if let Some(d) = first_difference(v, w, &format!("{path}.{k}")) {
                    return Some(d);
                }
            }
            y.keys()
                .find(|k| !x.contains_key(*k))
                .map(|k| format!("{path}.{k}: missing on the left"))
        }
        (Value::Array(x), Value::Array(y)) => {
            for (i, (v, w)) in x.iter().zip(y).enumerate() {
                if let Some(d) = first_difference(v, w, &format!("{path}[{i}]")) {
                    return Some(d);
                }
            }
            (x.len() != y.len()).then(|| format!("{path}: {} vs {} items", x.len(), y.len()))
        }
        _ => (a != b).then(|| format!("{path}: {a} vs {b}")),
    }
}

fn assert_same(name: &str, variant: &str, want: &Value, got: &Report) {
    if let Some(d) = first_difference(want, &shape(got), "") {
        panic!("{name} {variant}: {d}");
    }
}

// ---------------------------------------------------------------------------
// Line ends.

/// NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR end lines: a report written
/// with them instead of `\n` reads the same, line numbers included.
#[test]
fn unicode_line_ends_read_as_line_ends() {
    for name in REPORTS {
        let text = corpus(name);
        let want = shape(&fou::parse(&text).unwrap());
        for sep in ["\u{2028}", "\u{2029}", "\u{85}"] {
            let variant = text.replace('\n', sep);
            let r = fou::parse(&variant).unwrap();
            assert_eq!(r.source.lines, text.lines().count(), "{name} {sep:?}");
            assert_same(name, &format!("with {sep:?} line ends"), &want, &r);
        }
    }
}

// ---------------------------------------------------------------------------
// Spans: a span of the variant holds what the same span of the original
// holds, once both are read the same way.

/// Every span of a report, in report order.
fn spans(r: &Report) -> Vec<(String, Span)> {
    let mut out = Vec::new();
    let mut add = |kind: &str, list: Vec<Span>| {
        out.extend(
            list.into_iter()
                .enumerate()
                .map(|(i, s)| (format!("{kind}[{i}]"), s)),
        );
    };
    add("outline", r.outline.iter().map(|x| x.span).collect());
    add("projects", r.projects.iter().map(|x| x.span).collect());
    add("portfolio", r.portfolio.iter().map(|x| x.span).collect());
    add("analyses", r.analyses.iter().map(|x| x.span).collect());
    add(
        "publications",
        r.publications.iter().map(|x| x.span).collect(),
    );
    add("phd", r.phd.iter().map(|x| x.span).collect());
    add("vendors", r.vendors.iter().map(|x| x.span).collect());
    add(
        "stated_counts",
        r.stated_counts.iter().map(|x| x.span).collect(),
    );
    add("dates", r.dates.iter().map(|x| x.span).collect());
    add(
        "sentences",
        r.dates.iter().map(|x| x.sentence_span).collect(),
    );
    add(
        "diagnostics",
        r.diagnostics.iter().filter_map(|x| x.span).collect(),
    );
    out
}

/// A text as the parser reads it, for comparing span texts: invisible
/// characters out, Unicode spaces as spaces, Unicode line ends as `\n`, NFC.
fn read_as_parser(s: &str) -> String {
    s.chars()
        .filter(|c| !INVISIBLE_CHARS.contains(c))
        .map(|c| match c {
            c if SPACE_CHARS.contains(&c) => ' ',
            c if LINE_SEPARATORS.contains(&c) => '\n',
            c => c,
        })
        .nfc()
        .collect()
}

/// Each span of `variant`'s report covers the text the same span of
/// `original`'s report covers (both read as the parser reads them).
fn check_spans(original: &str, want: &Report, variant: &str, got: &Report) -> Result<(), String> {
    let (a, b) = (spans(want), spans(got));
    if a.len() != b.len() {
        return Err(format!("{} spans vs {}", a.len(), b.len()));
    }
    for ((name, s), (_, t)) in a.iter().zip(&b) {
        let Some(v) = variant.get(t.start..t.end) else {
            return Err(format!("{name}: {t:?} is not a range of the variant"));
        };
        let o = &original[s.start..s.end];
        if read_as_parser(v) != read_as_parser(o) {
            return Err(format!("{name}: {v:?} where the original has {o:?}"));
        }
    }
    Ok(())
}

fn assert_same_report(name: &str, what: &str, original: &str, variant: &str) {
    let want = fou::parse(original).unwrap();
    let got = fou::parse(variant).unwrap();
    assert_same(name, what, &shape(&want), &got);
    if let Err(e) = check_spans(original, &want, variant, &got) {
        panic!("{name} {what}: {e}");
    }
}

// ---------------------------------------------------------------------------
// The reproducers of issue 9, item 2, on the real reports. On the `main` of
// the issue: a ZWSP before each line lost the portfolio, analyses and
// publications; an RLM before `Prosjekttittel:` every project; NBSP spaces
// the portfolio and publications; NFD text stated counts, with titles in NFD.

#[test]
fn zero_width_space_at_the_start_of_each_line() {
    for name in REPORTS {
        let text = corpus(name);
        let variant: String = text
            .split_inclusive('\n')
            .map(|l| format!("\u{200b}{l}"))
            .collect();
        assert_same_report(name, "with a ZWSP before each line", &text, &variant);
    }
}

#[test]
fn right_to_left_mark_before_each_label() {
    let text = corpus("fou-2020.txt");
    assert!(text.contains("Prosjekttittel:"));
    let variant = text.replace("Prosjekttittel:", "\u{200f}Prosjekttittel:");
    assert_same_report(
        "fou-2020.txt",
        "with an RLM before each label",
        &text,
        &variant,
    );
    assert_eq!(fou::parse(&variant).unwrap().projects.len(), 16);
}

#[test]
fn every_space_a_no_break_space() {
    for name in REPORTS {
        let text = corpus(name);
        let variant = text.replace(' ', "\u{a0}");
        assert_same_report(name, "with NBSP spaces", &text, &variant);
    }
}

#[test]
fn decomposed_text_reads_and_prints_composed() {
    for name in REPORTS {
        let text = corpus(name);
        let variant: String = text.nfd().collect();
        assert_ne!(variant, text);
        assert_same_report(name, "in NFD", &text, &variant);
        // The strings are NFC as they come, not only after folding.
        let r = fou::parse(&variant).unwrap();
        let strings = serde_json::to_string(&r).unwrap();
        assert!(
            unicode_normalization::is_nfc(&strings),
            "{name}: output not in NFC"
        );
    }
}

#[test]
fn soft_hyphens_inside_words() {
    for name in REPORTS {
        let text = corpus(name);
        // A soft hyphen after every fourth letter of every word of 8 letters or more.
        let mut variant = String::new();
        for word in text.split_inclusive(|c: char| !c.is_alphabetic()) {
            let long = word.chars().filter(|c| c.is_alphabetic()).count() >= 8;
            for (i, c) in word.chars().enumerate() {
                if long && i > 0 && i % 4 == 0 && c.is_alphabetic() {
                    variant.push('\u{ad}');
                }
                variant.push(c);
            }
        }
        assert!(variant.matches('\u{ad}').count() > 1000, "{name}");
        assert_same_report(name, "with soft hyphens", &text, &variant);
    }
}

/// The reproducers on a sample of our own, with the exact spans.
#[test]
fn sample_in_every_variant_gives_the_same_items_and_exact_spans() {
    let text = "FoU-rapport 2021\n\nBidragsfinansierte prosjekter avsluttet i 2021\n\n\
        Prosjekttittel: Tidlig innsats for unge\nForskningsinstitusjon: NTNU og UiO\n\n\
        Prosjektet startet 1. mars 2019.\n\nBidragsfinansierte prosjekter\n\n\
        Ved utgangen av 2021 hadde vi 2 pågående bidragsfinansierte prosjekter.\n\n\
        Arbeid og helse\n\n- Jobb og helse i nord, Nordlandsforskning (2020-2022)\n\
        - Sjøfolk på land, NTNU og UiO (2021-2023)\n";
    let r = fou::parse(text).unwrap();
    assert_eq!((r.projects.len(), r.portfolio.len()), (1, 2));
    let variants = [
        (
            "ZWSP per line",
            text.split_inclusive('\n')
                .map(|l| format!("\u{200b}{l}"))
                .collect(),
        ),
        (
            "RLM before labels",
            text.replace("Prosjekttittel:", "\u{200f}Prosjekttittel:"),
        ),
        ("NBSP", text.replace(' ', "\u{a0}")),
        ("NFD", text.nfd().collect()),
        (
            "soft hyphens",
            text.replace("prosjekter", "pro\u{ad}sjek\u{ad}ter"),
        ),
        (
            "LRI … PDI",
            text.replace(
                "Jobb og helse i nord",
                "\u{2066}Jobb og helse i nord\u{2069}",
            ),
        ),
        ("thin spaces", text.replace(' ', "\u{2009}")),
        ("PS line ends", text.replace('\n', "\u{2029}")),
    ];
    for (what, variant) in variants {
        assert_same_report("sample", what, text, &variant);
        let v = fou::parse(&variant).unwrap();
        assert_eq!(v.portfolio[1].title, "Sjøfolk på land", "{what}");
        let s = v.portfolio[1].span;
        assert_eq!(
            read_as_parser(&variant[s.start..s.end]),
            "- Sjøfolk på land, NTNU og UiO (2021-2023)",
            "{what}"
        );
        let d = &v.dates[0];
        assert_eq!(
            read_as_parser(&variant[d.span.start..d.span.end]),
            "1. mars 2019",
            "{what}"
        );
    }
}

// ---------------------------------------------------------------------------
// The property: any of these characters anywhere, any space a Unicode space,
// any line end a Unicode one, the text in NFD — the same report.

fn config() -> Config {
    // A real report per case: few cases, so debug builds stay fast.
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(16);
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

/// Insert `chars[k]` before the `at`-th character of `text` for each `(at, k)`.
fn insert(
    text: &str,
    edits: &[(prop::sample::Index, prop::sample::Index)],
    chars: &[char],
) -> String {
    let n = text.chars().count();
    let mut at: Vec<(usize, char)> = edits
        .iter()
        .map(|(i, k)| (i.index(n + 1), chars[k.index(chars.len())]))
        .collect();
    at.sort_by_key(|&(i, _)| i);
    let mut out = String::with_capacity(text.len() + 3 * at.len());
    let mut next = at.iter().peekable();
    for (i, c) in text.chars().chain(std::iter::once('\0')).enumerate() {
        while let Some(&&(_, ins)) = next.peek().filter(|&&&(j, _)| j == i) {
            out.push(ins);
            next.next();
        }
        if i < n {
            out.push(c);
        }
    }
    out
}

/// Replace each `from` character of `text` by one of `to`, chosen by `pick`
/// (an index per occurrence, cycled; `None` keeps it).
fn replace_some(
    text: &str,
    from: char,
    to: &[char],
    pick: &[Option<prop::sample::Index>],
) -> String {
    let mut k = 0;
    text.chars()
        .map(|c| {
            if c != from || pick.is_empty() {
                return c;
            }
            let choice = pick[k % pick.len()];
            k += 1;
            choice.map_or(c, |i| to[i.index(to.len())])
        })
        .collect()
}

proptest! {
    #![proptest_config(config())]

    /// Invisible characters (zero-width, directional, soft hyphen, BOM)
    /// inserted anywhere in a real report change no item, line or string.
    #[test]
    fn invisible_characters_anywhere_change_nothing(
        report in 0..REPORTS.len(),
        edits in prop::collection::vec(
            (any::<prop::sample::Index>(), any::<prop::sample::Index>()),
            1..200,
        ),
    ) {
        let name = REPORTS[report];
        let text = corpus(name);
        let variant = insert(&text, &edits, INVISIBLE_CHARS);
        let want = fou::parse(&text).unwrap();
        let got = fou::parse(&variant).unwrap();
        if let Some(d) = first_difference(&shape(&want), &shape(&got), "") {
            prop_assert!(false, "{name}: {d}");
        }
        if let Err(e) = check_spans(&text, &want, &variant, &got) {
            prop_assert!(false, "{name}: {e}");
        }
    }

    /// Spaces as any Unicode space, line ends as NEL/U+2028/U+2029, maybe
    /// the whole text in NFD: the same report.
    #[test]
    fn unicode_spaces_line_ends_and_nfd_change_nothing(
        report in 0..REPORTS.len(),
        spaces in prop::collection::vec(prop::option::of(any::<prop::sample::Index>()), 0..40),
        ends in prop::collection::vec(prop::option::of(any::<prop::sample::Index>()), 0..40),
        nfd in any::<bool>(),
    ) {
        let name = REPORTS[report];
        let text = corpus(name);
        let variant = replace_some(&text, ' ', SPACE_CHARS, &spaces);
        let variant = replace_some(&variant, '\n', LINE_SEPARATORS, &ends);
        let variant: String = if nfd { variant.nfd().collect() } else { variant };
        let want = fou::parse(&text).unwrap();
        let got = fou::parse(&variant).unwrap();
        if let Some(d) = first_difference(&shape(&want), &shape(&got), "") {
            prop_assert!(false, "{name} (nfd: {nfd}): {d}");
        }
        if let Err(e) = check_spans(&text, &want, &variant, &got) {
            prop_assert!(false, "{name} (nfd: {nfd}): {e}");
        }
    }
}

#[test]
fn the_helpers_do_what_they_say() {
    use prop::sample::Index;
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let idx = |runner: &mut TestRunner| any::<Index>().new_tree(runner).unwrap().current();
    let edits: Vec<(Index, Index)> = (0..50)
        .map(|_| (idx(&mut runner), idx(&mut runner)))
        .collect();
    let v = insert("abc", &edits, &['\u{200b}']);
    assert_eq!(v.matches('\u{200b}').count(), 50);
    assert_eq!(v.replace('\u{200b}', ""), "abc");
    let picks = vec![Some(idx(&mut runner)), None];
    let v = replace_some("a b c d", ' ', &['\u{a0}'], &picks);
    assert_eq!(v, "a\u{a0}b c\u{a0}d");
    assert_eq!(read_as_parser("A\u{30a}\u{200b}\u{2009}x\u{2028}"), "Å x\n");
    // The comparison sees a difference in a line number.
    let a = serde_json::json!({"x": [{"line_start": 1, "start": 5}]});
    let b = serde_json::json!({"x": [{"line_start": 2, "start": 5}]});
    assert!(first_difference(&a, &b, "").is_some());
}

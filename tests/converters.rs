//! Real converters (issue 10, item 1): the invented sample reports in
//! `fixtures/renderings/samples/` as today's PDF, Word and web converters give
//! them, each scored against the sample's own hand-checked expected JSON
//! (`samples/<name>.expected.json`), not against fou's parse of the sample.
//!
//! `scripts/render-fixtures.sh` makes `fixtures/renderings/<name>/<tool>.{txt,md}`
//! from each sample: .docx by pandoc, PDF by LibreOffice, then pdftotext
//! (default, `-layout`, `-raw`), pymupdf4llm, markitdown (PDF and .docx),
//! docling (native PDF pipeline and .docx), pandoc from the .docx (Markdown and
//! plain), and w3m / lynx dumps of pandoc's HTML. See the README there.
//!
//! Every fixture is parsed and scored with `fou_tests::score` (entity F1 over
//! projects, portfolio, analyses, publications, PhD projects, vendors and
//! stated counts; field accuracy on the matched items). The whole table and
//! every miss are printed (`cargo test -p fou-tests --test converters --
//! --nocapture`). The clean samples must score 1.000; each rendering must
//! reach its floor in [`FLOORS`].

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use fou_tests::{Score, score};
use serde_json::Value;

/// The samples, each rendered into `fixtures/renderings/<stem>/`.
const SAMPLES: [&str; 4] = [
    "labelled-2019.txt",
    "bold-2024.md",
    "headings-2018.md",
    "tables-2025.md",
];

/// The files every sample's rendering directory holds, one per tool.
const TOOLS: [&str; 13] = [
    "pdftotext.txt",
    "pdftotext-layout.txt",
    "pdftotext-raw.txt",
    "pymupdf4llm.md",
    "markitdown-pdf.md",
    "docling-pdf.md",
    "markitdown-docx.md",
    "docling-docx.md",
    "pandoc-docx-markdown.md",
    "pandoc-docx-plain.txt",
    "pandoc-docx-commonmark.md",
    "w3m.txt",
    "lynx.txt",
];

/// The floors: `(sample stem, tool file, entity F1, field accuracy)` as
/// measured when the fixtures were made, rounded down to 0.01. A ratchet: a
/// change that scores lower on any fixture fails here. The goal is
/// F1 ≥ 0.98 and field accuracy ≥ 0.97 on every fixture; raise a floor (never
/// lower one) as each repair lands, until all of them stand at the goal.
const FLOORS: &[(&str, &str, f64, f64)] = &[
    ("labelled-2019", "pdftotext.txt", 1.00, 1.00),
    ("labelled-2019", "pdftotext-layout.txt", 1.00, 1.00),
    ("labelled-2019", "pdftotext-raw.txt", 1.00, 1.00),
    ("labelled-2019", "pymupdf4llm.md", 1.00, 1.00),
    ("labelled-2019", "markitdown-pdf.md", 1.00, 1.00),
    ("labelled-2019", "docling-pdf.md", 1.00, 1.00),
    ("labelled-2019", "markitdown-docx.md", 1.00, 1.00),
    ("labelled-2019", "docling-docx.md", 1.00, 1.00),
    ("labelled-2019", "pandoc-docx-markdown.md", 1.00, 1.00),
    ("labelled-2019", "pandoc-docx-plain.txt", 1.00, 1.00),
    ("labelled-2019", "pandoc-docx-commonmark.md", 1.00, 1.00),
    ("labelled-2019", "w3m.txt", 1.00, 1.00),
    ("labelled-2019", "lynx.txt", 1.00, 1.00),
    ("bold-2024", "pdftotext.txt", 1.00, 1.00),
    ("bold-2024", "pdftotext-layout.txt", 1.00, 1.00),
    ("bold-2024", "pdftotext-raw.txt", 1.00, 1.00),
    ("bold-2024", "pymupdf4llm.md", 1.00, 1.00),
    ("bold-2024", "markitdown-pdf.md", 1.00, 1.00),
    ("bold-2024", "docling-pdf.md", 1.00, 1.00),
    ("bold-2024", "markitdown-docx.md", 1.00, 1.00),
    ("bold-2024", "docling-docx.md", 1.00, 1.00),
    ("bold-2024", "pandoc-docx-markdown.md", 1.00, 1.00),
    ("bold-2024", "pandoc-docx-plain.txt", 1.00, 1.00),
    ("bold-2024", "pandoc-docx-commonmark.md", 1.00, 1.00),
    ("bold-2024", "w3m.txt", 1.00, 1.00),
    ("bold-2024", "lynx.txt", 1.00, 1.00),
    ("headings-2018", "pdftotext.txt", 1.00, 1.00),
    ("headings-2018", "pdftotext-layout.txt", 1.00, 1.00),
    ("headings-2018", "pdftotext-raw.txt", 1.00, 1.00),
    ("headings-2018", "pymupdf4llm.md", 1.00, 1.00),
    ("headings-2018", "markitdown-pdf.md", 1.00, 1.00),
    ("headings-2018", "docling-pdf.md", 1.00, 1.00),
    ("headings-2018", "markitdown-docx.md", 1.00, 1.00),
    ("headings-2018", "docling-docx.md", 1.00, 1.00),
    ("headings-2018", "pandoc-docx-markdown.md", 1.00, 1.00),
    ("headings-2018", "pandoc-docx-plain.txt", 1.00, 1.00),
    ("headings-2018", "pandoc-docx-commonmark.md", 1.00, 1.00),
    ("headings-2018", "w3m.txt", 1.00, 1.00),
    ("headings-2018", "lynx.txt", 1.00, 1.00),
    ("tables-2025", "pdftotext.txt", 0.83, 1.00),
    ("tables-2025", "pdftotext-layout.txt", 1.00, 1.00),
    ("tables-2025", "pdftotext-raw.txt", 0.83, 1.00),
    ("tables-2025", "pymupdf4llm.md", 1.00, 1.00),
    ("tables-2025", "markitdown-pdf.md", 0.83, 1.00),
    ("tables-2025", "docling-pdf.md", 0.83, 1.00),
    ("tables-2025", "markitdown-docx.md", 1.00, 1.00),
    ("tables-2025", "docling-docx.md", 1.00, 1.00),
    ("tables-2025", "pandoc-docx-markdown.md", 1.00, 1.00),
    ("tables-2025", "pandoc-docx-plain.txt", 1.00, 1.00),
    ("tables-2025", "pandoc-docx-commonmark.md", 1.00, 1.00),
    ("tables-2025", "w3m.txt", 1.00, 1.00),
    ("tables-2025", "lynx.txt", 0.83, 1.00),
];

/// The goal for every fixture.
const GOAL: (f64, f64) = (0.98, 0.97);

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/renderings")
}

fn stem(sample: &str) -> &str {
    sample.rsplit_once('.').map_or(sample, |(s, _)| s)
}

fn expected(sample: &str) -> Value {
    let path = fixtures_dir()
        .join("samples")
        .join(format!("{}.expected.json", stem(sample)));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn parse(path: &Path) -> Value {
    let report = fou::parse_file(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::to_value(&report).unwrap()
}

fn floor(sample: &str, tool: &str) -> Option<(f64, f64)> {
    FLOORS
        .iter()
        .find(|(s, t, _, _)| *s == stem(sample) && *t == tool)
        .map(|&(_, _, f1, fields)| (f1, fields))
}

struct Row {
    sample: String,
    tool: String,
    score: Score,
}

fn print_table(rows: &[Row]) {
    println!(
        "\n{:<16} {:<24} {:>6} {:>4} {:>4} {:>4} {:>7} {:>6}  {:>11}",
        "sample", "tool", "F1", "tp", "fn", "fp", "fields", "misses", "floor"
    );
    for r in rows {
        let s = &r.score;
        let fl = floor(&r.sample, &r.tool)
            .map_or_else(|| "-".to_owned(), |(a, b)| format!("{a:.2}/{b:.2}"));
        println!(
            "{:<16} {:<24} {:>6.3} {:>4} {:>4} {:>4} {:>7.3} {:>6}  {:>11}",
            stem(&r.sample),
            r.tool,
            s.f1(),
            s.true_pos,
            s.false_neg,
            s.false_pos,
            s.field_accuracy(),
            s.misses.len(),
            fl
        );
    }
    for r in rows.iter().filter(|r| !r.score.misses.is_empty()) {
        println!(
            "\n{}/{} ({} misses):",
            stem(&r.sample),
            r.tool,
            r.score.misses.len()
        );
        for m in &r.score.misses {
            println!("  - {m}");
        }
    }
}

/// The clean samples are what the expected JSON describes: 1.000 on both figures.
#[test]
fn clean_samples_match_their_expected_json() {
    let mut rows = Vec::new();
    for sample in SAMPLES {
        let found = parse(&fixtures_dir().join("samples").join(sample));
        rows.push(Row {
            sample: sample.to_owned(),
            tool: "(clean sample)".to_owned(),
            score: score(&found, &expected(sample)),
        });
    }
    print_table(&rows);
    let bad: Vec<String> = rows
        .iter()
        .filter(|r| !r.score.misses.is_empty())
        .map(|r| format!("{} ({} misses)", r.sample, r.score.misses.len()))
        .collect();
    assert!(
        bad.is_empty(),
        "clean samples differ from their expected JSON: {}; see the list above",
        bad.join(", ")
    );
}

/// Every converter's output of every sample, against the sample's expected JSON.
#[test]
fn converter_renderings_hold_their_floors() {
    let mut rows = Vec::new();
    let mut missing = Vec::new();
    for sample in SAMPLES {
        let gold = expected(sample);
        let dir = fixtures_dir().join(stem(sample));
        for tool in TOOLS {
            let path = dir.join(tool);
            if !path.is_file() {
                missing.push(format!("{}/{tool}", stem(sample)));
                continue;
            }
            rows.push(Row {
                sample: sample.to_owned(),
                tool: tool.to_owned(),
                score: score(&parse(&path), &gold),
            });
        }
    }
    print_table(&rows);
    let at_goal = rows
        .iter()
        .filter(|r| r.score.f1() >= GOAL.0 && r.score.field_accuracy() >= GOAL.1)
        .count();
    println!(
        "\n{at_goal} of {} fixtures at the goal (F1 ≥ {}, fields ≥ {})",
        rows.len(),
        GOAL.0,
        GOAL.1
    );
    assert!(
        missing.is_empty(),
        "fixtures missing (run scripts/render-fixtures.sh): {}",
        missing.join(", ")
    );
    let mut below = Vec::new();
    for r in &rows {
        let (f1, fields) = (r.score.f1(), r.score.field_accuracy());
        match floor(&r.sample, &r.tool) {
            None => below.push(format!("{}/{}: no floor recorded", stem(&r.sample), r.tool)),
            Some((min_f1, min_fields)) => {
                // A hair of slack for the float rounding of the recorded figure.
                if f1 + 1e-9 < min_f1 || fields + 1e-9 < min_fields {
                    below.push(format!(
                        "{}/{}: F1 {f1:.3} (floor {min_f1:.2}), fields {fields:.3} (floor {min_fields:.2})",
                        stem(&r.sample),
                        r.tool
                    ));
                } else if f1 >= min_f1 + 0.01 || fields >= min_fields + 0.01 {
                    println!(
                        "note: {}/{} is above its floor (F1 {f1:.3}, fields {fields:.3}): raise it",
                        stem(&r.sample),
                        r.tool
                    );
                }
            }
        }
    }
    assert!(
        below.is_empty(),
        "renderings below their floors:\n{}\nsee the table above",
        below.join("\n")
    );
}

/// Every floor names a fixture that exists, and none is set above 1.
#[test]
fn floors_name_real_fixtures() {
    for &(sample, tool, f1, fields) in FLOORS {
        assert!(
            SAMPLES.iter().any(|s| stem(s) == sample) && TOOLS.contains(&tool),
            "floor for an unknown fixture {sample}/{tool}"
        );
        assert!(
            (0.0..=1.0).contains(&f1) && (0.0..=1.0).contains(&fields),
            "{sample}/{tool}: floors are fractions"
        );
    }
}

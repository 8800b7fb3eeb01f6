//! Renderings: the same report as people actually receive it.
//!
//! `scripts/render-fixtures.sh` renders each sample in `examples/data/` into
//! `fixtures/renderings/<sample>/` (text from a LibreOffice PDF via pdftotext,
//! pandoc's Markdown, GFM and plain writers, Writer's "save as text", CRLF,
//! BOM, Windows-1252, a run-together table of contents; see the README there).
//! Each rendering is parsed and its projects, portfolio, analyses,
//! publications, PhD projects and vendors are compared with the parse of the
//! sample itself, which plays the gold file. Every rendering's figures and
//! misses are printed before the test fails (`cargo test -p fou-tests --test
//! renderings -- --nocapture` shows them on success too).

use std::path::{Path, PathBuf};

use fou_tests::{Score, score_rendering};
use serde_json::Value;

/// Entity F1 every rendering must reach against its source.
const MIN_F1: f64 = 0.97;

fn repo_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn parse(path: &Path) -> Result<Value, String> {
    let report = fou::parse_file(path).map_err(|e| e.to_string())?;
    serde_json::to_value(&report).map_err(|e| e.to_string())
}

struct Row {
    name: String,
    note: String,
    score: Option<Score>,
}

impl Row {
    fn f1(&self) -> f64 {
        self.score.as_ref().map_or(0.0, Score::f1)
    }
}

/// Parse the source sample and all its renderings; print a table and every miss.
fn check_sample(sample: &str) {
    let source_path = repo_dir().join("examples/data").join(sample);
    let stem = sample.rsplit_once('.').map_or(sample, |(s, _)| s);
    let dir = repo_dir().join("tests/fixtures/renderings").join(stem);
    let source = parse(&source_path).unwrap_or_else(|e| panic!("{}: {e}", source_path.display()));

    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e} (run scripts/render-fixtures.sh)", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    assert!(
        paths.len() >= 10,
        "{}: only {} renderings",
        dir.display(),
        paths.len()
    );

    let mut rows = Vec::new();
    for path in &paths {
        let name = format!(
            "{stem}/{}",
            path.file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default()
        );
        match parse(path) {
            Ok(found) => {
                let note = format!(
                    "{}, {}",
                    found["source"]["format"].as_str().unwrap_or("?"),
                    found["source"]["encoding"].as_str().unwrap_or("?")
                );
                let score = score_rendering(&found, &source);
                rows.push(Row {
                    name,
                    note,
                    score: Some(score),
                });
            }
            Err(e) => rows.push(Row {
                name,
                note: format!("error: {e}"),
                score: None,
            }),
        }
    }

    println!("\n{sample}: renderings scored against the parse of the sample");
    println!(
        "  {:<42} {:>6} {:>4} {:>4} {:>4} {:>9}  format, encoding",
        "rendering", "F1", "tp", "fn", "fp", "fields"
    );
    for r in &rows {
        match &r.score {
            Some(s) => println!(
                "  {:<42} {:>6.3} {:>4} {:>4} {:>4} {:>9.3}  {}",
                r.name,
                s.f1(),
                s.true_pos,
                s.false_neg,
                s.false_pos,
                s.field_accuracy(),
                r.note
            ),
            None => println!("  {:<42} {:>6.3}  {}", r.name, 0.0, r.note),
        }
    }
    for r in &rows {
        if let Some(s) = &r.score
            && !s.misses.is_empty()
        {
            println!("\n  {} ({} misses):", r.name, s.misses.len());
            for m in &s.misses {
                println!("    - {m}");
            }
        }
    }

    let failing: Vec<String> = rows
        .iter()
        .filter(|r| r.f1() < MIN_F1)
        .map(|r| format!("{} (F1 {:.3})", r.name, r.f1()))
        .collect();
    assert!(
        failing.is_empty(),
        "{sample}: {} renderings below entity F1 {MIN_F1}: {}; see the table above",
        failing.len(),
        failing.join(", ")
    );
}

#[test]
fn sample_2021_plain_text_renderings_match_the_source() {
    check_sample("sample-2021.txt");
}

#[test]
fn sample_2023_markdown_renderings_match_the_source() {
    check_sample("sample-2023.md");
}

/// The renderings of a sample that copy its bytes: `crlf.*`, `bom.*`,
/// `cp1252.*`, each with the transformation that made it.
fn byte_variants(sample: &str) -> Vec<(String, Vec<u8>)> {
    let text = std::fs::read_to_string(repo_dir().join("examples/data").join(sample))
        .unwrap_or_else(|e| panic!("{sample}: {e}"));
    let ext = sample.rsplit_once('.').map_or("", |(_, e)| e);
    let crlf = text.replace('\n', "\r\n").into_bytes();
    let bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
    let (cp1252, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!unmappable, "{sample} has characters Windows-1252 lacks");
    vec![
        (format!("crlf.{ext}"), crlf),
        (format!("bom.{ext}"), bom),
        (format!("cp1252.{ext}"), cp1252.into_owned()),
    ]
}

/// The fixtures were rendered from the samples as they are now: a sample
/// edited without `scripts/render-fixtures.sh` leaves these copies behind.
#[test]
fn byte_level_renderings_are_the_current_samples() {
    for sample in ["sample-2021.txt", "sample-2023.md"] {
        let stem = sample.rsplit_once('.').map_or(sample, |(s, _)| s);
        for (name, want) in byte_variants(sample) {
            let path = repo_dir()
                .join("tests/fixtures/renderings")
                .join(stem)
                .join(&name);
            let got = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert!(
                got == want,
                "{stem}/{name} is not {sample} as it is now: run scripts/render-fixtures.sh"
            );
        }
    }
}

/// What a count-mismatch says, without where the items were found: `the
/// text states 4 newly granted bidrag projects`.
fn mismatches(path: &Path) -> Vec<String> {
    let report = fou::parse_file(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut v: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "count-mismatch")
        .map(|d| {
            d.message
                .split_once(" (")
                .map_or(d.message.as_str(), |(head, _)| head)
                .to_owned()
        })
        .collect();
    v.sort();
    v
}

/// A rendering keeps the sample's counts and items: `fou check` finds no
/// count-mismatch in it that the sample itself does not have.
#[test]
fn renderings_have_no_count_mismatch_their_sample_lacks() {
    for sample in ["sample-2021.txt", "sample-2023.md"] {
        let stem = sample.rsplit_once('.').map_or(sample, |(s, _)| s);
        let own = mismatches(&repo_dir().join("examples/data").join(sample));
        let dir = repo_dir().join("tests/fixtures/renderings").join(stem);
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .collect();
        paths.sort();
        let mut extra = Vec::new();
        for path in &paths {
            for m in mismatches(path) {
                if !own.contains(&m) {
                    extra.push(format!("{}: {m}", path.display()));
                }
            }
        }
        assert!(
            extra.is_empty(),
            "{sample}: renderings state counts the sample does not:\n{}",
            extra.join("\n")
        );
    }
}

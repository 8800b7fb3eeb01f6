//! The `fou` command line: output contract, schema, exit codes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::process::{Command, Output};

fn fou(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fou"))
        .args(args)
        .output()
        .expect("run fou")
}

fn corpus(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus")
        .join(name)
        .display()
        .to_string()
}

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "fou failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

#[test]
fn parse_prints_the_contract_keys() {
    let v = json(&fou(&["parse", &corpus("fou-2020.txt")]));
    for key in [
        "schema_version",
        "source",
        "year",
        "title",
        "preface",
        "outline",
        "projects",
        "portfolio",
        "analyses",
        "publications",
        "phd",
        "vendors",
        "stated_counts",
        "dates",
        "diagnostics",
    ] {
        assert!(v.get(key).is_some(), "missing key {key}");
    }
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["source"]["format"], "plain");
    assert_eq!(v["source"]["encoding"], "utf-8");
    let span = &v["projects"][0]["span"];
    for k in ["start", "end", "line_start", "line_end"] {
        assert!(span[k].is_u64(), "span.{k}");
    }
    assert!(v["projects"][0]["funding"] == "bidrag");
}

#[test]
fn every_report_validates_against_the_schema() {
    let schema = json(&fou(&["schema"]));
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    for name in ["fou-2020.txt", "fou-2022.md"] {
        let report = json(&fou(&["parse", &corpus(name)]));
        let errors: Vec<String> = validator
            .iter_errors(&report)
            .map(|e| format!("{e} at {}", e.instance_path))
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
    // The schema can fail: a wrong type is rejected.
    let mut bad = json(&fou(&["parse", &corpus("fou-2022.md")]));
    bad["year"] = serde_json::json!("2022");
    assert!(!validator.is_valid(&bad));
}

#[test]
fn ndjson_prints_one_report_per_line() {
    let out = fou(&[
        "parse",
        "--format",
        "ndjson",
        &corpus("fou-2020.txt"),
        &corpus("fou-2022.md"),
    ]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let years: Vec<i64> = text
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["year"]
                .as_i64()
                .unwrap()
        })
        .collect();
    assert_eq!(years, [2020, 2022]);
}

#[test]
fn stdin_is_read_with_a_dash() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_fou"))
        .args(["parse", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("FoU-rapport 2019\n\nForord\n\nHei.\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let v = json(&out);
    assert_eq!(v["year"], 2019);
    assert_eq!(v["source"]["path"], serde_json::Value::Null);
}

#[test]
fn unreadable_input_is_a_one_line_error_with_exit_1() {
    let out = fou(&["parse", "/no/such/file.txt"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("/no/such/file.txt"), "{err}");

    let dir = std::env::temp_dir().join(format!("fou-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bin = dir.join("garbage.bin");
    std::fs::write(&bin, [0u8, 159, 146, 150, 0, 1, 2, 255]).unwrap();
    let out = fou(&["parse", bin.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("garbage.bin"));
    let out = fou(&["parse", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn bad_arguments_exit_2() {
    assert_eq!(fou(&["parse"]).status.code(), Some(2));
    assert_eq!(
        fou(&["parse", "--format", "xml", "x"]).status.code(),
        Some(2)
    );
    assert_eq!(fou(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn explain_accounts_for_every_line() {
    let path = corpus("fou-2022.md");
    let out = fou(&["explain", &path]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let source = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.lines().count(), source.lines().count());
    for (shown, line) in text.lines().zip(source.lines()) {
        let blank = shown.contains(" blank ");
        assert_eq!(blank, line.trim().is_empty(), "{shown}");
    }
    assert!(text.lines().any(|l| l.contains(" project ")));
}

#[test]
fn check_prints_diagnostics_with_a_caret() {
    let out = fou(&["check", &corpus("fou-2020.txt")]);
    assert_eq!(out.status.code(), Some(0), "warnings only");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("warning[count-mismatch]"), "{text}");
    assert!(text.contains("fou-2020.txt:99:"), "{text}");
    assert!(text.contains('^'));
}

/// Every sample, every rendering of it and both real reports.
fn all_fixtures() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in [
        "examples/data",
        "tests/fixtures/renderings/sample-2021",
        "tests/fixtures/renderings/sample-2023",
    ] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "txt" || x == "md") && !p.ends_with("README.md") {
                files.push(p);
            }
        }
    }
    files.push(PathBuf::from(corpus("fou-2020.txt")));
    files.push(PathBuf::from(corpus("fou-2022.md")));
    files.sort();
    assert!(files.len() >= 26, "{files:?}");
    files
}

#[test]
fn explain_and_check_work_on_every_fixture() {
    for path in all_fixtures() {
        let p = path.to_str().unwrap();
        let out = fou(&["explain", p]);
        assert!(
            out.status.success(),
            "explain {p}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let shown = String::from_utf8(out.stdout).unwrap();
        let src = fou::Source::from_bytes(&std::fs::read(&path).unwrap()).unwrap();
        assert_eq!(
            shown.lines().count(),
            src.line_count(),
            "explain {p}: one output line per input line"
        );
        let out = fou(&["check", p]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "check {p}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
}

#[test]
fn check_fails_on_text_that_is_not_a_report() {
    let dir = std::env::temp_dir().join(format!("fou-cli-notreport-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("notes.txt");
    std::fs::write(&f, "handleliste: melk, brød og ost\nring tannlegen\n").unwrap();
    let out = fou(&["check", f.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("error[not-a-report]"), "{text}");
    assert!(text.contains("notes.txt:1:1"), "{text}");
    assert!(text.contains("expected a title"), "{text}");
}

/// Every `description` anywhere in `v`, with its JSON path.
fn descriptions(v: &serde_json::Value, path: &str, out: &mut Vec<(String, String)>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, x) in map {
                if k == "description"
                    && let Some(s) = x.as_str()
                {
                    out.push((path.to_owned(), s.to_owned()));
                }
                descriptions(x, &format!("{path}/{k}"), out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                descriptions(x, &format!("{path}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn schema_descriptions_are_plain_sentences() {
    let schema = json(&fou(&["schema"]));
    let mut all = Vec::new();
    descriptions(&schema, "", &mut all);
    assert!(all.len() > 50, "only {} descriptions", all.len());
    for (path, d) in &all {
        for code in ["```", "fn ", "let ", "assert", "unwrap()", "[`"] {
            assert!(!d.contains(code), "{path}: {code:?} in {d:?}");
        }
        assert_eq!(d.trim(), d, "{path}: untrimmed");
        assert!(!d.is_empty(), "{path}: empty");
    }
    // The doc examples themselves are still there for `cargo doc`.
    let model = include_str!("../../fou/src/model.rs");
    assert!(model.contains("/// let span = fou::Span {"));
}

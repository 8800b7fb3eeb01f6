//! Snapshot tests (insta) that pin what the parser makes of our own texts:
//! the two bundled samples in full (the JSON contract) and every rendering
//! fixture as one line per item. A change of behaviour shows as a reviewable
//! diff in `tests/snapshots/`; accept intended changes with
//! `cargo insta review` (or `INSTA_UPDATE=always cargo test -p fou-tests --test snapshots`).
//! Real reports are not snapshotted here: their text stays in `../shared`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn parse(path: &Path) -> Value {
    let bytes = std::fs::read(path).unwrap();
    let mut report = fou::parse_bytes(&bytes).unwrap();
    report.source.path = None;
    serde_json::to_value(&report).unwrap()
}

/// Long strings shortened, so a snapshot line stays readable.
fn shorten(v: &Value) -> Value {
    match v {
        Value::String(s) if s.chars().count() > 70 => {
            Value::String(s.chars().take(67).chain("…".chars()).collect())
        }
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(k, _)| k.as_str() != "span")
                .map(|(k, v)| (k.clone(), shorten(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(shorten).collect()),
        other => other.clone(),
    }
}

/// One line per item of every list in the report: `kind lines: {fields}`.
fn items_by_line(report: &Value) -> String {
    let mut out = String::new();
    let Value::Object(map) = report else {
        panic!("a report is an object")
    };
    for (key, value) in map {
        let Value::Array(items) = value else { continue };
        for item in items {
            let lines = item
                .get("span")
                .map(|s| format!("{}-{}", s["line_start"], s["line_end"]))
                .unwrap_or_default();
            writeln!(out, "{key} {lines}: {}", shorten(item)).unwrap();
        }
    }
    out
}

#[test]
fn samples_in_full() {
    for name in ["sample-2021.txt", "sample-2023.md"] {
        let report = parse(&repo().join("examples/data").join(name));
        insta::assert_snapshot!(
            format!("sample-{name}"),
            serde_json::to_string_pretty(&report).unwrap()
        );
    }
}

#[test]
fn renderings_item_by_item() {
    let root = repo().join("tests/fixtures/renderings");
    for sample in ["sample-2021", "sample-2023"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(sample))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        assert!(files.len() >= 10, "{sample}: renderings missing");
        for file in files {
            let name = file.file_name().unwrap().to_string_lossy().into_owned();
            insta::assert_snapshot!(format!("{sample}-{name}"), items_by_line(&parse(&file)));
        }
    }
}

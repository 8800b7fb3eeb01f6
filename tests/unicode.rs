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
fn shape(r: &fou::Report) -> Value {
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

fn assert_same(name: &str, variant: &str, want: &Value, got: &fou::Report) {
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

//! Snapshot tests (insta) of `fou explain` on the bundled samples: which
//! block, kind, part, record and theme every line went to. A change in any
//! layer shows as a diff in `tests/snapshots/`; accept intended changes with
//! `cargo insta review`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Command;

fn explain(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/data")
        .join(file);
    let out = Command::new(env!("CARGO_BIN_EXE_fou"))
        .arg("explain")
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn explain_sample_2021() {
    insta::assert_snapshot!(explain("sample-2021.txt"));
}

#[test]
fn explain_sample_2023() {
    insta::assert_snapshot!(explain("sample-2023.md"));
}

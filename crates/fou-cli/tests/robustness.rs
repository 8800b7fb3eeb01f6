//! The command line under adversarial use (issue 9): damaged and endless
//! input, unreadable files among good ones, output that cannot be written,
//! odd file names.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn fou(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fou"))
        .args(args)
        .output()
        .expect("run fou")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn sample(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/data")
        .join(name)
        .display()
        .to_string()
}

/// A directory of this test run.
fn temp_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("fou-cli-robust-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn temp_file(name: &str, contents: &[u8]) -> String {
    let path = temp_dir().join(name);
    std::fs::write(&path, contents).unwrap();
    path.display().to_string()
}

/// The reproducer: a UTF-8 report with one stray byte.
const STRAY: &[u8] = b"FoU-rapport 2020\n\nForord\n\nBl\xc3\xa5b\xc3\xa6r.\xff\n";

// ---------------------------------------------------------------------------
// Decoding (item 1) and the size limit (item 4).

#[test]
fn a_stray_byte_is_a_warning_and_strict_makes_it_an_error() {
    let path = temp_file("stray.txt", STRAY);
    let out = fou(&["parse", &path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["source"]["encoding"], "utf-8");
    assert_eq!(v["source"]["replaced_bytes"], 1);
    assert_eq!(v["preface"]["text"], "Blåbær.\u{fffd}");

    let out = fou(&["check", &path]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("warning[decode-replaced]: byte 0xFF at input offset 35 (line 5)"),
        "{text}"
    );
    assert!(text.contains("stray.txt:5:8"), "{text}");

    for cmd in ["parse", "check", "explain"] {
        let out = fou(&[cmd, "--strict", &path]);
        assert_eq!(out.status.code(), Some(1), "{cmd} --strict");
        assert!(out.stdout.is_empty(), "{cmd} --strict printed output");
        let err = stderr(&out);
        assert!(
            err.contains("stray.txt: input is not valid UTF-8: 1 invalid byte, the first at offset 35 (line 5)"),
            "{cmd}: {err}"
        );
        assert_eq!(err.lines().count(), 1, "{err}");
    }
}

#[test]
fn dev_zero_stops_at_the_default_limit() {
    let out = fou(&["parse", "/dev/zero"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out).trim_end(),
        "fou: /dev/zero: input is larger than the size limit of 268435456 bytes (256 MiB): \
         stopped reading there (--max-bytes raises the limit)"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn max_bytes_bounds_files_and_endless_stdin() {
    let out = fou(&["parse", "--max-bytes", "64K", "/dev/zero"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("size limit of 65536 bytes"),
        "{}",
        stderr(&out)
    );

    // `yes | fou parse -`: an endless stream on standard input.
    let mut child = Command::new(env!("CARGO_BIN_EXE_fou"))
        .args(["parse", "--max-bytes", "1M", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        let line = b"y\n".repeat(4096);
        while stdin.write_all(&line).is_ok() {}
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with(
            "fou: <stdin>: input is larger than the size limit of 1048576 bytes (1 MiB)"
        ),
        "{}",
        stderr(&out)
    );

    // A regular file over the limit is refused with its size.
    let txt = sample("sample-2021.txt");
    let size = std::fs::metadata(&txt).unwrap().len();
    let out = fou(&["parse", "--max-bytes", "1000", &txt]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(&format!("size limit of 1000 bytes: it has {size} bytes")),
        "{}",
        stderr(&out)
    );
    let exact = size.to_string();
    assert_eq!(
        fou(&["parse", "--max-bytes", &exact, &txt]).status.code(),
        Some(0)
    );
    for bad in ["", "12X", "-1", "99999999999G", "1.5M"] {
        assert_eq!(
            fou(&["parse", "--max-bytes", bad, &txt]).status.code(),
            Some(2),
            "--max-bytes {bad:?}"
        );
    }
}

#[test]
fn a_fifo_and_process_substitution_are_read_up_to_the_limit() {
    let txt = sample("sample-2021.txt");
    // bash's <(…) is a pipe under /dev/fd.
    let script =
        format!("\"$0\" parse <(cat '{txt}') && \"$0\" parse --max-bytes 100 <(cat '{txt}')");
    let Ok(out) = Command::new("bash")
        .args(["-c", &script, env!("CARGO_BIN_EXE_fou")])
        .output()
    else {
        eprintln!("bash not available: skipped");
        return;
    };
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["year"], 2021);
    assert!(
        stderr(&out).contains("size limit of 100 bytes: stopped reading there"),
        "{}",
        stderr(&out)
    );
}

//! The command line as a library (`fou_cli::run`): in process it does what
//! the binary does, byte for byte, and the multi-file property the
//! `cli_files` fuzz target checks holds on the cases its seeds start from.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

fn sample(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/data")
        .join(name)
}

/// A directory of one test, removed when the guard drops.
fn temp_dir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("fou-cli-library-")
        .tempdir()
        .unwrap()
}

/// In process: status, standard output, standard error.
fn run(args: &[OsString]) -> (u8, Vec<u8>, Vec<u8>) {
    let argv = std::iter::once(OsString::from("fou")).chain(args.iter().cloned());
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = fou_cli::run(argv, &mut out, &mut err);
    (code, out, err)
}

/// The binary, with standard input closed.
fn binary(args: &[OsString]) -> (u8, Vec<u8>, Vec<u8>) {
    let out = Command::new(env!("CARGO_BIN_EXE_fou"))
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let code = u8::try_from(out.status.code().unwrap()).unwrap();
    (code, out.stdout, out.stderr)
}

/// Good files, a missing one, a directory, binary data and one over the
/// limit, in every order the cases below need; the ones written are in `dir`.
fn files(dir: &Path) -> Vec<PathBuf> {
    let binary = dir.join("binary.txt");
    std::fs::write(&binary, b"\x00\x01\x02\x03\x04\x05\x06\x07binary").unwrap();
    let large = dir.join("large.txt");
    std::fs::write(&large, vec![b'x'; 20_000]).unwrap();
    vec![
        sample("sample-2021.txt"),
        dir.join("missing.txt"),
        sample("sample-2023.md"),
        dir.to_path_buf(),
        binary,
        large,
        sample("sample-2022.txt"),
    ]
}

fn args(head: &[&str], files: &[PathBuf]) -> Vec<OsString> {
    let mut v: Vec<OsString> = head.iter().map(OsString::from).collect();
    v.extend(files.iter().map(|f| f.clone().into_os_string()));
    v
}

#[test]
fn in_process_is_the_binary() {
    let dir = temp_dir();
    let files = files(dir.path());
    let cases: Vec<Vec<OsString>> = vec![
        args(&["parse"], &files[..1]),
        args(&["parse"], &files),
        args(
            &["parse", "--format", "ndjson", "--max-bytes", "16K"],
            &files,
        ),
        args(&["check"], &files),
        args(&["check", "--format", "json", "--severity", "info"], &files),
        args(&["explain"], &files[2..3]),
        args(&["parse"], &files[1..2]),
        args(&["schema"], &[]),
        args(&["parse", "--format", "yaml"], &files[..1]),
        args(&["help", "parse"], &[]),
        args(&["help", "nope"], &[]),
        args(&["parse", "-", "-"], &[]),
        args(&["--version"], &[]),
    ];
    for case in cases {
        assert_eq!(run(&case), binary(&case), "fou {case:?}");
    }
}

#[test]
fn several_files_give_one_report_per_readable_file_and_status_1() {
    let dir = temp_dir();
    let files = files(dir.path());
    let readable = [&files[0], &files[2], &files[6]];
    for format in ["json", "ndjson"] {
        let (code, out, err) = run(&args(
            &["parse", "--max-bytes", "16K", "--format", format],
            &files,
        ));
        assert_eq!(code, 1);
        let err = String::from_utf8(err).unwrap();
        assert_eq!(err.lines().count(), 4, "{err}");
        assert!(err.lines().all(|l| l.starts_with("fou: ")), "{err}");
        let reports: Vec<serde_json::Value> = if format == "json" {
            serde_json::from_slice(&out).unwrap()
        } else {
            let text = String::from_utf8(out).unwrap();
            text.lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect()
        };
        let paths: Vec<&str> = reports
            .iter()
            .map(|r| r["source"]["path"].as_str().unwrap())
            .collect();
        let expected: Vec<String> = readable.iter().map(|f| f.display().to_string()).collect();
        assert_eq!(paths, expected, "{format}");
    }
    let (code, out, _) = run(&args(&["parse"], &[files[0].clone(), files[2].clone()]));
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v.as_array().map(Vec::len), Some(2));
}

/// Files are read and parsed a few at a time on the rayon pool, and written
/// in their order: many files, readable or not, give on a pool of any size
/// what each gives on its own, one after the other (the reports, and the
/// messages for the files that cannot be read).
#[test]
fn many_files_are_written_in_their_order_on_any_pool() {
    let dir = temp_dir();
    let files = files(dir.path());
    let many: Vec<PathBuf> = files
        .iter()
        .cycle()
        .take(3 * files.len())
        .cloned()
        .collect();
    let head = ["parse", "--max-bytes", "16K", "--format", "ndjson"];
    let (mut one_by_one, mut messages) = (Vec::new(), Vec::new());
    for f in &many {
        let (_, out, err) = run(&args(&head, std::slice::from_ref(f)));
        one_by_one.extend(out);
        messages.extend(err);
    }
    assert_eq!(one_by_one.iter().filter(|&&b| b == b'\n').count(), 9);
    // Pretty JSON of several files (made on the pool) is the array of what
    // each file gives alone (written as it is serialised), byte for byte.
    let pretty = ["parse", "--max-bytes", "16K", "--format", "json"];
    let alone: Vec<String> = (many.iter())
        .map(|f| run(&args(&pretty, std::slice::from_ref(f))).1)
        .filter(|out| !out.is_empty())
        .map(|out| String::from_utf8(out).unwrap().trim_end().to_owned())
        .collect();
    let array = format!("[\n{}\n]\n", alone.join(",\n"));
    // `fou check` reads its files so too: the same on every pool as on one
    // thread.
    let check = ["check", "--max-bytes", "16K", "--severity", "info"];
    let mut checked_alone = None;
    for threads in [1, 2, 3, 8] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        let (code, out, err) = pool.install(|| run(&args(&head, &many)));
        assert_eq!(code, 1);
        assert!(out == one_by_one, "{threads} threads");
        assert_eq!(String::from_utf8(err), String::from_utf8(messages.clone()));
        let (_, out, _) = pool.install(|| run(&args(&pretty, &many)));
        assert!(out == array.as_bytes(), "pretty JSON, {threads} threads");
        let checked = pool.install(|| run(&args(&check, &many)));
        assert_eq!(&checked, checked_alone.get_or_insert(checked.clone()));
    }
}

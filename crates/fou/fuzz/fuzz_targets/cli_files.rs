//! The command line's multi-file path, in process (`fou_cli::run`): the input
//! is cut at each byte 0x1E into up to 8 "files", written to a directory of
//! this process. A part that starts with 0x01 is a file that does not exist,
//! 0x02 a directory, 0x03 a file with a name that needs escaping (a newline,
//! a right-to-left override, a byte that is not UTF-8) holding the rest;
//! any other part is a file holding the part. `--max-bytes 1024` makes a
//! longer file unreadable too, as are binary and malformed UTF-16 ones.
//!
//! `fou parse --format json` and `--format ndjson` over all of them must
//! print valid JSON (one object for one file, else an array) or NDJSON with
//! one report per readable file, in order, each naming its file; one line on
//! standard error per unreadable file; exit status 1 exactly when a file was
//! unreadable. `fou check --format json` must print one JSON document whose
//! summary counts the same files.

#![no_main]

use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

const MAX_BYTES: u64 = 1024;
const MAX_FILES: usize = 8;

/// The directory the files are written to (one per process).
fn dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let d = std::env::temp_dir().join(format!("fou-fuzz-cli-{}", std::process::id()));
        std::fs::create_dir_all(&d).expect("create the fuzz directory");
        d
    })
}

/// Write the parts of `data` as files; their paths.
fn files(data: &[u8]) -> Vec<PathBuf> {
    let d = dir();
    data.split(|&b| b == 0x1e)
        .take(MAX_FILES)
        .enumerate()
        .map(|(i, part)| match part.first() {
            Some(0x01) => d.join(format!("missing-{i}.txt")),
            Some(0x02) => {
                let p = d.join(format!("dir-{i}"));
                std::fs::create_dir_all(&p).expect("create a directory");
                p
            }
            Some(0x03) => {
                let mut name = format!("odd-{i}\n\u{202e}txt.").into_bytes();
                name.push(0xff);
                let p = d.join(OsString::from_vec(name));
                std::fs::write(&p, &part[1..]).expect("write a file");
                p
            }
            _ => {
                let p = d.join(format!("file-{i}.txt"));
                std::fs::write(&p, part).expect("write a file");
                p
            }
        })
        .collect()
}

/// `fou ARGS… FILES…`: exit status, standard output and standard error.
fn fou(args: &[&str], files: &[PathBuf]) -> (u8, Vec<u8>, String) {
    let mut argv: Vec<OsString> = ["fou"].iter().chain(args).map(OsString::from).collect();
    argv.extend(files.iter().map(|f| f.clone().into_os_string()));
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = fou_cli::run(argv, &mut out, &mut err);
    let err = String::from_utf8(err).expect("standard error is UTF-8");
    (code, out, err)
}

fn json(bytes: &[u8]) -> serde_json::Value {
    serde_json::from_slice(bytes).unwrap_or_else(|e| {
        panic!("not JSON ({e}): {:?}", String::from_utf8_lossy(bytes))
    })
}

fuzz_target!(|data: &[u8]| {
    let files = files(data);
    let options = fou::Options::default().with_max_bytes(MAX_BYTES);
    let readable: Vec<&PathBuf> = files
        .iter()
        .filter(|f| fou::Source::open(f, &options).is_ok())
        .collect();
    let unreadable = files.len() - readable.len();
    let status = u8::from(unreadable > 0);
    let limit = MAX_BYTES.to_string();

    for format in ["json", "ndjson"] {
        let (code, out, err) = fou(&["parse", "--max-bytes", &limit, "--format", format], &files);
        assert_eq!(code, status, "{format}: status; stderr: {err}");
        assert_eq!(err.lines().count(), unreadable, "{format}: one line per unreadable file: {err}");
        assert!(err.lines().all(|l| l.starts_with("fou: ")), "{err}");
        let reports: Vec<serde_json::Value> = match format {
            "ndjson" => out.split(|&b| b == b'\n').filter(|l| !l.is_empty()).map(json).collect(),
            _ if files.len() > 1 => match json(&out) {
                serde_json::Value::Array(items) => items,
                other => panic!("not an array: {other}"),
            },
            _ if out.is_empty() => Vec::new(),
            _ => vec![json(&out)],
        };
        if format == "ndjson" {
            assert!(out.is_empty() || out.ends_with(b"\n"));
        }
        assert_eq!(reports.len(), readable.len(), "{format}: one report per readable file");
        for (report, file) in reports.iter().zip(&readable) {
            assert_eq!(report["schema_version"], 1);
            assert_eq!(report["source"]["path"], file.display().to_string().as_str());
        }
    }

    let (code, out, err) = fou(&["check", "--max-bytes", &limit, "--format", "json"], &files);
    assert!(code <= 1, "check: status {code}; stderr: {err}");
    assert!(code == 1 || unreadable == 0);
    assert_eq!(err.lines().count(), unreadable, "check: {err}");
    let doc = json(&out);
    assert_eq!(doc["summary"]["files"], readable.len());
    assert_eq!(doc["summary"]["unreadable"], unreadable);
});

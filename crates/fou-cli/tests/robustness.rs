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

/// A directory of one test, removed when the guard drops: keep it until
/// the last `fou` that reads from it has ended.
fn temp_dir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("fou-cli-robust-")
        .tempdir()
        .unwrap()
}

/// Write `contents` to `name` in `dir` and return its path.
fn temp_file(dir: &tempfile::TempDir, name: &str, contents: &[u8]) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, contents).unwrap();
    path.display().to_string()
}

/// The reproducer: a UTF-8 report with one stray byte.
const STRAY: &[u8] = b"FoU-rapport 2020\n\nForord\n\nBl\xc3\xa5b\xc3\xa6r.\xff\n";

// ---------------------------------------------------------------------------
// Decoding (item 1) and the size limit (item 4).

#[test]
fn a_stray_byte_is_a_warning_and_strict_makes_it_an_error() {
    let dir = temp_dir();
    let path = temp_file(&dir, "stray.txt", STRAY);
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
        let printed = String::from_utf8(out.stdout.clone()).unwrap();
        if cmd == "check" {
            assert_eq!(
                printed,
                "0 warnings, 0 errors in 0 files; 1 file could not be read\n"
            );
        } else {
            assert!(printed.is_empty(), "{cmd} --strict printed {printed}");
        }
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

/// A regular file whose length is not what reading it gives: to fou, a file
/// changed while read (item 6). A `/sys` pseudo-file says 4096 bytes and
/// gives a few, every time: the one deterministic case from outside. (Files
/// truncated, appended to or touched during the read are tested in the core.)
#[test]
fn a_file_that_disagrees_with_its_length_is_an_error_naming_it() {
    let odd = "/sys/devices/system/cpu/online";
    match (std::fs::metadata(odd), std::fs::read(odd)) {
        (Ok(m), Ok(bytes)) if m.is_file() && m.len() != bytes.len() as u64 => {}
        _ => {
            eprintln!("no /sys file whose length is not its content: skipped");
            return;
        }
    }
    let good = sample("sample-2021.txt");
    for format in ["json", "ndjson"] {
        let out = fou(&["parse", "--format", format, &good, odd]);
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.starts_with(&format!(
                "fou: {odd}: the file changed while it was read (it had 4096 bytes when opened, "
            )),
            "{err}"
        );
        assert_eq!(err.lines().count(), 1, "{err}");
        // the good file is still there, the changed one is not
        let text = String::from_utf8(out.stdout).unwrap();
        let reports: Vec<serde_json::Value> = if format == "json" {
            serde_json::from_str(&text).unwrap()
        } else {
            text.lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect()
        };
        assert_eq!(reports.len(), 1);
        assert_eq!(reports[0]["year"], 2021);
    }
}

// ---------------------------------------------------------------------------
// `fou check` (item 5): each source line once, with all its carets.

#[test]
fn check_prints_a_line_once_with_the_carets_of_all_its_diagnostics() {
    let line = format!(
        "Seks bidragsfinansierte prosjekter ble ferdigstilt.{} Ved årsskiftet pågikk 3 oppdragsprosjekter.",
        " Dette er fylltekst uten tall.".repeat(10)
    );
    let text = format!(
        "FoU-rapport 2021\n\nOppdragsprosjekter\n\n{line}\n\n- Tolk i kontoret, Fjordforsk (2021-2022)\n"
    );
    let dir = temp_dir();
    let path = temp_file(&dir, "two-on-a-line.txt", text.as_bytes());
    let out = String::from_utf8(fou(&["check", &path]).stdout).unwrap();
    let rows: Vec<&str> = out.lines().collect();
    assert_eq!(out.matches("warning[count-mismatch]").count(), 2, "{out}");
    assert_eq!(
        rows.iter().filter(|r| r.starts_with("5 | ")).count(),
        1,
        "{out}"
    );
    // Both arrows come before the line; the carets row has two runs, in order.
    let k = rows.iter().position(|r| r.starts_with("5 | ")).unwrap();
    assert!(rows[k - 4].ends_with("two-on-a-line.txt:5:1"), "{out}");
    assert!(rows[k - 2].ends_with("two-on-a-line.txt:5:353"), "{out}");
    let shown = &rows[k]["5 | ".len()..];
    let marks = &rows[k + 1]["  | ".len()..];
    let runs: Vec<String> = marks
        .split(' ')
        .filter(|r| !r.is_empty())
        .map(|r| r.to_owned())
        .collect();
    assert_eq!(runs.len(), 2, "{marks}");
    let first = marks.find('^').unwrap();
    let second = marks[first + runs[0].len()..].find('^').unwrap() + first + runs[0].len();
    let under = |p: usize, w: usize| shown.chars().skip(p).take(w).collect::<String>();
    assert_eq!(
        under(first, runs[0].len()),
        "Seks bidragsfinansierte prosjekter ble ferdigstilt"
    );
    let second_col = marks[..second].chars().count();
    assert_eq!(
        under(second_col, runs[1].chars().count()),
        "Ved årsskiftet pågikk 3 oppdragsprosjekter"
    );
    assert!(shown.contains('…'), "the middle is cut: {shown}");
}

#[test]
fn check_output_grows_with_the_diagnostics_not_with_line_times_diagnostics() {
    // Issue 9, item 4: 106 KB gave 316 MB of `check` output. Here: 2,000
    // mismatched counts on one line of about 90 KB.
    let line = "Ved årsskiftet pågikk 3 oppdragsprosjekter. ".repeat(2000);
    let text = format!(
        "FoU-rapport 2021\n\nOppdragsprosjekter\n\n{line}\n\n- Tolk i kontoret, Fjordforsk (2021-2022)\n"
    );
    let dir = temp_dir();
    let path = temp_file(&dir, "many-on-a-line.txt", text.as_bytes());
    let out = fou(&["check", &path]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let shown = String::from_utf8(out.stdout).unwrap();
    let n = shown.matches("warning[count-mismatch]").count();
    assert!(n >= 1000, "{n} diagnostics");
    assert_eq!(shown.lines().filter(|r| r.starts_with("5 | ")).count(), 1);
    assert!(
        shown.len() < 2 * text.len() + 300 * n,
        "{} bytes of output for {} bytes of input and {n} diagnostics",
        shown.len(),
        text.len()
    );
}

// ---------------------------------------------------------------------------
// Several files (item 5): an unreadable one is skipped, the output stays valid.

#[test]
fn parse_goes_on_past_an_unreadable_file_and_prints_valid_json() {
    let (a, b) = (sample("sample-2021.txt"), sample("sample-2023.md"));
    let dir = temp_dir();
    let bin = temp_file(&dir, "binary.bin", &[0, 1, 2, 3, 4, 5, 6, 7, 0, 0]);
    let out = fou(&["parse", &a, "/no/such/file.txt", &bin, &b]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a JSON array");
    let years: Vec<i64> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["year"].as_i64().unwrap())
        .collect();
    assert_eq!(years, [2021, 2023]);
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 2, "{err}");
    assert!(
        err.lines()
            .next()
            .unwrap()
            .starts_with("fou: /no/such/file.txt: "),
        "{err}"
    );
    assert!(
        err.contains("binary.bin: input looks like binary data"),
        "{err}"
    );

    let out = fou(&["parse", "--format", "ndjson", "/no/such/file.txt", &a, &b]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 2);
    for l in text.lines() {
        serde_json::from_str::<serde_json::Value>(l).unwrap();
    }
    // Nothing readable: still a valid (empty) array.
    let out = fou(&["parse", "/no/such/a", "/no/such/b"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(out.stdout, b"[]\n");
}

#[test]
fn check_goes_on_past_an_unreadable_file_and_counts_it() {
    let a = sample("sample-2021.txt");
    let out = fou(&["check", "/no/such/file.txt", &a]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.lines()
            .last()
            .unwrap()
            .starts_with("0 warnings, 0 errors in 1 file; 1 file could not be read"),
        "{text}"
    );
    let out = fou(&["check", "--format", "json", &a, "/no/such/file.txt"]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["summary"]["files"], 1);
    assert_eq!(v["summary"]["unreadable"], 1);
}

// ---------------------------------------------------------------------------
// Output that cannot be written (item 5, item 9).

/// Run `fou args` through `bash -c`, `redirect` after it; `None` without bash.
fn through_bash(args: &[&str], redirect: &str) -> Option<Output> {
    let quoted: Vec<String> = args.iter().map(|a| format!("'{a}'")).collect();
    let script = format!("\"$0\" {} {redirect}", quoted.join(" "));
    Command::new("bash")
        .args(["-c", &script, env!("CARGO_BIN_EXE_fou")])
        .output()
        .ok()
}

#[test]
fn a_full_disk_is_an_error_and_dev_null_is_not() {
    let a = sample("sample-2021.txt");
    // `/dev/null` opened read-write (Python's subprocess.DEVNULL, Node's
    // "ignore") is a place to discard output, not an error. A stdout closed
    // with `>&-` looks the same to fou: Rust's runtime puts such a
    // `/dev/null` in its place before `main`.
    let null = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/null")
        .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_fou"))
        .args(["parse", &a])
        .stdout(null)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    if let Some(out) = through_bash(&["parse", &a], ">&-") {
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("/dev/full not available: skipped");
        return;
    };
    for args in [
        vec!["parse", &a],
        vec!["check", &a],
        vec!["explain", &a],
        vec!["schema"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_fou"))
            .args(&args)
            .stdout(full.try_clone().unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(
            stderr(&out),
            "fou: cannot write output: No space left on device (os error 28)\n",
            "{args:?}"
        );
    }
}

#[test]
fn a_reader_that_stops_reading_ends_fou_quietly() {
    // Far more output than a pipe holds, so fou is still writing when the
    // reader goes away.
    let a = sample("sample-2021.txt");
    let args: Vec<&str> = std::iter::once("parse")
        .chain(std::iter::repeat_n(a.as_str(), 40))
        .collect();
    let mut child = Command::new(env!("CARGO_BIN_EXE_fou"))
        .args(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stderr(&out), "", "no 'Broken pipe' message");
}

#[test]
fn output_is_written_in_large_blocks() {
    // Issue 9, item 7: pretty JSON made one write() per output line.
    let a = sample("sample-2021.txt");
    let dir = temp_dir();
    let trace = dir.path().join("writes.trace");
    let out = Command::new("strace")
        .args(["-f", "-e", "trace=write", "-o"])
        .arg(&trace)
        .arg(env!("CARGO_BIN_EXE_fou"))
        .args(["parse", &a])
        .stdout(Stdio::piped())
        .output();
    let Ok(out) = out else {
        eprintln!("strace not available: skipped");
        return;
    };
    if !out.status.success() {
        eprintln!("strace cannot trace here: skipped ({})", stderr(&out));
        return;
    }
    let log = std::fs::read_to_string(&trace).unwrap();
    let writes = log.lines().filter(|l| l.contains("write(1,")).count();
    let lines = out.stdout.iter().filter(|&&b| b == b'\n').count();
    assert!(lines > 500, "{lines} lines of output");
    assert!(
        writes <= out.stdout.len() / 8192 + 3,
        "{writes} writes for {} bytes ({lines} lines)",
        out.stdout.len()
    );
}

// ---------------------------------------------------------------------------
// Arguments and names (item 5, item 9).

#[test]
fn standard_input_twice_is_a_usage_error() {
    for cmd in ["parse", "check"] {
        let out = fou(&[cmd, "-", &sample("sample-2021.txt"), "-"]);
        assert_eq!(out.status.code(), Some(2), "{cmd}");
        assert!(out.stdout.is_empty());
        let err = stderr(&out);
        assert!(
            err.starts_with("error: `-` (standard input) can be given only once"),
            "{err}"
        );
        assert!(err.contains(&format!("Usage: fou {cmd}")), "{err}");
    }
}

#[test]
fn file_names_in_messages_stay_on_one_line() {
    // (collect and links read the file as parse does, and say the same)
    for cmd in ["parse", "collect", "links"] {
        let out = fou(&[cmd, "/no/such\nfile\u{1b}[31m.txt"]);
        assert_eq!(out.status.code(), Some(1), "{cmd}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{cmd}: {err:?}");
        assert!(
            err.starts_with("fou: /no/such\\nfile\\u{1b}[31m.txt: "),
            "{cmd}: {err:?}"
        );
        assert!(!err.contains('\u{1b}'), "{cmd}: {err:?}");
    }
    // A database that cannot be written: SQLite's message names it too.
    let db = "/no/such\ndir/fou.sqlite";
    let out = fou(&["collect", &sample("sample-2021.txt"), "--db", db]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err:?}");
    assert!(
        err.starts_with("fou: /no/such\\ndir/fou.sqlite: "),
        "{err:?}"
    );

    // A readable file with a newline in its name: `check` keeps each
    // `-->` on one line, JSON carries the name as it is.
    let dir = temp_dir();
    let path = temp_file(&dir, "two\nlines.txt", "handleliste: melk\n".as_bytes());
    let out = String::from_utf8(fou(&["check", &path]).stdout).unwrap();
    let arrow = out.lines().find(|l| l.contains("--> ")).unwrap();
    assert!(arrow.ends_with("two\\nlines.txt:1:1"), "{out}");
    let out = fou(&["check", "--format", "json", &path]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["diagnostics"][0]["file"], path.as_str());
}

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

    let dir = temp_dir("fou-cli-test-");
    let bin = dir.path().join("garbage.bin");
    std::fs::write(&bin, [0u8, 159, 146, 150, 0, 1, 2, 255]).unwrap();
    let out = fou(&["parse", bin.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("garbage.bin"));
    let out = fou(&["parse", dir.path().to_str().unwrap()]);
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
    let (table, repairs) = text.split_once("\n\nRepairs (").unwrap();
    assert!(repairs.lines().count() > 1, "{repairs}");
    let (header, rows) = table.split_once('\n').unwrap();
    assert!(header.starts_with(" LINE BLOCK KIND"), "{header}");
    assert_eq!(rows.lines().count(), source.lines().count());
    for (shown, line) in rows.lines().zip(source.lines()) {
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
        let shown = shown.split("\n\nRepairs (").next().unwrap();
        let src = fou::Source::from_bytes(&std::fs::read(&path).unwrap()).unwrap();
        assert_eq!(
            shown.lines().count(),
            src.line_count() + 1,
            "explain {p}: a header, then one output line per input line"
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
    let dir = temp_dir("fou-cli-notreport-");
    let f = dir.path().join("notes.txt");
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

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
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
fn temp_dir(prefix: &str) -> tempfile::TempDir {
    tempfile::Builder::new().prefix(prefix).tempdir().unwrap()
}

/// Write `contents` to `name` in `dir` and return its path.
fn temp_file(dir: &tempfile::TempDir, name: &str, contents: &[u8]) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, contents).unwrap();
    path.display().to_string()
}

fn count_prefixed(text: &str, prefix: &str) -> usize {
    text.lines().filter(|l| l.starts_with(prefix)).count()
}

#[test]
fn check_hides_info_by_default_and_ends_with_a_summary() {
    let (a, b) = (corpus("fou-2020.txt"), corpus("fou-2022.md"));
    let all = stdout(&fou(&["check", "--severity", "info", &a, &b]));
    let info = count_prefixed(&all, "info[");
    let warnings = count_prefixed(&all, "warning[");
    assert!(info > 0 && warnings > 0, "{all}");
    assert_eq!(count_prefixed(&all, "error["), 0);
    assert_eq!(
        all.lines().last().unwrap(),
        format!("{info} info, {warnings} warnings, 0 errors in 2 files")
    );

    let out = fou(&["check", &a, &b]);
    assert_eq!(out.status.code(), Some(0));
    let shown = stdout(&out);
    assert_eq!(count_prefixed(&shown, "info["), 0);
    assert_eq!(count_prefixed(&shown, "warning["), warnings);
    assert_eq!(
        shown.lines().last().unwrap(),
        format!(
            "{warnings} warnings, 0 errors in 2 files ({info} info hidden; --severity info shows them)"
        )
    );

    let errors_only = stdout(&fou(&["check", "--severity", "error", &a, &b]));
    assert_eq!(count_prefixed(&errors_only, "warning["), 0);
    assert_eq!(
        errors_only.trim(),
        format!(
            "0 errors in 2 files ({warnings} warnings and {info} info hidden; --severity info shows them)"
        )
    );
    assert_eq!(
        fou(&["check", "--severity", "fatal", &a]).status.code(),
        Some(2)
    );
}

#[test]
fn check_exits_1_on_errors_whatever_is_shown() {
    let dir = temp_dir("fou-cli-files-");
    let notes = temp_file(
        &dir,
        "shopping.txt",
        "melk, brød og ost\nring tannlegen\n".as_bytes(),
    );
    let out = fou(&["check", &notes]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).ends_with("1 warning, 1 error in 1 file\n"),
        "{}",
        stdout(&out)
    );
    let out = fou(&["check", "--severity", "error", &notes]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("error[not-a-report]"), "{text}");
    assert!(
        text.ends_with("1 error in 1 file (1 warning hidden; --severity warning shows them)\n"),
        "{text}"
    );
}

/// The maximal runs of `^` in a caret row: (first column, width).
fn caret_runs(marks: &str) -> Vec<(usize, usize)> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (i, c) in marks.chars().enumerate() {
        match runs.last_mut() {
            Some((p, w)) if c == '^' && *p + *w == i => *w += 1,
            _ if c == '^' => runs.push((i, 1)),
            _ => {}
        }
    }
    runs
}

/// For every diagnostic of `path`: the `-->` column and the JSON column are
/// the span start counted in characters; the diagnostics of a line are
/// followed by that line once, at most 100 characters around each caret,
/// and the carets of each diagnostic stand under the start of its span.
fn assert_carets_under_spans(path: &str) -> usize {
    let source = fou::Source::from_bytes(&std::fs::read(path).unwrap()).unwrap();
    let text = source.text();
    let doc = json(&fou(&[
        "check",
        "--severity",
        "info",
        "--format",
        "json",
        path,
    ]));
    let human = stdout(&fou(&["check", "--severity", "info", path]));
    let rows: Vec<&str> = human.lines().collect();
    let is_source_row = |r: &str| {
        r.split_once(" | ").is_some_and(|(n, _)| {
            !n.trim().is_empty() && n.trim().chars().all(|c| c.is_ascii_digit())
        })
    };
    let arrows: Vec<usize> = (0..rows.len())
        .filter(|&i| rows[i].trim_start().starts_with("--> "))
        .collect();
    let diags: Vec<&serde_json::Value> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| !d["span"].is_null())
        .collect();
    assert_eq!(arrows.len(), diags.len(), "{human}");
    let mut shown_at = std::collections::HashMap::new();
    for (d, &i) in diags.iter().zip(&arrows) {
        let (start, end) = (
            d["span"]["start"].as_u64().unwrap() as usize,
            d["span"]["end"].as_u64().unwrap() as usize,
        );
        let line = d["line"].as_u64().unwrap() as usize;
        let line_start = text[..start].rfind(['\n', '\r']).map_or(0, |k| k + 1);
        let column = text[line_start..start]
            .trim_start_matches('\u{feff}')
            .chars()
            .count()
            + 1;
        assert_eq!(d["column"], column, "{d}");
        assert!(
            rows[i].ends_with(&format!(":{line}:{column}")),
            "{}",
            rows[i]
        );
        // The line shown after this group of diagnostics, and this one's place in the group.
        let j = (i..rows.len()).find(|&j| is_source_row(rows[j])).unwrap();
        let first = (0..i)
            .rev()
            .find(|&k| is_source_row(rows[k]))
            .map_or(0, |k| k + 2);
        let nth = arrows.iter().filter(|&&a| first <= a && a < i).count();
        let group = arrows.iter().filter(|&&a| first <= a && a < j).count();
        assert!(rows[j].starts_with(&format!("{line} | ")), "{}", rows[j]);
        assert_eq!(
            *shown_at.entry(line).or_insert(j),
            j,
            "line {line} shown twice"
        );
        let (_, shown) = rows[j].split_once(" | ").unwrap();
        let (_, marks) = rows[j + 1].split_once(" | ").unwrap();
        let runs = caret_runs(marks);
        let cuts = shown.matches('…').count();
        assert!(shown.chars().count() <= 100 * group + cuts, "{}", rows[j]);
        let spanned = text[start..end].lines().next().unwrap_or("");
        let under = |(p, w): (usize, usize)| shown.chars().skip(p).take(w).collect::<String>();
        let ok = |u: String| !u.is_empty() && spanned.starts_with(u.trim_end_matches('…'));
        let found = if runs.len() == group {
            ok(under(runs[nth]))
        } else {
            // Overlapping marks merged: some run starts with this span.
            runs.iter().any(|&(p, w)| {
                (0..w).any(|o| {
                    let u = under((p + o, w - o));
                    let m = u.chars().count().min(spanned.chars().count());
                    ok(u.chars().take(m).collect())
                })
            })
        };
        assert!(
            found,
            "no carets under {spanned:?}\n{}\n{}",
            rows[j],
            rows[j + 1]
        );
    }
    diags.len()
}

#[test]
fn check_cuts_long_lines_around_the_caret() {
    let dir = temp_dir("fou-cli-files-");
    // Line 41 of the 2020 report is 330 characters, the count at column 301.
    let out = stdout(&fou(&["check", &corpus("fou-2020.txt")]));
    assert!(out.contains("fou-2020.txt:41:301"), "{out}");
    assert!(out.contains("41 | …"), "{out}");
    assert!(assert_carets_under_spans(&corpus("fou-2020.txt")) >= 3);
    assert!(assert_carets_under_spans(&corpus("fou-2022.md")) >= 3);
    // Multi-byte characters before the caret: columns count characters.
    let long = format!(
        "FoU-rapport 2021\n\nOppdragsprosjekter\n\n{}{}. Ved årsskiftet pågikk 3 oppdragsprosjekter. {}.\n\n\
         - Tolk i kontoret, Fjordforsk (2021-2022)\n",
        "Æ".repeat(40),
        "ø".repeat(200),
        "Å".repeat(200)
    );
    let path = temp_file(&dir, "long-line.txt", long.as_bytes());
    let out = stdout(&fou(&["check", &path]));
    assert!(out.contains("long-line.txt:5:243"), "{out}");
    assert!(
        out.contains("but 1 was found in section \"Oppdragsprosjekter\""),
        "{out}"
    );
    assert_eq!(assert_carets_under_spans(&path), 1);
}

#[test]
fn check_json_is_one_document_with_positions() {
    let dir = temp_dir("fou-cli-files-");
    let notes = temp_file(&dir, "notes.txt", "handleliste: melk\n".as_bytes());
    let (a, b) = (corpus("fou-2022.md"), sample("sample-2021.txt"));
    let out = fou(&["check", "--format", "json", &a, &notes, &b]);
    assert_eq!(out.status.code(), Some(1), "an error diagnostic");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    let diags = doc["diagnostics"].as_array().unwrap();
    assert!(diags.len() >= 4, "{doc}");
    for d in diags {
        for key in [
            "file",
            "severity",
            "code",
            "message",
            "line",
            "column",
            "end_line",
            "end_column",
            "span",
        ] {
            assert!(d.get(key).is_some(), "{key} missing in {d}");
        }
        assert_ne!(d["severity"], "info", "hidden by default");
        assert_eq!(d["line"], d["span"]["line_start"]);
    }
    assert!(
        diags
            .iter()
            .any(|d| d["code"] == "not-a-report" && d["file"] == notes.as_str())
    );
    assert!(
        diags
            .iter()
            .any(|d| d["code"] == "count-mismatch" && d["file"] == a.as_str())
    );
    let s = &doc["summary"];
    assert_eq!(s["files"], 3);
    assert_eq!(s["errors"], 1);
    assert_eq!(s["hidden"], s["info"]);
    let shown = s["errors"].as_u64().unwrap() + s["warnings"].as_u64().unwrap();
    assert_eq!(diags.len() as u64, shown);
}

#[test]
fn the_samples_check_clean() {
    let out = fou(&[
        "check",
        &sample("sample-2021.txt"),
        &sample("sample-2023.md"),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.starts_with("0 warnings, 0 errors in 2 files"),
        "a first run shows no warning:\n{text}"
    );
}

/// The (kind, number) RECORD and the THEME of an `explain` row.
fn record_of(row: &str) -> Option<(String, usize, String)> {
    let (prefix, _) = row.split_once(" | ")?;
    let tokens: Vec<&str> = prefix.split_whitespace().collect();
    (1..tokens.len()).find_map(|i| {
        let n = tokens.get(i + 1)?.parse().ok()?;
        fou::ItemKind::ALL
            .iter()
            .any(|k| k.as_str() == tokens[i])
            .then(|| (tokens[i].to_owned(), n, tokens[i + 2..].join(" ")))
    })
}

#[test]
fn explain_names_the_record_and_theme_of_each_line() {
    for path in [
        sample("sample-2021.txt"),
        sample("sample-2023.md"),
        corpus("fou-2020.txt"),
    ] {
        let shown = stdout(&fou(&["explain", &path]));
        let report = json(&fou(&["parse", &path]));
        let rows: Vec<&str> = shown.lines().skip(1).collect();
        let mut covered = 0;
        for kind in fou::ItemKind::ALL {
            for item in report[kind.key()].as_array().unwrap() {
                let (a, b) = (
                    item["span"]["line_start"].as_u64().unwrap() as usize,
                    item["span"]["line_end"].as_u64().unwrap() as usize,
                );
                for row in &rows[a - 1..b] {
                    assert!(record_of(row).is_some(), "{path}: no record on {row}");
                    covered += 1;
                }
            }
        }
        for (n, row) in rows.iter().enumerate() {
            let Some((kind, k, theme)) = record_of(row) else {
                continue;
            };
            let key = fou::ItemKind::ALL
                .iter()
                .find(|k| k.as_str() == kind)
                .map_or_else(|| panic!("{path}: no item kind {kind:?}"), |k| k.key());
            let item = &report[key][k - 1];
            let line = (n + 1) as u64;
            let span = &item["span"];
            assert!(
                (span["line_start"].as_u64().unwrap()..=span["line_end"].as_u64().unwrap())
                    .contains(&line),
                "{path}: line {line} is not in {key}[{}]",
                k - 1
            );
            if let Some(t) = item["theme"].as_str() {
                assert!(
                    t.starts_with(theme.trim_end_matches('…')) && !theme.is_empty(),
                    "{path}: {row}"
                );
            }
        }
        assert!(covered > 20, "{path}");
    }
    let shown = stdout(&fou(&["explain", &sample("sample-2021.txt")]));
    let row = |needle: &str| {
        shown
            .lines()
            .find(|l| l.contains(needle))
            .unwrap()
            .to_owned()
    };
    let first = row("Prosjekttittel: Lange veier");
    assert!(
        first.contains(" project 1 ") && first.contains(" Arbeidsinkludering "),
        "{first}"
    );
    let reference = row("Kollegaen som døråpner");
    assert!(
        reference.contains(" publication 1 ") && reference.contains(" Arbeidsinkludering "),
        "the innermost record, the outer theme: {reference}"
    );
}

#[test]
fn explain_shows_inferred_headings_as_headings() {
    for path in [
        sample("sample-2021.txt"),
        corpus("fou-2020.txt"),
        sample("sample-2023.md"),
    ] {
        let shown = stdout(&fou(&["explain", &path]));
        let rows: Vec<&str> = shown.lines().skip(1).collect();
        let report = json(&fou(&["parse", &path]));
        let outline = report["outline"].as_array().unwrap();
        assert!(outline.len() > 5);
        for h in outline {
            let row = rows[h["span"]["line_start"].as_u64().unwrap() as usize - 1];
            assert_eq!(
                row.split_whitespace().nth(2),
                Some("heading"),
                "{path}: {row}"
            );
        }
    }
    let shown = stdout(&fou(&["explain", &sample("sample-2021.txt")]));
    let theme = shown.lines().nth(86).unwrap();
    assert!(theme.contains("#50   heading   heading"), "{theme}");
    // Short lines that are not headings keep the kind `line`.
    let signature = shown
        .lines()
        .find(|l| l.ends_with("| Vennlig hilsen"))
        .unwrap();
    assert!(signature.contains(" line "), "{signature}");
}

#[test]
fn explain_shows_the_repairs_made_to_the_text() {
    let dir = temp_dir("fou-cli-files-");
    let text = "FoU-rapport 2030\n\nForord\n\nVi så på arbeids-\nledighet og NAV-\nkontorene -- i fjor\n\n7\n\nog i år.\n";
    let shown = stdout(&fou(&[
        "explain",
        &temp_file(&dir, "repairs.txt", text.as_bytes()),
    ]));
    let (table, repairs) = shown.split_once("\n\nRepairs (").unwrap();
    assert_eq!(table.lines().count(), text.lines().count() + 1, "{shown}");
    let rows: Vec<&str> = repairs.lines().skip(1).collect();
    let row = |kind: &str| {
        rows.iter()
            .find(|r| r.split_whitespace().nth(1) == Some(kind))
            .unwrap_or_else(|| panic!("no {kind} in {repairs}"))
            .to_string()
    };
    assert!(
        repairs.starts_with(&format!("{}):", rows.len())),
        "{repairs}"
    );
    let mended = row("hyphen-mended");
    assert!(mended.trim_start().starts_with("5 "), "{mended}");
    assert!(
        mended.contains("\"arbeids-⏎ledighet\" → \"arbeidsledighet\""),
        "{mended}"
    );
    assert!(row("hyphen-kept").contains("\"NAV-⏎kontorene\" → \"NAV-kontorene\""));
    assert!(row("en-dash").contains("\"--\" → \"–\""));
    assert!(row("joined").contains("\"⏎⏎7⏎⏎\" → \" \""));
    assert!(row("furniture").trim_start().starts_with("9 "));
    assert!(row("heading").trim_start().starts_with("1 "));
    assert!(
        rows.iter()
            .any(|r| r.contains(" heading ") && r.ends_with("\"Forord\""))
    );
    // Every kind shown is explained in the help.
    let help = stdout(&fou(&["explain", "--help"]));
    for r in &rows {
        let kind = r.split_whitespace().nth(1).unwrap();
        assert!(
            help.contains(&format!("\n  {kind} ")),
            "{kind} is not explained"
        );
    }
}

#[test]
fn explain_shows_a_list_run_together_split_into_items() {
    let dir = temp_dir("fou-cli-files-");
    let text = "# FoU-rapport 2030\n\n# Forord\n\nTekst.\n\n# Prosjekter\n\n• Arbeid i nord, Fjellby forskning (2029-2031) • Tillit til NAV, Dalen institutt (2030-2032) Unge uten jobb, Nordvik analyse (2030-2033)\n";
    let shown = stdout(&fou(&[
        "explain",
        &temp_file(&dir, "runlist.md", text.as_bytes()),
    ]));
    let (table, repairs) = shown.split_once("\n\nRepairs (").unwrap();
    let splits: Vec<&str> = repairs
        .lines()
        .filter(|r| r.split_whitespace().nth(1) == Some("list-split"))
        .collect();
    assert_eq!(splits.len(), 2, "{repairs}");
    assert!(splits[0].trim_start().starts_with("9 "), "{}", splits[0]);
    assert!(splits[0].contains("\" • \" → \"⏎\""), "{}", splits[0]);
    assert!(splits[1].contains("\" \" → \"⏎\""), "{}", splits[1]);
    // The line is shown once, as the first of its items.
    let row = table
        .lines()
        .find(|l| l.trim_start().starts_with("9 "))
        .unwrap();
    assert!(row.contains(" item "), "{row}");
    let help = stdout(&fou(&["explain", "--help"]));
    assert!(help.contains("\n  list-split "), "{help}");
}

#[test]
fn explain_says_so_when_the_input_is_empty_or_blank() {
    let dir = temp_dir("fou-cli-files-");
    let out = fou(&["explain", &temp_file(&dir, "empty.txt", b"")]);
    assert!(out.status.success());
    assert_eq!(stdout(&out), "(empty input: no lines)\n");
    let out = fou(&["explain", &temp_file(&dir, "blank.txt", b"\n  \n\t\n")]);
    assert!(out.status.success());
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5, "{text}");
    assert!(lines[1..4].iter().all(|l| l.contains(" blank ")), "{text}");
    assert_eq!(lines[4], "(no text: all 3 lines are blank)");
}

#[test]
fn explain_help_explains_every_column_kind_and_part() {
    let help = stdout(&fou(&["explain", "--help"]));
    assert_eq!(help, stdout(&fou(&["help", "explain"])));
    let header = stdout(&fou(&["explain", &sample("sample-2021.txt")]));
    let header = header.lines().next().unwrap();
    for column in header.split([' ', '|']).filter(|c| !c.is_empty()) {
        assert!(help.contains(&format!("\n  {column} ")), "column {column}");
    }
    // Every kind and part that explain prints on the real reports and the samples.
    let mut names = std::collections::BTreeSet::new();
    for path in all_fixtures() {
        let shown = stdout(&fou(&["explain", path.to_str().unwrap()]));
        for row in shown.lines().skip(1) {
            let tokens: Vec<&str> = row.split_whitespace().collect();
            if tokens.get(1).is_some_and(|t| t.starts_with('#')) {
                names.insert(tokens[2].to_owned());
                names.insert(tokens[3].to_owned());
            }
        }
    }
    assert!(names.len() >= 12, "{names:?}");
    for name in &names {
        assert!(
            help.contains(&format!("\n  {name} ")),
            "{name} is not explained"
        );
    }
    for part in fou::Part::ALL {
        assert!(help.contains(part.description()), "{}", part.as_str());
    }
}

#[test]
fn input_format_forces_plain_or_markdown() {
    let (txt, md) = (sample("sample-2021.txt"), sample("sample-2023.md"));
    let format = |args: &[&str]| json(&fou(args))["source"]["format"].clone();
    assert_eq!(format(&["parse", &md]), "markdown");
    assert_eq!(
        format(&["parse", "--input-format", "auto", &md]),
        "markdown"
    );
    assert_eq!(format(&["parse", "--input-format", "plain", &md]), "plain");
    assert_eq!(
        format(&["parse", "--input-format", "markdown", &txt]),
        "markdown"
    );
    let ndjson = stdout(&fou(&[
        "parse",
        "--format",
        "ndjson",
        "--input-format",
        "plain",
        &md,
        &txt,
    ]));
    assert_eq!(ndjson.matches("\"format\":\"plain\"").count(), 2);
    // explain and check read the input the same way.
    let auto = stdout(&fou(&["explain", &md]));
    let plain = fou(&["explain", "--input-format", "plain", &md]);
    assert!(plain.status.success());
    assert_ne!(stdout(&plain), auto);
    assert!(
        auto.contains("| ## Vedlegg")
            && auto
                .lines()
                .any(|l| l.contains(" heading ") && l.ends_with("| ## Vedlegg"))
    );
    let out = fou(&[
        "check",
        "--input-format",
        "markdown",
        "--format",
        "json",
        &txt,
    ]);
    assert!(out.status.code().is_some_and(|c| c <= 1));
    serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap();
    assert_eq!(
        fou(&["parse", "--input-format", "pdf", &md]).status.code(),
        Some(2)
    );
}

#[test]
fn help_exits_0_everywhere() {
    let mut cases: Vec<Vec<&str>> = vec![
        vec!["--help"],
        vec!["-h"],
        vec!["help"],
        vec!["help", "--help"],
        vec!["help", "-h"],
        vec!["--version"],
    ];
    for cmd in ["parse", "schema", "explain", "check", "help"] {
        cases.push(vec![cmd, "--help"]);
        cases.push(vec![cmd, "-h"]);
        cases.push(vec!["help", cmd]);
    }
    for args in &cases {
        let out = fou(args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "fou {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.is_empty(), "fou {args:?} printed nothing");
    }
    assert!(stdout(&fou(&["help"])).contains("Commands:"));
    assert!(stdout(&fou(&["help", "check"])).contains("--severity"));
    assert!(stdout(&fou(&["help", "--help"])).contains("Usage: fou help"));
    let out = fou(&["help", "frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(fou(&[]).status.code(), Some(2));
}

#[test]
fn check_prints_what_the_core_renders() {
    let dir = temp_dir("fou-cli-files-");
    let damaged = temp_file(
        &dir,
        "damaged.txt",
        b"FoU-rapport 2020 bl\xc3\xa5 \xff\n\nForord\n\nVi m\xc3\xb8ttes 31. februar 2020 \xff.\n",
    );
    let files = [
        corpus("fou-2020.txt"),
        corpus("fou-2022.md"),
        sample("sample-2021.txt"),
        sample("sample-2023.md"),
        damaged,
    ];
    for path in &files {
        let out = stdout(&fou(&["check", "--severity", "info", path]));
        let src = fou::Source::from_bytes(&std::fs::read(path).unwrap()).unwrap();
        let report = fou::parse_bytes(&std::fs::read(path).unwrap()).unwrap();
        let blocks = fou::Diagnostic::render_all(&report.diagnostics, &src, path);
        assert!(!blocks.is_empty(), "{path}");
        let shown: String = blocks.iter().map(|b| format!("{b}\n")).collect();
        let (body, summary) = out.split_at(shown.len().min(out.len()));
        assert_eq!(body, shown, "{path}");
        assert!(summary.ends_with(" in 1 file\n"), "{path}: {summary}");
        assert_eq!(summary.lines().count(), 1, "{path}: {summary}");
    }
}

/// The invented sample `headings-2018.md` with its section of completed
/// oppdrag projects cut out, and the items of its PhD list cut (heading and
/// intro kept): what a converter that loses a section gives.
fn cut_sample() -> String {
    let sample = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/renderings/samples/headings-2018.md"),
    )
    .unwrap();
    let (before, rest) = sample
        .split_once("## Avsluttede oppdragsprosjekter")
        .unwrap();
    let (_, after) = rest.split_once("## Analyser levert").unwrap();
    let cut = format!("{before}## Analyser levert{after}");
    let (head, _) = cut.split_once("I 2018 disputerte").unwrap();
    format!("{head}Listen over stipendiatene kommer i neste utgave.\n")
}

#[test]
fn check_fails_on_a_sample_with_a_section_cut_and_says_what_is_missing() {
    let dir = temp_dir("fou-cli-files-");
    let whole = fou(&[
        "check",
        &format!(
            "{}/../../tests/fixtures/renderings/samples/headings-2018.md",
            env!("CARGO_MANIFEST_DIR")
        ),
    ]);
    assert_eq!(whole.status.code(), Some(0), "{:?}", whole);
    let path = temp_file(&dir, "headings-2018-cut.md", cut_sample().as_bytes());
    let out = fou(&["check", &path]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("warning[toc-section-missing]: the table of contents lists section \"Avsluttede oppdragsprosjekter\""),
        "{text}"
    );
    assert!(
        text.contains("warning[count-mismatch]: the text states 2 completed oppdrag projects"),
        "{text}"
    );
    assert!(
        text.contains("warning[empty-list-section]: section \"Doktorgradsprosjekter\" is titled as a list of PhD candidates"),
        "{text}"
    );
    assert!(
        text.contains("error[incomplete]: the report's items are clearly incomplete: it states 2 completed oppdrag projects"),
        "{text}"
    );
}

#[test]
fn registry_adds_institutions_and_bad_files_exit_2() {
    let dir = temp_dir("fou-cli-files-");
    let report = temp_file(&dir,
        "registry-report.txt",
        "FoU-rapport 2021\n\nBidragsfinansierte prosjekter\n\nVed utgangen av 2021 hadde vi 1 pågående prosjekt.\n\nArbeid\n\n- Jobb i nord, KFI og UiO (2020-2022)\n"
            .as_bytes(),
    );
    let ids = |out: &Output| -> Vec<serde_json::Value> {
        json(out)["portfolio"][0]["institution_refs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].clone())
            .collect()
    };
    let plain = fou(&["parse", &report]);
    assert_eq!(ids(&plain), [serde_json::Value::Null, "uio".into()]);
    let registry = temp_file(&dir,
        "registry.toml",
        b"[[institution]]\nid = \"kfi\"\nname = \"Kystforskningsinstituttet\"\nshort = [\"KFI\"]\nkind = \"institute\"\n",
    );
    let with = fou(&["parse", "--registry", &registry, &report]);
    assert_eq!(ids(&with), ["kfi", "uio"]);
    let bad = temp_file(&dir, "bad-registry.toml", b"[[institution]]\nid = 1\n");
    let out = fou(&["parse", "--registry", &bad, &report]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("registry"));
}

/// A web page of project lists (issue 11): `fou parse` prints its items,
/// and `fou check` says it is no report with a warning, not an error.
#[test]
fn a_page_of_project_lists_gives_its_items() {
    let page =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/data/pages/skisser.txt");
    let page = page.to_str().unwrap();
    let out = fou(&["parse", page]);
    assert!(out.status.success());
    let v = json(&out);
    let items = v["portfolio"].as_array().unwrap();
    assert_eq!(items.len(), 9);
    assert_eq!(items[2]["title"], "Arbeidslinja og eldre arbeidstakere");
    assert_eq!(
        items[2]["institutions"],
        serde_json::json!(["OsloMet", "AFI"])
    );
    assert!(items.iter().all(|i| i["status"] == "shortlisted"));
    let out = fou(&["check", page]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("warning[not-a-report]"), "{text}");
    assert!(!text.contains("error["), "{text}");
}

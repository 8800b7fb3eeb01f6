//! `fou collect` and `fou links`: the SQLite database, the documented
//! query, reruns, single tables and the links JSON contract.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fou(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_fou"))
        .args(args)
        .output()
        .expect("run fou")
}

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "fou failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The two real reports and the invented page.
fn inputs() -> Vec<String> {
    let corpus = manifest().join("../../../shared/corpus");
    vec![
        corpus.display().to_string(),
        manifest()
            .join("tests/data/nettside-2020.txt")
            .display()
            .to_string(),
    ]
}

/// A directory of one test, removed when the guard drops: keep it until
/// the last `fou` that reads from it has ended.
fn temp_dir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("fou-collect-test-")
        .tempdir()
        .unwrap()
}

/// The path of `name` in `dir` (not created).
fn temp(dir: &tempfile::TempDir, name: &str) -> PathBuf {
    dir.path().join(name)
}

/// The query of docs/sqlite-schema.md, read from the doc so the doc cannot drift.
/// The README shows the same query.
fn documented_query() -> String {
    let query = |file: &str| -> String {
        let doc = std::fs::read_to_string(manifest().join("../..").join(file)).unwrap();
        let start = doc
            .find("-- query: ongoing-2020-completed-by-2022")
            .unwrap_or_else(|| panic!("the query is in {file}"));
        let end = doc[start..].find("```").unwrap();
        doc[start..start + end].to_owned()
    };
    let doc = query("docs/sqlite-schema.md");
    assert_eq!(
        query("README.md"),
        doc,
        "README and docs/sqlite-schema.md show one query"
    );
    doc
}

fn count(db: &rusqlite::Connection, table: &str) -> i64 {
    db.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

const TABLES: [&str; 12] = [
    "schema_version",
    "texts",
    "projects",
    "portfolio",
    "analyses",
    "publications",
    "phd",
    "institutions",
    "item_institutions",
    "appearances",
    "links",
    "diagnostics",
];

fn collect_into(db: &Path) {
    let mut args = vec!["collect".to_owned()];
    args.extend(inputs());
    args.extend(["--db".to_owned(), db.display().to_string()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    ok(fou(&args));
}

/// The links JSON of `fou links --format json` on the same inputs.
fn links_json() -> serde_json::Value {
    serde_json::from_str(&links_text()).unwrap()
}

fn links_text() -> String {
    let mut args = vec!["links", "--format", "json"];
    let inputs = inputs();
    args.extend(inputs.iter().map(String::as_str));
    ok(fou(&args))
}

#[test]
fn the_links_json_is_pretty_with_every_key_in_alphabetical_order() {
    let text = links_text();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    // (serde_json's map keeps its keys in order)
    assert_eq!(text, serde_json::to_string_pretty(&value).unwrap() + "\n");
    let first = &value["links"][0]["appearances"][0];
    let keys: Vec<&String> = first.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        ["institution_raw", "kind", "path", "status", "title", "year"]
    );
}

#[test]
fn the_documented_query_answers_from_the_links_and_reruns_change_nothing() {
    let dir = temp_dir();
    let path = temp(&dir, "two-reports.sqlite");
    collect_into(&path);
    let db = rusqlite::Connection::open(&path).unwrap();
    let counts: Vec<i64> = TABLES.iter().map(|t| count(&db, t)).collect();
    assert_eq!(counts[0], 1, "one schema_version row");
    assert_eq!(counts[1], 3, "three texts");
    assert!(counts[2] > 10 && counts[3] > 10, "{counts:?}");
    let mut stmt = db.prepare(&documented_query()).unwrap();
    let got: BTreeSet<(String, String, i64)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    drop(stmt);

    // The same answer from the links themselves.
    let links = links_json();
    let mut expected = BTreeSet::new();
    for g in links["links"].as_array().unwrap() {
        let apps = g["appearances"].as_array().unwrap();
        for a in apps {
            let ongoing_2020 =
                a["kind"] == "portfolio" && a["status"] == "ongoing" && a["year"] == 2020;
            if !ongoing_2020 {
                continue;
            }
            for d in apps {
                let year = d["year"].as_i64().unwrap_or(0);
                if d["kind"] == "project" && (2020..=2022).contains(&year) {
                    expected.insert((
                        g["id"].as_str().unwrap().to_owned(),
                        a["title"].as_str().unwrap().to_owned(),
                        year,
                    ));
                }
            }
        }
    }
    assert!(
        !expected.is_empty(),
        "the real reports link projects of 2020 and 2022"
    );
    assert_eq!(got, expected);

    // Rerunning on the same database gives the same rows.
    drop(db);
    collect_into(&path);
    let db = rusqlite::Connection::open(&path).unwrap();
    let again: Vec<i64> = TABLES.iter().map(|t| count(&db, t)).collect();
    assert_eq!(again, counts);
}

#[test]
fn a_changed_file_replaces_its_old_rows() {
    let dir = temp_dir();
    let file = temp(&dir, "endret.txt");
    std::fs::write(
        &file,
        "FoU-rapport 2021\n\nOppdragsprosjekter\n\n- Tolk i NAV, Fjordforsk (2021-2022)\n",
    )
    .unwrap();
    let path = temp(&dir, "changed.sqlite");
    let f = file.display().to_string();
    let d = path.display().to_string();
    ok(fou(&["collect", &f, "--db", &d]));
    std::fs::write(&file, "FoU-rapport 2021\n\nOppdragsprosjekter\n\n- Tolk i NAV, Fjordforsk (2021-2022)\n- Unge i arbeid, UiB (2020-2023)\n").unwrap();
    ok(fou(&["collect", &f, "--db", &d]));
    let db = rusqlite::Connection::open(&path).unwrap();
    assert_eq!(count(&db, "texts"), 1);
    assert_eq!(count(&db, "portfolio"), 2);
}

#[test]
fn one_table_prints_as_json_ndjson_or_csv() {
    let page = manifest()
        .join("tests/data/nettside-2020.txt")
        .display()
        .to_string();
    let json: serde_json::Value = serde_json::from_str(&ok(fou(&[
        "collect",
        &page,
        "--format",
        "json",
        "--table",
        "portfolio",
    ])))
    .unwrap();
    let rows = json.as_array().unwrap();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["title"], "Kystbyer og arbeidsliv i nord");
    assert_eq!(rows[0]["period_start"], 2019);
    assert_eq!(rows[0]["status"], "ongoing");

    let ndjson = ok(fou(&[
        "collect",
        &page,
        "--format",
        "ndjson",
        "--table",
        "portfolio",
    ]));
    assert_eq!(ndjson.lines().count(), 3);
    for line in ndjson.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(v["title"].is_string());
    }

    let csv = ok(fou(&[
        "collect",
        &page,
        "--format",
        "csv",
        "--table",
        "item_institutions",
    ]));
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], "text_hash,kind,idx,position,institution_id,raw");
    assert_eq!(lines.len(), 4, "{csv}");
    assert!(lines[3].ends_with(",uia,Universitetet i Agder"), "{csv}");
}

#[test]
fn the_views_print_as_tables() {
    let page = manifest()
        .join("tests/data/nettside-2020.txt")
        .display()
        .to_string();
    let csv = ok(fou(&[
        "collect", &page, "--format", "csv", "--table", "items",
    ]));
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(
        lines[0],
        "text_hash,path,year,kind,idx,title,theme,position,institution_id,institution_name,raw"
    );
    // the rows of item_institutions, each with its text's path and its item's title
    assert_eq!(lines.len(), 4, "{csv}");
    assert!(lines[3].contains(&format!(",{page},")), "{csv}");
    assert!(
        lines[3].ends_with(",uia,Universitetet i Agder,Universitetet i Agder"),
        "{csv}"
    );
    let json: serde_json::Value = serde_json::from_str(&ok(fou(&[
        "collect",
        &page,
        "--format",
        "json",
        "--table",
        "timelines",
    ])))
    .unwrap();
    assert_eq!(
        json.as_array().map(Vec::len),
        Some(0),
        "one text links nothing"
    );
    // the real reports and the page: one row per appearance of a linked
    // project, by link and year
    let mut args = vec!["collect", "--format", "ndjson", "--table", "timelines"];
    let inputs = inputs();
    args.extend(inputs.iter().map(String::as_str));
    let rows: Vec<serde_json::Value> = (ok(fou(&args)).lines())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let linked: usize = (links_json()["links"].as_array().unwrap().iter())
        .map(|g| g["appearances"].as_array().unwrap().len())
        .sum();
    assert_eq!(rows.len(), linked);
    let key = |r: &serde_json::Value| (r["link_id"].to_string(), r["year"].as_i64());
    assert!(rows.windows(2).all(|w| key(&w[0]) <= key(&w[1])));
    assert!(
        rows.iter()
            .all(|r| r["path"].is_string() && r["title"].is_string())
    );
}

#[test]
fn links_json_is_exactly_the_contract() {
    let v = links_json();
    let obj = v.as_object().unwrap();
    assert_eq!(obj.keys().collect::<Vec<_>>(), ["links"]);
    let links = v["links"].as_array().unwrap();
    assert!(!links.is_empty());
    for g in links {
        let keys: BTreeSet<&str> = g.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            BTreeSet::from(["id", "appearances", "score", "reason"])
        );
        assert!(g["id"].is_string() && g["score"].is_f64() && g["reason"].is_string());
        let apps = g["appearances"].as_array().unwrap();
        assert!(apps.len() >= 2);
        for a in apps {
            let keys: BTreeSet<&str> = a.as_object().unwrap().keys().map(String::as_str).collect();
            assert_eq!(
                keys,
                BTreeSet::from(["path", "year", "kind", "title", "institution_raw", "status"])
            );
            assert!(["project", "portfolio", "phd"].contains(&a["kind"].as_str().unwrap()));
            assert!(a["year"].is_i64() || a["year"].is_null());
            assert!(a["institution_raw"].is_string() || a["institution_raw"].is_null());
            assert!(a["status"].is_string() || a["status"].is_null());
        }
    }
}

#[test]
fn links_print_readable_timelines() {
    let mut args = vec!["links"];
    let inputs = inputs();
    args.extend(inputs.iter().map(String::as_str));
    let text = ok(fou(&args));
    let first = text.lines().next().unwrap();
    assert!(first.ends_with("projects followed across texts"), "{text}");
    assert!(text.contains("  why: "), "{text}");
    assert!(
        text.lines().any(|l| l.starts_with("  2020  portfolio")),
        "{text}"
    );
}

#[test]
fn unreadable_files_are_reported_and_the_rest_collected() {
    let page = manifest()
        .join("tests/data/nettside-2020.txt")
        .display()
        .to_string();
    let out = fou(&["collect", &page, "/no/such/file.txt"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/no/such/file.txt"), "{err}");
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(
        summary.starts_with("1 texts (1 kept, 0 duplicates), 3 items"),
        "{summary}"
    );
}

#[test]
fn a_bad_registry_file_is_an_error() {
    let dir = temp_dir();
    let reg = temp(&dir, "bad-registry.toml");
    std::fs::write(&reg, "[[institution]]\nid = 1\n").unwrap();
    let page = manifest()
        .join("tests/data/nettside-2020.txt")
        .display()
        .to_string();
    let out = fou(&["collect", &page, "--registry", reg.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad-registry.toml"));
}

#[test]
fn the_same_text_twice_is_kept_once() {
    let dir = temp_dir();
    let page = std::fs::read(manifest().join("tests/data/nettside-2020.txt")).unwrap();
    let (a, b) = (temp(&dir, "side-a.txt"), temp(&dir, "side-b.txt"));
    std::fs::write(&a, &page).unwrap();
    std::fs::write(&b, &page).unwrap();
    let (a, b) = (a.display().to_string(), b.display().to_string());
    let summary = ok(fou(&["collect", &b, &a]));
    assert!(
        summary.starts_with("2 texts (1 kept, 1 duplicates), 3 items"),
        "{summary}"
    );
    let diags: serde_json::Value = serde_json::from_str(&ok(fou(&[
        "collect",
        &a,
        &b,
        "--format",
        "json",
        "--table",
        "diagnostics",
    ])))
    .unwrap();
    let dup: Vec<&serde_json::Value> = diags
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "duplicate-text")
        .collect();
    assert_eq!(dup.len(), 1);
    // sorted input: side-a is read first and kept
    let message = dup[0]["message"].as_str().unwrap();
    assert!(
        message.starts_with(&format!("{b} is the same report as {a}")),
        "{message}"
    );
}

/// Runs `fou args` with its standard input, output and error on a
/// pseudo-terminal (util-linux `script`, part of every Debian and Ubuntu
/// system), so that `collect` draws its progress bar; its exit status, or
/// `None` when it had not ended by `until` (then it is killed). A guard
/// against a hang, not a measure of time: the runs take milliseconds, and
/// the guard is minutes away, so a busy machine cannot reach it.
#[cfg(target_os = "linux")]
fn on_a_terminal(args: &[&str], until: std::time::Instant) -> Option<std::process::ExitStatus> {
    let command = std::iter::once(env!("CARGO_BIN_EXE_fou"))
        .chain(args.iter().copied())
        .collect::<Vec<_>>()
        .join(" ");
    let mut child = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("run `script` (util-linux): the test needs it to give fou a terminal");
    while std::time::Instant::now() < until {
        if let Some(status) = child.try_wait().unwrap() {
            return Some(status);
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

/// With standard error on a terminal and enough texts for the progress
/// bar, `collect` (with and without `--db`) and `links` end: the bar is
/// drawn from the parsing threads, and the program held standard error
/// locked for the whole run, so the first draw waited for ever.
#[cfg(target_os = "linux")]
#[test]
fn collect_and_links_end_with_the_progress_bar_on_a_terminal() {
    let dir = temp_dir();
    let texts = dir.path().join("texts");
    std::fs::create_dir(&texts).unwrap();
    for i in 0..25 {
        let text = format!(
            "FoU-rapport 20{i:02}\n\nOppdragsprosjekter\n\n- Tolk nr. {i} i NAV, Fjordforsk (2020-2022)\n"
        );
        std::fs::write(texts.join(format!("t{i}.txt")), text).unwrap();
    }
    let (texts, db) = (texts.display().to_string(), temp(&dir, "t.sqlite"));
    let db = db.display().to_string();
    // One guard for the three runs, far off: a hang never ends.
    let until = std::time::Instant::now() + std::time::Duration::from_secs(600);
    for args in [
        &["collect", &texts][..],
        &["collect", &texts, "--db", &db],
        &["links", &texts],
    ] {
        let status = on_a_terminal(args, until);
        assert!(
            status.is_some_and(|s| s.success()),
            "fou {args:?}: {status:?}"
        );
    }
    assert!(Path::new(&db).exists());
}

/// A database that holds a table of one of fou's names that fou did not
/// write: the run fails with one line that names SQLite's reason and the
/// statement it stopped at, not the whole schema.
#[test]
fn a_foreign_table_in_the_database_is_one_line_of_error() {
    let dir = temp_dir();
    let db = temp(&dir, "foreign.sqlite");
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch("CREATE TABLE texts (x INTEGER);")
        .unwrap();
    let page = manifest().join("tests/data/nettside-2020.txt");
    let (page, db) = (page.display().to_string(), db.display().to_string());
    let out = fou(&["collect", &page, "--db", &db]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("no such column") && err.contains("CREATE INDEX"),
        "{err}"
    );
    assert!(err.len() < 300, "{err}");
}

/// A run that reads nothing because its one input is missing (a mistyped
/// name) leaves the database as it was: its links are not made anew over
/// no texts. The exit status says a file failed.
#[test]
fn a_run_that_reads_nothing_leaves_the_database_alone() {
    let dir = temp_dir();
    let db = temp(&dir, "kept.sqlite").display().to_string();
    ok(fou(&["collect", &inputs()[0], "--db", &db]));
    let links = |db: &str| {
        let conn = rusqlite::Connection::open(db).unwrap();
        conn.query_row("SELECT count(*) FROM links", [], |r| r.get::<_, i64>(0))
            .unwrap()
    };
    let before = links(&db);
    assert!(before > 0);
    let missing = temp(&dir, "no-such-dir").display().to_string();
    let out = fou(&["collect", &missing, "--db", &db]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("the database is left as it was"), "{err}");
    assert_eq!(links(&db), before);
}

/// `fou links`' timelines show a file name as messages do: a newline or an
/// escape in it is written escaped, so each appearance stays one line and
/// no escape reaches the terminal.
#[test]
fn the_timelines_show_file_names_escaped() {
    let dir = temp_dir();
    let odd = dir.path().join("r\u{1b}[31m\nlinje");
    std::fs::create_dir(&odd).unwrap();
    let corpus = manifest().join("../../../shared/corpus");
    for f in std::fs::read_dir(&corpus).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, odd.join(f.file_name().unwrap())).unwrap();
    }
    let out = ok(fou(&["links", &odd.display().to_string()]));
    assert!(!out.contains('\u{1b}'), "{out}");
    let appearances: Vec<&str> = out.lines().filter(|l| l.ends_with(']')).collect();
    assert!(appearances.len() >= 2, "{out}");
    assert!(
        appearances
            .iter()
            .all(|l| l.contains("\\u{1b}[31m\\nlinje/")),
        "{out}"
    );
}

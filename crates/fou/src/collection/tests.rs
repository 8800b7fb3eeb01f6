use std::path::PathBuf;

use super::*;
use crate::DiagnosticCode as Code;

fn renderings() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/renderings")
}

fn examples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/data")
}

/// Everything of a collection that must not depend on the thread count.
fn fingerprint(c: &Collection) -> String {
    let mut out = String::new();
    for t in c.texts() {
        out.push_str(&format!(
            "{:?} {} {:?} {}\n",
            t.path, t.hash, t.duplicate_of, t.items
        ));
    }
    for table in Table::ALL {
        out.push_str(&format!("{:?}\n", c.rows(table)));
    }
    out
}

fn all_renderings() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = text_files(renderings())
        .unwrap()
        .into_iter()
        .filter(|p| !p.ends_with("README.md"))
        .collect();
    // the same list in another order: the collection sorts it
    paths.reverse();
    paths
}

#[test]
fn the_result_is_the_same_on_one_thread_and_on_two() {
    let paths = all_renderings();
    let run = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| Collection::from_paths(&paths, &CollectOptions::default()))
    };
    let (one, two) = (run(1), run(2));
    assert!(one.texts().len() > 40);
    assert_eq!(fingerprint(&one), fingerprint(&two));
}

/// Texts are read in a window, not in groups: while the second text of
/// a group of `window` is still being read, the first text after the group
/// starts as soon as the first is added. Here the second text's progress
/// call waits for that text's (two threads): with groups, it would wait
/// for the second, and the wait would end only at its (generous) limit.
#[test]
fn a_text_after_the_window_starts_while_an_earlier_one_is_read() {
    use std::sync::{Condvar, Mutex};
    let window = 2 * TEXTS_PER_THREAD;
    let dir = tempfile::tempdir().unwrap();
    let paths: Vec<PathBuf> = (0..window + 2)
        .map(|i| {
            let path = dir.path().join(format!("{i:02}.txt"));
            std::fs::write(&path, format!("FoU-rapport {}\n", 2000 + i)).unwrap();
            path
        })
        .collect();
    let after_read = (Mutex::new(false), Condvar::new());
    let waited_for_it = Mutex::new(None);
    let progress = |path: &Path| {
        let (read, changed) = &after_read;
        if path == paths[window] {
            *read.lock().unwrap() = true;
            changed.notify_all();
        } else if path == paths[1] {
            let limit = std::time::Duration::from_secs(120);
            let guard = read.lock().unwrap();
            let (seen, _) = changed
                .wait_timeout_while(guard, limit, |seen| !*seen)
                .unwrap();
            *waited_for_it.lock().unwrap() = Some(*seen);
        }
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .unwrap();
    let c = pool.install(|| {
        assert_eq!(rayon::current_num_threads() * TEXTS_PER_THREAD, window);
        Collection::from_paths_with_progress(&paths, &CollectOptions::default(), &progress)
    });
    assert_eq!(*waited_for_it.lock().unwrap(), Some(true));
    let years: Vec<Option<i32>> = c.texts().iter().map(|t| t.year).collect();
    let expected: Vec<Option<i32>> = (0..window + 2).map(|i| Some(2000 + i as i32)).collect();
    assert_eq!(years, expected);
}

/// The sample whose renderings this test leaves out: five of them give its
/// tables in shapes fou does not read yet (one cell per line, rows
/// flattened into paragraphs, fragments: see the renderings' README), so
/// they keep 13 of its 23 item titles, under [`super::dupes`]' share for
/// renderings of one report, and are kept as a second text of the year.
/// They join the test when those tables are read.
const TABLES_NOT_YET_READ: &str = "tables-2025";

#[test]
fn renderings_of_one_report_are_kept_once() {
    let paths: Vec<PathBuf> = all_renderings()
        .into_iter()
        .filter(|p| !p.to_string_lossy().contains(TABLES_NOT_YET_READ))
        .collect();
    let c = Collection::from_paths(&paths, &CollectOptions::default());
    assert!(c.errors().is_empty(), "{:?}", c.errors());
    let kept: Vec<(Option<i32>, &str)> = c
        .kept()
        .map(|(_, t)| (t.year, t.path.as_deref().unwrap_or_default()))
        .collect();
    // five samples, each in many renderings: one of each is kept
    let mut years: Vec<Option<i32>> = kept.iter().map(|k| k.0).collect();
    years.sort();
    assert_eq!(
        years,
        [Some(2018), Some(2019), Some(2021), Some(2023), Some(2024)],
        "{kept:?}"
    );
    for (i, t) in c.texts().iter().enumerate() {
        let Some(k) = t.duplicate_of else { continue };
        assert_eq!(t.year, c.texts()[k].year, "{}", t.name(i));
        assert!(c.texts()[k].duplicate_of.is_none());
        assert!(t.report.portfolio.is_empty() && t.report.projects.is_empty());
    }
    let dupes = c
        .diagnostics()
        .iter()
        .filter(|d| d.diagnostic.code == Code::DuplicateText)
        .count();
    assert_eq!(dupes, c.texts().len() - 5);
}

#[test]
fn different_reports_of_one_year_are_not_duplicates() {
    let a = crate::parse("FoU-rapport 2021\n\nOppdragsprosjekter\n\n- Tolk i NAV, Fjordforsk (2021-2022)\n- Unge i arbeid, UiB (2020-2023)\n- Lesing i skogen, NTNU (2021-2022)\n").unwrap();
    let b = crate::parse("FoU-rapport 2021\n\nOppdragsprosjekter\n\n- Tolk i NAV, Fjordforsk (2021-2022)\n- Kaffe på kaia, UiO (2020-2023)\n- Båter i havn, Sintef (2021-2022)\n").unwrap();
    let c = Collection::from_reports([a.clone(), b, a], &CollectOptions::default());
    let dup: Vec<Option<usize>> = c.texts().iter().map(|t| t.duplicate_of).collect();
    assert_eq!(dup, [None, None, Some(0)]);
    assert_eq!(c.items().count(), 6);
}

#[test]
fn the_better_rendering_is_kept() {
    let full = "FoU-rapport 2021\n\nOppdragsprosjekter\n\n- Tolk i NAV, Fjordforsk (2021-2022)\n- Unge i arbeid, UiB (2020-2023)\n- Lesing i skogen, NTNU (2021-2022)\n- Båter i havn, Sintef (2021-2022)\n";
    let cut = "FoU-rapport 2021\n\nOppdragsprosjekter\n\n- Tolk i NAV, Fjordforsk (2021-2022)\n- Unge i arbeid, UiB (2020-2023)\n- Lesing i skogen, NTNU (2021-2022)\n";
    let c = Collection::from_reports(
        [crate::parse(cut).unwrap(), crate::parse(full).unwrap()],
        &CollectOptions::default(),
    );
    assert_eq!(c.texts()[0].duplicate_of, Some(1));
    assert_eq!(c.texts()[1].duplicate_of, None);
    assert_eq!(c.items().count(), 4);
}

#[test]
fn checks_find_ongoing_past_end_and_an_item_listed_twice() {
    let text = "FoU-rapport 2022\n\nOppdragsprosjekter\n\n- Tolk i NAV, Fjordforsk (2019-2021)\n- Unge i arbeid, UiB (2020-2023)\n- Unge i arbeid, UiB (2020-2023)\n";
    let c = Collection::from_reports([crate::parse(text).unwrap()], &CollectOptions::default());
    let found: Vec<(Code, usize)> = c
        .diagnostics()
        .iter()
        .map(|d| {
            (
                d.diagnostic.code,
                d.diagnostic.span.map_or(0, |s| s.line_start),
            )
        })
        .collect();
    assert!(found.contains(&(Code::OngoingPastEnd, 5)), "{found:?}");
    assert!(found.contains(&(Code::DuplicateItem, 7)), "{found:?}");
    assert!(
        !found
            .iter()
            .any(|(c, l)| *c == Code::OngoingPastEnd && *l != 5),
        "{found:?}"
    );
}

#[test]
fn stated_counts_that_disagree_are_lifted_to_the_collection() {
    let text = "FoU-rapport 2021\n\nOppdragsprosjekter\n\nVed utgangen av 2021 hadde vi 3 pågående oppdragsprosjekter.\n\n- Tolk i NAV, Fjordforsk (2021-2022)\n";
    let r = crate::parse(text).unwrap();
    assert!(r.diagnostics.iter().any(|d| d.code == Code::CountMismatch));
    let c = Collection::from_reports([r], &CollectOptions::default());
    let lifted: Vec<_> = c
        .diagnostics()
        .iter()
        .filter(|d| d.diagnostic.code == Code::CountMismatch)
        .collect();
    assert_eq!(lifted.len(), 1);
    assert_eq!(lifted[0].text, Some(0));
}

#[test]
fn unreadable_files_are_errors_of_the_collection() {
    let paths = [
        examples().join("sample-2021.txt"),
        examples().join("no-such-file.txt"),
    ];
    let c = Collection::from_paths(&paths, &CollectOptions::default());
    assert_eq!(c.texts().len(), 1);
    assert_eq!(c.errors().len(), 1);
    assert!(c.errors()[0].path.ends_with("no-such-file.txt"));
}

#[test]
fn a_text_is_kept_without_its_source() {
    let c = Collection::from_paths(
        &[examples().join("sample-2021.txt")],
        &CollectOptions::default(),
    );
    let r = &c.texts()[0].report;
    assert!(r.outline.is_empty() && r.dates.is_empty() && r.preface.is_none());
    assert!(!r.projects.is_empty());
}

#[test]
fn a_registry_of_ones_own_resolves_reports_given_and_the_database_takes_it() {
    let text =
        "FoU-rapport 2021\n\nOppdragsprosjekter\n\n- Tolk i NAV, Kystforsk og UiO (2021-2022)\n";
    let plain = Collection::from_reports([crate::parse(text).unwrap()], &CollectOptions::default());
    let names: Vec<&str> = plain
        .unknown_institutions()
        .iter()
        .map(|u| &*u.name)
        .collect();
    assert_eq!(names, ["Kystforsk"]);
    let mine = Registry::from_toml(
        "[[institution]]\nid = \"kfi\"\nname = \"Kystforskningsinstituttet\"\nshort = [\"Kystforsk\"]\nkind = \"institute\"\n",
    )
    .unwrap();
    let both = Arc::new(Registry::builtin().merge(&mine).unwrap());
    let opts = CollectOptions::default().with_registry(both);
    let c = Collection::from_reports([crate::parse(text).unwrap()], &opts);
    assert!(c.unknown_institutions().is_empty());
    let ids: Vec<Option<&str>> = c.texts()[0]
        .institutions_of(ItemKind::Portfolio, 0)
        .iter()
        .map(|r| r.id.as_deref())
        .collect();
    assert_eq!(ids, [Some("kfi"), Some("uio")]);
    let rows = c.rows(Table::Institutions);
    let row_ids: Vec<&Value> = rows.iter().map(|r| &r[0]).collect();
    assert_eq!(row_ids, [&Value::from("kfi"), &Value::from("uio")]);
}

#[test]
fn an_unknown_institution_is_one_diagnostic_however_often_it_is_named() {
    let a = "FoU-rapport 2021\n\nOppdragsprosjekter\n\n- Tolk i NAV, Kystforsk (2021-2022)\n- Unge i arbeid, Kystforsk  (2020-2023)\n";
    let b = "FoU-rapport 2022\n\nOppdragsprosjekter\n\n- Båter i havn, Kystforsk (2022-2023)\n";
    let c = Collection::from_reports(
        [crate::parse(a).unwrap(), crate::parse(b).unwrap()],
        &CollectOptions::default(),
    );
    let unknown = c.unknown_institutions();
    assert_eq!(unknown.len(), 1);
    assert_eq!((unknown[0].items, unknown[0].first_text), (3, 0));
    let diags = c
        .diagnostics()
        .iter()
        .filter(|d| d.diagnostic.code == Code::UnknownInstitution)
        .count();
    assert_eq!(diags, 1);
}

#[test]
fn a_linked_project_completed_before_it_started_is_a_period_conflict() {
    let a = "FoU-rapport 2021\n\nAvsluttede oppdragsprosjekter\n\nTolk i kontoret, Fjordforsk\n\nEn studie av tolking.\n";
    let b = "FoU-rapport 2022\n\nOppdragsprosjekter\n\n- Tolk i kontoret, Fjordforsk (2022-2024)\n";
    let mut c = Collection::from_reports(
        [crate::parse(a).unwrap(), crate::parse(b).unwrap()],
        &CollectOptions::default(),
    );
    // The matcher keeps such a pair apart; a group that holds it anyway
    // (through a third appearance) is what the check is for.
    let apps: Vec<Appearance> = c.appearances().to_vec();
    assert_eq!(apps.len(), 2, "{apps:?}");
    c.links = vec![LinkGroup {
        id: "p-test".to_owned(),
        appearances: apps,
        score: 1.0,
        reason: "test".to_owned(),
    }];
    let found = links::period_conflicts(&c);
    assert_eq!(found.len(), 1, "{found:?}");
    let d = &found[0];
    assert_eq!((d.text, d.diagnostic.code), (Some(1), Code::PeriodConflict));
    assert_eq!(d.diagnostic.span.map(|s| s.line_start), Some(5));
    assert!(
        d.diagnostic
            .message
            .contains("completed in 2021, before its period 2022–2024 started"),
        "{}",
        d.diagnostic.message
    );
}

/// A text's hash is SHA-256 of its report's JSON (serde_json's compact
/// bytes), however the bytes reach the hasher (a chunk at a time, then the
/// rest); one of the texts is a sample sixteen times over, whose JSON is
/// several chunks long.
#[test]
fn the_content_hash_is_sha_256_of_the_report_json() {
    let mut longest = 0;
    let read = |name: &str| std::fs::read_to_string(examples().join(name)).unwrap();
    let texts = ["sample-2021.txt", "sample-2022.txt", "sample-2023.md"]
        .map(read)
        .into_iter()
        .chain([read("sample-2023.md").repeat(16)]);
    for (name, text) in texts.enumerate() {
        let report = crate::parse(&text).unwrap();
        let json = serde_json::to_vec(&report).unwrap();
        longest = longest.max(json.len());
        let expected: String = Sha256::digest(&json)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(content_hash(&report), expected, "{name}");
    }
    assert!(longest > 2 * crate::json::CHUNK, "{longest}");
}

/// Two texts of one content, each a duplicate of another rendering: the
/// second follows the first (not kept in its place, no second row in the
/// texts table, whose key is the content hash), and the collection writes.
#[test]
fn a_text_with_the_content_of_an_earlier_duplicate_follows_it() {
    let full = "FoU-rapport 2021\n\nOppdragsprosjekter\n\n- Tolk i NAV, Fjordforsk (2021-2022)\n- Unge i arbeid, UiB (2020-2023)\n- Lesing i skogen, NTNU (2021-2022)\n- Båter i havn, Sintef (2021-2022)\n";
    let cut = "FoU-rapport 2021\n\nOppdragsprosjekter\n\n- Tolk i NAV, Fjordforsk (2021-2022)\n- Unge i arbeid, UiB (2020-2023)\n- Lesing i skogen, NTNU (2021-2022)\n";
    let other = "FoU-rapport 2021\n\nOppdragsprosjekter\n\n- Tolk i NAV, Fjordforsk (2021-2022)\n- Unge i arbeid, UiB (2020-2023)\n- Lesing i skogen, NTNU (2021-2022)\n- Båter i havn, Sintef (2021-2022)\n- Kaffe på kaia, UiO (2020-2023)\n";
    // (full kept; cut its rendering; then a better rendering of full
    // takes its place; then cut again)
    let texts = [full, cut, other, cut].map(|t| crate::parse(t).unwrap());
    let c = Collection::from_reports(texts, &CollectOptions::default());
    let dup: Vec<Option<usize>> = c.texts().iter().map(|t| t.duplicate_of).collect();
    assert_eq!(dup, [Some(2), Some(2), None, Some(2)]);
    assert_eq!(
        c.texts()[3].duplicate_reason.as_deref(),
        Some("the same content as text 2")
    );
    let rows = c.rows(Table::Texts);
    assert_eq!(rows.len(), 3, "one row for the cut's content");
    #[cfg(feature = "sqlite")]
    {
        let mut db = rusqlite::Connection::open_in_memory().unwrap();
        c.write_into(&mut db).unwrap();
        let n: i64 = db
            .query_row("SELECT count(*) FROM texts", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 3);
    }
}

/// Every cell of every table is NULL or of its column's type
/// ([`Table::column_types`]), and every column of a type holds some
/// value of it in a collection of the renderings and examples (the
/// Python frames read the types to make whole-number columns `Int64`).
#[test]
fn every_cell_is_of_its_columns_type() {
    let mut paths = all_renderings();
    paths.extend(text_files(examples()).unwrap());
    let c = Collection::from_paths(&paths, &CollectOptions::default());
    for table in Table::ALL {
        let types = table.column_types();
        assert_eq!(types.len(), table.columns().len(), "{}", table.name());
        let rows = c.rows(table);
        for row in &rows {
            for (value, ty) in row.iter().zip(&types) {
                let fits = match value {
                    Value::Null => true,
                    Value::Int(_) => *ty == ColumnType::Integer,
                    Value::Real(_) => *ty == ColumnType::Real,
                    Value::Text(_) => *ty == ColumnType::Text,
                };
                assert!(fits, "{}: {value:?} in a column of {ty:?}", table.name());
            }
        }
        assert!(!rows.is_empty(), "{}", table.name());
    }
}

/// [`Collection::columns_of`] gives the rows' cells column by column: every
/// table, its columns picked in reverse with the first and a middle one
/// picked again, holds what [`Collection::rows`] holds; an index past the
/// columns gives `None`.
#[test]
fn columns_of_holds_the_rows_cells_column_by_column() {
    let c = Collection::from_paths(&all_renderings(), &CollectOptions::default());
    for table in Table::ALL {
        let width = table.columns().len();
        let mut picked: Vec<usize> = (0..width).rev().collect();
        picked.extend([width - 1, width / 2]);
        let rows = c.rows(table);
        let columns = c.columns_of(table, &picked).unwrap_or_default();
        assert_eq!(columns.len(), picked.len(), "{}", table.name());
        for (column, &i) in columns.iter().zip(&picked) {
            let expected: Vec<&Value> = rows.iter().map(|row| &row[i]).collect();
            let got: Vec<&Value> = column.iter().collect();
            assert_eq!(got, expected, "{} column {i}", table.name());
        }
        assert!(!rows.is_empty(), "{}", table.name());
        assert_eq!(c.columns_of(table, &[0, width]), None, "{}", table.name());
    }
}

/// The rows of every table are the same made on one thread and on four
/// (the item tables' and the appearances' are made on the pool, in order).
#[test]
fn rows_are_the_same_on_one_thread_and_on_four() {
    let mut paths = all_renderings();
    paths.extend(text_files(examples()).unwrap());
    let c = Collection::from_paths(&paths, &CollectOptions::default());
    let on = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| Table::ALL.map(|t| c.rows(t)))
    };
    let (one, four) = (on(1), on(4));
    for (table, (a, b)) in Table::ALL.iter().zip(one.iter().zip(&four)) {
        assert_eq!(a, b, "{}", table.name());
        assert!(!a.is_empty(), "{}", table.name());
    }
}

/// The items view holds a row for each row of `item_institutions`, with
/// its text's path and year, ordered by path, kind, index and position;
/// the timelines view a row for each linked appearance, ordered by link.
#[test]
fn the_views_join_the_tables() {
    let mut paths = all_renderings();
    paths.extend(text_files(examples()).unwrap());
    let c = Collection::from_paths(&paths, &CollectOptions::default());
    let items = c.view_rows(View::Items);
    // The cells at `at` of each row, shown, in sorted order.
    let keys_of = |rows: &[Vec<Value>], at: [usize; 5]| {
        let mut keys: Vec<String> = (rows.iter())
            .map(|r| format!("{:?}", at.map(|k| &r[k])))
            .collect();
        keys.sort();
        keys
    };
    let keys = keys_of(&items, [0, 3, 4, 7, 10]);
    let table = keys_of(&c.rows(Table::ItemInstitutions), [0, 1, 2, 3, 5]);
    assert_eq!(keys, table);
    let text = |v: &Value| match v {
        Value::Text(s) => Some(s.clone()),
        _ => None,
    };
    let int = |v: &Value| match v {
        Value::Int(i) => *i,
        _ => i64::MIN,
    };
    let key = |r: &Vec<Value>| {
        let path = text(&r[1]);
        (path.is_none(), path, text(&r[3]), int(&r[4]), int(&r[7]))
    };
    assert!(items.windows(2).all(|w| key(&w[0]) <= key(&w[1])));
    let timelines = c.view_rows(View::Timelines);
    let linked = (c.rows(Table::Appearances).iter())
        .filter(|r| r[9] != Value::Null)
        .count();
    assert_eq!(timelines.len(), linked);
    assert!(
        timelines
            .windows(2)
            .all(|w| format!("{:?}", w[0][0]) <= format!("{:?}", w[1][0]))
    );
    assert!(!items.is_empty() && !timelines.is_empty());
}

/// `is_report` is true for the sample reports and false for every sample
/// web page, those with items (a `not-a-report` warning) and the one with
/// none (the error), as the tables' documentation says.
#[test]
fn a_page_is_no_report() {
    let c = Collection::from_paths(&text_files(examples()).unwrap(), &CollectOptions::default());
    let mut pages = 0;
    for t in c.texts() {
        let path = t.path.as_deref().unwrap_or_default();
        let page = path.contains("/pages/");
        assert_eq!(t.is_report, !page, "{path}");
        pages += usize::from(page && t.items > 0);
    }
    assert!(pages >= 5, "{pages} pages with items");
    assert!(c.texts().iter().any(|t| t.is_report));
}

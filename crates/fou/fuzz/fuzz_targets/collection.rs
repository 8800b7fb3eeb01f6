//! A collection read from texts: the input is cut at each byte 0x1E into up
//! to 8 texts, each parsed, and the reports read as one collection
//! (`Collection::from_reports`), which finds duplicate texts and renderings
//! of one report and links the projects that appear in several texts. The
//! input's lines are also linked as titles alone (`link::link`, each line
//! an appearance of a text of its own, its year drawn from its length),
//! which reads every line as a title: its words, its variants and its
//! acronyms.
//!
//! Neither may panic. A duplicate names an earlier or later text that is
//! kept and gives a reason; only kept texts appear; every group links two
//! or more appearances, each of a text that exists. Every table's rows are
//! as wide as its columns, and its columns (`columns_of`, all of them in
//! reverse and a middle one again) hold the rows' cells; the items view has
//! a row per item institution, the timelines view one per linked appearance.

#![no_main]

use fou::collection::{CollectOptions, Collection, Table, Value, View};
use fou::link::{Appearance, AppearanceKind, LinkOptions};
use libfuzzer_sys::fuzz_target;

const MAX_TEXTS: usize = 8;
const MAX_TITLES: usize = 64;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let reports: Vec<_> = (input.split('\u{1e}').take(MAX_TEXTS))
        .filter_map(|t| fou::parse(t).ok())
        .collect();
    let n = reports.len();
    let c = Collection::from_reports(reports, &CollectOptions::default());
    assert_eq!(c.texts().len(), n);
    for (i, t) in c.texts().iter().enumerate() {
        if let Some(k) = t.duplicate_of {
            assert!(k < n && k != i, "text {i} duplicates {k}");
            assert!(c.texts()[k].duplicate_of.is_none(), "text {i}'s {k} is kept");
            assert!(t.duplicate_reason.is_some());
        }
    }
    for a in c.appearances() {
        assert!(c.texts().get(a.text).is_some_and(|t| t.duplicate_of.is_none()));
    }
    for g in c.links() {
        assert!(g.appearances.len() >= 2, "{}", g.id);
        assert!(g.appearances.iter().all(|a| a.text < n));
    }
    for table in Table::ALL {
        let width = table.columns().len();
        let rows = c.rows(table);
        assert!(rows.iter().all(|r| r.len() == width), "{}", table.name());
        let mut picked: Vec<usize> = (0..width).rev().collect();
        picked.push(width / 2);
        let columns = c.columns_of(table, &picked).unwrap_or_default();
        assert_eq!(columns.len(), picked.len(), "{}", table.name());
        for (column, &i) in columns.iter().zip(&picked) {
            assert!(column.iter().eq(rows.iter().map(|r| &r[i])), "{}", table.name());
        }
    }
    let items = c.view_rows(View::Items);
    assert_eq!(items.len(), c.rows(Table::ItemInstitutions).len());
    let linked = (c.rows(Table::Appearances).iter()).filter(|r| r[9] != Value::Null).count();
    let timelines = c.view_rows(View::Timelines);
    assert_eq!(timelines.len(), linked);
    for (view, rows) in [(View::Items, &items), (View::Timelines, &timelines)] {
        assert!(rows.iter().all(|r| r.len() == view.columns().len()), "{}", view.name());
    }
    let titles: Vec<Appearance> = (input.lines().take(MAX_TITLES).enumerate())
        .map(|(k, line)| {
            let year = 2015 + (line.len() % 8) as i32;
            Appearance::new(k, "t", Some(year), AppearanceKind::Portfolio, 0, line)
        })
        .collect();
    for g in fou::link::link(&titles, &LinkOptions::default()) {
        assert!(g.appearances.len() >= 2, "{}", g.id);
        assert!(g.appearances.iter().all(|a| a.text < titles.len()));
    }
});

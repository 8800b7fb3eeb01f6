//! A collection as tables of rows: what `fou collect` writes into SQLite
//! and prints as JSON, NDJSON or CSV, one definition for all of them. The
//! columns are documented in `docs/sqlite-schema.md`.

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use super::{Collection, Text};
use crate::model::{Funding, PhdStatus, PortfolioStatus, Span};

/// One cell: SQL's NULL, INTEGER, REAL or TEXT.
///
/// ```
/// use fou::collection::Value;
/// assert_eq!(serde_json::to_string(&Value::from(Some(2020))).unwrap(), "2020");
/// assert_eq!(serde_json::to_string(&Value::from(None::<i32>)).unwrap(), "null");
/// assert_eq!(Value::from("a").to_string(), "a");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Value {
    /// No value (also what a cell moved out of a row leaves behind).
    #[default]
    Null,
    /// A whole number.
    Int(i64),
    /// A fraction.
    Real(f64),
    /// Text.
    Text(String),
}

impl std::fmt::Display for Value {
    /// The value as CSV writes it before quoting: nothing for NULL.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Null => Ok(()),
            Value::Int(i) => write!(f, "{i}"),
            Value::Real(r) => write!(f, "{r}"),
            Value::Text(s) => f.write_str(s),
        }
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Text(s.to_owned())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::Text(s)
    }
}

impl From<std::borrow::Cow<'_, str>> for Value {
    fn from(s: std::borrow::Cow<'_, str>) -> Self {
        Value::Text(s.into_owned())
    }
}

impl From<i32> for Value {
    fn from(i: i32) -> Self {
        Value::Int(i64::from(i))
    }
}

impl From<usize> for Value {
    fn from(i: usize) -> Self {
        Value::Int(i64::try_from(i).unwrap_or(i64::MAX))
    }
}

impl From<f64> for Value {
    fn from(r: f64) -> Self {
        Value::Real(r)
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Self {
        v.map_or(Value::Null, Into::into)
    }
}

/// The tables of a collection.
///
/// ```
/// use fou::collection::Table;
/// assert_eq!("portfolio".parse::<Table>(), Ok(Table::Portfolio));
/// assert_eq!(Table::Texts.columns()[0], "hash");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Table {
    /// One row per text, duplicates included.
    Texts,
    /// Completed projects.
    Projects,
    /// Listed ongoing or granted projects.
    Portfolio,
    /// Internal analyses.
    Analyses,
    /// Publication references.
    Publications,
    /// PhD candidates.
    Phd,
    /// The registry entries the items name (and their parents).
    Institutions,
    /// Each institution of each project, portfolio item and PhD candidate.
    ItemInstitutions,
    /// Each project, portfolio item and PhD candidate as an appearance of a
    /// project, with its link.
    Appearances,
    /// Groups of appearances judged to be the same project.
    Links,
    /// The collection's diagnostics.
    Diagnostics,
}

/// The columns every item table starts with: its text and its index in
/// the text's list.
const ITEM_KEY: [Column; 2] = [
    ("text_hash", ColumnType::Text),
    ("idx", ColumnType::Integer),
];
/// … and ends with: its lines.
const LINES: [Column; 2] = [
    ("line_start", ColumnType::Integer),
    ("line_end", ColumnType::Integer),
];

impl Table {
    /// Every table, in the order they are written.
    pub const ALL: [Table; 11] = [
        Table::Texts,
        Table::Projects,
        Table::Portfolio,
        Table::Analyses,
        Table::Publications,
        Table::Phd,
        Table::Institutions,
        Table::ItemInstitutions,
        Table::Appearances,
        Table::Links,
        Table::Diagnostics,
    ];

    /// The table's name.
    ///
    /// ```
    /// assert_eq!(fou::collection::Table::ItemInstitutions.name(), "item_institutions");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Table::Texts => "texts",
            Table::Projects => "projects",
            Table::Portfolio => "portfolio",
            Table::Analyses => "analyses",
            Table::Publications => "publications",
            Table::Phd => "phd",
            Table::Institutions => "institutions",
            Table::ItemInstitutions => "item_institutions",
            Table::Appearances => "appearances",
            Table::Links => "links",
            Table::Diagnostics => "diagnostics",
        }
    }

    /// The column names, in row order.
    ///
    /// ```
    /// assert_eq!(fou::collection::Table::Links.columns(), ["id", "size", "score", "reason"]);
    /// ```
    pub fn columns(self) -> Vec<&'static str> {
        self.schema().into_iter().map(|(name, _)| name).collect()
    }

    /// The type of each column, in row order: what its cells hold when
    /// they are not NULL (the types of the SQLite schema).
    ///
    /// ```
    /// use fou::collection::{ColumnType, Table};
    /// let types = Table::Links.column_types();
    /// assert_eq!(types, [ColumnType::Text, ColumnType::Integer, ColumnType::Real, ColumnType::Text]);
    /// assert_eq!(types[1].as_str(), "integer");
    /// ```
    pub fn column_types(self) -> Vec<ColumnType> {
        self.schema().into_iter().map(|(_, ty)| ty).collect()
    }

    /// Each column's name and type, in row order.
    fn schema(self) -> Vec<Column> {
        let item = |middle: &[Column]| -> Vec<Column> {
            ITEM_KEY
                .iter()
                .chain(middle)
                .chain(&LINES)
                .copied()
                .collect()
        };
        match self {
            Table::Texts => TEXTS.to_vec(),
            Table::Projects => item(&PROJECTS),
            Table::Portfolio => item(&PORTFOLIO),
            Table::Analyses => item(&ANALYSES),
            Table::Publications => item(&PUBLICATIONS),
            Table::Phd => item(&PHD),
            Table::Institutions => INSTITUTIONS.to_vec(),
            Table::ItemInstitutions => ITEM_INSTITUTIONS.to_vec(),
            Table::Appearances => APPEARANCES.to_vec(),
            Table::Links => LINKS.to_vec(),
            Table::Diagnostics => DIAGNOSTICS.to_vec(),
        }
    }
}

/// A column of a table: its name and type.
type Column = (&'static str, ColumnType);

// The columns of each table (an item table's between its key and its lines).
use ColumnType::{Integer as I, Real as R, Text as T};
const TEXTS: [Column; 12] = [
    ("hash", T),
    ("path", T),
    ("year", I),
    ("title", T),
    ("is_report", I),
    ("format", T),
    ("bytes", I),
    ("lines", I),
    ("coverage", R),
    ("items", I),
    ("duplicate_of", T),
    ("duplicate_reason", T),
];
const PROJECTS: [Column; 6] = [
    ("title", T),
    ("institution_raw", T),
    ("funding", T),
    ("theme", T),
    ("lead", T),
    ("summary", T),
];
const PORTFOLIO: [Column; 7] = [
    ("title", T),
    ("institution_raw", T),
    ("period_start", I),
    ("period_end", I),
    ("funding", T),
    ("theme", T),
    ("status", T),
];
const ANALYSES: [Column; 6] = [
    ("issue", I),
    ("year", I),
    ("title", T),
    ("subtitle", T),
    ("authors", T),
    ("abstract", T),
];
const PUBLICATIONS: [Column; 4] = [("authors", T), ("year", I), ("title", T), ("venue", T)];
const PHD: [Column; 4] = [
    ("title", T),
    ("candidate", T),
    ("institution", T),
    ("status", T),
];
const INSTITUTIONS: [Column; 4] = [("id", T), ("name", T), ("parent", T), ("kind", T)];
const ITEM_INSTITUTIONS: [Column; 6] = [
    ("text_hash", T),
    ("kind", T),
    ("idx", I),
    ("position", I),
    ("institution_id", T),
    ("raw", T),
];
const APPEARANCES: [Column; 10] = [
    ("text_hash", T),
    ("kind", T),
    ("idx", I),
    ("year", I),
    ("title", T),
    ("institution_raw", T),
    ("status", T),
    ("period_start", I),
    ("period_end", I),
    ("link_id", T),
];
const LINKS: [Column; 4] = [("id", T), ("size", I), ("score", R), ("reason", T)];
const DIAGNOSTICS: [Column; 5] = [
    ("text_hash", T),
    ("severity", T),
    ("code", T),
    ("message", T),
    ("line", I),
];

/// The type of a table's column ([`Table::column_types`]): SQL's INTEGER,
/// REAL or TEXT, what [`Value::Int`], [`Value::Real`] and [`Value::Text`]
/// hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ColumnType {
    /// Whole numbers (and 0 or 1 for a yes or no).
    Integer,
    /// Fractions.
    Real,
    /// Text.
    Text,
}

impl ColumnType {
    /// The type's name in lower case, as SQL writes it.
    ///
    /// ```
    /// assert_eq!(fou::collection::ColumnType::Real.as_str(), "real");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ColumnType::Integer => "integer",
            ColumnType::Real => "real",
            ColumnType::Text => "text",
        }
    }
}

impl std::str::FromStr for Table {
    type Err = String;

    /// A table from its name.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Table::ALL
            .into_iter()
            .find(|t| t.name() == s)
            .ok_or_else(|| format!("unknown table {s:?}"))
    }
}

fn funding(f: Option<Funding>) -> Value {
    f.map(Funding::as_str).into()
}

fn portfolio_status(s: PortfolioStatus) -> &'static str {
    match s {
        PortfolioStatus::Ongoing => "ongoing",
        PortfolioStatus::Granted => "granted",
        PortfolioStatus::Shortlisted => "shortlisted",
    }
}

fn phd_status(s: PhdStatus) -> &'static str {
    match s {
        PhdStatus::Completed => "completed",
        PhdStatus::Ongoing => "ongoing",
    }
}

/// An item row: the text's hash and the index, the middle, the lines.
fn item_row(t: &Text, idx: usize, middle: Vec<Value>, span: Span) -> Vec<Value> {
    let mut row = vec![Value::from(t.hash.as_str()), Value::from(idx)];
    row.extend(middle);
    row.push(span.line_start.into());
    row.push(span.line_end.into());
    row
}

/// Paragraphs joined by a blank line, names by `; `.
fn joined(parts: &[std::borrow::Cow<'_, str>], sep: &str) -> Value {
    Value::Text(parts.join(sep))
}

impl Collection {
    /// The rows of one table (columns in [`Table::columns`] order). The rows
    /// of the item tables and of `appearances` are made on the current rayon
    /// pool (run it in [`rayon::ThreadPool::install`] to bound the threads),
    /// in order.
    ///
    /// ```
    /// use fou::collection::{Collection, Table, Value};
    /// let r = fou::parse("FoU-rapport 2021\n\nOppdragsprosjekter\n\n- Tolk i NAV, Fjordforsk (2021-2022)\n")?;
    /// let c = Collection::from_reports([r], &Default::default());
    /// let rows = c.rows(Table::Portfolio);
    /// assert_eq!(rows[0][2], Value::from("Tolk i NAV"));
    /// assert_eq!(rows[0][4], Value::from(2021));
    /// # Ok::<(), fou::Error>(())
    /// ```
    pub fn rows(&self, table: Table) -> Vec<Vec<Value>> {
        match table {
            // A text with the content of an earlier one has no row of its
            // own (the table is keyed by the content hash): its
            // `duplicate-text` diagnostic names it.
            Table::Texts => {
                let mut seen = std::collections::HashSet::new();
                self.texts
                    .iter()
                    .filter(|t| seen.insert(t.hash.as_str()))
                    .map(|t| self.text_row(t))
                    .collect()
            }
            Table::Institutions => self.institution_rows(),
            Table::ItemInstitutions => self.item_institution_rows(),
            Table::Appearances => self.appearance_rows(),
            Table::Links => self.link_rows(),
            Table::Diagnostics => self.diagnostic_rows(),
            // Each kept text's rows are made on the pool, and kept in order.
            item => {
                let kept: Vec<&Text> = self.kept().map(|(_, t)| t).collect();
                kept.par_iter()
                    .flat_map_iter(|t| item_rows(t, item))
                    .collect()
            }
        }
    }

    /// The cells of some columns of one table, column by column: entry `k`
    /// holds every row's cell of column `picked[k]` (an index into
    /// [`Table::columns`]), in row order. The rows are built as by
    /// [`Collection::rows`] and the picked cells moved out, not copied; a
    /// column picked again is cloned from its first pick. `None` when an
    /// index is not one of the table's columns.
    ///
    /// For a reader that wants a few columns of a wide table, column by
    /// column (a data frame).
    ///
    /// ```
    /// use fou::collection::{Collection, Table, Value};
    /// let r = fou::parse("FoU-rapport 2021\n\nOppdragsprosjekter\n\n- Tolk i NAV, Fjordforsk (2021-2022)\n")?;
    /// let c = Collection::from_reports([r], &Default::default());
    /// let columns = Table::Portfolio.columns();
    /// let title = columns.iter().position(|&c| c == "title").unwrap();
    /// let picked = c.columns_of(Table::Portfolio, &[title, 1]).unwrap();
    /// assert_eq!(picked, vec![vec![Value::from("Tolk i NAV")], vec![Value::from(0)]]);
    /// assert!(c.columns_of(Table::Portfolio, &[columns.len()]).is_none());
    /// # Ok::<(), fou::Error>(())
    /// ```
    pub fn columns_of(&self, table: Table, picked: &[usize]) -> Option<Vec<Vec<Value>>> {
        let width = table.columns().len();
        if picked.iter().any(|&i| i >= width) {
            return None;
        }
        // The first pick of each column takes its cells; a later pick of the
        // same column copies them from there.
        let first: Vec<Option<usize>> = (0..picked.len())
            .map(|k| picked[..k].iter().position(|&i| i == picked[k]))
            .collect();
        let rows = self.rows(table);
        let mut out: Vec<Vec<Value>> = picked
            .iter()
            .map(|_| Vec::with_capacity(rows.len()))
            .collect();
        for mut row in rows {
            for (k, &i) in picked.iter().enumerate() {
                let cell = match first[k] {
                    Some(j) => out[j].last().cloned().unwrap_or(Value::Null),
                    None => row.get_mut(i).map(std::mem::take).unwrap_or(Value::Null),
                };
                out[k].push(cell);
            }
        }
        Some(out)
    }

    fn text_row(&self, t: &Text) -> Vec<Value> {
        let s = &t.report.source;
        let duplicate_of = t.duplicate_of.map(|k| self.texts[k].hash.clone());
        vec![
            t.hash.as_str().into(),
            t.path.clone().into(),
            t.year.into(),
            t.title.clone().into(),
            Value::Int(i64::from(t.is_report)),
            s.format.as_str().into(),
            s.bytes.into(),
            s.lines.into(),
            s.coverage.into(),
            t.items.into(),
            duplicate_of.into(),
            t.duplicate_reason.clone().into(),
        ]
    }

    /// The registry entries the kept items name, with their parents (so
    /// that `parent` always names a row); an id the collection's registry
    /// does not have (a report parsed with another registry) gets the name
    /// its item gave it.
    fn institution_rows(&self) -> Vec<Vec<Value>> {
        let registry = self.registry();
        let mut named: BTreeMap<String, Option<String>> = BTreeMap::new();
        let refs = self
            .kept()
            .flat_map(|(_, t)| t.item_institutions())
            .flat_map(|(_, _, refs)| refs);
        for r in refs {
            // The first ref of an id names it (its key made once, not per ref).
            if let Some(id) = r.id.as_deref().filter(|id| !named.contains_key(*id)) {
                named.insert(id.to_owned(), r.name.as_deref().map(str::to_owned));
            }
        }
        let mut todo: Vec<String> = named.keys().cloned().collect();
        while let Some(id) = todo.pop() {
            let parent = registry.get(&id).and_then(|e| e.parent.clone());
            if let Some(p) = parent.filter(|p| !named.contains_key(p)) {
                named.insert(p.clone(), None);
                todo.push(p);
            }
        }
        named
            .into_iter()
            .map(|(id, name)| match registry.get(&id) {
                Some(e) => {
                    let kind = serde_json::to_value(e.kind)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned));
                    vec![
                        e.id.as_str().into(),
                        (&*e.name).into(),
                        e.parent.clone().into(),
                        kind.into(),
                    ]
                }
                None => {
                    let name = name.unwrap_or_else(|| id.clone());
                    vec![id.into(), name.into(), Value::Null, Value::Null]
                }
            })
            .collect()
    }

    fn item_institution_rows(&self) -> Vec<Vec<Value>> {
        let mut rows = Vec::new();
        for (_, t) in self.kept() {
            for (kind, index, refs) in t.item_institutions() {
                for (position, r) in refs.iter().enumerate() {
                    rows.push(vec![
                        t.hash.as_str().into(),
                        kind.as_str().into(),
                        index.into(),
                        position.into(),
                        r.id.clone().into(),
                        (&*r.raw).into(),
                    ]);
                }
            }
        }
        rows
    }

    fn diagnostic_rows(&self) -> Vec<Vec<Value>> {
        self.diagnostics
            .iter()
            .map(|d| {
                let hash = d.text.map(|i| self.texts[i].hash.clone());
                let severity = match d.diagnostic.severity {
                    crate::Severity::Info => "info",
                    crate::Severity::Warning => "warning",
                    crate::Severity::Error => "error",
                };
                vec![
                    hash.into(),
                    severity.into(),
                    d.diagnostic.code.as_str().into(),
                    d.diagnostic.message.as_str().into(),
                    d.diagnostic.span.map(|s| s.line_start).into(),
                ]
            })
            .collect()
    }
}

/// The rows of an item table for one text.
fn item_rows(t: &Text, table: Table) -> Vec<Vec<Value>> {
    let r = &t.report;
    match table {
        Table::Projects => rows_of(
            t,
            &r.projects,
            |p| p.span,
            |p| {
                vec![
                    (&*p.title).into(),
                    p.institution_raw.clone().into(),
                    funding(p.funding),
                    p.theme.clone().into(),
                    p.lead.clone().into(),
                    joined(&p.summary, "\n\n"),
                ]
            },
        ),
        Table::Portfolio => rows_of(
            t,
            &r.portfolio,
            |p| p.span,
            |p| {
                vec![
                    (&*p.title).into(),
                    p.institution_raw.clone().into(),
                    p.period.map(|x| x.start).into(),
                    p.period.map(|x| x.end).into(),
                    funding(p.funding),
                    p.theme.clone().into(),
                    portfolio_status(p.status).into(),
                ]
            },
        ),
        Table::Analyses => rows_of(
            t,
            &r.analyses,
            |a| a.span,
            |a| {
                vec![
                    a.issue.map(i64::from).map_or(Value::Null, Value::Int),
                    a.year.into(),
                    (&*a.title).into(),
                    a.subtitle.clone().into(),
                    joined(&a.authors, "; "),
                    joined(&a.abstract_, "\n\n"),
                ]
            },
        ),
        Table::Publications => rows_of(
            t,
            &r.publications,
            |p| p.span,
            |p| {
                vec![
                    joined(&p.authors, "; "),
                    p.year.into(),
                    (&*p.title).into(),
                    p.venue.clone().into(),
                ]
            },
        ),
        Table::Phd => rows_of(
            t,
            &r.phd,
            |p| p.span,
            |p| {
                vec![
                    (&*p.title).into(),
                    (&*p.candidate).into(),
                    p.institution.clone().into(),
                    phd_status(p.status).into(),
                ]
            },
        ),
        _ => Vec::new(),
    }
}

/// One row per item of `items`: the text's key and the item's index, the
/// item's own columns (`middle`), its lines.
fn rows_of<T>(
    t: &Text,
    items: &[T],
    span: impl Fn(&T) -> Span,
    middle: impl Fn(&T) -> Vec<Value>,
) -> Vec<Vec<Value>> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| item_row(t, i, middle(item), span(item)))
        .collect()
}

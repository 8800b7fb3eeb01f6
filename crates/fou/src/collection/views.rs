//! Views: rows that join tables of a collection, made from the collection
//! itself rather than by joining its tables (Python's `items_frame` and
//! `timelines_frame`; the same rows, in the same order, as `fou.ITEMS_SQL`
//! and `fou.TIMELINES_SQL` on the database).

use std::cmp::Ordering;
use std::collections::HashMap;

use rayon::prelude::*;

use super::tables::{ColumnType, Value};
use super::{Collection, Text};
use crate::ItemKind;

/// A view of a collection: rows that join its tables.
///
/// ```
/// use fou::collection::View;
/// assert_eq!(View::Items.name(), "items");
/// assert_eq!(View::Items.columns()[..3], ["text_hash", "path", "year"]);
/// assert_eq!(View::Items.columns().len(), View::Items.column_types().len());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum View {
    /// Items with their institutions: one row per item and institution (an
    /// item without institutions has none), with the text's path and year,
    /// the item's title and theme, and the registry's name of the
    /// institution; ordered by path (a text without one last), kind, index
    /// and position.
    Items,
    /// The timelines of linked projects: one row per appearance of a linked
    /// project, with the text's path; ordered by link, year, path (no year
    /// or path first), kind and index.
    Timelines,
}

/// The columns of [`View::Items`] and their types.
const ITEMS: [(&str, ColumnType); 11] = [
    ("text_hash", ColumnType::Text),
    ("path", ColumnType::Text),
    ("year", ColumnType::Integer),
    ("kind", ColumnType::Text),
    ("idx", ColumnType::Integer),
    ("title", ColumnType::Text),
    ("theme", ColumnType::Text),
    ("position", ColumnType::Integer),
    ("institution_id", ColumnType::Text),
    ("institution_name", ColumnType::Text),
    ("raw", ColumnType::Text),
];

/// The columns of [`View::Timelines`] and their types.
const TIMELINES: [(&str, ColumnType); 11] = [
    ("link_id", ColumnType::Text),
    ("year", ColumnType::Integer),
    ("kind", ColumnType::Text),
    ("title", ColumnType::Text),
    ("institution_raw", ColumnType::Text),
    ("status", ColumnType::Text),
    ("period_start", ColumnType::Integer),
    ("period_end", ColumnType::Integer),
    ("path", ColumnType::Text),
    ("text_hash", ColumnType::Text),
    ("idx", ColumnType::Integer),
];

impl View {
    /// Every view.
    pub const ALL: [View; 2] = [View::Items, View::Timelines];

    /// The view's name: `items` or `timelines`.
    ///
    /// ```
    /// assert_eq!(fou::collection::View::Timelines.name(), "timelines");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            View::Items => "items",
            View::Timelines => "timelines",
        }
    }

    /// The column names, in row order.
    ///
    /// ```
    /// assert_eq!(fou::collection::View::Timelines.columns()[0], "link_id");
    /// ```
    pub fn columns(self) -> Vec<&'static str> {
        self.schema().iter().map(|(name, _)| *name).collect()
    }

    /// The type of each column, in row order (what a cell holds when it is
    /// not NULL).
    ///
    /// ```
    /// use fou::collection::{ColumnType, View};
    /// assert_eq!(View::Timelines.column_types()[1], ColumnType::Integer);
    /// ```
    pub fn column_types(self) -> Vec<ColumnType> {
        self.schema().iter().map(|(_, ty)| *ty).collect()
    }

    fn schema(self) -> &'static [(&'static str, ColumnType)] {
        match self {
            View::Items => &ITEMS,
            View::Timelines => &TIMELINES,
        }
    }
}

impl std::str::FromStr for View {
    type Err = String;

    /// A view by its name.
    ///
    /// ```
    /// assert_eq!("items".parse(), Ok(fou::collection::View::Items));
    /// assert!("nope".parse::<fou::collection::View>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        View::ALL
            .into_iter()
            .find(|v| v.name() == s)
            .ok_or_else(|| format!("unknown view {s:?}"))
    }
}

impl Collection {
    /// The rows of a view (columns in [`View::columns`] order), in the
    /// view's order.
    ///
    /// ```
    /// use fou::collection::{Collection, Value, View};
    /// let r = fou::parse("FoU-rapport 2021\n\nOppdragsprosjekter\n\n- Tolk i NAV, Fjordforsk (2021-2022)\n")?;
    /// let c = Collection::from_reports([r], &Default::default());
    /// let rows = c.view_rows(View::Items);
    /// assert_eq!(rows[0][5], Value::from("Tolk i NAV"));
    /// assert_eq!(rows[0][10], Value::from("Fjordforsk"));
    /// assert!(c.view_rows(View::Timelines).is_empty()); // one text links nothing
    /// # Ok::<(), fou::Error>(())
    /// ```
    pub fn view_rows(&self, view: View) -> Vec<Vec<Value>> {
        match view {
            View::Items => self.item_view_rows(),
            View::Timelines => self.timeline_rows(),
        }
    }

    fn item_view_rows(&self) -> Vec<Vec<Value>> {
        let names: HashMap<String, Value> = (self.rows(super::Table::Institutions).into_iter())
            .filter_map(|row| {
                let mut cells = row.into_iter();
                match (cells.next(), cells.next()) {
                    (Some(Value::Text(id)), Some(name)) => Some((id, name)),
                    _ => None,
                }
            })
            .collect();
        let kept: Vec<&Text> = self.kept().map(|(_, t)| t).collect();
        let mut rows: Vec<Vec<Value>> = kept
            .par_iter()
            .flat_map_iter(|t| item_view_rows_of(t, &names))
            .collect();
        sort_rows(&mut rows, &ITEMS_ORDER);
        rows
    }

    fn timeline_rows(&self) -> Vec<Vec<Value>> {
        let link_of = self.link_of();
        let mut rows: Vec<Vec<Value>> = (self.appearances.par_iter())
            .filter_map(|a| {
                let link = *link_of.get(&(a.text, a.kind, a.item))?;
                let t = self.texts.get(a.text)?;
                let mut row = vec![link.into(), a.year.into(), a.kind.as_str().into()];
                row.extend(super::links::described(a));
                row.extend([t.path.clone().into(), t.hash.as_str().into(), a.item.into()]);
                Some(row)
            })
            .collect();
        sort_rows(&mut rows, &TIMELINES_ORDER);
        rows
    }
}

/// The item view's rows of one text, in the order of its item
/// institutions.
fn item_view_rows_of(t: &Text, names: &HashMap<String, Value>) -> Vec<Vec<Value>> {
    let r = &t.report;
    let mut rows = Vec::new();
    for (kind, index, refs) in t.item_institutions() {
        let (title, theme): (Value, Value) = match kind {
            ItemKind::Project => (r.projects.get(index))
                .map(|p| (Value::from(&*p.title), p.theme.clone().into()))
                .unwrap_or_default(),
            ItemKind::Portfolio => (r.portfolio.get(index))
                .map(|p| (Value::from(&*p.title), p.theme.clone().into()))
                .unwrap_or_default(),
            ItemKind::Phd => (r.phd.get(index).map(|p| (&*p.title).into()))
                .map(|title| (title, Value::Null))
                .unwrap_or_default(),
            // No other kind has institutions (the joins had no title for it).
            _ => continue,
        };
        for (position, inst) in refs.iter().enumerate() {
            let name = (inst.id.as_deref())
                .and_then(|id| names.get(id).cloned())
                .unwrap_or(Value::Null);
            rows.push(vec![
                t.hash.as_str().into(),
                t.path.clone().into(),
                t.year.into(),
                kind.as_str().into(),
                index.into(),
                title.clone(),
                theme.clone(),
                position.into(),
                inst.id.clone().into(),
                name,
                (&*inst.raw).into(),
            ]);
        }
    }
    rows
}

/// Where a view puts a row without a value.
#[derive(Clone, Copy)]
enum Nulls {
    First,
    Last,
}

/// A view's order: the columns its rows are sorted by, in turn, each with
/// where its NULLs go.
type Order<const N: usize> = [(usize, Nulls); N];

/// [`View::Items`]' order: by path (a text without one last), kind, index
/// and position; ties in text order.
const ITEMS_ORDER: Order<4> = [
    (column(&ITEMS, "path"), Nulls::Last),
    (column(&ITEMS, "kind"), Nulls::Last),
    (column(&ITEMS, "idx"), Nulls::Last),
    (column(&ITEMS, "position"), Nulls::Last),
];

/// [`View::Timelines`]' order: by link, year (none first), path (none
/// first), kind and index; ties in the appearances' order.
const TIMELINES_ORDER: Order<5> = [
    (column(&TIMELINES, "link_id"), Nulls::First),
    (column(&TIMELINES, "year"), Nulls::First),
    (column(&TIMELINES, "path"), Nulls::First),
    (column(&TIMELINES, "kind"), Nulls::First),
    (column(&TIMELINES, "idx"), Nulls::First),
];

/// Where the column `name` stands in `schema`, found as the program is
/// compiled (a name that is not there does not compile).
const fn column(schema: &[(&str, ColumnType)], name: &str) -> usize {
    let mut i = 0;
    while i < schema.len() && !same_bytes(schema[i].0.as_bytes(), name.as_bytes()) {
        i += 1;
    }
    assert!(i < schema.len(), "no such column");
    i
}

/// `a == b`, in a `const fn`.
const fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Sort `rows` stably by `order`.
fn sort_rows<const N: usize>(rows: &mut [Vec<Value>], order: &Order<N>) {
    rows.sort_by(|a, b| {
        (order.iter())
            .map(|&(i, nulls)| by_cell(a.get(i), b.get(i), nulls))
            .find(|o| o.is_ne())
            .unwrap_or(Ordering::Equal)
    });
}

/// A cell that holds a value (not NULL, and there).
fn present(v: Option<&Value>) -> Option<&Value> {
    v.filter(|v| !matches!(v, Value::Null))
}

/// Two cells of a column in order: texts by their bytes (which is code
/// points for UTF-8), whole numbers by value, NULL (or no cell) where
/// `nulls` says.
fn by_cell(a: Option<&Value>, b: Option<&Value>, nulls: Nulls) -> Ordering {
    match (present(a), present(b), nulls) {
        (Some(Value::Text(a)), Some(Value::Text(b)), _) => a.cmp(b),
        (Some(Value::Int(a)), Some(Value::Int(b)), _) => a.cmp(b),
        (None, None, _) => Ordering::Equal,
        (None, _, Nulls::First) | (_, None, Nulls::Last) => Ordering::Less,
        (None, _, Nulls::Last) | (_, None, Nulls::First) => Ordering::Greater,
        _ => Ordering::Equal,
    }
}

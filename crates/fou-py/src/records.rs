//! The items of reports as flat rows: what `fou.to_records` gives, made here
//! in one call rather than item by item in Python (`_fou._item_records`), and
//! the same rows column by column for `fou.to_frame` (`_fou._item_columns`).
//!
//! A row is the item's `to_dict()` with the report's year and path before its
//! fields and four fields made flat, by key, as `fou._tables` documents:
//! `span` becomes `line_start` and `line_end`, `period` `period_start` and
//! `period_end`, `institution_refs` `institution_ids` (the ids of the refs),
//! and a `date` written as text a `datetime.date`.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use crate::classes::{PlainDict, PyReport};

/// The keys of a row that are not the item's own, made once per call.
struct Keys<'py> {
    report_year: Bound<'py, PyString>,
    report_path: Bound<'py, PyString>,
    span: Bound<'py, PyString>,
    period: Bound<'py, PyString>,
    institution_refs: Bound<'py, PyString>,
    date: Bound<'py, PyString>,
    /// `datetime.date.fromisoformat`.
    from_iso: Bound<'py, PyAny>,
}

impl<'py> Keys<'py> {
    fn new(py: Python<'py>) -> PyResult<Self> {
        let date_type = py.import("datetime")?.getattr("date")?;
        Ok(Keys {
            report_year: pyo3::intern!(py, "report_year").clone(),
            report_path: pyo3::intern!(py, "report_path").clone(),
            span: pyo3::intern!(py, "span").clone(),
            period: pyo3::intern!(py, "period").clone(),
            institution_refs: pyo3::intern!(py, "institution_refs").clone(),
            date: pyo3::intern!(py, "date").clone(),
            from_iso: date_type.getattr("fromisoformat")?,
        })
    }
}

/// The flat rows of the items of `kind` of every report, in order (see the
/// module's documentation): `fou.to_records` without institution aliases.
/// Raises `ValueError` for a kind that is not an item list.
#[pyfunction]
#[pyo3(name = "_item_records")]
pub fn item_records<'py>(
    py: Python<'py>,
    reports: Vec<Bound<'py, PyReport>>,
    kind: &str,
) -> PyResult<Bound<'py, PyList>> {
    let rows = PyList::empty(py);
    each_row(py, &reports, kind, |row| rows.append(row))?;
    Ok(rows)
}

/// The same rows as [`item_records`], column by column: a `dict` from each
/// key, in the order of the rows, to its values in row order (empty when
/// there is no row). What `fou.to_frame` builds its frame from, without a
/// `dict` per row.
#[pyfunction]
#[pyo3(name = "_item_columns")]
pub fn item_columns<'py>(
    py: Python<'py>,
    reports: Vec<Bound<'py, PyReport>>,
    kind: &str,
) -> PyResult<Bound<'py, PyDict>> {
    let mut columns = Columns::default();
    each_row(py, &reports, kind, |row| columns.push(&row))?;
    let out = PyDict::new(py);
    for (key, values) in columns.keys.iter().zip(columns.values) {
        out.set_item(key, PyList::new(py, values)?)?;
    }
    Ok(out)
}

/// Columns gathered row by row: the keys of the first row, each with its
/// values. The items of a kind have the same fields, so every row has the
/// same keys in the same order; a row that has not is refused.
#[derive(Default)]
struct Columns<'py> {
    keys: Vec<Bound<'py, PyAny>>,
    values: Vec<Vec<Bound<'py, PyAny>>>,
}

impl<'py> Columns<'py> {
    /// Add `row`'s values to their columns.
    fn push(&mut self, row: &Bound<'py, PyDict>) -> PyResult<()> {
        if self.keys.is_empty() {
            self.keys = row.keys().into_iter().collect();
            self.values = vec![Vec::new(); self.keys.len()];
        }
        if row.len() != self.keys.len() {
            return Err(other_keys());
        }
        for ((key, value), (known, column)) in
            row.iter().zip(self.keys.iter().zip(&mut self.values))
        {
            if !(known.is(&key) || known.eq(&key)?) {
                return Err(other_keys());
            }
            column.push(value);
        }
        Ok(())
    }
}

/// The error of a row whose keys are not those of the first.
fn other_keys() -> PyErr {
    PyValueError::new_err("the items' rows do not have the same fields")
}

/// Call `f` with the flat row of each item of `kind` of every report, in
/// order; `ValueError` for a kind that is not an item list.
fn each_row<'py>(
    py: Python<'py>,
    reports: &[Bound<'py, PyReport>],
    kind: &str,
    mut f: impl FnMut(Bound<'py, PyDict>) -> PyResult<()>,
) -> PyResult<()> {
    let keys = Keys::new(py)?;
    for report in reports {
        let r = &report.get().0;
        let head = (
            r.year.into_pyobject(py)?.into_any(),
            r.source.path.as_deref().into_pyobject(py)?.into_any(),
        );
        let mut each = |item: &dyn PlainDict| -> PyResult<()> {
            let row = PyDict::new(py);
            row.set_item(&keys.report_year, &head.0)?;
            row.set_item(&keys.report_path, &head.1)?;
            flatten_into(&item.plain_dict(py)?, &row, &keys)?;
            f(row)
        };
        /// Each item of the list `kind` names, for the lists named.
        macro_rules! each_of {
            ($($list:ident),*) => {
                match kind {
                    $(stringify!($list) => r.$list.iter().try_for_each(|i| each(i))?,)*
                    other => {
                        return Err(PyValueError::new_err(format!(
                            "{other:?} is not a list of report items"
                        )));
                    }
                }
            };
        }
        each_of!(
            projects,
            portfolio,
            analyses,
            publications,
            phd,
            vendors,
            stated_counts,
            dates,
            diagnostics,
            outline
        );
    }
    Ok(())
}

/// Copy the fields of `item` (a `to_dict()`) into `row`, the four of the
/// module's documentation made flat.
fn flatten_into<'py>(
    item: &Bound<'py, PyDict>,
    row: &Bound<'py, PyDict>,
    keys: &Keys<'py>,
) -> PyResult<()> {
    let py = row.py();
    for (key, value) in item.iter() {
        // The keys of `plain_dict` are interned: the same objects as these.
        let is = |known: &Bound<'py, PyString>| -> PyResult<bool> {
            Ok(key.is(known) || key.eq(known)?)
        };
        if is(&keys.span)? {
            let [start, end] = two_of(&value, ["line_start", "line_end"])?;
            row.set_item(pyo3::intern!(py, "line_start"), start)?;
            row.set_item(pyo3::intern!(py, "line_end"), end)?;
        } else if is(&keys.period)? {
            let [start, end] = two_of(&value, ["start", "end"])?;
            row.set_item(pyo3::intern!(py, "period_start"), start)?;
            row.set_item(pyo3::intern!(py, "period_end"), end)?;
        } else if is(&keys.institution_refs)? {
            let ids = PyList::empty(py);
            if value.is_truthy()? {
                for r in value.try_iter()? {
                    ids.append(r?.get_item(pyo3::intern!(py, "id"))?)?;
                }
            }
            row.set_item(pyo3::intern!(py, "institution_ids"), ids)?;
        } else if is(&keys.date)? && value.is_instance_of::<PyString>() {
            row.set_item(key, keys.from_iso.call1((value,))?)?;
        } else {
            row.set_item(key, value)?;
        }
    }
    Ok(())
}

/// Two entries of the dict `value`, or two `None` when it is `None` (or
/// empty).
fn two_of<'py>(value: &Bound<'py, PyAny>, names: [&str; 2]) -> PyResult<[Bound<'py, PyAny>; 2]> {
    let py = value.py();
    if !value.is_truthy()? {
        return Ok([py.None().into_bound(py), py.None().into_bound(py)]);
    }
    Ok([value.get_item(names[0])?, value.get_item(names[1])?])
}

//! The items of reports as flat rows: what `fou.to_records` gives, made here
//! in one call rather than item by item in Python (`_fou._item_records`).
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
    let keys = Keys::new(py)?;
    let rows = PyList::empty(py);
    for report in &reports {
        let r = &report.get().0;
        let head = (
            r.year.into_pyobject(py)?.into_any(),
            r.source.path.as_deref().into_pyobject(py)?.into_any(),
        );
        let each = |item: &dyn PlainDict| -> PyResult<()> {
            let row = PyDict::new(py);
            row.set_item(&keys.report_year, &head.0)?;
            row.set_item(&keys.report_path, &head.1)?;
            flatten_into(&item.plain_dict(py)?, &row, &keys)?;
            rows.append(row)
        };
        match kind {
            "projects" => r.projects.iter().try_for_each(|i| each(i))?,
            "portfolio" => r.portfolio.iter().try_for_each(|i| each(i))?,
            "analyses" => r.analyses.iter().try_for_each(|i| each(i))?,
            "publications" => r.publications.iter().try_for_each(|i| each(i))?,
            "phd" => r.phd.iter().try_for_each(|i| each(i))?,
            "vendors" => r.vendors.iter().try_for_each(|i| each(i))?,
            "stated_counts" => r.stated_counts.iter().try_for_each(|i| each(i))?,
            "dates" => r.dates.iter().try_for_each(|i| each(i))?,
            "diagnostics" => r.diagnostics.iter().try_for_each(|i| each(i))?,
            "outline" => r.outline.iter().try_for_each(|i| each(i))?,
            other => {
                return Err(PyValueError::new_err(format!(
                    "{other:?} is not a list of report items"
                )));
            }
        }
    }
    Ok(rows)
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
        if key.eq(&keys.span)? {
            let [start, end] = two_of(&value, ["line_start", "line_end"])?;
            row.set_item(pyo3::intern!(py, "line_start"), start)?;
            row.set_item(pyo3::intern!(py, "line_end"), end)?;
        } else if key.eq(&keys.period)? {
            let [start, end] = two_of(&value, ["start", "end"])?;
            row.set_item(pyo3::intern!(py, "period_start"), start)?;
            row.set_item(pyo3::intern!(py, "period_end"), end)?;
        } else if key.eq(&keys.institution_refs)? {
            let ids = PyList::empty(py);
            if value.is_truthy()? {
                for r in value.try_iter()? {
                    ids.append(r?.get_item(pyo3::intern!(py, "id"))?)?;
                }
            }
            row.set_item(pyo3::intern!(py, "institution_ids"), ids)?;
        } else if key.eq(&keys.date)? && value.is_instance_of::<PyString>() {
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

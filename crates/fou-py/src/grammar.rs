//! The small grammars of `fou::grammar`, for the pure-Python module `fou.grammar`.
//!
//! Each function consumes its whole input; a mismatch raises
//! `fou.GrammarError` (a `FouError` and a `ValueError`).

use pyo3::prelude::*;

use crate::classes::{PyPeriod, py_repr};
use crate::errors::{grammar_error, grammar_message, grammar_panic, guarded_infallible};

/// Run a grammar, turning its error into `GrammarError` and a panic into `FouError`.
fn run<T>(
    py: Python<'_>,
    input: &str,
    f: impl FnOnce() -> Result<T, fou::grammar::GrammarError>,
) -> PyResult<T> {
    match guarded_infallible(f) {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(err)) => Err(grammar_error(py, &err)),
        Err(msg) => Err(grammar_panic(py, input, msg)),
    }
}

/// Run an infallible grammar, turning a panic into `FouError`.
fn run_total<T>(py: Python<'_>, input: &str, f: impl FnOnce() -> T) -> PyResult<T> {
    guarded_infallible(f).map_err(|msg| grammar_panic(py, input, msg))
}

/// A parsed project line: `Title, Institution (2019-2021)`.
#[pyclass(frozen, eq, get_all, module = "fou.grammar", name = "ProjectLine")]
#[derive(Debug, Clone, PartialEq)]
pub struct PyProjectLine {
    /// The title (a question mark that ends it is kept).
    title: String,
    /// The institution text as written, when one was found.
    institution_raw: Option<String>,
    /// The institutions split into organisations.
    institutions: Vec<String>,
    /// The period, when the line ends with one.
    period: Option<PyPeriod>,
}

#[pymethods]
impl PyProjectLine {
    fn __repr__(&self, py: Python<'_>) -> String {
        let period = self.period.as_ref().map_or_else(
            || "None".to_owned(),
            |p| format!("Period(start={}, end={})", p.0.start, p.0.end),
        );
        format!(
            "ProjectLine(title={}, institution_raw={}, institutions={}, period={period})",
            py_repr(py, &self.title),
            py_repr(py, self.institution_raw.as_deref()),
            py_repr(py, &self.institutions),
        )
    }
}

/// A parsed publication reference: `Authors (2020): *Title*, Venue`.
#[pyclass(frozen, eq, get_all, module = "fou.grammar", name = "Reference")]
#[derive(Debug, Clone, PartialEq)]
pub struct PyReference {
    /// Authors as written.
    authors: Vec<String>,
    /// Year.
    year: Option<i32>,
    /// Title (emphasis markers removed).
    title: String,
    /// Journal or other venue.
    venue: Option<String>,
}

#[pymethods]
impl PyReference {
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Reference(authors={}, year={}, title={}, venue={})",
            py_repr(py, &self.authors),
            py_repr(py, self.year),
            py_repr(py, &self.title),
            py_repr(py, self.venue.as_deref()),
        )
    }
}

/// A parsed PhD line: `Title. Stipendiat Name, Institution`.
#[pyclass(frozen, eq, get_all, module = "fou.grammar", name = "PhdLine")]
#[derive(Debug, Clone, PartialEq)]
pub struct PyPhdLine {
    /// Thesis title (a final `?` is kept).
    title: String,
    /// Candidate's name.
    candidate: String,
    /// Institution.
    institution: Option<String>,
}

#[pymethods]
impl PyPhdLine {
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "PhdLine(title={}, candidate={}, institution={})",
            py_repr(py, &self.title),
            py_repr(py, &self.candidate),
            py_repr(py, self.institution.as_deref()),
        )
    }
}

/// Parse a project period, with or without parentheses: `(2019-2021)`, `2021`,
/// `(2018-21)`, `(20192021)`.
#[pyfunction]
pub fn period(py: Python<'_>, text: &str) -> PyResult<PyPeriod> {
    run(py, text, || fou::grammar::period(text)).map(PyPeriod)
}

/// Parse a project line: `Title, Institution (2019-2021)`, `Title? Institution`,
/// `Title. Institution`. A line without a recognisable institution gives
/// `institution_raw=None`.
#[pyfunction]
pub fn project_line(py: Python<'_>, text: &str) -> PyResult<PyProjectLine> {
    let p = run(py, text, || fou::grammar::project_line(text))?;
    Ok(PyProjectLine {
        title: p.title,
        institution_raw: p.institution_raw,
        institutions: p.institutions,
        period: p.period.map(PyPeriod),
    })
}

/// Split an institution text into organisations, in written order:
/// `"NTNU, UiO og UiA"` → `["NTNU", "UiO", "UiA"]`.
#[pyfunction]
pub fn institutions(py: Python<'_>, text: &str) -> PyResult<Vec<String>> {
    run_total(py, text, || fou::grammar::institutions(text))
}

/// Parse an author line `Av A, B og C` into names (raises `GrammarError`
/// when the line does not start with `Av ` or the names are implausible).
#[pyfunction]
pub fn authors(py: Python<'_>, text: &str) -> PyResult<Vec<String>> {
    run(py, text, || fou::grammar::authors(text))
}

/// Split `A, B og C` into names (also `and`, `&`); never fails.
#[pyfunction]
pub fn author_list(py: Python<'_>, text: &str) -> PyResult<Vec<String>> {
    run_total(py, text, || fou::grammar::author_list(text))
}

/// Parse a publication reference `Authors (2020): *Title*, Venue`.
#[pyfunction]
pub fn reference(py: Python<'_>, text: &str) -> PyResult<PyReference> {
    let r = run(py, text, || fou::grammar::reference(text))?;
    Ok(PyReference {
        authors: r.authors,
        year: r.year,
        title: r.title,
        venue: r.venue,
    })
}

/// Parse a PhD line `Title. Stipendiat Name, Institution`.
#[pyfunction]
pub fn phd_line(py: Python<'_>, text: &str) -> PyResult<PyPhdLine> {
    let p = run(py, text, || fou::grammar::phd_line(text))?;
    Ok(PyPhdLine {
        title: p.title,
        candidate: p.candidate,
        institution: p.institution,
    })
}

/// Parse a Norwegian date (`30. mars 2020`, `1.juli 2017`, `12. mars`) into a
/// `datetime.date`. A date written without a year takes `default_year`; without
/// one, or for an impossible date (`31. februar`), `GrammarError` is raised.
#[pyfunction]
#[pyo3(signature = (text, default_year = None))]
pub fn norwegian_date(
    py: Python<'_>,
    text: &str,
    default_year: Option<i32>,
) -> PyResult<chrono::NaiveDate> {
    let d = run(py, text, || fou::grammar::norwegian_date(text))?;
    let Some(year) = d.year.or(default_year) else {
        return Err(grammar_message(
            py,
            "a year (the text has none: pass default_year)",
            text,
            format!("no year in {text:?} and no default_year given"),
        ));
    };
    d.to_date(year).ok_or_else(|| {
        grammar_message(
            py,
            "a calendar date",
            text,
            format!(
                "{text:?} is not a calendar date in {year} (day {}, month {})",
                d.day, d.month
            ),
        )
    })
}

/// Parse a count written in digits or as one Norwegian number word
/// (`"Åtte"` → 8, `"tretten"` → 13, `"13"` → 13).
#[pyfunction]
pub fn count(py: Python<'_>, text: &str) -> PyResult<u32> {
    run(py, text, || fou::grammar::count(text))
}

/// Parse an edition heading of the analysis journal, `Utgave 2 – 2020`, into
/// `(number, year)`; the year is `None` when not written.
#[pyfunction]
pub fn edition(py: Python<'_>, text: &str) -> PyResult<(u32, Option<i32>)> {
    run(py, text, || fou::grammar::edition(text))
}

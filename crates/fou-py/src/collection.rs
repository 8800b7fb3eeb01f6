//! `fou.collect()` and `fou.Collection`: many texts as one dataset, a thin
//! layer over [`fou::Collection`].
//!
//! Parsing runs on Rust threads with the GIL released; everything else is
//! the core's: which files a directory holds ([`fou::collection::text_files`]),
//! duplicates, links, checks, the tables ([`fou::Collection::rows`]) and the
//! SQLite database ([`fou::Collection::write_sqlite`]). The classes here only
//! hand the core's values to Python.

use std::path::PathBuf;
use std::sync::Arc;

use pyo3::IntoPyObjectExt;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};

use fou::collection::{CollectOptions, Collection, Table, Value, View};
use fou::link::{Appearance, LinkGroup};

use crate::classes::{
    PyAnalysis, PyDiagnostic, PyInstitutionRef, PyPeriod, PyPhdCandidate, PyPortfolioItem,
    PyProject, PyPublication, PyReport, PyVendor,
};
use crate::errors::{Context, Failure, error_ref_to_pyerr, guarded_infallible, to_pyerr};

/// The paths of `paths=`: an iterable of `str` / `os.PathLike`, never one path.
fn path_list(paths: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<PathBuf>> {
    if paths.is_instance_of::<PyString>()
        || paths.is_instance_of::<PyBytes>()
        || paths.hasattr("__fspath__")?
    {
        return Err(PyTypeError::new_err(format!(
            "{what}() takes a list of paths (files and directories); for one directory write [path]"
        )));
    }
    paths
        .try_iter()?
        .map(|item| item.and_then(|p| p.extract::<PathBuf>()))
        .collect()
}

/// The files named: each directory's text files (the core's
/// [`fou::collection::text_files`]), and the files as given.
fn files(py: Python<'_>, inputs: &[PathBuf]) -> PyResult<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in inputs {
        if p.is_dir() {
            let found = fou::collection::text_files(p).map_err(|source| {
                let err = fou::Error::Io {
                    path: p.clone(),
                    source,
                };
                let shown = p.display().to_string();
                error_ref_to_pyerr(py, &err, Context { path: Some(&shown) })
            })?;
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

/// The collection options for `registry=`.
/// (An unreadable or invalid registry raises `ValueError`, as for `parse()`.)
fn options(registry_path: Option<&PathBuf>) -> PyResult<CollectOptions> {
    let options = CollectOptions::default();
    Ok(match registry_path {
        Some(path) => options.with_registry(crate::registry_arg(path)?),
        None => options,
    })
}

/// A rayon pool of `threads` threads (`None`: rayon's default size).
pub(crate) fn pool(py: Python<'_>, threads: Option<i64>) -> PyResult<rayon::ThreadPool> {
    let mut builder = rayon::ThreadPoolBuilder::new();
    match threads {
        None => {}
        Some(n) if n >= 1 => {
            builder = builder.num_threads(usize::try_from(n).unwrap_or(usize::MAX));
        }
        Some(n) => {
            return Err(PyValueError::new_err(format!(
                "threads must be at least 1 (or None), not {n}"
            )));
        }
    }
    builder.build().map_err(|e| {
        to_pyerr(
            py,
            Failure::Other(format!("cannot start the parser threads: {e}")),
            Context::default(),
        )
    })
}

/// Read, parse and collect many texts as one dataset: a [`PyCollection`].
///
/// `paths` is a list of files and directories (`str` or `os.PathLike`); a
/// directory gives every `.txt`, `.text`, `.md` and `.markdown` file under
/// it (hidden ones skipped). The files are parsed, and their items linked
/// across texts, in parallel on Rust threads with the GIL released
/// (`threads`: the pool's size, `None`: rayon's default), in the order of
/// the paths sorted as paths are, component by component (`a/b.txt`
/// before `a.txt`).
///
/// `registry` is the path of your own institution registry (TOML, the shape
/// of the built-in one), merged over the built-in registry.
///
/// `errors="raise"` (the default) raises the error of the first file (in
/// sorted order) that could not be read (`ReadError`, `DecodeError` …);
/// `errors="keep"` keeps the collection of the others and lists the errors
/// in `Collection.errors`.
#[pyfunction]
#[pyo3(signature = (paths, *, registry = None, threads = None, errors = "raise"))]
pub fn collect(
    py: Python<'_>,
    paths: &Bound<'_, PyAny>,
    registry: Option<PathBuf>,
    threads: Option<i64>,
    errors: &str,
) -> PyResult<PyCollection> {
    let keep = match errors {
        "raise" => false,
        "keep" => true,
        other => {
            return Err(PyValueError::new_err(format!(
                "errors must be \"raise\" or \"keep\", not {other:?}"
            )));
        }
    };
    let inputs = path_list(paths, "collect")?;
    let files = files(py, &inputs)?;
    let options = options(registry.as_ref())?;
    let pool = pool(py, threads)?;
    let built = py.detach(|| {
        pool.install(|| guarded_infallible(|| Collection::from_paths(&files, &options)))
    });
    let collection = built.map_err(|msg| to_pyerr(py, Failure::Panic(msg), Context::default()))?;
    if let (false, Some(e)) = (keep, collection.errors().first()) {
        let shown = e.path.display().to_string();
        return Err(error_ref_to_pyerr(
            py,
            &e.error,
            Context { path: Some(&shown) },
        ));
    }
    Ok(PyCollection(Arc::new(collection)))
}

/// One cell of a table as a Python value.
fn cell<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    match value {
        Value::Null => Ok(py.None().into_bound(py)),
        Value::Int(i) => i.into_bound_py_any(py),
        Value::Real(r) => r.into_bound_py_any(py),
        Value::Text(s) => s.into_bound_py_any(py),
        // `Value` is non-exhaustive: a kind added later shows as its text.
        other => other.to_string().into_bound_py_any(py),
    }
}

/// Whether cell `b` may be the Python object of cell `a`: the same text or
/// whole number (not a fraction: `0.0 == -0.0`, and a NaN equals nothing).
fn same_cell(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Text(a), Value::Text(b)) => a == b,
        (Value::Int(a), Value::Int(b)) => a == b,
        _ => false,
    }
}

/// The index of column `name` of `table` (whose columns are `names`), or a
/// `ValueError` listing them.
fn column_index(table: Table, names: &[&str], name: &str) -> PyResult<usize> {
    names.iter().position(|n| *n == name).ok_or_else(|| {
        PyValueError::new_err(format!(
            "table {:?} has no column {name:?}; its columns are {}",
            table.name(),
            names.join(", ")
        ))
    })
}

/// The Python object of the cell above in a column, given again for a cell
/// equal to it ([`same_cell`]): the text's hash, path or kind of row after
/// row is made once.
#[derive(Default, Clone)]
struct SameAbove<'v, 'py>(Option<(&'v Value, Bound<'py, PyAny>)>);

impl<'v, 'py> SameAbove<'v, 'py> {
    /// The object of `value`, the one above's when they are the same.
    fn object(&mut self, py: Python<'py>, value: &'v Value) -> PyResult<Bound<'py, PyAny>> {
        match &self.0 {
            Some((same, object)) if same_cell(same, value) => Ok(object.clone()),
            _ => {
                let object = cell(py, value)?;
                self.0 = Some((value, object.clone()));
                Ok(object)
            }
        }
    }
}

/// Run `f` (a read of the collection in the core, which may use the
/// thread pool) without the GIL; a panic in it becomes an exception.
fn off_the_gil<T: Send>(py: Python<'_>, f: impl FnOnce() -> T + Send) -> PyResult<T> {
    py.detach(|| guarded_infallible(f))
        .map_err(|msg| to_pyerr(py, Failure::Panic(msg), Context::default()))
}

/// A view by its name, or a `ValueError` listing the names.
fn view(name: &str) -> PyResult<View> {
    by_name(name, "view", View::ALL.iter().map(|v| v.name()))
}

/// A table by its name, or a `ValueError` listing the names.
fn table(name: &str) -> PyResult<Table> {
    by_name(name, "table", Table::ALL.iter().map(|t| t.name()))
}

/// The `what` (a table or a view) called `name`, or a `ValueError` listing
/// the `names` there are.
fn by_name<T: std::str::FromStr>(
    name: &str,
    what: &str,
    names: impl Iterator<Item = &'static str>,
) -> PyResult<T> {
    name.parse().map_err(|_| {
        let names: Vec<&str> = names.collect();
        PyValueError::new_err(format!(
            "unknown {what} {name:?}; the {what}s are {}",
            names.join(", ")
        ))
    })
}

/// Many parsed texts as one dataset (see `fou.collect()`): the texts
/// (duplicates recognised), their items with institutions resolved in the
/// registry, the projects followed across texts (`links`), the checks across
/// texts (`diagnostics`), the institution names the registry does not know,
/// the tables of the SQLite database (`rows()`) and `to_sqlite()`.
///
/// `len(collection)` is the number of texts, duplicates included.
#[pyclass(frozen, module = "fou", name = "Collection")]
pub struct PyCollection(pub Arc<Collection>);

#[pymethods]
impl PyCollection {
    /// Collect reports already parsed (e.g. by `parse_file` on Dask
    /// workers), in the order given; `registry` as for `collect()`.
    /// The same reports as `collect()` reads, in its order (the paths
    /// sorted component by component: `a/b.txt` before `a.txt`, where a
    /// sort of the strings puts `a.txt` first), give the same collection.
    #[staticmethod]
    #[pyo3(signature = (reports, *, registry = None))]
    fn from_reports(
        py: Python<'_>,
        reports: &Bound<'_, PyAny>,
        registry: Option<PathBuf>,
    ) -> PyResult<Self> {
        let reports: Vec<fou::Report<'static>> = reports
            .try_iter()?
            .map(|item| item.and_then(|r| Ok(r.cast::<PyReport>()?.get().0.clone())))
            .collect::<PyResult<_>>()?;
        let options = options(registry.as_ref())?;
        let built =
            py.detach(|| guarded_infallible(|| Collection::from_reports(reports, &options)));
        built
            .map(|c| PyCollection(Arc::new(c)))
            .map_err(|msg| to_pyerr(py, Failure::Panic(msg), Context::default()))
    }

    /// Every text, duplicates included, in the order read.
    #[getter]
    fn texts(&self) -> Vec<PyText> {
        let c = &self.0;
        c.texts()
            .iter()
            .enumerate()
            .map(|(i, t)| PyText {
                index: i,
                path: t.path.clone(),
                hash: t.hash.clone(),
                year: t.year,
                title: t.title.clone(),
                is_report: t.is_report,
                items: t.items,
                duplicate_of: t.duplicate_of,
                duplicate_reason: t.duplicate_reason.clone(),
            })
            .collect()
    }

    /// Every item of the texts that are not duplicates, text by text.
    #[getter]
    fn items(&self, py: Python<'_>) -> PyResult<Vec<PyCollectedItem>> {
        self.0
            .items()
            .map(|ci| {
                let r = &ci.text.report;
                let k = ci.item.index;
                let item = match ci.item.kind {
                    fou::ItemKind::Project => r
                        .projects
                        .get(k)
                        .map(|x| PyProject(x.clone()).into_py_any(py)),
                    fou::ItemKind::Portfolio => r
                        .portfolio
                        .get(k)
                        .map(|x| PyPortfolioItem(x.clone()).into_py_any(py)),
                    fou::ItemKind::Analysis => r
                        .analyses
                        .get(k)
                        .map(|x| PyAnalysis(x.clone()).into_py_any(py)),
                    fou::ItemKind::Publication => r
                        .publications
                        .get(k)
                        .map(|x| PyPublication(x.clone()).into_py_any(py)),
                    fou::ItemKind::Phd => r
                        .phd
                        .get(k)
                        .map(|x| PyPhdCandidate(x.clone()).into_py_any(py)),
                    fou::ItemKind::Vendor => r
                        .vendors
                        .get(k)
                        .map(|x| PyVendor(x.clone()).into_py_any(py)),
                    _ => None,
                }
                .transpose()?
                .unwrap_or_else(|| py.None());
                let institutions = ci
                    .text
                    .institutions_of(ci.item.kind, k)
                    .iter()
                    .cloned()
                    .map(PyInstitutionRef)
                    .collect();
                Ok(PyCollectedItem {
                    text: ci.text_index,
                    path: ci.text.path.clone(),
                    year: ci.text.year,
                    kind: ci.item.kind.as_str().to_owned(),
                    index: k,
                    theme: ci.item.theme.map(str::to_owned),
                    institutions,
                    item,
                })
            })
            .collect()
    }

    /// The projects followed across texts: groups of two or more
    /// appearances judged to be the same project.
    #[getter]
    fn links(&self) -> Vec<PyLink> {
        self.0.links().iter().map(PyLink::from).collect()
    }

    /// Every appearance of a project (project, portfolio item, PhD) in the
    /// texts that are not duplicates, linked or not.
    #[getter]
    fn appearances(&self) -> Vec<PyAppearance> {
        self.0
            .appearances()
            .iter()
            .map(PyAppearance::from)
            .collect()
    }

    /// The collection's diagnostics: checks across texts (ongoing past its
    /// end, the same item twice, contradicting periods of a linked project,
    /// duplicate texts, unknown institutions) and stated counts that
    /// disagree with the items.
    #[getter]
    fn diagnostics(&self) -> Vec<PyCollectionDiagnostic> {
        let c = &self.0;
        c.diagnostics()
            .iter()
            .map(|d| PyCollectionDiagnostic {
                text: d.text,
                path: d
                    .text
                    .and_then(|i| c.texts().get(i))
                    .and_then(|t| t.path.clone()),
                diagnostic: PyDiagnostic(d.diagnostic.clone()),
            })
            .collect()
    }

    /// Institution names no registry entry has, once each.
    #[getter]
    fn unknown_institutions(&self) -> Vec<PyUnknownInstitution> {
        self.0
            .unknown_institutions()
            .iter()
            .map(|u| PyUnknownInstitution {
                name: u.name.clone(),
                items: u.items,
                first_text: u.first_text,
            })
            .collect()
    }

    /// The files that could not be read (with `errors="keep"`), as the
    /// exceptions `collect()` would raise for them.
    #[getter]
    fn errors(&self, py: Python<'_>) -> Vec<PyErr> {
        self.0
            .errors()
            .iter()
            .map(|e| {
                let shown = e.path.display().to_string();
                error_ref_to_pyerr(py, &e.error, Context { path: Some(&shown) })
            })
            .collect()
    }

    /// The rows of one table of the SQLite database (`"texts"`,
    /// `"projects"`, `"portfolio"`, `"analyses"`, `"publications"`, `"phd"`,
    /// `"institutions"`, `"item_institutions"`, `"appearances"`, `"links"`,
    /// `"diagnostics"`), as tuples in the order of `Collection.columns(table)`:
    /// what `to_sqlite()` writes and `fou collect --table` prints.
    ///
    /// A cell with the text or number of the one above it in its column is
    /// the same Python object (the text's hash, path or kind of row after row
    /// is made once).
    fn rows<'py>(&self, py: Python<'py>, table: &str) -> PyResult<Vec<Bound<'py, PyTuple>>> {
        let table = self::table(table)?;
        let rows = off_the_gil(py, || self.0.rows(table))?;
        let mut above: Vec<SameAbove<'_, 'py>> = Vec::new();
        rows.iter()
            .map(|row| {
                above.resize_with(row.len(), SameAbove::default);
                let cells = (row.iter().zip(&mut above))
                    .map(|(v, above)| above.object(py, v))
                    .collect::<PyResult<Vec<_>>>()?;
                PyTuple::new(py, cells)
            })
            .collect()
    }

    /// Some columns of one table, column by column: a `dict` from each
    /// column's name (all of them, in the order of `Collection.columns(table)`,
    /// when `columns` is `None`) to the list of its cells in row order. The
    /// cells are those of `rows(table)`; a cell equal to the one above it is
    /// the same object; a column asked for twice is given once. For a frame
    /// of a few columns of a wide table: only those cells are made Python
    /// objects. Raises `ValueError` for a column the table does not have.
    #[pyo3(signature = (table, columns = None))]
    fn column_values<'py>(
        &self,
        py: Python<'py>,
        table: &str,
        columns: Option<Vec<String>>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let table = self::table(table)?;
        let names = table.columns();
        let mut wanted: Vec<String> = match columns {
            Some(wanted) => wanted,
            None => names.iter().map(|n| (*n).to_owned()).collect(),
        };
        // A column asked for twice is one key of the dict: read it once.
        let mut seen = std::collections::HashSet::new();
        wanted.retain(|w| seen.insert(w.clone()));
        let picked = wanted
            .iter()
            .map(|w| column_index(table, &names, w))
            .collect::<PyResult<Vec<usize>>>()?;
        let values = off_the_gil(py, || self.0.columns_of(table, &picked))?
            .ok_or_else(|| PyValueError::new_err("a column index past the table's columns"))?;
        let out = PyDict::new(py);
        for (name, cells) in wanted.iter().zip(&values) {
            let mut above = SameAbove::default();
            let objects =
                (cells.iter().map(|v| above.object(py, v))).collect::<PyResult<Vec<_>>>()?;
            out.set_item(name, PyList::new(py, objects)?)?;
        }
        Ok(out)
    }

    /// The rows of a view, column by column: a `dict` from each column's
    /// name to its cells in the view's order. `"items"`: items with their
    /// institutions (what `fou.ITEMS_SQL` gives on the database);
    /// `"timelines"`: the appearances of linked projects (`fou.TIMELINES_SQL`).
    /// A cell equal to the one above it is the same object. Raises
    /// `ValueError` for another name.
    fn view_values<'py>(&self, py: Python<'py>, view: &str) -> PyResult<Bound<'py, PyDict>> {
        let view = self::view(view)?;
        let rows = off_the_gil(py, || self.0.view_rows(view))?;
        let out = PyDict::new(py);
        for (k, name) in view.columns().into_iter().enumerate() {
            let mut above = SameAbove::default();
            let objects = (rows.iter().map(|row| row.get(k).unwrap_or(&Value::Null)))
                .map(|v| above.object(py, v))
                .collect::<PyResult<Vec<_>>>()?;
            out.set_item(name, PyList::new(py, objects)?)?;
        }
        Ok(out)
    }

    /// The type of each column of a view (`"items"`, `"timelines"`), in row
    /// order: `"integer"`, `"real"` or `"text"`.
    #[staticmethod]
    fn view_column_types(view: &str) -> PyResult<Vec<&'static str>> {
        let types = self::view(view)?.column_types();
        Ok(types.into_iter().map(|t| t.as_str()).collect())
    }

    /// The type of each column of a table, in row order: `"integer"`,
    /// `"real"` or `"text"` (what a cell holds when it is not `None`; the
    /// types of the SQLite schema).
    #[staticmethod]
    fn column_types(table: &str) -> PyResult<Vec<&'static str>> {
        let types = self::table(table)?.column_types();
        Ok(types.into_iter().map(|t| t.as_str()).collect())
    }

    /// The column names of a table, in row order.
    #[staticmethod]
    fn columns(table: &str) -> PyResult<Vec<&'static str>> {
        Ok(self::table(table)?.columns())
    }

    /// The names of the tables, in the order they are written.
    #[staticmethod]
    fn tables() -> Vec<&'static str> {
        Table::ALL.iter().map(|t| t.name()).collect()
    }

    /// Write the collection into the SQLite database at `path` (created if
    /// missing; a rerun replaces the rows of the same texts, so writing
    /// twice gives the same database). The schema is in
    /// `docs/sqlite-schema.md`. Raises `FouError` when SQLite fails.
    fn to_sqlite(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        let c = self.0.clone();
        let shown = path.display().to_string();
        let written = py.detach(|| guarded_infallible(|| c.write_sqlite(&path)));
        match written {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(to_pyerr(
                py,
                Failure::Other(e.to_string()),
                Context { path: Some(&shown) },
            )),
            Err(msg) => Err(to_pyerr(
                py,
                Failure::Panic(msg),
                Context { path: Some(&shown) },
            )),
        }
    }

    fn __len__(&self) -> usize {
        self.0.texts().len()
    }

    fn __repr__(&self) -> String {
        let c = &self.0;
        format!(
            "Collection(texts={}, kept={}, items={}, links={}, unknown_institutions={}, diagnostics={}, errors={})",
            c.texts().len(),
            c.kept().count(),
            c.items().count(),
            c.links().len(),
            c.unknown_institutions().len(),
            c.diagnostics().len(),
            c.errors().len()
        )
    }
}

/// One text of a collection.
#[pyclass(frozen, get_all, module = "fou", name = "CollectionText")]
#[derive(Debug, Clone)]
pub struct PyText {
    /// Its index in `Collection.texts`.
    index: usize,
    /// The path as given, if any.
    path: Option<String>,
    /// SHA-256 (hex) of the text's report without its path.
    hash: String,
    /// The report year (of a web page: the year it names, if any).
    year: Option<i32>,
    /// The title as written.
    title: Option<String>,
    /// True when the text reads as a report: false for a web page or other
    /// text that only lists projects, and for one with nothing to read
    /// (each has a `not-a-report` diagnostic).
    is_report: bool,
    /// Items the text gave (before a duplicate's were dropped).
    items: usize,
    /// The index of the text this one duplicates, or `None`.
    duplicate_of: Option<usize>,
    /// Why it is a duplicate.
    duplicate_reason: Option<String>,
}

#[pymethods]
impl PyText {
    fn __repr__(&self, py: Python<'_>) -> String {
        use crate::classes::py_repr;
        format!(
            "CollectionText(index={}, path={}, year={}, items={}, duplicate_of={})",
            self.index,
            py_repr(py, self.path.as_deref()),
            py_repr(py, self.year),
            self.items,
            py_repr(py, self.duplicate_of)
        )
    }
}

/// An item of a collection with its text and its resolved institutions.
#[pyclass(frozen, get_all, module = "fou", name = "CollectedItem")]
pub struct PyCollectedItem {
    /// The text's index in `Collection.texts`.
    text: usize,
    /// The text's path.
    path: Option<String>,
    /// The text's year.
    year: Option<i32>,
    /// `"project"`, `"portfolio"`, `"analysis"`, `"publication"`, `"phd"` or `"vendor"`.
    kind: String,
    /// Its index in its list of the text's report.
    index: usize,
    /// The theme heading it stands under (projects and portfolio items).
    theme: Option<String>,
    /// Its institutions as the registry read them (projects, portfolio
    /// items and PhD candidates; empty for other kinds).
    institutions: Vec<PyInstitutionRef>,
    /// The item itself (`Project`, `PortfolioItem`, …).
    item: Py<PyAny>,
}

#[pymethods]
impl PyCollectedItem {
    fn __repr__(&self, py: Python<'_>) -> String {
        use crate::classes::py_repr;
        format!(
            "CollectedItem(text={}, year={}, kind={}, index={}, item={})",
            self.text,
            py_repr(py, self.year),
            py_repr(py, self.kind.as_str()),
            self.index,
            py_repr(py, self.item.bind(py))
        )
    }
}

/// One project as one text shows it.
#[pyclass(frozen, get_all, module = "fou", name = "Appearance")]
#[derive(Debug, Clone)]
pub struct PyAppearance {
    /// The text's index in `Collection.texts`.
    text: usize,
    /// The text's path (or `text N`).
    path: String,
    /// The text's year.
    year: Option<i32>,
    /// `"project"`, `"portfolio"` or `"phd"`.
    kind: String,
    /// Its index in that list of the text's report.
    item: usize,
    /// The title as written.
    title: String,
    /// The institution text as written.
    institution_raw: Option<String>,
    /// Registry ids of its institutions.
    institution_ids: Vec<String>,
    /// The project period, when given.
    period: Option<PyPeriod>,
    /// `"completed"` for a project; the listed status otherwise.
    status: Option<String>,
}

impl From<&Appearance> for PyAppearance {
    fn from(a: &Appearance) -> Self {
        PyAppearance {
            text: a.text,
            path: a.path.clone(),
            year: a.year,
            kind: a.kind.as_str().to_owned(),
            item: a.item,
            title: a.title.clone(),
            institution_raw: a.institution_raw.clone(),
            institution_ids: a.institution_ids.clone(),
            period: a.period.map(PyPeriod),
            status: a.status.clone(),
        }
    }
}

#[pymethods]
impl PyAppearance {
    fn __repr__(&self, py: Python<'_>) -> String {
        use crate::classes::py_repr;
        format!(
            "Appearance(path={}, year={}, kind={}, title={}, status={})",
            py_repr(py, self.path.as_str()),
            py_repr(py, self.year),
            py_repr(py, self.kind.as_str()),
            py_repr(py, self.title.as_str()),
            py_repr(py, self.status.as_deref())
        )
    }
}

/// A project followed across texts: its appearances (the timeline: ordered
/// by year, unknown last, then text, kind and item), the score and the
/// reason of the link.
#[pyclass(frozen, get_all, module = "fou", name = "Link")]
#[derive(Debug, Clone)]
pub struct PyLink {
    /// A stable id from the content (`p-` and 16 hex digits).
    id: String,
    /// The appearances.
    appearances: Vec<PyAppearance>,
    /// The weakest link's score that holds the group together (at least
    /// the matcher's threshold, `fou::link::LINK_THRESHOLD`).
    score: f64,
    /// Why, in words.
    reason: String,
}

impl From<&LinkGroup> for PyLink {
    fn from(g: &LinkGroup) -> Self {
        PyLink {
            id: g.id.clone(),
            appearances: g.appearances.iter().map(PyAppearance::from).collect(),
            score: g.score,
            reason: g.reason.clone(),
        }
    }
}

#[pymethods]
impl PyLink {
    fn __len__(&self) -> usize {
        self.appearances.len()
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        use crate::classes::py_repr;
        let years: Vec<Option<i32>> = self.appearances.iter().map(|a| a.year).collect();
        format!(
            "Link(id={}, years={}, score={:.3})",
            py_repr(py, self.id.as_str()),
            py_repr(py, years),
            self.score
        )
    }
}

/// A diagnostic of a collection, with the text it is about.
#[pyclass(frozen, get_all, module = "fou", name = "CollectionDiagnostic")]
pub struct PyCollectionDiagnostic {
    /// The text's index in `Collection.texts`, when it is about one.
    text: Option<usize>,
    /// That text's path.
    path: Option<String>,
    /// The diagnostic (its span is in that text).
    diagnostic: PyDiagnostic,
}

#[pymethods]
impl PyCollectionDiagnostic {
    fn __repr__(&self, py: Python<'_>) -> String {
        use crate::classes::py_repr;
        let d = &self.diagnostic.0;
        format!(
            "CollectionDiagnostic(path={}, code={}, message={})",
            py_repr(py, self.path.as_deref()),
            py_repr(py, d.code.as_str()),
            py_repr(py, d.message.as_str())
        )
    }
}

/// An institution name no registry entry has, reported once per collection.
#[pyclass(frozen, get_all, module = "fou", name = "UnknownInstitution")]
#[derive(Debug, Clone)]
pub struct PyUnknownInstitution {
    /// The name as first written.
    name: String,
    /// How many items name it.
    items: usize,
    /// The first text that names it (index in `Collection.texts`).
    first_text: usize,
}

#[pymethods]
impl PyUnknownInstitution {
    fn __repr__(&self, py: Python<'_>) -> String {
        use crate::classes::py_repr;
        format!(
            "UnknownInstitution(name={}, items={})",
            py_repr(py, self.name.as_str()),
            self.items
        )
    }
}

/// The text files under a directory, sorted, as `collect()` finds them
/// (`.txt`, `.text`, `.md`, `.markdown`; hidden files skipped).
#[pyfunction]
pub fn text_files(py: Python<'_>, directory: PathBuf) -> PyResult<Vec<PathBuf>> {
    fou::collection::text_files(&directory).map_err(|source| {
        let shown = directory.display().to_string();
        let err = fou::Error::Io {
            path: directory.clone(),
            source,
        };
        error_ref_to_pyerr(py, &err, Context { path: Some(&shown) })
    })
}

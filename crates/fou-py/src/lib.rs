//! # fou-py — the native module `fou._fou`
//!
//! A thin pyo3 layer over the [`fou`] crate: it converts arguments, releases
//! the GIL around parsing, wraps the model types in frozen Python classes
//! ([`classes`]) and maps [`fou::Error`] to the exception hierarchy of the
//! Python package ([`errors`]). It has no parsing logic of its own.
//!
//! The Python package around it lives in `python/fou/` at the repository root
//! and is built by maturin (`pip install .`).

pub mod classes;
pub mod errors;
pub mod grammar;

use std::path::PathBuf;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};
use rayon::prelude::*;

use crate::classes::PyReport;
use crate::errors::{Context, Failure, guarded, to_pyerr};

/// Parse options from the Python arguments `path=` and `format=`.
fn options(path: Option<&PathBuf>, format: Option<&str>) -> PyResult<fou::Options> {
    let mut opts = fou::Options::default();
    if let Some(path) = path {
        opts = opts.with_path(path.display().to_string());
    }
    if let Some(name) = format {
        let format: fou::Format =
            serde_json::from_value(serde_json::Value::String(name.to_owned())).map_err(|_| {
                PyValueError::new_err(format!(
                    "format must be \"plain\" or \"markdown\" (or None to detect it), not {name:?}"
                ))
            })?;
        opts = opts.with_format(format);
    }
    Ok(opts)
}

/// Parse the text of a FoU report.
///
/// `text` is a `str`, or `bytes` holding UTF-8 (a byte-order mark is allowed).
/// `path` is only recorded in `report.source.path` (nothing is read from it);
/// `format` forces `"plain"` or `"markdown"` instead of detecting it.
///
/// Problems inside a readable report never raise: they are listed in
/// `report.diagnostics`. Undecodable or binary bytes raise `DecodeError`
/// (with `.offset` and `.line`).
#[pyfunction]
#[pyo3(signature = (text, *, path = None, format = None))]
pub fn parse(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    path: Option<PathBuf>,
    format: Option<&str>,
) -> PyResult<PyReport> {
    let opts = options(path.as_ref(), format)?;
    let path_str = path.as_ref().map(|p| p.display().to_string());
    if let Ok(s) = text.cast::<PyString>() {
        let s = s.to_cow()?;
        let s: &str = &s;
        py.detach(|| guarded(|| fou::parse_with(s, &opts)))
            .map(PyReport)
            .map_err(|f| {
                to_pyerr(
                    py,
                    f,
                    Context {
                        path: path_str.as_deref(),
                        bytes: Some(s.as_bytes()),
                    },
                )
            })
    } else if let Ok(b) = text.cast::<PyBytes>() {
        let bytes = b.as_bytes();
        py.detach(|| guarded(|| fou::parse_bytes_with(bytes, &opts)))
            .map(PyReport)
            .map_err(|f| {
                to_pyerr(
                    py,
                    f,
                    Context {
                        path: path_str.as_deref(),
                        bytes: Some(bytes),
                    },
                )
            })
    } else {
        Err(PyTypeError::new_err(format!(
            "parse() takes str or bytes, not {}; use parse_file() for a path",
            text.get_type().name()?
        )))
    }
}

/// Read and parse a report file (`str` or `os.PathLike`); the path is recorded
/// in `report.source.path`.
///
/// Raises `ReadError` when the file cannot be read (missing, a directory, no
/// permission) and `DecodeError` when its bytes are not UTF-8 text.
#[pyfunction]
pub fn parse_file(py: Python<'_>, path: PathBuf) -> PyResult<PyReport> {
    let shown = path.display().to_string();
    py.detach(|| guarded(|| fou::parse_file(&path)))
        .map(PyReport)
        .map_err(|f| {
            to_pyerr(
                py,
                f,
                Context {
                    path: Some(&shown),
                    bytes: None,
                },
            )
        })
}

fn parse_all(paths: &[PathBuf]) -> Vec<Result<fou::Report, Failure>> {
    paths
        .par_iter()
        .map(|p| guarded(|| fou::parse_file(p)))
        .collect()
}

/// Parse many report files in parallel on Rust threads, with the GIL released.
///
/// `paths` is an iterable of `str` / `os.PathLike`. The reports come back in
/// the order of `paths`. Each call runs its own pool of `threads` threads;
/// `threads=None` means rayon's default (`RAYON_NUM_THREADS`, or one per core).
/// (Never rayon's global pool, so `parse_many` also works in a process forked
/// after it was used.)
///
/// When a file fails, every file is still attempted, then the error of the
/// *first failing path in input order* is raised (`ReadError`, `DecodeError`
/// or `FouError`, its `.path` and message naming the file) and no reports are
/// returned. Parse files one by one with `parse_file` to keep the good ones.
#[pyfunction]
#[pyo3(signature = (paths, *, threads = None))]
pub fn parse_many(
    py: Python<'_>,
    paths: &Bound<'_, PyAny>,
    threads: Option<i64>,
) -> PyResult<Vec<PyReport>> {
    if paths.is_instance_of::<PyString>()
        || paths.is_instance_of::<PyBytes>()
        || paths.hasattr("__fspath__")?
    {
        return Err(PyTypeError::new_err(
            "parse_many() takes an iterable of paths; for one file use parse_file()",
        ));
    }
    let paths: Vec<PathBuf> = paths
        .try_iter()?
        .map(|item| item.and_then(|p| p.extract::<PathBuf>()))
        .collect::<PyResult<_>>()?;
    let mut builder = rayon::ThreadPoolBuilder::new();
    match threads {
        // rayon's default size: RAYON_NUM_THREADS, or one thread per core
        None => {}
        Some(n) if n >= 1 => {
            builder = builder.num_threads(usize::try_from(n).unwrap_or(usize::MAX))
        }
        Some(n) => {
            return Err(PyValueError::new_err(format!(
                "threads must be at least 1 (or None), not {n}"
            )));
        }
    }
    // A pool per call, never rayon's global pool: the global pool's threads do
    // not survive fork(), so a forked child (multiprocessing) would hang in it.
    let pool = builder.build().map_err(|e| {
        to_pyerr(
            py,
            Failure::Other(format!("cannot start the parser threads: {e}")),
            Context::default(),
        )
    })?;
    let results = py.detach(|| pool.install(|| parse_all(&paths)));
    let mut reports = Vec::with_capacity(results.len());
    for (result, path) in results.into_iter().zip(&paths) {
        match result {
            Ok(report) => reports.push(PyReport(report)),
            Err(failure) => {
                let shown = path.display().to_string();
                return Err(to_pyerr(
                    py,
                    failure,
                    Context {
                        path: Some(&shown),
                        bytes: None,
                    },
                ));
            }
        }
    }
    Ok(reports)
}

/// The native part of the `fou` package; import `fou` instead.
#[pymodule]
pub mod _fou {
    #[pymodule_export]
    use super::classes::{
        PyAnalysis, PyDateMention, PyDiagnostic, PyHeading, PyPeriod, PyPhdCandidate,
        PyPortfolioItem, PyPreface, PyProject, PyPublication, PyReport, PySignatory, PySourceInfo,
        PySpan, PyStatedCount, PyVendor,
    };
    #[pymodule_export]
    use super::grammar::{
        PyPhdLine, PyProjectLine, PyReference, author_list, authors, count, edition, institutions,
        norwegian_date, period, phd_line, project_line, reference,
    };
    #[pymodule_export]
    use super::{parse, parse_file, parse_many};

    use pyo3::prelude::*;

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("__version__", env!("CARGO_PKG_VERSION"))?;
        m.add("SCHEMA_VERSION", fou::SCHEMA_VERSION)?;
        Ok(())
    }
}

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
pub mod collection;
pub mod errors;
pub mod grammar;
pub mod records;

use std::path::{Path, PathBuf};

use pyo3::exceptions::{PyDeprecationWarning, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};
use rayon::prelude::*;

use crate::classes::PyReport;
use crate::errors::{Context, Failure, guarded, to_pyerr};

/// The values `input_format=` takes, for error messages.
const INPUT_FORMATS: &str = "\"plain\", \"markdown\" or \"auto\" (or None)";

/// The input format named by `input_format=`: `None` (and `"auto"`) detect it,
/// any other name is a [`fou::Format`] name (`"plain"`, `"markdown"`).
fn input_format(name: Option<&str>) -> PyResult<Option<fou::Format>> {
    match name {
        None | Some("auto") => Ok(None),
        Some(other) => other.parse().map(Some).map_err(|_| {
            PyValueError::new_err(format!(
                "input_format must be {INPUT_FORMATS}, not {other:?}"
            ))
        }),
    }
}

/// The input format from `input_format=` and the deprecated `format=`.
///
/// `format=` (the name before 0.2) still works but warns: in the command line
/// `--format` is the *output* format, so the Python keyword was renamed to match
/// `fou parse --input-format`.
fn input_format_arg(
    py: Python<'_>,
    input_format_name: Option<&str>,
    deprecated_format: Option<&str>,
) -> PyResult<Option<fou::Format>> {
    let Some(old) = deprecated_format else {
        return input_format(input_format_name);
    };
    if input_format_name.is_some() {
        return Err(PyTypeError::new_err(
            "parse() got both input_format= and its deprecated name format=; pass input_format= only",
        ));
    }
    PyErr::warn(
        py,
        &py.get_type::<PyDeprecationWarning>(),
        c"fou.parse(format=...) is deprecated: use input_format= (\"plain\", \"markdown\" or \"auto\"); format= will be removed in the next release",
        1,
    )?;
    input_format(Some(old))
}

/// The size limit from `max_bytes=`: `None` is the core's default (256 MiB).
fn max_bytes_arg(max_bytes: Option<i128>) -> PyResult<u64> {
    match max_bytes {
        None => Ok(fou::DEFAULT_MAX_BYTES),
        Some(n) => u64::try_from(n).map_err(|_| {
            PyValueError::new_err(format!(
                "max_bytes must be a number of bytes (0 to 2**64 - 1) or None, not {n}"
            ))
        }),
    }
}

/// The pool a text of `bytes` is parsed on so that its sections are read
/// side by side (`threads=`: `None` is rayon's default size, `1` parses on
/// the calling thread): one of [`fou::Options::split_bytes`] or more, and
/// more than one thread; else `None`, and no thread is started (a pool costs
/// a fraction of a millisecond, a text that large tens of milliseconds).
/// `threads` below 1 raises `ValueError` whatever the size.
fn sized_pool(
    py: Python<'_>,
    threads: Option<i64>,
    bytes: u64,
    opts: &fou::Options,
) -> PyResult<Option<rayon::ThreadPool>> {
    if let Some(n) = threads.filter(|&n| n < 1) {
        return Err(PyValueError::new_err(format!(
            "threads must be at least 1 (or None), not {n}"
        )));
    }
    if bytes < opts.split_bytes || threads == Some(1) {
        return Ok(None);
    }
    crate::collection::pool(py, threads).map(Some)
}

/// `read()` on `pool` when there is one, else on this thread.
fn run_sized<R: Send>(pool: Option<&rayon::ThreadPool>, read: impl FnOnce() -> R + Send) -> R {
    match pool {
        Some(pool) => pool.install(read),
        None => read(),
    }
}

/// Parse options: the path to record, the input format to force, strict
/// decoding and the size limit.
fn options(
    path: Option<&PathBuf>,
    format: Option<fou::Format>,
    strict: bool,
    max_bytes: u64,
    registry: Option<&PathBuf>,
) -> PyResult<fou::Options> {
    let mut opts = fou::Options::default()
        .with_strict(strict)
        .with_max_bytes(max_bytes);
    if let Some(file) = registry {
        opts = opts.with_registry(registry_arg(file)?);
    }
    if let Some(path) = path {
        opts = opts.with_path(path.display().to_string());
    }
    if let Some(format) = format {
        opts = opts.with_format(format);
    }
    Ok(opts)
}

/// `registry=`: a TOML registry file merged over the builtin registry; an
/// unreadable or invalid file raises `ValueError` naming it.
pub(crate) fn registry_arg(file: &PathBuf) -> PyResult<std::sync::Arc<fou::Registry>> {
    let shown = file.display();
    let text = std::fs::read_to_string(file)
        .map_err(|e| PyValueError::new_err(format!("cannot read registry {shown}: {e}")))?;
    fou::Registry::from_toml(&text)
        .and_then(|mine| fou::Registry::builtin().merge(&mine))
        .map(std::sync::Arc::new)
        .map_err(|e| PyValueError::new_err(format!("{shown}: {e}")))
}

/// Parse the text of a FoU report.
///
/// `text` is a `str`, or `bytes` holding UTF-8 (a byte-order mark is allowed),
/// UTF-16 with a byte-order mark, or Windows-1252.
/// `path` is only recorded in `report.source.path` (nothing is read from it).
/// `input_format` is `"plain"` or `"markdown"` to force how the text is read,
/// or `None` / `"auto"` (the default) to detect it; it is what
/// `fou parse --input-format` sets on the command line. `format=` is its
/// deprecated former name: it still works, with a `DeprecationWarning`.
///
/// `strict=True` refuses damaged UTF-8: a byte that is not valid UTF-8 raises
/// `DecodeError` instead of becoming U+FFFD with a `decode-replaced` warning.
/// `max_bytes` is the largest input accepted, in bytes (`None`: 256 MiB);
/// longer input raises `InputTooLarge`. `registry` is a TOML institution
/// registry file whose entries are added to the builtin registry for the
/// items' `institution_refs` (an invalid file raises `ValueError`).
///
/// Problems inside a readable report never raise: they are listed in
/// `report.diagnostics`. Undecodable or binary bytes raise `DecodeError`
/// (with `.offset` and `.line`).
///
/// A file's bytes (or `parse_file()`) parse faster than its text: a `str`
/// is first encoded to UTF-8 by Python, about a sixth of the parse of a
/// Norwegian report (`python/benchmarks/counted.sh`).
///
/// A `str` that holds lone surrogates (as `open(…, errors="surrogateescape")`
/// reads bytes that are not UTF-8) is parsed as the bytes they stand for,
/// as `bytes` are: U+FFFD and a `decode-replaced` warning, or `DecodeError`
/// with `strict=True`.
///
/// A text of 1 MiB or more (a concatenation of reports) has its sections
/// read side by side on a pool of `threads` threads started for the call
/// (`None`: rayon's default, `RAYON_NUM_THREADS` or one per core; `1`: on
/// the calling thread), as `fou parse` reads one; the report is the same.
/// A shorter text starts no thread.
#[pyfunction]
#[pyo3(signature = (text, *, path = None, input_format = None, format = None, strict = false, max_bytes = None, registry = None, threads = None))]
#[expect(
    clippy::too_many_arguments,
    reason = "one parameter per keyword argument of Python's fou.parse"
)]
pub fn parse(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    path: Option<PathBuf>,
    input_format: Option<&str>,
    format: Option<&str>,
    strict: bool,
    max_bytes: Option<i128>,
    registry: Option<PathBuf>,
    threads: Option<i64>,
) -> PyResult<PyReport> {
    let opts = options(
        path.as_ref(),
        input_format_arg(py, input_format, format)?,
        strict,
        max_bytes_arg(max_bytes)?,
        registry.as_ref(),
    )?;
    let path_str = path.as_ref().map(|p| p.display().to_string());
    let parsed = if let Ok(s) = text.cast::<PyString>() {
        match s.to_cow() {
            Ok(s) => parse_str(py, &s, threads, &opts)?,
            // Lone surrogates: the bytes they stand for.
            Err(_) => parse_bytes(py, surrogate_bytes(s)?.as_bytes(), threads, &opts)?,
        }
    } else if let Ok(b) = text.cast::<PyBytes>() {
        parse_bytes(py, b.as_bytes(), threads, &opts)?
    } else {
        return Err(PyTypeError::new_err(format!(
            "parse() takes str or bytes, not {}; use parse_file() for a path",
            text.get_type().name()?
        )));
    };
    parsed.map(PyReport).map_err(|f| {
        to_pyerr(
            py,
            f,
            Context {
                path: path_str.as_deref(),
            },
        )
    })
}

/// The size of a text for [`sized_pool`].
fn size(len: usize) -> u64 {
    u64::try_from(len).unwrap_or(u64::MAX)
}

/// [`parse`] of a `str`, with the GIL released.
fn parse_str(
    py: Python<'_>,
    s: &str,
    threads: Option<i64>,
    opts: &fou::Options,
) -> PyResult<Result<fou::Report<'static>, Failure>> {
    let pool = sized_pool(py, threads, size(s.len()), opts)?;
    // Python keeps the report after `text` is gone: its texts are copied.
    let read = || guarded(|| fou::parse_with(s, opts).map(fou::Report::into_owned));
    Ok(py.detach(|| run_sized(pool.as_ref(), read)))
}

/// [`parse`] of `bytes`, with the GIL released.
fn parse_bytes(
    py: Python<'_>,
    bytes: &[u8],
    threads: Option<i64>,
    opts: &fou::Options,
) -> PyResult<Result<fou::Report<'static>, Failure>> {
    let pool = sized_pool(py, threads, size(bytes.len()), opts)?;
    let read = || guarded(|| fou::parse_bytes_with(bytes, opts));
    Ok(py.detach(|| run_sized(pool.as_ref(), read)))
}

/// The bytes a `str` that holds lone surrogates stands for: the bytes
/// Python's `surrogateescape` decoded into U+DC80–U+DCFF (as `open(…,
/// errors="surrogateescape")` reads a file that is not UTF-8), or, with any
/// other surrogate, the text with each surrogate as its three UTF-8-like
/// bytes (`surrogatepass`). Either way bytes that are not UTF-8, which the
/// core decodes as it decodes any bytes (U+FFFD and a `decode-replaced`
/// warning, or `DecodeError` with `strict=True`).
fn surrogate_bytes<'py>(s: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyBytes>> {
    let encode = |errors: &str| s.call_method1("encode", ("utf-8", errors));
    encode("surrogateescape")
        .or_else(|_| encode("surrogatepass"))?
        .cast_into::<PyBytes>()
        .map_err(PyErr::from)
}

/// Read and parse one file with `opts` (which name no path: the core records
/// `path`). The core reads at most `opts.max_bytes`, also from a FIFO or a
/// device.
fn read_file(path: &Path, opts: &fou::Options) -> Result<fou::Report<'static>, fou::Error> {
    fou::parse_file_with(path, opts)
}

/// Read and parse a report file (`str` or `os.PathLike`); the path is recorded
/// in `report.source.path`. `input_format`, `strict` and `max_bytes` are as
/// for `parse()`; a FIFO or a device is read up to `max_bytes` and no further.
///
/// Raises `ReadError` when the file cannot be read (missing, a directory, no
/// permission), `InputTooLarge` (a `ReadError`) when it is longer than
/// `max_bytes`, and `DecodeError` when its bytes are not text. `threads` is
/// as for `parse()`: a file of 1 MiB or more has its sections read side by
/// side.
#[pyfunction]
#[pyo3(signature = (path, *, input_format = None, strict = false, max_bytes = None, registry = None, threads = None))]
pub fn parse_file(
    py: Python<'_>,
    path: PathBuf,
    input_format: Option<&str>,
    strict: bool,
    max_bytes: Option<i128>,
    registry: Option<PathBuf>,
    threads: Option<i64>,
) -> PyResult<PyReport> {
    let opts = options(
        None,
        self::input_format(input_format)?,
        strict,
        max_bytes_arg(max_bytes)?,
        registry.as_ref(),
    )?;
    let shown = path.display().to_string();
    // (the size the file says it has: a FIFO or a device says 0, and is
    // parsed on this thread)
    let size = std::fs::metadata(&path).map_or(0, |m| m.len());
    let pool = sized_pool(py, threads, size, &opts)?;
    py.detach(|| run_sized(pool.as_ref(), || guarded(|| read_file(&path, &opts))))
        .map(PyReport)
        .map_err(|f| to_pyerr(py, f, Context { path: Some(&shown) }))
}

fn parse_all(paths: &[PathBuf], opts: &fou::Options) -> Vec<Result<fou::Report<'static>, Failure>> {
    paths
        .par_iter()
        .map(|p| guarded(|| read_file(p, opts)))
        .collect()
}

/// Parse many report files in parallel on Rust threads, with the GIL released.
///
/// `paths` is an iterable of `str` / `os.PathLike`. The reports come back in
/// the order of `paths`. Each call runs its own pool of `threads` threads;
/// `threads=None` means rayon's default (`RAYON_NUM_THREADS`, or one per core).
/// `input_format`, `strict` and `max_bytes` apply to every file, as for
/// `parse_file()`.
/// (Never rayon's global pool, so `parse_many` also works in a process forked
/// after it was used.)
///
/// When a file fails, every file is still attempted, then the error of the
/// *first failing path in input order* is raised (`ReadError`, `InputTooLarge`,
/// `DecodeError` or `FouError`, its `.path` and message naming the file) and no reports are
/// returned. Parse files one by one with `parse_file` to keep the good ones.
#[pyfunction]
#[pyo3(signature = (paths, *, threads = None, input_format = None, strict = false, max_bytes = None, registry = None))]
pub fn parse_many(
    py: Python<'_>,
    paths: &Bound<'_, PyAny>,
    threads: Option<i64>,
    input_format: Option<&str>,
    strict: bool,
    max_bytes: Option<i128>,
    registry: Option<PathBuf>,
) -> PyResult<Vec<PyReport>> {
    let opts = options(
        None,
        self::input_format(input_format)?,
        strict,
        max_bytes_arg(max_bytes)?,
        registry.as_ref(),
    )?;
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
    let results = py.detach(|| pool.install(|| parse_all(&paths, &opts)));
    let mut reports = Vec::with_capacity(results.len());
    for (result, path) in results.into_iter().zip(&paths) {
        match result {
            Ok(report) => reports.push(PyReport(report)),
            Err(failure) => {
                let shown = path.display().to_string();
                return Err(to_pyerr(py, failure, Context { path: Some(&shown) }));
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
        PyAnalysis, PyDateMention, PyDiagnostic, PyHeading, PyInstitutionRef, PyPeriod,
        PyPhdCandidate, PyPortfolioItem, PyPreface, PyProject, PyPublication, PyReport,
        PySignatory, PySourceInfo, PySpan, PyStatedCount, PyVendor,
    };
    #[pymodule_export]
    use super::collection::{
        PyAppearance, PyCollectedItem, PyCollection, PyCollectionDiagnostic, PyLink, PyText,
        PyUnknownInstitution, collect, text_files,
    };
    #[pymodule_export]
    use super::grammar::{
        PyPhdLine, PyProjectLine, PyReference, author_list, authors, count, edition, institutions,
        norwegian_date, period, phd_line, project_line, reference,
    };
    // `_item_records` and `_item_columns`: private, the rows of
    // `fou.to_records` and the columns of `fou.to_frame`.
    #[pymodule_export]
    use super::records::{item_columns, item_records};
    #[pymodule_export]
    use super::{parse, parse_file, parse_many};

    use pyo3::prelude::*;

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        // the exception classes the typed handles of `errors::exc` refer to
        crate::errors::bind_classes(m.py())?;
        m.add("__version__", env!("CARGO_PKG_VERSION"))?;
        m.add("SCHEMA_VERSION", fou::SCHEMA_VERSION)?;
        Ok(())
    }
}

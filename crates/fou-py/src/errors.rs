//! Fatal errors: `fou::Error` (and panics) → the Python exceptions of `fou`.
//!
//! The exception classes live in the pure-Python module `fou._errors`
//! (`FouError` and its subclasses `ReadError` (with `InputTooLarge`),
//! `DecodeError`, `GrammarError`), so they can carry typed attributes, keep
//! `__module__ == "fou"`, inherit from two bases (`GrammarError` is also a
//! `ValueError`) and pickle like any Python exception. The extension reaches
//! them through typed handles ([`pyo3::import_exception!`]: the class is
//! imported once and cached), never by a name looked up when raising.
//! This module decides which class an error becomes and what attributes it gets.

use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyType};

/// Typed handles on the classes of `fou._errors`.
pub mod exc {
    pyo3::import_exception!(fou._errors, FouError);
    pyo3::import_exception!(fou._errors, ReadError);
    pyo3::import_exception!(fou._errors, InputTooLarge);
    pyo3::import_exception!(fou._errors, DecodeError);
    pyo3::import_exception!(fou._errors, GrammarError);
}

/// The module the handles of [`exc`] import from.
const ERRORS_MODULE: &str = "fou._errors";

/// Import `fou._errors` and bind every handle of [`exc`] to its class: called
/// when `fou._fou` is loaded, so a broken install fails at `import fou`, not
/// when raising, and the classes raised are those of that moment (rebinding a
/// name in `fou._errors` later changes nothing).
pub fn bind_classes(py: Python<'_>) -> PyResult<()> {
    py.import(ERRORS_MODULE)?;
    for class in Class::ALL {
        class.type_object(py);
    }
    Ok(())
}

/// Which `fou` exception an error becomes.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// `FouError`: internal errors and kinds of errors newer than the binding.
    #[default]
    Fou,
    /// `ReadError`: the file could not be read.
    Read,
    /// `InputTooLarge` (a `ReadError`): the input is over the size limit.
    InputTooLarge,
    /// `DecodeError`: the bytes are not text.
    Decode,
    /// `GrammarError` (also a `ValueError`): a small grammar did not match.
    Grammar,
}

impl Class {
    const ALL: [Class; 5] = [
        Class::Fou,
        Class::Read,
        Class::InputTooLarge,
        Class::Decode,
        Class::Grammar,
    ];

    /// The Python class.
    fn type_object(self, py: Python<'_>) -> Bound<'_, PyType> {
        match self {
            Class::Fou => py.get_type::<exc::FouError>(),
            Class::Read => py.get_type::<exc::ReadError>(),
            Class::InputTooLarge => py.get_type::<exc::InputTooLarge>(),
            Class::Decode => py.get_type::<exc::DecodeError>(),
            Class::Grammar => py.get_type::<exc::GrammarError>(),
        }
    }
}

/// Why a call into the core failed: an error it returned, or a panic (a bug).
#[derive(Debug)]
pub enum Failure {
    /// The core returned an error.
    Fou(fou::Error),
    /// The core panicked; the payload's message.
    Panic(String),
    /// Something around the core failed (e.g. threads could not be started).
    Other(String),
}

/// Run a call into the core so that a panic becomes a [`Failure::Panic`]
/// instead of unwinding into Python.
pub fn guarded<T>(f: impl FnOnce() -> Result<T, fou::Error>) -> Result<T, Failure> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(err)) => Err(Failure::Fou(err)),
        Err(payload) => Err(Failure::Panic(panic_message(payload.as_ref()))),
    }
}

/// Like [`guarded`] for calls that cannot fail except by panicking.
pub fn guarded_infallible<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|payload| panic_message(payload.as_ref()))
}

fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic payload".to_owned()
    }
}

/// What is known about the input when an error is turned into an exception.
#[derive(Debug, Default, Clone, Copy)]
pub struct Context<'a> {
    /// The path that was read, when the input came from a file (or was
    /// passed as `path=`).
    pub path: Option<&'a str>,
}

/// The attributes of a `fou` exception, before it is built.
#[derive(Debug, Default)]
struct ExcSpec {
    class: Class,
    message: String,
    path: Option<String>,
    line: Option<usize>,
    offset: Option<usize>,
    /// `InputTooLarge`: the limit and the input's size (when known).
    limit: Option<u64>,
    size: Option<u64>,
}

fn spec_for(failure: Failure, ctx: Context<'_>) -> ExcSpec {
    let path = ctx.path.map(str::to_owned);
    let prefix = |msg: String| match ctx.path {
        Some(p) => format!("{p}: {msg}"),
        None => msg,
    };
    match failure {
        Failure::Other(msg) => ExcSpec {
            class: Class::Fou,
            message: prefix(msg),
            path,
            ..ExcSpec::default()
        },
        Failure::Panic(msg) => ExcSpec {
            class: Class::Fou,
            message: prefix(format!(
                "internal error in the fou parser (please report it): {msg}"
            )),
            path,
            ..ExcSpec::default()
        },
        Failure::Fou(err) => spec_for_error(&err, ctx),
    }
}

/// The exception spec of an error the core returned.
fn spec_for_error(err: &fou::Error, ctx: Context<'_>) -> ExcSpec {
    let path = ctx.path.map(str::to_owned);
    let prefix = |msg: String| match ctx.path {
        Some(p) => format!("{p}: {msg}"),
        None => msg,
    };
    match err {
        fou::Error::Io { path: io_path, .. } => ExcSpec {
            class: Class::Read,
            message: err.to_string(),
            path: Some(
                ctx.path
                    .map_or_else(|| io_path.display().to_string(), str::to_owned),
            ),
            ..ExcSpec::default()
        },
        // A file that changed while it was read could not be read as one
        // version: a `ReadError` (an `OSError`-like failure: try again).
        fou::Error::ChangedWhileRead { path: file, .. } => {
            let shown = ctx
                .path
                .map_or_else(|| file.display().to_string(), str::to_owned);
            ExcSpec {
                class: Class::Read,
                message: format!("{shown}: {err}"),
                path: Some(shown),
                ..ExcSpec::default()
            }
        }
        // The core owns positions: every decoding error carries its offset and line.
        fou::Error::Decode { offset, line, .. } | fou::Error::Binary { offset, line } => ExcSpec {
            class: Class::Decode,
            message: prefix(format!("{err} (line {line})")),
            path,
            line: Some(*line),
            offset: Some(*offset),
            ..ExcSpec::default()
        },
        fou::Error::InvalidUtf8 { offset, line, .. } => ExcSpec {
            class: Class::Decode,
            message: prefix(err.to_string()),
            path,
            line: Some(*line),
            offset: Some(*offset),
            ..ExcSpec::default()
        },
        fou::Error::TooLarge { limit, size } => ExcSpec {
            class: Class::InputTooLarge,
            message: prefix(err.to_string()),
            path,
            limit: Some(*limit),
            size: *size,
            ..ExcSpec::default()
        },
        // `fou::Error` is non-exhaustive: variants added later become the base class.
        _ => ExcSpec {
            class: Class::Fou,
            message: prefix(err.to_string()),
            path,
            ..ExcSpec::default()
        },
    }
}

/// The exception `class(message, **attrs)`.
fn raise(py: Python<'_>, class: Class, message: String, attrs: &Bound<'_, PyDict>) -> PyErr {
    let cls = class.type_object(py);
    match cls.call((&message,), Some(attrs)) {
        Ok(exc) => PyErr::from_value(exc),
        // only if `fou._errors` and this file disagree on the constructor
        Err(err) => PyRuntimeError::new_err(format!(
            "{message} (and {} could not be raised: {err})",
            cls.name()
                .map_or_else(|_| format!("{class:?}"), |n| n.to_string())
        )),
    }
}

/// Turn a failure into the `fou` exception that documents it.
pub fn to_pyerr(py: Python<'_>, failure: Failure, ctx: Context<'_>) -> PyErr {
    build(py, spec_for(failure, ctx))
}

/// The `fou` exception for an error the core returned, which the caller
/// keeps (a collection's unreadable files).
pub fn error_ref_to_pyerr(py: Python<'_>, err: &fou::Error, ctx: Context<'_>) -> PyErr {
    build(py, spec_for_error(err, ctx))
}

/// Build the exception of a spec.
fn build(py: Python<'_>, spec: ExcSpec) -> PyErr {
    let attrs = PyDict::new(py);
    let filled = (|| -> PyResult<()> {
        attrs.set_item("path", spec.path)?;
        attrs.set_item("line", spec.line)?;
        match spec.class {
            Class::Decode => attrs.set_item("offset", spec.offset)?,
            Class::InputTooLarge => {
                attrs.set_item("limit", spec.limit)?;
                attrs.set_item("size", spec.size)?;
            }
            Class::Fou | Class::Read | Class::Grammar => {}
        }
        Ok(())
    })();
    match filled {
        Ok(()) => raise(py, spec.class, spec.message, &attrs),
        Err(e) => e,
    }
}

/// Turn a grammar mismatch into `fou.GrammarError` (a `FouError` and a `ValueError`).
pub fn grammar_error(py: Python<'_>, err: &fou::grammar::GrammarError) -> PyErr {
    let attrs = PyDict::new(py);
    let filled = (|| -> PyResult<()> {
        attrs.set_item("expected", err.expected)?;
        attrs.set_item("offset", err.offset)?;
        attrs.set_item("input", &err.input)?;
        Ok(())
    })();
    match filled {
        Ok(()) => raise(py, Class::Grammar, err.to_string(), &attrs),
        Err(e) => e,
    }
}

/// A grammar call that failed for a reason the core's `GrammarError` does not cover
/// (an impossible calendar date, a missing year, a panic).
pub fn grammar_message(py: Python<'_>, expected: &str, input: &str, message: String) -> PyErr {
    let attrs = PyDict::new(py);
    let filled = (|| -> PyResult<()> {
        attrs.set_item("expected", expected)?;
        attrs.set_item("offset", 0)?;
        attrs.set_item("input", input)?;
        Ok(())
    })();
    match filled {
        Ok(()) => raise(py, Class::Grammar, message, &attrs),
        Err(e) => e,
    }
}

/// A panic inside a grammar: a `FouError` naming the input.
pub fn grammar_panic(py: Python<'_>, input: &str, msg: String) -> PyErr {
    let attrs = PyDict::new(py);
    raise(
        py,
        Class::Fou,
        format!("internal error in the fou grammar for {input:?} (please report it): {msg}"),
        &attrs,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panics_are_caught() {
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let r: Result<(), Failure> = guarded(|| panic!("boom"));
        std::panic::set_hook(hook);
        assert!(matches!(r, Err(Failure::Panic(m)) if m == "boom"));
    }

    #[test]
    fn decode_errors_get_path_offset_and_line() {
        // UTF-16LE with a BOM, "a\nb\n" then an unpaired high surrogate.
        let input = b"\xff\xfea\x00\n\x00b\x00\n\x00\x00\xd8c\x00";
        let err = fou::parse_bytes(input).unwrap_err();
        assert!(
            matches!(err, fou::Error::Decode { offset: 10, .. }),
            "{err:?}"
        );
        let spec = spec_for(
            Failure::Fou(err),
            Context {
                path: Some("x.txt"),
            },
        );
        assert_eq!(spec.class, Class::Decode);
        assert_eq!(spec.offset, Some(10));
        assert_eq!(spec.line, Some(3));
        assert!(spec.message.starts_with("x.txt: "), "{}", spec.message);
    }

    #[test]
    fn a_file_changed_while_read_is_a_read_error() {
        let err = fou::Error::ChangedWhileRead {
            path: "r.txt".into(),
            expected: 100,
            read: 40,
            now: 40,
        };
        let spec = spec_for(Failure::Fou(err), Context::default());
        assert_eq!(spec.class, Class::Read);
        assert_eq!(spec.path.as_deref(), Some("r.txt"));
        assert!(
            spec.message
                .starts_with("r.txt: the file changed while it was read"),
            "{}",
            spec.message
        );
    }
}

//! Fatal errors: `fou::Error` (and panics) → the Python exceptions of `fou`.
//!
//! The exception classes live in the pure-Python module `fou._errors`
//! (`FouError` and its subclasses `ReadError` (with `InputTooLarge`),
//! `DecodeError`, `GrammarError`),
//! so they can carry typed attributes and pickle like any Python exception.
//! This module decides which class an error becomes and what attributes it gets.

use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

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
    class: &'static str,
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
            class: "FouError",
            message: prefix(msg),
            path,
            ..ExcSpec::default()
        },
        Failure::Panic(msg) => ExcSpec {
            class: "FouError",
            message: prefix(format!(
                "internal error in the fou parser (please report it): {msg}"
            )),
            path,
            ..ExcSpec::default()
        },
        Failure::Fou(err) => match &err {
            fou::Error::Io { path: io_path, .. } => ExcSpec {
                class: "ReadError",
                message: err.to_string(),
                path: Some(
                    ctx.path
                        .map_or_else(|| io_path.display().to_string(), str::to_owned),
                ),
                ..ExcSpec::default()
            },
            // The core owns positions: every decoding error carries its offset and line.
            fou::Error::Decode { offset, line, .. } | fou::Error::Binary { offset, line } => {
                ExcSpec {
                    class: "DecodeError",
                    message: prefix(format!("{err} (line {line})")),
                    path,
                    line: Some(*line),
                    offset: Some(*offset),
                    ..ExcSpec::default()
                }
            }
            fou::Error::InvalidUtf8 { offset, line, .. } => ExcSpec {
                class: "DecodeError",
                message: prefix(err.to_string()),
                path,
                line: Some(*line),
                offset: Some(*offset),
                ..ExcSpec::default()
            },
            fou::Error::TooLarge { limit, size } => ExcSpec {
                class: "InputTooLarge",
                message: prefix(err.to_string()),
                path,
                limit: Some(*limit),
                size: *size,
                ..ExcSpec::default()
            },
            // `fou::Error` is non-exhaustive: variants added later become the base class.
            _ => ExcSpec {
                class: "FouError",
                message: prefix(err.to_string()),
                path,
                ..ExcSpec::default()
            },
        },
    }
}

/// Instantiate `fou._errors.<class>(message, **attrs)`.
fn build(py: Python<'_>, class: &str, message: &str, attrs: &Bound<'_, PyDict>) -> PyResult<PyErr> {
    let cls = py.import("fou._errors")?.getattr(class)?;
    let exc = cls.call((message,), Some(attrs))?;
    Ok(PyErr::from_value(exc))
}

fn raise(py: Python<'_>, class: &str, message: String, attrs: &Bound<'_, PyDict>) -> PyErr {
    build(py, class, &message, attrs).unwrap_or_else(|import_err| {
        PyRuntimeError::new_err(format!(
            "{message} (and fou._errors.{class} could not be raised: {import_err})"
        ))
    })
}

/// Turn a failure into the `fou` exception that documents it.
pub fn to_pyerr(py: Python<'_>, failure: Failure, ctx: Context<'_>) -> PyErr {
    let spec = spec_for(failure, ctx);
    let attrs = PyDict::new(py);
    let filled = (|| -> PyResult<()> {
        attrs.set_item("path", spec.path)?;
        attrs.set_item("line", spec.line)?;
        match spec.class {
            "DecodeError" => attrs.set_item("offset", spec.offset)?,
            "InputTooLarge" => {
                attrs.set_item("limit", spec.limit)?;
                attrs.set_item("size", spec.size)?;
            }
            _ => {}
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
        Ok(()) => raise(py, "GrammarError", err.to_string(), &attrs),
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
        Ok(()) => raise(py, "GrammarError", message, &attrs),
        Err(e) => e,
    }
}

/// A panic inside a grammar: a `FouError` naming the input.
pub fn grammar_panic(py: Python<'_>, input: &str, msg: String) -> PyErr {
    let attrs = PyDict::new(py);
    raise(
        py,
        "FouError",
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
        assert_eq!(spec.class, "DecodeError");
        assert_eq!(spec.offset, Some(10));
        assert_eq!(spec.line, Some(3));
        assert!(spec.message.starts_with("x.txt: "), "{}", spec.message);
    }
}

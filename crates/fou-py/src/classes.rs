//! Frozen Python classes wrapping the `fou` model types.
//!
//! Each class is declared once by `model!`: its Rust type, its docstring and
//! one list of fields (name, Rust type, doc). From that list the macro writes
//! the getters, `to_dict` and `__repr__`, beside the methods every class
//! shares: `__eq__`, `__hash__`, `to_json`, `from_json` and pickling through
//! the JSON (`__reduce__`).
//!
//! A field is converted when its attribute is read ([`Field`]): strings stay
//! strings, enums become their contract names (`"bidrag"`), dates become
//! `datetime.date`, nested items become their classes. `to_dict` is built
//! from that same list of fields ([`Plain`]), not from serde, and converts
//! each value as its getter does (enums by the same [`enum_name`]), reading
//! the Rust value in place rather than through a getter's copy: one pass over
//! the item, no clone of its nested items at each level. So the Python golden
//! test (`python/tests/test_golden.py`), which checks that
//! `to_dict() == json.loads(to_json())` on the real reports, tests the
//! classes against the core's JSON: a field missing from a list makes it fail.

use std::hash::{Hash, Hasher};

use pyo3::IntoPyObjectExt;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyType};
use serde::Serialize;

/// The contract name of a serde enum (`Funding::Bidrag` → `"bidrag"`).
pub fn enum_name<T: Serialize + std::fmt::Debug>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => format!("{value:?}").to_lowercase(),
    }
}

/// Python's `repr()` of a value (for readable `__repr__`s).
pub fn py_repr<'py, T: IntoPyObject<'py>>(py: Python<'py>, value: T) -> String {
    value
        .into_bound_py_any(py)
        .and_then(|o| o.repr())
        .map(|s| s.to_string())
        .unwrap_or_else(|_| "<?>".to_owned())
}

/// Serialise as serde_json does; `indent` `None` gives one line. One line
/// and an indent of 2 (serde_json's pretty form) are written by the core's
/// writer ([`fou::json`], the same bytes, faster); other indents by
/// serde_json's formatter.
pub fn json_of<T: Serialize>(value: &T, indent: Option<usize>) -> PyResult<String> {
    let result = match indent {
        None => fou::json::to_string(value),
        Some(2) => fou::json::to_string_pretty(value),
        Some(n) => {
            let pad = " ".repeat(n);
            let mut out = Vec::new();
            let fmt = serde_json::ser::PrettyFormatter::with_indent(pad.as_bytes());
            let mut ser = serde_json::Serializer::with_formatter(&mut out, fmt);
            value
                .serialize(&mut ser)
                .map(|()| String::from_utf8_lossy(&out).into_owned())
        }
    };
    result.map_err(|e| PyValueError::new_err(format!("cannot serialise to JSON: {e}")))
}

/// How a field of a model type is given to Python: what its getter returns.
pub trait Field {
    /// The Rust value handed to pyo3 (which makes the Python object).
    type Py;
    /// Convert the field's value.
    fn to_py(&self) -> Self::Py;
}

/// Fields Python gets as they are (numbers, strings, dates).
macro_rules! field_as_is {
    ($($t:ty),* $(,)?) => {$(
        impl Field for $t {
            type Py = $t;
            fn to_py(&self) -> $t {
                self.clone()
            }
        }
    )*};
}
field_as_is!(u8, u32, i32, usize, f64, String, chrono::NaiveDate);

/// A text of the model: a report borrows its texts from its input, and the
/// reports Python holds own theirs (`Report::into_owned`).
pub type Text = std::borrow::Cow<'static, str>;

/// Texts Python gets as `str`.
impl Field for Text {
    type Py = String;
    fn to_py(&self) -> String {
        self.to_string()
    }
}

/// Enums Python gets as their contract names (`"bidrag"`, `"projects/bidrag"`).
macro_rules! field_by_name {
    ($($t:ty),* $(,)?) => {$(
        impl Field for $t {
            type Py = String;
            fn to_py(&self) -> String {
                enum_name(self)
            }
        }

        impl Plain for $t {
            fn plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                Ok(PyString::new(py, &enum_name(self)).into_any())
            }
        }
    )*};
}
field_by_name!(
    fou::Format,
    fou::Funding,
    fou::PortfolioStatus,
    fou::PhdStatus,
    fou::RefersTo,
    fou::Severity,
);

impl Field for fou::DiagnosticCode {
    type Py = String;
    fn to_py(&self) -> String {
        self.as_str().to_owned()
    }
}

impl Plain for fou::DiagnosticCode {
    fn plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyString::new(py, self.as_str()).into_any())
    }
}

impl<T: Field> Field for Option<T> {
    type Py = Option<T::Py>;
    fn to_py(&self) -> Self::Py {
        self.as_ref().map(Field::to_py)
    }
}

impl<T: Field> Field for Vec<T> {
    type Py = Vec<T::Py>;
    fn to_py(&self) -> Self::Py {
        self.iter().map(Field::to_py).collect()
    }
}

/// What a getter returns, as plain Python data in the shape of the JSON
/// contract (`dict`, `list`, `str`, `int`, `None`): the pieces of `to_dict`.
pub trait Plain {
    /// The plain Python value.
    fn plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>>;
}

/// A field's Python name and JSON key: its Rust name without `r#`
/// (`r#abstract` → `abstract`).
const fn py_name(name: &'static str) -> &'static str {
    match name.as_bytes() {
        [b'r', b'#', rest @ ..] => match std::str::from_utf8(rest) {
            Ok(bare) => bare,
            Err(_) => name,
        },
        _ => name,
    }
}

/// A model value as a plain `dict` keyed by its fields (written by `model!`).
pub trait PlainDict {
    /// The `dict` of the value's fields, in the order of the JSON.
    fn plain_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>>;
}

/// Values that are plain already.
macro_rules! plain_as_is {
    ($($t:ty),* $(,)?) => {$(
        impl Plain for $t {
            fn plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                self.clone().into_bound_py_any(py)
            }
        }
    )*};
}
plain_as_is!(u8, u32, i32, usize, f64);

/// A string is copied once, into the Python `str`.
impl Plain for String {
    fn plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyString::new(py, self).into_any())
    }
}

impl Plain for Text {
    fn plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(PyString::new(py, self).into_any())
    }
}

/// A date is written as in the JSON: ISO 8601, `2020-03-30`.
impl Plain for chrono::NaiveDate {
    fn plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.to_string().into_bound_py_any(py)
    }
}

impl<T: Plain> Plain for Option<T> {
    fn plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Some(value) => value.plain(py),
            None => Ok(py.None().into_bound(py)),
        }
    }
}

impl<T: Plain> Plain for Vec<T> {
    fn plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let items = self
            .iter()
            .map(|item| item.plain(py))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(PyList::new(py, items)?.into_any())
    }
}

/// The Rust field behind an attribute: its own name, or the one in parentheses.
macro_rules! field_of {
    ($value:expr, $name:ident) => {
        $value.$name
    };
    ($value:expr, $name:ident $field:ident) => {
        $value.$field
    };
}

/// Declare a frozen Python class wrapping a model type, from one list of its
/// fields.
///
/// ```text
/// model! {
///     /// Class docstring.
///     PyPeriod(fou::Period) as "Period" |p, py| {
///         /// First year.               (the getter's docstring)
///         start: i32,                   (field name: its Rust type)
///         end: i32,
///         // `r#abstract (abstract_): Vec<Text>`: attribute `abstract`, Rust field `abstract_`
///     }
///     repr { start, end }               (`name` shows repr(getter); `name = expr` shows expr)
///     methods { ... }                   (other #[pymethods], optional)
/// }
/// ```
///
/// `p` is bound to the wrapped value and `py` to the GIL token in the `repr`
/// expressions. The fields are listed in the order of the Rust struct (and so
/// of the JSON), which is the order of `to_dict`'s keys.
macro_rules! model {
    (@repr $self:ident $py:ident $rname:ident) => {
        py_repr($py, $self.$rname())
    };
    (@repr $self:ident $py:ident $rname:ident $rexpr:expr) => {
        $rexpr
    };
    (
        $(#[$meta:meta])*
        $py_ty:ident($rust:ty) as $name:literal |$this:ident, $py:ident| {
            $(
                $(#[$fmeta:meta])*
                $field:ident $(($rust_field:ident))? : $fty:ty
            ),* $(,)?
        }
        repr { $($rname:ident $(= $rexpr:expr)?),* $(,)? }
        $(methods { $($body:tt)* })?
    ) => {
        $(#[$meta])*
        #[pyclass(frozen, eq, hash, module = "fou", name = $name)]
        #[derive(Debug, Clone, PartialEq)]
        pub struct $py_ty(pub $rust);

        impl From<$rust> for $py_ty {
            fn from(value: $rust) -> Self {
                Self(value)
            }
        }

        impl Field for $rust {
            type Py = $py_ty;
            fn to_py(&self) -> $py_ty {
                $py_ty(self.clone())
            }
        }

        impl PlainDict for $rust {
            fn plain_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
                let dict = PyDict::new(py);
                $(
                    // the Python name is the JSON key (`r#abstract` → `abstract`),
                    // made once per process: every dict shares the key objects
                    {
                        const KEY: &str = py_name(stringify!($field));
                        let key = pyo3::intern!(py, KEY);
                        dict.set_item(key, field_of!(self, $field $($rust_field)?).plain(py)?)?;
                    }
                )*
                Ok(dict)
            }
        }

        impl Plain for $rust {
            fn plain<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                Ok(self.plain_dict(py)?.into_any())
            }
        }

        impl Hash for $py_ty {
            fn hash<H: Hasher>(&self, state: &mut H) {
                fou::json::to_string(&self.0).unwrap_or_default().hash(state);
            }
        }

        #[pymethods]
        impl $py_ty {
            $(
                $(#[$fmeta])*
                #[getter]
                fn $field(&self) -> <$fty as Field>::Py {
                    let value: &$fty = &field_of!(self.0, $field $($rust_field)?);
                    value.to_py()
                }
            )*

            fn __repr__(&self, py: Python<'_>) -> String {
                let $this = &self.0;
                let $py = py;
                let parts: Vec<String> = vec![$(
                    format!(
                        "{}={}",
                        stringify!($rname),
                        model!(@repr self $py $rname $($rexpr)?)
                    )
                ),*];
                format!("{}({})", $name, parts.join(", "))
            }

            /// The item as JSON text in the shape of the JSON contract
            /// (one line, or pretty-printed with `indent` spaces).
            #[pyo3(signature = (*, indent = None))]
            fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
                json_of(&self.0, indent)
            }

            /// The item as plain Python data (`dict`, `list`, `str`, `int`, `None`):
            /// exactly `json.loads(self.to_json())`.
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
                self.0.plain_dict(py)
            }

            /// Rebuild an object from the JSON that `to_json` gives.
            #[classmethod]
            fn from_json(_cls: &Bound<'_, PyType>, json: &str) -> PyResult<Self> {
                serde_json::from_str::<$rust>(json)
                    .map(Self)
                    .map_err(|e| PyValueError::new_err(format!("invalid {} JSON: {e}", $name)))
            }

            /// Pickle support: rebuilt by `from_json`.
            fn __reduce__<'py>(
                slf: &Bound<'py, Self>,
            ) -> PyResult<(Bound<'py, PyAny>, (String,))> {
                let rebuild = slf.get_type().getattr("from_json")?;
                Ok((rebuild, (json_of(&slf.get().0, None)?,)))
            }

            $($($body)*)?
        }
    };
}

/// `start-end` of a span's lines, for `__repr__`.
fn lines_of(span: &fou::Span) -> String {
    format!("{}-{}", span.line_start, span.line_end)
}

model! {
    /// A byte range of the input with the 1-based lines it covers.
    ///
    /// `start` is inclusive, `end` exclusive (byte offsets into the decoded
    /// input, a byte-order mark included); `line_start` and `line_end` are
    /// 1-based and inclusive.
    PySpan(fou::Span) as "Span" |_s, _py| {
        /// First byte (inclusive).
        start: usize,
        /// Last byte (exclusive).
        end: usize,
        /// First line (1-based).
        line_start: usize,
        /// Last line (1-based, inclusive).
        line_end: usize,
    }
    repr { start, end, line_start, line_end }
}

model! {
    /// A project period in whole years, `(2019-2021)`; one year gives `start == end`.
    PyPeriod(fou::Period) as "Period" |_p, _py| {
        /// First year.
        start: i32,
        /// Last year.
        end: i32,
    }
    repr { start, end }
}

model! {
    /// Where the input came from.
    PySourceInfo(fou::SourceInfo) as "SourceInfo" |_s, _py| {
        /// File path, when the report was read from a file (or given as `path=`).
        path: Option<String>,
        /// `"plain"` or `"markdown"`.
        format: fou::Format,
        /// Detected encoding of the input bytes (`"utf-8"`, `"utf-8-sig"`).
        encoding: Text,
        /// Why that encoding was chosen, e.g. `"valid UTF-8"`.
        encoding_evidence: Text,
        /// Input bytes replaced by U+FFFD because they were invalid in the encoding.
        replaced_bytes: usize,
        /// Size of the input in bytes.
        bytes: usize,
        /// Number of lines.
        lines: usize,
        /// Share of the non-blank lines read into a part of the report (0 to
        /// 1, three decimals); a low figure flags a text that needs a look.
        coverage: f64,
    }
    repr { path, format, encoding, bytes, lines, coverage }
}

model! {
    /// Who signed the preface.
    PySignatory(fou::Signatory<'static>) as "Signatory" |_s, _py| {
        /// Name as written.
        name: Text,
        /// Title or role, e.g. "Avdelingsdirektør".
        role: Option<Text>,
    }
    repr { name, role }
}

model! {
    /// The preface (*Forord*).
    PyPreface(fou::Preface<'static>) as "Preface" |p, py| {
        /// The preface's paragraphs, separated by blank lines.
        text: Text,
        /// The signature after "Vennlig hilsen", if any.
        signatory: Option<fou::Signatory<'static>>,
    }
    repr {
        chars = p.text.chars().count(),
        signatory = p.signatory.as_ref().map_or_else(|| "None".to_owned(), |s| py_repr(py, &s.name)),
    }
}

model! {
    /// A heading of the report's outline.
    PyHeading(fou::Heading<'static>) as "Heading" |h, _py| {
        /// Nesting level (1 = top).
        level: u8,
        /// Heading text without markup.
        title: Text,
        /// Where the heading is.
        span: fou::Span,
    }
    repr { level, title, line = h.span.line_start }
}

model! {
    /// An institution of an item as the institution registry reads it: the
    /// registry's `id` and canonical `name`, both `None` when the registry
    /// does not know the name (never guessed), and the text as written.
    PyInstitutionRef(fou::InstitutionRef<'static>) as "InstitutionRef" |_r, _py| {
        /// Registry id (`"uio"`, `"oslomet-afi"`), or `None` when unknown.
        id: Option<Text>,
        /// The registry's canonical name, or `None` when unknown.
        name: Option<Text>,
        /// The name as written in the item.
        raw: Text,
    }
    repr { id, raw }
}

model! {
    /// A completed project that the report summarises.
    PyProject(fou::Project<'static>) as "Project" |p, _py| {
        /// Project title.
        title: Text,
        /// Institution text as written.
        institution_raw: Option<Text>,
        /// The institutions, split into organisations.
        institutions: Vec<Text>,
        /// The institutions resolved in the registry, in the order written.
        institution_refs: Vec<fou::InstitutionRef<'static>>,
        /// `"bidrag"`, `"oppdrag"` or `None`.
        funding: Option<fou::Funding>,
        /// Theme heading the project stands under.
        theme: Option<Text>,
        /// The one-line lead (`Sammendrag: …`), when the record has one.
        lead: Option<Text>,
        /// Summary paragraphs.
        summary: Vec<Text>,
        /// The whole record.
        span: fou::Span,
    }
    repr { title, institutions, funding, theme, lines = lines_of(&p.span) }
}

model! {
    /// A project the report only lists (ongoing, newly granted or shortlisted), or a web page lists.
    PyPortfolioItem(fou::PortfolioItem<'static>) as "PortfolioItem" |p, _py| {
        /// Project title.
        title: Text,
        /// Institution text as written.
        institution_raw: Option<Text>,
        /// The institutions, split into organisations.
        institutions: Vec<Text>,
        /// The institutions resolved in the registry, in the order written.
        institution_refs: Vec<fou::InstitutionRef<'static>>,
        /// Project period, when given.
        period: Option<fou::Period>,
        /// `"bidrag"`, `"oppdrag"` or `None`: the funding of the list the item stands in.
        funding: Option<fou::Funding>,
        /// Theme heading above the list.
        theme: Option<Text>,
        /// `"ongoing"`, `"granted"` or `"shortlisted"` (a project sketch that went on to the next round).
        status: fou::PortfolioStatus,
        /// The lines under the item that describe it (its sub-bullets on a web page, a single-project page's lead paragraphs).
        description: Vec<Text>,
        /// The project leader's name (`Prosjektleder: …`), when the item names one.
        leader: Option<Text>,
        /// The list item (with its sub-bullets), or the single-project page.
        span: fou::Span,
    }
    repr {
        title,
        institutions,
        period = p.period.map_or_else(|| "None".to_owned(), |x| format!("{}-{}", x.start, x.end)),
        funding,
        status,
        line = p.span.line_start,
    }
}

model! {
    /// An internal analysis (article in *Arbeid og velferd*).
    PyAnalysis(fou::Analysis<'static>) as "Analysis" |a, _py| {
        /// Edition number (`Utgave N`).
        issue: Option<u32>,
        /// Edition year.
        year: Option<i32>,
        /// Title.
        title: Text,
        /// Subtitle, when the title is followed by a second heading line.
        subtitle: Option<Text>,
        /// Authors from the `Av A, B og C` line.
        authors: Vec<Text>,
        /// Abstract paragraphs (the key `abstract` of the JSON contract).
        r#abstract(abstract_): Vec<Text>,
        /// The whole record.
        span: fou::Span,
    }
    repr { issue, year, title, authors, lines = lines_of(&a.span) }
}

model! {
    /// A publication reference, `Authors (2020): Title, Venue`.
    PyPublication(fou::Publication<'static>) as "Publication" |_p, _py| {
        /// Author names as written.
        authors: Vec<Text>,
        /// Publication year.
        year: Option<i32>,
        /// Title.
        title: Text,
        /// Journal or other venue.
        venue: Option<Text>,
        /// The reference.
        span: fou::Span,
    }
    repr { authors, year, title, venue }
}

model! {
    /// A PhD candidate (`Title. Stipendiat Name, Institution`).
    PyPhdCandidate(fou::PhdCandidate<'static>) as "PhdCandidate" |_p, _py| {
        /// Thesis project title.
        title: Text,
        /// Candidate's name.
        candidate: Text,
        /// Institution.
        institution: Option<Text>,
        /// The institutions resolved in the registry, in the order written.
        institution_refs: Vec<fou::InstitutionRef<'static>>,
        /// `"completed"` or `"ongoing"`.
        status: fou::PhdStatus,
        /// The list item.
        span: fou::Span,
    }
    repr { title, candidate, institution, status }
}

model! {
    /// A supplier in NAV's framework agreements.
    PyVendor(fou::Vendor<'static>) as "Vendor" |v, _py| {
        /// Name as written.
        name: Text,
        /// The list item.
        span: fou::Span,
    }
    repr { name, line = v.span.line_start }
}

model! {
    /// A count the text states, e.g. "Sju bidragsfinansierte prosjekter ble ferdigstilt".
    PyStatedCount(fou::StatedCount<'static>) as "StatedCount" |_c, _py| {
        /// The clause that states the count.
        text: Text,
        /// The number.
        value: u32,
        /// What is counted: `"projects/bidrag"`, `"portfolio/bidrag/ongoing"`, …, `"other"`.
        refers_to: fou::RefersTo,
        /// The clause.
        span: fou::Span,
    }
    repr { value, refers_to, text }
}

model! {
    /// A date written in the text ("30. mars 2020").
    PyDateMention(fou::DateMention<'static>) as "DateMention" |d, _py| {
        /// The date (`datetime.date`); a missing year is taken from context.
        date: chrono::NaiveDate,
        /// The date as written.
        text: Text,
        /// The date as written in the input.
        span: fou::Span,
        /// The sentence that holds the date.
        sentence_span: fou::Span,
    }
    repr { date = d.date, text }
}

model! {
    /// A problem found while parsing, with its place in the text.
    PyDiagnostic(fou::Diagnostic) as "Diagnostic" |d, _py| {
        /// `"error"`, `"warning"` or `"info"`.
        severity: fou::Severity,
        /// Stable machine-readable code, e.g. `count-mismatch`.
        code: fou::DiagnosticCode,
        /// Human-readable message.
        message: String,
        /// Where, when it has a place.
        span: Option<fou::Span>,
    }
    repr {
        severity,
        code,
        line = d.span.map_or_else(|| "None".to_owned(), |s| s.line_start.to_string()),
        message,
    }
}

model! {
    /// A parsed FoU report.
    ///
    /// Attributes are read-only. List attributes return a new list of item
    /// objects on each access. `to_dict()` / `to_json()` give the JSON contract
    /// (`schema_version` 1); reports compare by value and pickle.
    PyReport(fou::Report<'static>) as "Report" |r, py| {
        /// Version of the JSON contract.
        schema_version: u32,
        /// Where the text came from.
        source: fou::SourceInfo,
        /// Report year.
        year: Option<i32>,
        /// Report title as written.
        title: Option<Text>,
        /// Preface and signatory.
        preface: Option<fou::Preface<'static>>,
        /// Headings in document order.
        outline: Vec<fou::Heading<'static>>,
        /// Completed projects with summaries.
        projects: Vec<fou::Project<'static>>,
        /// Listed ongoing or newly granted projects.
        portfolio: Vec<fou::PortfolioItem<'static>>,
        /// Internal analyses.
        analyses: Vec<fou::Analysis<'static>>,
        /// Publication references.
        publications: Vec<fou::Publication<'static>>,
        /// PhD candidates.
        phd: Vec<fou::PhdCandidate<'static>>,
        /// Framework-agreement vendors.
        vendors: Vec<fou::Vendor<'static>>,
        /// Counts stated in the text.
        stated_counts: Vec<fou::StatedCount<'static>>,
        /// Dates in the text.
        dates: Vec<fou::DateMention<'static>>,
        /// Problems found while parsing.
        diagnostics: Vec<fou::Diagnostic>,
    }
    repr {
        year,
        title,
        path = py_repr(py, r.source.path.as_deref()),
        projects = r.projects.len(),
        portfolio = r.portfolio.len(),
        analyses = r.analyses.len(),
        publications = r.publications.len(),
        phd = r.phd.len(),
        vendors = r.vendors.len(),
        diagnostics = r.diagnostics.len(),
    }
    methods {
        /// True when a diagnostic has severity `"error"`.
        fn has_errors(&self) -> bool {
            self.0.has_errors()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::json_of;

    /// `to_json` gives serde_json's bytes for every indent: one line and
    /// an indent of 2 from the core's writer, others from serde_json's
    /// formatter.
    #[test]
    fn json_of_writes_what_serde_json_writes() {
        let text = "# FoU-rapport 2031\n\n## Prosjekter\n\n- Et \"prosjekt\", Universitetet i Oslo (2030–2032)\n";
        let report = fou::parse(text).unwrap();
        assert_eq!(
            json_of(&report, None).unwrap(),
            serde_json::to_string(&report).unwrap()
        );
        let pretty = serde_json::to_string_pretty(&report).unwrap();
        assert_eq!(json_of(&report, Some(2)).unwrap(), pretty);
        let mut four = Vec::new();
        let indent = serde_json::ser::PrettyFormatter::with_indent(b"    ");
        serde::Serialize::serialize(
            &report,
            &mut serde_json::Serializer::with_formatter(&mut four, indent),
        )
        .unwrap();
        assert_eq!(json_of(&report, Some(4)).unwrap().as_bytes(), four);
    }
}

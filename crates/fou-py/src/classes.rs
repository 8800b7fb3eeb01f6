//! Frozen Python classes wrapping the `fou` model types.
//!
//! Each class holds the Rust value and converts a field when its attribute is
//! read: strings stay strings, enums become their contract names (`"bidrag"`),
//! dates become `datetime.date`, nested items become their classes. Every
//! class has `__repr__`, `__eq__`, `__hash__`, `to_json`, `to_dict`,
//! `from_json` and pickles through its JSON (`__reduce__`).

use std::hash::{Hash, Hasher};

use pyo3::IntoPyObjectExt;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyType;
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

/// Serialise with serde_json; `indent` `None` gives one line.
pub fn json_of<T: Serialize>(value: &T, indent: Option<usize>) -> PyResult<String> {
    let result = match indent {
        None => serde_json::to_string(value),
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

/// `json.loads(text)`.
pub fn json_loads<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.call_method1("loads", (text,))
}

/// Declare a frozen wrapper class with the shared methods, plus the given body.
macro_rules! wrapper {
    (
        $(#[$meta:meta])*
        $py:ident($rust:ty) as $name:literal;
        $($body:tt)*
    ) => {
        $(#[$meta])*
        #[pyclass(frozen, eq, hash, module = "fou", name = $name)]
        #[derive(Debug, Clone, PartialEq)]
        pub struct $py(pub $rust);

        impl From<$rust> for $py {
            fn from(value: $rust) -> Self {
                Self(value)
            }
        }

        impl Hash for $py {
            fn hash<H: Hasher>(&self, state: &mut H) {
                serde_json::to_string(&self.0).unwrap_or_default().hash(state);
            }
        }

        #[pymethods]
        impl $py {
            $($body)*

            /// The item as JSON text in the shape of the JSON contract
            /// (one line, or pretty-printed with `indent` spaces).
            #[pyo3(signature = (*, indent = None))]
            fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
                json_of(&self.0, indent)
            }

            /// The item as plain Python data (`dict`, `list`, `str`, `int`, `None`):
            /// exactly `json.loads(self.to_json())`.
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                json_loads(py, &json_of(&self.0, None)?)
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
        }
    };
}

wrapper! {
    /// A byte range of the input with the 1-based lines it covers.
    ///
    /// `start` is inclusive, `end` exclusive (byte offsets into the decoded
    /// input, a byte-order mark included); `line_start` and `line_end` are
    /// 1-based and inclusive.
    PySpan(fou::Span) as "Span";

    /// First byte (inclusive).
    #[getter]
    fn start(&self) -> usize {
        self.0.start
    }
    /// Last byte (exclusive).
    #[getter]
    fn end(&self) -> usize {
        self.0.end
    }
    /// First line (1-based).
    #[getter]
    fn line_start(&self) -> usize {
        self.0.line_start
    }
    /// Last line (1-based, inclusive).
    #[getter]
    fn line_end(&self) -> usize {
        self.0.line_end
    }
    fn __repr__(&self) -> String {
        let s = &self.0;
        format!(
            "Span(start={}, end={}, line_start={}, line_end={})",
            s.start, s.end, s.line_start, s.line_end
        )
    }
}

wrapper! {
    /// A project period in whole years, `(2019-2021)`; one year gives `start == end`.
    PyPeriod(fou::Period) as "Period";

    /// First year.
    #[getter]
    fn start(&self) -> i32 {
        self.0.start
    }
    /// Last year.
    #[getter]
    fn end(&self) -> i32 {
        self.0.end
    }
    fn __repr__(&self) -> String {
        format!("Period(start={}, end={})", self.0.start, self.0.end)
    }
}

wrapper! {
    /// Where the input came from.
    PySourceInfo(fou::SourceInfo) as "SourceInfo";

    /// File path, when the report was read from a file (or given as `path=`).
    #[getter]
    fn path(&self) -> Option<String> {
        self.0.path.clone()
    }
    /// `"plain"` or `"markdown"`.
    #[getter]
    fn format(&self) -> String {
        enum_name(&self.0.format)
    }
    /// Detected encoding of the input bytes (`"utf-8"`, `"utf-8-sig"`).
    #[getter]
    fn encoding(&self) -> String {
        self.0.encoding.clone()
    }
    /// Why that encoding was chosen, e.g. `"valid UTF-8"`.
    #[getter]
    fn encoding_evidence(&self) -> String {
        self.0.encoding_evidence.clone()
    }
    /// Input bytes replaced by U+FFFD because they were invalid in the encoding.
    #[getter]
    fn replaced_bytes(&self) -> usize {
        self.0.replaced_bytes
    }
    /// Size of the input in bytes.
    #[getter]
    fn bytes(&self) -> usize {
        self.0.bytes
    }
    /// Number of lines.
    #[getter]
    fn lines(&self) -> usize {
        self.0.lines
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        let s = &self.0;
        format!(
            "SourceInfo(path={}, format={}, encoding={}, bytes={}, lines={})",
            py_repr(py, s.path.as_deref()),
            py_repr(py, enum_name(&s.format)),
            py_repr(py, &s.encoding),
            s.bytes,
            s.lines
        )
    }
}

wrapper! {
    /// Who signed the preface.
    PySignatory(fou::Signatory) as "Signatory";

    /// Name as written.
    #[getter]
    fn name(&self) -> String {
        self.0.name.clone()
    }
    /// Title or role, e.g. "Avdelingsdirektør".
    #[getter]
    fn role(&self) -> Option<String> {
        self.0.role.clone()
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Signatory(name={}, role={})",
            py_repr(py, &self.0.name),
            py_repr(py, self.0.role.as_deref())
        )
    }
}

wrapper! {
    /// The preface (*Forord*).
    PyPreface(fou::Preface) as "Preface";

    /// The preface's paragraphs, separated by blank lines.
    #[getter]
    fn text(&self) -> String {
        self.0.text.clone()
    }
    /// The signature after "Vennlig hilsen", if any.
    #[getter]
    fn signatory(&self) -> Option<PySignatory> {
        self.0.signatory.clone().map(PySignatory)
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        let sig = self
            .0
            .signatory
            .as_ref()
            .map_or_else(|| "None".to_owned(), |s| py_repr(py, &s.name));
        format!(
            "Preface(chars={}, signatory={sig})",
            self.0.text.chars().count()
        )
    }
}

wrapper! {
    /// A heading of the report's outline.
    PyHeading(fou::Heading) as "Heading";

    /// Nesting level (1 = top).
    #[getter]
    fn level(&self) -> u8 {
        self.0.level
    }
    /// Heading text without markup.
    #[getter]
    fn title(&self) -> String {
        self.0.title.clone()
    }
    /// Where the heading is.
    #[getter]
    fn span(&self) -> PySpan {
        PySpan(self.0.span)
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Heading(level={}, title={}, line={})",
            self.0.level,
            py_repr(py, &self.0.title),
            self.0.span.line_start
        )
    }
}

wrapper! {
    /// A completed project that the report summarises.
    PyProject(fou::Project) as "Project";

    /// Project title.
    #[getter]
    fn title(&self) -> String {
        self.0.title.clone()
    }
    /// Institution text as written.
    #[getter]
    fn institution_raw(&self) -> Option<String> {
        self.0.institution_raw.clone()
    }
    /// The institutions, split into organisations.
    #[getter]
    fn institutions(&self) -> Vec<String> {
        self.0.institutions.clone()
    }
    /// `"bidrag"`, `"oppdrag"` or `None`.
    #[getter]
    fn funding(&self) -> Option<String> {
        self.0.funding.as_ref().map(enum_name)
    }
    /// Theme heading the project stands under.
    #[getter]
    fn theme(&self) -> Option<String> {
        self.0.theme.clone()
    }
    /// The one-line lead (`Sammendrag: …`), when the record has one.
    #[getter]
    fn lead(&self) -> Option<String> {
        self.0.lead.clone()
    }
    /// Summary paragraphs.
    #[getter]
    fn summary(&self) -> Vec<String> {
        self.0.summary.clone()
    }
    /// The whole record.
    #[getter]
    fn span(&self) -> PySpan {
        PySpan(self.0.span)
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        let p = &self.0;
        format!(
            "Project(title={}, institutions={}, funding={}, theme={}, lines={}-{})",
            py_repr(py, &p.title),
            py_repr(py, &p.institutions),
            py_repr(py, p.funding.as_ref().map(enum_name)),
            py_repr(py, p.theme.as_deref()),
            p.span.line_start,
            p.span.line_end
        )
    }
}

wrapper! {
    /// A project the report only lists (ongoing, or newly granted).
    PyPortfolioItem(fou::PortfolioItem) as "PortfolioItem";

    /// Project title.
    #[getter]
    fn title(&self) -> String {
        self.0.title.clone()
    }
    /// Institution text as written.
    #[getter]
    fn institution_raw(&self) -> Option<String> {
        self.0.institution_raw.clone()
    }
    /// The institutions, split into organisations.
    #[getter]
    fn institutions(&self) -> Vec<String> {
        self.0.institutions.clone()
    }
    /// Project period, when given.
    #[getter]
    fn period(&self) -> Option<PyPeriod> {
        self.0.period.map(PyPeriod)
    }
    /// `"bidrag"`, `"oppdrag"` or `None`: the funding of the list the item stands in.
    #[getter]
    fn funding(&self) -> Option<String> {
        self.0.funding.as_ref().map(enum_name)
    }
    /// Theme heading above the list.
    #[getter]
    fn theme(&self) -> Option<String> {
        self.0.theme.clone()
    }
    /// `"ongoing"` or `"granted"`.
    #[getter]
    fn status(&self) -> String {
        enum_name(&self.0.status)
    }
    /// The list item.
    #[getter]
    fn span(&self) -> PySpan {
        PySpan(self.0.span)
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        let p = &self.0;
        let period = p
            .period
            .map_or_else(|| "None".to_owned(), |x| format!("{}-{}", x.start, x.end));
        format!(
            "PortfolioItem(title={}, institutions={}, period={period}, funding={}, status={}, line={})",
            py_repr(py, &p.title),
            py_repr(py, &p.institutions),
            py_repr(py, p.funding.as_ref().map(enum_name)),
            py_repr(py, enum_name(&p.status)),
            p.span.line_start
        )
    }
}

wrapper! {
    /// An internal analysis (article in *Arbeid og velferd*).
    PyAnalysis(fou::Analysis) as "Analysis";

    /// Edition number (`Utgave N`).
    #[getter]
    fn issue(&self) -> Option<u32> {
        self.0.issue
    }
    /// Edition year.
    #[getter]
    fn year(&self) -> Option<i32> {
        self.0.year
    }
    /// Title.
    #[getter]
    fn title(&self) -> String {
        self.0.title.clone()
    }
    /// Subtitle, when the title is followed by a second heading line.
    #[getter]
    fn subtitle(&self) -> Option<String> {
        self.0.subtitle.clone()
    }
    /// Authors from the `Av A, B og C` line.
    #[getter]
    fn authors(&self) -> Vec<String> {
        self.0.authors.clone()
    }
    /// Abstract paragraphs (the key `abstract` of the JSON contract).
    #[getter(r#abstract)]
    fn abstract_(&self) -> Vec<String> {
        self.0.abstract_.clone()
    }
    /// The whole record.
    #[getter]
    fn span(&self) -> PySpan {
        PySpan(self.0.span)
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        let a = &self.0;
        format!(
            "Analysis(issue={}, year={}, title={}, authors={}, lines={}-{})",
            py_repr(py, a.issue),
            py_repr(py, a.year),
            py_repr(py, &a.title),
            py_repr(py, &a.authors),
            a.span.line_start,
            a.span.line_end
        )
    }
}

wrapper! {
    /// A publication reference, `Authors (2020): Title, Venue`.
    PyPublication(fou::Publication) as "Publication";

    /// Author names as written.
    #[getter]
    fn authors(&self) -> Vec<String> {
        self.0.authors.clone()
    }
    /// Publication year.
    #[getter]
    fn year(&self) -> Option<i32> {
        self.0.year
    }
    /// Title.
    #[getter]
    fn title(&self) -> String {
        self.0.title.clone()
    }
    /// Journal or other venue.
    #[getter]
    fn venue(&self) -> Option<String> {
        self.0.venue.clone()
    }
    /// The reference.
    #[getter]
    fn span(&self) -> PySpan {
        PySpan(self.0.span)
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        let p = &self.0;
        format!(
            "Publication(authors={}, year={}, title={}, venue={})",
            py_repr(py, &p.authors),
            py_repr(py, p.year),
            py_repr(py, &p.title),
            py_repr(py, p.venue.as_deref())
        )
    }
}

wrapper! {
    /// A PhD candidate (`Title. Stipendiat Name, Institution`).
    PyPhdCandidate(fou::PhdCandidate) as "PhdCandidate";

    /// Thesis project title.
    #[getter]
    fn title(&self) -> String {
        self.0.title.clone()
    }
    /// Candidate's name.
    #[getter]
    fn candidate(&self) -> String {
        self.0.candidate.clone()
    }
    /// Institution.
    #[getter]
    fn institution(&self) -> Option<String> {
        self.0.institution.clone()
    }
    /// `"completed"` or `"ongoing"`.
    #[getter]
    fn status(&self) -> String {
        enum_name(&self.0.status)
    }
    /// The list item.
    #[getter]
    fn span(&self) -> PySpan {
        PySpan(self.0.span)
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        let p = &self.0;
        format!(
            "PhdCandidate(title={}, candidate={}, institution={}, status={})",
            py_repr(py, &p.title),
            py_repr(py, &p.candidate),
            py_repr(py, p.institution.as_deref()),
            py_repr(py, enum_name(&p.status))
        )
    }
}

wrapper! {
    /// A supplier in NAV's framework agreements.
    PyVendor(fou::Vendor) as "Vendor";

    /// Name as written.
    #[getter]
    fn name(&self) -> String {
        self.0.name.clone()
    }
    /// The list item.
    #[getter]
    fn span(&self) -> PySpan {
        PySpan(self.0.span)
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "Vendor(name={}, line={})",
            py_repr(py, &self.0.name),
            self.0.span.line_start
        )
    }
}

wrapper! {
    /// A count the text states, e.g. "Åtte bidragsfinansierte prosjekter ble ferdigstilt".
    PyStatedCount(fou::StatedCount) as "StatedCount";

    /// The clause that states the count.
    #[getter]
    fn text(&self) -> String {
        self.0.text.clone()
    }
    /// The number.
    #[getter]
    fn value(&self) -> u32 {
        self.0.value
    }
    /// What is counted: `"projects/bidrag"`, `"portfolio/bidrag/ongoing"`, …, `"other"`.
    #[getter]
    fn refers_to(&self) -> String {
        enum_name(&self.0.refers_to)
    }
    /// The clause.
    #[getter]
    fn span(&self) -> PySpan {
        PySpan(self.0.span)
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "StatedCount(value={}, refers_to={}, text={})",
            self.0.value,
            py_repr(py, enum_name(&self.0.refers_to)),
            py_repr(py, &self.0.text)
        )
    }
}

wrapper! {
    /// A date written in the text ("30. mars 2020").
    PyDateMention(fou::DateMention) as "DateMention";

    /// The date (`datetime.date`); a missing year is taken from context.
    #[getter]
    fn date(&self) -> chrono::NaiveDate {
        self.0.date
    }
    /// The date as written.
    #[getter]
    fn text(&self) -> String {
        self.0.text.clone()
    }
    /// The date as written in the input.
    #[getter]
    fn span(&self) -> PySpan {
        PySpan(self.0.span)
    }
    /// The sentence that holds the date.
    #[getter]
    fn sentence_span(&self) -> PySpan {
        PySpan(self.0.sentence_span)
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        format!(
            "DateMention(date={}, text={})",
            self.0.date,
            py_repr(py, &self.0.text)
        )
    }
}

wrapper! {
    /// A problem found while parsing, with its place in the text.
    PyDiagnostic(fou::Diagnostic) as "Diagnostic";

    /// `"error"`, `"warning"` or `"info"`.
    #[getter]
    fn severity(&self) -> String {
        enum_name(&self.0.severity)
    }
    /// Stable machine-readable code, e.g. `count-mismatch`.
    #[getter]
    fn code(&self) -> String {
        self.0.code.as_str().to_owned()
    }
    /// Human-readable message.
    #[getter]
    fn message(&self) -> String {
        self.0.message.clone()
    }
    /// Where, when it has a place.
    #[getter]
    fn span(&self) -> Option<PySpan> {
        self.0.span.map(PySpan)
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        let line = self
            .0
            .span
            .map_or_else(|| "None".to_owned(), |s| s.line_start.to_string());
        format!(
            "Diagnostic(severity={}, code={}, line={line}, message={})",
            py_repr(py, enum_name(&self.0.severity)),
            py_repr(py, self.0.code.as_str()),
            py_repr(py, &self.0.message)
        )
    }
}

fn items<T: Clone, P: From<T>>(list: &[T]) -> Vec<P> {
    list.iter().cloned().map(P::from).collect()
}

wrapper! {
    /// A parsed FoU report.
    ///
    /// Attributes are read-only. List attributes return a new list of item
    /// objects on each access. `to_dict()` / `to_json()` give the JSON contract
    /// (`schema_version` 1); reports compare by value and pickle.
    PyReport(fou::Report) as "Report";

    /// Version of the JSON contract.
    #[getter]
    fn schema_version(&self) -> u32 {
        self.0.schema_version
    }
    /// Where the text came from.
    #[getter]
    fn source(&self) -> PySourceInfo {
        PySourceInfo(self.0.source.clone())
    }
    /// Report year.
    #[getter]
    fn year(&self) -> Option<i32> {
        self.0.year
    }
    /// Report title as written.
    #[getter]
    fn title(&self) -> Option<String> {
        self.0.title.clone()
    }
    /// Preface and signatory.
    #[getter]
    fn preface(&self) -> Option<PyPreface> {
        self.0.preface.clone().map(PyPreface)
    }
    /// Headings in document order.
    #[getter]
    fn outline(&self) -> Vec<PyHeading> {
        items(&self.0.outline)
    }
    /// Completed projects with summaries.
    #[getter]
    fn projects(&self) -> Vec<PyProject> {
        items(&self.0.projects)
    }
    /// Listed ongoing or newly granted projects.
    #[getter]
    fn portfolio(&self) -> Vec<PyPortfolioItem> {
        items(&self.0.portfolio)
    }
    /// Internal analyses.
    #[getter]
    fn analyses(&self) -> Vec<PyAnalysis> {
        items(&self.0.analyses)
    }
    /// Publication references.
    #[getter]
    fn publications(&self) -> Vec<PyPublication> {
        items(&self.0.publications)
    }
    /// PhD candidates.
    #[getter]
    fn phd(&self) -> Vec<PyPhdCandidate> {
        items(&self.0.phd)
    }
    /// Framework-agreement vendors.
    #[getter]
    fn vendors(&self) -> Vec<PyVendor> {
        items(&self.0.vendors)
    }
    /// Counts stated in the text.
    #[getter]
    fn stated_counts(&self) -> Vec<PyStatedCount> {
        items(&self.0.stated_counts)
    }
    /// Dates in the text.
    #[getter]
    fn dates(&self) -> Vec<PyDateMention> {
        items(&self.0.dates)
    }
    /// Problems found while parsing.
    #[getter]
    fn diagnostics(&self) -> Vec<PyDiagnostic> {
        items(&self.0.diagnostics)
    }
    /// True when a diagnostic has severity `"error"`.
    fn has_errors(&self) -> bool {
        self.0.has_errors()
    }
    fn __repr__(&self, py: Python<'_>) -> String {
        let r = &self.0;
        format!(
            "Report(year={}, title={}, path={}, projects={}, portfolio={}, analyses={}, \
             publications={}, phd={}, vendors={}, diagnostics={})",
            py_repr(py, r.year),
            py_repr(py, r.title.as_deref()),
            py_repr(py, r.source.path.as_deref()),
            r.projects.len(),
            r.portfolio.len(),
            r.analyses.len(),
            r.publications.len(),
            r.phd.len(),
            r.vendors.len(),
            r.diagnostics.len()
        )
    }
}

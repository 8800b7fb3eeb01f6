//! The typed report model: what a FoU report says, each item with its source span.
//!
//! Every type derives `serde` (the JSON contract of `schema_version` 1) and
//! `schemars::JsonSchema` (so `fou schema` can print the contract).
//!
//! The contract lets keys be added, so the report, its items and the enums
//! that may grow are `#[non_exhaustive]`: read their fields, and give a
//! `match` on one of the enums a `_` arm. [`Span`] and [`Period`] are plain
//! values and stay open to build.
//!
//! ## Borrowed text
//!
//! A report borrows its texts from the input it was read from: every text
//! taken from the input (a title, a summary paragraph, a name) is a
//! `Cow<'a, str>`, borrowed where it stands in the input as it is and owned
//! where reading changed it (lines joined, markup removed, a hyphen mended).
//! So a parse copies little of its input: a report of a 0.5 MB text holds a
//! fraction of a byte per input byte besides the input itself. Texts that
//! fou writes (diagnostic messages, registry ids, the encoding's name) are
//! `String`s. [`Report::into_owned`] copies the borrowed texts, for a report
//! that must outlive its input (one read from a file is owned already).
//!
//! ```
//! let text = String::from("FoU-rapport 2021\n\nOppdragsprosjekter\n\n- Tolk i NAV, Fjordforsk (2021-2022)\n");
//! let report = fou::parse(&text)?;
//! assert!(matches!(report.portfolio[0].title, std::borrow::Cow::Borrowed("Tolk i NAV")));
//! let kept: fou::Report<'static> = report.into_owned();
//! drop(text);
//! assert_eq!(kept.portfolio[0].title, "Tolk i NAV");
//! # Ok::<(), fou::Error>(())
//! ```

use std::borrow::Cow;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Schema transform for every model type: a `description` keeps the prose
/// of the doc comment only. Fenced code blocks (the doctests) are dropped and
/// intra-doc links lose their brackets, so `fou schema` prints plain sentences
/// while `cargo doc` keeps the examples.
fn plain_descriptions(schema: &mut schemars::Schema) {
    let plain = match schema.get("description") {
        Some(serde_json::Value::String(d)) => Some(plain_text(d)),
        _ => None,
    };
    match plain {
        Some(p) if p.is_empty() => {
            schema.remove("description");
        }
        Some(p) => {
            schema.insert("description".to_owned(), p.into());
        }
        None => {}
    }
    schemars::transform::transform_subschemas(&mut plain_descriptions, schema);
}

/// Doc-comment text without fenced code blocks and intra-doc link brackets,
/// paragraphs separated by one blank line, trimmed.
fn plain_text(doc: &str) -> String {
    let mut kept = Vec::new();
    let mut in_code = false;
    for line in doc.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
        } else if in_code || (line.trim().is_empty() && kept.last() == Some(&"")) {
            continue;
        } else {
            kept.push(line.trim_end());
        }
    }
    let text = kept.join("\n");
    let mut out = String::with_capacity(text.len());
    let mut rest = text.trim();
    // `[`Name`]` → `Name` (a link to a Rust item), but not `[text](url)`.
    while let Some(i) = rest.find("[`") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        match after[1..].find('`').map(|j| j + 2) {
            Some(j) if after[j..].starts_with(']') && !after[j + 1..].starts_with('(') => {
                out.push_str(&after[..j]);
                rest = &after[j + 1..];
            }
            _ => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The byte range of `part` within `whole`, when `part` is a slice of it
/// (the same memory, not equal text; what the unstable `str::substr_range`
/// does).
pub(crate) fn range_within(whole: &str, part: &str) -> Option<std::ops::Range<usize>> {
    located_within(whole, part).map(|(start, slice)| start..start + slice.len())
}

/// `part` as a slice of `whole` (borrowed for `whole`'s lifetime), when it
/// is one ([`range_within`]): the slice that test takes, not taken again.
pub(crate) fn slice_within<'w>(whole: &'w str, part: &str) -> Option<&'w str> {
    located_within(whole, part).map(|(_, slice)| slice)
}

/// Where `part` starts in `whole` and the slice of `whole` it is, when it
/// is one ([`range_within`], [`slice_within`]).
pub(crate) fn located_within<'w>(whole: &'w str, part: &str) -> Option<(usize, &'w str)> {
    let start = (part.as_ptr() as usize).checked_sub(whole.as_ptr() as usize)?;
    let slice = whole.get(start..start.checked_add(part.len())?)?;
    (slice.as_ptr() == part.as_ptr()).then_some((start, slice))
}

/// A value whose texts borrow `input` for its lifetime `'t`: each borrowed
/// text that is a slice of `input` is borrowed from it again, any other is
/// copied, owned texts are moved. With an empty `input` every text is owned
/// ([`Report::into_owned`]); with the text a report was read from, a report
/// that borrows a [`crate::Source`] borrows that text instead (what
/// [`crate::parse`] returns). Every model type has it, through
/// `owned_as_is!` for the types that borrow nothing and `rebased_fields!`
/// for the structs that may.
pub(crate) trait Rebase<'t> {
    /// The type with its texts borrowing for `'t`.
    type Out;
    /// Borrow from `input` what is in it; copy the rest.
    fn rebase(self, input: &'t str) -> Self::Out;
}

impl<'t> Rebase<'t> for Cow<'_, str> {
    type Out = Cow<'t, str>;
    fn rebase(self, input: &'t str) -> Cow<'t, str> {
        match self {
            Cow::Owned(s) => Cow::Owned(s),
            Cow::Borrowed(b) => match slice_within(input, b) {
                Some(t) => Cow::Borrowed(t),
                None => Cow::Owned(b.to_owned()),
            },
        }
    }
}

impl<'t, T: Rebase<'t>> Rebase<'t> for Option<T> {
    type Out = Option<T::Out>;
    fn rebase(self, input: &'t str) -> Self::Out {
        self.map(|v| v.rebase(input))
    }
}

impl<'t, T: Rebase<'t>> Rebase<'t> for Vec<T> {
    type Out = Vec<T::Out>;
    fn rebase(self, input: &'t str) -> Self::Out {
        self.into_iter().map(|v| v.rebase(input)).collect()
    }
}

/// `Rebase` for types that hold no borrowed text: the value itself.
macro_rules! owned_as_is {
    ($($t:ty),* $(,)?) => {
        $(impl<'t> Rebase<'t> for $t {
            type Out = $t;
            fn rebase(self, _: &'t str) -> $t {
                self
            }
        })*
    };
}

/// `Rebase` for a struct with a lifetime: each field's own, every field
/// named (a field left out does not compile).
macro_rules! rebased_fields {
    ($($t:ident { $($f:ident),* $(,)? })*) => {
        $(impl<'t> Rebase<'t> for $t<'_> {
            type Out = $t<'t>;
            fn rebase(self, input: &'t str) -> $t<'t> {
                $t { $($f: self.$f.rebase(input)),* }
            }
        })*
    };
}

owned_as_is!(
    u8,
    u32,
    i32,
    usize,
    String,
    NaiveDate,
    Span,
    Period,
    Funding,
    PortfolioStatus,
    PhdStatus,
    RefersTo,
    SourceInfo,
    Diagnostic,
);

rebased_fields! {
    Signatory { name, role }
    Preface { text, signatory }
    Heading { level, title, span }
    Project { title, institution_raw, institutions, institution_refs, funding, theme, lead, summary, span }
    PortfolioItem {
        title, institution_raw, institutions, institution_refs, period, funding, theme, status,
        description, leader, span,
    }
    Analysis { issue, year, title, subtitle, authors, abstract_, span }
    Publication { authors, year, title, venue, span }
    PhdCandidate { title, candidate, institution, institution_refs, status, span }
    Vendor { name, span }
    StatedCount { text, value, refers_to, span }
    DateMention { date, text, span, sentence_span }
    Report {
        schema_version, source, year, title, preface, outline, projects, portfolio, analyses,
        publications, phd, vendors, stated_counts, dates, diagnostics,
    }
}

/// `Rebase` for an [`InstitutionRef`]: its text as written, as any text;
/// its registry id and name as they are (`'static`: borrowed from the
/// builtin registry's table, or copies of a user's registry's entry, made
/// by [`crate::Registry`], not a copy per report).
impl<'t> Rebase<'t> for InstitutionRef<'_> {
    type Out = InstitutionRef<'t>;
    fn rebase(self, input: &'t str) -> InstitutionRef<'t> {
        InstitutionRef {
            id: self.id,
            name: self.name,
            raw: self.raw.rebase(input),
        }
    }
}

/// Version of the JSON contract produced by [`Report`]'s serialisation.
pub const SCHEMA_VERSION: u32 = 1;

/// A byte range of the input with the 1-based lines it covers.
///
/// ```
/// let span = fou::Span { start: 0, end: 5, line_start: 1, line_end: 1 };
/// assert_eq!(span.len(), 5);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = plain_descriptions)]
pub struct Span {
    /// First byte (inclusive).
    pub start: usize,
    /// Last byte (exclusive).
    pub end: usize,
    /// First line (1-based).
    pub line_start: usize,
    /// Last line (1-based, inclusive).
    pub line_end: usize,
}

impl Span {
    /// Length in bytes.
    ///
    /// ```
    /// assert_eq!(fou::Span { start: 2, end: 7, line_start: 1, line_end: 1 }.len(), 5);
    /// ```
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True for an empty range.
    ///
    /// ```
    /// assert!(fou::Span { start: 2, end: 2, line_start: 1, line_end: 1 }.is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
}

/// The style of the input text.
///
/// ```
/// assert_eq!(serde_json::to_string(&fou::Format::Markdown).unwrap(), "\"markdown\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = plain_descriptions)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Format {
    /// Plain text extracted from PDF or DOCX.
    Plain,
    /// Markdown produced by a converter.
    Markdown,
}

impl Format {
    /// The contract's name: `"plain"` or `"markdown"`.
    ///
    /// ```
    /// assert_eq!(fou::Format::Markdown.as_str(), "markdown");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Plain => "plain",
            Format::Markdown => "markdown",
        }
    }
}

impl std::fmt::Display for Format {
    /// The contract's name ([`Format::as_str`]).
    ///
    /// ```
    /// assert_eq!(fou::Format::Plain.to_string(), "plain");
    /// ```
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Format {
    type Err = String;

    /// A format from its contract name, `plain` or `markdown`, exactly as
    /// [`Format::as_str`] writes it (no other spellings, no `md`, and no
    /// `auto`: detecting the format is `None` in [`Options::format`](crate::Options::format),
    /// not a format). The command line's `--input-format` and Python's
    /// `input_format=` read their names with it, and add `auto`.
    ///
    /// ```
    /// use fou::Format;
    /// assert_eq!("plain".parse::<Format>(), Ok(Format::Plain));
    /// assert_eq!("markdown".parse::<Format>(), Ok(Format::Markdown));
    /// for name in ["auto", "md", "Markdown", ""] {
    ///     assert!(name.parse::<Format>().is_err(), "{name}");
    /// }
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "plain" => Ok(Format::Plain),
            "markdown" => Ok(Format::Markdown),
            other => Err(format!(
                "unknown format {other:?}: expected \"plain\" or \"markdown\""
            )),
        }
    }
}

/// How a project is financed.
///
/// ```
/// assert_eq!("bidrag".parse::<fou::Funding>().unwrap(), fou::Funding::Bidrag);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = plain_descriptions)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Funding {
    /// Grant after an open call (*bidragsfinansiert*).
    Bidrag,
    /// Commissioned research (*oppdrag*).
    Oppdrag,
}

impl Funding {
    /// The contract's name: `"bidrag"` or `"oppdrag"`.
    ///
    /// ```
    /// assert_eq!(fou::Funding::Oppdrag.as_str(), "oppdrag");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Funding::Bidrag => "bidrag",
            Funding::Oppdrag => "oppdrag",
        }
    }
}

impl std::str::FromStr for Funding {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "bidrag" => Ok(Funding::Bidrag),
            "oppdrag" => Ok(Funding::Oppdrag),
            other => Err(format!("unknown funding {other:?}")),
        }
    }
}

/// Status of a portfolio entry.
///
/// ```
/// assert_eq!(serde_json::to_string(&fou::PortfolioStatus::Granted).unwrap(), "\"granted\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = plain_descriptions)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum PortfolioStatus {
    /// Running at the end of the report year.
    Ongoing,
    /// Newly granted funds in the report year.
    Granted,
    /// A project sketch that went on to the next round of a call for
    /// proposals (`følgende ni skisser går videre`): shortlisted, not yet
    /// granted.
    Shortlisted,
}

/// Status of a PhD candidate.
///
/// ```
/// assert_eq!(serde_json::to_string(&fou::PhdStatus::Completed).unwrap(), "\"completed\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = plain_descriptions)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum PhdStatus {
    /// The degree was completed in the report year.
    Completed,
    /// Still working on the degree.
    Ongoing,
}

/// A project period in years, `(2019-2021)`; a single year gives `start == end`.
///
/// ```
/// assert_eq!(fou::grammar::period("(2019-2021)").unwrap(), fou::Period { start: 2019, end: 2021 });
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = plain_descriptions)]
pub struct Period {
    /// First year.
    pub start: i32,
    /// Last year.
    pub end: i32,
}

/// Where the input came from. (Not `Eq`: [`SourceInfo::coverage`] is a
/// fraction.)
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = plain_descriptions)]
#[non_exhaustive]
pub struct SourceInfo {
    /// File path, when the report was read from a file.
    pub path: Option<String>,
    /// Plain text or Markdown.
    pub format: Format,
    /// Detected encoding of the input bytes: utf-8, utf-8-sig, utf-16le, utf-16be or windows-1252.
    pub encoding: Cow<'static, str>,
    /// Why that encoding was chosen, e.g. "valid UTF-8" or "not UTF-8: 12 bytes invalid as UTF-8 and no valid multi-byte UTF-8 sequence".
    #[serde(default)]
    pub encoding_evidence: Cow<'static, str>,
    /// Input bytes that were not valid UTF-8 and were replaced by U+FFFD (each has a decode-replaced diagnostic).
    #[serde(default)]
    pub replaced_bytes: usize,
    /// Size of the decoded text in bytes, which span offsets index (the size of the input for valid UTF-8).
    pub bytes: usize,
    /// Number of lines.
    pub lines: usize,
    /// Share of the non-blank lines (page numbers and bullets alone on a
    /// line left out) that were read into a part of the report: title page,
    /// contents, preface, a heading, a project, a list item, an analysis.
    /// Running text kept as prose and text placed nowhere are not; 0 to 1,
    /// three decimals. A low figure flags a text whose headings or records
    /// were missed (a converter's output that needs a look).
    #[serde(default)]
    pub coverage: f64,
}

/// Who signed the preface.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = plain_descriptions)]
#[non_exhaustive]
pub struct Signatory<'a> {
    /// Name as written.
    pub name: Cow<'a, str>,
    /// Title or role, e.g. "Avdelingsdirektør".
    pub role: Option<Cow<'a, str>>,
}

/// The preface (*Forord*).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = plain_descriptions)]
#[non_exhaustive]
pub struct Preface<'a> {
    /// The preface's paragraphs, separated by blank lines.
    pub text: Cow<'a, str>,
    /// The signature after "Vennlig hilsen", if any.
    pub signatory: Option<Signatory<'a>>,
}

/// A heading of the report's outline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = plain_descriptions)]
#[non_exhaustive]
pub struct Heading<'a> {
    /// Nesting level (1 = top); Markdown `#` count, or inferred for plain text.
    pub level: u8,
    /// Heading text without markup.
    pub title: Cow<'a, str>,
    /// Where the heading is.
    pub span: Span,
}

/// An institution of an item as the institution registry reads it: the
/// registry's id and canonical name, or both null when the registry does not
/// know the name (never guessed), and the text as written.
/// `fou::Registry::refs` reads them.
///
/// ```
/// let r = fou::parse("FoU-rapport 2021\n\nBidragsfinansierte prosjekter\n\nVed utgangen av 2021 hadde vi 1 pågående prosjekt.\n\nArbeid\n\n- Jobb i nord, AFI, OsloMet og Kystforsk (2020-2022)\n")?;
/// let refs = &r.portfolio[0].institution_refs;
/// assert_eq!(refs[0].id.as_deref(), Some("oslomet-afi"));
/// assert_eq!((refs[1].id.as_deref(), &*refs[1].raw), (None, "Kystforsk"));
/// # Ok::<(), fou::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = plain_descriptions)]
#[non_exhaustive]
pub struct InstitutionRef<'a> {
    /// The registry id (`uio`, `oslomet-afi`), or null when unknown.
    pub id: Option<Cow<'static, str>>,
    /// The registry's canonical name, or null when unknown.
    pub name: Option<Cow<'static, str>>,
    /// The name as written in the item.
    pub raw: Cow<'a, str>,
}

/// A completed project that the report summarises.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = plain_descriptions)]
#[non_exhaustive]
pub struct Project<'a> {
    /// Project title.
    pub title: Cow<'a, str>,
    /// Institution text as written.
    pub institution_raw: Option<Cow<'a, str>>,
    /// The institutions, split into organisations.
    pub institutions: Vec<Cow<'a, str>>,
    /// The institutions resolved in the institution registry, in the
    /// order written: each with the registry's `id` and `name` (both null
    /// for a name the registry does not know, which is never guessed) and
    /// the text it was read from.
    #[serde(default)]
    pub institution_refs: Vec<InstitutionRef<'a>>,
    /// Funding: what the record's `Finansiering:` field names, else the
    /// section's, else inferred from the summary.
    pub funding: Option<Funding>,
    /// Theme heading the project stands under.
    pub theme: Option<Cow<'a, str>>,
    /// The one-line lead (`Sammendrag: …`), when the record has one.
    pub lead: Option<Cow<'a, str>>,
    /// Summary paragraphs.
    pub summary: Vec<Cow<'a, str>>,
    /// The whole record.
    pub span: Span,
}

/// A project the report only lists (ongoing, or newly granted).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = plain_descriptions)]
#[non_exhaustive]
pub struct PortfolioItem<'a> {
    /// Project title.
    pub title: Cow<'a, str>,
    /// Institution text as written.
    pub institution_raw: Option<Cow<'a, str>>,
    /// The institutions, split into organisations.
    pub institutions: Vec<Cow<'a, str>>,
    /// The institutions resolved in the institution registry, in the
    /// order written: each with the registry's `id` and `name` (both null
    /// for a name the registry does not know, which is never guessed) and
    /// the text it was read from.
    #[serde(default)]
    pub institution_refs: Vec<InstitutionRef<'a>>,
    /// Project period, when given.
    pub period: Option<Period>,
    /// Funding of the list the item stands in.
    pub funding: Option<Funding>,
    /// Theme heading above the list.
    pub theme: Option<Cow<'a, str>>,
    /// Ongoing, newly granted or shortlisted.
    pub status: PortfolioStatus,
    /// The lines under the item that describe it: its indented sub-bullets
    /// on a web page, or the paragraph of a single-project page. Empty in
    /// report lists, which give none.
    #[serde(default)]
    pub description: Vec<Cow<'a, str>>,
    /// The project leader's name (`Prosjektleder: Kari Nordmann
    /// (kari@…)` gives `Kari Nordmann`), when the item names one. (Not a
    /// project's one-line lead, [`Project::lead`].)
    #[serde(default)]
    pub leader: Option<Cow<'a, str>>,
    /// The list item (with its sub-bullets), or the single-project page.
    pub span: Span,
}

/// An internal analysis (article in *Arbeid og velferd*).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = plain_descriptions)]
#[non_exhaustive]
pub struct Analysis<'a> {
    /// Edition number (`Utgave N`).
    pub issue: Option<u32>,
    /// Edition year.
    pub year: Option<i32>,
    /// Title.
    pub title: Cow<'a, str>,
    /// Subtitle, when the title is followed by a second heading line.
    pub subtitle: Option<Cow<'a, str>>,
    /// Authors from the `Av A, B og C` line.
    pub authors: Vec<Cow<'a, str>>,
    /// Abstract paragraphs.
    #[serde(rename = "abstract")]
    pub abstract_: Vec<Cow<'a, str>>,
    /// The whole record.
    pub span: Span,
}

/// A publication reference, `Authors (2020): Title, Venue`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = plain_descriptions)]
#[non_exhaustive]
pub struct Publication<'a> {
    /// Author names as written.
    pub authors: Vec<Cow<'a, str>>,
    /// Publication year.
    pub year: Option<i32>,
    /// Title.
    pub title: Cow<'a, str>,
    /// Journal or other venue.
    pub venue: Option<Cow<'a, str>>,
    /// The reference.
    pub span: Span,
}

/// A PhD candidate (`Title. Stipendiat Name, Institution`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = plain_descriptions)]
#[non_exhaustive]
pub struct PhdCandidate<'a> {
    /// Thesis project title.
    pub title: Cow<'a, str>,
    /// Candidate's name.
    pub candidate: Cow<'a, str>,
    /// Institution.
    pub institution: Option<Cow<'a, str>>,
    /// The institutions resolved in the institution registry, in the
    /// order written: each with the registry's `id` and `name` (both null
    /// for a name the registry does not know, which is never guessed) and
    /// the text it was read from.
    #[serde(default)]
    pub institution_refs: Vec<InstitutionRef<'a>>,
    /// Completed or ongoing.
    pub status: PhdStatus,
    /// The list item.
    pub span: Span,
}

/// A supplier in NAV's framework agreements.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = plain_descriptions)]
#[non_exhaustive]
pub struct Vendor<'a> {
    /// Name as written.
    pub name: Cow<'a, str>,
    /// The list item.
    pub span: Span,
}

/// What a stated count counts.
///
/// ```
/// assert_eq!(fou::RefersTo::ProjectsBidrag.as_str(), "projects/bidrag");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = plain_descriptions)]
#[non_exhaustive]
pub enum RefersTo {
    /// Completed bidrag projects.
    #[serde(rename = "projects/bidrag")]
    ProjectsBidrag,
    /// Completed oppdrag projects.
    #[serde(rename = "projects/oppdrag")]
    ProjectsOppdrag,
    /// Ongoing bidrag projects.
    #[serde(rename = "portfolio/bidrag/ongoing")]
    PortfolioBidragOngoing,
    /// Ongoing oppdrag projects.
    #[serde(rename = "portfolio/oppdrag/ongoing")]
    PortfolioOppdragOngoing,
    /// Newly granted bidrag projects.
    #[serde(rename = "portfolio/bidrag/granted")]
    PortfolioBidragGranted,
    /// Internal analyses.
    #[serde(rename = "analyses")]
    Analyses,
    /// PhD candidates who completed.
    #[serde(rename = "phd/completed")]
    PhdCompleted,
    /// PhD candidates still working.
    #[serde(rename = "phd/ongoing")]
    PhdOngoing,
    /// Anything else (sketches, agreements, themes …).
    #[serde(rename = "other")]
    Other,
}

impl RefersTo {
    /// The contract's name, e.g. `"portfolio/bidrag/ongoing"`.
    pub fn as_str(self) -> &'static str {
        match self {
            RefersTo::ProjectsBidrag => "projects/bidrag",
            RefersTo::ProjectsOppdrag => "projects/oppdrag",
            RefersTo::PortfolioBidragOngoing => "portfolio/bidrag/ongoing",
            RefersTo::PortfolioOppdragOngoing => "portfolio/oppdrag/ongoing",
            RefersTo::PortfolioBidragGranted => "portfolio/bidrag/granted",
            RefersTo::Analyses => "analyses",
            RefersTo::PhdCompleted => "phd/completed",
            RefersTo::PhdOngoing => "phd/ongoing",
            RefersTo::Other => "other",
        }
    }
}

/// A count the text states, e.g. "Sju bidragsfinansierte prosjekter ble ferdigstilt".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = plain_descriptions)]
#[non_exhaustive]
pub struct StatedCount<'a> {
    /// The clause that states the count.
    pub text: Cow<'a, str>,
    /// The number.
    pub value: u32,
    /// What is counted.
    pub refers_to: RefersTo,
    /// The clause.
    pub span: Span,
}

/// A date written in the text ("30. mars 2020").
///
/// ```
/// let r = fou::parse("Arbeidet startet 30. mars 2020 i Oslo.")?;
/// let d = &r.dates[0];
/// assert_eq!(d.date.to_string(), "2020-03-30");
/// assert_eq!((d.span.start, d.span.end), (17, 30)); // `30. mars 2020`
/// assert_eq!((d.sentence_span.start, d.sentence_span.end), (0, 38)); // the sentence
/// # Ok::<(), fou::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = plain_descriptions)]
#[non_exhaustive]
pub struct DateMention<'a> {
    /// The date; a missing year is taken from context.
    pub date: NaiveDate,
    /// The date as written.
    pub text: Cow<'a, str>,
    /// The date as written (`text`) in the input.
    pub span: Span,
    /// The sentence that holds the date (where a missing year was looked for).
    pub sentence_span: Span,
}

/// How serious a diagnostic is: info, warning or error, from the least to
/// the most serious.
///
/// In Rust the variants compare in that order (`Info < Warning < Error`), so
/// `severity >= Severity::Warning` keeps the warnings and errors.
///
/// ```
/// use fou::Severity;
/// assert!(Severity::Info < Severity::Warning && Severity::Warning < Severity::Error);
/// let worst = [Severity::Warning, Severity::Error, Severity::Info].into_iter().max();
/// assert_eq!(worst, Some(Severity::Error));
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[schemars(
    transform = plain_descriptions,
    description = "How serious a diagnostic is: info, warning or error, from the least to the most serious."
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// For information.
    Info,
    /// Something is probably wrong (e.g. a stated count disagrees with the items found).
    Warning,
    /// The report could not be fully understood.
    Error,
}

/// Declares [`DiagnosticCode`] from one list of variants and their JSON
/// names, so the enum, [`DiagnosticCode::ALL`] and
/// [`DiagnosticCode::as_str`] cannot disagree (serde's kebab-case names
/// are checked against the list in the tests).
macro_rules! diagnostic_codes {
    ($($(#[doc = $doc:literal])+ $variant:ident = $name:literal,)+) => {
        /// What a diagnostic is about: a stable machine-readable code, written
        /// as its kebab-case name, e.g. `count-mismatch`. New codes may be
        /// added; the name of a code never changes.
        ///
        /// In Rust the enum is `#[non_exhaustive]`; [`DiagnosticCode::as_str`],
        /// `Display` and `FromStr` use the same names as the JSON, and a code
        /// compares equal to its name.
        ///
        /// ```
        /// use fou::DiagnosticCode;
        /// assert_eq!(DiagnosticCode::CountMismatch.as_str(), "count-mismatch");
        /// assert_eq!(DiagnosticCode::NotAReport.to_string(), "not-a-report");
        /// assert_eq!(serde_json::to_string(&DiagnosticCode::InvalidDate).unwrap(), "\"invalid-date\"");
        /// assert_eq!("decode-replaced".parse(), Ok(DiagnosticCode::DecodeReplaced));
        /// // a code compares equal to its name
        /// assert!(DiagnosticCode::Encoding == "encoding");
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
        #[schemars(
            transform = plain_descriptions,
            description = "What a diagnostic is about: a stable machine-readable code, written as its kebab-case name, e.g. `count-mismatch`. New codes may be added; the name of a code never changes."
        )]
        #[serde(rename_all = "kebab-case")]
        #[non_exhaustive]
        pub enum DiagnosticCode {
            $($(#[doc = $doc])+ $variant,)+
        }

        impl DiagnosticCode {
            /// Every code, in the order they are declared.
            ///
            /// ```
            /// assert!(fou::DiagnosticCode::ALL.contains(&fou::DiagnosticCode::NoYear));
            /// ```
            pub const ALL: &'static [DiagnosticCode] = &[$(DiagnosticCode::$variant,)+];

            /// The code's kebab-case name, as in the JSON.
            ///
            /// ```
            /// assert_eq!(fou::DiagnosticCode::GenericSection.as_str(), "generic-section");
            /// ```
            pub fn as_str(self) -> &'static str {
                match self {
                    $(DiagnosticCode::$variant => $name,)+
                }
            }
        }
    };
}

diagnostic_codes! {
    /// Info: how the input bytes were decoded and why (only when that is
    /// worth saying: not for plain valid UTF-8).
    Encoding = "encoding",
    /// Warning: bytes that are not valid UTF-8 were replaced by U+FFFD.
    DecodeReplaced = "decode-replaced",
    /// Warning: valid UTF-8 sequences were read as Windows-1252 characters
    /// (possible mojibake).
    EncodingMixed = "encoding-mixed",
    /// Warning: no title naming the report and its year near the top.
    NoTitle = "no-title",
    /// Warning: the title gives no year.
    NoYear = "no-year",
    /// Error: no report sections and no items were found.
    NotAReport = "not-a-report",
    /// Info: a section holds no projects, lists or analyses and is kept as
    /// prose.
    GenericSection = "generic-section",
    /// Warning: a count stated in the text disagrees with the items found.
    CountMismatch = "count-mismatch",
    /// Info: a date-like text is not a calendar date (or has no year).
    InvalidDate = "invalid-date",
    /// Warning: an author line (`Av …`) with no analysis title before it.
    AnalysisWithoutTitle = "analysis-without-title",
    /// Warning: the table of contents lists a section that no heading of
    /// the outline has.
    TocSectionMissing = "toc-section-missing",
    /// Warning: a heading announces a list of PhD candidates, vendors or
    /// publications, and none were read under it.
    EmptyListSection = "empty-list-section",
    /// Error: the report's items are clearly incomplete. It states a count
    /// of completed projects, analyses or PhD candidates and fewer than half
    /// of them were found, or a heading announces a list and none of its
    /// items were read (each also has its own warning).
    Incomplete = "incomplete",
    /// Warning (collections): a project listed as ongoing whose period
    /// ended before the year of the text that lists it.
    OngoingPastEnd = "ongoing-past-end",
    /// Warning (collections): the same project twice in one list of one text.
    DuplicateItem = "duplicate-item",
    /// Warning (collections): appearances of one linked project whose
    /// periods or years contradict (finished before it started, ongoing
    /// after it was completed).
    PeriodConflict = "period-conflict",
    /// Info (collections): a text is the same report as another text of
    /// the collection (the same content, or another rendering); its items
    /// are not counted twice.
    DuplicateText = "duplicate-text",
    /// Info (collections): an institution name the registry does not know,
    /// reported once per collection.
    UnknownInstitution = "unknown-institution",
}

impl std::fmt::Display for DiagnosticCode {
    /// The kebab-case name ([`DiagnosticCode::as_str`]).
    ///
    /// ```
    /// assert_eq!(format!("[{}]", fou::DiagnosticCode::NoTitle), "[no-title]");
    /// ```
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for DiagnosticCode {
    type Err = String;

    /// A code from its kebab-case name.
    ///
    /// ```
    /// use fou::DiagnosticCode;
    /// assert_eq!("no-year".parse::<DiagnosticCode>(), Ok(DiagnosticCode::NoYear));
    /// assert!("No-Year".parse::<DiagnosticCode>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DiagnosticCode::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| format!("unknown diagnostic code {s:?}"))
    }
}

impl PartialEq<str> for DiagnosticCode {
    /// A code equals its kebab-case name.
    ///
    /// ```
    /// assert!(fou::DiagnosticCode::CountMismatch == *"count-mismatch");
    /// ```
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for DiagnosticCode {
    /// A code equals its kebab-case name.
    ///
    /// ```
    /// assert!(fou::DiagnosticCode::CountMismatch != "invalid-date");
    /// ```
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// A problem found while parsing, with its place in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = plain_descriptions)]
#[non_exhaustive]
pub struct Diagnostic {
    /// Severity.
    pub severity: Severity,
    /// Stable machine-readable code, e.g. `count-mismatch`.
    pub code: DiagnosticCode,
    /// Human-readable message.
    pub message: String,
    /// Where, when it has a place.
    pub span: Option<Span>,
}

impl Diagnostic {
    /// A diagnostic (the struct is `#[non_exhaustive]`: this is how one is
    /// made outside the crate).
    ///
    /// ```
    /// use fou::{Diagnostic, DiagnosticCode, Severity};
    /// let d = Diagnostic::new(Severity::Warning, DiagnosticCode::NotAReport, "no title", None);
    /// assert_eq!((d.code, d.message.as_str()), (DiagnosticCode::NotAReport, "no title"));
    /// ```
    pub fn new(
        severity: Severity,
        code: DiagnosticCode,
        message: impl Into<String>,
        span: Option<Span>,
    ) -> Self {
        // A message made by `format!` has room to spare; a diagnostic lives
        // as long as its report.
        let mut message = message.into();
        message.shrink_to_fit();
        Diagnostic {
            severity,
            code,
            message,
            span,
        }
    }
}

/// Which list of a [`Report`] an item is in.
///
/// ```
/// assert_eq!(fou::ItemKind::Phd.as_str(), "phd");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ItemKind {
    /// `projects`: a completed project.
    Project,
    /// `portfolio`: a listed ongoing or newly granted project.
    Portfolio,
    /// `analyses`: an internal analysis.
    Analysis,
    /// `publications`: a publication reference.
    Publication,
    /// `phd`: a PhD candidate.
    Phd,
    /// `vendors`: a framework-agreement vendor.
    Vendor,
}

impl ItemKind {
    /// Every kind, in the order of the report's lists (and of
    /// [`Report::items`]).
    ///
    /// ```
    /// let keys: Vec<&str> = fou::ItemKind::ALL.iter().map(|k| k.key()).collect();
    /// assert_eq!(keys, ["projects", "portfolio", "analyses", "publications", "phd", "vendors"]);
    /// ```
    pub const ALL: [ItemKind; 6] = [
        ItemKind::Project,
        ItemKind::Portfolio,
        ItemKind::Analysis,
        ItemKind::Publication,
        ItemKind::Phd,
        ItemKind::Vendor,
    ];

    /// The key of the list in the JSON contract (and the field of
    /// [`Report`]): `projects`, `portfolio`, `analyses`, `publications`,
    /// `phd` or `vendors`.
    ///
    /// ```
    /// let r = fou::parse("FoU-rapport 2021\n\nOppdragsprosjekter\n\n- Tolk i NAV, Fjordforsk (2021-2022)\n").unwrap();
    /// let json = serde_json::to_value(&r).unwrap();
    /// let item = r.items()[0];
    /// assert_eq!(item.kind.key(), "portfolio");
    /// assert_eq!(json[item.kind.key()][item.index]["title"], "Tolk i NAV");
    /// ```
    pub fn key(self) -> &'static str {
        match self {
            ItemKind::Project => "projects",
            ItemKind::Portfolio => "portfolio",
            ItemKind::Analysis => "analyses",
            ItemKind::Publication => "publications",
            ItemKind::Phd => "phd",
            ItemKind::Vendor => "vendors",
        }
    }

    /// Short lower-case name, the singular of the list's key.
    ///
    /// ```
    /// assert_eq!(fou::ItemKind::Analysis.as_str(), "analysis");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Project => "project",
            ItemKind::Portfolio => "portfolio",
            ItemKind::Analysis => "analysis",
            ItemKind::Publication => "publication",
            ItemKind::Phd => "phd",
            ItemKind::Vendor => "vendor",
        }
    }
}

/// One item of a report's lists, by list and index, with its span and theme
/// (see [`Report::items`]).
///
/// ```
/// let r = fou::parse("FoU-rapport 2021\n\nOppdragsprosjekter\n\nTema A\n\n- Tolk i NAV, Fjordforsk (2021-2022)\n").unwrap();
/// let item = r.items()[0];
/// assert_eq!(item.kind, fou::ItemKind::Portfolio);
/// assert_eq!(item.theme, Some("Tema A"));
/// assert_eq!(r.portfolio[item.index].span, item.span);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct ItemRef<'a> {
    /// The list.
    pub kind: ItemKind,
    /// 0-based index in the list (`report.projects[index]` for a project).
    pub index: usize,
    /// The item's span.
    pub span: Span,
    /// The theme heading it stands under (projects and portfolio items).
    pub theme: Option<&'a str>,
}

/// A parsed FoU report.
///
/// ```
/// let report = fou::parse("FoU-rapport 2021\n\nForord\n\nEn kort tekst.\n").unwrap();
/// assert_eq!(report.year, Some(2021));
/// assert_eq!(report.schema_version, fou::SCHEMA_VERSION);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = plain_descriptions)]
#[non_exhaustive]
pub struct Report<'a> {
    /// Version of the JSON contract ([`SCHEMA_VERSION`]).
    pub schema_version: u32,
    /// Where the text came from.
    pub source: SourceInfo,
    /// Report year.
    pub year: Option<i32>,
    /// Report title as written.
    pub title: Option<Cow<'a, str>>,
    /// Preface and signatory.
    pub preface: Option<Preface<'a>>,
    /// Headings in document order.
    pub outline: Vec<Heading<'a>>,
    /// Completed projects with summaries.
    pub projects: Vec<Project<'a>>,
    /// Listed ongoing or newly granted projects.
    pub portfolio: Vec<PortfolioItem<'a>>,
    /// Internal analyses.
    pub analyses: Vec<Analysis<'a>>,
    /// Publication references.
    pub publications: Vec<Publication<'a>>,
    /// PhD candidates.
    pub phd: Vec<PhdCandidate<'a>>,
    /// Framework-agreement vendors.
    pub vendors: Vec<Vendor<'a>>,
    /// Counts stated in the text.
    pub stated_counts: Vec<StatedCount<'a>>,
    /// Dates in the text.
    pub dates: Vec<DateMention<'a>>,
    /// Problems found.
    pub diagnostics: Vec<Diagnostic>,
}

impl<'a> Report<'a> {
    /// An empty report of `source`: no items and no diagnostics yet (what
    /// `sections::read` fills in).
    pub(crate) fn new(source: SourceInfo) -> Report<'a> {
        Report {
            schema_version: SCHEMA_VERSION,
            source,
            year: None,
            title: None,
            preface: None,
            outline: Vec::new(),
            projects: Vec::new(),
            portfolio: Vec::new(),
            analyses: Vec::new(),
            publications: Vec::new(),
            phd: Vec::new(),
            vendors: Vec::new(),
            stated_counts: Vec::new(),
            dates: Vec::new(),
            diagnostics: Vec::new(),
        }
    }

    /// Give back the spare room of the report's vectors (they grew by
    /// pushing): what a parsed report holds is its items at their size.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.outline.shrink_to_fit();
        self.shrink_items();
        self.stated_counts.shrink_to_fit();
        self.dates.shrink_to_fit();
        self.diagnostics.shrink_to_fit();
    }

    /// Give back the spare room of the lists of items only.
    pub(crate) fn shrink_items(&mut self) {
        self.projects.shrink_to_fit();
        self.portfolio.shrink_to_fit();
        self.analyses.shrink_to_fit();
        self.publications.shrink_to_fit();
        self.phd.shrink_to_fit();
        self.vendors.shrink_to_fit();
    }

    /// The report with every borrowed text copied, so that it outlives the
    /// input it was read from (see [the model's docs](crate::model)).
    ///
    /// ```
    /// fn read(path: &str) -> std::io::Result<fou::Report<'static>> {
    ///     let text = std::fs::read_to_string(path)?;
    ///     Ok(fou::parse(&text).map_err(std::io::Error::other)?.into_owned())
    /// }
    /// let report = read("../../examples/data/sample-2021.txt")?;
    /// assert!(!report.projects.is_empty());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn into_owned(self) -> Report<'static> {
        self.rebase("")
    }

    /// The report with its texts borrowed from `input`, the text it was read
    /// from (a report read from a [`crate::Source`] borrows the source).
    pub(crate) fn borrowing<'t>(self, input: &'t str) -> Report<'t> {
        self.rebase(input)
    }

    /// Serialise to the JSON contract (pretty-printed).
    ///
    /// ```
    /// let json = fou::parse("FoU-rapport 2021\n").unwrap().to_json();
    /// assert!(json.contains("\"schema_version\": 1"));
    /// ```
    pub fn to_json(&self) -> String {
        crate::json::to_string_pretty(self).unwrap_or_default()
    }

    /// Serialise to one line of JSON (for NDJSON output).
    ///
    /// ```
    /// let line = fou::parse("FoU-rapport 2021\n").unwrap().to_json_line();
    /// assert!(!line.contains('\n'));
    /// ```
    pub fn to_json_line(&self) -> String {
        crate::json::to_string(self).unwrap_or_default()
    }

    /// Every item of the report's lists with its span: projects, portfolio,
    /// analyses, publications, PhD candidates and vendors, in that order.
    ///
    /// ```
    /// let r = fou::parse("FoU-rapport 2021\n\nOppdragsprosjekter\n\n- Tolk i NAV, Fjordforsk (2021-2022)\n").unwrap();
    /// let items = r.items();
    /// assert_eq!(items.len(), 1);
    /// assert_eq!((items[0].kind, items[0].index), (fou::ItemKind::Portfolio, 0));
    /// assert_eq!(items[0].span.line_start, 5);
    /// ```
    pub fn items(&self) -> Vec<ItemRef<'_>> {
        fn item<'r>(
            kind: ItemKind,
            index: usize,
            span: Span,
            theme: Option<&'r Cow<'_, str>>,
        ) -> ItemRef<'r> {
            ItemRef {
                kind,
                index,
                span,
                theme: theme.map(|t| &**t),
            }
        }
        let mut out = Vec::new();
        for (i, p) in self.projects.iter().enumerate() {
            out.push(item(ItemKind::Project, i, p.span, p.theme.as_ref()));
        }
        for (i, p) in self.portfolio.iter().enumerate() {
            out.push(item(ItemKind::Portfolio, i, p.span, p.theme.as_ref()));
        }
        let rest = [
            (
                ItemKind::Analysis,
                self.analyses.iter().map(|a| a.span).collect::<Vec<_>>(),
            ),
            (
                ItemKind::Publication,
                self.publications.iter().map(|p| p.span).collect(),
            ),
            (ItemKind::Phd, self.phd.iter().map(|p| p.span).collect()),
            (
                ItemKind::Vendor,
                self.vendors.iter().map(|v| v.span).collect(),
            ),
        ];
        for (kind, spans) in rest {
            out.extend(
                spans
                    .into_iter()
                    .enumerate()
                    .map(|(i, s)| item(kind, i, s, None)),
            );
        }
        out
    }

    /// For each line of the input, the items whose span covers it, the
    /// outermost first (a publication listed inside a project's summary comes
    /// after the project): `by_line[n - 1]` holds line `n`'s items. There is
    /// one entry per line of `source.lines`.
    ///
    /// ```
    /// let text = "FoU-rapport 2021\n\nForord\n\nTekst.\n\nOppdragsprosjekter\n\n\
    ///             Ved årsskiftet pågikk 2 oppdragsprosjekter:\n\n\
    ///             - Tolk i NAV, Fjordforsk (2021-2022)\n- Unge i arbeid, UiB (2020-2023)\n";
    /// let r = fou::parse(text).unwrap();
    /// let by_line = r.items_by_line();
    /// assert_eq!(by_line.len(), 12);
    /// assert!(by_line[8].is_empty());
    /// assert_eq!(by_line[11][0].kind.as_str(), "portfolio");
    /// assert_eq!(by_line[11][0].index, 1);
    /// ```
    pub fn items_by_line(&self) -> Vec<Vec<ItemRef<'_>>> {
        let lines = self.source.lines;
        let mut items = self.items();
        items.sort_by_key(|i| (i.span.start, std::cmp::Reverse(i.span.end)));
        let mut by_line = vec![Vec::new(); lines];
        for item in items {
            let first = item.span.line_start.max(1);
            let last = item.span.line_end.min(lines);
            for slot in by_line.iter_mut().take(last).skip(first - 1) {
                slot.push(item);
            }
        }
        by_line
    }

    /// True when a diagnostic has [`Severity::Error`].
    ///
    /// ```
    /// assert!(fou::parse("handleliste: melk og brød\n").unwrap().has_errors());
    /// ```
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

#[cfg(test)]
mod tests {
    use super::{ItemKind, plain_text};

    /// `slice_within` is the slice `range_within` finds, for every slice
    /// of a text and for equal text that is no slice of it.
    #[test]
    fn a_slice_within_is_the_range_within() {
        use super::{range_within, slice_within};
        let whole = "Kari Nordmann, Høgskolen i Østfold";
        let copy = whole.to_owned();
        let ends = || whole.char_indices().map(|(i, _)| i).chain([whole.len()]);
        // An empty `str` made of the bytes inside a character stands at no
        // boundary.
        let inside = whole.find('ø').map_or(0, |i| i + 1);
        let inside_bytes = whole.as_bytes().get(inside..inside).unwrap_or_default();
        let empty = std::str::from_utf8(inside_bytes).unwrap_or("x");
        assert_eq!(range_within(whole, empty), None);
        assert_eq!(slice_within(whole, empty), None);
        for a in ends() {
            for b in ends().filter(|&b| b >= a) {
                let part = &whole[a..b];
                let expected = range_within(whole, part).and_then(|r| whole.get(r));
                assert_eq!(slice_within(whole, part), expected);
                assert_eq!(
                    slice_within(whole, part).map(str::as_ptr),
                    Some(part.as_ptr())
                );
                assert_eq!(slice_within(whole, &copy[a..b]), None);
                assert_eq!(range_within(whole, &copy[a..b]), None);
            }
        }
    }

    #[test]
    fn items_by_line_put_the_outer_record_first() {
        let text = include_str!("../../../examples/data/sample-2021.txt");
        let r = crate::parse(text).unwrap();
        let by_line = r.items_by_line();
        assert_eq!(by_line.len(), r.source.lines);
        let line = |n: usize| {
            by_line[n - 1]
                .iter()
                .map(|i| (i.kind, i.index, i.theme))
                .collect::<Vec<_>>()
        };
        let row = text
            .lines()
            .position(|l| l.contains("Kollegaen som"))
            .unwrap()
            + 1;
        assert_eq!(
            line(row),
            [
                (ItemKind::Project, 1, Some("Arbeidsinkludering")),
                (ItemKind::Publication, 0, None)
            ]
        );
        // a blank line inside a record belongs to it; one between records to none
        let title = text
            .lines()
            .position(|l| l.contains("Praksisplass som"))
            .unwrap()
            + 1;
        assert_eq!(line(title)[0].1, 1);
        assert_eq!(line(title + 1)[0].1, 1);
        assert!(line(1).is_empty());
        let total: usize = by_line.iter().map(Vec::len).sum();
        assert!(total > r.items().len());
    }

    #[test]
    fn plain_text_drops_code_blocks_and_link_brackets() {
        let doc = "A span.\n\n```\nlet s = 1;\n```\n\nSee [`Report`] and [a](b), [`x`](y).\n```rust\nfn f() {}\n```";
        assert_eq!(
            plain_text(doc),
            "A span.\n\nSee `Report` and [a](b), [`x`](y)."
        );
        assert_eq!(plain_text("```\nlet a = 1;\n```"), "");
        assert_eq!(plain_text("Ends in [`"), "Ends in [`");
    }
}

//! # fou — NAV's R&D annual reports as typed data
//!
//! `fou` reads the text of a NAV FoU report (*FoU-rapport*, *FoU-årsrapport*),
//! as plain text extracted from PDF/DOCX or as Markdown from a converter, and
//! returns a [`Report`]: year and title, preface and signatory, completed
//! projects, portfolio lists, internal analyses, publications, PhD candidates,
//! framework vendors, stated counts, dates and the outline — each item with
//! its source [`Span`].
//!
//! ```
//! let text = "\
//! FoU-rapport 2021
//!
//! Bidragsfinansierte prosjekter
//!
//! Ved utgangen av 2021 hadde vi 2 pågående bidragsfinansierte prosjekter.
//!
//! Arbeid og helse
//!
//! - Jobb og helse i nord, Nordlandsforskning (2020-2022)
//! - Tidlig innsats, NTNU og UiO (2021-2023)
//! ";
//! let report = fou::parse(text)?;
//! assert_eq!(report.year, Some(2021));
//! assert_eq!(report.portfolio.len(), 2);
//! let item = &report.portfolio[1];
//! assert_eq!(item.institutions, ["NTNU", "UiO"]);
//! assert_eq!(item.theme.as_deref(), Some("Arbeid og helse"));
//! assert_eq!(item.span.line_start, 10);
//! assert_eq!(report.stated_counts[0].value, 2);
//! # Ok::<(), fou::Error>(())
//! ```
//!
//! ## Web pages and other texts
//!
//! A text that is no whole report — a web page of projects per theme, news
//! of granted funds or shortlisted sketches, one project's page — gives the
//! project lists it holds wherever they stand, with an item's sub-bullets as
//! its [`PortfolioItem::description`] and `Prosjektleder: …` as its
//! [`PortfolioItem::leader`]; the diagnostics still say it is no report
//! (`not-a-report`, a warning once items were found).
//!
//! ```
//! let page = "\
//! Følgende ni skisser går videre til neste runde:
//!
//! - Familieøkonomi og barns fritid, Velferdsforsk
//! - Ventetid og helse, Universitetet i Nordfjell, Institutt for helsefag
//!
//! Pågående prosjekter
//!
//! • Tilbake etter skaden, Fjellvik forskningssenter (2021-2024)
//!     ◦ Prosjektleder: Synnøve Lindholt (synnove@fjellvik.example)
//!     ◦ Prosjektet er bidragsfinansiert.
//! ";
//! let report = fou::parse(page)?;
//! let sketch = &report.portfolio[1];
//! assert_eq!(sketch.status, fou::PortfolioStatus::Shortlisted);
//! assert_eq!(sketch.institutions, ["Universitetet i Nordfjell", "Institutt for helsefag"]);
//! let item = &report.portfolio[2];
//! assert_eq!(item.status, fou::PortfolioStatus::Ongoing);
//! assert_eq!(item.leader.as_deref(), Some("Synnøve Lindholt"));
//! assert_eq!(item.description, ["Prosjektet er bidragsfinansiert."]);
//! assert_eq!(item.funding, Some(fou::Funding::Bidrag));
//! let not_a_report = report.diagnostics.iter().find(|d| d.code.as_str() == "not-a-report");
//! assert_eq!(not_a_report.map(|d| d.severity), Some(fou::Severity::Warning));
//! # Ok::<(), fou::Error>(())
//! ```
//!
//! ## Layers
//!
//! The parser is layered the way the text is; each layer is a folder under
//! `crates/fou/src/` and imports only from the layers below it:
//!
//! 1. `source` ([`Source`]): bytes → decoded text and a line index;
//! 2. `lines/`: text → a typed stream of physical lines: Unicode normalised
//!    for matching (invisible characters dropped, Unicode spaces as spaces,
//!    NFC), each line's kind (blank, heading, bullet, TOC entry, text), page
//!    layout and running headers, inline markup cleaned into a `MappedText`
//!    whose offsets map back to the input;
//! 3. `blocks/`: lines → headings, paragraphs, list items, TOC entries,
//!    labelled fields, built by a `BlockBuilder` with one handler per line
//!    kind; what it must know of the report's language it asks through
//!    `Hints`, which layer 3 answers;
//! 4. `sections/`: blocks → sections (a major heading, its role and funding,
//!    its blocks) → part readers that return items → one [`Report`].
//!
//! Splitting running text into sentences, clauses and words is `text`'s;
//! every word list the parser matches is in [`lexicon`]. The layer modules
//! are public only for the command line, benches, fuzz targets and tests
//! ([`explain`] shows their work): they are hidden from these docs and not
//! part of the stable interface.
//!
//! The small languages inside the text have their own public grammars in [`grammar`].
//! Reports (and any other serde value) are written as JSON, serde_json's own
//! bytes, by [`json`].

#[doc(hidden)]
pub mod blocks;
#[doc(hidden)]
pub mod classify;
pub mod collection;
pub mod error;
pub mod grammar;
pub mod input;
pub mod json;
pub mod lexicon;
#[doc(hidden)]
pub mod lines;
pub mod link;
pub mod model;
pub mod registry;
mod render;
#[doc(hidden)]
pub mod sections;
pub mod source;
mod swar;
#[doc(hidden)]
pub mod text;
#[doc(hidden)]
pub mod work;

#[cfg(test)]
mod testing;

/// What the command line, benches, fuzz targets and tests reach below the
/// public API: not part of the stable interface.
#[doc(hidden)]
pub mod internals;

/// The README's examples, compiled and run as doctests.
#[doc = include_str!("../../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

pub use collection::{CollectOptions, Collection};
pub use error::Error;
pub use input::DEFAULT_MAX_BYTES;
pub use lines::detect_format;
pub use model::*;
pub use registry::{Registry, RegistryError};
pub use sections::Part;
pub use source::{
    Decoding, Excerpt, LineCol, LineIndex, Mark, MarkedLine, Replaced, Source, WINDOWS_1252_RATIO,
};

use std::path::Path;
use std::sync::Arc;

/// Options for a parse: start from [`Options::default`] and set what you need
/// with the `with_…` methods (the struct is `#[non_exhaustive]`, so options
/// can be added).
///
/// ```
/// let opts = fou::Options::default().with_format(fou::Format::Markdown).with_path("a.md");
/// let report = fou::parse_with("# FoU-rapport 2020\n", &opts).unwrap();
/// assert_eq!(report.source.format, fou::Format::Markdown);
/// assert_eq!(report.source.path.as_deref(), Some("a.md"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// Force a format instead of detecting it.
    pub format: Option<Format>,
    /// The path to record in `source.path`.
    pub path: Option<String>,
    /// Refuse damaged input: a byte that is not valid UTF-8 in UTF-8 input
    /// is [`Error::InvalidUtf8`] instead of U+FFFD and a `decode-replaced`
    /// warning.
    pub strict: bool,
    /// The largest input read, in bytes ([`DEFAULT_MAX_BYTES`], 256 MiB,
    /// by default): larger input is [`Error::TooLarge`], and streams stop
    /// being read there.
    pub max_bytes: u64,
    /// The institution registry that fills each item's `institution_refs`:
    /// `None` (the default) reads with [`Registry::builtin`]. A user's
    /// registry is usually the builtin one merged with their own file
    /// ([`Registry::merge`]).
    pub registry: Option<Arc<Registry>>,
    /// Texts of at least this many bytes ([`DEFAULT_SPLIT_BYTES`], 1 MiB,
    /// by default) are read section by section in parallel when parsed on a
    /// thread of a [rayon](https://docs.rs/rayon) pool of two threads or
    /// more: as [`Collection::from_paths`], `fou parse` and Python's
    /// `parse_many` parse, so that one large text among small ones keeps
    /// every thread busy. A parse on any other thread starts no threads, and
    /// `u64::MAX` never splits. The report is the same either way. A split
    /// parse reads a window of sections (some 512 KiB of text) at a time,
    /// and lets go of their texts once the window is read, where a parse on
    /// one thread lets go of each section's as soon as it is read.
    pub split_bytes: u64,
}

/// The default of [`Options::split_bytes`]: a text some fifteen times the
/// size of a real report. Below it, a collection's texts are small enough
/// that parsing them one per thread keeps every thread busy, and a split
/// parse would only hold more memory at its peak.
pub const DEFAULT_SPLIT_BYTES: u64 = 1 << 20;

impl Default for Options {
    /// Detect the format, no path, lenient decoding, at most 256 MiB, texts
    /// of 1 MiB or more read in parallel on a pool's thread.
    ///
    /// ```
    /// let o = fou::Options::default();
    /// assert_eq!((o.format, o.path, o.strict, o.max_bytes), (None, None, false, 256 << 20));
    /// assert!(o.registry.is_none());
    /// assert_eq!(o.split_bytes, fou::DEFAULT_SPLIT_BYTES);
    /// ```
    fn default() -> Self {
        Options {
            format: None,
            path: None,
            strict: false,
            max_bytes: DEFAULT_MAX_BYTES,
            registry: None,
            split_bytes: DEFAULT_SPLIT_BYTES,
        }
    }
}

impl Options {
    /// These options, with `path` recorded when none was given (a file's
    /// own name is the default path of what is read from it).
    pub(crate) fn named(&self, path: &Path) -> std::borrow::Cow<'_, Options> {
        match self.path {
            Some(_) => std::borrow::Cow::Borrowed(self),
            None => std::borrow::Cow::Owned(self.clone().with_path(path.display().to_string())),
        }
    }

    /// Set the size limit (see [`Options::max_bytes`]).
    ///
    /// ```
    /// let opts = fou::Options::default().with_max_bytes(10);
    /// assert!(matches!(
    ///     fou::parse_with("FoU-rapport 2020\n", &opts),
    ///     Err(fou::Error::TooLarge { limit: 10, size: Some(17) })
    /// ));
    /// ```
    pub fn with_max_bytes(mut self, max_bytes: u64) -> Self {
        self.max_bytes = max_bytes;
        self
    }

    /// Force the input format.
    ///
    /// ```
    /// assert_eq!(fou::Options::default().with_format(fou::Format::Markdown).format, Some(fou::Format::Markdown));
    /// ```
    pub fn with_format(mut self, format: Format) -> Self {
        self.format = Some(format);
        self
    }

    /// Read texts of at least `bytes` in parallel when parsed on a rayon
    /// pool's thread (see [`Options::split_bytes`]); `u64::MAX` never splits.
    ///
    /// ```
    /// use rayon::prelude::*;
    /// let text = "FoU-rapport 2021\n\nForord\n\nVi takker.\n\nPågående prosjekter\n\n- Arbeid i nord (2020-2022)\n";
    /// let split = fou::Options::default().with_split_bytes(0);
    /// let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build()?;
    /// let reports: Vec<_> = pool.install(|| {
    ///     [&split, &fou::Options::default()]
    ///         .par_iter()
    ///         .map(|o| fou::parse_with(text, o).map(|r| r.to_json()))
    ///         .collect::<Result<_, _>>()
    /// })?;
    /// assert_eq!(reports[0], reports[1]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_split_bytes(mut self, bytes: u64) -> Self {
        self.split_bytes = bytes;
        self
    }

    /// Make any replaced byte an error (see [`Options::strict`]).
    ///
    /// ```
    /// let strict = fou::Options::default().with_strict(true);
    /// assert!(strict.strict);
    /// assert!(fou::parse_bytes_with(b"FoU-rapport 2020 \xc3\xa5\xff", &strict).is_err());
    /// ```
    pub fn with_strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }

    /// Read institutions with this registry instead of the builtin one (see
    /// [`Options::registry`]).
    ///
    /// ```
    /// use std::sync::Arc;
    /// let mine = fou::Registry::from_toml(
    ///     "[[institution]]\nid = \"kfi\"\nname = \"Kystforsk\"\nshort = [\"KFI\"]\nkind = \"institute\"\n",
    /// )?;
    /// let both = Arc::new(fou::Registry::builtin().merge(&mine)?);
    /// let opts = fou::Options::default().with_registry(both);
    /// let text = "FoU-rapport 2021\n\nBidragsfinansierte prosjekter\n\nVed utgangen av 2021 hadde vi 1 pågående prosjekt.\n\nArbeid\n\n- Jobb i nord, KFI og UiO (2020-2022)\n";
    /// let r = fou::parse_with(text, &opts)?;
    /// let ids: Vec<_> = r.portfolio[0].institution_refs.iter().map(|i| i.id.as_deref()).collect();
    /// assert_eq!(ids, [Some("kfi"), Some("uio")]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_registry(mut self, registry: Arc<Registry>) -> Self {
        self.registry = Some(registry);
        self
    }

    /// Record a path in the report.
    ///
    /// ```
    /// assert_eq!(fou::Options::default().with_path("a.md").path.as_deref(), Some("a.md"));
    /// ```
    pub fn with_path(mut self, path: impl Into<String>) -> Self {
        self.path = Some(path.into());
        self
    }
}

/// Parse report text.
///
/// The report borrows its texts from `text` (see [the model](crate::model)):
/// [`Report::into_owned`] gives one that outlives it.
///
/// A report with problems still parses and carries [`Diagnostic`]s; `Err` is
/// reserved for input that cannot be read at all (for `&str` input, only
/// text longer than [`Options::max_bytes`]).
///
/// ```
/// let r = fou::parse("Ingen rapport her").unwrap();
/// assert!(r.projects.is_empty());
/// ```
pub fn parse(text: &str) -> Result<Report<'_>, Error> {
    parse_with(text, &Options::default())
}

/// Parse report bytes: UTF-8 (with or without a byte-order mark), UTF-16 or
/// Windows-1252; see [`Source::from_bytes`]. The report owns its texts (the
/// decoded text is the parse's own); to borrow from a decoded text, parse a
/// [`Source`] with [`parse_report`].
///
/// ```
/// let r = fou::parse_bytes(b"\xEF\xBB\xBFFoU-rapport 2020\n").unwrap();
/// assert_eq!(r.source.encoding, "utf-8-sig");
/// assert_eq!(r.year, Some(2020));
/// assert!(fou::parse_bytes(b"\x00\x01\x02\x03garbage").is_err());
/// ```
pub fn parse_bytes(bytes: &[u8]) -> Result<Report<'static>, Error> {
    parse_bytes_with(bytes, &Options::default())
}

/// Parse report text with options.
///
/// ```
/// let opts = fou::Options::default().with_format(fou::Format::Plain);
/// let r = fou::parse_with("# FoU-rapport 2020\n", &opts).unwrap();
/// assert_eq!(r.source.format, fou::Format::Plain);
/// ```
pub fn parse_with<'a>(text: &'a str, options: &Options) -> Result<Report<'a>, Error> {
    input::check_size(text.len(), options)?;
    // The source borrows `text`, so the report's texts are slices of it.
    Ok(parse_report(&Source::from_text(text), options).borrowing(text))
}

/// Parse report bytes with options.
///
/// ```
/// let opts = fou::Options::default().with_path("r.txt");
/// let r = fou::parse_bytes_with(b"FoU-rapport 2020\n", &opts).unwrap();
/// assert_eq!(r.source.path.as_deref(), Some("r.txt"));
/// ```
pub fn parse_bytes_with(bytes: &[u8], options: &Options) -> Result<Report<'static>, Error> {
    // Valid UTF-8 is parsed where it lies: only the report's texts are copied.
    Ok(parse_report(&Source::from_slice_with(bytes, options)?, options).into_owned())
}

/// Read and parse a file; the path is recorded in `source.path`, and the
/// report owns its texts.
///
/// ```no_run
/// let report = fou::parse_file("examples/data/sample-2021.txt")?;
/// println!("{} projects", report.projects.len());
/// # Ok::<(), fou::Error>(())
/// ```
pub fn parse_file(path: impl AsRef<Path>) -> Result<Report<'static>, Error> {
    parse_file_with(path, &Options::default())
}

/// Read and parse a file (or a device or FIFO) with options; see
/// [`Source::open`]. The path is recorded in `source.path` unless
/// [`Options::path`] is set.
///
/// ```
/// let path = std::env::temp_dir().join("fou-doc-parse-file-with.txt");
/// std::fs::write(&path, b"FoU-rapport 2020\n\nBl\xc3\xa5\xff\n").unwrap();
/// let report = fou::parse_file_with(&path, &fou::Options::default())?;
/// assert_eq!(report.source.path.as_deref(), path.to_str());
/// assert_eq!(report.source.replaced_bytes, 1);
/// let strict = fou::Options::default().with_strict(true);
/// assert!(matches!(
///     fou::parse_file_with(&path, &strict),
///     Err(fou::Error::InvalidUtf8 { offset: 22, line: 3, count: 1 })
/// ));
/// # Ok::<(), fou::Error>(())
/// ```
pub fn parse_file_with(
    path: impl AsRef<Path>,
    options: &Options,
) -> Result<Report<'static>, Error> {
    let path = path.as_ref();
    let options = options.named(path);
    // The file's bytes are the text of a UTF-8 file, checked once and not
    // copied ([`Source::from_slice`]); the report copies its own texts.
    let bytes = input::read_file(path, &options)?;
    Ok(parse_report(&Source::from_slice_with(&bytes, &options)?, &options).into_owned())
}

/// A parse with its working shown: the report, and every block of the text
/// with the part of the report it was placed in, in input order (what
/// `fou explain` prints).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Explained<'a> {
    /// The report, as [`parse_report`] gives it.
    pub report: Report<'a>,
    /// Every block, page furniture included, with its part.
    pub blocks: Vec<(blocks::Block<'a>, Part)>,
    /// Every repair made to the text on the way (a mended hyphen, a
    /// paragraph joined across a page break, a heading inferred …), in
    /// input order.
    pub repairs: Vec<blocks::Repair>,
}

/// Are the sections of `src` to be read in parallel ([`Options::split_bytes`])?
fn split(src: &Source<'_>, options: &Options) -> bool {
    let bytes = u64::try_from(src.text().len()).unwrap_or(u64::MAX);
    bytes >= options.split_bytes
        && rayon::current_thread_index().is_some()
        && rayon::current_num_threads() > 1
}

/// Parse a decoded source and also say, for every block, which part of the
/// report it was placed in.
///
/// ```
/// let src = fou::Source::from_text("FoU-rapport 2020\n\nForord\n\nTekst.\n");
/// let explained = fou::explain(&src, &fou::Options::default());
/// assert_eq!(explained.report.year, Some(2020));
/// assert_eq!(explained.blocks.len(), 3);
/// assert_eq!(explained.blocks[2].1, fou::Part::Preface);
/// assert_eq!(explained.blocks[2].0.text(), "Tekst.");
/// ```
pub fn explain<'a>(src: &'a Source<'_>, options: &Options) -> Explained<'a> {
    let read = read_source(src, options, true);
    let report = finish(read.report, options);
    let mut all: Vec<(blocks::Block<'a>, Part)> =
        read.content.into_iter().zip(read.parts).collect();
    all.extend(read.markers.into_iter().map(|m| (m, Part::Furniture)));
    all.sort_by_key(|(b, _)| b.start);
    let mut repairs = read.repairs;
    repairs.sort_by_key(|r| (r.start, r.end));
    for r in &mut repairs {
        r.line = src.index().line_of(r.start);
    }
    Explained {
        report,
        blocks: all,
        repairs,
    }
}

/// Parse a decoded source into a report only (the blocks are dropped early);
/// the report borrows its texts from the source.
///
/// ```
/// let src = fou::Source::from_text("FoU-rapport 2020\n");
/// assert_eq!(fou::parse_report(&src, &fou::Options::default()).year, Some(2020));
/// ```
pub fn parse_report<'a>(src: &'a Source<'_>, options: &Options) -> Report<'a> {
    // The blocks go before the institutions are read, so that the refs do
    // not share the peak of memory with them.
    let Read { report, .. } = read_source(src, options, false);
    work::stage("blocks dropped");
    finish(report, options)
}

/// The last steps of every parse, once the blocks are gone or kept apart:
/// the institutions read, the vectors' spare room given back.
fn finish<'a>(mut report: Report<'a>, options: &Options) -> Report<'a> {
    annotate(&mut report, options);
    report.shrink_to_fit();
    report
}

/// Fill the items' `institution_refs` from the options' registry or the
/// builtin one.
fn annotate(report: &mut Report<'_>, options: &Options) {
    options
        .registry
        .as_deref()
        .unwrap_or_else(|| Registry::builtin())
        .annotate_parsed(report);
}

/// What reading a source gives before the report is finished.
struct Read<'a> {
    /// The report, its institutions not yet read.
    report: Report<'a>,
    /// The blocks the readers saw (their texts let go unless explaining,
    /// but for the outline's headings), and the part each was placed in.
    content: Vec<blocks::Block<'a>>,
    parts: Vec<Part>,
    /// Page furniture, apart.
    markers: Vec<blocks::Block<'a>>,
    /// Layer 2's and the readers' repairs (empty unless kept).
    repairs: Vec<blocks::Repair>,
}

/// Page furniture apart from the other blocks, order kept. The fewer are
/// moved into a vector of their own, counted first; the more stay where
/// they are (memory is bounded per input byte: bullets alone on their
/// lines are all furniture).
fn split_markers(
    mut all: Vec<blocks::Block<'_>>,
) -> (Vec<blocks::Block<'_>>, Vec<blocks::Block<'_>>) {
    let is_marker = |b: &blocks::Block| b.kind == blocks::BlockKind::Marker;
    let markers = all.iter().filter(|b| is_marker(b)).count();
    if 2 * markers > all.len() {
        let mut content = Vec::with_capacity(all.len() - markers);
        content.extend(all.extract_if(.., |b| !is_marker(b)));
        (content, all)
    } else {
        let mut moved = Vec::with_capacity(markers);
        moved.extend(all.extract_if(.., |b| is_marker(b)));
        (all, moved)
    }
}

/// Read `src`. Only when `explaining` (for [`explain`]) are layer 2's
/// repairs kept, and the blocks' texts to the end.
fn read_source<'a>(src: &'a Source<'_>, options: &Options, explaining: bool) -> Read<'a> {
    // Layer 1's normalised text, read once for the format and the blocks.
    work::stage("source");
    let norm = lines::Normalized::new(src.text());
    work::stage("normalized");
    // Normalising keeps every line end and adds none (no `\r`, no Unicode
    // line separator where the input has none), and may join a `\r` and a
    // `\n`: the text has no more lines than the input.
    let index = src.index();
    let hint = lines::LineHint {
        every_line: !index.has_unicode_line_ends() && index.line_count() <= lines::DETECT_LINES,
        feeds_only: index.ends_only_in_line_feeds(),
    };
    let format = options
        .format
        .unwrap_or_else(|| lines::detect_normalized_format(norm.text(), Some(hint)));
    // (the hints keep the project lines they find for the part readers)
    let hints = sections::RecordingHints::new(norm.text());
    let (blocks, mut repairs) =
        blocks::split_repaired(&norm, format, &hints, explaining, Some(index.line_count()));
    work::stage("blocks");
    drop(norm);
    let mut report = Report::new(SourceInfo {
        path: options.path.clone(),
        format,
        encoding: std::borrow::Cow::Borrowed(src.encoding()),
        encoding_evidence: src.decoding().evidence.clone(),
        replaced_bytes: src.decoding().replaced.iter().map(|r| r.bytes.len()).sum(),
        bytes: src.text().len(),
        lines: src.line_count(),
        coverage: 0.0,
    });
    report.diagnostics = src.decode_diagnostics();
    // Page furniture (bullets alone on a line, page numbers) is kept for the
    // line accounting but not shown to the part parsers.
    let (content, markers) = split_markers(blocks);
    work::stage("markers");
    let sections::Read {
        mut report,
        blocks: content,
        parts,
    } = sections::read(
        src,
        content,
        report,
        &mut repairs,
        (explaining, split(src, options)),
        hints.into_known(),
    );
    let feed_starts = src.index().feed_line_starts();
    report.source.coverage = sections::coverage(src.text(), &content, &parts, feed_starts);
    work::stage("coverage");
    Read {
        report,
        content,
        parts,
        markers,
        repairs,
    }
}

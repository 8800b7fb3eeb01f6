//! Layer 3: blocks → report parts.
//!
//! Headings are given a *role* from what they say (`Forord`, `… avsluttet i
//! 2020`, `Analyser levert …`, `Utgave 2 – 2020`, a section number), never
//! from their Markdown level. Major headings cut the document into sections;
//! each section is read by the part parsers in the sibling modules:
//!
//! | module | part |
//! |---|---|
//! | [`front`] | title, year, table of contents, preface and signatory |
//! | [`lists`] | portfolio lists, PhD lists, vendor lists, references |
//! | [`projects`] | completed-project records, labelled or heading style |
//! | [`analyses`] | internal analyses grouped by edition |
//! | [`counts`] | counts the text states, checked against the items found |
//! | [`dates`] | Norwegian dates |

pub mod analyses;
mod context;
pub mod counts;
pub mod dates;
pub mod front;
pub mod lists;
pub mod projects;

use crate::blocks::{Block, BlockKind};
use crate::model::{Diagnostic, DiagnosticCode, Funding, Heading, Report, Severity, Span};
use crate::source::Source;
use crate::text::{norm, shorten};
use context::funding_in;

/// How many characters of a heading a message quotes.
const HEADING_QUOTED: usize = 60;

/// Which part of the report a block was placed in (see `fou explain`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Part {
    /// Title page.
    Front,
    /// Table of contents.
    Toc,
    /// Preface and signature.
    Preface,
    /// A heading of the outline.
    Heading,
    /// A completed-project record.
    Project,
    /// A portfolio list item.
    Portfolio,
    /// An internal analysis.
    Analysis,
    /// A publication reference.
    Publication,
    /// A PhD list item.
    Phd,
    /// A vendor list item.
    Vendor,
    /// Running text of a known section.
    Prose,
    /// Text before the first heading that no part claimed.
    Unplaced,
    /// Page furniture: page numbers, bullets alone on a line.
    Furniture,
}

impl Part {
    /// Every part, in the order `fou explain --help` lists them.
    ///
    /// ```
    /// assert_eq!(fou::Part::ALL.len(), 13);
    /// assert_eq!(fou::Part::ALL[0], fou::Part::Front);
    /// ```
    pub const ALL: [Part; 13] = [
        Part::Front,
        Part::Toc,
        Part::Preface,
        Part::Heading,
        Part::Project,
        Part::Portfolio,
        Part::Analysis,
        Part::Publication,
        Part::Phd,
        Part::Vendor,
        Part::Prose,
        Part::Unplaced,
        Part::Furniture,
    ];

    /// What the part holds, in a few words (for `fou explain --help`).
    ///
    /// ```
    /// assert_eq!(fou::Part::Toc.description(), "the table of contents");
    /// ```
    pub fn description(self) -> &'static str {
        match self {
            Part::Front => "the title page: title, year, text before the first section",
            Part::Toc => "the table of contents",
            Part::Preface => "the preface (Forord) and its signature",
            Part::Heading => "a heading of the outline (a section or a theme)",
            Part::Project => "a completed-project record (its fields and summary)",
            Part::Portfolio => "an item of a list of ongoing or newly granted projects",
            Part::Analysis => "an internal analysis (title, authors, abstract)",
            Part::Publication => "a publication reference",
            Part::Phd => "an item of a list of PhD candidates",
            Part::Vendor => "an item of a list of framework-agreement vendors",
            Part::Prose => "running text of a section, kept but not read into items",
            Part::Unplaced => "text no part claimed",
            Part::Furniture => "page furniture: a page number, a bullet alone on its line",
        }
    }

    /// Short lower-case name.
    ///
    /// ```
    /// assert_eq!(fou::Part::Portfolio.as_str(), "portfolio");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Part::Front => "front",
            Part::Toc => "toc",
            Part::Preface => "preface",
            Part::Heading => "heading",
            Part::Project => "project",
            Part::Portfolio => "portfolio",
            Part::Analysis => "analysis",
            Part::Publication => "publication",
            Part::Phd => "phd",
            Part::Vendor => "vendor",
            Part::Prose => "prose",
            Part::Unplaced => "unplaced",
            Part::Furniture => "furniture",
        }
    }
}

/// What a heading announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// `Forord`
    Preface,
    /// `Innhold`, `Innholdsfortegnelse`
    Toc,
    /// Completed projects (`… avsluttet i 2020`, `Oversikt avsluttede prosjekter`).
    Completed(Option<Funding>),
    /// Internal analyses (`Analyser levert i 2020`, `Interne analyser`).
    Analyses,
    /// `Utgave N – YEAR`
    Edition(u32, Option<i32>),
    /// A section about one funding kind (`Bidragsfinansierte prosjekter`, `FoU-oppdrag`).
    FundingIntro(Funding),
    /// A numbered section heading (`3.1 …`) or `Vedlegg`, with no special meaning.
    Section,
    /// A heading the table of contents lists at the top level; it ends a
    /// section unless it stands inside a completed-projects section, where
    /// unnumbered top-level entries are themes.
    TocSection,
    /// Any other heading: a theme, a sub-heading.
    Generic,
}

impl Role {
    /// Major roles end the current section.
    ///
    /// ```
    /// use fou::sections::Role;
    /// assert!(Role::Preface.is_major());
    /// assert!(!Role::Generic.is_major());
    /// ```
    pub fn is_major(self) -> bool {
        !matches!(self, Role::Generic | Role::Edition(..))
    }
}

fn strip_number(title: &str) -> &str {
    let t = title.trim_start();
    let n = t
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '.')
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    if n > 0 && t[n..].starts_with(' ') {
        t[n..].trim_start()
    } else {
        t
    }
}

fn has_number(title: &str) -> bool {
    strip_number(title).len() != title.trim_start().len()
}

/// Classify a heading by what it says.
///
/// ```
/// use fou::sections::{role_of, Role};
/// use fou::Funding;
/// assert_eq!(role_of("Forord", false), Role::Preface);
/// assert_eq!(role_of("Oppdragsprosjekter avsluttet i 2020", false), Role::Completed(Some(Funding::Oppdrag)));
/// assert_eq!(role_of("Utgave 2 – 2020", false), Role::Edition(2, Some(2020)));
/// assert_eq!(role_of("Arbeid og helse", false), Role::Generic);
/// ```
pub fn role_of(title: &str, top_level_in_toc: bool) -> Role {
    let bare = strip_number(title);
    let t = norm(bare);
    if t == "forord" || t.starts_with("forord ") {
        return Role::Preface;
    }
    if t.starts_with("innhold") {
        return Role::Toc;
    }
    if let Ok((n, y)) = crate::grammar::edition(bare) {
        return Role::Edition(n, y);
    }
    let about_projects = t.contains("prosjekt") || t.contains("oppdrag");
    let finished = crate::lexicon::has_any(&t, crate::lexicon::FINISHED);
    if about_projects && finished {
        return Role::Completed(funding_in(&t));
    }
    if t.contains("analyse")
        && !about_projects
        && (t.contains("levert") || t.contains("intern") || t.contains("publisert"))
    {
        return Role::Analyses;
    }
    if about_projects
        && t.split_whitespace().count() <= 4
        && let Some(f) = funding_in(&t)
    {
        return Role::FundingIntro(f);
    }
    if has_number(title) || t == "vedlegg" || t.starts_with("vedlegg ") {
        return Role::Section;
    }
    if top_level_in_toc {
        return Role::TocSection;
    }
    Role::Generic
}

/// Everything the part parsers share while reading one report.
pub(crate) struct Doc<'a> {
    pub src: &'a Source,
    pub format: crate::Format,
    pub blocks: &'a [Block],
    pub roles: Vec<Option<Role>>,
    pub parts: Vec<Part>,
    pub report: Report,
}

impl<'a> Doc<'a> {
    pub fn span_of(&self, i: usize) -> Span {
        let b = &self.blocks[i];
        self.src.span(b.start, b.end)
    }

    pub fn span_range(&self, first: usize, last: usize) -> Span {
        self.src
            .span(self.blocks[first].start, self.blocks[last].end)
    }

    /// Span of the clean range `start..end` of block `i`.
    pub fn sub_span(&self, i: usize, start: usize, end: usize) -> Span {
        let (s, e) = self.blocks[i].text.source_range(start, end);
        self.src.span(s, e)
    }

    pub fn diag(
        &mut self,
        severity: Severity,
        code: DiagnosticCode,
        message: String,
        span: Option<Span>,
    ) {
        self.report.diagnostics.push(Diagnostic {
            severity,
            code,
            message,
            span,
        });
    }

    pub fn role(&self, i: usize) -> Option<Role> {
        self.roles.get(i).copied().flatten()
    }
}

/// Read all parts of a report from its blocks.
pub(crate) fn read(src: &Source, blocks: &[Block], report: Report) -> (Report, Vec<Part>) {
    let mut doc = Doc {
        src,
        format: report.source.format,
        blocks,
        roles: vec![None; blocks.len()],
        parts: vec![Part::Unplaced; blocks.len()],
        report,
    };
    let toc = front::read_front(&mut doc);
    for (i, b) in blocks.iter().enumerate() {
        if b.is_heading() && doc.parts[i] == Part::Unplaced {
            let top = toc.is_top_level(b.text());
            doc.roles[i] = Some(role_of(b.text(), top));
        }
    }
    // Cut into sections at major headings.
    let mut starts: Vec<usize> = Vec::new();
    let mut in_completed = false;
    for i in 0..blocks.len() {
        match doc.role(i) {
            Some(Role::TocSection) if in_completed => doc.roles[i] = Some(Role::Generic),
            Some(r) if r.is_major() => {
                in_completed = matches!(r, Role::Completed(_));
                starts.push(i);
            }
            _ => {}
        }
    }
    starts.push(blocks.len());
    let first = starts.first().copied().unwrap_or(blocks.len());
    for i in 0..first {
        if doc.parts[i] == Part::Unplaced && blocks[i].is_heading() {
            doc.parts[i] = Part::Heading;
        }
    }
    let mut funding_ctx: Option<Funding> = None;
    for w in starts.windows(2) {
        let (start, end) = (w[0], w[1]);
        doc.parts[start] = Part::Heading;
        match doc.role(start) {
            Some(Role::Preface) => front::read_preface(&mut doc, start + 1, end),
            Some(Role::Completed(f)) => projects::read_completed(&mut doc, start + 1, end, f),
            Some(Role::Analyses) => analyses::read_analyses(&mut doc, start + 1, end),
            Some(Role::Toc) => {}
            _ => {}
        }
        // Funding carries on through headings the TOC lists without a number.
        funding_ctx = match doc.role(start) {
            Some(Role::FundingIntro(f)) => Some(f),
            Some(Role::Completed(f)) => f,
            Some(Role::TocSection) => funding_ctx,
            _ => None,
        };
        let funding = funding_ctx;
        if doc.role(start) == Some(Role::Toc) {
            for i in start + 1..end {
                if doc.parts[i] == Part::Unplaced && !blocks[i].is_heading() {
                    doc.parts[i] = Part::Toc;
                }
            }
        }
        lists::read_lists(&mut doc, start + 1, end, funding);
        let mut prose = 0;
        for i in start + 1..end {
            if doc.parts[i] == Part::Unplaced {
                doc.parts[i] = if blocks[i].is_heading() {
                    Part::Heading
                } else {
                    Part::Prose
                };
                prose += usize::from(!blocks[i].is_heading());
            }
        }
        let generic = matches!(
            doc.role(start),
            Some(Role::Section | Role::TocSection | Role::Generic)
        );
        if generic
            && prose > 0
            && (start + 1..end).all(|i| matches!(doc.parts[i], Part::Prose | Part::Heading))
        {
            let span = doc.span_of(start);
            doc.diag(
                Severity::Info,
                DiagnosticCode::GenericSection,
                format!(
                    "section {:?} holds no projects, lists or analyses; its {prose} block(s) are kept as prose",
                    shorten(blocks[start].text(), HEADING_QUOTED)
                ),
                Some(span),
            );
        }
    }
    // Blocks before the first section heading are front matter (a picture credit, a subtitle).
    for i in 0..first {
        if doc.parts[i] == Part::Unplaced {
            doc.parts[i] = Part::Front;
        }
    }
    counts::read_counts(&mut doc);
    dates::read_dates(&mut doc);
    counts::check_counts(&mut doc);
    check_front(&mut doc);
    outline(&mut doc, &toc);
    (doc.report, doc.parts)
}

/// Say so when the text does not look like a FoU report at all.
fn check_front(doc: &mut Doc<'_>) {
    let r = &doc.report;
    let first = (!doc.blocks.is_empty()).then(|| doc.span_of(0));
    let (no_title, no_year) = (r.title.is_none(), r.year.is_none());
    let items = r.projects.len()
        + r.portfolio.len()
        + r.analyses.len()
        + r.publications.len()
        + r.phd.len()
        + r.vendors.len();
    let no_preface = r.preface.is_none();
    if no_title {
        doc.diag(
            Severity::Warning,
            DiagnosticCode::NoTitle,
            "expected a title naming the report and its year (e.g. `FoU-rapport 2020`) near the top".to_owned(),
            first,
        );
    } else if no_year {
        doc.diag(
            Severity::Warning,
            DiagnosticCode::NoYear,
            "the title gives no year".to_owned(),
            first,
        );
    }
    let sections = doc.roles.iter().flatten().filter(|r| r.is_major()).count();
    if items == 0 && sections == 0 && no_preface {
        doc.diag(
            Severity::Error,
            DiagnosticCode::NotAReport,
            "found no report sections (Forord, project summaries, lists, analyses) and no items: is this a FoU report?"
                .to_owned(),
            first,
        );
    }
}

fn outline(doc: &mut Doc<'_>, toc: &front::Toc) {
    for (i, b) in doc.blocks.iter().enumerate() {
        let BlockKind::Heading { level } = b.kind else {
            continue;
        };
        // An inferred heading must stand as one: not a list's intro (`… pågikk 12 prosjekter:`).
        let inferred_ok = matches!(doc.parts[i], Part::Heading | Part::Front)
            && !b.text().trim_end().ends_with(':');
        if level.is_none() && !inferred_ok {
            continue;
        }
        let level = level.unwrap_or_else(|| {
            if doc.parts[i] == Part::Front
                || toc.is_top_level(b.text())
                || doc.roles[i].is_some_and(Role::is_major)
            {
                1
            } else {
                2
            }
        });
        let span = doc.span_of(i);
        doc.report.outline.push(Heading {
            level,
            title: b.text().trim().to_owned(),
            span,
        });
    }
}

//! Completed projects: labelled records (`Prosjekttittel:` / `Forskningsinstitusjon:`
//! / `Sammendrag:`) and heading records (`**Title, Institution**`), grouped under
//! theme headings.

use std::ops::Range;

use super::Part;
use super::doc::{Claims, Doc, Section};
use crate::blocks::{Block, BlockKind};
use crate::grammar::Label;
use crate::grammar::institutions;
use crate::grammar::{project_line, trim_period};
use crate::lexicon::{self, has_any};
use crate::model::{Funding, Project};
use crate::text::norm;

/// A paragraph that stands for a record's title is short: a title and its
/// institutions, wrapped over at most two lines …
const PARAGRAPH_TITLE_MAX_LINES: usize = 2;
/// … of at most this many characters …
const PARAGRAPH_TITLE_MAX_CHARS: usize = 200;
/// … and words …
const PARAGRAPH_TITLE_MAX_WORDS: usize = 30;
/// … in at most this many `. `-separated pieces (a title may hold a period
/// or two; a summary's first sentences hold more).
const PARAGRAPH_TITLE_MAX_PIECES: usize = 3;

/// Funding as a project's own summary states it.
///
/// ```
/// use fou::sections::projects::funding_from_summary;
/// assert_eq!(funding_from_summary("I dette bidragsfinansierte prosjektet …"), Some(fou::Funding::Bidrag));
/// assert_eq!(funding_from_summary("Fafo har på oppdrag fra NAV evaluert …"), Some(fou::Funding::Oppdrag));
/// assert_eq!(funding_from_summary("Forskerne finner …"), None);
/// ```
pub fn funding_from_summary(text: &str) -> Option<Funding> {
    let t = norm(text);
    if has_any(&t, lexicon::SUMMARY_BIDRAG) {
        Some(Funding::Bidrag)
    } else if has_any(&t, lexicon::SUMMARY_OPPDRAG) {
        Some(Funding::Oppdrag)
    } else {
        None
    }
}

struct Record {
    first: usize,
    last: usize,
    title: String,
    institution_raw: Option<String>,
    lead: Option<String>,
    theme: Option<String>,
    summary: Vec<usize>,
}

/// Does block `k` start a heading-style record in a section whose blocks
/// end at `end`?
fn heading_record(doc: &Doc<'_>, k: usize, end: usize) -> bool {
    let Some(b) = doc.blocks.get(k) else {
        return false;
    };
    if k >= end {
        return false;
    }
    let next_is_body = doc.blocks.get(k + 1).is_some_and(|n| {
        k + 1 < end && matches!(n.kind, BlockKind::Paragraph | BlockKind::ListItem)
    });
    let has_inst = project_line(b.text()).is_ok_and(|p| p.institution_raw.is_some());
    match b.kind {
        BlockKind::Heading { .. } => next_is_body && (b.bold || has_inst),
        // A short paragraph (heading markup lost) that reads `Title, Institution.`
        BlockKind::Paragraph if doc.paragraph_titles => {
            next_is_body && has_inst && is_short_title(b)
        }
        _ => false,
    }
}

/// Is the paragraph short enough to be a title line?
fn is_short_title(b: &Block) -> bool {
    let t = b.text().trim_end_matches('.');
    b.n_lines <= PARAGRAPH_TITLE_MAX_LINES
        && b.text().chars().count() <= PARAGRAPH_TITLE_MAX_CHARS
        && (!t.contains(". ") || t.split(". ").count() <= PARAGRAPH_TITLE_MAX_PIECES)
        && b.text().split_whitespace().count() <= PARAGRAPH_TITLE_MAX_WORDS
}

/// Read the completed-project records of a section.
pub(crate) fn read_completed(doc: &Doc<'_>, sec: &Section, claims: &mut Claims) -> Vec<Project> {
    let records = records(doc, sec.body.clone(), claims);
    let mut out = Vec::with_capacity(records.len());
    for rec in records {
        claims.set_all(rec.first..=rec.last, Part::Project);
        out.push(project(doc, rec, sec.funding));
    }
    out
}

/// The records of the blocks `body`, in order; claims the theme headings.
fn records(doc: &Doc<'_>, body: Range<usize>, claims: &mut Claims) -> Vec<Record> {
    let blocks = doc.blocks;
    let labelled = body
        .clone()
        .any(|k| blocks[k].kind == BlockKind::Field(Label::Title));
    // Whether each block starts a record, decided once (the theme test looks ahead).
    let starts: Vec<bool> = body
        .clone()
        .map(|k| {
            if labelled {
                blocks[k].kind == BlockKind::Field(Label::Title)
            } else {
                heading_record(doc, k, body.end)
            }
        })
        .collect();
    let is_start = |k: usize| body.contains(&k) && starts[k - body.start];
    let mut theme: Option<String> = None;
    let mut records: Vec<Record> = Vec::new();
    let mut open = false;
    for k in body.clone() {
        let b = &blocks[k];
        if is_start(k) {
            records.push(open_record(b, k, labelled, theme.clone()));
            open = true;
        } else if b.is_heading()
            && (is_start(k + 1)
                || blocks
                    .get(k + 1)
                    .is_some_and(|n| n.is_heading() && is_start(k + 2)))
        {
            // A theme heading: the next block starts a record (or a sub-theme does).
            theme = Some(b.text().trim().to_owned());
            open = false;
            claims.set(k, Part::Heading);
        } else if open && let Some(rec) = records.last_mut() {
            add_to_record(rec, b, k);
        }
    }
    records
}

/// A record opened by its title block `b` (block `k`).
fn open_record(b: &Block, k: usize, labelled: bool, theme: Option<String>) -> Record {
    let (title, institution_raw) = if labelled {
        (trim_period(b.text()).to_owned(), None)
    } else {
        match project_line(b.text()) {
            Ok(p) => (p.title, p.institution_raw),
            Err(_) => (trim_period(b.text()).to_owned(), None),
        }
    };
    Record {
        first: k,
        last: k,
        title,
        institution_raw,
        lead: None,
        theme,
        summary: Vec::new(),
    }
}

/// Add block `b` (block `k`) to the open record: a labelled field or a
/// paragraph of its summary.
fn add_to_record(rec: &mut Record, b: &Block, k: usize) {
    match b.kind {
        BlockKind::Field(Label::Institution) if rec.institution_raw.is_none() => {
            rec.institution_raw = Some(trim_period(b.text()).to_owned());
        }
        BlockKind::Field(Label::Summary) if rec.lead.is_none() && rec.summary.is_empty() => {
            rec.lead = Some(trim_period(b.text()).to_owned());
        }
        BlockKind::Field(Label::Theme) => rec.theme = Some(trim_period(b.text()).to_owned()),
        BlockKind::TocEntry => return,
        _ => rec.summary.push(k),
    }
    rec.last = k;
}

/// The project a record describes; its funding is the section's, or what
/// its summary says.
fn project(doc: &Doc<'_>, rec: Record, funding: Option<Funding>) -> Project {
    let summary: Vec<String> = rec
        .summary
        .iter()
        .map(|&k| doc.blocks[k].text().trim().to_owned())
        .collect();
    let funding = funding.or_else(|| {
        let all = format!(
            "{} {}",
            rec.lead.as_deref().unwrap_or(""),
            summary.join(" ")
        );
        funding_from_summary(&all)
    });
    let institutions = rec
        .institution_raw
        .as_deref()
        .map(institutions)
        .unwrap_or_default();
    Project {
        title: rec.title,
        institution_raw: rec.institution_raw,
        institutions,
        funding,
        theme: rec.theme,
        lead: rec.lead,
        summary,
        span: doc.span_range(rec.first, rec.last),
    }
}

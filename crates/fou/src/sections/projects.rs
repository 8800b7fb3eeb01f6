//! Completed projects: labelled records (`Prosjekttittel:` / `Forskningsinstitusjon:`
//! / `Sammendrag:`) and heading records (`**Title, Institution**`), grouped under
//! theme headings.

use super::{Doc, Part};
use crate::blocks::BlockKind;
use crate::grammar::Label;
use crate::grammar::institutions;
use crate::grammar::{project_line, trim_period};
use crate::model::{Funding, Project};
use crate::text::norm;

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
    if t.contains("bidragsfinansier") {
        Some(Funding::Bidrag)
    } else if [
        "på oppdrag fra",
        "på oppdrag for",
        "oppdraget",
        "oppdragsprosjekt",
        "i oppdrag",
        "oppdragsforskning",
    ]
    .iter()
    .any(|w| t.contains(w))
    {
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

/// Does block `k` start a heading-style record?
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
        // A short one-line paragraph (heading markup lost) that reads `Title, Institution.`
        BlockKind::Paragraph if doc.format == crate::Format::Plain => {
            next_is_body
                && b.n_lines <= 2
                && b.text().chars().count() <= 200
                && has_inst
                && {
                    let t = b.text().trim_end_matches('.');
                    !t.contains(". ") || t.split(". ").count() <= 3
                }
                && b.text().split_whitespace().count() <= 30
        }
        _ => false,
    }
}

/// Read the completed-project records of the section `start..end`.
pub(crate) fn read_completed(
    doc: &mut Doc<'_>,
    start: usize,
    end: usize,
    funding: Option<Funding>,
) {
    let blocks = doc.blocks;
    let labelled = (start..end).any(|k| blocks[k].kind == BlockKind::Field(Label::Title));
    // Whether each block starts a record, decided once (the theme test looks ahead).
    let starts: Vec<bool> = (start..end)
        .map(|k| {
            if labelled {
                blocks[k].kind == BlockKind::Field(Label::Title)
            } else {
                heading_record(doc, k, end)
            }
        })
        .collect();
    let is_start = |k: usize| k >= start && k < end && starts[k - start];
    let mut theme: Option<String> = None;
    let mut records: Vec<Record> = Vec::new();
    let mut open = false;
    for k in start..end {
        let b = &blocks[k];
        if is_start(k) {
            let (title, inst) = if labelled {
                (trim_period(b.text()).to_owned(), None)
            } else {
                match project_line(b.text()) {
                    Ok(p) => (p.title, p.institution_raw),
                    Err(_) => (trim_period(b.text()).to_owned(), None),
                }
            };
            records.push(Record {
                first: k,
                last: k,
                title,
                institution_raw: inst,
                lead: None,
                theme: theme.clone(),
                summary: Vec::new(),
            });
            open = true;
            continue;
        }
        if b.is_heading()
            && (is_start(k + 1)
                || blocks
                    .get(k + 1)
                    .is_some_and(|n| n.is_heading() && is_start(k + 2)))
        {
            // A theme heading: the next block starts a record (or a sub-theme does).
            theme = Some(b.text().trim().to_owned());
            open = false;
            doc.parts[k] = super::Part::Heading;
            continue;
        }
        if !open {
            continue;
        }
        let Some(rec) = records.last_mut() else {
            continue;
        };
        match b.kind {
            BlockKind::Field(Label::Institution) if rec.institution_raw.is_none() => {
                rec.institution_raw = Some(trim_period(b.text()).to_owned());
            }
            BlockKind::Field(Label::Summary) if rec.lead.is_none() && rec.summary.is_empty() => {
                rec.lead = Some(trim_period(b.text()).to_owned());
            }
            BlockKind::Field(Label::Theme) => rec.theme = Some(trim_period(b.text()).to_owned()),
            BlockKind::TocEntry => continue,
            _ => rec.summary.push(k),
        }
        rec.last = k;
    }
    for rec in records {
        for k in rec.first..=rec.last {
            doc.parts[k] = Part::Project;
        }
        let summary: Vec<String> = rec
            .summary
            .iter()
            .map(|&k| blocks[k].text().trim().to_owned())
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
        let span = doc.span_range(rec.first, rec.last);
        doc.report.projects.push(Project {
            title: rec.title,
            institution_raw: rec.institution_raw,
            institutions,
            funding,
            theme: rec.theme,
            lead: rec.lead,
            summary,
            span,
        });
    }
}

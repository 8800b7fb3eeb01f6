//! Checks across a collection, as diagnostics of the collection:
//!
//! - a project listed as ongoing whose period ended before the year of the
//!   text that lists it (`ongoing-past-end`);
//! - the same project twice in one list of one text (`duplicate-item`);
//! - appearances of one linked project whose periods or years contradict
//!   (`period-conflict`, see [`super::Collection::links`]);
//! - stated counts that disagree with the items: the per-report check
//!   (`count-mismatch`, made when the text is parsed) lifted to the
//!   collection for each kept text;
//! - which texts are duplicates (`duplicate-text`) and which institution
//!   names no registry entry has (`unknown-institution`, once each).

use std::collections::HashMap;

use rayon::prelude::*;

use super::{Collection, CollectionDiagnostic, Text};
use crate::model::{Diagnostic, DiagnosticCode, ItemKind, PortfolioStatus, Report, Severity, Span};
use crate::text::shorten;

/// How many characters of a title a message quotes.
const QUOTED: usize = 80;

pub(super) fn at(
    text: usize,
    severity: Severity,
    code: DiagnosticCode,
    message: String,
    span: Option<Span>,
) -> CollectionDiagnostic {
    CollectionDiagnostic {
        text: Some(text),
        diagnostic: Diagnostic::new(severity, code, message, span),
    }
}

/// Every check, text by text in collection order, then the checks across
/// texts.
pub(super) fn run(c: &Collection) -> Vec<CollectionDiagnostic> {
    // Each text's checks on the current rayon pool (folding every item
    // title is most of them), in the texts' order.
    let per_text: Vec<Vec<CollectionDiagnostic>> = c
        .texts
        .par_iter()
        .enumerate()
        .map(|(i, t)| text_checks(c, i, t))
        .collect();
    let mut out: Vec<CollectionDiagnostic> = per_text.into_iter().flatten().collect();
    for u in &c.unknown {
        let message = format!(
            "institution {:?} (in {} item{}, first in {}) is in no registry entry: it stays as written",
            u.name,
            u.items,
            if u.items == 1 { "" } else { "s" },
            c.texts[u.first_text].name(u.first_text)
        );
        out.push(at(
            u.first_text,
            Severity::Info,
            DiagnosticCode::UnknownInstitution,
            message,
            None,
        ));
    }
    out.extend(super::links::period_conflicts(c));
    out
}

/// The checks of text `i`: that it repeats another text, or its ongoing
/// items past their end, its items listed twice and its count mismatches.
fn text_checks(c: &Collection, i: usize, t: &Text) -> Vec<CollectionDiagnostic> {
    if let (Some(k), Some(why)) = (t.duplicate_of, &t.duplicate_reason) {
        let message = format!(
            "{} is the same report as {}: {why}; its items are read once",
            t.name(i),
            c.texts[k].name(k)
        );
        return vec![at(
            i,
            Severity::Info,
            DiagnosticCode::DuplicateText,
            message,
            None,
        )];
    }
    let mut out = ongoing_past_end(i, t);
    out.extend(duplicate_items(i, &t.report));
    out.extend(
        t.report
            .diagnostics
            .iter()
            .filter(|d| d.code == DiagnosticCode::CountMismatch)
            .map(|d| CollectionDiagnostic {
                text: Some(i),
                diagnostic: d.clone(),
            }),
    );
    out
}

/// Ongoing portfolio items whose period ended before the text's year.
fn ongoing_past_end(i: usize, t: &Text) -> Vec<CollectionDiagnostic> {
    let Some(year) = t.year else {
        return Vec::new();
    };
    t.report
        .portfolio
        .iter()
        .filter(|p| p.status == PortfolioStatus::Ongoing)
        .filter_map(|p| {
            let period = p.period.filter(|per| per.end < year)?;
            let message = format!(
                "{:?} is listed as ongoing in {year}, but its period ended in {} ({}–{})",
                shorten(&p.title, QUOTED),
                period.end,
                period.start,
                period.end
            );
            Some(at(
                i,
                Severity::Warning,
                DiagnosticCode::OngoingPastEnd,
                message,
                Some(p.span),
            ))
        })
        .collect()
}

/// The same title (folded) twice in one list of one report.
fn duplicate_items(i: usize, r: &Report) -> Vec<CollectionDiagnostic> {
    let lists: [(ItemKind, Vec<(&str, Span)>); 3] = [
        (
            ItemKind::Project,
            r.projects.iter().map(|p| (&*p.title, p.span)).collect(),
        ),
        (
            ItemKind::Portfolio,
            r.portfolio.iter().map(|p| (&*p.title, p.span)).collect(),
        ),
        (
            ItemKind::Phd,
            r.phd.iter().map(|p| (&*p.title, p.span)).collect(),
        ),
    ];
    let mut out = Vec::new();
    for (kind, items) in lists {
        let mut first: HashMap<String, usize> = HashMap::new();
        for (title, span) in items {
            let key = super::dupes::fold_title(title);
            if key.is_empty() {
                continue;
            }
            match first.get(&key) {
                Some(&line) => {
                    let message = format!(
                        "{:?} is listed twice among the {} (lines {line} and {})",
                        shorten(title, QUOTED),
                        kind.key(),
                        span.line_start
                    );
                    out.push(at(
                        i,
                        Severity::Warning,
                        DiagnosticCode::DuplicateItem,
                        message,
                        Some(span),
                    ));
                }
                None => {
                    first.insert(key, span.line_start);
                }
            }
        }
    }
    out
}

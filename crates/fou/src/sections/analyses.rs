//! Internal analyses: records of title (and subtitle), `Av …` author line and
//! abstract, grouped by `Utgave N – YEAR` headings.

use super::{Doc, Part, Role};
use crate::blocks::{BlockKind, heading_like};
use crate::grammar::authors;
use crate::model::Analysis;

fn is_author_line(doc: &Doc<'_>, k: usize) -> bool {
    let b = &doc.blocks[k];
    matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading { .. })
        && b.text().chars().count() <= 300
        && authors(b.text()).is_ok()
}

fn is_title_line(doc: &Doc<'_>, k: usize) -> bool {
    let b = &doc.blocks[k];
    let role_ok = doc.role(k).is_none_or(|r| r == Role::Generic);
    role_ok
        && (b.is_heading()
            || (b.kind == BlockKind::Paragraph && b.n_lines == 1 && heading_like(b.text())))
        && !is_author_line(doc, k)
}

fn clean_title(s: &str) -> String {
    s.trim().trim_end_matches([':', '.']).trim_end().to_owned()
}

/// Read the analyses of the section `start..end`.
pub(crate) fn read_analyses(doc: &mut Doc<'_>, start: usize, end: usize) {
    let authors_at: Vec<usize> = (start..end).filter(|&k| is_author_line(doc, k)).collect();
    // Title lines of each record: up to two heading lines right before `Av …`.
    let mut firsts = Vec::with_capacity(authors_at.len());
    for &a in &authors_at {
        let mut f = a;
        while f > start
            && a - f < 2
            && is_title_line(doc, f - 1)
            && authors_at.binary_search(&(f - 1)).is_err()
        {
            f -= 1;
        }
        firsts.push(f);
    }
    let mut edition: (Option<u32>, Option<i32>) = (None, doc.report.year);
    let mut k = start;
    for (n, &a) in authors_at.iter().enumerate() {
        let first = firsts[n];
        while k < first {
            if let Some(Role::Edition(num, y)) = doc.role(k) {
                edition = (Some(num), y.or(doc.report.year));
                doc.parts[k] = Part::Heading;
            }
            k += 1;
        }
        if first == a {
            let span = doc.span_of(a);
            doc.diag(
                crate::Severity::Warning,
                crate::DiagnosticCode::AnalysisWithoutTitle,
                "an author line `Av …` with no title line before it".to_owned(),
                Some(span),
            );
            continue;
        }
        // Abstract: until the next record's title, an edition heading or the section end.
        let stop = firsts.get(n + 1).copied().unwrap_or(end);
        let mut last = a;
        let mut abstract_ = Vec::new();
        for j in a + 1..stop {
            if matches!(doc.role(j), Some(Role::Edition(..)))
                || doc.role(j).is_some_and(Role::is_major)
            {
                break;
            }
            abstract_.push(doc.blocks[j].text().trim().to_owned());
            last = j;
        }
        let titles: Vec<String> = (first..a)
            .map(|t| clean_title(doc.blocks[t].text()))
            .collect();
        let names = authors(doc.blocks[a].text()).unwrap_or_default();
        for j in first..=last {
            doc.parts[j] = Part::Analysis;
        }
        k = last + 1;
        let span = doc.span_range(first, last);
        doc.report.analyses.push(Analysis {
            issue: edition.0,
            year: edition.1,
            title: titles.first().cloned().unwrap_or_default(),
            subtitle: titles.get(1).cloned(),
            authors: names,
            abstract_,
            span,
        });
    }
    while k < end {
        if let Some(Role::Edition(..)) = doc.role(k) {
            doc.parts[k] = Part::Heading;
        }
        k += 1;
    }
}

//! Internal analyses: records of title (and subtitle), `Av …` author line and
//! abstract, grouped by `Utgave N – YEAR` headings.

use super::doc::{Claims, Doc, Section, diagnostic};
use super::{Part, Role};
use crate::blocks::{BlockKind, heading_like};
use crate::grammar::{authors, may_be_author_line, reads_as_authors};
use crate::model::{Analysis, Diagnostic, DiagnosticCode, Severity};

/// An author line (`Av Kari Nordmann og Ola Nordmann`) names a few people; a
/// longer paragraph that starts with `Av` is text.
const AUTHOR_LINE_MAX_CHARS: usize = 300;

/// An analysis has a title and at most one subtitle line before its authors.
const TITLE_LINES: usize = 2;

fn is_author_line(doc: &Doc<'_>, k: usize) -> bool {
    let b = &doc.blocks[k];
    matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading { .. })
        // (the cheap test first: most paragraphs are text)
        && may_be_author_line(b.text())
        && b.text().chars().count() <= AUTHOR_LINE_MAX_CHARS
        && reads_as_authors(b.text())
}

fn is_title_line(doc: &Doc<'_>, k: usize) -> bool {
    let b = &doc.blocks[k];
    let role_ok = doc.role(k).is_none_or(|r| r == Role::Generic);
    role_ok
        && (b.is_heading()
            || (b.kind == BlockKind::Paragraph && b.n_lines == 1 && heading_like(b.text())))
        && !is_author_line(doc, k)
}

fn clean_title(s: &str) -> &str {
    crate::text::trim(s).trim_end_matches([':', '.']).trim_end()
}

/// The analyses of a section and what was wrong with them.
#[derive(Default)]
pub(crate) struct Analyses<'a> {
    pub items: Vec<Analysis<'a>>,
    pub diagnostics: Vec<Diagnostic>,
}

/// The first title line of each record whose author line is at `authors_at`:
/// up to [`TITLE_LINES`] title lines right before `Av …`, not before `start`.
fn title_starts(doc: &Doc<'_>, start: usize, authors_at: &[usize]) -> Vec<usize> {
    let mut firsts = Vec::with_capacity(authors_at.len());
    for &a in authors_at {
        let mut f = a;
        while f > start
            && a - f < TITLE_LINES
            && is_title_line(doc, f - 1)
            && authors_at.binary_search(&(f - 1)).is_err()
        {
            f -= 1;
        }
        firsts.push(f);
    }
    firsts
}

/// Claim the edition headings of `range`; the last one's number and year.
fn editions(
    doc: &Doc<'_>,
    range: std::ops::Range<usize>,
    claims: &mut Claims,
) -> Option<(u32, Option<i32>)> {
    let mut last = None;
    for k in range {
        if let Some(Role::Edition(num, y)) = doc.role(k) {
            last = Some((num, y));
            claims.set(k, Part::Heading);
        }
    }
    last
}

/// Read the analyses of a section.
pub(crate) fn read_analyses<'a>(doc: &Doc<'a>, sec: &Section, claims: &mut Claims) -> Analyses<'a> {
    let (start, end) = (sec.body.start, sec.body.end);
    let authors_at: Vec<usize> = (start..end).filter(|&k| is_author_line(doc, k)).collect();
    let firsts = title_starts(doc, start, &authors_at);
    let mut out = Analyses::default();
    let mut edition: (Option<u32>, Option<i32>) = (None, doc.year);
    let mut k = start;
    for (n, &a) in authors_at.iter().enumerate() {
        let first = firsts[n];
        if let Some((num, y)) = editions(doc, k..first.max(k), claims) {
            edition = (Some(num), y.or(doc.year));
        }
        k = k.max(first);
        if first == a {
            out.diagnostics.push(diagnostic(
                Severity::Warning,
                DiagnosticCode::AnalysisWithoutTitle,
                "an author line `Av …` with no title line before it".to_owned(),
                Some(doc.span_of(a)),
            ));
            continue;
        }
        // Abstract: until the next record's title, an edition heading or the section end.
        let stop = firsts.get(n + 1).copied().unwrap_or(end);
        let last = (a + 1..stop)
            .take_while(|&j| {
                !matches!(doc.role(j), Some(Role::Edition(..)))
                    && !doc.role(j).is_some_and(Role::is_major)
            })
            .last()
            .unwrap_or(a);
        let titles: Vec<&str> = (first..a)
            .map(|t| clean_title(doc.blocks[t].text()))
            .collect();
        claims.set_all(first..=last, Part::Analysis);
        k = last + 1;
        out.items.push(Analysis {
            issue: edition.0,
            year: edition.1,
            title: doc.text_at(first, titles.first().copied().unwrap_or_default()),
            subtitle: doc.opt_text_at(first + 1, titles.get(1).copied()),
            authors: doc.found_in(
                a,
                doc.blocks[a].text(),
                authors(doc.blocks[a].text()).unwrap_or_default(),
            ),
            abstract_: (a + 1..=last).map(|j| doc.paragraph(j)).collect(),
            span: doc.span_range(first, last),
        });
    }
    editions(doc, k..end.max(k), claims);
    out
}

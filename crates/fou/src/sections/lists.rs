//! Lists: portfolio lists (ongoing or granted projects), PhD candidates,
//! framework vendors and publication references.
//!
//! A list is a run of list items with nothing but blank lines between them.
//! What it lists is decided by its items (grammar) and by the sentence that
//! introduces it (`… pågikk 12 oppdragsprosjekter:`, `Følgende leverandører …:`).

use super::context::{funding_in, mentions_projects, status_in};
use super::{Doc, Part, Role};
use crate::blocks::BlockKind;
use crate::grammar::{phd_line, project_line, reference};
use crate::lexicon::{self, has_any};
use crate::model::{
    Funding, PhdCandidate, PhdStatus, PortfolioItem, PortfolioStatus, Publication, Vendor,
};
use crate::text::norm;

/// Raw text of a list item without its bullet, lines joined.
fn raw_item(doc: &Doc<'_>, i: usize) -> String {
    let b = &doc.blocks[i];
    let raw = crate::lines::normalize(&doc.src.text()[b.start..b.end]);
    let t = raw.trim_start();
    let t = t.strip_prefix(crate::lexicon::BULLET_GLYPHS).unwrap_or(t);
    t.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn strip_markup(s: &str) -> String {
    s.replace("**", "")
        .replace(['*', '_'], "")
        .replace("<b>", "")
        .replace("</b>", "")
}

/// Read the lists of the section `start..end`.
pub(crate) fn read_lists(
    doc: &mut Doc<'_>,
    start: usize,
    end: usize,
    section_funding: Option<Funding>,
) {
    let blocks = doc.blocks;
    let mut status_ctx: Option<PortfolioStatus> = None;
    let mut i = start;
    while i < end {
        let b = &blocks[i];
        match b.kind {
            BlockKind::Paragraph => {
                if mentions_projects(b.text())
                    && let Some(s) = status_in(b.text())
                {
                    status_ctx = Some(s);
                }
                i += 1;
            }
            BlockKind::ListItem => {
                let mut j = i;
                while j < end && blocks[j].kind == BlockKind::ListItem {
                    j += 1;
                }
                read_list(doc, i, j, section_funding, status_ctx);
                i = j;
            }
            _ => i += 1,
        }
    }
}

fn read_list(
    doc: &mut Doc<'_>,
    first: usize,
    end: usize,
    section_funding: Option<Funding>,
    status_ctx: Option<PortfolioStatus>,
) {
    let blocks = doc.blocks;
    let n = end - first;
    let prev = first.checked_sub(1).map(|p| &blocks[p]);
    let intro = prev.filter(|p| {
        p.kind == BlockKind::Paragraph || (p.is_heading() && p.text().trim_end().ends_with(':'))
    });
    let intro_text = intro.map_or(String::new(), |p| p.text().to_owned());
    let theme = prev
        .filter(|p| p.is_heading() && !p.text().trim_end().ends_with(':'))
        .filter(|_| doc.role(first - 1).is_none_or(|r| r == Role::Generic))
        .map(|p| p.text().trim().to_owned());

    // PhD candidates
    let phds: Vec<_> = (first..end).map(|k| phd_line(blocks[k].text())).collect();
    if phds.iter().filter(|p| p.is_ok()).count() * 2 > n {
        let t = norm(&intro_text);
        let status = if has_any(&t, lexicon::PHD_COMPLETED) {
            PhdStatus::Completed
        } else {
            PhdStatus::Ongoing
        };
        for (k, p) in (first..end).zip(phds) {
            if let Ok(p) = p {
                doc.report.phd.push(PhdCandidate {
                    title: p.title,
                    candidate: p.candidate,
                    institution: p.institution,
                    status,
                    span: doc.span_of(k),
                });
                doc.parts[k] = Part::Phd;
            }
        }
        return;
    }
    // Vendors of framework agreements
    let t = norm(&intro_text);
    if t.contains("leverandør") || t.contains("tilbydere") {
        for k in first..end {
            doc.report.vendors.push(Vendor {
                name: crate::grammar::trim_period(blocks[k].text()).to_owned(),
                span: doc.span_of(k),
            });
            doc.parts[k] = Part::Vendor;
        }
        return;
    }
    // Publication references
    // The raw text keeps `*italics*` that mark the title; without them the
    // cleaned text (hyphenation mended, markup gone) is the better input.
    let refs: Vec<_> = (first..end)
        .map(|k| {
            let raw = raw_item(doc, k);
            if raw.contains(['*', '_']) {
                reference(&raw)
            } else {
                reference(blocks[k].text())
            }
        })
        .collect();
    if refs.iter().filter(|r| r.is_ok()).count() * 2 > n {
        for (k, r) in (first..end).zip(refs) {
            if let Ok(r) = r {
                doc.report.publications.push(Publication {
                    authors: r.authors.iter().map(|a| strip_markup(a)).collect(),
                    year: r.year,
                    title: strip_markup(&r.title),
                    venue: r.venue.as_deref().map(strip_markup),
                    span: doc.span_of(k),
                });
                doc.parts[k] = Part::Publication;
            }
        }
        return;
    }
    if (first..end).any(|k| doc.parts[k] == Part::Project) {
        return; // a list inside a project summary
    }
    // Portfolio: project lines with periods, or introduced as granted/ongoing projects.
    let lines: Vec<_> = (first..end)
        .filter_map(|k| project_line(blocks[k].text()).ok().map(|p| (k, p)))
        .collect();
    let with_period = lines.iter().filter(|(_, p)| p.period.is_some()).count();
    let with_inst = lines
        .iter()
        .filter(|(_, p)| p.institution_raw.is_some())
        .count();
    let introduced = mentions_projects(&intro_text) && status_in(&intro_text).is_some();
    if with_period * 2 < n && !(introduced && with_inst * 2 > n) {
        return;
    }
    let status = if intro.is_some() {
        status_in(&intro_text).or(status_ctx)
    } else {
        status_ctx
    }
    .unwrap_or(PortfolioStatus::Ongoing);
    let funding = funding_in(&intro_text).or(section_funding);
    for (k, p) in lines {
        doc.report.portfolio.push(PortfolioItem {
            title: p.title,
            institution_raw: p.institution_raw,
            institutions: p.institutions,
            period: p.period,
            funding,
            theme: theme.clone(),
            status,
            span: doc.span_of(k),
        });
        doc.parts[k] = Part::Portfolio;
    }
}

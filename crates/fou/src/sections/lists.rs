//! Lists: portfolio lists (ongoing or granted projects), PhD candidates,
//! framework vendors and publication references.
//!
//! A list is a run of list items with nothing but blank lines between them.
//! What it lists is decided by its items (grammar) and by the sentence that
//! introduces it (`… pågikk 12 oppdragsprosjekter:`, `Følgende leverandører …:`).

use std::ops::Range;

use super::context::{funding_in, mentions_projects, status_in};
use super::doc::{Claims, Doc, Section};
use super::{Part, Role};
use crate::blocks::{Block, BlockKind};
use crate::grammar::{phd_line, project_line, reference};
use crate::lexicon::{self, has_any};
use crate::model::{
    Funding, PhdCandidate, PhdStatus, PortfolioItem, PortfolioStatus, Publication, Vendor,
};
use crate::text::norm;

/// A list item's text with its emphasis marked `*` (layer 1 records where
/// delimiters were removed), white space runs made one space.
fn marked_item(doc: &Doc<'_>, i: usize) -> String {
    let marked = doc.blocks[i].text.with_emphasis_marks();
    marked.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A part of a marked item without its emphasis marks.
fn strip_marks(s: &str) -> String {
    s.replace('*', "")
}

/// The items of the lists of a section, by kind.
#[derive(Default)]
pub(crate) struct Lists {
    pub portfolio: Vec<PortfolioItem>,
    pub phd: Vec<PhdCandidate>,
    pub vendors: Vec<Vendor>,
    pub publications: Vec<Publication>,
}

/// Read the lists of a section.
///
/// A list whose blocks the section's own reader claimed as a project (a list
/// inside a project's summary) is no portfolio; PhD, vendor and publication
/// lists are read wherever they stand.
pub(crate) fn read_lists(doc: &Doc<'_>, sec: &Section, claims: &mut Claims) -> Lists {
    let blocks = doc.blocks;
    let end = sec.body.end;
    let mut out = Lists::default();
    let mut status_ctx: Option<PortfolioStatus> = None;
    let mut i = sec.body.start;
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
                let list = List::new(doc, i..j, sec.funding, status_ctx);
                list.read(doc, claims, &mut out);
                i = j;
            }
            _ => i += 1,
        }
    }
    out
}

/// A run of list items and what stands before it.
struct List<'a> {
    items: Range<usize>,
    /// The paragraph (or a heading ending in `:`) that introduces the list.
    intro: Option<&'a Block<'a>>,
    intro_text: String,
    /// The theme heading right before the list.
    theme: Option<String>,
    section_funding: Option<Funding>,
    /// The status the paragraphs before the list gave.
    status_ctx: Option<PortfolioStatus>,
}

impl<'a> List<'a> {
    fn new(
        doc: &Doc<'a>,
        items: Range<usize>,
        section_funding: Option<Funding>,
        status_ctx: Option<PortfolioStatus>,
    ) -> List<'a> {
        let first = items.start;
        let prev = first.checked_sub(1).map(|p| &doc.blocks[p]);
        let intro = prev.filter(|p| {
            p.kind == BlockKind::Paragraph || (p.is_heading() && p.text().trim_end().ends_with(':'))
        });
        let theme = prev
            .filter(|p| p.is_heading() && !p.text().trim_end().ends_with(':'))
            .filter(|_| doc.role(first - 1).is_none_or(|r| r == Role::Generic))
            .map(|p| p.text().trim().to_owned());
        List {
            items,
            intro,
            intro_text: intro.map_or(String::new(), |p| p.text().to_owned()),
            theme,
            section_funding,
            status_ctx,
        }
    }

    /// More than half of the items pass.
    fn most(&self, passing: usize) -> bool {
        passing * 2 > self.items.len()
    }

    /// Read the list as the first kind it fits: PhD candidates, vendors,
    /// publications, portfolio projects.
    fn read(&self, doc: &Doc<'_>, claims: &mut Claims, out: &mut Lists) {
        if let Some(phd) = self.phds(doc, claims) {
            out.phd.extend(phd);
        } else if let Some(vendors) = self.vendors(doc, claims) {
            out.vendors.extend(vendors);
        } else if let Some(publications) = self.publications(doc, claims) {
            out.publications.extend(publications);
        } else if !self.items.clone().any(|k| claims.part(k) == Part::Project) {
            // (not a list inside a project summary)
            out.portfolio.extend(self.portfolio(doc, claims));
        }
    }

    fn phds(&self, doc: &Doc<'_>, claims: &mut Claims) -> Option<Vec<PhdCandidate>> {
        let phds: Vec<_> = self
            .items
            .clone()
            .map(|k| phd_line(doc.blocks[k].text()))
            .collect();
        if !self.most(phds.iter().filter(|p| p.is_ok()).count()) {
            return None;
        }
        let status = if has_any(&norm(&self.intro_text), lexicon::PHD_COMPLETED) {
            PhdStatus::Completed
        } else {
            PhdStatus::Ongoing
        };
        let mut out = Vec::new();
        for (k, p) in self.items.clone().zip(phds) {
            if let Ok(p) = p {
                out.push(PhdCandidate {
                    title: p.title,
                    candidate: p.candidate,
                    institution: p.institution,
                    institution_refs: Vec::new(),
                    status,
                    span: doc.span_of(k),
                });
                claims.set(k, Part::Phd);
            }
        }
        Some(out)
    }

    /// Vendors of framework agreements: a list its intro says lists vendors.
    fn vendors(&self, doc: &Doc<'_>, claims: &mut Claims) -> Option<Vec<Vendor>> {
        if !has_any(&norm(&self.intro_text), lexicon::VENDORS) {
            return None;
        }
        let mut out = Vec::new();
        for k in self.items.clone() {
            out.push(Vendor {
                name: crate::grammar::trim_period(doc.blocks[k].text()).to_owned(),
                span: doc.span_of(k),
            });
            claims.set(k, Part::Vendor);
        }
        Some(out)
    }

    fn publications(&self, doc: &Doc<'_>, claims: &mut Claims) -> Option<Vec<Publication>> {
        // `*italics*` mark the title: the text with its emphasis marked when
        // it had any, else the cleaned text.
        let refs: Vec<_> = self
            .items
            .clone()
            .map(|k| {
                if doc.blocks[k].text.emphasis_marks().is_empty() {
                    reference(doc.blocks[k].text())
                } else {
                    reference(&marked_item(doc, k))
                }
            })
            .collect();
        if !self.most(refs.iter().filter(|r| r.is_ok()).count()) {
            return None;
        }
        let mut out = Vec::new();
        for (k, r) in self.items.clone().zip(refs) {
            if let Ok(r) = r {
                out.push(Publication {
                    authors: r.authors.iter().map(|a| strip_marks(a)).collect(),
                    year: r.year,
                    title: strip_marks(&r.title),
                    venue: r.venue.as_deref().map(strip_marks),
                    span: doc.span_of(k),
                });
                claims.set(k, Part::Publication);
            }
        }
        Some(out)
    }

    /// Portfolio: project lines with periods, or introduced as granted or
    /// ongoing projects and naming institutions.
    fn portfolio(&self, doc: &Doc<'_>, claims: &mut Claims) -> Vec<PortfolioItem> {
        let lines: Vec<_> = self
            .items
            .clone()
            .filter_map(|k| project_line(doc.blocks[k].text()).ok().map(|p| (k, p)))
            .collect();
        let n = self.items.len();
        let with_period = lines.iter().filter(|(_, p)| p.period.is_some()).count();
        let with_inst = lines
            .iter()
            .filter(|(_, p)| p.institution_raw.is_some())
            .count();
        let introduced =
            mentions_projects(&self.intro_text) && status_in(&self.intro_text).is_some();
        if with_period * 2 < n && !(introduced && self.most(with_inst)) {
            return Vec::new();
        }
        let status = if self.intro.is_some() {
            status_in(&self.intro_text).or(self.status_ctx)
        } else {
            self.status_ctx
        }
        .unwrap_or(PortfolioStatus::Ongoing);
        let funding = funding_in(&self.intro_text).or(self.section_funding);
        let mut out = Vec::new();
        for (k, p) in lines {
            out.push(PortfolioItem {
                title: p.title,
                institution_raw: p.institution_raw,
                institutions: p.institutions,
                institution_refs: Vec::new(),
                period: p.period,
                funding,
                theme: self.theme.clone(),
                status,
                span: doc.span_of(k),
            });
            claims.set(k, Part::Portfolio);
        }
        out
    }
}

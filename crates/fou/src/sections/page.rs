//! A single-project page: a heading that names the project, a lead
//! paragraph, and label lines (`Oppdragsgiver: NAV`, `Institusjon: …`,
//! `Periode: 2022-2025`, `Prosjektleder: …`), as a research institute or NAV
//! publishes one project. It gives one portfolio item when its fields say
//! so — an institution, and a period, a leader or a commissioner besides —
//! and nothing when they do not: the page is never guessed at.

use std::borrow::Cow;
use std::ops::Range;

use super::Part;
use super::context::{funding_described, funding_in, labelled, leader_name, status_in};
use super::doc::{Claims, Doc};
use crate::blocks::BlockKind;
use crate::grammar::{Label, institutions, period};
use crate::lexicon;
use crate::model::{Funding, Period, PortfolioItem, PortfolioStatus};

/// What the label lines of a page say.
#[derive(Default)]
struct Fields {
    /// The first and the last label line.
    lines: Option<(usize, usize)>,
    institution: Option<String>,
    period: Option<Period>,
    leader: Option<String>,
    commissioned: bool,
    funding: Option<Funding>,
    /// The `Status:` line's value, when there is one.
    status: Option<String>,
    /// A label given twice: two projects, or none read right.
    repeated: bool,
}

impl Fields {
    /// Record label line `k`; false when block `k` is no label line.
    fn read(&mut self, doc: &Doc<'_>, k: usize) -> bool {
        let b = &doc.blocks[k];
        let text = b.text();
        // Every label ends in its colon (`context`'s tests check): a text
        // without one, most of a page, has none of them.
        let colon = memchr::memchr(b':', text.as_bytes()).is_some();
        let label = |labels: &[&str]| {
            colon
                .then(|| labelled(text, labels))
                .flatten()
                .map(str::to_owned)
        };
        let (inst, per, lead, funding) = match b.kind {
            BlockKind::Field(l) => {
                let v = || Some(crate::text::trim(text).to_owned());
                (
                    v().filter(|_| l == Label::Institution),
                    v().filter(|_| l == Label::Period),
                    v().filter(|_| l == Label::Lead),
                    v().filter(|_| l == Label::Funding),
                )
            }
            _ => (
                label(lexicon::PERFORMER_LABELS),
                label(lexicon::PERIOD_LABELS),
                label(lexicon::LEADER_LABELS),
                None,
            ),
        };
        let commissioner = label(lexicon::COMMISSIONER_LABELS);
        let status = label(lexicon::STATUS_LABELS);
        if [&inst, &per, &lead, &funding, &commissioner, &status]
            .iter()
            .all(|v| v.is_none())
        {
            return false;
        }
        self.repeated |= (inst.is_some() && self.institution.is_some())
            || (per.is_some() && self.period.is_some())
            || (lead.is_some() && self.leader.is_some());
        self.institution = self.institution.take().or(inst);
        // A field's value may end its sentence (`Periode: 2021–2024.`).
        let per = per.and_then(|p| period(crate::grammar::trim_period(&p)).ok());
        self.period = self.period.or(per);
        self.leader = self.leader.take().or(lead.and_then(|l| leader_name(&l)));
        self.commissioned |= commissioner.is_some();
        self.funding = self.funding.or(funding.and_then(|f| funding_in(&f)));
        self.status = self.status.take().or(status);
        self.lines = Some(self.lines.map_or((k, k), |(first, _)| (first, k)));
        true
    }

    /// Do the fields say this is one project?
    fn say_project(&self) -> bool {
        self.institution.is_some()
            && (self.period.is_some() || self.leader.is_some() || self.commissioned)
            && !self.repeated
    }
}

/// Read a page of one project from the blocks `body`, which no reader
/// placed; `None` unless its fields say it is one.
pub(crate) fn read_single_project<'a>(
    doc: &Doc<'a>,
    body: Range<usize>,
    claims: &mut Claims,
) -> Option<PortfolioItem<'a>> {
    let mut fields = Fields::default();
    for k in body.clone() {
        if matches!(claims.part(k), Part::Unplaced | Part::Heading) {
            fields.read(doc, k);
        }
    }
    let (first, last) = fields.lines?;
    if !fields.say_project() {
        return None;
    }
    // The title: the heading nearest above the label lines; the paragraphs
    // between them are the lead.
    let title_at = (body.start..first)
        .rev()
        .find(|&k| doc.blocks[k].is_heading())?;
    let description: Vec<Cow<'a, str>> = (title_at + 1..first)
        .filter(|&k| doc.blocks[k].kind == BlockKind::Paragraph)
        .map(|k| doc.text_at(k, doc.blocks[k].text().trim()))
        .collect();
    let status = match &fields.status {
        // A status that is none of these (`Avsluttet`) is no portfolio item.
        Some(s) => status_in(s)?,
        None => status_in(&description.join(" ")).unwrap_or(PortfolioStatus::Ongoing),
    };
    let funding = fields
        .funding
        .or(fields.commissioned.then_some(Funding::Oppdrag))
        .or_else(|| funding_described(&description.join(" ")));
    let raw = fields.institution?;
    // The title stays a heading of the outline.
    claims.set(title_at, Part::Heading);
    claims.set_all(title_at + 1..=last, Part::Portfolio);
    Some(PortfolioItem {
        title: doc.text_at(
            title_at,
            crate::grammar::trim_period(doc.blocks[title_at].text()),
        ),
        institutions: institutions(&raw).into_iter().map(Cow::Owned).collect(),
        institution_raw: Some(Cow::Owned(raw)),
        institution_refs: Vec::new(),
        period: fields.period,
        funding,
        theme: None,
        status,
        description,
        leader: fields.leader.map(Cow::Owned),
        span: doc.span_range(title_at, last),
    })
}

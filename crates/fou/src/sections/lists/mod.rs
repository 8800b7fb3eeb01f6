//! Lists: portfolio lists (ongoing or granted projects), PhD candidates,
//! framework vendors and publication references.
//!
//! A list is a run of list items with nothing but blank lines between them,
//! or the rows of a table (`tables`). What it lists is decided by its items
//! (grammar) or its header, and by the sentence that introduces it (`…
//! pågikk 12 oppdragsprosjekter:`, `Følgende leverandører …:`).

mod tables;

pub(crate) use tables::heads_table;

use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;

use super::context::{
    funding_described_owned, funding_of, introduced_status_of, leader_in, may_introduce,
    may_name_funding, may_name_vendors, status_of,
};
use super::doc::{Claims, Doc, Section};
use super::{Part, Role};
use crate::blocks::{Block, BlockKind};
use crate::grammar::{
    ProjectLineParts, institution_pieces_of, is_one_spaced, may_be_phd_line, may_be_reference,
    project_line_period, read_phd_line, read_reference, words_one_spaced,
};
use crate::lexicon::{self, has_any};
use crate::model::{
    Funding, PhdCandidate, PhdStatus, PortfolioItem, PortfolioStatus, Publication, Vendor,
};
use crate::text::norm;

/// A list item's text with its emphasis marked `*` (layer 1 records where
/// delimiters were removed), white space runs made one space (the marked
/// copy kept as it is when they are already: most items).
fn marked_item(doc: &Doc<'_>, i: usize) -> String {
    let marked = doc.blocks[i].text.with_emphasis_marks();
    if is_one_spaced(&marked) {
        marked
    } else {
        words_one_spaced(&marked)
    }
}

/// A part of a marked item without its emphasis marks.
fn strip_marks(s: &str) -> String {
    s.replace('*', "")
}

/// The items of the lists of a section, by kind.
#[derive(Default)]
pub(crate) struct Lists<'a> {
    pub portfolio: Vec<PortfolioItem<'a>>,
    pub phd: Vec<PhdCandidate<'a>>,
    pub vendors: Vec<Vendor<'a>>,
    pub publications: Vec<Publication<'a>>,
}

/// Add the items of a list after those of the lists before it: the list's
/// own vector when it is the first (most sections and pages have one list
/// of a kind), not a copy of its items into a new one (a portfolio item is
/// some 200 bytes).
fn append<T>(to: &mut Vec<T>, items: Vec<T>) {
    if to.is_empty() {
        *to = items;
    } else {
        to.extend(items);
    }
}

/// Read the lists of a section.
///
/// A list whose blocks the section's own reader claimed as a project (a list
/// inside a project's summary) is no portfolio; PhD, vendor and publication
/// lists are read wherever they stand.
pub(crate) fn read_lists<'a>(doc: &Doc<'a>, sec: &Section, claims: &mut Claims) -> Lists<'a> {
    let scope = Scope {
        body: sec.body.clone(),
        funding: sec.funding,
        page: false,
    };
    read_scope(doc, &scope, claims)
}

/// Read the lists of the blocks `body` that stand in no report section: the
/// text before a report's first section, or a whole web page. Only blocks
/// no reader placed are read; a heading that introduces projects with a
/// status (`Pågående prosjekter`) sets the status of the lists under it.
pub(crate) fn read_page_lists<'a>(
    doc: &Doc<'a>,
    body: Range<usize>,
    claims: &mut Claims,
) -> Lists<'a> {
    let scope = Scope {
        body,
        funding: None,
        page: true,
    };
    read_scope(doc, &scope, claims)
}

/// The blocks a list reader reads.
struct Scope {
    body: Range<usize>,
    /// The funding of the section.
    funding: Option<Funding>,
    /// Outside any report section (a web page).
    page: bool,
}

fn read_scope<'a>(doc: &Doc<'a>, scope: &Scope, claims: &mut Claims) -> Lists<'a> {
    let blocks = &doc.blocks;
    let end = scope.body.end;
    let mut out = Lists::default();
    let mut status = StatusCtx {
        known: None,
        funding: None,
        unread: Vec::new(),
        page: scope.page,
    };
    // The blocks before `read` are in `status` (read or not).
    let mut read = scope.body.start;
    let mut i = scope.body.start;
    while i < end {
        if !matches!(
            blocks[i].kind,
            BlockKind::ListItem | BlockKind::TableRow { .. }
        ) {
            i += 1;
            continue;
        }
        status.add(doc, read..i);
        let j = if matches!(blocks[i].kind, BlockKind::TableRow { .. }) {
            tables::table_end(doc, i, end)
        } else {
            run_end(doc, i, scope, claims)
        };
        if !scope.page || (i..j).all(|k| matches!(claims.part(k), Part::Unplaced | Part::Heading)) {
            let list = List::new(doc, i..j, scope);
            list.read(doc, claims, &mut status, &mut out);
        }
        read = j;
        i = j;
    }
    out
}

/// The status the paragraphs before a list give it (`… pågikk 12
/// oppdragsprosjekter:`): that of the last paragraph (or, on a page,
/// heading) before it that introduces projects with one, and the funding
/// that paragraph names (`NAV har tre pågående bidragsfinansierte
/// prosjekter.` above the lists of its themes). Read lazily, from the last
/// block back, when a list asks: a paragraph whose status no list needs is
/// never read.
struct StatusCtx {
    /// The status of the blocks read so far.
    known: Option<PortfolioStatus>,
    /// The funding named by the paragraph that gave `known`.
    funding: Option<Funding>,
    /// The blocks not read yet, in order (the blocks between lists; a run
    /// of list items between two is part of neither).
    unread: Vec<Range<usize>>,
    /// Outside any report section: headings introduce too.
    page: bool,
}

impl StatusCtx {
    fn add(&mut self, doc: &Doc<'_>, range: Range<usize>) {
        match self.unread.last_mut() {
            // Only list items between: no reason to keep two ranges.
            Some(last)
                if doc.blocks[last.end..range.start]
                    .iter()
                    .all(|b| b.kind == BlockKind::ListItem) =>
            {
                last.end = range.end;
            }
            _ => self.unread.push(range),
        }
    }

    fn get(&mut self, doc: &Doc<'_>) -> Option<PortfolioStatus> {
        let found = self.unread.iter().rev().find_map(|r| {
            r.clone().rev().find_map(|k| {
                let b = &doc.blocks[k];
                let intro = b.kind == BlockKind::Paragraph || (self.page && b.is_heading());
                if intro {
                    introduced_in(doc, k).map(|s| (s, k))
                } else {
                    None
                }
            })
        });
        self.unread.clear();
        if let Some((status, k)) = found {
            self.known = Some(status);
            self.funding = funding_in(doc, k);
        }
        self.known
    }

    /// The funding named by the paragraph that gives the status
    /// ([`StatusCtx::get`]).
    fn funding(&mut self, doc: &Doc<'_>) -> Option<Funding> {
        self.get(doc);
        self.funding
    }
}

/// The funding block `k`'s text names, if any ([`funding_of`]).
fn funding_in(doc: &Doc<'_>, k: usize) -> Option<Funding> {
    let text = doc.blocks[k].text();
    may_name_funding(text)
        .then(|| funding_of(&norm(text)))
        .flatten()
}

/// [`super::context::introduced_status_of`] of block `k`'s text (normalised
/// when the text may introduce any, and not kept: most such blocks are
/// paragraphs read once).
fn introduced_in(doc: &Doc<'_>, k: usize) -> Option<PortfolioStatus> {
    let text = doc.blocks[k].text();
    may_introduce(text)
        .then(|| introduced_status_of(&norm(text)))
        .flatten()
}

/// The end of the run of list items starting at `i`. On a page, a bare
/// project line right under the items that was taken for a heading (`Title,
/// Institution` with no closing period) is one of them.
fn run_end(doc: &Doc<'_>, i: usize, scope: &Scope, claims: &Claims) -> usize {
    let blocks = &doc.blocks;
    let mut j = i;
    while j < scope.body.end {
        let b = &blocks[j];
        let item = b.kind == BlockKind::ListItem
            || (scope.page
                && b.kind == (BlockKind::Heading { level: None })
                && j > i
                && doc.next_line(j - 1, j)
                && matches!(claims.part(j), Part::Heading | Part::Unplaced)
                && doc.names_institution(j));
        if !item {
            break;
        }
        j += 1;
    }
    j
}

/// Where a list item's line starts (its indentation in characters) and the
/// bullet glyph it starts with, if any.
fn indentation(doc: &Doc<'_>, k: usize) -> (usize, Option<char>) {
    let line = doc.src.line_text(doc.first_line(k)).unwrap_or("");
    let rest = crate::text::trim_start(line);
    let indent = line[..line.len() - rest.len()].chars().count();
    let glyph = rest
        .chars()
        .next()
        .filter(|c| lexicon::BULLET_GLYPHS.contains(c));
    (indent, glyph)
}

/// A top-level list item and the items under it (its sub-bullets).
struct Entry {
    item: usize,
    subs: Vec<usize>,
}

/// Is item `k` of a list whose first item is `first` a sub-bullet of the
/// item above it? It is indented deeper than the first, or marked with a
/// sub-bullet glyph ([`lexicon::SUB_BULLET_GLYPHS`]) the first is not, and
/// does not read as a project line with a period of its own.
fn is_sub(doc: &Doc<'_>, first: usize, base: Indent, k: usize) -> bool {
    if k == first {
        return false;
    }
    let (base, base_glyph) = base;
    let (indent, glyph) = indentation(doc, k);
    let sub_glyph =
        glyph.is_some_and(|g| lexicon::SUB_BULLET_GLYPHS.contains(&g) && Some(g) != base_glyph);
    (indent > base || sub_glyph)
        && project_line_period(doc.blocks[k].text())
            .flatten()
            .is_none()
}

/// A list item's [`indentation`].
type Indent = (usize, Option<char>);

/// A top-level item of a list and its
/// [`project_line_parts`](crate::grammar::project_line_parts).
type TopParts<'d> = (usize, Option<ProjectLineParts<'d>>);

/// Which items of `items` are sub-bullets ([`is_sub`]), in order.
fn sub_items(doc: &Doc<'_>, items: Range<usize>) -> Vec<bool> {
    let first = items.start;
    let base = indentation(doc, first);
    items.map(|k| is_sub(doc, first, base, k)).collect()
}

/// Group the items of `items` under the items they stand under, given
/// which are sub-bullets ([`sub_items`]).
fn entries(items: Range<usize>, subs: &[bool]) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    for (k, &sub) in items.zip(subs) {
        match out.last_mut() {
            Some(parent) if sub => parent.subs.push(k),
            _ => out.push(Entry {
                item: k,
                subs: Vec::new(),
            }),
        }
    }
    out
}

/// A run of list items and what stands before it.
struct List<'a> {
    items: Range<usize>,
    /// The block of the paragraph (or a heading ending in `:`) that
    /// introduces the list.
    intro_at: Option<usize>,
    /// [`norm`] of the intro's text, once asked: every question the list
    /// asks of its intro reads it, and it goes with the list.
    intro_norm: OnceCell<String>,
    /// [`sub_items`] of the list, once asked: the portfolio reader asks
    /// which items are sub-bullets when it counts periods, when it reads
    /// the lines and when it groups them.
    subs: OnceCell<Vec<bool>>,
    /// The theme heading right before the list.
    theme: Option<Cow<'a, str>>,
    section_funding: Option<Funding>,
    /// Outside any report section (a web page).
    page: bool,
}

impl<'a> List<'a> {
    fn new(doc: &Doc<'a>, items: Range<usize>, scope: &Scope) -> List<'a> {
        let first = items.start;
        let prev = first.checked_sub(1).map(|p| &doc.blocks[p]);
        // On a page, a heading that introduces projects with a status
        // (`Pågående prosjekter`) is the list's intro, not its theme.
        let heading_intro = |p: &Block<'_>| {
            crate::text::trim_end(p.text()).ends_with(':')
                || (scope.page && introduced_in(doc, first - 1).is_some())
        };
        let intro =
            prev.filter(|p| p.kind == BlockKind::Paragraph || (p.is_heading() && heading_intro(p)));
        let theme = prev
            .filter(|p| p.is_heading() && !heading_intro(p))
            .filter(|_| doc.role(first - 1).is_none_or(|r| r == Role::Generic))
            .map(|p| doc.text_at(first - 1, crate::text::trim(p.text())));
        List {
            items,
            intro_at: intro.map(|_| first - 1),
            intro_norm: OnceCell::new(),
            subs: OnceCell::new(),
            theme,
            section_funding: scope.funding,
            page: scope.page,
        }
    }

    /// [`crate::text::norm`] of the intro's text (empty without one).
    fn intro_norm(&self, doc: &Doc<'_>) -> &str {
        self.intro_norm.get_or_init(|| {
            self.intro_at
                .map_or(String::new(), |k| norm(doc.blocks[k].text()))
        })
    }

    /// Which items are sub-bullets ([`sub_items`]), in order.
    fn subs(&self, doc: &Doc<'_>) -> &[bool] {
        self.subs.get_or_init(|| sub_items(doc, self.items.clone()))
    }

    /// The top-level items (none a sub-bullet), in order.
    fn top(&self, doc: &Doc<'_>) -> impl Iterator<Item = usize> {
        let subs = self.subs(doc);
        self.items
            .clone()
            .zip(subs)
            .filter(|&(_, &sub)| !sub)
            .map(|(k, _)| k)
    }

    /// The funding the intro names ([`funding_in`]).
    fn intro_funding(&self, doc: &Doc<'_>) -> Option<Funding> {
        let k = self.intro_at?;
        may_name_funding(doc.blocks[k].text())
            .then(|| funding_of(self.intro_norm(doc)))
            .flatten()
    }

    /// More than half of the items pass.
    fn most(&self, passing: usize) -> bool {
        passing * 2 > self.items.len()
    }

    /// Read the list as the first kind it fits: PhD candidates, vendors,
    /// publications, portfolio projects.
    fn read(
        &self,
        doc: &Doc<'a>,
        claims: &mut Claims,
        status: &mut StatusCtx,
        out: &mut Lists<'a>,
    ) {
        if matches!(
            doc.blocks[self.items.start].kind,
            BlockKind::TableRow { .. }
        ) {
            append(
                &mut out.portfolio,
                self.table_portfolio(doc, claims, status),
            );
        } else if let Some(phd) = self.phds(doc, claims) {
            append(&mut out.phd, phd);
        } else if let Some(vendors) = self.vendors(doc, claims) {
            append(&mut out.vendors, vendors);
        } else if let Some(publications) = self.publications(doc, claims) {
            append(&mut out.publications, publications);
        } else if !self.items.clone().any(|k| claims.part(k) == Part::Project) {
            // (not a list inside a project summary)
            append(&mut out.portfolio, self.portfolio(doc, claims, status));
        }
    }

    fn phds(&self, doc: &Doc<'a>, claims: &mut Claims) -> Option<Vec<PhdCandidate<'a>>> {
        // Only the lines that read as PhD lines are kept: a long list of
        // something else costs nothing per item (memory is bounded per line).
        let phds: Vec<_> = self
            .items
            .clone()
            .filter(|&k| may_be_phd_line(doc.blocks[k].text()))
            .filter_map(|k| read_phd_line(doc.blocks[k].text()).map(|p| (k, p)))
            .collect();
        if !self.most(phds.len()) {
            return None;
        }
        let status = if has_any(self.intro_norm(doc), lexicon::PHD_COMPLETED) {
            PhdStatus::Completed
        } else {
            PhdStatus::Ongoing
        };
        let mut out = Vec::new();
        for (k, p) in phds {
            let found = [p.title, p.candidate].into_iter().chain(p.institution);
            let mut texts = doc
                .found_in(k, doc.blocks[k].text(), found.collect())
                .into_iter();
            out.push(PhdCandidate {
                title: texts.next().unwrap_or_default(),
                candidate: texts.next().unwrap_or_default(),
                institution: texts.next(),
                institution_refs: Vec::new(),
                status,
                span: doc.span_of(k),
            });
            claims.set(k, Part::Phd);
        }
        Some(out)
    }

    /// Vendors of framework agreements: a list its intro says lists vendors.
    fn vendors(&self, doc: &Doc<'a>, claims: &mut Claims) -> Option<Vec<Vendor<'a>>> {
        // (an intro that cannot name vendors is not normalised to find out)
        let may = self
            .intro_at
            .is_some_and(|k| may_name_vendors(doc.blocks[k].text()));
        if !may || !has_any(self.intro_norm(doc), lexicon::VENDORS) {
            return None;
        }
        let mut out = Vec::new();
        for k in self.items.clone() {
            out.push(Vendor {
                name: doc.text_at(k, crate::grammar::trim_period(doc.blocks[k].text())),
                span: doc.span_of(k),
            });
            claims.set(k, Part::Vendor);
        }
        Some(out)
    }

    fn publications(&self, doc: &Doc<'a>, claims: &mut Claims) -> Option<Vec<Publication<'a>>> {
        // `*italics*` mark the title: the text with its emphasis marked when
        // it had any, else the cleaned text.
        let refs: Vec<_> = self
            .items
            .clone()
            .filter_map(|k| {
                // (the cheap test first: most lists hold no references)
                let r = if doc.blocks[k].text.emphasis_marks().is_empty() {
                    let text = doc.blocks[k].text();
                    may_be_reference(text).then(|| read_reference(text))
                } else {
                    let marked = marked_item(doc, k);
                    may_be_reference(&marked).then(|| read_reference(&marked))
                };
                r.flatten().map(|r| (k, r))
            })
            .collect();
        if !self.most(refs.len()) {
            return None;
        }
        let mut out = Vec::new();
        for (k, r) in refs {
            out.push(Publication {
                authors: r.authors.iter().map(|a| strip_marks(a).into()).collect(),
                year: r.year,
                title: strip_marks(&r.title).into(),
                venue: r.venue.as_deref().map(|v| strip_marks(v).into()),
                span: doc.span_of(k),
            });
            claims.set(k, Part::Publication);
        }
        Some(out)
    }

    /// Do the top-level items read as a portfolio: most with a period, or
    /// introduced as projects with a status and most naming institutions?
    /// (Counted without keeping the lines: a long list that is none costs
    /// nothing per item. The periods are counted first; where the title of
    /// each line ends is looked for only when the institutions decide.)
    ///
    /// `None` when they do not; else the parts of the top-level items, by
    /// block, when the institutions decided (read once: [`Self::portfolio`]
    /// reads the same lines again, and finding where a title ends is the
    /// costly part of reading one).
    fn is_portfolio<'d>(
        &self,
        doc: &'d Doc<'_>,
        status: &mut StatusCtx,
    ) -> Option<Vec<TopParts<'d>>> {
        let (mut n, mut with_period) = (0, 0);
        for k in self.top(doc) {
            if let Some(period) = project_line_period(doc.blocks[k].text()) {
                n += 1;
                with_period += usize::from(period.is_some());
            }
        }
        let intro_introduces = self
            .intro_at
            .is_some_and(|k| may_introduce(doc.blocks[k].text()))
            && introduced_status_of(self.intro_norm(doc)).is_some();
        let introduced = intro_introduces || (self.page && status.get(doc).is_some());
        if n == 0 || with_period * 2 >= n {
            return (n > 0).then(Vec::new);
        }
        if !introduced {
            return None;
        }
        let parts: Vec<TopParts<'d>> = self.top(doc).map(|k| (k, doc.line_parts(k))).collect();
        let naming = parts
            .iter()
            .filter(|(_, p)| p.is_some_and(|p| p.institution_raw.is_some()))
            .count();
        (naming * 2 > n).then_some(parts)
    }

    /// The status and the funding of the list's projects: those its intro
    /// gives, else those of the paragraph before it that introduces
    /// projects ([`StatusCtx`]), else (the funding) its section's.
    fn status_and_funding(
        &self,
        doc: &Doc<'_>,
        ctx: &mut StatusCtx,
    ) -> (PortfolioStatus, Option<Funding>) {
        let status = if self.intro_at.is_some() {
            status_of(self.intro_norm(doc)).or_else(|| ctx.get(doc))
        } else {
            ctx.get(doc)
        }
        .unwrap_or(PortfolioStatus::Ongoing);
        let funding = self
            .intro_funding(doc)
            .or_else(|| ctx.funding(doc))
            .or(self.section_funding);
        (status, funding)
    }

    /// Portfolio: project lines with periods, or introduced as granted,
    /// ongoing or shortlisted projects and naming institutions. On a page a
    /// status given above the list (a heading, an intro before the theme)
    /// introduces it too.
    fn portfolio(
        &self,
        doc: &Doc<'a>,
        claims: &mut Claims,
        status: &mut StatusCtx,
    ) -> Vec<PortfolioItem<'a>> {
        let Some(known) = self.is_portfolio(doc, status) else {
            return Vec::new();
        };
        let (status, funding) = self.status_and_funding(doc, status);
        let entries = entries(self.items.clone(), self.subs(doc));
        // (an item an entry, sized once: not grown by doubling)
        let mut out = Vec::with_capacity(entries.len());
        // (the top-level items are the entries' items, in order)
        let mut known = known.into_iter().peekable();
        for e in entries {
            let parts = match known.next_if(|&(k, _)| k == e.item) {
                Some((_, parts)) => parts,
                None => doc.line_parts(e.item),
            };
            let Some(p) = parts else {
                continue;
            };
            // (split from the names the boundary's list test found)
            let institutions = p
                .institution_raw
                .map(|raw| institution_pieces_of(raw, p.institution_names.as_slice()))
                .unwrap_or_default();
            let (description, leader) = describe(doc, &e.subs);
            let last = e.subs.last().copied().unwrap_or(e.item);
            out.push(PortfolioItem {
                title: doc.text_at(e.item, p.title),
                institution_raw: doc.opt_text_at(e.item, p.institution_raw),
                institutions: doc.found_pieces(
                    e.item,
                    p.institution_raw.unwrap_or(""),
                    institutions,
                ),
                institution_refs: Vec::new(),
                period: p.period,
                funding: described_funding(&description).or(funding),
                theme: self.theme.clone(),
                status,
                description,
                leader,
                span: doc.span_range(e.item, last),
            });
            claims.set_all(std::iter::once(e.item).chain(e.subs), Part::Portfolio);
        }
        out
    }
}

/// The funding an item's description (its sub-bullets, joined by spaces)
/// states ([`funding_described_owned`]); none when it has none (most items),
/// without asking.
fn described_funding(description: &[Cow<'_, str>]) -> Option<Funding> {
    if description.is_empty() {
        return None;
    }
    funding_described_owned(description.join(" "))
}

/// The description and the leader that an item's sub-bullets give.
fn describe<'a>(doc: &Doc<'a>, subs: &[usize]) -> (Vec<Cow<'a, str>>, Option<Cow<'a, str>>) {
    let mut description = Vec::new();
    let mut leader = None;
    for &k in subs {
        let text = crate::text::trim(doc.blocks[k].text());
        match leader_in(text) {
            Some(name) if leader.is_none() => leader = doc.found_in(k, text, vec![name]).pop(),
            _ => description.push(doc.text_at(k, text)),
        }
    }
    // Items live as long as the report: no spare room.
    description.shrink_to_fit();
    (description, leader)
}

#[cfg(test)]
mod tests {
    /// An item with no description states no funding: what asking of the
    /// empty text answers.
    #[test]
    fn no_description_states_no_funding() {
        assert_eq!(super::described_funding(&[]), None);
        assert_eq!(super::super::context::funding_described(""), None);
        let bidrag = [std::borrow::Cow::Borrowed("Bidragsprosjekt.")];
        assert_eq!(
            super::described_funding(&bidrag),
            super::super::context::funding_described("Bidragsprosjekt.")
        );
    }

    /// The portfolio items of a made-up report whose list is `items`,
    /// introduced as ongoing projects: (title, institution text, period).
    fn portfolio(items: &str) -> Vec<(String, Option<String>, Option<crate::Period>)> {
        let text = format!(
            "# FoU-rapport 2021\n\n## Pågående prosjekter\n\n\
             I 2021 pågikk disse oppdragsprosjektene:\n\n{items}"
        );
        let report = crate::parse(&text).unwrap().into_owned();
        report
            .portfolio
            .into_iter()
            .map(|p| {
                let raw = p.institution_raw.map(|i| i.into_owned());
                (p.title.into_owned(), raw, p.period)
            })
            .collect()
    }

    /// The items read from the parts kept when the institutions decided a
    /// list is a portfolio are those each top-level line reads as on its
    /// own ([`crate::grammar::project_line`]): lists with and without
    /// institutions and periods, with sub-bullets under some items.
    #[test]
    fn items_read_from_kept_parts_are_their_lines_read_again() {
        let lines = [
            "Unge i arbeid, Fjordforsk",
            "Tolk i kontoret, UiA og Nordvik helseforskning",
            "Lang vei hjem",
            "Veier til jobb, NTNU (2020-2022)",
            "Hvem får hjelp? Sintef",
        ];
        let subs = [
            "",
            "    - Prosjektleder: Kari Nordmann\n",
            "    - En studie av unge\n",
        ];
        let mut read = 0;
        for a in lines {
            for b in lines {
                for c in lines {
                    for sub in subs {
                        let tops = [a, b, c];
                        let items: String = tops.iter().map(|l| format!("- {l}\n{sub}")).collect();
                        let got = portfolio(&items);
                        if got.is_empty() {
                            continue;
                        }
                        let expected: Vec<_> = tops
                            .iter()
                            .filter_map(|l| crate::grammar::project_line(l).ok())
                            .map(|p| (p.title, p.institution_raw, p.period))
                            .collect();
                        assert_eq!(got, expected, "{items:?}");
                        read += 1;
                    }
                }
            }
        }
        assert!(read > 100, "{read}");
    }
}

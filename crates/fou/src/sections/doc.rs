//! What every part reader is given: the [`Doc`] (blocks, roles, the
//! report's year; read-only to the readers, whose regions' texts
//! [`super::read`] lets go of once read), the [`Section`] it reads, and the [`Claims`] — the one
//! piece of state readers share, saying which blocks were placed in which
//! [`Part`].

use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};
// Keyed by block index: foldhash, not SipHash (no untrusted keys to guard).
use foldhash::HashMap;
use std::ops::Range;

use super::front::Toc;
use super::{Part, Role};
use crate::blocks::{Block, Repair};
use crate::lines::MappedText;
use crate::model::{
    Diagnostic, DiagnosticCode, Funding, Severity, Span, located_within, range_within, slice_within,
};
use crate::source::Source;

/// How far after the piece before a piece of a grammar's result is looked
/// for in the input ([`Doc::found_in`]): the separators between the pieces
/// of a list of institutions or an author line (`, `, ` og `, ` / `) are a
/// few bytes; a piece not found within it is kept as the grammar gave it.
pub(crate) const FOUND_GAP: usize = 64;

/// The blocks of a report as every reader sees them, with what was worked
/// out about them before any section was read.
pub(crate) struct Doc<'a> {
    /// The input (for spans, and for the texts the report borrows).
    pub src: &'a Source<'a>,
    /// The blocks without page furniture (held here while the parts are
    /// read, and given back with the report).
    pub blocks: Vec<Block<'a>>,
    /// The role of each heading ([`super::role_of`]) by block index, in
    /// block order; other blocks and the title have none.
    pub roles: Vec<(usize, Role)>,
    /// The report's year as its title gives it: the year of an edition
    /// heading or a date that names none.
    pub year: Option<i32>,
    /// The text has no heading markup of its own (plain text from a PDF or a
    /// word processor), so the title line of a completed project may stand
    /// as a short paragraph. In Markdown, titles are marked (`#`, bold) and
    /// a paragraph is never one.
    pub paragraph_titles: bool,
    /// The project lines block building found ([`super::RecordingHints`]):
    /// a reader takes a line's parts from them ([`Doc::line_parts`]).
    pub known: super::KnownLines,
}

/// What the front matter, the inferred headings and the roles ask of each
/// block's text, worked out when first asked and then shared: its
/// normalised form ([`crate::text::norm`]), its role as a heading and
/// whether the table of contents lists it.
///
/// The blocks' texts do not change once the blocks are built (inferring a
/// heading changes a block's kind, not its text). [`super::read`] drops
/// the views once the roles are known, before the [`Doc`] exists: the
/// readers ask again of a few headings only, and a copy of every heading's
/// text (and a role for every line that might have been one) would stay
/// beside the items the readers make, the peak of a parse
/// (`tests/memory.rs`). Each method takes the text of block `i` as it
/// stands.
pub(crate) struct Views {
    /// [`crate::text::norm`] of each block's text.
    norm: Vec<OnceCell<Box<str>>>,
    /// [`super::role_of`] of the texts of the blocks asked for (headings
    /// and the paragraphs that might be), as if the table of contents did
    /// not list them: a few blocks, so not a cell per block (memory per
    /// line of short-line input).
    role: RefCell<HashMap<usize, Role>>,
    /// Does the table of contents list the text of the blocks asked for
    /// at the top level ([`Toc::lists_normalised`])?
    top: RefCell<HashMap<usize, bool>>,
    /// The room a map makes when it keeps its first answer ([`keep_in`]).
    room: usize,
}

impl Views {
    /// Views of `n` blocks, none worked out yet.
    pub fn new(n: usize) -> Views {
        Views {
            norm: (0..n).map(|_| OnceCell::new()).collect(),
            role: RefCell::new(HashMap::default()),
            top: RefCell::new(HashMap::default()),
            room: VIEWS_ROOM.min(n),
        }
    }

    /// [`crate::text::norm`] of `text`, the text of block `i`.
    pub fn norm(&self, i: usize, text: &str) -> Cow<'_, str> {
        match self.norm.get(i) {
            Some(cell) => {
                Cow::Borrowed(cell.get_or_init(|| crate::text::norm(text).into_boxed_str()))
            }
            None => Cow::Owned(crate::text::norm(text)),
        }
    }

    /// [`super::role_of`]`(text, false)` of `text`, the text of block `i`.
    pub fn role(&self, i: usize, text: &str) -> Role {
        if let Some(&r) = self.role.borrow().get(&i) {
            return r;
        }
        let r = super::role_with(text, || self.norm(i, text));
        keep_in(&mut self.role.borrow_mut(), self.room, i, r);
        r
    }

    /// [`Toc::is_top_level`] of `text`, the text of block `i`.
    pub fn top_level(&self, i: usize, text: &str, toc: &Toc) -> bool {
        if let Some(&t) = self.top.borrow().get(&i) {
            return t;
        }
        let t = toc.may_list(text) && toc.lists_normalised(&self.norm(i, text));
        keep_in(&mut self.top.borrow_mut(), self.room, i, t);
        t
    }

    /// [`super::role_of`]`(text, toc.is_top_level(text))` of `text`, the
    /// text of block `i`; the table of contents is looked in only when it
    /// decides.
    pub fn role_listed(&self, i: usize, text: &str, toc: &Toc) -> Role {
        match self.role(i, text) {
            Role::Generic if self.top_level(i, text, toc) => Role::TocSection,
            r => r,
        }
    }
}

/// Room a map of [`Views`] makes when it keeps its first answer: a report
/// asks the role of some dozens of headings and of the paragraphs that might
/// be ones, and a map grown by doubling from a few entries moves each
/// entry several times; a text of few headings keeps this little room. A
/// text of fewer blocks (a web page) makes room for its blocks only: a
/// map of this room is some 2 KB, which `malloc` serves as a large block,
/// after putting its small free blocks together.
const VIEWS_ROOM: usize = 64;

/// Keep `v` for block `i` in `map` (with `room` when it is the first).
fn keep_in<V>(map: &mut HashMap<usize, V>, room: usize, i: usize, v: V) {
    if map.capacity() == 0 {
        map.reserve(room);
    }
    map.insert(i, v);
}

/// Needles up to this long are looked for where their first byte stands
/// (`memchr`) and compared there; longer ones with a `memmem` searcher,
/// whose set-up costs more than such a search in a window a needle and
/// [`FOUND_GAP`] long (most pieces are institution names, found at once).
const SHORT_NEEDLE: usize = 64;

/// A longer needle is compared at the first this many places where its
/// first byte stands before a `memmem` searcher is set up for the rest of
/// the window: a piece (a thesis title) mostly stands at the window's start,
/// and setting up the searcher (its two-way factorisation and byte ranks)
/// costs some thousand instructions; a bounded number of comparisons keeps
/// the search linear.
const LONG_NEEDLE_TRIES: usize = 4;

/// The first offset of `needle` in `hay` (see [`SHORT_NEEDLE`],
/// [`LONG_NEEDLE_TRIES`]).
fn find_near(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let Some((&first, rest)) = needle.split_first() else {
        return memchr::memmem::find(hay, needle);
    };
    let at_first = |i: &usize| hay.get(i + 1..i + needle.len()) == Some(rest);
    let mut starts = memchr::memchr_iter(first, hay);
    if needle.len() <= SHORT_NEEDLE {
        return starts.find(at_first);
    }
    for _ in 0..LONG_NEEDLE_TRIES {
        let i = starts.next()?;
        if at_first(&i) {
            return Some(i);
        }
    }
    // (no match before the place after the last tried: `needle` starts
    // with its first byte)
    let from = starts.next()?;
    let tail = hay.get(from..)?;
    memchr::memmem::find(tail, needle).map(|i| from + i)
}

impl<'a> Doc<'a> {
    /// The parts of block `k`'s text read as a project line
    /// ([`crate::grammar::project_line_parts`]): those block building found
    /// for the same text ([`Doc::known`]), or read now.
    pub fn line_parts(&self, k: usize) -> Option<crate::grammar::ProjectLineParts<'_>> {
        self.known.parts(self.blocks.get(k)?.text())
    }

    /// Does block `k` read `Title, Institution` ([`Doc::line_parts`] with an
    /// institution)?
    pub fn names_institution(&self, k: usize) -> bool {
        self.line_parts(k)
            .is_some_and(|p| p.institution_raw.is_some())
    }

    /// `text`, read from block `k`, as a text of the report: borrowed from
    /// the input when it is a slice of it, or when it is a slice of the
    /// block's cleaned text that stands in the input as the same bytes (a
    /// title whose bold marks cleaning removed is the input between them);
    /// copied otherwise (markup removed inside it, lines joined).
    pub fn text_at(&self, k: usize, text: &str) -> Cow<'a, str> {
        let input: &'a str = self.src.text();
        if let Some(t) = slice_within(input, text) {
            return Cow::Borrowed(t);
        }
        let same = self.blocks.get(k).and_then(|b| {
            let r = range_within(b.text(), text)?;
            let (s, e) = b.text.source_range(r.start, r.end);
            input.get(s..e).filter(|src| *src == text)
        });
        same.map_or_else(|| Cow::Owned(text.to_owned()), Cow::Borrowed)
    }

    /// [`Doc::text_at`] of an optional text.
    pub fn opt_text_at(&self, k: usize, text: Option<&str>) -> Option<Cow<'a, str>> {
        text.map(|t| self.text_at(k, t))
    }

    /// `parts` joined by `sep` as a text of the report: borrowed from the
    /// input when they stand in it so joined (each a slice of it, each after
    /// the one before and `sep`), copied otherwise.
    pub fn joined(&self, parts: &[&str], sep: &str) -> Cow<'a, str> {
        let input: &'a str = self.src.text();
        let ranges: Option<Vec<Range<usize>>> =
            parts.iter().map(|p| range_within(input, p)).collect();
        let whole = ranges.filter(|rs| {
            rs.windows(2)
                .all(|w| input.get(w[0].end..w[1].start) == Some(sep))
        });
        match whole.as_deref() {
            Some([first, .., last]) => input.get(first.start..last.end),
            Some([only]) => input.get(only.clone()),
            _ => None,
        }
        .map_or_else(|| Cow::Owned(parts.join(sep)), Cow::Borrowed)
    }

    /// `found`, the strings a grammar read in order from `within` (a text of
    /// block `k`: a list of institutions, an author line), as texts of the
    /// report: each borrowed where the same bytes stand in the input after
    /// the one before, not more than [`FOUND_GAP`] bytes on; kept as it is
    /// otherwise (a piece the grammar changed). Linear: each search is as
    /// long as its piece and the gap.
    pub fn found_in(&self, k: usize, within: &str, found: Vec<String>) -> Vec<Cow<'a, str>> {
        // (collected in place: a `String` and a `Cow` are the same size)
        self.found_pieces(k, within, found.into_iter().map(Cow::Owned).collect())
    }

    /// [`Doc::found_in`] of pieces a grammar may have borrowed from
    /// `within`: a borrowed piece that stands in the input is that slice of
    /// it, with no search (and no copy); any other is looked for as there.
    pub fn found_pieces(
        &self,
        k: usize,
        within: &str,
        found: Vec<Cow<'_, str>>,
    ) -> Vec<Cow<'a, str>> {
        let input: &'a str = self.src.text();
        let end = self.blocks.get(k).map_or(0, |b| b.end);
        let mut at = range_within(input, within).map(|r| r.start).or_else(|| {
            let b = self.blocks.get(k)?;
            let r = range_within(b.text(), within)?;
            Some(b.text.source_range(r.start, r.end).0)
        });
        // Collected in place (the pieces and the texts are the same size),
        // so the room `found` had to spare is given back after.
        let mut out: Vec<Cow<'a, str>> = found
            .into_iter()
            .map(|piece| {
                if let Cow::Borrowed(p) = piece
                    && let Some((start, text)) = located_within(input, p)
                {
                    at = Some(start + text.len());
                    return Cow::Borrowed(text);
                }
                let from = at.unwrap_or(end);
                let window = input.get(from..end.min(from.saturating_add(piece.len() + FOUND_GAP)));
                match window.and_then(|w| find_near(w.as_bytes(), piece.as_bytes())) {
                    Some(i) => {
                        at = Some(from + i + piece.len());
                        input
                            .get(from + i..from + i + piece.len())
                            .map_or_else(|| Cow::Owned(piece.into_owned()), Cow::Borrowed)
                    }
                    None => Cow::Owned(piece.into_owned()),
                }
            })
            .collect();
        out.shrink_to_fit();
        out
    }

    /// Let go of the texts of the blocks `blocks` but the headings' (which
    /// the outline and the checks read at the end).
    pub fn let_go_of_texts_but_headings(&mut self, blocks: Range<usize>) {
        for b in self.blocks.get_mut(blocks).unwrap_or_default() {
            if !b.is_heading() {
                b.text = MappedText::default();
            }
        }
    }

    /// Let go of the texts of every block but those `keep` names (the
    /// outline's blocks, in block order): once no reader reads them, they
    /// would only share the parse's peak with the report. The blocks keep
    /// their kinds and offsets.
    pub fn let_go_of_texts_but<T>(&mut self, keep: &[(usize, T)]) {
        debug_assert!(keep.is_sorted_by_key(|&(i, _)| i));
        let mut keep = keep.iter().map(|&(i, _)| i).peekable();
        for (i, b) in self.blocks.iter_mut().enumerate() {
            if keep.next_if_eq(&i).is_none() {
                b.text = MappedText::default();
            }
        }
    }

    /// The role of block `i`, if it is a heading with one.
    pub fn role(&self, i: usize) -> Option<Role> {
        let at = self.roles.binary_search_by_key(&i, |&(k, _)| k).ok()?;
        self.roles.get(at).map(|&(_, r)| r)
    }

    /// [`crate::text::norm`] of block `i`'s text.
    pub fn norm(&self, i: usize) -> String {
        crate::text::norm(self.blocks[i].text())
    }

    /// Does the table of contents list block `i`'s text at the top level
    /// ([`Toc::lists_normalised`])?
    pub fn top_level(&self, i: usize, toc: &Toc) -> bool {
        let text = self.blocks[i].text();
        toc.may_list(text) && toc.lists_normalised(&crate::text::norm(text))
    }

    /// The first line (1-based) of block `i`.
    pub fn first_line(&self, i: usize) -> usize {
        self.src.index().line_of(self.blocks[i].start)
    }

    /// Block `j` starts on the line after the one block `i` ends on.
    pub fn next_line(&self, i: usize, j: usize) -> bool {
        self.span_of(i).line_end + 1 == self.first_line(j)
    }

    /// Span of block `i`.
    pub fn span_of(&self, i: usize) -> Span {
        let b = &self.blocks[i];
        self.src.span(b.start, b.end)
    }

    /// Span from the start of block `first` to the end of block `last`.
    pub fn span_range(&self, first: usize, last: usize) -> Span {
        self.src
            .span(self.blocks[first].start, self.blocks[last].end)
    }

    /// Block `i`'s text, trimmed, as a text of the report ([`Doc::text_at`]).
    pub fn paragraph(&self, i: usize) -> Cow<'a, str> {
        self.text_at(i, crate::text::trim(self.blocks[i].text()))
    }

    /// Span of the clean range `start..end` of block `i`.
    pub fn sub_span(&self, i: usize, start: usize, end: usize) -> Span {
        let (s, e) = self.blocks[i].text.source_range(start, end);
        self.src.span(s, e)
    }
}

/// A major heading and the blocks up to the next one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Section {
    /// The block of the heading.
    pub heading: usize,
    /// What the heading announces (a major role).
    pub role: Role,
    /// The funding of the projects the section lists or counts: named by its
    /// heading, or carried on from the section before through headings the
    /// table of contents lists without a number.
    pub funding: Option<Funding>,
    /// The blocks after the heading, up to the next section's heading.
    pub body: Range<usize>,
}

impl Section {
    /// The heading and the body.
    pub fn blocks(&self) -> Range<usize> {
        self.heading..self.body.end
    }
}

/// Cut the document into sections at its major headings, working out each
/// section's funding once.
pub(crate) fn sections(doc: &Doc<'_>) -> Vec<Section> {
    // The roles are those of the headings, in block order: read in place,
    // not looked up for each block.
    debug_assert!(doc.roles.is_sorted_by(|a, b| a.0 < b.0));
    let starts: Vec<(usize, Role)> = (doc.roles.iter())
        .filter(|(_, r)| r.is_major())
        .copied()
        .collect();
    let mut funding = None;
    let mut out = Vec::with_capacity(starts.len());
    for (n, &(heading, role)) in starts.iter().enumerate() {
        funding = match role {
            Role::FundingIntro(f) => Some(f),
            Role::Completed(f) => f,
            Role::TocSection => funding,
            _ => None,
        };
        let end = starts.get(n + 1).map_or(doc.blocks.len(), |&(i, _)| i);
        out.push(Section {
            heading,
            role,
            funding,
            body: heading + 1..end,
        });
    }
    out
}

/// Which part each block was placed in (what `fou explain` shows).
///
/// A later claim replaces an earlier one: the order in which
/// [`super::read`] runs the readers is what decides. A reader reads and
/// claims the blocks of its own region only (the page before the first
/// section, or a section): while the regions are read, the claims are cut
/// into one for each region ([`Claims::split`]), so that
/// the regions may be read in any order, or side by side, and give the same
/// report. Outside its region a reader sees every block unplaced and cannot
/// place one (a debug build stops there). The test
/// `explain_and_parse_give_the_same_report` (which keeps every text) and
/// the split parse's tests guard it.
#[derive(Debug)]
pub(crate) struct Claims<'c> {
    /// The index of the block `parts[0]` is the part of.
    base: usize,
    /// The part of each block from `base` on: of every block, or of a
    /// region's ([`Claims::split`]).
    parts: &'c mut [Part],
    /// Repairs the readers made (a label's value taken from the next block).
    repairs: Vec<Repair>,
}

impl<'c> Claims<'c> {
    /// Claims of the blocks `parts` holds the parts of (every block of the
    /// text, unplaced at first).
    pub fn new(parts: &'c mut [Part]) -> Claims<'c> {
        Claims {
            base: 0,
            parts,
            repairs: Vec::new(),
        }
    }

    /// These claims cut into one for each of `regions`: consecutive ranges
    /// that together make `0..n` of the `n` blocks, each claims holding its
    /// region's blocks only. Each piece's repairs are its own: take them
    /// back with [`Claims::repaired_in`].
    pub fn split(&mut self, regions: &[Range<usize>]) -> Vec<Claims<'_>> {
        debug_assert!(self.base == 0 && regions.first().is_none_or(|r| r.start == 0));
        debug_assert!(regions.windows(2).all(|w| w[0].end == w[1].start));
        debug_assert!(regions.last().is_none_or(|r| r.end == self.parts.len()));
        let mut rest: &mut [Part] = self.parts;
        let mut out = Vec::with_capacity(regions.len());
        for r in regions {
            let len = r.len().min(rest.len());
            let (parts, after) = std::mem::take(&mut rest).split_at_mut(len);
            rest = after;
            out.push(Claims {
                base: r.start,
                parts,
                repairs: Vec::new(),
            });
        }
        out
    }

    /// The repairs of the pieces [`Claims::split`] gave, in order.
    pub fn repaired_in(pieces: Vec<Claims<'_>>) -> Vec<Repair> {
        pieces.into_iter().flat_map(|c| c.repairs).collect()
    }

    /// Where block `i`'s part is kept in `parts`: beyond it when these
    /// claims do not hold it (a block below `base` wraps around).
    fn slot(&self, i: usize) -> usize {
        let at = i.wrapping_sub(self.base);
        debug_assert!(
            at < self.parts.len(),
            "block {i} read outside its region {}..{}",
            self.base,
            self.base + self.parts.len()
        );
        at
    }

    /// Record a repair a reader made.
    pub fn repaired(&mut self, repair: Repair) {
        self.repairs.push(repair);
    }

    /// Record the repairs `more` after those recorded so far.
    pub fn repaired_all(&mut self, more: Vec<Repair>) {
        self.repairs.extend(more);
    }

    /// The repairs the readers made, taken out.
    pub fn take_repairs(&mut self) -> Vec<Repair> {
        std::mem::take(&mut self.repairs)
    }

    /// Place block `i` in `part`.
    pub fn set(&mut self, i: usize, part: Part) {
        let at = self.slot(i);
        if let Some(p) = self.parts.get_mut(at) {
            *p = part;
        }
    }

    /// Place every block of `range` in `part`.
    pub fn set_all(&mut self, range: impl IntoIterator<Item = usize>, part: Part) {
        for i in range {
            self.set(i, part);
        }
    }

    /// The part block `i` was placed in so far.
    pub fn part(&self, i: usize) -> Part {
        let at = self.slot(i);
        self.parts.get(at).copied().unwrap_or(Part::Unplaced)
    }

    /// Has no reader placed block `i`?
    pub fn is_unplaced(&self, i: usize) -> bool {
        self.part(i) == Part::Unplaced
    }
}

/// A diagnostic of the parse.
pub(crate) fn diagnostic(
    severity: Severity,
    code: DiagnosticCode,
    message: String,
    span: Option<Span>,
) -> Diagnostic {
    Diagnostic::new(severity, code, message, span)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The short-needle search finds what `memmem` finds, first match
    /// included, on needles either side of [`SHORT_NEEDLE`].
    #[test]
    fn find_near_finds_what_memmem_finds() {
        let long = "ab".repeat(SHORT_NEEDLE);
        let hay = format!("a aab, Nordland og Sør-Trøndelag {long}b ab");
        for needle in [
            "",
            "a",
            "ab",
            "aab",
            "Sør-Trøndelag",
            "Trøndelag x",
            "b ab",
            long.as_str(),
            &long[1..],
            "zz",
        ] {
            assert_eq!(
                find_near(hay.as_bytes(), needle.as_bytes()),
                memchr::memmem::find(hay.as_bytes(), needle.as_bytes()),
                "{needle:?}"
            );
        }
    }

    /// A long needle is found where `memmem` finds it whether it stands
    /// at one of the first [`LONG_NEEDLE_TRIES`] places its first byte
    /// does, at a later one, right after them, or nowhere.
    #[test]
    fn find_near_finds_a_long_needle_at_any_try() {
        let needle = format!("T{}", "x".repeat(SHORT_NEEDLE));
        let near = format!("T{}", "x".repeat(SHORT_NEEDLE - 1));
        for before in 0..LONG_NEEDLE_TRIES + 3 {
            for after in ["", "T", "y", &near, &needle] {
                for lead in ["", "a", "TT"] {
                    let hay = format!("{lead}{}{needle}{after}", "Tx ".repeat(before));
                    for n in [needle.as_str(), &near, &needle[1..], &hay, "Tx T"] {
                        assert_eq!(
                            find_near(hay.as_bytes(), n.as_bytes()),
                            memchr::memmem::find(hay.as_bytes(), n.as_bytes()),
                            "{hay:?} {n:?}"
                        );
                    }
                    let none = format!("{lead}{}{near}", "Tx ".repeat(before));
                    assert_eq!(find_near(none.as_bytes(), needle.as_bytes()), None);
                }
            }
        }
    }
}

//! Layer 3: blocks → report parts.
//!
//! Headings are given a *role* from what they say (`Forord`, `… avsluttet i
//! 2020`, `Analyser levert …`, `Utgave 2 – 2020`, a section number), never
//! from their Markdown level. Major headings cut the document into
//! `Section`s, once, each with its role, the funding of the
//! projects it holds and its blocks. Each section is read by the part
//! readers in the sibling modules; a reader takes the document (read-only
//! to it), the section and the claims (which block went to which [`Part`]), and
//! returns its items and diagnostics. `read` runs them and is the one
//! place the [`Report`] is filled in.
//!
//! | module | part |
//! |---|---|
//! | `doc` | the document, its sections and the claims the readers share |
//! | `context` | what a text says about its projects: funding, status |
//! | [`front`] | title, year, table of contents, preface and signatory |
//! | `headings` | stand-alone lines that read as headings, whatever their markup |
//! | [`lists`] | portfolio lists, PhD lists, vendor lists, references, in a section or on a page |
//! | `page` | a single-project page: a heading and label lines (`Periode:`, `Prosjektleder:`) |
//! | [`projects`] | completed-project records, labelled or heading style |
//! | [`analyses`] | internal analyses grouped by edition |
//! | [`counts`] | counts the text states, checked against the items found |
//! | `checks` | the report's own statements (its contents, its headings) against what was read |
//! | [`dates`] | Norwegian dates |
//!
//! No reader imports from another: what they share is in `doc`, `context`,
//! [`crate::text`] and [`crate::lexicon`]. A region's readers (the page's,
//! a section's) claim only its blocks (`Claims::split`), and read no block
//! of a region before it: once a region is read, its texts but the
//! headings' are let go of. So the regions of a large text may be read side
//! by side (`Options::split_bytes`) and give the same report.

pub mod analyses;
mod checks;
mod context;
pub mod counts;
pub mod dates;
mod doc;
pub mod front;
mod headings;
mod hints;
pub mod lists;
mod page;
pub mod projects;

pub use hints::ReportHints;
pub(crate) use hints::{KnownLines, RecordingHints};

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use crate::Format;
use crate::blocks::{Block, BlockKind, Repair};
use crate::lexicon::{self, Searchable};
use crate::model::{
    Analysis, Diagnostic, DiagnosticCode, Funding, Heading, PhdCandidate, PortfolioItem, Preface,
    Project, Publication, Report, Severity, StatedCount, Vendor,
};
use crate::source::Source;
use crate::text::{KeywordFilter, norm, shorten};
use context::{about_projects, funding_searched};
use doc::{Claims, Doc, Section, diagnostic};

/// How many characters of a heading a message quotes.
const HEADING_QUOTED: usize = 60;

/// Write onto `out` what `format!("{:?}", shorten(s, max))` gives: the
/// first `max` characters of `s` (and `…` when it has more) quoted as
/// [`std::fmt::Debug`] quotes a string. A heading's characters are mostly
/// ones that quoting leaves as they are ([`quoted_as_is`]); those are copied
/// as they stand, in one look at each character that also finds where to
/// cut, rather than through the formatter's escape of each character.
fn push_quoted(out: &mut String, s: &str, max: usize) {
    let mut end = s.len();
    let mut as_is = true;
    for (n, (i, c)) in s.char_indices().enumerate() {
        if n == max {
            end = i;
            break;
        }
        as_is &= quoted_as_is(c);
    }
    if !as_is {
        use std::fmt::Write;
        let _ = write!(out, "{:?}", shorten(s, max));
        return;
    }
    out.push('"');
    out.push_str(s.get(..end).unwrap_or(s));
    if end < s.len() {
        out.push('…');
    }
    out.push('"');
}

/// Does quoting a string as [`std::fmt::Debug`] does leave `c` as it is,
/// wherever it stands? Printable ASCII but `"` and `\\`, the letters (and
/// `×`, `÷`) of Latin-1 and the dashes, quotes and ellipsis of general
/// punctuation: all printable, none a combining mark (a test checks each).
fn quoted_as_is(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{c0}'..='\u{ff}' | '\u{2013}' | '\u{2014}' | '\u{2018}'..='\u{201d}' | '\u{2026}')
        && c != '"'
        && c != '\\'
}

/// Which part of the report a block was placed in (see `fou explain`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Part {
    /// Title page.
    Front,
    /// Table of contents.
    Toc,
    /// Preface and signature.
    Preface,
    /// A heading of the outline.
    Heading,
    /// A completed-project record.
    Project,
    /// A portfolio list item.
    Portfolio,
    /// An internal analysis.
    Analysis,
    /// A publication reference.
    Publication,
    /// A PhD list item.
    Phd,
    /// A vendor list item.
    Vendor,
    /// Running text of a known section.
    Prose,
    /// Text before the first heading that no part claimed.
    Unplaced,
    /// Page furniture: page numbers, bullets alone on a line.
    Furniture,
}

impl Part {
    /// Every part, in the order `fou explain --help` lists them.
    ///
    /// ```
    /// assert_eq!(fou::Part::ALL.len(), 13);
    /// assert_eq!(fou::Part::ALL[0], fou::Part::Front);
    /// ```
    pub const ALL: [Part; 13] = [
        Part::Front,
        Part::Toc,
        Part::Preface,
        Part::Heading,
        Part::Project,
        Part::Portfolio,
        Part::Analysis,
        Part::Publication,
        Part::Phd,
        Part::Vendor,
        Part::Prose,
        Part::Unplaced,
        Part::Furniture,
    ];

    /// What the part holds, in a few words (for `fou explain --help`).
    ///
    /// ```
    /// assert_eq!(fou::Part::Toc.description(), "the table of contents");
    /// ```
    pub fn description(self) -> &'static str {
        match self {
            Part::Front => "the title page: title, year, text before the first section",
            Part::Toc => "the table of contents",
            Part::Preface => "the preface (Forord) and its signature",
            Part::Heading => "a heading of the outline (a section or a theme)",
            Part::Project => "a completed-project record (its fields and summary)",
            Part::Portfolio => "an item of a list of ongoing or newly granted projects",
            Part::Analysis => "an internal analysis (title, authors, abstract)",
            Part::Publication => "a publication reference",
            Part::Phd => "an item of a list of PhD candidates",
            Part::Vendor => "an item of a list of framework-agreement vendors",
            Part::Prose => "running text of a section, kept but not read into items",
            Part::Unplaced => "text no part claimed",
            Part::Furniture => "page furniture: a page number, a bullet alone on its line",
        }
    }

    /// Short lower-case name.
    ///
    /// ```
    /// assert_eq!(fou::Part::Portfolio.as_str(), "portfolio");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Part::Front => "front",
            Part::Toc => "toc",
            Part::Preface => "preface",
            Part::Heading => "heading",
            Part::Project => "project",
            Part::Portfolio => "portfolio",
            Part::Analysis => "analysis",
            Part::Publication => "publication",
            Part::Phd => "phd",
            Part::Vendor => "vendor",
            Part::Prose => "prose",
            Part::Unplaced => "unplaced",
            Part::Furniture => "furniture",
        }
    }
}

impl Part {
    /// Was a block of this part read by a part reader (or is it a heading
    /// of the outline)? Prose is kept but not read into items, unplaced
    /// text was not placed at all, and page furniture is not text.
    ///
    /// ```
    /// assert!(fou::Part::Project.is_read());
    /// assert!(!fou::Part::Prose.is_read());
    /// ```
    pub fn is_read(self) -> bool {
        !matches!(self, Part::Prose | Part::Unplaced | Part::Furniture)
    }
}

/// The share of the text's non-blank lines that a part reader read
/// ([`Part::is_read`]), page furniture left out of the count, rounded to
/// three decimals; 0 when there are no lines. A text whose headings or
/// records were missed has its items' lines in prose or unplaced, and a
/// low figure.
///
/// `feed_starts`: the text's line starts when its lines end in line feeds
/// alone ([`crate::LineIndex`]): then each block's lines are told by them
/// ([`non_blank_lines_by_starts`]), not found by a search for each line's
/// end.
pub(crate) fn coverage(
    text: &str,
    blocks: &[Block],
    parts: &[Part],
    feed_starts: Option<&[u32]>,
) -> f64 {
    let (mut read, mut all) = (0usize, 0usize);
    let mut after = 0;
    for (b, &part) in blocks.iter().zip(parts) {
        let lines = match feed_starts {
            Some(starts) => non_blank_lines_by_starts(text, starts, b.start..b.end, &mut after),
            None => non_blank_lines(text.get(b.start..b.end).unwrap_or("")),
        };
        all += lines;
        read += if part.is_read() { lines } else { 0 };
    }
    if all == 0 {
        return 0.0;
    }
    (read as f64 / all as f64 * 1000.0).round() / 1000.0
}

/// [`non_blank_lines`] of `text[span]`, told by `starts`, the line starts
/// of a text whose lines end in line feeds alone
/// ([`crate::LineIndex::feed_line_starts`]): the line feeds in the span are
/// the bytes before the starts after its first byte, up to its end. The
/// starts up to the span's start are counted on from `after`, the count for
/// the last span (the blocks come in order), and `after` is left at them.
fn non_blank_lines_by_starts(
    text: &str,
    starts: &[u32],
    span: std::ops::Range<usize>,
    after: &mut usize,
) -> usize {
    // (the starts are `u32`: the text, and so the span, is under 4 GiB)
    let (Some(_), Ok(first)) = (text.get(span.clone()), u32::try_from(span.start)) else {
        return 0;
    };
    let j = crate::source::count_at_or_before(starts, first, *after);
    *after = j;
    let holds_text = |from: usize, to: usize| {
        let line = text.get(from..to).unwrap_or("");
        line.as_bytes().first().is_some_and(u8::is_ascii_graphic)
            || !crate::text::trim(line).is_empty()
    };
    let mut n = 0;
    let mut from = span.start;
    for &t in starts.get(j..).unwrap_or_default() {
        let t = t as usize;
        if t > span.end {
            break;
        }
        n += usize::from(holds_text(from, t - 1));
        from = t;
    }
    n + usize::from(holds_text(from, span.end))
}

/// How many of `text`'s lines ([`str::lines`]) hold more than white space.
/// Line feeds are found with `memchr`, and a line that starts with a
/// visible ASCII character (most) is not read further.
fn non_blank_lines(text: &str) -> usize {
    let mut start = 0;
    let mut n = 0;
    for end in memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]) {
        let line = text.get(start..end).unwrap_or("");
        let visible = line.as_bytes().first().is_some_and(u8::is_ascii_graphic);
        n += usize::from(visible || !crate::text::trim(line).is_empty());
        start = end + 1;
    }
    n
}

/// What a heading announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// `Forord`
    Preface,
    /// `Innhold`, `Innholdsfortegnelse`
    Toc,
    /// Completed projects (`… avsluttet i 2020`, `Oversikt avsluttede prosjekter`).
    Completed(Option<Funding>),
    /// Internal analyses (`Analyser levert i 2020`, `Interne analyser`).
    Analyses,
    /// `Utgave N – YEAR`
    Edition(u32, Option<i32>),
    /// A section about one funding kind (`Bidragsfinansierte prosjekter`, `FoU-oppdrag`).
    FundingIntro(Funding),
    /// A numbered section heading (`3.1 …`) or `Vedlegg`, with no special meaning.
    Section,
    /// A heading the table of contents lists at the top level; it ends a
    /// section unless it stands inside a completed-projects section, where
    /// unnumbered top-level entries are themes.
    TocSection,
    /// Any other heading: a theme, a sub-heading.
    Generic,
}

impl Role {
    /// Major roles end the current section.
    ///
    /// ```
    /// use fou::sections::Role;
    /// assert!(Role::Preface.is_major());
    /// assert!(!Role::Generic.is_major());
    /// ```
    pub fn is_major(self) -> bool {
        !matches!(self, Role::Generic | Role::Edition(..))
    }
}

fn strip_number(title: &str) -> &str {
    let t = crate::text::trim_start(title);
    // The number's digits and dots are ASCII: counted by bytes, as many
    // as characters.
    let n = t
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.')
        .count();
    match t.get(n..) {
        Some(rest) if n > 0 && rest.starts_with(' ') => crate::text::trim_start(rest),
        _ => t,
    }
}

fn has_number(title: &str) -> bool {
    strip_number(title).len() != crate::text::trim_start(title).len()
}

/// A heading about one funding kind is short (`Bidragsfinansierte
/// prosjekter`, `Nye FoU-oppdrag i 2021`); a longer one that names a funding
/// kind is a theme.
const FUNDING_INTRO_MAX_WORDS: usize = 4;

/// Classify a heading by what it says.
///
/// ```
/// use fou::sections::{role_of, Role};
/// use fou::Funding;
/// assert_eq!(role_of("Forord", false), Role::Preface);
/// assert_eq!(role_of("Oppdragsprosjekter avsluttet i 2020", false), Role::Completed(Some(Funding::Oppdrag)));
/// assert_eq!(role_of("Utgave 2 – 2020", false), Role::Edition(2, Some(2020)));
/// assert_eq!(role_of("Arbeid og helse", false), Role::Generic);
/// assert_eq!(role_of("Oppdragsgiver: NAV", false), Role::Generic);
/// ```
pub fn role_of(title: &str, top_level_in_toc: bool) -> Role {
    match role_in(title, &norm(title)) {
        Role::Generic if top_level_in_toc => Role::TocSection,
        r => r,
    }
}

/// [`norm`] of [`strip_number`]`(title)`, given `t`, [`norm`] of the title:
/// the number `strip_number` cuts off is the title's first word (digits
/// and dots, followed by a space), which lower-casing keeps as it is; the
/// rest are the words after it.
pub(crate) fn norm_bare<'t>(title: &str, t: &'t str) -> &'t str {
    if has_number(title) {
        t.split_once(' ').map_or("", |(_, rest)| rest)
    } else {
        t
    }
}

/// The keywords a heading's role may turn on (the rest are asked only of a
/// heading with one of [`lexicon::PROJECTS`] or [`lexicon::ANALYSES`]).
static ROLE_WORDS: LazyLock<KeywordFilter> = LazyLock::new(|| {
    KeywordFilter::new(&[
        lexicon::PREFACE_TITLES,
        lexicon::TOC_TITLES,
        lexicon::PROJECTS,
        lexicon::ANALYSES,
        lexicon::APPENDIX_TITLES,
    ])
});

/// [`role_of`]`(title, false)`, with `t()` giving [`norm`] of the title
/// (which may be shared: a block's normalised text, [`doc::Views`]). Most
/// headings name none of [`ROLE_WORDS`], and `t` is not asked of them: such
/// a title reads as one with no words at all, as every test of its words
/// says no.
pub(crate) fn role_with<'t>(title: &str, t: impl FnOnce() -> Cow<'t, str>) -> Role {
    if ROLE_WORDS.may_match(title) {
        role_in(title, &t())
    } else {
        role_in(title, "")
    }
}

/// [`role_of`]`(title, false)`, given `t`, [`norm`] of the title.
pub(crate) fn role_in(title: &str, t: &str) -> Role {
    // `Oppdragsgiver: NAV` on a project's page is a field, not a section.
    if context::is_page_label(title) {
        return Role::Generic;
    }
    let bare = strip_number(title);
    let numbered = bare.len() != crate::text::trim_start(title).len();
    let t = if numbered {
        t.split_once(' ').map_or("", |(_, rest)| rest)
    } else {
        t
    };
    // A title that names no keyword ([`role_with`]) is read by its number
    // and whether it states an edition: every test of its words says no.
    if t.is_empty() {
        return match edition_of(bare) {
            Some((n, y)) => Role::Edition(n, y),
            None if numbered => Role::Section,
            None => Role::Generic,
        };
    }
    let first_word = t.split(' ').next().unwrap_or("");
    if lexicon::PREFACE_TITLES.contains(&first_word) {
        return Role::Preface;
    }
    if lexicon::TOC_TITLES.iter().any(|w| t.starts_with(w)) {
        return Role::Toc;
    }
    if let Some((n, y)) = edition_of(bare) {
        return Role::Edition(n, y);
    }
    // The set of the title's bytes filled once for all the keyword tests
    // ([`lexicon::has_any`], [`about_projects`], [`context::funding_of`]).
    let s = Searchable::new(t);
    let about_projects = about_projects(&s);
    if about_projects && s.has_any(lexicon::FINISHED) {
        return Role::Completed(funding_searched(&s));
    }
    if s.has_any(lexicon::ANALYSES) && !about_projects && s.has_any(lexicon::ANALYSES_SECTION) {
        return Role::Analyses;
    }
    if about_projects
        && crate::text::norm_words(t) <= FUNDING_INTRO_MAX_WORDS
        && let Some(f) = funding_searched(&s)
    {
        return Role::FundingIntro(f);
    }
    if numbered || lexicon::APPENDIX_TITLES.contains(&first_word) {
        return Role::Section;
    }
    Role::Generic
}

/// The edition a title (its number cut off) states, if it states one.
fn edition_of(bare: &str) -> Option<(u32, Option<i32>)> {
    crate::grammar::may_be_edition(bare)
        .then(|| crate::grammar::whole(crate::grammar::edition_parser, crate::text::trim(bare)))
        .flatten()
}

/// The role of every heading, as `(block index, role)` in block order: what
/// it says ([`role_of`]) and whether the table of contents lists it at the
/// top level. The title has none. Only headings are listed (a vector per
/// block would cost a word per line of short-line input).
fn roles(
    blocks: &[Block],
    views: &doc::Views,
    claims: &Claims,
    toc: &front::Toc,
) -> Vec<(usize, Role)> {
    let mut roles: Vec<(usize, Role)> = blocks
        .iter()
        .enumerate()
        .filter(|&(i, b)| b.is_heading() && claims.part(i) != Part::Front)
        .map(|(i, b)| (i, views.role_listed(i, b.text(), toc)))
        .collect();
    // Inside a completed-projects section, unnumbered top-level entries are
    // themes, but a heading that announces a list ends the section.
    let mut in_completed = false;
    for (i, role) in &mut roles {
        match *role {
            Role::TocSection | Role::Generic
                if in_completed && announces_list(blocks, views, *i) =>
            {
                *role = Role::Section;
                in_completed = false;
            }
            Role::TocSection if in_completed => *role = Role::Generic,
            r if r.is_major() => in_completed = matches!(r, Role::Completed(_)),
            _ => {}
        }
    }
    // Collected from a filter, so grown by doubling: the spare room would
    // stay beside the items to the end of the parse.
    roles.shrink_to_fit();
    roles
}

/// Does heading `i` announce a list of PhD candidates, vendors or
/// publications (`Doktorgradsprosjekter`, `Publikasjoner`)? In a
/// completed-projects section such a heading is no theme: the list it heads
/// is no part of the project before it, whose record would run on into it
/// ([`roles`]). A heading that ends in a colon introduces a list inside the
/// section and announces none, and one that reads `Title, Institution`
/// heads a project's record (`Stipendiater i NAV, Fafo`).
fn announces_list(blocks: &[Block], views: &doc::Views, i: usize) -> bool {
    let text = blocks[i].text();
    !crate::text::trim_end(text).ends_with(':')
        && checks::list_kind(text, || views.norm(i, text)).is_some()
        && crate::grammar::project_line_parts(text).is_none_or(|p| p.institution_raw.is_none())
}

/// The items the sections hold, in document order, and what was wrong
/// with them.
#[derive(Default)]
struct Items<'a> {
    preface: Option<Preface<'a>>,
    projects: Pieces<Project<'a>>,
    portfolio: Pieces<PortfolioItem<'a>>,
    analyses: Pieces<Analysis<'a>>,
    publications: Pieces<Publication<'a>>,
    phd: Pieces<PhdCandidate<'a>>,
    vendors: Pieces<Vendor<'a>>,
    diagnostics: Vec<Diagnostic>,
}

/// A list of items read in pieces (a section's, the page's), joined once
/// all are read: a list grown section by section would, each time it grew,
/// stand beside a copy of itself at twice its length, beside every item
/// read so far (the parse's peak; a concatenation of reports has a list of
/// projects per report).
struct Pieces<T>(Vec<Vec<T>>);

impl<T> Default for Pieces<T> {
    fn default() -> Self {
        Pieces(Vec::new())
    }
}

impl<T> Pieces<T> {
    /// Add a piece (none if it is empty).
    fn push(&mut self, piece: Vec<T>) {
        if !piece.is_empty() {
            self.0.push(piece);
        }
    }

    /// Add `other`'s pieces after these.
    fn append(&mut self, other: Pieces<T>) {
        self.0.extend(other.0);
    }

    /// The pieces joined in order: the one piece itself, or one vector of
    /// their total length.
    fn into_vec(self) -> Vec<T> {
        let mut pieces = self.0;
        if pieces.len() <= 1 {
            return pieces.pop().unwrap_or_default();
        }
        let mut all = Vec::with_capacity(pieces.iter().map(Vec::len).sum());
        for piece in pieces {
            all.extend(piece);
        }
        all
    }
}

impl<'a> Items<'a> {
    /// Add the items `other` read after these (its preface, if it read
    /// one, in place of this one's, as a later preface section's would be).
    fn append(&mut self, other: Items<'a>) {
        if other.preface.is_some() {
            self.preface = other.preface;
        }
        self.projects.append(other.projects);
        self.portfolio.append(other.portfolio);
        self.analyses.append(other.analyses);
        self.publications.append(other.publications);
        self.phd.append(other.phd);
        self.vendors.append(other.vendors);
        self.diagnostics.extend(other.diagnostics);
    }

    /// Put the items into `report`, the diagnostics after its own.
    fn put_into(self, report: &mut Report<'a>) {
        report.preface = self.preface;
        report.projects = self.projects.into_vec();
        report.portfolio = self.portfolio.into_vec();
        report.analyses = self.analyses.into_vec();
        report.publications = self.publications.into_vec();
        report.phd = self.phd.into_vec();
        report.vendors = self.vendors.into_vec();
        // The lists grew by doubling: give back their room now, not once
        // the blocks are gone (`Report::shrink_to_fit`), for they share the
        // parse's peak with the blocks.
        report.shrink_items();
        report.diagnostics.extend(self.diagnostics);
    }
}

/// Read all parts of a report from its blocks into `report` (which holds
/// its source and the decoder's diagnostics), and say which part each block
/// was placed in.
///
/// The readers return values; this is the one place they are put into the
/// report. What order remains is data flowing one way:
///
/// 1. the front matter first: the title gives the year, and the table of
///    contents says which headings are top-level, which the roles need;
///    then the stand-alone lines that read as headings become headings
///    (`headings`), whatever their markup;
/// 2. the roles, then the sections (each with its funding), once;
/// 3. the page before the first section, then each section (the
///    *regions*; one after another, or side by side with `split`, which
///    gives the same report: a region's readers read and claim its blocks
///    only): a section's own reader (preface, completed projects,
///    analyses) claims its blocks *before* the lists are read, so that a
///    list inside a project's summary is no portfolio; then the lists; then
///    what is left is prose;
/// 4. after each of those regions, once its blocks are claimed, its stated
///    counts (list items, analyses and the table of contents state no
///    counts; a project's summary only publication counts) and its dates;
///    then, unless `keep_texts` is set, the texts of its blocks but the
///    headings' are let go (no reader reads them again, and they would
///    share the parse's peak with the items of every region after; with
///    `split`, once the window of regions it was read in is);
/// 5. the checks, which compare counts and items; which headings the
///    outline keeps (an inferred heading only where a reader placed it as
///    one); the self-checks against the outline and the claims (`checks`);
/// 6. unless `keep_texts` is set, the texts of the headings that are not
///    the outline's are let go too; then the outline.
///
/// The diagnostics come in this order: the items' (region by region), then
/// the dates', then step 5's in order.
pub(crate) fn read<'a>(
    src: &'a Source<'a>,
    mut blocks: Vec<Block<'a>>,
    mut report: Report<'a>,
    repairs: &mut Vec<Repair>,
    (keep_texts, split): (bool, bool),
    known: KnownLines,
) -> Read<'a> {
    let mut parts = vec![Part::Unplaced; blocks.len()];
    let mut claims = Claims::new(&mut parts);
    let views = doc::Views::new(blocks.len());
    let front = front::read_front(&blocks, &views, &mut claims);
    let placed = |i| !claims.is_unplaced(i);
    headings::infer(
        &mut blocks,
        &views,
        placed,
        &front.toc,
        &ReportHints,
        repairs,
    );
    crate::work::stage("front");
    let roles = roles(&blocks, &views, &claims, &front.toc);
    drop(views);
    let mut doc = Doc {
        src,
        blocks,
        roles,
        year: front.year,
        paragraph_titles: report.source.format == Format::Plain,
        known,
    };
    let sections = doc::sections(&doc);
    crate::work::stage("roles");
    // Before the items: the title's block may be prose, let go of with its region.
    report.title = front
        .title
        .map(|i| doc.text_at(i, crate::text::trim(doc.blocks[i].text())));
    report.year = front.year;
    let (items, stated) = read_items(&mut doc, &sections, &mut claims, (keep_texts, split));
    items.put_into(&mut report);
    report.stated_counts = stated.counts;
    report.dates = stated.dates.found;
    crate::work::stage("items");
    // The diagnostics found from here on, put into the report together
    // once the texts are let go (the report's vector grows then, not at
    // the peak).
    let mut late = stated.dates.diagnostics;
    late.extend(counts::check_counts(&doc, &sections, &report));
    late.extend(check_front(&doc, &sections, &report));
    let in_outline = outline_blocks(&doc, &claims, &front.toc);
    let read = (&claims, in_outline.as_slice());
    late.extend(self_check(&doc, &sections, read, &front.toc, &report));
    crate::work::stage("checks");
    if !keep_texts {
        doc.let_go_of_texts_but(&in_outline);
    }
    report.outline = outline(&doc, &in_outline);
    report.diagnostics.extend(late);
    repairs.extend(claims.take_repairs());
    crate::work::stage("outline");
    Read {
        report,
        blocks: doc.blocks,
        parts,
    }
}

/// Read the items of the page before the first section, then of each
/// section ([`Region`]s); after each region, its stated counts and dates
/// (its blocks are claimed then). Unless `keep_texts` is set, the texts of
/// the regions' blocks but the headings' are let go of once read: no reader
/// reads them again, and they would share the parse's peak with the items
/// of every region after.
///
/// With `split`, the regions are read side by side on the current rayon
/// pool, a window of them at a time ([`read_in_windows`]); else one after
/// another ([`read_in_turn`]). The report is the same: a reader reads and claims only its
/// own region's blocks ([`Claims`]).
fn read_items<'a>(
    doc: &mut Doc<'a>,
    sections: &[Section],
    claims: &mut Claims,
    (keep_texts, split): (bool, bool),
) -> (Items<'a>, Found<'a>) {
    let regions = regions(doc.blocks.len(), sections);
    let ranges: Vec<_> = regions.iter().map(Region::blocks).collect();
    let mut pieces = claims.split(&ranges);
    let (items, found) = if split {
        read_in_windows(doc, &regions, &mut pieces, keep_texts)
    } else {
        read_in_turn(doc, &regions, &mut pieces, keep_texts)
    };
    let repairs = Claims::repaired_in(pieces);
    claims.repaired_all(repairs);
    (items, found)
}

/// Read the regions one after another, each with its piece of the claims,
/// letting go of each one's texts once it is read unless `keep_texts`.
fn read_in_turn<'a>(
    doc: &mut Doc<'a>,
    regions: &[Region<'_>],
    pieces: &mut [Claims<'_>],
    keep_texts: bool,
) -> (Items<'a>, Found<'a>) {
    let mut items = Items::default();
    let mut stated = Stated::default();
    for (region, claims) in regions.iter().zip(pieces) {
        read_region(doc, region, claims, &mut items, &mut stated);
        if !keep_texts {
            doc.let_go_of_texts_but_headings(region.blocks());
        }
    }
    (items, stated.take())
}

/// How much of the text (in bytes of the input) the regions read side by
/// side at a time span ([`read_in_windows`]): the regions of a few reports,
/// enough to keep a few threads busy to the window's end, and few enough
/// that the texts held beyond those a parse in turn holds (the window's,
/// let go of once it is read) stay small beside the input.
const REGION_WINDOW_BYTES: usize = 512 << 10;

/// Read the regions side by side on the current rayon pool, a window of
/// [`REGION_WINDOW_BYTES`] at a time, each region with its piece of the
/// claims; after each window, unless `keep_texts`, let go of its texts but
/// the headings', as a parse in turn does after each region.
fn read_in_windows<'a>(
    doc: &mut Doc<'a>,
    regions: &[Region<'_>],
    pieces: &mut [Claims<'_>],
    keep_texts: bool,
) -> (Items<'a>, Found<'a>) {
    let mut items = Items::default();
    let mut found = Found::default();
    let mut first = 0;
    while first < regions.len() {
        let from = region_start(doc, &regions[first]);
        let mut end = first + 1;
        while end < regions.len() && region_start(doc, &regions[end]) - from < REGION_WINDOW_BYTES {
            end += 1;
        }
        let window = (&regions[first..end], &mut pieces[first..end]);
        read_side_by_side(doc, window, &mut items, &mut found);
        if !keep_texts {
            let blocks = regions[first].blocks().start..regions[end - 1].blocks().end;
            doc.let_go_of_texts_but_headings(blocks);
        }
        first = end;
    }
    crate::work::stage("regions read in parallel");
    (items, found)
}

/// Where `region` starts in the input (where its first block does, or the
/// text's end for an empty region).
fn region_start(doc: &Doc<'_>, region: &Region<'_>) -> usize {
    let at = doc.blocks.get(region.blocks().start);
    at.map_or(doc.src.text().len(), |b| b.start)
}

/// Read `regions` side by side on the current rayon pool, each with its
/// piece of the claims, and add what they give to `items` and `found` in
/// document order.
fn read_side_by_side<'a>(
    doc: &Doc<'a>,
    (regions, pieces): (&[Region<'_>], &mut [Claims<'_>]),
    items: &mut Items<'a>,
    found: &mut Found<'a>,
) {
    use rayon::prelude::*;
    let read: Vec<(Items<'a>, Found<'a>)> = (regions.par_iter())
        .zip(pieces)
        .map_init(Stated::default, |stated, (region, claims)| {
            let mut items = Items::default();
            read_region(doc, region, claims, &mut items, stated);
            (items, stated.take())
        })
        .collect();
    for (i, f) in read {
        items.append(i);
        found.append(f);
    }
}

/// A part of the document read on its own ([`read_items`]).
enum Region<'s> {
    /// The blocks before the first section (all of a text with none; then
    /// `whole`).
    Page { blocks: Range<usize>, whole: bool },
    /// A section.
    Section(&'s Section),
}

impl Region<'_> {
    /// The region's blocks.
    fn blocks(&self) -> Range<usize> {
        match self {
            Region::Page { blocks, .. } => blocks.clone(),
            Region::Section(sec) => sec.blocks(),
        }
    }
}

/// The page before the first section, then each section: together the
/// `n` blocks, in order.
fn regions(n: usize, sections: &[Section]) -> Vec<Region<'_>> {
    let first = sections.first().map_or(n, |s| s.heading);
    let page = Region::Page {
        blocks: 0..first,
        whole: sections.is_empty(),
    };
    std::iter::once(page)
        .chain(sections.iter().map(Region::Section))
        .collect()
}

/// Read a region's items into `items`, then its counts and dates into
/// `stated`.
fn read_region<'a>(
    doc: &Doc<'a>,
    region: &Region<'_>,
    claims: &mut Claims,
    items: &mut Items<'a>,
    stated: &mut Stated<'a>,
) {
    match *region {
        Region::Page { ref blocks, whole } => {
            for i in blocks.clone() {
                if claims.is_unplaced(i) && doc.blocks[i].is_heading() {
                    claims.set(i, Part::Heading);
                }
            }
            read_page(doc, blocks.clone(), whole, claims, items);
            // Blocks before the first section heading are front matter (a picture credit, a subtitle).
            for i in blocks.clone() {
                if claims.is_unplaced(i) {
                    claims.set(i, Part::Front);
                }
            }
            // The page has no funding context.
            stated.read(doc, claims, blocks.clone(), None);
        }
        Region::Section(sec) => {
            read_section(doc, sec, claims, items);
            stated.read(doc, claims, sec.blocks(), sec.funding);
        }
    }
}

/// What the running text states besides the items: counts and dates, read
/// region by region as the items are.
struct Stated<'a> {
    counts: counts::CountReader<'a>,
    dates: dates::Dates<'a>,
}

impl Default for Stated<'_> {
    fn default() -> Self {
        Stated {
            counts: counts::CountReader::new(),
            dates: dates::Dates::default(),
        }
    }
}

impl<'a> Stated<'a> {
    /// Read the counts and dates of the claimed region `blocks` (with its
    /// section's funding).
    fn read(
        &mut self,
        doc: &Doc<'a>,
        claims: &Claims,
        blocks: Range<usize>,
        funding: Option<Funding>,
    ) {
        self.counts.read(doc, claims, blocks.clone(), funding);
        self.dates.read(doc, blocks);
    }

    /// What was read so far, taken out (the readers' own state stays).
    fn take(&mut self) -> Found<'a> {
        Found {
            counts: std::mem::take(&mut self.counts.found),
            dates: std::mem::take(&mut self.dates),
        }
    }
}

/// The counts and dates [`Stated`] read.
#[derive(Default)]
struct Found<'a> {
    counts: Vec<StatedCount<'a>>,
    dates: dates::Dates<'a>,
}

impl<'a> Found<'a> {
    /// Add what `other` read after what this one did.
    fn append(&mut self, other: Found<'a>) {
        self.counts.extend(other.counts);
        self.dates.found.extend(other.dates.found);
        self.dates.diagnostics.extend(other.dates.diagnostics);
    }
}

/// What [`read`] gives: the report (its institutions not yet read), the
/// blocks back (their texts let go, unless kept, but for the outline's
/// headings), and the part each was placed in.
pub(crate) struct Read<'a> {
    pub report: Report<'a>,
    pub blocks: Vec<Block<'a>>,
    pub parts: Vec<Part>,
}

/// The self-checks (`checks`): sections the table of contents lists and the
/// text lacks, lists announced and not read, and whether the items are
/// clearly incomplete.
///
/// `read`: the claims, and the blocks of the outline's headings.
fn self_check(
    doc: &Doc<'_>,
    sections: &[Section],
    (claims, outline_blocks): (&Claims, &[(usize, u8)]),
    toc: &front::Toc,
    report: &Report,
) -> Vec<Diagnostic> {
    let mut out = checks::missing_toc_sections(doc, toc, outline_blocks);
    let empty = checks::empty_list_sections(doc, sections, claims);
    out.extend(checks::empty_list_warnings(doc, &empty));
    let short = counts::short_kinds(report);
    out.extend(checks::incomplete(&short, &empty));
    out
}

/// Read the blocks `body` before the first section (all of a text with
/// none, such as a web page): its lists wherever they stand, and, when
/// `whole` text is a page with no list of projects, a single project's page.
fn read_page<'a>(
    doc: &Doc<'a>,
    body: std::ops::Range<usize>,
    whole: bool,
    claims: &mut Claims,
    items: &mut Items<'a>,
) {
    let lists = lists::read_page_lists(doc, body.clone(), claims);
    if whole
        && lists.portfolio.is_empty()
        && let Some(p) = page::read_single_project(doc, body, claims)
    {
        items.portfolio.push(vec![p]);
    }
    items.portfolio.push(lists.portfolio);
    items.phd.push(lists.phd);
    items.vendors.push(lists.vendors);
    items.publications.push(lists.publications);
}

/// Read one section: its heading, its own reader's items, its lists, its prose.
fn read_section<'a>(doc: &Doc<'a>, sec: &Section, claims: &mut Claims, items: &mut Items<'a>) {
    claims.set(sec.heading, Part::Heading);
    match sec.role {
        Role::Preface => items.preface = Some(front::read_preface(doc, sec, claims)),
        Role::Completed(_) => items
            .projects
            .push(projects::read_completed(doc, sec, claims)),
        Role::Analyses => {
            let read = analyses::read_analyses(doc, sec, claims);
            items.analyses.push(read.items);
            items.diagnostics.extend(read.diagnostics);
        }
        Role::Toc => {
            for i in sec.body.clone() {
                if claims.is_unplaced(i) && !doc.blocks[i].is_heading() {
                    claims.set(i, Part::Toc);
                }
            }
        }
        _ => {}
    }
    let lists = lists::read_lists(doc, sec, claims);
    items.portfolio.push(lists.portfolio);
    items.phd.push(lists.phd);
    items.vendors.push(lists.vendors);
    items.publications.push(lists.publications);
    items.diagnostics.extend(claim_prose(doc, sec, claims));
}

/// Place what no reader claimed in a section as prose (or a heading); say
/// so when a section with no special meaning holds nothing else.
fn claim_prose(doc: &Doc<'_>, sec: &Section, claims: &mut Claims) -> Option<Diagnostic> {
    let mut prose = 0;
    for i in sec.body.clone() {
        if claims.is_unplaced(i) {
            let heading = doc.blocks[i].is_heading();
            claims.set(i, if heading { Part::Heading } else { Part::Prose });
            prose += usize::from(!heading);
        }
    }
    let generic = matches!(sec.role, Role::Section | Role::TocSection | Role::Generic);
    let only_prose = sec
        .body
        .clone()
        .all(|i| matches!(claims.part(i), Part::Prose | Part::Heading));
    (generic && prose > 0 && only_prose).then(|| {
        diagnostic(
            Severity::Info,
            DiagnosticCode::GenericSection,
            generic_message(doc.blocks[sec.heading].text(), prose),
            Some(doc.span_of(sec.heading)),
        )
    })
}

/// The message of a generic section titled `heading` with `prose` blocks of
/// prose: `section "…" holds no projects, lists or analyses; its 3 block(s)
/// are kept as prose` ([`push_quoted`]).
fn generic_message(heading: &str, prose: usize) -> String {
    use std::fmt::Write;
    let mut m = String::with_capacity(GENERIC_MESSAGE_ROOM + heading.len().min(HEADING_QUOTED * 4));
    m.push_str("section ");
    push_quoted(&mut m, heading, HEADING_QUOTED);
    m.push_str(" holds no projects, lists or analyses; its ");
    let _ = write!(m, "{prose}");
    m.push_str(" block(s) are kept as prose");
    m
}

/// Room for the words of [`generic_message`] beside its heading: sized once.
const GENERIC_MESSAGE_ROOM: usize = 96;

/// Say so when the text does not look like a FoU report at all.
fn check_front(doc: &Doc<'_>, sections: &[Section], r: &Report) -> Vec<Diagnostic> {
    let first = (!doc.blocks.is_empty()).then(|| doc.span_of(0));
    let mut out = Vec::new();
    let items = r.projects.len()
        + r.portfolio.len()
        + r.analyses.len()
        + r.publications.len()
        + r.phd.len()
        + r.vendors.len();
    if r.title.is_none() {
        out.push(diagnostic(
            Severity::Warning,
            DiagnosticCode::NoTitle,
            "expected a title naming the report and its year (e.g. `FoU-rapport 2020`) near the top".to_owned(),
            first,
        ));
    } else if r.year.is_none() {
        out.push(diagnostic(
            Severity::Warning,
            DiagnosticCode::NoYear,
            "the title gives no year".to_owned(),
            first,
        ));
    }
    if sections.is_empty() && r.preface.is_none() {
        // A page of project lists is no report, but not an error.
        let (severity, message) = if items == 0 {
            (
                Severity::Error,
                "found no report sections (Forord, project summaries, lists, analyses) and no items: is this a FoU report?"
                    .to_owned(),
            )
        } else {
            (
                Severity::Warning,
                format!(
                    "found no report sections (Forord, project summaries, analyses): read as a page, {items} item(s) from its lists or fields"
                ),
            )
        };
        out.push(diagnostic(
            severity,
            DiagnosticCode::NotAReport,
            message,
            first,
        ));
    }
    out
}

/// The blocks of the outline's headings in document order, with their
/// levels: a marked heading, and an inferred one where a reader placed it
/// as a heading (or as front matter).
fn outline_blocks(doc: &Doc<'_>, claims: &Claims, toc: &front::Toc) -> Vec<(usize, u8)> {
    // Sized once for every heading block (a few are left out): grown by
    // doubling, it added to the parse's peak.
    let headings = doc.blocks.iter().filter(|b| b.is_heading()).count();
    let mut at = Vec::with_capacity(headings);
    for (i, b) in doc.blocks.iter().enumerate() {
        let BlockKind::Heading { level } = b.kind else {
            continue;
        };
        let part = claims.part(i);
        // An inferred heading must stand as one: not a list's intro (`… pågikk 12 prosjekter:`).
        let inferred_ok = matches!(part, Part::Heading | Part::Front)
            && !crate::text::trim_end(b.text()).ends_with(':');
        if level.is_none() && !inferred_ok {
            continue;
        }
        let level = level.unwrap_or_else(|| {
            if part == Part::Front
                || doc.top_level(i, toc)
                || doc.role(i).is_some_and(Role::is_major)
            {
                1
            } else {
                2
            }
        });
        at.push((i, level));
    }
    at
}

/// The outline: the headings of `at` ([`outline_blocks`]), in order.
fn outline<'a>(doc: &Doc<'a>, at: &[(usize, u8)]) -> Vec<Heading<'a>> {
    at.iter()
        .map(|&(i, level)| Heading {
            level,
            title: doc.text_at(i, crate::text::trim(doc.blocks[i].text())),
            span: doc.span_of(i),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`strip_number`] cuts what it cut reading characters: numbers of
    /// digits and dots before a space or not, white space before them,
    /// letters beyond ASCII after them.
    #[test]
    fn the_number_cut_by_bytes_is_the_one_cut_by_characters() {
        let by_chars = |title: &str| -> String {
            let t = title.trim_start();
            let n = t
                .char_indices()
                .take_while(|(_, c)| c.is_ascii_digit() || *c == '.')
                .last()
                .map_or(0, |(i, c)| i + c.len_utf8());
            if n > 0 && t[n..].starts_with(' ') {
                t[n..].trim_start().to_owned()
            } else {
                t.to_owned()
            }
        };
        let pieces = ["1", ".", " ", "\u{a0}", "\t", "Ø", "a", "\u{663}"];
        let mut cut = 0;
        for title in crate::testing::concatenations(&pieces, 5) {
            let fast = strip_number(&title);
            assert_eq!(fast, by_chars(&title), "{title:?}");
            cut += usize::from(fast.len() < title.trim_start().len());
        }
        assert!(cut > 1000, "{cut}");
    }

    /// [`push_quoted`] writes what the formatter writes for a shortened
    /// heading: with quotes, backslashes, controls, combining marks (first
    /// and after a letter), Unicode spaces, soft hyphens, letters beyond
    /// Latin-1 and cuts on every character.
    #[test]
    fn quoted_as_the_formatter_quotes() {
        let pieces = [
            "a",
            " ",
            "\"",
            "\\",
            "\n",
            "\t",
            "\u{301}",
            "\u{a0}",
            "\u{ad}",
            "ø",
            "Å",
            "–",
            "…",
            "“",
            "\u{2019}",
            "\u{1f600}",
            "İ",
            "\u{7f}",
        ];
        for s in crate::testing::concatenations(&pieces, 3) {
            for max in [0, 1, 2, 3, HEADING_QUOTED] {
                let mut got = String::new();
                push_quoted(&mut got, &s, max);
                assert_eq!(got, format!("{:?}", shorten(&s, max)), "{s:?} {max}");
            }
        }
        let long = "Æ".repeat(HEADING_QUOTED + 1);
        assert_eq!(
            generic_message(&long, 12),
            format!(
                "section {:?} holds no projects, lists or analyses; its 12 block(s) are kept as prose",
                shorten(&long, HEADING_QUOTED)
            )
        );
    }

    /// Every character [`quoted_as_is`] lets through is written as it is,
    /// first in a string and after a letter.
    #[test]
    fn the_characters_left_as_they_are_are_left_as_they_are() {
        let mut through = 0;
        for c in (0..0x3000)
            .filter_map(char::from_u32)
            .filter(|&c| quoted_as_is(c))
        {
            assert_eq!(format!("{:?}", c.to_string()), format!("\"{c}\""), "{c:?}");
            assert_eq!(
                format!("{:?}", format!("a{c}")),
                format!("\"a{c}\""),
                "{c:?}"
            );
            through += 1;
        }
        assert_eq!(through, 95 - 2 + 64 + 2 + 6 + 1);
    }

    /// `non_blank_lines` counts what `str::lines` with `trim` counts, with
    /// line ends, white space and visible characters in every order.
    #[test]
    fn non_blank_lines_are_the_lines_that_trim_to_something() {
        let pieces = [
            "a", " ", "\n", "\r\n", "\r", "\t", "\u{a0}", "\u{2003}", "ø", "-",
        ];
        let mut seen = std::collections::BTreeSet::new();
        for text in crate::testing::concatenations(&pieces, 4) {
            let naive = text.lines().filter(|l| !l.trim().is_empty()).count();
            assert_eq!(non_blank_lines(&text), naive, "{text:?}");
            seen.insert(naive);
        }
        assert!(seen.len() >= 3, "{seen:?}");
    }

    /// The non-blank lines of spans of a text whose lines end in line
    /// feeds alone, told by its line starts, are those `non_blank_lines`
    /// finds: spans in order (as blocks come) and out of order, empty,
    /// reversed, ending on a line feed or at the text's end.
    #[test]
    fn non_blank_lines_told_by_line_starts_are_those_found() {
        let pieces = ["a", " ", "\n", "\t", "\u{a0}", "ø", "-", "\n\n", "xy"];
        let mut g = crate::testing::Gen(0x9e37_79b9_7f4a_7c15);
        for _ in 0..400 {
            let text: String = (0..g.below(24)).map(|_| g.pick(&pieces)).collect();
            let index = crate::LineIndex::new(&text);
            let Some(starts) = index.feed_line_starts() else {
                panic!("{text:?} ends its lines in line feeds alone");
            };
            let mut after = 0;
            let mut at = 0;
            for _ in 0..12 {
                let mut cut = || {
                    let mut i = g.below(text.len() + 1);
                    while !text.is_char_boundary(i) {
                        i -= 1;
                    }
                    i
                };
                let (mut s, mut e) = (cut(), cut());
                // Mostly in order and well formed, as blocks are.
                if g.below(4) != 0 {
                    s = s.max(at);
                    e = e.max(s);
                    at = s;
                }
                let want = non_blank_lines(text.get(s..e).unwrap_or(""));
                let got = non_blank_lines_by_starts(&text, starts, s..e, &mut after);
                assert_eq!(got, want, "{text:?} {s}..{e}");
            }
        }
    }

    /// A heading's role read without normalising it, where it names no
    /// keyword, is the role read from its normalised text: titles made of
    /// every keyword a role turns on, numbers, editions and page labels.
    #[test]
    fn a_role_read_as_the_title_stands_is_the_role_of_its_normalised_text() {
        let pieces = [
            "Forord",
            "INNHOLD",
            "Vedlegg",
            "Prosjekter",
            "oppdrag",
            "ANALYSER",
            "levert",
            "avsluttet",
            "Bidrag",
            "3.1",
            "Utgave 2 – 2020",
            "Status:",
            "Periode: 2020",
            "Arbeid",
            " ",
            "\u{a0}",
            "\u{130}",
        ];
        let mut roles = std::collections::BTreeSet::new();
        for title in crate::testing::concatenations(&pieces, 3) {
            let role = role_in(&title, &norm(&title));
            assert_eq!(role_with(&title, || norm(&title).into()), role, "{title:?}");
            roles.insert(format!("{role:?}"));
        }
        assert!(roles.len() >= 8, "{roles:?}");
    }

    #[test]
    fn a_title_without_its_number_normalises_as_a_slice_of_the_title() {
        let titles = [
            "",
            "3",
            "3.1 ",
            "3.1  Nye  PROSJEKTER",
            " 12. Forord",
            "3.1.\u{a0}Nye",
            "3.1 \u{a0}Nye prosjekter 7",
            "3.1\tNye",
            "2020 Avsluttede prosjekter",
            "Innhold",
            "1.2.3 ΟΔΟΣ Σ",
        ];
        for title in titles {
            assert_eq!(
                norm_bare(title, &norm(title)),
                norm(strip_number(title)),
                "{title:?}"
            );
        }
    }
}

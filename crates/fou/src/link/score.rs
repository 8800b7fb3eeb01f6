//! The evidence two appearances give of being one project: a score and the
//! reason in words, or no link.

pub(crate) use super::title::Scratch;
use std::collections::HashMap;

use rayon::prelude::*;

use super::title::{MAX_SIMILARITY, Title, content_words, number_words, similarity};
use super::{Appearance, AppearanceKind};
use crate::model::Period;
use crate::registry::Registry;

/// The least score that links two appearances. A title alike in most of its
/// content words (0.85 of the mean of containment and Dice) links on its
/// own; a looser one (two words of three shared, 0.67) needs a shared
/// institution (+0.15) and a plausible period (+0.05) to reach it, so two
/// evaluations of different things by one institute that differ in one
/// noun of three stay apart; a disjoint set of known institutions (−0.35)
/// keeps even a near-identical title below it. Set on the tuning part of
/// the measuring set (`tests/fixtures/links`): its weakest true link scored
/// 0.875, its strongest false one 0.817.
pub const LINK_THRESHOLD: f64 = 0.85;

/// The least title similarity for any link: institutions and periods
/// confirm a title, they never stand in for one.
pub const MIN_TITLE_SIMILARITY: f64 = 0.5;

/// Added when both give the same period: lists of one project repeat it.
const SAME_PERIOD: f64 = 0.1;

/// Fewest title words two different titles must share: one word in common
/// (`jobbklubber`) is a topic, not a project.
const MIN_SHARED_WORDS: usize = 2;

/// Shortest word of an institution's name that may tie two names written
/// differently (`nr`, `as` and initials are too short to tell).
const MIN_NAME_WORD: usize = 3;

/// Added when the two share an institution (by registry id or parent, or by
/// the name as written when the registry does not know it).
const SHARED_INSTITUTION: f64 = 0.15;

/// Subtracted when both name institutions the registry knows and none is
/// shared: a project rarely changes hands entirely.
const DISJOINT_INSTITUTIONS: f64 = 0.35;

/// Subtracted when both name institutions, one or both unknown to the
/// registry, and no name is shared: weaker, as the writing may differ.
const DISJOINT_NAMES: f64 = 0.1;

/// The least total a pair that may be linked can have: the least title
/// similarity, less the most that institutions take off (periods only
/// add). Not below 0: a sum of pairs' totals only grows as pairs are added,
/// which the cohesion check's early answer rests on (`grow::coheres`).
pub(crate) const LEAST_TOTAL: f64 = MIN_TITLE_SIMILARITY - DISJOINT_INSTITUTIONS;
const _: () = assert!(
    LEAST_TOTAL >= 0.0
        && DISJOINT_NAMES <= DISJOINT_INSTITUTIONS
        && SHARED_INSTITUTION >= 0.0
        && SAME_PERIOD >= 0.0
        && PLAUSIBLE_PERIOD >= 0.0
);

/// Added when the periods and years agree (a completed project within its
/// listed period or the year after it).
const PLAUSIBLE_PERIOD: f64 = 0.05;

/// Start years of one project may differ by this much between lists (a
/// grant year and a first year of work).
const MAX_START_SHIFT: i32 = 1;

/// What one appearance gives the matcher, read once.
#[derive(Debug, Clone)]
pub(crate) struct Read {
    title: Title,
    /// Institution keys: registry ids with their parents', or folded names
    /// as written when none resolved.
    institutions: Vec<String>,
    /// True when the keys are registry ids.
    known: bool,
    /// Display names, parallel to `institutions`.
    names: Vec<String>,
    /// Distinctive words of the institution text as written (no
    /// [`INSTITUTION_GENERIC`](crate::lexicon::INSTITUTION_GENERIC) words).
    raw_words: Vec<String>,
    /// `institutions` as numbers, one for each distinct key among the
    /// appearances read together ([`read_all`]).
    institution_numbers: Vec<u32>,
    /// `raw_words` as numbers, likewise.
    raw_word_numbers: Vec<u32>,
    /// The appearance's text and kind, and its dates: what [`parts`] reads
    /// of it, kept here with the rest it reads (a pair weighed for cohesion
    /// reads two appearances far apart in memory).
    text_kind: (usize, AppearanceKind),
    dates: Dates,
}

impl Read {
    pub(crate) fn new(a: &Appearance, registry: &Registry) -> Read {
        let (mut institutions, mut names) = (Vec::new(), Vec::new());
        for id in &a.institution_ids {
            let mut at = registry.get(id);
            if at.is_none() {
                push(&mut institutions, &mut names, id, id);
            }
            // A department counts as its institution too (a bounded walk).
            for _ in 0..8 {
                let Some(inst) = at else { break };
                push(&mut institutions, &mut names, &inst.id, &inst.name);
                at = inst.parent.as_deref().and_then(|p| registry.get(p));
            }
        }
        // Names the registry does not know count as written, folded.
        let refs = a
            .institution_raw
            .as_deref()
            .map(|r| registry.refs(r))
            .unwrap_or_default();
        let mut known = !institutions.is_empty();
        for r in refs.iter().filter(|r| r.id.is_none()) {
            let folded = content_words(&r.raw).join(" ");
            if !folded.is_empty() {
                known = false;
                push(&mut institutions, &mut names, &format!("~{folded}"), &r.raw);
            }
        }
        let raw_words = a
            .institution_raw
            .as_deref()
            .map(content_words)
            .unwrap_or_default()
            .into_iter()
            .filter(|w| {
                w.chars().count() >= MIN_NAME_WORD
                    && !crate::lexicon::INSTITUTION_GENERIC.contains(&w.as_str())
            })
            .collect();
        Read {
            title: Title::new(&a.title),
            institutions,
            known,
            names,
            raw_words,
            institution_numbers: Vec::new(),
            raw_word_numbers: Vec::new(),
            text_kind: (a.text, a.kind),
            dates: Dates::of(a),
        }
    }

    /// The numbers of the title's words' block keys, each once.
    pub(crate) fn keys(&self) -> Vec<u32> {
        let words = self.title.numbers.all().iter();
        let mut keys: Vec<u32> = words.map(|w| w.key).collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    /// The whole title's words' numbers, in the words' order
    /// ([`Title::word_numbers`]).
    pub(crate) fn word_numbers(&self) -> impl Iterator<Item = u32> + '_ {
        self.title.word_numbers()
    }

    pub(crate) fn title_words(&self) -> &[String] {
        self.title.words()
    }
}

/// The appearances read (in parallel on the current rayon pool), their
/// titles' words, institution keys and institution words numbered together
/// (on this thread): what [`score`] compares.
pub(crate) fn read_all(all: &[Appearance], registry: &Registry) -> Vec<Read> {
    let mut read: Vec<Read> = all.par_iter().map(|a| Read::new(a, registry)).collect();
    let titles: Vec<&Title> = read.iter().map(|r| &r.title).collect();
    let titles = number_words(&titles);
    let names = number_names(&read);
    for ((r, title), names) in read.iter_mut().zip(titles).zip(names) {
        r.title.numbers = title;
        (r.institution_numbers, r.raw_word_numbers) = names;
    }
    read
}

/// Each appearance's institution keys and institution words as numbers,
/// one for each distinct text (only their equality matters).
fn number_names(read: &[Read]) -> Vec<(Vec<u32>, Vec<u32>)> {
    let mut seen: HashMap<&str, u32, foldhash::fast::RandomState> = HashMap::default();
    let mut out = Vec::with_capacity(read.len());
    for r in read {
        let institutions = numbered(&r.institutions, &mut seen);
        let raw_words = numbered(&r.raw_words, &mut seen);
        out.push((institutions, raw_words));
    }
    out
}

/// `texts` as the numbers `seen` gives them (a new one for a text not seen
/// before).
fn numbered<'t>(
    texts: &'t [String],
    seen: &mut HashMap<&'t str, u32, foldhash::fast::RandomState>,
) -> Vec<u32> {
    let mut numbers = Vec::with_capacity(texts.len());
    for text in texts {
        let next = seen.len() as u32;
        numbers.push(*seen.entry(text.as_str()).or_insert(next));
    }
    numbers
}

fn push(keys: &mut Vec<String>, names: &mut Vec<String>, key: &str, name: &str) {
    if !keys.iter().any(|k| k == key) {
        keys.push(key.to_owned());
        names.push(name.to_owned());
    }
}

/// A scored link between appearances `i < j`, with what its reason will
/// say ([`Link::reason`] writes it, for the links a group is grown by).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Link<'r> {
    pub i: usize,
    pub j: usize,
    pub score: f64,
    /// The titles' similarity.
    sim: f64,
    inst: Option<InstitutionsWhy<'r>>,
    period: Option<PeriodWhy>,
}

impl<'r> Link<'r> {
    /// The link's reason in words: the two appearances, how alike their
    /// titles are and on which words (compared again: a kept link holds no
    /// words), then the institutions' and periods' parts. Written only for
    /// a link that joins groups: in a collection holding one text many
    /// times most kept pairs are not needed.
    pub(crate) fn reason(
        &self,
        all: &[Appearance],
        read: &'r [Read],
        scratch: &mut Scratch<'r>,
    ) -> String {
        let (a, b) = (&all[self.i], &all[self.j]);
        title_similarity(&read[self.i].title, &read[self.j].title, scratch);
        let mut reason = format!(
            "{} ↔ {}: titles {:.2} alike ({})",
            label(a),
            label(b),
            self.sim,
            scratch
                .best()
                .iter()
                .map(|w| w.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
        let inst = self.inst.map(|w| w.why(&read[self.i], &read[self.j]));
        for why in [inst, self.period.map(|p| p.to_string())]
            .into_iter()
            .flatten()
        {
            reason.push_str(", ");
            reason.push_str(&why);
        }
        reason
    }
}

/// Score a candidate pair: its total (`None` when it may not be linked at
/// all), and its link when the total reaches `threshold` (boxed: the
/// totals of every pair are kept, the links of few).
pub(crate) fn score<'r>(
    all: &[Appearance],
    read: &'r [Read],
    (i, j): (usize, usize),
    threshold: f64,
    scratch: &mut Scratch<'r>,
) -> (Option<f64>, Option<Box<Link<'r>>>) {
    let Some(parts) = parts(all, read, (i, j), scratch) else {
        return (None, None);
    };
    let score = parts.total();
    // (as a filter on `>=` would: no pair reaches a NaN threshold)
    let reaches = score >= threshold;
    if !reaches {
        return (Some(score), None);
    }
    let link = Link {
        i,
        j,
        score,
        sim: parts.sim,
        inst: parts.inst.1,
        period: parts.period.1,
    };
    (Some(score), Some(Box::new(link)))
}

/// The totals of the candidate pairs, as [`score`] gave them, for the
/// cohesion check to look up instead of scoring a pair again: merging
/// groups of many appearances weighs every pair across them. Kept by row
/// (each appearance's later partners together, in order), so a look-up
/// searches one appearance's few partners, not every pair's.
#[derive(Debug, Default)]
pub(crate) struct Totals {
    /// Where appearance `i`'s partners start in `partners`, and where they
    /// end (at `starts[i + 1]`).
    starts: Vec<usize>,
    /// The later partners of each appearance, in order.
    partners: Vec<usize>,
    /// Each pair's total, `None` when it may not be linked; parallel to
    /// `partners`.
    totals: Vec<Option<f64>>,
}

impl Totals {
    /// The totals of `pairs` (`i < j`, in order), parallel to them.
    pub(crate) fn new(pairs: Vec<(usize, usize)>, totals: Vec<Option<f64>>) -> Totals {
        debug_assert_eq!(pairs.len(), totals.len());
        debug_assert!(pairs.windows(2).all(|w| w[0] < w[1]), "pairs in order");
        let rows = pairs.last().map_or(0, |&(i, _)| i + 1);
        let mut starts = vec![0; rows + 1];
        for &(i, _) in &pairs {
            if let Some(end) = starts.get_mut(i + 1) {
                *end += 1;
            }
        }
        for k in 1..starts.len() {
            starts[k] += starts[k - 1];
        }
        let partners = pairs.iter().map(|&(_, j)| j).collect();
        Totals {
            starts,
            partners,
            totals,
        }
    }

    /// The total of the pair `i < j`: `None` when it was not a candidate,
    /// `Some(None)` when it may not be linked.
    pub(crate) fn get(&self, (i, j): (usize, usize)) -> Option<Option<f64>> {
        let (from, to) = (*self.starts.get(i)?, *self.starts.get(i + 1)?);
        let row = self.partners.get(from..to)?;
        let at = row.binary_search(&j).ok()?;
        self.totals.get(from + at).copied()
    }
}

/// What a candidate pair's score is made of ([`score`] adds it up); the
/// shared title words are in the scratch the parts were read with.
pub(crate) struct Parts<'r> {
    /// The titles' similarity.
    sim: f64,
    /// The institutions' and the periods' parts, with what their reasons
    /// will say.
    inst: (f64, Option<InstitutionsWhy<'r>>),
    period: (f64, Option<PeriodWhy>),
}

impl Parts<'_> {
    pub(crate) fn total(&self) -> f64 {
        self.sim + self.inst.0 + self.period.0
    }
}

/// The parts of a candidate pair's score, or `None` when it may not be
/// linked at all.
pub(crate) fn parts<'r>(
    all: &[Appearance],
    read: &'r [Read],
    (i, j): (usize, usize),
    scratch: &mut Scratch<'r>,
) -> Option<Parts<'r>> {
    let (a, b) = (&read[i], &read[j]);
    debug_assert_eq!(a.text_kind, (all[i].text, all[i].kind));
    if a.text_kind == b.text_kind {
        return None;
    }
    let sim = title_similarity(&a.title, &b.title, scratch);
    let same_words = || a.word_numbers().eq(b.word_numbers());
    if sim < MIN_TITLE_SIMILARITY || (scratch.best().len() < MIN_SHARED_WORDS && !same_words()) {
        return None;
    }
    Some(Parts {
        sim,
        inst: institutions(a, b),
        period: periods(a.dates, b.dates).ok()?,
    })
}

fn label(a: &Appearance) -> String {
    format!("{} {} {}", a.path, a.kind.as_str(), a.item)
}

/// The best similarity over the two titles' variants; its shared words are
/// left in `scratch` ([`Scratch::best`]). The first to reach
/// [`MAX_SIMILARITY`] is the best: no later one is above it.
fn title_similarity<'r>(a: &'r Title, b: &'r Title, scratch: &mut Scratch<'r>) -> f64 {
    let mut best = 0.0;
    scratch.clear_best();
    for x in a.numbered() {
        for y in b.numbered() {
            let s = similarity((x, y), (&a.acronyms, &b.acronyms), scratch);
            if s > best {
                best = s;
                scratch.keep();
                if best >= MAX_SIMILARITY {
                    return best;
                }
            }
        }
    }
    best
}

/// What the institutions' part of a pair's reason says (written only for
/// a kept pair, by [`InstitutionsWhy::why`]).
#[derive(Debug, Clone, Copy)]
enum InstitutionsWhy<'r> {
    /// Both name this institution (the first shared, as `a` names it).
    Shared(&'r str),
    /// Both write this word of a name the registry does not know.
    Written(&'r str),
    /// Both name known institutions, none shared.
    Disjoint,
    /// Both name institutions, some unknown, and no name is shared.
    Differently,
}

impl InstitutionsWhy<'_> {
    /// The reason in words, for the pair `a`, `b` it was read from.
    fn why(self, a: &Read, b: &Read) -> String {
        match self {
            InstitutionsWhy::Shared(name) => format!("both at {name}"),
            InstitutionsWhy::Written(word) => format!("both name {word}"),
            InstitutionsWhy::Disjoint => {
                format!("but {} ≠ {}", a.names.join("/"), b.names.join("/"))
            }
            InstitutionsWhy::Differently => "institutions written differently".to_owned(),
        }
    }
}

/// Institutions' part of the score, with what its reason will say.
fn institutions<'r>(a: &'r Read, b: &Read) -> (f64, Option<InstitutionsWhy<'r>>) {
    if a.institutions.is_empty() || b.institutions.is_empty() {
        return (0.0, None);
    }
    // (compared by their numbers, which are equal when the texts are)
    let shared = a
        .institution_numbers
        .iter()
        .zip(&a.names)
        .find(|(k, _)| b.institution_numbers.contains(k))
        .map(|(_, n)| n.as_str());
    // A name the registry does not know may still be written with a known
    // one's word (`SINTEF Digital`, `Sintef`).
    let written = || {
        let numbers = a.raw_word_numbers.iter().zip(&a.raw_words);
        numbers
            .map(|(n, w)| (b.raw_word_numbers.contains(n), w))
            .find_map(|(shared, w)| shared.then_some(w))
            .filter(|_| !(a.known && b.known))
    };
    let why = if let Some(first) = shared {
        InstitutionsWhy::Shared(first)
    } else if let Some(word) = written() {
        InstitutionsWhy::Written(word)
    } else if a.known && b.known {
        return (-DISJOINT_INSTITUTIONS, Some(InstitutionsWhy::Disjoint));
    } else {
        return (-DISJOINT_NAMES, Some(InstitutionsWhy::Differently));
    };
    (SHARED_INSTITUTION, Some(why))
}

/// What [`periods`] reads of an appearance: its period, its text's year
/// and whether it is told as completed (a completed project, or an item
/// whose status says so).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Dates {
    period: Option<Period>,
    year: Option<i32>,
    completed: bool,
}

impl Dates {
    pub(crate) fn of(a: &Appearance) -> Dates {
        Dates {
            period: a.period,
            year: a.year,
            completed: a.kind == AppearanceKind::Project
                || a.status.as_deref() == Some("completed"),
        }
    }

    /// Whether appearances of these dates may be one project's (no
    /// [`Conflict`] between them): what [`DateSet::fits`] tells of every
    /// pair, which the tests check it by.
    #[cfg(test)]
    pub(crate) fn fit(self, other: Dates) -> bool {
        periods(self, other).is_ok()
    }
}

/// What [`periods`] reads of a set of [`Dates`] (a group's members') to
/// tell whether any of them rules out any of another set's: whether every
/// pair across two sets is free of [`Conflict`] is told by [`DateSet::fits`] from
/// these bounds alone, in time that does not grow with the distinct dates
/// (a project whose every text gives it its own year and period end).
///
/// Each of [`periods`]' conflicts is a comparison of one member's value
/// with another's, so it holds for some pair across two sets exactly when
/// it holds for the most extreme values: starts further apart than
/// [`MAX_START_SHIFT`] (the two sets' earliest and latest starts), a
/// listing after a completion (the latest listing year, the earliest
/// completion), two completion years, a completion before a start (the
/// latest start), long after an end (the earliest end), or a completion
/// in a year a listing of that year says still runs (the latest end of the
/// listings of each year).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct DateSet {
    /// The earliest and the latest period start.
    starts: Option<(i32, i32)>,
    /// The earliest period end.
    first_end: Option<i32>,
    /// The years told as completed, each once (one in a group whose
    /// members all fit).
    done: smallvec::SmallVec<[i32; 1]>,
    /// The latest year of a listing not told as completed.
    last_listed: Option<i32>,
    /// For each year of a listing not told as completed that gives a
    /// period, the latest end of those periods (a map, not a sorted list:
    /// joins add years in any order).
    running: std::collections::BTreeMap<i32, i32>,
}

impl DateSet {
    /// The set of one appearance's dates.
    pub(crate) fn of(d: Dates) -> DateSet {
        let mut set = DateSet::default();
        set.add(d);
        set
    }

    /// The set with `d` in it too.
    fn add(&mut self, d: Dates) {
        if let Some(p) = d.period {
            self.add_period(p.start, p.end);
        }
        match (d.year, d.completed) {
            (Some(y), true) => self.add_done(y),
            (Some(y), false) => {
                self.last_listed = self.last_listed.max(Some(y));
                if let Some(p) = d.period {
                    self.add_running(y, p.end);
                }
            }
            (None, _) => {}
        }
    }

    fn add_period(&mut self, start: i32, end: i32) {
        self.add_starts(start, start);
        self.add_end(end);
    }

    /// Starts from `lo` to `hi` added to the earliest and latest.
    fn add_starts(&mut self, lo: i32, hi: i32) {
        self.starts = Some(
            self.starts
                .map_or((lo, hi), |(a, b)| (a.min(lo), b.max(hi))),
        );
    }

    fn add_end(&mut self, end: i32) {
        self.first_end = Some(self.first_end.map_or(end, |e| e.min(end)));
    }

    fn add_done(&mut self, year: i32) {
        if !self.done.contains(&year) {
            self.done.push(year);
        }
    }

    fn add_running(&mut self, year: i32, end: i32) {
        let latest = self.running.entry(year).or_insert(end);
        *latest = (*latest).max(end);
    }

    /// The union of the two sets, in this one's room.
    pub(crate) fn merge(&mut self, other: &DateSet) {
        if let Some((lo, hi)) = other.starts {
            self.add_starts(lo, hi);
        }
        if let Some(end) = other.first_end {
            self.add_end(end);
        }
        for &y in &other.done {
            self.add_done(y);
        }
        self.last_listed = self.last_listed.max(other.last_listed);
        for (&y, &end) in &other.running {
            self.add_running(y, end);
        }
    }

    /// Whether every date of this set fits every date of `other`: no pair
    /// across the two that [`periods`] finds a [`Conflict`] in.
    pub(crate) fn fits(&self, other: &DateSet) -> bool {
        let starts_near = match (self.starts, other.starts) {
            (Some((a, b)), Some((c, d))) => d - a <= MAX_START_SHIFT && b - c <= MAX_START_SHIFT,
            _ => true,
        };
        let completions_agree = match (self.done.as_slice(), other.done.as_slice()) {
            ([], _) | (_, []) => true,
            (a, b) => a.iter().chain(b).all(|&y| y == a[0]),
        };
        starts_near && completions_agree && self.done_fits(other) && other.done_fits(self)
    }

    /// No completion of this set that a date of `other` rules out (the
    /// checks of [`periods`] with this set's member completed).
    fn done_fits(&self, other: &DateSet) -> bool {
        let (Some(&first), Some(&last)) = (self.done.iter().min(), self.done.iter().max()) else {
            return true;
        };
        let listed_after = other.last_listed.is_some_and(|seen| seen > first);
        let before_start = other.starts.is_some_and(|(_, start)| first < start);
        let long_after = other.first_end.is_some_and(|end| last > end + 2);
        let still_running = (self.done.iter())
            .any(|&done| other.running.get(&done).is_some_and(|&end| end > done + 1));
        !(listed_after || before_start || long_after || still_running)
    }
}

/// What the periods' part of a pair's reason says.
#[derive(Debug, Clone, Copy, PartialEq)]
enum PeriodWhy {
    /// Both give this period.
    Same(Period),
    /// Completed in this year, within the other's period or the year
    /// after it.
    Fits(i32, Period),
    /// Completed two years after the other's period ended.
    Late(i32, Period),
}

impl std::fmt::Display for PeriodWhy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PeriodWhy::Same(p) => write!(f, "both {}–{}", p.start, p.end),
            PeriodWhy::Fits(done, p) => write!(f, "completed {done} fits {}–{}", p.start, p.end),
            PeriodWhy::Late(done, p) => {
                write!(f, "completed {done}, late for {}–{}", p.start, p.end)
            }
        }
    }
}

/// Why two appearances' periods and years cannot be one project's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Conflict {
    /// Started in these years, further apart than [`MAX_START_SHIFT`].
    Starts(i32, i32),
    /// Listed as not completed in the first year, after completed in the
    /// second.
    ListedAfter(i32, i32),
    /// Completed in two different years.
    CompletedTwice(i32, i32),
    /// Completed in the first year, before the other's start.
    BeforeStart(i32, i32),
    /// Completed in the first year, the year the other lists it as running
    /// to the second.
    StillRunning(i32, i32),
    /// Completed in the year, long after the other's period.
    LongAfter(i32, Period),
}

impl std::fmt::Display for Conflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Conflict::Starts(a, b) => write!(f, "started {a} and {b}"),
            Conflict::ListedAfter(seen, done) => {
                write!(f, "listed in {seen} after completed in {done}")
            }
            Conflict::CompletedTwice(a, b) => write!(f, "completed in {a} and in {b}"),
            Conflict::BeforeStart(done, start) => {
                write!(f, "completed in {done} before its start {start}")
            }
            Conflict::StillRunning(done, end) => {
                write!(f, "completed in {done} but running to {end}")
            }
            Conflict::LongAfter(done, p) => {
                write!(f, "completed in {done}, long after {}–{}", p.start, p.end)
            }
        }
    }
}

/// Periods' part of the score, or the [`Conflict`] that rules the pair out.
fn periods(a: Dates, b: Dates) -> Result<(f64, Option<PeriodWhy>), Conflict> {
    let mut adjust = (0.0, None);
    if let (Some(p), Some(q)) = (a.period, b.period) {
        if (p.start - q.start).abs() > MAX_START_SHIFT {
            return Err(Conflict::Starts(p.start, q.start));
        }
        if p == q {
            adjust = (SAME_PERIOD, Some(PeriodWhy::Same(p)));
        }
    }
    for (x, y) in [(a, b), (b, a)] {
        let (Some(done), true) = (x.year, x.completed) else {
            continue;
        };
        match (y.year, y.completed) {
            (Some(seen), false) if seen > done => return Err(Conflict::ListedAfter(seen, done)),
            (Some(again), true) if again != done => {
                return Err(Conflict::CompletedTwice(done, again));
            }
            _ => {}
        }
        let Some(p) = y.period else { continue };
        if done < p.start {
            return Err(Conflict::BeforeStart(done, p.start));
        }
        if !y.completed && y.year == Some(done) && p.end > done + 1 {
            return Err(Conflict::StillRunning(done, p.end));
        }
        if done > p.end + 2 {
            return Err(Conflict::LongAfter(done, p));
        }
        // Two years after the planned end happens (a delay, a report's
        // lag): possible, but no evidence for the link.
        adjust = if done > p.end + 1 {
            (0.0, Some(PeriodWhy::Late(done, p)))
        } else {
            (PLAUSIBLE_PERIOD, Some(PeriodWhy::Fits(done, p)))
        };
    }
    Ok(adjust)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listed(year: i32, kind: AppearanceKind, period: Option<(i32, i32)>) -> Appearance {
        let mut a = Appearance::new(0, "a.txt", Some(year), kind, 0, "Lesing i skogen");
        a.period = period.map(|(start, end)| Period { start, end });
        a
    }

    /// [`DateSet::fits`] is every pair across the two sets fitting, on
    /// drawn sets of up to six dates (sets whose own dates clash too),
    /// built by adding dates and by merging sets.
    #[test]
    fn a_set_of_dates_fits_another_as_every_pair_across_does() {
        let mut next = crate::link::tests_draw(11);
        let mut draw = |k: u64| next(k as usize) as i32;
        let date = |draw: &mut dyn FnMut(u64) -> i32| {
            let start = 2016 + draw(4);
            Dates {
                period: Some(Period {
                    start,
                    end: start + draw(5),
                })
                .filter(|_| draw(4) > 0),
                year: Some(2016 + draw(9)).filter(|_| draw(6) > 0),
                completed: draw(3) == 0,
            }
        };
        let (mut fit, mut tried) = (0, 0);
        for _ in 0..40_000 {
            let n = 1 + draw(6) as usize;
            let m = 1 + draw(6) as usize;
            let a: Vec<Dates> = (0..n).map(|_| date(&mut draw)).collect();
            let b: Vec<Dates> = (0..m).map(|_| date(&mut draw)).collect();
            let pairwise = a.iter().all(|&x| b.iter().all(|&y| x.fit(y)));
            let (mut left, mut right) = (DateSet::default(), DateSet::default());
            a.iter().for_each(|&d| left.add(d));
            for &d in &b {
                right.merge(&DateSet::of(d));
            }
            assert_eq!(left.fits(&right), pairwise, "{a:?} {b:?}");
            assert_eq!(right.fits(&left), pairwise, "{b:?} {a:?}");
            fit += usize::from(pairwise);
            tried += 1;
        }
        // Both answers are common.
        assert!(
            fit > tried / 20 && tried - fit > tried / 20,
            "{fit} of {tried}"
        );
    }

    /// [`Totals::get`] finds what a search of the whole list of pairs
    /// finds: a candidate's total, and no other pair (rows empty, rows past
    /// the last, partners missing).
    #[test]
    fn totals_are_found_by_row_as_in_the_list_of_pairs() {
        let pairs: Vec<(usize, usize)> = (0..40_usize)
            .flat_map(|i| (i + 1..45).map(move |j| (i, j)))
            .filter(|&(i, j)| (i * 7 + j * 3) % 5 == 0 && i % 6 != 2)
            .collect();
        let totals: Vec<Option<f64>> = (0..pairs.len())
            .map(|k| (k % 4 != 0).then_some(k as f64))
            .collect();
        let kept = Totals::new(pairs.clone(), totals.clone());
        for i in 0..50 {
            for j in 0..50 {
                let listed = pairs.binary_search(&(i, j)).ok().map(|at| totals[at]);
                assert_eq!(kept.get((i, j)), listed, "{i} {j}");
            }
        }
        assert_eq!(Totals::default().get((0, 1)), None);
    }

    /// The pieces [`title_similarity_stops_at_the_most_with_the_best_found`]
    /// draws titles of: inflections, acronyms, separators.
    const PIECES: &[&str] = &[
        "Lesing",
        "i",
        "skogen",
        "skogene",
        "lesingen",
        "(LIS)",
        "LIS",
        "og",
        "kaffe",
        "kaffen",
        "på",
        "kaia",
        "Kaia",
        "–",
        ":",
        "-",
        "for",
        "eldre",
        "unge",
        "digital",
        "digitale",
        "digitalisering",
    ];

    /// Half of those titles are the one before with a prefix or subtitle.
    const AROUND: &[(&str, &str)] = &[
        ("", ""),
        ("", ": et forsøk for eldre"),
        ("Kaffe – ", ""),
        ("", " (LIS)"),
        ("Skogen: ", " - digitale"),
    ];

    /// [`title_similarity`] stopping at [`MAX_SIMILARITY`] gives what every
    /// pair of variants gives (the best, and its shared words), on titles
    /// drawn from pieces with subtitles, prefixes, acronyms, inflections.
    #[test]
    fn title_similarity_stops_at_the_most_with_the_best_found() {
        let mut draw = crate::link::tests_draw(7);
        let title = |draw: &mut dyn FnMut(usize) -> usize| {
            let n = 1 + draw(9);
            let words: Vec<&str> = (0..n).map(|_| PIECES[draw(PIECES.len())]).collect();
            words.join(" ").replace(" :", ":")
        };
        let mut titles: Vec<String> = Vec::new();
        for k in 0..300 {
            let (before, after) = AROUND[draw(AROUND.len())];
            let t = match titles.last() {
                Some(last) if k % 2 == 1 => format!("{before}{last}{after}"),
                _ => title(&mut draw),
            };
            titles.push(t);
        }
        let all: Vec<Appearance> = titles
            .iter()
            .enumerate()
            .map(|(k, t)| Appearance::new(k, "t", None, AppearanceKind::Project, k, t))
            .collect();
        let read = read_all(&all, Registry::builtin());
        let (mut scratch, mut every) = (Scratch::default(), Scratch::default());
        let mut most = 0;
        for (a, b) in read.iter().zip(read.iter().skip(1).chain(&read[..1])) {
            let fast = title_similarity(&a.title, &b.title, &mut scratch);
            // (every pair of variants, as before the stop)
            let mut best = 0.0;
            every.clear_best();
            for x in a.title.numbered() {
                for y in b.title.numbered() {
                    let s = similarity((x, y), (&a.title.acronyms, &b.title.acronyms), &mut every);
                    assert!(s <= MAX_SIMILARITY);
                    if s > best {
                        best = s;
                        every.keep();
                    }
                }
            }
            assert_eq!(
                (fast, scratch.best()),
                (best, every.best()),
                "{a:?} / {b:?}"
            );
            most += usize::from(fast >= MAX_SIMILARITY);
        }
        assert!((30..270).contains(&most), "{most} pairs at the most");
    }

    #[test]
    fn periods_say_why_they_rule_a_pair_out() {
        use AppearanceKind::{Portfolio, Project};
        let says = |a: &Appearance, b: &Appearance| match periods(Dates::of(a), Dates::of(b)) {
            Err(why) => why.to_string(),
            Ok((_, why)) => format!("ok: {}", why.map(|w| w.to_string()).unwrap_or_default()),
        };
        let ongoing = |year, p| listed(year, Portfolio, Some(p));
        let done = |year| listed(year, Project, None);
        assert_eq!(
            says(&ongoing(2020, (2015, 2016)), &ongoing(2020, (2019, 2021))),
            "started 2015 and 2019"
        );
        assert_eq!(
            says(&done(2020), &ongoing(2022, (2019, 2021))),
            "listed in 2022 after completed in 2020"
        );
        assert_eq!(
            says(&done(2020), &done(2021)),
            "completed in 2020 and in 2021"
        );
        assert_eq!(
            says(&done(2018), &ongoing(2018, (2019, 2021))),
            "completed in 2018 before its start 2019"
        );
        assert_eq!(
            says(&done(2020), &ongoing(2020, (2019, 2023))),
            "completed in 2020 but running to 2023"
        );
        assert_eq!(
            says(&done(2026), &ongoing(2020, (2019, 2021))),
            "completed in 2026, long after 2019–2021"
        );
        assert_eq!(
            says(&done(2023), &ongoing(2020, (2019, 2021))),
            "ok: completed 2023, late for 2019–2021"
        );
        assert_eq!(
            says(&done(2022), &ongoing(2020, (2019, 2021))),
            "ok: completed 2022 fits 2019–2021"
        );
        assert_eq!(
            says(&ongoing(2020, (2019, 2021)), &ongoing(2021, (2019, 2021))),
            "ok: both 2019–2021"
        );
    }
}

//! Projects followed across texts: the same project as it appears in
//! different reports and lists (granted one year, ongoing in a list,
//! completed with a summary later) linked into one timeline.
//!
//! [`appearances`] reads the projects, portfolio items and PhD candidates of
//! one parsed text; [`link`] groups the appearances of many texts that name
//! the same project. The matcher weighs the signals a renamed project keeps:
//!
//! - **titles**, compared on their content words, robust to words added,
//!   dropped or inflected, a subtitle after `:` or a prefix before `–`
//!   (`Digisos – …`) dropped, and an acronym spelt out;
//! - **institutions**, by registry id (a department counts as its parent
//!   too), or by the name as written when the registry does not know it: a
//!   shared one adds, two known and disjoint sets subtract;
//! - **periods**, which constrain: a project listed as 2019–2021 and
//!   completed in 2022 is plausible, one completed before it started, listed
//!   as ongoing after it was completed, or with start years apart is not.
//!
//! Two appearances in the same text are linked only when they are of
//! different kinds. A link needs [`LINK_THRESHOLD`] and a title similarity
//! of at least [`MIN_TITLE_SIMILARITY`]: institutions and periods alone
//! never link. Every link says why in words.
//!
//! ```
//! use fou::link::{appearances, link, LinkOptions};
//! let y2020 = fou::parse("FoU-rapport 2020\n\nBidragsfinansierte prosjekter\n\n\
//!     Ved utgangen av 2020 hadde vi 2 pågående prosjekter.\n\nFiske\n\n\
//!     - Bruken av digitale skjema i fiskeriet, Nordlandsforskning (2019-2021)\n\
//!     - Trygge havner for små båter, Sintef (2020-2022)\n")?;
//! let y2022 = fou::parse("FoU-rapport 2022\n\nBidragsfinansierte prosjekter\n\n\
//!     Ved utgangen av 2022 hadde vi 1 pågående prosjekt.\n\nFiske\n\n\
//!     - Digitale skjema for fiskere og NAV, Nordlandsforskning (2019-2022)\n")?;
//! let mut all = appearances(0, "2020.txt", &y2020);
//! all.extend(appearances(1, "2022.txt", &y2022));
//! let groups = link(&all, &LinkOptions::default());
//! assert_eq!(groups.len(), 1);
//! let years: Vec<_> = groups[0].appearances.iter().map(|a| a.year).collect();
//! assert_eq!(years, [Some(2020), Some(2022)]);
//! assert!(groups[0].reason.contains("Nordlandsforskning"));
//! # Ok::<(), fou::Error>(())
//! ```

mod grow;
mod score;
mod title;

use std::collections::HashMap;
use std::sync::Arc;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::model::{Period, Report};
use crate::registry::Registry;

pub use grow::COHESION_SAMPLE;
pub use score::{LINK_THRESHOLD, MIN_TITLE_SIMILARITY};

/// Blocks (appearances sharing a title word) larger than this are not
/// compared within: a word in that many titles (`digital`, `arbeid`) says
/// nothing about which project a title names, and comparing all of them
/// would make the work quadratic. Pairs that share a rarer word are still
/// compared, and in a larger block each appearance meets the
/// [`NEAR_IN_BLOCK`] after it in title order.
pub const MAX_BLOCK: usize = 64;

/// In a block larger than [`MAX_BLOCK`], sorted by title, the appearances
/// after each one that it is compared with: appearances of one title stand
/// together in that order, so a project seen in more texts than a block
/// holds (or whose title has only common words) is still linked — where
/// its pairs, in no smaller block, were never compared — and the work stays
/// linear in the block's size.
pub const NEAR_IN_BLOCK: usize = 4;

/// What kind of item an appearance is.
///
/// ```
/// assert_eq!(serde_json::to_string(&fou::link::AppearanceKind::Portfolio).unwrap(), "\"portfolio\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum AppearanceKind {
    /// A completed project with a summary (`Report::projects`).
    Project,
    /// A listed project, ongoing or granted (`Report::portfolio`).
    Portfolio,
    /// A PhD candidate's project (`Report::phd`).
    Phd,
}

impl AppearanceKind {
    /// The name used in JSON: `project`, `portfolio` or `phd`.
    ///
    /// ```
    /// assert_eq!(fou::link::AppearanceKind::Phd.as_str(), "phd");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            AppearanceKind::Project => "project",
            AppearanceKind::Portfolio => "portfolio",
            AppearanceKind::Phd => "phd",
        }
    }
}

/// One project as one text shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Appearance {
    /// The caller's number for the text (its index in a collection).
    pub text: usize,
    /// The text's path.
    pub path: String,
    /// The report year of the text.
    pub year: Option<i32>,
    /// What kind of item it is.
    pub kind: AppearanceKind,
    /// Its index within its kind in that report (`report.portfolio[item]`).
    pub item: usize,
    /// The title as written.
    pub title: String,
    /// The institution text as written.
    pub institution_raw: Option<String>,
    /// Registry ids of its institutions (`institution_refs` that resolved).
    pub institution_ids: Vec<String>,
    /// The project period, when given.
    pub period: Option<Period>,
    /// `completed` for a project; the portfolio item's or PhD's status
    /// (`ongoing`, `granted`, `completed` …) as the JSON writes it.
    pub status: Option<String>,
}

impl Appearance {
    /// An appearance from its parts (the struct is `#[non_exhaustive]`);
    /// no institutions, period or status.
    ///
    /// ```
    /// use fou::link::{Appearance, AppearanceKind};
    /// let a = Appearance::new(0, "a.txt", Some(2021), AppearanceKind::Project, 3, "Tittel");
    /// assert_eq!((a.item, &*a.title), (3, "Tittel"));
    /// ```
    pub fn new(
        text: usize,
        path: &str,
        year: Option<i32>,
        kind: AppearanceKind,
        item: usize,
        title: &str,
    ) -> Appearance {
        Appearance {
            text,
            path: path.to_owned(),
            year,
            kind,
            item,
            title: title.to_owned(),
            institution_raw: None,
            institution_ids: Vec::new(),
            period: None,
            status: None,
        }
    }
}

/// A status as the JSON contract names it.
fn status_name<T: Serialize>(status: &T) -> Option<String> {
    match serde_json::to_value(status) {
        Ok(serde_json::Value::String(s)) => Some(s),
        _ => None,
    }
}

fn ids(refs: &[crate::model::InstitutionRef]) -> Vec<String> {
    refs.iter()
        .filter_map(|r| r.id.as_deref().map(str::to_owned))
        .collect()
}

/// The appearances of one parsed text: its projects, then its portfolio
/// items, then its PhD candidates, each in report order.
///
/// ```
/// let r = fou::parse("FoU-rapport 2021\n\nBidragsfinansierte prosjekter\n\nVed utgangen av 2021 hadde vi 1 pågående prosjekt.\n\nArbeid\n\n- Jobb i nord, Sintef (2020-2022)\n")?;
/// let found = fou::link::appearances(7, "r.txt", &r);
/// assert_eq!(found.len(), 1);
/// assert_eq!((found[0].text, found[0].year, found[0].status.as_deref()), (7, Some(2021), Some("ongoing")));
/// assert_eq!(found[0].institution_ids, ["sintef"]);
/// # Ok::<(), fou::Error>(())
/// ```
pub fn appearances(text: usize, path: &str, report: &Report) -> Vec<Appearance> {
    let base =
        |kind, item, title: &str| Appearance::new(text, path, report.year, kind, item, title);
    let mut out = Vec::new();
    for (i, p) in report.projects.iter().enumerate() {
        let mut a = base(AppearanceKind::Project, i, &p.title);
        a.institution_raw = p.institution_raw.as_deref().map(str::to_owned);
        a.institution_ids = ids(&p.institution_refs);
        a.status = Some("completed".to_owned());
        out.push(a);
    }
    for (i, p) in report.portfolio.iter().enumerate() {
        let mut a = base(AppearanceKind::Portfolio, i, &p.title);
        a.institution_raw = p.institution_raw.as_deref().map(str::to_owned);
        a.institution_ids = ids(&p.institution_refs);
        a.period = p.period;
        a.status = status_name(&p.status);
        out.push(a);
    }
    for (i, p) in report.phd.iter().enumerate() {
        let mut a = base(AppearanceKind::Phd, i, &p.title);
        a.institution_raw = p.institution.as_deref().map(str::to_owned);
        a.institution_ids = ids(&p.institution_refs);
        a.status = status_name(&p.status);
        out.push(a);
    }
    out
}

/// Options for [`link`].
///
/// ```
/// let o = fou::link::LinkOptions::default();
/// assert_eq!(o.threshold, fou::link::LINK_THRESHOLD);
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct LinkOptions {
    /// The least score that links two appearances ([`LINK_THRESHOLD`]).
    pub threshold: f64,
    /// The registry whose parents make a department count as its
    /// institution too; `None` is [`Registry::builtin`].
    pub registry: Option<Arc<Registry>>,
}

impl Default for LinkOptions {
    fn default() -> Self {
        LinkOptions {
            threshold: LINK_THRESHOLD,
            registry: None,
        }
    }
}

impl LinkOptions {
    /// Use this registry for institution parents.
    ///
    /// ```
    /// let o = fou::link::LinkOptions::default().with_registry(std::sync::Arc::new(fou::Registry::default()));
    /// assert!(o.registry.is_some());
    /// ```
    pub fn with_registry(mut self, registry: Arc<Registry>) -> Self {
        self.registry = Some(registry);
        self
    }

    /// Link at this score instead of [`LINK_THRESHOLD`].
    ///
    /// ```
    /// assert_eq!(fou::link::LinkOptions::default().with_threshold(0.9).threshold, 0.9);
    /// ```
    pub fn with_threshold(mut self, threshold: f64) -> Self {
        self.threshold = threshold;
        self
    }
}

/// One project followed across texts: its appearances as a timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LinkGroup {
    /// A stable id from the content: a hash of the earliest appearance's
    /// year, kind and title words (`p-` and 16 hex digits).
    pub id: String,
    /// The appearances, ordered by year (unknown last), then text, kind and
    /// item.
    pub appearances: Vec<Appearance>,
    /// The weakest link's score that holds the group together.
    pub score: f64,
    /// Why the appearances were linked, one clause per link.
    pub reason: String,
}

/// What [`link_counted`] did: the groups and how much work it took.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Linked {
    /// The groups, as [`link`] gives them.
    pub groups: Vec<LinkGroup>,
    /// Pairs of appearances compared (after blocking).
    pub comparisons: usize,
    /// Checks made in deciding which groups join: a member looked up among
    /// the other side's texts, a pair of the two sides' distinct dates
    /// compared, a pair of members weighed for cohesion (at most
    /// [`COHESION_SAMPLE`]² a join).
    pub checks: usize,
}

/// Group the appearances that name the same project: groups of two or
/// more, in the order of their earliest appearance (see the module docs for
/// the signals). The appearances are read and their candidate pairs scored
/// in parallel on the current rayon pool (`pool.install(|| link(…))` to
/// choose the threads); the groups do not depend on how many there are.
///
/// ```
/// use fou::link::{link, Appearance, AppearanceKind, LinkOptions};
/// let a = Appearance::new(0, "a", Some(2020), AppearanceKind::Portfolio, 0, "Lesing i skogen: et forsøk");
/// let b = Appearance::new(1, "b", Some(2022), AppearanceKind::Project, 0, "Lesing i skogen");
/// let c = Appearance::new(1, "b", Some(2022), AppearanceKind::Project, 1, "Kaffe på kaia");
/// let groups = link(&[a, b, c], &LinkOptions::default());
/// assert_eq!(groups.len(), 1);
/// assert_eq!(groups[0].appearances.len(), 2);
/// ```
pub fn link(appearances: &[Appearance], options: &LinkOptions) -> Vec<LinkGroup> {
    link_counted(appearances, options).groups
}

/// [`link`], also counting the comparisons made.
///
/// ```
/// use fou::link::{link_counted, Appearance, AppearanceKind, LinkOptions};
/// let a = Appearance::new(0, "a", Some(2020), AppearanceKind::Portfolio, 0, "Lesing i skogen");
/// let b = Appearance::new(1, "b", Some(2022), AppearanceKind::Project, 0, "Kaffe på kaia");
/// assert_eq!(link_counted(&[a, b], &LinkOptions::default()).comparisons, 0);
/// ```
pub fn link_counted(appearances: &[Appearance], options: &LinkOptions) -> Linked {
    let registry = options
        .registry
        .as_deref()
        .unwrap_or_else(|| Registry::builtin());
    let read = score::read_all(appearances, registry);
    let pairs = candidate_pairs(&read);
    let comparisons = pairs.len();
    // The pairs are scored in parallel on the current rayon pool, each
    // thread with its own scratch; the order is kept (and sorted below).
    let (totals, links): (Vec<Option<f64>>, Vec<_>) = pairs
        .par_iter()
        .map_init(score::Scratch::default, |scratch, &pair| {
            score::score(appearances, &read, pair, options.threshold, scratch)
        })
        .unzip();
    let totals = score::Totals::new(pairs, totals);
    let mut links: Vec<_> = links.into_iter().flatten().collect();
    // (each pair is one link: the order is total, and an unstable sort on
    // the pool's threads gives it)
    links.par_sort_unstable_by(|x, y| strongest_first(x, y));
    // Grown in order on this thread; each group's reasons, id and
    // appearances are then written on the pool's.
    let grown = grow::grow(appearances, &read, &totals, links);
    let checks = grown.checks;
    let mut groups: Vec<LinkGroup> = grown
        .groups
        .into_par_iter()
        .map_init(score::Scratch::default, |scratch, g| {
            group(appearances, &read, g, scratch)
        })
        .collect();
    groups.sort_by_key(|g| g.appearances.first().map(timeline_key));
    unique_ids(&mut groups);
    // (freed on the pool's threads, where most of it was allocated)
    read.into_par_iter().for_each(drop);
    Linked {
        groups,
        comparisons,
        checks,
    }
}

/// The order links are grown in: strongest first; ties in pair order, so
/// that the result is deterministic.
fn strongest_first(x: &score::Link, y: &score::Link) -> std::cmp::Ordering {
    y.score
        .total_cmp(&x.score)
        .then((x.i, x.j).cmp(&(y.i, y.j)))
}

/// Pairs that share a title word's block key, each once, in order; in
/// blocks larger than [`MAX_BLOCK`] only the pairs near in title order
/// ([`near_pairs`]). Each appearance's later partners are gathered and
/// sorted on their own (in parallel): small sorts, where one sort of every
/// block's pairs was a fifth of the linking.
fn candidate_pairs(read: &[score::Read]) -> Vec<(usize, usize)> {
    // (the keys are numbers: a block for each, in a vector)
    let keys: Vec<Vec<u32>> = read.par_iter().map(score::Read::keys).collect();
    let most = keys.iter().flatten().max().map_or(0, |&k| k as usize + 1);
    let mut blocks: Vec<Vec<usize>> = vec![Vec::new(); most];
    for (i, own) in keys.iter().enumerate() {
        for &key in own {
            if let Some(block) = blocks.get_mut(key as usize) {
                block.push(i);
            }
        }
    }
    let mut pairs: Vec<(usize, usize)> = (0..read.len())
        .into_par_iter()
        .flat_map_iter(|i| {
            let mut partners: Vec<usize> = keys[i]
                .iter()
                .filter_map(|&key| blocks.get(key as usize))
                .filter(|members| members.len() <= MAX_BLOCK)
                // A block's members are in order: the later ones follow i.
                .flat_map(|members| &members[members.partition_point(|&m| m <= i)..])
                .copied()
                .collect();
            partners.sort_unstable();
            partners.dedup();
            partners.into_iter().map(move |j| (i, j))
        })
        .collect();
    let large: Vec<&Vec<usize>> = blocks.iter().filter(|m| m.len() > MAX_BLOCK).collect();
    if !large.is_empty() {
        pairs.par_extend(large.into_par_iter().flat_map_iter(|m| near_pairs(read, m)));
        pairs.par_sort_unstable();
        pairs.dedup();
    }
    pairs
}

/// The pairs of a block's `members` that stand within [`NEAR_IN_BLOCK`] of
/// each other when the block is sorted by title words (ties in order), each
/// as `(i, j)` with `i < j`.
fn near_pairs(read: &[score::Read], members: &[usize]) -> Vec<(usize, usize)> {
    let mut sorted = members.to_vec();
    // (the words' numbers sort as the words do)
    sorted.sort_by(|&a, &b| {
        read[a]
            .word_numbers()
            .cmp(read[b].word_numbers())
            .then(a.cmp(&b))
    });
    sorted
        .iter()
        .enumerate()
        .flat_map(|(k, &a)| {
            let after = sorted.get(k + 1..).unwrap_or_default();
            after
                .iter()
                .take(NEAR_IN_BLOCK)
                .map(move |&b| (a.min(b), a.max(b)))
        })
        .collect()
}

/// A finished group: its timeline, id, weakest score and reasons.
fn group<'r>(
    appearances: &[Appearance],
    read: &'r [score::Read],
    g: grow::Group<'r>,
    scratch: &mut score::Scratch<'r>,
) -> LinkGroup {
    let reasons = g.reasons(appearances, read, scratch);
    let mut members: Vec<usize> = g.members;
    members.sort_by_key(|&i| timeline_key(&appearances[i]));
    let first = members.first().copied().unwrap_or_default();
    LinkGroup {
        id: stable_id(&appearances[first], &read[first]),
        appearances: members.iter().map(|&i| appearances[i].clone()).collect(),
        score: (g.score * 1000.0).round() / 1000.0,
        reason: reasons.join("; "),
    }
}

fn timeline_key(a: &Appearance) -> (i32, usize, AppearanceKind, usize) {
    (a.year.unwrap_or(i32::MAX), a.text, a.kind, a.item)
}

/// `p-` and the 64-bit FNV-1a hash of year, kind and title words, in hex:
/// the same project read again gets the same id.
fn stable_id(a: &Appearance, r: &score::Read) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    let text = format!(
        "{}|{}|{}",
        a.year.map(|y| y.to_string()).unwrap_or_default(),
        a.kind.as_str(),
        r.title_words().join(" ")
    );
    let hash = text
        .bytes()
        .fold(OFFSET, |h, b| (h ^ u64::from(b)).wrapping_mul(PRIME));
    format!("p-{hash:016x}")
}

/// Ids made unique (a second group whose earliest appearance reads the
/// same gets `-2`).
fn unique_ids(groups: &mut [LinkGroup]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for g in groups.iter_mut() {
        let n = seen.entry(g.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            g.id = format!("{}-{n}", g.id);
        }
    }
}

/// A drawer of numbers below `k` from `seed` (a linear congruential
/// generator: the same numbers every run), for the tests' drawn titles.
#[cfg(test)]
pub(crate) fn tests_draw(seed: u64) -> impl FnMut(usize) -> usize {
    let mut seed = seed;
    move |k: usize| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        (seed >> 33) as usize % k
    }
}

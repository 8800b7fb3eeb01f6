//! Projects followed across the texts of a collection ([`crate::link`]),
//! and the check that a linked project's appearances agree in time.

use std::collections::HashMap;

use rayon::prelude::*;

use super::checks::at;
use super::{Collection, CollectionDiagnostic, Text, Value};
use crate::link::{Appearance, AppearanceKind, LinkGroup, LinkOptions};
use crate::model::{DiagnosticCode, Period, Severity, Span};
use crate::text::shorten;

/// How many characters of a title a message quotes.
const QUOTED: usize = 80;

/// The appearances of the kept texts (projects, portfolio items and PhD
/// candidates, text by text, read on the current rayon pool) and their
/// links.
pub(super) fn link(texts: &[Text], options: &LinkOptions) -> (Vec<Appearance>, Vec<LinkGroup>) {
    let all: Vec<Appearance> = (texts.par_iter().enumerate())
        .filter(|(_, t)| t.duplicate_of.is_none())
        .flat_map_iter(|(i, t)| crate::link::appearances(i, &t.name(i), &t.report))
        .collect();
    let groups = crate::link::link(&all, options);
    (all, groups)
}

/// The span of an appearance's item in its text.
fn span_of(texts: &[Text], a: &Appearance) -> Option<Span> {
    let r = &texts.get(a.text)?.report;
    match a.kind {
        AppearanceKind::Project => r.projects.get(a.item).map(|p| p.span),
        AppearanceKind::Portfolio => r.portfolio.get(a.item).map(|p| p.span),
        AppearanceKind::Phd => r.phd.get(a.item).map(|p| p.span),
    }
}

/// What [`conflict`] reads of an appearance: whether it is a completed
/// project, whether it is listed as ongoing, its year and its period. Two
/// appearances with the same times conflict with the same others, for the
/// same reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Times {
    completed: bool,
    ongoing: bool,
    year: Option<i32>,
    period: Option<Period>,
}

impl Times {
    fn of(a: &Appearance) -> Times {
        Times {
            completed: a.kind == AppearanceKind::Project,
            ongoing: a.status.as_deref() == Some("ongoing"),
            year: a.year,
            period: a.period,
        }
    }
}

/// Why two appearances of one project, with times `a` and `b`, contradict
/// each other in time, if they do: completed before the other's period
/// started, listed as ongoing after it was completed, or periods that do
/// not meet. Whether they do does not hang on the order (each test is made
/// both ways, or is symmetric); the reason told may.
fn conflict(a: Times, b: Times) -> Option<String> {
    for (x, y) in [(a, b), (b, a)] {
        if let (true, Some(done), Some(p)) = (x.completed, x.year, y.period) {
            if done < p.start {
                return Some(format!(
                    "completed in {done}, before its period {}–{} started",
                    p.start, p.end
                ));
            }
        }
        if let (true, true, Some(done), Some(later)) = (x.completed, y.ongoing, x.year, y.year) {
            if later > done {
                return Some(format!(
                    "listed as ongoing in {later}, after it was completed in {done}"
                ));
            }
        }
    }
    match (a.period, b.period) {
        (Some(p), Some(q)) if p.end < q.start || q.end < p.start => Some(format!(
            "periods {}–{} and {}–{} do not meet",
            p.start, p.end, q.start, q.end
        )),
        _ => None,
    }
}

/// A `period-conflict` warning for each pair of appearances of a linked
/// project that contradict each other, on the later one.
pub(super) fn period_conflicts(c: &Collection) -> Vec<CollectionDiagnostic> {
    let mut out = Vec::new();
    for g in &c.links {
        let apps = &g.appearances;
        for (k, j, why) in conflicting_pairs(apps) {
            let (a, b) = (&apps[k], &apps[j]);
            let message = format!(
                "{:?} ({}, {}) and {:?} ({}, {}) are linked as one project ({}), but {why}",
                shorten(&a.title, QUOTED),
                a.path,
                a.kind.as_str(),
                shorten(&b.title, QUOTED),
                b.path,
                b.kind.as_str(),
                g.id
            );
            let span = span_of(&c.texts, b);
            out.push(at(
                b.text,
                Severity::Warning,
                DiagnosticCode::PeriodConflict,
                message,
                span,
            ));
        }
    }
    out
}

/// The pairs `(k, j)`, `k < j`, of `apps` whose [`Times`] conflict, with
/// why, in the order of `k`, then of `j`: what [`conflict`] tells of every
/// pair, read with work about the number of distinct times squared and
/// the pairs found. A project seen in thousands of texts has a handful of
/// distinct times, and comparing every pair of its appearances (as this
/// did) was most of a collection's checks.
///
/// The distinct times that conflict are told once for each pair of them;
/// then for each appearance, the members after it of each times it
/// conflicts with are gathered (a binary search in each one's members)
/// and sorted. A project seen in [`PAIR_BY_PAIR`] texts or fewer has its
/// pairs compared one by one.
fn conflicting_pairs(apps: &[Appearance]) -> Vec<(usize, usize, String)> {
    if apps.len() <= PAIR_BY_PAIR {
        return every_pair(apps);
    }
    let (ids, distinct) = distinct_times(apps);
    let clashes = clashing_times(&distinct);
    let mut out = Vec::new();
    let mut later = Vec::new();
    for (k, &s) in ids.iter().enumerate() {
        later.clear();
        for &u in &clashes[s] {
            let members = &distinct[u].1;
            later.extend_from_slice(&members[members.partition_point(|&m| m <= k)..]);
        }
        later.sort_unstable();
        for &j in &later {
            if let Some(why) = conflict(distinct[s].0, distinct[ids[j]].0) {
                out.push((k, j, why));
            }
        }
    }
    out
}

/// The most appearances of a project whose pairs [`conflicting_pairs`]
/// compares one by one: at most 496 pairs, each a few comparisons of
/// numbers, cost less than the tables of distinct times allocate, and most
/// projects of a collection are seen in a few texts (on 250 generated
/// reports the tables for every project cost 2 % more instructions than
/// the whole collection's linking and checks had).
const PAIR_BY_PAIR: usize = 32;

/// [`conflicting_pairs`] of `apps`, every pair compared.
fn every_pair(apps: &[Appearance]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    for (k, a) in apps.iter().enumerate() {
        let times = Times::of(a);
        for (j, b) in apps.iter().enumerate().skip(k + 1) {
            if let Some(why) = conflict(times, Times::of(b)) {
                out.push((k, j, why));
            }
        }
    }
    out
}

/// The index of each appearance's times among the distinct times of
/// `apps`, and those, in order of first appearance, each with the
/// appearances that have it (in order).
fn distinct_times(apps: &[Appearance]) -> (Vec<usize>, Vec<(Times, Vec<usize>)>) {
    let mut index: HashMap<Times, usize, foldhash::fast::RandomState> = HashMap::default();
    let mut distinct: Vec<(Times, Vec<usize>)> = Vec::new();
    let ids = (apps.iter().enumerate())
        .map(|(m, a)| {
            let t = Times::of(a);
            let id = *index.entry(t).or_insert_with(|| {
                distinct.push((t, Vec::new()));
                distinct.len() - 1
            });
            distinct[id].1.push(m);
            id
        })
        .collect();
    (ids, distinct)
}

/// For each of `distinct`, the others (or itself) it [`conflict`]s with,
/// in order: each pair told once (whether two times conflict does not
/// hang on their order).
fn clashing_times(distinct: &[(Times, Vec<usize>)]) -> Vec<Vec<usize>> {
    let mut clashes = vec![Vec::new(); distinct.len()];
    for (s, (a, _)) in distinct.iter().enumerate() {
        for (u, (b, _)) in distinct.iter().enumerate().skip(s) {
            if conflict(*a, *b).is_some() {
                clashes[s].push(u);
                if u != s {
                    clashes[u].push(s);
                }
            }
        }
    }
    clashes
}

impl Collection {
    /// The projects followed across texts: groups of two or more
    /// appearances judged to be the same project, each with a stable id, a
    /// timeline, a score and the reason ([`crate::link::link`]).
    ///
    /// ```
    /// let a = fou::parse("FoU-rapport 2020\n\nOppdragsprosjekter\n\n- Trygge havner for små båter, Sintef (2020-2022)\n")?;
    /// let b = fou::parse("FoU-rapport 2022\n\nOppdragsprosjekter\n\n- Trygge havner for små båter, Sintef (2020-2023)\n")?;
    /// let c = fou::Collection::from_reports([a, b], &Default::default());
    /// assert_eq!(c.links().len(), 1);
    /// assert_eq!(c.links()[0].appearances.len(), 2);
    /// # Ok::<(), fou::Error>(())
    /// ```
    pub fn links(&self) -> &[LinkGroup] {
        &self.links
    }

    /// Every appearance of a project in the kept texts, linked or not.
    pub fn appearances(&self) -> &[Appearance] {
        &self.appearances
    }

    /// The id of the link of each linked appearance, by its text, kind and
    /// item.
    pub(super) fn link_of(&self) -> HashMap<(usize, AppearanceKind, usize), &str> {
        let mut link_of = HashMap::new();
        for g in &self.links {
            for a in &g.appearances {
                link_of.insert((a.text, a.kind, a.item), g.id.as_str());
            }
        }
        link_of
    }

    pub(super) fn appearance_rows(&self) -> Vec<Vec<Value>> {
        let link_of = self.link_of();
        self.appearances
            .par_iter()
            .map(|a| {
                let link = link_of.get(&(a.text, a.kind, a.item)).copied();
                let mut row = vec![
                    self.texts[a.text].hash.as_str().into(),
                    a.kind.as_str().into(),
                    a.item.into(),
                    a.year.into(),
                ];
                row.extend(described(a));
                row.push(link.into());
                row
            })
            .collect()
    }

    pub(super) fn link_rows(&self) -> Vec<Vec<Value>> {
        self.links
            .iter()
            .map(|g| {
                vec![
                    g.id.as_str().into(),
                    g.appearances.len().into(),
                    g.score.into(),
                    g.reason.as_str().into(),
                ]
            })
            .collect()
    }
}

/// What an appearance says of its project, in the order of the
/// `appearances` table (and of the timelines view): the title, the
/// institutions as written, the status and the period's first and last year.
pub(super) fn described(a: &Appearance) -> [Value; 5] {
    [
        (&*a.title).into(),
        a.institution_raw.clone().into(),
        a.status.clone().into(),
        a.period.map(|p| p.start).into(),
        a.period.map(|p| p.end).into(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn app(
        year: i32,
        kind: AppearanceKind,
        status: &str,
        period: Option<(i32, i32)>,
    ) -> Appearance {
        let mut a = Appearance::new(0, "a.txt", Some(year), kind, 0, "Tittel");
        a.status = Some(status.to_owned());
        a.period = period.map(|(start, end)| crate::Period { start, end });
        a
    }

    /// [`conflict`] of two appearances' [`Times`].
    fn conflict_of(a: &Appearance, b: &Appearance) -> Option<String> {
        conflict(Times::of(a), Times::of(b))
    }

    #[test]
    fn times_that_contradict_are_found() {
        use AppearanceKind::{Portfolio, Project};
        let done_2021 = app(2021, Project, "completed", None);
        assert!(
            conflict_of(
                &done_2021,
                &app(2020, Portfolio, "ongoing", Some((2022, 2024)))
            )
            .is_some()
        );
        assert!(
            conflict_of(
                &app(2022, Portfolio, "ongoing", Some((2019, 2021))),
                &done_2021
            )
            .is_some()
        );
        assert!(
            conflict_of(
                &app(2019, Portfolio, "ongoing", Some((2016, 2017))),
                &app(2020, Portfolio, "ongoing", Some((2019, 2021)))
            )
            .is_some()
        );
        // a project listed as 2019–2021 that finishes in 2022 is plausible
        let done_2022 = app(2022, Project, "completed", None);
        assert_eq!(
            conflict_of(
                &app(2020, Portfolio, "ongoing", Some((2019, 2021))),
                &done_2022
            ),
            None
        );
    }

    /// A group of `n` drawn appearances: three kinds, two statuses or none,
    /// four years or none, periods from a few or none (so that times
    /// repeat, as in a project seen in many texts, and conflict).
    fn drawn_group(draw: &mut impl FnMut(usize) -> usize, n: usize) -> Vec<Appearance> {
        use AppearanceKind::{Phd, Portfolio, Project};
        (0..n)
            .map(|_| {
                let kind = [Project, Portfolio, Phd][draw(3)];
                let status = ["ongoing", "completed", ""][draw(3)];
                let mut a = app(2019 + draw(4) as i32, kind, status, None);
                a.year = a.year.filter(|_| draw(8) > 0);
                a.status = a.status.filter(|s| !s.is_empty());
                let start = 2016 + draw(8) as i32;
                a.period = (draw(3) > 0).then(|| crate::Period {
                    start,
                    end: start + draw(4) as i32,
                });
                a
            })
            .collect()
    }

    /// Whether two times conflict does not hang on their order
    /// ([`clashing_times`] tells each pair once).
    #[test]
    fn whether_two_times_conflict_does_not_hang_on_their_order() {
        let mut draw = crate::link::tests_draw(11);
        let apps = drawn_group(&mut draw, 400);
        let mut seen = 0;
        for a in &apps {
            for b in &apps {
                let (x, y) = (conflict_of(a, b), conflict_of(b, a));
                assert_eq!(x.is_some(), y.is_some(), "{a:?} {b:?}");
                seen += usize::from(x.is_some());
            }
        }
        assert!(seen > 1000, "{seen}");
    }

    /// [`conflicting_pairs`] finds what [`conflict`] of every pair finds, in
    /// the same order, on drawn groups of 1 to 120 appearances (pair by pair
    /// up to [`PAIR_BY_PAIR`], from the distinct times above it).
    #[test]
    fn conflicting_pairs_are_those_of_every_pair() {
        let mut draw = crate::link::tests_draw(5);
        let mut found = 0;
        for n in (1..=120).step_by(7) {
            for _ in 0..4 {
                let apps = drawn_group(&mut draw, n);
                let mut every = Vec::new();
                for (k, a) in apps.iter().enumerate() {
                    for (j, b) in apps.iter().enumerate().skip(k + 1) {
                        if let Some(why) = conflict_of(a, b) {
                            every.push((k, j, why));
                        }
                    }
                }
                let pairs = conflicting_pairs(&apps);
                found += pairs.len();
                assert_eq!(pairs, every, "{apps:?}");
            }
        }
        assert!(found > 10_000, "{found}");
        const { assert!(PAIR_BY_PAIR < 100) };
    }
}

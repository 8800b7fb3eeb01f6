//! Groups grown from links, strongest first. A link joins the groups of its
//! two appearances only when they may be one project (no text holds two
//! appearances of one kind, no two dates rule each other out) and are alike
//! on average, not just through the one link (cohesion).
//!
//! What a join must not clash with is kept with each group as it grows (its
//! texts, the bounds of its dates), so a project seen in thousands of texts,
//! joined one appearance at a time, costs each join about the joining
//! side's size, not the product of the two sides' sizes.
//!
//! A join reads only the two groups it joins, so the appearances that no
//! link connects are grown apart, on the pool's threads, each set as one
//! pass over every link would grow it.

use std::collections::{HashSet, VecDeque};

use rayon::prelude::*;

use super::score::{DateSet, Dates, LEAST_TOTAL, Link, Read, Scratch, Totals, parts};
use super::{Appearance, AppearanceKind};

/// The least mean score across two groups for them to join (see
/// [`cohesive`]): half the threshold's evidence on average.
const MIN_COHESION: f64 = 0.5;

/// The most members of each side that the cohesion check weighs: a larger
/// group is represented by this many of its members, spread evenly over
/// its member list. A mean over up to 32 × 32 pairs tells a loose join from
/// a tight one as a mean over every pair does, and it does not grow with
/// the groups: weighing every pair made a project seen in n texts, grown
/// one link at a time, cost about n²/2 pair scores (three projects each in
/// 1,600 texts: 1.1 s; in 6,400: 39 s).
pub const COHESION_SAMPLE: usize = 32;

/// The text and kind of an appearance: a group holds one of each.
type TextKind = (usize, AppearanceKind);

fn text_kind(a: &Appearance) -> TextKind {
    (a.text, a.kind)
}

/// A group being grown: members, weakest link, reasons, and what another
/// side must not clash with to join it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Group<'r> {
    /// Its appearances: a join appends the smaller side's to the larger's.
    pub members: Vec<usize>,
    pub score: f64,
    /// The links that joined it, in the order their reasons are told
    /// ([`Group::reasons`] writes them).
    pub joins: VecDeque<Link<'r>>,
    /// The text and kind of each member.
    texts: HashSet<TextKind, foldhash::fast::RandomState>,
    /// What the members' dates tell another side's: whether its dates
    /// may join is told by these alone.
    dates: DateSet,
}

impl<'r> Group<'r> {
    /// The reason of each link that joined the group, in order.
    pub(crate) fn reasons(
        &self,
        all: &[Appearance],
        read: &'r [Read],
        scratch: &mut Scratch<'r>,
    ) -> Vec<String> {
        let reasons = self.joins.iter();
        reasons.map(|l| l.reason(all, read, scratch)).collect()
    }

    /// A group of one appearance, before its first join.
    fn alone(all: &[Appearance], i: usize) -> Group<'r> {
        Group {
            members: vec![i],
            score: f64::INFINITY,
            joins: VecDeque::new(),
            texts: [text_kind(&all[i])].into_iter().collect(),
            dates: DateSet::of(Dates::of(&all[i])),
        }
    }

    /// This group with a smaller one's members added (its texts and dates
    /// too), in this one's buffers. Joins and score are the caller's.
    fn absorb(self, small: Group<'r>) -> Group<'r> {
        let mut big = self;
        big.members.extend(&small.members);
        big.texts.extend(small.texts);
        big.dates.merge(&small.dates);
        big
    }
}

/// One side of a candidate join: an appearance in no group yet, or a group.
enum Side<'g, 'r> {
    Alone(usize, DateSet),
    In(&'g Group<'r>),
}

impl Side<'_, '_> {
    fn members(&self) -> &[usize] {
        match self {
            Side::Alone(i, _) => std::slice::from_ref(i),
            Side::In(g) => &g.members,
        }
    }

    fn dates(&self) -> &DateSet {
        match self {
            Side::Alone(_, dates) => dates,
            Side::In(g) => &g.dates,
        }
    }

    /// Whether the side holds an appearance of this text and kind.
    fn holds(&self, all: &[Appearance], key: TextKind) -> bool {
        match self {
            Side::Alone(i, _) => text_kind(&all[*i]) == key,
            Side::In(g) => g.texts.contains(&key),
        }
    }
}

/// The groups [`grow`] made, and the checks it made to decide its joins.
pub(crate) struct Grown<'r> {
    pub groups: Vec<Group<'r>>,
    pub checks: usize,
}

/// Join links strongest first into groups, never joining two groups that
/// would hold two appearances of one kind in one text or two appearances
/// whose periods rule each other out, nor two that do not cohere. (The
/// joining links' reasons are written afterwards, for each group on its
/// own: see [`Group::reasons`].)
///
/// A join reads only the two groups it joins, which the links before it
/// made of appearances that links connect: the links fall apart into
/// [`components`] that no link joins, each grown on its own, in parallel on
/// the current rayon pool, as one pass over every link would grow it. The
/// groups are then put in the order that pass would make them in (of the
/// link that started each).
pub(crate) fn grow<'r>(
    all: &[Appearance],
    read: &'r [Read],
    totals: &Totals,
    links: Vec<Box<Link<'r>>>,
) -> Grown<'r> {
    // Out of their boxes on the pool's threads, which made them (freeing a
    // box here, one at a time, took a fifth of this thread's linking).
    let links: Vec<Link<'r>> = links.into_par_iter().map(|l| *l).collect();
    let (local, parts) = components(all.len(), &links);
    // Each thread grows its components with one workspace, into one list.
    let (mut groups, checks) = parts
        .into_par_iter()
        .fold(
            || (Workspace::default(), Vec::new(), 0),
            |(mut work, mut grown, mut checks), c| {
                let known = (all, read, totals);
                checks += grow_component(
                    known,
                    (&local, c.size),
                    (&links, &c.links),
                    &mut work,
                    &mut grown,
                );
                (work, grown, checks)
            },
        )
        .map(|(_, grown, checks)| (grown, checks))
        .reduce(
            || (Vec::new(), 0),
            |(mut a, x), (b, y)| {
                a.extend(b);
                (a, x + y)
            },
        );
    groups.sort_unstable_by_key(|&(started, _)| started);
    let groups = groups.into_iter().map(|(_, g)| g).collect();
    Grown { groups, checks }
}

/// What [`grow_component`] keeps as it goes, kept from one component to
/// the next on a thread (most components are two or three appearances:
/// new buffers for each cost more than growing it).
#[derive(Default)]
struct Workspace<'r> {
    scratch: Scratch<'r>,
    scores: Vec<Option<f64>>,
    /// Each appearance's group, by its index in the component.
    of: Vec<Option<usize>>,
    groups: Vec<Group<'r>>,
    /// The place of the link that started each group.
    started: Vec<usize>,
}

/// A set of appearances that links connect and no link joins to another
/// ([`components`]): how many, and its links' places among every link, in
/// order.
struct Component {
    size: usize,
    links: Vec<usize>,
}

/// The [`Component`]s of `links` among `n` appearances (those with a link),
/// the ones with the most links first (the largest is started first on the
/// pool); and each appearance's index in its component.
fn components(n: usize, links: &[Link]) -> (Vec<usize>, Vec<Component>) {
    let mut roots = Roots::new(n);
    for l in links {
        roots.unite(l.i, l.j);
    }
    // Each component's slot, by its root; each appearance's index in it.
    let (mut slot, mut local) = (vec![usize::MAX; n], vec![0; n]);
    let mut parts: Vec<Component> = Vec::new();
    for x in 0..n {
        let r = roots.of(x);
        if slot[r] == usize::MAX {
            slot[r] = parts.len();
            parts.push(Component {
                size: 0,
                links: Vec::new(),
            });
        }
        local[x] = parts[slot[r]].size;
        parts[slot[r]].size += 1;
    }
    for (k, l) in links.iter().enumerate() {
        parts[slot[roots.of(l.i)]].links.push(k);
    }
    parts.retain(|c| !c.links.is_empty());
    parts.sort_by_key(|c| std::cmp::Reverse(c.links.len()));
    (local, parts)
}

/// Which appearances links connect: a disjoint-set forest, each set named
/// by its least member.
struct Roots(Vec<usize>);

impl Roots {
    fn new(n: usize) -> Roots {
        Roots((0..n).collect())
    }

    /// The root of `x`'s set (halving the path to it on the way).
    fn of(&mut self, mut x: usize) -> usize {
        let parent = &mut self.0;
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }

    fn unite(&mut self, x: usize, y: usize) {
        let (a, b) = (self.of(x), self.of(y));
        self.0[a.max(b)] = a.min(b);
    }
}

/// Grow the groups of one of [`components`]: `size` appearances, whose
/// index in it `local` tells, and its links' places in `links`, in order.
/// Each group that holds two or more is added to `grown` with the place of
/// the link that started it; the checks made are returned.
fn grow_component<'r>(
    (all, read, totals): (&[Appearance], &'r [Read], &Totals),
    (local, size): (&[usize], usize),
    (links, order): (&[Link<'r>], &[usize]),
    work: &mut Workspace<'r>,
    grown: &mut Vec<(usize, Group<'r>)>,
) -> usize {
    let mut checks = 0;
    let Workspace {
        scratch,
        scores,
        of,
        groups,
        started,
    } = work;
    of.clear();
    groups.clear();
    started.clear();
    of.resize(size, None);
    for &k in order {
        let Some(&l) = links.get(k) else { continue };
        let (gi, gj) = (of[local[l.i]], of[local[l.j]]);
        if gi.is_some() && gi == gj {
            continue;
        }
        let side = |g: Option<usize>, i: usize| match g {
            Some(g) => Side::In(&groups[g]),
            None => Side::Alone(i, DateSet::of(Dates::of(&all[i]))),
        };
        let (left, right) = (side(gi, l.i), side(gj, l.j));
        if !compatible(all, (&left, &right), &mut checks)
            || !cohesive(
                (all, read, totals),
                (&left, &right),
                (scratch, scores),
                &mut checks,
            )
        {
            continue;
        }
        join(all, (groups, of, local), l);
        started.resize(groups.len(), k);
    }
    let made = started.drain(..).zip(groups.drain(..));
    grown.extend(made.filter(|(_, g)| g.members.len() >= 2));
    checks
}

/// Join the groups (or lone appearances) of `l`'s two ends into one, kept
/// in the larger group's slot so that only the smaller side's members are
/// told their new group (`of`, by their index in the component, `local`).
/// Its reasons tell `l.i`'s side's joins first, then `l.j`'s, then `l`.
fn join<'r>(
    all: &[Appearance],
    (groups, of, local): (&mut Vec<Group<'r>>, &mut [Option<usize>], &[usize]),
    l: Link<'r>,
) {
    let (gi, gj) = (of[local[l.i]], of[local[l.j]]);
    let mut take = |g: Option<usize>, i: usize| match g {
        Some(g) => std::mem::take(&mut groups[g]),
        None => Group::alone(all, i),
    };
    let (mut a, mut b) = (take(gi, l.i), take(gj, l.j));
    let mut joins = in_order(std::mem::take(&mut a.joins), std::mem::take(&mut b.joins));
    joins.push_back(l);
    let score = a.score.min(b.score).min(l.score);
    let (big, small, kept) = if a.members.len() >= b.members.len() {
        (a, b, gi)
    } else {
        (b, a, gj)
    };
    // (a lone appearance is kept only with another: both are new)
    let slot = kept.unwrap_or_else(|| {
        groups.push(Group::default());
        groups.len() - 1
    });
    for &m in &small.members {
        of[local[m]] = Some(slot);
    }
    if kept.is_none() {
        for &m in &big.members {
            of[local[m]] = Some(slot);
        }
    }
    let mut merged = big.absorb(small);
    merged.score = score;
    merged.joins = joins;
    groups[slot] = merged;
}

/// `first`'s joins, then `then`'s, moving the fewer.
fn in_order<T>(mut first: VecDeque<T>, mut then: VecDeque<T>) -> VecDeque<T> {
    if first.len() >= then.len() {
        first.append(&mut then);
        first
    } else {
        while let Some(l) = first.pop_back() {
            then.push_front(l);
        }
        then
    }
}

/// Whether two sides may be one project: no text and kind in both, and no
/// date of one that rules out a date of the other (as every pair of their
/// members would tell: the conflicts of two members' periods read only
/// their dates, and [`DateSet::fits`] tells them for every pair). Members looked up and the
/// one comparison of the two sides' dates are added to `checks`.
fn compatible(all: &[Appearance], (left, right): (&Side, &Side), checks: &mut usize) -> bool {
    let (small, large) = if left.members().len() <= right.members().len() {
        (left, right)
    } else {
        (right, left)
    };
    *checks += small.members().len() + 1;
    let shared_text = |&m: &usize| large.holds(all, text_kind(&all[m]));
    !small.members().iter().any(shared_text) && left.dates().fits(right.dates())
}

/// Two groups join only when their members are alike on average, not just
/// through one link: the mean score over every pair across them (0 for a
/// pair that may not be linked), of a [`COHESION_SAMPLE`] of each side
/// larger than that, must reach [`MIN_COHESION`]. One loose link between
/// two tight groups (two projects of one institute whose renamed titles
/// happen to meet) does not merge them. The pairs weighed are added to
/// `checks`.
fn cohesive<'r>(
    known: (&[Appearance], &'r [Read], &Totals),
    (left, right): (&Side, &Side),
    weighing: (&mut Scratch<'r>, &mut Vec<Option<f64>>),
    checks: &mut usize,
) -> bool {
    if left.members().len() == 1 && right.members().len() == 1 {
        return true;
    }
    let (mut x, mut y) = ([0; COHESION_SAMPLE], [0; COHESION_SAMPLE]);
    let (left, right) = (
        sample(left.members(), &mut x),
        sample(right.members(), &mut y),
    );
    *checks += left.len() * right.len();
    coheres(known, (left, right), weighing)
}

/// Up to [`COHESION_SAMPLE`] of `members`, spread evenly over them (all of
/// them when there are no more), in index order, written to `buffer`.
fn sample<'b>(members: &[usize], buffer: &'b mut [usize; COHESION_SAMPLE]) -> &'b [usize] {
    let n = members.len().min(COHESION_SAMPLE);
    for (k, slot) in buffer.iter_mut().enumerate().take(n) {
        *slot = members
            .get(k * members.len() / n)
            .copied()
            .unwrap_or_default();
    }
    let taken = &mut buffer[..n];
    taken.sort_unstable();
    taken
}

/// The mean score over every pair across two groups, 0 for a pair that
/// may not be linked: a candidate pair's total as it was scored, another
/// pair's scored now. ([`coheres`] tells whether it reaches
/// [`MIN_COHESION`] with fewer pairs scored; this is what it tells.)
#[cfg(test)]
fn mean_score<'r>(
    (all, read, totals): (&[Appearance], &'r [Read], &Totals),
    (left, right): (&[usize], &[usize]),
    scratch: &mut Scratch<'r>,
) -> f64 {
    let mut total = 0.0;
    for &x in left {
        for &y in right {
            let (i, j) = (x.min(y), x.max(y));
            let pair = totals
                .get((i, j))
                .unwrap_or_else(|| parts(all, read, (i, j), scratch).map(|p| p.total()));
            total += pair.unwrap_or(0.0);
        }
    }
    total / (left.len() * right.len()) as f64
}

/// How far above the least sum for cohesion a sum of some of the pairs
/// must be for [`coheres`] to stop before the rest: a sum of up to
/// [`COHESION_SAMPLE`]² scores taken in another order may differ from the
/// mean's own sum by their rounding, about 10⁻¹³ of it at most; this is far
/// above that, and far below any difference of scores.
const SUM_MARGIN: f64 = 1e-9;

/// Whether the mean score over every pair across two groups
/// (`mean_score`, kept for the tests) reaches [`MIN_COHESION`], told with
/// fewer pairs scored. No pair's score is below 0 ([`LEAST_TOTAL`]), so a
/// sum of some of them that reaches the least sum for cohesion
/// ([`SUM_MARGIN`] above it) tells the answer before the rest are read:
/// first the candidate pairs' kept totals (a look-up each), then the other
/// pairs, scored one at a time. A check that reaches no such sum adds up
/// every pair's score in the order `mean_score` does, and its answer is
/// the mean's.
fn coheres<'r>(
    (all, read, totals): (&[Appearance], &'r [Read], &Totals),
    (left, right): (&[usize], &[usize]),
    (scratch, scores): (&mut Scratch<'r>, &mut Vec<Option<f64>>),
) -> bool {
    let n = left.len() * right.len();
    let enough = MIN_COHESION * n as f64 * (1.0 + SUM_MARGIN);
    let pair = |k: usize| {
        let (x, y) = (left[k / right.len()], right[k % right.len()]);
        (x.min(y), x.max(y))
    };
    scores.clear();
    scores.extend((0..n).map(|k| totals.get(pair(k)).map(|t| t.unwrap_or(0.0))));
    let mut sum: f64 = scores.iter().flatten().sum();
    for (k, slot) in scores.iter_mut().enumerate() {
        if sum >= enough {
            return true;
        }
        if slot.is_none() {
            let score = parts(all, read, pair(k), scratch).map_or(0.0, |p| p.total());
            debug_assert!(score == 0.0 || score >= LEAST_TOTAL, "{score}");
            *slot = Some(score);
            sum += score;
        }
    }
    let total = scores.iter().fold(0.0, |t, s| t + s.unwrap_or(0.0));
    total / n as f64 >= MIN_COHESION
}

#[cfg(test)]
mod tests {
    use super::super::score::score;
    use super::super::{LINK_THRESHOLD, Period};
    use super::*;

    /// Every third pair of `all` a candidate, its total kept as scored;
    /// the rest scored again when asked.
    fn every_third_kept<'r>(
        all: &[Appearance],
        read: &'r [Read],
        scratch: &mut Scratch<'r>,
    ) -> (Vec<(usize, usize)>, Totals) {
        let pairs: Vec<(usize, usize)> = (0..all.len())
            .flat_map(|i| (i + 1..all.len()).map(move |j| (i, j)))
            .filter(|&(i, j)| (i + j) % 3 == 0)
            .collect();
        let totals = (pairs.iter())
            .map(|&p| score(all, read, p, LINK_THRESHOLD, scratch).0)
            .collect();
        (pairs.clone(), Totals::new(pairs, totals))
    }

    #[test]
    fn cohesion_from_kept_totals_is_cohesion_scored_again() {
        let titles = [
            "Lesing i skogen blant eldre",
            "Lesing i skogen: et forsøk",
            "Skoglab – lesing i skogen",
            "Kaffe på kaia for fiskere",
            "Kaffe på kaia",
            "TRYHA for fiskere",
            "Trygg havneliv for fiskere",
        ];
        let all: Vec<Appearance> = (0..21)
            .map(|k| {
                let kind = [AppearanceKind::Portfolio, AppearanceKind::Project][k % 2];
                Appearance::new(
                    k / 3,
                    "t",
                    Some(2019 + (k / 7) as i32),
                    kind,
                    k,
                    titles[k % 7],
                )
            })
            .collect();
        let registry = crate::registry::Registry::builtin();
        let read = super::super::score::read_all(&all, registry);
        let mut scratch = Scratch::default();
        let (pairs, kept) = every_third_kept(&all, &read, &mut scratch);
        let none = Totals::default();
        assert!(pairs.iter().any(|&p| matches!(kept.get(p), Some(Some(_)))));
        // Left: the appearances of one title; right: those of another.
        let of = |t: usize| (0..all.len()).filter(move |k| k % titles.len() == t);
        let mut cohere = 0;
        for x in 0..titles.len() {
            for y in x + 1..titles.len() {
                let (left, right): (Vec<usize>, Vec<usize>) = (of(x).collect(), of(y).collect());
                let with = mean_score((&all, &read, &kept), (&left, &right), &mut scratch);
                let without = mean_score((&all, &read, &none), (&left, &right), &mut scratch);
                assert_eq!(with, without, "{} / {}", titles[x], titles[y]);
                cohere += usize::from(with >= MIN_COHESION);
            }
        }
        // Some pairs of titles cohere (`Kaffe på kaia`), most do not.
        assert!(cohere > 0 && cohere < 10, "{cohere}");
    }

    /// Titles of a few related projects: some alike enough to link, and
    /// sides of them that cohere and that do not.
    const RELATED_TITLES: [&str; 7] = [
        "Lesing i skogen blant eldre",
        "Lesing i skogen: et forsøk",
        "Skoglab – lesing i skogen",
        "Lesing i byen blant eldre",
        "Kaffe på kaia for fiskere",
        "Kaffe på kaia",
        "Kaffe i skogen for fiskere",
    ];

    /// The cohesion check's early answer is the mean's: on sides drawn
    /// from appearances of a few related titles (a third of the pairs
    /// candidates with kept totals, the others scored when asked),
    /// `coheres` says what `mean_score(..) >= MIN_COHESION` says; both
    /// answers are common, and sides that cohere are told with pairs left
    /// unscored.
    #[test]
    fn cohesion_told_early_is_the_means_answer() {
        let titles = RELATED_TITLES;
        let mut draw = crate::link::tests_draw(11);
        let all: Vec<Appearance> = (0..60)
            .map(|k| {
                let kind = [AppearanceKind::Portfolio, AppearanceKind::Project][draw(2)];
                let year = Some(2019 + draw(3) as i32);
                Appearance::new(draw(20), "t", year, kind, k, titles[draw(titles.len())])
            })
            .collect();
        let registry = crate::registry::Registry::builtin();
        let read = super::super::score::read_all(&all, registry);
        let mut scratch = Scratch::default();
        let (_, kept) = every_third_kept(&all, &read, &mut scratch);
        // A side: members drawn from the appearances of one title, or of any.
        let by_title: Vec<Vec<usize>> = (0..=titles.len())
            .map(|t| match titles.get(t) {
                Some(title) => (0..all.len()).filter(|&k| all[k].title == *title).collect(),
                None => (0..all.len()).collect(),
            })
            .collect();
        let side = |t: usize, n: usize, draw: &mut dyn FnMut(usize) -> usize| {
            let from = &by_title[t];
            let mut members: Vec<usize> = (0..n).map(|_| from[draw(from.len())]).collect();
            members.sort_unstable();
            members.dedup();
            members
        };
        let (mut coherent, mut early, mut scores) = (0, 0, Vec::new());
        let checked = 600;
        for _ in 0..checked {
            let (t, u) = (draw(titles.len() + 1), draw(titles.len() + 1));
            let u = if draw(2) == 0 { t } else { u };
            let (a, b) = (draw(6) + 1, draw(6) + 1);
            let (left, right) = (side(t, a, &mut draw), side(u, b, &mut draw));
            let known = (&all[..], &read[..], &kept);
            let want = mean_score(known, (&left, &right), &mut scratch) >= MIN_COHESION;
            let told = coheres(known, (&left, &right), (&mut scratch, &mut scores));
            assert_eq!(told, want, "{left:?} {right:?}");
            coherent += usize::from(told);
            early += usize::from(scores.iter().any(Option::is_none));
        }
        assert!(
            coherent > checked / 10 && checked - coherent > checked / 10,
            "{coherent} of {checked} cohere"
        );
        assert!(early > coherent / 4, "{early} of {coherent} told early");
    }

    /// Appearances of one title in texts 0..n/8 (two kinds), with years,
    /// periods and statuses drawn from a few of each by a fixed sequence;
    /// without them when not `dated` (then only the texts may clash).
    fn drawn(n: usize, dated: bool) -> Vec<Appearance> {
        let mut next = crate::link::tests_draw(7);
        let mut draw = |k: u64| next(k as usize) as i32;
        (0..n)
            .map(|i| {
                let kind = [AppearanceKind::Portfolio, AppearanceKind::Project][draw(2) as usize];
                let year = Some(2018 + draw(6)).filter(|_| draw(8) > 0);
                let mut a = Appearance::new(draw(n as u64 / 8) as usize, "t", year, kind, i, "T");
                let start = 2016 + draw(4);
                a.period = Some(Period {
                    start,
                    end: start + draw(4),
                })
                .filter(|_| draw(3) > 0);
                a.status = ["ongoing", "completed"]
                    .get(draw(3) as usize)
                    .map(|s| (*s).to_owned());
                if !dated {
                    (a.year, a.period, a.status) = (None, None, None);
                }
                a
            })
            .collect()
    }

    #[test]
    fn a_group_kept_with_its_texts_and_dates_is_compatible_as_its_members_pair_by_pair() {
        for dated in [true, false] {
            compatible_as_pair_by_pair(&drawn(400, dated));
        }
    }

    fn compatible_as_pair_by_pair(all: &[Appearance]) {
        // Halves joined, each a group of its own: groups absorb groups.
        fn group<'r>(all: &[Appearance], members: &[usize]) -> Group<'r> {
            match members {
                [] => Group::default(),
                [one] => Group::alone(all, *one),
                _ => {
                    let (a, b) = members.split_at(members.len() / 2);
                    group(all, b).absorb(group(all, a))
                }
            }
        }
        let by_pairs = |left: &[usize], right: &[usize]| {
            left.iter().all(|&x| {
                right.iter().all(|&y| {
                    let (a, b) = (&all[x], &all[y]);
                    text_kind(a) != text_kind(b) && Dates::of(a).fit(Dates::of(b))
                })
            })
        };
        let (mut agree, mut fit) = (0, 0);
        for size in [1, 2, 3, 5, 8] {
            for at in (0..all.len() - 2 * size).step_by(3) {
                let left = &group(all, &all_of(at, size));
                let right = &group(all, &all_of(at + size, size));
                let sides = [
                    (Side::In(left), Side::In(right)),
                    (
                        Side::Alone(at, DateSet::of(Dates::of(&all[at]))),
                        Side::In(right),
                    ),
                ];
                for (l, r) in &sides {
                    let mut checks = 0;
                    let told = compatible(all, (l, r), &mut checks);
                    assert_eq!(
                        told,
                        by_pairs(l.members(), r.members()),
                        "{:?} {:?}",
                        l.members(),
                        r.members()
                    );
                    assert!(checks <= l.members().len().min(r.members().len()) + 1);
                    agree += 1;
                    fit += usize::from(told);
                }
            }
        }
        // Both answers are common: the draw is not all one way.
        assert!(
            fit > agree / 20 && agree - fit > agree / 20,
            "{fit} of {agree}"
        );
    }

    fn all_of(at: usize, size: usize) -> Vec<usize> {
        (at..at + size).collect()
    }

    /// The candidate pairs' totals and the links among them, in the order
    /// they are grown in (as [`super::super::link_counted`] makes them).
    fn scored_links<'r>(all: &[Appearance], read: &'r [Read]) -> (Totals, Vec<Box<Link<'r>>>) {
        let pairs = super::super::candidate_pairs(read);
        let mut scratch = Scratch::default();
        let (totals, links): (Vec<_>, Vec<_>) = (pairs.iter())
            .map(|&p| score(all, read, p, LINK_THRESHOLD, &mut scratch))
            .unzip();
        let mut links: Vec<_> = links.into_iter().flatten().collect();
        links.sort_unstable_by(|x, y| super::super::strongest_first(x, y));
        (Totals::new(pairs, totals), links)
    }

    /// What tells a group apart: members, weakest link, and its joins.
    fn told(g: &Group) -> (Vec<usize>, f64, Vec<(usize, usize, f64)>) {
        let joins = g.joins.iter().map(|l| (l.i, l.j, l.score)).collect();
        (g.members.clone(), g.score, joins)
    }

    /// Groups grown component by component, in parallel, are the groups of
    /// one pass over every link (one component holding every appearance),
    /// in the same order, after as many checks: on 900 appearances of
    /// eleven titles (some alike) in 112 texts, with drawn kinds, years and
    /// periods, so that joins are refused for a shared text, for dates and
    /// for cohesion.
    #[test]
    fn groups_grown_component_by_component_are_those_of_one_pass() {
        let others = [
            "Tolk i kontoret",
            "Unge i arbeid etter skolen",
            "Båter i havn",
            "Trygge havner for små båter",
        ];
        let titles: Vec<&str> = RELATED_TITLES.into_iter().chain(others).collect();
        let mut all = drawn(900, true);
        let mut draw = crate::link::tests_draw(23);
        for a in &mut all {
            a.title = titles[draw(titles.len())].to_owned();
        }
        let registry = crate::registry::Registry::builtin();
        let read = super::super::score::read_all(&all, registry);
        let (totals, links) = scored_links(&all, &read);
        let unboxed: Vec<Link> = links.iter().map(|l| **l).collect();
        let every: Vec<usize> = (0..unboxed.len()).collect();
        // One pass: every appearance in one component.
        let identity: Vec<usize> = (0..all.len()).collect();
        let (mut one, mut work) = (Vec::new(), Workspace::default());
        let one_checks = grow_component(
            (&all, &read, &totals),
            (&identity, all.len()),
            (&unboxed, &every),
            &mut work,
            &mut one,
        );
        let (local, parts) = components(all.len(), &unboxed);
        assert!(parts.len() >= 4, "{} components", parts.len());
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        let grown = pool.install(|| grow(&all, &read, &totals, links));
        assert_eq!(grown.checks, one_checks);
        let one: Vec<_> = one.iter().map(|(_, g)| told(g)).collect();
        let by_parts: Vec<_> = grown.groups.iter().map(told).collect();
        assert_eq!(by_parts, one);
        // Every appearance of a component has its own index in it.
        for Component { size, links } in &parts {
            let mut seen: Vec<usize> = links
                .iter()
                .flat_map(|&k| [local[unboxed[k].i], local[unboxed[k].j]])
                .collect();
            seen.sort_unstable();
            seen.dedup();
            assert!(seen.iter().all(|&k| k < *size), "{seen:?} of {size}");
        }
        // Joins were refused: fewer groups than components would allow.
        let members: usize = grown.groups.iter().map(|g| g.members.len()).sum();
        assert!(
            grown.groups.len() > parts.len() / 2,
            "{} groups",
            grown.groups.len()
        );
        assert!(members > 100, "{members} appearances in groups");
    }

    #[test]
    fn joins_are_told_first_side_first_whichever_is_longer() {
        let told = |a: &[u8], b: &[u8]| Vec::from(in_order(a.to_vec().into(), b.to_vec().into()));
        assert_eq!(told(&[1, 2, 3], &[4]), [1, 2, 3, 4]);
        assert_eq!(told(&[1], &[2, 3, 4]), [1, 2, 3, 4]);
        assert_eq!(told(&[], &[1, 2]), [1, 2]);
    }

    #[test]
    fn a_sample_is_a_small_side_whole_and_a_large_one_spread_evenly() {
        let mut buffer = [0; COHESION_SAMPLE];
        assert_eq!(sample(&[9, 4, 7], &mut buffer), [4, 7, 9]);
        let large: Vec<usize> = (0..10 * COHESION_SAMPLE).rev().collect();
        let taken = sample(&large, &mut buffer).to_vec();
        let spread: Vec<usize> = (0..COHESION_SAMPLE).map(|k| 10 * k + 9).collect();
        assert_eq!(taken, spread);
    }
}

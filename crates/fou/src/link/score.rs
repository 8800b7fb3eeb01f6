//! The evidence two appearances give of being one project: a score and the
//! reason in words, or no link.

use super::title::{Title, block_key, content_words, similarity};
use super::{Appearance, AppearanceKind};
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

/// The least mean score across two groups for them to join (see
/// `cohesive`): half the threshold's evidence on average.
const MIN_COHESION: f64 = 0.5;

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
        }
    }

    /// The block keys of the title's words.
    pub(crate) fn keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self
            .title
            .variants
            .iter()
            .flatten()
            .map(|w| block_key(w))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    pub(crate) fn title_words(&self) -> &[String] {
        self.title.words()
    }
}

fn push(keys: &mut Vec<String>, names: &mut Vec<String>, key: &str, name: &str) {
    if !keys.iter().any(|k| k == key) {
        keys.push(key.to_owned());
        names.push(name.to_owned());
    }
}

/// A scored link between appearances `i < j`.
#[derive(Debug, Clone)]
pub(crate) struct Link {
    pub i: usize,
    pub j: usize,
    pub score: f64,
    pub reason: String,
}

/// Score a candidate pair that reaches `threshold`, with its reason, or
/// `None` when it does not or may not be linked at all. The reason is
/// written only for a pair that is kept: most candidate pairs are not, and
/// writing theirs was a quarter of a collection's work.
pub(crate) fn score(
    all: &[Appearance],
    read: &[Read],
    (i, j): (usize, usize),
    threshold: f64,
) -> Option<Link> {
    let parts = parts(all, read, i, j)?;
    let score = parts.total();
    // (as a filter on `>=` would: no pair reaches a NaN threshold)
    let reaches = score >= threshold;
    if !reaches {
        return None;
    }
    let (a, b) = (&all[i], &all[j]);
    let mut reason = format!(
        "{} ↔ {}: titles {:.2} alike ({})",
        label(a),
        label(b),
        parts.sim,
        parts.shared.join(", ")
    );
    for why in [parts.inst_why, parts.period_why].into_iter().flatten() {
        reason.push_str(", ");
        reason.push_str(&why);
    }
    Some(Link {
        i,
        j,
        score,
        reason,
    })
}

/// What a candidate pair's score is made of ([`score`] adds it up).
struct Parts {
    /// The titles' similarity, and the words they share.
    sim: f64,
    shared: Vec<String>,
    /// The institutions' and the periods' parts, with their reasons.
    inst: f64,
    inst_why: Option<String>,
    period: f64,
    period_why: Option<String>,
}

impl Parts {
    fn total(&self) -> f64 {
        self.sim + self.inst + self.period
    }
}

/// The parts of a candidate pair's score, or `None` when it may not be
/// linked at all.
fn parts(all: &[Appearance], read: &[Read], i: usize, j: usize) -> Option<Parts> {
    let (a, b) = (&all[i], &all[j]);
    if a.text == b.text && a.kind == b.kind {
        return None;
    }
    let (sim, shared) = title_similarity(&read[i].title, &read[j].title);
    let same_words = read[i].title.words() == read[j].title.words();
    if sim < MIN_TITLE_SIMILARITY || (shared.len() < MIN_SHARED_WORDS && !same_words) {
        return None;
    }
    let (inst, inst_why) = institutions(&read[i], &read[j]);
    let (period, period_why) = periods(a, b).ok()?;
    Some(Parts {
        sim,
        shared,
        inst,
        inst_why,
        period,
        period_why,
    })
}

fn label(a: &Appearance) -> String {
    format!("{} {} {}", a.path, a.kind.as_str(), a.item)
}

/// The best similarity over the two titles' variants, with the shared words.
fn title_similarity(a: &Title, b: &Title) -> (f64, Vec<String>) {
    let mut best = (0.0, Vec::new());
    for x in &a.variants {
        for y in &b.variants {
            let s = similarity(x, y, &a.acronyms, &b.acronyms);
            if s.0 > best.0 {
                best = s;
            }
        }
    }
    best
}

/// Institutions' part of the score, with the reason.
fn institutions(a: &Read, b: &Read) -> (f64, Option<String>) {
    if a.institutions.is_empty() || b.institutions.is_empty() {
        return (0.0, None);
    }
    let shared: Vec<&str> = a
        .institutions
        .iter()
        .zip(&a.names)
        .filter(|(k, _)| b.institutions.contains(k))
        .map(|(_, n)| n.as_str())
        .collect();
    // A name the registry does not know may still be written with a known
    // one's word (`SINTEF Digital`, `Sintef`).
    let written = || {
        a.raw_words
            .iter()
            .find(|w| b.raw_words.contains(w))
            .filter(|_| !(a.known && b.known))
    };
    if let Some(first) = shared.first() {
        (SHARED_INSTITUTION, Some(format!("both at {first}")))
    } else if let Some(word) = written() {
        (SHARED_INSTITUTION, Some(format!("both name {word}")))
    } else if a.known && b.known {
        (
            -DISJOINT_INSTITUTIONS,
            Some(format!("but {} ≠ {}", a.names.join("/"), b.names.join("/"))),
        )
    } else {
        (
            -DISJOINT_NAMES,
            Some("institutions written differently".to_owned()),
        )
    }
}

fn completed(a: &Appearance) -> bool {
    a.kind == AppearanceKind::Project || a.status.as_deref() == Some("completed")
}

/// Periods' part of the score, or `Err` with the reason they cannot be one
/// project.
pub(crate) fn periods(a: &Appearance, b: &Appearance) -> Result<(f64, Option<String>), String> {
    let mut adjust = (0.0, None);
    if let (Some(p), Some(q)) = (a.period, b.period) {
        if (p.start - q.start).abs() > MAX_START_SHIFT {
            return Err(format!("started {} and {}", p.start, q.start));
        }
        if p == q {
            adjust = (SAME_PERIOD, Some(format!("both {}–{}", p.start, p.end)));
        }
    }
    for (x, y) in [(a, b), (b, a)] {
        let (Some(done), true) = (x.year, completed(x)) else {
            continue;
        };
        match (y.year, completed(y)) {
            (Some(seen), false) if seen > done => {
                return Err(format!("listed in {seen} after completed in {done}"));
            }
            (Some(again), true) if again != done => {
                return Err(format!("completed in {done} and in {again}"));
            }
            _ => {}
        }
        let Some(p) = y.period else { continue };
        if done < p.start {
            return Err(format!("completed in {done} before its start {}", p.start));
        }
        if !completed(y) && y.year == Some(done) && p.end > done + 1 {
            return Err(format!("completed in {done} but running to {}", p.end));
        }
        if done > p.end + 2 {
            return Err(format!(
                "completed in {done}, long after {}–{}",
                p.start, p.end
            ));
        }
        // Two years after the planned end happens (a delay, a report's
        // lag): possible, but no evidence for the link.
        adjust = if done > p.end + 1 {
            (
                0.0,
                Some(format!("completed {done}, late for {}–{}", p.start, p.end)),
            )
        } else {
            (
                PLAUSIBLE_PERIOD,
                Some(format!("completed {done} fits {}–{}", p.start, p.end)),
            )
        };
    }
    Ok(adjust)
}

/// A group being grown: members, weakest link, reasons.
#[derive(Debug, Clone, Default)]
pub(crate) struct Group {
    pub members: Vec<usize>,
    pub score: f64,
    pub reasons: Vec<String>,
}

/// Join links strongest first into groups, never joining two groups that
/// would hold two appearances of one kind in one text or two appearances
/// whose periods rule each other out.
pub(crate) fn grow(all: &[Appearance], read: &[Read], links: Vec<Link>) -> Vec<Group> {
    let mut of: Vec<Option<usize>> = vec![None; all.len()];
    let mut groups: Vec<Group> = Vec::new();
    for l in links {
        let (gi, gj) = (of[l.i], of[l.j]);
        if gi.is_some() && gi == gj {
            continue;
        }
        let left = gi
            .map(|g| groups[g].members.clone())
            .unwrap_or_else(|| vec![l.i]);
        let right = gj
            .map(|g| groups[g].members.clone())
            .unwrap_or_else(|| vec![l.j]);
        if !compatible(all, &left, &right) || !cohesive(all, read, &left, &right) {
            continue;
        }
        let target = match (gi, gj) {
            (Some(g), _) | (None, Some(g)) => g,
            (None, None) => {
                groups.push(Group {
                    score: f64::INFINITY,
                    ..Group::default()
                });
                groups.len() - 1
            }
        };
        let mut merged = std::mem::take(&mut groups[target]);
        if let (Some(g), Some(h)) = (gi, gj) {
            let other = if g == target { h } else { g };
            let gone = std::mem::take(&mut groups[other]);
            merged.score = merged.score.min(gone.score);
            merged.reasons.extend(gone.reasons);
        }
        merged.members = left.into_iter().chain(right).collect();
        merged.members.sort_unstable();
        merged.score = merged.score.min(l.score);
        merged.reasons.push(l.reason);
        for &m in &merged.members {
            of[m] = Some(target);
        }
        groups[target] = merged;
    }
    groups.retain(|g| g.members.len() >= 2);
    groups
}

/// Two groups join only when their members are alike on average, not just
/// through one link: the mean score over every pair across them (0 for a
/// pair that may not be linked) must reach [`MIN_COHESION`]. One loose
/// link between two tight groups (two projects of one institute whose
/// renamed titles happen to meet) does not merge them.
fn cohesive(all: &[Appearance], read: &[Read], left: &[usize], right: &[usize]) -> bool {
    if left.len() == 1 && right.len() == 1 {
        return true;
    }
    let mut total = 0.0;
    for &x in left {
        for &y in right {
            let (i, j) = (x.min(y), x.max(y));
            total += parts(all, read, i, j).map_or(0.0, |p| p.total());
        }
    }
    total / (left.len() * right.len()) as f64 >= MIN_COHESION
}

fn compatible(all: &[Appearance], left: &[usize], right: &[usize]) -> bool {
    left.iter().all(|&x| {
        right.iter().all(|&y| {
            let (a, b) = (&all[x], &all[y]);
            !(a.text == b.text && a.kind == b.kind) && periods(a, b).is_ok()
        })
    })
}

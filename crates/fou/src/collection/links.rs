//! Projects followed across the texts of a collection ([`crate::link`]),
//! and the check that a linked project's appearances agree in time.

use std::collections::HashMap;

use super::checks::at;
use super::{Collection, CollectionDiagnostic, Text, Value};
use crate::link::{Appearance, AppearanceKind, LinkGroup, LinkOptions};
use crate::model::{DiagnosticCode, Severity, Span};
use crate::text::shorten;

/// How many characters of a title a message quotes.
const QUOTED: usize = 80;

/// The appearances of the kept texts (projects, portfolio items and PhD
/// candidates, text by text) and their links.
pub(super) fn link(texts: &[Text], options: &LinkOptions) -> (Vec<Appearance>, Vec<LinkGroup>) {
    let mut all = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        if t.duplicate_of.is_none() {
            all.extend(crate::link::appearances(i, &t.name(i), &t.report));
        }
    }
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

/// Why two appearances of one project contradict each other in time, if
/// they do: completed before the other's period started, listed as ongoing
/// after it was completed, or periods that do not meet.
fn conflict(a: &Appearance, b: &Appearance) -> Option<String> {
    let completed = |x: &Appearance| x.kind == AppearanceKind::Project;
    let ongoing = |x: &Appearance| x.status.as_deref() == Some("ongoing");
    for (x, y) in [(a, b), (b, a)] {
        if let (true, Some(done), Some(p)) = (completed(x), x.year, y.period) {
            if done < p.start {
                return Some(format!(
                    "completed in {done}, before its period {}–{} started",
                    p.start, p.end
                ));
            }
        }
        if let (true, true, Some(done), Some(later)) = (completed(x), ongoing(y), x.year, y.year) {
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
        for (k, a) in apps.iter().enumerate() {
            for b in &apps[k + 1..] {
                let Some(why) = conflict(a, b) else { continue };
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
    }
    out
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

    pub(super) fn appearance_rows(&self) -> Vec<Vec<Value>> {
        let mut link_of: HashMap<(usize, AppearanceKind, usize), &str> = HashMap::new();
        for g in &self.links {
            for a in &g.appearances {
                link_of.insert((a.text, a.kind, a.item), &g.id);
            }
        }
        self.appearances
            .iter()
            .map(|a| {
                let link = link_of.get(&(a.text, a.kind, a.item)).copied();
                vec![
                    self.texts[a.text].hash.as_str().into(),
                    a.kind.as_str().into(),
                    a.item.into(),
                    a.year.into(),
                    (&*a.title).into(),
                    a.institution_raw.clone().into(),
                    a.status.clone().into(),
                    a.period.map(|p| p.start).into(),
                    a.period.map(|p| p.end).into(),
                    link.into(),
                ]
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

    #[test]
    fn times_that_contradict_are_found() {
        use AppearanceKind::{Portfolio, Project};
        let done_2021 = app(2021, Project, "completed", None);
        assert!(
            conflict(
                &done_2021,
                &app(2020, Portfolio, "ongoing", Some((2022, 2024)))
            )
            .is_some()
        );
        assert!(
            conflict(
                &app(2022, Portfolio, "ongoing", Some((2019, 2021))),
                &done_2021
            )
            .is_some()
        );
        assert!(
            conflict(
                &app(2019, Portfolio, "ongoing", Some((2016, 2017))),
                &app(2020, Portfolio, "ongoing", Some((2019, 2021)))
            )
            .is_some()
        );
        // a project listed as 2019–2021 that finishes in 2022 is plausible
        let done_2022 = app(2022, Project, "completed", None);
        assert_eq!(
            conflict(
                &app(2020, Portfolio, "ongoing", Some((2019, 2021))),
                &done_2022
            ),
            None
        );
    }
}

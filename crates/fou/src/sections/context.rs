//! What a piece of running text says about the projects around it: their
//! funding and their status. Section headings, list intros and the sentences
//! of stated counts are read with the same words ([`crate::lexicon`]).

use crate::lexicon::{self, Searchable};
use crate::model::{Funding, PortfolioStatus};
use crate::text::{KeywordFilter, Phrases, Searched, norm};
use std::sync::LazyLock;

/// Texts that may name a funding, in running text ([`lexicon::BIDRAG`],
/// [`lexicon::OPPDRAG`]) or in a project's own summary
/// ([`lexicon::SUMMARY_BIDRAG`], [`lexicon::SUMMARY_OPPDRAG`]): one filter
/// for both, as both come down to `bidrag` and `oppdrag`.
static FUNDING: LazyLock<KeywordFilter> = LazyLock::new(|| {
    KeywordFilter::new(&[
        lexicon::BIDRAG,
        lexicon::OPPDRAG,
        lexicon::SUMMARY_BIDRAG,
        lexicon::SUMMARY_OPPDRAG,
    ])
});

/// The phrases of a summary that say it was funded by a grant
/// ([`lexicon::SUMMARY_BIDRAG`]) …
static SUMMARY_BIDRAG: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(lexicon::SUMMARY_BIDRAG));
/// … or commissioned ([`lexicon::SUMMARY_OPPDRAG`]).
static SUMMARY_OPPDRAG: LazyLock<Phrases> =
    LazyLock::new(|| Phrases::new(lexicon::SUMMARY_OPPDRAG));

/// Texts that may introduce projects or sketches ([`lexicon::PROJECTS`],
/// [`lexicon::SHORTLISTED`]).
static INTRODUCES: LazyLock<KeywordFilter> =
    LazyLock::new(|| KeywordFilter::new(&[lexicon::PROJECTS, lexicon::SHORTLISTED]));

/// Intros that may say a list lists vendors ([`lexicon::VENDORS`]).
static VENDOR_INTRO: LazyLock<KeywordFilter> =
    LazyLock::new(|| KeywordFilter::new(&[lexicon::VENDORS]));

/// May the intro `text` say its list lists vendors (`has_any(&norm(text),
/// VENDORS)`)? A cheap test on the text as it stands: when it says no, so
/// does that, and the intro need not be normalised to find out.
pub(crate) fn may_name_vendors(text: &str) -> bool {
    VENDOR_INTRO.may_match(text)
}

/// May `text` name a funding ([`funding_in`], [`funding_described`])? A
/// cheap test on the text as it stands: when it says no, so do they, and a
/// reader can skip asking them of each part of the text.
pub(crate) fn may_name_funding(text: &str) -> bool {
    FUNDING.may_match(text)
}

/// Funding named by a text: `bidrag…` or `oppdrag…`, `None` when both or neither.
pub(crate) fn funding_in(text: &str) -> Option<Funding> {
    // Most texts (every clause of running text) name neither.
    if !may_name_funding(text) {
        return None;
    }
    funding_of(&norm(text))
}

/// [`funding_in`] of a normalised text `t` ([`norm`] of a text; normalising
/// it again would change nothing).
pub(crate) fn funding_of(t: &str) -> Option<Funding> {
    funding_searched(&Searchable::new(t))
}

/// [`funding_of`] of a normalised text made ready for its tests.
pub(crate) fn funding_searched(t: &Searchable<'_>) -> Option<Funding> {
    let b = t.has_any(lexicon::BIDRAG);
    let o = t.has_any(lexicon::OPPDRAG);
    match (b, o) {
        (true, false) => Some(Funding::Bidrag),
        (false, true) => Some(Funding::Oppdrag),
        _ => None,
    }
}

/// Status a sentence gives to the projects it introduces.
pub(crate) fn status_in(text: &str) -> Option<PortfolioStatus> {
    status_of(&norm(text))
}

/// The status of [`status_in`] when the text introduces projects or project
/// sketches (`Følgende ni skisser går videre`); both read from one
/// normalised copy of the text.
#[cfg(test)]
pub(crate) fn introduced_status(text: &str) -> Option<PortfolioStatus> {
    if !may_introduce(text) {
        return None;
    }
    introduced_status_of(&norm(text))
}

/// May `text` introduce projects or sketches ([`introduced_status_of`] of
/// its normalised form)? A cheap test on the text as it stands: when it
/// says no, so does that reading.
pub(crate) fn may_introduce(text: &str) -> bool {
    INTRODUCES.may_match(text)
}

/// The status a text gives to the projects or sketches it introduces
/// (`Følgende ni skisser går videre`), given `t`, its normalised form: that
/// of [`status_in`] when the text introduces any.
pub(crate) fn introduced_status_of(t: &str) -> Option<PortfolioStatus> {
    // Made ready once for all its tests.
    let t = Searchable::new(t);
    if t.has_any(lexicon::PROJECTS) || t.has_any(lexicon::SHORTLISTED) {
        status_searched(&t)
    } else {
        None
    }
}

/// [`status_in`] of the normalised text `t`.
pub(crate) fn status_of(t: &str) -> Option<PortfolioStatus> {
    status_searched(&Searchable::new(t))
}

/// [`status_of`] of a normalised text made ready for its tests.
fn status_searched(t: &Searchable<'_>) -> Option<PortfolioStatus> {
    if t.has_any(lexicon::ONGOING) {
        Some(PortfolioStatus::Ongoing)
    } else if t.has_any(lexicon::GRANTED)
        || t.has_any(lexicon::NEW_PROJECTS)
        || t.has_any(lexicon::GOT_FUNDS)
    {
        Some(PortfolioStatus::Granted)
    } else if t.has_any(lexicon::SHORTLISTED) {
        Some(PortfolioStatus::Shortlisted)
    } else {
        None
    }
}

/// Does the normalised text `t` (made ready for its keyword tests) speak
/// of projects ([`lexicon::PROJECTS`])?
pub(crate) fn about_projects(t: &Searchable<'_>) -> bool {
    t.has_any(lexicon::PROJECTS)
}

/// Funding a project's own description or summary gives: `bidragsfinansiert`
/// ([`lexicon::SUMMARY_BIDRAG`]) or `på oppdrag fra`
/// ([`lexicon::SUMMARY_OPPDRAG`]).
///
/// A summary is long and names its funding in a few words, if at all: only
/// the words around where a phrase may stand are normalised
/// ([`Phrases`]).
pub(crate) fn funding_described(text: &str) -> Option<Funding> {
    funding_described_in(Searched::new(text))
}

/// [`funding_described`] of a text made for it (a summary's paragraphs
/// joined), made ready for the search in place.
pub(crate) fn funding_described_owned(text: String) -> Option<Funding> {
    funding_described_in(Searched::of(text))
}

/// [`funding_described`] of a text made ready for its searches.
fn funding_described_in(mut searched: Searched) -> Option<Funding> {
    if SUMMARY_BIDRAG.in_searched(&mut searched) {
        Some(Funding::Bidrag)
    } else if SUMMARY_OPPDRAG.in_searched(&mut searched) {
        Some(Funding::Oppdrag)
    } else {
        None
    }
}

/// The value of a line `Label: value` whose label is one of `labels`
/// ([`lexicon::LEADER_LABELS`], …, lower case with their colon), trimmed.
///
/// Every label ends in its one colon (a test checks the lexicon's): only a
/// label as long as the text up to its first colon is compared with it.
pub(crate) fn labelled<'t>(text: &'t str, labels: &[&str]) -> Option<&'t str> {
    let t = crate::text::trim_start(text);
    let head_len = memchr::memchr(b':', t.as_bytes())? + 1;
    labels.iter().find_map(|l| {
        if l.len() != head_len {
            return None;
        }
        let head = t.get(..l.len())?;
        head.eq_ignore_ascii_case(l)
            .then(|| crate::text::trim(&t[l.len()..]))
            .filter(|v| !v.is_empty())
    })
}

/// The leader a line names: `Prosjektleder: Kari Nordmann
/// (kari@example.no)` gives `Kari Nordmann` (a trailing parenthesis, an
/// e-mail address or a role, is not the name).
pub(crate) fn leader_in(text: &str) -> Option<String> {
    leader_name(labelled(text, lexicon::LEADER_LABELS)?)
}

/// The leader's name in the value of a `Prosjektleder:` line: `Kari
/// Nordmann (kari@example.no)` gives `Kari Nordmann`.
pub(crate) fn leader_name(value: &str) -> Option<String> {
    let name = match value.rfind('(') {
        Some(open) if value.ends_with(')') && open > 0 => value[..open].trim_end(),
        _ => value,
    };
    let name = crate::grammar::trim_period(name)
        .trim_end_matches(',')
        .trim_end();
    (!name.is_empty()).then(|| name.to_owned())
}

/// The labels of a project's page's lines, list by list.
const PAGE_LABELS: [&[&str]; 5] = [
    lexicon::COMMISSIONER_LABELS,
    lexicon::PERFORMER_LABELS,
    lexicon::PERIOD_LABELS,
    lexicon::LEADER_LABELS,
    lexicon::STATUS_LABELS,
];

/// Is the text a label line of a project's page (`Oppdragsgiver: NAV`,
/// `Prosjektleder: …`, `Periode: …`, `Status: …`)?
///
/// Every label ends in its colon (a test checks), so a text without one,
/// most headings, is none without trying the labels one by one.
pub(crate) fn is_page_label(text: &str) -> bool {
    memchr::memchr(b':', text.as_bytes()).is_some()
        && PAGE_LABELS
            .iter()
            .any(|labels| labelled(text, labels).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::has_any;

    /// What [`may_name_vendors`] turns away names no vendors once
    /// normalised, whatever its case and spacing.
    #[test]
    fn an_intro_the_vendor_test_turns_away_names_no_vendors() {
        let pieces = [
            "Lever", "LEVER", "and", "ANDØR", "ør", " ", "\u{a0}", "tilby", "DERE", "\u{212a}",
        ];
        let (mut turned_away, mut named) = (0, 0);
        for s in crate::testing::concatenations(&pieces, 4) {
            let names = has_any(&norm(&s), lexicon::VENDORS);
            named += usize::from(names);
            if !may_name_vendors(&s) {
                assert!(!names, "{s:?}");
                turned_away += 1;
            }
        }
        assert!(turned_away > 0 && named > 0);
        assert!(may_name_vendors("Følgende LEVERANDØRER har rammeavtale:"));
        assert!(!may_name_vendors("Følgende prosjekter pågikk:"));
    }

    #[test]
    fn a_leader_line_gives_the_name_without_the_address() {
        let name = |t| leader_in(t);
        assert_eq!(
            name("Prosjektleder: Kari Fjell (kari@example.no)").as_deref(),
            Some("Kari Fjell")
        );
        assert_eq!(name("prosjektleder:  Ola Li.").as_deref(), Some("Ola Li"));
        assert_eq!(name("Prosjektleder:"), None);
        assert_eq!(name("Prosjektet ledes av Ola Li"), None);
    }

    #[test]
    fn sketches_are_shortlisted_unless_funds_were_granted() {
        let s = |t| status_in(t);
        assert_eq!(
            s("Følgende ni skisser går videre til neste runde:"),
            Some(PortfolioStatus::Shortlisted)
        );
        assert_eq!(
            s("Av 40 prosjektskisser fikk åtte tildelt midler:"),
            Some(PortfolioStatus::Granted)
        );
        assert_eq!(
            s("Disse prosjektene har fått midler:"),
            Some(PortfolioStatus::Granted)
        );
        assert_eq!(
            introduced_status("Følgende ni skisser går videre"),
            Some(PortfolioStatus::Shortlisted)
        );
        assert_eq!(
            introduced_status("Disse prosjektene har fått midler:"),
            Some(PortfolioStatus::Granted)
        );
        // A status word in a text that introduces no projects.
        assert_eq!(introduced_status("Vi har fått midler til kurs"), None);
        assert_eq!(introduced_status("Les mer om hvordan du søker"), None);
    }

    #[test]
    fn page_labels_are_fields_not_sections() {
        assert!(is_page_label("Oppdragsgiver: NAV"));
        assert!(is_page_label("Utført av: Velferdsforsk"));
        assert!(!is_page_label("Oppdragsprosjekter"));
        assert!(!is_page_label("Oppdragsgiver:"));
    }

    /// What lets [`is_page_label`] turn a text without a colon away: every
    /// label ends in one, and `labelled` finds a label only at the start of
    /// the text.
    #[test]
    fn every_page_label_ends_in_its_colon() {
        for label in PAGE_LABELS.iter().flat_map(|l| l.iter()) {
            assert!(label.ends_with(':'), "{label}");
            // (and has no other: `labelled` compares a label with the text
            // up to the text's first colon)
            assert_eq!(label.matches(':').count(), 1, "{label}");
            // (as on a page: a capital, which `labelled` reads as ASCII)
            let (first, rest) = label.split_at(1);
            let line = format!("  {}{rest}  Noe", first.to_ascii_uppercase());
            assert!(is_page_label(&line), "{line}");
            assert!(!is_page_label(&line.replace(':', " ")), "{line}");
        }
    }
}

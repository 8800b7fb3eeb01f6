//! Self-checks: where the report's own statements disagree with what was
//! read, say so, so that a silent miss becomes a loud one.
//!
//! - the table of contents lists a section no heading of the outline has
//!   (`toc-section-missing`, a warning);
//! - a heading announces a list of PhD candidates, vendors or publications
//!   and none were read under it (`empty-list-section`, a warning);
//! - the items are *clearly incomplete* (`incomplete`, an error, so that
//!   `fou check` fails): see [`incomplete`] for the rule.
//!
//! Stated counts that disagree with the items are checked in
//! [`super::counts`], which also says which kinds fall clearly short.

use std::borrow::Cow;
use std::sync::LazyLock;

use super::Part;
use super::doc::{Claims, Doc, Section, diagnostic};
use super::front::{KeyStarts, Toc};
use crate::blocks::heading_like;
use crate::lexicon::{self, has_any};
use crate::model::{Diagnostic, DiagnosticCode, Severity};
use crate::text::{KeywordFilter, shorten};

/// How many characters of a heading or entry a message quotes.
const QUOTED: usize = 80;

/// A heading that announces a list is a short title (`Doktorgradsprosjekter`,
/// `Doktorgrader og rammeavtaler`, `Leverandører på rammeavtalen`); a longer
/// line that names PhDs is a sentence that lost its paragraph.
const LIST_TITLE_MAX_WORDS: usize = 6;

/// The key a title is compared under: without its section number, leaders
/// and page number, normalised (`3.1 Nye prosjekter ..... 7` and `3.1. Nye
/// prosjekter` are the same section).
fn key(title: &str) -> String {
    Toc::key(super::strip_number(title))
}

/// Does a table-of-contents entry read as one title? Not when it holds
/// leaders or a page number between words (entries run together on one
/// line) or markup a converter left.
fn names_one_title(title: &str) -> bool {
    let words: Vec<&str> = title.split_whitespace().collect();
    let inner_page_number = words.iter().skip(1).any(|w| is_page_number(w));
    heading_like(title)
        && !inner_page_number
        && !title.contains("..")
        && !title.contains(['…', '`', '{', '<'])
}

/// A page number: one to three digits (a year has four).
fn is_page_number(word: &str) -> bool {
    (1..=3).contains(&word.len()) && word.chars().all(|c| c.is_ascii_digit())
}

/// Warn for every top-level entry of the table of contents that no heading
/// of the outline has. An entry that does not read as one title (a whole
/// table of contents run together on a line, with its leaders) is not
/// checked: it names no one section.
///
/// `outline`: the blocks of the outline's headings (and their levels), whose keys are cut
/// from their shared normalised text ([`Toc::key_normalised`]).
pub(crate) fn missing_toc_sections(
    doc: &Doc<'_>,
    toc: &Toc,
    outline: &[(usize, u8)],
) -> Vec<Diagnostic> {
    // The keys of the entries to look for (a table of contents' top level:
    // a few), struck off as headings with them are met; no key of every
    // heading is kept (they would add to the parse's peak).
    let entries: Vec<(usize, &str, String)> = toc
        .entries()
        .iter()
        .filter(|(_, title)| names_one_title(title))
        .map(|(i, title)| (*i, title.as_str(), key(title)))
        .collect();
    let mut missing: foldhash::HashSet<&str> = entries.iter().map(|(_, _, k)| k.as_str()).collect();
    // (a heading whose key can be none of them is not normalised: most)
    let mut starts = KeyStarts::default();
    for (_, _, k) in &entries {
        starts.add(k);
    }
    for &(i, _) in outline {
        if missing.is_empty() {
            break;
        }
        if !starts.may_start(super::strip_number(doc.blocks[i].text())) {
            continue;
        }
        let norm = doc.norm(i);
        missing.remove(Toc::key_normalised(super::norm_bare(
            doc.blocks[i].text(),
            &norm,
        )));
    }
    entries
        .iter()
        .filter(|(_, _, k)| missing.contains(k.as_str()))
        .map(|&(i, title, _)| {
            diagnostic(
                Severity::Warning,
                DiagnosticCode::TocSectionMissing,
                format!(
                    "the table of contents lists section {:?}, but no heading of the text has that title: its items may be missing",
                    shorten(title, QUOTED)
                ),
                Some(doc.span_of(i)),
            )
        })
        .collect()
}

/// The keywords of the titles of lists ([`list_kind`]).
static LIST_TITLES: LazyLock<KeywordFilter> = LazyLock::new(|| {
    KeywordFilter::new(&[
        lexicon::PHD_LIST_TITLES,
        lexicon::VENDOR_LIST_TITLES,
        lexicon::PUBLICATION_LIST_TITLES,
    ])
});

/// The kind of item a heading announces a list of, and its name. A PhD
/// item that lost its bullet (`Stipendiat Kari Nordmann, UiO`) or a
/// table-of-contents entry read as a heading (`DOKTORGRADER 12`) announces
/// nothing.
///
/// `t()` gives [`crate::text::norm`] of the title; it is asked only of a
/// title that may name one of the lists ([`LIST_TITLES`]).
pub(crate) fn list_kind<'t>(
    title: &str,
    t: impl FnOnce() -> Cow<'t, str>,
) -> Option<(Part, &'static str)> {
    // The keyword filter first: a few vector compares for each 16 bytes,
    // where counting the words decodes each character; few headings may
    // name a list.
    if !LIST_TITLES.may_match(title) || !may_title_a_list(title) {
        return None;
    }
    let t = t();
    if has_any(&t, lexicon::PHD_LIST_TITLES) {
        Some((Part::Phd, "PhD candidates"))
    } else if has_any(&t, lexicon::VENDOR_LIST_TITLES) {
        Some((Part::Vendor, "vendors"))
    } else if has_any(&t, lexicon::PUBLICATION_LIST_TITLES) {
        Some((Part::Publication, "publications"))
    } else {
        None
    }
}

/// Is `title` shaped as a list's title: a few words, not a PhD item that
/// lost its bullet, not a table-of-contents entry (ending in a page number)?
fn may_title_a_list(title: &str) -> bool {
    let page_number = title.split_whitespace().last().is_some_and(is_page_number);
    !crate::text::more_words_than(title, LIST_TITLE_MAX_WORDS)
        && !crate::text::trim_start(title).starts_with(lexicon::CANDIDATE_MARKER)
        && !page_number
}

/// A heading that announces a list, and none of the list was read: the
/// heading's block and the message.
pub(crate) struct EmptyList {
    pub heading: usize,
    pub message: String,
}

/// The headings that announce a list of PhD candidates, vendors or
/// publications (`Doktorgradsprosjekter`, `Leverandører på rammeavtalen`)
/// with no item of that kind read up to the next section heading. Headings
/// before the first section or in the table of contents (an entry read as
/// a heading) announce nothing.
///
/// A heading's section and the next section's heading are found by a
/// binary search of `sections` (in the order of their headings, which are
/// the blocks of a major role): a search from each heading made the check
/// grow with the square of a long text's headings.
pub(crate) fn empty_list_sections(
    doc: &Doc<'_>,
    sections: &[Section],
    claims: &Claims,
) -> Vec<EmptyList> {
    let n = doc.blocks.len();
    let mut out = Vec::new();
    for i in 0..n {
        // (the block's own tests first: the section is looked for only for a heading)
        if !doc.blocks[i].is_heading() || claims.part(i) != Part::Heading {
            continue;
        }
        // The sections whose heading is at or before `i`: the last is its own.
        let before = sections.partition_point(|s| s.heading <= i);
        let own = before.checked_sub(1).and_then(|k| sections.get(k));
        debug_assert!(
            own.map(|s| s.heading) == sections.iter().rev().map(|s| s.heading).find(|&h| h <= i)
        );
        let in_body = own.is_some_and(|s| s.role != super::Role::Toc);
        if !in_body {
            continue;
        }
        let Some((part, name)) = list_kind(doc.blocks[i].text(), || doc.norm(i).into()) else {
            continue;
        };
        let end = sections.get(before).map_or(n, |s| s.heading);
        debug_assert_eq!(
            end,
            (i + 1..n)
                .find(|&j| doc.role(j).is_some_and(super::Role::is_major))
                .unwrap_or(n)
        );
        if (i + 1..end).all(|j| claims.part(j) != part) {
            out.push(EmptyList {
                heading: i,
                message: format!(
                    "section {:?} is titled as a list of {name}, but none were read under it",
                    shorten(doc.blocks[i].text().trim(), QUOTED)
                ),
            });
        }
    }
    out
}

/// The warnings for headings that announce a list none of which was read.
pub(crate) fn empty_list_warnings(doc: &Doc<'_>, empty: &[EmptyList]) -> Vec<Diagnostic> {
    empty
        .iter()
        .map(|e| {
            diagnostic(
                Severity::Warning,
                DiagnosticCode::EmptyListSection,
                e.message.clone(),
                Some(doc.span_of(e.heading)),
            )
        })
        .collect()
}

/// The report's items are *clearly incomplete* when
///
/// - it states a count of completed projects (of one funding), analyses or
///   PhD candidates (completed or ongoing) and fewer than half that many
///   were found ([`super::counts::short_kinds`]): a report summarises every
///   completed project and analysis and names every candidate it counts,
///   so a shortfall that large is a miss, not a rounding of the text
///   (portfolio counts do not count: reports state the size of portfolios
///   they do not list); or
/// - a heading announces a list and none of it was read.
///
/// Then one error says so, listing each shortfall.
pub(crate) fn incomplete(short: &[String], empty: &[EmptyList]) -> Option<Diagnostic> {
    let reasons: Vec<&str> = short
        .iter()
        .map(String::as_str)
        .chain(empty.iter().map(|e| e.message.as_str()))
        .collect();
    (!reasons.is_empty()).then(|| {
        diagnostic(
            Severity::Error,
            DiagnosticCode::Incomplete,
            format!(
                "the report's items are clearly incomplete: {}; see `fou explain` for where the text went",
                reasons.join("; ")
            ),
            None,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DiagnosticCode as Code;

    /// The kind a title announces, read without normalising it where no
    /// list title's keyword can stand in it, is the kind read from its
    /// normalised text: titles made of every list's keywords, in capitals
    /// and small letters, with other words, numbers and the marker.
    #[test]
    fn a_list_kind_read_lazily_is_the_kind_of_the_normalised_title() {
        let eager = |title: &str| {
            let t = crate::text::norm(title);
            [
                (lexicon::PHD_LIST_TITLES, Part::Phd),
                (lexicon::VENDOR_LIST_TITLES, Part::Vendor),
                (lexicon::PUBLICATION_LIST_TITLES, Part::Publication),
            ]
            .into_iter()
            .find(|(words, _)| has_any(&t, words))
            .map(|(_, part)| part)
        };
        let pieces = [
            "Doktorgrader",
            "PH.D.",
            "Leverandører",
            "RAMMEAVTALEN",
            "publikasjoner",
            "og",
            "Stipendiat ",
            " ",
            "12",
            "\u{130}",
            "Arbeid",
        ];
        let mut kinds = std::collections::BTreeSet::new();
        for title in crate::testing::concatenations(&pieces, 3) {
            let lazy = list_kind(&title, || crate::text::norm(&title).into());
            let want = eager(&title).filter(|_| may_title_a_list(&title));
            assert_eq!(lazy.map(|(part, _)| part), want, "{title:?}");
            kinds.insert(format!("{want:?}"));
        }
        assert_eq!(kinds.len(), 4, "{kinds:?}");
    }

    fn codes(text: &str) -> Vec<(Code, String)> {
        let r = crate::parse(text).unwrap();
        r.diagnostics
            .iter()
            .map(|d| (d.code, d.message.clone()))
            .filter(|(c, _)| {
                matches!(
                    c,
                    Code::TocSectionMissing | Code::EmptyListSection | Code::Incomplete
                )
            })
            .collect()
    }

    const TOC: &str = "FoU-rapport 2021\n\nInnhold\n\nForord\t2\nDoktorgradsprosjekter\t3\n\
                       Avsluttede oppdragsprosjekter\t4\n\nForord\n\n";

    #[test]
    fn a_complete_report_raises_nothing() {
        let text = format!(
            "{TOC}To oppdragsprosjekter ble ferdigstilt i 2021.\n\n\
             Doktorgradsprosjekter\n\nI 2021 disputerte en stipendiat:\n\n\
             - Arbeid og helse. Stipendiat Kari Nordmann, UiO\n\n\
             Avsluttede oppdragsprosjekter\n\nTolk i kontoret, Fjordforsk\n\nEn studie.\n\n\
             Unge i arbeid, Nordvik helseforskning\n\nEn studie til.\n"
        );
        assert_eq!(codes(&text), []);
    }

    /// Each heading's section and the next section are found in a long
    /// text of many sections as in a short one: every empty list is named
    /// once, and a list with its item is not.
    #[test]
    fn empty_lists_are_found_in_each_of_many_sections() {
        let mut text = String::from(TOC);
        text += "En kort tekst.\n\n";
        for k in 1..=6 {
            text += &format!(
                "{k}. Om arbeidet i del {k}\n\nEn tekst om arbeidet.\n\n\
                 Doktorgradsprosjekter\n\nI 2021 disputerte ingen.\n\n"
            );
            if k % 2 == 0 {
                text += &format!(
                    "{k}.1 Doktorgradsprosjekter\n\nI 2021 disputerte en stipendiat:\n\n\
                     - Arbeid og helse. Stipendiat Kari Nordmann, UiO\n\n"
                );
            }
        }
        let empty: Vec<String> = codes(&text)
            .into_iter()
            .filter(|(c, _)| *c == Code::EmptyListSection)
            .map(|(_, m)| m)
            .collect();
        assert_eq!(empty.len(), 6, "{empty:?}");
        let named = |m: &String| m.contains("section \"Doktorgradsprosjekter\"");
        assert!(empty.iter().all(named), "{empty:?}");
    }

    #[test]
    fn a_cut_section_and_an_empty_list_are_loud() {
        let text = format!(
            "{TOC}To oppdragsprosjekter ble ferdigstilt i 2021.\n\n\
             Doktorgradsprosjekter\n\nI 2021 disputerte en stipendiat.\n"
        );
        let c = codes(&text);
        let kinds: Vec<Code> = c.iter().map(|(k, _)| *k).collect();
        assert_eq!(
            kinds,
            [
                Code::TocSectionMissing,
                Code::EmptyListSection,
                Code::Incomplete
            ],
            "{c:?}"
        );
        assert!(
            c[0].1.contains("\"Avsluttede oppdragsprosjekter\""),
            "{c:?}"
        );
        assert!(c[1].1.contains("\"Doktorgradsprosjekter\""), "{c:?}");
        assert!(c[2].1.contains("2 completed oppdrag projects"), "{c:?}");
    }

    #[test]
    fn a_small_shortfall_is_only_a_warning() {
        let text = format!(
            "{TOC}Tre oppdragsprosjekter ble ferdigstilt i 2021.\n\n\
             Doktorgradsprosjekter\n\n- Arbeid og helse. Stipendiat Kari Nordmann, UiO\n\n\
             Avsluttede oppdragsprosjekter\n\nTolk i kontoret, Fjordforsk\n\nEn studie.\n\n\
             Unge i arbeid, Nordvik helseforskning\n\nEn studie til.\n"
        );
        assert_eq!(codes(&text), []);
    }
}

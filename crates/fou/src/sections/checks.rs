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

use super::Part;
use super::doc::{Claims, Doc, Section, diagnostic};
use super::front::Toc;
use crate::blocks::heading_like;
use crate::lexicon::{self, has_any};
use crate::model::{Diagnostic, DiagnosticCode, Severity};
use crate::text::shorten;

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
    for &(i, _) in outline {
        if missing.is_empty() {
            break;
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

/// The kind of item a heading announces a list of, and its name. A PhD
/// item that lost its bullet (`Stipendiat Kari Nordmann, UiO`) or a
/// table-of-contents entry read as a heading (`DOKTORGRADER 12`) announces
/// nothing.
///
/// `t` is [`crate::text::norm`] of the title.
fn list_kind(title: &str, t: &str) -> Option<(Part, &'static str)> {
    // A title that ends in a page number is a table-of-contents entry.
    let page_number = title.split_whitespace().last().is_some_and(is_page_number);
    if title.split_whitespace().count() > LIST_TITLE_MAX_WORDS
        || title.trim_start().starts_with(lexicon::CANDIDATE_MARKER)
        || page_number
    {
        None
    } else if has_any(t, lexicon::PHD_LIST_TITLES) {
        Some((Part::Phd, "PhD candidates"))
    } else if has_any(t, lexicon::VENDOR_LIST_TITLES) {
        Some((Part::Vendor, "vendors"))
    } else if has_any(t, lexicon::PUBLICATION_LIST_TITLES) {
        Some((Part::Publication, "publications"))
    } else {
        None
    }
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
        let in_body = sections
            .iter()
            .rev()
            .find(|s| s.heading <= i)
            .is_some_and(|s| s.role != super::Role::Toc);
        if !in_body {
            continue;
        }
        let Some((part, name)) = list_kind(doc.blocks[i].text(), &doc.norm(i)) else {
            continue;
        };
        let end = (i + 1..n)
            .find(|&j| doc.role(j).is_some_and(super::Role::is_major))
            .unwrap_or(n);
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
    use crate::DiagnosticCode as Code;

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

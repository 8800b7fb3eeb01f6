//! Stated counts ("Sju bidragsfinansierte prosjekter ble ferdigstilt") and the
//! check of each against the items the parser found.

use std::collections::HashMap;

use super::Part;
use super::context::{funding_in, may_name_funding};
use super::doc::{Claims, Doc, Section, diagnostic};
use crate::blocks::BlockKind;
use crate::grammar::{may_start_number_word, word_value};
use crate::lexicon::{self, has_any};
use crate::model::{
    Diagnostic, DiagnosticCode, Funding, PhdStatus, PortfolioStatus, RefersTo, Report, Severity,
    StatedCount,
};
use crate::text::{clauses, lower, norm, sentences, shorten, words};

use crate::lexicon::NounKind as Noun;

fn noun_of(word: &str) -> Option<Noun> {
    let w = lower(word);
    let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    lexicon::COUNT_NOUNS
        .iter()
        .find(|(stem, _)| w.starts_with(stem))
        .map(|&(_, n)| n)
}

fn value_of(word: &str) -> Option<u32> {
    // Most words start with a letter no number word starts with (and that
    // is not trimmed off): no count.
    let first = *word.as_bytes().first()?;
    if first.is_ascii_alphabetic() && !may_start_number_word(first) {
        return None;
    }
    let w = word.trim_matches(|c: char| matches!(c, '(' | ')' | '«' | '»' | '"'));
    if w.chars().all(|c| c.is_ascii_digit()) && !w.is_empty() {
        let v: u32 = w.parse().ok()?;
        // years are not counts
        return (!(w.len() == 4 && NOT_COUNTS_BUT_YEARS.contains(&v))).then_some(v);
    }
    // The number word first: most words are none, and need no lower-casing.
    let v = word_value(w)?;
    (!lexicon::ONE_OR_NONE.contains(&&*lower(w))).then_some(v)
}

/// Four-digit numbers in this range are years, not counts (a wider range
/// than [`crate::text::YEARS`]: a count of 1950 things is as unlikely as a
/// count of 2050).
const NOT_COUNTS_BUT_YEARS: std::ops::Range<u32> = 1900..2100;

/// A count's noun follows it within three words (`tre nye
/// forskningsprosjekter`, `12 pågående bidragsfinansierte prosjekter`) …
const NOUN_WITHIN: usize = 3;
/// … or within four after `av disse` (`to av disse store nye prosjektene`).
const NOUN_WITHIN_PARTITIVE: usize = 4;
/// A noun before the count (`Av oppdragsprosjektene ble sju ferdigstilt`)
/// stands within three words of it.
const NOUN_BEFORE_WITHIN: usize = 3;

struct Candidate {
    at: usize,
    value: u32,
    noun: Option<Noun>,
}

fn candidates(clause: &str) -> Vec<Candidate> {
    // Most clauses have no number: split them into words no further.
    if !clause.split_whitespace().any(|w| value_of(w).is_some()) {
        return Vec::new();
    }
    let ws = words(clause);
    // Lower-cased only when a neighbour of a number is read, and then borrowed
    // unless the word has capitals.
    let low = |j: usize| ws.get(j).map(|&(_, w)| lower(w));
    let mut out = Vec::new();
    for (k, &(at, w)) in ws.iter().enumerate() {
        let Some(value) = value_of(w) else { continue };
        if w.ends_with(['.', ','])
            && w.trim_end_matches(['.', ','])
                .chars()
                .all(|c| c.is_ascii_digit())
        {
            continue; // `23.` of a date, `3,` of a decimal
        }
        let prev = k.checked_sub(1).and_then(low);
        let prev = prev.as_deref();
        if prev.is_some_and(|p| lexicon::BEFORE_NON_COUNTS.contains(&p)) {
            continue;
        }
        let next = low(k + 1);
        let next = next.as_deref();
        if next.is_some_and(|n| lexicon::MEASURES.contains(&n.trim_end_matches(['.', ',']))) {
            continue;
        }
        if next.is_some_and(|n| n.chars().all(|c| c.is_ascii_digit())) {
            continue; // `400 000`
        }
        // `N av disse …`, `N av de …`
        let mut look = k + 1;
        let mut window = NOUN_WITHIN;
        if next == Some(lexicon::PARTITIVE)
            && low(k + 2).is_some_and(|n| lexicon::PARTITIVE_PRONOUNS.contains(&&*n))
        {
            look = k + 3;
            window = NOUN_WITHIN_PARTITIVE;
        }
        let after = (look..(look + window).min(ws.len())).find_map(|j| noun_of(ws[j].1));
        let noun = after.or_else(|| {
            // `Av oppdragsprosjektene ble sju ferdigstilt`
            (k.saturating_sub(NOUN_BEFORE_WITHIN)..k)
                .rev()
                .find_map(|j| noun_of(ws[j].1))
                .filter(|_| next.is_some_and(|n| lexicon::STATUS_AFTER_NOUN.contains(&n)))
        });
        let anaphoric = prev.is_some_and(|p| lexicon::ANAPHORIC_BEFORE.contains(&p))
            || (next.is_some_and(|n| lexicon::ANAPHORIC_ADJECTIVES.contains(&n))
                && low(k + 2).is_some_and(|n| lexicon::ANAPHORIC_VERBS.contains(&&*n)))
            || (next == Some(lexicon::PARTITIVE) && look == k + 3);
        if noun.is_some() || anaphoric {
            out.push(Candidate { at, value, noun });
        }
    }
    out
}

fn classify(clause: &str, noun: Option<Noun>, funding: Option<Funding>) -> RefersTo {
    let t = norm(clause);
    match noun {
        Some(Noun::Phd) => {
            if has_any(&t, lexicon::PHD_COMPLETED) {
                RefersTo::PhdCompleted
            } else if has_any(&t, lexicon::PHD_ONGOING) {
                RefersTo::PhdOngoing
            } else {
                RefersTo::Other
            }
        }
        Some(Noun::Analysis) => RefersTo::Analyses,
        Some(Noun::Project) => {
            if has_any(&t, lexicon::THEMATIC) {
                return RefersTo::Other;
            }
            let finished = has_any(&t, lexicon::FINISHED) || has_any(&t, lexicon::DELIVERED);
            let ongoing = has_any(&t, lexicon::ONGOING) || has_any(&t, lexicon::PORTFOLIO);
            let granted = has_any(&t, lexicon::GRANTED);
            match (funding, finished, ongoing, granted) {
                (Some(Funding::Bidrag), true, _, _) => RefersTo::ProjectsBidrag,
                (Some(Funding::Oppdrag), true, _, _) => RefersTo::ProjectsOppdrag,
                (Some(Funding::Bidrag), _, true, _) => RefersTo::PortfolioBidragOngoing,
                (Some(Funding::Oppdrag), _, true, _) => RefersTo::PortfolioOppdragOngoing,
                (Some(Funding::Bidrag) | None, _, _, true) => RefersTo::PortfolioBidragGranted,
                _ => RefersTo::Other,
            }
        }
        _ => RefersTo::Other,
    }
}

/// Find the counts stated in the report's running text.
///
/// Reads after every section reader has claimed its blocks: list items,
/// analyses and the table of contents state no counts, and a project's
/// summary only counts what was published.
pub(crate) fn read_counts(
    doc: &Doc<'_>,
    sections: &[Section],
    claims: &Claims,
) -> Vec<StatedCount> {
    let first = sections.first().map_or(doc.blocks.len(), |s| s.heading);
    // The blocks before the first section have no funding context.
    let regions =
        std::iter::once((0..first, None)).chain(sections.iter().map(|s| (s.blocks(), s.funding)));
    let mut found = Vec::new();
    for (blocks, section_funding) in regions {
        for k in blocks {
            if states_counts(doc, claims, k) {
                let in_summary = claims.part(k) == Part::Project;
                block_counts(doc, k, section_funding, in_summary, &mut found);
            }
        }
    }
    found
}

/// Can block `k` state a count? Running text can; list items read as
/// items, analyses and the table of contents cannot.
fn states_counts(doc: &Doc<'_>, claims: &Claims, k: usize) -> bool {
    matches!(
        doc.blocks[k].kind,
        BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Heading { level: None }
    ) && !matches!(
        claims.part(k),
        Part::Analysis | Part::Portfolio | Part::Phd | Part::Vendor | Part::Publication | Part::Toc
    )
}

/// What the sentences and clauses read so far tell a count about its
/// context.
struct Context {
    /// The funding of the section.
    section: Option<Funding>,
    /// The last funding a clause of the sentence named.
    sentence_funding: Option<Funding>,
    /// What an anaphoric count (`fire nye fikk …`) counts: the last noun of
    /// the sentence.
    sentence_noun: Option<Noun>,
    /// The block is part of a project's summary.
    in_summary: bool,
}

/// The counts of block `k`, sentence by sentence and clause by clause.
fn block_counts(
    doc: &Doc<'_>,
    k: usize,
    section: Option<Funding>,
    in_summary: bool,
    found: &mut Vec<StatedCount>,
) {
    let text = doc.blocks[k].text();
    // A block that names no funding has no clause that does.
    let names_funding = may_name_funding(text);
    for (ss, se) in sentences(text) {
        let sentence = &text[ss..se];
        let mut ctx = Context {
            section,
            sentence_funding: None,
            sentence_noun: None,
            in_summary,
        };
        for (cs, ce) in clauses(sentence) {
            let clause = &sentence[cs..ce];
            for st in clause_counts(clause, names_funding, &mut ctx) {
                let at = ss + cs + st.at;
                found.push(StatedCount {
                    text: st.text.to_owned(),
                    value: st.value,
                    refers_to: st.refers_to,
                    span: doc.sub_span(k, at, at + st.text.len()),
                });
            }
        }
    }
}

/// A count a clause states.
struct Statement<'a> {
    /// Where its text starts in the clause.
    at: usize,
    text: &'a str,
    value: u32,
    refers_to: RefersTo,
}

/// The counts a clause states.
///
/// `may_fund`: the clause may name a funding (its block does).
fn clause_counts<'a>(clause: &'a str, may_fund: bool, ctx: &mut Context) -> Vec<Statement<'a>> {
    let cands = candidates(clause);
    let clause_funding = if may_fund { funding_in(clause) } else { None };
    let mut out = Vec::new();
    // Most clauses state no count: normalise only those that do.
    let clause_norm = if cands.is_empty() {
        String::new()
    } else {
        norm(clause)
    };
    for (n, c) in cands.iter().enumerate() {
        let t = &clause_norm;
        if matches!(c.noun, Some(Noun::Publication))
            && !(has_any(t, lexicon::PUBLISHED) || has_any(t, lexicon::WROTE))
        {
            continue;
        }
        if ctx.in_summary && !has_any(t, lexicon::PUBLISHED) {
            continue;
        }
        let (from, to) = statement(clause, &cands, n);
        let piece = &clause[from..to];
        let noun = c
            .noun
            .or(ctx.sentence_noun)
            .or(if ctx.sentence_funding.is_some() {
                Some(Noun::Project)
            } else {
                None
            });
        let funding = funding_in(piece)
            .or(clause_funding)
            .or(ctx.sentence_funding)
            .or(ctx.section);
        let refers_to = classify(piece, noun, funding);
        if c.noun.is_some() {
            ctx.sentence_noun = c.noun;
        }
        let (at, body) = trim_statement(piece, n == 0);
        out.push(Statement {
            at: from + at,
            text: body,
            value: c.value,
            refers_to,
        });
    }
    if let Some(f) = clause_funding {
        ctx.sentence_funding = Some(f);
    }
    out
}

/// The byte range of the clause that states candidate `n`.
fn statement(clause: &str, cands: &[Candidate], n: usize) -> (usize, usize) {
    let c = &cands[n];
    // Split a clause that states two counts before the ` og ` that joins them.
    let mut from = 0;
    if n > 0 {
        let prev_at = cands[n - 1].at;
        from = clause[prev_at..c.at]
            .rfind(" og ")
            .map_or(prev_at, |i| prev_at + i + 1);
    }
    let mut to = clause.len();
    if let Some(next) = cands.get(n + 1)
        && let Some(i) = clause[c.at..next.at].rfind(" og ")
    {
        to = c.at + i;
    }
    // The statement ends where a relative clause about the counted
    // things begins (`fire tematiske områder hvor vi …`).
    // So does a second verb phrase (`sju gikk videre … og fikk levere …`).
    if let Some(i) = lexicon::CLAUSE_ENDS
        .iter()
        .filter_map(|w| clause[c.at..to].find(w))
        .min()
    {
        to = c.at + i;
    }
    (from, to)
}

/// A statement's text: trimmed, without a leading conjunction (when it
/// opens its clause) or closing punctuation; with its offset in `piece`.
fn trim_statement(piece: &str, first: bool) -> (usize, &str) {
    let mut at = piece.len() - piece.trim_start().len();
    let mut body = piece.trim();
    for conj in lexicon::LEADING_CONJUNCTIONS {
        if let Some(rest) = body.strip_prefix(conj)
            && first
        {
            at += conj.len();
            body = rest;
        }
    }
    (
        at,
        body.trim_end_matches(['.', ':', ';', ',', '!']).trim_end(),
    )
}

/// How many characters of a section's heading a count-mismatch message quotes.
const SECTION_NAMED: usize = 80;

/// The items a stated count is checked against: how many the parser found
/// and the sections (their headings) they stand in, in document order.
#[derive(Default)]
struct Tally {
    found: usize,
    sections: Vec<String>,
}

/// The kind of item each [`RefersTo`] counts, singular and plural.
fn item_names(refers_to: RefersTo) -> Option<(&'static str, &'static str)> {
    Some(match refers_to {
        RefersTo::ProjectsBidrag => ("completed bidrag project", "completed bidrag projects"),
        RefersTo::ProjectsOppdrag => ("completed oppdrag project", "completed oppdrag projects"),
        RefersTo::PortfolioBidragOngoing => ("ongoing bidrag project", "ongoing bidrag projects"),
        RefersTo::PortfolioOppdragOngoing => {
            ("ongoing oppdrag project", "ongoing oppdrag projects")
        }
        RefersTo::PortfolioBidragGranted => (
            "newly granted bidrag project",
            "newly granted bidrag projects",
        ),
        RefersTo::Analyses => ("analysis", "analyses"),
        RefersTo::PhdCompleted => ("completed PhD candidate", "completed PhD candidates"),
        RefersTo::PhdOngoing => ("ongoing PhD candidate", "ongoing PhD candidates"),
        RefersTo::Other => return None,
    })
}

/// What each item of the report counts as, with where it starts.
fn counted_items(r: &Report) -> Vec<(RefersTo, usize)> {
    let mut out = Vec::new();
    for p in &r.projects {
        match p.funding {
            Some(Funding::Bidrag) => out.push((RefersTo::ProjectsBidrag, p.span.start)),
            Some(Funding::Oppdrag) => out.push((RefersTo::ProjectsOppdrag, p.span.start)),
            None => {}
        }
    }
    for p in &r.portfolio {
        let kind = match (p.funding, p.status) {
            (Some(Funding::Bidrag), PortfolioStatus::Ongoing) => RefersTo::PortfolioBidragOngoing,
            (Some(Funding::Oppdrag), PortfolioStatus::Ongoing) => RefersTo::PortfolioOppdragOngoing,
            (Some(Funding::Bidrag), PortfolioStatus::Granted) => RefersTo::PortfolioBidragGranted,
            _ => continue,
        };
        out.push((kind, p.span.start));
    }
    out.extend(
        r.analyses
            .iter()
            .map(|a| (RefersTo::Analyses, a.span.start)),
    );
    for p in &r.phd {
        let kind = match p.status {
            PhdStatus::Completed => RefersTo::PhdCompleted,
            PhdStatus::Ongoing => RefersTo::PhdOngoing,
        };
        out.push((kind, p.span.start));
    }
    out
}

/// Tally the items once per kind, naming the section each stands in: the
/// nearest heading before it that starts a section.
fn tallies(doc: &Doc<'_>, sections: &[Section], report: &Report) -> HashMap<RefersTo, Tally> {
    let heads: Vec<usize> = sections.iter().map(|s| s.heading).collect();
    let mut out: HashMap<RefersTo, Tally> = HashMap::new();
    for (kind, start) in counted_items(report) {
        let tally = out.entry(kind).or_default();
        tally.found += 1;
        let before = heads.partition_point(|&i| doc.blocks[i].start <= start);
        if let Some(&h) = before.checked_sub(1).and_then(|k| heads.get(k)) {
            let title = shorten(doc.blocks[h].text().trim(), SECTION_NAMED);
            if !tally.sections.contains(&title) {
                tally.sections.push(title);
            }
        }
    }
    out
}

/// `the text states 7 completed bidrag projects ("…"), but 6 were found in
/// section "…"`.
fn mismatch_message(c: &StatedCount, names: (&str, &str), tally: &Tally) -> String {
    let name = if c.value == 1 { names.0 } else { names.1 };
    let stated = format!("the text states {} {name} (\"{}\")", c.value, c.text);
    if tally.found == 0 {
        return format!("{stated}, but none were found in the report");
    }
    let verb = if tally.found == 1 { "was" } else { "were" };
    let quoted: Vec<String> = tally.sections.iter().map(|t| format!("\"{t}\"")).collect();
    let place = match quoted.as_slice() {
        [] => "the report".to_owned(),
        [one] => format!("section {one}"),
        [init @ .., last] => format!("sections {} and {last}", init.join(", ")),
    };
    format!("{stated}, but {} {verb} found in {place}", tally.found)
}

/// Warn where a stated count disagrees with the items found.
///
/// Checks after every reader has read: it compares the report's stated
/// counts with all of its items.
pub(crate) fn check_counts(
    doc: &Doc<'_>,
    sections: &[Section],
    report: &Report,
) -> Vec<Diagnostic> {
    let tallies = tallies(doc, sections, report);
    let none = Tally::default();
    let mut diags = Vec::new();
    for c in &report.stated_counts {
        let Some(names) = item_names(c.refers_to) else {
            continue;
        };
        let tally = tallies.get(&c.refers_to).unwrap_or(&none);
        if tally.found != c.value as usize {
            diags.push(diagnostic(
                Severity::Warning,
                DiagnosticCode::CountMismatch,
                mismatch_message(c, names, tally),
                Some(c.span),
            ));
        }
    }
    diags
}

/// The kinds a report lists item by item whenever it counts them:
/// completed projects, analyses, PhD candidates (see
/// [`super::checks::incomplete`]).
fn listed_whenever_counted(refers_to: RefersTo) -> bool {
    matches!(
        refers_to,
        RefersTo::ProjectsBidrag
            | RefersTo::ProjectsOppdrag
            | RefersTo::Analyses
            | RefersTo::PhdCompleted
            | RefersTo::PhdOngoing
    )
}

/// The stated counts of kinds listed whenever counted of which fewer than
/// half were found, one phrase each (`it states 8 completed bidrag
/// projects ("…") and 0 were found`), each kind and value once.
pub(crate) fn short_kinds(doc: &Doc<'_>, sections: &[Section], report: &Report) -> Vec<String> {
    let tallies = tallies(doc, sections, report);
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for c in &report.stated_counts {
        let Some(names) = item_names(c.refers_to) else {
            continue;
        };
        let found = tallies.get(&c.refers_to).map_or(0, |t| t.found);
        let key = (c.refers_to, c.value);
        if listed_whenever_counted(c.refers_to)
            && found * 2 < c.value as usize
            && !seen.contains(&key)
        {
            seen.push(key);
            let name = if c.value == 1 { names.0 } else { names.1 };
            out.push(format!(
                "it states {} {name} (\"{}\") and {found} were found",
                c.value, c.text
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    fn mismatches(text: &str) -> Vec<String> {
        let r = crate::parse(text).unwrap();
        r.diagnostics
            .iter()
            .filter(|d| d.code == crate::DiagnosticCode::CountMismatch)
            .map(|d| {
                assert_eq!(d.severity, crate::Severity::Warning);
                d.message.clone()
            })
            .collect()
    }

    const HEAD: &str = "FoU-rapport 2021\n\nForord\n\nEn kort tekst.\n\n";

    #[test]
    fn a_mismatch_names_the_items_and_their_section() {
        let text = format!(
            "{HEAD}Oppdragsprosjekter\n\nVed årsskiftet pågikk 3 oppdragsprosjekter:\n\n\
             - Tolk i kontoret, Fjordforsk (2021-2022)\n\
             - Unge i arbeid, Nordvik helseforskning (2020-2023)\n"
        );
        assert_eq!(
            mismatches(&text),
            [
                "the text states 3 ongoing oppdrag projects (\"Ved årsskiftet pågikk 3 \
                 oppdragsprosjekter\"), but 2 were found in section \"Oppdragsprosjekter\""
            ]
        );
    }

    #[test]
    fn one_item_is_singular() {
        let text = format!(
            "{HEAD}Oppdragsprosjekter\n\nVed årsskiftet pågikk 2 oppdragsprosjekter:\n\n\
             - Tolk i kontoret, Fjordforsk (2021-2022)\n"
        );
        let m = mismatches(&text);
        assert!(
            m[0].ends_with(", but 1 was found in section \"Oppdragsprosjekter\""),
            "{m:?}"
        );
    }

    #[test]
    fn items_in_several_sections_are_named_with_each_section() {
        let text = format!(
            "{HEAD}Bidragsfinansierte prosjekter\n\nVi hadde 3 pågående bidragsfinansierte prosjekter.\n\n\
             - Tolk i kontoret, Fjordforsk (2021-2022)\n\n\
             Nye bidragsprosjekter\n\n\
             - Unge i arbeid, Nordvik helseforskning (2020-2023)\n"
        );
        let m = mismatches(&text);
        assert!(
            m[0].ends_with(
                ", but 2 were found in sections \"Bidragsfinansierte prosjekter\" and \"Nye bidragsprosjekter\""
            ),
            "{m:?}"
        );
    }

    #[test]
    fn a_count_with_no_items_at_all_says_none_were_found() {
        let text = format!(
            "{HEAD}Bidragsfinansierte prosjekter\n\nTo prosjekter ble ferdigstilt, og fire nye fikk tildelt midler.\n"
        );
        assert_eq!(
            mismatches(&text),
            [
                "the text states 2 completed bidrag projects (\"To prosjekter ble ferdigstilt\"), \
                 but none were found in the report",
                "the text states 4 newly granted bidrag projects (\"fire nye fikk tildelt midler\"), \
                 but none were found in the report"
            ]
        );
    }
}

//! Stated counts ("Åtte bidragsfinansierte prosjekter ble ferdigstilt") and the
//! check of each against the items the parser found.

use super::{Doc, Part, Role, funding_in, norm};
use crate::blocks::BlockKind;
use crate::grammar::word_value;
use crate::model::{Funding, PhdStatus, PortfolioStatus, RefersTo, Severity, StatedCount};

const ABBREVIATIONS: &[&str] = &[
    "ca", "nr", "bl.a", "f.eks", "jf", "kap", "s", "st", "innst", "mill", "mrd", "pr", "vol",
    "utg", "dvs", "evt", "m.fl", "osv", "mv", "avd", "ref", "tlf",
];

/// Byte ranges of the sentences of `text`.
///
/// ```
/// let s = fou::sections::counts::sentences("Det kom ca. 700 bøker. Deretter 12 til.");
/// assert_eq!(s.len(), 2);
/// ```
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    crate::work::add(text.len());
    let mut out = Vec::new();
    let mut start = 0;
    let b = text.as_bytes();
    for i in 0..b.len() {
        if !matches!(b[i], b'.' | b'!' | b'?') || b.get(i + 1) != Some(&b' ') {
            continue;
        }
        let next = text[i + 2..].chars().next();
        if !next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '«' || c == '"') {
            continue;
        }
        if b[i] == b'.' {
            let word = text[start..i]
                .rsplit([' ', '('])
                .next()
                .unwrap_or("")
                .to_lowercase();
            if ABBREVIATIONS.contains(&word.as_str()) || word.chars().count() == 1 {
                continue;
            }
        }
        out.push((start, i + 1));
        start = i + 2;
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

/// Byte ranges of the clauses of a sentence (split at `, `, `; `, `: `).
fn clauses(sentence: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = sentence.as_bytes();
    for i in 0..b.len() {
        if matches!(b[i], b',' | b';' | b':') && b.get(i + 1) == Some(&b' ') {
            out.push((start, i));
            start = i + 2;
        }
    }
    out.push((start, sentence.len()));
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Noun {
    Project,
    Analysis,
    Publication,
    Phd,
    Other,
}

const NOUNS: &[(&str, Noun)] = &[
    ("forskningsprosjekt", Noun::Project),
    ("oppdragsprosjekt", Noun::Project),
    ("bidragsprosjekt", Noun::Project),
    ("fou-prosjekt", Noun::Project),
    ("prosjekt", Noun::Project),
    ("fou-oppdrag", Noun::Project),
    ("forskningsoppdrag", Noun::Project),
    ("oppdrag", Noun::Project),
    ("doktorgradsprosjekt", Noun::Phd),
    ("analyse", Noun::Analysis),
    ("artikl", Noun::Publication),
    ("artikkel", Noun::Publication),
    ("kronikk", Noun::Publication),
    ("publikasjon", Noun::Publication),
    ("kandidat", Noun::Phd),
    ("stipendiat", Noun::Phd),
    ("nav-ansatte", Noun::Phd),
    ("skisse", Noun::Other),
    ("søknad", Noun::Other),
    ("rammeavtal", Noun::Other),
    ("samarbeidsavtal", Noun::Other),
    ("avtale", Noun::Other),
    ("universitet", Noun::Other),
    ("høyskole", Noun::Other),
    ("høgskule", Noun::Other),
    ("satsingsområd", Noun::Other),
    ("temaområd", Noun::Other),
    ("område", Noun::Other),
    ("typer", Noun::Other),
    ("utlysning", Noun::Other),
];

/// Nouns that make a number a measure, not a count of items.
const MEASURES: &[&str] = &[
    "tusen",
    "millioner",
    "million",
    "milliarder",
    "milliard",
    "prosent",
    "%",
    "år",
    "års",
    "måneder",
    "måned",
    "uker",
    "uke",
    "dager",
    "dag",
    "ganger",
    "kroner",
    "kr",
    "timer",
    "prosentpoeng",
    "promille",
];

fn noun_of(word: &str) -> Option<Noun> {
    let w = word.to_lowercase();
    let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    NOUNS
        .iter()
        .find(|(stem, _)| w.starts_with(stem))
        .map(|&(_, n)| n)
}

fn value_of(word: &str) -> Option<u32> {
    let w = word.trim_matches(|c: char| matches!(c, '(' | ')' | '«' | '»' | '"'));
    if w.chars().all(|c| c.is_ascii_digit()) && !w.is_empty() {
        let v: u32 = w.parse().ok()?;
        // years are not counts
        return (!(w.len() == 4 && (1900..2100).contains(&v))).then_some(v);
    }
    if matches!(
        w.to_lowercase().as_str(),
        "en" | "ett" | "et" | "én" | "ein" | "eitt" | "ei" | "null"
    ) {
        return None;
    }
    word_value(w)
}

struct Candidate {
    at: usize,
    value: u32,
    noun: Option<Noun>,
}

fn words(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            if let Some(st) = start.take() {
                out.push((st, &s[st..i]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out
}

fn candidates(clause: &str) -> Vec<Candidate> {
    let ws = words(clause);
    let lower: Vec<String> = ws.iter().map(|(_, w)| w.to_lowercase()).collect();
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
        let prev = k.checked_sub(1).map(|p| lower[p].as_str());
        if matches!(
            prev,
            Some("de" | "disse" | "dei" | "kl." | "nr." | "av" | "kapittel" | "utgave")
        ) {
            continue;
        }
        let next = lower.get(k + 1).map(String::as_str);
        if next.is_some_and(|n| MEASURES.contains(&n.trim_end_matches(['.', ',']))) {
            continue;
        }
        if next.is_some_and(|n| n.chars().all(|c| c.is_ascii_digit())) {
            continue; // `400 000`
        }
        // `N av disse …`, `N av de …`
        let mut look = k + 1;
        let mut window = 3;
        if next == Some("av")
            && matches!(
                lower.get(k + 2).map(String::as_str),
                Some("disse" | "de" | "dem")
            )
        {
            look = k + 3;
            window = 4;
        }
        let after = (look..(look + window).min(ws.len())).find_map(|j| noun_of(ws[j].1));
        let noun = after.or_else(|| {
            // `Av oppdragsprosjektene ble åtte ferdigstilt`
            (k.saturating_sub(3)..k)
                .rev()
                .find_map(|j| noun_of(ws[j].1))
                .filter(|_| {
                    lower.get(k + 1).is_some_and(|n| {
                        [
                            "ferdigstilt",
                            "avsluttet",
                            "fullført",
                            "levert",
                            "pågikk",
                            "pågår",
                        ]
                        .contains(&n.as_str())
                    })
                })
        });
        let anaphoric = prev == Some("hvorav")
            || (next == Some("nye")
                && lower.get(k + 2).is_some_and(|n| {
                    ["fikk", "ble", "har", "er", "kom", "startet"].contains(&n.as_str())
                }))
            || (next == Some("av") && look == k + 3);
        if noun.is_some() || anaphoric {
            out.push(Candidate { at, value, noun });
        }
    }
    out
}

fn has_any(t: &str, words: &[&str]) -> bool {
    words.iter().any(|w| t.contains(w))
}

fn classify(clause: &str, noun: Option<Noun>, funding: Option<Funding>) -> RefersTo {
    let t = norm(clause);
    match noun {
        Some(Noun::Phd) => {
            if has_any(&t, &["fullført", "disputert", "avla", "avsluttet"]) {
                RefersTo::PhdCompleted
            } else if has_any(&t, &["fortsatt", "pågå", "jobbet", "arbeider", "i gang"]) {
                RefersTo::PhdOngoing
            } else {
                RefersTo::Other
            }
        }
        Some(Noun::Analysis) => RefersTo::Analyses,
        Some(Noun::Project) => {
            if has_any(&t, &["tematisk", "satsingsområd", "temaområd", "innenfor"]) {
                return RefersTo::Other;
            }
            let finished = has_any(
                &t,
                &["ferdigstil", "avslutt", "fullført", "sluttført", "levert"],
            );
            let ongoing = has_any(&t, &["pågå", "pågikk", "porteføljen"]);
            let granted = has_any(&t, &["tildelt", "innvilget", "bevilget"]);
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
pub(crate) fn read_counts(doc: &mut Doc<'_>) {
    let blocks = doc.blocks;
    let mut section_funding: Option<Funding> = None;
    let mut found = Vec::new();
    for (k, b) in blocks.iter().enumerate() {
        match doc.role(k) {
            Some(Role::FundingIntro(f)) => section_funding = Some(f),
            Some(Role::Completed(f)) => section_funding = f,
            Some(Role::TocSection) => {}
            Some(r) if r.is_major() => section_funding = None,
            _ => {}
        }
        let in_summary = doc.parts[k] == Part::Project;
        if !matches!(
            b.kind,
            BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Heading { level: None }
        ) || matches!(
            doc.parts[k],
            Part::Analysis
                | Part::Portfolio
                | Part::Phd
                | Part::Vendor
                | Part::Publication
                | Part::Toc
        ) {
            continue;
        }
        let text = b.text();
        for (ss, se) in sentences(text) {
            let sentence = &text[ss..se];
            let mut sentence_funding: Option<Funding> = None;
            // What an anaphoric count (`åtte nye fikk …`) counts: the last noun of the sentence.
            let mut sentence_noun: Option<Noun> = None;
            for (cs, ce) in clauses(sentence) {
                let clause = &sentence[cs..ce];
                let clause_norm = norm(clause);
                let cands = candidates(clause);
                let clause_funding = funding_in(clause);
                for (n, c) in cands.iter().enumerate() {
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
                    // things begins (`fire tematiske områder hvor NAV …`).
                    // So does a second verb phrase (`ni gikk videre … og fikk anledning …`).
                    if let Some(i) = [
                        " hvor ",
                        " som ",
                        " der ",
                        " og fikk ",
                        " og ble ",
                        " og har ",
                        " og hadde ",
                        " og var ",
                        " og er ",
                        " og kunne ",
                        " og skal ",
                        " og vil ",
                    ]
                    .iter()
                    .filter_map(|w| clause[c.at..to].find(w))
                    .min()
                    {
                        to = c.at + i;
                    }
                    let piece = &clause[from..to];
                    let t = &clause_norm;
                    if matches!(c.noun, Some(Noun::Publication))
                        && !has_any(t, &["publiser", "utgitt", "skrev"])
                    {
                        continue;
                    }
                    if in_summary && !has_any(t, &["publiser", "utgitt"]) {
                        continue;
                    }
                    let noun = c.noun.or(sentence_noun).or(if sentence_funding.is_some() {
                        Some(Noun::Project)
                    } else {
                        None
                    });
                    let funding = funding_in(piece)
                        .or(clause_funding)
                        .or(sentence_funding)
                        .or(section_funding);
                    let refers_to = classify(piece, noun, funding);
                    if c.noun.is_some() {
                        sentence_noun = c.noun;
                    }
                    let lead = piece.len() - piece.trim_start().len();
                    let mut start = ss + cs + from + lead;
                    let mut body = piece.trim();
                    for conj in ["og ", "men ", "samt ", "mens "] {
                        if let Some(rest) = body.strip_prefix(conj)
                            && n == 0
                        {
                            start += conj.len();
                            body = rest;
                        }
                    }
                    let body = body.trim_end_matches(['.', ':', ';', ',', '!']).trim_end();
                    let span = doc.sub_span(k, start, start + body.len());
                    found.push(StatedCount {
                        text: body.to_owned(),
                        value: c.value,
                        refers_to,
                        span,
                    });
                }
                if let Some(f) = clause_funding {
                    sentence_funding = Some(f);
                }
            }
        }
    }
    doc.report.stated_counts = found;
}

/// Warn where a stated count disagrees with the items found.
pub(crate) fn check_counts(doc: &mut Doc<'_>) {
    let r = &doc.report;
    // Tally the items once: (funding, status) of projects, portfolio and PhD lists.
    let mut projects = [0usize; 2];
    for p in &r.projects {
        match p.funding {
            Some(Funding::Bidrag) => projects[0] += 1,
            Some(Funding::Oppdrag) => projects[1] += 1,
            None => {}
        }
    }
    let mut portfolio = [[0usize; 2]; 2];
    for p in &r.portfolio {
        let f = match p.funding {
            Some(Funding::Bidrag) => 0,
            Some(Funding::Oppdrag) => 1,
            None => continue,
        };
        let s = usize::from(p.status == PortfolioStatus::Granted);
        portfolio[f][s] += 1;
    }
    let completed_phd = r
        .phd
        .iter()
        .filter(|p| p.status == PhdStatus::Completed)
        .count();
    let ongoing_phd = r.phd.len() - completed_phd;
    let mut diags = Vec::new();
    for c in &r.stated_counts {
        let (found, what) = match c.refers_to {
            RefersTo::ProjectsBidrag => (projects[0], "completed bidrag projects"),
            RefersTo::ProjectsOppdrag => (projects[1], "completed oppdrag projects"),
            RefersTo::PortfolioBidragOngoing => (portfolio[0][0], "ongoing bidrag projects listed"),
            RefersTo::PortfolioOppdragOngoing => {
                (portfolio[1][0], "ongoing oppdrag projects listed")
            }
            RefersTo::PortfolioBidragGranted => {
                (portfolio[0][1], "newly granted bidrag projects listed")
            }
            RefersTo::Analyses => (r.analyses.len(), "analyses"),
            RefersTo::PhdCompleted => (completed_phd, "completed PhD candidates"),
            RefersTo::PhdOngoing => (ongoing_phd, "ongoing PhD candidates"),
            RefersTo::Other => continue,
        };
        if found != c.value as usize {
            diags.push((
                format!(
                    "the text states {} {} (\"{}\") but {} were found",
                    c.value, what, c.text, found
                ),
                c.span,
            ));
        }
    }
    for (m, span) in diags {
        doc.diag(Severity::Warning, "count-mismatch", m, Some(span));
    }
}

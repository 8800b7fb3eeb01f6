//! Classifiers: judgements about words and short texts that are not grammars
//! — is this token an acronym, does this text read as an organisation's name,
//! as a list of them?
//!
//! The grammars call them where a boundary is a matter of judgement (where a
//! project line's title ends and its institutions begin, whether `AFI OsloMet`
//! is two organisations), and the block builder calls them to decide whether
//! a line continues the one before. They reuse the grammars' text splitters.

use crate::grammar::{split_and, strip_report_from, trim_period};

/// Words that never begin an organisation's name (they begin sentences and titles).
const NOT_ORG_START: &[&str] = &[
    "hvordan", "hva", "hvilke", "hvilken", "hvem", "hvorfor", "når", "kan", "er", "en", "et", "ei",
    "om", "fra", "til", "med", "for", "i", "på", "av", "og", "som", "slik", "kva", "korleis", "vi",
    "du", "jeg", "the", "a", "an", "how", "what", "why", "mange", "flere", "noen", "alle", "dette",
    "denne", "disse",
];

/// Stems that mark an organisation or a unit of one.
const ORG_STEMS: &[&str] = &[
    "universitet",
    "høgskule",
    "høgskole",
    "høyskole",
    "høgskulen",
    "institutt",
    "senter",
    "sentral",
    "fakultet",
    "sykehus",
    "hospital",
    "forskning",
    "forsking",
    "forsk",
    "analyse",
    "economics",
    "research",
    "consulting",
    "centre",
    "center",
    "stiftelse",
    "akademi",
    "direktorat",
    "avdeling",
    "seksjon",
    "kommune",
    "fylkeskommune",
    "klinikk",
    "helseforetak",
    "laboratori",
    "lab",
    "institute",
    "university",
    "college",
    "school",
    "department",
    "office",
    "group",
    "gruppen",
    "rådgivning",
    "management",
    "partners",
];

/// Legal-form suffixes: `AS`, `ASA`, `HF`, `SA`, `BA`, `Ltd`.
const LEGAL_FORMS: &[&str] = &[
    "as", "asa", "hf", "sa", "ba", "ltd", "inc", "ab", "ans", "da", "iks",
];

fn has_org_word(words: &[&str]) -> bool {
    words.iter().any(|w| {
        let lw = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        is_acronym(w)
            || LEGAL_FORMS.contains(&lw.as_str())
            || ORG_STEMS.iter().any(|s| lw.contains(s))
    })
}

/// An acronym-like organisation token: `NTNU`, `AFI`, `OsloMet`, `UiO`, `HiNN`.
///
/// ```
/// use fou::classify::is_acronym;
/// assert!(is_acronym("OsloMet") && is_acronym("NTNU"));
/// assert!(!is_acronym("Troms"));
/// ```
pub fn is_acronym(token: &str) -> bool {
    let t = token.trim_matches(|c: char| !c.is_alphanumeric());
    let upper = t.chars().filter(|c| c.is_uppercase()).count();
    t.chars().count() >= 2
        && t.chars().next().is_some_and(char::is_uppercase)
        && t.chars().all(|c| c.is_alphanumeric() || c == '-')
        && upper >= 2
}

/// Does `s` read like one organisation's name (short, capitalised, not a sentence)?
///
/// ```
/// use fou::classify::is_institution_name;
/// assert!(is_institution_name("Proba samfunnsanalyse"));
/// assert!(is_institution_name("St. Olavs hospital HF"));
/// assert!(!is_institution_name("Hvordan kan vi gjøre veiledningen bedre i NAV"));
/// assert!(!is_institution_name("digital oppfølging av unge"));
/// assert!(!is_institution_name("Brukernes tillit til veiledere"));
/// assert!(is_institution_name("Det juridiske fakultet"));
/// ```
pub fn is_institution_name(s: &str) -> bool {
    let t = s.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    let first_lower = first.to_lowercase();
    if words.len() > 8
        || !first
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        || NOT_ORG_START.contains(&first_lower.as_str())
        || t.contains(['?', '!', ':', ';', '«', '»', '"', '“', '”'])
        || t.ends_with(['?', ','])
        || words.iter().any(|w| w.chars().all(|c| c.is_ascii_digit()))
    {
        return false;
    }
    // A period inside is only allowed after an abbreviation (`St.`, `Avd.`, `M.`).
    for (i, w) in words.iter().enumerate() {
        if w.ends_with('.') && i + 1 < words.len() {
            let stem = w.trim_end_matches('.');
            let abbrev = stem.chars().count() <= 3 || stem.chars().all(char::is_uppercase);
            if !abbrev {
                return false;
            }
        }
    }
    // One word (`Fafo`, `Frischsenteret`), every word capitalised (`Oslo Economics`,
    // `Agenda Kaupang`), or an organisation word somewhere (`Proba samfunnsanalyse`,
    // `Universitetet i Agder`, `NAV Troms`, `Det juridiske fakultet`).
    let capitalised = |w: &&str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    words.len() == 1 || (words.len() <= 4 && words.iter().all(capitalised)) || has_org_word(&words)
}

/// Is `s` a list of institution names?
pub(crate) fn is_institution_list(s: &str) -> bool {
    let s = strip_report_from(trim_period(s));
    let flat = s.replace(['(', ')'], ",");
    let pieces: Vec<&str> = flat
        .split([',', '/'])
        .flat_map(|p| split_and(p.trim()))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    !pieces.is_empty()
        && pieces.len() <= 6
        && s.split_whitespace().count() <= 14
        && pieces.iter().all(|p| is_institution_name(p))
}

//! Institution lists: `AFI og Proba`, `NTNU, UiO og UiA`, `SNF (NHH)`, `AFI OsloMet`.

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

/// Capitalised words that start a unit's name after its parent's acronym
/// (`NTNU Institutt for …`).
const UNIT_WORDS: &[&str] = &[
    "institutt",
    "senter",
    "senteret",
    "fakultet",
    "avdeling",
    "avd.",
    "seksjon",
    "department",
    "institute",
    "centre",
    "center",
    "school",
];

/// An acronym-like organisation token: `NTNU`, `AFI`, `OsloMet`, `UiO`, `HiNN`.
///
/// ```
/// use fou::grammar::institutions::is_acronym;
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
/// use fou::grammar::institutions::is_institution_name;
/// assert!(is_institution_name("Proba samfunnsanalyse"));
/// assert!(is_institution_name("St. Olavs hospital HF"));
/// assert!(!is_institution_name("Hvordan legge til rette for bedre behovsavklaringer i NAV"));
/// assert!(!is_institution_name("automatisert innsatskategorisering"));
/// assert!(!is_institution_name("Brukernes valg av kanal"));
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

/// Split one comma/`og`-free piece into organisations by juxtaposition:
/// `AFI OsloMet` → two, `NTNU Institutt for …` → two, `NAV Troms` → one.
fn split_juxtaposed(piece: &str) -> Vec<String> {
    let words: Vec<&str> = piece.split_whitespace().collect();
    if words.len() >= 2 && words.iter().all(|w| is_acronym(w)) {
        return words.iter().map(|w| (*w).to_owned()).collect();
    }
    if words.len() >= 3
        && is_acronym(words[0])
        && UNIT_WORDS.contains(&words[1].to_lowercase().as_str())
        && words[1].chars().next().is_some_and(char::is_uppercase)
    {
        return vec![words[0].to_owned(), words[1..].join(" ")];
    }
    vec![piece.to_owned()]
}

/// Split at ` og `/` and `/` & ` when the next word is capitalised (so the `og`
/// inside `Institutt for pedagogikk og livslang læring` stays).
pub(crate) fn split_and(s: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = s;
    'outer: loop {
        for sep in [" og ", " and ", " & "] {
            let mut from = 0;
            while let Some(i) = rest[from..].find(sep) {
                let at = from + i;
                let next = &rest[at + sep.len()..];
                if next.chars().next().is_some_and(|c| c.is_uppercase()) {
                    parts.push(&rest[..at]);
                    rest = next;
                    continue 'outer;
                }
                from = at + sep.len();
            }
        }
        parts.push(rest);
        break;
    }
    parts
}

/// Split an institution text into organisations, in written order.
///
/// Separators are commas, `og`/`and`/`&` before a capitalised word, `/`,
/// parentheses and the juxtaposition of acronyms.
///
/// ```
/// use fou::grammar::institutions;
/// assert_eq!(institutions("AFI og Proba"), ["AFI", "Proba"]);
/// assert_eq!(institutions("NTNU, UiO og UiA"), ["NTNU", "UiO", "UiA"]);
/// assert_eq!(institutions("SNF (NHH)"), ["SNF", "NHH"]);
/// assert_eq!(institutions("AFI OsloMet"), ["AFI", "OsloMet"]);
/// assert_eq!(institutions("NIBR/OsloMet"), ["NIBR", "OsloMet"]);
/// assert_eq!(institutions("NTNU Institutt for pedagogikk og livslang læring"),
///            ["NTNU", "Institutt for pedagogikk og livslang læring"]);
/// assert_eq!(institutions("St. Olavs hospital HF"), ["St. Olavs hospital HF"]);
/// assert_eq!(institutions("NAV Troms"), ["NAV Troms"]);
/// ```
pub fn institutions(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let text = super::trim_period(text);
    // Parentheses: `SNF (NHH)` → SNF, NHH.
    let flat = text.replace('(', ", ").replace(')', " ");
    for comma_part in flat.split([',', '/', ';']) {
        for piece in split_and(comma_part.trim()) {
            let piece = piece.split_whitespace().collect::<Vec<_>>().join(" ");
            if piece.is_empty() {
                continue;
            }
            out.extend(split_juxtaposed(&piece));
        }
    }
    out
}

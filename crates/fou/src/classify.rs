//! Classifiers: judgements about words and short texts that are not grammars
//! — is this token an acronym, does this text read as an organisation's name,
//! as a list of them?
//!
//! The grammars call them where a boundary is a matter of judgement (where a
//! project line's title ends and its institutions begin, whether `AFI OsloMet`
//! is two organisations), and the block builder calls them to decide whether
//! a line continues the one before. They reuse the grammars' text splitters.

use crate::grammar::{SplitAnd, split_at_ascii, strip_report_from, trim_period};
use crate::lexicon::{NOT_ORG_START, ORG_LEGAL_FORMS, ORG_STEMS};
use crate::text::lower;

fn has_org_word(words: &[&str]) -> bool {
    words.iter().any(|w| {
        if is_acronym(w) {
            return true;
        }
        // (lower-cased without a copy when it is lower-case already)
        let lw = lower(w.trim_matches(|c: char| !c.is_alphanumeric()));
        ORG_LEGAL_FORMS.contains(&lw.as_ref()) || ORG_STEMS.iter().any(|s| holds(&lw, s))
    })
}

/// Does the word `word` hold `stem`? What [`str::contains`] answers, by
/// comparing the bytes at each offset: a word is short, and setting up
/// `contains`'s searcher for each of [`ORG_STEMS`] cost more than the search.
/// The rest of the stem is compared only where its first byte stands.
fn holds(word: &str, stem: &str) -> bool {
    let (word, stem) = (word.as_bytes(), stem.as_bytes());
    let Some((&first, tail)) = stem.split_first() else {
        return true;
    };
    let Some(starts) = word.len().checked_sub(tail.len()) else {
        return false;
    };
    let at = |i: usize| word.get(i + 1..i + stem.len()) == Some(tail);
    word.get(..starts)
        .is_some_and(|w| w.iter().enumerate().any(|(i, &b)| b == first && at(i)))
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
    let t = crate::text::trim(s);
    // The words, on the stack: a name has at most eight.
    let mut buf = [""; MAX_NAME_WORDS];
    let mut len = 0;
    for w in t.split_whitespace() {
        let Some(slot) = buf.get_mut(len) else {
            return false;
        };
        *slot = w;
        len += 1;
    }
    let words = &buf[..len];
    let Some(first) = words.first() else {
        return false;
    };
    if !first
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        || starts_no_name(first)
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
    words.len() == 1 || (words.len() <= 4 && words.iter().all(capitalised)) || has_org_word(words)
}

/// The most words an organisation's name has.
const MAX_NAME_WORDS: usize = 8;

/// The most characters a word of [`NOT_ORG_START`] has.
const NOT_ORG_START_MAX_CHARS: usize = 7;

/// Is `first` (lower-cased) one of [`NOT_ORG_START`]? A longer word is not
/// lower-cased to find out (lower-casing never makes fewer characters).
fn starts_no_name(first: &str) -> bool {
    first.chars().nth(NOT_ORG_START_MAX_CHARS).is_none()
        && NOT_ORG_START.contains(&first.to_lowercase().as_str())
}

/// Is `s` a list of institution names?
pub(crate) fn is_institution_list(s: &str) -> bool {
    let s = strip_report_from(trim_period(s));
    starts_like_name(s) && pieces_are_names(s)
}

/// Does the first piece of the list `s` ([`pieces_are_names`]) start as a
/// name may ([`is_institution_name`]: with a capital or a digit)? The
/// piece starts with the first character that is neither white space nor a
/// separator. A cheap test: most texts after a comma of a title fail it,
/// and then so does [`pieces_are_names`], which counts and splits words.
fn starts_like_name(s: &str) -> bool {
    s.chars()
        .find(|c| !c.is_whitespace() && !LIST_SEPARATORS.contains(c))
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// [`is_institution_list`] of `s`, its period and `Rapport fra` gone: the
/// pieces between commas, slashes, parentheses and `og` before a capital,
/// one to six, each a name, in a text of few words. (Looked at one by one:
/// a list that fails costs no vector.)
fn pieces_are_names(s: &str) -> bool {
    if s.split_whitespace().count() > MAX_LIST_WORDS {
        return false;
    }
    let mut n = 0;
    for part in split_at_ascii(s, LIST_SEPARATOR_BYTES) {
        for piece in (SplitAnd {
            rest: Some(crate::text::trim(part)),
        }) {
            let piece = crate::text::trim(piece);
            if piece.is_empty() {
                continue;
            }
            n += 1;
            if n > MAX_LIST_PIECES || !is_institution_name(piece) {
                return false;
            }
        }
    }
    n > 0
}

/// The characters that separate the names of a list of institutions (beside
/// `og` before a capital).
const LIST_SEPARATORS: [char; 4] = [',', '/', '(', ')'];

/// [`LIST_SEPARATORS`] as bytes (they are ASCII), to split at by bytes.
const LIST_SEPARATOR_BYTES: &[u8] = b",/()";

/// The most organisations a list of institutions names …
const MAX_LIST_PIECES: usize = 6;
/// … and the most words it has (longer texts are titles or sentences).
const MAX_LIST_WORDS: usize = 14;

#[cfg(test)]
mod tests {
    use super::*;

    /// Where the first piece does not start as a name, the list is none:
    /// the cheap test never says no where the exact one says yes.
    #[test]
    fn a_list_whose_start_is_no_name_is_none() {
        let pieces = [
            " ",
            ", ",
            "/",
            "(",
            ")",
            "og ",
            " og ",
            "NTNU",
            "3T",
            "uio",
            "Ål",
            "Fafo",
            "\u{a0}",
            "«",
            "St. ",
            "institutt",
        ];
        let mut lists = 0;
        for s in crate::testing::concatenations(&pieces, 4) {
            if !starts_like_name(&s) {
                assert!(!pieces_are_names(&s), "{s:?}");
            }
            lists += usize::from(pieces_are_names(&s));
        }
        assert!(lists > 0);
        assert!(is_institution_list("3T, Fafo") && is_institution_list(" (NTNU) SINTEF"));
        assert!(!is_institution_list(", digitale verktøy, UiO"));
    }

    /// [`holds`] answers what [`str::contains`] answers: at the end of the
    /// word, where only the stem's first byte stands, where it stands twice.
    #[test]
    fn holds_is_contains() {
        let pieces = ["l", "la", "lab", "senter", "ø", "tet", "x"];
        let words = crate::testing::concatenations(&pieces, 4);
        let stems = ORG_STEMS.iter().chain(&["", "a", "tet", "ø", "ll", "xl"]);
        let mut found = 0;
        for stem in stems {
            for word in &words {
                assert_eq!(holds(word, stem), word.contains(stem), "{word:?} {stem:?}");
                found += usize::from(holds(word, stem));
            }
        }
        assert!(found > 0);
    }

    #[test]
    fn the_separator_bytes_are_the_separators() {
        let bytes: Vec<char> = LIST_SEPARATOR_BYTES
            .iter()
            .map(|&b| char::from(b))
            .collect();
        assert_eq!(bytes, LIST_SEPARATORS);
        assert!(LIST_SEPARATOR_BYTES.is_ascii());
    }

    #[test]
    fn the_word_lengths_the_shortcuts_rely_on_hold() {
        let longest = |list: &[&str]| list.iter().map(|w| w.chars().count()).max();
        assert_eq!(longest(NOT_ORG_START), Some(NOT_ORG_START_MAX_CHARS));
    }
}

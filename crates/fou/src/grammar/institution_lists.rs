//! Institution lists: `AFI og Proba`, `NTNU, UiO og UiA`, `SNF (NHH)`, `AFI OsloMet`.

use crate::classify::is_acronym;

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
    SplitAnd { rest: Some(s) }.collect()
}

/// The parts [`split_and`] gives, one by one (no vector: a classifier that
/// only looks at each part asks this).
pub(crate) struct SplitAnd<'a> {
    /// The text not split yet; `None` once the last part was given.
    pub rest: Option<&'a str>,
}

impl<'a> Iterator for SplitAnd<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = self.rest?;
        for word in crate::lexicon::LIST_CONJUNCTIONS {
            let mut from = 0;
            while let Some(at) = spaced_at(rest, word, from) {
                let next = &rest[at + word.len() + 2..];
                if next.chars().next().is_some_and(|c| c.is_uppercase()) {
                    self.rest = Some(next);
                    return Some(&rest[..at]);
                }
                from = at + word.len() + 2;
            }
        }
        self.rest = None;
        Some(rest)
    }
}

/// Byte offset of the first ` word ` (spaces on both sides) after `from`
/// in `s`: the offset of its leading space. (The words of
/// [`LIST_CONJUNCTIONS`](crate::lexicon::LIST_CONJUNCTIONS) are ASCII and
/// never overlap themselves, so comparing bytes at each offset finds what
/// searching for each occurrence in turn finds.)
fn spaced_at(s: &str, word: &str, from: usize) -> Option<usize> {
    let (b, w) = (s.as_bytes(), word.as_bytes());
    let last = b.len().checked_sub(w.len() + 1)?;
    (from.max(1)..=last)
        .find(|&at| {
            at > from && b[at - 1] == b' ' && b[at + w.len()] == b' ' && b[at..].starts_with(w)
        })
        .map(|at| at - 1)
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

//! Institution lists: `AFI og Proba`, `NTNU, UiO og UiA`, `SNF (NHH)`, `AFI OsloMet`.

use std::borrow::Cow;

use crate::classify::is_acronym;
use crate::lexicon::UNIT_WORDS;

/// Split one comma/`og`-free piece (its words one space apart) into
/// organisations by juxtaposition, onto `out`: `AFI OsloMet` → two, `NTNU
/// Institutt for …` → two, `NAV Troms` → one.
fn push_juxtaposed(piece: &str, out: &mut Vec<String>) {
    let n = piece.split(' ').count();
    if n >= 2 && piece.split(' ').all(is_acronym) {
        out.extend(piece.split(' ').map(str::to_owned));
        return;
    }
    let mut words = piece.split(' ');
    if let (Some(first), Some(unit)) = (words.next(), words.next())
        && n >= 3
        && is_acronym(first)
        && UNIT_WORDS.contains(&crate::text::lower(unit).as_ref())
        && unit.chars().next().is_some_and(char::is_uppercase)
        && let Some((_, rest)) = piece.split_once(' ')
    {
        out.push(first.to_owned());
        out.push(rest.to_owned());
        return;
    }
    out.push(piece.to_owned());
}

/// `s` with its white space runs made one space and trimmed; a copy only
/// when that changes it.
fn one_spaced(s: &str) -> Cow<'_, str> {
    let mut after_space = true;
    let mut clean = true;
    for c in s.chars() {
        if c.is_whitespace() {
            if c != ' ' || after_space {
                clean = false;
                break;
            }
            after_space = true;
        } else {
            after_space = false;
        }
    }
    if clean && (!after_space || s.is_empty()) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

/// The parts of a text split at ` og `/` and `/` & ` when the next word is
/// capitalised (so the `og` inside `Institutt for pedagogikk og livslang
/// læring` stays), one by one.
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
/// in `s`: the offset of its leading space, at `from` or after. (The words
/// of [`LIST_CONJUNCTIONS`](crate::lexicon::LIST_CONJUNCTIONS) are ASCII and
/// never overlap themselves, so comparing bytes at each offset finds what
/// searching for each occurrence in turn finds.) Only the spaces are
/// looked at (`memchr`).
fn spaced_at(s: &str, word: &str, from: usize) -> Option<usize> {
    let (b, w) = (s.as_bytes(), word.as_bytes());
    let tail = b.get(from..)?;
    memchr::memchr_iter(b' ', tail)
        .map(|i| from + i)
        .find(|&sp| {
            let after = sp + 1 + w.len();
            b.get(sp + 1..after) == Some(w) && b.get(after) == Some(&b' ')
        })
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
    let flat = if text.contains(['(', ')']) {
        Cow::Owned(text.replace('(', ", ").replace(')', " "))
    } else {
        Cow::Borrowed(text)
    };
    for comma_part in flat.split([',', '/', ';']) {
        let parts = SplitAnd {
            rest: Some(comma_part.trim()),
        };
        for piece in parts {
            let piece = one_spaced(piece);
            if piece.is_empty() {
                continue;
            }
            push_juxtaposed(&piece, &mut out);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{one_spaced, spaced_at};

    /// [`spaced_at`] finds what comparing at each offset finds.
    #[test]
    fn spaced_at_finds_the_first_spaced_word() {
        let naive = |s: &str, w: &str, from: usize| {
            (from..s.len()).find(|&sp| {
                s.get(sp..)
                    .is_some_and(|t| t.starts_with(&format!(" {w} ")))
            })
        };
        let pieces = [" ", "og", "og ", " og", "and", "&", "a", "Ø"];
        for s in crate::testing::concatenations(&pieces, 4) {
            for w in crate::lexicon::LIST_CONJUNCTIONS {
                for from in 0..=s.len() + 1 {
                    assert_eq!(
                        spaced_at(&s, w, from),
                        naive(&s, w, from),
                        "{s:?} {w:?} {from}"
                    );
                }
            }
        }
    }

    #[test]
    fn one_spaced_is_the_words_joined_by_one_space() {
        for s in [
            "",
            " ",
            "a",
            "a b",
            " a",
            "a ",
            "a  b",
            "a\tb",
            "a\u{a0}b",
            "NTNU  Institutt for x",
        ] {
            let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(one_spaced(s), joined, "{s:?}");
        }
    }
}

//! Hyphens converters broke inside a line, mended with the whole text's
//! words in view (layer 2: the rules need to know what occurs elsewhere).
//!
//! - `Fjord- forsk` → `Fjordforsk`: a converter that joins PDF lines kept a
//!   line-end hyphen and put a space after it. Mended when the second part
//!   is a lower-case word (not a conjunction: `helse- og omsorg` stays, nor
//!   a part that ends in a hyphen itself: `barne- ungdoms- og`) and either
//!   the joined word occurs elsewhere in the text or the first part (2+
//!   letters) never stands alone. After an acronym (`IKT- verktøy`) only
//!   the space goes: `IKT-verktøy`.
//! - `NAVkontor` → `NAV-kontor`: an extractor rejoined a word split at a
//!   line end and dropped its hyphen. Restored when an all-caps acronym of
//!   2+ letters runs straight into a lower-case part of 3+ letters and the
//!   hyphenated form occurs elsewhere in the text or the acronym is a
//!   known one ([`KNOWN_ACRONYMS`]).
//!
//! The span map stays exact ([`MappedText::edited`]).

use std::collections::HashSet;

use super::{Block, Repair, RepairKind, Repairs};
use crate::lexicon::{HYPHEN_CONJUNCTIONS, KNOWN_ACRONYMS};
use crate::lines::MappedText;

/// The text's words, lower case: those standing alone and every token
/// (hyphenated compounds included) as written.
#[derive(Default)]
pub(super) struct Words {
    words: HashSet<String>,
}

impl Words {
    pub(super) fn of<'s>(texts: impl IntoIterator<Item = &'s str>) -> Self {
        let mut words = HashSet::new();
        for text in texts {
            for token in text.split_whitespace() {
                let t = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
                let t = t.trim_start_matches('-');
                // `Fjord-` (a part broken off) is not a word standing alone.
                if !t.is_empty() && !t.ends_with('-') {
                    // Most words repeat: allocate only for a new one.
                    let l = crate::text::lower(t);
                    if !words.contains(&*l) {
                        words.insert(l.into_owned());
                    }
                }
            }
        }
        Words { words }
    }

    fn has(&self, word: &str) -> bool {
        self.words.contains(&*crate::text::lower(word))
    }
}

fn is_letter_run(s: &str) -> bool {
    !s.is_empty() && s.chars().all(char::is_alphabetic)
}

/// The letters before byte `end` of `text` (the word a hyphen follows).
fn word_before(text: &str, end: usize) -> &str {
    let head = &text[..end];
    let start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(end, |(i, _)| i);
    &head[start..]
}

/// The letters from byte `start` of `text`, and whether a hyphen follows.
fn word_after(text: &str, start: usize) -> (&str, bool) {
    let tail = &text[start..];
    let len = tail
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(tail.len(), |(i, _)| i);
    (&tail[..len], tail[len..].starts_with('-'))
}

/// The cuts that mend `X- y`: the clean ranges to leave out.
fn spaced_hyphen_cuts(text: &str, words: &Words) -> Vec<(usize, usize)> {
    let mut cuts = Vec::new();
    for (i, _) in text.match_indices("- ") {
        let first = word_before(text, i);
        let (second, hyphen_follows) = word_after(text, i + 2);
        let lower = second.chars().next().is_some_and(char::is_lowercase);
        if first.chars().count() < 2
            || !lower
            || hyphen_follows
            || HYPHEN_CONJUNCTIONS.contains(&second)
        {
            continue;
        }
        let acronym = first.chars().all(char::is_uppercase);
        if acronym {
            cuts.push((i + 1, i + 2)); // `IKT- verktøy` → `IKT-verktøy`
        } else if words.has(&format!("{first}{second}")) || !words.has(first) {
            cuts.push((i, i + 2));
        }
    }
    cuts
}

/// The clean offsets where a lost hyphen goes back (`NAV|kontor`).
fn lost_hyphens(text: &str, words: &Words) -> Vec<usize> {
    let mut at = Vec::new();
    let mut offset = 0;
    for token in text.split(|c: char| !c.is_alphanumeric() && c != '-') {
        let start = offset;
        offset += token.len()
            + text[offset + token.len()..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
        // Two capitals first: the cheap test that rules out almost every word.
        let caps = token.chars().take_while(|c| c.is_uppercase()).count();
        if caps < 2 || !is_letter_run(token) {
            continue;
        }
        let cut = token
            .char_indices()
            .nth(caps)
            .map_or(token.len(), |(i, _)| i);
        let (acronym, rest) = token.split_at(cut);
        if caps < 2 || rest.chars().count() < 3 || !rest.chars().all(char::is_lowercase) {
            continue;
        }
        if KNOWN_ACRONYMS.contains(&acronym) || words.has(&format!("{acronym}-{rest}")) {
            at.push(start + cut);
        }
    }
    at
}

/// Mend the broken hyphens of every block, knowing the whole text's words.
pub(super) fn mend_blocks(blocks: &mut [Block<'_>], repairs: &mut Repairs) {
    let words = Words::of(blocks.iter().map(Block::text));
    for block in blocks.iter_mut() {
        crate::work::add(1);
        if let Some(text) = mend_recorded(&block.text, &words, repairs) {
            block.text = text;
        }
    }
}

/// `text` with its broken hyphens mended, or `None` when none were; each
/// mend recorded in `repairs` (the word around it, and what it became).
fn mend_recorded(
    text: &MappedText<'_>,
    words: &Words,
    repairs: &mut Repairs,
) -> Option<MappedText<'static>> {
    let t = text.as_str();
    let cuts = spaced_hyphen_cuts(t, words);
    let hyphens = lost_hyphens(t, words);
    if cuts.is_empty() && hyphens.is_empty() {
        return None;
    }
    let mended = text.edited(&cuts, &hyphens);
    let points = cuts
        .iter()
        .map(|&(a, b)| (a, b, b - a))
        .chain(hyphens.iter().map(|&h| (h, h, 0)));
    // Each mended word in the old text and the new: the new one is shifted
    // by what earlier mends removed (a cut) or added (a hyphen).
    let mut all: Vec<(usize, usize, usize)> = points.collect();
    all.sort_unstable();
    let mut shift: isize = 0;
    for (a, b, removed) in all {
        let kind = if removed == 0 || removed == 1 {
            RepairKind::HyphenKept
        } else {
            RepairKind::HyphenMended
        };
        // The word's first part ends at the hyphen (`IKT-| verktøy`: before it).
        let head = t[..a].trim_end_matches('-').len();
        let (w0, w1) = (
            head - word_before(t, head).len(),
            b + word_after(t, b).0.len(),
        );
        let (start, end) = text.source_range(w0, w1);
        let delta = if removed == 0 { 1 } else { -(removed as isize) };
        let new0 = w0.saturating_add_signed(shift);
        let new1 = w1.saturating_add_signed(shift + delta);
        repairs.push(Repair::new(
            kind,
            start,
            end,
            mended.as_str().get(new0..new1),
        ));
        shift += delta;
    }
    Some(mended)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mend(text: &MappedText<'_>, words: &Words) -> Option<MappedText<'static>> {
        mend_recorded(text, words, &mut Repairs::default())
    }

    fn mended(line: &str, elsewhere: &str) -> String {
        let words = Words::of([line, elsewhere]);
        let text = MappedText::verbatim(line, 0);
        mend(&text, &words).map_or_else(|| line.to_owned(), |m| m.as_str().to_owned())
    }

    #[test]
    fn a_hyphen_kept_with_a_space_is_mended() {
        // The first part never stands alone.
        assert_eq!(
            mended("ved univer- sitetssykehuset", ""),
            "ved universitetssykehuset"
        );
        assert_eq!(
            mended("Stipendiat Kari Van- berg, UiS", ""),
            "Stipendiat Kari Vanberg, UiS"
        );
        // The first part is a word, but the joined word occurs elsewhere.
        assert_eq!(
            mended("ble til- delt midler", "Prosjektet ble tildelt"),
            "ble tildelt midler"
        );
        assert_eq!(
            mended("Havbruk- analyse AS", "Havbrukanalyse AS"),
            "Havbrukanalyse AS"
        );
        // After an acronym the hyphen belongs to the word.
        assert_eq!(mended("nye IKT- verktøy", ""), "nye IKT-verktøy");
    }

    #[test]
    fn a_hyphen_for_a_shared_word_part_stays() {
        for line in [
            "helse- og omsorgstjenester",
            "inn- eller utland",
            "barne- ungdoms- og familieetaten",
            "e- post",
            "Oslo- Bergen",
        ] {
            assert_eq!(mended(line, ""), line);
        }
        // `til` stands alone and `tildelt` occurs nowhere: left as written.
        assert_eq!(mended("til- delt", "gikk til byen"), "til- delt");
    }

    #[test]
    fn a_lost_hyphen_after_an_acronym_comes_back() {
        assert_eq!(mended("tolv NAVkontor", ""), "tolv NAV-kontor");
        assert_eq!(
            mended("i ABCprosjektet", "om ABC-prosjektet"),
            "i ABC-prosjektet"
        );
        for line in [
            "i ABCprosjektet",
            "NAVs brukere",
            "UiO og PhD",
            "SINTEF",
            "NAV-kontor",
        ] {
            assert_eq!(mended(line, ""), line);
        }
    }

    #[test]
    fn the_span_of_a_mended_word_covers_both_parts() {
        let line = "x univer- sitetet og NAVkontor";
        let words = Words::of([line]);
        let m = mend(&MappedText::verbatim(line, 100), &words).unwrap();
        assert_eq!(m.as_str(), "x universitetet og NAV-kontor");
        assert_eq!(m.source_range(2, 15), (102, 117));
        let nav = m.as_str().find("NAV").unwrap();
        assert_eq!(m.source_range(nav, m.len()), (121, 130));
        assert_eq!(m.source_range(nav + 4, m.len()), (124, 130));
    }
}

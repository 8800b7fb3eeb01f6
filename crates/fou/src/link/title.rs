//! Titles as the matcher compares them: content words, the variants a
//! renamed title keeps (the main title before a subtitle, the rest after a
//! short prefix such as `Digisos – …`), acronyms, and a similarity robust to
//! words added, dropped or inflected.

use crate::lexicon::LINK_STOPWORDS;

/// Shortest common prefix (in characters) for two different words to count
/// as one: Norwegian inflects and compounds at the end of a word, so
/// `aktivitetsplan`/`aktivitetsplanen` and `bruken`/`brukerne` share a long
/// start, while 4 letters (`arbe…`, `digi…`) is where unrelated words start
/// to meet.
pub(crate) const MIN_STEM: usize = 5;

/// Most characters an inflected ending may add beyond the shared start
/// (`-ene`, `-erne`, `-ende`): `digital`/`digitale` match,
/// `digitale`/`digitalisering` (a different word) do not.
pub(crate) const MAX_ENDING: usize = 4;

/// Fewest content words a title variant needs to stand for the whole title:
/// one shared word (`Digisos`, `Evaluering`) is too weak to link on.
pub(crate) const MIN_VARIANT_WORDS: usize = 2;

/// Longest word read as an acronym: longer words in capitals are a title
/// written in capitals, and spelling them out would cost more than it
/// finds.
pub(crate) const MAX_ACRONYM: usize = 10;

/// A title, read for comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Title {
    /// Content words of each variant: the whole title first, then the part
    /// before a subtitle and the part after a prefix, when they differ and
    /// have [`MIN_VARIANT_WORDS`].
    pub variants: Vec<Vec<String>>,
    /// Acronyms as written (`IPS`, `PÅDIGVEL`, a word in parentheses),
    /// lower-cased.
    pub acronyms: Vec<String>,
}

/// Lower-cased words of letters and digits.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The content words of a text: no stop words, no single letters.
pub(crate) fn content_words(text: &str) -> Vec<String> {
    words(text)
        .into_iter()
        .filter(|w| w.chars().count() > 1 && !LINK_STOPWORDS.contains(&w.as_str()))
        .collect()
}

/// Where a title splits into a main part and a subtitle or prefix: a colon,
/// a period ending a sentence, a dash between spaces, a semicolon, `?`.
fn split_points(title: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for sep in [": ", ". ", " – ", " - ", " — ", "; ", "? "] {
        let mut from = 0;
        while let Some(i) = title[from..].find(sep) {
            out.push((from + i, from + i + sep.len()));
            from += i + sep.len();
        }
    }
    out.sort_unstable();
    out
}

/// A word written in capitals (`IPS`, `AAP`), or alone in parentheses
/// (`(Refino)`), is an acronym the other title may spell out.
fn acronyms(title: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in title.split_whitespace() {
        let w: String = raw.chars().filter(|c| c.is_alphanumeric()).collect();
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        let caps = (2..=MAX_ACRONYM).contains(&letters) && w.chars().all(|c| !c.is_lowercase());
        let bracketed =
            raw.starts_with('(') && raw.ends_with(')') && (3..=MAX_ACRONYM).contains(&letters);
        let lower = w.to_lowercase();
        if (caps || bracketed) && !LINK_STOPWORDS.contains(&lower.as_str()) {
            out.push(lower);
        }
    }
    out
}

impl Title {
    /// Read a title.
    pub(crate) fn new(title: &str) -> Title {
        let mut variants = vec![content_words(title)];
        // Segment boundaries: (start of text, end of text) of each segment.
        let points = split_points(title);
        let starts: Vec<usize> = std::iter::once(0)
            .chain(points.iter().map(|p| p.1))
            .collect();
        let ends: Vec<usize> = points
            .iter()
            .map(|p| p.0)
            .chain(std::iter::once(title.len()))
            .collect();
        // Every run of consecutive segments is a variant (`A – B: C` gives
        // `B`, `A – B`, `B: C` …).
        for (i, &start) in starts.iter().enumerate() {
            for &end in ends.iter().skip(i) {
                let v = content_words(title.get(start..end).unwrap_or_default());
                if v.len() >= MIN_VARIANT_WORDS && !variants.contains(&v) {
                    variants.push(v);
                }
            }
        }
        Title {
            variants,
            acronyms: acronyms(title),
        }
    }

    /// The whole title's content words.
    pub(crate) fn words(&self) -> &[String] {
        self.variants.first().map(Vec::as_slice).unwrap_or_default()
    }
}

/// Two words are one: equal, or sharing a start of at least [`MIN_STEM`]
/// characters that leaves at most [`MAX_ENDING`] more on the longer.
pub(crate) fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    // Words that share MIN_STEM characters share at least as many bytes:
    // most pairs differ in their first bytes and are told apart here.
    if a.as_bytes().get(..MIN_STEM) != b.as_bytes().get(..MIN_STEM) || a.len() < MIN_STEM {
        return false;
    }
    let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let longer = a.chars().count().max(b.chars().count());
    common >= MIN_STEM && common + MAX_ENDING >= longer
}

/// The key a word is blocked under: words that can be [`same_word`] share it.
pub(crate) fn block_key(word: &str) -> String {
    word.chars().take(MIN_STEM).collect()
}

/// Does `acronym` spell out consecutive words of `words` from their starts
/// (`pådigvel` ← `pålitelig digital velferdsforvaltning`, `ips` ←
/// `individual placement support`)? Gives how many words it covers.
fn spells(acronym: &str, words: &[String]) -> Option<usize> {
    let letters: Vec<char> = acronym.chars().collect();
    (0..words.len())
        .find_map(|first| cover(&letters, &words[first..]))
        .filter(|&k| k >= 2 || letters.len() >= MIN_STEM)
}

/// Cover all of `letters` with a prefix of each of the first words.
fn cover(letters: &[char], words: &[String]) -> Option<usize> {
    if letters.is_empty() {
        return Some(0);
    }
    // The word's first n characters are the letters' first n for every n
    // up to their common start: longest first.
    let common = words
        .first()?
        .chars()
        .zip(letters)
        .take_while(|(w, l)| w == *l)
        .count();
    (1..=common)
        .rev()
        .find_map(|n| cover(&letters[n..], &words[1..]).map(|k| k + 1))
}

/// Buffers [`similarity`] reuses from one comparison to the next (one per
/// thread): a collection compares hundreds of thousands of title pairs, and
/// a fresh vector per pair was most of their cost.
#[derive(Debug, Default)]
pub(crate) struct Scratch<'w> {
    /// Which of `b`'s words are taken.
    used: Vec<bool>,
    /// The shared words of the comparison in hand.
    shared: Vec<&'w str>,
    /// The shared words of the best comparison so far (see [`Scratch::keep`]).
    best: Vec<&'w str>,
}

impl<'w> Scratch<'w> {
    /// Keep the last comparison's shared words as the best.
    pub(crate) fn keep(&mut self) {
        std::mem::swap(&mut self.shared, &mut self.best);
    }

    /// Forget the best comparison, before a new pair.
    pub(crate) fn clear_best(&mut self) {
        self.best.clear();
    }

    /// The shared words of the best comparison kept.
    pub(crate) fn best(&self) -> &[&'w str] {
        &self.best
    }
}

/// How alike two word lists are, 0 to 1; the shared words are left in
/// `scratch` (its last comparison). The score is the mean of containment
/// (shared over the shorter) and Dice (shared over the mean length), so a
/// dropped subtitle costs little and a different project that shares two
/// words of ten costs much. An acronym of one spelt out in the other counts
/// as the words it covers.
pub(crate) fn similarity<'w>(
    (a, b): (&'w [String], &'w [String]),
    (acr_a, acr_b): (&'w [String], &'w [String]),
    scratch: &mut Scratch<'w>,
) -> f64 {
    let Scratch { used, shared, .. } = scratch;
    used.clear();
    used.resize(b.len(), false);
    shared.clear();
    let (mut in_a, mut in_b) = (0usize, 0usize);
    for w in a {
        if let Some(j) = (0..b.len()).find(|&j| !used[j] && same_word(w, &b[j])) {
            used[j] = true;
            in_a += 1;
            in_b += 1;
            shared.push(w);
        }
    }
    for (acr, words, from_a) in [(acr_a, b, true), (acr_b, a, false)] {
        for x in acr {
            if shared.contains(&x.as_str()) {
                continue;
            }
            if let Some(k) = spells(x, words) {
                let (own, other) = if from_a { (1, k) } else { (k, 1) };
                in_a += own;
                in_b += other;
                shared.push(x);
            }
        }
    }
    if a.is_empty() || b.is_empty() || shared.is_empty() {
        return 0.0;
    }
    let (ca, cb) = (
        (in_a.min(a.len()) as f64) / a.len() as f64,
        (in_b.min(b.len()) as f64) / b.len() as f64,
    );
    let dice = ((in_a + in_b) as f64 / (a.len() + b.len()) as f64).min(1.0);
    0.5 * ca.max(cb) + 0.5 * dice
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sim(a: &str, b: &str) -> f64 {
        let (ta, tb) = (Title::new(a), Title::new(b));
        ta.variants
            .iter()
            .flat_map(|x| tb.variants.iter().map(move |y| (x, y)))
            .map(|(x, y)| {
                let acronyms = (ta.acronyms.as_slice(), tb.acronyms.as_slice());
                similarity((x, y), acronyms, &mut Scratch::default())
            })
            .fold(0.0, f64::max)
    }

    /// The made-up words the fast readings are checked on: ASCII and
    /// Norwegian letters (two bytes each), around [`MIN_STEM`] in bytes and
    /// in characters, sharing starts of every length.
    const WORDS: &[&str] = &[
        "",
        "a",
        "ab",
        "abcd",
        "abcde",
        "abcdef",
        "abcdefghij",
        "abcdx",
        "abcdxyz",
        "æ",
        "æø",
        "æøåab",
        "æøåabc",
        "æøåabcdef",
        "æøåax",
        "æøa",
        "æøåæø",
        "æøåæøå",
        "æøåæøåæøåæø",
        "bærum",
        "bærumsk",
        "bærumskene",
        "bæ",
        "bær",
        "barum",
        "søknad",
        "søknaden",
        "søknadene",
        "søk",
        "sø",
        "søknadsbehandling",
        "ordning",
        "ordningen",
        "ordninger",
    ];

    /// [`same_word`] as it read before its byte test: characters only.
    fn same_word_by_characters(a: &str, b: &str) -> bool {
        let common = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
        let longer = a.chars().count().max(b.chars().count());
        a == b || (common >= MIN_STEM && common + MAX_ENDING >= longer)
    }

    #[test]
    fn same_word_tells_by_bytes_what_characters_tell() {
        for a in WORDS {
            for b in WORDS {
                assert_eq!(same_word(a, b), same_word_by_characters(a, b), "{a} / {b}");
            }
        }
    }

    /// [`cover`] as it read with the word's characters in a vector.
    fn cover_by_vectors(letters: &[char], words: &[String]) -> Option<usize> {
        if letters.is_empty() {
            return Some(0);
        }
        let word: Vec<char> = words.first()?.chars().collect();
        let most = word.len().min(letters.len());
        (1..=most)
            .rev()
            .filter(|&n| word[..n] == letters[..n])
            .find_map(|n| cover_by_vectors(&letters[n..], &words[1..]).map(|k| k + 1))
    }

    #[test]
    fn cover_finds_what_a_comparison_of_vectors_finds() {
        let titles = [
            "pålitelig digital velferd",
            "ab abc abcd",
            "æøå æøåab øre",
            "søk søknad",
        ];
        let acronyms = [
            "pådive", "pdv", "aabc", "abab", "ææø", "æøåø", "søsø", "s", "x",
        ];
        for title in titles {
            let words: Vec<String> = title.split(' ').map(str::to_owned).collect();
            for acronym in acronyms {
                let letters: Vec<char> = acronym.chars().collect();
                for first in 0..words.len() {
                    let (fast, slow) = (
                        cover(&letters, &words[first..]),
                        cover_by_vectors(&letters, &words[first..]),
                    );
                    assert_eq!(fast, slow, "{acronym} in {title} from {first}");
                }
            }
        }
    }

    #[test]
    fn inflected_words_are_one_and_other_words_are_not() {
        assert!(same_word("aktivitetsplan", "aktivitetsplanen"));
        assert!(same_word("digital", "digitale"));
        assert!(!same_word("digitale", "digitalisering"));
        assert!(!same_word("arbeid", "arbeidssøkere"));
        assert!(!same_word("tid", "tida"));
    }

    #[test]
    fn subtitles_and_prefixes_are_variants() {
        let t = Title::new("Skoglab – lesing i skogen: et forsøk med lydbøker");
        assert!(t.variants.contains(&content_words("lesing i skogen")));
        assert!(
            t.variants
                .contains(&content_words("lesing i skogen: et forsøk med lydbøker"))
        );
        assert!(sim("Lesing i skogen", "Skoglab – lesing i skogen: et forsøk") > 0.99);
    }

    #[test]
    fn acronyms_spell_out_words() {
        assert_eq!(acronyms("Trygg havn (TRYHA) i nord"), ["tryha"]);
        assert!(sim("Trygg havneliv for fiskere", "TRYHA for fiskere") > 0.8);
        assert!(sim("Kaffe og kaker", "Te og boller") < 0.01);
    }

    #[test]
    fn a_title_in_capitals_is_not_read_as_acronyms() {
        let t = Title::new("ARBEIDSLIVSFORSKNING I NORD (KYSTARBEIDSLIVSSTUDIEN)");
        assert_eq!(t.acronyms, ["nord"]);
        assert!(sim("AAAAAAAAAA AAAA", "aaa aaa aaa aaa aaa aaa aaa aaa aaa aaa") < 1.0);
    }

    #[test]
    fn one_shared_word_of_many_is_weak() {
        assert!(
            sim(
                "Lesing i skogen blant eldre",
                "Skogen som arbeidsplass for unge"
            ) < 0.5
        );
    }
}

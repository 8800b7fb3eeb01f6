//! Titles as the matcher compares them: content words, the variants a
//! renamed title keeps (the main title before a subtitle, the rest after a
//! short prefix such as `Digisos – …`), acronyms, and a similarity robust to
//! words added, dropped or inflected.

use std::collections::HashMap;
use std::sync::LazyLock;

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

/// The most a [`similarity`] can be (all words of both titles shared):
/// a pair of variants that reaches it is as alike as any can be.
pub(crate) const MAX_SIMILARITY: f64 = 1.0;

/// A title, read for comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Title {
    /// The whole title's content words.
    words: Vec<String>,
    /// Each variant as the run of `words` it is (`from..to`): the whole
    /// title first, then the part before a subtitle and the part after a
    /// prefix, when they differ and have [`MIN_VARIANT_WORDS`]. A variant is
    /// a run of the title's words, so it keeps no words of its own.
    runs: smallvec::SmallVec<[(u32, u32); 4]>,
    /// Acronyms as written (`IPS`, `PÅDIGVEL`, a word in parentheses),
    /// lower-cased.
    pub acronyms: Vec<String>,
    /// The variants' words as numbers, parallel to the variants: empty until
    /// the title is numbered with the other titles it is compared with
    /// ([`number_words`]).
    pub numbers: Numbers,
}

/// A title word as [`similarity`] compares it: its number and its block
/// key's among the words of the titles numbered together
/// ([`number_words`]), and its length in characters. Equal words have one
/// number, so most comparisons of two words are one of two numbers, not of
/// two strings; and the numbers are in the words' order, so lists of them
/// sort as the lists of words do.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Word {
    /// The word's rank among the distinct words: equal numbers, equal
    /// words; a smaller number, a word that sorts before.
    pub id: u32,
    /// The number of its [`block_key`]: two words that may be
    /// [`same_word`] share it.
    pub key: u32,
    /// Its length in characters.
    chars: u32,
}

/// A title's words as [`Word`]s: every variant's, one after another, and
/// where each variant ends (one allocation to read for a comparison, not
/// one a variant).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Numbers {
    words: Vec<Word>,
    ends: smallvec::SmallVec<[u32; 6]>,
}

impl Numbers {
    /// Each variant's words, in order.
    pub(crate) fn variants(&self) -> impl Iterator<Item = &[Word]> {
        let mut from = 0;
        self.ends.iter().map(move |&end| {
            let variant = self.words.get(from..end as usize).unwrap_or_default();
            from = end as usize;
            variant
        })
    }

    /// Every variant's words.
    pub(crate) fn all(&self) -> &[Word] {
        &self.words
    }
}

/// The words of `titles`' variants as [`Word`]s, numbered together:
/// each title's numbers, for [`Title::numbers`], in order. The words are
/// numbered as they come (a hash map) and then ranked in their order; the
/// block keys are numbered once for each distinct word.
pub(crate) fn number_words(titles: &[&Title]) -> Vec<Numbers> {
    let mut seen: HashMap<&str, u32, foldhash::fast::RandomState> = HashMap::default();
    let mut distinct: Vec<&str> = Vec::new();
    let mut first: Vec<(Vec<u32>, smallvec::SmallVec<[u32; 6]>)> = Vec::with_capacity(titles.len());
    for title in titles {
        let (mut numbers, mut ends) = (Vec::new(), smallvec::SmallVec::new());
        for variant in title.variants() {
            for word in variant {
                let next = distinct.len() as u32;
                let n = *seen.entry(word.as_str()).or_insert(next);
                if n == next {
                    distinct.push(word);
                }
                numbers.push(n);
            }
            ends.push(numbers.len() as u32);
        }
        first.push((numbers, ends));
    }
    let words = ranked(&distinct);
    // (every first number is an index into `distinct`, as long as `words`)
    let word = |n: u32| words[n as usize];
    first
        .into_iter()
        .map(|(numbers, ends)| Numbers {
            words: numbers.into_iter().map(word).collect(),
            ends,
        })
        .collect()
}

/// The [`Word`] of each of the `distinct` words, ranked in their order,
/// with its block key's number.
fn ranked(distinct: &[&str]) -> Vec<Word> {
    let mut order: Vec<usize> = (0..distinct.len()).collect();
    order.sort_unstable_by_key(|&n| distinct[n]);
    let mut keys: HashMap<&str, u32, foldhash::fast::RandomState> = HashMap::default();
    let mut words = vec![Word::default(); distinct.len()];
    for (rank, &n) in order.iter().enumerate() {
        let word = distinct[n];
        let next = keys.len() as u32;
        let key = *keys.entry(block_key(word)).or_insert(next);
        let chars = word.chars().count() as u32;
        words[n] = Word {
            id: rank as u32,
            key,
            chars,
        };
    }
    words
}

/// A variant's words as text and as numbers, parallel.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Variant<'w> {
    pub words: &'w [String],
    pub numbers: &'w [Word],
}

/// The content words of a text: its lower-cased words of letters and
/// digits, but for stop words and single letters.
pub(crate) fn content_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(crate::text::lower)
        .filter(|w| is_content(w))
        .map(std::borrow::Cow::into_owned)
        .collect()
}

/// A lower-cased word is a content word: not a stop word, not one letter.
fn is_content(word: &str) -> bool {
    word.chars().nth(1).is_some() && !is_stopword(word)
}

/// [`LINK_STOPWORDS`] as a set: a title's words are each looked up, where
/// going down the list compared each with some eighty words.
static STOPWORDS: LazyLock<foldhash::HashSet<&'static str>> =
    LazyLock::new(|| LINK_STOPWORDS.iter().copied().collect());

/// Is the lower-cased `word` one of [`LINK_STOPWORDS`]?
fn is_stopword(word: &str) -> bool {
    STOPWORDS.contains(word)
}

/// [`content_words`] with where each word starts in `text`, parallel.
fn content_words_at(text: &str) -> (Vec<String>, Vec<usize>) {
    let (mut words, mut starts) = (Vec::new(), Vec::new());
    let mut at = 0;
    for piece in text.split(|c: char| !c.is_alphanumeric()) {
        if !piece.is_empty() {
            // (a new string only for a content word not written in lower case)
            let word = crate::text::lower(piece);
            if is_content(&word) {
                words.push(word.into_owned());
                starts.push(at);
            }
        }
        // (each piece but the last is followed by one separating character)
        let separator = text.get(at + piece.len()..).and_then(|r| r.chars().next());
        at += piece.len() + separator.map_or(0, char::len_utf8);
    }
    (words, starts)
}

/// What splits a title into a main part and a subtitle or prefix: a colon,
/// a period ending a sentence, a dash between spaces, a semicolon, `?`.
/// None is the start of another, so at most one stands at a place.
const SPLITTERS: [&str; 7] = [": ", ". ", " – ", " - ", " — ", "; ", "? "];

/// Where a title splits ([`SPLITTERS`]), in order: each place where one
/// starts, unless it is within the one of the same kind before it (the
/// places of one kind do not overlap: ` – – ` splits once). Read in one
/// pass over the title's bytes, only at the bytes that start a splitter.
fn split_points(title: &str) -> Vec<(usize, usize)> {
    let b = title.as_bytes();
    let mut out = Vec::new();
    // Where the last place of each kind ended.
    let mut free_from = [0; SPLITTERS.len()];
    for (i, &c) in b.iter().enumerate() {
        if !matches!(c, b':' | b'.' | b' ' | b';' | b'?') {
            continue;
        }
        let rest = &b[i..];
        let kind = SPLITTERS
            .iter()
            .position(|s| rest.starts_with(s.as_bytes()));
        if let Some(k) = kind
            && i >= free_from[k]
        {
            free_from[k] = i + SPLITTERS[k].len();
            out.push((i, free_from[k]));
        }
    }
    out
}

/// Where the segments between [`split_points`] start and where they end
/// (the first at the title's start, the last at its end).
fn segment_bounds(title: &str) -> (Vec<usize>, Vec<usize>) {
    let points = split_points(title);
    let starts = std::iter::once(0).chain(points.iter().map(|p| p.1));
    let ends = points
        .iter()
        .map(|p| p.0)
        .chain(std::iter::once(title.len()));
    (starts.collect(), ends.collect())
}

/// A word written in capitals (`IPS`, `AAP`), or alone in parentheses
/// (`(Refino)`), is an acronym the other title may spell out.
fn acronyms(title: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in title.split_whitespace() {
        let bracketed = raw.starts_with('(') && raw.ends_with(')');
        // (a lower-case letter rules capitals out: most words go here)
        if !bracketed && raw.chars().any(|c| c.is_alphanumeric() && c.is_lowercase()) {
            continue;
        }
        let w: String = raw.chars().filter(|c| c.is_alphanumeric()).collect();
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        let caps = (2..=MAX_ACRONYM).contains(&letters) && w.chars().all(|c| !c.is_lowercase());
        let bracketed = bracketed && (3..=MAX_ACRONYM).contains(&letters);
        let lower = w.to_lowercase();
        if (caps || bracketed) && !is_stopword(&lower) {
            out.push(lower);
        }
    }
    out
}

impl Title {
    /// Read a title.
    pub(crate) fn new(title: &str) -> Title {
        // (read once: a segment's words are the title's words within it, as
        // a segment starts after a space and ends before a separator, which
        // no word crosses)
        let (words, at) = content_words_at(title);
        // (a title has far fewer than `u32::MAX` words)
        let run_of = |start: usize, end: usize| {
            let first = at.partition_point(|&a| a < start) as u32;
            (first, at.partition_point(|&a| a < end) as u32)
        };
        let mut runs = smallvec::smallvec![(0, words.len() as u32)];
        let (starts, ends) = segment_bounds(title);
        // Every run of consecutive segments is a variant (`A – B: C` gives
        // `B`, `A – B`, `B: C` …); one with the words of another is none.
        for (i, &start) in starts.iter().enumerate() {
            for &end in ends.iter().skip(i) {
                let run = run_of(start, end);
                let v = run_words(&words, run);
                if v.len() >= MIN_VARIANT_WORDS && !runs.iter().any(|&r| run_words(&words, r) == v)
                {
                    runs.push(run);
                }
            }
        }
        Title {
            words,
            runs,
            acronyms: acronyms(title),
            numbers: Numbers::default(),
        }
    }

    /// Each variant's content words: the whole title's first.
    pub(crate) fn variants(&self) -> impl Iterator<Item = &[String]> {
        self.runs.iter().map(|&run| run_words(&self.words, run))
    }

    /// The variants with their words' numbers (none before the title is
    /// numbered).
    pub(crate) fn numbered(&self) -> impl Iterator<Item = Variant<'_>> {
        debug_assert_eq!(self.numbers.ends.len(), self.runs.len(), "not numbered");
        let zipped = self.variants().zip(self.numbers.variants());
        zipped.map(|(words, numbers)| Variant { words, numbers })
    }

    /// The whole title's words' numbers: equal when the words are, and in
    /// the same order as the words.
    pub(crate) fn word_numbers(&self) -> impl Iterator<Item = u32> + '_ {
        let whole = self.numbers.variants().next().unwrap_or_default();
        whole.iter().map(|w| w.id)
    }

    /// The whole title's content words.
    pub(crate) fn words(&self) -> &[String] {
        &self.words
    }
}

/// The words of `run` (`from..to`) of `words`.
fn run_words(words: &[String], (from, to): (u32, u32)) -> &[String] {
    words.get(from as usize..to as usize).unwrap_or_default()
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

/// [`same_word`] of two numbered words: equal numbers are one word;
/// different words are one only when they share a block key of
/// [`MIN_STEM`] characters and are no longer than an ending beyond it, or
/// when `by_text` says so ([`same_word`] of their texts, asked only then).
fn same_numbered(a: Word, b: Word, by_text: impl FnOnce() -> bool) -> bool {
    if a.id == b.id {
        return true;
    }
    // (a key shorter than MIN_STEM characters is a whole short word)
    if a.key != b.key || (a.chars as usize) < MIN_STEM {
        return false;
    }
    // Both start with the key's MIN_STEM characters.
    a.chars.max(b.chars) as usize <= MIN_STEM + MAX_ENDING || by_text()
}

/// Which of a variant's words [`similarity`] has matched: a bit each for
/// a title of up to 64 words (no buffer to clear), a vector for a longer.
trait Taken {
    fn is_taken(&self, j: usize) -> bool;
    fn take(&mut self, j: usize);
}

impl Taken for u64 {
    fn is_taken(&self, j: usize) -> bool {
        self >> j & 1 == 1
    }
    fn take(&mut self, j: usize) {
        *self |= 1 << j;
    }
}

impl Taken for Vec<bool> {
    fn is_taken(&self, j: usize) -> bool {
        self.get(j).copied().unwrap_or(true)
    }
    fn take(&mut self, j: usize) {
        if let Some(t) = self.get_mut(j) {
            *t = true;
        }
    }
}

/// Each word of `va` matched with the first word of `vb` not taken before
/// that is [`same_word`] (by their numbers, [`same_numbered`]): how many
/// were, their words left in `shared`.
fn matched<'w>(
    va: Variant<'w>,
    vb: Variant<'w>,
    taken: &mut impl Taken,
    shared: &mut Vec<&'w String>,
) -> usize {
    let mut count = 0;
    for (&x, w) in va.numbers.iter().zip(va.words) {
        let by_text = |j: usize| move || vb.words.get(j).is_some_and(|t| same_word(w, t));
        let one = |(j, &y): (usize, &Word)| !taken.is_taken(j) && same_numbered(x, y, by_text(j));
        if let Some(j) = vb.numbers.iter().enumerate().position(one) {
            taken.take(j);
            count += 1;
            shared.push(w);
        }
    }
    count
}

/// The key a word is blocked under, its first [`MIN_STEM`] characters:
/// words that can be [`same_word`] share it.
pub(crate) fn block_key(word: &str) -> &str {
    let end = word
        .char_indices()
        .nth(MIN_STEM)
        .map_or(word.len(), |(i, _)| i);
    word.get(..end).unwrap_or(word)
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
    /// The shared words of the comparison in hand (as the titles' own
    /// strings: their texts are not read until a reason is written).
    shared: Vec<&'w String>,
    /// The shared words of the best comparison so far (see [`Scratch::keep`]).
    best: Vec<&'w String>,
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
    pub(crate) fn best(&self) -> &[&'w String] {
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
    (va, vb): (Variant<'w>, Variant<'w>),
    (acr_a, acr_b): (&'w [String], &'w [String]),
    scratch: &mut Scratch<'w>,
) -> f64 {
    let Scratch { used, shared, .. } = scratch;
    let (a, b) = (va.words, vb.words);
    shared.clear();
    let matched = if vb.numbers.len() <= u64::BITS as usize {
        matched(va, vb, &mut 0u64, shared)
    } else {
        used.clear();
        used.resize(vb.numbers.len(), false);
        matched(va, vb, used, shared)
    };
    let (mut in_a, mut in_b) = (matched, matched);
    let acronyms = [(acr_a, b, true), (acr_b, a, false)];
    for (acr, words, from_a) in acronyms.into_iter().filter(|(acr, ..)| !acr.is_empty()) {
        for x in acr {
            if shared.contains(&x) {
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

    /// Two titles numbered with one vocabulary.
    fn numbered(a: &str, b: &str) -> (Title, Title) {
        let (mut ta, mut tb) = (Title::new(a), Title::new(b));
        let mut numbers = number_words(&[&ta, &tb]).into_iter();
        (ta.numbers, tb.numbers) = (numbers.next().unwrap(), numbers.next().unwrap());
        (ta, tb)
    }

    fn sim(a: &str, b: &str) -> f64 {
        let (ta, tb) = numbered(a, b);
        ta.numbered()
            .flat_map(|x| tb.numbered().map(move |y| (x, y)))
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

    #[test]
    fn numbered_words_are_one_when_their_texts_are() {
        let title = Title {
            words: WORDS.iter().map(|w| (*w).to_owned()).collect(),
            runs: smallvec::smallvec![(0, WORDS.len() as u32)],
            acronyms: Vec::new(),
            numbers: Numbers::default(),
        };
        let numbers = number_words(&[&title]).remove(0).all().to_vec();
        let words = WORDS.iter().zip(&numbers);
        for (a, &x) in words.clone() {
            for (b, &y) in words.clone() {
                let by_text = || same_word(a, b);
                assert_eq!(same_numbered(x, y, by_text), same_word(a, b), "{a} / {b}");
                assert_eq!(x.id.cmp(&y.id), a.cmp(b), "{a} / {b}");
                assert_eq!(x.key == y.key, block_key(a) == block_key(b), "{a} / {b}");
            }
        }
    }

    #[test]
    fn each_word_is_matched_once_by_bits_and_by_a_vector() {
        // b: more than 64 distinct words; a: each of them twice.
        let b: Vec<String> = (0..80).map(|k| format!("ord{k}")).collect();
        let (ta, tb) = numbered(&[b.join(" "), b.join(" ")].join(" "), &b.join(" "));
        let (va, vb) = (ta.numbered().next().unwrap(), tb.numbered().next().unwrap());
        assert_eq!((va.numbers.len(), vb.numbers.len()), (160, 80));
        let first = |n: usize| Variant {
            words: &vb.words[..n],
            numbers: &vb.numbers[..n],
        };
        let (mut by_bits, mut by_vector) = (Vec::new(), Vec::new());
        assert_eq!(matched(va, first(64), &mut 0u64, &mut by_bits), 64);
        assert_eq!(
            matched(va, first(64), &mut vec![false; 64], &mut by_vector),
            64
        );
        assert_eq!(by_bits, by_vector);
        let mut shared = Vec::new();
        assert_eq!(matched(va, vb, &mut vec![false; 80], &mut shared), 80);
        assert!(sim(&b.join(" "), &b.join(" ")) > 0.999);
    }

    impl Title {
        /// Each variant's words, as a list of its own.
        fn variant_lists(&self) -> Vec<Vec<String>> {
            self.variants().map(<[String]>::to_vec).collect()
        }
    }

    /// [`split_points`] as it read before: each splitter looked for with
    /// `str::find`, the places sorted.
    fn split_points_by_find(title: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for sep in SPLITTERS {
            let mut from = 0;
            while let Some(i) = title[from..].find(sep) {
                out.push((from + i, from + i + sep.len()));
                from += i + sep.len();
            }
        }
        out.sort_unstable();
        out
    }

    #[test]
    fn split_points_are_those_each_splitter_finds() {
        // (at most one splitter stands at a place)
        for a in SPLITTERS {
            assert!(
                SPLITTERS.iter().all(|b| a == *b || !b.starts_with(a)),
                "{a:?}"
            );
        }
        let pieces = [
            ":", ".", " ", "–", "-", "—", ";", "?", "a", "Æ", "  ", " – ", ": ", " - - ", "x. ",
        ];
        let mut draw = crate::link::tests_draw(11);
        let mut places = 0;
        for _ in 0..50_000 {
            let title: String = (0..1 + draw(12))
                .map(|_| pieces[draw(pieces.len())])
                .collect();
            let points = split_points(&title);
            assert_eq!(points, split_points_by_find(&title), "{title:?}");
            places += points.len();
        }
        assert!(places > 50_000, "{places}");
    }

    /// [`Title::new`] as it read before: each variant's words read again
    /// from its text, each acronym candidate's letters collected first.
    fn title_by_texts(title: &str) -> (Vec<Vec<String>>, Vec<String>) {
        let mut variants = vec![content_words(title)];
        let (starts, ends) = segment_bounds(title);
        for (i, &start) in starts.iter().enumerate() {
            for &end in ends.iter().skip(i) {
                let v = content_words(title.get(start..end).unwrap_or_default());
                if v.len() >= MIN_VARIANT_WORDS && !variants.contains(&v) {
                    variants.push(v);
                }
            }
        }
        let mut acronyms = Vec::new();
        for raw in title.split_whitespace() {
            let w: String = raw.chars().filter(|c| c.is_alphanumeric()).collect();
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            let caps = (2..=MAX_ACRONYM).contains(&letters) && w.chars().all(|c| !c.is_lowercase());
            let bracketed =
                raw.starts_with('(') && raw.ends_with(')') && (3..=MAX_ACRONYM).contains(&letters);
            let lower = w.to_lowercase();
            if (caps || bracketed) && !LINK_STOPWORDS.contains(&lower.as_str()) {
                acronyms.push(lower);
            }
        }
        (variants, acronyms)
    }

    #[test]
    fn a_title_is_read_once_as_its_segments_were_read_one_by_one() {
        const PIECES: &[&str] = &[
            "Lesing",
            "i",
            "skogen",
            "SKOGEN",
            "(LIS)",
            "LIS",
            "(Lis)",
            "(ÆØÅ)",
            "Æøå",
            "og",
            "på",
            "kaia",
            ":",
            ".",
            "–",
            "-",
            "—",
            ";",
            "?",
            ":-",
            "a:",
            "b.",
            "2021",
            "NAV-veiledere",
            "\n",
            "ΣΊΣΥΦΟΣ",
            "σοφός",
            "x",
            "ⓐⓑⓒ",
            "ªº",
            "(",
            ")",
            "((IPS))",
            "IPS2",
            "AAAAAAAAAAA",
            "",
            "  ",
        ];
        let mut draw = crate::link::tests_draw(5);
        let mut variants_seen = 0;
        for _ in 0..20_000 {
            let n = 1 + draw(10);
            let mut title = String::new();
            for _ in 0..n {
                title.push_str(PIECES[draw(PIECES.len())]);
                title.push_str([" ", "", ": ", " – "][draw(4)]);
            }
            let t = Title::new(&title);
            assert_eq!(
                (t.variant_lists(), t.acronyms.clone()),
                title_by_texts(&title),
                "{title:?}"
            );
            variants_seen += t.variants().count();
        }
        assert!(variants_seen > 40_000, "{variants_seen}");
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
        let variants = t.variant_lists();
        assert!(variants.contains(&content_words("lesing i skogen")));
        assert!(variants.contains(&content_words("lesing i skogen: et forsøk med lydbøker")));
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

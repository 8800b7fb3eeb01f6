//! Stated counts ("Sju bidragsfinansierte prosjekter ble ferdigstilt") and the
//! check of each against the items the parser found.

use foldhash::HashMap;
use std::cell::OnceCell;
use std::ops::Range;

use super::Part;
use super::context::{funding_in, funding_searched, may_name_funding};
use super::doc::{Claims, Doc, Section, diagnostic};
use crate::blocks::BlockKind;
use crate::grammar::{LONGEST_NUMBER_WORD, may_start_number_word, word_value};
use crate::lexicon::{self, Searchable};
use crate::model::{
    Diagnostic, DiagnosticCode, Funding, PhdStatus, PortfolioStatus, RefersTo, Report, Severity,
    StatedCount,
};
use crate::text::{each_clause, lower, norm, sentence_around, shorten, words};

use crate::lexicon::NounKind as Noun;

fn noun_of(word: &str) -> Option<Noun> {
    let w = lower(word);
    let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    lexicon::COUNT_NOUNS
        .iter()
        .find(|(stem, _)| w.starts_with(stem))
        .map(|&(_, n)| n)
}

/// The count a word states, if it is one: digits (not a year) or a number
/// word (not one that may be an article, see [`lexicon::ONE_OR_NONE`]).
fn value_of(word: &str) -> Option<u32> {
    // Most words start with a letter no number word starts with (and that
    // is not trimmed off): no count.
    if !may_start_count(*word.as_bytes().first()?) {
        return None;
    }
    let w = trim_quotes(word);
    if w.bytes().all(|c| c.is_ascii_digit()) && !w.is_empty() {
        let v: u32 = w.parse().ok()?;
        // years are not counts
        return (!(w.len() == 4 && NOT_COUNTS_BUT_YEARS.contains(&v))).then_some(v);
    }
    // The number word first: most words are none, and need no lower-casing.
    let v = word_value(w)?;
    (!lexicon::ONE_OR_NONE.contains(&&*lower(w))).then_some(v)
}

/// What [`value_of`] says of a word, told faster than by reading it: by a
/// table of 256 flags for its first byte ([`may_start_value`]), by a table
/// of the number words for a short word of letters ([`word_key`]), by its
/// length for a longer one, and else from what it said of the words read
/// so far: the words that may be a count by their first byte and are none
/// of those (`2022`, `(12)`, `–`) come back again and again, and a look in
/// a table is cheaper than reading one again.
///
/// A word of up to [`Values::PACKED`] bytes is packed with its length into
/// a `u128` key; each key has one slot (a new word takes the slot of the
/// old). What a slot holds is what [`value_of`] said of that very word.
/// The table is made at the first word looked up ([`Values::looked_up`]):
/// a short text often has none, and its parse need not clear 8 KiB.
struct Values {
    slots: Vec<(u128, Option<u32>)>,
    /// The buffer [`count_words`] fills, kept from block to block.
    spare: Vec<usize>,
    /// What [`count_words`] read of each word it found in the block it read
    /// last, in order, where each starts and how it read
    /// ([`Values::reads_at`]); none when its block is not plain.
    read: Vec<(usize, Read)>,
    /// The buffer [`candidates`] fills, kept from clause to clause (most
    /// sentences read have a clause or two with one).
    candidates: Vec<Candidate>,
    /// The tables every reader reads, built once in a process ([`TABLES`]).
    tables: &'static Tables,
}

/// How a word that reads as a count read ([`Values::reads_at`]).
#[derive(Clone, Copy)]
enum Read {
    /// Its first `len` bytes (all of it, or all but the mark at its end)
    /// are what [`value_of`] reads as `value`.
    As { len: usize, value: u32 },
    /// It reads as it stands or without the mark at its end: which, and as
    /// what, is not told.
    Either,
}

/// The tables of [`Values`] that depend on the lexicon alone: built once in
/// a process, not once a parse.
struct Tables {
    /// [`may_start_value`] of each byte.
    starts: [bool; 256],
    /// For each ASCII letter (`a` to `z`), the ASCII letters (a bit each,
    /// `a` the lowest) that follow it in the words of [`Tables::numbers`].
    seconds: [u32; 26],
    /// For each two ASCII letters (`aa`, `ab` … at `26 * a + b`), the ASCII
    /// letters that follow them in the words of [`Tables::numbers`].
    thirds: Vec<u32>,
    /// For each ASCII letter (`a` to `z`), the Latin-1 letters (a bit each,
    /// by the last six bits of their second byte) that follow it in the
    /// words of [`Tables::numbers`], in either case (`ø` and `Ø` after `f`).
    latin_after_letter: [u64; 26],
    /// For each Latin-1 letter (by the last six bits of its second byte),
    /// the ASCII letters (a bit each) that follow it in the words of
    /// [`Tables::numbers`], the Latin-1 letter in either case (`t` after
    /// `å` and `Å`).
    letter_after_latin: [u32; 64],
    /// For each two ASCII letters (at `26 * a + b`, either case), the stems
    /// of [`lexicon::COUNT_NOUNS`] that start with them, a bit each (the
    /// first stem the lowest) ([`Values::noun_of`]).
    stems: Vec<u32>,
    /// For each ASCII letter (`a` to `z`), the Latin-1 letters (a bit each,
    /// by the last six bits of their second byte) that follow it in the
    /// stems of [`lexicon::COUNT_NOUNS`], in either case (`ø` and `Ø` after
    /// `s`, for `søknad`) ([`Values::noun_of`]).
    latin_stems: [u64; 26],
    /// The words of [`lexicon::NUMBER_WORDS`] that [`value_of`] reads as a
    /// count, by their [`word_key`], with their value: open addressing, a
    /// key of 0 marks an empty slot.
    numbers: [(u64, u32); Values::NUMBER_SLOTS],
}

/// The stems of [`lexicon::COUNT_NOUNS`] have a bit each in [`Tables::stems`].
const _: () = assert!(lexicon::COUNT_NOUNS.len() <= 32);

/// The tables of [`Values`], built on first use.
static TABLES: std::sync::LazyLock<Tables> = std::sync::LazyLock::new(Tables::new);

impl Tables {
    fn new() -> Self {
        let mut starts = [false; 256];
        for (b, start) in (0..=u8::MAX).zip(starts.iter_mut()) {
            *start = may_start_value(b);
        }
        let mut numbers = [(0, 0); Values::NUMBER_SLOTS];
        let mut seconds = [0; 26];
        let mut thirds = vec![0; 26 * 26];
        let mut latin_after_letter = [0; 26];
        let mut letter_after_latin = [0; 64];
        let mut stems = vec![0; 26 * 26];
        let mut latin_stems = [0; 26];
        for (n, (stem, _)) in lexicon::COUNT_NOUNS.iter().enumerate() {
            if let [a, LATIN_1_LEAD, x, ..] = *stem.as_bytes()
                && let Some(after) = latin_stems.get_mut(usize::from(a.wrapping_sub(b'a')))
            {
                latin_1_cases(x).for_each(|x| *after |= 1 << (x & 0x3f));
            }
            if let Some((i, bit)) = letter_pair(stem.as_bytes())
                && let Some(pair) = stems.get_mut(26 * i + bit.trailing_zeros() as usize)
            {
                *pair |= 1 << n;
            }
        }
        for w in lexicon::NUMBER_WORDS {
            // What the plain reading says of the word is what the table says.
            if let (Some(key), Some(v)) = (word_key(w.as_bytes()), value_of(w)) {
                if let Some((i, bit)) = letter_pair(w.as_bytes()) {
                    seconds[i] |= bit;
                }
                if let Some((i, bit)) = letter_triple(w.as_bytes()) {
                    thirds[i] |= bit;
                }
                match *w.as_bytes() {
                    [a, LATIN_1_LEAD, x, ..] if a.is_ascii_lowercase() => {
                        for x in latin_1_cases(x) {
                            latin_after_letter[usize::from(a - b'a')] |= 1 << (x & 0x3f);
                        }
                    }
                    [LATIN_1_LEAD, x, y, ..] if y.is_ascii_lowercase() => {
                        for x in latin_1_cases(x) {
                            letter_after_latin[usize::from(x & 0x3f)] |= 1 << (y - b'a');
                        }
                    }
                    _ => {}
                }
                let slot = (0..Values::NUMBER_SLOTS)
                    .map(|i| (Values::number_slot(key) + i) % Values::NUMBER_SLOTS)
                    .find(|&i| numbers[i].0 == 0 || numbers[i].0 == key);
                if let Some(i) = slot {
                    numbers[i] = (key, v);
                }
            }
        }
        Tables {
            starts,
            seconds,
            thirds,
            latin_after_letter,
            letter_after_latin,
            stems,
            latin_stems,
            numbers,
        }
    }
}

/// The second bytes in UTF-8 of the Latin-1 letter of second byte `x` (in
/// lower case) and of its capital, when it has one: `À`–`Þ` but `×` are
/// `à`–`þ` but `÷` less 0x20 (`C3 80`–`C3 9E`).
fn latin_1_cases(x: u8) -> impl Iterator<Item = u8> {
    let capital = (matches!(x, 0xa0..=0xbe) && x != 0xb7).then(|| x - 0x20);
    std::iter::once(x).chain(capital)
}

impl Values {
    /// Slots in the table: more than the distinct words of a few
    /// paragraphs, few enough to clear in no time (a power of two).
    const SLOTS: usize = 256;
    /// The longest word packed: fifteen bytes and the length.
    const PACKED: usize = 15;
    /// Slots for the number words: a power of two, more than twice
    /// their number, so that most words that are none end at an empty slot.
    const NUMBER_SLOTS: usize = 64;

    fn new() -> Self {
        // No key is 0: a packed word has its length, at least 1, in it.
        Values {
            // Made at the first word looked up: most short texts have none.
            slots: Vec::new(),
            spare: Vec::new(),
            read: Vec::new(),
            candidates: Vec::new(),
            tables: &TABLES,
        }
    }

    /// May a word that starts with `first` read as a count ([`may_start_value`])?
    #[inline]
    fn may_start(&self, first: u8) -> bool {
        self.tables.starts[usize::from(first)]
    }

    /// [`value_of`] of `word`; most words are told by their first byte
    /// where they are read.
    #[inline]
    fn value_of(&mut self, word: &str) -> Option<u32> {
        self.value_at(word, 0..word.len())
    }

    /// [`value_of`] of the word `text[at]`.
    #[inline]
    fn value_at(&mut self, text: &str, at: std::ops::Range<usize>) -> Option<u32> {
        let b = text.as_bytes();
        let word = b.get(at.clone())?;
        let (&first, last) = (word.first()?, word.last());
        if !self.may_start(first) || !self.may_open(word) {
            return None;
        }
        // A word that starts with a letter and ends with no quote is itself
        // as [`value_of`] reads it (no quote is trimmed off, no digit starts
        // it): a count when it is one of the number words read as counts, in
        // any case; none when, lower-cased, it is longer than any number
        // word: when longer, and with no character that lower-cases to fewer
        // bytes (only some of three bytes or more do).
        if starts_with_letter(first) && !is_quote_byte(last) {
            if word.len() > LONGEST_NUMBER_WORD {
                // Most are ASCII, told a word of bytes at a time.
                if word.is_ascii() || word.iter().all(|&c| c < THREE_BYTE_LEAD) {
                    return None;
                }
            } else if let Some(key) = word_key_at(b, at.start, word.len()) {
                return self.number_value(key);
            }
        }
        // A word that starts with a digit is read from its digits
        // ([`digits_value`]), not looked up.
        if first.is_ascii_digit() {
            return digits_value(word);
        }
        let word = text.get(at)?;
        // A word that starts with a quote reads as it does without its
        // quotes ([`value_of`] trims them first, and trims none of what is
        // left), which the checks above mostly tell.
        let unquoted = trim_quotes(word);
        if unquoted.len() < word.len() {
            return self.value_of(unquoted);
        }
        self.looked_up(word)
    }

    /// Does the word `text[at]` read as a count, as it stands or without a
    /// `,`, `;` or `:` at its end ([`reads`])? Most words are told by their
    /// first byte, and many short ones (`å`, `at`) by their length
    /// ([`SHORTEST`]). When it does, how ([`Read`]): a word that starts
    /// with a letter or a digit is read as it stands or without its mark,
    /// and its value is told with the bytes read.
    #[inline(never)]
    fn reads_at(&mut self, text: &str, at: std::ops::Range<usize>) -> Option<Read> {
        match text.as_bytes().get(at.start) {
            Some(&first)
                if at.start < at.end && at.len() >= usize::from(SHORTEST[usize::from(first)]) =>
            {
                if starts_with_letter(first) {
                    self.letter_word_reads(text, at)
                } else if first.is_ascii_digit() {
                    text.as_bytes().get(at).and_then(digits_read)
                } else {
                    let reads =
                        self.may_start(first) && text.get(at).is_some_and(|w| reads(self, w));
                    reads.then_some(Read::Either)
                }
            }
            _ => None,
        }
    }

    /// The first checks of [`Values::reads_at`] of the word `b[at]`, made
    /// where the word is found (most words that open as a count by their
    /// first two bytes are turned away by them): its length against
    /// [`SHORTEST`], and, when it starts with three ASCII letters, whether
    /// a number word starts with them ([`Values::may_open_with_three`]);
    /// when it starts with an ASCII letter and a Latin-1 one, or a Latin-1
    /// letter and an ASCII one, whether a number word starts with those two
    /// in lower case ([`Tables::latin_after_letter`],
    /// [`Tables::letter_after_latin`]): a word that starts with a letter
    /// keeps its start when a mark is cut off its end, and lower-cased it
    /// starts with those letters lower-cased, each on its own. When it says
    /// no, so does `reads_at`.
    #[inline(always)]
    fn may_read_at(&self, b: &[u8], at: std::ops::Range<usize>) -> bool {
        let Some(&first) = b.get(at.start) else {
            return false;
        };
        if at.len() < usize::from(SHORTEST[usize::from(first)]) {
            return false;
        }
        let word = b.get(at).unwrap_or_default();
        let t = self.tables;
        match *word {
            [a, LATIN_1_LEAD, x, ..] if a.is_ascii_alphabetic() => {
                let after = t.latin_after_letter.get(usize::from((a | 0x20) - b'a'));
                after.is_some_and(|bits| bits >> (x & 0x3f) & 1 != 0)
            }
            [a, ..] if a.is_ascii_alphabetic() => self.may_open_with_three(word),
            [LATIN_1_LEAD, x, y, ..] if y.is_ascii_alphabetic() => {
                let after = t.letter_after_latin.get(usize::from(x & 0x3f));
                after.is_some_and(|bits| bits >> ((y | 0x20) - b'a') & 1 != 0)
            }
            _ => true,
        }
    }

    /// [`noun_of`] of `word`, read from its bytes when it starts with two
    /// ASCII letters. Then it is not trimmed at its start, and lower-cased it
    /// starts with them in lower case: only the stems that start with them
    /// ([`Tables::stems`]) may start it. Each of those is read in the word's
    /// first bytes when they are ASCII: they lower-case to themselves in
    /// lower case (and so to no stem with a byte outside ASCII), and the
    /// trim at the end cuts into no stem (a test checks that no character
    /// of a stem is trimmed). When those bytes are not all ASCII, the word is
    /// read as [`noun_of`] reads it: a character outside ASCII may
    /// lower-case to an ASCII letter (`K` KELVIN SIGN to `k`).
    ///
    /// A word that starts otherwise is none when it lower-cases to a start
    /// no stem has (every stem starts with an ASCII letter and then an
    /// ASCII letter or a byte outside ASCII, a test checks): when it starts
    /// with a digit or `-` (which are not trimmed), with an ASCII letter
    /// alone or before an ASCII byte that is no letter, or with a Latin-1
    /// letter (`å`, `Ø`: not trimmed, and lower-cased to one); or with an
    /// ASCII letter and then a character of Latin-1 that follows it in no
    /// stem, in either case ([`Tables::latin_stems`]: `få`, `når`): the
    /// letter is not trimmed, each lower-cases to one character, the second
    /// (when the trim at the end cuts it off, the word is one letter, and
    /// shorter than any stem) to a letter that follows the first in no stem
    /// in lower case. Else it is read as [`noun_of`] reads it.
    fn noun_of(&self, word: &str) -> Option<Noun> {
        let b = word.as_bytes();
        let Some((i, bit)) = letter_pair(b) else {
            let latin_stems = &self.tables.latin_stems;
            return match b {
                [first, ..] if first.is_ascii_digit() || *first == b'-' => None,
                [first] | [first, 0..=0x7f, ..] if first.is_ascii_alphabetic() => None,
                [first, LATIN_1_LEAD, x, ..]
                    if first.is_ascii_alphabetic()
                        && (latin_stems.get(usize::from((first | 0x20) - b'a')))
                            .is_some_and(|bits| bits >> (x & 0x3f) & 1 == 0) =>
                {
                    None
                }
                [LATIN_1_LEAD, second, ..] if !matches!(second, 0x97 | 0xb7) => None,
                _ => noun_of(word),
            };
        };
        let pair = 26 * i + bit.trailing_zeros() as usize;
        let mut stems = self.tables.stems.get(pair).copied().unwrap_or(0);
        while stems != 0 {
            let &(stem, noun) = lexicon::COUNT_NOUNS.get(stems.trailing_zeros() as usize)?;
            match b.get(..stem.len()) {
                Some(head) if head.is_ascii() => {
                    if head.eq_ignore_ascii_case(stem.as_bytes()) {
                        return Some(noun);
                    }
                }
                // Shorter than the stem, and as short lower-cased.
                None if b.is_ascii() => {}
                _ => return noun_of(word),
            }
            stems &= stems - 1;
        }
        None
    }

    /// May `word` (not empty), or `word` without a mark at its end, be
    /// read as a count by its first two bytes? Not when it is one ASCII
    /// letter, nor when it starts with two ASCII bytes no number word starts
    /// with in any case (`fo`, `sk`, `er`): a word that starts with an ASCII
    /// letter keeps its start when trimmed (only its end may be) and when
    /// lower-cased (a letter of ASCII lower-cases to one; a character of
    /// more bytes to no ASCII letter that follows the first of a number
    /// word: `K` KELVIN SIGN to `k`). Nor when it starts with three ASCII
    /// letters no number word starts with (`til`, `tje`): its first three
    /// letters are those of a number word it lower-cases to. Nor when it
    /// starts with a character of [`GENERAL_PUNCTUATION`].
    #[inline]
    fn may_open(&self, word: &[u8]) -> bool {
        match word {
            [first, second, ..] if first.is_ascii_alphabetic() && second.is_ascii() => {
                let pair = letter_pair(word).is_some_and(|(i, bit)| {
                    self.tables.seconds.get(i).is_some_and(|s| s & bit != 0)
                });
                pair && self.may_open_with_three(word)
            }
            [first] => !first.is_ascii_alphabetic(),
            [first, second, ..] => [*first, *second] != GENERAL_PUNCTUATION,
            _ => true,
        }
    }

    /// Does `word` start with no three ASCII letters, or with three that
    /// start a number word ([`Values::may_open`])?
    #[inline]
    fn may_open_with_three(&self, word: &[u8]) -> bool {
        letter_triple(word)
            .is_none_or(|(i, bit)| self.tables.thirds.get(i).is_some_and(|s| s & bit != 0))
    }

    /// [`Values::reads_at`] of the word `text[at]` (not empty) that starts
    /// with a letter ([`starts_with_letter`]). When it ends with the mark
    /// it reads as no count as it stands (no number word holds a mark, and
    /// none is trimmed off): it is read without the mark. Then, when it
    /// ends with no quote, its key ([`word_key_at`]) tells it when it is as
    /// short as a number word, and its length and bytes when it is longer,
    /// as [`Values::value_at`] tells them after the checks of its first
    /// bytes, which only turn away words that are no number word either.
    /// The first of those checks made here (its first two bytes were read
    /// where it was found, [`may_open_with`]): a word that starts with three
    /// ASCII letters no number word starts with (`til`, `seg`) is none,
    /// with the mark or without it ([`Values::may_open`]).
    #[inline]
    fn letter_word_reads(&mut self, text: &str, at: std::ops::Range<usize>) -> Option<Read> {
        let b = text.as_bytes();
        if !self.may_open_with_three(b.get(at.clone()).unwrap_or_default()) {
            return None;
        }
        let marked = matches!(b.get(at.end - 1), Some(b',' | b';' | b':'));
        // Not empty: it starts with a letter, which is no mark.
        let end = if marked { at.end - 1 } else { at.end };
        let len = end - at.start;
        if !is_quote_byte(b.get(end - 1)) {
            if len > LONGEST_NUMBER_WORD {
                // Longer than any number word, when lower-cased too (most
                // are ASCII, told a word of bytes at a time).
                let word = b.get(at.start..end).unwrap_or_default();
                if word.is_ascii() || word.iter().all(|&c| c < THREE_BYTE_LEAD) {
                    return None;
                }
            } else if let Some(key) = word_key_at(b, at.start, len) {
                return (self.number_value(key)).map(|value| Read::As { len, value });
            }
        }
        (self.value_at(text, at.start..end)).map(|value| Read::As { len, value })
    }

    /// The slot where the look for the word of `key` starts:
    /// Fibonacci hashing, the top bits of the product.
    #[inline]
    fn number_slot(key: u64) -> usize {
        let bits = Values::NUMBER_SLOTS.trailing_zeros();
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - bits)) as usize
    }

    /// The count the word of `key` ([`word_key`]) states.
    #[inline]
    fn number_value(&self, key: u64) -> Option<u32> {
        let mut slot = Values::number_slot(key);
        for _ in 0..Values::NUMBER_SLOTS {
            let &(k, v) = self.tables.numbers.get(slot)?;
            if k == key {
                return Some(v);
            }
            if k == 0 {
                return None;
            }
            slot = (slot + 1) % Values::NUMBER_SLOTS;
        }
        None
    }

    /// [`value_of`] of a word that [`may_start_count`], from the table.
    #[inline(never)]
    fn looked_up(&mut self, word: &str) -> Option<u32> {
        let b = word.as_bytes();
        if b.len() > Self::PACKED {
            return value_of(word);
        }
        let mut key = [0u8; 16];
        key.get_mut(..b.len())?.copy_from_slice(b);
        key[Self::PACKED] = b.len() as u8;
        let key = u128::from_le_bytes(key);
        // Fibonacci hashing: the top bits of the product.
        let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
        let bits = Self::SLOTS.trailing_zeros();
        let slot = (folded.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - bits)) as usize;
        if self.slots.is_empty() {
            self.slots = vec![(0, None); Self::SLOTS];
        }
        let entry = self.slots.get_mut(slot)?;
        if entry.0 != key {
            *entry = (key, value_of(word));
        }
        entry.1
    }
}

/// The key of a word of one to [`LONGEST_NUMBER_WORD`] bytes of ASCII and
/// Latin-1 letters (`førti`, `Åtte`): its bytes with the bit of lower case
/// (`0x20`) set, and its length in the top byte; `None` for a longer word,
/// or one with a character of more than two bytes or led by another byte
/// than [`LATIN_1_LEAD`]. Setting the bit lower-cases the letters of ASCII
/// and the capitals of Latin-1 (by the byte after the lead) and makes a
/// letter only of a letter, and every lead (`C3`) becomes `E3`, which no
/// character of such a word has: two such words have one key when they
/// lower-case to one word of letters, and a word with a byte that is no
/// letter has the key of no word of letters.
fn word_key(b: &[u8]) -> Option<u64> {
    if b.is_empty() || b.len() > LONGEST_NUMBER_WORD {
        return None;
    }
    let mut key = (b.len() as u64) << 56;
    for (k, &c) in b.iter().enumerate() {
        if c >= 0xc0 && c != LATIN_1_LEAD {
            return None;
        }
        key |= u64::from(c | 0x20) << (8 * k);
    }
    Some(key)
}

/// [`word_key`] of the word of `len` bytes at `start` in `b`: masked from
/// the eight bytes at `start` when `b` has them, not byte by byte.
#[inline]
fn word_key_at(b: &[u8], start: usize, len: usize) -> Option<u64> {
    const LOWER: u64 = u64::from_ne_bytes([0x20; 8]);
    const LOW: u64 = u64::from_ne_bytes([0x7f; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    const LEADS: u64 = u64::from_ne_bytes([LATIN_1_LEAD; 8]);
    match b.get(start..start + 8).map(<[u8; 8]>::try_from) {
        Some(Ok(eight)) if (1..=LONGEST_NUMBER_WORD).contains(&len) => {
            let mask = (1u64 << (8 * len)) - 1;
            let x = u64::from_le_bytes(eight) & mask;
            // The top bit of each byte from `C0` up (its top two bits set) …
            let leads = x & (x << 1) & HIGH;
            // … and of each byte that is `C3`: each of the first must be one.
            let y = x ^ LEADS;
            let latin = !(((y & LOW) + LOW) | y) & HIGH;
            let key = x | (LOWER & mask) | (len as u64) << 56;
            (leads & !latin == 0).then_some(key)
        }
        _ => word_key(b.get(start..start + len)?),
    }
}

/// The first ASCII letter of `w` (0 for `a`) and the bit of its second
/// (`1 << 0` for `a`), in either case, when both are ASCII letters.
#[inline]
fn letter_pair(w: &[u8]) -> Option<(usize, u32)> {
    match w {
        [a, b, ..] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => {
            Some((usize::from((a | 0x20) - b'a'), 1 << ((b | 0x20) - b'a')))
        }
        _ => None,
    }
}

/// The first two ASCII letters of `w` (`26 * a + b`, 0 for `aa`) and the
/// bit of its third, in either case, when all three are ASCII letters.
#[inline]
fn letter_triple(w: &[u8]) -> Option<(usize, u32)> {
    match w {
        [a, b, c, ..]
            if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() && c.is_ascii_alphabetic() =>
        {
            let at = |x: &u8| usize::from((x | 0x20) - b'a');
            Some((26 * at(a) + at(b), 1 << at(c)))
        }
        _ => None,
    }
}

/// The lead byte in UTF-8 of the Latin-1 letters (`À` to `ÿ`: `å`, `ø`, `é`).
const LATIN_1_LEAD: u8 = 0xc3;

/// The lowest lead byte in UTF-8 of a character of three bytes or more:
/// lower-casing makes no character of fewer bytes fewer bytes (a test
/// checks every one).
const THREE_BYTE_LEAD: u8 = 0xe0;

/// Does a word that starts with `first` start with a letter of ASCII or
/// Latin-1 (and so with no quote and no digit)?
#[inline]
const fn starts_with_letter(first: u8) -> bool {
    first.is_ascii_alphabetic() || first == LATIN_1_LEAD
}

/// A key has room for the length of a number word in its top byte.
const _: () = assert!(LONGEST_NUMBER_WORD < 8);

/// May a word whose first byte is `first` state a count ([`Values::value_of`])?
/// Not when it is an ASCII letter no number word starts with.
#[inline]
const fn may_start_count(first: u8) -> bool {
    !first.is_ascii_alphabetic() || may_start_number_word(first)
}

/// May [`value_of`] read a word that starts with `first` as a count? Only
/// when [`may_start_count`], and not when it is an ASCII byte that is no
/// letter, digit or quote [`trim_quotes`] trims: such a word keeps it first
/// when trimmed, and so is no number and no number word.
const fn may_start_value(first: u8) -> bool {
    may_start_count(first)
        && (!first.is_ascii()
            || first.is_ascii_alphanumeric()
            || matches!(first, b'(' | b')' | b'"'))
}

/// For each two bytes `first` and `second` (at `256 * second + first`, a
/// bit each: the two bytes as they stand in the text, read as one
/// little-endian `u16`), may a word that opens with them read as a count
/// (or without the mark at its end), as far as its first two bytes tell
/// ([`may_start_value`] and the pairs of [`Values::may_open`])? `second`
/// is the separator after a word of one byte. Built at compile time.
static OPENINGS: [u64; 1024] = openings();

/// The table [`OPENINGS`]: a word that starts with a byte that is no ASCII
/// letter opens as a count when [`may_start_value`]; one that starts with
/// an ASCII letter, when the letter and the next byte in lower case open a
/// number word of [`lexicon::NUMBER_WORDS`] that is no article
/// ([`lexicon::ONE_OR_NONE`]), or when the next byte is no ASCII one.
const fn openings() -> [u64; 1024] {
    let mut table = [0u64; 1024];
    let mut first = 0;
    while first < 256 {
        let b = first as u8;
        if may_start_value(b) {
            // Any second byte after a byte that is no ASCII letter; after
            // a letter, any second byte outside ASCII; none that makes a
            // character of `GENERAL_PUNCTUATION`.
            let mut second = if b.is_ascii_alphabetic() { 128 } else { 0 };
            while second < 256 {
                if !(b == GENERAL_PUNCTUATION[0] && second as u8 == GENERAL_PUNCTUATION[1]) {
                    set_opening(&mut table, b, second as u8);
                }
                second += 1;
            }
        }
        first += 1;
    }
    let mut n = 0;
    while n < lexicon::NUMBER_WORDS.len() {
        let w = lexicon::NUMBER_WORDS[n].as_bytes();
        if !is_one_or_none(w) && w[0].is_ascii_alphabetic() && w[1].is_ascii_alphabetic() {
            // Both letters in either case.
            set_opening(&mut table, w[0], w[1]);
            set_opening(&mut table, w[0] ^ 0x20, w[1]);
            set_opening(&mut table, w[0], w[1] ^ 0x20);
            set_opening(&mut table, w[0] ^ 0x20, w[1] ^ 0x20);
        }
        n += 1;
    }
    table
}

/// The first two bytes in UTF-8 of U+2000–U+203F, the spaces, dashes,
/// quotes and marks of General Punctuation (`–`, `“`, `…`): a word that
/// starts with one is no count. [`trim_quotes`] trims none of them, none
/// lower-cases to another character, and no digit and no number word
/// starts with one.
const GENERAL_PUNCTUATION: [u8; 2] = [0xe2, 0x80];

/// Sets the bit of `first` and then `second` in a table of [`OPENINGS`].
const fn set_opening(table: &mut [u64; 1024], first: u8, second: u8) {
    let i = (second as usize) << 8 | first as usize;
    table[i / 64] |= 1 << (i % 64);
}

/// For each first byte, the fewest bytes of a word that starts with it and
/// reads as a count ([`Values::reads_at`]): a word of fewer is none. Built
/// at compile time by [`shortest_counts`].
static SHORTEST: [u8; 256] = shortest_counts();

/// The table [`SHORTEST`]. A word that starts with an ASCII letter or a
/// Latin-1 one ([`starts_with_letter`]) reads as a count only when it
/// lower-cases (after a quote or mark at its end is cut off) to a number
/// word of [`lexicon::NUMBER_WORDS`] that is no article
/// ([`lexicon::ONE_OR_NONE`]) and starts with that letter in lower case
/// (an ASCII letter lower-cases to one; a Latin-1 letter to one of
/// Latin-1, led by the same byte): it is as long as that word or longer,
/// for no character lower-cases to fewer bytes of the letters of number
/// words (a test checks every character). A letter no such word starts
/// with needs no bound ([`OPENINGS`] turns its words away): 1, as every
/// other byte.
const fn shortest_counts() -> [u8; 256] {
    let mut table = [u8::MAX; 256];
    let mut n = 0;
    while n < lexicon::NUMBER_WORDS.len() {
        let w = lexicon::NUMBER_WORDS[n].as_bytes();
        let first = w[0] as usize;
        if !is_one_or_none(w) && w.len() < table[first] as usize {
            table[first] = w.len() as u8;
            if w[0].is_ascii_alphabetic() {
                table[first ^ 0x20] = w.len() as u8;
            }
        }
        n += 1;
    }
    let mut b = 0;
    while b < 256 {
        if table[b] == u8::MAX || !starts_with_letter(b as u8) {
            table[b] = 1;
        }
        b += 1;
    }
    table
}

/// Is `w` one of [`lexicon::ONE_OR_NONE`] (a `const fn`, for [`openings`])?
const fn is_one_or_none(w: &[u8]) -> bool {
    let mut n = 0;
    while n < lexicon::ONE_OR_NONE.len() {
        let v = lexicon::ONE_OR_NONE[n].as_bytes();
        if v.len() == w.len() {
            let mut i = 0;
            while i < v.len() && v[i] == w[i] {
                i += 1;
            }
            if i == v.len() {
                return true;
            }
        }
        n += 1;
    }
    false
}

/// May a word that opens with `first` and then `second` (the separator
/// after it when it is one byte long, a space at the end of its text) read
/// as a count ([`OPENINGS`])? The scan reads the two bytes as one
/// ([`may_open_as`]); the tests state it by this.
#[cfg_attr(not(test), allow(dead_code))]
#[inline]
fn may_open_with(first: u8, second: u8) -> bool {
    may_open_as(u16::from_le_bytes([first, second]))
}

/// [`may_open_with`] of the two bytes as they stand in the text, read as
/// one little-endian `u16`: one load of two bytes.
#[inline]
fn may_open_as(pair: u16) -> bool {
    OPENING_PAIRS[usize::from(pair)]
}

/// [`OPENINGS`] a byte for each pair: the scan for count openings asks it
/// of every word, and a byte is read with one load where a bit takes a
/// shift and a test too.
static OPENING_PAIRS: [bool; 1 << 16] = {
    let mut pairs = [false; 1 << 16];
    let mut i = 0;
    while i < pairs.len() {
        pairs[i] = OPENINGS[i / 64] >> (i % 64) & 1 != 0;
        i += 1;
    }
    pairs
};

/// `word` without the parentheses, guillemets and straight quotes around
/// it; as it is, without a look at its characters, when its first and last
/// bytes can be none of them (most words): `(`, `)` and `"` are one byte,
/// `«` and `»` start with `C2` and end with `AB` and `BB`.
fn trim_quotes(word: &str) -> &str {
    let b = word.as_bytes();
    if !is_quote_byte(b.first()) && !is_quote_byte(b.last()) {
        return word;
    }
    word.trim_matches(|c: char| matches!(c, '(' | ')' | '«' | '»' | '"'))
}

/// [`reads`] of a word that starts with an ASCII digit: it reads as a
/// count when, without the `,`, `;` or `:` at its end, it does as it
/// stands ([`digits_value`]). As it stands with the mark it reads as
/// none (no quote is trimmed off it, and the mark is no digit). The
/// bytes read and their value ([`Read::As`]).
fn digits_read(word: &[u8]) -> Option<Read> {
    let w = match word {
        [rest @ .., b',' | b';' | b':'] => rest,
        _ => word,
    };
    digits_value(w).map(|value| Read::As {
        len: w.len(),
        value,
    })
}

/// [`value_of`] of a word that starts with an ASCII digit: without the
/// quotes at its end ([`trim_quotes`], which trims none at its start), the
/// digits of a `u32` that is no year; none when it is more or other than
/// digits (no number word starts with a digit).
fn digits_value(word: &[u8]) -> Option<u32> {
    let mut w = word;
    loop {
        w = match w {
            [rest @ .., b'(' | b')' | b'"'] | [rest @ .., 0xc2, 0xab | 0xbb] => rest,
            _ => break,
        };
    }
    let mut v: u32 = 0;
    for &c in w {
        let digit = c.wrapping_sub(b'0');
        match v
            .checked_mul(10)
            .and_then(|v| v.checked_add(u32::from(digit)))
        {
            Some(next) if digit < 10 => v = next,
            _ => return None,
        }
    }
    (!(w.len() == 4 && NOT_COUNTS_BUT_YEARS.contains(&v))).then_some(v)
}

/// May `b`, the first or last byte of a word, be (a byte of) one of the
/// quotes [`trim_quotes`] trims?
fn is_quote_byte(b: Option<&u8>) -> bool {
    matches!(b, Some(b'(' | b')' | b'"' | 0xc2 | 0xab | 0xbb))
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

/// The most words after a count that [`candidate`] reads: the next two
/// (`av disse`) and then a noun within [`NOUN_WITHIN_PARTITIVE`], or a noun
/// within [`NOUN_WITHIN`] right after it.
const WORDS_AFTER: usize = if 2 + NOUN_WITHIN_PARTITIVE > NOUN_WITHIN {
    2 + NOUN_WITHIN_PARTITIVE
} else {
    NOUN_WITHIN
};

/// The candidates of a clause. `counting`: where the words that may read
/// as a count start in the clause's block, in order ([`count_words`]), and
/// `base`, where the clause starts in it: a word that starts elsewhere is no
/// count (the words of a clause start where words of its block start), and
/// those that start in the clause are each one of its words. `plain`: its
/// block has no white space but spaces, line feeds and tabs
/// ([`Counting::plain`]): the words around each are found from where it
/// stands ([`PlainNear`]), and the clause is not split into words.
///
/// They are given in `out`, cleared first (a buffer kept from clause to
/// clause, [`Values::candidates`]).
fn candidates(
    clause: &str,
    (counting, base, plain): (&[usize], usize, bool),
    values: &mut Values,
    out: &mut Vec<Candidate>,
) {
    out.clear();
    let first = counting.partition_point(|&at| at < base);
    let counting = counting.get(first..).unwrap_or_default();
    let inside = counting.partition_point(|&at| at < base + clause.len());
    let counting = counting.get(..inside).unwrap_or_default();
    if counting.is_empty() {
        return;
    }
    if plain {
        // How each was read where it was found (in the same order).
        for (j, &at) in (first..).zip(counting) {
            let read = (values.read.get(j))
                .filter(|&&(from, _)| from == at)
                .map(|&(_, read)| read);
            let mut near = PlainNear::new(clause, at - base);
            if let Some(c) = candidate(&mut near, values, read) {
                out.push(c);
            }
        }
        return;
    }
    let ws = words(clause);
    for k in 0..ws.len() {
        if ws
            .get(k)
            .is_some_and(|&(at, _)| counting.binary_search(&(base + at)).is_ok())
            && let Some(c) = candidate(&mut WordsNear { ws: &ws, k }, values, None)
        {
            out.push(c);
        }
    }
}

/// A word of a clause and the words around it, as far as they are read.
trait Near<'c> {
    /// The word and where it starts in the clause.
    fn word(&self) -> (usize, &'c str);
    /// The word `i + 1` words after it (`0`: the next), if the clause has it.
    fn after(&mut self, i: usize) -> Option<&'c str>;
    /// The word `i + 1` words before it (`0`: the one before), if any.
    fn before(&self, i: usize) -> Option<&'c str>;
}

/// [`Near`] in the words of a clause ([`words`]), the `k`th.
struct WordsNear<'w, 'c> {
    ws: &'w [(usize, &'c str)],
    k: usize,
}

impl<'c> Near<'c> for WordsNear<'_, 'c> {
    fn word(&self) -> (usize, &'c str) {
        self.ws.get(self.k).copied().unwrap_or((0, ""))
    }

    fn after(&mut self, i: usize) -> Option<&'c str> {
        self.ws.get(self.k + 1 + i).map(|&(_, w)| w)
    }

    fn before(&self, i: usize) -> Option<&'c str> {
        let j = self.k.checked_sub(1 + i)?;
        self.ws.get(j).map(|&(_, w)| w)
    }
}

/// [`Near`] in a clause whose words stand between spaces, line feeds and
/// tabs (a plain one, see [`Counting::plain`]): the words around the word are
/// found from where it stands, byte by byte, those after it only as far as
/// they are asked for (most counts are told by the word after them).
struct PlainNear<'c> {
    clause: &'c str,
    /// Where the word starts and ends.
    at: usize,
    end: usize,
    /// The words after it found so far, and where the look for the next
    /// starts.
    after: [&'c str; WORDS_AFTER],
    found: usize,
    from: usize,
}

impl<'c> PlainNear<'c> {
    /// The word that starts at `at` (where a word of `clause` starts).
    fn new(clause: &'c str, at: usize) -> Self {
        let b = clause.as_bytes();
        let end = b
            .get(at..)
            .and_then(|rest| rest.iter().position(|&c| is_separator(c)))
            .map_or(b.len(), |i| at + i);
        PlainNear {
            clause,
            at,
            end,
            after: [""; WORDS_AFTER],
            found: 0,
            from: end,
        }
    }
}

impl<'c> Near<'c> for PlainNear<'c> {
    fn word(&self) -> (usize, &'c str) {
        (
            self.at,
            self.clause.get(self.at..self.end).unwrap_or_default(),
        )
    }

    fn after(&mut self, i: usize) -> Option<&'c str> {
        let b = self.clause.as_bytes();
        while self.found <= i && self.found < WORDS_AFTER {
            let rest = b.get(self.from..)?;
            let start = self.from + rest.iter().position(|&c| !is_separator(c))?;
            let end = (b.get(start..)?.iter())
                .position(|&c| is_separator(c))
                .map_or(b.len(), |k| start + k);
            *self.after.get_mut(self.found)? = self.clause.get(start..end)?;
            self.found += 1;
            self.from = end;
        }
        self.after.get(i).filter(|_| i < self.found).copied()
    }

    fn before(&self, i: usize) -> Option<&'c str> {
        let b = self.clause.as_bytes();
        let mut end = self.at;
        for n in 0..=i {
            // Back over the separators, then over the word.
            end = b.get(..end)?.iter().rposition(|&c| !is_separator(c))? + 1;
            let start = (b.get(..end)?.iter())
                .rposition(|&c| is_separator(c))
                .map_or(0, |j| j + 1);
            if n == i {
                return self.clause.get(start..end);
            }
            end = start;
        }
        None
    }
}

/// The candidate the word of `near` is, if it is one: a word that reads
/// as a count, not in a date or a decimal, not after a word that makes it
/// none (`de tre`) nor before a measure or more digits, with a noun after
/// it (or before it, with a status after it), or pointing back.
///
/// `read`: how the word was read where it was found ([`Values::reads_at`]),
/// when it was: a word that is the bytes then read as a value (most: a
/// word cut off its mark by its clause is those bytes too) is that value,
/// not read again.
fn candidate<'c>(
    near: &mut impl Near<'c>,
    values: &mut Values,
    read: Option<Read>,
) -> Option<Candidate> {
    let (at, w) = near.word();
    let value = match read {
        Some(Read::As { len, value }) if len == w.len() => value,
        _ => values.value_of(w)?,
    };
    if w.ends_with(['.', ','])
        && w.trim_end_matches(['.', ','])
            .chars()
            .all(|c| c.is_ascii_digit())
    {
        return None; // `23.` of a date, `3,` of a decimal
    }
    // Lower-cased only when read, and then borrowed unless the word has
    // capitals.
    let prev = near.before(0).map(lower);
    let prev = prev.as_deref();
    if prev.is_some_and(|p| lexicon::BEFORE_NON_COUNTS.contains(&p)) {
        return None;
    }
    let next = near.after(0).map(lower);
    let next = next.as_deref();
    if next.is_some_and(|n| lexicon::MEASURES.contains(&n.trim_end_matches(['.', ',']))) {
        return None;
    }
    if next.is_some_and(|n| n.chars().all(|c| c.is_ascii_digit())) {
        return None; // `400 000`
    }
    // `N av disse …`, `N av de …`: the words after it from `look` on.
    let partitive = next == Some(lexicon::PARTITIVE)
        && near
            .after(1)
            .is_some_and(|n| lexicon::PARTITIVE_PRONOUNS.contains(&&*lower(n)));
    let (look, window) = if partitive {
        (2, NOUN_WITHIN_PARTITIVE)
    } else {
        (0, NOUN_WITHIN)
    };
    let after = (look..look + window)
        .map_while(|i| near.after(i))
        .find_map(|w| values.noun_of(w));
    // `Av oppdragsprosjektene ble sju ferdigstilt`
    let noun = after.or_else(|| {
        next.filter(|n| lexicon::STATUS_AFTER_NOUN.contains(n))?;
        (0..NOUN_BEFORE_WITHIN)
            .map_while(|i| near.before(i))
            .find_map(|w| values.noun_of(w))
    });
    let anaphoric = prev.is_some_and(|p| lexicon::ANAPHORIC_BEFORE.contains(&p))
        || (next.is_some_and(|n| lexicon::ANAPHORIC_ADJECTIVES.contains(&n))
            && near
                .after(1)
                .is_some_and(|n| lexicon::ANAPHORIC_VERBS.contains(&&*lower(n))))
        || partitive;
    (noun.is_some() || anaphoric).then_some(Candidate { at, value, noun })
}

/// What a statement counts, given `t`, which gives its normalised text
/// ([`norm`]) made ready for its tests: asked for only when its noun is
/// a PhD or a project (the others are told by their noun alone).
fn classify<'t, 's: 't>(
    t: impl FnOnce() -> &'t Searchable<'s>,
    noun: Option<Noun>,
    funding: Option<Funding>,
) -> RefersTo {
    match noun {
        Some(Noun::Phd) => {
            let t = t();
            if t.has_any(lexicon::PHD_COMPLETED) {
                RefersTo::PhdCompleted
            } else if t.has_any(lexicon::PHD_ONGOING) {
                RefersTo::PhdOngoing
            } else {
                RefersTo::Other
            }
        }
        Some(Noun::Analysis) => RefersTo::Analyses,
        Some(Noun::Project) => {
            let t = t();
            if t.has_any(lexicon::THEMATIC) {
                return RefersTo::Other;
            }
            let finished = t.has_any(lexicon::FINISHED) || t.has_any(lexicon::DELIVERED);
            let ongoing = t.has_any(lexicon::ONGOING) || t.has_any(lexicon::PORTFOLIO);
            let granted = t.has_any(lexicon::GRANTED);
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

/// Finds the counts stated in the report's running text, region by region
/// (the page before the first section, then each section).
///
/// A region is read after its reader has claimed its blocks: list items,
/// analyses and the table of contents state no counts, and a project's
/// summary only counts what was published.
pub(crate) struct CountReader<'a> {
    values: Values,
    /// The counts read so far, in document order.
    pub found: Vec<StatedCount<'a>>,
}

impl<'a> CountReader<'a> {
    /// A reader that has read nothing yet.
    pub fn new() -> Self {
        CountReader {
            values: Values::new(),
            found: Vec::new(),
        }
    }

    /// Read the counts of the blocks `blocks` (the page before the first
    /// section, with no funding context, or a section with its
    /// `section_funding`), once their claims are made.
    pub fn read(
        &mut self,
        doc: &Doc<'a>,
        claims: &Claims,
        blocks: Range<usize>,
        section_funding: Option<Funding>,
    ) {
        for k in blocks {
            if states_counts(doc, claims, k) {
                let in_summary = claims.part(k) == Part::Project;
                // Most summaries say nothing of what was published: then no
                // clause of theirs states a count, and they are not read.
                if in_summary && !may_tell_published(doc.blocks[k].text()) {
                    continue;
                }
                let at = (k, section_funding, in_summary);
                block_counts(doc, at, &mut self.values, &mut self.found);
            }
        }
    }
}

/// May the text of a project's summary state a count ([`clause_counts`])? A
/// count in a summary is read only in a clause that says something was
/// published (`has_any` of [`lexicon::PUBLISHED`] in its normalised text),
/// and such a clause's summary has a stem of them in it, ASCII
/// case-insensitively, as it stands ([`has_published`]). When it has none,
/// no clause of the summary states a count, and the summary need not be
/// scanned for counts at all (half of the running text a report's counts
/// are read in, in a report with a summary for each project; most
/// summaries say nothing of what was published).
///
/// The test is exact, not only conservative: normalising ([`norm`]) only
/// lower-cases and joins white space, and no stem holds white space or a
/// byte outside ASCII; lower-casing makes an ASCII letter only of an ASCII
/// letter but of `İ` (to `i` and a combining dot, which no stem has after
/// its `i`) and KELVIN SIGN (to `k`, in no stem). A test compares it with
/// `has_any` of the normalised text.
fn may_tell_published(text: &str) -> bool {
    has_published(text.as_bytes())
}

/// The two letters in a row of each stem of [`lexicon::PUBLISHED`] (in the
/// same order) that [`has_published`] looks for first, and where they stand
/// in it: `ub` of `publiser` and `tg` of `utgitt`, rare in Norwegian text
/// (the stems' first two letters are not: `ut` starts many words). Checked
/// against the stems, and that these are lower-case ASCII letters, as the
/// table is built.
const PUBLISHED_ANCHORS: [(usize, [u8; 2]); 2] = {
    let anchors = [(1, *b"ub"), (1, *b"tg")];
    assert!(lexicon::PUBLISHED.len() == anchors.len());
    let mut n = 0;
    while n < anchors.len() {
        let (at, [first, second]) = anchors[n];
        let stem = lexicon::PUBLISHED[n].as_bytes();
        assert!(stem[at] == first && stem[at + 1] == second);
        let mut i = 0;
        while i < stem.len() {
            assert!(stem[i].is_ascii_lowercase());
            i += 1;
        }
        n += 1;
    }
    anchors
};

/// Does a stem of [`lexicon::PUBLISHED`] stand in `b`, in any ASCII case
/// ([`may_tell_published`])? Without SSE2 ([`has_published_by_word`]).
#[cfg(not(sse2))]
fn has_published(b: &[u8]) -> bool {
    has_published_by_word(b)
}

/// [`has_published`] eight places at a time ([`crate::swar`]): the places
/// where the anchor of a stem stands ([`PUBLISHED_ANCHORS`], compared with
/// the bit of lower case, `0x20`, set, as the SSE2 test does), each then
/// looked at ([`published_at`]); the last places one by one.
#[cfg_attr(sse2, allow(dead_code))]
fn has_published_by_word(b: &[u8]) -> bool {
    use crate::swar::{WORD, back, equal, places, splat, whole, words};
    let mut prev = 0;
    for (m, w) in words(b).enumerate() {
        // Byte `j` of `v` is the one before byte `j` of `w`.
        let v = back(w, prev, 1) | splat(0x20);
        prev = w;
        let w = w | splat(0x20);
        // The anchors' second letters first (`b`, `g`: rarer than `u`, `t`).
        let seconds = (PUBLISHED_ANCHORS.iter()).fold(0, |h, &(_, [_, c])| h | equal(w, c));
        if seconds != 0 {
            let hits = (PUBLISHED_ANCHORS.iter()).fold(0, |h, &(_, [first, second])| {
                h | (equal(v, first) & equal(w, second))
            });
            // A hit's anchor starts a byte before it (never before `b`:
            // before `b`, `v` has a byte `20`, no anchor's letter).
            let mut firsts = places(hits, m * WORD).filter_map(|k| k.checked_sub(1));
            if firsts.any(|k| published_at(b, k)) {
                return true;
            }
        }
    }
    (whole(b).saturating_sub(1)..b.len()).any(|k| published_at(b, k))
}

/// Does a stem of [`lexicon::PUBLISHED`] stand in `b`, in any ASCII case,
/// with its anchor ([`PUBLISHED_ANCHORS`]) at `b[i]`?
fn published_at(b: &[u8], i: usize) -> bool {
    (lexicon::PUBLISHED.iter().zip(PUBLISHED_ANCHORS)).any(|(stem, (at, _))| {
        i.checked_sub(at)
            .and_then(|from| b.get(from..from + stem.len()))
            .is_some_and(|s| s.eq_ignore_ascii_case(stem.as_bytes()))
    })
}

/// Does a stem of [`lexicon::PUBLISHED`] stand in `b`, in any ASCII case
/// ([`may_tell_published`])? With SSE2, the places where the anchor of a
/// stem stands ([`PUBLISHED_ANCHORS`], in either case) are found in windows
/// of [`LANES`] bytes and the byte after them ([`WINDOW`]), the last one
/// filled up with spaces (which are no letter of an anchor): one movemask
/// tells a window where no anchor stands (most), and only in the others is
/// each such place looked at ([`published_at`]).
#[cfg(sse2)]
fn has_published(b: &[u8]) -> bool {
    let mut at = 0;
    while let Some(window) = b.get(at..at + WINDOW).and_then(|w| w.try_into().ok()) {
        if published_in_window(b, window, at) {
            return true;
        }
        at += LANES;
    }
    let mut window = [b' '; WINDOW];
    for (to, &from) in window.iter_mut().zip(b.get(at..).unwrap_or_default()) {
        *to = from;
    }
    published_in_window(b, &window, at)
}

/// Does a stem of [`lexicon::PUBLISHED`] stand in `b` with its anchor at
/// one of the [`LANES`] bytes at `at`, the first of `window`? In each lane
/// of 16, the places where the anchor's first letter stands and its second
/// the byte after (compared with the bit of lower case, `0x20`, set: only
/// the letter in either case has it then).
#[cfg(sse2)]
#[inline(always)]
fn published_in_window(b: &[u8], window: &[u8; WINDOW], at: usize) -> bool {
    use safe_arch::{
        bitand_m128i, bitor_m128i, cmp_eq_mask_i8_m128i, m128i, move_mask_i8_m128i,
        set_splat_i8_m128i,
    };
    let splat = |c: u8| set_splat_i8_m128i(c.cast_signed());
    let case = splat(0x20);
    let anchors = PUBLISHED_ANCHORS.map(|(_, [first, second])| [splat(first), splat(second)]);
    let hits = [0, 16, 32, 48].map(|from| {
        let [v, w] = [from, from + 1].map(|i| {
            let mut lane = [0; 16];
            lane.copy_from_slice(&window[i..i + 16]);
            bitor_m128i(m128i::from(lane), case)
        });
        anchors
            .iter()
            .fold(m128i::default(), |hit, &[first, second]| {
                let pair = bitand_m128i(
                    cmp_eq_mask_i8_m128i(v, first),
                    cmp_eq_mask_i8_m128i(w, second),
                );
                bitor_m128i(hit, pair)
            })
    });
    let any = hits
        .iter()
        .fold(m128i::default(), |all, &h| bitor_m128i(all, h));
    if move_mask_i8_m128i(any) == 0 {
        return false;
    }
    (hits.iter().zip([0, 16, 32, 48])).any(|(&hit, from)| {
        let mut bits = move_mask_i8_m128i(hit).cast_unsigned() & 0xFFFF;
        while bits != 0 {
            if published_at(b, at + from + bits.trailing_zeros() as usize) {
                return true;
            }
            bits &= bits - 1;
        }
        false
    })
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

/// The counts of block `k`, sentence by sentence and clause by clause, with
/// the funding of its section and whether it is part of a project's summary.
fn block_counts<'a>(
    doc: &Doc<'a>,
    (k, section, in_summary): (usize, Option<Funding>, bool),
    values: &mut Values,
    found: &mut Vec<StatedCount<'a>>,
) {
    let text = doc.blocks[k].text();
    // Most blocks have no count to read: not split into sentences and clauses.
    let Counting {
        at: counting,
        plain,
    } = count_words(text, values);
    if counting.is_empty() {
        values.spare = counting;
        return;
    }
    // Only the sentences a word that may read as a count starts in are
    // read, each found around the first such word ([`sentence_around`]),
    // not from the start of the block: what the others name is not read.
    let mut statements = Vec::new();
    let mut next = 0;
    while let Some(&first) = counting.get(next) {
        let (ss, se) = sentence_around(text, first);
        // The words of the sentence are read with it; `se` is after `first`.
        next = counting.partition_point(|&at| at < se);
        let sentence = &text[ss..se];
        let mut ctx = Context {
            section,
            sentence_funding: None,
            sentence_noun: None,
            in_summary,
        };
        statements.clear();
        let words = (counting.as_slice(), ss, plain);
        sentence_counts(sentence, words, &mut ctx, values, &mut statements);
        for st in &statements {
            let at = ss + st.at;
            found.push(StatedCount {
                text: doc.text_at(k, st.text),
                value: st.value,
                refers_to: st.refers_to,
                span: doc.sub_span(k, at, at + st.text.len()),
            });
        }
    }
    values.spare = counting;
}

/// The counts `sentence` states, clause by clause, pushed to `out` (where
/// each starts in the sentence), in the context `ctx` of its block.
///
/// `words`: where the words that may read as a count start in the
/// sentence's block, where the sentence starts in it, and whether the block
/// is plain (see [`candidates`]). The clauses after the last a word of them
/// starts in state no count and are not read. A clause with no candidate
/// only names a funding for the clauses after it ([`funding_in`]): it is
/// read only when one after it has a candidate, and then the last funding
/// named before that one is the sentence's, as if each clause had been read
/// in turn.
fn sentence_counts<'a>(
    sentence: &'a str,
    (counting, base, plain): (&[usize], usize, bool),
    ctx: &mut Context,
    values: &mut Values,
    out: &mut Vec<Statement<'a>>,
) {
    // The clauses not read yet since the last with a candidate (where the
    // first starts, where the last ends).
    let mut unread: Option<(usize, usize)> = None;
    let mut cands = std::mem::take(&mut values.candidates);
    for (cs, ce) in each_clause(sentence) {
        let first = counting.partition_point(|&at| at < base + cs);
        if counting
            .get(first)
            .is_none_or(|&at| at >= base + sentence.len())
        {
            break;
        }
        let clause = &sentence[cs..ce];
        candidates(clause, (counting, base + cs, plain), values, &mut cands);
        if cands.is_empty() {
            unread = Some((unread.map_or(cs, |(from, _)| from), ce));
            continue;
        }
        // Split again where they stand (each ends where the next starts, at
        // a mark before a space), the last funding they name is the
        // sentence's.
        if let Some((from, to)) = unread.take() {
            let before = sentence.get(from..to).unwrap_or_default();
            let named = (each_clause(before))
                .filter_map(|(a, b)| funding_in(before.get(a..b)?))
                .last();
            if named.is_some() {
                ctx.sentence_funding = named;
            }
        }
        clause_counts((clause, cs), &cands, ctx, out);
    }
    values.candidates = cands;
}

/// Can `text` state a count: does a word of it read as one
/// ([`Values::value_of`]), as it stands or without the `,`, `;` or `:` that
/// ends its clause ([`each_clause`])? The words of a clause are those of its
/// block: sentences and clauses end at a mark before a space, and only the
/// mark of a clause is cut off. A block where none does has no clause with
/// a candidate.
#[cfg(test)]
fn may_state_count(text: &str, values: &mut Values) -> bool {
    !count_words(text, values).at.is_empty()
}

/// Where the words of `text` that may read as a count start, in order: the
/// words that read as one ([`Values::value_of`]) as they stand or without
/// the `,`, `;` or `:` that ends their clause ([`each_clause`]). A clause
/// (whose words start where words of its block start) with no word that
/// reads as a count starts none of them. What was read of each is kept in
/// [`Values::read`] when the block is plain.
fn count_words(text: &str, values: &mut Values) -> Counting {
    let mut out = std::mem::take(&mut values.spare);
    out.clear();
    values.read.clear();
    // Only the words whose first two bytes may open a count are read. Most
    // blocks have no white space but spaces, line feeds and tabs, and their
    // words stand between those; the scan stops at any other.
    let plain = each_opening(text.as_bytes(), |at| {
        if values.may_read_at(text.as_bytes(), at.clone())
            && let Some(read) = values.reads_at(text, at.clone())
        {
            push_read((&mut out, &mut values.read), at.start, read);
        }
    });
    if plain {
        return Counting { at: out, plain };
    }
    values.spare = out;
    values.read.clear();
    let at = words(text)
        .into_iter()
        .filter(|&(_, w)| reads(values, w))
        .map(|(at, _)| at)
        .collect();
    Counting { at, plain }
}

/// Adds the word that starts at `at` and reads as a count as `read` to the
/// words [`count_words`] found and to what it read of them. Not inlined:
/// the scan's call of it, for few words, keeps the scan's loop short.
#[inline(never)]
fn push_read((found, reads): (&mut Vec<usize>, &mut Vec<(usize, Read)>), at: usize, read: Read) {
    found.push(at);
    reads.push((at, read));
}

/// Does white space other than a space, line feed or tab start at `b[i]`
/// (`b` valid UTF-8, `i` where a character starts or not): a carriage
/// return, vertical tab or form feed, or a character of white space outside
/// ASCII ([`char::is_whitespace`]: they start with `C2`, `E1`, `E2` or `E3`,
/// see [`OTHER_SPACE_LEADS`]; a test checks every character)?
fn other_space_at(b: &[u8], i: usize) -> bool {
    matches!(
        b.get(i..),
        Some(
            [0x0b..=0x0d, ..]
                | [0xc2, 0x85 | 0xa0, ..]
                | [0xe1, 0x9a, 0x80, ..]
                | [0xe2, 0x80, 0x80..=0x8a | 0xa8 | 0xa9 | 0xaf, ..]
                | [0xe2, 0x81, 0x9f, ..]
                | [0xe3, 0x80, 0x80, ..]
        )
    )
}

/// The bytes [`other_space_at`] may say yes at, as two runs and a byte:
/// `0B` to `0D`, `E1` to `E3`, and `C2`.
const OTHER_SPACE_LEADS: ([u8; 2], [u8; 2], u8) = ([0x0b, 0x0d], [0xe1, 0xe3], 0xc2);

/// What [`count_words`] tells of a block.
struct Counting {
    /// Where the words that may read as a count start, in order.
    at: Vec<usize>,
    /// The block has no white space but spaces, line feeds and tabs: its
    /// words stand between those.
    plain: bool,
}

/// The words of a clause whose words stand between spaces, line feeds and
/// tabs, with where each starts: what [`PlainNear`] finds around a word.
#[cfg(test)]
fn clause_words(clause: &str) -> Vec<(usize, &str)> {
    let b = clause.as_bytes();
    let starts =
        (0..b.len()).filter(|&i| !is_separator(b[i]) && (i == 0 || is_separator(b[i - 1])));
    starts
        .map(|i| {
            let end = (i..b.len())
                .find(|&j| is_separator(b[j]))
                .unwrap_or(b.len());
            (i, &clause[i..end])
        })
        .collect()
}

/// Does the word `w` read as a count ([`Values::value_of`]), as it stands
/// or without the `,`, `;` or `:` that ends its clause ([`each_clause`])?
fn reads(values: &mut Values, w: &str) -> bool {
    values.value_of(w).is_some()
        || (w.ends_with([',', ';', ':'])
            && w.get(..w.len() - 1)
                .is_some_and(|v| values.value_of(v).is_some()))
}

/// Calls `f` with the range of each word of `b` (a run of bytes between
/// spaces, line feeds and tabs) whose first two bytes may open a count
/// ([`may_open_with`]), in order. False when `b` has other white space
/// ([`other_space_at`]): then it stops there, or before it calls `f` at
/// all. The separators of a window of 64 bytes are told a bit each
/// ([`window_masks`]), the words' starts from them (a byte that is none
/// after one that is, or at the start of `b`) and only each word's first
/// two bytes read; the last bytes in a window of spaces.
fn each_opening(b: &[u8], mut f: impl FnMut(Range<usize>)) -> bool {
    // Bit 0: the byte before the window is a separator (or there is none).
    let mut before = 1;
    let mut at = 0;
    // The windows with a byte after them: read with it, as they stand.
    while let Some(window) = b.get(at..at + WINDOW).and_then(|w| w.try_into().ok()) {
        let Some(last) = openings_in_window(b, window, (at, before), &mut f) else {
            return false;
        };
        before = last;
        at += LANES;
    }
    // The last bytes, and spaces after them.
    let mut window = [b' '; WINDOW];
    for (to, &from) in window.iter_mut().zip(b.get(at..).unwrap_or_default()) {
        *to = from;
    }
    openings_in_window(b, &window, (at, before), &mut f).is_some()
}

/// The bytes [`each_opening`] reads at once: four SSE2 lanes of 16, or
/// eight words of 8: one loop for all, and one look at their masks.
const LANES: usize = 64;

/// The bytes [`each_opening`] reads at once: [`LANES`] and the byte after
/// them, the second of a word that starts at their end.
const WINDOW: usize = LANES + 1;

/// [`each_opening`] of the words that start in the [`LANES`] bytes at `at`
/// of `b`, the first of `window`, given whether the byte before them is a
/// separator (`before`, 1 or 0): the separators and the bytes that may
/// start other white space ([`window_masks`]), the words'
/// starts from them (a byte that is none after one that is), and the first
/// two bytes of each word from `window`; a word ends at the next separator
/// of the window, or at one after it. Whether its last byte is a
/// separator; `None`, before any call of `f`, when the window has white
/// space other than spaces, line feeds and tabs: only the bytes that may
/// start it are looked at ([`other_space_in`]).
#[inline(always)]
fn openings_in_window(
    b: &[u8],
    window: &[u8; WINDOW],
    (at, before): (usize, u64),
    f: &mut impl FnMut(Range<usize>),
) -> Option<u64> {
    let (seps, leads) = window_masks(window);
    // The tabs and line feeds are among the leads: not looked at again.
    let leads = leads & !seps;
    if leads != 0 && other_space_in(b, at, leads) {
        return None;
    }
    let mut starts = !seps & (seps << 1 | before);
    while starts != 0 {
        let k = starts.trailing_zeros() as usize % LANES;
        let pair = window.get(k..).and_then(<[u8]>::first_chunk::<2>);
        if pair.is_some_and(|&pair| may_open_as(u16::from_le_bytes(pair))) {
            let later = seps >> k >> 1;
            let end = if later != 0 {
                at + k + 1 + later.trailing_zeros() as usize
            } else {
                next_separator(b, at + LANES)
            };
            f(at + k..end.min(b.len()));
        }
        starts &= starts - 1;
    }
    Some(seps >> 63)
}

/// The separators of the first [`LANES`] bytes of `window` and the bytes
/// that may start other white space ([`OTHER_SPACE_LEADS`]) or are a tab or
/// line feed, a bit each: with SSE2 (every x86-64) from two movemasks of
/// each lane of 16 ([`lane_masks`]), elsewhere from eight words
/// ([`window_masks_by_word`]).
#[inline(always)]
fn window_masks(window: &[u8; WINDOW]) -> (u64, u64) {
    #[cfg(sse2)]
    {
        let masks = [0, 16, 32, 48].map(|from| {
            let mut lane = [0; 16];
            lane.copy_from_slice(&window[from..from + 16]);
            let (seps, leads) = lane_masks(safe_arch::m128i::from(lane));
            (u64::from(seps) << from, u64::from(leads) << from)
        });
        masks
            .iter()
            .fold((0, 0), |(s, l), &(seps, leads)| (s | seps, l | leads))
    }
    #[cfg(not(sse2))]
    window_masks_by_word(window)
}

/// [`window_masks`] eight bytes at a time in a `u64` ([`crate::swar`]),
/// the bytes beyond ASCII of a word looked at only when it has any.
#[cfg_attr(sse2, allow(dead_code))]
#[inline(always)]
fn window_masks_by_word(window: &[u8; WINDOW]) -> (u64, u64) {
    use crate::swar::{WORD, at_least, bits, equal, high, within, words};
    let ([_, controls], [lead, last], two) = OTHER_SPACE_LEADS;
    let (mut seps, mut leads) = (0, 0);
    for (m, w) in words(&window[..LANES]).enumerate() {
        let tab_or_feed = within(w, b'\t', b'\n');
        let mut lead_bytes = within(w, b'\t', controls);
        if high(w) != 0 {
            lead_bytes |= equal(w, two) | (at_least(w, lead) & !at_least(w, last + 1));
        }
        seps |= u64::from(bits(tab_or_feed | equal(w, b' '))) << (WORD * m);
        leads |= u64::from(bits(lead_bytes)) << (WORD * m);
    }
    (seps, leads)
}

/// The separators of a lane `v` (a bit each, from one movemask), and the
/// bytes of it that may start other white space ([`OTHER_SPACE_LEADS`]) or
/// are a tab or line feed (from one more). The runs of bytes are told by
/// shifting the lane to start a run at -128 and one signed compare; `09`
/// to `0A` (the tab and line feed) and `09` to `0D` (with the controls
/// that may be white space) from one shifted lane.
#[cfg(sse2)]
#[inline(always)]
fn lane_masks(v: safe_arch::m128i) -> (u32, u32) {
    use safe_arch::{
        add_i8_m128i, bitor_m128i, cmp_eq_mask_i8_m128i, cmp_lt_mask_i8_m128i, move_mask_i8_m128i,
        set_splat_i8_m128i,
    };
    let splat = |c: u8| set_splat_i8_m128i(c.cast_signed());
    // Below `to`, for a lane shifted to start at `from`.
    let below = |shifted, [from, to]: [u8; 2]| {
        cmp_lt_mask_i8_m128i(shifted, splat(0x80u8.wrapping_add(to - from)))
    };
    let (controls, high, byte) = OTHER_SPACE_LEADS;
    let from_tab = add_i8_m128i(v, splat(0x80u8.wrapping_sub(b'\t')));
    let tab_or_line_feed = below(from_tab, [b'\t', b'\n' + 1]);
    let to_controls = below(from_tab, [b'\t', controls[1] + 1]);
    let from_high = add_i8_m128i(v, splat(0x80u8.wrapping_sub(high[0])));
    let leads = bitor_m128i(
        bitor_m128i(to_controls, below(from_high, [high[0], high[1] + 1])),
        cmp_eq_mask_i8_m128i(v, splat(byte)),
    );
    let seps = bitor_m128i(tab_or_line_feed, cmp_eq_mask_i8_m128i(v, splat(b' ')));
    (
        move_mask_i8_m128i(seps).cast_unsigned() & 0xFFFF,
        move_mask_i8_m128i(leads).cast_unsigned() & 0xFFFF,
    )
}

/// Tabs and line feeds come right before the controls of
/// [`OTHER_SPACE_LEADS`]: [`lane_masks`] tells all from one shifted lane.
const _: () = assert!(OTHER_SPACE_LEADS.0[0] == b'\n' + 1);

/// Does other white space ([`other_space_at`]) start at one of the bytes of
/// `b` at `at` whose bits `leads` has set? Not inlined: most lanes have no
/// such byte.
#[inline(never)]
fn other_space_in(b: &[u8], at: usize, mut leads: u64) -> bool {
    while leads != 0 {
        if other_space_at(b, at + leads.trailing_zeros() as usize) {
            return true;
        }
        leads &= leads - 1;
    }
    false
}

/// Where the first separator of `b` at `from` or after it stands; the
/// length of `b` when none does. Not inlined: the scan of a lane calls it
/// only for a word that goes on past the lane.
#[inline(never)]
fn next_separator(b: &[u8], from: usize) -> usize {
    let rest = b.get(from..).unwrap_or_default();
    rest.iter()
        .position(|&c| is_separator(c))
        .map_or(b.len(), |i| from + i)
}

/// Is `c` one of the bytes between the words of a block with no other
/// white space ([`count_words`])?
#[inline]
fn is_separator(c: u8) -> bool {
    matches!(c, b' ' | b'\n' | b'\t')
}

/// A count a clause states.
struct Statement<'a> {
    /// Where its text starts in the clause.
    at: usize,
    text: &'a str,
    value: u32,
    refers_to: RefersTo,
}

/// The counts a clause with the candidates `cands` ([`candidates`], not
/// empty) states, pushed to `out` (where each starts in the sentence the
/// clause starts at `at` of), and the funding it names for the clauses
/// after it.
fn clause_counts<'a>(
    (clause, at_clause): (&'a str, usize),
    cands: &[Candidate],
    ctx: &mut Context,
    out: &mut Vec<Statement<'a>>,
) {
    let clause_may_fund = may_name_funding(clause);
    // Normalised and made ready once for the tests of every candidate, when
    // a test first reads it: a clause that may name no funding, out of a
    // summary, whose counts are of nouns told by their noun alone (most
    // often other things) is read by none.
    let (clause_norm, searched) = (OnceCell::new(), OnceCell::new());
    let t = || searched.get_or_init(|| Searchable::new(clause_norm.get_or_init(|| norm(clause))));
    let clause_funding = if clause_may_fund {
        funding_searched(t())
    } else {
        None
    };
    for (n, c) in cands.iter().enumerate() {
        if matches!(c.noun, Some(Noun::Publication))
            && !(t().has_any(lexicon::PUBLISHED) || t().has_any(lexicon::WROTE))
        {
            continue;
        }
        if ctx.in_summary && !t().has_any(lexicon::PUBLISHED) {
            continue;
        }
        let (from, to) = statement(clause, cands, n);
        let piece = &clause[from..to];
        let noun = c
            .noun
            .or(ctx.sentence_noun)
            .or(if ctx.sentence_funding.is_some() {
                Some(Noun::Project)
            } else {
                None
            });
        // A statement is most often its whole clause; else it is
        // normalised when a test first reads it, as the clause is.
        let (piece_norm, piece_searched) = (OnceCell::new(), OnceCell::new());
        let piece_t = || {
            if piece.len() == clause.len() {
                return t();
            }
            piece_searched.get_or_init(|| Searchable::new(piece_norm.get_or_init(|| norm(piece))))
        };
        // A piece of a clause that may name no funding may name none (the
        // test finds in a text what it finds in a piece of it).
        let piece_may_fund =
            clause_may_fund && (piece.len() == clause.len() || may_name_funding(piece));
        let piece_funding = if piece_may_fund {
            funding_searched(piece_t())
        } else {
            None
        };
        let funding = piece_funding
            .or(clause_funding)
            .or(ctx.sentence_funding)
            .or(ctx.section);
        let refers_to = classify(piece_t, noun, funding);
        if c.noun.is_some() {
            ctx.sentence_noun = c.noun;
        }
        let (at, body) = trim_statement(piece, n == 0);
        out.push(Statement {
            at: at_clause + from + at,
            text: body,
            value: c.value,
            refers_to,
        });
    }
    if let Some(f) = clause_funding {
        ctx.sentence_funding = Some(f);
    }
}

/// The most counts a clause states and still reads as a sentence: the real
/// reports state one or two in a clause (`tre … og fire …`), and a writer
/// who lists more parts them with commas, which end clauses. A clause with
/// more is a table flattened into running text (`3 prosjekter 4 rapporter
/// …`): there each count's statement runs from it to the next count
/// ([`statement`]), so that no statement is read to the clause's end — which
/// made reading such a clause take time in its length times its counts.
const MAX_CLAUSE_COUNTS: usize = 4;

/// The byte range of the clause that states candidate `n`.
fn statement(clause: &str, cands: &[Candidate], n: usize) -> (usize, usize) {
    let c = &cands[n];
    let table = cands.len() > MAX_CLAUSE_COUNTS;
    // Split a clause that states two counts before the ` og ` that joins them.
    let mut from = 0;
    if n > 0 {
        let prev_at = cands[n - 1].at;
        from = if table {
            c.at
        } else {
            clause[prev_at..c.at]
                .rfind(" og ")
                .map_or(prev_at, |i| prev_at + i + 1)
        };
    }
    let mut to = clause.len();
    if let Some(next) = cands.get(n + 1) {
        if let Some(i) = clause[c.at..next.at].rfind(" og ") {
            to = c.at + i;
        } else if table {
            to = next.at;
        }
    }
    // The statement ends where a relative clause about the counted
    // things begins (`fire tematiske områder hvor vi …`).
    // So does a second verb phrase (`sju gikk videre … og fikk levere …`).
    if let Some(i) = first_clause_end(&clause[c.at..to]) {
        to = c.at + i;
    }
    (from, to)
}

/// Where the first of [`lexicon::CLAUSE_ENDS`] found in `s` starts (what
/// `first_of`, the slow reading, finds of them): each starts with a space,
/// and at each space of `s` only the words whose second byte is the byte
/// after it ([`CLAUSE_END_SECONDS`]) are compared; most spaces stand before
/// a byte none of them has there.
fn first_clause_end(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    crate::text::offsets_of(b, b' ').find(|&i| {
        let rest = b.get(i..).unwrap_or_default();
        let Some(&second) = rest.get(1) else {
            return false;
        };
        let mut ends = CLAUSE_END_SECONDS[usize::from(second)];
        while ends != 0 {
            let end = lexicon::CLAUSE_ENDS.get(ends.trailing_zeros() as usize);
            if end.is_some_and(|w| rest.starts_with(w.as_bytes())) {
                return true;
            }
            ends &= ends - 1;
        }
        false
    })
}

/// For each byte, the words of [`lexicon::CLAUSE_ENDS`] (a bit each, the
/// first the lowest) whose second byte it is, the byte after their leading
/// space. Built at compile time; every word starts with a space and has a
/// second byte (checked here as the table is built).
static CLAUSE_END_SECONDS: [u32; 256] = {
    let ends = lexicon::CLAUSE_ENDS;
    assert!(ends.len() <= 32);
    let mut table = [0u32; 256];
    let mut n = 0;
    while n < ends.len() {
        let w = ends[n].as_bytes();
        assert!(w.len() >= 2 && w[0] == b' ');
        table[w[1] as usize] |= 1 << n;
        n += 1;
    }
    table
};

/// Where the first of `words` found in `s` starts (the least of their
/// [`str::find`]): the words that start with a space are looked for at
/// each space of `s`, in one pass, not each in a pass of its own. The
/// slow reading of [`first_clause_end`].
#[cfg(test)]
fn first_of(s: &str, words: &[&str]) -> Option<usize> {
    let b = s.as_bytes();
    let spaced = memchr::memchr_iter(b' ', b).find(|&i| {
        let rest = b.get(i..).unwrap_or_default();
        words
            .iter()
            .any(|w| w.starts_with(' ') && rest.starts_with(w.as_bytes()))
    });
    let other = (words.iter())
        .filter(|w| !w.starts_with(' '))
        .filter_map(|w| s.find(w))
        .min();
    match (spaced, other) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
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

/// What each item of the report counts as, with where it starts (an
/// iterator: no list of every item beside the items, at the parse's peak).
fn counted_items<'r>(r: &'r Report<'_>) -> impl Iterator<Item = (RefersTo, usize)> + 'r {
    let projects = r.projects.iter().filter_map(|p| {
        let kind = match p.funding? {
            Funding::Bidrag => RefersTo::ProjectsBidrag,
            Funding::Oppdrag => RefersTo::ProjectsOppdrag,
        };
        Some((kind, p.span.start))
    });
    let portfolio = r.portfolio.iter().filter_map(|p| {
        let kind = match (p.funding, p.status) {
            (Some(Funding::Bidrag), PortfolioStatus::Ongoing) => RefersTo::PortfolioBidragOngoing,
            (Some(Funding::Oppdrag), PortfolioStatus::Ongoing) => RefersTo::PortfolioOppdragOngoing,
            (Some(Funding::Bidrag), PortfolioStatus::Granted) => RefersTo::PortfolioBidragGranted,
            _ => return None,
        };
        Some((kind, p.span.start))
    });
    let analyses = r
        .analyses
        .iter()
        .map(|a| (RefersTo::Analyses, a.span.start));
    let phd = r.phd.iter().map(|p| {
        let kind = match p.status {
            PhdStatus::Completed => RefersTo::PhdCompleted,
            PhdStatus::Ongoing => RefersTo::PhdOngoing,
        };
        (kind, p.span.start)
    });
    projects.chain(portfolio).chain(analyses).chain(phd)
}

/// How many items of each kind the report has.
fn found_per_kind(report: &Report) -> PerKind {
    let mut out = PerKind::default();
    for (kind, _) in counted_items(report) {
        out.add(kind);
    }
    out
}

/// How many [`RefersTo`] there are: room for each in a [`PerKind`] (`Other`
/// is the last; a test lists every kind and checks its place).
const KINDS: usize = RefersTo::Other as usize + 1;

/// A number for each [`RefersTo`], by its place in the enum: a count per
/// kind without a hash map, which grew its table at each new kind.
#[derive(Default)]
struct PerKind([usize; KINDS]);

impl PerKind {
    /// Count one more for `kind`.
    fn add(&mut self, kind: RefersTo) {
        if let Some(n) = self.0.get_mut(kind as usize) {
            *n += 1;
        }
    }

    /// The number for `kind`.
    fn get(&self, kind: RefersTo) -> usize {
        self.0.get(kind as usize).copied().unwrap_or(0)
    }
}

/// The items of kind `kind`, naming the sections they stand in (each the
/// nearest heading before an item that starts a section), for the message
/// of a count they disagree with: only then are the names made.
fn tally(doc: &Doc<'_>, sections: &[Section], report: &Report, kind: RefersTo) -> Tally {
    let heads: Vec<usize> = sections.iter().map(|s| s.heading).collect();
    let head_starts: Vec<usize> = heads.iter().map(|&i| doc.blocks[i].start).collect();
    let mut tally = Tally {
        found: 0,
        sections: Vec::new(),
    };
    // The items of a kind come in document order, most after one of the
    // same section, whose name is not made again.
    let mut last_heading = None;
    // The headings at or before the last item's start: the next item's are
    // counted on from them (a search for each item grew with items times
    // the log of a long text's headings).
    let mut before = 0;
    for (_, start) in counted_items(report).filter(|&(k, _)| k == kind) {
        crate::work::add(1);
        tally.found += 1;
        before = crate::source::count_at_or_before(&head_starts, start, before);
        if let Some(&h) = before.checked_sub(1).and_then(|k| heads.get(k))
            && last_heading.replace(h) != Some(h)
        {
            let title = shorten(crate::text::trim(doc.blocks[h].text()), SECTION_NAMED);
            if !tally.sections.contains(&title) {
                tally.sections.push(title);
            }
        }
    }
    tally
}

/// `the text states 7 completed bidrag projects ("…"), but 6 were found in
/// section "…"`. Written piece by piece into one string (a few per report,
/// where a `format!` for each piece cost some 1,500 instructions).
fn mismatch_message(c: &StatedCount, names: (&str, &str), tally: &Tally) -> String {
    use std::fmt::Write;
    let name = if c.value == 1 { names.0 } else { names.1 };
    let quoted: usize = tally.sections.iter().map(|t| t.len() + 4).sum();
    let mut m = String::with_capacity(MESSAGE_ROOM + name.len() + c.text.len() + quoted);
    // (writing into a `String` cannot fail)
    let _ = write!(m, "the text states {} ", c.value);
    m.push_str(name);
    m.push_str(" (\"");
    m.push_str(&c.text);
    m.push_str("\")");
    if tally.found == 0 {
        m.push_str(", but none were found in the report");
        return m;
    }
    let _ = write!(m, ", but {} ", tally.found);
    m.push_str(if tally.found == 1 { "was" } else { "were" });
    m.push_str(" found in ");
    let quote = |m: &mut String, t: &str| {
        m.push('"');
        m.push_str(t);
        m.push('"');
    };
    match tally.sections.as_slice() {
        [] => m.push_str("the report"),
        [one] => {
            m.push_str("section ");
            quote(&mut m, one);
        }
        [init @ .., last] => {
            m.push_str("sections ");
            for (k, t) in init.iter().enumerate() {
                if k > 0 {
                    m.push_str(", ");
                }
                quote(&mut m, t);
            }
            m.push_str(" and ");
            quote(&mut m, last);
        }
    }
    m
}

/// Room for the words of a [`mismatch_message`] around its names, numbers
/// and quotes (the longest, with two numbers of ten digits, is under 100
/// bytes).
const MESSAGE_ROOM: usize = 100;

/// Warn where a stated count disagrees with the items found.
///
/// Checks after every reader has read: it compares the report's stated
/// counts with all of its items.
pub(crate) fn check_counts(
    doc: &Doc<'_>,
    sections: &[Section],
    report: &Report,
) -> Vec<Diagnostic> {
    let found = found_per_kind(report);
    // The sections of a kind are named once, at its first count that
    // disagrees (a text may state many: one pass over the items each
    // would grow with counts times items).
    let mut tallies: HashMap<RefersTo, Tally> = HashMap::default();
    let mut diags = Vec::new();
    for c in &report.stated_counts {
        let Some(names) = item_names(c.refers_to) else {
            continue;
        };
        if found.get(c.refers_to) != c.value as usize {
            let tally = tallies
                .entry(c.refers_to)
                .or_insert_with(|| tally(doc, sections, report, c.refers_to));
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
pub(crate) fn short_kinds(report: &Report) -> Vec<String> {
    let tallies = found_per_kind(report);
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for c in &report.stated_counts {
        let Some(names) = item_names(c.refers_to) else {
            continue;
        };
        let found = tallies.get(c.refers_to);
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

    use super::{
        Values, clause_words, count_words, may_start_count, may_state_count, value_of, words,
    };
    use crate::lexicon::NUMBER_WORDS;
    use crate::text::{clauses, sentences};

    use crate::testing::Gen;

    /// Every kind has a place of its own in a [`super::PerKind`]. (The match
    /// lists every kind: one added to the enum must be added here.)
    #[test]
    fn every_kind_has_its_place_in_a_per_kind() {
        use crate::RefersTo as K;
        let listed = |k: K| match k {
            K::ProjectsBidrag
            | K::ProjectsOppdrag
            | K::PortfolioBidragOngoing
            | K::PortfolioOppdragOngoing
            | K::PortfolioBidragGranted
            | K::Analyses
            | K::PhdCompleted
            | K::PhdOngoing
            | K::Other => k,
        };
        let all = [
            K::ProjectsBidrag,
            K::ProjectsOppdrag,
            K::PortfolioBidragOngoing,
            K::PortfolioOppdragOngoing,
            K::PortfolioBidragGranted,
            K::Analyses,
            K::PhdCompleted,
            K::PhdOngoing,
            K::Other,
        ];
        let mut per = super::PerKind::default();
        for (n, k) in all.into_iter().map(listed).enumerate() {
            assert!((k as usize) < super::KINDS, "{k:?}");
            per.0[k as usize] = n + 1;
        }
        for (n, k) in all.into_iter().enumerate() {
            assert_eq!(per.get(k), n + 1, "{k:?} shares its place");
        }
    }

    /// The table of first bytes says no only where `may_start_count` does,
    /// or where no word that starts with the byte reads as a count.
    #[test]
    fn the_table_of_first_bytes_is_may_start_value() {
        let values = Values::new();
        let mut rests: Vec<String> = WORDS.iter().map(|w| w.to_string()).collect();
        rests.extend(NUMBER_WORDS.iter().map(|w| w.to_string()));
        rests.extend(["12", "12)", "3\"", "tre)", "", "(12)", "»fem»"].map(String::from));
        for b in 0..=u8::MAX {
            assert_eq!(values.may_start(b), super::may_start_value(b), "{b:#x}");
            if !values.may_start(b) && may_start_count(b) {
                for rest in &rests {
                    let w = format!("{}{rest}", b as char);
                    assert_eq!(value_of(&w), None, "{w:?}");
                }
            }
        }
    }

    /// No character of one or two bytes in UTF-8 lower-cases to fewer bytes
    /// (a longer word of them is no number word, see `THREE_BYTE_LEAD`).
    #[test]
    fn lower_casing_a_short_character_makes_it_no_shorter() {
        for c in (0..0x800).filter_map(char::from_u32) {
            let lower: usize = c.to_lowercase().map(char::len_utf8).sum();
            assert!(lower >= c.len_utf8(), "{c:?}");
            assert!(c.len_utf8() == 1 || c.to_string().as_bytes()[0] < super::THREE_BYTE_LEAD);
        }
    }

    /// Every ASCII word of up to four lower-case letters, and of up to
    /// three letters of ASCII and Latin-1 in either case; each number word
    /// in every case, cut short, grown and with each letter changed; the
    /// start of one number word joined to the end of another (`tre` and
    /// `tten`); long words with Latin-1 letters and with characters that
    /// lower-case to fewer bytes: the table reads each as the plain reading
    /// does.
    #[test]
    fn the_table_of_number_words_reads_as_value_of() {
        let mut values = Values::new();
        let mut check = |w: &str| assert_eq!(values.value_of(w), value_of(w), "{w:?}");
        let letters: Vec<char> = ('a'..='z').collect();
        let mut short = vec![String::new()];
        for _ in 0..4 {
            short = short
                .iter()
                .flat_map(|w| letters.iter().map(move |c| format!("{w}{c}")))
                .collect();
            short.iter().for_each(|w| check(w));
        }
        let latin: Vec<char> = "aefnstoøØåÅæéÉüßÿ×\u{212b}\u{212a}İ".chars().collect();
        let mut short = vec![String::new()];
        for _ in 0..3 {
            short = short
                .iter()
                .flat_map(|w| latin.iter().map(move |c| format!("{w}{c}")))
                .collect();
            short.iter().for_each(|w| check(w));
        }
        for w in [
            "første",
            "spørreundersøkelse",
            "fagmiljøer",
            "åtteåtte",
            "ØYEBLIKKET",
        ] {
            check(w);
        }
        for w in [
            "se\u{212a}sten",
            "\u{212b}\u{212b}tte",
            "tretten\u{212a}",
            "fj\u{d8}rtenx",
        ] {
            check(w);
        }
        for w in NUMBER_WORDS {
            let chars: Vec<char> = w.chars().collect();
            for case in 0..1u32 << chars.len() {
                let cased: String = (chars.iter().enumerate())
                    .map(|(i, c)| match case >> i & 1 {
                        1 => c.to_uppercase().collect::<String>(),
                        _ => c.to_string(),
                    })
                    .collect();
                check(&cased);
            }
            for i in 0..chars.len() {
                for c in letters.iter().chain(&['å', 'ø', '-', '.', '1', '\u{212b}']) {
                    let mut changed = chars.clone();
                    changed[i] = *c;
                    check(&changed.iter().collect::<String>());
                }
                check(&chars[..i].iter().collect::<String>());
                check(&chars[i..].iter().collect::<String>());
            }
            for end in ["s", "e", "n", "er", ",", ".", ";", ")", "\"", "»", "x1"] {
                check(&format!("{w}{end}"));
                check(&format!("({w}{end}"));
            }
            for v in NUMBER_WORDS {
                for (i, _) in w.char_indices().skip(1) {
                    for (j, _) in v.char_indices() {
                        check(&format!("{}{}", &w[..i], &v[j..]));
                    }
                }
            }
        }
    }

    /// Words of letters in either case, marks and bytes outside ASCII, at
    /// every offset of a text, near its end or not.
    #[test]
    fn the_key_of_a_word_in_its_text_is_its_key() {
        let mut g = Gen(0x1234_5678_9abc_def1);
        let bytes = [
            b'a', b'T', b'z', b'@', b'[', b'`', b'{', b',', b' ', 0, 0xc3, 0xa5, 0x85, 0xe3, 0xc4,
            0xff,
        ];
        for _ in 0..20_000 {
            let len = g.below(20);
            let b: Vec<u8> = (0..len).map(|_| bytes[g.below(bytes.len())]).collect();
            for start in 0..len {
                for n in 0..=(len - start).min(9) {
                    let want = super::word_key(&b[start..start + n]);
                    assert_eq!(super::word_key_at(&b, start, n), want, "{b:?} {start} {n}");
                }
            }
        }
    }

    /// Every word of up to three letters, every stem of `COUNT_NOUNS` in
    /// either case, grown and with its second letter changed: the table of
    /// stems' starts reads each as `noun_of` does.
    #[test]
    fn the_table_of_stems_reads_as_noun_of() {
        let values = Values::new();
        let check = |w: &str| assert_eq!(values.noun_of(w), super::noun_of(w), "{w:?}");
        let letters: Vec<char> = "abdfknoprsøÅ×KSHA-(«1".chars().collect();
        let mut short = vec![String::new()];
        for _ in 0..3 {
            short = short
                .iter()
                .flat_map(|w| letters.iter().map(move |c| format!("{w}{c}")))
                .collect();
            short.iter().for_each(|w| check(w));
        }
        for w in [
            "å",
            "Å",
            "år",
            "ÅR",
            "×",
            "÷x",
            "1x",
            "12",
            "-x",
            "-",
            "a",
            "a-",
            "p.",
            "på",
            "PÅ",
            "s×",
            "s÷knad",
            "hØyskole",
            "Søknader,",
            "sø",
            "nåR",
            "P)",
            "«prosjekt",
            "(prosjekt",
            "\u{212a}andidat",
            "\u{130}",
        ] {
            check(w);
        }
        for (stem, _) in crate::lexicon::COUNT_NOUNS {
            // No character of a stem is one `noun_of` trims; each starts
            // with an ASCII letter in lower case and then an ASCII letter or
            // a byte outside ASCII.
            assert!(stem.chars().all(|c| c.is_alphanumeric() || c == '-'));
            let b = stem.as_bytes();
            assert!(b[0].is_ascii_lowercase(), "{stem}");
            assert!(b[1].is_ascii_alphabetic() || !b[1].is_ascii(), "{stem}");
            for w in [stem.to_string(), stem.to_uppercase(), format!("{stem}ene,")] {
                check(&w);
                let chars: Vec<char> = w.chars().collect();
                for i in 0..chars.len() {
                    check(&chars[..i].iter().collect::<String>());
                    let changes = [
                        'a', 'k', 'K', 'ø', 'Ø', 'å', 'é', '×', '÷', '-', '.', '\u{212a}',
                        '\u{130}',
                    ];
                    for c in ('a'..='z').chain(changes) {
                        let mut changed = chars.clone();
                        changed[i] = c;
                        check(&changed.iter().collect::<String>());
                    }
                }
            }
        }
        WORDS.iter().for_each(|w| check(w));
    }

    /// Clauses of the words of `CLAUSE_ENDS` and others: the first of
    /// them found in one pass is the first of the finds of each.
    #[test]
    fn first_of_finds_the_first_word_found() {
        let mut g = Gen(0x5555_1234_aaaa_4321);
        let parts = [
            " ", " ", "hvor", "som", "og", "fikk", "ble", "der", "x", "og  fikk", "ogsom",
        ];
        let mut words: Vec<&str> = crate::lexicon::CLAUSE_ENDS.to_vec();
        for extra in [&[][..], &["fikk", "g s"]] {
            words.extend(extra);
            for _ in 0..5000 {
                let s: String = (0..g.below(14)).map(|_| g.pick(&parts)).collect();
                let want = words.iter().filter_map(|w| s.find(w)).min();
                assert_eq!(super::first_of(&s, &words), want, "{s:?}");
            }
        }
    }

    /// A statement as the tests compare it: where, its text, its value and
    /// what it refers to.
    type Read<'s> = (usize, &'s str, u32, crate::model::RefersTo);

    /// The statements of sentence `s` read clause by clause in turn (the
    /// reading [`super::sentence_counts`] stands for): a clause with no
    /// candidate names the sentence's funding, if it names one. Each
    /// statement with whether a clause before it so named a funding.
    fn counts_in_turn<'s>(
        s: &'s str,
        (at, plain): (&[usize], bool),
        in_turn: &mut super::Context,
        values: &mut Values,
    ) -> Vec<(Read<'s>, bool)> {
        use super::{candidates, clause_counts, funding_in};
        let (mut out, mut named) = (Vec::new(), false);
        for (cs, ce) in clauses(s) {
            if !at.iter().any(|&a| a >= cs) {
                break;
            }
            let clause = &s[cs..ce];
            let mut cands = Vec::new();
            candidates(clause, (at, cs, plain), values, &mut cands);
            if cands.is_empty() {
                if let Some(f) = funding_in(clause) {
                    in_turn.sentence_funding = Some(f);
                    named = true;
                }
                continue;
            }
            let mut read = Vec::new();
            clause_counts((clause, cs), &cands, in_turn, &mut read);
            let statement = |st: &super::Statement<'s>| (st.at, st.text, st.value, st.refers_to);
            out.extend(read.iter().map(|st| (statement(st), named)));
        }
        out
    }

    /// Sentences of clauses with and without candidates and fundings, in
    /// each context: reading the funding of a clause with no candidate only
    /// when a clause after it has one reads what reading every clause in
    /// turn reads (every funding named before a statement, the last wins).
    #[test]
    fn clauses_read_for_their_funding_only_before_a_candidate_read_as_all() {
        use super::{Context, sentence_counts};
        use crate::model::{Funding, RefersTo};
        let mut g = Gen(0x0123_4567_89ab_cdef);
        let pieces = [
            "tre prosjekter ble ferdigstilt",
            "12 nye prosjekter",
            "fire pågående prosjekter",
            "bidragsprosjekter",
            "FoU-oppdrag",
            "bidrag og oppdrag",
            "bidrag",
            "to av disse",
            "2020",
            "7 artikler ble publisert",
            "x",
            "Fire nye fikk",
            "ble",
        ];
        let joins = [" ", " ", " ", ", ", "; ", ": "];
        let mut values = Values::new();
        // Statements read, and those of projects with no funding of the
        // section after a clause with no candidate that names one.
        let mut seen = [0; 2];
        for _ in 0..4000 {
            let s = joined(&mut g, (&pieces, &joins), 12);
            let counting = count_words(&s, &mut values);
            let at = counting.at.as_slice();
            for section in [None, Some(Funding::Bidrag), Some(Funding::Oppdrag)] {
                for in_summary in [false, true] {
                    let ctx = || Context {
                        section,
                        sentence_funding: None,
                        sentence_noun: None,
                        in_summary,
                    };
                    let mut fast = Vec::new();
                    sentence_counts(
                        &s,
                        (at, 0, counting.plain),
                        &mut ctx(),
                        &mut values,
                        &mut fast,
                    );
                    let fast: Vec<(usize, &str, u32, RefersTo)> = fast
                        .iter()
                        .map(|st| (st.at, st.text, st.value, st.refers_to))
                        .collect();
                    let in_turn = counts_in_turn(&s, (at, counting.plain), &mut ctx(), &mut values);
                    let mut slow = Vec::new();
                    for (st, named) in in_turn {
                        let told = named && section.is_none() && st.3 != RefersTo::Other;
                        seen[usize::from(told)] += 1;
                        slow.push(st);
                    }
                    assert_eq!(fast, slow, "{s:?} {section:?} {in_summary}");
                }
            }
        }
        assert!(seen.iter().all(|&n| n > 200), "{seen:?}");
    }

    /// A text of `pieces` picked by `g`: one, then fewer than `most` more,
    /// each after one of `joins`.
    fn joined(g: &mut Gen, (pieces, joins): (&[&str], &[&str]), most: usize) -> String {
        let mut s = String::from(g.pick(pieces));
        for _ in 0..g.below(most) {
            s.push_str(g.pick(joins));
            s.push_str(g.pick(pieces));
        }
        s
    }

    /// The statements of `text` read as a project's summary, sentence by
    /// sentence ([`sentences`]), every one of them: the reading a summary
    /// turned away by `may_tell_published` is spared.
    fn summary_counts(text: &str, values: &mut Values) -> usize {
        let counting = count_words(text, values);
        let mut stated = Vec::new();
        for (ss, se) in sentences(text) {
            let mut ctx = super::Context {
                section: None,
                sentence_funding: None,
                sentence_noun: None,
                in_summary: true,
            };
            let words = (counting.at.as_slice(), ss, counting.plain);
            super::sentence_counts(&text[ss..se], words, &mut ctx, values, &mut stated);
        }
        stated.len()
    }

    /// Summaries of counts, nouns and the words of `PUBLISHED` in either
    /// case, cut in two, or with a capital that lower-cases to more than an
    /// ASCII letter, joined by spaces, marks and no-break spaces: a summary
    /// that `may_tell_published` turns away states no count when read in
    /// full, and many of those it lets through do.
    #[test]
    fn a_summary_the_published_test_turns_away_states_no_count() {
        let pieces = [
            "Tre artikler ble publisert",
            "7 artikler",
            "PUBLISERT",
            "utgitt",
            "Ut gitt",
            "publi",
            "seks rapporter ble UTGITT",
            "fire nye prosjekter",
            "UTG\u{130}TT",
            "Pub\u{212a}",
            "skrev",
            "12 bøker",
            "2021",
            "x",
        ];
        let joins = [" ", " ", ", ", ". ", "; ", "\u{a0}"];
        let mut g = Gen(0x5eed_0f51_11a4_e5c3);
        let mut values = Values::new();
        // Summaries turned away, and summaries let through that state a count.
        let mut seen = [0; 2];
        for _ in 0..4000 {
            let s = joined(&mut g, (&pieces, &joins), 10);
            let stated = summary_counts(&s, &mut values);
            if !super::may_tell_published(&s) {
                assert_eq!(stated, 0, "{s:?}");
                seen[0] += 1;
            } else {
                seen[1] += usize::from(stated > 0);
            }
        }
        assert!(seen.iter().all(|&n| n > 300), "{seen:?}");
    }

    /// Texts of the stems of `PUBLISHED` in either case, cut, with `İ` or
    /// KELVIN SIGN in them, their anchors and first letters alone, Latin-1
    /// letters and white space, each after 0 to 65 bytes (around the lanes
    /// of 16 and the windows of 64): `may_tell_published` says what
    /// `has_any` of the normalised text says.
    #[test]
    fn may_tell_published_is_has_any_of_the_normalised_text() {
        let pieces = [
            "publiser",
            "UTGITT",
            "PubLis",
            "ert",
            "utg",
            "itt",
            "ub",
            "tG",
            "ut",
            "publ\u{130}ser",
            "\u{212a}",
            "å",
            " ",
            "\u{a0}",
        ];
        let mut seen = [0; 2];
        for t in crate::testing::concatenations(&pieces, 3) {
            for pad in [0, 1, 15, 16, 47, 57, 62, 63, 64, 65] {
                let s = format!("{}{t}", "a".repeat(pad));
                let slow =
                    crate::lexicon::has_any(&crate::text::norm(&s), crate::lexicon::PUBLISHED);
                assert_eq!(super::may_tell_published(&s), slow, "{s:?}");
                assert_eq!(super::has_published_by_word(s.as_bytes()), slow, "{s:?}");
                seen[usize::from(slow)] += 1;
            }
        }
        assert!(seen.iter().all(|&n| n > 1000), "{seen:?}");
    }

    /// Texts of spaces, the words of `CLAUSE_ENDS`, their pieces and
    /// others (`ogsom`, a Latin-1 letter, two spaces, a space at the end):
    /// the look at the spaces before a second byte of a word finds the
    /// first of them, as the look for each finds.
    #[test]
    fn the_first_clause_end_is_the_first_of_its_words() {
        let mut g = Gen(0x7777_2468_bbbb_1357);
        let parts = [
            " ", " ", "hvor", "som", "og", "fikk", "ble", "der", "x", "og  fikk", "ogsom", "h",
            "s", "d", "o", "å", "hvo", "varer", "kunne", " og er",
        ];
        let mut seen = 0;
        for _ in 0..20_000 {
            let s: String = (0..g.below(16)).map(|_| g.pick(&parts)).collect();
            let want = super::first_of(&s, crate::lexicon::CLAUSE_ENDS);
            assert_eq!(super::first_clause_end(&s), want, "{s:?}");
            seen += usize::from(want.is_some());
        }
        assert!(seen > 500, "{seen}");
    }

    /// A clause of up to [`super::MAX_CLAUSE_COUNTS`] counts is read as a
    /// sentence (a count's statement from the count before it, or the
    /// ` og ` after that, to the clause's end); in a clause of more (a
    /// table flattened into text) each runs from its count to the next, so
    /// no statement is read past the count after it.
    #[test]
    fn a_clause_of_many_counts_reads_each_to_the_next() {
        use super::{Candidate, MAX_CLAUSE_COUNTS, statement};
        let cands_of = |clause: &str| -> Vec<Candidate> {
            (clause.match_indices(|c: char| c.is_ascii_digit()))
                .map(|(at, _)| Candidate {
                    at,
                    value: 1,
                    noun: None,
                })
                .collect()
        };
        let pieces = |clause: &'static str| -> Vec<&'static str> {
            let cands = cands_of(clause);
            (0..cands.len())
                .map(|n| {
                    let (from, to) = statement(clause, &cands, n);
                    &clause[from..to]
                })
                .collect()
        };
        let sentence = "Antall 1 prosjekt 2 rapporter og 3 artikler";
        assert_eq!(
            pieces(sentence),
            [
                "Antall 1 prosjekt 2 rapporter og 3 artikler",
                "1 prosjekt 2 rapporter",
                "og 3 artikler"
            ]
        );
        let table = "Antall 1 prosjekt 2 rapporter 3 artikler 4 notater og 5 kurs";
        assert!(cands_of(table).len() > MAX_CLAUSE_COUNTS);
        assert_eq!(
            pieces(table),
            [
                "Antall 1 prosjekt ",
                "2 rapporter ",
                "3 artikler ",
                "4 notater",
                "5 kurs"
            ]
        );
        // Read as a sentence, the first statement ran to the clause's end.
        let four = "Antall 1 prosjekt 2 rapporter 3 artikler 4 notater";
        assert_eq!(cands_of(four).len(), MAX_CLAUSE_COUNTS);
        assert_eq!(pieces(four)[0], four);
    }

    /// Every two bytes: the table of openings says what the first-byte
    /// table and the pairs of `Values::may_open` say of a word that starts
    /// with them, or of a word of one byte when the second is a separator.
    #[test]
    fn the_table_of_openings_is_the_first_byte_and_the_pairs() {
        let values = Values::new();
        for first in 0..=u8::MAX {
            for second in 0..=u8::MAX {
                let word: &[u8] = if super::is_separator(second) {
                    &[first]
                } else {
                    &[first, second]
                };
                let want = values.may_start(first) && values.may_open(word);
                assert_eq!(
                    super::may_open_with(first, second),
                    want,
                    "{first:#x} {second:#x}"
                );
            }
        }
    }

    /// Every character that lower-cases only to letters of the number
    /// words has no fewer bytes than what it lower-cases to; and of the
    /// number words in every case, with quotes and marks at their ends, and
    /// of all short words of their letters, quotes and marks, every word
    /// that reads as a count is no shorter than `SHORTEST` says of its
    /// first byte.
    #[test]
    fn no_word_that_reads_as_a_count_is_shorter_than_its_bound() {
        let letters: Vec<char> = NUMBER_WORDS.iter().flat_map(|w| w.chars()).collect();
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            if c.to_lowercase().all(|l| letters.contains(&l)) {
                let lower: usize = c.to_lowercase().map(char::len_utf8).sum();
                assert!(c.len_utf8() >= lower, "{c:?}");
            }
        }
        let mut words: Vec<String> = Vec::new();
        for w in NUMBER_WORDS {
            let mut capital = w.chars();
            let capital: String = capital
                .next()
                .into_iter()
                .flat_map(char::to_uppercase)
                .chain(capital)
                .collect();
            for cased in [w.to_string(), w.to_uppercase(), capital] {
                for end in ["", ",", ";", ":", ")", "\"", "»", ".", "),", "»;"] {
                    words.push(format!("{cased}{end}"));
                }
            }
        }
        let pieces: Vec<char> = "aAtTeEfFnNsSiolåÅéÉø\u{212b}(\"«»1,;)".chars().collect();
        let mut short = vec![String::new()];
        for _ in 0..3 {
            short = short
                .iter()
                .flat_map(|w| pieces.iter().map(move |c| format!("{w}{c}")))
                .collect();
            words.extend(short.iter().cloned());
        }
        let mut values = Values::new();
        for w in &words {
            if super::reads(&mut values, w) {
                let first = usize::from(w.as_bytes()[0]);
                assert!(w.len() >= usize::from(super::SHORTEST[first]), "{w:?}");
            }
        }
    }

    /// Words of ASCII letters and digits, `å`, `Å`, `é`, `É`, `ø`, the
    /// Kelvin and Ångström signs, quotes, parentheses, marks and white space
    /// outside ASCII, and the number words in either case with quotes and
    /// marks, each at every offset of a text up to 20 bytes from its end:
    /// `Values::reads_at` (by the key of a word of letters, by the digits
    /// of one of digits, by its length and bytes of a long one) says what
    /// `reads` says of the word, and of long words that lower-case to a
    /// number word.
    #[test]
    fn reads_at_reads_a_word_as_reads_does() {
        let mut g = Gen(0x7c15_9e37_4a7c_79b9);
        let pieces: Vec<String> = ('a'..='z')
            .chain('A'..='Z')
            .chain('0'..='9')
            .chain("åÅéÉøØæÆß×÷\u{212a}\u{212b}()\"«»,;:.-\u{a0}\u{2003}–“…".chars())
            .map(String::from)
            .chain(
                NUMBER_WORDS
                    .iter()
                    .flat_map(|w| [w.to_string(), w.to_uppercase()]),
            )
            .chain(["1900", "2099", "2100", "4294967295", "4294967296", "000"].map(String::from))
            .collect();
        let mut values = Values::new();
        for _ in 0..100_000 {
            let word: String = (0..1 + g.below(4))
                .map(|_| pieces[g.below(pieces.len())].as_str())
                .collect();
            let before = "x ".repeat(g.below(10));
            let after = "y".repeat(g.below(20));
            let text = format!("{before}{word}{after}");
            let at = before.len()..before.len() + word.len();
            let want = super::reads(&mut values, &word);
            // The checks made where the word is found turn away none that reads.
            let may = values.may_read_at(text.as_bytes(), at.clone());
            assert!(may || !want, "{word:?} in {text:?}");
            let read = values.reads_at(&text, at.clone());
            assert_eq!(read.is_some(), want, "{word:?} in {text:?}");
            // The value told is what `value_of` reads of the bytes read.
            if let Some(super::Read::As { len, value }) = read {
                let bytes = &text[at.start..at.start + len];
                assert_eq!(value_of(bytes), Some(value), "{word:?} in {text:?}");
            }
        }
        // Longer than a number word, but lower-cased to one; and number
        // words with a Latin-1 letter in every case.
        for word in [
            "se\u{212a}sten",
            "se\u{212a}sten,",
            "\u{212b}tte",
            "tretten\u{212a}",
            "fØrti",
            "FøRTI:",
            "Åtte",
            "åTTE",
            "ÅTTE,",
        ] {
            let text = format!("x {word}");
            let want = super::reads(&mut values, word);
            let may = values.may_read_at(text.as_bytes(), 2..text.len());
            assert!(may || !want, "{word:?}");
            let read = values.reads_at(&text, 2..text.len());
            assert_eq!(read.is_some(), want, "{word:?}");
        }
    }

    /// The pieces of the texts of `each_opening_finds_the_words_that_may_open_a_count`.
    const OPENING_PIECES: &[&[u8]] = &[
        b" ",
        b" ",
        b"\n",
        b"\t",
        b"  ",
        b"a",
        b"T",
        b"t",
        b"o",
        b"r",
        b"i",
        b"l",
        b"E",
        b"f",
        b"J",
        b"n",
        b"u",
        b"s",
        b"y",
        b"x",
        b"K",
        b"e",
        b"1",
        b"2",
        b"(",
        b")",
        b"\"",
        b",",
        b".",
        b"-",
        b"\x1c",
        "å".as_bytes(),
        "Å".as_bytes(),
        "é".as_bytes(),
        "É".as_bytes(),
        "ø".as_bytes(),
        "–".as_bytes(),
        "«".as_bytes(),
        "§".as_bytes(),
        "\u{84}".as_bytes(),
        "\u{1681}".as_bytes(),
        "\u{180e}".as_bytes(),
        "\u{200b}".as_bytes(),
        "\u{2019}".as_bytes(),
        "‰".as_bytes(),
        "\u{2060}".as_bytes(),
        "\u{3001}".as_bytes(),
        b"to",
        b"atten",
        b"til",
        b"tre",
    ];

    /// Texts of letters in either case that open number words and do not,
    /// digits, quotes, bytes outside ASCII (`å`, `Å`, `é`, `É`, a dash,
    /// characters that start as white space outside ASCII does but are
    /// none) and separators, of every length round the 16-byte lanes and the
    /// 64-byte windows, one
    /// in three with other white space (a no-break space, a carriage return
    /// …) anywhere: `each_opening` (SSE2 where there is SSE2) and the
    /// portable scan say whether a text has none, and in a text with none
    /// give each word between separators whose first two bytes may open a
    /// count, as the first-byte table and `Values::may_open` tell.
    #[test]
    fn each_opening_finds_the_words_that_may_open_a_count() {
        let mut g = Gen(0x0123_4567_89ab_cdef);
        let pieces = OPENING_PIECES;
        let others = [
            "\r", "\u{b}", "\u{c}", "\u{85}", "\u{a0}", "\u{1680}", "\u{2000}", "\u{200a}",
            "\u{2028}", "\u{2029}", "\u{202f}", "\u{205f}", "\u{3000}",
        ];
        let values = Values::new();
        for _ in 0..30_000 {
            let mut b = Vec::new();
            // Up to two windows and a bit.
            let len = g.below(160);
            while b.len() < len {
                b.extend_from_slice(pieces[g.below(pieces.len())]);
            }
            // Other white space in one text of three, anywhere.
            if g.below(3) == 0 {
                let mut at = g.below(b.len() + 1);
                while std::str::from_utf8(&b[at..]).is_err() {
                    at -= 1;
                }
                let other = g.pick(&others).as_bytes();
                b.splice(at..at, other.iter().copied());
            }
            let plain = !(0..b.len()).any(|i| super::other_space_at(&b, i));
            let mut want = Vec::new();
            let mut start = 0;
            for word in b.split(|&c| super::is_separator(c)) {
                let opens = word.first().is_some_and(|&first| {
                    values.may_start(first) && values.may_open(&word[..word.len().min(2)])
                });
                if opens {
                    want.push(start..start + word.len());
                }
                start += word.len() + 1;
            }
            let mut found = Vec::new();
            assert_eq!(super::each_opening(&b, |at| found.push(at)), plain, "{b:?}");
            if plain {
                assert_eq!(found, want, "{b:?}");
            }
            // The masks by words are the masks of the bytes, at every place.
            for at in (0..b.len()).step_by(7) {
                let mut window = [b' '; super::WINDOW];
                for (to, &from) in window.iter_mut().zip(&b[at..]) {
                    *to = from;
                }
                let bit = |k: usize, test: &dyn Fn(u8) -> bool| u64::from(test(window[k])) << k;
                let (lows, highs) = (super::OTHER_SPACE_LEADS.0, super::OTHER_SPACE_LEADS.1);
                let want = (0..super::LANES).fold((0, 0), |(s, l), k| {
                    let sep = bit(k, &|c| super::is_separator(c));
                    let lead = bit(k, &|c| {
                        (b'\t'..=lows[1]).contains(&c)
                            || (highs[0]..=highs[1]).contains(&c)
                            || c == super::OTHER_SPACE_LEADS.2
                    });
                    (s | sep, l | lead)
                });
                assert_eq!(super::window_masks_by_word(&window), want, "{window:?}");
                assert_eq!(super::window_masks(&window), want, "{window:?}");
            }
        }
    }

    /// Every character, at every offset of a lane: other white space
    /// starts in the text where the character is white space other than
    /// a space, line feed or tab.
    #[test]
    fn other_space_at_is_white_space_but_the_separators() {
        for c in (0..=0x10_ffff).filter_map(char::from_u32) {
            let want = c.is_whitespace() && !matches!(c, ' ' | '\n' | '\t');
            let at = c as usize % 17;
            let text = format!("{}{c}x", "a".repeat(at));
            let b = text.as_bytes();
            assert_eq!(
                (0..b.len()).any(|i| super::other_space_at(b, i)),
                want,
                "{c:?}"
            );
            assert_eq!(super::other_space_at(b, at), want, "{c:?}");
        }
    }

    /// Texts of count words, their neighbours and other words between all
    /// kinds of white space: [`count_words`] finds the words that read as a
    /// count, as the plain reading of each word does.
    #[test]
    fn count_words_finds_the_words_that_read_as_counts() {
        let mut g = Gen(0x9e37_79b9_7f4a_7c15);
        let spaces = [
            " ", " ", " ", "  ", "\n", "\t", "\r\n", "\u{a0}", "\u{2003}", "\u{b}",
        ];
        let mut words_of: Vec<&str> = WORDS.to_vec();
        words_of.extend(NUMBER_WORDS);
        words_of.extend([
            "får,", "år:", "Førti;", "ÅTTE", "første", "-", "#", "(tre),",
        ]);
        words_of.extend([
            "–",
            "–12",
            "\u{201c}tre\u{201d}",
            "…",
            "\u{2003}",
            "tiltak",
            "seg,",
        ]);
        words_of.extend([
            "Sju",
            "TO,",
            "fem;",
            "ti:",
            "2019",
            "12.",
            "tre.",
            "prosjekter",
        ]);
        let mut values = Values::new();
        for n in 0..5000 {
            // Blocks with no white space outside ASCII most of the time.
            let plain = n % 4 != 0;
            let mut text = String::new();
            for k in 0..g.below(12) {
                if k > 0 || g.below(4) == 0 {
                    let space = g.pick(&spaces[..if plain { 6 } else { spaces.len() }]);
                    text.push_str(space);
                }
                text.push_str(g.pick(&words_of));
            }
            let want: Vec<usize> = words(&text)
                .into_iter()
                .filter(|&(_, w)| {
                    value_of(w).is_some()
                        || w.strip_suffix([',', ';', ':'])
                            .is_some_and(|v| value_of(v).is_some())
                })
                .map(|(at, _)| at)
                .collect();
            let counting = count_words(&text, &mut values);
            assert_eq!(counting.at, want, "{text:?}");
            if counting.plain {
                assert_eq!(clause_words(&text), words(&text), "{text:?}");
            }
        }
    }

    /// Clauses of words and spaces, line feeds and tabs: the words around
    /// each word that `PlainNear` finds from where it stands, asked for in
    /// any order, are the words of the clause around it.
    #[test]
    fn the_words_near_a_word_are_the_words_of_its_clause() {
        use super::{Near, PlainNear, WORDS_AFTER};
        let mut g = Gen(0x0bad_5eed_1234_9876);
        let pieces = [
            "tre", "Av", "å", "x", ",", "«12»", " ", " ", "  ", "\n", "\t",
        ];
        for _ in 0..20_000 {
            let clause: String = (0..g.below(16)).map(|_| g.pick(&pieces)).collect();
            let ws = clause_words(&clause);
            for (k, &(at, w)) in ws.iter().enumerate() {
                let mut near = PlainNear::new(&clause, at);
                assert_eq!(near.word(), (at, w), "{clause:?}");
                let first = g.below(WORDS_AFTER + 1);
                for i in std::iter::once(first).chain(0..WORDS_AFTER + 1) {
                    let want = ws.get(k + 1 + i).map(|&(_, w)| w);
                    assert_eq!(near.after(i), want, "{clause:?} {k} {i}");
                }
                for i in 0..4 {
                    let want = k.checked_sub(1 + i).map(|j| ws[j].1);
                    assert_eq!(near.before(i), want, "{clause:?} {k} {i}");
                }
            }
        }
    }

    /// Clauses of counts, nouns and the words that make or unmake them, in
    /// a plain block: the candidates found from the words around each count
    /// are those found in the clause's words.
    #[test]
    fn the_candidates_of_a_plain_clause_are_those_of_its_words() {
        let mut g = Gen(0x7777_0000_abcd_ef01);
        let pieces = [
            "tre",
            "Tre",
            "12",
            "23.",
            "3,",
            "fem",
            "Åtte",
            "to,",
            "prosjekter",
            "Prosjektene",
            "oppdragsprosjekter",
            "analyser",
            "av",
            "Av",
            "disse",
            "de",
            "nye",
            "fikk",
            "ble",
            "ferdigstilt",
            "hvorav",
            "millioner",
            "000",
            "kr.",
            "nr.",
            "artikler",
            "søknader",
            "«fire»",
            "x",
        ];
        let separators = [" ", " ", "  ", "\n", "\t"];
        let mut values = Values::new();
        let mut found = 0;
        for _ in 0..20_000 {
            let mut block = String::from("Før dette");
            if g.below(2) == 0 {
                block.push_str(", ");
            } else {
                block.push_str(g.pick(&separators));
            }
            let base = if block.ends_with(", ") {
                block.len()
            } else {
                0
            };
            for k in 0..g.below(12) {
                if k > 0 {
                    block.push_str(g.pick(&separators));
                }
                block.push_str(g.pick(&pieces));
            }
            let counting = count_words(&block, &mut values);
            assert!(counting.plain);
            let clause = &block[base..];
            let read = |plain: bool, values: &mut Values| -> Vec<_> {
                let mut cands = Vec::new();
                super::candidates(clause, (&counting.at, base, plain), values, &mut cands);
                cands.into_iter().map(|c| (c.at, c.value, c.noun)).collect()
            };
            let by_words = read(false, &mut values);
            assert_eq!(read(true, &mut values), by_words, "{block:?}");
            found += by_words.len();
        }
        assert!(found > 1000, "{found}");
    }

    /// Words that start as a count may: numbers, number words in any case,
    /// words around them, quotes, and white space outside ASCII.
    const WORDS: &[&str] = &[
        "fjorten",
        "fjortenx",
        "Fjortens",
        "forskningen",
        "tretten)",
        "tretten))",
        "femten\"",
        "femten»",
        "tilsammen",
        "seksten–",
        "(seksten)",
        "(NPR).",
        "(Øst-Viken)",
        "«1000",
        "(37",
        "((",
        "(",
        "«",
        "(\u{a0}tre",
        "\u{a0}(tre",
        "«(tre)»",
        "(12,",
        "4294967296",
        "4294967295)",
        "12»»",
        "0012",
        "12a",
        "12345678",
        "12",
        "(12)",
        "«tre»",
        "\"fire\"",
        "2021",
        "1899",
        "99999999999",
        "tre",
        "Tre",
        "TRE",
        "tretten",
        "Åtte",
        "åtte",
        "én",
        "en",
        "et",
        "ett",
        "null",
        "ni",
        "ti",
        "to",
        "to,",
        "to;",
        "to:",
        "to.",
        "12,",
        "23.",
        "fem:",
        "for",
        "som",
        "til",
        "forskningsprosjekter",
        "femtenåringer",
        "a",
        "(",
        "«",
        "»",
        "\u{212b}tte",
        "sytten",
        "SyTTen",
        "tjue",
        "førti",
        "fjortende",
        "tre-fire",
        "–",
        "–12",
        "“tre”",
        "…",
        "",
    ];

    #[test]
    fn the_table_of_values_gives_what_value_of_gives() {
        let mut values = Values::new();
        // Twice round: the second time from the table.
        for _ in 0..2 {
            for w in WORDS {
                assert_eq!(values.value_of(w), value_of(w), "{w:?}");
            }
        }
        // Many words for few slots: each new one takes an old one's slot.
        for n in 0..5000 {
            let w = format!("a{n}");
            assert_eq!(values.value_of(&w), value_of(&w), "{w:?}");
            let w = format!("{n}");
            assert_eq!(values.value_of(&w), value_of(&w), "{w:?}");
        }
    }

    /// `classify` asks for the text of a statement only when its noun is
    /// a PhD or a project (`clause_counts` normalises a clause or a piece
    /// of it only when asked): of the others, what it says is the same
    /// whatever the text, and it never asks; of those two, what it says of
    /// texts that tell them apart.
    #[test]
    fn classify_reads_the_text_only_for_phds_and_projects() {
        use super::{Funding, Noun, Searchable, classify};
        let texts = [
            "",
            "vi har disputert",
            "er under utdanning",
            "ble ferdigstilt i år",
            "nye prosjekter startet",
            "innvilget i år",
            "tematiske prosjekter pågår",
            "prosjektet pågår",
            "leverte sluttrapport",
        ];
        let nouns = [
            None,
            Some(Noun::Project),
            Some(Noun::Analysis),
            Some(Noun::Publication),
            Some(Noun::Phd),
            Some(Noun::Other),
        ];
        let fundings = [None, Some(Funding::Bidrag), Some(Funding::Oppdrag)];
        let empty = Searchable::new("");
        let mut told = std::collections::HashSet::new();
        for noun in nouns {
            for funding in fundings {
                let reads = matches!(noun, Some(Noun::Phd | Noun::Project));
                for text in texts {
                    let t = Searchable::new(text);
                    let asked = std::cell::Cell::new(false);
                    let read = classify(
                        || {
                            asked.set(true);
                            &t
                        },
                        noun,
                        funding,
                    );
                    assert_eq!(asked.get(), reads, "{noun:?} {funding:?} {text:?}");
                    if !reads {
                        assert_eq!(read, classify(|| &empty, noun, funding));
                    }
                    told.insert(read);
                }
            }
        }
        assert!(told.len() >= 8, "{told:?}");
    }

    #[test]
    fn a_block_may_state_a_count_when_a_clause_has_a_candidate() {
        let texts = [
            "Vi hadde tre prosjekter, to analyser; fire: ferdig.",
            "Av disse ble to, tre ferdigstilt",
            "Ingen tall her. Bare ord",
            "Frist 12. mars, og 2021 ble det",
            "Tall i «12» og (tre) og fem:",
            "ord\u{a0}tre\u{2003}ord",
            "to\tord\nfem\rx",
            "Neste: «Åtte» av ti; ni, ferdig!",
            "2021, 2022; 1999: 12.",
            "en, et; ett: null.",
        ];
        let mut values = Values::new();
        for t in texts {
            let in_clauses = sentences(t).into_iter().any(|(ss, se)| {
                let s = &t[ss..se];
                clauses(s)
                    .into_iter()
                    .any(|(cs, ce)| s[cs..ce].split_whitespace().any(|w| value_of(w).is_some()))
            });
            assert_eq!(may_state_count(t, &mut values), in_clauses, "{t:?}");
            // Each clause with a word that reads as a count starts one of
            // the words `count_words` gives.
            let counting = count_words(t, &mut values).at;
            for (ss, se) in sentences(t) {
                let s = &t[ss..se];
                for (cs, ce) in clauses(s) {
                    if s[cs..ce].split_whitespace().any(|w| value_of(w).is_some()) {
                        assert!(
                            counting.iter().any(|&at| (ss + cs..ss + ce).contains(&at)),
                            "{t:?} {:?}",
                            &s[cs..ce]
                        );
                    }
                }
            }
        }
    }

    const HEAD: &str = "FoU-rapport 2021\n\nForord\n\nEn kort tekst.\n\n";

    /// A mismatch's message is the one the `format!`s it replaced wrote,
    /// for every number of sections named, one and more items stated and
    /// found, and texts beyond ASCII.
    #[test]
    fn a_mismatch_message_is_what_the_format_wrote() {
        fn formatted(c: &crate::StatedCount, names: (&str, &str), tally: &super::Tally) -> String {
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
        let names = ("completed bidrag project", "completed bidrag projects");
        let titles = ["Bidrag", "Nye «prosjekter» – 2021", "Oppdrag", "Æ"];
        for value in [0, 1, 7, u32::MAX] {
            for found in [0, 1, 2, usize::MAX] {
                for n in 0..=titles.len() {
                    let c = crate::StatedCount {
                        text: "Vi avsluttet 7 prosjekter i år".into(),
                        value,
                        refers_to: crate::RefersTo::ProjectsBidrag,
                        span: crate::Span {
                            start: 0,
                            end: 1,
                            line_start: 1,
                            line_end: 1,
                        },
                    };
                    let tally = super::Tally {
                        found,
                        sections: titles[..n].iter().map(|t| t.to_string()).collect(),
                    };
                    assert_eq!(
                        super::mismatch_message(&c, names, &tally),
                        formatted(&c, names, &tally)
                    );
                }
            }
        }
    }

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

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

use foldhash::HashSet;

use super::marks::{Marks, Scan};
use super::{Block, Repair, RepairKind, Repairs};
use crate::lexicon::{HYPHEN_CONJUNCTIONS, KNOWN_ACRONYMS};
use crate::lines::MappedText;

/// The words the rules ask about, lower case, gathered in a first pass over
/// the blocks that answers every question "no": only these are then looked
/// for among the text's words (a handful per report, where the text has
/// tens of thousands).
#[derive(Default)]
struct Asked {
    keys: HashSet<String>,
    /// Questions asked (repeats included).
    count: usize,
}

impl Asked {
    fn ask(&mut self, word: &str) -> bool {
        self.count += 1;
        let l = crate::text::lower(word);
        if !self.keys.contains(&*l) {
            self.keys.insert(l.into_owned());
        }
        false
    }
}

/// A cheap test that rules out most tokens before they are lower-cased and
/// hashed: the byte lengths and the first bytes of the asked words.
struct KeyFilter {
    /// Bit `n` (`n` < 63): an asked word is `n` bytes long; bit 63: 63 or more.
    lengths: u64,
    /// Bit `b`: an asked word starts with the ASCII byte `b`.
    firsts: u128,
    /// An asked word starts with a non-ASCII character.
    non_ascii_first: bool,
}

impl KeyFilter {
    fn length_bit(len: usize) -> u64 {
        1 << len.min(63)
    }

    fn new(keys: &HashSet<String>) -> Self {
        let mut f = KeyFilter {
            lengths: 0,
            firsts: 0,
            non_ascii_first: false,
        };
        for k in keys {
            f.lengths |= Self::length_bit(k.len());
            match k.bytes().next() {
                Some(b) if b.is_ascii() => f.firsts |= 1 << b,
                Some(_) => f.non_ascii_first = true,
                None => {}
            }
        }
        f
    }

    /// May `token` lower-cased be an asked word? (Lower-casing keeps an
    /// ASCII byte ASCII and an ASCII token's length; other characters may
    /// change length, so a non-ASCII token passes the length test.)
    fn may_match(&self, token: &str) -> bool {
        let first_ok = match token.bytes().next() {
            Some(b) if b.is_ascii() => self.firsts & (1 << b.to_ascii_lowercase()) != 0,
            Some(_) => self.non_ascii_first || self.firsts != 0,
            None => false,
        };
        first_ok && (self.lengths & Self::length_bit(token.len()) != 0 || !token.is_ascii())
    }
}

/// The asked words that occur in the text, lower case: standing alone or as
/// a whole token (hyphenated compounds included) as written.
#[derive(Default)]
pub(super) struct Words {
    words: HashSet<String>,
}

impl Words {
    fn of<'s>(texts: impl IntoIterator<Item = &'s str>, asked: &HashSet<String>) -> Self {
        let mut words = HashSet::default();
        if asked.is_empty() {
            return Words { words };
        }
        let filter = KeyFilter::new(asked);
        for text in texts {
            for token in text.split_whitespace() {
                let t = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
                let t = t.trim_start_matches('-');
                // `Fjord-` (a part broken off) is not a word standing alone.
                if t.is_empty() || t.ends_with('-') || !filter.may_match(t) {
                    continue;
                }
                let l = crate::text::lower(t);
                if asked.contains(&*l) && !words.contains(&*l) {
                    words.insert(l.into_owned());
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

/// The cuts that mend `X- y`: the clean ranges to leave out. Only the
/// places `k` of `text` where a space may follow a hyphen are looked at
/// ([`Scan::before_space`]: every `- ` is among them).
fn spaced_hyphen_cuts(
    text: &str,
    places: &[usize],
    has: &mut impl FnMut(&str) -> bool,
) -> Vec<(usize, usize)> {
    let mut cuts = Vec::new();
    let bytes = text.as_bytes();
    let spaced = places
        .iter()
        .filter(|&&k| bytes.get(k) == Some(&b' ') && bytes.get(k.wrapping_sub(1)) == Some(&b'-'))
        .map(|&k| k - 1);
    for i in spaced {
        // The part after the hyphen first: most hyphens with a space
        // after them stand before a conjunction (`helse- og`) or a number,
        // and the part before is not read.
        let (second, hyphen_follows) = word_after(text, i + 2);
        let lower = second.chars().next().is_some_and(char::is_lowercase);
        if !lower || hyphen_follows || HYPHEN_CONJUNCTIONS.contains(&second) {
            continue;
        }
        let first = word_before(text, i);
        if first.chars().count() < 2 {
            continue;
        }
        let acronym = first.chars().all(char::is_uppercase);
        if acronym {
            cuts.push((i + 1, i + 2)); // `IKT- verktøy` → `IKT-verktøy`
        } else if has(&format!("{first}{second}")) || !has(first) {
            cuts.push((i, i + 2));
        }
    }
    cuts
}

/// May `b` end an upper-case letter: an ASCII capital or any non-ASCII byte
/// (the last byte of a non-ASCII character is one; a lead byte passes too,
/// but what follows it, a continuation byte, fails [`may_start_capital`]).
fn may_end_capital(b: u8) -> bool {
    (b.wrapping_sub(b'A') < 26) | (b >= 0x80)
}

/// May `b` start an upper-case letter: an ASCII capital or a UTF-8 lead byte.
fn may_start_capital(b: u8) -> bool {
    (b.wrapping_sub(b'A') < 26) | (b >= 0xC0)
}

/// May `b` follow the first byte of the second capital of a run: an ASCII
/// lower-case letter (the letter after an ASCII capital) or any byte of a
/// non-ASCII character (the rest of a non-ASCII capital, or a letter after).
fn may_follow_capital(b: u8) -> bool {
    (b.wrapping_sub(b'a') < 26) | (b >= 0x80)
}

/// Do bytes `k - 2`, `k - 1` and `k` pass the byte tests of a run's two
/// capitals (the second starting at `k - 1`) and what follows?
pub(super) fn is_pair_start(w: &[u8]) -> bool {
    match *w {
        [a, b, c] => may_end_capital(a) & may_start_capital(b) & may_follow_capital(c),
        _ => false,
    }
}

/// The letter of Latin-1 Supplement (`À`–`ÿ`, lead byte `C3`) at byte `i`,
/// decoded without the Unicode tables: Norwegian `æøå` are most of the
/// non-ASCII characters of a report.
fn latin_1_letter(bytes: &[u8], i: usize) -> Option<Latin1> {
    match bytes.get(i..i + 2)? {
        &[0xC3, second @ 0x80..=0xBF] => Some(Latin1(0xC0 + (second - 0x80))),
        _ => None,
    }
}

/// A character `U+00C0`–`U+00FF`, as its code point.
#[derive(Clone, Copy)]
struct Latin1(u8);

impl Latin1 {
    /// `À`–`Þ` but `×`, as [`char::is_uppercase`] has it.
    fn is_uppercase(self) -> bool {
        (0xC0..=0xDE).contains(&self.0) && self.0 != 0xD7
    }

    /// `ß`–`ÿ` but `÷`, as [`char::is_lowercase`] has it.
    fn is_lowercase(self) -> bool {
        self.0 >= 0xDF && self.0 != 0xF7
    }
}

/// Does `text` have two upper-case letters and a lower-case one in a row
/// (`NAVk`)? Every lost hyphen has them (an acronym of 2+ capitals runs
/// straight into a lower-case part): the cheap test before the words are
/// split.
#[cfg(test)]
fn has_caps_into_lower(text: &str) -> bool {
    caps_into_lower(text, Scan::of(text).caps())
        .next()
        .is_some()
}

/// Is the character at byte `i` of `text` upper-case, lower-case, and how
/// many bytes long? ASCII is tested by the byte, Latin-1 letters decoded
/// without the Unicode tables, other characters decoded.
fn case_at(text: &str, i: usize) -> (bool, bool, usize) {
    let bytes = text.as_bytes();
    match bytes.get(i) {
        Some(&b) if b.is_ascii() => (b.is_ascii_uppercase(), b.is_ascii_lowercase(), 1),
        _ => match latin_1_letter(bytes, i) {
            Some(c) => (c.is_uppercase(), c.is_lowercase(), 2),
            None => match text.get(i..).and_then(|t| t.chars().next()) {
                Some(c) => (c.is_uppercase(), c.is_lowercase(), c.len_utf8()),
                None => (false, false, 1),
            },
        },
    }
}

/// Is the character that ends before byte `i` of `text` upper-case?
fn upper_before(text: &str, i: usize) -> bool {
    let bytes = text.as_bytes();
    match i.checked_sub(1).and_then(|j| bytes.get(j)) {
        Some(&b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => match i.checked_sub(2).and_then(|j| latin_1_letter(bytes, j)) {
            Some(c) => c.is_uppercase(),
            None => text
                .get(..i)
                .and_then(|t| t.chars().next_back())
                .is_some_and(char::is_uppercase),
        },
    }
}

/// Where two upper-case letters or more run into a lower-case one: the
/// byte offset of each such lower-case letter (`NAV|k`), in order. Only the
/// places a scan found ([`Scan::caps`]: each `k` where bytes `k - 2..=k`
/// pass [`is_pair_start`]) are decoded: a lower-case letter whose two
/// characters before are upper-case.
fn caps_into_lower<'t>(text: &'t str, places: &'t [usize]) -> impl Iterator<Item = usize> + 't {
    places.iter().filter_map(move |&k| {
        // The second capital starts at `k - 1` (an ASCII byte or a lead
        // byte: a character boundary).
        let (upper, _, len) = case_at(text, k.checked_sub(1)?);
        if !upper || !upper_before(text, k - 1) {
            return None;
        }
        let next = k - 1 + len;
        case_at(text, next).1.then_some(next)
    })
}

/// Does `c` go on a token of [`lost_hyphens`]: letters, digits and hyphens?
fn in_token(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// The token (a run of [`in_token`] characters) around byte `at` of `text`,
/// as a byte range.
fn token_around(text: &str, at: usize) -> (usize, usize) {
    let start = text[..at]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| in_token(c))
        .last()
        .map_or(at, |(i, _)| i);
    let end = text[at..]
        .find(|c: char| !in_token(c))
        .map_or(text.len(), |k| at + k);
    (start, end)
}

/// The clean offsets where a lost hyphen goes back (`NAV|kontor`): only the
/// tokens where capitals run into a lower-case letter ([`caps_into_lower`],
/// at the scan's `places`) are read, each once, in order.
fn lost_hyphens(text: &str, places: &[usize], has: &mut impl FnMut(&str) -> bool) -> Vec<usize> {
    let mut at = Vec::new();
    let mut read_to = 0;
    for p in caps_into_lower(text, places) {
        if p < read_to || short_lower_run(text.as_bytes(), p) {
            continue; // in the token just read, or no second part of a lost hyphen
        }
        let (start, end) = token_around(text, p);
        read_to = end;
        if let Some(cut) = lost_hyphen_in(&text[start..end], has) {
            at.push(start + cut);
        }
    }
    at
}

/// Does an ASCII byte that is no lower-case letter (or the text's end)
/// come within three bytes from `p`, after ASCII lower-case letters only
/// (`NAV|s `, `NTNU|s`)? Then the lower-case letter at `p` starts no
/// second part of a lost hyphen, which is three lower-case letters or more
/// to the end of its token ([`lost_hyphen_in`]): the letters stop short of
/// three, or the token goes on with a digit, a hyphen or a capital. Told
/// without the token read; a non-ASCII byte tells nothing.
fn short_lower_run(bytes: &[u8], p: usize) -> bool {
    for i in p..p + MIN_PART_CHARS {
        match bytes.get(i) {
            Some(b) if b.is_ascii_lowercase() => {}
            Some(b) if !b.is_ascii() => return false,
            _ => return true,
        }
    }
    false
}

/// The fewest characters of the lower-case part of a lost hyphen's word
/// (`NAV-kontor`): a shorter one is an ending (`NAVs`, `NTNUs`).
const MIN_PART_CHARS: usize = 3;

/// Where a lost hyphen goes back in `token` (`NAV|kontor`): a token of two
/// capitals or more and three lower-case letters or more, whose acronym is
/// known or whose hyphenated form the text has.
fn lost_hyphen_in(token: &str, has: &mut impl FnMut(&str) -> bool) -> Option<usize> {
    // Two capitals first: the cheap test that rules out almost every word.
    let caps = token.chars().take_while(|c| c.is_uppercase()).count();
    if caps < 2 || !is_letter_run(token) {
        return None;
    }
    let cut = token
        .char_indices()
        .nth(caps)
        .map_or(token.len(), |(i, _)| i);
    let (acronym, rest) = token.split_at(cut);
    if rest.chars().count() < MIN_PART_CHARS || !rest.chars().all(char::is_lowercase) {
        return None;
    }
    (KNOWN_ACRONYMS.contains(&acronym) || has(&format!("{acronym}-{rest}"))).then_some(cut)
}

/// The mends of `text`: the cuts of `X- y` and where lost hyphens go back.
type Mends = (Vec<(usize, usize)>, Vec<usize>);

/// The mends of `text`, whose [`Scan`] is `scan`.
fn mends_of(text: &str, scan: &Scan, has: &mut impl FnMut(&str) -> bool) -> Mends {
    (
        spaced_hyphen_cuts(text, scan.before_space(), has),
        lost_hyphens(text, scan.caps(), has),
    )
}

/// Mend the broken hyphens of every block, knowing the whole text's words;
/// the [`Marks`] of every block's text, as mended, for the passes after.
///
/// Three passes: the first finds the blocks with something to mend and the
/// words the rules ask about (answering "no"), reading only the blocks
/// whose marks say they may have a hyphen to mend; the second looks for
/// just those words in the whole text; the third mends the blocks found,
/// with the true answers. A block whose mends asked nothing is mended as
/// the first pass found it.
pub(super) fn mend_blocks(blocks: &mut [Block<'_>], repairs: &mut Repairs) -> Vec<Marks> {
    let mut asked = Asked::default();
    let mut todo = Vec::new();
    let mut marks = Vec::with_capacity(blocks.len());
    let mut scan = Scan::default();
    for (i, block) in blocks.iter().enumerate() {
        crate::work::add(1);
        scan.run(block.text().as_bytes());
        marks.push(scan.marks(block.text().as_bytes()));
        if !scan.may_mend() {
            continue;
        }
        let before = asked.count;
        let (cuts, hyphens) = mends_of(block.text(), &scan, &mut |w| asked.ask(w));
        if asked.count > before || !cuts.is_empty() || !hyphens.is_empty() {
            todo.push(i);
        }
    }
    if todo.is_empty() {
        return marks;
    }
    let words = Words::of(blocks.iter().map(Block::text), &asked.keys);
    for i in todo {
        if let Some(block) = blocks.get_mut(i)
            && let Some(text) = mend_recorded(&block.text, &words, &mut scan, repairs)
        {
            block.text = text;
            scan.run(block.text().as_bytes());
            if let Some(m) = marks.get_mut(i) {
                *m = scan.marks(block.text().as_bytes());
            }
        }
    }
    marks
}

/// `text` with its broken hyphens mended, or `None` when none were; each
/// mend recorded in `repairs` (the word around it, and what it became).
fn mend_recorded(
    text: &MappedText<'_>,
    words: &Words,
    scan: &mut Scan,
    repairs: &mut Repairs,
) -> Option<MappedText<'static>> {
    let t = text.as_str();
    scan.run(t.as_bytes());
    let (cuts, hyphens) = mends_of(t, scan, &mut |w| words.has(w));
    if cuts.is_empty() && hyphens.is_empty() {
        return None;
    }
    let mended = text.edited(&cuts, &hyphens);
    if !repairs.keeps() {
        return Some(mended);
    }
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
        repairs.push(|| Repair::new(kind, start, end, mended.as_str().get(new0..new1)));
        shift += delta;
    }
    Some(mended)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mend(text: &MappedText<'_>, words: &Words) -> Option<MappedText<'static>> {
        mend_recorded(text, words, &mut Scan::default(), &mut Repairs::default())
    }

    /// The words of `texts` that the mends of `line` ask about.
    fn words_for(line: &str, texts: &[&str]) -> Words {
        let mut asked = Asked::default();
        mends_of(line, &Scan::of(line), &mut |w| asked.ask(w));
        Words::of(texts.iter().copied(), &asked.keys)
    }

    fn mended(line: &str, elsewhere: &str) -> String {
        let words = words_for(line, &[line, elsewhere]);
        let text = MappedText::verbatim(line, 0);
        mend(&text, &words).map_or_else(|| line.to_owned(), |m| m.as_str().to_owned())
    }

    #[test]
    fn latin_1_letters_have_the_case_unicode_gives_them() {
        for c in '\u{c0}'..='\u{ff}' {
            let mut buf = [0u8; 4];
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            let Some(l) = latin_1_letter(bytes, 0) else {
                panic!("{c} is not read");
            };
            assert_eq!(l.is_uppercase(), c.is_uppercase(), "{c}");
            assert_eq!(l.is_lowercase(), c.is_lowercase(), "{c}");
        }
        assert!(latin_1_letter("é".as_bytes(), 1).is_none());
        assert!(latin_1_letter("\u{a0}".as_bytes(), 0).is_none());
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
    fn the_cheap_test_finds_every_acronym_run_into_a_word() {
        for t in [
            "tolv NAVkontor",
            "ÆØÅgreie",
            "i ABCprosjektet",
            "«NAVkontor»",
        ] {
            assert!(has_caps_into_lower(t), "{t}");
        }
        for t in ["NAV kontor", "FoU", "NAV", "SINTEF.", "æøå ÆØ å", ""] {
            assert!(!has_caps_into_lower(t), "{t}");
        }
    }

    /// [`caps_into_lower`] as it read first, char by char: the offset of
    /// each lower-case letter after two upper-case ones or more.
    fn caps_into_lower_by_char(text: &str) -> Vec<usize> {
        let mut caps = 0;
        let mut at = Vec::new();
        for (i, c) in text.char_indices() {
            if c.is_lowercase() && caps >= 2 {
                at.push(i);
            }
            caps = if c.is_uppercase() { caps + 1 } else { 0 };
        }
        at
    }

    #[test]
    fn the_pair_scan_agrees_char_by_char() {
        let alphabet = [
            "A", "B", "a", "æ", "ø", "Å", "Æ", "ß", "÷", "×", "ÿ", "Ā", "ā", "Я", "я", " ", "-",
        ];
        // Every string of up to four pieces, alone and after fillers that
        // put it across the scan's windows.
        let texts = crate::testing::concatenations(&alphabet, 4);
        let fillers: Vec<String> = [0, 1, 13, 14, 15, 16, 17, 29, 30, 31, 32, 33]
            .iter()
            .map(|&n| "æbcd ".repeat(7).chars().take(n).collect())
            .collect();
        for t in &texts {
            for f in &fillers {
                let text = format!("{f}{t}{f}{t}");
                assert_eq!(
                    caps_into_lower(&text, Scan::of(&text).caps()).collect::<Vec<_>>(),
                    caps_into_lower_by_char(&text),
                    "{text}"
                );
            }
        }
    }

    /// [`spaced_hyphen_cuts`] as it read before it looked only at the
    /// scan's places: every hyphen of the text (`memchr`) with a space after.
    fn spaced_hyphen_cuts_by_memchr(
        text: &str,
        has: &mut impl FnMut(&str) -> bool,
    ) -> Vec<(usize, usize)> {
        let bytes = text.as_bytes();
        let places: Vec<usize> = memchr::memchr_iter(b'-', bytes)
            .filter(|&i| bytes.get(i + 1) == Some(&b' '))
            .map(|i| i + 1)
            .collect();
        spaced_hyphen_cuts(text, &places, has)
    }

    #[test]
    fn the_spaced_hyphens_are_those_every_hyphen_gives() {
        let pieces = [
            "Fjord", "- ", "forsk", "-", " ", ")", "og", "IKT", "\n", "ø",
        ];
        let fillers = ["", "abcdefghijklmn", "abcdefghijklmnop"];
        for t in crate::testing::concatenations(&pieces, 5) {
            for f in fillers {
                let text = format!("{f}{t}");
                let (mut fast, mut slow) = (Vec::new(), Vec::new());
                let places = Scan::of(&text).before_space().to_vec();
                let found = spaced_hyphen_cuts(&text, &places, &mut |w: &str| {
                    fast.push(w.to_owned());
                    false
                });
                let expected = spaced_hyphen_cuts_by_memchr(&text, &mut |w: &str| {
                    slow.push(w.to_owned());
                    false
                });
                assert_eq!((found, fast), (expected, slow), "{text:?}");
            }
        }
    }

    /// What `find` finds, and the words it asks (in order), `has`
    /// answering `answer`.
    fn asking<T>(
        answer: bool,
        find: impl FnOnce(&mut dyn FnMut(&str) -> bool) -> T,
    ) -> (T, Vec<String>) {
        let mut asked = Vec::new();
        let found = find(&mut |w: &str| {
            asked.push(w.to_owned());
            answer
        });
        (found, asked)
    }

    /// The cut [`spaced_hyphen_cuts`] makes at the `- ` at byte `i`, as it
    /// read before it read the part after the hyphen first: both parts
    /// read, then tested.
    fn cut_reading_both_parts(
        text: &str,
        i: usize,
        has: &mut dyn FnMut(&str) -> bool,
    ) -> Option<(usize, usize)> {
        let first = word_before(text, i);
        let (second, hyphen_follows) = word_after(text, i + 2);
        let lower = second.chars().next().is_some_and(char::is_lowercase);
        if first.chars().count() < 2
            || !lower
            || hyphen_follows
            || HYPHEN_CONJUNCTIONS.contains(&second)
        {
            None
        } else if first.chars().all(char::is_uppercase) {
            Some((i + 1, i + 2))
        } else {
            (has(&format!("{first}{second}")) || !has(first)).then_some((i, i + 2))
        }
    }

    /// The part after the hyphen read first turns down what reading both
    /// turned down, and asks the same words in the same order (`has`
    /// answering yes, then no).
    #[test]
    fn the_part_after_the_hyphen_read_first_cuts_the_same() {
        let pieces = [
            "Fjord", "- ", "forsk", "og", "-", " ", "IKT", "ø", "Å", "2", "a",
        ];
        let mut cut = 0;
        for text in crate::testing::concatenations(&pieces, 5) {
            let places = Scan::of(&text).before_space().to_vec();
            for answer in [true, false] {
                let fast = asking(answer, |mut has| {
                    spaced_hyphen_cuts(&text, &places, &mut has)
                });
                let slow = asking(answer, |has| {
                    let hyphens = text.match_indices("- ").map(|(i, _)| i);
                    let cuts: Vec<_> = hyphens
                        .filter_map(|i| cut_reading_both_parts(&text, i, has))
                        .collect();
                    cuts
                });
                cut += fast.0.len();
                assert_eq!(fast, slow, "{text:?}");
            }
        }
        assert!(cut > 0);
    }

    /// [`lost_hyphens`] as it read before it looked only around
    /// [`caps_into_lower`] (and passed over the lower-case runs too short
    /// for a second part, [`short_lower_run`]): every token of the text,
    /// in order.
    fn lost_hyphens_by_token(text: &str, has: &mut impl FnMut(&str) -> bool) -> Vec<usize> {
        let mut at = Vec::new();
        let mut offset = 0;
        for token in text.split(|c: char| !in_token(c)) {
            if let Some(cut) = lost_hyphen_in(token, has) {
                at.push(offset + cut);
            }
            offset += token.len()
                + text[offset + token.len()..]
                    .chars()
                    .next()
                    .map_or(0, char::len_utf8);
        }
        at
    }

    #[test]
    fn lost_hyphens_reads_the_tokens_every_token_would() {
        // Up to five pieces: two tokens to mend and what stands between.
        let pieces = ["NAV", "Æ", "kontor", "ø", "a", "-", " ", "«", "1"];
        for text in crate::testing::concatenations(&pieces, 5) {
            // Each asked word, in order, and a text that has every one.
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            let found = lost_hyphens(&text, Scan::of(&text).caps(), &mut |w: &str| {
                fast.push(w.to_owned());
                true
            });
            let expected = lost_hyphens_by_token(&text, &mut |w: &str| {
                slow.push(w.to_owned());
                true
            });
            assert_eq!((found, fast), (expected, slow), "{text:?}");
        }
    }

    #[test]
    fn only_the_asked_words_are_kept() {
        let words = words_for("ble til- delt", &["Prosjektet ble tildelt til", "Tildelt"]);
        assert!(words.has("tildelt") && words.has("til"));
        assert!(!words.has("prosjektet") && !words.has("ble"));
        // Not asked: nothing is kept.
        assert!(words_for("ingen brudd", &["ingen brudd"]).words.is_empty());
    }

    #[test]
    fn the_key_filter_lets_every_asked_word_through() {
        let keys: HashSet<String> = ["tildelt", "nav-kontor", "æble"]
            .iter()
            .map(|k| (*k).to_owned())
            .collect();
        let f = KeyFilter::new(&keys);
        for t in ["tildelt", "TILDELT", "NAV-kontor", "Æble", "ÆBLE"] {
            assert!(f.may_match(t), "{t}");
        }
        for t in ["til", "tildelte", "kontor"] {
            assert!(!f.may_match(t), "{t}");
        }
    }

    #[test]
    fn the_span_of_a_mended_word_covers_both_parts() {
        let line = "x univer- sitetet og NAVkontor";
        let words = words_for(line, &[line]);
        let m = mend(&MappedText::verbatim(line, 100), &words).unwrap();
        assert_eq!(m.as_str(), "x universitetet og NAV-kontor");
        assert_eq!(m.source_range(2, 15), (102, 117));
        let nav = m.as_str().find("NAV").unwrap();
        assert_eq!(m.source_range(nav, m.len()), (121, 130));
        assert_eq!(m.source_range(nav + 4, m.len()), (124, 130));
    }
}

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

/// The cuts that mend `X- y`: the clean ranges to leave out.
fn spaced_hyphen_cuts(text: &str, has: &mut impl FnMut(&str) -> bool) -> Vec<(usize, usize)> {
    let mut cuts = Vec::new();
    let bytes = text.as_bytes();
    let spaced = memchr::memchr_iter(b'-', bytes).filter(|&i| bytes.get(i + 1) == Some(&b' '));
    for i in spaced {
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
        } else if has(&format!("{first}{second}")) || !has(first) {
            cuts.push((i, i + 2));
        }
    }
    cuts
}

/// Bytes [`next_pair_start`] tests at a time: a fixed-size window tested
/// with a few vector instructions (most windows hold no pair).
const PAIR_WINDOW: usize = 32;

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
fn is_pair_start(w: &[u8]) -> bool {
    match *w {
        [a, b, c] => may_end_capital(a) & may_start_capital(b) & may_follow_capital(c),
        _ => false,
    }
}

/// One bit per `j` of `0..PAIR_WINDOW` where bytes `j..j + 3` of `win`
/// pass [`is_pair_start`] (bit `j` for the `k` two bytes on): on x86 with
/// SSE2 (every x86-64) 16 at a time by vector compares and one movemask
/// ([`window_pairs_sse2`]); elsewhere [`window_pairs_portable`].
#[inline(always)]
fn window_pairs(win: &[u8; PAIR_WINDOW + 2]) -> u32 {
    #[cfg(all(
        any(target_arch = "x86", target_arch = "x86_64"),
        target_feature = "sse2"
    ))]
    return window_pairs_sse2(win);
    #[cfg(not(all(
        any(target_arch = "x86", target_arch = "x86_64"),
        target_feature = "sse2"
    )))]
    return window_pairs_portable(win);
}

/// [`window_pairs`] with SSE2: the three bytes of each `j` read as three
/// lanes, one byte apart, each tested as [`is_pair_start`] tests its byte.
#[cfg(all(
    any(target_arch = "x86", target_arch = "x86_64"),
    target_feature = "sse2"
))]
#[inline(always)]
fn window_pairs_sse2(win: &[u8; PAIR_WINDOW + 2]) -> u32 {
    use safe_arch::{
        add_i8_m128i, bitand_m128i, bitor_m128i, cmp_eq_mask_i8_m128i, cmp_gt_mask_i8_m128i, m128i,
        max_u8_m128i, move_mask_i8_m128i, set_splat_i8_m128i, zeroed_m128i,
    };
    let splat = |c: u8| set_splat_i8_m128i(c.cast_signed());
    // A letter `A`-`Z` (or `a`-`z`) moved by an add to the bottom 26 of the
    // signed range (-128 to -103): below -102 after it.
    let (to_upper, to_lower, below) = (splat(0x80 - b'A'), splat(0x80 - b'a'), splat(0x9a));
    let (zero, lead) = (zeroed_m128i(), splat(0xc0));
    let lane = |at: usize| {
        let bytes = win.get(at..at + 16).unwrap_or_default();
        // Never the default: the window holds `at + 16` bytes.
        m128i::from(<[u8; 16]>::try_from(bytes).unwrap_or_default())
    };
    let mut bits = 0;
    for half in [0, 16] {
        let (a, b, c) = (lane(half), lane(half + 1), lane(half + 2));
        // `may_end_capital(a)`: a capital or a byte above ASCII (negative).
        let end = bitor_m128i(
            cmp_gt_mask_i8_m128i(below, add_i8_m128i(a, to_upper)),
            cmp_gt_mask_i8_m128i(zero, a),
        );
        // `may_start_capital(b)`: a capital or a lead byte from `C0` on.
        let start = bitor_m128i(
            cmp_gt_mask_i8_m128i(below, add_i8_m128i(b, to_upper)),
            cmp_eq_mask_i8_m128i(max_u8_m128i(b, lead), b),
        );
        // `may_follow_capital(c)`: a small letter or a byte above ASCII.
        let follow = bitor_m128i(
            cmp_gt_mask_i8_m128i(below, add_i8_m128i(c, to_lower)),
            cmp_gt_mask_i8_m128i(zero, c),
        );
        let hit = bitand_m128i(bitand_m128i(end, start), follow);
        bits |= (move_mask_i8_m128i(hit).cast_unsigned() & 0xFFFF) << half;
    }
    bits
}

/// [`window_pairs`] in portable code: each `j` tested with no branch, the
/// bits gathered only when one passes (most windows hold none).
#[cfg_attr(
    all(
        any(target_arch = "x86", target_arch = "x86_64"),
        target_feature = "sse2"
    ),
    allow(dead_code)
)]
fn window_pairs_portable(win: &[u8; PAIR_WINDOW + 2]) -> u32 {
    let mut any = false;
    for j in 0..PAIR_WINDOW {
        any |= may_end_capital(win[j])
            & may_start_capital(win[j + 1])
            & may_follow_capital(win[j + 2]);
    }
    if !any {
        return 0;
    }
    win.windows(3)
        .enumerate()
        .filter(|(_, w)| is_pair_start(w))
        .fold(0, |bits, (j, _)| bits | 1 << j)
}

/// The first byte `k` from `from` on (and past 2) where bytes `k - 2..=k`
/// pass [`is_pair_start`]: every pair of upper-case letters followed by a
/// lower-case one has such a `k` (one past the second letter's first byte),
/// and few other places do — not `NAV `, not one capital, not `æøå` between
/// ASCII. A window at a time ([`window_pairs`]; the last one padded with
/// zero bytes, which pass no test), its first hit told by its bits.
fn next_pair_start(bytes: &[u8], from: usize) -> Option<usize> {
    let mut k = from.max(2);
    let mut pad = [0u8; PAIR_WINDOW + 2];
    loop {
        let rest = bytes.get(k - 2..)?;
        let win: &[u8; PAIR_WINDOW + 2] = match rest.get(..PAIR_WINDOW + 2) {
            Some(w) => w.try_into().ok()?,
            None => {
                pad[..rest.len()].copy_from_slice(rest);
                &pad
            }
        };
        let bits = window_pairs(win);
        if bits != 0 {
            return Some(k + bits.trailing_zeros() as usize);
        }
        if rest.len() <= PAIR_WINDOW + 2 {
            return None;
        }
        k += PAIR_WINDOW;
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
    caps_into_lower(text).next().is_some()
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
/// places [`next_pair_start`] finds are decoded: a lower-case letter whose
/// two characters before are upper-case.
fn caps_into_lower(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        loop {
            let k = next_pair_start(bytes, from)?;
            from = k + 1;
            // The second capital starts at `k - 1` (an ASCII byte or a lead
            // byte: a character boundary).
            let (upper, _, len) = case_at(text, k - 1);
            if !upper || !upper_before(text, k - 1) {
                continue;
            }
            let next = k - 1 + len;
            if case_at(text, next).1 {
                return Some(next);
            }
        }
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
/// tokens where capitals run into a lower-case letter ([`caps_into_lower`])
/// are read, each once, in order.
fn lost_hyphens(text: &str, has: &mut impl FnMut(&str) -> bool) -> Vec<usize> {
    let mut at = Vec::new();
    let mut read_to = 0;
    for p in caps_into_lower(text) {
        if p < read_to {
            continue; // in the token just read
        }
        let (start, end) = token_around(text, p);
        read_to = end;
        if let Some(cut) = lost_hyphen_in(&text[start..end], has) {
            at.push(start + cut);
        }
    }
    at
}

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
    if rest.chars().count() < 3 || !rest.chars().all(char::is_lowercase) {
        return None;
    }
    (KNOWN_ACRONYMS.contains(&acronym) || has(&format!("{acronym}-{rest}"))).then_some(cut)
}

/// The mends of `text`: the cuts of `X- y` and where lost hyphens go back.
type Mends = (Vec<(usize, usize)>, Vec<usize>);

fn mends_of(text: &str, has: &mut impl FnMut(&str) -> bool) -> Mends {
    (spaced_hyphen_cuts(text, has), lost_hyphens(text, has))
}

/// Mend the broken hyphens of every block, knowing the whole text's words.
///
/// Three passes: the first finds the blocks with something to mend and the
/// words the rules ask about (answering "no"); the second looks for just
/// those words in the whole text; the third mends the blocks found, with
/// the true answers. A block whose mends asked nothing is mended as the
/// first pass found it.
pub(super) fn mend_blocks(blocks: &mut [Block<'_>], repairs: &mut Repairs) {
    let mut asked = Asked::default();
    let mut todo = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        crate::work::add(1);
        let before = asked.count;
        let (cuts, hyphens) = mends_of(block.text(), &mut |w| asked.ask(w));
        if asked.count > before || !cuts.is_empty() || !hyphens.is_empty() {
            todo.push(i);
        }
    }
    if todo.is_empty() {
        return;
    }
    let words = Words::of(blocks.iter().map(Block::text), &asked.keys);
    for i in todo {
        if let Some(block) = blocks.get_mut(i)
            && let Some(text) = mend_recorded(&block.text, &words, repairs)
        {
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
    let (cuts, hyphens) = mends_of(t, &mut |w| words.has(w));
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

    /// The words of `texts` that the mends of `line` ask about.
    fn words_for(line: &str, texts: &[&str]) -> Words {
        let mut asked = Asked::default();
        mends_of(line, &mut |w| asked.ask(w));
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
        let fillers: Vec<String> = [0, 1, 29, 30, 31, 32, 33, 62, 63]
            .iter()
            .map(|&n| "æbcd ".repeat(7).chars().take(n).collect())
            .collect();
        for t in &texts {
            for f in &fillers {
                let text = format!("{f}{t}{f}{t}");
                assert_eq!(
                    caps_into_lower(&text).collect::<Vec<_>>(),
                    caps_into_lower_by_char(&text),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn the_pair_scan_stops_where_the_byte_tests_pass() {
        let by_byte = |bytes: &[u8], from: usize| {
            (from.max(2)..bytes.len()).find(|&k| is_pair_start(&bytes[k - 2..=k]))
        };
        // (`\u{7b}` is an opening brace.)
        let text = "abcdefghijklmnopqrstuvwxyz @[`\u{7b} 0123456789 abcdefgh ZZ abcdefghijkABc ø \
                    ÆØa and some more text past the window AB NAVs xyz";
        let bytes = text.as_bytes();
        for from in 0..=bytes.len() + 1 {
            assert_eq!(next_pair_start(bytes, from), by_byte(bytes, from), "{from}");
        }
        // Every two bytes, where a window ends and round the middle of one
        // (where the SSE2 code's lanes meet).
        for at in [15, 16, 33] {
            for a in 0..=255u8 {
                for b in 0..=255u8 {
                    let mut bytes = [b'a'; 40];
                    bytes[at] = a;
                    bytes[at + 1] = b;
                    let want = by_byte(&bytes, 0);
                    assert_eq!(next_pair_start(&bytes, 0), want, "{at}: {a} {b}");
                }
            }
        }
        // Three bytes of each kind the tests tell apart, at every place of
        // a window and past it.
        let kinds = [
            0x00, b' ', b'@', b'A', b'Z', b'[', b'`', b'a', b'z', b'{', 0x7f, 0x80, 0xbf, 0xc0,
            0xc3, 0xff,
        ];
        for at in 0..37 {
            for &a in &kinds {
                for &b in &kinds {
                    for &c in &kinds {
                        let mut bytes = [b' '; 40];
                        bytes[at..at + 3].copy_from_slice(&[a, b, c]);
                        let want = by_byte(&bytes, 0);
                        assert_eq!(next_pair_start(&bytes, 0), want, "{at}: {a} {b} {c}");
                    }
                }
            }
        }
    }

    #[test]
    fn window_pairs_is_each_place_tested() {
        let kinds = [
            b'A', b'Z', b'a', b'z', b'@', b'[', 0x7f, 0x80, 0xbf, 0xc0, 0xff, 0x00,
        ];
        let mut g = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..20_000 {
            let win: [u8; PAIR_WINDOW + 2] = std::array::from_fn(|_| {
                g ^= g << 13;
                g ^= g >> 7;
                g ^= g << 17;
                kinds[(g % kinds.len() as u64) as usize]
            });
            let want = (0..PAIR_WINDOW)
                .filter(|&j| is_pair_start(&win[j..j + 3]))
                .fold(0u32, |bits, j| bits | 1 << j);
            assert_eq!(window_pairs(&win), want, "{win:?}");
            assert_eq!(window_pairs_portable(&win), want, "{win:?}");
        }
    }

    /// [`lost_hyphens`] as it read before it looked only around
    /// [`caps_into_lower`]: every token of the text, in order.
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
            let found = lost_hyphens(&text, &mut |w: &str| {
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

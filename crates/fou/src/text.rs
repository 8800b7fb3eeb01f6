//! Splitting running text: sentences, clauses and words, the normalised form
//! keyword tests match against, and the years a text names.
//!
//! Shared by the part readers of [`crate::sections`] (the counts, the dates,
//! the front matter); nothing here knows what a report is.

use crate::lexicon;

/// The years a bare number may name when it is read as the year of a report
/// or of a date: 1990–2099.
pub(crate) const YEARS: std::ops::Range<i32> = 1990..2100;

/// Lower-case, single-spaced text for keyword tests.
///
/// One pass and one allocation: the words of `s` (split as
/// [`str::split_whitespace`] splits) are lower-cased straight into the
/// result, each as [`lower`] would (word by word is the same as the whole
/// text at once: white space bounds the context of a final sigma).
///
/// Byte by byte: ASCII and Latin-1 characters (the letters of Norwegian
/// text) are lower-cased one by one, and a run of ASCII words with one
/// space between each ([`ascii_run_end`]) at once, as it stands; a word with
/// a character beyond them is lower-cased whole, as [`lower`] does.
pub(crate) fn norm(s: &str) -> String {
    crate::work::add(s.len());
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    // Is a word being read?
    let mut in_word = false;
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        let space = white_space_at(s, i);
        if space > 0 {
            in_word = false;
            i += space;
            continue;
        }
        if !in_word {
            if !out.is_empty() {
                out.push(' ');
            }
            in_word = true;
        }
        match (x, b.get(i + 1)) {
            (0x00..=0x7f, _) => {
                // The run of ASCII words up to white space that is not one
                // space between two of them, or a byte beyond ASCII, copied
                // and lower-cased at once: it ends in a word.
                let end = ascii_run_end(b, i);
                let at = out.len();
                out.push_str(s.get(i..end).unwrap_or_default());
                if let Some(run) = out.get_mut(at..) {
                    run.make_ascii_lowercase();
                }
                i = end;
            }
            // U+0080–U+00FF: two bytes, `C2` or `C3` and one of `80`–`BF`.
            (0xc2 | 0xc3, Some(&y)) => {
                let c = (u32::from(x & 0x1f) << 6) | u32::from(y & 0x3f);
                out.push(char::from_u32(c).map_or(char::REPLACEMENT_CHARACTER, latin_1_lower));
                i += 2;
            }
            _ => {
                // Beyond Latin-1: the whole word again, lower-cased at once.
                i = relower_word(s, i, &mut out);
                in_word = false;
            }
        }
    }
    out
}

/// The word of `s` that byte `i` is in lower-cased whole ([`lower`]) in
/// place of what [`norm`] put in `out` for its bytes before `i`; where the
/// word ends. The word starts after the last white space before `i`; its
/// bytes before `i` are ASCII and Latin-1 characters, which `norm` gave as
/// many bytes each: `out` ends with as many bytes of it.
#[cold]
#[inline(never)]
fn relower_word(s: &str, i: usize, out: &mut String) -> usize {
    let before = s.get(..i).unwrap_or_default();
    let ws = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(k, c)| k + c.len_utf8());
    let end = s
        .get(ws..)
        .and_then(|rest| rest.find(char::is_whitespace))
        .map_or(s.len(), |k| ws + k);
    out.truncate(out.len().saturating_sub(i - ws));
    out.push_str(&lower(s.get(ws..end).unwrap_or_default()));
    end
}

/// Where the run of ASCII words at byte `i` of `b` (an ASCII byte that is
/// no white space) ends: at the first byte from `i` on that is outside
/// ASCII, or white space but a space before an ASCII byte that is none
/// (one space between two words of the run), or at the end of `b`. On x86
/// with SSE2, 16 bytes at a time ([`ascii_run_end_sse2`]).
#[inline]
fn ascii_run_end(b: &[u8], i: usize) -> usize {
    #[cfg(sse2)]
    return ascii_run_end_sse2(b, i);
    #[cfg(not(sse2))]
    ascii_run_end_portable(b, i)
}

/// [`ascii_run_end`] byte by byte.
#[cfg_attr(sse2, allow(dead_code))]
fn ascii_run_end_portable(b: &[u8], mut i: usize) -> usize {
    let in_word = |c: u8| c.is_ascii() && !is_ascii_space(c);
    while let Some(&c) = b.get(i) {
        let goes_on = if c == b' ' {
            b.get(i + 1).is_some_and(|&next| in_word(next))
        } else {
            in_word(c)
        };
        if !goes_on {
            break;
        }
        i += 1;
    }
    i
}

/// [`ascii_run_end`] with SSE2: for each lane of 16 bytes, the bytes that
/// are outside ASCII or white space and the spaces from movemasks, and the
/// same of the lane one byte on (the byte after each); the last bytes in a
/// lane filled with a byte outside ASCII, which ends the run.
#[cfg(sse2)]
fn ascii_run_end_sse2(b: &[u8], mut i: usize) -> usize {
    /// A lane and the byte after it.
    const WINDOW: usize = 17;
    /// The byte after the end of `b`: outside ASCII.
    const PAST: u8 = 0xff;
    let stop = |window: &[u8; WINDOW]| {
        let [(others, spaces), (next, _)] = [0, 1].map(|from| {
            let mut lane = [0; 16];
            lane.copy_from_slice(&window[from..from + 16]);
            ascii_masks(safe_arch::m128i::from(lane))
        });
        (others & !spaces) | (spaces & next)
    };
    while let Some(window) = b.get(i..i + WINDOW).and_then(|w| w.try_into().ok()) {
        let ends = stop(window);
        if ends != 0 {
            return i + ends.trailing_zeros() as usize;
        }
        i += 16;
    }
    let mut window = [PAST; WINDOW];
    let rest = b.get(i..).unwrap_or_default();
    if let Some(head) = window.get_mut(..rest.len()) {
        head.copy_from_slice(rest);
    }
    // A byte past the end stops the run: it ends by the end of `b`.
    (i + stop(&window).trailing_zeros() as usize).min(b.len())
}

/// The bytes of a lane `v` that are outside ASCII or white space
/// ([`is_ascii_space`]), and its spaces, a bit each from a movemask: a
/// byte from tab to carriage return is below -123 as a signed byte when
/// the lane is shifted to start a tab at -128, and a byte outside ASCII
/// has its top bit set.
#[cfg(sse2)]
#[inline(always)]
fn ascii_masks(v: safe_arch::m128i) -> (u32, u32) {
    use safe_arch::{
        add_i8_m128i, bitor_m128i, cmp_eq_mask_i8_m128i, cmp_lt_mask_i8_m128i, move_mask_i8_m128i,
        set_splat_i8_m128i,
    };
    let splat = |c: u8| set_splat_i8_m128i(c.cast_signed());
    let from_tab = add_i8_m128i(v, splat(0x80u8.wrapping_sub(b'\t')));
    let controls = cmp_lt_mask_i8_m128i(from_tab, splat(0x80u8.wrapping_add(b'\r' - b'\t' + 1)));
    let spaces = cmp_eq_mask_i8_m128i(v, splat(b' '));
    let others = bitor_m128i(bitor_m128i(v, controls), spaces);
    (
        move_mask_i8_m128i(others).cast_unsigned() & 0xFFFF,
        move_mask_i8_m128i(spaces).cast_unsigned() & 0xFFFF,
    )
}

/// ASCII white space as [`char::is_whitespace`] says: tab, line feed,
/// vertical tab, form feed, carriage return and space.
#[inline]
fn is_ascii_space(c: u8) -> bool {
    matches!(c, 0x09..=0x0d | b' ')
}

/// The length in bytes of the white-space character at byte `i` of `s`
/// (as [`char::is_whitespace`] says), or 0: ASCII white space, U+0085 and
/// U+00A0 are told by their bytes, the others (led by
/// [`WHITE_SPACE_LEADS`]) decoded.
#[inline]
fn white_space_at(s: &str, i: usize) -> usize {
    let b = s.as_bytes();
    match b.get(i) {
        Some(&c) if is_ascii_space(c) => 1,
        Some(0xc2) if matches!(b.get(i + 1), Some(0x85 | 0xa0)) => 2,
        Some(0xe1..=0xe3) => s
            .get(i..)
            .and_then(|rest| rest.chars().next())
            .filter(|c| c.is_whitespace())
            .map_or(0, char::len_utf8),
        _ => 0,
    }
}

/// Where `byte` stands in `hay`, in order: what `memchr::memchr_iter`
/// gives, for the short texts that the readers look through at each space
/// (a line of a table of contents, a project line, a clause). There a space
/// stands every few bytes, and `memchr`'s iterator calls out to its search
/// and sets it up again at every one; this reads [`OFFSETS_LANE`] bytes at
/// a time into a mask (with SSE2 one compare and one movemask) and gives
/// its bits in turn. For a byte that stands far apart (a line end in a
/// whole text), `memchr`'s wider search is the one to use.
pub(crate) fn offsets_of(hay: &[u8], byte: u8) -> ByteOffsets<'_> {
    ByteOffsets {
        hay,
        byte,
        next: 0,
        bits: 0,
    }
}

/// The bytes [`offsets_of`] reads at a time: one SSE2 register.
const OFFSETS_LANE: usize = 16;

/// The iterator of [`offsets_of`].
pub(crate) struct ByteOffsets<'h> {
    hay: &'h [u8],
    byte: u8,
    /// Where the next lane starts.
    next: usize,
    /// The places of `byte` in the lane read last (bit `k`: byte `k` of it)
    /// not given yet.
    bits: u32,
}

impl Iterator for ByteOffsets<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        while self.bits == 0 {
            let rest = self.hay.get(self.next..).filter(|r| !r.is_empty())?;
            self.bits = lane_offsets(rest, self.byte);
            self.next += OFFSETS_LANE;
        }
        let k = self.bits.trailing_zeros() as usize;
        self.bits &= self.bits - 1;
        Some(self.next - OFFSETS_LANE + k)
    }
}

/// The places of `byte` among the first [`OFFSETS_LANE`] bytes of `rest`
/// (all of them when it is shorter), a bit each: with SSE2 on x86 (every
/// x86-64) one compare and a movemask, elsewhere [`lane_offsets_portable`].
#[inline(always)]
fn lane_offsets(rest: &[u8], byte: u8) -> u32 {
    let lane = match rest.first_chunk::<OFFSETS_LANE>() {
        Some(&lane) => lane,
        None => {
            // The last bytes, and after them bytes that are not `byte`.
            let mut lane = [!byte; OFFSETS_LANE];
            if let Some(head) = lane.get_mut(..rest.len()) {
                head.copy_from_slice(rest);
            }
            lane
        }
    };
    #[cfg(sse2)]
    {
        use safe_arch::{cmp_eq_mask_i8_m128i, m128i, move_mask_i8_m128i, set_splat_i8_m128i};
        let eq = cmp_eq_mask_i8_m128i(m128i::from(lane), set_splat_i8_m128i(byte.cast_signed()));
        move_mask_i8_m128i(eq).cast_unsigned() & 0xFFFF
    }
    #[cfg(not(sse2))]
    lane_offsets_portable(&lane, byte)
}

/// [`lane_offsets`] of a whole lane in portable code, byte by byte (the
/// reference the SSE2 code is tested against).
#[cfg_attr(sse2, allow(dead_code))]
fn lane_offsets_portable(lane: &[u8; OFFSETS_LANE], byte: u8) -> u32 {
    (lane.iter().enumerate()).fold(0, |bits, (k, &b)| bits | u32::from(b == byte) << k)
}

/// [`norm`] word by word ([`each_word`], [`push_lower`]): what `norm`
/// gives, the way it gave it before.
#[cfg(test)]
fn norm_by_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    each_word(s, |w| {
        if !out.is_empty() {
            out.push(' ');
        }
        push_lower(&mut out, w);
    });
    out
}

/// How many words `t`, a text [`norm`] gave, has: what
/// [`str::split_whitespace`] counts, told by its spaces alone (`norm` joins
/// its words with one space and leaves none at either end, nor any other
/// white space), without decoding a character.
pub(crate) fn norm_words(t: &str) -> usize {
    if t.is_empty() {
        return 0;
    }
    t.bytes().filter(|&b| b == b' ').count() + 1
}

/// [`each_word_at`] without where each word starts.
#[cfg(test)]
fn each_word<'s>(s: &'s str, mut f: impl FnMut(&'s str)) {
    each_word_at(s, |_, w| f(w));
}

/// Call `f` with where each word of `s` starts and the word: the words
/// [`str::split_whitespace`] gives, found byte by byte: the bytes that
/// may start white space are told from the rest by a table
/// ([`MAY_START_SPACE`]), and only a character that starts with one of
/// [`WHITE_SPACE_LEADS`] is decoded to ask whether it is white space.
pub(crate) fn each_word_at<'s>(s: &'s str, mut f: impl FnMut(usize, &'s str)) {
    let mut i = 0;
    // The white space before a word (none before most words), then the word.
    while let Some(st) = next_non_space(s, i) {
        i = word_end(s, st);
        if let Some(w) = s.get(st..i) {
            f(st, w);
        }
    }
}

/// Has `s` more than `n` words (as [`str::split_whitespace`] gives them:
/// `s.split_whitespace().nth(n).is_some()`)? Read no further than the word
/// after the `n`th.
pub(crate) fn more_words_than(s: &str, n: usize) -> bool {
    let (mut i, mut words) = (0, 0);
    while let Some(st) = next_non_space(s, i) {
        words += 1;
        if words > n {
            return true;
        }
        i = word_end(s, st);
    }
    false
}

/// Where the word that starts at byte `st` of `s` ends: at the next white
/// space or the end. Most of its bytes may start no white space and are
/// stepped over by the table ([`MAY_START_SPACE`]); a continuation byte
/// starts no character.
fn word_end(s: &str, st: usize) -> usize {
    let b = s.as_bytes();
    let mut i = st + 1;
    while let Some(&x) = b.get(i) {
        if !MAY_START_SPACE[usize::from(x)] || space_len(s, i).is_none() {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// Where the first byte from `i` on that starts no white space stands, if
/// any (`i` where a character starts).
fn next_non_space(s: &str, mut i: usize) -> Option<usize> {
    while i < s.len() {
        match space_len(s, i) {
            Some(len) => i += len,
            None => return Some(i),
        }
    }
    None
}

/// The length of the white-space character that starts at byte `i` of `s`,
/// if one does.
#[inline]
fn space_len(s: &str, i: usize) -> Option<usize> {
    match s.as_bytes().get(i)? {
        0x09..=0x0d | b' ' => Some(1),
        lead if WHITE_SPACE_LEADS.contains(lead) => s
            .get(i..)
            .and_then(|rest| rest.chars().next())
            .filter(|c| c.is_whitespace())
            .map(char::len_utf8),
        _ => None,
    }
}

/// May byte `b` start a character of white space ([`MAY_START_SPACE`])?
/// Most bytes of text may not: a letter's, a digit's, a mark's, and every
/// byte of a character beyond ASCII but its first.
#[inline]
pub(crate) fn may_start_space(b: u8) -> bool {
    MAY_START_SPACE[usize::from(b)]
}

/// The bytes that may start a character of white space: ASCII's and
/// [`WHITE_SPACE_LEADS`].
static MAY_START_SPACE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = matches!(b, 0x09..=0x0d | 0x20);
        b += 1;
    }
    let mut k = 0;
    while k < WHITE_SPACE_LEADS.len() {
        t[WHITE_SPACE_LEADS[k] as usize] = true;
        k += 1;
    }
    t
};

/// The first bytes (in UTF-8) of the white-space characters outside ASCII:
/// U+0085 and U+00A0 (`C2`), U+1680 (`E1`), U+2000–U+205F (`E2`), U+3000
/// (`E3`).
pub(crate) const WHITE_SPACE_LEADS: [u8; 4] = [0xc2, 0xe1, 0xe2, 0xe3];

/// `w` lower-cased onto the end of `out`, as [`lower`] would, without a
/// copy of its own for the common words: ASCII, or Latin-1 (`Før`, `ÅTTE`).
#[cfg(test)]
fn push_lower(out: &mut String, w: &str) {
    let b = w.as_bytes();
    // In UTF-8, the characters of Latin-1 are ASCII bytes or two bytes led
    // by `C2` or `C3`; every byte of them is below `C4`. `À`–`Þ` (but `×`)
    // are `C3 80`–`C3 9E`: a Latin-1 word without them only has ASCII
    // letters to lower-case. One look at each byte tells both.
    let mut latin_1 = true;
    let mut upper = false;
    let mut after_c3 = false;
    for &x in b {
        latin_1 &= x < 0xc4;
        upper |= after_c3 && matches!(x, 0x80..=0x96 | 0x98..=0x9e);
        after_c3 = x == 0xc3;
    }
    if latin_1 {
        if upper {
            out.extend(w.chars().map(latin_1_lower));
        } else {
            let at = out.len();
            out.push_str(w);
            if let Some(added) = out.get_mut(at..) {
                added.make_ascii_lowercase();
            }
        }
    } else {
        out.push_str(&lower(w));
    }
}

/// Is every character of `s` in Latin-1 ([`LATIN_1_END`])? In UTF-8 they
/// are ASCII bytes or two bytes led by `C2` or `C3`: every byte of them is
/// below `C4`, and every character beyond has a byte from `C4` up.
pub(crate) fn is_latin_1(s: &str) -> bool {
    s.bytes().all(|b| b < 0xc4)
}

/// The last character of Latin-1 (U+0000–U+00FF), the letters of
/// Norwegian text: [`latin_1_lower`] lower-cases them without the Unicode
/// tables.
const LATIN_1_END: char = '\u{ff}';

/// A Latin-1 character lower-cased, as [`char::to_lowercase`] does (each
/// gives one character): `A`–`Z` and `À`–`Þ` but `×` move up by 0x20, the
/// rest stay.
pub(crate) fn latin_1_lower(c: char) -> char {
    match c {
        'A'..='Z' | '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{de}' => {
            char::from_u32(c as u32 + 0x20).unwrap_or(c)
        }
        _ => c,
    }
}

/// A cheap test, on text as it stands, that [`norm`] of it may contain one
/// of some keywords (`has_any(&norm(text), words)`): when it says no, the
/// text need not be normalised at all.
///
/// It looks for a piece of each keyword, ASCII case-insensitively: the
/// longest run of ASCII letters in the keyword. Lower-casing maps no
/// character outside ASCII to an ASCII letter but the two of
/// [`Self::TO_ASCII`], which it looks for too, and normalising only joins
/// white space: a keyword in the normalised text has its piece, or one of
/// those two, in the text. A keyword with no piece makes the test say yes
/// to everything.
///
/// One pass over the bytes: each piece is compared only where its rarest
/// two letters in a row (its anchor) stand: on x86 with SSE2, where both
/// stand, 16 bytes at a time; elsewhere where the first stands, found with
/// a table of 256 flags.
pub(crate) struct KeywordFilter {
    /// The pieces (lower-case ASCII letters), each with the offset of its
    /// anchor; `None` when a keyword has no piece.
    pieces: Option<Vec<(&'static [u8], usize)>>,
    /// Which bytes are the first of an anchor, in either case, or the first
    /// byte of a character of [`Self::TO_ASCII`].
    anchors: [bool; 256],
    /// The anchors in lower case, when every piece has two letters and there
    /// are no more than [`AnchorPairs::MOST`]: then the places where they
    /// stand are found 16 bytes at a time ([`Self::may_match_lanes`]).
    #[cfg_attr(not(sse2), allow(dead_code))]
    pairs: Option<AnchorPairs>,
}

/// The anchors of a [`KeywordFilter`], two letters each, in lower case: as
/// many as a lane compares (the first again where there are fewer), two,
/// four or eight, each compared at once. Each letter fills a lane of 16
/// bytes, ready to compare with a lane of text.
#[cfg_attr(not(sse2), allow(dead_code))]
#[derive(Clone, Copy)]
enum AnchorPairs {
    Two([AnchorLanes; 2]),
    Four([AnchorLanes; 4]),
    Eight([AnchorLanes; 8]),
}

/// The two letters of an anchor, each filling a lane.
type AnchorLanes = [[u8; 16]; 2];

impl AnchorPairs {
    /// The most anchors compared in a lane (the filters of
    /// [`crate::sections`] have two to six).
    const MOST: usize = 8;

    /// The anchors `distinct` (one at least), in the fewest compares that
    /// hold them; `None` when there are more than [`Self::MOST`].
    fn new(distinct: &[[u8; 2]]) -> Option<Self> {
        fn fill<const N: usize>(distinct: &[[u8; 2]]) -> Option<[AnchorLanes; N]> {
            let lanes = |[first, second]: [u8; 2]| [[first; 16], [second; 16]];
            let mut pairs = [lanes(*distinct.first()?); N];
            for (to, &from) in pairs.iter_mut().zip(distinct) {
                *to = lanes(from);
            }
            Some(pairs)
        }
        match distinct.len() {
            0 => None,
            1..=2 => fill(distinct).map(AnchorPairs::Two),
            3..=4 => fill(distinct).map(AnchorPairs::Four),
            5..=Self::MOST => fill(distinct).map(AnchorPairs::Eight),
            _ => None,
        }
    }
}

impl KeywordFilter {
    /// The characters outside ASCII that lower-case to an ASCII letter:
    /// capital I with a dot (to `i` and a combining dot) and KELVIN SIGN (to
    /// `k`). A text with one may match whatever it holds.
    const TO_ASCII: [&str; 2] = ["\u{130}", "\u{212a}"];

    /// The letters of Norwegian text, the most frequent first: a piece is
    /// anchored at its letter that comes last here.
    const BY_FREQUENCY: &[u8] = b"erntsialokdgmvfupbhjyczwxq";

    /// The filter for the keywords of `lists` (lower-case, as in
    /// [`crate::lexicon`]).
    pub fn new(lists: &[&'static [&'static str]]) -> Self {
        let pieces: Option<Vec<&'static str>> = lists
            .iter()
            .flat_map(|list| list.iter())
            .map(|w| Self::piece(w))
            .collect();
        // A piece that contains another is found with it: only the shortest
        // are looked for (`bidrag` for `bidragsfinans` and `bidrag `).
        let shortest = pieces.map(|p| {
            let mut kept: Vec<&str> = Vec::new();
            for piece in p {
                if !kept.iter().any(|k| piece.contains(k)) {
                    kept.retain(|k| !k.contains(piece));
                    kept.push(piece);
                }
            }
            kept
        });
        let mut anchors = [false; 256];
        for c in Self::TO_ASCII {
            if let Some(&lead) = c.as_bytes().first() {
                anchors[usize::from(lead)] = true;
            }
        }
        let pieces = shortest.map(|kept| {
            kept.into_iter()
                .map(|piece| {
                    let at = Self::anchor(piece.as_bytes());
                    if let Some(&a) = piece.as_bytes().get(at) {
                        anchors[usize::from(a)] = true;
                        anchors[usize::from(a.to_ascii_uppercase())] = true;
                    }
                    (piece.as_bytes(), at)
                })
                .collect::<Vec<_>>()
        });
        // Every piece of two letters or more has an anchor of two.
        let mut distinct: Vec<[u8; 2]> = Vec::new();
        let mut all_pairs = true;
        for &(piece, at) in pieces.iter().flatten() {
            match piece.get(at..at + 2) {
                Some(&[first, second]) => {
                    if !distinct.contains(&[first, second]) {
                        distinct.push([first, second]);
                    }
                }
                _ => all_pairs = false,
            }
        }
        KeywordFilter {
            pieces,
            anchors,
            pairs: all_pairs.then(|| AnchorPairs::new(&distinct)).flatten(),
        }
    }

    /// The piece of `keyword` the filter looks for.
    fn piece(keyword: &str) -> Option<&str> {
        keyword
            .split(|c: char| !c.is_ascii_alphabetic())
            .max_by_key(|run| run.len())
            .filter(|run| !run.is_empty())
    }

    /// The offset of the rarest two letters in a row of `piece` (those of
    /// the highest ranks in [`Self::BY_FREQUENCY`] together); 0 for a piece
    /// of one letter.
    fn anchor(piece: &[u8]) -> usize {
        let rank = |b: &u8| {
            Self::BY_FREQUENCY
                .iter()
                .position(|f| f == b)
                .unwrap_or(Self::BY_FREQUENCY.len())
        };
        let ranks: Vec<usize> = piece.iter().map(rank).collect();
        (0..ranks.len().saturating_sub(1))
            .max_by_key(|&i| ranks.get(i..i + 2).map(|r| r.iter().sum::<usize>()))
            .unwrap_or(0)
    }

    /// May [`norm`] of `text` contain one of the keywords?
    pub fn may_match(&self, text: &str) -> bool {
        let Some(pieces) = &self.pieces else {
            return true;
        };
        #[cfg(sse2)]
        if let Some(pairs) = &self.pairs {
            let b = text.as_bytes();
            return match pairs {
                AnchorPairs::Two(pairs) => self.may_match_lanes(pieces, b, pairs),
                AnchorPairs::Four(pairs) => self.may_match_lanes(pieces, b, pairs),
                AnchorPairs::Eight(pairs) => self.may_match_lanes(pieces, b, pairs),
            };
        }
        self.may_match_each(pieces, text.as_bytes())
    }

    /// [`Self::may_match`] of the bytes `b`, each looked at: most are no
    /// anchor, told by the table before [`Self::found_at`] is asked.
    fn may_match_each(&self, pieces: &[(&[u8], usize)], b: &[u8]) -> bool {
        b.iter()
            .enumerate()
            .any(|(i, &x)| self.anchors[usize::from(x)] && self.found_at(pieces, b, i))
    }

    /// [`Self::may_match`] of the bytes `b` with SSE2: the places where an
    /// anchor of `pairs` stands (in either case: two bytes in a row with the
    /// bit of lower case set are one of them), or the first two bytes of a
    /// character of [`Self::TO_ASCII`] (with that bit set too), 16 bytes at
    /// a time from one movemask of the lane and the lane one byte on, and
    /// only those looked at. The last bytes in the window that ends with
    /// `b` (some of its places looked at again: no anchor is found by one
    /// look and missed by another), or in a lane of spaces (no anchor) when
    /// `b` is shorter than a window.
    #[cfg(sse2)]
    fn may_match_lanes<const N: usize>(
        &self,
        pieces: &[(&[u8], usize)],
        b: &[u8],
        pairs: &[AnchorLanes; N],
    ) -> bool {
        use safe_arch::{
            bitand_m128i, bitor_m128i, cmp_eq_mask_i8_m128i, m128i, move_mask_i8_m128i,
            set_splat_i8_m128i,
        };
        /// A lane and the byte after it.
        const WINDOW: usize = 17;
        let splat = |c: u8| set_splat_i8_m128i(c.cast_signed());
        let case = splat(0x20);
        // (made for a lane beyond ASCII only: most lanes of most texts are not)
        let to_ascii = || {
            Self::TO_ASCII.map(|c| {
                let b = c.as_bytes();
                let byte = |i: usize| b.get(i).map_or(0, |&x| x | 0x20);
                [splat(byte(0)), splat(byte(1))]
            })
        };
        let places = |window: &[u8; WINDOW]| {
            let [v, w] = [0, 1].map(|from| {
                let mut lane = [0; 16];
                lane.copy_from_slice(&window[from..from + 16]);
                bitor_m128i(m128i::from(lane), case)
            });
            let eq = cmp_eq_mask_i8_m128i;
            let at = |[first, second]: [m128i; 2]| bitand_m128i(eq(v, first), eq(w, second));
            // (each anchor's lanes loaded where they are compared: a copy
            // of them all made at each call cost more than a short text's
            // compares)
            let hit = pairs
                .iter()
                .fold(m128i::default(), |hit, &[first, second]| {
                    bitor_m128i(hit, at([m128i::from(first), m128i::from(second)]))
                });
            // A character of TO_ASCII starts with a byte beyond ASCII: a
            // lane with none (most lanes) is not compared with them.
            let hit = if move_mask_i8_m128i(v) == 0 {
                hit
            } else {
                let [t0, t1] = to_ascii();
                bitor_m128i(hit, bitor_m128i(at(t0), at(t1)))
            };
            move_mask_i8_m128i(hit).cast_unsigned() & 0xFFFF
        };
        let found = |mut bits: u32, at: usize| {
            while bits != 0 {
                if self.found_at(pieces, b, at + bits.trailing_zeros() as usize) {
                    return true;
                }
                bits &= bits - 1;
            }
            false
        };
        let mut at = 0;
        while let Some(window) = b.get(at..at + WINDOW).and_then(|w| w.try_into().ok()) {
            if found(places(window), at) {
                return true;
            }
            at += 16;
        }
        // No anchor starts at the last byte: it has no byte after it.
        if at + 1 >= b.len() {
            return false;
        }
        let last_at = b.len().saturating_sub(WINDOW);
        if let Some(window) = b.get(last_at..).and_then(|w| w.try_into().ok()) {
            return found(places(window), last_at);
        }
        let mut last = [b' '; WINDOW];
        for (to, &from) in last.iter_mut().zip(b.get(at..).unwrap_or_default()) {
            *to = from;
        }
        found(places(&last), at)
    }

    /// Does a piece stand around `b[i]` with its anchor there, or a
    /// character of [`Self::TO_ASCII`] start there? No when `b[i]` is no
    /// anchor and starts no such character.
    #[inline]
    fn found_at(&self, pieces: &[(&[u8], usize)], b: &[u8], i: usize) -> bool {
        let Some(&x) = b.get(i) else {
            return false;
        };
        if !self.anchors[usize::from(x)] {
            return false;
        }
        if !x.is_ascii() {
            let rest = b.get(i..).unwrap_or_default();
            return Self::TO_ASCII
                .iter()
                .any(|c| rest.starts_with(c.as_bytes()));
        }
        let x = x.to_ascii_lowercase();
        pieces.iter().any(|&(piece, at)| {
            piece.get(at) == Some(&x)
                && i.checked_sub(at)
                    .and_then(|from| b.get(from..from + piece.len()))
                    .is_some_and(|s| s.eq_ignore_ascii_case(piece))
        })
    }
}

/// Keywords (lower case, as in [`crate::lexicon`]) found as
/// `has_any(&norm(text), words)` ([`crate::lexicon::has_any`]) finds them,
/// without normalising all of `text`: only a few words around each place
/// where a keyword may stand ([`Phrases::in_searched`]).
///
/// A keyword found in the normalised text has its piece (its longest run of
/// ASCII letters, see [`KeywordFilter`]) inside one normalised word, and that
/// word's text has the piece, in either case: lower-casing gives an ASCII
/// letter only for an ASCII letter, but for the two characters of
/// [`KeywordFilter::TO_ASCII`] (a text with one is normalised whole). A
/// keyword with `n` spaces spans at most `n` words on each side of that word,
/// and the normalised words around it are a piece of the normalised text:
/// normalising those words alone finds the keyword there, and finds no
/// keyword that the whole text lacks. A keyword with no piece makes the
/// whole text normalised.
pub(crate) struct Phrases {
    words: &'static [&'static str],
    /// The searches for the pieces (none holds another), lower case, in
    /// the text with its ASCII letters lower-cased; `None` when a keyword
    /// has no piece.
    pieces: Option<Vec<memchr::memmem::Finder<'static>>>,
    /// The most spaces in a keyword: how many words on each side of a piece
    /// are normalised with it.
    reach: usize,
}

impl Phrases {
    /// The search for `words`, prepared once.
    pub fn new(words: &'static [&'static str]) -> Self {
        let pieces: Option<Vec<&'static str>> =
            words.iter().map(|w| KeywordFilter::piece(w)).collect();
        let pieces = pieces.map(|all| {
            let mut kept: Vec<&'static str> = Vec::new();
            for piece in all {
                // A piece that holds one looked for already is found with it.
                if !kept.iter().any(|k| piece.contains(k)) {
                    kept.retain(|k| !k.contains(piece));
                    kept.push(piece);
                }
            }
            kept.into_iter()
                .map(|p| memchr::memmem::Finder::new(&p.to_ascii_lowercase()).into_owned())
                .collect()
        });
        let reach = words
            .iter()
            .map(|w| w.matches(' ').count())
            .max()
            .unwrap_or(0);
        Phrases {
            words,
            pieces,
            reach,
        }
    }

    /// Does [`norm`] of the text contain one of the keywords? The text is
    /// made ready for the search once for several lists of phrases.
    ///
    /// Where a piece is written in lower case (`bidragsfinansiert`, most
    /// places in running text) the text is first searched as it stands: a
    /// keyword around such a place stands around the same place of the
    /// lower-cased text, with the same words around it (and in the
    /// normalised text). Only when none does is the text lower-cased
    /// ([`Searched::lower`]) and searched again.
    pub fn in_searched(&self, t: &mut Searched) -> bool {
        let Some(pieces) = self.pieces.as_ref() else {
            return lexicon::has_any(&norm(&t.text), self.words);
        };
        if !t.lowered && self.around_pieces(pieces, &t.text) {
            return true;
        }
        t.lower();
        if t.to_ascii {
            return lexicon::has_any(&norm(&t.text), self.words);
        }
        self.around_pieces(pieces, &t.text)
    }

    /// Does a keyword stand in the words around a place where one of
    /// `pieces` stands in `text` (as it is written: lower case)?
    fn around_pieces(&self, pieces: &[memchr::memmem::Finder<'static>], text: &str) -> bool {
        for finder in pieces {
            let len = finder.needle().len();
            let mut pos = 0;
            // Every place, overlapping ones too: the search goes on one
            // byte after where a piece was found.
            while let Some(from) = text
                .as_bytes()
                .get(pos..)
                .and_then(|h| finder.find(h))
                .map(|k| pos + k)
            {
                pos = from + 1;
                let (s, e) = (
                    words_back(text, from, self.reach),
                    words_on(text, from + len, self.reach),
                );
                if text
                    .get(s..e)
                    .is_some_and(|t| lexicon::has_any(&norm(t), self.words))
                {
                    return true;
                }
            }
        }
        false
    }
}

/// A text made ready for [`Phrases::in_searched`]: once a search asks, the
/// text with its ASCII letters lower-cased (no byte moves), where a piece
/// stands where the text has it in either case, found by one vectorised
/// search per piece rather than a stop at every place of one of its
/// letters; and whether it holds a character of [`KeywordFilter::TO_ASCII`]
/// (then it is normalised whole).
///
/// The lower-cased text is all that is kept, and read in place of the text
/// (the words around a piece, the whole text): [`norm`] of it is [`norm`] of
/// the text, which lower-cases every ASCII letter, and a word beyond Latin-1
/// as [`str::to_lowercase`] does, character by character but for a final
/// sigma, whose context asks only whether a letter has case (a capital
/// ASCII letter and its lower case both have). No byte of white space or of
/// another character changes.
pub(crate) struct Searched {
    text: String,
    /// Has `text` been lower-cased ([`Searched::lower`])?
    lowered: bool,
    /// Does it hold a character of `TO_ASCII` (told when lower-cased)?
    to_ascii: bool,
}

impl Searched {
    /// `text` made ready: one copy.
    pub fn new(text: &str) -> Self {
        Self::of(text.to_owned())
    }

    /// `text` made ready in place (a text made for the search, as the
    /// paragraphs of a summary joined: no second copy).
    pub fn of(text: String) -> Self {
        Searched {
            text,
            lowered: false,
            to_ascii: false,
        }
    }

    /// Lower-case the text in place, and tell whether it holds a character
    /// of `TO_ASCII`, once.
    fn lower(&mut self) {
        if self.lowered {
            return;
        }
        self.text.make_ascii_lowercase();
        let b = self.text.as_bytes();
        // The characters of `TO_ASCII` start with `C4` and `E2` (no ASCII
        // byte of theirs, which lower-casing would change).
        self.to_ascii = memchr::memchr2_iter(0xc4, 0xe2, b).any(|i| {
            let rest = b.get(i..).unwrap_or_default();
            KeywordFilter::TO_ASCII
                .iter()
                .any(|c| rest.starts_with(c.as_bytes()))
        });
        self.lowered = true;
    }
}

/// Where the word at byte `at` of `text` starts, or the word `n` words
/// before it (or the start of the text).
fn words_back(text: &str, at: usize, n: usize) -> usize {
    let mut start = at;
    let mut left = n;
    let mut in_word = true;
    for (i, c) in text.get(..at).unwrap_or_default().char_indices().rev() {
        if !c.is_whitespace() {
            start = i;
            in_word = true;
        } else if in_word {
            if left == 0 {
                break;
            }
            left -= 1;
            in_word = false;
        }
    }
    start
}

/// Where the word that byte `at` of `text` ends (or stands just after)
/// ends, or the word `n` words after it (or the end of the text).
fn words_on(text: &str, at: usize, n: usize) -> usize {
    let mut end = at;
    let rest = text.get(at..).unwrap_or_default();
    let mut left = n;
    let mut in_word = true;
    for (i, c) in rest.char_indices() {
        if !c.is_whitespace() {
            end = at + i + c.len_utf8();
            in_word = true;
        } else if in_word {
            if left == 0 {
                break;
            }
            left -= 1;
            in_word = false;
        }
    }
    end
}

/// `s` without its leading and trailing white space, exactly as
/// [`str::trim`] has it, with no character decoded where the ends are
/// ASCII: a text that starts and ends with a visible ASCII character
/// (`!`–`~`, none of them white space) is returned as it is; else white
/// space is stripped byte by byte while it is ASCII ([`is_ascii_space`]),
/// and [`str::trim`] is asked only of what is left when it starts or ends
/// beyond ASCII (where Unicode white space such as a no-break space may
/// stand). A piece cut after a comma (` UiO`) then costs a look at a few
/// bytes, not std's search by character.
#[inline]
pub(crate) fn trim(s: &str) -> &str {
    let visible = |b: Option<&u8>| b.is_some_and(u8::is_ascii_graphic);
    let b = s.as_bytes();
    if visible(b.first()) && visible(b.last()) {
        s
    } else {
        trim_both(s)
    }
}

/// What follows the last space of `s`: all of `s` when it has none (what
/// `s.rsplit(' ').next()` gives, found by a look back byte by byte, not
/// std's search by character: the last space is mostly a word away, less
/// than what setting up `memrchr` costs).
#[inline]
pub(crate) fn last_word(s: &str) -> &str {
    // (a space is ASCII: the byte after it starts a character)
    let space = s.bytes().rposition(|b| b == b' ');
    space.map_or(s, |at| &s[at + 1..])
}

/// [`trim`] past its test of the two ends: out of line, so that the test,
/// which answers for most texts, is all a caller inlines.
#[inline(never)]
fn trim_both(s: &str) -> &str {
    trim_end(trim_start(s))
}

/// [`str::trim_start`]: leading ASCII white space stripped byte by byte
/// ([`trim`]); [`str::trim_start`] asked only when a byte beyond ASCII
/// comes first after it.
#[inline]
pub(crate) fn trim_start(s: &str) -> &str {
    let b = s.as_bytes();
    if b.first().is_some_and(u8::is_ascii_graphic) {
        return s;
    }
    let at = b
        .iter()
        .position(|&c| !is_ascii_space(c))
        .unwrap_or(b.len());
    // (an ASCII byte is always a character's start: `get` never fails)
    let rest = s.get(at..).unwrap_or(s);
    match rest.as_bytes().first() {
        Some(c) if !c.is_ascii() => rest.trim_start(),
        _ => rest,
    }
}

/// [`str::trim_end`]: trailing ASCII white space stripped byte by byte
/// ([`trim`]); [`str::trim_end`] asked only when a byte beyond ASCII ends
/// what is left.
#[inline]
pub(crate) fn trim_end(s: &str) -> &str {
    let b = s.as_bytes();
    if b.last().is_some_and(u8::is_ascii_graphic) {
        return s;
    }
    let end = b
        .iter()
        .rposition(|&c| !is_ascii_space(c))
        .map_or(0, |i| i + 1);
    // (the byte after `end` is ASCII, a character's start)
    let kept = s.get(..end).unwrap_or(s);
    match kept.as_bytes().last() {
        Some(c) if !c.is_ascii() => kept.trim_end(),
        _ => kept,
    }
}

/// `s` lower-cased, exactly as [`str::to_lowercase`] would, borrowed when
/// that would change nothing (the common case for words of running text).
pub(crate) fn lower(s: &str) -> std::borrow::Cow<'_, str> {
    // Most words are ASCII with no capital, told in one look at each byte;
    // ASCII lower-cases as ASCII.
    let b = s.as_bytes();
    if !b.iter().any(|&c| !c.is_ascii() || c.is_ascii_uppercase()) {
        return std::borrow::Cow::Borrowed(s);
    }
    if b.is_ascii() {
        return std::borrow::Cow::Owned(s.to_ascii_lowercase());
    }
    // The first character that lower-cases to another (none: borrowed).
    let changes = |c: char| {
        if c <= LATIN_1_END {
            latin_1_lower(c) != c
        } else {
            let mut l = c.to_lowercase();
            l.next() != Some(c) || l.next().is_some()
        }
    };
    let Some((first, _)) = s.char_indices().find(|&(_, c)| changes(c)) else {
        return std::borrow::Cow::Borrowed(s);
    };
    // Then what `str::to_lowercase` does, character by character, Latin-1
    // (the letters of Norwegian text) without the Unicode tables; a capital
    // sigma is lower-cased by its neighbours, as the standard library does.
    let rest = s.get(first..).unwrap_or_default();
    let mut out = String::with_capacity(s.len());
    out.push_str(s.get(..first).unwrap_or_default());
    for c in rest.chars() {
        if c <= LATIN_1_END {
            out.push(latin_1_lower(c));
        } else if c == 'Σ' {
            return std::borrow::Cow::Owned(s.to_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Byte ranges of the sentences of `text`.
///
/// A sentence ends at `.`, `!` or `?` followed by spaces (one, or two as
/// some typists and converters put them) and a capital, a digit or an
/// opening quote; the period of an abbreviation
/// ([`lexicon::ABBREVIATIONS`]) or of a single letter (an initial) does not
/// end one.
///
/// ```
/// let s = fou::text::sentences("Det kom ca. 700 bøker. Deretter 12 til.");
/// assert_eq!(s.len(), 2);
/// ```
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    each_sentence(text).collect()
}

/// [`sentences`] one at a time, in order: a reader that needs the first
/// few reads no further.
pub(crate) fn each_sentence(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    crate::work::add(text.len());
    let b = text.as_bytes();
    let mut ends = memchr::memchr3_iter(b'.', b'!', b'?', b);
    let mut start = 0;
    std::iter::from_fn(move || {
        for i in ends.by_ref() {
            let Some(next) = sentence_ends_at(text, i, start) else {
                continue;
            };
            let sentence = (start, i + 1);
            start = next;
            return Some(sentence);
        }
        // The last sentence runs to the end of the text.
        (start < text.len()).then(|| {
            let sentence = (start, text.len());
            start = text.len();
            sentence
        })
    })
}

/// Does the `.`, `!` or `?` at `i` end a sentence of `text` ([`sentences`]),
/// the sentence that starts at `start` or after it? Where the next sentence
/// starts when it does: after the spaces that follow the mark (one, or two
/// as some typists and converters put them). Its last word (for an
/// abbreviation) is read after `start`: after the start of the sentence,
/// or before it (every sentence but the first starts after a space, which
/// ends no word), which is the same.
fn sentence_ends_at(text: &str, i: usize, start: usize) -> Option<usize> {
    let next_start = i + 1 + spaces_at(text.as_bytes(), i + 1);
    if next_start == i + 1 {
        return None;
    }
    let next = text.get(next_start..).and_then(|rest| rest.chars().next());
    if !next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '«' || c == '"') {
        return None;
    }
    let abbreviation = text.as_bytes().get(i) == Some(&b'.')
        && ends_abbreviation(text.get(start..i).unwrap_or_default());
    (!abbreviation).then_some(next_start)
}

/// How many spaces stand in `b` from `at` on.
fn spaces_at(b: &[u8], at: usize) -> usize {
    b.get(at..)
        .map_or(0, |rest| rest.iter().take_while(|&&c| c == b' ').count())
}

/// The sentence of `text` ([`sentences`]) that the byte at `at` (no space:
/// a word's first, say) stands in: found from `at`, back to the end of
/// the sentence before and on to its own end, not from the start of the
/// text. Whether a mark ends a sentence is told by the bytes around it and
/// the word before it ([`sentence_ends_at`]), wherever the look started.
pub(crate) fn sentence_around(text: &str, at: usize) -> (usize, usize) {
    let b = text.as_bytes();
    let before = b.get(..at).unwrap_or_default();
    // A mark right before `at` ends no sentence: no space follows it.
    let start = memchr::memrchr3_iter(b'.', b'!', b'?', before)
        .find_map(|i| sentence_ends_at(text, i, 0))
        .unwrap_or(0);
    let after = b.get(at..).unwrap_or_default();
    let end = memchr::memchr3_iter(b'.', b'!', b'?', after)
        .map(|i| at + i)
        .find(|&i| sentence_ends_at(text, i, start).is_some())
        .map_or(text.len(), |i| i + 1);
    crate::work::add(end - start);
    (start, end)
}

/// Does `text`, before a period, end with an abbreviation
/// ([`lexicon::ABBREVIATIONS`]) or a single letter (an initial): its last
/// word, after a space or `(`, lower-cased? An ASCII word longer than every
/// abbreviation is neither, lower-cased too (most words before a period):
/// told without lower-casing it. A shorter ASCII word lower-cases byte by
/// byte to as many bytes: it is one letter when it is one byte, and it is
/// an abbreviation when its bytes lower-cased, packed with its length,
/// are the key of one ([`ABBREVIATION_KEYS`]), told with no new string.
pub(crate) fn ends_abbreviation(text: &str) -> bool {
    let b = text.as_bytes();
    let from = b
        .iter()
        .rposition(|&c| c == b' ' || c == b'(')
        .map_or(0, |k| k + 1);
    let word = text.get(from..).unwrap_or_default();
    if word.is_ascii() {
        return word.len() <= LONGEST_ABBREVIATION
            && (word.len() == 1
                || ABBREVIATION_KEYS.contains(&abbreviation_key(word.as_bytes(), true)));
    }
    let word = lower(word);
    lexicon::ABBREVIATIONS.contains(&&*word) || word.chars().count() == 1
}

/// The key of a word of up to [`LONGEST_ABBREVIATION`] bytes: its bytes
/// (each lower-cased as ASCII when `lowered`) and its length in the top
/// byte; two such words have one key when they are one word.
const fn abbreviation_key(w: &[u8], lowered: bool) -> u64 {
    let mut key = (w.len() as u64) << 56;
    let mut i = 0;
    while i < w.len() && i < LONGEST_ABBREVIATION {
        let c = if lowered {
            w[i].to_ascii_lowercase()
        } else {
            w[i]
        };
        key |= (c as u64) << (8 * i);
        i += 1;
    }
    key
}

/// The keys of [`lexicon::ABBREVIATIONS`] as they stand
/// ([`abbreviation_key`]), built at compile time: a word lower-cased is one
/// of them when its key is one of these.
const ABBREVIATION_KEYS: [u64; lexicon::ABBREVIATIONS.len()] = {
    let mut keys = [0; lexicon::ABBREVIATIONS.len()];
    let mut n = 0;
    while n < keys.len() {
        keys[n] = abbreviation_key(lexicon::ABBREVIATIONS[n].as_bytes(), false);
        n += 1;
    }
    keys
};

/// A key has room for the bytes of every abbreviation below its top byte.
const _: () = assert!(LONGEST_ABBREVIATION < 8);

/// The length in bytes of the longest of [`lexicon::ABBREVIATIONS`].
const LONGEST_ABBREVIATION: usize = {
    let mut longest = 0;
    let mut n = 0;
    while n < lexicon::ABBREVIATIONS.len() {
        if lexicon::ABBREVIATIONS[n].len() > longest {
            longest = lexicon::ABBREVIATIONS[n].len();
        }
        n += 1;
    }
    longest
};

/// Byte ranges of the clauses of a sentence (split at `, `, `; `, `: `).
#[cfg(test)]
pub(crate) fn clauses(sentence: &str) -> Vec<(usize, usize)> {
    each_clause(sentence).collect()
}

/// The byte ranges of the clauses of a sentence one at a time, in order
/// (none kept in a vector): the clauses before each `,`, `;` or `:` that a
/// space follows, then the last, which runs to the end of the sentence
/// (empty when it ends with a mark and a space, and all of it when it has
/// none).
pub(crate) fn each_clause(sentence: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = sentence.as_bytes();
    let mut marks = memchr::memchr3_iter(b',', b';', b':', b);
    // Where the next clause starts; past the end once the last is given.
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let from = start?;
        match marks.by_ref().find(|&i| b.get(i + 1) == Some(&b' ')) {
            Some(i) => {
                start = Some(i + 1 + spaces_at(b, i + 1));
                Some((from, i))
            }
            None => {
                start = None;
                Some((from, sentence.len()))
            }
        }
    })
}

/// The words of `s` (runs of non-white-space) with their byte offsets.
///
/// Found byte by byte ([`each_word_at`]).
pub(crate) fn words(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    each_word_at(s, |at, w| out.push((at, w)));
    out
}

/// The first year ([`YEARS`]) standing as a four-digit number in the text.
///
/// Read by bytes: every byte of a character beyond ASCII is none of the
/// ASCII digits, so the runs of digit bytes are the runs of digits. Only
/// the `1`s and `2`s that start a run are looked at (every year of
/// [`YEARS`] starts with one, and most text has few): `memchr` finds them,
/// where splitting at every byte that is no digit made a piece of each.
pub(crate) fn year_in(text: &str) -> Option<i32> {
    crate::work::add(text.len());
    let b = text.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    memchr::memchr2_iter(b'1', b'2', b)
        .filter(|&i| !(i > 0 && digit(i - 1)) && (1..4).all(|k| digit(i + k)) && !digit(i + 4))
        .filter_map(|i| b.get(i..i + 4))
        .map(|run| run.iter().fold(0, |y, &x| y * 10 + i32::from(x - b'0')))
        .find(|y| YEARS.contains(y))
}

const _: () = assert!(
    YEARS.start >= 1000 && YEARS.end <= 3000,
    "year_in looks only at runs that start with 1 or 2"
);

/// `s` cut after `max` characters, with `…` where it was cut (for quoting
/// text in a message).
pub(crate) fn shorten(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `offsets_of` gives what `memchr`'s iterator gives: texts of every
    /// length around a lane's and two lanes', the byte at their first and
    /// last places and in runs, none at all, and bytes that differ from it
    /// in one bit (the padding of a short lane is its complement).
    #[test]
    fn the_offsets_of_a_byte_are_memchrs() {
        let mut g = crate::testing::Gen(0x0ff5_e7f0_b17e_5eed);
        for byte in [b' ', b'.', 0x00, 0xFF, 0xC3] {
            let others = [byte ^ 1, byte ^ 0x80, !byte, b'a', byte];
            for len in (0..=40).chain([63, 64, 65, 200]) {
                for _ in 0..20 {
                    let hay: Vec<u8> = (0..len).map(|_| others[g.below(others.len())]).collect();
                    let got: Vec<usize> = offsets_of(&hay, byte).collect();
                    let want: Vec<usize> = memchr::memchr_iter(byte, &hay).collect();
                    assert_eq!(got, want, "{hay:?} {byte}");
                }
                let all = vec![byte; len];
                assert_eq!(offsets_of(&all, byte).count(), len);
                assert_eq!(offsets_of(&all, !byte).next(), None);
            }
            // A lane read in portable code, as the vector reads it.
            for _ in 0..200 {
                let lane: [u8; OFFSETS_LANE] =
                    std::array::from_fn(|_| others[g.below(others.len())]);
                assert_eq!(
                    lane_offsets_portable(&lane, byte),
                    lane_offsets(&lane, byte)
                );
            }
        }
    }

    /// The trims by the end byte are [`str::trim_start`] and
    /// [`str::trim_end`]: around ASCII controls, DEL, spaces, Unicode white
    /// space and characters of more than one byte.
    #[test]
    fn the_trims_by_the_end_byte_are_strs() {
        let pieces = [
            "a", " ", "\t", "\n", "\u{b}", "\u{1}", "\u{a0}", "\u{3000}", "\u{85}", "æ", "-",
            "\u{7f}", "~",
        ];
        for t in crate::testing::concatenations(&pieces, 4) {
            assert_eq!(trim_end(&t), t.trim_end(), "{t:?}");
            assert_eq!(trim_start(&t), t.trim_start(), "{t:?}");
        }
    }

    /// Texts that end with abbreviations in any case, initials, long words
    /// and words that lower-case to an abbreviation or a letter: the test
    /// that tells long ASCII words without lower-casing them says what
    /// lower-casing the last word says.
    #[test]
    fn the_end_of_an_abbreviation_is_told_as_by_its_lower_cased_word() {
        let slow = |t: &str| {
            let word = lower(t.rsplit([' ', '(']).next().unwrap_or(""));
            lexicon::ABBREVIATIONS.contains(&&*word) || word.chars().count() == 1
        };
        let mut pieces: Vec<String> = lexicon::ABBREVIATIONS
            .iter()
            .flat_map(|a| [a.to_string(), a.to_uppercase()])
            .collect();
        pieces.extend(
            [
                " ",
                "(",
                "K",
                "\u{212a}",
                "\u{212a}ap",
                "\u{130}",
                "innst",
                "INNSTX",
                "bøker",
                "ø",
                "mill",
                "milli",
                "m.fl",
                "prosjekt",
            ]
            .map(String::from),
        );
        for t in crate::testing::concatenations(
            &pieces.iter().map(String::as_str).collect::<Vec<_>>(),
            2,
        ) {
            assert_eq!(ends_abbreviation(&t), slow(&t), "{t:?}");
        }
    }

    #[test]
    fn sentences_end_at_a_mark_before_a_capital_or_a_digit() {
        let t = "Det kom ca. 700 bøker. K. Nordmann skrev «to». 12 til! Hva nå? ja. Slutt.";
        let got: Vec<&str> = sentences(t).into_iter().map(|(s, e)| &t[s..e]).collect();
        assert_eq!(
            got,
            [
                "Det kom ca. 700 bøker.",
                "K. Nordmann skrev «to».",
                "12 til!",
                "Hva nå? ja.",
                "Slutt."
            ]
        );
        // Two spaces after a sentence end it as one does, and start no
        // sentence or clause with a space.
        let t = "Ti kom.  Åtte gikk:  tre ble.";
        let got: Vec<&str> = sentences(t).into_iter().map(|(s, e)| &t[s..e]).collect();
        assert_eq!(got, ["Ti kom.", "Åtte gikk:  tre ble."]);
        assert_eq!(clauses(got[1]), [(0, 10), (13, 21)]);
        // A text that ends with a mark and a space has no empty sentence after.
        assert_eq!(sentences("En. To. "), [(0, 3), (4, 8)]);
        assert!(sentences("").is_empty());
        // Once done, the iterator stays done.
        let mut it = each_sentence("En. To");
        assert_eq!(it.by_ref().count(), 2);
        assert_eq!(it.next(), None);
    }

    /// Texts of words, marks, abbreviations, initials, capitals in and
    /// outside ASCII, quotes and spaces: the sentence found around each
    /// byte that is no space, back and on from it, is the sentence
    /// [`sentences`] has it in, found from the start of the text.
    #[test]
    fn the_sentence_around_a_byte_is_the_one_it_stands_in() {
        let pieces = [
            "Det", "kom", "ca", "f.eks", ".", ". ", " ", " ", "!", "? ", "«", "\"", "Å", "é", "12",
            "(", "x.", "i", "K", "nr.", "\u{a0}", "ÆR", "St.",
        ];
        let mut g = crate::testing::Gen(0x1357_2468_9bdf_ace0);
        let mut seen = 0;
        for _ in 0..20_000 {
            let t: String = (0..g.below(20)).map(|_| g.pick(&pieces)).collect();
            let all = sentences(&t);
            for at in (0..t.len()).filter(|&at| t.is_char_boundary(at) && t.as_bytes()[at] != b' ')
            {
                let want = all.iter().copied().find(|&(s, e)| s <= at && at < e);
                assert_eq!(Some(sentence_around(&t, at)), want, "{t:?} {at}");
                seen += usize::from(want.is_some_and(|(s, _)| s > 0));
            }
        }
        assert!(seen > 10_000, "{seen}");
    }

    /// [`last_word`] is `rsplit(' ').next()`, on texts of spaces, other
    /// white space and words of one or more bytes a character.
    #[test]
    fn the_last_word_is_what_follows_the_last_space() {
        let pieces = ["a", " ", "\u{a0}", "ø", "–", "\t", "Bø."];
        let mut checked = 0;
        for s in crate::testing::concatenations(&pieces, 5) {
            assert_eq!(Some(last_word(&s)), s.rsplit(' ').next(), "{s:?}");
            checked += 1;
        }
        assert!(checked > 10_000, "{checked}");
    }

    #[test]
    fn trim_is_str_trim() {
        // Every ASCII character, the white space outside ASCII, and letters
        // outside ASCII, as one to three characters in a row.
        let mut chars: Vec<char> = (0..=0x7f_u8).map(char::from).collect();
        chars.extend([
            '\u{85}', '\u{a0}', '\u{1680}', '\u{2003}', '\u{200b}', '\u{3000}',
        ]);
        chars.extend(['æ', 'Ø', 'é', '€', '\u{feff}']);
        let mut texts = vec![String::new()];
        for &a in &chars {
            texts.push(a.to_string());
            for &b in &chars {
                texts.push(format!("{a}{b}"));
                texts.push(format!("{a}x y{b}"));
            }
        }
        for &a in &chars {
            for &b in &chars {
                texts.push(format!("{a}{b}x{b}{a}"));
                texts.push(format!("{a}{a}{b} é {b}{a}{a}"));
            }
        }
        for t in &texts {
            assert_eq!(trim(t), t.trim(), "{t:?}");
            assert_eq!(trim_start(t), t.trim_start(), "{t:?}");
            assert_eq!(trim_end(t), t.trim_end(), "{t:?}");
        }
    }

    /// Texts of words, marks, spaces and characters outside ASCII: the
    /// clauses one at a time are those the split into a vector pushes, one
    /// by one (an empty text, a mark at either end, two marks in a row),
    /// each clause after the spaces that follow its mark.
    #[test]
    fn each_clause_is_the_split_at_marks_before_a_space() {
        let slow = |s: &str| {
            let mut out = Vec::new();
            let mut start = 0;
            let b = s.as_bytes();
            for i in 0..b.len() {
                if matches!(b[i], b',' | b';' | b':') && b.get(i + 1) == Some(&b' ') {
                    out.push((start, i));
                    start = i + 1 + s[i + 1..].len() - s[i + 1..].trim_start_matches(' ').len();
                }
            }
            out.push((start, s.len()));
            out
        };
        let pieces = [
            ",", ", ", ";", "; ", ":", ": ", " ", "x", "å", "tre", "\u{a0}",
        ];
        for t in crate::testing::concatenations(&pieces, 4) {
            assert_eq!(each_clause(&t).collect::<Vec<_>>(), slow(&t), "{t:?}");
        }
    }

    #[test]
    fn clauses_split_at_punctuation_and_a_space() {
        let s = "Tre prosjekter, to analyser; én rapport: ferdig,ikke delt";
        let parts: Vec<&str> = clauses(s).into_iter().map(|(a, b)| &s[a..b]).collect();
        assert_eq!(
            parts,
            [
                "Tre prosjekter",
                "to analyser",
                "én rapport",
                "ferdig,ikke delt"
            ]
        );
    }

    #[test]
    fn norm_and_lower_agree_with_the_standard_library() {
        let samples = [
            "",
            "  Tre  nye\tprosjekter\n ble ferdigstilt ",
            "ÆRE og ØKONOMI på Å",
            "allerede liten",
            "ΟΔΟΣ ΟΔΟΣΣ Σ aΣb",
            "İstanbul \u{212A}elvin \u{1C5}ungla",
            "nbsp\u{a0}og\u{2003}em",
            "ASCII Only: [A-Z] @`{~ 0123",
        ];
        for s in samples {
            let old = s
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            assert_eq!(norm(s), old, "{s:?}");
            assert_eq!(lower(s), s.to_lowercase(), "{s:?}");
        }
        assert!(matches!(lower("liten"), std::borrow::Cow::Borrowed(_)));
        assert!(matches!(lower("Liten"), std::borrow::Cow::Owned(_)));
    }

    #[test]
    fn a_keyword_filter_never_misses_a_keyword_of_the_normalised_text() {
        // The only characters outside ASCII that lower-case to an ASCII letter.
        let to_ascii: Vec<char> = ('\u{80}'..=char::MAX)
            .filter(|c| c.to_lowercase().any(|l| l.is_ascii_alphabetic()))
            .collect();
        let listed: Vec<char> = KeywordFilter::TO_ASCII
            .iter()
            .flat_map(|c| c.chars())
            .collect();
        assert_eq!(to_ascii, listed);
        let lists: &[&[&str]] = &[
            lexicon::BIDRAG,
            lexicon::OPPDRAG,
            lexicon::PROJECTS,
            lexicon::SHORTLISTED,
            lexicon::SUMMARY_BIDRAG,
            lexicon::SUMMARY_OPPDRAG,
            &["pågå", "ski", "fikk"],
        ];
        let filter = KeywordFilter::new(lists);
        let samples = [
            "BIDRAGSFINANSIERTE prosjekter",
            "et bidrag\ttil",
            "Oppdrag",
            "PROSJE\u{212a}TER",
            "Tre skisser GÅR  videre",
            "neste\u{a0}runde",
            "på Oppdrag fra NAV",
            "P\u{212b}G\u{c5}R",
            "\u{130}",
            "\u{212a}\u{130}",
            "S\u{212a}\u{130}",
            "F\u{130}\u{212a}\u{212a}",
            "ingen nøkkelord her",
        ];
        for s in samples {
            let n = norm(s);
            for list in lists {
                if crate::lexicon::has_any(&n, list) {
                    assert!(filter.may_match(s), "{s:?} {list:?}");
                }
            }
        }
        let funding = KeywordFilter::new(&[lexicon::BIDRAG, lexicon::OPPDRAG]);
        assert!(!funding.may_match("Tre nye prosjekter ble ferdigstilt"));
        assert!(funding.may_match("tre OPPDRAGSPROSJEKTER"));
        let sketches = KeywordFilter::new(&[lexicon::SHORTLISTED]);
        assert!(!sketches.may_match("disse ble valgt"));
        assert!(sketches.may_match("ni SKISSER"));
        // The same answer as looking for each piece on its own.
        let pieces = ["bidrag", "oppdrag"];
        let naive = |t: &str| {
            let low = t.to_ascii_lowercase();
            pieces.iter().any(|p| low.contains(p))
                || KeywordFilter::TO_ASCII.iter().any(|c| t.contains(c))
        };
        for t in [
            "",
            "b",
            "drag",
            "BIDRA",
            "xBiDrAgx",
            "oppDRAG",
            "oppdra g",
            "–’… \u{130}",
            "\u{212a}",
            "\u{2129}\u{131}",
            "bidragoppdrag",
            "ppdrag bidrg",
        ] {
            assert_eq!(funding.may_match(t), naive(t), "{t:?}");
        }
        // A keyword with no piece lets everything through.
        assert!(KeywordFilter::new(&[&["på"], &["å"]]).may_match("x"));
    }

    /// Texts of the letters of the pieces in either case, other letters,
    /// the characters of `TO_ASCII` and others outside ASCII, of every length
    /// round the 16-byte lanes: the filter that finds the places of its
    /// anchors 16 bytes at a time says what the one that looks at each byte
    /// says, of filters with one to four anchors and of one with more.
    #[test]
    fn a_keyword_filter_reads_lanes_as_it_reads_bytes() {
        let filters = [
            KeywordFilter::new(&[lexicon::BIDRAG, lexicon::OPPDRAG]),
            KeywordFilter::new(&[lexicon::PROJECTS, lexicon::SHORTLISTED]),
            KeywordFilter::new(&[lexicon::VENDORS]),
            KeywordFilter::new(&[&["bidrag", "oppdrag", "skisse", "fikk", "jul", "hyt"]]),
            KeywordFilter::new(&[&["bi", "op", "sk", "fi", "ju", "hy", "ab", "cd", "ef"]]),
            KeywordFilter::new(&[&["bidrag", "p"]]),
        ];
        assert!(matches!(filters[0].pairs, Some(AnchorPairs::Two(_))));
        assert!(matches!(filters[1].pairs, Some(AnchorPairs::Eight(_))));
        assert!(filters[3].pairs.is_some());
        assert!(filters[4].pairs.is_none() && filters[5].pairs.is_none());
        let pieces = [
            "bidrag", "BIDRAG", "oppdrag", "OppDrag", "skisse", "prosjekt", "leverand", "b", "P",
            "d", "x", " ", "\u{130}", "\u{212a}", "\u{2129}", "å", "Ä", "–", "\u{c4}", "fikk",
            "JUL", "hy", "ab", "cD", "EF", "p", "\u{4c30}", "\u{a4}", "\u{2124}",
        ];
        let mut g = crate::testing::Gen(0x1234_5678);
        let mut below = |n: usize| g.below(n);
        for _ in 0..20_000 {
            let text: String = (0..below(14))
                .map(|_| pieces[below(pieces.len())])
                .collect();
            for f in &filters {
                let Some(p) = &f.pieces else {
                    continue;
                };
                let each = f.may_match_each(p, text.as_bytes());
                assert_eq!(f.may_match(&text), each, "{text:?}");
                #[cfg(sse2)]
                if let Some(pairs) = &f.pairs {
                    let b = text.as_bytes();
                    let lanes = match pairs {
                        AnchorPairs::Two(pairs) => f.may_match_lanes(p, b, pairs),
                        AnchorPairs::Four(pairs) => f.may_match_lanes(p, b, pairs),
                        AnchorPairs::Eight(pairs) => f.may_match_lanes(p, b, pairs),
                    };
                    assert_eq!(lanes, each, "{text:?}");
                }
            }
        }
    }

    /// What lets [`Searched`] keep only the lower-cased text: [`norm`] of
    /// a text with its ASCII letters lower-cased is [`norm`] of the text,
    /// around capitals next to Latin-1 letters, letters beyond Latin-1 and
    /// final sigmas (whose lower case asks whether the letter before has
    /// case), the characters that lower-case to ASCII, and white space.
    #[test]
    fn the_normalised_lower_cased_text_is_the_normalised_text() {
        let pieces = [
            "A", "z", "Ø", "ø", "\u{3a3}", "\u{3c3}", "\u{130}", "\u{212a}", " ", "\u{a0}", "'",
            "\u{2019}", "Q-", "\u{1e9e}",
        ];
        for t in crate::testing::concatenations(&pieces, 4) {
            assert_eq!(norm(&t.to_ascii_lowercase()), norm(&t), "{t:?}");
        }
    }

    /// Phrases found in the lower-cased copy alone ([`Searched`]) are those
    /// of the normalised text: over texts made of pieces of the keywords in
    /// both cases, spaces of other kinds, and the characters that
    /// lower-case to ASCII.
    #[test]
    fn phrases_found_in_the_lower_cased_copy_are_those_of_the_normalised_text() {
        let lists: &[&'static [&'static str]] = &[
            lexicon::SUMMARY_BIDRAG,
            lexicon::SUMMARY_OPPDRAG,
            &["abab", "bab x"],
            // (found only where KELVIN SIGN stands for its `k`)
            &["kab"],
        ];
        let pieces = [
            "på ",
            "i ",
            "OP",
            "opp",
            "pdrag",
            "DRAG",
            "et",
            " fra",
            "\u{a0}",
            "bidrags",
            "Finansier",
            "B",
            "\u{212a}",
            "İ",
            "ø",
            "aBa",
        ];
        let mut found = [0; 4];
        for t in crate::testing::concatenations(&pieces, 4) {
            // (one text for every list: the first that finds none
            // lower-cases it for the next)
            let mut searched = Searched::new(&t);
            for (list, found) in lists.iter().zip(&mut found) {
                let slow = lexicon::has_any(&norm(&t), list);
                assert_eq!(Phrases::new(list).in_searched(&mut searched), slow, "{t:?}");
                *found += usize::from(slow);
            }
        }
        assert!(found.iter().all(|&n| n > 100), "{found:?}");
    }

    #[test]
    fn phrases_are_found_as_in_the_whole_normalised_text() {
        let lists: &[&'static [&'static str]] = &[
            lexicon::SUMMARY_BIDRAG,
            lexicon::SUMMARY_OPPDRAG,
            lexicon::BIDRAG,
            &["oppdragsforskning", "oppdrag", "på oppdrag fra"],
            &["på oppdrag fra", "i  oppdrag", " bidrag", "x y z"],
            &["på", "å"],
            &["abab", "bab x"],
        ];
        let texts = [
            "",
            "oppdrag",
            "Utført PÅ   OPPDRAG\tfra NAV",
            "på\u{a0}oppdrag\nfra",
            "på oppdrag",
            "i oppdraget",
            "I OPPDRAG",
            "oppdragsforskning bidrag",
            "et bidrag til",
            "BIDRAG",
            "bidrag\u{2003}x",
            "BIDRAGSFINANSIERT \u{130}",
            "OPPDRA\u{212a}",
            "Ikke bidragsfinansier\u{130}t",
            "x  y\u{3000}z oppdrag x y z",
            "«På» oppdrag fra",
            "på  Oppdrag  Fra  NAV, og i oppdrag",
            "Ærlig på oppdrag for Å",
            "i oPpDrAg fRa nav; PÅ OppDrag FRA",
            "ababab abab xabab ab ab",
            "Et langt sammendrag om arbeid og velferd, skrevet over mange ord, \
             før det står at prosjektet var bidragsFinansiert.",
            "Et langt sammendrag om arbeid og velferd, skrevet over mange ord, \
             men uten ord om hvem som betalte for det hele, og i opp drag.",
        ];
        for t in texts {
            for list in lists {
                assert_eq!(
                    Phrases::new(list).in_searched(&mut Searched::new(t)),
                    lexicon::has_any(&norm(t), list),
                    "{t:?} {list:?}"
                );
            }
        }
        assert_eq!(words_back("a bb  ccc", 7, 1), 2);
        assert_eq!(words_back("a bb  ccc", 7, 0), 6);
        assert_eq!(words_on("a bb  ccc d", 3, 1), 9);
        assert_eq!(words_on("a bb  ccc d", 3, 0), 4);
    }

    #[test]
    fn each_word_gives_the_words_split_whitespace_gives() {
        let s = " to\u{a0}ord\ttre\u{2003}fire\u{85}  ";
        let mut seen = Vec::new();
        each_word(s, |w| seen.push(w));
        assert_eq!(seen, s.split_whitespace().collect::<Vec<_>>());
        assert_eq!(seen, ["to", "ord", "tre", "fire"]);
    }

    #[test]
    fn norm_byte_by_byte_gives_what_word_by_word_gave() {
        let pieces = [
            "", " ", "  ", "a", "Å", "ÅTTE", "før", "×", "ß", "µ", "\u{a0}", "\u{85}", "\u{2003}",
            "\u{3000}", "\u{1680}", "\u{2028}", "\t", "\n", "\r", "Σ", "ΟΔΟΣ", "İ", "\u{212a}",
            "«", "»", "–", "…", "x.", "12", "ǅ", "\u{202f}", "\u{200b}", "é",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let s = format!("{a}{b}{c}");
                    assert_eq!(norm(&s), norm_by_words(&s), "{s:?}");
                    let s = format!("{a} {b}X{c}");
                    assert_eq!(norm(&s), norm_by_words(&s), "{s:?}");
                }
            }
        }
        for c in '\0'..=char::MAX {
            let s = format!("A{c}b {c}");
            assert_eq!(norm(&s), norm_by_words(&s), "{c:?}");
        }
    }

    /// Texts of ASCII words, Latin-1 and other letters, and every kind of
    /// white space alone and in runs, of every length round the 16-byte
    /// lanes: a run of ASCII words ends where the byte-by-byte reading
    /// ends it, from every byte of the text, and `norm` gives what it gave
    /// word by word.
    #[test]
    fn runs_of_ascii_words_end_where_byte_by_byte_they_end() {
        let pieces = [
            "a", "Tre", "ORD", "x.", "12", "-", " ", " ", " ", "  ", "\t", "\n", "\r", "\u{b}",
            "\u{c}", "\u{1f}", "\u{0}", "\u{7f}", "å", "Ø", "×", "\u{a0}", "\u{85}", "\u{2003}",
            "Σ", "İ", "\u{212a}", "–", "«",
        ];
        let mut g = crate::testing::Gen(0x2545_f491_4f6c_dd1d);
        let mut below = |n: usize| g.below(n);
        for _ in 0..20_000 {
            let mut s = String::new();
            let len = below(60);
            while s.len() < len {
                // Mostly words and single spaces, as in running text.
                let piece = if below(3) == 0 {
                    pieces[below(pieces.len())]
                } else {
                    pieces[below(7)]
                };
                s.push_str(piece);
            }
            let b = s.as_bytes();
            for i in 0..b.len() {
                if b[i].is_ascii() && !is_ascii_space(b[i]) {
                    assert_eq!(
                        ascii_run_end(b, i),
                        ascii_run_end_portable(b, i),
                        "{s:?} at {i}"
                    );
                }
            }
            assert_eq!(norm(&s), norm_by_words(&s), "{s:?}");
        }
    }

    #[test]
    fn the_words_of_a_normalised_text_are_counted_by_its_spaces() {
        let pieces = [
            "", " ", "a", "ÅTTE", "\u{a0}", "\u{85}", "\u{2003}", "\u{3000}", "\t", "\n", "\r\n",
            "İ", "x.", "\u{200b}",
        ];
        for s in crate::testing::concatenations(&pieces, 4) {
            assert_eq!(norm_words(&norm(&s)), s.split_whitespace().count(), "{s:?}");
        }
    }

    #[test]
    fn normalising_a_normalised_text_changes_nothing() {
        // Lower-casing is idempotent character by character, gives no
        // white space, and gives no capital sigma (whose lower case depends
        // on its neighbours): so `norm(norm(s)) == norm(s)`, and a reader
        // given a normalised text may look in it as it is.
        for c in '\0'..=char::MAX {
            let l: String = c.to_lowercase().collect();
            if c.is_whitespace() {
                continue;
            }
            assert!(!l.contains(char::is_whitespace), "{c:?}");
            assert!(!l.contains('\u{3a3}'), "{c:?}");
            assert_eq!(l.to_lowercase(), l, "{c:?}");
        }
        for s in [
            "ΟΔΟΣ ΣΑΣ  aΣb",
            "İstanbul \u{212A}elvin",
            "  Tre\tNye\u{a0}x ",
        ] {
            assert_eq!(norm(&norm(s)), norm(s), "{s:?}");
        }
    }

    #[test]
    fn lower_is_to_lowercase_on_every_pair_of_latin_1_characters() {
        // Every two characters of Latin-1, and each beside a character
        // beyond it that lower-cases (or not, or by its neighbours).
        let others = ['Σ', 'İ', 'Ĳ', '\u{212A}', 'ǅ', 'ĳ', '€'];
        let mut s = String::new();
        for a in '\0'..=LATIN_1_END {
            for b in ('\0'..=LATIN_1_END).chain(others) {
                for pair in [[a, b], [b, a]] {
                    s.clear();
                    s.extend(pair);
                    assert_eq!(lower(&s), s.to_lowercase(), "{s:?}");
                }
            }
        }
        for s in [
            "Sørvest FORSKNING",
            "ÆRE ØST Å",
            "Straße ÿ µ × ÷",
            "ΟΔΟΣ Øst",
            "Ås İ",
        ] {
            assert_eq!(lower(s), s.to_lowercase(), "{s:?}");
        }
        assert!(matches!(lower("sørvest"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn latin_1_lowers_as_the_unicode_tables_do() {
        for c in '\0'..=LATIN_1_END {
            let mut l = c.to_lowercase();
            assert_eq!(l.next(), Some(latin_1_lower(c)), "{c:?}");
            assert_eq!(l.next(), None, "{c:?}");
        }
        let mixed = "FØR ÅTTE Æ ×÷ ß ÿ µ Straße ΣΑΣ Ĳ İ";
        let mut out = String::new();
        let mut std = String::new();
        for w in mixed.split(' ') {
            push_lower(&mut out, w);
            std.push_str(&w.to_lowercase());
        }
        assert_eq!(out, std);
    }

    #[test]
    fn words_are_split_where_split_whitespace_splits() {
        for c in ('\u{80}'..=char::MAX).filter(|c| c.is_whitespace()) {
            let mut utf8 = [0; 4];
            let lead = c.encode_utf8(&mut utf8).as_bytes()[0];
            assert!(WHITE_SPACE_LEADS.contains(&lead), "{c:?}");
        }
        let samples = [
            "",
            "  ",
            "a",
            " to\u{b}ord\u{85}og\u{a0}tre\u{2003}fire\u{3000}fem\u{1680}seks – «sju» … ",
            "\u{2028}Før\u{2029}ÅTTE\u{202f}x\u{205f}y\u{200b}z\u{1c}w",
        ];
        for s in samples {
            let mut got = Vec::new();
            each_word(s, |w| got.push(w));
            assert_eq!(got, s.split_whitespace().collect::<Vec<_>>(), "{s:?}");
        }
    }

    #[test]
    fn words_are_those_of_split_whitespace_in_texts_of_pieces() {
        // White space of one to three bytes, and characters whose first
        // byte is the first byte of some white space but which are none.
        let pieces = [
            "a", " ", "\t", "ø", "\u{a0}", "©", "\u{85}", "\u{2003}", "€", "\u{3000}", "\u{1680}",
        ];
        for s in crate::testing::concatenations(&pieces, 4) {
            let mut got = Vec::new();
            each_word_at(&s, |at, w| got.push((at, w)));
            let by_std: Vec<(usize, &str)> = s
                .split_whitespace()
                .map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
                .collect();
            assert_eq!(got, by_std, "{s:?}");
        }
    }

    #[test]
    fn more_words_than_n_is_the_nth_of_split_whitespace() {
        let pieces = ["a", " ", "ø", "\u{a0}", "©", "\u{2003}", "\t"];
        for s in crate::testing::concatenations(&pieces, 5) {
            for n in 0..4 {
                let by_std = s.split_whitespace().nth(n).is_some();
                assert_eq!(more_words_than(&s, n), by_std, "{s:?} {n}");
            }
        }
    }

    #[test]
    fn words_keep_their_offsets() {
        assert_eq!(words("  to  ord "), [(2, "to"), (6, "ord")]);
        let s = " to\u{b}ord\u{85}og\u{a0}tre\u{2003}Før\u{3000}x\u{1c}y – «sju» ";
        let mut by_chars = Vec::new();
        let mut start = None;
        for (i, c) in s.char_indices() {
            if c.is_whitespace() {
                if let Some(st) = start.take() {
                    by_chars.push((st, &s[st..i]));
                }
            } else if start.is_none() {
                start = Some(i);
            }
        }
        if let Some(st) = start {
            by_chars.push((st, &s[st..]));
        }
        assert_eq!(words(s), by_chars);
    }

    #[test]
    fn a_year_is_four_digits_in_range() {
        assert_eq!(year_in("Rapport 12345 fra 1989 og 2021"), Some(2021));
        assert_eq!(year_in("ingen år"), None);
        // Read by bytes, it finds what reading by characters found.
        let by_chars = |text: &str| {
            text.split(|c: char| !c.is_ascii_digit())
                .filter(|w| w.len() == 4)
                .filter_map(|w| w.parse::<i32>().ok())
                .find(|y| YEARS.contains(y))
        };
        let pieces = [
            "20", "19", "21", "2", "1", "0", "ø", " ", "\u{663}", "x", "\u{ff10}",
        ];
        let mut found = 0;
        for t in crate::testing::concatenations(&pieces, 4) {
            assert_eq!(year_in(&t), by_chars(&t), "{t:?}");
            found += usize::from(by_chars(&t).is_some());
        }
        assert!(found > 0);
    }

    #[test]
    fn shorten_cuts_by_characters() {
        assert_eq!(shorten("æøå", 2), "æø…");
        assert_eq!(shorten("æøå", 3), "æøå");
    }
}

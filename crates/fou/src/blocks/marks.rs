//! [`Marks`]: what a block's text may hold that the passes after the joins
//! look for, found in one pass over its bytes.
//!
//! Hyphens are mended ([`super::hyphens`]) and lists run together split
//! ([`super::runlist`]) in only a few blocks; each pass looked for its own
//! bytes in every block's text (a `-` before a space, two capitals running
//! into a lower-case letter, a bullet glyph's lead byte, a `)` before a
//! space). One scan of each block gives all of them at once, 16 places at
//! a time, and a block that holds none of a pass's bytes is not read by
//! it again. A mark may be set where the pass then finds nothing; it is
//! never missing where the pass would find something.

use super::hyphens::is_pair_start;
use crate::lexicon::MIDLINE_BULLET_GLYPHS;

/// Places a window of the scan tests at a time: place `k` is tested on the
/// bytes `k - 2`, `k - 1` and `k`, so a window reads two bytes more.
#[cfg_attr(not(sse2), allow(dead_code))]
const WINDOW: usize = 16;

/// The bytes of two windows side by side, tested at once: places `k` to
/// `k + 31` on bytes `k - 2` to `k + 31`.
#[cfg_attr(not(sse2), allow(dead_code))]
const PAIR: usize = 2 * WINDOW + 2;

/// The byte a text shorter than a window is padded with, before and after:
/// it passes no test (no capital, no letter, no byte above ASCII, neither
/// `-` nor `)`, nor white space, nor a glyph's lead byte).
const PAD: u8 = 0x7F;

/// The UTF-8 lead byte of `c`.
const fn utf8_lead(c: char) -> u8 {
    let c = c as u32;
    if c < 0x80 {
        c as u8
    } else if c < 0x800 {
        0xC0 | (c >> 6) as u8
    } else if c < 0x1_0000 {
        0xE0 | (c >> 12) as u8
    } else {
        0xF0 | (c >> 18) as u8
    }
}

/// The lead byte every one of [`MIDLINE_BULLET_GLYPHS`] starts with (`E2`
/// today), or `None` when they have more than one (then every text is
/// marked as one that may hold a glyph).
const GLYPH_LEAD: Option<u8> = {
    let mut lead = None;
    let mut i = 0;
    while i < MIDLINE_BULLET_GLYPHS.len() {
        let l = utf8_lead(MIDLINE_BULLET_GLYPHS[i]);
        lead = match lead {
            None if i == 0 => Some(l),
            Some(k) if k == l => Some(k),
            _ => None,
        };
        if lead.is_none() {
            break;
        }
        i += 1;
    }
    lead
};

// The glyphs' lead byte is beyond ASCII (`Scan::by_word` looks for it only
// in words that have such a byte).
const _: () = assert!(!matches!(GLYPH_LEAD, Some(0..=0x7f)));

// The padding must not pass for a glyph's lead byte.
const _: () = assert!(!matches!(GLYPH_LEAD, Some(PAD)));

/// What a block's text may hold, one bit per kind of place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Marks(u8);

impl Marks {
    /// Two bytes that may be capitals before one that may be a lower-case
    /// letter ([`is_pair_start`]): where a lost hyphen may go back.
    const CAPS_INTO_LOWER: u8 = 1;
    /// A `-` or `)` before a space or a control character (`\n`): the
    /// `X- y` a hyphen mend reads, the ` - ` and the `) ` between items of
    /// a list run together.
    const BEFORE_SPACE: u8 = 2;
    /// The lead byte of a mid-line bullet glyph ([`GLYPH_LEAD`]).
    const GLYPH: u8 = 4;
    /// ` - `: a dash between items of a list run together (one of the
    /// [`Marks::BEFORE_SPACE`] places, told from the bytes around it).
    const SPACED_DASH: u8 = 8;
    /// A `)` before a space or a `\n`: where a period may end an item of a
    /// list run together (one of the [`Marks::BEFORE_SPACE`] places).
    const PAREN_BREAK: u8 = 16;
    /// Every mark: a text whose bytes were not looked at.
    pub(super) const ALL: Marks = Marks(31);

    /// May the text hold a bullet glyph?
    pub(super) fn may_hold_glyph(self) -> bool {
        self.0 & Self::GLYPH != 0
    }

    /// May the text hold ` - ` or a `)` before a space or a line end?
    pub(super) fn may_hold_separator(self) -> bool {
        self.0 & Self::BEFORE_SPACE != 0
    }

    /// May the text hold ` - `?
    pub(super) fn may_hold_spaced_dash(self) -> bool {
        self.0 & Self::SPACED_DASH != 0
    }

    /// May the text hold a `)` before a space or a `\n`?
    pub(super) fn may_hold_paren_break(self) -> bool {
        self.0 & Self::PAREN_BREAK != 0
    }
}

/// One scan of a block's text: its [`Marks`], and the places of the two
/// kinds a hyphen mend reads, in order. Kept between blocks, so that its
/// lists are allocated once.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Scan {
    glyph: bool,
    /// Each place `k` (from 2) where bytes `k - 2..=k` pass [`is_pair_start`].
    caps: Vec<usize>,
    /// Each place `k` (from 1) where byte `k - 1` is `-` or `)` and byte `k`
    /// a space or a control character (no more than `20`).
    before_space: Vec<usize>,
}

impl Scan {
    /// The scan of `text`.
    #[cfg(test)]
    pub(super) fn of(text: &str) -> Scan {
        let mut scan = Scan::default();
        scan.run(text.as_bytes());
        scan
    }

    /// Scan `bytes`, in place of what was scanned before: 16 places at a
    /// time with SSE2 on x86 (every x86-64) ([`Scan::by_window`]), eight at
    /// a time elsewhere ([`Scan::by_word`]).
    pub(super) fn run(&mut self, bytes: &[u8]) {
        self.caps.clear();
        self.before_space.clear();
        self.glyph = GLYPH_LEAD.is_none();
        #[cfg(sse2)]
        self.by_window(bytes);
        #[cfg(not(sse2))]
        self.by_word(bytes);
    }

    /// The marks of the text scanned, `bytes` (its few places before a
    /// space told apart by the bytes around them).
    pub(super) fn marks(&self, bytes: &[u8]) -> Marks {
        let mark = |set: bool, mark: u8| if set { mark } else { 0 };
        let mut m = mark(!self.caps.is_empty(), Marks::CAPS_INTO_LOWER)
            | mark(!self.before_space.is_empty(), Marks::BEFORE_SPACE)
            | mark(self.glyph, Marks::GLYPH);
        for &k in &self.before_space {
            let around = (
                k.checked_sub(2).and_then(|j| bytes.get(j)),
                bytes.get(k - 1),
                bytes.get(k),
            );
            m |= match around {
                (Some(b' '), Some(b'-'), Some(b' ')) => Marks::SPACED_DASH,
                (_, Some(b')'), Some(b' ' | b'\n')) => Marks::PAREN_BREAK,
                _ => 0,
            };
        }
        Marks(m)
    }

    /// May the text have a broken hyphen to mend (`Fjord- forsk`, `NAVkontor`)?
    pub(super) fn may_mend(&self) -> bool {
        !self.caps.is_empty() || !self.before_space.is_empty()
    }

    /// The places where a pair of capitals may run into a lower-case letter.
    pub(super) fn caps(&self) -> &[usize] {
        &self.caps
    }

    /// The places of a space (or control character) after `-` or `)`.
    pub(super) fn before_space(&self) -> &[usize] {
        &self.before_space
    }

    /// Test the places `from..` of `bytes` one by one: place `k` on bytes
    /// `k - 2`, `k - 1` and `k` (none before the text).
    fn by_byte(&mut self, bytes: &[u8], from: usize) {
        for (k, &c) in bytes.iter().enumerate().skip(from) {
            self.glyph |= Some(c) == GLYPH_LEAD;
            if k >= 2 && is_pair_start(&bytes[k - 2..=k]) {
                self.caps.push(k);
            }
            if k >= 1 && matches!(bytes[k - 1], b'-' | b')') && c <= b' ' {
                self.before_space.push(k);
            }
        }
    }

    /// [`Scan::by_byte`] eight places at a time ([`crate::swar`]): places
    /// `k..k + 8` from the word of bytes `k..k + 8` and the same moved back
    /// a byte and two (each byte of a word the third, second or first byte
    /// of a place's test; before the text, bytes `00`, which pass none),
    /// then the last places by the byte.
    #[cfg_attr(sse2, allow(dead_code))]
    fn by_word(&mut self, bytes: &[u8]) {
        use crate::swar::{WORD, back, equal, from_c0, high, places, splat, whole, within, words};
        let mut prev = 0;
        for (m, c) in words(bytes).enumerate() {
            let (a, b) = (back(c, prev, 2), back(c, prev, 1));
            prev = c;
            // The middle bytes first: few are capitals, `-` or `)`.
            // `may_start_capital`, then `may_end_capital`, `may_follow_capital`.
            let starts = within(b, b'A', b'Z') | from_c0(b);
            // `-` (`2D`) and `)` (`29`) differ in bit 2 alone: they are the
            // bytes that are `-` with it set.
            let marks = equal(b | splat(0x04), b'-');
            if starts | marks != 0 {
                let caps =
                    starts & (within(a, b'A', b'Z') | high(a)) & (within(c, b'a', b'z') | high(c));
                let space = marks & crate::swar::below(c, b' ' + 1);
                self.caps.extend(places(caps, m * WORD));
                self.before_space.extend(places(space, m * WORD));
            }
            // The lead byte is beyond ASCII: most words have none.
            if let Some(lead) = GLYPH_LEAD
                && high(c) != 0
            {
                self.glyph |= equal(c, lead) != 0;
            }
        }
        self.by_byte(bytes, whole(bytes));
    }

    /// [`Scan::by_byte`] a window at a time: places 0 and 1 by the byte,
    /// then two windows at a time from place 2 on while both fit, then the
    /// places left by single windows, the last one ending at the text's end
    /// (its places already tested left out). A window is first put to
    /// fewer tests ([`sse2::pair_misses`], [`sse2::may_hit`]), which tell
    /// most windows have no place to keep; only the others are tested
    /// exactly ([`sse2::window`]). A text too short for a window is copied
    /// into one, padded with [`PAD`].
    #[cfg(sse2)]
    fn by_window(&mut self, bytes: &[u8]) {
        let n = bytes.len();
        if n < WINDOW + 2 {
            // Places 0 to n - 1: one window, or two for a text of 17 bytes.
            let mut pad = [PAD; 2 * WINDOW + 2];
            if let Some(to) = pad.get_mut(2..2 + n) {
                to.copy_from_slice(bytes);
            }
            for at in [0, WINDOW].into_iter().filter(|&at| at < n) {
                if let Some(hits) = pad.get(at..at + WINDOW + 2).and_then(sse2::window) {
                    self.take(at, 0, hits);
                }
            }
            return;
        }
        self.by_byte(&bytes[..2], 0);
        let mut at = 0;
        while let Some(pair) = bytes
            .get(at..at + PAIR)
            .and_then(|s| <&[u8; PAIR]>::try_from(s).ok())
        {
            let misses = sse2::pair_misses(pair);
            if misses.iter().any(|&m| m != sse2::ALL_MISS) {
                self.take_pair(at, pair, misses);
            }
            at += 2 * WINDOW;
        }
        // Places `at + 2..n` are left, fewer than two windows' worth.
        while at + 2 < n {
            let from = at.min(n - WINDOW - 2);
            if let Some(hits) = bytes
                .get(from..from + WINDOW + 2)
                .filter(|win| sse2::may_hit(win))
                .and_then(sse2::window)
            {
                self.take(from + 2, at - from, hits);
            }
            at += WINDOW;
        }
    }

    /// Keep the places of the two windows of `pair` (bytes `at..at + PAIR`)
    /// that may have any (`misses`: [`sse2::pair_misses`]). Out of the
    /// scan's loop: few pairs have any.
    #[cfg(sse2)]
    #[inline(never)]
    fn take_pair(&mut self, at: usize, pair: &[u8; PAIR], misses: [u32; 2]) {
        let windows = [&pair[..WINDOW + 2], &pair[WINDOW..]];
        for (j, (win, m)) in windows.into_iter().zip(misses).enumerate() {
            if m == sse2::ALL_MISS {
                continue;
            }
            if let Some(hits) = sse2::window(win) {
                self.take(at + j * WINDOW + 2, 0, hits);
            }
        }
    }

    /// Keep the places of a window's bits (bit `j`: place `first + j`), but
    /// its first `skip`, tested already. Out of the scan's loop: few
    /// windows have any.
    #[cfg(sse2)]
    #[inline(never)]
    fn take(&mut self, first: usize, skip: usize, hits: sse2::Hits) {
        let keep = u32::MAX.checked_shl(skip as u32).unwrap_or(0);
        let places = |mut bits: u32, out: &mut Vec<usize>| {
            while bits != 0 {
                out.push(first + bits.trailing_zeros() as usize);
                bits &= bits - 1;
            }
        };
        places(hits.caps & keep, &mut self.caps);
        places(hits.before_space & keep, &mut self.before_space);
        self.glyph |= (hits.glyph & keep) != 0;
    }
}

/// The SSE2 tests of [`Scan::by_window`].
#[cfg(sse2)]
mod sse2 {
    use super::{GLYPH_LEAD, PAD, PAIR, WINDOW};
    use safe_arch::{
        add_i8_m128i, bitand_m128i, bitandnot_m128i, bitor_m128i, cmp_eq_mask_i8_m128i,
        cmp_gt_mask_i8_m128i, load_unaligned_m128i, m128i, min_u8_m128i, move_mask_i8_m128i,
        set_splat_i8_m128i, zeroed_m128i,
    };

    fn splat(c: u8) -> m128i {
        set_splat_i8_m128i(c.cast_signed())
    }

    /// The 16 bytes of `win` from `at` (always there: a window holds 18).
    #[inline(always)]
    fn lane(win: &[u8], at: usize) -> m128i {
        win.get(at..at + 16)
            .and_then(|s| <&[u8; 16]>::try_from(s).ok())
            .map_or_else(zeroed_m128i, load_unaligned_m128i)
    }

    /// The places of a window that pass a test, a bit each (bit `j`: the
    /// window's place `j`).
    pub(super) struct Hits {
        /// Places that pass [`super::is_pair_start`].
        pub caps: u32,
        /// Places of a space (or control character) after `-` or `)`.
        pub before_space: u32,
        /// Places of a glyph's lead byte.
        pub glyph: u32,
    }

    /// Bytes that are not ASCII capitals (or small letters, from `a`): a
    /// letter moved by an add to the bottom 26 of the signed range (-128
    /// to -103), any other byte above -103 after it, as one signed compare
    /// tells. Asked this way round, the tests of a place are joined by
    /// what each excludes (an `andnot` takes a byte's own top bit out).
    #[inline(always)]
    fn not_letter_from(x: m128i, first: u8) -> m128i {
        cmp_gt_mask_i8_m128i(add_i8_m128i(x, splat(0x80 - first)), splat(0x99))
    }

    /// The places (their first two bytes `a` and `b`) that cannot start
    /// [`super::is_pair_start`]: no capital nor byte above ASCII ends the
    /// pair, or no capital nor lead byte (from `C0`) starts its second.
    #[inline(always)]
    fn not_pair(a: m128i, b: m128i) -> m128i {
        // A byte's own top bit: above ASCII. Added to itself, each byte's
        // top bit is its bit 6: with its own, a lead byte from `C0` on.
        let lead = bitand_m128i(b, add_i8_m128i(b, b));
        let not_end = bitandnot_m128i(a, not_letter_from(a, b'A'));
        let not_start = bitandnot_m128i(lead, not_letter_from(b, b'A'));
        bitor_m128i(not_end, not_start)
    }

    /// The places whose middle byte is `-` (2D) or `)` (29): equal but for
    /// bit 2.
    #[inline(always)]
    fn dash_or_paren(b: m128i) -> m128i {
        cmp_eq_mask_i8_m128i(bitand_m128i(b, splat(0xFB)), splat(0x29))
    }

    /// The places whose last byte is a glyph's lead byte.
    #[inline(always)]
    fn glyph(c: m128i) -> m128i {
        cmp_eq_mask_i8_m128i(c, splat(GLYPH_LEAD.unwrap_or(PAD)))
    }

    /// The 16 bits of a movemask of `v`.
    fn bits(v: m128i) -> u32 {
        move_mask_i8_m128i(v).cast_unsigned() & 0xFFFF
    }

    /// Test the 16 places of `win` (18 bytes: place `j` on its bytes `j`,
    /// `j + 1` and `j + 2`, `a`, `b` and `c`); `None` when none passes
    /// (most windows). Only the top bit of each byte of the tests counts
    /// (what a movemask reads).
    #[inline(always)]
    pub(super) fn window(win: &[u8]) -> Option<Hits> {
        let (a, b, c) = (lane(win, 0), lane(win, 1), lane(win, 2));
        // No small letter nor byte above ASCII follows the pair.
        let not_follow = bitandnot_m128i(c, not_letter_from(c, b'a'));
        let not_caps = bitor_m128i(not_pair(a, b), not_follow);
        // A space or a control character (no more than 20) after `-` or `)`.
        let space = cmp_eq_mask_i8_m128i(min_u8_m128i(c, splat(b' ')), c);
        let before = bitand_m128i(dash_or_paren(b), space);
        let glyph = glyph(c);
        let misses = bitandnot_m128i(glyph, bitandnot_m128i(before, not_caps));
        if bits(misses) == ALL_MISS {
            return None;
        }
        Some(Hits {
            caps: !bits(not_caps) & 0xFFFF,
            before_space: bits(before),
            glyph: bits(glyph),
        })
    }

    /// Places of the window from byte `at` of `win` that surely pass no
    /// test, by fewer tests than [`window`]: a place whose first two bytes
    /// may end and start a pair of capitals, or whose middle byte is `-`
    /// or `)`, whatever its last byte, may pass one, and so may a place
    /// whose last byte is a glyph's lead byte.
    #[inline(always)]
    fn surely_misses(win: &[u8], at: usize) -> m128i {
        let (a, b, c) = (lane(win, at), lane(win, at + 1), lane(win, at + 2));
        bitandnot_m128i(glyph(c), bitandnot_m128i(dash_or_paren(b), not_pair(a, b)))
    }

    /// May a place of the window `win` pass a test? False for most
    /// windows ([`surely_misses`]): [`window`] tells which do.
    #[inline(always)]
    pub(super) fn may_hit(win: &[u8]) -> bool {
        bits(surely_misses(win, 0)) != ALL_MISS
    }

    /// The movemask of a window none of whose places may pass a test.
    pub(super) const ALL_MISS: u32 = 0xFFFF;

    /// The places of each of the two windows of `pair` that surely pass no
    /// test ([`surely_misses`]), a bit each: [`ALL_MISS`] for both in most
    /// pairs; [`window`] tells which places of the others do.
    #[inline(always)]
    pub(super) fn pair_misses(pair: &[u8; PAIR]) -> [u32; 2] {
        [
            bits(surely_misses(pair, 0)),
            bits(surely_misses(pair, WINDOW)),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_glyphs_share_a_lead_byte() {
        let mut buf = [0u8; 4];
        for &g in MIDLINE_BULLET_GLYPHS {
            assert_eq!(utf8_lead(g), g.encode_utf8(&mut buf).as_bytes()[0]);
        }
        assert!(GLYPH_LEAD.is_some());
        for c in ['a', 'ø', '–', '€', '😀'] {
            assert_eq!(utf8_lead(c), c.encode_utf8(&mut buf).as_bytes()[0], "{c}");
        }
    }

    /// The scan eight places at a time (what builds without SSE2 run).
    fn by_word(bytes: &[u8]) -> Scan {
        let mut scan = Scan {
            glyph: GLYPH_LEAD.is_none(),
            ..Scan::default()
        };
        scan.by_word(bytes);
        scan
    }

    /// The scan byte by byte, from place 0.
    fn by_byte(bytes: &[u8]) -> Scan {
        let mut scan = Scan {
            glyph: GLYPH_LEAD.is_none(),
            ..Scan::default()
        };
        scan.by_byte(bytes, 0);
        scan
    }

    /// The scan a window at a time finds the places the scan byte by byte
    /// finds, at every place of a window and across windows' ends.
    #[test]
    fn the_window_scan_agrees_byte_by_byte() {
        let pieces = [
            "a", "A", "B", "ø", "Æ", "- ", ")", " ", "\n", "•", "–", "-", "\u{7f}", "(",
        ];
        let fillers: Vec<String> = [0, 1, 2, 13, 14, 15, 16, 17, 18, 30, 31, 33]
            .iter()
            .map(|&n| "abcde fgh ".repeat(4).chars().take(n).collect())
            .collect();
        let mut seen = [0usize; 8];
        for t in crate::testing::concatenations(&pieces, 3) {
            for f in &fillers {
                for text in [format!("{f}{t}"), format!("{t}{f}"), format!("{f}{t}{f}")] {
                    let want = by_byte(text.as_bytes());
                    assert_eq!(Scan::of(&text), want, "{text:?}");
                    assert_eq!(by_word(text.as_bytes()), want, "{text:?}");
                    seen[usize::from(want.marks(text.as_bytes()).0 & 7)] += 1;
                }
            }
        }
        // Every mark, alone and together, was met.
        assert!(seen.iter().all(|&n| n > 0), "{seen:?}");
    }

    /// The marks a text's places before a space are told apart into: ` - `
    /// and a `)` before a space or a `\n`, as the searches for them find.
    #[test]
    fn the_separator_marks_are_what_searches_find() {
        let pieces = [" ", "-", ")", "\n", "a", "\t", "ø", "- "];
        let mut seen = [0usize; 4];
        for t in crate::testing::concatenations(&pieces, 6) {
            let m = Scan::of(&t).marks(t.as_bytes());
            let dash = t.contains(" - ");
            let paren = t.contains(") ") || t.contains(")\n");
            assert_eq!(m.may_hold_spaced_dash(), dash, "{t:?}");
            assert_eq!(m.may_hold_paren_break(), paren, "{t:?}");
            seen[usize::from(dash) + 2 * usize::from(paren)] += 1;
        }
        assert!(seen.iter().all(|&n| n > 0), "{seen:?}");
    }

    /// Three bytes of each kind the tests tell apart, at every place of
    /// two windows and past them, in texts of lengths round a window's.
    #[test]
    fn every_byte_kind_at_every_place() {
        let kinds = [
            0x00, b'\t', b'\n', b' ', b'!', b')', b'-', b'@', b'A', b'Z', b'[', b'`', b'a', b'z',
            b'{', 0x7f, 0x80, 0xbf, 0xc0, 0xc3, 0xe2, 0xff,
        ];
        let mut buf = [b'x'; 70];
        let mut scan = Scan::default();
        for len in [3, 17, 18, 19, 40, 70] {
            for at in 0..=len - 3 {
                for &a in &kinds {
                    for &b in &kinds {
                        for &c in &kinds {
                            buf.fill(b'x');
                            buf[at..at + 3].copy_from_slice(&[a, b, c]);
                            let bytes = &buf[..len];
                            scan.run(bytes);
                            let want = by_byte(bytes);
                            assert_eq!(scan, want, "{len} {at}: {a} {b} {c}");
                            assert_eq!(by_word(bytes), want, "{len} {at}: {a} {b} {c}");
                        }
                    }
                }
            }
        }
    }

    /// Every two bytes, where a window ends and round the middle of one
    /// (where the SSE2 lanes meet), and in a text shorter than a window.
    #[test]
    fn every_two_bytes() {
        let mut scan = Scan::default();
        for (len, at) in [(40, 15), (40, 16), (40, 33), (40, 38), (12, 5)] {
            for a in 0..=255u8 {
                for b in 0..=255u8 {
                    let mut bytes = [b'a'; 40];
                    bytes[at] = a;
                    bytes[at + 1] = b;
                    scan.run(&bytes[..len]);
                    let want = by_byte(&bytes[..len]);
                    assert_eq!(scan, want, "{at}: {a} {b}");
                    assert_eq!(by_word(&bytes[..len]), want, "{at}: {a} {b}");
                }
            }
        }
    }
}

//! Inline cleaning: one line's Markdown/HTML inline markup removed, with
//! every kept byte mapped to the input ([`MappedText::clean`]).

use std::borrow::Cow;

use super::mapped::{Link, MappedText};

/// Bytes a backslash escapes in Markdown (`\*`, `\_`, `\[` …).
const ESCAPABLE: &[u8] = b"*_[]()#.-`!<>\\";

impl<'a> MappedText<'a> {
    /// Clean one line of input that starts at byte `base` of the source:
    /// emphasis markers, HTML tags, link syntax and escapes removed, `--`
    /// before a space made an en dash, tabs and no-break spaces made spaces,
    /// control characters, soft hyphens and zero-width spaces dropped.
    ///
    /// ```
    /// let c = fou::lines::MappedText::clean("<b>Forord</b>  ", 0);
    /// assert_eq!(c.as_str(), "Forord");
    /// ```
    pub fn clean(raw: &'a str, base: usize) -> Self {
        Self::clean_trimmed(crate::text::trim_end(raw), base)
    }

    /// [`MappedText::clean`] of a whole line, at byte `base` of the source,
    /// in which the line scan found a byte that cleaning changes
    /// ([`changes_at`]); `known` holds the source offsets of the line's
    /// [`candidate`] bytes that cleaning changes, in order, so its bytes are
    /// not tested again.
    /// When the line has no trailing white space, the changed byte is in
    /// what is cleaned, so the check for one ([`needs_cleaning`]) is not
    /// made again.
    pub(super) fn clean_dirty_line(line: &'a str, base: usize, known: &[usize]) -> Self {
        let raw = crate::text::trim_end(line);
        if raw.len() == line.len() || needs_cleaning(raw) {
            Self::clean_changed(raw, base, Some(known))
        } else {
            MappedText::verbatim(raw, base)
        }
    }

    /// [`MappedText::clean`] of `part`, a part of a line (at byte `base`
    /// of the source) that runs to the line's end or stops before it,
    /// whose line the line scan found dirty; `known` holds the source
    /// offsets, in order, of the line's [`candidate`] bytes that cleaning
    /// of the whole line changes ([`changes_at`] on the line), from `base`
    /// on (none before it; any after the part are passed over).
    ///
    /// What [`changes_at`] finds in the part, it finds at the same byte of
    /// the line (it looks ahead only, and the line has the part's bytes
    /// and maybe more after them), so the part's changing bytes are among
    /// `known`: the part needs cleaning exactly when one of `known` in it
    /// changes it, and its bytes are neither tested for that
    /// ([`needs_cleaning`]) nor searched for markup again.
    pub(super) fn clean_known(part: &'a str, base: usize, known: &[usize]) -> Self {
        let raw = crate::text::trim_end(part);
        let bytes = raw.as_bytes();
        let changes = known
            .iter()
            .map(|&k| k.wrapping_sub(base))
            .take_while(|&i| i < bytes.len())
            .any(|i| changes_at(bytes, i));
        if changes {
            Self::clean_changed(raw, base, Some(known))
        } else {
            MappedText::verbatim(raw, base)
        }
    }

    /// [`MappedText::clean`] of `raw` without trailing white space.
    fn clean_trimmed(raw: &'a str, base: usize) -> Self {
        if needs_cleaning(raw) {
            Self::clean_changed(raw, base, None)
        } else {
            MappedText::verbatim(raw, base)
        }
    }

    /// [`MappedText::clean`] of `raw` without trailing white space, which
    /// cleaning changes (with the source offsets of its candidate bytes
    /// when they are `known`).
    fn clean_changed(raw: &'a str, base: usize, known: Option<&[usize]>) -> Self {
        // A trailing backslash is a Markdown hard line break, not text.
        let raw = raw
            .strip_suffix('\\')
            .filter(|r| !r.ends_with('\\'))
            .unwrap_or(raw);
        let mut out = known
            .and_then(|known| spaced_copy(raw, base, known))
            .unwrap_or_else(|| Cleaner::new(raw, base, known).run());
        out.trim_end();
        out
    }
}

/// The clean text of `raw` (at byte `base` of the source) when the only
/// bytes among its `known` candidates (source offsets, in order) that
/// cleaning changes are tabs, vertical tabs and form feeds: each is made a
/// space, one byte for one, so the text keeps the line's own map and is
/// copied in pieces round them, not cleaned by a [`Cleaner`] (a line of a
/// table's cells is so). `None` when another candidate changes the text.
fn spaced_copy(raw: &str, base: usize, known: &[usize]) -> Option<MappedText<'static>> {
    let bytes = raw.as_bytes();
    // The candidates in `raw` that cleaning changes: white space only.
    let changed = || {
        known
            .iter()
            .map(|&k| k.wrapping_sub(base))
            .take_while(|&i| i < bytes.len())
            .filter(|&i| changes_at(bytes, i))
    };
    if !changed().all(|i| matches!(bytes[i], b'\t' | b'\x0b' | b'\x0c')) {
        return None;
    }
    let mut text = String::with_capacity(raw.len());
    let mut copied = 0;
    for i in changed() {
        text.push_str(raw.get(copied..i)?);
        text.push(' ');
        copied = i + 1;
    }
    text.push_str(raw.get(copied..)?);
    Some(MappedText {
        text: Cow::Owned(text),
        origin: base,
        extras: None,
    })
}

/// Bytes scanned at a time by [`needs_cleaning`], [`Cleaner::next_markup`] and the
/// line scan: a block of this many is tested for candidate bytes with no
/// branch per byte (with SSE2, a few compares and one `pmovmskb` per 16
/// bytes; elsewhere the portable code), one bit a byte in a
/// [`BlockMask`], and read byte by byte only where it holds one.
/// 64, not 32: the per-block work besides the compares (bounds, the test
/// for no candidate, the loop) is paid half as often.
pub(super) const SCAN_BLOCK: usize = 64;

/// One bit per byte of a [`SCAN_BLOCK`].
pub(super) type BlockMask = u64;

/// True when byte `b` may start something cleaning changes: markup, an
/// escape or a control byte (then cleaning is needed), or a `-` or the lead
/// byte of a no-break space, soft hyphen, zero-width space or byte order
/// mark (then the bytes after it decide, see [`changes_at`]). A few other
/// bytes are candidates too (the callers look at each candidate with
/// [`changes_at`] or a `match`, so a harmless one costs only that look):
/// `X`, `Y`, `Z`, `]` and `^`, which share one compare with `[`, `\` and
/// `_`, and the lead bytes `E0`–`FF` of three- and four-byte characters
/// other than `E2` and `EF`, which share one compare with the control
/// bytes (they are rare in Norwegian text, whose `æøå` lead with `C3`).
///
/// Written as compares joined by `|` (not a `match`, which becomes a branch
/// or a bit test per byte), so a block of bytes is tested with vector
/// compares, as few as possible (each costs about one instruction per 16
/// bytes of input): `b & 0xF8 == 0x58` is one of `XYZ[\]^_`, and
/// `b + 0x60`, read as a signed byte, is above `0x3F` exactly for the 64
/// bytes `E0`–`FF` and `00`–`1F` (one add and one signed compare, where
/// `b < 0x20` and `b == 0xEF` took four instructions and `0xE2` a mask).
#[inline(always)]
pub(super) fn candidate(b: u8) -> bool {
    (b.wrapping_add(WRAP_TO_TOP).cast_signed() > TOP_FLOOR)
        | (b & 0xF8 == 0x58)
        | (b == b'*')
        | (b == b'<')
        | (b == b'-')
        | (b == 0xC2)
}

/// Added to a byte, this moves the bytes `E0`–`FF`, then `00`–`1F`, to the
/// top of the signed byte range (`0x40`–`0x7F`): see [`candidate`].
const WRAP_TO_TOP: u8 = 0x60;

/// Signed bytes above this are the top 64 (`0x40`–`0x7F`).
const TOP_FLOOR: i8 = 0x3F;

/// True when byte `b` may be markup to [`Cleaner::run`]: a [`candidate`],
/// or the `!` of an image `![…](…)`.
#[inline(always)]
fn markup_byte(b: u8) -> bool {
    candidate(b) | (b == b'!')
}

/// Which bytes [`block_mask`] picks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pick {
    /// The [`candidate`] bytes.
    Candidates,
    /// The [`markup_byte`]s: the candidates and `!`.
    Markup,
}

impl Pick {
    /// Does this pick byte `b`?
    #[inline(always)]
    pub(super) fn picks(self, b: u8) -> bool {
        match self {
            Pick::Candidates => candidate(b),
            Pick::Markup => markup_byte(b),
        }
    }
}

/// One bit per byte of `block` that `pick` picks (bit `k` for byte `k`),
/// with no branch per byte: on x86 with SSE2 (every x86-64), the compares
/// of [`candidate`] on 16 bytes at once and one movemask
/// ([`block_mask_sse2`]); elsewhere [`block_mask_portable`].
#[inline(always)]
pub(super) fn block_mask(block: &[u8; SCAN_BLOCK], pick: Pick) -> BlockMask {
    #[cfg(sse2)]
    {
        block_mask_sse2(block, pick)
    }
    #[cfg(not(sse2))]
    {
        block_mask_portable(block, pick)
    }
}

/// [`block_mask`] with SSE2: [`candidate`]'s compares on 16 bytes at a
/// time (each a vector of `0xFF` where it holds), joined by `|`, and their
/// top bits gathered by one movemask (where the portable code gathers with
/// eight multiplications per 64 bytes and reads the flags back from memory).
#[cfg(sse2)]
#[inline(always)]
fn block_mask_sse2(block: &[u8; SCAN_BLOCK], pick: Pick) -> BlockMask {
    use safe_arch::{
        add_i8_m128i, bitand_m128i, bitor_m128i, cmp_eq_mask_i8_m128i, cmp_gt_mask_i8_m128i, m128i,
        move_mask_i8_m128i, set_splat_i8_m128i,
    };
    let splat = |b: u8| set_splat_i8_m128i(b.cast_signed());
    let mut mask = 0;
    for (k, lane) in block.chunks_exact(16).enumerate() {
        // Never the default: the lanes are of 16 bytes.
        let v = m128i::from(<[u8; 16]>::try_from(lane).unwrap_or_default());
        let eq = |b: u8| cmp_eq_mask_i8_m128i(v, splat(b));
        // As in `candidate`: `E0`-`FF` and `00`-`1F` moved to the top of
        // the signed range, then `XYZ[\]^_`, then the single bytes.
        let top = cmp_gt_mask_i8_m128i(
            add_i8_m128i(v, splat(WRAP_TO_TOP)),
            set_splat_i8_m128i(TOP_FLOOR),
        );
        let brackets = cmp_eq_mask_i8_m128i(bitand_m128i(v, splat(0xF8)), splat(0x58));
        let mut hit = bitor_m128i(top, brackets);
        for b in [b'*', b'<', b'-', 0xC2] {
            hit = bitor_m128i(hit, eq(b));
        }
        if pick == Pick::Markup {
            hit = bitor_m128i(hit, eq(b'!'));
        }
        let bits = move_mask_i8_m128i(hit).cast_unsigned() & 0xFFFF;
        mask |= BlockMask::from(bits) << (16 * k);
    }
    mask
}

/// [`block_mask`] in portable code: the 0 or 1 flags of the bytes (vector
/// compares where the compiler makes them) gathered eight at a time into
/// bits by one multiplication. The reference the SSE2 code is tested
/// against.
#[cfg_attr(sse2, allow(dead_code))]
#[inline(always)]
fn block_mask_portable(block: &[u8; SCAN_BLOCK], pick: Pick) -> BlockMask {
    /// Multiplying eight 0/1 bytes by this puts byte `k`'s bit at bit `56 + k`.
    const GATHER: u64 = 0x0102_0408_1020_4080;
    let mut flags = [0u8; SCAN_BLOCK];
    for (f, &b) in flags.iter_mut().zip(block) {
        *f = u8::from(pick.picks(b));
    }
    let words: [u64; SCAN_BLOCK / 8] =
        std::array::from_fn(|k| u64::from_le_bytes(std::array::from_fn(|j| flags[8 * k + j])));
    // Most blocks of text hold no candidate: an OR of the flags (a few
    // vector instructions) spares them the gathering.
    if words.iter().fold(0, |any, w| any | w) == 0 {
        return 0;
    }
    let mut mask = 0;
    for (k, word) in words.iter().enumerate() {
        mask |= (word.wrapping_mul(GATHER) >> 56) << (8 * k);
    }
    mask
}

/// One bit per byte of the [`SCAN_BLOCK`] bytes of `bytes` from `at` on
/// that may be markup ([`markup_byte`]); past the end of `bytes` none.
fn markup_mask(bytes: &[u8], at: usize) -> BlockMask {
    let rest = bytes.get(at..).unwrap_or_default();
    match rest.first_chunk::<SCAN_BLOCK>() {
        Some(block) => block_mask(block, Pick::Markup),
        None => {
            // The last bytes, padded with spaces (no markup).
            let mut block = [b' '; SCAN_BLOCK];
            block[..rest.len()].copy_from_slice(rest);
            block_mask(&block, Pick::Markup)
        }
    }
}

/// True when cleaning changes the text at byte `i` of `bytes`, a
/// [`candidate`] byte or any other.
#[inline]
pub(super) fn changes_at(bytes: &[u8], i: usize) -> bool {
    let next = |k: usize| bytes.get(i + k).copied();
    match bytes.get(i) {
        Some(b'\\' | b'*' | b'_' | b'<' | b'[') => true,
        Some(&b) if b < 0x20 => true,
        // `-- `
        Some(b'-') => next(1) == Some(b'-') && next(2) == Some(b' '),
        // NO-BREAK SPACE (C2 A0), SOFT HYPHEN (C2 AD)
        Some(0xC2) => matches!(next(1), Some(0xA0 | 0xAD)),
        // ZERO WIDTH SPACE (E2 80 8B)
        Some(0xE2) => next(1) == Some(0x80) && next(2) == Some(0x8B),
        // BYTE ORDER MARK (EF BB BF)
        Some(0xEF) => next(1) == Some(0xBB) && next(2) == Some(0xBF),
        _ => false,
    }
}

/// True when cleaning could change `raw`: it holds a byte that starts
/// markup, an escape, a dash `-- `, a control character, or a character
/// cleaning replaces or drops (NBSP, soft hyphen, BOM, zero-width space).
/// Otherwise the clean text is `raw` itself.
///
/// One pass: blocks of [`SCAN_BLOCK`] bytes without a [`candidate`] byte
/// (most of them) are passed over whole; in the others each candidate is
/// checked with the bytes after it.
fn needs_cleaning(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    let mut blocks = bytes.chunks_exact(SCAN_BLOCK);
    let mut at = 0;
    for block in blocks.by_ref() {
        let Some(block) = block.first_chunk() else {
            break;
        };
        // Most blocks have no candidate; in the others only the candidates
        // are looked at.
        let mut mask = block_mask(block, Pick::Candidates);
        while mask != 0 {
            if changes_at(bytes, at + mask.trailing_zeros() as usize) {
                return true;
            }
            mask &= mask - 1;
        }
        at += SCAN_BLOCK;
    }
    // The last bytes padded with spaces (no candidate) to a whole block:
    // one block test, not a look at every byte.
    let rest = bytes.get(at..).unwrap_or_default();
    if rest.is_empty() {
        return false;
    }
    let mut block = [b' '; SCAN_BLOCK];
    if let Some(head) = block.get_mut(..rest.len()) {
        head.copy_from_slice(rest);
    }
    let mut mask = block_mask(&block, Pick::Candidates);
    while mask != 0 {
        if changes_at(bytes, at + mask.trailing_zeros() as usize) {
            return true;
        }
        mask &= mask - 1;
    }
    false
}

/// The state of cleaning one line: `raw[run_start..i]` is text still to be
/// copied as it is.
struct Cleaner<'a> {
    raw: &'a str,
    base: usize,
    out: MappedText<'static>,
    i: usize,
    run_start: usize,
    /// The bytes `window..window + SCAN_BLOCK` were tested for markup
    /// ([`markup_mask`]): `mask` has their bits, so a line is tested once,
    /// not again from each piece of markup on.
    window: Option<usize>,
    mask: BlockMask,
    /// The source offsets of the [`candidate`] bytes of `raw` (and maybe
    /// of bytes after it) where cleaning changes the text ([`changes_at`]
    /// on the source), in order, when the line scan found them: then
    /// markup is looked for among them, not by testing bytes again (every
    /// byte [`Cleaner::run`] takes is one of them).
    known: Option<&'a [usize]>,
    /// The first of `known` not yet passed.
    cursor: usize,
    /// The bytes the searches for link texts' closing `]` have looked at
    /// ([`text_close`]): past the line's length, closes are read from
    /// `brackets` instead.
    scanned: usize,
    /// The closes of the line's `[`, a stretch at a time, once the searches
    /// from each `[` have cost more than the line (a line of nested
    /// brackets, each searched up to [`MAX_TEXT`] bytes on).
    brackets: Option<Box<Brackets>>,
}

impl<'a> Cleaner<'a> {
    fn new(raw: &'a str, base: usize, known: Option<&'a [usize]>) -> Self {
        // Sized once, not grown step by step: the clean text is at most
        // the line (an en dash for `--` is one byte more, so it may grow
        // once); a line with markup that needs more than one segment is
        // given room for a few at once (`SEGMENTS_AT_ONCE`).
        let out = MappedText {
            text: Cow::Owned(String::with_capacity(raw.len())),
            origin: base,
            extras: None,
        };
        Cleaner {
            raw,
            base,
            out,
            i: 0,
            run_start: 0,
            window: None,
            mask: 0,
            known,
            cursor: 0,
            scanned: 0,
            brackets: None,
        }
    }

    fn run(mut self) -> MappedText<'static> {
        crate::work::add(self.raw.len());
        let bytes = self.raw.as_bytes();
        while let Some(&b) = bytes.get(self.i) {
            let next = |k: usize| bytes.get(self.i + k).copied();
            let taken = match b {
                b'\\' if next(1).is_some_and(|n| ESCAPABLE.contains(&n)) => self.escape(),
                // Every `*` of a run of two or more touches another, so is
                // a delimiter ([`is_emphasis`]): the run is taken at once.
                b'*' if next(1) == Some(b'*') => {
                    let run = bytes[self.i..].iter().take_while(|&&c| c == b'*').count();
                    self.emphasis(run)
                }
                b'*' | b'_' if is_emphasis(self.raw, self.i, b as char) => self.emphasis(1),
                b'-' if bytes[self.i..].starts_with(b"-- ")
                    && (self.i == 0 || bytes[self.i - 1] == b' ') =>
                {
                    // `--` for an en dash (pandoc's smart punctuation, typewriter habit)
                    self.replace('–', 2)
                }
                b'<' => self.html_tag(),
                b'!' if next(1) == Some(b'[') => self.link(1),
                b'[' => self.link(0),
                // NO-BREAK SPACE → space
                0xC2 if next(1) == Some(0xA0) => self.replace(' ', 2),
                // BYTE ORDER MARK / ZERO WIDTH NO-BREAK SPACE → dropped
                0xEF if next(1) == Some(0xBB) && next(2) == Some(0xBF) => self.drop(3),
                // ZERO WIDTH SPACE → dropped
                0xE2 if next(1) == Some(0x80) && next(2) == Some(0x8B) => self.drop(3),
                // SOFT HYPHEN → dropped
                0xC2 if next(1) == Some(0xAD) => self.drop(2),
                b'\t' | b'\x0c' | b'\x0b' => self.replace(' ', 1),
                // other control characters (NUL, ESC …) are dropped
                b if b < 0x20 => self.drop(1),
                _ => false,
            };
            if !taken {
                // Bytes that are no markup are copied as they are: skip to the next.
                self.i = self.next_markup(self.i + 1);
            }
        }
        self.flush();
        self.out
    }

    /// The first byte at or after `from` that may be markup
    /// ([`markup_byte`]), or the end of the line: [`SCAN_BLOCK`] bytes
    /// tested at a time.
    fn next_markup(&mut self, from: usize) -> usize {
        if let Some(known) = self.known {
            return self.next_known(known, from);
        }
        let bytes = self.raw.as_bytes();
        let mut at = from;
        while at < bytes.len() {
            let start = match self.window {
                Some(w) if w <= at && at - w < SCAN_BLOCK => w,
                _ => {
                    self.mask = markup_mask(bytes, at);
                    self.window = Some(at);
                    at
                }
            };
            let ahead = self.mask & (BlockMask::MAX << (at - start));
            if ahead != 0 {
                return (start + ahead.trailing_zeros() as usize).min(bytes.len());
            }
            at = start + SCAN_BLOCK;
        }
        bytes.len()
    }

    /// What [`Cleaner::next_markup`] finds, from the `known` candidates
    /// (source offsets) and not the bytes: the first at or after `from`,
    /// or the `!` before it when that is a `[` (an image's `!` is no
    /// candidate; the byte search stops there first, and a `!` before
    /// anything else changes nothing where it stops).
    fn next_known(&mut self, known: &[usize], from: usize) -> usize {
        let bytes = self.raw.as_bytes();
        while let Some(&k) = known.get(self.cursor) {
            let at = k.wrapping_sub(self.base);
            if at >= bytes.len() {
                break;
            }
            if at >= from {
                let image = at > from && bytes.get(at - 1) == Some(&b'!') && bytes[at] == b'[';
                return if image { at - 1 } else { at };
            }
            self.cursor += 1;
        }
        bytes.len()
    }

    /// Copy the pending run of plain text.
    fn flush(&mut self) {
        if self.i > self.run_start {
            let run = &self.raw[self.run_start..self.i];
            self.out.push_src(run, self.base + self.run_start);
        }
    }

    /// Skip `len` bytes of markup.
    fn drop(&mut self, len: usize) -> bool {
        self.flush();
        self.i += len;
        self.run_start = self.i;
        true
    }

    /// Skip `run` emphasis delimiters, remembering where each was.
    fn emphasis(&mut self, run: usize) -> bool {
        self.flush();
        let at = self.out.len();
        let marks = &mut self.out.extras_mut().marks;
        marks.extend(std::iter::repeat_n(at, run));
        self.i += run;
        self.run_start = self.i;
        true
    }

    /// Put `ch` for the next `len` bytes.
    fn replace(&mut self, ch: char, len: usize) -> bool {
        self.flush();
        self.out.push_replacement(ch, self.base + self.i, len);
        self.i += len;
        self.run_start = self.i;
        true
    }

    /// `\*`: the backslash goes, the escaped byte is kept as text.
    fn escape(&mut self) -> bool {
        self.flush();
        self.run_start = self.i + 1;
        self.i += 2;
        true
    }

    /// `<b>`, `</b>`, `<br>` (a space), `<https://…>` and `<a@b.no>` (kept).
    fn html_tag(&mut self) -> bool {
        let Some((len, tag)) = html_tag_at(&self.raw[self.i..]) else {
            return false;
        };
        self.flush();
        let at = self.i;
        match tag {
            Tag::Kept => {
                let inner = &self.raw[at + 1..at + len - 1];
                self.out.push_src(inner, self.base + at + 1);
            }
            Tag::Break => self.out.push_replacement(' ', self.base + at, 1),
            Tag::Bold => self.out.extras_mut().bold_tag = true,
            Tag::Dropped => {}
        }
        self.i += len;
        self.run_start = self.i;
        true
    }

    /// True when cleaning changes `raw[from..to]` ([`needs_cleaning`]),
    /// told by the `known` candidates in it when there are (no byte is
    /// tested again). The cleaner reads on from `from` (a link's text),
    /// so the candidates before it are passed for good: a line of links
    /// walks its candidates once, not once per link.
    fn changes_within(&mut self, from: usize, to: usize) -> bool {
        let Some(known) = self.known else {
            return self.raw.get(from..to).is_some_and(needs_cleaning);
        };
        let rest = known.get(self.cursor..).unwrap_or_default();
        self.cursor += rest.partition_point(|&k| k < self.base + from);
        let bytes = self.raw.as_bytes().get(..to).unwrap_or_default();
        let within = known
            .get(self.cursor..)
            .unwrap_or_default()
            .iter()
            .map(|&k| k.wrapping_sub(self.base))
            .take_while(|&i| i < to);
        let mut walked = 0;
        let changes = within
            .inspect(|_| walked += 1)
            .any(|i| changes_at(bytes, i));
        crate::work::add(walked);
        changes
    }

    /// `[text](url)` (after `bang` bytes of `!` for an image): the text is
    /// kept, cleaned, and the link recorded.
    fn link(&mut self, bang: usize) -> bool {
        let at = self.i + bang;
        let Some((text_end, url, total)) = self.link_at(at) else {
            return false;
        };
        self.flush();
        let text = &self.raw[at + 1..at + text_end];
        // Most link texts hold no markup: then the cleaned text is the text
        // itself (what the cleaner would copy in one piece), with no buffers.
        let sub = if self.changes_within(at + 1, at + text_end) {
            Cleaner::new(text, self.base + at + 1, None).run()
        } else {
            MappedText::verbatim(text, self.base + at + 1)
        };
        self.out.extras_mut().links.push(Link {
            text: sub.as_str().to_owned(),
            url: url.to_owned(),
        });
        self.out.append_mapped(&sub);
        self.i = at + total;
        self.run_start = self.i;
        true
    }

    /// The Markdown link `[text](url)` whose text the `[` at byte `at` of
    /// the line opens: (end of text, url, total length). Its closing `]` is
    /// searched for from `at` ([`text_close`]) while the searches have
    /// looked at no more bytes than the line has, and read from
    /// [`Brackets`] after: a line of nested brackets (`[[a](b) ` …), where
    /// each `[` is searched [`MAX_TEXT`] bytes on, costs about three looks
    /// a byte, not one for each `[` in reach.
    fn link_at(&mut self, at: usize) -> Option<(usize, &'a str, usize)> {
        let s = self.raw.get(at..)?;
        let close = if self.scanned <= self.raw.len() {
            let (close, looked) = text_close(s);
            self.scanned += looked;
            close
        } else {
            let brackets = self.brackets.get_or_insert_with(Box::default);
            brackets.close_of(self.raw.as_bytes(), at)
        };
        link_from_close(s, close?)
    }
}

/// How far a link's text may reach: a `[` whose `]` is further on opens
/// no link. Link texts are short, and the bound keeps cleaning linear.
const MAX_TEXT: usize = 300;

/// No `]` closes this `[` within [`MAX_TEXT`] bytes ([`Brackets`]).
const NO_CLOSE: u16 = u16::MAX;

/// The `]` that closes each `[` of a stretch of [`MAX_TEXT`] bytes of a
/// line, found in one pass over the stretch and the [`MAX_TEXT`] bytes
/// after it (a stack of the `[` not yet closed): what [`text_close`] finds
/// from each, for about two looks at each byte of the line as the stretch
/// moves on.
///
/// The `]` that closes a `[` depends only on the bytes from that `[` on,
/// so a pass that starts at the stretch reads every close in it, whatever
/// came before.
struct Brackets {
    /// The line's byte the stretch starts at (`None`: not read yet).
    start: Option<usize>,
    /// For each byte of the stretch that is a `[`, how far on its `]` is;
    /// [`NO_CLOSE`] for every other byte and for a `[` with none in reach.
    close: [u16; MAX_TEXT],
    /// The `[` not yet closed while reading (kept for its room).
    open: Vec<usize>,
}

impl Default for Brackets {
    fn default() -> Self {
        Brackets {
            start: None,
            close: [NO_CLOSE; MAX_TEXT],
            open: Vec::new(),
        }
    }
}

impl Brackets {
    /// [`text_close`] of the `[` at byte `at` of `line`, reading the
    /// stretch from `at` when `at` is not in the one read.
    fn close_of(&mut self, line: &[u8], at: usize) -> Option<usize> {
        let start = match self.start {
            Some(start) if start <= at && at - start < MAX_TEXT => start,
            _ => self.read(line, at),
        };
        let far = *self.close.get(at - start)?;
        (far != NO_CLOSE).then_some(usize::from(far))
    }

    /// Reads the closes of the stretch of `line` from `start`.
    fn read(&mut self, line: &[u8], start: usize) -> usize {
        self.start = Some(start);
        self.close.fill(NO_CLOSE);
        self.open.clear();
        let end = line.len().min(start + 2 * MAX_TEXT);
        let stretch = line.get(start..end).unwrap_or_default();
        crate::work::add(stretch.len());
        for (k, &b) in (start..).zip(stretch) {
            if b == b'[' {
                self.open.push(k);
            } else if b == b']' {
                let Some(o) = self.open.pop() else { continue };
                // (a `[` past the stretch is kept only so that the `]`
                // which closes it is not taken for another's)
                let slot = self.close.get_mut(o - start);
                if let Some(slot) = slot.filter(|_| k - o < MAX_TEXT) {
                    *slot = u16::try_from(k - o).unwrap_or(NO_CLOSE);
                }
            }
        }
        start
    }
}

/// True when a `*` or `_` at byte `i` of `s` is an emphasis delimiter
/// (touches a word on exactly one side, or on both sides when it is `*`).
fn is_emphasis(s: &str, i: usize, ch: char) -> bool {
    // The neighbours are read as bytes when they are ASCII (most are), and
    // decoded only when not.
    let bytes = s.as_bytes();
    let before = match i.checked_sub(1).and_then(|k| bytes.get(k)) {
        None => None,
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => s[..i].chars().next_back(),
    };
    let after = match bytes.get(i + 1) {
        None => None,
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => s[i + 1..].chars().next(),
    };
    let ws = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let wordy = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    match ch {
        '*' => !(ws(before) && ws(after)),
        _ => (ws(before) || !wordy(before)) != (ws(after) || !wordy(after)),
    }
}

/// What an HTML-ish tag does to the clean text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    /// Removed: `</b>`, `<i>`, `<span>` …
    Dropped,
    /// Removed, and the text marked as having had a bold tag: `<b>`, `<strong>`.
    Bold,
    /// Made a space: `<br>`, `<br/>`.
    Break,
    /// An autolink, whose inner text is kept: `<https://…>`, `<a@b.no>`.
    Kept,
}

/// The length of the HTML-ish tag at the start of `s` and what it does,
/// or `None` when `s` starts with a `<` that is no tag. The tags
/// converters write most are told from their bytes ([`common_tag`]).
fn html_tag_at(s: &str) -> Option<(usize, Tag)> {
    if let Some((len, tag)) = common_tag(s.as_bytes()) {
        crate::work::add(len);
        return Some((len, tag));
    }
    any_tag(s)
}

/// [`html_tag_at`] read in general: the tag's length, then what its
/// inside says.
fn any_tag(s: &str) -> Option<(usize, Tag)> {
    let len = html_tag_len(s)?;
    let inner = s.get(1..len - 1)?;
    let tag = if inner.starts_with("http") || inner.contains('@') {
        Tag::Kept
    } else if inner.eq_ignore_ascii_case("br") || inner.eq_ignore_ascii_case("br/") {
        Tag::Break
    } else if inner.eq_ignore_ascii_case("b") || inner.eq_ignore_ascii_case("strong") {
        Tag::Bold
    } else {
        Tag::Dropped
    };
    Some((len, tag))
}

/// [`html_tag_at`] for the tags PDF and Word converters write most
/// (`<b>`, `</b>`, `<br>`, `<i>`, `</i>`), matched whole on their bytes
/// (the general reading costs more than the tag).
fn common_tag(s: &[u8]) -> Option<(usize, Tag)> {
    match s {
        [b'<', b'b', b'>', ..] => Some((3, Tag::Bold)),
        [b'<', b'/', b'b', b'>', ..] => Some((4, Tag::Dropped)),
        [b'<', b'b', b'r', b'>', ..] => Some((4, Tag::Break)),
        [b'<', b'i', b'>', ..] => Some((3, Tag::Dropped)),
        [b'<', b'/', b'i', b'>', ..] => Some((4, Tag::Dropped)),
        _ => None,
    }
}

/// Length of an HTML-ish tag (`<b>`, `</b>`, `<br/>`, `<https://…>`) at the start of `s`.
fn html_tag_len(s: &str) -> Option<usize> {
    // Tags are short: look no further than 200 bytes (`>` is ASCII, so any byte
    // position of it is a char boundary), which keeps cleaning linear.
    const MAX_TAG: usize = 200;
    // The first bytes by a loop (most tags are a few bytes, where `memchr`'s
    // set-up costs more than the tag), the rest by `memchr` (a run of `<`
    // with no `>` near looks 200 bytes on at each one).
    const SHORT: usize = 16;
    let head = &s.as_bytes()[..s.len().min(MAX_TAG)];
    let (near, far) = head.split_at(head.len().min(SHORT));
    let end = near.iter().position(|&b| b == b'>');
    let end = end.or_else(|| memchr::memchr(b'>', far).map(|at| near.len() + at));
    crate::work::add(end.unwrap_or(head.len()));
    let end = end?;
    let inner = &s[1..end];
    let name = inner.trim_start_matches('/');
    let ok_tag = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && !name.contains(char::is_whitespace)
        || name.contains("://")
        || (name.contains('@') && !name.contains(' '));
    ok_tag.then_some(end + 1)
}

/// A Markdown link `[text](url)` at the start of `s`: (end of text, url, total length).
#[cfg(test)]
fn link_at(s: &str) -> Option<(usize, &str, usize)> {
    link_from_close(s, text_close(s).0?)
}

/// The `]` that closes the link text opened by the `[` at the start of
/// `s`, if one does within [`MAX_TEXT`] bytes, and the bytes looked at
/// to tell.
fn text_close(s: &str) -> (Option<usize>, usize) {
    let mut depth = 0usize;
    let mut close = None;
    // Brackets are ASCII: found as bytes (any byte offset of one is a char
    // boundary), with memchr, not char by char.
    let head = &s.as_bytes()[..s.len().min(MAX_TEXT)];
    // With no `]` in reach nothing closes (a run of `[`, each of whose
    // brackets was counted up to the bound): one search tells.
    if memchr::memchr(b']', head).is_none() {
        crate::work::add(head.len());
        return (None, head.len());
    }
    for i in memchr::memchr2_iter(b'[', b']', head) {
        if head[i] == b'[' {
            depth += 1;
        } else {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                close = Some(i);
                break;
            }
        }
    }
    let looked = close.unwrap_or(head.len());
    crate::work::add(looked);
    (close, looked)
}

/// The Markdown link at the start of `s` whose text the `]` at `close`
/// ends: (end of text, url, total length), when `(url)` follows it.
fn link_from_close(s: &str, close: usize) -> Option<(usize, &str, usize)> {
    const MAX_LINK: usize = 2000;
    let rest = s.get(close + 1..)?;
    if !rest.starts_with('(') {
        return None;
    }
    let end = memchr::memchr(b')', &rest.as_bytes()[..rest.len().min(MAX_LINK)]);
    crate::work::add(end.unwrap_or(rest.len().min(MAX_LINK)));
    let end = end?;
    let url = rest[1..end].trim();
    if url.contains(' ') && !url.starts_with('<') {
        return None;
    }
    Some((close, url, close + 1 + end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The six-pass check [`needs_cleaning`] replaces: the reference.
    fn needs_cleaning_reference(raw: &str) -> bool {
        raw.bytes()
            .any(|b| matches!(b, b'\\' | b'*' | b'_' | b'<' | b'[') || b < 0x20)
            || raw.contains("-- ")
            || ['\u{a0}', '\u{ad}', '\u{feff}', '\u{200b}']
                .iter()
                .any(|&c| raw.contains(c))
    }

    /// Every byte that may start a line end or something cleaning changes
    /// is a candidate; the one compare that takes the control bytes takes
    /// in no other byte than the lead bytes `E0`–`FF` besides the set of
    /// seven compares it replaced.
    #[test]
    fn candidates_are_the_bytes_that_matter() {
        let seven = |b: u8| {
            (b < 0x20)
                | (b & 0xF8 == 0x58)
                | (b == b'*')
                | (b == b'<')
                | (b == b'-')
                | (b & 0xDF == 0xC2)
                | (b == 0xEF)
        };
        const AFTER: [u8; 11] = [
            b'-', b' ', b'\n', 0x80, 0x85, 0xA0, 0xAD, 0xA8, 0x8B, 0xBB, 0xBF,
        ];
        let mut matter = 0;
        for b in 0..=u8::MAX {
            assert_eq!(candidate(b), seven(b) || b >= 0xE0, "{b:#04x}");
            for c in AFTER {
                for d in AFTER {
                    let s = [b, c, d];
                    if changes_at(&s, 0) || crate::source::line_end_len(&s, 0).is_some() {
                        assert!(candidate(b), "{s:?}");
                        matter += 1;
                    }
                }
            }
        }
        assert!(matter > 1000);
    }

    /// The tags told from their bytes do what the general reading of them
    /// does.
    #[test]
    fn common_tags_are_read_as_any_tag() {
        for tag in ["<b>", "</b>", "<br>", "<i>", "</i>"] {
            for after in ["", "x", ">", " <b>"] {
                let text = format!("{tag}{after}");
                let quick = common_tag(text.as_bytes()).expect("a common tag");
                assert_eq!(Some(quick), any_tag(&text), "{text}");
            }
        }
        assert_eq!(html_tag_at("<strong>x"), Some((8, Tag::Bold)));
        assert_eq!(html_tag_at("<br/>"), Some((5, Tag::Break)));
        assert_eq!(html_tag_at("<https://a.no>"), Some((14, Tag::Kept)));
        assert_eq!(html_tag_at("<span class=\"x\">"), None);
        assert_eq!(html_tag_at("< b>"), None);
        assert_eq!(common_tag(b"<bx>"), None);
    }

    /// A tag ends at the first `>` within 200 bytes, near or far.
    #[test]
    fn a_tag_ends_at_its_first_close_within_reach() {
        for inner in [0, 1, 14, 15, 16, 17, 40, 197, 198, 199, 260] {
            let path = "a".repeat(inner);
            for text in [
                format!("<{path}>"),
                format!("<{path}>>"),
                format!("<{path}"),
            ] {
                let reach = &text.as_bytes()[..text.len().min(200)];
                let close = reach.iter().position(|&b| b == b'>');
                let told = close.filter(|&at| at > 1).map(|at| at + 1);
                assert_eq!(html_tag_len(&text), told, "{} bytes", text.len());
            }
        }
        assert_eq!(html_tag_len("<<<<a@b.no>"), Some(11));
    }

    /// A run of `*` is taken at once: what testing each `*` alone with
    /// [`is_emphasis`] gives, on every text of words, spaces and runs.
    #[test]
    fn emphasis_runs_are_each_delimiter() {
        let pieces = ["a", " ", "*", "**", "***", "b."];
        let mut runs = 0;
        for text in crate::testing::concatenations(&pieces, 5) {
            let (mut want, mut marks) = (String::new(), Vec::new());
            for (i, c) in text.char_indices() {
                if c == '*' && is_emphasis(&text, i, '*') {
                    marks.push(want.len());
                } else {
                    want.push(c);
                }
            }
            let want_trimmed = want.trim_end();
            marks.retain(|&m| m <= want_trimmed.len());
            let got = MappedText::clean(&text, 0);
            assert_eq!(got.as_str(), want_trimmed, "{text:?}");
            assert_eq!(got.emphasis_marks(), marks, "{text:?}");
            runs += usize::from(text.contains("**"));
        }
        assert!(runs > 1000, "{runs}");
    }

    /// A line whose only changes are tabs (and vertical tabs, form feeds)
    /// is copied with spaces for them and keeps its own map; one with any
    /// other change is left to the [`Cleaner`].
    #[test]
    fn spaced_copy_takes_white_space_only() {
        let known = |s: &str, base: usize| -> Vec<usize> {
            (0..s.len())
                .filter(|&i| candidate(s.as_bytes()[i]))
                .map(|i| i + base)
                .collect()
        };
        let line = "Navn\tSted\u{c}x-y\tår";
        let copy = spaced_copy(line, 7, &known(line, 7)).expect("white space only");
        assert_eq!(copy.as_str(), "Navn Sted x-y år");
        assert_eq!(copy, MappedText::clean(line, 7));
        assert_eq!(copy.source_offset(5), 12);
        for other in [
            "a\t*b*",
            "a\t[b](c)",
            "a\t\u{a0}b",
            "a\tb -- c",
            "a\t<b>x</b>",
        ] {
            assert_eq!(spaced_copy(other, 0, &known(other, 0)), None, "{other:?}");
        }
    }

    /// [`block_mask`] (SSE2 on x86) gives bit `k` exactly when its pick
    /// picks byte `k`, and agrees with [`block_mask_portable`]: every byte
    /// value at every place of a block, and blocks of random bytes.
    #[test]
    fn block_mask_is_the_bytes_picked() {
        let per_byte = |block: &[u8; SCAN_BLOCK], pick: Pick| -> BlockMask {
            (0..SCAN_BLOCK)
                .filter(|&k| pick.picks(block[k]))
                .fold(0, |m, k| m | 1 << k)
        };
        let mut blocks = Vec::new();
        for b in 0..=u8::MAX {
            for at in 0..SCAN_BLOCK {
                let mut block = [b'a'; SCAN_BLOCK];
                block[at] = b;
                blocks.push(block);
            }
        }
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..2_000 {
            blocks.push(std::array::from_fn(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x.to_le_bytes()[0]
            }));
        }
        let mut picked = 0;
        for block in &blocks {
            for pick in [Pick::Candidates, Pick::Markup] {
                let want = per_byte(block, pick);
                assert_eq!(block_mask(block, pick), want, "{pick:?} {block:?}");
                assert_eq!(block_mask_portable(block, pick), want, "{pick:?} {block:?}");
                picked += want.count_ones();
            }
        }
        assert!(picked > 10_000);
    }

    /// A link text with no markup is taken as it is, not cleaned: what the
    /// cleaner makes of it, map and all, on every text of up to three pieces.
    #[test]
    fn a_plain_link_text_is_what_the_cleaner_makes_of_it() {
        const PIECES: [&str; 9] = ["a", " ", "-", "--", "!", "å", "*", "\u{a0}", "]"];
        let mut plain = 0;
        for text in crate::testing::concatenations(&PIECES, 3) {
            let cleaned = Cleaner::new(&text, 7, None).run();
            if !needs_cleaning(&text) {
                assert_eq!(MappedText::verbatim(&text, 7), cleaned, "{text:?}");
                plain += 1;
            }
        }
        assert!(plain > 100);
    }

    /// The cleaner started from the line scan's changing candidates (`known`) makes
    /// what the one that tests the bytes itself makes, map, marks and links
    /// included: images (`![`, whose `!` is no candidate) after text, after
    /// markup and after an escape, at both ends and across block boundaries.
    #[test]
    fn known_candidates_clean_as_the_byte_tests_do() {
        const PIECES: [&str; 12] = [
            "a", " ", "!", "[", "](u)", "\\", "*", "_", "<b>", "--", "\t", "\u{a0}",
        ];
        let mut checked = 0;
        for tail in crate::testing::concatenations(&PIECES, 4) {
            for pad in [0, SCAN_BLOCK - 3, SCAN_BLOCK + 1] {
                let s = format!("{}{tail}", "y".repeat(pad));
                let base = 5;
                // As the line scan gives them: the candidates that change.
                let known: Vec<usize> = (0..s.len())
                    .filter(|&i| candidate(s.as_bytes()[i]) && changes_at(s.as_bytes(), i))
                    .map(|i| base + i)
                    .collect();
                let plain = Cleaner::new(&s, base, None).run();
                let fast = Cleaner::new(&s, base, Some(&known)).run();
                assert_eq!(fast, plain, "{s:?}");
                assert_eq!(fast.links(), plain.links(), "{s:?}");
                checked += 1;
            }
        }
        assert!(checked > 50_000);
    }

    /// The cleaner's markup search, which keeps one block's bits between
    /// calls, finds what a byte-by-byte search finds, from every offset in
    /// the order the cleaner asks (forward, skipping markup it took).
    #[test]
    fn the_kept_block_finds_what_a_byte_search_finds() {
        const PIECES: [&str; 6] = ["a", "*", "!", "\n", "å", "x\u{a0}"];
        let mut checked = 0;
        for tail in crate::testing::concatenations(&PIECES, 3) {
            for pad in [
                0,
                1,
                SCAN_BLOCK - 2,
                SCAN_BLOCK - 1,
                SCAN_BLOCK,
                2 * SCAN_BLOCK + 3,
            ] {
                let s = format!("{}{tail}{}", "y".repeat(pad), "z".repeat(pad % 7));
                let bytes = s.as_bytes();
                for step in 1..=3 {
                    let mut c = Cleaner::new(&s, 0, None);
                    let mut from = 0;
                    while from <= bytes.len() {
                        let want = bytes[from..]
                            .iter()
                            .position(|&b| markup_byte(b))
                            .map_or(bytes.len(), |p| from + p);
                        assert_eq!(c.next_markup(from), want, "{s:?} from {from}");
                        checked += 1;
                        from += step;
                    }
                }
            }
        }
        assert!(checked > 10_000);
    }

    /// The emphasis test that reads ASCII neighbours as bytes decides as
    /// the one that decodes them did, next to ASCII and other characters,
    /// white space (a vertical tab too) and the ends of the text.
    #[test]
    fn emphasis_read_from_bytes_is_emphasis_read_from_chars() {
        fn by_chars(s: &str, i: usize, ch: char) -> bool {
            let before = s[..i].chars().next_back();
            let after = s[i + 1..].chars().next();
            let ws = |c: Option<char>| c.is_none_or(char::is_whitespace);
            let wordy = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            match ch {
                '*' => !(ws(before) && ws(after)),
                _ => (ws(before) || !wordy(before)) != (ws(after) || !wordy(after)),
            }
        }
        const AROUND: [&str; 10] = ["", "a", " ", "\u{b}", ".", "å", "\u{a0}", "9", "*", "_"];
        let mut checked = 0;
        for before in AROUND {
            for after in AROUND {
                for ch in ['*', '_'] {
                    let s = format!("{before}{ch}{after}");
                    let i = before.len();
                    assert_eq!(is_emphasis(&s, i, ch), by_chars(&s, i, ch), "{s:?}");
                    checked += 1;
                }
            }
        }
        assert_eq!(checked, 200);
    }

    /// The link text's end found with memchr is the one the char-by-char
    /// search found, nested brackets, multi-byte characters and the
    /// length bound included.
    #[test]
    fn link_brackets_are_matched_as_before() {
        fn close_by_chars(s: &str) -> Option<usize> {
            let mut depth = 0usize;
            for (i, c) in s.char_indices().take_while(|&(i, _)| i < 300) {
                match c {
                    '[' => depth += 1,
                    ']' => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            return Some(i);
                        }
                    }
                    _ => {}
                }
            }
            None
        }
        const PIECES: [&str; 6] = ["[", "]", "a", "å", "(u)", "]("];
        let mut checked = 0;
        for tail in crate::testing::concatenations(&PIECES, 4) {
            for pad in [0, 295, 297, 299] {
                let s = format!("[{}{tail}", "å".repeat(pad / 2));
                // A `)` follows, and no space: a link wherever the `]`
                // that closes the text is followed by `(`.
                let t = format!("{s}(x)");
                assert_eq!(
                    link_at(&t).map(|l| l.0),
                    close_by_chars(&t).filter(|&c| t[c + 1..].starts_with('(')),
                    "{t:?}"
                );
                checked += 1;
            }
        }
        assert!(checked > 5_000);
    }

    /// [`Brackets`] reads the close of every `[` that [`text_close`]
    /// finds, wherever the stretch starts (before the `[`, at it, and
    /// where the reach of its text ends in the next stretch).
    #[test]
    fn a_stretch_of_brackets_closes_what_a_search_closes() {
        const PIECES: [&str; 5] = ["[", "]", "a", "å", "[a](b) "];
        let mut checked = 0;
        for tail in crate::testing::concatenations(&PIECES, 5) {
            for pad in [0, 1, 280, 290, 299, 300, 590] {
                // (brackets before the tail's, and the tail's where the
                // stretch read from the first `[` ends)
                let line = format!("[{}{tail}{}]", "x".repeat(pad), "[".repeat(pad % 7));
                let bytes = line.as_bytes();
                let mut brackets = Brackets::default();
                for (at, _) in line.match_indices('[') {
                    let want = text_close(&line[at..]).0;
                    assert_eq!(brackets.close_of(bytes, at), want, "{line:?} at {at}");
                    let mut fresh = Brackets::default();
                    fresh.read(bytes, at.saturating_sub(pad));
                    assert_eq!(fresh.close_of(bytes, at), want, "{line:?} at {at}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 50_000, "{checked}");
    }

    /// A line cleaned with the closes read from [`Brackets`] from the
    /// start is the line cleaned by searching from each `[`.
    #[test]
    fn links_are_the_same_read_either_way() {
        const PIECES: [&str; 7] = ["[", "]", "(u)", "![", "a ", "*b*", "[a](b) "];
        let mut checked = 0;
        for line in crate::testing::concatenations(&PIECES, 5) {
            let searched = Cleaner::new(&line, 3, None).run();
            let mut read = Cleaner::new(&line, 3, None);
            read.scanned = usize::MAX;
            let read = read.run();
            assert_eq!(read, searched, "{line:?}");
            checked += 1;
        }
        assert!(checked > 10_000, "{checked}");
    }

    #[test]
    fn the_one_pass_check_agrees_with_the_six_pass_one() {
        // Every string of up to three pieces, after every prefix length
        // that puts them across a block boundary.
        const PIECES: [&str; 16] = [
            "a", " ", "-", "--", "\\", "*", "\u{a0}", "\u{ad}", "\u{feff}", "\u{200b}", "å", "–",
            "\t", "<", "\u{2028}", "\u{bb}",
        ];
        let mut checked = 0;
        for a in PIECES {
            for b in PIECES {
                for c in PIECES {
                    let tail = format!("{a}{b}{c}");
                    for pad in 0..=2 * SCAN_BLOCK + 1 {
                        let s = format!("{}{tail}", "x".repeat(pad));
                        for t in [&s[..], &s[..s.len() - c.len()]] {
                            assert_eq!(needs_cleaning(t), needs_cleaning_reference(t), "{t:?}");
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert!(checked > 100_000);
    }
}

//! Unicode normalisation for matching, with a map back to the input.
//!
//! Converters write the same text in many Unicode forms: a zero-width space
//! before every line, a right-to-left mark before a label, no-break spaces
//! for every space, soft hyphens inside words, letters decomposed (NFD). The
//! parser reads one form: [`Normalized`] drops the
//! [`INVISIBLE_CHARS`](crate::lexicon::INVISIBLE_CHARS), makes each of the
//! [`SPACE_CHARS`](crate::lexicon::SPACE_CHARS) a plain space and composes
//! the rest to NFC. Line ends are left alone, so the normalised text has the
//! input's lines. A list of edits maps every offset of the normalised text
//! back to the input, so spans still index the input exactly.

use std::borrow::Cow;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use super::MappedText;
use crate::lexicon::{INVISIBLE_CHARS, LINE_SEPARATORS, SPACE_CHARS};

/// One change: the normalised bytes `at..at + len` stand for the input bytes
/// `input..input + input_len`. With `len == 0`, invisible characters were
/// dropped. Between edits the text is copied byte for byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Edit {
    at: usize,
    len: usize,
    input: usize,
    input_len: usize,
}

impl Edit {
    fn is_drop(&self) -> bool {
        self.len == 0
    }

    fn input_end(&self) -> usize {
        self.input + self.input_len
    }
}

/// Text normalised for matching, with a map back to the input.
///
/// Invisible characters are dropped, Unicode spaces become `' '`, and the
/// rest is composed to NFC; line ends stay as they are. When nothing
/// changes (the common case) the text is borrowed and the map is empty.
///
/// ```
/// use fou::lines::Normalized;
/// let input = "\u{200b}Pa\u{30a}\u{a0}gang";
/// let n = Normalized::new(input);
/// assert_eq!(n.text(), "På gang");
/// // `På`: the composed `å` stands for `a` and the combining ring.
/// assert_eq!(n.input_range(0, "På".len()), (3, 7));
/// assert_eq!(&input[3..7], "Pa\u{30a}");
/// assert!(Normalized::new("Blåbær").is_unchanged());
/// ```
#[derive(Debug, Clone)]
pub struct Normalized<'a> {
    text: Cow<'a, str>,
    edits: Vec<Edit>,
}

/// What normalisation does with a character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Kept, and no composition reaches back over it (a stable starter).
    Stable,
    /// Kept, but it may combine with or reorder around what precedes it.
    Unstable,
    /// Kept, and it ends composition on both sides: ASCII space and
    /// controls, line ends.
    Hard,
    /// A Unicode space: becomes `' '`.
    Space,
    /// Dropped.
    Invisible,
}

fn class(c: char) -> Class {
    if c.is_ascii() {
        return if c.is_ascii_control() || c == ' ' {
            Class::Hard
        } else {
            Class::Stable
        };
    }
    // Below U+0300 every character is a starter in NFC already.
    if c < '\u{300}' {
        return match c {
            '\u{a0}' => Class::Space,
            '\u{ad}' => Class::Invisible,
            c if c < '\u{a0}' => Class::Hard,
            _ => Class::Stable,
        };
    }
    if INVISIBLE_CHARS.contains(&c) {
        Class::Invisible
    } else if SPACE_CHARS.contains(&c) {
        Class::Space
    } else if LINE_SEPARATORS.contains(&c) {
        Class::Hard
    } else if canonical_combining_class(c) == 0
        && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
    {
        Class::Stable
    } else {
        Class::Unstable
    }
}

/// Bytes passed over at a time by [`kept_as_is`] (one SSE2 register; the
/// name is older than the SSE2 test, which also passes over U+00C0–U+02FF).
const ASCII_BLOCK: usize = 16;

/// True when normalising cannot change `input`: every character is
/// [`Class::Stable`] or [`Class::Hard`], so nothing is dropped, replaced or
/// composed (the common case, checked before the full pass). Text is passed
/// over [`ASCII_BLOCK`] bytes at a time ([`settled`]), and the letters
/// U+00C0–U+02FF (`æ`, `ø`, `å`: stable starters) by their lead byte.
fn kept_as_is(input: &str) -> bool {
    let bytes = input.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // Most stretches of text are settled whole: [`WIDE_BLOCK`] bytes at
        // a time, else a block at a time up to the first byte that is not.
        if let Some(wide) = bytes.get(i..).and_then(|r| r.first_chunk::<WIDE_BLOCK>())
            && settled_wide(wide)
        {
            i += WIDE_BLOCK + usize::from(wide[WIDE_BLOCK - 1] >= 0xC0);
            continue;
        }
        if let Some(block) = bytes.get(i..i + ASCII_BLOCK) {
            let n = settled(block);
            if n == ASCII_BLOCK {
                // A lead byte that ends the block starts a two-byte
                // character: the next byte is the rest of it.
                i += ASCII_BLOCK + usize::from(block[ASCII_BLOCK - 1] >= 0xC0);
                continue;
            }
            i += n;
        } else if b < 0x80 {
            i += 1;
            continue;
        }
        match bytes.get(i) {
            // Lead bytes of U+00C0–U+02FF, all stable starters (below U+0300).
            Some(0xC3..=0xCB) => i += 2,
            _ => match input.get(i..).and_then(|rest| rest.chars().next()) {
                Some(c) if matches!(class(c), Class::Stable | Class::Hard) => i += c.len_utf8(),
                _ => return false,
            },
        }
    }
    true
}

/// Bytes passed over at a time by [`kept_as_is`] while they are all
/// settled: four blocks told by one movemask and one test, not four (the
/// per-block work besides the compares is most of the work).
const WIDE_BLOCK: usize = 4 * ASCII_BLOCK;

/// True when [`settled`] passes over each of the four blocks of `wide`
/// (which starts a character), told at once: with SSE2 the test of
/// [`unsettled_sse2`] made on the four blocks' bytewise maximum (for
/// `CC`–`FF`) and on each block (for `C2`), joined by `|` and gathered by
/// one movemask; elsewhere by [`settled_portable`] of the whole.
#[inline(always)]
fn settled_wide(wide: &[u8; WIDE_BLOCK]) -> bool {
    #[cfg(sse2)]
    {
        use safe_arch::{
            bitor_m128i, cmp_eq_mask_i8_m128i, m128i, max_u8_m128i, move_mask_i8_m128i,
            set_splat_i8_m128i,
        };
        let splat = |b: u8| set_splat_i8_m128i(b.cast_signed());
        // Never the default: the lanes are of `ASCII_BLOCK` bytes.
        let lane = |k: usize| {
            let bytes = wide.get(k * ASCII_BLOCK..(k + 1) * ASCII_BLOCK);
            m128i::from(
                bytes
                    .and_then(|b| b.try_into().ok())
                    .unwrap_or([0; ASCII_BLOCK]),
            )
        };
        let [a, b, c, d] = [lane(0), lane(1), lane(2), lane(3)];
        // As `unsettled_sse2`, on the four lanes at once: a byte `CC`–`FF` is
        // in their bytewise maximum, and `C2`s are compared lane by lane.
        let top = max_u8_m128i(max_u8_m128i(a, b), max_u8_m128i(c, d));
        let high = cmp_eq_mask_i8_m128i(max_u8_m128i(top, splat(0xCC)), top);
        let nbsp = |v: m128i| cmp_eq_mask_i8_m128i(v, splat(0xC2));
        let low = bitor_m128i(bitor_m128i(nbsp(a), nbsp(b)), bitor_m128i(nbsp(c), nbsp(d)));
        move_mask_i8_m128i(bitor_m128i(high, low)) == 0
    }
    #[cfg(not(sse2))]
    {
        settled_portable(wide) == WIDE_BLOCK
    }
}

/// `0xFF` for each byte of `v` that [`settled`] stops at (`C2` or
/// `CC`–`FF`), `0` for the others: a max-and-compare test, a compare and an
/// `|`. (`C0` and `C1` start no character of UTF-8: text holds none.)
#[cfg(sse2)]
#[inline(always)]
fn unsettled_sse2(v: safe_arch::m128i) -> safe_arch::m128i {
    use safe_arch::{bitor_m128i, cmp_eq_mask_i8_m128i, max_u8_m128i, set_splat_i8_m128i};
    let splat = |b: u8| set_splat_i8_m128i(b.cast_signed());
    // `CC`–`FF`: the byte is its maximum with `CC`.
    let high = cmp_eq_mask_i8_m128i(max_u8_m128i(v, splat(0xCC)), v);
    // `C2`: leads U+0080–U+00BF, among them NBSP and the soft hyphen.
    bitor_m128i(high, cmp_eq_mask_i8_m128i(v, splat(0xC2)))
}

/// How many bytes at the start of `block` (which starts a character) hold
/// only characters that normalising keeps: up to the first byte that
/// starts any other character than ASCII or U+00C0–U+02FF, or the whole
/// block. With SSE2 (every x86-64): that first byte, from
/// [`unsettled_sse2`] and one movemask (a byte `C2` or `CC`–`FF`). Elsewhere
/// [`settled_portable`], the same test eight bytes at a time.
#[inline(always)]
fn settled(block: &[u8]) -> usize {
    #[cfg(sse2)]
    {
        use safe_arch::{m128i, move_mask_i8_m128i};
        let Ok(lane) = <[u8; ASCII_BLOCK]>::try_from(block) else {
            return 0;
        };
        let bits = move_mask_i8_m128i(unsettled_sse2(m128i::from(lane))).cast_unsigned() & 0xFFFF;
        if bits == 0 {
            ASCII_BLOCK
        } else {
            bits.trailing_zeros() as usize
        }
    }
    #[cfg(not(sse2))]
    settled_portable(block)
}

/// [`settled`] in portable code, eight bytes at a time in a `u64`
/// ([`crate::swar`]): up to the first byte `C2` or `CC`–`FF`, or the whole
/// block; the bytes after its last whole word one by one.
#[cfg_attr(sse2, allow(dead_code))]
#[inline(always)]
fn settled_portable(block: &[u8]) -> usize {
    use crate::swar::{WORD, at_least, equal, whole, words};
    for (k, w) in words(block).enumerate() {
        if crate::swar::high(w) == 0 {
            // ASCII, as most words are.
            continue;
        }
        let unsettled = equal(w, 0xC2) | at_least(w, 0xCC);
        if unsettled != 0 {
            return k * WORD + unsettled.trailing_zeros() as usize / 8;
        }
    }
    let rest = block.get(whole(block)..).unwrap_or_default();
    let last = rest.iter().position(|&b| b == 0xC2 || b >= 0xCC);
    whole(block) + last.unwrap_or(rest.len())
}

/// The stretch of input that NFC may change as a whole: from a stable
/// starter (or a hard character) to the next.
#[derive(Debug, Clone, Copy)]
struct Run {
    /// Input offset of its first byte.
    start: usize,
    /// Offset of its first byte in the output.
    out: usize,
    /// Index of its first edit.
    edits: usize,
    /// Holds a character that NFC may change.
    dirty: bool,
}

struct Builder<'a> {
    input: &'a str,
    /// The normalised text so far; empty until the first edit.
    out: String,
    /// Input before this offset is accounted for in `out`.
    copied: usize,
    edits: Vec<Edit>,
    run: Run,
}

impl<'a> Builder<'a> {
    fn new(input: &'a str) -> Self {
        Builder {
            input,
            out: String::new(),
            copied: 0,
            edits: Vec::new(),
            run: Run {
                start: 0,
                out: 0,
                edits: 0,
                dirty: false,
            },
        }
    }

    /// Take in the character `c` at input offset `i`.
    fn step(&mut self, i: usize, c: char) {
        let n = c.len_utf8();
        match class(c) {
            Class::Stable => {
                self.close_run(i);
                self.start_run(i);
            }
            Class::Unstable => self.run.dirty = true,
            Class::Invisible => self.edit(i, n, ""),
            Class::Hard => {
                self.close_run(i);
                if c == '\n' {
                    self.keep_lone_cr(i);
                }
                self.start_run(i + n);
            }
            Class::Space => {
                self.close_run(i);
                self.edit(i, n, " ");
                self.start_run(i + n);
            }
        }
    }

    /// Pass the ASCII from input offset `i` on, right after an ASCII
    /// character, and return where it ends. Each ASCII character would
    /// close the run (which one ASCII character before has left clean: a
    /// no-op), and start a new one at itself (a stable character) or after
    /// itself (a hard one); no edit falls inside, so only the last
    /// character's new run counts.
    fn skip_ascii(&mut self, i: usize) -> usize {
        let rest = self.input.as_bytes().get(i..).unwrap_or_default();
        let len = rest
            .iter()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        if let Some(&last) = len.checked_sub(1).and_then(|k| rest.get(k)) {
            let end = i + len;
            let hard = last.is_ascii_control() || last == b' ';
            self.start_run(if hard { end } else { end - 1 });
        }
        i + len
    }

    fn out_pos(&self, i: usize) -> usize {
        self.out.len() + (i - self.copied)
    }

    fn flush(&mut self, i: usize) {
        if i > self.copied {
            self.out.push_str(&self.input[self.copied..i]);
            self.copied = i;
        }
    }

    /// Replace the input bytes `i..i + input_len` by `with`.
    fn edit(&mut self, i: usize, input_len: usize, with: &str) {
        self.flush(i);
        let e = Edit {
            at: self.out.len(),
            len: with.len(),
            input: i,
            input_len,
        };
        self.out.push_str(with);
        self.copied = i + input_len;
        match self.edits.last_mut() {
            // Invisible characters in a row are one drop.
            Some(last) if e.is_drop() && last.is_drop() && last.at == e.at => {
                last.input_len += input_len;
            }
            _ => self.edits.push(e),
        }
    }

    /// Before a `\n` at input offset `i`: if characters dropped right
    /// before it follow a `\r`, they become a space, or the output would
    /// join `\r` and `\n` into one line end where the input has two.
    fn keep_lone_cr(&mut self, i: usize) {
        let at = self.out_pos(i);
        if let Some(last) = self.edits.last_mut()
            && last.is_drop()
            && last.at == at
            && last.input_end() == i
            && at.checked_sub(1).and_then(|p| self.out.as_bytes().get(p)) == Some(&b'\r')
        {
            last.len = 1;
            self.out.push(' ');
        }
    }

    fn start_run(&mut self, i: usize) {
        self.run = Run {
            start: i,
            out: self.out_pos(i),
            edits: self.edits.len(),
            dirty: false,
        };
    }

    /// End the current run before input offset `i`, composing it if needed.
    fn close_run(&mut self, i: usize) {
        let run = self.run;
        if !run.dirty {
            return;
        }
        if self.edits.len() == run.edits {
            // Nothing dropped inside: compare with the input, allocate only on change.
            let chunk = &self.input[run.start..i];
            if !chunk.nfc().eq(chunk.chars()) {
                let nfc: String = chunk.nfc().collect();
                self.edit(run.start, i - run.start, &nfc);
            }
            return;
        }
        self.flush(i);
        let current = &self.out[run.out..];
        if current.nfc().eq(current.chars()) {
            return;
        }
        let nfc: String = current.nfc().collect();
        // Characters dropped inside the run go into the composed text; those
        // at its very start or end stay drops of their own.
        let inside: Vec<Edit> = self.edits.drain(run.edits..).collect();
        let lead = inside.first().filter(|e| e.at == run.out).copied();
        let tail = inside
            .last()
            .filter(|e| e.at == self.out.len() && Some(**e) != lead)
            .copied();
        let from = lead.map_or(run.start, |e| e.input_end());
        let to = tail.map_or(i, |e| e.input);
        self.out.truncate(run.out);
        self.copied = run.start;
        if let Some(l) = lead {
            self.edit(run.start, l.input_len, "");
        }
        self.edit(from, to - from, &nfc);
        if let Some(t) = tail {
            self.edit(to, t.input_len, "");
        }
    }
}

impl<'a> Normalized<'a> {
    /// Normalise `input` (see [`Normalized`]). Linear in the input.
    ///
    /// ```
    /// let n = fou::lines::Normalized::new("\u{200f}Prosjekttittel:\u{2009}Et\u{ad}tall");
    /// assert_eq!(n.text(), "Prosjekttittel: Ettall");
    /// ```
    pub fn new(input: &'a str) -> Self {
        crate::work::add(input.len());
        if kept_as_is(input) {
            return Normalized {
                text: Cow::Borrowed(input),
                edits: Vec::new(),
            };
        }
        let mut b = Builder::new(input);
        let mut i = 0;
        while let Some(c) = input.get(i..).and_then(|rest| rest.chars().next()) {
            b.step(i, c);
            i += c.len_utf8();
            if c.is_ascii() {
                i = b.skip_ascii(i);
            }
        }
        b.close_run(input.len());
        if b.edits.is_empty() {
            return Normalized {
                text: Cow::Borrowed(input),
                edits: Vec::new(),
            };
        }
        b.flush(input.len());
        Normalized {
            text: Cow::Owned(b.out),
            edits: b.edits,
        }
    }

    /// The normalised text.
    ///
    /// ```
    /// assert_eq!(fou::lines::Normalized::new("a\u{2003}b").text(), "a b");
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The normalised text, owned or borrowed from the input.
    ///
    /// ```
    /// let t = fou::lines::Normalized::new("Forord").into_text();
    /// assert!(matches!(t, std::borrow::Cow::Borrowed("Forord")));
    /// ```
    pub fn into_text(self) -> Cow<'a, str> {
        self.text
    }

    /// The input itself, when normalising changed nothing (so what is
    /// read from the text may borrow from the input).
    ///
    /// ```
    /// assert_eq!(fou::lines::Normalized::new("Åtte").unchanged_input(), Some("Åtte"));
    /// assert_eq!(fou::lines::Normalized::new("A\u{30a}tte").unchanged_input(), None);
    /// ```
    pub fn unchanged_input(&self) -> Option<&'a str> {
        match &self.text {
            Cow::Borrowed(t) if self.edits.is_empty() => Some(t),
            _ => None,
        }
    }

    /// True when the text is the input itself.
    ///
    /// ```
    /// assert!(fou::lines::Normalized::new("Åtte").is_unchanged());
    /// assert!(!fou::lines::Normalized::new("A\u{30a}tte").is_unchanged());
    /// ```
    pub fn is_unchanged(&self) -> bool {
        self.edits.is_empty()
    }

    /// Where normalised offset `n` lies in the input: the offsets just
    /// before and just after the characters dropped there, or, inside a
    /// replacement, the replaced input's start and end (then `true`).
    fn place(&self, n: usize) -> (usize, usize, bool) {
        let k = self.edits.partition_point(|e| e.at < n);
        let prev = k.checked_sub(1).and_then(|j| self.edits.get(j));
        if let Some(p) = prev
            && n < p.at + p.len
        {
            return (p.input, p.input_end(), true);
        }
        let base = prev.map_or(n, |p| p.input_end() + (n - (p.at + p.len)));
        match self.edits.get(k) {
            Some(d) if d.at == n && d.is_drop() => (base, d.input_end(), false),
            _ => (base, base, false),
        }
    }

    /// Input offset where something starting at normalised offset `n` starts.
    fn start_of(&self, n: usize) -> usize {
        let (before, after, inside) = self.place(n);
        if inside { before } else { after }
    }

    /// Input offset where something ending at normalised offset `n` ends.
    fn end_of(&self, n: usize) -> usize {
        let (before, after, inside) = self.place(n);
        if inside { after } else { before }
    }

    /// The input range of the normalised range `start..end`: invisible
    /// characters at its edges are left out; a replaced character counts
    /// whole.
    ///
    /// ```
    /// let input = "x\u{200b}Blåbær\u{200b} ";
    /// let n = fou::lines::Normalized::new(input);
    /// let (s, e) = n.input_range(1, 1 + "Blåbær".len());
    /// assert_eq!(&input[s..e], "Blåbær");
    /// ```
    pub fn input_range(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.start_of(start);
        (s, self.end_of(end).max(s))
    }

    /// The input range of whole lines `start..end` of the normalised text
    /// (a block's bytes): invisible characters at its edges belong to it.
    ///
    /// ```
    /// let input = "\u{200b}Forord\u{200e}\nTekst";
    /// let n = fou::lines::Normalized::new(input);
    /// assert_eq!(n.input_line_range(0, 6), (0, input.find('\n').unwrap()));
    /// ```
    pub fn input_line_range(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.place(start).0;
        (s, self.place(end).1.max(s))
    }
}

/// `text` as the parser reads it (see [`Normalized`]).
///
/// ```
/// assert_eq!(fou::lines::normalize("\u{feff}- Tiltak\u{a0}1"), "- Tiltak 1");
/// ```
pub fn normalize(text: &str) -> Cow<'_, str> {
    Normalized::new(text).into_text()
}

/// A clean-text map being rebuilt in input offsets.
#[derive(Default)]
struct Rebuilt {
    map: Vec<(usize, usize)>,
    syn: Vec<(usize, usize)>,
}

impl Rebuilt {
    /// From clean offset `c` on, bytes come from input offset `input`.
    fn mark(&mut self, c: usize, input: usize) {
        match self.map.last_mut() {
            Some(last) if last.0 == c => last.1 = input,
            _ => self.map.push((c, input)),
        }
    }

    /// The characters of `chars` (clean offsets from `c`) stand for the
    /// input bytes of edit `e`: the first for all of them, the rest for none.
    fn replaced(&mut self, c: usize, chars: &str, e: &Edit) {
        for (j, (q, _)) in chars.char_indices().enumerate() {
            let (input, len) = if j == 0 {
                (e.input, e.input_len)
            } else {
                (e.input_end(), 0)
            };
            self.mark(c + q, input);
            self.syn.push((c + q, len));
        }
        self.mark(c + chars.len(), e.input_end());
    }
}

impl MappedText<'_> {
    /// The same text, owned, with its offsets moved from the normalised text
    /// `norm` to `norm`'s input.
    pub(crate) fn remap(self, norm: &Normalized<'_>) -> MappedText<'static> {
        let mut this = self.into_owned();
        if norm.is_unchanged() || this.text.is_empty() {
            return this;
        }
        let (map, syn) = remapped(&this.text, &this.segments(), this.syn(), norm);
        this.set_segments(&map);
        if !syn.is_empty() || this.extras.is_some() {
            this.extras_mut().syn = syn;
        }
        this.shrink_to_fit();
        this
    }
}

/// Offset pairs: a map's `(clean, source)` or replacements' `(clean, length)`.
type Pairs = Vec<(usize, usize)>;

/// The map and replacement table of the clean `text` (with `map` and `syn`
/// into the normalised text) moved to `norm`'s input.
fn remapped(
    text: &str,
    map: &[(usize, usize)],
    syn: &[(usize, usize)],
    norm: &Normalized<'_>,
) -> (Pairs, Pairs) {
    let mut out = Rebuilt::default();
    let mut syn = syn.iter().copied().peekable();
    for (k, &(c0, r0)) in map.iter().enumerate() {
        let c1 = map.get(k + 1).map_or(text.len(), |m| m.0);
        let mut c = c0;
        while c < c1 {
            while syn.peek().is_some_and(|&(sc, _)| sc < c) {
                syn.next();
            }
            let r = r0 + (c - c0);
            if let Some((_, len)) = syn.next_if(|&(sc, _)| sc == c) {
                let width = text[c..].chars().next().map_or(1, char::len_utf8);
                let (s, e) = norm.input_range(r, r + len);
                out.mark(c, s);
                out.syn.push((c, e - s));
                out.mark(c + width, e);
                c += width;
                continue;
            }
            let end = syn.peek().map_or(c1, |&(sc, _)| sc.min(c1));
            remap_copied(&mut out, &text[c..end], c, r, norm);
            c = end;
        }
    }
    crate::work::add(text.len());
    (out.map, out.syn)
}

/// Map a stretch of clean text copied from normalised offset `r` on.
fn remap_copied(out: &mut Rebuilt, text: &str, c: usize, r: usize, norm: &Normalized<'_>) {
    let r_end = r + text.len();
    let clean = |n: usize| c + (n - r);
    out.mark(c, norm.start_of(r));
    let mut k = norm.edits.partition_point(|e| e.at < r);
    // The stretch may start inside a replacement: the rest of it.
    if let Some(p) = k.checked_sub(1).and_then(|j| norm.edits.get(j))
        && r < p.at + p.len
    {
        let stop = (p.at + p.len).min(r_end);
        for (q, _) in text[..stop - r].char_indices() {
            out.mark(c + q, p.input_end());
            out.syn.push((c + q, 0));
        }
        out.mark(clean(stop), p.input_end());
    }
    while let Some(e) = norm.edits.get(k).filter(|e| e.at < r_end) {
        k += 1;
        if e.is_drop() {
            out.mark(clean(e.at), e.input_end());
        } else {
            let stop = (e.at + e.len).min(r_end);
            out.replaced(clean(e.at), &text[e.at - r..stop - r], e);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::LineIndex;

    /// The shortcut for characters below U+0300 agrees with the full test.
    #[test]
    fn latin_characters_are_stable_starters() {
        for c in ('\u{a1}'..'\u{300}').filter(|&c| c != '\u{ad}') {
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
        }
    }

    /// Every character through [`Builder::step`], with no ASCII shortcut.
    fn by_chars(input: &str) -> (String, Vec<Edit>) {
        let mut b = Builder::new(input);
        for (i, c) in input.char_indices() {
            b.step(i, c);
        }
        b.close_run(input.len());
        if b.edits.is_empty() {
            return (input.to_owned(), Vec::new());
        }
        b.flush(input.len());
        (b.out, b.edits)
    }

    #[test]
    fn the_ascii_shortcut_changes_nothing() {
        let pieces = [
            "a", "A", " ", "\n", "\r", "\t", "\u{301}", "\u{327}", "\u{200b}", "\u{200e}",
            "\u{a0}", "å", "\u{ad}", "x\u{30a}", "..",
        ];
        let inputs = crate::testing::concatenations(&pieces, 4);
        for input in &inputs {
            let n = Normalized::new(input);
            let (text, edits) = by_chars(input);
            assert_eq!((n.text(), &n.edits), (text.as_str(), &edits), "{input:?}");
        }
    }

    #[test]
    fn the_block_shortcut_changes_nothing() {
        let pieces = [
            "a", " ", "\n", "\u{301}", "\u{200b}", "\u{a0}", "å", "Æ", "«", "–", "\u{2028}",
            "\u{85}", "\u{ad}", "\u{2009}", "\u{feff}", "\u{1e0a}", "\u{2126}",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    // Round the first block's end and the first wide block's.
                    let pads = (0..=ASCII_BLOCK + 2).chain(WIDE_BLOCK - 3..=WIDE_BLOCK + 2);
                    for pad in pads {
                        let input = format!("{}{a}{b}{c}", "x".repeat(pad));
                        let n = Normalized::new(&input);
                        let (text, edits) = by_chars(&input);
                        assert_eq!((n.text(), &n.edits), (text.as_str(), &edits), "{input:?}");
                        assert!(!kept_as_is(&input) || edits.is_empty(), "{input:?}");
                        let stable = input
                            .chars()
                            .all(|c| matches!(class(c), Class::Stable | Class::Hard));
                        assert_eq!(kept_as_is(&input), stable, "{input:?}");
                    }
                }
            }
        }
    }

    /// The wide test finds a byte that stops [`settled`] in any of its four
    /// blocks, at every place, and passes over `æøå` anywhere.
    #[test]
    fn the_wide_test_sees_every_block() {
        let pieces = [
            "«",
            "–",
            "\u{a0}",
            "å",
            "Æ",
            "\u{301}",
            "\u{1e0a}",
            "\u{10348}",
        ];
        let mut stopped = 0;
        for piece in pieces {
            for at in 0..=WIDE_BLOCK - piece.len() {
                let text = format!("{}{piece}{}", "x".repeat(at), "y".repeat(WIDE_BLOCK));
                let Some(wide) = text.as_bytes().first_chunk::<WIDE_BLOCK>() else {
                    continue;
                };
                let stops = wide.iter().any(|&b| b == 0xC2 || b >= 0xCC);
                assert_eq!(settled_wide(wide), !stops, "{text:?}");
                assert_eq!(settled_portable(wide) == WIDE_BLOCK, !stops, "{text:?}");
                stopped += usize::from(stops);
            }
        }
        assert!(stopped > 300, "{stopped}");
    }

    /// [`settled`] and [`settled_portable`] stop at the start of a
    /// character, and only after characters that normalising keeps, at the
    /// same byte (the first `C2` or `CC`–`FF`), and pass over `æøå`; the
    /// portable code also in blocks of other lengths.
    #[test]
    fn settled_bytes_are_kept_characters() {
        let pieces = [
            "a", " ", "å", "Æ", "«", "–", "\u{301}", "\u{a0}", "\u{2028}", "\u{1e0a}",
        ];
        let mut passed_over = 0;
        for tail in crate::testing::concatenations(&pieces, 5) {
            // Ten bytes of ASCII first: the pieces fall on the block's end.
            let input = format!("{}{tail}", "a".repeat(10));
            let Some(block) = input.as_bytes().get(..ASCII_BLOCK) else {
                continue;
            };
            for n in [settled(block), settled_portable(block)] {
                // A lead byte that ends a settled block takes the next byte.
                let end = n + usize::from(n == ASCII_BLOCK && block[n - 1] >= 0xC0);
                let kept = input.get(..end).expect("a character boundary");
                assert!(
                    kept.chars()
                        .all(|c| matches!(class(c), Class::Stable | Class::Hard)),
                    "{input:?} {n}"
                );
            }
            assert_eq!(settled(block), settled_portable(block), "{input:?}");
            for len in [0, 3, 8, 11] {
                let short = &block[..len];
                let want = short.iter().position(|&b| b == 0xC2 || b >= 0xCC);
                assert_eq!(settled_portable(short), want.unwrap_or(len), "{input:?}");
            }
            passed_over += usize::from(settled(block) == ASCII_BLOCK);
        }
        // Whole blocks that hold `æøå` are settled.
        assert!(passed_over > 1000, "{passed_over}");
    }

    #[test]
    fn edits_map_offsets_back() {
        let input = "a\u{200b}\u{200e}b\u{a0}e\u{301}\u{200b}x";
        let n = Normalized::new(input);
        assert_eq!(n.text(), "ab éx");
        assert_eq!(n.edits.len(), 4, "{:?}", n.edits);
        // `b` starts after the two dropped characters.
        assert_eq!(n.input_range(1, 2), (7, 8));
        // The space stands for the NBSP, `é` for `e` and the accent.
        assert_eq!(n.input_range(2, 3), (8, 10));
        assert_eq!(n.input_range(3, 5), (10, 13));
        // `x` after the last drop; the whole text is the whole input.
        assert_eq!(n.input_range(5, 6), (16, 17));
        assert_eq!(n.input_range(0, 6), (0, 17));
        assert_eq!(n.input_line_range(0, 6), (0, 17));
        // Around a drop: a range ending there leaves it out, a line keeps it.
        assert_eq!(n.input_range(0, 1), (0, 1));
        assert_eq!(n.input_line_range(0, 1), (0, 7));
    }

    #[test]
    fn a_lone_cr_stays_apart_from_the_next_line_feed() {
        let n = Normalized::new("a\r\u{200e}\u{200b}\nb");
        assert_eq!(n.text(), "a\r \nb");
        assert_eq!(n.input_line_range(2, 3), (2, 8));
        assert_eq!(Normalized::new("a\r\n\u{200e}\nb").text(), "a\r\n\nb");
        assert_eq!(Normalized::new("a\u{200e}\r\nb").text(), "a\r\nb");
    }

    /// What lets the parser tell the format of the normalised text from the
    /// input's line index: normalising adds no line, no `\r` and no Unicode
    /// line separator, whatever stands around the line ends.
    #[test]
    fn normalising_adds_no_line() {
        let pieces = [
            "a", "\r", "\n", "\u{200b}", "\u{200e}", "\u{a0}", "\u{2028}", "\u{85}", "\u{30a}",
            "\u{ad}", "\u{2029}",
        ];
        for text in crate::testing::concatenations(&pieces, 4) {
            let (input, norm) = (LineIndex::new(&text), Normalized::new(&text));
            let out = LineIndex::new(norm.text());
            assert!(out.line_count() <= input.line_count(), "{text:?}");
            assert_eq!(
                out.has_unicode_line_ends(),
                input.has_unicode_line_ends(),
                "{text:?}"
            );
            assert_eq!(
                out.ends_only_in_line_feeds(),
                input.ends_only_in_line_feeds(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn runs_of_combining_marks_compose_across_dropped_characters() {
        let n = Normalized::new("A\u{200b}\u{30a}se");
        assert_eq!(n.text(), "Åse");
        assert_eq!(n.input_range(0, "Å".len()), (0, 6));
        // Marks after a hard character stay as they are.
        assert_eq!(Normalized::new("\n\u{301}").text(), "\n\u{301}");
        // Canonical reordering never takes a line end along.
        let n = Normalized::new("x\n\u{301}\u{327}y");
        assert_eq!(n.text(), "x\n\u{327}\u{301}y");
        assert_eq!(n.input_line_range(2, 2 + 4), (2, 6));
    }

    #[test]
    fn clean_text_is_remapped_to_the_input() {
        let input = "\u{200b}**Pa\u{30a}\u{a0}gang**\u{200e} -- i\tdag";
        let n = Normalized::new(input);
        let c = MappedText::clean(n.text(), 0).remap(&n);
        assert_eq!(c.as_str(), "På gang – i dag");
        let range = |w: &str| {
            let at = c.as_str().find(w).unwrap();
            let (s, e) = c.source_range(at, at + w.len());
            &input[s..e]
        };
        assert_eq!(range("På"), "Pa\u{30a}");
        assert_eq!(range("På gang"), "Pa\u{30a}\u{a0}gang");
        assert_eq!(range("gang"), "gang");
        assert_eq!(range("–"), "--");
        assert_eq!(range("i dag"), "i\tdag");
        assert_eq!(range(c.as_str()), &input[5..]);
    }
}

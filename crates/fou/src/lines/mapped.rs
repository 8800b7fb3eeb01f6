//! [`MappedText`]: a line's (or block's) cleaned text with a map back to
//! input byte offsets.

use std::borrow::Cow;

use smallvec::SmallVec;

/// Segments a text that needs more than its first is given room for at
/// once: each piece of markup removed starts one (`**a** b` has two), so
/// most dirty lines fit without growing the map one step at a time.
pub(super) const SEGMENTS_AT_ONCE: usize = 8;

/// Segments kept in a text's [`Extras`] without an allocation of their own.
const SEGMENTS_INLINE: usize = 2;

/// Emphasis marks kept in a text's [`Extras`] without an allocation of
/// their own: `**a**` has four.
const MARKS_INLINE: usize = 4;

/// A hyperlink found while cleaning inline markup.
///
/// ```
/// let t = fou::lines::MappedText::clean("se [rapporten](https://example.org/r)", 0);
/// assert_eq!(t.links()[0].text, "rapporten");
/// assert_eq!(t.links()[0].url, "https://example.org/r");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The link text.
    pub text: String,
    /// The target.
    pub url: String,
}

/// How two texts are joined by [`MappedText::append`].
///
/// ```
/// use fou::lines::{Joint, MappedText};
/// let mut t = MappedText::verbatim("arbeids", 0);
/// t.append(&MappedText::verbatim("ledighet", 9), Joint::Tight);
/// assert_eq!(t.as_str(), "arbeidsledighet");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Joint {
    /// A space standing for the line break between them (wrapped lines).
    Space,
    /// A `\n` (a Markdown hard line break).
    Break,
    /// Nothing: a word mended across lines.
    Tight,
}

/// Cleaned text with a map from its byte offsets to input byte offsets.
///
/// Layer 1 makes one per line ([`MappedText::clean`]: inline markup
/// removed, `--` made an en dash, tabs and no-break spaces made spaces);
/// layer 2 joins them into blocks with [`MappedText::append`]. Every clean
/// offset maps back to the input, so a span of any part of the text is exact.
///
/// ```
/// use fou::lines::MappedText;
/// let c = MappedText::clean("a **bold** [link](http://x)", 100);
/// assert_eq!(c.as_str(), "a bold link");
/// assert_eq!(c.source_offset(2), 104);       // 'b' of bold
/// assert_eq!(c.links()[0].url, "http://x");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MappedText<'a> {
    /// The cleaned text: borrowed from the input when cleaning changed
    /// nothing, owned once it differs (markup removed, lines joined).
    pub(super) text: Cow<'a, str>,
    /// The source offset of clean offset 0: the first segment of the map
    /// (every text starts mapped), from which bytes were copied
    /// contiguously up to the next segment, if any ([`Extras::more`]).
    pub(super) origin: usize,
    /// The other segments, replaced characters and what cleaning removed
    /// besides text, when there are any (boxed: nine in ten blocks of a
    /// report have none, and a block is kept per line of short-line input).
    pub(super) extras: Option<Box<Extras>>,
}

/// Markup that cleaning removed and later layers may ask about.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Extras {
    /// The map's segments after the first, `(clean_offset, source_offset)`:
    /// from each clean offset on (above 0, ascending), bytes were copied
    /// contiguously from the source offset.
    pub(super) more: SmallVec<[(usize, usize); SEGMENTS_INLINE]>,
    /// Synthetic characters `(clean_offset, source_length)`: an NBSP made
    /// a space, `--` made an en dash (a character standing for input of
    /// another length), in order.
    pub(super) syn: Vec<(usize, usize)>,
    /// Links, in order.
    pub(super) links: SmallVec<[Link; 1]>,
    /// Clean offsets where an emphasis delimiter (`*`, `_`) was removed,
    /// one per delimiter character, in order.
    pub(super) marks: SmallVec<[usize; MARKS_INLINE]>,
    /// An HTML bold tag (`<b>`, `<strong>`) was removed.
    pub(super) bold_tag: bool,
}

impl Extras {
    /// Add `other`'s marks (shifted by `shift`) and bold flag; links only
    /// when `links` is set.
    fn absorb(&mut self, other: &Extras, shift: usize, links: bool) {
        if links {
            self.links.extend(other.links.iter().cloned());
        }
        self.marks.extend(other.marks.iter().map(|&m| m + shift));
        self.syn
            .extend(other.syn.iter().map(|&(c, l)| (c + shift, l)));
        self.bold_tag |= other.bold_tag;
    }
}

impl<'a> MappedText<'a> {
    /// Text copied verbatim (no markup removal).
    ///
    /// ```
    /// let c = fou::lines::MappedText::verbatim("**x**", 5);
    /// assert_eq!((c.as_str(), c.source_offset(0)), ("**x**", 5));
    /// ```
    #[inline]
    pub fn verbatim(raw: &'a str, base: usize) -> Self {
        MappedText {
            text: Cow::Borrowed(raw),
            origin: base,
            extras: None,
        }
    }

    /// True when the text is borrowed from the input (cleaning changed
    /// nothing and nothing was joined to it).
    ///
    /// ```
    /// use fou::lines::MappedText;
    /// assert!(MappedText::clean("Arbeid og helse", 0).is_borrowed());
    /// assert!(!MappedText::clean("Arbeid og **helse**", 0).is_borrowed());
    /// ```
    pub fn is_borrowed(&self) -> bool {
        matches!(self.text, Cow::Borrowed(_))
    }

    /// The same text, owned: it no longer borrows the input.
    ///
    /// ```
    /// let t = fou::lines::MappedText::clean("tekst", 3).into_owned();
    /// assert!(!t.is_borrowed());
    /// assert_eq!(t.source_offset(0), 3);
    /// ```
    pub fn into_owned(self) -> MappedText<'static> {
        MappedText {
            text: Cow::Owned(self.text.into_owned()),
            origin: self.origin,
            extras: self.extras,
        }
    }

    /// The text.
    ///
    /// ```
    /// assert_eq!(fou::lines::MappedText::clean("*a*", 0).as_str(), "a");
    /// ```
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Length of the text in bytes.
    ///
    /// ```
    /// assert_eq!(fou::lines::MappedText::verbatim("æ", 0).len(), 2);
    /// ```
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// True when there is no text.
    ///
    /// ```
    /// assert!(fou::lines::MappedText::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The links found while cleaning, in order.
    ///
    /// ```
    /// assert!(fou::lines::MappedText::clean("ingen lenker", 0).links().is_empty());
    /// ```
    pub fn links(&self) -> &[Link] {
        self.extras.as_ref().map_or(&[], |e| &e.links)
    }

    /// Clean offsets where an emphasis delimiter (`*` or `_`) was removed,
    /// one per delimiter character.
    ///
    /// ```
    /// let t = fou::lines::MappedText::clean("Nordmann (2020): *Tittel*, NAV", 0);
    /// assert_eq!(t.emphasis_marks(), [17, 23]);
    /// ```
    pub fn emphasis_marks(&self) -> &[usize] {
        self.extras.as_ref().map_or(&[], |e| &e.marks)
    }

    /// The text with a `*` put back at every removed emphasis delimiter:
    /// what grammars that read emphasis (a reference's `*Title*`) parse,
    /// without any other markup.
    ///
    /// ```
    /// let t = fou::lines::MappedText::clean("Nordmann (2020): _Tittel_, [NAV](https://nav.no)", 0);
    /// assert_eq!(t.with_emphasis_marks(), "Nordmann (2020): *Tittel*, NAV");
    /// ```
    pub fn with_emphasis_marks(&self) -> String {
        let marks = self.emphasis_marks();
        let mut out = String::with_capacity(self.text.len() + marks.len());
        let mut at = 0;
        for &m in marks {
            out.push_str(self.text.get(at..m).unwrap_or_default());
            out.push('*');
            at = m.max(at);
        }
        out.push_str(self.text.get(at..).unwrap_or_default());
        out
    }

    /// True when an HTML bold tag (`<b>`, `<strong>`) was removed: converters
    /// from PDF and Word mark a table of contents' top entries so.
    ///
    /// ```
    /// assert!(fou::lines::MappedText::clean("<b>1 Innledning</b> 4", 0).had_bold_tag());
    /// assert!(!fou::lines::MappedText::clean("**1 Innledning** 4", 0).had_bold_tag());
    /// ```
    pub fn had_bold_tag(&self) -> bool {
        self.extras.as_ref().is_some_and(|e| e.bold_tag)
    }

    /// The replaced characters `(clean_offset, source_length)`.
    pub(super) fn syn(&self) -> &[(usize, usize)] {
        self.extras.as_ref().map_or(&[], |e| &e.syn)
    }

    /// The map's segments after the first (see [`Extras::more`]).
    fn more(&self) -> &[(usize, usize)] {
        self.extras.as_ref().map_or(&[], |e| &e.more)
    }

    /// The map's segments `(clean_offset, source_offset)`, all of them.
    pub(super) fn segments(&self) -> Vec<(usize, usize)> {
        let mut all = Vec::with_capacity(1 + self.more().len());
        all.push((0, self.origin));
        all.extend_from_slice(self.more());
        all
    }

    /// Set the map to `segments` (the first at clean offset 0; none leaves
    /// the origin as it is).
    pub(super) fn set_segments(&mut self, segments: &[(usize, usize)]) {
        let Some((&(_, first), rest)) = segments.split_first() else {
            return;
        };
        self.origin = first;
        if !rest.is_empty() || self.extras.is_some() {
            self.extras_mut().more = SmallVec::from_slice(rest);
        }
    }

    /// Start a segment at clean offset `clean` (above 0) from source offset
    /// `at`.
    fn push_segment(&mut self, clean: usize, at: usize) {
        let more = &mut self.extras_mut().more;
        if more.len() == SEGMENTS_INLINE {
            more.reserve_exact(SEGMENTS_AT_ONCE - SEGMENTS_INLINE);
        }
        more.push((clean, at));
    }

    /// Drop replaced characters at clean offsets from `len` on.
    fn drop_syn_from(&mut self, len: usize) {
        if let Some(e) = self.extras.as_deref_mut() {
            while e.syn.last().is_some_and(|&(c, _)| c >= len) {
                e.syn.pop();
            }
        }
    }

    /// The extras, made when first needed.
    pub(super) fn extras_mut(&mut self) -> &mut Extras {
        self.extras.get_or_insert_with(Box::default)
    }

    /// Merge `other`'s extras (shifted by `shift`), links only if `links`.
    fn absorb_extras(&mut self, other: &MappedText<'_>, shift: usize, links: bool) {
        if let Some(e) = other.extras.as_deref() {
            self.extras_mut().absorb(e, shift, links);
        }
    }

    /// Append source text that starts at source offset `at`.
    pub(crate) fn push_src(&mut self, s: &str, at: usize) {
        if s.is_empty() {
            return;
        }
        self.map_next(at);
        self.text.to_mut().push_str(s);
    }

    /// Record that the text from its current end on comes from source
    /// offset `at`: no entry when that continues the last segment, and an
    /// entry at the same clean offset is replaced, so a text copied in one
    /// piece (a paragraph joined from lines at `\n`) keeps one entry.
    fn map_next(&mut self, at: usize) {
        let clean_at = self.text.len();
        let (c, r) = self.more().last().copied().unwrap_or((0, self.origin));
        if r + (clean_at - c) == at {
            return;
        }
        if c == clean_at {
            match self.extras.as_deref_mut().and_then(|e| e.more.last_mut()) {
                Some(last) => last.1 = at,
                None => self.origin = at,
            }
        } else {
            self.push_segment(clean_at, at);
        }
    }

    /// Append a character standing for the `src_len` source bytes at `at`
    /// (a joining space, an NBSP made a space, `--` made an en dash). Only a
    /// character whose source length differs from its own is recorded as
    /// replaced; a space for a `\n` maps like copied text.
    pub(crate) fn push_replacement(&mut self, ch: char, at: usize, src_len: usize) {
        self.map_next(at);
        if src_len != ch.len_utf8() {
            let at = self.text.len();
            self.extras_mut().syn.push((at, src_len));
        }
        self.text.to_mut().push(ch);
        // The next copied byte must start a new segment.
        self.map_next(at + src_len);
    }

    /// Append another mapped text after this one, joined as `joint` says;
    /// its map, replacements and links come along.
    ///
    /// ```
    /// use fou::lines::{Joint, MappedText};
    /// let mut c = MappedText::verbatim("en", 0);
    /// c.append(&MappedText::verbatim("to", 3), Joint::Space);
    /// assert_eq!((c.as_str(), c.source_offset(3)), ("en to", 3));
    ///
    /// // A mended word keeps the spans of what follows exact: `–` stands for `--`.
    /// let mut w = MappedText::verbatim("arbeids", 0);
    /// w.append(&MappedText::clean("ledighet -- nå", 9), Joint::Tight);
    /// assert_eq!(w.as_str(), "arbeidsledighet – nå");
    /// let dash = w.as_str().find('–').unwrap();
    /// assert_eq!(w.source_range(dash, dash + '–'.len_utf8()), (18, 20));
    /// ```
    pub fn append(&mut self, other: &MappedText<'_>, joint: Joint) {
        if other.text.is_empty() {
            return;
        }
        let sep = match joint {
            Joint::Space => Some(' '),
            Joint::Break => Some('\n'),
            Joint::Tight => None,
        };
        if let Some(sep) = sep
            && !self.text.is_empty()
        {
            self.push_replacement(sep, other.origin.saturating_sub(1), 1);
        }
        self.append_mapped(other);
        if let Some(e) = other.extras.as_deref().filter(|e| !e.links.is_empty()) {
            self.extras_mut().links.extend(e.links.iter().cloned());
        }
    }

    /// Append `other`'s text with its map, replacements and emphasis marks,
    /// shifted (not its links).
    pub(super) fn append_mapped(&mut self, other: &MappedText<'_>) {
        let shift = self.text.len();
        self.absorb_extras(other, shift, false);
        // `other`'s first segment, at its offset 0, may continue this
        // text's last; its others start segments of their own.
        self.map_next(other.origin);
        for &(c, r) in other.more() {
            self.push_segment(c + shift, r);
        }
        self.text.to_mut().push_str(&other.text);
    }

    /// Make room for `additional` more bytes of text, at once: the text
    /// is owned from here on (a borrowed one is copied into a string with
    /// that room). For a text that lines are about to be appended to.
    ///
    /// ```
    /// use fou::lines::{Joint, MappedText};
    /// let mut t = MappedText::verbatim("en", 0);
    /// t.reserve(8);
    /// t.append(&MappedText::verbatim("to", 3), Joint::Space);
    /// assert_eq!((t.as_str(), t.is_borrowed()), ("en to", false));
    /// ```
    pub fn reserve(&mut self, additional: usize) {
        match &mut self.text {
            Cow::Borrowed(b) => {
                let mut owned = String::with_capacity(b.len() + additional);
                owned.push_str(b);
                self.text = Cow::Owned(owned);
            }
            Cow::Owned(t) => t.reserve(additional),
        }
    }

    /// Give back the spare capacity of a finished text. A text with
    /// nothing to give back (borrowed, or owned without spare room, and
    /// with no extras: most blocks, which layer 2 shrinks when it keeps
    /// them and again when it is done) is told so inline, without a call.
    #[inline]
    pub(crate) fn shrink_to_fit(&mut self) {
        let spare = match &self.text {
            Cow::Owned(t) => t.capacity() > t.len(),
            Cow::Borrowed(_) => false,
        };
        if spare || self.extras.is_some() {
            self.shrink_all();
        }
    }

    /// [`MappedText::shrink_to_fit`] of the text and every list of its
    /// extras.
    #[inline(never)]
    fn shrink_all(&mut self) {
        if let Cow::Owned(t) = &mut self.text {
            t.shrink_to_fit();
        }
        if let Some(e) = self.extras.as_deref_mut() {
            e.more.shrink_to_fit();
            e.syn.shrink_to_fit();
            e.marks.shrink_to_fit();
            e.links.shrink_to_fit();
        }
    }

    /// The characters standing for source text of another length, as
    /// `(clean offset, source length)`: a joining space for a line end run,
    /// an NBSP made a space, `--` made an en dash, a hyphen put back.
    ///
    /// ```
    /// let c = fou::lines::MappedText::clean("A -- B", 0);
    /// assert_eq!(c.replacements(), [(2, 2)]);
    /// ```
    pub fn replacements(&self) -> &[(usize, usize)] {
        self.syn()
    }

    /// Source byte offset of clean byte offset `clean`.
    ///
    /// ```
    /// let c = fou::lines::MappedText::clean("**ab**", 0);
    /// assert_eq!(c.source_offset(1), 3);
    /// ```
    pub fn source_offset(&self, clean: usize) -> usize {
        let more = self.more();
        let i = more.partition_point(|&(c, _)| c <= clean);
        let (c, r) = i
            .checked_sub(1)
            .and_then(|i| more.get(i))
            .copied()
            .unwrap_or((0, self.origin));
        r + (clean - c)
    }

    /// Source byte range for the clean range `start..end`.
    ///
    /// ```
    /// let c = fou::lines::MappedText::clean("**Tre** prosjekter -- ø", 0);
    /// assert_eq!(c.as_str(), "Tre prosjekter – ø");
    /// assert_eq!(c.source_range(0, 3), (2, 5));     // `Tre`, not its `**`
    /// assert_eq!(c.source_range(0, 21), (2, 24));   // ends after `ø`
    /// assert_eq!(c.source_range(15, 18), (19, 21)); // `–` stands for the two bytes `--`
    /// ```
    pub fn source_range(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.source_offset(start);
        let end = end.min(self.text.len());
        let Some(last) = self
            .text
            .get(..end)
            .and_then(|t| t.chars().next_back())
            .filter(|_| end > start)
        else {
            return (s, s);
        };
        let last_start = end - last.len_utf8();
        let syn = self.syn();
        let src_len = match syn.binary_search_by_key(&last_start, |&(c, _)| c) {
            Ok(i) => syn[i].1,
            Err(_) => last.len_utf8(),
        };
        (s, (self.source_offset(last_start) + src_len).max(s))
    }

    /// The part `start..end` of this text, with its map.
    ///
    /// ```
    /// let c = fou::lines::MappedText::clean("x *ab* cd", 10);
    /// let s = c.slice(2, 4);
    /// assert_eq!(s.as_str(), "ab");
    /// assert_eq!(s.source_offset(0), 13);
    /// ```
    pub fn slice(&self, start: usize, end: usize) -> MappedText<'a> {
        let end = end.min(self.text.len());
        let start = start.min(end);
        let text = match &self.text {
            Cow::Borrowed(t) => Cow::Borrowed(t.get(start..end).unwrap_or_default()),
            Cow::Owned(t) => Cow::Owned(t.get(start..end).unwrap_or_default().to_owned()),
        };
        let more = self.more();
        // The segments that start inside the slice, after its first byte.
        let inside = &more[more.partition_point(|&(c, _)| c <= start)..];
        let inside = &inside[..inside.partition_point(|&(c, _)| c < end)];
        MappedText {
            text,
            origin: self.source_offset(start),
            extras: self.extras.as_deref().map(|e| {
                Box::new(Extras {
                    more: inside.iter().map(|&(c, r)| (c - start, r)).collect(),
                    syn: e
                        .syn
                        .iter()
                        .filter(|&&(c, _)| c >= start && c < end)
                        .map(|&(c, l)| (c - start, l))
                        .collect(),
                    links: e.links.clone(),
                    marks: e
                        .marks
                        .iter()
                        .filter(|&&m| m >= start && m <= end)
                        .map(|&m| m - start)
                        .collect(),
                    bold_tag: e.bold_tag,
                })
            }),
        }
    }

    /// The text with the clean ranges `cuts` left out and a `-` put in at
    /// each clean offset of `hyphens` (a hyphen the converter lost), map
    /// kept: what is left still indexes the input, a mended word's span
    /// covers both its parts and an inserted hyphen stands for no input.
    /// `cuts` and `hyphens` are sorted and do not overlap.
    ///
    /// ```
    /// use fou::lines::MappedText;
    /// let c = MappedText::verbatim("i Fjord- forsk og NAVkontor", 0);
    /// let m = c.edited(&[(7, 9)], &[21]);
    /// assert_eq!(m.as_str(), "i Fjordforsk og NAV-kontor");
    /// assert_eq!(m.source_range(2, 12), (2, 14)); // both parts
    /// assert_eq!(m.source_range(16, 26), (18, 27));
    /// ```
    pub fn edited(&self, cuts: &[(usize, usize)], hyphens: &[usize]) -> MappedText<'static> {
        let mut points: Vec<(usize, usize)> = cuts.to_vec();
        points.extend(hyphens.iter().map(|&h| (h, h)));
        points.sort_unstable();
        let mut out = self.slice(0, 0).into_owned();
        let mut at = 0;
        for (start, end) in points {
            if start > at {
                out.append_mapped(&self.slice(at, start));
            }
            if start == end {
                out.push_replacement('-', self.source_offset(start), 0);
            }
            at = end;
        }
        out.append_mapped(&self.slice(at, self.text.len()));
        out
    }

    /// The text with surrounding white space removed, map kept.
    ///
    /// ```
    /// let c = fou::lines::MappedText::verbatim("  x  ", 0).trimmed();
    /// assert_eq!((c.as_str(), c.source_offset(0)), ("x", 2));
    /// ```
    pub fn trimmed(&self) -> MappedText<'a> {
        let t = crate::text::trim_start(&self.text);
        let start = self.text.len() - t.len();
        let end = start + crate::text::trim_end(t).len();
        self.slice(start, end)
    }

    /// Cut the text to its first `len` bytes (a char boundary), in place.
    ///
    /// ```
    /// let mut c = fou::lines::MappedText::verbatim("arbeids-", 0);
    /// c.truncate(7);
    /// assert_eq!(c.as_str(), "arbeids");
    /// ```
    pub fn truncate(&mut self, len: usize) {
        if len >= self.text.len() || !self.text.is_char_boundary(len) {
            return;
        }
        truncate_cow(&mut self.text, len);
        self.drop_syn_from(len);
        self.drop_marks_after(len);
        self.drop_segments_from(len);
    }

    /// Forget the segments that start at clean offset `len` or later.
    fn drop_segments_from(&mut self, len: usize) {
        if let Some(e) = self.extras.as_deref_mut() {
            while e.more.last().is_some_and(|&(c, _)| c >= len) {
                e.more.pop();
            }
        }
    }

    /// Forget emphasis marks past clean offset `len`.
    fn drop_marks_after(&mut self, len: usize) {
        if let Some(e) = self.extras.as_deref_mut() {
            while e.marks.last().is_some_and(|&m| m > len) {
                e.marks.pop();
            }
        }
    }

    /// Drop trailing white space, map kept.
    pub(super) fn trim_end(&mut self) {
        // Most texts end in an ASCII byte above the space: nothing to trim,
        // and nothing of the map, marks or replacements lies beyond it.
        if self
            .text
            .as_bytes()
            .last()
            .is_some_and(|&b| b > b' ' && b.is_ascii())
        {
            return;
        }
        let t = crate::text::trim_end(&self.text).len();
        truncate_cow(&mut self.text, t);
        self.drop_syn_from(t);
        self.drop_marks_after(t);
        self.drop_segments_from(t + 1);
    }
}

/// Cut `text` to `len` bytes (a char boundary), borrowing still if it was.
fn truncate_cow(text: &mut Cow<'_, str>, len: usize) {
    match text {
        Cow::Borrowed(t) => *t = t.get(..len).unwrap_or(t),
        Cow::Owned(t) => t.truncate(len),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bug `append_tight` had: a mended word dropped the table of
    /// replaced characters, so a span ending at a later `--` (or NBSP) ended
    /// one byte late.
    #[test]
    fn a_tight_join_keeps_replacements() {
        let mut w = MappedText::verbatim("arbeids", 0);
        // `--` at 18..20 and an NBSP at 21..23 of the input.
        w.append(&MappedText::clean("ledighet -- \u{a0}nå", 9), Joint::Tight);
        assert_eq!(w.as_str(), "arbeidsledighet –  nå");
        let dash = w.as_str().find('–').unwrap_or(0);
        assert_eq!(w.source_range(0, dash + '–'.len_utf8()), (0, 20));
        assert_eq!(w.source_range(dash, dash + '–'.len_utf8() + 2), (18, 23));
    }

    /// A shrunk text has no spare room left, whether the inline test
    /// passed it to the whole shrink or found nothing to give back:
    /// borrowed, owned with and without spare room, with extras.
    #[test]
    fn a_shrunk_text_has_no_spare_room() {
        // Room past the length (a small vector's inline room is no spare).
        let spare_extras = |t: &MappedText<'_>| {
            t.extras.as_deref().map_or(0, |e| {
                let on_heap = |spilled: bool, cap: usize, len: usize| {
                    if spilled { cap - len } else { 0 }
                };
                on_heap(e.more.spilled(), e.more.capacity(), e.more.len())
                    + on_heap(true, e.syn.capacity(), e.syn.len())
                    + on_heap(e.marks.spilled(), e.marks.capacity(), e.marks.len())
                    + on_heap(e.links.spilled(), e.links.capacity(), e.links.len())
            })
        };
        let exact = MappedText {
            text: Cow::Owned("exact".to_owned()),
            origin: 0,
            extras: None,
        };
        let mut texts = vec![
            MappedText::verbatim("lånt", 3),
            exact,
            MappedText::clean("**a** [b](c) -- d", 0),
        ];
        for (i, joint) in [Joint::Space, Joint::Tight, Joint::Break]
            .into_iter()
            .enumerate()
        {
            let mut t = MappedText::verbatim("en linje", 0);
            for _ in 0..=i {
                t.append(&MappedText::verbatim("og en til", 9), joint);
            }
            texts.push(t.clone());
            t.append(&MappedText::clean("*x* \u{a0}y", 30), joint);
            texts.push(t.clone());
            // Its text without spare room, its extras with some.
            if let Cow::Owned(s) = &mut t.text {
                s.shrink_to_fit();
            }
            texts.push(t);
        }
        let exact_text = |t: &MappedText<'_>| match &t.text {
            Cow::Owned(s) => s.capacity() == s.len(),
            Cow::Borrowed(_) => true,
        };
        assert!(texts.iter().any(|t| exact_text(t) && spare_extras(t) > 0));
        for mut t in texts {
            let before = t.clone();
            t.shrink_to_fit();
            assert_eq!(t, before);
            if let Cow::Owned(s) = &t.text {
                assert_eq!(s.capacity(), s.len(), "{t:?}");
            }
            assert_eq!(spare_extras(&t), 0, "{t:?}");
        }
    }

    #[test]
    fn joints_put_what_they_say_between() {
        for (joint, text) in [
            (Joint::Space, "a b"),
            (Joint::Break, "a\nb"),
            (Joint::Tight, "ab"),
        ] {
            let mut t = MappedText::verbatim("a", 0);
            t.append(&MappedText::verbatim("b", 2), joint);
            assert_eq!(t.as_str(), text);
            assert_eq!(t.source_range(0, t.len()), (0, 3));
        }
        // Nothing is put before the first text.
        let mut t = MappedText::default();
        t.append(&MappedText::verbatim("b", 2), Joint::Space);
        assert_eq!((t.as_str(), t.source_offset(0)), ("b", 2));
    }
}

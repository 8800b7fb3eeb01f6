//! Classifiers: judgements about words and short texts that are not grammars
//! — is this token an acronym, does this text read as an organisation's name,
//! as a list of them?
//!
//! The grammars call them where a boundary is a matter of judgement (where a
//! project line's title ends and its institutions begin, whether `AFI OsloMet`
//! is two organisations), and the block builder calls them to decide whether
//! a line continues the one before. They reuse the grammars' text splitters.

use crate::grammar::{SplitAnd, split_at_ascii, strip_report_from, trim_period};
use crate::lexicon::{NOT_ORG_START, ORG_LEGAL_FORMS, ORG_STEMS};
use crate::text::lower;
use std::sync::LazyLock;

/// Does one of a name's `words` mark an organisation: a legal form, a word
/// holding a stem ([`is_org_word`]), or an acronym ([`is_acronym`])? The
/// words are looked at for the first two before any is for the third: most
/// names of many words hold a stem (`Universitetet i …`), and the acronym
/// test reads a capitalised word to its end, character by character.
fn has_org_word(words: &[&str]) -> bool {
    words.iter().any(|w| {
        let w = trim_to_alphanumeric(w);
        // A word of Latin-1 (`Høgskolen`) is lower-cased on the stack;
        // others as `lower` does (without a copy when lower-case already).
        let mut buf = [0u8; WORD_ROOM];
        match lower_on_stack(w, &mut buf) {
            Some(lw) => is_org_word(lw),
            None => is_org_word(lower(w).as_bytes()),
        }
    }) || words.iter().any(|w| is_acronym(w))
}

/// Room for a word lower-cased on the stack ([`lower_on_stack`]), in
/// bytes: longer than any word of a name; a longer one is lower-cased on
/// the heap.
const WORD_ROOM: usize = 48;

/// The bytes of `w` lower-cased in `buf` ([`lower_latin_1`]) when it is
/// Latin-1 and fits; `None` otherwise (the caller lower-cases it on the
/// heap).
fn lower_on_stack<'b>(w: &str, buf: &'b mut [u8; WORD_ROOM]) -> Option<&'b [u8]> {
    let room = buf
        .get_mut(..w.len())
        .filter(|_| crate::text::is_latin_1(w))?;
    room.copy_from_slice(w.as_bytes());
    lower_latin_1(room);
    Some(room)
}

/// The UTF-8 bytes `b` of a text of Latin-1 lower-cased in place, as
/// [`str::to_lowercase`] lower-cases its characters (each to one of as many
/// bytes): the ASCII capitals, and `À`–`Þ` but `×`, `C3 80`–`C3 9E`, whose
/// second byte moves up by 0x20 (a test checks every character).
fn lower_latin_1(b: &mut [u8]) {
    let mut after_c3 = false;
    for x in b {
        if x.is_ascii_uppercase() || (after_c3 && matches!(*x, 0x80..=0x96 | 0x98..=0x9e)) {
            *x += 0x20;
        }
        after_c3 = *x == 0xc3;
    }
}

/// Is the lower-cased word `lw` (its bytes: no check that a word
/// lower-cased on the stack is UTF-8 again) a legal form
/// ([`ORG_LEGAL_FORMS`]) or does it hold an organisation stem
/// ([`ORG_STEMS`])?
fn is_org_word(lw: &[u8]) -> bool {
    ORG_LEGAL_FORMS.iter().any(|f| f.as_bytes() == lw) || holds_stem(lw)
}

/// [`ORG_STEMS`] by their first byte (none is empty: a test checks).
static STEMS_BY_FIRST: LazyLock<[Vec<&'static [u8]>; 256]> = LazyLock::new(|| {
    let mut by: [Vec<&'static [u8]>; 256] = std::array::from_fn(|_| Vec::new());
    for stem in ORG_STEMS {
        if let Some(&first) = stem.as_bytes().first() {
            by[usize::from(first)].push(stem.as_bytes());
        }
    }
    by
});

/// Does the word `word` hold one of [`ORG_STEMS`]? What asking
/// [`str::contains`] of each stem answers, in one pass over the word's
/// bytes: a place whose two bytes start no stem ([`STEM_PAIRS`], most
/// places) is passed with one look at a table; at the others, only the
/// stems that start with its byte are compared (a word is short, and
/// looking for each of some forty stems in turn cost more than the rest of
/// reading a name). No stem starts in the last bytes of a word, fewer than
/// the shortest has ([`SHORTEST_STEM`]).
fn holds_stem(b: &[u8]) -> bool {
    let Some(places) = (b.len() + 1).checked_sub(SHORTEST_STEM) else {
        return false;
    };
    b.windows(2)
        .take(places)
        .enumerate()
        .any(|(i, pair)| match *pair {
            [x, y] if starts_stem_pair(x, y) => STEMS_BY_FIRST[usize::from(x)]
                .iter()
                .any(|stem| b.get(i..).is_some_and(|rest| rest.starts_with(stem))),
            _ => false,
        })
}

/// The fewest bytes a stem of [`ORG_STEMS`] has (two or more: a test
/// checks, and [`STEM_PAIRS`] reads two bytes of each).
const SHORTEST_STEM: usize = {
    let mut min = usize::MAX;
    let mut n = 0;
    while n < ORG_STEMS.len() {
        let len = ORG_STEMS[n].len();
        assert!(len >= 2);
        if len < min {
            min = len;
        }
        n += 1;
    }
    min
};

/// The first two bytes of each stem of [`ORG_STEMS`] as a set of pairs, a
/// bit each (bit `x << 8 | y` for the bytes `x`, `y`): 8 KB, where a table
/// of a byte per pair would be 64.
static STEM_PAIRS: [u64; 1 << 10] = {
    let mut set = [0u64; 1 << 10];
    let mut n = 0;
    while n < ORG_STEMS.len() {
        let s = ORG_STEMS[n].as_bytes();
        let pair = (s[0] as usize) << 8 | s[1] as usize;
        set[pair >> 6] |= 1 << (pair & 63);
        n += 1;
    }
    set
};

/// Do the bytes `x`, `y` start a stem of [`ORG_STEMS`] ([`STEM_PAIRS`])?
#[inline]
fn starts_stem_pair(x: u8, y: u8) -> bool {
    let pair = usize::from(x) << 8 | usize::from(y);
    STEM_PAIRS
        .get(pair >> 6)
        .is_some_and(|w| w >> (pair & 63) & 1 != 0)
}

/// An acronym-like organisation token: `NTNU`, `AFI`, `OsloMet`, `UiO`, `HiNN`.
///
/// ```
/// use fou::classify::is_acronym;
/// assert!(is_acronym("OsloMet") && is_acronym("NTNU"));
/// assert!(!is_acronym("Troms"));
/// ```
pub fn is_acronym(token: &str) -> bool {
    let t = trim_to_alphanumeric(token);
    // One pass: at least two characters, the first and one more upper
    // case, every one a letter, a digit or `-`.
    let mut chars = t.chars();
    if !chars.next().is_some_and(char::is_uppercase) {
        return false;
    }
    let mut upper = 1;
    for c in chars {
        if !(c.is_alphanumeric() || c == '-') {
            return false;
        }
        upper += usize::from(c.is_uppercase());
    }
    upper >= 2
}

/// `token` without the characters that are no letters or digits at its
/// ends (`token.trim_matches(|c: char| !c.is_alphanumeric())`), told from
/// two bytes in the common case: a token that starts and ends with an
/// ASCII letter or digit is returned as it is, without decoding a character.
#[inline]
fn trim_to_alphanumeric(token: &str) -> &str {
    let alnum = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
    let b = token.as_bytes();
    if alnum(b.first()) && alnum(b.last()) {
        token
    } else {
        token.trim_matches(|c: char| !c.is_alphanumeric())
    }
}

/// Does `s` read like one organisation's name (short, capitalised, not a sentence)?
///
/// ```
/// use fou::classify::is_institution_name;
/// assert!(is_institution_name("Proba samfunnsanalyse"));
/// assert!(is_institution_name("St. Olavs hospital HF"));
/// assert!(!is_institution_name("Hvordan kan vi gjøre veiledningen bedre i NAV"));
/// assert!(!is_institution_name("digital oppfølging av unge"));
/// assert!(!is_institution_name("Brukernes tillit til veiledere"));
/// assert!(is_institution_name("Det juridiske fakultet"));
/// ```
pub fn is_institution_name(s: &str) -> bool {
    let t = crate::text::trim(s);
    let mut buf = [""; MAX_NAME_WORDS];
    let Some(words) = name_words(t, &mut buf) else {
        return false;
    };
    let Some(first) = words.first() else {
        return false;
    };
    if !first
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        || starts_no_name(first)
        || has_sentence_mark(t)
        || t.ends_with(['?', ','])
        || words.iter().any(|w| w.bytes().all(|b| b.is_ascii_digit()))
    {
        return false;
    }
    // A period inside is only allowed after an abbreviation (`St.`, `Avd.`, `M.`).
    for (i, w) in words.iter().enumerate() {
        if w.ends_with('.') && i + 1 < words.len() {
            let stem = w.trim_end_matches('.');
            let abbrev = stem.chars().count() <= 3 || stem.chars().all(char::is_uppercase);
            if !abbrev {
                return false;
            }
        }
    }
    // One word (`Fafo`, `Frischsenteret`), every word capitalised (`Oslo Economics`,
    // `Agenda Kaupang`), or an organisation word somewhere (`Proba samfunnsanalyse`,
    // `Universitetet i Agder`, `NAV Troms`, `Det juridiske fakultet`).
    let capitalised = |w: &&str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    words.len() == 1 || (words.len() <= 4 && words.iter().all(capitalised)) || has_org_word(words)
}

/// The most words an organisation's name has.
const MAX_NAME_WORDS: usize = 8;

/// The words of `t` (what [`str::split_whitespace`] gives) in `buf`, on
/// the stack; `None` when it has more than a name has. Found byte by byte
/// ([`crate::text::each_word_at`]): decoding each character to ask whether
/// it is white space cost more than the rest of the test of a short name.
fn name_words<'t, 'b>(t: &'t str, buf: &'b mut [&'t str; MAX_NAME_WORDS]) -> Option<&'b [&'t str]> {
    let (mut len, mut more) = (0, false);
    crate::text::each_word_at(t, |_, w| match buf.get_mut(len) {
        Some(slot) => {
            *slot = w;
            len += 1;
        }
        None => more = true,
    });
    if more { None } else { buf.get(..len) }
}

/// The most characters a word of [`NOT_ORG_START`] has.
const NOT_ORG_START_MAX_CHARS: usize = 7;

/// Is `first` (lower-cased) one of [`NOT_ORG_START`]? A longer word is not
/// lower-cased to find out (lower-casing never makes fewer characters), nor
/// is an ASCII word (it is compared ignoring ASCII case: an ASCII word
/// lower-cases as ASCII).
fn starts_no_name(first: &str) -> bool {
    if first.is_ascii() {
        // (an ASCII word has as many bytes as characters)
        return NOT_ORG_START_BY_LEN
            .get(first.len())
            .is_some_and(|words| words.iter().any(|w| w.eq_ignore_ascii_case(first)));
    }
    if first.chars().nth(NOT_ORG_START_MAX_CHARS).is_some() {
        return false;
    }
    // A word of Latin-1 (`Økonomisk`) is lower-cased on the stack.
    let mut buf = [0u8; WORD_ROOM];
    match lower_on_stack(first, &mut buf) {
        Some(lw) => NOT_ORG_START.iter().any(|w| w.as_bytes() == lw),
        None => NOT_ORG_START.contains(&first.to_lowercase().as_str()),
    }
}

/// The words of [`NOT_ORG_START`] by their length in bytes, up to
/// [`NOT_ORG_START_MAX_CHARS`]: an ASCII word is compared ignoring ASCII
/// case only with the words as long as it ([`str::eq_ignore_ascii_case`]
/// says no to any other), and a longer one is none of them.
static NOT_ORG_START_BY_LEN: LazyLock<[Vec<&'static str>; NOT_ORG_START_MAX_CHARS + 1]> =
    LazyLock::new(|| {
        let mut by: [Vec<&'static str>; NOT_ORG_START_MAX_CHARS + 1] = Default::default();
        for &w in NOT_ORG_START {
            if let Some(words) = by.get_mut(w.len()) {
                words.push(w);
            }
        }
        by
    });

/// Does `t` hold a mark no name has: `?`, `!`, `:`, `;`, `"`, `«`, `»`,
/// `“` or `”`? Byte by byte: the first five are ASCII, `«` and `»` are
/// `C2 AB` and `C2 BB`, `“` and `”` are `E2 80 9C` and `E2 80 9D`.
fn has_sentence_mark(t: &str) -> bool {
    let b = t.as_bytes();
    // (most bytes of a name are none of these: told by a table, not a match)
    b.iter().enumerate().any(|(i, &x)| {
        MARK_STARTS[usize::from(x)]
            && match x {
                0xC2 => matches!(b.get(i + 1), Some(0xAB | 0xBB)),
                0xE2 => matches!(b.get(i + 1..i + 3), Some([0x80, 0x9C | 0x9D])),
                _ => true,
            }
    })
}

/// The bytes that are, or start, a mark of [`has_sentence_mark`].
static MARK_STARTS: [bool; 256] = {
    let mut t = [false; 256];
    let marks = [b'?', b'!', b':', b';', b'"', 0xC2, 0xE2];
    let mut k = 0;
    while k < marks.len() {
        t[marks[k] as usize] = true;
        k += 1;
    }
    t
};

/// Is `s` a list of institution names?
pub(crate) fn is_institution_list(s: &str) -> bool {
    institution_list_names(s).is_some()
}

/// The names of `s` when it is a list of institution names
/// ([`is_institution_list`]), as the test split them: a reader that goes
/// on to split the list into organisations starts from them
/// ([`crate::grammar::institution_pieces_of`]) rather than splitting it again.
pub(crate) fn institution_list_names(s: &str) -> Option<ListNames<'_>> {
    let s = strip_report_from(trim_period(s));
    if !starts_like_name(s) {
        return None;
    }
    names_of_list(s)
}

/// The names of a list of institutions ([`institution_list_names`]): its
/// pieces between commas, slashes, parentheses and `og` before a capital,
/// each trimmed, in order, one to [`MAX_LIST_PIECES`] (kept inline).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ListNames<'a> {
    names: [&'a str; MAX_LIST_PIECES],
    len: usize,
}

impl<'a> ListNames<'a> {
    /// The names, in order (none for the default, which no list gives).
    pub(crate) fn as_slice(&self) -> &[&'a str] {
        self.names.get(..self.len).unwrap_or_default()
    }

    /// Where the names stand in `line`, the text they are slices of (`None`
    /// when one is not): kept without a borrow of the line, and read back
    /// onto it ([`NameRanges::on`]).
    pub(crate) fn ranges_in(&self, line: &str) -> Option<NameRanges> {
        let mut at = NameRanges::default();
        for (slot, name) in at.ranges.iter_mut().zip(self.as_slice()) {
            let r = crate::model::range_within(line, name)?;
            *slot = (r.start, r.end);
        }
        at.len = self.len;
        Some(at)
    }
}

/// The names of a [`ListNames`] as byte ranges of their line
/// ([`ListNames::ranges_in`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct NameRanges {
    ranges: [(usize, usize); MAX_LIST_PIECES],
    len: usize,
}

impl NameRanges {
    /// The names these ranges give in `line` (`None` when one is not in it).
    pub(crate) fn on<'t>(&self, line: &'t str) -> Option<ListNames<'t>> {
        let mut names = ListNames::default();
        for (slot, &(a, z)) in names.names.iter_mut().zip(self.ranges.get(..self.len)?) {
            *slot = line.get(a..z)?;
        }
        names.len = self.len;
        Some(names)
    }
}

/// Does the first piece of the list `s` ([`names_of_list`]) start as a
/// name may ([`is_institution_name`]: with a capital or a digit)? The
/// piece starts with the first character that is neither white space nor a
/// separator. A cheap test: most texts after a comma of a title fail it,
/// and then so does [`names_of_list`], which counts and splits words.
fn starts_like_name(s: &str) -> bool {
    s.chars()
        .find(|c| !c.is_whitespace() && !LIST_SEPARATORS.contains(c))
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// The names of `s`, its period and `Rapport fra` gone, when it is a list
/// of institutions: the pieces between commas, slashes, parentheses and
/// `og` before a capital, one to six, each a name, in a text of few words.
/// (Looked at one by one: a list that fails is stopped at its first piece
/// that is no name.)
fn names_of_list(s: &str) -> Option<ListNames<'_>> {
    // (more than so many words: the one after them is there)
    if may_have_too_many_words(s) && crate::text::more_words_than(s, MAX_LIST_WORDS) {
        return None;
    }
    let mut found = ListNames::default();
    for part in split_at_ascii(s, LIST_SEPARATOR_BYTES) {
        for piece in (SplitAnd {
            rest: Some(crate::text::trim(part)),
        }) {
            let piece = crate::text::trim(piece);
            if piece.is_empty() {
                continue;
            }
            let slot = found.names.get_mut(found.len)?;
            if !is_institution_name(piece) {
                return None;
            }
            *slot = piece;
            found.len += 1;
        }
    }
    (found.len > 0).then_some(found)
}

/// May `s` have more than [`MAX_LIST_WORDS`] words? Such a text has at
/// least a byte per word and one between each two: a shorter one need not
/// be counted.
fn may_have_too_many_words(s: &str) -> bool {
    s.len() > 2 * MAX_LIST_WORDS
}

/// The characters that separate the names of a list of institutions (beside
/// `og` before a capital).
const LIST_SEPARATORS: [char; 4] = [',', '/', '(', ')'];

/// [`LIST_SEPARATORS`] as bytes (they are ASCII), to split at by bytes.
const LIST_SEPARATOR_BYTES: &[u8] = b",/()";

/// The most organisations a list of institutions names …
const MAX_LIST_PIECES: usize = 6;
/// … and the most words it has (longer texts are titles or sentences).
const MAX_LIST_WORDS: usize = 14;

#[cfg(test)]
mod tests {
    use super::*;

    /// Where the first piece does not start as a name, the list is none:
    /// the cheap test never says no where the exact one says yes.
    #[test]
    fn a_list_whose_start_is_no_name_is_none() {
        let pieces = [
            " ",
            ", ",
            "/",
            "(",
            ")",
            "og ",
            " og ",
            "NTNU",
            "3T",
            "uio",
            "Ål",
            "Fafo",
            "\u{a0}",
            "«",
            "St. ",
            "institutt",
        ];
        let mut lists = 0;
        for s in crate::testing::concatenations(&pieces, 4) {
            if !starts_like_name(&s) {
                assert!(names_of_list(&s).is_none(), "{s:?}");
            }
            lists += usize::from(names_of_list(&s).is_some());
        }
        assert!(lists > 0);
        assert!(is_institution_list("3T, Fafo") && is_institution_list(" (NTNU) SINTEF"));
        assert!(!is_institution_list(", digitale verktøy, UiO"));
    }

    /// [`holds_stem`] answers what asking [`str::contains`] of each stem
    /// answers: at the end of the word, where only a stem's first byte
    /// stands, where it stands twice, in letters beyond ASCII.
    #[test]
    fn holds_stem_is_contains() {
        let pieces = [
            "l", "la", "lab", "senter", "ø", "høg", "skole", "tet", "x", "sen",
        ];
        let mut found = 0;
        for word in crate::testing::concatenations(&pieces, 4) {
            let contains = ORG_STEMS.iter().any(|s| word.contains(s));
            assert_eq!(holds_stem(word.as_bytes()), contains, "{word:?}");
            found += usize::from(contains);
        }
        assert!(found > 1000, "{found}");
        for stem in ORG_STEMS {
            assert!(!stem.is_empty());
            for word in [stem.to_string(), format!("x{stem}"), format!("{stem}x")] {
                assert!(holds_stem(word.as_bytes()), "{word:?}");
                let cut = &stem[..stem.len() - 1];
                let contains = ORG_STEMS.iter().any(|s| cut.contains(s));
                assert_eq!(holds_stem(cut.as_bytes()), contains, "{cut:?}");
            }
        }
    }

    /// [`STEM_PAIRS`] holds the first two bytes of each stem and no other
    /// pair (so that it turns most places of a word away), and
    /// [`SHORTEST_STEM`] is the shortest stem's length.
    #[test]
    fn the_stem_pairs_are_the_stems_first_two_bytes() {
        let pairs: std::collections::HashSet<[u8; 2]> = ORG_STEMS
            .iter()
            .map(|s| [s.as_bytes()[0], s.as_bytes()[1]])
            .collect();
        for x in 0..=u8::MAX {
            for y in 0..=u8::MAX {
                assert_eq!(
                    starts_stem_pair(x, y),
                    pairs.contains(&[x, y]),
                    "{x:02x} {y:02x}"
                );
            }
        }
        let shortest = ORG_STEMS.iter().map(|s| s.len()).min();
        assert_eq!(Some(SHORTEST_STEM), shortest);
    }

    /// A text too short to be counted has no more words than a list may
    /// have: texts of one-byte words and spaces around that length.
    #[test]
    fn a_text_not_counted_has_few_enough_words() {
        let pieces = ["a", " ", "ab", "\u{a0}"];
        let mut at_the_bound = 0;
        for n in 0..=3 * MAX_LIST_WORDS {
            for s in [
                "a ".repeat(n),
                " a".repeat(n),
                "a ".repeat(n).trim_end().to_owned(),
            ] {
                let too_many = s.split_whitespace().count() > MAX_LIST_WORDS;
                assert!(may_have_too_many_words(&s) || !too_many, "{s:?}");
                at_the_bound += usize::from(too_many && s.len() == 2 * MAX_LIST_WORDS + 1);
            }
        }
        for s in crate::testing::concatenations(&pieces, 6) {
            let too_many = s.split_whitespace().count() > MAX_LIST_WORDS;
            assert!(may_have_too_many_words(&s) || !too_many, "{s:?}");
        }
        assert_eq!(at_the_bound, 1);
    }

    #[test]
    fn the_separator_bytes_are_the_separators() {
        let bytes: Vec<char> = LIST_SEPARATOR_BYTES
            .iter()
            .map(|&b| char::from(b))
            .collect();
        assert_eq!(bytes, LIST_SEPARATORS);
        assert!(LIST_SEPARATOR_BYTES.is_ascii());
    }

    #[test]
    fn latin_1_lowers_in_place_as_to_lowercase_does() {
        let latin_1 = '\0'..='\u{ff}';
        for a in latin_1.clone() {
            for b in latin_1.clone() {
                let s = String::from_iter([a, b]);
                let mut bytes = s.clone().into_bytes();
                lower_latin_1(&mut bytes);
                assert_eq!(bytes, s.to_lowercase().into_bytes(), "{s:?}");
            }
        }
    }

    /// The byte-wise and on-the-stack shortcuts answer what the tests by
    /// characters answer, on words and names made of capitals, small
    /// letters beyond ASCII, digits, marks and the lexicon's words.
    #[test]
    fn the_shortcuts_answer_as_the_tests_by_characters() {
        let by_chars_acronym = |token: &str| {
            let t = token.trim_matches(|c: char| !c.is_alphanumeric());
            let upper = t.chars().filter(|c| c.is_uppercase()).count();
            t.chars().count() >= 2
                && t.chars().next().is_some_and(char::is_uppercase)
                && t.chars().all(|c| c.is_alphanumeric() || c == '-')
                && upper >= 2
        };
        let by_chars_no_name = |first: &str| {
            first.chars().nth(NOT_ORG_START_MAX_CHARS).is_none()
                && NOT_ORG_START.contains(&first.to_lowercase().as_str())
        };
        let by_chars_org_word = |words: &[&str]| {
            words.iter().any(|w| {
                let lw = w
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase();
                by_chars_acronym(w)
                    || ORG_LEGAL_FORMS.contains(&lw.as_str())
                    || ORG_STEMS.iter().any(|s| lw.contains(s))
            })
        };
        let marks = ['?', '!', ':', ';', '«', '»', '"', '“', '”'];
        let pieces = [
            "N", "a", "PÅ", "på", "Når", "NÅR", "As", "-", "3", "?", "«", "”", "\u{2019}", "Lab",
            "(", "ø", "HF", "İ", " ",
        ];
        let (mut acronyms, mut no_names, mut orgs, mut marked) = (0, 0, 0, 0);
        for t in crate::testing::concatenations(&pieces, 3) {
            assert_eq!(is_acronym(&t), by_chars_acronym(&t), "{t:?}");
            assert_eq!(starts_no_name(&t), by_chars_no_name(&t), "{t:?}");
            assert_eq!(has_sentence_mark(&t), t.contains(marks), "{t:?}");
            let words: Vec<&str> = t.split_whitespace().collect();
            assert_eq!(has_org_word(&words), by_chars_org_word(&words), "{t:?}");
            acronyms += usize::from(is_acronym(&t));
            no_names += usize::from(starts_no_name(&t));
            orgs += usize::from(has_org_word(&words));
            marked += usize::from(has_sentence_mark(&t));
        }
        assert!(acronyms > 0 && no_names > 0 && orgs > 0 && marked > 0);
        for long in ["Forskningsinstitutt".repeat(3), "Høgskolen".repeat(6)] {
            assert!(long.len() > WORD_ROOM && has_org_word(&[&long]));
        }
        for w in NOT_ORG_START.iter().chain(ORG_LEGAL_FORMS).chain(ORG_STEMS) {
            let upper = w.to_uppercase();
            assert_eq!(starts_no_name(&upper), by_chars_no_name(&upper), "{upper}");
            assert_eq!(
                has_org_word(&[&upper]),
                by_chars_org_word(&[&upper]),
                "{upper}"
            );
        }
    }

    /// [`trim_to_alphanumeric`] trims what [`str::trim_matches`] trims:
    /// tokens that start or end with ASCII letters and digits, marks,
    /// letters and digits beyond ASCII, white space.
    #[test]
    fn trim_to_alphanumeric_is_trim_matches() {
        let pieces = [
            "a", "Z", "9", "-", ".", "ø", "Å", "\u{663}", " ", "\u{a0}", "«",
        ];
        let mut kept = 0;
        for t in crate::testing::concatenations(&pieces, 4) {
            let slow = t.trim_matches(|c: char| !c.is_alphanumeric());
            assert_eq!(trim_to_alphanumeric(&t), slow, "{t:?}");
            kept += usize::from(slow.len() == t.len());
        }
        assert!(kept > 1000, "{kept}");
    }

    /// [`name_words`] gives the words [`str::split_whitespace`] gives, or
    /// none when there are more than [`MAX_NAME_WORDS`]: ASCII and Unicode
    /// white space, runs of it, letters beyond ASCII, counts around the
    /// bound.
    #[test]
    fn name_words_are_split_whitespace() {
        let pieces = [
            "a", " ", "\t", "\u{b}", "ø", "\u{a0}", "\u{2003}", "\u{85}", "Å b",
        ];
        let (mut some, mut none) = (0, 0);
        for t in crate::testing::concatenations(&pieces, 5)
            .into_iter()
            .chain((6..12).map(|n| "x ".repeat(n)))
        {
            let slow: Vec<&str> = t.split_whitespace().collect();
            let mut buf = [""; MAX_NAME_WORDS];
            match name_words(&t, &mut buf) {
                Some(words) => {
                    assert_eq!(words, slow, "{t:?}");
                    some += 1;
                }
                None => {
                    assert!(slow.len() > MAX_NAME_WORDS, "{t:?}");
                    none += 1;
                }
            }
        }
        assert!(some > 1000 && none > 0, "{some} {none}");
    }

    #[test]
    fn the_word_lengths_the_shortcuts_rely_on_hold() {
        let longest = |list: &[&str]| list.iter().map(|w| w.chars().count()).max();
        assert_eq!(longest(NOT_ORG_START), Some(NOT_ORG_START_MAX_CHARS));
    }
}

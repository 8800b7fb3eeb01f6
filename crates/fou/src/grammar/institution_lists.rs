//! Institution lists: `AFI og Proba`, `NTNU, UiO og UiA`, `SNF (NHH)`, `AFI OsloMet`.

use std::borrow::Cow;

use crate::classify::is_acronym;
use crate::lexicon::{ORG_LEGAL_FORMS, UNIT_WORDS};

/// Split one comma/`og`-free piece (its words one space apart) into
/// organisations by juxtaposition, onto `out`: `AFI OsloMet` → two, `NTNU
/// Institutt for …` → two, `NAV Troms` → one. Each part of a borrowed piece
/// is borrowed ([`part_of`]).
fn push_juxtaposed<'t>(piece: Cow<'t, str>, out: &mut Vec<Cow<'t, str>>) {
    let text: &str = &piece;
    // (as many words as spaces and one: what `text.split(' ').count()` says)
    let n = text.bytes().filter(|&b| b == b' ').count() + 1;
    // (the words by bytes, [`split_at_ascii`]: a search for each space
    // costs more to set up than a few words take to read)
    if n >= 2 && split_at_ascii(text, b" ").all(is_acronym) {
        out.extend(split_at_ascii(text, b" ").map(|w| part_of(&piece, w)));
        return;
    }
    let two_first = || {
        let mut words = split_at_ascii(text, b" ");
        Some((words.next()?, words.next()?))
    };
    // (the cheap tests first: the unit word is lower-cased last)
    if n >= 3
        && let Some((first, unit)) = two_first()
        && unit.chars().next().is_some_and(char::is_uppercase)
        && is_acronym(first)
        && UNIT_WORDS.contains(&crate::text::lower(unit).as_ref())
        && let Some((_, rest)) = text.split_once(' ')
    {
        out.push(part_of(&piece, first));
        out.push(part_of(&piece, rest));
        return;
    }
    out.push(piece);
}

/// `part`, a slice of `piece`'s text: borrowed for `'t` when the piece is,
/// else copied.
fn part_of<'t>(piece: &Cow<'t, str>, part: &str) -> Cow<'t, str> {
    match piece {
        Cow::Borrowed(whole) => crate::model::slice_within(whole, part)
            .map_or_else(|| Cow::Owned(part.to_owned()), Cow::Borrowed),
        Cow::Owned(_) => Cow::Owned(part.to_owned()),
    }
}

/// `s` with its white space runs made one space and trimmed; a copy only
/// when that changes it.
fn one_spaced(s: &str) -> Cow<'_, str> {
    if is_one_spaced(s) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(words_one_spaced(s))
    }
}

/// Is `s` its words one space apart, with no white space around them (what
/// `s.split_whitespace().collect::<Vec<_>>().join(" ") == s` says, without
/// the copy)?
///
/// Byte by byte: ASCII white space is what [`char::is_whitespace`] says of
/// ASCII (tab to carriage return, and space); beyond ASCII, only a
/// character whose first byte is one of
/// [`crate::text::WHITE_SPACE_LEADS`] may be white space,
/// and only such a one is decoded to be asked.
pub(crate) fn is_one_spaced(s: &str) -> bool {
    let b = s.as_bytes();
    let mut after_space = true;
    for (i, &c) in b.iter().enumerate() {
        // (most bytes: told by a table)
        if !crate::text::may_start_space(c) {
            after_space = false;
            continue;
        }
        match c {
            b' ' if after_space => return false,
            b' ' => after_space = true,
            0x09..=0x0d => return false,
            _ if crate::text::WHITE_SPACE_LEADS.contains(&c)
                && s.get(i..)
                    .and_then(|t| t.chars().next())
                    .is_some_and(char::is_whitespace) =>
            {
                return false;
            }
            // (a character's other bytes, and the lead bytes of the rest)
            _ => after_space = false,
        }
    }
    !after_space || b.is_empty()
}

/// The words of `s` one space apart (`s.split_whitespace().collect::<Vec<_>>().join(" ")`),
/// written into one string sized once, with no vector of the words.
pub(crate) fn words_one_spaced(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The parts of a text split at ` og `/` and `/` & ` when the next word is
/// capitalised (so the `og` inside `Institutt for pedagogikk og livslang
/// læring` stays), one by one.
pub(crate) struct SplitAnd<'a> {
    /// The text not split yet; `None` once the last part was given.
    pub rest: Option<&'a str>,
}

impl<'a> Iterator for SplitAnd<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = self.rest?;
        match first_split(rest) {
            Some((at, len)) => {
                self.rest = rest.get(at + len + 2..);
                rest.get(..at)
            }
            None => {
                self.rest = None;
                Some(rest)
            }
        }
    }
}

/// How many words [`LIST_CONJUNCTIONS`](crate::lexicon::LIST_CONJUNCTIONS) has.
const CONJUNCTIONS: usize = crate::lexicon::LIST_CONJUNCTIONS.len();

/// Where [`SplitAnd`] splits `s`: the offset of the space before a
/// conjunction followed by a space and a capital, and the conjunction's
/// length. The earliest of the first conjunction of the lexicon that has
/// one wins, as when each conjunction is searched for in turn, and an
/// occurrence that is not followed by a capital is stepped over whole (the
/// search for that conjunction goes on after its trailing space). One pass
/// over the spaces looks for all of them.
fn first_split(s: &str) -> Option<(usize, usize)> {
    let words = crate::lexicon::LIST_CONJUNCTIONS;
    let b = s.as_bytes();
    let mut from = [0; CONJUNCTIONS];
    let mut best: Option<(usize, usize)> = None; // (conjunction, offset)
    // The spaces a lane at a time ([`crate::text::offsets_of`]), not by
    // `memchr`: the texts split are the pieces of a list of institutions, a
    // few words, where setting up a search at each space costs more than
    // it saves.
    for sp in crate::text::offsets_of(b, b' ') {
        // (after most spaces stands no conjunction's first byte)
        if !b
            .get(sp + 1)
            .is_some_and(|&x| CONJUNCTION_FIRSTS[usize::from(x)])
        {
            continue;
        }
        for (k, w) in words.iter().enumerate() {
            if best.is_some_and(|(first, _)| first <= k) {
                break;
            }
            if from.get(k).is_some_and(|&f| sp < f) || !spaced_word_at(b, sp, w.as_bytes()) {
                continue;
            }
            let next = sp + w.len() + 2;
            if starts_upper(s.get(next..)) {
                best = Some((k, sp));
            } else if let Some(f) = from.get_mut(k) {
                *f = next;
            }
        }
        if best.is_some_and(|(first, _)| first == 0) {
            break;
        }
    }
    best.and_then(|(k, at)| Some((at, words.get(k)?.len())))
}

/// The first bytes of the conjunctions of
/// [`LIST_CONJUNCTIONS`](crate::lexicon::LIST_CONJUNCTIONS): a space not
/// before one of them is before none of the conjunctions.
static CONJUNCTION_FIRSTS: [bool; 256] = {
    let words = crate::lexicon::LIST_CONJUNCTIONS;
    let mut t = [false; 256];
    let mut k = 0;
    while k < words.len() {
        let w = words[k].as_bytes();
        assert!(!w.is_empty());
        t[w[0] as usize] = true;
        k += 1;
    }
    t
};

/// Does ` w ` stand in `b` at `sp`, the offset of a space?
fn spaced_word_at(b: &[u8], sp: usize, w: &[u8]) -> bool {
    let after = sp + 1 + w.len();
    // (the first byte first: after most spaces stands no conjunction)
    w.first().is_none_or(|f| b.get(sp + 1) == Some(f))
        && b.get(sp + 1..after) == Some(w)
        && b.get(after) == Some(&b' ')
}

/// Does `s` start with an upper-case letter?
fn starts_upper(s: Option<&str>) -> bool {
    s.and_then(|s| s.chars().next())
        .is_some_and(char::is_uppercase)
}

/// The parts of `s` between the bytes of `seps` (ASCII characters), what
/// [`str::split`] at those characters gives, found by bytes (an ASCII byte
/// is always a whole character).
pub(crate) fn split_at_ascii<'a>(s: &'a str, seps: &'a [u8]) -> impl Iterator<Item = &'a str> + 'a {
    let mut rest = Some(s);
    // (the separators below 64 as bits, any others compared one by one:
    // most bytes, letters, are above 64 and told at once)
    let (low, high) = match low_byte_set(seps) {
        Some(set) => (set, &[][..]),
        None => (0, seps),
    };
    std::iter::from_fn(move || {
        let r = rest?;
        // (with every separator below 64, as in every list, a byte above
        // is none of them at one test: no look at the others per byte)
        let at = if high.is_empty() {
            r.bytes().position(|b| b < 64 && low >> b & 1 == 1)
        } else {
            r.bytes().position(|b| high.contains(&b))
        };
        match at {
            Some(i) => {
                rest = r.get(i + 1..);
                r.get(..i)
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// `seps` as a set of bits, bit `b` for byte `b`, when every one is below
/// 64 (the separators of lists are: `,`, `/`, `;`, `(`, `)`): a byte is
/// told from them with one test rather than one comparison per separator
/// (most bytes are letters, above 64). `None` otherwise.
fn low_byte_set(seps: &[u8]) -> Option<u64> {
    seps.iter()
        .try_fold(0u64, |set, &b| (b < 64).then(|| set | 1 << b))
}

/// Split an institution text into organisations, in written order.
///
/// Separators are commas, `og`/`and`/`&` before a capitalised word, `/`,
/// parentheses and the juxtaposition of acronyms.
///
/// ```
/// use fou::grammar::institutions;
/// assert_eq!(institutions("AFI og Proba"), ["AFI", "Proba"]);
/// assert_eq!(institutions("NTNU, UiO og UiA"), ["NTNU", "UiO", "UiA"]);
/// assert_eq!(institutions("SNF (NHH)"), ["SNF", "NHH"]);
/// assert_eq!(institutions("AFI OsloMet"), ["AFI", "OsloMet"]);
/// assert_eq!(institutions("NIBR/OsloMet"), ["NIBR", "OsloMet"]);
/// assert_eq!(institutions("NTNU Institutt for pedagogikk og livslang læring"),
///            ["NTNU", "Institutt for pedagogikk og livslang læring"]);
/// assert_eq!(institutions("St. Olavs hospital HF"), ["St. Olavs hospital HF"]);
/// assert_eq!(institutions("NAV Troms"), ["NAV Troms"]);
/// // A heading set in capitals: its words say nothing of where a name ends.
/// assert_eq!(institutions("OSLO ECONOMICS OG NORSK REGNESENTRAL"),
///            ["OSLO ECONOMICS", "NORSK REGNESENTRAL"]);
/// assert_eq!(institutions("NTNU UIO OG UIA"), ["NTNU", "UIO", "UIA"]);
/// ```
pub fn institutions(text: &str) -> Vec<String> {
    institution_pieces(text)
        .into_iter()
        .map(Cow::into_owned)
        .collect()
}

/// [`institutions`] of `text`, each borrowed from it where it stands there
/// as it is (the text has no parentheses and the piece no run of white
/// space): a reader that borrows the report's texts from the input copies
/// none of them.
pub(crate) fn institution_pieces(text: &str) -> Vec<Cow<'_, str>> {
    let mut out = Vec::new();
    let text = super::trim_period(text);
    // Parentheses: `SNF (NHH)` → SNF, NHH (read from a copy: no piece
    // borrowed). What they hold with no letter, a period the period
    // grammar refused (`(2020-2055)`), names no organisation.
    if memchr::memchr2(b'(', b')', text.as_bytes()).is_some() {
        let flat = text.replace('(', ", ").replace(')', " ");
        let mut pieces = Vec::new();
        push_pieces(&flat, &mut pieces);
        let named = pieces
            .into_iter()
            .filter(|p| p.chars().any(char::is_alphabetic));
        out.extend(named.map(|p| Cow::Owned(p.into_owned())));
    } else {
        push_pieces(text, &mut out);
    }
    out
}

/// [`institution_pieces`] of `text`, the institution text of a project
/// line, whose list test found the names `names`
/// ([`crate::classify::institution_list_names`]): the organisations are
/// read from the names, the text is not split again. The test split at
/// commas, slashes, parentheses and conjunctions, each name trimmed; this
/// reader at commas, slashes, semicolons and conjunctions, each piece
/// trimmed and made one-spaced: the same pieces when the text has no
/// parenthesis or semicolon, and its period was cut already (then it is
/// read as [`institution_pieces`] reads it). No names, or a text in
/// capitals (its own split): read as [`institution_pieces`] does too.
pub(crate) fn institution_pieces_of<'t>(text: &'t str, names: &[&'t str]) -> Vec<Cow<'t, str>> {
    if in_capitals(text) {
        return institution_pieces(text);
    }
    let split_alike = !names.is_empty()
        && super::trim_period(text).len() == text.len()
        && memchr::memchr3(b'(', b')', b';', text.as_bytes()).is_none();
    if !split_alike {
        return institution_pieces(text);
    }
    let mut out = Vec::with_capacity(names.len());
    for &name in names {
        let piece = one_spaced(name);
        if !piece.is_empty() {
            push_juxtaposed(piece, &mut out);
        }
    }
    out
}

/// The longest word of an acronym, in letters, in a list written in
/// capitals (`NTNU UIO`, `SINTEF NTNU`: two; `OSLO ECONOMICS`: one name).
/// A name's words are mostly longer; acronyms of organisations mostly
/// shorter (`FAFO`, `NORCE`, `SINTEF`).
const MAX_ACRONYM_LETTERS: usize = 6;

/// Is `text` written in capitals: more than one word, letters, none of
/// them lower case (a heading set in capitals, or a list of acronyms)? Its
/// words then say nothing of where a name ends: `OSLO ECONOMICS` is one
/// name, not two acronyms.
fn in_capitals(text: &str) -> bool {
    // (a text of one word, `NTNU`, reads the same either way: told by its
    // lack of a space; most others by a lower-case letter early on)
    memchr::memchr(b' ', text.as_bytes()).is_some()
        && !text.chars().any(char::is_lowercase)
        && text.chars().any(char::is_alphabetic)
}

/// The organisations of `text` (with no parentheses), written in
/// capitals, onto `out`: its parts between commas, slashes, semicolons and
/// conjunctions in capitals (`OG`, `AND`, `&`), each whole (a legal form
/// stays with its name: `NORCE AS`, `HELSE NORD RHF`), but for a part of
/// acronyms alone (each word at most [`MAX_ACRONYM_LETTERS`] letters:
/// `NTNU UIO`).
fn push_capital_pieces<'t>(text: &'t str, out: &mut Vec<Cow<'t, str>>) {
    for part in split_at_ascii(text, b",/;") {
        for piece in capital_parts(crate::text::trim(part)) {
            let piece = one_spaced(piece);
            if piece.is_empty() {
                continue;
            }
            let acronyms = piece.split(' ').all(|w| {
                w.chars().count() <= MAX_ACRONYM_LETTERS
                    && !ORG_LEGAL_FORMS.contains(&crate::text::lower(w).as_ref())
            });
            if acronyms {
                push_juxtaposed(piece, out);
            } else {
                out.push(piece);
            }
        }
    }
}

/// `s` split at the conjunctions of
/// [`LIST_CONJUNCTIONS`](crate::lexicon::LIST_CONJUNCTIONS) written in
/// capitals between spaces (` OG `, ` AND `, ` & `).
fn capital_parts(s: &str) -> Vec<&str> {
    let mut parts = vec![s];
    for sep in CAPITAL_CONJUNCTIONS.iter() {
        parts = parts
            .into_iter()
            .flat_map(|p| p.split(sep.as_str()))
            .collect();
    }
    parts
}

/// The conjunctions of [`LIST_CONJUNCTIONS`](crate::lexicon::LIST_CONJUNCTIONS)
/// in capitals between spaces, made once.
static CAPITAL_CONJUNCTIONS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    crate::lexicon::LIST_CONJUNCTIONS
        .iter()
        .map(|c| format!(" {} ", c.to_uppercase()))
        .collect()
});

/// The organisations of `text` (with no parentheses) onto `out`, in
/// written order: its parts between commas, slashes and semicolons, split
/// at conjunctions ([`SplitAnd`]) and juxtaposed names.
fn push_pieces<'t>(text: &'t str, out: &mut Vec<Cow<'t, str>>) {
    if in_capitals(text) {
        return push_capital_pieces(text, out);
    }
    for comma_part in split_at_ascii(text, b",/;") {
        let parts = SplitAnd {
            rest: Some(crate::text::trim(comma_part)),
        };
        for piece in parts {
            let piece = one_spaced(piece);
            if piece.is_empty() {
                continue;
            }
            push_juxtaposed(piece, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{
        SplitAnd, institution_pieces, institutions, is_one_spaced, one_spaced, split_at_ascii,
        words_one_spaced,
    };
    use std::borrow::Cow;

    /// A list written in capitals is split at its separators and
    /// conjunctions only, but for a part of acronyms alone.
    #[test]
    fn a_list_in_capitals_keeps_its_names_whole() {
        for (text, want) in [
            ("OSLO ECONOMICS", &["OSLO ECONOMICS"][..]),
            (
                "NORSK REGNESENTRAL OG TINGTUN.",
                &["NORSK REGNESENTRAL", "TINGTUN"],
            ),
            ("NTNU SAMFUNNSFORSKNING", &["NTNU SAMFUNNSFORSKNING"]),
            ("SNF (NHH)", &["SNF", "NHH"]),
            ("NTNU, UIO OG UIA", &["NTNU", "UIO", "UIA"]),
            ("NTNU UIO", &["NTNU", "UIO"]),
            ("FAFO / NOVA & SINTEF", &["FAFO", "NOVA", "SINTEF"]),
            (
                "UIT NORGES ARKTISKE UNIVERSITET",
                &["UIT NORGES ARKTISKE UNIVERSITET"],
            ),
            ("SINTEF NTNU", &["SINTEF", "NTNU"]),
            ("NORCE AS OG FAFO", &["NORCE AS", "FAFO"]),
            ("HELSE NORD HF", &["HELSE NORD HF"]),
            ("ST. OLAVS HOSPITAL HF", &["ST. OLAVS HOSPITAL HF"]),
        ] {
            assert_eq!(institutions(text), want, "{text}");
        }
    }

    /// [`split_at_ascii`] gives the parts [`str::split`] gives.
    #[test]
    fn split_at_ascii_is_str_split() {
        let pieces = [",", "/", ";", " ", "a", "ø", "(", "\u{2c6}", "?", "@"];
        for s in crate::testing::concatenations(&pieces, 5) {
            let got: Vec<&str> = split_at_ascii(&s, b",/;").collect();
            let expected: Vec<&str> = s.split([',', '/', ';']).collect();
            assert_eq!(got, expected, "{s:?}");
            let got: Vec<&str> = split_at_ascii(&s, b",/()").collect();
            let expected: Vec<&str> = s.split([',', '/', '(', ')']).collect();
            assert_eq!(got, expected, "{s:?}");
            // (a separator from 64 on: the comparison per separator)
            let got: Vec<&str> = split_at_ascii(&s, b",a").collect();
            let expected: Vec<&str> = s.split([',', 'a']).collect();
            assert_eq!(got, expected, "{s:?}");
        }
    }

    /// The split of `s` that searching for each conjunction in turn finds
    /// (the code [`SplitAnd`] stood for): the first one followed by a capital.
    fn split_per_conjunction(s: &str) -> Option<(&str, &str)> {
        for word in crate::lexicon::LIST_CONJUNCTIONS {
            let spaced = format!(" {word} ");
            let mut from = 0;
            while let Some(at) = s
                .get(from..)
                .and_then(|t| t.find(&spaced))
                .map(|i| from + i)
            {
                let next = &s[at + spaced.len()..];
                if next.chars().next().is_some_and(char::is_uppercase) {
                    return Some((&s[..at], next));
                }
                from = at + spaced.len();
            }
        }
        None
    }

    /// [`SplitAnd`] (one pass for all conjunctions) gives the parts that
    /// searching for each conjunction in turn gives.
    #[test]
    fn split_and_splits_as_a_search_per_conjunction() {
        let pieces = [" ", "og", " og ", " and ", " & ", "A", "Ø", "ø"];
        let mut splits = 0;
        for s in crate::testing::concatenations(&pieces, 6) {
            let mut expected = Vec::new();
            let mut rest = s.as_str();
            while let Some((part, next)) = split_per_conjunction(rest) {
                expected.push(part);
                rest = next;
            }
            expected.push(rest);
            splits += expected.len() - 1;
            let got: Vec<&str> = SplitAnd { rest: Some(&s) }.collect();
            assert_eq!(got, expected, "{s:?}");
        }
        assert!(splits > 0);
    }

    #[test]
    fn one_spaced_is_the_words_joined_by_one_space() {
        for s in [
            "",
            " ",
            "a",
            "a b",
            " a",
            "a ",
            "a  b",
            "a\tb",
            "a\u{a0}b",
            "NTNU  Institutt for x",
        ] {
            let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(one_spaced(s), joined, "{s:?}");
        }
        let pieces = [
            " ", "  ", "a", "ø", "\t", "\n", "\u{a0}", "\u{2003}", "\u{85}", "*", "\u{b}",
            "\u{1f}", "\u{1680}", "\u{3000}", "\u{205f}", "–", "§", "\u{3001}",
        ];
        for s in crate::testing::concatenations(&pieces, 4) {
            let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(is_one_spaced(&s), joined == s, "{s:?}");
            assert_eq!(words_one_spaced(&s), joined, "{s:?}");
        }
    }

    /// [`super::push_juxtaposed`] as it read every piece: its words
    /// counted by a split, the unit word lower-cased before the cheaper
    /// tests.
    fn juxtaposed_as_split(text: &str) -> Vec<&str> {
        use crate::classify::is_acronym;
        let n = text.split(' ').count();
        if n >= 2 && text.split(' ').all(is_acronym) {
            return text.split(' ').collect();
        }
        let mut words = text.split(' ');
        if let (Some(first), Some(unit)) = (words.next(), words.next())
            && n >= 3
            && is_acronym(first)
            && crate::lexicon::UNIT_WORDS.contains(&crate::text::lower(unit).as_ref())
            && unit.chars().next().is_some_and(char::is_uppercase)
            && let Some((_, rest)) = text.split_once(' ')
        {
            return vec![first, rest];
        }
        vec![text]
    }

    /// Juxtaposed names are split as the reading by splits split them:
    /// acronyms, unit words in either case, other words, one to four.
    #[test]
    fn juxtaposed_names_split_as_by_splits() {
        let pieces = [
            "NTNU",
            "AFI",
            "Institutt",
            "institutt",
            "Senter",
            "for",
            "Ø",
            " ",
        ];
        let mut split = 0;
        for text in crate::testing::concatenations(&pieces, 5) {
            let mut got = Vec::new();
            super::push_juxtaposed(Cow::Borrowed(text.as_str()), &mut got);
            let expected = juxtaposed_as_split(&text);
            assert_eq!(got, expected, "{text:?}");
            split += usize::from(expected.len() > 1);
        }
        assert!(split > 1000, "{split}");
    }

    /// The split as it was made with a copy of every piece: the parts of
    /// each piece cut from a copy of it.
    fn institutions_copied(text: &str) -> Vec<String> {
        let text = super::super::trim_period(text);
        let flat = text.replace('(', ", ").replace(')', " ");
        let mut out = Vec::new();
        for comma_part in flat.split([',', '/', ';']) {
            for piece in (SplitAnd {
                rest: Some(comma_part.trim()),
            }) {
                let piece = piece.split_whitespace().collect::<Vec<_>>().join(" ");
                // (in capitals, a name of longer words is one piece)
                let long_word = piece.split(' ').any(|w| {
                    w.chars().count() > super::MAX_ACRONYM_LETTERS
                        || crate::lexicon::ORG_LEGAL_FORMS.contains(&w.to_lowercase().as_str())
                });
                if super::in_capitals(&flat) && long_word {
                    out.push(piece);
                } else if !piece.is_empty() {
                    let mut one = Vec::new();
                    super::push_juxtaposed(Cow::Owned(piece), &mut one);
                    out.extend(one.into_iter().map(Cow::into_owned));
                }
            }
        }
        // (a text with parentheses: the pieces with no letter dropped)
        if text.contains(['(', ')']) {
            out.retain(|p| p.chars().any(char::is_alphabetic));
        }
        out
    }

    /// The pieces are the split a copy of each gave; each borrowed one is
    /// a slice of the text, and in a text with no parentheses and single
    /// spaces every piece is borrowed.
    #[test]
    fn pieces_are_borrowed_slices_of_the_split() {
        let pieces = [
            "NTNU",
            " og ",
            "UiO",
            ", ",
            "AFI OsloMet",
            " Institutt",
            " for",
            "(",
            ")",
            "/",
            "  ",
            "\u{a0}",
            ".",
            "ø",
        ];
        let mut borrowed = 0;
        for text in crate::testing::concatenations(&pieces, 4) {
            let got = institution_pieces(&text);
            assert_eq!(institutions(&text), institutions_copied(&text), "{text:?}");
            assert_eq!(
                got.iter().map(|p| p.as_ref()).collect::<Vec<_>>(),
                institutions_copied(&text),
                "{text:?}"
            );
            let plain = !text.contains(['(', ')', '\u{a0}']) && !text.contains("  ");
            for p in &got {
                match p {
                    Cow::Borrowed(b) => {
                        assert!(crate::model::range_within(&text, b).is_some(), "{text:?}");
                        borrowed += 1;
                    }
                    Cow::Owned(o) => assert!(!plain, "{text:?} {o:?}"),
                }
            }
        }
        assert!(borrowed > 10_000, "{borrowed}");
    }

    /// The organisations read from the names a list test found are those
    /// [`institution_pieces`] reads from the text, each piece borrowed
    /// where it is; on texts with parentheses, semicolons, runs of white
    /// space, doubled periods and conjunctions.
    #[test]
    fn the_pieces_of_a_lists_names_are_the_texts_pieces() {
        let pieces = [
            "NTNU",
            " og ",
            "UiO",
            ", ",
            "Sørvest forskning",
            " Institutt for helse",
            "(",
            ")",
            ";",
            "/",
            "  ",
            ".",
            "Ål",
            "AFI OsloMet",
        ];
        let mut lists = 0;
        for text in crate::testing::concatenations(&pieces, 4) {
            let Some(names) = crate::classify::institution_list_names(&text) else {
                continue;
            };
            lists += 1;
            let raw = crate::grammar::strip_report_from(crate::grammar::trim_period(&text));
            let got = super::institution_pieces_of(raw, names.as_slice());
            let expected = institution_pieces(raw);
            let texts = |v: &[Cow<'_, str>]| v.iter().map(|p| p.to_string()).collect::<Vec<_>>();
            assert_eq!(texts(&got), texts(&expected), "{text:?}");
            for (g, e) in got.iter().zip(&expected) {
                if let Cow::Borrowed(e) = e {
                    assert!(
                        matches!(g, Cow::Borrowed(g) if std::ptr::eq(*g, *e)),
                        "{text:?}"
                    );
                }
            }
        }
        assert!(lists > 1000, "{lists}");
        // (no names: the text's own split)
        assert_eq!(
            super::institution_pieces_of("AFI og UiO", &[]),
            ["AFI", "UiO"]
        );
    }
}

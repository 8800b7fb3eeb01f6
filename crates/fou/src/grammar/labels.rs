//! Labelled fields of project records: `Prosjekttittel: …`.

use nom::bytes::complete::{take_until, take_while};
use nom::character::complete::char;
use nom::combinator::map_opt;
use nom::error::{ContextError, ParseError, context};
use nom::sequence::terminated;
use nom::{IResult, Parser};

/// A known field label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Label {
    /// `Prosjekttittel:`, `Prosjektnavn:`, `Tittel:`
    Title,
    /// `Forskningsinstitusjon:`, `Institusjon:`, `Forskningsmiljø:`
    Institution,
    /// `Sammendrag:`
    Summary,
    /// `Tema:`
    Theme,
    /// `Prosjektperiode:`, `Periode:`
    Period,
    /// `Prosjektleder:`
    Lead,
    /// `Finansiering:`
    Funding,
}

const LABELS: &[(&str, Label)] = &[
    ("prosjekttittel", Label::Title),
    ("prosjektnavn", Label::Title),
    ("tittel", Label::Title),
    ("forskningsinstitusjon", Label::Institution),
    ("forskningsinstitusjoner", Label::Institution),
    ("institusjon", Label::Institution),
    ("forskningsmiljø", Label::Institution),
    ("sammendrag", Label::Summary),
    ("tema", Label::Theme),
    ("prosjektperiode", Label::Period),
    ("periode", Label::Period),
    ("prosjektleder", Label::Lead),
    ("finansiering", Label::Funding),
];

/// Bit `b - b'a'`: a label starts with the ASCII letter `b`.
const FIRST_LETTERS: u32 = {
    let mut bits = 0u32;
    let mut i = 0;
    while i < LABELS.len() {
        let first = LABELS[i].0.as_bytes()[0];
        assert!(first.is_ascii_lowercase());
        bits |= 1 << (first - b'a');
        i += 1;
    }
    bits
};

/// Bit `second - b'a'` of entry `first - b'a'`: a label starts with the
/// ASCII letters `first` and `second`.
const FIRST_PAIRS: [u32; 26] = {
    let mut pairs = [0u32; 26];
    let mut i = 0;
    while i < LABELS.len() {
        let name = LABELS[i].0.as_bytes();
        assert!(name.len() >= 2 && name[0].is_ascii_lowercase() && name[1].is_ascii_lowercase());
        pairs[(name[0] - b'a') as usize] |= 1 << (name[1] - b'a');
        i += 1;
    }
    pairs
};

/// May a field's name (its text trimmed) whose first byte is `b` be a
/// label? No when `b` is ASCII and no label starts with it in any case
/// (every label starts with an ASCII letter); yes for any other byte (a
/// character whose lower case starts with a label's first letter).
fn may_start_label(b: u8) -> bool {
    let l = b.to_ascii_lowercase();
    !b.is_ascii() || (l.is_ascii_lowercase() && FIRST_LETTERS & (1 << (l - b'a')) != 0)
}

/// May a field's name (its text trimmed) that starts with the bytes of
/// `name` be a label? [`may_start_label`] of its first byte, and when that
/// and the second are ASCII, a label that starts with both in any case
/// ([`FIRST_PAIRS`]): most lines that start with a label's first letter
/// (`Prosjektet`, `Til`) are told by their first two bytes, not searched
/// for a colon. No name of one byte is a label (every label has two
/// letters at least).
pub(crate) fn may_open_label(name: &[u8]) -> bool {
    match *name {
        [a, b, ..] if a.is_ascii() && b.is_ascii() => {
            let (a, b) = (a.to_ascii_lowercase(), b.to_ascii_lowercase());
            a.is_ascii_lowercase()
                && b.is_ascii_lowercase()
                && FIRST_PAIRS[usize::from(a - b'a')] & (1 << (b - b'a')) != 0
        }
        [a, _, ..] => may_start_label(a),
        _ => false,
    }
}

/// The most characters a label has (`forskningsinstitusjoner`).
const MAX_LABEL_CHARS: usize = 23;

/// The label a field name stands for: `Prosjekttittel`, `TEMA`, ` Periode `.
///
/// Compared character by character, lower-cased, without allocating; a
/// name longer than any label could be (four bytes a character) is none,
/// whatever text ran up to the colon.
fn label_named(name: &str) -> Option<Label> {
    let name = crate::text::trim(name);
    if name.len() > 4 * MAX_LABEL_CHARS {
        return None;
    }
    // Most names are ASCII (`Prosjekttittel`, `TEMA`): lower-casing keeps
    // their length, so only a label of that length can be theirs, and an
    // ASCII name never equals a label with `ø` in it.
    if name.is_ascii() {
        return LABELS
            .iter()
            .find(|(n, _)| n.as_bytes().eq_ignore_ascii_case(name.as_bytes()))
            .map(|&(_, label)| label);
    }
    // No label has a space in it, and lower-casing keeps one: a name with
    // one (a sentence up to a colon, the most common) is none, told
    // without comparing it with each label by character.
    if name.as_bytes().contains(&b' ') {
        return None;
    }
    // (`str::to_lowercase` differs from this only for a final `Σ`, which no
    // label holds either way.)
    let lower = || name.chars().flat_map(char::to_lowercase);
    LABELS
        .iter()
        .find(|(n, _)| lower().eq(n.chars()))
        .map(|&(_, label)| label)
}

/// nom parser for a field's label, its colon and the white space after it;
/// what is left is the value.
///
/// ```
/// use fou::grammar::{Expected, Label, label_parser};
/// assert_eq!(label_parser::<Expected>("Tema:  Arbeid og helse"), Ok(("Arbeid og helse", Label::Theme)));
/// assert!(label_parser::<Expected>("Hovedfunnene er: mange").is_err());
/// ```
pub fn label_parser<'a, E>(input: &'a str) -> IResult<&'a str, Label, E>
where
    E: ParseError<&'a str> + ContextError<&'a str>,
{
    let name = terminated(take_until(":"), char(':'));
    let label = context("a field label like `Tema:`", map_opt(name, label_named));
    terminated(label, take_while(char::is_whitespace)).parse(input)
}

/// Recognise `Label: value` and return the label and the byte offset of the value.
///
/// ```
/// use fou::grammar::{label_field, Label};
/// assert_eq!(label_field("Prosjekttittel: Tid for tiltak"), Some((Label::Title, 16)));
/// assert_eq!(label_field("Forskningsinstitusjon:SSB"), Some((Label::Institution, 22)));
/// assert_eq!(label_field("Hovedfunnene er: mange"), None);
/// ```
pub fn label_field(text: &str) -> Option<(Label, usize)> {
    // What [`label_parser`] reads, read from the first colon (memchr) that
    // its `take_until(":")` finds too, without setting up a searcher: the
    // name before it, then the white space after it.
    let colon = memchr::memchr(b':', text.as_bytes())?;
    let label = label_named(text.get(..colon)?)?;
    let value = text
        .get(colon + 1..)?
        .trim_start_matches(char::is_whitespace);
    Some((label, text.len() - value.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every label's first two letters, in any case, may open one; ASCII
    /// pairs that start none, and names of one byte, open none; a byte
    /// beyond ASCII in either place is asked of [`may_start_label`].
    #[test]
    fn a_label_may_open_with_its_first_two_letters_in_any_case() {
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                let pair = [a.to_ascii_lowercase(), b.to_ascii_lowercase()];
                let starts = LABELS.iter().any(|(n, _)| n.as_bytes().starts_with(&pair));
                let want = if a.is_ascii() && b.is_ascii() {
                    starts
                } else {
                    may_start_label(a)
                };
                assert_eq!(may_open_label(&[a, b]), want, "{a} {b}");
            }
            assert!(!may_open_label(&[a]));
        }
        assert!(!may_open_label(&[]));
    }

    #[test]
    fn a_label_may_start_with_its_first_letter_in_any_case() {
        for b in 0..=255u8 {
            let first = LABELS
                .iter()
                .any(|(n, _)| n.as_bytes()[0] == b.to_ascii_lowercase());
            assert_eq!(may_start_label(b), !b.is_ascii() || first, "{b}");
        }
    }

    #[test]
    fn no_label_is_longer_than_the_bound() {
        let longest = LABELS.iter().map(|(n, _)| n.chars().count()).max();
        assert_eq!(longest, Some(MAX_LABEL_CHARS));
    }

    #[test]
    fn names_compare_as_lower_cased_strings_do() {
        let by_string = |name: &str| {
            let name = name.trim().to_lowercase();
            LABELS.iter().find(|(n, _)| *n == name).map(|&(_, l)| l)
        };
        for name in [
            "Prosjekttittel",
            " TEMA ",
            "FORSKNINGSMILJØ",
            "Forskningsmiljø",
            "Prosje\u{212a}tleder",
            "Periodeσ",
            "PERIODEΣ",
            "Hovedfunnene er",
            "",
            "tema tema",
            "SAMMENDRAG",
            "Prosjektleder ",
            "Temaer",
            "Tem",
            "Forskningsmilj",
            "FORSKNINGSINSTITUSJONER",
            "Forskningsmiljø og tema",
            "forskningsmiljø ",
            "Ø Tema",
        ] {
            assert_eq!(label_named(name), by_string(name), "{name}");
        }
        assert_eq!(label_named(&"x".repeat(200)), None);
    }

    /// [`label_field`] reads what [`label_parser`] reads, without it.
    #[test]
    fn a_field_is_what_the_parser_reads() {
        let pieces = [
            "Tema", ":", " ", "\u{a0}", "\t", "ø", "x", "TEMA", "Periode",
        ];
        let mut fields = 0;
        for text in crate::testing::concatenations(&pieces, 5) {
            let parsed = label_parser::<()>(&text)
                .ok()
                .map(|(value, label)| (label, text.len() - value.len()));
            assert_eq!(label_field(&text), parsed, "{text:?}");
            fields += usize::from(parsed.is_some());
        }
        assert!(fields > 0);
    }

    #[test]
    fn the_cheap_test_keeps_every_field() {
        let long = format!("{}: x", "Tema ".repeat(40));
        for text in [
            "Tema: x",
            "  Tema  :x",
            "TEMA:",
            "Tema",
            ":",
            "",
            "Tema: a: b",
            &long,
        ] {
            let parsed = label_parser::<()>(text)
                .ok()
                .map(|(value, label)| (label, text.len() - value.len()));
            assert_eq!(label_field(text), parsed, "{text}");
        }
    }
}

//! Author lists: `Av A, B og C` and `A, B og C`.

use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::combinator::{cut, map, rest, verify};
use nom::error::{ContextError, ParseError, context};
use nom::multi::separated_list0;
use nom::sequence::preceded;
use nom::{IResult, Parser};

use super::{GrammarError, check, trim_period};
use crate::model::range_within;

/// The most words a name has (`Kari Marie van der Berg`).
const MAX_NAME_WORDS: usize = 6;

/// The most bytes a name's initials take (`K.-L. M.`, `Å. Ø. B.`): a
/// longer piece is no initials, told without reading it.
const MAX_INITIALS_BYTES: usize = 16;

/// What separates two names: `, `, ` og `, ` and `, ` & `, and `, og `,
/// `, and ` or `, & ` (a comma before the last name's conjunction).
fn separator<'a, E: ParseError<&'a str>>(input: &'a str) -> IResult<&'a str, &'a str, E> {
    let serial = alt((tag(", og "), tag(", and "), tag(", & ")));
    alt((serial, tag(", "), tag(" og "), tag(" and "), tag(" & "))).parse(input)
}

/// The text up to the first place a [`separator`] matches (all of it if
/// none does): what `recognize(many0_count(preceded(not(separator),
/// anychar)))` takes, found by trying the separator only where one may
/// start, at a `,` or a space (`memchr2`), not at every character.
fn up_to_separator<'a, E: ParseError<&'a str>>(input: &'a str) -> IResult<&'a str, &'a str, E> {
    let end = memchr::memchr2_iter(b',', b' ', input.as_bytes())
        .find(|&i| input.get(i..).is_some_and(|at| separator::<()>(at).is_ok()))
        .unwrap_or(input.len());
    let (taken, rest) = input.split_at(end);
    Ok((rest, taken))
}

/// One name: the text up to the next separator, trimmed, without a trailing `,`.
fn name<'a, E: ParseError<&'a str>>(input: &'a str) -> IResult<&'a str, &'a str, E> {
    map(up_to_separator, |n: &str| {
        crate::text::trim(n).trim_end_matches(',').trim()
    })
    .parse(input)
}

/// The names of a list, empty pieces left out. In a list written surname
/// first (`Nordmann, K. og Hansen, P.`), a piece of initials only ends the
/// name before it: the two are one name, as written (`Nordmann, K.`).
fn names<'a, E: ParseError<&'a str>>(input: &'a str) -> IResult<&'a str, Vec<&'a str>, E> {
    let (rest, mut found) = separated_list0(separator, name).parse(input)?;
    found.retain(|n| !n.is_empty());
    // (merged in place: most lists have no initials, and cost no new vector)
    let mut kept: usize = 0;
    for k in 0..found.len() {
        let (Some(&n), Some(&prev)) =
            (found.get(k), kept.checked_sub(1).and_then(|p| found.get(p)))
        else {
            kept += 1;
            continue;
        };
        if is_initials(n)
            && !is_initials(prev)
            && let Some(joined) = comma_joined(input, prev, n)
            && !crate::text::more_words_than(joined, MAX_NAME_WORDS)
        {
            if let Some(last) = found.get_mut(kept - 1) {
                *last = joined;
            }
        } else {
            found.swap(kept, k);
            kept += 1;
        }
    }
    found.truncate(kept);
    Ok((rest, found))
}

/// `first`, the `, ` after it and `then`, as one slice of `text` (all three
/// are slices of it): `None` when something else stands between them.
fn comma_joined<'a>(text: &'a str, first: &str, then: &str) -> Option<&'a str> {
    let first = range_within(text, first)?;
    let then = range_within(text, then)?;
    (text.get(first.end..then.start)? == ", ")
        .then(|| text.get(first.start..then.end))
        .flatten()
}

/// Is `piece` a person's initials and nothing else: words of capitals each
/// followed by a period (`K.`, `K. L.`, `K.-L.`, `K.L.`), or one capital
/// alone (`P`, whose period ended a sentence)?
fn is_initials(piece: &str) -> bool {
    if piece.len() > MAX_INITIALS_BYTES {
        return false;
    }
    let mut words = piece.split([' ', '-']).filter(|w| !w.is_empty()).peekable();
    words.peek().is_some() && words.all(is_initial_word)
}

/// A word of [`is_initials`]: `K.`, `K.L.` or a lone capital.
fn is_initial_word(word: &str) -> bool {
    let mut chars = word.chars().peekable();
    let (mut capitals, mut periods) = (0, 0);
    while let Some(c) = chars.next() {
        if !c.is_uppercase() {
            return false;
        }
        capitals += 1;
        periods += usize::from(chars.next_if_eq(&'.').is_some());
    }
    capitals > 0 && (periods == capitals || capitals == 1)
}

/// [`trim_period`], but for the period of a last name's initials
/// (`Hansen, P.`): a list ends there, and the period is the name's.
fn trim_list_end(text: &str) -> &str {
    let trimmed = trim_period(text);
    let last = trimmed.rsplit([' ', ',', '-']).next().unwrap_or(trimmed);
    if trimmed.len() < crate::text::trim(text).len() && !last.is_empty() && is_initials(last) {
        crate::text::trim(text)
    } else {
        trimmed
    }
}

/// Split `A, B og C` into names (also `and`, `&`).
///
/// ```
/// assert_eq!(fou::grammar::author_list("Hansen, Berg og van der Lund."), ["Hansen", "Berg", "van der Lund"]);
/// ```
pub fn author_list(text: &str) -> Vec<String> {
    let names = names::<()>(trim_list_end(text)).map_or_else(|_| Vec::new(), |(_, n)| n);
    names.into_iter().map(str::to_owned).collect()
}

/// Names that read as people's ([`plausible_name`]), at least one.
fn plausible(names: &[&str]) -> bool {
    !names.is_empty() && names.iter().all(|n| plausible_name(n))
}

/// A name that reads as a person's: one to six words, capitalised, with no
/// `?`, `:` or `;`. The cheapest test first, the three marks looked for as
/// bytes (`memchr3`: an ASCII byte is never part of another character),
/// and words counted by bytes only up to one too many (a name that starts
/// with a capital has a word).
fn plausible_name(n: &str) -> bool {
    n.chars().next().is_some_and(char::is_uppercase)
        && memchr::memchr3(b'?', b':', b';', n.as_bytes()).is_none()
        && !crate::text::more_words_than(n, MAX_NAME_WORDS)
}

/// nom parser for an author line, `Av A, B og C` (or `By …`): the names.
/// After `Av ` the rest of the input must be the names (`cut`).
///
/// ```
/// use fou::grammar::{Expected, authors_parser};
/// assert_eq!(authors_parser::<Expected>("Av Kari Nordmann og Ola Hansen"), Ok(("", vec!["Kari Nordmann", "Ola Hansen"])));
/// assert!(matches!(authors_parser::<Expected>("Av disse: to"), Err(nom::Err::Failure(_))));
/// ```
pub fn authors_parser<'a, E>(input: &'a str) -> IResult<&'a str, Vec<&'a str>, E>
where
    E: ParseError<&'a str> + ContextError<&'a str>,
{
    let by = context(
        "`Av ` before the authors",
        alt((tag("Av "), tag("av "), tag("By "))),
    );
    let all_names = map(rest, |r: &'a str| {
        names::<()>(trim_list_end(r)).map_or_else(|_| Vec::new(), |(_, n)| n)
    });
    let names = context(
        "names separated by `,` and `og`",
        verify(all_names, plausible),
    );
    preceded(by, cut(names)).parse(input)
}

/// May `line` be an author line? A cheap test that [`authors`] fails
/// whenever it says no: an author line starts with `Av `, `av ` or `By `.
/// A reader asks it first, so running text costs no parse.
pub(crate) fn may_be_author_line(line: &str) -> bool {
    let t = crate::text::trim_start(line);
    t.starts_with("Av ") || t.starts_with("av ") || t.starts_with("By ")
}

/// Parse an author line `Av A, B og C`.
///
/// ```
/// use fou::grammar::authors;
/// assert_eq!(authors("Av Kari Nordmann, Ola Hansen og Per Olsen").unwrap(),
///            ["Kari Nordmann", "Ola Hansen", "Per Olsen"]);
/// assert!(authors("Avdelingsdirektør").is_err());
/// ```
pub fn authors(line: &str) -> Result<Vec<String>, GrammarError> {
    let names = check(authors_parser, crate::text::trim(line))?;
    Ok(names.into_iter().map(str::to_owned).collect())
}

/// Does `line` parse as [`authors`] reads it? Without the copies of the
/// names and the error it would make: a reader that only decides asks this.
/// The names are read one at a time with the parser's own [`name`] and
/// [`separator`], and the first that reads as no person's
/// ([`plausible_name`]) is the answer, where [`authors_parser`] splits the
/// whole line into a vector before it looks at any.
pub(crate) fn reads_as_authors(line: &str) -> bool {
    let line = crate::text::trim(line);
    let Some(after_by) = ["Av ", "av ", "By "]
        .iter()
        .find_map(|by| line.strip_prefix(by))
    else {
        return false;
    };
    let mut rest = trim_list_end(after_by);
    let mut any = false;
    loop {
        let Ok((after, n)) = name::<()>(rest) else {
            return false;
        };
        if !n.is_empty() {
            if !plausible_name(n) {
                return false;
            }
            any = true;
        }
        match separator::<()>(after) {
            Ok((next, _)) => rest = next,
            // (a name runs to a separator or to the end)
            Err(_) => return any && after.is_empty(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{
        MAX_NAME_WORDS, authors, is_initials, may_be_author_line, plausible_name, reads_as_authors,
        separator, up_to_separator,
    };
    use nom::Parser;
    use nom::character::complete::anychar;
    use nom::combinator::{not, recognize};
    use nom::multi::many0_count;
    use nom::sequence::preceded;

    /// The search for a separator takes what trying the separator at
    /// every character takes, on texts of names, separators, their pieces
    /// and characters of more than one byte.
    /// A name is plausible as its words are counted by `split_whitespace`:
    /// texts of capitals, words, white space of several kinds and marks.
    #[test]
    fn a_plausible_name_has_one_to_six_words() {
        let by_split = |n: &str| {
            n.chars().next().is_some_and(char::is_uppercase)
                && !n.contains(['?', ':', ';'])
                && (1..=MAX_NAME_WORDS).contains(&n.split_whitespace().count())
        };
        let pieces = [
            "Kari", "Ø", "van", " ", "  ", "\u{a0}", "\u{2003}", "\t", ":", "ø",
        ];
        let mut plausible = 0;
        for n in crate::testing::concatenations(&pieces, 5)
            .into_iter()
            .chain(["A b c d e f".into(), "A b c d e f g".into()])
        {
            assert_eq!(plausible_name(&n), by_split(&n), "{n:?}");
            plausible += usize::from(by_split(&n));
        }
        assert!(plausible > 0);
    }

    /// Initials are capitals each with its period, or one capital alone.
    #[test]
    fn initials_are_capitals_with_periods() {
        for yes in ["K.", "K. L.", "K.-L.", "K.L.", "Ø.", "P", "Å. B"] {
            assert!(is_initials(yes), "{yes:?}");
        }
        for no in [
            "",
            " ",
            "NAV",
            "KL",
            "K.L",
            "Kari",
            "k.",
            "K..",
            "K. Hansen",
            "1.",
        ] {
            assert!(!is_initials(no), "{no:?}");
        }
    }

    #[test]
    fn the_search_for_a_separator_takes_what_the_character_loop_takes() {
        let pieces = [
            "Kari", ",", ", ", " ", "og", " og ", " and ", " & ", "&", "ø", "–", ",,",
        ];
        let mut split = 0;
        for text in crate::testing::concatenations(&pieces, 4) {
            let looped = recognize(many0_count(preceded(not(separator::<()>), anychar)))
                .parse(text.as_str());
            let searched = up_to_separator::<()>(&text);
            assert_eq!(searched, looped, "{text:?}");
            split += usize::from(searched.is_ok_and(|(rest, _)| !rest.is_empty()));
        }
        assert!(split > 1000, "{split}");
    }

    /// What the cheap test turns away never parses, and the test of a
    /// parse without its copies says what the parse says.
    #[test]
    fn what_the_cheap_test_turns_away_never_parses() {
        let pieces = [
            " ", "Av", "av", "By", "AV", "Kari", "Ola", ", ", " og ", ".", "?",
        ];
        let mut lines = crate::testing::concatenations(&pieces, 5);
        // Names of many words, lower-case ones, the other separators and
        // marks, after a well-formed start.
        let names = [
            "Kari",
            "ola",
            "Å",
            "ø",
            "A B C D E F",
            "A B C D E F G",
            " and ",
            " & ",
            ",",
            ";",
            ":",
            " ",
            "..",
        ];
        for by in ["Av ", "By ", "av  "] {
            lines.extend(
                crate::testing::concatenations(&names, 4)
                    .into_iter()
                    .map(|n| format!("{by}{n}")),
            );
        }
        let mut parsed = 0;
        for l in &lines {
            let ok = authors(l).is_ok();
            assert_eq!(reads_as_authors(l), ok, "{l:?}");
            if ok {
                assert!(may_be_author_line(l), "{l:?}");
                parsed += 1;
            }
        }
        assert!(parsed > 10, "{parsed}");
    }
}

//! Publication references: `Authors (2020): *Title*, Venue`, the reports'
//! own order, and the APA style, `Surname, A. & Surname, B. (2020). Title.
//! *Venue*, 12(3), 45–60. https://doi.org/…`.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while_m_n};
use nom::character::complete::{char, one_of, satisfy, space0};
use nom::combinator::{cut, map, map_opt, map_parser, opt, rest, verify};
use nom::error::{ContextError, ErrorKind, ParseError, context};
use nom::sequence::{delimited, preceded};
use nom::{IResult, Parser};

use super::{GrammarError, author_list, check, trim_period};
use crate::lexicon;

/// The most words an author's name in a reference has.
const MAX_NAME_WORDS: usize = 5;

/// How a link in a reference starts: the end of its venue.
const LINKS: [&str; 4] = ["https://", "http://", "doi:", "www."];

/// The most characters of a date after the year in its parentheses
/// (`(2021, 30. september)`): a day and a month, with room for a range.
const MAX_DATE_AFTER_YEAR: usize = 24;

/// A parsed reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// Authors as written.
    pub authors: Vec<String>,
    /// Year.
    pub year: Option<i32>,
    /// Title (emphasis markers removed).
    pub title: String,
    /// Journal or other venue.
    pub venue: Option<String>,
}

fn year_in_parens<'a, E: ParseError<&'a str>>(input: &'a str) -> IResult<&'a str, i32, E> {
    let year = map_opt(
        take_while_m_n(4, 4, |c: char| c.is_ascii_digit()),
        |d: &str| d.parse().ok(),
    );
    // `(2021a)`: the second of an author's works that year; `(2021, 3.
    // mars)`: a day, as the APA style writes it for a newspaper.
    let letter = opt(satisfy(|c| c.is_ascii_lowercase()));
    let day = opt(preceded(
        char(','),
        take_while_m_n(1, MAX_DATE_AFTER_YEAR, |c| c != ')' && c != '('),
    ));
    delimited((char('('), space0), year, (letter, day, space0, char(')'))).parse(input)
}

/// The text before the first ` (`: what `take_until(" (")` takes, found
/// from the `(`s (`memchr`) without setting up a substring searcher, and
/// failing as it fails where there is none.
fn up_to_paren<'a, E: ParseError<&'a str>>(input: &'a str) -> IResult<&'a str, &'a str, E> {
    let b = input.as_bytes();
    match memchr::memchr_iter(b'(', b).find(|&i| i > 0 && b[i - 1] == b' ') {
        Some(open) => {
            let (taken, rest) = input.split_at(open - 1);
            Ok((rest, taken))
        }
        None => Err(nom::Err::Error(E::from_error_kind(
            input,
            ErrorKind::TakeUntil,
        ))),
    }
}

/// The authors before ` (`: at least one, none longer than five words.
fn reference_authors<'a, E>(input: &'a str) -> IResult<&'a str, Vec<String>, E>
where
    E: ParseError<&'a str> + ContextError<&'a str>,
{
    let before_year = context("`(year)` after the authors", up_to_paren);
    context(
        "author names before `(year)`",
        verify(map(before_year, author_list), |names: &[String]| {
            !names.is_empty()
                && names
                    .iter()
                    .all(|n| n.split_whitespace().count() <= MAX_NAME_WORDS)
        }),
    )
    .parse(input)
}

/// The text before the first `*` or `_` (all of it when there is none):
/// what `take_till(|c| c == '*' || c == '_')` takes, found from the bytes
/// (`memchr2`: both are ASCII) without decoding a character.
fn up_to_mark<'a, E: ParseError<&'a str>>(input: &'a str) -> IResult<&'a str, &'a str, E> {
    let at = memchr::memchr2(b'*', b'_', input.as_bytes()).unwrap_or(input.len());
    match (input.get(at..), input.get(..at)) {
        (Some(rest), Some(taken)) => Ok((rest, taken)),
        _ => Ok(("", input)),
    }
}

/// `text` split around its last `, `, as [`str::rsplit_once`] splits it,
/// found from the commas (`memrchr`) without setting up a substring search.
pub(super) fn split_last_comma(text: &str) -> Option<(&str, &str)> {
    let b = text.as_bytes();
    let at = memchr::memrchr_iter(b',', b).find(|&i| b.get(i + 1) == Some(&b' '))?;
    Some((text.get(..at)?, text.get(at + 2..)?))
}

/// Title and venue. A title set in `*italics*` (or `_italics_`, or in
/// bold, `**bold**` or `__bold__`), or in quotes (`«…»`, `“…”`, `"…"`), is
/// followed by the venue. Otherwise, where the year ended with a period
/// (`sentence`, the APA style: `(2021). Title. Venue, 12(3), 45–60`), the
/// title is the first sentence and the venue the rest; else the venue is
/// after the last comma, if there is one. After a year with a period, a
/// venue's volume, pages and link are no part of it. A title of nothing but
/// white space and emphasis marks is none: the parser fails.
fn title_and_venue<'a, E: ParseError<&'a str>>(
    input: &'a str,
    sentence: bool,
) -> IResult<&'a str, (&'a str, Option<&'a str>), E> {
    let marks = alt((tag("**"), tag("__"), tag("*"), tag("_")));
    let emphasised = map(
        preceded(marks, (up_to_mark, rest)),
        |(title, after): (&str, &str)| {
            let venue = after.trim_start_matches(['*', '_']);
            (crate::text::trim(title), venue_after(venue))
        },
    );
    let quoted = map_opt(rest, quoted_title);
    let first_sentence = map_opt(rest, |text| {
        sentence.then(|| sentence_title(text)).flatten()
    });
    // (after a year with a period, a venue's volume and pages are cut off
    // before its last comma is looked for)
    let without_locators = move |text: &'a str| {
        if sentence {
            venue_name(text).unwrap_or(text)
        } else {
            text
        }
    };
    let plain = map(
        map(rest, without_locators),
        |text: &'a str| match split_last_comma(text) {
            Some((title, venue)) => (crate::text::trim(title), Some(trim_period(venue))),
            None => (trim_period(text), None),
        },
    );
    let has_title = |(title, _): &(&str, Option<&str>)| has_words(title);
    let (rest, (title, venue)) = alt((
        verify(emphasised, has_title),
        verify(quoted, has_title),
        verify(first_sentence, has_title),
        verify(plain, has_title),
    ))
    .parse(input)?;
    let venue = if sentence {
        venue.and_then(venue_name)
    } else {
        venue
    };
    Ok((rest, (title, venue)))
}

/// The venue in what follows a title: the text after a `,` or `.`, if any.
fn venue_after(after: &str) -> Option<&str> {
    let venue = crate::text::trim(after).trim_start_matches([',', '.']);
    let venue = crate::text::trim(venue);
    (!venue.is_empty()).then(|| trim_period(venue))
}

/// A title in quotes at the start of `text` (`«Title», Venue`), and the
/// venue after it: the quote must close the title, at the end or before a
/// `,`, `.` or `:`.
fn quoted_title(text: &str) -> Option<(&str, Option<&str>)> {
    const QUOTES: [(char, char); 5] = [('«', '»'), ('“', '”'), ('„', '“'), ('"', '"'), ('‘', '’')];
    let (open, close) = QUOTES.iter().find(|(open, _)| text.starts_with(*open))?;
    let inside = text.get(open.len_utf8()..)?;
    let (title, after) = inside.split_once(*close)?;
    // (`"Arbeid" i endring` is a title that starts with a quoted word)
    let closes = crate::text::trim(after)
        .chars()
        .next()
        .is_none_or(|c| matches!(c, ',' | '.' | ':'));
    closes.then(|| (crate::text::trim(title), venue_after(after)))
}

/// The title of an APA-style reference and the venue after it. The venue
/// is the last sentence before a link, if any (`Title? Subtitle. Venue,
/// 12(3), 45–60. https://doi.org/…`), without the words that lead to the
/// link (`Hentet fra`, [`lexicon::LINK_LEADS`]): the title ends at the last
/// `.`, `?` or `!` before it that a space and a capital or an emphasis mark
/// follow, and that ends no abbreviation (`Meld. St. 12`). A `?` or `!` is
/// the title's own, and ends it only before a venue with a volume, pages or
/// emphasis (`Hva virker? Tiltak for unge, NTNU` is one title and its
/// venue). `None` when nothing ends the title and no link follows it: the
/// last comma decides, as in the reports' own order.
fn sentence_title(text: &str) -> Option<(&str, Option<&str>)> {
    let link = link_at(text);
    let body = without_link_lead(link.and_then(|at| text.get(..at)).unwrap_or(text));
    let b = body.as_bytes();
    let end = memchr::memrchr3_iter(b'.', b'?', b'!', b).find(|&i| {
        let next = body.get(i + 2..).unwrap_or_default();
        b.get(i + 1) == Some(&b' ')
            && next.starts_with(|c: char| c.is_uppercase() || c == '*' || c == '_')
            && match b.get(i) {
                Some(b'.') => !crate::text::ends_abbreviation(body.get(..i).unwrap_or_default()),
                _ => next.contains(['*', '_']) || venue_name(next) != Some(trim_period(next)),
            }
    });
    let Some(end) = end else {
        return link.is_some().then(|| (trim_period(body), None));
    };
    let kept = usize::from(b.get(end) != Some(&b'.'));
    match (body.get(..end + kept), body.get(end + 1..)) {
        (Some(title), Some(after)) => Some((crate::text::trim(title), venue_after(after))),
        _ => None,
    }
}

/// `text` without the words that lead to a link at its end (`Fafo. Hentet
/// fra`: `Fafo.`).
fn without_link_lead(text: &str) -> &str {
    let t = crate::text::trim(text);
    let lower = crate::text::lower(t);
    lexicon::LINK_LEADS
        .iter()
        .find(|lead| lower.ends_with(*lead))
        .and_then(|lead| t.get(..t.len() - lead.len()))
        .map_or(t, crate::text::trim)
}

/// Where the first link in `text` starts ([`LINKS`]).
fn link_at(text: &str) -> Option<usize> {
    LINKS.iter().filter_map(|l| text.find(l)).min()
}

/// A venue without its locators: from `Tidsskrift, 12(3), 45–60.
/// https://doi.org/…`, `Tidsskrift`. A link ends it, and the pieces after
/// its last commas that start with a digit (volume, issue, pages, or an
/// article number, `e12`) or a page mark (`s.`, `pp.`) are dropped; none is
/// left when nothing else was there. The emphasis around the name goes.
fn venue_name(venue: &str) -> Option<&str> {
    let mut name = trim_period(venue.get(..link_at(venue).unwrap_or(venue.len()))?);
    while let Some((before, last)) = split_last_comma(name) {
        let last = last.trim_start_matches(['*', '_']);
        let article = last.strip_prefix('e').unwrap_or(last);
        let locator = article.starts_with(|c: char| c.is_ascii_digit())
            || ["s. ", "pp. ", "p. "].iter().any(|p| last.starts_with(p));
        if !locator {
            break;
        }
        name = crate::text::trim(before);
    }
    let name = name
        .trim_end_matches([',', '.', ' '])
        .trim_matches(['*', '_']);
    (!name.is_empty() && !name.starts_with(|c: char| c.is_ascii_digit())).then_some(name)
}

/// Does a title hold more than white space and emphasis marks?
fn has_words(title: &str) -> bool {
    title
        .chars()
        .any(|c| !c.is_whitespace() && c != '*' && c != '_')
}

/// nom parser for a reference: `Authors (2020): *Title*, Venue`. The year
/// must follow the first ` (` (`cut`), then a title.
///
/// ```
/// use fou::grammar::{Expected, reference_parser};
/// let (_, r) = reference_parser::<Expected>("Berg (2019). Tillit og tid").unwrap();
/// assert_eq!((r.year, r.title.as_str(), r.venue), (Some(2019), "Tillit og tid", None));
/// ```
pub fn reference_parser<'a, E>(input: &'a str) -> IResult<&'a str, Reference, E>
where
    E: ParseError<&'a str> + ContextError<&'a str>,
{
    let year = context("a year in parentheses", year_in_parens);
    let mark = preceded(take_while(char::is_whitespace), opt(one_of(":.")));
    let some_text = verify(rest, |t: &str| !crate::text::trim(t).is_empty());
    let (input, authors) = reference_authors(input)?;
    let (input, (year, mark)) = preceded(char(' '), cut((year, mark))).parse(input)?;
    let title = context(
        "a title",
        preceded(
            take_while(char::is_whitespace),
            map_parser(some_text, |text| title_and_venue(text, mark == Some('.'))),
        ),
    );
    let (rest, (title, venue)) = cut(title).parse(input)?;
    Ok((
        rest,
        Reference {
            authors,
            year: Some(year),
            title: trim_period(title).to_owned(),
            venue: venue.map(str::to_owned),
        },
    ))
}

/// May `text` be a reference? A cheap test that [`reference()`] fails
/// whenever it says no: the first ` (` of the trimmed text opens a year,
/// `(2020)` (with spaces or tabs inside the parentheses, if any). A reader
/// asks it first, so a list of other lines costs no parse.
pub(crate) fn may_be_reference(text: &str) -> bool {
    let t = crate::text::trim(text);
    // The first `(` after a space.
    let b = t.as_bytes();
    let Some(open) = memchr::memchr_iter(b'(', b).find(|&i| i > 0 && b[i - 1] == b' ') else {
        return false;
    };
    // (the bytes first: a period's `(2019-2021)` fails at its dash
    // without the parser)
    let after = b.get(open + 1..).unwrap_or_default();
    let digits_at = after.iter().position(|&c| c != b' ' && c != b'\t');
    let year_then = digits_at.and_then(|d| after.get(d..d + 5));
    let may = matches!(year_then, Some(&[a, b, c, d, next])
        if [a, b, c, d].iter().all(u8::is_ascii_digit)
            && matches!(next, b')' | b',' | b' ' | b'\t' | b'a'..=b'z'));
    may && t
        .get(open..)
        .is_some_and(|rest| year_in_parens::<()>(rest).is_ok())
}

/// Parse a reference.
///
/// ```
/// use fou::grammar::reference;
/// let r = reference("Hansen, Berg og van der Lund (2020): *Arbeid i endring*, Tidsskrift for tiltak").unwrap();
/// assert_eq!(r.authors, ["Hansen", "Berg", "van der Lund"]);
/// assert_eq!(r.year, Some(2020));
/// assert_eq!(r.title, "Arbeid i endring");
/// assert_eq!(r.venue.as_deref(), Some("Tidsskrift for tiltak"));
/// assert!(reference("Ingen referanse her").is_err());
///
/// // The APA style: authors surname first, the venue without its volume,
/// // pages and link.
/// let r = reference("Berg, K. & Dahl, T. (2021). Tillit og tid. *Tidsskrift for tiltak*, 4(2), 1–9.").unwrap();
/// assert_eq!(r.authors, ["Berg, K.", "Dahl, T."]);
/// assert_eq!(r.title, "Tillit og tid");
/// assert_eq!(r.venue.as_deref(), Some("Tidsskrift for tiltak"));
/// ```
pub fn reference(text: &str) -> Result<Reference, GrammarError> {
    check(reference_parser, crate::text::trim(text))
}

/// [`reference()`] of `text` when it reads as one: a reader that drops the
/// error makes none ([`super::whole()`]).
pub(crate) fn read_reference(text: &str) -> Option<Reference> {
    super::whole(reference_parser, crate::text::trim(text))
}

#[cfg(test)]
mod tests {
    use super::{
        may_be_reference, read_reference, reference, split_last_comma, up_to_mark, up_to_paren,
    };
    use nom::Parser;
    use nom::bytes::complete::{take_till, take_until};

    /// The splits found from the bytes are those of `take_till` and
    /// [`str::rsplit_once`]: around commas, marks and spaces next to
    /// characters of more than one byte, at the ends of the text.
    #[test]
    fn the_splits_from_the_bytes_are_those_of_the_standard_ones() {
        let pieces = [",", " ", ", ", "*", "_", "ø", "Tittel", ",,", "\u{2019}"];
        let mut split = 0;
        for text in crate::testing::concatenations(&pieces, 5) {
            let till = take_till::<_, _, ()>(|c| c == '*' || c == '_').parse(text.as_str());
            assert_eq!(up_to_mark::<()>(&text), till, "{text:?}");
            assert_eq!(split_last_comma(&text), text.rsplit_once(", "), "{text:?}");
            split += usize::from(split_last_comma(&text).is_some());
        }
        assert!(split > 1000, "{split}");
    }

    /// The search for ` (` from the `(`s takes what `take_until` takes,
    /// and fails where it fails, at the same place.
    #[test]
    fn the_text_before_a_paren_is_what_take_until_takes() {
        let pieces = ["Berg", " ", "(", " (", "((", "  ((", "ø", "\t(", ")"];
        let mut found = 0;
        for text in crate::testing::concatenations(&pieces, 4) {
            let until = take_until::<_, _, super::super::Expected>(" (").parse(text.as_str());
            let searched = up_to_paren::<super::super::Expected>(&text);
            assert_eq!(searched, until, "{text:?}");
            found += usize::from(searched.is_ok());
        }
        assert!(found > 1000, "{found}");
    }

    #[test]
    fn what_the_cheap_test_turns_away_never_parses() {
        let pieces = [
            "Berg",
            " (",
            "(",
            "2020",
            "20201",
            " ",
            "\t",
            ")",
            ": ",
            "*Tittel*",
            ", Venue",
            "og Dahl",
            "(se under)",
            ".",
            " (2020)",
            "( 2020\t)",
            " (2020a)",
            " (2020, 3. mars)",
            "(2020,)",
            "). Tittel. Venue, 1(2)",
        ];
        let lines = crate::testing::concatenations(&pieces, 4);
        let mut parsed = 0;
        for l in &lines {
            assert_eq!(read_reference(l), reference(l).ok(), "{l:?}");
            if reference(l).is_ok() {
                assert!(may_be_reference(l), "{l:?}");
                parsed += 1;
            }
        }
        assert!(parsed > 100, "{parsed}");
    }
}

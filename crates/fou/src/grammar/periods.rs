//! Project periods: `(2019-2021)`, `(2019–2021)`, `(2021)`, `(2018-21)` and
//! the hyphen-less `(20192021)` that PDF extraction produces.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n};
use nom::character::complete::{char, space0};
use nom::combinator::{cut, map, map_opt, opt, verify};
use nom::error::{ContextError, ParseError, context};
use nom::sequence::{delimited, preceded, terminated};
use nom::{IResult, Parser};

use super::{GrammarError, check};
use crate::Period;

/// The longest period a project line states, in years; a longer one is a misreading.
const MAX_YEARS: i32 = 30;

fn digits<'a, E: ParseError<&'a str>>(n: usize) -> impl Parser<&'a str, Output = i32, Error = E> {
    map_opt(
        take_while_m_n(n, n, |c: char| c.is_ascii_digit()),
        |d: &str| d.parse().ok(),
    )
}

fn year<'a, E: ParseError<&'a str>>(input: &'a str) -> IResult<&'a str, i32, E> {
    digits(4).parse(input)
}

fn dash<'a, E: ParseError<&'a str>>(input: &'a str) -> IResult<&'a str, &'a str, E> {
    delimited(
        space0,
        // hyphen, en and em dash, non-breaking hyphen, minus sign (as
        // some PDF text has it)
        alt((tag("--"), tag("-"), tag("–"), tag("—"), tag("‑"), tag("−"))),
        space0,
    )
    .parse(input)
}

/// `cut(parser)` when `commit`, else `parser` itself.
fn cut_if<'a, O, E: ParseError<&'a str>>(
    commit: bool,
    mut parser: impl Parser<&'a str, Output = O, Error = E>,
) -> impl Parser<&'a str, Output = O, Error = E> {
    move |input: &'a str| match parser.parse(input) {
        Err(nom::Err::Error(e)) if commit => Err(nom::Err::Failure(e)),
        other => other,
    }
}

/// The years of a period, checked for order and length. Inside parentheses
/// a dash commits to an end year; bare, `1990-tallet` is just `1990`.
fn years<'a, E>(dash_commits: bool) -> impl Parser<&'a str, Output = Period, Error = E>
where
    E: ParseError<&'a str> + ContextError<&'a str>,
{
    let years = move |input: &'a str| {
        let (rest, start) = context("a four-digit year", year).parse(input)?;
        // `2018-21`: the century of the start year
        let short = map(digits(2), |y| start - start % 100 + y);
        let after_dash = context("a year after the dash", alt((year, short)));
        let end = alt((
            preceded(dash, cut_if(dash_commits, after_dash)),
            year, // `20192021`: hyphen lost in extraction
        ));
        let (rest, end) = opt(end).parse(rest)?;
        let end = end.unwrap_or(start);
        Ok((rest, Period { start, end }))
    };
    context(
        "a period that ends after it starts, within 30 years",
        verify(years, |p: &Period| {
            p.end >= p.start && p.end - p.start <= MAX_YEARS
        }),
    )
}

/// nom parser for the inside of a period, without parentheses.
///
/// ```
/// use fou::grammar::{Expected, period_body};
/// assert_eq!(period_body::<Expected>("2018-21").unwrap().1, fou::Period { start: 2018, end: 2021 });
/// assert_eq!(period_body::<Expected>("1990-tallet"), Ok(("-tallet", fou::Period { start: 1990, end: 1990 })));
/// ```
pub fn period_body<'a, E>(input: &'a str) -> IResult<&'a str, Period, E>
where
    E: ParseError<&'a str> + ContextError<&'a str>,
{
    years(false).parse(input)
}

/// nom parser for a parenthesised period, `(2019-2021)`. After the `(` a
/// period must follow, and after a dash an end year (`cut`).
///
/// ```
/// use fou::grammar::{Expected, period_parser};
/// let (rest, p) = period_parser::<Expected>("(2019-2021) x").unwrap();
/// assert_eq!((p.start, p.end, rest), (2019, 2021, " x"));
/// ```
pub fn period_parser<'a, E>(input: &'a str) -> IResult<&'a str, Period, E>
where
    E: ParseError<&'a str> + ContextError<&'a str>,
{
    preceded(
        context("a period like (2019-2021)", char('(')),
        cut(terminated(
            delimited(space0, years(true), space0),
            context("`)` after the period", char(')')),
        )),
    )
    .parse(input)
}

/// Parse a whole period, with or without parentheses.
///
/// ```
/// use fou::{grammar::period, Period};
/// assert_eq!(period("(2019-2021)"), Ok(Period { start: 2019, end: 2021 }));
/// assert_eq!(period("(2021)"), Ok(Period { start: 2021, end: 2021 }));
/// assert_eq!(period("(20192021)"), Ok(Period { start: 2019, end: 2021 }));
/// assert_eq!(period("2020-2023"), Ok(Period { start: 2020, end: 2023 }));
/// assert!(period("(2021-2019)").is_err());
/// ```
pub fn period(input: &str) -> Result<Period, GrammarError> {
    check(alt((period_parser, period_body)), crate::text::trim(input))
}

/// Split a trailing `(2019-2021)` off a line.
///
/// ```
/// use fou::grammar::split_period;
/// let (body, p) = split_period("Bedre oppfølging av unge, Fafo (2020-2021).");
/// assert_eq!(body, "Bedre oppfølging av unge, Fafo");
/// assert_eq!(p.unwrap().end, 2021);
/// assert_eq!(split_period("Uten periode (se under)"), ("Uten periode (se under)", None));
/// // A parenthesis left open where a copied page was cut off:
/// assert_eq!(split_period("Fritid og jobb, Nordlys analyse (2022"), ("Fritid og jobb, Nordlys analyse", Some(fou::Period { start: 2022, end: 2022 })));
/// ```
pub fn split_period(line: &str) -> (&str, Option<Period>) {
    let t = without_end_marks(line);
    // `(` is ASCII: the last byte `(` is the last character `(`, found by
    // a vectorised search rather than a character decoded at a time.
    if let Some(open) = memchr::memrchr(b'(', t.as_bytes()) {
        if t.ends_with(')')
            && let Some(p) = closed_period(&t[open..])
        {
            return (t[..open].trim_end(), Some(p));
        }
        // `(2022` with no `)`: the period of a line cut off.
        if !t[open..].contains(')')
            && let Ok(p) = period(&t[open + 1..])
        {
            return (t[..open].trim_end(), Some(p));
        }
    }
    (t, None)
}

/// `line.trim().trim_end_matches(['.', ',']).trim_end()`, with the
/// common cases told from a byte or two ([`crate::text::trim`]): the marks
/// are ASCII, stripped as bytes.
fn without_end_marks(line: &str) -> &str {
    let t = crate::text::trim(line);
    let marks = t
        .as_bytes()
        .iter()
        .rev()
        .take_while(|&&b| b == b'.' || b == b',')
        .count();
    crate::text::trim_end(t.get(..t.len() - marks).unwrap_or_default())
}

/// The period `s` is, whole, as [`period_parser`] reads it; `None` when it
/// fails or leaves something. The common `(2019-2021)` is read without it
/// ([`plain_period`]).
fn closed_period(s: &str) -> Option<Period> {
    plain_period(s).or_else(|| match period_parser::<()>(s) {
        Ok(("", p)) => Some(p),
        _ => None,
    })
}

/// `(dddd-dddd)` (a hyphen or an en dash between two four-digit years, in
/// order and at most [`MAX_YEARS`] apart) read without the parser, which
/// reads it the same; `None` for any other text (the parser reads it).
fn plain_period(s: &str) -> Option<Period> {
    let inner = s.strip_prefix('(')?.strip_suffix(')')?;
    let (start, rest) = inner.split_at_checked(4)?;
    let end = rest.strip_prefix('-').or_else(|| rest.strip_prefix('–'))?;
    let (start, end) = (four_digits(start)?, four_digits(end)?);
    (end >= start && end - start <= MAX_YEARS).then_some(Period { start, end })
}

/// The number `s` is when it is four ASCII digits.
fn four_digits(s: &str) -> Option<i32> {
    let digits: [u8; 4] = s.as_bytes().try_into().ok()?;
    digits.iter().try_fold(0, |n, &d| {
        d.is_ascii_digit().then(|| n * 10 + i32::from(d - b'0'))
    })
}

#[cfg(test)]
mod tests {
    use super::{period, period_parser, plain_period, split_period, without_end_marks};
    use crate::Period;

    /// Where [`plain_period`] reads a period, the parser reads the same,
    /// with nothing left.
    #[test]
    fn the_plain_period_is_what_the_parser_reads() {
        let pieces = [
            "(", ")", "2019", "2021", "1980", "-", "–", "—", " ", "1", "x",
        ];
        let mut read = 0;
        for s in crate::testing::concatenations(&pieces, 5) {
            if let Some(p) = plain_period(&s) {
                assert_eq!(period_parser::<()>(&s), Ok(("", p)), "{s:?}");
                read += 1;
            }
        }
        assert!(read > 0);
    }

    /// [`split_period`] as it read before its shortcuts: the `str` trims
    /// and `rfind`, each character decoded.
    fn split_period_slow(line: &str) -> (&str, Option<Period>) {
        let t = line.trim().trim_end_matches(['.', ',']).trim_end();
        if let Some(open) = t.rfind('(') {
            if t.ends_with(')')
                && let Some(p) = super::closed_period(&t[open..])
            {
                return (t[..open].trim_end(), Some(p));
            }
            if !t[open..].contains(')')
                && let Ok(p) = period(&t[open + 1..])
            {
                return (t[..open].trim_end(), Some(p));
            }
        }
        (t, None)
    }

    /// [`split_period`] (and its [`without_end_marks`]) reads as the slow
    /// reading does, over texts with Unicode spaces, marks and parentheses
    /// at either end.
    #[test]
    fn the_period_splits_as_the_slow_reading_splits_it() {
        let pieces = [
            "(", ")", "2019", "-2021", ".", ",", " ", "\u{a0}", "\u{2003}", "ø", "x",
        ];
        let mut split = 0;
        for s in crate::testing::concatenations(&pieces, 5) {
            let slow = s.trim().trim_end_matches(['.', ',']).trim_end();
            assert_eq!(without_end_marks(&s), slow, "{s:?}");
            assert_eq!(split_period(&s), split_period_slow(&s), "{s:?}");
            split += usize::from(split_period(&s).1.is_some());
        }
        assert!(split > 0);
    }

    #[test]
    fn any_dash_a_converter_writes_separates_the_years() {
        let p = Period {
            start: 2020,
            end: 2023,
        };
        for text in [
            "(2020–2023)",
            "(2020 -- 2023)", // pandoc from DOCX
            "(2020 - 2023)",  // docling
            "(2020– 2023)",   // pymupdf4llm: stray space after
            "(2020 –2023)",   // and before
            "( 2020 – 2023 )",
            "2020--2023",
            "2020 - 2023",
        ] {
            assert_eq!(period(text), Ok(p), "{text}");
        }
        assert_eq!(split_period("Tittel, Fafo (2020 -- 2023).").1, Some(p));
    }
}

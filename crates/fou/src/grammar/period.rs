//! Project periods: `(2019-2021)`, `(2019–2021)`, `(2021)`, `(2018-21)` and
//! the hyphen-less `(20192021)` that PDF extraction produces.

use nom::IResult;
use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n};
use nom::character::complete::{char, space0};
use nom::combinator::{map, map_res, opt};
use nom::sequence::{delimited, preceded};

use super::GrammarError;
use crate::Period;

fn year(input: &str) -> IResult<&str, i32> {
    map_res(
        take_while_m_n(4, 4, |c: char| c.is_ascii_digit()),
        str::parse,
    )
    .parse(input)
}

fn short_year(input: &str) -> IResult<&str, i32> {
    map_res(
        take_while_m_n(2, 2, |c: char| c.is_ascii_digit()),
        str::parse::<i32>,
    )
    .parse(input)
}

fn dash(input: &str) -> IResult<&str, &str> {
    delimited(
        space0,
        alt((tag("-"), tag("–"), tag("—"), tag("‑"))),
        space0,
    )
    .parse(input)
}

/// nom parser for the inside of a period, without parentheses.
///
/// ```
/// use fou::grammar::period::period_body;
/// assert_eq!(period_body("2018-21").unwrap().1, fou::Period { start: 2018, end: 2021 });
/// ```
pub fn period_body(input: &str) -> IResult<&str, Period> {
    let (rest, start) = year(input)?;
    let (rest, end) = opt(alt((
        preceded(dash, year),
        map(preceded(dash, short_year), move |y| start - start % 100 + y),
        year, // `20192021`: hyphen lost in extraction
    )))
    .parse(rest)?;
    let end = end.unwrap_or(start);
    if end < start || end - start > 30 {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        )));
    }
    Ok((rest, Period { start, end }))
}

/// nom parser for a parenthesised period, `(2019-2021)`.
///
/// ```
/// let (rest, p) = fou::grammar::period::period_parser("(2019-2021) x").unwrap();
/// assert_eq!((p.start, p.end, rest), (2019, 2021, " x"));
/// ```
pub fn period_parser(input: &str) -> IResult<&str, Period> {
    delimited((char('('), space0), period_body, (space0, char(')'))).parse(input)
}

/// Parse a whole period, with or without parentheses.
///
/// ```
/// use fou::{grammar::period, Period};
/// assert_eq!(period("(2019-2021)"), Ok(Period { start: 2019, end: 2021 }));
/// assert_eq!(period("(2021)"), Ok(Period { start: 2021, end: 2021 }));
/// assert_eq!(period("(20192021)"), Ok(Period { start: 2019, end: 2021 }));
/// assert!(period("(2021-2019)").is_err());
/// ```
pub fn period(input: &str) -> Result<Period, GrammarError> {
    let t = input.trim();
    let res = if t.starts_with('(') {
        period_parser(t)
    } else {
        period_body(t)
    };
    match res {
        Ok(("", p)) => Ok(p),
        Ok((rest, _)) => Err(GrammarError::new("end of period", t, rest)),
        Err(_) => Err(GrammarError::new("a period like (2019-2021)", t, t)),
    }
}

/// Split a trailing `(2019-2021)` off a line.
///
/// ```
/// use fou::grammar::split_period;
/// let (body, p) = split_period("Bedre oppfølging av unge, Fafo (2020-2021).");
/// assert_eq!(body, "Bedre oppfølging av unge, Fafo");
/// assert_eq!(p.unwrap().end, 2021);
/// assert_eq!(split_period("Uten periode (se under)"), ("Uten periode (se under)", None));
/// ```
pub fn split_period(line: &str) -> (&str, Option<Period>) {
    let t = line.trim().trim_end_matches(['.', ',']).trim_end();
    if t.ends_with(')')
        && let Some(open) = t.rfind('(')
        && let Ok(("", p)) = period_parser(&t[open..])
    {
        return (t[..open].trim_end(), Some(p));
    }
    (t, None)
}

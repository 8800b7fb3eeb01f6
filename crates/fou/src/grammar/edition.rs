//! Edition headings of the analysis journal: `Utgave 2 – 2020`.

use nom::IResult;
use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while_m_n};
use nom::character::complete::{digit1, space0, space1};
use nom::combinator::{map_res, opt};
use nom::sequence::preceded;

use super::GrammarError;

fn edition_parser(input: &str) -> IResult<&str, (u32, Option<i32>)> {
    let (rest, _) = alt((
        tag_no_case("utgave"),
        tag_no_case("nummer"),
        tag_no_case("nr."),
    ))
    .parse(input)?;
    let (rest, n) = preceded(space1, map_res(digit1, str::parse::<u32>)).parse(rest)?;
    let (rest, year) = opt(preceded(
        (
            space0,
            opt(alt((tag("–"), tag("-"), tag("—"), tag("/"), tag(",")))),
            space0,
        ),
        map_res(
            take_while_m_n(4, 4, |c: char| c.is_ascii_digit()),
            str::parse::<i32>,
        ),
    ))
    .parse(rest)?;
    Ok((rest, (n, year)))
}

/// Parse an edition heading into (number, year).
///
/// ```
/// assert_eq!(fou::grammar::edition("Utgave 2 – 2020"), Ok((2, Some(2020))));
/// assert_eq!(fou::grammar::edition("Utgave 3"), Ok((3, None)));
/// assert!(fou::grammar::edition("Utgaven").is_err());
/// ```
pub fn edition(text: &str) -> Result<(u32, Option<i32>), GrammarError> {
    let t = text.trim();
    match edition_parser(t) {
        Ok((rest, v)) if rest.trim().is_empty() => Ok(v),
        Ok((rest, _)) => Err(GrammarError::new("end of edition heading", t, rest)),
        Err(_) => Err(GrammarError::new("`Utgave N – YEAR`", t, t)),
    }
}

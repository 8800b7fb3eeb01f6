//! Edition headings of the analysis journal: `Utgave 2 – 2020`.

use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while_m_n};
use nom::character::complete::{digit1, space0, space1};
use nom::combinator::{cut, map_opt, opt};
use nom::error::{ContextError, ParseError, context};
use nom::sequence::preceded;
use nom::{IResult, Parser};

use super::{GrammarError, check};

/// nom parser for an edition heading: (number, year). After `Utgave ` (or
/// `Nummer `, `Nr. `) the number must follow (`cut`).
///
/// ```
/// use fou::grammar::{Expected, edition_parser};
/// assert_eq!(edition_parser::<Expected>("Nr. 4/2021"), Ok(("", (4, Some(2021)))));
/// assert!(matches!(edition_parser::<Expected>("Utgave av"), Err(nom::Err::Failure(_))));
/// ```
pub fn edition_parser<'a, E>(input: &'a str) -> IResult<&'a str, (u32, Option<i32>), E>
where
    E: ParseError<&'a str> + ContextError<&'a str>,
{
    let keyword = context(
        "`Utgave`, `Nummer` or `Nr.`",
        alt((
            tag_no_case("utgave"),
            tag_no_case("nummer"),
            tag_no_case("nr."),
        )),
    );
    let number = context(
        "an edition number",
        map_opt(digit1, |d: &str| d.parse::<u32>().ok()),
    );
    let separator = (
        space0,
        opt(alt((
            tag("–"),
            tag("--"),
            tag("-"),
            tag("—"),
            tag("/"),
            tag(","),
        ))),
        space0,
    );
    let year = map_opt(
        take_while_m_n(4, 4, |c: char| c.is_ascii_digit()),
        |d: &str| d.parse::<i32>().ok(),
    );
    preceded(
        (keyword, context("a space before the number", space1)),
        cut((number, opt(preceded(separator, year)))),
    )
    .parse(input)
}

/// Parse an edition heading into (number, year).
///
/// ```
/// assert_eq!(fou::grammar::edition("Utgave 2 – 2020"), Ok((2, Some(2020))));
/// assert_eq!(fou::grammar::edition("Utgave 3"), Ok((3, None)));
/// assert!(fou::grammar::edition("Utgaven").is_err());
/// ```
pub fn edition(text: &str) -> Result<(u32, Option<i32>), GrammarError> {
    check(edition_parser, crate::text::trim(text))
}

/// Can [`edition`] read `text`? Not unless its first byte after white
/// space is the first letter of a keyword (`u`, `n` in either case): most
/// headings are told at once, without the parser. A non-ASCII character
/// that lower-cases to `u` or `n` there does not exist.
pub(crate) fn may_be_edition(text: &str) -> bool {
    matches!(
        crate::text::trim_start(text).as_bytes().first(),
        Some(b'u' | b'U' | b'n' | b'N')
    )
}

#[cfg(test)]
mod tests {
    use super::{edition, may_be_edition};

    #[test]
    fn what_may_not_be_an_edition_is_none() {
        let texts = [
            "Utgave 1 – 2024",
            "  utgave 3",
            "\u{a0}Nr. 4/2021",
            "NUMMER 2, 2020",
            "nr. 7",
            "Innledning",
            "1 Utgave 2",
            "Utgaven",
            "",
            " ",
            "\u{212a}utgave 1",
            "Ünummer 1",
            "(Utgave 1)",
            "Årsrapport 2020",
            "Utgave 2 – 2020 (del 1)",
            "Nr. 4/2021x",
        ];
        for text in texts {
            if !may_be_edition(text) {
                assert!(edition(text).is_err(), "{text:?}");
            }
            // Read with no error type, as a heading's role reads it.
            let read = super::super::whole(super::edition_parser, text.trim());
            assert_eq!(read, edition(text).ok(), "{text:?}");
        }
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            for text in [
                format!("{c}tgave 1"),
                format!("{c}ummer 2 – 2020"),
                format!("{c}r. 3"),
            ] {
                if !may_be_edition(&text) {
                    assert!(edition(&text).is_err(), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn any_dash_a_converter_writes_separates_number_and_year() {
        for text in [
            "Utgave 1 – 2024",  // en dash
            "Utgave 1 -- 2024", // pandoc from DOCX
            "Utgave 1 - 2024",  // docling
            "Utgave 1– 2024",   // pymupdf4llm: stray space after
            "Utgave 1 –2024",   // and before
            "Utgave 1--2024",
            "Utgave 1 — 2024",
        ] {
            assert_eq!(edition(text), Ok((1, Some(2024))), "{text}");
        }
    }
}

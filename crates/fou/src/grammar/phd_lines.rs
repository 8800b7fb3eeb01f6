//! PhD lines: `Title. Stipendiat Name, Institution`.

use nom::bytes::complete::take;
use nom::combinator::{cut, map, map_opt, rest, verify};
use nom::error::{ContextError, ErrorKind, ParseError, context};
use nom::{IResult, Parser};

use memchr::memmem::Finder;
use std::sync::LazyLock;

use super::{GrammarError, check, trim_period, whole};

/// A parsed PhD line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhdLine {
    /// Thesis title (a final `?` is kept).
    pub title: String,
    /// Candidate's name.
    pub candidate: String,
    /// Institution.
    pub institution: Option<String>,
}

/// The word that introduces the candidate, with the spaces around it …
const CANDIDATE: &str = " Stipendiat ";
/// … or in lower case (as long).
const CANDIDATE_LOWER: &str = " stipendiat ";

/// The searches for [`CANDIDATE`] and [`CANDIDATE_LOWER`], set up once.
static CANDIDATES: LazyLock<[Finder<'static>; 2]> =
    LazyLock::new(|| [Finder::new(CANDIDATE), Finder::new(CANDIDATE_LOWER)]);

/// The text before the first [`CANDIDATE`], or when there is none, before
/// the first [`CANDIDATE_LOWER`]: what `alt((take_until(CANDIDATE),
/// take_until(CANDIDATE_LOWER)))` takes, found by searches set up once
/// (`take_until` sets one up on every call), and failing as it fails where
/// there is neither.
fn up_to_candidate<'a, E: ParseError<&'a str>>(input: &'a str) -> IResult<&'a str, &'a str, E> {
    let found = CANDIDATES
        .iter()
        .find_map(|finder| finder.find(input.as_bytes()));
    match found.and_then(|at| Some((input.get(at..)?, input.get(..at)?))) {
        Some(split) => Ok(split),
        None => {
            let until = || E::from_error_kind(input, ErrorKind::TakeUntil);
            let either = until().or(until());
            Err(nom::Err::Error(E::append(input, ErrorKind::Alt, either)))
        }
    }
}

/// The candidate's name and the institution: after the first `, ` that
/// only institutions follow (`Kari Nordmann, UiO, Institutt for helse`),
/// else after the last `, `.
fn name_and_institution(text: &str) -> Option<(&str, Option<&str>)> {
    let text = trim_period(text).trim_end_matches(',');
    let first = text
        .split_once(", ")
        .filter(|(_, rest)| rest.contains(", ") && crate::classify::is_institution_list(rest));
    // (`rsplit_once(", ")` without a substring search set up on each line)
    let (name, institution) = match first.or_else(|| super::references::split_last_comma(text)) {
        Some((name, institution)) => (crate::text::trim(name), Some(trim_period(institution))),
        None => (crate::text::trim(text), None),
    };
    (!name.is_empty()).then_some((name, institution))
}

/// nom parser for a PhD line, `Title. Stipendiat Name, Institution`. After
/// ` Stipendiat ` a name must follow (`cut`).
///
/// ```
/// use fou::grammar::{Expected, phd_line_parser};
/// let (_, p) = phd_line_parser::<Expected>("Arbeid og alder. Stipendiat Kari Nordmann").unwrap();
/// assert_eq!((p.candidate.as_str(), p.institution), ("Kari Nordmann", None));
/// assert!(matches!(phd_line_parser::<Expected>("Arbeid og alder. Stipendiat ."), Err(nom::Err::Failure(_))));
/// ```
pub fn phd_line_parser<'a, E>(input: &'a str) -> IResult<&'a str, PhdLine, E>
where
    E: ParseError<&'a str> + ContextError<&'a str>,
{
    let before = context(
        "` Stipendiat ` before the candidate's name",
        up_to_candidate,
    );
    let title = context(
        "a thesis title",
        verify(map(before, trim_period), |t: &str| !t.is_empty()),
    );
    let name = context("the candidate's name", map_opt(rest, name_and_institution));
    map(
        (title, take(CANDIDATE.len()), cut(name)),
        |(title, _, (candidate, institution))| PhdLine {
            title: title.to_owned(),
            candidate: candidate.to_owned(),
            institution: institution.map(str::to_owned),
        },
    )
    .parse(input)
}

/// May `text` be a PhD line? A cheap test that [`phd_line`] fails
/// whenever it says no: a PhD line holds ` Stipendiat ` (or ` stipendiat `).
/// A reader asks it first, so a list of other lines costs no parse.
pub(crate) fn may_be_phd_line(text: &str) -> bool {
    CANDIDATE_TAIL.find(text.as_bytes()).is_some()
}

/// The search for the part [`may_be_phd_line`] looks for, set up once.
static CANDIDATE_TAIL: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("tipendiat "));

/// Parse `Title. Stipendiat Name, Institution`.
///
/// ```
/// let p = fou::grammar::phd_line("Arbeid og alder. Stipendiat Ola Nordmann, UiO").unwrap();
/// assert_eq!(p.title, "Arbeid og alder");
/// assert_eq!(p.candidate, "Ola Nordmann");
/// assert_eq!(p.institution.as_deref(), Some("UiO"));
/// assert!(fou::grammar::phd_line("Uten kandidat").is_err());
/// ```
pub fn phd_line(text: &str) -> Result<PhdLine, GrammarError> {
    check(phd_line_parser, crate::text::trim(text))
}

/// [`phd_line`] of `text` when it reads as one: a reader that drops the
/// error makes none ([`super::whole()`]).
pub(crate) fn read_phd_line(text: &str) -> Option<PhdLine> {
    whole(phd_line_parser, crate::text::trim(text))
}

#[cfg(test)]
mod tests {
    use super::{
        CANDIDATE, CANDIDATE_LOWER, may_be_phd_line, phd_line, read_phd_line, up_to_candidate,
    };
    use nom::Parser;
    use nom::branch::alt;
    use nom::bytes::complete::take_until;

    /// The searches set up once take what `take_until` takes, the upper
    /// case first, and fail where it fails, with the same error.
    #[test]
    fn the_text_before_the_candidate_is_what_take_until_takes() {
        let pieces = [
            " ",
            "Stipendiat",
            "stipendiat",
            "STIPENDIAT",
            "ø",
            "Kari",
            ". ",
            "  ",
        ];
        let mut found = 0;
        for text in crate::testing::concatenations(&pieces, 5) {
            let until =
                alt((take_until(CANDIDATE), take_until(CANDIDATE_LOWER))).parse(text.as_str());
            let searched = up_to_candidate::<super::super::Expected>(&text);
            assert_eq!(searched, until, "{text:?}");
            found += usize::from(searched.is_ok());
        }
        assert!(found > 1000, "{found}");
    }

    #[test]
    fn what_the_cheap_test_turns_away_never_parses() {
        let pieces = [
            "Arbeid",
            ". ",
            " ",
            "Stipendiat",
            "stipendiat",
            "Kari",
            ", UiO",
            ".",
        ];
        let lines = crate::testing::concatenations(&pieces, 5);
        for l in &lines {
            // (the searcher set up once finds what `contains` finds)
            assert_eq!(may_be_phd_line(l), l.contains("tipendiat "), "{l:?}");
            assert_eq!(read_phd_line(l), phd_line(l).ok(), "{l:?}");
            if phd_line(l).is_ok() {
                assert!(may_be_phd_line(l), "{l:?}");
            }
        }
        assert!(may_be_phd_line(
            "Arbeid og alder. Stipendiat Ola Nordmann, UiO"
        ));
    }
}

//! PhD lines: `Title. Stipendiat Name, Institution`.

use nom::branch::alt;
use nom::bytes::complete::{take, take_until};
use nom::combinator::{cut, map, map_opt, rest, verify};
use nom::error::{ContextError, ParseError, context};
use nom::{IResult, Parser};

use memchr::memmem::Finder;
use std::sync::LazyLock;

use super::{GrammarError, check, trim_period};

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

/// The word that introduces the candidate, with the spaces around it.
const CANDIDATE: &str = " Stipendiat ";

/// The candidate's name and, after the last `, `, the institution.
fn name_and_institution(text: &str) -> Option<(&str, Option<&str>)> {
    let text = trim_period(text);
    let (name, institution) = match text.rsplit_once(", ") {
        Some((name, institution)) => (crate::text::trim(name), Some(trim_period(institution))),
        None => (text, None),
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
        alt((take_until(CANDIDATE), take_until(" stipendiat "))),
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

#[cfg(test)]
mod tests {
    use super::{may_be_phd_line, phd_line};

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
            if phd_line(l).is_ok() {
                assert!(may_be_phd_line(l), "{l:?}");
            }
        }
        assert!(may_be_phd_line(
            "Arbeid og alder. Stipendiat Ola Nordmann, UiO"
        ));
    }
}

//! Publication references: `Authors (2020): *Title*, Venue`.

use nom::IResult;
use nom::Parser;
use nom::bytes::complete::take_while_m_n;
use nom::character::complete::{char, space0};
use nom::combinator::map_res;
use nom::sequence::delimited;

use super::{GrammarError, author_list, trim_period};

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

fn year_in_parens(input: &str) -> IResult<&str, i32> {
    delimited(
        (char('('), space0),
        map_res(
            take_while_m_n(4, 4, |c: char| c.is_ascii_digit()),
            str::parse,
        ),
        (space0, char(')')),
    )
    .parse(input)
}

/// Parse a reference. The title may be set in `*italics*` (then the venue is
/// what follows it); otherwise the venue is after the last comma.
///
/// ```
/// use fou::grammar::reference;
/// let r = reference("Heggebø, Dahl og van der Wel (2020): *Disentangling the dynamics*, PLOS ONE").unwrap();
/// assert_eq!(r.authors, ["Heggebø", "Dahl", "van der Wel"]);
/// assert_eq!(r.year, Some(2020));
/// assert_eq!(r.title, "Disentangling the dynamics");
/// assert_eq!(r.venue.as_deref(), Some("PLOS ONE"));
/// assert!(reference("Ingen referanse her").is_err());
/// ```
pub fn reference(text: &str) -> Result<Reference, GrammarError> {
    let t = text.trim();
    let open = t
        .find(" (")
        .ok_or_else(|| GrammarError::new("`(year)` after the authors", t, t))?;
    let (rest, year) = year_in_parens(&t[open + 1..])
        .map_err(|_| GrammarError::new("a year in parentheses", t, &t[open + 1..]))?;
    let rest = rest.trim_start();
    let rest = rest
        .strip_prefix(':')
        .or_else(|| rest.strip_prefix('.'))
        .unwrap_or(rest)
        .trim();
    let authors = author_list(&t[..open]);
    if authors.is_empty() || authors.iter().any(|a| a.split_whitespace().count() > 5) {
        return Err(GrammarError::new("author names", t, t));
    }
    if rest.is_empty() {
        return Err(GrammarError::new("a title", t, rest));
    }
    let (title, venue) =
        if let Some(inner) = rest.strip_prefix('*').or_else(|| rest.strip_prefix('_')) {
            let close = inner.find(['*', '_']).unwrap_or(inner.len());
            let venue = inner[close..]
                .trim_start_matches(['*', '_'])
                .trim()
                .trim_start_matches([',', '.'])
                .trim();
            (
                inner[..close].trim(),
                (!venue.is_empty()).then_some(trim_period(venue)),
            )
        } else if let Some(comma) = rest.rfind(", ") {
            (rest[..comma].trim(), Some(trim_period(&rest[comma + 2..])))
        } else {
            (trim_period(rest), None)
        };
    Ok(Reference {
        authors,
        year: Some(year),
        title: trim_period(title).to_owned(),
        venue: venue.map(str::to_owned),
    })
}

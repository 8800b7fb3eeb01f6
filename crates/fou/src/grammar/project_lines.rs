//! Project lines: `Title, Institution (2019-2021)`, `Title? Institution`,
//! `Title. Institution`.

use super::{GrammarError, institutions, split_period, trim_period};
use crate::Period;
use crate::classify::{ListNames, NameRanges, institution_list_names};
use crate::model::range_within;
use std::ops::Range;

/// Longest text searched for a title/institution boundary.
const MAX_LINE: usize = 1000;

/// A parsed project line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectLine {
    /// The title (a question mark that ends it is kept).
    pub title: String,
    /// The institution text as written, when one was found.
    pub institution_raw: Option<String>,
    /// The institutions split into organisations.
    pub institutions: Vec<String>,
    /// The period, when the line ends with one.
    pub period: Option<Period>,
}

/// Strip a leading `Delrapport fra` / `Rapport fra` / `Sluttrapport fra` from an institution.
pub(crate) fn strip_report_from(s: &str) -> &str {
    for p in [
        "Delrapport fra ",
        "Sluttrapport fra ",
        "Rapport fra ",
        "Report from ",
    ] {
        if let Some(rest) = s.strip_prefix(p) {
            return rest;
        }
    }
    s
}

/// Parse a project line. The title/institution boundary is the first `, `,
/// `? ` or `. ` after which everything reads as a list of institutions.
///
/// ```
/// use fou::grammar::project_line;
/// let p = project_line("Hvem får hjelp, og når? Sintef (2019-2021)").unwrap();
/// assert_eq!(p.title, "Hvem får hjelp, og når?");
/// assert_eq!(p.institution_raw.as_deref(), Some("Sintef"));
/// assert_eq!(p.period, Some(fou::Period { start: 2019, end: 2021 }));
///
/// let p = project_line("Veiledere, digitale verktøy og skjønn, UiO, Økonomisk institutt (2019-2021)").unwrap();
/// assert_eq!(p.title, "Veiledere, digitale verktøy og skjønn");
/// assert_eq!(p.institutions, ["UiO", "Økonomisk institutt"]);
///
/// let p = project_line("Chat@nav: Tillit til en digital assistent. NTNU, UiO og UiA").unwrap();
/// assert_eq!(p.institution_raw.as_deref(), Some("NTNU, UiO og UiA"));
/// ```
pub fn project_line(line: &str) -> Result<ProjectLine, GrammarError> {
    let Some(parts) = project_line_parts(line) else {
        return Err(GrammarError::new("a project title", line, line));
    };
    let raw = parts.institution_raw.map(str::to_owned);
    Ok(ProjectLine {
        title: parts.title.to_owned(),
        institutions: raw.as_deref().map(institutions).unwrap_or_default(),
        institution_raw: raw,
        period: parts.period,
    })
}

/// The parts of a project line as [`project_line`] reads them, borrowed
/// from the line: `None` when it fails. Allocates nothing: a reader that
/// only decides what a list is, or needs no split institutions, asks this.
pub(crate) fn project_line_parts(line: &str) -> Option<ProjectLineParts<'_>> {
    let (body, period) = split_period(line);
    let body = trim_period(body);
    if !names_something(body) {
        return None;
    }
    Some(match boundary(body) {
        Some((title, rest, names)) => ProjectLineParts {
            title,
            institution_raw: Some(strip_report_from(trim_period(rest))),
            institution_names: names,
            period,
        },
        None => ProjectLineParts {
            title: body,
            institution_raw: None,
            institution_names: ListNames::default(),
            period,
        },
    })
}

/// The period of a project line as [`project_line`] reads it: `None` when
/// it fails, else the period if any. Cheaper than [`project_line_parts`]:
/// no search for where the title ends.
pub(crate) fn project_line_period(line: &str) -> Option<Option<Period>> {
    let (body, period) = split_period(line);
    names_something(trim_period(body)).then_some(period)
}

/// Does a project line's text before its period name anything: a letter
/// or a digit (`- , (2020)`, a bullet's stray comma, names nothing)?
fn names_something(body: &str) -> bool {
    body.chars().any(char::is_alphanumeric)
}

/// A project line's parts ([`project_line_parts`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ProjectLineParts<'a> {
    /// [`ProjectLine::title`].
    pub title: &'a str,
    /// [`ProjectLine::institution_raw`].
    pub institution_raw: Option<&'a str>,
    /// The names the list test split the institution text into, as it
    /// found them ([`institution_list_names`]; none without one): where the
    /// institutions are split ([`crate::grammar::institution_pieces_of`]),
    /// the text is not split again.
    pub institution_names: ListNames<'a>,
    /// [`ProjectLine::period`].
    pub period: Option<Period>,
}

/// A project line's parts ([`ProjectLineParts`]) as byte ranges of the
/// line they were read from: what one reader found, kept without a borrow
/// of the line and read back onto the same text ([`PartsAt::on`]) by a
/// later one, which does not read the line again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PartsAt {
    title: Range<usize>,
    institution_raw: Option<Range<usize>>,
    institution_names: NameRanges,
    period: Option<Period>,
}

impl PartsAt {
    /// Where `parts`, read from `line`, stand in it (`None` when a part is
    /// not a slice of it).
    pub(crate) fn of(line: &str, parts: &ProjectLineParts<'_>) -> Option<Self> {
        Some(PartsAt {
            title: range_within(line, parts.title)?,
            institution_raw: match parts.institution_raw {
                Some(raw) => Some(range_within(line, raw)?),
                None => None,
            },
            institution_names: parts.institution_names.ranges_in(line)?,
            period: parts.period,
        })
    }

    /// The parts these ranges give in `line` (`None` when one is not in it).
    pub(crate) fn on<'t>(&self, line: &'t str) -> Option<ProjectLineParts<'t>> {
        Some(ProjectLineParts {
            title: line.get(self.title.clone())?,
            institution_raw: match &self.institution_raw {
                Some(r) => Some(line.get(r.clone())?),
                None => None,
            },
            institution_names: self.institution_names.on(line)?,
            period: self.period,
        })
    }

    /// Does the line name its institutions?
    pub(crate) fn names_institutions(&self) -> bool {
        self.institution_raw.is_some()
    }
}

/// The title and the institution text of a project line's `body` (its
/// period and final full stop split off), and the names of the list: the
/// first `, `, `? `, `! ` or `. ` after which everything reads as a list
/// of institutions, with a title before it.
fn boundary(body: &str) -> Option<(&str, &str, ListNames<'_>)> {
    // A project line is short; a very long one is all title (and this keeps
    // the boundary search linear).
    let bytes = if body.len() <= MAX_LINE {
        body.as_bytes()
    } else {
        &[]
    };
    // Each separator is a mark before a space: the spaces are found
    // ([`crate::text::offsets_of`]) and the byte before each looked at, in
    // order.
    for sp in crate::text::offsets_of(bytes, b' ') {
        let Some(i) = sp.checked_sub(1) else {
            continue;
        };
        let Some(&b) = bytes
            .get(i)
            .filter(|&&b| matches!(b, b',' | b'?' | b'.' | b'!'))
        else {
            continue;
        };
        if b == b'.' {
            // not after an abbreviation like `St.`
            let word = crate::text::last_word(&body[..i]);
            if word.chars().count() <= 2 {
                continue;
            }
        }
        let rest = crate::text::trim(&body[i + 2..]);
        if let Some(names) = institution_list_names(rest) {
            let title = crate::text::trim(&body[..title_end(body, i)]);
            if title.is_empty() {
                continue;
            }
            return Some((title, rest, names));
        }
    }
    None
}

/// Where the title before the mark at `body[i]` ends: after a `?` or
/// `!`, which are the title's, and after the dots of an ellipsis
/// (`Og så var det jobb... Fafo`); before a full stop.
fn title_end(body: &str, i: usize) -> usize {
    match body.as_bytes().get(i) {
        Some(b'?' | b'!') => i + 1,
        Some(b'.') if body[..i].ends_with('.') => i + 1,
        _ => i,
    }
}

#[cfg(test)]
mod tests {
    use super::{boundary, project_line, project_line_parts, project_line_period};

    /// A line's parts kept as ranges ([`super::PartsAt`]) give the parts
    /// read from the line again, on the line and on a copy of it (the same
    /// text elsewhere), and a part not of the line is not kept.
    #[test]
    fn parts_kept_as_ranges_read_back_as_the_parts() {
        let pieces = [
            "Tittel",
            ", ",
            "? ",
            "UiO og NTNU",
            "Fafo/Frisch",
            " (2019-2021)",
            ".",
            "ø",
        ];
        let mut named = 0;
        for line in crate::testing::concatenations(&pieces, 4) {
            let Some(parts) = project_line_parts(&line) else {
                continue;
            };
            let at = super::PartsAt::of(&line, &parts).expect("parts are slices of the line");
            assert_eq!(at.on(&line), Some(parts), "{line:?}");
            let copy = line.clone();
            assert_eq!(at.on(&copy), project_line_parts(&copy), "{line:?}");
            assert_eq!(at.names_institutions(), parts.institution_raw.is_some());
            named += usize::from(parts.institution_names.as_slice().len() > 1);
            let elsewhere = format!(" {line}");
            assert_eq!(super::PartsAt::of(&elsewhere, &parts), None, "{line:?}");
        }
        assert!(named > 10, "{named}");
    }

    /// [`boundary`] as it looked at every byte for a mark followed by a
    /// space (the spaces found first stand for that).
    fn boundary_at_every_byte(body: &str) -> Option<(&str, &str)> {
        let bytes = if body.len() <= super::MAX_LINE {
            body.as_bytes()
        } else {
            &[]
        };
        for (i, &b) in bytes.iter().enumerate() {
            if !matches!(b, b',' | b'?' | b'.' | b'!') || bytes.get(i + 1) != Some(&b' ') {
                continue;
            }
            if b == b'.' {
                let word = crate::text::last_word(&body[..i]);
                if word.chars().count() <= 2 {
                    continue;
                }
            }
            let rest = crate::text::trim(&body[i + 2..]);
            if crate::classify::is_institution_list(rest) {
                let title = crate::text::trim(&body[..super::title_end(body, i)]);
                if title.is_empty() {
                    continue;
                }
                return Some((title, rest));
            }
        }
        None
    }

    /// The boundary found from the spaces is the one found at every byte:
    /// marks with and without spaces after them, at the start and the end,
    /// doubled, beside letters beyond ASCII.
    #[test]
    fn the_boundary_found_from_the_spaces_is_found_at_every_byte() {
        let pieces = [
            "Tittel",
            ",",
            "?",
            ".",
            "!",
            " ",
            "St.",
            "Fafo",
            "UiO og NTNU",
            "ø",
            "Ås",
        ];
        let mut found = 0;
        for body in crate::testing::concatenations(&pieces, 4) {
            let b = boundary(&body).map(|(title, rest, _)| (title, rest));
            assert_eq!(b, boundary_at_every_byte(&body), "{body:?}");
            found += usize::from(b.is_some());
        }
        assert!(found > 100, "{found}");
        let long = format!("{}, Fafo", "Tittel ".repeat(200));
        let b = boundary(&long).map(|(title, rest, _)| (title, rest));
        assert_eq!(b, boundary_at_every_byte(&long));
    }

    #[test]
    fn the_parts_are_what_the_parse_reads() {
        let pieces = [
            "Tittel",
            ", ",
            "? ",
            ". ",
            "St. ",
            "Fafo",
            "UiO og NTNU",
            " (2019-2021)",
            "(2022",
            ".",
            "hvordan",
            "Rapport fra ",
            "Institutt for helse",
        ];
        let lines = crate::testing::concatenations(&pieces, 4);
        for l in &lines {
            let whole = project_line(l).ok();
            let parts = project_line_parts(l);
            assert_eq!(whole.is_some(), parts.is_some(), "{l:?}");
            assert_eq!(project_line_period(l), parts.map(|p| p.period), "{l:?}");
            if let (Some(w), Some(p)) = (whole, parts) {
                assert_eq!(w.title, p.title, "{l:?}");
                assert_eq!(w.institution_raw.as_deref(), p.institution_raw, "{l:?}");
                assert_eq!(w.period, p.period, "{l:?}");
            }
        }
    }
}

//! Project lines: `Title, Institution (2019-2021)`, `Title? Institution`,
//! `Title. Institution`.

use super::institutions::{institutions, is_institution_name};
use super::period::period_parser;
use super::{GrammarError, trim_period};
use crate::Period;

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

/// Split a trailing `(2019-2021)` off a line.
///
/// ```
/// use fou::grammar::project_line::split_period;
/// let (body, p) = split_period("Fortere tilbake i jobb, SNF (2020-2021)");
/// assert_eq!(body, "Fortere tilbake i jobb, SNF");
/// assert_eq!(p.unwrap().end, 2021);
/// ```
pub fn split_period(line: &str) -> (&str, Option<Period>) {
    let t = line.trim().trim_end_matches(['.', ',']).trim_end();
    if t.ends_with(')')
        && let Some(open) = t.rfind('(')
        && let Ok((rest, p)) = period_parser(&t[open..])
        && rest.trim().is_empty()
    {
        return (t[..open].trim_end(), Some(p));
    }
    (t, None)
}

/// Strip a leading `Delrapport fra` / `Rapport fra` / `Sluttrapport fra` from an institution.
fn strip_report_from(s: &str) -> &str {
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

/// Is `s` a list of institution names?
pub(crate) fn is_institution_list(s: &str) -> bool {
    let s = strip_report_from(trim_period(s));
    let flat = s.replace(['(', ')'], ",");
    let pieces: Vec<&str> = flat
        .split([',', '/'])
        .flat_map(|p| super::institutions::split_and(p.trim()))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    !pieces.is_empty()
        && pieces.len() <= 6
        && s.split_whitespace().count() <= 14
        && pieces.iter().all(|p| is_institution_name(p))
}

/// Parse a project line. The title/institution boundary is the first `, `,
/// `? ` or `. ` after which everything reads as a list of institutions.
///
/// ```
/// use fou::grammar::project_line;
/// let p = project_line("Digital ekskludering i NAV - hvem, når hvorfor? Sintef (2019-2021)").unwrap();
/// assert_eq!(p.title, "Digital ekskludering i NAV - hvem, når hvorfor?");
/// assert_eq!(p.institution_raw.as_deref(), Some("Sintef"));
/// assert_eq!(p.period, Some(fou::Period { start: 2019, end: 2021 }));
///
/// let p = project_line("Saksbehandlere, automatisert innsatskategorisering, UiO, Økonomisk institutt (2019-2021)").unwrap();
/// assert_eq!(p.title, "Saksbehandlere, automatisert innsatskategorisering");
/// assert_eq!(p.institutions, ["UiO", "Økonomisk institutt"]);
///
/// let p = project_line("Frida@work: Tillit i bruken av chatboten Frida i NAV. NTNU, UiO og UiA").unwrap();
/// assert_eq!(p.institution_raw.as_deref(), Some("NTNU, UiO og UiA"));
/// ```
pub fn project_line(line: &str) -> Result<ProjectLine, GrammarError> {
    let (body, period) = split_period(line);
    let body = trim_period(body);
    if body.is_empty() {
        return Err(GrammarError::new("a project title", line, line));
    }
    // A project line is short; a very long one is all title (and this keeps
    // the boundary search linear).
    let bytes = if body.len() <= MAX_LINE {
        body.as_bytes()
    } else {
        &[]
    };
    for (i, &b) in bytes.iter().enumerate() {
        if !matches!(b, b',' | b'?' | b'.' | b'!') || bytes.get(i + 1) != Some(&b' ') {
            continue;
        }
        if b == b'.' {
            // not after an abbreviation like `St.`
            let word = body[..i].rsplit(' ').next().unwrap_or("");
            if word.chars().count() <= 2 {
                continue;
            }
        }
        let rest = body[i + 2..].trim();
        if is_institution_list(rest) {
            let title_end = if matches!(b, b'?' | b'!') { i + 1 } else { i };
            let title = body[..title_end].trim();
            if title.is_empty() {
                continue;
            }
            let raw = strip_report_from(trim_period(rest)).to_owned();
            return Ok(ProjectLine {
                title: title.to_owned(),
                institutions: institutions(&raw),
                institution_raw: Some(raw),
                period,
            });
        }
    }
    Ok(ProjectLine {
        title: body.to_owned(),
        institution_raw: None,
        institutions: Vec::new(),
        period,
    })
}

//! Project lines: `Title, Institution (2019-2021)`, `Title? Institution`,
//! `Title. Institution`.

use super::{GrammarError, institutions, split_period, trim_period};
use crate::Period;
use crate::classify::is_institution_list;

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

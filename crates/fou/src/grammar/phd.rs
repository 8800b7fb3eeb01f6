//! PhD lines: `Title. Stipendiat Name, Institution`.

use super::{GrammarError, trim_period};

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

/// Parse `Title. Stipendiat Name, Institution`.
///
/// ```
/// let p = fou::grammar::phd_line("Fattigdommens dynamikk. Stipendiat Ola Nordmann, UiO").unwrap();
/// assert_eq!(p.title, "Fattigdommens dynamikk");
/// assert_eq!(p.candidate, "Ola Nordmann");
/// assert_eq!(p.institution.as_deref(), Some("UiO"));
/// assert!(fou::grammar::phd_line("Uten kandidat").is_err());
/// ```
pub fn phd_line(text: &str) -> Result<PhdLine, GrammarError> {
    let t = text.trim();
    let at = t
        .find(" Stipendiat ")
        .or_else(|| t.find(" stipendiat "))
        .ok_or_else(|| GrammarError::new("` Stipendiat ` before the name", t, t))?;
    let title = trim_period(&t[..at]);
    let rest = trim_period(&t[at + " Stipendiat ".len()..]);
    let (candidate, institution) = match rest.rfind(", ") {
        Some(c) => (
            rest[..c].trim(),
            Some(trim_period(&rest[c + 2..]).to_owned()),
        ),
        None => (rest, None),
    };
    if title.is_empty() || candidate.is_empty() {
        return Err(GrammarError::new("a title and a name", t, rest));
    }
    Ok(PhdLine {
        title: title.to_owned(),
        candidate: candidate.to_owned(),
        institution,
    })
}

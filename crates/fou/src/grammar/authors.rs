//! Author lists: `Av A, B og C` and `A, B og C`.

use super::GrammarError;

/// Split `A, B og C` into names (also `and`, `&`).
///
/// ```
/// assert_eq!(fou::grammar::author_list("Heggebø, Dahl og van der Wel"), ["Heggebø", "Dahl", "van der Wel"]);
/// ```
pub fn author_list(text: &str) -> Vec<String> {
    let t = super::trim_period(text);
    t.split(", ")
        .flat_map(|p| p.split(" og "))
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" & "))
        .map(|p| p.trim().trim_end_matches(',').trim())
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Parse an author line `Av A, B og C`.
///
/// ```
/// use fou::grammar::authors;
/// assert_eq!(authors("Av Ivar Lima, Lone Arntsen og Loyd Rudlende").unwrap(),
///            ["Ivar Lima", "Lone Arntsen", "Loyd Rudlende"]);
/// assert!(authors("Avdelingsdirektør").is_err());
/// ```
pub fn authors(line: &str) -> Result<Vec<String>, GrammarError> {
    let t = line.trim();
    let rest = t
        .strip_prefix("Av ")
        .or_else(|| t.strip_prefix("av "))
        .or_else(|| t.strip_prefix("By "))
        .ok_or_else(|| GrammarError::new("`Av ` before the authors", t, t))?;
    let names = author_list(rest);
    let plausible = !names.is_empty()
        && names.iter().all(|n| {
            let words = n.split_whitespace().count();
            (1..=6).contains(&words)
                && n.chars().next().is_some_and(char::is_uppercase)
                && !n.contains(['?', ':', ';'])
        });
    if plausible {
        Ok(names)
    } else {
        Err(GrammarError::new(
            "names separated by `,` and `og`",
            t,
            rest,
        ))
    }
}

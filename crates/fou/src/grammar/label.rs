//! Labelled fields of project records: `Prosjekttittel: …`.

/// A known field label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Label {
    /// `Prosjekttittel:`, `Prosjektnavn:`, `Tittel:`
    Title,
    /// `Forskningsinstitusjon:`, `Institusjon:`, `Forskningsmiljø:`
    Institution,
    /// `Sammendrag:`
    Summary,
    /// `Tema:`
    Theme,
    /// `Prosjektperiode:`, `Periode:`
    Period,
    /// `Prosjektleder:`
    Lead,
    /// `Finansiering:`
    Funding,
}

const LABELS: &[(&str, Label)] = &[
    ("prosjekttittel", Label::Title),
    ("prosjektnavn", Label::Title),
    ("tittel", Label::Title),
    ("forskningsinstitusjon", Label::Institution),
    ("forskningsinstitusjoner", Label::Institution),
    ("institusjon", Label::Institution),
    ("forskningsmiljø", Label::Institution),
    ("sammendrag", Label::Summary),
    ("tema", Label::Theme),
    ("prosjektperiode", Label::Period),
    ("periode", Label::Period),
    ("prosjektleder", Label::Lead),
    ("finansiering", Label::Funding),
];

/// Recognise `Label: value` and return the label and the byte offset of the value.
///
/// ```
/// use fou::grammar::label::{field, Label};
/// assert_eq!(field("Prosjekttittel: Tid for aktivering"), Some((Label::Title, 16)));
/// assert_eq!(field("Forskningsinstitusjon:SSB"), Some((Label::Institution, 22)));
/// assert_eq!(field("Hovedfunnene er: mange"), None);
/// ```
pub fn field(text: &str) -> Option<(Label, usize)> {
    let colon = text.find(':')?;
    let name = text[..colon].trim().to_lowercase();
    let label = LABELS.iter().find(|(n, _)| *n == name)?.1;
    let rest = &text[colon + 1..];
    let value_at = colon + 1 + (rest.len() - rest.trim_start().len());
    Some((label, value_at))
}

//! [`Repair`]: a mend the parser made to the text a converter gave it, with
//! where it was made, so `fou explain` can show every one.

use crate::lines::MappedText;

/// The longest repaired text kept as [`Repair::after`], in bytes: longer
/// results (a joined paragraph) are shown by their span only.
///
/// ```
/// assert!(fou::blocks::MAX_AFTER_BYTES >= "arbeidsledighet".len());
/// ```
pub const MAX_AFTER_BYTES: usize = 80;

/// What was mended.
///
/// ```
/// use fou::blocks::RepairKind;
/// let src = fou::Source::from_text("Tiltak -- og mer.\n");
/// let kinds: Vec<RepairKind> = fou::explain(&src, &fou::Options::default())
///     .repairs
///     .iter()
///     .map(|r| r.kind)
///     .collect();
/// assert!(kinds.contains(&RepairKind::EnDash));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RepairKind {
    /// A word split with a hyphen at a line end joined without it
    /// (`arbeids-` + `ledighet` → `arbeidsledighet`, `univer- sitetet`).
    HyphenMended,
    /// A hyphen kept or put back in a word split or run together
    /// (`NAV-` + `kontorene` → `NAV-kontorene`, `NAVkontor` → `NAV-kontor`).
    HyphenKept,
    /// `--` made an en dash.
    EnDash,
    /// A paragraph or item continued across a blank line or a page break.
    Joined,
    /// A page number or running header dropped from the text.
    Furniture,
    /// A short stand-alone line read as a heading (its markup lost).
    HeadingInferred,
    /// A paragraph made a heading by what it says (`Forord`, a theme over
    /// records).
    HeadingFromMeaning,
    /// A line read as a list item whose bullet was lost or misplaced.
    ItemInferred,
    /// A table of contents run together on one line split into entries.
    Split,
    /// A label's value taken from the block after it (`Prosjekttittel:`
    /// alone on its line).
    LabelValueNextLine,
    /// A list run together on one line (or a few wrapped lines) split into
    /// items: bullets in mid-line, or one `Title, Institution (period)`
    /// after another.
    ListSplit,
}

impl RepairKind {
    /// Every kind, in the order `fou explain --help` lists them.
    ///
    /// ```
    /// assert_eq!(fou::blocks::RepairKind::ALL[0].as_str(), "hyphen-mended");
    /// ```
    pub const ALL: [RepairKind; 11] = [
        RepairKind::HyphenMended,
        RepairKind::HyphenKept,
        RepairKind::EnDash,
        RepairKind::Joined,
        RepairKind::Furniture,
        RepairKind::HeadingInferred,
        RepairKind::HeadingFromMeaning,
        RepairKind::ItemInferred,
        RepairKind::Split,
        RepairKind::LabelValueNextLine,
        RepairKind::ListSplit,
    ];

    /// The kind's name, as `fou explain` prints it.
    ///
    /// ```
    /// assert_eq!(fou::blocks::RepairKind::EnDash.as_str(), "en-dash");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            RepairKind::HyphenMended => "hyphen-mended",
            RepairKind::HyphenKept => "hyphen-kept",
            RepairKind::EnDash => "en-dash",
            RepairKind::Joined => "joined",
            RepairKind::Furniture => "furniture",
            RepairKind::HeadingInferred => "heading",
            RepairKind::HeadingFromMeaning => "heading-meaning",
            RepairKind::ItemInferred => "item",
            RepairKind::Split => "split",
            RepairKind::LabelValueNextLine => "label-value",
            RepairKind::ListSplit => "list-split",
        }
    }

    /// What the kind means, one line.
    ///
    /// ```
    /// assert!(fou::blocks::RepairKind::Joined.description().contains("blank line"));
    /// ```
    pub fn description(self) -> &'static str {
        match self {
            RepairKind::HyphenMended => "a word hyphenated at a line end joined without its hyphen",
            RepairKind::HyphenKept => {
                "a hyphen kept (or put back) in a word split at a line end: `NAV-kontor`"
            }
            RepairKind::EnDash => "`--` read as an en dash",
            RepairKind::Joined => "text continued across a blank line or a page break",
            RepairKind::Furniture => "a page number or running header left out of the text",
            RepairKind::HeadingInferred => "a short stand-alone line read as a heading",
            RepairKind::HeadingFromMeaning => "a paragraph read as a heading for what it says",
            RepairKind::ItemInferred => "a line read as a list item whose bullet was lost or moved",
            RepairKind::Split => "a table of contents run together on one line split into entries",
            RepairKind::LabelValueNextLine => "a label's value taken from the line after it",
            RepairKind::ListSplit => "a list run together on one or a few lines split into items",
        }
    }
}

/// One repair: its kind, where in the input it was made, and what the text
/// became there when that is short.
///
/// ```
/// use fou::blocks::RepairKind;
/// let src = fou::Source::from_text("Vi så på arbeids-\nledighet i fjor.\n");
/// let ex = fou::explain(&src, &fou::Options::default());
/// let r = &ex.repairs[0];
/// assert_eq!((r.kind, r.line), (RepairKind::HyphenMended, 1));
/// assert_eq!(&src.text()[r.start..r.end], "arbeids-\nledighet");
/// assert_eq!(r.after.as_deref(), Some("arbeidsledighet"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repair {
    /// What was mended.
    pub kind: RepairKind,
    /// The input line (1-based) where the repaired text starts.
    pub line: usize,
    /// First input byte of the repaired text.
    pub start: usize,
    /// End input byte (exclusive).
    pub end: usize,
    /// What the text became, when it is at most [`MAX_AFTER_BYTES`] long.
    pub after: Option<Box<str>>,
}

impl Repair {
    /// A repair of the input bytes `start..end` (its line is filled in by
    /// [`crate::explain`], which gives the repairs out).
    pub(crate) fn new(kind: RepairKind, start: usize, end: usize, after: Option<&str>) -> Self {
        Repair {
            kind,
            line: 0,
            start,
            end,
            after: after.filter(|a| a.len() <= MAX_AFTER_BYTES).map(Box::from),
        }
    }

    /// A repair of the clean text `text[a..b]`, mapped back to the input.
    pub(crate) fn of_clean(kind: RepairKind, text: &MappedText<'_>, a: usize, b: usize) -> Self {
        let (start, end) = text.source_range(a, b);
        Repair::new(kind, start, end, text.as_str().get(a..b))
    }
}

impl Repair {
    /// A repair of a whole block (made a heading, its text a label's value):
    /// its span and its text when short.
    ///
    /// ```
    /// use fou::blocks::{Repair, RepairKind};
    /// let b = &fou::internals::split_blocks("\nForord\n", fou::Format::Plain)[0];
    /// let r = Repair::of_block(RepairKind::HeadingFromMeaning, b);
    /// assert_eq!((r.start, r.end, r.after.as_deref()), (1, 7, Some("Forord")));
    /// ```
    pub fn of_block(kind: RepairKind, block: &super::Block<'_>) -> Self {
        Repair::new(kind, block.start, block.end, Some(block.text()))
    }
}

/// Where layer 2 records its repairs: kept for [`crate::explain`], or
/// dropped as they are made when the caller will not show them (a parse:
/// on short-line input a repair per dropped page number would cost more
/// than the line's block).
#[derive(Debug, Default)]
pub(crate) struct Repairs {
    list: Vec<Repair>,
    keep: bool,
}

impl Repairs {
    /// A record that keeps its repairs when `keep` is set.
    pub fn new(keep: bool) -> Self {
        Repairs {
            list: Vec::new(),
            keep,
        }
    }

    /// Record the repair `make` makes, when the repairs are kept; else it
    /// is not made (a parse shows none: their spans are not mapped back to
    /// the input, their texts not copied).
    pub fn push(&mut self, make: impl FnOnce() -> Repair) {
        if self.keep {
            self.list.push(make());
        }
    }

    /// Are the repairs kept?
    pub fn keeps(&self) -> bool {
        self.keep
    }

    /// The repairs kept, in the order they were made.
    pub fn into_vec(self) -> Vec<Repair> {
        self.list
    }
}

/// The `--` made en dashes in `text` (layer 1 records them as replaced
/// characters).
pub(crate) fn en_dashes(text: &MappedText<'_>, repairs: &mut Repairs) {
    if !repairs.keeps() {
        return;
    }
    let s = text.as_str();
    for &(c, src_len) in text.replacements() {
        if src_len == 2 && s[c..].starts_with('–') {
            repairs.push(|| Repair::of_clean(RepairKind::EnDash, text, c, c + '–'.len_utf8()));
        }
    }
}

#[cfg(test)]
mod tests {
    //! One invented snippet per repair kind, through the whole parse.
    use super::*;
    use crate::{Format, Options, Source};

    /// The repairs of `text` read as `format`: kind, line, input text, after.
    fn repairs(text: &str, format: Format) -> Vec<(RepairKind, usize, String, Option<String>)> {
        let src = Source::from_text(text);
        let ex = crate::explain(&src, &Options::default().with_format(format));
        ex.repairs
            .iter()
            .map(|r| {
                let before = src.text()[r.start..r.end].to_owned();
                (
                    r.kind,
                    r.line,
                    before,
                    r.after.as_deref().map(str::to_owned),
                )
            })
            .collect()
    }

    fn find(
        all: &[(RepairKind, usize, String, Option<String>)],
        kind: RepairKind,
    ) -> Vec<(usize, &str, Option<&str>)> {
        all.iter()
            .filter(|r| r.0 == kind)
            .map(|r| (r.1, r.2.as_str(), r.3.as_deref()))
            .collect()
    }

    const HEAD: &str = "# FoU-rapport 2030\n\n# Forord\n\n";

    #[test]
    fn a_line_end_hyphen_mended_or_kept() {
        let text =
            format!("{HEAD}Vi har sett på arbeids-\nledighet og på NAV-\nkontorene i Fjellby.\n");
        let all = repairs(&text, Format::Markdown);
        assert_eq!(
            find(&all, RepairKind::HyphenMended),
            [(5, "arbeids-\nledighet", Some("arbeidsledighet"))]
        );
        assert_eq!(
            find(&all, RepairKind::HyphenKept),
            [(6, "NAV-\nkontorene", Some("NAV-kontorene"))]
        );
    }

    #[test]
    fn a_hyphen_broken_inside_a_line_mended_or_put_back() {
        let text = format!("{HEAD}Tolv NAVkontor og et univer- sitet i Fjellby.\n");
        let all = repairs(&text, Format::Markdown);
        assert_eq!(
            find(&all, RepairKind::HyphenKept),
            [(5, "NAVkontor", Some("NAV-kontor"))]
        );
        assert_eq!(
            find(&all, RepairKind::HyphenMended),
            [(5, "univer- sitet", Some("universitet"))]
        );
    }

    #[test]
    fn a_double_hyphen_made_an_en_dash() {
        let all = repairs(&format!("{HEAD}Tiltak -- og mer.\n"), Format::Markdown);
        assert_eq!(find(&all, RepairKind::EnDash), [(5, "--", Some("–"))]);
    }

    #[test]
    fn a_paragraph_joined_across_a_blank_line_and_a_page_number_dropped() {
        let text = format!("{HEAD}Vi har sett på overgangen fra\n\n7\n\ntiltak til arbeid.\n");
        let all = repairs(&text, Format::Markdown);
        assert_eq!(
            find(&all, RepairKind::Joined),
            [(5, "\n\n7\n\n", Some(" "))]
        );
        assert_eq!(find(&all, RepairKind::Furniture), [(7, "7", None)]);
    }

    #[test]
    fn a_heading_inferred_from_layout_and_from_meaning() {
        let plain = "FoU-rapport 2030\n\nForord\n\nDette er en tekst.\n";
        let all = repairs(plain, Format::Plain);
        assert_eq!(
            find(&all, RepairKind::HeadingInferred),
            [
                (1, "FoU-rapport 2030", Some("FoU-rapport 2030")),
                (3, "Forord", Some("Forord"))
            ]
        );
        // Enough `#` lines that short lines are not headings by layout: `Forord` is one by meaning.
        let md =
            "# FoU-rapport 2030\n\n# Innhold\n\n# God lesning!\n\nForord\n\nDette er en tekst.\n";
        let all = repairs(md, Format::Markdown);
        assert_eq!(
            find(&all, RepairKind::HeadingFromMeaning),
            [(7, "Forord", Some("Forord"))]
        );
    }

    #[test]
    fn a_lost_or_moved_bullet_makes_an_item() {
        let text =
            "Arbeid og helse\n\nTiltak for unge, Fjellby forskning (2019-2021)\n\nMer tekst her.\n";
        let all = repairs(text, Format::Plain);
        assert_eq!(find(&all, RepairKind::ItemInferred).len(), 1, "{all:?}");
        let text = format!("{HEAD}Leverandører:\n\nFjellby forskning AS\n•\n• Dalen analyse AS\n");
        let all = repairs(&text, Format::Markdown);
        assert_eq!(
            find(&all, RepairKind::ItemInferred),
            [(7, "Fjellby forskning AS", Some("Fjellby forskning AS"))]
        );
    }

    #[test]
    fn a_table_of_contents_on_one_line_split() {
        let text =
            "# FoU-rapport 2030\n\nInnhold\n\nFORORD 2 NYE PROSJEKTER 3 ANALYSER 10\n\n# Forord\n";
        let all = repairs(text, Format::Markdown);
        assert_eq!(
            find(&all, RepairKind::Split),
            [(5, " ", Some("\n")), (5, " ", Some("\n"))]
        );
    }

    #[test]
    fn a_label_value_taken_from_the_next_line() {
        let text = format!(
            "{HEAD}Tekst.\n\n# Bidragsprosjekter avsluttet i 2030\n\nProsjekttittel:\n\nArbeid i nord\n\nForskningsinstitusjon: Fjellby forskning\n\nSammendrag: Prosjektet så på arbeid.\n"
        );
        let all = repairs(&text, Format::Markdown);
        assert_eq!(
            find(&all, RepairKind::LabelValueNextLine),
            [(11, "Arbeid i nord", Some("Arbeid i nord"))]
        );
    }

    #[test]
    fn a_long_result_is_shown_by_its_span_only() {
        let long = "x".repeat(MAX_AFTER_BYTES + 1);
        assert_eq!(
            Repair::new(RepairKind::Joined, 0, 1, Some(&long)).after,
            None
        );
        assert!(
            Repair::new(RepairKind::Joined, 0, 1, Some("x"))
                .after
                .is_some()
        );
    }
}

//! Headings from meaning, not markup: a converter may put `#` on a stray
//! line (`# God lesning!`, a running header) and leave the real headings as
//! plain lines, so that layer 2, seeing enough `#` lines, takes the text
//! for Markdown and infers no headings. Layer 3 knows what a heading says:
//! a short paragraph standing alone on its line is a heading when
//!
//! - its text announces a section ([`super::role_of`]: the preface, completed
//!   projects, analyses, an edition, one funding kind; a numbered or
//!   `Vedlegg` heading or any other only when the table of contents lists it), or
//! - it stands right before the title field of a labelled record
//!   (`Prosjekttittel: …`): the theme the records are sorted under, or
//! - it stands right before a list item that ends in a project period
//!   (`…, Fjordforsk (2019-2021)`): the theme of a portfolio list.
//!
//! Such a paragraph becomes a `Heading { level: None }`, as layer 2 makes an
//! inferred heading, so every reader and `fou explain` see it as one.

use super::Role;
use super::doc::Views;
use super::front::Toc;
use crate::blocks::{Block, BlockKind, Hints, Repair, RepairKind, heading_like};
use crate::grammar::Label;

/// Is the paragraph a single short line that could stand as a heading? A
/// line that ends in `:` introduces what follows and is no heading; one
/// without a letter is a page number.
fn stands_alone(b: &Block) -> bool {
    // (the end of the line first: [`heading_like`] wants no `.`, `,`, `;`
    // or `!` there either, and reads the whole line before it looks)
    b.kind == BlockKind::Paragraph
        && b.n_lines == 1
        && !crate::text::trim_end(b.text()).ends_with([':', '.', ',', ';', '!'])
        && heading_like(b.text())
        && b.text().chars().any(char::is_alphabetic)
}

/// Does the text announce a section of the report? Roles read from the
/// words themselves count anywhere; a numbered heading or one with no
/// special meaning only when the table of contents lists it.
///
/// `text` is block `i`'s; the table of contents is looked in only when it
/// decides (for a heading with no special meaning, listed at the top level
/// is what makes it a [`Role::TocSection`]).
fn announces_section(i: usize, text: &str, views: &Views, toc: &Toc) -> bool {
    match views.role(i, text) {
        Role::Preface
        | Role::Completed(_)
        | Role::Analyses
        | Role::Edition(..)
        | Role::FundingIntro(_) => true,
        Role::Section | Role::TocSection | Role::Generic => views.top_level(i, text, toc),
        Role::Toc => false,
    }
}

/// Does block `b` head what follows it: a labelled record's title field, or
/// an item of a list of projects with periods?
fn heads_records(next: Option<&Block>, hints: &impl Hints) -> bool {
    next.is_some_and(|n| match n.kind {
        BlockKind::Field(Label::Title) => true,
        BlockKind::ListItem => hints.ends_with_period(n.text()),
        _ => false,
    })
}

/// Make every stand-alone paragraph a heading that reads as one (see the
/// module docs); `placed` says which blocks the front matter already took
/// (the title, the table of contents). Each one made a heading is recorded
/// in `repairs`; returns how many were.
pub(crate) fn infer(
    blocks: &mut [Block],
    views: &Views,
    placed: impl Fn(usize) -> bool,
    toc: &Toc,
    hints: &impl Hints,
    repairs: &mut Vec<Repair>,
) -> usize {
    let mut made = 0;
    for i in 0..blocks.len() {
        let b = &blocks[i];
        if placed(i) || !stands_alone(b) {
            continue;
        }
        if announces_section(i, b.text(), views, toc) || heads_records(blocks.get(i + 1), hints) {
            blocks[i].kind = BlockKind::Heading { level: None };
            repairs.push(Repair::of_block(RepairKind::HeadingFromMeaning, &blocks[i]));
            made += 1;
        }
    }
    made
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Format;
    use crate::sections::ReportHints;

    fn kinds(text: &str) -> Vec<(String, bool)> {
        let mut blocks = crate::internals::split_blocks(text, Format::Markdown);
        let views = Views::new(blocks.len());
        infer(
            &mut blocks,
            &views,
            |_| false,
            &Toc::default(),
            &ReportHints,
            &mut Vec::new(),
        );
        blocks
            .iter()
            .map(|b| (b.text().trim().to_owned(), b.is_heading()))
            .collect()
    }

    const MARKED: &str = "# Rapport\n\n# Innhold\n\n# God lesning!\n\n";

    #[test]
    fn a_line_that_announces_completed_projects_is_a_heading() {
        let k = kinds(&format!(
            "{MARKED}Oppdragsprosjekter avsluttet i 2019\n\nUnder følger sammendrag.\n"
        ));
        assert!(k.contains(&("Oppdragsprosjekter avsluttet i 2019".to_owned(), true)));
        assert!(k.contains(&("Under følger sammendrag.".to_owned(), false)));
    }

    #[test]
    fn a_line_before_a_labelled_record_is_its_theme() {
        let k = kinds(&format!(
            "{MARKED}Arbeid og helse\n\nProsjekttittel: Tolk i kontoret\n\nSammendrag: Tekst.\n"
        ));
        assert!(k.contains(&("Arbeid og helse".to_owned(), true)));
    }

    #[test]
    fn a_line_before_a_portfolio_list_is_its_theme_but_not_before_other_lists() {
        let k = kinds(&format!(
            "{MARKED}Arbeid og helse\n\n- Tolk i kontoret, Fjordforsk (2019-2021)\n\n\
             Leverandører\n\n- Fjordforsk AS\n\n3\n\n- Unge i arbeid, Fjordforsk (2020-2022)\n"
        ));
        assert!(k.contains(&("Arbeid og helse".to_owned(), true)));
        assert!(k.contains(&("Leverandører".to_owned(), false)));
        assert!(
            !k.contains(&("3".to_owned(), true)),
            "a page number is no theme"
        );
    }

    #[test]
    fn sentences_intros_and_generic_lines_stay_paragraphs() {
        let k = kinds(&format!(
            "{MARKED}Fire prosjekter ble avsluttet i 2019.\n\n\
             Disse prosjektene ble avsluttet:\n\nArbeid og helse\n\nMer tekst her.\n"
        ));
        assert!(k.iter().skip(3).all(|(_, h)| !h), "{k:?}");
    }
}

//! Completed projects: labelled records (`Prosjekttittel:` / `Forskningsinstitusjon:`
//! / `Sammendrag:`) and heading records (`**Title, Institution**`), grouped under
//! theme headings.

use std::ops::Range;

use super::Part;
use super::context::{funding_described_owned, funding_in};
use super::doc::{Claims, Doc, Section};
use crate::blocks::{Block, BlockKind, Repair, RepairKind};
use crate::grammar::institution_pieces;
use crate::grammar::{Label, label_field, may_open_label};
use crate::grammar::{project_line_parts, trim_period};
use crate::model::{Funding, Project};
use crate::text::trim;

/// A paragraph that stands for a record's title is short: a title and its
/// institutions, wrapped over at most two lines …
const PARAGRAPH_TITLE_MAX_LINES: u32 = 2;
/// … of at most this many characters …
const PARAGRAPH_TITLE_MAX_CHARS: usize = 200;
/// … and words …
const PARAGRAPH_TITLE_MAX_WORDS: usize = 30;
/// … in at most this many `. `-separated pieces (a title may hold a period
/// or two; a summary's first sentences hold more).
const PARAGRAPH_TITLE_MAX_PIECES: usize = 3;

/// Funding as a project's own summary states it.
///
/// ```
/// use fou::sections::projects::funding_from_summary;
/// assert_eq!(funding_from_summary("I dette bidragsfinansierte prosjektet …"), Some(fou::Funding::Bidrag));
/// assert_eq!(funding_from_summary("Fafo har på oppdrag fra NAV evaluert …"), Some(fou::Funding::Oppdrag));
/// assert_eq!(funding_from_summary("Forskerne finner …"), None);
/// ```
pub fn funding_from_summary(text: &str) -> Option<Funding> {
    super::context::funding_described(text)
}

/// A text of a record and the block it was read from.
type At<'d> = (usize, &'d str);

/// The paragraphs of a summary a record keeps without allocating.
const SUMMARY_INLINE: usize = 8;

struct Record<'d> {
    first: usize,
    last: usize,
    title: At<'d>,
    institution_raw: Option<At<'d>>,
    lead: Option<At<'d>>,
    theme: Option<At<'d>>,
    /// The blocks of the summary's paragraphs (kept inline: a summary has
    /// a few).
    summary: smallvec::SmallVec<[usize; SUMMARY_INLINE]>,
    /// Whether the summary has a paragraph of text yet (not only the
    /// values of fields a project has no place for, [`add_to_record`]):
    /// then a later `Sammendrag:` is text too, not the lead.
    prose: bool,
    /// The funding the record's `Finansiering:` field names.
    funding: Option<Funding>,
    /// A field whose label stood with no value: the next paragraph is its value.
    pending: Option<Label>,
}

/// The fields of a labelled block: its own label and value, cut where a
/// later label of the record begins (`Prosjekttittel: Tittel
/// Forskningsinstitusjon: SSB Sammendrag: …` on one line, as a PDF
/// converter joins them). A later label is a capitalised known label
/// after a space, of a kind not seen before in the block (a record has one
/// of each), so `… med tittel: …` in running text cuts nothing.
///
/// ```
/// use fou::grammar::Label;
/// use fou::sections::projects::split_fields;
/// assert_eq!(
///     split_fields(Label::Title, "Tolk i kontoret: Hva nå? Forskningsinstitusjon: UiA Sammendrag: En studie."),
///     [(Label::Title, "Tolk i kontoret: Hva nå?"), (Label::Institution, "UiA"), (Label::Summary, "En studie.")]
/// );
/// assert_eq!(split_fields(Label::Summary, "Et notat med tittel: Arbeid"), [(Label::Summary, "Et notat med tittel: Arbeid")]);
/// ```
pub fn split_fields(label: Label, value: &str) -> Vec<(Label, &str)> {
    let mut out = vec![(label, 0, value.len())];
    // A label ends at a colon: the words after the last colon start none
    // (and a value with no colon, most summaries, has no label in it).
    let last_colon = memchr::memrchr(b':', value.as_bytes()).unwrap_or(0);
    for at in crate::text::offsets_of(value.as_bytes(), b' ') {
        if at >= last_colon {
            break;
        }
        let rest = &value[at + 1..];
        if !may_open_label(rest.as_bytes()) || !rest.starts_with(char::is_uppercase) {
            continue;
        }
        let Some((next, off)) = label_field(rest) else {
            continue;
        };
        let one_word = !rest[..off].trim_end().trim_end_matches(':').contains(' ');
        if one_word && out.iter().all(|&(l, ..)| l != next) {
            if let Some(last) = out.last_mut() {
                last.2 = at;
            }
            out.push((next, at + 1 + off, value.len()));
        }
    }
    // An emphasis delimiter the cut leaves at a value's edge (`_Tittel_
    // Forskningsinstitusjon:` where layer 1 did not see the pair) is markup.
    out.into_iter()
        .map(|(l, s, e)| (l, trim(trim(&value[s..e]).trim_matches(['_', '*']))))
        .collect()
}

/// Does block `k` start a heading-style record in a section whose blocks
/// end at `end`?
///
/// A heading followed by running text starts one when it is bold or reads
/// `Title, Institution`; but a heading followed by a title paragraph is the
/// theme over that record, not a record of its own (a PDF converter makes
/// the theme a bold `###` heading and the record's title an italic line).
fn heading_record(doc: &Doc<'_>, k: usize, end: usize) -> bool {
    let Some(b) = doc.blocks.get(k) else {
        return false;
    };
    if k >= end {
        return false;
    }
    let next_is_body = doc.blocks.get(k + 1).is_some_and(|n| {
        k + 1 < end && matches!(n.kind, BlockKind::Paragraph | BlockKind::ListItem)
    });
    match b.kind {
        BlockKind::Heading { .. } => {
            next_is_body
                && (b.bold || doc.names_institution(k))
                && !title_paragraph(doc, k + 1, end)
        }
        BlockKind::Paragraph => title_paragraph(doc, k, end),
        _ => false,
    }
}

/// Does the paragraph `k` stand for a record's title: a short
/// `Title, Institution.` followed by running text, in a text whose titles
/// are not marked (plain text) or set wholly in italics or bold?
fn title_paragraph(doc: &Doc<'_>, k: usize, end: usize) -> bool {
    let Some(b) = doc.blocks.get(k).filter(|_| k < end) else {
        return false;
    };
    let next_is_body = doc.blocks.get(k + 1).is_some_and(|n| {
        k + 1 < end && matches!(n.kind, BlockKind::Paragraph | BlockKind::ListItem)
    });
    b.kind == BlockKind::Paragraph
        && (doc.paragraph_titles || wholly_emphasised(b))
        && next_is_body
        // (the cheap test first)
        && is_short_title(b)
        && doc.names_institution(k)
}

/// Is the whole text of the block set in italics or bold (`_Title, Inst_`)?
fn wholly_emphasised(b: &Block) -> bool {
    let t = b.text();
    let (first, last) = (
        t.len() - crate::text::trim_start(t).len(),
        crate::text::trim_end(t).len(),
    );
    b.bold
        || matches!(b.text.emphasis_marks(), [open, .., close] if *open <= first && *close >= last)
}

/// Is the paragraph short enough to be a title line?
fn is_short_title(b: &Block) -> bool {
    let t = b.text().trim_end_matches('.');
    b.n_lines <= PARAGRAPH_TITLE_MAX_LINES
        && b.text().chars().count() <= PARAGRAPH_TITLE_MAX_CHARS
        && (!t.contains(". ") || t.split(". ").count() <= PARAGRAPH_TITLE_MAX_PIECES)
        && !crate::text::more_words_than(b.text(), PARAGRAPH_TITLE_MAX_WORDS)
}

/// Read the completed-project records of a section.
///
pub(crate) fn read_completed<'a>(
    doc: &Doc<'a>,
    sec: &Section,
    claims: &mut Claims,
) -> Vec<Project<'a>> {
    let starts = Starts::of(doc, sec.body.clone());
    // Each project is made as its record closes, into a vector sized once:
    // no vector of every record, and no growing by doubling, beside the
    // items read so far (the parse's peak).
    let mut out = Vec::with_capacity(starts.count());
    records(doc, &starts, claims, |rec, claims| {
        claims.set_all(rec.first..=rec.last, Part::Project);
        out.push(project(doc, rec, sec.funding));
    });
    out
}

/// Which blocks of a section's body start a record.
struct Starts {
    body: Range<usize>,
    /// The records are labelled (`Prosjekttittel: …`): a title field starts
    /// each; otherwise a heading or title line does ([`heading_record`]).
    labelled: bool,
    /// Whether each block of the body starts a record, decided once (the
    /// theme test looks ahead).
    at: Vec<bool>,
}

impl Starts {
    fn of(doc: &Doc<'_>, body: Range<usize>) -> Starts {
        let blocks = &doc.blocks;
        let labelled = body
            .clone()
            .any(|k| blocks[k].kind == BlockKind::Field(Label::Title));
        let at = body
            .clone()
            .map(|k| {
                if labelled {
                    blocks[k].kind == BlockKind::Field(Label::Title)
                } else {
                    heading_record(doc, k, body.end)
                }
            })
            .collect();
        Starts { body, labelled, at }
    }

    /// Does block `k` start a record?
    fn at(&self, k: usize) -> bool {
        self.body.contains(&k) && self.at[k - self.body.start]
    }

    /// How many records the body holds.
    fn count(&self) -> usize {
        self.at.iter().filter(|&&s| s).count()
    }
}

/// The records of the section body `starts` was worked out for, each given
/// to `done` (with the claims) as it closes, in order; claims the theme
/// headings.
fn records<'d>(
    doc: &'d Doc<'_>,
    starts: &Starts,
    claims: &mut Claims,
    mut done: impl FnMut(Record<'d>, &mut Claims),
) {
    let blocks = &doc.blocks;
    let is_start = |k: usize| starts.at(k);
    let mut theme: Option<At> = None;
    let mut open: Option<Record> = None;
    for k in starts.body.clone() {
        let b = &blocks[k];
        if is_start(k) {
            if let Some(rec) = open.replace(open_record(b, k, starts.labelled, theme)) {
                done(rec, claims);
            }
        } else if b.is_heading()
            && (is_start(k + 1)
                || blocks
                    .get(k + 1)
                    .is_some_and(|n| n.is_heading() && is_start(k + 2)))
        {
            // A theme heading: the next block starts a record (or a sub-theme does).
            theme = Some((k, trim(b.text())));
            if let Some(rec) = open.take() {
                done(rec, claims);
            }
            claims.set(k, Part::Heading);
        } else if let Some(rec) = open.as_mut() {
            if rec.pending.is_some() && b.kind == BlockKind::Paragraph {
                claims.repaired(Repair::of_block(RepairKind::LabelValueNextLine, b));
            }
            add_to_record(rec, b, k);
        }
    }
    if let Some(rec) = open {
        done(rec, claims);
    }
}

/// A record opened by its title block `b` (block `k`).
fn open_record<'d>(b: &'d Block, k: usize, labelled: bool, theme: Option<At<'d>>) -> Record<'d> {
    let mut rec = Record {
        first: k,
        last: k,
        title: (k, ""),
        institution_raw: None,
        lead: None,
        theme,
        summary: smallvec::SmallVec::new(),
        prose: false,
        funding: None,
        pending: None,
    };
    if labelled {
        add_fields(&mut rec, k, Label::Title, b.text());
    } else {
        (rec.title, rec.institution_raw) = match project_line_parts(b.text()) {
            Some(p) => ((k, p.title), p.institution_raw.map(|i| (k, i))),
            None => ((k, trim_period(b.text())), None),
        };
    }
    rec
}

/// Put the fields of a labelled block (its `label` and `value`, and any
/// later label on the same line) into the record.
fn add_fields<'d>(rec: &mut Record<'d>, k: usize, label: Label, value: &'d str) {
    for (label, value) in split_fields(label, value) {
        if value.is_empty() {
            rec.pending = Some(label);
        } else {
            set_field(rec, k, label, value);
        }
    }
}

/// Set one field of the record; a second institution or lead is summary
/// text and not set.
fn set_field<'d>(rec: &mut Record<'d>, k: usize, label: Label, value: &'d str) {
    let value = (k, trim_period(value));
    match label {
        Label::Title if rec.title.1.is_empty() => rec.title = value,
        Label::Institution if rec.institution_raw.is_none() => rec.institution_raw = Some(value),
        Label::Summary if rec.lead.is_none() && !rec.prose => rec.lead = Some(value),
        Label::Theme => rec.theme = Some(value),
        Label::Funding if rec.funding.is_none() => rec.funding = funding_in(value.1),
        _ => {}
    }
}

/// Add block `b` (block `k`) to the open record: a labelled field, the
/// value of a label that stood alone, or a paragraph of its summary.
fn add_to_record<'d>(rec: &mut Record<'d>, b: &'d Block, k: usize) {
    // (a short value on a line of its own reads as a heading)
    if let Some(label) = rec.pending.take()
        && matches!(
            b.kind,
            BlockKind::Paragraph | BlockKind::Heading { level: None }
        )
    {
        match label {
            Label::Period | Label::Lead => rec.summary.push(k),
            _ => set_field(rec, k, label, b.text()),
        }
        rec.last = k;
        return;
    }
    match b.kind {
        BlockKind::Field(
            label @ (Label::Institution | Label::Summary | Label::Theme | Label::Funding),
        ) => {
            let taken = match label {
                Label::Institution => rec.institution_raw.is_some(),
                Label::Summary => rec.lead.is_some() || rec.prose,
                // (a value that names no funding is text)
                Label::Funding => rec.funding.is_some() || funding_in(b.text()).is_none(),
                _ => false,
            };
            if taken {
                push_prose(rec, k);
            } else {
                add_fields(rec, k, label, b.text());
            }
        }
        // A record's period or leader (`Prosjektperiode:`, `Prosjektleder:`):
        // a project has no field for them, so their values stay in the
        // summary, but as no text of it (the lead may follow).
        BlockKind::Field(label @ (Label::Period | Label::Lead)) => {
            if trim(b.text()).is_empty() {
                rec.pending = Some(label);
            } else {
                rec.summary.push(k);
            }
        }
        BlockKind::TocEntry => return,
        _ => push_prose(rec, k),
    }
    rec.last = k;
}

/// Add block `k` to the record's summary as a paragraph of its text.
fn push_prose(rec: &mut Record, k: usize) {
    rec.summary.push(k);
    rec.prose = true;
}

/// The lead and the summary paragraphs of a record (each trimmed), one
/// space between: one copy, sized once.
fn whole_summary(doc: &Doc<'_>, rec: &Record) -> String {
    let lead = rec.lead.map_or("", |(_, l)| l);
    let paragraphs = || rec.summary.iter().map(|&k| trim(doc.blocks[k].text()));
    let mut all =
        String::with_capacity(lead.len() + paragraphs().map(|p| p.len() + 1).sum::<usize>());
    all.push_str(lead);
    all.push(' ');
    for (n, p) in paragraphs().enumerate() {
        if n > 0 {
            all.push(' ');
        }
        all.push_str(p);
    }
    all
}

/// The project a record describes; its funding is what its `Finansiering:`
/// field names, the section's, or what its summary says.
fn project<'a>(doc: &Doc<'a>, rec: Record, funding: Option<Funding>) -> Project<'a> {
    let funding =
        (rec.funding.or(funding)).or_else(|| funding_described_owned(whole_summary(doc, &rec)));
    Project {
        title: doc.text_at(rec.title.0, rec.title.1),
        institution_raw: rec.institution_raw.map(|(k, i)| doc.text_at(k, i)),
        institutions: rec
            .institution_raw
            .map(|(k, i)| doc.found_pieces(k, i, institution_pieces(i)))
            .unwrap_or_default(),
        institution_refs: Vec::new(),
        funding,
        theme: rec.theme.map(|(k, t)| doc.text_at(k, t)),
        lead: rec.lead.map(|(k, l)| doc.text_at(k, l)),
        summary: rec.summary.iter().map(|&k| doc.paragraph(k)).collect(),
        span: doc.span_range(rec.first, rec.last),
    }
}

#[cfg(test)]
mod tests {
    fn projects(text: &str) -> Vec<crate::Project<'static>> {
        crate::parse(text).unwrap().into_owned().projects
    }

    /// Markdown with stray `#` lines (as a PDF converter writes them), so
    /// that the real headings are plain lines.
    const HEAD: &str = "# FoU-rapport 2019\n\n# Innhold\n\n# Forord\n\nTekst.\n\n# God lesning!\n\n\
                        Bidragsfinansierte prosjekter avsluttet i 2019\n\nArbeid og helse\n\n";

    #[test]
    fn labelled_fields_on_one_line_are_split() {
        let p = projects(&format!(
            "{HEAD}Prosjekttittel: _Tolk i kontoret: Hva nå?_ Forskningsinstitusjon: UiA, \
             Institutt for sosiologi Sammendrag: En studie av tolking.\n\nMer tekst om studien.\n"
        ));
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].title, "Tolk i kontoret: Hva nå?");
        assert_eq!(
            p[0].institution_raw.as_deref(),
            Some("UiA, Institutt for sosiologi")
        );
        assert_eq!(p[0].lead.as_deref(), Some("En studie av tolking"));
        assert_eq!(p[0].theme.as_deref(), Some("Arbeid og helse"));
        assert_eq!(p[0].summary, ["Mer tekst om studien."]);
    }

    #[test]
    fn a_label_alone_takes_the_next_paragraph_as_its_value() {
        let p = projects(&format!(
            "{HEAD}**Prosjekttittel:**\n\nTolk i kontoret\n\n*Forskningsinstitusjon:*\n\nFjordforsk\n\n\
             Sammendrag: En studie.\n"
        ));
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].title, "Tolk i kontoret");
        assert_eq!(p[0].institution_raw.as_deref(), Some("Fjordforsk"));
        assert_eq!(p[0].lead.as_deref(), Some("En studie"));
    }

    #[test]
    fn an_italic_title_line_is_a_record_and_the_bold_heading_above_it_a_theme() {
        let p = projects(&format!(
            "{HEAD}### **Sosiale tjenester**\n\n_Unge i arbeid, Nordvik helseforskning_\n\n\
             Forskerne har fulgt unge.\n\n_Tolk i kontoret, Fjordforsk_\n\nEn studie.\n"
        ));
        let titles: Vec<_> = p.iter().map(|p| (&*p.title, p.theme.as_deref())).collect();
        assert_eq!(
            titles,
            [
                ("Unge i arbeid", Some("Sosiale tjenester")),
                ("Tolk i kontoret", Some("Sosiale tjenester"))
            ]
        );
    }

    /// [`super::split_fields`] as it read every space: the exact reading
    /// the colon and first-byte tests stand in for.
    fn split_fields_at_every_space(
        label: crate::grammar::Label,
        value: &str,
    ) -> Vec<(crate::grammar::Label, &str)> {
        use crate::text::trim;
        let mut out = vec![(label, 0, value.len())];
        for (at, _) in value.match_indices(' ') {
            let rest = &value[at + 1..];
            if !rest.starts_with(char::is_uppercase) {
                continue;
            }
            let Some((next, off)) = crate::grammar::label_field(rest) else {
                continue;
            };
            let one_word = !rest[..off].trim_end().trim_end_matches(':').contains(' ');
            if one_word && out.iter().all(|&(l, ..)| l != next) {
                if let Some(last) = out.last_mut() {
                    last.2 = at;
                }
                out.push((next, at + 1 + off, value.len()));
            }
        }
        out.into_iter()
            .map(|(l, s, e)| (l, trim(trim(&value[s..e]).trim_matches(['_', '*']))))
            .collect()
    }

    /// Fields are split where the reading of every space splits them:
    /// labels in any case, with and without colons after them, before and
    /// after the last colon, and words that start with other capitals.
    #[test]
    fn fields_split_as_at_every_space() {
        use crate::grammar::Label;
        let pieces = [
            " ",
            ":",
            "Tema:",
            "TEMA :",
            "periode: ",
            "Øst",
            "Ørsta:",
            "\u{130}",
            "Sammendrag: ",
            "Hva nå?",
            "_Tittel_",
            "x",
        ];
        let mut split = 0;
        for value in crate::testing::concatenations(&pieces, 4) {
            let fields = super::split_fields(Label::Summary, &value);
            split += usize::from(fields.len() > 1);
            assert_eq!(
                fields,
                split_fields_at_every_space(Label::Summary, &value),
                "{value:?}"
            );
        }
        assert!(split > 1000, "{split}");
    }
}

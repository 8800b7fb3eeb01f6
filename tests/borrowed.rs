//! A report borrows its texts from the input it was read from: a text that
//! stands in the input as it is is a `Cow::Borrowed` slice of it, and only a
//! text that reading changed (lines joined, markup removed, a hyphen mended)
//! is a copy. `into_owned` gives a report that outlives its input.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::borrow::Cow;

use fou::Report;

/// Every text of a report taken from its input, with where it is in the
/// report.
fn texts<'r>(r: &'r Report<'_>) -> Vec<(String, &'r Cow<'r, str>)> {
    let mut out: Vec<(String, &Cow<str>)> = Vec::new();
    let mut add = |what: &str, t: &'r Cow<'_, str>| out.push((what.to_owned(), t));
    r.title.iter().for_each(|t| add("title", t));
    if let Some(p) = &r.preface {
        add("preface", &p.text);
        if let Some(s) = &p.signatory {
            add("signatory", &s.name);
            s.role.iter().for_each(|t| add("signatory role", t));
        }
    }
    r.outline.iter().for_each(|h| add("outline", &h.title));
    for p in &r.projects {
        add("project title", &p.title);
        p.institution_raw
            .iter()
            .for_each(|t| add("project institution", t));
        p.institutions
            .iter()
            .for_each(|t| add("project institutions", t));
        p.theme.iter().for_each(|t| add("project theme", t));
        p.lead.iter().for_each(|t| add("project lead", t));
        p.summary.iter().for_each(|t| add("project summary", t));
        p.institution_refs
            .iter()
            .for_each(|i| add("project ref", &i.raw));
    }
    for p in &r.portfolio {
        add("portfolio title", &p.title);
        p.institution_raw
            .iter()
            .for_each(|t| add("portfolio institution", t));
        p.institutions
            .iter()
            .for_each(|t| add("portfolio institutions", t));
        p.theme.iter().for_each(|t| add("portfolio theme", t));
        p.description
            .iter()
            .for_each(|t| add("portfolio description", t));
        p.leader.iter().for_each(|t| add("portfolio leader", t));
        p.institution_refs
            .iter()
            .for_each(|i| add("portfolio ref", &i.raw));
    }
    for a in &r.analyses {
        add("analysis title", &a.title);
        a.subtitle.iter().for_each(|t| add("analysis subtitle", t));
        a.authors.iter().for_each(|t| add("analysis author", t));
        a.abstract_.iter().for_each(|t| add("analysis abstract", t));
    }
    for p in &r.publications {
        add("publication title", &p.title);
        p.authors.iter().for_each(|t| add("publication author", t));
        p.venue.iter().for_each(|t| add("publication venue", t));
    }
    for p in &r.phd {
        add("phd title", &p.title);
        add("phd candidate", &p.candidate);
        p.institution.iter().for_each(|t| add("phd institution", t));
        p.institution_refs
            .iter()
            .for_each(|i| add("phd ref", &i.raw));
    }
    r.vendors.iter().for_each(|v| add("vendor", &v.name));
    r.stated_counts.iter().for_each(|c| add("count", &c.text));
    r.dates.iter().for_each(|d| add("date", &d.text));
    out
}

/// Is `part` a slice of `whole` (the same memory)?
fn inside(whole: &str, part: &str) -> bool {
    let (w, p) = (whole.as_ptr() as usize, part.as_ptr() as usize);
    p >= w && p + part.len() <= w + whole.len()
}

/// (borrowed bytes, all bytes) of a report's texts; every borrowed text is
/// a slice of `input`.
fn borrowed_share(input: &str, r: &Report<'_>) -> (usize, usize) {
    let (mut borrowed, mut all) = (0, 0);
    for (what, t) in texts(r) {
        all += t.len();
        if let Cow::Borrowed(b) = t {
            assert!(inside(input, b), "{what} {b:?} borrows from elsewhere");
            borrowed += b.len();
        }
    }
    (borrowed, all)
}

/// On the real reports most of the text is borrowed: the summaries are
/// paragraphs that stand in the input as they are.
#[test]
fn the_real_reports_borrow_most_of_their_text() {
    for path in fou_tests::corpus_paths() {
        let input = std::fs::read_to_string(&path).unwrap();
        let r = fou::parse(&input).unwrap();
        let (borrowed, all) = borrowed_share(&input, &r);
        let share = borrowed as f64 / all as f64;
        eprintln!(
            "{}: {borrowed} of {all} text bytes borrowed ({share:.3})",
            path.display()
        );
        assert!(all > 20_000, "{}: only {all} bytes of text", path.display());
        // 0.881 and 0.854: what is left are paragraphs with markup inside
        // them or lines joined, and a preface made of such paragraphs.
        assert!(share > 0.84, "{}: {share:.3} borrowed", path.display());
    }
}

#[test]
fn a_text_that_reading_changed_is_owned_and_the_rest_borrowed() {
    let input = "\
# FoU-rapport 2021

## Bidragsfinansierte prosjekter avsluttet i 2021

### Arbeid og helse

Prosjekttittel: Tilbake i jobb

Forskningsinstitusjon: Fjordforsk

Studien fulgte **to hundre** deltakere over tre år.

Forskerne intervjuet
ledere og ansatte.
";
    let r = fou::parse(input).unwrap();
    let p = &r.projects[0];
    assert!(matches!(p.title, Cow::Borrowed("Tilbake i jobb")));
    assert!(matches!(p.theme, Some(Cow::Borrowed("Arbeid og helse"))));
    assert!(matches!(
        p.institution_raw,
        Some(Cow::Borrowed("Fjordforsk"))
    ));
    // markup removed, lines joined: copies, with the text they always had
    assert_eq!(
        p.summary,
        [
            "Studien fulgte to hundre deltakere over tre år.",
            "Forskerne intervjuet ledere og ansatte."
        ]
    );
    assert!(p.summary.iter().all(|s| matches!(s, Cow::Owned(_))));
    let (borrowed, all) = borrowed_share(input, &r);
    assert!(borrowed > 0 && borrowed < all, "{borrowed} of {all}");
}

#[test]
fn a_title_without_its_marks_and_the_institutions_a_grammar_split_are_borrowed() {
    let input = "\
# FoU-rapport 2021

## Bidragsfinansierte prosjekter

Ved utgangen av 2021 hadde vi 2 pågående prosjekter:

- **Tilbake i jobb**, Fjordforsk og Nordvik helseforskning (2019-2021)
- Unge i arbeid, SNF og Nordvik  helseforskning (2020-2022)
";
    let r = fou::parse(input).unwrap();
    let (first, second) = (&r.portfolio[0], &r.portfolio[1]);
    // the bold marks are gone: the title is the input between them
    assert!(
        matches!(first.title, Cow::Borrowed("Tilbake i jobb")),
        "{:?}",
        first.title
    );
    assert!(
        first
            .institutions
            .iter()
            .all(|i| matches!(i, Cow::Borrowed(_)))
    );
    assert_eq!(first.institutions, ["Fjordforsk", "Nordvik helseforskning"]);
    // a name the grammar wrote with one space where the input has two is its own
    assert_eq!(second.institutions, ["SNF", "Nordvik helseforskning"]);
    let owned: Vec<bool> = second
        .institutions
        .iter()
        .map(|i| matches!(i, Cow::Owned(_)))
        .collect();
    assert_eq!(owned, [false, true]);
    let (borrowed, all) = borrowed_share(input, &r);
    assert!(borrowed < all, "{borrowed} of {all}");
}

/// A PhD candidate's institution references borrow their texts, as the
/// projects' do: the whole institution text when it is one known name, its
/// pieces when it lists several.
#[test]
fn a_candidates_institution_references_borrow_from_the_input() {
    let input = "\
# FoU-rapport 2021

## Doktorgrader

I 2021 fullførte to kandidater:

- Arbeid og alder. Stipendiat Kari Berg, Universitetet i Oslo
- Tid og tillit. Stipendiat Ola Vik, NTNU og Fjordforsk
";
    let r = fou::parse(input).unwrap();
    assert_eq!(r.phd.len(), 2, "{:?}", r.phd);
    let refs: Vec<(&str, Option<&str>)> = r
        .phd
        .iter()
        .flat_map(|p| &p.institution_refs)
        .map(|i| (i.raw.as_ref(), i.id.as_deref()))
        .collect();
    assert_eq!(
        refs,
        [
            ("Universitetet i Oslo", Some("uio")),
            ("NTNU", Some("ntnu")),
            ("Fjordforsk", None)
        ]
    );
    for i in r.phd.iter().flat_map(|p| &p.institution_refs) {
        assert!(
            matches!(&i.raw, Cow::Borrowed(b) if inside(input, b)),
            "{:?}",
            i.raw
        );
    }
}

#[test]
fn a_preface_borrows_its_paragraphs_when_they_stand_as_the_report_joins_them() {
    let joined = fou::parse("FoU-rapport 2021\n\nForord\n\nEn ting.\n\nTo ting.\n").unwrap();
    let text = &joined.preface.as_ref().unwrap().text;
    assert!(
        matches!(text, Cow::Borrowed("En ting.\n\nTo ting.")),
        "{text:?}"
    );
    // three line breaks between them: the report still joins with two
    let apart = fou::parse("FoU-rapport 2021\n\nForord\n\nEn ting.\n\n\nTo ting.\n").unwrap();
    let text = &apart.preface.as_ref().unwrap().text;
    assert!(
        matches!(text, Cow::Owned(t) if t == "En ting.\n\nTo ting."),
        "{text:?}"
    );
}

#[test]
fn an_owned_report_outlives_its_input_and_equals_the_borrowed_one() {
    let input = std::fs::read_to_string(&fou_tests::corpus_paths()[0]).unwrap();
    let borrowed = fou::parse(&input).unwrap();
    let owned: Report<'static> = borrowed.clone().into_owned();
    assert_eq!(owned, borrowed);
    assert!(
        texts(&owned)
            .iter()
            .all(|(_, t)| matches!(t, Cow::Owned(_)))
    );
    drop(input);
    assert!(!owned.projects.is_empty());
}

#[test]
fn bytes_and_files_give_owned_reports() {
    let input = std::fs::read_to_string(&fou_tests::corpus_paths()[1]).unwrap();
    let from_bytes: Report<'static> = fou::parse_bytes(input.as_bytes()).unwrap();
    assert_eq!(from_bytes, fou::parse(&input).unwrap());
    let from_file: Report<'static> = fou::parse_file(&fou_tests::corpus_paths()[1]).unwrap();
    assert_eq!(from_file.projects, from_bytes.projects);
}

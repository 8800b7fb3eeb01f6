//! Records: where a completed project's record ends and what its labelled
//! fields give, and how an analysis's title and author lines are told
//! apart. Each case is an invented text in the reports' styles.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

/// A labelled record of a completed project, then `heading` and what it
/// heads (`body`).
fn record_then(heading: &str, body: &str) -> String {
    format!(
        "FOU-RAPPORT 2023\n\nProsjekter avsluttet i 2023\n\n\
         Prosjekttittel: Unge uføre i bygdene\n\n\
         Forskningsinstitusjon: Vestmark analyse\n\n\
         Sammendrag: Registerstudie av unge mottakere.\n\n\
         {heading}\n\n{body}"
    )
}

/// A heading that announces a list of PhD candidates or publications ends
/// the completed-projects section: the record before it keeps its own
/// summary, the heading is in the outline, and what the list's section
/// states is read there (the count of candidates), each list item once.
#[test]
fn a_list_heading_after_a_record_ends_it() {
    let phd = "NAV finansierer 2 stipendiater.\n\n\
        - Arbeid etter kreft. Stipendiat Lise Bjørkli, Universitetet i Nordfjell\n\
        - Tillit i digitale møter. Stipendiat Jon Gravdal, Solvik helseforskning\n";
    let publications = "- Bjørkli og Vangsnes (2023): *Kreft og jobb*, Tidsskrift for velferd\n";
    for (heading, body, phd_items, publication_items) in [
        ("Doktorgradsprosjekter", phd, 2, 0),
        ("Stipendiater", phd, 2, 0),
        ("Publikasjoner", publications, 0, 1),
    ] {
        let text = record_then(heading, body);
        let r = fou::parse(&text).unwrap();
        assert_eq!(r.projects.len(), 1, "{heading}");
        let p = &r.projects[0];
        assert_eq!(
            p.lead.as_deref(),
            Some("Registerstudie av unge mottakere"),
            "{heading}"
        );
        assert!(p.summary.is_empty(), "{heading}: {:?}", p.summary);
        assert!(r.outline.iter().any(|h| h.title == heading), "{heading}");
        assert_eq!(
            (r.phd.len(), r.publications.len()),
            (phd_items, publication_items)
        );
        let counted = r.stated_counts.iter().any(|c| c.value == 2);
        assert_eq!(counted, phd_items > 0, "{heading}: {:?}", r.stated_counts);
    }
}

/// A line that introduces a list inside a record (it ends in a colon) is
/// part of the record, not a section of its own, even when it names PhD
/// candidates; so is a theme heading of the section that names none.
#[test]
fn a_list_intro_or_a_theme_inside_the_section_does_not_end_it() {
    let intro = "Prosjektet har finansiert to stipendiater:";
    let text = record_then(intro, "To avhandlinger kom i 2023.\n");
    let r = fou::parse(&text).unwrap();
    assert_eq!(r.projects.len(), 1);
    assert_eq!(
        r.projects[0].summary.len(),
        2,
        "{:?}",
        r.projects[0].summary
    );
    let themed = record_then(
        "Arbeid og helse",
        "Prosjekttittel: Skiftarbeid og søvn\n\nForskningsinstitusjon: Solvik helseforskning\n\n\
         Sammendrag: Sjåfører over tre år.\n",
    );
    let r = fou::parse(&themed).unwrap();
    assert_eq!(r.projects.len(), 2);
    assert_eq!(r.projects[1].theme.as_deref(), Some("Arbeid og helse"));
    // A project's heading record whose title names a list's word is a
    // project, not a list's heading.
    let headed = "# FoU-rapport 2023\n\n## Prosjekter avsluttet i 2023\n\n\
        ### Arbeid og helse, Vestmark analyse\n\nEn studie av arbeid.\n\n\
        ### Stipendiater i NAV, Solvik helseforskning\n\nEn studie av stipendiater.\n\n\
        ### Tillit og tid, Fjordmark institutt\n\nEn studie av tillit.\n";
    let r = fou::parse(headed).unwrap();
    let titles: Vec<&str> = r.projects.iter().map(|p| p.title.as_ref()).collect();
    assert_eq!(
        titles,
        ["Arbeid og helse", "Stipendiater i NAV", "Tillit og tid"]
    );
}

/// The record's own fields besides title, institution and summary:
/// `Finansiering:` gives the project's funding (over the section's), and a
/// period or leader (`Prosjektperiode:`, `Prosjektleder:`, which a project
/// has no field for) keeps its value in the summary without making the
/// `Sammendrag:` after it summary text: it is still the lead.
#[test]
fn a_records_funding_period_and_leader_fields() {
    let record = |fields: &str| {
        format!(
            "FOU-RAPPORT 2023\n\nBidragsprosjekter avsluttet i 2023\n\n\
             Prosjekttittel: Skiftarbeid og søvn\n\nForskningsinstitusjon: Solvik helseforskning\n\n\
             {fields}Sammendrag: Sjåfører over tre år.\n\nFunnene tyder på mer fravær.\n"
        )
    };
    let lead = Some("Sjåfører over tre år");
    let read = |fields: &str| {
        let r = fou::parse(&record(fields)).unwrap().into_owned();
        assert_eq!(r.projects.len(), 1, "{fields:?}");
        r.projects[0].clone()
    };
    let plain = read("");
    assert_eq!(
        (plain.lead.as_deref(), plain.funding),
        (lead, Some(fou::Funding::Bidrag))
    );
    let p = read("Finansiering: Oppdrag\n\n");
    assert_eq!(
        (p.lead.as_deref(), p.funding),
        (lead, Some(fou::Funding::Oppdrag))
    );
    assert_eq!(p.summary, plain.summary);
    let p = read("Prosjektperiode: 2020-2023\n\nProsjektleder: Randi Fjellstad\n\n");
    assert_eq!(p.lead.as_deref(), lead);
    assert_eq!(
        p.summary,
        [
            "2020-2023",
            "Randi Fjellstad",
            "Funnene tyder på mer fravær."
        ]
    );
    // a label alone on its line, its value the paragraph after it
    let p = read("Prosjektperiode:\n\n2020-2023\n\n");
    assert_eq!(
        (p.lead.as_deref(), &p.summary[..1]),
        (lead, &["2020-2023".into()][..])
    );
    // the same with the institution's label alone (its short value reads
    // as a heading line)
    let text = record("").replace("Forskningsinstitusjon: ", "Forskningsinstitusjon:\n\n");
    let p = &fou::parse(&text).unwrap().projects[0];
    assert_eq!(p.institution_raw.as_deref(), Some("Solvik helseforskning"));
    assert_eq!((p.lead.as_deref(), p.summary.len()), (lead, 1));
    // a Finansiering: that names no funding is text of the summary
    let p = read("Finansiering: Se eget vedlegg\n\n");
    assert_eq!(p.funding, Some(fou::Funding::Bidrag));
    assert_eq!(p.lead, None);
    assert_eq!(p.summary[0], "Se eget vedlegg");
}

/// An analysis's author line (`Av Lars Eik`, `av Ida Rønning`) is its own
/// line after the title, with a blank line between them or none, in plain
/// text and in Markdown (a bold title line, a hard break or none); a
/// paragraph that goes on in lower case after a page break is still
/// joined.
#[test]
fn an_author_line_follows_its_title_on_a_line_of_its_own() {
    let analyses = |between: &str| {
        format!(
            "FOU-RAPPORT 2024\n\nAnalyser levert i 2024\n\nNr. 1/2024\n\n\
             Hvem søker AAP?\n\nAv Lars Eik\n\nFlere unge søker.\n\n\
             Uføretrygd og arbeid\n{between}av Ida Rønning\n\nMange kombinerer.\n"
        )
    };
    for between in ["", "\n", "\n\n"] {
        let text = analyses(between);
        let r = fou::parse(&text).unwrap();
        let read: Vec<_> = (r.analyses.iter())
            .map(|a| {
                (
                    a.title.as_ref(),
                    a.authors.join(", "),
                    a.abstract_.join(" "),
                )
            })
            .collect();
        assert_eq!(
            read,
            [
                (
                    "Hvem søker AAP?",
                    "Lars Eik".into(),
                    "Flere unge søker.".into()
                ),
                (
                    "Uføretrygd og arbeid",
                    "Ida Rønning".into(),
                    "Mange kombinerer.".into()
                ),
            ],
            "{between:?}"
        );
    }
    for hard_break in ["", "  ", "\\"] {
        let text = format!(
            "# FoU-rapport 2024\n\n## Analyser levert i 2024\n\n### Nr. 1/2024\n\n\
             **Hvem søker AAP?**{hard_break}\nAv Lars Eik\n\nFlere unge søker.\n\n\
             **Uføretrygd og arbeid**{hard_break}\nav Ida Rønning\n\nMange kombinerer.\n"
        );
        let r = fou::parse(&text).unwrap();
        let read: Vec<_> = (r.analyses.iter())
            .map(|a| (a.title.as_ref(), a.authors.join(", ")))
            .collect();
        assert_eq!(
            read,
            [
                ("Hvem søker AAP?", "Lars Eik".into()),
                ("Uføretrygd og arbeid", "Ida Rønning".into())
            ],
            "{hard_break:?}"
        );
    }
    let cut = "FOU-RAPPORT 2024\n\nForord\n\nRapporten er skrevet\n\nav Ida Rønning og Lars Eik.\n";
    let r = fou::parse(cut).unwrap();
    let preface = r.preface.map(|p| p.text.into_owned()).unwrap_or_default();
    assert!(preface.contains("skrevet av Ida"), "{preface:?}");
}

//! The small grammars, case by case (including what they must reject).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fou::Period;
use fou::grammar::*;

#[test]
fn periods() {
    let ok: &[(&str, (i32, i32))] = &[
        ("(2019-2021)", (2019, 2021)),
        ("(2019–2021)", (2019, 2021)),
        ("(2019 - 2021)", (2019, 2021)),
        ("(2021)", (2021, 2021)),
        ("(2018-21)", (2018, 2021)),
        ("(20192021)", (2019, 2021)),
        ("2020-2023", (2020, 2023)),
        // a minus sign (U+2212), as some PDF text has it
        ("(2020−2023)", (2020, 2023)),
    ];
    for (input, (start, end)) in ok {
        assert_eq!(
            period(input),
            Ok(Period {
                start: *start,
                end: *end
            }),
            "{input}"
        );
    }
    for bad in [
        "(2021-2019)",
        "(19)",
        "(2019-)",
        "(abcd)",
        "",
        "(2019-2021) x",
        "(1990-2040)",
    ] {
        assert!(period(bad).is_err(), "{bad:?} should not parse");
    }
}

#[test]
fn project_lines() {
    struct Case<'a> {
        line: &'a str,
        title: &'a str,
        inst: Option<&'a str>,
        insts: &'a [&'a str],
        period: Option<(i32, i32)>,
    }
    let cases = [
        Case {
            line: "Bruken av digitale samtalenotater, Proba (2019-2021)",
            title: "Bruken av digitale samtalenotater",
            inst: Some("Proba"),
            insts: &["Proba"],
            period: Some((2019, 2021)),
        },
        Case {
            line: "Er arbeid helse? Nordlandssykehuset (2018-2022)",
            title: "Er arbeid helse?",
            inst: Some("Nordlandssykehuset"),
            insts: &["Nordlandssykehuset"],
            period: Some((2018, 2022)),
        },
        Case {
            line: "Læring i team, vekst og trivsel, UiB, Institutt for sosiologi (2020-2023)",
            title: "Læring i team, vekst og trivsel",
            inst: Some("UiB, Institutt for sosiologi"),
            insts: &["UiB", "Institutt for sosiologi"],
            period: Some((2020, 2023)),
        },
        Case {
            line: "Evaluering av \"Ut i jobb\", som prøves ved tre kontor, AFI OsloMet (2020)",
            title: "Evaluering av \"Ut i jobb\", som prøves ved tre kontor",
            inst: Some("AFI OsloMet"),
            insts: &["AFI", "OsloMet"],
            period: Some((2020, 2020)),
        },
        Case {
            line: "Samspill og mestring, St. Olavs hospital HF (2018-2020)",
            title: "Samspill og mestring",
            inst: Some("St. Olavs hospital HF"),
            insts: &["St. Olavs hospital HF"],
            period: Some((2018, 2020)),
        },
        Case {
            line: "Sosial støtte. Hvordan kan veiledere hjelpe best? Fafo",
            title: "Sosial støtte. Hvordan kan veiledere hjelpe best?",
            inst: Some("Fafo"),
            insts: &["Fafo"],
            period: None,
        },
        Case {
            line: "Tillit til chatboter i NAV. NTNU, UiO og UiA",
            title: "Tillit til chatboter i NAV",
            inst: Some("NTNU, UiO og UiA"),
            insts: &["NTNU", "UiO", "UiA"],
            period: None,
        },
        Case {
            line: "Endringsteori for tiltaket. Delrapport fra Oslo Economics.",
            title: "Endringsteori for tiltaket",
            inst: Some("Oslo Economics"),
            insts: &["Oslo Economics"],
            period: None,
        },
        Case {
            line: "Ungdom i arbeid, SNF (NHH) (2020-2021)",
            title: "Ungdom i arbeid",
            inst: Some("SNF (NHH)"),
            insts: &["SNF", "NHH"],
            period: Some((2020, 2021)),
        },
        // A title that ends in an ellipsis keeps it.
        Case {
            line: "Og så var det jobb... Vestmark analyse (2022-2024)",
            title: "Og så var det jobb...",
            inst: Some("Vestmark analyse"),
            insts: &["Vestmark analyse"],
            period: Some((2022, 2024)),
        },
        Case {
            line: "Bare en tittel uten institusjon",
            title: "Bare en tittel uten institusjon",
            inst: None,
            insts: &[],
            period: None,
        },
    ];
    for c in cases {
        let p = project_line(c.line).unwrap_or_else(|e| panic!("{}: {e}", c.line));
        assert_eq!(p.title, c.title, "title of {}", c.line);
        assert_eq!(
            p.institution_raw.as_deref(),
            c.inst,
            "institution of {}",
            c.line
        );
        assert_eq!(p.institutions, c.insts, "institutions of {}", c.line);
        assert_eq!(
            p.period.map(|p| (p.start, p.end)),
            c.period,
            "period of {}",
            c.line
        );
    }
    assert!(project_line("").is_err());
    assert!(project_line("   ").is_err());
    // nothing but marks before the period names no project
    assert!(project_line(", (2020)").is_err());
    assert!(project_line("– (2021-2022)").is_err());
}

#[test]
fn institution_lists() {
    let cases: &[(&str, &[&str])] = &[
        ("AFI og Proba", &["AFI", "Proba"]),
        ("NTNU, UiO og UiA", &["NTNU", "UiO", "UiA"]),
        ("Frischsenteret og ISF", &["Frischsenteret", "ISF"]),
        ("NIBR/OsloMet", &["NIBR", "OsloMet"]),
        (
            "OsloMet AFI og Proba samfunnsanalyse",
            &["OsloMet", "AFI", "Proba samfunnsanalyse"],
        ),
        (
            "NTNU Institutt for pedagogikk og livslang læring",
            &["NTNU", "Institutt for pedagogikk og livslang læring"],
        ),
        ("Norsk regnesentral", &["Norsk regnesentral"]),
        (
            "NORCE Norwegian Research Centre AS",
            &["NORCE Norwegian Research Centre AS"],
        ),
        (
            "ARENA senter for europaforskning, UiO",
            &["ARENA senter for europaforskning", "UiO"],
        ),
        ("SNF (NHH)", &["SNF", "NHH"]),
        // a period out of bounds, left in the text, is no organisation
        ("Fafo (2020-2055)", &["Fafo"]),
        ("", &[]),
    ];
    for (input, want) in cases {
        assert_eq!(institutions(input), *want, "{input}");
    }
}

#[test]
fn author_lines() {
    assert_eq!(authors("Av Kari Nordmann").unwrap(), ["Kari Nordmann"]);
    assert_eq!(
        authors("Av Ola Nordmann, Kari M. Hansen og Per Olsen-Berg").unwrap(),
        ["Ola Nordmann", "Kari M. Hansen", "Per Olsen-Berg"]
    );
    assert_eq!(
        author_list("Hansen, van der Berg og Solberg Lunde"),
        ["Hansen", "van der Berg", "Solberg Lunde"]
    );
    // a comma before the last name's conjunction
    assert_eq!(
        authors("Av Kari Nordmann, Ola Hansen, og Per Olsen").unwrap(),
        ["Kari Nordmann", "Ola Hansen", "Per Olsen"]
    );
    for bad in [
        "Avdelingsdirektør FoU",
        "Av disse fikk tolv prosjekter tildelt midler: mange",
        "Av",
        "Kari Nordmann",
    ] {
        assert!(authors(bad).is_err(), "{bad:?} is not an author line");
    }
}

#[test]
fn references() {
    let r =
        reference("Hansen og Berg (2021): *Arbeid og helse: en oversikt*, Tidsskrift for velferd")
            .unwrap();
    assert_eq!(r.authors, ["Hansen", "Berg"]);
    assert_eq!(r.year, Some(2021));
    assert_eq!(r.title, "Arbeid og helse: en oversikt");
    assert_eq!(r.venue.as_deref(), Some("Tidsskrift for velferd"));
    // Without emphasis the venue is after the last comma.
    let r = reference("Olsen (2019): Tillit i forvaltningen, Norsk statsvitenskapelig tidsskrift")
        .unwrap();
    assert_eq!(r.title, "Tillit i forvaltningen");
    assert_eq!(
        r.venue.as_deref(),
        Some("Norsk statsvitenskapelig tidsskrift")
    );
    // A title in bold is a title, as one in italics.
    for bold in [
        "Dahl (2023): **Kreft og jobb**, Tidsskrift for velferd",
        "Dahl (2023): __Kreft og jobb__, Tidsskrift for velferd",
    ] {
        let r = reference(bold).unwrap();
        assert_eq!(r.title, "Kreft og jobb", "{bold:?}");
        assert_eq!(
            r.venue.as_deref(),
            Some("Tidsskrift for velferd"),
            "{bold:?}"
        );
    }
    for bad in [
        "Hansen og Berg: Arbeid",
        "Hansen (20x1): Tittel",
        "(2020): Tittel, Journal",
        "Hansen (2020):",
        // no title: nothing, or only emphasis marks, before the venue
        "Hansen (2020): , Tidsskrift",
        "Hansen (2020): *",
        "Hansen (2020): * *, Tidsskrift",
        "Hansen (2020): ****, Tidsskrift",
    ] {
        assert!(reference(bad).is_err(), "{bad:?} is not a reference");
    }
}

/// The APA style, common in Norwegian social science: surname-first
/// authors, the year ended by a period, the title as a sentence of its own,
/// and the venue with its volume, pages and link after it.
#[test]
fn references_in_the_apa_style() {
    #[rustfmt::skip]
    let cases: [(&str, &[&str], &str, Option<&str>); 10] = [
        ("Nordmann, K. & Hansen, P. (2021). Kollegaen som døråpner. Tidsskrift for arbeidsliv, 12(3), 45–60.",
         &["Nordmann, K.", "Hansen, P."], "Kollegaen som døråpner", Some("Tidsskrift for arbeidsliv")),
        ("Hansen, P., Berg, L., & Nordmann, K. (2020). Små bedrifter og arbeidstrening. *Søkelys på tiltak*, *4*(1), e12. https://doi.org/10.1000/xyz",
         &["Hansen, P.", "Berg, L.", "Nordmann, K."], "Små bedrifter og arbeidstrening", Some("Søkelys på tiltak")),
        // a question ends the title and is kept; initials with a hyphen
        ("Berg, K.-L. og Dahl, Ø. (2019). Hvem ringer NAV? Norsk velferdstidsskrift, 7, s. 1–20.",
         &["Berg, K.-L.", "Dahl, Ø."], "Hvem ringer NAV?", Some("Norsk velferdstidsskrift")),
        // a question and a subtitle: the venue is the last sentence
        ("Berg, K. (2019). Hjelp til selvhjelp? Ulikhet i arbeid. Søkelys, 3(2), 4–9.",
         &["Berg, K."], "Hjelp til selvhjelp? Ulikhet i arbeid", Some("Søkelys")),
        // a book or report: its title in italics, the publisher after
        ("Olsen, A. M. (2022). *Tillit og tid i forvaltningen*. Fagbokforlaget.",
         &["Olsen, A. M."], "Tillit og tid i forvaltningen", Some("Fagbokforlaget")),
        // a second work of the year, a day in the parentheses
        ("Dahl, T. (2021b). Ventetid på tiltak. Rapport fra Kystforsk.",
         &["Dahl, T."], "Ventetid på tiltak", Some("Rapport fra Kystforsk")),
        ("Lund, E. (2023, 3. mars). Flere unge i jobb. Dagsavisen.",
         &["Lund, E."], "Flere unge i jobb", Some("Dagsavisen")),
        // a title in quotes, in the reports' own order
        ("Hansen og Berg (2021): «Arbeid og helse», Tidsskrift for velferd",
         &["Hansen", "Berg"], "Arbeid og helse", Some("Tidsskrift for velferd")),
        // no venue: the title is the whole
        ("Strand, B. (2020). Et notat om frafall.", &["Strand, B."], "Et notat om frafall", None),
        // a link after the title is no venue
        ("Strand, B. (2020). Et notat om frafall. https://example.org/notat", &["Strand, B."], "Et notat om frafall", None),
    ];
    for (text, authors, title, venue) in cases {
        let r = reference(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        assert_eq!(r.authors, authors, "{text:?}");
        assert_eq!(r.title, title, "{text:?}");
        assert_eq!(r.venue.as_deref(), venue, "{text:?}");
    }
    // A year with a period but no sentence after the title: the last comma
    // parts the venue, as in the reports' own order (a question is the
    // title's when no volume or pages follow); abbreviations end no title;
    // the words before a link are no venue; a quoted word starts a title.
    #[rustfmt::skip]
    let more: [(&str, &str, Option<&str>); 6] = [
        ("Hansen (2020). Arbeid i endring, Tidsskrift for tiltak", "Arbeid i endring", Some("Tidsskrift for tiltak")),
        ("Hansen (2020). Arbeid i endring, Tidsskrift, 4(2), 1-9.", "Arbeid i endring", Some("Tidsskrift")),
        ("Hansen (2020). Hva virker? Tiltak for unge, Fjordforsk", "Hva virker? Tiltak for unge", Some("Fjordforsk")),
        ("Berg, K. (2021). Tillit i Norge. Meld. St. 12 (2020–2021).", "Tillit i Norge", Some("Meld. St. 12 (2020–2021)")),
        ("Berg, K. (2021). Tillit i Norge. Kystforsk. Hentet fra https://example.org/x", "Tillit i Norge", Some("Kystforsk")),
        ("Hansen (2020). \"Arbeid\" i endring, Tidsskrift", "\"Arbeid\" i endring", Some("Tidsskrift")),
    ];
    for (text, title, venue) in more {
        let r = reference(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        assert_eq!(
            (r.title.as_str(), r.venue.as_deref()),
            (title, venue),
            "{text:?}"
        );
    }
    // The reports' own order keeps its venue whole, numbers and all.
    let r = reference("Olsen (2019): *Tillit*, Rapport 2019:3").unwrap();
    assert_eq!(r.venue.as_deref(), Some("Rapport 2019:3"));
    // Initials alone are no name: with nothing before them they stay apart.
    assert_eq!(
        fou::grammar::author_list("K. og Hansen, P."),
        ["K.", "Hansen, P."]
    );
    assert_eq!(
        fou::grammar::authors("Av Nordmann, K. og Berg, L.").unwrap(),
        ["Nordmann, K.", "Berg, L."]
    );
    // A surname-first name is still one of at most six words.
    assert_eq!(
        fou::grammar::author_list("Ane Bø Li Dahl Strand, K. L."),
        ["Ane Bø Li Dahl Strand", "K. L."]
    );
}

#[test]
fn phd_lines() {
    let p = phd_line("Hva er arbeidsevne? Stipendiat Ola Nordmann, UiO.").unwrap();
    assert_eq!(
        (&*p.title, &*p.candidate, p.institution.as_deref()),
        ("Hva er arbeidsevne?", "Ola Nordmann", Some("UiO"))
    );
    let p = phd_line("Ungdom og arbeid - en studie. Stipendiat Kari D'Souza, NTNU").unwrap();
    assert_eq!(p.title, "Ungdom og arbeid - en studie");
    assert_eq!(p.candidate, "Kari D'Souza");
    assert!(phd_line("Ungdom og arbeid. Ola Nordmann, NTNU").is_err());
    // An institution with its unit: the name ends at the first comma.
    let p = phd_line(
        "Arbeid og alder. Stipendiat Kari Nordmann, Universitetet i Oslo, Institutt for helse",
    )
    .unwrap();
    assert_eq!(p.candidate, "Kari Nordmann");
    assert_eq!(
        p.institution.as_deref(),
        Some("Universitetet i Oslo, Institutt for helse")
    );
    // No institution, a comma left at the end: the name without it.
    let p = phd_line("Arbeid. Stipendiat Kari Nordmann, ").unwrap();
    assert_eq!(
        (&*p.candidate, p.institution.as_deref()),
        ("Kari Nordmann", None)
    );
}

#[test]
fn dates() {
    let d = norwegian_date("1. januar 2018").unwrap();
    assert_eq!(d.to_date(2000).unwrap().to_string(), "2018-01-01");
    let d = norwegian_date("12. mars").unwrap();
    assert_eq!(d.year, None);
    assert_eq!(d.to_date(2020).unwrap().to_string(), "2020-03-12");
    assert_eq!(
        norwegian_date("1.juli 2017")
            .unwrap()
            .to_date(0)
            .unwrap()
            .to_string(),
        "2017-07-01"
    );
    assert!(
        norwegian_date("31. februar 2020")
            .unwrap()
            .to_date(2020)
            .is_none()
    );
    for bad in ["32. mars 2020", "mars 2020", "1 januar", "1. jan 2020"] {
        assert!(norwegian_date(bad).is_err(), "{bad:?}");
    }
    let found = find_dates("Fra 16. mars til 24. april 2020, og 2.5 prosent.");
    assert_eq!(
        found
            .iter()
            .map(|d| (d.2.day, d.2.month))
            .collect::<Vec<_>>(),
        [(16, 3), (24, 4)]
    );
}

#[test]
fn counts() {
    for (w, v) in [
        ("Åtte", 8),
        ("åtte", 8),
        ("tretten", 13),
        ("13", 13),
        ("ni", 9),
        ("seks", 6),
        ("tolv", 12),
        ("tjue", 20),
    ] {
        assert_eq!(count(w), Ok(v), "{w}");
    }
    for bad in ["mange", "13 prosjekter", "", "åttende"] {
        assert!(count(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn editions() {
    assert_eq!(edition("Utgave 1 – 2020"), Ok((1, Some(2020))));
    assert_eq!(edition("Utgave 12 - 2019"), Ok((12, Some(2019))));
    assert_eq!(edition("utgave 3/2021"), Ok((3, Some(2021))));
    assert!(edition("Utgave av rapporten").is_err());
}

#[test]
fn stated_counts_are_the_clause_that_states_them() {
    let text = "FoU-rapport 2023\n\nBidragsfinansierte prosjekter\n\n\
        Strategien nevner fire tematiske områder hvor vi trenger mer kunnskap. \
        Vi mottok i alt 20 skisser, hvorav sju gikk videre og fikk levere søknad. \
        Seks prosjekter ble ferdigstilt, og tre nye fikk tildelt midler.\n";
    let r = fou::parse(text).unwrap();
    let got: Vec<(u32, &str, &str)> = r
        .stated_counts
        .iter()
        .map(|c| (c.value, c.refers_to.as_str(), &*c.text))
        .collect();
    assert_eq!(
        got,
        [
            (4, "other", "Strategien nevner fire tematiske områder"),
            (20, "other", "Vi mottok i alt 20 skisser"),
            (7, "other", "hvorav sju gikk videre"),
            (6, "projects/bidrag", "Seks prosjekter ble ferdigstilt"),
            (3, "portfolio/bidrag/granted", "tre nye fikk tildelt midler"),
        ]
    );
    // Each span covers exactly its text in the input.
    for c in &r.stated_counts {
        assert_eq!(&text[c.span.start..c.span.end], c.text);
    }
}

/// Run the grammar named `name` over `input`, keeping only its error.
fn run(name: &str, input: &str) -> Result<(), GrammarError> {
    match name {
        "period" => period(input).map(drop),
        "date" => norwegian_date(input).map(drop),
        "count" => count(input).map(drop),
        "edition" => edition(input).map(drop),
        "authors" => authors(input).map(drop),
        "reference" => reference(input).map(drop),
        "phd" => phd_line(input).map(drop),
        "label" => check(label_parser, input).map(drop),
        _ => unreachable!("no grammar {name}"),
    }
}

/// Each grammar's error names what it expected (the innermost `context`) and
/// the byte where matching broke.
#[test]
fn errors_say_what_was_expected_and_where() {
    #[rustfmt::skip]
    let cases = [
        ("period", "(2019-20x1)", "`)` after the period", 8),
        ("period", "(20x9)", "a four-digit year", 1),
        ("period", "(2019-)", "a year after the dash", 6),
        ("period", "(2021-2019)", "a period that ends after it starts, within 30 years", 1),
        ("period", "", "a period like (2019-2021)", 0),
        ("period", "ca. 2020", "a period like (2019-2021)", 0),
        ("date", "30. marsj 2020", "a month name like `mars`", 4),
        ("date", "32. mars", "a day of the month, 1–31", 0),
        ("date", "12 mars", "`.` after the day", 2),
        ("count", "mange", "a number or a number word like `tretten`", 0),
        ("edition", "Utgave x", "an edition number", 7),
        ("edition", "Utgaven 2", "a space before the number", 6),
        ("edition", "Årgang 2", "`Utgave`, `Nummer` or `Nr.`", 0),
        ("authors", "Avdelingsdirektør", "`Av ` before the authors", 0),
        ("authors", "Av disse fikk midler: to", "names separated by `,` and `og`", 3),
        ("reference", "Hansen og Berg: Arbeid", "`(year)` after the authors", 0),
        ("reference", "Hansen (20x1): Tittel", "a year in parentheses", 8),
        ("reference", "Hansen (2020):", "a title", 14),
        ("phd", "Uten kandidat", "` Stipendiat ` before the candidate's name", 0),
        ("phd", ". Stipendiat Ola Hansen", "a thesis title", 0),
        ("phd", "Arbeid og alder. Stipendiat .", "the candidate's name", 28),
        ("label", "Tema", "a field label like `Tema:`", 0),
        ("label", "Funn: mange", "a field label like `Tema:`", 0),
    ];
    for (grammar, input, expected, offset) in cases {
        let err = run(grammar, input).expect_err(input);
        assert_eq!(
            (err.expected, err.offset),
            (expected, offset),
            "{grammar} {input:?}"
        );
        assert_eq!(err.input, input);
        assert_eq!(
            err.to_string(),
            format!("expected {expected} at byte {offset} of {input:?}")
        );
    }
    // The error's input is the trimmed input, so its offsets index that.
    let err = period("  (2019-20x1)  ").unwrap_err();
    assert_eq!((err.input.as_str(), err.offset), ("(2019-20x1)", 8));
}

/// Input left after a match is an error at the first byte left over;
/// white space around the whole input is not.
#[test]
fn leftover_input_is_an_error() {
    let leftovers: &[(Result<(), GrammarError>, usize)] = &[
        (period("(2019-2021) x").map(drop), 11),
        (period("2019-2021)").map(drop), 9),
        (count("13 prosjekter").map(drop), 2),
        (count("åttende").map(drop), 0),
        (norwegian_date("1. mars 2020 og").map(drop), 12),
        (edition("Utgave 2 – 20201").map(drop), 17),
    ];
    for (result, offset) in leftovers {
        let err = result.clone().unwrap_err();
        if *offset > 0 {
            assert_eq!(err.expected, "the end of the input", "{err}");
        }
        assert_eq!(err.offset, *offset, "{err}");
    }
    assert_eq!(count(" 13 "), Ok(13));
    assert_eq!(
        check(date_parser, "1. mars 2020 og").unwrap_err().offset,
        12
    );
    assert_eq!(check(count_parser, "tolv"), Ok(12));
}

/// Once a grammar is committed (after `(`, after `Av `, after ` Stipendiat `,
/// after `Utgave `) a mismatch is a `Failure`, which stops `alt` from trying
/// another branch; before that it is an `Error`.
#[test]
fn cut_commits_a_grammar() {
    use nom::Parser;
    use nom::combinator::{map, rest};

    fn is_failure<T: std::fmt::Debug>(r: nom::IResult<&str, T, Expected<'_>>) -> bool {
        matches!(r, Err(nom::Err::Failure(_)))
    }
    fn is_error<T: std::fmt::Debug>(r: nom::IResult<&str, T, Expected<'_>>) -> bool {
        matches!(r, Err(nom::Err::Error(_)))
    }
    assert!(is_error(period_parser("2019-2021")));
    assert!(is_failure(period_parser("(x)")));
    assert!(is_failure(period_parser("(2019-x)")));
    assert!(is_failure(period_parser("(2019-2021")));
    // A bare period is not committed by its dash: `1990-tallet` is the year 1990.
    assert_eq!(
        period_body::<Expected>("1990-tallet"),
        Ok((
            "-tallet",
            Period {
                start: 1990,
                end: 1990
            }
        ))
    );
    assert!(is_error(authors_parser("Avdelingsdirektør")));
    assert!(is_failure(authors_parser("Av disse: mange")));
    assert!(is_error(phd_line_parser("Uten kandidat")));
    assert!(is_failure(phd_line_parser("Tittel. Stipendiat .")));
    assert!(is_error(edition_parser("Utgaven")));
    assert!(is_failure(edition_parser("Utgave av rapporten")));
    assert!(is_error(reference_parser("Hansen: Tittel")));
    assert!(is_failure(reference_parser("Hansen (20x1): Tittel")));

    // `alt` falls back after an `Error`, not after a `Failure`.
    let mut author_line_or_text =
        nom::branch::alt((authors_parser::<Expected>, map(rest, |_| Vec::new())));
    assert_eq!(
        author_line_or_text.parse("Avdelingsdirektør"),
        Ok(("", vec![]))
    );
    assert!(matches!(
        author_line_or_text.parse("Av disse: mange"),
        Err(nom::Err::Failure(e)) if e.at == "disse: mange"
    ));
}

/// `find_all` reports non-overlapping matches that start and end at word
/// boundaries, with byte spans into the text.
#[test]
fn find_all_finds_whole_words() {
    let text = "Vi mottok 20 skisser, valgte ut tretten og ga midler til 4a og ti.";
    let counts: Vec<(&str, u32)> = find_all(count_parser, text)
        .into_iter()
        .map(|(start, end, v)| (&text[start..end], v))
        .collect();
    // `4a` ends inside a word; `ti` (ten) is a number word.
    assert_eq!(counts, [("20", 20), ("tretten", 13), ("ti", 10)]);

    // Not inside a word: `a12` and `x1. mars` hold no match.
    assert!(find_all(count_parser, "a12 b12c").is_empty());
    assert_eq!(
        find_all(date_parser, "x1. mars og 2. april 2021")
            .iter()
            .map(|d| (d.0, d.1, d.2.month, d.2.year))
            .collect::<Vec<_>>(),
        [(12, 25, 4, Some(2021))]
    );

    // Matches do not overlap: after `2020` the search resumes at the space.
    assert_eq!(
        find_all(period_body, "2019-2021 og 2020")
            .iter()
            .map(|m| (m.0, m.1))
            .collect::<Vec<_>>(),
        [(0, 9), (13, 17)]
    );

    // Empty matches are not reported.
    assert!(find_all(nom::character::complete::space0::<&str, ()>, "a b").is_empty());

    // find_dates is find_all(date_parser), but not after `.` or `,`.
    let text = "Frist 1. mars, utsatt til 2,1. april og 15. mai 2020.";
    let dates: Vec<&str> = find_dates(text).iter().map(|d| &text[d.0..d.1]).collect();
    assert_eq!(dates, ["1. mars", "15. mai 2020"]);
    assert_eq!(find_all(date_parser, text).len(), 3);
}

#[test]
fn labelled_fields() {
    for (line, label, value) in [
        (
            "Prosjekttittel: Tid for tiltak",
            Label::Title,
            "Tid for tiltak",
        ),
        ("FORSKNINGSINSTITUSJONER:\tUiO", Label::Institution, "UiO"),
        ("Tema :Arbeid", Label::Theme, "Arbeid"),
        ("Prosjektleder:", Label::Lead, ""),
    ] {
        let (got, at) = label_field(line).unwrap();
        assert_eq!((got, &line[at..]), (label, value), "{line:?}");
    }
    for line in ["Hovedfunnene er: mange", "Tema", "Temaer: to", ""] {
        assert_eq!(label_field(line), None, "{line:?}");
    }
}

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
            line: "Bruken av digital aktivitetsplan, Proba (2019-2021)",
            title: "Bruken av digital aktivitetsplan",
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
        author_list("Hansen, van der Berg og Klopstad Wahl"),
        ["Hansen", "van der Berg", "Klopstad Wahl"]
    );
    for bad in [
        "Avdelingsdirektør FoU",
        "Av disse fikk åtte prosjekter tildelt midler: mange",
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
    for bad in [
        "Hansen og Berg: Arbeid",
        "Hansen (20x1): Tittel",
        "(2020): Tittel, Journal",
        "Hansen (2020):",
    ] {
        assert!(reference(bad).is_err(), "{bad:?} is not a reference");
    }
}

#[test]
fn phd_lines() {
    let p = phd_line("Hva er arbeidsevne? Stipendiat Ola Nordmann, UiO.").unwrap();
    assert_eq!(
        (
            p.title.as_str(),
            p.candidate.as_str(),
            p.institution.as_deref()
        ),
        ("Hva er arbeidsevne?", "Ola Nordmann", Some("UiO"))
    );
    let p = phd_line("Ungdom og arbeid - en studie. Stipendiat Kari D'Souza, NTNU").unwrap();
    assert_eq!(p.title, "Ungdom og arbeid - en studie");
    assert_eq!(p.candidate, "Kari D'Souza");
    assert!(phd_line("Ungdom og arbeid. Ola Nordmann, NTNU").is_err());
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
    let found = find_dates("Fra 30. mars til 28. april 2020, og 2.5 prosent.");
    assert_eq!(
        found
            .iter()
            .map(|d| (d.2.day, d.2.month))
            .collect::<Vec<_>>(),
        [(30, 3), (28, 4)]
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
        Planen angir fire tematiske områder hvor vi trenger mer kunnskap. \
        Vi mottok i alt 20 skisser, hvorav sju gikk videre og fikk levere søknad. \
        Seks prosjekter ble ferdigstilt, og tre nye fikk tildelt midler.\n";
    let r = fou::parse(text).unwrap();
    let got: Vec<(u32, &str, &str)> = r
        .stated_counts
        .iter()
        .map(|c| (c.value, c.refers_to.as_str(), c.text.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (4, "other", "Planen angir fire tematiske områder"),
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

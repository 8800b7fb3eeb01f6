//! Project lists read wherever they stand (issue 11, part 1): our own
//! invented web pages in `examples/data/pages/`, each beside the result we
//! expect, written by hand from its text (`*.expected.json`).
//!
//! Every item is checked field by field — title, institution as written and
//! split, period, funding, theme, status, description, leader and the lines
//! it spans — and the diagnostics say what the text is (`not-a-report` a
//! warning when items were found, an error when none were).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

fn pages_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/data/pages")
}

/// Every sample page with its expected result.
fn pages() -> Vec<(PathBuf, Value)> {
    let mut out: Vec<_> = std::fs::read_dir(pages_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.to_string_lossy().ends_with(".expected.json"))
        .map(|p| {
            let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
            let expected = p.with_file_name(format!("{stem}.expected.json"));
            let text = std::fs::read_to_string(&expected)
                .unwrap_or_else(|e| panic!("{}: {e}", expected.display()));
            (p, serde_json::from_str(&text).unwrap())
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn parse(path: &Path) -> Value {
    serde_json::to_value(fou::parse_file(path).unwrap()).unwrap()
}

/// The fields of an item the expected files give.
fn item_fields(found: &Value) -> Value {
    let mut v = json!({});
    for k in [
        "title",
        "institution_raw",
        "institutions",
        "period",
        "funding",
        "theme",
        "status",
        "description",
        "leader",
    ] {
        v[k] = found[k].clone();
    }
    v["lines"] = json!([found["span"]["line_start"], found["span"]["line_end"]]);
    v
}

#[test]
fn there_is_a_page_of_every_shape() {
    let names: Vec<String> = pages()
        .iter()
        .map(|(p, _)| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(names.len() >= 7, "{names:?}");
    let statuses: std::collections::BTreeSet<String> = pages()
        .iter()
        .flat_map(|(_, e)| e["portfolio"].as_array().unwrap().clone())
        .map(|i| i["status"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        statuses.into_iter().collect::<Vec<_>>(),
        ["granted", "ongoing", "shortlisted"]
    );
}

#[test]
fn every_item_of_every_page_is_read_as_written() {
    for (path, expected) in pages() {
        let found = parse(&path);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let got: Vec<Value> = found["portfolio"]
            .as_array()
            .unwrap()
            .iter()
            .map(item_fields)
            .collect();
        let want = expected["portfolio"].as_array().unwrap();
        for (n, (g, w)) in got.iter().zip(want).enumerate() {
            assert_eq!(g, w, "{name}: item {n}");
        }
        assert_eq!(got.len(), want.len(), "{name}: number of items");
        for kind in ["projects", "analyses", "publications", "phd", "vendors"] {
            assert_eq!(found[kind], json!([]), "{name}: {kind}");
        }
    }
}

#[test]
fn the_diagnostics_say_what_each_page_is() {
    for (path, expected) in pages() {
        let found = parse(&path);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let mut got: Vec<(String, String)> = found["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| (d["severity"].to_string(), d["code"].to_string()))
            .collect();
        let mut want: Vec<(String, String)> = expected["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| (d["severity"].to_string(), d["code"].to_string()))
            .collect();
        got.sort();
        want.sort();
        assert_eq!(got, want, "{name}");
        // Items found: the text is no report, but that is no error.
        let items = !found["portfolio"].as_array().unwrap().is_empty();
        let not_a_report = found["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == "not-a-report")
            .unwrap_or_else(|| panic!("{name}: says it is no report"));
        let severity = if items { "warning" } else { "error" };
        assert_eq!(not_a_report["severity"], severity, "{name}");
    }
}

#[test]
fn the_outline_keeps_the_page_headings_and_no_item_lines() {
    for (path, expected) in pages() {
        let found = parse(&path);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let outline: Vec<&str> = found["outline"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["title"].as_str().unwrap())
            .collect();
        for h in expected["outline"].as_array().unwrap() {
            assert!(
                outline.contains(&h.as_str().unwrap()),
                "{name}: {h} missing from {outline:?}"
            );
        }
        for item in found["portfolio"].as_array().unwrap() {
            let title = item["title"].as_str().unwrap();
            let is_page_title = expected["outline"][0] == title;
            assert!(
                is_page_title || !outline.iter().any(|h| h.starts_with(title)),
                "{name}: item {title:?} is in the outline"
            );
        }
    }
}

/// Invented prose with commas, years and parentheses, in the shapes a
/// project line has, gives no items.
#[test]
fn prose_with_commas_and_years_gives_no_items() {
    let texts = [
        "Om oss\n\nNAV har siden 2006 finansiert forskning, og i 2019 kom en ny strategi (se vedlegg).\n\nVi samarbeider med mange, blant annet universiteter og institutter.\n",
        "Nyheter\n\n- Ny rapport om ledighet, publisert i dag (2023)\n- Seminar om sykefravær, Oslo, 12. mai\n- Vi søker rådgivere, søknadsfrist 1. mars\n",
        "Kontakt\n\nSentralbord: 55 55 33 33\nAdresse: Postboks 1, 0001 Oslo\nÅpningstider: 08-16\n",
        "Prosjektet vårt\n\nVi har jobbet med dette siden 2018, sammen med kolleger i Bergen og Tromsø. Resultatene kommer i 2024.\n",
    ];
    for text in texts {
        let r = fou::parse(text).unwrap();
        assert!(r.portfolio.is_empty(), "{text:?}: {:?}", r.portfolio);
        assert!(r.projects.is_empty(), "{text:?}: {:?}", r.projects);
        assert!(
            r.diagnostics
                .iter()
                .any(|d| d.code.as_str() == "not-a-report" && d.severity == fou::Severity::Error),
            "{text:?}"
        );
    }
}

/// A page with label lines that do not name an institution, or that name
/// two projects' fields, gives nothing: a single project is never guessed.
#[test]
fn a_single_project_needs_its_fields() {
    let no_institution = "Et prosjekt om bolig\n\nVi ser på bostøtte.\n\nPeriode: 2021-2023\nProsjektleder: Ola Fjellstad\n";
    assert!(fou::parse(no_institution).unwrap().portfolio.is_empty());
    let two = "Prosjekter\n\nInstitusjon: Velferdsforsk\nPeriode: 2021-2023\n\nInstitusjon: Nordlys analyse\nPeriode: 2022-2024\n";
    assert!(fou::parse(two).unwrap().portfolio.is_empty());
    let finished = "Et avsluttet prosjekt\n\nInstitusjon: Velferdsforsk\nPeriode: 2018-2020\nStatus: Avsluttet\n";
    assert!(fou::parse(finished).unwrap().portfolio.is_empty());
}

/// A field's value that ends its sentence (`Periode: 2021–2024.`) reads as
/// it does without the stop: the page is one project with its period,
/// with or without a leader.
#[test]
fn a_single_projects_period_may_end_in_a_full_stop() {
    let page = "Bedre overganger til arbeid\n\nProsjektet ser på unge.\n\nInstitusjon: Velferdsforsk\nPeriode: 2021–2024.\n";
    let with_leader = page.replace("Periode", "Prosjektleder: Ola Fjellstad\nPeriode");
    for text in [page, with_leader.as_str()] {
        let r = fou::parse(text).unwrap();
        assert_eq!(r.portfolio.len(), 1, "{text:?}");
        let period = r.portfolio[0].period.map(|p| (p.start, p.end));
        assert_eq!(period, Some((2021, 2024)), "{text:?}");
    }
}

/// The real reports' lists are unchanged: their items have no description
/// or leader (the lists give none).
#[test]
fn report_lists_give_no_description_or_leader() {
    for path in fou_tests::corpus_paths() {
        let r = fou::parse_file(&path).unwrap();
        assert!(!r.portfolio.is_empty(), "{}", path.display());
        for p in &r.portfolio {
            assert!(p.description.is_empty() && p.leader.is_none(), "{p:?}");
            assert_ne!(p.status, fou::PortfolioStatus::Shortlisted, "{p:?}");
        }
    }
}

/// A list numbered `1.`, `2)` reads as the same list with bullets, in
/// Markdown (where the items were run together into one paragraph) and in
/// plain text (where none was read), wrapped or not; the numbered headings
/// around it stay headings, and the count the text states is met.
#[test]
fn a_numbered_list_reads_as_the_bulleted_one() {
    let items = "1. Arbeid og helse blant unge voksne og deres\n   familier, Velferdsforsk (2022-2025)\n2. Tiltak for langtidsledige, Nordlys\n   analyse (2021-2024)\n3) Inkludering i arbeidslivet, Fjellby forskning (2023-2026)\n";
    let bulleted = items
        .replace("1. ", "- ")
        .replace("2. ", "- ")
        .replace("3) ", "- ");
    let text = |heads: &str, list: &str| {
        format!(
            "{heads}FoU-rapport 2023\n\n{heads}1. Innledning\n\nNAV finansierte tre prosjekter i 2023.\n\n{heads}2. Pågående prosjekter\n\n{list}\n{heads}3. Andre aktiviteter\n\nIngen.\n"
        )
    };
    let read = |t: &str| {
        let r = fou::parse(t).unwrap();
        let items: Vec<_> = r
            .portfolio
            .iter()
            .map(|p| {
                (
                    p.title.to_string(),
                    format!("{:?}", p.institutions),
                    p.period,
                )
            })
            .collect();
        let outline: Vec<_> = r.outline.iter().map(|h| h.title.to_string()).collect();
        let missed = r.diagnostics.iter().any(|d| d.code == "count-mismatch");
        (items, outline, missed)
    };
    for heads in ["", "# "] {
        let numbered = read(&text(heads, items));
        assert_eq!(numbered, read(&text(heads, &bulleted)), "{heads:?}");
        assert_eq!(numbered.0.len(), 3, "{numbered:?}");
        assert_eq!(
            numbered.0[0].0,
            "Arbeid og helse blant unge voksne og deres familier"
        );
        assert!(
            numbered.1.contains(&"1. Innledning".to_owned()),
            "{numbered:?}"
        );
        assert!(!numbered.2, "{numbered:?}");
    }
}

/// A pipe table whose header names titles and institutions or periods lists
/// projects, a row an item, its columns in any order: status and funding
/// from the sentence before it, the theme from a column or the heading
/// above, a leader from its column. A table of something else gives none.
#[test]
fn a_table_of_projects_reads_as_a_list_of_them() {
    let text = "# FoU-rapport 2025\n\n## Pågående bidragsprosjekter\n\n\
        NAV har tre pågående bidragsfinansierte prosjekter.\n\n### Arbeid og helse\n\n\
        | Prosjekt | Forskningsmiljø | Periode |\n|---|---|:---:|\n\
        | Unge i jobb | Velferdsforsk | 2022–2025 |\n\
        | **Tolk i kontoret** | Nordlys analyse og Fjellby forskning | (2021-2024) |\n\
        | Lang vei hjem | Dalen institutt |  |\n\n\
        ## Nye prosjekter\n\nI 2025 ble to oppdragsprosjekter tildelt midler:\n\n\
        | Periode | Tema | Tittel | Prosjektleder | Institusjon |\n|--|--|--|--|--|\n\
        | 2025-2027 | Bolig | Bostøtte og flytting | Ola Fjellstad | Velferdsforsk |\n\
        | 2025-2026 | Helse | Sykefravær i små bedrifter | Kari Dal | Nordlys analyse |\n\n\
        ## Budsjett\n\n| Post | Beløp |\n|---|---|\n| Prosjekt A | 2 mill. |\n";
    let r = fou::parse(text).unwrap();
    let items: Vec<_> = r
        .portfolio
        .iter()
        .map(|p| {
            let period = p.period.map(|p| (p.start, p.end));
            let institutions: Vec<&str> = p.institutions.iter().map(|i| i.as_ref()).collect();
            (
                p.title.as_ref(),
                institutions,
                period,
                p.theme.as_deref(),
                p.leader.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        items,
        [
            (
                "Unge i jobb",
                vec!["Velferdsforsk"],
                Some((2022, 2025)),
                Some("Arbeid og helse"),
                None
            ),
            (
                "Tolk i kontoret",
                vec!["Nordlys analyse", "Fjellby forskning"],
                Some((2021, 2024)),
                Some("Arbeid og helse"),
                None
            ),
            (
                "Lang vei hjem",
                vec!["Dalen institutt"],
                None,
                Some("Arbeid og helse"),
                None
            ),
            (
                "Bostøtte og flytting",
                vec!["Velferdsforsk"],
                Some((2025, 2027)),
                Some("Bolig"),
                Some("Ola Fjellstad")
            ),
            (
                "Sykefravær i små bedrifter",
                vec!["Nordlys analyse"],
                Some((2025, 2026)),
                Some("Helse"),
                Some("Kari Dal")
            ),
        ]
    );
    let status: Vec<_> = r.portfolio.iter().map(|p| (p.status, p.funding)).collect();
    use fou::{Funding::*, PortfolioStatus::*};
    assert_eq!(
        status,
        [
            (Ongoing, Some(Bidrag)),
            (Ongoing, Some(Bidrag)),
            (Ongoing, Some(Bidrag)),
            (Granted, Some(Oppdrag)),
            (Granted, Some(Oppdrag))
        ]
    );
    // Each item spans its row; the stated counts are met.
    assert_eq!(r.portfolio[0].span.line_start, 11);
    assert_eq!(r.portfolio[4].span.line_start, 22);
    let codes: Vec<_> = r.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert!(!codes.contains(&"count-mismatch"), "{codes:?}");
}

/// A table as a PDF converter gives it: its header repeated after a page
/// number, a row cut in two by the page (`2023-` over `2025`, the title's
/// last word on the next row), and a header cell a narrow column broke
/// (`Perio` over `de`). Each project is one item, read whole.
#[test]
fn a_table_cut_by_pages_reads_as_the_whole_table() {
    let text = "# FoU-rapport 2025\n\n## Pågående bidragsprosjekter\n\n\
        NAV har tre pågående bidragsfinansierte prosjekter:\n\n\
        |Prosjekt|Forskningsmiljø|Periode|\n|---|---|---|\n\
        |Unge i jobb|Velferdsforsk|2022-<br>2025|\n\n3\n\n\
        |Prosjekt|Forskningsmiljø|Periode|\n|---|---|---|\n\
        |Bostøtte og flytting blant unge|Nordlys analyse|2023-|\n|voksne||2026|\n\
        |Tolk i kontoret|Dalen institutt|2021-2024|\n\n\
        ## Nye prosjekter\n\nI 2025 ble ett prosjekt tildelt midler:\n\n\
        |Perio|||\n|---|---|---|\n|de|Tittel|Institusjon|\n\
        |2025-2027|Sykefravær i små bedrifter|Fjellby forskning|\n";
    let r = fou::parse(text).unwrap();
    let items: Vec<_> = r
        .portfolio
        .iter()
        .map(|p| {
            let period = p.period.map(|p| (p.start, p.end));
            let span = (p.span.line_start, p.span.line_end);
            (p.title.as_ref(), p.institution_raw.as_deref(), period, span)
        })
        .collect();
    assert_eq!(
        items,
        [
            (
                "Unge i jobb",
                Some("Velferdsforsk"),
                Some((2022, 2025)),
                (9, 9)
            ),
            (
                "Bostøtte og flytting blant unge voksne",
                Some("Nordlys analyse"),
                Some((2023, 2026)),
                (15, 16)
            ),
            (
                "Tolk i kontoret",
                Some("Dalen institutt"),
                Some((2021, 2024)),
                (17, 17)
            ),
            (
                "Sykefravær i små bedrifter",
                Some("Fjellby forskning"),
                Some((2025, 2027)),
                (26, 26)
            ),
        ]
    );
    let codes: Vec<_> = r.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert!(!codes.contains(&"count-mismatch"), "{codes:?}");
}

/// A line of a table laid out as columns of text: each cell put at its
/// column's character column `at`, as converters lay out a table's columns.
fn laid_out(at: &[usize], cells: &[&str]) -> String {
    let mut line = String::new();
    for (&col, cell) in at.iter().zip(cells) {
        let width = line.chars().count();
        if !cell.is_empty() {
            line.extend(std::iter::repeat_n(' ', col.saturating_sub(width)));
            line.push_str(cell);
        }
    }
    line + "\n"
}

/// A portfolio item's title, institutions and period.
type Item = (String, Vec<String>, Option<(i32, i32)>);

/// The portfolio a text gives: title, institutions and period (and no
/// count the text states that it misses).
fn portfolio_of(text: &str, format: fou::Format) -> Vec<Item> {
    let options = fou::Options::default().with_format(format);
    let r = fou::parse_with(text, &options).unwrap();
    let codes: Vec<_> = r.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert!(!codes.contains(&"count-mismatch"), "{codes:?}\n{text}");
    r.portfolio
        .iter()
        .map(|p| {
            let institutions = p.institutions.iter().map(|i| i.to_string()).collect();
            let period = p.period.map(|p| (p.start, p.end));
            (p.title.to_string(), institutions, period)
        })
        .collect()
}

/// A table of projects laid out as columns of text reads as the same
/// table with pipes: pandoc's multiline table (rules, dash groups, rows
/// parted by blank lines, in Markdown and in plain text; its grid table,
/// borders of `+`s and dashes and `|` between cells), pdftotext
/// -layout's columns (a header cell a narrow column broke, periods stacked
/// in their column, words broken with a hyphen, the header repeated after
/// a page number) and w3m's (the header centred over its columns, a row's
/// short cells in the middle of its height: a cell's text after the row
/// above's cell in that column ended is the next row's); a table copied
/// from a web page, its cells parted by tabs, after a blank line or right
/// under its intro; a table in HTML (pandoc's CommonMark writer).
#[test]
fn a_table_laid_out_as_columns_reads_as_its_pipe_table() {
    let head = "FoU-rapport 2025\n\nPågående bidragsprosjekter\n\n\
        NAV har tre pågående bidragsfinansierte prosjekter:\n\n";
    let pipes = format!(
        "{head}| Prosjekt | Forskningsmiljø | Periode |\n|---|---|---|\n\
        | Unge i jobb etter sykefravær | Velferdsforsk | 2022-2025 |\n\
        | Tolk i kontoret | Nordlys analyse, Fjellby forskning og Dalen institutt | 2021-2024 |\n\
        | Lang vei hjem for unge sykmeldte | Dalen institutt | 2023-2026 |\n\n\
        Avsluttede prosjekter\n\nIngen prosjekter ble avsluttet.\n"
    );
    let expected = portfolio_of(&pipes, fou::Format::Markdown);
    assert_eq!(expected.len(), 3, "{expected:?}");
    assert_eq!(expected[1].1.len(), 3, "{expected:?}");

    let at = [2, 27, 47];
    let rule = format!("  {}\n", "-".repeat(55));
    let pandoc = [
        rule.clone(),
        laid_out(&at, &["Prosjekt", "Forskningsmiljø", "Periode"]),
        laid_out(
            &at,
            &["-".repeat(24).as_str(), &"-".repeat(19), &"-".repeat(10)],
        ),
        laid_out(&at, &["Unge i jobb etter", "Velferdsforsk", "2022-2025"]),
        laid_out(&at, &["sykefravær", "", ""]),
        "\n".into(),
        laid_out(&at, &["Tolk i kontoret", "Nordlys analyse,", "2021-2024"]),
        laid_out(&at, &["", "Fjellby forskning og", ""]),
        laid_out(&at, &["", "Dalen institutt", ""]),
        "\n".into(),
        laid_out(
            &at,
            &["Lang vei hjem for unge", "Dalen institutt", "2023-2026"],
        ),
        laid_out(&at, &["sykmeldte", "", ""]),
        rule,
    ]
    .concat();

    let at = [0, 25, 48];
    let layout = [
        laid_out(&at, &["", "", "Perio"]),
        laid_out(&at, &["Prosjekt", "Forskningsmiljø", "de"]),
        laid_out(&at, &["Unge i jobb etter", "Velferds-", "2022-"]),
        laid_out(&at, &["sykefravær", "forsk", "2025"]),
        laid_out(&at, &["Tolk i kontoret", "Nordlys analyse,", "2021"]),
        laid_out(&at, &["", "Fjellby forskning og", "-"]),
        laid_out(&at, &["", "Dalen institutt", "2024"]),
        "\n                  3\n".into(),
        laid_out(&at, &["Prosjekt", "Forskningsmiljø", "Periode"]),
        laid_out(&at, &["Lang vei hjem for unge", "Dalen institutt", "2023-"]),
        laid_out(&at, &["sykmeldte", "", "2026"]),
        // (a caption right under the table: it fits the columns, and is
        // no row of a project)
        "Kilde: NAV\n".into(),
    ]
    .concat();

    let at = [0, 30, 51];
    let w3m = [
        laid_out(&[11, 33, 52], &["Prosjekt", "Forskningsmiljø", "Periode"]),
        laid_out(&at, &["Unge i jobb etter", "Velferdsforsk", "2022-2025"]),
        laid_out(&at, &["sykefravær", "", ""]),
        laid_out(&at, &["", "Nordlys analyse,", ""]),
        laid_out(
            &at,
            &["Tolk i kontoret", "Fjellby forskning og", "2021-2024"],
        ),
        laid_out(&at, &["", "Dalen institutt", ""]),
        laid_out(
            &at,
            &["Lang vei hjem for unge", "Dalen institutt", "2023-2026"],
        ),
        laid_out(&at, &["sykmeldte", "", ""]),
    ]
    .concat();

    let tabs = "Prosjekt\tForskningsmiljø\tPeriode\n\
        Unge i jobb etter sykefravær\tVelferdsforsk\t2022-2025\n\
        Tolk i kontoret\tNordlys analyse, Fjellby forskning og Dalen institutt\t2021-2024\n\
        Lang vei hjem for unge sykmeldte\tDalen institutt\t2023-2026\n"
        .to_owned();
    // (the intro right above the table, no blank line between)
    let tabs_under_intro = format!("\x08{tabs}");

    // pandoc's grid table: borders of `+`s and dashes, `|` between cells.
    let widths = [24, 21, 11];
    let border = |c: char| {
        let cells: Vec<String> = widths.iter().map(|&w| c.to_string().repeat(w)).collect();
        format!("+{}+\n", cells.join("+"))
    };
    let cells = |texts: [&str; 3]| {
        let cells: Vec<String> = widths
            .iter()
            .zip(texts)
            .map(|(&w, t)| format!(" {t:<width$}", width = w - 1))
            .collect();
        format!("|{}|\n", cells.join("|"))
    };
    let grid = [
        border('-'),
        cells(["Prosjekt", "Forskningsmiljø", "Periode"]),
        border('='),
        cells(["Unge i jobb etter", "Velferdsforsk", "2022-2025"]),
        cells(["sykefravær", "", ""]),
        border('-'),
        cells(["Tolk i kontoret", "Nordlys analyse,", "2021-2024"]),
        cells(["", "Fjellby forskning og", ""]),
        cells(["", "Dalen institutt", ""]),
        border('-'),
        cells(["Lang vei hjem for unge", "Dalen institutt", "2023-2026"]),
        cells(["sykmeldte", "", ""]),
        border('-'),
    ]
    .concat();

    // pandoc's CommonMark writer: the table in HTML.
    let html = "<table>\n<thead>\n<tr class=\"header\">\n<th>Prosjekt</th>\n\
        <th>Forskningsmiljø</th>\n<th>Periode</th>\n</tr>\n</thead>\n<tbody>\n\
        <tr class=\"odd\">\n<td>Unge i jobb etter\nsykefravær</td>\n<td>Velferdsforsk</td>\n\
        <td>2022-2025</td>\n</tr>\n<tr class=\"even\">\n<td>Tolk i kontoret</td>\n\
        <td><p>Nordlys analyse, Fjellby forskning</p>\n<p>og Dalen institutt</p></td>\n\
        <td>2021-2024</td>\n</tr>\n<tr class=\"odd\">\n\
        <td>Lang vei hjem for unge sykmeldte</td>\n<td>Dalen institutt</td>\n\
        <td>2023-2026</td>\n</tr>\n</tbody>\n</table>\n"
        .to_owned();

    let tail = "\nAvsluttede prosjekter\n\nIngen prosjekter ble avsluttet.\n";
    for (name, table, format) in [
        ("HTML in Markdown", &html, fou::Format::Markdown),
        ("pandoc grid table, Markdown", &grid, fou::Format::Markdown),
        ("pandoc grid table, plain", &grid, fou::Format::Plain),
        ("copied from a web page, tabs", &tabs, fou::Format::Plain),
        (
            "tabs under the intro",
            &tabs_under_intro,
            fou::Format::Plain,
        ),
        ("pandoc, plain", &pandoc, fou::Format::Plain),
        ("pandoc, Markdown", &pandoc, fou::Format::Markdown),
        ("pdftotext -layout", &layout, fou::Format::Plain),
        ("w3m", &w3m, fou::Format::Plain),
    ] {
        let text = format!("{head}{table}{tail}").replace("\n\n\x08", "\n");
        assert_eq!(portfolio_of(&text, format), expected, "{name}:\n{text}");
    }
}

/// Lines spaced wide that head no table of projects are text as before: a
/// line of running text with runs of spaces between its words (a justified
/// line), and a table of something else laid out as columns.
#[test]
fn wide_spaced_lines_that_head_no_table_of_projects_stay_text() {
    let text = "Prosjektet  har  vart  i  perioden  2020  til  2022\n\n\
        Post           Beløp\nDrift          2 mill.\nProsjekter     5 mill.\n";
    let blocks = fou::internals::split_blocks(text, fou::Format::Plain);
    let kinds: Vec<_> = blocks.iter().map(|b| b.kind).collect();
    assert!(
        !kinds.contains(&fou::blocks::BlockKind::TableRow { header: true }),
        "{kinds:?}"
    );
    assert_eq!(
        blocks[0].text(),
        "Prosjektet  har  vart  i  perioden  2020  til  2022"
    );
}

/// The funding a paragraph names above the lists of its themes (`NAV har
/// tre pågående bidragsfinansierte prosjekter.` + `### Arbeid og helse` +
/// list) is the lists' funding, up to the next paragraph that introduces
/// projects; the counts the paragraphs state are then met.
#[test]
fn the_funding_an_intro_names_above_theme_headings_is_the_lists() {
    let text = "# FoU-rapport 2025\n\n## Prosjektporteføljen\n\n\
        NAV har tre pågående bidragsfinansierte prosjekter.\n\n\
        ### Arbeid og helse\n\n- Unge i jobb, Velferdsforsk (2022-2025)\n\
        - Tolk i kontoret, Nordlys analyse (2021-2024)\n\n\
        ### Sosiale tjenester\n\n- Lang vei hjem, Dalen institutt (2023-2026)\n\n\
        NAV har også to pågående oppdragsprosjekter.\n\n### Bolig\n\n\
        - Bostøtte i byen, Fjellby forskning (2024-2026)\n\
        - Bostøtte på landet, Fjellby forskning (2024-2026)\n";
    let r = fou::parse(text).unwrap();
    use fou::Funding::*;
    let funding: Vec<_> = r.portfolio.iter().map(|p| p.funding).collect();
    assert_eq!(
        funding,
        [
            Some(Bidrag),
            Some(Bidrag),
            Some(Bidrag),
            Some(Oppdrag),
            Some(Oppdrag)
        ]
    );
    let codes: Vec<_> = r.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert!(!codes.contains(&"count-mismatch"), "{codes:?}");
}

/// A table laid out as columns whose header names titles but no
/// institutions or periods (`Årsverk` is no `År`) lists no projects, and
/// a row whose "period" is no period is none.
#[test]
fn a_table_of_person_years_lists_no_projects() {
    let text = "Pågående prosjekter\n\nProsjekter     Årsverk  Beløp\n\
        Sykefravær     12       3 mill.\nArbeidsmarked  4        1 mill.\n";
    let r = fou::parse(text).unwrap();
    assert!(r.portfolio.is_empty(), "{:?}", r.portfolio);
}

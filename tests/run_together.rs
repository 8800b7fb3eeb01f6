//! Lists run together on one line (issue 10): an invented report whose
//! portfolio a converter ran together — bullets in mid-line, no glyph at all
//! between `Title, Institution (period)` items, ` - ` between items — as
//! Markdown on one line and as plain text wrapped over two lines
//! (`fixtures/run-together/`). Every item is found with its own span, and a
//! sentence with a period in parentheses after the list stays prose.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use fou::blocks::RepairKind;

/// `(title, institution, start year, end year, theme)` of every portfolio
/// item, written by hand from the fixture.
const EXPECTED: [(&str, &str, i32, i32, &str); 7] = [
    (
        "Arbeid i nord",
        "Fjellby forskning",
        2029,
        2031,
        "Arbeid og helse",
    ),
    (
        "Tillit til veiledere",
        "Dalen institutt",
        2030,
        2032,
        "Arbeid og helse",
    ),
    (
        "Unge uten jobb",
        "Høgskolen i Fjellby",
        2030,
        2033,
        "Arbeid og helse",
    ),
    (
        "Språk og arbeid",
        "Nordvik analyse",
        2029,
        2032,
        "Inkludering",
    ),
    (
        "Tiltak for eldre",
        "Fjellby forskning og Dalen institutt",
        2030,
        2031,
        "Inkludering",
    ),
    (
        "Barn i lavinntektsfamilier",
        "Dalen institutt",
        2029,
        2031,
        "Familie og velferd",
    ),
    (
        "Bolig og helse",
        "Nordvik analyse",
        2030,
        2032,
        "Familie og velferd",
    ),
];

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/run-together")
        .join(name)
}

/// Text folded as the golden tests fold it: white space single.
fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn check(name: &str) {
    let path = fixture(name);
    let text = std::fs::read_to_string(&path).unwrap();
    let report = fou::parse_file(&path).unwrap();
    let got: Vec<_> = report
        .portfolio
        .iter()
        .map(|p| {
            let period = p.period.as_ref().expect("a period");
            (
                &*p.title,
                p.institution_raw.as_deref().unwrap_or(""),
                period.start,
                period.end,
                p.theme.as_deref().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(got, EXPECTED, "{name}");
    // Each item's span is its own text (the first keeps its line's bullet).
    for (p, &(title, inst, s, e, _)) in report.portfolio.iter().zip(&EXPECTED) {
        let spanned = fold(&text[p.span.start..p.span.end]);
        let own = format!("{title}, {inst} ({s}-{e})");
        assert!(
            spanned == own
                || spanned.ends_with(&format!(" {own}")) && spanned.len() <= own.len() + 4,
            "{name}: span {spanned:?} is not {own:?}"
        );
    }
    // The stated count agrees: no diagnostic says items are missing.
    assert!(
        report.diagnostics.is_empty(),
        "{name}: {:?}",
        report.diagnostics
    );
}

#[test]
fn a_portfolio_run_together_on_one_line_is_read_item_by_item() {
    check("portfolio.md");
}

#[test]
fn a_portfolio_run_together_and_wrapped_is_read_item_by_item() {
    check("portfolio.txt");
}

#[test]
fn every_cut_is_a_list_split_repair_and_the_prose_is_not_cut() {
    for name in ["portfolio.md", "portfolio.txt"] {
        let text = std::fs::read_to_string(fixture(name)).unwrap();
        let src = fou::Source::from_text(&text);
        let ex = fou::explain(&src, &fou::Options::default());
        let cuts = ex
            .repairs
            .iter()
            .filter(|r| r.kind == RepairKind::ListSplit)
            .count();
        // Two glyphs, one period boundary, one dash: four cuts.
        assert_eq!(cuts, 4, "{name}");
        let prose = ex
            .blocks
            .iter()
            .find(|(b, _)| b.text().starts_with("Prosjektet om barn"))
            .expect("the sentence after the list");
        assert!(
            prose.0.text().ends_with("etter planen."),
            "{name}: {}",
            prose.0.text()
        );
    }
}

//! PDF text with running headers and footers on every page: they are page
//! furniture, and the report reads the same as without them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

fn fixture(name: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/renderings")
        .join(name);
    std::fs::read_to_string(p).unwrap()
}

fn titles(r: &fou::Report) -> Vec<String> {
    let mut v: Vec<String> = r
        .projects
        .iter()
        .map(|p| format!("{} | {:?} | {:?}", p.title, p.institution_raw, p.theme))
        .collect();
    v.extend(
        r.portfolio
            .iter()
            .map(|p| format!("{} | {:?} | {:?}", p.title, p.theme, p.period)),
    );
    v.extend(
        r.analyses
            .iter()
            .map(|a| format!("{} | {:?}", a.title, a.authors)),
    );
    v.extend(
        r.phd
            .iter()
            .map(|p| format!("{} | {}", p.title, p.candidate)),
    );
    v.extend(r.vendors.iter().map(|p| p.name.to_string()));
    v
}

fn with_running_lines(text: &str, header: &str) -> String {
    let pages: Vec<&str> = text.split('\u{c}').collect();
    let n = pages.len();
    pages
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{header}\n\n{p}\nSide {} av {n}\n", i + 1))
        .collect::<Vec<_>>()
        .join("\u{c}")
}

#[test]
fn running_headers_and_footers_are_page_furniture() {
    for (name, header) in [
        ("sample-2021/pdftotext.txt", "Årsrapport FoU – NAV"),
        ("sample-2023/pdftotext.txt", "NAV FoU-årsrapport 2023"),
        ("sample-2021/pdftotext-layout.txt", "Årsrapport FoU – NAV"),
    ] {
        let text = fixture(name);
        assert!(text.matches('\u{c}').count() >= 3, "{name} has pages");
        let plain = fou::parse(&text).unwrap();
        let paged = with_running_lines(&text, header);
        let src = fou::Source::from_text(&paged);
        let fou::Explained { report, blocks, .. } = fou::explain(&src, &fou::Options::default());
        assert_eq!(titles(&report), titles(&plain), "{name}");
        assert!(!titles(&plain).is_empty());
        let furniture: Vec<&str> = blocks
            .iter()
            .filter(|(_, part)| *part == fou::Part::Furniture)
            .map(|(b, _)| {
                paged[b.start..b.end].trim_matches(|c: char| c.is_whitespace() || c == '\u{c}')
            })
            .collect();
        assert!(
            furniture.iter().filter(|t| t.starts_with("Side ")).count() >= 3,
            "{name}: {furniture:?}"
        );
        assert!(furniture.contains(&header), "{name}: {furniture:?}");
    }
}

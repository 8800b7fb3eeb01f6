//! The public API's small promises: orders, names and parsing of the enums
//! a user matches or compares on, and what `Diagnostic::render` prints.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fou::Severity;

#[test]
fn severity_orders_info_below_warning_below_error() {
    let mut all = [Severity::Error, Severity::Info, Severity::Warning];
    all.sort();
    assert_eq!(all, [Severity::Info, Severity::Warning, Severity::Error]);
    assert!(Severity::Info < Severity::Warning);
    assert!(Severity::Warning < Severity::Error);
    assert!(Severity::Info < Severity::Error);
    assert_eq!(all.iter().max(), Some(&Severity::Error));
    // "at least a warning" keeps warnings and errors
    let serious: Vec<_> = all.iter().filter(|s| **s >= Severity::Warning).collect();
    assert_eq!(serious, [&Severity::Warning, &Severity::Error]);
    // the order is not the JSON: names stay as they are
    let names: Vec<String> = all
        .iter()
        .map(|s| serde_json::to_string(s).unwrap())
        .collect();
    assert_eq!(names, ["\"info\"", "\"warning\"", "\"error\""]);
}

/// The JSON name of every code, written out here once more by hand: the
/// names are the contract and must not change.
const CODE_NAMES: [(fou::DiagnosticCode, &str); 18] = {
    use fou::DiagnosticCode as C;
    [
        (C::Encoding, "encoding"),
        (C::DecodeReplaced, "decode-replaced"),
        (C::EncodingMixed, "encoding-mixed"),
        (C::NoTitle, "no-title"),
        (C::NoYear, "no-year"),
        (C::NotAReport, "not-a-report"),
        (C::GenericSection, "generic-section"),
        (C::CountMismatch, "count-mismatch"),
        (C::InvalidDate, "invalid-date"),
        (C::AnalysisWithoutTitle, "analysis-without-title"),
        (C::TocSectionMissing, "toc-section-missing"),
        (C::EmptyListSection, "empty-list-section"),
        (C::Incomplete, "incomplete"),
        (C::OngoingPastEnd, "ongoing-past-end"),
        (C::DuplicateItem, "duplicate-item"),
        (C::PeriodConflict, "period-conflict"),
        (C::DuplicateText, "duplicate-text"),
        (C::UnknownInstitution, "unknown-institution"),
    ]
};

#[test]
fn every_diagnostic_code_serialises_to_its_documented_name() {
    assert_eq!(fou::DiagnosticCode::ALL.len(), CODE_NAMES.len());
    for (code, name) in CODE_NAMES {
        assert!(fou::DiagnosticCode::ALL.contains(&code), "{code:?}");
        assert_eq!(code.as_str(), name);
        assert_eq!(code.to_string(), name);
        assert_eq!(
            serde_json::to_value(code).unwrap(),
            serde_json::Value::from(name)
        );
        let back: fou::DiagnosticCode = serde_json::from_value(name.into()).unwrap();
        assert_eq!(back, code);
        assert_eq!(name.parse::<fou::DiagnosticCode>(), Ok(code));
        assert!(code == name);
    }
    assert!(serde_json::from_str::<fou::DiagnosticCode>("\"no-such-code\"").is_err());
    assert!("CountMismatch".parse::<fou::DiagnosticCode>().is_err());
}

#[test]
fn the_schema_lists_the_codes_as_strings() {
    let schema = serde_json::to_value(schemars::schema_for!(fou::Report)).unwrap();
    let code = &schema["$defs"]["DiagnosticCode"];
    let mut names: Vec<&str> = code["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["const"].as_str().unwrap())
        .collect();
    names.sort_unstable();
    let mut expected: Vec<&str> = CODE_NAMES.iter().map(|(_, n)| *n).collect();
    expected.sort_unstable();
    assert_eq!(names, expected);
}

/// Every report the tests can read: the two real reports (in `../shared`),
/// the bundled samples and the rendering fixtures.
fn all_reports() -> Vec<(String, fou::Report<'static>)> {
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut paths = vec![
        fou_tests::shared_dir().join("corpus/fou-2020.txt"),
        fou_tests::shared_dir().join("corpus/fou-2022.md"),
    ];
    for dir in [
        repo.join("examples/data"),
        repo.join("tests/fixtures/renderings/sample-2021"),
        repo.join("tests/fixtures/renderings/sample-2023"),
    ] {
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file())
            .collect();
        files.sort();
        paths.extend(files);
    }
    paths
        .into_iter()
        .map(|p| (p.display().to_string(), fou::parse_file(&p).unwrap()))
        .collect()
}

#[test]
fn the_codes_of_real_reports_and_samples_round_trip_through_serde() {
    let mut seen = std::collections::BTreeSet::new();
    for (path, report) in all_reports() {
        for d in &report.diagnostics {
            let json = serde_json::to_value(d).unwrap();
            assert_eq!(json["code"], d.code.as_str(), "{path}");
            let back: fou::Diagnostic = serde_json::from_value(json).unwrap();
            assert_eq!(&back, d, "{path}");
            seen.insert(d.code.as_str());
        }
        let back: fou::Report = serde_json::from_str(&report.to_json()).unwrap();
        assert_eq!(back, report, "{path}");
    }
    // what our texts give today (the real reports state counts that their
    // lists do not hold; the cp1252 renderings say how they were decoded)
    assert_eq!(
        seen.into_iter().collect::<Vec<_>>(),
        ["count-mismatch", "encoding", "generic-section"]
    );
}

#[test]
fn format_names_parse_back_and_nothing_else_does() {
    for format in [fou::Format::Plain, fou::Format::Markdown] {
        let name = format.as_str();
        assert_eq!(name.parse::<fou::Format>(), Ok(format));
        assert_eq!(format.to_string(), name);
        assert_eq!(serde_json::to_value(format).unwrap(), name);
    }
    // `auto` is the absence of a format, not a format; no aliases, no case folding
    for name in ["auto", "md", "txt", "Plain", "MARKDOWN", " plain", ""] {
        let err = name.parse::<fou::Format>().unwrap_err();
        assert!(err.contains("\"plain\" or \"markdown\""), "{err}");
    }
}

#[test]
fn items_name_their_list_by_its_json_key() {
    for (path, report) in all_reports() {
        let json = serde_json::to_value(&report).unwrap();
        let items = report.items();
        let total: usize = fou::ItemKind::ALL
            .iter()
            .map(|k| json[k.key()].as_array().unwrap().len())
            .sum();
        assert_eq!(items.len(), total, "{path}");
        for item in items {
            let found = &json[item.kind.key()][item.index]["span"];
            assert_eq!(found, &serde_json::to_value(item.span).unwrap(), "{path}");
            assert!(item.kind.key().starts_with(&item.kind.as_str()[..3]));
        }
    }
}

/// `explain` keeps the blocks with their texts; `parse` lets go of each
/// region's texts (but the headings') once its items, counts and dates are
/// read, of the other headings' before it builds the outline, and drops the
/// blocks before it copies the summaries and abstracts into the report.
/// Both give the same report — so no reader reads a text `parse` has let go
/// of — on each real report and a hard-wrapped sample (whose paragraphs are
/// joined lines, not slices of the input), which have project summaries,
/// and on every sample, page and fixture text we have.
#[test]
fn explain_and_parse_give_the_same_report() {
    let mut with_summaries: Vec<String> = fou_tests::corpus_paths()
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    with_summaries.push(
        "FoU-rapport 2031\n\nAvsluttede prosjekter\n\nProsjekttittel: En studie av noe\n\
         Institusjon: Et institutt\nSammendrag: Første linje\nfortsetter her.\n\nEt avsnitt til.\n"
            .to_owned(),
    );
    for text in &with_summaries {
        let src = fou::Source::from_text(text);
        let explained = fou::explain(&src, &fou::Options::default()).report;
        let parsed = fou::parse(text).unwrap();
        assert_eq!(explained, parsed);
        assert!(parsed.projects.iter().any(|p| !p.summary.is_empty()));
    }
    // Some fixtures are in other encodings: decoded as `fou parse` does.
    let others = fou_tests::text_files(&["../examples/data", "fixtures"]);
    assert!(others.len() > 60, "{} texts", others.len());
    for path in &others {
        let src = fou::Source::from_vec(std::fs::read(path).unwrap()).unwrap();
        let options = fou::Options::default();
        let explained = fou::explain(&src, &options).report;
        let parsed = fou::parse_report(&src, &options);
        assert_eq!(explained, parsed, "{}", path.display());
    }
}

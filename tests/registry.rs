//! The institution registry on the real reports: every institution an item
//! names resolves to a registry entry or is reported unknown, and the
//! figures are printed (`-- --nocapture`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fou::Registry;

#[test]
fn every_institution_of_the_real_reports_resolves() {
    let registry = Registry::builtin();
    let names = fou_tests::corpus_paths();
    let (mut known, mut unknown) = (Vec::new(), Vec::new());
    for path in &names {
        let report = fou::parse_file(path).unwrap();
        let raws = report
            .projects
            .iter()
            .filter_map(|p| p.institution_raw.clone())
            .chain(
                report
                    .portfolio
                    .iter()
                    .filter_map(|p| p.institution_raw.clone()),
            )
            .chain(report.phd.iter().filter_map(|p| p.institution.clone()))
            .chain(report.vendors.iter().map(|v| v.name.clone()));
        for raw in raws {
            let r = registry.resolve(&raw);
            known.extend(r.institutions.into_iter().map(|i| i.id));
            unknown.extend(r.unknown);
        }
    }
    known.sort();
    known.dedup();
    unknown.sort();
    unknown.dedup();
    eprintln!(
        "{} distinct institutions resolved, {} unknown: {unknown:?}",
        known.len(),
        unknown.len()
    );
    assert!(known.len() >= 30, "{known:?}");
    assert!(unknown.is_empty(), "not in the registry: {unknown:?}");
}

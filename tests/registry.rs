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

/// The parser fills every item's `institution_refs` from the builtin
/// registry: one ref per institution as written, an id for each on the real
/// reports, and the registry's `resolve` agrees with the refs.
#[test]
fn items_of_the_real_reports_carry_their_institutions_ids() {
    let registry = Registry::builtin();
    let (mut resolved, mut unknown, mut ids) = (0, Vec::new(), Vec::new());
    for path in &fou_tests::corpus_paths() {
        let report = fou::parse_file(path).unwrap();
        let items = report
            .projects
            .iter()
            .map(|p| (&p.institution_raw, &p.institution_refs))
            .chain(
                report
                    .portfolio
                    .iter()
                    .map(|p| (&p.institution_raw, &p.institution_refs)),
            )
            .chain(
                report
                    .phd
                    .iter()
                    .map(|p| (&p.institution, &p.institution_refs)),
            );
        for (raw, refs) in items {
            let want = raw.as_deref().map(|r| registry.refs(r)).unwrap_or_default();
            assert_eq!(refs, &want, "{raw:?}");
            for r in refs {
                match &r.id {
                    Some(id) => {
                        resolved += 1;
                        ids.push(id.clone());
                        assert!(r.name.is_some());
                    }
                    None => unknown.push(r.raw.clone()),
                }
            }
        }
    }
    ids.sort();
    ids.dedup();
    eprintln!(
        "item institutions: {resolved} resolved ({} distinct ids), {} unknown: {unknown:?}",
        ids.len(),
        unknown.len()
    );
    assert!(resolved >= 60, "{resolved}");
    assert!(unknown.is_empty(), "unknown: {unknown:?}");
}

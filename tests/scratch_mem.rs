#![allow(clippy::unwrap_used)]
#[test]
fn breakdown() {
    let one = fou_tests::corpus_paths().iter().map(|p| std::fs::read_to_string(p).unwrap()).collect::<Vec<_>>().join("\n\n");
    let text = one.repeat((1 << 19) / one.len() + 1);
    let n = text.len() as f64;
    let r = fou::parse(&text).unwrap();
    let s = |v: usize| v as f64 / n;
    let sum = |it: &mut dyn Iterator<Item = usize>| it.sum::<usize>();
    eprintln!("summary {:.3}", s(sum(&mut r.projects.iter().flat_map(|p| p.summary.iter().map(|x| x.len())))));
    eprintln!("lead {:.3}", s(sum(&mut r.projects.iter().map(|p| p.lead.as_ref().map_or(0, |x| x.len())))));
    eprintln!("ptitle {:.3}", s(sum(&mut r.projects.iter().map(|p| p.title.len() + p.institution_raw.as_ref().map_or(0, |x| x.len()) + p.institutions.iter().map(|x| x.len()).sum::<usize>()))));
    eprintln!("abstract {:.3}", s(sum(&mut r.analyses.iter().flat_map(|p| p.abstract_.iter().map(|x| x.len())))));
    eprintln!("portfolio desc {:.3}", s(sum(&mut r.portfolio.iter().flat_map(|p| p.description.iter().map(|x| x.len())))));
    eprintln!("portfolio title {:.3} n={}", s(sum(&mut r.portfolio.iter().map(|p| p.title.len() + p.institution_raw.as_ref().map_or(0, |x| x.len()) + p.institutions.iter().map(|x| x.len()).sum::<usize>()))), r.portfolio.len());
    eprintln!("structs proj {} port {} ana {} diag {} outline {}", r.projects.len(), r.portfolio.len(), r.analyses.len(), r.diagnostics.len(), r.outline.len());
    eprintln!("sizes Project {} Portfolio {} Analysis {} Diag {} Heading {}", std::mem::size_of::<fou::Project>(), std::mem::size_of::<fou::PortfolioItem>(), std::mem::size_of::<fou::Analysis>(), std::mem::size_of::<fou::Diagnostic>(), std::mem::size_of::<fou::Heading>());
    eprintln!("diag msgs {:.3}", s(r.diagnostics.iter().map(|d| d.message.len()).sum()));
}

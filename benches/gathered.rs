//! A collection gathered from reports already parsed: `Collection::from_reports`
//! on generated reports (both styles, 4–100 KB each), which reduces each
//! report to what a collection keeps (its content hash, its item titles),
//! finds duplicates and renderings, links the projects that appear in
//! several reports and runs the collection's checks. The parse is not timed:
//! this is the work a collection adds to it. Sizes of 250 and 1,000 reports
//! show how that work grows.
//!
//! Run with `cargo bench -p fou-bench --bench gathered`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, BenchmarkId, Criterion, SamplingMode, criterion_group, criterion_main};
use fou::collection::{CollectOptions, Collection};
use rayon::prelude::*;

/// The seed of the generated reports.
const SEED: u64 = 2_000;

/// Collection sizes, in reports.
const SIZES: [usize; 2] = [250, 1_000];

fn gathered(c: &mut Criterion) {
    let mut group = c.benchmark_group("gathered");
    // Seconds per run at the larger size: flat sampling, ten samples.
    group.sampling_mode(SamplingMode::Flat).sample_size(10);
    let options = CollectOptions::default();
    for n in SIZES {
        let docs = fou_bench::collection(n, SEED);
        let reports: Vec<fou::Report<'static>> = docs
            .par_iter()
            .filter_map(|(_, t)| fou::parse(t).ok().map(fou::Report::into_owned))
            .collect();
        let once = Collection::from_reports(reports.clone(), &options);
        eprintln!(
            "gathered/{n}: {} texts, {} kept, {} appearances, {} linked projects",
            once.texts().len(),
            once.kept().count(),
            once.appearances().len(),
            once.links().len()
        );
        group.bench_with_input(BenchmarkId::from_parameter(n), &reports, |b, reports| {
            b.iter_batched(
                || reports.clone(),
                |r| black_box(Collection::from_reports(r, &options).links().len()),
                BatchSize::PerIteration,
            );
        });
    }
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(15))
}

#[allow(
    missing_docs,
    reason = "criterion_group! expands to an undocumented pub fn"
)]
mod group {
    use super::*;

    criterion_group! {
        name = benches;
        config = config();
        targets = gathered
    }
}
criterion_main!(group::benches);

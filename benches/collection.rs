//! A collection of 1,000 generated reports (both styles, 4–100 KB each),
//! parsed sequentially and on rayon pools of 1, 2 and all available threads.
//! `Throughput::Bytes` is the size of the whole collection, so criterion
//! reports MB/s and the speedup is the ratio of the rates.
//!
//! Run with `cargo bench -p fou-bench --bench collection`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use rayon::prelude::*;

/// Reports in the collection.
const REPORTS: usize = 1_000;
/// The seed of the collection.
const SEED: u64 = 1_000;

/// Parse one report; the count keeps the work observable.
fn parse_one(text: &str) -> usize {
    fou::parse(text).map_or(0, |r| r.projects.len() + r.portfolio.len())
}

fn collection(c: &mut Criterion) {
    let docs = fou_bench::collection(REPORTS, SEED);
    let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();

    let mut group = c.benchmark_group("collection");
    group.throughput(Throughput::Bytes(bytes as u64));
    // About 2 s per sequential run: flat sampling, ten samples.
    group.sampling_mode(SamplingMode::Flat).sample_size(10);

    group.bench_function("sequential", |b| {
        b.iter(|| {
            black_box(&docs)
                .iter()
                .map(|(_, t)| parse_one(t))
                .sum::<usize>()
        });
    });

    let available = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut threads = vec![1, 2];
    if available > 2 {
        threads.push(available);
    }
    for n in threads {
        let pool = match rayon::ThreadPoolBuilder::new().num_threads(n).build() {
            Ok(pool) => pool,
            Err(e) => {
                eprintln!("collection/rayon/{n}: cannot build a pool ({e}); skipped");
                continue;
            }
        };
        group.bench_with_input(BenchmarkId::new("rayon", n), &docs, |b, docs| {
            b.iter(|| {
                pool.install(|| {
                    black_box(docs)
                        .par_iter()
                        .map(|(_, t)| parse_one(t))
                        .sum::<usize>()
                })
            });
        });
    }
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(20))
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
        targets = collection
    }
}
criterion_main!(group::benches);

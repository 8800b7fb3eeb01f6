//! fou next to the work any reader of the same bytes must do, on the same
//! inputs in one run (issue 12): the ratios, not the absolute speeds, are
//! what this bench is for.
//!
//! | contender | what one iteration does |
//! |---|---|
//! | `memchr_newlines` | counts `\n` with `memchr` (the floor: touching every byte once) |
//! | `str_lines` | `str::lines()`, summing line lengths (a line split with no cleaning) |
//! | `pulldown_cmark` | every event of `pulldown_cmark::Parser` (0.13, default features off, no SIMD) |
//! | `fou_lines_clean` | fou's layer 1: every line split and cleaned of inline markup (`clean_lines`: the line ends and the lines that need cleaning found in one pass, as `Lines` does) |
//! | `fou_parse` | `fou::parse(&str)`: the whole parse, what a caller pays |
//!
//! Inputs: each real report of `../shared/corpus` (skipped with a message when
//! absent), a 5 MB and a 50 MB concatenation of them (of generated reports when
//! the corpus is absent), a collection of 1,000 generated reports parsed
//! one after another, and the short web pages of `examples/data/pages`
//! (a few hundred bytes each, where what a parse costs whatever its size
//! shows), parsed one after another. `python3 benches/summary.py versus`
//! prints the ratios.
//!
//! Run with `cargo bench -p fou-bench --bench versus`; `-- versus/report-2020`
//! picks one input.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput, criterion_main};
use fou_bench::{Style, Tier};

#[path = "contenders.rs"]
mod contenders;
use contenders::CONTENDERS;

/// The seed of the generated inputs.
const SEED: u64 = 2024;
/// Reports in the generated collection.
const COLLECTION_REPORTS: usize = 1_000;

/// One input: a name and its texts (one text, or many for the collection).
struct Input {
    name: String,
    texts: Vec<String>,
}

impl Input {
    fn bytes(&self) -> u64 {
        self.texts.iter().map(|t| t.len() as u64).sum()
    }
}

fn corpus() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    let out: Vec<_> = files
        .iter()
        .filter_map(|path| {
            let text = std::fs::read_to_string(path).ok()?;
            let stem = path
                .file_stem()?
                .to_string_lossy()
                .replace("fou-", "report-");
            Some((stem, text))
        })
        .collect();
    if out.is_empty() {
        eprintln!(
            "versus: no corpus at {}; the real-report inputs are skipped",
            dir.display()
        );
    }
    out
}

/// `parts` joined by blank lines and repeated until the text has `bytes`.
fn concatenation(parts: &[String], bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + (1 << 16));
    while text.len() < bytes {
        for part in parts {
            text.push_str(part);
            text.push_str("\n\n");
        }
    }
    text
}

fn inputs() -> Vec<Input> {
    let real = corpus();
    let mut parts: Vec<String> = real.iter().map(|(_, text)| text.clone()).collect();
    if parts.is_empty() {
        parts = Style::ALL
            .iter()
            .map(|&s| fou_bench::report(s, Tier::Medium, SEED))
            .collect();
    }
    let mut out: Vec<Input> = real
        .into_iter()
        .map(|(name, text)| Input {
            name,
            texts: vec![text],
        })
        .collect();
    for (name, mb) in [("concat-5mb", 5), ("concat-50mb", 50)] {
        out.push(Input {
            name: name.into(),
            texts: vec![concatenation(&parts, mb << 20)],
        });
    }
    let collection = (0..COLLECTION_REPORTS)
        .map(|i| {
            fou_bench::report(
                Style::ALL[i % Style::ALL.len()],
                Tier::Small,
                SEED + i as u64,
            )
        })
        .collect();
    out.push(Input {
        name: format!("collection-{COLLECTION_REPORTS}"),
        texts: collection,
    });
    out.push(Input {
        name: "pages".into(),
        texts: pages(),
    });
    out
}

/// The texts of `examples/data/pages` (not their expected reports), in the
/// order of their names.
fn pages() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/data/pages");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"));
    files.sort();
    files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

fn versus(c: &mut Criterion) {
    for input in inputs() {
        let mut group = c.benchmark_group(format!("versus/{}", input.name));
        group.throughput(Throughput::Bytes(input.bytes()));
        let large = input.bytes() > 1 << 20;
        group.sampling_mode(if large {
            SamplingMode::Flat
        } else {
            SamplingMode::Auto
        });
        group.sample_size(if large { 10 } else { 30 });
        group.warm_up_time(Duration::from_secs(1));
        group.measurement_time(Duration::from_secs(if large { 10 } else { 4 }));
        for (name, run) in CONTENDERS {
            group.bench_with_input(
                BenchmarkId::from_parameter(name),
                &input.texts,
                |b, texts| b.iter(|| texts.iter().map(|t| run(black_box(t))).sum::<usize>()),
            );
        }
        group.finish();
    }
}

#[allow(
    missing_docs,
    reason = "criterion_group! expands to an undocumented pub fn"
)]
mod group {
    criterion::criterion_group!(versus, super::versus);
}
criterion_main!(group::versus);

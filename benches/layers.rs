//! Each parser layer on its own, for both styles and three size tiers, with
//! `Throughput::Bytes` so criterion reports MB/s.
//!
//! | group | what runs |
//! |---|---|
//! | `decode` | `Source::from_bytes`: encoding detection, UTF-8 check, copy, line index |
//! | `lines` | `lines::split_lines` over the whole text |
//! | `lines_clean` | `split_lines` plus `CleanText::clean` of every line (inline markup, offset map) |
//! | `blocks` | `internals::split_blocks`: lines → blocks (includes its own line split) |
//! | `blocks_sections` | `parse_report` on a decoded `Source`: blocks + sections → `Report` |
//! | `full` | `parse_bytes`: decode + blocks + sections, what a caller pays |
//!
//! The sections layer alone is not public; it is `blocks_sections` − `blocks`.
//!
//! Run with `cargo bench -p fou-bench --bench layers`; a filter such as
//! `-- blocks/markdown` picks one group and style.

use std::hint::black_box;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{
    BenchmarkGroup, BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group,
    criterion_main,
};
use fou::lines::{MappedText, split_lines};
use fou::{Options, Source};
use fou_bench::{Style, Tier};

/// The seed of every input: change it and all numbers change.
const SEED: u64 = 2024;

struct Input {
    style: Style,
    tier: Tier,
    text: String,
}

fn inputs() -> Vec<Input> {
    let mut out = Vec::new();
    for style in Style::ALL {
        for tier in Tier::ALL {
            out.push(Input {
                style,
                tier,
                text: fou_bench::report(style, tier, SEED),
            });
        }
    }
    out
}

/// Samples per tier: flat sampling (the same iteration count in every
/// sample) for the tiers whose iterations take milliseconds, so a run stays
/// within its measurement time.
fn sampling(group: &mut BenchmarkGroup<'_, WallTime>, tier: Tier) {
    match tier {
        Tier::Small => group.sampling_mode(SamplingMode::Auto).sample_size(50),
        Tier::Medium => group.sampling_mode(SamplingMode::Flat).sample_size(30),
        Tier::Large => group.sampling_mode(SamplingMode::Flat).sample_size(15),
    };
}

/// Run `f` over every input in a group named `layer`.
fn bench_layer(c: &mut Criterion, layer: &str, f: impl Fn(&Input) -> usize) {
    let mut group = c.benchmark_group(layer);
    for input in inputs() {
        group.throughput(Throughput::Bytes(input.text.len() as u64));
        sampling(&mut group, input.tier);
        group.bench_with_input(
            BenchmarkId::new(input.style.name(), input.tier.name()),
            &input,
            |b, input| b.iter(|| black_box(f(black_box(input)))),
        );
    }
    group.finish();
}

fn decode(c: &mut Criterion) {
    bench_layer(c, "decode", |i| {
        Source::from_bytes(i.text.as_bytes()).map_or(0, |s| s.line_count())
    });
}

fn lines(c: &mut Criterion) {
    bench_layer(c, "lines", |i| split_lines(&i.text).count());
    bench_layer(c, "lines_clean", |i| {
        split_lines(&i.text)
            .map(|l| MappedText::clean(l.text, l.start).len())
            .sum()
    });
}

fn blocks(c: &mut Criterion) {
    bench_layer(c, "blocks", |i| {
        fou::internals::split_blocks(&i.text, i.style.format()).len()
    });
}

fn blocks_sections(c: &mut Criterion) {
    let options = Options::default();
    let mut group = c.benchmark_group("blocks_sections");
    for input in inputs() {
        let src = Source::from_text(&input.text);
        group.throughput(Throughput::Bytes(input.text.len() as u64));
        sampling(&mut group, input.tier);
        group.bench_with_input(
            BenchmarkId::new(input.style.name(), input.tier.name()),
            &src,
            |b, src| b.iter(|| black_box(fou::parse_report(black_box(src), &options))),
        );
    }
    group.finish();
}

fn full(c: &mut Criterion) {
    bench_layer(c, "full", |i| {
        fou::parse_bytes(i.text.as_bytes()).map_or(0, |r| r.projects.len() + r.portfolio.len())
    });
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
}

#[allow(
    missing_docs,
    reason = "criterion_group! expands to an undocumented pub fn"
)]
mod group {
    use super::*;

    criterion_group! {
        name = layers;
        config = config();
        targets = decode, lines, blocks, blocks_sections, full
    }
}
criterion_main!(group::layers);

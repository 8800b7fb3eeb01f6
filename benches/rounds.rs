//! Interleaved rounds: the two comparisons of BENCHMARKS.md that a shared,
//! busy machine distorts most when criterion measures one variant after the
//! other.
//!
//! 1. **Scaling**: the full parse of the small, medium and large tiers, each
//!    measured on about 1 MB of input per round (100 small reports, 10 medium,
//!    1 large), the tiers taking turns within every round.
//! 2. **Threads**: the 1,000-report collection parsed sequentially and on
//!    rayon pools of 1, 2 and all available threads, the variants taking
//!    turns (in a rotating order) within every round; the speedup is the
//!    median of the per-round ratios, so slow drift in the machine's load
//!    cancels out.
//! 3. **Split**: one large text (a concatenation of generated reports, many
//!    sections) on a pool of two threads, its sections read one after
//!    another or side by side (`Options::split_bytes`); and the same text
//!    last among 200 small ones, as a collection, each way.
//!
//! Plain `main` (no criterion): `cargo bench -p fou-bench --bench rounds`; a
//! filter argument (`-- threads`) selects a part as it would in criterion.
//! `FOU_BENCH_ROUNDS` sets the number of rounds (default 7 for scaling, 5 for
//! threads, 9 for split); `FOU_BENCH_ONLY=scaling`, `=threads` or `=split`
//! runs one part.

use std::hint::black_box;
use std::time::Instant;

use fou_bench::{Style, Tier};
use rayon::prelude::*;

/// Seconds taken by `f`.
fn time(f: impl FnOnce() -> usize) -> f64 {
    let t = Instant::now();
    black_box(f());
    t.elapsed().as_secs_f64()
}

fn median(v: &[f64]) -> f64 {
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    match s.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => s[n / 2],
        n => (s[n / 2 - 1] + s[n / 2]) / 2.0,
    }
}

fn min(v: &[f64]) -> f64 {
    v.iter().copied().fold(f64::INFINITY, f64::min)
}

fn parse_one(text: &str) -> usize {
    fou::parse(text).map_or(0, |r| r.projects.len() + r.portfolio.len())
}

fn rounds(default: usize) -> usize {
    std::env::var("FOU_BENCH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(default)
}

fn scaling() {
    let rounds = rounds(7);
    const MIB: f64 = 1024.0 * 1024.0;
    println!("## Scaling: full parse, {rounds} interleaved rounds, ~1 MB per measurement\n");
    println!(
        "| style | tier | report size | reports per measurement | MiB/s (best) | MiB/s (median) | vs small (median) |"
    );
    println!("|---|---|---:|---:|---:|---:|---:|");
    for style in Style::ALL {
        let inputs: Vec<(Tier, String, usize)> = Tier::ALL
            .iter()
            .map(|&tier| {
                let text = fou_bench::report(style, tier, 2024);
                let reps = (1_000_000 / tier.target_bytes()).max(1);
                (tier, text, reps)
            })
            .collect();
        let mut rates: Vec<Vec<f64>> = vec![Vec::new(); inputs.len()];
        // One warm-up pass.
        for (_, text, _) in &inputs {
            black_box(parse_one(text));
        }
        for round in 0..rounds {
            for k in 0..inputs.len() {
                let i = (k + round) % inputs.len();
                let (_, text, reps) = &inputs[i];
                let secs = time(|| (0..*reps).map(|_| parse_one(black_box(text))).sum());
                rates[i].push((text.len() * reps) as f64 / MIB / secs);
            }
        }
        let base = median(&rates[0]);
        for (i, (tier, text, reps)) in inputs.iter().enumerate() {
            let m = median(&rates[i]);
            println!(
                "| {} | {} | {} KB | {reps} | {:.1} | {:.1} | {:.2} |",
                style.name(),
                tier.name(),
                text.len() / 1000,
                rates[i].iter().copied().fold(0.0, f64::max),
                m,
                m / base
            );
        }
    }
    println!();
}

fn threads() {
    let rounds = rounds(5);
    let docs = fou_bench::collection(1_000, 1_000);
    let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();
    let available = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut counts = vec![1, 2];
    if available > 2 {
        counts.push(available);
    }
    // Variant 0 is sequential (no pool); the others are rayon pools.
    let mut pools = Vec::new();
    for &n in &counts {
        match rayon::ThreadPoolBuilder::new().num_threads(n).build() {
            Ok(pool) => pools.push((n, pool)),
            Err(e) => eprintln!("rayon/{n}: cannot build a pool ({e}); skipped"),
        }
    }
    let names: Vec<String> = std::iter::once("sequential".to_owned())
        .chain(pools.iter().map(|(n, _)| format!("rayon/{n}")))
        .collect();
    let run = |v: usize| -> usize {
        match v.checked_sub(1).and_then(|p| pools.get(p)) {
            None => docs.iter().map(|(_, t)| parse_one(t)).sum(),
            Some((_, pool)) => pool.install(|| docs.par_iter().map(|(_, t)| parse_one(t)).sum()),
        }
    };
    println!(
        "## Threads: {} reports, {:.1} MB, {rounds} interleaved rounds ({available} threads available)\n",
        docs.len(),
        bytes as f64 / 1e6
    );
    black_box(run(0));
    let mut secs: Vec<Vec<f64>> = vec![Vec::new(); names.len()];
    for round in 0..rounds {
        for k in 0..names.len() {
            let v = (k + round) % names.len();
            secs[v].push(time(|| run(v)));
        }
    }
    // Speedups against rayon/1 (index 1), paired per round.
    let base = secs.get(1).cloned().unwrap_or_default();
    println!(
        "| run | time (best) | time (median) | MB/s (median) | speedup vs rayon/1 (median of per-round ratios) |"
    );
    println!("|---|---:|---:|---:|---:|");
    for (v, name) in names.iter().enumerate() {
        let ratios: Vec<f64> = base.iter().zip(&secs[v]).map(|(b, s)| b / s).collect();
        let m = median(&secs[v]);
        println!(
            "| {name} | {:.2} s | {:.2} s | {:.1} | {:.2}× |",
            min(&secs[v]),
            m,
            bytes as f64 / 1e6 / m,
            median(&ratios)
        );
    }
    println!();
}

fn split() {
    let rounds = rounds(9);
    let large: String = fou_bench::collection(150, 7)
        .into_iter()
        .map(|(_, t)| t + "\n")
        .collect();
    let small = fou_bench::collection(200, 9);
    let mut texts: Vec<&str> = small.iter().map(|(_, t)| t.as_str()).collect();
    texts.push(&large);
    let Ok(pool) = rayon::ThreadPoolBuilder::new().num_threads(2).build() else {
        eprintln!("split: cannot build a pool of two threads; skipped");
        return;
    };
    let whole = fou::Options::default().with_split_bytes(u64::MAX);
    let split = fou::Options::default().with_split_bytes(1 << 20);
    let count = |r: Result<fou::Report<'_>, fou::Error>| {
        r.map_or(0, |r| r.projects.len() + r.portfolio.len())
    };
    let run = |v: usize| -> usize {
        let o = if v.is_multiple_of(2) { &whole } else { &split };
        pool.install(|| match v / 2 {
            0 => count(fou::parse_with(&large, o)),
            _ => texts.par_iter().map(|t| count(fou::parse_with(t, o))).sum(),
        })
    };
    let names = [
        "large text, in turn",
        "large text, side by side",
        "200 + large last, in turn",
        "200 + large last, side by side",
    ];
    let small_bytes: usize = small.iter().map(|(_, t)| t.len()).sum();
    println!(
        "## Split: a text of {:.1} MB alone and after 200 of {:.1} MB, 2 threads, {rounds} interleaved rounds\n",
        large.len() as f64 / 1e6,
        small_bytes as f64 / 1e6
    );
    black_box(run(0) + run(1));
    let mut secs: Vec<Vec<f64>> = vec![Vec::new(); names.len()];
    for round in 0..rounds {
        for k in 0..names.len() {
            let v = (k + round) % names.len();
            secs[v].push(time(|| run(v)));
        }
    }
    println!(
        "| run | time (best) | time (median) | speedup, side by side vs in turn (median of per-round ratios) |"
    );
    println!("|---|---:|---:|---:|");
    for (v, name) in names.iter().enumerate() {
        let base = &secs[v - v % 2];
        let ratios: Vec<f64> = base.iter().zip(&secs[v]).map(|(b, s)| b / s).collect();
        println!(
            "| {name} | {:.1} ms | {:.1} ms | {:.2}× |",
            min(&secs[v]) * 1e3,
            median(&secs[v]) * 1e3,
            median(&ratios)
        );
    }
    println!();
}

fn main() {
    // `cargo bench` passes `--bench` and any filter: like criterion, run a
    // part only when no filter is given or a filter is part of its name.
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let only = std::env::var("FOU_BENCH_ONLY").unwrap_or_default();
    let wanted = |part: &str| {
        let name = format!("rounds/{part}");
        (only.is_empty() || only == part)
            && (filters.is_empty() || filters.iter().any(|f| name.contains(f.as_str())))
    };
    if wanted("scaling") {
        scaling();
    }
    if wanted("threads") {
        threads();
    }
    if wanted("split") {
        split();
    }
}

//! Linking a collection where each of three projects is listed in every one
//! of `n` texts (a collection of renderings and drafts of one report, or of
//! many years of a long project): each project is one group of `n`
//! appearances, grown one link at a time. Prints, for each `n` given, the
//! groups' sizes, the pairs compared, the checks made to decide the joins
//! and the time `fou::link::link_counted` took (best of three). With
//! `--own-dates`, each text gives the projects its own year and period end
//! (the distinct dates of a group grow with it).
//!
//! ```sh
//! cargo run --release -p fou-bench --example one_project_many_texts -- 1600 6400 25600
//! cargo run --release -p fou-bench --example one_project_many_texts -- --own-dates 1600 6400
//! ```

use std::time::{Duration, Instant};

use fou::link::{Appearance, AppearanceKind, LinkOptions, link_counted};
use fou::model::Period;

fn appearances(n: usize, own_dates: bool) -> Vec<Appearance> {
    let titles = [
        "Lesing i skogen: et forsøk med bøker",
        "Kaffe på kaia og arbeid",
        "Sykefravær i kommunene etter reformen",
    ];
    let mut all = Vec::new();
    for t in 0..n {
        for (k, title) in titles.iter().enumerate() {
            let path = format!("{t}.txt");
            let mut a = Appearance::new(t, &path, None, AppearanceKind::Portfolio, k, title);
            a.institution_raw = Some("Nordvik helseforskning".to_owned());
            if own_dates {
                let t = t as i32;
                a.year = Some(2019 + t);
                a.period = Some(Period {
                    start: 2019,
                    end: 2020 + t,
                });
            }
            all.push(a);
        }
    }
    all
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let own_dates = args.iter().any(|a| a == "--own-dates");
    let sizes: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    for n in if sizes.is_empty() { vec![1600] } else { sizes } {
        let all = appearances(n, own_dates);
        let mut best = Duration::MAX;
        let mut last = None;
        for _ in 0..3 {
            let start = Instant::now();
            let linked = link_counted(&all, &LinkOptions::default());
            best = best.min(start.elapsed());
            last = Some(linked);
        }
        let Some(linked) = last else { continue };
        let groups: Vec<usize> = linked.groups.iter().map(|g| g.appearances.len()).collect();
        println!(
            "{n} texts: groups {groups:?}, {} pairs compared, {} checks, {:.1} ms",
            linked.comparisons,
            linked.checks,
            best.as_secs_f64() * 1e3
        );
    }
}

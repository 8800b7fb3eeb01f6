//! The contenders of `benches/versus.rs`, one of them run `N` times on one
//! file, to be counted in instructions under callgrind: a measure that a
//! busy or stolen-from virtual machine cannot move, where criterion's times
//! can (`benches/counted.sh` runs every contender on each input and prints
//! the instructions per pass and the ratios).
//!
//! ```sh
//! cargo build --release -p fou-bench --example counted
//! valgrind --tool=callgrind target/release/examples/counted fou_parse ../shared/corpus/fou-2022.md 10
//! ```
//!
//! Instructions per pass are (count at `N` − count at 1) / (`N` − 1): reading
//! the file, starting the process and what a process builds once (the
//! lexicon's automata, the builtin registry) cancel out.

use std::hint::black_box;
use std::process::ExitCode;

#[path = "../contenders.rs"]
mod contenders;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(name), Some(path)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: counted CONTENDER FILE [N]");
        return ExitCode::FAILURE;
    };
    let Some(&(_, run)) = contenders::CONTENDERS.iter().find(|(n, _)| n == name) else {
        let names: Vec<_> = contenders::CONTENDERS.iter().map(|(n, _)| *n).collect();
        eprintln!("no contender {name}; one of {names:?}");
        return ExitCode::FAILURE;
    };
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let n: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(1);
    let total: usize = (0..n).map(|_| run(black_box(&text))).sum();
    println!("{total}");
    ExitCode::SUCCESS
}

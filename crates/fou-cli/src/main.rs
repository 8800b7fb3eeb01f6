//! `fou`: parse NAV FoU reports from the command line. The program is the
//! `fou_cli` library; this reads the real arguments and runs it on the real
//! standard output and error.

use std::process::ExitCode;

// The program keeps the system's allocator. mimalloc (thirty-fifth pass)
// read a collection of 2,000 texts about a tenth faster, but its set-up
// and its first touch of each size class's pages made every process start
// later: `fou parse` of one report took a quarter longer, so a shell loop
// over files was slower and the whole process against pandoc fell to the
// edge of issue 12's 50× (BENCHMARKS.md, thirty-ninth pass).

fn main() -> ExitCode {
    let cli = match fou_cli::parse_args(std::env::args_os()) {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help in colour on a terminal
            let _ = e.print();
            return ExitCode::from(fou_cli::usage_status(&e));
        }
    };
    // Standard error is not held locked for the run, as standard output
    // is: `collect`'s progress bar writes to it from the parsing threads
    // (each message takes the lock for its own write).
    let stdout = std::io::stdout();
    ExitCode::from(fou_cli::execute(
        cli,
        &mut stdout.lock(),
        &mut std::io::stderr(),
    ))
}

//! `fou`: parse NAV FoU reports from the command line. The program is the
//! `fou_cli` library; this reads the real arguments and runs it on the real
//! standard output and error.

use std::process::ExitCode;

/// The program's allocator: mimalloc, not the system's malloc. Reading a
/// collection makes many small allocations on two threads at once, which
/// it serves with less work: `fou links` and `fou collect` on 2,000 texts
/// take about a sixth less time, for about 0.2 ms more at the start of a
/// process (BENCHMARKS.md, thirty-fifth pass).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match fou_cli::parse_args(std::env::args_os()) {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help in colour on a terminal
            let _ = e.print();
            return ExitCode::from(fou_cli::usage_status(&e));
        }
    };
    let (stdout, stderr) = (std::io::stdout(), std::io::stderr());
    ExitCode::from(fou_cli::execute(
        cli,
        &mut stdout.lock(),
        &mut stderr.lock(),
    ))
}

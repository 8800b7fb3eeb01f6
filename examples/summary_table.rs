//! Read a report file and print a per-theme, per-funding table of its projects.
//!
//! ```text
//! cargo run -p fou-examples --example summary_table -- examples/data/sample-2021.txt
//! ```

use std::collections::BTreeMap;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: summary_table REPORT");
        return ExitCode::from(2);
    };
    let report = match fou::parse_file(&path) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("summary_table: {e}");
            return ExitCode::from(1);
        }
    };
    println!(
        "{} ({}): {} completed projects, {} listed in the portfolio, {} analyses",
        report.title.as_deref().unwrap_or("untitled report"),
        report
            .year
            .map_or("year unknown".to_owned(), |y| y.to_string()),
        report.projects.len(),
        report.portfolio.len(),
        report.analyses.len(),
    );
    // theme → (bidrag, oppdrag, unknown)
    let mut table: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    for p in &report.projects {
        let row = table
            .entry(p.theme.as_deref().unwrap_or("(no theme)").to_owned())
            .or_default();
        let col = match p.funding {
            Some(fou::Funding::Bidrag) => 0,
            Some(fou::Funding::Oppdrag) => 1,
            // no funding, or a kind of funding this table has no column for
            _ => 2,
        };
        row[col] += 1;
    }
    let width = table
        .keys()
        .map(|k| k.chars().count())
        .max()
        .unwrap_or(5)
        .max(5);
    println!(
        "\n{:<width$}  {:>6}  {:>7}  {:>7}  {:>5}",
        "theme", "bidrag", "oppdrag", "unknown", "total"
    );
    let mut totals = [0usize; 3];
    for (theme, row) in &table {
        for (t, r) in totals.iter_mut().zip(row) {
            *t += r;
        }
        println!(
            "{theme:<width$}  {:>6}  {:>7}  {:>7}  {:>5}",
            row[0],
            row[1],
            row[2],
            row.iter().sum::<usize>()
        );
    }
    println!(
        "{:<width$}  {:>6}  {:>7}  {:>7}  {:>5}",
        "total",
        totals[0],
        totals[1],
        totals[2],
        totals.iter().sum::<usize>()
    );
    for d in &report.diagnostics {
        let line = d
            .span
            .map_or(String::new(), |s| format!(" (line {})", s.line_start));
        eprintln!("note: {}{line}: {}", d.code, d.message);
    }
    ExitCode::SUCCESS
}

//! The README's command lines run as shown: every line of the ```sh block in
//! "## Command line" that runs `target/release/fou` (or `fou`) is run with the
//! test binary, the placeholders replaced by the bundled samples.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::process::Command;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The commands of the "## Command line" section's ```sh block, comments cut.
fn readme_commands() -> Vec<String> {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let section = readme
        .split("\n## Command line\n")
        .nth(1)
        .expect("a \"## Command line\" section")
        .split("\n## ")
        .next()
        .unwrap();
    let block = section
        .split("```sh\n")
        .nth(1)
        .expect("a ```sh block")
        .split("```")
        .next()
        .unwrap();
    block
        .lines()
        .map(|l| l.split(" #").next().unwrap_or("").trim().to_owned())
        .filter(|l| l.starts_with("target/release/fou ") || l.starts_with("fou "))
        .collect()
}

/// The arguments to run for a README command: the program dropped and the
/// placeholders replaced by sample files.
fn arguments(command: &str) -> Vec<String> {
    let sample = |name: &str| {
        repo()
            .join("examples/data")
            .join(name)
            .display()
            .to_string()
    };
    let mut args = Vec::new();
    for word in command.split_whitespace().skip(1) {
        match word {
            "REPORT…" | "REPORT..." => {
                args.push(sample("sample-2021.txt"));
                args.push(sample("sample-2023.md"));
            }
            "REPORT" | "A" | "FILE" => args.push(sample("sample-2021.txt")),
            "B" => args.push(sample("sample-2023.md")),
            w if w.chars().all(|c| c.is_ascii_uppercase() || c == '…') => {
                panic!("{command}: no sample for the placeholder {w}")
            }
            w => args.push(w.to_owned()),
        }
    }
    args
}

#[test]
fn every_readme_command_line_runs() {
    let commands = readme_commands();
    assert!(commands.len() >= 8, "found only {commands:?}");
    for command in &commands {
        let args = arguments(command);
        let out = Command::new(env!("CARGO_BIN_EXE_fou"))
            .args(&args)
            .current_dir(repo())
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "README: `{command}` (run as fou {args:?}) failed:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            !out.stdout.is_empty(),
            "README: `{command}` printed nothing"
        );
    }
}

#[test]
fn placeholders_become_samples() {
    let args = arguments("target/release/fou parse --format ndjson A B");
    assert_eq!(args[..3], ["parse", "--format", "ndjson"]);
    assert!(args[3].ends_with("sample-2021.txt") && args[4].ends_with("sample-2023.md"));
    assert_eq!(arguments("fou check REPORT…").len(), 3);
}

//! The README's code blocks are what a reader pastes: the Rust blocks are
//! complete programs with nothing hidden (the core crate runs them as
//! doctests), and the paths and files the README names exist.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// (info string, body) of every fenced block.
fn blocks(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut current: Option<(String, String)> = None;
    for line in text.lines() {
        match (&mut current, line.strip_prefix("```")) {
            (None, Some(info)) => current = Some((info.trim().to_owned(), String::new())),
            (Some(_), Some(_)) => out.extend(current.take()),
            (Some((_, body)), None) => {
                body.push_str(line);
                body.push('\n');
            }
            (None, None) => {}
        }
    }
    out
}

fn readme() -> String {
    std::fs::read_to_string(repo().join("README.md")).unwrap()
}

#[test]
fn rust_blocks_are_whole_programs_with_nothing_hidden() {
    let rust: Vec<_> = blocks(&readme())
        .into_iter()
        .filter(|(info, _)| info == "rust")
        .collect();
    assert!(rust.len() >= 2, "the README shows Rust examples");
    for (_, body) in rust {
        assert!(body.contains("fn main()"), "not a whole program:\n{body}");
        for line in body.lines() {
            let hidden = line.trim_start() == "#" || line.trim_start().starts_with("# ");
            assert!(!hidden, "hidden doctest line {line:?} would not paste");
        }
    }
}

#[test]
fn the_dependency_line_points_at_the_crate() {
    let toml: Vec<_> = blocks(&readme())
        .into_iter()
        .filter(|(info, _)| info == "toml")
        .collect();
    let line = toml
        .iter()
        .flat_map(|(_, b)| b.lines())
        .find(|l| l.starts_with("fou = "))
        .expect("a `fou = …` dependency line");
    // `path = "../fou/crates/fou"`: a clone of this repository named `fou` beside the user's project.
    let path = line.split('"').nth(1).unwrap();
    let inside = path.strip_prefix("../fou/").unwrap();
    let manifest = std::fs::read_to_string(repo().join(inside).join("Cargo.toml")).unwrap();
    assert!(
        manifest.contains("name = \"fou\""),
        "{inside} is not the fou crate"
    );
}

#[test]
fn files_named_by_the_commands_exist() {
    for (info, body) in blocks(&readme()) {
        if info != "sh" {
            continue;
        }
        for word in body.split_whitespace() {
            if word.starts_with("examples/")
                || word.starts_with("scripts/")
                || word.starts_with("./scripts/")
            {
                assert!(
                    repo().join(word).exists(),
                    "the README names {word}, which is missing"
                );
            }
        }
    }
}

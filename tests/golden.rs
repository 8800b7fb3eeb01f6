//! Golden tests: parse the real reports in `../shared/corpus` and compare
//! with the hand-checked results in `../shared/gold`, field by field.
//! Every miss is collected and printed before the test fails.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fou_tests::{score, shared_dir};

fn golden(corpus: &str, gold: &str) {
    let dir = shared_dir();
    let path = dir.join("corpus").join(corpus);
    let report = fou::parse_file(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let found = serde_json::to_value(&report).unwrap();
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("gold").join(gold)).unwrap())
            .unwrap();
    let sc = score(&found, &gold);
    println!(
        "{corpus}: entity F1 = {:.3} (tp {}, fn {}, fp {}), field accuracy = {:.3} ({}/{})",
        sc.f1(),
        sc.true_pos,
        sc.false_neg,
        sc.false_pos,
        sc.field_accuracy(),
        sc.fields_ok,
        sc.fields
    );
    for m in &sc.misses {
        println!("  - {m}");
    }
    assert!(
        sc.misses.is_empty(),
        "{corpus}: {} differences from the gold (F1 {:.3}, field accuracy {:.3}); see the list above",
        sc.misses.len(),
        sc.f1(),
        sc.field_accuracy()
    );
}

#[test]
fn fou_2020_plain_text_matches_gold() {
    golden("fou-2020.txt", "fou-2020.json");
}

#[test]
fn fou_2022_markdown_matches_gold() {
    golden("fou-2022.md", "fou-2022.json");
}

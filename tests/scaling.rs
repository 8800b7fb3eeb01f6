//! Linear-work checks: parsing an input `k` times larger does about `k`
//! times the work.
//!
//! Each test parses a small and a large input built by the same generator
//! and compares what the two parses did — allocations, bytes allocated, peak
//! heap, and the steps the parser's text-walking passes count (`counting.rs`,
//! the core's `count-work` feature). Every count must grow at most 2.5 × `k`
//! (a quadratic pass gives about `k²`, i.e. 64 for `k = 8`). Nothing is
//! timed, so the tests give the same answer on a loaded machine; timing lives
//! in the criterion benches (`BENCHMARKS.md`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

#[path = "counting.rs"]
mod counting;

use counting::{assert_linear_in, superlinear};

fn assert_linear(name: &str, small: &str, large: &str, _runs: usize) {
    counting::assert_linear(name, small, large);
}

// ---------------------------------------------------------------------------
// Report-like text.

fn corpus(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/corpus")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A small fictional report in the plain-text style, every part present.
fn synthetic_report() -> String {
    let mut s = String::from(
        "FoU-rapport 2031\n\nInnhold\n\nForord ..... 2\nBidragsfinansierte prosjekter ..... 3\n\
         Analyser levert i 2031 ..... 5\n\nForord\n\nDette er en oppdiktet rapport. \
         Sju bidragsfinansierte prosjekter ble ferdigstilt, og 12 pågikk ved årsskiftet.\n\n\
         Vennlig hilsen\n\nKari Nordmann\n\nAvdelingsdirektør\n\n\
         Bidragsfinansierte prosjekter\n\nVed utgangen av 2031 hadde vi 3 pågående \
         bidragsfinansierte prosjekter:\n\nArbeid og helse\n\n",
    );
    for i in 0..3 {
        s.push_str(&format!(
            "- Tiltak nummer {i} for unge brukere, NTNU og UiO (2030-2033)\n"
        ));
    }
    s.push_str("\nBidragsfinansierte prosjekter avsluttet i 2031\n\n");
    for i in 0..4 {
        s.push_str(&format!(
            "Prosjekttittel: Et avsluttet prosjekt {i}\nForskningsinstitusjon: AFI og \
             Proba samfunnsanalyse\nSammendrag: Kort om funnene.\n\nProsjektet startet \
             1. mars 2029 og ble avsluttet 30. juni 2031. Det fant lite.\n\n"
        ));
    }
    s.push_str("Analyser levert i 2031\n\nUtgave 1 – 2031\n\n");
    for i in 0..3 {
        s.push_str(&format!(
            "Om arbeid og helse del {i}\n\nAv Ola Nordmann og Åse Ødegård\n\n\
             Analysen ser på sykefravær blant unge.\n\n"
        ));
    }
    s.push_str(
        "Publikasjoner\n\nDet ble publisert 2 artikler:\n\n\
         - Nordmann og Hansen (2031): *En tittel*, Tidsskrift\n\
         - Ødegård (2030): Et notat, Søkelys\n\n\
         Doktorgrader\n\nTo stipendiater er i gang:\n\n\
         - Fattigdom og arbeid. Stipendiat Per Hansen, UiO\n\
         - Unge uføre. Stipendiat Kari Olsen, NTNU\n",
    );
    s
}

#[test]
fn concatenated_reports_2020() {
    let one = corpus("fou-2020.txt");
    assert_linear("fou-2020.txt ×8", &one, &one.repeat(8), 3);
}

#[test]
fn concatenated_reports_2022() {
    let one = corpus("fou-2022.md");
    assert_linear("fou-2022.md ×8", &one, &one.repeat(8), 3);
}

#[test]
fn concatenated_synthetic_reports() {
    let one = synthetic_report().repeat(4);
    assert_linear("synthetic report ×8", &one, &one.repeat(8), 3);
}

// ---------------------------------------------------------------------------
// A single long line.

/// Prose on one line (sentences with counts and dates), `n` bytes or so.
fn prose_line(n: usize) -> String {
    "Arbeid og helse i NAV for unge brukere, 30. mars 2030: tre prosjekter ble ferdigstilt. "
        .repeat(n / 88 + 1)
}

#[test]
fn single_long_line_of_prose() {
    assert_linear_in("one line of prose", 128 << 10, prose_line);
}

#[test]
fn single_long_sentence() {
    assert_linear_in("one sentence of words", 64 << 10, |n| {
        "Arbeid og helse i NAV for unge brukere ".repeat(n / 39)
    });
}

/// A single line of 8 MB against one of 1 MB.
#[test]
fn single_line_of_8_mb() {
    let large = prose_line(8 << 20);
    let small = &large[..large.len() / 8];
    assert_linear("one line of 8 MB", small, &large, 1);
}

#[test]
fn single_line_of_dot_leaders() {
    assert_linear_in("one line of dots", 128 << 10, |n| ".".repeat(n));
}

#[test]
fn single_line_of_emphasis_markers() {
    assert_linear_in("one line of `*_`", 32 << 10, |n| "*a_ ".repeat(n / 4));
}

#[test]
fn single_line_of_links() {
    assert_linear_in("one line of links", 64 << 10, |n| {
        "[lenke](x) ".repeat(n / 11)
    });
}

/// Layer 1 on its own (`fou::lines::clean_lines`, which hands the cleaner
/// the candidates its scan found): a line of links that touch each other
/// or other markup is read in linear work (each link's text was once tested
/// from the line's first candidate on).
#[test]
fn clean_lines_of_touching_links() {
    for link in ["[a](b)", "[a](b)\t", "[a](b)<b>", "[*a*](b)"] {
        let run = |n: usize| {
            let text = link.repeat(n);
            counting::measure(|| {
                fou::lines::clean_lines(std::hint::black_box(&text))
                    .map(|(_, clean)| clean.len())
                    .sum::<usize>()
            })
            .1
        };
        let bad = superlinear(run(2_000), run(16_000), 8.0);
        assert!(bad.is_empty(), "{link:?}: {}", bad.join("; "));
    }
}

// ---------------------------------------------------------------------------
// Blank lines, markers, `#`.

#[test]
fn a_million_blank_lines() {
    assert_linear(
        "blank lines",
        &"\n".repeat(125_000),
        &"\n".repeat(1_000_000),
        3,
    );
}

#[test]
fn blank_lines_with_white_space_and_crlf() {
    assert_linear_in("white-space lines", 16_000, |n| " \u{a0}\t\r\n".repeat(n));
}

#[test]
fn nested_list_markers_100_000() {
    assert_linear(
        "`- - - …` ×100 000",
        &"- ".repeat(12_500),
        &"- ".repeat(100_000),
        3,
    );
}

#[test]
fn nested_quote_markers_100_000() {
    assert_linear(
        "`> > > …` ×100 000",
        &"> ".repeat(12_500),
        &"> ".repeat(100_000),
        3,
    );
}

#[test]
fn a_file_of_only_hashes() {
    assert_linear_in("`#` only", 64 << 10, |n| "#".repeat(n));
}

#[test]
fn many_empty_headings() {
    assert_linear_in("`#` lines", 2_000, |n| "#\n".repeat(n));
}

#[test]
fn many_headings() {
    assert_linear_in("`# x` lines", 1_000, |n| {
        (0..n).map(|i| format!("# Tema {i}\n\n")).collect()
    });
}

// ---------------------------------------------------------------------------
// Labels, author lines, dot leaders.

#[test]
fn repeated_labels_on_one_line() {
    assert_linear_in("`Prosjekttittel: ` on one line", 64 << 10, |n| {
        "Prosjekttittel: ".repeat(n / 16)
    });
}

#[test]
fn many_label_lines() {
    assert_linear_in("label lines", 1_000, |n| {
        "Prosjekttittel: Et prosjekt\nForskningsinstitusjon: NTNU\n".repeat(n)
    });
}

#[test]
fn many_labelled_records() {
    assert_linear_in("labelled records", 300, |n| {
        let mut s = String::from("Bidragsfinansierte prosjekter avsluttet i 2030\n\n");
        for i in 0..n {
            s.push_str(&format!(
                "Prosjekttittel: Prosjekt {i}\nForskningsinstitusjon: NTNU og UiO\n\
                 Sammendrag: Kort.\n\nTekst om prosjektet.\n\n"
            ));
        }
        s
    });
}

#[test]
fn many_author_lines() {
    assert_linear_in("`Av` lines", 500, |n| {
        "Av Ola Nordmann og Kari Nordmann\n".repeat(n)
    });
}

#[test]
fn many_analyses() {
    assert_linear_in("analyses", 200, |n| {
        let mut s = String::from("Analyser levert i 2030\n\nUtgave 1 – 2030\n\n");
        for i in 0..n {
            s.push_str(&format!(
                "Analyse nummer {i}\n\nAv Ola Nordmann og Kari Nordmann\n\nOm unge.\n\n"
            ));
        }
        s
    });
}

#[test]
fn many_dot_leaders() {
    assert_linear_in("TOC lines", 2_000, |n| {
        (0..n)
            .map(|i| format!("Kapittel {i} ..... {i}\n"))
            .collect()
    });
}

#[test]
fn table_of_contents_and_headings() {
    assert_linear_in("TOC + headings", 500, |n| {
        let mut s = String::from("Innhold\n\n");
        for i in 0..n {
            s.push_str(&format!("Kapittel {i} ..... {i}\n"));
        }
        for i in 0..n {
            s.push_str(&format!("\nKapittel {i}\n\nTekst.\n"));
        }
        s
    });
}

// ---------------------------------------------------------------------------
// Lists and paragraphs.

#[test]
fn many_portfolio_items() {
    assert_linear_in("portfolio items", 500, |n| {
        let mut s = String::from(
            "Bidragsfinansierte prosjekter\n\nDet pågikk 12 bidragsfinansierte prosjekter:\n\n",
        );
        for i in 0..n {
            s.push_str(&format!(
                "- Prosjekt {i} om arbeid, NTNU og UiO (2030-2033)\n"
            ));
        }
        s
    });
}

#[test]
fn many_phd_and_reference_items() {
    assert_linear_in("PhD and reference items", 300, |n| {
        let mut s = String::from("Doktorgrader\n\nFem stipendiater er i gang:\n\n");
        for i in 0..n {
            s.push_str(&format!("- Tittel {i}. Stipendiat Per Hansen, UiO\n"));
        }
        s.push_str("\nPublikasjoner\n\nDet ble publisert 3 artikler:\n\n");
        for i in 0..n {
            s.push_str(&format!(
                "- Hansen og Olsen (2030): *Tittel {i}*, Tidsskrift\n"
            ));
        }
        s
    });
}

#[test]
fn one_long_hard_wrapped_paragraph() {
    assert_linear_in("hard-wrapped paragraph", 1_000, |n| {
        "arbeid og helse for unge brukere i NAV\n".repeat(n)
    });
}

#[test]
fn many_dated_sentences() {
    assert_linear_in("dated sentences", 500, |n| {
        "Den 30. mars 2030 startet tre prosjekter. ".repeat(n)
    });
}

/// Many stated counts that disagree with many items: each count's message
/// names the items' sections, which are worked out once per kind of item,
/// not once per count (a pass over the items per count grew with their
/// product).
#[test]
fn many_counts_that_disagree_with_many_items() {
    assert_linear_in("counts and items", 500, |n| {
        let count = "Ved utgangen av 2031 hadde vi 2 pågående bidragsfinansierte prosjekter. ";
        let item = "- Tiltak for unge, NTNU (2030-2033)\n";
        format!(
            "FoU-rapport 2031\n\nBidragsfinansierte prosjekter\n\n{}\n\nArbeid\n\n{}",
            count.repeat(n),
            item.repeat(n)
        )
    });
}

// ---------------------------------------------------------------------------
// Unicode variants: layer 1 normalises them (`lines::Normalized`) and maps
// every offset back, with one pass and one map entry per change.

#[test]
fn concatenated_reports_in_unicode_variants() {
    use unicode_normalization::UnicodeNormalization;
    let one = corpus("fou-2020.txt");
    let nbsp = one.replace(' ', "\u{a0}");
    assert_linear("fou-2020.txt, NBSP spaces ×8", &nbsp, &nbsp.repeat(8), 3);
    let zwsp: String = one
        .split_inclusive('\n')
        .map(|l| format!("\u{200b}{l}"))
        .collect();
    assert_linear("fou-2020.txt, ZWSP lines ×8", &zwsp, &zwsp.repeat(8), 3);
    let nfd: String = corpus("fou-2022.md").nfd().collect();
    assert_linear("fou-2022.md, NFD ×8", &nfd, &nfd.repeat(8), 3);
}

#[test]
fn single_line_of_invisible_characters_and_spaces() {
    assert_linear_in("one line of ZWSP, RLM, NBSP", 32 << 10, |n| {
        "ord\u{200b}\u{200f}\u{a0}".repeat(n / 11)
    });
}

/// One base letter and a run of combining marks that NFC must reorder: a
/// single run of composition as long as the input.
#[test]
fn single_run_of_combining_marks() {
    assert_linear_in("`a` and marks", 16 << 10, |n| {
        format!("a{}", "\u{301}\u{327}".repeat(n / 4))
    });
}

// ---------------------------------------------------------------------------
// The checks themselves can fail.

/// A pass that copies its output so far for every item (the shape of the
/// quadratic bugs found before) is caught by the byte count.
#[test]
fn a_quadratic_copy_is_caught() {
    let run = |n: usize| {
        counting::measure(|| {
            let mut acc = String::new();
            for _ in 0..n {
                let copy = acc.clone();
                acc = copy + "ab";
            }
            acc.len()
        })
        .1
    };
    let bad = superlinear(run(500), run(4_000), 8.0);
    assert!(
        bad.iter().any(|m| m.starts_with("bytes allocated")),
        "not caught: {bad:?}"
    );
}

/// A scan that reports its steps and rescans from every position is caught
/// by the step count, although it allocates nothing.
#[test]
fn a_quadratic_scan_is_caught() {
    let run = |n: usize| {
        let text = "a".repeat(n);
        counting::measure(|| {
            for i in 0..text.len() {
                fou::work::add(text.len() - i);
            }
        })
        .1
    };
    let bad = superlinear(run(1_000), run(8_000), 8.0);
    assert!(
        bad.iter().any(|m| m.starts_with("parser steps")),
        "not caught: {bad:?}"
    );
}

/// A quadratic pass that is a small share of the work is caught by its
/// stage's counts, although the totals stay under the bound (how 1922650's
/// pass per disagreeing count hid in the `checks` stage).
#[test]
fn a_quadratic_pass_in_a_small_stage_is_caught() {
    let run = |n: u64| {
        counting::measure_by_stage(|| {
            fou::work::add(usize::try_from(1_000 * n).unwrap_or(usize::MAX));
            fou::work::stage("large and linear");
            fou::work::add(usize::try_from(n * n / 10).unwrap_or(usize::MAX));
            fou::work::stage("small and quadratic");
        })
    };
    let ((small, small_stages), (large, large_stages)) = (run(100), run(800));
    assert!(
        superlinear(small, large, 8.0).is_empty(),
        "the totals grew too"
    );
    let bad = counting::superlinear_stages(&small_stages, &large_stages, 8.0);
    assert!(
        bad.len() == 1 && bad[0].starts_with("stage small and quadratic: steps"),
        "not caught: {bad:?}"
    );
}

/// Linear work passes, in all and stage by stage.
#[test]
fn linear_work_passes() {
    let (small, small_stages) = counting::parse_work_by_stage(&synthetic_report().repeat(2));
    let (large, large_stages) = counting::parse_work_by_stage(&synthetic_report().repeat(16));
    assert!(superlinear(small, large, 8.0).is_empty());
    assert!(counting::superlinear_stages(&small_stages, &large_stages, 8.0).is_empty());
    assert!(
        large_stages.len() > 5 && large_stages.iter().any(|s| s.name == "checks"),
        "the parse names its stages: {large_stages:?}"
    );
}

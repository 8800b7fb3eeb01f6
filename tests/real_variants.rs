//! The real reports (read from `../shared`, never copied into the repository)
//! through transformations that mimic how people receive them: other line
//! endings and encodings, heading markup dropped or normalised, paragraphs
//! hard-wrapped or not separated by blank lines, a table of contents run
//! together, two spaces after each sentence, running footers with page
//! numbers and no form feeds. Every variant must still match the gold.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use fou_tests::{score, shared_dir};

fn read(name: &str) -> String {
    std::fs::read_to_string(shared_dir().join("corpus").join(name)).unwrap()
}

fn gold(name: &str) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(shared_dir().join("gold").join(name)).unwrap())
        .unwrap()
}

fn check(label: &str, bytes: &[u8], gold: &serde_json::Value, failures: &mut Vec<String>) {
    let report = fou::parse_bytes(bytes).unwrap_or_else(|e| panic!("{label}: {e}"));
    let sc = score(&serde_json::to_value(&report).unwrap(), gold);
    println!(
        "{label:<40} F1 {:.3}  fields {:.3}",
        sc.f1(),
        sc.field_accuracy()
    );
    if !sc.misses.is_empty() {
        failures.push(format!("{label}:\n  - {}", sc.misses.join("\n  - ")));
    }
}

/// Map every line through `f`.
fn lines(text: &str, f: impl FnMut(&str) -> String) -> String {
    text.lines().map(f).collect::<Vec<_>>().join("\n") + "\n"
}

/// Greedy hard wrap at `width` columns, keeping blank lines (pandoc's plain writer).
fn wrap(text: &str, width: usize) -> String {
    wrap_with(text, width, false)
}

/// [`wrap`], but a word of more than eight letters that does not fit is
/// broken in two with a hyphen, as a typesetter hyphenates (`arbeids-` +
/// `livet`), its first half on the line.
fn wrap_with(text: &str, width: usize, hyphenate: bool) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let mut col = 0;
        for (i, word) in line.split_whitespace().enumerate() {
            let n = word.chars().count();
            if i > 0 && col + 1 + n > width {
                if hyphenate && n > 8 && word.chars().all(char::is_alphabetic) {
                    let (head, tail) = word.split_at(word.char_indices().nth(n / 2).unwrap().0);
                    out.push_str(&format!(" {head}-\n{tail}"));
                    col = tail.chars().count();
                    continue;
                }
                out.push('\n');
                col = 0;
            } else if i > 0 {
                out.push(' ');
                col += 1;
            }
            out.push_str(word);
            col += n;
        }
        out.push('\n');
    }
    out
}

/// The text's blank lines dropped (pdftotext's paragraphs).
fn without_blank_lines(text: &str) -> String {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A page's running footer after every `every`th line, numbered from 1:
/// `footer(page)` its text, standing alone between blank lines when
/// `alone`, else right under the line, mid-paragraph.
fn with_footers(text: &str, every: usize, alone: bool, footer: impl Fn(usize) -> String) -> String {
    let mut n = 0;
    lines(text, |l| {
        n += 1;
        if n % every != 0 {
            return l.to_owned();
        }
        let f = footer(n / every);
        if alone {
            format!("{l}\n\n{f}\n")
        } else {
            format!("{l}\n{f}")
        }
    })
}

/// Running footers of a text whose pages are not cut by form feeds, in the
/// shapes a PDF's footers take: none of them is text of the report.
fn footer_variants(text: &str) -> Vec<(&'static str, Vec<u8>)> {
    let title = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default()
        .trim_start_matches("# ")
        .to_owned();
    vec![
        (
            "footers `Side N` between blank lines",
            with_footers(text, 45, true, |p| format!("FoU-rapport   Side {p}")).into_bytes(),
        ),
        (
            "footers `Side N av 40` mid-paragraph",
            with_footers(text, 41, false, |p| format!("Side {p} av 40")).into_bytes(),
        ),
        (
            "footers `N | NAV FoU` mid-paragraph",
            with_footers(text, 37, false, |p| format!("{p} | NAV FoU")).into_bytes(),
        ),
        (
            "footers of the title and a page number",
            with_footers(text, 43, true, |p| format!("{title}   {}", p + 1)).into_bytes(),
        ),
    ]
}

fn strip_hashes(l: &str) -> String {
    let t = l.trim_start_matches('#');
    if t.len() < l.len() && t.starts_with(' ') {
        t.trim_start().to_owned()
    } else {
        l.to_owned()
    }
}

fn utf16le(text: &str) -> Vec<u8> {
    let mut v = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        v.extend(u.to_le_bytes());
    }
    v
}

#[test]
fn the_2022_markdown_report_through_other_renderings() {
    let text = read("fou-2022.md");
    let g = gold("fou-2022.json");
    let mut failures = Vec::new();
    let variants: Vec<(&str, Vec<u8>)> = vec![
        ("CRLF", text.replace('\n', "\r\n").into_bytes()),
        (
            "windows-1252",
            encoding_rs::WINDOWS_1252.encode(&text).0.into_owned(),
        ),
        ("utf-16le", utf16le(&text)),
        (
            "heading markup dropped",
            lines(&text, strip_hashes).into_bytes(),
        ),
        (
            "all headings level 2",
            lines(&text, |l| {
                if strip_hashes(l) != l {
                    format!("## {}", strip_hashes(l))
                } else {
                    l.to_owned()
                }
            })
            .into_bytes(),
        ),
        (
            "headings as bold paragraphs",
            lines(&text, |l| {
                let s = strip_hashes(l);
                if s != l && !s.starts_with("**") {
                    format!("**{s}**")
                } else {
                    s
                }
            })
            .into_bytes(),
        ),
        (
            "two spaces after a sentence",
            text.replace(". ", ".  ").into_bytes(),
        ),
        (
            "markup dropped, wrapped at 72",
            wrap(&lines(&text, strip_hashes), 72).into_bytes(),
        ),
    ];
    for (label, bytes) in variants.into_iter().chain(footer_variants(&text)) {
        check(&format!("fou-2022.md {label}"), &bytes, &g, &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_2020_plain_report_through_other_renderings() {
    let text = read("fou-2020.txt");
    let g = gold("fou-2020.json");
    let mut failures = Vec::new();
    let no_blank = without_blank_lines(&text);
    let toc_run_together = {
        let mut out = String::new();
        for l in text.lines() {
            if l.contains('\t') || l.ends_with("....") {
                out.push_str(&l.replace('\t', " "));
                out.push(' ');
            } else {
                if out.ends_with(' ') {
                    out.push('\n');
                }
                out.push_str(l);
                out.push('\n');
            }
        }
        out
    };
    let variants: Vec<(&str, Vec<u8>)> = vec![
        ("CRLF", text.replace('\n', "\r\n").into_bytes()),
        ("lone CR", text.replace('\n', "\r").into_bytes()),
        (
            "windows-1252",
            encoding_rs::WINDOWS_1252.encode(&text).0.into_owned(),
        ),
        ("utf-16le", utf16le(&text)),
        ("no blank lines", no_blank.into_bytes()),
        (
            "two spaces after a sentence",
            text.replace(". ", ".  ").into_bytes(),
        ),
        ("wrapped at 72", wrap(&text, 72).into_bytes()),
        (
            "wrapped at 60, words hyphenated",
            wrap_with(&text, 60, true).into_bytes(),
        ),
        (
            "wrapped at 90, words hyphenated, no blank lines",
            without_blank_lines(&wrap_with(&text, 90, true)).into_bytes(),
        ),
        (
            "wrapped at 80, words hyphenated, no blank lines",
            without_blank_lines(&wrap_with(&text, 80, true)).into_bytes(),
        ),
        (
            "table of contents on one line",
            toc_run_together.into_bytes(),
        ),
        (
            "bullets •",
            lines(&text, |l| {
                l.strip_prefix("- ")
                    .map_or(l.to_owned(), |r| format!("• {r}"))
            })
            .into_bytes(),
        ),
    ];
    for (label, bytes) in variants.into_iter().chain(footer_variants(&text)) {
        check(&format!("fou-2020.txt {label}"), &bytes, &g, &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A publication list of the 2020 report written in the APA style instead
/// of the report's own (`Surname, A., Surname, A., & Surname, A. (2020).
/// Title. *Venue*, 12(3), 45–60. https://doi.org/…`): the same titles, years
/// and venues, each author surname first with an initial, and the rest of
/// the report as the gold has it.
#[test]
fn the_2020_report_with_its_publications_in_the_apa_style() {
    let text = read("fou-2020.txt");
    let mut g = gold("fou-2020.json");
    let mut rewritten = 0;
    let apa = lines(&text, |l| {
        let Some(item) = l.strip_prefix("- ") else {
            return l.to_owned();
        };
        let Ok(r) = fou::grammar::reference(item) else {
            return l.to_owned();
        };
        rewritten += 1;
        let names: Vec<String> = r.authors.iter().map(|a| format!("{a}, A.")).collect();
        let authors = match names.as_slice() {
            [one] => one.clone(),
            [first, second] => format!("{first} & {second}"),
            [init @ .., last] => format!("{}, & {last}", init.join(", ")),
            [] => unreachable!("a reference has authors"),
        };
        let end = if r.title.ends_with(['?', '!']) {
            ""
        } else {
            "."
        };
        let venue = r
            .venue
            .map_or(String::new(), |v| format!(" *{v}*, 12(3), 45–60."));
        let link = if rewritten % 2 == 0 {
            " https://doi.org/10.1000/x"
        } else {
            ""
        };
        format!(
            "- {} ({}). {}{end}{venue}{link}",
            authors,
            r.year.unwrap_or(0),
            r.title
        )
    });
    assert!(rewritten > 2, "{rewritten} references rewritten");
    for p in g["publications"].as_array_mut().unwrap() {
        for a in p["authors"].as_array_mut().unwrap() {
            *a = format!("{}, A.", a.as_str().unwrap()).into();
        }
    }
    let mut failures = Vec::new();
    check(
        "fou-2020.txt APA references",
        apa.as_bytes(),
        &g,
        &mut failures,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

//! Helpers shared by the tests: the golden scorer that compares a parsed
//! report with a hand-checked gold file (`../shared/gold/*.json`).
//!
//! Strings are compared after folding case, Unicode form (NFKC), dashes and
//! runs of punctuation and white space, as `../shared/README.md` specifies.

use std::path::PathBuf;

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

/// `../shared` next to the repository (CI always has it).
pub fn shared_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared")
}

/// The real reports in `../shared/corpus`, sorted by name.
pub fn corpus_paths() -> Vec<PathBuf> {
    let dir = shared_dir().join("corpus");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    paths
}

/// The text files (`.txt`, `.md`; no READMEs) under `dirs` (relative to
/// this crate), in every subdirectory, in a fixed order.
pub fn text_files(dirs: &[&str]) -> Vec<PathBuf> {
    let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut stack: Vec<PathBuf> = dirs.iter().map(|d| base.join(d)).collect();
    let mut out = Vec::new();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if path.is_dir() {
                stack.push(path);
            } else if (name.ends_with(".txt") || name.ends_with(".md")) && name != "README.md" {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// Fold a string for comparison.
pub fn fold(s: &str) -> String {
    let nfkc: String = s.nfkc().collect::<String>().to_lowercase();
    let mut out = String::new();
    let mut pending_sep = false;
    for c in nfkc.chars() {
        let c = match c {
            '–' | '—' | '‑' | '‒' | '−' => '-',
            '«' | '»' | '“' | '”' | '„' => '"',
            '‘' | '’' => '\'',
            c => c,
        };
        if c.is_whitespace() || (c.is_ascii_punctuation() && c != '@' && c != '+' && c != '§') {
            pending_sep = true;
            continue;
        }
        if pending_sep && !out.is_empty() {
            out.push(' ');
        }
        pending_sep = false;
        out.push(c);
    }
    out
}

fn s(v: &Value) -> Option<String> {
    v.as_str().map(fold)
}

fn eq_str(found: &Value, gold: &Value) -> bool {
    match (found, gold) {
        (Value::Null, Value::Null) => true,
        (f, g) => s(f).is_some() && s(f) == s(g),
    }
}

fn eq_list(found: &Value, gold: &Value) -> bool {
    let f: Vec<_> = found
        .as_array()
        .map(|a| a.iter().filter_map(s).collect())
        .unwrap_or_default();
    let g: Vec<_> = gold
        .as_array()
        .map(|a| a.iter().filter_map(s).collect())
        .unwrap_or_default();
    f == g
}

/// Result of comparing one report with its gold file.
#[derive(Debug, Default)]
pub struct Score {
    /// Gold entities found.
    pub true_pos: usize,
    /// Gold entities missed.
    pub false_neg: usize,
    /// Found entities not in the gold.
    pub false_pos: usize,
    /// Fields right on matched entities.
    pub fields_ok: usize,
    /// Fields checked on matched entities.
    pub fields: usize,
    /// Every miss, readable.
    pub misses: Vec<String>,
}

impl Score {
    /// Entity F1.
    pub fn f1(&self) -> f64 {
        let p = self.true_pos as f64 / (self.true_pos + self.false_pos).max(1) as f64;
        let r = self.true_pos as f64 / (self.true_pos + self.false_neg).max(1) as f64;
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// Field accuracy on matched entities.
    pub fn field_accuracy(&self) -> f64 {
        self.fields_ok as f64 / self.fields.max(1) as f64
    }

    fn field(&mut self, what: &str, ok: bool, found: &Value, gold: &Value) {
        self.fields += 1;
        if ok {
            self.fields_ok += 1;
        } else {
            self.misses
                .push(format!("{what}:\n      found {found}\n      gold  {gold}"));
        }
    }
}

fn alts<'a>(gold: &'a Value, key: &str, alt_key: &str) -> Vec<&'a Value> {
    let mut v = vec![&gold[key]];
    if let Some(a) = gold[alt_key].as_array() {
        v.extend(a.iter());
    }
    v
}

fn starts_with_words(found: &Value, gold: &Value) -> bool {
    let first = found
        .as_array()
        .and_then(|a| a.first())
        .and_then(|v| v.as_str())
        .map(fold);
    match (first, gold.as_str().map(fold)) {
        (Some(f), Some(g)) => f.starts_with(&g),
        (None, None) => true,
        _ => false,
    }
}

type FieldCheck = fn(&str, &Value, &Value, &mut Score);

fn match_list(
    kind: &str,
    found: &[Value],
    gold: &[Value],
    key: fn(&Value, &Value) -> bool,
    check: FieldCheck,
    score: &mut Score,
) {
    let mut used = vec![false; found.len()];
    for g in gold {
        let hit = found
            .iter()
            .enumerate()
            .find(|(i, f)| !used[*i] && key(f, g));
        match hit {
            Some((i, f)) => {
                used[i] = true;
                score.true_pos += 1;
                check(kind, f, g, score);
            }
            None => {
                score.false_neg += 1;
                score.misses.push(format!("{kind}: missed {}", short(g)));
            }
        }
    }
    for (i, f) in found.iter().enumerate() {
        if !used[i] {
            score.false_pos += 1;
            score.misses.push(format!("{kind}: spurious {}", short(f)));
        }
    }
}

fn short(v: &Value) -> String {
    let mut v = v.clone();
    if let Some(o) = v.as_object_mut() {
        for k in [
            "summary",
            "abstract",
            "span",
            "notes",
            "first_words_of_body",
            "lead",
        ] {
            o.remove(k);
        }
    }
    v.to_string()
}

fn title_key(f: &Value, g: &Value) -> bool {
    alts(g, "title", "alt_titles")
        .iter()
        .any(|t| eq_str(&f["title"], t))
}

fn check_project(kind: &str, f: &Value, g: &Value, sc: &mut Score) {
    let t = f["title"].as_str().unwrap_or("");
    let inst_ok = alts(g, "institution_raw", "alt_institution_raw")
        .iter()
        .any(|a| eq_str(&f["institution_raw"], a));
    sc.field(
        &format!("{kind} {t:?} institution_raw"),
        inst_ok,
        &f["institution_raw"],
        &g["institution_raw"],
    );
    sc.field(
        &format!("{kind} {t:?} institutions"),
        eq_list(&f["institutions"], &g["institutions"]),
        &f["institutions"],
        &g["institutions"],
    );
    let fund_ok = alts(g, "funding", "alt_funding")
        .iter()
        .any(|a| eq_str(&f["funding"], a));
    sc.field(
        &format!("{kind} {t:?} funding"),
        fund_ok,
        &f["funding"],
        &g["funding"],
    );
    sc.field(
        &format!("{kind} {t:?} theme"),
        eq_str(&f["theme"], &g["theme"]),
        &f["theme"],
        &g["theme"],
    );
    sc.field(
        &format!("{kind} {t:?} lead"),
        eq_str(&f["lead"], &g["lead"]),
        &f["lead"],
        &g["lead"],
    );
    sc.field(
        &format!("{kind} {t:?} first words of summary"),
        starts_with_words(&f["summary"], &g["first_words_of_body"]),
        &f["summary"].get(0).cloned().unwrap_or(Value::Null),
        &g["first_words_of_body"],
    );
}

fn check_portfolio(kind: &str, f: &Value, g: &Value, sc: &mut Score) {
    let t = f["title"].as_str().unwrap_or("");
    for k in ["institution_raw", "funding", "theme", "status"] {
        sc.field(
            &format!("{kind} {t:?} {k}"),
            eq_str(&f[k], &g[k]),
            &f[k],
            &g[k],
        );
    }
    sc.field(
        &format!("{kind} {t:?} institutions"),
        eq_list(&f["institutions"], &g["institutions"]),
        &f["institutions"],
        &g["institutions"],
    );
    sc.field(
        &format!("{kind} {t:?} period"),
        f["period"] == g["period"],
        &f["period"],
        &g["period"],
    );
}

fn check_analysis(kind: &str, f: &Value, g: &Value, sc: &mut Score) {
    let t = f["title"].as_str().unwrap_or("");
    sc.field(
        &format!("{kind} {t:?} issue"),
        f["issue"] == g["issue"],
        &f["issue"],
        &g["issue"],
    );
    sc.field(
        &format!("{kind} {t:?} year"),
        f["year"] == g["year"],
        &f["year"],
        &g["year"],
    );
    // The subtitle goes with the reading of the title that matched.
    let titles = alts(g, "title", "alt_titles");
    let subs = alts(g, "subtitle", "alt_subtitles");
    let sub_ok = titles
        .iter()
        .zip(subs.iter().chain(std::iter::repeat(&&Value::Null)))
        .any(|(tt, ss)| eq_str(&f["title"], tt) && eq_str(&f["subtitle"], ss))
        || (eq_str(&f["title"], &g["title"]) && eq_str(&f["subtitle"], &g["subtitle"]));
    sc.field(
        &format!("{kind} {t:?} subtitle"),
        sub_ok,
        &f["subtitle"],
        &g["subtitle"],
    );
    sc.field(
        &format!("{kind} {t:?} authors"),
        eq_list(&f["authors"], &g["authors"]),
        &f["authors"],
        &g["authors"],
    );
    sc.field(
        &format!("{kind} {t:?} first words of abstract"),
        starts_with_words(&f["abstract"], &g["first_words_of_body"]),
        &f["abstract"].get(0).cloned().unwrap_or(Value::Null),
        &g["first_words_of_body"],
    );
}

fn check_publication(kind: &str, f: &Value, g: &Value, sc: &mut Score) {
    let t = f["title"].as_str().unwrap_or("");
    sc.field(
        &format!("{kind} {t:?} authors"),
        eq_list(&f["authors"], &g["authors"]),
        &f["authors"],
        &g["authors"],
    );
    sc.field(
        &format!("{kind} {t:?} year"),
        f["year"] == g["year"],
        &f["year"],
        &g["year"],
    );
    sc.field(
        &format!("{kind} {t:?} venue"),
        eq_str(&f["venue"], &g["venue"]),
        &f["venue"],
        &g["venue"],
    );
}

fn check_phd(kind: &str, f: &Value, g: &Value, sc: &mut Score) {
    let t = f["title"].as_str().unwrap_or("");
    for k in ["candidate", "institution", "status"] {
        sc.field(
            &format!("{kind} {t:?} {k}"),
            eq_str(&f[k], &g[k]),
            &f[k],
            &g[k],
        );
    }
}

fn check_none(_: &str, _: &Value, _: &Value, _: &mut Score) {}

fn vendor_key(f: &Value, g: &Value) -> bool {
    eq_str(&f["name"], &g["name"])
}

/// A stated count matches on value and `refers_to`, and one text contains the other.
fn count_key(f: &Value, g: &Value) -> bool {
    let (ft, gt) = (
        s(&f["text"]).unwrap_or_default(),
        s(&g["text"]).unwrap_or_default(),
    );
    f["value"] == g["value"]
        && f["refers_to"] == g["refers_to"]
        && (ft.contains(&gt) || gt.contains(&ft))
}

/// Compare a parsed report (as JSON) with its gold file.
pub fn score(found: &Value, gold: &Value) -> Score {
    let mut sc = Score::default();
    for k in ["year", "title"] {
        let ok = if k == "title" {
            eq_str(&found[k], &gold[k])
        } else {
            found[k] == gold[k]
        };
        sc.field(k, ok, &found[k], &gold[k]);
    }
    let fs = &found["preface"]["signatory"];
    let gs = &gold["preface"]["signatory"];
    sc.field(
        "signatory name",
        eq_str(&fs["name"], &gs["name"]),
        &fs["name"],
        &gs["name"],
    );
    sc.field(
        "signatory role",
        eq_str(&fs["role"], &gs["role"]),
        &fs["role"],
        &gs["role"],
    );
    let arr = |v: &Value, k: &str| v[k].as_array().cloned().unwrap_or_default();
    match_list(
        "project",
        &arr(found, "projects"),
        &arr(gold, "projects"),
        title_key,
        check_project,
        &mut sc,
    );
    match_list(
        "portfolio",
        &arr(found, "portfolio"),
        &arr(gold, "portfolio"),
        title_key,
        check_portfolio,
        &mut sc,
    );
    match_list(
        "analysis",
        &arr(found, "analyses"),
        &arr(gold, "analyses"),
        title_key,
        check_analysis,
        &mut sc,
    );
    match_list(
        "publication",
        &arr(found, "publications"),
        &arr(gold, "publications"),
        title_key,
        check_publication,
        &mut sc,
    );
    match_list(
        "phd",
        &arr(found, "phd"),
        &arr(gold, "phd"),
        title_key,
        check_phd,
        &mut sc,
    );
    match_list(
        "vendor",
        &arr(found, "vendors"),
        &arr(gold, "vendors"),
        vendor_key,
        check_none,
        &mut sc,
    );
    match_list(
        "stated count",
        &arr(found, "stated_counts"),
        &arr(gold, "stated_counts"),
        count_key,
        check_none,
        &mut sc,
    );
    sc
}

// ===========================================================================
// Renderings (tests/renderings.rs)
//
// A rendering of a sample report (PDF text, pandoc output, CRLF, …) is scored
// against the parse of the sample itself: that parse plays the gold file.
// Nothing above this line is changed by this section.
// ===========================================================================

/// The item lists a rendering is compared on (stated counts and dates are not).
pub const RENDERING_KINDS: [&str; 6] = [
    "projects",
    "portfolio",
    "analyses",
    "publications",
    "phd",
    "vendors",
];

/// Turn a parsed report (as JSON) into a gold-shaped value for [`score`]:
/// only [`RENDERING_KINDS`] and the top-level fields are kept, and each project
/// and analysis gets `first_words_of_body` (the first 8 words of its first
/// summary or abstract paragraph) as the gold files have it.
pub fn gold_from_parse(parsed: &Value) -> Value {
    let mut gold = serde_json::Map::new();
    for k in ["schema_version", "year", "title", "preface"] {
        gold.insert(k.to_owned(), parsed[k].clone());
    }
    for kind in RENDERING_KINDS {
        let items: Vec<Value> = parsed[kind]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .map(|mut item| {
                let body = ["summary", "abstract"]
                    .iter()
                    .find_map(|k| item[*k].get(0).and_then(Value::as_str))
                    .map(|p| p.split_whitespace().take(8).collect::<Vec<_>>().join(" "));
                if let Some(o) = item.as_object_mut() {
                    o.remove("span");
                    if kind == "projects" || kind == "analyses" {
                        o.insert(
                            "first_words_of_body".to_owned(),
                            body.map(Value::String).unwrap_or(Value::Null),
                        );
                    }
                }
                item
            })
            .collect();
        gold.insert(kind.to_owned(), Value::Array(items));
    }
    Value::Object(gold)
}

/// Score the parse of a rendering against the parse of its source: entity F1
/// over [`RENDERING_KINDS`] (matched by title, vendors by name) and field
/// accuracy on the matched items, with the same folding as [`score`].
pub fn score_rendering(found: &Value, source: &Value) -> Score {
    let gold = gold_from_parse(source);
    let mut found = found.clone();
    if let Some(o) = found.as_object_mut() {
        o.remove("stated_counts");
    }
    score(&found, &gold)
}

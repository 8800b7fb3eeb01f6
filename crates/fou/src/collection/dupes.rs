//! The same report twice: the same content (the same hash), or two
//! renderings of one report (the same year and mostly the same items).

use super::Text;
use crate::model::Report;

/// Two texts are renderings of one report when they share at least this
/// share of their item titles (shared over all, Jaccard): renderings of one
/// report lose or split an item here and there (the renderings fixtures
/// share 0.8 and more of their titles), while a web page that lists part of
/// a report's portfolio, or two reports of the same year of different
/// kinds, share far less.
const RENDERING_SHARED: f64 = 0.6;

/// … and at least this many titles: two texts with a couple of items each
/// say too little to be called one report.
const RENDERING_MIN_SHARED: usize = 3;

/// An item title folded for comparing renderings: letters and digits of each
/// word, lower case, words joined by one space.
///
/// Written into one string (each word lower-cased in place when it has a
/// capital): every item title of a collection is folded twice, once of it
/// on the thread that gathers the texts.
pub(super) fn fold_title(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    for word in title.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&crate::text::lower(word));
    }
    out
}

/// The folded titles of a report's items, sorted and without repeats.
pub(super) fn keys(report: &Report) -> Vec<String> {
    let titles = report
        .projects
        .iter()
        .map(|p| &*p.title)
        .chain(report.portfolio.iter().map(|p| &*p.title))
        .chain(report.analyses.iter().map(|a| &*a.title))
        .chain(report.phd.iter().map(|p| &*p.title))
        .chain(report.publications.iter().map(|p| &*p.title));
    let mut keys: Vec<String> = titles.map(fold_title).filter(|k| !k.is_empty()).collect();
    keys.sort();
    keys.dedup();
    keys
}

/// Titles two sorted key lists share.
fn shared(a: &[String], b: &[String]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Why a text with the content of another duplicates it.
const SAME_CONTENT: &str = "the same content";

/// Why `b` duplicates `a`, if it does.
pub(super) fn duplicates(a: &Text, b: &Text) -> Option<String> {
    if a.hash == b.hash {
        return Some(SAME_CONTENT.to_owned());
    }
    let year = a.year.filter(|y| b.year == Some(*y))?;
    let n = shared(&a.keys, &b.keys);
    let all = a.keys.len() + b.keys.len() - n;
    let share = n as f64 / all.max(1) as f64;
    (n >= RENDERING_MIN_SHARED && share >= RENDERING_SHARED).then(|| {
        format!(
            "another rendering of the same report: year {year}, {n} of {all} item titles shared ({:.0}%)",
            share * 100.0
        )
    })
}

/// The texts kept so far, for adding texts one at a time: of a group of
/// duplicates, the text with the most items is kept (the first of those
/// with as many), so the best rendering is the one read; a duplicate is
/// emptied of its items as soon as it is known.
///
/// A text with the content of any earlier text (kept or not) is that
/// text's duplicate: it follows it to the text kept, and is never kept
/// while that one is not (the texts table holds one row for a content).
#[derive(Debug, Default)]
pub(super) struct Kept {
    kept: Vec<usize>,
    /// The slots of `kept` whose texts have a year, by that year, in order.
    /// Only a text of the same year may be another rendering of a kept text
    /// ([`duplicates`]; one of the same content is found by its hash), so a
    /// new text is compared with these alone: comparing it with every text
    /// kept made adding a collection's texts quadratic in their number. A
    /// slot keeps its year: the text that takes it is of the same year.
    by_year: std::collections::HashMap<i32, Vec<usize>>,
    /// The first text of each content hash.
    first: std::collections::HashMap<String, usize>,
}

/// How [`Kept`] finds the kept text a new one is another rendering of: the
/// slot of the first such text in `kept`, and why.
type Finder = fn(&Kept, &[Text], usize) -> Option<(usize, String)>;

impl Kept {
    /// Add `text` to `texts`, marking it or an earlier kept text as a
    /// duplicate.
    pub(super) fn add(&mut self, texts: &mut Vec<Text>, text: Text) {
        self.add_with(texts, text, Kept::rendering_of_its_year);
    }

    /// [`Kept::add`], the kept text a new one renders found by `find`.
    fn add_with(&mut self, texts: &mut Vec<Text>, text: Text, find: Finder) {
        let i = texts.len();
        let first = *self.first.entry(text.hash.clone()).or_insert(i);
        texts.push(text);
        if first != i {
            // The first of the content, or the text kept in its place (said
            // so: the kept one may be another rendering).
            let (kept, reason) = match texts[first].duplicate_of {
                None => (first, SAME_CONTENT.to_owned()),
                Some(k) => (k, format!("{SAME_CONTENT} as {}", texts[first].name(first))),
            };
            texts[i].duplicate_of = Some(kept);
            texts[i].duplicate_reason = Some(reason);
            super::drop_items(&mut texts[i]);
            return;
        }
        let Some((slot, reason)) = find(self, texts, i) else {
            if let Some(year) = texts[i].year {
                self.by_year.entry(year).or_default().push(self.kept.len());
            }
            self.kept.push(i);
            return;
        };
        let k = self.kept[slot];
        let (keep, lose) = if texts[i].items > texts[k].items {
            (i, k)
        } else {
            (k, i)
        };
        // The old text's duplicates follow it to the new one.
        for t in texts.iter_mut() {
            if t.duplicate_of == Some(lose) {
                t.duplicate_of = Some(keep);
            }
        }
        texts[lose].duplicate_of = Some(keep);
        texts[lose].duplicate_reason = Some(reason);
        super::drop_items(&mut texts[lose]);
        self.kept[slot] = keep;
    }

    /// The first kept text that text `i` of `texts` is another rendering
    /// of ([`duplicates`]), looked for among those of its year
    /// ([`Kept::by_year`]): its slot, and why.
    fn rendering_of_its_year(&self, texts: &[Text], i: usize) -> Option<(usize, String)> {
        let slots = self.by_year.get(&texts[i].year?)?;
        (slots.iter()).find_map(|&s| duplicates(&texts[self.kept[s]], &texts[i]).map(|r| (s, r)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`Kept::add`] as it was: every kept text compared with the new one.
    fn rendering_of_any(kept: &Kept, texts: &[Text], i: usize) -> Option<(usize, String)> {
        (kept.kept.iter().enumerate())
            .find_map(|(s, &k)| duplicates(&texts[k], &texts[i]).map(|r| (s, r)))
    }

    #[test]
    fn renderings_are_found_among_the_texts_of_their_year_as_among_all() {
        let template = super::super::compact(crate::parse("FoU-rapport 2021\n").unwrap());
        let titles = ["a", "b", "c", "d", "e", "f", "g", "h"];
        let mut draw = crate::link::tests_draw(3);
        let mut renderings = 0;
        for _ in 0..40 {
            let (mut by_year, mut by_scan) = (Kept::default(), Kept::default());
            let (mut a, mut b) = (Vec::new(), Vec::new());
            for _ in 0..60 {
                let mut t = template.clone();
                t.hash = format!("{:064}", draw(30));
                t.year = [None, Some(2020), Some(2021), Some(2022)][draw(4)];
                t.items = draw(6);
                let mut keys: Vec<String> = titles
                    .iter()
                    .filter(|_| draw(3) > 0)
                    .map(|k| (*k).to_owned())
                    .collect();
                keys.truncate(3 + draw(6));
                t.keys = keys;
                by_year.add(&mut a, t.clone());
                by_scan.add_with(&mut b, t, rendering_of_any);
            }
            let seen = |texts: &[Text]| -> Vec<(Option<usize>, Option<String>)> {
                texts
                    .iter()
                    .map(|t| (t.duplicate_of, t.duplicate_reason.clone()))
                    .collect()
            };
            assert_eq!(seen(&a), seen(&b));
            assert_eq!(by_year.kept, by_scan.kept);
            let rendered = |t: &&Text| {
                t.duplicate_reason
                    .as_deref()
                    .is_some_and(|r| r.starts_with("another"))
            };
            renderings += a.iter().filter(rendered).count();
        }
        assert!(renderings > 100, "{renderings}");
    }

    #[test]
    fn titles_fold_to_words() {
        assert_eq!(fold_title("Tolk i NAV – en studie"), "tolk i nav en studie");
        // As each word lower-cased alone and the words joined: also words
        // that grow when lower-cased (`İ`), end in a capital sigma, or are
        // no letters at all.
        let by_words = |t: &str| {
            t.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
                .join(" ")
        };
        for t in [
            "",
            " – ",
            "ÆØÅ og æøå",
            "İSTANBUL-studien",
            "ΟΔΟΣ Σ σ",
            "2020–2022: «Unge»",
            "a\u{a0}b\tc",
        ] {
            assert_eq!(fold_title(t), by_words(t), "{t}");
        }
        assert_eq!(fold_title("«Unge» i arbeid?"), "unge i arbeid");
    }

    #[test]
    fn shared_counts_common_keys() {
        let k = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(shared(&k(&["a", "b", "c"]), &k(&["b", "c", "d"])), 2);
        assert_eq!(shared(&k(&[]), &k(&["a"])), 0);
    }
}

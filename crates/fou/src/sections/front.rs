//! Front matter: title and year, table of contents, preface and signatory.

use super::{Doc, Part, Role, role_of};
use crate::blocks::{Block, BlockKind};
use crate::lines::normalize;
use crate::model::{Preface, Signatory};
use crate::text::{norm, year_in};

/// The table of contents: entry titles, normalised, with their top-level flag.
#[derive(Debug, Default)]
pub(crate) struct Toc {
    top: std::collections::HashSet<String>,
}

impl Toc {
    /// Is `title` listed as a top-level entry?
    pub fn is_top_level(&self, title: &str) -> bool {
        let t = toc_key(title);
        self.top.contains(&t)
    }
}

fn toc_key(title: &str) -> String {
    norm(title.trim_end_matches(|c: char| {
        c == '.' || c == '…' || c.is_ascii_digit() || c.is_whitespace()
    }))
}

fn is_title(text: &str) -> bool {
    let t = norm(text);
    year_in(&t).is_some() && (t.contains("rapport") || t.contains("fou")) && t.chars().count() < 120
}

/// Title, year and table of contents; marks the blocks it claims.
pub(crate) fn read_front(doc: &mut Doc<'_>) -> Toc {
    let blocks = doc.blocks;
    // The title: the first block near the top that names a report and a year.
    for (i, b) in blocks.iter().enumerate().take(12) {
        if matches!(b.kind, BlockKind::Heading { .. } | BlockKind::Paragraph) && is_title(b.text())
        {
            doc.report.title = Some(b.text().trim().to_owned());
            doc.report.year = year_in(b.text());
            doc.parts[i] = Part::Front;
            break;
        }
    }
    let mut toc = Toc::default();
    let bold = |b: &Block| normalize(&doc.src.text()[b.start..b.end]).contains("<b>");
    let any_bold = blocks
        .iter()
        .any(|b| b.kind == BlockKind::TocEntry && bold(b));
    for (i, b) in blocks.iter().enumerate() {
        if b.kind == BlockKind::TocEntry {
            let top = !any_bold || bold(b);
            let key = toc_key(b.text());
            if top {
                toc.top.insert(key);
            }
            doc.parts[i] = Part::Toc;
        } else if b.is_heading() && role_of(b.text(), false) == Role::Toc {
            doc.parts[i] = Part::Toc;
            doc.roles[i] = Some(Role::Toc);
        }
    }
    // Front-page lines before the first heading after the title (e.g. a picture credit).
    toc
}

fn looks_like_role(text: &str) -> bool {
    let t = norm(text);
    t.chars().count() <= 80 && crate::lexicon::ROLE_WORDS.iter().any(|w| t.contains(w))
}

fn looks_like_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
        && !text.contains(['?', ':', '!'])
}

/// The preface: paragraphs up to the greeting; the signature after it.
pub(crate) fn read_preface(doc: &mut Doc<'_>, start: usize, end: usize) {
    let blocks = doc.blocks;
    let mut paragraphs = Vec::new();
    let mut signatory = None;
    let mut i = start;
    while i < end {
        let b = &blocks[i];
        let first_line = b.text().lines().next().unwrap_or("").trim();
        let lower = norm(first_line);
        let greeting = crate::lexicon::GREETINGS.iter().find(|g| {
            lower.starts_with(*g) && {
                let rest = &lower[g.len()..];
                rest.is_empty() || rest.starts_with([' ', ',', '.'])
            }
        });
        if let Some(g) = greeting {
            // The signature lines: in the same block (hard breaks), on the greeting's own
            // line (`Vennlig hilsen Kari Nordmann Seniorrådgiver`), or the next short blocks.
            let mut lines: Vec<(usize, String)> = Vec::new();
            let same_line = first_line
                .get(g.len()..)
                .map(|r| r.trim_start_matches([',', '.', ' ']).trim())
                .unwrap_or("");
            if !same_line.is_empty() {
                let words: Vec<&str> = same_line.split_whitespace().collect();
                let cut = (1..words.len())
                    .find(|&k| looks_like_role(words[k]))
                    .unwrap_or(words.len());
                lines.push((i, words[..cut].join(" ")));
                if cut < words.len() {
                    lines.push((i, words[cut..].join(" ")));
                }
            }
            lines.extend(
                b.text()
                    .lines()
                    .skip(1)
                    .map(|l| (i, l.trim().to_owned()))
                    .filter(|(_, l)| !l.is_empty()),
            );
            doc.parts[i] = Part::Preface;
            let mut j = i + 1;
            while j < end && lines.len() < 2 && blocks[j].text().chars().count() <= 80 {
                let t = blocks[j].text().trim();
                if lines.is_empty() && !looks_like_role(t) {
                    // `Kari M. Nordmann Seniorrådgiver` on one line: a name, then a role.
                    let words: Vec<&str> = t.split_whitespace().collect();
                    if let Some(k) = (2..words.len()).find(|&k| looks_like_role(words[k]))
                        && looks_like_name(&words[..k].join(" "))
                    {
                        lines.push((j, words[..k].join(" ")));
                        lines.push((j, words[k..].join(" ")));
                        break;
                    }
                }
                let fits = if lines.is_empty() {
                    looks_like_name(t)
                } else {
                    looks_like_role(t)
                };
                if !fits {
                    break;
                }
                lines.push((j, t.to_owned()));
                j += 1;
            }
            for &(k, _) in &lines {
                doc.parts[k] = Part::Preface;
            }
            let mut it = lines.into_iter().map(|(_, l)| l);
            if let Some(name) = it.next() {
                signatory = Some(Signatory {
                    name,
                    role: it.next(),
                });
            }
            break;
        }
        if b.is_heading() && doc.roles[i].is_some_and(Role::is_major) {
            break;
        }
        if matches!(
            b.kind,
            BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Heading { level: None }
        ) {
            paragraphs.push(b.text().trim().to_owned());
            doc.parts[i] = Part::Preface;
        }
        i += 1;
    }
    doc.report.preface = Some(Preface {
        text: paragraphs.join("\n\n"),
        signatory,
    });
}

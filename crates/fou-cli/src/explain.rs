//! `fou explain`: one output line per input line, saying where the parser
//! put it.

use std::fmt::Write as _;
use std::io::Write;

use fou::blocks::{Block, BlockKind, Repair, RepairKind};

use crate::input::Input;
use crate::output::{Stop, say};

/// Characters of each input line shown.
const TEXT_WIDTH: usize = 100;
/// Width of the THEME column; longer themes are cut with `…`.
const THEME_WIDTH: usize = 24;
/// Characters shown of the text before and after a repair.
const REPAIR_WIDTH: usize = 40;

/// The names of the KIND column with what each means.
const KINDS: &[(&str, &str)] = &[
    (
        "heading",
        "a heading: Markdown `#`, or a short line read as one (it is in the outline)",
    ),
    (
        "line",
        "a short line kept as text: a sub-heading in a summary, a signature, a list's intro",
    ),
    ("paragraph", "running text"),
    ("item", "a bullet list item"),
    ("toc", "a table-of-contents entry"),
    ("field", "a labelled field (`Prosjekttittel: …`)"),
    (
        "table-row",
        "a row of a pipe table (`| Tittel | Periode |`)",
    ),
    (
        "marker",
        "page furniture: a page number, a bullet alone on its line, a table's `|---|` row",
    ),
];

/// The text after `fou explain --help`'s options: columns, kinds, parts, records.
pub(crate) fn help() -> String {
    let mut h = String::from(
        "Columns:\n  \
         LINE    input line number, from 1\n  \
         BLOCK   #N: the block the line belongs to, numbered from 1; the lines of one block share N\n  \
         KIND    what the block is (kinds below)\n  \
         PART    the part of the report the block was placed in (parts below), or `blank`\n  \
         RECORD  the record whose span covers the line: `project 3` is the 3rd entry of `projects`\n          \
         in `fou parse` output (projects[2]); inside a record the innermost one is named\n  \
         THEME   the theme heading of that record (projects and portfolio items), cut after 24 characters\n  \
         TEXT    the line as written, cut after 100 characters\n\nKinds:\n",
    );
    for (name, what) in KINDS {
        let _ = writeln!(h, "  {name:<11} {what}");
    }
    h.push_str("\nParts:\n");
    for part in fou::Part::ALL {
        let _ = writeln!(h, "  {:<11} {}", part.as_str(), part.description());
    }
    h.push_str("\nRecords: project, portfolio, analysis, publication, phd, vendor (the lists of `fou parse`).\n");
    h.push_str(
        "\nRepairs: after the lines (when there are any), every mend made to the text: its LINE,\n\
         KIND, input BYTES and the text before → after (`⏎` a line end; long text cut). Kinds:\n",
    );
    for kind in RepairKind::ALL {
        let _ = writeln!(h, "  {:<16} {}", kind.as_str(), kind.description());
    }
    h
}

fn kind_name(kind: BlockKind, in_outline: bool) -> &'static str {
    match kind {
        BlockKind::Heading { level: Some(_) } => "heading",
        BlockKind::Heading { level: None } if in_outline => "heading",
        BlockKind::Heading { level: None } => "line",
        BlockKind::Paragraph => "paragraph",
        BlockKind::ListItem => "item",
        BlockKind::TocEntry => "toc",
        BlockKind::Field(_) => "field",
        BlockKind::Marker => "marker",
        BlockKind::TableRow { .. } => "table-row",
    }
}

/// `Arbeid og helse` → `Arbeid og helse`; longer than `width` → cut with `…`.
fn cut(s: &str, width: usize) -> String {
    match s.char_indices().nth(width.saturating_sub(1)) {
        Some((i, _)) if s.chars().count() > width => format!("{}…", &s[..i]),
        _ => s.to_owned(),
    }
}

/// RECORD and THEME of a line: the innermost item that covers it, and the
/// theme of the first (outermost) covering item that has one.
fn record_columns(items: &[fou::ItemRef<'_>]) -> (String, String) {
    let record = items
        .last()
        .map(|i| format!("{} {}", i.kind.as_str(), i.index + 1))
        .unwrap_or_default();
    let theme = items
        .iter()
        .find_map(|i| i.theme)
        .map(|t| cut(t, THEME_WIDTH))
        .unwrap_or_default();
    (record, theme)
}

pub(crate) fn run(out: &mut impl Write, inp: &Input) -> Result<(), Stop> {
    if inp.src.line_count() == 0 {
        return say(out, "(empty input: no lines)");
    }
    let fou::Explained {
        report,
        blocks,
        repairs,
        ..
    } = crate::sized_run(inp, || fou::explain(&inp.src, &inp.options));
    let outline: Vec<usize> = report.outline.iter().map(|h| h.span.start).collect();
    let by_line = report.items_by_line();
    say(
        out,
        &format!(
            "{:>5} {:<5} {:<9} {:<11} {:<14} {:<THEME_WIDTH$} | TEXT",
            "LINE", "BLOCK", "KIND", "PART", "RECORD", "THEME"
        ),
    )?;
    let mut bi = 0;
    let mut text_lines = 0;
    for (n, line) in fou::lines::split_lines(inp.src.text()).enumerate() {
        let no = n + 1;
        let lines_of = |b: &fou::blocks::Block| b.lines(inp.src.index());
        while bi < blocks.len() && lines_of(&blocks[bi].0).1 < no {
            bi += 1;
        }
        let blank = line.text.trim().is_empty();
        text_lines += usize::from(!blank);
        let block = blocks
            .get(bi)
            .filter(|(b, _)| lines_of(b).0 <= no && !blank);
        let label = block_columns(bi, block, &outline);
        let (record, theme) = record_columns(by_line.get(n).map_or(&[], Vec::as_slice));
        let shown: String = line.text.chars().take(TEXT_WIDTH).collect();
        say(
            out,
            &format!("{no:>5} {label} {record:<14} {theme:<THEME_WIDTH$} | {shown}"),
        )?;
    }
    if text_lines == 0 {
        say(
            out,
            &format!("(no text: all {} lines are blank)", inp.src.line_count()),
        )?;
    }
    print_repairs(out, inp.src.text(), &repairs)
}

/// The repairs after the lines, when there are any: a blank line,
/// `Repairs (N):` and one line each.
fn print_repairs(out: &mut impl Write, text: &str, repairs: &[Repair]) -> Result<(), Stop> {
    if repairs.is_empty() {
        return Ok(());
    }
    say(out, &format!("\nRepairs ({}):", repairs.len()))?;
    for r in repairs {
        let before = text.get(r.start..r.end).unwrap_or("");
        let shown = match &r.after {
            Some(after) if after.as_ref() != before => {
                format!("{} → {}", quoted(before), quoted(after))
            }
            _ => quoted(before),
        };
        let bytes = format!("{}..{}", r.start, r.end);
        say(
            out,
            &format!("{:>5} {:<16} {bytes:<13} {shown}", r.line, r.kind.as_str()),
        )?;
    }
    Ok(())
}

/// `s` in quotes, its line ends as `⏎`, cut after [`REPAIR_WIDTH`] characters.
fn quoted(s: &str) -> String {
    let one_line: String = s
        .chars()
        .map(|c| if c == '\n' { '⏎' } else { c })
        .filter(|&c| c != '\r')
        .collect();
    format!("\"{}\"", cut(&one_line, REPAIR_WIDTH))
}

/// BLOCK, KIND and PART of a line: its block, or `blank`.
fn block_columns(index: usize, block: Option<&(Block, fou::Part)>, outline: &[usize]) -> String {
    match block {
        Some((b, part)) => {
            let in_outline = outline.binary_search(&b.start).is_ok();
            format!(
                "#{:<4} {:<9} {:<11}",
                index + 1,
                kind_name(b.kind, in_outline),
                part.as_str()
            )
        }
        None => format!("{:<5} {:<9} {:<11}", "", "", "blank"),
    }
}

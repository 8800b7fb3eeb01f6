//! Tables laid out as columns of text, as converters write a document's
//! tables in plain text: pandoc's multiline tables (between two rules of
//! dashes, a row of dash groups under the header, rows parted by blank
//! lines) and simple tables, and the aligned columns of pdftotext -layout
//! and w3m (no rules: the columns stand apart by the white space between
//! them); pandoc's grid tables (`+---+` borders, `|` between cells);
//! tables copied from a web page, their cells parted by tabs; and tables
//! in HTML (`<table>`, [`super::html_table`]).
//!
//! A table is found at its header: a line of short cells parted by runs of
//! spaces that [`Hints::heads_table`] says heads a table of projects,
//! perhaps with the head of a cell a narrow column broke on the line above
//! (`Perio` over `de`). Where each column starts comes from pandoc's dash
//! groups, or else from the gutters: the character columns between two
//! header cells that are blank on every row line. The table ends at a line
//! whose text crosses a gutter, at a blank line (for pandoc's multiline
//! tables, at the closing rule) or at the text's end.
//!
//! Each row becomes a [`BlockKind::TableRow`] whose text is its cells
//! between pipes, as a pipe table's row is, so layer 3 reads both alike:
//! a multiline table's row from all its lines (each cell's lines joined, a
//! word broken with a hyphen mended), any other table's a block per line
//! (layer 3 joins the lines of a row, as it joins a pipe table's rows cut
//! by a page). The rules and the dash groups are markers.

use std::ops::Range;

use super::html_table::{self, HtmlRow};
use super::join::{append_mended, stacked_period};
use super::{Block, BlockKind, Hints, Repairs};
use crate::lines::{Joint, Lines, MappedText, RawLine};
use crate::swar;

/// Spaces that part two cells at least: one space parts a cell's words.
const MIN_GAP: usize = 2;
/// Words of a header cell at most (`Utført av`, `Prosjektets tittel`):
/// a line with longer runs between its wide spaces is running text.
const MAX_HEADER_WORDS: usize = 3;
/// Bytes of a header's first cell and the wide space after it at most
/// (a whole number of [`swar::WORD`]s): the wide space is looked for that
/// far ([`first_gap`]).
const FIRST_CELL_BYTES: usize = 3 * swar::WORD;
/// Columns of a table of projects at most (title, institution, period,
/// theme, leader and a few more): a line of more cells heads none. With
/// [`MAX_TABLE_WIDTH`] it bounds the work a row's line costs.
const MAX_COLUMNS: usize = 12;
/// Characters of a table's header line at most: a wide page holds some
/// 200; pandoc and w3m wrap at 80.
const MAX_TABLE_WIDTH: usize = 400;
/// Bytes of the head of a header cell that a narrow column broke onto the
/// line above the header (`Perio` over `de`), at most.
const MAX_FRAGMENT_BYTES: usize = 12;
/// Characters a row's line may run past the header's end at most (its
/// last column's cells are wider than the header's word): a longer line is
/// running text after the table, whatever its spaces.
const MAX_OVERHANG: usize = 24;
/// Dashes of a table's rule at least (pandoc draws one above and one under
/// a multiline table); shorter runs of dashes are text.
const MIN_RULE_DASHES: usize = 10;

/// A table laid out as columns of text: its lines and where its columns
/// start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ColumnTable {
    /// Its lines: rules, header, dash groups and rows.
    pub(super) lines: Range<usize>,
    /// The header's lines: one, two when its first line is the head of a
    /// broken cell, or those of a grid or HTML table's header row.
    header: Range<usize>,
    /// Where its lines are cut into cells.
    cut: Cut,
    /// Rows are parted by blank lines or borders (pandoc's multiline and
    /// grid tables): a row is every line between two.
    separated: bool,
}

/// Where a table's lines are cut into cells.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Cut {
    /// Columns of text: the character column each column but the first
    /// starts at.
    Columns(Vec<usize>),
    /// At tabs (a table copied from a web page).
    Tabs,
    /// Between the `|`s of a grid table's lines, at the character columns
    /// of its borders' `+`s.
    Grid(Vec<usize>),
    /// An HTML table's rows, read from its tags.
    Html(Vec<HtmlRow>),
}

/// The table laid out as columns of text whose first line is line `li`
/// (a rule, the head of a broken header cell, or the header), if one is.
pub(super) fn table_at(lines: &Lines<'_>, li: usize, hints: &dyn Hints) -> Option<ColumnTable> {
    let first = lines.raw(li)?.text;
    if crate::text::trim_start(first).starts_with('+') {
        return grid_table(lines, li, hints);
    }
    if html_table::opens_table(first) {
        let (rows, end) = html_table::table_at(lines, li, hints)?;
        let header = rows.first()?.lines.clone();
        return Some(ColumnTable {
            lines: li..end,
            header,
            cut: Cut::Html(rows),
            separated: false,
        });
    }
    let top_rule = is_rule(first);
    let fragment = !top_rule && is_fragment(first);
    let head_at = li + usize::from(top_rule || fragment);
    let head = lines.raw(head_at)?.text;
    if !may_head(crate::text::trim(head)) {
        return None;
    }
    if head_at == li && head.contains('\t') {
        return tab_table(lines, li, hints);
    }
    let spans = header_spans(head, hints)?;
    if fragment && !within_one_cell(cell_spans(first).first()?, &spans) {
        return None;
    }
    let header = if fragment {
        li..head_at + 1
    } else {
        head_at..head_at + 1
    };
    let groups = lines.raw(header.end).and_then(|l| dash_groups(l.text));
    let body = header.end + usize::from(groups.is_some());
    let right = spans.last()?.end + MAX_OVERHANG;
    let within = |t: &str| crate::text::trim_end(t).chars().count() <= right;
    let (starts, end) = match groups {
        Some(g) if g.len() == spans.len() => {
            let starts: Vec<usize> = g[1..].iter().map(|r| r.start).collect();
            let end = body_end(lines, body, top_rule, |t| within(t) && !crosses(t, &starts));
            (starts, end)
        }
        Some(_) => return None,
        None => gutter_body(lines, body, &spans, fragment.then_some(first), within)?,
    };
    (end > body).then_some(ColumnTable {
        lines: li..end,
        header,
        cut: Cut::Columns(starts),
        separated: top_rule,
    })
}

/// The table whose header, line `li`, parts its cells with tabs, as a
/// table copied from a web page does: its rows the lines after it that
/// hold a tab.
fn tab_table(lines: &Lines<'_>, li: usize, hints: &dyn Hints) -> Option<ColumnTable> {
    let head = lines.raw(li)?.text;
    let cells: Vec<&str> = head.split('\t').map(crate::text::trim).collect();
    if !heads(&cells, hints) {
        return None;
    }
    let rows = (li + 1..lines.len())
        .take_while(|&k| lines.raw(k).is_some_and(|l| l.text.contains('\t')))
        .count();
    (rows > 0).then(|| ColumnTable {
        lines: li..li + 1 + rows,
        header: li..li + 1,
        cut: Cut::Tabs,
        separated: false,
    })
}

/// The grid table (pandoc: `+-----+-----+` borders, `| a | b |` lines, a
/// `+=====+=====+` border under the header) whose top border is line `li`,
/// when its header heads a table of projects: its rows the lines between
/// two borders.
fn grid_table(lines: &Lines<'_>, li: usize, hints: &dyn Hints) -> Option<ColumnTable> {
    let plus = grid_border(lines.raw(li)?.text)?;
    let cell_line = |k: usize| {
        lines
            .raw(k)
            .is_some_and(|l| crate::text::trim(l.text).starts_with('|'))
    };
    let head_end = (li + 1..lines.len()).find(|&k| !cell_line(k))?;
    let under = lines.raw(head_end)?.text;
    if head_end == li + 1 || !under.contains('=') || grid_border(under)? != plus {
        return None;
    }
    let header = li + 1..head_end;
    let mut cells: Vec<String> = Vec::new();
    for k in header.clone() {
        let raw = lines.raw(k)?;
        for (c, (_, cell)) in grid_cells(&raw, &plus).into_iter().enumerate() {
            match cells.get_mut(c) {
                Some(have) if !cell.is_empty() => {
                    if !have.is_empty() {
                        have.push(' ');
                    }
                    have.push_str(cell.as_str());
                }
                Some(_) => {}
                None => cells.push(cell.as_str().to_owned()),
            }
        }
    }
    let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
    if cells.len() > MAX_COLUMNS || !hints.heads_table(&cells) {
        return None;
    }
    let end = (head_end + 1..lines.len())
        .find(|&k| !cell_line(k) && lines.raw(k).and_then(|l| grid_border(l.text)).is_none())
        .unwrap_or(lines.len());
    (end > head_end + 1).then_some(ColumnTable {
        lines: li..end,
        header,
        cut: Cut::Grid(plus),
        separated: true,
    })
}

/// The character columns of the `+`s of a grid table's border (`+---+--+`,
/// `+===+==+`, colons for alignment), indented or not, when `text` is
/// one: three or more (two columns) and at most [`MAX_COLUMNS`] columns
/// within [`MAX_TABLE_WIDTH`], dashes or equals signs between.
fn grid_border(text: &str) -> Option<Vec<usize>> {
    let t = crate::text::trim_end(text);
    let mut plus = Vec::new();
    let mut lined = false;
    for (col, c) in t.chars().enumerate() {
        if col > MAX_TABLE_WIDTH || plus.len() > MAX_COLUMNS {
            // (no table of projects: and its lines are not cut at every `+`)
            return None;
        }
        match c {
            '+' => plus.push(col),
            '-' | '=' | ':' if !plus.is_empty() => lined |= c != ':',
            c if c.is_whitespace() && plus.is_empty() => {}
            _ => return None,
        }
    }
    (lined && plus.len() >= 3 && t.ends_with('+')).then_some(plus)
}

/// A line that parts a table's rows: a rule or a grid table's border.
fn is_border(text: &str) -> bool {
    is_rule(text) || grid_border(text).is_some()
}

/// May line `text`, after a blank line or an intro, be the first line of
/// a table laid out as columns ([`table_at`])? Told cheaply: a rule, a
/// grid table's border, `<table`, a short fragment, or a line whose first
/// cell ends in a wide space or a tab ([`first_gap`]) and whose end is no
/// sentence's.
pub(super) fn may_start(text: &str) -> bool {
    let t = crate::text::trim(text);
    match t.as_bytes().first() {
        None => false,
        Some(b'-') => is_rule(t),
        Some(b'+') => grid_border(t).is_some(),
        Some(b'<') => html_table::opens_table(t),
        Some(_) if t.len() <= MAX_FRAGMENT_BYTES && !t.contains(' ') => true,
        Some(_) => may_head(t),
    }
}

/// May trimmed line `t` be a table's header: its end is no sentence's,
/// and its first cell ends in a wide space ([`first_gap`])? Asked before
/// the line is cut into cells.
#[inline]
fn may_head(t: &str) -> bool {
    let ends_text = t
        .as_bytes()
        .last()
        .is_some_and(|b| matches!(b, b'.' | b':' | b',' | b';' | b'!' | b'?' | b')'));
    !ends_text && first_gap(t.as_bytes())
}

/// Is there a run of [`MIN_GAP`] spaces or a tab in the first
/// [`FIRST_CELL_BYTES`] bytes of `t` (a header's first cell ends in one)?
/// Eight bytes at a time ([`crate::swar`]), the head copied into a block
/// padded with a byte that is neither (most lines asked are the first lines
/// of paragraphs: no tail is read byte by byte).
fn first_gap(t: &[u8]) -> bool {
    let mut head = [b'x'; FIRST_CELL_BYTES];
    let n = t.len().min(FIRST_CELL_BYTES);
    head[..n].copy_from_slice(&t[..n]);
    let mut prev = 0;
    for w in swar::words(&head) {
        let spaces = swar::equal(w, b' ');
        if spaces & swar::back(spaces, prev, 1) | swar::equal(w, b'\t') != 0 {
            return true;
        }
        prev = spaces;
    }
    false
}

/// A rule: dashes only (at least [`MIN_RULE_DASHES`]), indented or not.
fn is_rule(text: &str) -> bool {
    let t = crate::text::trim(text);
    t.len() >= MIN_RULE_DASHES && t.bytes().all(|b| b == b'-')
}

/// The head of a header cell a narrow column broke: one short word.
fn is_fragment(text: &str) -> bool {
    let t = crate::text::trim(text);
    !t.is_empty() && t.len() <= MAX_FRAGMENT_BYTES && !t.contains(char::is_whitespace)
}

/// Does the span `piece` stand over one header cell of `spans` only: it
/// ends before the next cell starts, and starts after the one before
/// ends?
fn within_one_cell(piece: &Range<usize>, spans: &[Range<usize>]) -> bool {
    let k = spans.partition_point(|s| s.end <= piece.start);
    spans.get(k + 1).is_none_or(|next| piece.end <= next.start)
}

/// The character spans of `text`'s cells: runs of text parted by
/// [`MIN_GAP`] or more white-space characters.
fn cell_spans(text: &str) -> Vec<Range<usize>> {
    let mut spans: Vec<Range<usize>> = Vec::new();
    for (col, c) in text.chars().enumerate() {
        if c.is_whitespace() {
            continue;
        }
        match spans.last_mut() {
            Some(span) if col - span.end < MIN_GAP => span.end = col + 1,
            _ => spans.push(col..col + 1),
        }
    }
    spans
}

/// The byte offset of character column `col` of `text` (its length past
/// the end).
fn byte_at(text: &str, col: usize) -> usize {
    let at = text.char_indices().nth(col).map_or(text.len(), |(b, _)| b);
    crate::work::add(at);
    at
}

/// The text of the character columns `cols` of `text`, trimmed, and its
/// byte offset in `text`.
fn cut(text: &str, cols: Range<usize>) -> (usize, &str) {
    let (from, to) = (byte_at(text, cols.start), byte_at(text, cols.end));
    let cell = text.get(from..to).unwrap_or_default();
    let trimmed = crate::text::trim_start(cell);
    (
        from + cell.len() - trimmed.len(),
        crate::text::trim_end(trimmed),
    )
}

/// The cells of a table's header, when `text` is one: two to
/// [`MAX_COLUMNS`] cells of at most [`MAX_HEADER_WORDS`] words each, within
/// [`MAX_TABLE_WIDTH`], that head a table of projects
/// ([`Hints::heads_table`]).
fn header_spans(text: &str, hints: &dyn Hints) -> Option<Vec<Range<usize>>> {
    let spans = cell_spans(text);
    let width = spans.last().map_or(0, |s| s.end);
    if !(2..=MAX_COLUMNS).contains(&spans.len()) || width > MAX_TABLE_WIDTH {
        return None;
    }
    let cells: Vec<&str> = spans.iter().map(|s| cut(text, s.clone()).1).collect();
    heads(&cells, hints).then_some(spans)
}

/// Do a header line's `cells` head a table of projects: two to
/// [`MAX_COLUMNS`] of them, each of at most [`MAX_HEADER_WORDS`] words,
/// that [`Hints::heads_table`] says do?
fn heads(cells: &[&str], hints: &dyn Hints) -> bool {
    (2..=MAX_COLUMNS).contains(&cells.len())
        && cells
            .iter()
            .all(|c| c.split_whitespace().count() <= MAX_HEADER_WORDS)
        && hints.heads_table(cells)
}

/// The dash groups of pandoc's line under a table's header (`----- ---
/// ------`), one per column, when `text` is one: two or more.
fn dash_groups(text: &str) -> Option<Vec<Range<usize>>> {
    let mut groups: Vec<Range<usize>> = Vec::new();
    for (col, c) in text.chars().enumerate() {
        match c {
            '-' => match groups.last_mut() {
                Some(g) if g.end == col => g.end = col + 1,
                _ => groups.push(col..col + 1),
            },
            c if c.is_whitespace() => {}
            _ => return None,
        }
    }
    (groups.len() >= 2).then_some(groups)
}

/// Does text of `text` run across one of the column starts `starts` (its
/// characters before and at the start are no white space)?
fn crosses(text: &str, starts: &[usize]) -> bool {
    let chars: Vec<char> = text.chars().collect();
    let text_at = |col: usize| chars.get(col).is_some_and(|c| !c.is_whitespace());
    starts
        .iter()
        .any(|&s| s.checked_sub(1).is_some_and(text_at) && text_at(s))
}

/// The end of a table's body that starts at line `from`, whose lines
/// `fits`: at the first blank line, or (`separated`) at the rule that
/// closes it (two blank lines in a row end it too); at a line that does
/// not fit.
fn body_end(lines: &Lines<'_>, from: usize, separated: bool, fits: impl Fn(&str) -> bool) -> usize {
    let mut li = from;
    while let Some(RawLine { text, .. }) = lines.raw(li) {
        let blank = crate::text::trim(text).is_empty();
        if blank
            && !(separated
                && lines
                    .raw(li + 1)
                    .is_some_and(|n| !crate::text::trim(n.text).is_empty()))
        {
            break;
        }
        if separated && is_rule(text) {
            return li + 1;
        }
        if !blank && !fits(text) {
            break;
        }
        li += 1;
    }
    li
}

/// Is line `text` running text after a table laid out as columns rather
/// than a row of it: a sentence (it ends in `.`, `!` or `?`) with no wide
/// space in it that runs past the start of the header's second cell
/// (`spans`)? A row's cells stand apart; a title alone that ends in `?`
/// stays in its column.
fn is_prose(text: &str, spans: &[Range<usize>]) -> bool {
    let t = crate::text::trim(text);
    let second = spans.get(1).map_or(usize::MAX, |s| s.start);
    t.ends_with(['.', '!', '?'])
        && !t.contains("  ")
        && !t.contains('\t')
        && crate::text::trim_end(text).chars().count() > second
}

/// Where the columns of a table without dash groups start, and where its
/// body (from line `from`) ends: each column at the gutter before it, the
/// last character column between the header cells `spans` left of it
/// that is blank on every row line (and on the broken header cell's head,
/// `fragment`); the body ends at a blank line, at a line that would
/// leave two header cells no gutter, or at one not `within` the table's
/// width.
fn gutter_body(
    lines: &Lines<'_>,
    from: usize,
    spans: &[Range<usize>],
    fragment: Option<&str>,
    within: impl Fn(&str) -> bool,
) -> Option<(Vec<usize>, usize)> {
    // For each gap between two header cells: its columns, and which are
    // still blank on every line.
    let windows: Vec<Range<usize>> = spans.windows(2).map(|w| w[0].end..w[1].start).collect();
    let mut blank: Vec<Vec<bool>> = windows.iter().map(|w| vec![true; w.len()]).collect();
    let keep = |text: &str, blank: &mut Vec<Vec<bool>>| {
        let mut next = blank.clone();
        for (col, c) in text.chars().enumerate() {
            if c.is_whitespace() {
                continue;
            }
            for (w, b) in windows.iter().zip(next.iter_mut()) {
                if let Some(x) = col.checked_sub(w.start).and_then(|i| b.get_mut(i)) {
                    *x = false;
                }
            }
        }
        let fits = next.iter().all(|b| b.contains(&true));
        if fits {
            *blank = next;
        }
        fits
    };
    if let Some(f) = fragment {
        keep(f, &mut blank);
    }
    let mut li = from;
    while let Some(RawLine { text, .. }) = lines.raw(li) {
        if crate::text::trim(text).is_empty()
            || !within(text)
            || is_prose(text, spans)
            || !keep(text, &mut blank)
        {
            break;
        }
        li += 1;
    }
    let starts = windows
        .iter()
        .zip(&blank)
        .map(|(w, b)| b.iter().rposition(|&x| x).map(|i| w.start + i + 1))
        .collect::<Option<Vec<usize>>>()?;
    Some((starts, li))
}

/// The blocks of a table laid out as columns: its header row, a row per
/// row (its lines' cells joined, for a separated table) or per line, a
/// marker per rule or dash-group line.
pub(super) fn blocks<'a>(
    lines: &Lines<'a>,
    table: &ColumnTable,
    repairs: &mut Repairs,
) -> Vec<Block<'a>> {
    if let Cut::Html(rows) = &table.cut {
        return html_table::blocks(lines, table.lines.clone(), rows, repairs);
    }
    let mut out = Vec::new();
    let header = table.header.clone();
    out.extend(row_block(lines, table, header.clone(), true, repairs));
    let mut li = table.lines.start;
    while li < table.lines.end {
        let Some(raw) = lines.raw(li) else { break };
        let text = crate::text::trim(raw.text);
        if header.contains(&li) || text.is_empty() {
            li += 1;
            continue;
        }
        if is_border(text) || dash_groups(raw.text).is_some() {
            out.push(marker(&raw));
            li += 1;
            continue;
        }
        let end = if table.separated {
            (li..table.lines.end)
                .find(|&k| {
                    lines
                        .raw(k)
                        .is_none_or(|l| crate::text::trim(l.text).is_empty() || is_border(l.text))
                })
                .unwrap_or(table.lines.end)
        } else {
            li + 1
        };
        out.extend(row_block(lines, table, li..end, false, repairs));
        li = end;
    }
    out.sort_by_key(|b| b.start);
    out
}

/// A marker block for line `raw`.
pub(super) fn marker<'a>(raw: &RawLine<'a>) -> Block<'a> {
    Block {
        kind: BlockKind::Marker,
        text: MappedText::default(),
        start: raw.start,
        end: raw.end(),
        n_lines: 1,
        bold: false,
    }
}

/// The row block of the lines `rows` of `table`: each column's cells
/// joined (a header's tight, `Perio` + `de`; a row's as wrapped lines
/// are, a broken word mended), between pipes.
fn row_block<'a>(
    lines: &Lines<'a>,
    table: &ColumnTable,
    rows: Range<usize>,
    header: bool,
    repairs: &mut Repairs,
) -> Option<Block<'a>> {
    let first = lines.raw(rows.start)?;
    let last = lines.raw(rows.end.checked_sub(1)?)?;
    let mut cells: Vec<(usize, MappedText<'a>)> = Vec::new();
    // A header's lines: a grid table's wrap at spaces (`Utført` / `av`),
    // any other's are the pieces of a cell a narrow column broke (`Perio`
    // / `de`).
    let header_joint = match table.cut {
        Cut::Grid(_) => Joint::Space,
        _ => Joint::Tight,
    };
    for li in rows.clone() {
        let Some(raw) = lines.raw(li) else { continue };
        let cells_of_line = match &table.cut {
            Cut::Columns(starts) => line_cells(&raw, starts),
            Cut::Tabs => tab_cells(&raw),
            Cut::Grid(plus) => grid_cells(&raw, plus),
            Cut::Html(_) => Vec::new(),
        };
        for (k, (at, cell)) in cells_of_line.into_iter().enumerate() {
            match cells.get_mut(k) {
                Some((_, have)) if header => have.append(&cell, header_joint),
                Some((_, have)) => join_cell(have, &cell, repairs),
                None => cells.push((at, cell)),
            }
        }
    }
    Some(Block {
        kind: BlockKind::TableRow { header },
        text: pipe_row(&cells, last.end()),
        start: first.start,
        end: last.end(),
        n_lines: u32::try_from(rows.len()).unwrap_or(u32::MAX),
        bold: false,
    })
}

/// A row's text: its `cells` (each with the input offset it starts at)
/// between pipes, the last pipe at input offset `end`; a pipe stands for
/// no input.
pub(super) fn pipe_row<'a>(cells: &[(usize, MappedText<'a>)], end: usize) -> MappedText<'a> {
    let mut text = MappedText::default();
    for (at, cell) in cells {
        text.push_replacement('|', *at, 0);
        text.append(cell, Joint::Tight);
    }
    text.push_replacement('|', end, 0);
    text
}

/// The cells of grid-table line `raw`: the text between its `|`s, which
/// stand at the character columns `plus`; each cell's input offset and
/// its cleaned text.
fn grid_cells<'a>(raw: &RawLine<'a>, plus: &[usize]) -> Vec<(usize, MappedText<'a>)> {
    plus.windows(2)
        .map(|w| {
            let (at, cell) = cut(raw.text, w[0] + 1..w[1]);
            (raw.start + at, MappedText::clean(cell, raw.start + at))
        })
        .collect()
}

/// The cells of line `raw`, parted by tabs: each cell's input offset and
/// its cleaned text.
fn tab_cells<'a>(raw: &RawLine<'a>) -> Vec<(usize, MappedText<'a>)> {
    let mut at = 0;
    raw.text
        .split('\t')
        .map(|piece| {
            let trimmed = crate::text::trim_start(piece);
            let from = at + piece.len() - trimmed.len();
            at += piece.len() + 1;
            let cell = crate::text::trim_end(trimmed);
            (raw.start + from, MappedText::clean(cell, raw.start + from))
        })
        .collect()
}

/// Join `cell`, the next line's part of a cell, to `have`, as wrapped
/// lines are joined ([`append_mended`]), but tight between the parts of a
/// period stacked in a narrow column ([`stacked_period`]).
pub(super) fn join_cell(have: &mut MappedText<'_>, cell: &MappedText<'_>, repairs: &mut Repairs) {
    if stacked_period(have.as_str(), cell.as_str()) {
        have.append(cell, Joint::Tight);
    } else {
        append_mended(have, cell, repairs);
    }
}

/// The cells of line `raw`, cut where the columns `starts` start: each
/// cell's input offset and its cleaned text.
fn line_cells<'a>(raw: &RawLine<'a>, starts: &[usize]) -> Vec<(usize, MappedText<'a>)> {
    let bounds: Vec<usize> = std::iter::once(0)
        .chain(starts.iter().copied())
        .chain(std::iter::once(usize::MAX))
        .collect();
    bounds
        .windows(2)
        .map(|w| {
            let (at, cell) = cut(raw.text, w[0]..w[1]);
            (raw.start + at, MappedText::clean(cell, raw.start + at))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    //! Tables laid out as columns of text, found and cut on invented lines
    //! (the test hints head a table with a `Tittel` column).
    use super::*;
    use crate::Format;
    use crate::blocks::hints::TestHints;

    fn table(text: &str, li: usize) -> Option<ColumnTable> {
        table_at(&Lines::new(text, Format::Plain), li, &TestHints)
    }

    /// The kinds and texts of the blocks the table at line `li` makes.
    fn rows(text: &str, li: usize) -> Vec<(BlockKind, String)> {
        let lines = Lines::new(text, Format::Plain);
        let Some(t) = table_at(&lines, li, &TestHints) else {
            return Vec::new();
        };
        let mut repairs = Repairs::new(false);
        blocks(&lines, &t, &mut repairs)
            .into_iter()
            .map(|b| (b.kind, b.text().to_owned()))
            .collect()
    }

    const HEADER: BlockKind = BlockKind::TableRow { header: true };
    const ROW: BlockKind = BlockKind::TableRow { header: false };

    #[test]
    fn cells_are_parted_by_two_spaces_or_more() {
        assert_eq!(cell_spans("Tittel  Periode"), [0..6, 8..15]);
        assert_eq!(cell_spans("  Et prosjekt   2020"), [2..13, 16..20]);
        assert_eq!(
            dash_groups("  ---- --- --"),
            Some(vec![2..6, 7..10, 11..13])
        );
        assert_eq!(dash_groups("--------"), None);
        assert_eq!(dash_groups("--- x ---"), None);
    }

    #[test]
    fn a_multiline_table_makes_a_row_of_the_lines_between_blank_lines() {
        let text = "  --------------------------\n\
                    \x20 Tittel           Periode\n\
                    \x20 ---------------- --------\n\
                    \x20 Unge i arbeids-  2021-2023\n\
                    \x20 livet\n\
                    \n\
                    \x20 Tolk i kontoret  2022-2024\n\
                    \x20 --------------------------\n\
                    Tekst etter.\n";
        let t = table(text, 0).unwrap();
        assert_eq!((t.lines.clone(), t.separated), (0..8, true));
        let got = rows(text, 0);
        let texts: Vec<_> = got.iter().map(|(k, t)| (*k, t.as_str())).collect();
        assert_eq!(
            texts,
            [
                (BlockKind::Marker, ""),
                (HEADER, "|Tittel|Periode|"),
                (BlockKind::Marker, ""),
                (ROW, "|Unge i arbeidslivet|2021-2023|"),
                (ROW, "|Tolk i kontoret|2022-2024|"),
                (BlockKind::Marker, ""),
            ]
        );
    }

    /// Without dash groups a column starts after the gutter before it:
    /// the last character column blank on every line between two header
    /// cells (w3m centres the header, so its cells start right of their
    /// columns'); a line whose text crosses every gutter ends the table.
    #[test]
    fn aligned_columns_start_after_their_gutters() {
        let text = "   Tittel            Periode\n\
                    Et langt prosjekt  2020-2022\n\
                    om arbeid\n\
                    Kort               2021-\n\
                    \x20                  2023\n\
                    Her kommer en lang linje med tekst som går forbi alle kolonnene i tabellen.\n";
        let t = table(text, 0).unwrap();
        assert_eq!(
            (t.lines.clone(), t.cut.clone()),
            (0..5, Cut::Columns(vec![19]))
        );
        let texts: Vec<_> = rows(text, 0).into_iter().map(|(_, t)| t).collect();
        assert_eq!(
            texts,
            [
                "|Tittel|Periode|",
                "|Et langt prosjekt|2020-2022|",
                "|om arbeid||",
                "|Kort|2021-|",
                "||2023|",
            ]
        );
    }

    /// The head of a header cell a narrow column broke, alone on the line
    /// above the header, is joined to its cell.
    #[test]
    fn a_broken_header_cell_is_joined() {
        let text = "Perio\nde      Tittel\n2020    Et prosjekt\n";
        assert_eq!(
            rows(text, 0).first().map(|(k, t)| (*k, t.clone())),
            Some((HEADER, "|Periode|Tittel|".to_owned()))
        );
        // A word over two header cells is no head of one.
        assert_eq!(table("Perio de\nde   Tittel\n2020 Et\n", 0), None);
    }

    /// A table copied from a web page parts its cells with tabs: a row per
    /// line that holds a tab.
    #[test]
    fn a_table_of_tabs_is_cut_at_its_tabs() {
        let text = "Tittel\tPeriode\nEt prosjekt\t 2020-2022\nTo\t\nSlutt.\n";
        assert!(may_start("Tittel\tPeriode"));
        let t = table(text, 0).unwrap();
        assert_eq!((t.lines.clone(), t.cut.clone()), (0..3, Cut::Tabs));
        let texts: Vec<_> = rows(text, 0).into_iter().map(|(_, t)| t).collect();
        assert_eq!(
            texts,
            ["|Tittel|Periode|", "|Et prosjekt|2020-2022|", "|To||"]
        );
        assert_eq!(table("Tittel\tBeløp\nEt\t2\n", 0), None);
    }

    /// A grid table's borders give the `+`s its cells lie between; a row is
    /// the lines between two borders, the border under the header is of
    /// `=`s.
    #[test]
    fn a_grid_table_is_cut_between_its_bars() {
        assert_eq!(grid_border("+---+:==+"), Some(vec![0, 4, 8]));
        assert_eq!(grid_border("  +--+--+  "), Some(vec![2, 5, 8]));
        assert_eq!(grid_border("+--+"), None, "one column");
        assert_eq!(grid_border("+--+ x +"), None);
        assert_eq!(grid_border("+ + +"), None, "no line");
        let text = "+--------+---------+\n| Tittel | Periode |\n+========+=========+\n\
                    | Et     | 2020-   |\n| langt  | 2022    |\n+--------+---------+\n\
                    | Kort   | 2021    |\n+--------+---------+\nTekst.\n";
        let t = table(text, 0).unwrap();
        assert_eq!((t.lines.clone(), t.header.clone()), (0..8, 1..2));
        let texts = rows(text, 0);
        let marker = (BlockKind::Marker, String::new());
        assert_eq!(
            texts,
            [
                marker.clone(),
                (HEADER, "|Tittel|Periode|".to_owned()),
                marker.clone(),
                (ROW, "|Et langt|2020-2022|".to_owned()),
                marker.clone(),
                (ROW, "|Kort|2021|".to_owned()),
                marker,
            ]
        );
        // Without the `=` border there is no header: no table of projects.
        assert_eq!(table(&text.replace('=', "-"), 0), None);
    }

    /// A column's cells may start right of its header's word (a centred
    /// or right-aligned column): the header's own words stay whole.
    #[test]
    fn cells_right_of_their_header_keep_the_header_whole() {
        let text = "Tittel            Periode\nEt prosjekt        2021\n";
        let texts: Vec<_> = rows(text, 0).into_iter().map(|(_, t)| t).collect();
        assert_eq!(texts, ["|Tittel|Periode|", "|Et prosjekt|2021|"]);
    }

    /// A sentence right under the table, with no blank line between, ends
    /// it (its single spaces leave the gutters open).
    #[test]
    fn a_sentence_under_the_table_ends_it() {
        let text = "Tittel                 Periode\nEt prosjekt om arbeid  2020-2022\n\
                    NAV har i tillegg flere prosjekter.\nTittel  2021\n";
        assert_eq!(table(text, 0).map(|t| t.lines), Some(0..2));
    }

    #[test]
    fn lines_that_head_no_table_are_not_one() {
        assert_eq!(table("Tittel  Beløp\nEt prosjekt  2 mill.\n", 0), None);
        assert_eq!(table("Tittel  Periode\n", 0), None, "no rows");
        assert_eq!(table("Tittel og mer tekst  Periode\nEt  2020\n", 0), None);
        assert!(!may_start("Dette er en setning.  Og en til."));
        assert!(may_start("Tittel  Periode"));
        assert!(may_start("Perio"));
        assert!(!may_start("Et prosjekt om arbeid og helse,"));
        assert!(!may_start("Et prosjekt om arbeid og helse i kommunene  og"));
        for at in 0..40 {
            let line = format!("{}  b", "a".repeat(at));
            assert_eq!(
                first_gap(line.as_bytes()),
                at + MIN_GAP <= FIRST_CELL_BYTES,
                "{at}"
            );
        }
    }
}

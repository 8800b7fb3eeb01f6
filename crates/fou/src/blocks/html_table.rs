//! Tables written in HTML inside Markdown, as pandoc's `commonmark` and
//! `markdown_strict` writers give a document's tables: `<table>` …
//! `</table>`, a row per `<tr>`, a cell per `<th>` or `<td>`, a cell's
//! text over one line or more and perhaps in tags of its own (`<p>`,
//! `<br />`, `<strong>`). The rows become [`BlockKind::TableRow`]s as a
//! pipe table's do ([`super::columns`]); the other lines of the table
//! (`<colgroup>`, `<thead>`) are markers.

use std::ops::Range;

use super::columns::{join_cell, marker, pipe_row};
use super::{Block, BlockKind, Hints, Repairs};
use crate::lines::{Lines, MappedText};

/// Lines of an HTML table read at most, looking for its `</table>` (and
/// no further than the next line that opens a table): a table of
/// projects is far shorter.
const MAX_TABLE_LINES: usize = 2_000;

/// A piece of a cell's text: bytes `range` of line `line`, between tags.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Piece {
    line: usize,
    range: Range<usize>,
}

/// A row of an HTML table: its lines (`<tr>` to `</tr>`) and the pieces
/// of each of its cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct HtmlRow {
    pub(super) lines: Range<usize>,
    cells: Vec<Vec<Piece>>,
}

/// Does line `text` open an HTML table (`<table>`, `<table class=…>`)?
pub(super) fn opens_table(text: &str) -> bool {
    let t = crate::text::trim_start(text).as_bytes();
    t.len() >= "<table".len()
        && t[.."<table".len()].eq_ignore_ascii_case(b"<table")
        && matches!(t.get("<table".len()), Some(b'>' | b' ') | None)
}

/// The rows of the HTML table that opens at line `li` and the line after
/// its `</table>`, when its first row heads a table of projects
/// ([`Hints::heads_table`]) and it has more rows.
pub(super) fn table_at(
    lines: &Lines<'_>,
    li: usize,
    hints: &dyn Hints,
) -> Option<(Vec<HtmlRow>, usize)> {
    let mut scan = Scan::default();
    let last = lines.len().min(li + MAX_TABLE_LINES);
    // (up to the next line that opens a table, too: a line is read for one
    // opener at most, so a text of unclosed tables costs a pass)
    let end = (li..last)
        .take_while(|&k| k == li || lines.raw(k).is_some_and(|l| !opens_table(l.text)))
        .find(|&k| lines.raw(k).is_some_and(|l| scan.line(k, l.text)))?;
    let rows = scan.rows;
    let head = rows.first()?;
    let cells: Vec<String> = head.cells.iter().map(|c| plain_text(lines, c)).collect();
    let cells: Vec<&str> = cells.iter().map(String::as_str).collect();
    (rows.len() > 1 && hints.heads_table(&cells)).then_some((rows, end + 1))
}

/// The text of a cell's pieces, trimmed and joined by spaces (for the
/// header's test).
fn plain_text(lines: &Lines<'_>, pieces: &[Piece]) -> String {
    let words: Vec<&str> = pieces
        .iter()
        .filter_map(|p| lines.raw(p.line)?.text.get(p.range.clone()))
        .map(crate::text::trim)
        .filter(|t| !t.is_empty())
        .collect();
    words.join(" ")
}

/// The blocks of the HTML table of `rows` on `table`'s lines: a row block
/// per row (the first the header), a marker per other line.
pub(super) fn blocks<'a>(
    lines: &Lines<'a>,
    table: Range<usize>,
    rows: &[HtmlRow],
    repairs: &mut Repairs,
) -> Vec<Block<'a>> {
    let mut out = Vec::new();
    let mut li = table.start;
    for (k, row) in rows.iter().enumerate() {
        out.extend(markers(lines, li..row.lines.start));
        out.extend(row_block(lines, row, k == 0, repairs));
        li = row.lines.end;
    }
    out.extend(markers(lines, li..table.end));
    out
}

/// A marker per non-blank line of `range`.
fn markers<'a>(lines: &Lines<'a>, range: Range<usize>) -> Vec<Block<'a>> {
    range
        .filter_map(|k| lines.raw(k))
        .filter(|l| !crate::text::trim(l.text).is_empty())
        .map(|l| marker(&l))
        .collect()
}

/// The block of `row`: its cells' pieces cleaned and joined as wrapped
/// lines are, between pipes.
fn row_block<'a>(
    lines: &Lines<'a>,
    row: &HtmlRow,
    header: bool,
    repairs: &mut Repairs,
) -> Option<Block<'a>> {
    let first = lines.raw(row.lines.start)?;
    let last = lines.raw(row.lines.end.checked_sub(1)?)?;
    let mut cells: Vec<(usize, MappedText<'a>)> = Vec::new();
    for pieces in &row.cells {
        let mut text = MappedText::default();
        let mut at = None;
        for p in pieces {
            let Some(raw) = lines.raw(p.line) else {
                continue;
            };
            let Some(piece) = raw.text.get(p.range.clone()) else {
                continue;
            };
            let trimmed = crate::text::trim_start(piece);
            let from = raw.start + p.range.start + piece.len() - trimmed.len();
            let trimmed = crate::text::trim_end(trimmed);
            if trimmed.is_empty() {
                continue;
            }
            at.get_or_insert(from);
            join_cell(&mut text, &MappedText::clean(trimmed, from), repairs);
        }
        cells.push((at.unwrap_or(first.start), text));
    }
    Some(Block {
        kind: BlockKind::TableRow { header },
        text: pipe_row(&cells, last.end()),
        start: first.start,
        end: last.end(),
        n_lines: u32::try_from(row.lines.len()).unwrap_or(u32::MAX),
        bold: false,
    })
}

/// The rows read so far, line by line.
#[derive(Default)]
struct Scan {
    rows: Vec<HtmlRow>,
    /// The open row: its first line and its cells so far.
    row: Option<(usize, Vec<Vec<Piece>>)>,
    /// A cell is open: text goes into the open row's last cell.
    in_cell: bool,
}

impl Scan {
    /// Read line `k` of text `text`; true at `</table>`.
    fn line(&mut self, k: usize, text: &str) -> bool {
        crate::work::add(text.len());
        let mut at = 0;
        while at < text.len() {
            let Some(open) = text[at..].find('<').map(|i| at + i) else {
                self.text(k, at..text.len());
                break;
            };
            self.text(k, at..open);
            let Some(close) = text[open..].find('>').map(|i| open + i + 1) else {
                self.text(k, open..text.len());
                break;
            };
            if self.tag(k, &text[open + 1..close - 1]) {
                return true;
            }
            at = close;
        }
        false
    }

    /// Text between tags: a piece of the open cell's.
    fn text(&mut self, line: usize, range: Range<usize>) {
        if let (true, Some((_, cells))) = (self.in_cell && !range.is_empty(), self.row.as_mut())
            && let Some(cell) = cells.last_mut()
        {
            cell.push(Piece { line, range });
        }
    }

    /// A tag (`inner` is what stands between `<` and `>`) on line `k`;
    /// true at `</table>`.
    fn tag(&mut self, k: usize, inner: &str) -> bool {
        let name = inner
            .split(|c: char| c.is_whitespace() || c == '/' && !inner.starts_with('/'))
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match name.as_str() {
            "tr" => self.row = Some((k, Vec::new())),
            "td" | "th" => {
                if let Some((_, cells)) = self.row.as_mut() {
                    cells.push(Vec::new());
                    self.in_cell = true;
                }
            }
            "/td" | "/th" => self.in_cell = false,
            "/tr" => {
                self.in_cell = false;
                if let Some((first, cells)) = self.row.take() {
                    self.rows.push(HtmlRow {
                        lines: first..k + 1,
                        cells,
                    });
                }
            }
            "/table" => return true,
            _ => {}
        }
        false
    }
}

#[cfg(test)]
mod tests {
    //! HTML tables read on invented lines (the test hints head a table
    //! with a `Tittel` column).
    use super::*;
    use crate::Format;
    use crate::blocks::hints::TestHints;

    /// The kinds and texts of the blocks of the table at line 0.
    fn read(text: &str) -> Option<Vec<(BlockKind, String)>> {
        let lines = Lines::new(text, Format::Markdown);
        let (rows, end) = table_at(&lines, 0, &TestHints)?;
        let blocks = blocks(&lines, 0..end, &rows, &mut Repairs::new(false));
        Some(
            blocks
                .iter()
                .map(|b| (b.kind, b.text().to_owned()))
                .collect(),
        )
    }

    #[test]
    fn a_table_opens_with_its_tag() {
        assert!(opens_table("<table>"));
        assert!(opens_table("  <TABLE class=\"x\">"));
        assert!(!opens_table("<tables>"));
        assert!(!opens_table("Tabell <table>"));
    }

    /// A row per `<tr>`, a cell per `<th>`/`<td>`, a cell's lines and the
    /// tags in it (`<p>`, `<br />`) joined as wrapped lines are; the other
    /// lines are markers.
    #[test]
    fn rows_and_cells_are_read_from_their_tags() {
        let text = "<table>\n<thead>\n<tr class=\"header\">\n<th>Tittel</th>\n<th>Periode</th>\n</tr>\n\
                    </thead>\n<tbody>\n<tr>\n<td><p>Unge i arbeids-</p>\n<p>livet</p></td>\n\
                    <td>2020-<br />2022</td>\n</tr>\n<tr><td>Kort</td><td>2021</td></tr>\n</tbody>\n</table>\nTekst.\n";
        let marker = (BlockKind::Marker, String::new());
        assert_eq!(
            read(text),
            Some(vec![
                marker.clone(),
                marker.clone(),
                (
                    BlockKind::TableRow { header: true },
                    "|Tittel|Periode|".into()
                ),
                marker.clone(),
                marker.clone(),
                (
                    BlockKind::TableRow { header: false },
                    "|Unge i arbeidslivet|2020-2022|".into()
                ),
                (BlockKind::TableRow { header: false }, "|Kort|2021|".into()),
                marker.clone(),
                marker,
            ])
        );
    }

    #[test]
    fn a_table_of_something_else_or_unclosed_is_not_read() {
        let other = "<table>\n<tr><th>Post</th><th>Beløp</th></tr>\n<tr><td>A</td><td>2</td></tr>\n</table>\n";
        assert_eq!(read(other), None);
        let unclosed = "<table>\n<tr><th>Tittel</th></tr>\n<tr><td>A</td></tr>\n";
        assert_eq!(read(unclosed), None);
        let header_only = "<table>\n<tr><th>Tittel</th></tr>\n</table>\n";
        assert_eq!(read(header_only), None);
    }
}

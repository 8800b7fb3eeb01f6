//! Tables that list projects: a pipe table whose header names a column of
//! titles and one of institutions or periods (`| Prosjekt | Forskningsmiljø
//! | Periode |`) is a portfolio list, a row an item. What each column holds
//! is told from the words of its header ([`lexicon`]'s `TABLE_*_HEADERS`),
//! in any order; a column no list names is left unread.

use std::borrow::Cow;

use super::{Claims, Doc, List, Part, StatusCtx};
use crate::blocks::{BlockKind, PERIOD_DASHES, hyphen_break, stacked_period};
use crate::grammar::{institution_pieces, period, trim_period};
use crate::lexicon;
use crate::model::PortfolioItem;
use crate::text::norm;

/// What a column of a table holds, told from its header cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Title,
    Institution,
    Period,
    Theme,
    Leader,
    /// A column no header list names (`Status`, `Beløp`).
    Other,
}

/// The header lists, in the order a header cell is tried with them (see
/// [`lexicon::TABLE_LEADER_HEADERS`]).
const HEADERS: [(&[&str], Column); 5] = [
    (lexicon::TABLE_LEADER_HEADERS, Column::Leader),
    (lexicon::TABLE_PERIOD_HEADERS, Column::Period),
    (lexicon::TABLE_INSTITUTION_HEADERS, Column::Institution),
    (lexicon::TABLE_THEME_HEADERS, Column::Theme),
    (lexicon::TABLE_TITLE_HEADERS, Column::Title),
];

/// The column a header cell heads.
fn column_of(header: &str) -> Column {
    let h = norm(header);
    // A stem of a few letters heads only as a whole word (`År`, not
    // `Årsverk`).
    let heads = |s: &&str| {
        h.starts_with(*s) && (s.chars().count() > MAX_WHOLE_WORD_STEM || h.len() == s.len())
    };
    HEADERS
        .iter()
        .find(|(stems, _)| stems.iter().any(heads))
        .map_or(Column::Other, |&(_, c)| c)
}

/// Letters of a header stem that heads only as a whole word, at most
/// (`år`: `Årsverk` and `Årsrapport` head no column of periods).
const MAX_WHOLE_WORD_STEM: usize = 2;

/// The cells of a row's text, trimmed (none when it is no row).
fn cells(text: &str) -> Vec<&str> {
    crate::lines::table_cells(text)
        .map(|cells| cells.map(crate::text::trim).collect())
        .unwrap_or_default()
}

/// The end of the table whose header row is block `i`, before `end`: its
/// rows, the markers among them (the delimiter row, page furniture) and a
/// header row that repeats its own after a page break.
pub(super) fn table_end(doc: &Doc<'_>, i: usize, end: usize) -> usize {
    let header = cells(doc.blocks[i].text());
    let goes_on = |b: &crate::blocks::Block<'_>| match b.kind {
        BlockKind::Marker | BlockKind::TableRow { header: false } => true,
        BlockKind::TableRow { header: true } => cells(b.text()) == header,
        _ => false,
    };
    i + 1
        + doc.blocks[i + 1..end]
            .iter()
            .take_while(|b| goes_on(b))
            .count()
}

/// Do the cells of a line laid out in columns head a table of projects:
/// they name a list of projects ([`Columns::of_header`]), and more of
/// them are named by a header list than not (a line of running text
/// spaced wide, `Prosjektet  har  vart  i  perioden`, has more other
/// words)?
pub(crate) fn heads_table(cells: &[&str]) -> bool {
    Columns::of_header(cells).is_some_and(|c| {
        let other = c.0.iter().filter(|&&x| x == Column::Other).count();
        other * 2 < c.0.len()
    })
}

/// The columns of a table, read from its header row.
struct Columns(Vec<Column>);

impl Columns {
    /// The columns the header `cells` name, when they make a list of
    /// projects: a title column, and an institution or a period column.
    fn of_header<S: AsRef<str>>(cells: &[S]) -> Option<Columns> {
        let columns = Columns(cells.iter().map(|c| column_of(c.as_ref())).collect());
        let has = |c| columns.0.contains(&c);
        (has(Column::Title) && (has(Column::Institution) || has(Column::Period))).then_some(columns)
    }

    /// The cell of `row` in the first column that holds `c`, when it has
    /// text.
    fn cell<'r>(&self, row: &'r [Cow<'_, str>], c: Column) -> Option<&'r str> {
        let at = self.0.iter().position(|&x| x == c)?;
        row.get(at).map(AsRef::as_ref).filter(|t| !t.is_empty())
    }

    /// Does a row of `cells` go on from the row before, `prev`, cut by a
    /// page or a converter: the period before ends in a dash (`2023-`),
    /// the row before has no title yet (a line of a row whose cells stand
    /// in the middle of its height, as w3m puts them, before its title's
    /// line), or this row has no title or one that starts in lower case?
    fn continues(&self, prev: &[Cow<'_, str>], cells: &[Cow<'_, str>]) -> bool {
        let open_period = self
            .cell(prev, Column::Period)
            .is_some_and(|p| p.ends_with(DASHES));
        let title = self.cell(cells, Column::Title);
        open_period
            || self.cell(prev, Column::Title).is_none()
            || title.is_none_or(|t| t.starts_with(char::is_lowercase))
    }
}

/// Dashes a period cell cut before its end year ends in.
const DASHES: [char; 3] = PERIOD_DASHES;

/// Does `text` end in a dash glued to what comes before it (`2023-`,
/// `NAV-`), not one that stands apart (`barnefamilier –`)?
fn glued_dash(text: &str) -> bool {
    text.strip_suffix(DASHES)
        .and_then(|t| t.chars().next_back())
        .is_some_and(|c| !c.is_whitespace())
}

/// A row of a table: its cells, with the rows that go on from it joined
/// cell by cell, and its first and last blocks.
struct Row<'t> {
    cells: Vec<Cow<'t, str>>,
    /// The cells that had text and then a line without: a cell's lines
    /// come one after the other, so text in such a column is the next
    /// row's.
    ended: Vec<bool>,
    first: usize,
    last: usize,
}

impl<'t> Row<'t> {
    /// The row that starts at block `k`, of `cells`.
    fn new(cells: Vec<Cow<'t, str>>, k: usize) -> Self {
        Row {
            ended: vec![false; cells.len()],
            cells,
            first: k,
            last: k,
        }
    }

    /// Does a line of `cells` have text in a column whose cell in this row
    /// has ended (the next row's cell, where a converter stood the cells
    /// of a row in the middle of its height)?
    fn ended_in(&self, cells: &[Cow<'_, str>]) -> bool {
        cells
            .iter()
            .zip(&self.ended)
            .any(|(c, &ended)| ended && !c.is_empty())
    }

    /// Join the line of `cells`, block `k`, to this row.
    fn join(&mut self, cells: Vec<Cow<'t, str>>, k: usize) {
        for (ended, (have, cell)) in self.ended.iter_mut().zip(self.cells.iter().zip(&cells)) {
            *ended |= !have.is_empty() && cell.is_empty();
        }
        join_cells(self, cells);
        self.ended.resize(self.cells.len(), false);
        self.last = k;
    }
}

/// `cells` joined to the cells of `row`, cell by cell, as wrapped lines
/// are: a word broken with a hyphen mended (`helse-` + `forskning`,
/// [`hyphen_break`]); nothing between the parts of a period stacked in a
/// narrow column (`2023-` + `2025`, `2025` + `-`) or after another dash
/// glued to its word ([`glued_dash`]), nor after an empty cell; else a
/// space.
fn join_cells<'t>(row: &mut Row<'t>, cells: Vec<Cow<'t, str>>) {
    for (k, cell) in cells.into_iter().enumerate() {
        match row.cells.get_mut(k) {
            Some(have) if have.is_empty() => *have = cell,
            Some(have) if !cell.is_empty() => {
                let to = have.to_mut();
                let next_word = cell.split_whitespace().next().unwrap_or_default();
                match hyphen_break(to, next_word) {
                    Some(true) => {
                        to.pop();
                    }
                    Some(false) => {}
                    None if glued_dash(to) || stacked_period(to, &cell) => {}
                    None => to.push(' '),
                }
                to.push_str(&cell);
            }
            Some(_) => {}
            None => row.cells.push(cell),
        }
    }
}

/// The cells of block `k`'s row.
fn row_cells<'t>(doc: &'t Doc<'_>, k: usize) -> Vec<Cow<'t, str>> {
    cells(doc.blocks[k].text())
        .into_iter()
        .map(Cow::Borrowed)
        .collect()
}

/// The columns of the table of rows `rows` (its header first) and where
/// its body starts: the header's, or, when the header names no list of
/// projects, those of the header joined to the row under it (a header
/// cell a narrow column broke, `Perio` + `de`), the body after that row.
fn columns_of(doc: &Doc<'_>, rows: &[usize]) -> Option<(Columns, usize)> {
    let (&header, body) = rows.split_first()?;
    let head = cells(doc.blocks[header].text());
    if let Some(columns) = Columns::of_header(&head) {
        return Some((columns, 1));
    }
    let under = cells(doc.blocks[*body.first()?].text());
    let joined: Vec<String> = (0..head.len().max(under.len()))
        .map(|k| {
            [head.get(k), under.get(k)]
                .into_iter()
                .flatten()
                .copied()
                .collect()
        })
        .collect();
    Columns::of_header(&joined).map(|c| (c, 2))
}

impl<'a> List<'a> {
    /// The rows of the table, its header first: its row blocks but the
    /// repeats of its header.
    fn table_rows(&self, doc: &Doc<'_>) -> Vec<usize> {
        let start = self.items.start;
        self.items
            .clone()
            .filter(|&k| match doc.blocks[k].kind {
                BlockKind::TableRow { header } => k == start || !header,
                _ => false,
            })
            .collect()
    }

    /// The items of a table whose header names a list of projects
    /// ([`columns_of`]), one per row with a title and an institution or a
    /// period (a row cut by a page joined to it: [`Columns::continues`]),
    /// read as a portfolio list's
    /// items are: the status and funding its intro or its section gives,
    /// the theme heading above it unless a column gives one.
    pub(super) fn table_portfolio(
        &self,
        doc: &Doc<'a>,
        claims: &mut Claims,
        status: &mut StatusCtx,
    ) -> Vec<PortfolioItem<'a>> {
        let rows = self.table_rows(doc);
        let Some((columns, body)) = columns_of(doc, &rows) else {
            return Vec::new();
        };
        let (status, funding) = self.status_and_funding(doc, status);
        let mut grouped: Vec<Row<'_>> = Vec::new();
        for &k in &rows[body..] {
            let cells = row_cells(doc, k);
            match grouped.last_mut() {
                Some(row) if columns.continues(&row.cells, &cells) && !row.ended_in(&cells) => {
                    row.join(cells, k);
                }
                _ => grouped.push(Row::new(cells, k)),
            }
        }
        let mut out = Vec::new();
        for row in &grouped {
            let Some(title) = columns.cell(&row.cells, Column::Title) else {
                continue;
            };
            let k = row.first;
            let institution = columns.cell(&row.cells, Column::Institution);
            let period = columns
                .cell(&row.cells, Column::Period)
                .and_then(|p| period(p).ok());
            if institution.is_none() && period.is_none() {
                // A row of only a title (a line after the table that fits
                // its columns, `Kilde: NAV`), or one whose "period" is no
                // period (`Årsverk`: 12): no project.
                continue;
            }
            let text = |t: Option<&str>| t.map(|t| doc.text_at(k, trim_period(t)));
            out.push(PortfolioItem {
                title: doc.text_at(k, trim_period(title)),
                institution_raw: text(institution),
                institutions: doc.found_pieces(
                    k,
                    institution.unwrap_or(""),
                    institution.map(institution_pieces).unwrap_or_default(),
                ),
                institution_refs: Vec::new(),
                period,
                funding,
                theme: text(columns.cell(&row.cells, Column::Theme)).or_else(|| self.theme.clone()),
                status,
                description: Vec::new(),
                leader: text(columns.cell(&row.cells, Column::Leader)),
                span: doc.span_range(row.first, row.last),
            });
        }
        if !out.is_empty() {
            claims.set_all(rows, Part::Portfolio);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::{Column, Columns, column_of};

    #[test]
    fn a_header_is_read_by_its_first_words() {
        let read = |h| column_of(h);
        assert_eq!(read("Prosjekt"), Column::Title);
        assert_eq!(read("Prosjekttittel"), Column::Title);
        assert_eq!(read("Prosjektleder"), Column::Leader);
        assert_eq!(read("Prosjektperiode"), Column::Period);
        assert_eq!(read("Forskningsmiljø"), Column::Institution);
        assert_eq!(read("Institusjonsnavn"), Column::Institution);
        assert_eq!(read("Tema"), Column::Theme);
        assert_eq!(read("År"), Column::Period);
        assert_eq!(read("Årsverk"), Column::Other);
        assert_eq!(read("Beløp (mill. kr)"), Column::Other);
    }

    #[test]
    fn a_table_lists_projects_when_it_has_titles_and_institutions_or_periods() {
        assert!(Columns::of_header(&["Tittel", "Periode"]).is_some());
        assert!(Columns::of_header(&["Institusjon", "Prosjekt"]).is_some());
        assert!(Columns::of_header(&["Tittel", "Beløp"]).is_none());
        assert!(Columns::of_header(&["Institusjon", "Periode"]).is_none());
    }
}

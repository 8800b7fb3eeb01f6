//! Tables that list projects: a pipe table whose header names a column of
//! titles and one of institutions or periods (`| Prosjekt | Forskningsmiljø
//! | Periode |`) is a portfolio list, a row an item. What each column holds
//! is told from the words of its header ([`lexicon`]'s `TABLE_*_HEADERS`),
//! in any order; a column no list names is left unread.

use super::{Claims, Doc, List, Part, StatusCtx};
use crate::blocks::BlockKind;
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
    HEADERS
        .iter()
        .find(|(stems, _)| stems.iter().any(|s| h.starts_with(s)))
        .map_or(Column::Other, |&(_, c)| c)
}

/// The cells of a row's text, trimmed (none when it is no row).
fn cells(text: &str) -> Vec<&str> {
    crate::lines::table_cells(text)
        .map(|cells| cells.map(crate::text::trim).collect())
        .unwrap_or_default()
}

/// The columns of a table, read from its header row.
struct Columns(Vec<Column>);

impl Columns {
    /// The columns the header row `text` names, when they make a list of
    /// projects: a title column, and an institution or a period column.
    fn of_header(text: &str) -> Option<Columns> {
        let columns = Columns(cells(text).into_iter().map(column_of).collect());
        let has = |c| columns.0.contains(&c);
        (has(Column::Title) && (has(Column::Institution) || has(Column::Period))).then_some(columns)
    }

    /// The cell of `row` in the first column that holds `c`, when it has
    /// text.
    fn cell<'r>(&self, row: &[&'r str], c: Column) -> Option<&'r str> {
        let at = self.0.iter().position(|&x| x == c)?;
        row.get(at).copied().filter(|t| !t.is_empty())
    }
}

impl<'a> List<'a> {
    /// The items of a table ([`Columns::of_header`]), one per row with a
    /// title, read as a portfolio list's items are: the status and funding
    /// its intro or its section gives, the theme heading above it unless
    /// a column gives one. No items when the header names no list of
    /// projects.
    pub(super) fn table_portfolio(
        &self,
        doc: &Doc<'a>,
        claims: &mut Claims,
        status: &mut StatusCtx,
    ) -> Vec<PortfolioItem<'a>> {
        let header = self.items.start;
        let Some(columns) = Columns::of_header(doc.blocks[header].text()) else {
            return Vec::new();
        };
        let (status, funding) = self.status_and_funding(doc, status);
        let mut out = Vec::new();
        for k in self.items.clone().skip(1) {
            if doc.blocks[k].kind != BlockKind::TableRow {
                continue;
            }
            let row = cells(doc.blocks[k].text());
            let Some(title) = columns.cell(&row, Column::Title) else {
                continue;
            };
            let institution = columns.cell(&row, Column::Institution);
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
                period: columns
                    .cell(&row, Column::Period)
                    .and_then(|p| period(p).ok()),
                funding,
                theme: text(columns.cell(&row, Column::Theme)).or_else(|| self.theme.clone()),
                status,
                description: Vec::new(),
                leader: text(columns.cell(&row, Column::Leader)),
                span: doc.span_of(k),
            });
            claims.set(k, Part::Portfolio);
        }
        if !out.is_empty() {
            claims.set(header, Part::Portfolio);
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
        assert_eq!(read("Beløp (mill. kr)"), Column::Other);
    }

    #[test]
    fn a_table_lists_projects_when_it_has_titles_and_institutions_or_periods() {
        assert!(Columns::of_header("| Tittel | Periode |").is_some());
        assert!(Columns::of_header("| Institusjon | Prosjekt |").is_some());
        assert!(Columns::of_header("| Tittel | Beløp |").is_none());
        assert!(Columns::of_header("| Institusjon | Periode |").is_none());
    }
}

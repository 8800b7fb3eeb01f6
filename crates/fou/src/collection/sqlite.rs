//! A collection written into an SQLite database (feature `sqlite`): the
//! tables of [`Table`], with the schema in `schema.sql` (documented in
//! `docs/sqlite-schema.md`).
//!
//! Texts are keyed by their content hash. Writing a collection into a
//! database that already holds some of its texts replaces those texts' rows
//! (and the rows of an older version of a text read from the same path), so
//! writing twice gives the same database; all of it in one transaction.

use rusqlite::types::{ToSql, ToSqlOutput};
use rusqlite::{Connection, Transaction, params};

use super::{Collection, Table, Value};

/// The version of the database layout in the `schema_version` table.
pub const SQLITE_SCHEMA_VERSION: i64 = 1;

/// The schema: `CREATE … IF NOT EXISTS` for every table and index.
const SCHEMA: &str = include_str!("schema.sql");

/// The tables that hold one text's rows, keyed by `text_hash`.
const PER_TEXT: [Table; 8] = [
    Table::Projects,
    Table::Portfolio,
    Table::Analyses,
    Table::Publications,
    Table::Phd,
    Table::ItemInstitutions,
    Table::Appearances,
    Table::Diagnostics,
];

/// The database could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SqliteError {
    /// SQLite said no.
    #[error("SQLite: {}", brief(.0))]
    Sqlite(#[from] rusqlite::Error),
    /// The database was written by a different layout.
    #[error(
        "the database has schema version {found}, this fou writes version {SQLITE_SCHEMA_VERSION}: use a new file"
    )]
    Version {
        /// The version in the database.
        found: i64,
    },
}

/// SQLite's message on one line: an error in a statement (a table of the
/// same name that fou did not write, in a database it did not make) names
/// the line of the statement it stopped at, not the whole script.
fn brief(e: &rusqlite::Error) -> String {
    match e {
        rusqlite::Error::SqlInputError {
            msg, sql, offset, ..
        } => {
            let at = usize::try_from(*offset).unwrap_or(0);
            let (before, after) = (sql.get(..at).unwrap_or(""), sql.get(at..).unwrap_or(""));
            let start = before.rfind('\n').map_or(0, |i| i + 1);
            let end = after.find('\n').map_or(sql.len(), |i| at + i);
            let line = sql.get(start..end).unwrap_or_default();
            format!("{msg} (in `{}`)", line.trim())
        }
        e => e.to_string(),
    }
}

impl ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self {
            Value::Null => ToSqlOutput::from(rusqlite::types::Null),
            Value::Int(i) => ToSqlOutput::from(*i),
            Value::Real(r) => ToSqlOutput::from(*r),
            Value::Text(s) => ToSqlOutput::from(s.as_str()),
        })
    }
}

impl Collection {
    /// Write the collection into the SQLite database at `path` (created if
    /// missing); see the module docs for how a rerun updates it.
    ///
    /// # Errors
    ///
    /// SQLite's, or a database of another schema version.
    ///
    /// ```
    /// let r = fou::parse("FoU-rapport 2021\n\nOppdragsprosjekter\n\n- Tolk i NAV, Fjordforsk (2021-2022)\n")?;
    /// let c = fou::Collection::from_reports([r], &Default::default());
    /// let path = std::env::temp_dir().join("fou-doc-collection.sqlite");
    /// let _ = std::fs::remove_file(&path);
    /// c.write_sqlite(&path)?;
    /// c.write_sqlite(&path)?; // again: the same rows, not twice as many
    /// let db = rusqlite::Connection::open(&path)?;
    /// let n: i64 = db.query_row("SELECT count(*) FROM portfolio", [], |r| r.get(0))?;
    /// assert_eq!(n, 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_sqlite(&self, path: impl AsRef<std::path::Path>) -> Result<(), SqliteError> {
        let mut db = Connection::open(path)?;
        self.write_into(&mut db)
    }

    /// Write the collection into an open database (see
    /// [`Collection::write_sqlite`]).
    ///
    /// # Errors
    ///
    /// As [`Collection::write_sqlite`].
    ///
    /// ```
    /// let c = fou::Collection::from_reports([fou::parse("FoU-rapport 2021\n")?], &Default::default());
    /// let mut db = rusqlite::Connection::open_in_memory()?;
    /// c.write_into(&mut db)?;
    /// let v: i64 = db.query_row("SELECT version FROM schema_version", [], |r| r.get(0))?;
    /// assert_eq!(v, fou::collection::SQLITE_SCHEMA_VERSION);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_into(&self, db: &mut Connection) -> Result<(), SqliteError> {
        db.execute_batch("PRAGMA foreign_keys = ON;")?;
        let tx = db.transaction()?;
        tx.execute_batch(SCHEMA)?;
        check_version(&tx)?;
        self.remove_old(&tx)?;
        for table in [
            Table::Texts,
            Table::Institutions,
            Table::Links,
            Table::Projects,
            Table::Portfolio,
            Table::Analyses,
            Table::Publications,
            Table::Phd,
            Table::ItemInstitutions,
            Table::Appearances,
            Table::Diagnostics,
        ] {
            insert(&tx, table, &self.rows(table))?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Delete the rows of this collection's texts (by hash, and by path for
    /// an older version of a file) and the links, which are made anew.
    fn remove_old(&self, tx: &Transaction<'_>) -> Result<(), SqliteError> {
        let mut old: Vec<String> = Vec::new();
        {
            let mut by_path = tx.prepare("SELECT hash FROM texts WHERE path = ?1")?;
            for t in &self.texts {
                old.push(t.hash.clone());
                if let Some(p) = &t.path {
                    let hashes = by_path.query_map(params![p], |r| r.get::<_, String>(0))?;
                    for h in hashes {
                        old.push(h?);
                    }
                }
            }
        }
        old.sort();
        old.dedup();
        for table in PER_TEXT {
            let sql = format!("DELETE FROM {} WHERE text_hash = ?1", table.name());
            let mut stmt = tx.prepare(&sql)?;
            for h in &old {
                stmt.execute(params![h])?;
            }
        }
        {
            let mut stmt = tx.prepare("DELETE FROM texts WHERE hash = ?1")?;
            for h in &old {
                stmt.execute(params![h])?;
            }
        }
        tx.execute_batch(
            "UPDATE appearances SET link_id = NULL; DELETE FROM links; \
             DELETE FROM diagnostics WHERE text_hash IS NULL;",
        )?;
        Ok(())
    }
}

/// The version in the database: written when there is none, an error when
/// it is another.
fn check_version(tx: &Transaction<'_>) -> Result<(), SqliteError> {
    let found: Option<i64> = tx
        .query_row("SELECT max(version) FROM schema_version", [], |r| r.get(0))
        .unwrap_or(None);
    match found {
        None => {
            tx.execute(
                "INSERT INTO schema_version (version) VALUES (?1)",
                params![SQLITE_SCHEMA_VERSION],
            )?;
            Ok(())
        }
        Some(v) if v == SQLITE_SCHEMA_VERSION => Ok(()),
        Some(found) => Err(SqliteError::Version { found }),
    }
}

/// Insert rows; an institution already in the database (named by an
/// earlier text) is updated from the registry instead.
fn insert(tx: &Transaction<'_>, table: Table, rows: &[Vec<Value>]) -> Result<(), SqliteError> {
    let columns = table.columns();
    let marks = vec!["?"; columns.len()].join(", ");
    let mut sql = format!(
        "INSERT INTO {} ({}) VALUES ({marks})",
        table.name(),
        columns.join(", ")
    );
    if table == Table::Institutions {
        sql.push_str(
            " ON CONFLICT (id) DO UPDATE SET name = excluded.name, parent = excluded.parent, kind = excluded.kind",
        );
    }
    let mut stmt = tx.prepare(&sql)?;
    for row in rows {
        stmt.execute(rusqlite::params_from_iter(row.iter()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_schema_is_the_one_run() {
        let doc = include_str!("../../../../docs/sqlite-schema.md");
        assert!(doc.contains(SCHEMA));
    }

    #[test]
    fn the_schema_has_every_table_with_its_columns_and_their_types() {
        let db = Connection::open_in_memory().unwrap();
        db.execute_batch(SCHEMA).unwrap();
        for table in Table::ALL {
            let mut stmt = db
                .prepare(&format!("PRAGMA table_info({})", table.name()))
                .unwrap();
            let cols: Vec<(String, String)> = stmt
                .query_map([], |r| {
                    Ok((r.get(1)?, r.get::<_, String>(2)?.to_lowercase()))
                })
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            let ours: Vec<(String, String)> = (table.columns().into_iter())
                .zip(table.column_types())
                .map(|(name, ty)| (name.to_owned(), ty.as_str().to_owned()))
                .collect();
            assert_eq!(cols, ours, "{}", table.name());
        }
    }
}

//! Where a memory's tables live: an SQLite file, or a PostgreSQL database that a team shares. Everything a
//! memory does (import, search, concordance, deletion, edits, export, statistics) is written once, against
//! [`Store`]: statements with `?1`-style parameters in the SQL both databases understand, rows read through
//! [`Row`]. What differs lives here: how a transaction that writes starts (SQLite's `BEGIN IMMEDIATE`,
//! PostgreSQL's transaction-scoped advisory lock: one writer at a time, readers never wait), where the
//! schema's version is kept (`PRAGMA user_version`; a `meta` table), and how many rows are appended at once
//! (prepared inserts; `COPY ... FROM STDIN`).
//!
//! PostgreSQL is reached with the synchronous `postgres` client: trame is synchronous throughout, and a
//! team's server is reached on a Unix socket or a private network (no TLS).

use super::TmError;
use postgres::types::{IsNull, ToSql, Type, private::BytesMut};
use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Write;

/// A statement's parameter.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Param<'a> {
    Null,
    Int(i64),
    Text(&'a str),
    Blob(&'a [u8]),
    /// An array of integers (PostgreSQL only: `= ANY(?1)`).
    Ints(&'a [i64]),
}

impl From<i64> for Param<'_> {
    fn from(value: i64) -> Self {
        Param::Int(value)
    }
}

impl From<Option<i64>> for Param<'_> {
    fn from(value: Option<i64>) -> Self {
        value.map_or(Param::Null, Param::Int)
    }
}

impl<'a> From<&'a str> for Param<'a> {
    fn from(value: &'a str) -> Self {
        Param::Text(value)
    }
}

impl<'a> From<&'a String> for Param<'a> {
    fn from(value: &'a String) -> Self {
        Param::Text(value)
    }
}

impl<'a> From<Option<&'a str>> for Param<'a> {
    fn from(value: Option<&'a str>) -> Self {
        value.map_or(Param::Null, Param::Text)
    }
}

impl<'a> From<&'a [u8]> for Param<'a> {
    fn from(value: &'a [u8]) -> Self {
        Param::Blob(value)
    }
}

impl<'a> From<&'a Vec<u8>> for Param<'a> {
    fn from(value: &'a Vec<u8>) -> Self {
        Param::Blob(value)
    }
}

/// The parameters of a statement: `args![a, b]`.
macro_rules! args {
    ($($value:expr),* $(,)?) => {
        &[$($crate::tm::store::Param::from($value)),*][..]
    };
}
pub(crate) use args;

/// One row of a result, its columns counted from 0.
pub(crate) trait Row {
    /// An integer column (a boolean reads as 0 or 1); NULL is an error.
    fn int(&self, column: usize) -> Result<i64, TmError> {
        self.opt_int(column)?
            .ok_or_else(|| TmError::Request(format!("column {column}: NULL where a number was expected")))
    }
    /// An integer column that may be NULL.
    fn opt_int(&self, column: usize) -> Result<Option<i64>, TmError>;
    /// A text column; NULL is an error.
    fn text(&self, column: usize) -> Result<&str, TmError> {
        self.opt_text(column)?
            .ok_or_else(|| TmError::Request(format!("column {column}: NULL where a text was expected")))
    }
    /// A text column that may be NULL.
    fn opt_text(&self, column: usize) -> Result<Option<&str>, TmError>;
    /// A blob (bytea) column.
    fn blob(&self, column: usize) -> Result<&[u8], TmError>;
}

/// The tables of a memory, in one database or the other.
pub(crate) trait Store: Send {
    /// Runs a statement; how many rows it changed.
    fn execute(&self, sql: &str, params: &[Param<'_>]) -> Result<u64, TmError>;
    /// Runs a query, handing each row to `each` in turn. No other statement may run on the store meanwhile.
    fn each(
        &self,
        sql: &str,
        params: &[Param<'_>],
        each: &mut dyn FnMut(&dyn Row) -> Result<(), TmError>,
    ) -> Result<(), TmError>;
    /// Runs statements separated by semicolons, without parameters.
    fn batch(&self, sql: &str) -> Result<(), TmError>;
    /// Appends `rows` to `table`'s `columns`.
    fn append(&self, table: &str, columns: &[&str], rows: &[Vec<Param<'_>>]) -> Result<(), TmError>;
    /// Starts a transaction; one that `writes` waits for the other writers to be done first.
    fn begin(&self, writes: bool) -> Result<(), TmError>;
    /// Makes the other connections that call it wait until [`Store::unlock_migrations`] (PostgreSQL: a
    /// session's advisory lock, taken outside any transaction so that the transaction that follows sees
    /// the tables another one made; SQLite's `BEGIN IMMEDIATE` does that already).
    fn lock_migrations(&self) -> Result<(), TmError>;
    /// Lets the others migrate.
    fn unlock_migrations(&self) -> Result<(), TmError>;
    /// The schema version written in the database (0 for an empty one).
    fn version(&self) -> Result<i64, TmError>;
    /// Writes the schema version (within the migration's transaction).
    fn set_version(&self, version: i64) -> Result<(), TmError>;
    /// Whether the tables are in PostgreSQL (a few statements are spelled differently there).
    fn is_postgres(&self) -> bool;
}

/// Runs `sql` and reads its first row with `read`, if there is one.
pub(crate) fn query_opt<T>(
    store: &dyn Store,
    sql: &str,
    params: &[Param<'_>],
    mut read: impl FnMut(&dyn Row) -> Result<T, TmError>,
) -> Result<Option<T>, TmError> {
    let mut found = None;
    store.each(sql, params, &mut |row| {
        if found.is_none() {
            found = Some(read(row)?);
        }
        Ok(())
    })?;
    Ok(found)
}

/// Runs `sql` and reads its first row with `read`; no row is an error.
pub(crate) fn query_one<T>(
    store: &dyn Store,
    sql: &str,
    params: &[Param<'_>],
    read: impl FnMut(&dyn Row) -> Result<T, TmError>,
) -> Result<T, TmError> {
    query_opt(store, sql, params, read)?.ok_or_else(|| TmError::Request(format!("no row for: {sql}")))
}

/// Runs `sql` and reads every row with `read`.
pub(crate) fn query_all<T>(
    store: &dyn Store,
    sql: &str,
    params: &[Param<'_>],
    mut read: impl FnMut(&dyn Row) -> Result<T, TmError>,
) -> Result<Vec<T>, TmError> {
    let mut all = Vec::new();
    store.each(sql, params, &mut |row| {
        all.push(read(row)?);
        Ok(())
    })?;
    Ok(all)
}

/// A transaction on a store, rolled back when dropped before [`Tx::commit`].
pub(crate) struct Tx<'s> {
    store: &'s dyn Store,
    open: bool,
}

impl<'s> Tx<'s> {
    /// Starts a transaction (see [`Store::begin`]).
    pub(crate) fn begin(store: &'s dyn Store, writes: bool) -> Result<Self, TmError> {
        store.begin(writes)?;
        Ok(Tx { store, open: true })
    }

    /// The store, within the transaction.
    pub(crate) fn store(&self) -> &'s dyn Store {
        self.store
    }

    /// Makes the transaction's changes permanent.
    pub(crate) fn commit(mut self) -> Result<(), TmError> {
        self.open = false;
        self.store.batch("COMMIT")
    }
}

impl Drop for Tx<'_> {
    fn drop(&mut self) {
        if self.open {
            // A connection that failed has rolled back already (or the server will when it notices).
            let _ = self.store.batch("ROLLBACK");
        }
    }
}

// SQLite.

impl Row for rusqlite::Row<'_> {
    fn opt_int(&self, column: usize) -> Result<Option<i64>, TmError> {
        Ok(self.get(column)?)
    }

    fn opt_text(&self, column: usize) -> Result<Option<&str>, TmError> {
        self.get_ref(column)?.as_str_or_null().map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(e)).into()
        })
    }

    fn blob(&self, column: usize) -> Result<&[u8], TmError> {
        self.get_ref(column)?.as_blob().map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Blob, Box::new(e)).into()
        })
    }
}

impl rusqlite::ToSql for Param<'_> {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(ToSqlOutput::Borrowed(match *self {
            Param::Null => ValueRef::Null,
            Param::Int(value) => ValueRef::Integer(value),
            Param::Text(text) => ValueRef::Text(text.as_bytes()),
            Param::Blob(blob) => ValueRef::Blob(blob),
            Param::Ints(_) => {
                return Err(rusqlite::Error::ToSqlConversionFailure("SQLite takes no arrays of integers".into()));
            }
        }))
    }
}

impl Store for rusqlite::Connection {
    fn execute(&self, sql: &str, params: &[Param<'_>]) -> Result<u64, TmError> {
        Ok(self.prepare_cached(sql)?.execute(rusqlite::params_from_iter(params))? as u64)
    }

    fn each(
        &self,
        sql: &str,
        params: &[Param<'_>],
        each: &mut dyn FnMut(&dyn Row) -> Result<(), TmError>,
    ) -> Result<(), TmError> {
        let mut statement = self.prepare_cached(sql)?;
        let mut rows = statement.query(rusqlite::params_from_iter(params))?;
        while let Some(row) = rows.next()? {
            each(row)?;
        }
        Ok(())
    }

    fn batch(&self, sql: &str) -> Result<(), TmError> {
        Ok(self.execute_batch(sql)?)
    }

    fn append(&self, table: &str, columns: &[&str], rows: &[Vec<Param<'_>>]) -> Result<(), TmError> {
        let marks: Vec<String> = (1..=columns.len()).map(|k| format!("?{k}")).collect();
        let mut insert =
            self.prepare_cached(&format!("INSERT INTO {table}({}) VALUES ({})", columns.join(", "), marks.join(", ")))?;
        for row in rows {
            insert.execute(rusqlite::params_from_iter(row))?;
        }
        Ok(())
    }

    fn begin(&self, writes: bool) -> Result<(), TmError> {
        Ok(self.execute_batch(if writes { "BEGIN IMMEDIATE" } else { "BEGIN" })?)
    }

    fn lock_migrations(&self) -> Result<(), TmError> {
        Ok(())
    }

    fn unlock_migrations(&self) -> Result<(), TmError> {
        Ok(())
    }

    fn version(&self) -> Result<i64, TmError> {
        Ok(self.query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    fn set_version(&self, version: i64) -> Result<(), TmError> {
        Ok(self.pragma_update(None, "user_version", version)?)
    }

    fn is_postgres(&self) -> bool {
        false
    }
}

// PostgreSQL.

/// The advisory lock a transaction that writes holds (`pg_advisory_xact_lock`): "trame-tm" in ASCII.
const WRITER_LOCK: i64 = 0x7472_616d_652d_746d;
/// The advisory lock of a migration (`pg_advisory_lock`): "trame-mg".
const MIGRATION_LOCK: i64 = 0x7472_616d_652d_6d67;

/// A connection to a PostgreSQL memory, with its prepared statements.
pub(crate) struct Postgres {
    inner: RefCell<PgConnection>,
}

struct PgConnection {
    client: postgres::Client,
    statements: HashMap<String, postgres::Statement>,
}

impl PgConnection {
    /// The statement for `sql` (its `?1` parameters spelled `$1`), prepared once per connection.
    fn statement(&mut self, sql: &str) -> Result<postgres::Statement, TmError> {
        if let Some(statement) = self.statements.get(sql) {
            return Ok(statement.clone());
        }
        let statement = self.client.prepare(&dollar_parameters(sql))?;
        self.statements.insert(sql.to_string(), statement.clone());
        Ok(statement)
    }
}

/// `sql` with its `?N` parameters as PostgreSQL spells them, `$N` (no statement of trame's has a `?`
/// elsewhere).
fn dollar_parameters(sql: &str) -> String {
    sql.replace('?', "$")
}

impl Postgres {
    /// Connects to the database at `url` (`postgres://user@host:port/database`, or a key=value string).
    pub(crate) fn connect(url: &str) -> Result<Postgres, postgres::Error> {
        let mut client = postgres::Client::connect(url, postgres::NoTls)?;
        // Quiet notices ("relation already exists, skipping") and no long waits on a lock held by a
        // forgotten session: a statement that waits 10 minutes fails.
        client.batch_execute("SET client_min_messages = warning; SET lock_timeout = '10min'")?;
        Ok(Postgres { inner: RefCell::new(PgConnection { client, statements: HashMap::new() }) })
    }
}

impl ToSql for Param<'_> {
    fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        match *self {
            Param::Null => Ok(IsNull::Yes),
            Param::Int(value) if *ty == Type::INT4 => i32::try_from(value)?.to_sql(ty, out),
            Param::Int(value) if *ty == Type::INT2 => i16::try_from(value)?.to_sql(ty, out),
            Param::Int(value) => value.to_sql(ty, out),
            Param::Text(text) => text.to_sql(ty, out),
            Param::Blob(blob) => blob.to_sql(ty, out),
            Param::Ints(values) => values.to_sql(ty, out),
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    postgres::types::to_sql_checked!();
}

impl Row for postgres::Row {
    fn opt_int(&self, column: usize) -> Result<Option<i64>, TmError> {
        let ty = self.columns().get(column).map(|c| c.type_().clone());
        Ok(match ty {
            Some(Type::INT4) => self.try_get::<_, Option<i32>>(column)?.map(i64::from),
            Some(Type::INT2) => self.try_get::<_, Option<i16>>(column)?.map(i64::from),
            Some(Type::BOOL) => self.try_get::<_, Option<bool>>(column)?.map(i64::from),
            _ => self.try_get(column)?,
        })
    }

    fn opt_text(&self, column: usize) -> Result<Option<&str>, TmError> {
        Ok(self.try_get(column)?)
    }

    fn blob(&self, column: usize) -> Result<&[u8], TmError> {
        Ok(self.try_get(column)?)
    }
}

/// `value` in a `COPY ... FROM STDIN` text row.
fn copy_field(out: &mut Vec<u8>, value: &Param<'_>) {
    match *value {
        Param::Null => out.extend_from_slice(b"\\N"),
        Param::Int(value) => {
            let _ = write!(out, "{value}");
        }
        Param::Text(text) => {
            for &byte in text.as_bytes() {
                match byte {
                    b'\\' => out.extend_from_slice(b"\\\\"),
                    b'\t' => out.extend_from_slice(b"\\t"),
                    b'\n' => out.extend_from_slice(b"\\n"),
                    b'\r' => out.extend_from_slice(b"\\r"),
                    other => out.push(other),
                }
            }
        }
        Param::Ints(values) => {
            let items: Vec<String> = values.iter().map(i64::to_string).collect();
            let _ = write!(out, "{{{}}}", items.join(","));
        }
        Param::Blob(blob) => {
            // bytea's hex form, its backslash escaped for COPY.
            out.extend_from_slice(b"\\\\x");
            for byte in blob {
                let _ = write!(out, "{byte:02x}");
            }
        }
    }
}

impl Store for Postgres {
    fn execute(&self, sql: &str, params: &[Param<'_>]) -> Result<u64, TmError> {
        let mut inner = self.inner.borrow_mut();
        let statement = inner.statement(sql)?;
        let params: Vec<&(dyn ToSql + Sync)> = params.iter().map(|p| p as &(dyn ToSql + Sync)).collect();
        Ok(inner.client.execute(&statement, &params)?)
    }

    fn each(
        &self,
        sql: &str,
        params: &[Param<'_>],
        each: &mut dyn FnMut(&dyn Row) -> Result<(), TmError>,
    ) -> Result<(), TmError> {
        use postgres::fallible_iterator::FallibleIterator;
        let mut inner = self.inner.borrow_mut();
        let statement = inner.statement(sql)?;
        let mut rows = inner.client.query_raw(&statement, params.iter())?;
        while let Some(row) = rows.next()? {
            each(&row)?;
        }
        Ok(())
    }

    fn batch(&self, sql: &str) -> Result<(), TmError> {
        Ok(self.inner.borrow_mut().client.batch_execute(sql)?)
    }

    fn append(&self, table: &str, columns: &[&str], rows: &[Vec<Param<'_>>]) -> Result<(), TmError> {
        if rows.is_empty() {
            return Ok(());
        }
        let mut inner = self.inner.borrow_mut();
        let mut writer = inner.client.copy_in(&format!("COPY {table} ({}) FROM STDIN", columns.join(", ")))?;
        let mut line = Vec::new();
        for row in rows {
            line.clear();
            for (k, value) in row.iter().enumerate() {
                if k > 0 {
                    line.push(b'\t');
                }
                copy_field(&mut line, value);
            }
            line.push(b'\n');
            writer.write_all(&line)?;
        }
        writer.finish()?;
        Ok(())
    }

    fn begin(&self, writes: bool) -> Result<(), TmError> {
        self.batch("BEGIN")?;
        if writes {
            self.execute("SELECT pg_advisory_xact_lock(?1)", args![WRITER_LOCK])?;
        }
        Ok(())
    }

    fn lock_migrations(&self) -> Result<(), TmError> {
        self.execute("SELECT pg_advisory_lock(?1)", args![MIGRATION_LOCK]).map(drop)
    }

    fn unlock_migrations(&self) -> Result<(), TmError> {
        self.execute("SELECT pg_advisory_unlock(?1)", args![MIGRATION_LOCK]).map(drop)
    }

    fn version(&self) -> Result<i64, TmError> {
        // The catalog as of this statement (to_regclass would read it as the transaction first saw it).
        let exists = query_one(
            self,
            "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = 'meta'",
            &[],
            |r| r.int(0),
        )?;
        if exists == 0 {
            return Ok(0);
        }
        Ok(query_opt(self, "SELECT value FROM meta WHERE name = 'version'", &[], |r| r.int(0))?.unwrap_or(0))
    }

    fn set_version(&self, version: i64) -> Result<(), TmError> {
        self.execute(
            "INSERT INTO meta(name, value) VALUES ('version', ?1) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            args![version],
        )?;
        Ok(())
    }

    fn is_postgres(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_rows_escape_what_copy_reads_as_separators() {
        let mut out = Vec::new();
        for value in [Param::Text("a\tb\\c\nd"), Param::Null, Param::Int(-3), Param::Blob(&[0, 255])] {
            copy_field(&mut out, &value);
            out.push(b'|');
        }
        assert_eq!(String::from_utf8(out).unwrap(), "a\\tb\\\\c\\nd|\\N|-3|\\\\x00ff|");
    }
}

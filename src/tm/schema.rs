//! The memory's tables and their versions. `PRAGMA user_version` holds the version; opening a memory
//! written by an older trame brings it up to date in one transaction, and a memory written by a newer
//! trame is refused rather than misread.

use super::stored::StoredVariant;
use rusqlite::{Connection, params};

/// The version this trame writes. Version 3 changed no table: units' variants are written with short
/// JSON names (see `stored`), which a trame that reads up to version 2 would misread, so it refuses them;
/// rows of older versions are read as they are.
pub const VERSION: i64 = 3;

/// Version 1: origins, units (their variants a JSON array, see `stored`), and the languages present.
const V1: &str = "
CREATE TABLE origins (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    header TEXT NOT NULL DEFAULT '{}',
    imported TEXT NOT NULL
);
CREATE TABLE units (
    id INTEGER PRIMARY KEY,
    key INTEGER NOT NULL,
    usage INTEGER NOT NULL DEFAULT 1,
    origin INTEGER REFERENCES origins(id),
    attributes TEXT NOT NULL DEFAULT '[]',
    extras TEXT NOT NULL DEFAULT '[]',
    variants TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX units_key ON units(key);
CREATE TABLE languages (lang TEXT PRIMARY KEY) WITHOUT ROWID;
";

/// Version 2: an index of the words of each unit's variants (case and accents aside), where fuzzy search
/// finds its candidates (filled from what version 1 holds).
const V2: &str = "
CREATE VIRTUAL TABLE units_index USING fts5(text, content='', detail=none, columnsize=0, tokenize='unicode61 remove_diacritics 2');
";

/// Brings the memory to [`VERSION`]; an error names what is wrong.
pub(crate) fn migrate(conn: &mut Connection) -> Result<(), String> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(|e| e.to_string())?;
    if version > VERSION {
        return Err(format!(
            "the memory has version {version}, written by a newer trame (this one reads up to version {VERSION})"
        ));
    }
    if version == VERSION {
        return Ok(());
    }
    let tx = conn.transaction().map_err(|e| e.to_string())?;
    let step = |e: rusqlite::Error| e.to_string();
    if version < 1 {
        tx.execute_batch(V1).map_err(step)?;
    }
    if version < 2 {
        tx.execute_batch(V2).map_err(step)?;
        // Index what an older memory holds.
        let mut select = tx.prepare("SELECT id, variants FROM units").map_err(step)?;
        let mut insert = tx.prepare("INSERT INTO units_index(rowid, text) VALUES (?1, ?2)").map_err(step)?;
        let rows = select.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))).map_err(step)?;
        for row in rows {
            let (id, variants) = row.map_err(step)?;
            let words: Vec<String> =
                StoredVariant::parse(&variants).iter().map(|v| super::score::index_text(&v.text)).collect();
            insert.execute(params![id, words.join(" ")]).map_err(step)?;
        }
    }
    tx.pragma_update(None, "user_version", VERSION).map_err(step)?;
    tx.commit().map_err(step)
}

/// Version 1's tables alone, as an older trame left them (for the migration test).
#[doc(hidden)]
pub fn create_version_1(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(V1)?;
    conn.pragma_update(None, "user_version", 1)
}

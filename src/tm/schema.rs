//! The memory's tables and their versions. `PRAGMA user_version` holds the version; opening a memory
//! written by an older trame brings it up to date in one transaction, and a memory written by a newer
//! trame is refused rather than misread.

use super::import::stored_key;
use super::stored::StoredVariant;
use super::words;
use rusqlite::{Connection, params};

/// The version this trame writes. Version 2 added an SQLite FTS5 word index; version 3 changed no table:
/// units' variants are written with short JSON names (see `stored`), which a trame that reads up to
/// version 2 would misread, so it refuses them (rows of older versions are read as they are); version 4
/// replaced the FTS5 index by trame's own (see `words`), written in segments during an import, the index
/// of unit keys by a table keyed by them (one look-up finds or claims a key), and the keys' hash by one
/// that takes eight bytes at a time (keys are computed again); version 5 added the table of the further
/// sources a unit came from (see [`SOURCES`]), so that usage counts distinct sources, not imports.
pub const VERSION: i64 = 5;

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

/// Version 4's table of unit keys, in place of version 1's index: the unit holding each key.
const KEYS: &str = "
CREATE TABLE unit_keys (key INTEGER PRIMARY KEY, unit INTEGER NOT NULL);
DROP INDEX IF EXISTS units_key;
";

/// Version 5's table of sources: the origins (by name: the first `origins` row of that name) a unit came
/// from besides its own `origin`. A unit's usage counts its sources, so importing one file twice changes
/// nothing; an older memory's usage counts are kept as they were.
pub(crate) const SOURCES: &str = "
CREATE TABLE unit_sources (
    unit INTEGER NOT NULL,
    source INTEGER NOT NULL,
    PRIMARY KEY (unit, source)
) WITHOUT ROWID;
CREATE INDEX unit_sources_source ON unit_sources(source);
";

/// Computes every unit's key again (the hash changed in version 4) and fills the table of keys (the first
/// unit holding a key, if older trames left two) and the word index, in one pass over the units.
fn fill_keys_and_words(conn: &Connection) -> rusqlite::Result<()> {
    let mut select = conn.prepare("SELECT id, variants FROM units WHERE id > ?1 ORDER BY id LIMIT 10000")?;
    let mut update = conn.prepare("UPDATE units SET key = ?1 WHERE id = ?2")?;
    let mut claim = conn.prepare("INSERT OR IGNORE INTO unit_keys(key, unit) VALUES (?1, ?2)")?;
    let mut postings = words::PostingsWriter::default();
    let mut last = i64::MIN;
    loop {
        // A part at a time, read before it is written.
        let part: Vec<(i64, i64, Vec<u32>)> = select
            .query_map([last], |r| {
                let variants = StoredVariant::parse(r.get_ref(1)?.as_str()?);
                let words = words::unit_words(variants.iter().map(|v| v.text.as_str()));
                Ok((r.get(0)?, stored_key(&variants), words))
            })?
            .collect::<Result<_, _>>()?;
        let Some(&(end, _, _)) = part.last() else { break };
        for (id, key, words) in part {
            update.execute(params![key, id])?;
            claim.execute(params![key, id])?;
            postings.add(conn, id, &words)?;
        }
        last = end;
    }
    postings.flush(conn)
}

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
    if version < 4 {
        // Index what an older memory holds; its FTS5 index (versions 2 and 3) goes.
        tx.execute_batch(words::TABLES).map_err(step)?;
        tx.execute_batch(KEYS).map_err(step)?;
        fill_keys_and_words(&tx).map_err(step)?;
        tx.execute_batch("DROP TABLE IF EXISTS units_index").map_err(step)?;
    }
    if version < 5 {
        tx.execute_batch(SOURCES).map_err(step)?;
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

/// The tables of version 4, as trame 0.1 left them (for the migration test).
#[doc(hidden)]
pub fn create_version_4(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(V1)?;
    conn.execute_batch(words::TABLES)?;
    conn.execute_batch(KEYS)?;
    conn.pragma_update(None, "user_version", 4)
}

//! Translation memories: an embedded SQLite database of units (every language variant a unit has, with
//! its inline codes, properties and notes), filled from TMX files and alignments, searched with
//! CAT-style fuzzy match scores, candidates found through a word index (see `words`).
//!
//! An import is one transaction: interrupted at any moment (a crash, `kill -9`), it leaves the memory as
//! it was. The database is in WAL mode, so that searches read while an import writes. Units that are
//! the same once normalised (see [`score::normalized`]) are merged, and their usage counted.
//!
//! ```
//! use trame::tm::Memory;
//! use trame::tmx::{Unit, Variant};
//!
//! let dir = tempfile::tempdir().unwrap();
//! let mut memory = Memory::open(&dir.path().join("tm.sqlite")).unwrap();
//! let variant = |language: &str, text: &str| Variant {
//!     language: language.into(),
//!     markup: text.into(),
//!     text: text.into(),
//!     ..Variant::default()
//! };
//! let unit = Unit { variants: vec![variant("fr", "Le chat dort."), variant("en", "The cat sleeps.")], ..Unit::default() };
//! let mut import = memory.import().unwrap();
//! import.set_origin("example.tmx", &Default::default()).unwrap();
//! import.add(&unit).unwrap();
//! import.commit().unwrap();
//! let found = memory.search("Le chat dort", "fr", "en", 70, 5).unwrap();
//! assert_eq!((found[0].score, found[0].target.as_str()), (92, "The cat sleeps."));
//! ```

mod breakdown;
mod concordance;
mod delete;
mod edit;
mod export;
mod import;
pub mod lang;
mod new_keys;
mod schema;
pub use schema::VERSION as SCHEMA_VERSION;
pub mod score;
mod search;
mod store;
mod stored;
mod words;
mod writeback;

pub use breakdown::{Breakdown, OriginStats, PairStats};
pub use concordance::{Concordance, ConcordanceVariant};
pub use delete::DeleteSummary;
pub use edit::UnitEdit;
pub use export::{ExportSummary, UnitFilter};
pub use import::{ImportError, ImportSummary, Importer};
#[doc(hidden)]
use rusqlite::{Connection, OpenFlags};
pub use search::TmMatch;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;
use store::{Store, query_all, query_one};

/// Why a memory could not be used.
#[derive(Debug)]
pub enum TmError {
    /// The memory file cannot be opened or is not a memory.
    Open {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A database operation failed.
    Database(rusqlite::Error),
    /// An operation on a PostgreSQL memory failed.
    Postgres(postgres::Error),
    /// Writing an export failed.
    Io(std::io::Error),
    /// What was asked cannot be done: no such unit or origin, a phrase that the index cannot find, an
    /// edit that would make a unit the same as another.
    Request(String),
}

impl fmt::Display for TmError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TmError::Open { path, message } => write!(f, "{}: {message}", path.display()),
            TmError::Database(e) => write!(f, "memory: {e}"),
            // The postgres crate's own message ("db error") leaves out what the server said.
            TmError::Postgres(e) => match e.as_db_error() {
                Some(db) => write!(f, "memory: {}", db.message()),
                None => write!(f, "memory: {}", error_chain(e)),
            },
            TmError::Io(e) => write!(f, "{e}"),
            TmError::Request(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for TmError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            TmError::Database(e) => Some(e),
            TmError::Postgres(e) => Some(e),
            TmError::Io(e) => Some(e),
            _ => None,
        }
    }
}

impl From<rusqlite::Error> for TmError {
    fn from(e: rusqlite::Error) -> Self {
        TmError::Database(e)
    }
}

impl From<postgres::Error> for TmError {
    fn from(e: postgres::Error) -> Self {
        TmError::Postgres(e)
    }
}

impl From<std::io::Error> for TmError {
    fn from(e: std::io::Error) -> Self {
        TmError::Io(e)
    }
}

/// What a memory holds.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Stats {
    /// Units (each counted once, whatever its number of languages).
    pub units: u64,
    /// The language tags of its variants, canonical (en-US, fr), sorted.
    pub languages: Vec<String>,
}

/// A translation memory: an SQLite file, or a PostgreSQL database a team shares (see [`Memory::open_location`]).
pub struct Memory {
    store: Box<dyn Store>,
    /// The file (SQLite), or the database's URL without its password (PostgreSQL).
    path: PathBuf,
}

impl Memory {
    /// Opens the memory at `path`, creating it (and its folder) when missing, and bringing an older one up
    /// to date.
    pub fn open(path: &Path) -> Result<Memory, TmError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| TmError::Open {
                path: path.to_path_buf(),
                message: format!("cannot create its folder: {e}"),
            })?;
        }
        Memory::connect(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE)
    }

    /// Opens an existing memory without creating one.
    pub fn open_existing(path: &Path) -> Result<Memory, TmError> {
        if !path.is_file() {
            return Err(TmError::Open {
                path: path.to_path_buf(),
                message: "no memory here (import a TMX file into it first)".into(),
            });
        }
        Memory::connect(path, OpenFlags::SQLITE_OPEN_READ_WRITE)
    }

    /// Opens the memory at `location`: a PostgreSQL database when it is a `postgres://` or
    /// `postgresql://` URL (see [`is_postgres_url`]), its tables made when it has none, else the SQLite
    /// file at that path, as [`Memory::open`] does.
    pub fn open_location(location: &str) -> Result<Memory, TmError> {
        if is_postgres_url(location) {
            Memory::connect_postgres(location, true)
        } else {
            Memory::open(Path::new(location))
        }
    }

    /// Opens the existing memory at `location` (see [`Memory::open_location`]): a PostgreSQL database
    /// must hold a memory's tables already.
    pub fn open_existing_location(location: &str) -> Result<Memory, TmError> {
        if is_postgres_url(location) {
            Memory::connect_postgres(location, false)
        } else {
            Memory::open_existing(Path::new(location))
        }
    }

    fn connect_postgres(url: &str, create: bool) -> Result<Memory, TmError> {
        let path = PathBuf::from(without_password(url));
        let fail = |message: String| TmError::Open { path: path.clone(), message };
        let store = store::Postgres::connect(url).map_err(|e| fail(error_chain(&e)))?;
        if !create && store.version().map_err(|e| fail(e.to_string()))? == 0 {
            return Err(fail("no memory here (import a TMX file into it first)".into()));
        }
        schema::migrate(&store).map_err(|e| fail(e.to_string()))?;
        Ok(Memory { store: Box::new(store), path })
    }

    fn connect(path: &Path, flags: OpenFlags) -> Result<Memory, TmError> {
        let fail = |e: &dyn fmt::Display| TmError::Open { path: path.to_path_buf(), message: e.to_string() };
        let conn = Connection::open_with_flags(path, flags | OpenFlags::SQLITE_OPEN_NO_MUTEX).map_err(|e| fail(&e))?;
        conn.busy_timeout(Duration::from_secs(30)).map_err(|e| fail(&e))?;
        // 32 KiB pages for a new memory (imports write a third faster than with 4 KiB pages); an existing
        // memory keeps its own.
        conn.pragma_update(None, "page_size", 32_768).map_err(|e| fail(&e))?;
        // Reading the schema tells a database from any other file.
        let mode: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(|e| fail(&format!("not a trame memory ({e})")))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(fail(&format!("cannot use write-ahead logging (journal mode {mode})")));
        }
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(|e| fail(&e))?;
        // Searches read the word index and candidate units at random places: 32 MB of pages stay cached.
        conn.pragma_update(None, "cache_size", -32_768).map_err(|e| fail(&e))?;
        conn.pragma_update(None, "foreign_keys", true).map_err(|e| fail(&e))?;
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name NOT IN ('origins', 'units', 'languages', 'word_segments', 'word_postings', 'unit_keys', 'unit_sources') AND name NOT LIKE 'units_index%'", [], |r| r.get(0))
            .map_err(|e| fail(&e))?;
        if tables > 0 {
            return Err(fail(&"an SQLite database, but not a trame memory"));
        }
        schema::migrate(&conn).map_err(|e| fail(&e))?;
        Ok(Memory { store: Box::new(conn), path: path.to_path_buf() })
    }

    /// Where the memory is: its file, or its database's URL (without a password).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the memory is in PostgreSQL.
    pub fn is_postgres(&self) -> bool {
        self.store.is_postgres()
    }

    /// Starts an import: one transaction, committed by [`Importer::commit`], rolled back if the importer
    /// is dropped before. Name where the units come from with [`Importer::set_origin`].
    pub fn import(&mut self) -> Result<Importer<'_>, TmError> {
        let file = (!self.store.is_postgres()).then(|| self.path.clone());
        Importer::begin(self.store.as_ref(), file)
    }

    /// How many units, in which languages.
    pub fn stats(&self) -> Result<Stats, TmError> {
        let store = self.store.as_ref();
        let units = query_one(store, "SELECT count(*) FROM units", &[], |r| r.int(0))?;
        let languages =
            query_all(store, "SELECT lang FROM languages ORDER BY lang", &[], |r| Ok(r.text(0)?.to_string()))?;
        Ok(Stats { units: units as u64, languages })
    }

    /// Checks the database (`PRAGMA integrity_check` in SQLite; PostgreSQL checks its own pages, so its
    /// memory is always `ok` once connected): `ok`, or what is wrong.
    pub fn integrity(&self) -> Result<String, TmError> {
        if self.store.is_postgres() {
            return Ok("ok".into());
        }
        query_one(self.store.as_ref(), "PRAGMA integrity_check", &[], |r| Ok(r.text(0)?.to_string()))
    }
}

/// Whether `location` names a PostgreSQL memory (`postgres://…` or `postgresql://…`) rather than a file.
pub fn is_postgres_url(location: &str) -> bool {
    location.starts_with("postgres://") || location.starts_with("postgresql://")
}

/// `url` without the password it may hold (`postgres://user:secret@host/db` → `postgres://user@host/db`).
fn without_password(url: &str) -> String {
    let Some(scheme_end) = url.find("://").map(|k| k + 3) else { return url.to_string() };
    let authority_end = url[scheme_end..].find('/').map_or(url.len(), |k| scheme_end + k);
    let Some(at) = url[scheme_end..authority_end].rfind('@').map(|k| scheme_end + k) else {
        return url.to_string();
    };
    match url[scheme_end..at].find(':').map(|k| scheme_end + k) {
        Some(colon) => format!("{}{}", &url[..colon], &url[at..]),
        None => url.to_string(),
    }
}

/// An error and its causes, one after the other (the postgres crate's message alone says "error
/// connecting to server" without why).
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let text = cause.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
        source = cause.source();
    }
    message
}

/// The memory used when none is named: `$TRAME_TM`, else `trame/memory.sqlite` in the platform's data
/// folder (`~/.local/share` on Linux, `~/Library/Application Support` on macOS, `%APPDATA%` on Windows).
/// `$TRAME_TM` may be a `postgres://` URL (see [`Memory::open_location`]).
pub fn default_path() -> PathBuf {
    if let Some(path) = std::env::var_os("TRAME_TM") {
        return PathBuf::from(path);
    }
    dirs::data_dir().unwrap_or_else(|| PathBuf::from(".")).join("trame").join("memory.sqlite")
}

/// The stable 64-bit hash under which identical units are found, fed in parts: eight bytes at a time,
/// each eight mixed in by a multiplication (the same bytes give the same hash however they are cut).
pub(crate) struct KeyHasher {
    state: u64,
    pending: [u8; 8],
    filled: usize,
    length: u64,
}

const KEY_MULTIPLIER: u64 = 0x9e37_79b9_7f4a_7c15;

impl KeyHasher {
    pub(crate) fn new() -> Self {
        KeyHasher { state: 0x243f_6a88_85a3_08d3, pending: [0; 8], filled: 0, length: 0 }
    }

    fn mix(&mut self, chunk: u64) {
        self.state = (self.state ^ chunk).wrapping_mul(KEY_MULTIPLIER);
        self.state ^= self.state >> 29;
    }

    pub(crate) fn write(&mut self, mut bytes: &[u8]) {
        self.length += bytes.len() as u64;
        if self.filled > 0 {
            let take = (8 - self.filled).min(bytes.len());
            self.pending[self.filled..self.filled + take].copy_from_slice(&bytes[..take]);
            self.filled += take;
            bytes = &bytes[take..];
            if self.filled < 8 {
                return;
            }
            self.mix(u64::from_le_bytes(self.pending));
            self.filled = 0;
        }
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.mix(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
        }
        let rest = chunks.remainder();
        self.pending[..rest.len()].copy_from_slice(rest);
        self.filled = rest.len();
    }

    pub(crate) fn finish(mut self) -> i64 {
        if self.filled > 0 {
            self.pending[self.filled..].fill(0);
            self.mix(u64::from_le_bytes(self.pending));
        }
        let length = self.length;
        self.mix(length);
        self.state.wrapping_mul(KEY_MULTIPLIER) as i64
    }
}

#[cfg(test)]
mod tests;

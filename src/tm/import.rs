//! Adding units to a memory, in one transaction.

use super::lang::canonical;
use super::score::{normalized, push_index_text};
use super::stored::{StoredVariant, json};
use super::{TmError, fnv1a};
use crate::tmx::{Extra, Header, Item, TmxError, TmxReader, Unit, UnitProblem};
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};
use std::collections::{BTreeSet, HashMap};
use std::io::BufRead;
use std::sync::mpsc;

/// Units handed from the reading thread to the writing one at a time, at most.
const BATCH: usize = 256;
/// Bytes of prepared text in a batch after which it is handed over at once (files with very long units
/// do not hold more in memory).
const BATCH_BYTES: usize = 1 << 20;
/// Batches read ahead of the writer at most.
const PIPELINE_DEPTH: usize = 4;

/// Prepared units, or why a unit was left out, in file order.
type Batch = Vec<Result<Prepared, UnitProblem>>;

/// Properties trame writes on export to carry what a memory knows about a unit, read back on import.
pub(crate) const USAGE_PROP: &str = "x-trame-usage";
pub(crate) const ORIGIN_PROP: &str = "x-trame-origin";

/// The page cache of an import, in KiB: the index that finds identical units is written at random places.
const IMPORT_CACHE_KB: i64 = 64 * 1024;

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct ImportSummary {
    /// Units added.
    pub added: u64,
    /// Units that were already in the memory (their usage count went up).
    pub merged: u64,
}

/// Why adding a TMX file failed.
#[derive(Debug)]
pub enum ImportError {
    /// The file could not be read.
    Tmx(TmxError),
    /// The memory could not be written.
    Tm(TmError),
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::Tmx(e) => write!(f, "{e}"),
            ImportError::Tm(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ImportError {}

/// An import under way: one transaction, committed by [`Importer::commit`] and rolled back if the
/// importer is dropped first.
pub struct Importer<'m> {
    tx: Transaction<'m>,
    origin: Option<i64>,
    origins: HashMap<String, i64>,
    languages: BTreeSet<String>,
    summary: ImportSummary,
}

impl<'m> Importer<'m> {
    pub(crate) fn begin(conn: &'m mut Connection) -> Result<Self, TmError> {
        conn.pragma_update(None, "cache_size", -IMPORT_CACHE_KB)?;
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        Ok(Importer {
            tx,
            origin: None,
            origins: HashMap::new(),
            languages: BTreeSet::new(),
            summary: ImportSummary::default(),
        })
    }

    /// Where the units added next come from: a file (with its TMX header) or an alignment.
    pub fn set_origin(&mut self, name: &str, header: &Header) -> Result<(), TmError> {
        let header = serde_json::to_string(header).expect("a header serialises");
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
        self.tx.execute(
            "INSERT INTO origins(name, header, imported) VALUES (?1, ?2, ?3)",
            params![name, header, crate::tmx::utc_timestamp(now)],
        )?;
        self.origin = Some(self.tx.last_insert_rowid());
        Ok(())
    }

    /// Adds a unit, or counts one more use of the same unit already there.
    pub fn add(&mut self, unit: &Unit) -> Result<(), TmError> {
        self.add_prepared(&Prepared::new(unit.clone()))
    }

    /// Adds every unit `reader` gives; units that are not proper ones go to `skipped`. On an error, the
    /// import should be dropped.
    ///
    /// The file is read and its units prepared (normalised, hashed, serialised) on a second thread while
    /// this one writes the database; batches go back to the reading thread to be freed where they were
    /// allocated.
    pub fn add_tmx<R: BufRead + Send>(
        &mut self,
        mut reader: TmxReader<R>,
        skipped: &mut dyn FnMut(UnitProblem),
    ) -> Result<(), ImportError> {
        let (full, ready) = mpsc::sync_channel::<Batch>(PIPELINE_DEPTH);
        let (spent, recycled) = mpsc::channel::<Batch>();
        std::thread::scope(|scope| {
            let reading = scope.spawn(move || -> Result<(), TmxError> {
                loop {
                    let mut batch = match recycled.try_recv() {
                        Ok(mut old) => {
                            old.clear();
                            old
                        }
                        Err(_) => Vec::with_capacity(BATCH),
                    };
                    let done = fill(&mut batch, &mut reader)?;
                    // The writer stops listening when the database fails: nothing more to do then.
                    if full.send(batch).is_err() || done {
                        return Ok(());
                    }
                }
            });
            let written = self.write_batches(&ready, &spent, skipped);
            // Unblocks the reader if the writer stopped early.
            drop(ready);
            let read = reading.join().expect("the reading thread does not panic");
            // A reading error explains a stop better than what followed it.
            read.map_err(ImportError::Tmx)?;
            written.map_err(ImportError::Tm)
        })
    }

    fn write_batches(
        &mut self,
        ready: &mpsc::Receiver<Batch>,
        spent: &mpsc::Sender<Batch>,
        skipped: &mut dyn FnMut(UnitProblem),
    ) -> Result<(), TmError> {
        for batch in ready {
            for item in &batch {
                match item {
                    Ok(prepared) => self.add_prepared(prepared)?,
                    Err(problem) => skipped(problem.clone()),
                }
            }
            // The reader may be gone already; then the batch is freed here.
            let _ = spent.send(batch);
        }
        Ok(())
    }

    fn add_prepared(&mut self, prepared: &Prepared) -> Result<(), TmError> {
        let origin = match &prepared.origin {
            Some(name) => Some(self.origin_named(name)?),
            None => self.origin,
        };
        if let Some(id) = self.same_unit(prepared.key, &prepared.texts)? {
            self.tx
                .prepare_cached("UPDATE units SET usage = usage + ?1 WHERE id = ?2")?
                .execute(params![prepared.usage, id])?;
            self.summary.merged += 1;
            return Ok(());
        }
        self.tx
            .prepare_cached(
                "INSERT INTO units(key, usage, origin, attributes, extras, variants) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                prepared.key,
                prepared.usage,
                origin,
                prepared.attributes,
                prepared.extras,
                prepared.variants
            ])?;
        let id = self.tx.last_insert_rowid();
        self.tx
            .prepare_cached("INSERT INTO units_index(rowid, text) VALUES (?1, ?2)")?
            .execute(params![id, prepared.index])?;
        for (language, _) in &prepared.texts {
            if !self.languages.contains(language) {
                self.languages.insert(language.clone());
            }
        }
        self.summary.added += 1;
        Ok(())
    }

    /// Makes the import permanent.
    pub fn commit(self) -> Result<ImportSummary, TmError> {
        {
            let mut insert = self.tx.prepare("INSERT OR IGNORE INTO languages(lang) VALUES (?1)")?;
            for language in &self.languages {
                insert.execute([language])?;
            }
        }
        self.tx.commit()?;
        Ok(self.summary)
    }

    /// What has been added so far.
    pub fn summary(&self) -> ImportSummary {
        self.summary
    }

    /// The unit already in the memory with the same texts, if any.
    fn same_unit(&self, key: i64, texts: &[(String, String)]) -> Result<Option<i64>, TmError> {
        let found: Vec<(i64, String)> = self
            .tx
            .prepare_cached("SELECT id, variants FROM units WHERE key = ?1")?
            .query_map([key], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        for (id, variants) in found {
            let mut theirs: Vec<(String, String)> =
                StoredVariant::parse(&variants).into_iter().map(|v| (v.lang, normalized(&v.markup))).collect();
            theirs.sort();
            if theirs == texts {
                return Ok(Some(id));
            }
        }
        Ok(None)
    }

    /// The id of the origin named `name` (added when new).
    fn origin_named(&mut self, name: &str) -> Result<i64, TmError> {
        if let Some(&id) = self.origins.get(name) {
            return Ok(id);
        }
        let found: Option<i64> = self
            .tx
            .query_row("SELECT id FROM origins WHERE name = ?1 ORDER BY id LIMIT 1", [name], |r| r.get(0))
            .optional()?;
        let id = match found {
            Some(id) => id,
            None => {
                self.tx.execute("INSERT INTO origins(name, imported) VALUES (?1, '')", [name])?;
                self.tx.last_insert_rowid()
            }
        };
        self.origins.insert(name.to_string(), id);
        Ok(id)
    }
}

/// A unit with everything computed that does not need the database: its key and normalised texts, the
/// text to index, its variants and extras serialised (the memory's own properties taken out).
struct Prepared {
    key: i64,
    texts: Vec<(String, String)>,
    index: String,
    usage: i64,
    origin: Option<String>,
    attributes: String,
    extras: String,
    variants: String,
}

impl Prepared {
    fn new(unit: Unit) -> Self {
        let mut usage = 1i64;
        let mut origin = None;
        let mut extras: Vec<&Extra> = Vec::new();
        for extra in &unit.extras {
            match extra {
                Extra::Prop { kind, value, .. } if kind == USAGE_PROP => usage = value.parse().unwrap_or(1).max(1),
                Extra::Prop { kind, value, .. } if kind == ORIGIN_PROP => origin = Some(value.clone()),
                other => extras.push(other),
            }
        }
        // The same unit: the same languages, the same segments (inline codes included) once normalised.
        let mut texts: Vec<(String, String)> =
            unit.variants.iter().map(|v| (canonical(&v.language), normalized(&v.markup))).collect();
        let key = key(&mut texts);
        let mut index = String::with_capacity(unit.variants.iter().map(|v| v.text.len() + 1).sum());
        for variant in &unit.variants {
            push_index_text(&variant.text, &mut index);
        }
        let (attributes, extras) = (json(&unit.attributes), json(&extras));
        let variants = StoredVariant::write(unit.variants);
        Prepared { key, texts, index, usage, origin, attributes, extras, variants }
    }

    /// Roughly the bytes it holds.
    fn size(&self) -> usize {
        let texts: usize = self.texts.iter().map(|(language, text)| language.len() + text.len()).sum();
        self.variants.len() + self.index.len() + self.attributes.len() + self.extras.len() + texts
    }
}

/// Reads and prepares units into `batch` until it is full; true when the file has no more.
fn fill<R: BufRead>(batch: &mut Batch, reader: &mut TmxReader<R>) -> Result<bool, TmxError> {
    let mut bytes = 0;
    while batch.len() < BATCH && bytes < BATCH_BYTES {
        match reader.next_item()? {
            Some(Item::Unit(unit)) => {
                let prepared = Prepared::new(unit);
                bytes += prepared.size();
                batch.push(Ok(prepared));
            }
            Some(Item::Skipped(problem)) => batch.push(Err(problem)),
            None => return Ok(true),
        }
    }
    Ok(false)
}

/// Sorts `texts` and hashes them.
fn key(texts: &mut [(String, String)]) -> i64 {
    texts.sort();
    fnv1a(texts.iter().flat_map(|(l, t)| l.bytes().chain([0]).chain(t.bytes()).chain([0])))
}

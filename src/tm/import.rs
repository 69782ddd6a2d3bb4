//! Adding units to a memory, in one transaction.

use super::lang::canonical;
use super::new_keys::NewKeys;
use super::score::{for_each_normalized, normalized};
use super::store::{Param, Store, Tx, args, query_all, query_one, query_opt};
use super::stored::{StoredVariant, json};
use super::words::{PostingsWriter, unit_words};
use super::writeback::WriteBack;
use super::{KeyHasher, TmError};
use crate::tmx::{Extra, Header, Item, TmxError, TmxReader, Unit, UnitProblem};
use std::collections::{BTreeSet, HashMap};
use std::io::Read;
use std::path::PathBuf;
use std::sync::mpsc;

/// Units handed from one thread to the next at a time, at most.
const BATCH: usize = 128;
/// Bytes of text in a batch after which it is handed over at once (files with very long units
/// do not hold more in memory).
const BATCH_BYTES: usize = 1 << 20;
/// Batches waiting between two threads, at most.
const PIPELINE_DEPTH: usize = 4;
/// Units added and held before they are appended to the table of units (at once: one `COPY` in
/// PostgreSQL), at most, and their bytes of text.
const PENDING_UNITS: usize = 2048;
const PENDING_BYTES: usize = 8 << 20;
/// Keys appended to the table of keys at once.
const APPENDED_KEYS: usize = 16_384;

/// Prepared units, or why a unit was left out, in file order.
type Batch = Vec<Result<Prepared, UnitProblem>>;

/// Properties trame writes on export to carry what a memory knows about a unit, read back on import.
pub(crate) const USAGE_PROP: &str = "x-trame-usage";
pub(crate) const ORIGIN_PROP: &str = "x-trame-origin";

/// The page cache of an import, in KiB: an import appends (units, then the word index and the keys in
/// order), and reads at random places only the units it merges into and, in a memory that held units
/// before, the table of keys.
const IMPORT_CACHE_KB: i64 = 8 * 1024;

/// New keys held in memory (about 14 bytes each, 35 MB at most) before they are written to the table of
/// keys and looked up there, so that an import stays under 100 MB of memory whatever the file's size (a
/// file of more than about 1.1 GB of TMX like the benchmark's); three in unit tests, so that they write
/// them during imports.
#[cfg(not(test))]
const MAX_NEW_KEYS: usize = 2_500_000;
#[cfg(test)]
const MAX_NEW_KEYS: usize = 3;

/// What an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct ImportSummary {
    /// Units added.
    pub added: u64,
    /// Units that were already in the memory (their usage count went up when they came from another
    /// source than before).
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

impl std::error::Error for ImportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ImportError::Tmx(e) => Some(e),
            ImportError::Tm(e) => Some(e),
        }
    }
}

/// An import under way: one transaction, committed by [`Importer::commit`] and rolled back if the
/// importer is dropped first. It is the memory's only writer meanwhile (in PostgreSQL, other imports
/// wait for it; searches never do).
pub struct Importer<'m> {
    tx: Tx<'m>,
    store: &'m dyn Store,
    /// Units added, not yet appended to the table of units (ids `next_id - pending.len()` onwards).
    pending: Vec<PendingUnit>,
    pending_bytes: usize,
    origin: Option<i64>,
    /// The source of the units added next: the first origin of the same name (0 without an origin).
    source: i64,
    origins: HashMap<String, i64>,
    /// The source of each origin met (see [`Importer::source_of`]).
    sources: HashMap<i64, i64>,
    languages: BTreeSet<String>,
    postings: PostingsWriter,
    summary: ImportSummary,
    /// The id the next unit added gets.
    next_id: i64,
    /// Keys claimed by units this import added, not yet in the table of keys.
    new_keys: NewKeys,
    /// Whether the table of keys may hold a key (the memory held units, or new keys were written).
    keys_in_table: bool,
    /// The units holding the keys of the batch being written that the table of keys held before it (see
    /// [`Importer::look_up_keys`]); `None` when not looked up, or written to since.
    looked_up: Option<HashMap<i64, i64>>,
    /// Writes an SQLite memory's files back as they grow (none in PostgreSQL).
    writeback: Option<WriteBack>,
}

/// A unit added by the import, as its row will be.
struct PendingUnit {
    id: i64,
    key: i64,
    usage: i64,
    origin: Option<i64>,
    attributes: String,
    extras: String,
    variants: String,
}

impl<'m> Importer<'m> {
    /// Starts an import into `store`; `file` is an SQLite memory's file.
    pub(crate) fn begin(store: &'m dyn Store, file: Option<PathBuf>) -> Result<Self, TmError> {
        if file.is_some() {
            store.batch(&format!("PRAGMA cache_size = -{IMPORT_CACHE_KB}"))?;
        }
        let writeback = file.map(|file| WriteBack::start(file.to_str()));
        let tx = Tx::begin(store, true)?;
        // The import is the only writer: ids follow the largest one.
        let next_id = query_one(store, "SELECT coalesce(max(id), 0) + 1 FROM units", &[], |r| r.int(0))?;
        let keys_in_table = query_one(store, "SELECT EXISTS (SELECT 1 FROM unit_keys)", &[], |r| r.int(0))? != 0;
        Ok(Importer {
            tx,
            store,
            pending: Vec::new(),
            pending_bytes: 0,
            origin: None,
            source: NO_SOURCE,
            origins: HashMap::new(),
            sources: HashMap::new(),
            languages: BTreeSet::new(),
            postings: PostingsWriter::default(),
            summary: ImportSummary::default(),
            next_id,
            new_keys: NewKeys::new(next_id),
            keys_in_table,
            looked_up: None,
            writeback,
        })
    }

    /// Where the units added next come from: a file (with its TMX header) or an alignment.
    pub fn set_origin(&mut self, name: &str, header: &Header) -> Result<(), TmError> {
        let header = serde_json::to_string(header).expect("a header serialises");
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
        let origin = query_one(
            self.store,
            "INSERT INTO origins(name, header, imported) VALUES (?1, ?2, ?3) RETURNING id",
            args![name, &header, crate::tmx::utc_timestamp(now).as_str()],
            |r| r.int(0),
        )?;
        self.origin = Some(origin);
        self.source = self.source_of(Some(origin))?;
        Ok(())
    }

    /// Adds a unit, or counts one more use of the same unit already there.
    pub fn add(&mut self, unit: &Unit) -> Result<(), TmError> {
        self.add_prepared(Prepared::new(unit))
    }

    /// Adds every unit `reader` gives; units that are not proper ones go to `skipped`. On an error, the
    /// import should be dropped.
    ///
    /// Three threads share the work, batch by batch: one reads the file, one prepares its units
    /// (normalised, hashed, serialised), and this one writes the database. Units return to the reading
    /// thread to be freed (freeing memory on the thread that allocated it is cheaper).
    pub fn add_tmx<R: Read + Send>(
        &mut self,
        mut reader: TmxReader<R>,
        skipped: &mut dyn FnMut(UnitProblem),
    ) -> Result<(), ImportError> {
        let (read, to_prepare) = mpsc::sync_channel::<Vec<Item>>(PIPELINE_DEPTH);
        let (prepared, ready) = mpsc::sync_channel::<Batch>(PIPELINE_DEPTH);
        // Units go back to the reading thread once prepared, to be freed where they were allocated.
        let (spent, to_free) = mpsc::sync_channel::<Vec<Item>>(PIPELINE_DEPTH);
        std::thread::scope(|scope| {
            let reading = scope.spawn(move || -> Result<(), TmxError> {
                loop {
                    while let Ok(items) = to_free.try_recv() {
                        drop(items);
                    }
                    let (batch, done) = read_batch(&mut reader)?;
                    // The next thread stops listening when the database fails: nothing more to do then.
                    if read.send(batch).is_err() || done {
                        return Ok(());
                    }
                }
            });
            scope.spawn(move || {
                for items in to_prepare {
                    let batch: Batch = items
                        .iter()
                        .map(|item| match item {
                            Item::Unit(unit) => Ok(Prepared::new(unit)),
                            Item::Skipped(problem) => Err(problem.clone()),
                        })
                        .collect();
                    // When the reading thread is done or behind, they are freed here.
                    if let Err(mpsc::TrySendError::Full(items) | mpsc::TrySendError::Disconnected(items)) =
                        spent.try_send(items)
                    {
                        drop(items);
                    }
                    if prepared.send(batch).is_err() {
                        return;
                    }
                }
            });
            let written = self.write_batches(&ready, skipped);
            // Unblocks the other threads if this one stopped early.
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
        skipped: &mut dyn FnMut(UnitProblem),
    ) -> Result<(), TmError> {
        for batch in ready {
            self.look_up_keys(&batch)?;
            for item in batch {
                match item {
                    Ok(prepared) => self.add_prepared(prepared)?,
                    Err(problem) => skipped(problem),
                }
            }
            self.looked_up = None;
        }
        Ok(())
    }

    /// In PostgreSQL, finds the units holding the keys of a batch at once (one query rather than one per
    /// unit), when the table of keys may hold some.
    fn look_up_keys(&mut self, batch: &Batch) -> Result<(), TmError> {
        self.looked_up = None;
        if !self.store.is_postgres() || !self.keys_in_table {
            return Ok(());
        }
        let keys: Vec<i64> = batch.iter().flatten().map(|p| p.key).collect();
        let found =
            query_all(self.store, "SELECT key, unit FROM unit_keys WHERE key = ANY(?1)", &[Param::Ints(&keys)], |r| {
                Ok((r.int(0)?, r.int(1)?))
            })?;
        self.looked_up = Some(found.into_iter().collect());
        Ok(())
    }

    fn add_prepared(&mut self, prepared: Prepared) -> Result<(), TmError> {
        let (origin, source) = match &prepared.origin {
            // The first origin of a name is its source.
            Some(name) => {
                let origin = self.origin_named(name)?;
                (Some(origin), origin)
            }
            None => (self.origin, self.source),
        };
        let id = self.next_id;
        match self.unit_holding(prepared.key)? {
            Some(holder) => {
                if let Some(holder_origin) = self.same_texts(holder, &prepared.variants)? {
                    // One more use when the unit comes from a source it did not come from before.
                    if self.source_of(holder_origin)? != source
                        && self.store.execute(
                            "INSERT INTO unit_sources(unit, source) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
                            args![holder, source],
                        )? > 0
                    {
                        match self.pending_unit(holder) {
                            Some(unit) => unit.usage += prepared.usage,
                            None => {
                                self.store.execute(
                                    "UPDATE units SET usage = usage + ?1 WHERE id = ?2",
                                    args![prepared.usage, holder],
                                )?;
                            }
                        }
                    }
                    self.summary.merged += 1;
                    return Ok(());
                }
                // Otherwise another unit has the same key (a hash collision): this one is added without
                // it, and later copies of it are added again rather than merged.
            }
            None => {
                if self.new_keys.len() >= MAX_NEW_KEYS || !self.new_keys.insert(prepared.key, id) {
                    self.write_new_keys()?;
                    self.new_keys.insert(prepared.key, id);
                }
            }
        }
        self.next_id += 1;
        self.postings.add(self.store, id, &prepared.words)?;
        for language in prepared.languages {
            if !self.languages.contains(&language) {
                self.languages.insert(language);
            }
        }
        self.pending_bytes += prepared.variants.len() + prepared.attributes.len() + prepared.extras.len();
        self.pending.push(PendingUnit {
            id,
            key: prepared.key,
            usage: prepared.usage,
            origin,
            attributes: prepared.attributes,
            extras: prepared.extras,
            variants: prepared.variants,
        });
        if self.pending.len() >= PENDING_UNITS || self.pending_bytes >= PENDING_BYTES {
            self.append_units()?;
        }
        self.summary.added += 1;
        Ok(())
    }

    /// The unit `id` when it is still held by the import.
    fn pending_unit(&mut self, id: i64) -> Option<&mut PendingUnit> {
        let first = self.pending.first()?.id;
        self.pending.get_mut(usize::try_from(id - first).ok()?)
    }

    /// Appends the units held to the table of units.
    fn append_units(&mut self) -> Result<(), TmError> {
        let rows: Vec<Vec<Param<'_>>> = self
            .pending
            .iter()
            .map(|u| {
                vec![
                    u.id.into(),
                    u.key.into(),
                    u.usage.into(),
                    u.origin.into(),
                    (&u.attributes).into(),
                    (&u.extras).into(),
                    (&u.variants).into(),
                ]
            })
            .collect();
        self.store.append("units", &["id", "key", "usage", "origin", "attributes", "extras", "variants"], &rows)?;
        self.pending.clear();
        self.pending_bytes = 0;
        Ok(())
    }

    /// Makes the import permanent.
    pub fn commit(mut self) -> Result<ImportSummary, TmError> {
        self.append_units()?;
        self.write_new_keys()?;
        self.postings.flush(self.store)?;
        for language in &self.languages {
            self.store.execute("INSERT INTO languages(lang) VALUES (?1) ON CONFLICT DO NOTHING", args![language])?;
        }
        // In SQLite, the commit copies the log into the database (a checkpoint), written back as it grows.
        self.tx.commit()?;
        drop(self.writeback);
        Ok(self.summary)
    }

    /// What has been added so far.
    pub fn summary(&self) -> ImportSummary {
        self.summary
    }

    /// The unit holding `key`: one this import added, or one in the table of keys.
    fn unit_holding(&self, key: i64) -> Result<Option<i64>, TmError> {
        if let Some(unit) = self.new_keys.get(key) {
            return Ok(Some(unit));
        }
        if !self.keys_in_table {
            return Ok(None);
        }
        if let Some(looked_up) = &self.looked_up {
            return Ok(looked_up.get(&key).copied());
        }
        query_opt(self.store, "SELECT unit FROM unit_keys WHERE key = ?1", args![key], |r| r.int(0))
    }

    /// The origin of unit `id` (`Some(None)` for none) when it has the same texts as the unit whose stored
    /// variants are `variants`.
    fn same_texts(&mut self, id: i64, variants: &str) -> Result<Option<Option<i64>>, TmError> {
        let theirs: Option<(String, Option<i64>)> = match self.pending_unit(id) {
            Some(unit) => Some((unit.variants.clone(), unit.origin)),
            None => query_opt(self.store, "SELECT variants, origin FROM units WHERE id = ?1", args![id], |r| {
                Ok((r.text(0)?.to_string(), r.opt_int(1)?))
            })?,
        };
        Ok(theirs.filter(|(theirs, _)| texts(theirs) == texts(variants)).map(|(_, origin)| origin))
    }

    /// The source an origin stands for: the first origin of the same name ([`NO_SOURCE`] for none).
    fn source_of(&mut self, origin: Option<i64>) -> Result<i64, TmError> {
        let Some(origin) = origin else { return Ok(NO_SOURCE) };
        if let Some(&source) = self.sources.get(&origin) {
            return Ok(source);
        }
        let source = source_of(self.store, origin)?;
        self.sources.insert(origin, source);
        Ok(source)
    }

    /// Writes the keys held in memory to the table of keys, in key order (the B-tree grows at one edge).
    fn write_new_keys(&mut self) -> Result<(), TmError> {
        let store = self.store;
        let written = self.new_keys.len() > 0;
        let mut rows: Vec<(i64, i64)> = Vec::with_capacity(APPENDED_KEYS.min(self.new_keys.len()));
        let append = |rows: &mut Vec<(i64, i64)>| {
            let params: Vec<Vec<Param<'_>>> = rows.iter().map(|&(key, unit)| vec![key.into(), unit.into()]).collect();
            rows.clear();
            store.append("unit_keys", &["key", "unit"], &params)
        };
        self.new_keys.drain_sorted(self.next_id, |key, unit| {
            rows.push((key, unit));
            if rows.len() >= APPENDED_KEYS { append(&mut rows) } else { Ok(()) }
        })?;
        append(&mut rows)?;
        self.keys_in_table |= written;
        // Keys moved from memory to the table: what was looked up before no longer tells them all.
        self.looked_up = None;
        Ok(())
    }

    /// The id of the origin named `name` (added when new).
    fn origin_named(&mut self, name: &str) -> Result<i64, TmError> {
        if let Some(&id) = self.origins.get(name) {
            return Ok(id);
        }
        let found =
            query_opt(self.store, "SELECT id FROM origins WHERE name = ?1 ORDER BY id LIMIT 1", args![name], |r| {
                r.int(0)
            })?;
        let id = match found {
            Some(id) => id,
            None => query_one(
                self.store,
                "INSERT INTO origins(name, imported) VALUES (?1, '') RETURNING id",
                args![name],
                |r| r.int(0),
            )?,
        };
        self.origins.insert(name.to_string(), id);
        Ok(id)
    }
}

/// A unit with everything computed that does not need the database: its key and languages, the hashes
/// of the words to index, its variants and extras serialised (the memory's own properties taken out).
struct Prepared {
    key: i64,
    languages: Vec<String>,
    words: Vec<u32>,
    usage: i64,
    origin: Option<String>,
    attributes: String,
    extras: String,
    variants: String,
}

impl Prepared {
    fn new(unit: &Unit) -> Self {
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
        let languages: Vec<String> = unit.variants.iter().map(|v| canonical(&v.language)).collect();
        let parts: Vec<(&str, &str)> =
            languages.iter().zip(&unit.variants).map(|(l, v)| (l.as_str(), v.markup.as_str())).collect();
        let key = key(&parts);
        let words = unit_words(unit.variants.iter().map(|v| v.text.as_str()));
        let (attributes, extras) = (json(&unit.attributes), json(&extras));
        let variants = StoredVariant::write(&unit.variants, &languages);
        Prepared { key, languages, words, usage, origin, attributes, extras, variants }
    }
}

/// The source of units without an origin.
pub(crate) const NO_SOURCE: i64 = 0;

/// The source origin `origin` stands for: the first origin of the same name.
pub(crate) fn source_of(store: &dyn Store, origin: i64) -> Result<i64, TmError> {
    query_one(
        store,
        "SELECT coalesce(min(id), ?1) FROM origins WHERE name = (SELECT name FROM origins WHERE id = ?1)",
        args![origin],
        |r| r.int(0),
    )
}

/// Reads the next units (and problems) of the file, at most [`BATCH`] or about [`BATCH_BYTES`]; true
/// when the file has no more.
fn read_batch<R: Read>(reader: &mut TmxReader<R>) -> Result<(Vec<Item>, bool), TmxError> {
    let mut batch = Vec::with_capacity(BATCH);
    let mut bytes = 0;
    while batch.len() < BATCH && bytes < BATCH_BYTES {
        match reader.next_item()? {
            Some(item) => {
                if let Item::Unit(unit) = &item {
                    bytes += unit.variants.iter().map(|v| v.markup.len() + v.text.len()).sum::<usize>();
                }
                batch.push(item);
            }
            None => return Ok((batch, true)),
        }
    }
    Ok((batch, false))
}

/// The key under which the same unit is found: the same languages, the same segments (inline codes
/// included) once normalised. It hashes ([`KeyHasher`]) the (canonical language, normalised markup)
/// pairs in order, each part followed by a NUL.
fn key(parts: &[(&str, &str)]) -> i64 {
    let mut sorted: Vec<(&str, &str)> = parts.to_vec();
    sorted.sort_by(|a, b| a.0.cmp(b.0));
    let mut hash = KeyHasher::new();
    if sorted.windows(2).any(|w| w[0].0 == w[1].0) {
        // A language twice: their texts' order decides.
        let mut texts: Vec<(&str, String)> = sorted.iter().map(|&(l, m)| (l, normalized(m))).collect();
        texts.sort();
        for (language, text) in texts {
            hash.write(language.as_bytes());
            hash.write(&[0]);
            hash.write(text.as_bytes());
            hash.write(&[0]);
        }
        return hash.finish();
    }
    for (language, markup) in sorted {
        hash.write(language.as_bytes());
        hash.write(&[0]);
        for_each_normalized(markup, |part| hash.write(part));
        hash.write(&[0]);
    }
    hash.finish()
}

/// The key of a stored unit.
pub(crate) fn stored_key(variants: &[StoredVariant]) -> i64 {
    let parts: Vec<(&str, &str)> = variants.iter().map(|v| (v.lang.as_str(), v.markup.as_str())).collect();
    key(&parts)
}

/// The (language, normalised markup) pairs of stored variants, sorted: what makes two units the same.
pub(crate) fn texts(variants: &str) -> Vec<(String, String)> {
    let mut texts: Vec<(String, String)> =
        StoredVariant::parse(variants).into_iter().map(|v| (v.lang, normalized(&v.markup))).collect();
    texts.sort();
    texts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tmx::Variant;

    fn key_of(variants: &[Variant]) -> i64 {
        key(&variants.iter().map(|v| (v.language.as_str(), v.markup.as_str())).collect::<Vec<_>>())
    }

    /// The key of the whole (language, normalised markup) pairs, sorted, hashed in one piece.
    fn whole_key(variants: &[Variant]) -> i64 {
        let mut texts: Vec<(String, String)> =
            variants.iter().map(|v| (v.language.clone(), normalized(&v.markup))).collect();
        texts.sort();
        let mut bytes = Vec::new();
        for (language, text) in &texts {
            for part in [language.as_bytes(), &[0], text.as_bytes(), &[0]] {
                bytes.extend_from_slice(part);
            }
        }
        let mut hash = KeyHasher::new();
        hash.write(&bytes);
        hash.finish()
    }

    #[test]
    fn keys_hash_the_sorted_normalised_texts_however_cut() {
        let variant = |language: &str, markup: &str| Variant {
            language: language.into(),
            markup: markup.into(),
            ..Variant::default()
        };
        for variants in [
            vec![variant("fr", " Le  chat\u{A0}dort. "), variant("en", "The cat sleeps.")],
            vec![variant("en", "The cat"), variant("fr", "Le chat"), variant("de", "Die Katze")],
            vec![variant("fr", "e\u{301}te\u{301}"), variant("en", "summer")],
            vec![variant("en", "b"), variant("en", "a"), variant("fr", "c")],
            vec![variant("en", "a"), variant("en", "b"), variant("fr", "c")],
            vec![],
        ] {
            assert_eq!(key_of(&variants), whole_key(&variants), "{variants:?}");
        }
        let one = [variant("fr", "Le chat"), variant("en", "The cat")];
        assert_ne!(key_of(&one), key_of(&[variant("fr", "Le chat"), variant("en", "The cats")]));
        assert_ne!(key_of(&one), key_of(&[variant("fr", "Le chat"), variant("en-GB", "The cat")]));
    }
}

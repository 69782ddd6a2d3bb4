//! Deleting units, each deletion one transaction that keeps the word index, the table of keys and the
//! units' sources in step.

use super::concordance::concordance;
use super::store::{Store, Tx, args, query_all, query_one, query_opt};
use super::stored::StoredVariant;
use super::words::{PostingsEditor, unit_words};
use super::{Memory, TmError};

/// What a deletion did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct DeleteSummary {
    /// Units deleted.
    pub deleted: u64,
    /// Units kept because they also came from another origin (with one use fewer).
    pub kept: u64,
}

impl Memory {
    /// Deletes the units `ids`, all or none: an id that names no unit is a [`TmError::Request`], and
    /// nothing is deleted.
    pub fn delete_units(&mut self, ids: &[i64]) -> Result<DeleteSummary, TmError> {
        let tx = Tx::begin(self.store.as_ref(), true)?;
        let store = tx.store();
        let mut ids = ids.to_vec();
        ids.sort_unstable();
        ids.dedup();
        let mut editor = PostingsEditor::new(store)?;
        let mut summary = DeleteSummary::default();
        for &id in &ids {
            if !delete_unit(store, &mut editor, id)? {
                return Err(TmError::Request(format!("no unit {id} in the memory (nothing deleted)")));
            }
            summary.deleted += 1;
        }
        editor.apply(store)?;
        tx.commit()?;
        Ok(summary)
    }

    /// Deletes what the file (or alignment) named `origin` brought: the units that came from it alone; a
    /// unit that also came from elsewhere is kept, with one use fewer. An origin the memory does not know
    /// is a [`TmError::Request`]. The units are found by reading the table of units.
    pub fn delete_origin(&mut self, origin: &str) -> Result<DeleteSummary, TmError> {
        let tx = Tx::begin(self.store.as_ref(), true)?;
        let store = tx.store();
        let source = query_one(store, "SELECT min(id) FROM origins WHERE name = ?1", args![origin], |r| r.opt_int(0))?;
        let Some(source) = source else {
            return Err(TmError::Request(format!("no origin named '{origin}' in the memory (see trame tm stats)")));
        };
        let units = query_all(
            store,
            "SELECT id FROM units WHERE origin IN (SELECT id FROM origins WHERE name = ?1) ORDER BY id",
            args![origin],
            |r| r.int(0),
        )?;
        let mut editor = PostingsEditor::new(store)?;
        let mut summary = DeleteSummary::default();
        for id in units {
            let other = query_opt(
                store,
                "SELECT source FROM unit_sources WHERE unit = ?1 AND source != ?2 ORDER BY source LIMIT 1",
                args![id, source],
                |r| r.int(0),
            )?;
            match other {
                Some(other) => {
                    store.execute(
                        "UPDATE units SET origin = ?1, usage = CASE WHEN usage > 1 THEN usage - 1 ELSE 1 END \
                         WHERE id = ?2",
                        args![other, id],
                    )?;
                    store.execute("DELETE FROM unit_sources WHERE unit = ?1 AND source = ?2", args![id, other])?;
                    summary.kept += 1;
                }
                None => {
                    delete_unit(store, &mut editor, id)?;
                    summary.deleted += 1;
                }
            }
        }
        // Units that came from it besides their own origin.
        let also = query_all(store, "SELECT unit FROM unit_sources WHERE source = ?1", args![source], |r| r.int(0))?;
        for id in also {
            store.execute("DELETE FROM unit_sources WHERE unit = ?1 AND source = ?2", args![id, source])?;
            store.execute(
                "UPDATE units SET usage = CASE WHEN usage > 1 THEN usage - 1 ELSE 1 END WHERE id = ?1",
                args![id],
            )?;
            summary.kept += 1;
        }
        editor.apply(store)?;
        store.execute("DELETE FROM origins WHERE name = ?1", args![origin])?;
        tx.commit()?;
        Ok(summary)
    }

    /// Deletes the units that hold `phrase` (as [`Memory::concordance`] finds them, with the same
    /// languages).
    pub fn delete_concordance(
        &mut self,
        phrase: &str,
        source: Option<&str>,
        target: Option<&str>,
    ) -> Result<DeleteSummary, TmError> {
        let tx = Tx::begin(self.store.as_ref(), true)?;
        let store = tx.store();
        let found = concordance(store, phrase, source, target, usize::MAX)?;
        let mut editor = PostingsEditor::new(store)?;
        let mut summary = DeleteSummary::default();
        for unit in found {
            delete_unit(store, &mut editor, unit.id)?;
            summary.deleted += 1;
        }
        editor.apply(store)?;
        tx.commit()?;
        Ok(summary)
    }
}

/// Deletes unit `id` (false when there is none), its words left for `editor` to take out of the index.
fn delete_unit(store: &dyn Store, editor: &mut PostingsEditor, id: i64) -> Result<bool, TmError> {
    let row = query_opt(store, "SELECT key, variants FROM units WHERE id = ?1", args![id], |r| {
        Ok((r.int(0)?, StoredVariant::parse(r.text(1)?)))
    })?;
    let Some((key, variants)) = row else { return Ok(false) };
    editor.remove(id, &unit_words(variants.iter().map(|v| v.text.as_str())));
    store.execute("DELETE FROM unit_keys WHERE key = ?1 AND unit = ?2", args![key, id])?;
    store.execute("DELETE FROM unit_sources WHERE unit = ?1", args![id])?;
    store.execute("DELETE FROM units WHERE id = ?1", args![id])?;
    Ok(true)
}

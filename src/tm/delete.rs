//! Deleting units, each deletion one transaction that keeps the word index, the table of keys and the
//! units' sources in step.

use super::concordance::concordance;
use super::stored::StoredVariant;
use super::words::{PostingsEditor, unit_words};
use super::{Memory, TmError};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

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
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut ids = ids.to_vec();
        ids.sort_unstable();
        ids.dedup();
        let mut editor = PostingsEditor::new(&tx)?;
        let mut summary = DeleteSummary::default();
        for &id in &ids {
            if !delete_unit(&tx, &mut editor, id)? {
                return Err(TmError::Request(format!("no unit {id} in the memory (nothing deleted)")));
            }
            summary.deleted += 1;
        }
        editor.apply(&tx)?;
        tx.commit()?;
        Ok(summary)
    }

    /// Deletes what the file (or alignment) named `origin` brought: the units that came from it alone; a
    /// unit that also came from elsewhere is kept, with one use fewer. An origin the memory does not know
    /// is a [`TmError::Request`]. The units are found by reading the table of units.
    pub fn delete_origin(&mut self, origin: &str) -> Result<DeleteSummary, TmError> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let source: Option<i64> =
            tx.query_row("SELECT min(id) FROM origins WHERE name = ?1", [origin], |r| r.get(0))?;
        let Some(source) = source else {
            return Err(TmError::Request(format!("no origin named '{origin}' in the memory (see trame tm stats)")));
        };
        let units: Vec<i64> = tx
            .prepare("SELECT id FROM units WHERE origin IN (SELECT id FROM origins WHERE name = ?1) ORDER BY id")?
            .query_map([origin], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let mut editor = PostingsEditor::new(&tx)?;
        let mut summary = DeleteSummary::default();
        for id in units {
            let other: Option<i64> = tx
                .query_row(
                    "SELECT source FROM unit_sources WHERE unit = ?1 AND source != ?2 ORDER BY source LIMIT 1",
                    params![id, source],
                    |r| r.get(0),
                )
                .optional()?;
            match other {
                Some(other) => {
                    tx.execute(
                        "UPDATE units SET origin = ?1, usage = max(usage - 1, 1) WHERE id = ?2",
                        params![other, id],
                    )?;
                    tx.execute("DELETE FROM unit_sources WHERE unit = ?1 AND source = ?2", params![id, other])?;
                    summary.kept += 1;
                }
                None => {
                    delete_unit(&tx, &mut editor, id)?;
                    summary.deleted += 1;
                }
            }
        }
        // Units that came from it besides their own origin.
        let also: Vec<i64> = tx
            .prepare("SELECT unit FROM unit_sources WHERE source = ?1")?
            .query_map([source], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        for id in also {
            tx.execute("DELETE FROM unit_sources WHERE unit = ?1 AND source = ?2", params![id, source])?;
            tx.execute("UPDATE units SET usage = max(usage - 1, 1) WHERE id = ?1", [id])?;
            summary.kept += 1;
        }
        editor.apply(&tx)?;
        tx.execute("DELETE FROM origins WHERE name = ?1", [origin])?;
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
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let found = concordance(&tx, phrase, source, target, usize::MAX)?;
        let mut editor = PostingsEditor::new(&tx)?;
        let mut summary = DeleteSummary::default();
        for unit in found {
            delete_unit(&tx, &mut editor, unit.id)?;
            summary.deleted += 1;
        }
        editor.apply(&tx)?;
        tx.commit()?;
        Ok(summary)
    }
}

/// Deletes unit `id` (false when there is none), its words left for `editor` to take out of the index.
fn delete_unit(conn: &Connection, editor: &mut PostingsEditor, id: i64) -> Result<bool, TmError> {
    let row: Option<(i64, String)> = conn
        .prepare_cached("SELECT key, variants FROM units WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((key, variants)) = row else { return Ok(false) };
    let variants = StoredVariant::parse(&variants);
    editor.remove(id, &unit_words(variants.iter().map(|v| v.text.as_str())));
    conn.prepare_cached("DELETE FROM unit_keys WHERE key = ?1 AND unit = ?2")?.execute(params![key, id])?;
    conn.prepare_cached("DELETE FROM unit_sources WHERE unit = ?1")?.execute([id])?;
    conn.prepare_cached("DELETE FROM units WHERE id = ?1")?.execute([id])?;
    Ok(true)
}

//! Changing the index in place when units are deleted or edited: each unit's words are taken out of (or
//! put into) the segment that holds it, one row rewritten once however many units change in it.

use super::super::TmError;
use super::super::store::{Store, args, query_all, query_one, query_opt};
use super::{SHARED, bucket_of, encode, entries, offsets, push_entry};
use std::collections::{BTreeMap, HashMap};

/// The offsets taken out of and put into one word's list in one segment.
#[derive(Default)]
struct Change {
    removed: Vec<u64>,
    added: Vec<u64>,
}

impl Change {
    /// `list` (sorted) with the change made, sorted.
    fn apply(&mut self, list: &mut Vec<u64>) {
        self.removed.sort_unstable();
        list.retain(|o| self.removed.binary_search(o).is_err());
        list.extend_from_slice(&self.added);
        list.sort_unstable();
        list.dedup();
    }
}

/// Changes to the index collected during a deletion or an edit, made by [`PostingsEditor::apply`].
pub(crate) struct PostingsEditor {
    /// The segments as (base, id), sorted.
    segments: Vec<(i64, i64)>,
    /// (segment, group) → word → change.
    changes: BTreeMap<(i64, u32), BTreeMap<u32, Change>>,
}

impl PostingsEditor {
    /// An editor for the index of `conn`.
    pub(crate) fn new(store: &dyn Store) -> Result<Self, TmError> {
        let mut segments: Vec<(i64, i64)> =
            query_all(store, "SELECT base, id FROM word_segments", &[], |r| Ok((r.int(0)?, r.int(1)?)))?;
        segments.sort_unstable();
        Ok(PostingsEditor { segments, changes: BTreeMap::new() })
    }

    /// The segment holding unit `unit` (the one with the greatest base not above it; imports add units in
    /// increasing order, a segment after the other), as (id, base).
    fn segment_of(&self, unit: i64) -> Option<(i64, i64)> {
        let at = self.segments.partition_point(|&(base, _)| base <= unit);
        at.checked_sub(1).map(|k| (self.segments[k].1, self.segments[k].0))
    }

    /// Takes unit `unit` out of the lists of `words` (the words it was indexed under).
    pub(crate) fn remove(&mut self, unit: i64, words: &[u32]) {
        let Some((segment, base)) = self.segment_of(unit) else { return };
        for &word in words {
            self.change(segment, word).removed.push((unit - base) as u64);
        }
    }

    /// Puts unit `unit` into the lists of `words`; a unit older than every segment gets one of its own.
    pub(crate) fn add(&mut self, store: &dyn Store, unit: i64, words: &[u32]) -> Result<(), TmError> {
        if words.is_empty() {
            return Ok(());
        }
        let (segment, base) = match self.segment_of(unit) {
            Some(found) => found,
            None => {
                let id = query_one(
                    store,
                    "INSERT INTO word_segments(base, pairs) VALUES (?1, 0) RETURNING id",
                    args![unit],
                    |r| r.int(0),
                )?;
                self.segments.push((unit, id));
                self.segments.sort_unstable();
                (id, unit)
            }
        };
        for &word in words {
            self.change(segment, word).added.push((unit - base) as u64);
        }
        Ok(())
    }

    fn change(&mut self, segment: i64, word: u32) -> &mut Change {
        self.changes.entry((segment, bucket_of(word))).or_default().entry(word).or_default()
    }

    /// Rewrites the rows that change.
    pub(crate) fn apply(self, store: &dyn Store) -> Result<(), TmError> {
        let mut pairs: HashMap<i64, i64> = HashMap::new();
        let write = |segment: i64, bucket: u32, word: i64, count: i64, data: &[u8]| {
            store.execute(
                "INSERT INTO word_postings(segment, bucket, word, count, data) VALUES (?1, ?2, ?3, ?4, ?5) \
                 ON CONFLICT (segment, bucket, word) DO UPDATE SET count = excluded.count, data = excluded.data",
                args![segment, i64::from(bucket), word, count, data],
            )
        };
        let delete = |segment: i64, bucket: u32, word: i64| {
            store.execute(
                "DELETE FROM word_postings WHERE segment = ?1 AND bucket = ?2 AND word = ?3",
                args![segment, i64::from(bucket), word],
            )
        };
        for ((segment, bucket), words) in self.changes {
            // The group's shared row, read when a word without a row of its own changes.
            let mut shared: Option<BTreeMap<u32, Vec<u64>>> = None;
            for (word, mut change) in words {
                let row: Option<Vec<u8>> = query_opt(
                    store,
                    "SELECT data FROM word_postings WHERE segment = ?1 AND bucket = ?2 AND word = ?3",
                    args![segment, i64::from(bucket), i64::from(word)],
                    |r| Ok(r.blob(0)?.to_vec()),
                )?;
                let mut list: Vec<u64>;
                match row {
                    Some(data) => {
                        list = offsets(&data).collect();
                        let before = list.len() as i64;
                        change.apply(&mut list);
                        *pairs.entry(segment).or_default() += list.len() as i64 - before;
                        if list.is_empty() {
                            delete(segment, bucket, i64::from(word))?;
                        } else {
                            write(segment, bucket, i64::from(word), list.len() as i64, &encode(&list))?;
                        }
                    }
                    None => {
                        if shared.is_none() {
                            shared = Some(read_shared(store, segment, bucket)?);
                        }
                        let group = shared.as_mut().expect("read above");
                        list = group.remove(&word).unwrap_or_default();
                        let before = list.len() as i64;
                        change.apply(&mut list);
                        *pairs.entry(segment).or_default() += list.len() as i64 - before;
                        if !list.is_empty() {
                            group.insert(word, list);
                        }
                    }
                }
            }
            if let Some(group) = shared {
                if group.is_empty() {
                    delete(segment, bucket, SHARED)?;
                } else {
                    let mut data = Vec::new();
                    for (word, list) in &group {
                        // A list grown long stays in the shared row: look-ups read either kind.
                        push_entry(&mut data, *word, list.len(), &encode(list));
                    }
                    write(segment, bucket, SHARED, group.len() as i64, &data)?;
                }
            }
        }
        for (segment, change) in pairs {
            store.execute("UPDATE word_segments SET pairs = pairs + ?1 WHERE id = ?2", args![change, segment])?;
        }
        Ok(())
    }
}

/// The words of a group's shared row in a segment, with their lists.
fn read_shared(store: &dyn Store, segment: i64, bucket: u32) -> Result<BTreeMap<u32, Vec<u64>>, TmError> {
    let data: Option<Vec<u8>> = query_opt(
        store,
        "SELECT data FROM word_postings WHERE segment = ?1 AND bucket = ?2 AND word = ?3",
        args![segment, i64::from(bucket), SHARED],
        |r| Ok(r.blob(0)?.to_vec()),
    )?;
    Ok(data
        .map(|data| entries(&data).map(|(word, _, list)| (word, offsets(list).collect())).collect())
        .unwrap_or_default())
}

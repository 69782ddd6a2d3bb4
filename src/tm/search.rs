//! Fuzzy search: candidates from the word index (the variants that share the most of the query's
//! rarer words, each word weighted by how rare it is), then the real score of each; never a scan of the
//! memory.

use super::lang::fit;
use super::score::{changes, normalized, score_at_least};
use super::store::{Param, Store, args, query_one, query_opt};
use super::stored::StoredVariant;
use super::words::{lookup, lookup_both, query_words};
use super::{Memory, TmError};
use std::collections::{HashMap, HashSet};

/// Units read from the index per word: a word found more often than this is too common to choose
/// candidates by (unless the query has nothing rarer).
const PER_WORD: usize = 2_000;
/// Candidates scored.
const CANDIDATES: usize = 300;

/// A unit that matches a query.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TmMatch {
    /// 0-100 (see [`super::score`]).
    pub score: u8,
    /// The memory's text in the source language.
    pub source: String,
    /// Its translation.
    pub target: String,
    /// Where the unit came from (a file, an alignment).
    pub origin: String,
    /// The differences between the memory's source text and the query (`[-memory-]{+query+}`).
    pub changed: String,
    /// How many times the unit was imported.
    #[serde(skip)]
    pub usage: i64,
}

/// What a search or a concordance reads of a unit.
pub(crate) struct UnitRow {
    pub variants: Vec<StoredVariant>,
    pub usage: i64,
    /// Its origin's name (empty for none).
    pub origin: String,
}

/// The units `ids` that are there (a deletion may have come between the index and them): in SQLite one
/// look-up each, in PostgreSQL one query for all (a round trip each would cost more than the search).
pub(crate) fn read_units(store: &dyn Store, ids: &[i64]) -> Result<HashMap<i64, UnitRow>, TmError> {
    let read = |r: &dyn super::store::Row| {
        Ok(UnitRow { variants: StoredVariant::parse(r.text(1)?), usage: r.int(2)?, origin: r.text(3)?.to_string() })
    };
    let mut units = HashMap::with_capacity(ids.len());
    if store.is_postgres() {
        store.each(
            "SELECT u.id, u.variants, u.usage, coalesce(o.name, '') FROM units AS u \
             LEFT JOIN origins AS o ON o.id = u.origin WHERE u.id = ANY(?1)",
            &[Param::Ints(ids)],
            &mut |r| {
                units.insert(r.int(0)?, read(r)?);
                Ok(())
            },
        )?;
        return Ok(units);
    }
    for &id in ids {
        let row = query_opt(
            store,
            "SELECT u.id, u.variants, u.usage, coalesce(o.name, '') FROM units AS u \
             LEFT JOIN origins AS o ON o.id = u.origin WHERE u.id = ?1",
            args![id],
            read,
        )?;
        if let Some(row) = row {
            units.insert(id, row);
        }
    }
    Ok(units)
}

impl Memory {
    /// The units whose `source` text scores at least `min` for `query` and that have a `target` text,
    /// best first, at most `limit`.
    pub fn search(
        &self,
        query: &str,
        source: &str,
        target: &str,
        min: u8,
        limit: usize,
    ) -> Result<Vec<TmMatch>, TmError> {
        let query = normalized(query);
        let query_length = query.chars().count();
        let mut found: Vec<TmMatch> = Vec::new();
        let candidates = self.candidates(&query)?;
        let mut units = read_units(self.store.as_ref(), &candidates)?;
        for unit in candidates {
            let Some(UnitRow { variants, usage, origin }) = units.remove(&unit) else { continue };
            // The best source variant (score, then how well its tag fits), and the best-fitting target.
            // A tag fits (1 or 2) only when its language is the one asked for.
            let best_source = variants
                .iter()
                .filter_map(|v| match fit(&v.lang, source) {
                    0 => None,
                    fits => {
                        let text = normalized(&v.text);
                        score_at_least(&query, &text, query_length, min).map(|s| (s, fits, v, text))
                    }
                })
                .max_by_key(|(s, f, _, _)| (*s, *f));
            let best_target = variants
                .iter()
                .map(|v| (fit(&v.lang, target), v))
                .filter(|(fits, _)| *fits > 0)
                .max_by_key(|(fits, _)| *fits)
                .map(|(_, v)| v);
            if let (Some((score, _, from, from_text)), Some(to)) = (best_source, best_target) {
                if std::ptr::eq(from, to) {
                    continue;
                }
                found.push(TmMatch {
                    score,
                    source: from.text.clone(),
                    target: to.text.clone(),
                    origin,
                    changed: changes(&from_text, &query),
                    usage,
                });
            }
        }
        // Best first; among equal scores, the unit used most often.
        found.sort_by(|a, b| b.score.cmp(&a.score).then(b.usage.cmp(&a.usage)));
        found.truncate(limit);
        Ok(found)
    }

    /// The units that share the most of the query's words (in any of their languages), rarer words
    /// counting more: a word found in `n` of `N` units weighs `ln(1 + N/n)`. Words too common to choose by
    /// (in more than [`PER_WORD`] units) are taken two by two instead, neighbours in the query, a unit
    /// having both.
    fn candidates(&self, query: &str) -> Result<Vec<i64>, TmError> {
        let words = query_words(query);
        let store = self.store.as_ref();
        let total = query_one(store, "SELECT coalesce(max(id), 1) FROM units", &[], |r| r.int(0))?;
        let mut weights: HashMap<i64, f64> = HashMap::new();
        let add = |ids: Vec<i64>, weights: &mut HashMap<i64, f64>| {
            let weight = (1.0 + total as f64 / ids.len().max(1) as f64).ln();
            for id in ids {
                *weights.entry(id).or_default() += weight;
            }
        };
        let mut seen = HashSet::new();
        let mut common: Vec<bool> = Vec::with_capacity(words.len());
        for &word in &words {
            if !seen.insert(word) {
                common.push(false);
                continue;
            }
            let found = lookup(store, word, PER_WORD)?;
            let too_common = found.count >= PER_WORD as u64;
            common.push(too_common);
            if !too_common {
                add(found.units, &mut weights);
            }
        }
        // Neighbouring common words, two by two.
        let mut pairs = HashSet::new();
        for k in 1..words.len() {
            let (a, b) = (words[k - 1], words[k]);
            if common[k - 1] && common[k] && a != b && pairs.insert((a, b)) {
                add(lookup_both(store, a, b, PER_WORD)?, &mut weights);
            }
        }
        let mut ranked: Vec<(i64, f64)> = weights.into_iter().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        Ok(ranked.into_iter().take(CANDIDATES).map(|(id, _)| id).collect())
    }
}

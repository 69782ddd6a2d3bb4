//! What a memory holds, language pair by language pair and origin by origin (read from every unit).

use super::store::query_all;
use super::stored::StoredVariant;
use super::words::word_spans;
use super::{Memory, TmError};
use std::collections::{BTreeMap, HashMap};

/// Units and words by language pair and by origin.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Breakdown {
    /// Words in every variant of every unit (runs of letters and digits, short ones included).
    pub words: u64,
    /// Each pair of languages some unit has, sorted.
    pub pairs: Vec<PairStats>,
    /// Each origin, by name, sorted.
    pub origins: Vec<OriginStats>,
}

/// The units that have both languages of a pair.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PairStats {
    /// The two canonical language tags, sorted.
    pub languages: [String; 2],
    /// Units with both.
    pub units: u64,
    /// Words of those units in each language, in the order of `languages`.
    pub words: [u64; 2],
}

/// The units that came from one origin (a unit that came from several counts in each).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct OriginStats {
    /// The file as it was imported, or `alignment of A and B`; `None` for units added without one.
    pub origin: Option<String>,
    /// Units.
    pub units: u64,
    /// Words in all their variants.
    pub words: u64,
}

impl Memory {
    /// Units and words by language pair and by origin. It reads every unit (a few seconds for a million).
    pub fn breakdown(&self) -> Result<Breakdown, TmError> {
        // The further sources of units, by name.
        let store = self.store.as_ref();
        let mut also: HashMap<i64, Vec<String>> = HashMap::new();
        let sources = query_all(
            store,
            "SELECT s.unit, o.name FROM unit_sources AS s JOIN origins AS o ON o.id = s.source",
            &[],
            |r| Ok((r.int(0)?, r.text(1)?.to_string())),
        )?;
        for (unit, name) in sources {
            also.entry(unit).or_default().push(name);
        }
        let mut pairs: BTreeMap<(String, String), PairStats> = BTreeMap::new();
        let mut origins: BTreeMap<Option<String>, OriginStats> = BTreeMap::new();
        let mut breakdown = Breakdown::default();
        let sql = "SELECT u.id, u.variants, o.name FROM units AS u LEFT JOIN origins AS o ON o.id = u.origin";
        store.each(sql, &[], &mut |row| {
            let id = row.int(0)?;
            let variants = StoredVariant::parse(row.text(1)?);
            let origin: Option<String> = row.opt_text(2)?.map(str::to_string);
            // Words by language.
            let mut by_language: BTreeMap<&str, u64> = BTreeMap::new();
            for v in &variants {
                *by_language.entry(v.lang.as_str()).or_default() += word_spans(&v.text).len() as u64;
            }
            let words: u64 = by_language.values().sum();
            breakdown.words += words;
            let languages: Vec<(&str, u64)> = by_language.into_iter().collect();
            for (k, &(a, a_words)) in languages.iter().enumerate() {
                for &(b, b_words) in &languages[k + 1..] {
                    let pair = pairs.entry((a.to_string(), b.to_string())).or_insert_with(|| PairStats {
                        languages: [a.to_string(), b.to_string()],
                        units: 0,
                        words: [0, 0],
                    });
                    pair.units += 1;
                    pair.words[0] += a_words;
                    pair.words[1] += b_words;
                }
            }
            let further = also.remove(&id).unwrap_or_default();
            for name in std::iter::once(origin).chain(further.into_iter().map(Some)) {
                let entry =
                    origins.entry(name.clone()).or_insert_with(|| OriginStats { origin: name, units: 0, words: 0 });
                entry.units += 1;
                entry.words += words;
            }
            Ok(())
        })?;
        breakdown.pairs = pairs.into_values().collect();
        breakdown.origins = origins.into_values().collect();
        Ok(breakdown)
    }
}

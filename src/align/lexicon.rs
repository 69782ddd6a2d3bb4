//! Word translations: a bilingual dictionary given by the user, and an IBM Model 1 lexicon learned from
//! the text itself (Moore 2002; hunalign's realign): after a first alignment, the confident beads are
//! taken as parallel sentences, translation probabilities are estimated in both directions by
//! expectation-maximisation, and word pairs likely in both directions become matches for the second pass.

use crate::fold::fold;
use foldhash::fast::FixedState;
use std::collections::HashMap;

/// A bilingual dictionary: pairs of source and target terms (a glossary, a word list).
#[derive(Debug, Clone, Default)]
pub struct Dictionary {
    pairs: Vec<(String, String)>,
}

impl Dictionary {
    /// An empty dictionary.
    pub fn new() -> Self {
        Dictionary::default()
    }

    /// Adds a pair of terms (source language first).
    pub fn add(&mut self, source: &str, target: &str) {
        if !source.trim().is_empty() && !target.trim().is_empty() {
            self.pairs.push((source.trim().to_string(), target.trim().to_string()));
        }
    }

    /// How many pairs it holds.
    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    /// Whether it holds no pair.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// The term pairs of a term base: every `source` form of a concept with every `target` form.
    pub fn from_term_base(base: &crate::termbase::TermBase, source: &str, target: &str) -> Self {
        let mut dictionary = Dictionary::new();
        for concept in &base.concepts {
            let (Some(s), Some(t)) = (concept.languages.get(source), concept.languages.get(target)) else { continue };
            for a in s.all() {
                for b in t.all() {
                    dictionary.add(&a.form, &b.form);
                }
            }
        }
        dictionary
    }

    /// Reads a two-column list, one pair a line, columns separated by a tab (or, failing that, a comma or
    /// a semicolon); lines starting with `#` and a header line naming languages are skipped.
    pub fn from_delimited(text: &str) -> Self {
        let mut dictionary = Dictionary::new();
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let separator = ['\t', ';', ','].into_iter().find(|&s| line.contains(s));
            let Some(separator) = separator else { continue };
            let mut columns = line.split(separator).map(|c| c.trim().trim_matches('"'));
            if let (Some(source), Some(target)) = (columns.next(), columns.next()) {
                dictionary.add(source, target);
            }
        }
        dictionary
    }

    /// Folded word pairs: each content word (three letters or more) of a source term with each content
    /// word of its target term, for terms of at most three words.
    pub(crate) fn word_pairs(&self) -> Vec<(String, String)> {
        let words = |term: &str| -> Vec<String> {
            term.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() >= 3).map(fold).collect()
        };
        let mut out = Vec::new();
        for (source, target) in &self.pairs {
            let (s, t) = (words(source), words(target));
            if s.is_empty() || t.is_empty() || s.len() > 3 || t.len() > 3 {
                continue;
            }
            for a in &s {
                for b in &t {
                    out.push((a.clone(), b.clone()));
                }
            }
        }
        out
    }
}

/// Sentences longer than this (in tokens) are cut for training: long ones teach little and cost much.
const MAX_TRAINING_TOKENS: usize = 60;
/// Rounds of expectation-maximisation.
const ITERATIONS: usize = 5;
/// A pair is kept when the geometric mean of its two translation probabilities reaches this.
const MIN_PROBABILITY: f32 = 0.12;
/// And when it was seen together at least this often.
const MIN_COOCCURRENCE: u32 = 2;

/// Learns word translations from parallel units (source word ids, target word ids). Returns (source word,
/// target word) pairs.
pub(crate) fn learn(units: &[(Vec<u32>, Vec<u32>)]) -> Vec<(u32, u32)> {
    // Index every co-occurring pair once; each unit keeps the pair index of each (target, source) cell,
    // all units in one flat list. The keys are small integers: a fast fixed hasher, not SipHash.
    let mut index: HashMap<(u32, u32), u32, FixedState> = HashMap::with_hasher(FixedState::default());
    let mut words: Vec<(u32, u32)> = Vec::new();
    let mut cooccurrence: Vec<u32> = Vec::new();
    let mut cells: Vec<u32> = Vec::new();
    let mut shapes: Vec<(usize, usize)> = Vec::with_capacity(units.len());
    for (source, target) in units {
        let source = &source[..source.len().min(MAX_TRAINING_TOKENS)];
        let target = &target[..target.len().min(MAX_TRAINING_TOKENS)];
        for &t in target {
            for &s in source {
                let id = *index.entry((s, t)).or_insert_with(|| {
                    words.push((s, t));
                    cooccurrence.push(0);
                    words.len() as u32 - 1
                });
                cooccurrence[id as usize] += 1;
                cells.push(id);
            }
        }
        shapes.push((source.len(), target.len()));
    }
    let forward = train(&cells, &shapes, &words, Direction::TargetGivenSource);
    let backward = train(&cells, &shapes, &words, Direction::SourceGivenTarget);
    let mut pairs: Vec<(u32, u32)> = (0..words.len())
        .filter(|&id| cooccurrence[id] >= MIN_COOCCURRENCE && (forward[id] * backward[id]).sqrt() >= MIN_PROBABILITY)
        .map(|id| words[id])
        .collect();
    pairs.sort_unstable();
    pairs
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    /// t(target | source)
    TargetGivenSource,
    /// t(source | target)
    SourceGivenTarget,
}

/// Model 1 (without the empty word: the units are confident beads) in one direction. `cells` holds, unit
/// after unit (of the sizes in `shapes`), the pair index of each (target position, source position), row by
/// row over target positions.
fn train(cells: &[u32], shapes: &[(usize, usize)], words: &[(u32, u32)], direction: Direction) -> Vec<f32> {
    let given = |id: usize| match direction {
        Direction::TargetGivenSource => words[id].0,
        Direction::SourceGivenTarget => words[id].1,
    };
    let vocabulary = words.iter().map(|&(s, t)| s.max(t)).max().map_or(0, |m| m as usize + 1);
    let mut probability = vec![1.0f32; words.len()];
    let mut counts = vec![0.0f32; words.len()];
    let mut totals = vec![0.0f32; vocabulary];
    for _ in 0..ITERATIONS {
        counts.iter_mut().for_each(|c| *c = 0.0);
        let mut start = 0;
        for &(ns, nt) in shapes {
            let unit = &cells[start..start + ns * nt];
            start += ns * nt;
            // E-step: each word of the predicted side spreads one count over the words that may have
            // produced it, in proportion to the current probabilities.
            let (outer, inner) = match direction {
                Direction::TargetGivenSource => (nt, ns),
                Direction::SourceGivenTarget => (ns, nt),
            };
            for o in 0..outer {
                let cell = |i: usize| match direction {
                    Direction::TargetGivenSource => unit[o * ns + i] as usize,
                    Direction::SourceGivenTarget => unit[i * ns + o] as usize,
                };
                let z: f32 = (0..inner).map(|i| probability[cell(i)]).sum();
                if z > 0.0 {
                    for i in 0..inner {
                        let id = cell(i);
                        counts[id] += probability[id] / z;
                    }
                }
            }
        }
        // M-step: normalise by the total count of the conditioning word.
        totals.iter_mut().for_each(|t| *t = 0.0);
        for (id, &count) in counts.iter().enumerate() {
            totals[given(id) as usize] += count;
        }
        for (id, p) in probability.iter_mut().enumerate() {
            let total = totals[given(id) as usize];
            *p = if total > 0.0 { counts[id] / total } else { 0.0 };
        }
    }
    probability
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_consistent_pairs() {
        // Source words 0 "le", 1 "chat", 2 "chien"; target words 10 "the", 11 "cat", 12 "dog".
        let units = vec![
            (vec![0, 1], vec![10, 11]),
            (vec![0, 2], vec![10, 12]),
            (vec![0, 1], vec![10, 11]),
            (vec![0, 2], vec![10, 12]),
            (vec![1], vec![11]),
        ];
        let pairs = learn(&units);
        assert!(pairs.contains(&(1, 11)), "{pairs:?}");
        assert!(pairs.contains(&(2, 12)), "{pairs:?}");
        assert!(pairs.contains(&(0, 10)), "{pairs:?}");
        assert!(!pairs.contains(&(1, 12)), "{pairs:?}");
    }

    #[test]
    fn dictionary_from_tsv_and_csv() {
        let d = Dictionary::from_delimited("# glossaire\nLoukachenko\tLukashenko\nÉtat de l'Union;Union State\n");
        assert_eq!(d.len(), 2);
        let pairs = d.word_pairs();
        assert!(pairs.contains(&("loukachenko".to_string(), "lukashenko".to_string())));
        assert!(pairs.contains(&("etat".to_string(), "union".to_string())));
    }
}

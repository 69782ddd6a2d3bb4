//! Looking a word up in a term base: exactly, folded (case and accents), by a listed variant, by sound
//! (transliteration key, Daitch-Mokotoff code) and fuzzily (edit distance on candidates from a trigram
//! index, never a scan of every term).

use super::model::{Kind, Status, TermBase};
use super::variants::{feminine_pair, name_key, phonetic_codes};
use crate::fold::fold;
use serde::Serialize;
use std::collections::HashMap;

/// How a query matched a term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum MatchKind {
    /// The preferred term, as written.
    Exact,
    /// The preferred term, up to case and accents.
    Folded,
    /// A listed variant (as written or folded).
    Variant,
    /// The same transliteration key or sound as a term.
    Phonetic,
    /// A few edits away from a term.
    Fuzzy,
}

impl MatchKind {
    /// The name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            MatchKind::Exact => "exact",
            MatchKind::Folded => "folded",
            MatchKind::Variant => "variant",
            MatchKind::Phonetic => "phonetic",
            MatchKind::Fuzzy => "fuzzy",
        }
    }
}

/// One concept found for a query.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    /// Index of the concept in the term base.
    pub concept: usize,
    /// How it matched.
    pub kind: MatchKind,
    /// In [0, 1]; fuzzy matches always score under 0.9.
    pub score: f64,
    /// The term that matched.
    pub term: String,
    /// Its language.
    pub language: String,
    /// Its status (`error` for a probable error).
    pub status: &'static str,
}

struct Entry {
    concept: u32,
    language: String,
    form: String,
    preferred: bool,
    status: &'static str,
    /// The folded form, letters and digits only, as fuzzy matching compares it.
    compacted: String,
}

/// An index over a term base for lookups.
pub struct TermIndex {
    entries: Vec<Entry>,
    exact: HashMap<String, Vec<u32>>,
    folded: HashMap<String, Vec<u32>>,
    keys: HashMap<String, Vec<u32>>,
    /// The last word of names of several words (a surname finds the full name), folded and by key.
    last_words: HashMap<String, Vec<u32>>,
    last_keys: HashMap<String, Vec<u32>>,
    sounds: HashMap<String, Vec<u32>>,
    grams: HashMap<String, Vec<u32>>,
}

/// What `folded` looks like with spaces, hyphens and apostrophes taken out (Vladimir Poutine and
/// Vladimirpoutine meet).
fn compact(folded: &str) -> String {
    folded.chars().filter(|c| c.is_alphanumeric()).collect()
}

fn trigrams(compacted: &str) -> Vec<String> {
    let padded: Vec<char> = format!("^{compacted}$").chars().collect();
    let mut grams: Vec<String> = padded.windows(3).map(|w| w.iter().collect()).collect();
    grams.sort();
    grams.dedup();
    grams
}

impl TermIndex {
    /// Indexes every term of `base`.
    pub fn new(base: &TermBase) -> Self {
        let mut index = TermIndex {
            entries: Vec::new(),
            exact: HashMap::new(),
            folded: HashMap::new(),
            keys: HashMap::new(),
            last_words: HashMap::new(),
            last_keys: HashMap::new(),
            sounds: HashMap::new(),
            grams: HashMap::new(),
        };
        for (c, concept) in base.concepts.iter().enumerate() {
            for (language, terms) in &concept.languages {
                for term in terms.all() {
                    let id = index.entries.len() as u32;
                    let compacted = compact(&fold(&term.form));
                    let status = if term.kind == Kind::Error { "error" } else { term.status.name() };
                    index.exact.entry(term.form.clone()).or_default().push(id);
                    index.folded.entry(compacted.clone()).or_default().push(id);
                    index.keys.entry(compact(&name_key(&term.form))).or_default().push(id);
                    if let Some((_, last)) = term.form.trim().rsplit_once(' ') {
                        index.last_words.entry(compact(&fold(last))).or_default().push(id);
                        index.last_keys.entry(compact(&name_key(last))).or_default().push(id);
                    }
                    for code in phonetic_codes(&term.form) {
                        index.sounds.entry(code).or_default().push(id);
                    }
                    for gram in trigrams(&compacted) {
                        index.grams.entry(gram).or_default().push(id);
                    }
                    index.entries.push(Entry {
                        concept: c as u32,
                        language: language.clone(),
                        form: term.form.clone(),
                        preferred: term.status == Status::Preferred,
                        status,
                        compacted,
                    });
                }
            }
        }
        index
    }

    /// The concepts `query` matches, best first, at most `limit`; `language` restricts the terms searched.
    pub fn lookup(&self, query: &str, language: Option<&str>, limit: usize) -> Vec<Match> {
        let query = query.trim();
        let folded = fold(query);
        let compacted = compact(&folded);
        if compacted.is_empty() {
            return Vec::new();
        }
        let mut best: HashMap<u32, Match> = HashMap::new();
        let kind_of = |id: u32, preferred_kind: MatchKind, preferred_score: f64, variant_score: f64| {
            if self.entries[id as usize].preferred {
                (preferred_kind, preferred_score)
            } else {
                (MatchKind::Variant, variant_score)
            }
        };
        for &id in self.exact.get(query).into_iter().flatten() {
            let (kind, score) = kind_of(id, MatchKind::Exact, 1.0, 0.95);
            self.offer(&mut best, language, id, kind, score);
        }
        for &id in self.folded.get(&compacted).into_iter().flatten() {
            let (kind, score) = kind_of(id, MatchKind::Folded, 0.97, 0.93);
            self.offer(&mut best, language, id, kind, score);
        }
        if best.is_empty() {
            for &id in self.last_words.get(&compacted).into_iter().flatten() {
                self.offer(&mut best, language, id, MatchKind::Variant, 0.9);
            }
        }
        if best.is_empty() {
            let key = compact(&name_key(query));
            for (ids, score) in [(self.keys.get(&key), 0.9), (self.last_keys.get(&key), 0.86)] {
                for &id in ids.into_iter().flatten() {
                    if !feminine_pair(query, &self.entries[id as usize].form) {
                        self.offer(&mut best, language, id, MatchKind::Phonetic, score);
                    }
                }
            }
        }
        if best.is_empty() {
            self.fuzzy(query, &compacted, language, &mut best);
        }
        let mut matches: Vec<Match> = best.into_values().collect();
        matches.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.concept.cmp(&b.concept)));
        matches.truncate(limit);
        matches
    }

    /// Keeps the best match per concept.
    fn offer(&self, best: &mut HashMap<u32, Match>, language: Option<&str>, id: u32, kind: MatchKind, score: f64) {
        let entry = &self.entries[id as usize];
        if language.is_some_and(|l| l != entry.language) {
            return;
        }
        if best.get(&entry.concept).is_some_and(|m| m.score >= score) {
            return;
        }
        let found = Match {
            concept: entry.concept as usize,
            kind,
            score,
            term: entry.form.clone(),
            language: entry.language.clone(),
            status: entry.status,
        };
        best.insert(entry.concept, found);
    }

    /// Fuzzy and sound-alike matches: candidates sharing enough trigrams with the query, scored by edit
    /// distance on folded forms; one edit and the same Daitch-Mokotoff sound make it phonetic.
    fn fuzzy(&self, query: &str, compacted: &str, language: Option<&str>, best: &mut HashMap<u32, Match>) {
        let grams = trigrams(compacted);
        let length = compacted.chars().count();
        let allowed = (length / 4).clamp(1, 3);
        let needed = grams.len().saturating_sub(3 * allowed).max(1);
        // Shared trigrams per term, counted in a dense array (faster than a map on long posting lists).
        let mut shared = vec![0u8; self.entries.len()];
        let mut touched: Vec<u32> = Vec::new();
        for gram in &grams {
            for &id in self.grams.get(gram).into_iter().flatten() {
                let count = &mut shared[id as usize];
                if *count == 0 {
                    touched.push(id);
                }
                *count = count.saturating_add(1);
            }
        }
        let sounds: Vec<String> = phonetic_codes(query);
        for id in touched {
            if (shared[id as usize] as usize) < needed {
                continue;
            }
            let entry = &self.entries[id as usize];
            let other = &entry.compacted;
            let other_length = other.chars().count();
            // More edits than allowed in the lengths alone: not worth the distance.
            if other_length.abs_diff(length) > allowed {
                continue;
            }
            let distance = strsim::levenshtein(compacted, other);
            let longest = length.max(other_length).max(1);
            if distance <= allowed {
                let similarity = 1.0 - distance as f64 / longest as f64;
                let same_sound = phonetic_codes(&entry.form).iter().any(|c| sounds.contains(c));
                if same_sound && !feminine_pair(query, &entry.form) && distance <= 1 {
                    self.offer(best, language, id, MatchKind::Phonetic, 0.85 * similarity);
                } else {
                    self.offer(best, language, id, MatchKind::Fuzzy, 0.89 * similarity);
                }
            }
        }
    }

    /// How many terms are indexed.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no term is indexed.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::termbase::{Concept, LangTerms, Term};

    fn base() -> TermBase {
        let concept = |id: &str, fr: &str, fr_variants: &[(&str, Status, Kind)], en: &str| {
            let mut c = Concept { id: id.into(), ..Concept::default() };
            let mut terms = LangTerms { preferred: Term::new(fr, Status::Preferred), variants: vec![] };
            for (form, status, kind) in fr_variants {
                let mut t = Term::new(form, *status);
                t.kind = *kind;
                terms.variants.push(t);
            }
            c.languages.insert("fr".into(), terms);
            c.languages
                .insert("en".into(), LangTerms { preferred: Term::new(en, Status::Preferred), variants: vec![] });
            c
        };
        TermBase {
            concepts: vec![
                concept(
                    "lukashenko",
                    "Loukachenko",
                    &[
                        ("Lukachenko", Status::Deprecated, Kind::Transliteration),
                        ("Alexandre Loukachenko", Status::Admitted, Kind::FullForm),
                    ],
                    "Lukashenko",
                ),
                concept("putin", "Poutine", &[("Vladimir Poutine", Status::Admitted, Kind::FullForm)], "Putin"),
                concept("kyiv", "Kiev", &[("Kieu", Status::Deprecated, Kind::Error)], "Kyiv"),
            ],
            rejected: vec![],
        }
    }

    #[track_caller]
    fn first(index: &TermIndex, query: &str) -> (usize, MatchKind, f64) {
        let m = &index.lookup(query, None, 5)[0];
        (m.concept, m.kind, m.score)
    }

    #[test]
    fn each_kind_of_match_is_found_and_said() {
        let index = TermIndex::new(&base());
        assert_eq!(first(&index, "Loukachenko").1, MatchKind::Exact);
        assert_eq!(first(&index, "LOUKACHENKO").1, MatchKind::Folded);
        assert_eq!(first(&index, "Lukachenko").1, MatchKind::Variant);
        assert_eq!(first(&index, "Lukaschenko").1, MatchKind::Phonetic);
        assert_eq!(first(&index, "Vladimirpoutine").1, MatchKind::Variant);
        assert_eq!(first(&index, "Kieu").1, MatchKind::Variant);
        assert_eq!(first(&index, "Loukatchenko").0, 0);
        assert_eq!(index.lookup("Kieu", None, 1)[0].status, "error");
        let (concept, kind, _) = first(&index, "Loukachenka");
        assert_eq!(concept, 0);
        assert!(matches!(kind, MatchKind::Fuzzy | MatchKind::Phonetic));
        for m in index.lookup("Putina", None, 5) {
            assert!(m.kind == MatchKind::Fuzzy && m.score < 0.9, "{m:?}");
        }
        assert!(index.lookup("Zzzzz", None, 5).is_empty());
        assert!(index.lookup("Kyiv", Some("fr"), 5).is_empty());
    }
}

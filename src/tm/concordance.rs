//! Concordance: the units that hold a word or a phrase, found through the word index (the postings of
//! the phrase's rarest words, intersected), then checked word by word; never a scan of the memory.

use super::lang::best_fit;
use super::search::{UnitRow, read_units};
use super::store::Store;
use super::stored::StoredVariant;
use super::words::{lookup, query_words, word_spans};
use super::{Memory, TmError};
use std::ops::Range;

/// Candidates at which further words' postings are no longer intersected (checking them is cheaper).
const FEW_CANDIDATES: usize = 64;
/// Candidate units read at once.
const READ_AT_ONCE: usize = 64;
/// Units holding a word past which its postings are not read to narrow the candidates down.
const MAX_INTERSECTED: u64 = 400_000;

/// A unit that holds the phrase looked for.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Concordance {
    /// The unit's id (what `trame tm edit` and `trame tm delete` take).
    pub id: i64,
    /// Where the unit came from.
    pub origin: String,
    /// Its variants shown: the requested languages, or all of them.
    pub variants: Vec<ConcordanceVariant>,
}

/// One variant of a [`Concordance`], with where the phrase is in it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ConcordanceVariant {
    /// Its canonical language tag.
    pub lang: String,
    /// Its text.
    pub text: String,
    /// Byte ranges of each occurrence of the phrase in `text`, in order (none when it does not hold it).
    pub spans: Vec<Range<usize>>,
}

/// The phrase as it is compared: its words folded (case, accents and ligatures aside), and the hashes of
/// those the index holds.
struct Phrase {
    words: Vec<String>,
    indexed: Vec<u32>,
}

impl Phrase {
    fn new(text: &str) -> Result<Phrase, TmError> {
        let words: Vec<String> = word_spans(text).into_iter().map(|(_, folded)| folded).collect();
        let mut indexed = query_words(text);
        indexed.sort_unstable();
        indexed.dedup();
        if indexed.is_empty() {
            return Err(TmError::Request(format!(
                "'{text}' has no word the index holds (a word of three letters or more, or a number)"
            )));
        }
        Ok(Phrase { words, indexed })
    }

    /// The byte ranges where `text` holds the phrase's words one after the other (whatever lies between).
    fn spans_in(&self, text: &str) -> Vec<Range<usize>> {
        let words = word_spans(text);
        let n = self.words.len();
        let mut spans = Vec::new();
        let mut k = 0;
        while k + n <= words.len() {
            if words[k..k + n].iter().zip(&self.words).all(|((_, folded), wanted)| folded == wanted) {
                spans.push(words[k].0.start..words[k + n - 1].0.end);
                k += n;
            } else {
                k += 1;
            }
        }
        spans
    }
}

impl Memory {
    /// The units (lowest ids first, at most `limit`) that hold `phrase`: its words, folded as the word
    /// index folds them (case, accents, ligatures aside), one after the other, whatever spaces or
    /// punctuation lie between. With `source` and/or `target`, a unit must have a variant in each
    /// language given (fr matches fr-FR) and hold the phrase in one of them (in `source` when only it is
    /// given, in `target` when only it is); those variants are shown first. Without, any variant counts.
    ///
    /// Errors with [`TmError::Request`] when the phrase has no word the index holds (three letters or
    /// more, or a number): finding it would mean reading every unit.
    pub fn concordance(
        &self,
        phrase: &str,
        source: Option<&str>,
        target: Option<&str>,
        limit: usize,
    ) -> Result<Vec<Concordance>, TmError> {
        concordance(self.store.as_ref(), phrase, source, target, limit)
    }
}

/// [`Memory::concordance`] on a store (also within a transaction).
pub(crate) fn concordance(
    store: &dyn Store,
    phrase: &str,
    source: Option<&str>,
    target: Option<&str>,
    limit: usize,
) -> Result<Vec<Concordance>, TmError> {
    let phrase = Phrase::new(phrase)?;
    let mut found = Vec::new();
    if limit == 0 {
        return Ok(found);
    }
    let candidates = candidates(store, &phrase)?;
    // Read a part at a time: the first units often give enough.
    for part in candidates.chunks(READ_AT_ONCE) {
        let mut units = read_units(store, part)?;
        for &id in part {
            let Some(UnitRow { variants, origin, .. }) = units.remove(&id) else { continue };
            let Some(variants) = shown(variants, source, target) else { continue };
            let variants: Vec<ConcordanceVariant> = variants
                .into_iter()
                .map(|(v, counts)| {
                    let spans = if counts { phrase.spans_in(&v.text) } else { Vec::new() };
                    ConcordanceVariant { lang: v.lang, text: v.text, spans }
                })
                .collect();
            if variants.iter().any(|v| !v.spans.is_empty()) {
                found.push(Concordance { id, origin, variants });
                if found.len() >= limit {
                    return Ok(found);
                }
            }
        }
    }
    Ok(found)
}

/// The units that may hold the phrase, in id order: the postings of its rarest indexed word, intersected
/// with those of the next rarest while there are many.
fn candidates(store: &dyn Store, phrase: &Phrase) -> Result<Vec<i64>, TmError> {
    let mut counted = Vec::with_capacity(phrase.indexed.len());
    for &word in &phrase.indexed {
        let count = lookup(store, word, 0)?.count;
        if count == 0 {
            return Ok(Vec::new());
        }
        counted.push((count, word));
    }
    counted.sort_unstable();
    let mut units = sorted_units(store, counted[0].1)?;
    for &(count, word) in &counted[1..] {
        if units.len() <= FEW_CANDIDATES || count > MAX_INTERSECTED {
            break;
        }
        let other = sorted_units(store, word)?;
        units.retain(|id| other.binary_search(id).is_ok());
    }
    Ok(units)
}

fn sorted_units(store: &dyn Store, word: u32) -> Result<Vec<i64>, TmError> {
    let mut units = lookup(store, word, usize::MAX)?.units;
    units.sort_unstable();
    units.dedup();
    Ok(units)
}

/// The variants shown for a unit, each with whether the phrase counts in it, or `None` when the unit
/// lacks a requested language.
fn shown(
    variants: Vec<StoredVariant>,
    source: Option<&str>,
    target: Option<&str>,
) -> Option<Vec<(StoredVariant, bool)>> {
    let best = |wanted: &str, not: Option<usize>| best_fit(variants.iter().map(|v| v.lang.as_str()), wanted, not);
    let first = match source.or(target) {
        Some(wanted) => Some(best(wanted, None)?),
        None => None,
    };
    let second = match (source, target) {
        (Some(_), Some(wanted)) => Some(best(wanted, first)?),
        _ => None,
    };
    let mut variants: Vec<Option<StoredVariant>> = variants.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(variants.len());
    for k in [first, second].into_iter().flatten() {
        out.push((variants[k].take().expect("two different variants"), true));
    }
    match (first, second) {
        // Only the requested pair.
        (Some(_), Some(_)) => {}
        // One language: it first, the others after, the phrase looked for in it only.
        (Some(_), None) => out.extend(variants.into_iter().flatten().map(|v| (v, false))),
        _ => out.extend(variants.into_iter().flatten().map(|v| (v, true))),
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(phrase: &str, text: &str, marked: &[&str]) {
        let spans = Phrase::new(phrase).unwrap().spans_in(text);
        assert_eq!(spans.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>(), marked, "{phrase:?} in {text:?}");
    }

    #[test]
    fn phrases_are_found_case_accents_and_punctuation_aside() {
        case("train de nuit", "Le Train de nuit part ; le train-de-nuit arrive.", &["Train de nuit", "train-de-nuit"]);
        case("élysée", "L'ELYSEE et l'Élysée.", &["ELYSEE", "Élysée"]);
        case("oeuvre", "Une Œuvre, des œuvres.", &["Œuvre"]);
        case("de nuit", "Le train de nuits.", &[]);
        case("nuit", "Minuit, la nuit.", &["nuit"]);
        case("21 h 40", "Départ à 21 h 40, arrivée 21 h 41.", &["21 h 40"]);
    }

    #[test]
    fn a_phrase_of_short_words_only_is_refused() {
        for phrase in ["le la", "", " ,; ", "à"] {
            assert!(matches!(Phrase::new(phrase), Err(TmError::Request(_))), "{phrase:?}");
        }
        assert!(Phrase::new("le 3").is_ok());
    }

    proptest::proptest! {
        #[test]
        fn any_run_of_words_of_a_text_is_found_in_it(text in "\\PC{0,60}", from in 0usize..20, length in 1usize..4) {
            let words = word_spans(&text);
            proptest::prop_assume!(from + length <= words.len());
            let phrase = &text[words[from].0.start..words[from + length - 1].0.end];
            if let Ok(phrase) = Phrase::new(phrase) {
                let spans = phrase.spans_in(&text);
                proptest::prop_assert!(!spans.is_empty());
                for span in spans {
                    proptest::prop_assert!(text.get(span).is_some());
                }
            }
        }
    }
}

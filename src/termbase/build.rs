//! Building a term base from texts (one language each) and translation units (two languages): segment,
//! learn each language's vocabulary, extract candidates, and gather what is known of each form (how often
//! and where it was seen, what the words around it say it names, which units hold it). The evidence then
//! becomes concepts (see `assemble`).
//!
//! Work and memory grow with the text: every sentence is read twice (once to learn, once to extract),
//! forms are counted in hash maps, and sentences are kept as byte ranges, turned into contexts only for
//! the terms kept.

use super::assemble::assemble;
use super::extract::{Candidate, CandidateKind, Cues, Extractor, Token, Vocabulary, tokens};
use super::model::TermBase;
use crate::fold::squash;
use crate::language::Language;
use crate::position::LineIndex;
use crate::segment::Segmenter;
use indexmap::IndexMap;
use std::collections::HashMap;
use std::ops::Range;

/// A text in one language.
pub struct TextSource<'a> {
    /// Its name (a file name), recorded where terms were seen.
    pub name: String,
    /// The text.
    pub text: &'a str,
    /// Its language.
    pub language: Language,
}

/// Translation units (from a TMX file: see [`UnitSource::from_tmx`]): pairs of texts in two languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitSource {
    /// Its name (a file name).
    pub name: String,
    /// The language of the first text of each pair.
    pub source_language: Language,
    /// The language of the second.
    pub target_language: Language,
    /// The pairs.
    pub pairs: Vec<(String, String)>,
}

/// How a term's context is recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ContextStyle {
    /// The sentence it was seen in.
    #[default]
    Sentence,
    /// Where that sentence is: `file:line` (or `file:unit N`), for term bases that must not quote.
    Location,
}

/// Settings of a build.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// A name is kept when seen at least this often in all (general-knowledge names included).
    pub min_frequency: u32,
    /// A common multiword term is kept when seen at least this often.
    pub min_term_frequency: u32,
    /// A common multiword term is kept when its first and last words go together at least this tightly
    /// (Dice coefficient of their counts: 1 when they never occur apart).
    pub min_association: f64,
    /// How contexts are recorded.
    pub context: ContextStyle,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions { min_frequency: 2, min_term_frequency: 3, min_association: 0.3, context: ContextStyle::Sentence }
    }
}

/// How far a build has got, for a progress bar: bytes of text read of the total, in two passes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Bytes done (each text counts twice: learning, then extracting).
    pub done: u64,
    /// Bytes to do.
    pub total: u64,
}

/// One text to read: a whole text, or one side of a unit.
pub(super) struct Doc<'a> {
    pub file: usize,
    pub language: usize,
    pub text: &'a str,
    /// The unit (index over all units) and its number in its file, for a side of a unit.
    pub unit: Option<(usize, usize)>,
}

/// A sentence of a doc and its words (offsets into the doc's text).
pub(super) struct Segment {
    pub doc: usize,
    pub range: Range<usize>,
    pub tokens: Vec<Token>,
}

/// What is known of one form in one language.
#[derive(Debug, Clone)]
pub(super) struct FormInfo {
    /// File index → count, in the order first seen.
    pub seen: IndexMap<usize, u32>,
    pub count: u32,
    /// The first segment it was seen in.
    pub first: usize,
    pub kind: CandidateKind,
    pub cues: Cues,
    /// Occurrences after a determiner or a preposition (terms).
    pub after_determiner: u32,
    /// Occurrences where a longer noun phrase goes on after it (terms).
    pub continued: u32,
}

/// Everything gathered from the texts.
pub(super) struct Evidence<'a> {
    pub files: Vec<String>,
    /// Primary language tags, in the order met.
    pub languages: Vec<String>,
    pub docs: Vec<Doc<'a>>,
    pub segments: Vec<Segment>,
    pub vocabularies: Vec<Vocabulary>,
    /// Per language: form → what is known of it.
    pub forms: Vec<IndexMap<String, FormInfo>>,
    /// Per language: (acronym, expansion) → times seen together.
    pub expansions: Vec<IndexMap<(String, String), u32>>,
    /// Units holding each (language, form index), per unit.
    pub unit_forms: HashMap<usize, Vec<(usize, usize)>>,
}

impl Evidence<'_> {
    /// The context of a form as the options ask for it: its first sentence, or where that is.
    pub(super) fn context<'s>(
        &'s self,
        info: &FormInfo,
        style: ContextStyle,
        lines: &mut HashMap<usize, LineIndex<'s>>,
    ) -> String {
        let segment = &self.segments[info.first];
        let doc = &self.docs[segment.doc];
        match style {
            ContextStyle::Sentence => squash(&doc.text[segment.range.clone()]),
            ContextStyle::Location => match doc.unit {
                Some((_, number)) => format!("{}:unit {}", self.files[doc.file], number + 1),
                None => {
                    let index = lines.entry(segment.doc).or_insert_with(|| LineIndex::new(doc.text));
                    let (line, _) = index.position(segment.range.start);
                    format!("{}:{line}", self.files[doc.file])
                }
            },
        }
    }
}

/// Builds a term base from `texts` and `units`.
pub fn build(texts: &[TextSource<'_>], units: &[UnitSource], options: &BuildOptions) -> TermBase {
    build_with_progress(texts, units, options, &mut |_| {})
}

/// [`build`], telling `progress` how far it has got.
pub fn build_with_progress(
    texts: &[TextSource<'_>],
    units: &[UnitSource],
    options: &BuildOptions,
    progress: &mut dyn FnMut(Progress),
) -> TermBase {
    let (mut evidence, languages) = Evidence::gather(texts, units);
    let total: u64 = 2 * evidence.docs.iter().map(|d| d.text.len() as u64).sum::<u64>();
    let mut done = 0;
    let mut report = |bytes: usize| {
        done += bytes as u64;
        progress(Progress { done, total });
    };
    evidence.learn(&languages, &mut report);
    evidence.extract(&languages, &mut report);
    assemble(&evidence, options)
}

impl<'a> Evidence<'a> {
    /// The docs of `texts` and `units` (each side of a unit a doc of its own), and the language of each
    /// language index.
    fn gather(texts: &[TextSource<'a>], units: &'a [UnitSource]) -> (Self, Vec<Language>) {
        let mut evidence = Evidence {
            files: Vec::new(),
            languages: Vec::new(),
            docs: Vec::new(),
            segments: Vec::new(),
            vocabularies: Vec::new(),
            forms: Vec::new(),
            expansions: Vec::new(),
            unit_forms: HashMap::new(),
        };
        let mut languages: Vec<Language> = Vec::new();
        let mut language_index = |evidence: &mut Evidence<'a>, language: &Language| {
            let primary = language.primary();
            evidence.languages.iter().position(|l| *l == primary).unwrap_or_else(|| {
                evidence.languages.push(primary);
                evidence.vocabularies.push(Vocabulary::default());
                evidence.forms.push(IndexMap::new());
                evidence.expansions.push(IndexMap::new());
                languages.push(language.clone());
                evidence.languages.len() - 1
            })
        };
        for source in texts {
            let language = language_index(&mut evidence, &source.language);
            evidence.files.push(source.name.clone());
            evidence.docs.push(Doc { file: evidence.files.len() - 1, language, text: source.text, unit: None });
        }
        let mut unit_number = 0;
        for source in units {
            evidence.files.push(source.name.clone());
            let file = evidence.files.len() - 1;
            let (a, b) = (
                language_index(&mut evidence, &source.source_language),
                language_index(&mut evidence, &source.target_language),
            );
            for (k, (x, y)) in source.pairs.iter().enumerate() {
                evidence.docs.push(Doc { file, language: a, text: x, unit: Some((unit_number, k)) });
                evidence.docs.push(Doc { file, language: b, text: y, unit: Some((unit_number, k)) });
                unit_number += 1;
            }
        }
        (evidence, languages)
    }

    /// First pass: sentences, their words, and each language's vocabulary.
    fn learn(&mut self, languages: &[Language], report: &mut dyn FnMut(usize)) {
        let segmenters: Vec<Segmenter> = languages.iter().map(Segmenter::builtin).collect();
        for (d, doc) in self.docs.iter().enumerate() {
            for sentence in segmenters[doc.language].sentences(doc.text) {
                let words = tokens(doc.text, sentence.range.clone());
                self.vocabularies[doc.language].learn(doc.text, &words);
                self.segments.push(Segment { doc: d, range: sentence.range, tokens: words });
            }
            report(doc.text.len());
        }
    }

    /// Second pass: the candidates of each sentence, counted per form, with the units that hold them
    /// and the acronyms explained.
    fn extract(&mut self, languages: &[Language], report: &mut dyn FnMut(usize)) {
        let mut candidates = Vec::new();
        let mut expansions = Vec::new();
        let mut last_doc = usize::MAX;
        for (s, segment) in self.segments.iter().enumerate() {
            let doc = &self.docs[segment.doc];
            let extractor =
                Extractor { vocabulary: &self.vocabularies[doc.language], family: languages[doc.language].family() };
            extractor.sentence(doc.text, &segment.tokens, &mut candidates, &mut expansions);
            for candidate in candidates.drain(..) {
                let index = record(&mut self.forms[doc.language], candidate, doc.file, s);
                if let Some((unit, _)) = doc.unit {
                    self.unit_forms.entry(unit).or_default().push((doc.language, index));
                }
            }
            for expansion in expansions.drain(..) {
                *self.expansions[doc.language].entry((expansion.acronym, expansion.expansion)).or_default() += 1;
            }
            if segment.doc != last_doc {
                last_doc = segment.doc;
                report(doc.text.len());
            }
        }
    }
}

/// Counts one occurrence of `candidate`; returns the form's index.
fn record(forms: &mut IndexMap<String, FormInfo>, candidate: Candidate, file: usize, segment: usize) -> usize {
    let entry = forms.entry(candidate.form);
    let index = entry.index();
    let info = entry.or_insert_with(|| FormInfo {
        seen: IndexMap::new(),
        count: 0,
        first: segment,
        kind: candidate.kind,
        cues: Cues::default(),
        after_determiner: 0,
        continued: 0,
    });
    *info.seen.entry(file).or_default() += 1;
    info.count += 1;
    info.cues.add(candidate.cues);
    info.after_determiner += u32::from(candidate.after_determiner);
    info.continued += u32::from(candidate.continued);
    if candidate.kind == CandidateKind::Name {
        info.kind = CandidateKind::Name;
    }
    index
}

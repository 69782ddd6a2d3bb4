//! Sentence alignment: which sentences of a source text translate which sentences of a target text.
//!
//! The [`Aligner`] searches the cheapest monotone sequence of beads (1-1, 1-2, 2-1, 2-2, 1-3, 3-1, up to
//! 3-4 and 4-3 at a growing price in the later passes, and 1-0 / 0-1 for sentences left unaligned). A
//! bead's cost weighs how much its two sides share (numbers, punctuation, names and cognates through
//! accent- and transliteration-insensitive keys, dictionary entries, the French-English core dictionary
//! shipped with trame, and a word lexicon learned from the text in a first pass), how well their lengths
//! agree (Gale-Church), whether both sides start a turn of dialogue (a French dash against an English
//! quote), and its shape. The search runs inside a band: boxes
//! between anchors (pairs sharing evidence rare in its stretch of text), widened where the best path
//! presses against an edge, then a narrow corridor around the first pass; so it stays near-linear on a
//! whole book, holds on text whose names and passages repeat, and follows partial translations instead of
//! forcing pairs. Each bead gets a confidence from its own evidence and from the links around it.
//!
//! ```
//! use trame::align::{AlignSide, Aligner};
//! use trame::Language;
//!
//! let fr = "M. Roy a vendu 1 084 tableaux en 2019. Il est parti à Minsk. Merci.";
//! let en = "Mr. Roy sold 1,084 paintings in 2019. He left for Minsk.";
//! let source = AlignSide::segment(fr, Language::french());
//! let target = AlignSide::segment(en, Language::english());
//! let alignment = Aligner::default().align(&source, &target);
//! let shapes: Vec<(usize, usize)> = alignment.beads.iter().map(|b| (b.source.len(), b.target.len())).collect();
//! assert_eq!(shapes, [(1, 1), (1, 1), (1, 0)]);
//! ```

mod anchors;
mod confidence;
mod core_dictionary;
mod cost;
mod dp;
mod features;
mod html;
mod lexicon;
mod output;
mod pairs;
mod review;
mod similarity;

use crate::language::{Language, LanguageFamily};
use crate::segment::{Segmenter, Sentence};
/// Gale and Church's length model, also used by the completeness check.
pub(crate) use cost::DEFAULT_VARIANCE;
use cost::{BeadSpan, CostModel};
use dp::Band;
use features::{Key, KeySpace, SideFeatures};
pub use lexicon::Dictionary;
pub use output::AlignedTexts;
use pairs::PairTable;
pub use review::{BeadState, REVIEW_FORMAT, REVIEW_VERSION, Review, ReviewBead, ReviewError, ReviewSide};
use similarity::Matcher;
pub(crate) use similarity::length_delta;
use std::ops::Range;

/// One side of a text to align: the text, its sentences, and its language.
#[derive(Debug, Clone)]
pub struct AlignSide<'t> {
    /// The whole text.
    pub text: &'t str,
    /// Its sentences, in order (see [`crate::segment`]).
    pub sentences: Vec<Sentence>,
    /// Its language.
    pub language: Language,
}

impl<'t> AlignSide<'t> {
    /// Splits `text` with the built-in rules for `language`.
    pub fn segment(text: &'t str, language: Language) -> Self {
        let sentences = Segmenter::builtin(&language).sentences(text);
        AlignSide { text, sentences, language }
    }

    /// Takes `text` as already segmented: one sentence a line, a blank line between paragraphs.
    pub fn presegmented(text: &'t str, language: Language) -> Self {
        AlignSide { text, sentences: crate::segment::lines_as_sentences(text), language }
    }

    /// The text of sentence `k`.
    pub fn sentence(&self, k: usize) -> &'t str {
        self.sentences[k].text(self.text)
    }
}

/// A link between consecutive source sentences and consecutive target sentences; one side may be empty
/// (a sentence left unaligned).
#[derive(Debug, Clone, PartialEq)]
pub struct Bead {
    /// Source sentence numbers (0-based).
    pub source: Range<usize>,
    /// Target sentence numbers (0-based).
    pub target: Range<usize>,
    /// How sure the aligner is of this bead, in [0, 1]. For a 1-0 or 0-1 bead: that the sentence has no
    /// counterpart.
    pub confidence: f32,
}

impl Bead {
    /// Whether both sides hold sentences.
    pub fn is_link(&self) -> bool {
        !self.source.is_empty() && !self.target.is_empty()
    }
}

/// The beads of an alignment, covering both texts in order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Alignment {
    /// The beads, in text order.
    pub beads: Vec<Bead>,
}

impl Alignment {
    /// The same alignment with each run of consecutive unaligned sentences of one side as a single bead
    /// (`[16, 17, 18]:[]`), as some gold standards write them (TransRead); its confidence is the lowest of
    /// the run.
    pub fn with_unaligned_grouped(&self) -> Alignment {
        let mut beads: Vec<Bead> = Vec::with_capacity(self.beads.len());
        for bead in &self.beads {
            if let Some(last) = beads.last_mut() {
                let both_source =
                    last.target.is_empty() && bead.target.is_empty() && last.source.end == bead.source.start;
                let both_target =
                    last.source.is_empty() && bead.source.is_empty() && last.target.end == bead.target.start;
                if !last.is_link() && !bead.is_link() && (both_source || both_target) {
                    last.source.end = bead.source.end;
                    last.target.end = bead.target.end;
                    last.confidence = last.confidence.min(bead.confidence);
                    continue;
                }
            }
            beads.push(bead.clone());
        }
        Alignment { beads }
    }
}

/// What the aligner is doing, for progress reports: the stage and how far it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Tokenising both sides.
    Reading,
    /// First pass: anchors, then the search.
    FirstPass,
    /// Learning word translations from the first pass.
    Learning,
    /// Second pass with the learned lexicon.
    SecondPass,
    /// Done.
    Done,
}

/// Settings of the aligner.
#[derive(Debug, Clone)]
pub struct AlignOptions {
    /// Term pairs used as translations (a glossary).
    pub dictionary: Dictionary,
    /// Learn a word lexicon from a first pass and align again (on by default).
    pub learn_lexicon: bool,
    /// Use the French-English core dictionary shipped with trame when one side is French and the other
    /// English, in either direction (on by default; `dictionary` adds to it).
    pub builtin_dictionary: bool,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions { dictionary: Dictionary::new(), learn_lexicon: true, builtin_dictionary: true }
    }
}

/// Aligns sentences; see the module documentation.
#[derive(Debug, Clone, Default)]
pub struct Aligner {
    options: AlignOptions,
}

/// Rounds of learning a lexicon from the previous pass and aligning again.
const LEARNING_ROUNDS: usize = 2;
/// Links at least this confident are learned from.
const MIN_TRAINING_CONFIDENCE: f32 = 0.7;
/// A second pass needs at least this many confident links to learn from: a lexicon learned from fewer
/// pairs rare words by chance and leads the second pass astray (a 160-sentence chapter of the gold sets
/// aligned worse with one than without).
const MIN_TRAINING_BEADS: usize = 150;
/// Most beads used for learning (the most confident).
const MAX_TRAINING_BEADS: usize = 3000;
/// Half-width of the corridor around the first pass that the second pass searches.
const CORRIDOR: usize = 8;
/// How many times the band may be widened where the best path runs along its edge.
const WIDENINGS: usize = 3;
/// Rows and columns added around such a place the first time (doubled each time after).
const WIDENING: usize = 32;
/// Sentence pairs needed to estimate the length ratio from them rather than from the whole texts.
const MIN_LENGTH_PAIRS: usize = 5;
/// Sentence pairs needed to estimate the variance of lengths.
const MIN_VARIANCE_PAIRS: usize = 20;

impl Aligner {
    /// An aligner with `options`.
    pub fn new(options: AlignOptions) -> Self {
        Aligner { options }
    }

    /// Aligns `source` with `target`.
    pub fn align(&self, source: &AlignSide<'_>, target: &AlignSide<'_>) -> Alignment {
        self.align_with_progress(source, target, &mut |_| {})
    }

    /// Aligns `source` with `target`, calling `progress` as each stage starts.
    pub fn align_with_progress(
        &self,
        source: &AlignSide<'_>,
        target: &AlignSide<'_>,
        progress: &mut dyn FnMut(Stage),
    ) -> Alignment {
        let (n, m) = (source.sentences.len(), target.sentences.len());
        if n == 0 || m == 0 {
            progress(Stage::Done);
            return trivial(n, m);
        }
        progress(Stage::Reading);
        let mut space = KeySpace::default();
        let mut src = side_features(source, &mut space);
        let mut tgt = side_features(target, &mut space);
        let dictionary = self.options.dictionary.word_pairs();
        key_translations(&mut src, &mut tgt, &mut space, &dictionary, &[]);

        progress(Stage::FirstPass);
        let mut matcher = Matcher::new();
        let anchors = anchors::find(&src, &tgt, &mut matcher);
        // The core dictionary comes in after the anchors: they need evidence that is sure (names,
        // numbers, cognates, the user's glossary), and the length ratio and variance are estimated from
        // them; a dictionary sense of a common word is not (anchors taken from it estimated Emma's ratio
        // at 0.92 where its links give 1.10).
        let (source_family, target_family) = (source.language.family(), target.language.family());
        if self.options.builtin_dictionary
            && core_dictionary_keys(&mut src, source_family, &mut tgt, target_family, &mut space)
        {
            key_translations(&mut src, &mut tgt, &mut space, &dictionary, &[]);
        }
        let band = anchors::band(&anchors, n, m);
        let common = &dp::SHAPES[..dp::COMMON_SHAPES];
        let mut result = search(
            &band,
            Pass { shapes: common, widenings: WIDENINGS, constants: None, variance: None },
            &src,
            &tgt,
            &anchors,
            &anchors,
            &mut matcher,
        );

        // Each later pass searches a corridor around the previous one, with every shape; when no lexicon
        // is learned, one such pass still follows, for the larger shapes.
        let rounds = if self.options.learn_lexicon { LEARNING_ROUNDS } else { 0 };
        let mut corridor_passes = 0;
        for _ in 0..rounds {
            progress(Stage::Learning);
            let units = training_units(&result.0, &result.1, &src, &tgt, &result.2);
            if units.len() < MIN_TRAINING_BEADS {
                break;
            }
            let learned = lexicon::learn(&units);
            let learned: Vec<(String, String)> =
                learned.iter().map(|&(s, t)| (src.words[s as usize].clone(), tgt.words[t as usize].clone())).collect();
            key_translations(&mut src, &mut tgt, &mut space, &dictionary, &learned);
            progress(Stage::SecondPass);
            result = corridor_pass(&result, true, &src, &tgt, &anchors, &mut matcher);
            corridor_passes += 1;
        }
        if corridor_passes == 0 {
            progress(Stage::SecondPass);
            result = corridor_pass(&result, false, &src, &tgt, &anchors, &mut matcher);
        }
        progress(Stage::Done);
        let (steps, model, table, _) = result;
        Alignment { beads: confidence::beads(&steps, &model, &src, &tgt, &table) }
    }
}

/// What a search returns: the steps of the best path, the cost model and the pair table it priced with,
/// and the band it searched.
type Searched = (Vec<dp::Step>, CostModel, PairTable, Band);

/// A search in a corridor around the path of `previous`, with every bead shape, learning how the texts
/// mark dialogue from its confident links; the document constants are estimated again only when a
/// lexicon was `relearned` (the words now match differently).
fn corridor_pass(
    previous: &Searched,
    relearned: bool,
    src: &SideFeatures,
    tgt: &SideFeatures,
    anchors: &[(usize, usize)],
    matcher: &mut Matcher,
) -> Searched {
    let (n, m) = (src.sentences.len(), tgt.sentences.len());
    let path: Vec<(usize, usize)> = std::iter::once((0, 0)).chain(previous.0.iter().map(|s| (s.i, s.j))).collect();
    // The corridor stays inside the band of the first pass: a path may not leave the boxes its anchors
    // draw (a cost model that prefers a wrong path there is held back by the anchors' rare evidence).
    let mut band = Band::around(&path, n, m, CORRIDOR);
    band.within(&previous.3);
    let links = confident_links(&previous.0, &previous.1, src, tgt, &previous.2);
    let constants = if relearned { None } else { Some(previous.1) };
    // Too few anchors to tell how much the lengths of translations vary: the previous pass's links tell.
    let variance =
        if anchors.len() < MIN_VARIANCE_PAIRS { link_variance(&previous.0, src, tgt, previous.1.ratio) } else { None };
    search(&band, Pass { shapes: &dp::SHAPES, widenings: 0, constants, variance }, src, tgt, anchors, &links, matcher)
}

/// The variance of the length difference per character over the links of a path (every shape), when it
/// has at least [`MIN_VARIANCE_PAIRS`] of them: for texts with too few anchors, whose first pass assumed
/// Gale and Church's. The mean of the squared deviations, not their median: the path was chosen under
/// that narrower assumption and so holds fewer links whose lengths disagree much than the texts do, and
/// the mean gives them their weight (on an abridged novel the estimate comes near the gold links' own).
fn link_variance(steps: &[dp::Step], src: &SideFeatures, tgt: &SideFeatures, ratio: f32) -> Option<f32> {
    let deviations: Vec<f32> = steps
        .iter()
        .filter(|s| s.source > 0 && s.target > 0)
        .map(|s| {
            let ls = src.chars_between(s.i - s.source as usize..s.i);
            let lt = tgt.chars_between(s.j - s.target as usize..s.j) / ratio;
            (lt - ls).powi(2) / ((ls + lt) / 2.0).max(1.0)
        })
        .collect();
    (deviations.len() >= MIN_VARIANCE_PAIRS)
        .then(|| (deviations.iter().sum::<f32>() / deviations.len() as f32).clamp(2.0, 40.0))
}

/// The alignment of texts where one side has no sentence: everything unaligned.
fn trivial(n: usize, m: usize) -> Alignment {
    let beads = (0..n)
        .map(|x| Bead { source: x..x + 1, target: 0..0, confidence: 1.0 })
        .chain((0..m).map(|y| Bead { source: n..n, target: y..y + 1, confidence: 1.0 }))
        .collect();
    Alignment { beads }
}

fn side_features(side: &AlignSide<'_>, space: &mut KeySpace) -> SideFeatures {
    let sentences = side.sentences.iter().map(|s| (s.text(side.text), s.paragraph as u32));
    SideFeatures::new(sentences, side.language.family(), space)
}

/// Gives the words of a French side the keys of their English translations in the core dictionary, and
/// the words of an English side the keys of themselves when some entry translates to them (under a name
/// apart from the user's dictionary and the learned lexicon, whose keys are whole words), as weak keys.
/// Nothing unless one side is French and the other English; returns whether keys were given.
fn core_dictionary_keys(
    src: &mut SideFeatures,
    source: LanguageFamily,
    tgt: &mut SideFeatures,
    target: LanguageFamily,
    space: &mut KeySpace,
) -> bool {
    let (french, english) = match (source, target) {
        (LanguageFamily::French, LanguageFamily::English) => (src, tgt),
        (LanguageFamily::English, LanguageFamily::French) => (tgt, src),
        _ => return false,
    };
    let dictionary = core_dictionary::CoreDictionary::french_english();
    let mut key = |stem: u32| space.id(features::Key::Sense(stem)) | features::WEAK_KEY;
    for (word, keys) in french.words.iter().zip(&mut french.word_keys) {
        keys.extend(dictionary.translations(word.trim_start_matches('^')).iter().map(|&stem| key(stem)));
    }
    for (word, keys) in english.words.iter().zip(&mut english.word_keys) {
        keys.extend(dictionary.english(word.trim_start_matches('^')).map(&mut key));
    }
    true
}

/// Gives source words the keys of their translations (dictionary and learned pairs, folded words), and
/// target words the key of themselves when some source word can reach them.
fn key_translations(
    src: &mut SideFeatures,
    tgt: &mut SideFeatures,
    space: &mut KeySpace,
    dictionary: &[(String, String)],
    learned: &[(String, String)],
) {
    let mut translations: std::collections::HashMap<&str, Vec<u32>> = std::collections::HashMap::new();
    for (s, t) in dictionary.iter().chain(learned) {
        let key = space.id(Key::Word(t.clone()));
        translations.entry(s.as_str()).or_default().push(key);
    }
    let words = src.words.clone();
    src.index_keys(|w| translations.get(words[w as usize].as_str()).cloned().unwrap_or_default());
    let target_words = tgt.words.clone();
    let space = &*space;
    tgt.index_keys(|w| space.get(&Key::Word(target_words[w as usize].clone())).into_iter().collect());
}

/// The bead shapes a search tries, and how many times it may widen its band.
#[derive(Clone, Copy)]
struct Pass {
    shapes: &'static [(u8, u8)],
    widenings: usize,
    /// Document constants to keep rather than estimate again in this band: a corridor pass over the same
    /// features (no lexicon learned) must not see the texts differently from the wider pass before it.
    constants: Option<CostModel>,
    /// The variance of the length difference, when the anchors were too few to give it and a previous
    /// pass did (see [`link_variance`]).
    variance: Option<f32>,
}

/// Runs the search in `band` with beads of `shapes`: estimates the document constants, prices beads,
/// finds the best path. `pairs` are sentence pairs known to match (the anchors), and `links` the pairs
/// that tell how the two texts mark dialogue (the anchors again, or the confident links of a previous
/// pass). Where the path runs along an edge of the band (a diagonal that drifted off the text, an anchor
/// that was wrong), the band is widened there and the search run again, up to `widenings` times. (The
/// corridors of the later passes are not widened: they follow a path that has already found its way, and
/// widening them costs much on text that is not a translation at all.)
fn search(
    band: &Band,
    pass: Pass,
    src: &SideFeatures,
    tgt: &SideFeatures,
    pairs: &[(usize, usize)],
    links: &[(usize, usize)],
    matcher: &mut Matcher,
) -> Searched {
    let Pass { shapes, widenings, constants, variance } = pass;
    // How the texts mark dialogue does not depend on the band: worked out once.
    let closes = turns_close(src) && turns_close(tgt);
    let mismatch = turn_mismatch(src, tgt, links, closes);
    let mut band = band.clone();
    let mut round = 0;
    loop {
        let table = PairTable::build(&band, src, tgt, matcher);
        let mut model = constants.unwrap_or_else(|| estimate(src, tgt, pairs, &band, &table, matcher));
        model.turns_close = closes;
        model.turn_mismatch = mismatch;
        if let Some(variance) = variance {
            // Unrelated pairs differ by as many characters as before: fewer standard deviations.
            model.unrelated_spread *= (model.variance / variance).sqrt();
            model.variance = variance;
        }
        let steps = dp::best_path(
            &band,
            shapes,
            |a, b| cost::floor(a, b, &model),
            |i, j, a, b| model.bead(&BeadSpan::new(i, j, a, b), src, tgt, &table),
        );
        let path: Vec<(usize, usize)> = steps.iter().map(|s| (s.i, s.j)).collect();
        let touched = band.touched(&path);
        if touched.is_empty() || round == widenings {
            return (steps, model, table, band);
        }
        band.widen_around(&touched, WIDENING << round);
        round += 1;
    }
}

/// The document constants: length ratio and variance (from `pairs`, sentence pairs known to match by
/// their words alone, the anchors, when there are enough: pairs chosen by an alignment would be biased
/// towards lengths that agree), the
/// similarity of unrelated pairs (sampled) and of typical translations (each source sentence's best match
/// in the band, median).
fn estimate(
    src: &SideFeatures,
    tgt: &SideFeatures,
    pairs: &[(usize, usize)],
    band: &Band,
    table: &PairTable,
    matcher: &mut Matcher,
) -> CostModel {
    let (n, m) = (src.sentences.len(), tgt.sentences.len());
    let source_chars: f32 = src.sentences.iter().map(|s| s.chars).sum();
    let target_chars: f32 = tgt.sentences.iter().map(|s| s.chars).sum();
    let overall = target_chars / source_chars.max(1.0);
    let from_pairs = (pairs.len() >= MIN_LENGTH_PAIRS).then(|| {
        let (s, t) = pairs
            .iter()
            .map(|&(x, y)| (src.sentences[x].chars, tgt.sentences[y].chars))
            .fold((0.0f32, 0.0f32), |a, b| (a.0 + b.0, a.1 + b.1));
        (t / s.max(1.0)).clamp(0.2, 5.0)
    });
    // Pairs known to match give the ratio; the whole texts only when those are too few and the ratio
    // is plausible for a translation (one text may be only partly translated, or abridged).
    let ratio = match from_pairs {
        Some(r) => r,
        None if (0.6..=1.7).contains(&overall) => overall,
        None => 1.0,
    };
    let mut variance = cost::DEFAULT_VARIANCE;
    if pairs.len() >= MIN_VARIANCE_PAIRS {
        let mut deviations: Vec<f32> = pairs
            .iter()
            .map(|&(x, y)| {
                let (ls, lt) = (src.sentences[x].chars, tgt.sentences[y].chars / ratio);
                (lt - ls).powi(2) / ((ls + lt) / 2.0).max(1.0)
            })
            .collect();
        deviations.sort_by(f32::total_cmp);
        // The median of a chi-square with one degree of freedom is 0.455 times its mean.
        variance = (deviations[deviations.len() / 2] / 0.455).clamp(2.0, 40.0);
    }
    let samples = 400.min(n * m);
    let (mut chance_source, mut chance_target) = (0.0f32, 0.0f32);
    for k in 0..samples {
        let (x, y) = ((k * 7919 + 13) % n, (k * 104_729 + 7) % m);
        let (a, b) = (&src.sentences[x], &tgt.sentences[y]);
        let (mx, my) = matcher.matched(a, b);
        chance_source += if a.total > 0.0 { mx / a.total } else { 0.0 };
        chance_target += if b.total > 0.0 { my / b.total } else { 0.0 };
    }
    let baseline = (chance_source / samples.max(1) as f32, chance_target / samples.max(1) as f32);
    let spread_probe = CostModel {
        ratio,
        variance,
        baseline,
        reference: (1.0, 1.0),
        unrelated_spread: 1.0,
        turn_mismatch: 0.0,
        turns_close: false,
        short_skip: 0.0,
    };
    let mut squares = 0.0f32;
    for k in 0..samples {
        let (x, y) = ((k * 7919 + 13) % n, (k * 104_729 + 7) % m);
        let delta = spread_probe.delta(&BeadSpan { sources: x..x + 1, targets: y..y + 1 }, src, tgt);
        squares += delta * delta;
    }
    let unrelated_spread = (squares / samples.max(1) as f32).sqrt();
    // Each sentence's best coverage by one sentence of the other side within reach; the median.
    let mut best_source: Vec<f32> = Vec::with_capacity(n);
    let mut best_target = vec![0.0f32; m];
    for x in 0..n {
        let own = src.sentences[x].total.max(f32::MIN_POSITIVE);
        let row = (band.lo[x + 1] as usize).saturating_sub(1)..(band.hi[x + 1] as usize).min(m);
        let mut best = 0.0f32;
        for y in row {
            let (mx, my) = table.get(x, y);
            best = best.max(mx / own);
            let theirs = tgt.sentences[y].total.max(f32::MIN_POSITIVE);
            best_target[y] = best_target[y].max(my / theirs);
        }
        best_source.push(best);
    }
    let median = |mut values: Vec<f32>| {
        values.sort_by(f32::total_cmp);
        values.get(values.len() / 2).copied().unwrap_or(1.0)
    };
    let reference =
        (median(best_source).max(baseline.0 + 0.05).min(1.0), median(best_target).max(baseline.1 + 0.05).min(1.0));
    // How much of one text has no counterpart in the other, by length: where it is much, sentences are
    // left out often, short ones most.
    let expected = source_chars * ratio;
    let abridged = 1.0 - expected.min(target_chars) / expected.max(target_chars).max(1.0);
    let short_skip = cost::short_skip_discount(abridged);
    CostModel {
        ratio,
        variance,
        baseline,
        reference,
        unrelated_spread,
        turn_mismatch: 0.0,
        turns_close: false,
        short_skip,
    }
}

/// Whether a side closes its turns of dialogue with a quote at least half as often as it opens them
/// (quotes do; a dash that opens a French turn has no closing mark).
fn turns_close(side: &SideFeatures) -> bool {
    let opens = side.sentences.iter().filter(|s| s.opens_turn).count();
    let closes = side.sentences.iter().filter(|s| s.closes_turn).count();
    2 * closes >= opens
}

/// Dialogue is modelled only when at least this share of the sentences of each side starts a turn: in
/// a text with less, the quotes are titles and citations, and any estimate rests on a handful of them.
const MIN_TURN_SHARE: f32 = 0.1;
/// Pairs disagreeing at random added to those known to match when counting how often they disagree.
const TURN_PRIOR_PAIRS: f32 = 10.0;
/// The weight of that evidence against the rest of the bead cost (a log ratio taken at full weight made
/// Alice worse: turns are not independent of the words and lengths already counted).
const TURN_WEIGHT: f32 = 0.5;
/// Most that a turn of dialogue started on one side only costs, before weighting.
const MAX_TURN_MISMATCH: f32 = 1.5;

/// The price of a bead starting a turn of dialogue on one side only: the log of how much more often two
/// sentences taken at random disagree on starting a turn than the pairs known to match (`pairs`) do,
/// weighted. Little when those pairs are few, nothing when the texts mark their dialogue differently (one
/// quotes where the other does not) or not at all.
fn turn_mismatch(src: &SideFeatures, tgt: &SideFeatures, pairs: &[(usize, usize)], closes: bool) -> f32 {
    let share = |side: &SideFeatures| {
        let n = side.sentences.len();
        (0..n).filter(|&k| cost::starts_turn(k, side, closes)).count() as f32 / n as f32
    };
    let (p, q) = (share(src), share(tgt));
    let at_random = p * (1.0 - q) + q * (1.0 - p);
    if p.min(q) < MIN_TURN_SHARE || at_random <= 0.0 {
        return 0.0;
    }
    let disagree =
        pairs.iter().filter(|&&(x, y)| cost::starts_turn(x, src, closes) != cost::starts_turn(y, tgt, closes)).count();
    // As many pairs again as TURN_PRIOR_PAIRS that disagree at random: a few pairs prove little.
    let among_pairs = (disagree as f32 + TURN_PRIOR_PAIRS * at_random) / (pairs.len() as f32 + TURN_PRIOR_PAIRS);
    TURN_WEIGHT * (at_random / among_pairs).ln().clamp(0.0, MAX_TURN_MISMATCH)
}

/// Confident links of the first pass, as parallel word lists for learning.
fn training_units(
    steps: &[dp::Step],
    model: &CostModel,
    src: &SideFeatures,
    tgt: &SideFeatures,
    table: &PairTable,
) -> Vec<(Vec<u32>, Vec<u32>)> {
    let mut scored: Vec<(f32, &dp::Step)> = steps
        .iter()
        .filter(|s| s.source > 0 && s.target > 0)
        .map(|s| (confidence::own_confidence(s, model, src, tgt, table), s))
        .filter(|(c, _)| *c >= MIN_TRAINING_CONFIDENCE)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored
        .iter()
        .take(MAX_TRAINING_BEADS)
        .map(|(_, s)| {
            let words = |side: &SideFeatures, range: Range<usize>| -> Vec<u32> {
                range.flat_map(|k| side.sentences[k].tokens.iter().map(|t| t.word)).collect()
            };
            (words(src, s.i - s.source as usize..s.i), words(tgt, s.j - s.target as usize..s.j))
        })
        .collect()
}

/// The 1-1 links of a pass confident enough to learn from.
fn confident_links(
    steps: &[dp::Step],
    model: &CostModel,
    src: &SideFeatures,
    tgt: &SideFeatures,
    table: &PairTable,
) -> Vec<(usize, usize)> {
    steps
        .iter()
        .filter(|s| s.source == 1 && s.target == 1)
        .filter(|s| confidence::own_confidence(s, model, src, tgt, table) >= MIN_TRAINING_CONFIDENCE)
        .map(|s| (s.i - 1, s.j - 1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shapes(fr: &str, en: &str) -> Vec<(Range<usize>, Range<usize>)> {
        let source = AlignSide::presegmented(fr, Language::french());
        let target = AlignSide::presegmented(en, Language::english());
        Aligner::default().align(&source, &target).beads.into_iter().map(|b| (b.source, b.target)).collect()
    }

    #[test]
    fn dash_turns_meet_quoted_turns_and_an_omitted_line_stays_out() {
        let fr = "-- Bonjour , Monsieur Knightley , dit Emma .\n\
                  -- Bonjour , Mademoiselle Woodhouse .\n\
                  Il faisait froid ce soir-là à Hartfield , et M. Woodhouse dormait .\n\
                  -- Avez -vous vu Harriet Smith ?\n\
                  -- Non , pas depuis mardi .\n";
        let en = "\" Good morning , Mr. Knightley , \" said Emma .\n\
                  \" Good morning , Miss Woodhouse . \"\n\
                  It was a cold evening at Hartfield , and Mr. Woodhouse slept .\n\
                  The fire had been lit early , and the wind blew hard against the windows .\n\
                  \" Have you seen Harriet Smith ? \"\n\
                  \" No , not since Tuesday . \"\n";
        assert_eq!(
            shapes(fr, en),
            [(0..1, 0..1), (1..2, 1..2), (2..3, 2..3), (3..3, 3..4), (3..4, 4..5), (4..5, 5..6)]
        );
    }

    fn aligned(fr: &str, en: &str, builtin_dictionary: bool) -> Vec<(Range<usize>, Range<usize>)> {
        let source = AlignSide::presegmented(fr, Language::french());
        let target = AlignSide::presegmented(en, Language::english());
        let options = AlignOptions { builtin_dictionary, ..AlignOptions::default() };
        Aligner::new(options).align(&source, &target).beads.into_iter().map(|b| (b.source, b.target)).collect()
    }

    #[test]
    fn the_core_dictionary_finds_which_sentence_the_translation_left_out() {
        // No name, number or cognate, and far too short to learn a lexicon from: only word knowledge
        // tells which English sentence has no French counterpart. Lengths point the other way.
        let fr = "Le vieux chien dormait devant le feu .\n\
                  Sa femme écrivait à son frère chaque semaine .\n\
                  Le lendemain , ils partirent tôt .\n";
        let en = "The old dog slept before the fire .\n\
                  Outside , the wind blew hard all night .\n\
                  His wife wrote to her brother every week .\n\
                  The next day , they left early .\n";
        // Without it, the French slips by one against the English after the left-out sentence.
        let without = aligned(fr, en, false);
        assert_eq!(without, [(0..1, 0..1), (1..2, 1..2), (2..3, 2..3), (3..3, 3..4)]);
        // With it, each French sentence is linked to its translation (the left-out sentence joins one of
        // them: a price of skipping matter, not of word knowledge).
        let with = aligned(fr, en, true);
        assert!(with.contains(&(2..3, 3..4)), "{with:?}");
        assert!(with.iter().any(|(s, t)| *s == (1..2) && t.contains(&2)), "{with:?}");
        // The same from English to French.
        let source = AlignSide::presegmented(en, Language::english());
        let target = AlignSide::presegmented(fr, Language::french());
        let beads = Aligner::default().align(&source, &target).beads;
        assert!(beads.iter().any(|b| b.source == (3..4) && b.target == (2..3)), "{beads:?}");
        assert!(beads.iter().any(|b| b.source.contains(&2) && b.target == (1..2)), "{beads:?}");
    }

    #[test]
    fn the_core_dictionary_is_used_only_between_french_and_english() {
        let mut space = KeySpace::default();
        let mut fr = SideFeatures::new([("Le chagrin arriva .", 0)].into_iter(), LanguageFamily::French, &mut space);
        let mut en = SideFeatures::new([("Sorrow came .", 0)].into_iter(), LanguageFamily::English, &mut space);
        let mut other = SideFeatures::new([("Sorrow came .", 0)].into_iter(), LanguageFamily::Other, &mut space);
        let before = (fr.word_keys.clone(), other.word_keys.clone());
        assert!(!core_dictionary_keys(&mut fr, LanguageFamily::French, &mut other, LanguageFamily::Other, &mut space));
        assert_eq!((fr.word_keys.clone(), other.word_keys.clone()), before);
        assert!(core_dictionary_keys(&mut en, LanguageFamily::English, &mut fr, LanguageFamily::French, &mut space));
        fr.index_keys(|_| Vec::new());
        en.index_keys(|_| Vec::new());
        // "chagrin" meets "Sorrow", "arriva" meets "came", as weak evidence.
        let mut matcher = Matcher::new();
        let (mx, my) = matcher.matched(&fr.sentences[0], &en.sentences[0]);
        assert!(mx > 0.0 && my > 0.0, "{mx} {my}");
        let strong: f32 = fr.sentences[0].tokens[1..3].iter().map(|t| t.weight).sum();
        assert!(mx < strong, "{mx} against {strong}");
    }

    fn sides(fr: &str, en: &str) -> (SideFeatures, SideFeatures) {
        let mut space = KeySpace::default();
        let fr = SideFeatures::new(fr.lines().map(|l| (l, 0)), LanguageFamily::French, &mut space);
        let en = SideFeatures::new(en.lines().map(|l| (l, 0)), LanguageFamily::English, &mut space);
        (fr, en)
    }

    /// A dialogue of `turns` exchanges with a line of narration after every second one: French turns open
    /// with a dash, English turns are quoted (and so close).
    fn dialogue(turns: usize) -> (String, String) {
        let (mut fr, mut en) = (String::new(), String::new());
        for k in 0..turns {
            fr += &format!("-- Réplique {k} .\n");
            en += &format!("\" Line {k} . \"\n");
            if k % 2 == 1 {
                fr += &format!("Récit {k} .\n");
                en += &format!("Narration {k} .\n");
            }
        }
        (fr, en)
    }

    #[test]
    fn dash_turns_and_quoted_turns_that_agree_make_a_mismatch_cost() {
        let (fr, en) = dialogue(20);
        let (src, tgt) = sides(&fr, &en);
        // French marks only where turns open: narration after an English closing quote is no new turn.
        assert!(!turns_close(&src) && turns_close(&tgt));
        let pairs: Vec<(usize, usize)> = (0..src.sentences.len()).map(|k| (k, k)).collect();
        let price = turn_mismatch(&src, &tgt, &pairs, false);
        assert!(price > 0.2 && price <= TURN_WEIGHT * MAX_TURN_MISMATCH, "{price}");
        // Pairs that disagree as often as chance do not make one.
        let shifted: Vec<(usize, usize)> = (0..src.sentences.len() - 1).map(|k| (k, k + 1)).collect();
        assert!(turn_mismatch(&src, &tgt, &shifted, false) < price / 2.0);
        // Few pairs prove less than many.
        assert!(turn_mismatch(&src, &tgt, &pairs[..5], false) < price);
    }

    #[test]
    fn link_variance_is_the_mean_squared_deviation_of_the_links() {
        // Twenty 1-1 links of 10 against 20 characters, (20 - 10)² / 15 each; one sentence left out.
        let fr = "abcdefgh .\n".repeat(20);
        let en = format!("{}x .\n", "abcdefghijklmnopqr .\n".repeat(20));
        let (src, tgt) = sides(&fr, &en);
        let step = |i, j, source, target| dp::Step { source, target, i, j, cost: 0.0 };
        let mut steps: Vec<dp::Step> = (1..=20).map(|k| step(k, k, 1, 1)).collect();
        steps.push(step(20, 21, 0, 1));
        let variance = link_variance(&steps, &src, &tgt, 1.0).unwrap();
        assert!((variance - 100.0 / 15.0).abs() < 1e-3, "{variance}");
        // Too few links to say.
        assert_eq!(link_variance(&steps[..5], &src, &tgt, 1.0), None);
    }

    #[test]
    fn texts_with_little_dialogue_are_not_priced_for_it() {
        let fr = "Le rapport paraît en 2020 .\n« La Montagne » , octobre 1956 .\nLa cordée part à l'aube .\n";
        let en = "The report appears in 2020 .\n\" The Mountain \" , October 1956 .\nThe party leaves at dawn .\n";
        let (fr, en) = (fr.repeat(5), en.repeat(5));
        let (src, tgt) = sides(&fr, &en);
        let pairs: Vec<(usize, usize)> = (0..src.sentences.len()).map(|k| (k, k)).collect();
        // One sentence in three starts with a quote: that is dialogue enough to price ...
        assert!(turn_mismatch(&src, &tgt, &pairs, false) > 0.0);
        // ... but one in thirty is a citation now and then; and when every sentence starts one, nothing
        // tells a match from chance.
        let fr = format!("{}« La Montagne » , octobre 1956 .\n", "La cordée part à l'aube .\n".repeat(28));
        let en = format!("{}\" The Mountain \" , October 1956 .\n", "The party leaves at dawn .\n".repeat(28));
        let (src, tgt) = sides(&fr, &en);
        let pairs: Vec<(usize, usize)> = (0..src.sentences.len()).map(|k| (k, k)).collect();
        assert_eq!(turn_mismatch(&src, &tgt, &pairs, false), 0.0);
        let (src, tgt) = sides(&"-- Oui .\n".repeat(5), &"\" Yes . \"\n".repeat(5));
        assert_eq!(turn_mismatch(&src, &tgt, &pairs[..5], true), 0.0);
    }
}

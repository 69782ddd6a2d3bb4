//! The price of a bead: how little its two sides share (relative to what sentence pairs of this text
//! usually share when they are, and are not, translations), how far their lengths are from the expected
//! ratio (Gale-Church), and a prior on its shape.

use super::features::SideFeatures;
use super::pairs::PairTable;
use super::similarity::length_delta;

/// Weight of the length evidence against the lexical cost.
const LENGTH_WEIGHT: f32 = 0.8;
/// The length evidence is not allowed to sink a bead below this (free translations do stray).
const LENGTH_FLOOR: f32 = -6.0;
/// How much of a length disagreement is forgiven when the words of a bead agree fully.
const STRONG_WORDS_DISCOUNT: f32 = 0.8;
/// The cost of leaving one sentence unaligned.
const SKIP: f32 = 1.8;
/// How much of the cost of leaving a sentence unaligned follows its length (relative to the mean).
const SHORT_SKIP_DISCOUNT: f32 = 0.3;
/// The share of the texts' length without counterpart up to which a translation counts as full (the
/// ratio of lengths varies that much from one stretch of a full translation to another), and from which
/// [`SHORT_SKIP_DISCOUNT`] applies in full.
const ABRIDGED: (f32, f32) = (0.06, 0.26);

/// How much cheaper it is to leave out a short sentence, for texts of which `abridged` (a share of the
/// length) has no counterpart: an abridged translation drops exclamations and asides more than long
/// sentences; a full one drops nothing, and its short sentences ("said he.") join a neighbour.
pub(crate) fn short_skip_discount(abridged: f32) -> f32 {
    SHORT_SKIP_DISCOUNT * ((abridged - ABRIDGED.0) / (ABRIDGED.1 - ABRIDGED.0)).clamp(0.0, 1.0)
}

/// The cost of leaving a sentence unaligned past the end of the other text.
const EDGE_SKIP: f32 = 0.5;
/// Joining sentences of different paragraphs on one side.
const ACROSS_PARAGRAPHS: f32 = 2.0;
/// A bead that starts (or ends) a paragraph on one side only.
const PARAGRAPH_MISMATCH: f32 = 0.15;
/// Gale and Church's variance of the length difference, for texts too short to estimate it.
pub(crate) const DEFAULT_VARIANCE: f32 = 6.8;

/// A price no bead of shape (a, b) goes under: its shape cost, the best length evidence, and every
/// sentence fully covered.
pub(crate) fn floor(a: u8, b: u8, model: &CostModel) -> f32 {
    if a == 0 || b == 0 {
        return EDGE_SKIP.min(SKIP) * f32::from(a + b);
    }
    shape_cost(a, b) - LENGTH_WEIGHT * model.unrelated_spread.max(1.5).ln() - 0.25 * f32::from(a + b)
}

/// The prior cost of a bead shape.
fn shape_cost(a: u8, b: u8) -> f32 {
    match (a, b) {
        (1, 1) => 0.0,
        (1, 2) | (2, 1) => 0.5,
        (2, 2) => 1.3,
        (1, 3) | (3, 1) => 1.3,
        (2, 3) | (3, 2) => 3.0,
        (1, 4) | (4, 1) => 3.0,
        // A long stretch of an abridged translation: two or three sentences for four.
        (2, 4) | (4, 2) => 3.5,
        _ => 4.0,
    }
}

/// Document-level constants of the cost.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CostModel {
    /// Target characters per source character.
    pub ratio: f32,
    /// Variance of the length difference per character.
    pub variance: f32,
    /// The share of a source sentence's weight that an unrelated target sentence matches (and the
    /// reverse).
    pub baseline: (f32, f32),
    /// The share of a source sentence's weight that its translation typically matches (and the reverse).
    pub reference: (f32, f32),
    /// The spread of the length difference between unrelated sentences, in the units of `length_delta`.
    pub unrelated_spread: f32,
    /// The price of a bead that starts a turn of dialogue on one side only: how much rarer that is
    /// between sentences known to match than between any two (0 when the two texts mark turns unalike).
    pub turn_mismatch: f32,
    /// Whether both texts close their turns with a quote, so that a sentence after a closing quote starts
    /// something new (narration); not so when one side marks only where turns open (French dashes).
    pub turns_close: bool,
    /// How much cheaper it is to leave out a sentence of no length than one of the mean length (see
    /// [`short_skip_discount`]).
    pub short_skip: f32,
}

/// The sentences of a bead ending at row `i`, column `j`, of shape (a, b).
pub(crate) struct BeadSpan {
    pub sources: std::ops::Range<usize>,
    pub targets: std::ops::Range<usize>,
}

impl BeadSpan {
    pub(crate) fn new(i: usize, j: usize, a: u8, b: u8) -> Self {
        BeadSpan { sources: i - a as usize..i, targets: j - b as usize..j }
    }
}

/// The most sentences on one side of a bead.
pub(crate) const MAX_SIDE: usize = 4;

/// How well each sentence of a bead is explained by the other side: its matched share of weight,
/// rescaled so that chance matching gives 0 and a typical translation 1. Kept on the stack: it is
/// computed for every bead the search prices.
pub(crate) struct Coverage {
    sources: [f32; MAX_SIDE],
    targets: [f32; MAX_SIDE],
    source_count: usize,
    target_count: usize,
    /// The least matched share of weight of a sentence of the bead, not rescaled.
    least_share: f32,
}

impl Coverage {
    /// The rescaled coverage of each source sentence.
    pub(crate) fn sources(&self) -> &[f32] {
        &self.sources[..self.source_count]
    }

    /// The rescaled coverage of each target sentence.
    pub(crate) fn targets(&self) -> &[f32] {
        &self.targets[..self.target_count]
    }

    fn all(&self) -> impl Iterator<Item = f32> + '_ {
        self.sources().iter().chain(self.targets()).copied()
    }

    /// The mean over all sentences of the bead.
    pub(crate) fn mean(&self) -> f32 {
        let count = self.source_count + self.target_count;
        if count == 0 { 0.0 } else { self.all().sum::<f32>() / count as f32 }
    }

    /// The least-covered sentence's coverage.
    pub(crate) fn least(&self) -> f32 {
        self.all().fold(f32::INFINITY, f32::min)
    }

    /// The least-covered sentence's matched share of weight, not rescaled (1 for a bead with no sentence).
    pub(crate) fn least_share(&self) -> f32 {
        self.least_share
    }
}

impl CostModel {
    /// The rescaled coverage of every sentence of `span` (at most [`MAX_SIDE`] on a side).
    pub(crate) fn coverage(
        &self,
        span: &BeadSpan,
        src: &SideFeatures,
        tgt: &SideFeatures,
        table: &PairTable,
    ) -> Coverage {
        let (a, b) = (span.sources.len(), span.targets.len());
        debug_assert!(a <= MAX_SIDE && b <= MAX_SIDE);
        let mut out = Coverage {
            sources: [0.0; MAX_SIDE],
            targets: [0.0; MAX_SIDE],
            source_count: a,
            target_count: b,
            least_share: 1.0,
        };
        for (k, x) in span.sources.clone().enumerate() {
            let own = src.sentences[x].total;
            let found: f32 = span.targets.clone().map(|y| table.get(x, y).0).sum();
            let share = if own > 0.0 { (found / own).min(1.0) } else { 0.0 };
            out.least_share = out.least_share.min(share);
            out.sources[k] = rescale(share, self.baseline.0 * b as f32, self.reference.0);
        }
        for (k, y) in span.targets.clone().enumerate() {
            let own = tgt.sentences[y].total;
            let found: f32 = span.sources.clone().map(|x| table.get(x, y).1).sum();
            let share = if own > 0.0 { (found / own).min(1.0) } else { 0.0 };
            out.least_share = out.least_share.min(share);
            out.targets[k] = rescale(share, self.baseline.1 * a as f32, self.reference.1);
        }
        out
    }

    /// The length difference of a bead, in standard deviations (Gale-Church).
    pub(crate) fn delta(&self, span: &BeadSpan, src: &SideFeatures, tgt: &SideFeatures) -> f32 {
        let source = src.chars_between(span.sources.clone());
        let target = tgt.chars_between(span.targets.clone());
        length_delta(source, target, self.ratio, self.variance)
    }

    /// How much more likely the bead's lengths are for a translation than for unrelated sentences (a log
    /// ratio of two centred normal densities: unit variance against the spread of unrelated pairs).
    pub(crate) fn length_evidence(&self, span: &BeadSpan, src: &SideFeatures, tgt: &SideFeatures) -> f32 {
        let delta = self.delta(span, src, tgt);
        let spread = self.unrelated_spread.max(1.5);
        let evidence = spread.ln() - delta * delta / 2.0 * (1.0 - 1.0 / (spread * spread));
        evidence.max(LENGTH_FLOOR)
    }

    /// The cost of leaving the sentences of `span` (one side empty) unaligned.
    pub(crate) fn skip(&self, span: &BeadSpan, src: &SideFeatures, tgt: &SideFeatures) -> f32 {
        let (a, b) = (span.sources.len() as u8, span.targets.len() as u8);
        // A translation that stops short leaves the rest of the other text unaligned: past the end of
        // one side, the other side's sentences cost less to leave out (not so at the start, where a
        // title or lede usually has a counterpart or a reason).
        let (n, m) = (src.sentences.len(), tgt.sentences.len());
        let at_edge = if a > 0 { span.targets.end == m } else { span.sources.end == n };
        if at_edge {
            return EDGE_SKIP * f32::from(a + b);
        }
        // A short sentence (an exclamation, a "said he") is more often left out than a long one.
        let side = if a > 0 { src } else { tgt };
        let range = if a > 0 { span.sources.clone() } else { span.targets.clone() };
        let relative = side.chars_between(range.clone()) / (side.mean_chars() * range.len() as f32).max(1.0);
        SKIP * f32::from(a + b) * (1.0 - self.short_skip * (1.0 - relative.min(1.0)))
    }

    /// The cost of the bead `span`.
    pub(crate) fn bead(&self, span: &BeadSpan, src: &SideFeatures, tgt: &SideFeatures, table: &PairTable) -> f32 {
        let (a, b) = (span.sources.len() as u8, span.targets.len() as u8);
        if a == 0 || b == 0 {
            return self.skip(span, src, tgt);
        }
        let coverage = self.coverage(span, src, tgt, table);
        let lexical: f32 = coverage.all().map(|c| 1.0 - c).sum();
        // Lengths that disagree count for less when the words agree strongly (a heading translated inside
        // a longer line, a sentence padded by the translator).
        let mut length = self.length_evidence(span, src, tgt);
        if length < 0.0 {
            length *= 1.0 - STRONG_WORDS_DISCOUNT * coverage.mean().min(1.0);
        }
        let mut cost = lexical - LENGTH_WEIGHT * length + shape_cost(a, b);
        if spans_paragraphs(span.sources.clone(), src) || spans_paragraphs(span.targets.clone(), tgt) {
            cost += ACROSS_PARAGRAPHS;
        }
        if starts_paragraph(span.sources.start, src) != starts_paragraph(span.targets.start, tgt) {
            cost += PARAGRAPH_MISMATCH;
        }
        if ends_paragraph(span.sources.end - 1, src) != ends_paragraph(span.targets.end - 1, tgt) {
            cost += PARAGRAPH_MISMATCH;
        }
        // Where one text starts a turn of dialogue the other should too (the bead's end is the next
        // bead's start, and is priced there).
        if self.starts_turn(span.sources.start, src) != self.starts_turn(span.targets.start, tgt) {
            cost += self.turn_mismatch;
        }

        cost
    }

    /// Whether a turn of dialogue begins at sentence `k` of `side`.
    pub(crate) fn starts_turn(&self, k: usize, side: &SideFeatures) -> bool {
        starts_turn(k, side, self.turns_close)
    }

    /// For a bead of one sentence left unaligned: how well the nearest sentences of the other side (two
    /// before the gap and two after) cover it, at best.
    pub(crate) fn nearest_match(
        &self,
        span: &BeadSpan,
        src: &SideFeatures,
        tgt: &SideFeatures,
        table: &PairTable,
    ) -> f32 {
        let single = |x: usize, y: usize| BeadSpan { sources: x..x + 1, targets: y..y + 1 };
        if !span.sources.is_empty() {
            let (x, j) = (span.sources.start, span.targets.start);
            (j.saturating_sub(2)..(j + 2).min(tgt.sentences.len()))
                .map(|y| self.coverage(&single(x, y), src, tgt, table).sources()[0])
                .fold(0.0, f32::max)
        } else {
            let (y, i) = (span.targets.start, span.sources.start);
            (i.saturating_sub(2)..(i + 2).min(src.sentences.len()))
                .map(|x| self.coverage(&single(x, y), src, tgt, table).targets()[0])
                .fold(0.0, f32::max)
        }
    }
}

/// `value` on a scale where `chance` is 0 and `typical` is 1, kept within [0, 1.25].
fn rescale(value: f32, chance: f32, typical: f32) -> f32 {
    let chance = chance.min(0.9);
    ((value - chance) / (typical - chance).max(0.05)).clamp(0.0, 1.25)
}

fn spans_paragraphs(range: std::ops::Range<usize>, side: &SideFeatures) -> bool {
    let first = side.sentences[range.start].paragraph;
    range.clone().any(|k| side.sentences[k].paragraph != first)
}

/// Whether a turn of dialogue begins at sentence `k` (the text's start and end count as such), or, when
/// `closes` is set, a turn ends just before it.
pub(crate) fn starts_turn(k: usize, side: &SideFeatures, closes: bool) -> bool {
    k == 0 || k >= side.sentences.len() || side.sentences[k].opens_turn || (closes && side.sentences[k - 1].closes_turn)
}

fn ends_paragraph(k: usize, side: &SideFeatures) -> bool {
    k + 1 == side.sentences.len() || side.sentences[k + 1].paragraph != side.sentences[k].paragraph
}

fn starts_paragraph(k: usize, side: &SideFeatures) -> bool {
    k == 0 || side.sentences[k - 1].paragraph != side.sentences[k].paragraph
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::features::KeySpace;
    use crate::language::LanguageFamily;

    fn side(sentences: &[&str], family: LanguageFamily, space: &mut KeySpace) -> SideFeatures {
        SideFeatures::new(sentences.iter().map(|s| (*s, 0)), family, space)
    }

    #[test]
    fn short_sentences_are_cheaper_to_leave_out_only_in_abridged_texts() {
        assert_eq!(short_skip_discount(0.03), 0.0);
        assert_eq!(short_skip_discount(0.5), SHORT_SKIP_DISCOUNT);
        let mut space = KeySpace::default();
        let fr = side(
            &["Il pleuvait depuis le matin sur toute la ville .", "Elle resta chez elle ."],
            LanguageFamily::French,
            &mut space,
        );
        let en = side(
            &[
                "It had been raining since morning over the whole town .",
                "Oh dear , no !",
                "She stayed at home all day long , reading by the fire .",
                "She stayed at home .",
            ],
            LanguageFamily::English,
            &mut space,
        );
        let full = CostModel {
            ratio: 1.0,
            variance: DEFAULT_VARIANCE,
            baseline: (0.1, 0.1),
            reference: (0.8, 0.8),
            unrelated_spread: 3.0,
            turn_mismatch: 0.0,
            turns_close: false,
            short_skip: short_skip_discount(0.02),
        };
        let abridged = CostModel { short_skip: short_skip_discount(0.3), ..full };
        let (short, long) = (BeadSpan::new(0, 2, 0, 1), BeadSpan::new(0, 3, 0, 1));
        // A full translation: every sentence costs the same to leave out.
        assert_eq!(full.skip(&short, &fr, &en), full.skip(&long, &fr, &en));
        assert_eq!(full.skip(&short, &fr, &en), SKIP);
        // An abridged one: the exclamation costs less than the long sentence, which costs as before.
        assert!(abridged.skip(&short, &fr, &en) < abridged.skip(&long, &fr, &en) - 0.2);
        assert_eq!(abridged.skip(&long, &fr, &en), SKIP);
        // Past the end of the other text, as before.
        assert_eq!(abridged.skip(&BeadSpan::new(2, 4, 0, 1), &fr, &en), EDGE_SKIP);
    }
}

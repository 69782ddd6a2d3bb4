//! How sure trame is of each bead of a path: a link by its own evidence (how much of each sentence finds
//! a counterpart, how well the lengths agree) and by its context (a link inside a run of links that
//! share words is carried by them; a link alone between sentences left out must stand on its own words).

use super::Bead;
use super::cost::{BeadSpan, CostModel};
use super::dp::Step;
use super::features::SideFeatures;
use super::pairs::PairTable;
use super::similarity;

/// Links on each side of a link that count as its context, within a run of links.
const CONTEXT: usize = 3;

/// What is known of one link.
struct Evidence {
    /// The least-covered sentence's coverage, rescaled between chance and typical for the document.
    least: f32,
    /// The least-covered sentence's share of words that find a counterpart, not rescaled.
    raw: f32,
    /// The length cost.
    length: f32,
    /// More than 1-1.
    wide: bool,
}

/// The public beads of `steps`, each with its confidence.
pub(crate) fn beads(
    steps: &[Step],
    model: &CostModel,
    src: &SideFeatures,
    tgt: &SideFeatures,
    table: &PairTable,
) -> Vec<Bead> {
    let evidence: Vec<Option<Evidence>> = steps.iter().map(|s| link_evidence(s, model, src, tgt, table)).collect();
    steps
        .iter()
        .enumerate()
        .map(|(k, step)| {
            let span = BeadSpan::new(step.i, step.j, step.source, step.target);
            let confidence = match &evidence[k] {
                Some(own) => link_confidence(own, &evidence, k),
                None => unaligned_confidence(&span, model, src, tgt, table),
            };
            Bead { source: span.sources, target: span.targets, confidence: confidence.clamp(0.0, 1.0) }
        })
        .collect()
}

/// The confidence of a link judged alone, as the first pass uses it to pick training pairs.
pub(crate) fn own_confidence(
    step: &Step,
    model: &CostModel,
    src: &SideFeatures,
    tgt: &SideFeatures,
    table: &PairTable,
) -> f32 {
    link_evidence(step, model, src, tgt, table).map_or(0.0, |e| {
        let z = 2.0 + 1.1 * e.least - 0.61 * e.length - 1.26 * f32::from(u8::from(e.wide));
        1.0 / (1.0 + (-z).exp())
    })
}

fn link_evidence(
    step: &Step,
    model: &CostModel,
    src: &SideFeatures,
    tgt: &SideFeatures,
    table: &PairTable,
) -> Option<Evidence> {
    if step.source == 0 || step.target == 0 {
        return None;
    }
    let span = BeadSpan::new(step.i, step.j, step.source, step.target);
    let coverage = model.coverage(&span, src, tgt, table);
    Some(Evidence {
        least: coverage.least(),
        raw: coverage.least_share(),
        length: similarity::length_cost(model.delta(&span, src, tgt)).min(10.0),
        wide: step.source + step.target > 2,
    })
}

/// A logistic fit of "this link is exactly right" on the gold alignments of ../shared/alignment (whole
/// texts) and on texts built from them where one side quotes a few scattered sentences of the other
/// (weighted as much as the whole texts together), so that a link resting on little lexical evidence in
/// a run of sentences left out gets a low confidence, whatever its length says.
fn link_confidence(own: &Evidence, all: &[Option<Evidence>], k: usize) -> f32 {
    let before = all[..k].iter().rev().take(CONTEXT).take_while(|e| e.is_some()).flatten();
    let after = all[k + 1..].iter().take(CONTEXT).take_while(|e| e.is_some()).flatten();
    let neighbours: Vec<f32> = before.chain(after).map(|e| e.raw).collect();
    // How much the links around it share, and how many of the beads around it are links (a run of
    // links, or one alone between sentences left out; fewer beads at either end of the text).
    let support = if neighbours.is_empty() { 0.0 } else { neighbours.iter().sum::<f32>() / neighbours.len() as f32 };
    let around = k.min(CONTEXT) + (all.len() - 1 - k).min(CONTEXT);
    let linked = if around == 0 { 0.0 } else { neighbours.len() as f32 / around as f32 };
    // Built with `--features confidence-features`, the library writes each link's features on standard
    // error, for refitting the coefficients below (benches/confidence/).
    #[cfg(feature = "confidence-features")]
    eprintln!(
        "FEAT\t{k}\t{}\t{}\t{}\t{}\t{support}\t{linked}\t{}",
        own.least,
        own.raw,
        own.length,
        u8::from(own.wide),
        neighbours.len()
    );
    let z = -4.471 + 1.537 * own.least - 0.622 * own.length - 1.119 * f32::from(u8::from(own.wide))
        + 8.788 * support
        + 3.638 * linked;
    1.0 / (1.0 + (-z).exp())
}

/// Unaligned: sure in so far as nothing nearby resembles it.
fn unaligned_confidence(
    span: &BeadSpan,
    model: &CostModel,
    src: &SideFeatures,
    tgt: &SideFeatures,
    table: &PairTable,
) -> f32 {
    1.0 - model.nearest_match(span, src, tgt, table).min(1.0)
}

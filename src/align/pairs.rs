//! Matched weights of every (source, target) sentence pair a bead inside the band can bring together,
//! computed once so that pricing a bead is a handful of lookups.

use super::cost::MAX_SIDE;
use super::dp::{Band, SHAPES};
use super::features::SideFeatures;
use super::similarity::Matcher;

pub(crate) struct PairTable {
    /// For source sentence x: the first target sentence stored, and where its row starts in `data`.
    first: Vec<u32>,
    start: Vec<usize>,
    /// (matched source weight, matched target weight) for each stored pair.
    data: Vec<(f32, f32)>,
}

impl PairTable {
    pub(crate) fn build(band: &Band, src: &SideFeatures, tgt: &SideFeatures, matcher: &mut Matcher) -> Self {
        debug_assert!(SHAPES.iter().all(|&(a, b)| a as usize <= MAX_SIDE && b as usize <= MAX_SIDE));
        let (n, m) = (src.sentences.len(), tgt.sentences.len());
        let mut first = Vec::with_capacity(n);
        let mut start = Vec::with_capacity(n + 1);
        let mut data = Vec::new();
        for x in 0..n {
            // Beads holding x end at rows x+1..=x+4, and reach back up to 4 columns.
            let top = (x + MAX_SIDE).min(n);
            let lo = (band.lo[x + 1] as usize).saturating_sub(MAX_SIDE);
            let hi = (band.hi[top] as usize).min(m);
            first.push(lo as u32);
            start.push(data.len());
            for y in lo..hi {
                data.push(matcher.matched(&src.sentences[x], &tgt.sentences[y]));
            }
        }
        start.push(data.len());
        PairTable { first, start, data }
    }

    /// The matched weights of (x, y), or nothing matched when the pair is outside the table.
    pub(crate) fn get(&self, x: usize, y: usize) -> (f32, f32) {
        let first = self.first[x] as usize;
        if y < first {
            return (0.0, 0.0);
        }
        let index = self.start[x] + (y - first);
        if index < self.start[x + 1] { self.data[index] } else { (0.0, 0.0) }
    }
}

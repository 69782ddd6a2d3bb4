//! How much two sentences share: the weight of the tokens of each that find a counterpart in the other.

use super::features::{SentenceFeatures, WEAK_KEY};

/// How much a token counts when it meets the other side only through a weak key (a sense of the core
/// dictionary): a name, a number, a cognate or a word of the text's own lexicon is surer evidence, and a
/// dictionary lists every sense of a word where the text uses one. At a full share, words the dictionary
/// joins drew unrelated sentences into beads (a French sentence on building works joined to an English
/// one that quotes its neighbour); at a fifth, they still settle the links that lengths leave open.
const WEAK_WEIGHT: f32 = 0.2;

/// Matches the tokens of a source and a target sentence through their shared keys.
pub(crate) struct Matcher {
    source_mark: Vec<u32>,
    target_mark: Vec<u32>,
    stamp: u32,
}

impl Matcher {
    pub(crate) fn new() -> Self {
        Matcher { source_mark: Vec::new(), target_mark: Vec::new(), stamp: 0 }
    }

    /// The weight of the tokens of `x` that meet a token of `y`, and of those of `y` that meet one of `x`.
    pub(crate) fn matched(&mut self, x: &SentenceFeatures, y: &SentenceFeatures) -> (f32, f32) {
        if x.keys.is_empty() || y.keys.is_empty() {
            return (0.0, 0.0);
        }
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 {
            self.source_mark.iter_mut().for_each(|m| *m = 0);
            self.target_mark.iter_mut().for_each(|m| *m = 0);
            self.stamp = 1;
        }
        if self.source_mark.len() < x.tokens.len() {
            self.source_mark.resize(x.tokens.len(), 0);
        }
        if self.target_mark.len() < y.tokens.len() {
            self.target_mark.resize(y.tokens.len(), 0);
        }
        let (a, b) = (&x.keys, &y.keys);
        let (mut i, mut j) = (0, 0);
        let (mut mx, mut my) = (0.0f32, 0.0f32);
        while i < a.len() && j < b.len() {
            let (ka, kb) = (a[i].0, b[j].0);
            if ka < kb {
                i += 1;
            } else if kb < ka {
                j += 1;
            } else {
                let share = if ka & WEAK_KEY != 0 { WEAK_WEIGHT } else { 1.0 };
                let i_end = i + a[i..].iter().take_while(|k| k.0 == ka).count();
                let j_end = j + b[j..].iter().take_while(|k| k.0 == ka).count();
                for &(_, t) in &a[i..i_end] {
                    let mark = &mut self.source_mark[t as usize];
                    if *mark != self.stamp {
                        *mark = self.stamp;
                        mx += share * x.tokens[t as usize].weight;
                    }
                }
                for &(_, t) in &b[j..j_end] {
                    let mark = &mut self.target_mark[t as usize];
                    if *mark != self.stamp {
                        *mark = self.stamp;
                        my += share * y.tokens[t as usize].weight;
                    }
                }
                i = i_end;
                j = j_end;
            }
        }
        (mx, my)
    }
}

/// `erfc(x)` (complementary error function), to within 1.2e-7 (Numerical Recipes' Chebyshev fit).
pub(crate) fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let poly = -z * z - 1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98 + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    let r = t * poly.exp();
    if x >= 0.0 { r } else { 2.0 - r }
}

/// Gale and Church's normalised length difference: how many standard deviations the target length
/// (brought to source characters by `ratio`) is from the source length, the variance growing with length.
pub(crate) fn length_delta(source: f32, target: f32, ratio: f32, variance: f32) -> f32 {
    let expected = target / ratio;
    let mean = ((source + expected) / 2.0).max(1.0);
    (expected - source) / (mean * variance).sqrt()
}

/// Gale and Church's length cost: minus the log of the two-sided probability of a difference `delta`.
pub(crate) fn length_cost(delta: f32) -> f32 {
    let p = erfc(f64::from(delta.abs()) / std::f64::consts::SQRT_2).max(1e-12);
    -(p.ln()) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn erfc_values() {
        assert!((erfc(0.0) - 1.0).abs() < 1e-6);
        assert!((erfc(1.0) - 0.157_299_2).abs() < 1e-6);
        assert!((erfc(-1.0) - 1.842_700_8).abs() < 1e-6);
    }

    #[test]
    fn length_cost_grows_with_mismatch() {
        let same = length_cost(length_delta(100.0, 110.0, 1.1, 6.8));
        let off = length_cost(length_delta(100.0, 200.0, 1.1, 6.8));
        assert!(same < 0.01, "{same}");
        assert!(off > 2.0, "{off}");
    }
}

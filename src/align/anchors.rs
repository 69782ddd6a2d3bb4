//! Anchors: sentence pairs that share rare evidence (a number, a name, a rare word and its translation)
//! and agree with each other in order. They bound the search to boxes between them, so that the search
//! follows the text wherever it goes (a translation that skips a lede, or stops half-way) without looking
//! at every pair of sentences.

use super::dp::Band;
use super::features::SideFeatures;
use super::similarity::Matcher;
use std::collections::HashMap;

/// A key is rare enough to propose pairs when it occurs in at most this many sentences on each side.
const RARE: u32 = 3;
/// How many candidate targets a source sentence checks in full.
const CANDIDATES: usize = 4;
/// The least share of matched weight for an anchor.
const MIN_SIMILARITY: f32 = 0.25;
/// Columns of slack around each box between anchors.
const SLACK: usize = 6;
/// A box between two anchors larger than this many cells is searched along its diagonal only.
const BOX_LIMIT: usize = 1_000_000;
/// Half-width of that diagonal band.
const DIAGONAL_WIDTH: usize = 60;

/// The share of the weight of `x` and `y` that their matched tokens carry.
pub(crate) fn similarity(matcher: &mut Matcher, src: &SideFeatures, x: usize, tgt: &SideFeatures, y: usize) -> f32 {
    let (a, b) = (&src.sentences[x], &tgt.sentences[y]);
    let total = a.total + b.total;
    if total <= 0.0 {
        return 0.0;
    }
    let (mx, my) = matcher.matched(a, b);
    (mx + my) / total
}

/// Finds anchors: (source sentence, target sentence) pairs, increasing on both sides.
pub(crate) fn find(src: &SideFeatures, tgt: &SideFeatures, matcher: &mut Matcher) -> Vec<(usize, usize)> {
    let frequency = |side: &SideFeatures| {
        let mut df: HashMap<u32, u32> = HashMap::new();
        for sentence in &side.sentences {
            let mut keys: Vec<u32> = sentence.keys.iter().map(|k| k.0).collect();
            keys.dedup();
            for k in keys {
                *df.entry(k).or_default() += 1;
            }
        }
        df
    };
    let (df_src, df_tgt) = (frequency(src), frequency(tgt));
    let rare = |k: u32| df_src.get(&k).is_some_and(|&d| d <= RARE) && df_tgt.get(&k).is_some_and(|&d| d <= RARE);
    let mut index: HashMap<u32, Vec<u32>> = HashMap::new();
    for (y, sentence) in tgt.sentences.iter().enumerate() {
        let mut keys: Vec<u32> = sentence.keys.iter().map(|k| k.0).filter(|&k| rare(k)).collect();
        keys.dedup();
        for k in keys {
            index.entry(k).or_default().push(y as u32);
        }
    }
    // Best target for each source sentence, and best source for each target.
    let mut best_for_source: Vec<Option<(usize, f32)>> = vec![None; src.sentences.len()];
    let mut best_for_target: Vec<Option<(usize, f32)>> = vec![None; tgt.sentences.len()];
    let mut votes: HashMap<u32, u32> = HashMap::new();
    for (x, sentence) in src.sentences.iter().enumerate() {
        votes.clear();
        let mut keys: Vec<u32> = sentence.keys.iter().map(|k| k.0).filter(|&k| rare(k)).collect();
        keys.dedup();
        for k in keys {
            for &y in index.get(&k).into_iter().flatten() {
                *votes.entry(y).or_default() += 1;
            }
        }
        let mut ranked: Vec<(u32, u32)> = votes.iter().map(|(&y, &v)| (y, v)).collect();
        ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        for &(y, _) in ranked.iter().take(CANDIDATES) {
            let y = y as usize;
            let s = similarity(matcher, src, x, tgt, y);
            if s < MIN_SIMILARITY {
                continue;
            }
            if best_for_source[x].is_none_or(|(_, b)| s > b) {
                best_for_source[x] = Some((y, s));
            }
            if best_for_target[y].is_none_or(|(_, b)| s > b) {
                best_for_target[y] = Some((x, s));
            }
        }
    }
    let candidates: Vec<(usize, usize, f32)> = best_for_source
        .iter()
        .enumerate()
        .filter_map(|(x, best)| {
            let (y, s) = (*best)?;
            (best_for_target[y].map(|(bx, _)| bx) == Some(x)).then_some((x, y, s))
        })
        .collect();
    increasing_chain(&candidates)
}

/// The heaviest chain of candidates increasing in both coordinates (a weighted longest increasing
/// subsequence, with a Fenwick tree over the target coordinate).
fn increasing_chain(candidates: &[(usize, usize, f32)]) -> Vec<(usize, usize)> {
    let Some(m) = candidates.iter().map(|c| c.1).max() else {
        return Vec::new();
    };
    // tree[k]: (best chain weight, candidate index) over targets below a prefix.
    let mut tree: Vec<(f32, usize)> = vec![(0.0, usize::MAX); m + 2];
    let mut previous = vec![usize::MAX; candidates.len()];
    let mut weight = vec![0.0f32; candidates.len()];
    // Candidates come sorted by source; sources are distinct (one best target each).
    for (c, &(_, y, s)) in candidates.iter().enumerate() {
        // Best chain ending at a target < y.
        let (mut best, mut from) = (0.0f32, usize::MAX);
        let mut k = y;
        while k > 0 {
            if tree[k].0 > best {
                (best, from) = tree[k];
            }
            k -= k & k.wrapping_neg();
        }
        weight[c] = best + s;
        previous[c] = from;
        let mut k = y + 1;
        while k < tree.len() {
            if weight[c] > tree[k].0 {
                tree[k] = (weight[c], c);
            }
            k += k & k.wrapping_neg();
        }
    }
    let mut c = (0..candidates.len()).max_by(|&a, &b| weight[a].total_cmp(&weight[b]));
    let mut chain = Vec::new();
    while let Some(index) = c.filter(|&i| i != usize::MAX) {
        chain.push((candidates[index].0, candidates[index].1));
        c = Some(previous[index]);
    }
    chain.reverse();
    chain
}

/// The band for `n` × `m` sentences: boxes between consecutive anchors (and the corners), each searched
/// whole unless it is very large, then along its diagonal.
pub(crate) fn band(anchors: &[(usize, usize)], n: usize, m: usize) -> Band {
    let mut band = Band::empty(n, m);
    let mut points = vec![(0, 0)];
    for &(x, y) in anchors {
        points.push((x, y));
        points.push((x + 1, y + 1));
    }
    points.push((n, m));
    for pair in points.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        let (to_i, to_j) = (to.0.max(from.0), to.1.max(from.1));
        let area = (to_i - from.0 + 1) * (to_j - from.1 + 1);
        if area > BOX_LIMIT {
            band.add_diagonal(from, (to_i, to_j), DIAGONAL_WIDTH);
        } else {
            band.add_box(from, (to_i, to_j), SLACK);
        }
    }
    band.finish();
    band
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chain_keeps_the_consistent_majority() {
        let candidates = [(0, 0, 1.0), (1, 5, 0.4), (2, 2, 1.0), (3, 3, 1.0), (4, 1, 0.9), (5, 6, 1.0)];
        assert_eq!(increasing_chain(&candidates), [(0, 0), (2, 2), (3, 3), (5, 6)]);
        assert!(increasing_chain(&[]).is_empty());
    }

    #[test]
    fn band_covers_boxes() {
        let band = band(&[(10, 3)], 20, 8);
        assert!(band.contains(10, 3) && band.contains(11, 4));
        assert!(band.contains(0, 0) && band.contains(20, 8));
    }
}

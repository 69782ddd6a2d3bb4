//! Anchors: sentence pairs that share rare evidence (a number, a name, a rare word and its translation)
//! and agree with each other in order. They bound the search to boxes between them, so that the search
//! follows the text wherever it goes (a translation that skips a lede, or stops half-way) without looking
//! at every pair of sentences.

use super::dp::Band;
use super::features::{SentenceFeatures, SideFeatures, WEAK_KEY};
use super::similarity::Matcher;
use std::ops::Range;

/// A key is rare enough to propose pairs when it occurs in at most this many sentences on each side of
/// the stretch searched.
const RARE: u32 = 3;
/// Source sentences of one window: a longer box is searched in windows along its diagonal, each against
/// the target sentences near it (half a window of margin on each side).
const WINDOW: usize = 1500;
/// How deep the search for anchors goes inside the boxes left between anchors.
const MAX_DEPTH: usize = 4;
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
///
/// Rarity is local: a key proposes pairs when it is rare within the stretch being searched (the whole
/// text when it is short, otherwise windows along its diagonal), so that a name or a number that comes
/// back every chapter, or a text repeated whole, still anchors each of its occurrences. Large boxes left
/// between anchors are searched again the same way, their own keys counted within them.
pub(crate) fn find(src: &SideFeatures, tgt: &SideFeatures, matcher: &mut Matcher) -> Vec<(usize, usize)> {
    let (n, m) = (src.sentences.len(), tgt.sentences.len());
    let keys = src
        .sentences
        .iter()
        .chain(&tgt.sentences)
        .flat_map(|s| s.keys.iter().map(|k| k.0))
        .filter(|&k| k & WEAK_KEY == 0)
        .max();
    let mut finder = Finder {
        src,
        tgt,
        matcher,
        source_df: vec![0; keys.map_or(0, |k| k as usize + 1)],
        target_df: vec![0; keys.map_or(0, |k| k as usize + 1)],
    };
    finder.within((0, 0), (n, m), 0)
}

/// The search for anchors, with its reusable counters.
struct Finder<'a> {
    src: &'a SideFeatures,
    tgt: &'a SideFeatures,
    matcher: &'a mut Matcher,
    /// Sentences holding each key, within the current window (zero outside a search).
    source_df: Vec<u32>,
    target_df: Vec<u32>,
}

impl Finder<'_> {
    /// Anchors inside the box from corner `from` to corner `to` (sentences from.0..to.0 and from.1..to.1).
    fn within(&mut self, from: (usize, usize), to: (usize, usize), depth: usize) -> Vec<(usize, usize)> {
        let (rows, columns) = (to.0 - from.0, to.1 - from.1);
        if rows == 0 || columns == 0 {
            return Vec::new();
        }
        let slope = columns as f64 / rows as f64;
        let expected = move |x: usize| from.1 as f64 + (x - from.0) as f64 * slope;
        let windows = rows.div_ceil(WINDOW);
        let mut candidates = Vec::new();
        for w in 0..windows {
            let sources = from.0 + rows * w / windows..from.0 + rows * (w + 1) / windows;
            let targets = if windows == 1 {
                from.1..to.1
            } else {
                let margin = WINDOW as f64 / 2.0;
                let lo = (expected(sources.start) - margin).floor().max(from.1 as f64) as usize;
                let hi = (expected(sources.end) + margin).ceil().min(to.1 as f64) as usize;
                lo..hi.max(lo)
            };
            self.candidates(sources, targets, &expected, &mut candidates);
        }
        let chain = increasing_chain(&candidates);
        // Large boxes between the anchors found: search again inside, counting keys within each.
        let mut out = Vec::with_capacity(chain.len());
        let mut corner = from;
        for point in chain.iter().copied().chain(std::iter::once(to)) {
            let area = (point.0 - corner.0) * (point.1 - corner.1);
            let smaller = point.0 - corner.0 < rows || point.1 - corner.1 < columns;
            if area > BOX_LIMIT && smaller && depth < MAX_DEPTH {
                out.extend(self.within(corner, point, depth + 1));
            }
            if point != to {
                out.push(point);
                corner = (point.0 + 1, point.1 + 1);
            }
        }
        out
    }

    /// Adds to `candidates` the pairs of `sources` × `targets` that share keys rare within those ranges
    /// and are each other's best match; among equals, the pair nearer `expected` (the box's diagonal).
    fn candidates(
        &mut self,
        sources: Range<usize>,
        targets: Range<usize>,
        expected: &dyn Fn(usize) -> f64,
        candidates: &mut Vec<(usize, usize, f32)>,
    ) {
        let (src, tgt) = (self.src, self.tgt);
        count(&src.sentences[sources.clone()], &mut self.source_df, 1);
        count(&tgt.sentences[targets.clone()], &mut self.target_df, 1);
        let (source_df, target_df) = (&self.source_df, &self.target_df);
        let rare = |k: u32| {
            if k & WEAK_KEY != 0 {
                return false;
            }
            let (s, t) = (source_df[k as usize], target_df[k as usize]);
            (1..=RARE).contains(&s) && (1..=RARE).contains(&t)
        };
        // (key, target sentence) for the rare keys of each target sentence, sorted by key.
        let mut index: Vec<(u32, u32)> = Vec::new();
        for y in targets.clone() {
            index.extend(tgt.sentences[y].keys.iter().map(|k| k.0).filter(|&k| rare(k)).map(|k| (k, y as u32)));
        }
        index.sort_unstable();
        index.dedup();
        // Best target for each source sentence, and best source for each target: (other side, similarity,
        // distance from the diagonal).
        let mut best_for_source: Vec<Option<(usize, f32, f64)>> = vec![None; sources.len()];
        let mut best_for_target: Vec<Option<(usize, f32, f64)>> = vec![None; targets.len()];
        let better = |best: Option<(usize, f32, f64)>, s: f32, distance: f64| {
            best.is_none_or(|(_, b, d)| s > b || (s == b && distance < d))
        };
        let mut votes: Vec<u32> = Vec::new();
        let mut ranked: Vec<(u32, u32)> = Vec::new();
        for x in sources.clone() {
            votes.clear();
            let mut keys: Vec<u32> = src.sentences[x].keys.iter().map(|k| k.0).filter(|&k| rare(k)).collect();
            keys.dedup();
            for k in keys {
                let first = index.partition_point(|e| e.0 < k);
                votes.extend(index[first..].iter().take_while(|e| e.0 == k).map(|e| e.1));
            }
            votes.sort_unstable();
            ranked.clear();
            for chunk in votes.chunk_by(|a, b| a == b) {
                ranked.push((chunk[0], chunk.len() as u32));
            }
            ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let centre = expected(x);
            let distance = |y: u32| (f64::from(y) - centre).abs();
            for &(y, _) in ranked.iter().take(CANDIDATES) {
                let y = y as usize;
                let s = similarity(self.matcher, src, x, tgt, y);
                if s < MIN_SIMILARITY {
                    continue;
                }
                let d = distance(y as u32);
                if better(best_for_source[x - sources.start], s, d) {
                    best_for_source[x - sources.start] = Some((y, s, d));
                }
                if better(best_for_target[y - targets.start], s, d) {
                    best_for_target[y - targets.start] = Some((x, s, d));
                }
            }
        }
        count(&src.sentences[sources.clone()], &mut self.source_df, 0);
        count(&tgt.sentences[targets.clone()], &mut self.target_df, 0);
        for (offset, best) in best_for_source.iter().enumerate() {
            let x = sources.start + offset;
            if let Some((y, s, _)) = *best
                && best_for_target[y - targets.start].map(|b| b.0) == Some(x)
            {
                candidates.push((x, y, s));
            }
        }
    }
}

/// Adds one to `df[key]` for each sentence holding the key (`add == 1`), or clears those counts (`add == 0`).
fn count(sentences: &[SentenceFeatures], df: &mut [u32], add: u32) {
    for sentence in sentences {
        let mut last = None;
        for &(k, _) in sentence.keys.iter().filter(|k| k.0 & WEAK_KEY == 0) {
            if last != Some(k) {
                df[k as usize] = if add == 0 { 0 } else { df[k as usize] + add };
                last = Some(k);
            }
        }
    }
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
    fn a_repeated_text_is_anchored_in_every_copy() {
        // Four copies of a thousand sentences: each number occurs four times in the whole text, too often
        // to be rare there, but rare within a window.
        use crate::align::features::KeySpace;
        use crate::language::LanguageFamily;
        let copies = |make: fn(usize) -> String| -> Vec<String> { (0..4000).map(|k| make(1000 + k % 1000)).collect() };
        let (fr, en) = (copies(|k| format!("Le colis {k} est parti.")), copies(|k| format!("Parcel {k} left.")));
        let mut space = KeySpace::default();
        let mut src = SideFeatures::new(fr.iter().map(|s| (s.as_str(), 0)), LanguageFamily::French, &mut space);
        let mut tgt = SideFeatures::new(en.iter().map(|s| (s.as_str(), 0)), LanguageFamily::English, &mut space);
        src.index_keys(|_| Vec::new());
        tgt.index_keys(|_| Vec::new());
        let anchors = find(&src, &tgt, &mut Matcher::new());
        assert!(anchors.len() > 3000, "{} anchors", anchors.len());
        assert!(anchors.iter().all(|&(x, y)| x == y), "an anchor in the wrong copy");
    }

    #[test]
    fn band_covers_boxes() {
        let band = band(&[(10, 3)], 20, 8);
        assert!(band.contains(10, 3) && band.contains(11, 4));
        assert!(band.contains(0, 0) && band.contains(20, 8));
    }
}

//! The dynamic programme: the cheapest monotone sequence of beads from (0, 0) to (n, m), searched only
//! inside a band of cells so that time and memory grow with the text, not with its square.

/// Bead shapes (source sentences, target sentences) the search may use: the first [`COMMON_SHAPES`]
/// everywhere, the larger ones (2-4 up to 4-3) only in a narrow corridor, where they cost little time.
pub(crate) const SHAPES: [(u8, u8); 16] = [
    (1, 1),
    (1, 0),
    (0, 1),
    (1, 2),
    (2, 1),
    (2, 2),
    (1, 3),
    (3, 1),
    (2, 3),
    (3, 2),
    (1, 4),
    (4, 1),
    (2, 4),
    (4, 2),
    (3, 4),
    (4, 3),
];

/// How many of [`SHAPES`] a search over a wide band uses.
pub(crate) const COMMON_SHAPES: usize = 12;

/// For each row `i` (source sentences consumed, 0..=n), the columns `lo[i]..=hi[i]` (target sentences
/// consumed) the search may visit. Both bounds never decrease from one row to the next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Band {
    pub lo: Vec<u32>,
    pub hi: Vec<u32>,
    pub m: u32,
}

impl Band {
    /// Cells within `width` of the straight line from (from_i, from_j) to (to_i, to_j), for rows from_i..=to_i.
    pub(crate) fn add_diagonal(&mut self, from: (usize, usize), to: (usize, usize), width: usize) {
        let (di, dj) = ((to.0 - from.0) as f64, to.1 as f64 - from.1 as f64);
        for i in from.0..=to.0 {
            let centre = if di == 0.0 { from.1 as f64 } else { from.1 as f64 + (i - from.0) as f64 * dj / di };
            let lo = (centre - width as f64).floor().max(from.1 as f64 - width as f64).max(0.0) as u32;
            let hi = (centre + width as f64).ceil().min(to.1 as f64 + width as f64).min(self.m as f64) as u32;
            self.widen(i, lo, hi);
        }
        // A flat stretch (many target sentences for one row) needs the whole span on its rows.
        self.widen(from.0, from.1.saturating_sub(width) as u32, (from.1 + width).min(self.m as usize) as u32);
        self.widen(to.0, to.1.saturating_sub(width) as u32, (to.1 + width).min(self.m as usize) as u32);
    }

    /// The box (from_i..=to_i) × (from_j..=to_j), widened by `slack` columns.
    pub(crate) fn add_box(&mut self, from: (usize, usize), to: (usize, usize), slack: usize) {
        let lo = from.1.saturating_sub(slack) as u32;
        let hi = (to.1 + slack).min(self.m as usize) as u32;
        for i in from.0..=to.0 {
            self.widen(i, lo, hi);
        }
    }

    /// An empty band over `n` rows and `m` columns, to be filled with `add_*`.
    pub(crate) fn empty(n: usize, m: usize) -> Self {
        Band { lo: vec![u32::MAX; n + 1], hi: vec![0; n + 1], m: m as u32 }
    }

    fn widen(&mut self, i: usize, lo: u32, hi: u32) {
        if i < self.lo.len() {
            self.lo[i] = self.lo[i].min(lo);
            self.hi[i] = self.hi[i].max(hi);
        }
    }

    /// Makes the band usable: the corners in it, rows without cells given their neighbours' span, bounds
    /// monotone, and each row connected to the next.
    pub(crate) fn finish(&mut self) {
        let n = self.lo.len() - 1;
        self.widen(0, 0, 0);
        self.widen(n, self.m, self.m);
        // Rows left empty take the previous row's span.
        for i in 1..=n {
            if self.lo[i] == u32::MAX {
                self.lo[i] = self.lo[i - 1];
                self.hi[i] = self.hi[i - 1];
            }
        }
        for i in (0..n).rev() {
            self.lo[i] = self.lo[i].min(self.lo[i + 1]);
        }
        for i in 1..=n {
            self.hi[i] = self.hi[i].max(self.hi[i - 1]);
        }
        // Consecutive rows must overlap (or touch) so that a 1-1 or 1-0 bead can always cross.
        for i in 1..=n {
            if self.lo[i] > self.hi[i - 1] + 1 {
                self.lo[i] = self.hi[i - 1] + 1;
            }
        }
        for i in 0..=n {
            self.hi[i] = self.hi[i].min(self.m);
            self.lo[i] = self.lo[i].min(self.hi[i]);
        }
    }

    /// Whether cell (i, j) is in the band.
    pub(crate) fn contains(&self, i: usize, j: usize) -> bool {
        i < self.lo.len() && (self.lo[i] as usize..=self.hi[i] as usize).contains(&j)
    }

    /// A band of `width` columns on each side of `path` (cells (i, j) of a previous alignment).
    pub(crate) fn around(path: &[(usize, usize)], n: usize, m: usize, width: usize) -> Self {
        let mut band = Band::empty(n, m);
        for &(i, j) in path {
            band.widen(i, j.saturating_sub(width) as u32, (j + width).min(m) as u32);
        }
        band.finish();
        band
    }

    /// The cells of `path` that lie on an edge of the band inside the grid: where the search was held
    /// back, and the best path may lie beyond.
    pub(crate) fn touched(&self, path: &[(usize, usize)]) -> Vec<(usize, usize)> {
        path.iter()
            .copied()
            .filter(|&(i, j)| {
                let (lo, hi) = (self.lo[i] as usize, self.hi[i] as usize);
                (j == lo && lo > 0) || (j == hi && hi < self.m as usize)
            })
            .collect()
    }

    /// Keeps only the cells also in `outer` (a path in both bands stays in the result).
    pub(crate) fn within(&mut self, outer: &Band) {
        for i in 0..self.lo.len().min(outer.lo.len()) {
            self.lo[i] = self.lo[i].max(outer.lo[i]);
            self.hi[i] = self.hi[i].min(outer.hi[i]);
        }
        self.finish();
    }

    /// Widens the band to hold every cell within `width` rows and columns of each of `cells`.
    pub(crate) fn widen_around(&mut self, cells: &[(usize, usize)], width: usize) {
        let n = self.lo.len() - 1;
        for &(i, j) in cells {
            let (lo, hi) = (j.saturating_sub(width) as u32, (j + width).min(self.m as usize) as u32);
            for row in i.saturating_sub(width)..=(i + width).min(n) {
                self.widen(row, lo, hi);
            }
        }
        self.finish();
    }
}

/// One bead of the best path: its shape and the cell it ends at.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Step {
    pub source: u8,
    pub target: u8,
    /// Source sentences consumed after this bead.
    pub i: usize,
    /// Target sentences consumed after this bead.
    pub j: usize,
    /// The bead's own cost.
    pub cost: f32,
}

/// The cheapest path through `band` with beads of `shapes` (some of [`SHAPES`]); `cost(i, j, a, b)` prices the bead of shape (a, b) ending at (i, j),
/// and `floor(a, b)` is a price no bead of that shape goes under, which lets the search skip shapes that
/// cannot beat the best found so far (the result is the same as without it).
pub(crate) fn best_path(
    band: &Band,
    shapes: &[(u8, u8)],
    floor: impl Fn(u8, u8) -> f32,
    mut cost: impl FnMut(usize, usize, u8, u8) -> f32,
) -> Vec<Step> {
    let floors: Vec<f32> = shapes.iter().map(|&(a, b)| floor(a, b)).collect();
    let n = band.lo.len() - 1;
    let mut offsets = Vec::with_capacity(n + 2);
    let mut total = 0usize;
    for (lo, hi) in band.lo.iter().zip(&band.hi) {
        offsets.push(total);
        total += (hi - lo) as usize + 1;
    }
    let at =
        |i: usize, j: usize| -> Option<usize> { (band.contains(i, j)).then(|| offsets[i] + j - band.lo[i] as usize) };
    let mut best = vec![f32::INFINITY; total];
    let mut choice = vec![u8::MAX; total];
    best[0] = 0.0;
    for (i, &row_start) in offsets.iter().enumerate() {
        let lo = band.lo[i] as usize;
        for j in lo..=band.hi[i] as usize {
            let here = row_start + j - lo;
            if i == 0 && j == 0 {
                continue;
            }
            let mut cheapest = f32::INFINITY;
            let mut shape = u8::MAX;
            for (k, &(a, b)) in shapes.iter().enumerate() {
                let (a, b) = (a as usize, b as usize);
                if a > i || b > j {
                    continue;
                }
                let Some(from) = at(i - a, j - b) else { continue };
                let before = best[from];
                if !before.is_finite() || before + floors[k] >= cheapest {
                    continue;
                }
                let total = before + cost(i, j, a as u8, b as u8);
                if total < cheapest {
                    cheapest = total;
                    shape = k as u8;
                }
            }
            best[here] = cheapest;
            choice[here] = shape;
        }
    }
    let mut steps = Vec::new();
    let (mut i, mut j) = (n, band.m as usize);
    while i > 0 || j > 0 {
        let here = at(i, j).expect("the path stays in the band");
        let k = choice[here];
        assert!(k != u8::MAX, "the band connects (0, 0) to (n, m)");
        let (a, b) = shapes[k as usize];
        let from = at(i - a as usize, j - b as usize).expect("predecessor in band");
        steps.push(Step { source: a, target: b, i, j, cost: best[here] - best[from] });
        i -= a as usize;
        j -= b as usize;
    }
    steps.reverse();
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_diagonal_and_skips() {
        // Costs favour 1-1 on the diagonal, except that source sentence 2 has no counterpart.
        let mut band = Band::empty(4, 3);
        band.add_box((0, 0), (4, 3), 0);
        band.finish();
        let steps = best_path(
            &band,
            &SHAPES,
            |_, _| 0.0,
            |i, j, a, b| match (a, b) {
                (1, 1) if (i == 1 && j == 1) || (i == 2 && j == 2) || (i == 4 && j == 3) => 0.0,
                (1, 0) => 1.0,
                (0, 1) => 1.0,
                _ => 5.0,
            },
        );
        let shapes: Vec<(u8, u8)> = steps.iter().map(|s| (s.source, s.target)).collect();
        assert_eq!(shapes, [(1, 1), (1, 1), (1, 0), (1, 1)]);
    }

    #[test]
    fn two_sentences_may_take_four() {
        // An abridged stretch: two source sentences for four target ones, cheaper as one bead than any cut.
        let mut band = Band::empty(3, 5);
        band.add_box((0, 0), (3, 5), 0);
        band.finish();
        let steps = best_path(
            &band,
            &SHAPES,
            |_, _| 0.0,
            |i, j, a, b| match (i, j, a, b) {
                (1, 1, 1, 1) => 0.0,
                (3, 5, 2, 4) => 1.0,
                _ => 5.0,
            },
        );
        let shapes: Vec<(u8, u8)> = steps.iter().map(|s| (s.source, s.target)).collect();
        assert_eq!(shapes, [(1, 1), (2, 4)]);
    }

    #[test]
    fn band_is_connected_and_monotone() {
        let mut band = Band::empty(10, 4);
        band.add_box((2, 1), (5, 2), 0);
        band.finish();
        assert!(band.contains(0, 0) && band.contains(10, 4));
        for i in 1..=10 {
            assert!(band.lo[i] >= band.lo[i - 1] && band.hi[i] >= band.hi[i - 1]);
            assert!(band.lo[i] <= band.hi[i - 1] + 1);
        }
        // Every row reaches the path.
        let steps = best_path(
            &band,
            &SHAPES[..COMMON_SHAPES],
            |_, _| 0.0,
            |_, _, a, b| if a == 1 && b == 1 { 0.0 } else { 1.0 },
        );
        assert_eq!(steps.last().map(|s| (s.i, s.j)), Some((10, 4)));
    }

    #[test]
    fn widens_where_the_path_touches_an_edge() {
        let mut band = Band::around(&[(0, 0), (1, 1), (2, 2), (3, 3), (4, 4)], 4, 8, 1);
        // (2, 3) is on the upper edge of row 2; (4, 4) ends the path; (0, 0) lies on the grid's own edge.
        assert_eq!(band.touched(&[(0, 0), (1, 1), (2, 3), (4, 4)]), [(2, 3)]);
        band.widen_around(&[(2, 3)], 2);
        assert_eq!(band.hi[2], 5);
        assert!(band.touched(&[(0, 0), (1, 1), (2, 3), (4, 4)]).is_empty());
    }

    #[test]
    fn around_a_path() {
        let band = Band::around(&[(0, 0), (1, 1), (2, 2), (3, 3)], 3, 3, 1);
        assert_eq!(band.lo, [0, 0, 1, 2]);
        assert_eq!(band.hi, [1, 2, 3, 3]);
    }
}

//! Strict and lax precision, recall and F1 of an alignment against a gold one, as vecalign and Bleualign
//! report them: a test bead is strictly right when the gold holds the same bead, laxly right when it
//! shares a source sentence with a gold bead whose target side shares a sentence with it. Precision counts
//! every test bead; recall takes the gold links (both sides non-empty) against the test links.
#![allow(dead_code)]

use std::collections::{HashMap, HashSet};

/// A bead as sentence numbers: (source, target).
pub type Bead = (Vec<usize>, Vec<usize>);

/// Reads beads written `[0, 1]:[2]` one a line (`[7]:[]` for an unaligned sentence).
pub fn parse_beads(text: &str) -> Vec<Bead> {
    let list = |part: &str| -> Vec<usize> {
        part.trim()
            .trim_start_matches('[')
            .trim_end_matches(']')
            .split(',')
            .filter_map(|n| n.trim().parse().ok())
            .collect()
    };
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let (source, target) = line.split_once(':').expect("a bead has a colon");
            (list(source), list(target))
        })
        .collect()
}

/// Swaps the sides of every bead.
pub fn swap(beads: &[Bead]) -> Vec<Bead> {
    beads.iter().map(|(s, t)| (t.clone(), s.clone())).collect()
}

/// Counts (strict right, strict wrong, lax right, lax wrong) of `test` against `gold`.
fn counts(gold: &[Bead], test: &[Bead]) -> [usize; 4] {
    let gold_set: HashSet<&Bead> = gold.iter().filter(|(s, t)| !s.is_empty() || !t.is_empty()).collect();
    let mut targets_of_source: HashMap<usize, HashSet<usize>> = HashMap::new();
    for (s, t) in &gold_set {
        for &x in s {
            targets_of_source.entry(x).or_default().extend(t.iter().copied());
        }
    }
    let mut seen: HashSet<&Bead> = HashSet::new();
    let mut out = [0; 4];
    for bead in test.iter().filter(|(s, t)| !s.is_empty() || !t.is_empty()) {
        if !seen.insert(bead) {
            continue;
        }
        if gold_set.contains(bead) {
            out[0] += 1;
            out[2] += 1;
        } else {
            out[1] += 1;
            let reachable: HashSet<usize> =
                bead.0.iter().flat_map(|x| targets_of_source.get(x).into_iter().flatten().copied()).collect();
            if bead.1.iter().any(|y| reachable.contains(y)) {
                out[2] += 1;
            } else {
                out[3] += 1;
            }
        }
    }
    out
}

/// Precision, recall and F1, strict and lax.
#[derive(Debug, Clone, Copy)]
pub struct Scores {
    pub precision_strict: f64,
    pub recall_strict: f64,
    pub f1_strict: f64,
    pub precision_lax: f64,
    pub recall_lax: f64,
    pub f1_lax: f64,
}

/// Scores `test` against `gold`.
pub fn score(gold: &[Bead], test: &[Bead]) -> Scores {
    score_many(&[(gold.to_vec(), test.to_vec())])
}

/// Scores several documents together, adding up the counts first (as vecalign's score_multiple does).
pub fn score_many(documents: &[(Vec<Bead>, Vec<Bead>)]) -> Scores {
    let links = |beads: &[Bead]| -> Vec<Bead> {
        beads.iter().filter(|(s, t)| !s.is_empty() && !t.is_empty()).cloned().collect()
    };
    let (mut p, mut r) = ([0; 4], [0; 4]);
    for (gold, test) in documents {
        let (dp, dr) = (counts(gold, test), counts(&links(test), &links(gold)));
        for k in 0..4 {
            p[k] += dp[k];
            r[k] += dr[k];
        }
    }
    let ratio = |a: usize, b: usize| if a + b == 0 { 0.0 } else { a as f64 / (a + b) as f64 };
    let f1 = |p: f64, r: f64| if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    let (ps, pl, rs, rl) = (ratio(p[0], p[1]), ratio(p[2], p[3]), ratio(r[0], r[1]), ratio(r[2], r[3]));
    Scores {
        precision_strict: ps,
        recall_strict: rs,
        f1_strict: f1(ps, rs),
        precision_lax: pl,
        recall_lax: rl,
        f1_lax: f1(pl, rl),
    }
}

/// The stretches where `test` departs from `gold`, as text for a person to read: between two corners
/// where both alignments have a bead boundary, the gold beads then the test beads, each with the start of
/// its sentences (`source(k)` and `target(k)` give sentence k).
pub fn differences(
    gold: &[Bead],
    test: &[Bead],
    source: &dyn Fn(usize) -> String,
    target: &dyn Fn(usize) -> String,
) -> String {
    // The corner (sentences consumed on each side) after each bead.
    let corners = |beads: &[Bead]| -> Vec<(usize, usize)> {
        let (mut i, mut j) = (0, 0);
        beads
            .iter()
            .map(|(s, t)| {
                i = s.iter().map(|x| x + 1).max().unwrap_or(i).max(i);
                j = t.iter().map(|y| y + 1).max().unwrap_or(j).max(j);
                (i, j)
            })
            .collect()
    };
    let (gc, tc) = (corners(gold), corners(test));
    let shared: HashSet<(usize, usize)> = gc.iter().copied().filter(|c| tc.contains(c)).collect();
    let stretches = |beads: &[Bead], corners: &[(usize, usize)]| -> Vec<Vec<Bead>> {
        let mut out = vec![Vec::new()];
        for (bead, corner) in beads.iter().zip(corners) {
            out.last_mut().unwrap().push(bead.clone());
            if shared.contains(corner) {
                out.push(Vec::new());
            }
        }
        out
    };
    let (gs, ts) = (stretches(gold, &gc), stretches(test, &tc));
    let clip = |s: String| s.chars().take(70).collect::<String>();
    let show = |bead: &Bead| {
        let mut text = format!("    {:?}:{:?}\n", bead.0, bead.1);
        for &x in &bead.0 {
            text += &format!("      s{x}: {}\n", clip(source(x)));
        }
        for &y in &bead.1 {
            text += &format!("      t{y}: {}\n", clip(target(y)));
        }
        text
    };
    let mut out = String::new();
    for (g, t) in gs.iter().zip(&ts) {
        if g != t {
            out += "  gold:\n";
            g.iter().for_each(|b| out += &show(b));
            out += "  test:\n";
            t.iter().for_each(|b| out += &show(b));
            out += "  ----\n";
        }
    }
    out
}

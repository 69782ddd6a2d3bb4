//! Clustering quality of `trame terms cluster` on a labelled set of name variants written for the project
//! (tests/fixtures/names/variants.txt: 426 names, 1,096 spellings, look-alikes on lines of their own).
//! Pairwise precision and recall, for the automatic tier (floor: precision 0.95) and the suggested tier.

mod common;

use common::run::{stderr, stdout, trame};
use std::collections::{HashMap, HashSet};

type Pair = (String, String);

fn pair(a: &str, b: &str) -> Pair {
    if a < b { (a.to_string(), b.to_string()) } else { (b.to_string(), a.to_string()) }
}

fn pairs_of(forms: &[String]) -> Vec<Pair> {
    let mut out = Vec::new();
    for i in 0..forms.len() {
        for j in i + 1..forms.len() {
            out.push(pair(&forms[i], &forms[j]));
        }
    }
    out
}

#[test]
fn pairwise_precision_and_recall() {
    let text = std::fs::read_to_string(common::project_file("tests/fixtures/names/variants.txt")).unwrap();
    let mut gold: HashSet<Pair> = HashSet::new();
    let mut all: Vec<String> = Vec::new();
    let mut names = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        let mut forms: Vec<String> = line.split('|').map(|f| f.trim().to_string()).collect();
        forms.sort();
        forms.dedup();
        gold.extend(pairs_of(&forms));
        all.extend(forms);
        names += 1;
    }
    // A fixed shuffle, so that order does not help.
    let mut shuffled: Vec<(u64, String)> =
        all.iter().enumerate().map(|(i, f)| ((i as u64).wrapping_mul(2_654_435_761) % 1_000_003, f.clone())).collect();
    shuffled.sort();
    let input: String = shuffled.iter().map(|(_, f)| format!("{f}\n")).collect();
    let out = trame(&["terms", "cluster", "-"], input.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));

    let mut clusters: HashMap<String, Vec<(String, String)>> = HashMap::new();
    for line in stdout(&out).lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        clusters.entry(cols[0].to_string()).or_default().push((cols[1].to_string(), cols[2].to_string()));
    }
    let (mut auto, mut suggested): (HashSet<Pair>, HashSet<Pair>) = (HashSet::new(), HashSet::new());
    for members in clusters.values() {
        for i in 0..members.len() {
            for j in i + 1..members.len() {
                let p = pair(&members[i].0, &members[j].0);
                if members[i].1 == "auto" && members[j].1 == "auto" {
                    auto.insert(p);
                } else {
                    suggested.insert(p);
                }
            }
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    let hits = |set: &HashSet<Pair>| set.iter().filter(|p| gold.contains(*p)).count();
    let (auto_hits, suggested_hits) = (hits(&auto), hits(&suggested));
    let auto_precision = ratio(auto_hits, auto.len());
    println!("names {names}, spellings {}, gold pairs {}", all.len(), gold.len());
    println!(
        "auto tier: {} pairs, precision {:.3}, recall {:.3}",
        auto.len(),
        auto_precision,
        ratio(auto_hits, gold.len())
    );
    println!(
        "suggested tier: {} pairs, precision {:.3}, recall added {:.3}",
        suggested.len(),
        ratio(suggested_hits, suggested.len()),
        ratio(suggested_hits, gold.len())
    );
    println!(
        "both tiers: precision {:.3}, recall {:.3}",
        ratio(auto_hits + suggested_hits, auto.len() + suggested.len()),
        ratio(auto_hits + suggested_hits, gold.len())
    );
    for p in auto.iter().filter(|p| !gold.contains(*p)) {
        println!("  wrong auto pair: {} / {}", p.0, p.1);
    }
    assert!(names >= 300);
    assert!(auto_precision >= 0.95, "automatic-tier precision {auto_precision:.3}");
}

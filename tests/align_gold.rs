//! The gold sentence alignments in ../shared/alignment, scored strict and lax (tests/common/scorer.rs),
//! per file and, for the two TransRead novels, together (counts added up, as vecalign's evaluation does):
//! French as source on TransRead (its gold lists English first, so its sides are swapped; a run of
//! unaligned sentences is one bead there), and Text+Berg dev German-French without a dictionary.
//! Floors: TransRead strict F1 0.85 and lax 0.95; Text+Berg strict 0.80.

mod common;

use common::scorer::{Bead, Scores, differences, parse_beads, score, score_many, swap};
use trame::Language;
use trame::align::{AlignSide, Aligner};

/// Aligns one gold document; returns (gold, test) beads after printing its scores.
fn run(dir: &str, names: (&str, &str, &str), langs: (&str, &str), transread: bool) -> Option<(Vec<Bead>, Vec<Bead>)> {
    let dir = common::shared(&format!("alignment/{dir}"))?;
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    let (source_text, target_text) = (read(names.0), read(names.1));
    let source = AlignSide::presegmented(&source_text, Language::parse(langs.0).unwrap());
    let target = AlignSide::presegmented(&target_text, Language::parse(langs.1).unwrap());
    let mut alignment = Aligner::default().align(&source, &target);
    let mut gold = parse_beads(&read(names.2));
    if transread {
        gold = swap(&gold);
        alignment = alignment.with_unaligned_grouped();
    }
    let test: Vec<Bead> =
        alignment.beads.iter().map(|b| (b.source.clone().collect(), b.target.clone().collect())).collect();
    report(&format!("{} -> {}", names.0, names.1), &score(&gold, &test), test.len(), gold.len());
    // TRAME_GOLD_ERRORS=Emma prints where the alignment of the files named so departs from the gold.
    if std::env::var("TRAME_GOLD_ERRORS").is_ok_and(|v| !v.is_empty() && names.0.contains(&v)) {
        let (s, t) = (|k: usize| source.sentence(k).to_string(), |k: usize| target.sentence(k).to_string());
        println!("{}", differences(&gold, &test, &s, &t));
    }
    Some((gold, test))
}

fn report(what: &str, s: &Scores, beads: usize, gold: usize) {
    println!(
        "{what}: strict P {:.3} R {:.3} F1 {:.3} | lax P {:.3} R {:.3} F1 {:.3} ({beads} beads, gold {gold})",
        s.precision_strict, s.recall_strict, s.f1_strict, s.precision_lax, s.recall_lax, s.f1_lax
    );
}

#[test]
fn transread_novels() {
    let alice = run(
        "transread-enfr",
        ("AlicesAdventuresInWonderland.fr", "AlicesAdventuresInWonderland.en", "AlicesAdventuresInWonderland.enfr"),
        ("fr", "en"),
        true,
    );
    let emma = run("transread-enfr", ("Emma.fr", "Emma.en", "Emma.enfr"), ("fr", "en"), true);
    let (Some(alice), Some(emma)) = (alice, emma) else { return };
    let together = score_many(&[alice.clone(), emma.clone()]);
    report("TransRead, both novels", &together, alice.1.len() + emma.1.len(), alice.0.len() + emma.0.len());
    assert!(together.f1_strict >= 0.85, "strict F1 {:.3}", together.f1_strict);
    assert!(together.f1_lax >= 0.95, "lax F1 {:.3}", together.f1_lax);
}

#[test]
fn textberg_dev() {
    if let Some((gold, test)) = run("textberg-defr", ("dev.de", "dev.fr", "dev.defr"), ("de", "fr"), false) {
        let s = score(&gold, &test);
        assert!(s.f1_strict >= 0.80, "strict F1 {:.3}", s.f1_strict);
    }
}

#[test]
fn scorer_counts_as_vecalign() {
    let gold = parse_beads("[0]:[0]\n[1, 2]:[1]\n[3]:[]\n[4]:[2]\n");
    assert_eq!(gold[1], (vec![1, 2], vec![1]));
    let perfect = score(&gold, &gold);
    assert_eq!((perfect.f1_strict, perfect.f1_lax), (1.0, 1.0));
    // One split bead: [1]:[1] and [2]:[] instead of [1, 2]:[1].
    let test = parse_beads("[0]:[0]\n[1]:[1]\n[2]:[]\n[3]:[]\n[4]:[2]\n");
    let s = score(&gold, &test);
    assert!((s.precision_strict - 3.0 / 5.0).abs() < 1e-9);
    assert!((s.precision_lax - 4.0 / 5.0).abs() < 1e-9);
    assert!((s.recall_strict - 2.0 / 3.0).abs() < 1e-9);
    assert!((s.recall_lax - 1.0).abs() < 1e-9);
}

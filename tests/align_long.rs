//! Long input where names and numbers repeat (issue 14): the two TransRead novels of ../shared/alignment
//! concatenated (Alice then Emma, French as source), then the whole repeated twice and four times, the
//! gold shifted alike. Every name, number and rare word then occurs once per copy, so nothing is rare in
//! the whole text; the alignment must hold anyway. Acceptance: strict F1 at 4× within 0.02 of 1×.
//!
//! Run: `cargo test --release --test align_long -- --nocapture` (the 4× case aligns 4,404 × 4,208
//! sentences: about 2 s in all in a release build, 16 s in a debug build).

mod common;

use common::scorer::{Bead, Scores, parse_beads, score, swap};
use trame::Language;
use trame::align::{AlignSide, Aligner};

/// One novel: French text, English text, gold beads with French as source.
struct Novel {
    french: String,
    english: String,
    gold: Vec<Bead>,
}

fn novel(name: &str) -> Option<Novel> {
    let dir = common::shared("alignment/transread-enfr")?;
    let read = |ext: &str| std::fs::read_to_string(dir.join(format!("{name}.{ext}"))).unwrap();
    Some(Novel { french: read("fr"), english: read("en"), gold: swap(&parse_beads(&read("enfr"))) })
}

/// Sentences of a one-sentence-a-line text.
fn lines(text: &str) -> usize {
    text.lines().filter(|l| !l.trim().is_empty()).count()
}

/// The novels one after the other, `copies` times: (French, English, gold).
fn concatenated(novels: &[Novel], copies: usize) -> (String, String, Vec<Bead>) {
    let (mut french, mut english, mut gold) = (String::new(), String::new(), Vec::new());
    for _ in 0..copies {
        for novel in novels {
            let (dx, dy) = (lines(&french), lines(&english));
            let shift = |side: &[usize], d: usize| side.iter().map(|k| k + d).collect::<Vec<_>>();
            gold.extend(novel.gold.iter().map(|(s, t)| (shift(s, dx), shift(t, dy))));
            for (whole, part) in [(&mut french, &novel.french), (&mut english, &novel.english)] {
                whole.push_str(part);
                if !whole.ends_with('\n') {
                    whole.push('\n');
                }
            }
        }
    }
    (french, english, grouped(gold))
}

/// Runs of unaligned sentences of one side as one bead, as the aligner's output is grouped for scoring
/// (where one novel ends with such a run and the next starts with one, they join).
fn grouped(beads: Vec<Bead>) -> Vec<Bead> {
    let mut out: Vec<Bead> = Vec::with_capacity(beads.len());
    for bead in beads {
        if let Some(last) = out.last_mut() {
            let unaligned = |b: &Bead| b.0.is_empty() != b.1.is_empty();
            let same_side = last.0.is_empty() == bead.0.is_empty();
            if unaligned(last) && unaligned(&bead) && same_side {
                last.0.extend(bead.0);
                last.1.extend(bead.1);
                continue;
            }
        }
        out.push(bead);
    }
    out
}

fn align(french: &str, english: &str) -> Vec<Bead> {
    let source = AlignSide::presegmented(french, Language::french());
    let target = AlignSide::presegmented(english, Language::english());
    let alignment = Aligner::default().align(&source, &target).with_unaligned_grouped();
    alignment.beads.iter().map(|b| (b.source.clone().collect(), b.target.clone().collect())).collect()
}

fn report(copies: usize, s: &Scores, sentences: (usize, usize), seconds: f64) {
    println!(
        "{copies}x ({} x {} sentences): strict P {:.3} R {:.3} F1 {:.3} | lax F1 {:.3} ({seconds:.2} s)",
        sentences.0, sentences.1, s.precision_strict, s.recall_strict, s.f1_strict, s.f1_lax
    );
}

#[test]
fn accuracy_holds_when_the_text_repeats() {
    let (Some(alice), Some(emma)) = (novel("AlicesAdventuresInWonderland"), novel("Emma")) else { return };
    let novels = [alice, emma];
    let mut f1 = Vec::new();
    for copies in [1, 2, 4] {
        let (french, english, gold) = concatenated(&novels, copies);
        let started = std::time::Instant::now();
        let test = align(&french, &english);
        let s = score(&gold, &test);
        report(copies, &s, (lines(&french), lines(&english)), started.elapsed().as_secs_f64());
        f1.push(s.f1_strict);
    }
    assert!(f1[2] >= f1[0] - 0.02, "strict F1 {:.3} at 4x against {:.3} at 1x", f1[2], f1[0]);
}

#[test]
fn gold_shifts_with_the_copies() {
    let novel = |french: &str, english: &str, gold: &str| Novel {
        french: french.to_string(),
        english: english.to_string(),
        gold: parse_beads(gold),
    };
    let novels = [novel("a\nb\n", "A\nB\n", "[]:[0]\n[0, 1]:[1]\n"), novel("c\n", "C\nD\n", "[0]:[0]\n[]:[1]\n")];
    let (french, english, gold) = concatenated(&novels, 2);
    assert_eq!((lines(&french), lines(&english)), (6, 8));
    // The run left unaligned at the end of the first copy joins the one that starts the second.
    let expected = "[]:[0]\n[0, 1]:[1]\n[2]:[2]\n[]:[3, 4]\n[3, 4]:[5]\n[5]:[6]\n[]:[7]\n";
    assert_eq!(gold, parse_beads(expected));
}

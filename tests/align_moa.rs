//! The Moon of Alabama pair in ../shared/corpus: the French translation starts at the English post's
//! third paragraph and goes on well past the end of the English file. Every English sentence that has a
//! French translation must be linked to exactly that French sentence; the English lede the French skips,
//! and every French sentence past the English end, must stay unaligned.

mod common;

use trame::Language;
use trame::align::{AlignSide, Aligner};

#[test]
fn partial_translation() {
    let (Some(fr), Some(en)) = (
        common::shared("corpus/fr/000_95e4f3f6dc5bf185.txt"),
        common::shared("corpus/en/moa-2022-12-21-western-border.txt"),
    ) else {
        return;
    };
    let (fr, en) = (std::fs::read_to_string(fr).unwrap(), std::fs::read_to_string(en).unwrap());
    let source = AlignSide::segment(&fr, Language::french());
    let target = AlignSide::segment(&en, Language::english());
    // The expectation below is written in sentence numbers; check they mean what they should.
    assert_eq!((source.sentences.len(), target.sentences.len()), (51, 24));
    assert!(source.sentence(3).contains("9,5 millions") && target.sentence(7).contains("9.5 million"));
    assert!(source.sentence(17).contains("Pompeo") && target.sentence(21).contains("Pompeo"));
    assert!(source.sentence(19).starts_with("Mais maintenant") && target.sentence(23).starts_with("But now"));

    // English title -> the French header line that translates it; English 1-4 (the lede, and a sentence
    // the French leaves out) -> nothing; English 5..=23 -> French 1..=19; French 20.. -> nothing.
    let mut expected: Vec<(usize, Option<usize>)> = vec![(0, Some(0))];
    expected.extend((1..=4).map(|e| (e, None)));
    expected.extend((5..=23).map(|e| (e, Some(e - 4))));

    let alignment = Aligner::default().align(&source, &target);
    let mut problems = Vec::new();
    for (english, french) in expected {
        let bead = alignment.beads.iter().find(|b| b.target.contains(&english)).expect("every sentence is in a bead");
        let got: Vec<usize> = bead.source.clone().collect();
        let want: Vec<usize> = french.into_iter().collect();
        if got != want || (bead.is_link() && bead.target.len() != 1) {
            problems.push(format!("English {english}: linked to French {got:?} (bead {bead:?}), expected {want:?}"));
        }
    }
    for bead in alignment.beads.iter().filter(|b| b.is_link()) {
        if bead.source.end > 20 {
            problems.push(format!("French {:?} beyond the covered opening is linked: {bead:?}", bead.source));
        }
    }
    let links = alignment.beads.iter().filter(|b| b.is_link()).count();
    println!("Moon of Alabama: {links} links checked, {} problems", problems.len());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

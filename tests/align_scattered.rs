//! A text that translates only a few scattered sentences of another (an article quoting a handful of
//! sentences of an older post): the quoted sentences are linked, and every other link trame makes is
//! flagged for review (confidence under the default `--review-below` of 0.5), whatever lengths say.
//!
//! Three sources: the Moon of Alabama article in ../shared/corpus against the 2020 post it quotes five
//! sentences of; texts built from the gold alignments of ../shared/alignment, one side a window of a
//! novel, the other unrelated sentences of the other novel with a few translations of the window's
//! sentences among them; and a short pair written for this test.

mod common;

use common::scorer::{parse_beads, swap};
use trame::Language;
use trame::align::{AlignSide, Aligner, Alignment};

const REVIEW_BELOW: f32 = 0.5;

fn links(alignment: &Alignment) -> Vec<(Vec<usize>, Vec<usize>, f32)> {
    alignment
        .beads
        .iter()
        .filter(|b| b.is_link())
        .map(|b| (b.source.clone().collect(), b.target.clone().collect(), b.confidence))
        .collect()
}

/// Checks that every pair of `quoted` is a link of its own and that every other link is flagged; returns
/// (quotes linked, other links, other links left unflagged).
fn judge(alignment: &Alignment, quoted: &[(usize, usize)]) -> (usize, usize, usize) {
    let (mut found, mut others, mut unflagged) = (0, 0, 0);
    for (source, target, confidence) in links(alignment) {
        if source.len() == 1 && target.len() == 1 && quoted.contains(&(source[0], target[0])) {
            found += 1;
        } else {
            others += 1;
            unflagged += usize::from(confidence >= REVIEW_BELOW);
        }
    }
    (found, others, unflagged)
}

#[test]
fn an_article_quoting_five_sentences_of_an_older_post() {
    let (Some(fr), Some(en)) = (
        common::shared("corpus/fr/000_95e4f3f6dc5bf185.txt"),
        common::shared("corpus/en/moa-2020-08-26-color-revolution-failed.txt"),
    ) else {
        return;
    };
    let (fr, en) = (std::fs::read_to_string(fr).unwrap(), std::fs::read_to_string(en).unwrap());
    let source = AlignSide::segment(&fr, Language::french());
    let target = AlignSide::segment(&en, Language::english());
    // The quotes, by sentence number; check they mean what they should.
    let quoted: Vec<(usize, usize)> = (33..=37).map(|x| (x, x - 27)).collect();
    assert!(
        source.sentence(33).starts_with("Loukachenko, et sa police")
            && target.sentence(6).starts_with("Lukashenko, and his police")
    );
    assert!(
        source.sentence(37).starts_with("Mais avec le soutien total")
            && target.sentence(10).starts_with("But with the full backing")
    );
    let alignment = Aligner::default().align(&source, &target);
    let (found, others, unflagged) = judge(&alignment, &quoted);
    println!("Moon of Alabama 2020: {found} of 5 quotes linked; {others} other links, {unflagged} of them unflagged");
    assert_eq!((found, unflagged), (5, 0), "{:?}", links(&alignment));
}

/// A novel's French lines, English lines and 1-1 gold links.
type Novel = (Vec<String>, Vec<String>, Vec<(usize, usize)>);

#[test]
fn novels_quoting_scattered_sentences_of_each_other() {
    let Some(dir) = common::shared("alignment/transread-enfr") else { return };
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    let lines = |text: &str| text.lines().map(str::to_string).collect::<Vec<_>>();
    let novels: Vec<Novel> = ["AlicesAdventuresInWonderland", "Emma"]
        .iter()
        .map(|name| {
            let gold = swap(&parse_beads(&read(&format!("{name}.enfr"))));
            let ones = gold.iter().filter(|(s, t)| s.len() == 1 && t.len() == 1).map(|(s, t)| (s[0], t[0])).collect();
            (lines(&read(&format!("{name}.fr"))), lines(&read(&format!("{name}.en"))), ones)
        })
        .collect();
    let (mut cases, mut quotes, mut found, mut others, mut unflagged) = (0, 0, 0, 0, 0);
    for (k, (fr, _, ones)) in novels.iter().enumerate() {
        let other_en = &novels[1 - k].1;
        for (case, &window) in [60usize, 100, 140].iter().enumerate() {
            for count in [3usize, 5] {
                // A window of French; `count` of its 1-1 gold links spread over it, their English put among
                // unrelated English sentences of the other novel.
                let start = (case * 2 + count) * fr.len() / 11 % fr.len().saturating_sub(window).max(1);
                let inside: Vec<(usize, usize)> =
                    ones.iter().copied().filter(|&(x, _)| (start..start + window).contains(&x)).collect();
                if inside.len() < count {
                    continue;
                }
                let picked: Vec<(usize, usize)> = (0..count).map(|q| inside[q * inside.len() / count]).collect();
                let filler = &other_en[(start * 7) % (other_en.len() - 40)..][..30];
                let mut english: Vec<&str> = Vec::new();
                let mut quoted = Vec::new();
                for (q, &(x, y)) in picked.iter().enumerate() {
                    english.extend(filler[q * 30 / count..(q + 1) * 30 / count].iter().map(String::as_str));
                    quoted.push((x - start, english.len()));
                    english.push(&novels[k].1[y]);
                }
                let french = fr[start..start + window].join("\n") + "\n";
                let english = english.join("\n") + "\n";
                let source = AlignSide::presegmented(&french, Language::french());
                let target = AlignSide::presegmented(&english, Language::english());
                let alignment = Aligner::default().align(&source, &target);
                let (f, o, u) = judge(&alignment, &quoted);
                cases += 1;
                quotes += count;
                found += f;
                others += o;
                unflagged += u;
            }
        }
    }
    println!(
        "{cases} texts quoting {quotes} scattered sentences: {found} quotes linked; {others} other links, \
         {unflagged} of them unflagged"
    );
    assert!(cases >= 10, "{cases} cases");
    assert!(unflagged * 20 <= others, "{unflagged} of {others} wrong links unflagged");
}

#[test]
fn a_short_text_quoting_two_sentences_of_a_report() {
    // Written for this test: a French report, and an English newsletter item that quotes two of its
    // sentences among its own.
    let fr = "Le conseil municipal s'est réuni jeudi soir.\n\
              Il a voté le budget de l'année prochaine.\n\
              Les travaux de la piscine commenceront en mars.\n\
              Le chantier durera dix-huit mois et coûtera 4,2 millions d'euros.\n\
              Plusieurs habitants ont demandé un parking pour les vélos.\n\
              Le maire a promis d'étudier la question.\n\
              La séance s'est terminée vers vingt-trois heures.\n\
              Le prochain conseil aura lieu le 14 février.\n";
    let en = "Our town is changing fast, and the newsletter keeps up.\n\
              This month we look at the new sports centre.\n\
              The work will last eighteen months and cost 4.2 million euros.\n\
              Local clubs hope to use the pool from the autumn of next year.\n\
              Children from the primary school drew posters for the opening.\n\
              The next council meeting will take place on 14 February.\n\
              Write to us with your questions and ideas.\n";
    let source = AlignSide::presegmented(fr, Language::french());
    let target = AlignSide::presegmented(en, Language::english());
    let alignment = Aligner::default().align(&source, &target);
    let (found, others, unflagged) = judge(&alignment, &[(3, 2), (7, 5)]);
    assert_eq!((found, unflagged), (2, 0), "{others} other links: {:?}", links(&alignment));
}

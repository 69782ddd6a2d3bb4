//! The language check that `trame align` runs on each side, on every text in ../shared: each is taken for
//! what it is when declared rightly (no false refusal), and seen as itself when declared as the other
//! language of its pair (a swap is caught). The treebank text is cut into chunks of 20 sentences, so that
//! short documents of news and web text are tried too.

mod common;

use trame::Language;
use trame::language::detect::{LanguageCheck, check};

fn verdict(sentences: &[&str], tag: &str) -> LanguageCheck {
    check(sentences, &Language::parse(tag).unwrap())
}

/// How a swap was taken.
#[derive(PartialEq)]
enum Swap {
    /// Refused, naming the right language.
    Caught,
    /// Refused, naming another language.
    Misnamed,
    /// Not refused.
    Missed,
}

/// Checks a text of `lang` declared rightly (never refused) and declared `other`.
#[track_caller]
fn both_ways(name: &str, sentences: &[&str], lang: &str, other: &str) -> Swap {
    let right = verdict(sentences, lang);
    assert!(!matches!(right, LanguageCheck::Other(_)), "{name} as {lang}: {right:?}");
    match verdict(sentences, other) {
        LanguageCheck::Other(seen) if seen.code == lang => Swap::Caught,
        LanguageCheck::Other(_) => Swap::Misnamed,
        _ => Swap::Missed,
    }
}

fn lines(text: &str) -> Vec<&str> {
    text.lines().filter(|l| !l.trim().is_empty()).collect()
}

#[test]
fn texts_of_the_alignment_sets_and_corpus_are_taken_for_what_they_are() {
    let Some(dir) = common::shared_dir() else {
        eprintln!("skipped: ../shared is not there");
        return;
    };
    let mut files = Vec::new();
    for (folder, lang) in [("corpus/fr", "fr"), ("corpus/en", "en")] {
        for entry in std::fs::read_dir(dir.join(folder)).unwrap() {
            files.push((entry.unwrap().path(), lang));
        }
    }
    for (name, lang) in [
        ("alignment/transread-enfr/AlicesAdventuresInWonderland.fr", "fr"),
        ("alignment/transread-enfr/AlicesAdventuresInWonderland.en", "en"),
        ("alignment/transread-enfr/Emma.fr", "fr"),
        ("alignment/transread-enfr/Emma.en", "en"),
        ("alignment/textberg-defr/dev.de", "de"),
        ("alignment/textberg-defr/dev.fr", "fr"),
    ] {
        files.push((dir.join(name), lang));
    }
    let mut caught = 0;
    for (path, lang) in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let other = if *lang == "fr" { "en" } else { "fr" };
        caught += usize::from(both_ways(&path.display().to_string(), &lines(&text), lang, other) == Swap::Caught);
    }
    println!("{} texts taken for what they are; {caught} of them caught when declared swapped", files.len());
    assert_eq!(caught, files.len());
}

#[test]
fn short_documents_of_news_and_web_text_are_taken_for_what_they_are() {
    let (mut chunks, mut caught, mut misnamed) = (0, 0, 0);
    for (name, lang, other) in [("ud_en_ewt_dev_paras.jsonl", "en", "fr"), ("ud_fr_gsd_dev_chunks.jsonl", "fr", "en")] {
        let Some(path) = common::shared(&format!("segmentation/ud-dev/{name}")) else { return };
        let text = std::fs::read_to_string(path).unwrap();
        let mut sentences: Vec<String> = Vec::new();
        for line in text.lines() {
            let record: serde_json::Value = serde_json::from_str(line).unwrap();
            for s in record["expected"].as_array().unwrap() {
                sentences.push(s.as_str().unwrap().to_string());
            }
        }
        for chunk in sentences.chunks(20) {
            let chunk: Vec<&str> = chunk.iter().map(String::as_str).collect();
            chunks += 1;
            match both_ways(name, &chunk, lang, other) {
                Swap::Caught => caught += 1,
                Swap::Misnamed => misnamed += 1,
                Swap::Missed => {}
            }
        }
    }
    println!(
        "{chunks} chunks of 20 sentences: none refused as declared; when swapped, {caught} refused naming \
         their language, {misnamed} refused naming another"
    );
    assert!(caught * 100 >= chunks * 95, "{caught} of {chunks}");
    assert!((caught + misnamed) * 100 >= chunks * 98, "{caught} + {misnamed} of {chunks}");
}

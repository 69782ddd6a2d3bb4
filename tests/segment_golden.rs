//! The Golden Rules and the Okapi parity set from ../shared/segmentation/golden, with the floors the
//! project set itself: every case passes (English 52/52, pySBD 48/48, French 5/5, Okapi parity 12/12).

mod common;

use serde::Deserialize;
use trame::Language;
use trame::segment::{ParagraphMode, Segmenter};

#[derive(Deserialize)]
struct Case {
    id: u32,
    text: String,
    expected: Vec<String>,
    #[serde(default)]
    doc_type: Option<String>,
}

/// Runs one golden file; returns (passed, total) after printing each failure.
fn run(file: &str, lang: &str) -> Option<(usize, usize)> {
    let path = common::shared(&format!("segmentation/golden/{file}"))?;
    let lang = Language::parse(lang).unwrap();
    let mut passed = 0;
    let mut total = 0;
    for line in std::fs::read_to_string(&path).unwrap().lines().filter(|l| !l.trim().is_empty()) {
        let case: Case = serde_json::from_str(line).unwrap();
        // pragmatic_segmenter's "pdf" documents wrap lines inside sentences: only blank lines part paragraphs.
        let mode = match case.doc_type.as_deref() {
            Some("pdf") => ParagraphMode::Blank,
            _ => ParagraphMode::Auto,
        };
        let segmenter = Segmenter::builtin(&lang).with_paragraph_mode(mode);
        let got: Vec<String> =
            segmenter.sentences(&case.text).iter().map(|s| common::squash(s.text(&case.text))).collect();
        let expected: Vec<String> = case.expected.iter().map(|s| common::squash(s)).collect();
        total += 1;
        if got == expected {
            passed += 1;
        } else {
            println!("{file} #{}: {:?}\n   expected {expected:?}\n   got      {got:?}", case.id, case.text);
        }
    }
    println!("{file}: {passed}/{total}");
    Some((passed, total))
}

#[track_caller]
fn check(file: &str, lang: &str, floor: usize) {
    if let Some((passed, total)) = run(file, lang) {
        assert!(passed >= floor, "{file}: {passed}/{total}, floor {floor}");
    }
}

#[test]
fn english_golden_rules() {
    check("en_grs_pragmatic52.jsonl", "en", 52);
}

#[test]
fn pysbd_golden_rules() {
    check("en_grs_pysbd48.jsonl", "en", 48);
}

#[test]
fn french_golden_rules() {
    check("fr_grs_pragmatic5.jsonl", "fr", 5);
}

#[test]
fn okapi_parity() {
    check("okapi_parity_en.jsonl", "en", 8);
    check("okapi_parity_fr.jsonl", "fr", 4);
}

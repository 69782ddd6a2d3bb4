//! The French news case set written for trame (tests/fixtures/segment/fr_news.jsonl): every case must pass.

mod common;

use serde::Deserialize;
use trame::Language;
use trame::segment::Segmenter;

#[derive(Deserialize)]
struct Case {
    id: u32,
    covers: String,
    text: String,
    expected: Vec<String>,
}

#[test]
fn french_news_cases() {
    let path = common::project_file("tests/fixtures/segment/fr_news.jsonl");
    let segmenter = Segmenter::builtin(&Language::french());
    let mut failures = Vec::new();
    let mut total = 0;
    for line in std::fs::read_to_string(path).unwrap().lines().filter(|l| !l.trim().is_empty()) {
        let case: Case = serde_json::from_str(line).unwrap();
        total += 1;
        let got: Vec<&str> = segmenter.sentences(&case.text).iter().map(|s| s.text(&case.text)).collect();
        if got != case.expected {
            failures
                .push(format!("#{} {}:\n   expected {:?}\n   got      {got:?}", case.id, case.covers, case.expected));
        }
    }
    println!("fr_news.jsonl: {}/{total}", total - failures.len());
    assert!(total >= 60, "the set should hold at least 60 cases, has {total}");
    assert!(failures.is_empty(), "{} of {total} failed:\n{}", failures.len(), failures.join("\n"));
}

//! The five French articles in ../shared/corpus/fr: no sentence broken after "M." or inside a number such
//! as "9,5", and no two sentences merged across a full stop followed by a capital.

mod common;

use regex::Regex;
use trame::Language;
use trame::segment::Segmenter;

/// Tokens whose full stop may be followed by a capital inside one sentence.
const ALLOWED_BEFORE_CAPITAL: &[&str] = &["M", "MM", "Mme", "Dr", "St", "J", "J.-C"];

#[test]
fn french_articles() {
    let Some(dir) = common::shared("corpus/fr") else { return };
    let segmenter = Segmenter::builtin(&Language::french());
    let title_end = Regex::new(r"(?:^|\s)(?:M|MM|Mme|Dr)\.$").unwrap();
    let merged = Regex::new(r#"(\S+)\.\s+["«“]?\s*\p{Lu}"#).unwrap();
    let titles = Regex::new(r"(?:^|\s)(?:M|MM|Mme|Dr)\.\s").unwrap();
    let decimals = Regex::new(r"\d[,.]\d").unwrap();
    let mut problems = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let sentences = segmenter.sentences(&text);
        let mut spots = 0;
        for pair in sentences.windows(2) {
            let (before, after) = (pair[0].text(&text), pair[1].text(&text));
            if title_end.is_match(before) {
                problems.push(format!("{name}: broken after a title: {before:?} | {after:?}"));
            }
            let tail: String = before.chars().rev().take(2).collect::<Vec<_>>().into_iter().rev().collect();
            let around = format!("{tail}{}", after.chars().next().unwrap_or(' '));
            if decimals.is_match(&around) {
                problems.push(format!("{name}: broken inside a number: {before:?} | {after:?}"));
            }
        }
        for sentence in &sentences {
            for found in merged.captures_iter(sentence.text(&text)) {
                spots += 1;
                let token = found[1].trim_start_matches(['(', '«', '"', '“']);
                if !ALLOWED_BEFORE_CAPITAL.contains(&token) {
                    problems.push(format!("{name}: merged across a full stop: {:?}", sentence.text(&text)));
                }
            }
        }
        println!(
            "{name}: {} sentences; checked {} title abbreviations, {} numbers with a decimal sign, {} full stops \
             followed by a capital inside a sentence",
            sentences.len(),
            titles.find_iter(&text).count(),
            decimals.find_iter(&text).count(),
            spots,
        );
    }
    assert_eq!(files.len(), 5, "expected the five French articles");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

//! Rebuilding the term base from the corpus finds the shipped glossary's variant groups, and merges no
//! look-alikes.
//!
//! A variant group is a shipped concept with two spellings or more in one language that the corpus holds
//! (Loukachenko, Lukachenko, Lukashenko, Alexandre Loukachenko...). The build, which knows nothing of
//! these articles, must put the spellings it finds of each group into one concept. And no concept it builds
//! may deprecate a spelling that differs only by case or accents, nor join an inflection or a look-alike
//! (a plural, a feminine, another given name) to a preferred form.

mod common;

use common::run::{stderr, trame};
use std::collections::BTreeMap;
use trame::termbase::{Kind, Status, TermBase, look_alikes, loose_key, name_key, read};

/// Where `text` holds `form` as whole words (byte ranges).
fn occurrences(text: &str, form: &str) -> Vec<(usize, usize)> {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-');
    text.match_indices(form)
        .filter(|(at, _)| !word(text[..*at].chars().next_back()) && !word(text[at + form.len()..].chars().next()))
        .map(|(at, _)| (at, at + form.len()))
        .collect()
}

/// Whether `form` occurs in `text` other than inside one of `longer` (Peskov inside Dmitri Peskov).
fn stands_alone(text: &str, form: &str, longer: &[&str]) -> bool {
    let inside: Vec<(usize, usize)> =
        longer.iter().filter(|l| l.len() > form.len() && l.contains(form)).flat_map(|l| occurrences(text, l)).collect();
    occurrences(text, form).iter().any(|&(a, b)| !inside.iter().any(|&(x, y)| x <= a && b <= y))
}

/// Whether two spellings are related by their letters (one name spelled two ways, a full form, glued
/// words, a letter confused), as opposed to synonyms or translations, which no build finds by spelling.
fn spelling_related(a: &str, b: &str) -> bool {
    let compact = |s: &str| trame::fold::fold(s).chars().filter(|c| c.is_alphanumeric()).collect::<String>();
    let (ca, cb) = (compact(a), compact(b));
    name_key(a) == name_key(b)
        || loose_key(a) == loose_key(b)
        || ca.ends_with(&cb)
        || cb.ends_with(&ca)
        || strsim::levenshtein(&ca, &cb) <= 1
}

fn build_from_corpus(dir: &std::path::Path) -> Option<TermBase> {
    let corpus = common::shared("corpus")?;
    let path = |p: &std::path::Path| p.to_str().unwrap().to_string();
    let mut fr: Vec<String> = std::fs::read_dir(corpus.join("fr")).unwrap().map(|e| path(&e.unwrap().path())).collect();
    fr.sort();
    let en_moa = path(&corpus.join("en/moa-2022-12-21-western-border.txt"));
    let en_2020 = path(&corpus.join("en/moa-2020-08-26-color-revolution-failed.txt"));
    let tmx = path(&dir.join("moa.tmx"));
    let out = trame(&["align", &fr[0], &en_moa, "-s", "fr", "-t", "en", "-o", &tmx], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let built = dir.join("built");
    let mut args: Vec<String> = vec!["terms".into(), "build".into(), tmx];
    args.extend(fr);
    args.extend(["--lang", "fr", "--context", "location"].map(String::from));
    args.extend(["--text".to_string(), format!("en:{en_2020}"), "--text".to_string(), format!("en:{en_moa}")]);
    args.extend(["-o".to_string(), format!("{}/", path(&built))]);
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = trame(&refs, b"");
    assert!(out.status.success(), "{}", stderr(&out));
    Some(read(&built).unwrap())
}

fn corpus_text(language: &str) -> String {
    let Some(corpus) = common::shared("corpus") else { return String::new() };
    let mut text = String::new();
    for entry in std::fs::read_dir(corpus.join(language)).unwrap() {
        text.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
        text.push('\n');
    }
    text
}

#[test]
fn rebuild_finds_every_variant_group_of_the_articles() {
    let dir = tempfile::tempdir().unwrap();
    let Some(built) = build_from_corpus(dir.path()) else { return };
    let shipped = read(&common::project_file("glossary")).unwrap();
    let texts: BTreeMap<&str, String> = [("fr", corpus_text("fr")), ("en", corpus_text("en"))].into();
    // Which built concept holds each (language, form).
    let mut home: BTreeMap<(String, String), String> = BTreeMap::new();
    for concept in &built.concepts {
        for (language, term) in concept.terms() {
            home.insert((language.to_string(), term.form.clone()), concept.id.clone());
        }
    }
    let mut problems = Vec::new();
    let mut groups = 0;
    for concept in &shipped.concepts {
        for (language, terms) in &concept.languages {
            let Some(text) = texts.get(language.as_str()) else { continue };
            let forms: Vec<&str> = terms.all().map(|t| t.form.as_str()).collect();
            let in_corpus: Vec<&str> = forms.iter().copied().filter(|f| stands_alone(text, f, &forms)).collect();
            // Groups of spellings related by their letters.
            let mut group_of: Vec<usize> = (0..in_corpus.len()).collect();
            for i in 0..in_corpus.len() {
                for j in 0..i {
                    if spelling_related(in_corpus[i], in_corpus[j]) {
                        let (gi, gj) = (group_of[i], group_of[j]);
                        group_of.iter_mut().filter(|g| **g == gi).for_each(|g| *g = gj);
                    }
                }
            }
            let mut members: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
            for (k, form) in in_corpus.iter().enumerate() {
                members.entry(group_of[k]).or_default().push(form);
            }
            for group in members.values().filter(|m| m.len() >= 2) {
                groups += 1;
                let homes: Vec<Option<&String>> =
                    group.iter().map(|f| home.get(&(language.clone(), f.to_string()))).collect();
                if homes.iter().any(|h| h.is_none() || *h != homes[0]) {
                    let found: Vec<String> = group.iter().zip(&homes).map(|(f, h)| format!("{f} → {h:?}")).collect();
                    problems.push(format!("{} ({language}): {}", concept.id, found.join(", ")));
                } else {
                    println!("found together: {} ({language}): {}", concept.id, group.join(", "));
                }
            }
        }
    }
    println!("{groups} variant groups in the articles; {} not found whole", problems.len());
    assert!(groups >= 5, "only {groups} variant groups");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn rebuild_merges_no_case_only_inflection_or_look_alike() {
    let dir = tempfile::tempdir().unwrap();
    let Some(built) = build_from_corpus(dir.path()) else { return };
    let letters = |s: &str| trame::fold::fold(s).chars().filter(|c| c.is_alphanumeric()).collect::<String>();
    let mut problems = Vec::new();
    for concept in &built.concepts {
        for (language, terms) in &concept.languages {
            let preferred = &terms.preferred.form;
            for variant in &terms.variants {
                if variant.status == Status::Deprecated && letters(&variant.form) == letters(preferred) {
                    problems
                        .push(format!("{}: {language} {} deprecated for case or accents", concept.id, variant.form));
                }
                let related = matches!(variant.kind, Kind::FullForm | Kind::ShortForm);
                if !related && look_alikes(&variant.form, preferred) {
                    problems
                        .push(format!("{}: {language} {} is a look-alike of {preferred}", concept.id, variant.form));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

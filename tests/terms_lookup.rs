//! `trame lookup` on the shipped glossary: spellings of Lukashenko find him first; other names in the
//! corpus find their concepts; look-alikes (Putina, Lukashevich) match only fuzzily, under 0.9, if at all.

mod common;

use common::run::{stderr, stdout, trame};
use serde_json::Value;

fn lookup(query: &str) -> (Option<i32>, Value) {
    let out = trame(&["lookup", query, "--glossary", "glossary", "--format", "json"], b"");
    assert!(out.status.code().is_some_and(|c| c <= 1), "{}", stderr(&out));
    (out.status.code(), serde_json::from_str(&stdout(&out)).unwrap())
}

#[test]
fn spellings_of_lukashenko() {
    for query in ["Lukachenko", "Loukachenka", "Lukaschenko", "lukashenko", "LOUKACHENKO"] {
        let (code, report) = lookup(query);
        assert_eq!(code, Some(0), "{query}");
        let first = &report["matches"][0];
        assert_eq!(first["preferred"]["fr"], "Loukachenko", "{query}: {report}");
        assert_eq!(first["preferred"]["en"], "Lukashenko", "{query}: {report}");
        println!("{query}: {} {} via {}", first["match"], first["score"], first["matched_term"]);
    }
}

#[test]
fn other_names_find_their_concepts() {
    for (query, concept) in [
        ("Podolyak", "podolyak"),
        ("Schraibman", "shraibman"),
        ("Kieu", "kyiv"),
        ("Vladimirpoutine", "putin"),
        ("Choigou", "shoigu"),
    ] {
        let (code, report) = lookup(query);
        assert_eq!(code, Some(0), "{query}");
        assert_eq!(report["matches"][0]["concept"], concept, "{query}: {report}");
        println!("{query}: {} {}", report["matches"][0]["match"], report["matches"][0]["score"]);
    }
    let (_, kieu) = lookup("Kieu");
    assert_eq!(kieu["matches"][0]["status"], "error");
}

#[test]
fn look_alikes_only_fuzzy() {
    for query in ["Putina", "Lukashevich"] {
        let (code, report) = lookup(query);
        let matches = report["matches"].as_array().unwrap();
        for m in matches.iter().filter(|m| m["concept"] == "putin" || m["concept"] == "lukashenko") {
            assert_eq!(m["match"], "fuzzy", "{query}: {m}");
            assert!(m["score"].as_f64().unwrap() < 0.9, "{query}: {m}");
        }
        println!("{query}: exit {code:?}, {} matches", matches.len());
    }
}

#[test]
fn nothing_found_exits_1() {
    let (code, report) = lookup("Xyzzyplugh");
    assert_eq!(code, Some(1));
    assert_eq!(report["matches"].as_array().unwrap().len(), 0);
}

#[test]
fn builtin_term_base_without_glossary() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_trame"))
        .args(["lookup", "Loukachenko"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("lukashenko\texact"));
}

//! `trame align` as a user runs it: every output format on the project's example, the TMX checked
//! against the TMX 1.4 DTD and read back by translate-toolkit, the review page rendered by headless
//! Chromium, and bad input refused without partial output.

mod common;

use common::run::{stderr, stdout, trame};
use common::tools;
use std::process::Command;

const FR: &str = "examples/night-train.fr.txt";
const EN: &str = "examples/night-train.en.txt";

fn align(format: &str) -> String {
    let out = trame(&["align", FR, EN, "-s", "fr", "-t", "en", "--format", format], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

#[test]
fn example_as_tsv() {
    let tsv = align("tsv");
    let rows: Vec<Vec<&str>> = tsv.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 14);
    assert!(rows.iter().all(|r| r.len() == 3 && !r[0].is_empty() && !r[1].is_empty()));
    assert_eq!(rows[3][0], "La ligne a coûté 9,5 millions d'euros, dont 3,2 millions apportés par la région.");
    assert_eq!(rows[3][1], "The line cost 9.5 million euros, of which the region contributed 3.2 million.");
    // The two French sentences that one English sentence translates form one link.
    assert_eq!(rows[8][0], "Le billet le moins cher coûte 49,90 €. Il reste valable un mois.");
    for row in &rows {
        let confidence: f32 = row[2].parse().unwrap();
        assert!((0.0..=1.0).contains(&confidence));
    }
}

#[test]
fn example_as_beads_and_jsonl() {
    let beads = align("beads");
    assert!(beads.starts_with("[0]:[0]\n[1]:[1]\n"));
    assert!(beads.contains("\n[8, 9]:[8]\n"), "{beads}");
    let jsonl = align("jsonl");
    let first: serde_json::Value = serde_json::from_str(jsonl.lines().next().unwrap()).unwrap();
    assert_eq!(first["source_lines"], serde_json::json!([0]));
    assert_eq!(first["source_range"], serde_json::json!([0, 53]));
    assert_eq!(first["target"], "The return of the night train between Strasbourg and Vienna");
    assert!(first["confidence"].as_f64().unwrap() > 0.5);
}

#[test]
fn tmx_is_valid_and_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("night-train.tmx");
    let out = trame(&["align", FR, EN, "-s", "fr", "-t", "en", "-o", path.to_str().unwrap()], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let xml = std::fs::read_to_string(&path).unwrap();
    for needle in [
        "creationtool=\"trame\"",
        "segtype=\"sentence\"",
        "o-tmf=\"trame\"",
        "srclang=\"fr\"",
        "datatype=\"plaintext\"",
        "creationdate=\"20261122T090000Z\"",
        "<prop type=\"x-confidence\">",
        "<prop type=\"x-source-file\">night-train.fr.txt</prop>",
    ] {
        assert!(xml.contains(needle), "{needle} missing");
    }
    assert_eq!(xml.matches("<tu ").count(), 14);
    if let Some(result) = tools::validate(&[&path]) {
        result.unwrap();
    }
    if let Some(python) = tools::translate_toolkit_python() {
        let script = common::project_file("tests/tools/tmx_pairs.py");
        let read = Command::new(python).arg(script).arg(&path).output().unwrap();
        assert!(read.status.success(), "{}", String::from_utf8_lossy(&read.stderr));
        let pairs: Vec<(String, String)> = serde_json::from_slice(&read.stdout).unwrap();
        let expected: Vec<(String, String)> = align("tsv")
            .lines()
            .map(|l| {
                let mut cols = l.split('\t');
                (cols.next().unwrap().to_string(), cols.next().unwrap().to_string())
            })
            .collect();
        assert_eq!(pairs, expected);
    }
}

#[test]
fn review_page_renders() {
    let Some(browser) = tools::chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("review.html");
    let out = trame(&["align", FR, EN, "-s", "fr", "-t", "en", "--format", "html", "-o", page.to_str().unwrap()], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(!html.contains("http://") && !html.contains("https://"), "the page is self-contained");
    let dom = tools::rendered_dom(&browser, &page);
    assert!(dom.contains("<div id=\"links\"><b>14</b>links</div>"), "{dom}");
    assert!(dom.contains("<div id=\"one-to-one\"><b>13</b>"), "{dom}");
    assert_eq!(dom.matches("<tr class=").count(), 14);
    assert!(dom.contains("Tkatchenko"));
}

#[test]
fn glossary_as_dictionary() {
    let out = trame(&["align", FR, EN, "-s", "fr", "-t", "en", "--glossary", "glossary", "--format", "beads"], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 14);
    let missing = trame(&["align", FR, EN, "-s", "fr", "-t", "en", "--glossary", "no-such.toml"], b"");
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn unaligned_sentences_in_every_format_but_tmx() {
    let dir = tempfile::tempdir().unwrap();
    let fr = dir.path().join("fr.txt");
    let en = dir.path().join("en.txt");
    std::fs::write(&fr, "Le Belarus compte 9,5 millions d'habitants. Minsk est sa capitale.\n\nLa suite n'est pas traduite. Elle parle d'autre chose encore.").unwrap();
    std::fs::write(&en, "Belarus has 9.5 million inhabitants. Minsk is its capital.").unwrap();
    let (fr, en) = (fr.to_str().unwrap(), en.to_str().unwrap());
    let beads = trame(&["align", fr, en, "-s", "fr", "-t", "en", "--format", "beads"], b"");
    assert_eq!(stdout(&beads), "[0]:[0]\n[1]:[1]\n[2]:[]\n[3]:[]\n");
    let tmx = trame(&["align", fr, en, "-s", "fr", "-t", "en"], b"");
    assert_eq!(stdout(&tmx).matches("<tu ").count(), 2);
    let tsv = trame(&["align", fr, en, "-s", "fr", "-t", "en", "--format", "tsv"], b"");
    assert!(stdout(&tsv).lines().nth(2).unwrap().starts_with("La suite n'est pas traduite.\t\t"));
}

#[test]
fn bad_input_is_refused_without_output() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "  \n\n").unwrap();
    let binary = dir.path().join("image.png");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let target = dir.path().join("out.tmx");
    let out_path = target.to_str().unwrap();
    let cases: [(&[&str], &str); 4] = [
        (&["align", FR, empty.to_str().unwrap(), "-s", "fr", "-t", "en", "-o", out_path], "no text to align"),
        (&["align", binary.to_str().unwrap(), EN, "-s", "fr", "-t", "en", "-o", out_path], "not a text file"),
        (&["align", FR, EN, "-s", "french", "-t", "en", "-o", out_path], "not a language code"),
        (&["align", FR, "missing.txt", "-s", "fr", "-t", "en", "-o", out_path], "missing.txt"),
    ];
    for (args, message) in cases {
        let out = trame(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains(message), "{args:?}: {}", stderr(&out));
        assert!(!target.exists(), "no output is written for {args:?}");
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2, "no temporary file is left");
}

#[test]
fn swapped_or_mislabelled_languages_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("out.tmx");
    let out_arg = out_path.to_str().unwrap();
    for (source, target, source_lang, target_lang, file, seen) in [
        (EN, FR, "fr", "en", EN, "English"),
        (FR, FR, "fr", "fr", FR, ""),
        (EN, EN, "fr", "en", EN, "English"),
        (FR, EN, "fr", "fr", EN, "English"),
        (FR, EN, "de", "en", FR, "French"),
    ] {
        let out = trame(&["align", source, target, "-s", source_lang, "-t", target_lang, "-o", out_arg], b"");
        let message = stderr(&out);
        if seen.is_empty() {
            // -s fr -t fr on two French texts: each side is what it says.
            assert!(out.status.success(), "{message}");
            std::fs::remove_file(&out_path).unwrap();
            continue;
        }
        assert_eq!(out.status.code(), Some(2), "{source} {target} -s {source_lang} -t {target_lang}: {message}");
        assert!(message.contains(file) && message.contains(&format!("looks {seen}")), "{message}");
        assert!(message.contains("--no-language-check"), "{message}");
        assert!(!out_path.exists(), "no output after a refusal");
    }
    let out = trame(&["align", EN, FR, "-s", "fr", "-t", "en", "--no-language-check", "-o", out_arg], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out_path.exists());
}

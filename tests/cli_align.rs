//! `trame align` as a user runs it: every output format on the project's example, the TMX checked
//! against the TMX 1.4 DTD and read back by translate-toolkit, the review page rendered by headless
//! Chromium, corrections made on that page (merge, split, marks, downloads) rebuilt by `--from-review`,
//! and bad input refused without partial output.

mod common;

use common::run::{stderr, stdout, trame};
use common::tools;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
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
fn the_builtin_dictionary_backs_the_links_and_can_be_turned_off() {
    let tsv = |extra: &[&str]| {
        let mut args = vec!["align", FR, EN, "-s", "fr", "-t", "en", "--format", "tsv"];
        args.extend(extra);
        let out = trame(&args, b"");
        assert!(out.status.success(), "{}", stderr(&out));
        let rows: Vec<(String, f32)> = stdout(&out)
            .lines()
            .map(|l| {
                let (pair, confidence) = l.rsplit_once('\t').unwrap();
                (pair.to_string(), confidence.parse().unwrap())
            })
            .collect();
        rows
    };
    let (with, without) = (tsv(&[]), tsv(&["--no-builtin-dictionary"]));
    // The same links; the words the dictionary knows (billet ~ ticket, coûte ~ costs, mois ~ month)
    // make the example's least sure link, two French sentences for one English, surer.
    let pairs = |rows: &[(String, f32)]| rows.iter().map(|r| r.0.clone()).collect::<Vec<_>>();
    assert_eq!(pairs(&with), pairs(&without));
    assert!(with[8].0.starts_with("Le billet le moins cher"));
    assert!(with[8].1 > without[8].1 + 0.05, "{} against {}", with[8].1, without[8].1);
    let out = trame(&["align", "--from-review", "x.json", "--no-builtin-dictionary"], b"");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
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

/// Writes the review page of the example into `dir`.
fn review_page(dir: &Path) -> PathBuf {
    let page = dir.join("review.html");
    let out = trame(&["align", FR, EN, "-s", "fr", "-t", "en", "--format", "html", "-o", page.to_str().unwrap()], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    page
}

/// Runs the page's test scenario (`#test=...`) in headless Chromium: each step must be done, and the
/// files the page downloaded are returned by name.
fn run_scenario(browser: &Path, page: &Path, steps: &str) -> BTreeMap<String, String> {
    let dom = tools::rendered_dom_at(browser, page, &format!("#test={steps}"));
    let log = between(&dom, "<pre id=\"test-log\" hidden=\"\">", "</pre>").expect("the scenario ran");
    assert_eq!(log.lines().count(), steps.split(',').count(), "{log}");
    assert!(log.lines().all(|l| l.ends_with(" done")), "{log}");
    let mut files = BTreeMap::new();
    let mut rest = dom.as_str();
    while let Some(at) = rest.find("<pre data-name=\"") {
        rest = &rest[at + "<pre data-name=\"".len()..];
        let name = &rest[..rest.find('"').unwrap()];
        let hex = between(rest, ">", "</pre>").unwrap();
        let bytes: Vec<u8> =
            (0..hex.len()).step_by(2).map(|k| u8::from_str_radix(&hex[k..k + 2], 16).unwrap()).collect();
        files.insert(name.to_string(), String::from_utf8(bytes).unwrap());
    }
    files
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = text.find(start)? + start.len();
    Some(&text[from..from + text[from..].find(end)?])
}

/// The decisions a review page starts from, as embedded in it.
fn embedded_review(page: &Path) -> serde_json::Value {
    let html = std::fs::read_to_string(page).unwrap();
    let json = between(&html, "<script type=\"application/json\" id=\"review-data\">", "</script>").unwrap();
    serde_json::from_str(json).unwrap()
}

fn from_review(json: &Path, format: &str) -> std::process::Output {
    trame(&["align", "--from-review", json.to_str().unwrap(), "--format", format], b"")
}

#[test]
fn corrections_on_the_review_page_download_as_tmx_and_rebuild_from_the_decisions() {
    let Some(browser) = tools::chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let page = review_page(dir.path());
    // Bead 3 and 4 become one link; bead 8 ([8, 9]:[8] after the merge) loses its last French sentence,
    // which becomes unaligned; the title link is marked wrong; a move is made and undone.
    let files = run_scenario(
        &browser,
        &page,
        "merge:3,split:8:source:last,mark:1:wrong,move:10:target:up,undo,download:tmx,download:tsv,download:json",
    );
    let names: Vec<&String> = files.keys().collect();
    assert_eq!(names, ["night-train.fr.review.json", "night-train.fr.review.tmx", "night-train.fr.review.tsv"]);
    let tmx = &files["night-train.fr.review.tmx"];
    assert!(tmx.contains("srclang=\"fr\" datatype=\"plaintext\" creationdate=\"20261122T090000Z\"/>"), "{tmx}");
    assert_eq!(tmx.matches("<tu ").count(), 12, "14 links, one merged, one wrong: {tmx}");
    assert!(!tmx.contains("Le retour du train de nuit"), "the link marked wrong is left out");
    assert!(tmx.contains(
        "<prop type=\"x-confidence\">1.000</prop>\n      <prop type=\"x-source-file\">night-train.fr.txt</prop>\n      \
         <prop type=\"x-target-file\">night-train.en.txt</prop>\n      <prop type=\"x-reviewed\">right</prop>\n      \
         <tuv xml:lang=\"fr\"><seg>Il doit parcourir 1 084 km avant d'atteindre Vienne, en Autriche, le lendemain matin. \
         La ligne a coûté"
    ));
    assert!(tmx.contains("<seg>Le billet le moins cher coûte 49,90 €.</seg></tuv>\n      <tuv xml:lang=\"en\">"));
    assert!(!tmx.contains("Il reste valable un mois."), "an unaligned sentence is no unit");
    assert_eq!(tmx.matches("x-reviewed").count(), 2);
    let tsv = &files["night-train.fr.review.tsv"];
    assert_eq!(tsv.lines().count(), 13, "{tsv}");
    assert!(tsv.contains("\nIl reste valable un mois.\t\t1.000\n"), "{tsv}");
    let json = &files["night-train.fr.review.json"];
    let review: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(review["beads"].as_array().unwrap().len(), 14);
    assert_eq!(review["beads"][0]["state"], "wrong");
    assert_eq!(review["beads"][2]["source"], serde_json::json!([2, 3]));
    assert_eq!(review["beads"][8], serde_json::json!({"source": [9], "target": [], "confidence": 1, "state": "right"}));
    assert_eq!(review["beads"][9]["target"], serde_json::json!([9]), "the move was undone");

    let saved = dir.path().join("night-train.fr.review.json");
    std::fs::write(&saved, json).unwrap();
    let downloaded = dir.path().join("downloaded.tmx");
    std::fs::write(&downloaded, tmx).unwrap();
    let rebuilt = dir.path().join("rebuilt.tmx");
    let out = trame(&["align", "--from-review", saved.to_str().unwrap(), "-o", rebuilt.to_str().unwrap()], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(&std::fs::read_to_string(&rebuilt).unwrap(), tmx, "--from-review writes the TMX the page downloads");
    assert_eq!(&stdout(&from_review(&saved, "tsv")), tsv);
    if let Some(result) = tools::validate(&[&downloaded, &rebuilt]) {
        result.unwrap();
    }
}

#[test]
fn an_unedited_review_page_downloads_the_aligners_tmx() {
    let Some(browser) = tools::chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let page = review_page(dir.path());
    let files = run_scenario(&browser, &page, "download:tmx,download:tsv");
    assert_eq!(files["night-train.fr.review.tmx"], align("tmx"));
    assert_eq!(files["night-train.fr.review.tsv"], align("tsv"));
}

#[test]
fn from_review_rebuilds_without_aligning_and_refuses_bad_decisions() {
    let dir = tempfile::tempdir().unwrap();
    let page = review_page(dir.path());
    let mut review = embedded_review(&page);
    assert_eq!(review["format"], "trame-review");
    assert_eq!(review["source"]["sentences"][0], "Le retour du train de nuit entre Strasbourg et Vienne");
    let json = dir.path().join("decisions.json");
    std::fs::write(&json, review.to_string()).unwrap();
    for format in ["tmx", "tsv", "beads"] {
        let out = from_review(&json, format);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(stdout(&out), align(format), "--from-review on the page's own decisions, as {format}");
    }
    let page_again = from_review(&json, "html");
    assert!(stdout(&page_again).contains("\"format\":\"trame-review\""));

    review["beads"][1]["state"] = "wrong".into();
    review["beads"][2]["state"] = "right".into();
    std::fs::write(&json, review.to_string()).unwrap();
    let tmx = stdout(&from_review(&json, "tmx"));
    assert_eq!(tmx.matches("<tu ").count(), 13);
    assert!(!tmx.contains("Le premier train de nuit depuis 2016"));
    assert_eq!(tmx.matches("<prop type=\"x-reviewed\">right</prop>").count(), 1);
    let jsonl = stdout(&from_review(&json, "jsonl"));
    assert!(jsonl.lines().nth(1).unwrap().contains("\"state\":\"wrong\""), "{jsonl}");

    let mut gap = review.clone();
    gap["beads"].as_array_mut().unwrap().remove(4);
    let mut broken = review.clone();
    broken["source"]["language"] = "french".into();
    let cases = [
        (gap.to_string(), "bead 5: source sentence 5 where sentence 4 comes next"),
        (broken.to_string(), "source language \"french\" is not a language code"),
        ("{\"format\": \"trame-review\"".to_string(), "not a review file"),
        ("[1, 2]".to_string(), "not a review file"),
    ];
    for (text, message) in cases {
        std::fs::write(&json, &text).unwrap();
        let out = from_review(&json, "tmx");
        assert_eq!(out.status.code(), Some(2), "{text}");
        let error = stderr(&out);
        assert!(error.contains("decisions.json: ") && error.contains(message), "{error}");
        assert!(stdout(&out).is_empty());
    }
    let mixed = trame(&["align", FR, EN, "-s", "fr", "-t", "en", "--from-review", json.to_str().unwrap()], b"");
    assert_eq!(mixed.status.code(), Some(2));
    let missing = trame(&["align", "--from-review", "no-such.json"], b"");
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("no-such.json"));
}

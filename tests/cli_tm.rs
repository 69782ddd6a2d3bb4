//! `trame tm` as a user runs it: import, stats, search, export, `align --into-tm`, the default memory,
//! readers during an import, and the refusals that must leave the memory as it was.

mod common;

use common::run::{stderr, stdout, trame};
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Stdio};

fn tm(memory: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["tm"];
    all.extend_from_slice(&args[..1]);
    all.extend_from_slice(&["--tm", memory.to_str().unwrap()]);
    all.extend_from_slice(&args[1..]);
    trame(&all, b"")
}

fn units(memory: &Path) -> u64 {
    let out = tm(memory, &["stats", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str::<Value>(&stdout(&out)).unwrap()["units"].as_u64().unwrap()
}

/// A TMX file of `count` French-English units, the French numbered so that each unit is its own.
fn generated_tmx(count: usize) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header creationtool=\"test\" \
         creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"test\" adminlang=\"en\" srclang=\"fr-FR\" \
         datatype=\"plaintext\"/><body>\n",
    );
    for k in 0..count {
        xml.push_str(&format!(
            "<tu tuid=\"{k}\"><tuv xml:lang=\"fr-FR\"><seg>Le train de nuit numéro {k} part de Strasbourg à 21 h 40.</seg></tuv>\
             <tuv xml:lang=\"en-GB\"><seg>Night train number {k} leaves Strasbourg at 9.40 p.m.</seg></tuv></tu>\n"
        ));
    }
    xml.push_str("</body></tmx>\n");
    xml
}

fn aligned_memory(dir: &Path) -> std::path::PathBuf {
    let memory = dir.join("tm.sqlite");
    let out = trame(
        &[
            "align",
            "examples/night-train.fr.txt",
            "examples/night-train.en.txt",
            "-s",
            "fr",
            "-t",
            "en",
            "--into-tm",
            memory.to_str().unwrap(),
        ],
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "", "with --into-tm and no -o, the alignment goes to the memory only");
    assert!(stderr(&out).contains(" links added to "), "{}", stderr(&out));
    memory
}

#[test]
fn align_into_a_memory_then_search() {
    let dir = tempfile::tempdir().unwrap();
    let memory = aligned_memory(dir.path());
    assert_eq!(units(&memory), 14);
    // A sentence of the example with one word changed.
    let query = "Le premier train de nuit depuis 2016 a quitté la gare de Strasbourg mardi soir, à 21 h 40.";
    let out = tm(&memory, &["search", query, "-s", "fr", "-t", "en", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let found: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(found["query"], query);
    let best = &found["matches"][0];
    let mut keys: Vec<&str> = best.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(keys, ["changed", "origin", "score", "source", "target"]);
    // Three letters of about ninety differ (lundi / mardi): 96.
    assert_eq!(best["score"], 96);
    assert_eq!(
        best["target"],
        "The first night train since 2016 left Strasbourg station on Monday evening at 9:40 p.m."
    );
    assert_eq!(best["origin"], "alignment of night-train.fr.txt and night-train.en.txt");
    assert_eq!(
        best["changed"],
        "Le premier train de nuit depuis 2016 a quitté la gare de Strasbourg [-lundi-]{+mardi+} soir, à 21 h 40."
    );
    // Nothing close enough: exit 1.
    let none = tm(
        &memory,
        &["search", "Une phrase sans rapport aucun avec le texte.", "-s", "fr", "-t", "en", "--min-score", "90"],
    );
    assert_eq!(none.status.code(), Some(1));
    // The same alignment again is merged, not doubled.
    aligned_memory(dir.path());
    assert_eq!(units(&memory), 14);
    let out = tm(&memory, &["search", query, "-s", "fr", "-t", "en", "--format", "json"]);
    assert!(stdout(&out).contains("\"score\":96"), "{}", stdout(&out));
}

#[test]
fn regions_fall_back_and_export_picks_the_pair() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("units.tmx");
    std::fs::write(&file, generated_tmx(30)).unwrap();
    let memory = dir.path().join("tm.sqlite");
    let out = tm(&memory, &["import", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("30 units added, 0 already there"), "{}", stdout(&out));
    for (source, target) in [("fr", "en"), ("FR_fr", "en-US"), ("fr-CA", "EN")] {
        let out = tm(
            &memory,
            &[
                "search",
                "Le train de nuit numéro 7 part de Strasbourg à 21 h 40.",
                "-s",
                source,
                "-t",
                target,
                "--format",
                "json",
            ],
        );
        let found: Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(found["matches"][0]["score"], 100, "{source} {target}");
        assert_eq!(found["matches"][0]["target"], "Night train number 7 leaves Strasbourg at 9.40 p.m.");
    }
    let exported = dir.path().join("fr-en.tmx");
    let out = tm(&memory, &["export", "--source-lang", "fr", "--target-lang", "en", "-o", exported.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let xml = std::fs::read_to_string(&exported).unwrap();
    assert_eq!(xml.matches("<tu ").count(), 30);
    assert!(xml.contains("srclang=\"fr\""));
    let none = dir.path().join("de.tmx");
    tm(&memory, &["export", "--source-lang", "de", "--target-lang", "en", "-o", none.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&none).unwrap().matches("<tu ").count(), 0);
    if let Some(result) = common::tools::validate(&[&exported]) {
        result.unwrap();
    }
}

#[test]
fn the_default_memory_is_in_the_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("units.tmx");
    std::fs::write(&file, generated_tmx(3)).unwrap();
    let run = |args: &[&str], env: (&str, &Path)| {
        Command::new(env!("CARGO_BIN_EXE_trame")).args(args).env_remove("TRAME_TM").env(env.0, env.1).output().unwrap()
    };
    let data = dir.path().join("data");
    let out = run(&["tm", "import", file.to_str().unwrap()], ("XDG_DATA_HOME", &data));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(data.join("trame/memory.sqlite").is_file());
    let chosen = dir.path().join("chosen.sqlite");
    let out = run(&["tm", "import", file.to_str().unwrap()], ("TRAME_TM", &chosen));
    assert!(out.status.success());
    assert!(chosen.is_file(), "$TRAME_TM names the memory");
    let help = trame(&["tm", "search", "--help"], b"");
    assert!(stdout(&help).contains("~/.local/share"), "the help says where the memory is");
}

#[test]
fn bad_input_is_refused_and_the_memory_kept() {
    let dir = tempfile::tempdir().unwrap();
    let memory = aligned_memory(dir.path());
    let before = units(&memory);
    let good = generated_tmx(5);
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    let truncated = write("truncated.tmx", &good[..good.len() / 2]);
    let not_tmx = write("page.xml", "<?xml version=\"1.0\"?><html><body><p>Bonjour</p></body></html>");
    let not_xml = write("notes.tmx", "Bonjour, ceci n'est pas du XML.");
    for (file, message) in [
        (&truncated, "truncated.tmx:"),
        (&not_tmx, "page.xml: not a TMX file (root element <html>)"),
        (&not_xml, "notes.tmx: not a TMX file"),
    ] {
        // A good file first: the whole import is one transaction, so it is not kept either.
        let good_file = write("good.tmx", &good);
        let out = tm(&memory, &["import", good_file.to_str().unwrap(), file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains(message), "{message}: {}", stderr(&out));
        assert_eq!(units(&memory), before, "{message}: nothing changed");
    }
    // A broken unit is left out (named by line and column), the rest imported, and the exit status says so.
    let broken =
        write("broken.tmx", &good.replacen("<tu tuid=\"2\"><tuv xml:lang=\"fr-FR\">", "<tu tuid=\"2\"><tuv>", 1));
    let out = tm(&memory, &["import", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("broken.tmx:5:1: unit left out: a <tuv> without a language"), "{}", stderr(&out));
    assert_eq!(units(&memory), before + 4);
    // A memory file that is not a memory.
    let text = write("notes.sqlite", "Ceci est un fichier texte, pas une base de données SQLite du tout.");
    let out = tm(&text, &["stats"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("notes.sqlite: not a trame memory"), "{}", stderr(&out));
    let out = tm(&text, &["import", truncated.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(&text).unwrap(),
        "Ceci est un fichier texte, pas une base de données SQLite du tout."
    );
    let missing = dir.path().join("missing.sqlite");
    let out = tm(&missing, &["search", "Bonjour le monde", "-s", "fr", "-t", "en"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no memory here"), "{}", stderr(&out));
    assert!(!missing.exists(), "searching creates no memory");
}

#[test]
fn readers_work_while_an_import_writes() {
    let dir = tempfile::tempdir().unwrap();
    let memory = aligned_memory(dir.path());
    let file = dir.path().join("big.tmx");
    std::fs::write(&file, generated_tmx(20_000)).unwrap();
    let mut import = Command::new(env!("CARGO_BIN_EXE_trame"))
        .args(["tm", "import", file.to_str().unwrap(), "--tm", memory.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut reads = 0;
    while import.try_wait().unwrap().is_none() {
        let out = tm(
            &memory,
            &["search", "Le premier train de nuit depuis 2016", "-s", "fr", "-t", "en", "--min-score", "30"],
        );
        assert_eq!(out.status.code(), Some(0), "a search during the import: {}", stderr(&out));
        let count = units(&memory);
        assert!(count == 14 || count == 20_014, "{count}: before or after, never between");
        reads += 1;
    }
    assert!(import.wait().unwrap().success());
    assert_eq!(units(&memory), 20_014);
    assert!(reads > 0, "no read overlapped the import");
    println!("{reads} reads while the import ran");
}

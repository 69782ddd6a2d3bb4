//! `trame tm` as a user runs it: import, stats, search, export, `align --into-tm`, the default memory,
//! readers during an import, and the refusals that must leave the memory as it was.

mod common;

use common::memories::{is_postgres, memories, postgres_memory};
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

/// Aligns the example into `memory`.
fn aligned_memory(memory: &Path) {
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
}

#[test]
fn align_into_a_memory_then_search() {
    let dir = tempfile::tempdir().unwrap();
    for memory in memories(dir.path()) {
        aligned_memory(&memory);
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
        aligned_memory(&memory);
        assert_eq!(units(&memory), 14);
        let out = tm(&memory, &["search", query, "-s", "fr", "-t", "en", "--format", "json"]);
        assert!(stdout(&out).contains("\"score\":96"), "{}", stdout(&out));
    }
}

#[test]
fn regions_fall_back_and_export_picks_the_pair() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("units.tmx");
    std::fs::write(&file, generated_tmx(30)).unwrap();
    for memory in memories(dir.path()) {
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
        let exported = dir.path().join(if is_postgres(&memory) { "fr-en.pg.tmx" } else { "fr-en.tmx" });
        let out =
            tm(&memory, &["export", "--source-lang", "fr", "--target-lang", "en", "-o", exported.to_str().unwrap()]);
        assert!(out.status.success(), "{}", stderr(&out));
        let xml = std::fs::read_to_string(&exported).unwrap();
        assert_eq!(xml.matches("<tu ").count(), 30);
        assert!(xml.contains("srclang=\"fr\""));
        // A pair that selects nothing writes nothing and says so.
        let none = dir.path().join("de.tmx");
        let out = tm(&memory, &["export", "--source-lang", "de", "--target-lang", "en", "-o", none.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1));
        assert!(stderr(&out).contains("nothing to export: no unit has both de and en"), "{}", stderr(&out));
        assert!(!none.exists());
        if let Some(result) = common::tools::validate(&[&exported]) {
            result.unwrap();
        }
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
    // A PostgreSQL URL in $TRAME_TM names a shared memory.
    if let Some(shared) = postgres_memory() {
        assert!(is_postgres(&shared));
        let out = run(&["tm", "import", file.to_str().unwrap()], ("TRAME_TM", &shared));
        let said = String::from_utf8_lossy(&out.stdout).to_string();
        assert!(said.ends_with(&format!("into {}\n", shared.display())), "{said}");
        let out = run(&["tm", "stats"], ("TRAME_TM", &shared));
        assert!(String::from_utf8_lossy(&out.stdout).starts_with("units: 3\n"));
    }
    let help = trame(&["tm", "search", "--help"], b"");
    assert!(stdout(&help).contains("~/.local/share"), "the help says where the memory is");
}

#[test]
fn bad_input_is_refused_and_the_memory_kept() {
    let dir = tempfile::tempdir().unwrap();
    let good = generated_tmx(5);
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    let truncated = write("truncated.tmx", &good[..good.len() / 2]);
    let not_tmx = write("page.xml", "<?xml version=\"1.0\"?><html><body><p>Bonjour</p></body></html>");
    let not_xml = write("notes.tmx", "Bonjour, ceci n'est pas du XML.");
    for memory in memories(dir.path()) {
        aligned_memory(&memory);
        let before = units(&memory);
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
    }
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
    // A PostgreSQL database without a memory's tables, and a server that does not answer.
    if let Some(empty) = postgres_memory() {
        for _ in 0..2 {
            let out = tm(&empty, &["search", "Bonjour le monde", "-s", "fr", "-t", "en"]);
            assert_eq!(out.status.code(), Some(2));
            assert!(stderr(&out).contains("no memory here"), "searching creates no memory: {}", stderr(&out));
        }
        let nobody = Path::new("postgres://nobody:secret@127.0.0.1:1/trame");
        let out = tm(nobody, &["stats"]);
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).contains("postgres://nobody@127.0.0.1:1/trame: "), "{}", stderr(&out));
        assert!(!stderr(&out).contains("secret"), "the password is not shown: {}", stderr(&out));
    }
}

#[test]
fn readers_work_while_an_import_writes() {
    let dir = tempfile::tempdir().unwrap();
    for memory in memories(dir.path()) {
        aligned_memory(&memory);
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
}

fn import(memory: &Path, file: &Path) {
    let out = tm(memory, &["import", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn concordance_marks_the_phrase_in_text_and_json() {
    let dir = tempfile::tempdir().unwrap();
    for memory in memories(dir.path()) {
        aligned_memory(&memory);
        let out = tm(&memory, &["search", "--concordance", "TRAIN DE NUIT", "-s", "fr", "-t", "en"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let text = stdout(&out);
        assert!(
            text.starts_with("#1       fr     Le retour du [train de nuit] entre Strasbourg et Vienne\n"),
            "{text}"
        );
        assert!(
            text.contains("         en     The return of the night train between Strasbourg and Vienna\n"),
            "{text}"
        );
        assert!(text.contains("         from alignment of night-train.fr.txt and night-train.en.txt\n"), "{text}");
        let out = tm(&memory, &["search", "--concordance", "Strasbourg", "--limit", "1", "--format", "json"]);
        assert_eq!(stderr(&out), "trame: the first unit shown (--limit for more)\n");
        let found: Value = serde_json::from_str(&stdout(&out)).unwrap();
        let unit = &found["units"][0];
        assert_eq!(unit["id"], 1);
        assert_eq!(unit["variants"][0]["text"], "Le retour du train de nuit entre Strasbourg et Vienne");
        assert_eq!(unit["variants"][0]["spans"], serde_json::json!([[33, 43]]));
        assert_eq!(unit["variants"][1]["spans"], serde_json::json!([[38, 48]]));
        // Spans count characters: "quitté" comes before.
        let out = tm(&memory, &["search", "--concordance", "gare de strasbourg", "-s", "fr", "--format", "json"]);
        let found: Value = serde_json::from_str(&stdout(&out)).unwrap();
        let variant = &found["units"][0]["variants"][0];
        let (start, end) =
            (variant["spans"][0][0].as_u64().unwrap() as usize, variant["spans"][0][1].as_u64().unwrap() as usize);
        let chars: String = variant["text"].as_str().unwrap().chars().skip(start).take(end - start).collect();
        assert_eq!(chars, "gare de Strasbourg");
        // Nothing: exit 1; short words only: exit 2.
        assert_eq!(tm(&memory, &["search", "--concordance", "ornithorynque"]).status.code(), Some(1));
        let out = tm(&memory, &["search", "--concordance", "de la"]);
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).contains("has no word the index holds"), "{}", stderr(&out));
        // A fuzzy search still needs its languages.
        assert_eq!(tm(&memory, &["search", "Le train"]).status.code(), Some(2));
    }
}

#[test]
fn delete_by_id_origin_and_phrase_say_how_many() {
    let dir = tempfile::tempdir().unwrap();
    for memory in memories(dir.path()) {
        aligned_memory(&memory);
        let file = dir.path().join("units.tmx");
        std::fs::write(&file, generated_tmx(5)).unwrap();
        import(&memory, &file);
        assert_eq!(units(&memory), 19);
        let out = tm(&memory, &["delete", "1"]);
        assert_eq!((out.status.code(), stdout(&out).as_str()), (Some(0), "1 unit deleted\n"), "{}", stderr(&out));
        let out = tm(&memory, &["delete", "2", "3", "4"]);
        assert_eq!(stdout(&out), "3 units deleted\n");
        // All or nothing.
        let out = tm(&memory, &["delete", "5", "999"]);
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).contains("no unit 999 in the memory (nothing deleted)"), "{}", stderr(&out));
        assert_eq!(units(&memory), 15);
        let out = tm(&memory, &["delete", "--concordance", "numéro 3 part", "-s", "fr"]);
        assert_eq!(stdout(&out), "1 unit deleted\n");
        assert_eq!(tm(&memory, &["search", "--concordance", "numéro 3 part"]).status.code(), Some(1));
        let out = tm(&memory, &["delete", "--concordance", "numéro 3 part"]);
        assert_eq!((out.status.code(), stdout(&out).as_str()), (Some(1), "0 units deleted\n"));
        let out = tm(&memory, &["delete", "--origin", file.to_str().unwrap()]);
        assert_eq!(stdout(&out), "4 units deleted\n", "{}", stderr(&out));
        assert_eq!(units(&memory), 10);
        assert_eq!(tm(&memory, &["delete", "--origin", file.to_str().unwrap()]).status.code(), Some(2));
        // One way of choosing at a time.
        assert_eq!(tm(&memory, &["delete", "5", "--origin", "x.tmx"]).status.code(), Some(2));
        assert_eq!(tm(&memory, &["delete"]).status.code(), Some(2));
        // The index follows: what was deleted is not found, what remains is.
        let out = tm(
            &memory,
            &[
                "search",
                "Le train de nuit numéro 2 part de Strasbourg à 21 h 40.",
                "-s",
                "fr",
                "-t",
                "en",
                "--min-score",
                "100",
            ],
        );
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(tm(&memory, &["search", "--concordance", "Strasbourg"]).status.code(), Some(1));
        let out = tm(&memory, &["search", "--concordance", "nuit"]);
        assert!(stdout(&out).starts_with("#11 "), "{}", stdout(&out));
    }
}

#[test]
fn edit_gives_a_unit_new_texts_and_the_index_follows() {
    let dir = tempfile::tempdir().unwrap();
    for memory in memories(dir.path()) {
        aligned_memory(&memory);
        let out = tm(&memory, &["edit", "1", "--target", "The night train returns between Strasbourg and Vienna"]);
        assert_eq!((out.status.code(), stdout(&out).as_str()), (Some(0), "1 unit edited\n"), "{}", stderr(&out));
        let out = tm(&memory, &["search", "--concordance", "train returns", "-t", "en"]);
        assert!(stdout(&out).contains("The night [train returns] between"), "{}", stdout(&out));
        assert_eq!(tm(&memory, &["search", "--concordance", "return of the night", "-t", "en"]).status.code(), Some(1));
        let out = tm(
            &memory,
            &["edit", "1", "--source", "Le retour du train de nuit entre Strasbourg et Vienne (Autriche)", "-s", "fr"],
        );
        assert_eq!(stdout(&out), "1 unit edited\n", "{}", stderr(&out));
        let out = tm(
            &memory,
            &[
                "search",
                "Le retour du train de nuit entre Strasbourg et Vienne (Autriche)",
                "-s",
                "fr",
                "-t",
                "en",
                "--format",
                "json",
            ],
        );
        let found: Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(found["matches"][0]["score"], 100);
        assert_eq!(found["matches"][0]["target"], "The night train returns between Strasbourg and Vienna");
        for (args, message) in [
            (vec!["edit", "999", "--target", "x"], "no unit 999"),
            (vec!["edit", "1", "--target", "x", "-t", "de"], "unit 1: no de variant"),
            (vec!["edit", "1"], "required"),
        ] {
            let out = tm(&memory, &args);
            assert_eq!(out.status.code(), Some(2));
            assert!(stderr(&out).contains(message), "{message}: {}", stderr(&out));
        }
    }
}

#[test]
fn export_filters_by_origin_date_and_pair() {
    let dir = tempfile::tempdir().unwrap();
    for memory in memories(dir.path()) {
        aligned_memory(&memory);
        let file = dir.path().join("units.tmx");
        // Dated 2024-01-01 (creation) and 2024-03-05 (changed).
        let tmx = generated_tmx(4)
            .replacen("<tu tuid=\"0\">", "<tu tuid=\"0\" creationdate=\"20240101T120000Z\">", 1)
            .replacen(
                "<tu tuid=\"1\">",
                "<tu tuid=\"1\" creationdate=\"20230101T000000Z\" changedate=\"20240305T080000Z\">",
                1,
            );
        std::fs::write(&file, tmx).unwrap();
        import(&memory, &file);
        let export = |args: &[&str]| {
            let mut all = vec!["export"];
            all.extend_from_slice(args);
            let out = tm(&memory, &all);
            (out.status.code(), stdout(&out).matches("</tu>").count(), stderr(&out))
        };
        assert_eq!(export(&["--origin", file.to_str().unwrap()]).1, 4);
        assert_eq!(export(&["--origin", "alignment of night-train.fr.txt and night-train.en.txt", "-s", "fr"]).1, 14);
        assert_eq!(export(&["--since", "2024-01-01", "--until", "2024-01-01"]).1, 1);
        assert_eq!(export(&["--since", "2024-03-01", "--until", "2024-03-31", "-s", "fr", "-t", "en"]).1, 1);
        // Aligned links are dated (2026-11-22 here), and so are undated units (the day they were imported).
        assert_eq!(export(&["--since", "2024-03-06"]).1, 14 + 2);
        assert_eq!(export(&["--until", "2023-12-31"]).1, 0);
        let (code, count, message) = export(&["--until", "2023-12-31"]);
        assert_eq!((code, count), (Some(1), 0));
        assert!(message.contains("nothing to export: no unit, dated 20231231 or earlier"), "{message}");
        let (code, _, message) = export(&["-t", "en"]);
        assert_eq!(code, Some(2));
        assert!(message.contains("--source-lang"), "{message}");
        assert_eq!(export(&["--since", "2024-13-01"]).0, Some(2));
        let (code, _, message) = export(&["--origin", "nope.tmx"]);
        assert_eq!(code, Some(2));
        assert!(message.contains("no origin named 'nope.tmx'"), "{message}");
    }
}

#[test]
fn stats_count_units_and_words_by_pair_and_origin() {
    let dir = tempfile::tempdir().unwrap();
    for memory in memories(dir.path()) {
        let file = dir.path().join("units.tmx");
        std::fs::write(&file, generated_tmx(3)).unwrap();
        import(&memory, &file);
        let out = tm(&memory, &["stats"]);
        let name = file.to_str().unwrap();
        // "Le train de nuit numéro 0 part de Strasbourg à 21 h 40." is 13 words; the English 11 (9.40, p.m.: two each).
        assert_eq!(
            stdout(&out),
            format!(
                "units: 3\nlanguages: en-GB, fr-FR\nwords: 72\npairs:\n  en-GB / fr-FR: 3 units, 33 en-GB words, 39 fr-FR words\norigins:\n  {name}: 3 units, 72 words\n"
            )
        );
        let out = tm(&memory, &["stats", "--format", "json"]);
        let stats: Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(
            stats["pairs"],
            serde_json::json!([{"languages": ["en-GB", "fr-FR"], "units": 3, "words": [33, 39]}])
        );
        assert_eq!(stats["origins"], serde_json::json!([{"origin": name, "units": 3, "words": 72}]));
    }
}

/// Issue 16: importing one file twice made its units' `x-trame-usage` 2.
#[test]
fn importing_the_same_tmx_twice_does_not_inflate_usage() {
    let dir = tempfile::tempdir().unwrap();
    for memory in memories(dir.path()) {
        let file = dir.path().join("units.tmx");
        std::fs::write(&file, generated_tmx(2)).unwrap();
        import(&memory, &file);
        import(&memory, &file);
        let out = tm(&memory, &["export", "-s", "fr"]);
        assert!(!stdout(&out).contains("x-trame-usage"), "{}", stdout(&out));
        // Another file with the same units is another use.
        let other = dir.path().join("other.tmx");
        std::fs::copy(&file, &other).unwrap();
        import(&memory, &other);
        import(&memory, &other);
        let out = tm(&memory, &["export", "-s", "fr"]);
        assert_eq!(stdout(&out).matches("<prop type=\"x-trame-usage\">2</prop>").count(), 2, "{}", stdout(&out));
        let stats: Value = serde_json::from_str(&stdout(&tm(&memory, &["stats", "--format", "json"]))).unwrap();
        assert_eq!(stats["origins"].as_array().unwrap().len(), 2, "{stats}");
    }
}

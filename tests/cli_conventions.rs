//! The rules every subcommand keeps (issue 16): a language code trame does not know is refused naming
//! the codes it knows; an unknown encoding, and binary input, are refused with one message; nothing found
//! is said on standard error; an output that is an input is never written.

mod common;

use common::run::{stderr, trame};

const FR: &str = "examples/night-train.fr.txt";
const EN: &str = "examples/night-train.en.txt";

#[track_caller]
fn refused(args: &[&str], says: &str) {
    let out = trame(args, b"");
    assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
}

#[test]
fn unknown_language_codes_are_refused_everywhere() {
    let known = "built-in rules for fr and en";
    for code in ["xx", "fra", "xx-yy", "french"] {
        refused(&["segment", FR, "--lang", code], known);
        refused(&["align", FR, EN, "-s", code, "-t", "en"], known);
        refused(&["align", FR, EN, "-s", "fr", "-t", code], known);
        refused(&["check", FR, EN, "-s", code], known);
        refused(&["lookup", "Minsk", "--lang", code], known);
        refused(&["normalize", FR, "--lang", code], known);
        refused(&["terms", "build", FR, "--lang", code], known);
        refused(&["terms", "export", "glossary", "-s", code], known);
        refused(&["terms", "import", "glossary/README.md", "-t", code], known);
        for tm in [
            &["search", "Le train", "-t", "en", "-s"][..],
            &["export", "-s"],
            &["search", "--concordance", "train", "-s"],
        ] {
            let mut args = vec!["tm"];
            args.extend(tm);
            args.extend([code, "--tm", "no-such-memory.sqlite"]);
            refused(&args, known);
        }
        refused(&["tm", "delete", "--concordance", "train", "-t", code, "--tm", "no-such-memory.sqlite"], known);
        refused(&["tm", "edit", "1", "--target", "x", "-t", code, "--tm", "no-such-memory.sqlite"], known);
    }
    refused(&["lookup", "Minsk", "--lang", "fra"], "write the two-letter code fr");
}

#[test]
fn unknown_encodings_are_refused_everywhere() {
    let says = "unknown encoding 'klingon'";
    refused(&["segment", FR, "--lang", "fr", "--encoding", "klingon"], says);
    refused(&["align", FR, EN, "-s", "fr", "-t", "en", "--encoding", "klingon"], says);
    refused(&["check", FR, EN, "--encoding", "klingon"], says);
    refused(&["terms", "build", FR, "--lang", "fr", "--encoding", "klingon"], says);
    refused(&["normalize", FR, "--lang", "fr", "--check", "--encoding", "klingon"], says);
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("g.csv");
    std::fs::write(&csv, "Minsk,Minsk\n").unwrap();
    refused(&["terms", "import", csv.to_str().unwrap(), "--encoding", "klingon"], says);
}

#[test]
fn a_legacy_encoding_is_read_when_named() {
    let dir = tempfile::tempdir().unwrap();
    let latin1 = dir.path().join("latin1.txt");
    // "Lukachenko est arrivé à Minsk." in ISO-8859-1.
    std::fs::write(&latin1, b"Lukachenko est arriv\xe9 \xe0 Minsk.\n").unwrap();
    let path = latin1.to_str().unwrap();
    refused(&["normalize", path, "--lang", "fr"], "not UTF-8");
    let out = trame(&["normalize", path, "--lang", "fr", "--encoding", "latin1", "--glossary", "glossary"], b"");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(common::run::stdout(&out).contains("Lukachenko → Loukachenko"));
    refused(&["normalize", path, "--lang", "fr", "--encoding", "latin1", "--write"], "--write writes UTF-8 only");
    let out = trame(&["terms", "build", path, "--lang", "fr", "--encoding", "latin1", "-o", "-"], b"");
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn binary_input_gets_one_message_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, b"GIF89a\x00\x01 text\n").unwrap();
        path.to_str().unwrap().to_string()
    };
    let (txt, csv, tmx, toml) = (write("image.txt"), write("image.csv"), write("image.tmx"), write("image.toml"));
    let says = ":1:7: not a text file (binary data: a NUL byte)";
    refused(&["segment", &txt, "--lang", "fr"], says);
    refused(&["align", &txt, EN, "-s", "fr", "-t", "en"], says);
    refused(&["check", &txt, EN], says);
    refused(&["check", &tmx], says);
    refused(&["terms", "build", &txt, "--lang", "fr"], says);
    refused(&["terms", "build", &tmx], says);
    refused(&["terms", "import", &csv], says);
    refused(&["terms", "cluster", &txt], says);
    refused(&["normalize", &txt, "--lang", "fr"], says);
    refused(&["lookup", "Minsk", "--glossary", &toml], says);
    let memory = dir.path().join("m.sqlite");
    refused(&["tm", "import", &tmx, "--tm", memory.to_str().unwrap()], says);
}

#[test]
fn nothing_found_is_said_on_standard_error() {
    let out = trame(&["lookup", "Zzyzx", "--glossary", "glossary"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("nothing matches \"Zzyzx\" in glossary ("), "{}", stderr(&out));
    refused(&["lookup", ""], "the query is empty");
    refused(&["lookup", "Minsk", "--limit", "0"], "--limit 0");
    let out = trame(&["check", "-", "--input-format", "tsv", "--glossary", "glossary"], b"Minsk.\tMinsk.\n");
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("nothing found in <stdin> with glossary ("), "{}", stderr(&out));
    let out = trame(&["terms", "export", "glossary", "-s", "de", "-f", "csv"], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no concept of glossary has a term in both de and en; nothing written"));
    let out = trame(&["normalize", "-", "--lang", "fr", "--glossary", "glossary"], b"Minsk.\n");
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("0 spellings found in 1 document, with glossary ("), "{}", stderr(&out));
}

#[test]
fn a_memory_search_that_finds_nothing_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let tm = dir.path().join("m.sqlite");
    let tm = tm.to_str().unwrap();
    let out = trame(&["align", FR, EN, "-s", "fr", "-t", "en", "--into-tm", tm, "-o", "-"], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = trame(&["tm", "search", "Zzyzx qwerty", "-s", "fr", "-t", "en", "--tm", tm], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(&format!("no fr-en match of 70% or more for \"Zzyzx qwerty\" in {tm}")),
        "{}",
        stderr(&out)
    );
    let out = trame(&["tm", "search", "--concordance", "Zzyzx", "--tm", tm], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(&format!("no unit holds \"Zzyzx\" in {tm}")), "{}", stderr(&out));
    let out = trame(&["tm", "export", "-s", "de", "--tm", tm], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("nothing to export: no unit has de"), "{}", stderr(&out));
    refused(&["tm", "export", "-t", "en", "--tm", tm], "--source-lang");
}

#[test]
fn an_empty_glossary_folder_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("glossary");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("config.toml"), "editor = \"vim\"\n").unwrap();
    std::fs::write(folder.join("terms.tbx"), "<tbx/>").unwrap();
    let out = trame(&["lookup", "Minsk", "--glossary", folder.to_str().unwrap()], b"");
    // config.toml is no term base: its field is named where it is.
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("config.toml:1:1: `editor` is not a field of a term base"), "{}", stderr(&out));
    std::fs::remove_file(folder.join("config.toml")).unwrap();
    let out = trame(&["lookup", "Minsk", "--glossary", folder.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(1));
    let said = stderr(&out);
    assert!(said.contains("no concept in this term base (the folder holds no .toml file; terms.tbx must first be imported with `trame terms import`)"), "{said}");
}

#[test]
fn an_output_that_is_an_input_is_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let fr = dir.path().join("fr.txt");
    std::fs::copy(FR, &fr).unwrap();
    let path = fr.to_str().unwrap();
    let before = std::fs::read(&fr).unwrap();
    refused(&["segment", path, "--lang", "fr", "-o", path, "--force"], "also an input");
    refused(&["align", path, EN, "-s", "fr", "-t", "en", "-o", path, "--force"], "also an input");
    refused(&["check", path, EN, "-o", path, "--force"], "also an input");
    refused(&["terms", "build", path, "--lang", "fr", "-o", path, "--force"], "also an input");
    assert_eq!(std::fs::read(&fr).unwrap(), before);
}

#[test]
fn format_and_its_short_flag_name_the_output_format() {
    let out = trame(&["normalize", "-", "--lang", "fr", "-f", "json", "--glossary", "glossary"], b"Lukachenko.\n");
    assert_eq!(out.status.code(), Some(1));
    let findings: serde_json::Value = serde_json::from_str(&common::run::stdout(&out)).unwrap();
    assert_eq!(findings[0]["replacement"], "Loukachenko");
    // The old spellings still work: --report for the report, --format html for the document.
    let out =
        trame(&["normalize", "-", "--lang", "fr", "--report", "json", "--glossary", "glossary"], b"Lukachenko.\n");
    assert!(common::run::stdout(&out).starts_with('['));
    let out = trame(
        &["normalize", "-", "--lang", "fr", "--format", "html", "--glossary", "glossary"],
        b"<p title=\"Lukachenko\">x</p>\n",
    );
    assert_eq!(out.status.code(), Some(0), "an attribute is not text: {}", stderr(&out));
    assert!(stderr(&out).contains("--format html is now --input-format html"));
    let out = trame(
        &["normalize", "-", "--lang", "fr", "--input-format", "html", "--attributes", "--glossary", "glossary"],
        b"<p title=\"Lukachenko\">x</p>\n",
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    for args in [
        &["segment", FR, "-l", "fr", "-f", "jsonl"][..],
        &["lookup", "Minsk", "-f", "json"],
        &["terms", "export", "glossary", "-f", "csv"],
        &["check", FR, EN, "-f", "json"],
    ] {
        let out = trame(args, b"");
        assert!(out.status.code() != Some(2), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn a_glossary_mistake_is_reported_where_it_is_in_the_users_words() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("glossary");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("a.toml"), "[[concept]]\nsubjet = \"x\"\n[concept.fr]\npreferred = \"a\"\n").unwrap();
    let out = trame(&["lookup", "a", "--glossary", folder.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2));
    let said = stderr(&out);
    assert!(said.contains("a.toml:2:1: `subjet` is not a field of a concept"), "{said}");
    assert!(said.contains("did you mean `subject`?") && !said.contains("LangTerms"), "{said}");
}

#[test]
fn counts_agree_in_number() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("one.csv");
    std::fs::write(&csv, "fr,en\nMinsk,Minsk\n").unwrap();
    let out = trame(&["terms", "import", csv.to_str().unwrap(), "-o", dir.path().join("out").to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("1 concept, 2 terms"), "{}", stderr(&out));
}

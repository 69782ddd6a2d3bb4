//! `trame normalize` as a user runs it: the acceptance checks on the shared corpus, the modes, and the
//! refusals that must leave every file as it was.

mod common;

use common::run::{stderr, stdout, trame};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

fn findings(output: &std::process::Output) -> Vec<Value> {
    serde_json::from_slice::<Value>(&output.stdout).unwrap().as_array().unwrap().clone()
}

fn field<'a>(finding: &'a Value, name: &str) -> &'a str {
    finding[name].as_str().unwrap()
}

/// A copy of a shared corpus article in a temporary folder.
fn corpus_copy(prefix: &str, dir: &Path) -> Option<PathBuf> {
    let folder = common::shared("corpus/fr")?;
    let source = fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))?;
    let copy = dir.join(source.file_name().unwrap());
    fs::copy(&source, &copy).unwrap();
    // The shared files are read-only; the copy is the user's own.
    let mut permissions = fs::metadata(&copy).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut permissions, 0o644);
    fs::set_permissions(&copy, permissions).unwrap();
    Some(copy)
}

/// Occurrences of `word` standing alone (not inside a longer word).
fn whole_word_count(text: &str, word: &str) -> usize {
    text.match_indices(word)
        .filter(|(k, _)| {
            let before = text[..*k].chars().next_back();
            let after = text[k + word.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .count()
}

#[test]
fn article_002_reports_each_lukachenko_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let Some(path) = corpus_copy("002_", dir.path()) else { return };
    let out = trame(&["normalize", path.to_str().unwrap(), "--lang", "fr", "--report", "json"], b"");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let found = findings(&out);
    let text = fs::read_to_string(&path).unwrap();
    assert_eq!(found.len(), whole_word_count(&text, "Lukachenko"));
    assert!(found.len() >= 4);
    // A deprecated full name is replaced whole (Alexandre Lukachenko → Alexandre Loukachenko).
    for f in &found {
        let (spelling, replacement) = (field(f, "found"), field(f, "replacement"));
        assert!(spelling.ends_with("Lukachenko") && replacement.ends_with("Loukachenko"), "{f}");
        assert_eq!(spelling.replace("Lukachenko", "Loukachenko"), replacement, "{f}");
        let offset = f["byte_offset"].as_u64().unwrap() as usize;
        assert_eq!(&text[offset..offset + spelling.len()], spelling);
    }
    println!("002: {} findings, all Lukachenko → Loukachenko", found.len());
}

#[test]
fn article_000_reports_its_lukashenko_spellings() {
    let dir = tempfile::tempdir().unwrap();
    let Some(path) = corpus_copy("000_", dir.path()) else { return };
    let out = trame(&["normalize", path.to_str().unwrap(), "--lang", "fr", "--report", "json"], b"");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let found = findings(&out);
    let text = fs::read_to_string(&path).unwrap();
    assert_eq!(found.len(), whole_word_count(&text, "Lukashenko"));
    for f in &found {
        assert!(field(f, "found").ends_with("Lukashenko"), "{f}");
        assert!(field(f, "replacement").ends_with("Loukachenko"), "{f}");
        assert_eq!(field(f, "concept"), "lukashenko");
    }
    println!("000: {} findings: {:?}", found.len(), found.iter().map(|f| field(f, "found")).collect::<Vec<_>>());
}

#[test]
fn write_then_check_finds_nothing_and_keeps_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for prefix in ["000_", "001_", "002_", "003_", "004_"] {
        match corpus_copy(prefix, dir.path()) {
            Some(path) => paths.push(path),
            None => return,
        }
    }
    let originals: Vec<String> = paths.iter().map(|p| fs::read_to_string(p).unwrap()).collect();
    let mut args = vec!["normalize", "--lang", "fr", "--write", "--report", "json"];
    args.extend(paths.iter().map(|p| p.to_str().unwrap()));
    let out = trame(&args, b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let found = findings(&out);
    assert!(found.len() >= 9);
    for (path, original) in paths.iter().zip(&originals) {
        let name = path.to_str().unwrap();
        let mine: Vec<&Value> = found.iter().filter(|f| field(f, "file") == name).collect();
        // The new text is the old one with exactly the reported replacements.
        let mut expected = String::new();
        let mut at = 0;
        for f in &mine {
            let offset = f["byte_offset"].as_u64().unwrap() as usize;
            expected.push_str(&original[at..offset]);
            expected.push_str(field(f, "replacement"));
            at = offset + field(f, "found").len();
        }
        expected.push_str(&original[at..]);
        assert_eq!(fs::read_to_string(path).unwrap(), expected, "{name}");
        let backup = PathBuf::from(format!("{name}.bak"));
        assert_eq!(mine.is_empty(), !backup.exists(), "{name}: a backup only when something changed");
        if backup.exists() {
            assert_eq!(&fs::read_to_string(&backup).unwrap(), original);
        }
    }
    let mut args = vec!["normalize", "--lang", "fr"];
    args.extend(paths.iter().map(|p| p.to_str().unwrap()));
    let check = trame(&args, b"");
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    assert_eq!(stdout(&check), "");
    // A second --write changes nothing and makes no second backup.
    let before: Vec<Vec<u8>> = paths.iter().map(|p| fs::read(p).unwrap()).collect();
    let mut args = vec!["normalize", "--lang", "fr", "--write"];
    args.extend(paths.iter().map(|p| p.to_str().unwrap()));
    assert_eq!(trame(&args, b"").status.code(), Some(0));
    assert_eq!(paths.iter().map(|p| fs::read(p).unwrap()).collect::<Vec<_>>(), before);
    let backups = fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().contains(".bak"))
        .count();
    assert_eq!(backups, found.iter().map(|f| field(f, "file")).collect::<std::collections::HashSet<_>>().len());
}

#[test]
fn english_gets_the_english_spelling() {
    let text = "Loukachenko met LOUKACHENKO's envoy in Kiev.\r\nLoukachenko\n";
    let out = trame(&["normalize", "-", "--lang", "en", "--write"], text.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "Lukashenko met LUKASHENKO's envoy in Kiev.\r\nLukashenko\n");
    assert!(stderr(&out).contains("<stdin>:1:17: LOUKACHENKO → LUKASHENKO [lukashenko]"), "{}", stderr(&out));
    // Kiev is admitted in English: replaced only on request.
    let out = trame(&["normalize", "-", "--lang", "en", "--include", "admitted"], text.as_bytes());
    assert!(stdout(&out).contains("<stdin>:1:40: Kiev → Kyiv [kyiv]"), "{}", stdout(&out));
}

#[test]
fn text_report_and_exit_status() {
    let out = trame(&["normalize", "-", "--lang", "fr"], "À Minsk, Lukachenko\net\nLukachenko.\n".as_bytes());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        "<stdin>:1:10: Lukachenko → Loukachenko [lukashenko]\n<stdin>:3:1: Lukachenko → Loukachenko [lukashenko]\n"
    );
    let clean = trame(&["normalize", "-", "--lang", "fr", "--report", "json"], "Loukachenko.\n".as_bytes());
    assert_eq!((clean.status.code(), stdout(&clean).as_str()), (Some(0), "[]\n"));
}

#[test]
fn json_report_fields() {
    let out = trame(&["normalize", "-", "--lang", "fr", "--report", "json"], "Le président Lukachenko.\n".as_bytes());
    let found = findings(&out);
    let keys: Vec<&str> = found[0].as_object().unwrap().keys().map(String::as_str).collect();
    let mut expected =
        ["file", "line", "column", "byte_offset", "found", "replacement", "concept", "status", "context"];
    expected.sort();
    let mut keys = keys.clone();
    keys.sort();
    assert_eq!(keys, expected);
    assert_eq!(
        (found[0]["line"].as_u64(), found[0]["column"].as_u64(), found[0]["byte_offset"].as_u64()),
        (Some(1), Some(14), Some(14))
    );
    assert_eq!(field(&found[0], "status"), "deprecated");
    assert_eq!(field(&found[0], "context"), "Le président Lukachenko.");
}

#[test]
fn diff_applies_with_patch() {
    let dir = tempfile::tempdir().unwrap();
    let Some(path) = corpus_copy("001_", dir.path()) else { return };
    let original = fs::read(&path).unwrap();
    let out = trame(&["normalize", path.to_str().unwrap(), "--lang", "fr", "--diff"], b"");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("--- a/"), "{}", stdout(&out));
    assert_eq!(fs::read(&path).unwrap(), original, "--diff changes nothing");
    let patch = dir.path().join("changes.diff");
    fs::write(&patch, &out.stdout).unwrap();
    let applied =
        std::process::Command::new("patch").args(["--quiet", "-p1", "-o", "-"]).arg(&path).arg(&patch).output();
    let Ok(applied) = applied else {
        eprintln!("skipped the patch round trip: `patch` is not installed");
        return;
    };
    assert!(applied.status.success(), "{}", String::from_utf8_lossy(&applied.stderr));
    let written = trame(&["normalize", "-", "--lang", "fr", "--write"], &original);
    assert_eq!(applied.stdout, written.stdout, "patching with the diff gives what --write gives");
}

#[test]
fn markdown_and_html_by_extension() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("a.md");
    fs::write(&md, "Lukachenko [Lukachenko](https://ex.by/Lukachenko) `Lukachenko`\n").unwrap();
    let html = dir.path().join("a.html");
    fs::write(&html, "<p class=\"Lukachenko\">Lukachenko</p><!-- Lukachenko -->\n").unwrap();
    let out = trame(
        &["normalize", "--lang", "fr", "--write", "--no-backup", md.to_str().unwrap(), html.to_str().unwrap()],
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(&md).unwrap(), "Loukachenko [Loukachenko](https://ex.by/Lukachenko) `Lukachenko`\n");
    assert_eq!(fs::read_to_string(&html).unwrap(), "<p class=\"Lukachenko\">Loukachenko</p><!-- Lukachenko -->\n");
    assert!(!dir.path().join("a.md.bak").exists());
}

/// Runs a command that must fail with exit 2 and a message containing `message`, leaving `files` as they were.
fn refused(args: &[&str], files: &[&Path], message: &str) {
    let before: Vec<Vec<u8>> = files.iter().map(|f| fs::read(f).unwrap()).collect();
    let folder = files.first().and_then(|f| f.parent());
    let listing = |d: Option<&Path>| d.map(|d| fs::read_dir(d).unwrap().count());
    let count = listing(folder);
    let out = trame(args, b"");
    assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    assert!(stderr(&out).contains(message), "{args:?}: {}", stderr(&out));
    assert_eq!(files.iter().map(|f| fs::read(f).unwrap()).collect::<Vec<_>>(), before, "{args:?} changed a file");
    assert_eq!(listing(folder), count, "{args:?} left a file behind");
}

#[test]
fn bad_inputs_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    fs::write(&good, "Lukachenko\n").unwrap();
    let binary = dir.path().join("image.txt");
    fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR Lukachenko").unwrap();
    let latin1 = dir.path().join("latin1.txt");
    fs::write(&latin1, b"Lukachenko\nd\xe9j\xe0\n").unwrap();
    let locked = dir.path().join("locked.txt");
    fs::write(&locked, "Lukachenko\n").unwrap();
    let mut permissions = fs::metadata(&locked).unwrap().permissions();
    permissions.set_readonly(true);
    fs::set_permissions(&locked, permissions).unwrap();
    let broken = dir.path().join("broken.toml");
    fs::write(&broken, "[[concept]]\nid = \"x\"\n[concept.fr.preferred\nform = \"X\"\n").unwrap();
    let (g, b, l, r) =
        (good.to_str().unwrap(), binary.to_str().unwrap(), latin1.to_str().unwrap(), locked.to_str().unwrap());
    let missing = dir.path().join("missing.txt");
    refused(&["normalize", "--lang", "fr", "--write", g, missing.to_str().unwrap()], &[&good], "missing.txt");
    refused(&["normalize", "--lang", "fr", "--write", g, b], &[&good, &binary], "image.txt:3:1: not a text file");
    refused(&["normalize", "--lang", "fr", "--write", g, l], &[&good, &latin1], "latin1.txt:2:2: not UTF-8");
    refused(&["normalize", "--lang", "fr", "--write", g, r], &[&good, &locked], "locked.txt is read-only");
    refused(
        &["normalize", "--lang", "fr", "--glossary", broken.to_str().unwrap(), "--write", g],
        &[&good],
        "broken.toml:3:",
    );
    refused(&["normalize", "--lang", "de", "--write", g], &[&good], "no terms in 'de'");
}

//! Files under attack and careless use (issue 13, points 1 to 7): planted links at temporary and backup
//! names, owners kept through links, a file named twice, outputs that are inputs, and no empty memory left
//! by a failed import. The link cases run as root and, where the machine allows (root with setpriv), as
//! the unprivileged user nobody too.

#![cfg(unix)]

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt, symlink};
use std::path::Path;
use std::process::{Command, Output};

const GLOSSARY: &str = r#"[[concept]]
id = "dobrovolsky"
subject = "person"

[concept.fr.preferred]
form = "Dobrovolski"
status = "preferred"

[[concept.fr.variants]]
form = "Dobrovolskiy"
status = "deprecated"
"#;

const OLD: &str = "M. Dobrovolskiy a parlé hier.\nIl reviendra.\n";
const NEW: &str = "M. Dobrovolski a parlé hier.\nIl reviendra.\n";
const NOBODY: u32 = 65534;

/// Who runs trame: this process's user, or nobody through setpriv.
#[derive(Clone, Copy, Debug)]
enum User {
    Me,
    Nobody,
}

fn is_root() -> bool {
    fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

/// The users to run the link cases as: this one, and nobody when this one is root and setpriv works.
fn users() -> Vec<User> {
    let mut users = vec![User::Me];
    if !is_root() {
        eprintln!("not root: the cases are run as this user only");
        return users;
    }
    let works = command(User::Nobody).arg("--version").output().is_ok_and(|o| o.status.success());
    if works {
        users.push(User::Nobody);
    } else {
        eprintln!("setpriv cannot run trame as nobody here: the cases are run as root only");
    }
    users
}

fn command(user: User) -> Command {
    let binary = env!("CARGO_BIN_EXE_trame");
    match user {
        User::Me => Command::new(binary),
        User::Nobody => {
            let mut command = Command::new("setpriv");
            let id = NOBODY.to_string();
            command.args(["--reuid", &id, "--regid", &id, "--clear-groups", binary]);
            command
        }
    }
}

fn run(user: User, dir: &Path, args: &[&str]) -> Output {
    command(user).args(args).current_dir(dir).output().unwrap()
}

/// A folder anyone may write in (for runs as nobody), with the glossary.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o777)).unwrap();
    write(&dir.path().join("glossary.toml"), GLOSSARY);
    dir
}

fn write(path: &Path, text: &str) {
    fs::write(path, text).unwrap();
    fs::set_permissions(path, fs::Permissions::from_mode(0o666)).unwrap();
}

fn normalize_write(user: User, dir: &Path, files: &[&str]) -> Output {
    let mut args = vec!["normalize", "--lang", "fr", "--glossary", "glossary.toml", "--write"];
    args.extend(files);
    run(user, dir, &args)
}

fn text(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

fn leftovers(dir: &Path) -> Vec<String> {
    names(dir).into_iter().filter(|n| n.contains(".trame") || n.ends_with(".tmp")).collect()
}

/// The process ids the next processes will probably get (Linux hands them out in order).
fn next_pids(count: u32) -> Vec<u32> {
    let last: u32 =
        fs::read_to_string("/proc/sys/kernel/ns_last_pid").ok().and_then(|s| s.trim().parse().ok()).unwrap_or(1000);
    (last + 1..last + 1 + count).collect()
}

// 1. A link planted where the temporary would be is never followed.
#[test]
fn links_planted_at_predictable_temporary_names_are_not_followed() {
    for user in users() {
        let dir = folder();
        let victim = dir.path().join("victim.txt");
        write(&victim, "the victim's own text\n");
        write(&dir.path().join("doc.txt"), OLD);
        // The old temporary names were .NAME.trame-PID.tmp: plant links at those of the next processes.
        for pid in next_pids(400) {
            for name in ["doc.txt", "out.txt"] {
                let _ = symlink(&victim, dir.path().join(format!(".{name}.trame-{pid}.tmp")));
            }
        }
        let out = normalize_write(user, dir.path(), &["doc.txt"]);
        assert_eq!(out.status.code(), Some(0), "{user:?}: {}", text(&out));
        let segmented = run(user, dir.path(), &["segment", "doc.txt", "--lang", "fr", "-o", "out.txt"]);
        assert_eq!(segmented.status.code(), Some(0), "{user:?}: {}", text(&segmented));
        assert_eq!(fs::read_to_string(&victim).unwrap(), "the victim's own text\n", "{user:?}");
        assert_eq!(fs::read_to_string(dir.path().join("doc.txt")).unwrap(), NEW, "{user:?}");
        assert!(fs::symlink_metadata(dir.path().join("doc.txt")).unwrap().is_file());
        assert!(fs::read_to_string(dir.path().join("out.txt")).unwrap().contains("Il reviendra."));
        assert!(fs::symlink_metadata(dir.path().join("out.txt")).unwrap().is_file());
    }
}

// 2. A backup is created exclusively, never through a link already at its name.
#[test]
fn a_dangling_link_at_the_backup_name_receives_nothing() {
    for user in users() {
        let dir = folder();
        write(&dir.path().join("doc.txt"), OLD);
        let elsewhere = dir.path().join("elsewhere.txt");
        symlink(&elsewhere, dir.path().join("doc.txt.bak")).unwrap();
        let out = normalize_write(user, dir.path(), &["doc.txt"]);
        assert_eq!(out.status.code(), Some(0), "{user:?}: {}", text(&out));
        assert!(!elsewhere.exists(), "{user:?}: the original went through the planted link");
        assert_eq!(fs::read_to_string(dir.path().join("doc.txt.bak.2")).unwrap(), OLD, "{user:?}");
        assert_eq!(fs::read_to_string(dir.path().join("doc.txt")).unwrap(), NEW);
        assert!(fs::symlink_metadata(dir.path().join("doc.txt.bak")).unwrap().file_type().is_symlink());
    }
}

// 3. Writing through a link replaces its target with the same owner, group and mode.
#[test]
fn a_link_stays_a_link_and_its_target_keeps_owner_group_and_mode() {
    for user in users() {
        let dir = folder();
        let target = dir.path().join("real.txt");
        write(&target, OLD);
        fs::set_permissions(&target, fs::Permissions::from_mode(0o664)).unwrap();
        let owner = if is_root() { (NOBODY, NOBODY) } else { (fs::metadata(&target).unwrap().uid(), 0) };
        if is_root() {
            std::os::unix::fs::chown(&target, Some(owner.0), Some(owner.1)).unwrap();
        }
        let before = fs::metadata(&target).unwrap();
        symlink("real.txt", dir.path().join("link.txt")).unwrap();
        let out = normalize_write(user, dir.path(), &["link.txt"]);
        assert_eq!(out.status.code(), Some(0), "{user:?}: {}", text(&out));
        assert!(fs::symlink_metadata(dir.path().join("link.txt")).unwrap().file_type().is_symlink());
        assert_eq!(fs::read_to_string(&target).unwrap(), NEW);
        let after = fs::metadata(&target).unwrap();
        assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()), "{user:?}: owner or group lost");
        assert_eq!(after.mode() & 0o7777, 0o664, "{user:?}: mode lost");
        assert_eq!(fs::read_to_string(dir.path().join("real.txt.bak")).unwrap(), OLD);
        assert!(leftovers(dir.path()).is_empty(), "{:?}", leftovers(dir.path()));
    }
}

// 4. A file named twice, or through a link and by its name, is written once.
#[test]
fn a_file_named_twice_is_written_once() {
    let dir = folder();
    write(&dir.path().join("a.txt"), OLD);
    write(&dir.path().join("b.txt"), OLD);
    symlink("a.txt", dir.path().join("to-a.txt")).unwrap();
    let out = normalize_write(User::Me, dir.path(), &["a.txt", "a.txt", "./a.txt", "to-a.txt", "b.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    for name in ["a.txt", "b.txt"] {
        assert_eq!(fs::read_to_string(dir.path().join(name)).unwrap(), NEW, "{name}");
        assert_eq!(fs::read_to_string(dir.path().join(format!("{name}.bak"))).unwrap(), OLD, "{name}");
    }
    let found = String::from_utf8_lossy(&out.stdout).lines().count();
    assert_eq!(found, 2, "each document reported once: {}", text(&out));
    assert!(!dir.path().join("a.txt.bak.2").exists());
    assert!(leftovers(dir.path()).is_empty(), "{:?}", leftovers(dir.path()));
}

// 6. An output that is one of the inputs is refused, --force or not, and the input is left as it was.
#[test]
fn an_output_that_is_an_input_is_refused() {
    let dir = folder();
    let d = dir.path();
    write(&d.join("doc.txt"), OLD);
    let tmx = "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header creationtool=\"t\" creationtoolversion=\"1\" \
               segtype=\"sentence\" o-tmf=\"t\" adminlang=\"en\" srclang=\"fr\" datatype=\"plaintext\"/><body>\
               <tu><tuv xml:lang=\"fr\"><seg>Bonjour.</seg></tuv><tuv xml:lang=\"en\"><seg>Hello.</seg></tuv></tu>\
               </body></tmx>\n";
    write(&d.join("in.tmx"), tmx);
    let imported = run(User::Me, d, &["tm", "import", "in.tmx", "--tm", "memory.sqlite"]);
    assert_eq!(imported.status.code(), Some(0), "{}", text(&imported));
    symlink("memory.sqlite", d.join("memory-link.sqlite")).unwrap();
    fs::create_dir(d.join("glossary")).unwrap();
    write(&d.join("glossary/people.toml"), GLOSSARY);
    let cases: &[&[&str]] = &[
        &["tm", "export", "--tm", "memory.sqlite", "-o", "memory.sqlite", "--force"],
        &["tm", "export", "--tm", "memory.sqlite", "-o", "memory-link.sqlite", "--force"],
        &["segment", "doc.txt", "--lang", "fr", "-o", "doc.txt", "--force"],
        &["segment", "doc.txt", "--lang", "fr", "-o", "./doc.txt"],
        &["align", "doc.txt", "in.tmx", "-s", "fr", "-t", "en", "-o", "in.tmx", "--force"],
        &["terms", "import", "glossary/people.toml", "--format", "tsv", "-o", "glossary/people.toml", "--force"],
        &["terms", "export", "glossary.toml", "-o", "glossary.toml", "--force"],
        &["terms", "build", "doc.txt", "--lang", "fr", "--merge-into", "glossary", "-o", "glossary/", "--force"],
        &["terms", "cluster", "doc.txt", "-o", "doc.txt", "--force"],
    ];
    let before: Vec<(String, Vec<u8>)> =
        ["doc.txt", "in.tmx", "memory.sqlite", "glossary.toml", "glossary/people.toml"]
            .iter()
            .map(|n| (n.to_string(), fs::read(d.join(n)).unwrap()))
            .collect();
    for args in cases {
        let out = run(User::Me, d, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", text(&out));
        assert!(text(&out).contains("is also an input"), "{args:?}: {}", text(&out));
        for (name, bytes) in &before {
            assert_eq!(&fs::read(d.join(name)).unwrap(), bytes, "{args:?} changed {name}");
        }
    }
    let stats = run(User::Me, d, &["tm", "stats", "--tm", "memory.sqlite"]);
    assert_eq!(stats.status.code(), Some(0), "{}", text(&stats));
}

// 7. A failed import into a memory that did not exist leaves no memory behind.
#[test]
fn a_failed_import_leaves_no_new_memory() {
    let dir = folder();
    let d = dir.path();
    write(&d.join("not.tmx"), "this is not TMX at all, just a line of text\n");
    write(&d.join("cut.tmx"), "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"fr\"/><body><tu>");
    for input in ["not.tmx", "cut.tmx"] {
        let out = run(User::Me, d, &["tm", "import", input, "--tm", "new.sqlite"]);
        assert_eq!(out.status.code(), Some(2), "{input}: {}", text(&out));
        let left: Vec<String> = names(d).into_iter().filter(|n| n.starts_with("new.sqlite")).collect();
        assert!(left.is_empty(), "{input}: {left:?} left behind");
    }
    // An existing memory is kept, as it was, when an import into it fails.
    write(&d.join("good.tmx"), &GOOD_TMX.replace("{}", "Bonjour."));
    assert_eq!(run(User::Me, d, &["tm", "import", "good.tmx", "--tm", "kept.sqlite"]).status.code(), Some(0));
    let before = fs::read(d.join("kept.sqlite")).unwrap();
    assert_eq!(run(User::Me, d, &["tm", "import", "not.tmx", "--tm", "kept.sqlite"]).status.code(), Some(2));
    assert_eq!(fs::read(d.join("kept.sqlite")).unwrap(), before);
}

const GOOD_TMX: &str = "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header creationtool=\"t\" \
    creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" adminlang=\"en\" srclang=\"fr\" \
    datatype=\"plaintext\"/><body><tu><tuv xml:lang=\"fr\"><seg>{}</seg></tuv><tuv xml:lang=\"en\">\
    <seg>Hello.</seg></tuv></tu></body></tmx>\n";

// 5 (in part; the kill test is tests/normalize_kill.rs). A journal left by another user is never acted on,
// and one whose run is gone is recovered by --recover.
#[test]
fn recover_finishes_a_committed_change_and_ignores_foreign_journals() {
    let dir = folder();
    let d = dir.path();
    for name in ["a.txt", "b.txt", "c.txt"] {
        write(&d.join(name), OLD);
    }
    // Abort (as a kill would) after the first of three replacements.
    let out = Command::new(env!("CARGO_BIN_EXE_trame"))
        .args(["normalize", "--lang", "fr", "--glossary", "glossary.toml", "--write", "a.txt", "b.txt", "c.txt"])
        .env("TRAME_TEST_ABORT_AFTER_REPLACING", "1")
        .current_dir(d)
        .output()
        .unwrap();
    assert_ne!(out.status.code(), Some(0));
    let contents: Vec<String> =
        ["a.txt", "b.txt", "c.txt"].iter().map(|n| fs::read_to_string(d.join(n)).unwrap()).collect();
    assert_eq!(contents.iter().filter(|c| c.as_str() == NEW).count(), 1, "{contents:?}");
    assert_eq!(names(d).iter().filter(|n| n.starts_with(".trame-journal.")).count(), 1, "{:?}", names(d));
    let recovered = run(User::Me, d, &["normalize", "--recover"]);
    assert_eq!(recovered.status.code(), Some(0), "{}", text(&recovered));
    assert!(text(&recovered).contains("2 documents replaced now, 1 before"), "{}", text(&recovered));
    for name in ["a.txt", "b.txt", "c.txt"] {
        assert_eq!(fs::read_to_string(d.join(name)).unwrap(), NEW, "{name}");
        assert_eq!(fs::read_to_string(d.join(format!("{name}.bak"))).unwrap(), OLD, "{name}");
    }
    assert!(leftovers(d).is_empty(), "{:?}", leftovers(d));
    assert!(text(&run(User::Me, d, &["normalize", "--recover", "."])).contains("no interrupted change found"));

    // A journal planted by another user, naming this user's file, is left alone.
    if is_root() {
        write(&d.join("victim.txt"), "mine\n");
        write(&d.join(".victim.txt.x.trame.tmp"), "planted\n");
        let victim = fs::metadata(d.join("victim.txt")).unwrap();
        let planted = fs::metadata(d.join(".victim.txt.x.trame.tmp")).unwrap();
        let journal = d.join(".trame-journal.planted.jsonl");
        let entry = format!(
            "{{\"begin\":{{\"program\":\"trame\",\"pid\":1}}}}\n{{\"commit\":{{\"entries\":[{{\"target\":\"{}\",\"temporary\":\"{}\",\"original\":{{\"device\":{},\"inode\":{}}},\"new\":{{\"device\":{},\"inode\":{}}},\"backup\":false}}]}}}}\n",
            d.join("victim.txt").display(),
            d.join(".victim.txt.x.trame.tmp").display(),
            victim.dev(),
            victim.ino(),
            planted.dev(),
            planted.ino()
        );
        write(&journal, &entry);
        std::os::unix::fs::chown(&journal, Some(NOBODY), Some(NOBODY)).unwrap();
        let out = run(User::Me, d, &["normalize", "--recover"]);
        assert!(text(&out).contains("is not a journal of yours"), "{}", text(&out));
        assert_eq!(fs::read_to_string(d.join("victim.txt")).unwrap(), "mine\n");
        // The same journal, this user's own, is acted on: the format above is the one trame writes.
        std::os::unix::fs::chown(&journal, Some(0), Some(0)).unwrap();
        let out = run(User::Me, d, &["normalize", "--recover"]);
        assert!(text(&out).contains("1 document replaced now"), "{}", text(&out));
        assert_eq!(fs::read_to_string(d.join("victim.txt")).unwrap(), "planted\n");
    }
}

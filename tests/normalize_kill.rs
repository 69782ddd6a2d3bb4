//! A multi-file `normalize --write` cut off at random moments (issue 13): 10 SIGKILLs at random times
//! during the run and 10 aborts at random points of the replace loop. After the next run (`--recover`, or
//! the next `--write`), every document is wholly old or wholly new as the journal says (all new when it
//! had committed, all old when it had not), each new one has its original as a backup, and no temporary
//! or journal is left.

#![cfg(unix)]

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const DOCUMENTS: usize = 40;
const KILLS: usize = 10;
const ABORTS: usize = 10;

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

/// Document `k`, old or new: long enough that reading and writing take a while.
fn document(k: usize, new: bool) -> String {
    let name = if new { "Dobrovolski" } else { "Dobrovolskiy" };
    (0..400).map(|line| format!("Ligne {line} du document {k} : M. {name} a parlé au conseil ce jour-là.\n")).collect()
}

/// A small, seeded pseudo-random sequence (xorshift), so that a failure can be replayed.
struct Random(u64);

impl Random {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn reset(dir: &Path) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().unwrap() != "glossary.toml" {
            fs::remove_file(path).unwrap();
        }
    }
    for k in 0..DOCUMENTS {
        fs::write(dir.join(format!("doc{k:02}.txt")), document(k, false)).unwrap();
    }
}

fn trame(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_trame"));
    command.args(args).current_dir(dir).stdout(Stdio::null()).stderr(Stdio::null());
    command
}

fn write_args() -> Vec<String> {
    let mut args: Vec<String> =
        ["normalize", "--lang", "fr", "--glossary", "glossary.toml", "--write"].map(String::from).to_vec();
    args.extend((0..DOCUMENTS).map(|k| format!("doc{k:02}.txt")));
    args
}

/// What the journal left in `dir` says: None without a journal, else whether it had committed.
fn journal_says(dir: &Path) -> Option<bool> {
    let journals: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(".trame-journal."))
        .collect();
    assert!(journals.len() <= 1, "{journals:?}");
    journals.first().map(|j| fs::read_to_string(j).unwrap().lines().any(|l| l.starts_with("{\"commit\"")))
}

/// Every document wholly old or wholly new; returns how many are new. Backups hold the old text.
fn states(dir: &Path) -> usize {
    let mut new = 0;
    for k in 0..DOCUMENTS {
        let path = dir.join(format!("doc{k:02}.txt"));
        let text = fs::read_to_string(&path).unwrap();
        if text == document(k, true) {
            new += 1;
            let backup = fs::read_to_string(dir.join(format!("doc{k:02}.txt.bak"))).unwrap();
            assert_eq!(backup, document(k, false), "doc{k:02}: the backup is not the original");
        } else {
            assert_eq!(text, document(k, false), "doc{k:02} is neither old nor new");
        }
    }
    new
}

fn leftovers(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".trame"))
        .collect()
}

/// After an interruption: recover (with --recover, or through the next --write), then check.
fn recover_and_check(dir: &Path, round: usize, stats: &mut [usize; 3]) {
    let said = journal_says(dir);
    stats[match said {
        None => 0,
        Some(false) => 1,
        Some(true) => 2,
    }] += 1;
    if round.is_multiple_of(2) {
        assert!(trame(dir, &["normalize", "--recover"]).status().unwrap().success());
        let new = states(dir);
        match said {
            Some(true) => assert_eq!(new, DOCUMENTS, "round {round}: a committed change was not finished"),
            Some(false) => assert_eq!(new, 0, "round {round}: a change cut off before its commit changed files"),
            None => assert!(new == 0 || new == DOCUMENTS, "round {round}: {new} new without a journal"),
        }
    } else {
        assert!(trame(dir, &write_args().iter().map(String::as_str).collect::<Vec<_>>()).status().unwrap().success());
        assert_eq!(states(dir), DOCUMENTS, "round {round}: the next --write did not end with every document new");
    }
    assert!(leftovers(dir).is_empty(), "round {round}: {:?}", leftovers(dir));
}

#[test]
fn kills_and_aborts_leave_every_document_wholly_old_or_new() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("glossary.toml"), GLOSSARY).unwrap();
    let seed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64 | 1;
    eprintln!("seed {seed}");
    let mut random = Random(seed);
    let args = write_args();
    // How long an uninterrupted run takes, to spread the kills over it.
    reset(d);
    let start = Instant::now();
    assert!(trame(d, &args.iter().map(String::as_str).collect::<Vec<_>>()).status().unwrap().success());
    let run = start.elapsed();
    assert_eq!(states(d), DOCUMENTS);
    let mut stats = [0usize; 3];
    for round in 0..KILLS {
        reset(d);
        let mut child = trame(d, &args.iter().map(String::as_str).collect::<Vec<_>>()).spawn().unwrap();
        let at = Duration::from_micros(random.below(run.as_micros() as u64 + 1));
        std::thread::sleep(at);
        let _ = child.kill();
        child.wait().unwrap();
        recover_and_check(d, round, &mut stats);
    }
    for round in KILLS..KILLS + ABORTS {
        reset(d);
        let after = 1 + random.below(DOCUMENTS as u64 - 1);
        let status = trame(d, &args.iter().map(String::as_str).collect::<Vec<_>>())
            .env("TRAME_TEST_ABORT_AFTER_REPLACING", after.to_string())
            .status()
            .unwrap();
        assert!(!status.success(), "round {round}: no abort");
        assert_eq!(states(d), after as usize, "round {round}: aborted after {after} replacements");
        assert_eq!(journal_says(d), Some(true));
        recover_and_check(d, round, &mut stats);
    }
    eprintln!(
        "an uninterrupted run took {run:?}; after the interruptions: {} without a journal, {} before the commit, {} \
         after it",
        stats[0], stats[1], stats[2]
    );
    assert!(stats[2] >= ABORTS);
}

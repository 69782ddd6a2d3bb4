//! An import killed with SIGKILL at random moments leaves the memory exactly as before (or, when it had
//! finished, exactly as after), never in between, and the database passes `PRAGMA integrity_check`: in
//! an SQLite file, and in PostgreSQL when `TRAME_TEST_PG` names a server.

mod common;

use common::memories::{is_postgres, postgres_memory};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use trame::tm::Memory;

const KILLS: usize = 20;

fn tmx(count: usize, offset: usize) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header creationtool=\"test\" \
         creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"test\" adminlang=\"en\" srclang=\"fr\" \
         datatype=\"plaintext\"/><body>\n",
    );
    for k in offset..offset + count {
        xml.push_str(&format!(
            "<tu><prop type=\"n\">{k}</prop><tuv xml:lang=\"fr\"><seg>Phrase numéro {k} : le conseil municipal a voté le budget.</seg></tuv>\
             <tuv xml:lang=\"en\"><seg>Sentence number {k}: the town council voted the budget.</seg></tuv></tu>\n"
        ));
    }
    xml.push_str("</body></tmx>\n");
    xml
}

fn import(memory: &Path, file: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_trame"))
        .args(["tm", "import", file.to_str().unwrap(), "--tm", memory.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// A new memory where `memory` was: the file removed, or a new PostgreSQL database.
fn renew(memory: &Path) -> PathBuf {
    if is_postgres(memory) {
        return postgres_memory().expect("TRAME_TEST_PG is still set");
    }
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", memory.display()));
    }
    memory.to_path_buf()
}

fn open(memory: &Path) -> Memory {
    Memory::open_location(memory.to_str().unwrap()).unwrap()
}

/// A small deterministic generator (xorshift) for the moments of the kills.
struct Random(u64);

impl Random {
    fn unit(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[test]
fn killed_imports_leave_the_memory_before_or_after() {
    let dir = tempfile::tempdir().unwrap();
    let (first, big) = (dir.path().join("first.tmx"), dir.path().join("big.tmx"));
    std::fs::write(&first, tmx(500, 0)).unwrap();
    std::fs::write(&big, tmx(20_000, 500)).unwrap();
    kills(&dir.path().join("tm.sqlite"), &first, &big);
}

#[test]
fn killed_imports_leave_a_postgresql_memory_before_or_after() {
    let Some(memory) = postgres_memory() else { return };
    let dir = tempfile::tempdir().unwrap();
    let (first, big) = (dir.path().join("first.tmx"), dir.path().join("big.tmx"));
    std::fs::write(&first, tmx(500, 0)).unwrap();
    std::fs::write(&big, tmx(20_000, 500)).unwrap();
    kills(&memory, &first, &big);
}

/// Kills imports of `big` into `memory` (holding `first`) at [`KILLS`] moments spread over the import.
fn kills(memory: &Path, first: &Path, big: &Path) {
    let mut memory = memory.to_path_buf();
    // How long a whole import takes, and what it gives.
    assert!(import(&memory, first).wait().unwrap().success());
    let started = Instant::now();
    assert!(import(&memory, big).wait().unwrap().success());
    let full = started.elapsed();
    let (before, after) = (500, 20_500);
    assert_eq!(open(&memory).stats().unwrap().units, after);
    let mut random = Random(0x5DEE_CE66_D1CE_4E5B);
    let (mut saw_before, mut saw_after) = (0, 0);
    for k in 0..KILLS {
        memory = renew(&memory);
        assert!(import(&memory, first).wait().unwrap().success());
        let mut child = import(&memory, big);
        // Spread over the whole import and a little past it.
        let at = full.mul_f64(1.1 * (k as f64 + random.unit()) / KILLS as f64);
        std::thread::sleep(at.min(Duration::from_secs(30)));
        child.kill().unwrap();
        child.wait().unwrap();
        let opened = open(&memory);
        assert_eq!(opened.integrity().unwrap(), "ok", "kill {k} at {at:?}");
        let units = opened.stats().unwrap().units;
        assert!(units == before || units == after, "kill {k} at {at:?}: {units} units, neither {before} nor {after}");
        if units == before {
            saw_before += 1
        } else {
            saw_after += 1
        }
        // The memory still takes an import and is searched.
        drop(opened);
        assert!(import(&memory, first).wait().unwrap().success());
        let found = open(&memory)
            .search("Phrase numéro 12 : le conseil municipal a voté le budget.", "fr", "en", 100, 1)
            .unwrap();
        assert_eq!(found[0].target, "Sentence number 12: the town council voted the budget.");
    }
    println!(
        "{}: {KILLS} kills over an import of {full:?}: {saw_before} left the memory as before, {saw_after} as after",
        memory.display()
    );
    assert!(saw_before >= KILLS / 2, "most kills land during the import");
}

//! A team's memory: two translators import two files (which share units) while four others search, at
//! once. Every unit ends up in the memory once, no one gets an error, and searches keep answering.
//! On SQLite and, when `TRAME_TEST_PG` names a server, on PostgreSQL.

mod common;

use common::memories::memories;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use trame::tm::Memory;

/// Units `from..to`, each its own (its number in both texts).
fn tmx(from: usize, to: usize) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header creationtool=\"test\" \
         creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"test\" adminlang=\"en\" srclang=\"fr\" \
         datatype=\"plaintext\"/><body>\n",
    );
    for k in from..to {
        xml.push_str(&format!(
            "<tu><tuv xml:lang=\"fr\"><seg>La séance numéro {k} du conseil municipal a commencé à l'heure.</seg></tuv>\
             <tuv xml:lang=\"en\"><seg>Meeting number {k} of the town council started on time.</seg></tuv></tu>\n"
        ));
    }
    xml.push_str("</body></tmx>\n");
    xml
}

fn import(memory: &Path, file: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_trame"))
        .args(["tm", "import", file.to_str().unwrap(), "--tm", memory.to_str().unwrap()])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn two_imports_and_four_searchers_at_once_leave_every_unit_once() {
    let dir = tempfile::tempdir().unwrap();
    // 12,000 units in each file, 4,000 of them in both.
    let (a, b) = (dir.path().join("a.tmx"), dir.path().join("b.tmx"));
    std::fs::write(&a, tmx(0, 12_000)).unwrap();
    std::fs::write(&b, tmx(8_000, 20_000)).unwrap();
    let seed = dir.path().join("seed.tmx");
    std::fs::write(&seed, tmx(100_000, 100_100)).unwrap();
    for memory in memories(dir.path()) {
        let location = memory.to_str().unwrap();
        assert!(import(&memory, &seed).wait().unwrap().success());
        let importing = AtomicBool::new(true);
        let latencies: Vec<Duration> = std::thread::scope(|scope| {
            let searchers: Vec<_> = (0..4)
                .map(|n| {
                    let importing = &importing;
                    scope.spawn(move || {
                        let searcher = Memory::open_existing_location(location).unwrap();
                        let mut latencies = Vec::new();
                        let mut k = n;
                        while importing.load(Ordering::Relaxed) {
                            // A sentence of the seed, one word changed: always found.
                            let query = format!(
                                "La séance numéro {} du conseil municipal a commencé à l'heure !",
                                100_000 + k % 100
                            );
                            let started = Instant::now();
                            let found = searcher.search(&query, "fr", "en", 90, 3).unwrap();
                            latencies.push(started.elapsed());
                            assert!(!found.is_empty(), "{query}");
                            k += 4;
                        }
                        latencies
                    })
                })
                .collect();
            let imports = [import(&memory, &a), import(&memory, &b)];
            for child in imports {
                let out = child.wait_with_output().unwrap();
                assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
            }
            importing.store(false, Ordering::Relaxed);
            searchers.into_iter().flat_map(|s| s.join().unwrap()).collect()
        });
        let memory_now = Memory::open_existing_location(location).unwrap();
        assert_eq!(memory_now.stats().unwrap().units, 20_100, "every unit once");
        // Each unit of both files is found once, by its exact text.
        for k in [0, 7_999, 8_000, 11_999, 12_000, 19_999] {
            let query = format!("La séance numéro {k} du conseil municipal a commencé à l'heure.");
            let found = memory_now.search(&query, "fr", "en", 100, 10).unwrap();
            assert_eq!(found.len(), 1, "{query}: {found:?}");
        }
        let mut sorted = latencies.clone();
        sorted.sort_unstable();
        assert!(!sorted.is_empty(), "searches ran during the imports");
        let at = |q: f64| sorted[((sorted.len() - 1) as f64 * q) as usize];
        println!(
            "{location}: {} searches during two imports, median {:?}, p99 {:?}, max {:?}",
            sorted.len(),
            at(0.5),
            at(0.99),
            sorted[sorted.len() - 1]
        );
    }
}

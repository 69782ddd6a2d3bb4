//! `trame check` on a 1,000,000-unit TMX against a 50,000-concept term base (targets: under 60 s on one
//! core, peak memory under 300 MB).
//!
//! The term base is generated (see common/names.rs): 50,000 made-up names, each with a French and an
//! English form, two deprecated French variants and a French full form. The memory is generated too (a
//! fixed seed): French-like sentences of 6 to 30 made-up words with their English-like translations; one
//! unit in three names a concept (in one of those, the English keeps the French spelling or drops the
//! name), one in four holds a number (in one of ten of those, the English changes it), one in fifty
//! repeats an earlier source with another translation. Every check runs; the JSON report goes to a file.
//!
//! The command is timed as a user runs it, pinned to one core with taskset, under /usr/bin/time (wall
//! and CPU time, peak resident memory). Files are kept in target/check-bench/ between runs.
//!
//! Run: `cargo bench --bench check` (TRAME_BENCH_UNITS sets the number of units, 1,000,000 by default).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "common/names.rs"]
mod names;

const CONCEPTS: usize = 50_000;
const SYLLABLES: &[&str] = &["ma", "ri", "to", "lé", "son", "tra", "vé", "po", "ni", "que", "ment", "ga", "dé", "ro"];
const ENGLISH: &[&str] = &["ba", "ker", "lo", "wing", "ton", "ship", "stra", "den", "mo", "ly", "ness", "gar"];

fn xml(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;")
}

/// Writes the memory unless it is there.
fn write_tmx(path: &Path, units: usize, base: &trame::termbase::TermBase) {
    if path.exists() {
        return;
    }
    let mut random = names::Random(0x9E37_79B9_7F4A_7C15);
    let partial = path.with_extension("partial");
    let mut out = BufWriter::new(File::create(&partial).unwrap());
    out.write_all(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header creationtool=\"bench\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"bench\" adminlang=\"en\" srclang=\"fr\" datatype=\"plaintext\"/><body>\n").unwrap();
    let mut earlier: Vec<String> = Vec::new();
    for k in 0..units {
        let length = 6 + random.next() % 25;
        let (mut fr, mut en) = (Vec::new(), Vec::new());
        for _ in 0..length {
            let parts = 1 + random.next() % 3;
            let seed = random.next();
            fr.push((0..parts).map(|p| SYLLABLES[(seed >> (4 * p)) % SYLLABLES.len()]).collect::<String>());
            en.push((0..parts).map(|p| ENGLISH[(seed >> (4 * p)) % ENGLISH.len()]).collect::<String>());
        }
        if k.is_multiple_of(3) {
            let concept = &base.concepts[random.next() % base.concepts.len()];
            let french = concept.preferred("fr").unwrap().to_string();
            let english = match random.next() % 3 {
                0 => french.clone(),
                1 => String::new(),
                _ => concept.preferred("en").unwrap().to_string(),
            };
            let at = random.next() % fr.len();
            fr.insert(at, french);
            en.insert(at.min(en.len()), english);
        }
        if k.is_multiple_of(4) {
            let n = random.next() % 100_000;
            fr.push(format!("{},{}", n / 10, n % 10));
            en.push(if random.next().is_multiple_of(10) {
                format!("{}", n + 1)
            } else {
                format!("{}.{}", n / 10, n % 10)
            });
        }
        let mut source = fr.join(" ");
        if k % 50 == 49 {
            source = earlier[random.next() % earlier.len()].clone();
        } else if earlier.len() < 10_000 {
            earlier.push(source.clone());
        }
        writeln!(
            out,
            "<tu tuid=\"{k}\"><tuv xml:lang=\"fr\"><seg>{}.</seg></tuv><tuv xml:lang=\"en\"><seg>{}.</seg></tuv></tu>",
            xml(&source),
            xml(&en.join(" "))
        )
        .unwrap();
    }
    out.write_all(b"</body></tmx>\n").unwrap();
    out.flush().unwrap();
    drop(out);
    std::fs::rename(&partial, path).unwrap();
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let units: usize = std::env::var("TRAME_BENCH_UNITS").ok().and_then(|v| v.parse().ok()).unwrap_or(1_000_000);
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/check-bench");
    std::fs::create_dir_all(&dir).unwrap();
    let base = names::generated(CONCEPTS, 2);
    let glossary = dir.join("glossary.toml");
    if !glossary.exists() {
        std::fs::write(&glossary, trame::termbase::to_toml(&base)).unwrap();
    }
    let tmx = dir.join(format!("memory-{units}.tmx"));
    write_tmx(&tmx, units, &base);
    let report = dir.join("report.json");
    let _ = std::fs::remove_file(&report);
    let size = std::fs::metadata(&tmx).unwrap().len() as f64 / 1e6;
    let out = Command::new("taskset")
        .args(["-c", "0", "/usr/bin/time", "-f", "%e %U %S %M"])
        .arg(env!("CARGO_BIN_EXE_trame"))
        .arg("check")
        .arg(&tmx)
        .arg("--glossary")
        .arg(&glossary)
        .args(["--format", "json", "-o"])
        .arg(&report)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.code() == Some(1), "{stderr}");
    let figures: Vec<f64> = stderr.lines().last().unwrap().split_whitespace().map(|f| f.parse().unwrap()).collect();
    let (wall, user, system, peak_kb) = (figures[0], figures[1], figures[2], figures[3]);
    let findings = std::fs::read_to_string(&report).unwrap().lines().filter(|l| l.starts_with("  {")).count();
    let cpu = user + system;
    let peak = peak_kb / 1024.0;
    println!("check: {units} units ({size:.0} MB of TMX), {CONCEPTS} concepts, one core");
    println!("  {wall:.1} s wall, {cpu:.1} s CPU ({user:.1} user), peak {peak:.0} MB, {findings} findings");
    println!(
        "  targets: under 60 s {}, under 300 MB {}",
        if wall < 60.0 { "met" } else { "MISSED" },
        if peak < 300.0 { "met" } else { "MISSED" }
    );
}

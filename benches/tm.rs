//! Translation memory import, search and concordance (targets: import at least 50 MB/s of TMX with peak
//! memory under 100 MB on a 1 GB file; on a 1,000,000-unit memory, search median under 20 ms and p99 under
//! 100 ms, and the same best match as an exhaustive scan for at least 99% of 1,000 queries; concordance
//! median under 20 ms).
//!
//! The text is generated (a fixed seed): French-like sentences of 6 to 30 words drawn from 6,000 made-up
//! words with a skewed frequency (plus real French function words), each with an English-like
//! translation. Queries are units of the memory with one to three words replaced, dropped or added (and
//! one in ten unchanged). Files and the 1M-unit memory are kept in target/tm-bench/ between runs. The
//! import is timed on the `trame tm import` command, its peak resident memory read by /usr/bin/time;
//! searches are timed one by one through the library, and each query's best score compared with the
//! best over every unit of the memory (scored the same way, on all cores). Concordance queries are two to
//! four words running in a unit of the memory, looked for in French, the first 50 units that hold them.
//!
//! Run: `cargo bench --bench tm` (TRAME_BENCH_IMPORT_MB sets the size of the import file, 1000 by default;
//! 0 skips that part; TRAME_BENCH_SEARCH=0 skips the fuzzy search and its exhaustive check).
//!
//! With `TRAME_BENCH_PG` set to a PostgreSQL server's URL (`$(bash .ci/pg-start)`), the same 1,000,000
//! units are imported into a new database there (timed the same way), and the same concordances and
//! searches run on it, side by side with SQLite's, checked against the same exhaustive scan; the database
//! is dropped at the end. TRAME_BENCH_EXHAUSTIVE=0 skips the exhaustive scan (minutes on two cores).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;
use trame::tm::Memory;

#[path = "../tests/common/scratch_pg.rs"]
mod scratch_pg;
use trame::tm::score::{normalized, score_at_least};

const UNITS: usize = 1_000_000;
const QUERIES: usize = 1_000;
const CONCORDANCE_QUERIES: usize = 500;
const MIN_SCORE: u8 = 50;

const FUNCTION_WORDS: &[&str] = &[
    "le", "la", "les", "de", "des", "du", "un", "une", "et", "à", "en", "pour", "que", "qui", "dans", "sur", "par",
    "avec", "au", "aux", "ne", "pas", "plus", "il", "elle", "ils", "nous", "a", "est", "sont", "été", "ce", "cette",
];
const SYLLABLES: &[&str] = &[
    "ma", "ri", "to", "lé", "son", "tra", "vé", "po", "ni", "que", "ment", "ga", "dé", "ro", "cha", "vil", "tion",
    "pé", "bu", "sel", "mon", "dra", "zo", "fi", "gu", "tal", "ca", "ble", "ver", "noi", "ré", "stu",
];
const ENGLISH_SYLLABLES: &[&str] =
    &["ba", "ker", "lo", "wing", "ton", "ship", "stra", "den", "mo", "ly", "ness", "gar", "re", "ford", "ing", "ham"];

/// A small deterministic generator (splitmix64).
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The made-up vocabulary: French-like words and their English-like translations.
struct Vocabulary {
    french: Vec<String>,
    english: Vec<String>,
}

impl Vocabulary {
    fn new() -> Self {
        let mut random = Random(7);
        let mut french: Vec<String> = FUNCTION_WORDS.iter().map(|w| w.to_string()).collect();
        let mut english: Vec<String> =
            (0..FUNCTION_WORDS.len()).map(|k| ["the", "of", "a", "and", "to", "in"][k % 6].to_string()).collect();
        while french.len() < 6_000 {
            let parts = 2 + random.below(3);
            french.push((0..parts).map(|_| SYLLABLES[random.below(SYLLABLES.len())]).collect());
            english.push((0..parts).map(|_| ENGLISH_SYLLABLES[random.below(ENGLISH_SYLLABLES.len())]).collect());
        }
        Vocabulary { french, english }
    }

    /// A word index, frequent words more often.
    fn word(&self, random: &mut Random) -> usize {
        ((self.french.len() as f64) * random.unit().powi(3)) as usize
    }

    /// Unit `k` of the file seeded `seed`: (French, English).
    fn unit(&self, seed: u64, k: usize) -> (String, String) {
        let mut random = Random(seed.wrapping_mul(0x1000_0000_01B3) ^ k as u64);
        let length = 6 + random.below(25);
        let words: Vec<usize> = (0..length).map(|_| self.word(&mut random)).collect();
        let sentence =
            |list: &Vec<String>| capitalised(&words.iter().map(|&w| list[w].as_str()).collect::<Vec<_>>().join(" "));
        (sentence(&self.french), sentence(&self.english))
    }
}

fn xml(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;")
}

/// Writes a TMX file of `units` units (seed `seed`) unless it is there; returns its size.
fn write_tmx(path: &Path, vocabulary: &Vocabulary, seed: u64, units: usize) -> u64 {
    if !path.exists() {
        let partial = path.with_extension("partial");
        let mut out = BufWriter::new(File::create(&partial).unwrap());
        out.write_all(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header creationtool=\"bench\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"bench\" adminlang=\"en\" srclang=\"fr-FR\" datatype=\"plaintext\"/><body>\n").unwrap();
        for k in 0..units {
            let (fr, en) = vocabulary.unit(seed, k);
            writeln!(
                out,
                "<tu tuid=\"{k}\" creationdate=\"20240101T000000Z\"><tuv xml:lang=\"fr-FR\"><seg>{}</seg></tuv><tuv xml:lang=\"en-GB\"><seg>{}</seg></tuv></tu>",
                xml(&fr),
                xml(&en)
            )
            .unwrap();
        }
        out.write_all(b"</body></tmx>\n").unwrap();
        out.flush().unwrap();
        drop(out);
        std::fs::rename(&partial, path).unwrap();
    }
    std::fs::metadata(path).unwrap().len()
}

/// Runs `trame tm import FILE --tm MEMORY` under /usr/bin/time: (seconds, peak resident kB).
fn timed_import(file: &Path, memory: &Path) -> (f64, f64) {
    let started = Instant::now();
    let mut command = if Path::new("/usr/bin/time").exists() {
        let mut c = Command::new("/usr/bin/time");
        c.args(["-f", "%M"]).arg(env!("CARGO_BIN_EXE_trame"));
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_trame"))
    };
    let out = command.args(["tm", "import"]).arg(file).arg("--tm").arg(memory).output().unwrap();
    let seconds = started.elapsed().as_secs_f64();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let kilobytes = stderr.lines().last().and_then(|l| l.trim().parse().ok()).unwrap_or(f64::NAN);
    (seconds, kilobytes)
}

/// Prints the time, speed and peak memory of importing `size` bytes.
fn report_import(what: &str, size: u64, (seconds, kilobytes): (f64, f64)) {
    let megabytes = size as f64 / 1e6;
    println!(
        "import {megabytes:.0} MB {what}: {seconds:.1} s, {:.1} MB/s, peak resident memory {:.1} MB",
        megabytes / seconds,
        kilobytes / 1e3
    );
}

fn remove_memory(memory: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", memory.display()));
    }
}

/// A query from unit `k`: one to three words replaced, dropped or added, or (one in ten) none.
fn query(vocabulary: &Vocabulary, random: &mut Random, k: usize) -> String {
    let (french, _) = vocabulary.unit(1, k);
    let mut words: Vec<String> = french.trim_end_matches('.').split(' ').map(str::to_string).collect();
    if random.below(10) > 0 {
        for _ in 0..1 + random.below(3) {
            let at = random.below(words.len());
            match random.below(3) {
                0 => words[at] = vocabulary.french[vocabulary.word(random)].clone(),
                1 if words.len() > 3 => {
                    words.remove(at);
                }
                _ => words.insert(at, vocabulary.french[vocabulary.word(random)].clone()),
            }
        }
    }
    capitalised(&words.join(" "))
}

/// A sentence: a capital first, a full stop last.
fn capitalised(words: &str) -> String {
    let mut chars = words.chars();
    let mut s: String = chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
    s.push('.');
    s
}

/// The best score of `query` over `sources` (sorted by length), as an exhaustive scan finds it: every
/// text is considered, from the closest length outwards, until the length difference alone rules out
/// beating the best score found.
fn exhaustive_best(query: &str, sources: &[(usize, String)]) -> u8 {
    let length = query.chars().count();
    let start = sources.partition_point(|(l, _)| *l < length);
    let (mut below, mut above) = (start, start);
    let mut best = 0u8;
    loop {
        // The nearer in length of the next text below and the next above.
        let next_below = below.checked_sub(1).map(|k| (length - sources[k].0, k));
        let next_above = sources.get(above).map(|(l, _)| (l - length, above));
        let (gap, k) = match (next_below, next_above) {
            (Some(b), Some(a)) => b.min(a),
            (Some(b), None) => b,
            (None, Some(a)) => a,
            (None, None) => return best,
        };
        let longest = length.max(sources[k].0).max(1);
        // No text further away in length can score more than this.
        let bound = (100.0 * (1.0 - gap as f64 / longest as f64)).floor() as u8;
        if bound <= best && gap > 0 {
            return best;
        }
        if k < start {
            below = k;
        } else {
            above = k + 1;
        }
        if let Some(s) = score_at_least(query, &sources[k].1, length, best.saturating_add(1).min(100)) {
            best = s;
            if best == 100 {
                return best;
            }
        }
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/tm-bench");
    std::fs::create_dir_all(&folder).unwrap();
    let vocabulary = Vocabulary::new();

    // Import speed and memory on a large file.
    let megabytes: usize = std::env::var("TRAME_BENCH_IMPORT_MB").ok().and_then(|v| v.parse().ok()).unwrap_or(1000);
    if megabytes > 0 {
        let big = folder.join(format!("import-{megabytes}mb.tmx"));
        let per_unit = 438; // bytes a unit takes in these files, about
        let size = write_tmx(&big, &vocabulary, 2, megabytes * 1_000_000 / per_unit);
        let scratch = folder.join("import-scratch.sqlite");
        remove_memory(&scratch);
        report_import("of TMX", size, timed_import(&big, &scratch));
        remove_memory(&scratch);
    }

    // The 1,000,000-unit memory.
    let file = folder.join("units-1m.tmx");
    let size = write_tmx(&file, &vocabulary, 1, UNITS);
    let memory_path = folder.join("memory-1m.sqlite");
    let ready =
        Memory::open_existing(&memory_path).ok().and_then(|m| m.stats().ok()).is_some_and(|s| s.units > 990_000);
    if !ready {
        remove_memory(&memory_path);
        report_import(&format!("({UNITS} units)"), size, timed_import(&file, &memory_path));
    }
    let memory = Memory::open_existing(&memory_path).unwrap();
    let stats = memory.stats().unwrap();
    let database = std::fs::metadata(&memory_path).map(|m| m.len()).unwrap_or(0);
    println!("memory: {} units, {:.0} MB on disk", stats.units, database as f64 / 1e6);
    let mut memories = vec![("SQLite", memory)];
    let server = std::env::var("TRAME_BENCH_PG").ok();
    let mut scratch = None;
    if let Some(server) = &server {
        let url = scratch_pg::scratch_postgres_database(server, "trame_bench").unwrap();
        report_import(&format!("({UNITS} units) into PostgreSQL"), size, timed_import(&file, Path::new(&url)));
        let memory = Memory::open_existing_location(&url).unwrap();
        assert_eq!(memory.stats().unwrap(), stats, "the same units in both");
        memories.push(("PostgreSQL", memory));
        scratch = Some(url);
    }
    let search = !std::env::var("TRAME_BENCH_SEARCH").is_ok_and(|v| v == "0");
    let found: Vec<(&str, Vec<u8>)> =
        memories.iter().map(|(name, memory)| (*name, measure(name, memory, &vocabulary, search))).collect();
    drop(memories);
    if search && !std::env::var("TRAME_BENCH_EXHAUSTIVE").is_ok_and(|v| v == "0") {
        exhaustive_check(&vocabulary, &found);
    }
    if let (Some(server), Some(url)) = (server, scratch) {
        let name = url.rsplit('/').next().unwrap().split('?').next().unwrap().to_string();
        let mut client = postgres::Client::connect(&server, postgres::NoTls).unwrap();
        client.batch_execute(&format!("DROP DATABASE {name}")).unwrap();
    }
}

/// The queries of the search, from a fixed seed.
fn queries(vocabulary: &Vocabulary) -> Vec<String> {
    let mut random = Random(3);
    (0..QUERIES)
        .map(|_| {
            let k = random.below(UNITS);
            query(vocabulary, &mut random, k)
        })
        .collect()
}

/// Times concordances and (when `search`) searches on `memory`; the best score each query found.
fn measure(backend: &str, memory: &Memory, vocabulary: &Vocabulary, search: bool) -> Vec<u8> {
    let stats = memory.stats().unwrap();

    // Concordance, one phrase at a time.
    let mut random = Random(5);
    let phrases: Vec<String> = (0..CONCORDANCE_QUERIES)
        .map(|_| {
            let (french, _) = vocabulary.unit(1, random.below(UNITS));
            let words: Vec<&str> = french.trim_end_matches('.').split(' ').collect();
            let length = 2 + random.below(3).min(words.len() - 2);
            let from = random.below(words.len() - length + 1);
            words[from..from + length].join(" ")
        })
        .collect();
    let mut times = Vec::with_capacity(phrases.len());
    let (mut units_found, mut refused) = (0, 0);
    for phrase in &phrases {
        let started = Instant::now();
        match memory.concordance(phrase, Some("fr"), None, 50) {
            Ok(found) => {
                times.push(started.elapsed().as_secs_f64() * 1e3);
                assert!(!found.is_empty(), "{phrase}: it comes from a unit");
                units_found += found.len();
            }
            // Short words only (de la): not looked for.
            Err(_) => refused += 1,
        }
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{backend}: concordance on {} units, {} phrases of 2-4 words ({refused} of short words only, refused): median {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms; {:.1} units shown per phrase (at most 50)",
        stats.units,
        times.len(),
        percentile(&times, 0.5),
        percentile(&times, 0.9),
        percentile(&times, 0.99),
        times[times.len() - 1],
        units_found as f64 / times.len() as f64
    );
    if !search {
        return Vec::new();
    }

    // Searches, one by one.
    let queries = queries(vocabulary);
    let mut times = Vec::with_capacity(QUERIES);
    let mut found: Vec<u8> = Vec::with_capacity(QUERIES);
    for q in &queries {
        let started = Instant::now();
        let matches = memory.search(q, "fr", "en", MIN_SCORE, 5).unwrap();
        times.push(started.elapsed().as_secs_f64() * 1e3);
        found.push(matches.first().map_or(0, |m| m.score));
    }
    let mut sorted = times.clone();
    sorted.sort_by(f64::total_cmp);
    println!(
        "{backend}: search on {} units, {QUERIES} queries: median {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        stats.units,
        percentile(&sorted, 0.5),
        percentile(&sorted, 0.9),
        percentile(&sorted, 0.99),
        sorted[sorted.len() - 1]
    );
    found
}

/// Compares each backend's best scores with those of every unit scored.
fn exhaustive_check(vocabulary: &Vocabulary, found: &[(&str, Vec<u8>)]) {
    let queries = queries(vocabulary);
    let started = Instant::now();
    let mut sources: Vec<(usize, String)> = (0..UNITS)
        .map(|k| {
            let text = normalized(&vocabulary.unit(1, k).0);
            (text.chars().count(), text)
        })
        .collect();
    sources.sort();
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let chunk = QUERIES.div_ceil(threads);
    let best: Vec<u8> = std::thread::scope(|scope| {
        let handles: Vec<_> = queries
            .chunks(chunk)
            .map(|part| {
                let sources = &sources;
                scope.spawn(move || part.iter().map(|q| exhaustive_best(&normalized(q), sources)).collect::<Vec<u8>>())
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap()).collect()
    });
    let scan = started.elapsed().as_secs_f64();
    for (backend, found) in found {
        let agree = found.iter().zip(&best).filter(|(f, b)| **f == **b || (**b < MIN_SCORE && **f == 0)).count();
        let misses: Vec<(u8, u8)> = found
            .iter()
            .zip(&best)
            .filter(|(f, b)| **f != **b && **b >= MIN_SCORE)
            .map(|(f, b)| (*f, *b))
            .take(10)
            .collect();
        println!(
            "{backend}: best match as an exhaustive scan finds it: {agree} of {QUERIES} ({:.1}%), exhaustive scan {scan:.0} s on {threads} threads; first misses (found, best): {misses:?}",
            100.0 * agree as f64 / QUERIES as f64,
        );
    }
    if let [(_, first), (_, second)] = found {
        println!(
            "the two backends found the same best score for {} of {QUERIES} queries",
            first.iter().zip(second).filter(|(a, b)| a == b).count()
        );
    }
}

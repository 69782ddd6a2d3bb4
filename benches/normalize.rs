//! Spelling normalisation speed and memory with a 50,000-variant glossary on a 100 MB document (targets:
//! at least 50 MB/s; memory that does not grow with the document).
//!
//! The glossary is generated (see common/names.rs): 26,000 concepts with two deprecated French variants
//! each. The document is the project's French example, its words interleaved with the glossary's names
//! (one word in 40: preferred forms and deprecated variants), written to a temporary file in lines of
//! about 100 words. Peak heap memory is measured with a counting allocator on a 10 MB and a 100 MB
//! document, reading from the file and, with --write's work, writing to another; then criterion times
//! both modes on the 100 MB document.
//!
//! One long line (issue 12): a document of a single line of 2.5, 5 and 10 MB with a deprecated variant in
//! every fifth word (about 350,000 findings at 10 MB), checked and written: the time must grow with the size,
//! not with its square.
//!
//! Run: `cargo bench --bench normalize`

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::path::Path;
use std::time::Instant;
use trame::normalize::{DocumentFormat, NormalizeOptions, Normalizer};
use trame::termbase::TermBase;

#[path = "common/counting.rs"]
mod counting;
#[path = "common/names.rs"]
mod names;

const MB: usize = 1_000_000;

/// Writes a document of about `size` bytes to `path`, without holding it in memory.
fn write_document(path: &Path, size: usize, base: &TermBase) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let example = std::fs::read_to_string(root.join("examples/night-train.fr.txt")).unwrap();
    let words: Vec<&str> = example.split_whitespace().collect();
    let names: Vec<&str> = base
        .concepts
        .iter()
        .flat_map(|c| c.languages["fr"].all().map(|t| t.form.as_str()))
        .filter(|f| !f.contains(' '))
        .collect();
    let mut random = names::Random(0x9E37_79B9_7F4A_7C15);
    let mut out = BufWriter::new(File::create(path).unwrap());
    let (mut written, mut k) = (0, 0);
    while written < size {
        let mut line = String::new();
        for _ in 0..100 {
            let word = if random.next().is_multiple_of(40) {
                names[random.next() % names.len()]
            } else {
                words[k % words.len()]
            };
            k += 1;
            line.push_str(word);
            line.push(' ');
        }
        line.push('\n');
        out.write_all(line.as_bytes()).unwrap();
        written += line.len();
    }
    out.flush().unwrap();
}

/// One run over the file: findings, and whether the new text is written (to `output`).
fn run(normalizer: &Normalizer, path: &Path, output: Option<&Path>) -> usize {
    let input = BufReader::with_capacity(1 << 16, File::open(path).unwrap());
    let mut findings = 0;
    let mut count = |_| findings += 1;
    match output {
        Some(out) => {
            let mut out = BufWriter::new(File::create(out).unwrap());
            normalizer.run(input, Some(&mut out), DocumentFormat::Text, "bench", &mut count).unwrap();
        }
        None => {
            normalizer.run(input, None, DocumentFormat::Text, "bench", &mut count).unwrap();
        }
    }
    findings
}

/// The `trame normalize` command itself on the document, timed with its peak resident memory, by
/// /usr/bin/time when it is there.
fn command_line(base: &TermBase, document: &Path, dir: &Path) {
    if !Path::new("/usr/bin/time").exists() {
        println!("command line: not measured (/usr/bin/time is not installed)");
        return;
    }
    let glossary = dir.join("glossary.toml");
    std::fs::write(&glossary, trame::termbase::to_toml(base)).unwrap();
    // To rerun the command by hand: TRAME_BENCH_KEEP=folder keeps the glossary there.
    if let Some(keep) = std::env::var_os("TRAME_BENCH_KEEP") {
        std::fs::copy(&glossary, Path::new(&keep).join("glossary-52k.toml")).unwrap();
    }
    let copy = dir.join("copy.txt");
    std::fs::copy(document, &copy).unwrap();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    for (mode, target) in [("--check", &empty), ("--check", &document.to_path_buf()), ("--write", &copy)] {
        let bytes = std::fs::metadata(target).unwrap().len() as f64;
        let out = std::process::Command::new("/usr/bin/time")
            .args(["-f", "%e %M"])
            .arg(env!("CARGO_BIN_EXE_trame"))
            .args(["normalize", "--lang", "fr", "--glossary"])
            .arg(&glossary)
            .arg(target)
            .args([mode, "--no-backup"].into_iter().take(if mode == "--write" { 2 } else { 1 }))
            .stdout(std::process::Stdio::null())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        let last = stderr.lines().last().unwrap_or("");
        let mut fields = last.split_whitespace().map(|f| f.parse::<f64>().unwrap_or(f64::NAN));
        let (seconds, kilobytes) = (fields.next().unwrap_or(f64::NAN), fields.next().unwrap_or(f64::NAN));
        println!(
            "command line: trame normalize {mode} {:.0} MB: {seconds:.2} s ({:.0} MB/s, glossary load included), peak resident memory {:.1} MB",
            bytes / 1e6,
            bytes / 1e6 / seconds,
            kilobytes / 1e3
        );
    }
}

/// A document of one line of about `size` bytes, a deprecated variant every fifth word.
fn one_line(base: &TermBase, size: usize) -> String {
    let variants: Vec<&str> = base
        .concepts
        .iter()
        .flat_map(|c| c.languages["fr"].variants.iter().map(|t| t.form.as_str()))
        .filter(|f| !f.contains(' '))
        .take(1000)
        .collect();
    let words = ["le", "train", "de", "nuit", "part"];
    let mut line = String::with_capacity(size + 64);
    let mut k = 0;
    while line.len() < size {
        line.push_str(if k % 5 == 0 { variants[k / 5 % variants.len()] } else { words[k % 5] });
        line.push(' ');
        k += 1;
    }
    line.push('\n');
    line
}

/// Normalisation of one long line, checked and written, at three sizes.
fn long_line(base: &TermBase, normalizer: &Normalizer) {
    for size in [5 * MB / 2, 5 * MB, 10 * MB] {
        let line = one_line(base, size);
        for write in [false, true] {
            let started = Instant::now();
            let mut out: Vec<u8> = Vec::new();
            let (findings, peak) = counting::peak_during(|| {
                let mut findings = 0;
                let output: Option<&mut dyn Write> = if write { Some(&mut out) } else { None };
                normalizer.run(line.as_bytes(), output, DocumentFormat::Text, "line", &mut |_| findings += 1).unwrap();
                findings
            });
            println!(
                "one line of {:.1} MB, {}: {findings} findings in {:.2} s, peak heap {:.1} MB (output kept in memory: {:.1} MB)",
                line.len() as f64 / 1e6,
                if write { "write" } else { "check" },
                started.elapsed().as_secs_f64(),
                peak as f64 / 1e6,
                out.len() as f64 / 1e6
            );
        }
    }
}

fn bench(c: &mut Criterion) {
    let base = names::generated(26_000, 2);
    let started = Instant::now();
    let normalizer = Normalizer::new(&base, "fr", &NormalizeOptions::default());
    println!("glossary: {} spellings to replace (built in {:.2} s)", normalizer.len(), started.elapsed().as_secs_f64());
    assert!(normalizer.len() >= 50_000, "the glossary holds at least 50,000 variants");
    long_line(&base, &normalizer);
    if std::env::var_os("TRAME_BENCH_LONG_LINE_ONLY").is_some() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let written = dir.path().join("out.txt");
    for size in [10 * MB, 100 * MB] {
        let path = dir.path().join(format!("doc-{size}.txt"));
        write_document(&path, size, &base);
        let bytes = std::fs::metadata(&path).unwrap().len() as f64;
        for (mode, output) in [("check", None), ("write", Some(written.as_path()))] {
            let started = Instant::now();
            let (findings, peak) = counting::peak_during(|| run(&normalizer, &path, output));
            let seconds = started.elapsed().as_secs_f64();
            println!(
                "{mode} {:.0} MB: {findings} findings, {:.0} MB/s, peak heap during the run {:.1} MB",
                bytes / 1e6,
                bytes / 1e6 / seconds,
                peak as f64 / 1e6
            );
        }
    }
    let path = dir.path().join(format!("doc-{}.txt", 100 * MB));
    command_line(&base, &path, dir.path());
    let mut group = c.benchmark_group("normalize-50k-variants");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(std::fs::metadata(&path).unwrap().len()));
    group.bench_function("check 100 MB", |b| b.iter(|| run(&normalizer, &path, None)));
    group.bench_function("write 100 MB", |b| b.iter(|| run(&normalizer, &path, Some(&written))));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

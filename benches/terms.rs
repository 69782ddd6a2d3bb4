//! Term base speed and memory (issue 12 targets): `terms build` on 100 KB and 1 MB of French (under
//! 0.5 s for 60 KB, and linear: 1 MB under 5 s), `terms cluster` on 10,000 and 50,000 names (50,000
//! under 10 s).
//!
//! The French text is the project's dev texts (tests/fixtures/termbase-dev) and, when ../shared is there,
//! the French sides of its alignment sets, one after the other and repeated up to the size. The names are
//! the spellings of tests/fixtures/names and full names made of their given names and surnames (a fixed
//! seed), up to the count. Each size is run once with its peak heap memory (a counting allocator), then
//! criterion times the 100 KB build and the 10,000-name clustering.
//!
//! Run: `cargo bench --bench terms`

use criterion::{Criterion, criterion_group, criterion_main};
use std::path::Path;
use std::time::Instant;
use trame::Language;
use trame::termbase::{BuildOptions, TextSource, build, cluster};

#[path = "common/counting.rs"]
mod counting;
#[path = "common/names.rs"]
mod names;

/// About `size` bytes of French text (cut at a character boundary).
fn french(size: usize) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources = vec![
        root.join("tests/fixtures/termbase-dev/news-regional.fr.txt"),
        root.join("tests/fixtures/termbase-dev/news-world.fr.txt"),
    ];
    let shared = root.join("../shared/alignment");
    for extra in ["transread-enfr/AlicesAdventuresInWonderland.fr", "transread-enfr/Emma.fr", "textberg-defr/dev.fr"] {
        if shared.join(extra).exists() {
            sources.push(shared.join(extra));
        }
    }
    let all: String = sources.iter().map(|p| std::fs::read_to_string(p).unwrap() + "\n").collect();
    let mut text = String::with_capacity(size + all.len());
    while text.len() < size {
        text.push_str(&all);
    }
    let cut = (0..=size).rev().find(|&k| text.is_char_boundary(k)).unwrap();
    text.truncate(cut);
    text
}

/// `count` distinct names: the fixtures' spellings, then given name + surname pairs made from them.
fn names(count: usize) -> Vec<(String, u32)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut spellings: Vec<String> = Vec::new();
    for file in ["variants.txt", "heldout-slavic.txt", "heldout-world.txt"] {
        let text = std::fs::read_to_string(root.join("tests/fixtures/names").join(file)).unwrap();
        for line in text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
            spellings.extend(line.split('|').map(|f| f.trim().to_string()));
        }
    }
    let given: Vec<&str> = spellings.iter().filter_map(|s| s.split_once(' ').map(|(g, _)| g)).collect();
    let surnames: Vec<&str> = spellings.iter().filter_map(|s| s.rsplit(' ').next()).collect();
    let mut seen: std::collections::HashSet<String> = spellings.iter().cloned().collect();
    let mut out: Vec<String> = spellings.clone();
    let mut random = names::Random(0x5DEE_CE66_D1CE_4E5B);
    while out.len() < count {
        let name = format!("{} {}", given[random.next() % given.len()], surnames[random.next() % surnames.len()]);
        if seen.insert(name.clone()) {
            out.push(name);
        }
    }
    out.truncate(count);
    out.into_iter().map(|n| (n, 1)).collect()
}

fn build_once(text: &str) -> usize {
    let source = TextSource { name: "bench.fr.txt".into(), text, language: Language::french() };
    build(&[source], &[], &BuildOptions::default()).concepts.len()
}

fn bench(c: &mut Criterion) {
    for size in [60_000, 100_000, 1_000_000, 2_000_000] {
        let text = french(size);
        let started = Instant::now();
        let (concepts, peak) = counting::peak_during(|| build_once(&text));
        println!(
            "terms build, {:.0} KB of French: {:.3} s, {concepts} concepts, peak heap {:.1} MB",
            text.len() as f64 / 1e3,
            started.elapsed().as_secs_f64(),
            peak as f64 / 1e6
        );
    }
    for count in [10_000, 50_000] {
        let list = names(count);
        let started = Instant::now();
        let (clusters, peak) = counting::peak_during(|| cluster(&list).len());
        println!(
            "terms cluster, {count} names: {:.3} s, {clusters} clusters, peak heap {:.1} MB",
            started.elapsed().as_secs_f64(),
            peak as f64 / 1e6
        );
    }
    let text = french(100_000);
    c.bench_function("terms build 100 KB", |b| b.iter(|| build_once(&text)));
    let list = names(10_000);
    c.bench_function("terms cluster 10k names", |b| b.iter(|| cluster(&list).len()));
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);

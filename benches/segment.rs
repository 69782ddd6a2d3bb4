//! Segmentation throughput on a few MB of French and English prose (target: at least 50 MB/s with the
//! built-in rules, single-threaded).
//!
//! The text is the project's own examples plus, when ../shared is beside the project, the French articles
//! and English originals of ../shared/corpus, repeated to about 4 MB per language.
//!
//! Run: `cargo bench --bench segment`

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;
use trame::Language;
use trame::segment::Segmenter;

const TARGET_BYTES: usize = 4 << 20;

fn corpus(lang: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut pieces = vec![std::fs::read_to_string(root.join(format!("examples/night-train.{lang}.txt"))).unwrap()];
    if let Ok(entries) = std::fs::read_dir(root.join("../shared/corpus").join(lang)) {
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        pieces.extend(paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()));
    }
    let unit = pieces.join("\n\n");
    let mut text = String::with_capacity(TARGET_BYTES + unit.len());
    while text.len() < TARGET_BYTES {
        text.push_str(&unit);
        text.push_str("\n\n");
    }
    text
}

fn builtin(c: &mut Criterion) {
    let mut group = c.benchmark_group("segment");
    for lang in ["fr", "en"] {
        let text = corpus(lang);
        let segmenter = Segmenter::builtin(&Language::parse(lang).unwrap());
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.sample_size(20);
        group.bench_function(format!("builtin-{lang}"), |b| b.iter(|| segmenter.sentences(black_box(&text)).len()));
    }
    group.finish();
}

criterion_group!(benches, builtin);
criterion_main!(benches);

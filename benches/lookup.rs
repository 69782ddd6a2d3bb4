//! Lookup speed on a 50,000-concept term base (targets: exact and variant under 50 µs, fuzzy under 1 ms).
//!
//! The term base is generated: names made of random syllables (a fixed seed), each concept with a French
//! and an English preferred form, a transliteration variant and a full form.
//!
//! Run: `cargo bench --bench lookup`

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use trame::termbase::TermIndex;

#[path = "common/names.rs"]
mod names;

fn bench(c: &mut Criterion) {
    let base = names::generated(50_000, 1);
    let index = TermIndex::new(&base);
    println!("term base: {} concepts, {} terms indexed", base.concepts.len(), index.len());
    let exact = base.concepts[12_345].languages["en"].preferred.form.clone();
    let variant = base.concepts[23_456].languages["fr"].variants[0].form.clone();
    // Two edits inside a stored name: found only by the fuzzy search.
    let mut fuzzy: Vec<char> = base.concepts[34_567].languages["en"].preferred.form.chars().collect();
    let middle = fuzzy.len() / 2;
    fuzzy[middle] = 'q';
    fuzzy.insert(1, 'x');
    let fuzzy: String = fuzzy.into_iter().collect();
    assert!(!index.lookup(&fuzzy, None, 5).is_empty(), "the fuzzy query finds something");
    let mut group = c.benchmark_group("lookup-50k");
    group.bench_function("exact", |b| b.iter(|| index.lookup(black_box(&exact), None, 5).len()));
    group.bench_function("variant", |b| b.iter(|| index.lookup(black_box(&variant), None, 5).len()));
    group.bench_function("fuzzy", |b| b.iter(|| index.lookup(black_box(&fuzzy), None, 5).len()));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

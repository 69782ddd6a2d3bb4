//! Alignment time and memory on 6,000 × 6,000 and 24,000 × 24,000 sentences (targets: under 1 s and 5 s
//! on one core, peak memory under 256 MB).
//!
//! The texts are the two TransRead novels of ../shared/alignment (French and English, one sentence a
//! line) repeated until each side holds the number of sentences wanted; without ../shared, the project's
//! own example, repeated. Peak heap memory is measured by a counting allocator around one alignment and
//! printed before criterion's timings.
//!
//! Run: `cargo bench --bench align`

use criterion::{Criterion, criterion_group, criterion_main};
use std::path::Path;
use trame::Language;
use trame::align::{AlignSide, Aligner};

#[path = "common/counting.rs"]
mod counting;

/// One sentence a line, `lines` lines, from the novels (or the example).
fn text(lang: &str, lines: usize) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared/alignment/transread-enfr");
    let mut unit = String::new();
    for novel in ["AlicesAdventuresInWonderland", "Emma"] {
        if let Ok(t) = std::fs::read_to_string(shared.join(format!("{novel}.{lang}"))) {
            unit.push_str(&t);
        }
    }
    if unit.is_empty() {
        let example = std::fs::read_to_string(root.join(format!("examples/night-train.{lang}.txt"))).unwrap();
        let side = AlignSide::segment(&example, Language::parse(lang).unwrap());
        for k in 0..side.sentences.len() {
            unit.push_str(side.sentence(k));
            unit.push('\n');
        }
    }
    let unit: Vec<&str> = unit.lines().filter(|l| !l.trim().is_empty()).collect();
    let mut out = String::new();
    for k in 0..lines {
        out.push_str(unit[k % unit.len()]);
        out.push('\n');
    }
    out
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("align");
    group.sample_size(10);
    for size in [6_000, 24_000] {
        let (fr, en) = (text("fr", size), text("en", size));
        let source = AlignSide::presegmented(&fr, Language::french());
        let target = AlignSide::presegmented(&en, Language::english());
        let (beads, peak) = counting::peak_during(|| Aligner::default().align(&source, &target).beads.len());
        println!("align {size} x {size}: {beads} beads, peak heap during alignment {:.1} MB", peak as f64 / 1e6);
        group.bench_function(format!("{size}x{size}"), |b| {
            b.iter(|| Aligner::default().align(&source, &target).beads.len())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! Lookup speed on a 50,000-concept term base (targets: exact and variant under 50 µs, fuzzy under 1 ms).
//!
//! The term base is generated: names made of random syllables (a fixed seed), each concept with a French
//! and an English preferred form, a transliteration variant and a full form.
//!
//! Run: `cargo bench --bench lookup`

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use trame::termbase::{Concept, Kind, LangTerms, Status, Term, TermBase, TermIndex};

const SYLLABLES: [&str; 24] = [
    "ka", "lo", "mi", "ru", "sen", "tor", "va", "le", "ni", "ko", "shen", "dra", "vi", "zo", "bar", "el", "gu", "pa",
    "ro", "sta", "vek", "lin", "mar", "ov",
];

/// A small deterministic generator (xorshift).
struct Random(u64);

impl Random {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as usize
    }

    fn name(&mut self) -> String {
        let parts = 2 + self.next() % 3;
        let mut name: String = (0..parts).map(|_| SYLLABLES[self.next() % SYLLABLES.len()]).collect();
        name[..1].make_ascii_uppercase();
        name
    }
}

fn term(form: &str, status: Status, kind: Kind) -> Term {
    let mut t = Term::new(form, status);
    t.kind = kind;
    t
}

fn generated(concepts: usize) -> TermBase {
    let mut random = Random(0x2545_F491_4F6C_DD1D);
    let mut base = TermBase::default();
    for k in 0..concepts {
        let surname = random.name();
        let given = random.name();
        let french = surname.replace("sh", "ch").replace('u', "ou");
        let mut concept = Concept { id: format!("c{k}"), ..Concept::default() };
        concept.languages.insert(
            "fr".into(),
            LangTerms {
                preferred: term(&french, Status::Preferred, Kind::Spelling),
                variants: vec![
                    term(&format!("{surname}a"), Status::Deprecated, Kind::Transliteration),
                    term(&format!("{given} {french}"), Status::Admitted, Kind::FullForm),
                ],
            },
        );
        concept.languages.insert(
            "en".into(),
            LangTerms { preferred: term(&surname, Status::Preferred, Kind::Spelling), variants: vec![] },
        );
        base.concepts.push(concept);
    }
    base
}

fn bench(c: &mut Criterion) {
    let base = generated(50_000);
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

//! A generated term base for the benchmarks: names made of random syllables (a fixed seed), each concept
//! with a French and an English preferred form, deprecated transliteration variants and a full form.
#![allow(dead_code)]

use trame::termbase::{Concept, Kind, LangTerms, Status, Term, TermBase};

const SYLLABLES: [&str; 24] = [
    "ka", "lo", "mi", "ru", "sen", "tor", "va", "le", "ni", "ko", "shen", "dra", "vi", "zo", "bar", "el", "gu", "pa",
    "ro", "sta", "vek", "lin", "mar", "ov",
];

/// A small deterministic generator (xorshift).
pub struct Random(pub u64);

impl Random {
    pub fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as usize
    }

    pub fn name(&mut self) -> String {
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

/// `concepts` concepts, each with `deprecated` (1 to 3) deprecated French variants; no form (case aside)
/// belongs to two concepts.
pub fn generated(concepts: usize, deprecated: usize) -> TermBase {
    let mut random = Random(0x2545_F491_4F6C_DD1D);
    let mut base = TermBase::default();
    let mut used = std::collections::HashSet::new();
    let endings = &["a", "y", "e"][..deprecated];
    while base.concepts.len() < concepts {
        let k = base.concepts.len();
        let surname = random.name();
        let given = random.name();
        let french = surname.replace("sh", "ch").replace('u', "ou");
        let forms: Vec<String> = [surname.clone(), french.clone()]
            .into_iter()
            .chain(endings.iter().map(|end| format!("{surname}{end}")))
            .map(|f| f.to_lowercase())
            .collect();
        if forms.iter().any(|f| used.contains(f)) {
            continue;
        }
        used.extend(forms);
        let mut concept = Concept { id: format!("c{k}"), ..Concept::default() };
        concept.languages.insert(
            "fr".into(),
            LangTerms {
                preferred: term(&french, Status::Preferred, Kind::Spelling),
                variants: endings
                    .iter()
                    .map(|end| term(&format!("{surname}{end}"), Status::Deprecated, Kind::Transliteration))
                    .chain([term(&format!("{given} {french}"), Status::Admitted, Kind::FullForm)])
                    .collect(),
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

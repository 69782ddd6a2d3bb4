//! Lookup with an arbitrary query in the shipped term base and in a small arbitrary one: exact, folded,
//! variant, phonetic and fuzzy matches; a query made of a term of either must find its concept.
#![no_main]

use arbitrary::Arbitrary;
use trame_fuzz::{Case, Pick};

#[derive(Debug, Arbitrary)]
enum CaseInput {
    AsWritten,
    AsciiUpper,
    AsciiLower,
}

#[derive(Debug, Arbitrary)]
struct Input {
    /// Forms of a small term base, two a concept (a preferred term and a deprecated variant).
    forms: Vec<String>,
    query: String,
    /// 0: any language, 1: French, 2: English.
    language: u8,
    /// A term of the term bases to look up instead of `query`.
    pick: Option<(u16, CaseInput)>,
}

libfuzzer_sys::fuzz_target!(|input: Input| {
    let pick = input.pick.map(|(term, case)| Pick {
        term: usize::from(term),
        case: match case {
            CaseInput::AsWritten => Case::AsWritten,
            CaseInput::AsciiUpper => Case::AsciiUpper,
            CaseInput::AsciiLower => Case::AsciiLower,
        },
    });
    let forms: Vec<String> = input.forms.into_iter().take(16).collect();
    trame_fuzz::lookup(&forms, &input.query, input.language, pick);
});

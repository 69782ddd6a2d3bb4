//! Properties of spelling normalisation on generated documents: a second run changes nothing; every byte
//! outside a replacement is kept; each finding's offset, line and column point at what it found.

use proptest::prelude::*;
use trame::normalize::{DocumentFormat, Finding, NormalizeOptions, Normalizer};
use trame::termbase::builtin;

/// Words of generated documents: spellings to replace and to keep, in several cases, with elisions,
/// possessives, accents, markup, addresses and every kind of line break.
const WORDS: &[&str] = &[
    "Lukachenko",
    "LUKACHENKO",
    "lukachenko",
    "Lukashenko",
    "Loukachenko",
    "Alexander",
    "Alexandre",
    "d'Lukachenko",
    "l’Lukashenko",
    "Lukashenko's",
    "Kieu",
    "Kiev",
    "Podolyak",
    "Vladimirpoutine",
    "Poutine",
    "Putin",
    "Lukachenko-ville",
    "xLukachenko",
    "été",
    "Œuvre",
    "à",
    "de",
    "https://ex.by/Lukachenko",
    "a@lukachenko.by",
    "<a href='Kieu'>",
    "</a>",
    "`Kieu`",
    "[Kieu](http://x/Kieu)",
    ",",
    ".",
    "«",
    "»",
];

const BREAKS: &[&str] = &[" ", " ", " ", "  ", "\n", "\r\n", "\n\n", "\t", "\u{a0}", ""];

fn document() -> impl Strategy<Value = String> {
    proptest::collection::vec((proptest::sample::select(WORDS), proptest::sample::select(BREAKS)), 0..80)
        .prop_map(|parts| parts.into_iter().flat_map(|(w, b)| [w, b]).collect())
}

fn format() -> impl Strategy<Value = DocumentFormat> {
    prop_oneof![Just(DocumentFormat::Text), Just(DocumentFormat::Markdown), Just(DocumentFormat::Html)]
}

fn run(normalizer: &Normalizer, text: &str, format: DocumentFormat) -> (String, Vec<Finding>) {
    let mut out = Vec::new();
    let mut found = Vec::new();
    normalizer.run(text.as_bytes(), Some(&mut out), format, "doc", &mut |f| found.push(f)).unwrap();
    (String::from_utf8(out).unwrap(), found)
}

fn normalizer(language: &str) -> Normalizer {
    Normalizer::new(&builtin(), language, &NormalizeOptions::default())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn a_second_run_changes_nothing(text in document(), format in format(), english in any::<bool>()) {
        let normalizer = normalizer(if english { "en" } else { "fr" });
        let (once, _) = run(&normalizer, &text, format);
        let (twice, found) = run(&normalizer, &once, format);
        prop_assert_eq!(&twice, &once);
        prop_assert!(found.is_empty(), "{:?}", found);
    }

    #[test]
    fn bytes_outside_replacements_are_kept(text in document(), format in format()) {
        let (out, found) = run(&normalizer("fr"), &text, format);
        let mut rebuilt = String::new();
        let mut at = 0;
        for f in &found {
            prop_assert!(f.byte_offset >= at, "findings in order, not overlapping");
            rebuilt.push_str(&text[at..f.byte_offset]);
            rebuilt.push_str(&f.replacement);
            at = f.byte_offset + f.found.len();
        }
        rebuilt.push_str(&text[at..]);
        prop_assert_eq!(out, rebuilt);
    }

    #[test]
    fn findings_point_at_what_they_found(text in document(), format in format()) {
        let (_, found) = run(&normalizer("fr"), &text, format);
        for f in &found {
            prop_assert_eq!(&text[f.byte_offset..f.byte_offset + f.found.len()], f.found.as_str());
            let before = &text[..f.byte_offset];
            prop_assert_eq!(f.line, before.matches('\n').count() + 1);
            let line_start = before.rfind('\n').map_or(0, |k| k + 1);
            prop_assert_eq!(f.column, before[line_start..].chars().count() + 1);
            // Whole words: no letter or digit right before or after.
            prop_assert!(!before.chars().next_back().is_some_and(char::is_alphanumeric));
            let after = &text[f.byte_offset + f.found.len()..];
            prop_assert!(!after.chars().next().is_some_and(char::is_alphanumeric));
            prop_assert!(!f.found.contains("//") && !f.found.contains('@'));
        }
    }
}

#[test]
fn a_byte_order_mark_and_crlf_are_kept() {
    let text = "\u{FEFF}Lukachenko\r\n\r\nKieu\r\n";
    let (out, found) = run(&normalizer("fr"), text, DocumentFormat::Text);
    assert_eq!(out, "\u{FEFF}Loukachenko\r\n\r\nKiev\r\n");
    assert_eq!((found[1].line, found[1].column, found[1].byte_offset), (3, 1, 17));
}

//! No input may panic: clustering, keys and guards, lookup, extraction (the build) and normalisation on
//! arbitrary Unicode names and texts (a given name starting with "ə" once made clustering panic).

use proptest::prelude::*;
use trame::Language;
use trame::normalize::{DocumentFormat, NormalizeOptions, Normalizer};
use trame::termbase::{
    BuildOptions, Concept, LangTerms, Status, Term, TermBase, TermIndex, TextSource, build, cluster, look_alikes,
    loose_key, name_key,
};

/// Names: arbitrary Unicode, or words with the letters that need care (combining marks, ligatures,
/// dotless i, schwa, Polish, Turkish, Cyrillic, apostrophes, hyphens, Roman numerals).
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-zA-ZəƏıİłŁżŻčšžćđœßÆéèëïîôûüñ'’ .-]{0,24}",
        proptest::collection::vec(
            prop::sample::select(vec![
                "əli",
                "Əliyev",
                "al-",
                "al‐",
                "AṢ‐",
                "‐",
                "El",
                "ibn",
                "Jean-",
                "J.-P.",
                "II",
                "XIXe",
                "Mc",
                "d'",
                "l’",
                "ŒUVRE",
                "Ⅻ",
                "e\u{301}",
                "ﬁ",
                "Σίσυφος",
                "Путин",
                "李",
                "-",
                "'",
                " ",
                "ǅemal",
                "İstanbul",
                "Kiev",
                "Kieu",
            ]),
            0..6
        )
        .prop_map(|parts| parts.concat()),
    ]
}

fn base_of(forms: &[String]) -> TermBase {
    let mut base = TermBase::default();
    for (k, pair) in forms.chunks(2).enumerate() {
        let mut concept = Concept { id: format!("c{k}"), ..Concept::default() };
        let mut terms = LangTerms { preferred: Term::new(&pair[0], Status::Preferred), variants: Vec::new() };
        if let Some(variant) = pair.get(1) {
            terms.variants.push(Term::new(variant, Status::Deprecated));
        }
        concept.languages.insert("fr".into(), terms);
        base.concepts.push(concept);
    }
    base
}

proptest! {
    #![proptest_config(proptest::test_runner::Config { cases: 300, ..Default::default() })]

    #[test]
    fn keys_and_guards_take_any_name(a in name(), b in name()) {
        let _ = (name_key(&a), loose_key(&a));
        prop_assert_eq!(look_alikes(&a, &b), look_alikes(&b, &a));
    }

    #[test]
    fn clustering_takes_any_names_and_keeps_each_once(forms in proptest::collection::vec(name(), 0..40)) {
        let input: Vec<(String, u32)> = forms.iter().map(|f| (f.clone(), 1)).collect();
        let clusters = cluster(&input);
        let mut out: Vec<&str> = clusters.iter().flat_map(|c| c.members.iter().map(|m| m.form.as_str())).collect();
        let mut expected: Vec<&str> = forms.iter().map(|f| f.trim()).filter(|f| !f.is_empty()).collect();
        out.sort_unstable();
        expected.sort_unstable();
        expected.dedup();
        prop_assert_eq!(out, expected);
    }

    #[test]
    fn lookup_takes_any_term_base_and_query(forms in proptest::collection::vec(name(), 1..20), query in name()) {
        let index = TermIndex::new(&base_of(&forms));
        let _ = index.lookup(&query, None, 5);
        let _ = index.lookup(&query, Some("fr"), 5);
    }

    #[test]
    fn extraction_takes_any_text(words in proptest::collection::vec(
        prop_oneof![name(), prop::sample::select(vec![". ", ", ", " : ", " « ", " » ", "\n", " — ", "(", ")", " de ", " la "]).prop_map(String::from)],
        0..80,
    )) {
        let text = words.concat();
        let source = TextSource { name: "t.txt".into(), text: &text, language: Language::french() };
        let options = BuildOptions { min_frequency: 1, min_term_frequency: 1, ..BuildOptions::default() };
        let base = build(&[source], &[], &options);
        for concept in &base.concepts {
            for (_, term) in concept.terms() {
                prop_assert!(!term.form.trim().is_empty());
            }
        }
    }

    #[test]
    fn normalisation_takes_any_glossary_and_text(forms in proptest::collection::vec(name(), 1..12), text in proptest::collection::vec(name(), 0..30)) {
        let normalizer = Normalizer::new(&base_of(&forms), "fr", &NormalizeOptions::default());
        let text = text.join(" ");
        let mut out = Vec::new();
        normalizer.run(text.as_bytes(), Some(&mut out), DocumentFormat::Text, "t", &mut |_| {}).unwrap();
        if normalizer.is_empty() {
            prop_assert_eq!(out, text.into_bytes());
        }
    }
}

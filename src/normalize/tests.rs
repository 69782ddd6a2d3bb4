use super::*;
use crate::termbase::builtin;

fn run(language: &str, format: DocumentFormat, text: &str) -> (String, Vec<Finding>) {
    let normalizer = Normalizer::new(&builtin(), language, &NormalizeOptions::default());
    let mut out = Vec::new();
    let mut found = Vec::new();
    normalizer.run(text.as_bytes(), Some(&mut out), format, "t", &mut |f| found.push(f)).unwrap();
    (String::from_utf8(out).unwrap(), found)
}

#[test]
fn french_and_english() {
    let (fr, found) = run("fr", DocumentFormat::Text, "Alexandre Lukachenko et Lukashenko.\r\nKieu est loin.\n");
    assert_eq!(fr, "Alexandre Loukachenko et Loukachenko.\r\nKiev est loin.\n");
    let pairs: Vec<(&str, &str)> = found.iter().map(|f| (f.found.as_str(), f.replacement.as_str())).collect();
    assert_eq!(
        pairs,
        [("Alexandre Lukachenko", "Alexandre Loukachenko"), ("Lukashenko", "Loukachenko"), ("Kieu", "Kiev")]
    );
    assert_eq!((found[2].line, found[2].column, found[2].byte_offset), (2, 1, 37));
    let (en, _) = run("en", DocumentFormat::Text, "Loukachenko's men met Poutine.\n");
    assert_eq!(en, "Lukashenko's men met Putin.\n");
}

#[test]
fn whole_words_elisions_and_line_breaks() {
    let (out, _) =
        run("fr", DocumentFormat::Text, "LukachenkoX, d'Lukachenko, Lukachenko-ville.\nAlexander\nLukashenko\n");
    assert_eq!(out, "LukachenkoX, d'Loukachenko, Lukachenko-ville.\nAlexandre\nLoukachenko\n");
}

#[test]
fn protected_parts() {
    let html = "<p title=\"Lukachenko\">Lukachenko <a href=\"/Lukachenko\">x</a></p>\n";
    assert_eq!(
        run("fr", DocumentFormat::Html, html).0,
        "<p title=\"Lukachenko\">Loukachenko <a href=\"/Lukachenko\">x</a></p>\n"
    );
    let md = "`Lukachenko` [Lukachenko](https://x.by/Lukachenko) <Lukachenko@x.by>\n« Lukachenko » trame:keep\n";
    let expected = "`Lukachenko` [Loukachenko](https://x.by/Lukachenko) <Lukachenko@x.by>\n« Lukachenko » trame:keep\n";
    assert_eq!(run("fr", DocumentFormat::Markdown, md).0, expected);
}

#[test]
fn bom_and_refusals() {
    let (out, found) = run("fr", DocumentFormat::Text, "\u{FEFF}Lukachenko\n");
    assert_eq!(out, "\u{FEFF}Loukachenko\n");
    assert_eq!(found[0].byte_offset, 3);
    let normalizer = Normalizer::new(&builtin(), "fr", &NormalizeOptions::default());
    let err = normalizer.run(&b"ok\nbad \xE9\n"[..], None, DocumentFormat::Text, "x.txt", &mut |_| {}).unwrap_err();
    assert_eq!(err.to_string(), "x.txt:2:5: not UTF-8 text");
}

#[test]
fn keep_option() {
    let options = NormalizeOptions { keep: vec!["Lukachenko".into()], ..NormalizeOptions::default() };
    let normalizer = Normalizer::new(&builtin(), "fr", &options);
    let mut out = Vec::new();
    normalizer.run(&b"Lukachenko et Kieu\n"[..], Some(&mut out), DocumentFormat::Text, "t", &mut |_| {}).unwrap();
    assert_eq!(out, b"Lukachenko et Kiev\n");
}

/// Runs with the given chunk and piece sizes; returns the output and the findings.
fn run_sized(normalizer: &mut Normalizer, chunk: usize, piece: usize, text: &str) -> (String, Vec<Finding>) {
    normalizer.chunk = chunk;
    normalizer.max_piece = piece;
    let mut out = Vec::new();
    let mut found = Vec::new();
    normalizer.run(text.as_bytes(), Some(&mut out), DocumentFormat::Html, "t", &mut |f| found.push(f)).unwrap();
    (String::from_utf8(out).unwrap(), found)
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config { cases: 300, ..Default::default() })]

    /// Small chunks and pieces (long lines cut up) give what one chunk gives. (Not with `trame:keep`
    /// markers, which protect from the piece they are in: a whole line, unless the line is cut up.)
    #[test]
    fn chunking_changes_nothing(words in proptest::collection::vec(proptest::sample::select(vec![
        "Lukachenko", "LUKACHENKO", "Loukachenko", "Alexander", "Lukashenko", "Kieu", "é", "le", "<b", "title='Kieu'>",
        "</b>", "<!--", "-->", "d'Lukachenko", "<script>", "</script>", " ", "  ", "\n", "\r\n", "\n\n", "https://x.by/Kieu", "x",
    ]), 0..120)) {
        let text: String = words.iter().enumerate().map(|(k, w)| if k % 2 == 0 { format!("{w} ") } else { w.to_string() }).collect();
        let mut normalizer = Normalizer::new(&builtin(), "fr", &NormalizeOptions::default());
        // The context shown is cut to the text at hand: set aside.
        let without_context = |(out, found): (String, Vec<Finding>)| {
            (out, found.into_iter().map(|f| Finding { context: String::new(), ..f }).collect::<Vec<_>>())
        };
        let whole = without_context(run_sized(&mut normalizer, 1 << 20, 1 << 18, &text));
        let small = without_context(run_sized(&mut normalizer, 256, 64, &text));
        proptest::prop_assert_eq!(&whole, &small);
    }
}

#[test]
fn a_spelling_inside_a_longer_one_left_out_is_found() {
    // "Alexander Lukashenko" is glued to the word before it, so it is left; "Lukashenko" alone is not.
    let normalizer = Normalizer::new(&builtin(), "fr", &NormalizeOptions::default());
    let mut found = Vec::new();
    let text = "LukachenkoAlexander\nLukashenko dit.\n";
    normalizer.run(text.as_bytes(), None, DocumentFormat::Text, "t", &mut |f| found.push(f)).unwrap();
    let found: Vec<_> = found.iter().map(|f| (f.line, f.column, f.found.as_str(), f.replacement.as_str())).collect();
    assert_eq!(found, [(2, 1, "Lukashenko", "Loukachenko")]);
}

/// A normaliser for French from a term base written in TOML.
fn normalizer(toml: &str) -> Normalizer {
    let base = crate::termbase::parse(toml, std::path::Path::new("test.toml")).unwrap();
    Normalizer::new(&base, "fr", &NormalizeOptions::default())
}

fn replaced(normalizer: &Normalizer, text: &str) -> (String, Vec<(String, String)>) {
    let mut out = Vec::new();
    let mut found = Vec::new();
    normalizer.run(text.as_bytes(), Some(&mut out), DocumentFormat::Text, "t", &mut |f| found.push(f)).unwrap();
    (String::from_utf8(out).unwrap(), found.into_iter().map(|f| (f.found, f.replacement)).collect())
}

const LAVROV: &str = r#"
[[concept]]
id = "lavrov"
subject = "person"
[concept.fr.preferred]
form = "Sergueï Lavrov"
[[concept.fr.variants]]
form = "Sergey Lavrov"
status = "deprecated"
kind = "transliteration"
"#;

#[test]
fn a_deprecated_multiword_variant_matches_only_whole() {
    let n = normalizer(LAVROV);
    let (out, found) = replaced(&n, "Sergey Brin a fondé Google.\n");
    assert_eq!(out, "Sergey Brin a fondé Google.\n");
    assert!(found.is_empty(), "{found:?}");
    let (out, _) = replaced(&n, "Sergey Lavrov a parlé, puis SERGEY LAVROV a répété.\n");
    assert_eq!(out, "Sergueï Lavrov a parlé, puis SERGUEÏ LAVROV a répété.\n");
}

#[test]
fn a_capitalised_variant_matches_only_capitalised_text() {
    let n = normalizer(
        r#"
[[concept]]
id = "association"
subject = "organisation"
[concept.fr.preferred]
form = "Association"
[[concept.fr.variants]]
form = "Associations"
status = "deprecated"
"#,
    );
    let (out, found) = replaced(&n, "Les associations du canton. Les Associations du canton. ASSOCIATIONS.\n");
    assert_eq!(out, "Les associations du canton. Les Association du canton. ASSOCIATION.\n");
    assert_eq!(found.len(), 2);
}

#[test]
fn accent_only_variants_deprecated_by_the_glossary_match_as_written() {
    let n = normalizer(
        r#"
[[concept]]
id = "etats"
subject = "term"
[concept.fr.preferred]
form = "États"
[[concept.fr.variants]]
form = "Etats"
status = "deprecated"

[[concept]]
id = "kharkiv"
subject = "place"
[concept.fr.preferred]
form = "Kharkiv"
[[concept.fr.variants]]
form = "Kharkov"
status = "admitted"
[[concept.fr.variants]]
form = "KHARKIV"
status = "suggested"
"#,
    );
    let (out, found) = replaced(&n, "Les Etats membres, les États voisins, les etats d'âme, ETATS.\n");
    assert_eq!(out, "Les États membres, les États voisins, les etats d'âme, ETATS.\n");
    assert_eq!(found, [("Etats".to_string(), "États".to_string())]);
    let (out, found) = replaced(&n, "Kharkov, Kharkiv, KHARKIV.\n");
    assert_eq!(out, "Kharkov, Kharkiv, KHARKIV.\n");
    assert!(found.is_empty());
}

#[test]
fn positions_on_one_long_line() {
    let n = normalizer(LAVROV);
    let text = "Sergey Lavrov et x. ".repeat(2000) + "\n";
    let mut found = Vec::new();
    n.run(text.as_bytes(), None, DocumentFormat::Text, "t", &mut |f| found.push(f)).unwrap();
    assert_eq!(found.len(), 2000);
    for (k, f) in found.iter().enumerate() {
        assert_eq!((f.line, f.column, f.byte_offset), (1, 1 + k * 20, k * 20));
    }
}

#[test]
fn part_of_a_character_that_folds_to_two_is_not_a_match() {
    // "ß" folds to "ss": the deprecated "s" matches twice inside it; neither is the word "s".
    let n = normalizer(
        r#"
[[concept]]
id = "s"
[concept.fr.preferred]
form = "t"
[[concept.fr.variants]]
form = "s"
status = "deprecated"
"#,
    );
    let (out, found) = replaced(&n, "ß et s.\n");
    assert_eq!(out, "ß et t.\n");
    assert_eq!(found, [("s".to_string(), "t".to_string())]);
}

//! One test per bug found outside the code's own tests (fuzzers, property tests in CI, held-out text),
//! named after what broke, through the public API only. The commit that fixed each is named above it;
//! the module tests next to the code keep their own, finer cases.

use trame::normalize::{DocumentFormat, NormalizeOptions, Normalizer};
use trame::termbase::{cluster, loose_key, parse};
use trame::tmx::{Item, TmxReader};

/// 06df2f0, found by the cluster fuzzer: a name made only of articles left no last word, and the loose key
/// subtracted one from an empty length.
#[test]
fn loose_key_of_a_name_made_only_of_articles_underflowed() {
    for form in ["La Le Les", "l' la le", "le la les de", "L)L \u{f7} )L"] {
        let _ = loose_key(form);
    }
    assert_eq!(loose_key("La Le Les"), loose_key("la le les"));
}

/// 2e115c1, found by the cluster fuzzer: the counts of one spelling were added past `u32::MAX`.
#[test]
fn cluster_counts_of_one_spelling_overflowed_past_u32_max() {
    let forms = [("Vucic".to_string(), u32::MAX), ("Vucic".to_string(), 1), ("Vučić".to_string(), 2)];
    let clusters = cluster(&forms);
    assert_eq!((clusters[0].preferred(), clusters[0].members[0].count), ("Vucic", u32::MAX));
}

/// 3befc84, a property test in CI: "ß" folds to "ss", and the deprecated spelling "s" was replaced inside
/// it, cutting the character in two.
#[test]
fn normalize_replaced_half_of_a_character_that_folds_to_two_letters() {
    let glossary = "[[concept]]\nid = \"s\"\n[concept.fr.preferred]\nform = \"t\"\n\
                    [[concept.fr.variants]]\nform = \"s\"\nstatus = \"deprecated\"\n";
    let base = parse(glossary, std::path::Path::new("s.toml")).unwrap();
    let normalizer = Normalizer::new(&base, "fr", &NormalizeOptions::default());
    let mut out = Vec::new();
    let mut found = Vec::new();
    normalizer.run("ß et s.\n".as_bytes(), Some(&mut out), DocumentFormat::Text, "t", &mut |f| found.push(f)).unwrap();
    assert_eq!(String::from_utf8(out).unwrap(), "ß et t.\n");
    assert_eq!(found.len(), 1);
}

/// 3befc84, the TMX property test in CI: a character XML forbids between `\r` and `\n` was left out after
/// the line ends were made `\n`, so one line end became two.
#[test]
fn tmx_text_with_a_forbidden_character_inside_a_line_end_got_two_line_ends() {
    let xml = "<tmx version=\"1.4\"><header srclang=\"fr\"/><body><tu><tuv xml:lang=\"fr\">\
               <seg>a\r\u{fffe}\nb\r\u{1}c</seg></tuv></tu></body></tmx>";
    let mut reader = TmxReader::new(xml.as_bytes(), "t.tmx").unwrap();
    let Some(Item::Unit(unit)) = reader.next_item().unwrap() else { panic!("one unit") };
    assert_eq!(unit.variants[0].text, "a\nb\nc");
}

/// Found by the clustering property test (tests/terms_properties.rs): a given name starting with "ə" made
/// clustering panic.
#[test]
fn clustering_panicked_on_a_given_name_starting_with_schwa() {
    let forms: Vec<(String, u32)> =
        ["əli Aliyev", "Əli Aliyev", "Əliyev", "əliyev"].iter().map(|f| (f.to_string(), 1)).collect();
    let clusters = cluster(&forms);
    assert_eq!(clusters.iter().map(|c| c.members.len()).sum::<usize>(), forms.len());
}

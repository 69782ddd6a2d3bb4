//! The checks of the fuzz targets (`fuzz/src`, shared with `cargo fuzz`) as properties over arbitrary
//! bytes, arbitrary Unicode and generated documents, so that stable CI runs them: no reader or entry point
//! may panic, and each keeps its contract (a TMX the writer wrote reads back the same; sentences join back
//! into the text; normalisation with no finding returns the input; a term looked up finds its concept;
//! beads cover every sentence once, in order). Regression tests for what the fuzzers found are at the end.

#[path = "../fuzz/src/lib.rs"]
mod checks;

use checks::{Case, Pick};
use proptest::prelude::*;
use std::path::Path;
use trame::termbase::{Concept, Kind, LangTerms, Status, Subject, Term, TermBase};

/// Bytes of any value.
fn bytes() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(any::<u8>(), 0..300)
}

/// Short strings of any characters, or of the characters that need care (controls that XML forbids,
/// line ends, markup, references, combining marks, ligatures, non-characters).
fn string() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-zA-Zé \t\r\n<>&;'\"#xD0-9\u{1}\u{b}\u{7f}\u{85}\u{a0}\u{301}\u{fb01}\u{fffe}\u{ffff}\u{10ffff}]{0,16}",
    ]
}

/// A document made of `pieces` and arbitrary strings.
fn made_of(pieces: &'static [&'static str], count: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![4 => proptest::sample::select(pieces).prop_map(String::from), 1 => string()],
        0..count,
    )
    .prop_map(|parts| parts.concat())
}

/// `text` escaped for XML character data (characters XML forbids left in: readers must cope).
fn escaped(text: String) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Well-formed content of an element: escaped strings and well-formed `pieces`.
fn content(pieces: &'static [&'static str], count: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![2 => string().prop_map(escaped), 3 => proptest::sample::select(pieces).prop_map(String::from)],
        0..count,
    )
    .prop_map(|parts| parts.concat())
}

/// `document`, maybe with `noise` inserted at a character boundary `at` (per mille of its length).
fn with_noise(document: String, noise: Option<(usize, String)>) -> String {
    let Some((at, noise)) = noise else { return document };
    let mut at = document.len() * at / 1000;
    while !document.is_char_boundary(at) {
        at -= 1;
    }
    format!("{}{noise}{}", &document[..at], &document[at..])
}

/// Noise for [`with_noise`]: a piece of markup, or anything.
fn noise(pieces: &'static [&'static str]) -> impl Strategy<Value = Option<(usize, String)>> {
    proptest::option::weighted(
        0.3,
        (0..1000usize, prop_oneof![proptest::sample::select(pieces).prop_map(String::from), string()]),
    )
}

/// The content of `<seg>` (and stray elements that make a unit skipped).
const SEG_PIECES: &[&str] = &[
    "&amp;",
    "&lt;b&gt;",
    "&#xD;",
    "&#1;",
    "&#233;",
    "&#x1F600;",
    "\r\n",
    "<![CDATA[a<b]]>",
    "<bpt i=\"1\" x=\"1\">&lt;b&gt;</bpt>",
    "<ept i=\"1\">&lt;/b&gt;</ept>",
    "<bpt i='2'/>",
    "<it pos=\"begin\" x=\"3\">&lt;i&gt;</it>",
    "<ph x='1' type=\"x&amp;y\">{0}</ph>",
    "<ut>{\\b </ut>",
    "<hi type=\"b\">en <ph>x</ph> relief</hi>",
    "<sub>note <bpt i=\"5\">a</bpt></sub>",
];

/// Properties and notes.
const EXTRA_PIECES: &[&str] = &[
    "<prop type=\"x-domain\">droit</prop>",
    "<prop type=\"x-a\" xml:lang=\"fr\"/>",
    "<prop type='x-&amp;'>a <b>b</b> &#9;</prop>",
    "<note>une note\r\n</note>",
    "<note xml:lang=\"en\"><![CDATA[c]]>&lt;</note>",
];

const TMX_PIECES: &[&str] = &[
    "<tu>",
    "</tu>",
    "<tuv xml:lang=\"fr\">",
    "</tuv>",
    "<seg>",
    "</seg>",
    "<seg/>",
    "<tuv/>",
    "<tu/>",
    "<foo/>",
    "</body>",
    "<body>",
    "&#0;",
    "&unknown;",
    "<b>gras</b>",
];

fn tmx_variant() -> impl Strategy<Value = String> {
    let language = prop_oneof![
        3 => Just("xml:lang=\"fr\""),
        3 => Just("lang=\"EN-us\""),
        3 => Just("xml:lang=\" fr-FR&#9;\""),
        1 => Just("xml:lang=\"\""),
        1 => Just(""),
    ];
    let attributes = prop_oneof![Just(""), Just(" creationid=\"me\" x-odd=\"&#9;\"")];
    (language, attributes, content(EXTRA_PIECES, 2), content(SEG_PIECES, 8)).prop_map(
        |(language, attributes, extras, seg)| format!("<tuv {language}{attributes}>{extras}<seg>{seg}</seg></tuv>\n"),
    )
}

fn tmx_unit() -> impl Strategy<Value = String> {
    let attributes = prop_oneof![Just(""), Just(" tuid=\"7\" creationdate=\"20260101T000000Z\" x-odd='a&amp;b'")];
    (attributes, content(EXTRA_PIECES, 3), proptest::collection::vec(tmx_variant(), 0..4))
        .prop_map(|(attributes, extras, variants)| format!("<tu{attributes}>{extras}{}</tu>\n", variants.concat()))
}

/// TMX documents: well-formed units of every kind, sometimes with noise that breaks them.
fn tmx_document() -> impl Strategy<Value = String> {
    (content(EXTRA_PIECES, 3), proptest::collection::vec(tmx_unit(), 0..5), noise(TMX_PIECES)).prop_map(
        |(header_extras, units, noise)| {
            let document = format!(
                "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"fr\">{header_extras}</header>\n<body>\n{}</body></tmx>\n",
                units.concat()
            );
            with_noise(document, noise)
        },
    )
}

/// The same document in UTF-16 LE with a byte order mark.
fn utf16(text: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    out.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    out
}

fn unit() -> impl Strategy<Value = checks::PlainUnit> {
    let language = prop_oneof![Just("fr".to_string()), Just(" en-GB ".to_string()), string()];
    (
        proptest::collection::vec((language, string()), 0..4),
        proptest::collection::vec((string(), string()), 0..3),
        proptest::option::of(string()),
    )
}

/// What a TBX term may hold besides its form.
const TERM_PIECES: &[&str] = &[
    "<termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote>",
    "<termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts</termNote>",
    "<termNote type=\"administrativeStatus\">supersededTerm-admn-sts</termNote>",
    "<termNote type=\"termType\">fullForm</termNote>",
    "<termNote type=\"termType\">acronym</termNote>",
    "<administrativeStatus>admitted</administrativeStatus>",
    "<descrip type=\"context\">a.txt:3</descrip>",
    "<descrip type=\"context\">Une phrase &amp; une autre.</descrip>",
    "<descrip type=\"context\">t.tmx:unit 4</descrip>",
    "<note>probable error</note>",
    "<note>suggested variant, not reviewed</note>",
    "<note>une note</note>",
];

/// What a TBX concept may hold besides its languages.
const CONCEPT_PIECES: &[&str] = &[
    "<descrip type=\"subjectField\">person</descrip>",
    "<descrip type=\"subjectField\">Software</descrip>",
    "<descrip type=\"subjectField\"> </descrip>",
    "<note>une note</note>",
    "<descrip type=\"definition\">def</descrip>",
];

const TBX_PIECES: &[&str] = &[
    "<termSec>",
    "</termSec>",
    "<term>",
    "</term>",
    "<langSec xml:lang=\"de\">",
    "</langSec>",
    "<conceptEntry>",
    "</body>",
];

fn tbx_term(v2: bool) -> impl Strategy<Value = String> {
    (name(), content(TERM_PIECES, 3)).prop_map(move |(form, notes)| {
        let element = if v2 { "tig" } else { "termSec" };
        format!("<{element}><term>{}</term>{notes}</{element}>", escaped(form))
    })
}

fn tbx_concept(v2: bool) -> impl Strategy<Value = String> {
    let id = prop_oneof![Just(" id=\"c1\""), Just(" id=\"1 bad\""), Just(" id=\"c-1\""), Just("")];
    let language = prop_oneof![Just("fr"), Just("EN_us"), Just("en"), Just("")];
    let languages = proptest::collection::vec((language, proptest::collection::vec(tbx_term(v2), 0..4)), 0..3);
    (id, content(CONCEPT_PIECES, 2), languages).prop_map(move |(id, extras, languages)| {
        let (entry, lang) = if v2 { ("termEntry", "langSet") } else { ("conceptEntry", "langSec") };
        let languages: String = languages
            .into_iter()
            .map(|(language, terms)| format!("<{lang} xml:lang=\"{language}\">{}</{lang}>", terms.concat()))
            .collect();
        format!("<{entry}{id}>{extras}{languages}</{entry}>\n")
    })
}

/// TBX v3 and v2 documents, sometimes with noise that breaks them.
fn tbx_document() -> impl Strategy<Value = String> {
    any::<bool>()
        .prop_flat_map(|v2| (Just(v2), proptest::collection::vec(tbx_concept(v2), 0..4), noise(TBX_PIECES)))
        .prop_map(|(v2, concepts, noise)| {
            let (open, close) = if v2 { ("<martif type=\"TBX\">", "</martif>") } else { ("<tbx>", "</tbx>") };
            with_noise(format!("{open}<text><body>\n{}</body></text>{close}", concepts.concat()), noise)
        })
}

const SRX_PIECES: &[&str] = &[
    "<rule break=\"no\"><beforebreak>\\b(?:M|Dr)\\.</beforebreak><afterbreak>\\s</afterbreak></rule>",
    "<rule><beforebreak>[.?!]+</beforebreak><afterbreak>\\s+\\p{Lu}</afterbreak></rule>",
    "<rule break=\"yes\"><beforebreak></beforebreak><afterbreak>\\n</afterbreak></rule>",
    "<rule><beforebreak>(\\.)</beforebreak><afterbreak>\\s</afterbreak></rule>",
    "<rule><beforebreak>[\\p{IsAlphabetic}&amp;&amp;[^a]]</beforebreak><afterbreak>\\Q. \\E</afterbreak></rule>",
    "<rule><beforebreak>(?<=a)b{2,}</beforebreak><afterbreak>\\u00A0</afterbreak></rule>",
    "<rule><beforebreak>[</beforebreak><afterbreak></afterbreak></rule>",
    "<rule><beforebreak>",
    "</beforebreak><afterbreak>",
    "</afterbreak></rule>",
    "</languagerule><languagerule languagerulename=\"B\">",
    ".",
    "\\s",
    "(",
    ")",
    "*",
    "\\",
    "é",
];

fn srx_document() -> impl Strategy<Value = String> {
    (any::<bool>(), made_of(SRX_PIECES, 12), prop_oneof![Just(".*"), Just("fr.*"), Just("(en|fr)"), Just("[")]).prop_map(
        |(cascade, rules, pattern)| {
            let cascade = if cascade { "yes" } else { "no" };
            format!(
                "<srx xmlns=\"http://www.lisa.org/srx20\" version=\"2.0\"><header cascade=\"{cascade}\"/><body><languagerules>\
                 <languagerule languagerulename=\"A\">{rules}</languagerule></languagerules><maprules>\
                 <languagemap languagepattern=\"{pattern}\" languagerulename=\"A\"/>\
                 <languagemap languagepattern=\"en.*\" languagerulename=\"A\"/></maprules></body></srx>"
            )
        },
    )
}

const GLOSSARY_PIECES: &[&str] = &[
    "[[concept]]\n",
    "id = \"c1\"\n",
    "id = \"c 1\"\n",
    "subject = \"person\"\n",
    "note = \"n\"\n",
    "domain = \"d\"\n",
    "[concept.fr.preferred]\n",
    "[concept.en.preferred]\n",
    "form = \"Loukachenko\"\n",
    "form = \" \"\n",
    "status = \"deprecated\"\n",
    "kind = \"error\"\n",
    "[[concept.fr.variants]]\n",
    "[concept.fr.preferred.seen]\n\"a.txt\" = 3\n",
    "context = \"a.txt:4\"\n",
    "[[rejected]]\nform = \"x\"\n",
    "of = \"c1\"\n",
];

/// Names with the letters that need care, as the term base properties use them.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-zA-ZəƏıİłŁčšžćœßéèëïôûüñ'’ .-]{0,16}",
        proptest::sample::select(vec![
            "Loukachenko",
            "Lukashenko",
            "Lukachenko",
            "Putin",
            "Putina",
            "Poutine",
            "Vladimir Poutine",
            "Kiev",
            "Kieu",
            "États-Unis",
            "Etats-Unis",
            "ǅemal",
            "İstanbul",
            "ﬁ",
        ])
        .prop_map(String::from),
    ]
}

fn term() -> impl Strategy<Value = Term> {
    let status = prop_oneof![Just(Status::Admitted), Just(Status::Deprecated), Just(Status::Suggested)];
    let kind = prop_oneof![Just(Kind::Spelling), Just(Kind::Transliteration), Just(Kind::Error), Just(Kind::FullForm)];
    (name(), status, kind, proptest::collection::vec((string(), 0..5u32), 0..2), proptest::option::of(string()))
        .prop_map(|(form, status, kind, seen, context)| Term {
            form,
            status,
            kind,
            seen: seen.into_iter().collect(),
            context,
        })
}

/// A term base that follows the rules of term base files.
fn term_base() -> impl Strategy<Value = TermBase> {
    let languages = proptest::collection::vec(
        (
            prop_oneof![Just("fr".to_string()), Just("en".to_string()), "[a-z]{2}(-[A-Z]{2})?"],
            term(),
            proptest::collection::vec(term(), 0..3),
        ),
        1..3,
    );
    let subject = prop_oneof![Just(Subject::Person), Just(Subject::Place), Just(Subject::Term)];
    proptest::collection::vec(
        (languages, subject, proptest::option::of(string()), proptest::option::of(string())),
        0..4,
    )
    .prop_map(|concepts| {
        let mut base = TermBase::default();
        for (k, (languages, subject, domain, note)) in concepts.into_iter().enumerate() {
            let mut concept = Concept { id: format!("c{k}"), subject, domain, note, ..Concept::default() };
            for (language, mut preferred, variants) in languages {
                preferred.status = Status::Preferred;
                if preferred.form.trim().is_empty() {
                    preferred.form = "x".into();
                }
                concept.languages.insert(language, LangTerms { preferred, variants });
            }
            base.concepts.push(concept);
        }
        base
    })
}

/// Text made of the pieces sentence rules and term extraction look at, mixed with arbitrary characters.
const PROSE_PIECES: &[&str] = &[
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    ". ",
    "...",
    "…",
    "?! ",
    " « ",
    " » ",
    "\u{a0}",
    "M. ",
    "U.S. ",
    "J.-C.",
    "1. ",
    "9,5 ",
    "1 084 km",
    "Le ",
    "la ",
    "de ",
    "The ",
    "Loukachenko",
    "Lukashenko",
    "Vladimir Poutine",
    "Vladimirpoutine",
    "Minsk",
    "armes nucléaires",
    "nuclear weapons",
    "État de l'Union",
    "FMI (Fonds monétaire international)",
    "— ",
    "`Kieu`",
    "[Kieu](http://x/Kieu)",
    "<a href='Kieu'>",
    "Kieu",
    "trame:keep",
    "<!-- ",
    " -->",
    "https://ex.by/Lukachenko",
];

fn prose(count: usize) -> impl Strategy<Value = String> {
    made_of(PROSE_PIECES, count)
}

fn pick() -> impl Strategy<Value = Option<Pick>> {
    let case = prop_oneof![Just(Case::AsWritten), Just(Case::AsciiUpper), Just(Case::AsciiLower)];
    proptest::option::of((any::<usize>(), case).prop_map(|(term, case)| Pick { term, case }))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn tmx_reader_takes_any_bytes(data in bytes()) {
        checks::tmx_bytes(&data);
    }

    #[test]
    fn tmx_units_read_are_written_back_the_same(document in tmx_document(), wide in any::<bool>()) {
        checks::tmx_bytes(&if wide { utf16(&document) } else { document.into_bytes() });
    }

    #[test]
    fn tmx_writer_output_reads_back_the_same(source in string(), units in proptest::collection::vec(unit(), 0..5)) {
        checks::tmx_plain_round_trip(&source, &units);
    }

    #[test]
    fn tbx_reader_takes_any_bytes(data in bytes()) {
        checks::tbx_bytes(&data);
    }

    #[test]
    fn tbx_read_then_written_comes_back_the_same(document in tbx_document()) {
        checks::tbx_bytes(document.as_bytes());
    }

    #[test]
    fn srx_takes_any_bytes(data in bytes()) {
        checks::srx_bytes(&data);
    }

    #[test]
    fn srx_rules_segment_into_sentences_that_join_back(document in srx_document()) {
        checks::srx_bytes(document.as_bytes());
    }

    #[test]
    fn glossary_loader_takes_any_text(text in prop_oneof![any::<String>(), made_of(GLOSSARY_PIECES, 20)]) {
        checks::glossary(&text);
    }

    #[test]
    fn term_base_files_read_back_the_same(base in term_base()) {
        prop_assume!(trame::termbase::check(&base).is_ok());
        let written = trame::termbase::to_toml(&base);
        prop_assert_eq!(trame::termbase::parse(&written, Path::new("g.toml")).unwrap(), base);
        checks::glossary(&written);
    }

    #[test]
    fn segmentation_joins_back(text in prop_oneof![any::<String>(), prose(40)], language in 0..3u8, mode in 0..3u8) {
        checks::segment(&text, language, mode);
    }

    #[test]
    fn segmentation_takes_any_bytes(data in bytes()) {
        checks::segment_bytes(&data);
    }

    #[test]
    fn normalisation_keeps_every_byte_outside_replacements(
        document in prop_oneof![prose(60).prop_map(String::into_bytes), bytes()],
        normalizer in 0..3u8,
        format in 0..3u8,
    ) {
        checks::normalize(&document, normalizer, format);
    }

    #[test]
    fn lookup_finds_the_concept_of_a_term(forms in proptest::collection::vec(name(), 0..8), query in name(), language in 0..3u8, pick in pick()) {
        checks::lookup(&forms, &query, language, pick);
    }

    #[test]
    fn clustering_keeps_each_form_once_with_its_counts(forms in proptest::collection::vec((name(), any::<u32>()), 0..30)) {
        checks::cluster(&forms);
    }

    #[test]
    fn clustering_takes_any_list(data in bytes()) {
        checks::cluster_bytes(&data);
    }

    #[test]
    fn built_term_bases_are_valid_files(
        french in prose(80),
        english in prose(40),
        pairs in proptest::collection::vec((prose(6), prose(6)), 0..4),
        locations in any::<bool>(),
    ) {
        checks::terms_build(&french, &english, &pairs, locations);
    }

    #[test]
    fn beads_cover_every_sentence_once_in_order(
        source in prop_oneof![prose(60), any::<String>()],
        target in prop_oneof![prose(60), any::<String>()],
        presegmented in any::<bool>(),
        learn in any::<bool>(),
    ) {
        checks::align(&source, &target, presegmented, learn);
    }
}

/// Pieces of segments that the checks look at: numbers in both formats, times, ordinals, addresses,
/// tags, placeholders, quotes, brackets, punctuation and names of the shipped term base.
const SEGMENT_PIECES: &[&str] = &[
    "9,5",
    "9.5",
    "1 000",
    "1,000",
    "21 h 40",
    "9:40 p.m.",
    "2e",
    "XXe",
    "20th",
    " ",
    "  ",
    "\u{a0}",
    "«",
    "»",
    "“",
    "”",
    "\"",
    "(",
    ")",
    "[",
    " ?",
    "?",
    " :",
    ":",
    ";",
    "!",
    "https://example.org/a?b=1",
    "a@b.fr",
    "<b>",
    "</b>",
    "{0}",
    "%s",
    "`x`",
    "Loukachenko",
    "Lukashenko",
    "Lukachenko",
    "OTAN",
    "NATO",
    "the the",
    "ß",
    "é",
    "\u{301}",
    "\n",
    "\t",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn checking_a_segment_never_panics_and_spans_name_their_text(
        source in made_of(SEGMENT_PIECES, 12),
        target in made_of(SEGMENT_PIECES, 12),
        source_markup in content(&["<ph x=\"1\">&lt;br/&gt;</ph>", "<bpt i=\"1\">&lt;b&gt;</bpt>", "<ept i=\"1\">&lt;/b&gt;</ept>", "<hi type=\"b\">x</hi>"], 6),
        target_markup in content(&["<ph x=\"1\">&lt;br/&gt;</ph>", "<bpt i=\"2\">&lt;b&gt;</bpt>", "<ept i=\"2\">&lt;/b&gt;</ept>", "<it pos=\"begin\">&lt;i&gt;</it>"], 6),
    ) {
        checks::check_segment(&source, &target, Some((&source_markup, &target_markup)));
    }
}

#[test]
fn byte_entry_points_take_their_seeds() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds");
    type Check = fn(&[u8]);
    let targets: [(&str, Check); 10] = [
        ("tmx", checks::tmx_bytes),
        ("tbx", checks::tbx_bytes),
        ("srx", checks::srx_bytes),
        ("glossary", checks::glossary_bytes),
        ("segment", checks::segment_bytes),
        ("normalize", checks::normalize_bytes),
        ("cluster", checks::cluster_bytes),
        ("terms_build", checks::terms_build_bytes),
        ("align", checks::align_bytes),
        ("check", checks::check_bytes),
    ];
    for (target, check) in targets {
        let mut files: Vec<_> = std::fs::read_dir(seeds.join(target)).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        assert!(!files.is_empty(), "no seed for {target}");
        for file in files {
            eprintln!("{}", file.display());
            check(&std::fs::read(&file).unwrap());
        }
    }
}

/// Found by `clustering_keeps_each_form_once_with_its_counts`: counts that add up past `u32::MAX` (a list
/// given to `trame terms cluster` with counts after tabs) overflowed, a panic in debug builds and a wrong
/// count, hence a wrong preferred form, in release builds. They saturate now.
#[test]
fn cluster_counts_past_u32_max_saturate() {
    checks::cluster_bytes("ǅemal\t114053256\nǅemal\t4180914040\n".as_bytes());
    let forms = [("Vucic".to_string(), u32::MAX), ("Vucic".to_string(), 1), ("Vučić".to_string(), 2)];
    let clusters = trame::termbase::cluster(&forms);
    assert_eq!((clusters[0].preferred(), clusters[0].members[0].count), ("Vucic", u32::MAX));
}

/// Found by the `tmx` fuzz target (minimised with `cargo fuzz tmin`), not fixed here: src/tmx is another
/// change's. The reader copies a tag inside `<seg>` into `Variant::markup` as written, so a tag quick-xml
/// lets through with a NUL (`<ph =\0>`) puts a character XML 1.0 forbids into the markup, against its
/// documented contract, and `TmxWriter::write_unit` writes it out: `trame tm export` would then
/// write a TMX that no XML parser accepts. Remove `ignore` once the reader filters (or refuses) such tags.
#[test]
fn an_inline_tag_holding_a_forbidden_character_leaves_its_unit_out() {
    for input in [
        &b"<tmx><body>\r<tu><tuv xml:lang=\"en\"><seg>a<ph =\0></ph></seg>\r</tuv>\r\n</tu>"[..],
        &b"<tmx><body><tu><tuv xml:lang=\"en\"><seg>a<ph x=\"\x01\"></ph></seg></tuv></tu></body></tmx>"[..],
        &b"<tmx><body><tu><tuv xml:lang=\"en\"><seg>a<ph \x0b></ph></seg></tuv></tu></body></tmx>"[..],
    ] {
        let Ok(mut reader) = trame::tmx::TmxReader::open(input, "crash.tmx") else { continue };
        match reader.next_item() {
            Ok(Some(trame::tmx::Item::Unit(unit))) => {
                panic!("a unit with forbidden markup was read: {:?}", unit.variants[0].markup)
            }
            Ok(Some(trame::tmx::Item::Skipped(_))) | Err(_) => {}
            Ok(None) => panic!("no item"),
        }
    }
}

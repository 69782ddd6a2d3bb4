//! Files and readers that hold under attack (issue 13), for the three XML readers (TMX, TBX, SRX):
//! positions on one long line are counted once (point 8), unknown entities leave their unit, entry or
//! rule out with its position and are never resolved (point 10), and one decoding reads every encoding
//! the same and refuses the same bytes with the same message (point 12).

mod common;

use common::run::{stderr, stdout, trame};
use std::path::{Path, PathBuf};
use trame::segment::srx::SrxDocument;
use trame::tmx::{Item, TmxError, TmxReader, UnitProblem};

/// A French-English unit; `tuid` numbers it.
fn unit(tuid: usize) -> String {
    format!(
        "<tu tuid=\"{tuid}\"><tuv xml:lang=\"fr\"><seg>Déjà {tuid} &amp; été</seg></tuv>\
         <tuv xml:lang=\"en\"><seg>Already {tuid}</seg></tuv></tu>"
    )
}

/// The items of a TMX file read through the library.
fn items(bytes: &[u8], name: &str) -> Result<Vec<Item>, TmxError> {
    let mut reader = TmxReader::open(bytes, name)?;
    let mut items = Vec::new();
    while let Some(item) = reader.next_item()? {
        items.push(item);
    }
    Ok(items)
}

fn problems(items: &[Item]) -> Vec<&UnitProblem> {
    items
        .iter()
        .filter_map(|item| match item {
            Item::Skipped(problem) => Some(problem),
            Item::Unit(_) => None,
        })
        .collect()
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

// Point 8: positions on one long line.

#[test]
fn tmx_unit_left_out_at_the_end_of_one_line_of_200000_units_is_placed() {
    let head = "<tmx version=\"1.4\"><header srclang=\"fr\"/><body>";
    let units: String = (0..200_000).map(unit).collect();
    let bad = "<tu><tuv><seg>no language</seg></tuv></tu>";
    let tmx = format!("{head}{units}{bad}</body></tmx>");
    let items = items(tmx.as_bytes(), "one-line.tmx").unwrap();
    assert_eq!(items.len(), 200_001);
    let column = 1 + head.chars().count() + units.chars().count();
    let problems = problems(&items);
    assert_eq!((problems[0].line, problems[0].column), (1, column));
    // Not well-formed at the very end: the error names the place too.
    let cut = format!("{head}{units}</tmx>");
    let err = items_error(cut.as_bytes());
    assert!(
        err.starts_with(&format!("cut.tmx:1:{}: bad XML", 1 + head.chars().count() + units.chars().count())),
        "{err}"
    );
}

fn items_error(bytes: &[u8]) -> String {
    items(bytes, "cut.tmx").unwrap_err().to_string()
}

#[test]
fn tbx_entry_left_out_at_the_end_of_one_line_of_200000_entries_is_placed() {
    let entry = |k: usize, term: &str| {
        format!(
            "<conceptEntry id=\"c{k}\"><langSec xml:lang=\"fr\"><termSec><term>{term}</term></termSec></langSec>\
             </conceptEntry>"
        )
    };
    let head = "<?xml version=\"1.0\"?>\n<tbx><text><body>";
    let entries: String = (0..200_000).map(|k| entry(k, "réseau")).collect();
    let tbx = format!("{head}{entries}{}</body></text></tbx>", entry(200_000, "&xxe;"));
    let document = trame::tbx::read_bytes(tbx.as_bytes(), "one-line.tbx").unwrap();
    assert_eq!(document.base.concepts.len(), 200_000);
    let problem = &document.problems[0];
    assert_eq!((problem.line, problem.column), (2, 1 + "<tbx><text><body>".len() + entries.chars().count()));
}

#[test]
fn srx_rule_left_out_at_the_end_of_one_line_of_200000_rules_is_placed() {
    let rule = |before: &str| format!("<rule break=\"no\"><beforebreak>{before}</beforebreak></rule>");
    let head = "<srx version=\"2.0\"><header cascade=\"no\"/><body><languagerules>\
                <languagerule languagerulename=\"Filler\">";
    let filler: String = (0..200_000).map(|_| rule("é\\.")).collect();
    let middle = "</languagerule><languagerule languagerulename=\"Bad\">";
    let srx = format!(
        "{head}{filler}{middle}{}{}</languagerule></languagerules><maprules>\
         <languagemap languagepattern=\"fr\" languagerulename=\"Bad\"/>\
         <languagemap languagepattern=\"xx\" languagerulename=\"Filler\"/></maprules></body></srx>",
        rule("\\."),
        rule("&xxe;")
    );
    let document = SrxDocument::read(srx.as_bytes(), "one-line.srx").unwrap();
    let last_filler = document.language_rules()[0].rules.last().unwrap();
    let column = 1 + head.chars().count() + filler.chars().count() - rule("é\\.").chars().count();
    assert_eq!((last_filler.line, last_filler.column), (1, column));
    let (rules, problems) = document.rules_for("fr");
    assert_eq!((rules.len(), problems.len()), (1, 1));
    let column = 1 + head.chars().count() + filler.chars().count() + middle.len() + rule("\\.").len();
    assert_eq!((problems[0].at.line, problems[0].at.column, problems[0].rule), (1, column, 2));
    assert!(problems[0].message.contains("unknown entity &xxe;"), "{}", problems[0]);
}

// Point 10: unknown entities.

/// A DTD whose entity would read `secret` if it were resolved.
fn doctype(root: &str, secret: &Path) -> String {
    format!("<!DOCTYPE {root} [<!ENTITY xxe SYSTEM \"file://{}\">]>", secret.display())
}

const SECRET: &str = "the contents of a private file";

/// A TMX file with an unknown entity in the header (an attribute, a property) and in four units (a
/// property's text, a note, a unit's attribute, a property's attribute), one per line from line 9.
fn tmx_with_entities(secret: &Path) -> String {
    format!(
        "<?xml version=\"1.0\"?>\n{}\n<tmx version=\"1.4\">\n<header srclang=\"fr\" o-tmf=\"&xxe;\">\n\
         <prop type=\"x-bad\">v &xxe;</prop>\n<prop type=\"x-kept\">kept</prop></header>\n<body>\n{}\n\
         <tu tuid=\"2\"><prop type=\"x\">v &xxe;</prop><tuv xml:lang=\"fr\"><seg>a</seg></tuv></tu>\n\
         <tu tuid=\"3\"><note>&xxe;</note><tuv xml:lang=\"fr\"><seg>b</seg></tuv></tu>\n\
         <tu tuid=\"&xxe;\"><tuv xml:lang=\"fr\"><seg>c</seg></tuv></tu>\n\
         <tu tuid=\"5\"><tuv xml:lang=\"fr\"><prop type=\"&xxe;\">v</prop><seg>d</seg></tuv></tu>\n{}\n</body></tmx>\n",
        doctype("tmx", secret),
        unit(1),
        unit(6)
    )
}

#[test]
fn tmx_unknown_entities_leave_their_unit_or_header_part_out_and_are_never_resolved() {
    let dir = tempfile::tempdir().unwrap();
    let secret = write(dir.path(), "secret.txt", SECRET);
    let tmx = tmx_with_entities(&secret);
    let mut reader = TmxReader::open(tmx.as_bytes(), "e.tmx").unwrap();
    assert_eq!(reader.header().attributes, [("srclang".to_string(), "fr".to_string())]);
    assert_eq!(reader.header().extras.len(), 1, "{:?}", reader.header().extras);
    let mut items = Vec::new();
    while let Some(item) = reader.next_item().unwrap() {
        items.push(item);
    }
    assert!(!format!("{items:?}{:?}", reader.header()).contains(SECRET));
    let found: Vec<(usize, usize, bool, &str)> =
        problems(&items).iter().map(|p| (p.line, p.column, p.in_header, p.message.as_str())).collect();
    assert_eq!(
        found,
        [
            (4, 1, true, "an unknown entity &xxe; in attribute o-tmf"),
            (5, 1, true, "<prop>: an unknown entity &xxe;"),
            (9, 1, false, "<prop>: an unknown entity &xxe;"),
            (10, 1, false, "<note>: an unknown entity &xxe;"),
            (11, 1, false, "an unknown entity &xxe; in attribute tuid"),
            (12, 1, false, "<prop>: an unknown entity &xxe; in attribute type"),
        ]
    );
    let tuids: Vec<_> = items
        .iter()
        .filter_map(|item| match item {
            Item::Unit(unit) => unit.attribute("tuid"),
            Item::Skipped(_) => None,
        })
        .collect();
    assert_eq!(tuids, ["1", "6"]);
}

#[test]
fn tm_import_reports_unknown_entities_and_imports_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let secret = write(dir.path(), "secret.txt", SECRET);
    let file = write(dir.path(), "entities.tmx", tmx_with_entities(&secret));
    let memory = dir.path().join("m.sqlite");
    let memory = memory.to_str().unwrap();
    let out = trame(&["tm", "import", file.to_str().unwrap(), "--tm", memory], b"");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let message = stderr(&out);
    for expected in [
        "entities.tmx:4:1: left out of the header: an unknown entity &xxe; in attribute o-tmf",
        "entities.tmx:5:1: left out of the header: <prop>: an unknown entity &xxe;",
        "entities.tmx:9:1: unit left out: <prop>: an unknown entity &xxe;",
        "entities.tmx:10:1: unit left out: <note>: an unknown entity &xxe;",
        "entities.tmx:11:1: unit left out: an unknown entity &xxe; in attribute tuid",
        "entities.tmx:12:1: unit left out: <prop>: an unknown entity &xxe; in attribute type",
        "4 units and 2 parts of headers left out",
    ] {
        assert!(message.contains(expected), "{expected}: {message}");
    }
    assert!(stdout(&out).starts_with("2 units added"), "{}", stdout(&out));
    let exported = trame(&["tm", "export", "--tm", memory], b"");
    assert!(exported.status.success(), "{}", stderr(&exported));
    assert!(!stdout(&exported).contains(SECRET) && !stdout(&exported).contains("xxe"));
}

/// A TBX file whose entries 2 (text), 3 (attribute of a term's element) and 4 (the entry's id) have an
/// unknown entity, one entry a line from line 4.
fn tbx_with_entities(secret: &Path) -> String {
    let entry = |id: &str, term: &str, lang: &str| {
        format!(
            "<conceptEntry id=\"{id}\"><langSec xml:lang=\"{lang}\"><termSec><term>{term}</term></termSec></langSec>\
             </conceptEntry>"
        )
    };
    format!(
        "<?xml version=\"1.0\"?>\n{}\n<tbx type=\"TBX-Basic\"><text><body>\n{}\n{}\n{}\n{}\n  {}\n</body></text></tbx>\n",
        doctype("tbx", secret),
        entry("c1", "réseau", "fr"),
        entry("c2", "port &xxe;", "fr"),
        entry("c3", "hub", "&xxe;"),
        entry("&xxe;", "switch", "en"),
        entry("c5", "pont &amp; &#233;", "fr"),
    )
}

#[test]
fn tbx_unknown_entities_leave_their_entry_out_and_are_never_resolved() {
    let dir = tempfile::tempdir().unwrap();
    let secret = write(dir.path(), "secret.txt", SECRET);
    let tbx = tbx_with_entities(&secret);
    let document = trame::tbx::read_bytes(tbx.as_bytes(), "e.tbx").unwrap();
    let found: Vec<_> = document.problems.iter().map(|p| (p.line, p.column, p.message.as_str())).collect();
    assert_eq!(
        found,
        [
            (5, 1, "an unknown entity &xxe;"),
            (6, 1, "<langSec>: an unknown entity &xxe; in attribute xml:lang"),
            (7, 1, "<conceptEntry>: an unknown entity &xxe; in attribute id"),
        ]
    );
    let forms: Vec<_> = document.base.concepts.iter().filter_map(|c| c.preferred("fr")).collect();
    assert_eq!(forms, ["réseau", "pont & é"]);
    assert!(!format!("{document:?}").contains(SECRET));
    // Reading all or nothing, the first is an error that names it.
    let err = trame::tbx::read(&tbx, "e.tbx").unwrap_err();
    assert_eq!(err.to_string(), "e.tbx:5:1: entry left out: an unknown entity &xxe;");
}

#[test]
fn terms_import_reports_unknown_entities_and_imports_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let secret = write(dir.path(), "secret.txt", SECRET);
    let file = write(dir.path(), "entities.tbx", tbx_with_entities(&secret));
    let target = dir.path().join("glossary.toml");
    let out = trame(&["terms", "import", file.to_str().unwrap(), "-o", target.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let message = stderr(&out);
    for expected in [
        "entities.tbx:5:1: entry left out: an unknown entity &xxe;",
        "entities.tbx:6:1: entry left out: <langSec>: an unknown entity &xxe; in attribute xml:lang",
        "entities.tbx:7:1: entry left out: <conceptEntry>: an unknown entity &xxe; in attribute id",
        "3 entries left out",
    ] {
        assert!(message.contains(expected), "{expected}: {message}");
    }
    let base = trame::termbase::read(&target).unwrap();
    assert_eq!(base.concepts.len(), 2);
}

#[test]
fn srx_unknown_entities_leave_their_rule_out() {
    let dir = tempfile::tempdir().unwrap();
    let secret = write(dir.path(), "secret.txt", SECRET);
    let srx = format!(
        "<?xml version=\"1.0\"?>\n{}\n<srx version=\"2.0\"><header cascade=\"no\"/><body><languagerules>\n\
         <languagerule languagerulename=\"Any\">\n\
         <rule break=\"no\"><beforebreak>&xxe;</beforebreak><afterbreak></afterbreak></rule>\n\
         <rule break=\"&xxe;\"><beforebreak>M\\.</beforebreak></rule>\n\
         <rule><beforebreak>\\.</beforebreak><afterbreak>\\s</afterbreak></rule>\n\
         </languagerule></languagerules>\n\
         <maprules><languagemap languagepattern=\".*\" languagerulename=\"Any\"/></maprules></body></srx>",
        doctype("srx", &secret)
    );
    let rules = write(dir.path(), "rules.srx", &srx);
    let out = trame(&["segment", "-", "--lang", "fr", "--srx", rules.to_str().unwrap()], b"M. Roy. Fin.");
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "M.\nRoy.\nFin.\n");
    let message = stderr(&out);
    assert!(
        message.contains("rules.srx:5:1: rule 1 of language rule 'Any' skipped: an unknown entity &xxe;"),
        "{message}"
    );
    assert!(
        message.contains("rules.srx:6:1: rule 2 of language rule 'Any' skipped: <rule>: an unknown entity"),
        "{message}"
    );
}

// Point 12: one decoding for every XML reader.

/// `xml` (which declares its encoding as `{encoding}`) in UTF-8 and UTF-16, with and without a byte
/// order mark.
fn encodings(xml: &str) -> Vec<(&'static str, Vec<u8>)> {
    let utf8 = xml.replace("{encoding}", "UTF-8");
    let utf16 = xml.replace("{encoding}", "UTF-16");
    let units =
        |bom: bool| (if bom { "\u{FEFF}" } else { "" }).encode_utf16().chain(utf16.encode_utf16()).collect::<Vec<_>>();
    let le = |bom| -> Vec<u8> { units(bom).into_iter().flat_map(u16::to_le_bytes).collect() };
    let be = |bom| -> Vec<u8> { units(bom).into_iter().flat_map(u16::to_be_bytes).collect() };
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend(utf8.as_bytes());
    vec![
        ("utf8", utf8.clone().into_bytes()),
        ("utf8-bom", with_bom),
        ("utf16le-bom", le(true)),
        ("utf16le", le(false)),
        ("utf16be-bom", be(true)),
        ("utf16be", be(false)),
    ]
}

const TMX: &str = "<?xml version=\"1.0\" encoding=\"{encoding}\"?>\n<tmx version=\"1.4\"><header srclang=\"fr\">\
<prop type=\"x-note\">Noël 𝄞</prop></header><body>\n<tu><tuv xml:lang=\"fr\"><seg>Déjà vu &amp; été 𝄞</seg></tuv>\
<tuv xml:lang=\"en\"><seg>Already seen</seg></tuv></tu>\n</body></tmx>\n";

const TBX: &str = "<?xml version=\"1.0\" encoding=\"{encoding}\"?>\n<tbx type=\"TBX-Basic\"><text><body>\
<conceptEntry id=\"c1\"><langSec xml:lang=\"fr\"><termSec><term>réseau 𝄞</term></termSec></langSec>\
<langSec xml:lang=\"en\"><termSec><term>network</term></termSec></langSec></conceptEntry></body></text></tbx>\n";

const SRX: &str = "<?xml version=\"1.0\" encoding=\"{encoding}\"?>\n<srx version=\"2.0\"><header cascade=\"no\"/>\
<body><languagerules><languagerule languagerulename=\"Français\">\
<rule break=\"no\"><beforebreak>\\bM\\.</beforebreak><afterbreak>\\s</afterbreak></rule>\
<rule><beforebreak>[.!]</beforebreak><afterbreak>\\s</afterbreak></rule></languagerule></languagerules>\
<maprules><languagemap languagepattern=\".*\" languagerulename=\"Français\"/></maprules></body></srx>\n";

#[test]
fn every_encoding_of_a_document_reads_the_same_through_the_library() {
    let tmx: Vec<_> = encodings(TMX).into_iter().map(|(name, bytes)| (name, items(&bytes, name).unwrap())).collect();
    let tbx: Vec<_> =
        encodings(TBX).into_iter().map(|(name, bytes)| (name, trame::tbx::read_bytes(&bytes, name).unwrap())).collect();
    let srx: Vec<_> = encodings(SRX)
        .into_iter()
        .map(|(name, bytes)| (name, SrxDocument::read(&bytes, name).unwrap().language_rules().to_vec()))
        .collect();
    assert!(matches!(&tmx[0].1[0], Item::Unit(unit) if unit.variants[0].text == "Déjà vu & été 𝄞"));
    assert_eq!(tbx[0].1.base.concepts[0].preferred("fr"), Some("réseau 𝄞"));
    assert_eq!(srx[0].1[0].name, "Français");
    for (name, items) in &tmx {
        assert_eq!(items, &tmx[0].1, "TMX in {name}");
    }
    for (name, document) in &tbx {
        assert_eq!(document, &tbx[0].1, "TBX in {name}");
    }
    for (name, rules) in &srx {
        assert_eq!(rules, &srx[0].1, "SRX in {name}");
    }
}

#[test]
fn every_encoding_of_a_document_reads_the_same_through_the_commands() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in encodings(TMX) {
        let file = write(dir.path(), &format!("{name}.tmx"), bytes);
        let memory = dir.path().join(format!("{name}.sqlite"));
        let out = trame(&["tm", "import", file.to_str().unwrap(), "--tm", memory.to_str().unwrap()], b"");
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        let exported = trame(&["tm", "export", "--tm", memory.to_str().unwrap()], b"");
        assert!(stdout(&exported).contains("<seg>Déjà vu &amp; été 𝄞</seg>"), "{name}: {}", stdout(&exported));
    }
    let mut glossaries = Vec::new();
    for (name, bytes) in encodings(TBX) {
        let file = write(dir.path(), &format!("{name}.tbx"), bytes);
        let out = trame(&["terms", "import", file.to_str().unwrap()], b"");
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        glossaries.push((name, stdout(&out)));
    }
    assert!(glossaries[0].1.contains("réseau 𝄞"), "{}", glossaries[0].1);
    for (name, glossary) in &glossaries {
        assert_eq!(glossary, &glossaries[0].1, "TBX in {name}");
    }
    for (name, bytes) in encodings(SRX) {
        let file = write(dir.path(), &format!("{name}.srx"), bytes);
        let out = trame(&["segment", "-", "--lang", "fr", "--srx", file.to_str().unwrap()], b"Vu M. Roy. Fin!");
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        assert_eq!(stdout(&out), "Vu M. Roy.\nFin!\n", "SRX in {name}");
    }
}

#[test]
fn undecodable_and_binary_documents_are_refused_alike() {
    let dir = tempfile::tempdir().unwrap();
    let commands = |file: &Path| -> Vec<std::process::Output> {
        let file = file.to_str().unwrap();
        let memory = dir.path().join("m.sqlite");
        vec![
            trame(&["tm", "import", file, "--tm", memory.to_str().unwrap()], b""),
            trame(&["terms", "import", file, "--format", "tbx"], b""),
            trame(&["segment", "-", "--lang", "fr", "--srx", file], b"Un."),
        ]
    };
    for (name, bytes, expected) in [
        // The bad bytes come before the root element, so that no reader can refuse the file for its root.
        ("latin1.xml", &b"<?xml version=\"1.0\"?>\n<!-- caf\xE9 -->"[..], "latin1.xml:2:9: not UTF-8 (byte 0xE9)"),
        ("binary.xml", &b"GIF89a\x01\x00\x01\x00"[..], "binary.xml:1:8: not a text file (binary data: a NUL byte)"),
        ("surrogate.xml", &b"\xFF\xFE\n\0\x00\xDC"[..], "surrogate.xml:2:1: bytes that are not valid UTF-16LE"),
        (
            "klingon.xml",
            &b"<?xml version=\"1.0\" encoding=\"klingon\"?><a/>"[..],
            "klingon.xml: unknown encoding 'klingon'",
        ),
    ] {
        let file = write(dir.path(), name, bytes);
        for out in commands(&file) {
            assert_eq!(out.status.code(), Some(2), "{name}: {}", stderr(&out));
            assert!(stderr(&out).contains(expected), "{expected}: {}", stderr(&out));
        }
    }
}

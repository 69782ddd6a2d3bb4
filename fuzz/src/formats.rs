//! The readers of files: TMX, TBX, SRX and TOML term bases.

use super::{MAX_INPUT, xml_allowed, xml_clean};
use std::path::Path;
use trame::segment::Segmenter;
use trame::segment::srx::SrxDocument;
use trame::tbx::{self, TbxVersion};
use trame::termbase::{self, TermBase};
use trame::tmx::{Extra, Item, TmxHeader, TmxReader, TmxWriter, Unit};

/// Streams a TMX file of any encoding, reading every unit; then writes the units it read (with
/// everything, and as plain units made with `Unit::add_variant`) and reads them back: the same units, and no
/// character XML 1.0 forbids in what was written.
pub fn tmx_bytes(bytes: &[u8]) {
    if bytes.len() > MAX_INPUT {
        return;
    }
    let Ok(mut reader) = TmxReader::open(bytes, "fuzz.tmx") else { return };
    let header_extras = reader.header().extras.clone();
    let source_language = reader.header().attribute("srclang").map(str::to_string);
    let mut units = Vec::new();
    loop {
        match reader.next_item() {
            Ok(Some(Item::Unit(unit))) => {
                assert!(!unit.variants.is_empty(), "a unit without variants: {unit:?}");
                for variant in &unit.variants {
                    assert!(!variant.language.is_empty() && variant.language == variant.language.trim());
                    assert!(variant.text.chars().all(xml_allowed), "forbidden character in {:?}", variant.text);
                }
                for variant in &unit.variants {
                    assert!(variant.markup.chars().all(xml_allowed), "forbidden character in {:?}", variant.markup);
                }
                units.push(unit);
            }
            Ok(Some(Item::Skipped(problem))) => assert!(problem.line >= 1 && problem.column >= 1, "{problem:?}"),
            Ok(None) => {
                assert_eq!(reader.next_item(), Ok(None), "a unit after the end");
                break;
            }
            // The units before a syntax error were read: they are checked all the same.
            Err(_) => break,
        }
    }
    full_round_trip(&header_extras, &units);
    let plain: Vec<PlainUnit> = units.iter().map(plain_unit).collect();
    tmx_plain_round_trip(source_language.as_deref().unwrap_or("fr"), &plain);
}

/// A unit of plain text: (language, text) variants, (type, value) properties, a creation date.
pub type PlainUnit = (Vec<(String, String)>, Vec<(String, String)>, Option<String>);

/// The plain text of a unit: its variants' texts, its properties (not its notes) and its creation date.
fn plain_unit(unit: &Unit) -> PlainUnit {
    (
        unit.variants.iter().map(|v| (v.language.clone(), v.text.clone())).collect(),
        unit.extras
            .iter()
            .filter_map(|e| match e {
                Extra::Prop { kind, value, .. } => Some((kind.clone(), value.clone())),
                Extra::Note { .. } => None,
            })
            .collect(),
        unit.attribute("creationdate").map(str::to_string),
    )
}

/// Writes `units` as a memory keeps them and reads them back: the same languages, texts, properties and
/// notes, unit by unit.
fn full_round_trip(header_extras: &[Extra], units: &[Unit]) {
    let mut header = TmxHeader::new("fr", "20260101T000000Z");
    header.extras = header_extras.to_vec();
    let mut writer = TmxWriter::new(Vec::new(), &header).expect("writing to memory");
    for unit in units {
        writer.write_unit(unit).expect("writing to memory");
    }
    let xml = String::from_utf8(writer.finish().expect("writing to memory")).expect("the writer writes UTF-8");
    if let Some(c) = xml.chars().find(|&c| !xml_allowed(c)) {
        panic!("the writer wrote {c:?}, which XML 1.0 forbids:\n{xml}");
    }
    let mut reader = TmxReader::new(xml.as_bytes(), "rewritten.tmx").unwrap_or_else(|e| panic!("{e}\n{xml}"));
    assert_eq!(reader.header().extras, header_extras, "header notes and properties");
    for unit in units {
        let back = match reader.next_item() {
            Ok(Some(Item::Unit(back))) => back,
            other => panic!("{other:?} where a unit was written: {unit:?}\n{xml}"),
        };
        let texts = |u: &Unit| u.variants.iter().map(|v| (v.language.clone(), v.text.clone())).collect::<Vec<_>>();
        assert_eq!(texts(&back), texts(unit), "variants\n{xml}");
        assert_eq!(back.extras, unit.extras, "unit notes and properties\n{xml}");
        let extras = |u: &Unit| u.variants.iter().map(|v| v.extras.clone()).collect::<Vec<_>>();
        assert_eq!(extras(&back), extras(unit), "variant notes and properties\n{xml}");
    }
    assert_eq!(reader.next_item(), Ok(None), "more units read than written\n{xml}");
}

/// Writes `units` made with [`Unit::add_variant`] and [`Unit::add_prop`] and reads them back: the same units,
/// the characters XML 1.0 forbids left out and language tags trimmed; a unit with no variant, or with a
/// variant whose language is left empty or malformed, comes back as a problem.
/// The shape of a language tag the TMX reader takes (BCP 47's, `_` for `-`): subtags of 1 to 8 ASCII
/// letters or digits, the first of letters only; any other leaves its unit out.
fn well_formed_tag(tag: &str) -> bool {
    let fits = |subtag: &str, digits: bool| {
        (1..=8).contains(&subtag.len())
            && subtag.bytes().all(|b| b.is_ascii_alphabetic() || (digits && b.is_ascii_digit()))
    };
    let mut subtags = tag.split(['-', '_']);
    subtags.next().is_some_and(|primary| fits(primary, false)) && subtags.all(|subtag| fits(subtag, true))
}

pub fn tmx_plain_round_trip(source_language: &str, units: &[PlainUnit]) {
    let header = TmxHeader::new(source_language, "20260101T000000Z");
    let mut writer = TmxWriter::new(Vec::new(), &header).expect("writing to memory");
    for (variants, props, creation_date) in units {
        let mut unit = Unit::new();
        unit.attributes.extend(creation_date.iter().map(|date| ("creationdate".to_string(), date.clone())));
        for (kind, value) in props {
            unit.add_prop(kind, value);
        }
        for (language, text) in variants {
            unit.add_variant(language, text);
        }
        writer.write_unit(&unit).expect("writing to memory");
    }
    let xml = String::from_utf8(writer.finish().expect("writing to memory")).expect("the writer writes UTF-8");
    if let Some(c) = xml.chars().find(|&c| !xml_allowed(c)) {
        panic!("the writer wrote {c:?}, which XML 1.0 forbids:\n{xml}");
    }
    let mut reader = TmxReader::new(xml.as_bytes(), "written.tmx").unwrap_or_else(|e| panic!("{e}\n{xml}"));
    assert_eq!(reader.header().attribute("srclang"), Some(xml_clean(source_language).as_str()));
    let (mut read, mut problems) = (Vec::new(), Vec::new());
    while let Some(item) = reader.next_item().unwrap_or_else(|e| panic!("{e}\n{xml}")) {
        match item {
            Item::Unit(unit) => read.push(plain_unit(&unit)),
            Item::Skipped(problem) => problems.push(problem),
        }
    }
    let mut expected = Vec::new();
    let mut skipped = 0;
    for (variants, props, creation_date) in units {
        let variants: Vec<(String, String)> =
            variants.iter().map(|(l, t)| (xml_clean(l).trim().to_string(), xml_clean(t))).collect();
        if variants.is_empty() || variants.iter().any(|(l, _)| !well_formed_tag(l)) {
            skipped += 1;
            continue;
        }
        let props = props.iter().map(|(k, v)| (xml_clean(k), xml_clean(v))).collect();
        expected.push((variants, props, creation_date.as_deref().map(xml_clean)));
    }
    assert_eq!(read, expected, "\n{xml}");
    assert_eq!(problems.len(), skipped, "{problems:?}");
}

/// Reads a TBX file as `trame terms import` does (decoded, then read). A term base read is a valid term
/// base file; written as TBX v3 or v2 and read back it comes back the same after one round (the first
/// writing may leave out what the format cannot say: forbidden characters, `file:line` contexts, kinds
/// TBX does not have).
pub fn tbx_bytes(bytes: &[u8]) {
    if bytes.len() > MAX_INPUT {
        return;
    }
    let Ok(text) = trame::decode::decode(bytes.to_vec(), "fuzz.tbx", None) else { return };
    let Ok(base) = tbx::read(&text, "fuzz.tbx") else { return };
    assert!(!base.concepts.is_empty(), "a term base read with no concept");
    if let Err(message) = termbase::check(&base) {
        panic!("the TBX reader made a term base that breaks a rule: {message}\n{base:#?}");
    }
    for version in [TbxVersion::V3Basic, TbxVersion::V2] {
        let first = write_tbx(&base, version);
        match tbx::read(&first, "first.tbx") {
            Ok(once) => {
                let second = write_tbx(&once, version);
                let twice = tbx::read(&second, "second.tbx").unwrap_or_else(|e| panic!("{e}\n{second}"));
                assert_eq!(twice, once, "{version:?}: read, written and read again\n{second}");
                assert_eq!(write_tbx(&twice, version), second, "{version:?}: a second round changed the file");
            }
            // Only a term made of characters the writer must leave out can vanish.
            Err(e) => assert!(
                base.concepts.iter().flat_map(|c| c.terms()).any(|(_, t)| t.form.chars().any(|c| !xml_allowed(c))),
                "{version:?}: {e}\n{first}"
            ),
        }
    }
}

fn write_tbx(base: &TermBase, version: TbxVersion) -> String {
    let mut out = Vec::new();
    tbx::write(base, version, &mut out).expect("writing to memory");
    let xml = String::from_utf8(out).expect("the writer writes UTF-8");
    if let Some(c) = xml.chars().find(|&c| !xml_allowed(c)) {
        panic!("the TBX writer wrote {c:?}, which XML 1.0 forbids:\n{xml}");
    }
    xml
}

/// A short French and English text with the marks sentence rules look at.
const SRX_TEXT: &str = "M. Dupont est arrivé à 21 h 40. « Enfin ! » dit-il... Puis il est parti.\n\n\
    Dr. Who? Yes. It costs 9.5 million (U.S.) dollars; see p. 3.\r\nÇa va ?  你好。好的。\n- item one\n- item two";

/// Parses an SRX document as `trame segment --srx` does (decoded, then parsed), compiles the rules of
/// French and English, and segments a short text with them: its sentences join back into it. Every rule
/// that does not compile is reported with a position.
pub fn srx_bytes(bytes: &[u8]) {
    if bytes.len() > MAX_INPUT {
        return;
    }
    let Ok(text) = trame::decode::decode(bytes.to_vec(), "fuzz.srx", None) else { return };
    let Ok(document) = SrxDocument::parse(&text, "fuzz.srx") else { return };
    for language in ["fr", "en-GB"] {
        let (names, _) = document.rule_names_for(language);
        if !document.cascade() {
            assert!(names.len() <= 1, "without cascade only the first map applies: {names:?}");
        }
        let (rules, problems) = document.rules_for(language);
        for problem in &problems {
            assert!(problem.at.line >= 1 && problem.at.column >= 1, "{problem}");
        }
        super::text::sentences_join_back(&Segmenter::from_srx(rules), SRX_TEXT);
    }
}

/// Parses a TOML term base as `trame lookup --glossary` does: what parses follows the rules of term base
/// files, and written back as TOML it parses into the same term base.
pub fn glossary(text: &str) {
    if text.len() > MAX_INPUT {
        return;
    }
    let Ok(base) = termbase::parse(text, Path::new("fuzz.toml")) else { return };
    if let Err(message) = termbase::check(&base) {
        panic!("parse accepted a term base that breaks a rule: {message}");
    }
    let written = termbase::to_toml(&base);
    match termbase::parse(&written, Path::new("written.toml")) {
        Ok(back) => assert_eq!(back, base, "written and parsed again:\n{written}"),
        Err(e) => panic!("{e}\n{written}"),
    }
}

/// [`glossary`] on bytes read as UTF-8 (invalid sequences replaced).
pub fn glossary_bytes(bytes: &[u8]) {
    glossary(&String::from_utf8_lossy(bytes));
}

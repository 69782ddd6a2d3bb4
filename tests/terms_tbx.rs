//! TBX export and import: the shipped glossary exported as TBX-Basic v3 and TBX v2 validates against the
//! schemas (../shared/tools/validate-xml); export, import, export gives the same file; every sample in
//! ../shared/formats/samples/tbx imports or is refused with a line and column; CSV and TSV in OmegaT's
//! layout.

mod common;

use common::run::{stderr, stdout, trame};
use common::tools;

fn export(source: &str, format: &str, out: &std::path::Path) {
    let o = trame(&["terms", "export", source, "--format", format, "-o", out.to_str().unwrap(), "--force"], b"");
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn exports_validate_and_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    for (format, name) in [("tbx", "glossary.tbx"), ("tbx-v2", "glossary-v2.tbx")] {
        let first = dir.path().join(name);
        export("glossary", format, &first);
        if let Some(result) = tools::validate(&[&first]) {
            result.unwrap_or_else(|e| panic!("{format}: {e}"));
        }
        let imported = dir.path().join(format!("{name}.toml"));
        let o = trame(&["terms", "import", first.to_str().unwrap(), "-o", imported.to_str().unwrap()], b"");
        assert!(o.status.success(), "{}", stderr(&o));
        let second = dir.path().join(format!("again-{name}"));
        export(imported.to_str().unwrap(), format, &second);
        let (a, b) = (std::fs::read_to_string(&first).unwrap(), std::fs::read_to_string(&second).unwrap());
        assert_eq!(a, b, "{format}: export, import, export changed the file");
        println!("{format}: {} concepts, valid, round trip identical", a.matches("Entry id=").count());
    }
}

#[test]
fn kinds_and_seen_counts_come_back_and_the_source_language_comes_first() {
    let dir = tempfile::tempdir().unwrap();
    let original = trame::termbase::read(std::path::Path::new("glossary")).unwrap();
    for (format, source) in [("tbx", "fr"), ("tbx-v2", "fr"), ("tbx-v2", "en")] {
        let file = dir.path().join(format!("{format}-{source}.tbx"));
        let o = trame(&["terms", "export", "glossary", "-f", format, "-s", source, "-o", file.to_str().unwrap()], b"");
        assert!(o.status.success(), "{}", stderr(&o));
        let xml = std::fs::read_to_string(&file).unwrap();
        let first_language = xml.split("xml:lang=\"").nth(2).unwrap().split('"').next().unwrap();
        assert_eq!(first_language, source, "{format}: the first language of the first entry");
        if let Some(result) = tools::validate(&[&file]) {
            result.unwrap_or_else(|e| panic!("{format}: {e}"));
        }
        let imported = trame::tbx::read_bytes(xml.as_bytes(), "t.tbx").unwrap().base;
        for (before, after) in original.concepts.iter().zip(&imported.concepts) {
            for (lang, terms) in &before.languages {
                for (a, b) in terms.all().zip(after.languages[lang].all()) {
                    assert_eq!((&a.form, a.kind, &a.seen), (&b.form, b.kind, &b.seen), "{format}: {}", before.id);
                }
            }
        }
    }
    let transliterations = original
        .concepts
        .iter()
        .flat_map(|c| c.terms())
        .filter(|(_, t)| t.kind == trame::termbase::Kind::Transliteration)
        .count();
    assert!(transliterations > 5, "the glossary has transliterations to carry ({transliterations})");
}

#[test]
fn shared_samples_import() {
    let Some(dir) = common::shared("formats/samples/tbx") else { return };
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let out_dir = tempfile::tempdir().unwrap();
    for file in &files {
        let target = out_dir.path().join("x.toml");
        let o = trame(&["terms", "import", file.to_str().unwrap(), "-o", target.to_str().unwrap(), "--force"], b"");
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        if o.status.success() {
            let base = trame::termbase::read(&target).unwrap();
            println!("{name}: {} concepts, {} terms", base.concepts.len(), base.term_count());
            assert!(!base.concepts.is_empty());
        } else {
            let message = stderr(&o);
            println!("{name}: refused: {}", message.trim());
            assert_eq!(o.status.code(), Some(2));
            assert!(message.contains(&format!("{}:", file.display())), "{message}");
        }
    }
    assert_eq!(files.len(), 10);
}

#[test]
fn statuses_from_the_wild() {
    let Some(sample) = common::shared("formats/samples/tbx/trg-TBX-Basic-2018-sample-en-fr.tbx") else { return };
    let text = std::fs::read_to_string(sample).unwrap();
    let base = trame::tbx::read(&text, "trg").unwrap();
    let statuses: std::collections::BTreeSet<&str> =
        base.concepts.iter().flat_map(|c| c.terms().map(|(_, t)| t.status.name())).collect();
    assert!(
        statuses.contains("deprecated") && statuses.contains("admitted") && statuses.contains("preferred"),
        "{statuses:?}"
    );
}

#[test]
fn omegat_glossary_layout() {
    let tsv = trame(&["terms", "export", "glossary", "--format", "tsv"], b"");
    assert!(tsv.status.success(), "{}", stderr(&tsv));
    let text = stdout(&tsv);
    assert!(text.lines().any(|l| l.starts_with("Loukachenko\tLukashenko\tperson")), "{text}");
    assert!(text.lines().any(|l| l == "Lukachenko\tLukashenko\tdeprecated transliteration of Loukachenko"), "{text}");
    assert!(text.lines().all(|l| l.split('\t').count() == 3));
    let csv = trame(&["terms", "export", "glossary", "--format", "csv"], b"");
    assert!(stdout(&csv).lines().any(|l| l.starts_with("Kiev,Kyiv,")));
}

#[test]
fn a_french_spreadsheet_csv_with_semicolons_imports() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("excel.csv");
    std::fs::write(&csv, "fr;en;note\nLoukachenko;Lukashenko;\"président, depuis 1994\"\nMinsk;Minsk;\n").unwrap();
    let out = dir.path().join("g.toml");
    let o = trame(&["terms", "import", csv.to_str().unwrap(), "-o", out.to_str().unwrap()], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("2 concepts, 4 terms"), "{}", stderr(&o));
    let base = trame::termbase::read(&out).unwrap();
    assert_eq!(base.concepts[0].preferred("en"), Some("Lukashenko"));
    let forced = trame(&["terms", "import", csv.to_str().unwrap(), "--delimiter", ",", "-o", "-"], b"");
    assert_eq!(forced.status.code(), Some(2), "a comma splits nothing here: {}", stdout(&forced));
}

#[test]
fn imported_contexts_lose_the_indentation_of_the_xml() {
    let tbx = "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\"><tbxHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></tbxHeader><text><body>\n<conceptEntry id=\"c1\"><langSec xml:lang=\"fr\"><termSec><term>Minsk</term>\n    <descrip type=\"context\">\n        Il est parti\n        à Minsk.\n    </descrip></termSec></langSec></conceptEntry></body></text></tbx>";
    let base = trame::tbx::read_bytes(tbx.as_bytes(), "t.tbx").unwrap().base;
    assert_eq!(base.concepts[0].languages["fr"].preferred.context.as_deref(), Some("Il est parti à Minsk."));
}

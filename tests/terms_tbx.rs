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

//! Every TMX file in ../shared/formats/samples/tmx, as CAT tools and test kits wrote them, imports into a
//! memory with the units and languages it holds; the memory's export is valid TMX 1.4b and, imported
//! again, gives the same units (the second export is the first, byte for byte).

mod common;

use common::memories::{memories, postgres_memory};
use common::run::{stderr, stdout, trame};
use common::tools;
use std::path::Path;

/// (file, units, languages): counted independently (Python's ElementTree over <tu> and xml:lang/lang),
/// languages in canonical case.
const SAMPLES: &[(&str, u64, &[&str])] = &[
    ("lisa-ExportTest1A.tmx", 4, &["en-US", "fr-CA"]),
    ("lisa-ExportTest2A.tmx", 6, &["en-US", "fr-CA"]),
    ("lisa-ImportTest1A.tmx", 2, &["en-US", "fr-CA"]),
    ("lisa-ImportTest1B.tmx", 1, &["en-US", "fr-CA"]),
    ("lisa-ImportTest1C.tmx", 3, &["en-GB", "en-US", "es-ES", "fr-CA", "ja-JP"]),
    ("lisa-ImportTest1D.tmx", 3, &["en-GB", "en-US"]),
    ("lisa-ImportTest1H.tmx", 3, &["en-GB", "en-US"]),
    ("lisa-ImportTest1I.tmx", 1, &["en-US", "ja-JP"]),
    ("lisa-ImportTest1J_many.tmx", 3, &["en-GB", "en-US", "es-ES"]),
    ("lisa-ImportTest1K.tmx", 2, &["de-DE", "en-GB", "fr-CA"]),
    ("lisa-ImportTest1L.tmx", 1, &["en-GB", "en-US", "fr"]),
    ("lisa-ImportTest2A.tmx", 7, &["en-US", "fr-CA"]),
    ("lisa-ImportTest2B.tmx", 7, &["en-US", "fr-CA"]),
    ("okapi-potest.po.normal.tmx", 12, &["en", "fr"]),
    ("omegat-2.0.4-mytm-en-fr.tmx", 25, &["en-US", "fr-FR"]),
    ("omegat-6.1-project_save.tmx", 5, &["en", "fr"]),
    ("omegat-invalid-pairing.tmx", 1, &["be", "en"]),
    ("omegat-test-level2.tmx", 4, &["be", "en"]),
    ("ttk-2.5-en-US_en-GB_fr_sr.tmx", 1, &["en-GB", "en-US", "fr", "sr"]),
    ("weblate-memory-minimal-header.tmx", 1, &["cs-CZ", "de-DE", "en-US"]),
];

/// The units and languages `tm stats` reports (its words by pair and origin aside).
fn stats(memory: &Path) -> serde_json::Value {
    let out = trame(&["tm", "stats", "--tm", memory.to_str().unwrap(), "--format", "json"], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let all: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    serde_json::json!({"units": all["units"], "languages": all["languages"]})
}

fn export(memory: &Path, to: &Path) {
    let out = trame(&["tm", "export", "--tm", memory.to_str().unwrap(), "-o", to.to_str().unwrap()], b"");
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn every_sample_imports_exports_and_imports_again() {
    let Some(folder) = common::shared("formats/samples/tmx") else { return };
    let on_disk = std::fs::read_dir(&folder)
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "tmx"))
        .count();
    assert_eq!(on_disk, SAMPLES.len(), "every sample is in the table");
    let dir = tempfile::tempdir().unwrap();
    let mut exports = Vec::new();
    // Each sample into a new memory, on each backend: the second PostgreSQL memory is a new database too.
    let backends = memories(dir.path()).len();
    for (k, (file, units, languages)) in SAMPLES.iter().enumerate().flat_map(|s| std::iter::repeat_n(s, backends)) {
        let on_postgres = exports.len() % backends == 1;
        let new_memory = |name: &str| match on_postgres {
            true => postgres_memory().unwrap(),
            false => dir.path().join(format!("{k}-{name}.sqlite")),
        };
        let first = new_memory("first");
        let out = trame(&["tm", "import", folder.join(file).to_str().unwrap(), "--tm", first.to_str().unwrap()], b"");
        assert!(out.status.success(), "{file}: {}", stderr(&out));
        let expected = serde_json::json!({"units": units, "languages": languages});
        assert_eq!(stats(&first), expected, "{file}");
        let exported = dir.path().join(format!("{k}-export-{}.tmx", exports.len()));
        export(&first, &exported);
        let second = new_memory("second");
        let out = trame(&["tm", "import", exported.to_str().unwrap(), "--tm", second.to_str().unwrap()], b"");
        assert!(out.status.success(), "{file} exported: {}", stderr(&out));
        assert_eq!(stats(&second), expected, "{file} exported and imported again");
        let again = dir.path().join(format!("{k}-again-{}.tmx", exports.len()));
        export(&second, &again);
        assert_eq!(std::fs::read_to_string(&exported).unwrap(), std::fs::read_to_string(&again).unwrap(), "{file}");
        println!("{file}: {units} units, {} languages, export valid and stable", languages.len());
        exports.push(exported);
    }
    let paths: Vec<&Path> = exports.iter().map(|p| p.as_path()).collect();
    if let Some(result) = tools::validate(&paths) {
        result.unwrap();
    }
}

#[test]
fn inline_codes_and_metadata_survive() {
    let Some(folder) = common::shared("formats/samples/tmx") else { return };
    let dir = tempfile::tempdir().unwrap();
    for memory in memories(dir.path()) {
        let tm = memory.to_str().unwrap();
        for file in ["lisa-ImportTest2A.tmx", "lisa-ImportTest1L.tmx", "lisa-ImportTest1A.tmx"] {
            assert!(trame(&["tm", "import", folder.join(file).to_str().unwrap(), "--tm", tm], b"").status.success());
        }
        let exported = dir.path().join(if tm.starts_with("postgres") { "out-pg.tmx" } else { "out.tmx" });
        export(&memory, &exported);
        let xml = std::fs::read_to_string(&exported).unwrap();
        // Level 2 codes as written (ImportTest2A), the tab references of ImportTest1A, the unit, variant and
        // header notes and properties of ImportTest1L.
        for needle in [
            r#"<bpt i="1" x="1" type="bold">&lt;b></bpt>black<ept i="1">&lt;/b></ept>"#,
            "[&#x09;&#x09;   ]",
            "<note xml:lang=\"en-us\">Text of tu note 1</note>",
        ] {
            assert!(xml.contains(needle), "{needle} missing from\n{xml}");
        }
        let search = trame(
            &["tm", "search", "The big black cat sleeps.", "-s", "en", "-t", "fr-CA", "--tm", tm, "--format", "json"],
            b"",
        );
        let found: serde_json::Value = serde_json::from_str(&stdout(&search)).unwrap();
        assert_eq!(found["matches"][0]["score"], 100, "{found}");
        assert_eq!(found["matches"][0]["target"], "Le gros chat noir dors.");
    }
}

use super::*;
use crate::tmx::{Item, TmxReader, Unit, Variant};

fn variant(language: &str, text: &str) -> Variant {
    Variant { language: language.into(), markup: crate::xml::text(text), text: text.into(), ..Variant::default() }
}

fn unit(pairs: &[(&str, &str)]) -> Unit {
    Unit { variants: pairs.iter().map(|(l, t)| variant(l, t)).collect(), ..Unit::default() }
}

fn memory() -> (tempfile::TempDir, Memory) {
    let dir = tempfile::tempdir().unwrap();
    let memory = Memory::open(&dir.path().join("tm.sqlite")).unwrap();
    (dir, memory)
}

#[test]
fn import_merges_and_counts() {
    let (_dir, mut memory) = memory();
    let mut import = memory.import().unwrap();
    import.set_origin("a.tmx", &Default::default()).unwrap();
    import.add(&unit(&[("fr-FR", "Le chat  dort."), ("en", "The cat sleeps.")])).unwrap();
    import.add(&unit(&[("en", "The cat sleeps."), ("FR_fr", "Le chat dort.")])).unwrap();
    import.add(&unit(&[("fr", "Le chien dort."), ("en", "The dog sleeps."), ("de", "Der Hund schläft.")])).unwrap();
    assert_eq!(import.commit().unwrap(), ImportSummary { added: 2, merged: 1 });
    let stats = memory.stats().unwrap();
    assert_eq!(stats, Stats { units: 2, languages: vec!["de".into(), "en".into(), "fr".into(), "fr-FR".into()] });
    let found = memory.search("Le chat dort.", "fr", "en", 50, 5).unwrap();
    assert_eq!(found[0].score, 100);
    assert_eq!(found[0].usage, 2);
    assert_eq!(found[0].origin, "a.tmx");
    assert_eq!(found[1].source, "Le chien dort.");
    assert_eq!(found[1].changed, "Le [-chien-]{+chat+} dort.");
}

#[test]
fn later_imports_merge_with_earlier_ones_and_every_key_is_kept() {
    let (_dir, mut memory) = memory();
    let pair = |n: usize| unit(&[("fr", &format!("Phrase {n}.")), ("en", &format!("Sentence {n}."))]);
    let mut import = memory.import().unwrap();
    for n in [1, 2, 3, 4, 2, 5, 6, 1] {
        import.add(&pair(n)).unwrap();
    }
    assert_eq!(import.commit().unwrap(), ImportSummary { added: 6, merged: 2 });
    let mut import = memory.import().unwrap();
    for n in [7, 3, 8, 7, 9, 10, 11, 6, 12] {
        import.add(&pair(n)).unwrap();
    }
    assert_eq!(import.commit().unwrap(), ImportSummary { added: 6, merged: 3 });
    let count = |sql: &str| -> i64 { memory.conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(count("SELECT count(*) FROM units"), 12);
    assert_eq!(count("SELECT count(*) FROM unit_keys"), 12);
    assert_eq!(count("SELECT count(*) FROM units AS u JOIN unit_keys AS k ON k.key = u.key AND k.unit = u.id"), 12);
    assert_eq!(count("SELECT sum(usage) FROM units"), 17);
    assert_eq!(memory.search("Phrase 7.", "fr", "en", 100, 5).unwrap()[0].usage, 2);
}

#[test]
fn a_dropped_import_leaves_nothing() {
    let (_dir, mut memory) = memory();
    {
        let mut import = memory.import().unwrap();
        import.set_origin("a.tmx", &Default::default()).unwrap();
        import.add(&unit(&[("fr", "Un."), ("en", "One.")])).unwrap();
    }
    assert_eq!(memory.stats().unwrap().units, 0);
}

#[test]
fn export_then_import_gives_the_same_units() {
    let (_dir, mut memory) = memory();
    let xml = r#"<?xml version="1.0"?><tmx version="1.4"><header srclang="en" creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext"><note>header note</note></header><body>
<tu tuid="7" creationdate="20200101T000000Z"><prop type="client">ACME</prop><note>unit note</note>
<tuv xml:lang="en-US" creationid="me"><prop type="x-p">v</prop><seg>Click <bpt i="1">&lt;b></bpt>OK<ept i="1">&lt;/b></ept> &amp; go<ut>{x}</ut></seg></tuv>
<tuv xml:lang="fr-FR"><seg>Cliquez sur <bpt i="1">&lt;b></bpt>OK<ept i="1">&lt;/b></ept>&#x09;!</seg></tuv></tu>
</body></tmx>"#;
    let mut reader = TmxReader::new(xml.as_bytes(), "t.tmx").unwrap();
    let header = reader.header().clone();
    let mut import = memory.import().unwrap();
    import.set_origin("t.tmx", &header).unwrap();
    let mut original = Vec::new();
    while let Some(Item::Unit(u)) = reader.next_item().unwrap() {
        import.add(&u).unwrap();
        original.push(u);
    }
    import.commit().unwrap();
    assert!(original[0].variants[0].markup.contains("<ph>{x}</ph>"), "ut is written as ph");
    let mut out = Vec::new();
    memory.export(None, None, "20261122T000000Z", &mut out).unwrap();
    let exported = String::from_utf8(out).unwrap();
    assert!(exported.contains("<note>header note</note>"), "{exported}");
    assert!(exported.contains("<prop type=\"x-trame-origin\">t.tmx</prop>"), "{exported}");
    let mut again = TmxReader::new(exported.as_bytes(), "e.tmx").unwrap();
    let Some(Item::Unit(back)) = again.next_item().unwrap() else { panic!("a unit") };
    assert_eq!(back.attributes, original[0].attributes);
    assert_eq!(
        back.variants.iter().map(|v| (&v.markup, &v.text, &v.extras, &v.attributes)).collect::<Vec<_>>(),
        original[0].variants.iter().map(|v| (&v.markup, &v.text, &v.extras, &v.attributes)).collect::<Vec<_>>()
    );
    assert_eq!(back.extras[1..], original[0].extras[..]);
    let pair = {
        let mut out = Vec::new();
        memory.export(Some("fr"), Some("en"), "20261122T000000Z", &mut out).unwrap();
        String::from_utf8(out).unwrap()
    };
    assert!(pair.contains("srclang=\"fr\"") && pair.find("fr-FR").unwrap() < pair.find("en-US").unwrap());
}

/// A memory as an older trame left it: version 1's tables, then `sql`.
fn older_memory(sql: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite");
    let conn = rusqlite::Connection::open(&path).unwrap();
    schema::create_version_1(&conn).unwrap();
    conn.execute_batch(sql).unwrap();
    (dir, path)
}

#[test]
fn older_memories_are_brought_up_to_date() {
    let (_dir, path) = older_memory(
        r#"INSERT INTO units(id, key, usage, variants) VALUES (1, 0, 1,
             '[{"lang":"fr","markup":"Le chat dort.","text":"Le chat dort."},{"lang":"en","markup":"The cat sleeps.","text":"The cat sleeps."}]');
           INSERT INTO languages VALUES ('en'), ('fr');"#,
    );
    let memory = Memory::open(&path).unwrap();
    let found = memory.search("Le chat dort !", "fr", "en", 70, 5).unwrap();
    assert_eq!(found[0].target, "The cat sleeps.");
    let version: i64 = memory.conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, schema::VERSION);
}

#[test]
fn a_version_3_memory_gets_the_new_index_and_keys() {
    let (_dir, path) = older_memory(
        r#"CREATE VIRTUAL TABLE units_index USING fts5(text, content='', detail=none, columnsize=0);
           INSERT INTO units(id, key, usage, variants) VALUES (1, 12345, 1,
             '[{"l":"fr","t":"Le président biélorusse est arrivé."},{"l":"en","t":"The Belarusian president arrived."}]');
           INSERT INTO units_index(rowid, text) VALUES (1, 'president bielorusse est arrive the belarusian president arrived');
           INSERT INTO languages VALUES ('en'), ('fr');
           PRAGMA user_version = 3;"#,
    );
    let mut memory = Memory::open(&path).unwrap();
    let fts: i64 = memory
        .conn
        .query_row("SELECT count(*) FROM sqlite_schema WHERE name LIKE 'units_index%'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fts, 0);
    // Accents aside, through the new index.
    let found = memory.search("Le president bielorusse est arrive.", "fr", "en", 70, 5).unwrap();
    assert_eq!(found[0].target, "The Belarusian president arrived.");
    // The key was computed again: the same unit imported now is merged.
    let mut import = memory.import().unwrap();
    import.set_origin("again.tmx", &Default::default()).unwrap();
    import
        .add(&unit(&[("fr", "Le président  biélorusse est arrivé."), ("en", "The Belarusian president arrived.")]))
        .unwrap();
    assert_eq!(import.commit().unwrap(), ImportSummary { added: 0, merged: 1 });
}

#[test]
fn other_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "this is not a database, just some text that is long enough to look like a file").unwrap();
    let error = Memory::open(&text).err().unwrap().to_string();
    assert!(error.contains("notes.txt") && error.contains("not a trame memory"), "{error}");
    let other = dir.path().join("other.sqlite");
    rusqlite::Connection::open(&other).unwrap().execute_batch("CREATE TABLE x(y)").unwrap();
    assert!(Memory::open(&other).err().unwrap().to_string().contains("not a trame memory"));
    assert!(Memory::open_existing(&dir.path().join("missing.sqlite")).is_err());
}

use super::*;

#[path = "../../tests/common/scratch_pg.rs"]
mod scratch_pg;
use crate::tmx::{Item, TmxReader, Unit, Variant};
use scratch_pg::scratch_postgres_database;

fn variant(language: &str, text: &str) -> Variant {
    Variant { language: language.into(), markup: crate::xml::text(text), text: text.into(), ..Variant::default() }
}

fn unit(pairs: &[(&str, &str)]) -> Unit {
    Unit { variants: pairs.iter().map(|(l, t)| variant(l, t)).collect(), ..Unit::default() }
}

/// A new memory on each backend: SQLite always, PostgreSQL when `TRAME_TEST_PG` names a server (each
/// memory in a database of its own). With its folder.
fn memories() -> Vec<(tempfile::TempDir, Memory)> {
    let dir = tempfile::tempdir().unwrap();
    let sqlite = Memory::open(&dir.path().join("tm.sqlite")).unwrap();
    let mut all = vec![(dir, sqlite)];
    match std::env::var("TRAME_TEST_PG") {
        Ok(server) => {
            let url = scratch_postgres_database(&server, "trame_unit").unwrap();
            all.push((tempfile::tempdir().unwrap(), Memory::open_location(&url).unwrap()));
        }
        Err(_) => eprintln!("PostgreSQL memory not tested: TRAME_TEST_PG is unset (bash .ci/pg-start gives one)"),
    }
    all
}

/// The first column of the first row of `sql`.
fn count(memory: &Memory, sql: &str) -> i64 {
    store::query_one(memory.store.as_ref(), sql, &[], |r| r.int(0)).unwrap()
}

#[test]
fn import_merges_and_counts() {
    for (_dir, mut memory) in memories() {
        let backend = if memory.is_postgres() { "postgresql" } else { "sqlite" };
        eprintln!("{backend}");
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
        // Twice in one file is one source: one use.
        assert_eq!(found[0].usage, 1);
        assert_eq!(found[0].origin, "a.tmx");
        assert_eq!(found[1].source, "Le chien dort.");
        assert_eq!(found[1].changed, "Le [-chien-]{+chat+} dort.");
    }
}

#[test]
fn later_imports_merge_with_earlier_ones_and_every_key_is_kept() {
    for (_dir, mut memory) in memories() {
        let backend = if memory.is_postgres() { "postgresql" } else { "sqlite" };
        eprintln!("{backend}");
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
        let count = |sql: &str| count(&memory, sql);
        assert_eq!(count("SELECT count(*) FROM units"), 12);
        assert_eq!(count("SELECT count(*) FROM unit_keys"), 12);
        assert_eq!(count("SELECT count(*) FROM units AS u JOIN unit_keys AS k ON k.key = u.key AND k.unit = u.id"), 12);
        // Units added without an origin all come from the same (no) source: merged, not counted again.
        assert_eq!(count("SELECT CAST(sum(usage) AS BIGINT) FROM units"), 12);
        assert_eq!(memory.search("Phrase 7.", "fr", "en", 100, 5).unwrap()[0].usage, 1);
    }
}

#[test]
fn a_dropped_import_leaves_nothing() {
    for (_dir, mut memory) in memories() {
        let backend = if memory.is_postgres() { "postgresql" } else { "sqlite" };
        eprintln!("{backend}");
        {
            let mut import = memory.import().unwrap();
            import.set_origin("a.tmx", &Default::default()).unwrap();
            import.add(&unit(&[("fr", "Un."), ("en", "One.")])).unwrap();
        }
        assert_eq!(memory.stats().unwrap().units, 0);
    }
}

#[test]
fn export_then_import_gives_the_same_units() {
    for (_dir, mut memory) in memories() {
        let backend = if memory.is_postgres() { "postgresql" } else { "sqlite" };
        eprintln!("{backend}");
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
        memory.export(None, None, &UnitFilter::default(), "20261122T000000Z", &mut out).unwrap();
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
            memory.export(Some("fr"), Some("en"), &UnitFilter::default(), "20261122T000000Z", &mut out).unwrap();
            String::from_utf8(out).unwrap()
        };
        assert!(pair.contains("srclang=\"fr\"") && pair.find("fr-FR").unwrap() < pair.find("en-US").unwrap());
    }
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
    let version = memory.store.version().unwrap();
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
    let fts = count(&memory, "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'units_index%'");
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

fn import_named(memory: &mut Memory, origin: &str, units: &[Unit]) -> ImportSummary {
    let mut import = memory.import().unwrap();
    import.set_origin(origin, &Default::default()).unwrap();
    for unit in units {
        import.add(unit).unwrap();
    }
    import.commit().unwrap()
}

fn usage_of(memory: &Memory, french: &str) -> i64 {
    memory.search(french, "fr", "en", 100, 1).unwrap()[0].usage
}

#[test]
fn usage_counts_distinct_sources_not_imports() {
    for (_dir, mut memory) in memories() {
        let backend = if memory.is_postgres() { "postgresql" } else { "sqlite" };
        eprintln!("{backend}");
        let cat = unit(&[("fr", "Le chat dort."), ("en", "The cat sleeps.")]);
        import_named(&mut memory, "a.tmx", std::slice::from_ref(&cat));
        assert_eq!(
            import_named(&mut memory, "a.tmx", std::slice::from_ref(&cat)),
            ImportSummary { added: 0, merged: 1 }
        );
        assert_eq!(usage_of(&memory, "Le chat dort."), 1, "the same file again");
        import_named(&mut memory, "b.tmx", std::slice::from_ref(&cat));
        import_named(&mut memory, "b.tmx", std::slice::from_ref(&cat));
        assert_eq!(usage_of(&memory, "Le chat dort."), 2, "another file, twice");
        // An export carries the count and the origin: importing it back changes nothing.
        let mut out = Vec::new();
        memory.export(None, None, &UnitFilter::default(), "20261122T000000Z", &mut out).unwrap();
        let xml = String::from_utf8(out).unwrap();
        assert!(xml.contains("<prop type=\"x-trame-usage\">2</prop>"), "{xml}");
        let mut reader = TmxReader::new(xml.as_bytes(), "export.tmx").unwrap();
        let Some(Item::Unit(back)) = reader.next_item().unwrap() else { panic!("a unit") };
        import_named(&mut memory, "export.tmx", &[back]);
        assert_eq!(usage_of(&memory, "Le chat dort."), 2);
    }
}

/// The units the word index gives for `word`, as a search would find them.
fn indexed(memory: &Memory, word: &str) -> Vec<i64> {
    let mut units = words::lookup(memory.store.as_ref(), words::query_words(word)[0], usize::MAX).unwrap().units;
    units.sort_unstable();
    units
}

/// Every (word, unit) pair the index holds equals those the units' texts give.
fn assert_index_consistent(memory: &Memory) {
    let mut expected: Vec<(u32, i64)> = Vec::new();
    let rows: Vec<(i64, String)> =
        store::query_all(memory.store.as_ref(), "SELECT id, variants FROM units", &[], |r| {
            Ok((r.int(0)?, r.text(1)?.to_string()))
        })
        .unwrap();
    for (id, variants) in rows {
        let variants = stored::StoredVariant::parse(&variants);
        for word in words::unit_words(variants.iter().map(|v| v.text.as_str())) {
            expected.push((word, id));
        }
    }
    expected.sort_unstable();
    let mut words: Vec<u32> = expected.iter().map(|p| p.0).collect();
    words.dedup();
    let mut held: Vec<(u32, i64)> = Vec::new();
    for word in words {
        let found = words::lookup(memory.store.as_ref(), word, usize::MAX).unwrap();
        assert_eq!(found.count as usize, found.units.len());
        held.extend(found.units.into_iter().map(|u| (word, u)));
    }
    held.sort_unstable();
    assert_eq!(held, expected);
    let pairs = count(memory, "SELECT CAST(coalesce(sum(pairs), 0) AS BIGINT) FROM word_segments");
    assert_eq!(pairs as usize, expected.len(), "segments count their pairs");
}

/// 700 numbered units over two imports, words common to all (lists with a row of their own).
fn numbered_memories() -> Vec<(tempfile::TempDir, Memory)> {
    let mut all = memories();
    for (_, memory) in &mut all {
        let pair = |n: usize| {
            unit(&[("fr", &format!("Le train numéro {n} part.")), ("en", &format!("Train number {n} leaves."))])
        };
        import_named(memory, "a.tmx", &(1..=200).map(pair).collect::<Vec<_>>());
        import_named(memory, "b.tmx", &(150..=700).map(pair).collect::<Vec<_>>());
    }
    all
}

#[test]
fn deleting_units_keeps_the_index_the_keys_and_the_sources_in_step() {
    for (_dir, mut memory) in numbered_memories() {
        let backend = if memory.is_postgres() { "postgresql" } else { "sqlite" };
        eprintln!("{backend}");
        assert_eq!(memory.stats().unwrap().units, 700);
        assert_index_consistent(&memory);
        let own_rows = count(&memory, "SELECT count(*) FROM word_postings WHERE word >= 0");
        assert!(own_rows > 0, "common words have rows of their own");
        assert_eq!(memory.delete_units(&[7, 250, 7]).unwrap(), DeleteSummary { deleted: 2, kept: 0 });
        assert_eq!(indexed(&memory, "7"), Vec::<i64>::new());
        assert_eq!(indexed(&memory, "numéro").len(), 698);
        assert_index_consistent(&memory);
        // An unknown id deletes nothing.
        assert!(matches!(memory.delete_units(&[8, 9999]), Err(TmError::Request(_))));
        assert_eq!(memory.stats().unwrap().units, 698);
        // By origin: 1-149 came from a.tmx alone; 150-200 from both (kept, one use fewer).
        assert_eq!(usage_of(&memory, "Le train numéro 160 part."), 2);
        assert_eq!(memory.delete_origin("a.tmx").unwrap(), DeleteSummary { deleted: 148, kept: 51 });
        assert_eq!(usage_of(&memory, "Le train numéro 160 part."), 1);
        assert_eq!(
            memory.breakdown().unwrap().origins.iter().map(|o| (o.origin.clone(), o.units)).collect::<Vec<_>>(),
            [(Some("b.tmx".to_string()), 550)]
        );
        assert_index_consistent(&memory);
        assert!(matches!(memory.delete_origin("a.tmx"), Err(TmError::Request(_))));
        // Deleted units come back as new ones, their words indexed again.
        let again = unit(&[("fr", "Le train numéro 7 part."), ("en", "Train number 7 leaves.")]);
        assert_eq!(import_named(&mut memory, "c.tmx", &[again]), ImportSummary { added: 1, merged: 0 });
        assert_eq!(indexed(&memory, "7").len(), 1);
        // By phrase.
        assert_eq!(memory.delete_concordance("numéro 7 part", Some("fr"), None).unwrap().deleted, 1);
        assert_eq!(memory.delete_concordance("numéro 7 part", Some("fr"), None).unwrap().deleted, 0);
        assert_index_consistent(&memory);
        assert_eq!(memory.integrity().unwrap(), "ok");
    }
}

#[test]
fn editing_a_unit_moves_its_words_and_its_key() {
    for (_dir, mut memory) in numbered_memories() {
        let backend = if memory.is_postgres() { "postgresql" } else { "sqlite" };
        eprintln!("{backend}");
        let edit = UnitEdit { target: Some("Train number 12 departs at nine."), ..UnitEdit::default() };
        memory.edit(12, &edit, "20261122T000000Z").unwrap();
        assert_eq!(indexed(&memory, "departs"), [12]);
        assert!(!indexed(&memory, "leaves").contains(&12));
        assert_index_consistent(&memory);
        let found = memory.search("Le train numéro 12 part.", "fr", "en", 100, 1).unwrap();
        assert_eq!(found[0].target, "Train number 12 departs at nine.");
        // The new texts are the unit's key: importing them merges.
        let same = unit(&[("fr", "Le train numéro 12 part."), ("en", "Train number 12 departs at nine.")]);
        assert_eq!(import_named(&mut memory, "c.tmx", &[same]), ImportSummary { added: 0, merged: 1 });
        // The source, by language; a word new to the whole memory.
        let edit = UnitEdit {
            source: Some("Le train numéro 12 s'en va bientôt."),
            source_lang: Some("fr"),
            ..UnitEdit::default()
        };
        memory.edit(12, &edit, "20261122T000000Z").unwrap();
        assert_eq!(memory.concordance("va bientôt", Some("fr"), None, 10).unwrap()[0].id, 12);
        assert_index_consistent(&memory);
        // Refused: the same as another unit, no such unit, an empty text, a missing language.
        let twin = UnitEdit {
            source: Some("Le train numéro 13 part."),
            target: Some("Train number 13 leaves."),
            ..UnitEdit::default()
        };
        assert!(
            matches!(memory.edit(12, &twin, "20261122T000000Z"), Err(TmError::Request(m)) if m.contains("unit 13"))
        );
        assert!(matches!(memory.edit(9999, &edit, "20261122T000000Z"), Err(TmError::Request(_))));
        let empty = UnitEdit { target: Some("  "), ..UnitEdit::default() };
        assert!(matches!(memory.edit(12, &empty, "20261122T000000Z"), Err(TmError::Request(_))));
        let german = UnitEdit { target: Some("Zug"), target_lang: Some("de"), ..UnitEdit::default() };
        assert!(matches!(memory.edit(12, &german, "20261122T000000Z"), Err(TmError::Request(_))));
        assert_eq!(
            memory.concordance("va bientôt", None, None, 10).unwrap()[0].variants[1].text,
            "Train number 12 departs at nine."
        );
    }
}

#[test]
fn concordance_finds_phrases_through_the_index_and_marks_them() {
    for (_dir, mut memory) in memories() {
        let backend = if memory.is_postgres() { "postgresql" } else { "sqlite" };
        eprintln!("{backend}");
        import_named(
            &mut memory,
            "a.tmx",
            &[
                unit(&[("fr-FR", "Le train de nuit part."), ("en-GB", "The night train leaves.")]),
                unit(&[("fr-FR", "Un TRAIN DE NUIT, puis un train de jour."), ("en-GB", "A night train.")]),
                unit(&[("fr-FR", "Le train part de nuit."), ("en-GB", "The train leaves at night.")]),
                unit(&[("en", "Night train"), ("de", "Nachtzug")]),
            ],
        );
        let found = memory.concordance("train de nuit", Some("fr"), Some("en"), 10).unwrap();
        assert_eq!(found.iter().map(|c| c.id).collect::<Vec<_>>(), [1, 2]);
        let second = &found[1].variants[0];
        assert_eq!(second.spans.iter().map(|s| &second.text[s.clone()]).collect::<Vec<_>>(), ["TRAIN DE NUIT"]);
        assert_eq!(found[1].variants[1].lang, "en-GB");
        // In the target only; in any language; at most one.
        assert_eq!(
            memory.concordance("night train", None, Some("en"), 10).unwrap().iter().map(|c| c.id).collect::<Vec<_>>(),
            [1, 2, 4]
        );
        assert_eq!(memory.concordance("night train", Some("fr"), None, 10).unwrap().len(), 0);
        assert_eq!(memory.concordance("nachtzug", None, None, 10).unwrap()[0].variants.len(), 2);
        assert_eq!(memory.concordance("train", None, None, 1).unwrap().len(), 1);
        assert!(matches!(memory.concordance("de la", None, None, 10), Err(TmError::Request(_))));
    }
}

#[test]
fn export_filters_by_origin_and_date() {
    for (_dir, mut memory) in memories() {
        let backend = if memory.is_postgres() { "postgresql" } else { "sqlite" };
        eprintln!("{backend}");
        let dated = |n: usize, date: &str| {
            let mut u = unit(&[("fr", &format!("Phrase {n}.")), ("en", &format!("Sentence {n}."))]);
            u.attributes.push(("creationdate".into(), date.into()));
            u
        };
        import_named(&mut memory, "old.tmx", &[dated(1, "20200105T101010Z"), dated(2, "20231231T235959Z")]);
        import_named(&mut memory, "new.tmx", &[dated(3, "20240101T000000Z"), dated(2, "20231231T235959Z")]);
        let exported = |memory: &Memory, filter: UnitFilter| {
            let mut out = Vec::new();
            let summary = memory.export(Some("fr"), Some("en"), &filter, "20261122T000000Z", &mut out).unwrap();
            let text = String::from_utf8(out).unwrap();
            assert_eq!(text.matches("</tu>").count() as u64, summary.units);
            (1..=3).filter(|n| text.contains(&format!("Phrase {n}."))).collect::<Vec<_>>()
        };
        let day = |d: &str| Some(d.to_string());
        assert_eq!(exported(&memory, UnitFilter { origin: day("new.tmx"), ..UnitFilter::default() }), [2, 3]);
        assert_eq!(exported(&memory, UnitFilter { since: day("20231231"), ..UnitFilter::default() }), [2, 3]);
        assert_eq!(exported(&memory, UnitFilter { until: day("20231231"), ..UnitFilter::default() }), [1, 2]);
        assert_eq!(
            exported(&memory, UnitFilter { origin: day("old.tmx"), since: day("20240101"), ..UnitFilter::default() }),
            Vec::<usize>::new()
        );
        // An edit dates the unit.
        memory.edit(1, &UnitEdit { target: Some("Sentence one."), ..UnitEdit::default() }, "20250301T120000Z").unwrap();
        assert_eq!(
            exported(&memory, UnitFilter { since: day("20250301"), until: day("20250301"), ..UnitFilter::default() }),
            [1]
        );
        let mut out = Vec::new();
        assert!(matches!(
            memory.export(None, None, &UnitFilter { origin: day("nope.tmx"), ..UnitFilter::default() }, "x", &mut out),
            Err(TmError::Request(_))
        ));
    }
}

#[test]
fn a_version_4_memory_gets_the_table_of_sources() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v4.sqlite");
    let variants = r#"[{"l":"fr","t":"Le chat dort."},{"l":"en","t":"The cat sleeps."}]"#;
    let key = import::stored_key(&stored::StoredVariant::parse(variants));
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        schema::create_version_4(&conn).unwrap();
        conn.execute("INSERT INTO origins(id, name, imported) VALUES (1, 'a.tmx', '20240101T000000Z')", []).unwrap();
        conn.execute(
            "INSERT INTO units(id, key, usage, origin, variants) VALUES (1, ?1, 3, 1, ?2)",
            rusqlite::params![key, variants],
        )
        .unwrap();
        conn.execute("INSERT INTO unit_keys(key, unit) VALUES (?1, 1)", [key]).unwrap();
        conn.execute_batch("INSERT INTO languages VALUES ('en'), ('fr');").unwrap();
    }
    let mut memory = Memory::open(&path).unwrap();
    let version = memory.store.version().unwrap();
    assert_eq!(version, schema::VERSION);
    // The old count is kept; its file again adds nothing, another file once one use.
    let cat = unit(&[("fr", "Le chat dort."), ("en", "The cat sleeps.")]);
    for (file, usage) in [("a.tmx", 3), ("b.tmx", 4), ("b.tmx", 4)] {
        assert_eq!(import_named(&mut memory, file, std::slice::from_ref(&cat)), ImportSummary { added: 0, merged: 1 });
        let found = count(&memory, "SELECT usage FROM units WHERE id = 1");
        assert_eq!(found, usage, "{file}");
    }
    let tables = count(&memory, "SELECT count(*) FROM sqlite_schema WHERE name = 'unit_sources'");
    assert_eq!(tables, 1);
}

#[test]
fn a_memory_of_a_newer_version_is_refused_on_both_backends() {
    for (_dir, memory) in memories() {
        let location = memory.path().to_str().unwrap().to_string();
        assert_eq!(memory.store.version().unwrap(), schema::VERSION);
        memory.store.set_version(schema::VERSION + 1).unwrap();
        drop(memory);
        let error = Memory::open_location(&location).err().unwrap().to_string();
        assert!(error.contains(&format!("version {}, written by a newer trame", schema::VERSION + 1)), "{error}");
    }
}

#[test]
fn trames_opening_a_new_postgresql_memory_at_once_make_its_tables_once() {
    let Ok(server) = std::env::var("TRAME_TEST_PG") else {
        eprintln!("PostgreSQL memory not tested: TRAME_TEST_PG is unset (bash .ci/pg-start gives one)");
        return;
    };
    let url = scratch_postgres_database(&server, "trame_unit").unwrap();
    let opened: Vec<Result<Memory, TmError>> = std::thread::scope(|scope| {
        let all: Vec<_> = (0..4).map(|_| scope.spawn(|| Memory::open_location(&url))).collect();
        all.into_iter().map(|t| t.join().unwrap()).collect()
    });
    for memory in opened {
        let memory = memory.unwrap();
        assert_eq!(memory.store.version().unwrap(), schema::VERSION);
        assert_eq!(memory.stats().unwrap().units, 0);
    }
}

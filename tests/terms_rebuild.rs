//! Rebuilding the term base from the corpus reproduces the shipped glossary's clusters: every shipped
//! concept comes back with the same forms in each language, and every concept the build finds is either
//! shipped or rejected in the glossary (a reviewed decision).

mod common;

use common::run::{stderr, trame};
use std::collections::{BTreeMap, BTreeSet};
use trame::fold::fold;
use trame::termbase::{TermBase, read};

fn forms(base: &TermBase) -> BTreeMap<String, BTreeMap<String, BTreeSet<String>>> {
    base.concepts
        .iter()
        .map(|c| {
            let languages =
                c.languages.iter().map(|(l, t)| (l.clone(), t.all().map(|t| t.form.clone()).collect())).collect();
            (c.id.clone(), languages)
        })
        .collect()
}

#[test]
fn rebuild_reproduces_shipped_clusters() {
    let Some(corpus) = common::shared("corpus") else { return };
    let dir = tempfile::tempdir().unwrap();
    let tmx = dir.path().join("moa.tmx");
    let path = |p: &std::path::Path| p.to_str().unwrap().to_string();
    let fr: Vec<String> = (0..5)
        .map(|k| {
            let name = std::fs::read_dir(corpus.join("fr"))
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .find(|n| n.starts_with(&format!("00{k}_")))
                .unwrap();
            path(&corpus.join("fr").join(name))
        })
        .collect();
    let en_moa = path(&corpus.join("en/moa-2022-12-21-western-border.txt"));
    let en_2020 = path(&corpus.join("en/moa-2020-08-26-color-revolution-failed.txt"));
    let out = trame(&["align", &fr[0], &en_moa, "-s", "fr", "-t", "en", "-o", &path(&tmx)], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let built_dir = dir.path().join("built");
    let mut args: Vec<String> = vec!["terms".into(), "build".into(), path(&tmx)];
    args.extend(fr.iter().cloned());
    args.extend(["--lang", "fr", "--text"].map(String::from));
    args.push(format!("en:{en_2020}"));
    args.push("--text".into());
    args.push(format!("en:{en_moa}"));
    args.extend(["--context", "location", "-o"].map(String::from));
    args.push(format!("{}/", path(&built_dir)));
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = trame(&refs, b"");
    assert!(out.status.success(), "{}", stderr(&out));

    let shipped = read(&common::project_file("glossary")).unwrap();
    let built = read(&built_dir).unwrap();
    let (shipped_forms, built_forms) = (forms(&shipped), forms(&built));
    let mut problems = Vec::new();
    for (id, languages) in &shipped_forms {
        match built_forms.get(id) {
            Some(rebuilt) if rebuilt == languages => {}
            Some(rebuilt) => problems.push(format!("{id}: shipped {languages:?}, rebuilt {rebuilt:?}")),
            None => problems.push(format!("{id}: not rebuilt")),
        }
    }
    // Rejections, like the merge that applies them, ignore case and accents.
    let rejected: BTreeSet<String> =
        shipped.rejected.iter().filter(|r| r.of.is_none()).map(|r| fold(&r.form)).collect();
    for concept in &built.concepts {
        if !shipped_forms.contains_key(&concept.id) && !concept.terms().all(|(_, t)| rejected.contains(&fold(&t.form)))
        {
            problems.push(format!("{}: built, neither shipped nor rejected", concept.id));
        }
    }
    println!(
        "shipped {} concepts ({} terms); rebuilt {} concepts, {} of them rejected in review",
        shipped.concepts.len(),
        shipped.term_count(),
        built.concepts.len(),
        built.concepts.len() - shipped.concepts.len()
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

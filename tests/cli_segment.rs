//! `trame segment` as a user runs it: the real binary on files and standard input.

mod common;

use common::run::{stderr, stdout, trame};

#[test]
fn example_in_lines() {
    let out = trame(&["segment", "examples/night-train.fr.txt", "--lang", "fr"], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let expected =
        std::fs::read_to_string(common::project_file("tests/fixtures/segment/night-train.fr.lines")).unwrap();
    assert_eq!(stdout(&out), expected);
}

#[test]
fn stdin_in_jsonl() {
    let out = trame(&["segment", "-", "--lang", "fr", "--format", "jsonl"], "Été. M. Roy part.\n\nFin".as_bytes());
    assert!(out.status.success());
    assert_eq!(
        stdout(&out),
        "{\"paragraph\":0,\"sentence\":0,\"start\":0,\"end\":6,\"text\":\"Été.\"}\n\
         {\"paragraph\":0,\"sentence\":1,\"start\":7,\"end\":19,\"text\":\"M. Roy part.\"}\n\
         {\"paragraph\":1,\"sentence\":0,\"start\":21,\"end\":24,\"text\":\"Fin\"}\n"
    );
}

#[test]
fn empty_input_gives_empty_output() {
    let out = trame(&["segment", "--lang", "en"], b"");
    assert!(out.status.success());
    assert_eq!(stdout(&out), "");
}

#[test]
fn missing_file_names_the_path() {
    let out = trame(&["segment", "no/such/file.txt", "--lang", "fr"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no/such/file.txt"), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
}

#[test]
fn undeclared_latin1_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.txt");
    std::fs::write(&path, b"Premi\xe8re ligne.\nSeconde.").unwrap();
    let out = trame(&["segment", path.to_str().unwrap(), "--lang", "fr"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("latin1.txt:1:6: not UTF-8"), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let forced = trame(&["segment", path.to_str().unwrap(), "--lang", "fr", "--encoding", "latin1"], b"");
    assert_eq!(stdout(&forced), "Première ligne.\n\nSeconde.\n");
}

#[test]
fn utf16_with_bom_is_decoded() {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend("Un. Deux.".encode_utf16().flat_map(u16::to_le_bytes));
    let out = trame(&["segment", "-", "--lang", "fr"], &bytes);
    assert_eq!(stdout(&out), "Un.\nDeux.\n");
}

#[test]
fn output_file_is_not_overwritten_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.txt");
    let target = target.to_str().unwrap();
    let first = trame(&["segment", "-", "--lang", "en", "-o", target], b"One. Two.");
    assert!(first.status.success());
    assert_eq!(std::fs::read_to_string(target).unwrap(), "One.\nTwo.\n");
    let second = trame(&["segment", "-", "--lang", "en", "-o", target], b"Three.");
    assert_eq!(second.status.code(), Some(2));
    assert!(stderr(&second).contains("--force"));
    assert_eq!(std::fs::read_to_string(target).unwrap(), "One.\nTwo.\n");
    let forced = trame(&["segment", "-", "--lang", "en", "-o", target, "--force"], b"Three.");
    assert!(forced.status.success());
    assert_eq!(std::fs::read_to_string(target).unwrap(), "Three.\n");
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 1, "no temporary file is left behind");
}

#[test]
fn srx_rules_and_their_problems() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules.srx");
    std::fs::write(
        &rules,
        r#"<srx xmlns="http://www.lisa.org/srx20" version="2.0"><header cascade="no"/><body><languagerules>
<languagerule languagerulename="Any">
<rule break="no"><beforebreak>(unclosed</beforebreak><afterbreak></afterbreak></rule>
<rule><beforebreak>\.\s</beforebreak><afterbreak></afterbreak></rule>
</languagerule></languagerules>
<maprules><languagemap languagepattern=".*" languagerulename="Any"/></maprules></body></srx>"#,
    )
    .unwrap();
    let out = trame(&["segment", "-", "--lang", "fr", "--srx", rules.to_str().unwrap()], b"M. Roy. Fin.");
    assert!(out.status.success());
    assert_eq!(stdout(&out), "M.\nRoy.\nFin.\n");
    assert!(stderr(&out).contains("rules.srx:3:1: rule 1 of language rule 'Any' skipped"), "{}", stderr(&out));

    let not_srx = dir.path().join("other.srx");
    std::fs::write(&not_srx, "<html/>").unwrap();
    let out = trame(&["segment", "-", "--lang", "fr", "--srx", not_srx.to_str().unwrap()], b"Un.");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not an SRX file"));
}

#[test]
fn bad_language_is_a_usage_error() {
    let out = trame(&["segment", "-", "--lang", "fr fr"], b"");
    assert_eq!(out.status.code(), Some(2));
}

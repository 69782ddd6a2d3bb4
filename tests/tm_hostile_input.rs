//! `trame tm import` on files made to hurt (issue 13): a segment of megabytes and a malformed language tag
//! leave their unit out, reported with its position, and the rest is imported with exit status 2.

mod common;

use common::memories::memories;
use common::run::{stderr, stdout, trame};
use serde_json::Value;
use std::path::Path;

/// A TMX file of the given units, one a line from line 2.
fn tmx(units: &[String]) -> String {
    format!(
        "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"fr\"/><body>\n{}\n</body></tmx>\n",
        units.join("\n")
    )
}

fn unit(language: &str, french: &str, english: &str) -> String {
    format!(
        "<tu><tuv xml:lang=\"{language}\"><seg>{french}</seg></tuv><tuv xml:lang=\"en\"><seg>{english}</seg></tuv></tu>"
    )
}

fn import(dir: &Path, memory: &Path, xml: &str, options: &[&str]) -> (std::process::Output, u64) {
    let file = dir.join("in.tmx");
    std::fs::write(&file, xml).unwrap();
    let mut args = vec!["tm", "import", file.to_str().unwrap(), "--tm", memory.to_str().unwrap()];
    args.extend_from_slice(options);
    let out = trame(&args, b"");
    let stats = trame(&["tm", "stats", "--tm", memory.to_str().unwrap(), "--format", "json"], b"");
    let units = serde_json::from_str::<Value>(&stdout(&stats)).map_or(0, |v| v["units"].as_u64().unwrap_or(0));
    (out, units)
}

#[test]
fn a_segment_of_megabytes_is_left_out_with_its_position_and_the_rest_imported() {
    let dir = tempfile::tempdir().unwrap();
    for memory in memories(dir.path()) {
        let big = "Un très long segment. ".repeat(140_000);
        assert!(big.len() > 3 << 20);
        let xml = tmx(&[
            unit("fr", "Le train part.", "The train leaves."),
            unit("fr", &big, "Long."),
            unit("fr", "Le train arrive.", "The train arrives."),
        ]);
        let (out, units) = import(dir.path(), &memory, &xml, &[]);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert_eq!(units, 2);
        let expected = "in.tmx:4:1: unit left out: the <seg> whose content starts at 4:29 is longer than the limit of \
                    1048576 bytes";
        assert!(stderr(&out).contains(expected), "{}", stderr(&out));
        assert!(stdout(&out).starts_with("2 units added"), "{}", stdout(&out));
    }
}

#[test]
fn the_segment_size_limit_is_an_option() {
    let dir = tempfile::tempdir().unwrap();
    for memory in memories(dir.path()) {
        let xml = tmx(&[unit("fr", &"a".repeat(600), "b"), unit("fr", &"a".repeat(300), "c")]);
        let (out, units) = import(dir.path(), &memory, &xml, &["--max-segment-size", "512"]);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert_eq!(units, 1);
        assert!(
        stderr(&out).contains(
            "in.tmx:3:1: unit left out: the <seg> whose content starts at 3:29 is longer than the limit of 512 bytes"
        ),
        "{}",
        stderr(&out)
    );
        let (out, units) = import(dir.path(), &memory, &xml, &["--max-segment-size", "1K"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(units, 2);
        let out = trame(&["tm", "import", "x.tmx", "--max-segment-size", "lots"], b"");
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).contains("'lots' is not a size in bytes"), "{}", stderr(&out));
    }
}

#[test]
fn a_malformed_language_tag_is_a_problem_of_its_unit_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    for memory in memories(dir.path()) {
        let xml = tmx(&[
            unit("fr", "Le train part.", "The train leaves."),
            unit("fr-éab", "Le train roule.", "The train runs."),
            unit("fr", "Le train arrive.", "The train arrives."),
        ]);
        let (out, units) = import(dir.path(), &memory, &xml, &[]);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert_eq!(units, 2);
        assert!(
            stderr(&out).contains("in.tmx:4:1: unit left out: a malformed language tag \"fr-éab\""),
            "{}",
            stderr(&out)
        );
    }
}

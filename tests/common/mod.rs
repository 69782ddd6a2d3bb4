//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

/// The read-only data beside the project (`../shared`, or `$TRAME_SHARED`), if present.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("TRAME_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    dir.is_dir().then_some(dir)
}

/// `shared_dir()/relative`, or `None` after printing why the test is skipped.
pub fn shared(relative: &str) -> Option<PathBuf> {
    match shared_dir() {
        Some(dir) if dir.join(relative).exists() => Some(dir.join(relative)),
        _ => {
            eprintln!("skipped: ../shared/{relative} is not there (set TRAME_SHARED to its folder)");
            None
        }
    }
}

/// A file of the project, by path from the crate root.
pub fn project_file(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// Whitespace runs collapsed to one space, ends trimmed.
pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub mod memories;
pub mod run;
pub mod scorer;
pub mod scratch_pg;
pub mod tools;

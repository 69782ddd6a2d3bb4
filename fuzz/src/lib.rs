//! What the fuzz targets check, shared with the property tests (`tests/fuzz_properties.rs` includes this
//! file): each function takes one input, runs one entry point of trame on it and asserts what that entry
//! point promises, so that a broken promise is a crash the fuzzer keeps, not only a panic.
//!
//! Functions named `*_bytes` take a fuzzer's raw input and decode it the way their target documents;
//! the others take structured input. Inputs over [`MAX_INPUT`] bytes are ignored: slowness on huge
//! inputs would only show up as timeouts, and every reader here is linear (benchmarks cover size).

mod formats;
mod terms;
mod text;

pub use formats::{PlainUnit, glossary, glossary_bytes, srx_bytes, tbx_bytes, tmx_bytes, tmx_plain_round_trip};
pub use terms::{Case, Pick, cluster, cluster_bytes, lookup, terms_build, terms_build_bytes};
pub use text::{align, align_bytes, check_bytes, check_segment, normalize, normalize_bytes, segment, segment_bytes};

/// The largest input looked at, in bytes.
pub const MAX_INPUT: usize = 64 * 1024;

/// Whether XML 1.0 allows `c` in a document (as trame's writers promise to keep to).
fn xml_allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `text` without the characters XML 1.0 forbids.
fn xml_clean(text: &str) -> String {
    text.chars().filter(|&c| xml_allowed(c)).collect()
}

/// The sections of a text input, separated by lines holding `---` alone (`\n---\n`).
fn sections(text: &str) -> Vec<&str> {
    text.split("\n---\n").collect()
}

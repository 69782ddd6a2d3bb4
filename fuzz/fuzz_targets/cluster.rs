//! Clustering of a list of spellings as `trame terms cluster` reads it (a form a line, a count after a tab).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| trame_fuzz::cluster_bytes(data));

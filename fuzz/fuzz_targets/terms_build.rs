//! A term base built from a French text, an English text and pairs (sections separated by a line `---`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| trame_fuzz::terms_build_bytes(data));

//! Alignment of a French and an English text (separated by a line `---`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| trame_fuzz::align_bytes(data));

//! The TOML term base loader over arbitrary text; what loads is written back and loaded again.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| trame_fuzz::glossary_bytes(data));

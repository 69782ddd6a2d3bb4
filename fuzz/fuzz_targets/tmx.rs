//! The streaming TMX reader over arbitrary bytes (any encoding), every unit read, then written and read back.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| trame_fuzz::tmx_bytes(data));

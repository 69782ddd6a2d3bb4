//! The TBX reader over arbitrary bytes, as `trame terms import` decodes them; then written and read back.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| trame_fuzz::tbx_bytes(data));

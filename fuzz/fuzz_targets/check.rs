//! `trame check` on one arbitrary segment, both ways, as plain text and with TMX markup.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| trame_fuzz::check_bytes(data));

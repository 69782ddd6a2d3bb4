//! Spelling normalisation of an arbitrary document (text, Markdown, HTML) with the shipped term base.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| trame_fuzz::normalize_bytes(data));

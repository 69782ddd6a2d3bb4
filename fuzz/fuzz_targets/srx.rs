//! An SRX document parsed, its French and English rules compiled, and a short text segmented with them.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| trame_fuzz::srx_bytes(data));

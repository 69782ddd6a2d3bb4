//! Built-in sentence segmentation (French, English, neutral; three paragraph modes) of arbitrary text.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| trame_fuzz::segment_bytes(data));

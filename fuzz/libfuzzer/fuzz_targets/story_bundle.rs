#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| parse_fuzz::fuzz_one("story-bundle", data));

//! The crate's date parser (`src/facts/iso.rs`), for dates in story files.

#[path = "../src/facts/iso.rs"]
pub mod iso;

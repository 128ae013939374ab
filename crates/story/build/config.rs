//! The crate's JSON reader (`src/config/json.rs`), for the story files' decoder (`src/data.rs`).

#[path = "../src/config/json.rs"]
pub mod json;

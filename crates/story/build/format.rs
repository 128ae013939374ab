//! The crate's digit writer (`src/format/digits.rs`), which the JSON reader's messages use.

#[path = "../src/format/digits.rs"]
pub mod digits;

/// Why a number cannot be written (the crate's `format::FormatError`, whose `thiserror`
/// derive the build does without).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormatError {
    NotFinite,
    Negative,
    TooLarge,
}

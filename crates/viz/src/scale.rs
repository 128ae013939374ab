//! Scales: values that map a data domain onto a pixel range, one kind per file.

pub mod linear;

pub use linear::Linear;

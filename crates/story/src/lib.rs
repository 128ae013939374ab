//! Facts of a story with their source, locale formatting and widget configuration.
//!
//! Pure Rust: no web types, no I/O. Everything here builds and tests natively.

pub mod config;

pub use config::{ConfigError, Lang, Theme, WidgetConfig, WidgetKind};

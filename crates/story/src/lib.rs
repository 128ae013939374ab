//! Facts of a story with their source, locale formatting and widget configuration.
//!
//! Pure Rust: no web types, no I/O. Everything here builds and tests natively.

pub mod article;
pub mod bundle;
pub mod config;
pub mod data;
mod error;
pub mod facts;
pub mod fallback;
pub mod format;
pub mod model;
pub mod shared;
pub mod slots;
pub mod ui;

pub use config::{ConfigError, Lang, Theme, WidgetConfig, WidgetKind, WidgetOptions};
pub use error::Error;
pub use facts::{Qualifier, When};
pub use format::{
    format_date, format_fact, format_number, format_tick, format_value, format_when, FormatError,
};
pub use model::{default_story, stories, story, Fact, Map, Section, Story, Text, Unit};

//! Shared parts of the widgets, one file each under `components/`.

pub mod data_table;
pub mod error_box;
pub mod source_note;
pub mod tooltip;

pub use data_table::DataTable;
pub use error_box::error_box;
pub use source_note::source_note;
pub use tooltip::{place, tooltip};

//! Shared parts of the widgets, one file each under `components/`.

pub mod data_table;
pub mod error_box;
pub mod source_note;
pub mod tooltip;

pub use data_table::DataTable;
pub use error_box::ErrorBox;
pub use source_note::SourceNote;
pub use tooltip::{place, tooltip};

//! Shared parts of the widgets (error box, source note, data table, ...), one file each under
//! `components/`.

pub mod error_box;

pub use error_box::ErrorBox;

//! Shared parts of the widgets, one file each under `components/`: each a [`crate::dom`] tree
//! (and, for the data table, its behaviour once built).

pub mod data_table;
pub mod error_box;
pub mod source_note;
pub mod tooltip;

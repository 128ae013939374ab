//! Reusable behaviour of the widgets, one hook per file under `hooks/`.

pub mod use_reduced_motion;

pub use use_reduced_motion::use_reduced_motion;

//! Reusable behaviour of the widgets, one hook per file under `hooks/`.

pub mod use_reduced_motion;
pub mod use_width;

pub use use_reduced_motion::use_reduced_motion;
pub use use_width::use_size;

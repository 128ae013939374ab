//! Reusable behaviour of the widgets, one hook per file under `hooks/`.

pub mod use_count_up;
pub mod use_in_view;
pub mod use_reduced_motion;
pub mod use_width;

pub use use_count_up::use_count_up;
pub use use_in_view::use_in_view;
pub use use_reduced_motion::use_reduced_motion;
pub use use_width::use_size;

//! View-model maths shared by the widgets and the native CLI: scales, ticks, easing,
//! timelines, projection and geometry. Pure Rust: no web types.

pub mod easing;
pub mod table;
pub mod tally;

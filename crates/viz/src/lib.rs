//! View-model maths shared by the widgets and the native CLI: scales, ticks, easing,
//! timelines, projection and geometry. Pure Rust: no web types.

pub mod chart;
pub mod easing;
mod error;
pub mod geo;
pub mod image;
pub mod map;
pub mod payments;
pub mod projection;
pub mod scale;
pub mod surface;
pub mod svg;
pub mod table;
pub mod tally;
pub mod text;
pub mod ticks;
pub mod timeline;

pub use error::Error;
pub use projection::Projection;

//! Dates in story files, parsed by the crate's own `facts/iso.rs` (included by `build.rs`) and
//! turned into the Rust expression the generated code holds.

use crate::facts::iso::{parse_iso, IsoWhen, ISO_FORMS};

pub fn when_expr(s: &str) -> Result<String, String> {
    let w =
        parse_iso(s).ok_or_else(|| format!("\"{s}\" is not a date; allowed forms: {ISO_FORMS}"))?;
    Ok(match w {
        IsoWhen::Year(y) => format!("When::Year({y})"),
        IsoWhen::Month(y, m) => format!("When::Month {{ year: {y}, month: {m} }}"),
        IsoWhen::MidMonth(y, m) => format!("When::MidMonth {{ year: {y}, month: {m} }}"),
        IsoWhen::Day(y, m, d) => format!("When::Day(Date::new({y}, {m}, {d}))"),
        IsoWhen::DayTime(y, m, d, h, min, approx) => format!(
            "When::DayTime {{ date: Date::new({y}, {m}, {d}), hour: {h}, minute: {min}, approx: {approx} }}"
        ),
        IsoWhen::Eve(y, m, d) => format!("When::Eve(Date::new({y}, {m}, {d}))"),
        IsoWhen::FirstHalf(y) => format!("When::FirstHalf({y})"),
        IsoWhen::AsOf(y, m) => format!("When::AsOf {{ year: {y}, month: {m} }}"),
        IsoWhen::Since(y) => format!("When::Since({y})"),
    })
}

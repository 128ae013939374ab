//! Editor-supplied series for the payments chart: `[{"date": "2020-06", "value": 123}, …]`.
//!
//! The source article gives only cumulative totals, so a series always comes from the editor
//! (`series` option) or a same-origin file (`src`), and is validated here either way.

use super::error::{ConfigError, Expected, Limit};
use super::json::{brief_number, parse, quote, Json};
use crate::model::Unit;
use crate::shared::Shared;

/// Most points a series may have.
pub const MAX_POINTS: usize = 5000;

/// A point's date: a day or a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SeriesDate {
    pub year: u16,
    pub month: u8,
    pub day: Option<u8>,
}

impl SeriesDate {
    /// Reads `YYYY-MM-DD` or `YYYY-MM` (years 1900–2100, real calendar days).
    pub fn parse(s: &str) -> Option<SeriesDate> {
        let b = s.as_bytes();
        let num = |r: std::ops::Range<usize>| -> Option<u16> {
            let part = s.get(r)?;
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        if !(b.len() == 7 || b.len() == 10) || b.get(4) != Some(&b'-') {
            return None;
        }
        let year = num(0..4).filter(|y| (1900..=2100).contains(y))?;
        let month = u8::try_from(num(5..7)?)
            .ok()
            .filter(|m| (1..=12).contains(m))?;
        let day = if b.len() == 10 {
            if b.get(7) != Some(&b'-') {
                return None;
            }
            let d = u8::try_from(num(8..10)?).ok()?;
            (1..=days_in_month(year, month)).contains(&d).then_some(d)?;
            Some(d)
        } else {
            None
        };
        Some(SeriesDate { year, month, day })
    }

    /// `YYYY-MM-DD` or `YYYY-MM`.
    pub fn iso(self) -> String {
        let mut s = String::new();
        crate::format::digits::push_padded(&mut s, self.year.into(), 4);
        s.push('-');
        crate::format::digits::push_padded(&mut s, self.month.into(), 2);
        if let Some(d) = self.day {
            s.push('-');
            crate::format::digits::push_padded(&mut s, d.into(), 2);
        }
        s
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// One point of a series.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SeriesPoint {
    pub date: SeriesDate,
    pub value: f64,
}

/// A validated series: dates strictly increasing, one precision, values finite and >= 0.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub unit: &'static Unit,
    /// Shared: a chart hands its series on at every render ([`crate::shared`]).
    pub points: Shared<SeriesPoint>,
}

/// A valid series of `n` daily points as JSON, for benchmark pages and tests of long series:
/// days 1 to 28 of each month from 1 January 2006 (every date valid without a calendar; 5,000
/// points reach 2020), values rising with deterministic noise so that a chart's pixel columns
/// each have a distinct lowest and highest point.
pub fn sample_json(n: usize) -> String {
    let mut s = String::from("[");
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut value: u64 = 0;
    for i in 0..n {
        if i > 0 {
            s.push(',');
        }
        let (year, month, day) = (2006 + i / 336, (i / 28) % 12 + 1, i % 28 + 1);
        s.push_str("{\"date\":\"");
        crate::format::digits::push_padded(&mut s, year as u64, 4);
        s.push('-');
        crate::format::digits::push_padded(&mut s, month as u64, 2);
        s.push('-');
        crate::format::digits::push_padded(&mut s, day as u64, 2);
        s.push_str("\",\"value\":");
        crate::format::digits::push_uint(&mut s, value);
        s.push('}');
        // xorshift64: reproducible noise without a dependency.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        value = (value + state % 200_000).saturating_sub(60_000);
    }
    s.push(']');
    s
}

/// Reads a series file fetched from `src` (a JSON array of points) for `metric`.
pub fn parse_series(text: &str, metric_unit: &'static Unit) -> Result<Series, ConfigError> {
    let json = parse(text).map_err(|e| ConfigError::broken_json("src", e))?;
    series_from_json("src", &json, metric_unit)
}

const POINT_FIELDS: [&str; 3] = ["date", "value", "unit"];

/// Validates a JSON array of points; `field` names the option in messages.
pub(crate) fn series_from_json(
    field: &str,
    json: &Json,
    metric_unit: &'static Unit,
) -> Result<Series, ConfigError> {
    let Json::Arr(items) = json else {
        return Err(ConfigError::WrongType {
            field: field.into(),
            value: json.brief(),
            expected: Expected::Points,
        });
    };
    let count = items.len().to_string();
    if items.len() > MAX_POINTS {
        return Err(ConfigError::OutOfRange {
            field: field.into(),
            value: count,
            limit: Limit::MaxPoints(MAX_POINTS),
        });
    }
    if items.is_empty() {
        return Err(ConfigError::OutOfRange {
            field: field.into(),
            value: count,
            limit: Limit::MinPoints(1),
        });
    }
    let mut first_unit: Option<&str> = None;
    let mut points: Vec<SeriesPoint> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let at = |name: &str| -> String {
            let mut s = String::from(field);
            s.push('[');
            s.push_str(&i.to_string());
            s.push(']');
            if !name.is_empty() {
                s.push('.');
                s.push_str(name);
            }
            s
        };
        let Json::Obj(members) = item else {
            return Err(ConfigError::WrongType {
                field: at(""),
                value: item.brief(),
                expected: Expected::Point,
            });
        };
        let mut date = None;
        let mut value = None;
        for (name, v) in members {
            match (name.as_str(), v) {
                ("date", Json::Str(s)) => {
                    let d = SeriesDate::parse(s).ok_or_else(|| ConfigError::BadDate {
                        field: at("date"),
                        value: quote(s),
                    })?;
                    date = Some(d);
                }
                ("value", Json::Num(n)) => {
                    if !n.is_finite() {
                        return Err(ConfigError::OutOfRange {
                            field: at("value"),
                            value: brief_number(*n),
                            limit: Limit::Finite,
                        });
                    }
                    if *n < 0.0 {
                        return Err(ConfigError::Negative {
                            field: at("value"),
                            value: brief_number(*n),
                        });
                    }
                    value = Some(*n);
                }
                ("unit", Json::Str(u)) => {
                    match first_unit {
                        Some(f) if f != u => {
                            return Err(ConfigError::MixedUnits {
                                field: at("unit"),
                                value: quote(u),
                                first: quote(f),
                            })
                        }
                        _ => first_unit = Some(u),
                    }
                    if u != metric_unit.id() {
                        return Err(ConfigError::NotAllowed {
                            field: at("unit"),
                            value: quote(u),
                            allowed: vec![metric_unit.id()],
                        });
                    }
                }
                ("date" | "unit", other) => {
                    return Err(ConfigError::WrongType {
                        field: at(name),
                        value: other.brief(),
                        expected: Expected::Text,
                    })
                }
                ("value", other) => {
                    return Err(ConfigError::WrongType {
                        field: at(name),
                        value: other.brief(),
                        expected: Expected::Number,
                    })
                }
                _ => {
                    return Err(ConfigError::UnknownOption {
                        field: at(name),
                        widget: None,
                        known: POINT_FIELDS.to_vec(),
                    })
                }
            }
        }
        let (Some(date), Some(value)) = (date, value) else {
            return Err(ConfigError::WrongType {
                field: at(""),
                value: item.brief(),
                expected: Expected::Point,
            });
        };
        if let Some(first) = points.first() {
            if first.date.day.is_some() != date.day.is_some() {
                return Err(ConfigError::MixedDates {
                    field: at("date"),
                    value: quote(&date.iso()),
                    first: quote(&first.date.iso()),
                });
            }
        }
        if let Some(prev) = points.last() {
            if date <= prev.date {
                return Err(ConfigError::Unsorted {
                    field: at("date"),
                    value: quote(&date.iso()),
                    previous: quote(&prev.date.iso()),
                });
            }
        }
        points.push(SeriesPoint { date, value });
    }
    Ok(Series {
        unit: metric_unit,
        points: points.into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sample_series_is_valid_sorted_and_as_long_as_asked() {
        let s = parse_series(&sample_json(MAX_POINTS), unit("transactions")).unwrap();
        assert_eq!(s.points.len(), MAX_POINTS);
        assert_eq!(s.points[0].date.iso(), "2006-01-01");
        assert_eq!(s.points[28].date.iso(), "2006-02-01");
        assert_eq!(s.points[336].date.iso(), "2007-01-01");
        let falls = s
            .points
            .windows(2)
            .filter(|w| w[1].value < w[0].value)
            .count();
        assert!(falls > 100, "noise: {falls} falls");
        assert_eq!(sample_json(0), "[]");
    }

    fn unit(metric: &str) -> &'static Unit {
        crate::default_story()
            .chart
            .unwrap()
            .metric(metric)
            .unwrap()
            .unit()
    }

    fn series(text: &str) -> Result<Series, ConfigError> {
        parse_series(text, unit("transactions"))
    }

    #[test]
    fn reads_month_points_in_order() {
        let s = series(r#"[{"date":"2019-06","value":0},{"date":"2020-06","value":5e8}]"#).unwrap();
        assert_eq!(s.unit.id, "transactions");
        assert_eq!(s.points.len(), 2);
        assert_eq!(s.points[1].value, 5e8);
        assert_eq!(s.points[0].date.iso(), "2019-06");
    }

    #[test]
    fn dates_must_be_real_days_or_months() {
        assert_eq!(
            SeriesDate::parse("2020-02-29")
                .map(SeriesDate::iso)
                .as_deref(),
            Some("2020-02-29")
        );
        for bad in [
            "2019-02-29",
            "2020-13",
            "2020-00",
            "2020-6",
            "20-06",
            "2020/06",
            "+020-06",
            "2020-06-31",
            "1800-01",
            "2020-06-1x",
            "２０２０-06",
        ] {
            assert_eq!(SeriesDate::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn unsorted_dates_name_the_point_and_the_previous_date() {
        let e =
            series(r#"[{"date":"2020-02","value":1},{"date":"2020-01","value":2}]"#).unwrap_err();
        assert_eq!(
            e,
            ConfigError::Unsorted {
                field: "src[1].date".into(),
                value: "\"2020-01\"".into(),
                previous: "\"2020-02\"".into()
            }
        );
    }

    #[test]
    fn repeated_dates_count_as_unsorted() {
        let e =
            series(r#"[{"date":"2020-02","value":1},{"date":"2020-02","value":2}]"#).unwrap_err();
        assert!(matches!(e, ConfigError::Unsorted { .. }));
    }

    #[test]
    fn negative_values_are_refused() {
        let e = series(r#"[{"date":"2020-02","value":-5}]"#).unwrap_err();
        assert_eq!(
            e,
            ConfigError::Negative {
                field: "src[0].value".into(),
                value: "-5".into()
            }
        );
    }

    #[test]
    fn non_numbers_are_refused_with_the_value_shown() {
        let e = series(r#"[{"date":"2020-02","value":"12"}]"#).unwrap_err();
        assert_eq!(
            e,
            ConfigError::WrongType {
                field: "src[0].value".into(),
                value: "\"12\"".into(),
                expected: Expected::Number
            }
        );
    }

    #[test]
    fn infinite_values_are_out_of_range() {
        let e = series(r#"[{"date":"2020-02","value":1e999}]"#).unwrap_err();
        assert!(matches!(
            e,
            ConfigError::OutOfRange {
                limit: Limit::Finite,
                ..
            }
        ));
    }

    #[test]
    fn more_than_5000_points_are_refused_and_5000_accepted() {
        let make = |n: usize| {
            let pts: Vec<String> = (0..n)
                .map(|i| {
                    let (y, m, d) = (2000 + i / 336, (i / 28) % 12 + 1, i % 28 + 1);
                    format!(r#"{{"date":"{y}-{m:02}-{d:02}","value":{i}}}"#)
                })
                .collect();
            format!("[{}]", pts.join(","))
        };
        assert_eq!(series(&make(MAX_POINTS)).unwrap().points.len(), MAX_POINTS);
        let e = series(&make(MAX_POINTS + 1)).unwrap_err();
        assert_eq!(
            e,
            ConfigError::OutOfRange {
                field: "src".into(),
                value: "5001".into(),
                limit: Limit::MaxPoints(5000)
            }
        );
    }

    #[test]
    fn an_empty_series_is_refused() {
        assert!(matches!(
            series("[]").unwrap_err(),
            ConfigError::OutOfRange {
                limit: Limit::MinPoints(1),
                ..
            }
        ));
    }

    #[test]
    fn mixed_units_are_refused() {
        let e = series(
            r#"[{"date":"2020-01","value":1,"unit":"transactions"},{"date":"2020-02","value":2,"unit":"yuan"}]"#,
        )
        .unwrap_err();
        assert_eq!(
            e,
            ConfigError::MixedUnits {
                field: "src[1].unit".into(),
                value: "\"yuan\"".into(),
                first: "\"transactions\"".into()
            }
        );
    }

    #[test]
    fn a_unit_other_than_the_metrics_is_refused() {
        let e = parse_series(
            r#"[{"date":"2020-01","value":1,"unit":"transactions"}]"#,
            unit("value"),
        )
        .unwrap_err();
        assert!(matches!(e, ConfigError::NotAllowed { ref allowed, .. } if allowed == &["yuan"]));
    }

    #[test]
    fn mixed_date_precision_is_refused() {
        let e = series(r#"[{"date":"2020-01","value":1},{"date":"2020-02-03","value":2}]"#)
            .unwrap_err();
        assert!(matches!(e, ConfigError::MixedDates { .. }));
    }

    #[test]
    fn points_missing_a_field_or_with_extra_fields_are_refused() {
        assert!(matches!(
            series(r#"[{"date":"2020-01"}]"#).unwrap_err(),
            ConfigError::WrongType {
                expected: Expected::Point,
                ..
            }
        ));
        assert!(matches!(
            series(r#"[{"date":"2020-01","value":1,"note":"x"}]"#).unwrap_err(),
            ConfigError::UnknownOption { ref field, .. } if field == "src[0].note"
        ));
        assert!(matches!(
            series(r#"{"date":"2020-01","value":1}"#).unwrap_err(),
            ConfigError::WrongType {
                expected: Expected::Points,
                ..
            }
        ));
    }

    #[test]
    fn broken_series_files_report_line_and_column() {
        let e = series("[{\"date\": \"2020-01\", \"value\": 1,}]").unwrap_err();
        assert!(
            matches!(
                e,
                ConfigError::BrokenJson {
                    line: 1,
                    column: 33,
                    ..
                }
            ),
            "{e:?}"
        );
    }

    #[test]
    fn metric_units_come_from_the_facts() {
        assert_eq!(unit("transactions").id, "transactions");
        assert_eq!(unit("value").id, "yuan");
        assert_eq!(unit("merchants").id, "merchants");
        assert_eq!(unit("fees").id, "yuan");
    }
}

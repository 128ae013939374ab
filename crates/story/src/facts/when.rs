//! Dates and periods as the source gives them (a day, a month, "first half of 2020", ...).

use crate::format::digits::push_padded as push_pad;

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub const fn new(year: u16, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }
}

/// When a figure holds or an event happened, at the precision the source gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum When {
    /// A year (今年 in a July 2020 article is 2020).
    Year(u16),
    /// A month, e.g. 2019年9月.
    Month { year: u16, month: u8 },
    /// The middle of a month, e.g. 6月中.
    MidMonth { year: u16, month: u8 },
    /// A day, e.g. 6月19日.
    Day(Date),
    /// A day and a clock time; `approx` for 许 (around), e.g. 6月30日上午11时许.
    DayTime {
        date: Date,
        hour: u8,
        minute: u8,
        approx: bool,
    },
    /// The eve of a day, e.g. 七一前夕.
    Eve(Date),
    /// First half of a year, 上半年.
    FirstHalf(u16),
    /// Cumulative up to a month, 截至7月.
    AsOf { year: u16, month: u8 },
    /// Cumulative since a year, 2019年推广以来.
    Since(u16),
}

impl When {
    /// Reads the machine form [`When::iso`] writes; `None` for anything else.
    pub fn parse(s: &str) -> Option<When> {
        use super::iso::{parse_iso, IsoWhen};
        Some(match parse_iso(s)? {
            IsoWhen::Year(y) => When::Year(y),
            IsoWhen::Month(year, month) => When::Month { year, month },
            IsoWhen::MidMonth(year, month) => When::MidMonth { year, month },
            IsoWhen::Day(y, m, d) => When::Day(Date::new(y, m, d)),
            IsoWhen::DayTime(y, m, d, hour, minute, approx) => When::DayTime {
                date: Date::new(y, m, d),
                hour,
                minute,
                approx,
            },
            IsoWhen::Eve(y, m, d) => When::Eve(Date::new(y, m, d)),
            IsoWhen::FirstHalf(y) => When::FirstHalf(y),
            IsoWhen::AsOf(year, month) => When::AsOf { year, month },
            IsoWhen::Since(y) => When::Since(y),
        })
    }

    /// Stable machine form: ISO-like where possible (`2020-06-30T11:00~`, `2019-09`,
    /// `2020-H1`, `..2020-07`, `2019..`, `~2020-07-01` for an eve, `2020-06~` for mid-June).
    pub fn iso(self) -> String {
        let mut s = String::new();
        match self {
            When::Year(y) => push_pad(&mut s, y.into(), 4),
            When::Month { year, month } => push_ym(&mut s, year, month),
            When::MidMonth { year, month } => {
                push_ym(&mut s, year, month);
                s.push_str("-mid");
            }
            When::Day(d) => push_ymd(&mut s, d),
            When::DayTime {
                date,
                hour,
                minute,
                approx,
            } => {
                push_ymd(&mut s, date);
                s.push('T');
                push_pad(&mut s, hour.into(), 2);
                s.push(':');
                push_pad(&mut s, minute.into(), 2);
                if approx {
                    s.push('~');
                }
            }
            When::Eve(d) => {
                s.push_str("eve:");
                push_ymd(&mut s, d);
            }
            When::FirstHalf(y) => {
                push_pad(&mut s, y.into(), 4);
                s.push_str("-H1");
            }
            When::AsOf { year, month } => {
                s.push_str("..");
                push_ym(&mut s, year, month);
            }
            When::Since(y) => {
                push_pad(&mut s, y.into(), 4);
                s.push_str("..");
            }
        }
        s
    }

    /// The year the date falls in.
    pub const fn year(self) -> u16 {
        match self {
            When::Year(y) | When::FirstHalf(y) | When::Since(y) => y,
            When::Month { year, .. } | When::MidMonth { year, .. } | When::AsOf { year, .. } => {
                year
            }
            When::Day(d) | When::Eve(d) | When::DayTime { date: d, .. } => d.year,
        }
    }
}

fn push_ym(s: &mut String, year: u16, month: u8) {
    push_pad(s, year.into(), 4);
    s.push('-');
    push_pad(s, month.into(), 2);
}

fn push_ymd(s: &mut String, d: Date) {
    push_ym(s, d.year, d.month);
    s.push('-');
    push_pad(s, d.day.into(), 2);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_forms_are_stable() {
        let d = Date::new(2020, 6, 30);
        assert_eq!(When::Day(d).iso(), "2020-06-30");
        assert_eq!(
            When::DayTime {
                date: d,
                hour: 11,
                minute: 0,
                approx: true
            }
            .iso(),
            "2020-06-30T11:00~"
        );
        assert_eq!(
            When::Month {
                year: 2019,
                month: 9
            }
            .iso(),
            "2019-09"
        );
        assert_eq!(
            When::MidMonth {
                year: 2020,
                month: 6
            }
            .iso(),
            "2020-06-mid"
        );
        assert_eq!(When::FirstHalf(2020).iso(), "2020-H1");
        assert_eq!(
            When::AsOf {
                year: 2020,
                month: 7
            }
            .iso(),
            "..2020-07"
        );
        assert_eq!(When::Since(2019).iso(), "2019..");
        assert_eq!(When::Eve(Date::new(2020, 7, 1)).iso(), "eve:2020-07-01");
        assert_eq!(When::Year(2020).iso(), "2020");
    }

    #[test]
    fn year_reads_every_variant() {
        assert_eq!(When::Eve(Date::new(2020, 7, 1)).year(), 2020);
        assert_eq!(When::Since(2019).year(), 2019);
        assert_eq!(
            When::AsOf {
                year: 2020,
                month: 7
            }
            .year(),
            2020
        );
    }

    #[test]
    fn every_form_round_trips_through_iso_and_parse() {
        let d = Date::new(2020, 6, 30);
        for w in [
            When::Year(2020),
            When::Month {
                year: 2019,
                month: 9,
            },
            When::MidMonth {
                year: 2020,
                month: 6,
            },
            When::Day(d),
            When::DayTime {
                date: d,
                hour: 11,
                minute: 0,
                approx: true,
            },
            When::DayTime {
                date: d,
                hour: 9,
                minute: 5,
                approx: false,
            },
            When::Eve(Date::new(2020, 7, 1)),
            When::FirstHalf(2020),
            When::AsOf {
                year: 2020,
                month: 7,
            },
            When::Since(2019),
        ] {
            assert_eq!(When::parse(&w.iso()), Some(w), "{}", w.iso());
        }
    }

    #[test]
    fn impossible_dates_are_refused() {
        for s in [
            "2020-13",
            "2021-02-29",
            "2020-06-31",
            "2020-06-30T24:00",
            "20-01",
            "",
            "2020-H2",
            "eve:2020-07",
        ] {
            assert_eq!(When::parse(s), None, "{s}");
        }
        assert!(When::parse("2020-02-29").is_some());
    }
}

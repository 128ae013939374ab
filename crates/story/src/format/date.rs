//! Dates and periods: zh "2020年6月30日", "2019年9月"; en "30 June 2020", "September 2019".

use crate::config::Lang;
use crate::facts::{Date, When};

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

use super::digits::push_uint as push_num;

fn month_en(m: u8) -> &'static str {
    usize::from(m)
        .checked_sub(1)
        .and_then(|i| MONTHS_EN.get(i))
        .copied()
        .unwrap_or("?")
}

// Each branch is the language the text is written in (`Lang::pick`: the build's language in a
// one-language build, where the other branch compiles away).
fn push_ym(out: &mut String, year: u16, month: u8, lang: Lang) {
    match lang.pick(Lang::Zh, Lang::En) {
        Lang::Zh => {
            push_num(out, year.into());
            out.push('年');
            push_num(out, month.into());
            out.push('月');
        }
        Lang::En => {
            out.push_str(month_en(month));
            out.push(' ');
            push_num(out, year.into());
        }
    }
}

fn push_date(out: &mut String, d: Date, lang: Lang) {
    match lang.pick(Lang::Zh, Lang::En) {
        Lang::Zh => {
            push_ym(out, d.year, d.month, lang);
            push_num(out, d.day.into());
            out.push('日');
        }
        Lang::En => {
            push_num(out, d.day.into());
            out.push(' ');
            push_ym(out, d.year, d.month, lang);
        }
    }
}

/// A calendar day: zh "2020年6月30日", en "30 June 2020".
pub fn format_date(date: Date, lang: Lang) -> String {
    let mut s = String::new();
    push_date(&mut s, date, lang);
    s
}

/// A date or period as the source gives it.
pub fn format_when(when: When, lang: Lang) -> String {
    let mut s = String::new();
    let zh = lang.pick(true, false);
    match when {
        When::Year(y) => {
            push_num(&mut s, y.into());
            if zh {
                s.push('年');
            }
        }
        When::Month { year, month } => push_ym(&mut s, year, month, lang),
        When::MidMonth { year, month } => {
            if zh {
                push_ym(&mut s, year, month, lang);
                s.push_str("中旬");
            } else {
                s.push_str("mid-");
                push_ym(&mut s, year, month, lang);
            }
        }
        When::Day(d) => push_date(&mut s, d, lang),
        When::DayTime {
            date,
            hour,
            minute,
            approx,
        } => {
            if zh {
                push_date(&mut s, date, lang);
                push_num(&mut s, hour.into());
                s.push('时');
                if minute != 0 {
                    push_num(&mut s, minute.into());
                    s.push('分');
                }
                if approx {
                    s.push('许');
                }
            } else {
                if approx {
                    s.push_str("around ");
                }
                push_num(&mut s, hour.into());
                s.push(':');
                super::digits::push_padded(&mut s, minute.into(), 2);
                s.push_str(" on ");
                push_date(&mut s, date, lang);
            }
        }
        When::Eve(d) => {
            if zh {
                push_date(&mut s, d, lang);
                s.push_str("前夕");
            } else {
                s.push_str("on the eve of ");
                push_date(&mut s, d, lang);
            }
        }
        When::FirstHalf(y) => {
            if zh {
                push_num(&mut s, y.into());
                s.push_str("年上半年");
            } else {
                s.push_str("first half of ");
                push_num(&mut s, y.into());
            }
        }
        When::AsOf { year, month } => {
            s.push_str(if zh { "截至" } else { "as of " });
            push_ym(&mut s, year, month, lang);
        }
        When::Since(y) => {
            if zh {
                push_num(&mut s, y.into());
                s.push_str("年以来");
            } else {
                s.push_str("since ");
                push_num(&mut s, y.into());
            }
        }
    }
    s
}

// Written against both languages' text: tests of the default build (`lang_tests` in
// config.rs hold in a one-language build too).
#[cfg(test)]
#[cfg(all(feature = "zh", feature = "en"))]
mod tests {
    use super::*;

    const JUNE_30: Date = Date::new(2020, 6, 30);

    #[test]
    fn days_read_naturally_in_both_languages() {
        assert_eq!(format_date(JUNE_30, Lang::Zh), "2020年6月30日");
        assert_eq!(format_date(JUNE_30, Lang::En), "30 June 2020");
    }

    #[test]
    fn months_read_naturally_in_both_languages() {
        let m = When::Month {
            year: 2019,
            month: 9,
        };
        assert_eq!(format_when(m, Lang::Zh), "2019年9月");
        assert_eq!(format_when(m, Lang::En), "September 2019");
    }

    #[test]
    fn an_approximate_time_says_around() {
        let t = When::DayTime {
            date: JUNE_30,
            hour: 11,
            minute: 0,
            approx: true,
        };
        assert_eq!(format_when(t, Lang::Zh), "2020年6月30日11时许");
        assert_eq!(format_when(t, Lang::En), "around 11:00 on 30 June 2020");
    }

    #[test]
    fn an_exact_time_with_minutes_shows_them() {
        let t = When::DayTime {
            date: JUNE_30,
            hour: 9,
            minute: 5,
            approx: false,
        };
        assert_eq!(format_when(t, Lang::Zh), "2020年6月30日9时5分");
        assert_eq!(format_when(t, Lang::En), "9:05 on 30 June 2020");
    }

    #[test]
    fn periods_read_naturally_in_both_languages() {
        let cases = [
            (When::FirstHalf(2020), "2020年上半年", "first half of 2020"),
            (
                When::AsOf {
                    year: 2020,
                    month: 7,
                },
                "截至2020年7月",
                "as of July 2020",
            ),
            (When::Since(2019), "2019年以来", "since 2019"),
            (
                When::MidMonth {
                    year: 2020,
                    month: 6,
                },
                "2020年6月中旬",
                "mid-June 2020",
            ),
            (
                When::Eve(Date::new(2020, 7, 1)),
                "2020年7月1日前夕",
                "on the eve of 1 July 2020",
            ),
            (When::Year(2020), "2020年", "2020"),
        ];
        for (w, zh, en) in cases {
            assert_eq!(format_when(w, Lang::Zh), zh);
            assert_eq!(format_when(w, Lang::En), en);
        }
    }

    #[test]
    fn an_impossible_month_renders_a_question_mark_instead_of_panicking() {
        let m = When::Month {
            year: 2020,
            month: 13,
        };
        assert_eq!(format_when(m, Lang::En), "? 2020");
        let m0 = When::Month {
            year: 2020,
            month: 0,
        };
        assert_eq!(format_when(m0, Lang::En), "? 2020");
    }
}

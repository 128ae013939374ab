//! The machine form of dates and periods (`2020`, `2020-03`, `2020-06-mid`, `2020-06-19`,
//! `2020-06-30T11:00~`, `eve:2020-07-01`, `2020-H1`, `..2020-07`, `2019..`): the inverse of
//! `When::iso`. Self-contained (no paths into the crate) because `build.rs` includes this file
//! too: story files are checked at build time by the same parser the WASM runs for editors'
//! data files.

/// A parsed date, field by field (`When` is built from it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IsoWhen {
    Year(u16),
    Month(u16, u8),
    MidMonth(u16, u8),
    Day(u16, u8, u8),
    /// Day, hour, minute, and whether the time is approximate (`~`).
    DayTime(u16, u8, u8, u8, u8, bool),
    Eve(u16, u8, u8),
    FirstHalf(u16),
    AsOf(u16, u8),
    Since(u16),
}

/// What the parser accepts, for messages.
pub const ISO_FORMS: &str = "2020, 2020-03, 2020-06-mid, 2020-06-19, 2020-06-30T11:00 (add ~ \
     for \"around\"), eve:2020-07-01, 2020-H1, ..2020-07 (as of), 2019.. (since)";

/// Parses one date; `None` for anything else (wrong form, month 13, 31 June, 24:00).
pub fn parse_iso(s: &str) -> Option<IsoWhen> {
    if let Some(rest) = s.strip_prefix("eve:") {
        let (y, m, d) = ymd(rest)?;
        return Some(IsoWhen::Eve(y, m, d));
    }
    if let Some(rest) = s.strip_prefix("..") {
        let (y, m) = ym(rest)?;
        return Some(IsoWhen::AsOf(y, m));
    }
    if let Some(rest) = s.strip_suffix("..") {
        return Some(IsoWhen::Since(year(rest)?));
    }
    if let Some(rest) = s.strip_suffix("-H1") {
        return Some(IsoWhen::FirstHalf(year(rest)?));
    }
    if let Some(rest) = s.strip_suffix("-mid") {
        let (y, m) = ym(rest)?;
        return Some(IsoWhen::MidMonth(y, m));
    }
    if let Some((day, time)) = s.split_once('T') {
        let (y, m, d) = ymd(day)?;
        let (time, approx) = match time.strip_suffix('~') {
            Some(t) => (t, true),
            None => (time, false),
        };
        let (h, min) = time.split_once(':')?;
        let (h, min) = (digits(h, 2)?, digits(min, 2)?);
        if h > 23 || min > 59 {
            return None;
        }
        return Some(IsoWhen::DayTime(y, m, d, h as u8, min as u8, approx));
    }
    match s.len() {
        4 => Some(IsoWhen::Year(year(s)?)),
        7 => {
            let (y, m) = ym(s)?;
            Some(IsoWhen::Month(y, m))
        }
        10 => {
            let (y, m, d) = ymd(s)?;
            Some(IsoWhen::Day(y, m, d))
        }
        _ => None,
    }
}

fn digits(s: &str, width: usize) -> Option<u16> {
    if s.len() != width || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.bytes().try_fold(0u16, |n, b| {
        n.checked_mul(10)?.checked_add(u16::from(b - b'0'))
    })
}

fn year(s: &str) -> Option<u16> {
    digits(s, 4).filter(|y| (1900..=2200).contains(y))
}

fn ym(s: &str) -> Option<(u16, u8)> {
    let (y, m) = s.split_once('-')?;
    let m = digits(m, 2).filter(|m| (1..=12).contains(m))?;
    Some((year(y)?, m as u8))
}

fn ymd(s: &str) -> Option<(u16, u8, u8)> {
    let (ym_part, d) = s.rsplit_once('-')?;
    let (y, m) = ym(ym_part)?;
    let d = digits(d, 2)?;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (1..=days).contains(&d).then_some((y, m, d as u8))
}

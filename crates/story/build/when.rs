//! Dates in story files: the machine forms of `When::iso` (`2020`, `2020-03`, `2020-06-mid`,
//! `2020-06-19`, `2020-06-30T11:00~`, `eve:2020-07-01`, `2020-H1`, `..2020-07`, `2019..`),
//! turned into the Rust expression the generated code holds.

pub fn when_expr(s: &str) -> Result<String, String> {
    let bad = || {
        format!(
            "\"{s}\" is not a date; allowed forms: 2020, 2020-03, 2020-06-mid, 2020-06-19, \
             2020-06-30T11:00 (add ~ for \"around\"), eve:2020-07-01, 2020-H1, ..2020-07 \
             (as of), 2019.. (since)"
        )
    };
    if let Some(rest) = s.strip_prefix("eve:") {
        let (y, m, d) = ymd(rest).ok_or_else(bad)?;
        return Ok(format!("When::Eve(Date::new({y}, {m}, {d}))"));
    }
    if let Some(rest) = s.strip_prefix("..") {
        let (y, m) = ym(rest).ok_or_else(bad)?;
        return Ok(format!("When::AsOf {{ year: {y}, month: {m} }}"));
    }
    if let Some(rest) = s.strip_suffix("..") {
        let y = year(rest).ok_or_else(bad)?;
        return Ok(format!("When::Since({y})"));
    }
    if let Some(rest) = s.strip_suffix("-H1") {
        let y = year(rest).ok_or_else(bad)?;
        return Ok(format!("When::FirstHalf({y})"));
    }
    if let Some(rest) = s.strip_suffix("-mid") {
        let (y, m) = ym(rest).ok_or_else(bad)?;
        return Ok(format!("When::MidMonth {{ year: {y}, month: {m} }}"));
    }
    if let Some((day, time)) = s.split_once('T') {
        let (y, m, d) = ymd(day).ok_or_else(bad)?;
        let (time, approx) = match time.strip_suffix('~') {
            Some(t) => (t, true),
            None => (time, false),
        };
        let (h, min) = time.split_once(':').ok_or_else(bad)?;
        let (h, min) = (num(h, 2).ok_or_else(bad)?, num(min, 2).ok_or_else(bad)?);
        if h > 23 || min > 59 {
            return Err(bad());
        }
        return Ok(format!(
            "When::DayTime {{ date: Date::new({y}, {m}, {d}), hour: {h}, minute: {min}, approx: {approx} }}"
        ));
    }
    match s.len() {
        4 => Ok(format!("When::Year({})", year(s).ok_or_else(bad)?)),
        7 => {
            let (y, m) = ym(s).ok_or_else(bad)?;
            Ok(format!("When::Month {{ year: {y}, month: {m} }}"))
        }
        10 => {
            let (y, m, d) = ymd(s).ok_or_else(bad)?;
            Ok(format!("When::Day(Date::new({y}, {m}, {d}))"))
        }
        _ => Err(bad()),
    }
}

fn num(s: &str, width: usize) -> Option<u32> {
    if s.len() != width || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn year(s: &str) -> Option<u32> {
    num(s, 4).filter(|y| (1900..=2200).contains(y))
}

fn ym(s: &str) -> Option<(u32, u32)> {
    let (y, m) = s.split_once('-')?;
    let m = num(m, 2).filter(|m| (1..=12).contains(m))?;
    Some((year(y)?, m))
}

fn ymd(s: &str) -> Option<(u32, u32, u32)> {
    let (ym_part, d) = s.rsplit_once('-')?;
    let (y, m) = ym(ym_part)?;
    let d = num(d, 2)?;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (1..=days).contains(&d).then_some((y, m, d))
}

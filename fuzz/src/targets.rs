//! The parsers that read outside input, each with its generator and its properties.

use crate::gen::{self, JsonWriter};
use crate::oracle::{self, Mirror};
use crate::rng::Rng;
use crate::Target;
use story::config::json::{
    self, JsonErrorKind, MAX_DEPTH, MAX_KEYS, MAX_LEN, MAX_STRING, MAX_VALUES,
};
use story::config::{
    check_relative_url, parse_series, read_src_file, Series, SeriesFileError, SrcFile,
    WidgetOptions, MAX_POINTS,
};
use story::model::Metric;
use story::{default_story, Unit};
use story::{ConfigError, Lang, WidgetConfig};

/// Every parser that sees outside input. Add a parser here (and a file in `fuzz/libfuzzer/`).
pub static TARGETS: &[Target] = &[
    Target {
        name: "json",
        generate: |rng| {
            let doc = gen::document(rng);
            gen::maybe_mutated(rng, doc).into_bytes()
        },
        check: |data| check_json(&String::from_utf8_lossy(data)),
        answer: |data| match json::parse(&String::from_utf8_lossy(data)) {
            Ok(_) => "accepted".into(),
            Err(e) => ConfigError::broken_json("src", e).message(Lang::En),
        },
    },
    Target {
        name: "widget-config",
        generate: generate_config,
        check: check_config,
        answer: |data| {
            let text = String::from_utf8_lossy(data);
            let (attrs, block) = split_config(&text);
            match WidgetConfig::parse(attrs, block) {
                Ok(_) => "accepted".into(),
                Err(e) => e.message(Lang::En),
            }
        },
    },
    Target {
        name: "series",
        generate: generate_series_file,
        check: check_series,
        answer: |data| {
            let Some((unit, text)) = split_series(data) else {
                return "no input".into();
            };
            match parse_series(&text, unit) {
                Ok(s) => format!("accepted: {} points", s.points.len()),
                Err(e) => e.message(Lang::En),
            }
        },
    },
    Target {
        name: "story-bundle",
        generate: generate_bundle,
        check: check_bundle,
        answer: |data| match read_src_file("fuzz/bundle.json", data) {
            Ok(SrcFile::Story(story)) => format!("accepted: {} facts", story.facts.len()),
            Ok(SrcFile::Series(_)) => "a series, not a bundle".into(),
            Err(e) => e.message("fuzz/bundle.json", Lang::En),
        },
    },
    Target {
        name: "url",
        generate: |rng| generate_url(rng).into_bytes(),
        check: check_url,
        answer: |data| match check_relative_url("src", &String::from_utf8_lossy(data)) {
            Ok(_) => "accepted".into(),
            Err(e) => e.message(Lang::En),
        },
    },
];

// ---- JSON ----------------------------------------------------------------------------------

/// Ours against serde_json: same values when both read the text; a refusal only where
/// serde_json refuses too, or for a limit the document really goes over; an acceptance where
/// serde_json refuses only for a number at the edge of f64 (ours reads one beyond it as
/// infinite, for the validators to refuse with the option's name).
fn check_json(text: &str) -> Result<String, String> {
    let ours = json::parse(text);
    let theirs = oracle::read(text);
    match (&ours, &theirs) {
        (Ok(o), Ok(t)) => {
            if !t.within_limits(text) {
                return Err("accepted a document beyond a limit".into());
            }
            if !oracle::same(o, t) {
                return Err(format!("read differently: ours {o:?}, serde_json {t:?}"));
            }
            Ok("accepted".into())
        }
        (Ok(o), Err(e)) => {
            if e.to_string().starts_with("number out of range") && oracle::has_huge(o) {
                Ok("accepted: a number beyond f64".into())
            } else {
                Err(format!("accepted what serde_json refuses ({e})"))
            }
        }
        (Err(e), Ok(t)) => {
            let extent = t.extent();
            let over = match e.kind {
                JsonErrorKind::TooLong => text.len() > MAX_LEN,
                JsonErrorKind::TooDeep => extent.depth > MAX_DEPTH,
                JsonErrorKind::TooManyKeys => extent.keys > MAX_KEYS,
                JsonErrorKind::StringTooLong => extent.string > MAX_STRING,
                JsonErrorKind::TooManyValues => extent.values > MAX_VALUES,
                _ => false,
            };
            if !over {
                return Err(format!(
                    "refused what serde_json reads within limits: {e:?}"
                ));
            }
            json_refusal(text, e)
        }
        (Err(e), Err(_)) => json_refusal(text, e),
    }
}

fn json_refusal(text: &str, e: &json::JsonError) -> Result<String, String> {
    located(text, e.line, e.column)?;
    specific(&ConfigError::broken_json("src", e.clone()))?;
    Ok(format!("refused: {}", variant(&format!("{:?}", e.kind))))
}

/// Line and column point into the text (or just past its end).
fn located(text: &str, line: usize, column: usize) -> Result<(), String> {
    let Some(l) = line.checked_sub(1).and_then(|i| text.split('\n').nth(i)) else {
        return Err(format!("line {line} is not in the text"));
    };
    if column == 0 || column > l.chars().count() + 1 {
        return Err(format!("column {column} is not in line {line}"));
    }
    Ok(())
}

/// An error is specific: its message in each language is there, short, free of invisible
/// characters, and names its field when the field can be shown whole.
fn specific(e: &ConfigError) -> Result<(), String> {
    for lang in [Lang::Zh, Lang::En] {
        let m = e.message(lang);
        if m.is_empty() || m.chars().count() > 2500 {
            return Err(format!("message of {} characters: {m}", m.chars().count()));
        }
        if let Some(c) = m.chars().find(|c| json::is_invisible(*c)) {
            return Err(format!("message shows invisible {c:?}: {m}"));
        }
        let field = e.field();
        if field.chars().count() <= 60
            && !field.chars().any(json::is_invisible)
            && !m.contains(field)
        {
            return Err(format!("message does not name `{field}`: {m}"));
        }
    }
    Ok(())
}

/// The variant's name from its Debug text: `Unexpected('x')` -> `Unexpected`.
fn variant(debug: &str) -> String {
    debug
        .split(['(', ' ', '{'])
        .next()
        .unwrap_or(debug)
        .to_string()
}

fn config_error_name(e: &ConfigError) -> String {
    match e {
        ConfigError::BrokenJson { problem, .. } => {
            format!("BrokenJson/{}", variant(&format!("{problem:?}")))
        }
        ConfigError::UnsafeUrl { problem, .. } => format!("UnsafeUrl/{problem:?}"),
        ConfigError::OutOfRange { limit, .. } => {
            format!("OutOfRange/{}", variant(&format!("{limit:?}")))
        }
        other => variant(&format!("{other:?}")),
    }
}

/// Refused with a specific error, or accepted as serde_json reads it within the limits: what
/// every JSON-reading parser must show.
fn json_read_as_serde_does(text: &str) -> Result<(), String> {
    match oracle::read(text) {
        Ok(t) if t.within_limits(text) => Ok(()),
        Ok(_) => Err("accepted JSON beyond a limit".into()),
        Err(e) => Err(format!("accepted JSON that serde_json refuses ({e})")),
    }
}

// ---- series --------------------------------------------------------------------------------

/// The default story's chart metrics (the `metric` option's values).
fn metrics() -> &'static [Metric] {
    default_story().chart.map(|c| c.metrics).unwrap_or(&[])
}

/// The unit a series is read for: the first metric's (the chart's default).
fn default_unit() -> Option<&'static Unit> {
    metrics().first().map(Metric::unit)
}

/// A series file: in the first byte which of the default story's units it is read for, the
/// text after it.
fn split_series(data: &[u8]) -> Option<(&'static Unit, String)> {
    let units = default_story().units;
    let unit = units.get(usize::from(*data.first()?) % units.len().max(1))?;
    let text = String::from_utf8_lossy(data.get(1..).unwrap_or(&[])).into_owned();
    Some((unit, text))
}

fn generate_series_file(rng: &mut Rng) -> Vec<u8> {
    let units = default_story().units;
    let index = rng.below(units.len());
    let Some(unit) = units.get(index) else {
        return Vec::new();
    };
    let mut w = JsonWriter::new(rng);
    write_series(&mut w, unit);
    let text = w.finish();
    let text = gen::maybe_mutated(rng, text);
    let mut data = vec![index as u8];
    data.extend(text.into_bytes());
    data
}

/// A series of points, usually valid, with now and then one defect an editor makes.
fn write_series(w: &mut JsonWriter, unit_wanted: &Unit) {
    let n = match w.rng.below(50) {
        0 => MAX_POINTS - 2 + w.rng.below(4),
        1 => 0,
        _ => 1 + w.rng.below(8),
    };
    let days = w.rng.one_in(2);
    let start_year = 2018 + w.rng.below(4);
    let defect = if w.rng.one_in(3) {
        w.rng.below(10)
    } else {
        usize::MAX
    };
    let unit = if w.rng.one_in(3) {
        Some(if defect == 0 {
            "furlongs"
        } else {
            unit_wanted.id
        })
    } else {
        None
    };
    w.array(n, |w, i| {
        let bad = w.rng.one_in(n.max(1)) && defect != usize::MAX;
        // Points strictly later than the one before: one a day or one a month.
        let (y, m, d) = if days {
            (start_year + i / 336, (i / 28) % 12 + 1, i % 28 + 1)
        } else {
            (start_year + i / 12, i % 12 + 1, 1)
        };
        let mut date = if days {
            format!("{y}-{m:02}-{d:02}")
        } else {
            format!("{y}-{m:02}")
        };
        let mut keys = vec!["date", "value"];
        if unit.is_some() {
            keys.push("unit");
        }
        if bad {
            match defect {
                1 => date = "2020-13".into(),
                2 => date = format!("{}-02-30", start_year),
                3 => date = format!("{start_year}-01"),
                4 => {
                    keys.retain(|k| *k != "value");
                }
                5 => keys.push("note"),
                _ => {}
            }
        }
        if w.rng.one_in(4) {
            keys.reverse();
        }
        w.object(&keys, |w, k| match k {
            "date" if bad && defect == 6 => w.raw("20200101"),
            "date" => w.string(&date),
            "value" if bad && defect == 7 => w.raw("-5"),
            "value" if bad && defect == 8 => w.string("12"),
            "value" => w.count(),
            "unit" => w.string(unit.unwrap_or("")),
            _ => w.value(1),
        });
    });
}

fn check_series(data: &[u8]) -> Result<String, String> {
    let Some((unit, text)) = split_series(data) else {
        return Ok("no input".into());
    };
    match parse_series(&text, unit) {
        Ok(s) => {
            json_read_as_serde_does(&text)?;
            series_contract(&s, unit)?;
            Ok("accepted".into())
        }
        Err(e) => {
            specific(&e)?;
            Ok(format!("refused: {}", config_error_name(&e)))
        }
    }
}

/// What the chart relies on: 1 to 5,000 points, dates strictly increasing at one precision,
/// values finite and not negative, the metric's unit.
fn series_contract(s: &Series, unit: &Unit) -> Result<(), String> {
    if s.points.is_empty() || s.points.len() > MAX_POINTS {
        return Err(format!("accepted {} points", s.points.len()));
    }
    if s.unit.id != unit.id {
        return Err(format!("unit {} read for {}", s.unit.id, unit.id));
    }
    for pair in s.points.windows(2) {
        if let [a, b] = pair {
            if a.date >= b.date || a.date.day.is_some() != b.date.day.is_some() {
                return Err(format!("dates {:?} then {:?}", a.date, b.date));
            }
        }
    }
    if let Some(p) = s
        .points
        .iter()
        .find(|p| !p.value.is_finite() || p.value < 0.0)
    {
        return Err(format!("accepted value {}", p.value));
    }
    Ok(())
}

// ---- widget configuration ------------------------------------------------------------------

/// A placeholder: `name=value` attributes separated by U+001E, then, after a NUL, the JSON
/// block's text (no NUL: no block).
fn split_config(text: &str) -> (Vec<(&str, &str)>, Option<&str>) {
    let (attrs, block) = match text.split_once('\0') {
        Some((a, b)) => (a, Some(b)),
        None => (text, None),
    };
    let attrs = attrs
        .split('\u{1e}')
        .filter(|a| !a.is_empty())
        .map(|a| a.split_once('=').unwrap_or((a, "")))
        .collect();
    (attrs, block)
}

const WIDGETS: &[&str] = &[
    "tally", "payments", "grid-map", "tally", "payments", "grid-map", "pie", "",
];
const OPTIONS: &[&str] = &[
    "lang",
    "theme",
    "sections",
    "highlight",
    "metric",
    "series",
    "src",
    "step",
    "autoplay",
    "speed",
    "widget-ready",
    "",
];

/// Attribute text for `option`, right or wrong.
fn option_text(rng: &mut Rng, option: &str) -> String {
    let choices: &[&str] = match option {
        "lang" => &["zh", "en", "fr", "", " en"],
        "theme" => &["auto", "light", "dark", "blue"],
        "sections" => &[
            "policy",
            "training, policy",
            "visit,visit",
            "lead",
            " , ",
            "policy,training,visit,volunteer,order,activist,problem",
        ],
        "highlight" => &["policy", "visit", "lead"],
        "metric" => {
            let ids: Vec<&str> = metrics().iter().map(|m| m.id).chain(["profit"]).collect();
            return rng.pick(&ids).copied().unwrap_or("").to_string();
        }
        "story" => &["suzhou-2020-07", "riverton", ""],
        "step" => &["2019-09", "2019-10", "2020-06", "2020-07"],
        "autoplay" => &["", "true", "false", "1"],
        "src" => return generate_url(rng),
        "series" => {
            let mut w = JsonWriter::new(rng);
            if let Some(unit) = default_unit() {
                write_series(&mut w, unit);
            }
            return w.finish();
        }
        _ => &["1", "", "x"],
    };
    rng.pick(choices).copied().unwrap_or("").to_string()
}

fn generate_config(rng: &mut Rng) -> Vec<u8> {
    let widget = rng.pick(WIDGETS).copied().unwrap_or("");
    let mut attrs: Vec<(String, String)> = Vec::new();
    let widget_in_block = rng.one_in(3);
    if !widget_in_block && !rng.one_in(20) {
        attrs.push(("widget".into(), widget.into()));
    }
    for _ in 0..rng.below(4) {
        let option = rng.pick(OPTIONS).copied().unwrap_or("");
        let value = option_text(rng, option);
        attrs.push((option.into(), value));
    }
    let mut text: String = attrs
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("\u{1e}");
    if widget_in_block || rng.one_in(2) {
        let mut keys: Vec<&str> = (0..rng.below(4))
            .map(|_| rng.pick(OPTIONS).copied().unwrap_or(""))
            .collect();
        if widget_in_block {
            keys.insert(0, "widget");
        }
        keys.sort_unstable();
        keys.dedup();
        let mut w = JsonWriter::new(rng);
        w.object(&keys, |w, k| match (k, w.rng.below(6)) {
            ("widget", _) => w.string(widget),
            ("autoplay", 0..=3) => {
                let word = if w.rng.one_in(2) { "true" } else { "false" };
                w.raw(word);
            }
            ("sections", 0..=2) => {
                let ids = ["policy", "visit", "order", "lead", "policy"];
                let n = w.rng.below(4);
                w.array(n, |w, _| {
                    let id = w.rng.pick(&ids).copied().unwrap_or("policy");
                    w.string(id);
                });
            }
            ("series", 0..=4) if default_unit().is_some() => {
                if let Some(unit) = default_unit() {
                    write_series(w, unit);
                }
            }
            (_, 5) => w.value(2),
            (k, _) => {
                let v = option_text(w.rng, k);
                w.string(&v);
            }
        });
        let block = w.finish();
        text.push('\0');
        text.push_str(&gen::maybe_mutated(rng, block));
    }
    text.into_bytes()
}

fn check_config(data: &[u8]) -> Result<String, String> {
    let text = String::from_utf8_lossy(data);
    let (attrs, block) = split_config(&text);
    let config = match WidgetConfig::parse(attrs.iter().copied(), block) {
        Ok(c) => c,
        Err(e) => {
            specific(&e)?;
            return Ok(format!("refused: {}", config_error_name(&e)));
        }
    };
    if let Some(block) = block {
        json_read_as_serde_does(block)?;
        if !matches!(oracle::read(block), Ok(Mirror::Obj(_))) {
            return Err("accepted a JSON block that is not an object".into());
        }
    }
    match &config.options {
        WidgetOptions::Payments(o) => {
            if let Some(s) = &o.series {
                series_contract(s, o.metric.unit())?;
            }
            if let Some(src) = &o.src {
                same_origin(src)?;
            }
        }
        WidgetOptions::Tally(o) => {
            let mut sorted = o.sections.clone();
            sorted.sort_by_key(|s| s.id());
            sorted.dedup();
            if o.sections.is_empty() || sorted.len() != o.sections.len() {
                return Err(format!("sections {:?}", o.sections));
            }
            if o.highlight.is_some_and(|h| !o.sections.contains(&h)) {
                return Err(format!("highlight {:?} not shown", o.highlight));
            }
        }
        WidgetOptions::GridMap(_) => {}
    }
    Ok(format!("accepted: {}", config.kind.name()))
}

// ---- URLs ----------------------------------------------------------------------------------

const URL_PIECES: &[&str] = &[
    "data/",
    "series.json",
    "./",
    "../",
    "/",
    "//",
    "\\",
    "javascript:",
    "JaVaScRiPt:",
    "http:",
    "https://evil.example",
    "?v=2",
    "#x",
    ":",
    " ",
    "\t",
    "\n",
    "\r",
    "%2F",
    "%0A",
    "a",
    "é",
    "望亭",
    "\u{0}",
    "\u{a0}",
    "\u{3000}",
    "\u{feff}",
    "\u{202e}",
    "@",
    "data:",
    ".",
    "..",
    "%",
    "/\\",
    "\\/",
    "x:y",
];

fn generate_url(rng: &mut Rng) -> String {
    if rng.one_in(500) {
        return "a".repeat(2040 + rng.below(16));
    }
    (0..1 + rng.below(6))
        .map(|_| rng.pick(URL_PIECES).copied().unwrap_or(""))
        .collect()
}

/// The page the widget sits on, for resolving an accepted `src` as a browser does.
const PAGE: &str = "https://news.example/2020/07/suzhou.html";

/// An accepted `src`, resolved against the page with WHATWG URL rules, stays on its origin.
fn same_origin(src: &str) -> Result<(), String> {
    let page = url::Url::parse(PAGE).map_err(|e| e.to_string())?;
    match page.join(src) {
        Ok(u) if u.origin() == page.origin() => Ok(()),
        Ok(u) => Err(format!("accepted {src:?}, which leads to {u}")),
        Err(e) => Err(format!(
            "accepted {src:?}, which a browser cannot resolve ({e})"
        )),
    }
}

fn check_url(data: &[u8]) -> Result<String, String> {
    let text = String::from_utf8_lossy(data);
    match check_relative_url("src", &text) {
        Ok(v) => {
            if v != text {
                return Err(format!("accepted {text:?} as {v:?}"));
            }
            same_origin(&v)?;
            Ok("accepted".into())
        }
        Err(e) => {
            specific(&e)?;
            Ok(format!("refused: {}", config_error_name(&e)))
        }
    }
}

// ---- Story bundles -------------------------------------------------------------------------

/// The Riverton test bundle (`cli bundle`'s output), the valid start of every generated input.
const RIVERTON: &str = include_str!("../../www/test/stories/test-riverton.json");

/// The Riverton bundle, unchanged, with two of its strings swapped (references that no longer
/// hold: a unit, a section, a fact id, a date in the wrong place), or broken as text.
fn generate_bundle(rng: &mut Rng) -> Vec<u8> {
    let text = match rng.below(3) {
        0 => RIVERTON.to_owned(),
        1 => swap_strings(rng, RIVERTON),
        _ => gen::mutate(rng, RIVERTON),
    };
    text.into_bytes()
}

/// `text` with two of its double-quoted strings (keys or values) exchanged.
fn swap_strings(rng: &mut Rng, text: &str) -> String {
    let quotes: Vec<usize> = text.match_indices('"').map(|(i, _)| i).collect();
    let strings: Vec<(usize, usize)> = quotes
        .chunks(2)
        .filter_map(|p| match p {
            [a, b] => Some((*a, *b + 1)),
            _ => None,
        })
        .collect();
    let (Some(&x), Some(&y)) = (rng.pick(&strings), rng.pick(&strings)) else {
        return text.to_owned();
    };
    let (first, second) = if x.0 <= y.0 { (x, y) } else { (y, x) };
    if first.1 > second.0 {
        return text.to_owned();
    }
    let piece = |r: (usize, usize)| text.get(r.0..r.1).unwrap_or("");
    [
        text.get(..first.0).unwrap_or(""),
        piece(second),
        text.get(first.1..second.0).unwrap_or(""),
        piece(first),
        text.get(second.1..).unwrap_or(""),
    ]
    .concat()
}

/// An accepted bundle is a story whose references hold; a refused one names the file, and for
/// a mistake in the story a line inside the text and a field, in both languages.
fn check_bundle(data: &[u8]) -> Result<String, String> {
    let lines = String::from_utf8_lossy(data).lines().count().max(1);
    match read_src_file("fuzz/bundle.json", data) {
        Ok(SrcFile::Story(story)) => {
            for f in story.facts {
                if !story.units.iter().any(|u| u == f.unit) {
                    return Err(format!("fact {} has a unit the story lacks", f.id));
                }
                if !story.sections.contains(f.section) {
                    return Err(format!("fact {} has a section the story lacks", f.id));
                }
            }
            if let Some(t) = story.tally {
                if !story.facts.contains(t.lead) || t.cards.is_empty() {
                    return Err("a tally whose lead is not a fact, or without cards".into());
                }
            }
            Ok("accepted".into())
        }
        Ok(SrcFile::Series(_)) => Ok("refused: a series".into()),
        Err(SeriesFileError::Story(e)) => {
            if e.file != "bundle.json" || e.line == 0 || e.line > lines || e.what.is_empty() {
                return Err(format!("a story error without its place: {e}"));
            }
            for lang in [Lang::Zh, Lang::En] {
                let m = SeriesFileError::Story(e.clone()).message("fuzz/bundle.json", lang);
                if !m.contains(&e.to_string()) {
                    return Err(format!("message without the mistake: {m}"));
                }
            }
            let first_word = e.what.split(' ').next().unwrap_or("");
            Ok(format!("refused: story ({first_word})"))
        }
        Err(SeriesFileError::Invalid(e)) => {
            specific(&e)?;
            Ok(format!("refused: {}", config_error_name(&e)))
        }
        Err(e) => Ok(format!("refused: {}", variant(&format!("{e:?}")))),
    }
}

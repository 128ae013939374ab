//! Loading one story folder: parse each file (serde, with the field path and line of any
//! mistake), check references between files, recompute derived figures, and write Rust.

use crate::files::{ChartFile, FactsFile, StoryFile, TallyFile, Text};
use crate::when::when_expr;
use serde::de::DeserializeOwned;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// A reported point of a series: year, month, day (for daily series) and value.
type Point = (u32, u32, Option<u32>, f64);

/// A validated story, ready to be written as Rust.
pub struct Loaded {
    pub id: String,
    pub files: Vec<PathBuf>,
    story: StoryFile,
    facts: Vec<Fact>,
    tally: Option<TallyFile>,
    chart: Option<ChartFile>,
    map: Option<crate::map::LoadedMap>,
    /// Reported points per metric (index into `chart.metrics`): (year, month, day, value).
    series: Vec<Vec<Point>>,
    /// Absolute paths of `article.zh.md` and `article.en.md`, when present.
    pub articles: [Option<PathBuf>; 2],
}

/// A fact after validation: qualifier and date resolved, derived value recomputed.
struct Fact {
    def: crate::files::FactDef,
    unit: usize,
    section: usize,
    qualifier: String,
    date: Option<String>,
    inputs: Vec<String>,
}

/// A file of the folder, for messages: its path (relative to the workspace) and text.
pub struct Source {
    shown: String,
    text: String,
}

impl Source {
    pub fn read(dir: &Path, name: &str, root: &Path) -> Result<Option<Source>, String> {
        let path = dir.join(name);
        let shown = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .display()
            .to_string();
        match std::fs::read_to_string(&path) {
            Ok(text) => Ok(Some(Source { shown, text })),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(format!("{shown}: cannot read: {e}")),
        }
    }

    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, String> {
        let mut de = serde_json::Deserializer::from_str(&self.text);
        serde_path_to_error::deserialize(&mut de).map_err(|e| {
            let path = e.path().to_string();
            let inner = e.inner();
            format!(
                "{}:{}:{}: {}: {}",
                self.shown,
                inner.line(),
                inner.column(),
                if path == "." { "(top level)" } else { &path },
                strip_position(&inner.to_string())
            )
        })
    }

    /// "file:line: field: what is wrong", the line being that of the first place the value
    /// `needle` is written (a quoted id), or of the whole file when it is not found.
    pub fn error(&self, field: &str, needle: &str, what: &str) -> String {
        let quoted = format!("\"{needle}\"");
        let line = self
            .text
            .find(&quoted)
            .map(|at| self.text.get(..at).unwrap_or("").lines().count().max(1))
            .unwrap_or(1);
        format!("{}:{line}: {field}: {what}", self.shown)
    }
}

/// serde_json ends its messages with " at line L column C", which we already put in front.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(at) => msg.get(..at).unwrap_or(msg).to_owned(),
        None => msg.to_owned(),
    }
}

pub fn allowed(list: impl Iterator<Item = String>) -> String {
    let v: Vec<String> = list.collect();
    format!("allowed: {}", v.join(", "))
}

/// `id` is an id (letters, digits, - _ .) not used by the items before it.
pub fn unique_id(src: &Source, field: &str, id: &str, before: &[&str]) -> Result<(), String> {
    if is_id(id) && !before.contains(&id) {
        return Ok(());
    }
    Err(src.error(field, id, "a unique id of letters, digits, - _ ."))
}

pub fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

const QUALIFIERS: [&str; 7] = [
    "exact",
    "more-than:余",
    "more-than:多",
    "over",
    "nearly",
    "about",
    "at-least",
];

pub fn load(dir: &Path, root: &Path) -> Result<Loaded, String> {
    let need = |name: &str| -> Result<Source, String> {
        Source::read(dir, name, root)?
            .ok_or_else(|| format!("{}: a story folder needs {name}", dir.display()))
    };
    let story_src = need("story.json")?;
    let facts_src = need("facts.json")?;
    let tally_src = Source::read(dir, "tally.json", root)?;
    let story: StoryFile = story_src.parse()?;
    let facts_file: FactsFile = facts_src.parse()?;
    let tally: Option<TallyFile> = tally_src.as_ref().map(Source::parse).transpose()?;
    let chart_src = Source::read(dir, "chart.json", root)?;
    let series_src = Source::read(dir, "series.csv", root)?;
    let chart: Option<ChartFile> = chart_src.as_ref().map(Source::parse).transpose()?;

    // story.json
    if !is_id(&story.id) {
        return Err(story_src.error("id", &story.id, "use letters, digits, - _ ."));
    }
    when_expr(&story.source.date)
        .map_err(|e| story_src.error("source.date", &story.source.date, &e))?;
    for (i, u) in story.units.iter().enumerate() {
        if story.units.iter().take(i).any(|o| o.id == u.id) {
            return Err(story_src.error(&format!("units[{i}].id"), &u.id, "used twice"));
        }
    }
    for (i, s) in story.sections.iter().enumerate() {
        if !is_id(&s.id) {
            return Err(story_src.error(
                &format!("sections[{i}].id"),
                &s.id,
                "use letters, digits, - _ .",
            ));
        }
        if story.sections.iter().take(i).any(|o| o.id == s.id) {
            return Err(story_src.error(&format!("sections[{i}].id"), &s.id, "used twice"));
        }
    }

    // facts.json
    let mut facts: Vec<Fact> = Vec::new();
    for (i, def) in facts_file.facts.into_iter().enumerate() {
        let at = |field: &str| format!("facts[{i}].{field}");
        let src = &facts_src;
        if !is_id(&def.id) {
            return Err(src.error(&at("id"), &def.id, "use letters, digits, - _ ."));
        }
        if facts.iter().any(|f| f.def.id == def.id) {
            return Err(src.error(&at("id"), &def.id, "used twice"));
        }
        let unit = story
            .units
            .iter()
            .position(|u| u.id == def.unit)
            .ok_or_else(|| {
                src.error(
                    &at("unit"),
                    &def.unit,
                    &format!(
                        "unknown unit \"{}\" ({} in story.json)",
                        def.unit,
                        allowed(story.units.iter().map(|u| u.id.clone()))
                    ),
                )
            })?;
        let section = story
            .sections
            .iter()
            .position(|s| s.id == def.section)
            .ok_or_else(|| {
                src.error(
                    &at("section"),
                    &def.section,
                    &format!(
                        "unknown section \"{}\" ({} in story.json)",
                        def.section,
                        allowed(story.sections.iter().map(|s| s.id.clone()))
                    ),
                )
            })?;
        if !def.value.is_finite() || def.value < 0.0 {
            return Err(src.error(&at("value"), &def.id, "must be a number, 0 or more"));
        }
        if let Some(d) = &def.date {
            when_expr(d).map_err(|e| src.error(&at("date"), d, &e))?;
        }
        let (qualifier, date, inputs) = match &def.derived {
            None => {
                let q = def.qualifier.clone().ok_or_else(|| {
                    src.error(
                        &at("qualifier"),
                        &def.id,
                        &format!(
                            "missing ({})",
                            allowed(QUALIFIERS.iter().map(|q| q.to_string()))
                        ),
                    )
                })?;
                if def.source.as_deref().is_none_or(str::is_empty) {
                    return Err(src.error(&at("source"), &def.id, "a stated figure quotes the source's own wording (a few characters around the number)"));
                }
                (q, def.date.clone(), Vec::new())
            }
            Some(d) => {
                if def.source.is_some() {
                    return Err(src.error(
                        &at("source"),
                        &def.id,
                        "a derived figure has no source wording; its inputs do",
                    ));
                }
                let (a, op, b) = formula(&d.formula).ok_or_else(|| {
                    src.error(
                        &at("derived.formula"),
                        &d.formula,
                        "write <fact id> / <fact id> (or * + -)",
                    )
                })?;
                let find = |id: &str| -> Result<&Fact, String> {
                    facts.iter().find(|f| f.def.id == id).ok_or_else(|| {
                        src.error(
                            &at("derived.formula"),
                            &d.formula,
                            &format!("\"{id}\" is not a stated fact listed above this one"),
                        )
                    })
                };
                let (fa, fb) = (find(&a)?, find(&b)?);
                if fa.def.derived.is_some() || fb.def.derived.is_some() {
                    return Err(src.error(
                        &at("derived.formula"),
                        &d.formula,
                        "inputs must be stated figures",
                    ));
                }
                let value = match op {
                    '/' => fa.def.value / fb.def.value,
                    '*' => fa.def.value * fb.def.value,
                    '+' => fa.def.value + fb.def.value,
                    _ => fa.def.value - fb.def.value,
                };
                let close = (value - def.value).abs() <= 1e-9 * value.abs().max(1.0);
                if !value.is_finite() || !close {
                    return Err(src.error(
                        &at("value"),
                        &def.id,
                        &format!("the formula gives {value}, the file says {}", def.value),
                    ));
                }
                let all_exact = fa.qualifier == "exact" && fb.qualifier == "exact";
                let q = if all_exact { "exact" } else { "about" };
                if let Some(given) = &def.qualifier {
                    if given != q {
                        return Err(src.error(
                            &at("qualifier"),
                            &def.id,
                            &format!("a figure derived from these inputs is \"{q}\""),
                        ));
                    }
                }
                (
                    q.to_owned(),
                    def.date.clone().or_else(|| fa.date.clone()),
                    vec![a, b],
                )
            }
        };
        if !QUALIFIERS.contains(&qualifier.as_str()) {
            return Err(src.error(
                &at("qualifier"),
                &qualifier,
                &format!(
                    "unknown qualifier \"{qualifier}\" ({})",
                    allowed(QUALIFIERS.iter().map(|q| q.to_string()))
                ),
            ));
        }
        facts.push(Fact {
            def,
            unit,
            section,
            qualifier,
            date,
            inputs,
        });
    }

    // tally.json
    if let (Some(t), Some(src)) = (&tally, &tally_src) {
        let fact_in = |field: &str, id: &str| -> Result<&Fact, String> {
            facts
                .iter()
                .find(|f| f.def.id == id)
                .ok_or_else(|| src.error(field, id, &format!("no fact \"{id}\" in facts.json")))
        };
        let section_of = |field: &str, id: &str| section_ref(src, &story, field, id);
        section_of("source", &t.source)?;
        fact_in("lead", &t.lead)?;
        csv_file(src, &t.csv)?;
        if t.cards.is_empty() {
            return Err(src.error("cards", "cards", "needs at least one card"));
        }
        for (i, c) in t.cards.iter().enumerate() {
            section_of(&format!("cards[{i}].section"), &c.section)?;
            if t.cards.iter().take(i).any(|o| o.section == c.section) {
                return Err(src.error(
                    &format!("cards[{i}].section"),
                    &c.section,
                    "two cards for one section",
                ));
            }
            if let Some(h) = &c.headline {
                let f = fact_in(&format!("cards[{i}].headline"), h)?;
                if f.def.section != c.section {
                    return Err(src.error(
                        &format!("cards[{i}].headline"),
                        h,
                        &format!(
                            "the headline must be a figure of the card's section \"{}\"",
                            c.section
                        ),
                    ));
                }
            }
            let has_figures = facts.iter().any(|f| f.def.section == c.section);
            if !has_figures && c.about.is_none() {
                return Err(src.error(
                    &format!("cards[{i}].about"),
                    &c.section,
                    "a card whose section has no figure needs \"about\"",
                ));
            }
        }
    }

    // chart.json and series.csv
    let mut series: Vec<Vec<Point>> = Vec::new();
    if let (Some(c), Some(src)) = (&chart, &chart_src) {
        section_ref(src, &story, "source", &c.source)?;
        csv_file(src, &c.csv)?;
        if c.metrics.is_empty() {
            return Err(src.error("metrics", "metrics", "needs at least one metric"));
        }
        let metric_ids: Vec<&str> = c.metrics.iter().map(|m| m.id.as_str()).collect();
        for (i, m) in c.metrics.iter().enumerate() {
            let before = metric_ids.get(..i).unwrap_or(&[]);
            unique_id(src, &format!("metrics[{i}].id"), &m.id, before)?;
            if !facts.iter().any(|f| f.def.id == m.total) {
                return Err(src.error(
                    &format!("metrics[{i}].total"),
                    &m.total,
                    &format!("no fact \"{}\" in facts.json", m.total),
                ));
            }
            series.push(Vec::new());
        }
        for (i, id) in c.derived.iter().enumerate() {
            match facts.iter().find(|f| &f.def.id == id) {
                Some(f) if f.def.derived.is_some() => {}
                Some(_) => {
                    return Err(src.error(
                        &format!("derived[{i}]"),
                        id,
                        "not a derived fact (it has no \"derived\" formula)",
                    ))
                }
                None => {
                    return Err(src.error(
                        &format!("derived[{i}]"),
                        id,
                        &format!("no fact \"{id}\" in facts.json"),
                    ))
                }
            }
        }
        if let Some(csv) = &series_src {
            read_series(csv, c, &mut series)?;
        }
    } else if let Some(csv) = &series_src {
        return Err(format!(
            "{}: series.csv needs a chart.json beside it",
            csv.shown
        ));
    }

    let fact_ids: Vec<&str> = facts.iter().map(|f| f.def.id.as_str()).collect();
    let map = crate::map::load(dir, root, &story, &fact_ids)?;
    let article = |lang: &str| {
        let p = dir.join(format!("article.{lang}.md"));
        p.is_file().then(|| p.canonicalize().unwrap_or(p))
    };
    let articles = [article("zh"), article("en")];
    let mut files = vec![dir.join("story.json"), dir.join("facts.json")];
    files.extend(articles.iter().flatten().cloned());
    for (name, present) in [
        ("tally.json", tally.is_some()),
        ("chart.json", chart.is_some()),
        ("series.csv", series_src.is_some()),
    ] {
        if present {
            files.push(dir.join(name));
        }
    }
    let map = map.map(|(m, path)| {
        files.push(path);
        files.push(m.geometry.clone());
        m
    });
    Ok(Loaded {
        id: story.id.clone(),
        files,
        story,
        facts,
        tally,
        chart,
        map,
        series,
        articles,
    })
}

/// `id` names a section of story.json.
pub fn section_ref(src: &Source, story: &StoryFile, field: &str, id: &str) -> Result<(), String> {
    if story.sections.iter().any(|s| s.id == id) {
        return Ok(());
    }
    let sections = allowed(story.sections.iter().map(|s| s.id.clone()));
    Err(src.error(field, id, &format!("unknown section \"{id}\" ({sections})")))
}

/// The `csv` field: a download's file name.
fn csv_file(src: &Source, name: &str) -> Result<(), String> {
    if csv_name(name) {
        return Ok(());
    }
    Err(src.error("csv", name, "a file name of a-z, 0-9 and - ending in .csv"))
}

fn csv_name(s: &str) -> bool {
    s.ends_with(".csv")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'.'))
}

/// `series.csv`: a header `metric,date,value`, then one reported point a line, dates
/// (`YYYY-MM` or `YYYY-MM-DD`, one precision per metric) increasing within each metric.
fn read_series(src: &Source, chart: &ChartFile, series: &mut [Vec<Point>]) -> Result<(), String> {
    let mut lines = src.text.lines().enumerate();
    let header = lines.next().map(|(_, l)| l.trim()).unwrap_or("");
    if header != "metric,date,value" {
        return Err(format!(
            "{}:1: the header must be metric,date,value (found \"{header}\")",
            src.shown
        ));
    }
    for (i, line) in lines {
        let n = i + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let at = |what: &str| format!("{}:{n}: {what}", src.shown);
        let cols: Vec<&str> = line.split(',').map(str::trim).collect();
        let [metric, date, value] = cols.as_slice() else {
            return Err(at(&format!(
                "three columns metric,date,value expected, found {}",
                cols.len()
            )));
        };
        let m = chart
            .metrics
            .iter()
            .position(|m| m.id == *metric)
            .ok_or_else(|| {
                at(&format!(
                    "metric: unknown metric \"{metric}\" ({} in chart.json)",
                    allowed(chart.metrics.iter().map(|m| m.id.clone()))
                ))
            })?;
        let parsed = crate::when::when_expr(date).ok();
        let parts: Vec<u32> = date.split('-').filter_map(|p| p.parse().ok()).collect();
        let point = match (parsed.as_deref(), parts.as_slice()) {
            (Some(e), [y, mo]) if e.starts_with("When::Month") => (*y, *mo, None),
            (Some(e), [y, mo, d]) if e.starts_with("When::Day") => (*y, *mo, Some(*d)),
            _ => {
                return Err(at(&format!(
                    "date: \"{date}\" is not YYYY-MM or YYYY-MM-DD"
                )))
            }
        };
        let v: f64 = value
            .parse()
            .map_err(|_| at(&format!("value: \"{value}\" is not a number")))?;
        if !v.is_finite() || v < 0.0 {
            return Err(at(&format!("value: {value} must be a number, 0 or more")));
        }
        let list = series.get_mut(m).ok_or_else(|| at("metric"))?;
        if let Some(prev) = list.last() {
            if prev.2.is_some() != point.2.is_some() {
                return Err(at(
                    "date: one metric's dates must all be months or all be days",
                ));
            }
            if (prev.0, prev.1, prev.2) >= (point.0, point.1, point.2) {
                return Err(at(&format!(
                    "date: {date} is not after the metric's previous point"
                )));
            }
        }
        list.push((point.0, point.1, point.2, v));
    }
    Ok(())
}

/// The articles of every story, as `include_str!` of their files: only `cli page` reads them
/// (the linker drops them from the WASM, which never does).
pub fn articles_rust(all: &[(String, [Option<PathBuf>; 2])]) -> String {
    let text = |p: &Option<PathBuf>| match p {
        Some(p) => format!("Some(include_str!({:?}))", p.display().to_string()),
        None => "None".into(),
    };
    let mut out = format!(
        "/// Each story's article file (zh, en), by story id.\npub static ARTICLES: [(&str, Option<&str>, Option<&str>); {}] = [\n",
        all.len()
    );
    for (id, [zh, en]) in all {
        out.push_str(&format!("    ({id:?}, {}, {}),\n", text(zh), text(en)));
    }
    out.push_str("];\n");
    out
}

/// `a / b` with two fact ids.
fn formula(s: &str) -> Option<(String, char, String)> {
    let mut parts = s.split_whitespace();
    let (a, op, b) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || op.len() != 1 {
        return None;
    }
    let op = op
        .chars()
        .next()
        .filter(|c| matches!(c, '/' | '*' | '+' | '-'))?;
    Some((a.to_owned(), op, b.to_owned()))
}

pub fn lit(s: &str) -> String {
    format!("{s:?}")
}

pub fn text(t: &Text) -> String {
    format!("Text {{ zh: {}, en: {} }}", lit(&t.zh), lit(&t.en))
}

fn qualifier_expr(q: &str) -> &'static str {
    match q {
        "more-than:余" => "Qualifier::MoreThan(MoreMark::Yu)",
        "more-than:多" => "Qualifier::MoreThan(MoreMark::Duo)",
        "over" => "Qualifier::Over",
        "nearly" => "Qualifier::Nearly",
        "about" => "Qualifier::About",
        "at-least" => "Qualifier::AtLeast",
        _ => "Qualifier::Exact",
    }
}

fn date_expr(d: &Option<String>) -> String {
    match d.as_deref().map(when_expr) {
        Some(Ok(e)) => format!("Some({e})"),
        _ => "None".into(),
    }
}

/// `static <name>: [<ty>; N] = [ rows ];`, one row a line.
pub fn static_array(out: &mut String, name: &str, ty: &str, rows: &[String]) {
    let _ = writeln!(out, "static {name}: [{ty}; {}] = [", rows.len());
    for row in rows {
        let _ = writeln!(out, "    {row},");
    }
    out.push_str("];\n");
}

/// `Some(<expr>)` or `None`.
pub fn some(expr: Option<String>) -> String {
    expr.map_or("None".into(), |e| format!("Some({e})"))
}

pub fn opt_text(t: &Option<Text>) -> String {
    some(t.as_ref().map(text))
}

impl Loaded {
    /// The story as Rust statics named `STORY_<n>` and `S<n>_*`.
    pub fn rust(&self, n: usize) -> String {
        let s = &self.story;
        let mut out = String::new();
        let _ = writeln!(out, "// ---- story {} ----", self.id);
        let units: Vec<String> = s
            .units
            .iter()
            .map(|u| {
                let [one, many] = &u.en;
                format!(
                    "Unit {{ id: {}, zh: {}, en_one: {}, en_many: {}, count: {} }}",
                    lit(&u.id),
                    lit(&u.zh),
                    lit(one),
                    lit(many),
                    u.count
                )
            })
            .collect();
        static_array(&mut out, &format!("S{n}_UNITS"), "Unit", &units);
        let sections: Vec<String> = s
            .sections
            .iter()
            .map(|sec| {
                format!(
                    "Section {{ id: {}, heading: {} }}",
                    lit(&sec.id),
                    text(&sec.heading)
                )
            })
            .collect();
        static_array(&mut out, &format!("S{n}_SECTIONS"), "Section", &sections);
        let facts: Vec<String> = self
            .facts
            .iter()
            .map(|f| {
                let derived = some(f.def.derived.as_ref().map(|d| {
                    format!(
                        "Derivation {{ formula_zh: {}, formula_en: {}, inputs: &[{}] }}",
                        lit(&d.zh),
                        lit(&d.en),
                        f.inputs
                            .iter()
                            .map(|i| lit(i))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                }));
                format!(
                    "Fact {{ id: {}, value: {:?}, unit: &S{n}_UNITS[{}], qualifier: {}, date: {}, section: &S{n}_SECTIONS[{}], label_zh: {}, label_en: {}, source_zh: {}, derived: {} }}",
                    lit(&f.def.id),
                    f.def.value,
                    f.unit,
                    qualifier_expr(&f.qualifier),
                    date_expr(&f.date),
                    f.section,
                    lit(&f.def.label.zh),
                    lit(&f.def.label.en),
                    lit(f.def.source.as_deref().unwrap_or("")),
                    derived
                )
            })
            .collect();
        static_array(&mut out, &format!("S{n}_FACTS"), "Fact", &facts);
        let fact_static = |id: &str| {
            let i = self.facts.iter().position(|f| f.def.id == id).unwrap_or(0);
            format!("&S{n}_FACTS[{i}]")
        };
        let section_static = |id: &str| {
            let i = s.sections.iter().position(|x| x.id == id).unwrap_or(0);
            format!("&S{n}_SECTIONS[{i}]")
        };
        let tally = some(self.tally.as_ref().map(|t| {
            let cards: Vec<String> = t
                .cards
                .iter()
                .map(|c| {
                    format!(
                        "Card {{ section: {}, title: {}, heart: {}, headline: {}, about: {} }}",
                        section_static(&c.section),
                        text(&c.title),
                        opt_text(&c.heart),
                        some(c.headline.as_deref().map(fact_static)),
                        opt_text(&c.about),
                    )
                })
                .collect();
            static_array(&mut out, &format!("S{n}_CARDS"), "Card", &cards);
            format!(
                "Tally {{ title: {}, source: {}, lead: {}, csv: {}, cards: &S{n}_CARDS }}",
                text(&t.title),
                section_static(&t.source),
                fact_static(&t.lead),
                lit(&t.csv)
            )
        }));
        let chart = some(self.chart.as_ref().map(|c| {
            for (i, points) in self.series.iter().enumerate() {
                let rows: Vec<String> = points
                    .iter()
                    .map(|(y, m, d, v)| {
                        let day = some(d.map(|d| d.to_string()));
                        format!("SeriesPoint {{ date: SeriesDate {{ year: {y}, month: {m}, day: {day} }}, value: {v:?} }}")
                    })
                    .collect();
                static_array(&mut out, &format!("S{n}_SERIES_{i}"), "SeriesPoint", &rows);
            }
            let metrics: Vec<String> = c
                .metrics
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    format!(
                        "Metric {{ id: {}, label: {}, total: {}, series: &S{n}_SERIES_{i} }}",
                        lit(&m.id),
                        text(&m.label),
                        fact_static(&m.total)
                    )
                })
                .collect();
            static_array(&mut out, &format!("S{n}_METRICS"), "Metric", &metrics);
            let derived: Vec<String> = c.derived.iter().map(|d| fact_static(d)).collect();
            format!(
                "Chart {{ title: {}, source: {}, csv: {}, start: {}, metrics: &S{n}_METRICS, derived: &[{}] }}",
                text(&c.title),
                section_static(&c.source),
                lit(&c.csv),
                opt_text(&c.start),
                derived.join(", ")
            )
        }));
        let map = some(
            self.map
                .as_ref()
                .map(|m| m.rust(n, &mut out, &fact_static, &section_static)),
        );
        let _ = writeln!(
            out,
            "static STORY_{n}: Story = Story {{ id: {}, title: {}, source: Text {{ zh: {}, en: {} }}, published: {}, units: &S{n}_UNITS, sections: &S{n}_SECTIONS, facts: &S{n}_FACTS, tally: {tally}, chart: {chart}, map: {map} }};",
            lit(&self.id),
            text(&s.title),
            lit(&s.source.zh),
            lit(&s.source.en),
            when_expr(&s.source.date).unwrap_or_else(|_| "When::Year(1970)".into()),
        );
        out
    }
}

//! Loading one story folder: parse each file (serde, with the field path and line of any
//! mistake), check references between files, recompute derived figures, and write Rust.

use crate::config::json::{parse_located, path_text, Located};
use crate::data::{self, ChartDef, Checked, Part, Point, StoryDef};
use crate::files::Text;
use crate::when::when_expr;
use serde::de::DeserializeOwned;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// A validated story, ready to be written as Rust.
pub struct Loaded {
    pub id: String,
    pub files: Vec<PathBuf>,
    checked: Checked,
    map: Option<crate::map::LoadedMap>,
    /// Absolute paths of `article.zh.md` and `article.en.md`, when present.
    pub articles: [Option<PathBuf>; 2],
}

/// A file of the folder, for messages: its path (relative to the workspace) and text.
pub struct Source {
    pub shown: String,
    pub text: String,
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

/// `allowed: a, b, c` ([`data::allowed`]) of owned names.
pub fn allowed(list: impl Iterator<Item = String>) -> String {
    let v: Vec<String> = list.collect();
    data::allowed(v.iter().map(String::as_str))
}

/// `id` is an id (letters, digits, - _ .) not used by the items before it.
pub fn unique_id(src: &Source, field: &str, id: &str, before: &[&str]) -> Result<(), String> {
    if data::is_id(id) && !before.contains(&id) {
        return Ok(());
    }
    Err(src.error(field, id, "a unique id of letters, digits, - _ ."))
}

/// A story file read as JSON (with where each value starts), or why not.
fn read_json<'a>(src: &'a Source) -> Result<Located<'a>, String> {
    parse_located(&src.text).map_err(|e| {
        let field = path_text(&e.path);
        let field = if field.is_empty() {
            "(top level)".into()
        } else {
            field
        };
        format!(
            "{}:{}:{}: {field}: not valid JSON ({:?})",
            src.shown, e.line, e.column, e.kind
        )
    })
}

pub fn load(dir: &Path, root: &Path) -> Result<Loaded, String> {
    let need = |name: &str| -> Result<Source, String> {
        Source::read(dir, name, root)?
            .ok_or_else(|| format!("{}: a story folder needs {name}", dir.display()))
    };
    let story_src = need("story.json")?;
    let facts_src = need("facts.json")?;
    let tally_src = Source::read(dir, "tally.json", root)?;
    let chart_src = Source::read(dir, "chart.json", root)?;
    let series_src = Source::read(dir, "series.csv", root)?;
    let show = |e: Box<data::DataError>| e.to_string();

    // The same decoder and validator as an editor's bundle at run time (`src/data.rs`).
    let story_doc = read_json(&story_src)?;
    let facts_doc = read_json(&facts_src)?;
    let tally_doc = tally_src.as_ref().map(read_json).transpose()?;
    let chart_doc = chart_src.as_ref().map(read_json).transpose()?;
    let story_part = Part::new(&story_src.shown, &story_doc, &[]);
    let facts_part = Part::new(&facts_src.shown, &facts_doc, &[]);
    let tally_part = tally_src
        .as_ref()
        .zip(tally_doc.as_ref())
        .map(|(s, d)| Part::new(&s.shown, d, &[]));
    let chart_part = chart_src
        .as_ref()
        .zip(chart_doc.as_ref())
        .map(|(s, d)| Part::new(&s.shown, d, &[]));
    let story = data::decode_story(&story_part, &[]).map_err(show)?;
    let facts = data::decode_facts(&facts_part, true).map_err(show)?;
    let tally = tally_part
        .as_ref()
        .map(|p| data::decode_tally(p).map(|t| (p, t)))
        .transpose()
        .map_err(show)?;
    let chart = chart_part
        .as_ref()
        .map(|p| data::decode_chart(p, false).map(|(c, _)| (p, c)))
        .transpose()
        .map_err(show)?;
    let series = match (&chart, &series_src) {
        (Some((_, c)), Some(csv)) => read_series(csv, c)?,
        (None, Some(csv)) => {
            return Err(format!(
                "{}: series.csv needs a chart.json beside it",
                csv.shown
            ))
        }
        _ => Vec::new(),
    };
    let checked = data::check(data::Input {
        story: (&story_part, story),
        facts: (&facts_part, facts),
        tally,
        chart,
        series,
    })
    .map_err(show)?;

    let fact_ids: Vec<&str> = checked.facts.iter().map(|f| f.def.id.as_str()).collect();
    let map = crate::map::load(dir, root, &checked.story, &fact_ids)?;
    let article = |lang: &str| {
        let p = dir.join(format!("article.{lang}.md"));
        p.is_file().then(|| p.canonicalize().unwrap_or(p))
    };
    let articles = [article("zh"), article("en")];
    let mut files = vec![dir.join("story.json"), dir.join("facts.json")];
    files.extend(articles.iter().flatten().cloned());
    for (name, present) in [
        ("tally.json", tally_src.is_some()),
        ("chart.json", chart_src.is_some()),
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
        id: checked.story.id.clone(),
        files,
        checked,
        map,
        articles,
    })
}

/// `id` names a section of story.json.
pub fn section_ref(src: &Source, story: &StoryDef, field: &str, id: &str) -> Result<(), String> {
    if story.sections.iter().any(|s| s.id == id) {
        return Ok(());
    }
    let sections = allowed(story.sections.iter().map(|s| s.id.clone()));
    Err(src.error(field, id, &format!("unknown section \"{id}\" ({sections})")))
}

/// `series.csv`: a header `metric,date,value`, then one reported point a line, each checked
/// by the validator's [`data::check_point`] (as a bundle's inline points are).
fn read_series(src: &Source, chart: &ChartDef) -> Result<Vec<Vec<Point>>, String> {
    let mut series: Vec<Vec<Point>> = vec![Vec::new(); chart.metrics.len()];
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
        let v: f64 = value
            .parse()
            .map_err(|_| at(&format!("value: \"{value}\" is not a number")))?;
        let list = series.get_mut(m).ok_or_else(|| at("metric"))?;
        let point = data::check_point(list.last(), date, v)
            .map_err(|(field, what)| at(&format!("{field}: {what}")))?;
        list.push(point);
    }
    Ok(series)
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

pub fn lit(s: &str) -> String {
    format!("{s:?}")
}

/// Whether the crate is built with the language's text (feature `zh` or `en`).
fn compiled(feature: &str) -> bool {
    std::env::var_os(format!("CARGO_FEATURE_{feature}")).is_some()
}

/// A Chinese text as a literal, or `""` in a build without Chinese: `Lang::pick` never reads
/// it there, and the text stays out of the binary.
pub fn zh_lit(s: &str) -> String {
    lit(if compiled("ZH") { s } else { "" })
}

/// An English text as a literal, or `""` in a build without English (see [`zh_lit`]).
pub fn en_lit(s: &str) -> String {
    lit(if compiled("EN") { s } else { "" })
}

/// zh and en text, of a folder's files ([`data::Text`]) or of `map.json` (serde's [`Text`]).
pub trait ZhEn {
    fn zh_en(&self) -> (&str, &str);
}

impl ZhEn for Text {
    fn zh_en(&self) -> (&str, &str) {
        (&self.zh, &self.en)
    }
}

impl ZhEn for data::Text {
    fn zh_en(&self) -> (&str, &str) {
        (&self.zh, &self.en)
    }
}

pub fn text(t: &impl ZhEn) -> String {
    let (zh, en) = t.zh_en();
    format!("Text {{ zh: {}, en: {} }}", zh_lit(zh), en_lit(en))
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

pub fn opt_text<T: ZhEn>(t: &Option<T>) -> String {
    some(t.as_ref().map(text))
}

impl Loaded {
    /// The story as Rust statics named `STORY_<n>` and `S<n>_*`.
    pub fn rust(&self, n: usize) -> String {
        let c = &self.checked;
        let s = &c.story;
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
                    zh_lit(&u.zh),
                    en_lit(one),
                    en_lit(many),
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
        let facts: Vec<String> = c
            .facts
            .iter()
            .map(|f| {
                let derived = some(f.def.derived.as_ref().map(|d| {
                    format!(
                        "Derivation {{ formula_zh: {}, formula_en: {}, inputs: &[{}] }}",
                        zh_lit(&d.zh),
                        en_lit(&d.en),
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
                    qualifier_expr(f.qualifier),
                    date_expr(&f.date),
                    f.section,
                    zh_lit(&f.def.label.zh),
                    en_lit(&f.def.label.en),
                    lit(f.def.source.as_deref().unwrap_or("")),
                    derived
                )
            })
            .collect();
        static_array(&mut out, &format!("S{n}_FACTS"), "Fact", &facts);
        let fact_static = |id: &str| format!("&S{n}_FACTS[{}]", c.fact_index(id));
        let section_static = |id: &str| format!("&S{n}_SECTIONS[{}]", c.section_index(id));
        let tally = some(c.tally.as_ref().map(|t| {
            let cards: Vec<String> = t
                .cards
                .iter()
                .map(|card| {
                    format!(
                        "Card {{ section: {}, title: {}, heart: {}, headline: {}, about: {} }}",
                        section_static(&card.section),
                        text(&card.title),
                        opt_text(&card.heart),
                        some(card.headline.as_deref().map(fact_static)),
                        opt_text(&card.about),
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
        let chart = some(c.chart.as_ref().map(|chart| {
            for (i, points) in c.series.iter().enumerate() {
                let rows: Vec<String> = points
                    .iter()
                    .map(|p| {
                        let day = some(p.day.map(|d| d.to_string()));
                        let (y, m, v) = (p.year, p.month, p.value);
                        format!("SeriesPoint {{ date: SeriesDate {{ year: {y}, month: {m}, day: {day} }}, value: {v:?} }}")
                    })
                    .collect();
                static_array(&mut out, &format!("S{n}_SERIES_{i}"), "SeriesPoint", &rows);
            }
            let metrics: Vec<String> = chart
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
            let derived: Vec<String> = chart.derived.iter().map(|d| fact_static(d)).collect();
            format!(
                "Chart {{ title: {}, source: {}, csv: {}, start: {}, metrics: &S{n}_METRICS, derived: &[{}] }}",
                text(&chart.title),
                section_static(&chart.source),
                lit(&chart.csv),
                opt_text(&chart.start),
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
            zh_lit(&s.source.zh),
            en_lit(&s.source.en),
            when_expr(&s.source.date).unwrap_or_else(|_| "When::Year(1970)".into()),
        );
        out
    }
}

//! JSON values to story definitions, field by field: unknown fields, missing fields and wrong
//! types are refused with the file, line and field path, like every check of the validator.

use super::check::{check_point, Point};
use super::{
    allowed, CardDef, ChartDef, DataError, DerivedDef, FactDef, MetricDef, SectionDef, SourceDef,
    StoryDef, TallyDef, Text, UnitDef,
};
use crate::config::json::{Json, Located, Step};

/// One JSON file being read, and where in it a story's part starts (`tally` in a bundle;
/// nothing in a folder's `tally.json`).
pub struct Part<'a> {
    pub file: &'a str,
    pub doc: &'a Located<'a>,
    pub prefix: Vec<Step>,
}

impl<'a> Part<'a> {
    pub fn new(file: &'a str, doc: &'a Located<'a>, prefix: &[Step]) -> Part<'a> {
        Part {
            file,
            doc,
            prefix: prefix.to_vec(),
        }
    }

    /// The error of the field at `path` (from the part's start).
    pub fn err(&self, path: &[Step], what: impl Into<String>) -> Box<DataError> {
        let full: Vec<Step> = self.prefix.iter().chain(path).cloned().collect();
        Box::new(DataError::new(self.file, self.doc.line(&full), &full, what))
    }

    /// The part's value, if the file has it.
    fn root(&self) -> Option<At<'_>> {
        let mut value = &self.doc.value;
        for step in &self.prefix {
            value = match (value, step) {
                (Json::Obj(members), Step::Key(k)) => {
                    members.iter().find(|(m, _)| m == k).map(|(_, v)| v)?
                }
                (Json::Arr(items), Step::Index(i)) => items.get(*i)?,
                _ => return None,
            };
        }
        Some(At {
            part: self,
            value,
            up: None,
        })
    }

    fn start(&self) -> Result<At<'_>, Box<DataError>> {
        self.root().ok_or_else(|| self.err(&[], "missing"))
    }
}

/// How a value is reached from the one holding it.
#[derive(Clone, Copy)]
enum Key<'p> {
    Name(&'p str),
    Index(usize),
}

/// A value being decoded, and the way to it from the part's start (a chain of borrows: a path
/// is only written out for an error).
#[derive(Clone, Copy)]
struct At<'p> {
    part: &'p Part<'p>,
    value: &'p Json,
    up: Option<(&'p At<'p>, Key<'p>)>,
}

impl<'p> At<'p> {
    fn child<'c>(&'c self, key: Key<'c>, value: &'c Json) -> At<'c> {
        At {
            part: self.part,
            value,
            up: Some((self, key)),
        }
    }

    /// The path from the part's start, with `last` after it when given.
    fn path(&self, last: Option<Key<'_>>) -> Vec<Step> {
        let mut steps: Vec<Step> = last.iter().map(|k| k.step()).collect();
        let mut at = self;
        while let Some((parent, key)) = &at.up {
            steps.push(key.step());
            at = parent;
        }
        steps.reverse();
        steps
    }

    fn err(&self, what: impl Into<String>) -> Box<DataError> {
        self.part.err(&self.path(None), what)
    }

    fn wrong(&self, expected: &str) -> Box<DataError> {
        self.err(["expected ", expected, ", found ", &self.value.brief()].concat())
    }

    /// The object's members, none of them outside `known` (`$schema` and `why`, notes for
    /// editors' tools and readers of the file, are always allowed).
    fn object(&self, known: &[&str]) -> Result<(), Box<DataError>> {
        let Json::Obj(members) = self.value else {
            return Err(self.wrong("an object"));
        };
        for (key, _) in members {
            let key = key.as_str();
            if !known.contains(&key) && key != "$schema" && key != "why" {
                let path = self.path(Some(Key::Name(key)));
                let what = ["unknown field (", &allowed(known.iter().copied()), ")"].concat();
                return Err(self.part.err(&path, what));
            }
        }
        Ok(())
    }

    fn get<'c>(&'c self, key: &'c str) -> Option<At<'c>> {
        let Json::Obj(members) = self.value else {
            return None;
        };
        let value = members.iter().find(|(k, _)| k == key).map(|(_, v)| v)?;
        Some(self.child(Key::Name(key), value))
    }

    fn req<'c>(&'c self, key: &'c str) -> Result<At<'c>, Box<DataError>> {
        self.get(key).ok_or_else(|| {
            let path = self.path(Some(Key::Name(key)));
            self.part.err(&path, "missing (required)")
        })
    }

    fn string(&self) -> Result<String, Box<DataError>> {
        match self.value {
            Json::Str(s) => Ok(s.clone()),
            _ => Err(self.wrong("a string")),
        }
    }

    fn number(&self) -> Result<f64, Box<DataError>> {
        match self.value {
            Json::Num(n) => Ok(*n),
            _ => Err(self.wrong("a number")),
        }
    }

    fn boolean(&self) -> Result<bool, Box<DataError>> {
        match self.value {
            Json::Bool(b) => Ok(*b),
            _ => Err(self.wrong("true or false")),
        }
    }

    fn text(&self) -> Result<Text, Box<DataError>> {
        self.object(&["zh", "en"])?;
        Ok(Text {
            zh: self.req_string("zh")?,
            en: self.req_string("en")?,
        })
    }

    /// Each item of the array, decoded by `item`.
    fn list<T>(
        &self,
        mut item: impl FnMut(&At<'_>) -> Result<T, Box<DataError>>,
    ) -> Result<Vec<T>, Box<DataError>> {
        let Json::Arr(items) = self.value else {
            return Err(self.wrong("an array"));
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, value) in items.iter().enumerate() {
            out.push(item(&self.child(Key::Index(i), value))?);
        }
        Ok(out)
    }

    fn req_string(&self, key: &str) -> Result<String, Box<DataError>> {
        self.req(key)?.string()
    }

    fn opt_string(&self, key: &str) -> Result<Option<String>, Box<DataError>> {
        self.get(key).map(|v| v.string()).transpose()
    }

    fn opt_text(&self, key: &str) -> Result<Option<Text>, Box<DataError>> {
        self.get(key).map(|v| v.text()).transpose()
    }
}

impl Key<'_> {
    fn step(&self) -> Step {
        match self {
            Key::Name(k) => Step::from(*k),
            Key::Index(i) => Step::Index(*i),
        }
    }
}

/// The fields of `story.json`, which a bundle has at its top level too.
const STORY_FIELDS: [&str; 5] = ["id", "title", "source", "units", "sections"];

/// `story.json` (`extra`: the other fields its file may have, a bundle's parts).
pub fn decode_story(part: &Part<'_>, extra: &[&str]) -> Result<StoryDef, Box<DataError>> {
    let at = part.start()?;
    let known: Vec<&str> = STORY_FIELDS.iter().chain(extra).copied().collect();
    at.object(&known)?;
    let source = at.req("source")?;
    source.object(&["zh", "en", "date"])?;
    let units = at.req("units")?.list(|u| {
        u.object(&["id", "zh", "en", "count"])?;
        let en = u.req("en")?;
        let forms = en.list(|s| s.string())?;
        let [one, many] = <[String; 2]>::try_from(forms)
            .map_err(|_| en.err("expected [singular, plural], two strings"))?;
        let count = u.get("count").map(|c| c.boolean()).transpose()?;
        Ok(UnitDef {
            id: u.req_string("id")?,
            zh: u.req_string("zh")?,
            en: [one, many],
            count: count.unwrap_or(true),
        })
    })?;
    let sections = at.req("sections")?.list(|s| {
        s.object(&["id", "heading"])?;
        Ok(SectionDef {
            id: s.req_string("id")?,
            heading: s.req("heading")?.text()?,
        })
    })?;
    Ok(StoryDef {
        id: at.req_string("id")?,
        title: at.req("title")?.text()?,
        source: SourceDef {
            zh: source.req_string("zh")?,
            en: source.req_string("en")?,
            date: source.req_string("date")?,
        },
        units,
        sections,
    })
}

/// The `facts` list of `facts.json` (`only`: the file holds nothing else) or of a bundle.
pub fn decode_facts(part: &Part<'_>, only: bool) -> Result<Vec<FactDef>, Box<DataError>> {
    let at = part.start()?;
    if only {
        at.object(&["facts"])?;
    }
    at.req("facts")?.list(|f| {
        f.object(&[
            "id",
            "value",
            "unit",
            "qualifier",
            "date",
            "section",
            "label",
            "source",
            "derived",
        ])?;
        let derived = f
            .get("derived")
            .map(|d| -> Result<DerivedDef, Box<DataError>> {
                d.object(&["formula", "zh", "en"])?;
                Ok(DerivedDef {
                    formula: d.req_string("formula")?,
                    zh: d.req_string("zh")?,
                    en: d.req_string("en")?,
                })
            })
            .transpose()?;
        Ok(FactDef {
            id: f.req_string("id")?,
            value: f.req("value")?.number()?,
            unit: f.req_string("unit")?,
            qualifier: f.opt_string("qualifier")?,
            date: f.opt_string("date")?,
            section: f.req_string("section")?,
            label: f.req("label")?.text()?,
            source: f.opt_string("source")?,
            derived,
        })
    })
}

/// `tally.json`, or a bundle's `tally`.
pub fn decode_tally(part: &Part<'_>) -> Result<TallyDef, Box<DataError>> {
    let at = part.start()?;
    at.object(&["title", "source", "lead", "csv", "cards"])?;
    let cards = at.req("cards")?.list(|c| {
        c.object(&["section", "title", "heart", "headline", "about"])?;
        Ok(CardDef {
            section: c.req_string("section")?,
            title: c.req("title")?.text()?,
            heart: c.opt_text("heart")?,
            headline: c.opt_string("headline")?,
            about: c.opt_text("about")?,
        })
    })?;
    Ok(TallyDef {
        title: at.req("title")?.text()?,
        source: at.req_string("source")?,
        lead: at.req_string("lead")?,
        csv: at.req_string("csv")?,
        cards,
    })
}

/// `chart.json`, or a bundle's `chart` with each metric's reported points inline
/// (`"points": [{"date": "2020-01", "value": 310}, …]`, checked by [`check_point`]).
pub fn decode_chart(
    part: &Part<'_>,
    inline_points: bool,
) -> Result<(ChartDef, Vec<Vec<Point>>), Box<DataError>> {
    let at = part.start()?;
    at.object(&["title", "source", "csv", "start", "metrics", "derived"])?;
    let metric_fields: &[&str] = if inline_points {
        &["id", "label", "total", "points"]
    } else {
        &["id", "label", "total"]
    };
    let mut series = Vec::new();
    let metrics = at.req("metrics")?.list(|m| {
        m.object(metric_fields)?;
        let mut points: Vec<Point> = Vec::new();
        if let Some(list) = m.get("points") {
            list.list(|p| {
                p.object(&["date", "value"])?;
                let date = p.req("date")?;
                let value = p.req("value")?;
                let point = check_point(points.last(), &date.string()?, value.number()?).map_err(
                    |(field, what)| match field {
                        "value" => value.err(what),
                        _ => date.err(what),
                    },
                )?;
                points.push(point);
                Ok(())
            })?;
        }
        series.push(points);
        Ok(MetricDef {
            id: m.req_string("id")?,
            label: m.req("label")?.text()?,
            total: m.req_string("total")?,
        })
    })?;
    let derived = match at.get("derived") {
        Some(list) => list.list(|s| s.string())?,
        None => Vec::new(),
    };
    let chart = ChartDef {
        title: at.req("title")?.text()?,
        source: at.req_string("source")?,
        csv: at.req_string("csv")?,
        start: at.opt_text("start")?,
        metrics,
        derived,
    };
    Ok((chart, series))
}

/// A story bundle: one file with the story's fields at its top level, its `facts`, and
/// optionally its `tally` and `chart` (with the series points inline). Decoded and checked
/// by the same functions as a story folder.
pub fn decode_bundle(file: &str, doc: &Located<'_>) -> Result<super::Checked, Box<DataError>> {
    let root = Part::new(file, doc, &[]);
    let story = decode_story(&root, &["facts", "tally", "chart"])?;
    let facts = decode_facts(&root, false)?;
    let has = |key: &str| matches!(&doc.value, Json::Obj(m) if m.iter().any(|(k, _)| k == key));
    let tally_part = Part::new(file, doc, &[Step::from("tally")]);
    let chart_part = Part::new(file, doc, &[Step::from("chart")]);
    let tally = if has("tally") {
        Some(decode_tally(&tally_part)?)
    } else {
        None
    };
    let (chart, series) = if has("chart") {
        let (c, s) = decode_chart(&chart_part, true)?;
        (Some(c), s)
    } else {
        (None, Vec::new())
    };
    super::check(super::check::Input {
        story: (&root, story),
        facts: (&root, facts),
        tally: tally.map(|t| (&tally_part, t)),
        chart: chart.map(|c| (&chart_part, c)),
        series,
    })
}

//! The validator: references between the parts of a story (units, sections, facts, metrics),
//! ids, dates and qualifiers, and derived figures recomputed from their inputs. Run on every
//! story folder at build time and on every editor's bundle at run time.

use super::decode::Part;
use super::{allowed, is_id, steps, ChartDef, DataError, FactDef, StoryDef, TallyDef};
use crate::config::json::{brief_number, Step};
use crate::facts::iso::{parse_iso, IsoWhen, ISO_FORMS};

/// The qualifiers a stated figure may have.
pub const QUALIFIERS: [&str; 7] = [
    "exact",
    "more-than:余",
    "more-than:多",
    "over",
    "nearly",
    "about",
    "at-least",
];

/// A reported point of a series: a month or a day, and its value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub year: u16,
    pub month: u8,
    pub day: Option<u8>,
    pub value: f64,
}

/// A fact after validation: unit and section resolved, qualifier and date settled (a derived
/// figure's from its inputs), value checked against its formula.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedFact {
    pub def: FactDef,
    /// Index into the story's units.
    pub unit: usize,
    /// Index into the story's sections.
    pub section: usize,
    pub qualifier: &'static str,
    pub date: Option<String>,
    /// A derived figure's input fact ids.
    pub inputs: Vec<String>,
}

/// A valid story.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    pub story: StoryDef,
    pub facts: Vec<CheckedFact>,
    pub tally: Option<TallyDef>,
    pub chart: Option<ChartDef>,
    /// Reported points per metric of the chart, in its order.
    pub series: Vec<Vec<Point>>,
}

impl Checked {
    /// Index of the fact `id` (the validator made sure every reference names one).
    pub fn fact_index(&self, id: &str) -> usize {
        self.facts.iter().position(|f| f.def.id == id).unwrap_or(0)
    }

    /// Index of the section `id`.
    pub fn section_index(&self, id: &str) -> usize {
        self.story
            .sections
            .iter()
            .position(|s| s.id == id)
            .unwrap_or(0)
    }
}

/// A story's parts as decoded, each with the file part it came from (for messages).
pub struct Input<'a> {
    pub story: (&'a Part<'a>, StoryDef),
    pub facts: (&'a Part<'a>, Vec<FactDef>),
    pub tally: Option<(&'a Part<'a>, TallyDef)>,
    pub chart: Option<(&'a Part<'a>, ChartDef)>,
    /// Reported points per metric (fewer lists than metrics: the rest have none).
    pub series: Vec<Vec<Point>>,
}

/// A date in one of the forms of `facts/iso.rs`.
pub fn check_date(s: &str) -> Result<IsoWhen, String> {
    parse_iso(s).ok_or_else(|| ["\"", s, "\" is not a date; allowed forms: ", ISO_FORMS].concat())
}

/// One reported point after `prev` (the same metric's): a month or a day, after the previous
/// one and of its precision, with a value of 0 or more. On error, which field (`date` or
/// `value`) and what is wrong.
pub fn check_point(
    prev: Option<&Point>,
    date: &str,
    value: f64,
) -> Result<Point, (&'static str, String)> {
    let (year, month, day) = match parse_iso(date) {
        Some(IsoWhen::Month(y, m)) => (y, m, None),
        Some(IsoWhen::Day(y, m, d)) => (y, m, Some(d)),
        _ => {
            let what = ["\"", date, "\" is not YYYY-MM or YYYY-MM-DD"].concat();
            return Err(("date", what));
        }
    };
    if !value.is_finite() || value < 0.0 {
        let what = [&brief_number(value), " must be a number, 0 or more"].concat();
        return Err(("value", what));
    }
    if let Some(p) = prev {
        if p.day.is_some() != day.is_some() {
            let what = "one metric's dates must all be months or all be days";
            return Err(("date", what.into()));
        }
        if (p.year, p.month, p.day) >= (year, month, day) {
            let what = [date, " is not after the metric's previous point"].concat();
            return Err(("date", what));
        }
    }
    Ok(Point {
        year,
        month,
        day,
        value,
    })
}

const ID_FORM: &str = "use letters, digits, - _ .";

/// The whole story: every check, in file order; the first mistake is the error.
pub fn check(input: Input<'_>) -> Result<Checked, Box<DataError>> {
    let (sp, story) = input.story;
    let (fp, fact_defs) = input.facts;
    if !is_id(&story.id) {
        return Err(sp.err(steps!["id"], ID_FORM));
    }
    check_date(&story.source.date).map_err(|e| sp.err(steps!["source", "date"], e))?;
    for (i, u) in story.units.iter().enumerate() {
        if !is_id(&u.id) {
            return Err(sp.err(steps!["units", i, "id"], ID_FORM));
        }
        if story.units.iter().take(i).any(|o| o.id == u.id) {
            return Err(sp.err(steps!["units", i, "id"], "used twice"));
        }
    }
    for (i, s) in story.sections.iter().enumerate() {
        if !is_id(&s.id) {
            return Err(sp.err(steps!["sections", i, "id"], ID_FORM));
        }
        if story.sections.iter().take(i).any(|o| o.id == s.id) {
            return Err(sp.err(steps!["sections", i, "id"], "used twice"));
        }
    }
    let units = || allowed(story.units.iter().map(|u| u.id.as_str()));
    let sections = || allowed(story.sections.iter().map(|s| s.id.as_str()));
    let qualifiers = || allowed(QUALIFIERS.iter().copied());

    let mut facts: Vec<CheckedFact> = Vec::new();
    for (i, def) in fact_defs.into_iter().enumerate() {
        let err = |field: &str, what: String| fp.err(steps!["facts", i, field], what);
        if !is_id(&def.id) {
            return Err(err("id", ID_FORM.into()));
        }
        if facts.iter().any(|f| f.def.id == def.id) {
            return Err(err("id", "used twice".into()));
        }
        let unit = story
            .units
            .iter()
            .position(|u| u.id == def.unit)
            .ok_or_else(|| {
                err(
                    "unit",
                    format!("unknown unit \"{}\" ({})", def.unit, units()),
                )
            })?;
        let section = story
            .sections
            .iter()
            .position(|s| s.id == def.section)
            .ok_or_else(|| {
                let what = format!("unknown section \"{}\" ({})", def.section, sections());
                err("section", what)
            })?;
        if !def.value.is_finite() || def.value < 0.0 {
            return Err(err("value", "must be a number, 0 or more".into()));
        }
        if let Some(d) = &def.date {
            check_date(d).map_err(|e| err("date", e))?;
        }
        let (qualifier, date, inputs) = match &def.derived {
            None => {
                let given = def
                    .qualifier
                    .as_deref()
                    .ok_or_else(|| err("qualifier", format!("missing ({})", qualifiers())))?;
                let q = QUALIFIERS
                    .iter()
                    .copied()
                    .find(|q| *q == given)
                    .ok_or_else(|| {
                        let what = format!("unknown qualifier \"{given}\" ({})", qualifiers());
                        err("qualifier", what)
                    })?;
                if def.source.as_deref().is_none_or(str::is_empty) {
                    return Err(err("source", "a stated figure quotes the source's own wording (a few characters around the number)".into()));
                }
                (q, def.date.clone(), Vec::new())
            }
            Some(d) => {
                let formula_err =
                    |what: String| fp.err(steps!["facts", i, "derived", "formula"], what);
                if def.source.is_some() {
                    let what = "a derived figure has no source wording; its inputs do";
                    return Err(err("source", what.into()));
                }
                let (a, op, b) = formula(&d.formula)
                    .ok_or_else(|| formula_err("write <fact id> / <fact id> (or * + -)".into()))?;
                let find = |id: &str| {
                    facts.iter().find(|f| f.def.id == id).ok_or_else(|| {
                        formula_err(format!(
                            "\"{id}\" is not a stated fact listed above this one"
                        ))
                    })
                };
                let (fa, fb) = (find(a)?, find(b)?);
                if fa.def.derived.is_some() || fb.def.derived.is_some() {
                    return Err(formula_err("inputs must be stated figures".into()));
                }
                let (x, y) = (fa.def.value, fb.def.value);
                let value = match op {
                    '/' => x / y,
                    '*' => x * y,
                    '+' => x + y,
                    _ => x - y,
                };
                let close = (value - def.value).abs() <= 1e-9 * value.abs().max(1.0);
                if !value.is_finite() || !close {
                    let what = format!(
                        "the formula gives {}, the file says {}",
                        brief_number(value),
                        brief_number(def.value)
                    );
                    return Err(err("value", what));
                }
                let all_exact = fa.qualifier == "exact" && fb.qualifier == "exact";
                let q = if all_exact { "exact" } else { "about" };
                if def.qualifier.as_deref().is_some_and(|given| given != q) {
                    let what = format!("a figure derived from these inputs is \"{q}\"");
                    return Err(err("qualifier", what));
                }
                let date = def.date.clone().or_else(|| fa.date.clone());
                (q, date, vec![a.to_owned(), b.to_owned()])
            }
        };
        facts.push(CheckedFact {
            def,
            unit,
            section,
            qualifier,
            date,
            inputs,
        });
    }
    let fact_named = |id: &str| facts.iter().find(|f| f.def.id == id);
    let no_fact = |id: &str| format!("no fact \"{id}\" in the story's facts");
    let section_ref = |part: &Part<'_>, field: &[Step], id: &str| {
        if story.sections.iter().any(|s| s.id == id) {
            return Ok(());
        }
        Err(part.err(field, format!("unknown section \"{id}\" ({})", sections())))
    };

    if let Some((tp, t)) = &input.tally {
        section_ref(tp, steps!["source"], &t.source)?;
        if fact_named(&t.lead).is_none() {
            return Err(tp.err(steps!["lead"], no_fact(&t.lead)));
        }
        csv_file(tp, &t.csv)?;
        if t.cards.is_empty() {
            return Err(tp.err(steps!["cards"], "needs at least one card"));
        }
        for (i, c) in t.cards.iter().enumerate() {
            section_ref(tp, steps!["cards", i, "section"], &c.section)?;
            if t.cards.iter().take(i).any(|o| o.section == c.section) {
                return Err(tp.err(steps!["cards", i, "section"], "two cards for one section"));
            }
            if let Some(h) = &c.headline {
                let field = steps!["cards", i, "headline"];
                let f = fact_named(h).ok_or_else(|| tp.err(field, no_fact(h)))?;
                if f.def.section != c.section {
                    let what = format!(
                        "the headline must be a figure of the card's section \"{}\"",
                        c.section
                    );
                    return Err(tp.err(field, what));
                }
            }
            let has_figures = facts.iter().any(|f| f.def.section == c.section);
            if !has_figures && c.about.is_none() {
                let what = "a card whose section has no figure needs \"about\"";
                return Err(tp.err(steps!["cards", i], what));
            }
        }
    }

    let mut series = input.series;
    if let Some((cp, c)) = &input.chart {
        section_ref(cp, steps!["source"], &c.source)?;
        csv_file(cp, &c.csv)?;
        if c.metrics.is_empty() {
            return Err(cp.err(steps!["metrics"], "needs at least one metric"));
        }
        for (i, m) in c.metrics.iter().enumerate() {
            let before = c.metrics.iter().take(i);
            if !is_id(&m.id) || before.clone().any(|o| o.id == m.id) {
                let what = "a unique id of letters, digits, - _ .";
                return Err(cp.err(steps!["metrics", i, "id"], what));
            }
            if fact_named(&m.total).is_none() {
                return Err(cp.err(steps!["metrics", i, "total"], no_fact(&m.total)));
            }
        }
        for (i, id) in c.derived.iter().enumerate() {
            match fact_named(id) {
                Some(f) if f.def.derived.is_some() => {}
                Some(_) => {
                    let what = "not a derived fact (it has no \"derived\" formula)";
                    return Err(cp.err(steps!["derived", i], what));
                }
                None => return Err(cp.err(steps!["derived", i], no_fact(id))),
            }
        }
        series.resize(c.metrics.len(), Vec::new());
    }
    Ok(Checked {
        story,
        facts,
        tally: input.tally.map(|(_, t)| t),
        chart: input.chart.map(|(_, c)| c),
        series,
    })
}

/// The `csv` field: a download's file name.
fn csv_file(part: &Part<'_>, name: &str) -> Result<(), Box<DataError>> {
    let ok = name.ends_with(".csv")
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'.'));
    if ok {
        return Ok(());
    }
    Err(part.err(
        steps!["csv"],
        "a file name of a-z, 0-9 and - ending in .csv",
    ))
}

/// `a / b` with two fact ids (also `*`, `+`, `-`).
fn formula(s: &str) -> Option<(&str, char, &str)> {
    let mut parts = s.split_whitespace();
    let (a, op, b) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || op.len() != 1 {
        return None;
    }
    let op = op
        .chars()
        .next()
        .filter(|c| matches!(c, '/' | '*' | '+' | '-'))?;
    Some((a, op, b))
}

//! An editor's story bundle (`data-src`) at run time: read with the crate's JSON reader,
//! checked by [`crate::data`] (the validator the build runs on story folders) and turned into
//! the same `&'static` model the build writes for its stories. The model is leaked on purpose:
//! a page reads each bundle once (`widgets`' file cache) and keeps it for its life, so the
//! widgets take it exactly as they take a built-in story.

use crate::config::json::parse_located;
use crate::config::ConfigError;
use crate::config::{SeriesDate, SeriesPoint};
use crate::data::{decode_bundle, Checked, DataError, Text};
use crate::facts::{MoreMark, Qualifier, When};
use crate::model::{self, Card, Chart, Derivation, Fact, Metric, Section, Story, Tally, Unit};

/// Why a bundle cannot be used: not JSON, or JSON that is not a valid story.
#[derive(Debug, Clone, PartialEq)]
pub enum BundleError {
    Json(ConfigError),
    Story(DataError),
}

/// Reads a bundle's text; `file` names it in messages (the last part of its address).
pub fn read_bundle(file: &str, text: &str) -> Result<&'static Story, BundleError> {
    let doc =
        parse_located(text).map_err(|e| BundleError::Json(ConfigError::broken_json(file, e)))?;
    let checked = decode_bundle(file, &doc).map_err(|e| BundleError::Story(*e))?;
    Ok(leak_story(checked))
}

fn leak<T>(items: Vec<T>) -> &'static [T] {
    Box::leak(items.into_boxed_slice())
}

fn leak_str(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

fn text(t: Text) -> model::Text {
    model::Text {
        zh: leak_str(t.zh),
        en: leak_str(t.en),
    }
}

fn qualifier(q: &str) -> Qualifier {
    match q {
        "more-than:余" => Qualifier::MoreThan(MoreMark::Yu),
        "more-than:多" => Qualifier::MoreThan(MoreMark::Duo),
        "over" => Qualifier::Over,
        "nearly" => Qualifier::Nearly,
        "about" => Qualifier::About,
        "at-least" => Qualifier::AtLeast,
        _ => Qualifier::Exact,
    }
}

/// `items[i]`, or the first item: the validator resolved every index, so the fallback is never
/// taken; it only keeps this free of panicking indexing. (Every list indexed here is non-empty
/// once valid: a fact has a unit and a section, a card or metric a fact.)
fn at<T>(items: &'static [T], i: usize) -> Option<&'static T> {
    items.get(i).or_else(|| items.first())
}

/// The checked story as the model's statics, leaked for the page's life.
fn leak_story(c: Checked) -> &'static Story {
    let Checked {
        story,
        facts,
        tally,
        chart,
        series,
    } = c;
    let units: &'static [Unit] = leak(
        story
            .units
            .into_iter()
            .map(|u| {
                let [one, many] = u.en;
                Unit {
                    id: leak_str(u.id),
                    zh: leak_str(u.zh),
                    en_one: leak_str(one),
                    en_many: leak_str(many),
                    count: u.count,
                }
            })
            .collect(),
    );
    let sections: &'static [Section] = leak(
        story
            .sections
            .into_iter()
            .map(|s| Section {
                id: leak_str(s.id),
                heading: text(s.heading),
            })
            .collect(),
    );
    let fact_ids: Vec<String> = facts.iter().map(|f| f.def.id.clone()).collect();
    let section_ids: Vec<&'static str> = sections.iter().map(|s| s.id).collect();
    let facts: &'static [Fact] = leak(
        facts
            .into_iter()
            .filter_map(|f| {
                Some(Fact {
                    id: leak_str(f.def.id),
                    value: f.def.value,
                    unit: at(units, f.unit)?,
                    qualifier: qualifier(f.qualifier),
                    date: f.date.as_deref().and_then(When::parse),
                    section: at(sections, f.section)?,
                    label_zh: leak_str(f.def.label.zh),
                    label_en: leak_str(f.def.label.en),
                    source_zh: leak_str(f.def.source.unwrap_or_default()),
                    derived: f.def.derived.map(|d| Derivation {
                        formula_zh: leak_str(d.zh),
                        formula_en: leak_str(d.en),
                        inputs: leak(f.inputs.into_iter().map(leak_str).collect()),
                    }),
                })
            })
            .collect(),
    );
    let fact = |id: &str| at(facts, fact_ids.iter().position(|f| f == id).unwrap_or(0));
    let section = |id: &str| {
        at(
            sections,
            section_ids.iter().position(|s| *s == id).unwrap_or(0),
        )
    };
    let tally = tally.and_then(|t| {
        let cards: Vec<Card> = t
            .cards
            .into_iter()
            .filter_map(|c| {
                Some(Card {
                    section: section(&c.section)?,
                    title: text(c.title),
                    heart: c.heart.map(text),
                    headline: c.headline.as_deref().and_then(fact),
                    about: c.about.map(text),
                })
            })
            .collect();
        Some(Tally {
            title: text(t.title),
            source: section(&t.source)?,
            lead: fact(&t.lead)?,
            csv: leak_str(t.csv),
            cards: leak(cards),
        })
    });
    let chart = chart.and_then(|c| {
        let metrics: Vec<Metric> = c
            .metrics
            .into_iter()
            .zip(series)
            .filter_map(|(m, points)| {
                let points: Vec<SeriesPoint> = points
                    .into_iter()
                    .map(|p| SeriesPoint {
                        date: SeriesDate {
                            year: p.year,
                            month: p.month,
                            day: p.day,
                        },
                        value: p.value,
                    })
                    .collect();
                Some(Metric {
                    id: leak_str(m.id),
                    label: text(m.label),
                    total: fact(&m.total)?,
                    series: leak(points),
                })
            })
            .collect();
        let derived: Vec<&'static Fact> = c.derived.iter().filter_map(|d| fact(d)).collect();
        Some(Chart {
            title: text(c.title),
            source: section(&c.source)?,
            csv: leak_str(c.csv),
            start: c.start.map(text),
            metrics: leak(metrics),
            derived: leak(derived),
        })
    });
    Box::leak(Box::new(Story {
        id: leak_str(story.id),
        title: text(story.title),
        source: model::Text {
            zh: leak_str(story.source.zh),
            en: leak_str(story.source.en),
        },
        published: When::parse(&story.source.date).unwrap_or(When::Year(1970)),
        units,
        sections,
        facts,
        tally,
        chart,
        map: None,
    }))
}

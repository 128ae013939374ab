//! What of a story's map depends on nothing the reader does: the path strings of every area
//! and border, the named points that get labels, and each story link's connector, all in grid
//! units. [`MapModel::new`] computes it from the decoded geometry; `widgets`' build script
//! calls it for every embedded story and writes the result as [`StaticMap`] statics (with
//! [`StaticMap::rust`]), so the WASM neither decodes geometry nor builds paths and connectors:
//! it keeps only what depends on the width, the language, the step and the selection.

use super::links::Link;
use super::{paths, view, FeaturePath, MapPaths};
use crate::geo::{GeoMap, PlaceRole, Point, Shape};
use std::fmt::Write as _;
use std::rc::Rc;

/// What a named point of the map is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKind {
    Town,
    /// A district's seat (drawn larger).
    Seat,
    /// A district's label point, with its administrative code.
    District(u32),
}

/// A named point of the map in grid units: a place dot or a district's label point.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub name_zh: Rc<str>,
    pub name_en: Rc<str>,
    pub at: Point,
    pub kind: MarkKind,
}

/// A story's map as far as it depends on neither width, language, step nor selection.
#[derive(Debug, Clone, PartialEq)]
pub struct MapModel {
    pub paths: Rc<MapPaths>,
    /// Places and district label points, in the geometry's feature order (the label placer's
    /// order of preference).
    pub marks: Vec<Mark>,
    /// Each link of the story's `map.json`, by index: its connector, `None` if the two
    /// districts share no border in the geometry.
    pub links: Vec<Option<Link>>,
}

impl MapModel {
    /// The model of `map` coloured and linked as `story_map` says.
    pub fn new(map: &GeoMap, story_map: &story::Map) -> MapModel {
        let marks = map
            .features
            .iter()
            .filter_map(|f| {
                let kind = match f.shape {
                    Shape::Place { role, at, .. } => (
                        if role == PlaceRole::DistrictSeat {
                            MarkKind::Seat
                        } else {
                            MarkKind::Town
                        },
                        at,
                    ),
                    Shape::District { code, label, .. } => (MarkKind::District(code), label),
                    _ => return None,
                };
                Some(Mark {
                    name_zh: f.name_zh.as_str().into(),
                    name_en: f.name_en.as_str().into(),
                    at: kind.1,
                    kind: kind.0,
                })
            })
            .collect();
        MapModel {
            paths: Rc::new(paths(map, story_map)),
            marks,
            links: story_map
                .links
                .iter()
                .map(|l| view::link_between(map, l))
                .collect(),
        }
    }
}

/// One area or line of [`MapPaths`] as a static.
#[derive(Debug)]
pub struct StaticPath {
    pub name_zh: &'static str,
    pub name_en: &'static str,
    pub code: u32,
    pub class: &'static str,
    pub d: &'static str,
}

/// A [`MapModel`] as statics, written by `widgets`' build script.
#[derive(Debug)]
pub struct StaticMap {
    pub width: u32,
    pub height: u32,
    /// Provinces, districts, lakes and borders, bottom to top.
    pub layers: [&'static [StaticPath]; 4],
    pub zone: &'static str,
    /// `(name_zh, name_en, at, kind)`, as [`Mark`].
    pub marks: &'static [(&'static str, &'static str, Point, MarkKind)],
    pub links: &'static [Option<Link>],
}

impl StaticMap {
    /// The model these statics hold (the strings are copied once, into the `Rc`s the drawing
    /// shares with its attributes).
    pub fn model(&self) -> MapModel {
        let layer = |items: &[StaticPath]| -> Vec<FeaturePath> {
            items
                .iter()
                .map(|p| FeaturePath {
                    name_zh: p.name_zh.into(),
                    name_en: p.name_en.into(),
                    code: p.code,
                    class: p.class,
                    d: p.d.into(),
                })
                .collect()
        };
        let [provinces, districts, lakes, borders] = self.layers.map(layer);
        MapModel {
            paths: Rc::new(MapPaths {
                width: self.width,
                height: self.height,
                provinces,
                districts,
                lakes,
                borders,
                zone: self.zone.into(),
            }),
            marks: self
                .marks
                .iter()
                .map(|&(zh, en, at, kind)| Mark {
                    name_zh: zh.into(),
                    name_en: en.into(),
                    at,
                    kind,
                })
                .collect(),
            links: self.links.to_vec(),
        }
    }

    /// `model` as a Rust expression of type `StaticMap` (the crate is named `viz` in it).
    /// Floats are written with `{:?}`, which reads back to the same bits.
    pub fn rust(model: &MapModel) -> String {
        let p = &model.paths;
        let mut s = String::new();
        let _ = write!(
            s,
            "viz::map::model::StaticMap {{ width: {}, height: {}, layers: [",
            p.width, p.height
        );
        for layer in [&p.provinces, &p.districts, &p.lakes, &p.borders] {
            s.push_str("&[");
            for f in layer {
                let _ = write!(
                    s,
                    "viz::map::model::StaticPath {{ name_zh: {:?}, name_en: {:?}, code: {}, class: {:?}, d: {:?} }}, ",
                    f.name_zh, f.name_en, f.code, f.class, &*f.d
                );
            }
            s.push_str("], ");
        }
        let _ = write!(s, "], zone: {:?}, marks: &[", &*p.zone);
        for m in &model.marks {
            let _ = write!(
                s,
                "({:?}, {:?}, {:?}, viz::map::model::MarkKind::{:?}), ",
                &*m.name_zh, &*m.name_en, m.at, m.kind
            );
        }
        s.push_str("], links: &[");
        for l in &model.links {
            match l {
                None => s.push_str("None, "),
                Some(l) => {
                    let _ = write!(
                        s,
                        "Some(viz::map::Link {{ a: {}, b: {}, at: viz::map::LinkAt::{:?}, from: {:?}, anchor: {:?}, to: {:?} }}), ",
                        l.a, l.b, l.at, l.from, l.anchor, l.to
                    );
                }
            }
        }
        s.push_str("] }");
        s
    }
}

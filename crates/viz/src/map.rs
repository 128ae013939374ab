//! The grid map's view model: SVG path strings for the geography (in integer grid units, built
//! once), link connectors anchored on the geometry, and a pixel layout of dots and labels for
//! a given drawing width. The widget and the CLI both draw from this.

pub mod labels;
pub mod links;
pub mod model;
pub mod path;
pub mod scene;
pub mod tooltip;
pub mod view;

pub use labels::{Label, LabelKind, TextAnchor};
pub use links::{link_geometry, shared_border, Link, LinkAt, LinkSpec};
pub use model::{MapModel, Mark, MarkKind};

use crate::geo::{arc_index, GeoMap, Shape};
use std::rc::Rc;
use story::{ui::UiText, Lang};

/// One area or line feature as an SVG path in grid units.
#[derive(Debug, Clone, PartialEq)]
pub struct FeaturePath {
    pub name_zh: String,
    pub name_en: String,
    /// Administrative code for districts, 0 otherwise.
    pub code: u32,
    /// Colour class: a district's region colour role (`c1`…`c6`, from the story's map), a
    /// province's ground colour (`g1`…`g3`, in GeoJSON order); empty for lakes, borders and
    /// districts the story does not name.
    pub class: &'static str,
    /// Shared, not copied, between the model's users (the static layer's two drawings, images).
    pub d: Rc<str>,
}

/// Path strings for every drawn layer, bottom to top, in grid units (`0 0 width height`).
#[derive(Debug, Clone, PartialEq)]
pub struct MapPaths {
    pub width: u32,
    pub height: u32,
    pub provinces: Vec<FeaturePath>,
    pub districts: Vec<FeaturePath>,
    pub lakes: Vec<FeaturePath>,
    pub borders: Vec<FeaturePath>,
    /// The outline of the zone: the district edges no other district shares, as open lines.
    pub zone: Rc<str>,
}

/// Builds the path strings of every area and border of `map`, coloured by the regions of
/// `story_map`.
pub fn paths(map: &GeoMap, story_map: &story::Map) -> MapPaths {
    let mut provinces = 0;
    let mut out = MapPaths {
        width: map.width,
        height: map.height,
        provinces: Vec::new(),
        districts: Vec::new(),
        lakes: Vec::new(),
        borders: Vec::new(),
        zone: zone_d(map).into(),
    };
    for f in &map.features {
        let (layer, d, code, class) = match &f.shape {
            Shape::Province { rings } => {
                provinces += 1;
                let class = ground_class(provinces);
                (&mut out.provinces, rings_d(map, rings), 0, class)
            }
            Shape::District { rings, code, .. } => {
                let class = story_map
                    .region_by_code(*code)
                    .map_or("", |r| colour_class(r.colour));
                (&mut out.districts, rings_d(map, rings), *code, class)
            }
            Shape::Lake { rings } => (&mut out.lakes, rings_d(map, rings), 0, ""),
            Shape::Border { line } => {
                let pts = map.resolve(line).unwrap_or_default();
                (&mut out.borders, path::line_d(&pts, false), 0, "")
            }
            Shape::Place { .. } => continue,
        };
        layer.push(FeaturePath {
            name_zh: f.name_zh.clone(),
            name_en: f.name_en.clone(),
            code,
            class,
            d: d.into(),
        });
    }
    out
}

fn rings_d(map: &GeoMap, rings: &[Vec<i32>]) -> String {
    let mut d = String::new();
    for r in rings {
        if let Some(pts) = map.resolve(r) {
            d.push_str(&path::line_d(&pts, true));
        }
    }
    d
}

/// The zone's outline: every arc of the district rings that only one district uses, each as
/// an open line (arcs shared by two districts are inner borders).
pub fn zone_d(map: &GeoMap) -> String {
    let refs: Vec<usize> = map
        .features
        .iter()
        .filter(|f| matches!(f.shape, Shape::District { .. }))
        .flat_map(|f| GeoMap::rings_of(f).iter().flatten())
        .map(|&r| arc_index(r).0)
        .collect();
    let mut d = String::new();
    for (k, &i) in refs.iter().enumerate() {
        let once = refs.iter().filter(|&&j| j == i).count() == 1;
        let first = refs.iter().position(|&j| j == i) == Some(k);
        if once && first {
            if let Some(arc) = map.arcs.get(i) {
                d.push_str(&path::line_d(arc, false));
            }
        }
    }
    d
}

/// A place dot in px.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMark {
    pub x: f64,
    pub y: f64,
    pub seat: bool,
    /// Full name in the reader's language (for a `<title>`).
    pub name: String,
}

/// Everything positioned in px for a drawing `width` px wide.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    /// px per grid unit: draw [`MapPaths`] under `scale(scale)`.
    pub scale: f64,
    pub places: Vec<PlaceMark>,
    /// Links in px, in the order given.
    pub links: Vec<Link>,
    /// Each district's code and label point in px (where its tooltip points).
    pub districts: Vec<(u32, [f64; 2])>,
    pub labels: Vec<Label>,
}

/// Class of a region's colour role (1 to 6, checked by the story build).
pub fn colour_class(role: u8) -> &'static str {
    match role {
        1 => "c1",
        2 => "c2",
        3 => "c3",
        4 => "c4",
        5 => "c5",
        _ => "c6",
    }
}

/// Class of the `n`th province (from 1): three ground colours in turn.
fn ground_class(n: usize) -> &'static str {
    match n % 3 {
        1 => "g1",
        2 => "g2",
        _ => "g3",
    }
}

/// Short label of a feature name: the part before a full-width parenthesis (zh) or a comma
/// (en). `松陵（吴江区政府驻地）` gives `松陵`, `Lili town, Wujiang` gives `Lili town`.
pub fn short_name(name: &str) -> &str {
    name.split(['（', '(', ',']).next().unwrap_or(name).trim()
}

/// The note shown beside a link anchor: where the link is drawn is not where it is.
pub fn anchor_note(at: LinkAt, lang: Lang) -> &'static str {
    match at {
        LinkAt::SharedBorder => UiText::LocationNotReported.get(lang),
        LinkAt::NearPlace(_) => UiText::Approximate.get(lang),
    }
}

/// Layout width before the first measurement (CSS px).
pub const DEFAULT_WIDTH: u32 = 720;

/// Widths are laid out in 40 px buckets from 320 to 1200 px, so resizing re-lays labels
/// only now and then.
pub fn width_bucket(width: f64) -> u32 {
    if !width.is_finite() || width <= 0.0 {
        return DEFAULT_WIDTH;
    }
    let w = width.clamp(320.0, 1200.0) as u32;
    (w / 40 * 40).max(320)
}

/// Below this drawing width (CSS px) the map is laid out narrow: smaller labels, and the
/// tooltip docks under the drawing. The widget's stylesheet (grid_map.css) switches its static
/// drawings at the same width.
pub const NARROW_BELOW: f64 = 560.0;

/// Lays out places, links and labels of `model` for a drawing `width` px wide (clamped to
/// 200..=4000). `links` are in grid units, as [`link_geometry`] returns them; `capacity` gives,
/// by link index, a figure to label beside the link's anchor (e.g. its transferable load).
pub fn layout(
    model: &MapModel,
    links: &[Link],
    capacity: &[Option<&str>],
    width: f64,
    lang: Lang,
) -> Layout {
    let zh = lang.pick(true, false);
    let width = if width.is_finite() {
        width.clamp(200.0, 4000.0)
    } else {
        1200.0
    };
    let scale = width / f64::from(model.paths.width.max(1));
    // Tenths, as the viewBox writes it: the drawing's height is then proportional to its width
    // at every width (to 0.05 px), so layouts for different widths scale onto each other.
    let height = (f64::from(model.paths.height) * scale * 10.0).round() / 10.0;
    let px = |p: [f64; 2]| [p[0] * scale, p[1] * scale];
    let small = width < NARROW_BELOW;
    let k = if small { 0.85 } else { 1.0 };

    let mut places = Vec::new();
    let mut districts = Vec::new();
    let mut requests = Vec::new();
    for m in &model.marks {
        let name: &str = if zh { &m.name_zh } else { &m.name_en };
        let at = px(crate::geo::measure::to_f(m.at));
        match m.kind {
            MarkKind::Town | MarkKind::Seat => {
                let [x, y] = at;
                let seat = m.kind == MarkKind::Seat;
                places.push(PlaceMark {
                    x,
                    y,
                    seat,
                    name: name.to_owned(),
                });
                let (kind, size) = if seat {
                    (LabelKind::Seat, 13.0 * k)
                } else {
                    (LabelKind::Town, 12.0 * k)
                };
                requests.push(labels::Request::beside_point(
                    short_name(name),
                    at,
                    if seat { 4.0 } else { 3.0 },
                    kind,
                    size,
                ));
            }
            MarkKind::District(code) => {
                districts.push((code, at));
                let short = short_name(name);
                let short = short
                    .strip_suffix(" District")
                    .or_else(|| short.strip_suffix(" County"))
                    .unwrap_or(short);
                requests.push(labels::Request::centred(
                    short,
                    at,
                    LabelKind::District,
                    16.0 * k,
                ));
            }
        }
    }
    let links: Vec<Link> = links
        .iter()
        .map(|l| Link {
            from: px(l.from),
            to: px(l.to),
            anchor: px(l.anchor),
            ..*l
        })
        .collect();
    for (i, l) in links.iter().enumerate() {
        requests.push(
            labels::Request::beside_point(
                anchor_note(l.at, lang),
                l.anchor,
                7.0,
                LabelKind::Note,
                11.0 * k,
            )
            .for_link(i),
        );
        if let Some(Some(text)) = capacity.get(i) {
            requests.push(
                labels::Request::beside_point(text, l.anchor, 7.0, LabelKind::Capacity, 13.0 * k)
                    .for_link(i),
            );
        }
    }
    let mut obstacles: Vec<labels::Box2> = places
        .iter()
        .map(|p| labels::Box2::around([p.x, p.y], 4.0))
        .collect();
    obstacles.extend(links.iter().map(|l| labels::Box2::around(l.anchor, 6.0)));
    // Keep labels off the connectors: small boxes along each half of every link.
    for l in &links {
        for (a, b) in [(l.from, l.anchor), (l.anchor, l.to)] {
            for k in 0..=4 {
                let t = f64::from(k) / 4.0;
                let p = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
                obstacles.push(labels::Box2::around(p, 2.0));
            }
        }
    }
    let labels = labels::place(&requests, &obstacles, [width, height]);
    Layout {
        width,
        height,
        scale,
        places,
        links,
        districts,
        labels,
    }
}

#[cfg(test)]
mod tests;

//! Where the map's tooltip goes, and what it says: the arithmetic of placing it, kept out of
//! the component so it is tested natively. Anchors are in percent of the drawing, so the
//! tooltip (an HTML box over the SVG) stays on its anchor at any rendered size.

use super::view::GridStory;
use super::{Layout, NARROW_BELOW};
use crate::map::path::push1;

/// What the tooltip points at: a district or a link, by index in the story's lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    District(usize),
    Link(usize),
}

impl Target {
    /// Reads the `data-tip` tag the drawing writes on districts and links (`d1`, `l2`).
    pub fn parse(tag: &str) -> Option<Target> {
        let (kind, index) = tag.split_at_checked(1)?;
        let i: usize = index.parse().ok()?;
        match kind {
            "d" => Some(Target::District(i)),
            "l" => Some(Target::Link(i)),
            _ => None,
        }
    }

    /// Where the tooltip points, in percent of the drawing (x, y).
    pub fn anchor(self, layout: &Layout) -> Option<(f64, f64)> {
        let p = match self {
            Target::District(i) => layout.districts.get(i)?.1,
            Target::Link(i) => layout.links.get(i)?.anchor,
        };
        Some((p[0] / layout.width * 100.0, p[1] / layout.height * 100.0))
    }

    /// The tooltip's heading and lines.
    pub fn text(self, story: &GridStory) -> Option<(String, Vec<String>)> {
        match self {
            Target::District(i) => story
                .districts
                .get(i)
                .map(|d| (d.name.to_owned(), vec![d.within.clone()])),
            Target::Link(i) => story
                .links
                .get(i)
                .map(|l| (l.title.clone(), l.lines.clone())),
        }
    }
}

/// The classes that place an open tooltip beside its `anchor` (percent): it grows away from
/// the nearer side edge (`right` grows rightwards, `left` leftwards), sits `below` anchors near
/// the top, and on a narrow drawing, with no room beside the anchor, `docked` under it.
pub fn placement(anchor: (f64, f64), layout: &Layout) -> [&'static str; 2] {
    let (x, y) = anchor;
    let side = if x < 35.0 {
        "right"
    } else if x > 65.0 {
        "left"
    } else {
        ""
    };
    let place = if layout.is_narrow() {
        "docked"
    } else if y < 35.0 {
        "below"
    } else {
        ""
    };
    [side, place]
}

/// `42.5%` from a percentage (one decimal), for the tooltip's `left` and `top`.
pub fn percent(value: f64) -> String {
    let mut s = String::new();
    push1(&mut s, (value * 10.0).round() / 10.0);
    s.push('%');
    s
}

impl Layout {
    /// Laid out narrow (below [`NARROW_BELOW`]): smaller labels, a docked tooltip.
    pub fn is_narrow(&self) -> bool {
        self.width < NARROW_BELOW
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use story::Lang;

    fn layout(width: f64) -> (Layout, GridStory) {
        let suzhou = story::default_story();
        let smap = suzhou.map.as_ref().unwrap();
        let model = crate::map::MapModel::new(&crate::geo::load(suzhou).unwrap(), smap);
        let story = crate::map::view::grid_story(suzhou, smap, &model, Lang::Zh);
        let links: Vec<crate::map::Link> = story.links.iter().map(|l| l.geo).collect();
        (
            crate::map::layout(&model, &links, &[], width, Lang::Zh),
            story,
        )
    }

    #[test]
    fn anchors_are_in_percent_of_the_drawing_and_unknown_targets_have_none() {
        let (l, _) = layout(640.0);
        for t in [Target::District(0), Target::Link(2)] {
            let (x, y) = t.anchor(&l).unwrap();
            assert!((0.0..=100.0).contains(&x) && (0.0..=100.0).contains(&y));
        }
        assert_eq!(Target::Link(9).anchor(&l), None);
    }

    #[test]
    fn tags_name_districts_and_links() {
        assert_eq!(Target::parse("d1"), Some(Target::District(1)));
        assert_eq!(Target::parse("l12"), Some(Target::Link(12)));
        assert_eq!(Target::parse("x1"), None);
        assert_eq!(Target::parse("d"), None);
        assert_eq!(Target::parse("dx"), None);
        assert_eq!(Target::parse(""), None);
    }

    #[test]
    fn the_tooltip_grows_away_from_the_nearer_edge_and_docks_on_a_narrow_map() {
        let (wide, story) = layout(720.0);
        assert_eq!(placement((10.0, 50.0), &wide), ["right", ""]);
        assert_eq!(placement((90.0, 10.0), &wide), ["left", "below"]);
        assert_eq!(placement((50.0, 50.0), &wide), ["", ""]);
        let (narrow, _) = layout(320.0);
        assert_eq!(placement((50.0, 10.0), &narrow)[1], "docked");
        assert!(narrow.is_narrow() && !wide.is_narrow());
        let (title, lines) = Target::Link(2).text(&story).unwrap();
        assert!(title.contains("吴江") && !lines.is_empty(), "{title}");
        assert_eq!(Target::District(7).text(&story), None);
    }

    #[test]
    fn widths_snap_to_40_px_buckets_within_320_and_1200() {
        use crate::map::{width_bucket, DEFAULT_WIDTH};
        assert_eq!(width_bucket(100.0), 320);
        assert_eq!(width_bucket(655.0), 640);
        assert_eq!(width_bucket(5000.0), 1200);
        assert_eq!(width_bucket(f64::NAN), DEFAULT_WIDTH);
        assert_eq!(width_bucket(0.0), DEFAULT_WIDTH);
    }

    #[test]
    fn percentages_have_one_decimal() {
        assert_eq!(percent(42.46), "42.5%");
        assert_eq!(percent(7.0), "7%");
    }
}

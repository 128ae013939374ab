//! View-model tests on the real map.

use super::labels::{Box2, Request};
use super::*;
use crate::geo::measure::{in_rings, length, to_f, P};
use crate::geo::{codes, load, Feature};
use story::Lang;

/// A capacity label on the last link, as the widget has.
const CAP: [Option<&str>; 3] = [None, None, Some("约4000千伏安")];

fn suzhou() -> &'static story::Story {
    story::story("suzhou-2020-07").unwrap()
}

fn smap() -> &'static story::Map {
    suzhou().map.as_ref().unwrap()
}

fn map() -> GeoMap {
    load(suzhou()).unwrap()
}

fn rings(map: &GeoMap, f: &Feature) -> Vec<Vec<P>> {
    map.area_rings(f)
        .into_iter()
        .map(|r| r.into_iter().map(to_f).collect())
        .collect()
}

fn links(m: &GeoMap) -> Vec<Link> {
    smap()
        .links
        .iter()
        .map(|l| view::link_between(m, l).unwrap())
        .collect()
}

/// The real map laid out `width` px wide with the widget's links and capacity label.
fn laid_out(width: f64, lang: Lang) -> Layout {
    let m = map();
    layout(&MapModel::new(&m, smap()), &links(&m), &CAP, width, lang)
}

#[test]
fn there_are_three_district_paths_and_three_border_paths() {
    let p = paths(&map(), smap());
    assert_eq!(p.districts.len(), 3);
    assert_eq!(p.borders.len(), 3);
    assert_eq!(p.lakes.len(), 2);
    assert_eq!(p.provinces.len(), 3);
    assert!(p
        .districts
        .iter()
        .all(|d| d.d.starts_with('M') && d.d.ends_with('z')));
    let total: usize = [&p.provinces, &p.districts, &p.lakes, &p.borders]
        .iter()
        .flat_map(|l| l.iter())
        .map(|f| f.d.len())
        .sum();
    println!("path strings: {total} bytes");
}

#[test]
fn every_link_crosses_from_its_first_district_into_its_second() {
    let m = map();
    for l in links(&m) {
        let (_, a) = m.district(l.a).unwrap();
        let (_, b) = m.district(l.b).unwrap();
        assert!(in_rings(l.from, &rings(&m, a)), "{} -> {}", l.a, l.b);
        assert!(in_rings(l.to, &rings(&m, b)), "{} -> {}", l.a, l.b);
    }
}

#[test]
fn every_anchor_lies_on_the_shared_border() {
    let m = map();
    for l in links(&m) {
        let (_, a) = m.district(l.a).unwrap();
        let (_, b) = m.district(l.b).unwrap();
        let border = shared_border(&m, a, b);
        let (near, _) = crate::geo::measure::nearest_on_line(l.anchor, &border).unwrap();
        assert!((near[0] - l.anchor[0]).hypot(near[1] - l.anchor[1]) < 1e-6);
    }
}

#[test]
fn the_junction_is_the_border_point_nearest_lili() {
    let m = map();
    let l = links(&m)[2];
    assert_eq!(l.at, LinkAt::NearPlace("黎里镇"));
    let lili = m
        .features
        .iter()
        .find_map(|f| match f.shape {
            crate::geo::Shape::Place { at, .. } if f.name_zh == "黎里镇" => Some(to_f(at)),
            _ => None,
        })
        .unwrap();
    let (_, wj) = m.district(codes::WUJIANG).unwrap();
    let (_, js) = m.district(codes::JIASHAN).unwrap();
    let border = shared_border(&m, js, wj);
    let d = (l.anchor[0] - lili[0]).hypot(l.anchor[1] - lili[1]);
    for p in &border {
        assert!((p[0] - lili[0]).hypot(p[1] - lili[1]) >= d - 1e-6);
    }
    // South of Lili: the border with Zhejiang.
    assert!(l.anchor[1] > lili[1]);
}

#[test]
fn the_2019_anchors_are_half_way_or_off_a_lake() {
    let m = map();
    for l in &links(&m)[..2] {
        let (_, a) = m.district(l.a).unwrap();
        let (_, b) = m.district(l.b).unwrap();
        let border = shared_border(&m, a, b);
        let (_, s) = crate::geo::measure::nearest_on_line(l.anchor, &border).unwrap();
        let half = length(&border) / 2.0;
        assert!(
            (s - half).abs() < length(&border) / 2.0,
            "anchor is on the border"
        );
        assert_eq!(l.at, LinkAt::SharedBorder);
    }
}

#[test]
fn shared_border_of_districts_that_do_not_touch_is_empty() {
    let m = map();
    let (_, wj) = m.district(codes::WUJIANG).unwrap();
    let lake = m.features.iter().find(|f| f.name_zh == "淀山湖").unwrap();
    assert!(shared_border(&m, wj, lake).is_empty());
    let none = LinkSpec {
        a: codes::WUJIANG,
        b: 999_999,
        at: LinkAt::SharedBorder,
    };
    assert!(link_geometry(&m, none).is_none());
}

fn label_boxes(l: &Layout) -> Vec<Box2> {
    l.labels
        .iter()
        .map(|x| Request::centred(&x.text, [0.0, 0.0], x.kind, x.size).bbox(([x.x, x.y], x.anchor)))
        .collect()
}

#[test]
fn labels_never_overlap_or_leave_the_frame_from_320_to_1200_px() {
    let m = map();
    let (model, ls) = (MapModel::new(&m, smap()), links(&m));
    for lang in [Lang::Zh, Lang::En] {
        for w in (320..=1200).step_by(40) {
            let l = layout(&model, &ls, &CAP, f64::from(w), lang);
            let boxes = label_boxes(&l);
            for (i, a) in boxes.iter().enumerate() {
                let [x0, y0, x1, y1] = a.0;
                assert!(x0 >= 0.0 && y0 >= 0.0 && x1 <= l.width && y1 <= l.height);
                for b in boxes.iter().skip(i + 1) {
                    assert!(!a.overlaps(b), "overlap at {w} px");
                }
            }
        }
    }
}

#[test]
fn all_three_district_names_fit_even_at_320_px() {
    for lang in [Lang::Zh, Lang::En] {
        let l = laid_out(320.0, lang);
        let n = l
            .labels
            .iter()
            .filter(|x| x.kind == LabelKind::District)
            .count();
        assert_eq!(n, 3, "{lang:?}");
    }
}

#[test]
fn at_1200_px_every_label_fits() {
    let l = laid_out(1200.0, Lang::Zh);
    assert_eq!(l.labels.len(), 3 + 8 + 3 + 1);
    let texts: Vec<&str> = l.labels.iter().map(|x| x.text.as_str()).collect();
    assert!(texts.contains(&"吴江区") && texts.contains(&"松陵"));
}

#[test]
fn a_nan_width_lays_out_at_1200() {
    let l = laid_out(f64::NAN, Lang::En);
    assert_eq!(l.width, 1200.0);
    assert!(l.height > 700.0 && l.height < 900.0);
}

#[test]
fn short_names_drop_the_qualifier() {
    assert_eq!(short_name("松陵（吴江区政府驻地）"), "松陵");
    assert_eq!(short_name("Lili town, Wujiang"), "Lili town");
    assert_eq!(short_name("青浦区"), "青浦区");
}

#[test]
fn link_labels_belong_to_their_link_and_the_capacity_sits_by_the_junction() {
    let l = laid_out(800.0, Lang::Zh);
    let cap = l
        .labels
        .iter()
        .find(|x| x.kind == LabelKind::Capacity)
        .unwrap();
    assert_eq!(cap.text, "约4000千伏安");
    assert_eq!(cap.link, Some(2));
    let a = l.links[2].anchor;
    assert!((cap.x - a[0]).abs() < 120.0 && (cap.y - a[1]).abs() < 40.0);
    for x in &l.labels {
        let is_link = matches!(x.kind, LabelKind::Note | LabelKind::Capacity);
        assert_eq!(x.link.is_some(), is_link, "{}", x.text);
    }
}

#[test]
fn every_district_has_a_tooltip_point_inside_the_frame() {
    let l = laid_out(640.0, Lang::En);
    assert_eq!(l.districts.len(), 3);
    for (_, [x, y]) in &l.districts {
        assert!(*x > 0.0 && *x < l.width && *y > 0.0 && *y < l.height);
    }
}

#[test]
fn the_zone_outline_leaves_out_the_inner_borders() {
    let m = map();
    let p = paths(&m, smap());
    assert!(p.zone.starts_with('M'));
    let refs: Vec<usize> = m
        .features
        .iter()
        .filter(|f| matches!(f.shape, crate::geo::Shape::District { .. }))
        .flat_map(|f| GeoMap::rings_of(f).iter().flatten())
        .map(|&r| crate::geo::arc_index(r).0)
        .collect();
    let once = refs
        .iter()
        .filter(|&&i| refs.iter().filter(|&&j| j == i).count() == 1)
        .count();
    let shared = refs.len() - once;
    // Each inner border (three pairs) is at least one arc used twice, and is left out.
    assert!(shared >= 6, "{shared}");
    assert_eq!(p.zone.matches('M').count(), once);
}

#[test]
fn provinces_take_ground_colours_and_districts_their_regions_colour() {
    let p = paths(&map(), smap());
    let prov: Vec<&str> = p.provinces.iter().map(|f| f.class).collect();
    assert_eq!(prov, ["g1", "g2", "g3"]);
    // In GeoJSON order (Qingpu, Wujiang, Jiashan), each with its region's colour role.
    let dist: Vec<(u32, &str)> = p.districts.iter().map(|f| (f.code, f.class)).collect();
    assert_eq!(
        dist,
        [
            (codes::QINGPU, "c1"),
            (codes::WUJIANG, "c2"),
            (codes::JIASHAN, "c3")
        ]
    );
}

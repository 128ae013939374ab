//! Tests against the real map blob built from `data/geo/demo-zone.geojson`.

use super::measure::{in_rings, to_f, P};
use super::*;

fn suzhou() -> &'static story::Story {
    story::story("suzhou-2020-07").unwrap()
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

fn place(map: &GeoMap, name: &str) -> P {
    map.features
        .iter()
        .find_map(|f| match f.shape {
            Shape::Place { at, .. } if f.name_zh.starts_with(name) => Some(to_f(at)),
            _ => None,
        })
        .unwrap()
}

fn feature<'a>(map: &'a GeoMap, name: &str) -> &'a Feature {
    map.features.iter().find(|f| f.name_zh == name).unwrap()
}

#[test]
fn suzhou_blob_is_small() {
    let points: usize = map().arcs.iter().map(Vec::len).sum();
    println!(
        "demo-zone.gmap: {} bytes, {} arcs, {} arc points",
        encoded(suzhou()).len(),
        map().arcs.len(),
        points
    );
    assert!(encoded(suzhou()).len() < 10 * 1024);
    assert!((200..=1200).contains(&points), "{points} points");
}

#[test]
fn the_blob_keeps_every_feature_in_drawing_order() {
    let m = map();
    let kinds: Vec<u8> = m
        .features
        .iter()
        .map(|f| match f.shape {
            Shape::Province { .. } => 0,
            Shape::District { .. } => 1,
            Shape::Lake { .. } => 2,
            Shape::Border { .. } => 3,
            Shape::Place { .. } => 4,
        })
        .collect();
    assert_eq!(
        kinds,
        vec![0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4]
    );
    assert!(m.district(codes::WUJIANG).is_some());
    assert!(m.district(codes::QINGPU).is_some());
    assert!(m.district(codes::JIASHAN).is_some());
}

#[test]
fn the_blob_round_trips_through_encode() {
    let m = map();
    assert_eq!(encode(&m), encoded(suzhou()));
    assert_eq!(decode(&encode(&m)).unwrap(), m);
}

#[test]
fn every_place_lies_inside_its_district() {
    let m = map();
    for f in &m.features {
        if let Shape::Place { at, district, .. } = f.shape {
            let d = &m.features[district as usize];
            assert!(
                in_rings(to_f(at), &rings(&m, d)),
                "{} is outside {}",
                f.name_zh,
                d.name_zh
            );
        }
    }
}

#[test]
fn places_name_the_district_the_geojson_gives() {
    let m = map();
    let expect = [
        ("黎里镇", "吴江区"),
        ("汾湖", "吴江区"),
        ("金泽镇", "青浦区"),
        ("西塘镇", "嘉善县"),
        ("姚庄镇", "嘉善县"),
        ("松陵", "吴江区"),
        ("夏阳街道", "青浦区"),
        ("魏塘", "嘉善县"),
    ];
    for (place, district) in expect {
        let f = m
            .features
            .iter()
            .find(|f| f.name_zh.starts_with(place))
            .unwrap();
        let Shape::Place { district: d, .. } = f.shape else {
            panic!("{place} is not a place")
        };
        assert_eq!(m.features[d as usize].name_zh, district);
    }
}

#[test]
fn the_seats_sit_west_east_and_south() {
    let m = map();
    let wujiang = place(&m, "松陵");
    let qingpu = place(&m, "夏阳");
    let jiashan = place(&m, "魏塘");
    assert!(wujiang[0] < qingpu[0], "Wujiang's seat is west of Qingpu's");
    assert!(
        jiashan[1] > wujiang[1] && jiashan[1] > qingpu[1],
        "Jiashan is south"
    );
    assert!(jiashan[0] > wujiang[0] && jiashan[0] < qingpu[0]);
}

#[test]
fn taihu_lies_west_of_wujiangs_seat() {
    let m = map();
    let taihu = rings(&m, feature(&m, "太湖"));
    let west = taihu
        .iter()
        .flatten()
        .map(|p| p[0])
        .fold(f64::INFINITY, f64::min);
    let east = taihu
        .iter()
        .flatten()
        .map(|p| p[0])
        .fold(f64::NEG_INFINITY, f64::max);
    let seat = place(&m, "松陵");
    assert!(east < seat[0] + 1.0 && west < seat[0]);
    assert_eq!(west, 0.0, "Taihu is clipped at the west edge of the box");
}

#[test]
fn districts_label_points_are_inside_them_and_off_the_lakes() {
    let m = map();
    let lakes: Vec<Vec<P>> = m
        .features
        .iter()
        .filter(|f| matches!(f.shape, Shape::Lake { .. }))
        .flat_map(|f| rings(&m, f))
        .collect();
    for f in &m.features {
        if let Shape::District { label, .. } = f.shape {
            let p = to_f(label);
            assert!(in_rings(p, &rings(&m, f)), "{}", f.name_zh);
            assert!(
                !lakes.iter().any(|l| measure::in_ring(p, l)),
                "{}",
                f.name_zh
            );
        }
    }
}

fn arcs_of(f: &Feature) -> Vec<usize> {
    GeoMap::rings_of(f)
        .iter()
        .flatten()
        .map(|&r| arc_index(r).0)
        .collect()
}

#[test]
fn the_wujiang_jiashan_border_is_one_arc_set_referenced_by_both_rings() {
    let m = map();
    let (_, wj) = m.district(codes::WUJIANG).unwrap();
    let (_, js) = m.district(codes::JIASHAN).unwrap();
    let shared: Vec<usize> = arcs_of(wj)
        .into_iter()
        .filter(|a| arcs_of(js).contains(a))
        .collect();
    assert!(!shared.is_empty());
    // And the Jiangsu–Zhejiang border line draws those very arcs.
    let Shape::Border { line } = &feature(&m, "苏浙省界").shape else {
        panic!()
    };
    let border: Vec<usize> = line.iter().map(|&r| arc_index(r).0).collect();
    assert!(shared.iter().all(|a| border.contains(a)));
}

#[test]
fn each_pair_of_districts_shares_a_border() {
    let m = map();
    let pairs = [
        (codes::WUJIANG, codes::QINGPU),
        (codes::QINGPU, codes::JIASHAN),
        (codes::WUJIANG, codes::JIASHAN),
    ];
    for (a, b) in pairs {
        let (_, fa) = m.district(a).unwrap();
        let (_, fb) = m.district(b).unwrap();
        let shared = arcs_of(fa)
            .into_iter()
            .filter(|x| arcs_of(fb).contains(x))
            .count();
        assert!(shared > 0, "{a} and {b} share no arc");
    }
}

#[test]
fn shared_arcs_are_walked_in_opposite_directions_by_neighbours() {
    let m = map();
    let (_, wj) = m.district(codes::WUJIANG).unwrap();
    let (_, js) = m.district(codes::JIASHAN).unwrap();
    let dir = |f: &Feature, a: usize| {
        GeoMap::rings_of(f)
            .iter()
            .flatten()
            .find(|&&r| arc_index(r).0 == a)
            .map(|&r| r < 0)
            .unwrap()
    };
    for a in arcs_of(wj).into_iter().filter(|a| arcs_of(js).contains(a)) {
        assert_ne!(dir(wj, a), dir(js, a));
    }
}

#[test]
fn district_rings_close() {
    let m = map();
    for f in m
        .features
        .iter()
        .filter(|f| matches!(f.shape, Shape::District { .. }))
    {
        for r in m.area_rings(f) {
            assert_eq!(r.first(), r.last(), "{}", f.name_zh);
            assert!(r.len() >= 4);
        }
    }
}

#[test]
fn the_projection_in_the_blob_maps_the_box_corners_to_the_grid_corners() {
    let m = map();
    let [x0, y0] = m.projection.apply([120.3, 31.35]);
    let [x1, y1] = m.projection.apply([121.4, 30.7]);
    // The height is rounded to whole units, so the box may sit up to half a unit off.
    assert!(x0.abs() < 0.5 && y0.abs() < 0.5, "{x0} {y0}");
    assert!((x1 - f64::from(m.width)).abs() < 0.5);
    assert!((y1 - f64::from(m.height)).abs() < 1.0);
    let ll = m.projection.invert([x1, y1]).unwrap();
    assert!((ll[0] - 121.4).abs() < 1e-9 && (ll[1] - 30.7).abs() < 1e-9);
}

#[test]
fn every_arc_point_is_on_the_grid() {
    let m = map();
    for p in m.arcs.iter().flatten() {
        assert!((0..=m.width as i32).contains(&p[0]));
        assert!((0..=m.height as i32).contains(&p[1]));
    }
}

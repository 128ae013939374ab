//! `cli render grid-map [--lang zh|en] [--width PX] [--out FILE]`: the grid map's final state
//! (every link closed, the zone outlined, the transferable load by the junction) as a
//! standalone SVG, drawn from the same view models as the widget (`viz::map` for geometry and
//! layout, `viz::map::view` for the story): the same path strings, anchors, labels and text.

use crate::Error;
use story::format::escape::escape_html;
use story::Lang;
use viz::geo::{self, GeoMap};
use viz::map::{self, path::fmt1, view::grid_story, LinkAt};

const USAGE: &str = "usage: cli render grid-map [--lang zh|en] [--width PX] [--out FILE]";

pub fn run(args: &[String]) -> Result<(), Error> {
    let mut it = args.iter();
    match it.next().map(String::as_str) {
        Some("grid-map") => {}
        _ => return Err(Error::Usage { usage: USAGE }),
    }
    let mut zh = true;
    let mut width = 1200.0;
    let mut out: Option<String> = None;
    while let Some(flag) = it.next() {
        let Some(value) = it.next() else {
            return Err(Error::Usage { usage: USAGE });
        };
        match flag.as_str() {
            "--lang" => {
                zh = match value.as_str() {
                    "zh" => true,
                    "en" => false,
                    other => {
                        return Err(Error::BadValue {
                            option: "--lang",
                            value: Some(other.to_owned()),
                            allowed: "zh or en",
                        })
                    }
                }
            }
            "--width" => {
                width = value
                    .parse::<f64>()
                    .ok()
                    .filter(|w| (320.0..=4000.0).contains(w))
                    .ok_or_else(|| Error::BadValue {
                        option: "--width",
                        value: Some(value.clone()),
                        allowed: "a number from 320 to 4000",
                    })?
            }
            "--out" => out = Some(value.clone()),
            other => {
                return Err(Error::UnknownArgument {
                    command: "render grid-map",
                    argument: other.to_owned(),
                    usage: USAGE,
                })
            }
        }
    }
    let story = story::default_story();
    let map = geo::load(story)?;
    let svg = grid_map_svg(story, &map, width, if zh { Lang::Zh } else { Lang::En });
    match out {
        Some(path) => {
            std::fs::write(&path, &svg).map_err(|source| Error::Write {
                path: path.clone(),
                source,
            })?;
            eprintln!(
                "wrote {path}: {} bytes (map blob {} bytes, {} arc points)",
                svg.len(),
                geo::encoded(story).len(),
                map.arcs.iter().map(Vec::len).sum::<usize>()
            );
        }
        None => print!("{svg}"),
    }
    Ok(())
}

/// The widget's light theme (grid_map.css), as plain colours.
const STYLE: &str = "
.prov{stroke:#fff;stroke-width:1}.g1{fill:#f1eef6}.g2{fill:#f5f1e7}.g3{fill:#edf3ec}
.dist{fill:#f5f1e7;stroke:#fff;stroke-width:1.5}
.c1{fill:#dcd2ee}.c2{fill:#f1d9ae}.c3{fill:#cfe5c8}.c4{fill:#f3d0d6}.c5{fill:#d3e2e4}.c6{fill:#e8e0b8}
.lake{fill:#9fc9ea;stroke:#6fa6d2;stroke-width:.8;fill-rule:evenodd}
.border{fill:none;stroke:#4a4f57;stroke-width:1.4;stroke-dasharray:6 3}
.zone{fill:none;stroke:#0b5394;stroke-width:2.5}
.link{fill:none;stroke:#c0392b;stroke-width:5;stroke-linecap:round}
.flow{fill:none;stroke:#fff;stroke-width:1.8;stroke-dasharray:4 8;stroke-linecap:round}
.end{fill:#c0392b}
.junction{fill:#fff;stroke:#c0392b;stroke-width:2.5}
.dot{fill:#222;stroke:#fff;stroke-width:1.2}
text{fill:#1a1a1a;stroke:#fff;stroke-width:3px;stroke-linejoin:round;paint-order:stroke}
.lbl-district{font-weight:700;fill:#222}
.lbl-note{fill:#8e2a1f;font-style:italic}
.lbl-cap{fill:#8e2a1f;font-weight:700}
.credit{fill:#555;stroke:none}
";

/// The standalone SVG of the final state, `width` px wide.
pub fn grid_map_svg(story: &story::Story, map: &GeoMap, width: f64, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let Some(smap) = story.map.as_ref() else {
        return String::new();
    };
    let paths = map::paths(map, smap);
    let story = grid_story(story, smap, map, lang);
    let links: Vec<map::Link> = story.links.iter().map(|l| l.geo).collect();
    let caps: Vec<Option<&str>> = story.links.iter().map(|l| l.capacity.as_deref()).collect();
    let layout = map::layout(map, &links, &caps, width, lang);
    let (w, h) = (layout.width, layout.height);
    let credit_h = 12.0 + 16.0 * credit_lines(story.attribution, w - 16.0, 12.0).len() as f64;
    let total_h = h + credit_h;
    let mut s = String::new();
    let title: Vec<&str> = paths
        .districts
        .iter()
        .map(|d| {
            if zh {
                d.name_zh.as_str()
            } else {
                d.name_en.as_str()
            }
        })
        .collect();
    s.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {total_h}\" width=\"{w}\" height=\"{total_h}\" \
         font-family=\"'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',sans-serif\" lang=\"{}\">\n",
        if zh { "zh-CN" } else { "en" }
    ));
    s.push_str(&format!(
        "<title>{}</title>\n",
        escape_html(&title.join(" · "))
    ));
    s.push_str(&format!(
        "<desc>{}</desc>\n",
        escape_html(&story.description)
    ));
    s.push_str(&format!("<style>{STYLE}</style>\n"));
    s.push_str(&format!(
        "<rect width=\"{w}\" height=\"{total_h}\" fill=\"#fff\"/>\n"
    ));
    s.push_str(&format!(
        "<g transform=\"scale({})\" vector-effect=\"non-scaling-stroke\">\n",
        layout.scale
    ));
    let layer = |s: &mut String,
                 items: &[map::FeaturePath],
                 class: &dyn Fn(&map::FeaturePath) -> String| {
        for f in items {
            let name = if zh { &f.name_zh } else { &f.name_en };
            s.push_str(&format!(
                "<path class=\"{}\" d=\"{}\" vector-effect=\"non-scaling-stroke\"><title>{}</title></path>\n",
                class(f),
                f.d,
                escape_html(name)
            ));
        }
    };
    layer(&mut s, &paths.provinces, &|f| format!("prov {}", f.class));
    layer(&mut s, &paths.districts, &|f| format!("dist {}", f.class));
    layer(&mut s, &paths.lakes, &|_| "lake".into());
    layer(&mut s, &paths.borders, &|_| "border".into());
    s.push_str(&format!(
        "<path class=\"zone\" d=\"{}\" vector-effect=\"non-scaling-stroke\"/>\n",
        paths.zone
    ));
    s.push_str("</g>\n");
    for (l, info) in layout.links.iter().zip(&story.links) {
        let d = map::path::polyline_px(&[l.from, l.anchor, l.to]);
        s.push_str(&format!(
            "<path class=\"link\" d=\"{d}\"><title>{}</title></path><path class=\"flow\" d=\"{d}\"/>\n",
            escape_html(&info.label)
        ));
        for p in [l.from, l.to] {
            s.push_str(&format!(
                "<circle class=\"end\" cx=\"{}\" cy=\"{}\" r=\"3.5\"/>\n",
                fmt1(p[0]),
                fmt1(p[1])
            ));
        }
        if matches!(l.at, LinkAt::NearPlace(_)) {
            s.push_str(&format!(
                "<circle class=\"junction\" cx=\"{}\" cy=\"{}\" r=\"6\"/>\n",
                fmt1(l.anchor[0]),
                fmt1(l.anchor[1])
            ));
        }
    }
    for p in &layout.places {
        s.push_str(&format!(
            "<circle class=\"dot\" cx=\"{}\" cy=\"{}\" r=\"{}\"><title>{}</title></circle>\n",
            fmt1(p.x),
            fmt1(p.y),
            if p.seat { 4 } else { 3 },
            escape_html(&p.name)
        ));
    }
    for l in &layout.labels {
        s.push_str(&format!(
            "<text class=\"{}\" x=\"{}\" y=\"{}\" text-anchor=\"{}\" font-size=\"{}\">{}</text>\n",
            l.kind.class(),
            fmt1(l.x),
            fmt1(l.y),
            l.anchor.as_str(),
            fmt1(l.size),
            escape_html(&l.text)
        ));
    }
    for (i, line) in credit_lines(story.attribution, w - 16.0, 12.0)
        .iter()
        .enumerate()
    {
        s.push_str(&format!(
            "<text class=\"credit\" x=\"8\" y=\"{}\" font-size=\"12\">{}</text>\n",
            fmt1(h + 19.0 + 16.0 * i as f64),
            escape_html(line)
        ));
    }
    s.push_str("</svg>\n");
    s
}

/// The credit split at its ` · ` separators into lines no wider than `max` px.
fn credit_lines(text: &str, max: f64, size: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for part in text.split(" · ") {
        match lines.last_mut() {
            Some(l) if viz::text::width(&format!("{l} · {part}"), size) <= max => {
                l.push_str(" · ");
                l.push_str(part);
            }
            _ => lines.push(part.to_owned()),
        }
    }
    lines
}

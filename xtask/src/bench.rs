//! `cargo xtask bench`: our widgets beside the ECharts peer, in one run, in the same browser,
//! and (`--cost`) what the widgets cost as their data grows. It reports; it never fails on a
//! figure, and it is not part of `cargo xtask test` (timings on a shared machine are noisy:
//! compare ratios measured in the same run, docs/architecture.md "Size").
//!
//! The measuring instrument is `bench/` (copied from `../shared/bench`): `probe.mjs` loads a page
//! in a fresh headless Chromium and writes a `report.json`, `serve.mjs` serves a folder with
//! brotli as a CDN would, `peer/` builds the ECharts pages. Its npm packages (playwright-core,
//! axe-core, echarts, esbuild) go to the git-ignored `bench/node_modules`, installed here with
//! `npm ci` when missing; every output goes under `target/bench/`.
//!
//! Runs are interleaved (peer, ours, peer, ours, ...) so that a slow minute of the shared machine
//! hits both sides; each figure is the median of the runs.

use crate::util::{self, exec, step, Error, FileAction, Result};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// What `cargo xtask bench` was asked for.
#[derive(Debug, Clone, PartialEq)]
struct Options {
    runs: usize,
    cost: bool,
    dist: Option<PathBuf>,
    /// Another build measured in the same run, interleaved (before and after a change).
    before: Option<PathBuf>,
}

impl Options {
    fn parse(args: &[String]) -> Result<Options> {
        let mut o = Options {
            runs: 3,
            cost: false,
            dist: None,
            before: None,
        };
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            match arg.as_str() {
                "--runs" => {
                    o.runs = it
                        .next()
                        .and_then(|n| n.parse().ok())
                        .filter(|n| *n > 0)
                        .ok_or(Error::MissingValue {
                            option: "--runs",
                            what: "a number above 0",
                        })?;
                }
                "--cost" => o.cost = true,
                "--before" => {
                    o.before = Some(it.next().map(PathBuf::from).ok_or(Error::MissingValue {
                        option: "--before",
                        what: "a built bundle folder",
                    })?);
                }
                "--dist" => {
                    o.dist = Some(it.next().map(PathBuf::from).ok_or(Error::MissingValue {
                        option: "--dist",
                        what: "a built bundle folder",
                    })?);
                }
                other => {
                    return Err(Error::UnknownOption {
                        task: "bench",
                        option: other.to_owned(),
                    })
                }
            }
        }
        Ok(o)
    }
}

/// How a probe loads a page: viewport width and CPU slowdown (the height is tall, 2,000 px,
/// so that lazy mounting shows every widget without scrolling).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Setting {
    name: &'static str,
    width: u32,
    cpu: u32,
}

const DESKTOP: Setting = Setting {
    name: "1280 px",
    width: 1280,
    cpu: 1,
};
const PHONE: Setting = Setting {
    name: "4x CPU, 375 px",
    width: 375,
    cpu: 4,
};

/// How a figure is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    KiB,
    Ms,
    Mb,
    Plain,
}

/// One row of the comparison: a key of probe.mjs's `metrics` and how to show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Figure {
    label: &'static str,
    key: &'static str,
    format: Format,
}

const fn figure(label: &'static str, key: &'static str, format: Format) -> Figure {
    Figure { label, key, format }
}

/// What the side-by-side table shows, in order.
const FIGURES: &[Figure] = &[
    figure(
        "bytes as served (brotli), KiB",
        "bytes.total.served",
        Format::KiB,
    ),
    figure("first widget ready, ms", "time.firstReady", Format::Ms),
    figure("all widgets ready, ms", "time.allReady", Format::Ms),
    figure(
        "total blocking time to ready, ms",
        "tbt.toReady",
        Format::Ms,
    ),
    figure(
        "total blocking time, whole run, ms",
        "tbt.total",
        Format::Ms,
    ),
    figure("main-thread time, whole run, ms", "main.total", Format::Ms),
    figure("JS heap after GC, MB", "heap.usedAfterGcMB", Format::Mb),
    figure("CLS", "cls.total", Format::Plain),
    figure("frame p95, ms", "frames.p95", Format::Plain),
    figure("console + page errors", "errors.total", Format::Plain),
];

/// What the cost table shows for each page.
const COST_FIGURES: &[Figure] = &[
    figure("ready, ms", "time.allReady", Format::Ms),
    figure("TBT, ms", "tbt.total", Format::Ms),
    figure("main thread to ready, ms", "main.toReady", Format::Ms),
    figure("main thread, whole run, ms", "main.total", Format::Ms),
    figure("errors", "errors.total", Format::Plain),
];

pub fn run(args: &[String]) -> Result {
    let options = Options::parse(args)?;
    let root = util::root();
    let dist = match &options.dist {
        Some(d) => root.join(d),
        None => {
            if !root.join("dist/embed.js").is_file() {
                crate::setup::run()?;
                crate::dist::run()?;
            }
            root.join("dist")
        }
    };
    let mut builds = vec![Build {
        label: "ours",
        dir: dist,
    }];
    if let Some(before) = &options.before {
        builds.insert(
            0,
            Build {
                label: "before",
                dir: root.join(before),
            },
        );
    }
    if let Some(b) = builds.iter().find(|b| !b.dir.join("embed.js").is_file()) {
        return Err(Error::Bench(format!(
            "{} has no embed.js: not a built bundle",
            b.dir.display()
        )));
    }
    crate::setup::npm_ci(&root.join("bench"))?;
    let out = root.join("target/bench");
    if options.cost {
        cost(&builds, &out, options.runs)
    } else {
        side_by_side(&builds, &out, options.runs)
    }
}

/// A built bundle (like `dist/`) to measure, and its column label.
struct Build {
    label: &'static str,
    dir: PathBuf,
}

/// The peer (tree-shaken ECharts, `bench/peer`) and `bench/ours/three.html` over each build,
/// at 1280 px and at 375 px with 4x CPU.
fn side_by_side(builds: &[Build], out: &Path, runs: usize) -> Result {
    let root = util::root();
    step("bench: building the ECharts peer (bench/peer -> target/bench/peer)");
    let peer_dir = out.join("peer");
    exec(
        Command::new("node")
            .arg("bench/peer/build.mjs")
            .env("PEER_OUT", &peer_dir)
            .env("PEER_GEO", root.join("data/geo/demo-zone.geojson")),
    )?;
    let peer = Server::start(&peer_dir)?;
    let mut pages = vec![("peer", format!("{}/lean.html", peer.base))];
    let mut servers = Vec::new();
    for b in builds {
        let stage = stage(&b.dir, &out.join(format!("stage-{}", b.label)))?;
        copy(
            &root.join("bench/ours/three.html"),
            &stage.join("three.html"),
        )?;
        let server = Server::start(&stage)?;
        pages.push((b.label, format!("{}/three.html", server.base)));
        servers.push(server);
    }
    let mut samples: BTreeMap<(&str, &str), Vec<Metrics>> = BTreeMap::new();
    for run in 1..=runs {
        for setting in [DESKTOP, PHONE] {
            for (side, url) in &pages {
                step(&format!(
                    "bench: run {run}/{runs}, {side}, {}",
                    setting.name
                ));
                let dir = out.join(format!("side/{side}-{}w-{run}", setting.width));
                let m = probe(url, setting, 3, &dir)?;
                samples.entry((*side, setting.name)).or_default().push(m);
            }
        }
    }
    let columns: Vec<Comparison> = [DESKTOP, PHONE]
        .iter()
        .map(|setting| Comparison {
            setting: setting.name,
            peer: samples.remove(&("peer", setting.name)).unwrap_or_default(),
            builds: builds
                .iter()
                .map(|b| {
                    let runs = samples.remove(&(b.label, setting.name));
                    (b.label, runs.unwrap_or_default())
                })
                .collect(),
        })
        .collect();
    println!(
        "\nOur three widgets (bench/ours/three.html) against the ECharts 6 peer (tree-shaken, \
         bench/peer), median of {runs} cold loads each, same browser, interleaved:\n"
    );
    print!("{}", comparison_table(FIGURES, &columns));
    println!("\nReports: {}", out.join("side").display());
    Ok(())
}

/// Pages of one widget each, over each build, at 375 px with 4x CPU: the payments chart with
/// an editor series of 2, 500 and 5,000 points (inline), the tally and the map as the story has
/// them.
fn cost(builds: &[Build], out: &Path, runs: usize) -> Result {
    let mut pages: Vec<(String, String, String)> = Vec::new();
    for n in [2, 500, 5000] {
        let block = format!(
            "<script type=\"application/json\">{{\"series\":{}}}</script>",
            story::config::sample_series_json(n)
        );
        let name = format!("payments, {n} points");
        let html = page(&name, "payments", &block);
        pages.push((name, format!("cost-payments-{n}.html"), html));
    }
    for (name, kind) in [("tally", "tally"), ("map", "grid-map")] {
        pages.push((
            name.into(),
            format!("cost-{kind}.html"),
            page(name, kind, ""),
        ));
    }
    let mut servers = Vec::new();
    for b in builds {
        let stage = stage(&b.dir, &out.join(format!("cost-{}", b.label)))?;
        for (_, file, html) in &pages {
            write(&stage.join(file), html)?;
        }
        servers.push(Server::start(&stage)?);
    }
    // samples[build][page]: one list of runs per page of each build.
    let mut samples: Vec<Vec<Vec<Metrics>>> = vec![vec![Vec::new(); pages.len()]; builds.len()];
    for run in 1..=runs {
        for (p, (name, file, _)) in pages.iter().enumerate() {
            for ((b, server), per_build) in builds.iter().zip(&servers).zip(samples.iter_mut()) {
                step(&format!(
                    "bench --cost: run {run}/{runs}, {name}, {}",
                    b.label
                ));
                let stem = file.trim_end_matches(".html");
                let dir = out.join(format!("cost/{}-{stem}-{run}", b.label));
                let m = probe(&format!("{}/{file}", server.base), PHONE, 1, &dir)?;
                if let Some(into) = per_build.get_mut(p) {
                    into.push(m);
                }
            }
        }
    }
    for (b, per_build) in builds.iter().zip(samples) {
        let rows: Vec<(&str, Vec<Metrics>)> = pages
            .iter()
            .map(|(n, _, _)| n.as_str())
            .zip(per_build)
            .collect();
        println!(
            "\nCost against size, {}: one widget per page, {}, median of {runs} cold loads; \
             the last column is main-thread time over the 2-point chart's:\n",
            b.label, PHONE.name
        );
        print!("{}", cost_table(COST_FIGURES, &rows, "main.total"));
    }
    println!("\nPages: {}", out.join("cost-ours").display());
    Ok(())
}

/// A copy of `dist` to add test pages to (pages never go into `dist/` itself).
fn stage(dist: &Path, to: &Path) -> Result<PathBuf> {
    if to.exists() {
        std::fs::remove_dir_all(to).map_err(Error::io(FileAction::Write, to))?;
    }
    for file in crate::dist::files_under(dist)? {
        let rel = file.strip_prefix(dist)?;
        copy(&file, &to.join(rel))?;
    }
    Ok(to.to_path_buf())
}

fn copy(from: &Path, to: &Path) -> Result {
    if let Some(parent) = to.parent() {
        std::fs::create_dir_all(parent).map_err(Error::io(FileAction::Create, parent))?;
    }
    std::fs::copy(from, to)
        .map(|_| ())
        .map_err(Error::io(FileAction::Write, to))
}

fn write(path: &Path, text: &str) -> Result {
    std::fs::write(path, text).map_err(Error::io(FileAction::Write, path))
}

/// A page with one widget of `kind` (zh, light) in a 720 px article column, `inner` inside its
/// placeholder before the fallback.
fn page(title: &str, kind: &str, inner: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Cost: {title}</title>\n<link rel=\"icon\" href=\"data:,\">\n\
         <link rel=\"stylesheet\" href=\"embed.css\">\n\
         <script type=\"module\" src=\"embed.js\"></script>\n</head>\n<body>\n\
         <main style=\"max-width:720px;margin:0 auto\">\n<h1>{title}</h1>\n\
         <div data-widget=\"{kind}\" data-lang=\"zh\" data-theme=\"light\">{inner}\
         <p class=\"fw-fallback\">{title}</p></div>\n</main>\n</body>\n</html>\n"
    )
}

/// One probe run's figures (probe.mjs `metrics`), by key.
type Metrics = BTreeMap<String, f64>;

/// Loads `url` once in a fresh browser with probe.mjs and returns its figures; `expect` is how
/// many widgets mean "all ready".
fn probe(url: &str, setting: Setting, expect: usize, out: &Path) -> Result<Metrics> {
    let mut cmd = Command::new("node");
    cmd.arg("bench/probe.mjs")
        .arg(url)
        .args(["--runs", "1", "--no-screenshots", "--no-axe", "--quiet"])
        .args(["--timeout", "60", "--height", "2000"])
        .args(["--width", &setting.width.to_string()])
        .args(["--cpu-throttle", &setting.cpu.to_string()])
        .args(["--expect", &expect.to_string()])
        .arg("--out")
        .arg(out);
    // Exit 3/4 (a failed navigation, widgets never ready) still writes a report, with the
    // errors counted: the table shows them rather than stopping the whole run.
    let shown = format!("{cmd:?}");
    let status = cmd
        .current_dir(util::root())
        .status()
        .map_err(Error::start(&cmd))?;
    let path = out.join("report.json");
    let text = std::fs::read_to_string(&path).map_err(|e| {
        if status.success() {
            Error::io(FileAction::Read, &path)(e)
        } else {
            Error::Failed {
                command: shown,
                status,
            }
        }
    })?;
    metrics_of(&text).ok_or(Error::Bench(format!(
        "{} has no runs[0].metrics",
        path.display()
    )))
}

/// The numeric figures of a probe report's first run, plus `errors.total` (console + page).
fn metrics_of(report: &str) -> Option<Metrics> {
    let json: serde_json::Value = serde_json::from_str(report).ok()?;
    let metrics = json.get("runs")?.get(0)?.get("metrics")?.as_object()?;
    let mut m: Metrics = metrics
        .iter()
        .filter_map(|(k, v)| Some((k.clone(), v.as_f64()?)))
        .collect();
    let errors = ["errors.console", "errors.page"]
        .iter()
        .filter_map(|k| m.get(*k))
        .sum();
    m.insert("errors.total".into(), errors);
    Some(m)
}

/// A static file server (bench/serve.mjs, brotli 11 when accepted) on a free loopback port,
/// stopped when dropped.
struct Server {
    child: Child,
    base: String,
}

impl Server {
    fn start(dir: &Path) -> Result<Server> {
        let mut cmd = Command::new("node");
        cmd.arg("bench/serve.mjs")
            .arg(dir)
            .args(["0", "--compress", "auto"])
            .current_dir(util::root())
            .stdout(Stdio::piped());
        let mut child = cmd.spawn().map_err(Error::start(&cmd))?;
        // It prints "serving DIR at http://127.0.0.1:PORT/ ..." once it listens.
        let base = child.stdout.take().and_then(|stdout| {
            BufReader::new(stdout)
                .lines()
                .map_while(std::io::Result::ok)
                .find_map(|line| served_at(&line))
        });
        match base {
            Some(base) => Ok(Server { child, base }),
            None => {
                let _ = child.kill();
                let _ = child.wait();
                Err(Error::Bench(format!(
                    "bench/serve.mjs did not start for {}",
                    dir.display()
                )))
            }
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The base URL in serve.mjs's start-up line, without the trailing slash.
fn served_at(line: &str) -> Option<String> {
    let start = line.find("http://127.0.0.1:")?;
    let url = line.get(start..)?.split_whitespace().next()?;
    Some(url.trim_end_matches('/').to_owned())
}

/// The median of the finite values; None when there are none.
fn median(values: &[f64]) -> Option<f64> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    match v.len() {
        0 => None,
        n if n % 2 == 1 => v.get(mid).copied(),
        _ => Some((v.get(mid - 1)? + v.get(mid)?) / 2.0),
    }
}

/// Ours over the peer; None when either is missing or the peer's is zero (CLS 0 against 0).
fn ratio(ours: Option<f64>, peer: Option<f64>) -> Option<f64> {
    match (ours, peer) {
        (Some(o), Some(p)) if p != 0.0 => Some(o / p),
        _ => None,
    }
}

/// The median of `key` over `runs`.
fn median_of(runs: &[Metrics], key: &str) -> Option<f64> {
    let values: Vec<f64> = runs.iter().filter_map(|m| m.get(key).copied()).collect();
    median(&values)
}

fn show(value: Option<f64>, format: Format) -> String {
    match (value, format) {
        (None, _) => "–".into(),
        (Some(v), Format::KiB) => format!("{:.1}", v / 1024.0),
        (Some(v), Format::Ms) => format!("{v:.0}"),
        (Some(v), Format::Mb) => format!("{v:.1}"),
        (Some(v), Format::Plain) => {
            let s = format!("{v:.4}");
            s.trim_end_matches('0').trim_end_matches('.').to_owned()
        }
    }
}

fn show_ratio(r: Option<f64>) -> String {
    r.map_or_else(|| "–".into(), |r| format!("{r:.2}x"))
}

/// The peer's runs and each build's at one setting.
struct Comparison {
    setting: &'static str,
    peer: Vec<Metrics>,
    builds: Vec<(&'static str, Vec<Metrics>)>,
}

/// A markdown table: one row per figure; per setting, the peer's median, then each build's and
/// its ratio to the peer's.
fn comparison_table(figures: &[Figure], columns: &[Comparison]) -> String {
    let mut header = vec![String::from("median")];
    for c in columns {
        header.push(format!("peer, {} (n={})", c.setting, c.peer.len()));
        for (label, runs) in &c.builds {
            header.push(format!("{label}, {} (n={})", c.setting, runs.len()));
            header.push(format!("{label}/peer"));
        }
    }
    let rows = figures.iter().map(|f| {
        let mut row = vec![f.label.to_owned()];
        for c in columns {
            let p = median_of(&c.peer, f.key);
            row.push(show(p, f.format));
            for (_, runs) in &c.builds {
                let o = median_of(runs, f.key);
                row.push(show(o, f.format));
                row.push(show_ratio(ratio(o, p)));
            }
        }
        row
    });
    markdown(&header, rows)
}

/// A markdown table: one row per page, one column per figure, and the last column the page's
/// `baseline_key` over the first page's.
fn cost_table(figures: &[Figure], pages: &[(&str, Vec<Metrics>)], baseline_key: &str) -> String {
    let mut header = vec![String::from("page (median)")];
    header.extend(figures.iter().map(|f| f.label.to_owned()));
    header.push("added main thread, ms".into());
    let base = pages.first().and_then(|(_, r)| median_of(r, baseline_key));
    let rows = pages.iter().map(|(name, runs)| {
        let mut row = vec![format!("{name} (n={})", runs.len())];
        row.extend(
            figures
                .iter()
                .map(|f| show(median_of(runs, f.key), f.format)),
        );
        let added = match (median_of(runs, baseline_key), base) {
            (Some(v), Some(b)) => Some(v - b),
            _ => None,
        };
        row.push(show(added, Format::Ms));
        row
    });
    markdown(&header, rows)
}

/// Rows of cells as a markdown table, columns padded to their widest cell.
fn markdown(header: &[String], rows: impl Iterator<Item = Vec<String>>) -> String {
    let rows: Vec<Vec<String>> = std::iter::once(header.to_vec()).chain(rows).collect();
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: &[String]| -> String {
        let mut s = String::from("|");
        for (i, w) in widths.iter().enumerate() {
            let cell = cells.get(i).map_or("", String::as_str);
            let pad = w.saturating_sub(cell.chars().count());
            let _ = write!(s, " {cell}{} |", " ".repeat(pad));
        }
        s.push('\n');
        s
    };
    let mut out = String::new();
    for (i, r) in rows.iter().enumerate() {
        out.push_str(&line(r));
        if i == 0 {
            let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
            out.push_str(&line(&rule));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metrics(pairs: &[(&str, f64)]) -> Metrics {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect()
    }

    #[test]
    fn the_median_of_an_odd_count_is_the_middle_value() {
        assert_eq!(median(&[5.0, 1.0, 3.0]), Some(3.0));
    }

    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assert_eq!(median(&[4.0, 1.0, 2.0, 10.0]), Some(3.0));
    }

    #[test]
    fn the_median_skips_what_is_not_a_number_and_has_none_without_values() {
        assert_eq!(median(&[f64::NAN, 2.0, f64::INFINITY]), Some(2.0));
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[f64::NAN]), None);
    }

    #[test]
    fn a_ratio_needs_both_figures_and_a_peer_above_zero() {
        assert_eq!(ratio(Some(1.0), Some(4.0)), Some(0.25));
        assert_eq!(ratio(Some(0.0), Some(0.0)), None);
        assert_eq!(ratio(None, Some(2.0)), None);
        assert_eq!(ratio(Some(2.0), None), None);
    }

    #[test]
    fn figures_show_in_their_units() {
        assert_eq!(show(Some(136_089.6), Format::KiB), "132.9");
        assert_eq!(show(Some(702.6), Format::Ms), "703");
        assert_eq!(show(Some(1.26), Format::Mb), "1.3");
        assert_eq!(show(Some(0.0), Format::Plain), "0");
        assert_eq!(show(Some(16.7), Format::Plain), "16.7");
        assert_eq!(show(Some(0.0012), Format::Plain), "0.0012");
        assert_eq!(show(None, Format::Ms), "–");
        assert_eq!(show_ratio(Some(0.3566)), "0.36x");
    }

    #[test]
    fn the_comparison_shows_medians_and_ours_over_the_peer() {
        let fig = [figure("ready, ms", "time.allReady", Format::Ms)];
        let col = Comparison {
            setting: "1x",
            peer: vec![
                metrics(&[("time.allReady", 400.0)]),
                metrics(&[("time.allReady", 200.0)]),
                metrics(&[("time.allReady", 300.0)]),
            ],
            builds: vec![(
                "ours",
                vec![
                    metrics(&[("time.allReady", 150.0)]),
                    metrics(&[("time.allReady", 90.0)]),
                    metrics(&[("time.allReady", 120.0)]),
                ],
            )],
        };
        let table = comparison_table(&fig, &[col]);
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines.len(), 3, "{table}");
        assert!(lines[0].contains("peer, 1x (n=3)") && lines[0].contains("ours/peer"));
        assert!(lines[1].starts_with("| ---"), "{table}");
        let cells: Vec<&str> = lines[2].split('|').map(str::trim).collect();
        assert_eq!(cells, ["", "ready, ms", "300", "120", "0.40x", ""]);
    }

    #[test]
    fn the_cost_table_adds_each_pages_cost_over_the_first() {
        let fig = [figure("main, ms", "main.total", Format::Ms)];
        let pages = [
            ("2 points", vec![metrics(&[("main.total", 1000.0)])]),
            ("5000 points", vec![metrics(&[("main.total", 1080.4)])]),
            ("map", vec![metrics(&[])]),
        ];
        let table = cost_table(&fig, &pages, "main.total");
        let rows: Vec<Vec<&str>> = table
            .lines()
            .map(|l| l.split('|').map(str::trim).collect())
            .collect();
        assert_eq!(rows[2], ["", "2 points (n=1)", "1000", "0", ""]);
        assert_eq!(rows[3], ["", "5000 points (n=1)", "1080", "80", ""]);
        assert_eq!(rows[4], ["", "map (n=1)", "–", "–", ""]);
    }

    #[test]
    fn markdown_columns_line_up_in_characters_not_bytes() {
        let t = markdown(
            &["a".into(), "b".into()],
            vec![vec!["示范区".into(), "1".into()]].into_iter(),
        );
        let widths: Vec<usize> = t.lines().map(|l| l.chars().count()).collect();
        assert!(widths.windows(2).all(|w| w[0] == w[1]), "{t}");
    }

    #[test]
    fn a_report_gives_its_first_runs_figures_and_the_error_total() {
        let m = metrics_of(
            r#"{"runs":[{"metrics":{"time.allReady":812.5,"errors.console":1,"errors.page":2,"cls.total":null}}]}"#,
        )
        .unwrap();
        assert_eq!(m.get("time.allReady"), Some(&812.5));
        assert_eq!(m.get("errors.total"), Some(&3.0));
        assert_eq!(m.get("cls.total"), None);
        assert_eq!(metrics_of(r#"{"runs":[]}"#), None);
        assert_eq!(metrics_of("not json"), None);
    }

    #[test]
    fn the_server_address_comes_from_its_start_up_line() {
        assert_eq!(
            served_at("serving /x at http://127.0.0.1:40123/ (compress=auto)").as_deref(),
            Some("http://127.0.0.1:40123")
        );
        assert_eq!(
            served_at("pre-compressed 12 file encodings in 300 ms"),
            None
        );
    }

    #[test]
    fn options_default_to_three_runs_side_by_side() {
        assert_eq!(
            Options::parse(&[]).unwrap(),
            Options {
                runs: 3,
                cost: false,
                dist: None,
                before: None
            }
        );
        let o = Options::parse(&["--cost".into(), "--runs".into(), "5".into()]).unwrap();
        assert!(o.cost && o.runs == 5);
        assert!(Options::parse(&["--runs".into(), "0".into()]).is_err());
        assert!(Options::parse(&["--fast".into()]).is_err());
    }
}

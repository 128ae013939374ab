//! Size report: raw, gzip -9 and brotli bytes of every file in `dist/`, the total a page with all
//! three widgets transfers, what a page with one widget transfers (per kind), and how those
//! compare with `budgets.toml`. It reports; it never fails the build on a budget.

use crate::dist::{files_under, is_compressible, read};
use crate::util::{self, Error, FileAction, Result};
use std::path::Path;
use std::process::Command;
use story::WidgetKind;

pub fn run() -> Result {
    let root = util::root();
    let dist = root.join("dist");
    if !dist.join("embed.js").is_file() {
        return Err(Error::NotBuilt);
    }
    let budgets = read_budgets(&root.join("budgets.toml"))?;
    println!(
        "{:<44} {:>10} {:>10} {:>10}",
        "file", "raw", "gzip -9", "brotli"
    );
    let files = files_under(&dist)?;
    let names: Vec<&str> = files
        .iter()
        .filter_map(|f| f.file_name()?.to_str())
        .collect();
    // A bundle built with the general variants only (the fixture bundle) serves every page
    // with the lean module.
    let built = |variant: &str| {
        names
            .iter()
            .any(|n| n.starts_with(&format!("embed-{variant}-")))
    };
    let has_kind_variants = built("tally");
    // Pages with all three widgets: in one language (zh, en), mixed (lean), with a `src` file.
    let pages: Vec<(&str, &str)> = [
        ("zh", "  transfer for a page with all widgets (zh)"),
        ("en", "  transfer for a page with all widgets (en)"),
        (LEAN, "  transfer for a page with all widgets (zh+en)"),
        (FULL, "  transfer for a page with a `src` file"),
    ]
    .into_iter()
    .filter(|(v, _)| built(v))
    .collect();
    let mut page_totals = vec![[0u64; 3]; pages.len()];
    let mut one_widget = [[0u64; 3]; WidgetKind::ALL.len()];
    // The stylesheets static layers link (`widget-<kind>.css`): not in the totals above (the
    // module carries its own copy), but a page with static layers fetches them too.
    let mut static_sheets = [0u64; 3];
    for file in &files {
        let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("");
        if ext == "gz" || ext == "br" {
            continue;
        }
        let rel = file.strip_prefix(&dist)?;
        let sizes = sizes(file)?;
        let rel_s = rel.display().to_string();
        let transferred = pages.iter().any(|(v, _)| in_transfer_set(&rel_s, v));
        println!(
            "{:<44} {:>10} {:>10} {:>10}",
            format!("{}{}", if transferred { "* " } else { "  " }, rel_s),
            sizes[0],
            sizes[1],
            sizes[2]
        );
        for ((variant, _), total) in pages.iter().zip(page_totals.iter_mut()) {
            if in_transfer_set(&rel_s, variant) {
                add(total, sizes);
            }
        }
        for (kind, page) in WidgetKind::ALL.iter().zip(one_widget.iter_mut()) {
            if in_one_widget_set(&rel_s, *kind, has_kind_variants) {
                add(page, sizes);
            }
        }
        if is_static_sheet(&rel_s) {
            add(&mut static_sheets, sizes);
        }
    }
    for ((_, label), total) in pages.iter().zip(&page_totals) {
        println!(
            "{:<44} {:>10} {:>10} {:>10}",
            label, total[0], total[1], total[2]
        );
    }
    // The budget's page: all three widgets in one language, the heavier of zh and en (the
    // lean module where those are not built).
    let heaviest = |of: &[&str]| {
        pages
            .iter()
            .zip(&page_totals)
            .filter(|((v, _), _)| of.contains(v))
            .map(|(_, t)| *t)
            .max_by_key(|t| t[2])
    };
    let total = heaviest(&["zh", "en"])
        .or_else(|| heaviest(&[LEAN]))
        .unwrap_or_default();
    println!(
        "{:<44} {:>10} {:>10} {:>10}",
        "* transfer for a page with all widgets", total[0], total[1], total[2]
    );
    println!(
        "{:<44} {:>10} {:>10} {:>10}",
        "  + static layers' stylesheets (all kinds)",
        static_sheets[0],
        static_sheets[1],
        static_sheets[2]
    );
    // A page with one kind loads that kind's module variant.
    for (kind, page) in WidgetKind::ALL.iter().zip(one_widget) {
        println!(
            "{:<44} {:>10} {:>10} {:>10}",
            format!("  transfer for a page with only {}", kind.name()),
            page[0],
            page[1],
            page[2]
        );
    }
    for (name, value) in [("transfer_brotli", total[2]), ("transfer_gzip", total[1])] {
        report_budget(&budgets, name, name, value);
    }
    for (kind, page) in WidgetKind::ALL.iter().zip(one_widget) {
        let label = format!("one_widget_brotli ({})", kind.name());
        report_budget(&budgets, "one_widget_brotli", &label, page[2]);
    }
    if let Some(peer) = budgets
        .iter()
        .find(|(k, _)| k == "echarts_treeshaken_brotli")
        .map(|(_, v)| *v)
    {
        println!(
            "vs ECharts 6 tree-shaken ({:.0} KiB brotli): {:.2}x its size",
            kib(peer),
            total[2] as f64 / peer as f64
        );
    }
    Ok(())
}

fn kib(bytes: u64) -> f64 {
    bytes as f64 / 1024.0
}

fn add(total: &mut [u64; 3], sizes: [u64; 3]) {
    for (t, s) in total.iter_mut().zip(sizes) {
        *t += s;
    }
}

/// Prints `value` against the budget `name` in budgets.toml, if there is one.
fn report_budget(budgets: &[(String, u64)], name: &str, label: &str, value: u64) {
    let Some(budget) = budgets.iter().find(|(k, _)| k == name).map(|(_, v)| *v) else {
        return;
    };
    println!(
        "{label}: {:.1} KiB of {:.1} KiB budget ({:.0}%) {}",
        kib(value),
        kib(budget),
        100.0 * value as f64 / budget as f64,
        if value <= budget {
            "within budget"
        } else {
            "OVER BUDGET"
        }
    );
}

/// Files a page with one widget of `kind` downloads: the same loader, entry module and host
/// stylesheet, the module variant for that kind (`kind_variants`) or the lean one, and only
/// that kind's data files (`data/<kind>/…`, `data/<kind>.…`).
fn in_one_widget_set(rel: &str, kind: WidgetKind, kind_variants: bool) -> bool {
    match rel.strip_prefix("data/") {
        Some(data) => data
            .strip_prefix(kind.name())
            .is_some_and(|rest| rest.starts_with(['/', '.'])),
        None => in_transfer_set(rel, if kind_variants { kind.name() } else { LEAN }),
    }
}

/// The module variants (xtask/src/dist.rs): a page with several kinds of widget loads the lean
/// one (or, in one language, the zh or en one), a page with one kind that kind's, a page with a
/// widget that names an editor's `src` file the full one.
const LEAN: &str = "lean";
const FULL: &str = "full";

/// Files a page with all three widgets downloads when it loads the module `variant` (pages
/// themselves are the host's, not ours): the loader, the entry module and host stylesheet the
/// snippet pins, the variant's glue and WASM (`embed-<variant>-<hash>.…`), and data files.
fn in_transfer_set(rel: &str, variant: &str) -> bool {
    if rel == "embed.js" || rel.starts_with("data/") {
        return true;
    }
    let Some(rest) = rel.strip_prefix("embed-") else {
        return false;
    };
    if ![".js", ".wasm", ".css"]
        .iter()
        .any(|ext| rel.ends_with(ext))
    {
        return false;
    }
    let of_variant = |v: &str| rest.strip_prefix(v).is_some_and(|r| r.starts_with('-'));
    match crate::dist::variant_names().find(|v| of_variant(v)) {
        Some(v) => v == variant,
        None => true,
    }
}

/// A stylesheet the static layers link, as the demo article names it: `widget-<kind>.css` (the
/// content-hashed copies the snippets pin are the same bytes, counted once).
fn is_static_sheet(rel: &str) -> bool {
    WidgetKind::ALL
        .iter()
        .any(|kind| rel == format!("widget-{}.css", kind.name()))
}

fn sizes(file: &Path) -> Result<[u64; 3]> {
    let raw = read(file)?.len() as u64;
    if !is_compressible(file) {
        return Ok([raw, raw, raw]);
    }
    let compressed = |ext: &str, cmd: &mut Command| -> Result<u64> {
        let sibling = Path::new(&format!("{}.{ext}", file.display())).to_path_buf();
        if let Ok(meta) = sibling.metadata() {
            return Ok(meta.len());
        }
        let out = cmd.arg(file).output().map_err(Error::start(cmd))?;
        Ok(out.stdout.len() as u64)
    };
    Ok([
        raw,
        compressed("gz", Command::new("gzip").args(["-9", "-n", "-c"]))?,
        compressed("br", Command::new("brotli").args(["-q", "11", "-c"]))?,
    ])
}

fn read_budgets(path: &Path) -> Result<Vec<(String, u64)>> {
    let text = std::fs::read_to_string(path).map_err(Error::io(FileAction::Read, path))?;
    Ok(text
        .lines()
        .filter_map(|line| {
            let line = line.split('#').next()?.trim();
            let (k, v) = line.split_once('=')?;
            Some((k.trim().to_owned(), v.trim().replace('_', "").parse().ok()?))
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_static_layers_sheets_are_counted_once() {
        assert!(is_static_sheet("widget-tally.css"));
        assert!(is_static_sheet("widget-grid-map.css"));
        assert!(!is_static_sheet("widget-tally-13120f4f62.css"));
        assert!(!is_static_sheet("embed-6b6f553d9a.css"));
    }

    #[test]
    fn a_one_widget_page_loads_the_shared_files_and_its_own_data_only() {
        for shared in ["embed.js", "embed-0a1b2c3d4e.js", "embed-9f.css"] {
            assert!(in_transfer_set(shared, LEAN));
            assert!(in_transfer_set(shared, FULL));
            assert!(in_one_widget_set(shared, WidgetKind::Tally, true));
        }
        for lean in ["embed-lean-0a1b2c3d4e.js", "embed-lean-0a1b2c3d4e.wasm"] {
            assert!(in_transfer_set(lean, LEAN));
            assert!(!in_transfer_set(lean, FULL));
            assert!(in_one_widget_set(lean, WidgetKind::Tally, false));
            assert!(!in_one_widget_set(lean, WidgetKind::Tally, true));
        }
        assert!(in_transfer_set("embed-full-0a.wasm", FULL));
        assert!(!in_transfer_set("embed-full-0a.wasm", LEAN));
        assert!(!in_one_widget_set(
            "embed-full-0a.js",
            WidgetKind::Tally,
            true
        ));
        assert!(in_one_widget_set(
            "embed-tally-0a.js",
            WidgetKind::Tally,
            true
        ));
        assert!(!in_one_widget_set(
            "embed-tally-0a.js",
            WidgetKind::GridMap,
            true
        ));
        assert!(in_one_widget_set(
            "embed-grid-map-0a.wasm",
            WidgetKind::GridMap,
            true
        ));
        assert!(!in_transfer_set("embed-grid-map-0a.wasm", LEAN));
        for page in [
            "index.html",
            "embed.html",
            "iframe-host-0a.js",
            "test/all.html",
        ] {
            assert!(!in_transfer_set(page, LEAN));
            assert!(!in_one_widget_set(page, WidgetKind::GridMap, true));
        }
        assert!(in_transfer_set("data/payments/series.json", LEAN));
        assert!(in_one_widget_set(
            "data/payments/series.json",
            WidgetKind::Payments,
            true
        ));
        assert!(in_one_widget_set(
            "data/grid-map.bin",
            WidgetKind::GridMap,
            true
        ));
        assert!(!in_one_widget_set(
            "data/payments/series.json",
            WidgetKind::Tally,
            true
        ));
        assert!(!in_one_widget_set(
            "data/payments-old.json",
            WidgetKind::Payments,
            true
        ));
    }
}

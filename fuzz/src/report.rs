//! The adversarial-document report: documents built to be slow, deep, wide or long, through
//! every parser that reads outside input, with the size, the time natively and the answer.
//! Each must be answered within [`BUDGET_MS`]; the report says so, it does not fail (timings
//! are for benchmarks on quiet machines, never for tests).

use crate::target;
use std::time::{Duration, Instant};
use story::config::json::{MAX_DEPTH, MAX_KEYS, MAX_LEN, MAX_STRING, MAX_VALUES};
use story::config::{MAX_POINTS, MAX_URL_LEN};

/// The most a parser may take for one document.
pub const BUDGET_MS: f64 = 100.0;
/// Runs of each case. The median is held against the budget (on a shared machine one run can
/// lose its core to another process); the slowest is shown beside it.
const RUNS: usize = 7;

/// One adversarial input for one target.
pub struct Case {
    pub target: &'static str,
    pub what: String,
    pub input: Vec<u8>,
}

fn case(target: &'static str, what: &str, input: impl Into<Vec<u8>>) -> Case {
    Case {
        target,
        what: what.into(),
        input: input.into(),
    }
}

/// `[x,x,…]` with `n` items.
fn array_of(item: &str, n: usize) -> String {
    let mut s = String::with_capacity(n * (item.len() + 1) + 2);
    s.push('[');
    for i in 0..n {
        if i > 0 {
            s.push(',');
        }
        s.push_str(item);
    }
    s.push(']');
    s
}

/// `{"<prefix>0":0,…}` with `n` keys.
fn object_of(n: usize, prefix: &str) -> String {
    let members: Vec<String> = (0..n).map(|i| format!("\"{prefix}{i}\":{i}")).collect();
    format!("{{{}}}", members.join(","))
}

/// A valid series of `n` daily points.
fn series_of(n: usize, padding: usize) -> String {
    let pad = " ".repeat(padding);
    let points: Vec<String> = (0..n)
        .map(|i| {
            let (y, m, d) = (2000 + i / 336, (i / 28) % 12 + 1, i % 28 + 1);
            format!("{{\"date\":\"{y}-{m:02}-{d:02}\",\"value\":{i}}}{pad}")
        })
        .collect();
    format!("[{}]", points.join(","))
}

/// The metric byte and text of a series file.
fn series_file(text: &str) -> Vec<u8> {
    let mut data = vec![0u8];
    data.extend(text.as_bytes());
    data
}

/// A placeholder with `attrs` and a JSON block.
fn placeholder(attrs: &[(&str, &str)], block: Option<&str>) -> Vec<u8> {
    let mut s: String = attrs
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("\u{1e}");
    if let Some(b) = block {
        s.push('\0');
        s.push_str(b);
    }
    s.into_bytes()
}

/// Every case, in the order printed.
pub fn cases() -> Vec<Case> {
    let deep_arrays = "[".repeat(100_000);
    let deep_objects = "{\"a\":".repeat(100_000);
    let at_depth = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    let long_prefix = "k".repeat(200);
    let mut dup_keys = object_of(MAX_KEYS - 1, "k");
    dup_keys.pop();
    dup_keys.push_str(",\"k0\":0}");
    let many_attrs: Vec<(String, String)> =
        (0..5_000).map(|i| (format!("x{i}"), "1".into())).collect();
    let mut attrs: Vec<(&str, &str)> = many_attrs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    attrs.push(("widget", "tally"));
    let sections = vec!["policy"; 100_000].join(",");
    let tabs_url = format!("java{}script:alert(1)", "\t".repeat(100_000));
    vec![
        case(
            "json",
            "2 MiB of spaces around a 0, one byte over",
            format!("{}0", " ".repeat(MAX_LEN)),
        ),
        case(
            "json",
            "5 MB body: an array of zeros",
            array_of("0", 2_500_000),
        ),
        case(
            "json",
            "2 MiB array of zeros",
            array_of("0", MAX_LEN / 2 - 1),
        ),
        case(
            "json",
            "2 MiB array of empty arrays",
            array_of("[]", MAX_LEN / 3 - 1),
        ),
        case(
            "json",
            "2 MiB array of empty objects",
            array_of("{}", MAX_LEN / 3 - 1),
        ),
        case(
            "json",
            "2 MiB one string",
            format!("\"{}\"", "x".repeat(MAX_LEN - 2)),
        ),
        case(
            "json",
            "2 MiB of newlines, then `, ]` (error on the last line)",
            format!("[0{}, ]", "\n".repeat(MAX_LEN - 6)),
        ),
        case(
            "json",
            "2 MiB number of 2 million digits",
            "1".repeat(MAX_LEN),
        ),
        case(
            "json",
            "2 MiB number: 0. and 2 million zeros and a 1",
            format!("0.{}1", "0".repeat(MAX_LEN - 3)),
        ),
        case("json", "1e999999999999", "1e999999999999"),
        case("json", "100,000 [ (deep nesting)", deep_arrays.clone()),
        case("json", "100,000 {\"a\": (deep nesting)", deep_objects),
        case(
            "json",
            &format!("{} levels (the limit)", MAX_DEPTH),
            at_depth(MAX_DEPTH),
        ),
        case(
            "json",
            &format!("{} levels", MAX_DEPTH + 1),
            at_depth(MAX_DEPTH + 1),
        ),
        case(
            "json",
            "40,000 keys in one object (430 KB)",
            object_of(40_000, "k"),
        ),
        case("json", "10,000 keys (the limit)", object_of(MAX_KEYS, "k")),
        case("json", "10,000 keys, the last repeats the first", dup_keys),
        case(
            "json",
            "10,000 keys sharing a 200-byte prefix (2 MB)",
            object_of(MAX_KEYS, &long_prefix),
        ),
        case(
            "json",
            "string of 64 KiB (the limit)",
            format!("\"{}\"", "x".repeat(MAX_STRING)),
        ),
        case(
            "json",
            "string of 1 MiB",
            format!("\"{}\"", "x".repeat(1 << 20)),
        ),
        case(
            "json",
            "string of 300,000 \\u0041 escapes (1.8 MB)",
            format!("\"{}\"", "\\u0041".repeat(300_000)),
        ),
        case(
            "json",
            "string of 100,000 escaped surrogate pairs",
            format!("\"{}\"", "\\ud83d\\ude00".repeat(100_000)),
        ),
        case("json", "lone surrogate \\ud800", "\"\\ud800\""),
        case(
            "json",
            "lone low surrogate \\udc00",
            "[\"ok\", \"\\udc00\"]",
        ),
        case(
            "json",
            "high surrogate then \\u0041",
            "{\"a\": \"\\ud800\\u0041\"}",
        ),
        case(
            "json",
            "high surrogate at the end of 1 MiB of text",
            format!("\"{}\\ud800\"", "x".repeat(1 << 20)),
        ),
        case("json", "byte-order mark before the value", "\u{feff}{}"),
        case(
            "json",
            &format!("{} values in one array", MAX_VALUES),
            array_of("0", MAX_VALUES),
        ),
        case(
            "widget-config",
            "JSON block of 2 MiB + 1",
            placeholder(
                &[("widget", "payments")],
                Some(&format!("{{}}{}", " ".repeat(MAX_LEN - 1))),
            ),
        ),
        case(
            "widget-config",
            "JSON block with 40,000 keys",
            placeholder(&[("widget", "tally")], Some(&object_of(40_000, "k"))),
        ),
        case(
            "widget-config",
            "JSON block with 10,000 keys over 5,000 attributes",
            placeholder(&attrs, Some(&object_of(MAX_KEYS, "x"))),
        ),
        case(
            "widget-config",
            "JSON block nested 100,000 deep",
            placeholder(&[("widget", "tally")], Some(&deep_arrays)),
        ),
        case(
            "widget-config",
            "series attribute of 5,000 points",
            placeholder(
                &[
                    ("widget", "payments"),
                    ("series", &series_of(MAX_POINTS, 0)),
                ],
                None,
            ),
        ),
        case(
            "widget-config",
            "series attribute of 5,001 points",
            placeholder(
                &[
                    ("widget", "payments"),
                    ("series", &series_of(MAX_POINTS + 1, 0)),
                ],
                None,
            ),
        ),
        case(
            "widget-config",
            "sections attribute listing 100,000 ids",
            placeholder(&[("widget", "tally"), ("sections", &sections)], None),
        ),
        case(
            "widget-config",
            "src of 1 MiB",
            placeholder(
                &[("widget", "payments"), ("src", &"a".repeat(1 << 20))],
                None,
            ),
        ),
        case(
            "series",
            "5,000 points (the most allowed)",
            series_file(&series_of(MAX_POINTS, 0)),
        ),
        case(
            "series",
            "5,001 points",
            series_file(&series_of(MAX_POINTS + 1, 0)),
        ),
        case(
            "series",
            "5,000 points padded to 2 MiB",
            series_file(&series_of(MAX_POINTS, MAX_LEN / MAX_POINTS - 45)),
        ),
        case(
            "series",
            "5 MB body",
            series_file(&array_of("{\"date\":\"2020-01\",\"value\":1}", 180_000)),
        ),
        case(
            "series",
            "a value of 1e999",
            series_file("[{\"date\":\"2020-01\",\"value\":1e999}]"),
        ),
        case(
            "series",
            "lone surrogate in a date",
            series_file("[{\"date\":\"2020-01\\udfff\",\"value\":1}]"),
        ),
        case(
            "url",
            &format!("{} characters (the limit)", MAX_URL_LEN),
            "a".repeat(MAX_URL_LEN),
        ),
        case("url", "1 MiB", "a".repeat(1 << 20)),
        case("url", "javascript: split by 100,000 tabs", tabs_url),
        case("url", "//evil.example", "//evil.example/s.json"),
    ]
}

/// The median and slowest of [`RUNS`] runs, and the answer.
fn measure(c: &Case) -> Option<(Duration, Duration, String)> {
    let t = target(c.target)?;
    let mut times = Vec::with_capacity(RUNS);
    let mut answer = String::new();
    for _ in 0..RUNS {
        let started = Instant::now();
        answer = (t.answer)(&c.input);
        times.push(started.elapsed());
    }
    times.sort();
    let median = times.get(RUNS / 2).copied().unwrap_or_default();
    let slowest = times.last().copied().unwrap_or_default();
    Some((median, slowest, answer))
}

/// Prints the report; returns how many cases went over [`BUDGET_MS`].
pub fn print() -> usize {
    println!(
        "Limits of the JSON reader: {MAX_LEN} bytes, {MAX_DEPTH} levels, {MAX_KEYS} keys an object, {MAX_STRING} bytes a string, {MAX_VALUES} values; series: {MAX_POINTS} points; URL: {MAX_URL_LEN} characters."
    );
    println!("Median and slowest of {RUNS} runs each, in ms; budget {BUDGET_MS} ms (median).\n");
    println!(
        "{:<14} {:<52} {:>10} {:>8} {:>8}  answer",
        "parser", "document", "bytes", "median", "slowest"
    );
    let mut over = 0;
    for c in cases() {
        let Some((median, slowest, answer)) = measure(&c) else {
            println!("{:<14} {:<52} no such target", c.target, c.what);
            over += 1;
            continue;
        };
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let late = ms(median) > BUDGET_MS;
        if late {
            over += 1;
        }
        let answer: String = answer.chars().take(150).collect();
        println!(
            "{:<14} {:<52} {:>10} {:>8.2} {:>8.2}{} {answer}",
            c.target,
            c.what,
            c.input.len(),
            ms(median),
            ms(slowest),
            if late { " OVER" } else { "" }
        );
    }
    if over == 0 {
        println!("\nevery document answered within {BUDGET_MS} ms");
    } else {
        println!("\n{over} documents took longer than {BUDGET_MS} ms");
    }
    over
}

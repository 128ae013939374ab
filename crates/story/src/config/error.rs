//! Why a configuration was refused, and the editor-facing message in zh-CN and English.
//!
//! Variants carry data; the prose is built only in [`ConfigError::message`].

use super::json::{
    is_invisible, path_text, JsonError, JsonErrorKind, MAX_DEPTH, MAX_KEYS, MAX_LEN, MAX_STRING,
    MAX_VALUES,
};
use super::{Lang, WidgetKind};
use crate::format::digits::push_uint;
use crate::ui::fill;
use thiserror::Error;

/// What type an option expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    Text,
    Bool,
    Number,
    /// A list of ids: a JSON array of strings, or comma-separated text in an attribute.
    List,
    /// A JSON array of `{date, value}` points.
    Points,
    /// One `{date, value}` point.
    Point,
    /// A JSON object (the config block itself).
    Object,
    /// A story bundle: a JSON object holding a story (a tally's `src`).
    StoryBundle,
}

/// A bound a value broke.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    MaxPoints(usize),
    MinPoints(usize),
    MinSections(usize),
    Finite,
}

/// Why a URL was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlProblem {
    Empty,
    /// Has a scheme (`https:`, `javascript:`, `data:` …).
    Scheme,
    /// Starts with `//`: another host.
    OtherHost,
    Backslash,
    /// Spaces or control characters, which browsers strip or reinterpret.
    Whitespace,
    TooLong,
}

/// Why a placeholder's configuration was refused. `field` is the option's name as the editor
/// wrote it (`lang`, `series[3].value`); `value` is the offending value, quoted if text.
#[derive(Debug, Clone, PartialEq, Error)]
#[error("{}", self.message(Lang::En))]
pub enum ConfigError {
    Missing {
        field: &'static str,
        allowed: &'static [&'static str],
    },
    NotAllowed {
        field: String,
        value: String,
        allowed: Vec<&'static str>,
    },
    UnknownOption {
        field: String,
        widget: Option<WidgetKind>,
        known: Vec<&'static str>,
    },
    WrongType {
        field: String,
        value: String,
        expected: Expected,
    },
    OutOfRange {
        field: String,
        value: String,
        limit: Limit,
    },
    /// JSON text that could not be read, or that broke one of the reader's limits.
    /// `path` leads to the value inside the document (`[3].date`), empty for the document.
    BrokenJson {
        field: String,
        line: usize,
        column: usize,
        path: String,
        problem: JsonErrorKind,
    },
    BadDate {
        field: String,
        value: String,
    },
    Unsorted {
        field: String,
        value: String,
        previous: String,
    },
    Negative {
        field: String,
        value: String,
    },
    MixedUnits {
        field: String,
        value: String,
        first: String,
    },
    MixedDates {
        field: String,
        value: String,
        first: String,
    },
    Duplicate {
        field: String,
        value: String,
    },
    Conflict {
        field: &'static str,
        other: &'static str,
    },
    UnsafeUrl {
        field: String,
        value: String,
        problem: UrlProblem,
    },
    /// `src` on the map, whose data (regions, geometry) is built into the module.
    MapBuildTime,
}

fn join(items: &[&str], lang: Lang) -> String {
    items.join(lang.pick("、", ", "))
}

impl ConfigError {
    /// The JSON in option `field` could not be read.
    pub fn broken_json(field: &str, e: JsonError) -> ConfigError {
        ConfigError::BrokenJson {
            field: field.into(),
            line: e.line,
            column: e.column,
            path: path_text(&e.path),
            problem: e.kind,
        }
    }

    /// The option the error is about.
    pub fn field(&self) -> &str {
        match self {
            ConfigError::Missing { field, .. } | ConfigError::Conflict { field, .. } => field,
            ConfigError::MapBuildTime => "src",
            ConfigError::NotAllowed { field, .. }
            | ConfigError::UnknownOption { field, .. }
            | ConfigError::WrongType { field, .. }
            | ConfigError::OutOfRange { field, .. }
            | ConfigError::BrokenJson { field, .. }
            | ConfigError::BadDate { field, .. }
            | ConfigError::Unsorted { field, .. }
            | ConfigError::Negative { field, .. }
            | ConfigError::MixedUnits { field, .. }
            | ConfigError::MixedDates { field, .. }
            | ConfigError::Duplicate { field, .. }
            | ConfigError::UnsafeUrl { field, .. } => field,
        }
    }

    /// Editor-facing text naming the option, the value and what is allowed.
    ///
    /// Built from `(zh, en)` templates filled by [`fill`] rather than `format!`: one small
    /// filler instead of a formatting call per sentence (this runs in the WASM).
    pub fn message(&self, lang: Lang) -> String {
        // Option names can come from the page (unknown attributes and JSON keys): cut them.
        let field = shown_field(self.field());
        let field = field.as_str();
        let say = |zh: &str, en: &str, args: &[&str]| fill(lang.pick(zh, en), args);
        match self {
            ConfigError::Missing { allowed, .. } => say(
                "缺少选项 `{0}`。可用的值：{1}。",
                "Option `{0}` is missing. Use one of: {1}.",
                &[field, &join(allowed, lang)],
            ),
            ConfigError::NotAllowed { value, allowed, .. } => say(
                "选项 `{0}`：不支持 {1}。可用的值：{2}。",
                "Option `{0}`: {1} is not supported. Use one of: {2}.",
                &[field, value, &join(allowed, lang)],
            ),
            ConfigError::UnknownOption { widget, known, .. } => {
                let known = join(known, lang);
                match widget {
                    Some(w) => say(
                        "{1} 组件没有选项 `{0}`。可用的选项：{2}。",
                        "Unknown option `{0}` for the {1} widget. Known options: {2}.",
                        &[field, w.name(), &known],
                    ),
                    None => say(
                        "未知选项 `{0}`。可用的选项：{1}。",
                        "Unknown option `{0}`. Known options: {1}.",
                        &[field, &known],
                    ),
                }
            }
            ConfigError::WrongType {
                value, expected, ..
            } => say(
                "选项 `{0}`：{1} 的类型不对。应为{2}。",
                "Option `{0}`: {1} has the wrong type. Expected {2}.",
                &[field, value, expected_text(*expected, lang)],
            ),
            ConfigError::OutOfRange { value, limit, .. } => {
                let (shown, allowed, bound) = match limit {
                    Limit::MaxPoints(n) => (
                        lang.pick("{0} 个数据点", "{0} points"),
                        lang.pick("最多 {1} 个数据点", "at most {1} points"),
                        *n,
                    ),
                    Limit::MinPoints(n) => (
                        lang.pick("{0} 个数据点", "{0} points"),
                        lang.pick("至少 {1} 个数据点", "at least {1} point"),
                        *n,
                    ),
                    Limit::MinSections(n) => (
                        lang.pick("{0} 个栏目", "{0} sections"),
                        lang.pick("至少 {1} 个栏目", "at least {1} section"),
                        *n,
                    ),
                    Limit::Finite => ("{0}", lang.pick("有限的数字", "a finite number"), 0),
                };
                let bound = uint(bound);
                let args = [value.as_str(), bound.as_str()];
                say(
                    "选项 `{0}`：{1} 超出范围。允许：{2}。",
                    "Option `{0}`: {1} is out of range. Allowed: {2}.",
                    &[field, &fill(shown, &args), &fill(allowed, &args)],
                )
            }
            ConfigError::BrokenJson {
                line,
                column,
                path,
                problem,
                ..
            } => {
                let at = if path.is_empty() {
                    String::new()
                } else {
                    fill(lang.pick("，位于 {0}", ", in {0}"), &[path])
                };
                let args: &[&str] = &[
                    field,
                    &uint(*line),
                    &uint(*column),
                    &at,
                    &json_problem(problem, lang),
                ];
                if problem.is_limit() {
                    say(
                        "`{0}` 中的 JSON 超出上限（第 {1} 行第 {2} 列{3}）：{4}。这些上限让页面保持流畅；请缩短或拆分数据。",
                        "The JSON in `{0}` goes over a limit at line {1}, column {2}{3}: {4}. The limits keep the page responsive; shorten or split the data.",
                        args,
                    )
                } else {
                    say(
                        "`{0}` 中的 JSON 有误（第 {1} 行第 {2} 列{3}）：{4}。请使用标准 JSON，例如 {\"lang\": \"en\"}，检查引号、逗号和括号。",
                        "The JSON in `{0}` is broken at line {1}, column {2}{3}: {4}. Use standard JSON such as {\"lang\": \"en\"}; check quotes, commas and brackets.",
                        args,
                    )
                }
            }
            ConfigError::BadDate { value, .. } => say(
                "选项 `{0}`：{1} 不是有效日期。请写成 YYYY-MM-DD 或 YYYY-MM。",
                "Option `{0}`: {1} is not a valid date. Use YYYY-MM-DD or YYYY-MM.",
                &[field, value],
            ),
            ConfigError::Unsorted {
                value, previous, ..
            } => say(
                "选项 `{0}`：{1} 不晚于上一个点 {2}。日期须按从早到晚排列且不重复。",
                "Option `{0}`: {1} is not after the previous point {2}. Dates must increase, without repeats.",
                &[field, value, previous],
            ),
            ConfigError::Negative { value, .. } => say(
                "选项 `{0}`：{1} 是负数。请使用 0 或更大的数。",
                "Option `{0}`: {1} is negative. Use a number of 0 or more.",
                &[field, value],
            ),
            ConfigError::MixedUnits { value, first, .. } => say(
                "选项 `{0}`：单位 {1} 与其他点的单位 {2} 不同。所有点须使用同一单位：{2}。",
                "Option `{0}`: unit {1} differs from {2} used by the other points. All points must use one unit: {2}.",
                &[field, value, first],
            ),
            ConfigError::MixedDates { value, first, .. } => say(
                "选项 `{0}`：{1} 与第一个点 {2} 的日期精度不同。请全部写成 YYYY-MM-DD，或全部写成 YYYY-MM。",
                "Option `{0}`: {1} has a different date precision from the first point {2}. Use YYYY-MM-DD for every point, or YYYY-MM for every point.",
                &[field, value, first],
            ),
            ConfigError::Duplicate { value, .. } => say(
                "选项 `{0}`：{1} 重复出现。每项只能列一次。",
                "Option `{0}`: {1} is listed twice. List each one once.",
                &[field, value],
            ),
            ConfigError::MapBuildTime => say(
                "grid-map 组件不能使用选项 `src`：地图在构建时生成（区域和边界随组件模块发布），无法在运行时读取数据文件。`src` 只适用于 tally 和 payments。",
                "Option `src` does not apply to the grid-map widget: the map is build-time (its regions and geometry ship with the widgets' module), so it cannot read a data file at run time. `src` is for tally and payments.",
                &[],
            ),
            ConfigError::Conflict { other, .. } => say(
                "选项 `{0}` 与 `{1}` 不能同时使用。请只保留其中一个。",
                "Options `{0}` and `{1}` cannot be used together. Keep one of them.",
                &[field, other],
            ),
            ConfigError::UnsafeUrl { value, problem, .. } => say(
                "选项 `{0}`：不允许 {1}（{2}）。只能使用本站的相对地址，例如 data/series.json。",
                "Option `{0}`: {1} is not allowed ({2}). Use a relative URL on this site, such as data/series.json.",
                &[field, value, url_problem(*problem, lang)],
            ),
        }
    }
}

/// A count in decimal, without `core::fmt`.
fn uint(n: usize) -> String {
    let mut s = String::new();
    push_uint(&mut s, n as u64);
    s
}

/// `n` as four hexadecimal digits (more if it needs them), upper or lower case.
fn hex4(n: u32, upper: bool) -> String {
    let digits: &[u8; 16] = if upper {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    let mut out = Vec::new();
    let mut rest = n;
    while rest > 0 || out.len() < 4 {
        out.push(digits.get((rest % 16) as usize).copied().unwrap_or(b'0'));
        rest /= 16;
    }
    out.iter().rev().map(|&b| char::from(b)).collect()
}

fn expected_text(e: Expected, lang: Lang) -> &'static str {
    match e {
        Expected::Text => lang.pick(
            "文本",
            "text",
        ),
        Expected::Bool => lang.pick(
            " true 或 false",
            "true or false",
        ),
        Expected::Number => lang.pick(
            "数字",
            "a number",
        ),
        Expected::List => lang.pick(
            "由名称组成的列表：JSON 字符串数组，或用逗号分隔的文本",
            "a list of ids: a JSON array of strings, or comma-separated text",
        ),
        Expected::Points => lang.pick(
            "JSON 数组，例如 [{\"date\": \"2020-06\", \"value\": 1}]",
            "a JSON array of points such as [{\"date\": \"2020-06\", \"value\": 1}]",
        ),
        Expected::Point => lang.pick(
            "对象，例如 {\"date\": \"2020-06\", \"value\": 1}",
            "an object such as {\"date\": \"2020-06\", \"value\": 1}",
        ),
        Expected::Object => lang.pick(
            "JSON 对象，例如 {\"lang\": \"en\"}",
            "a JSON object such as {\"lang\": \"en\"}",
        ),
        Expected::StoryBundle => lang.pick(
            "报道数据包：包含报道数据和计数卡片的 JSON 对象（可用 cli bundle 生成）",
            "a story bundle: a JSON object with the story's facts and its tally (cli bundle writes one)",
        ),
    }
}

fn json_problem(p: &JsonErrorKind, lang: Lang) -> String {
    let text = |zh: &str, en: &str| lang.pick(zh, en).to_owned();
    let with = |zh: &str, en: &str, arg: &str| fill(lang.pick(zh, en), &[arg]);
    let kib = |n: usize| uint(n / 1024);
    match p {
        JsonErrorKind::UnexpectedEnd => text("内容提前结束", "the text ends too early"),
        JsonErrorKind::Unexpected(c) => {
            with("意外的字符 {0}", "unexpected character {0}", &shown_char(*c))
        }
        JsonErrorKind::BadEscape => text("无效的转义序列", "invalid escape sequence"),
        JsonErrorKind::LoneSurrogate(unit) => with(
            "\\u{0} 只是一个字符的一半（孤立的代理项）；请直接写出该字符，或写出成对的两个转义",
            "\\u{0} is half of a character (a lone surrogate); write the character itself, or both escapes of its pair",
            &hex4(u32::from(*unit), false),
        ),
        JsonErrorKind::BadNumber => text("无效的数字", "invalid number"),
        JsonErrorKind::ControlInString => {
            text("字符串中有控制字符", "control character inside a string")
        }
        JsonErrorKind::TrailingText => text("值后面还有多余内容", "extra text after the value"),
        JsonErrorKind::DuplicateKey(k) => with(
            "字段 {0} 重复",
            "field {0} appears twice",
            &super::json::quote(k),
        ),
        JsonErrorKind::TooLong => with(
            "内容超过 {0} KiB",
            "the text is longer than {0} KiB",
            &kib(MAX_LEN),
        ),
        JsonErrorKind::TooDeep => with(
            "数组和对象嵌套超过 {0} 层",
            "arrays and objects nested more than {0} deep",
            &uint(MAX_DEPTH),
        ),
        JsonErrorKind::TooManyKeys => with(
            "一个对象中的字段超过 {0} 个",
            "more than {0} fields in one object",
            &uint(MAX_KEYS),
        ),
        JsonErrorKind::StringTooLong => with(
            "文本超过 {0} KiB",
            "a text longer than {0} KiB",
            &kib(MAX_STRING),
        ),
        JsonErrorKind::TooManyValues => with(
            "值的总数超过 {0} 个",
            "more than {0} values in one document",
            &uint(MAX_VALUES),
        ),
    }
}

/// An option's name for a message: cut to 60 characters, invisible characters replaced.
fn shown_field(field: &str) -> String {
    let mut out = String::new();
    for (i, c) in field.chars().enumerate() {
        if i == 60 {
            out.push('…');
            break;
        }
        out.push(if is_invisible(c) { '�' } else { c });
    }
    out
}

/// A character for a message: quoted if it shows, its code point (`U+202E`) if it would not.
fn shown_char(c: char) -> String {
    if is_invisible(c) {
        String::from("U+") + &hex4(u32::from(c), true)
    } else {
        ['\'', c, '\''].iter().collect()
    }
}

fn url_problem(p: UrlProblem, lang: Lang) -> &'static str {
    match p {
        UrlProblem::Empty => lang.pick("地址为空", "empty"),
        UrlProblem::Scheme => lang.pick(
            "不接受绝对地址或 https:、javascript: 等协议",
            "absolute URLs and schemes such as https: or javascript: are refused",
        ),
        UrlProblem::OtherHost => lang.pick("以 // 开头会指向其他网站", "// points to another host"),
        UrlProblem::Backslash => lang.pick(
            "浏览器会把反斜杠当作斜杠",
            "backslashes are read as slashes by browsers",
        ),
        UrlProblem::Whitespace => lang.pick("含有空格或控制字符", "spaces or control characters"),
        UrlProblem::TooLong => lang.pick("超过 2048 个字符", "longer than 2048 characters"),
    }
}

// Written against both languages' text: tests of the default build (`lang_tests` in
// config.rs hold in a one-language build too).
#[cfg(test)]
#[cfg(all(feature = "zh", feature = "en"))]
mod tests {
    use super::*;

    #[test]
    fn not_allowed_names_field_value_and_choices_in_both_languages() {
        let e = ConfigError::NotAllowed {
            field: "lang".into(),
            value: "\"fr\"".into(),
            allowed: vec!["zh", "en"],
        };
        assert_eq!(
            e.message(Lang::En),
            "Option `lang`: \"fr\" is not supported. Use one of: zh, en."
        );
        assert_eq!(
            e.message(Lang::Zh),
            "选项 `lang`：不支持 \"fr\"。可用的值：zh、en。"
        );
        assert_eq!(e.to_string(), e.message(Lang::En));
    }

    #[test]
    fn json_problems_name_the_limit_and_show_invisible_characters_by_code_point() {
        let broken = |problem| ConfigError::BrokenJson {
            field: "src".into(),
            line: 2,
            column: 7,
            path: "[3].date".into(),
            problem,
        };
        assert_eq!(
            broken(JsonErrorKind::TooManyKeys).message(Lang::En),
            "The JSON in `src` goes over a limit at line 2, column 7, in [3].date: more than 10000 fields in one object. The limits keep the page responsive; shorten or split the data."
        );
        assert_eq!(
            broken(JsonErrorKind::LoneSurrogate(0xD800)).message(Lang::Zh),
            "`src` 中的 JSON 有误（第 2 行第 7 列，位于 [3].date）：\\ud800 只是一个字符的一半（孤立的代理项）；请直接写出该字符，或写出成对的两个转义。请使用标准 JSON，例如 {\"lang\": \"en\"}，检查引号、逗号和括号。"
        );
        assert!(broken(JsonErrorKind::Unexpected('\u{202E}'))
            .message(Lang::En)
            .contains("unexpected character U+202E"));
        assert!(broken(JsonErrorKind::DuplicateKey("k".repeat(100)))
            .message(Lang::En)
            .contains(&format!("field \"{}…\" appears twice", "k".repeat(40))));
        for kind in [
            JsonErrorKind::TooLong,
            JsonErrorKind::TooDeep,
            JsonErrorKind::StringTooLong,
            JsonErrorKind::TooManyValues,
        ] {
            let (zh, en) = (
                broken(kind.clone()).message(Lang::Zh),
                broken(kind).message(Lang::En),
            );
            assert!(
                zh.contains("超出上限") && en.contains("goes over a limit"),
                "{en}"
            );
        }
    }

    #[test]
    fn option_names_from_the_page_are_cut_and_cleaned_in_messages() {
        let e = ConfigError::UnknownOption {
            field: format!("a\u{202E}{}", "b".repeat(200)),
            widget: None,
            known: vec!["lang"],
        };
        let m = e.message(Lang::En);
        assert!(m.starts_with("Unknown option `a�bbb"), "{m}");
        assert!(m.chars().count() < 120, "{m}");
    }

    #[test]
    fn every_variant_has_a_message_naming_its_field_in_both_languages() {
        let f = || String::from("series[2].value");
        let all = vec![
            ConfigError::Missing {
                field: "widget",
                allowed: &["tally"],
            },
            ConfigError::UnknownOption {
                field: f(),
                widget: None,
                known: vec!["date"],
            },
            ConfigError::WrongType {
                field: f(),
                value: "\"1\"".into(),
                expected: Expected::Number,
            },
            ConfigError::OutOfRange {
                field: f(),
                value: "5001".into(),
                limit: Limit::MaxPoints(5000),
            },
            ConfigError::BrokenJson {
                field: f(),
                line: 1,
                column: 2,
                path: "[3]".into(),
                problem: JsonErrorKind::TooDeep,
            },
            ConfigError::BadDate {
                field: f(),
                value: "\"2020-13\"".into(),
            },
            ConfigError::Unsorted {
                field: f(),
                value: "\"2020-01\"".into(),
                previous: "\"2020-02\"".into(),
            },
            ConfigError::Negative {
                field: f(),
                value: "-5".into(),
            },
            ConfigError::MixedUnits {
                field: f(),
                value: "\"yuan\"".into(),
                first: "\"transactions\"".into(),
            },
            ConfigError::MixedDates {
                field: f(),
                value: "\"2020-01-02\"".into(),
                first: "\"2020-01\"".into(),
            },
            ConfigError::Duplicate {
                field: f(),
                value: "\"policy\"".into(),
            },
            ConfigError::UnsafeUrl {
                field: f(),
                value: "\"//x\"".into(),
                problem: UrlProblem::OtherHost,
            },
        ];
        for e in all {
            for lang in [Lang::Zh, Lang::En] {
                let m = e.message(lang);
                assert!(m.contains(e.field()), "{m}");
            }
        }
        let c = ConfigError::Conflict {
            field: "series",
            other: "src",
        };
        assert!(c.message(Lang::En).contains("`series` and `src`"));
    }
}

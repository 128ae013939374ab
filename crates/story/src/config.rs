//! Widget configuration shared by every widget: kind, language, theme and per-widget options,
//! read from a placeholder's `data-*` attributes and an optional JSON block.

mod error;
pub mod json;
mod schema;
mod series;
mod series_file;
mod url;

pub use error::{ConfigError, Expected, Limit, UrlProblem};
pub use schema::SCHEMA_JSON;
pub use series::{
    parse_series, sample_json as sample_series_json, Series, SeriesDate, SeriesPoint, MAX_POINTS,
};
pub use series_file::{
    read_series_file, read_src_file, series_in, SeriesFileError, SrcFile, MAX_SERIES_BYTES,
    SERIES_TIMEOUT_MS,
};
pub use url::{check_relative_url, MAX_URL_LEN};

use crate::model::{default_story, stories, Metric, Milestone, Section, Story};
use json::{quote, Json};

/// Reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

#[cfg(not(any(feature = "zh", feature = "en")))]
compile_error!("story needs at least one language: enable feature `zh` or `en` (both by default)");

impl Lang {
    pub const fn name(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// Whether this build carries the language's text (features `zh` and `en`, both by
    /// default). A release WASM may carry one; a config in the other goes to the full module.
    pub const fn is_compiled(self) -> bool {
        match self {
            Lang::Zh => cfg!(feature = "zh"),
            Lang::En => cfg!(feature = "en"),
        }
    }

    /// `zh` or `en`, whichever is this language's: the one place language-dependent text and
    /// behaviour is chosen. In a build with one language it is always that language's, so
    /// the other argument is never used and its text is left out of the binary; text asked
    /// for in a language the build lacks falls back to the one it has.
    #[inline(always)]
    pub fn pick<T>(self, zh: T, en: T) -> T {
        #[cfg(all(feature = "zh", feature = "en"))]
        let picked = match self {
            Lang::Zh => zh,
            Lang::En => en,
        };
        #[cfg(all(feature = "zh", not(feature = "en")))]
        let picked = {
            let _ = (self, en);
            zh
        };
        #[cfg(all(feature = "en", not(feature = "zh")))]
        let picked = {
            let _ = (self, zh);
            en
        };
        picked
    }
}

#[cfg(test)]
mod lang_tests {
    //! Hold in every build, as do the test modules without a language gate:
    //! `cargo test -p story --no-default-features --features en` (or `zh`) checks a
    //! one-language build.
    use super::{ConfigError, Lang};

    const BOTH: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The language a one-language build falls back to (either, when it has both).
    fn built() -> Lang {
        if Lang::Zh.is_compiled() {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    #[test]
    fn lang_is_compiled_follows_the_features_and_one_always_is() {
        assert_eq!(Lang::Zh.is_compiled(), cfg!(feature = "zh"));
        assert_eq!(Lang::En.is_compiled(), cfg!(feature = "en"));
        assert!(BOTH.iter().any(|l| l.is_compiled()));
    }

    #[test]
    fn lang_pick_gives_a_compiled_language_its_own_text() {
        for lang in BOTH.into_iter().filter(|l| l.is_compiled()) {
            assert_eq!(lang.pick("zh", "en"), lang.name());
        }
    }

    #[test]
    fn lang_pick_gives_a_language_the_build_lacks_the_builds_text() {
        for lang in BOTH.into_iter().filter(|l| !l.is_compiled()) {
            assert_eq!(lang.pick("zh", "en"), built().name());
            assert_eq!(lang.pick(1, 2), built().pick(1, 2));
        }
    }

    #[test]
    fn lang_story_text_is_written_in_the_builds_languages_only() {
        let story = crate::default_story();
        assert_eq!(story.title.zh.is_empty(), !Lang::Zh.is_compiled());
        assert_eq!(story.title.en.is_empty(), !Lang::En.is_compiled());
        let fact = story.facts.first().map(|f| (f.label_zh, f.label_en));
        assert_eq!(
            fact.is_some_and(|(zh, _)| zh.is_empty()),
            !Lang::Zh.is_compiled()
        );
        assert_eq!(
            fact.is_some_and(|(_, en)| en.is_empty()),
            !Lang::En.is_compiled()
        );
        for lang in BOTH {
            assert!(!story.title.get(lang).is_empty());
        }
    }

    #[test]
    fn lang_messages_asked_for_in_a_missing_language_come_in_the_builds() {
        let e = ConfigError::MapBuildTime;
        for lang in BOTH {
            let expected = if lang.is_compiled() { lang } else { built() };
            assert_eq!(e.message(lang), e.message(expected));
        }
        if Lang::Zh.is_compiled() && Lang::En.is_compiled() {
            assert_ne!(e.message(Lang::Zh), e.message(Lang::En));
        }
    }
}

/// Colour theme; `Auto` follows the host page's dark switch, else the reader's
/// `prefers-color-scheme` (resolved by the embed, crates/embed/src/host_theme.rs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

/// Which widget a placeholder asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WidgetKind {
    Tally,
    Payments,
    GridMap,
}

impl WidgetKind {
    pub const ALL: [WidgetKind; 3] = [WidgetKind::Tally, WidgetKind::Payments, WidgetKind::GridMap];

    pub fn name(self) -> &'static str {
        match self {
            WidgetKind::Tally => "tally",
            WidgetKind::Payments => "payments",
            WidgetKind::GridMap => "grid-map",
        }
    }

    /// Whether `story` has the data this widget draws.
    pub fn offered_by(self, story: &Story) -> bool {
        match self {
            WidgetKind::Tally => story.tally.is_some(),
            WidgetKind::Payments => !story.metrics().is_empty(),
            WidgetKind::GridMap => story.map.is_some(),
        }
    }

    /// Options this widget accepts besides the common ones.
    pub const fn option_names(self) -> &'static [&'static str] {
        match self {
            WidgetKind::Tally => &TALLY_FIELDS,
            WidgetKind::Payments => &PAYMENTS_FIELDS,
            WidgetKind::GridMap => &GRID_FIELDS,
        }
    }
}

pub(crate) const COMMON_FIELDS: [&str; 4] = ["widget", "lang", "theme", "story"];
pub(crate) const TALLY_FIELDS: [&str; 3] = ["sections", "highlight", "src"];
pub(crate) const PAYMENTS_FIELDS: [&str; 3] = ["metric", "series", "src"];
pub(crate) const GRID_FIELDS: [&str; 2] = ["step", "autoplay"];
pub(crate) const WIDGET_NAMES: [&str; 3] = ["tally", "payments", "grid-map"];
pub(crate) const LANG_NAMES: [&str; 2] = ["zh", "en"];
pub(crate) const THEME_NAMES: [&str; 3] = ["auto", "light", "dark"];

/// Options of the tally.
#[derive(Debug, Clone, PartialEq)]
pub struct TallyOptions {
    /// Sections to show, in the order given (default: every card of the story's tally).
    pub sections: Vec<&'static Section>,
    /// Section to emphasise.
    pub highlight: Option<&'static Section>,
}

impl TallyOptions {
    /// Every card of `story`'s tally, in the story's order.
    pub fn all(story: &Story) -> TallyOptions {
        TallyOptions {
            sections: story.tally_sections().collect(),
            highlight: None,
        }
    }
}

/// Options of the line chart.
#[derive(Debug, Clone, PartialEq)]
pub struct PaymentsOptions {
    /// The metric shown first (default: the chart's first).
    pub metric: &'static Metric,
    /// Editor-supplied points (the source gives only totals).
    pub series: Option<Series>,
    /// Same-origin relative URL of a JSON series, to fetch and check with [`parse_series`].
    pub src: Option<String>,
}

/// Options of the grid map.
#[derive(Debug, Clone, PartialEq)]
pub struct GridMapOptions {
    /// Timeline step shown first (default: the story's last milestone, every link drawn).
    pub step: &'static Milestone,
    pub autoplay: bool,
}

/// Per-widget options.
#[derive(Debug, Clone, PartialEq)]
pub enum WidgetOptions {
    Tally(TallyOptions),
    Payments(PaymentsOptions),
    GridMap(GridMapOptions),
}

impl WidgetOptions {
    /// The widget's default options for `story`; `None` when the story lacks its data.
    pub fn default_for(kind: WidgetKind, story: &Story) -> Option<WidgetOptions> {
        if !kind.offered_by(story) {
            return None;
        }
        Some(match kind {
            WidgetKind::Tally => WidgetOptions::Tally(TallyOptions::all(story)),
            WidgetKind::Payments => WidgetOptions::Payments(PaymentsOptions {
                metric: story.metrics().first()?,
                series: None,
                src: None,
            }),
            WidgetKind::GridMap => WidgetOptions::GridMap(GridMapOptions {
                step: story.milestones().last()?,
                autoplay: false,
            }),
        })
    }
}

/// A validated widget configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct WidgetConfig {
    pub kind: WidgetKind,
    /// The story the widget draws (`data-story`; default: the first the build embeds).
    pub story: &'static Story,
    pub lang: Lang,
    pub theme: Theme,
    pub options: WidgetOptions,
}

/// Where an option's value came from: attribute text, or a typed JSON value.
enum Input<'a> {
    Attr(&'a str),
    Json(Json),
}

impl Input<'_> {
    fn brief(&self) -> String {
        match self {
            Input::Attr(s) => quote(s),
            Input::Json(j) => j.brief(),
        }
    }
}

fn one_of<T: Copy>(
    field: &str,
    value: &str,
    names: &[&'static str],
    values: &[T],
) -> Result<T, ConfigError> {
    names
        .iter()
        .position(|n| *n == value)
        .and_then(|i| values.get(i).copied())
        .ok_or_else(|| ConfigError::NotAllowed {
            field: field.into(),
            value: quote(value),
            allowed: names.to_vec(),
        })
}

fn text<'i>(field: &str, input: &'i Input) -> Result<&'i str, ConfigError> {
    match input {
        Input::Attr(s) => Ok(s),
        Input::Json(Json::Str(s)) => Ok(s),
        Input::Json(j) => Err(ConfigError::WrongType {
            field: field.into(),
            value: j.brief(),
            expected: Expected::Text,
        }),
    }
}

fn boolean(field: &str, input: &Input) -> Result<bool, ConfigError> {
    match input {
        // `data-autoplay` alone means true, as HTML boolean attributes do.
        Input::Attr("" | "true") => Ok(true),
        Input::Attr("false") | Input::Json(Json::Bool(false)) => Ok(false),
        Input::Json(Json::Bool(true)) => Ok(true),
        other => Err(ConfigError::WrongType {
            field: field.into(),
            value: other.brief(),
            expected: Expected::Bool,
        }),
    }
}

fn list(field: &str, input: &Input) -> Result<Vec<String>, ConfigError> {
    let split = |s: &str| -> Vec<String> {
        s.split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(String::from)
            .collect()
    };
    match input {
        Input::Attr(s) => Ok(split(s)),
        Input::Json(Json::Str(s)) => Ok(split(s)),
        Input::Json(Json::Arr(items)) => items
            .iter()
            .map(|i| match i {
                Json::Str(s) => Ok(s.clone()),
                other => Err(ConfigError::WrongType {
                    field: field.into(),
                    value: other.brief(),
                    expected: Expected::Text,
                }),
            })
            .collect(),
        Input::Json(other) => Err(ConfigError::WrongType {
            field: field.into(),
            value: other.brief(),
            expected: Expected::List,
        }),
    }
}

/// A section of `story` that has a tally card.
fn section(field: &str, id: &str, story: &Story) -> Result<&'static Section, ConfigError> {
    story
        .tally_sections()
        .find(|s| s.id == id)
        .ok_or_else(|| ConfigError::NotAllowed {
            field: field.into(),
            value: quote(id),
            allowed: story.tally_sections().map(|s| s.id()).collect(),
        })
}

/// The attribute (`data-static`) a placeholder carries when the page holds its static layer.
pub const STATIC_MARKER: &str = "static";

impl WidgetConfig {
    /// A configuration with every default (zh, auto theme, the widget's default options).
    /// `None` when the default story has no data for `kind`.
    pub fn new(kind: WidgetKind) -> Option<WidgetConfig> {
        let story = default_story();
        Some(WidgetConfig {
            kind,
            story,
            lang: Lang::default(),
            theme: Theme::default(),
            options: WidgetOptions::default_for(kind, story)?,
        })
    }

    /// Whether the widget reads a file when it mounts (a chart's series `src`). A tally's or
    /// chart's story file is named by [`Self::story_src`] before the configuration is parsed.
    pub fn reads_file(&self) -> bool {
        matches!(&self.options, WidgetOptions::Payments(o) if o.src.is_some())
    }

    /// Reads a configuration from a placeholder's `data-*` attributes (names without `data-`).
    pub fn from_attributes<'a>(
        attrs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Self, ConfigError> {
        WidgetConfig::parse(attrs, None)
    }

    /// Reads a configuration from `data-*` attributes (names without `data-`) and the text of
    /// an optional `<script type="application/json">` block whose fields override them.
    /// Unknown options, wrong types and out-of-range values are refused, naming the option.
    pub fn parse<'a>(
        attrs: impl IntoIterator<Item = (&'a str, &'a str)>,
        json: Option<&str>,
    ) -> Result<WidgetConfig, ConfigError> {
        WidgetConfig::parse_for(attrs, json, None)
    }

    /// The file a placeholder's `src` names, checked to be a same-origin relative address, for
    /// a widget that can take one: the tally's story bundle, or the chart's story bundle or
    /// series file. The embed loads it before the widget is configured ([`Self::parse_for`]),
    /// since the story it holds decides which sections and metrics the options may name. The
    /// map refuses it: its data is built into the module.
    pub fn story_src<'a>(
        attrs: impl IntoIterator<Item = (&'a str, &'a str)>,
        json: Option<&str>,
    ) -> Result<Option<String>, ConfigError> {
        let attrs: Vec<(&str, &str)> = attrs.into_iter().collect();
        let inputs = read_inputs(&attrs, json)?;
        let kind = read_kind(&inputs)?;
        let Some((_, input)) = inputs.iter().find(|(k, _)| k == "src") else {
            return Ok(None);
        };
        if kind == WidgetKind::GridMap {
            return Err(ConfigError::MapBuildTime);
        }
        check_relative_url("src", text("src", input)?).map(Some)
    }

    /// [`Self::parse`], with `bundle` (the story an editor's `src` file holds, already read and
    /// checked) as the widget's story instead of a built-in one; `src` then names that file,
    /// not a series.
    pub fn parse_for<'a>(
        attrs: impl IntoIterator<Item = (&'a str, &'a str)>,
        json: Option<&str>,
        bundle: Option<&'static Story>,
    ) -> Result<WidgetConfig, ConfigError> {
        // The parser proper is not generic: one copy in the WASM, whatever the callers pass.
        let attrs: Vec<(&str, &str)> = attrs.into_iter().collect();
        WidgetConfig::parse_attrs(&attrs, json, bundle)
    }

    fn parse_attrs(
        attrs: &[(&str, &str)],
        json: Option<&str>,
        bundle: Option<&'static Story>,
    ) -> Result<WidgetConfig, ConfigError> {
        let inputs = read_inputs(attrs, json)?;
        let kind = read_kind(&inputs)?;
        let has_src = inputs.iter().any(|(k, _)| k == "src");
        let story = match (bundle, inputs.iter().find(|(k, _)| k == "story")) {
            (Some(bundle), None) => bundle,
            (Some(_), Some(_)) => {
                return Err(ConfigError::Conflict {
                    field: "story",
                    other: "src",
                })
            }
            (None, Some((_, v))) => {
                let id = text("story", v)?;
                stories()
                    .iter()
                    .copied()
                    .find(|s| s.id == id)
                    .ok_or_else(|| ConfigError::NotAllowed {
                        field: "story".into(),
                        value: quote(id),
                        allowed: stories().iter().map(|s| s.id).collect(),
                    })?
            }
            (None, None) => default_story(),
        };
        let Some(mut options) = WidgetOptions::default_for(kind, story) else {
            return Err(ConfigError::NotAllowed {
                field: "widget".into(),
                value: quote(kind.name()),
                allowed: WidgetKind::ALL
                    .into_iter()
                    .filter(|k| k.offered_by(story))
                    .map(WidgetKind::name)
                    .collect(),
            });
        };

        let mut lang = Lang::default();
        let mut theme = Theme::default();
        let mut series_input = None;
        // A tally's `src` file, not yet read (`cli validate`, the builder): its sections are
        // the file's, checked when the page reads it, so they cannot be checked here.
        let unread_story = bundle.is_none() && kind == WidgetKind::Tally && has_src;
        for (name, input) in &inputs {
            let field = name.as_str();
            match (field, &mut options) {
                ("widget" | "story", _) => {}
                ("sections" | "highlight", WidgetOptions::Tally(_)) if unread_story => {}
                ("lang", _) => {
                    lang = one_of(
                        field,
                        text(field, input)?,
                        &LANG_NAMES,
                        &[Lang::Zh, Lang::En],
                    )?
                }
                ("theme", _) => {
                    theme = one_of(
                        field,
                        text(field, input)?,
                        &THEME_NAMES,
                        &[Theme::Auto, Theme::Light, Theme::Dark],
                    )?
                }
                ("sections", WidgetOptions::Tally(o)) => {
                    let ids = list(field, input)?;
                    if ids.is_empty() {
                        return Err(ConfigError::OutOfRange {
                            field: field.into(),
                            value: "0".into(),
                            limit: Limit::MinSections(1),
                        });
                    }
                    let mut sections = Vec::with_capacity(ids.len());
                    for id in &ids {
                        let s = section(field, id, story)?;
                        if sections.contains(&s) {
                            return Err(ConfigError::Duplicate {
                                field: field.into(),
                                value: quote(id),
                            });
                        }
                        sections.push(s);
                    }
                    o.sections = sections;
                }
                ("highlight", WidgetOptions::Tally(o)) => {
                    o.highlight = Some(section(field, text(field, input)?, story)?)
                }
                ("metric", WidgetOptions::Payments(o)) => {
                    let id = text(field, input)?;
                    o.metric = story.metrics().iter().find(|m| m.id == id).ok_or_else(|| {
                        ConfigError::NotAllowed {
                            field: field.into(),
                            value: quote(id),
                            allowed: story.metrics().iter().map(|m| m.id).collect(),
                        }
                    })?;
                }
                ("series", WidgetOptions::Payments(_)) => series_input = Some(input),
                ("src", WidgetOptions::Payments(o)) => {
                    let src = check_relative_url(field, text(field, input)?)?;
                    // With a bundle, `src` was that file: the chart draws its story.
                    o.src = bundle.is_none().then_some(src);
                }
                ("src", WidgetOptions::Tally(_)) => {
                    check_relative_url(field, text(field, input)?)?;
                }
                ("src", WidgetOptions::GridMap(_)) => return Err(ConfigError::MapBuildTime),
                ("step", WidgetOptions::GridMap(o)) => {
                    let v = text(field, input)?;
                    let steps = story.milestones();
                    o.step = steps.iter().find(|m| m.id == v).ok_or_else(|| {
                        ConfigError::NotAllowed {
                            field: field.into(),
                            value: quote(v),
                            allowed: steps.iter().map(|m| m.id).collect(),
                        }
                    })?;
                }
                ("autoplay", WidgetOptions::GridMap(o)) => o.autoplay = boolean(field, input)?,
                _ => {
                    return Err(ConfigError::UnknownOption {
                        field: field.into(),
                        widget: Some(kind),
                        known: COMMON_FIELDS
                            .iter()
                            .chain(kind.option_names())
                            .copied()
                            .collect(),
                    })
                }
            }
        }

        match &mut options {
            WidgetOptions::Payments(o) => {
                if let Some(input) = series_input {
                    if has_src {
                        return Err(ConfigError::Conflict {
                            field: "series",
                            other: "src",
                        });
                    }
                    let parsed;
                    let json = match input {
                        Input::Json(j) => j,
                        Input::Attr(s) => {
                            parsed = json::parse(s)
                                .map_err(|e| ConfigError::broken_json("series", e))?;
                            &parsed
                        }
                    };
                    o.series = Some(series::series_from_json("series", json, o.metric.unit())?);
                }
            }
            WidgetOptions::Tally(o) => {
                if let Some(h) = o.highlight {
                    if !o.sections.contains(&h) {
                        return Err(ConfigError::NotAllowed {
                            field: "highlight".into(),
                            value: quote(h.id()),
                            allowed: o.sections.iter().map(|s| s.id()).collect(),
                        });
                    }
                }
            }
            WidgetOptions::GridMap(_) => {}
        }

        Ok(WidgetConfig {
            kind,
            story,
            lang,
            theme,
            options,
        })
    }
}

/// The options of a placeholder: its `data-*` attributes (names without `data-`) and the fields
/// of its JSON block, which replace attributes of the same name.
fn read_inputs<'a>(
    attrs: &[(&'a str, &'a str)],
    json: Option<&str>,
) -> Result<Vec<(String, Input<'a>)>, ConfigError> {
    let mut inputs: Vec<(String, Input)> = attrs
        .iter()
        .copied()
        // `data-widget-*` (ready, error, …) are the embed's own state markers, and
        // `data-static` says the page carries the static layer: neither is an option.
        .filter(|(k, _)| !k.starts_with("widget-") && *k != STATIC_MARKER)
        .map(|(k, v)| (k.to_owned(), Input::Attr(v)))
        .collect();
    if let Some(text) = json {
        let block = "JSON block";
        match json::parse(text).map_err(|e| ConfigError::broken_json(block, e))? {
            Json::Obj(members) => {
                // The block's fields replace attributes of the same name. A binary search
                // in its sorted keys, not a scan per field: a page may bring thousands.
                let keys = json::sorted_keys(&members);
                inputs.retain(|(name, _)| {
                    keys.binary_search_by(|(k, _)| (*k).cmp(name.as_str()))
                        .is_err()
                });
                inputs.extend(members.into_iter().map(|(k, v)| (k, Input::Json(v))));
            }
            other => {
                return Err(ConfigError::WrongType {
                    field: block.into(),
                    value: other.brief(),
                    expected: Expected::Object,
                })
            }
        }
    }
    Ok(inputs)
}

/// The `widget` option.
fn read_kind(inputs: &[(String, Input<'_>)]) -> Result<WidgetKind, ConfigError> {
    match inputs.iter().find(|(k, _)| k == "widget") {
        Some((_, v)) => one_of(
            "widget",
            text("widget", v)?,
            &WIDGET_NAMES,
            &WidgetKind::ALL,
        ),
        None => Err(ConfigError::Missing {
            field: "widget",
            allowed: &WIDGET_NAMES,
        }),
    }
}

// Written against both languages' text: tests of the default build (`lang_tests` in
// config.rs hold in a one-language build too).
#[cfg(test)]
#[cfg(all(feature = "zh", feature = "en"))]
mod tests {
    use super::*;

    fn ids(sections: &[&Section]) -> Vec<&'static str> {
        sections.iter().map(|s| s.id).collect()
    }

    fn parse(attrs: &[(&str, &str)], json: Option<&str>) -> Result<WidgetConfig, ConfigError> {
        WidgetConfig::parse(attrs.iter().copied(), json)
    }

    fn tally(c: &WidgetConfig) -> &TallyOptions {
        match &c.options {
            WidgetOptions::Tally(o) => o,
            other => panic!("{other:?}"),
        }
    }

    fn payments(c: &WidgetConfig) -> &PaymentsOptions {
        match &c.options {
            WidgetOptions::Payments(o) => o,
            other => panic!("{other:?}"),
        }
    }

    fn grid(c: &WidgetConfig) -> &GridMapOptions {
        match &c.options {
            WidgetOptions::GridMap(o) => o,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn reads_kind_lang_and_theme_from_attributes() {
        let c =
            WidgetConfig::from_attributes([("widget", "tally"), ("lang", "en"), ("theme", "dark")])
                .unwrap();
        assert_eq!(c.kind, WidgetKind::Tally);
        assert_eq!(c.lang, Lang::En);
        assert_eq!(c.theme, Theme::Dark);
    }

    #[test]
    fn defaults_are_zh_auto_and_each_widgets_default_options() {
        let c = parse(&[("widget", "tally")], None).unwrap();
        assert_eq!((c.lang, c.theme), (Lang::Zh, Theme::Auto));
        assert_eq!(
            tally(&c).sections,
            TallyOptions::all(default_story()).sections
        );
        assert_eq!(tally(&c).sections.len(), 7);
        let p = parse(&[("widget", "payments")], None).unwrap();
        assert_eq!(payments(&p).metric.id, "transactions");
        assert_eq!(payments(&p).series, None);
        let g = parse(&[("widget", "grid-map")], None).unwrap();
        assert_eq!(grid(&g).step.id, "2020-06");
        assert!(!grid(&g).autoplay);
    }

    #[test]
    fn unknown_kind_names_the_field_value_and_allowed_values() {
        let err = WidgetConfig::from_attributes([("widget", "pie")]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Option `widget`: \"pie\" is not supported. Use one of: tally, payments, grid-map."
        );
    }

    #[test]
    fn unsupported_lang_gives_the_editor_message_in_both_languages() {
        let err = parse(&[("widget", "tally"), ("lang", "fr")], None).unwrap_err();
        assert_eq!(
            err.message(Lang::En),
            "Option `lang`: \"fr\" is not supported. Use one of: zh, en."
        );
        assert_eq!(
            err.message(Lang::Zh),
            "选项 `lang`：不支持 \"fr\"。可用的值：zh、en。"
        );
    }

    #[test]
    fn missing_widget_lists_the_widgets() {
        let err = parse(&[("lang", "en")], None).unwrap_err();
        assert_eq!(
            err.message(Lang::En),
            "Option `widget` is missing. Use one of: tally, payments, grid-map."
        );
    }

    #[test]
    fn widget_can_come_from_the_json_block_alone() {
        let c = parse(&[], Some(r#"{"widget": "grid-map", "autoplay": true}"#)).unwrap();
        assert_eq!(c.kind, WidgetKind::GridMap);
        assert!(grid(&c).autoplay);
    }

    #[test]
    fn json_fields_override_attributes() {
        let c = parse(
            &[("widget", "tally"), ("lang", "zh")],
            Some(r#"{"lang": "en", "theme": "light"}"#),
        )
        .unwrap();
        assert_eq!((c.lang, c.theme), (Lang::En, Theme::Light));
    }

    #[test]
    fn tally_sections_keep_the_given_order() {
        let c = parse(
            &[
                ("widget", "tally"),
                ("sections", "training, policy"),
                ("highlight", "policy"),
            ],
            None,
        )
        .unwrap();
        assert_eq!(ids(&tally(&c).sections), ["training", "policy"]);
        assert_eq!(tally(&c).highlight.map(|s| s.id), Some("policy"));
    }

    #[test]
    fn tally_sections_from_json_must_be_an_array_of_strings() {
        let c = parse(&[("widget", "tally")], Some(r#"{"sections": ["visit"]}"#)).unwrap();
        assert_eq!(ids(&tally(&c).sections), ["visit"]);
        let e = parse(&[("widget", "tally")], Some(r#"{"sections": 3}"#)).unwrap_err();
        assert!(matches!(
            e,
            ConfigError::WrongType {
                expected: Expected::List,
                ..
            }
        ));
        let e = parse(
            &[("widget", "tally")],
            Some(r#"{"sections": ["visit", 2]}"#),
        )
        .unwrap_err();
        assert!(matches!(
            e,
            ConfigError::WrongType {
                expected: Expected::Text,
                ..
            }
        ));
    }

    #[test]
    fn unknown_and_duplicate_sections_are_refused() {
        let e = parse(&[("widget", "tally"), ("sections", "policy,lead")], None).unwrap_err();
        assert_eq!(
            e.message(Lang::En),
            "Option `sections`: \"lead\" is not supported. Use one of: policy, training, visit, volunteer, order, activist, problem."
        );
        let e = parse(&[("widget", "tally"), ("sections", "policy,policy")], None).unwrap_err();
        assert!(matches!(e, ConfigError::Duplicate { .. }));
        let e = parse(&[("widget", "tally"), ("sections", " , ")], None).unwrap_err();
        assert!(matches!(
            e,
            ConfigError::OutOfRange {
                limit: Limit::MinSections(1),
                ..
            }
        ));
    }

    #[test]
    fn highlight_must_be_one_of_the_shown_sections() {
        let e = parse(
            &[
                ("widget", "tally"),
                ("sections", "policy"),
                ("highlight", "visit"),
            ],
            None,
        )
        .unwrap_err();
        assert_eq!(
            e.message(Lang::En),
            "Option `highlight`: \"visit\" is not supported. Use one of: policy."
        );
    }

    #[test]
    fn options_of_another_widget_are_unknown_options() {
        let e = parse(&[("widget", "payments"), ("sections", "policy")], None).unwrap_err();
        assert_eq!(
            e.message(Lang::En),
            "Unknown option `sections` for the payments widget. Known options: widget, lang, theme, story, metric, series, src."
        );
        assert_eq!(
            e.message(Lang::Zh),
            "payments 组件没有选项 `sections`。可用的选项：widget、lang、theme、story、metric、series、src。"
        );
    }

    #[test]
    fn wrong_types_in_json_name_field_value_and_expected_type() {
        let e = parse(&[("widget", "grid-map")], Some(r#"{"autoplay": "yes"}"#)).unwrap_err();
        assert_eq!(
            e.message(Lang::En),
            "Option `autoplay`: \"yes\" has the wrong type. Expected true or false."
        );
        let e = parse(&[("widget", "tally")], Some(r#"{"lang": 1}"#)).unwrap_err();
        assert!(matches!(
            e,
            ConfigError::WrongType {
                expected: Expected::Text,
                ..
            }
        ));
    }

    #[test]
    fn autoplay_attribute_reads_html_style_booleans() {
        for (v, want) in [("", true), ("true", true), ("false", false)] {
            let c = parse(&[("widget", "grid-map"), ("autoplay", v)], None).unwrap();
            assert_eq!(grid(&c).autoplay, want, "{v:?}");
        }
        assert!(parse(&[("widget", "grid-map"), ("autoplay", "1")], None).is_err());
    }

    #[test]
    fn grid_step_is_one_of_the_timeline_steps() {
        let c = parse(&[("widget", "grid-map"), ("step", "2019-09")], None).unwrap();
        assert_eq!(grid(&c).step.id, "2019-09");
        let e = parse(&[("widget", "grid-map"), ("step", "2020-07")], None).unwrap_err();
        assert_eq!(
            e.message(Lang::En),
            "Option `step`: \"2020-07\" is not supported. Use one of: 2019-09, 2019-10, 2020-06."
        );
    }

    #[test]
    fn broken_json_block_reports_where() {
        let e = parse(&[("widget", "tally")], Some("{\"lang\": \"en\",}")).unwrap_err();
        assert_eq!(
            e.message(Lang::En),
            "The JSON in `JSON block` is broken at line 1, column 15: unexpected character '}'. Use standard JSON such as {\"lang\": \"en\"}; check quotes, commas and brackets."
        );
        assert!(e.message(Lang::Zh).contains("第 1 行第 15 列"));
    }

    #[test]
    fn a_json_block_over_a_limit_names_the_limit_and_where_in_both_languages() {
        let deep = format!(
            "{{\"series\": {}{}}}",
            "[".repeat(json::MAX_DEPTH),
            "]".repeat(json::MAX_DEPTH)
        );
        let e = parse(&[("widget", "payments")], Some(&deep)).unwrap_err();
        // The block is one level deep, so the 32nd array (column 43) is one too many.
        assert_eq!(
            e.message(Lang::En),
            format!(
                "The JSON in `JSON block` goes over a limit at line 1, column 43, in series{}: arrays and objects nested more than 32 deep. The limits keep the page responsive; shorten or split the data.",
                "[0]".repeat(json::MAX_DEPTH - 1)
            )
        );
        assert!(e
            .message(Lang::Zh)
            .contains("超出上限（第 1 行第 43 列，位于 series[0]"));
        assert!(e.message(Lang::Zh).contains("嵌套超过 32 层"));
    }

    #[test]
    fn a_json_block_with_thousands_of_fields_overrides_attributes_and_names_the_first_unknown() {
        let attrs: Vec<(String, String)> = (0..5_000)
            .map(|i| (format!("x{i}"), "1".to_string()))
            .chain([("widget".to_string(), "tally".to_string())])
            .collect();
        let block: Vec<String> = (0..json::MAX_KEYS)
            .map(|i| format!("\"x{}\": 2", json::MAX_KEYS - 1 - i))
            .collect();
        let block = format!("{{{}}}", block.join(","));
        let e = WidgetConfig::parse(
            attrs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
            Some(&block),
        )
        .unwrap_err();
        // Every attribute is overridden, so the block's first field is the first unknown.
        assert_eq!(e.field(), "x9999");
    }

    #[test]
    fn a_json_block_that_is_not_an_object_is_refused() {
        let e = parse(&[("widget", "tally")], Some("[1]")).unwrap_err();
        assert!(matches!(
            e,
            ConfigError::WrongType {
                expected: Expected::Object,
                ..
            }
        ));
    }

    #[test]
    fn payments_series_from_json_is_validated_against_the_metric() {
        let c = parse(
            &[("widget", "payments")],
            Some(r#"{"metric": "value", "series": [{"date": "2019-12", "value": 1e10}, {"date": "2020-06", "value": 9e10}]}"#),
        )
        .unwrap();
        let o = payments(&c);
        assert_eq!(o.metric.id, "value");
        let s = o.series.as_ref().unwrap();
        assert_eq!(s.unit.id, "yuan");
        assert_eq!(s.points.len(), 2);
    }

    #[test]
    fn payments_series_attribute_is_json_text() {
        let c = parse(
            &[
                ("widget", "payments"),
                ("series", r#"[{"date":"2020-01","value":3}]"#),
            ],
            None,
        )
        .unwrap();
        assert_eq!(payments(&c).series.as_ref().unwrap().points.len(), 1);
        let e = parse(&[("widget", "payments"), ("series", "[{")], None).unwrap_err();
        assert!(matches!(e, ConfigError::BrokenJson { ref field, .. } if field == "series"));
    }

    /// The Riverton test story, read from its bundle as the page reads an editor's `src`.
    fn riverton() -> &'static Story {
        let text = include_str!("../../../www/test/stories/test-riverton.json");
        crate::bundle::read_bundle("test-riverton.json", text).unwrap()
    }

    #[test]
    fn src_names_the_story_file_of_a_tally_or_chart_and_the_map_refuses_it() {
        let src = |attrs: &[(&str, &str)]| WidgetConfig::story_src(attrs.iter().copied(), None);
        assert_eq!(
            src(&[("widget", "tally"), ("src", "stories/ours.json")]),
            Ok(Some("stories/ours.json".into()))
        );
        assert_eq!(src(&[("widget", "payments")]), Ok(None));
        assert!(matches!(
            src(&[("widget", "tally"), ("src", "https://evil.example/s.json")]),
            Err(ConfigError::UnsafeUrl { .. })
        ));
        let map = src(&[("widget", "grid-map"), ("src", "stories/ours.json")]);
        assert_eq!(map, Err(ConfigError::MapBuildTime));
        let en = ConfigError::MapBuildTime.message(Lang::En);
        assert!(en.contains("the map is build-time"), "{en}");
        assert!(ConfigError::MapBuildTime
            .message(Lang::Zh)
            .contains("构建时"));
        // The plain parser says the same for the map.
        let parsed = parse(&[("widget", "grid-map"), ("src", "s.json")], None);
        assert_eq!(parsed.err(), Some(ConfigError::MapBuildTime));
    }

    #[test]
    fn only_a_chart_with_a_series_file_reads_a_file_when_it_mounts() {
        let reads =
            |attrs: &[(&str, &str)], json: Option<&str>| parse(attrs, json).map(|c| c.reads_file());
        assert_eq!(
            reads(&[("widget", "payments"), ("src", "s.json")], None),
            Ok(true)
        );
        assert_eq!(reads(&[("widget", "payments")], None), Ok(false));
        let inline = r#"{"series": [{"date": "2020-01", "value": 1}]}"#;
        assert_eq!(reads(&[("widget", "payments")], Some(inline)), Ok(false));
        assert_eq!(reads(&[("widget", "tally")], None), Ok(false));
        assert_eq!(reads(&[("widget", "grid-map")], None), Ok(false));
    }

    #[test]
    fn with_a_bundle_the_options_name_its_sections_and_metrics() {
        let attrs = [
            ("widget", "tally"),
            ("src", "test/stories/test-riverton.json"),
            ("sections", "market,ferry"),
            ("highlight", "ferry"),
        ];
        let c = WidgetConfig::parse_for(attrs, None, Some(riverton())).unwrap();
        assert_eq!(c.story.id, "test-riverton");
        let WidgetOptions::Tally(o) = &c.options else {
            panic!("a tally");
        };
        assert_eq!(ids(&o.sections), ["market", "ferry"]);
        // A section of the built-in story is not one of the file's.
        let wrong = [
            ("widget", "tally"),
            ("src", "s.json"),
            ("sections", "policy"),
        ];
        let err = WidgetConfig::parse_for(wrong, None, Some(riverton())).unwrap_err();
        assert!(matches!(err, ConfigError::NotAllowed { .. }), "{err:?}");
        // The chart draws the file's story: `src` is no series file then.
        let chart = [
            ("widget", "payments"),
            ("src", "s.json"),
            ("metric", "catch"),
        ];
        let c = WidgetConfig::parse_for(chart, None, Some(riverton())).unwrap();
        assert_eq!(payments(&c).metric.id, "catch");
        assert_eq!(payments(&c).src, None);
        // A built-in story and a file's cannot both be the widget's.
        let both = [
            ("widget", "tally"),
            ("src", "s.json"),
            ("story", "suzhou-2020-07"),
        ];
        assert_eq!(
            WidgetConfig::parse_for(both, None, Some(riverton())).err(),
            Some(ConfigError::Conflict {
                field: "story",
                other: "src"
            })
        );
    }

    #[test]
    fn series_and_src_together_conflict() {
        let e = parse(
            &[("widget", "payments"), ("src", "data/s.json")],
            Some(r#"{"series": [{"date":"2020-01","value":3}]}"#),
        )
        .unwrap_err();
        assert_eq!(
            e,
            ConfigError::Conflict {
                field: "series",
                other: "src"
            }
        );
    }

    #[test]
    fn src_must_be_a_same_origin_relative_url() {
        let c = parse(&[("widget", "payments"), ("src", "data/s.json")], None).unwrap();
        assert_eq!(payments(&c).src.as_deref(), Some("data/s.json"));
        let e = parse(
            &[("widget", "payments"), ("src", "javascript:alert(1)")],
            None,
        )
        .unwrap_err();
        assert!(matches!(
            e,
            ConfigError::UnsafeUrl {
                problem: UrlProblem::Scheme,
                ..
            }
        ));
    }

    #[test]
    fn unknown_metric_lists_the_metrics() {
        let e = parse(&[("widget", "payments"), ("metric", "profit")], None).unwrap_err();
        assert_eq!(
            e.message(Lang::En),
            "Option `metric`: \"profit\" is not supported. Use one of: transactions, value, merchants, fees."
        );
    }

    #[test]
    fn hostile_attribute_text_is_quoted_and_cut_in_messages() {
        let evil = format!("<script>{}</script>", "x".repeat(100));
        let e = parse(&[("widget", evil.as_str())], None).unwrap_err();
        let m = e.message(Lang::En);
        assert!(m.len() < 200, "{m}");
        assert!(m.contains("\"<script>"));
    }

    #[test]
    fn the_embeds_own_widget_markers_are_not_options() {
        let c = parse(
            &[
                ("widget", "tally"),
                ("widget-ready", ""),
                ("widget-error", ""),
                ("static", ""),
            ],
            None,
        )
        .unwrap();
        assert_eq!(Some(c), WidgetConfig::new(WidgetKind::Tally));
    }

    #[test]
    fn unknown_attributes_are_refused_with_the_known_options() {
        let e = parse(&[("widget", "grid-map"), ("speed", "2")], None).unwrap_err();
        assert_eq!(
            e.message(Lang::En),
            "Unknown option `speed` for the grid-map widget. Known options: widget, lang, theme, story, step, autoplay."
        );
    }
}

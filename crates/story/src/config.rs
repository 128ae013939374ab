//! Widget configuration shared by every widget: kind, language, theme and options.

use thiserror::Error;

/// Reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// Colour theme; `Auto` follows the reader's `prefers-color-scheme`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

/// Which widget a placeholder asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
}

/// A validated widget configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct WidgetConfig {
    pub kind: WidgetKind,
    pub lang: Lang,
    pub theme: Theme,
}

/// Why a placeholder's configuration was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ConfigError {
    #[error("option `{field}`: `{value}` is not allowed; use one of {allowed}")]
    NotAllowed {
        field: &'static str,
        value: String,
        allowed: String,
    },
    #[error("option `{field}` is missing")]
    Missing { field: &'static str },
    #[error("the JSON options are not valid JSON: {reason}")]
    Json { reason: String },
    #[error("option `{field}` in the JSON options must be text")]
    NotText { field: String },
}

impl ConfigError {
    /// The message shown to editors in the widget's error box and the console.
    // Minimal stand-in: the story branch provides real zh/en texts with this signature.
    pub fn message(&self, _lang: Lang) -> String {
        self.to_string()
    }
}

fn one_of<T: Copy>(
    field: &'static str,
    value: &str,
    table: &[(&'static str, T)],
) -> Result<T, ConfigError> {
    table
        .iter()
        .find(|(name, _)| *name == value)
        .map(|(_, v)| *v)
        .ok_or_else(|| ConfigError::NotAllowed {
            field,
            value: value.to_owned(),
            allowed: table
                .iter()
                .map(|(n, _)| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", "),
        })
}

impl WidgetConfig {
    /// Reads a configuration from a placeholder's `data-*` attributes (names without `data-`)
    /// and the text of its optional `<script type="application/json">` child, whose keys
    /// override attributes of the same name.
    // Minimal stand-in with the agreed signature; the story branch provides the full version.
    pub fn parse<'a>(
        attrs: impl IntoIterator<Item = (&'a str, &'a str)>,
        json: Option<&str>,
    ) -> Result<Self, ConfigError> {
        let mut pairs: Vec<(String, String)> = attrs
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        if let Some(text) = json {
            let value: serde_json::Value =
                serde_json::from_str(text).map_err(|e| ConfigError::Json {
                    reason: e.to_string(),
                })?;
            let serde_json::Value::Object(map) = value else {
                return Err(ConfigError::Json {
                    reason: "expected an object".to_owned(),
                });
            };
            for (key, value) in map {
                let serde_json::Value::String(text) = value else {
                    return Err(ConfigError::NotText { field: key });
                };
                pairs.push((key, text));
            }
        }
        Self::from_attributes(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    /// Reads a configuration from a placeholder's `data-*` attributes (names without `data-`).
    pub fn from_attributes<'a>(
        attrs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Self, ConfigError> {
        let mut kind = None;
        let mut lang = Lang::default();
        let mut theme = Theme::default();
        for (name, value) in attrs {
            match name {
                "widget" => {
                    kind = Some(one_of(
                        "widget",
                        value,
                        &[
                            ("tally", WidgetKind::Tally),
                            ("payments", WidgetKind::Payments),
                            ("grid-map", WidgetKind::GridMap),
                        ],
                    )?)
                }
                "lang" => lang = one_of("lang", value, &[("zh", Lang::Zh), ("en", Lang::En)])?,
                "theme" => {
                    theme = one_of(
                        "theme",
                        value,
                        &[
                            ("auto", Theme::Auto),
                            ("light", Theme::Light),
                            ("dark", Theme::Dark),
                        ],
                    )?
                }
                _ => {}
            }
        }
        Ok(WidgetConfig {
            kind: kind.ok_or(ConfigError::Missing { field: "widget" })?,
            lang,
            theme,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn parse_lets_json_options_override_attributes() {
        let c = WidgetConfig::parse(
            [("widget", "tally"), ("lang", "zh")],
            Some(r#"{"lang":"en"}"#),
        )
        .unwrap();
        assert_eq!(c.lang, Lang::En);
    }

    #[test]
    fn parse_refuses_broken_json_and_non_text_values() {
        let broken = WidgetConfig::parse([("widget", "tally")], Some("{lang:")).unwrap_err();
        assert!(matches!(broken, ConfigError::Json { .. }));
        let typed = WidgetConfig::parse([("widget", "tally")], Some(r#"{"lang":5}"#)).unwrap_err();
        assert_eq!(
            typed,
            ConfigError::NotText {
                field: "lang".into()
            }
        );
    }

    #[test]
    fn unknown_kind_names_the_field_value_and_allowed_values() {
        let err = WidgetConfig::from_attributes([("widget", "pie")]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "option `widget`: `pie` is not allowed; use one of `tally`, `payments`, `grid-map`"
        );
    }
}

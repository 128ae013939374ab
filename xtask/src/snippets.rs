//! The published embed snippets: `dist/snippets.json` (for the embed builder and tools) and
//! `dist/snippets.html` (for people). Each pins the content-hashed module and stylesheet with
//! Subresource Integrity, and gives the placeholder markup with its static fallback text and
//! the iframe variant.
//!
//! URLs are relative to dist/ unless `WIDGETS_BASE_URL` is set when building (e.g.
//! `WIDGETS_BASE_URL=https://cdn.example.org/widgets/0.1.0/ cargo xtask dist`).

use crate::dist::{write, Pinned};
use crate::util::{self, Result};
use std::path::Path;
use story::format::escape::escape_html as html_escape;
use story::{Lang, WidgetKind};

/// Initial iframe height before the widget reports its own (px).
const IFRAME_HEIGHT: u32 = 400;

struct Snippet {
    widget: &'static str,
    lang: &'static str,
    head: String,
    placeholder: String,
    iframe: String,
}

/// `static_sheets`: each widget kind's pinned static-layer stylesheet.
pub fn write_all(
    dist: &Path,
    module: &Pinned,
    css: &Pinned,
    host_script: &Pinned,
    static_sheets: &[(WidgetKind, Pinned)],
) -> Result {
    let base = std::env::var("WIDGETS_BASE_URL").unwrap_or_default();
    let head = format!(
        "<link rel=\"stylesheet\" href=\"{base}{}\" integrity=\"{}\" crossorigin=\"anonymous\">\n\
         <script type=\"module\" src=\"{base}{}\" integrity=\"{}\" crossorigin=\"anonymous\"></script>",
        css.name, css.integrity, module.name, module.integrity
    );
    let iframe_host = format!(
        "<script src=\"{base}{}\" integrity=\"{}\" crossorigin=\"anonymous\"></script>",
        host_script.name, host_script.integrity
    );
    let mut snippets = Vec::new();
    for (kind, sheet) in static_sheets {
        let widget = kind.name();
        let href = format!("{base}{}", sheet.name);
        for (lang, story_lang) in [("zh", Lang::Zh), ("en", Lang::En)] {
            let title = story::ui::widget_title(story::default_story(), *kind, story_lang);
            // The placeholder with its static layer (pinned stylesheet, SRI) and fallback, as
            // the demo article's placeholders carry them: what an editor pastes shows the
            // graphic before the module runs.
            let placeholder = util::capture(util::cargo().args([
                "run",
                "--quiet",
                "-p",
                "cli",
                "--",
                "placeholder",
                "--stylesheet",
                &href,
                "--integrity",
                &sheet.integrity,
                "--widget",
                widget,
                "--lang",
                lang,
                "--theme",
                "auto",
            ]))?;
            // The iframe variant loads a page built for this widget, static layer included.
            let frame = frame_page(dist, widget, lang, &placeholder)?;
            snippets.push(Snippet {
                widget,
                lang,
                head: head.clone(),
                placeholder: placeholder.trim_end().to_owned(),
                iframe: format!(
                    "<iframe data-feature-widget src=\"{base}{frame}\" \
                     title=\"{}\" width=\"100%\" height=\"{IFRAME_HEIGHT}\" loading=\"lazy\"></iframe>",
                    html_escape(title)
                ),
            });
        }
    }
    write(
        &dist.join("snippets.json"),
        to_json(module, css, &iframe_host, &base, &snippets).as_bytes(),
    )?;
    write(
        &dist.join("snippets.html"),
        to_html(&iframe_host, &snippets).as_bytes(),
    )
}

/// Writes `frame-<widget>-<lang>.html` into dist/: the iframe page (embed.html's head, its own
/// `lang`) holding `placeholder` with its static layer, so the framed widget shows before and
/// without the module too. Its stylesheet is linked relative to dist/, next to the page.
fn frame_page(dist: &Path, widget: &str, lang: &str, placeholder: &str) -> Result<String> {
    let name = format!("frame-{widget}-{lang}.html");
    let html_lang = if lang == "en" { "en" } else { "zh-CN" };
    let page = format!(
        "<!doctype html>\n<html lang=\"{html_lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Feature widget</title>\n\
         <!-- Iframe mode for one widget: ?id=...&origin=https://host.example as in embed.html. -->\n\
         <link rel=\"stylesheet\" href=\"frame.css\">\n<link rel=\"stylesheet\" href=\"embed.css\">\n\
         <script type=\"module\" src=\"frame.js\"></script>\n<script type=\"module\" src=\"embed.js\"></script>\n\
         </head>\n<body>\n{}\n</body>\n</html>\n",
        placeholder.trim_end()
    );
    write(&dist.join(&name), page.as_bytes())?;
    Ok(name)
}

fn to_json(
    module: &Pinned,
    css: &Pinned,
    iframe_host: &str,
    base: &str,
    snippets: &[Snippet],
) -> String {
    let entries: Vec<String> = snippets
        .iter()
        .map(|s| {
            format!(
                "    {{\n      \"widget\": {},\n      \"lang\": {},\n      \"head\": {},\n      \"placeholder\": {},\n      \"snippet\": {},\n      \"iframe\": {}\n    }}",
                json_str(s.widget),
                json_str(s.lang),
                json_str(&s.head),
                json_str(&s.placeholder),
                json_str(&format!("{}\n{}", s.head, s.placeholder)),
                json_str(&s.iframe),
            )
        })
        .collect();
    format!(
        "{{\n  \"version\": {},\n  \"base\": {},\n  \"module\": {{ \"src\": {}, \"integrity\": {} }},\n  \"stylesheet\": {{ \"href\": {}, \"integrity\": {} }},\n  \"iframe_host\": {},\n  \"snippets\": [\n{}\n  ]\n}}\n",
        json_str(env!("CARGO_PKG_VERSION")),
        json_str(base),
        json_str(&module.name),
        json_str(&module.integrity),
        json_str(&css.name),
        json_str(&css.integrity),
        json_str(iframe_host),
        entries.join(",\n")
    )
}

fn to_html(iframe_host: &str, snippets: &[Snippet]) -> String {
    let mut out = String::from(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>Feature widgets: embed snippets</title>\n<link rel=\"stylesheet\" href=\"article.css\">\n</head>\n\
         <body>\n<main class=\"article\">\n<h1>Embed snippets</h1>\n\
         <p>Put the first two lines once per page (repeating them is harmless), and one placeholder \
         per widget where it should appear. Options: <code>data-lang</code> (zh, en), \
         <code>data-theme</code> (auto, light, dark). See docs/embedding.md.</p>\n",
    );
    for s in snippets {
        out.push_str(&format!(
            "<h2>{} ({})</h2>\n<pre><code>{}\n{}</code></pre>\n<p>Iframe mode:</p>\n<pre><code>{}</code></pre>\n",
            s.widget,
            s.lang,
            html_escape(&s.head),
            html_escape(&s.placeholder),
            html_escape(&s.iframe)
        ));
    }
    out.push_str(&format!(
        "<h2>Iframe mode: host script (once per page, in the site template)</h2>\n<pre><code>{}</code></pre>\n</main>\n</body>\n</html>\n",
        html_escape(iframe_host)
    ));
    out
}

/// A JSON string literal; `<` is escaped too, so the JSON can sit inside HTML.
fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '<' => out.push_str("\\u003c"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_strings_escape_quotes_newlines_and_angle_brackets() {
        assert_eq!(json_str("a\"b\n<c>\\"), r#""a\"b\n\u003cc>\\""#);
    }
}

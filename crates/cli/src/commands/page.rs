//! `page --lang zh|en --template index.html`: the demo article as a static HTML page, with
//! each widget's placeholder carrying its static fallback (title and key figures) so readers
//! without JavaScript, printers and feed readers get the figures too.

use super::placeholder::stylesheet_name;
use super::Outcome;
use crate::Error;
use std::process::ExitCode;
use story::article::{article, spans_text, Block};
use story::format::escape::escape_html as escape;
use story::Lang;
use widgets::static_layer::{placeholder, Stylesheet};

const USAGE: &str = "usage: cli page [--lang zh|en] [--template index.html]";

pub fn run(args: &[String]) -> Outcome {
    let mut lang = Lang::Zh;
    let mut template = String::from("index.html");
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--lang" => {
                lang = match it.next().map(String::as_str) {
                    Some("zh") => Lang::Zh,
                    Some("en") => Lang::En,
                    other => {
                        return Err(Error::BadValue {
                            option: "--lang",
                            value: other.map(str::to_owned),
                            allowed: "zh or en",
                        })
                    }
                }
            }
            "--template" => {
                template = it.next().cloned().ok_or(Error::BadValue {
                    option: "--template",
                    value: None,
                    allowed: "a file",
                })?
            }
            other => {
                return Err(Error::UnknownArgument {
                    command: "page",
                    argument: other.to_owned(),
                    usage: USAGE,
                })
            }
        }
    }
    let text = std::fs::read_to_string(&template).map_err(|source| Error::Read {
        path: template.clone(),
        source,
    })?;
    print!("{}", render(&text, lang)?);
    Ok(ExitCode::SUCCESS)
}

/// Fills the template's `{{lang}}`, `{{title}}`, `{{other_lang_href}}`, `{{other_lang_name}}`
/// and `<!-- article -->` markers.
pub fn render(template: &str, lang: Lang) -> Result<String, Error> {
    if !template.contains("<!-- article -->") {
        return Err(Error::NoArticleMarker);
    }
    let story = story::default_story();
    let file = format!("data/stories/{}/article.{}.md", story.id, lang.name());
    let a = article(story, lang)
        .map_err(|source| Error::Article {
            file: file.clone(),
            source,
        })?
        .ok_or_else(|| Error::NoArticle {
            story: story.id.to_string(),
            file: file.clone(),
        })?;
    let (html_lang, lang_code, other_href, other_name) = match lang {
        Lang::Zh => ("zh-CN", "zh", "index.en.html", "English"),
        Lang::En => ("en", "en", "index.html", "中文"),
    };
    let mut body = String::new();
    body.push_str(&format!(
        "<h1>{}</h1>\n<p class=\"standfirst\">{}</p>\n",
        escape(&spans_text(story, &a.headline, lang)),
        escape(&spans_text(story, &a.standfirst, lang))
    ));
    for block in &a.blocks {
        match block {
            Block::Heading(spans) => body.push_str(&format!(
                "<h2>{}</h2>\n",
                escape(&spans_text(story, spans, lang))
            )),
            Block::Paragraph(spans) => body.push_str(&format!(
                "<p>{}</p>\n",
                escape(&spans_text(story, spans, lang))
            )),
            Block::Widget(kind) => {
                // The static layer is in the page: the graphic shows before (and without) any
                // script, in print and in feed readers (the fallback list).
                let href = stylesheet_name(*kind);
                let sheet = Stylesheet {
                    href: &href,
                    integrity: None,
                };
                let options = [("widget", kind.name()), ("lang", lang_code)];
                body.push_str(&placeholder(&options, Some("widget-slot"), &sheet)?);
                body.push('\n');
            }
        }
    }
    body.push_str(&format!("<p class=\"credit\">{}</p>\n", escape(&a.credit)));
    Ok(template
        .replace("{{lang}}", html_lang)
        .replace("{{title}}", &escape(&spans_text(story, &a.headline, lang)))
        .replace("{{other_lang_href}}", other_href)
        .replace("{{other_lang_name}}", other_name)
        .replace("<!-- article -->", &body))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str =
        "<html lang=\"{{lang}}\"><title>{{title}}</title><main><!-- article --></main></html>";

    #[test]
    fn page_has_three_placeholders_with_fallback_figures() {
        let html = render(TEMPLATE, Lang::Zh).unwrap();
        for kind in ["tally", "grid-map", "payments"] {
            assert!(html.contains(&format!("data-widget=\"{kind}\" data-lang=\"zh\"")));
        }
        assert!(html.contains("近5亿笔"));
        assert!(html.contains("lang=\"zh-CN\""));
        // Each placeholder carries its static layer, linked to its kind's stylesheet.
        assert_eq!(
            html.matches("<template shadowrootmode=\"open\">").count(),
            3
        );
        for kind in ["tally", "grid-map", "payments"] {
            assert!(
                html.contains(&format!("href=\"widget-{kind}.css\"")),
                "{kind}"
            );
        }
        assert_eq!(
            html.matches("<svg").count(),
            4,
            "map and chart, narrow and wide"
        );
    }

    #[test]
    fn english_page_is_in_english() {
        let html = render(TEMPLATE, Lang::En).unwrap();
        assert!(html.contains("lang=\"en\""));
        assert!(html.contains("data-lang=\"en\""));
    }

    #[test]
    fn template_without_marker_is_refused() {
        assert!(render("<html></html>", Lang::Zh).is_err());
    }
}

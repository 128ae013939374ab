//! A story's demo article in our own words (`article.zh.md`, `article.en.md` in its folder),
//! with a marker where each widget goes.
//!
//! Figures and dates are never typed into the text: `{fact:id}` writes a fact with its
//! qualifier and unit (1300余家), `{value:id}` its number and unit, `{number:id}` the bare
//! number, `{date:2020-06-19}` a date in the reader's language. So the article, the widgets
//! and their fallbacks cannot disagree. The format, line by line:
//!
//! ```text
//! # Headline
//! > Standfirst
//! ## Heading
//! A paragraph: one line.
//! [[widget: tally]]
//! ---
//! Credit line (everything after ---).
//! ```
//!
//! Native only: `cli page` renders the article at `dist` time, so a mistake in it (an unknown
//! fact, a bad date) stops the build with the file's line.

use crate::config::{Lang, WidgetKind};
use crate::facts::When;
use crate::format::{format_fact, format_number, format_value, format_when};
use crate::model::{Story, ARTICLES};

/// A piece of running text.
#[derive(Debug, Clone, PartialEq)]
pub enum Span {
    Text(String),
    /// A fact by id, shown with its qualifier and unit (e.g. "1300余家").
    Fact(String),
    /// A fact's number and unit without its qualifier, for sentences that already say it.
    Value(String),
    /// A fact's bare number, for sentences that name the unit themselves.
    Number(String),
    When(When),
}

/// One block of the article body.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading(Vec<Span>),
    Paragraph(Vec<Span>),
    /// Where the widget of this kind goes.
    Widget(WidgetKind),
}

/// The article in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub lang: Lang,
    pub headline: Vec<Span>,
    pub standfirst: Vec<Span>,
    pub blocks: Vec<Block>,
    /// Credit line naming the source.
    pub credit: String,
}

/// Why an article file was refused: its line and what is wrong.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("line {line}: {what}")]
pub struct ArticleError {
    pub line: usize,
    pub what: String,
}

/// The text of `story`'s article in `lang`, as its folder holds it.
pub fn source(story: &Story, lang: Lang) -> Option<&'static str> {
    ARTICLES
        .iter()
        .find(|(id, _, _)| *id == story.id)
        .and_then(|(_, zh, en)| lang.pick(*zh, *en))
}

/// `story`'s article in `lang`, parsed and checked against its facts; `Ok(None)` when the
/// story has no article in that language.
pub fn article(story: &Story, lang: Lang) -> Result<Option<Article>, ArticleError> {
    let Some(text) = source(story, lang) else {
        return Ok(None);
    };
    let article = parse(text, lang)?;
    check(&article, text, story)?;
    Ok(Some(article))
}

/// Parses an article file (see the module docs for the format).
pub fn parse(text: &str, lang: Lang) -> Result<Article, ArticleError> {
    let mut headline = None;
    let mut standfirst = Vec::new();
    let mut blocks = Vec::new();
    let mut credit: Vec<&str> = Vec::new();
    let mut in_credit = false;
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let l = raw.trim();
        if l.is_empty() {
            continue;
        }
        if in_credit {
            credit.push(l);
        } else if l == "---" {
            in_credit = true;
        } else if let Some(h) = l.strip_prefix("## ") {
            blocks.push(Block::Heading(spans(h, line)?));
        } else if let Some(h) = l.strip_prefix("# ") {
            if headline.is_some() {
                return Err(err(line, "a second headline (# …); use ## for headings"));
            }
            headline = Some(spans(h, line)?);
        } else if let Some(s) = l.strip_prefix("> ") {
            standfirst.extend(spans(s, line)?);
        } else if let Some(w) = l
            .strip_prefix("[[widget:")
            .and_then(|w| w.strip_suffix("]]"))
        {
            let name = w.trim();
            let kind = WidgetKind::ALL
                .into_iter()
                .find(|k| k.name() == name)
                .ok_or_else(|| {
                    err(
                        line,
                        &format!("unknown widget \"{name}\" (allowed: tally, payments, grid-map)"),
                    )
                })?;
            blocks.push(Block::Widget(kind));
        } else {
            blocks.push(Block::Paragraph(spans(l, line)?));
        }
    }
    let headline = headline.ok_or_else(|| err(1, "no headline: the first line is \"# …\""))?;
    Ok(Article {
        lang,
        headline,
        standfirst,
        blocks,
        credit: credit.join(" "),
    })
}

fn err(line: usize, what: &str) -> ArticleError {
    ArticleError {
        line,
        what: what.to_owned(),
    }
}

/// Splits a line into text and `{kind:arg}` spans.
fn spans(text: &str, line: usize) -> Result<Vec<Span>, ArticleError> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let (head, tail) = rest.split_at(open);
        if !head.is_empty() {
            out.push(Span::Text(head.to_owned()));
        }
        let close = tail
            .find('}')
            .ok_or_else(|| err(line, "a { without its }"))?;
        let inner = tail.get(1..close).unwrap_or("");
        let (kind, arg) = inner.split_once(':').unwrap_or((inner, ""));
        let arg = arg.trim().to_owned();
        out.push(match kind.trim() {
            "fact" => Span::Fact(arg),
            "value" => Span::Value(arg),
            "number" => Span::Number(arg),
            "date" => Span::When(When::parse(&arg).ok_or_else(|| {
                err(
                    line,
                    &format!("\"{arg}\" is not a date ({})", crate::facts::ISO_FORMS),
                )
            })?),
            other => {
                return Err(err(
                    line,
                    &format!("unknown span {{{other}:…}} (allowed: fact, value, number, date)"),
                ))
            }
        });
        rest = tail.get(close + 1..).unwrap_or("");
    }
    if !rest.is_empty() {
        out.push(Span::Text(rest.to_owned()));
    }
    Ok(out)
}

/// Every fact the article names exists in `story` (the line is the first that names it).
fn check(a: &Article, text: &str, story: &Story) -> Result<(), ArticleError> {
    for s in all_spans(a) {
        if let Span::Fact(id) | Span::Value(id) | Span::Number(id) = s {
            if story.fact(id).is_none() {
                let line = text
                    .lines()
                    .position(|l| l.contains(id.as_str()))
                    .map_or(1, |i| i + 1);
                return Err(err(line, &format!("no fact \"{id}\" in the story")));
            }
        }
    }
    Ok(())
}

/// Every span of the article, headline first.
pub fn all_spans(a: &Article) -> Vec<&Span> {
    let mut v: Vec<&Span> = a.headline.iter().chain(&a.standfirst).collect();
    for b in &a.blocks {
        if let Block::Heading(s) | Block::Paragraph(s) = b {
            v.extend(s);
        }
    }
    v
}

/// Plain text of spans, figures and dates formatted for `lang`.
pub fn spans_text(story: &Story, spans: &[Span], lang: Lang) -> String {
    let mut out = String::new();
    for s in spans {
        match s {
            Span::Text(t) => out.push_str(t),
            Span::Fact(id) => {
                if let Some(f) = story.fact(id) {
                    out.push_str(&format_fact(f, lang));
                }
            }
            Span::Value(id) => {
                if let Some(f) = story.fact(id) {
                    let v = format_value(f.value, f.unit, lang);
                    out.push_str(v.as_deref().unwrap_or("–"));
                }
            }
            Span::Number(id) => {
                if let Some(f) = story.fact(id) {
                    let v = format_number(f.value, lang);
                    out.push_str(v.as_deref().unwrap_or("–"));
                }
            }
            Span::When(w) => out.push_str(&format_when(*w, lang)),
        }
    }
    out
}

// Written against both languages' text: tests of the default build (`lang_tests` in
// config.rs hold in a one-language build too).
#[cfg(test)]
#[cfg(all(feature = "zh", feature = "en"))]
mod tests {
    use super::*;
    use crate::model::{default_story, Fact};

    fn fact(id: &str) -> Option<&'static Fact> {
        default_story().fact(id)
    }

    fn facts() -> &'static [Fact] {
        default_story().facts
    }

    fn suzhou(lang: Lang) -> Article {
        article(default_story(), lang).unwrap().unwrap()
    }

    fn widgets(a: &Article) -> Vec<WidgetKind> {
        a.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Widget(k) => Some(*k),
                _ => None,
            })
            .collect()
    }

    fn ids(a: &Article) -> Vec<&str> {
        let mut v: Vec<&str> = all_spans(a)
            .into_iter()
            .filter_map(|s| match s {
                Span::Fact(id) | Span::Value(id) | Span::Number(id) => Some(id.as_str()),
                _ => None,
            })
            .collect();
        v.sort();
        v.dedup();
        v
    }

    #[test]
    fn both_languages_place_the_three_widgets_in_the_same_order() {
        let zh = widgets(&suzhou(Lang::Zh));
        assert_eq!(zh, widgets(&suzhou(Lang::En)));
        assert_eq!(
            zh,
            [WidgetKind::Tally, WidgetKind::GridMap, WidgetKind::Payments]
        );
    }

    #[test]
    fn every_fact_span_names_a_real_fact() {
        for lang in [Lang::Zh, Lang::En] {
            for id in ids(&suzhou(lang)) {
                assert!(fact(id).is_some(), "{id}");
            }
        }
    }

    #[test]
    fn both_languages_cite_the_same_facts() {
        assert_eq!(ids(&suzhou(Lang::Zh)), ids(&suzhou(Lang::En)));
    }

    #[test]
    fn no_figure_is_typed_into_the_text() {
        for lang in [Lang::Zh, Lang::En] {
            let a = suzhou(lang);
            for s in all_spans(&a) {
                if let Span::Text(t) = s {
                    assert!(!t.chars().any(|c| c.is_ascii_digit()), "{t}");
                }
            }
            assert!(a.credit.contains("2020"));
        }
    }

    #[test]
    fn each_story_shows_its_headline_figures() {
        let text: String = suzhou(Lang::Zh)
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph(s) => Some(spans_text(default_story(), s, Lang::Zh)),
                _ => None,
            })
            .collect();
        for want in [
            "99名",
            "1300余家",
            "约2300平方公里",
            "近5亿笔",
            "超900亿元",
            "2020年6月30日11时许",
        ] {
            assert!(text.contains(want), "{want}");
        }
    }

    #[test]
    fn english_reads_figures_with_their_qualifiers() {
        let a = suzhou(Lang::En);
        let headings: Vec<String> = a
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading(s) => Some(spans_text(default_story(), s, Lang::En)),
                _ => None,
            })
            .collect();
        assert_eq!(
            headings[1],
            "One grid: 10 kV networks linked across provinces"
        );
        let all: Vec<Span> = all_spans(&a).into_iter().cloned().collect();
        let all = spans_text(default_story(), &all, Lang::En);
        assert!(all.contains("nearly 500 million transactions worth over 90 billion yuan"));
        assert!(all.contains("At around 11:00 on 30 June 2020"));
        assert!(all.contains("on the eve of 1 July 2020, sent its 99 party-building"));
    }

    #[test]
    fn the_credit_names_the_source_article_of_july_2020() {
        assert!(suzhou(Lang::En)
            .credit
            .contains("source article, July 2020"));
        assert!(suzhou(Lang::Zh).credit.contains("原文报道，2020年7月"));
    }

    #[test]
    fn the_article_cites_every_wangting_section_except_the_activist_and_both_other_stories() {
        let a = suzhou(Lang::Zh);
        let cited: Vec<&str> = ids(&a)
            .into_iter()
            .filter_map(|id| fact(id).map(|f| f.section.id))
            .collect();
        for s in [
            "lead",
            "policy",
            "training",
            "visit",
            "volunteer",
            "order",
            "problem",
            "grid",
            "payments",
        ] {
            assert!(cited.contains(&s), "{s}");
        }
        assert!(
            cited.len() * 2 > facts().len(),
            "the article cites most figures"
        );
    }

    #[test]
    fn mistakes_name_their_line() {
        let e = parse("# H\n\nText {fact:x\n", Lang::En).unwrap_err();
        assert_eq!(e.line, 3);
        let e = parse("# H\n{date:2020-13}\n", Lang::En).unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.what.contains("not a date"), "{}", e.what);
        let e = parse("# H\n[[widget: pie]]\n", Lang::En).unwrap_err();
        assert!(e.what.contains("unknown widget"));
        let e = parse("no headline\n", Lang::En).unwrap_err();
        assert_eq!(e.line, 1);
        let a = parse("# H\nsee {fact:nope}\n", Lang::En).unwrap();
        assert_eq!(
            check(&a, "# H\nsee {fact:nope}\n", default_story())
                .unwrap_err()
                .line,
            2
        );
    }

    #[test]
    fn spans_split_text_and_figures() {
        let s = spans("a {fact:x} b {date:2019..}", 1).unwrap();
        assert_eq!(
            s,
            [
                Span::Text("a ".into()),
                Span::Fact("x".into()),
                Span::Text(" b ".into()),
                Span::When(When::Since(2019)),
            ]
        );
    }
}

//! What a widget shows before its WASM runs, without JavaScript, in print and in feed
//! readers: its title and key figures as plain text, from the same facts as the widget.

use crate::config::{Lang, WidgetKind};
use crate::format::escape::push_escaped;
use crate::format::{format_fact, format_when};
use crate::model::Story;
use crate::ui::widget_title;

/// A widget's static stand-in.
#[derive(Debug, Clone, PartialEq)]
pub struct Fallback {
    pub title: &'static str,
    pub lines: Vec<String>,
}

/// Title and key figures of the widget `kind` in `lang`.
pub fn fallback(story: &Story, kind: WidgetKind, lang: Lang) -> Fallback {
    let lines = match kind {
        WidgetKind::Tally => story
            .tally
            .into_iter()
            .flat_map(|tally| {
                let cards = tally.cards.iter().map(|card| {
                    let mut text = String::from(card.section.heading.get(lang));
                    if let Some(first) = story.facts_in(card.section).next() {
                        text.push_str(": ");
                        text.push_str(&line(first, lang));
                    }
                    text
                });
                std::iter::once(line(tally.lead, lang)).chain(cards)
            })
            .collect(),
        WidgetKind::Payments => story
            .chart
            .into_iter()
            .flat_map(|c| {
                c.metrics
                    .iter()
                    .map(|m| m.total)
                    .chain(c.derived.iter().copied())
            })
            .map(|f| line(f, lang))
            .collect(),
        WidgetKind::GridMap => story
            .map
            .into_iter()
            .flat_map(|m| m.links.iter())
            .map(|l| {
                let mut text = format_when(l.date, lang);
                text.push_str(": ");
                text.push_str(l.from.name.get(lang));
                text.push_str(" – ");
                text.push_str(l.to.name.get(lang));
                if let Some(place) = l.place.map(|p| p.get(lang)) {
                    text.push_str(lang.pick("，", ", "));
                    text.push_str(place);
                }
                text
            })
            .collect(),
    };
    Fallback {
        title: widget_title(story, kind, lang),
        lines,
    }
}

impl Fallback {
    /// The fallback as the light-DOM content of a placeholder (`embed.css` styles
    /// `.fw-fallback`); the widget's shadow root hides it once the widget renders. Every piece
    /// of text is escaped.
    pub fn to_html(&self) -> String {
        let mut out = String::from("<div class=\"fw-fallback\"><p class=\"fw-fallback-title\">");
        push_escaped(&mut out, self.title);
        out.push_str("</p><ul>");
        for line in &self.lines {
            out.push_str("<li>");
            push_escaped(&mut out, line);
            out.push_str("</li>");
        }
        out.push_str("</ul></div>");
        out
    }
}

fn line(f: &crate::facts::Fact, lang: Lang) -> String {
    let (label, sep) = lang.pick((f.label_zh, "："), (f.label_en, ": "));
    let mut s = String::from(label);
    s.push_str(sep);
    s.push_str(&format_fact(f, lang));
    s
}

// Written against both languages' text: tests of the default build (`lang_tests` in
// config.rs hold in a one-language build too).
#[cfg(test)]
#[cfg(all(feature = "zh", feature = "en"))]
mod tests {
    use super::*;

    #[test]
    fn payments_fallback_lists_the_four_reported_totals_and_derived_figures() {
        let fb = fallback(crate::default_story(), WidgetKind::Payments, Lang::Zh);
        let text = fb.lines.join("\n");
        for expected in ["近5亿笔", "超900亿元", "200万户", "近3亿元"] {
            assert!(text.contains(expected), "{expected} missing from {text}");
        }
    }

    #[test]
    fn tally_fallback_has_the_lead_and_seven_sections() {
        let fb = fallback(crate::default_story(), WidgetKind::Tally, Lang::En);
        assert_eq!(fb.lines.len(), 8);
        assert!(fb.lines[0].contains("99"));
    }

    #[test]
    fn html_escapes_every_piece_of_text() {
        let fb = Fallback {
            title: "<b>\"t\"</b>",
            lines: vec!["a & <img src=x onerror=alert(1)>".into()],
        };
        assert_eq!(
            fb.to_html(),
            "<div class=\"fw-fallback\"><p class=\"fw-fallback-title\">&lt;b&gt;&quot;t&quot;&lt;/b&gt;</p>\
             <ul><li>a &amp; &lt;img src=x onerror=alert(1)&gt;</li></ul></div>"
        );
    }

    #[test]
    fn grid_fallback_has_three_links_with_dates() {
        let fb = fallback(crate::default_story(), WidgetKind::GridMap, Lang::Zh);
        assert_eq!(fb.lines.len(), 3);
        assert!(fb.lines.iter().any(|l| l.contains("2020年6月30日")));
    }
}

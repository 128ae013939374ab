//! The demo article in our own words, zh-CN and English, with a marker where each widget goes.
//!
//! Figures and dates are never typed into the text: a paragraph is a list of spans, and
//! figures come from [`crate::facts`] (`Span::Fact`) and dates from [`When`] (`Span::When`),
//! so the article, the widgets and their fallbacks cannot disagree.

use crate::config::{Lang, WidgetKind};
use crate::facts::{Date, When};
use crate::format::{format_fact, format_when};
use crate::model::Story;

/// A piece of running text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Span {
    Text(&'static str),
    /// A fact by id, shown with its qualifier and unit (e.g. "1300余家").
    Fact(&'static str),
    /// A fact's number and unit without its qualifier, for sentences that already say it.
    Value(&'static str),
    /// A fact's bare number, for sentences that name the unit themselves.
    Number(&'static str),
    When(When),
}

/// One block of the article body.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Block {
    Heading(&'static [Span]),
    Paragraph(&'static [Span]),
    /// Where the widget of this kind goes.
    Widget(WidgetKind),
}

/// The article in one language.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Article {
    pub lang: Lang,
    pub headline: &'static [Span],
    pub standfirst: &'static [Span],
    pub blocks: &'static [Block],
    /// Credit line naming the source.
    pub credit: &'static str,
}

/// The demo article in `lang`.
pub fn article(lang: Lang) -> &'static Article {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// Plain text of spans, figures and dates formatted for `lang`.
pub fn spans_text(story: &Story, spans: &[Span], lang: Lang) -> String {
    let mut out = String::new();
    for s in spans {
        match *s {
            Span::Text(t) => out.push_str(t),
            Span::Fact(id) => {
                if let Some(f) = story.fact(id) {
                    out.push_str(&format_fact(f, lang));
                }
            }
            Span::Value(id) => {
                if let Some(f) = story.fact(id) {
                    let v = crate::format::format_value(f.value, f.unit, lang);
                    out.push_str(v.as_deref().unwrap_or("–"));
                }
            }
            Span::Number(id) => {
                if let Some(f) = story.fact(id) {
                    let v = crate::format::format_number(f.value, lang);
                    out.push_str(v.as_deref().unwrap_or("–"));
                }
            }
            Span::When(w) => out.push_str(&format_when(w, lang)),
        }
    }
    out
}

use Span::{Fact as F, Text as T, When as W};

const JUNE_19: When = When::Day(Date::new(2020, 6, 19));
const JUNE_2020: When = When::Month {
    year: 2020,
    month: 6,
};
const SEPT_2019: When = When::Month {
    year: 2019,
    month: 9,
};
const OCT_2019: When = When::Month {
    year: 2019,
    month: 10,
};
const LINK_DONE: When = When::DayTime {
    date: Date::new(2020, 6, 30),
    hour: 11,
    minute: 0,
    approx: true,
};

static ZH: Article = Article {
    lang: Lang::Zh,
    headline: &[T("七件事、一张网、一个码：复工复产中的三组数字")],
    standfirst: &[
        T("一份"),
        W(When::Month {
            year: 2020,
            month: 7,
        }),
        T("的苏州本地新闻版面，讲了三件事：望亭镇党员的“七个一”行动，长三角示范区跨省互联的配电网，以及工行的e支付收款码。我们把其中的数字整理成三个可以动手探索的图表。"),
    ],
    blocks: &[
        Block::Heading(&[T("望亭：把服务拆成七件事")]),
        Block::Paragraph(&[
            T("七一前夕，望亭镇"),
            F("tally.lead.instructors"),
            T("党建指导员走到企业一线，把“党建赋能复工复产”落实为七件具体的事，每件配一个“心”字。"),
        ]),
        Block::Paragraph(&[
            T("一本政策汇编收录"),
            F("tally.policy.policies"),
            T("奖补政策，送进全镇"),
            F("tally.policy.companies"),
            T("企业，累计发放"),
            F("tally.policy.copies"),
            T("。"),
            W(JUNE_19),
            T("的高企专题培训来了"),
            F("tally.training.attendees"),
            T("企业，线上培训累计"),
            F("tally.training.online"),
            T("；上半年，"),
            F("tally.training.pool"),
            T("企业申报了高企培育入库。"),
        ]),
        Block::Paragraph(&[
            W(JUNE_2020),
            T("，"),
            F("tally.visit.companies"),
            T("企业的"),
            F("tally.visit.employees"),
            T("员工分批参加党建参观；一个村的党员志愿者进企服务"),
            F("tally.volunteer.person_times"),
            T("；“三农窗口”上半年跟进订单"),
            F("tally.order.orders"),
            T("；疫情最紧张时，"),
            F("tally.problem.permits"),
            T("项目在协助下拿到施工许可证。"),
        ]),
        Block::Widget(WidgetKind::Tally),
        Block::Heading(&[T("一张网："), F("grid.distribution_kv"), T("配电网跨省互联")]),
        Block::Paragraph(&[
            W(OCT_2019),
            T("，国务院批复建立长三角生态绿色一体化发展示范区，范围是上海青浦区、江苏苏州吴江区和浙江嘉兴嘉善县，面积"),
            F("grid.area"),
            T("。"),
        ]),
        Block::Paragraph(&[
            T("示范区内有"),
            F("grid.substation_kv"),
            T("变电站"),
            F("grid.substations"),
            T("，区域之间靠"),
            F("grid.line_kv"),
            T("输电线路相连；但在"),
            F("grid.distribution_kv"),
            T("配电网这一侧，三地长期各自运行，省界附近的用户多为单电源供电。"),
        ]),
        Block::Paragraph(&[
            W(SEPT_2019),
            T("，吴江—青浦、青浦—嘉善两段互联先后贯通；"),
            W(LINK_DONE),
            T("，吴江与嘉善的供电人员在黎里镇史北村完成最后一段线路搭接，三地配电网全部连通。这段互联可转供负荷"),
            F("grid.load"),
            T("。"),
        ]),
        Block::Widget(WidgetKind::GridMap),
        Block::Heading(&[T("一个码：小摊贩的e支付")]),
        Block::Paragraph(&[
            T("在昆山锦溪古镇，苏州工行只用了"),
            F("payments.setup"),
            T("就为流动摊贩开通e支付收款码，统一样式的“绿房子”便民摊位随之出现在老街上。"),
        ]),
        Block::Paragraph(&[
            T("按工行公布的累计数字，收款码"),
            W(When::Since(2019)),
            T("交易"),
            F("payments.transactions"),
            T("、金额"),
            F("payments.value"),
            T("，为"),
            F("payments.merchants"),
            T("小微商户节省费用"),
            F("payments.fees"),
            T("。据此估算，每笔交易平均"),
            F("payments.value_per_transaction"),
            T("，每户平均节省"),
            F("payments.fees_per_merchant"),
            T("。"),
        ]),
        Block::Widget(WidgetKind::Payments),
        Block::Paragraph(&[T(
            "原文只给出累计总数，没有逐月数据；图表因此只显示总量，不画中间时点。",
        )]),
    ],
    credit: "数字来源：原文报道，2020年7月（苏州本地新闻）。本文为我们的改写，图表数据均取自原文。",
};

static EN: Article = Article {
    lang: Lang::En,
    headline: &[T(
        "Seven tasks, one grid, one code: three sets of numbers from Suzhou's reopening",
    )],
    standfirst: &[
        T("A Suzhou local news page from "),
        W(When::Month {
            year: 2020,
            month: 7,
        }),
        T(" told three stories: Wangting's party members and their \"seven ones\", a power grid linked across provincial borders in the Yangtze River Delta, and ICBC's e-payment collection code. We turned their figures into three charts you can explore."),
    ],
    blocks: &[
        Block::Heading(&[T("Wangting: help for firms, in seven tasks")]),
        Block::Paragraph(&[
            T("Wangting town, "),
            W(When::Eve(Date::new(2020, 7, 1))),
            T(", sent its "),
            Span::Number("tally.lead.instructors"),
            T(" party-building instructors to the factory floor and turned support for reopening into seven concrete tasks, each named with a word for care."),
        ]),
        Block::Paragraph(&[
            T("A policy handbook listing "),
            F("tally.policy.policies"),
            T(" reached "),
            F("tally.policy.companies"),
            T(" in the town; "),
            F("tally.policy.copies"),
            T(" were handed out in all. A high-tech training session on "),
            W(JUNE_19),
            T(" drew "),
            F("tally.training.attendees"),
            T(", online sessions "),
            F("tally.training.online"),
            T(", and in the first half of the year "),
            F("tally.training.pool"),
            T(" applied to the high-tech incubation pool."),
        ]),
        Block::Paragraph(&[
            T("In "),
            W(JUNE_2020),
            T(", "),
            F("tally.visit.employees"),
            T(" from "),
            F("tally.visit.companies"),
            T(" joined party-building visits. Volunteers from a single village logged "),
            F("tally.volunteer.person_times"),
            T(" in local firms, a farm-services window followed up "),
            F("tally.order.orders"),
            T(", and at the height of the epidemic "),
            F("tally.problem.permits"),
            T(" were helped to a construction permit."),
        ]),
        Block::Widget(WidgetKind::Tally),
        Block::Heading(&[
            T("One grid: "),
            F("grid.distribution_kv"),
            T(" networks linked across provinces"),
        ]),
        Block::Paragraph(&[
            T("In "),
            W(OCT_2019),
            T(", the State Council approved the Yangtze River Delta demonstration zone: Qingpu in Shanghai, Wujiang in Suzhou (Jiangsu) and Jiashan in Jiaxing (Zhejiang), "),
            F("grid.area"),
            T(" in all."),
        ]),
        Block::Paragraph(&[
            T("The zone has "),
            F("grid.substations"),
            T(" rated "),
            F("grid.substation_kv"),
            T(", and lines of "),
            F("grid.line_kv"),
            T(" join its areas. At the "),
            F("grid.distribution_kv"),
            T(" distribution level, though, each area long ran on its own, and many customers near the border relied on a single supply."),
        ]),
        Block::Paragraph(&[
            T("In "),
            W(SEPT_2019),
            T(", the Wujiang–Qingpu and Qingpu–Jiashan links were completed. At "),
            W(LINK_DONE),
            T(", crews from Wujiang and Jiashan joined the last section at Shibei village in Lili town, linking all three. The new link can take over "),
            F("grid.load"),
            T(" of load."),
        ]),
        Block::Widget(WidgetKind::GridMap),
        Block::Heading(&[T("One code: e-payments for street traders")]),
        Block::Paragraph(&[
            T("In the old water town of Jinxi, Kunshan, Suzhou ICBC took just "),
            F("payments.setup"),
            T(" to sign street traders up to its e-payment collection code, and matching green stalls appeared along the old street."),
        ]),
        Block::Paragraph(&[
            T("By ICBC's cumulative count, "),
            W(When::Since(2019)),
            T(" the code has handled "),
            F("payments.transactions"),
            T(" worth "),
            F("payments.value"),
            T(", saving "),
            F("payments.merchants"),
            T(" "),
            F("payments.fees"),
            T(" in fees. That works out at "),
            F("payments.value_per_transaction"),
            T(" per transaction and "),
            F("payments.fees_per_merchant"),
            T(" saved per merchant."),
        ]),
        Block::Widget(WidgetKind::Payments),
        Block::Paragraph(&[T(
            "The source gives only cumulative totals, not monthly data, so the chart shows the totals and draws no points in between.",
        )]),
    ],
    credit: "Figures: source article, July 2020 (Suzhou local news). Text rewritten in our own words; every figure comes from the source.",
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{default_story, Fact};

    fn fact(id: &str) -> Option<&'static Fact> {
        default_story().fact(id)
    }

    fn facts() -> &'static [Fact] {
        default_story().facts
    }

    fn all_spans(a: &Article) -> Vec<Span> {
        let mut v: Vec<Span> = a.headline.to_vec();
        v.extend_from_slice(a.standfirst);
        for b in a.blocks {
            match b {
                Block::Heading(s) | Block::Paragraph(s) => v.extend_from_slice(s),
                Block::Widget(_) => {}
            }
        }
        v
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

    #[test]
    fn each_language_places_each_widget_once_in_the_same_order() {
        let zh = widgets(article(Lang::Zh));
        assert_eq!(zh, widgets(article(Lang::En)));
        assert_eq!(
            zh,
            [WidgetKind::Tally, WidgetKind::GridMap, WidgetKind::Payments]
        );
    }

    #[test]
    fn every_fact_span_names_a_real_fact() {
        for lang in [Lang::Zh, Lang::En] {
            for s in all_spans(article(lang)) {
                if let Span::Fact(id) | Span::Value(id) | Span::Number(id) = s {
                    assert!(fact(id).is_some(), "{id}");
                }
            }
        }
    }

    #[test]
    fn both_languages_cite_the_same_facts() {
        let ids = |lang| {
            let mut v: Vec<&str> = all_spans(article(lang))
                .into_iter()
                .filter_map(|s| match s {
                    Span::Fact(id) | Span::Value(id) | Span::Number(id) => Some(id),
                    _ => None,
                })
                .collect();
            v.sort();
            v.dedup();
            v
        };
        assert_eq!(ids(Lang::Zh), ids(Lang::En));
    }

    #[test]
    fn no_figure_is_typed_into_the_text() {
        for lang in [Lang::Zh, Lang::En] {
            let a = article(lang);
            for s in all_spans(a) {
                if let Span::Text(t) = s {
                    assert!(!t.chars().any(|c| c.is_ascii_digit()), "{t}");
                }
            }
            assert!(a.credit.contains("2020"));
        }
    }

    #[test]
    fn each_story_shows_its_headline_figures() {
        let text: String = article(Lang::Zh)
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
        let headings: Vec<String> = article(Lang::En)
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
        let all = spans_text(default_story(), &all_spans(article(Lang::En)), Lang::En);
        assert!(all.contains("nearly 500 million transactions worth over 90 billion yuan"));
        assert!(all.contains("At around 11:00 on 30 June 2020"));
        assert!(all.contains("on the eve of 1 July 2020, sent its 99 party-building"));
    }

    #[test]
    fn the_credit_names_the_source_article_of_july_2020() {
        assert!(article(Lang::En)
            .credit
            .contains("source article, July 2020"));
        assert!(article(Lang::Zh).credit.contains("原文报道，2020年7月"));
    }

    #[test]
    fn the_article_cites_every_wangting_section_except_the_activist_and_both_other_stories() {
        let cited: Vec<&str> = all_spans(article(Lang::Zh))
            .into_iter()
            .filter_map(|s| match s {
                Span::Fact(id) | Span::Number(id) => fact(id).map(|f| f.section.id),
                _ => None,
            })
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
}

//! View model of a tally: a header with the lead figure, one card per section with its title
//! (and a short word such as the 心 word of Wangting's seven ones), a headline figure and the
//! section's other figures, and the data table.
//!
//! The layout is the story's (`tally.json`); this module only picks, orders and formats.
//! It builds strings by pushing, never with `format!`, because it runs in the WASM.

pub mod drawing;

use crate::table::{citation, file_name, raw_number, Cell, TableView};
use story::config::TallyOptions;
use story::model::{Card, Tally};
use story::ui::UiText;
use story::{
    format_fact, format_value, format_when, Fact, Lang, Qualifier, Section, Story, Unit, WidgetKind,
};

/// How long a figure counts up, in milliseconds.
pub const COUNT_UP_MS: f64 = 1000.0;

/// One figure as the reader sees it, with what its count-up needs.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureView {
    pub id: &'static str,
    pub label: &'static str,
    /// Final text with qualifier and unit, e.g. "1300余家", "1,300+ companies".
    pub text: String,
    /// Date or period the source gives, in the reader's language.
    pub date: Option<String>,
    /// Count-up start and end values.
    pub start: f64,
    pub end: f64,
    pub unit: &'static Unit,
    pub lang: Lang,
}

impl FigureView {
    pub fn of(fact: &'static Fact, lang: Lang) -> FigureView {
        FigureView {
            id: fact.id,
            label: lang.pick(fact.label_zh, fact.label_en),
            text: format_fact(fact, lang),
            date: fact.date.map(|w| format_when(w, lang)),
            start: 0.0,
            end: fact.value,
            unit: fact.unit,
            lang,
        }
    }

    /// The text of one count-up frame at eased `progress` (0 = start, 1 = end): the bare
    /// number and unit while counting ("650家"), the qualified final text at the end
    /// ("1300余家"). NaN counts as the end.
    pub fn frame_text(&self, progress: f64) -> String {
        if progress >= 1.0 || progress.is_nan() {
            return self.text.clone();
        }
        let value = self.start + (self.end - self.start) * progress.max(0.0);
        format_value(value, self.unit, self.lang).unwrap_or_else(|_| self.text.clone())
    }
}

/// One card: a "one" of the seven.
#[derive(Debug, Clone, PartialEq)]
pub struct CardView {
    pub section: &'static Section,
    /// Stable id (`policy`, `training`, ...), for element ids.
    pub id: &'static str,
    /// The card's title, e.g. 一套政策汇编.
    pub title: &'static str,
    /// A short word after the title (e.g. 精心), or "".
    pub heart: &'static str,
    /// The figure shown big; `None` when the source gives none.
    pub headline: Option<FigureView>,
    /// Every figure of the section in source order (the headline included).
    pub figures: Vec<FigureView>,
    /// What the section is about, for a card without figures.
    pub about: Option<&'static str>,
    /// The source heading, in the reader's language.
    pub citation: &'static str,
    pub highlight: bool,
}

/// The whole tally.
#[derive(Debug, Clone, PartialEq)]
pub struct TallyView {
    pub lang: Lang,
    /// The heading of the section the tally cites.
    pub title: &'static str,
    /// The lead figure.
    pub lead: Option<FigureView>,
    pub cards: Vec<CardView>,
    /// Every figure shown, for the data table and CSV.
    pub table: TableView,
    /// Source line: the cited section's heading.
    pub source: &'static str,
    /// Which figures hold as of which date, e.g. "2020年3月：6项、27条；…".
    pub dates_note: String,
}

/// Builds `story`'s tally for `options` in `lang`: cards in the order of `options.sections`
/// (sections without a card and repeats are skipped). `None` when the story has no tally.
pub fn build_view(story: &Story, options: &TallyOptions, lang: Lang) -> Option<TallyView> {
    let tally = story.tally?;
    let mut cards: Vec<CardView> = Vec::with_capacity(options.sections.len());
    for &section in &options.sections {
        if cards.iter().any(|c| c.section.id == section.id) {
            continue;
        }
        let Some(card) = tally.cards.iter().find(|c| c.section.id == section.id) else {
            continue;
        };
        let highlight = options.highlight.is_some_and(|h| h.id == section.id);
        cards.push(card_view(story, card, highlight, lang));
    }
    let lead = Some(FigureView::of(tally.lead, lang));
    let table = table(story, &tally, lead.as_ref(), &cards, lang);
    let dates_note = dates_note(lead.as_ref(), &cards, lang);
    let source = tally.source.heading.get(lang);
    Some(TallyView {
        lang,
        title: source,
        lead,
        cards,
        table,
        source,
        dates_note,
    })
}

/// Splits a formatted figure around its number, so the number can be set big:
/// "1300余家" -> ("", "1300", "余家"), "超500家" -> ("超", "500", "家"),
/// "1,300+ companies" -> ("", "1,300", "+ companies"). Text without digits is all trailer.
pub fn split_numeral(text: &str) -> (&str, &str, &str) {
    let first = text.find(|c: char| c.is_ascii_digit());
    let last = text.rfind(|c: char| c.is_ascii_digit());
    match (first, last) {
        (Some(a), Some(b)) => {
            let end = b + 1;
            match (text.get(..a), text.get(a..end), text.get(end..)) {
                (Some(lead), Some(num), Some(trail)) => (lead, num, trail),
                _ => ("", "", text),
            }
        }
        _ => ("", "", text),
    }
}

fn card_view(story: &Story, card: &Card, highlight: bool, lang: Lang) -> CardView {
    let figures: Vec<FigureView> = story
        .facts_in(card.section)
        .map(|f| FigureView::of(f, lang))
        .collect();
    let headline = card
        .headline
        .and_then(|h| figures.iter().find(|f| f.id == h.id).cloned());
    CardView {
        section: card.section,
        id: card.section.id,
        title: card.title.get(lang),
        heart: card.heart.map_or("", |h| h.get(lang)),
        headline,
        figures,
        about: card.about.map(|a| a.get(lang)),
        citation: card.section.heading.get(lang),
        highlight,
    }
}

fn table(
    story: &Story,
    tally: &Tally,
    lead: Option<&FigureView>,
    cards: &[CardView],
    lang: Lang,
) -> TableView {
    let headers = [
        UiText::ColSection,
        UiText::ColFigure,
        UiText::ColValue,
        UiText::ColRaw,
        UiText::ColUnit,
        UiText::ColQualifier,
        UiText::ColDate,
    ]
    .iter()
    .map(|t| String::from(t.get(lang)))
    .collect();
    let lead_rows = lead.map(|f| (tally.source, f));
    let card_rows = cards
        .iter()
        .flat_map(|c| c.figures.iter().map(move |f| (c.section, f)));
    let rows = lead_rows
        .into_iter()
        .chain(card_rows)
        .filter_map(|(section, f)| row(story, section, f, lang))
        .collect();
    TableView {
        caption: String::from(UiText::DataTableNote.get(lang)),
        headers,
        rows,
        file_name: file_name(story, WidgetKind::Tally, None, lang, "csv"),
        citation: citation(story, Some(tally.source), lang),
    }
}

fn row(story: &Story, section: &Section, figure: &FigureView, lang: Lang) -> Option<Vec<Cell>> {
    let f = story.fact(figure.id)?;
    let (date, date_raw) = match f.date {
        Some(w) => (format_when(w, lang), w.iso()),
        None => (String::new(), String::new()),
    };
    Some(vec![
        Cell::text(section.heading.get(lang)),
        Cell::text(figure.label),
        Cell::text(figure.text.as_str()),
        Cell::text(raw_number(f.value)),
        Cell::new(
            lang.pick(f.unit.zh(), f.unit.en(f.value != 1.0)),
            f.unit.id(),
        ),
        Cell::new(qualifier_text(f.qualifier, lang), f.qualifier.id()),
        Cell::new(date, date_raw),
    ])
}

/// The qualifier in words, for the data table.
fn qualifier_text(q: Qualifier, lang: Lang) -> &'static str {
    match q {
        Qualifier::Exact => lang.pick("确数", "exact"),
        Qualifier::MoreThan(story::facts::MoreMark::Yu) => lang.pick("余", "more than"),
        Qualifier::MoreThan(story::facts::MoreMark::Duo) => lang.pick("多", "more than"),
        Qualifier::Over => lang.pick("超", "over"),
        Qualifier::Nearly => lang.pick("近", "nearly"),
        Qualifier::About => lang.pick("约", "about"),
        Qualifier::AtLeast => lang.pick("及以上", "and above"),
    }
}

/// "2020年3月：6项、27条、2600余套、5名；…；未注明日期：1300余家、…": every figure shown,
/// grouped by the date the source gives, dated groups in order of first appearance.
fn dates_note(lead: Option<&FigureView>, cards: &[CardView], lang: Lang) -> String {
    let all: Vec<&FigureView> = lead
        .into_iter()
        .chain(cards.iter().flat_map(|c| c.figures.iter()))
        .collect();
    let mut groups: Vec<(Option<&str>, Vec<&str>)> = Vec::new();
    let mut undated: Vec<&str> = Vec::new();
    for f in &all {
        let Some(key) = f.date.as_deref() else {
            undated.push(f.text.as_str());
            continue;
        };
        match groups.iter_mut().find(|(k, _)| *k == Some(key)) {
            Some((_, texts)) => texts.push(f.text.as_str()),
            None => groups.push((Some(key), vec![f.text.as_str()])),
        }
    }
    if !undated.is_empty() {
        groups.push((None, undated));
    }
    let (colon, item_sep, group_sep) = lang.pick(("：", "、", "；"), (": ", ", ", "; "));
    let mut out = String::new();
    for (i, (key, texts)) in groups.iter().enumerate() {
        if i > 0 {
            out.push_str(group_sep);
        }
        out.push_str(key.unwrap_or(UiText::Undated.get(lang)));
        out.push_str(colon);
        for (j, t) in texts.iter().enumerate() {
            if j > 0 {
                out.push_str(item_sep);
            }
            out.push_str(t);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story() -> &'static Story {
        story::default_story()
    }

    fn sec(id: &str) -> &'static Section {
        story().section(id).unwrap()
    }

    fn view(options: &TallyOptions, lang: Lang) -> TallyView {
        build_view(story(), options, lang).unwrap()
    }

    fn all(lang: Lang) -> TallyView {
        view(&TallyOptions::all(story()), lang)
    }

    fn opts(sections: &[&'static Section], highlight: Option<&'static Section>) -> TallyOptions {
        TallyOptions {
            sections: sections.to_vec(),
            highlight,
        }
    }

    fn card_of<'a>(view: &'a TallyView, section: &Section) -> &'a CardView {
        view.cards
            .iter()
            .find(|c| c.section.id == section.id)
            .unwrap()
    }

    fn texts<'a>(view: &'a TallyView, section: &Section) -> Vec<&'a str> {
        card_of(view, section)
            .figures
            .iter()
            .map(|f| f.text.as_str())
            .collect()
    }

    #[test]
    fn default_options_give_seven_cards_in_source_order() {
        let view = all(Lang::Zh);
        let order: Vec<&str> = view.cards.iter().map(|c| c.id).collect();
        assert_eq!(
            order,
            [
                "policy",
                "training",
                "visit",
                "volunteer",
                "order",
                "activist",
                "problem"
            ]
        );
        let hearts: Vec<&str> = view.cards.iter().map(|c| c.heart).collect();
        assert_eq!(
            hearts,
            ["精心", "悉心", "走心", "暖心", "贴心", "耐心", "省心"]
        );
        assert_eq!(view.cards[0].title, "一套政策汇编");
        assert!(view.cards.iter().all(|c| !c.highlight));
    }

    #[test]
    fn a_subset_keeps_the_order_the_editor_gave() {
        let view = view(
            &opts(&[sec("problem"), sec("policy"), sec("visit")], None),
            Lang::En,
        );
        let ids: Vec<&str> = view.cards.iter().map(|c| c.id).collect();
        assert_eq!(ids, ["problem", "policy", "visit"]);
        assert_eq!(view.cards[0].title, "Solving one practical problem");
        assert_eq!(view.cards[0].heart, "hassle-free");
    }

    #[test]
    fn sections_outside_the_seven_and_repeats_are_skipped() {
        let view = view(
            &opts(
                &[sec("grid"), sec("order"), sec("lead"), sec("order")],
                None,
            ),
            Lang::Zh,
        );
        let ids: Vec<&str> = view.cards.iter().map(|c| c.id).collect();
        assert_eq!(ids, ["order"]);
    }

    #[test]
    fn highlight_marks_exactly_its_card() {
        let view = view(
            &TallyOptions {
                highlight: Some(sec("volunteer")),
                ..TallyOptions::all(story())
            },
            Lang::Zh,
        );
        let marked: Vec<&str> = view
            .cards
            .iter()
            .filter(|c| c.highlight)
            .map(|c| c.id)
            .collect();
        assert_eq!(marked, ["volunteer"]);
    }

    #[test]
    fn highlight_of_a_section_not_shown_marks_nothing() {
        let view = view(&opts(&[sec("policy")], Some(sec("problem"))), Lang::Zh);
        assert!(view.cards.iter().all(|c| !c.highlight));
    }

    #[test]
    fn header_carries_the_lead_figure_and_the_headline() {
        let zh = all(Lang::Zh);
        let lead = zh.lead.as_ref().unwrap();
        assert_eq!(lead.text, "99名");
        assert_eq!(lead.label, "全镇党建指导员");
        assert_eq!(zh.title, "望亭镇“七个一”党建赋能复工复产");
        let en = all(Lang::En);
        assert_eq!(en.lead.as_ref().unwrap().text, "99 people");
        assert!(en.title.starts_with("Wangting"));
    }

    #[test]
    fn every_figure_reads_as_the_source_gives_it_in_zh() {
        let v = all(Lang::Zh);
        assert_eq!(
            texts(&v, sec("policy")),
            ["6项", "27条", "1300余家", "59家", "8950册"]
        );
        assert_eq!(texts(&v, sec("training")), ["70多家", "超500家", "106家"]);
        assert_eq!(texts(&v, sec("visit")), ["50余家", "2800名"]);
        assert_eq!(texts(&v, sec("volunteer")), ["2600余套", "5名", "2468人次"]);
        assert_eq!(texts(&v, sec("order")), ["12名", "108笔"]);
        assert_eq!(texts(&v, sec("problem")), ["9个", "20余个", "20天"]);
    }

    #[test]
    fn every_figure_reads_in_plain_english() {
        let v = all(Lang::En);
        assert_eq!(
            texts(&v, sec("policy")),
            [
                "6 items",
                "27 policies",
                "1,300+ companies",
                "59 companies",
                "8,950 copies"
            ]
        );
        assert_eq!(
            texts(&v, sec("training")),
            ["70+ companies", "over 500 companies", "106 companies"]
        );
        assert_eq!(texts(&v, sec("visit")), ["50+ companies", "2,800 people"]);
        assert_eq!(
            texts(&v, sec("volunteer")),
            ["2,600+ sets", "5 people", "2,468 person-visits"]
        );
        assert_eq!(texts(&v, sec("order")), ["12 people", "108 orders"]);
        assert_eq!(
            texts(&v, sec("problem")),
            ["9 projects", "20+ projects", "20 days"]
        );
    }

    #[test]
    fn each_card_leads_with_its_reach_figure() {
        let v = all(Lang::Zh);
        let lead = |s| card_of(&v, s).headline.as_ref().unwrap().text.as_str();
        assert_eq!(lead(sec("policy")), "1300余家");
        assert_eq!(lead(sec("training")), "70多家");
        assert_eq!(lead(sec("visit")), "2800名");
        assert_eq!(lead(sec("volunteer")), "2468人次");
        assert_eq!(lead(sec("order")), "108笔");
        assert_eq!(lead(sec("problem")), "9个");
    }

    #[test]
    fn every_headline_is_one_of_its_cards_figures() {
        for c in all(Lang::En).cards {
            if let Some(h) = &c.headline {
                assert!(c.figures.contains(h), "{}", c.id);
            }
        }
    }

    #[test]
    fn the_activist_card_has_no_number_but_says_what_it_is_about() {
        for lang in [Lang::Zh, Lang::En] {
            let v = all(lang);
            let c = card_of(&v, sec("activist"));
            assert!(c.headline.is_none());
            assert!(c.figures.is_empty());
            let about = c.about.unwrap();
            assert!(!about.chars().any(|ch| ch.is_ascii_digit()), "{about}");
        }
        assert_eq!(card_of(&all(Lang::Zh), sec("activist")).heart, "耐心");
    }

    #[test]
    fn cards_with_figures_have_no_about_text() {
        for c in all(Lang::Zh).cards {
            assert_eq!(c.about.is_some(), c.section.id == "activist", "{}", c.id);
        }
    }

    #[test]
    fn citation_is_the_section_heading_in_the_readers_language() {
        assert_eq!(
            card_of(&all(Lang::Zh), sec("visit")).citation,
            "一次党建参观 走心"
        );
        assert_eq!(
            card_of(&all(Lang::En), sec("visit")).citation,
            "One party-building visit: heartfelt"
        );
    }

    #[test]
    fn figures_carry_their_source_dates() {
        let v = all(Lang::Zh);
        let date = |s, id: &str| {
            card_of(&v, s)
                .figures
                .iter()
                .find(|f| f.id == id)
                .unwrap()
                .date
                .clone()
        };
        assert_eq!(
            date(sec("policy"), "tally.policy.copies").as_deref(),
            Some("截至2020年7月")
        );
        assert_eq!(
            date(sec("training"), "tally.training.attendees").as_deref(),
            Some("2020年6月19日")
        );
        assert_eq!(date(sec("training"), "tally.training.online"), None);
    }

    #[test]
    fn count_up_runs_from_zero_to_the_fact_value() {
        let v = all(Lang::Zh);
        let h = card_of(&v, sec("policy")).headline.clone().unwrap();
        assert_eq!((h.start, h.end), (0.0, 1300.0));
    }

    #[test]
    fn frames_show_the_bare_number_and_the_last_frame_the_qualified_text() {
        let v = all(Lang::Zh);
        let h = card_of(&v, sec("policy")).headline.clone().unwrap();
        assert_eq!(h.frame_text(0.0), "0家");
        assert_eq!(h.frame_text(0.5), "650家");
        assert_eq!(h.frame_text(0.999), "1299家");
        assert_eq!(h.frame_text(1.0), "1300余家");
        let en = card_of(&all(Lang::En), sec("policy"))
            .headline
            .clone()
            .unwrap();
        assert_eq!(en.frame_text(0.5), "650 companies");
        assert_eq!(en.frame_text(1.0), "1,300+ companies");
    }

    #[test]
    fn frames_out_of_range_clamp_and_nan_shows_the_final_text() {
        let h = all(Lang::Zh).lead.unwrap();
        assert_eq!(h.frame_text(-1.0), "0名");
        assert_eq!(h.frame_text(2.0), "99名");
        assert_eq!(h.frame_text(f64::NAN), "99名");
    }

    #[test]
    fn split_numeral_separates_qualifiers_and_units_from_the_number() {
        assert_eq!(split_numeral("1300余家"), ("", "1300", "余家"));
        assert_eq!(split_numeral("超500家"), ("超", "500", "家"));
        assert_eq!(
            split_numeral("1,300+ companies"),
            ("", "1,300", "+ companies")
        );
        assert_eq!(
            split_numeral("over 500 companies"),
            ("over ", "500", " companies")
        );
        assert_eq!(split_numeral("0家"), ("", "0", "家"));
    }

    #[test]
    fn split_numeral_of_text_without_digits_is_all_trailer() {
        assert_eq!(split_numeral("无"), ("", "", "无"));
        assert_eq!(split_numeral(""), ("", "", ""));
    }

    #[test]
    fn table_lists_the_lead_and_every_figure_shown_with_seven_columns() {
        let v = all(Lang::Zh);
        let shown: usize = v.cards.iter().map(|c| c.figures.len()).sum();
        assert_eq!(v.table.rows.len(), shown + 1);
        assert_eq!(v.table.headers.len(), 7);
        assert!(v.table.rows.iter().all(|r| r.len() == 7));
        assert_eq!(v.table.file_name, format!("{}-tally-zh.csv", story().id));
        assert_eq!(v.table.headers[0], "部分");
    }

    #[test]
    fn table_only_lists_the_sections_shown() {
        let v = view(&opts(&[sec("order")], None), Lang::En);
        assert_eq!(v.table.rows.len(), 3);
        assert_eq!(
            v.table.rows[2][0].display,
            "Taking part in one order: considerate"
        );
    }

    #[test]
    fn table_row_has_shown_text_raw_value_unit_qualifier_and_date() {
        let v = all(Lang::Zh);
        let row = v
            .table
            .rows
            .iter()
            .find(|r| r[1].display == "累计发放汇编")
            .unwrap();
        assert_eq!(row[0].display, "一套政策汇编 精心");
        assert_eq!(row[2].display, "8950册");
        assert_eq!(row[3].display, "8950");
        assert_eq!(
            (row[4].display.as_str(), row[4].raw.as_str()),
            ("册", "copies")
        );
        assert_eq!(row[5].raw, "exact");
        assert_eq!(
            (row[6].display.as_str(), row[6].raw.as_str()),
            ("截至2020年7月", "..2020-07")
        );
    }

    #[test]
    fn csv_has_the_raw_values() {
        let csv = all(Lang::En).table.to_csv();
        assert!(
            csv.contains(",\"1,300+ companies\",1300,companies,more-than,\r\n"),
            "{csv}"
        );
    }

    #[test]
    fn dates_note_groups_figures_by_date_with_undated_last() {
        let zh = all(Lang::Zh).dates_note;
        assert!(
            zh.starts_with("2020年7月1日前夕：99名；2020年3月：6项、27条、2600余套、5名；"),
            "{zh}"
        );
        assert!(zh.contains("截至2020年7月：8950册"), "{zh}");
        assert!(
            zh.ends_with("未注明日期：1300余家、超500家、2468人次、12名、9个、20天"),
            "{zh}"
        );
        let en = all(Lang::En).dates_note;
        assert!(en.contains("March 2020: 6 items, 27 policies"), "{en}");
        assert!(en.contains("; Undated: 1,300+ companies"), "{en}");
    }

    #[test]
    fn source_is_the_wangting_headline() {
        assert_eq!(all(Lang::Zh).source, "望亭镇“七个一”党建赋能复工复产");
    }
}

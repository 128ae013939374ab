//! zh-CN and English rendering of figures, qualifiers and dates.
//!
//! Small on purpose: it compiles into the WASM, so it builds strings by pushing digits
//! ([`digits`], the one digit writer) and never goes through `format!` or float `Display`.
//! [`escape`] is the one HTML escaper.

mod date;
pub mod digits;
pub mod escape;
mod number;

pub use date::{format_date, format_when};
pub use number::{format_number, format_tick, FormatError, MAX_ABS};

use crate::config::Lang;
use crate::facts::{Fact, MoreMark, Qualifier, Unit};

/// A fact as a reader sees it: qualifier, number (with 万/亿 or million/billion) and unit,
/// e.g. "1300余家", "近5亿笔", "1,300+ companies", "nearly 500 million transactions".
pub fn format_fact(fact: &Fact, lang: Lang) -> String {
    format_qualified(fact.value, fact.unit, fact.qualifier, lang)
        .unwrap_or_else(|_| String::from("–"))
}

/// Number and unit without qualifier, e.g. for count-up animation frames: "1300家",
/// "5亿笔", "1,300 companies". Counts are rounded to whole numbers below 万 / a million.
pub fn format_value(value: f64, unit: &Unit, lang: Lang) -> Result<String, FormatError> {
    format_qualified(value, unit, Qualifier::Exact, lang)
}

/// Like [`format_fact`] for any value, unit and qualifier.
pub fn format_qualified(
    value: f64,
    unit: &Unit,
    qualifier: Qualifier,
    lang: Lang,
) -> Result<String, FormatError> {
    let parts = number::Parts::of(value, unit.is_count(), number::style(lang))?;
    let mut out = String::new();
    // The language the text is written in (`Lang::pick`: the build's, in a one-language build).
    match lang.pick(Lang::Zh, Lang::En) {
        Lang::Zh => {
            out.push_str(match qualifier {
                Qualifier::Over => "超",
                Qualifier::Nearly => "近",
                Qualifier::About => "约",
                _ => "",
            });
            parts.push_to(&mut out);
            out.push_str(match qualifier {
                Qualifier::MoreThan(MoreMark::Yu) => "余",
                Qualifier::MoreThan(MoreMark::Duo) => "多",
                _ => "",
            });
            out.push_str(unit.zh());
            if qualifier == Qualifier::AtLeast {
                out.push_str("及以上");
            }
        }
        Lang::En => {
            let more_word = matches!(qualifier, Qualifier::MoreThan(_)) && parts.has_suffix();
            out.push_str(match qualifier {
                Qualifier::Over => "over ",
                Qualifier::Nearly => "nearly ",
                Qualifier::About => "about ",
                Qualifier::MoreThan(_) if more_word => "more than ",
                _ => "",
            });
            parts.push_to(&mut out);
            if matches!(qualifier, Qualifier::MoreThan(_)) && !more_word {
                out.push('+');
            }
            out.push(' ');
            out.push_str(unit.en(!parts.is_one() || matches!(qualifier, Qualifier::MoreThan(_))));
            if qualifier == Qualifier::AtLeast {
                out.push_str(" and above");
            }
        }
    }
    Ok(out)
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

    /// Test units, as a story file would declare them.
    const COMPANIES: Unit = unit("companies", "家", "company", "companies", true);
    const WEEKS: Unit = unit("weeks", "周", "week", "weeks", true);
    const MERCHANTS: Unit = unit("merchants", "户", "merchant", "merchants", true);
    const YUAN: Unit = unit("yuan", "元", "yuan", "yuan", false);

    const fn unit(
        id: &'static str,
        zh: &'static str,
        en_one: &'static str,
        en_many: &'static str,
        count: bool,
    ) -> Unit {
        Unit {
            id,
            zh,
            en_one,
            en_many,
            count,
        }
    }

    fn zh(id: &str) -> String {
        format_fact(fact(id).unwrap(), Lang::Zh)
    }

    fn en(id: &str) -> String {
        format_fact(fact(id).unwrap(), Lang::En)
    }

    #[test]
    fn zh_renders_qualifiers_the_way_the_source_writes_them() {
        assert_eq!(zh("tally.policy.companies"), "1300余家");
        assert_eq!(zh("tally.training.attendees"), "70多家");
        assert_eq!(zh("payments.transactions"), "近5亿笔");
        assert_eq!(zh("payments.value"), "超900亿元");
        assert_eq!(zh("grid.load"), "约4000千伏安");
        assert_eq!(zh("payments.merchants"), "200万户");
        assert_eq!(zh("grid.substation_kv"), "35千伏及以上");
        assert_eq!(zh("tally.policy.copies"), "8950册");
    }

    #[test]
    fn en_renders_qualifiers_in_plain_words() {
        assert_eq!(en("tally.policy.companies"), "1,300+ companies");
        assert_eq!(en("tally.training.attendees"), "70+ companies");
        assert_eq!(
            en("payments.transactions"),
            "nearly 500 million transactions"
        );
        assert_eq!(en("payments.value"), "over 90 billion yuan");
        assert_eq!(en("grid.load"), "about 4,000 kVA");
        assert_eq!(en("payments.merchants"), "2 million merchants");
        assert_eq!(en("grid.line_kv"), "500 kV and above");
        assert_eq!(en("grid.area"), "about 2,300 km²");
        assert_eq!(en("payments.value_per_transaction"), "about 180 yuan");
    }

    #[test]
    fn every_stated_fact_in_zh_appears_in_its_source_quote() {
        for f in facts().iter().filter(|f| f.derived.is_none()) {
            let s = format_fact(f, Lang::Zh);
            // The source writes 两周 for 2 weeks and puts a noun between 200万 and 户.
            if f.id == "payments.setup" || f.id == "payments.merchants" {
                continue;
            }
            let bare = s.trim_start_matches(['超', '近', '约']);
            assert!(
                f.source_zh.contains(&s) || f.source_zh.contains(bare),
                "{}: {s} not in {}",
                f.id,
                f.source_zh
            );
        }
    }

    #[test]
    fn en_uses_the_singular_for_exactly_one() {
        assert_eq!(
            format_qualified(1.0, &COMPANIES, Qualifier::Exact, Lang::En).unwrap(),
            "1 company"
        );
        assert_eq!(
            format_qualified(1.0, &WEEKS, Qualifier::About, Lang::En).unwrap(),
            "about 1 week"
        );
        assert_eq!(
            format_qualified(0.0, &COMPANIES, Qualifier::Exact, Lang::En).unwrap(),
            "0 companies"
        );
    }

    #[test]
    fn en_more_than_a_scaled_number_uses_words_not_a_plus() {
        assert_eq!(
            format_qualified(
                2_000_000.0,
                &MERCHANTS,
                Qualifier::MoreThan(MoreMark::Yu),
                Lang::En
            )
            .unwrap(),
            "more than 2 million merchants"
        );
        assert_eq!(
            format_qualified(
                2_000_000.0,
                &MERCHANTS,
                Qualifier::MoreThan(MoreMark::Yu),
                Lang::Zh
            )
            .unwrap(),
            "200万余户"
        );
    }

    #[test]
    fn format_fact_never_fails_on_our_facts() {
        for f in facts() {
            assert_ne!(format_fact(f, Lang::Zh), "–", "{}", f.id);
            assert_ne!(format_fact(f, Lang::En), "–", "{}", f.id);
        }
    }

    #[test]
    fn format_qualified_rejects_negative_counts_and_nan() {
        assert_eq!(
            format_qualified(-1.0, &COMPANIES, Qualifier::Exact, Lang::Zh),
            Err(FormatError::Negative)
        );
        assert_eq!(
            format_qualified(f64::NAN, &YUAN, Qualifier::About, Lang::En),
            Err(FormatError::NotFinite)
        );
    }
}

//! The vocabulary of facts: how exact a figure is (qualifiers) and when it holds (dates).
//! The facts themselves are data (`data/stories/<id>/facts.json`), see [`crate::model`].

pub(crate) mod iso;
mod when;

pub use crate::model::{
    Anchor, Derivation, Fact, Link, Map, Milestone, Region, Section, Story, Unit,
};
pub use iso::ISO_FORMS;
pub use when::{Date, When};

/// Which marker the source used for "more than": 余 or 多 (both mean the same).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MoreMark {
    /// 余, e.g. 1300余家
    Yu,
    /// 多, e.g. 70多家
    Duo,
}

/// How exact the source says a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Qualifier {
    Exact,
    /// 余 / 多: a little more than the figure.
    MoreThan(MoreMark),
    /// 超: over the figure.
    Over,
    /// 近: nearly the figure.
    Nearly,
    /// 约 / 许: about the figure.
    About,
    /// 及以上: the figure and above (voltage classes in the grid story).
    AtLeast,
}

impl Qualifier {
    /// Stable machine name.
    pub const fn id(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::MoreThan(_) => "more-than",
            Qualifier::Over => "over",
            Qualifier::Nearly => "nearly",
            Qualifier::About => "about",
            Qualifier::AtLeast => "at-least",
        }
    }
}

// Written against both languages' text: tests of the default build (`lang_tests` in
// config.rs hold in a one-language build too).
#[cfg(test)]
#[cfg(all(feature = "zh", feature = "en"))]
mod tests {
    use super::*;
    use crate::model::story;

    /// The Suzhou story of `data/stories/suzhou-2020-07/`: these tests pin its figures to the
    /// source article.
    fn suzhou() -> &'static Story {
        story("suzhou-2020-07").unwrap()
    }

    fn fact(id: &str) -> Option<&'static Fact> {
        suzhou().fact(id)
    }

    fn facts() -> &'static [Fact] {
        suzhou().facts
    }

    const YU: Qualifier = Qualifier::MoreThan(MoreMark::Yu);
    const DUO: Qualifier = Qualifier::MoreThan(MoreMark::Duo);

    /// One test per fact: value, unit, qualifier and section as the source states them.
    macro_rules! pin {
        ($name:ident, $id:literal, $value:expr, $unit:literal, $q:expr, $section:literal) => {
            #[test]
            fn $name() {
                let f = fact($id).unwrap();
                assert_eq!(f.value, $value as f64);
                assert_eq!(f.unit.id, $unit);
                assert_eq!(f.qualifier, $q);
                assert_eq!(f.section.id, $section);
            }
        };
    }

    pin!(
        lead_has_99_instructors,
        "tally.lead.instructors",
        99,
        "people",
        Qualifier::Exact,
        "lead"
    );
    pin!(
        policy_handbook_has_6_topics,
        "tally.policy.items",
        6,
        "items",
        Qualifier::Exact,
        "policy"
    );
    pin!(
        policy_handbook_has_27_policies,
        "tally.policy.policies",
        27,
        "policies",
        Qualifier::Exact,
        "policy"
    );
    pin!(
        policy_reached_more_than_1300_companies,
        "tally.policy.companies",
        1300,
        "companies",
        YU,
        "policy"
    );
    pin!(
        one_member_visited_59_companies,
        "tally.policy.visited",
        59,
        "companies",
        Qualifier::Exact,
        "policy"
    );
    pin!(
        policy_copies_are_8950,
        "tally.policy.copies",
        8950,
        "copies",
        Qualifier::Exact,
        "policy"
    );
    pin!(
        training_had_70_odd_companies,
        "tally.training.attendees",
        70,
        "companies",
        DUO,
        "training"
    );
    pin!(
        online_training_had_over_500_companies,
        "tally.training.online",
        500,
        "companies",
        Qualifier::Over,
        "training"
    );
    pin!(
        incubation_pool_has_106_companies,
        "tally.training.pool",
        106,
        "companies",
        Qualifier::Exact,
        "training"
    );
    pin!(
        visits_had_more_than_50_companies,
        "tally.visit.companies",
        50,
        "companies",
        YU,
        "visit"
    );
    pin!(
        visits_had_2800_employees,
        "tally.visit.employees",
        2800,
        "people",
        Qualifier::Exact,
        "visit"
    );
    pin!(
        more_than_2600_respirator_housings,
        "tally.volunteer.housings",
        2600,
        "sets",
        YU,
        "volunteer"
    );
    pin!(
        five_staff_at_work,
        "tally.volunteer.staff",
        5,
        "people",
        Qualifier::Exact,
        "volunteer"
    );
    pin!(
        volunteers_served_2468_person_times,
        "tally.volunteer.person_times",
        2468,
        "person-times",
        Qualifier::Exact,
        "volunteer"
    );
    pin!(
        window_has_12_party_members,
        "tally.order.members",
        12,
        "people",
        Qualifier::Exact,
        "order"
    );
    pin!(
        window_followed_108_orders,
        "tally.order.orders",
        108,
        "orders",
        Qualifier::Exact,
        "order"
    );
    pin!(
        nine_projects_got_permits,
        "tally.problem.permits",
        9,
        "projects",
        Qualifier::Exact,
        "problem"
    );
    pin!(
        more_than_20_projects_get_acceptance_help,
        "tally.problem.acceptance",
        20,
        "projects",
        YU,
        "problem"
    );
    pin!(
        completion_record_took_20_days,
        "tally.problem.days",
        20,
        "days",
        Qualifier::Exact,
        "problem"
    );
    pin!(
        zone_is_about_2300_km2,
        "grid.area",
        2300,
        "km2",
        Qualifier::About,
        "grid"
    );
    pin!(
        zone_has_170_substations,
        "grid.substations",
        170,
        "substations",
        Qualifier::Exact,
        "grid"
    );
    pin!(
        substations_counted_are_35_kv_and_above,
        "grid.substation_kv",
        35,
        "kV",
        Qualifier::AtLeast,
        "grid"
    );
    pin!(
        lines_between_areas_are_500_kv_and_above,
        "grid.line_kv",
        500,
        "kV",
        Qualifier::AtLeast,
        "grid"
    );
    pin!(
        distribution_grids_are_10_kv,
        "grid.distribution_kv",
        10,
        "kV",
        Qualifier::Exact,
        "grid"
    );
    pin!(
        link_can_transfer_about_4000_kva,
        "grid.load",
        4000,
        "kVA",
        Qualifier::About,
        "grid"
    );
    pin!(
        nearly_500_million_transactions,
        "payments.transactions",
        500_000_000u64,
        "transactions",
        Qualifier::Nearly,
        "payments"
    );
    pin!(
        over_90_billion_yuan,
        "payments.value",
        90_000_000_000u64,
        "yuan",
        Qualifier::Over,
        "payments"
    );
    pin!(
        two_million_merchants,
        "payments.merchants",
        2_000_000,
        "merchants",
        Qualifier::Exact,
        "payments"
    );
    pin!(
        nearly_300_million_yuan_fees_saved,
        "payments.fees",
        300_000_000,
        "yuan",
        Qualifier::Nearly,
        "payments"
    );
    pin!(
        jinxi_set_up_in_two_weeks,
        "payments.setup",
        2,
        "weeks",
        Qualifier::Exact,
        "payments"
    );
    pin!(
        about_180_yuan_per_transaction,
        "payments.value_per_transaction",
        180,
        "yuan",
        Qualifier::About,
        "payments"
    );
    pin!(
        about_150_yuan_saved_per_merchant,
        "payments.fees_per_merchant",
        150,
        "yuan",
        Qualifier::About,
        "payments"
    );

    #[test]
    fn every_fact_is_pinned_by_a_test_above() {
        // Keep in step with the `pin!` list: adding a fact without a test fails here.
        assert_eq!(facts().len(), 32);
    }

    #[test]
    fn fact_ids_are_unique_and_prefixed_by_their_section() {
        let mut seen = std::collections::HashSet::new();
        for f in facts() {
            assert!(seen.insert(f.id), "duplicate {}", f.id);
            let tally_section = suzhou()
                .tally
                .unwrap()
                .cards
                .iter()
                .any(|c| c.section.id == f.section.id)
                || f.section.id == "lead";
            let prefix = if tally_section {
                format!("tally.{}.", f.section.id())
            } else {
                format!("{}.", f.section.id())
            };
            assert!(f.id.starts_with(&prefix), "{}", f.id);
        }
    }

    #[test]
    fn unknown_id_has_no_fact() {
        assert_eq!(fact("tally.policy"), None);
        assert_eq!(fact(""), None);
    }

    #[test]
    fn derived_facts_equal_their_formula_over_their_inputs() {
        let mut n = 0;
        for f in facts() {
            let Some(d) = f.derived else { continue };
            n += 1;
            let [a, b] = d.inputs else {
                panic!("{} should have two inputs", f.id)
            };
            let (a, b) = (fact(a).unwrap(), fact(b).unwrap());
            assert_eq!(f.value, a.value / b.value);
            assert!(a.derived.is_none() && b.derived.is_none());
            assert!(f.source_zh.is_empty());
            let pos = |id| facts().iter().position(|x| x.id == id).unwrap();
            assert!(pos(f.id) > pos(a.id) && pos(f.id) > pos(b.id));
        }
        assert_eq!(n, 2);
    }

    #[test]
    fn stated_facts_quote_the_source_and_have_non_negative_finite_values() {
        for f in facts().iter().filter(|f| f.derived.is_none()) {
            assert!(!f.source_zh.is_empty(), "{}", f.id);
            assert!(f.value.is_finite() && f.value >= 0.0, "{}", f.id);
            assert!(!f.label_zh.is_empty() && !f.label_en.is_empty());
        }
    }

    #[test]
    fn the_activist_section_has_no_figures() {
        // 6月14日 is a date, 十佳 an honour's name, the 2nd/4th Sunday a schedule.
        let story = suzhou();
        let activist = story.section("activist").unwrap();
        assert_eq!(story.facts_in(activist).count(), 0);
        for card in story.tally.unwrap().cards {
            if card.section.id != "activist" {
                assert!(
                    story.facts_in(card.section).count() > 0,
                    "{}",
                    card.section.id
                );
            }
        }
    }

    #[test]
    fn payments_facts_are_cumulative_totals_since_2019_launch() {
        for id in [
            "payments.transactions",
            "payments.value",
            "payments.merchants",
            "payments.fees",
        ] {
            assert_eq!(fact(id).unwrap().date, Some(When::Since(2019)), "{id}");
        }
    }

    #[test]
    fn dated_facts_carry_the_period_the_source_gives() {
        let date = |id| fact(id).unwrap().date;
        assert_eq!(
            date("tally.training.attendees"),
            Some(When::Day(Date::new(2020, 6, 19)))
        );
        assert_eq!(
            date("tally.policy.copies"),
            Some(When::AsOf {
                year: 2020,
                month: 7
            })
        );
        assert_eq!(date("tally.training.pool"), Some(When::FirstHalf(2020)));
        assert_eq!(date("tally.order.orders"), Some(When::FirstHalf(2020)));
        assert_eq!(
            date("tally.visit.employees"),
            Some(When::Month {
                year: 2020,
                month: 6
            })
        );
        assert_eq!(date("tally.training.online"), None);
    }

    #[test]
    fn unit_ids_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for u in suzhou().units {
            assert!(seen.insert(u.id()));
        }
    }

    /// The map of `map.json` as the source gives it: the three areas, the three links with
    /// their dates and the one place and capacity it names, the approval of the zone.
    #[test]
    fn the_map_has_the_three_areas_links_and_milestones_of_the_source() {
        let map = suzhou().map.unwrap();
        let names: Vec<&str> = map.regions.iter().map(|r| r.name.zh).collect();
        assert_eq!(names, ["青浦区", "吴江区", "嘉善县"]);
        let provinces: Vec<&str> = map.regions.iter().map(|r| r.province.en).collect();
        assert_eq!(provinces, ["Shanghai", "Jiangsu", "Zhejiang"]);
        let links: Vec<(&str, &str, String)> = map
            .links
            .iter()
            .map(|l| (l.from.id, l.to.id, l.date.iso()))
            .collect();
        assert_eq!(
            links,
            [
                ("wujiang", "qingpu", "2019-09".to_owned()),
                ("qingpu", "jiashan", "2019-09".to_owned()),
                ("wujiang", "jiashan", "2020-06-30T11:00~".to_owned()),
            ]
        );
        let last = map.links[2];
        assert!(last.place.is_some_and(|p| p.zh.contains("黎里镇史北村")));
        assert_eq!(last.capacity.map(|f| f.value), Some(4000.0));
        let steps: Vec<(&str, usize, bool)> = map
            .milestones
            .iter()
            .map(|m| (m.id, m.completes.len(), m.outline))
            .collect();
        assert_eq!(
            steps,
            [
                ("2019-09", 2, false),
                ("2019-10", 0, true),
                ("2020-06", 1, false)
            ]
        );
        assert_eq!(
            map.milestones[1].date,
            When::Month {
                year: 2019,
                month: 10
            }
        );
        assert_eq!(map.source.id, "grid");
    }

    /// Checks every quote against the source article. Run with `cargo test -p story -- --ignored`
    /// on a machine that has the article (set `STORY_SOURCE` to its path).
    #[test]
    #[ignore = "needs the source article (STORY_SOURCE or /work/shared/story/source-article.txt)"]
    fn every_quote_appears_in_the_source_article() {
        let path = std::env::var("STORY_SOURCE")
            .unwrap_or_else(|_| "/work/shared/story/source-article.txt".into());
        let text = std::fs::read_to_string(path).unwrap();
        for f in facts().iter().filter(|f| f.derived.is_none()) {
            assert!(text.contains(f.source_zh), "{}: {}", f.id, f.source_zh);
        }
        for s in suzhou().sections {
            assert!(text.contains(s.heading_zh()), "{}", s.id);
        }
        assert!(text.contains("黎里镇史北村"));
    }
}

//! Every figure of the three stories as typed data, with its source section, qualifier and date.
//!
//! One source of truth: widgets, fallbacks, data tables and the CLI read figures only from here.
//! Derived figures are computed from their inputs at compile time, never typed.

mod data;
mod places;
mod section;
mod when;

pub use section::{Section, Story};
pub use when::{Date, When};

/// What a figure counts or measures. Counts carry their Chinese measure word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// 家
    Companies,
    /// 名
    People,
    /// 册
    Copies,
    /// 条 (policy items)
    Policies,
    /// 项
    Items,
    /// 笔 (payment transactions)
    Transactions,
    /// 笔 (orders handled by a service window)
    Orders,
    /// 人次
    PersonTimes,
    /// 套
    Sets,
    /// 个
    Projects,
    /// 座
    Substations,
    /// 户
    Merchants,
    /// 天
    Days,
    /// 周
    Weeks,
    /// 元
    Yuan,
    /// 千伏安
    Kva,
    /// 千伏
    Kv,
    /// 平方公里
    SquareKm,
}

impl Unit {
    pub const ALL: [Unit; 18] = [
        Unit::Companies,
        Unit::People,
        Unit::Copies,
        Unit::Policies,
        Unit::Items,
        Unit::Transactions,
        Unit::Orders,
        Unit::PersonTimes,
        Unit::Sets,
        Unit::Projects,
        Unit::Substations,
        Unit::Merchants,
        Unit::Days,
        Unit::Weeks,
        Unit::Yuan,
        Unit::Kva,
        Unit::Kv,
        Unit::SquareKm,
    ];

    /// Stable machine name (used in JSON output and configs).
    pub const fn id(self) -> &'static str {
        match self {
            Unit::Companies => "companies",
            Unit::People => "people",
            Unit::Copies => "copies",
            Unit::Policies => "policies",
            Unit::Items => "items",
            Unit::Transactions => "transactions",
            Unit::Orders => "orders",
            Unit::PersonTimes => "person-times",
            Unit::Sets => "sets",
            Unit::Projects => "projects",
            Unit::Substations => "substations",
            Unit::Merchants => "merchants",
            Unit::Days => "days",
            Unit::Weeks => "weeks",
            Unit::Yuan => "yuan",
            Unit::Kva => "kVA",
            Unit::Kv => "kV",
            Unit::SquareKm => "km2",
        }
    }

    /// Whether the unit counts whole things (shown without decimals below 万 / a million).
    pub const fn is_count(self) -> bool {
        !matches!(self, Unit::Yuan | Unit::Kva | Unit::Kv | Unit::SquareKm)
    }

    /// The Chinese measure word or unit written right after the number.
    pub const fn zh(self) -> &'static str {
        match self {
            Unit::Companies => "家",
            Unit::People => "名",
            Unit::Copies => "册",
            Unit::Policies => "条",
            Unit::Items => "项",
            Unit::Transactions | Unit::Orders => "笔",
            Unit::PersonTimes => "人次",
            Unit::Sets => "套",
            Unit::Projects => "个",
            Unit::Substations => "座",
            Unit::Merchants => "户",
            Unit::Days => "天",
            Unit::Weeks => "周",
            Unit::Yuan => "元",
            Unit::Kva => "千伏安",
            Unit::Kv => "千伏",
            Unit::SquareKm => "平方公里",
        }
    }

    /// English unit word, singular or plural (symbols do not change).
    pub const fn en(self, plural: bool) -> &'static str {
        let (one, many) = match self {
            Unit::Companies => ("company", "companies"),
            Unit::People => ("person", "people"),
            Unit::Copies => ("copy", "copies"),
            Unit::Policies => ("policy", "policies"),
            Unit::Items => ("item", "items"),
            Unit::Transactions => ("transaction", "transactions"),
            Unit::Orders => ("order", "orders"),
            Unit::PersonTimes => ("person-visit", "person-visits"),
            Unit::Sets => ("set", "sets"),
            Unit::Projects => ("project", "projects"),
            Unit::Substations => ("substation", "substations"),
            Unit::Merchants => ("merchant", "merchants"),
            Unit::Days => ("day", "days"),
            Unit::Weeks => ("week", "weeks"),
            Unit::Yuan => ("yuan", "yuan"),
            Unit::Kva => ("kVA", "kVA"),
            Unit::Kv => ("kV", "kV"),
            Unit::SquareKm => ("km²", "km²"),
        };
        if plural {
            many
        } else {
            one
        }
    }
}

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

    /// Qualifier of a figure computed from others: exact only when every input is exact,
    /// otherwise "about".
    pub const fn derived(inputs: &[Qualifier]) -> Qualifier {
        let mut rest = inputs;
        while let [first, tail @ ..] = rest {
            if !matches!(first, Qualifier::Exact) {
                return Qualifier::About;
            }
            rest = tail;
        }
        Qualifier::Exact
    }
}

/// How a derived figure was computed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Derivation {
    pub formula_zh: &'static str,
    pub formula_en: &'static str,
    /// Ids of the facts the formula reads, in formula order.
    pub inputs: &'static [&'static str],
}

/// One figure of a story.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fact {
    /// Stable id, `<widget>.<section>.<name>` for the tally, `<widget>.<name>` otherwise.
    pub id: &'static str,
    pub value: f64,
    pub unit: Unit,
    pub qualifier: Qualifier,
    /// Date or period the source gives for the figure.
    pub date: Option<When>,
    pub section: Section,
    /// Short label, our own words.
    pub label_zh: &'static str,
    pub label_en: &'static str,
    /// The figure as the source prints it (a few characters around the number), for provenance.
    /// Empty for derived figures.
    pub source_zh: &'static str,
    pub derived: Option<Derivation>,
}

/// Every figure of the three stories, in source order; derived figures follow their inputs.
pub fn facts() -> &'static [Fact] {
    &data::FACTS
}

/// The fact with this id.
pub fn fact(id: &str) -> Option<Fact> {
    data::FACTS.iter().find(|f| f.id == id).copied()
}

/// The facts of one section, in source order.
pub fn facts_in(section: Section) -> impl Iterator<Item = &'static Fact> {
    data::FACTS.iter().filter(move |f| f.section == section)
}

pub use places::{
    link, links, milestones, region, regions, Link, Milestone, Region, RegionId, Zone, ZONE,
};

#[cfg(test)]
mod tests {
    use super::*;

    const YU: Qualifier = Qualifier::MoreThan(MoreMark::Yu);
    const DUO: Qualifier = Qualifier::MoreThan(MoreMark::Duo);

    /// One test per fact: value, unit, qualifier and section as the source states them.
    macro_rules! pin {
        ($name:ident, $id:literal, $value:expr, $unit:ident, $q:expr, $section:ident) => {
            #[test]
            fn $name() {
                let f = fact($id).unwrap();
                assert_eq!(f.value, $value as f64);
                assert_eq!(f.unit, Unit::$unit);
                assert_eq!(f.qualifier, $q);
                assert_eq!(f.section, Section::$section);
            }
        };
    }

    pin!(
        lead_has_99_instructors,
        "tally.lead.instructors",
        99,
        People,
        Qualifier::Exact,
        Lead
    );
    pin!(
        policy_handbook_has_6_topics,
        "tally.policy.items",
        6,
        Items,
        Qualifier::Exact,
        Policy
    );
    pin!(
        policy_handbook_has_27_policies,
        "tally.policy.policies",
        27,
        Policies,
        Qualifier::Exact,
        Policy
    );
    pin!(
        policy_reached_more_than_1300_companies,
        "tally.policy.companies",
        1300,
        Companies,
        YU,
        Policy
    );
    pin!(
        one_member_visited_59_companies,
        "tally.policy.visited",
        59,
        Companies,
        Qualifier::Exact,
        Policy
    );
    pin!(
        policy_copies_are_8950,
        "tally.policy.copies",
        8950,
        Copies,
        Qualifier::Exact,
        Policy
    );
    pin!(
        training_had_70_odd_companies,
        "tally.training.attendees",
        70,
        Companies,
        DUO,
        Training
    );
    pin!(
        online_training_had_over_500_companies,
        "tally.training.online",
        500,
        Companies,
        Qualifier::Over,
        Training
    );
    pin!(
        incubation_pool_has_106_companies,
        "tally.training.pool",
        106,
        Companies,
        Qualifier::Exact,
        Training
    );
    pin!(
        visits_had_more_than_50_companies,
        "tally.visit.companies",
        50,
        Companies,
        YU,
        Visit
    );
    pin!(
        visits_had_2800_employees,
        "tally.visit.employees",
        2800,
        People,
        Qualifier::Exact,
        Visit
    );
    pin!(
        more_than_2600_respirator_housings,
        "tally.volunteer.housings",
        2600,
        Sets,
        YU,
        Volunteer
    );
    pin!(
        five_staff_at_work,
        "tally.volunteer.staff",
        5,
        People,
        Qualifier::Exact,
        Volunteer
    );
    pin!(
        volunteers_served_2468_person_times,
        "tally.volunteer.person_times",
        2468,
        PersonTimes,
        Qualifier::Exact,
        Volunteer
    );
    pin!(
        window_has_12_party_members,
        "tally.order.members",
        12,
        People,
        Qualifier::Exact,
        Order
    );
    pin!(
        window_followed_108_orders,
        "tally.order.orders",
        108,
        Orders,
        Qualifier::Exact,
        Order
    );
    pin!(
        nine_projects_got_permits,
        "tally.problem.permits",
        9,
        Projects,
        Qualifier::Exact,
        Problem
    );
    pin!(
        more_than_20_projects_get_acceptance_help,
        "tally.problem.acceptance",
        20,
        Projects,
        YU,
        Problem
    );
    pin!(
        completion_record_took_20_days,
        "tally.problem.days",
        20,
        Days,
        Qualifier::Exact,
        Problem
    );
    pin!(
        zone_is_about_2300_km2,
        "grid.area",
        2300,
        SquareKm,
        Qualifier::About,
        Grid
    );
    pin!(
        zone_has_170_substations,
        "grid.substations",
        170,
        Substations,
        Qualifier::Exact,
        Grid
    );
    pin!(
        substations_counted_are_35_kv_and_above,
        "grid.substation_kv",
        35,
        Kv,
        Qualifier::AtLeast,
        Grid
    );
    pin!(
        lines_between_areas_are_500_kv_and_above,
        "grid.line_kv",
        500,
        Kv,
        Qualifier::AtLeast,
        Grid
    );
    pin!(
        distribution_grids_are_10_kv,
        "grid.distribution_kv",
        10,
        Kv,
        Qualifier::Exact,
        Grid
    );
    pin!(
        link_can_transfer_about_4000_kva,
        "grid.load",
        4000,
        Kva,
        Qualifier::About,
        Grid
    );
    pin!(
        nearly_500_million_transactions,
        "payments.transactions",
        500_000_000u64,
        Transactions,
        Qualifier::Nearly,
        Payments
    );
    pin!(
        over_90_billion_yuan,
        "payments.value",
        90_000_000_000u64,
        Yuan,
        Qualifier::Over,
        Payments
    );
    pin!(
        two_million_merchants,
        "payments.merchants",
        2_000_000,
        Merchants,
        Qualifier::Exact,
        Payments
    );
    pin!(
        nearly_300_million_yuan_fees_saved,
        "payments.fees",
        300_000_000,
        Yuan,
        Qualifier::Nearly,
        Payments
    );
    pin!(
        jinxi_set_up_in_two_weeks,
        "payments.setup",
        2,
        Weeks,
        Qualifier::Exact,
        Payments
    );
    pin!(
        about_180_yuan_per_transaction,
        "payments.value_per_transaction",
        180,
        Yuan,
        Qualifier::About,
        Payments
    );
    pin!(
        about_150_yuan_saved_per_merchant,
        "payments.fees_per_merchant",
        150,
        Yuan,
        Qualifier::About,
        Payments
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
            let prefix = match f.section.story() {
                Story::Wangting => format!("tally.{}.", f.section.id()),
                _ => format!("{}.", f.section.id()),
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
    fn derived_qualifier_is_exact_only_when_every_input_is_exact() {
        assert_eq!(Qualifier::derived(&[]), Qualifier::Exact);
        assert_eq!(
            Qualifier::derived(&[Qualifier::Exact, Qualifier::Exact]),
            Qualifier::Exact
        );
        assert_eq!(
            Qualifier::derived(&[Qualifier::Over, Qualifier::Nearly]),
            Qualifier::About
        );
        assert_eq!(
            Qualifier::derived(&[Qualifier::Nearly, Qualifier::Exact]),
            Qualifier::About
        );
    }

    #[test]
    fn the_activist_section_has_no_figures() {
        // 6月14日 is a date, 十佳 an honour's name, the 2nd/4th Sunday a schedule.
        assert_eq!(facts_in(Section::Activist).count(), 0);
        for s in Section::SEVEN {
            if s != Section::Activist {
                assert!(facts_in(s).count() > 0, "{s:?}");
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
        for u in Unit::ALL {
            assert!(seen.insert(u.id()));
        }
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
        for s in Section::ALL {
            assert!(text.contains(s.heading_zh()), "{s:?}");
        }
        assert!(text.contains("黎里镇史北村"));
    }
}

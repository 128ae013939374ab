//! Non-figure data of the grid story: the zone, its three areas, the three links and the
//! timeline, so that no widget hard-codes a name or a date.

use super::{Date, When};

/// One of the "two districts and one county" (两区一县) of the demonstration zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RegionId {
    Qingpu,
    Wujiang,
    Jiashan,
}

impl RegionId {
    pub const ALL: [RegionId; 3] = [RegionId::Qingpu, RegionId::Wujiang, RegionId::Jiashan];

    /// Stable id used in configs, geometry files and JSON.
    pub const fn id(self) -> &'static str {
        match self {
            RegionId::Qingpu => "qingpu",
            RegionId::Wujiang => "wujiang",
            RegionId::Jiashan => "jiashan",
        }
    }

    pub fn from_id(id: &str) -> Option<RegionId> {
        RegionId::ALL.into_iter().find(|r| r.id() == id)
    }

    pub fn region(self) -> &'static Region {
        match self {
            RegionId::Qingpu => &QINGPU,
            RegionId::Wujiang => &WUJIANG,
            RegionId::Jiashan => &JIASHAN,
        }
    }
}

/// A county-level area with its city and province (source: 上海青浦区、江苏苏州吴江区、浙江嘉兴嘉善县).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region {
    pub id: RegionId,
    pub name_zh: &'static str,
    pub name_en: &'static str,
    /// Prefecture-level city; Qingpu is a district of Shanghai itself.
    pub city_zh: Option<&'static str>,
    pub city_en: Option<&'static str>,
    /// Province or municipality.
    pub province_zh: &'static str,
    pub province_en: &'static str,
    /// Id of the source section.
    pub section: &'static str,
}

const QINGPU: Region = Region {
    id: RegionId::Qingpu,
    name_zh: "青浦区",
    name_en: "Qingpu District",
    city_zh: None,
    city_en: None,
    province_zh: "上海",
    province_en: "Shanghai",
    section: "grid",
};

const WUJIANG: Region = Region {
    id: RegionId::Wujiang,
    name_zh: "吴江区",
    name_en: "Wujiang District",
    city_zh: Some("苏州"),
    city_en: Some("Suzhou"),
    province_zh: "江苏",
    province_en: "Jiangsu",
    section: "grid",
};

const JIASHAN: Region = Region {
    id: RegionId::Jiashan,
    name_zh: "嘉善县",
    name_en: "Jiashan County",
    city_zh: Some("嘉兴"),
    city_en: Some("Jiaxing"),
    province_zh: "浙江",
    province_en: "Zhejiang",
    section: "grid",
};

static REGIONS: [Region; 3] = [QINGPU, WUJIANG, JIASHAN];

/// The three areas, in the source's order (Qingpu, Wujiang, Jiashan).
pub fn regions() -> &'static [Region] {
    &REGIONS
}

pub fn region(id: RegionId) -> &'static Region {
    id.region()
}

/// A 10 kV distribution-grid interconnection between two areas.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    /// Stable id, `<from>-<to>`.
    pub id: &'static str,
    pub from: RegionId,
    pub to: RegionId,
    /// When the link was completed.
    pub date: When,
    /// Where, when the source says.
    pub place_zh: Option<&'static str>,
    pub place_en: Option<&'static str>,
    /// What it carries.
    pub carries_zh: &'static str,
    pub carries_en: &'static str,
    /// Id of a fact about the link's capacity, when the source gives one.
    pub capacity_fact: Option<&'static str>,
    /// Id of the source section.
    pub section: &'static str,
}

const CARRIES_ZH: &str = "10千伏配电网互联";
const CARRIES_EN: &str = "10 kV distribution-grid interconnection";

static LINKS: [Link; 3] = [
    Link {
        id: "wujiang-qingpu",
        from: RegionId::Wujiang,
        to: RegionId::Qingpu,
        date: When::Month {
            year: 2019,
            month: 9,
        },
        place_zh: None,
        place_en: None,
        carries_zh: CARRIES_ZH,
        carries_en: CARRIES_EN,
        capacity_fact: None,
        section: "grid",
    },
    Link {
        id: "qingpu-jiashan",
        from: RegionId::Qingpu,
        to: RegionId::Jiashan,
        date: When::Month {
            year: 2019,
            month: 9,
        },
        place_zh: None,
        place_en: None,
        carries_zh: CARRIES_ZH,
        carries_en: CARRIES_EN,
        capacity_fact: None,
        section: "grid",
    },
    Link {
        id: "wujiang-jiashan",
        from: RegionId::Wujiang,
        to: RegionId::Jiashan,
        date: When::DayTime {
            date: Date::new(2020, 6, 30),
            hour: 11,
            minute: 0,
            approx: true,
        },
        place_zh: Some("黎里镇史北村（江浙两省交界处）"),
        place_en: Some("Shibei village, Lili town, on the Jiangsu–Zhejiang border"),
        carries_zh: CARRIES_ZH,
        carries_en: CARRIES_EN,
        capacity_fact: Some("grid.load"),
        section: "grid",
    },
];

/// The three links, in the order they were completed.
pub fn links() -> &'static [Link] {
    &LINKS
}

pub fn link(id: &str) -> Option<&'static Link> {
    LINKS.iter().find(|l| l.id == id)
}

/// The demonstration zone the three areas form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Zone {
    pub name_zh: &'static str,
    pub name_en: &'static str,
    pub approved: When,
    pub approved_by_zh: &'static str,
    pub approved_by_en: &'static str,
    /// Id of the zone's area fact.
    pub area_fact: &'static str,
    /// Id of the source section.
    pub section: &'static str,
}

pub const ZONE: Zone = Zone {
    name_zh: "长三角生态绿色一体化发展示范区",
    name_en: "Yangtze River Delta Ecological and Green Integrated Development Demonstration Zone",
    approved: When::Month {
        year: 2019,
        month: 10,
    },
    approved_by_zh: "国务院",
    approved_by_en: "the State Council",
    area_fact: "grid.area",
    section: "grid",
};

/// One step of the grid story's timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Milestone {
    /// Stable id, also the grid map's `step` option: `2019-09`, `2019-10`, `2020-06`.
    pub id: &'static str,
    pub date: When,
    pub label_zh: &'static str,
    pub label_en: &'static str,
    /// Links complete at this step (cumulative).
    pub links: &'static [&'static str],
    /// Id of the source section.
    pub section: &'static str,
}

static MILESTONES: [Milestone; 3] = [
    Milestone {
        id: "2019-09",
        date: When::Month {
            year: 2019,
            month: 9,
        },
        label_zh: "吴江—青浦、青浦—嘉善互联相继贯通",
        label_en: "Wujiang–Qingpu and Qingpu–Jiashan links completed",
        links: &["wujiang-qingpu", "qingpu-jiashan"],
        section: "grid",
    },
    Milestone {
        id: "2019-10",
        date: When::Month {
            year: 2019,
            month: 10,
        },
        label_zh: "国务院批复建立示范区",
        label_en: "State Council approves the demonstration zone",
        links: &["wujiang-qingpu", "qingpu-jiashan"],
        section: "grid",
    },
    Milestone {
        id: "2020-06",
        date: When::DayTime {
            date: Date::new(2020, 6, 30),
            hour: 11,
            minute: 0,
            approx: true,
        },
        label_zh: "吴江—嘉善互联贯通，三地配电网全部互联",
        label_en: "Wujiang–Jiashan link completes the three-way grid",
        links: &["wujiang-qingpu", "qingpu-jiashan", "wujiang-jiashan"],
        section: "grid",
    },
];

/// The grid story's timeline, oldest first.
pub fn milestones() -> &'static [Milestone] {
    &MILESTONES
}

#[cfg(test)]
mod tests {
    use super::*;
    fn fact(id: &str) -> Option<&'static crate::Fact> {
        crate::model::story("suzhou-2020-07")?.fact(id)
    }

    #[test]
    fn regions_are_qingpu_wujiang_jiashan_in_three_provinces() {
        let names: Vec<&str> = regions().iter().map(|r| r.name_zh).collect();
        assert_eq!(names, ["青浦区", "吴江区", "嘉善县"]);
        let provinces: Vec<&str> = regions().iter().map(|r| r.province_en).collect();
        assert_eq!(provinces, ["Shanghai", "Jiangsu", "Zhejiang"]);
        for id in RegionId::ALL {
            assert_eq!(region(id).id, id);
            assert_eq!(RegionId::from_id(id.id()), Some(id));
        }
    }

    #[test]
    fn every_pair_of_regions_has_exactly_one_link() {
        for (i, a) in RegionId::ALL.iter().enumerate() {
            for b in RegionId::ALL.iter().skip(i + 1) {
                let n = links()
                    .iter()
                    .filter(|l| (l.from == *a && l.to == *b) || (l.from == *b && l.to == *a))
                    .count();
                assert_eq!(n, 1, "{a:?}-{b:?}");
            }
        }
    }

    #[test]
    fn link_ids_name_their_ends() {
        for l in links() {
            assert_eq!(l.id, format!("{}-{}", l.from.id(), l.to.id()));
            assert_eq!(link(l.id), Some(l));
        }
        assert_eq!(link("qingpu-wujiang"), None);
    }

    #[test]
    fn the_last_link_is_at_shibei_around_eleven_on_30_june_2020() {
        let l = link("wujiang-jiashan").unwrap();
        assert_eq!(
            l.date,
            When::DayTime {
                date: Date::new(2020, 6, 30),
                hour: 11,
                minute: 0,
                approx: true
            }
        );
        assert!(l.place_zh.unwrap().contains("黎里镇史北村"));
        assert_eq!(fact(l.capacity_fact.unwrap()).unwrap().value, 4000.0);
    }

    #[test]
    fn milestones_are_in_date_order_and_links_accumulate() {
        let ids: Vec<&str> = milestones().iter().map(|m| m.id).collect();
        assert_eq!(ids, ["2019-09", "2019-10", "2020-06"]);
        let mut prev = 0;
        for m in milestones() {
            assert!(m.links.len() >= prev);
            prev = m.links.len();
            for id in m.links {
                assert!(link(id).is_some(), "{id}");
            }
            assert!(m.date.iso().starts_with(m.id));
        }
        assert_eq!(prev, links().len());
    }

    #[test]
    fn zone_was_approved_by_the_state_council_in_october_2019() {
        assert_eq!(
            ZONE.approved,
            When::Month {
                year: 2019,
                month: 10
            }
        );
        assert_eq!(ZONE.approved_by_zh, "国务院");
        assert_eq!(fact(ZONE.area_fact).unwrap().value, 2300.0);
    }
}

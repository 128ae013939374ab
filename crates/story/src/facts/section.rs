//! The source sections a fact is cited from.

/// One of the three stories of the source page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Story {
    /// 望亭镇“七个一”党建赋能复工复产
    Wangting,
    /// 长三角一体化示范区 实现10千伏电网跨省互联
    Grid,
    /// 苏州工行携手“绿房子”助力复商复业
    Payments,
}

impl Story {
    pub const ALL: [Story; 3] = [Story::Wangting, Story::Grid, Story::Payments];

    /// The story's headline as the source prints it.
    pub const fn headline_zh(self) -> &'static str {
        match self {
            Story::Wangting => "望亭镇“七个一”党建赋能复工复产",
            Story::Grid => "长三角一体化示范区 实现10千伏电网跨省互联",
            Story::Payments => "苏州工行携手“绿房子”助力复商复业",
        }
    }

    /// Our translation of the headline.
    pub const fn headline_en(self) -> &'static str {
        match self {
            Story::Wangting => "Wangting's \"seven ones\": party building helps firms reopen",
            Story::Grid => {
                "Yangtze Delta demonstration zone links its 10 kV grids across provinces"
            }
            Story::Payments => "Suzhou ICBC's \"green huts\" help traders reopen",
        }
    }
}

/// A section of the source page. The Wangting story has a lead paragraph and seven sections,
/// one per "one" (七个一), each with its 心 word; the other two stories are one section each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    /// Lead paragraph of the Wangting story.
    Lead,
    /// 一套政策汇编 精心
    Policy,
    /// 一场专题培训 悉心
    Training,
    /// 一次党建参观 走心
    Visit,
    /// 一次志愿服务 暖心
    Volunteer,
    /// 参与一个订单 贴心
    Order,
    /// 培养一名积极分子 耐心
    Activist,
    /// 解决一个实际问题 省心
    Problem,
    /// The 10 kV cross-province grid story.
    Grid,
    /// The ICBC e-payment collection code story.
    Payments,
}

impl Section {
    pub const ALL: [Section; 10] = [
        Section::Lead,
        Section::Policy,
        Section::Training,
        Section::Visit,
        Section::Volunteer,
        Section::Order,
        Section::Activist,
        Section::Problem,
        Section::Grid,
        Section::Payments,
    ];

    /// The seven "ones" of the Wangting story, in source order.
    pub const SEVEN: [Section; 7] = [
        Section::Policy,
        Section::Training,
        Section::Visit,
        Section::Volunteer,
        Section::Order,
        Section::Activist,
        Section::Problem,
    ];

    /// Stable id used in configs (`data-sections="policy,training"`) and JSON.
    pub const fn id(self) -> &'static str {
        match self {
            Section::Lead => "lead",
            Section::Policy => "policy",
            Section::Training => "training",
            Section::Visit => "visit",
            Section::Volunteer => "volunteer",
            Section::Order => "order",
            Section::Activist => "activist",
            Section::Problem => "problem",
            Section::Grid => "grid",
            Section::Payments => "payments",
        }
    }

    /// The section with this id.
    pub fn from_id(id: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.id() == id)
    }

    pub const fn story(self) -> Story {
        match self {
            Section::Grid => Story::Grid,
            Section::Payments => Story::Payments,
            _ => Story::Wangting,
        }
    }

    /// The source's heading for this section; the lead and the single-section stories use
    /// their story's headline.
    pub const fn heading_zh(self) -> &'static str {
        match self {
            Section::Policy => "一套政策汇编 精心",
            Section::Training => "一场专题培训 悉心",
            Section::Visit => "一次党建参观 走心",
            Section::Volunteer => "一次志愿服务 暖心",
            Section::Order => "参与一个订单 贴心",
            Section::Activist => "培养一名积极分子 耐心",
            Section::Problem => "解决一个实际问题 省心",
            Section::Lead | Section::Grid | Section::Payments => self.story().headline_zh(),
        }
    }

    /// Our translation of the heading.
    pub const fn heading_en(self) -> &'static str {
        match self {
            Section::Policy => "One policy handbook: meticulous",
            Section::Training => "One training session: attentive",
            Section::Visit => "One party-building visit: heartfelt",
            Section::Volunteer => "One round of volunteering: warm-hearted",
            Section::Order => "Taking part in one order: considerate",
            Section::Activist => "Mentoring one activist: patient",
            Section::Problem => "Solving one practical problem: hassle-free",
            Section::Lead | Section::Grid | Section::Payments => self.story().headline_en(),
        }
    }

    /// The "one" of a Wangting section without its 心 word (e.g. 一套政策汇编).
    pub const fn one_zh(self) -> Option<&'static str> {
        match self {
            Section::Policy => Some("一套政策汇编"),
            Section::Training => Some("一场专题培训"),
            Section::Visit => Some("一次党建参观"),
            Section::Volunteer => Some("一次志愿服务"),
            Section::Order => Some("参与一个订单"),
            Section::Activist => Some("培养一名积极分子"),
            Section::Problem => Some("解决一个实际问题"),
            _ => None,
        }
    }

    pub const fn one_en(self) -> Option<&'static str> {
        match self {
            Section::Policy => Some("One policy handbook"),
            Section::Training => Some("One training session"),
            Section::Visit => Some("One party-building visit"),
            Section::Volunteer => Some("One round of volunteering"),
            Section::Order => Some("Taking part in one order"),
            Section::Activist => Some("Mentoring one activist"),
            Section::Problem => Some("Solving one practical problem"),
            _ => None,
        }
    }

    /// The section's 心 word (精心, 悉心, 走心, 暖心, 贴心, 耐心, 省心).
    pub const fn heart_zh(self) -> Option<&'static str> {
        match self {
            Section::Policy => Some("精心"),
            Section::Training => Some("悉心"),
            Section::Visit => Some("走心"),
            Section::Volunteer => Some("暖心"),
            Section::Order => Some("贴心"),
            Section::Activist => Some("耐心"),
            Section::Problem => Some("省心"),
            _ => None,
        }
    }

    /// Our translation of the 心 word.
    pub const fn heart_en(self) -> Option<&'static str> {
        match self {
            Section::Policy => Some("meticulous"),
            Section::Training => Some("attentive"),
            Section::Visit => Some("heartfelt"),
            Section::Volunteer => Some("warm-hearted"),
            Section::Order => Some("considerate"),
            Section::Activist => Some("patient"),
            Section::Problem => Some("hassle-free"),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_round_trips_through_its_id() {
        for s in Section::ALL {
            assert_eq!(Section::from_id(s.id()), Some(s));
        }
        assert_eq!(Section::from_id("Policy"), None);
    }

    #[test]
    fn each_of_the_seven_headings_is_its_one_plus_its_heart_word() {
        for s in Section::SEVEN {
            let one = s.one_zh().unwrap();
            let heart = s.heart_zh().unwrap();
            assert_eq!(s.heading_zh(), format!("{one} {heart}"));
            assert!(s.heading_en().starts_with(s.one_en().unwrap()));
            assert!(s.heading_en().ends_with(s.heart_en().unwrap()));
            assert_eq!(s.story(), Story::Wangting);
        }
    }

    #[test]
    fn the_seven_heart_words_are_distinct_and_end_in_xin() {
        let words: Vec<&str> = Section::SEVEN.iter().filter_map(|s| s.heart_zh()).collect();
        assert_eq!(
            words,
            ["精心", "悉心", "走心", "暖心", "贴心", "耐心", "省心"]
        );
        assert!(words.iter().all(|w| w.ends_with('心')));
    }

    #[test]
    fn sections_outside_the_seven_have_no_heart_word() {
        for s in [Section::Lead, Section::Grid, Section::Payments] {
            assert_eq!(s.heart_zh(), None);
            assert_eq!(s.one_en(), None);
        }
    }

    #[test]
    fn single_section_stories_use_their_headline_as_heading() {
        assert_eq!(
            Section::Grid.heading_zh(),
            "长三角一体化示范区 实现10千伏电网跨省互联"
        );
        assert_eq!(
            Section::Payments.heading_zh(),
            "苏州工行携手“绿房子”助力复商复业"
        );
        assert_eq!(Section::Lead.heading_zh(), "望亭镇“七个一”党建赋能复工复产");
    }
}

//! The figures themselves, checked one by one against the source article (July 2020).
//!
//! 今年 / 上半年 in the source are read as 2020, the year of publication.

use super::{Date, Derivation, Fact, MoreMark, Qualifier, Section, Unit, When};

const fn month(year: u16, month: u8) -> Option<When> {
    Some(When::Month { year, month })
}

const YU: Qualifier = Qualifier::MoreThan(MoreMark::Yu);
const DUO: Qualifier = Qualifier::MoreThan(MoreMark::Duo);

/// A figure the source states (not derived).
#[allow(clippy::too_many_arguments)]
const fn stated(
    id: &'static str,
    value: f64,
    unit: Unit,
    qualifier: Qualifier,
    date: Option<When>,
    section: Section,
    label_zh: &'static str,
    label_en: &'static str,
    source_zh: &'static str,
) -> Fact {
    Fact {
        id,
        value,
        unit,
        qualifier,
        date,
        section,
        label_zh,
        label_en,
        source_zh,
        derived: None,
    }
}

// ---- Lead ----------------------------------------------------------------------------------

const INSTRUCTORS: Fact = stated(
    "tally.lead.instructors",
    99.0,
    Unit::People,
    Qualifier::Exact,
    Some(When::Eve(Date::new(2020, 7, 1))),
    Section::Lead,
    "全镇党建指导员",
    "party-building instructors in the town",
    "99名党建指导员",
);

// ---- 一套政策汇编 精心 -------------------------------------------------------------------------

const POLICY_ITEMS: Fact = stated(
    "tally.policy.items",
    6.0,
    Unit::Items,
    Qualifier::Exact,
    month(2020, 3),
    Section::Policy,
    "政策汇编内容板块",
    "topics in the policy handbook",
    "6项内容",
);

const POLICY_POLICIES: Fact = stated(
    "tally.policy.policies",
    27.0,
    Unit::Policies,
    Qualifier::Exact,
    month(2020, 3),
    Section::Policy,
    "汇编收录的奖补政策",
    "subsidy and award policies in the handbook",
    "各项奖补政策27条",
);

const POLICY_COMPANIES: Fact = stated(
    "tally.policy.companies",
    1300.0,
    Unit::Companies,
    YU,
    None,
    Section::Policy,
    "收到汇编的企业（全覆盖）",
    "companies given the handbook (all of them)",
    "1300余家企业",
);

const POLICY_VISITED: Fact = stated(
    "tally.policy.visited",
    59.0,
    Unit::Companies,
    Qualifier::Exact,
    Some(When::MidMonth {
        year: 2020,
        month: 6,
    }),
    Section::Policy,
    "一名党员走访的企业",
    "companies visited by one party member",
    "走访了59家企业",
);

const POLICY_COPIES: Fact = stated(
    "tally.policy.copies",
    8950.0,
    Unit::Copies,
    Qualifier::Exact,
    Some(When::AsOf {
        year: 2020,
        month: 7,
    }),
    Section::Policy,
    "累计发放汇编",
    "handbook copies handed out in total",
    "累计共发放汇编8950册",
);

// ---- 一场专题培训 悉心 -------------------------------------------------------------------------

const TRAINING_ATTENDEES: Fact = stated(
    "tally.training.attendees",
    70.0,
    Unit::Companies,
    DUO,
    Some(When::Day(Date::new(2020, 6, 19))),
    Section::Training,
    "参加高企培训的企业负责人",
    "companies at the high-tech training session",
    "70多家企业负责人",
);

const TRAINING_ONLINE: Fact = stated(
    "tally.training.online",
    500.0,
    Unit::Companies,
    Qualifier::Over,
    None,
    Section::Training,
    "累计参加线上培训的企业",
    "companies in online training sessions",
    "累计参加的企业超500家",
);

const TRAINING_POOL: Fact = stated(
    "tally.training.pool",
    106.0,
    Unit::Companies,
    Qualifier::Exact,
    Some(When::FirstHalf(2020)),
    Section::Training,
    "申报高企培育入库企业",
    "companies entered for the high-tech incubation pool",
    "高企培育入库企业106家",
);

// ---- 一次党建参观 走心 -------------------------------------------------------------------------

const VISIT_COMPANIES: Fact = stated(
    "tally.visit.companies",
    50.0,
    Unit::Companies,
    YU,
    month(2020, 6),
    Section::Visit,
    "参加党建参观的企业",
    "companies on party-building visits",
    "50余家企业",
);

const VISIT_EMPLOYEES: Fact = stated(
    "tally.visit.employees",
    2800.0,
    Unit::People,
    Qualifier::Exact,
    month(2020, 6),
    Section::Visit,
    "分批参观的员工",
    "employees who took part in the visits",
    "2800名员工",
);

// ---- 一次志愿服务 暖心 -------------------------------------------------------------------------

const VOLUNTEER_HOUSINGS: Fact = stated(
    "tally.volunteer.housings",
    2600.0,
    Unit::Sets,
    YU,
    month(2020, 3),
    Section::Volunteer,
    "生产的呼吸器外壳组件",
    "respirator housing sets produced",
    "2600余套呼吸器外壳组件",
);

const VOLUNTEER_STAFF: Fact = stated(
    "tally.volunteer.staff",
    5.0,
    Unit::People,
    Qualifier::Exact,
    month(2020, 3),
    Section::Volunteer,
    "当时在岗员工",
    "staff at work at the time",
    "在岗的5名员工",
);

const VOLUNTEER_PERSON_TIMES: Fact = stated(
    "tally.volunteer.person_times",
    2468.0,
    Unit::PersonTimes,
    Qualifier::Exact,
    None,
    Section::Volunteer,
    "一个村组织党员志愿者进企服务",
    "volunteer visits to firms from one village",
    "进企服务2468人次",
);

// ---- 参与一个订单 贴心 -------------------------------------------------------------------------

const ORDER_MEMBERS: Fact = stated(
    "tally.order.members",
    12.0,
    Unit::People,
    Qualifier::Exact,
    None,
    Section::Order,
    "行政审批局党支部党员",
    "party members at the approvals bureau",
    "12名党员",
);

const ORDER_ORDERS: Fact = stated(
    "tally.order.orders",
    108.0,
    Unit::Orders,
    Qualifier::Exact,
    Some(When::FirstHalf(2020)),
    Section::Order,
    "“三农窗口”跟进的订单",
    "orders followed up by the farm-services window",
    "累计跟进订单108笔",
);

// ---- 解决一个实际问题 省心 ---------------------------------------------------------------------

const PROBLEM_PERMITS: Fact = stated(
    "tally.problem.permits",
    9.0,
    Unit::Projects,
    Qualifier::Exact,
    None,
    Section::Problem,
    "协助取得施工许可证的项目",
    "projects helped to a construction permit",
    "9个项目顺利取得施工许可证",
);

const PROBLEM_ACCEPTANCE: Fact = stated(
    "tally.problem.acceptance",
    20.0,
    Unit::Projects,
    YU,
    Some(When::Year(2020)),
    Section::Problem,
    "今年将提供验收代办的项目",
    "projects to get help with acceptance this year",
    "20余个项目",
);

const PROBLEM_DAYS: Fact = stated(
    "tally.problem.days",
    20.0,
    Unit::Days,
    Qualifier::Exact,
    None,
    Section::Problem,
    "一家企业拿到竣工验收备案表用时",
    "days one firm waited for its completion record",
    "只用了20天",
);

// ---- Grid ----------------------------------------------------------------------------------

const GRID_AREA: Fact = stated(
    "grid.area",
    2300.0,
    Unit::SquareKm,
    Qualifier::About,
    None,
    Section::Grid,
    "示范区面积（两区一县）",
    "area of the demonstration zone",
    "约2300平方公里",
);

const GRID_SUBSTATIONS: Fact = stated(
    "grid.substations",
    170.0,
    Unit::Substations,
    Qualifier::Exact,
    None,
    Section::Grid,
    "示范区35千伏及以上变电站",
    "substations of 35 kV and above in the zone",
    "35千伏及以上变电站170座",
);

const GRID_SUBSTATION_KV: Fact = stated(
    "grid.substation_kv",
    35.0,
    Unit::Kv,
    Qualifier::AtLeast,
    None,
    Section::Grid,
    "计入统计的变电站电压等级",
    "voltage class of the substations counted",
    "35千伏及以上",
);

const GRID_LINE_KV: Fact = stated(
    "grid.line_kv",
    500.0,
    Unit::Kv,
    Qualifier::AtLeast,
    None,
    Section::Grid,
    "区域间互联输电线路电压等级",
    "voltage class of the lines between the areas",
    "500千伏及以上输电线路",
);

const GRID_DISTRIBUTION_KV: Fact = stated(
    "grid.distribution_kv",
    10.0,
    Unit::Kv,
    Qualifier::Exact,
    None,
    Section::Grid,
    "跨省互联的配电网电压等级",
    "voltage of the distribution grids now linked",
    "10千伏配电网",
);

const GRID_LOAD: Fact = stated(
    "grid.load",
    4000.0,
    Unit::Kva,
    Qualifier::About,
    Some(When::Day(Date::new(2020, 6, 30))),
    Section::Grid,
    "吴江—嘉善互联可转供负荷",
    "load the Wujiang–Jiashan link can transfer",
    "可转供负荷约4000千伏安",
);

// ---- Payments ------------------------------------------------------------------------------

const PAY_TRANSACTIONS: Fact = stated(
    "payments.transactions",
    500_000_000.0,
    Unit::Transactions,
    Qualifier::Nearly,
    Some(When::Since(2019)),
    Section::Payments,
    "e支付收款码累计交易笔数",
    "e-payment code transactions in total",
    "累计交易近5亿笔",
);

const PAY_VALUE: Fact = stated(
    "payments.value",
    90_000_000_000.0,
    Unit::Yuan,
    Qualifier::Over,
    Some(When::Since(2019)),
    Section::Payments,
    "累计交易金额",
    "value of those transactions",
    "超900亿元",
);

const PAY_MERCHANTS: Fact = stated(
    "payments.merchants",
    2_000_000.0,
    Unit::Merchants,
    Qualifier::Exact,
    Some(When::Since(2019)),
    Section::Payments,
    "使用收款码的小微商户",
    "small merchants using the code",
    "200万小微商户",
);

const PAY_FEES: Fact = stated(
    "payments.fees",
    300_000_000.0,
    Unit::Yuan,
    Qualifier::Nearly,
    Some(When::Since(2019)),
    Section::Payments,
    "为商户节省的费用",
    "fees saved by merchants",
    "节省费用近3亿元",
);

const PAY_SETUP: Fact = stated(
    "payments.setup",
    2.0,
    Unit::Weeks,
    Qualifier::Exact,
    None,
    Section::Payments,
    "锦溪示范点落地用时",
    "time to set up the Jinxi pilot street",
    "短短两周时间",
);

const PAY_VALUE_PER_TRANSACTION: Fact = Fact {
    id: "payments.value_per_transaction",
    value: PAY_VALUE.value / PAY_TRANSACTIONS.value,
    unit: Unit::Yuan,
    qualifier: Qualifier::derived(&[PAY_VALUE.qualifier, PAY_TRANSACTIONS.qualifier]),
    date: PAY_VALUE.date,
    section: Section::Payments,
    label_zh: "平均每笔交易金额",
    label_en: "average value per transaction",
    source_zh: "",
    derived: Some(Derivation {
        formula_zh: "累计交易金额 ÷ 累计交易笔数",
        formula_en: "total value ÷ number of transactions",
        inputs: &[PAY_VALUE.id, PAY_TRANSACTIONS.id],
    }),
};

const PAY_FEES_PER_MERCHANT: Fact = Fact {
    id: "payments.fees_per_merchant",
    value: PAY_FEES.value / PAY_MERCHANTS.value,
    unit: Unit::Yuan,
    qualifier: Qualifier::derived(&[PAY_FEES.qualifier, PAY_MERCHANTS.qualifier]),
    date: PAY_FEES.date,
    section: Section::Payments,
    label_zh: "平均每户节省费用",
    label_en: "fees saved per merchant",
    source_zh: "",
    derived: Some(Derivation {
        formula_zh: "节省费用 ÷ 商户数",
        formula_en: "fees saved ÷ number of merchants",
        inputs: &[PAY_FEES.id, PAY_MERCHANTS.id],
    }),
};

pub(super) static FACTS: [Fact; 32] = [
    INSTRUCTORS,
    POLICY_ITEMS,
    POLICY_POLICIES,
    POLICY_COMPANIES,
    POLICY_VISITED,
    POLICY_COPIES,
    TRAINING_ATTENDEES,
    TRAINING_ONLINE,
    TRAINING_POOL,
    VISIT_COMPANIES,
    VISIT_EMPLOYEES,
    VOLUNTEER_HOUSINGS,
    VOLUNTEER_STAFF,
    VOLUNTEER_PERSON_TIMES,
    ORDER_MEMBERS,
    ORDER_ORDERS,
    PROBLEM_PERMITS,
    PROBLEM_ACCEPTANCE,
    PROBLEM_DAYS,
    GRID_AREA,
    GRID_SUBSTATIONS,
    GRID_SUBSTATION_KV,
    GRID_LINE_KV,
    GRID_DISTRIBUTION_KV,
    GRID_LOAD,
    PAY_TRANSACTIONS,
    PAY_VALUE,
    PAY_MERCHANTS,
    PAY_FEES,
    PAY_SETUP,
    PAY_VALUE_PER_TRANSACTION,
    PAY_FEES_PER_MERCHANT,
];

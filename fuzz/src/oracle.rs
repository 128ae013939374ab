//! The reference: serde_json reading into a tree that keeps members in order and, like our
//! reader, refuses duplicate keys (serde_json's own `Value` keeps the last one).

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::collections::HashSet;
use std::fmt;
use story::config::json::{Json, MAX_DEPTH, MAX_KEYS, MAX_LEN, MAX_STRING, MAX_VALUES};

/// What serde_json read.
#[derive(Debug, Clone, PartialEq)]
pub enum Mirror {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Mirror>),
    Obj(Vec<(String, Mirror)>),
}

/// Reads `text` with serde_json, refusing duplicate keys.
pub fn read(text: &str) -> Result<Mirror, serde_json::Error> {
    serde_json::from_str(text)
}

impl<'de> Deserialize<'de> for Mirror {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Mirror, D::Error> {
        d.deserialize_any(MirrorVisitor)
    }
}

struct MirrorVisitor;

impl<'de> Visitor<'de> for MirrorVisitor {
    type Value = Mirror;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<Mirror, E> {
        Ok(Mirror::Null)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Mirror, E> {
        Ok(Mirror::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Mirror, E> {
        Ok(Mirror::Num(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Mirror, E> {
        Ok(Mirror::Num(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Mirror, E> {
        Ok(Mirror::Num(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Mirror, E> {
        Ok(Mirror::Str(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Mirror, E> {
        Ok(Mirror::Str(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Mirror, A::Error> {
        let mut items = Vec::new();
        while let Some(v) = seq.next_element()? {
            items.push(v);
        }
        Ok(Mirror::Arr(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Mirror, A::Error> {
        let mut members = Vec::new();
        let mut seen = HashSet::new();
        while let Some((k, v)) = map.next_entry::<String, Mirror>()? {
            if !seen.insert(k.clone()) {
                return Err(de::Error::custom(format!("duplicate key {k:?}")));
            }
            members.push((k, v));
        }
        Ok(Mirror::Obj(members))
    }
}

/// How much of each limited thing a document holds.
#[derive(Debug, Default, Clone, Copy)]
pub struct Extent {
    pub depth: usize,
    pub keys: usize,
    pub string: usize,
    pub values: usize,
}

impl Mirror {
    pub fn extent(&self) -> Extent {
        let mut e = Extent::default();
        self.measure(1, &mut e);
        e
    }

    fn measure(&self, level: usize, e: &mut Extent) {
        e.values += 1;
        match self {
            Mirror::Str(s) => e.string = e.string.max(s.len()),
            Mirror::Arr(items) => {
                e.depth = e.depth.max(level);
                for v in items {
                    v.measure(level + 1, e);
                }
            }
            Mirror::Obj(members) => {
                e.depth = e.depth.max(level);
                e.keys = e.keys.max(members.len());
                for (k, v) in members {
                    e.string = e.string.max(k.len());
                    v.measure(level + 1, e);
                }
            }
            _ => {}
        }
    }

    /// Whether `text`, read as this tree, is within every limit of our reader.
    pub fn within_limits(&self, text: &str) -> bool {
        let e = self.extent();
        text.len() <= MAX_LEN
            && e.depth <= MAX_DEPTH
            && e.keys <= MAX_KEYS
            && e.string <= MAX_STRING
            && e.values <= MAX_VALUES
    }
}

/// Whether ours and serde_json's read the same: same shape and order, same text, numbers
/// within a few ulps (ours is exact for the decimals editors type; see story's `json.rs`).
pub fn same(ours: &Json, theirs: &Mirror) -> bool {
    match (ours, theirs) {
        (Json::Null, Mirror::Null) => true,
        (Json::Bool(a), Mirror::Bool(b)) => a == b,
        (Json::Num(a), Mirror::Num(b)) => close(*a, *b),
        (Json::Str(a), Mirror::Str(b)) => a == b,
        (Json::Arr(a), Mirror::Arr(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same(a, b))
        }
        (Json::Obj(a), Mirror::Obj(b)) => {
            a.len() == b.len()
                && a.iter()
                    .zip(b)
                    .all(|((ka, va), (kb, vb))| ka == kb && same(va, vb))
        }
        _ => false,
    }
}

fn close(a: f64, b: f64) -> bool {
    // Subnormals keep fewer bits, so the last step there is absolute.
    a == b || (a - b).abs() <= b.abs() * 1e-13 || (a - b).abs() < 1e-300
}

/// Whether ours holds a number at the edge of f64's range: infinite (read from beyond it),
/// or within a few ulps of the largest f64. serde_json refuses both as "out of range" (its
/// default number reading is not correctly rounded at that edge: `1.7976931348623157157e308`
/// is the largest f64, as core's parser says, not beyond it).
pub fn has_huge(v: &Json) -> bool {
    match v {
        Json::Num(n) => n.abs() >= f64::MAX * (1.0 - 1e-13),
        Json::Arr(items) => items.iter().any(has_huge),
        Json::Obj(members) => members.iter().any(|(_, v)| has_huge(v)),
        _ => false,
    }
}

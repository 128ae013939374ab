//! A small JSON reader for editors' config blocks and series files.
//!
//! Hand-written instead of `serde_json::Value` to keep the WASM small and to report where the
//! text broke (line and column) in words an editor understands. Input comes from outside the
//! binary, so nothing here may panic: nesting depth and length are bounded.

/// A parsed JSON value; object members keep their order.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

/// The JSON type of a value, for "wrong type" messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonType {
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}

impl Json {
    pub fn kind(&self) -> JsonType {
        match self {
            Json::Null => JsonType::Null,
            Json::Bool(_) => JsonType::Bool,
            Json::Num(_) => JsonType::Number,
            Json::Str(_) => JsonType::String,
            Json::Arr(_) => JsonType::Array,
            Json::Obj(_) => JsonType::Object,
        }
    }

    /// Short JSON-like rendering for messages (strings quoted, containers summarised).
    pub fn brief(&self) -> String {
        match self {
            Json::Null => "null".into(),
            Json::Bool(b) => if *b { "true" } else { "false" }.into(),
            Json::Num(n) => brief_number(*n),
            Json::Str(s) => quote(s),
            Json::Arr(a) => {
                if a.is_empty() {
                    "[]".into()
                } else {
                    "[…]".into()
                }
            }
            Json::Obj(_) => "{…}".into(),
        }
    }
}

/// A number for messages without float `Display` (kept out of the WASM): up to six decimals.
pub fn brief_number(n: f64) -> String {
    if !n.is_finite() || n.abs() >= 1e15 {
        return if n < 0.0 {
            "−1e15 or less"
        } else {
            "1e15 or more"
        }
        .into();
    }
    let mut out = String::new();
    let _ = crate::format::digits::push_decimal(&mut out, n, 6);
    out
}

/// `s` in double quotes, cut to 40 characters, for messages.
pub fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for (i, c) in s.chars().enumerate() {
        if i == 40 {
            out.push('…');
            break;
        }
        match c {
            '"' => out.push_str("\\\""),
            c if c.is_control() => out.push('�'),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// What went wrong while reading JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonErrorKind {
    UnexpectedEnd,
    Unexpected(char),
    BadEscape,
    BadNumber,
    ControlInString,
    TrailingText,
    DuplicateKey(String),
    TooDeep,
    TooLong,
}

/// Where and why JSON text could not be read; line and column count from 1, in characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    pub line: usize,
    pub column: usize,
    pub kind: JsonErrorKind,
}

/// Deepest nesting accepted.
pub const MAX_DEPTH: usize = 32;
/// Longest text accepted (bytes).
pub const MAX_LEN: usize = 2 * 1024 * 1024;

/// Reads one JSON value (surrounded by optional whitespace).
pub fn parse(text: &str) -> Result<Json, JsonError> {
    let mut p = Parser { text, pos: 0 };
    if text.len() > MAX_LEN {
        return Err(p.fail(JsonErrorKind::TooLong));
    }
    let v = p.value(0)?;
    p.ws();
    if p.pos < text.len() {
        return Err(p.fail(JsonErrorKind::TrailingText));
    }
    Ok(v)
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn fail(&self, kind: JsonErrorKind) -> JsonError {
        let before = self.text.get(..self.pos).unwrap_or(self.text);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        JsonError { line, column, kind }
    }

    fn unexpected(&self) -> JsonError {
        match self.text.get(self.pos..).and_then(|s| s.chars().next()) {
            Some(c) => self.fail(JsonErrorKind::Unexpected(c)),
            None => self.fail(JsonErrorKind::UnexpectedEnd),
        }
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, b: u8) -> Result<(), JsonError> {
        self.ws();
        if self.peek() == Some(b) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.unexpected())
        }
    }

    fn literal(&mut self, word: &str, v: Json) -> Result<Json, JsonError> {
        if self
            .text
            .get(self.pos..)
            .is_some_and(|s| s.starts_with(word))
        {
            self.pos += word.len();
            Ok(v)
        } else {
            Err(self.unexpected())
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.fail(JsonErrorKind::TooDeep));
        }
        self.ws();
        match self.peek() {
            None => Err(self.fail(JsonErrorKind::UnexpectedEnd)),
            Some(b'n') => self.literal("null", Json::Null),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'"') => self.string().map(Json::Str),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'[') => {
                self.pos += 1;
                let mut items = Vec::new();
                self.ws();
                if self.peek() == Some(b']') {
                    self.pos += 1;
                    return Ok(Json::Arr(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.ws();
                    match self.peek() {
                        Some(b',') => self.pos += 1,
                        Some(b']') => {
                            self.pos += 1;
                            return Ok(Json::Arr(items));
                        }
                        _ => return Err(self.unexpected()),
                    }
                }
            }
            Some(b'{') => {
                self.pos += 1;
                let mut members: Vec<(String, Json)> = Vec::new();
                self.ws();
                if self.peek() == Some(b'}') {
                    self.pos += 1;
                    return Ok(Json::Obj(members));
                }
                loop {
                    self.ws();
                    let key_at = self.pos;
                    if self.peek() != Some(b'"') {
                        return Err(self.unexpected());
                    }
                    let key = self.string()?;
                    if members.iter().any(|(k, _)| *k == key) {
                        self.pos = key_at;
                        return Err(self.fail(JsonErrorKind::DuplicateKey(key)));
                    }
                    self.eat(b':')?;
                    let v = self.value(depth + 1)?;
                    members.push((key, v));
                    self.ws();
                    match self.peek() {
                        Some(b',') => self.pos += 1,
                        Some(b'}') => {
                            self.pos += 1;
                            return Ok(Json::Obj(members));
                        }
                        _ => return Err(self.unexpected()),
                    }
                }
            }
            Some(_) => Err(self.unexpected()),
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let int_at = self.pos;
        let n = self.digits();
        let leading_zero = n > 1 && self.text.as_bytes().get(int_at) == Some(&b'0');
        if n == 0 || leading_zero {
            self.pos = start;
            return Err(self.fail(JsonErrorKind::BadNumber));
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(self.fail(JsonErrorKind::BadNumber));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.fail(JsonErrorKind::BadNumber));
            }
        }
        match self.text.get(start..self.pos).and_then(decimal_to_f64) {
            Some(v) => Ok(Json::Num(v)),
            None => {
                self.pos = start;
                Err(self.fail(JsonErrorKind::BadNumber))
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let s = self.text.get(self.pos..self.pos + 4);
        match s.filter(|s| s.bytes().all(|b| b.is_ascii_hexdigit())) {
            Some(s) => {
                self.pos += 4;
                u32::from_str_radix(s, 16).map_err(|_| self.fail(JsonErrorKind::BadEscape))
            }
            None => Err(self.fail(JsonErrorKind::BadEscape)),
        }
    }

    /// Reads a string starting at its opening quote.
    fn string(&mut self) -> Result<String, JsonError> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            let run = self.pos;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.pos += 1;
            }
            // Stops only at ASCII bytes, so both ends are char boundaries.
            out.push_str(self.text.get(run..self.pos).unwrap_or(""));
            match self.peek() {
                None => return Err(self.fail(JsonErrorKind::UnexpectedEnd)),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.pos += 1;
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                if self.text.get(self.pos..self.pos + 2) != Some("\\u") {
                                    return Err(self.fail(JsonErrorKind::BadEscape));
                                }
                                self.pos += 2;
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(self.fail(JsonErrorKind::BadEscape));
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else {
                                hi
                            };
                            out.push(
                                char::from_u32(code)
                                    .ok_or_else(|| self.fail(JsonErrorKind::BadEscape))?,
                            );
                            continue;
                        }
                        _ => return Err(self.fail(JsonErrorKind::BadEscape)),
                    };
                    self.pos += 1;
                    out.push(c);
                }
                Some(_) => return Err(self.fail(JsonErrorKind::ControlInString)),
            }
        }
    }
}

/// Powers of ten that f64 holds exactly.
const EXACT_POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Converts JSON number text (already checked by [`Parser::number`]) to f64.
///
/// Not `str::parse::<f64>`: core's correctly rounded parser brings about 15 KB of code and
/// tables into the WASM. This one is exact whenever the significant digits fit in 2^53 and the
/// decimal exponent is within ±22, which covers every value an editor types into a chart
/// series; beyond that it is within a few ulps, far below anything a chart can show.
fn decimal_to_f64(text: &str) -> Option<f64> {
    let (negative, rest) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exponent) = match rest.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e)),
        None => (rest, None),
    };
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut digits: u64 = 0;
    let mut exp10: i64 = 0;
    for b in int_part.bytes() {
        let d = u64::from(b.checked_sub(b'0').filter(|d| *d <= 9)?);
        if digits < 100_000_000_000_000_000 {
            digits = digits * 10 + d;
        } else {
            exp10 += 1;
        }
    }
    for b in frac_part.bytes() {
        let d = u64::from(b.checked_sub(b'0').filter(|d| *d <= 9)?);
        if digits < 100_000_000_000_000_000 {
            digits = digits * 10 + d;
            exp10 -= 1;
        }
    }
    if let Some(e) = exponent {
        let (sign, e) = match e.as_bytes().first() {
            Some(b'-') => (-1, e.get(1..)?),
            Some(b'+') => (1, e.get(1..)?),
            _ => (1, e),
        };
        let mut n: i64 = 0;
        for b in e.bytes() {
            let d = i64::from(b.checked_sub(b'0').filter(|d| *d <= 9)?);
            n = (n * 10 + d).min(100_000);
        }
        exp10 += sign * n;
    }
    let mut value = digits as f64;
    if digits != 0 {
        // Whole steps of 10^22 first, so intermediate values neither overflow nor underflow
        // early; each step rounds once, which keeps the error to a few ulps.
        let mut e = exp10.clamp(-800, 800);
        while e > 22 {
            value *= 1e22;
            e -= 22;
        }
        while e < -22 {
            value /= 1e22;
            e += 22;
        }
        let power = usize::try_from(e.unsigned_abs())
            .ok()
            .and_then(|i| EXACT_POWERS_OF_TEN.get(i))
            .copied()
            .unwrap_or(1.0);
        value = if e >= 0 { value * power } else { value / power };
    }
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    #[test]
    fn decimal_to_f64_is_exact_for_values_editors_type() {
        for text in [
            "0",
            "-0",
            "1",
            "180",
            "4000",
            "90000000000",
            "0.5",
            "1.25",
            "3.14159",
            "-2.5e3",
            "5E8",
            "2.3e-4",
            "123456789012345678",
        ] {
            assert_eq!(decimal_to_f64(text), text.parse::<f64>().ok(), "{text}");
        }
    }

    #[test]
    fn decimal_to_f64_is_within_a_few_ulps_for_extreme_exponents() {
        for text in [
            "1.7976931348623157e308",
            "4.9e-320",
            "1e-300",
            "123456789e250",
            "0.000000000000000000000000001",
        ] {
            let ours = decimal_to_f64(text).unwrap();
            let core = text.parse::<f64>().unwrap();
            assert!(
                (ours - core).abs() <= core.abs() * 1e-13,
                "{text}: {ours} vs {core}"
            );
        }
    }

    #[test]
    fn decimal_to_f64_overflows_to_infinity_and_underflows_to_zero() {
        assert_eq!(decimal_to_f64("1e400"), Some(f64::INFINITY));
        assert_eq!(decimal_to_f64("1e-400"), Some(0.0));
        assert_eq!(decimal_to_f64("1e99999999999"), Some(f64::INFINITY));
    }

    use super::*;
    use proptest::prelude::*;

    fn err(text: &str) -> JsonError {
        parse(text).unwrap_err()
    }

    #[test]
    fn reads_an_object_with_every_kind_of_value_in_order() {
        let v = parse(r#" {"b": [1, -2.5e1, true, false, null], "a": "x\u00e9\"\n"} "#).unwrap();
        assert_eq!(
            v,
            Json::Obj(vec![
                (
                    "b".into(),
                    Json::Arr(vec![
                        Json::Num(1.0),
                        Json::Num(-25.0),
                        Json::Bool(true),
                        Json::Bool(false),
                        Json::Null
                    ])
                ),
                ("a".into(), Json::Str("xé\"\n".into())),
            ])
        );
    }

    #[test]
    fn keeps_non_ascii_text_and_surrogate_pairs() {
        assert_eq!(
            parse(r#""望亭 \ud83d\ude00""#).unwrap(),
            Json::Str("望亭 😀".into())
        );
    }

    #[test]
    fn reports_line_and_column_of_an_unexpected_character() {
        let e = err("{\n  \"lang\": \"en\"\n  \"theme\": 1}");
        assert_eq!(e.line, 3);
        assert_eq!(e.column, 3);
        assert_eq!(e.kind, JsonErrorKind::Unexpected('"'));
    }

    #[test]
    fn empty_text_is_an_unexpected_end() {
        assert_eq!(err("").kind, JsonErrorKind::UnexpectedEnd);
        assert_eq!(err("  {\"a\": ").kind, JsonErrorKind::UnexpectedEnd);
        assert_eq!(err("\"open").kind, JsonErrorKind::UnexpectedEnd);
    }

    #[test]
    fn trailing_commas_and_single_quotes_are_refused() {
        assert_eq!(err("[1,]").kind, JsonErrorKind::Unexpected(']'));
        assert_eq!(err("{'a': 1}").kind, JsonErrorKind::Unexpected('\''));
    }

    #[test]
    fn text_after_the_value_is_refused() {
        assert_eq!(err("{} {}").kind, JsonErrorKind::TrailingText);
    }

    #[test]
    fn duplicate_keys_are_refused_and_named() {
        let e = err(r#"{"lang": "zh", "lang": "en"}"#);
        assert_eq!(e.kind, JsonErrorKind::DuplicateKey("lang".into()));
        assert_eq!(e.column, 16);
    }

    #[test]
    fn malformed_numbers_are_refused() {
        for t in ["01", "1.", "-", "1e", ".5", "+1", "NaN", "Infinity"] {
            assert!(parse(t).is_err(), "{t}");
        }
        assert_eq!(err("01").kind, JsonErrorKind::BadNumber);
    }

    #[test]
    fn huge_exponents_read_as_infinity_for_the_validator_to_refuse() {
        assert_eq!(parse("1e999").unwrap(), Json::Num(f64::INFINITY));
    }

    #[test]
    fn bad_escapes_and_raw_control_characters_are_refused() {
        assert_eq!(err(r#""\x""#).kind, JsonErrorKind::BadEscape);
        assert_eq!(err(r#""\ud800""#).kind, JsonErrorKind::BadEscape);
        assert_eq!(err(r#""\u12""#).kind, JsonErrorKind::BadEscape);
        assert_eq!(err("\"a\tb\"").kind, JsonErrorKind::ControlInString);
    }

    #[test]
    fn deep_nesting_is_refused_instead_of_overflowing_the_stack() {
        let deep = "[".repeat(10_000);
        assert_eq!(err(&deep).kind, JsonErrorKind::TooDeep);
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn brief_numbers_avoid_float_display() {
        assert_eq!(brief_number(-5.0), "-5");
        assert_eq!(brief_number(2.5), "2.5");
        assert_eq!(brief_number(0.000001), "0.000001");
        assert_eq!(brief_number(1e20), "1e15 or more");
        assert_eq!(brief_number(f64::NEG_INFINITY), "−1e15 or less");
    }

    #[test]
    fn quote_cuts_long_text_and_escapes_quotes() {
        assert_eq!(quote("a\"b"), "\"a\\\"b\"");
        assert_eq!(quote(&"x".repeat(50)).chars().count(), 43);
    }

    proptest! {
        #[test]
        fn arbitrary_text_gives_a_value_or_a_located_error(s in "\\PC{0,64}") {
            match parse(&s) {
                Ok(_) => prop_assert!(serde_json::from_str::<serde_json::Value>(&s).is_ok()),
                Err(e) => prop_assert!(e.line >= 1 && e.column >= 1),
            }
        }

        #[test]
        fn agrees_with_serde_json_on_numbers_to_a_few_ulps(v in -1e300..1e300f64) {
            let text = serde_json::to_string(&v).unwrap();
            let Json::Num(ours) = parse(&text).unwrap() else {
                panic!("{text} did not parse as a number");
            };
            prop_assert!((ours - v).abs() <= v.abs() * 1e-14, "{} vs {}", ours, v);
        }

        #[test]
        fn agrees_with_serde_json_exactly_on_typical_chart_values(v in 0u64..10_000_000_000_000, scale in 0u32..6) {
            let v = v as f64 / 10f64.powi(scale as i32);
            let text = serde_json::to_string(&v).unwrap();
            prop_assert_eq!(parse(&text).unwrap(), Json::Num(text.parse::<f64>().unwrap()));
        }

        #[test]
        fn round_trips_strings_through_serde_json(s in "\\PC{0,32}") {
            let text = serde_json::to_string(&s).unwrap();
            prop_assert_eq!(parse(&text).unwrap(), Json::Str(s));
        }
    }
}

//! A small JSON reader for editors' config blocks and series files.
//!
//! Hand-written instead of `serde_json::Value` to keep the WASM small and to report where the
//! text broke (line, column and the path to the value) in words an editor understands. Input
//! comes from outside the binary, so nothing here may panic, and time and memory are bounded:
//! reading is linear in the text, within the limits below (`MAX_*`), each with its own error.
//! Fuzzed against serde_json by `cargo xtask fuzz` (`fuzz/`).

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

    /// How many values this one is, itself and every value inside it.
    pub fn size(&self) -> usize {
        1 + match self {
            Json::Arr(items) => items.iter().map(Json::size).sum(),
            Json::Obj(members) => members.iter().map(|(_, v)| v.size()).sum(),
            _ => 0,
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
            c if is_invisible(c) => out.push('�'),
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
    /// `\ud800` without its other half (the escape's code unit).
    LoneSurrogate(u16),
    BadNumber,
    ControlInString,
    TrailingText,
    DuplicateKey(String),
    /// More than [`MAX_LEN`] bytes of text.
    TooLong,
    /// More than [`MAX_DEPTH`] arrays and objects inside one another.
    TooDeep,
    /// More than [`MAX_KEYS`] fields in one object.
    TooManyKeys,
    /// A string (key or value) longer than [`MAX_STRING`] bytes once decoded.
    StringTooLong,
    /// More than [`MAX_VALUES`] values in the document.
    TooManyValues,
}

impl JsonErrorKind {
    /// Whether the text broke one of the reader's limits rather than JSON's grammar.
    pub fn is_limit(&self) -> bool {
        matches!(
            self,
            JsonErrorKind::TooLong
                | JsonErrorKind::TooDeep
                | JsonErrorKind::TooManyKeys
                | JsonErrorKind::StringTooLong
                | JsonErrorKind::TooManyValues
        )
    }
}

/// One step from a value to a value inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Key(String),
    Index(usize),
}

impl From<&str> for Step {
    fn from(key: &str) -> Step {
        Step::Key(key.into())
    }
}

impl From<usize> for Step {
    fn from(index: usize) -> Step {
        Step::Index(index)
    }
}

/// Where and why JSON text could not be read: line and column count from 1, in characters;
/// `path` leads from the document to the innermost value that holds the problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    pub line: usize,
    pub column: usize,
    pub path: Vec<Step>,
    pub kind: JsonErrorKind,
}

impl JsonError {
    /// Adds the step from an enclosing value (errors travel outwards, so steps arrive
    /// innermost first; [`parse`] puts them in order).
    fn within(mut self, step: Step) -> JsonError {
        self.path.push(step);
        self
    }
}

/// `series[3].date`-style text for a path; empty for the document itself. Keys that are not
/// plain words are quoted (`["a b"]`) and, like every quoted text, cut to 40 characters.
pub fn path_text(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(k) if is_plain_key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Step::Key(k) => {
                out.push('[');
                out.push_str(&quote(k));
                out.push(']');
            }
            Step::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
    out
}

fn is_plain_key(k: &str) -> bool {
    !k.is_empty()
        && k.chars().count() <= 40
        && k.chars().all(|c| {
            c.is_ascii_alphanumeric() || c == '_' || c == '-' || (!c.is_ascii() && !is_invisible(c))
        })
}

/// Whether `c` would not show, or would reorder the text around it, if written into a
/// message as it is: control characters, every whitespace but the space, zero-width and
/// bidirectional formatting characters, the byte-order mark.
pub fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{A0}'
                | '\u{1680}'
                | '\u{2000}'..='\u{200F}'
                | '\u{2028}'..='\u{202F}'
                | '\u{205F}'..='\u{2069}'
                | '\u{3000}'
                | '\u{FEFF}'
        )
}

// The limits. Each bounds the reader's time or memory for text from outside; each fails with
// its own error kind. Real files sit far below them: a widget configuration has about ten
// values, the largest series allowed (5,000 points with a unit each) about 20,000 values and
// 300 KB; the demo zone's source GeoJSON 17,600 values, 9 keys per object, 8 levels.

/// Longest text accepted, in bytes (2 MiB).
pub const MAX_LEN: usize = 2 * 1024 * 1024;
/// Most arrays and objects inside one another.
pub const MAX_DEPTH: usize = 32;
/// Most fields in one object.
pub const MAX_KEYS: usize = 10_000;
/// Longest string (key or value), in bytes of UTF-8 once escapes are decoded (64 KiB).
pub const MAX_STRING: usize = 64 * 1024;
/// Most values in one document, counting every number, string, `true`, `false`, `null`, array
/// and object (keys are not values). Bounds the memory a document takes once read: about
/// 32 bytes a value, so 3.2 MB at most besides the strings' text.
pub const MAX_VALUES: usize = 100_000;

/// Reads one JSON value (surrounded by optional whitespace).
///
/// Time is linear in the text's length but for duplicate keys, found by sorting each object's
/// keys once (n log n for n keys).
pub fn parse(text: &str) -> Result<Json, JsonError> {
    read(text, None)
}

/// A value read by [`parse_located`], with where each of its values starts in the text, so a
/// later check (a story file's validator) can name the line of the field it refuses.
#[derive(Debug, Clone, PartialEq)]
pub struct Located<'a> {
    pub text: &'a str,
    pub value: Json,
    /// Byte offset of every value, in document order (a container before its contents).
    starts: Vec<usize>,
}

impl Located<'_> {
    /// The line (from 1) where the value at `path` starts; of the innermost value on the path
    /// that exists when the path leads nowhere (a missing field: the object that lacks it).
    pub fn line(&self, path: &[Step]) -> usize {
        let mut index = 0;
        let mut value = &self.value;
        for step in path {
            // Document order: a value's index is its container's, plus one, plus the sizes of
            // the values before it in that container.
            let found = match (value, step) {
                (Json::Arr(items), Step::Index(i)) => items.get(*i).map(|inner| {
                    let before: usize = items.iter().take(*i).map(Json::size).sum();
                    (before, inner)
                }),
                (Json::Obj(members), Step::Key(k)) => {
                    let i = members.iter().position(|(m, _)| m == k);
                    i.and_then(|i| members.get(i).map(|(_, inner)| (i, inner)))
                        .map(|(i, inner)| {
                            let before: usize = members.iter().take(i).map(|(_, v)| v.size()).sum();
                            (before, inner)
                        })
                }
                _ => None,
            };
            let Some((before, inner)) = found else { break };
            index += 1 + before;
            value = inner;
        }
        let at = self.starts.get(index).copied().unwrap_or(0);
        let before = self.text.get(..at).unwrap_or(self.text);
        before.matches('\n').count() + 1
    }
}

/// Reads one JSON value like [`parse`], keeping where each value starts.
pub fn parse_located(text: &str) -> Result<Located<'_>, JsonError> {
    let mut starts = Vec::new();
    let value = read(text, Some(&mut starts))?;
    Ok(Located {
        text,
        value,
        starts,
    })
}

fn read(text: &str, starts: Option<&mut Vec<usize>>) -> Result<Json, JsonError> {
    let mut p = Parser {
        text,
        pos: 0,
        values: 0,
        starts,
    };
    if text.len() > MAX_LEN {
        return Err(p.fail(JsonErrorKind::TooLong));
    }
    let v = p.value(0).map_err(|mut e| {
        e.path.reverse();
        e
    })?;
    p.ws();
    if p.pos < text.len() {
        return Err(p.fail(JsonErrorKind::TrailingText));
    }
    Ok(v)
}

/// Keys of an object's members with their index, sorted by key (then index).
pub fn sorted_keys(members: &[(String, Json)]) -> Vec<(&str, usize)> {
    let mut keys: Vec<(&str, usize)> = members
        .iter()
        .enumerate()
        .map(|(i, (k, _))| (k.as_str(), i))
        .collect();
    heap_sort(&mut keys);
    keys
}

/// Sorts in place in O(n log n) whatever the order given. Heapsort rather than core's sorts,
/// which cost a few KB of WASM each.
fn heap_sort<T: Ord>(v: &mut [T]) {
    let n = v.len();
    for root in (0..n / 2).rev() {
        sift_down(v, root, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift_down(v, 0, end);
    }
}

/// Moves `v[root]` down until it is no smaller than its children within `v[..end]`.
fn sift_down<T: Ord>(v: &mut [T], mut root: usize, end: usize) {
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && v.get(child) < v.get(child + 1) {
            child += 1;
        }
        if v.get(root) >= v.get(child) {
            return;
        }
        v.swap(root, child);
        root = child;
    }
}

/// Index of the first member, in document order, whose key an earlier member already has.
fn first_duplicate(members: &[(String, Json)]) -> Option<usize> {
    if members.len() < 2 {
        return None;
    }
    sorted_keys(members)
        .windows(2)
        .filter_map(|w| match w {
            [(a, _), (b, later)] if a == b => Some(*later),
            _ => None,
        })
        .min()
}

struct Parser<'a, 's> {
    text: &'a str,
    pos: usize,
    /// Values read so far, against [`MAX_VALUES`].
    values: usize,
    /// Where each value starts, when the caller asked ([`parse_located`]).
    starts: Option<&'s mut Vec<usize>>,
}

impl Parser<'_, '_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn fail(&self, kind: JsonErrorKind) -> JsonError {
        self.fail_at(self.pos, kind)
    }

    /// Counts lines and columns up to `at` (once, when reading has already failed).
    fn fail_at(&self, at: usize, kind: JsonErrorKind) -> JsonError {
        let before = self.text.get(..at).unwrap_or(self.text);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        JsonError {
            line,
            column,
            path: Vec::new(),
            kind,
        }
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

    /// Reads a value inside `depth` arrays and objects.
    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.ws();
        let Some(first) = self.peek() else {
            return Err(self.fail(JsonErrorKind::UnexpectedEnd));
        };
        self.values += 1;
        if self.values > MAX_VALUES {
            return Err(self.fail(JsonErrorKind::TooManyValues));
        }
        if let Some(starts) = self.starts.as_deref_mut() {
            starts.push(self.pos);
        }
        if matches!(first, b'[' | b'{') && depth >= MAX_DEPTH {
            return Err(self.fail(JsonErrorKind::TooDeep));
        }
        match first {
            b'n' => self.literal("null", Json::Null),
            b't' => self.literal("true", Json::Bool(true)),
            b'f' => self.literal("false", Json::Bool(false)),
            b'"' => self.string().map(Json::Str),
            b'-' | b'0'..=b'9' => self.number(),
            b'[' => self.array(depth + 1),
            b'{' => self.object(depth + 1),
            _ => Err(self.unexpected()),
        }
    }

    /// Reads an array from its `[`; `depth` counts it.
    fn array(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.pos += 1;
        let mut items = Vec::new();
        self.ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Json::Arr(items));
        }
        loop {
            match self.value(depth) {
                Ok(v) => items.push(v),
                Err(e) => return Err(e.within(Step::Index(items.len()))),
            }
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

    /// Reads an object from its `{`; `depth` counts it. Duplicate keys are looked for once
    /// the object is read.
    fn object(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.pos += 1;
        let mut members: Vec<(String, Json)> = Vec::new();
        let mut key_starts: Vec<usize> = Vec::new();
        self.ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Json::Obj(members));
        }
        loop {
            self.ws();
            if self.peek() != Some(b'"') {
                return Err(self.unexpected());
            }
            if members.len() == MAX_KEYS {
                return Err(self.fail(JsonErrorKind::TooManyKeys));
            }
            key_starts.push(self.pos);
            let key = self.string()?;
            self.eat(b':')?;
            match self.value(depth) {
                Ok(v) => members.push((key, v)),
                Err(e) => return Err(e.within(Step::Key(key))),
            }
            self.ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    break;
                }
                _ => return Err(self.unexpected()),
            }
        }
        if let Some(i) = first_duplicate(&members) {
            if let (Some((key, _)), Some(at)) = (members.get(i), key_starts.get(i)) {
                return Err(self.fail_at(*at, JsonErrorKind::DuplicateKey(key.clone())));
            }
        }
        Ok(Json::Obj(members))
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

    fn hex4(&mut self, escape_at: usize) -> Result<u16, JsonError> {
        let hex = self.text.get(self.pos..self.pos + 4);
        match hex.filter(|s| s.bytes().all(|b| b.is_ascii_hexdigit())) {
            Some(s) => {
                self.pos += 4;
                u16::from_str_radix(s, 16)
                    .map_err(|_| self.fail_at(escape_at, JsonErrorKind::BadEscape))
            }
            None => Err(self.fail_at(escape_at, JsonErrorKind::BadEscape)),
        }
    }

    /// Reads `\uXXXX` (one character, or a surrogate pair as two escapes) after its `\`.
    fn unicode_escape(&mut self, escape_at: usize) -> Result<char, JsonError> {
        self.pos += 1;
        let hi = self.hex4(escape_at)?;
        let lone = |p: &Self| p.fail_at(escape_at, JsonErrorKind::LoneSurrogate(hi));
        let code = match hi {
            0xD800..=0xDBFF => {
                if self.text.get(self.pos..self.pos + 2) != Some("\\u") {
                    return Err(lone(self));
                }
                let low_at = self.pos;
                self.pos += 2;
                let lo = self.hex4(low_at)?;
                if !(0xDC00..=0xDFFF).contains(&lo) {
                    return Err(lone(self));
                }
                0x10000 + ((u32::from(hi) - 0xD800) << 10) + (u32::from(lo) - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(lone(self)),
            _ => u32::from(hi),
        };
        char::from_u32(code).ok_or_else(|| lone(self))
    }

    /// Reads a string starting at its opening quote.
    fn string(&mut self) -> Result<String, JsonError> {
        let start = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            let run = self.pos;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.pos += 1;
            }
            if out.len() + (self.pos - run) > MAX_STRING {
                return Err(self.fail_at(start, JsonErrorKind::StringTooLong));
            }
            // Stops only at ASCII bytes, so both ends are char boundaries.
            out.push_str(self.text.get(run..self.pos).unwrap_or(""));
            let escape_at = self.pos;
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
                            out.push(self.unicode_escape(escape_at)?);
                            continue;
                        }
                        _ => return Err(self.fail_at(escape_at, JsonErrorKind::BadEscape)),
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

/// Converts decimal number text (JSON's grammar: `-12`, `0.5`, `1e3`, as checked by
/// [`Parser::number`]) to f64; `None` for anything else. Also the widgets' reader of numbers in
/// CSS values and SVG attributes (`1.5`, from `1.5px`).
///
/// Not `str::parse::<f64>`: core's correctly rounded parser brings about 15 KB of code and
/// tables into the WASM. This one is exact whenever the significant digits fit in 2^53 and the
/// decimal exponent is within ±22, which covers every value an editor types into a chart
/// series; beyond that it is within a few ulps, far below anything a chart can show.
pub fn decimal_to_f64(text: &str) -> Option<f64> {
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
    fn decimal_to_f64_reads_the_largest_f64_with_extra_digits_as_the_largest() {
        // Found by fuzzing: serde_json calls this out of range; core and we read f64::MAX.
        let text = "1.7976931348623157157e308";
        assert_eq!(decimal_to_f64(text), Some(f64::MAX));
        assert_eq!(text.parse::<f64>().ok(), Some(f64::MAX));
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
        assert_eq!(err(r#""\u12""#).kind, JsonErrorKind::BadEscape);
        assert_eq!(err(r#""\u+123""#).kind, JsonErrorKind::BadEscape);
        assert_eq!(err(r#""\u12""#).kind, JsonErrorKind::BadEscape);
        assert_eq!(err("\"a\tb\"").kind, JsonErrorKind::ControlInString);
    }

    #[test]
    fn lone_surrogates_are_named_at_their_escape() {
        for (text, unit, column) in [
            (r#""\ud800""#, 0xD800, 2),
            (r#""ab\udc00""#, 0xDC00, 4),
            (r#""\ud800\u0041""#, 0xD800, 2),
            (r#""\ud83d\ud83d""#, 0xD83D, 2),
            (r#""\udbff"#, 0xDBFF, 2),
        ] {
            let e = err(text);
            assert_eq!(e.kind, JsonErrorKind::LoneSurrogate(unit), "{text}");
            assert_eq!((e.line, e.column), (1, column), "{text}");
        }
    }

    #[test]
    fn deep_nesting_is_refused_at_the_first_bracket_too_many() {
        let deep = "[".repeat(10_000);
        let e = err(&deep);
        assert_eq!(e.kind, JsonErrorKind::TooDeep);
        assert_eq!((e.line, e.column), (1, MAX_DEPTH + 1));
        assert_eq!(e.path.len(), MAX_DEPTH);
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
        let over = format!(
            "{}{}",
            "{\"a\":".repeat(MAX_DEPTH + 1),
            "}".repeat(MAX_DEPTH + 1)
        );
        assert_eq!(err(&over).kind, JsonErrorKind::TooDeep);
    }

    fn object_with_keys(n: usize) -> String {
        let members: Vec<String> = (0..n).map(|i| format!("\"k{i}\":{i}")).collect();
        format!("{{{}}}", members.join(","))
    }

    #[test]
    fn objects_may_have_max_keys_fields_and_no_more() {
        let Json::Obj(members) = parse(&object_with_keys(MAX_KEYS)).unwrap() else {
            panic!("not an object");
        };
        assert_eq!(members.len(), MAX_KEYS);
        let e = err(&object_with_keys(40_000));
        assert_eq!(e.kind, JsonErrorKind::TooManyKeys);
        // At the first key too many: `{` plus 10,000 members of 4 to 12 characters.
        assert_eq!(e.line, 1);
        assert!(e.column > MAX_KEYS * 4, "{}", e.column);
    }

    #[test]
    fn a_duplicate_among_many_keys_is_found_and_the_first_one_named() {
        let mut text = object_with_keys(MAX_KEYS - 2);
        text.pop();
        text.push_str(",\"k5\":0,\"k3\":0}");
        let e = err(&text);
        assert_eq!(e.kind, JsonErrorKind::DuplicateKey("k5".into()));
        assert_eq!(e.column, text.len() - 13);
    }

    #[test]
    fn strings_may_be_max_string_bytes_long_after_decoding() {
        let at_limit = format!("\"{}\"", "é".repeat(MAX_STRING / 2));
        assert!(parse(&at_limit).is_ok());
        let e = err(&format!("[1, \"{}\"]", "x".repeat(MAX_STRING + 1)));
        assert_eq!(e.kind, JsonErrorKind::StringTooLong);
        assert_eq!((e.column, e.path.clone()), (5, vec![Step::Index(1)]));
        // Escapes count as what they decode to.
        let escaped = format!("\"{}\"", "\\u0041".repeat(MAX_STRING + 1));
        assert_eq!(err(&escaped).kind, JsonErrorKind::StringTooLong);
        let key = format!("{{\"{}\": 1}}", "k".repeat(MAX_STRING + 1));
        assert_eq!(err(&key).kind, JsonErrorKind::StringTooLong);
    }

    #[test]
    fn documents_may_hold_max_values_values_and_no_more() {
        let zeros = |n: usize| format!("[{}]", vec!["0"; n].join(","));
        // The array itself is a value too.
        assert!(parse(&zeros(MAX_VALUES - 1)).is_ok());
        let e = err(&zeros(MAX_VALUES));
        assert_eq!(e.kind, JsonErrorKind::TooManyValues);
        assert_eq!(e.path, vec![Step::Index(MAX_VALUES - 1)]);
    }

    #[test]
    fn text_over_max_len_is_refused_before_reading() {
        let long = format!("[{}0]", " ".repeat(MAX_LEN));
        let e = err(&long);
        assert_eq!((e.kind, e.line, e.column), (JsonErrorKind::TooLong, 1, 1));
    }

    #[test]
    fn errors_carry_the_path_to_the_value_that_broke() {
        let e = err(r#"{"series": [{"date": "2020-01", "value": 1}, {"date": "\x"}]}"#);
        assert_eq!(e.kind, JsonErrorKind::BadEscape);
        assert_eq!(path_text(&e.path), "series[1].date");
        let e = err(r#"{"a b": {"c": [tru]}}"#);
        assert_eq!(path_text(&e.path), r#"["a b"].c[0]"#);
        assert!(err("[1 2]").path.is_empty());
    }

    #[test]
    fn invisible_characters_are_the_ones_that_would_hide_or_reorder_text() {
        for c in [
            '\u{0}', '\t', '\u{85}', '\u{A0}', '\u{200B}', '\u{202E}', '\u{2066}', '\u{FEFF}',
        ] {
            assert!(is_invisible(c), "{c:?}");
        }
        for c in [' ', 'a', '望', '😀', '…'] {
            assert!(!is_invisible(c), "{c:?}");
        }
        assert_eq!(quote("a\u{202E}b"), "\"a�b\"");
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

    /// serde_json's value for ours, to compare with what serde_json read.
    fn to_serde(v: &Json) -> serde_json::Value {
        match v {
            Json::Null => serde_json::Value::Null,
            Json::Bool(b) => (*b).into(),
            Json::Num(n) => {
                serde_json::Number::from_f64(*n).map_or(serde_json::Value::Null, Into::into)
            }
            Json::Str(s) => s.as_str().into(),
            Json::Arr(a) => a.iter().map(to_serde).collect(),
            Json::Obj(m) => m.iter().map(|(k, v)| (k.clone(), to_serde(v))).collect(),
        }
    }

    /// Equal, with numbers within a few ulps (ours is exact only for what editors type).
    fn same(ours: &serde_json::Value, theirs: &serde_json::Value) -> bool {
        use serde_json::Value as V;
        match (ours, theirs) {
            (V::Number(a), V::Number(b)) => match (a.as_f64(), b.as_f64()) {
                (Some(a), Some(b)) => a == b || (a - b).abs() <= b.abs() * 1e-13,
                _ => false,
            },
            (V::Array(a), V::Array(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same(a, b))
            }
            (V::Object(a), V::Object(b)) => {
                a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| same(v, w)))
            }
            (a, b) => a == b,
        }
    }

    /// Valid JSON documents: every kind of value, nested, keys unique (serde_json's `Value`
    /// keeps one of each), strings with any character.
    fn document() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(Into::into),
            any::<i64>().prop_map(Into::into),
            (-1e300..1e300f64).prop_map(Into::into),
            (0u64..100_000_000, 0u32..8)
                .prop_map(|(v, s)| (v as f64 / 10f64.powi(s as i32)).into()),
            "\\PC{0,12}".prop_map(Into::into),
            ".{0,4}".prop_map(Into::into),
        ];
        leaf.prop_recursive(6, 64, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Into::into),
                prop::collection::btree_map("\\PC{0,6}", inner, 0..6)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }

    /// The text of a document, compact or pretty, with every non-ASCII character written as
    /// `\u` escapes (surrogate pairs beyond the first plane) or not.
    fn document_text() -> impl Strategy<Value = String> {
        (document(), any::<bool>(), any::<bool>()).prop_map(|(v, pretty, ascii)| {
            let text = if pretty {
                serde_json::to_string_pretty(&v).unwrap()
            } else {
                serde_json::to_string(&v).unwrap()
            };
            if !ascii {
                return text;
            }
            let mut out = String::new();
            for c in text.chars() {
                if c.is_ascii() {
                    out.push(c);
                } else {
                    let mut units = [0u16; 2];
                    for u in c.encode_utf16(&mut units) {
                        out.push_str(&format!("\\u{u:04x}"));
                    }
                }
            }
            out
        })
    }

    /// One edit of the kind that breaks JSON: a character removed, doubled or replaced by one
    /// that matters to the grammar.
    fn edited(text: &str, at: usize, edit: u8, with: char) -> String {
        let chars: Vec<char> = text.chars().collect();
        let at = at % (chars.len() + 1);
        let mut out: Vec<char> = chars.clone();
        match edit % 3 {
            0 if at < chars.len() => {
                out.remove(at);
            }
            1 if at < chars.len() => out.insert(at, chars[at]),
            _ => out.insert(at, with),
        }
        out.into_iter().collect()
    }

    proptest! {
        #[test]
        fn reads_every_valid_document_as_serde_json_does(text in document_text()) {
            let theirs: serde_json::Value = serde_json::from_str(&text).unwrap();
            let ours = parse(&text);
            prop_assert!(ours.is_ok(), "{:?} refused: {:?}", text, ours);
            let ours = to_serde(&ours.unwrap());
            prop_assert!(same(&ours, &theirs), "{} read as {} ", text, ours);
        }

        #[test]
        fn accepts_an_edited_document_exactly_when_serde_json_does(
            text in document_text(),
            at in any::<usize>(),
            edit in any::<u8>(),
            with in prop::sample::select(vec!['{', '}', '[', ']', '"', ',', ':', '\\', '0', '-', '.', 'e', ' ', 'u', 'n', '\u{1}']),
        ) {
            let text = edited(&text, at, edit, with);
            let theirs = serde_json::from_str::<serde_json::Value>(&text);
            match (parse(&text), theirs) {
                (Ok(ours), Ok(theirs)) => {
                    let ours = to_serde(&ours);
                    prop_assert!(same(&ours, &theirs), "{:?} read as {}", text, ours);
                }
                // serde_json keeps the last of two equal keys; we refuse them.
                (Err(JsonError { kind: JsonErrorKind::DuplicateKey(_), .. }), Ok(_)) => {}
                // serde_json refuses numbers beyond f64; ours reads them as infinite for the
                // validators to refuse with the option's name.
                (Ok(ours), Err(e)) if e.to_string().starts_with("number out of range") => {
                    prop_assert!(to_serde(&ours).to_string().contains("null"), "{:?}", text);
                }
                (Ok(_), Err(e)) => prop_assert!(false, "{:?} accepted, serde_json: {}", text, e),
                (Err(e), Ok(_)) => prop_assert!(false, "{:?} refused: {:?}", text, e),
                (Err(e), Err(_)) => {
                    prop_assert!(e.line >= 1 && e.column >= 1);
                    prop_assert!(!e.kind.is_limit(), "{:?}", e);
                }
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
    }
}

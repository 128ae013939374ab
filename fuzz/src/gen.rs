//! Builds valid JSON text with every feature of the grammar, and breaks it on purpose.
//!
//! Valid documents come from [`JsonWriter`]; targets that need a shape (a series, a widget
//! configuration) write it with the same writer, so every target sees varied whitespace,
//! escapes and number forms. [`mutate`] then edits the text the way a typo, a truncated
//! download or a hostile page would.

use crate::rng::Rng;

/// Writes JSON tokens with random (valid) formatting.
pub struct JsonWriter<'r> {
    pub rng: &'r mut Rng,
    pub out: String,
}

impl<'r> JsonWriter<'r> {
    pub fn new(rng: &'r mut Rng) -> JsonWriter<'r> {
        JsonWriter {
            rng,
            out: String::new(),
        }
    }

    /// Whitespace between tokens: usually none or a space, sometimes a mix.
    pub fn ws(&mut self) {
        match self.rng.below(8) {
            0..=3 => {}
            4 | 5 => self.out.push(' '),
            _ => {
                for _ in 0..self.rng.below(4) {
                    let c = *self.rng.pick(&[' ', '\t', '\n', '\r']).unwrap_or(&' ');
                    self.out.push(c);
                }
            }
        }
    }

    pub fn raw(&mut self, token: &str) {
        self.ws();
        self.out.push_str(token);
    }

    /// A string literal for `s`, each character written as itself or as an escape.
    pub fn string(&mut self, s: &str) {
        self.ws();
        self.out.push('"');
        for c in s.chars() {
            let escape = c.is_control() || c == '"' || c == '\\' || self.rng.one_in(6);
            if !escape {
                self.out.push(c);
                continue;
            }
            match (c, self.rng.below(2)) {
                ('"', 0) => self.out.push_str("\\\""),
                ('\\', 0) => self.out.push_str("\\\\"),
                ('/', 0) => self.out.push_str("\\/"),
                ('\u{8}', 0) => self.out.push_str("\\b"),
                ('\u{c}', 0) => self.out.push_str("\\f"),
                ('\n', 0) => self.out.push_str("\\n"),
                ('\r', 0) => self.out.push_str("\\r"),
                ('\t', 0) => self.out.push_str("\\t"),
                _ => {
                    let mut units = [0u16; 2];
                    for u in c.encode_utf16(&mut units) {
                        let hex = format!("{u:04x}");
                        let hex = if self.rng.one_in(2) {
                            hex.to_uppercase()
                        } else {
                            hex
                        };
                        self.out.push_str("\\u");
                        self.out.push_str(&hex);
                    }
                }
            }
        }
        self.out.push('"');
    }

    /// A number in one of JSON's forms.
    pub fn number(&mut self) {
        let text = self.number_text();
        self.raw(&text);
    }

    /// A number that is not negative (most of the time: a chart's values).
    pub fn count(&mut self) {
        let text = self.number_text();
        let text = text.trim_start_matches('-').to_string();
        self.raw(&text);
    }

    fn number_text(&mut self) -> String {
        match self.rng.below(10) {
            0 => self.rng.below(1000).to_string(),
            1 => format!("-{}", self.rng.below(100_000)),
            2 => format!("{}.{}", self.rng.below(100_000), self.rng.below(1000)),
            3 => format!(
                "{}{}e{}{}",
                self.rng.below(10),
                if self.rng.one_in(2) { ".5" } else { "" },
                self.rng.pick(&["", "+", "-"]).copied().unwrap_or(""),
                self.rng.below(30)
            ),
            4 => format!("{}E-{}", 1 + self.rng.below(9), self.rng.below(320)),
            5 => self
                .rng
                .pick(&[
                    "0",
                    "-0",
                    "0.0",
                    "-0.0e0",
                    "1e308",
                    "1.7976931348623157e308",
                    "5e-324",
                ])
                .copied()
                .unwrap_or("0")
                .to_string(),
            6 => format!("{}", self.rng.next_u64()),
            7 => format!("0.{:030}", self.rng.next_u64()),
            // Beyond f64: valid JSON that serde_json refuses and the validators refuse.
            8 if self.rng.one_in(20) => "1e400".to_string(),
            _ => format!("{}", self.rng.below(1_000_000_000)),
        }
    }

    /// Random text: ASCII, CJK, an emoji beyond the first plane, control characters.
    pub fn text(&mut self, max: usize) -> String {
        const POOL: &[char] = &[
            'a', 'z', 'K', '0', '9', ' ', '-', '_', '.', '/', '\\', '"', '\'', ':', ',', '{', '}',
            '[', ']', '望', '亭', '镇', 'é', '😀', '\u{0}', '\u{1f}', '\n', '\t', '\u{7f}',
            '\u{a0}', '\u{202e}', '\u{feff}', '\u{fffd}',
        ];
        (0..self.rng.below(max + 1))
            .map(|_| *self.rng.pick(POOL).unwrap_or(&'a'))
            .collect()
    }

    /// Any value, nested up to `depth` more levels.
    pub fn value(&mut self, depth: usize) {
        let kinds = if depth == 0 { 4 } else { 6 };
        match self.rng.below(kinds) {
            0 => {
                let word = *self.rng.pick(&["null", "true", "false"]).unwrap_or(&"null");
                self.raw(word);
            }
            1 => self.number(),
            2 | 3 => {
                let s = self.text(12);
                self.string(&s);
            }
            4 => {
                let n = self.rng.below(6);
                self.array(n, |w, _| w.value(depth - 1));
            }
            _ => {
                let n = self.rng.below(6);
                let keys = self.unique_keys(n);
                self.object(&keys, |w, _| w.value(depth - 1));
            }
        }
    }

    /// `n` distinct random keys.
    pub fn unique_keys(&mut self, n: usize) -> Vec<String> {
        let mut keys: Vec<String> = Vec::new();
        for i in 0..n {
            let mut k = self.text(6);
            if keys.contains(&k) {
                k.push_str(&i.to_string());
            }
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
        keys
    }

    pub fn array(&mut self, n: usize, mut item: impl FnMut(&mut Self, usize)) {
        self.raw("[");
        for i in 0..n {
            if i > 0 {
                self.raw(",");
            }
            item(self, i);
        }
        self.raw("]");
    }

    pub fn object<K: AsRef<str>>(&mut self, keys: &[K], mut member: impl FnMut(&mut Self, &str)) {
        self.raw("{");
        for (i, k) in keys.iter().enumerate() {
            if i > 0 {
                self.raw(",");
            }
            self.string(k.as_ref());
            self.raw(":");
            member(self, k.as_ref());
        }
        self.raw("}");
    }

    /// The text written, with optional whitespace after it.
    pub fn finish(mut self) -> String {
        self.ws();
        self.out
    }
}

/// A valid JSON document of any shape; now and then one that probes a limit of the reader
/// (nesting around 32 levels, thousands of keys, long strings, many values).
pub fn document(rng: &mut Rng) -> String {
    let probe = rng.below(200);
    let mut w = JsonWriter::new(rng);
    match probe {
        0 => {
            let depth = 28 + w.rng.below(8);
            let mut closes = Vec::new();
            for _ in 0..depth {
                if w.rng.one_in(2) {
                    w.raw("[");
                    closes.push("]");
                } else {
                    w.raw("{\"k\":");
                    closes.push("}");
                }
            }
            w.value(0);
            for c in closes.iter().rev() {
                w.raw(c);
            }
        }
        1 => {
            let n = 9_990 + w.rng.below(20);
            let keys: Vec<String> = (0..n).map(|i| format!("k{i}")).collect();
            w.object(&keys, |w, _| w.raw("0"));
        }
        2 => {
            let s = "x".repeat(65_530 + w.rng.below(12));
            w.string(&s);
        }
        3 => {
            let n = 99_990 + w.rng.below(20);
            w.array(n, |w, _| w.out.push('0'));
        }
        _ => {
            let depth = 1 + w.rng.below(6);
            w.value(depth);
        }
    }
    w.finish()
}

/// Pieces that matter to JSON's grammar, inserted by [`mutate`].
const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    ",",
    ":",
    "\\",
    "0",
    "-",
    ".",
    "e",
    "E",
    "+",
    " ",
    "\n",
    "u",
    "null",
    "true",
    "tru",
    "1e999",
    "01",
    "\\u",
    "\\ud800",
    "\\udc00",
    "\\uD83D\\uDE00",
    "\\u00",
    "\u{0}",
    "\u{1}",
    "\u{7f}",
    "\u{feff}",
    "\u{202e}",
    "é",
    "望",
    "😀",
    "\"k\":1",
    "\"lang\":\"en\",",
    "[[[[[[[[[[",
    "]]]]]]]]]]",
    "{\"a\":{\"a\":{\"a\":",
];

/// Breaks `text` with one to three edits: characters removed, doubled, swapped or replaced,
/// a token inserted, a piece copied elsewhere, the end cut off.
pub fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for _ in 0..1 + rng.below(3) {
        let len = chars.len();
        let at = rng.below(len + 1);
        match rng.below(7) {
            0 if at < len => {
                let end = (at + 1 + rng.below(3)).min(len);
                chars.drain(at..end);
            }
            1 if at < len => {
                let c = chars.get(at).copied().unwrap_or(' ');
                chars.insert(at, c);
            }
            2 if at + 1 < len => chars.swap(at, at + 1),
            3 => {
                let token = *rng.pick(TOKENS).unwrap_or(&"");
                let tail = chars.split_off(at);
                chars.extend(token.chars());
                chars.extend(tail);
            }
            4 if len > 0 => {
                let from = rng.below(len);
                let to = (from + 1 + rng.below(40)).min(len);
                let piece: Vec<char> = chars.get(from..to).unwrap_or(&[]).to_vec();
                let tail = chars.split_off(at);
                chars.extend(piece);
                chars.extend(tail);
            }
            5 => chars.truncate(at),
            _ if at < len => {
                let token = *rng.pick(TOKENS).unwrap_or(&"");
                if let (Some(slot), Some(c)) = (chars.get_mut(at), token.chars().next()) {
                    *slot = c;
                }
            }
            _ => {}
        }
    }
    chars.into_iter().collect()
}

/// Valid text for `write`, broken by [`mutate`] about half the time.
pub fn maybe_mutated(rng: &mut Rng, valid: String) -> String {
    if rng.one_in(2) {
        valid
    } else {
        mutate(rng, &valid)
    }
}

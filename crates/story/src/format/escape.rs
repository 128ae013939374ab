//! The one HTML/XML escaper: static fallbacks, the cli's pages and SVG files, the snippets.
//!
//! Untrusted text (editors' titles, labels, series) is only ever inserted into markup through
//! these functions, so it stays text.

/// Appends `text` escaped for HTML or XML element content and for attribute values in
/// double or single quotes: `&` `<` `>` `"` `'`.
pub fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// [`push_escaped`] into a new string.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_five_markup_characters_become_entities() {
        assert_eq!(escape_html("&<>\"'"), "&amp;&lt;&gt;&quot;&#39;");
    }

    #[test]
    fn markup_stays_text() {
        assert_eq!(
            escape_html("<img src=x onerror=\"a\">&'"),
            "&lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39;"
        );
    }

    #[test]
    fn an_entity_is_escaped_again_not_passed_through() {
        assert_eq!(escape_html("&amp;"), "&amp;amp;");
    }

    #[test]
    fn other_text_including_cjk_and_empty_is_unchanged() {
        assert_eq!(escape_html(""), "");
        assert_eq!(escape_html("黎里镇 · 10 kV — ok"), "黎里镇 · 10 kV — ok");
    }

    #[test]
    fn pushing_appends_after_what_is_there() {
        let mut s = String::from("<p>");
        push_escaped(&mut s, "a<b");
        assert_eq!(s, "<p>a&lt;b");
    }
}

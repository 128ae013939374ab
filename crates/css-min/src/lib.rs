//! A small, conservative CSS minifier for the project's own stylesheets, run at build time (the
//! widgets' build script for the shadow-root sheets, `xtask dist` for the host stylesheet).
//!
//! It only removes what cannot change meaning: comments, whitespace runs (to one space), the
//! whitespace beside `{`, `}`, `;` and `,`, after a `:`, and the last `;` of a block. Strings,
//! `url(…)` contents and escaped characters are copied byte for byte. It never removes the space
//! before a `:` (`a :is(b)` is a descendant, `a:is(b)` is not), nor around `+`, `-`, `*`, `/`,
//! `>` or `~` (`calc(1px + 2px)` needs its spaces; `and (` must not become the function `and(`).
//! Why not a crate: lightningcss and friends take minutes to compile; this is 100 lines and
//! saves what matters here (comments and indentation, ~1 KiB brotli in the WASM).

/// Characters beside which whitespace never matters.
const TIGHT: &[u8] = b"{};,";

/// `css` without comments and redundant whitespace (see the module comment for the rules).
pub fn minify(css: &str) -> String {
    let bytes = css.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(css.len());
    // Whitespace (or a comment) was skipped since the last byte written.
    let mut pending_space = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_whitespace() {
            pending_space = true;
            i += 1;
            continue;
        }
        if b == b'/' && bytes.get(i + 1) == Some(&b'*') {
            // An unterminated comment runs to the end, as in CSS.
            i = find(bytes, i + 2, b"*/").map_or(bytes.len(), |end| end + 2);
            pending_space = true;
            continue;
        }
        if pending_space {
            pending_space = false;
            let last = out.last().copied();
            let drop = match last {
                None => true,
                Some(prev) => TIGHT.contains(&prev) || prev == b':' || TIGHT.contains(&b),
            };
            if !drop {
                out.push(b' ');
            }
        }
        // A block's last declaration needs no `;`.
        if b == b'}' && out.last() == Some(&b';') {
            out.pop();
        }
        let start = i;
        i = match b {
            b'"' | b'\'' => end_of_string(bytes, i),
            b'\\' => (i + 2).min(bytes.len()),
            _ if is_url_open(bytes, i) => end_of_url(bytes, i + 4),
            _ => i + 1,
        };
        out.extend_from_slice(bytes.get(start..i).unwrap_or_default());
    }
    // Only whole ASCII bytes were dropped, and multi-byte characters were copied whole.
    String::from_utf8(out).unwrap_or_else(|_| css.to_owned())
}

/// Index of the first `needle` at or after `from`.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// Index just past the string that starts (with its quote) at `start`, escapes included.
fn end_of_string(bytes: &[u8], start: usize) -> usize {
    let quote = bytes.get(start).copied();
    let mut i = start + 1;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' => i += 2,
            b'\n' => return i,
            _ if Some(b) == quote => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// `url(` (any case) at `i`, not as the tail of a longer name (`my-url(`).
fn is_url_open(bytes: &[u8], i: usize) -> bool {
    let word = bytes
        .get(i..i + 4)
        .is_some_and(|w| w.eq_ignore_ascii_case(b"url("));
    let part_of_name = i
        .checked_sub(1)
        .and_then(|p| bytes.get(p))
        .is_some_and(|&p| p.is_ascii_alphanumeric() || p == b'-' || p == b'_');
    word && !part_of_name
}

/// Index just past the `)` closing a `url(` whose contents start at `from` (quoted or not).
fn end_of_url(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'"' | b'\'' => i = end_of_string(bytes, i),
            b'\\' => i += 2,
            b')' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::minify;

    #[test]
    fn drops_comments_and_layout_whitespace() {
        let css = "/* head */\n.a {\n  color: red;\n  margin: 0 auto;\n}\n\n.b, .c { x: 1 }\n";
        assert_eq!(minify(css), ".a{color:red;margin:0 auto}.b,.c{x:1}");
    }

    #[test]
    fn keeps_strings_byte_for_byte() {
        let css =
            r#".a { content: "  /* not a comment */ ; { } "; font-family: 'A  B', "C\" D"; }"#;
        assert_eq!(
            minify(css),
            r#".a{content:"  /* not a comment */ ; { } ";font-family:'A  B',"C\" D"}"#
        );
    }

    #[test]
    fn keeps_url_contents() {
        let css = ".a { background: url( data:image/svg+xml;a , b ) no-repeat; b: URL('x  y') }";
        assert_eq!(
            minify(css),
            ".a{background:url( data:image/svg+xml;a , b ) no-repeat;b:URL('x  y')}"
        );
        // A name that ends in "url(" is an ordinary function.
        assert_eq!(minify(".a { b: my-url( 1 , 2 ) }"), ".a{b:my-url( 1,2 )}");
    }

    #[test]
    fn keeps_the_spaces_calc_and_media_queries_need() {
        assert_eq!(
            minify(".a { width: calc(100% - 2 * 8px); top: calc(1px + 2px) }"),
            ".a{width:calc(100% - 2 * 8px);top:calc(1px + 2px)}"
        );
        assert_eq!(
            minify(
                "@media (max-width: 599.98px) and (prefers-color-scheme: dark) {\n .a { b: c }\n}"
            ),
            "@media (max-width:599.98px) and (prefers-color-scheme:dark){.a{b:c}}"
        );
        assert_eq!(
            minify("@media screen and (min-width: 1px), print { .a { b: c; } }"),
            "@media screen and (min-width:1px),print{.a{b:c}}"
        );
    }

    #[test]
    fn keeps_descendant_combinators_before_pseudo_classes() {
        assert_eq!(
            minify(".a :is(.b, .c) > .d ~ .e + .f :focus-visible { x: y }"),
            ".a :is(.b,.c) > .d ~ .e + .f :focus-visible{x:y}"
        );
        assert_eq!(
            minify(":host([hidden]) { display: none !important; }"),
            ":host([hidden]){display:none !important}"
        );
    }

    #[test]
    fn keeps_escaped_characters() {
        assert_eq!(minify(".a\\ { x: y }"), ".a\\ {x:y}");
        assert_eq!(minify(".a\\:b { x: y }"), ".a\\:b{x:y}");
    }

    #[test]
    fn keeps_non_ascii_text() {
        assert_eq!(
            minify(".a::after { content: \"七个一 · 望亭\" }"),
            ".a::after{content:\"七个一 · 望亭\"}"
        );
    }

    #[test]
    fn survives_unterminated_input() {
        assert_eq!(minify(".a { x: y } /* open"), ".a{x:y}");
        assert_eq!(minify(".a { content: \"open"), ".a{content:\"open");
        assert_eq!(minify(".a { b: url(x"), ".a{b:url(x");
        assert_eq!(minify("\\"), "\\");
        assert_eq!(minify(""), "");
    }

    #[test]
    fn is_idempotent_on_the_project_stylesheets() {
        for css in [
            include_str!("../../widgets/src/base.css"),
            include_str!("../../widgets/src/tally.css"),
            include_str!("../../widgets/src/payments.css"),
            include_str!("../../widgets/src/grid_map.css"),
            include_str!("../../widgets/src/components/error_box.css"),
            include_str!("../../../www/embed.css"),
        ] {
            let once = minify(css);
            assert_eq!(minify(&once), once);
            assert!(once.len() < css.len());
            assert!(!once.contains("/*"));
        }
    }
}

//! Same-origin relative URLs only, for the payments widget's `src`.

use super::error::{ConfigError, UrlProblem};
use super::json::quote;

/// Longest URL accepted.
pub const MAX_URL_LEN: usize = 2048;

/// Accepts `data/x.json`, `./x.json`, `../x.json`, `/data/x.json`, `x.json?v=2`; refuses
/// anything with a scheme (`https:`, `javascript:`), `//host`, backslashes, whitespace and
/// control characters (browsers strip tabs and newlines, which could turn `/\t/evil` into
/// `//evil`).
pub fn check_relative_url(field: &str, value: &str) -> Result<String, ConfigError> {
    let fail = |problem| ConfigError::UnsafeUrl {
        field: field.into(),
        value: quote(value),
        problem,
    };
    if value.is_empty() {
        return Err(fail(UrlProblem::Empty));
    }
    if value.len() > MAX_URL_LEN {
        return Err(fail(UrlProblem::TooLong));
    }
    if value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(fail(UrlProblem::Whitespace));
    }
    if value.contains('\\') {
        return Err(fail(UrlProblem::Backslash));
    }
    if value.starts_with("//") {
        return Err(fail(UrlProblem::OtherHost));
    }
    let head = value.split(['/', '?', '#']).next().unwrap_or("");
    if head.contains(':') {
        return Err(fail(UrlProblem::Scheme));
    }
    Ok(value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(v: &str) -> UrlProblem {
        match check_relative_url("src", v) {
            Err(ConfigError::UnsafeUrl { problem, .. }) => problem,
            other => panic!("{v}: {other:?}"),
        }
    }

    #[test]
    fn relative_paths_on_this_site_are_accepted() {
        for v in [
            "data/series.json",
            "./s.json",
            "../s.json",
            "/data/s.json",
            "s.json?v=2#x",
            "a/b:c.json",
        ] {
            assert_eq!(check_relative_url("src", v).unwrap(), v);
        }
    }

    #[test]
    fn schemes_are_refused_whatever_their_case() {
        for v in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "https://example.com/s.json",
            "data:application/json,[]",
            "http:s.json",
        ] {
            assert_eq!(problem(v), UrlProblem::Scheme, "{v}");
        }
    }

    #[test]
    fn protocol_relative_and_backslash_urls_are_refused() {
        assert_eq!(problem("//evil.example/s.json"), UrlProblem::OtherHost);
        assert_eq!(problem("/\\evil.example/s.json"), UrlProblem::Backslash);
    }

    #[test]
    fn whitespace_and_control_characters_are_refused() {
        assert_eq!(problem("/\t/evil.example"), UrlProblem::Whitespace);
        assert_eq!(problem(" data.json"), UrlProblem::Whitespace);
        assert_eq!(problem("java\nscript:x"), UrlProblem::Whitespace);
    }

    #[test]
    fn empty_and_overlong_urls_are_refused() {
        assert_eq!(problem(""), UrlProblem::Empty);
        assert_eq!(problem(&"a".repeat(MAX_URL_LEN + 1)), UrlProblem::TooLong);
    }
}

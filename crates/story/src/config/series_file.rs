//! An editor's series file (`src`) as the browser receives it: an HTTP status, then bytes read
//! under a size limit and a time-out, checked to be UTF-8 JSON rather than an HTML page, then
//! validated by [`parse_series`]. Everything here is pure, so every way a file can fail is
//! tested natively; the fetch itself (streaming, abort) is `widgets::payments::fetch`.

use super::error::{ConfigError, Expected};
use super::series::{parse_series, Series};
use super::Lang;
use crate::bundle::{read_bundle, BundleError};
use crate::data::DataError;
use crate::format::digits::push_uint;
use crate::model::{Story, Unit};
use crate::ui::{fill, UiText};
use thiserror::Error;

/// Largest series file read, in bytes (512 KiB). [`super::MAX_POINTS`] points, one per line
/// with indentation (`  {"date": "2020-06-30", "value": 123456789},`), take about 250 KB, so
/// any valid series fits; the reader stops at this many bytes instead of downloading the rest.
pub const MAX_SERIES_BYTES: usize = 512 * 1024;

/// How long the chart waits for the whole file, in milliseconds. The source's totals are drawn
/// meanwhile, so the reader loses nothing by waiting; 8 s covers the largest allowed file on a
/// 0.5 Mbit/s connection, and a reader who got no series after that has likely scrolled on, so
/// a clear message (rather than "Loading…" for ever) serves the editor who checks the page.
pub const SERIES_TIMEOUT_MS: u32 = 8000;

/// Why an editor's series file could not be used.
#[derive(Debug, Clone, PartialEq, Error)]
#[error("{}", self.reason(Lang::En))]
pub enum SeriesFileError {
    /// The server answered with this status instead of 2xx.
    Status(u16),
    /// The body (or its announced `Content-Length`) exceeds [`MAX_SERIES_BYTES`].
    TooLarge,
    /// The body is not UTF-8 from this byte offset on.
    NotUtf8 { byte: usize },
    /// The body is an HTML page (a CMS's error or login page, a wrong path).
    Html,
    /// No complete answer within [`SERIES_TIMEOUT_MS`].
    TimedOut,
    /// The request failed before any answer (offline, refused, blocked).
    Network,
    /// The text is JSON but not a valid series, or not JSON.
    Invalid(ConfigError),
    /// The text is a story bundle with a mistake (file, line, field and what is wrong).
    Story(DataError),
}

impl SeriesFileError {
    /// What went wrong, in `lang`, without the file's name.
    pub fn reason(&self, lang: Lang) -> String {
        let with = |text: UiText, n: u64| {
            let mut arg = String::new();
            push_uint(&mut arg, n);
            fill(text.get(lang), &[&arg])
        };
        match self {
            SeriesFileError::Status(code @ (404 | 410)) => {
                with(UiText::PaymentsNotFound, u64::from(*code))
            }
            SeriesFileError::Status(code @ 500..=599) => {
                with(UiText::PaymentsServerError, u64::from(*code))
            }
            SeriesFileError::Status(code) => with(UiText::PaymentsHttpStatus, u64::from(*code)),
            SeriesFileError::TooLarge => {
                with(UiText::PaymentsTooLarge, (MAX_SERIES_BYTES / 1024) as u64)
            }
            SeriesFileError::NotUtf8 { byte } => with(UiText::PaymentsNotUtf8, *byte as u64),
            SeriesFileError::Html => UiText::PaymentsHtml.get(lang).to_owned(),
            SeriesFileError::TimedOut => with(
                UiText::PaymentsTimedOut,
                u64::from(SERIES_TIMEOUT_MS / 1000),
            ),
            SeriesFileError::Network => UiText::PaymentsNetworkError.get(lang).to_owned(),
            SeriesFileError::Invalid(e) => e.message(lang),
            // The validator's words, as the build prints them: for the editor, in English.
            SeriesFileError::Story(e) => e.to_string(),
        }
    }

    /// The editor-facing message: which file, and what went wrong.
    pub fn message(&self, src: &str, lang: Lang) -> String {
        fill(
            UiText::PaymentsLoadFailed.get(lang),
            &[src, &self.reason(lang)],
        )
    }
}

/// What an editor's `src` file holds: a series for one chart (a JSON array, read in the
/// metric's unit by [`read_series_file`]), or a whole story (a bundle: a JSON object).
#[derive(Debug, Clone)]
pub enum SrcFile {
    Series(String),
    Story(&'static Story),
}

/// Reads a complete response body: within the size limit, UTF-8 (a leading byte order mark is
/// allowed), not an HTML page; then a story bundle, read and checked now (once per file: the
/// caller keeps the result for the page's life), or a series' text. `src` is the file's
/// address, whose last part names the file in a bundle's messages.
pub fn read_src_file(src: &str, body: &[u8]) -> Result<SrcFile, SeriesFileError> {
    let text = src_text(body)?;
    if !text.trim_start().starts_with('{') {
        return Ok(SrcFile::Series(text.to_owned()));
    }
    let file = src.rsplit('/').next().unwrap_or(src);
    match read_bundle(file, text) {
        Ok(story) => Ok(SrcFile::Story(story)),
        Err(BundleError::Json(e)) => Err(SeriesFileError::Invalid(e)),
        Err(BundleError::Story(e)) => Err(SeriesFileError::Story(e)),
    }
}

/// The series a `src` file holds, in `unit` (the metric's); a story bundle is none.
pub fn series_in(file: &SrcFile, unit: &'static Unit) -> Result<Series, SeriesFileError> {
    match file {
        SrcFile::Series(text) => parse_series(text, unit).map_err(SeriesFileError::Invalid),
        SrcFile::Story(_) => Err(SeriesFileError::Invalid(ConfigError::WrongType {
            field: "src".into(),
            value: "{…}".into(),
            expected: Expected::Points,
        })),
    }
}

/// Reads a complete response body as a series in `unit` (the metric's): [`read_src_file`]'s
/// checks, then a valid series.
pub fn read_series_file(body: &[u8], unit: &'static Unit) -> Result<Series, SeriesFileError> {
    parse_series(src_text(body)?, unit).map_err(SeriesFileError::Invalid)
}

/// The body's text, if it is within the limit, UTF-8 and not an HTML page.
fn src_text(body: &[u8]) -> Result<&str, SeriesFileError> {
    if body.len() > MAX_SERIES_BYTES {
        return Err(SeriesFileError::TooLarge);
    }
    let text = std::str::from_utf8(body).map_err(|e| SeriesFileError::NotUtf8 {
        byte: e.valid_up_to(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // JSON never starts with `<`; an HTML page always does (doctype, comment or tag).
    if text.trim_start().starts_with('<') {
        return Err(SeriesFileError::Html);
    }
    Ok(text)
}

// Written against both languages' text: tests of the default build (`lang_tests` in
// config.rs hold in a one-language build too).
#[cfg(test)]
#[cfg(all(feature = "zh", feature = "en"))]
mod tests {
    use super::*;

    const GOOD: &str = r#"[{"date": "2019-06", "value": 0}, {"date": "2020-06", "value": 4.8e8}]"#;

    fn read(body: &[u8]) -> Result<Series, SeriesFileError> {
        let chart = crate::default_story().chart.unwrap();
        read_series_file(body, chart.metric("transactions").unwrap().unit())
    }

    #[test]
    fn a_valid_file_reads_as_its_series_with_or_without_a_byte_order_mark() {
        let plain = read(GOOD.as_bytes()).map(|s| s.points.len());
        assert_eq!(plain, Ok(2));
        let bom = ["\u{feff}", GOOD].concat();
        assert_eq!(read(bom.as_bytes()).map(|s| s.points.len()), Ok(2));
    }

    #[test]
    fn a_file_over_the_limit_is_refused_before_it_is_parsed() {
        let mut body = GOOD.as_bytes().to_vec();
        body.resize(MAX_SERIES_BYTES + 1, b' ');
        assert_eq!(read(&body), Err(SeriesFileError::TooLarge));
        // At the limit exactly it is still read (trailing spaces are valid JSON).
        body.truncate(MAX_SERIES_BYTES);
        assert!(read(&body).is_ok());
    }

    #[test]
    fn the_largest_valid_series_fits_the_byte_limit() {
        let point = "  {\"date\": \"2020-06-30\", \"value\": 123456789.25},\n";
        let size = point.len() * super::super::MAX_POINTS + 2;
        assert!(size < MAX_SERIES_BYTES, "{size}");
    }

    #[test]
    fn invalid_utf8_names_the_first_bad_byte() {
        let body = b"[{\"date\": \"2020-06\", \"value\": 1, \"x\": \"caf\xe9\"}]";
        let bad = body.iter().position(|&b| b == 0xe9);
        assert_eq!(
            read(body),
            Err(SeriesFileError::NotUtf8 {
                byte: bad.unwrap_or(0)
            })
        );
        let zh = SeriesFileError::NotUtf8 { byte: 43 }.reason(Lang::Zh);
        assert!(zh.contains("UTF-8") && zh.contains("43"), "{zh}");
    }

    #[test]
    fn an_html_page_is_named_as_such_not_as_broken_json() {
        for page in [
            "<!doctype html><html><body>Login</body></html>",
            "\n  <html>",
            "<!-- CMS -->",
        ] {
            assert_eq!(read(page.as_bytes()), Err(SeriesFileError::Html), "{page}");
        }
        assert!(SeriesFileError::Html
            .reason(Lang::En)
            .contains("web page (HTML)"));
    }

    #[test]
    fn invalid_json_and_invalid_series_keep_the_parser_s_message() {
        let Err(SeriesFileError::Invalid(e)) = read(b"[{\"date\": \"2020-13\", \"value\": 1}]")
        else {
            panic!("expected an invalid series");
        };
        let message = SeriesFileError::Invalid(e.clone()).reason(Lang::En);
        assert_eq!(message, e.message(Lang::En));
        assert!(matches!(read(b"{"), Err(SeriesFileError::Invalid(_))));
    }

    #[test]
    fn statuses_read_as_not_found_server_error_or_the_bare_status() {
        let en = |code| SeriesFileError::Status(code).reason(Lang::En);
        assert_eq!(
            en(404),
            "there is no such file on the server (HTTP 404); check the address"
        );
        assert_eq!(en(503), "the server failed (HTTP 503); try again later");
        assert_eq!(en(403), "the server answered HTTP 403");
        let zh = SeriesFileError::Status(500).reason(Lang::Zh);
        assert_eq!(zh, "服务器出错（HTTP 500），请稍后再试");
    }

    #[test]
    fn every_message_names_the_file_and_a_specific_reason_in_both_languages() {
        let all = [
            SeriesFileError::Status(404),
            SeriesFileError::Status(500),
            SeriesFileError::TooLarge,
            SeriesFileError::NotUtf8 { byte: 3 },
            SeriesFileError::Html,
            SeriesFileError::TimedOut,
            SeriesFileError::Network,
        ];
        for lang in [Lang::Zh, Lang::En] {
            let reasons: Vec<String> = all.iter().map(|e| e.reason(lang)).collect();
            for (i, reason) in reasons.iter().enumerate() {
                assert!(!reasons[..i].contains(reason), "{reason} said twice");
            }
            for e in &all {
                assert!(e.message("data/s.json", lang).contains("data/s.json"));
            }
        }
        assert_eq!(
            SeriesFileError::TimedOut.reason(Lang::En),
            "the file did not arrive within 8 seconds"
        );
        assert_eq!(
            SeriesFileError::TooLarge.reason(Lang::Zh),
            "文件超过 512 KB 的上限"
        );
    }
}

//! The "get the data" table behind every widget: one view model feeds the visually hidden
//! table for screen readers and the CSV download, so both show the same figures.

use story::shared::Shared;
use story::ui::UiText;
use story::{Lang, Section, Story, WidgetKind};

/// One cell: what the reader sees, and the raw value written to CSV.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub display: String,
    pub raw: String,
}

impl Cell {
    /// A text cell whose CSV value is its display text.
    pub fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        Cell {
            raw: s.clone(),
            display: s,
        }
    }

    pub fn new(display: impl Into<String>, raw: impl Into<String>) -> Cell {
        Cell {
            display: display.into(),
            raw: raw.into(),
        }
    }
}

/// A number as a CSV raw value: plain decimal digits that any spreadsheet reads, with no
/// grouping, no 万/亿 and at most six decimals (`500000000`, `12.5`, `-3`); empty for NaN
/// and the infinities.
pub fn raw_number(v: f64) -> String {
    let mut s = String::new();
    // Refused values (non-finite, beyond 2^64) write nothing: an empty cell, not a guess.
    let _ = story::format::digits::push_decimal(&mut s, v, 6);
    s
}

/// A table of figures with a caption, a file name for its CSV download and the citation
/// written under the figures in that file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TableView {
    pub caption: String,
    pub headers: Vec<String>,
    /// Shared ([`story::shared`]): a widget hands its table to the data-table component on
    /// every render (each animation frame), and a long series has thousands of rows.
    pub rows: Shared<Vec<Cell>>,
    /// Download file name, from [`file_name`].
    pub file_name: String,
    /// (label, value) rows from [`citation`]: a downloaded file keeps where its figures come from.
    pub citation: Vec<(String, String)>,
}

/// The name of a widget's download (the CSV, the PNG and SVG images): story, widget, the
/// figure or view shown when the widget offers a choice (the chart's metric, the map's step),
/// language and the file's extension, so a folder of downloads says what each file is:
/// `suzhou-2020-07-payments-value-en.csv`, `suzhou-2020-07-grid-map-2019-10-zh.png`. Every
/// part is an id (`[a-z0-9-]`), safe in a file name.
pub fn file_name(
    story: &Story,
    kind: WidgetKind,
    figure: Option<&str>,
    lang: Lang,
    extension: &str,
) -> String {
    let parts = [Some(story.id), Some(kind.name()), figure, Some(lang.name())];
    let mut name = parts.into_iter().flatten().collect::<Vec<_>>().join("-");
    name.push('.');
    name.push_str(extension);
    name
}

/// Where a widget's figures come from, as (label, value) rows in `lang`: the source, the
/// section of it the widget cites (when it cites one) and the date the source was published.
pub fn citation(story: &Story, section: Option<&Section>, lang: Lang) -> Vec<(String, String)> {
    let source = Some((UiText::CiteSource, story.source.get(lang).to_owned()));
    let section = section.map(|s| (UiText::CiteSection, s.heading.get(lang).to_owned()));
    let date = Some((UiText::CiteDate, story.published.iso()));
    [source, section, date]
        .into_iter()
        .flatten()
        .map(|(label, value)| (label.get(lang).to_owned(), value))
        .collect()
}

impl TableView {
    /// RFC 4180 CSV (CRLF line ends, quotes doubled), with a UTF-8 byte-order mark so that
    /// spreadsheet programs read 汉字 correctly. Formula-like cells are defused with a leading
    /// apostrophe, since editor-supplied text could otherwise run as a spreadsheet formula.
    pub fn to_csv(&self) -> String {
        let mut out = String::from("\u{feff}");
        push_row(&mut out, self.headers.iter().map(String::as_str));
        for row in self.rows.iter() {
            push_row(&mut out, row.iter().map(|c| c.raw.as_str()));
        }
        // After an empty line, so a program reading the figures stops before the citation.
        if !self.citation.is_empty() {
            out.push_str("\r\n");
        }
        for (label, value) in &self.citation {
            push_row(&mut out, [label.as_str(), value.as_str()].into_iter());
        }
        out
    }
}

fn push_row<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_cell(out, cell);
    }
    out.push_str("\r\n");
}

fn push_cell(out: &mut String, cell: &str) {
    let risky = cell.starts_with(['=', '+', '@', '\t', '\r'])
        || (cell.starts_with('-') && !is_number(cell));
    let needs_quotes = risky || cell.contains([',', '"', '\n', '\r']);
    if needs_quotes {
        out.push('"');
    }
    if risky {
        out.push('\'');
    }
    for ch in cell.chars() {
        if ch == '"' {
            out.push('"');
        }
        out.push(ch);
    }
    if needs_quotes {
        out.push('"');
    }
}

/// Whether `s` is a plain decimal number such as `-5` or `-2.5e3` (a cell a spreadsheet may
/// read as a number, not a formula). Not `str::parse::<f64>`: its tables cost ~13 KiB of WASM.
fn is_number(s: &str) -> bool {
    let body = s.strip_prefix(['-', '+']).unwrap_or(s);
    let (mantissa, exponent) = match body.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e.strip_prefix(['-', '+']).unwrap_or(e))),
        None => (body, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    (!int.is_empty() || !frac.is_empty())
        && digits(int)
        && digits(frac)
        && exponent.is_none_or(|e| !e.is_empty() && digits(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: Vec<Vec<Cell>>) -> TableView {
        TableView {
            caption: "t".into(),
            headers: vec!["name".into(), "value".into()],
            rows: rows.into(),
            file_name: "t.csv".into(),
            citation: Vec::new(),
        }
    }

    #[test]
    fn the_citation_follows_the_figures_after_an_empty_line() {
        let story = story::default_story();
        let mut t = table(vec![vec![Cell::text("a"), Cell::text("1")]]);
        t.citation = vec![
            ("Source".into(), "Daily, July 2020".into()),
            ("Date".into(), "2020-07".into()),
        ];
        assert_eq!(
            t.to_csv(),
            "\u{feff}name,value\r\na,1\r\n\r\nSource,\"Daily, July 2020\"\r\nDate,2020-07\r\n"
        );
        let cited = citation(story, story.sections.first(), Lang::En);
        let values: Vec<&str> = cited.iter().map(|(_, v)| v.as_str()).collect();
        let section = story.sections.first().map(|s| s.heading.en);
        let expected = [Some(story.source.en), section, Some(&story.published.iso())];
        assert_eq!(values, expected.into_iter().flatten().collect::<Vec<_>>());
    }

    #[test]
    fn the_citation_is_in_the_readers_language() {
        let story = story::default_story();
        let rows = citation(story, None, Lang::Zh);
        let labels: Vec<&str> = rows.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(labels, ["来源", "日期"]);
        assert_eq!(rows[0].1, story.source.zh);
    }

    #[test]
    fn file_names_say_story_widget_figure_and_language() {
        let story = story::default_story();
        let name = file_name(story, WidgetKind::Payments, Some("value"), Lang::En, "csv");
        assert_eq!(name, format!("{}-payments-value-en.csv", story.id));
        let name = file_name(story, WidgetKind::GridMap, None, Lang::Zh, "csv");
        assert_eq!(name, format!("{}-grid-map-zh.csv", story.id));
        let name = file_name(story, WidgetKind::GridMap, Some("2019-10"), Lang::Zh, "png");
        assert_eq!(name, format!("{}-grid-map-2019-10-zh.png", story.id));
    }

    #[test]
    fn raw_numbers_are_plain_decimals() {
        assert_eq!(raw_number(0.0), "0");
        assert_eq!(raw_number(8950.0), "8950");
        assert_eq!(raw_number(5e8), "500000000");
        assert_eq!(raw_number(90_000_000_000.0), "90000000000");
        assert_eq!(raw_number(12.5), "12.5");
        assert_eq!(raw_number(0.000_001), "0.000001");
        assert_eq!(raw_number(-3.0), "-3");
    }

    #[test]
    fn raw_numbers_never_carry_wan_or_yi() {
        // The tally's CSV used to write the zh reading form here ("1.23万").
        assert_eq!(raw_number(12_345.6), "12345.6");
        assert_eq!(raw_number(123_456_789.5), "123456789.5");
    }

    #[test]
    fn raw_numbers_of_nan_and_infinity_are_empty_cells() {
        assert_eq!(raw_number(f64::NAN), "");
        assert_eq!(raw_number(f64::INFINITY), "");
        assert_eq!(raw_number(-1e300), "");
    }

    #[test]
    fn csv_starts_with_a_bom_and_uses_crlf() {
        let csv = table(vec![vec![
            Cell::text("企业"),
            Cell::new("1300余家", "1300"),
        ]])
        .to_csv();
        assert_eq!(csv, "\u{feff}name,value\r\n企业,1300\r\n");
    }

    #[test]
    fn csv_quotes_commas_quotes_and_newlines() {
        let csv = table(vec![vec![Cell::text("a,b"), Cell::text("say \"hi\"\nbye")]]).to_csv();
        assert!(csv.ends_with("\"a,b\",\"say \"\"hi\"\"\nbye\"\r\n"));
    }

    #[test]
    fn csv_defuses_formula_like_cells_but_not_negative_numbers() {
        let csv = table(vec![vec![
            Cell::text("=HYPERLINK(\"x\")"),
            Cell::text("-5"),
        ]])
        .to_csv();
        assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")\",-5\r\n"));
    }

    #[test]
    fn numbers_are_told_from_formulas() {
        for n in ["-5", "-2.5", "-2.5e3", "-.5", "-1E-3", "0"] {
            assert!(is_number(n), "{n}");
        }
        for f in ["-", "-x", "-1+1", "-SUM(A1)", "-1e", "-.", "--1"] {
            assert!(!is_number(f), "{f}");
        }
    }

    #[test]
    fn empty_table_has_only_the_header() {
        assert_eq!(table(vec![]).to_csv(), "\u{feff}name,value\r\n");
    }
}

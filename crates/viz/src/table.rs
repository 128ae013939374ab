//! The "get the data" table behind every widget: one view model feeds the visually hidden
//! table for screen readers and the CSV download, so both show the same figures.

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

/// A table of figures with a caption and a file name for its CSV download.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TableView {
    pub caption: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// Download file name, e.g. `payments.csv`.
    pub file_name: String,
}

impl TableView {
    /// RFC 4180 CSV (CRLF line ends, quotes doubled), with a UTF-8 byte-order mark so that
    /// spreadsheet programs read 汉字 correctly. Formula-like cells are defused with a leading
    /// apostrophe, since editor-supplied text could otherwise run as a spreadsheet formula.
    pub fn to_csv(&self) -> String {
        let mut out = String::from("\u{feff}");
        push_row(&mut out, self.headers.iter().map(String::as_str));
        for row in &self.rows {
            push_row(&mut out, row.iter().map(|c| c.raw.as_str()));
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

/// `-5`, `-1.25`: a minus, digits and at most one decimal point. Not `str::parse::<f64>`,
/// which pulls core's float parser and its tables (~13 KB brotli) into the WASM.
fn is_plain_negative(cell: &str) -> bool {
    let digits = cell.strip_prefix('-').unwrap_or("");
    let mut parts = digits.split('.');
    let whole = parts.next().unwrap_or("");
    let frac = parts.next();
    let all_digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    parts.next().is_none()
        && all_digits(whole)
        && frac.is_none_or(|f| !f.is_empty() && all_digits(f))
        && !whole.is_empty()
}

fn push_cell(out: &mut String, cell: &str) {
    let risky = cell.starts_with(['=', '+', '@', '\t', '\r'])
        || (cell.starts_with('-') && !is_plain_negative(cell));
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

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: Vec<Vec<Cell>>) -> TableView {
        TableView {
            caption: "t".into(),
            headers: vec!["name".into(), "value".into()],
            rows,
            file_name: "t.csv".into(),
        }
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
    fn only_plain_negative_numbers_escape_the_formula_guard() {
        for ok in ["-5", "-1.25", "-0"] {
            assert!(is_plain_negative(ok), "{ok}");
        }
        for risky in ["-", "-1-1", "-1.", "-.5", "-1e3", "-SUM(A1)", "-1.2.3"] {
            assert!(!is_plain_negative(risky), "{risky}");
        }
    }

    #[test]
    fn empty_table_has_only_the_header() {
        assert_eq!(table(vec![]).to_csv(), "\u{feff}name,value\r\n");
    }
}

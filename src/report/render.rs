//! Rendering computed reports: one [`Grid`](super::Grid) per report feeds the terminal table, Markdown, CSV and
//! HTML renderers alike; JSON serialises the computed rows (the schemas of docs/extract-schema.md#report-json).

use std::fmt::Write as _;

use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

use super::grid::{Grid, ReportKind, editions_grid, speakers_grid, topics_grid, untagged_grid};
use super::html;
use crate::corpus::Corpus;

/// Output formats of reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    /// A terminal table.
    Table,
    /// Markdown tables.
    Markdown,
    /// CSV.
    Csv,
    /// JSON.
    Json,
    /// A self-contained HTML page with SVG charts.
    Html,
}

fn terminal(grid: &Grid) -> String {
    let mut table = Table::new();
    table
        .load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(&grid.headers);
    for row in &grid.rows {
        table.add_row(row);
    }
    format!("{}\n{table}\n{} row{}\n", grid.title, grid.rows.len(), if grid.rows.len() == 1 { "" } else { "s" })
}

fn markdown(grid: &Grid) -> String {
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let mut out = format!(
        "## {}\n\n| {} |\n|{}|\n",
        grid.title,
        grid.headers.iter().map(|h| cell(h)).collect::<Vec<_>>().join(" | "),
        vec!["---"; grid.headers.len()].join("|")
    );
    for row in &grid.rows {
        let _ = writeln!(out, "| {} |", row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | "));
    }
    out
}

/// A report cell a spreadsheet will not run as a formula: text opening with `=`, `+`, `-`, `@`, a
/// tab or a carriage return gets a leading `'` (numbers stay numbers). Reports are read in
/// spreadsheets; the Gephi and Neo4j tables keep their data exact and are not changed.
fn spreadsheet_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && cell.trim().parse::<f64>().is_err() {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

fn csv_text(grid: &Grid) -> std::io::Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(grid.headers.iter().map(|h| spreadsheet_safe(h).into_owned()))?;
    for row in &grid.rows {
        w.write_record(row.iter().map(|c| spreadsheet_safe(c).into_owned()))?;
    }
    let bytes = w.into_inner().map_err(|e| std::io::Error::other(e.to_string()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Renders one report in one format.
///
/// # Errors
/// Only when CSV or JSON serialisation fails.
pub fn render(kind: ReportKind, corpus: &Corpus, format: ReportFormat, min_editions: usize) -> std::io::Result<String> {
    fn json(value: &impl serde::Serialize) -> std::io::Result<String> {
        serde_json::to_string_pretty(value).map(|s| s + "\n").map_err(std::io::Error::other)
    }
    // Each report is computed once, in the form the format needs.
    let grid = match (kind, format) {
        (_, ReportFormat::Html) => return Ok(html::page(corpus, &[kind], min_editions)),
        (ReportKind::Speakers, ReportFormat::Json) => return json(&super::speakers(corpus, min_editions)),
        (ReportKind::Topics, ReportFormat::Json) => return json(&super::topics(corpus)),
        (ReportKind::Editions, ReportFormat::Json) => return json(&super::editions(corpus)),
        (ReportKind::Untagged, ReportFormat::Json) => return json(&super::untagged(corpus)),
        (ReportKind::Speakers, _) => speakers_grid(&super::speakers(corpus, min_editions), min_editions),
        (ReportKind::Topics, _) => topics_grid(&super::topics(corpus)),
        (ReportKind::Editions, _) => editions_grid(&super::editions(corpus)),
        (ReportKind::Untagged, _) => untagged_grid(&super::untagged(corpus)),
    };
    match format {
        ReportFormat::Markdown => Ok(markdown(&grid)),
        ReportFormat::Csv => csv_text(&grid),
        ReportFormat::Table => Ok(terminal(&grid)),
        ReportFormat::Json | ReportFormat::Html => unreachable!("returned above"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_csv_cells_never_run_as_formulas() {
        let grid = Grid {
            title: "t".into(),
            headers: vec!["name".into(), "trend".into()],
            rows: vec![vec!["=HYPERLINK(\"http://x\")".into(), "-2".into()], vec!["@Scale".into(), "+3".into()]],
        };
        let csv = csv_text(&grid).unwrap();
        assert!(csv.contains("\"'=HYPERLINK(") && csv.contains("'@Scale"), "{csv}");
        assert!(csv.contains(",-2\n") && csv.contains(",+3\n"), "{csv}");
    }
}

//! Rendering computed reports: one [`Grid`] per report feeds the terminal table, Markdown, CSV and
//! HTML renderers alike; JSON serialises the computed rows (the schemas of docs/extract-schema.md#report-json).

use std::fmt::Write as _;

use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

use super::{EditionRow, RepeatSpeaker, TopicsReport, html};
use crate::corpus::Corpus;

/// Which report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportKind {
    /// Repeat speakers.
    Speakers,
    /// Topics per year and trends.
    Topics,
    /// Editions at a glance.
    Editions,
}

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

/// A titled table of strings: what every tabular format renders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grid {
    /// Section title.
    pub title: String,
    /// Column headers.
    pub headers: Vec<String>,
    /// Rows.
    pub rows: Vec<Vec<String>>,
}

/// The repeat speakers as a grid.
#[must_use]
pub fn speakers_grid(rows: &[RepeatSpeaker], min_editions: usize) -> Grid {
    Grid {
        title: format!("Speakers at {min_editions} or more editions"),
        headers: ["Name", "Editions", "Years", "Series", "Sessions", "Also known as"].map(str::to_owned).to_vec(),
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    r.name.clone(),
                    r.editions.join("; "),
                    r.years.iter().map(u16::to_string).collect::<Vec<_>>().join("; "),
                    r.series.join("; "),
                    r.sessions.iter().map(|s| format!("{} ({})", s.title, s.conference)).collect::<Vec<_>>().join("; "),
                    r.aliases.join("; "),
                ]
            })
            .collect(),
    }
}

/// Sessions per topic per year as a grid.
#[must_use]
pub fn topics_grid(report: &TopicsReport) -> Grid {
    let mut headers = vec!["Topic".to_owned()];
    headers.extend(report.years.iter().map(u16::to_string));
    headers.extend(["Total", "Trend"].map(str::to_owned));
    let mut rows: Vec<Vec<String>> = report
        .topics
        .iter()
        .map(|t| {
            let mut row = vec![t.label.clone()];
            row.extend(report.years.iter().map(|y| {
                let y = y.to_string();
                format!("{} ({:.0}%)", t.counts[&y], t.shares[&y] * 100.0)
            }));
            row.push(t.total.to_string());
            row.push(t.trend.as_str().to_owned());
            row
        })
        .collect();
    let mut all = vec!["All sessions".to_owned()];
    all.extend(report.years.iter().map(|y| report.sessions_per_year[&y.to_string()].to_string()));
    all.push(report.sessions_per_year.values().sum::<u32>().to_string());
    all.push(String::new());
    rows.push(all);
    Grid { title: "Sessions per topic per year (share of the year's sessions)".into(), headers, rows }
}

/// The editions as a grid.
#[must_use]
pub fn editions_grid(rows: &[EditionRow]) -> Grid {
    Grid {
        title: "Editions".into(),
        headers: ["Edition", "Year", "Sessions", "Speakers", "Returning", "First-time", "Top topics"]
            .map(str::to_owned)
            .to_vec(),
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    r.edition.clone(),
                    r.year.to_string(),
                    r.sessions.to_string(),
                    r.speakers.to_string(),
                    r.returning.to_string(),
                    r.first_time.to_string(),
                    r.top_topics.join("; "),
                ]
            })
            .collect(),
    }
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
        (ReportKind::Speakers, _) => speakers_grid(&super::speakers(corpus, min_editions), min_editions),
        (ReportKind::Topics, _) => topics_grid(&super::topics(corpus)),
        (ReportKind::Editions, _) => editions_grid(&super::editions(corpus)),
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

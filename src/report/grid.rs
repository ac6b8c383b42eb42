//! What every tabular report format renders: one [`Grid`] per report, made from the computed rows.

use super::{EditionRow, RepeatSpeaker, TopicsReport, UntaggedReport};

/// Which report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportKind {
    /// Repeat speakers.
    Speakers,
    /// Topics per year and trends.
    Topics,
    /// Editions at a glance.
    Editions,
    /// The sessions no topic fits, with their frequent words.
    Untagged,
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
                    r.years
                        .iter()
                        .map(u16::to_string)
                        .chain(r.year_unknown.then(|| "year unknown".to_owned()))
                        .collect::<Vec<_>>()
                        .join("; "),
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
                    r.edition.to_string(),
                    r.year.map_or_else(|| "unknown".to_owned(), |y| y.to_string()),
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

/// The sessions no topic fits as a grid, their shared frequent words in the title.
#[must_use]
pub fn untagged_grid(report: &UntaggedReport) -> Grid {
    let terms: Vec<String> = report.frequent_terms.iter().map(|(t, n)| format!("{t} ({n})")).collect();
    let shared = if terms.is_empty() { String::new() } else { format!("; words they share: {}", terms.join(", ")) };
    Grid {
        title: format!("Sessions no topic fits ({}){shared}", report.sessions.len()),
        headers: ["Edition", "Session", "Frequent words"].map(str::to_owned).to_vec(),
        rows: report
            .sessions
            .iter()
            .map(|s| {
                let title = if s.title.is_empty() { "(title not stated)".to_owned() } else { s.title.clone() };
                vec![s.conference.to_string(), title, s.words.join(", ")]
            })
            .collect(),
    }
}

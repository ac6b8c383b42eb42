//! The HTML report: one self-contained page (inline CSS and SVG, no scripts, no external files)
//! with the reports' tables and two charts: topic shares over the years (one line per topic
//! shown, each a `polyline.series` with a `data-topic` id matching its legend entry), and
//! returning versus first-time speakers per edition (stacked bars).

use std::fmt::Write as _;
use std::io::{self, Write};

use super::grid::{Grid, ReportKind, editions_grid, speakers_grid, topics_grid, untagged_grid};
use super::{EditionRow, TopicsReport};
use crate::corpus::Corpus;

/// Colour-blind-friendly series colours (Tableau 10).
const PALETTE: &[&str] =
    &["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

/// How many topics the trend chart draws.
pub const TOPICS_IN_CHART: usize = 8;

/// Escapes text for HTML element content and attribute values.
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in crate::text::xml::xml_safe(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Writes a grid as an HTML table.
fn write_table(grid: &Grid, w: &mut (impl Write + ?Sized)) -> io::Result<()> {
    w.write_all(b"<table><thead><tr>")?;
    for h in &grid.headers {
        write!(w, "<th>{}</th>", escape(h))?;
    }
    w.write_all(b"</tr></thead><tbody>\n")?;
    for row in &grid.rows {
        w.write_all(b"<tr>")?;
        for c in row {
            write!(w, "<td>{}</td>", escape(c))?;
        }
        w.write_all(b"</tr>\n")?;
    }
    w.write_all(b"</tbody></table>\n")
}

/// The topics shown in the trend chart: the most frequent, with at least two sessions.
#[must_use]
pub fn charted_topics(report: &TopicsReport) -> Vec<&super::TopicRow> {
    report.topics.iter().filter(|t| t.total >= 2).take(TOPICS_IN_CHART).collect()
}

fn topic_chart(report: &TopicsReport) -> String {
    let topics = charted_topics(report);
    let (w, h, left, right, top, bottom) = (720.0_f64, 320.0_f64, 56.0, 16.0, 16.0, 40.0);
    let years = &report.years;
    if years.is_empty() || topics.is_empty() {
        return "<p>No topics to chart yet.</p>\n".into();
    }
    let (y0, y1) = (f64::from(years[0]), f64::from(years[years.len() - 1]));
    let x = |year: u16| {
        if y1 > y0 { left + (f64::from(year) - y0) / (y1 - y0) * (w - left - right) } else { (w + left - right) / 2.0 }
    };
    let max_share = topics.iter().flat_map(|t| t.shares.values()).fold(0.0_f64, |a, b| a.max(*b));
    let y_top = ((max_share * 10.0).ceil() / 10.0).max(0.1);
    let y = |share: f64| top + (1.0 - share / y_top) * (h - top - bottom);
    let mut svg = format!(
        "<svg id=\"topic-trends\" role=\"img\" aria-label=\"Topic share of sessions per year\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" xmlns=\"http://www.w3.org/2000/svg\">\n"
    );
    for i in 0..=5 {
        let share = y_top * f64::from(i) / 5.0;
        let _ = writeln!(
            svg,
            "<line class=\"grid\" x1=\"{left}\" x2=\"{}\" y1=\"{yy:.1}\" y2=\"{yy:.1}\"/><text class=\"axis\" x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{:.0}%</text>",
            w - right,
            left - 6.0,
            y(share) + 4.0,
            share * 100.0,
            yy = y(share)
        );
    }
    for &year in years {
        let _ = writeln!(
            svg,
            "<text class=\"axis\" x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\">{year}</text>",
            x(year),
            h - bottom + 18.0
        );
    }
    for (i, t) in topics.iter().enumerate() {
        let colour = PALETTE[i % PALETTE.len()];
        let points: Vec<String> =
            years.iter().map(|yr| format!("{:.1},{:.1}", x(*yr), y(t.shares[&yr.to_string()]))).collect();
        let _ = writeln!(
            svg,
            "<polyline class=\"series\" data-topic=\"{}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\" points=\"{}\"><title>{}</title></polyline>",
            escape(&t.id),
            points.join(" "),
            escape(&t.label)
        );
        for yr in years {
            let _ = writeln!(
                svg,
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\" fill=\"{colour}\"/>",
                x(*yr),
                y(t.shares[&yr.to_string()])
            );
        }
    }
    svg.push_str("</svg>\n<ul class=\"legend\" id=\"topic-legend\">\n");
    for (i, t) in topics.iter().enumerate() {
        let _ = writeln!(
            svg,
            "<li data-topic=\"{}\"><span class=\"swatch\" style=\"background:{}\"></span>{} ({} sessions, {})</li>",
            escape(&t.id),
            PALETTE[i % PALETTE.len()],
            escape(&t.label),
            t.total,
            t.trend.as_str()
        );
    }
    svg.push_str("</ul>\n");
    svg
}

fn speaker_mix_chart(rows: &[EditionRow]) -> String {
    let rows: Vec<&EditionRow> = rows.iter().filter(|r| r.speakers > 0).collect();
    if rows.is_empty() {
        return "<p>No speakers to chart.</p>\n".into();
    }
    let (h, left, top, bottom, bar) = (320.0_f64, 48.0, 16.0, 110.0, 28.0);
    let w = left + 16.0 + rows.len() as f64 * (bar + 14.0);
    let max = rows.iter().map(|r| r.speakers).max().unwrap_or(1).max(1) as f64;
    let scale = |n: usize| n as f64 / max * (h - top - bottom);
    let mut svg = format!(
        "<svg id=\"speaker-mix\" role=\"img\" aria-label=\"Returning and first-time speakers per edition\" viewBox=\"0 0 {w:.0} {h}\" width=\"{w:.0}\" height=\"{h}\" xmlns=\"http://www.w3.org/2000/svg\">\n"
    );
    let _ = writeln!(
        svg,
        "<line class=\"grid\" x1=\"{left}\" x2=\"{:.0}\" y1=\"{}\" y2=\"{}\"/><text class=\"axis\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text><text class=\"axis\" x=\"{}\" y=\"{}\" text-anchor=\"end\">0</text>",
        w - 8.0,
        top,
        top,
        left - 6.0,
        top + 4.0,
        max,
        left - 6.0,
        h - bottom + 4.0
    );
    for (i, r) in rows.iter().enumerate() {
        let x = left + 8.0 + i as f64 * (bar + 14.0);
        let base = h - bottom;
        let first = scale(r.first_time);
        let back = scale(r.returning);
        let _ = writeln!(
            svg,
            "<rect class=\"bar first-time\" data-edition=\"{e}\" x=\"{x:.1}\" y=\"{:.1}\" width=\"{bar}\" height=\"{first:.1}\" fill=\"#4e79a7\"><title>{e}: {} first-time</title></rect>",
            base - first,
            r.first_time,
            e = escape(&r.edition)
        );
        let _ = writeln!(
            svg,
            "<rect class=\"bar returning\" data-edition=\"{e}\" x=\"{x:.1}\" y=\"{:.1}\" width=\"{bar}\" height=\"{back:.1}\" fill=\"#f28e2b\"><title>{e}: {} returning</title></rect>",
            base - first - back,
            r.returning,
            e = escape(&r.edition)
        );
        let _ = writeln!(
            svg,
            "<text class=\"axis\" transform=\"translate({:.1},{:.1}) rotate(-50)\" text-anchor=\"end\">{}</text>",
            x + bar / 2.0,
            base + 12.0,
            escape(&r.edition)
        );
    }
    svg.push_str("</svg>\n<ul class=\"legend\"><li><span class=\"swatch\" style=\"background:#4e79a7\"></span>first-time speakers</li><li><span class=\"swatch\" style=\"background:#f28e2b\"></span>returning speakers (spoke at an earlier edition)</li></ul>\n");
    svg
}

const STYLE: &str = "body{font:15px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#222}\
h1{margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:1px solid #ddd;padding-bottom:.3rem}.summary{color:#555}\
table{border-collapse:collapse;width:100%;margin:.8rem 0;font-size:13px}th,td{border:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}\
th{background:#f4f4f4}tr:nth-child(even) td{background:#fafafa}svg{max-width:100%;height:auto;display:block;margin:.5rem 0}\
.grid{stroke:#e3e3e3}.axis{font-size:11px;fill:#555}.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;font-size:13px}\
.swatch{display:inline-block;width:12px;height:12px;margin-right:6px;vertical-align:-1px;border-radius:2px}";

/// A self-contained HTML page of the given reports.
///
/// # Panics
/// Never: the page is written to memory, from strings.
#[must_use]
pub fn page(corpus: &Corpus, kinds: &[ReportKind], min_editions: usize) -> String {
    let mut out = Vec::new();
    write_page(corpus, kinds, min_editions, &mut out).expect("writing to a Vec does not fail");
    String::from_utf8(out).expect("the page is written from strings")
}

/// Writes [`page`] to `w` section by section, holding no more than one section's rows at a time.
///
/// # Errors
/// When writing fails.
pub fn write_page(
    corpus: &Corpus,
    kinds: &[ReportKind],
    min_editions: usize,
    w: &mut (impl Write + ?Sized),
) -> io::Result<()> {
    let years: Vec<u16> = corpus.conferences.iter().filter_map(|c| c.year).collect();
    let span = match (years.iter().min(), years.iter().max()) {
        (Some(a), Some(b)) if a != b => format!(", {a}–{b}"),
        (Some(a), _) => format!(", {a}"),
        _ => String::new(),
    };
    write!(
        w,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>confgraph report</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>Conference report</h1>\n<p class=\"summary\">{} editions, {} sessions, {} people{span}. Made by confgraph from the notes.</p>\n",
        corpus.conferences.len(),
        corpus.sessions.len(),
        corpus.people.people.len()
    )?;
    for kind in kinds {
        match kind {
            ReportKind::Speakers => {
                let rows = super::speakers(corpus, min_editions);
                let grid = speakers_grid(&rows, min_editions);
                drop(rows);
                write!(w, "<section id=\"speakers\">\n<h2>{}</h2>\n", escape(&grid.title))?;
                write_table(&grid, w)?;
                w.write_all(b"</section>\n")?;
            }
            ReportKind::Topics => {
                let report = super::topics(corpus);
                let grid = topics_grid(&report);
                let terms: Vec<String> =
                    report.untagged.frequent_terms.iter().map(|(t, n)| format!("{t} ({n})")).collect();
                write!(
                    w,
                    "<section id=\"topics\">\n<h2>Topics over the years</h2>\n<p>Share of each year's sessions about the {} most frequent topics.</p>\n{}<h3>{}</h3>\n",
                    charted_topics(&report).len(),
                    topic_chart(&report),
                    escape(&grid.title),
                )?;
                write_table(&grid, w)?;
                write!(
                    w,
                    "<p>{} sessions have no topic; their frequent words: {}.</p>\n</section>\n",
                    report.untagged.sessions,
                    escape(&terms.join(", "))
                )?;
            }
            ReportKind::Editions => {
                let rows = super::editions(corpus);
                let grid = editions_grid(&rows);
                write!(
                    w,
                    "<section id=\"editions\">\n<h2>Returning and first-time speakers</h2>\n{}<h3>{}</h3>\n",
                    speaker_mix_chart(&rows),
                    escape(&grid.title),
                )?;
                write_table(&grid, w)?;
                w.write_all(b"</section>\n")?;
            }
            ReportKind::Untagged => {
                let grid = untagged_grid(&super::untagged(corpus));
                write!(w, "<section id=\"untagged\">\n<h2>{}</h2>\n", escape(&grid.title))?;
                write_table(&grid, w)?;
                w.write_all(b"</section>\n")?;
            }
        }
    }
    w.write_all(b"</body>\n</html>\n")
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup() {
        assert_eq!(super::escape("a<b & \"c\"\u{0}"), "a&lt;b &amp; &quot;c&quot;");
    }
}

//! Reads a plain-text schedule listing: a header `PyCon 2019 in Cleveland, Ohio`, then entries of
//! `Title` / blank / `Speaker, Speaker` / `Weekday time in Room` / blank / abstract.
//!
//! The time line anchors each entry: the line just above it (if any) is the speaker line, the
//! paragraph above that is the title, and everything up to the next entry's title is the abstract.
//! HTML-ish lines (`<center> …`) are not entries.

use std::sync::Arc;

use crate::ids::conference_id;
use crate::model::{Conference, Mention, NotesRecord, Session, SourceLine};

use super::detect::{Detected, SCHEDULE_TIME_LINE};
use super::kind::classify;
use super::names::{parse_speaker_line, speaker_list_by_position};
use super::text::collapse_ws;

/// A run of consecutive non-blank lines.
struct Paragraph<'a> {
    first_line: u32,
    lines: Vec<&'a str>,
}

fn paragraphs(text: &str) -> Vec<Paragraph<'_>> {
    let mut out: Vec<Paragraph<'_>> = Vec::new();
    let mut open = false;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() {
            open = false;
            continue;
        }
        if open {
            if let Some(p) = out.last_mut() {
                p.lines.push(t);
            }
        } else {
            out.push(Paragraph { first_line: i as u32 + 1, lines: vec![t] });
            open = true;
        }
    }
    out
}

fn is_time_line(line: &str) -> bool {
    line.len() < 160 && SCHEDULE_TIME_LINE.is_match(line)
}

fn is_markup(line: &str) -> bool {
    line.starts_with('<') && line.ends_with('>')
}

/// Reads a schedule listing.
#[must_use]
pub fn parse(file: &Arc<str>, text: &str, detected: &Detected) -> NotesRecord {
    let year = detected.conference.year.unwrap_or_default();
    let conference = Conference {
        id: conference_id(&detected.conference.series, year),
        series: detected.conference.series.clone(),
        year,
        location: detected.conference.location.clone(),
        source: SourceLine { file: file.to_owned(), line: detected.line },
        covered: true,
    };
    let paras: Vec<Paragraph<'_>> = paragraphs(text)
        .into_iter()
        .filter(|p| p.first_line > detected.line && !p.lines.iter().all(|l| is_markup(l)))
        .collect();
    // Paragraph index of every entry's time line, and the index of its title paragraph.
    let mut entries: Vec<(usize, usize)> = Vec::new();
    for (i, p) in paras.iter().enumerate() {
        if p.lines.iter().any(|l| is_time_line(l)) && i > 0 {
            // The speaker line (if any) shares the time line's paragraph; the title is the one above.
            entries.push((i, i - 1));
        }
    }
    let mut record = NotesRecord { conferences: vec![conference.clone()], ..NotesRecord::default() };
    for (n, &(time_idx, title_idx)) in entries.iter().enumerate() {
        let title_para = &paras[title_idx];
        let time_para = &paras[time_idx];
        let time_pos = time_para.lines.iter().position(|l| is_time_line(l)).unwrap_or(0);
        let title = collapse_ws(&title_para.lines.join(" "));
        let speaker_text = time_para.lines[..time_pos].join(", ");
        let speaker_line = time_para.first_line;
        let speakers = if speaker_text.is_empty() {
            Vec::new()
        } else {
            // Position makes this the speaker line even when a name has an unusual shape.
            parse_speaker_line(&speaker_text).unwrap_or_else(|| speaker_list_by_position(&speaker_text))
        };
        let next_title = entries.get(n + 1).map_or(paras.len(), |&(_, t)| t);
        let abstract_lines: Vec<&str> =
            paras[time_idx + 1..next_title.max(time_idx + 1)].iter().flat_map(|p| p.lines.iter().copied()).collect();
        let abstract_text = (!abstract_lines.is_empty()).then(|| abstract_lines.join("\n"));
        let links = abstract_lines
            .iter()
            .flat_map(|l| l.split_whitespace())
            .filter(|w| w.starts_with("http://") || w.starts_with("https://"))
            .map(|w| w.trim_end_matches(['.', ',', ')', ']']).to_owned())
            .collect();
        let kind = classify(&title, abstract_text.as_deref(), None);
        record.mentions.extend(speakers.iter().map(|s| Mention {
            person: s.clone(),
            conference: conference.id.clone(),
            as_speaker: true,
            source: SourceLine { file: file.to_owned(), line: speaker_line },
        }));
        record.sessions.push(Session {
            conference: conference.id.clone(),
            title,
            kind,
            speakers,
            links,
            abstract_text,
            notes: String::new(),
            source: SourceLine { file: file.to_owned(), line: title_para.first_line },
        });
    }
    record
}

//! Which style a notes file is written in, read from its content alone (file names mean nothing).
//!
//! A file with several `Weekday time in Room` lines is a schedule listing; Markdown whose first
//! heading names a conference is a narrative recap when it reads as prose (a table of contents,
//! first-person paragraphs, "Recap" in the title) and talk notes otherwise. Anything else is
//! reported, never guessed at.

use std::sync::LazyLock;

use regex::Regex;

use super::conference::{ConferenceName, parse_header};
use super::markdown::{Block, BlockKind};

/// The three styles confgraph reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NotesStyle {
    /// Markdown talk notes: `# Series Year`, a `##` per session.
    TalkNotes,
    /// A plain-text schedule listing: title, speakers, `Weekday time in Room`, abstract.
    Schedule,
    /// A narrative recap blog post.
    Recap,
}

impl NotesStyle {
    /// Human name for messages.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Self::TalkNotes => "talk notes",
            Self::Schedule => "schedule listing",
            Self::Recap => "narrative recap",
        }
    }
}

/// `Sunday 2:30 p.m.–3 p.m. in Grand Ballroom A`, `Fri 10:50 AM - 11:20 AM in Room 1`.
pub static SCHEDULE_TIME_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:[a-z]*day|\.)?,?\s+(?:\w+\s+\d{1,2},?\s+)?(?:\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)?|noon)\s*(?:[–—-]|to)\s*(?:\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)?|noon)(?:\s+in\s+(?P<room>.+))?\s*$",
    )
    .expect("valid regex")
});

/// Why a file could not be given a style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Undetected {
    /// Markdown without any heading.
    NoHeadings,
    /// Headings, but none of the first ones names a conference and a year.
    NoConference,
}

/// A detected style, with the conference header and its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detected {
    /// The style.
    pub style: NotesStyle,
    /// The conference the file is about.
    pub conference: ConferenceName,
    /// 1-based line of the header.
    pub line: u32,
}

/// Decides the style of a file from its text and (for Markdown) its blocks.
///
/// # Errors
/// [`Undetected`] when the file fits no style.
pub fn detect(text: &str, blocks: &[Block]) -> Result<Detected, Undetected> {
    let time_lines =
        text.lines().take(20_000).filter(|l| l.len() < 160 && SCHEDULE_TIME_LINE.is_match(l.trim())).count();
    if time_lines >= 2 {
        // The header is the first non-empty line that names a conference and a year.
        for (i, line) in text.lines().enumerate().take(20) {
            let l = line.trim().trim_start_matches('#').trim();
            if let Some(conference) = parse_header(l) {
                return Ok(Detected { style: NotesStyle::Schedule, conference, line: i as u32 + 1 });
            }
        }
        return Err(Undetected::NoConference);
    }
    let headings: Vec<&Block> = blocks.iter().filter(|b| b.heading_level().is_some()).collect();
    if headings.is_empty() {
        return Err(Undetected::NoHeadings);
    }
    let (header, conference) =
        headings.iter().take(3).find_map(|h| parse_header(&h.text).map(|c| (*h, c))).ok_or(Undetected::NoConference)?;
    let style = if reads_as_recap(&header.text, blocks) { NotesStyle::Recap } else { NotesStyle::TalkNotes };
    Ok(Detected { style, conference, line: header.line })
}

fn reads_as_recap(title: &str, blocks: &[Block]) -> bool {
    let t = title.to_lowercase();
    if ["recap", "review", "trip report", "my experience", "reflections"].iter().any(|w| t.contains(w)) {
        return true;
    }
    let toc_links =
        blocks.iter().filter(|b| b.in_list).flat_map(|b| &b.links).filter(|l| l.url.starts_with('#')).count();
    if toc_links >= 5 {
        return true;
    }
    // Prose: long paragraphs told in the first person.
    let paragraphs: Vec<&Block> =
        blocks.iter().filter(|b| b.kind == BlockKind::Paragraph && !b.in_quote && !b.in_list).collect();
    if paragraphs.len() < 5 {
        return false;
    }
    let words: usize = paragraphs.iter().map(|b| b.text.split_whitespace().count()).sum();
    let first_person = paragraphs
        .iter()
        .filter(|b| b.text.split_whitespace().any(|w| matches!(w, "I" | "I'm" | "I've" | "my" | "My" | "me")))
        .count();
    words / paragraphs.len() >= 35 && first_person * 3 >= paragraphs.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::markdown::blocks;

    fn style(text: &str) -> Result<NotesStyle, Undetected> {
        detect(text, &blocks(text)).map(|d| d.style)
    }

    #[test]
    fn time_lines() {
        for l in [
            "Sunday 2:30 p.m.–3 p.m. in Grand Ballroom A",
            "Friday 11:30 a.m.–noon in Grand Ballroom C",
            "Saturday 12:10 p.m.–12:55 p.m. in Grand Ballroom C",
            "Fri 10:50 AM - 11:20 AM in Room 1",
        ] {
            assert!(SCHEDULE_TIME_LINE.is_match(l), "{l}");
        }
        assert!(!SCHEDULE_TIME_LINE.is_match("Sunday we went to lunch at 2 p.m."));
    }

    #[test]
    fn styles() {
        assert_eq!(style("# Pycascades 2025\n\n## Talk\n\nJane Doe\n"), Ok(NotesStyle::TalkNotes));
        assert_eq!(style("# PyCon US 2024 Recap\n\n## Intro\n\nI went.\n"), Ok(NotesStyle::Recap));
        assert_eq!(
            style(
                "PyCon 2019 in Cleveland, Ohio\n\nA\n\nB\nSunday 2:30 p.m.–3 p.m. in X\n\nC\n\nD\nMonday 1 p.m.–2 p.m. in Y\n"
            ),
            Ok(NotesStyle::Schedule)
        );
        assert_eq!(style("just some text\nwithout headings\n"), Err(Undetected::NoHeadings));
        assert_eq!(style("# Shopping list\n\n## Eggs\n"), Err(Undetected::NoConference));
    }
}

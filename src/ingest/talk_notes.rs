//! Reads Markdown talk notes: `# Series Year`, a `##` heading per session, speaker line, links,
//! `>` abstract, free notes.
//!
//! Structure is not a session: `## Day 2`, `END OF DAY 1`, `---`, and `###` sections inside a talk.
//! `###` headings under a grouping heading (`## Lightning Talks`) are sessions of that kind until
//! the next `##`, so a talk right after the lightning talks is a regular talk again.

use std::sync::Arc;

use std::sync::LazyLock;

use regex::Regex;

use crate::ids::conference_id;
use crate::model::{Conference, NotesRecord, SessionKind, SourceLine};

use super::detect::Detected;
use super::draft::{Draft, finish, prose_mentions};
use super::kind::container_kind;
use super::markdown::{Block, BlockKind};

/// Headings that organise notes and are never sessions.
pub static STRUCTURE_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            day \s* (?:\d+|one|two|three|four|five)\b.*
          | (?:mon|tues|wednes|thurs|fri|satur|sun)day\b.*
          | end \s+ of \s+ (?:day|conference).*
          | (?:schedule|agenda|notes|table \s+ of \s+ contents|contents|links|resources|misc.*|break|lunch(?:\s+break)?
            |breakfast|dinner|intro|introduction|summary|wrap[-\s]?up|sponsors?|expo \s+ hall|posters?|until \s+ next \s+ time
            |conclusion|final \s+ thoughts|takeaways|morning|afternoon|evening|sprints)
        )$",
    )
    .expect("valid regex")
});

/// Reads a talk-notes file into its conference and sessions.
#[must_use]
pub fn parse(file: &Arc<str>, blocks: &[Block], detected: &Detected) -> NotesRecord {
    let conference = Conference {
        id: conference_id(&detected.conference.series, detected.conference.year.unwrap_or_default()),
        series: detected.conference.series.clone(),
        year: detected.conference.year.unwrap_or_default(),
        location: detected.conference.location.clone(),
        source: SourceLine { file: file.to_owned(), line: detected.line },
        covered: true,
    };
    let mut record = NotesRecord { conferences: vec![conference.clone()], ..NotesRecord::default() };
    let mut container: Option<(u8, SessionKind)> = None;
    let mut current: Option<Draft<'_>> = None;

    let close = |current: &mut Option<Draft<'_>>, record: &mut NotesRecord| {
        if let Some(draft) = current.take() {
            let read = finish(&draft, &conference.id, file, None);
            record.sessions.push(read.session);
            record.mentions.extend(read.mentions);
        }
    };

    for block in blocks.iter().filter(|b| b.line > detected.line) {
        match block.kind {
            BlockKind::Heading(level) => {
                let title = block.text.trim();
                let inside_current = current.as_ref().is_some_and(|d| level > d.level);
                if inside_current {
                    if let Some(d) = current.as_mut() {
                        d.body.push(block);
                    }
                    continue;
                }
                close(&mut current, &mut record);
                if container.is_some_and(|(l, _)| level <= l) {
                    container = None;
                }
                if STRUCTURE_HEADING.is_match(title) || level == 1 {
                    continue;
                }
                if let Some(kind) = container_kind(title) {
                    container = Some((level, kind));
                    continue;
                }
                current = Some(Draft {
                    title: title.to_owned(),
                    level,
                    line: block.line,
                    container: container.map(|(_, k)| k),
                    body: Vec::new(),
                });
            }
            BlockKind::Rule => close(&mut current, &mut record),
            _ => {
                if let Some(d) = current.as_mut() {
                    d.body.push(block);
                } else {
                    let found = prose_mentions(block, &record.conferences[0].id, file);
                    record.mentions.extend(found);
                }
            }
        }
    }
    close(&mut current, &mut record);
    record
}

//! From a kept candidate to a session: its kind, links, abstract and notes, the handles of a lone
//! speaker, and the mentions of its speakers and of the people its notes name.

use std::sync::Arc;

use crate::ids::{EditionId, conference_id};
use crate::model::{Conference, Mention, NameRef, NotesRecord, Session, SessionKind, SourceLine};

use super::conference::ConferenceName;
use super::document::{Block, BlockKind};
use super::kind::classify;
use super::names::handles::{display_url, parse_handle, profile_handle};
use super::names::prose::{at_conference_mentions, parenthesised_mentions};
use super::shapes::Candidate;
use crate::text::collapse_ws;

/// The record of one file: its edition first, then every session of `kept` with its fields.
#[must_use]
pub fn record(
    file: &Arc<str>,
    blocks: &[Block],
    home: &ConferenceName,
    home_line: u32,
    kept: &[Candidate],
) -> NotesRecord {
    let mut record = NotesRecord::default();
    let home_id = add_conference(&mut record, home, home.year, file, home_line);
    let mut claimed = vec![false; blocks.len()];
    for c in kept {
        let conference = match &c.conference {
            // A series told in passing with no year is that series' "year unknown" edition.
            Some(other) => add_conference(&mut record, other, other.year, file, c.line),
            None => home_id.clone(),
        };
        let (session, mentions) = session_of(c, blocks, &conference, file);
        for &i in c.body.iter().chain(&c.used).chain(std::iter::once(&c.anchor)) {
            if let Some(slot) = claimed.get_mut(i) {
                *slot = true;
            }
        }
        record.sessions.push(session);
        record.mentions.extend(mentions);
    }
    // People named outside any session are mentions of the file's edition (the line that names
    // the edition names its place, not people: `NightSky Code 2023, Puerto de la Cruz (Tenerife)`).
    for (i, block) in blocks.iter().enumerate() {
        let header = block.line == home_line;
        if !claimed[i] && !header && !block.in_quote && block.kind != BlockKind::Code && block.heading_level().is_none()
        {
            record.mentions.extend(prose_mentions(block, &home_id, file));
        }
    }
    record
}

fn add_conference(
    record: &mut NotesRecord,
    name: &ConferenceName,
    year: Option<u16>,
    file: &Arc<str>,
    line: u32,
) -> EditionId {
    let id = conference_id(&name.series, year);
    if !record.conferences.iter().any(|c| c.id == id) {
        record.conferences.push(Conference {
            id: id.clone(),
            series: name.series.clone(),
            year,
            location: name.location.clone(),
            source: SourceLine { file: file.to_owned(), line },
            // The file's own edition is the first added; editions of talks told in passing are not covered.
            covered: record.conferences.is_empty(),
        });
    }
    id
}

fn session_of(c: &Candidate, blocks: &[Block], conference: &EditionId, file: &Arc<str>) -> (Session, Vec<Mention>) {
    let body: Vec<&Block> = c.body.iter().filter_map(|&i| blocks.get(i)).collect();
    let mut links: Vec<String> = Vec::new();
    for url in c.links.iter().chain(body.iter().flat_map(|b| b.links.iter().map(|l| &l.url))) {
        if !url.starts_with('#') && !links.contains(url) {
            links.push(url.clone());
        }
    }
    let quoted: Vec<&str> = body.iter().filter(|b| b.in_quote).map(|b| b.text.as_str()).collect();
    let abstract_text = c.abstract_text.clone().or_else(|| (!quoted.is_empty()).then(|| quoted.join("\n\n")));
    let mut notes = String::new();
    for b in body.iter().filter(|b| !b.in_quote && b.kind != BlockKind::Rule) {
        notes.push_str(&b.text);
        notes.push('\n');
    }
    let mut speakers = c.speakers.clone();
    if speakers.len() == 1 {
        own_handles(&mut speakers[0], &body, &links);
    }
    let kind = match c.kind {
        Some(k) if k != SessionKind::Talk => k,
        _ => classify(&c.title, abstract_text.as_deref(), None),
    };
    let mut mentions: Vec<Mention> = speakers
        .iter()
        .map(|s| Mention {
            person: s.clone(),
            conference: conference.clone(),
            as_speaker: true,
            source: SourceLine { file: file.to_owned(), line: c.speaker_line },
        })
        .collect();
    for b in body.iter().filter(|b| !b.in_quote && b.kind != BlockKind::Code && b.heading_level().is_none()) {
        mentions.extend(prose_mentions(b, conference, file));
    }
    let session = Session {
        conference: conference.clone(),
        title: collapse_ws(&c.title),
        kind,
        speakers,
        links,
        abstract_text,
        notes,
        time: c.time.clone(),
        room: c.room.clone(),
        source: SourceLine { file: file.to_owned(), line: c.line },
    };
    (session, mentions)
}

/// A lone speaker owns the handles the notes give: `@izcoder`, `mas.to/@christyheaton`.
fn own_handles(speaker: &mut NameRef, body: &[&Block], links: &[String]) {
    speaker.links = links.to_vec();
    for block in body.iter().filter(|b| !b.in_quote) {
        if let Some(h) = parse_handle(&block.text) {
            push_unique(&mut speaker.handles, format!("@{h}"));
        }
        // Only a bare link is the speaker's own profile; `[repo](github.com/org)` is not.
        for link in block.links.iter().filter(|l| display_url(&l.text) == display_url(&l.url)) {
            if profile_handle(&link.url).is_some() {
                push_unique(&mut speaker.handles, display_url(&link.url));
            }
        }
    }
}

/// The `Name (Affiliation)` and `Name at Conference` mentions of one block, each on its line.
#[must_use]
pub fn prose_mentions(block: &Block, conference: &EditionId, file: &Arc<str>) -> Vec<Mention> {
    let link_texts: Vec<&str> = block.links.iter().map(|l| l.text.as_str()).collect();
    let mut found = parenthesised_mentions(&block.text, &link_texts);
    for m in at_conference_mentions(&block.text) {
        if !found.iter().any(|f| f.person.name == m.person.name) {
            found.push(m);
        }
    }
    if found.is_empty() {
        return Vec::new();
    }
    found
        .into_iter()
        .map(|m| {
            let line = block.line_of(m.offset);
            Mention {
                person: m.person,
                conference: conference.clone(),
                as_speaker: false,
                source: SourceLine { file: file.to_owned(), line },
            }
        })
        .collect()
}

/// Pushes `value` unless it is already there.
fn push_unique(list: &mut Vec<String>, value: String) {
    if !list.contains(&value) {
        list.push(value);
    }
}

//! The pieces of a session that the Markdown readers share: reading a session's body blocks into
//! speakers, handles, links, abstract and notes, and turning the result into a [`Session`].

use std::sync::Arc;

use crate::model::{Mention, NameRef, Session, SessionKind, SourceLine};

use super::kind::classify;
use super::markdown::{Block, BlockKind};
use super::names::{
    at_conference_mentions, leading_presenter, name_after_with, parenthesised_mentions, parse_handle_line,
    parse_speaker_line, profile_handle,
};
use super::text::collapse_ws;

/// A session being read: its heading and the blocks under it.
#[derive(Debug, Clone)]
pub struct Draft<'a> {
    /// Title as the heading gives it.
    pub title: String,
    /// Heading level that opened it.
    pub level: u8,
    /// Line of the heading.
    pub line: u32,
    /// Kind given by a grouping heading (`## Lightning Talks`).
    pub container: Option<SessionKind>,
    /// Blocks under the heading, sub-sections included.
    pub body: Vec<&'a Block>,
}

/// What a finished draft yields.
#[derive(Debug, Clone)]
pub struct Read {
    /// The session.
    pub session: Session,
    /// Its speakers and the people its notes mention, with lines.
    pub mentions: Vec<Mention>,
}

/// Reads speakers from the first blocks of a body. Returns the speakers, the line they were read
/// from, and the index of the block used (so prose-mention scanning skips it).
#[must_use]
pub fn find_speakers(title: &str, heading_line: u32, body: &[&Block]) -> (Vec<NameRef>, u32, Option<usize>) {
    let lead: Vec<(usize, &Block)> = body
        .iter()
        .enumerate()
        .take_while(|(_, b)| b.heading_level().is_none())
        .filter(|(_, b)| b.kind == BlockKind::Paragraph && !b.in_quote && !b.in_list && !b.is_links_only())
        .take(1)
        .map(|(i, b)| (i, *b))
        .collect();
    if let Some(&(i, block)) = lead.first() {
        if i <= 3 {
            if let Some(names) = parse_speaker_line(&block.text) {
                return (names, block.line, Some(i));
            }
            if let Some(handle) = parse_handle_line(&block.text) {
                let mut n = NameRef::named(format!("@{handle}"));
                n.handles.push(format!("@{handle}"));
                return (vec![n], block.line, Some(i));
            }
            if let Some(name) = leading_presenter(&block.text) {
                return (vec![NameRef::named(name)], block.line, None);
            }
        }
    }
    if let Some(name) = name_after_with(title) {
        return (vec![NameRef::named(name)], heading_line, None);
    }
    // "Speaker's twitter: <https://twitter.com/ucodery>" when nobody is named.
    for (i, block) in body.iter().enumerate() {
        let lower = block.text.to_lowercase();
        let labelled = ["speaker", "presenter", "speakers", "presenters"].iter().any(|w| {
            lower.starts_with(&format!("{w}'s"))
                || lower.starts_with(&format!("{w}’s"))
                || lower.starts_with(&format!("{w}:"))
        });
        if labelled && !block.in_quote {
            if let Some((url, handle)) =
                block.links.iter().find_map(|l| profile_handle(&l.url).map(|h| (l.url.clone(), h)))
            {
                let mut n = NameRef::named(format!("@{handle}"));
                n.handles.push(display_url(&url));
                return (vec![n], block.line, Some(i));
            }
        }
    }
    (Vec::new(), heading_line, None)
}

/// A URL without its scheme and trailing slash, as handles are shown (`twitter.com/ucodery`).
#[must_use]
pub fn display_url(url: &str) -> String {
    let rest = url.split("://").nth(1).unwrap_or(url);
    rest.trim_start_matches("www.").trim_end_matches('/').to_owned()
}

/// Finishes a draft: speakers, links, handles, abstract, notes and mentions.
#[must_use]
pub fn finish(
    draft: &Draft<'_>,
    conference: &str,
    file: &Arc<str>,
    speakers_found: Option<(Vec<NameRef>, u32)>,
) -> Read {
    let (mut speakers, speaker_line, skip) = if let Some((s, line)) = speakers_found {
        (s, line, None)
    } else {
        find_speakers(&draft.title, draft.line, &draft.body)
    };
    let mut links: Vec<String> = Vec::new();
    let mut abstract_parts: Vec<&str> = Vec::new();
    let mut notes = String::new();
    for block in &draft.body {
        for link in &block.links {
            if !link.url.starts_with('#') && !links.contains(&link.url) {
                links.push(link.url.clone());
            }
        }
        if block.in_quote {
            abstract_parts.push(&block.text);
        } else if block.kind != BlockKind::Rule {
            notes.push_str(&block.text);
            notes.push('\n');
        }
    }
    // A lone speaker owns the handles the notes give: `@izcoder`, `mas.to/@christyheaton`.
    if speakers.len() == 1 {
        let speaker = &mut speakers[0];
        speaker.links.clone_from(&links);
        for block in draft.body.iter().filter(|b| !b.in_quote) {
            if let Some(h) = parse_handle_line(&block.text) {
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
    let abstract_text = (!abstract_parts.is_empty()).then(|| abstract_parts.join("\n\n"));
    let kind = classify(&draft.title, abstract_text.as_deref(), draft.container);
    let mut mentions: Vec<Mention> = speakers
        .iter()
        .map(|s| Mention {
            person: s.clone(),
            conference: conference.to_owned(),
            as_speaker: true,
            source: SourceLine { file: file.to_owned(), line: speaker_line },
        })
        .collect();
    for (i, block) in draft.body.iter().enumerate() {
        if block.in_quote || Some(i) == skip || block.kind == BlockKind::Code {
            continue;
        }
        mentions.extend(prose_mentions(block, conference, file));
    }
    let session = Session {
        conference: conference.to_owned(),
        title: collapse_ws(&draft.title),
        kind,
        speakers,
        links,
        abstract_text,
        notes,
        source: SourceLine { file: file.to_owned(), line: draft.line },
    };
    Read { session, mentions }
}

/// The `Name (Affiliation)` mentions of one block, each on its own line.
#[must_use]
pub fn prose_mentions(block: &Block, conference: &str, file: &Arc<str>) -> Vec<Mention> {
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
    let lines = super::text::LineIndex::new(&block.text);
    found
        .into_iter()
        .map(|m| {
            let line = block.line + lines.line_of(m.offset) - 1;
            Mention {
                person: m.person,
                conference: conference.to_owned(),
                as_speaker: false,
                source: SourceLine { file: file.to_owned(), line },
            }
        })
        .collect()
}

/// Pushes `value` unless it is already there.
pub fn push_unique(list: &mut Vec<String>, value: String) {
    if !list.contains(&value) {
        list.push(value);
    }
}

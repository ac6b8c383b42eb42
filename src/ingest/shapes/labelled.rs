//! Label records without a heading: a paragraph of `Key: value` lines that names its talk in a
//! `Talk:` / `Title:` / `Session:` label, the labels in any order (`Time:` / `Room:` /
//! `Speaker(s):` / `Talk:`), as a conference app's fields copy out, or opens with its title line
//! (`Keynote: "Title"`, `Charla: Título`, a bare title) over label lines that say who gave it
//! (`Speaker:`, `Moderator:` / `Panelists:`, `Ponente:`). The blocks after it, up to a rule, a
//! heading or the next record, are its notes.

use crate::model::SessionKind;

use super::super::body::item_labels;
use super::super::document::{Block, BlockKind};
use super::super::forms::strip_quotes;
use super::super::kind::strip_kind_label;
use super::super::labels::labels_of;
use super::super::notes::Notes;
use super::{Candidate, Evidence, Phase, Shape, is_break};
use crate::text::collapse_ws;

/// Sessions written as a paragraph of label lines.
///
/// ```
/// use confgraph::ingest::read_notes;
///
/// let notes = "# Forkfest 2025\n\nTime: Thu 10:30\nRoom: Hall B\nSpeaker(s): Diego Hernández, Ye-jin Cho\nTalk: Governance Docs Nobody Reads\n\n- templates\n\n---\n\n**Talk:** Panel: Paying Maintainers\n**Speakers:** Halima Yusuf (moderator), Mikkel Thorsen\n";
/// let sessions = read_notes("f.md", notes.as_bytes()).0.unwrap().sessions;
/// assert_eq!(sessions.len(), 2);
/// assert_eq!((sessions[0].title.as_str(), sessions[0].speakers.len()), ("Governance Docs Nobody Reads", 2));
/// assert_eq!((sessions[1].title.as_str(), sessions[1].kind.as_str()), ("Paying Maintainers", "panel"));
/// ```
pub struct LabelRecords;

impl Shape for LabelRecords {
    fn name(&self) -> &'static str {
        "label record"
    }

    fn phase(&self) -> Phase {
        Phase::Loose
    }

    fn find(&self, notes: &Notes<'_>) -> Vec<Candidate> {
        let is_record = |i: usize, b: &Block| {
            b.kind == BlockKind::Paragraph
                && b.lines.len() >= 2
                && !b.in_quote
                && Some(i) != notes.header_block
                && !notes.is_owned(i)
                && (item_labels(b).title.is_some() || title_line(b).is_some())
        };
        let records: Vec<usize> =
            notes.blocks.iter().enumerate().filter(|&(i, b)| is_record(i, b)).map(|(i, _)| i).collect();
        let mut out = Vec::new();
        for (k, &i) in records.iter().enumerate() {
            let block = &notes.blocks[i];
            let facts = item_labels(block);
            let (title, kind, title_line) = match facts.title.as_deref() {
                Some(stated) => {
                    let (title, kind) = strip_kind_label(stated);
                    let line =
                        block.line_texts().find(|(l, _)| l.contains(stated)).map_or(block.line, |(_, number)| number);
                    (title, kind, line)
                }
                None => match title_line(block).filter(|_| !facts.speakers.is_empty()) {
                    Some((title, kind)) => (title, kind, block.line),
                    None => continue,
                },
            };
            if title.is_empty() || is_break(&title) || facts.speakers.is_empty() && facts.time.is_none() {
                continue;
            }
            let mut c = Candidate::new("label record", "label lines", i, title_line, title);
            c.evidence = if facts.speakers.is_empty() { Evidence::Place } else { Evidence::Stated };
            c.speakers = facts.speakers;
            c.speaker_line = facts.speaker_line;
            c.kind = kind.or(facts.kind);
            c.time = facts.time;
            c.room = facts.room;
            c.links = facts.links;
            c.abstract_text = facts.abstract_text;
            let next = records.get(k + 1).copied().unwrap_or(notes.blocks.len());
            c.body = body_of(notes.blocks, i + 1, next);
            out.push(c);
        }
        out
    }
}

/// The notes under a record: what follows up to the next record, heading or rule, and, once a
/// list of its notes has been read, up to the next paragraph at the top level (`Pranzo: jota al
/// buffet…` after the panel's bullets starts the notes' next stretch). An app's agenda entry
/// after it ends it too (see [`is_entry`]).
fn body_of(blocks: &[Block], from: usize, to: usize) -> Vec<usize> {
    let mut listed = false;
    let mut out = Vec::new();
    for (j, b) in blocks.iter().enumerate().take(to).skip(from) {
        let ends = matches!(b.kind, BlockKind::Rule | BlockKind::Heading(_))
            || listed && b.kind == BlockKind::Paragraph && b.depth == 0 && !b.in_quote
            || is_entry(b);
        if ends {
            break;
        }
        listed |= matches!(b.kind, BlockKind::Item { .. });
        out.push(j);
    }
    out
}

/// `Lunch` / `Terrace Café · 12:30–13:30`, `Irrigation Scheduling with Reinforcement Learning` /
/// `Leila Ghorbani · University of Tehran` / `Room 1 · 13:30–14:00`: a paragraph of a few short
/// lines, none ending a sentence, under a capitalised first line is the next entry of an agenda,
/// not notes of the record above (hard-wrapped notes run longer and end in full stops).
fn is_entry(b: &Block) -> bool {
    let lines: Vec<&str> = b.line_texts().map(|(l, _)| l.trim()).collect();
    b.kind == BlockKind::Paragraph
        && b.depth == 0
        && !b.in_quote
        && (2..=6).contains(&lines.len())
        && lines[0].starts_with(char::is_uppercase)
        && lines.iter().all(|l| l.split_whitespace().count() <= 10 && !l.ends_with('.'))
}

/// Most words a record's opening title line holds; a longer line is a sentence.
const MAX_TITLE_WORDS: usize = 18;

/// A record's opening line when it is a title and the line after it a label: `Keynote:
/// "Open Science Is Not Free"`, `Charla: Repositorios institucionales`, `Who Owns the Metadata?`.
fn title_line(block: &Block) -> Option<(String, Option<SessionKind>)> {
    let mut lines = block.line_texts();
    let (first, _) = lines.next()?;
    // The line under the title is a label; later lines may be its notes (`Raum 2.14, 90 Min. …`).
    let (second, _) = lines.next()?;
    if !labels_of(first).is_empty() || labels_of(second).is_empty() {
        return None;
    }
    let (title, kind) = strip_kind_label(first);
    let title = collapse_ws(strip_quotes(title.trim()));
    let sentence = title.ends_with('.') && !title.ends_with("..");
    (!title.is_empty() && !sentence && title.split_whitespace().count() <= MAX_TITLE_WORDS).then_some((title, kind))
}

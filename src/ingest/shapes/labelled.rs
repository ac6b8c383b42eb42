//! Label records without a heading: a paragraph of `Key: value` lines that names its talk in a
//! `Talk:` / `Title:` / `Session:` label, the labels in any order (`Time:` / `Room:` /
//! `Speaker(s):` / `Talk:`), as a conference app's fields copy out. The blocks after it, up to a
//! rule, a heading or the next record, are its notes.

use super::super::body::item_labels;
use super::super::document::{Block, BlockKind};
use super::super::kind::strip_kind_label;
use super::super::notes::Notes;
use super::{Candidate, Evidence, Phase, Shape, is_break};

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
                && item_labels(b).title.is_some()
        };
        let records: Vec<usize> =
            notes.blocks.iter().enumerate().filter(|&(i, b)| is_record(i, b)).map(|(i, _)| i).collect();
        let mut out = Vec::new();
        for (k, &i) in records.iter().enumerate() {
            let block = &notes.blocks[i];
            let facts = item_labels(block);
            let Some(stated) = facts.title.as_deref() else { continue };
            let (title, kind) = strip_kind_label(stated);
            if title.is_empty() || is_break(&title) || facts.speakers.is_empty() && facts.time.is_none() {
                continue;
            }
            let title_line =
                block.line_texts().find(|(l, _)| l.contains(stated)).map_or(block.line, |(_, number)| number);
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
            c.body = (i + 1..next)
                .take_while(|&j| !matches!(notes.blocks[j].kind, BlockKind::Rule | BlockKind::Heading(_)))
                .collect();
            out.push(c);
        }
        out
    }
}

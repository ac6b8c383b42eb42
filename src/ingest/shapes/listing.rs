//! Schedule listings: `Title` / blank / `Speaker, Speaker` / `Weekday time in Room` / blank /
//! abstract, as a conference site's talk list copies out (`PyCon 2019 in Cleveland, Ohio`).
//!
//! The `Weekday time in Room` line anchors each entry: the lines above it in its paragraph name
//! the speakers (by position, so unusual names are kept), the paragraph above that is the
//! title, and everything up to the next entry's title is the abstract.

use std::sync::LazyLock;

use regex::Regex;

use super::super::document::{Block, BlockKind};
use super::super::names::speakers::{Slot, speaker_list, split_name_list};
use super::super::notes::Notes;
use super::{Candidate, Evidence, Shape};
use crate::model::NameRef;
use crate::text::collapse_ws;

/// `Sunday 2:30 p.m.–3 p.m. in Grand Ballroom A`, `Fri 10:50 AM - 11:20 AM in Room 1`.
pub static SCHEDULE_TIME_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:[a-z]*day|\.)?,?\s+(?:\w+\s+\d{1,2},?\s+)?(?:\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)?|noon)\s*(?:[–—-]|to)\s*(?:\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)?|noon)(?:\s+in\s+(?P<room>.+))?\s*$",
    )
    .expect("valid regex")
});

fn is_time_line(line: &str) -> bool {
    line.len() < 160 && SCHEDULE_TIME_LINE.is_match(line.trim())
}

/// Sessions of a schedule listing.
///
/// ```
/// use confgraph::ingest::read_notes;
///
/// let notes = "DjangoCon US 2022 in San Diego, California\n\nA Tour of the ORM\n\nÁgnes Horváth\nTuesday 2:30 p.m.–3:15 p.m. in Salon C\n\nWhat happens between a query and its SQL?\n\nHtmx and Django\n\nJoão Lemos\nWednesday 11:30 a.m.–noon in Salon C\n";
/// let s = &read_notes("s.txt", notes.as_bytes()).0.unwrap().sessions[0];
/// assert_eq!((s.title.as_str(), s.speakers[0].name.as_str()), ("A Tour of the ORM", "Ágnes Horváth"));
/// ```
pub struct ScheduleListing;

impl Shape for ScheduleListing {
    fn name(&self) -> &'static str {
        "schedule listing"
    }

    fn find(&self, notes: &Notes<'_>) -> Vec<Candidate> {
        let paras: Vec<(usize, &Block)> = notes
            .blocks
            .iter()
            .enumerate()
            .filter(|(i, b)| b.kind == BlockKind::Paragraph && !b.in_quote && Some(*i) != notes.header_block)
            .collect();
        let entries: Vec<usize> =
            (1..paras.len()).filter(|&k| paras[k].1.line_texts().any(|(l, _)| is_time_line(l))).collect();
        if entries.len() < 2 {
            return Vec::new();
        }
        let mut out = Vec::new();
        for (n, &k) in entries.iter().enumerate() {
            let (title_index, title_block) = paras[k - 1];
            let (time_index, time_block) = paras[k];
            if entries.contains(&(k - 1)) {
                continue;
            }
            let lines: Vec<(&str, u32)> = time_block.line_texts().collect();
            let time_pos = lines.iter().position(|(l, _)| is_time_line(l)).unwrap_or(0);
            let speaker_text = lines[..time_pos].iter().map(|(l, _)| *l).collect::<Vec<_>>().join(", ");
            let speakers = if speaker_text.is_empty() { Vec::new() } else { by_position(&speaker_text) };
            let time_line = lines[time_pos].0.trim();
            let room = SCHEDULE_TIME_LINE
                .captures(time_line)
                .and_then(|c| c.name("room"))
                .map(|m| m.as_str().trim().to_owned());
            let next_title = entries.get(n + 1).map_or(paras.len(), |&next| next - 1);
            let abstract_blocks: Vec<&Block> = paras[k + 1..next_title.max(k + 1)].iter().map(|(_, b)| *b).collect();
            let abstract_text = (!abstract_blocks.is_empty())
                .then(|| abstract_blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join("\n"));
            let mut c = Candidate::new(
                "schedule listing",
                "Title / Speakers / Weekday time in Room",
                title_index,
                title_block.line,
                collapse_ws(&title_block.text),
            );
            c.evidence = if speakers.is_empty() { Evidence::Place } else { Evidence::Stated };
            c.speakers = speakers;
            c.speaker_line = time_block.line;
            c.time = Some(
                room.as_ref()
                    .map_or(time_line, |r| time_line[..time_line.len() - r.len()].trim_end().trim_end_matches(" in"))
                    .to_owned(),
            );
            c.room = room;
            c.abstract_text = abstract_text;
            c.links = abstract_blocks
                .iter()
                .flat_map(|b| b.text.split_whitespace())
                .filter(|w| w.starts_with("http://") || w.starts_with("https://"))
                .map(|w| w.trim_end_matches(['.', ',', ')', ']']).to_owned())
                .collect();
            c.used = std::iter::once(time_index)
                .chain(paras[k + 1..next_title.max(k + 1)].iter().map(|(i, _)| *i))
                .collect();
            out.push(c);
        }
        out
    }
}

/// The speaker line of an entry: its position makes it one even when a name has an unusual shape.
fn by_position(text: &str) -> Vec<NameRef> {
    speaker_list(text, Slot::Stated).unwrap_or_else(|| {
        split_name_list(text)
            .into_iter()
            .map(|part| {
                let mut alternatives = part.split('/').map(collapse_ws).filter(|s| !s.is_empty());
                let mut name = NameRef::named(alternatives.next().unwrap_or_default());
                name.aliases = alternatives.collect();
                name
            })
            .filter(|n| !n.name.is_empty())
            .collect()
    })
}

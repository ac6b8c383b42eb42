//! Multi-speaker sessions told in segments: a section whose sub-sections are `Name: Title`
//! segments (`### Steering Council Updates` / `#### Barry Warsaw: Steering Council Overview` …)
//! is a panel of all the segments' speakers, as well as each segment being a talk.

use std::collections::BTreeMap;

use crate::model::{NameRef, SessionKind};

use super::super::conference::parse_heading;
use super::super::forms::{ColonNames, Form, Head};
use super::super::kind::container_kind;
use super::super::names::speakers::Slot;
use super::super::notes::Notes;
use super::super::structure::is_structure;
use super::{Candidate, Evidence, Shape};
use crate::text::collapse_ws;

/// A section of `Name: Title` segments, as a panel.
///
/// ```
/// use confgraph::ingest::read_notes;
///
/// let notes = "# PyCon US 2024 Recap\n\n### Steering Council Updates\n\n#### Barry Warsaw: Overview\n\nx\n\n#### Emily Morehouse: Working Groups\n\ny\n";
/// let sessions = read_notes("r.md", notes.as_bytes()).0.unwrap().sessions;
/// let panel = sessions.iter().find(|s| s.title == "Steering Council Updates").unwrap();
/// assert_eq!(panel.speakers.len(), 2);
/// ```
pub struct SegmentPanels;

impl Shape for SegmentPanels {
    fn name(&self) -> &'static str {
        "segments"
    }

    fn find(&self, notes: &Notes<'_>) -> Vec<Candidate> {
        let mut children: BTreeMap<usize, Vec<Vec<NameRef>>> = BTreeMap::new();
        for s in &notes.sections {
            let Some(parent) = s.parent else { continue };
            let text = &notes.blocks[s.heading].text;
            if let Some(r) = ColonNames.read(&Head::plain(text), Slot::Guessed).into_iter().next() {
                children.entry(parent).or_default().push(r.speakers);
            }
        }
        let mut out = Vec::new();
        for (parent, segments) in children {
            if segments.len() < 2 {
                continue;
            }
            let section = &notes.sections[parent];
            let heading = &notes.blocks[section.heading];
            // (`# Quire 2025` over a whole recap of `## Speaker: Title` talks is the conference;
            // a panel in segments has a few speakers, under a heading of its own.)
            if Some(section.heading) == notes.header_block
                || segments.len() > 6
                || parse_heading(&heading.text).is_some()
                || is_structure(&heading.text)
                || container_kind(&heading.text).is_some()
            {
                continue;
            }
            let mut speakers: Vec<NameRef> = Vec::new();
            for n in segments.into_iter().flatten() {
                if !speakers.iter().any(|s| s.name == n.name) {
                    speakers.push(NameRef::named(n.name));
                }
            }
            let mut c = Candidate::new(
                "segments",
                "section of `Name: Title` segments",
                section.heading,
                heading.line,
                collapse_ws(&heading.text),
            );
            c.speakers = speakers;
            c.kind = Some(SessionKind::Panel);
            c.evidence = Evidence::Read;
            c.body = section.own.clone().collect();
            out.push(c);
        }
        out
    }
}

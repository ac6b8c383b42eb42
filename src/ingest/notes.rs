//! One notes file as the shapes see it: its blocks, its front matter, the conference it is about,
//! its sections (the heading tree) and its register (terse notes or narrative prose).
//!
//! Owns the facts about a file that every shape needs and none should work out twice.

use std::sync::Arc;

use super::conference::{ConferenceName, parse_header};
use super::document::{Block, BlockKind};
use super::frontmatter::FrontMatter;
use super::structure::is_structure;

/// Whether a file is written as terse notes or as narrative prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Register {
    /// Talk notes, programmes, lists: every heading at the session level is a session.
    Notes,
    /// Recaps and journals told in the first person: a section is a session only by evidence.
    Narrative,
}

/// A heading and what stands under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Index of the heading block.
    pub heading: usize,
    /// Its level.
    pub level: u8,
    /// The enclosing section, if any.
    pub parent: Option<usize>,
    /// Blocks up to the next heading of any level.
    pub own: std::ops::Range<usize>,
    /// Blocks up to the next heading of the same or a higher level (sub-sections included).
    pub all: std::ops::Range<usize>,
}

/// A notes file, read into blocks, with what every shape needs to know.
#[derive(Debug)]
pub struct Notes<'a> {
    /// The file, as messages and provenance name it.
    pub file: &'a Arc<str>,
    /// Its blocks.
    pub blocks: &'a [Block],
    /// Its front matter (empty when none).
    pub front: &'a FrontMatter,
    /// The edition it is about.
    pub conference: ConferenceName,
    /// The block that names the conference, when it is a heading or a line of its own.
    pub header_block: Option<usize>,
    /// Terse notes or narrative.
    pub register: Register,
    /// The heading tree, in document order.
    pub sections: Vec<Section>,
    /// Per block, whether a session read by the file's structure already owns it (filled in
    /// before the shapes of running text run).
    pub owned: Vec<bool>,
    /// Per block, the section it heads (when it is a heading) and the innermost section holding
    /// it: indexes into `sections`, so that lookups stay O(1) on files of many headings.
    places: Vec<Place>,
}

/// Where a block stands in the heading tree.
#[derive(Debug, Clone, Copy, Default)]
struct Place {
    heads: Option<usize>,
    held_by: Option<usize>,
}

impl<'a> Notes<'a> {
    /// Gathers the facts of a file.
    #[must_use]
    pub fn new(
        file: &'a Arc<str>,
        blocks: &'a [Block],
        front: &'a FrontMatter,
        conference: ConferenceName,
        header_block: Option<usize>,
    ) -> Self {
        let sections = sections(blocks);
        let places = places(&sections, blocks.len());
        let register = register(blocks, header_block);
        Self {
            file,
            blocks,
            front,
            conference,
            header_block,
            register,
            sections,
            owned: vec![false; blocks.len()],
            places,
        }
    }

    /// True when block `i` is already a session's (its notes, labels or head).
    #[must_use]
    pub fn is_owned(&self, i: usize) -> bool {
        self.owned.get(i).copied().unwrap_or(false)
    }

    /// The section whose heading is block `heading`.
    #[must_use]
    pub fn section_of_heading(&self, heading: usize) -> Option<&Section> {
        self.places.get(heading)?.heads.map(|s| &self.sections[s])
    }

    /// The innermost section holding block `index` (not as its heading).
    #[must_use]
    pub fn section_holding(&self, index: usize) -> Option<&Section> {
        self.places.get(index)?.held_by.map(|s| &self.sections[s])
    }

    /// Index in `sections` of the innermost section holding block `index` (not as its heading).
    #[must_use]
    pub fn section_index_holding(&self, index: usize) -> Option<usize> {
        self.places.get(index)?.held_by
    }

    /// Whether block `index` stands under a list of posters or of things to read (`## Posters`,
    /// `## Papers to read`): what is listed there was not given on a stage.
    #[must_use]
    pub fn under_posters_or_reading(&self, index: usize) -> bool {
        self.ancestors(index).any(|s| super::structure::is_posters_or_reading(&self.blocks[s.heading].text))
    }

    /// The headings above block `index`, innermost first.
    pub fn ancestors(&self, index: usize) -> impl Iterator<Item = &Section> {
        let mut current = self.places.get(index).and_then(|p| p.held_by);
        std::iter::from_fn(move || {
            let i = current?;
            current = self.sections[i].parent;
            Some(&self.sections[i])
        })
    }
}

fn sections(blocks: &[Block]) -> Vec<Section> {
    let headings: Vec<(usize, u8)> =
        blocks.iter().enumerate().filter_map(|(i, b)| b.heading_level().map(|l| (i, l))).collect();
    let mut out: Vec<Section> = Vec::with_capacity(headings.len());
    let mut stack: Vec<usize> = Vec::new();
    for (k, &(index, level)) in headings.iter().enumerate() {
        // A heading ends the open sections of its level and deeper.
        while let Some(&s) = stack.last().filter(|&&s| out[s].level >= level) {
            out[s].all.end = index;
            stack.pop();
        }
        let own_end = headings.get(k + 1).map_or(blocks.len(), |h| h.0);
        out.push(Section {
            heading: index,
            level,
            parent: stack.last().copied(),
            own: index + 1..own_end,
            all: index + 1..blocks.len(),
        });
        stack.push(out.len() - 1);
    }
    out
}

/// Per block, the section it heads and the innermost section holding it (for a heading, its
/// parent's).
fn places(sections: &[Section], len: usize) -> Vec<Place> {
    let mut out = vec![Place::default(); len];
    for (k, s) in sections.iter().enumerate() {
        out[s.heading] = Place { heads: Some(k), held_by: s.parent };
        for p in &mut out[s.own.clone()] {
            p.held_by = Some(k);
        }
    }
    out
}

/// Narrative when the title says so (`Recap`, `Journal`), when a table of contents links the
/// sections, or when the paragraphs are long and told in the first person.
fn register(blocks: &[Block], header: Option<usize>) -> Register {
    let title = header.and_then(|h| blocks.get(h)).map(|b| b.text.to_lowercase()).unwrap_or_default();
    let says =
        ["recap", "review", "trip report", "my experience", "reflections", "journal", "diary", "write-up", "writeup"];
    if says.iter().any(|w| title.contains(w)) {
        return Register::Narrative;
    }
    let toc_links =
        blocks.iter().filter(|b| b.in_list()).flat_map(|b| &b.links).filter(|l| l.url.starts_with('#')).count();
    if toc_links >= 5 {
        return Register::Narrative;
    }
    let mut paragraphs = 0usize;
    let mut words = 0usize;
    let mut first_person = 0usize;
    for b in blocks.iter().filter(|b| b.kind == BlockKind::Paragraph && !b.in_quote && !b.in_list()) {
        paragraphs += 1;
        let mut said = false;
        for w in b.text.split_ascii_whitespace() {
            words += 1;
            said = said || matches!(w, "I" | "I'm" | "I've" | "I’m" | "I’ve" | "my" | "My" | "me" | "we" | "We");
        }
        first_person += usize::from(said);
    }
    if paragraphs >= 5 && words / paragraphs >= 30 && first_person * 3 >= paragraphs {
        Register::Narrative
    } else {
        Register::Notes
    }
}

/// `- [[Replicate North 2025]] — Tromsø, 26–27 May` over nested items: an outline's top item
/// that names an edition groups that edition's sessions.
#[must_use]
pub fn edition_item(notes: &Notes<'_>, i: usize) -> bool {
    let block = &notes.blocks[i];
    let first = block.line_texts().next().map_or("", |(l, _)| l);
    matches!(block.kind, BlockKind::Item { .. })
        && block.depth == 1
        && first.chars().count() <= 100
        && notes.blocks.get(i + 1).is_some_and(|b| b.depth > 1 && matches!(b.kind, BlockKind::Item { .. }))
        && !is_structure(first)
        && parse_header(first).is_some_and(|n| n.year.is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::document::blocks;

    #[test]
    fn sections_nest_by_level() {
        let b = blocks("# Conf 2024\n\n## Day 1\n\n### Talk A\n\ntext\n\n### Talk B\n\n## Day 2\n\n### Talk C\n");
        let s = sections(&b);
        let summary: Vec<_> =
            s.iter().map(|s| (b[s.heading].text.as_str(), s.parent, s.all.end - s.all.start)).collect();
        assert_eq!(summary[1], ("Day 1", Some(0), 3));
        assert_eq!(summary[2], ("Talk A", Some(1), 1));
        assert_eq!(summary[5], ("Talk C", Some(4), 0));
    }
}

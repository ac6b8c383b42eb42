//! Notes text as a flat list of blocks, each with its lines, inline marks and original line
//! numbers, read with pulldown-cmark (tables and wikilinks on).
//!
//! Owns the structure a reader sees: headings (ATX and setext), list items with their nesting
//! depth and the list they belong to, table rows with their cells, paragraphs (split into lines,
//! so label lines and time-led lines can be read one by one), code and rules. Plain-text files go
//! through the same parser: an indented block is their text, not code. It does not decide what a
//! block means.

mod parse;
pub use parse::blocks;

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading of level 1–6.
    Heading(u8),
    /// The first paragraph of a list item.
    Item {
        /// A numbered list.
        ordered: bool,
    },
    /// A paragraph (also a later paragraph of a list item, with the item's depth).
    Paragraph,
    /// A table row; its `cells` hold the cell texts.
    Row {
        /// The header row.
        header: bool,
    },
    /// A fenced code block.
    Code,
    /// A thematic break (`---`).
    Rule,
}

/// A link inside a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Where it points, as written.
    pub url: String,
    /// Its visible text.
    pub text: String,
}

/// How a stretch of a block's text was set off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKind {
    /// `**bold**`.
    Strong,
    /// `*italic*`.
    Emphasis,
    /// `` `code` ``.
    Code,
    /// The text of a `[link](…)`.
    Link,
    /// A `[[wikilink]]` (its text is the page name).
    Wiki,
    /// `~~struck through~~`.
    Struck,
}

/// A marked stretch of a block's text, as byte offsets into [`Block::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    /// How it was set off.
    pub kind: MarkKind,
    /// Start offset.
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
}

/// One block of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Heading, item, paragraph, row, code or rule.
    pub kind: BlockKind,
    /// Plain text: lines joined by `\n`, emphasis and link syntax removed, images left out; a
    /// row's cells joined by `\t`.
    pub text: String,
    /// Where each line of `text` starts, with its 1-based line in the file.
    pub lines: Vec<(usize, u32)>,
    /// Marked stretches of `text`.
    pub marks: Vec<Mark>,
    /// Links in order (autolinks, inline links and bare `<host/path>` forms).
    pub links: Vec<Link>,
    /// 1-based line where the block starts.
    pub line: u32,
    /// Inside a block quote.
    pub in_quote: bool,
    /// List nesting: 0 outside lists, 1 for a top-level item and its paragraphs, and so on.
    pub depth: u8,
    /// The list (or table) the block belongs to, numbered from 1 in document order; 0 for none.
    pub group: u32,
}

impl Block {
    /// The first line, when it is set in bold or italics from end to end (`**Panel: …**`).
    #[must_use]
    pub fn bold_first_line(&self) -> Option<&str> {
        let line_end = self.lines.get(1).map_or(self.text.len(), |&(s, _)| s.saturating_sub(1));
        let line = self.text[..line_end].trim_end();
        let whole = self
            .marks
            .iter()
            .any(|m| matches!(m.kind, MarkKind::Strong | MarkKind::Emphasis) && m.start == 0 && m.end >= line.len());
        (!line.is_empty() && whole).then_some(line)
    }

    /// Whether `part` is written on file line `line` of the block and wholly struck through there
    /// (`~~Title~~`).
    #[must_use]
    pub fn is_struck(&self, line: u32, part: &str) -> bool {
        let part = part.trim();
        let Some(k) = self.lines.iter().position(|&(_, l)| l == line) else { return false };
        let (from, to) = (self.lines[k].0, self.lines.get(k + 1).map_or(self.text.len(), |&(s, _)| s));
        !part.is_empty()
            && self.text.get(from..to).is_some_and(|text| {
                text.match_indices(part).any(|(at, _)| {
                    let at = from + at;
                    self.marks.iter().any(|m| m.kind == MarkKind::Struck && m.start <= at && m.end >= at + part.len())
                })
            })
    }

    /// The heading level, if this is a heading.
    #[must_use]
    pub fn heading_level(&self) -> Option<u8> {
        match self.kind {
            BlockKind::Heading(level) => Some(level),
            _ => None,
        }
    }

    /// True inside a list item (the item itself or its later paragraphs).
    #[must_use]
    pub fn in_list(&self) -> bool {
        self.depth > 0
    }

    /// The lines of the block: text and line number.
    pub fn line_texts(&self) -> impl Iterator<Item = (&str, u32)> {
        self.lines.iter().enumerate().map(|(i, &(start, line))| {
            let end = self.lines.get(i + 1).map_or(self.text.len(), |&(next, _)| next.saturating_sub(1));
            (self.text.get(start..end.max(start)).unwrap_or_default(), line)
        })
    }

    /// The 1-based file line of byte `offset` of the text.
    #[must_use]
    pub fn line_of(&self, offset: usize) -> u32 {
        let i = self.lines.partition_point(|&(start, _)| start <= offset);
        self.lines.get(i.saturating_sub(1)).map_or(self.line, |&(_, l)| l)
    }

    /// The cells of a table row (one cell for any other block).
    pub fn cells(&self) -> impl Iterator<Item = &str> {
        self.text.split('\t')
    }

    /// Marks of `kind` within `start..end`.
    pub fn marks_in(&self, kind: MarkKind, start: usize, end: usize) -> impl Iterator<Item = &Mark> {
        self.marks.iter().filter(move |m| m.kind == kind && m.start >= start && m.end <= end)
    }

    /// True when the block's visible text is nothing but its links (a pretalx or slides line).
    #[must_use]
    pub fn is_links_only(&self) -> bool {
        if self.links.is_empty() {
            return false;
        }
        let mut rest = self.text.clone();
        for link in &self.links {
            rest = rest.replacen(&link.text, "", 1);
        }
        rest.chars().all(|c| c.is_whitespace() || "*-•:,;<>[]()|".contains(c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_line_at_the_margin_ends_the_list_item_above_it() {
        let b = blocks("- she ran the SRE team\n1015 talk by takeshi inoue abt sampling\n - head vs tail\n");
        let summary: Vec<_> = b.iter().map(|b| (b.text.as_str(), b.line, b.depth)).collect();
        assert_eq!(
            summary,
            [("she ran the SRE team", 1, 1), ("1015 talk by takeshi inoue abt sampling", 2, 0), ("head vs tail", 3, 1)]
        );
    }

    #[test]
    fn headings_paragraphs_and_lines() {
        let md = "# Pycascades 2025\n\n<https://2025.pycascades.com>\n\n---\n\n## *Web* Maps\n\nChristy Heaton\n\n* <mas.to/@christyheaton>\n* item two\n\n> abstract\n> more\n";
        let b = blocks(md);
        let summary: Vec<_> = b.iter().map(|b| (b.kind, b.text.as_str(), b.line, b.in_quote, b.depth)).collect();
        assert_eq!(
            summary,
            vec![
                (BlockKind::Heading(1), "Pycascades 2025", 1, false, 0),
                (BlockKind::Paragraph, "https://2025.pycascades.com", 3, false, 0),
                (BlockKind::Rule, "", 5, false, 0),
                (BlockKind::Heading(2), "Web Maps", 7, false, 0),
                (BlockKind::Paragraph, "Christy Heaton", 9, false, 0),
                (BlockKind::Item { ordered: false }, "mas.to/@christyheaton", 11, false, 1),
                (BlockKind::Item { ordered: false }, "item two", 12, false, 1),
                (BlockKind::Paragraph, "abstract\nmore", 14, true, 0),
            ]
        );
        assert_eq!(b[1].links[0].url, "https://2025.pycascades.com");
        assert!(b[1].is_links_only());
        assert_eq!(b[5].links[0].url, "mas.to/@christyheaton");
        assert_eq!(b[3].marks, vec![Mark { kind: MarkKind::Emphasis, start: 0, end: 3 }]);
    }

    #[test]
    fn link_text_is_kept_and_images_are_not() {
        let b = blocks("He gave \"[Rest Easy](https://youtu.be/x)\" ![alt](p.png) today\n");
        assert_eq!(b[0].text, "He gave \"Rest Easy\"  today");
        assert_eq!(b[0].links, vec![Link { url: "https://youtu.be/x".into(), text: "Rest Easy".into() }]);
        assert_eq!(&b[0].text[b[0].marks[0].start..b[0].marks[0].end], "Rest Easy");
    }

    #[test]
    fn unknown_tags_are_text_and_formatting_tags_are_not() {
        let b = blocks("## Quotes & <angle> brackets <sub>x</sub><br>\n");
        assert_eq!(b[0].text, "Quotes & <angle> brackets x");
    }

    #[test]
    fn setext_heading_is_a_heading() {
        let b = blocks("Table of Contents\n-----------------\n\n- [Intro](#intro)\n");
        assert_eq!(b[0].kind, BlockKind::Heading(2));
        assert_eq!(b[1].text, "Intro");
        assert!(b[1].in_list());
    }

    #[test]
    fn tables_have_cells_and_a_header() {
        let b =
            blocks("| Time | Talk | Who |\n|---|---|---|\n| 10:15 | **Fast** Go | Ana<br>Bo |\n| 11:00 | Lunch | |\n");
        assert_eq!(b[0].kind, BlockKind::Row { header: true });
        assert_eq!(b[0].cells().collect::<Vec<_>>(), ["Time", "Talk", "Who"]);
        assert_eq!(b[1].cells().collect::<Vec<_>>(), ["10:15", "Fast Go", "Ana\nBo"]);
        assert_eq!(b[2].cells().collect::<Vec<_>>(), ["11:00", "Lunch", ""]);
        assert_eq!((b[1].line, b[1].group), (3, b[0].group));
    }

    #[test]
    fn loose_items_nested_lists_and_groups() {
        let b = blocks("- one\n\n  more of one\n- two\n  - nested\n\n1. first\n2. second\n");
        let summary: Vec<_> = b.iter().map(|b| (b.kind, b.text.as_str(), b.depth, b.group)).collect();
        assert_eq!(
            summary,
            vec![
                (BlockKind::Item { ordered: false }, "one", 1, 1),
                (BlockKind::Paragraph, "more of one", 1, 1),
                (BlockKind::Item { ordered: false }, "two", 1, 1),
                (BlockKind::Item { ordered: false }, "nested", 2, 2),
                (BlockKind::Item { ordered: true }, "first", 1, 3),
                (BlockKind::Item { ordered: true }, "second", 1, 3),
            ]
        );
    }

    #[test]
    fn indented_plain_text_is_lines_and_wikilinks_name_pages() {
        let b = blocks(
            "Programme\n\n    10:15  Talk - Ana\n    10:45  Other - Bo\n\nBy [[People/Ana Ortiz|Ana]] and [[Bo Chen]]\n",
        );
        assert_eq!(b[1].kind, BlockKind::Paragraph);
        assert_eq!(b[1].line_texts().collect::<Vec<_>>(), [("10:15  Talk - Ana", 3), ("10:45  Other - Bo", 4)]);
        assert_eq!(b[2].text, "By Ana Ortiz and Bo Chen");
        assert_eq!(b[2].marks.iter().filter(|m| m.kind == MarkKind::Wiki).count(), 2);
    }
}

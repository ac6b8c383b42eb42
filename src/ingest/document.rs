//! Notes text as a flat list of blocks, each with its lines, inline marks and original line
//! numbers, read with pulldown-cmark (tables and wikilinks on).
//!
//! Owns the structure a reader sees: headings (ATX and setext), list items with their nesting
//! depth and the list they belong to, table rows with their cells, paragraphs (split into lines,
//! so label lines and time-led lines can be read one by one), code and rules. Plain-text files go
//! through the same parser: an indented block is their text, not code. It does not decide what a
//! block means.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use super::text::LineIndex;

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

/// A block being built.
struct Builder {
    block: Block,
    /// Marks opened and not yet closed: kind and start.
    open_marks: Vec<(MarkKind, usize)>,
    /// Start in `text` of the link being read, with its URL.
    open_link: Option<(usize, String, bool)>,
    image_depth: u32,
    /// A line break was read: the next text starts a new line.
    at_break: bool,
}

impl Builder {
    fn new(kind: BlockKind, line: u32, state: &State) -> Self {
        Self {
            block: Block {
                kind,
                text: String::new(),
                lines: vec![(0, line)],
                marks: Vec::new(),
                links: Vec::new(),
                line,
                in_quote: state.quote_depth > 0,
                depth: state.list_depth,
                group: state.groups.last().copied().unwrap_or(0),
            },
            open_marks: Vec::new(),
            open_link: None,
            image_depth: 0,
            at_break: false,
        }
    }

    fn push_text(&mut self, text: &str, line: u32) {
        if self.image_depth > 0 {
            return;
        }
        if self.at_break {
            self.block.text.push('\n');
            self.block.lines.push((self.block.text.len(), line));
            self.at_break = false;
        }
        self.block.text.push_str(text);
    }
}

/// Parser state outside the block being built.
#[derive(Default)]
struct State {
    quote_depth: u32,
    list_depth: u8,
    /// Group ids of the open lists and tables, innermost last.
    groups: Vec<u32>,
    next_group: u32,
    ordered: Vec<bool>,
    /// The current item's first paragraph was already read.
    item_has_text: bool,
    in_table_head: bool,
    /// Offset in the row's text where the current cell starts.
    cell_start: Option<usize>,
    /// Cells begun in the current table row (empty ones count: `| | | ↳ Title |`).
    cells_in_row: usize,
}

/// Splits `text` into blocks. Never panics, whatever the input.
///
/// # Examples
///
/// ```
/// use confgraph::ingest::document::{blocks, BlockKind};
///
/// let b = blocks("## Day 1\n\n- **Async Rust** — Ana Ortiz\n  - notes\n\nSpeaker: Bo Chen\nRoom: A\n");
/// assert_eq!(b[0].kind, BlockKind::Heading(2));
/// assert_eq!((b[1].text.as_str(), b[1].depth), ("Async Rust — Ana Ortiz", 1));
/// assert_eq!((b[2].text.as_str(), b[2].depth), ("notes", 2));
/// let lines: Vec<_> = b[3].line_texts().collect();
/// assert_eq!(lines, [("Speaker: Bo Chen", 6), ("Room: A", 7)]);
/// ```
#[must_use]
pub fn blocks(text: &str) -> Vec<Block> {
    let index = LineIndex::new(text);
    let options = Options::ENABLE_TABLES | Options::ENABLE_WIKILINKS | Options::ENABLE_STRIKETHROUGH;
    let mut out = Vec::new();
    let mut current: Option<Builder> = None;
    let mut state = State::default();
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        let line = index.line_of(range.start);
        match event {
            Event::Start(tag) => start_tag(tag, line, &mut current, &mut out, &mut state, &text[range]),
            Event::End(tag) => end_tag(tag, &mut current, &mut out, &mut state),
            Event::Text(t) | Event::Code(t) => {
                let code = event_kind_is_code(&t, &text[range.clone()]);
                let b = current.get_or_insert_with(|| Builder::new(BlockKind::Paragraph, line, &state));
                let start = b.block.text.len() + usize::from(b.at_break);
                b.push_text(&t, line);
                if code && text[range].starts_with('`') {
                    b.block.marks.push(Mark { kind: MarkKind::Code, start, end: b.block.text.len() });
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(b) = current.as_mut() {
                    b.at_break = true;
                }
            }
            Event::Rule => {
                flush(&mut current, &mut out);
                let mut rule = Builder::new(BlockKind::Rule, line, &state);
                rule.block.lines.clear();
                out.push(rule.block);
            }
            Event::InlineHtml(t) => inline_html(&t, line, &mut current, &state),
            _ => {}
        }
    }
    flush(&mut current, &mut out);
    out
}

/// pulldown-cmark gives inline code as `Event::Code`; both arrive here, told apart by the source.
fn event_kind_is_code(_text: &str, source: &str) -> bool {
    source.starts_with('`')
}

fn start_tag(
    tag: Tag<'_>,
    line: u32,
    current: &mut Option<Builder>,
    out: &mut Vec<Block>,
    state: &mut State,
    src: &str,
) {
    match tag {
        Tag::Heading { level, .. } => {
            flush(current, out);
            *current = Some(Builder::new(BlockKind::Heading(heading_number(level)), line, state));
        }
        Tag::Paragraph => {
            let continues_item = current.as_ref().is_some_and(|b| {
                matches!(b.block.kind, BlockKind::Item { .. }) && b.block.text.is_empty() && !state.item_has_text
            });
            if !continues_item {
                flush(current, out);
                *current = Some(Builder::new(BlockKind::Paragraph, line, state));
            }
        }
        Tag::CodeBlock(kind) => {
            flush(current, out);
            *current = Some(code_block(&kind, line, state, src));
        }
        Tag::BlockQuote(_) => {
            flush(current, out);
            state.quote_depth += 1;
        }
        Tag::List(first) => {
            flush(current, out);
            state.list_depth = state.list_depth.saturating_add(1);
            state.next_group += 1;
            state.groups.push(state.next_group);
            state.ordered.push(first.is_some());
        }
        Tag::Item => {
            flush(current, out);
            let ordered = state.ordered.last().copied().unwrap_or(false);
            *current = Some(Builder::new(BlockKind::Item { ordered }, line, state));
            state.item_has_text = false;
        }
        Tag::Table(_) => {
            flush(current, out);
            state.next_group += 1;
            state.groups.push(state.next_group);
        }
        Tag::TableHead | Tag::TableRow => {
            flush(current, out);
            let header = matches!(tag, Tag::TableHead);
            state.in_table_head |= header;
            *current = Some(Builder::new(BlockKind::Row { header }, line, state));
            state.cells_in_row = 0;
        }
        Tag::TableCell => {
            if let Some(b) = current.as_mut() {
                open_cell(b, state);
            }
        }
        Tag::Link { link_type, dest_url, .. } => {
            let b = current.get_or_insert_with(|| Builder::new(BlockKind::Paragraph, line, state));
            open_link(b, matches!(link_type, LinkType::WikiLink { .. }), &dest_url, line);
        }
        Tag::Image { .. } => {
            let b = current.get_or_insert_with(|| Builder::new(BlockKind::Paragraph, line, state));
            b.image_depth += 1;
        }
        Tag::Strong | Tag::Emphasis | Tag::Strikethrough => {
            let kind = match tag {
                Tag::Strong => MarkKind::Strong,
                Tag::Emphasis => MarkKind::Emphasis,
                _ => MarkKind::Struck,
            };
            let b = current.get_or_insert_with(|| Builder::new(BlockKind::Paragraph, line, state));
            let start = b.block.text.len() + usize::from(b.at_break);
            b.open_marks.push((kind, start));
        }
        _ => {}
    }
}

/// A fenced block is code; an indented one is a plain-text file's indented lines, each a line of
/// its own.
fn code_block(kind: &CodeBlockKind<'_>, line: u32, state: &State, src: &str) -> Builder {
    let block_kind = match kind {
        CodeBlockKind::Fenced(_) => BlockKind::Code,
        CodeBlockKind::Indented => BlockKind::Paragraph,
    };
    let mut b = Builder::new(block_kind, line, state);
    if block_kind == BlockKind::Paragraph {
        b.block.lines.clear();
        for (i, l) in src.lines().enumerate() {
            if !b.block.text.is_empty() {
                b.block.text.push('\n');
            }
            b.block.lines.push((b.block.text.len(), line + i as u32));
            b.block.text.push_str(l.trim());
        }
        b.image_depth = u32::MAX / 2;
    }
    b
}

/// Opens a link; a wikilink's page name is written at once, as what it refers to
/// (`[[Ana Ortiz|Ana]]` is Ana Ortiz).
fn open_link(b: &mut Builder, wiki: bool, dest_url: &str, line: u32) {
    let start = b.block.text.len() + usize::from(b.at_break);
    if wiki {
        let page = wiki_page(dest_url);
        b.push_text(&page, line);
        b.block.marks.push(Mark { kind: MarkKind::Wiki, start, end: b.block.text.len() });
        b.image_depth += 1;
    }
    b.open_link = Some((start, dest_url.to_owned(), wiki));
}

/// Starts a table cell: cells of a row are joined by a tab.
fn open_cell(b: &mut Builder, state: &mut State) {
    if state.cells_in_row > 0 {
        b.block.text.push('\t');
    }
    state.cells_in_row += 1;
    b.at_break = false;
    state.cell_start = Some(b.block.text.len());
}

fn end_tag(tag: TagEnd, current: &mut Option<Builder>, out: &mut Vec<Block>, state: &mut State) {
    match tag {
        TagEnd::Paragraph => {
            if current.as_ref().is_some_and(|b| matches!(b.block.kind, BlockKind::Item { .. })) {
                state.item_has_text = true;
            }
            flush(current, out);
        }
        TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::Item | TagEnd::TableRow => flush(current, out),
        TagEnd::TableHead => {
            flush(current, out);
            state.in_table_head = false;
        }
        TagEnd::TableCell => state.cell_start = None,
        TagEnd::Table => {
            flush(current, out);
            state.groups.pop();
        }
        TagEnd::BlockQuote(_) => {
            flush(current, out);
            state.quote_depth = state.quote_depth.saturating_sub(1);
        }
        TagEnd::List(_) => {
            flush(current, out);
            state.list_depth = state.list_depth.saturating_sub(1);
            state.groups.pop();
            state.ordered.pop();
            state.item_has_text = true;
        }
        TagEnd::Link => {
            if let Some(b) = current.as_mut()
                && let Some((start, url, wiki)) = b.open_link.take()
            {
                if wiki {
                    b.image_depth = b.image_depth.saturating_sub(1);
                }
                let end = b.block.text.len();
                let text = b.block.text.get(start.min(end)..).unwrap_or_default().trim().to_owned();
                if !wiki {
                    b.block.marks.push(Mark { kind: MarkKind::Link, start: start.min(end), end });
                }
                b.block.links.push(Link { url, text });
            }
        }
        TagEnd::Image => {
            if let Some(b) = current.as_mut() {
                b.image_depth = b.image_depth.saturating_sub(1);
            }
        }
        TagEnd::Strong | TagEnd::Emphasis | TagEnd::Strikethrough => {
            let kind = match tag {
                TagEnd::Strong => MarkKind::Strong,
                TagEnd::Emphasis => MarkKind::Emphasis,
                _ => MarkKind::Struck,
            };
            if let Some(b) = current.as_mut()
                && let Some(pos) = b.open_marks.iter().rposition(|(k, _)| *k == kind)
            {
                let (_, start) = b.open_marks.remove(pos);
                let end = b.block.text.len();
                if end > start {
                    b.block.marks.push(Mark { kind, start, end });
                }
            }
        }
        _ => {}
    }
}

/// `<br>` in a table cell separates lines (`A<br>B`); other formatting tags are dropped; anything
/// else in angle brackets (`<angle>`) is the note-taker's text that Markdown read as HTML.
fn inline_html(tag: &str, line: u32, current: &mut Option<Builder>, state: &State) {
    let name = tag_name(tag);
    if name == "br" {
        if let Some(b) = current.as_mut()
            && matches!(b.block.kind, BlockKind::Row { .. })
        {
            b.block.text.push('\n');
        }
        return;
    }
    if tag.starts_with("<!--") || FORMATTING_TAGS.contains(&name.as_str()) {
        return;
    }
    let b = current.get_or_insert_with(|| Builder::new(BlockKind::Paragraph, line, state));
    b.push_text(tag, line);
}

/// HTML tags that only format text.
const FORMATTING_TAGS: &[&str] = &[
    "a", "abbr", "b", "big", "br", "center", "code", "del", "details", "div", "em", "font", "h1", "h2", "h3", "h4",
    "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "s", "small", "span", "strong", "sub",
    "summary", "sup", "table", "td", "th", "tr", "u", "ul", "video", "iframe", "picture", "source",
];

fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('<')
        .trim_start_matches('/')
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase()
}

/// The page a wikilink names: `People/Ana Ortiz#Talk` → `Ana Ortiz`.
fn wiki_page(dest: &str) -> String {
    let page = dest.split(['#', '|']).next().unwrap_or(dest);
    page.rsplit('/').next().unwrap_or(page).trim().to_owned()
}

fn flush(current: &mut Option<Builder>, out: &mut Vec<Block>) {
    let Some(mut b) = current.take() else {
        return;
    };
    let block = &mut b.block;
    trim_block(block);
    if block.kind != BlockKind::Code {
        add_bare_links(block);
    }
    if !block.text.is_empty() || block.kind == BlockKind::Rule || !block.links.is_empty() {
        out.push(b.block);
    }
}

/// Trims the block's text at both ends, keeping line starts and marks on the same characters (a
/// row keeps the tabs of its empty cells).
fn trim_block(block: &mut Block) {
    let row = matches!(block.kind, BlockKind::Row { .. });
    let blank = |c: char| c.is_whitespace() && !(row && c == '\t');
    let lead = block.text.len() - block.text.trim_start_matches(blank).len();
    if lead > 0 {
        block.text.drain(..lead);
        for (start, _) in &mut block.lines {
            *start = start.saturating_sub(lead);
        }
        for m in &mut block.marks {
            m.start = m.start.saturating_sub(lead);
            m.end = m.end.saturating_sub(lead);
        }
    }
    let len = block.text.trim_end_matches(blank).len();
    block.text.truncate(len);
    block.lines.retain(|&(start, _)| start <= len);
    block.lines.dedup_by_key(|(start, _)| *start);
    if block.lines.is_empty() && block.kind != BlockKind::Rule {
        block.lines.push((0, block.line));
    }
    for m in &mut block.marks {
        m.end = m.end.min(len);
        m.start = m.start.min(m.end);
    }
    block.marks.retain(|m| m.end > m.start);
}

fn heading_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Adds `<mas.to/@name>`-style links: `CommonMark` needs a scheme for an autolink, note-takers don't.
fn add_bare_links(block: &mut Block) {
    let mut rest = block.text.as_str();
    let mut found = Vec::new();
    while let Some(start) = rest.find('<') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('>') else { break };
        let inner = &after[..end];
        if looks_like_bare_url(inner) && !block.links.iter().any(|l| l.url == inner) {
            found.push(Link { url: inner.to_owned(), text: inner.to_owned() });
        }
        rest = &after[end + 1..];
    }
    block.links.extend(found);
}

fn looks_like_bare_url(s: &str) -> bool {
    let host = s.split('/').next().unwrap_or_default();
    !s.contains(char::is_whitespace)
        && host.contains('.')
        && host.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        && host.rsplit('.').next().is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()))
}

#[cfg(test)]
mod tests {
    use super::*;

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

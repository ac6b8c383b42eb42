//! Building blocks from pulldown-cmark's events: one builder per block, the state of lists, tables
//! and quotes around it, and the clean-up of each finished block.

use super::super::text::LineIndex;
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use super::{Block, BlockKind, Link, Mark, MarkKind};

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
    split_lazy_time_lines(out, text, &index)
}

/// `- she ran the SRE team` / `1015 talk by takeshi …`: a time-led line at the left margin right
/// under a list item is a programme line of its own, not the item's lazy continuation (phone
/// notes leave no blank line). The item ends there; the rest is a paragraph of its own.
fn split_lazy_time_lines(blocks: Vec<Block>, text: &str, index: &LineIndex) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len());
    for block in blocks {
        let at_margin_time = |&(_, line): &(usize, u32)| {
            index.start_of(line).is_some_and(|s| {
                let source = &text[s..];
                source.starts_with(|c: char| c.is_ascii_digit())
                    && crate::ingest::clock::leading_time(source.lines().next().unwrap_or_default()).is_some()
            })
        };
        let cut =
            matches!(block.kind, BlockKind::Item { .. }).then(|| block.lines.iter().skip(1).position(at_margin_time));
        match cut.flatten() {
            Some(k) => {
                let (head, rest) = split_block(block, k + 1);
                out.push(head);
                out.extend(split_lazy_time_lines(vec![rest], text, index));
            }
            None => out.push(block),
        }
    }
    out
}

/// Block `block` parted before its line `k`: the item, and a paragraph outside any list.
fn split_block(mut block: Block, k: usize) -> (Block, Block) {
    let at = block.lines[k].0;
    let rest_text = block.text[at..].to_owned();
    let mut rest = Block {
        kind: BlockKind::Paragraph,
        text: rest_text,
        lines: block.lines[k..].iter().map(|&(s, l)| (s - at, l)).collect(),
        marks: block
            .marks
            .iter()
            .filter(|m| m.start >= at)
            .map(|m| Mark { start: m.start - at, end: m.end - at, ..*m })
            .collect(),
        links: Vec::new(),
        line: block.lines[k].1,
        in_quote: block.in_quote,
        depth: 0,
        group: 0,
    };
    (rest.links, block.links) = block.links.into_iter().partition(|l| rest.text.contains(&l.text));
    block.text.truncate(at.saturating_sub(1));
    block.lines.truncate(k);
    block.marks.retain(|m| m.end <= block.text.len());
    (block, rest)
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
        other => start_inline(other, line, current, state),
    }
}

/// An inline tag opens: a link, an image, or emphasis (kept as a mark over the text it covers).
fn start_inline(tag: Tag<'_>, line: u32, current: &mut Option<Builder>, state: &State) {
    let mark = match tag {
        Tag::Strong => Some(MarkKind::Strong),
        Tag::Emphasis => Some(MarkKind::Emphasis),
        Tag::Strikethrough => Some(MarkKind::Struck),
        Tag::Link { .. } | Tag::Image { .. } => None,
        // Other tags open nothing: no block is begun for them.
        _ => return,
    };
    let b = current.get_or_insert_with(|| Builder::new(BlockKind::Paragraph, line, state));
    match (tag, mark) {
        (Tag::Link { link_type, dest_url, .. }, _) => {
            open_link(b, matches!(link_type, LinkType::WikiLink { .. }), &dest_url, line);
        }
        (_, Some(kind)) => {
            let start = b.block.text.len() + usize::from(b.at_break);
            b.open_marks.push((kind, start));
        }
        _ => b.image_depth += 1,
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

/// The page a wikilink names: its last path part, without a heading anchor or an alias
/// (`People/Ana Ortiz#Talk` → `Ana Ortiz`), and without the date a note's file name opens with
/// (`[[2021-05-21 Headless CMS Panel|…]]` → `Headless CMS Panel`).
fn wiki_page(dest: &str) -> String {
    let page = dest.split(['#', '|']).next().unwrap_or(dest);
    let page = page.rsplit('/').next().unwrap_or(page).trim();
    let dated = page.get(..11).is_some_and(|d| {
        let b = d.as_bytes();
        b[..4].iter().all(u8::is_ascii_digit)
            && b[4] == b'-'
            && b[5..7].iter().all(u8::is_ascii_digit)
            && b[7] == b'-'
            && b[8..10].iter().all(u8::is_ascii_digit)
            && b[10] == b' '
    });
    let rest = if dated { page[11..].trim_start() } else { page };
    if rest.is_empty() { page.to_owned() } else { rest.to_owned() }
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

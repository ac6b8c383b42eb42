//! Markdown as a flat list of blocks with their original line numbers, read with pulldown-cmark.
//!
//! Owns: turning a Markdown document into headings, paragraphs and code blocks in document order,
//! each with plain text (emphasis and link syntax stripped), its links, its 1-based line and
//! whether it sits inside a block quote or a list. It does not decide what a block means.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::text::LineIndex;

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading of level 1–6.
    Heading(u8),
    /// A paragraph, or the text of a tight list item.
    Paragraph,
    /// A fenced or indented code block.
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

/// One block of a Markdown document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Heading, paragraph, code or rule.
    pub kind: BlockKind,
    /// Plain text: soft line breaks kept as `\n`, emphasis and link syntax removed, images left out.
    pub text: String,
    /// Links in order (autolinks, inline links and bare `<host/path>` forms).
    pub links: Vec<Link>,
    /// 1-based line where the block starts.
    pub line: u32,
    /// Inside a block quote.
    pub in_quote: bool,
    /// Inside a list item.
    pub in_list: bool,
}

impl Block {
    /// The heading level, if this is a heading.
    #[must_use]
    pub fn heading_level(&self) -> Option<u8> {
        match self.kind {
            BlockKind::Heading(level) => Some(level),
            _ => None,
        }
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
        rest.chars().all(|c| c.is_whitespace() || "*-•:,;<>[]()".contains(c))
    }
}

struct Builder {
    kind: BlockKind,
    text: String,
    links: Vec<Link>,
    line: u32,
    in_quote: bool,
    in_list: bool,
    /// Start in `text` of the link being read, with its URL.
    open_link: Option<(usize, String)>,
    image_depth: u32,
}

/// Splits `text` into blocks. Never panics, whatever the input.
#[must_use]
pub fn blocks(text: &str) -> Vec<Block> {
    let index = LineIndex::new(text);
    let mut out = Vec::new();
    let mut current: Option<Builder> = None;
    let mut quote_depth = 0u32;
    let mut list_depth = 0u32;

    let flush = |current: &mut Option<Builder>, out: &mut Vec<Block>| {
        if let Some(b) = current.take() {
            let mut block = Block {
                kind: b.kind,
                text: b.text.trim().to_owned(),
                links: b.links,
                line: b.line,
                in_quote: b.in_quote,
                in_list: b.in_list,
            };
            if block.kind != BlockKind::Code {
                add_bare_links(&mut block);
            }
            if !block.text.is_empty() || block.kind == BlockKind::Rule || !block.links.is_empty() {
                out.push(block);
            }
        }
    };

    for (event, range) in Parser::new_ext(text, Options::empty()).into_offset_iter() {
        let line = index.line_of(range.start);
        let open = |kind: BlockKind| Builder {
            kind,
            text: String::new(),
            links: Vec::new(),
            line,
            in_quote: quote_depth > 0,
            in_list: list_depth > 0,
            open_link: None,
            image_depth: 0,
        };
        match event {
            Event::Start(tag) => match tag {
                Tag::Heading { level, .. } => {
                    flush(&mut current, &mut out);
                    current = Some(open(BlockKind::Heading(heading_number(level))));
                }
                Tag::Paragraph => {
                    flush(&mut current, &mut out);
                    current = Some(open(BlockKind::Paragraph));
                }
                Tag::CodeBlock(_) => {
                    flush(&mut current, &mut out);
                    current = Some(open(BlockKind::Code));
                }
                Tag::BlockQuote(_) => {
                    flush(&mut current, &mut out);
                    quote_depth += 1;
                }
                Tag::List(_) => {
                    flush(&mut current, &mut out);
                    list_depth += 1;
                }
                Tag::Item => flush(&mut current, &mut out),
                Tag::Link { dest_url, .. } => {
                    let b = current.get_or_insert_with(|| open(BlockKind::Paragraph));
                    b.open_link = Some((b.text.len(), dest_url.to_string()));
                }
                Tag::Image { .. } => {
                    let b = current.get_or_insert_with(|| open(BlockKind::Paragraph));
                    b.image_depth += 1;
                }
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::CodeBlock | TagEnd::Item => {
                    flush(&mut current, &mut out);
                }
                TagEnd::BlockQuote(_) => {
                    flush(&mut current, &mut out);
                    quote_depth = quote_depth.saturating_sub(1);
                }
                TagEnd::List(_) => {
                    flush(&mut current, &mut out);
                    list_depth = list_depth.saturating_sub(1);
                }
                TagEnd::Link => {
                    if let Some(b) = current.as_mut() {
                        if let Some((start, url)) = b.open_link.take() {
                            let text = b.text.get(start..).unwrap_or_default().trim().to_owned();
                            b.links.push(Link { url, text });
                        }
                    }
                }
                TagEnd::Image => {
                    if let Some(b) = current.as_mut() {
                        b.image_depth = b.image_depth.saturating_sub(1);
                    }
                }
                _ => {}
            },
            Event::Text(t) | Event::Code(t) => {
                let b = current.get_or_insert_with(|| open(BlockKind::Paragraph));
                if b.image_depth == 0 {
                    b.text.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(b) = current.as_mut() {
                    b.text.push('\n');
                }
            }
            Event::Rule => {
                flush(&mut current, &mut out);
                current = Some(open(BlockKind::Rule));
                flush(&mut current, &mut out);
            }
            // `<sub>`, `<br>` format text; anything else in angle brackets (`<angle>`) is the
            // note-taker's text that Markdown happens to read as HTML: keep it.
            Event::InlineHtml(t) if !is_formatting_tag(&t) => {
                let b = current.get_or_insert_with(|| open(BlockKind::Paragraph));
                b.text.push_str(&t);
            }
            // Footnotes, math and task markers carry no notes text.
            _ => {}
        }
    }
    flush(&mut current, &mut out);
    out
}

/// An HTML tag that only formats (`<sub>`, `</b>`, `<br/>`, `<a href=…>`), or a comment.
fn is_formatting_tag(tag: &str) -> bool {
    const FORMATTING: &[&str] = &[
        "a", "abbr", "b", "big", "br", "center", "code", "del", "details", "div", "em", "font", "h1", "h2", "h3", "h4",
        "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "s", "small", "span", "strong",
        "sub", "summary", "sup", "table", "td", "th", "tr", "u", "ul", "video", "iframe", "picture", "source",
    ];
    if tag.starts_with("<!--") {
        return true;
    }
    let name: String = tag
        .trim_start_matches('<')
        .trim_start_matches('/')
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    FORMATTING.contains(&name.as_str())
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
        let summary: Vec<_> = b.iter().map(|b| (b.kind, b.text.as_str(), b.line, b.in_quote, b.in_list)).collect();
        assert_eq!(
            summary,
            vec![
                (BlockKind::Heading(1), "Pycascades 2025", 1, false, false),
                (BlockKind::Paragraph, "https://2025.pycascades.com", 3, false, false),
                (BlockKind::Rule, "", 5, false, false),
                (BlockKind::Heading(2), "Web Maps", 7, false, false),
                (BlockKind::Paragraph, "Christy Heaton", 9, false, false),
                (BlockKind::Paragraph, "mas.to/@christyheaton", 11, false, true),
                (BlockKind::Paragraph, "item two", 12, false, true),
                (BlockKind::Paragraph, "abstract\nmore", 14, true, false),
            ]
        );
        assert_eq!(b[1].links[0].url, "https://2025.pycascades.com");
        assert!(b[1].is_links_only());
        assert_eq!(b[5].links[0].url, "mas.to/@christyheaton");
    }

    #[test]
    fn link_text_is_kept_and_images_are_not() {
        let b = blocks("He gave \"[Rest Easy](https://youtu.be/x)\" ![alt](p.png) today\n");
        assert_eq!(b[0].text, "He gave \"Rest Easy\"  today");
        assert_eq!(b[0].links, vec![Link { url: "https://youtu.be/x".into(), text: "Rest Easy".into() }]);
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
        assert!(b[1].in_list);
    }
}

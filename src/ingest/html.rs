//! HTML pasted into notes from a website or a CMS (`<h3>Title</h3>`, `<p><strong>Speaker:</strong>
//! Name</p>`, `<li>…</li>`, `&amp;`), rewritten line for line into Markdown: headings, bold and
//! italics, list items and links keep their meaning; other tags go; entities are decoded.
//!
//! Owns the table of tags and what each becomes ([`TAGS`]); line numbers never move.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::{Captures, Regex};

/// How many lines must open with a block tag before a file is taken to hold pasted HTML.
const MIN_HTML_LINES: usize = 3;

/// Block tags whose lines mark pasted HTML.
static BLOCK_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*</?(?:h[1-6]|p|ul|ol|li|div|table|tr|td|th|section|article)\b").expect("valid regex")
});

/// Any tag, its name in group 2 and whether it closes in group 1.
static TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)<(/?)([a-z][a-z0-9]*)(?:\s[^<>]*)?/?>").expect("valid regex"));

/// `<a href="url">text</a>`.
static LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?i)<a\b[^>]*\bhref\s*=\s*["']([^"']+)["'][^>]*>(.*?)</a>"#).expect("valid regex"));

/// `&amp;`, `&#39;`, `&#x2014;`.
static ENTITY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});").expect("valid regex"));

/// What a tag becomes: its opening and closing text in Markdown.
pub const TAGS: &[(&str, &str, &str)] = &[
    ("h1", "# ", ""),
    ("h2", "## ", ""),
    ("h3", "### ", ""),
    ("h4", "#### ", ""),
    ("h5", "##### ", ""),
    ("h6", "###### ", ""),
    ("strong", "**", "**"),
    ("b", "**", "**"),
    ("em", "*", "*"),
    ("i", "*", "*"),
    ("li", "- ", ""),
    ("br", " ", ""),
];

/// Tags that close a block: a space stands where they stood.
const BLOCK_TAGS: &[&str] = &["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "tr"];

/// Named entities notes meet, and their characters.
const ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", ' '),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("middot", '·'),
];

/// `text` with pasted HTML rewritten as Markdown, line for line; unchanged when it holds none.
///
/// # Examples
///
/// ```
/// use confgraph::ingest::html::html_to_markdown;
///
/// let cms = "<h3>Screen Readers &amp; SPAs</h3>\n<p><strong>Speakers:</strong> Mateus Oliveira</p>\n<ul>\n<li>focus</li>\n</ul>\n";
/// assert_eq!(html_to_markdown(cms), "### Screen Readers & SPAs\n**Speakers:** Mateus Oliveira\n\n- focus\n\n");
/// assert_eq!(html_to_markdown("a <b>bold</b> word\n"), "a <b>bold</b> word\n");
/// // Autolinks stay; an entity for a line break does not add a line; a closing block tag parts.
/// let more = "<h3>T</h3><p>X&#10;Y</p>\n<p>see <https://x.example></p>\n<li>Z</li>\n";
/// assert_eq!(html_to_markdown(more), "### T X&#10;Y\nsee <https://x.example>\n- Z\n");
/// ```
#[must_use]
pub fn html_to_markdown(text: &str) -> Cow<'_, str> {
    if !text.contains('<') {
        return Cow::Borrowed(text);
    }
    // (HTML shown in a fenced code block is an example, not the notes.)
    let mut fenced = false;
    let outside: Vec<bool> = text
        .split_inclusive('\n')
        .map(|l| {
            if l.trim_start().starts_with("```") || l.trim_start().starts_with("~~~") {
                fenced = !fenced;
                return false;
            }
            !fenced
        })
        .collect();
    let block_lines = text.split_inclusive('\n').zip(&outside).filter(|(l, o)| **o && BLOCK_LINE.is_match(l)).count();
    if block_lines < MIN_HTML_LINES {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for (line, outside) in text.split_inclusive('\n').zip(outside) {
        let body = line.trim_end_matches(['\r', '\n']);
        let ending = &line[body.len()..];
        if outside && (body.contains('<') || body.contains('&')) {
            out.push_str(&markdown_line(body));
        } else {
            out.push_str(body);
        }
        out.push_str(ending);
    }
    Cow::Owned(out)
}

/// One line of HTML as Markdown.
fn markdown_line(line: &str) -> String {
    let linked = LINK.replace_all(line, |c: &Captures<'_>| format!("[{}]({})", &c[2], &c[1]));
    let tagged = TAG.replace_all(&linked, |c: &Captures<'_>| {
        let closing = !c[1].is_empty();
        let name = c[2].to_ascii_lowercase();
        // (`<h3>T</h3><p>X</p>`: a closing block tag parts what follows.)
        let block_end = closing && BLOCK_TAGS.contains(&name.as_str());
        TAGS.iter()
            .find(|(tag, _, _)| *tag == name)
            .map(|&(_, open, close)| if closing { close } else { open })
            .filter(|t| !t.is_empty())
            .unwrap_or(if block_end { " " } else { "" })
    });
    let decoded =
        ENTITY.replace_all(&tagged, |c: &Captures<'_>| entity(&c[1]).map_or_else(|| c[0].to_owned(), String::from));
    // (`<p>Text<br>` at a line's end leaves a space; `</li>` a dangling nothing.)
    let trimmed = decoded.trim_end();
    if trimmed.trim().is_empty() { String::new() } else { trimmed.to_owned() }
}

/// The character an entity stands for (none for a control character or a non-character, which
/// no output may hold: the entity then stays as written).
fn entity(name: &str) -> Option<char> {
    // (`&#10;` would add a line: line numbers never move.)
    decoded_entity(name).filter(|&c| !crate::text::is_dropped(c) && !matches!(c, '\n' | '\r'))
}

fn decoded_entity(name: &str) -> Option<char> {
    if let Some(hex) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
        return u32::from_str_radix(hex, 16).ok().and_then(char::from_u32);
    }
    if let Some(dec) = name.strip_prefix('#') {
        return dec.parse().ok().and_then(char::from_u32);
    }
    ENTITIES.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

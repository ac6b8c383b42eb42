//! A wiki page in `MediaWiki` markup pasted into notes (`== Schedule ==`, `'''bold'''`,
//! `[[Page|text]]`, `{{Template}}`, `{| class="wikitable"` tables), rewritten line for line into
//! Markdown: headings, emphasis, links and lists keep their meaning; a table's rows become
//! tab-separated lines (one per row line, as a spreadsheet pastes them), which the table shape
//! reads by its header; templates, categories and the table of contents go.
//!
//! Owns the table of line rules ([`LINE_RULES`]); line numbers never move.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

/// How many lines must carry wiki markup before a file is taken to be a wiki page.
const MIN_WIKI_LINES: usize = 3;

/// `== Heading ==`, the level in the count of `=`.
/// (Its text holds a letter or digit: a line of `=` underlines a reStructuredText title.)
static HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(={1,6})\s*([^=\s][^=]*?)\s*={1,6}\s*$").expect("valid regex"));

/// `[[Page|text]]`, `[[Page]]`, `[[User:Name|Name]]`.
static WIKI_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[\[([^\[\]|]*)(?:\|([^\[\]]*))?\]\]").expect("valid regex"));

/// `[https://example.org text]`.
static EXTERNAL_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[(?:https?|ftp)://[^\s\]]+\s+([^\]]+)\]").expect("valid regex"));

/// A one-line template `{{Slides|x.pdf}}`, `{{TODO}}`.
static TEMPLATE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\{\{[^{}]*\}\}").expect("valid regex"));

/// A cell's attributes before its text: `colspan="2" | text`, `rowspan=2 | text` (cells are
/// split on `||` first, so a single `|` left is the attributes' end).
static CELL_ATTRIBUTES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"^\s*(?:[a-z-]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s|"']+)\s*)+\|"#).expect("valid regex"));

/// Markdown bold: `**Ana**`.
static MARKDOWN_BOLD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\*\*[^*\s][^*]*\*\*").expect("valid regex"));

/// A Markdown heading below the title: `## Day 1` (a single `#` opens a wiki's numbered item).
static MARKDOWN_HEADING: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^#{2,6} \S").expect("valid regex"));

/// What a line of wiki markup becomes, by how it opens: the first rule that matches.
type LineRule = fn(&str, &mut State) -> Option<String>;

/// Where the rewriting is: inside a multi-line template, inside a table.
#[derive(Default)]
struct State {
    template_depth: usize,
    in_table: bool,
}

/// The line rules, in order.
const LINE_RULES: &[LineRule] = &[template_line, table_line, heading_line, list_line];

/// Rewrites a pasted `MediaWiki` page as Markdown, line for line; other text is returned as it is.
///
/// # Examples
/// ```
/// use confgraph::ingest::wiki::wiki_to_markdown;
/// let page = "== Schedule ==\n{| class=\"wikitable\"\n! Session !! Speaker\n|-\n| '''Keynote:''' ''Mud'' || [[Ana Lima]]\n|}\n";
/// assert_eq!(wiki_to_markdown(page), "## Schedule\n\nSession\tSpeaker\n\n**Keynote:** *Mud*\tAna Lima\n\n");
/// ```
#[must_use]
pub fn wiki_to_markdown(text: &str) -> Cow<'_, str> {
    if !is_wiki(text) {
        return Cow::Borrowed(text);
    }
    let mut state = State::default();
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let rewritten = LINE_RULES.iter().find_map(|rule| rule(body, &mut state)).unwrap_or_else(|| inline(body));
        out.push_str(&rewritten);
        out.push_str(&line[body.len()..]);
    }
    Cow::Owned(out)
}

/// Whether enough lines carry markup only a wiki page has.
fn is_wiki(text: &str) -> bool {
    let marked = |l: &str| {
        let l = l.trim();
        HEADING.is_match(l) && l.starts_with("==")
            || l.starts_with("{|")
            || l.starts_with("|-")
            || l.starts_with("{{")
            || l.contains("'''")
            || l.contains("[[")
    };
    // Markup only a wiki has (a table, a template, bold in triple quotes) and none of Markdown's
    // headings or bold: `== Day 1 ==` and `[[links]]` alone are Obsidian notes as well.
    let wiki_only = text.lines().any(|l| {
        let t = l.trim_start();
        t.starts_with("{|") || t.starts_with("{{") || t.contains("'''")
    });
    // (`** item` is a wiki's nested bullet; Markdown bold is a pair inside a line.)
    let markdown =
        text.lines().any(|l| MARKDOWN_HEADING.is_match(l) || !l.starts_with(['*', '#']) && MARKDOWN_BOLD.is_match(l));
    wiki_only && !markdown && text.lines().filter(|l| marked(l)).count() >= MIN_WIKI_LINES
}

/// Lines of a template spread over several lines (`{{Infobox event`, `| name = …`, `}}`): its
/// parameters become `name: value` lines; one-line templates go.
fn template_line(line: &str, state: &mut State) -> Option<String> {
    let t = line.trim();
    if state.template_depth == 0 {
        let opened = t.matches("{{").count().saturating_sub(t.matches("}}").count());
        if t.starts_with("{{") && opened > 0 {
            state.template_depth = opened;
            return Some(String::new());
        }
        return None;
    }
    state.template_depth = (state.template_depth + t.matches("{{").count()).saturating_sub(t.matches("}}").count());
    let param = t.trim_start_matches('|').trim_end_matches("}}");
    Some(match param.split_once('=') {
        Some((key, value)) if !value.trim().is_empty() => format!("{}: {}", key.trim(), inline(value.trim())),
        _ => String::new(),
    })
}

/// Table lines: `{|` and `|}` go, `|-` is a blank line between rows, `! a !! b` and
/// `| a || b` are tab-separated cells; `|+` (a caption) is a line of text.
fn table_line(line: &str, state: &mut State) -> Option<String> {
    let t = line.trim_start();
    if t.starts_with("{|") {
        state.in_table = true;
        return Some(String::new());
    }
    if !state.in_table {
        return None;
    }
    if t.starts_with("|}") {
        state.in_table = false;
        return Some(String::new());
    }
    if t.starts_with("|-") {
        return Some(String::new());
    }
    if let Some(caption) = t.strip_prefix("|+") {
        return Some(inline(caption.trim()));
    }
    let (cells, separator) = match t.chars().next() {
        Some('!') => (&t[1..], "!!"),
        Some('|') => (&t[1..], "||"),
        _ => return None,
    };
    let cells: Vec<String> =
        cells.split(separator).map(|cell| inline(CELL_ATTRIBUTES.replace(cell, "").trim())).collect();
    Some(cells.join("\t"))
}

/// `== Heading ==` → `## Heading`.
fn heading_line(line: &str, _: &mut State) -> Option<String> {
    let caps = HEADING.captures(line.trim())?;
    Some(format!("{} {}", "#".repeat(caps[1].len()), inline(&caps[2])))
}

/// `* item`, `** nested`, `# numbered`, `; term : definition`.
fn list_line(line: &str, _: &mut State) -> Option<String> {
    let marks: String = line.chars().take_while(|c| matches!(c, '*' | '#' | ':' | ';')).collect();
    let rest = line[marks.len()..].trim();
    if marks.is_empty() || rest.is_empty() && !marks.starts_with('#') || rest.starts_with('*') {
        return None;
    }
    let indent = "  ".repeat(marks.len() - 1);
    let bullet = match marks.chars().last() {
        Some('#') => "1.",
        Some(';') => return Some(format!("{indent}**{}**", inline(rest))),
        Some(':') if marks.len() == 1 => return Some(inline(rest)),
        _ => "*",
    };
    Some(format!("{indent}{bullet} {}", inline(rest)))
}

/// Emphasis, links and templates inside a line.
fn inline(text: &str) -> String {
    let text = TEMPLATE.replace_all(text, "");
    let text = WIKI_LINK.replace_all(&text, |caps: &regex::Captures<'_>| {
        let page = caps[1].trim();
        if page.starts_with("Category:") || page.starts_with("File:") || page.starts_with("Image:") {
            return String::new();
        }
        caps.get(2).map_or_else(|| page.trim_start_matches('#').to_owned(), |shown| shown.as_str().trim().to_owned())
    });
    let text = EXTERNAL_LINK.replace_all(&text, "$1");
    let text = text.replace("'''''", "***").replace("'''", "**").replace("''", "*");
    text.replace("__TOC__", "").replace("__NOTOC__", "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_keeps_its_lines_and_meaning() {
        let page = "{{Infobox event\n| name = Gearloft 2023\n}}\nThe '''Gearloft 2023''' ([[Eindhoven]]).\n\n== Notes ==\n=== Mud ===\n* [[User:Ab|Ana]] said ''this''\n# step one\n[[Category:2023]]\n";
        let md = wiki_to_markdown(page);
        assert_eq!(md.lines().count(), page.lines().count());
        let lines: Vec<&str> = md.lines().collect();
        assert_eq!(lines[1], "name: Gearloft 2023");
        assert_eq!(lines[3], "The **Gearloft 2023** (Eindhoven).");
        assert_eq!(lines[5..10], ["## Notes", "### Mud", "* Ana said *this*", "1. step one", ""]);
    }

    #[test]
    fn table_rows_become_tab_separated_cells() {
        let page = "== S ==\n{| class=\"wikitable\"\n! Time !! Session !! Speaker(s)\n|-\n| 15:00 || Lightning talks || colspan=\"2\" | see below\n|-\n| 16:00 || Mud || style=\"color:red\"|Ana Lima\n| 17:00 || Dust || rowspan=2 | Dana Okafor\n|}\n";
        let md = wiki_to_markdown(page);
        let lines: Vec<&str> = md.lines().collect();
        assert_eq!(lines[2], "Time\tSession\tSpeaker(s)");
        assert_eq!(lines[4], "15:00\tLightning talks\tsee below");
        assert_eq!(lines[6..8], ["16:00\tMud\tAna Lima", "17:00\tDust\tDana Okafor"]);
    }

    #[test]
    fn markdown_and_plain_notes_are_left_alone() {
        let obsidian = "# Notes\n\n== Day 1 ==\n- [[Rust]] and [[Wasm]]\n- {{embed}} **Ana** — the parser talk\n";
        let cases = [
            "# Talk\n\n* Ana said 'this' and ''that''\n",
            "== Not a wiki ==\nplain text\n",
            "[[a]] [[b]] [[c]]\n",
            obsidian,
        ];
        for text in cases {
            assert!(matches!(wiki_to_markdown(text), Cow::Borrowed(_)), "{text}");
        }
    }
}

//! Notes written in another lightweight markup: Org mode (`* Heading`, `:PROPERTIES:` drawers,
//! `#+TITLE:`), `AsciiDoc` (`= Title`, `== Section`, `Term:: description`) and reStructuredText
//! (underlined titles, `:Field: value`, `.. directive::`), told by their content and rewritten
//! line for line into the Markdown the rest of the reader knows.
//!
//! Owns one rule table per dialect ([`DIALECTS`]); line numbers never move. Org and `AsciiDoc` are
//! here, `reStructuredText` in `rst.rs`, and plain-text conventions (definition lists, quoted mail,
//! banners, dot leaders …) in `plain.rs`, Obsidian callouts in `callouts.rs`.

mod callouts;
mod plain;
mod rst;

pub use callouts::unfold_callouts;
pub use plain::*;
use rst::{is_rst, rst_to_markdown};

use std::borrow::Cow;
use std::fmt::Write as _;

/// A markup dialect: how to tell it and how to rewrite one of its lines.
pub struct Dialect {
    /// Its name.
    pub name: &'static str,
    /// True when the text is written in it.
    pub detect: fn(&str) -> bool,
    /// The text rewritten as Markdown, line for line.
    pub rewrite: fn(&str) -> String,
}

/// Every dialect confgraph rewrites.
pub static DIALECTS: &[Dialect] = &[
    Dialect { name: "Org mode", detect: is_org, rewrite: org_to_markdown },
    Dialect { name: "AsciiDoc", detect: is_asciidoc, rewrite: asciidoc_to_markdown },
    Dialect { name: "reStructuredText", detect: is_rst, rewrite: rst_to_markdown },
];

/// The text as Markdown, and the dialect it was written in (if not Markdown).
///
/// # Examples
///
/// ```
/// use confgraph::ingest::dialects::to_markdown;
///
/// let (md, dialect) = to_markdown("#+TITLE: BeamCamp 2023\n* Talks\n** Fast BEAM :keynote:\n   :PROPERTIES:\n   :SPEAKER: Ana Ortiz\n   :END:\n");
/// assert_eq!(dialect, Some("Org mode"));
/// assert_eq!(md, "# BeamCamp 2023\n# Talks\n## Fast BEAM (keynote)\n\n   Speaker: Ana Ortiz\n\n");
/// ```
#[must_use]
pub fn to_markdown(text: &str) -> (Cow<'_, str>, Option<&'static str>) {
    DIALECTS
        .iter()
        .find(|d| (d.detect)(text))
        .map_or_else(|| (Cow::Borrowed(text), None), |d| (Cow::Owned((d.rewrite)(text)), Some(d.name)))
}

fn is_org(text: &str) -> bool {
    let lines = text.lines().take(400);
    let mut keywords = 0;
    let mut headings = 0;
    for l in lines {
        if l.starts_with("#+") {
            keywords += 1;
        } else if l.trim() == ":PROPERTIES:" {
            keywords += 2;
        } else if l.starts_with('*') && l.trim_start_matches('*').starts_with(' ') {
            headings += 1;
        }
    }
    keywords >= 1 && headings >= 2
}

fn is_asciidoc(text: &str) -> bool {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let first = lines.next().unwrap_or_default();
    first.starts_with("= ") && text.lines().any(|l| l.starts_with("== ") || l.contains(":: ") || l.starts_with(":toc"))
}

/// Org tags that name a session's kind.
const KIND_TAGS: &[&str] = &["keynote", "workshop", "tutorial", "panel", "lightning"];

fn org_to_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split('\n') {
        let t = line.trim();
        let rewritten = if let Some(title) = line.strip_prefix("#+TITLE:").or_else(|| line.strip_prefix("#+title:")) {
            format!("# {}", title.trim())
        } else if line.starts_with("#+")
            || t == ":PROPERTIES:"
            || t == ":END:"
            || t.starts_with("CLOSED:")
            || t.starts_with("SCHEDULED:")
        {
            String::new()
        } else if line.starts_with('*') && line.trim_start_matches('*').starts_with(' ') {
            org_heading(line)
        } else if let Some(property) = org_property(t) {
            let indent = &line[..line.len() - line.trim_start().len()];
            format!("{indent}{property}")
        } else {
            org_links(line)
        };
        out.push_str(&rewritten);
        out.push('\n');
    }
    out.pop();
    out
}

/// Org keywords of a task still to do: such a heading is an item of a to-do list, not a part of
/// the notes (`*** TODO ask Élise for the dataset`).
const OPEN_TASK: &[&str] = &["TODO ", "NEXT ", "WAITING "];

/// `** DONE Title :keynote:otp:` → `## Title (keynote)`; `*** TODO ask Ana` → `- [ ] ask Ana`.
fn org_heading(line: &str) -> String {
    let level = line.chars().take_while(|c| *c == '*').count().min(6);
    let mut rest = line[level..].trim();
    if let Some(task) = OPEN_TASK.iter().find_map(|k| rest.strip_prefix(k)) {
        return format!("- [ ] {}", org_links(task.trim()));
    }
    for keyword in ["DONE ", "CANCELLED ", "CANCELED "] {
        rest = rest.strip_prefix(keyword).unwrap_or(rest);
    }
    let mut kind = None;
    if rest.ends_with(':')
        && let Some(start) = rest[..rest.len() - 1].rfind(char::is_whitespace)
    {
        let tags = &rest[start..].trim();
        if tags.starts_with(':') && !tags.contains(' ') {
            kind = tags.split(':').find(|t| KIND_TAGS.contains(&t.to_lowercase().as_str())).map(str::to_lowercase);
            rest = rest[..start].trim_end();
        }
    }
    let rest = org_links(rest);
    match kind {
        Some(k) => format!("{} {rest} ({k})", "#".repeat(level)),
        None => format!("{} {rest}", "#".repeat(level)),
    }
}

/// `:SPEAKER:  Ana Ortiz` → `Speaker: Ana Ortiz` (`:SPEAKER+:` too).
fn org_property(t: &str) -> Option<String> {
    let rest = t.strip_prefix(':')?;
    let end = rest.find(':')?;
    let key = rest[..end].trim_end_matches('+');
    if key.is_empty() || !key.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-') {
        return None;
    }
    let value = rest[end + 1..].trim();
    let mut key = key.to_lowercase().replace('_', " ");
    if let Some(first) = key.get(..1) {
        key = first.to_uppercase() + &key[1..];
    }
    Some(format!("{key}: {value}"))
}

/// `[[url][text]]` → `[text](url)`, `[[url]]` → `<url>`.
fn org_links(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(start) = rest.find("[[") {
        let Some(end) = rest[start..].find("]]") else { break };
        let inner = &rest[start + 2..start + end];
        out.push_str(&rest[..start]);
        match inner.split_once("][") {
            Some((url, text)) => {
                let _ = write!(out, "[{text}]({url})");
            }
            None => {
                let _ = write!(out, "<{inner}>");
            }
        }
        rest = &rest[start + end + 2..];
    }
    out.push_str(rest);
    out
}

fn asciidoc_to_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut level = 1usize;
    let mut in_header = true;
    for line in text.split('\n') {
        let t = line.trim_end();
        let rewritten = if let Some(stripped) = heading_of(t) {
            level = stripped.0;
            in_header = level == 1;
            format!("{} {}", "#".repeat(level), stripped.1)
        } else if in_header && !t.is_empty() {
            // The author and revision lines and the attributes under the title.
            String::new()
        } else if t.starts_with(':') && t[1..].contains(": ") || t.starts_with(':') && t.ends_with(':') {
            String::new()
        } else if let Some((term, description)) =
            t.split_once(":: ").filter(|(term, _)| !term.starts_with(['*', '-', ' ']))
        {
            let as_label = format!("{}: {}", term.trim(), description.trim());
            if super::labels::labels_of(&as_label).is_empty() {
                // `Title:: Speaker` entries become headings one level down, their bullets their notes.
                format!("{} {} :: {}", "#".repeat((level + 1).min(6)), term.trim(), description.trim())
            } else {
                // `Speaker:: Ana Ortiz`: a label line of the section above.
                as_label
            }
        } else {
            if t.is_empty() {
                in_header = false;
            }
            line.to_owned()
        };
        out.push_str(&rewritten);
        out.push('\n');
    }
    out.pop();
    out
}

/// `== Section` → (2, `Section`).
fn heading_of(line: &str) -> Option<(usize, &str)> {
    let level = line.chars().take_while(|c| *c == '=').count();
    (1..=6).contains(&level).then(|| line[level..].strip_prefix(' ')).flatten().map(|rest| (level, rest.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asciidoc_lines_keep_their_numbers() {
        let text = "= Bytecode Harbour 2022\nLinnea <l@x.org>\nv1.1, 2022-06-12\n:toc: left\n\nIntro text.\n\n== Thursday\n\nVirtual Threads:: Aiko Tanaka, Oracle\n* pinning\n";
        let (md, dialect) = to_markdown(text);
        assert_eq!(dialect, Some("AsciiDoc"));
        assert_eq!(md.lines().count(), text.lines().count());
        assert!(md.contains("\n## Thursday\n"));
        assert!(md.contains("\n### Virtual Threads :: Aiko Tanaka, Oracle\n"));
        assert!(!md.contains("Linnea"));
    }

    #[test]
    fn markdown_stays() {
        let text = "# RustFest 2019\n\n## Talk\n\n* item\n";
        assert_eq!(to_markdown(text), (Cow::Borrowed(text), None));
    }
}

#[cfg(test)]
mod rst_tests {
    use super::rst::rst_list_table;
    use super::*;

    #[test]
    fn rst_titles_fields_and_directives_become_markdown() {
        let rst = "=====\nTitle\n=====\n\n:Event: X 2022\n\n.. note::\n\n   Kept text.\n\nMorning\n=======\n\nTalk One\n--------\n\n:Speaker: Ana Ortiz\n\n#. First\n";
        let (md, dialect) = to_markdown(rst);
        assert_eq!(dialect, Some("reStructuredText"));
        let lines: Vec<&str> = md.lines().collect();
        assert_eq!(lines.len(), rst.lines().count());
        assert_eq!(lines[1], "# Title");
        assert_eq!(lines[4], "Event: X 2022");
        assert_eq!(lines[8], "Kept text.");
        assert_eq!(lines[10], "## Morning");
        assert_eq!(lines[13], "### Talk One");
        assert_eq!(lines[16], "Speaker: Ana Ortiz");
        assert_eq!(lines[18], "1. First");
    }

    #[test]
    fn a_list_table_becomes_tab_separated_rows() {
        let lines = [
            ".. list-table::",
            "   :header-rows: 1",
            "",
            "   * - Time",
            "     - Paper",
            "   * - 13:30",
            "     - Julia for Ecologists",
            "     - Rangi Te Whare",
            "x",
        ];
        let mut out: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
        rst_list_table(&lines, 1, &mut out);
        assert_eq!(out[3], "Time\tPaper");
        assert_eq!(out[5], "13:30\tJulia for Ecologists\tRangi Te Whare");
        assert_eq!((out[4].as_str(), out[6].as_str(), out[8].as_str()), ("", "", "x"));
    }

    #[test]
    fn markdown_with_setext_headings_is_not_rst() {
        assert!(!is_rst("Notes\n=====\n\nTalks\n-----\n\n- A — B\n"));
    }
}

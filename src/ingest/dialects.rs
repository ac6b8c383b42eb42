//! Notes written in another lightweight markup: Org mode (`* Heading`, `:PROPERTIES:` drawers,
//! `#+TITLE:`), `AsciiDoc` (`= Title`, `== Section`, `Term:: description`) and reStructuredText
//! (underlined titles, `:Field: value`, `.. directive::`), told by their content and rewritten
//! line for line into the Markdown the rest of the reader knows.
//!
//! Owns one rule table per dialect ([`DIALECTS`]); line numbers never move.

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

/// Definition lists (Pandoc, PHP Markdown Extra: a term line, then `: definition` lines under
/// it) with the `: ` markers taken off, line for line, so that a term and its definitions read as
/// one block (`Single-cell atlases` / `: Margarethe Oyelaran-Schmidt` is a title over its
/// speaker). Only a text with two terms or more is touched.
///
/// ```
/// use confgraph::ingest::dialects::definition_lists;
///
/// let dl = "Opening remarks\n: Sunniva Åkesson\n\nFast BLAST\n: Kenji Mori\n: \"great\"\n";
/// assert_eq!(definition_lists(dl), "Opening remarks\nSunniva Åkesson\n\nFast BLAST\nKenji Mori\n\"great\"\n");
/// assert_eq!(definition_lists("Time\n: now\n"), "Time\n: now\n");
/// ```
#[must_use]
pub fn definition_lists(text: &str) -> Cow<'_, str> {
    let is_definition = |line: &str| line.starts_with(": ") || line.starts_with(":\t");
    if !text.contains("\n: ") && !text.contains("\n:\t") {
        return Cow::Borrowed(text);
    }
    // A definition counts when it follows its term (or another definition of it).
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut marked = vec![false; lines.len()];
    let mut terms = 0;
    for i in 1..lines.len() {
        if !is_definition(lines[i]) {
            continue;
        }
        let prev = lines[i - 1].trim_end();
        if marked[i - 1] {
            marked[i] = true;
        } else if !prev.is_empty() && !prev.starts_with(['#', '-', '*', '>', '|']) && !is_definition(prev) {
            marked[i] = true;
            terms += 1;
        }
    }
    if terms < 2 {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for (line, definition) in lines.iter().zip(marked) {
        out.push_str(if definition { line[1..].trim_start_matches([' ', '\t']) } else { line });
    }
    Cow::Owned(out)
}

/// A reply's attribution line: `On Mon, 10 Feb 2025 at 09:15, Renata <r@x> wrote:`, `Am … schrieb
/// …:`, `Le … a écrit :`, `El … escribió:`.
fn is_attribution(line: &str) -> bool {
    let t = line.trim();
    let opens = ["On ", "Am ", "Le ", "El ", "Em ", "Op "].iter().any(|o| t.starts_with(o));
    let ends = ["wrote:", "schrieb:", "a écrit :", "a écrit:", "escribió:", "escreveu:", "schreef:"]
        .iter()
        .any(|e| t.ends_with(e));
    opens && ends && t.len() < 200
}

/// A forwarded or replied-to e-mail whose programme is quoted (`> 2. 09:30  Keynote: "T"`), with
/// the note-taker's comments between: the quote marks are taken off, line for line, when the
/// quoted lines hold a programme (three or more time-led or numbered lines) and not just a few
/// quotations from talks.
///
/// ```
/// use confgraph::ingest::dialects::unquote_mail;
///
/// let mail = "> 1. 09:00 Welcome\n> 2. 09:30 Keynote — Ana Ortiz\n\ngood one\n\n> 3. 10:30 Coffee\n";
/// assert_eq!(unquote_mail(mail), "1. 09:00 Welcome\n2. 09:30 Keynote — Ana Ortiz\n\ngood one\n\n3. 10:30 Coffee\n");
/// assert_eq!(unquote_mail("> \"a README is a letter to a stranger\"\n"), "> \"a README is a letter to a stranger\"\n");
/// ```
#[must_use]
pub fn unquote_mail(text: &str) -> Cow<'_, str> {
    let quoted = |l: &str| l.starts_with('>');
    let inner = |l: &str| l.trim_start_matches('>').trim_start().to_owned();
    let timed = |t: &str| {
        let b = t.as_bytes();
        b.len() > 4 && b[0].is_ascii_digit() && (b[1] == b':' || b[2] == b':' || b[1] == b'.' || b[2] == b'.')
    };
    let led = |l: &str| {
        let t = inner(l);
        let numbered = t.split_once(". ").is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()));
        let after_number =
            t.trim_start_matches(|c: char| c.is_ascii_digit()).trim_start_matches(['.', ')']).trim_start();
        timed(&t) || numbered || timed(after_number)
    };
    if text.lines().filter(|l| quoted(l) && led(l)).count() < 3 {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        if quoted(line) {
            let body = line.trim_start_matches('>');
            out.push_str(body.strip_prefix(' ').unwrap_or(body));
        } else if is_attribution(line) {
            // `On Mon, 10 Feb 2025 at 09:15, Renata <r@x> wrote:`: who is quoted, not a talk.
            out.push_str(&line[line.trim_end().len()..]);
        } else {
            out.push_str(line);
        }
    }
    Cow::Owned(out)
}

/// `==== Title ====` banners (two or more in a file), as plain-text notes set off each talk,
/// rewritten as `##` headings, line for line.
///
/// ```
/// use confgraph::ingest::dialects::banner_headings;
///
/// assert_eq!(banner_headings("==== Welcome ====\nby Ana\n\n== Fonts ==\nby Bo\n"), "## Welcome\nby Ana\n\n## Fonts\nby Bo\n");
/// assert_eq!(banner_headings("a == b == c\n"), "a == b == c\n");
/// ```
#[must_use]
pub fn banner_headings(text: &str) -> Cow<'_, str> {
    let banner = |line: &str| -> Option<(usize, usize)> {
        let t = line.trim_end();
        let lead = t.len() - t.trim_start_matches('=').len();
        let tail = t.len() - t.trim_end_matches('=').len();
        let inner = t.get(lead..t.len() - tail)?;
        (lead >= 2 && tail >= 2 && inner.starts_with(' ') && inner.ends_with(' ') && inner.trim().len() >= 2)
            .then_some((lead, t.len() - tail))
    };
    if !text.contains("== ") || !text.lines().any(|l| banner(l).is_some()) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        match banner(line) {
            Some((from, to)) => {
                out.push_str("## ");
                out.push_str(line[from..to].trim());
                out.push_str(&line[line.trim_end().len()..]);
            }
            None => out.push_str(line),
        }
    }
    Cow::Owned(out)
}

/// Sub-numbered agenda items (`1a. Title`, `2b) Title`, `(c) Title`, an indented `a) Title`), which Markdown reads as
/// text, rewritten as nested list items, line for line.
///
/// ```
/// use confgraph::ingest::dialects::lettered_items;
///
/// assert_eq!(lettered_items("1. Opening\n   1a. Welcome — Ana Ortiz\n   1b) Keynote\n"), "1. Opening\n   - Welcome — Ana Ortiz\n   - Keynote\n");
/// assert_eq!(lettered_items("7) Lightning talks\n   a) Tape - Bex\n   b) Mics - Kofi\n"), "7) Lightning talks\n   - Tape - Bex\n   - Mics - Kofi\n");
/// assert_eq!(lettered_items("See 1a. above\n"), "See 1a. above\n");
/// ```
#[must_use]
pub fn lettered_items(text: &str) -> Cow<'_, str> {
    let marker_len = |line: &str| -> Option<usize> {
        let t = line.trim_start();
        let b = t.as_bytes();
        let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
        let len = if digits > 0 && digits <= 2 && b.get(digits).is_some_and(u8::is_ascii_lowercase) {
            matches!(b.get(digits + 1), Some(b'.' | b')')).then_some(digits + 2)
        } else if b.first() == Some(&b'(') && b.get(1).is_some_and(u8::is_ascii_lowercase) && b.get(2) == Some(&b')') {
            Some(3)
        } else if t.len() < line.len() && b.first().is_some_and(u8::is_ascii_lowercase) && b.get(1) == Some(&b')') {
            // `   a) Title - Name` indented under a numbered item.
            Some(2)
        } else {
            None
        }?;
        (b.get(len) == Some(&b' ')).then_some(line.len() - t.len() + len)
    };
    if text.lines().filter(|l| marker_len(l).is_some()).count() < 2 {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        match marker_len(line) {
            Some(end) => {
                let indent = line.len() - line.trim_start().len();
                out.push_str(&line[..indent]);
                out.push('-');
                out.push_str(&line[end..]);
            }
            None => out.push_str(line),
        }
    }
    Cow::Owned(out)
}

/// Dot leaders between a title and its speaker (`Varroa: The Next Ten Years ...... Prof. Dr.
/// Marta Horvat`), as printed programmes and tables of contents set them.
static DOT_LEADER: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"(\S)(?: \.{4,}|\.{6,}) (\S)").expect("valid regex"));

/// Dot leaders rewritten as a spaced dash, line for line: `Title ........ Speaker` reads as
/// `Title — Speaker`.
///
/// ```
/// use confgraph::ingest::dialects::dot_leaders;
///
/// assert_eq!(dot_leaders("[talk] Queen Rearing ....... Hamza Yılmaz   ***\n"), "[talk] Queen Rearing — Hamza Yılmaz   ***\n");
/// assert_eq!(dot_leaders("and then... she left\n"), "and then... she left\n");
/// // An ellipsis in prose is no leader.
/// assert_eq!(dot_leaders("databases are involved.... but if\n"), "databases are involved.... but if\n");
/// ```
#[must_use]
pub fn dot_leaders(text: &str) -> Cow<'_, str> {
    if !text.contains("....") {
        return Cow::Borrowed(text);
    }
    DOT_LEADER.replace_all(text, "$1 — $2")
}

/// Bullets typed as symbols (`• item`, `◦ nested`, `▪ item`), as chat clients, word processors
/// and web pages give them, rewritten as Markdown list markers, line for line.
///
/// ```
/// use confgraph::ingest::dialects::symbol_bullets;
///
/// assert_eq!(symbol_bullets("lightning talks:\n• TinyGo – Cheikh Mbaye\n  ◦ fun\n"), "lightning talks:\n- TinyGo – Cheikh Mbaye\n  - fun\n");
/// assert_eq!(symbol_bullets("no bullets • here\n"), "no bullets • here\n");
/// ```
#[must_use]
pub fn symbol_bullets(text: &str) -> Cow<'_, str> {
    // (`–`: the en dash a bullet journal or a word processor gives as a note's bullet.)
    const SYMBOLS: &[char] = &['•', '◦', '‣', '▪', '▫', '●', '○', '■', '□', '➤', '►', '·', '–'];
    let is_bulleted = |line: &str| {
        let t = line.trim_start();
        t.starts_with(SYMBOLS) && t.chars().nth(1).is_some_and(|c| c == ' ' || c == '\t')
    };
    // Every symbol but the middle dot is three bytes of UTF-8 led by 0xE2 (U+2000–U+2FFF): a
    // byte scan rules most files out before any line is looked at.
    if !(text.as_bytes().contains(&0xE2) || text.contains("· ")) || !text.lines().any(is_bulleted) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        if is_bulleted(line) {
            let indent = line.len() - line.trim_start().len();
            let symbol = line[indent..].chars().next().map_or(0, char::len_utf8);
            out.push_str(&line[..indent]);
            out.push('-');
            out.push_str(&line[indent + symbol..]);
        } else {
            out.push_str(line);
        }
    }
    Cow::Owned(out)
}

/// A paper's number in an academic programme (`1.1 `, `12.3a `).
static DECIMAL_ITEM: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"^\s*([1-9]\d?)\.([1-9]\d?)[a-z]?\s+\S").expect("valid regex"));

/// Lines numbered as papers in a session (`1.1 Title. Authors (Affiliation)`, two or more in the
/// file) rewritten as list items, line for line: the talks of a session, as a list.
///
/// ```
/// use confgraph::ingest::dialects::decimal_items;
///
/// let minutes = "Session 1 (chair: Ana)\n1.1 Fast AUVs. M. Petrov (KTH)\n1.2 Sea Ice. Ji-ho Park\n";
/// assert_eq!(decimal_items(minutes).lines().nth(2), Some("- Sea Ice. Ji-ho Park"));
/// // Dotted times are no papers' numbers.
/// let programme = "09.30 Welcome\n10.15 Keynote – Ana Ortiz\n11.20 Lunch\n";
/// assert_eq!(decimal_items(programme), programme);
/// ```
#[must_use]
pub fn decimal_items(text: &str) -> Cow<'_, str> {
    // Papers numbered in sequence (`3.1`, `3.2`): dotted times (`09.30`, `10.15 Keynote`) never
    // start one at 1 and go on by one.
    let numbers: Vec<(u32, u32)> = text
        .lines()
        .filter_map(|l| DECIMAL_ITEM.captures(l))
        .filter_map(|c| Some((c[1].parse().ok()?, c[2].parse().ok()?)))
        .collect();
    let in_sequence = numbers.iter().any(|&(n, k)| k == 1 && numbers.contains(&(n, 2)));
    if !in_sequence {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        if DECIMAL_ITEM.is_match(line) {
            let rest = line.trim_start();
            let number = rest.find(char::is_whitespace).unwrap_or(rest.len());
            out.push_str("- ");
            out.push_str(rest[number..].trim_start());
        } else {
            out.push_str(line);
        }
    }
    Cow::Owned(out)
}

/// A line that is only bold text (`**Relevance Is a Moving Target** (opening keynote)`).
static BOLD_LINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^\*\*([^*]{3,120})\*\*(\s*\([^)]{1,60}\))?\s*$").expect("valid regex")
});

/// Bold lines standing alone as headings (a paragraph of their own, three or more in the file)
/// rewritten as `####` headings, line for line: notes that set each talk's title in bold and
/// tell of it in the paragraphs below.
///
/// ```
/// use confgraph::ingest::dialects::bold_lines_as_headings;
///
/// let notes = "**A Talk**\n\nAna said x.\n\n**B Talk** (keynote)\n\nBo said y.\n\n**C Talk**\n\nz\n";
/// assert_eq!(bold_lines_as_headings(notes).lines().nth(4), Some("#### B Talk (keynote)"));
/// assert_eq!(bold_lines_as_headings("**Only one**\n\ntext\n"), "**Only one**\n\ntext\n");
/// ```
#[must_use]
pub fn bold_lines_as_headings(text: &str) -> Cow<'_, str> {
    if !text.contains("**") {
        return Cow::Borrowed(text);
    }
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let alone = |i: usize| {
        let blank = |j: Option<usize>| j.and_then(|j| lines.get(j)).is_none_or(|l| l.trim().is_empty());
        BOLD_LINE.is_match(lines[i].trim_end()) && blank(i.checked_sub(1)) && blank(Some(i + 1))
    };
    let bold: Vec<usize> = (0..lines.len()).filter(|&i| alone(i)).collect();
    if bold.len() < 3 {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + bold.len() * 4);
    for (i, line) in lines.iter().enumerate() {
        if bold.binary_search(&i).is_ok() {
            let ending = &line[line.trim_end().len()..];
            out.push_str("#### ");
            out.push_str(&line.trim_end().replacen("**", "", 2));
            out.push_str(ending);
        } else {
            out.push_str(line);
        }
    }
    Cow::Owned(out)
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

/// Characters that underline (and overline) a reStructuredText section title.
const RST_ADORNMENTS: &[char] = &['=', '-', '~', '^', '"', '\'', '`', '#', '*', '+', ':', '.', '_'];

/// A line of one repeated adornment character, at least three long.
fn rst_adornment(line: &str) -> Option<char> {
    let t = line.trim_end();
    let c = t.chars().next().filter(|c| RST_ADORNMENTS.contains(c))?;
    (t.chars().count() >= 3 && t.chars().all(|x| x == c)).then_some(c)
}

/// Whether `line` is a title underlined by `under` (as long as the title, or longer).
fn rst_title(line: &str, under: &str) -> bool {
    let t = line.trim_end();
    !t.is_empty()
        && !line.starts_with(' ')
        && rst_adornment(t).is_none()
        && rst_adornment(under).is_some()
        && under.trim_end().chars().count() >= t.chars().count()
}

fn is_rst(text: &str) -> bool {
    let lines: Vec<&str> = text.lines().take(600).collect();
    let titles = lines.windows(2).filter(|w| rst_title(w[0], w[1])).count();
    let directives = lines.iter().filter(|l| l.starts_with(".. ") && l.contains("::")).count();
    let fields = lines.iter().filter(|l| l.starts_with(':') && l[1..].contains(": ")).count();
    titles >= 2 && directives + fields >= 1
}

/// Underlined titles → `#` headings (levels in the order their adornments first appear),
/// adornment lines and directives → blank, `:Field: value` → `Field: value`, `#.` → `1.`.
fn rst_to_markdown(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut styles: Vec<(char, bool)> = Vec::new();
    let mut out: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
    let mut in_directive = false;
    for i in 0..lines.len() {
        let line = lines[i];
        if in_directive && (line.starts_with(' ') || line.trim().is_empty()) {
            // A directive's options go; its content stays as plain text.
            let t = line.trim();
            out[i] = if t.starts_with(':') { String::new() } else { t.to_owned() };
            continue;
        }
        in_directive = false;
        if line.starts_with(".. ") {
            in_directive = line.contains("::");
            out[i] = String::new();
            if line.contains("list-table::") {
                in_directive = false;
                rst_list_table(&lines, i + 1, &mut out);
            }
            continue;
        }
        if let Some(under) = lines.get(i + 1).filter(|u| rst_title(line, u)) {
            let over = i > 0 && rst_adornment(lines[i - 1]).is_some_and(|c| Some(c) == rst_adornment(under));
            let style = (rst_adornment(under).unwrap_or('='), over);
            let level = styles.iter().position(|s| *s == style).unwrap_or_else(|| {
                styles.push(style);
                styles.len() - 1
            });
            out[i] = format!("{} {}", "#".repeat(level.min(5) + 1), line.trim());
            out[i + 1] = String::new();
            if over {
                out[i - 1] = String::new();
            }
            continue;
        }
        if let Some(rest) = line.strip_prefix(':')
            && let Some((key, value)) = rest.split_once(": ").filter(|(k, _)| !k.is_empty() && k.len() <= 30)
        {
            out[i] = format!("{key}: {value}");
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        if let Some(item) = line[indent..].strip_prefix("#. ") {
            out[i] = format!("{}1. {item}", &line[..indent]);
        }
    }
    rst_definitions(&lines, &mut out);
    for l in &mut out {
        *l = rst_links(l);
    }
    out.join("\n")
}

/// Definition lists: a term line over an indented definition. A label term (`Speaker`,
/// `Moderator`) goes in front of its definition (`Speaker: Ingrid Solberg-Haugen`, on the
/// definition's line); any other term (a title, a name) becomes a list item on its own line, its
/// definition's first line joined to it after a dash and the rest the item's notes.
fn rst_definitions(lines: &[&str], out: &mut [String]) {
    let indented = |l: &str| l.starts_with("  ") && !l.trim().is_empty();
    let mut i = 0;
    while i + 1 < lines.len() {
        let term = lines[i].trim_end();
        let is_term = !term.is_empty()
            && !lines[i].starts_with(' ')
            && out[i] == lines[i]
            && indented(lines[i + 1])
            && out[i + 1] == lines[i + 1]
            && (i == 0 || lines[i - 1].trim().is_empty() || indented(lines[i - 1]))
            && !term.starts_with(['-', '*', '+', '|', '>', ':', '.'])
            && !term.ends_with(':');
        if !is_term {
            i += 1;
            continue;
        }
        let first = lines[i + 1].trim();
        let label = !super::labels::labels_of(&format!("{term}: {first}")).is_empty();
        if label {
            out[i] = String::new();
            out[i + 1] = format!("{term}: {first}");
        } else {
            out[i] = format!("- {term} — {first}");
            out[i + 1] = String::new();
        }
        let mut j = i + 2;
        while j < lines.len() && indented(lines[j]) && out[j] == lines[j] {
            let lead = if label { "" } else { "  " };
            out[j] = format!("{lead}{}", lines[j].trim());
            j += 1;
        }
        i = j;
    }
}

/// `` `Title <https://…>`_ `` → `[Title](https://…)`; `` `Title`_ `` → `Title`.
fn rst_links(line: &str) -> String {
    if !line.contains("`_") {
        return line.to_owned();
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('`') {
        let Some(close) = rest[open + 1..].find("`_").map(|c| open + 1 + c) else { break };
        out.push_str(&rest[..open]);
        let inner = &rest[open + 1..close];
        match inner.rsplit_once(" <").filter(|(_, u)| u.ends_with('>')) {
            Some((text, url)) => {
                out.push('[');
                out.push_str(text.trim());
                out.push_str("](");
                out.push_str(&url[..url.len() - 1]);
                out.push(')');
            }
            None => out.push_str(inner),
        }
        rest = rest[close + 2..].trim_start_matches('_');
    }
    out.push_str(rest);
    out
}

/// The rows of a `.. list-table::` starting at line `from`, each written as tab-separated cells
/// on the line its `* -` stands on (the tab-separated programme shape); the other lines of the
/// table are blanked.
fn rst_list_table(lines: &[&str], from: usize, out: &mut [String]) {
    let mut row: Option<(usize, Vec<String>)> = None;
    let flush = |row: &mut Option<(usize, Vec<String>)>, out: &mut [String]| {
        if let Some((at, cells)) = row.take() {
            out[at] = cells.join("\t");
        }
    };
    for (i, line) in lines.iter().enumerate().skip(from) {
        if !(line.starts_with(' ') || line.trim().is_empty()) {
            break;
        }
        let t = line.trim();
        out[i] = String::new();
        if let Some(first) = t.strip_prefix("* -").or_else(|| (t == "* -").then_some("")) {
            flush(&mut row, out);
            row = Some((i, vec![first.trim().to_owned()]));
        } else if let Some(cell) = t.strip_prefix("- ").or_else(|| (t == "-").then_some("")) {
            if let Some((_, cells)) = row.as_mut() {
                cells.push(cell.trim().to_owned());
            }
        } else if let Some(last) = row.as_mut().and_then(|(_, cells)| cells.last_mut()).filter(|_| !t.is_empty())
            && !t.starts_with(':')
        {
            last.push(' ');
            last.push_str(t);
        }
    }
    flush(&mut row, out);
}

#[cfg(test)]
mod rst_tests {
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

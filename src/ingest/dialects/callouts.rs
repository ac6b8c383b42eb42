//! Obsidian callouts that hold a list (`> [!abstract]- Lightning talks` over `> - [[Sky Lemalu]]:
//! einsum is fine actually`): a folded box of the note, not a quotation, rewritten line for line
//! as its title and its list.

use std::borrow::Cow;

/// The text with every callout whose body is mostly list items unquoted: its header becomes its
/// title as a lead-in line (`Lightning talks:`), or a blank line when it has none; its lines lose
/// their `>`. Other callouts and block quotes stay as they are. Line numbers never move.
///
/// # Examples
///
/// ```
/// use confgraph::ingest::dialects::unfold_callouts;
///
/// let text = "> [!abstract]- Lightning talks\n> - [[Sky Lemalu]]: einsum is fine\n> - [[Ilkin]]: Plots\n";
/// assert_eq!(unfold_callouts(text), "Lightning talks:\n- [[Sky Lemalu]]: einsum is fine\n- [[Ilkin]]: Plots\n");
/// let quote = "> [!quote] Ana Ortiz\n> Nobody reads the docs.\n";
/// assert_eq!(unfold_callouts(quote), quote);
/// ```
#[must_use]
pub fn unfold_callouts(text: &str) -> Cow<'_, str> {
    if !text.contains("[!") {
        return Cow::Borrowed(text);
    }
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut out: Option<String> = None;
    let mut i = 0;
    while i < lines.len() {
        let Some(title) = callout_title(lines[i]) else {
            if let Some(o) = out.as_mut() {
                o.push_str(lines[i]);
            }
            i += 1;
            continue;
        };
        let end = i + 1 + lines[i + 1..].iter().take_while(|l| l.starts_with('>')).count();
        let body = &lines[i + 1..end];
        let items = body.iter().filter(|l| is_item(unquoted(l))).count();
        let o = out.get_or_insert_with(|| lines[..i].concat());
        if items >= 2 && items * 2 >= body.len() {
            let ending = &lines[i][lines[i].trim_end_matches(['\n', '\r']).len()..];
            if !title.is_empty() {
                o.push_str(title);
                o.push(':');
            }
            o.push_str(ending);
            for l in body {
                o.push_str(unquoted(l));
            }
        } else {
            o.push_str(&lines[i..end].concat());
        }
        i = end;
    }
    out.map_or(Cow::Borrowed(text), Cow::Owned)
}

/// The title of a callout's header line (`> [!note]- Title` → `Title`; empty when it has none).
fn callout_title(line: &str) -> Option<&str> {
    let rest = line.strip_prefix('>')?.trim_start().strip_prefix("[!")?;
    let close = rest.find(']')?;
    let kind = &rest[..close];
    if kind.is_empty() || !kind.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_') {
        return None;
    }
    // (A to-do, a quotation, a warning or a question is the note-taker's, not the programme's.)
    if NOT_PROGRAMME.contains(&kind.to_lowercase().as_str()) {
        return None;
    }
    Some(rest[close + 1..].trim_start_matches(['+', '-']).trim())
}

/// Callout kinds whose lists are never talks.
const NOT_PROGRAMME: &[&str] = &[
    "todo",
    "quote",
    "cite",
    "warning",
    "caution",
    "attention",
    "danger",
    "error",
    "bug",
    "failure",
    "fail",
    "missing",
    "question",
    "help",
    "faq",
    "tip",
    "hint",
    "important",
];

/// A quoted line without its `>` and the space after it.
fn unquoted(line: &str) -> &str {
    let body = line.strip_prefix('>').unwrap_or(line);
    body.strip_prefix(' ').unwrap_or(body)
}

/// A list item's line: `- …`, `* …`, `+ …`, `1. …` (indented or not).
fn is_item(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("- ") || t.starts_with("* ") || t.starts_with("+ ") || {
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0 && (t[digits..].starts_with(". ") || t[digits..].starts_with(") "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_callout_of_notes_or_a_plain_quote_stays_quoted() {
        let todo = "> [!todo] After\n> - [ ] read the book of Sabine Köhler, *Translation as Infrastructure*\n> - [ ] report\n";
        assert_eq!(unfold_callouts(todo), todo);
        let notes = "> [!tip] Remember\n> bring a charger\n> and a pen\n> - one item\n";
        assert_eq!(unfold_callouts(notes), notes);
        let quote = "> - not a callout\n> - just quoted\n";
        assert_eq!(unfold_callouts(quote), quote);
    }

    #[test]
    fn lines_keep_their_numbers() {
        let text = "# Notes\n\n> [!note]\n> - A — Ana Ortiz\n> - B — Bo Chen\n\nafter\n";
        let out = unfold_callouts(text);
        assert_eq!(out.lines().count(), text.lines().count());
        assert_eq!(out, "# Notes\n\n\n- A — Ana Ortiz\n- B — Bo Chen\n\nafter\n");
    }
}

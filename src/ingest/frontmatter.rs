//! YAML front matter, as Obsidian, Jekyll and Hugo notes open: `---`, `key: value` lines, `---`.
//!
//! Owns reading the flat subset notes use — scalars, `[a, b]` lists, `- item` lists, quoted
//! strings, `[[wikilinks]]` — into keys and values. The block is replaced by blank lines, so line
//! numbers of the rest stay those of the file. Anything more YAML than that is left as text.

use std::borrow::Cow;

/// The front matter of a file: its keys (lower-cased) and values, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// `(key, values, line)`: a scalar is one value, a list several.
    pub entries: Vec<(String, Vec<String>, u32)>,
}

impl FrontMatter {
    /// The values of the first of `keys` present.
    #[must_use]
    pub fn get(&self, keys: &[&str]) -> Option<(&[String], u32)> {
        keys.iter().find_map(|k| {
            self.entries.iter().find(|(key, values, _)| key == k && !values.is_empty()).map(|(_, v, l)| (&v[..], *l))
        })
    }

    /// The first value of the first of `keys` present.
    #[must_use]
    pub fn first(&self, keys: &[&str]) -> Option<(&str, u32)> {
        self.get(keys).and_then(|(v, l)| v.first().map(|s| (s.as_str(), l)))
    }
}

/// Splits front matter off `text`. Returns it (empty when there is none) and the text with the
/// block blanked out, line for line.
///
/// # Examples
///
/// ```
/// use confgraph::ingest::frontmatter::split;
///
/// let (fm, rest) = split("---\nconference: GopherCon EU\nyear: 2023\ntags: [go, talks]\n---\n# Notes\n");
/// assert_eq!(fm.first(&["conference"]), Some(("GopherCon EU", 2)));
/// assert_eq!(fm.get(&["tags"]).unwrap().0, ["go", "talks"]);
/// assert_eq!(rest, "\n\n\n\n\n# Notes\n");
/// ```
#[must_use]
pub fn split(text: &str) -> (FrontMatter, Cow<'_, str>) {
    let mut lines = text.split_inclusive('\n');
    let Some(first) = lines.next() else {
        return (FrontMatter::default(), Cow::Borrowed(text));
    };
    if first.trim_end() != "---" {
        return (FrontMatter::default(), Cow::Borrowed(text));
    }
    let mut body = Vec::new();
    let mut closed_at = None;
    for (i, line) in lines.enumerate().take(400) {
        let t = line.trim_end();
        if t == "---" || t == "..." {
            closed_at = Some(i + 2);
            break;
        }
        body.push(line);
    }
    let Some(end_line) = closed_at else {
        return (FrontMatter::default(), Cow::Borrowed(text));
    };
    let front = parse(&body);
    if front.entries.is_empty() {
        return (FrontMatter::default(), Cow::Borrowed(text));
    }
    let cut: usize = text.split_inclusive('\n').take(end_line).map(str::len).sum();
    let mut rest = "\n".repeat(end_line);
    rest.push_str(&text[cut..]);
    (front, Cow::Owned(rest))
}

fn parse(lines: &[&str]) -> FrontMatter {
    let mut entries: Vec<(String, Vec<String>, u32)> = Vec::new();
    for (i, raw) in lines.iter().enumerate() {
        let line_no = i as u32 + 2;
        let line = raw.trim_end();
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        if let Some(item) = line.trim_start().strip_prefix("- ") {
            if line.starts_with([' ', '\t', '-'])
                && let Some(last) = entries.last_mut()
            {
                last.1.push(scalar(item));
            }
            continue;
        }
        if line.starts_with([' ', '\t']) {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            return FrontMatter::default();
        };
        let key = key.trim().to_lowercase();
        if key.is_empty() || !key.chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.')) {
            return FrontMatter::default();
        }
        let value = value.trim();
        let values = if let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
            if inner.starts_with('[') {
                vec![scalar(value)]
            } else {
                inner.split(',').map(scalar).filter(|s| !s.is_empty()).collect()
            }
        } else if value.is_empty() {
            Vec::new()
        } else {
            vec![scalar(value)]
        };
        entries.push((key, values, line_no));
    }
    FrontMatter { entries }
}

/// A YAML scalar without its quotes and a wikilink without its brackets.
fn scalar(raw: &str) -> String {
    let t = raw.trim();
    let t = t
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .or_else(|| t.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')))
        .unwrap_or(t);
    let t = t.strip_prefix("[[").and_then(|s| s.strip_suffix("]]")).map_or(t, |s| s.split('|').next().unwrap_or(s));
    t.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_quotes_and_wikilinks() {
        let text = "---\ntitle: \"Day one\"\nspeakers:\n  - \"[[Ana Ortiz]]\"\n  - '[[Bo Chen|Bo]]'\nlocation: Lisbon, Portugal\n---\nbody\n";
        let (fm, rest) = split(text);
        assert_eq!(fm.first(&["title"]), Some(("Day one", 2)));
        assert_eq!(fm.get(&["speakers"]).unwrap().0, ["Ana Ortiz", "Bo Chen"]);
        assert_eq!(fm.first(&["location"]).unwrap().0, "Lisbon, Portugal");
        assert_eq!(rest.lines().count(), 8);
        assert_eq!(rest.lines().nth(7), Some("body"));
    }

    #[test]
    fn a_rule_is_not_front_matter() {
        let text = "---\n\n# Heading\n\nSome text: with a colon and more words in it than a key has\n---\n";
        let (fm, rest) = split(text);
        assert!(fm.entries.is_empty());
        assert_eq!(rest, Cow::Borrowed(text));
        assert!(split("---\nno end\n").0.entries.is_empty());
    }
}

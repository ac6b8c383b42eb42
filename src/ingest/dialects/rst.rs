//! reStructuredText rewritten as Markdown line for line: underlined titles, field lists,
//! definitions, links and list tables.

/// Characters that underline (and overline) a reStructuredText section title.
pub(super) const RST_ADORNMENTS: &[char] = &['=', '-', '~', '^', '"', '\'', '`', '#', '*', '+', ':', '.', '_'];

/// A line of one repeated adornment character, at least three long.
pub(super) fn rst_adornment(line: &str) -> Option<char> {
    let t = line.trim_end();
    let c = t.chars().next().filter(|c| RST_ADORNMENTS.contains(c))?;
    (t.chars().count() >= 3 && t.chars().all(|x| x == c)).then_some(c)
}

/// Whether `line` is a title underlined by `under` (as long as the title, or longer).
pub(super) fn rst_title(line: &str, under: &str) -> bool {
    let t = line.trim_end();
    !t.is_empty()
        && !line.starts_with(' ')
        && rst_adornment(t).is_none()
        && rst_adornment(under).is_some()
        && under.trim_end().chars().count() >= t.chars().count()
}

pub(super) fn is_rst(text: &str) -> bool {
    let lines: Vec<&str> = text.lines().take(600).collect();
    let titles = lines.windows(2).filter(|w| rst_title(w[0], w[1])).count();
    let directives = lines.iter().filter(|l| l.starts_with(".. ") && l.contains("::")).count();
    let fields = lines.iter().filter(|l| l.starts_with(':') && l[1..].contains(": ")).count();
    titles >= 2 && directives + fields >= 1
}

/// Underlined titles → `#` headings (levels in the order their adornments first appear),
/// adornment lines and directives → blank, `:Field: value` → `Field: value`, `#.` → `1.`.
pub(super) fn rst_to_markdown(text: &str) -> String {
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
pub(super) fn rst_definitions(lines: &[&str], out: &mut [String]) {
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
        let label = !crate::ingest::labels::labels_of(&format!("{term}: {first}")).is_empty();
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
pub(super) fn rst_links(line: &str) -> String {
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
pub(super) fn rst_list_table(lines: &[&str], from: usize, out: &mut [String]) {
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

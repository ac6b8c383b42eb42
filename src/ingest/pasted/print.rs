//! A printed page's furniture: whether text was set for print (words hyphenated at line ends,
//! page numbers), and blanking running headers, page numbers and rules so only the programme stays.

use regex::Regex;
use std::sync::LazyLock;

use super::TIME_LINE;

/// A running header or footer with its page number set apart at one end:
/// `14          NFRS 2025 · SCIENTIFIC PROGRAMME`, `THURSDAY 4 SEPTEMBER          15`.
static PAGE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:\d{1,3}\s{5,}\S.*|\S.*\s{5,}\d{1,3})\s*$").expect("valid regex"));

/// `Page 2 of 7`, `page 3/8`: a page footer.
static PAGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bpage\s+\d+\s*(?:of|/)\s*\d+\b").expect("valid regex"));

/// Whether text shows the marks of a printed page: words hyphenated at line ends (`gla-` /
/// `ciers`) or page numbers in running headers, twice or more.
pub(super) fn set_for_print(lines: &[&str]) -> bool {
    let hyphenated = lines
        .windows(2)
        .filter(|w| {
            let end = w[0].trim_end();
            end.ends_with('-')
                && end[..end.len() - 1].ends_with(char::is_lowercase)
                && w[1].trim_start().starts_with(char::is_lowercase)
        })
        .count();
    let numbered = lines.iter().filter(|l| PAGE_NUMBER.is_match(l) && !TIME_LINE.is_match(l)).count();
    hyphenated >= 2 || numbered >= 2
}

/// Page footers and the running header right after each; rules (`-----`), headers that carry a
/// page number, and any line repeated three times or more (a running footer).
pub(super) fn blank_page_furniture(lines: &[&str], out: &mut [String]) {
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for l in lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
        *seen.entry(l).or_default() += 1;
    }
    // (Line one names the programme: it is never furniture.)
    let mut first_seen = std::collections::HashSet::new();
    for i in 1..lines.len() {
        let t = lines[i].trim();
        let rule = is_page_rule(t);
        // (The first of a running footer stays: it may spell out the conference's name.)
        // A repeated line is a running footer only beside a rule or a page number (a speaker's
        // name under three talks is no footer).
        let furniture = |j: usize| {
            lines.get(j).is_some_and(|l| {
                let l = l.trim();
                is_page_rule(l) || PAGE_NUMBER.is_match(l)
            })
        };
        let beside = (i.saturating_sub(2)..=i + 2).any(|j| j != i && furniture(j));
        let repeated =
            beside && seen.get(t).is_some_and(|&n| n >= 3) && !TIME_LINE.is_match(t) && !first_seen.insert(t);
        if rule || repeated || PAGE_NUMBER.is_match(lines[i]) && !TIME_LINE.is_match(lines[i]) {
            blank(&mut out[i]);
        }
    }
    for i in 0..lines.len() {
        if !PAGE.is_match(lines[i]) {
            continue;
        }
        blank(&mut out[i]);
        // `MARGINALIA FORUM 2024          Wednesday 9 October`: a header set in columns.
        if lines.get(i + 1).is_some_and(|l| l.trim().contains("     ") && !TIME_LINE.is_match(l)) {
            blank(&mut out[i + 1]);
        }
    }
}

/// A rule across a printed page: ten or more of `-`, `=`, `_` or `─`.
fn is_page_rule(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 10 && t.chars().all(|c| matches!(c, '-' | '=' | '_' | '─'))
}

/// Empties a line, keeping its ending.
pub(super) fn blank(line: &mut String) {
    let text = line.trim_end_matches(['\n', '\r']).len();
    line.drain(..text);
}

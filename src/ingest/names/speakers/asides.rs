//! Asides and roles around names: bracketed asides taken off a name list, affiliations read from
//! an aside (`Elastic, formerly Twitter`), role words (`moderated by`, `panel:`) and placeholders
//! (`TBA`, `various speakers`) that stand where a speaker would be.

use crate::text::collapse_ws;
use std::borrow::Cow;

/// Removes top-level `( … )` and `[ … ]` asides, returning the text without them and each aside
/// with the byte position in the stripped text where it stood.
#[must_use]
pub fn take_asides(text: &str) -> (Cow<'_, str>, Vec<(usize, String)>) {
    if !text.contains(['(', '[']) {
        return (Cow::Borrowed(text), Vec::new());
    }
    let mut out = String::with_capacity(text.len());
    let mut asides = Vec::new();
    let mut depth = 0usize;
    let mut current = String::new();
    for c in text.chars() {
        match c {
            '(' | '[' => {
                if depth > 0 {
                    current.push(c);
                }
                depth += 1;
            }
            ')' | ']' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    asides.push((out.trim_end().len(), collapse_ws(&current)));
                    current.clear();
                } else {
                    current.push(c);
                }
            }
            _ if depth > 0 => current.push(c),
            _ => out.push(c),
        }
    }
    (Cow::Owned(out), asides)
}

/// Affiliation parts of an aside: `Elastic, formerly Twitter` → (`[Elastic]`, `[Twitter]`).
///
/// An aside that starts lower-case (`dude we had lunch with`) is a remark, not an affiliation;
/// pronouns and handles are not affiliations either.
#[must_use]
pub fn parse_affiliations(aside: &str) -> (Vec<String>, Vec<String>) {
    let mut current = Vec::new();
    let mut former = Vec::new();
    if !aside.chars().next().is_some_and(char::is_uppercase) {
        return (current, former);
    }
    // Keep a nested `(PyMUG)` with its organisation: split only on top-level commas.
    let mut depth = 0usize;
    let mut start = 0usize;
    let mut parts = Vec::new();
    for (i, c) in aside.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                parts.push(&aside[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&aside[start..]);
    for part in parts {
        let part = collapse_ws(part);
        if part.is_empty() {
            continue;
        }
        let lower = part.to_lowercase();
        if let Some(rest) = ["formerly ", "former ", "previously ", "ex-"]
            .iter()
            .find_map(|p| lower.starts_with(p).then(|| part[p.len()..].trim().to_owned()))
        {
            if !rest.is_empty() {
                former.push(rest);
            }
        } else {
            current.push(part);
        }
    }
    (current, former)
}

/// Role words around a name in a list (`panel: A`, `mod. B`, `moderated by C`, `D (moderator)`),
/// taken off: the name is a speaker whatever the role.
pub(super) fn strip_role(part: &str) -> &str {
    const LEADS: [&str; 26] = [
        "chair",
        "panelists",
        "panellists",
        "chaired by",
        "chair:",
        "facilitated by",
        "led by",
        "facilitator:",
        "panel:",
        "panelists:",
        "panellists:",
        "panelist:",
        "speakers:",
        "speaker:",
        "mod.",
        "mod:",
        "moderator:",
        "moderated by",
        "moderator",
        "host:",
        "hosted by",
        "with",
        "feat.",
        "featuring",
        "ft.",
        "by",
    ];
    const TAILS: [&str; 7] =
        [" (moderator)", " (mod)", " (mod.)", " moderating", " (host)", " (chair)", " (moderating)"];
    let mut p = part.trim();
    while let Some(r) = LEADS.iter().find(|r| {
        p.get(..r.len()).is_some_and(|head| head.eq_ignore_ascii_case(r)) && p[r.len()..].starts_with([' ', ':'])
    }) {
        p = p[r.len()..].trim_start_matches(':').trim();
    }
    for tail in TAILS {
        let cut = p.len().checked_sub(tail.len()).filter(|&at| p.is_char_boundary(at));
        if let Some(at) = cut.filter(|&at| p[at..].eq_ignore_ascii_case(tail)) {
            p = p[..at].trim();
        }
    }
    p
}

/// `the organisers, Joana Serrão and Kofi Boateng`: a group named by its role before its people.
#[must_use]
pub fn is_role_group(part: &str) -> bool {
    let lower = part.trim().trim_end_matches([':', '.']).to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    let lower = lower.strip_prefix("our ").unwrap_or(lower);
    matches!(
        lower,
        "organisers"
            | "organizers"
            | "hosts"
            | "co-chairs"
            | "chairs"
            | "program chairs"
            | "programme chairs"
            | "team"
            | "orga team"
            | "org team"
            | "organising committee"
            | "organizing committee"
            | "organising team"
            | "organizing team"
            | "committee"
            | "program committee"
            | "programme committee"
            | "volunteers"
            | "staff"
            | "loc"
            | "local organising committee"
            | "local organizing committee"
            | "local organisers"
            | "local organizers"
            | "local team"
            | "org ppl"
            | "orga"
            | "pc"
            | "pc chairs"
    )
}

/// Placeholders that stand where a speaker would be and are nobody.
pub(super) fn is_placeholder(part: &str) -> bool {
    let lower = part.trim().trim_end_matches('.').to_lowercase();
    matches!(
        lower.as_str(),
        "tba"
            | "tbd"
            | "tbc"
            | "n/a"
            | "na"
            | "-"
            | "—"
            | "–"
            | "?"
            | "??"
            | "???"
            | "various"
            | "everyone"
            | "all"
            | "unknown"
            | "someone"
            | "somebody"
            | "various speakers"
            | "many"
            | "several"
            | "multiple"
    ) || lower.starts_with("the ")
        || lower.starts_with("our ")
        || lower.starts_with("various ")
        || lower.starts_with("speaker ")
}

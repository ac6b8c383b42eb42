//! Recognising people in notes text: speaker lines, `Name (Affiliation, formerly X)` mentions,
//! "Name demoing …" openings, and names inside a title (`AMA with Brett Cannon`).
//!
//! Owns the shape rules of a personal name. It does not decide who is the same person (that is
//! `resolve`), and it does not know which block of a file it is looking at.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use crate::model::NameRef;

use super::text::collapse_ws;

/// Capitalised words that are not (parts of) personal names in conference notes: structure words,
/// roles, places in a venue, weekdays, and the technology names that open many titles.
const NOT_NAME_WORDS: &[&str] = &[
    "A",
    "API",
    "About",
    "All",
    "An",
    "And",
    "Are",
    "As",
    "At",
    "Auction",
    "Author",
    "Background",
    "Ballroom",
    "Be",
    "Best",
    "Board",
    "Booth",
    "Breakfast",
    "Building",
    "But",
    "By",
    "CPython",
    "Center",
    "Centre",
    "Chair",
    "Closing",
    "Cloud",
    "Co-founder",
    "Code",
    "Committee",
    "Community",
    "Conclusion",
    "Conference",
    "Core",
    "Council",
    "Data",
    "Day",
    "Days",
    "Demo",
    "Developer",
    "Developers",
    "Devs",
    "Dinner",
    "Director",
    "Django",
    "Engineer",
    "Expo",
    "For",
    "Format",
    "Foundation",
    "Friday",
    "From",
    "Get",
    "Goals",
    "Good",
    "Great",
    "Group",
    "Hall",
    "Hallway",
    "Have",
    "He",
    "Her",
    "His",
    "How",
    "I",
    "If",
    "In",
    "Inc",
    "Intro",
    "Introduction",
    "Is",
    "It",
    "Its",
    "Keynote",
    "Labs",
    "Learn",
    "Learning",
    "Lightning",
    "Links",
    "Lunch",
    "Luncheon",
    "Machine",
    "Maintainer",
    "Make",
    "Manager",
    "Me",
    "Member",
    "Members",
    "Monday",
    "Motivation",
    "Museum",
    "My",
    "New",
    "Next",
    "No",
    "Not",
    "Notes",
    "Of",
    "On",
    "Open",
    "Opening",
    "Or",
    "Organizer",
    "Our",
    "Overview",
    "PEP",
    "Panel",
    "Party",
    "Posters",
    "Presenter",
    "Project",
    "PyCon",
    "Python",
    "Q&A",
    "Reception",
    "Release",
    "Remarks",
    "Resources",
    "Room",
    "Saturday",
    "Schedule",
    "Science",
    "Session",
    "She",
    "Slides",
    "Social",
    "Software",
    "Source",
    "Speaker",
    "Speakers",
    "Sprints",
    "Steering",
    "Summary",
    "Sunday",
    "Supper",
    "Talk",
    "Talks",
    "Team",
    "Thank",
    "Thanks",
    "That",
    "The",
    "Their",
    "These",
    "They",
    "This",
    "Those",
    "Thursday",
    "To",
    "Track",
    "Trainer",
    "Tuesday",
    "Tutorial",
    "Type",
    "Types",
    "Typing",
    "University",
    "Update",
    "Updates",
    "Use",
    "Using",
    "Was",
    "We",
    "Web",
    "Wednesday",
    "Welcome",
    "What",
    "When",
    "Where",
    "Who",
    "Why",
    "With",
    "Workshop",
    "You",
    "Your",
];

/// Lower-case name particles allowed inside a name (`Hugo van Kemenade`, `Felipe de Morais`).
const PARTICLES: &[&str] = &[
    "al", "bin", "da", "das", "de", "del", "della", "der", "di", "dos", "du", "el", "ibn", "la", "le", "ten", "ter",
    "van", "von", "y", "zu",
];

/// Verbs that, right after a name opening a session's notes, make that person the presenter.
const PRESENTING_VERBS: &[&str] = &[
    "demoing",
    "demoed",
    "demos",
    "demonstrated",
    "demonstrating",
    "presented",
    "presenting",
    "presents",
    "showed",
    "shows",
    "showing",
    "talked",
    "talks",
    "talking",
    "gave",
    "gives",
    "giving",
    "created",
    "walked",
    "walks",
    "explained",
    "explains",
    "discussed",
    "introduced",
    "introduces",
    "spoke",
    "speaks",
    "led",
    "leads",
    "shared",
    "shares",
    "opened",
    "kicked",
];

fn is_not_name_word(token: &str) -> bool {
    static WORDS: LazyLock<FxHashSet<&str>> = LazyLock::new(|| NOT_NAME_WORDS.iter().copied().collect());
    WORDS.contains(token.trim_end_matches(['.', ',', ';', ':']))
}

fn is_particle(token: &str) -> bool {
    PARTICLES.contains(&token)
}

/// An initial: `K.`, `P.`, `M` or `JP`.
fn is_initial(token: &str) -> bool {
    let t = token.strip_suffix('.').unwrap_or(token);
    !t.is_empty() && t.chars().count() <= 2 && t.chars().all(char::is_uppercase)
}

/// `PyCon`, `DjangoCon`, `PyTexas`: conference names are never name words.
fn is_conference_word(token: &str) -> bool {
    let mut chars = token.chars();
    let py_camel = token.starts_with("Py") && chars.nth(2).is_some_and(char::is_uppercase);
    py_camel || token.ends_with("Con") && token.len() > 3
}

/// A capitalised name word: `Heaton`, `O'Connell`, `Gee-Clough`, `McANulty`, `Łukasz`, `K.`.
fn is_name_token(token: &str) -> bool {
    let mut chars = token.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    // `A.` is an initial; `A` alone is the article.
    if token.ends_with('.') && is_initial(token) {
        return true;
    }
    if is_not_name_word(token) || is_conference_word(token) {
        return false;
    }
    if is_initial(token) {
        return true;
    }
    let body_ok = token.chars().all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'));
    // All-capital words of three or more letters are acronyms (PSF, GIL), not names.
    let has_lower = token.chars().any(char::is_lowercase);
    body_ok && has_lower && !token.ends_with('-')
}

/// The cleaned personal name in `text`, if all of it is one.
///
/// A name is 1–5 capitalised words, possibly with initials and lower-case particles inside; a
/// single word is accepted only when `allow_single` (speaker lines name `Nasim`, prose rarely does).
#[must_use]
pub fn person_name(text: &str, allow_single: bool) -> Option<String> {
    let cleaned = collapse_ws(text.trim().trim_end_matches([',', ';', ':']));
    let tokens: Vec<&str> = cleaned.split(' ').filter(|t| !t.is_empty()).collect();
    let (first, last) = (tokens.first()?, tokens.last()?);
    if tokens.len() > 5 || !is_name_token(first) || !is_name_token(last) {
        return None;
    }
    if !tokens.iter().all(|t| is_name_token(t) || is_particle(t)) {
        return None;
    }
    if tokens.iter().all(|t| is_initial(t)) {
        return None;
    }
    if tokens.len() == 1 && (!allow_single || first.chars().count() < 2) {
        return None;
    }
    Some(cleaned)
}

/// Splits `A, B and C`, `A & B`, `A; B` into parts; `and`/`&` inside a name never occur.
fn split_name_list(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    for chunk in text.split([',', ';', '&']) {
        let mut rest = chunk.trim();
        rest = rest.strip_prefix("and ").unwrap_or(rest);
        for piece in rest.split(" and ") {
            let piece = piece.trim();
            if !piece.is_empty() {
                parts.push(piece.to_owned());
            }
        }
    }
    parts
}

/// Removes top-level `( … )` asides, returning the text without them and each aside with the
/// byte position in the stripped text where it stood.
fn take_asides(text: &str) -> (String, Vec<(usize, String)>) {
    let mut out = String::with_capacity(text.len());
    let mut asides = Vec::new();
    let mut depth = 0usize;
    let mut current = String::new();
    for c in text.chars() {
        match c {
            '(' => {
                if depth > 0 {
                    current.push(c);
                }
                depth += 1;
            }
            ')' if depth > 0 => {
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
    (out, asides)
}

/// Affiliation parts of an aside: `Elastic, formerly Twitter` → (`[Elastic]`, `[Twitter]`).
///
/// An aside that starts lower-case (`dude we had lunch with`) is a remark, not an affiliation.
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

/// Reads a speaker line: `Christy Heaton`, `A, B and C`, `Sam Edwardes (dude we had lunch with)`,
/// `Lady Red / Christopher Beacham`, `Brandt Bucher (Microsoft …)`. `None` when any part is not a name.
#[must_use]
pub fn parse_speaker_line(text: &str) -> Option<Vec<NameRef>> {
    let text = text.trim();
    if text.is_empty()
        || text.contains('\n')
        || text.chars().count() > 200
        || text.contains("://")
        || text.contains([':', '?', '!', '"', '“', '@', '|'])
        || text.ends_with('.') && !text.split(' ').next_back().is_some_and(is_initial)
    {
        return None;
    }
    let (stripped, asides) = take_asides(text);
    let mut names: Vec<NameRef> = Vec::new();
    let mut offset_ends = Vec::new();
    let mut search_from = 0;
    for part in split_name_list(&stripped) {
        let mut valid = Vec::new();
        for alt in part.split('/') {
            valid.push(person_name(alt, true)?);
        }
        let name = with_aliases(valid);
        let end = stripped[search_from..].find(part.as_str()).map_or(stripped.len(), |p| search_from + p + part.len());
        search_from = end.min(stripped.len());
        offset_ends.push(end);
        names.push(name);
    }
    if names.is_empty()
        || names.len() == 1
            && names[0].aliases.is_empty()
            && !names[0].name.contains(' ')
            && looks_like_common_word(&names[0].name)
    {
        return None;
    }
    // Attach each aside to the name it follows.
    for (pos, aside) in asides {
        let owner = offset_ends.iter().position(|&end| pos <= end).unwrap_or(names.len() - 1);
        let (current, former) = parse_affiliations(&aside);
        names[owner].affiliations.extend(current);
        names[owner].former_affiliations.extend(former);
    }
    Some(names)
}

/// A lone capitalised word that reads as an English noun or verb form (`Benchmarks`,
/// `Takeaways`, `Packaging`) rather than a one-word name (`Nasim`, `Mariatta`, `Thomas`).
fn looks_like_common_word(word: &str) -> bool {
    let w = word.to_lowercase();
    let suffix =
        ["ing", "tion", "sion", "ment", "ness", "ity", "ics", "ism", "ogy", "ure", "ies", "ers", "ples", "ions"]
            .iter()
            .any(|s| w.ends_with(s));
    let consonant_plural =
        w.ends_with('s') && !w.ends_with("ss") && w.chars().rev().nth(1).is_some_and(|c| !"aeiouy".contains(c));
    suffix || consonant_plural
}

/// One person from the alternatives of `Lady Red / Christopher Beacham`: the primary name is a
/// well-formed personal name if there is one, the fullest, the later on a tie (`Alias / Real
/// Name`); stage names and handles become aliases.
fn with_aliases(alternatives: Vec<String>) -> NameRef {
    let primary = alternatives
        .iter()
        .enumerate()
        .max_by_key(|(i, n)| (person_name(n, false).is_some(), n.split(' ').count(), *i))
        .map_or(0, |(i, _)| i);
    let mut name = NameRef::named(alternatives.get(primary).cloned().unwrap_or_default());
    name.aliases = alternatives.into_iter().enumerate().filter(|(i, _)| *i != primary).map(|(_, n)| n).collect();
    name
}

/// Splits a line known by its position to be a speaker line, without judging the names' shape.
#[must_use]
pub fn speaker_list_by_position(text: &str) -> Vec<NameRef> {
    let (stripped, _) = take_asides(text);
    split_name_list(&stripped)
        .into_iter()
        .map(|part| with_aliases(part.split('/').map(collapse_ws).filter(|s| !s.is_empty()).collect()))
        .filter(|n| !n.name.is_empty())
        .collect()
}

/// A line that is only a handle: `@JessicaGarson`.
#[must_use]
pub fn parse_handle_line(text: &str) -> Option<String> {
    let h = text.trim().strip_prefix('@')?;
    let ok = (1..=40).contains(&h.len()) && h.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    ok.then(|| h.to_owned())
}

/// The user name of a social-profile URL: `twitter.com/ucodery` → `ucodery`,
/// `mas.to/@christyheaton` → `christyheaton`, `github.com/SamEdwardes` → `SamEdwardes`.
/// Repository, post and search URLs give `None`.
#[must_use]
pub fn profile_handle(url: &str) -> Option<String> {
    let rest = url.split("://").nth(1).unwrap_or(url);
    let rest = rest.trim_end_matches('/');
    let mut segments = rest.split('/');
    let host = segments.next()?.trim_start_matches("www.").to_lowercase();
    let path: Vec<&str> = segments.filter(|s| !s.is_empty()).collect();
    let [user] = path.as_slice() else {
        return None;
    };
    let user = user.split(['?', '#']).next()?;
    let social = matches!(
        host.as_str(),
        "twitter.com" | "x.com" | "github.com" | "gitlab.com" | "linktr.ee" | "bsky.app" | "instagram.com"
    );
    let name = if let Some(m) = user.strip_prefix('@') {
        m
    } else if social {
        user
    } else {
        return None;
    };
    let valid = !name.is_empty()
        && name.len() <= 40
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.');
    valid.then(|| name.to_owned())
}

/// The person who opens a sentence as its presenter: `Luciana Abud demoing some of …` → Luciana Abud.
#[must_use]
pub fn leading_presenter(text: &str) -> Option<String> {
    let first_line = text.lines().next()?;
    let (before_aside, _) = take_asides(first_line);
    let words: Vec<&str> = before_aside.split_whitespace().collect();
    for (i, w) in words.iter().enumerate().skip(1).take(5) {
        let verb = w.trim_end_matches([',', '.']).to_lowercase();
        if PRESENTING_VERBS.contains(&verb.as_str()) {
            let candidate = words[..i].join(" ");
            return person_name(&candidate, false);
        }
    }
    None
}

/// `This talk by Arun Suresh Kamar was …` → Arun Suresh Kamar; `"Title" by Michael Droettboom (…)`
/// → (Some(title), [name]); `This talk by A and B` → both.
#[must_use]
pub fn by_line(text: &str) -> Option<(Option<String>, Vec<NameRef>)> {
    let first = text.lines().next()?.trim();
    let (title, rest) = if let Some(r) =
        ["This talk by ", "This keynote by ", "This tutorial by ", "A talk by ", "Talk by "]
            .iter()
            .find_map(|p| first.strip_prefix(p))
    {
        (None, r)
    } else {
        let open = first.chars().next().filter(|c| matches!(c, '"' | '“'))?;
        let close = if open == '“' { '”' } else { '"' };
        let body = &first[open.len_utf8()..];
        let end = body.find(close)?;
        let after = body[end + close.len_utf8()..].trim_start();
        (Some(collapse_ws(&body[..end])), after.strip_prefix("by ")?)
    };
    let names = leading_names(rest)?;
    Some((title, names))
}

/// The list of people opening `text` (`A and B (Org) were …` → A, B with B's affiliation).
fn leading_names(text: &str) -> Option<Vec<NameRef>> {
    // Take words while they can belong to a name list; asides ride along.
    let mut end = 0;
    let mut depth = 0usize;
    for (i, word) in text.split_inclusive(char::is_whitespace).scan(0, |pos, w| {
        let start = *pos;
        *pos += w.len();
        Some((start, w))
    }) {
        let w = word.trim();
        if depth > 0 || w.starts_with('(') {
            depth += w.matches('(').count();
            depth = depth.saturating_sub(w.matches(')').count());
            end = i + word.len();
            continue;
        }
        let bare = w.trim_end_matches([',', ';', '.']);
        if is_name_token(bare) || is_particle(bare) || bare == "and" || bare == "&" {
            end = i + word.len();
            if w.ends_with('.') && !is_initial(w) {
                break;
            }
        } else {
            break;
        }
    }
    let candidate = text[..end].trim().trim_end_matches([',', '.', ';']);
    let names = parse_speaker_line(candidate)?;
    names.iter().all(|n| n.name.contains(' ')).then_some(names)
}

/// A name at the end of a conversation-style title: `AMA with Brett Cannon` → Brett Cannon.
/// Only titles that announce a person (AMA, fireside chat, Q&A, office hours, interview) count:
/// `Investigations with Jupyter Notebooks` names tools, not people.
#[must_use]
pub fn name_after_with(title: &str) -> Option<String> {
    let lower = title.to_lowercase();
    let announces_person =
        ["ama", "ask me anything", "fireside", "q&a", "office hours", "interview", "conversation", "chat", "meet"]
            .iter()
            .any(|w| lower.starts_with(w));
    if !announces_person {
        return None;
    }
    let idx = title.rfind(" with ")?;
    person_name(&title[idx + 6..], false)
}

/// `Josh Cannon at Northbay Python` → Josh Cannon: a full name right before `at <conference>`.
#[must_use]
pub fn at_conference_mentions(text: &str) -> Vec<ProseMention> {
    let mut found = Vec::new();
    for conference in super::conference::conferences_in(text) {
        let Some(before) = text[..conference.start].strip_suffix(" at ") else {
            continue;
        };
        // A name is a few words: look at the last 200 bytes only, so the scan stays linear.
        let window = tail_start(before, 200);
        if let Some((offset, name)) = full_name_runs(&before[window..]).into_iter().next_back() {
            if window + offset + name.len() == before.len() {
                found.push(ProseMention { person: NameRef::named(name), offset: window + offset });
            }
        }
    }
    found
}

/// A `Name (…)` mention found in running text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProseMention {
    /// The person, with affiliations from the parentheses.
    pub person: NameRef,
    /// Byte offset of the name in the text.
    pub offset: usize,
}

/// Every `Name (Affiliation, formerly X)` in `text`, and every `… (Full Name)` credit
/// (`PEP 702: … (Jelle Zijlstra)`), in order. `titles` are link texts of the same text: a "name"
/// that ends one (`[… with Typels](…) (Jelle Zijlstra)`) is the end of a title, not a person.
#[must_use]
pub fn parenthesised_mentions(text: &str, titles: &[&str]) -> Vec<ProseMention> {
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'(' {
            i += 1;
            continue;
        }
        let Some(close) = matching_paren(text, i) else {
            i += 1;
            continue;
        };
        let content = collapse_ws(&text[i + 1..close]);
        let before = name_before(text, i).filter(|(n, start)| {
            let ends_a_title = titles.iter().any(|t| t.len() > n.len() && text[..*start + n.len()].ends_with(t));
            if ends_a_title {
                return false;
            }
            // One word before needs a clear organisation in the aside (`Grace (Muck Rack)`).
            if n.contains(' ') { names_an_organisation(&content) } else { affiliation_like(&content) }
        });
        if before.is_none() {
            // `PEP 744: JIT Compilation (Brandt Bucher)`: a full name inside is a credit.
            if let Some(name) = person_name(&content, false).filter(|n| (2..=3).contains(&n.split(' ').count())) {
                found.push(ProseMention { person: NameRef::named(name), offset: i + 1 });
            }
        } else if let Some((name, start)) = before {
            let (current, former) = parse_affiliations(&content);
            // `Marie Roald and Yngve Mardal Moe (Turtle Thread)`: the aside is both people's.
            let partner = text[..start]
                .strip_suffix("and ")
                .and_then(|head| name_before(text, head.len()))
                .filter(|(n, _)| n.contains(' '));
            for (who, at) in partner.into_iter().chain([(name, start)]) {
                let mut person = NameRef::named(who);
                person.affiliations.clone_from(&current);
                person.former_affiliations.clone_from(&former);
                found.push(ProseMention { person, offset: at });
            }
        }
        i = close + 1;
    }
    found
}

/// An aside that names an organisation or role (`Changeset Consulting`, `PyCon US Chair`), not a
/// remark (`not in the textbook`) or a code (`M1/M2/M3`, `RAG`).
fn affiliation_like(aside: &str) -> bool {
    aside.chars().next().is_some_and(char::is_uppercase)
        && aside
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w.chars().count() >= 3 && w.chars().any(char::is_lowercase))
}

/// An aside with at least one word of two or more letters (`PSF`, `Elastic, formerly Twitter`),
/// not a code like `M1/M2/M3`.
fn names_an_organisation(aside: &str) -> bool {
    !aside.starts_with(|c: char| c.is_ascii_digit())
        && aside.split(|c: char| !c.is_alphabetic()).any(|w| w.chars().count() >= 2)
}

/// The closing parenthesis of the one at `open`, within a few hundred bytes: an aside is short,
/// and an unbounded scan would make a long line of `(` quadratic.
fn matching_paren(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (k, c) in text[open..].char_indices().take_while(|(k, _)| *k < 600) {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + k);
                }
            }
            _ => {}
        }
    }
    None
}

/// The first char boundary at or after `len - max` bytes: where the last `max` bytes of `text` start.
fn tail_start(text: &str, max: usize) -> usize {
    super::text::char_boundary_from(text, text.len().saturating_sub(max))
}

/// The name written right before byte `pos` (an opening parenthesis), and where it starts.
fn name_before(text: &str, pos: usize) -> Option<(String, usize)> {
    // A name is a few words: the last 200 bytes are enough, and keep a long line linear.
    let window = tail_start(&text[..pos], 200);
    let (text, pos) = (&text[window..], pos - window);
    let before = &text[..pos];
    if !before.ends_with(' ') && !before.ends_with(char::is_alphabetic) {
        return None;
    }
    let trimmed = before.trim_end();
    let mut start = trimmed.len();
    let mut count = 0;
    for (idx, word) in word_starts_rev(trimmed) {
        if count == 5 || word.ends_with([',', ';', ':', '.']) && count > 0 && !is_initial(word) {
            break;
        }
        let w = word.trim_end_matches(',');
        if !(is_name_token(w) || is_particle(w)) || (count == 0 && w.len() != word.len()) {
            break;
        }
        start = idx;
        count += 1;
    }
    if count == 0 {
        return None;
    }
    let mut candidate: Vec<&str> = trimmed[start..].split_whitespace().collect();
    while candidate.first().is_some_and(|w| is_particle(w)) {
        candidate.remove(0);
    }
    // A capitalised word right before the run (`Black Python Devs (…)`, `JIT Compilation (…)`)
    // means the run is the tail of an organisation or title, not a person.
    let preceding = trimmed[..start].split_whitespace().next_back();
    if preceding.is_some_and(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            && !w.ends_with([',', '.', ';', ':', ')'])
            && !matches!(w, "I" | "Me" | "My" | "And" | "With" | "At" | "By" | "To" | "Thanks" | "Thank")
    }) {
        return None;
    }
    let name = person_name(&candidate.join(" "), true)?;
    Some((name, window + start))
}

/// Words of `text` from the last to the first, each with its byte offset: read from the end, so
/// a caller that stops after a few words does not split the rest.
fn word_starts_rev(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = text;
    std::iter::from_fn(move || {
        rest = rest.trim_end();
        let start = rest.char_indices().rev().find(|(_, c)| c.is_whitespace()).map_or(0, |(i, c)| i + c.len_utf8());
        let word = &rest[start..];
        rest = &rest[..start];
        (!word.is_empty()).then_some((start, word))
    })
}

/// `Russell's` → `Russell`.
#[must_use]
pub fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word)
}

/// Every run of 2–5 name words in `text` that reads as a full personal name, with its offset.
/// Used to know who "he", "she" or a first name refers to, never to create people.
#[must_use]
pub fn full_name_runs(text: &str) -> Vec<(usize, String)> {
    let mut runs = Vec::new();
    let mut words: Vec<(usize, &str)> = word_starts_rev(text).collect();
    words.reverse();
    let mut i = 0;
    while i < words.len() {
        let mut j = i;
        while j < words.len() && j - i < 5 {
            let raw = words[j].1;
            if j > i && raw.starts_with(['(', '"', '“']) {
                break;
            }
            let w = strip_possessive(raw.trim_end_matches([',', '.', ';', ':']));
            let w = w.trim_start_matches(['"', '“', '(']);
            if !(is_name_token(w) || (j > i && is_particle(w))) {
                break;
            }
            j += 1;
            let possessive = strip_possessive(raw).len() != raw.len();
            if possessive || raw.ends_with([',', '.', ';', ':']) && !is_initial(raw) {
                break;
            }
        }
        if j - i >= 2 {
            let joined: Vec<&str> = words[i..j]
                .iter()
                .map(|(_, w)| {
                    strip_possessive(w.trim_end_matches([',', '.', ';', ':'])).trim_start_matches(['"', '“', '('])
                })
                .collect();
            if let Some(name) = person_name(&joined.join(" "), false) {
                runs.push((words[i].0, name));
                i = j;
                continue;
            }
        }
        i += 1;
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(line: &str) -> Option<Vec<String>> {
        parse_speaker_line(line).map(|v| v.into_iter().map(|n| n.name).collect())
    }

    #[test]
    fn words_come_from_the_end_with_their_offsets() {
        let words: Vec<(usize, &str)> = word_starts_rev("  Ann\u{a0}Lee  van Rossum ").collect();
        assert_eq!(words, [(16, "Rossum"), (12, "van"), (7, "Lee"), (2, "Ann")]);
        assert_eq!(word_starts_rev(" \t ").next(), None);
    }

    proptest::proptest! {
        #[test]
        fn words_from_the_end_are_split_whitespace_reversed(text in "[a-zé. \t\n\u{a0}\u{2003}\u{3000}]{0,24}") {
            let offset = |word: &str| word.as_ptr() as usize - text.as_ptr() as usize;
            let expected: Vec<(usize, &str)> = text.split_whitespace().rev().map(|w| (offset(w), w)).collect();
            proptest::prop_assert_eq!(word_starts_rev(&text).collect::<Vec<_>>(), expected);
        }
    }

    #[test]
    fn speaker_lines() {
        let v = |s: &[&str]| Some(s.iter().map(|x| (*x).to_owned()).collect::<Vec<_>>());
        assert_eq!(names("Christy Heaton"), v(&["Christy Heaton"]));
        assert_eq!(
            names("Liam Beckman, Quinn Wai Wong, Nasim, Kyle Ellrott"),
            v(&["Liam Beckman", "Quinn Wai Wong", "Nasim", "Kyle Ellrott"])
        );
        assert_eq!(names("Aby M Joseph and Thameem Karakkoth"), v(&["Aby M Joseph", "Thameem Karakkoth"]));
        assert_eq!(
            names("Christy Heaton, Mariatta, Lynn Root, Luciana Abud"),
            v(&["Christy Heaton", "Mariatta", "Lynn Root", "Luciana Abud"])
        );
        assert_eq!(names("Sam Edwardes (dude we had lunch with)"), v(&["Sam Edwardes"]));
        assert_eq!(names("Allen Y, M Aswin Kishore"), v(&["Allen Y", "M Aswin Kishore"]));
        assert_eq!(names("A. Jesse Jiryu Davis"), v(&["A. Jesse Jiryu Davis"]));
        assert_eq!(
            names("I-Kang Ding, Ariel M'ndange-Pfupfu, Marina Sergeeva"),
            v(&["I-Kang Ding", "Ariel M'ndange-Pfupfu", "Marina Sergeeva"])
        );
        assert_eq!(names("Max Bélanger, Damien DeVille"), v(&["Max Bélanger", "Damien DeVille"]));
        assert_eq!(names("Nasim"), v(&["Nasim"]));
        for prose in [
            "Same format as previous years.",
            "Storytime at Pycascades",
            "GIL overview",
            "PEP 703",
            "Discussion of dynamic vs strong typing",
            "Python is a dynamic language thats failly strongly typed",
            "Notes from the virtual conference",
            "Schedule: https://x",
            "Benchmarks",
            "Tool built at Bloomberg",
        ] {
            assert_eq!(names(prose), None, "{prose}");
        }
    }

    #[test]
    fn alias_line_is_one_person() {
        let v = parse_speaker_line("Lady Red / Christopher Beacham").unwrap();
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].name, "Christopher Beacham");
        assert_eq!(v[0].aliases, vec!["Lady Red".to_owned()]);
    }

    #[test]
    fn speaker_line_affiliation() {
        let v = parse_speaker_line("Brandt Bucher (Microsoft CPython Performance Engineering Team)").unwrap();
        assert_eq!(v[0].affiliations, vec!["Microsoft CPython Performance Engineering Team".to_owned()]);
    }

    #[test]
    fn affiliations_and_former() {
        assert_eq!(
            parse_affiliations("Elastic, formerly Twitter"),
            (vec!["Elastic".to_owned()], vec!["Twitter".to_owned()])
        );
        assert_eq!(
            parse_affiliations("Python Usergroup of Mauritius (PyMUG)"),
            (vec!["Python Usergroup of Mauritius (PyMUG)".to_owned()], vec![])
        );
        assert_eq!(parse_affiliations("dude we had lunch with"), (vec![], vec![]));
    }

    #[test]
    fn prose_mentions() {
        let text = "It was good to chat with Mason Eggers (PyTexas Chair), Kevin Horn (Dallas Fortworth Pythoneers Co-founder and PyTexas Organizer), and my friend Mariatta (PyCon US Chair). Black Python Devs (BPD) grew. PEP 702: Marking deprecations (Jelle Zijlstra)";
        let found: Vec<_> =
            parenthesised_mentions(text, &[]).into_iter().map(|m| (m.person.name, m.person.affiliations)).collect();
        assert_eq!(
            found,
            vec![
                ("Mason Eggers".to_owned(), vec!["PyTexas Chair".to_owned()]),
                (
                    "Kevin Horn".to_owned(),
                    vec!["Dallas Fortworth Pythoneers Co-founder and PyTexas Organizer".to_owned()]
                ),
                ("Mariatta".to_owned(), vec!["PyCon US Chair".to_owned()]),
                ("Jelle Zijlstra".to_owned(), vec![]),
            ]
        );
        let both: Vec<_> = parenthesised_mentions(
            "Marie Roald and Yngve Mardal Moe (Turtle Thread), Microbenchmarks (not in the textbook), macOS on Apple Silicon (M1/M2/M3), PEP 742: Narrowing types with Typels (Jelle Zijlstra), HAMT (Hash Array Mapped Trie)",
            &["PEP 742: Narrowing types with Typels"],
        )
            .into_iter()
            .map(|m| (m.person.name, m.person.affiliations))
            .collect();
        assert_eq!(
            both,
            vec![
                ("Marie Roald".to_owned(), vec!["Turtle Thread".to_owned()]),
                ("Yngve Mardal Moe".to_owned(), vec!["Turtle Thread".to_owned()]),
                ("Jelle Zijlstra".to_owned(), vec![]),
            ]
        );
    }

    #[test]
    fn presenters_and_by_lines() {
        assert_eq!(leading_presenter("Luciana Abud demoing some of the new features").as_deref(), Some("Luciana Abud"));
        assert_eq!(leading_presenter("Yury Selivanov showed a screen with").as_deref(), Some("Yury Selivanov"));
        assert_eq!(leading_presenter("Anthony Shaw created a [gist](x) for his talk").as_deref(), Some("Anthony Shaw"));
        assert_eq!(leading_presenter("Python is underrated when it comes"), None);
        let (title, who) = by_line("\"Measuring the Performance of CPython\" by Michael Droettboom (Microsoft CPython Performance Engineering Team, Faster CPython Team)").unwrap();
        assert_eq!(title.as_deref(), Some("Measuring the Performance of CPython"));
        assert_eq!(who[0].name, "Michael Droettboom");
        assert_eq!(
            who[0].affiliations,
            vec!["Microsoft CPython Performance Engineering Team".to_owned(), "Faster CPython Team".to_owned()]
        );
        assert_eq!(
            by_line("This talk by Arun Suresh Kamar was going on while").unwrap().1[0].name,
            "Arun Suresh Kamar"
        );
        let both: Vec<_> = by_line("This talk by Ana Lima and Bo Chen (Acme) covered")
            .unwrap()
            .1
            .into_iter()
            .map(|n| n.name)
            .collect();
        assert_eq!(both, vec!["Ana Lima".to_owned(), "Bo Chen".to_owned()]);
        assert_eq!(name_after_with("AMA with Brett Cannon").as_deref(), Some("Brett Cannon"));
        assert_eq!(name_after_with("Data Science with Python"), None);
    }

    #[test]
    fn profile_handles() {
        assert_eq!(profile_handle("https://twitter.com/ucodery").as_deref(), Some("ucodery"));
        assert_eq!(profile_handle("mas.to/@christyheaton").as_deref(), Some("christyheaton"));
        assert_eq!(profile_handle("https://github.com/JessicaGarson/").as_deref(), Some("JessicaGarson"));
        assert_eq!(profile_handle("https://github.com/microsoft/jupyrest"), None);
        assert_eq!(profile_handle("https://pretalx.com/pycascades-2025/talk/X/"), None);
        assert_eq!(parse_handle_line("@JessicaGarson").as_deref(), Some("JessicaGarson"));
    }

    #[test]
    fn names_at_conferences_are_mentions() {
        let found: Vec<_> =
            at_conference_mentions("Josh Cannon at Northbay Python: youtube link. I was at PyCon US 2019.")
                .into_iter()
                .map(|m| m.person.name)
                .collect();
        assert_eq!(found, vec!["Josh Cannon".to_owned()]);
    }

    #[test]
    fn full_name_runs_find_names_with_particles() {
        let runs: Vec<_> = full_name_runs("Thomas noted that incoming release manager Hugo van Kemenade has proposed")
            .into_iter()
            .map(|r| r.1)
            .collect();
        assert_eq!(runs, vec!["Hugo van Kemenade".to_owned()]);
    }
}

//! People named in running text: `Name (Affiliation, formerly X)`, `… (Full Name)` credits,
//! `Name at PyTexas`, a session's notes opening with `Name showed …`, `"Title" by Name`, and the
//! full names a paragraph gives (to know who "he" or "Brandt" is).
//!
//! Owns finding names in sentences; every candidate passes the name-likeness judgement, so
//! `False Alarms (…)` or `Domain-Driven Design (DDD)` never become people.

use crate::model::NameRef;

use super::judge::{is_initial, is_particle};
use super::speakers::{Slot, parse_affiliations, speaker_list, take_asides};
use super::{is_name_token, person_name};
use crate::text::collapse_ws;

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
    "ran",
    "hosted",
    "hosting",
    "moderated",
    "moderating",
    "facilitated",
    "taught",
    "teaching",
    "covered",
    "argued",
    "said",
    "says",
    "claimed",
    "pointed",
    "described",
    "started",
    "told",
    "took",
    "went",
];

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

/// Verbs that say two people or more gave one talk together (`showed`, `presented` alone would
/// take in authors cited: `Kate Raworth and Mariana Mazzucato showed up on every slide`).
const CO_VERBS: &[&str] =
    &["co-presented", "co-presenting", "co-presents", "co-hosted", "co-led", "co-taught", "tag-teamed"];

/// The people who open a sentence as its presenters: `Olumide Bakare and Zeynep Arslan
/// co-presented this one` → both (each name whole, as a name list reads).
#[must_use]
pub fn leading_presenters(text: &str) -> Option<Vec<NameRef>> {
    let first_line = text.lines().next()?;
    let (before_aside, _) = take_asides(first_line);
    let words: Vec<&str> = before_aside.split_whitespace().collect();
    let at = words
        .iter()
        .take(9)
        .position(|w| CO_VERBS.contains(&w.trim_end_matches([',', '.', ';']).to_lowercase().as_str()))?;
    // (`A and B co-presented "Title"`: a sentence that states its title is a talk of its own.)
    if words[at + 1..].iter().any(|w| w.starts_with(['"', '“', '*', '_'])) {
        return None;
    }
    let names = speaker_list(&words[..at].join(" "), Slot::Guessed)?;
    (names.len() >= 2).then_some(names)
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
#[must_use]
pub fn leading_names(text: &str) -> Option<Vec<NameRef>> {
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
    let names = speaker_list(candidate, Slot::Guessed)?;
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
    // (No ` at `, no mention: finding conferences is the costly part.)
    if !text.contains(" at ") {
        return found;
    }
    for conference in crate::ingest::conference::conferences_in(text) {
        let Some(before) = text[..conference.start].strip_suffix(" at ") else {
            continue;
        };
        // A name is a few words: look at the last 200 bytes only, so the scan stays linear.
        let window = tail_start(before, 200);
        if let Some((offset, name)) = full_name_runs(&before[window..]).into_iter().next_back()
            && window + offset + name.len() == before.len()
        {
            found.push(ProseMention { person: NameRef::named(name), offset: window + offset });
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
            // `Domain-Driven Design (DDD)`: an aside that spells the words' initials names them.
            let initials: String = n.split([' ', '-']).filter_map(|w| w.chars().next()).collect();
            if content.trim_end_matches('s').eq_ignore_ascii_case(&initials) {
                return false;
            }
            // One word before needs a clear organisation in the aside (`Grace (Muck Rack)`).
            if n.contains(' ') { names_an_organisation(&content) } else { affiliation_like(&content) }
        });
        if before.is_none() {
            // `PEP 744: JIT Compilation (Brandt Bucher)`: a full name inside is a credit.
            let given_first =
                |n: &String| n.split(' ').next().is_some_and(|w| super::lexicon::facts(w).given || is_initial(w));
            if let Some(name) =
                person_name(&content, false).filter(|n| (2..=3).contains(&n.split(' ').count()) && given_first(n))
            {
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
    !dated(aside)
        && aside.chars().next().is_some_and(char::is_uppercase)
        && aside
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w.chars().count() >= 3 && w.chars().any(char::is_lowercase))
}

/// An aside with at least one word of two or more letters (`PSF`, `Elastic, formerly Twitter`),
/// not a code like `M1/M2/M3`.
fn names_an_organisation(aside: &str) -> bool {
    // `Aula Magna (y el aula 12 …)`: an aside that opens with a joining word is a remark
    // (`Ned Batchelder (coverage.py Maintainer)` is not).
    const JOINING: &[&str] = &[
        "y", "e", "el", "la", "los", "las", "and", "the", "a", "an", "for", "with", "to", "que", "et", "le", "les",
        "und", "der", "die", "das", "but", "or", "so", "which", "who", "see", "i", "we",
    ];
    let first = aside.split_whitespace().next().unwrap_or_default();
    // (`De Krook (talks)`: an aside in lower case names an organisation only with a capital in it.)
    let lower_only = aside.starts_with(char::is_lowercase) && !aside.chars().any(char::is_uppercase);
    !aside.starts_with(|c: char| c.is_ascii_digit())
        && !JOINING.contains(&first)
        && !lower_only
        && !dated(aside)
        && aside.split(|c: char| !c.is_alphabetic()).any(|w| w.chars().count() >= 2)
}

/// `June 2026`, `Tue 14 May`: an aside that dates something, not an organisation.
fn dated(aside: &str) -> bool {
    aside.chars().any(|c| c.is_ascii_digit())
        && aside
            .split(|c: char| !c.is_alphabetic())
            .any(|w| crate::ingest::conference::NOT_SERIES.contains(&w.to_lowercase().as_str()))
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
    crate::text::char_boundary_from(text, text.len().saturating_sub(max))
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
    // The aside that follows (`(Author of …)`, `(LaLoka Labs)`) vouches for a name of several
    // words that only looks like one: `Sviatoslav Sydorenko`, `Naomi Cedar`.
    let joined = candidate.join(" ");
    let j = super::judge::judge(&joined);
    let vouched = j.words >= 2 && j.score >= 0 && j.likeness >= super::judge::Likeness::Weak;
    let name = person_name(&joined, true).or_else(|| vouched.then_some(j.name))?;
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
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        // `Giorgos Stathopoulos' talk`.
        .or_else(|| word.strip_suffix("s'").or_else(|| word.strip_suffix("s’")).map(|w| &word[..=w.len()]))
        .unwrap_or(word)
}

/// Every run of 2–5 name words in `text` that reads as a full personal name, with its offset.
/// Used to know who "he", "she" or a first name refers to, never to create people. Reads the
/// words as they come (a window of six), so a text of millions of words costs no more room.
#[must_use]
pub fn full_name_runs(text: &str) -> Vec<(usize, String)> {
    let base = text.as_ptr() as usize;
    let mut words = text.split_whitespace().map(|w| (w.as_ptr() as usize - base, w));
    let mut window: std::collections::VecDeque<(usize, &str)> = std::collections::VecDeque::with_capacity(6);
    let mut runs = Vec::new();
    loop {
        while window.len() < 6 {
            match words.next() {
                Some(w) => window.push_back(w),
                None => break,
            }
        }
        if window.is_empty() {
            return runs;
        }
        let taken = name_run_at(&window);
        if let Some((len, name)) = taken {
            runs.push((window[0].0, name));
            window.drain(..len);
        } else {
            window.pop_front();
        }
    }
}

/// The words that open `window` as a full name (how many, and the name), if they do.
fn name_run_at(window: &std::collections::VecDeque<(usize, &str)>) -> Option<(usize, String)> {
    let mut j = 0;
    while j < window.len() && j < 5 {
        let raw = window[j].1;
        if j > 0 && raw.starts_with(['(', '"', '“']) {
            break;
        }
        let w = strip_possessive(raw.trim_end_matches([',', '.', ';', ':']));
        let w = w.trim_start_matches(['"', '“', '(']);
        if !(is_name_token(w) || (j > 0 && is_particle(w))) {
            break;
        }
        j += 1;
        let possessive = strip_possessive(raw).len() != raw.len();
        if possessive || raw.ends_with([',', '.', ';', ':']) && !is_initial(raw) {
            break;
        }
    }
    // `Saw Rahul Bhattacharya talk about …`: a sentence's capitalised first word that is an
    // ordinary word is not the start of the name after it.
    // (`Organiser Nino Kapanadze kicked things off`: nor is a role word.)
    if j < 2
        || j >= 3 && !window.iter().take(j - 1).all(|(_, w)| is_initial(w)) && {
            let opener = super::lexicon::facts(window[0].1);
            opener.common || opener.never
        }
    {
        return None;
    }
    let joined: Vec<&str> = window
        .iter()
        .take(j)
        .map(|(_, w)| {
            // (`K. S. Bhattacharya's talk`: an initial keeps its period.)
            let w = w.trim_end_matches([',', ';', ':']);
            let w = if is_initial(w) { w } else { w.trim_end_matches('.') };
            strip_possessive(w).trim_start_matches(['"', '“', '('])
        })
        .collect();
    person_name(&joined.join(" "), false).map(|name| (j, name))
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn names_at_conferences_are_mentions() {
        let found: Vec<_> =
            at_conference_mentions("Josh Cannon at Northbay Python: youtube link. I was at PyCon US 2019.")
                .into_iter()
                .map(|m| m.person.name)
                .collect();
        assert_eq!(found, vec!["Josh Cannon".to_owned()]);
    }

    #[test]
    fn full_name_runs_keep_every_initial() {
        let runs: Vec<_> = full_name_runs(
            "Afternoon: K. S. Bhattacharya's talk \"Temperature Control\". Then J. R. R. Tolkien spoke.",
        )
        .into_iter()
        .map(|r| r.1)
        .collect();
        assert_eq!(runs, vec!["K. S. Bhattacharya".to_owned(), "J. R. R. Tolkien".to_owned()]);
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

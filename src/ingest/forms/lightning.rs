//! Lightning talks written `Name: title` where the notes say the items are lightning talks, and
//! the remarks and errands (`Note: …`, `Kemal: write up the notes`) that look the same.

use super::decorations::without_decorations;
use super::{Reading, title_of};
use crate::model::NameRef;

/// `Tomasz: a peephole optimizer in Lua`, `@lexi_bytes: cursed C tricks`, `Rūta P.: "my cat's
/// GPS collar"` where the notes say the items are lightning talks: one given name (or a handle, or
/// a given name and an initial) before a colon is the speaker, whatever the title's case. Only
/// where a heading or lead-in says so: elsewhere `Kemal: write up the docs` is an action item. A
/// word that is only an ordinary word (`Update:`, `Demo:`) names no one.
#[must_use]
pub fn lightning_slot(text: &str) -> Option<Reading> {
    let text = without_decorations(text);
    let (who, title) = text.split_once(": ")?;
    let who = who.trim().trim_start_matches(['-', '*', '•']).trim();
    // `Dawn (no surname on the slide): …`: the note-taker's aside after the name.
    let who = who
        .strip_suffix(')')
        .and_then(|w| w.rfind(" (").map(|open| (&w[..open], &w[open + 2..])))
        .filter(|(_, aside)| aside.starts_with(char::is_lowercase))
        .map_or(who, |(name, _)| name.trim_end());
    let name = if let Some(handle) = crate::ingest::names::handles::parse_handle(who) {
        let mut n = NameRef::named(format!("@{handle}"));
        n.handles.push(format!("@{handle}"));
        n
    } else {
        let words: Vec<&str> = who.split_whitespace().collect();
        // A given name, and one that is also a word (`Grace`, `Will`, `Max`) only before a
        // capitalised title (`Grace: FOIA tracker`, not `Will: be posted next week`); a word no
        // list knows (`Tuvshin`, `Slido`) only before a capitalised title too.
        let given = words.first().filter(|w| {
            let f = crate::ingest::names::lexicon::facts(w);
            let capital = title.trim_start().starts_with(char::is_uppercase);
            // (A word no list knows, before a capitalised title: `Tuvshin: CSV Is a Climate Risk`.)
            let known = f.given && (!f.common || capital);
            crate::ingest::names::is_name_token(w) && !f.never && (known || !f.common && capital || words.len() > 1)
        })?;
        // (`Grace Oyelaran: RSS Is Not Dead`: a full name whose given name is also a word.)
        let rest_ok = match words.len() {
            1 => true,
            2 if crate::ingest::names::judge::is_initial(words[1]) => true,
            2..=4 => {
                let plain = words[1..].iter().all(|w| {
                    let f = crate::ingest::names::lexicon::facts(w);
                    crate::ingest::names::judge::is_particle(w)
                        || crate::ingest::names::is_name_token(w) && !f.common && !f.never
                });
                plain || crate::ingest::names::judge::judge(who).likeness >= crate::ingest::names::judge::Likeness::Weak
            }
            _ => false,
        };
        if !rest_ok || given.chars().count() < 2 {
            return None;
        }
        NameRef::named(words.join(" "))
    };
    // `Kemal: write up the notes`, `@pyconlt: vote for the best talk`: an errand, not a title.
    if is_remark_after_label(title) {
        return None;
    }
    let title = title_of(title.trim())?;
    let key = "Name: Title under lightning talks".into();
    Some(Reading { key, title, speakers: vec![name], score: 1, kind: None, rest: None })
}

/// What follows `Word:` is a remark or an errand, not a title: it opens with a verb of an errand
/// (`write up the docs`, `be posted next week`), an article or preposition of a remark (`the
/// best one of the day`, `on the conference channel`), or a count of the slot (`5 minutes
/// each`, `12 talks`).
#[must_use]
pub fn is_remark_after_label(rest: &str) -> bool {
    let mut words = rest.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase());
    let first = words.next().unwrap_or_default();
    let count = first.chars().all(|c| c.is_ascii_digit())
        && words.next().is_some_and(|unit| {
            ["min", "mins", "minutes", "talks", "slots", "speakers", "people", "seconds"].contains(&unit.as_str())
        });
    ERRAND_VERBS.contains(&first.as_str()) || ["the", "on", "in", "at"].contains(&first.as_str()) || count
}

/// `Note: only 4 of 6 speakers showed up`, `Bonus: pizza afterwards`: the note-taker's label
/// opening a line among talks.
#[must_use]
pub fn opens_with_a_remark_label(title: &str) -> bool {
    let Some((label, rest)) = title.split_once(": ") else { return false };
    // (`Will: be posted on YouTube next week`, `Recording: on the conference channel`.)
    let one_word = !label.trim().contains(' ');
    matches!(
        label.trim().to_lowercase().as_str(),
        "note"
            | "notes"
            | "nb"
            | "n.b"
            | "bonus"
            | "update"
            | "tip"
            | "reminder"
            | "fyi"
            | "ps"
            | "p.s"
            | "edit"
            | "aside"
    ) || one_word && is_remark_after_label(rest)
}

/// Verbs that open an errand or a remark after `Name:` (`write up the docs`, `be posted`).
const ERRAND_VERBS: &[&str] = &[
    "be",
    "is",
    "was",
    "will",
    "vote",
    "go",
    "check",
    "see",
    "join",
    "ask",
    "send",
    "write",
    "share",
    "read",
    "watch",
    "follow",
    "email",
    "ping",
    "remember",
    "bring",
    "buy",
    "book",
    "sign",
    "fill",
    "look",
    "try",
    "find",
    "get",
    "call",
    "tell",
    "thank",
    "post",
    "review",
    "update",
    "add",
    "fix",
    "do",
    "follow-up",
    "todo",
];

//! What a heading's words say about it: a number in place of a title, a group of sessions.

use super::super::super::text::has_any_word;

/// `Slot 3`, `Session 2`, `Talk 4 — Keynote`: a heading that only numbers the session.
pub(super) fn is_placeholder_title(title: &str) -> bool {
    let lower = title.to_lowercase();
    let first = lower.split_whitespace().next().unwrap_or_default();
    let second = lower.split_whitespace().nth(1).unwrap_or_default();
    // (`## note_0007`, `### entry-12`: an app's id for a note.)
    let id = lower.split_whitespace().count() == 1
        && lower.trim_start_matches(|c: char| c.is_ascii_alphabetic()).trim_start_matches(['_', '-']).len() >= 2
        && lower
            .trim_start_matches(|c: char| c.is_ascii_alphabetic())
            .trim_start_matches(['_', '-'])
            .chars()
            .all(|c| c.is_ascii_digit())
        && lower.starts_with(|c: char| c.is_ascii_alphabetic());
    id || matches!(first, "slot" | "session" | "talk" | "item" | "#" | "note" | "entry" | "card" | "record")
        && second.trim_matches(|c: char| !c.is_alphanumeric()).chars().all(|c| c.is_ascii_digit())
}

/// A title with a plural kind word (`Lightning talks`, `Keynotes`, `Workshops`): a group of
/// sessions, not one (`Keynote (Ana Ortiz)` is one).
pub(super) fn names_a_group(title: &str) -> bool {
    has_any_word(
        title,
        &["talks", "keynotes", "workshops", "tutorials", "panels", "sessions", "presentations", "lightnings", "lts"],
    )
}

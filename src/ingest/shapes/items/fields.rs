//! Items that are not talks of their own by what they say: a label line, or a talk a programme
//! committee did not take.

use crate::ingest::labels::{Field, is_by_phrase, labels_of};
use crate::ingest::names::speakers::{Slot, speaker_list};

/// `#117 — Why MOOCs Will Replace Universities — Gary Hobbs — reject (vendor pitch)`: a
/// decision, last on the line, that the talk was not given.
pub(super) fn not_given(text: &str) -> bool {
    let last = [" — ", " – ", " - ", " | "]
        .iter()
        .filter_map(|d| text.rfind(d).map(|i| &text[i + d.len()..]))
        .min_by_key(|s| s.len())
        .unwrap_or_default();
    let first = last.split(|c: char| !c.is_alphanumeric()).next().unwrap_or_default().to_lowercase();
    NOT_GIVEN.contains(&first.as_str())
}

/// Decisions that a talk was not given.
const NOT_GIVEN: &[&str] =
    &["reject", "rejected", "waitlist", "waitlisted", "declined", "withdrawn", "cancelled", "canceled", "dropped"];

/// An item that is a label line (`Room: B`, `Speakers: Ana & Bo`); a by-phrase over more than
/// names (`talk by Ana Ortiz on Sandcastles`) is a talk, not a field.
pub(super) fn is_field(text: &str) -> bool {
    labels_of(text).iter().any(|l| {
        let by_phrase = is_by_phrase(&l.label);
        l.field != Field::Speakers || !by_phrase || speaker_list(&l.value, Slot::Stated).is_some()
    })
}

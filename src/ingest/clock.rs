//! Clock times at the start of a line: `09:30`, `2:15pm`, `14h00`, `10:00 – 10:45 CET`, `1015`.

use std::sync::LazyLock;

use regex::Regex;

/// A clock time, or a range of two, at the start of a line.
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    // `0930`, `1445`: a 24-hour time without a colon, up to 18:59 (`1999`, `2024` are years).
    let clock = r"(?:\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?\s?m\.?|[ap]\b)?|\d{1,2}\s*[ap]\.?\s?m\.?|(?:0\d|1[0-8])[0-5]\d\b|noon|midday)";
    // (`1000-1200`: a range of two such times.)
    let end = r"(?:(?:0\d|1[0-8])[0-5]\d\b|\d{1,2}(?:[:.h]\d{2})?(?:\s*[ap]\.?\s?m\.?)?|noon|midday)";
    // `09:00 - 09:30 BST`, `14:00 CET`: a time zone after the time (in capitals, so `Test` is none).
    let zone = r"(?-i:\s+(?:UTC|GMT|BST|CET|CEST|EET|EEST|WET|WEST|IST|JST|KST|AEST|AEDT|NZST|NZDT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|SGT|HKT|SAST|EAT|WAT|BRT|ART)(?:[+-]\d{1,2})?\b)?";
    Regex::new(&format!(
        r"(?i)^[\s*_\[(]*(?:(?:also|plus)\s+)?(?P<time>{clock}(?:\s*(?:-|–|—|to|until|bis)\s*{end})?){zone}[\s*_\])]*(?:[|·•:\-–—,]\s+|\t|\s+|$)"
    ))
    .expect("valid regex")
});

/// Whether `text` opens with a word for a room or track.
fn starts_with_room_word(text: &str) -> bool {
    let word = text.split_whitespace().next().unwrap_or_default().to_lowercase();
    ["room", "track", "stage", "hall", "salle", "sala", "saal"].contains(&word.as_str())
}

/// The time at the start of `text` and what follows it.
///
/// # Examples
///
/// ```
/// use confgraph::ingest::clock::leading_time;
///
/// assert_eq!(leading_time("10:15  Fearless FFI - Ana Ortiz"), Some(("10:15".into(), "Fearless FFI - Ana Ortiz")));
/// assert_eq!(leading_time("2:30 - 3:15 PM Closing"), Some(("2:30 - 3:15 PM".into(), "Closing")));
/// assert_eq!(leading_time("8:30–9:15am"), Some(("8:30–9:15am".into(), "")));
/// assert_eq!(leading_time("1. Intro to Go"), None);
/// assert_eq!(leading_time("1015 multiple dispatch - Ana"), Some(("1015".into(), "multiple dispatch - Ana")));
/// assert_eq!(leading_time("2024 was a good year"), None);
/// assert_eq!(leading_time("1000-1200 wkshp: otel"), Some(("1000-1200".into(), "wkshp: otel")));
/// assert_eq!(leading_time("1015 - 2024 in review"), Some(("1015".into(), "2024 in review")));
/// assert_eq!(leading_time("09:00 - 09:30 BST"), Some(("09:00 - 09:30".into(), "")));
/// assert_eq!(leading_time("9:30a  [Main]  Opening"), Some(("9:30a".into(), "[Main]  Opening")));
/// // A parallel session told under another: `also 2:15pm, room B: …`.
/// assert_eq!(leading_time("also 2:15pm, room B: Toil"), Some(("2:15pm".into(), "room B: Toil")));
/// // (A comma after a time before anything else is a sentence.)
/// assert_eq!(leading_time("4pm, grabbed coffee with Bo"), None);
/// ```
#[must_use]
pub fn leading_time(text: &str) -> Option<(String, &str)> {
    let m = TIME.captures(text)?;
    // (A comma after the time only before a room: `also 2:15pm, room B: …`; `4pm, grabbed
    // coffee` is a sentence.)
    if m.get(0)?.as_str().trim_end().ends_with(',') && !starts_with_room_word(&text[m.get(0)?.end()..]) {
        return None;
    }
    let time = m.name("time")?.as_str().trim().to_owned();
    let rest = text[m.get(0)?.end()..].trim();
    let rest = rest.trim_start_matches(['|', '·', '•', '-', '–', '—', ':']).trim_start();
    Some((time, rest))
}

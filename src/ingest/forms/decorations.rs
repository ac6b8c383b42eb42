//! What decorates a head and is no part of a talk: pictographs, went-marks and ratings, the
//! note-taker's asides and comments, author initials, a room set apart at the end, tags, and a
//! speaker slot that holds nobody.

use super::{Head, is_role_group, is_room_line};

/// A line without what decorates it: a leading pictograph (`👋 Opening remarks by …`), attendance
/// marks (`Title ★`, `Title (*)`, `Title ✓`), the note-taker's aside (`(missed who gave it)`), a
/// trailing pictograph and tags (`Title #chaos #sre`, topic hints read elsewhere).
pub(super) fn without_decorations(text: &str) -> &str {
    // `👋 Opening remarks by …`, `🛠️ workshop: …`: a pictograph leading a line decorates it (the
    // lightning sign is a kind label, read later).
    let pictograph = |c: char| {
        !c.is_alphanumeric()
            && c != '⚡'
            && (u32::from(c) >= 0x2190 && !"“”‘’«»„".contains(c) || matches!(c, '\u{fe0f}' | '\u{200d}'))
    };
    let mut t = text.trim_start_matches(|c: char| pictograph(c) || c.is_whitespace()).trim_end();
    // `Bishop — Game Accessibility …  [Main]   ← only goes by "Bishop"`: the note-taker's comment
    // after an arrow set apart by spaces.
    if let Some(at) = ["  ← ", "  <- ", "  <-- ", "\t← "].iter().filter_map(|a| t.find(a)).min().filter(|&at| at > 0)
    {
        t = t[..at].trim_end();
    }
    // `[MK] Shade equity …`: a shared document's author initials.
    t = author_initials(t).map_or(t, str::trim_start);
    // `Free Monads in Anger / Tiago Nakamura. 6/10 too much boilerplate`: the note-taker's rating
    // and what follows it.
    // `WASI Preview 2 in Anger (Vojtěch Hrubý) ✔ — lots of live coding`: a went-mark or stars
    // after the talk, and the remark after them.
    // (Not before a speaker, `Rust on a Trawler ✔ — Nurlan Abenov`, nor inside a title, `The ✓
    // Is a Lie`.)
    if let Some(at) =
        t.char_indices().find(|&(i, c)| i > 0 && ATTENDANCE_MARKS.contains(&c) && t[..i].ends_with(' ')).map(|(i, _)| i)
        && t[..at].chars().filter(|c| c.is_alphabetic()).count() >= 3
    {
        let after = t[at..].trim_start_matches(|c: char| ATTENDANCE_MARKS.contains(&c) || c.is_whitespace());
        // (After the speaker's brackets, whatever follows is a remark: `(Noa Peretz) ✔ — Rohan is
        // on the V8 team`.)
        let remark = after.is_empty()
            || after.starts_with(|c: char| c.is_lowercase() || matches!(c, ',' | ';'))
            || after.strip_prefix('(').is_some_and(|r| r.starts_with(char::is_lowercase))
            || t[..at].trim_end().ends_with(')')
            || ["— ", "– ", "- ", "-- "]
                .iter()
                .find_map(|d| after.strip_prefix(d))
                .is_some_and(|r| r.starts_with(|c: char| c.is_lowercase()));
        if remark {
            t = t[..at].trim_end();
        }
    }
    if let Some(r) = rating_in(t).filter(|r| !r.speaker_follows) {
        t = t[..r.at].trim_end().trim_end_matches(['.', ',', ';', '—', '–', '-', '(']).trim_end();
    }
    without_trailing(t)
}

/// Where a went-mark joined by a "recommend" mark (`* !`, `*!`, `* !!`) starts, set apart by a
/// space after the talk.
fn recommended_at(t: &str) -> Option<usize> {
    let at = t.find(" *")?;
    let marks = &t[at + 1..];
    let run = marks.len() - marks.trim_start_matches(['*', '!', ' ', '\t']).len();
    (at > 0 && marks[..run].contains('!')).then_some(at)
}

/// A line without what trails it, taken off until nothing more comes off: went-marks, a "went"
/// mark set apart, a slot that holds nobody, a room tag or a room set apart, an aside, a
/// trailing pictograph, an outline's block id and tags.
fn without_trailing(text: &str) -> &str {
    let mut t = text;
    loop {
        let before = t;
        t = t.trim_end_matches(ATTENDANCE_MARKS).trim_end();
        t = t.strip_suffix("(*)").unwrap_or(t).trim_end();
        // `Title (Speaker)  * really good`: a "went" mark set apart by spaces, then a remark.
        // (`Opening (Kiri)  * Open Ledgers (Amina)`: a capital after the mark starts another item.)
        // (`*  ! genuinely useful`, `* !! fav of the day`: a "recommend" mark after it too.)
        if let Some(at) = t.find("  * ").or_else(|| t.find("\t* ")).filter(|&at| {
            at > 0
                && t[at..]
                    .trim_start_matches([' ', '\t', '*', '!', '+'])
                    .starts_with(|c: char| c.is_lowercase() || c == '(')
        }) {
            t = t[..at].trim_end();
        }
        // `(Aoife Gallagher) * !! Best of the conf`, `*! fav`: a went-mark with a "recommend"
        // mark, whatever the remark after them.
        if let Some(at) = recommended_at(t) {
            t = t[..at].trim_end();
        }
        if let Some(head) = without_nobody_slot(t) {
            t = head;
        }
        // `Designing for … in the Andes  [Sauna B]`: a room tag of a few words set apart at the end.
        if let Some(open) = t.strip_suffix(']').and_then(|r| r.rfind('['))
            && t[..open].ends_with("  ")
            && t[open + 1..t.len() - 1].split_whitespace().count() <= 3
        {
            t = t[..open].trim_end();
        }
        // `Title (Speaker) *`: a printout's "went" mark.
        t = t.strip_suffix(" *").unwrap_or(t).trim_end();
        // `Welcome to FieldBots - Aroha Te Kani          Main Hall`: a room set apart at the end.
        if let Some(gap) = t.rfind("  ").or_else(|| t.rfind('\t'))
            && is_room_line(t[gap..].trim())
            && t[..gap].chars().filter(|c| c.is_alphabetic()).count() >= 3
        {
            t = t[..gap].trim_end();
        }
        // `Nerves on a Coffee Machine ☕ (missed who gave it)`: the note-taker's aside.
        if let Some(open) = t.strip_suffix(')').and_then(|r| r.rfind('(')) {
            let inner = t[open + 1..t.len() - 1].trim_start();
            let aside = ["missed", "didn't", "did not", "skipped", "left early", "only caught", "half", "lol", "sadly"]
                .iter()
                .any(|w| inner.starts_with(w));
            if aside && open > 0 {
                t = t[..open].trim_end();
            }
        }
        t = t
            .trim_end_matches(|c: char| u32::from(c) >= 0x2190 && !c.is_alphanumeric() && !"”’»".contains(c))
            .trim_end();
        // `Title — Speaker ^kn1`: an outline's block id.
        if let Some(at) = t.rfind(" ^") {
            let id = &t[at + 2..];
            if !id.is_empty() && id.len() <= 12 && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                t = t[..at].trim_end();
            }
        }
        if let Some(at) = t.rfind(" #") {
            let tag = &t[at + 2..];
            if !tag.is_empty() && tag.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '/')) {
                t = t[..at].trim_end();
            }
        }
        if t.len() == before.len() {
            return t;
        }
    }
}

/// Marks a note-taker sets after a talk they went to or liked.
pub(super) const ATTENDANCE_MARKS: &[char] = &['★', '☆', '✓', '✔', '✅', '⭐', '✗', '✘'];

/// A note-taker's rating in a line (`8/10`, `4.5/5`, `(7/10)`): where it stands, and whether the
/// line goes on with who gave the talk (`Title 8/10 - Speaker`), so only the rating comes out.
struct Rating {
    at: usize,
    end: usize,
    speaker_follows: bool,
}

/// The rating of a line: set off by punctuation or brackets, at the end, or before a speaker
/// slot. `Why 9/10 startups fail` and `Scaling to 10/10 Nines` hold a ratio, not a rating.
fn rating_in(text: &str) -> Option<Rating> {
    static RATING: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?:^|\s)(\(?(\d{1,2}(?:\.\d)?)\s?/\s?(10|5)\)?)(?:[\s.,;!)]|$)").expect("valid regex")
    });
    if !text.contains('/') {
        return None;
    }
    RATING.captures_iter(text).find_map(|c| {
        let m = c.get(1)?;
        let score: f32 = c[2].parse().ok()?;
        let out_of: f32 = c[3].parse().ok()?;
        let before = text[..m.start()].trim_end();
        if score > out_of || before.chars().filter(|c| c.is_alphabetic()).count() < 3 {
            return None;
        }
        let after = text[m.end()..].trim_start_matches(|c: char| c.is_whitespace() || ".,;)!".contains(c));
        let speaker_follows = ["- ", "— ", "– ", "-- ", "by ", "By "].iter().any(|d| after.starts_with(d));
        let set_off =
            before.ends_with(['.', ',', ';', '!', '?', '(', '—', '–', '-', ':']) || m.as_str().starts_with('(');
        let at_end = !after.chars().any(char::is_alphabetic);
        (speaker_follows || set_off || at_end).then_some(Rating { at: m.start(), end: m.end(), speaker_follows })
    })
}

/// `Elm for Backend People 8/10 - Natalia Kuznetsova`: the head with a rating before its speaker
/// slot taken out, its marks kept on their characters.
pub(super) fn without_rating(head: &Head) -> Option<Head> {
    let r = rating_in(&head.text).filter(|r| r.speaker_follows)?;
    let before = head.text[..r.at].trim_end().trim_end_matches([',', ';', '(']).trim_end();
    let after = head.text[r.end..].trim_start_matches(|c: char| c.is_whitespace() || ".,;)".contains(c));
    let text = format!("{before} {after}");
    let cut_from = before.len();
    let shift = head.text.len() - after.len() - (cut_from + 1);
    let marks = head
        .marks
        .iter()
        .filter(|m| m.2 <= cut_from || m.1 >= head.text.len() - after.len())
        .map(|&(k, s, e)| if s >= cut_from { (k, s - shift, e - shift) } else { (k, s, e) })
        .collect();
    Some(Head { text, marks })
}

/// `Opening -- organisers`, `Lightning talks — TBA`, `Building a 6502 – (recorded video, speaker
/// couldn't travel)`: a speaker slot after a dash that holds nobody (a role group, a placeholder)
/// or only the note-taker's bracketed remark; the head before it.
/// So is one before the title (`?? (didn't catch the name) - berth scheduling w/ OR-Tools`).
fn without_nobody_slot(text: &str) -> Option<&str> {
    let nobody = |slot: &str| {
        let slot = slot.trim();
        let lower = slot.to_lowercase();
        let remark =
            slot.strip_prefix('(').and_then(|r| r.strip_suffix(')')).is_some_and(|r| r.starts_with(char::is_lowercase));
        let placeholder =
            |p: &str| ["tba", "tbd", "tbc", "?", "??", "???", "unknown", "various", "various speakers"].contains(&p);
        // (`?? (didn't catch the name)`: a placeholder with the note-taker's aside.)
        let before_aside = lower.split(" (").next().unwrap_or(&lower).trim();
        is_role_group(slot) || placeholder(&lower) || remark || lower.ends_with(')') && placeholder(before_aside)
    };
    let dashes = [" -- ", " — ", " – ", " - "];
    if let Some((head, slot)) = dashes.iter().find_map(|d| text.rsplit_once(d))
        && !head.trim().is_empty()
        && nobody(slot)
    {
        return Some(head.trim_end());
    }
    let (slot, tail) = dashes.iter().find_map(|d| text.split_once(d))?;
    (!tail.trim().is_empty() && nobody(slot)).then(|| tail.trim_start())
}

/// What follows a shared document's author initials opening a line (`[MK] `, `[JO] `): two or
/// three capitals in brackets.
#[must_use]
pub fn author_initials(text: &str) -> Option<&str> {
    let rest = text.strip_prefix('[')?;
    let close = rest.find(']')?;
    let tag = &rest[..close];
    ((2..=3).contains(&tag.len()) && tag.bytes().all(|b| b.is_ascii_uppercase()) && rest[close + 1..].starts_with(' '))
        .then(|| &rest[close + 1..])
}

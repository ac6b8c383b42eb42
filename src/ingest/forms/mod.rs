//! Line forms: the ways one line of notes holds a talk's title and its speakers.
//!
//! A heading, a list item, a table cell or what follows a time is a *head*; each [`Form`] of the
//! registry [`FORMS`] tries to split a head into a title and a speaker list (`Title (Speaker)`,
//! `Speaker — Title`, `"Title" by A and B`, `**Title**, Speaker`, `[Speaker] Title`,
//! `Title // Speaker // Room` …). Which side holds the speakers is decided by how the words look
//! ([`super::names::judge`]), never by the separator alone, and a form's reading carries a score
//! so that a file's repeated pattern can be inferred from many heads at once (`super::pattern`).
//! A new form is one more entry in [`FORMS`].

mod by;
mod enclosed;
mod split;
mod title;

pub use by::*;
pub use enclosed::*;
pub use split::*;
pub use title::*;

use crate::model::{NameRef, SessionKind};

use super::document::{Block, MarkKind};
use super::kind::{kind_word, strip_kind_label};
use super::names::judge::{Likeness, judge};
use super::names::speakers::{Slot, is_role_group, speaker_list};
use crate::text::collapse_ws;

/// A head: one line of text with the stretches set off in it (bold, italic, links).
#[derive(Debug, Clone, Default)]
pub struct Head {
    /// The text.
    pub text: String,
    /// Marked stretches, as byte ranges of `text`.
    pub marks: Vec<(MarkKind, usize, usize)>,
}

impl Head {
    /// A head of plain text.
    #[must_use]
    pub fn plain(text: &str) -> Self {
        Self { text: text.to_owned(), marks: Vec::new() }
    }

    /// The head of bytes `start..end` of a block's text, with the block's marks that fall in it.
    #[must_use]
    pub fn of(block: &Block, start: usize, end: usize) -> Self {
        let end = end.min(block.text.len());
        let start = start.min(end);
        let text = block.text.get(start..end).unwrap_or_default();
        let lead = text.len() - text.trim_start().len();
        let text_trimmed = text.trim();
        let base = start + lead;
        let marks = block
            .marks
            .iter()
            .filter(|m| m.start >= base && m.end <= base + text_trimmed.len())
            .map(|m| (m.kind, m.start - base, m.end - base))
            .collect();
        // A head that runs over two lines reads as one (same length, so marks keep their offsets).
        Self { text: text_trimmed.replace('\n', " "), marks }
    }

    /// The head of a whole block.
    #[must_use]
    pub fn of_block(block: &Block) -> Self {
        Self::of(block, 0, block.text.len())
    }
}

/// What one form read from a head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// The form and where it found the speakers (`Speaker — Title`), shown by `extract --explain`;
    /// heads of one repeated pattern share it.
    pub key: String,
    /// The title.
    pub title: String,
    /// The speakers, in order.
    pub speakers: Vec<NameRef>,
    /// How sure the reading is: the speakers' name-likeness plus the form's own evidence.
    pub score: i32,
    /// A kind the head states (`Keynote: …`, `(workshop)`).
    pub kind: Option<SessionKind>,
    /// Text of the head that is neither title nor speakers (a room, a remark).
    pub rest: Option<String>,
}

/// One way a head can hold a title and speakers.
pub trait Form: Sync {
    /// The form as users write it, e.g. `Title (Speaker)`.
    fn name(&self) -> &'static str;
    /// Reads `head` (its kind label already taken off). `slot` says how sure the caller already
    /// is that the head names speakers (see [`Slot`]).
    fn read(&self, head: &Head, slot: Slot) -> Vec<Reading>;
}

/// Every form, most specific first.
pub static FORMS: &[&dyn Form] = &[
    &ModeratedPanel,
    &ByNames,
    &QuotedTitle,
    &MarkedTitle,
    &ParenNames,
    &BracketNames,
    &Separated,
    &DashSplit,
    &PeriodSplit,
    &ColonNames,
    &CommaNames,
    &NameComma,
    &NameKeynote,
    &NameOn,
];

/// Points a speaker list is worth: each name by its likeness.
fn names_score(names: &[NameRef]) -> i32 {
    names
        .iter()
        .map(|n| {
            if n.name.starts_with('@') {
                2
            } else {
                match judge(&n.name).likeness {
                    Likeness::Strong => 4,
                    Likeness::Plausible => 2,
                    Likeness::Weak => 0,
                    Likeness::No => -4,
                }
            }
        })
        .sum::<i32>()
        / i32::try_from(names.len().max(1)).unwrap_or(1)
}

/// A reading with the score of its names, less a penalty when the title itself reads as a name.
fn reading(key: &str, title: String, speakers: Vec<NameRef>, bonus: i32, rest: Option<String>) -> Reading {
    let title_is_a_name = judge(&title).likeness >= Likeness::Plausible && title.split(' ').count() <= 4;
    let score = names_score(&speakers) + bonus - if title_is_a_name { 5 } else { 0 };
    Reading { key: key.to_owned(), title, speakers, score, kind: None, rest }
}

/// Separators between a title and a remark after the speakers (`by Ana — great talk`).
const REMARK_SEPARATORS: &[&str] = &[" — ", " – ", " - ", " -- ", ". ", "; ", " | ", " // "];

/// The speaker list at the start of `text`: all of it, or up to a remark separator.
fn leading_speakers(text: &str, slot: Slot) -> Option<(Vec<NameRef>, Option<String>)> {
    if let Some(names) = speaker_list(text, slot) {
        return Some((names, None));
    }
    REMARK_SEPARATORS.iter().filter_map(|sep| text.find(sep)).min().and_then(|cut| {
        let names = speaker_list(&text[..cut], slot)?;
        Some((names, Some(collapse_ws(&text[cut..]))))
    })
}

/// `Joaquín Amat again; they announced …`, `Achieng Odhiambo (chair) welcomed everyone`: one
/// name of two to five words opening `text`, then a remark in lower case or after punctuation.
fn name_then_remark(text: &str, slot: Slot) -> Option<(Vec<NameRef>, Option<String>)> {
    let words: Vec<(usize, &str)> =
        text.split_whitespace().take(6).map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w)).collect();
    for n in (2..=words.len().min(5)).rev() {
        let (at, last) = words[n - 1];
        let end = at + last.len();
        let name = text[..end].trim_end_matches([',', ';']);
        let rest = text[end..].trim_start();
        let remark_follows = text[..end].ends_with([',', ';']) || rest.starts_with(['(', ',', ';']);
        if !remark_follows || rest.is_empty() {
            continue;
        }
        if let Some(names) = speaker_list(name, slot).filter(|n| n.len() == 1) {
            return Some((names, Some(collapse_ws(rest))));
        }
    }
    None
}

/// Every reading of a head by every form, best first; the head's kind label (`Keynote:`) is
/// taken off first and given to each reading.
#[must_use]
pub fn readings(head: &Head, slot: Slot) -> Vec<Reading> {
    if !super::names::has_name_word(&head.text, slot) {
        return Vec::new();
    }
    let unmarked = without_decorations(&head.text);
    if unmarked.len() < head.text.len() {
        let from = unmarked.as_ptr() as usize - head.text.as_ptr() as usize;
        let to = from + unmarked.len();
        let marks =
            head.marks.iter().filter(|m| m.1 >= from && m.2 <= to).map(|&(k, s, e)| (k, s - from, e - from)).collect();
        return readings(&Head { text: unmarked.to_owned(), marks }, slot);
    }
    if let Some(unrated) = without_rating(head) {
        return readings(&unrated, slot);
    }
    // `#talk #keynote Title — Speaker`: an outline's leading tags, the kind among them (the most
    // specific one: `#keynote` over `#talk`).
    if head.text.starts_with('#') && !head.text.starts_with("# ") {
        let mut end = 0;
        let mut kind = None;
        for word in head.text.split(' ') {
            let Some(tag) = word.strip_prefix('#').filter(|t| !t.is_empty() && !t.starts_with('#')) else { break };
            if kind.is_none() || kind == Some(SessionKind::Talk) {
                kind = kind_word(tag).or(kind);
            }
            end += word.len() + 1;
        }
        if end > 0 && end < head.text.len() {
            return read_rest(head, end, kind, slot);
        }
    }
    // `keynote now: "T" — A`, `next: A, "T"`, `next one — A, "T"`: a live-blogger's lead-in.
    if let Some(m) = LIVE_LEAD_IN.captures(&head.text) {
        let end = m.get(0).map_or(0, |w| w.end());
        if end < head.text.len() {
            return read_rest(head, end, m.name("kind").and_then(|k| kind_word(k.as_str())), slot);
        }
    }
    // `**Keynote** Matej Kranjc — "Deploy on Fridays"`: a kind word set in bold is a label.
    if let Some(&(_, 0, end)) = head.marks.iter().find(|m| m.0 == MarkKind::Strong && m.1 == 0) {
        let after = &head.text[end..];
        let goes_on = after.starts_with(' ')
            && after.trim_start().starts_with(|c: char| c.is_alphanumeric() || "\"“[@".contains(c));
        if let Some(kind) = kind_word(&head.text[..end]).filter(|_| goes_on) {
            let shift = head.text.len() - head.text[end..].trim_start().len();
            return read_rest(head, shift, Some(kind), slot);
        }
    }
    let (text, kind) = strip_kind_label(&head.text);
    let shift =
        head.text.trim_start().len().saturating_sub(text.len()) + (head.text.len() - head.text.trim_start().len());
    let shifted = Head {
        text: text.clone(),
        marks: head
            .marks
            .iter()
            .filter(|(_, s, _)| *s >= shift)
            .map(|&(k, s, e)| (k, s - shift, e.saturating_sub(shift).min(text.len())))
            .filter(|&(_, s, e)| e > s && text.is_char_boundary(s) && text.is_char_boundary(e))
            .collect(),
    };
    let mut out: Vec<Reading> = FORMS.iter().flat_map(|f| f.read(&shifted, slot)).collect();
    out.extend(before_remark(&shifted, slot));
    // `Panel: Is the bubble bursting? with A (moderator), B and C`: the label said panel.
    if matches!(kind, Some(SessionKind::Panel | SessionKind::Ama)) {
        out.extend(labelled_with(&shifted.text, slot));
    }
    for r in &mut out {
        r.kind = r.kind.or(kind);
        // `Lucas Moreau: Workshop: Building a DPIA Template`: the label after the speaker.
        let (title, label) = strip_kind_label(&r.title);
        if label.is_some() && title.len() < r.title.len() {
            r.title = title;
            r.kind = r.kind.or(label);
        }
    }
    out.sort_by_key(|r| std::cmp::Reverse(r.score));
    out
}

/// The readings of what follows byte `end` of a head (a label, tags or a lead-in taken off), its
/// marks shifted with it, each given `kind` unless it found its own.
fn read_rest(head: &Head, end: usize, kind: Option<SessionKind>, slot: Slot) -> Vec<Reading> {
    let marks = head.marks.iter().filter(|m| m.1 >= end).map(|&(k, s, e)| (k, s - end, e - end)).collect();
    let mut out = readings(&Head { text: head.text[end..].to_owned(), marks }, slot);
    for r in &mut out {
        r.kind = r.kind.or(kind);
    }
    out
}

/// A live-blogger's lead-in to a talk: `keynote now:`, `next:`, `next up —`, `now:`.
static LIVE_LEAD_IN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)^(?:ok,?\s+|so\s+)?(?:(?P<kind>keynote|panel|workshop|talk|lightning\s+talk)\s+)?(?:now|next(?:\s+up|\s+one)?|up\s+next|starting)\s*(?::|—|–|-)\s*",
    )
    .expect("valid regex")
});

/// A line without what decorates it: a leading pictograph (`👋 Opening remarks by …`), attendance
/// marks (`Title ★`, `Title (*)`, `Title ✓`), the note-taker's aside (`(missed who gave it)`), a
/// trailing pictograph and tags (`Title #chaos #sre`, topic hints read elsewhere).
fn without_decorations(text: &str) -> &str {
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
    loop {
        let before = t;
        t = t.trim_end_matches(ATTENDANCE_MARKS).trim_end();
        t = t.strip_suffix("(*)").unwrap_or(t).trim_end();
        // `Title (Speaker)  * really good`: a "went" mark set apart by spaces, then a remark.
        // (`Opening (Kiri)  * Open Ledgers (Amina)`: a capital after the mark starts another item.)
        if let Some(at) = t.find("  * ").or_else(|| t.find("\t* ")).filter(|&at| {
            at > 0 && t[at..].trim_start_matches([' ', '\t', '*']).starts_with(|c: char| c.is_lowercase() || c == '(')
        }) {
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
const ATTENDANCE_MARKS: &[char] = &['★', '☆', '✓', '✔', '✅', '⭐', '✗', '✘'];

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
fn without_rating(head: &Head) -> Option<Head> {
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

/// `Title, Speaker — why it matters: …`, `Title — Speaker - great talk`, `Title — Speaker: the
/// errors are better`: the line before a
/// remark (a dash followed by lower-case words), read with the remark set aside. Only readings
/// that find speakers count; they rank just below a reading of the whole line.
fn before_remark(head: &Head, slot: Slot) -> Vec<Reading> {
    let text = head.text.as_str();
    let dashed = [" — ", " – ", " - "].iter().filter_map(|d| text.find(d)).min();
    // `Title — Speaker: remark`: a colon after the dash sets a remark off too.
    let colon = dashed.and_then(|d| text[d..].find(": ").map(|c| d + c));
    let Some(cut) = [" — ", " – ", " - "]
        .iter()
        .filter_map(|d| {
            text.match_indices(d).map(|(i, _)| i).find(|&i| text[i + d.len()..].starts_with(char::is_lowercase))
        })
        .chain(colon)
        .min()
    else {
        return Vec::new();
    };
    let remark = text[cut..].trim_start_matches([' ', '—', '–', '-']).trim().to_owned();
    let before = Head {
        text: text[..cut].trim_end().to_owned(),
        marks: head.marks.iter().filter(|m| m.2 <= cut).copied().collect(),
    };
    FORMS
        .iter()
        .flat_map(|f| f.read(&before, slot))
        .filter(|r| !r.speakers.is_empty())
        .map(|mut r| {
            r.score -= 1;
            r.rest = Some(remark.clone());
            r
        })
        .collect()
}

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
    let name = if let Some(handle) = super::names::handles::parse_handle(who) {
        let mut n = NameRef::named(format!("@{handle}"));
        n.handles.push(format!("@{handle}"));
        n
    } else {
        let words: Vec<&str> = who.split_whitespace().collect();
        // A given name, and one that is also a word (`Grace`, `Will`, `Max`) only before a
        // capitalised title (`Grace: FOIA tracker`, not `Will: be posted next week`); a word no
        // list knows (`Tuvshin`, `Slido`) only before a capitalised title too.
        let given = words.first().filter(|w| {
            let f = super::names::lexicon::facts(w);
            let capital = title.trim_start().starts_with(char::is_uppercase);
            // (A word no list knows, before a capitalised title: `Tuvshin: CSV Is a Climate Risk`.)
            let known = f.given && (!f.common || capital);
            super::names::is_name_token(w) && !f.never && (known || !f.common && capital || words.len() > 1)
        })?;
        // (`Grace Oyelaran: RSS Is Not Dead`: a full name whose given name is also a word.)
        let rest_ok = match words.len() {
            1 => true,
            2 if super::names::judge::is_initial(words[1]) => true,
            2..=4 => {
                let plain = words[1..].iter().all(|w| {
                    let f = super::names::lexicon::facts(w);
                    super::names::judge::is_particle(w) || super::names::is_name_token(w) && !f.common && !f.never
                });
                plain || super::names::judge::judge(who).likeness >= super::names::judge::Likeness::Weak
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

/// The head as a title alone (its kind label taken off).
#[must_use]
pub fn title_only(head: &Head) -> Reading {
    let (text, kind) = strip_kind_label(without_decorations(&head.text));
    // `Opening remarks — chairs`: a role where the speaker would be names no one.
    let role = [" — ", " – ", " - "].iter().find_map(|d| text.rsplit_once(d)).filter(|(_, r)| is_role_group(r));
    let text = role.map_or_else(|| text.clone(), |(title, _)| title.to_owned());
    let title = title_of(&text).unwrap_or_else(|| collapse_ws(&head.text));
    Reading { key: "Title".into(), title, speakers: Vec::new(), score: 0, kind, rest: None }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lightning_slot_is_one_given_name_or_handle_before_a_colon() {
        let read = |t: &str| lightning_slot(t).map(|r| (r.speakers[0].name.clone(), r.title));
        assert_eq!(
            read("Tomasz: a peephole optimizer in Lua"),
            Some(("Tomasz".into(), "a peephole optimizer in Lua".into()))
        );
        assert_eq!(read("Grace: FOIA tracker in Airtable"), Some(("Grace".into(), "FOIA tracker in Airtable".into())));
        assert_eq!(read("@lexi_bytes: cursed C tricks").map(|r| r.0), Some("@lexi_bytes".into()));
        assert_eq!(read("Rūta P.: my cat's GPS collar").map(|r| r.0), Some("Rūta P.".into()));
        for none in [
            "Update: slides are online",
            "Demo: a live patch",
            "Lunch: fish soup",
            "wifi: on the badge",
            "Max: 5 minutes each, hard cutoff",
            "Will: be posted on YouTube next week",
            "Mark: the best one of the day",
            "Slido: questions for the panel went here",
            "@pyconlt: vote for the best lightning talk",
            "Kemal: write up the notes for the blog",
        ] {
            assert_eq!(read(none), None, "{none}");
        }
    }

    #[test]
    fn a_rating_and_what_follows_it_are_the_note_takers() {
        assert_eq!(
            without_decorations("Free Monads in Anger / Tiago Nakamura. 6/10 too much"),
            "Free Monads in Anger / Tiago Nakamura"
        );
        assert_eq!(without_decorations("Grace Notes — Máté Farkas 7/10 ♪"), "Grace Notes — Máté Farkas");
        assert_eq!(without_decorations("Elm for Backend People (8.5/10)"), "Elm for Backend People");
        for kept in [
            "24/7 On Call",
            "Scaling to 10/10 Nines",
            "9/11 and the Archive",
            "50/50 Splits",
            "Why 9/10 startups fail — Jānis Bērziņš",
            "Running 3/5 replicas: quorum stories",
        ] {
            assert_eq!(without_decorations(kept), kept);
        }
        assert_eq!(
            without_decorations("WASI Preview 2 in Anger (Vojtěch Hrubý) ✔ — lots of live coding"),
            "WASI Preview 2 in Anger (Vojtěch Hrubý)"
        );
        // Not before a speaker, nor inside a title.
        for kept in ["Rust on a Trawler ✔ — Nurlan Abenov", "The ✓ Is a Lie — Ana Ortiz", "Rust ✔ (Nurlan Abenov)"]
        {
            assert_eq!(without_decorations(kept), kept);
        }
        let r = &readings(&Head::plain("Rust on a Trawler ✔ — Nurlan Abenov"), Slot::Guessed)[0];
        assert_eq!(r.title, "Rust on a Trawler");
        // Before a speaker, only the rating comes out.
        for (line, title, who) in [
            ("Elm for Backend People 8/10 - Natalia Kuznetsova", "Elm for Backend People", "Natalia Kuznetsova"),
            ("Supervision Trees in Practice (9/10) — Saša Jurić", "Supervision Trees in Practice", "Saša Jurić"),
            ("LiveView at Scale, 7/10, by Chris McCord", "LiveView at Scale", "Chris McCord"),
        ] {
            let r = &readings(&Head::plain(line), Slot::Guessed)[0];
            assert_eq!((r.title.as_str(), r.speakers[0].name.as_str()), (title, who), "{line}");
        }
    }

    #[test]
    fn a_leading_clock_time_is_no_part_of_a_title() {
        assert_eq!(title_of("16:30 Closing ceremony & CTF awards").as_deref(), Some("Closing ceremony & CTF awards"));
        for kept in ["2024 in Review", "9 to 5 Engineering", "24/7 On Call", "10x Engineers Are a Myth"] {
            assert_eq!(title_of(kept).as_deref(), Some(kept));
        }
    }

    #[test]
    fn attendance_marks_and_remarks_are_no_part_of_a_head() {
        assert_eq!(
            without_decorations("Soft Grippers from Kitchen Silicone (Ana Paula Ribeiro)  * really good"),
            "Soft Grippers from Kitchen Silicone (Ana Paula Ribeiro)"
        );
        assert_eq!(without_decorations("Agricultural Robots\t* (rice paddies)"), "Agricultural Robots");
        // One space is a title's own: `Stars * and Stripes`; a capital after the mark is another
        // item or a speaker.
        assert_eq!(without_decorations("Stars * and Stripes"), "Stars * and Stripes");
        assert_eq!(without_decorations("Paper Forms Forever  * Olu Bello"), "Paper Forms Forever  * Olu Bello");
        // A comment after an arrow, a room tag set apart at the end.
        assert_eq!(
            without_decorations("Bishop — Game Night  [Main]   ← only goes by \"Bishop\""),
            "Bishop — Game Night"
        );
        assert_eq!(without_decorations("Designing for the Andes  [Sauna B]"), "Designing for the Andes");
        assert_eq!(without_decorations("Arrays [and] Slices"), "Arrays [and] Slices");
        // A speaker slot that holds nobody, or only a remark, is no part of the title.
        assert_eq!(without_decorations("Opening -- organisers"), "Opening");
        assert_eq!(without_decorations("Lightning talks — TBA"), "Lightning talks");
        assert_eq!(without_decorations("Building a 6502 – (recorded video, speaker away)"), "Building a 6502");
        assert_eq!(without_decorations("Rust — The Good Parts"), "Rust — The Good Parts");
        assert_eq!(without_decorations("?? (didn't catch the name) - berth scheduling"), "berth scheduling");
    }

    #[test]
    fn dates_and_bios_are_no_titles() {
        for date in ["Nov 18, 2024", "Tue 14 May", "2024-11-18", "Saturday, 3rd June"] {
            assert!(is_date_only(date), "{date}");
        }
        for title in ["May the Force Be With You", "2024 in Review", "Nov 18"] {
            assert_eq!(is_date_only(title), title == "Nov 18", "{title}");
        }
        assert!(is_bio("freelance data reporter based in Prague."));
        assert!(is_bio("researcher and former wire-service reporter"));
        assert!(!is_bio("Scraping Court Records Without Getting Blocked"));
        assert!(!is_bio("why every student should learn Git"));
        for title in ["lead with empathy", "becoming a maintainer", "head in the clouds"] {
            assert!(!is_bio(title), "{title}");
        }
        for bio in [
            "managing editor at Deník N",
            "head of data at Stripe",
            "tech lead at Mozilla",
            "founding editor of The Ferret",
        ] {
            assert!(is_bio(bio), "{bio}");
        }
    }

    fn best(text: &str) -> Option<(String, Vec<String>)> {
        readings(&Head::plain(text), Slot::Guessed)
            .into_iter()
            .next()
            .map(|r| (r.title, r.speakers.into_iter().map(|n| n.name).collect()))
    }

    #[test]
    fn leading_tags_give_the_most_specific_kind() {
        let r = readings(&Head::plain("#talk #keynote Resilience Is a Cost Line — Oluwaseun Adeyemi"), Slot::Guessed);
        assert_eq!(r[0].title, "Resilience Is a Cost Line");
        assert_eq!(r[0].kind, Some(SessionKind::Keynote));
    }

    #[test]
    fn heads_of_many_forms() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "Ownership in Practice (Kateryna Bondarenko & Lucas Ferreira)",
                "Ownership in Practice",
                &["Kateryna Bondarenko", "Lucas Ferreira"],
            ),
            ("Sigrid Haugen — Benchmarks That Lie", "Benchmarks That Lie", &["Sigrid Haugen"]),
            (
                "Operators: The Good, the Bad and the Flaky — Nikolaos Papadopoulos",
                "Operators: The Good, the Bad and the Flaky",
                &["Nikolaos Papadopoulos"],
            ),
            (
                "Aditya Kulkarni: SLOs: Why Your Error Budget Lies",
                "SLOs: Why Your Error Budget Lies",
                &["Aditya Kulkarni"],
            ),
            (
                "\"Streams All the Way Down\" by Nadia Petrova, Bo Chen and Amara Okafor",
                "Streams All the Way Down",
                &["Nadia Petrova", "Bo Chen", "Amara Okafor"],
            ),
            (
                "Keynote: The Go Scheduler, Ten Years On — Dr. Mei-Ling Zhao, Google",
                "The Go Scheduler, Ten Years On",
                &["Mei-Ling Zhao"],
            ),
            (
                "[Lerato Mokoena (Flutterwave)] Channels All the Way Down",
                "Channels All the Way Down",
                &["Lerato Mokoena"],
            ),
            ("Jetpack Compose, Explained, Seo-yeon Kim", "Jetpack Compose, Explained", &["Seo-yeon Kim"]),
        ];
        for (head, title, speakers) in cases {
            let (t, s) = best(head).unwrap_or_else(|| panic!("nothing read from {head}"));
            assert_eq!(
                (t.as_str(), s.iter().map(String::as_str).collect::<Vec<_>>()),
                (*title, speakers.to_vec()),
                "{head}"
            );
        }
    }

    #[test]
    fn a_duration_aside_is_no_part_of_a_title() {
        assert_eq!(without_aside("Gettext to Fluent Migration (2 h, bring laptop)"), "Gettext to Fluent Migration");
        assert_eq!(without_aside("Opening remarks (10 min, wifi pw on badge)"), "Opening remarks");
        assert_eq!(without_aside("Hands-on Tracing (90min)"), "Hands-on Tracing");
        assert_eq!(without_aside("Top 10 (2 h)"), "Top 10");
        for kept in ["Async Rust (part 2)", "Free-threading Update (aka no GIL)", "Rust (And Why)", "(2 h)"] {
            assert_eq!(without_aside(kept), kept);
        }
    }

    #[test]
    fn titles_that_look_like_phrases_keep_their_colons() {
        for head in [
            "Query Tuning: From Slow to Fast",
            "Helm: Still Here, Still Fine",
            "Rust Belt Rising: Moving a Team from Rust to Go (and Back)",
        ] {
            assert!(best(head).is_none_or(|(_, s)| s.is_empty()), "{head}: {:?}", best(head));
        }
    }
}

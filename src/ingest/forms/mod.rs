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
mod decorations;
mod enclosed;
mod lightning;
mod split;
mod title;

pub use by::*;
pub use decorations::author_initials;
use decorations::{ATTENDANCE_MARKS, without_decorations, without_rating};
pub use enclosed::*;
pub use lightning::{is_remark_after_label, lightning_slot, opens_with_a_remark_label};
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
    // `Caught Zephyr on a Budget Board by Ingeborg Dahl`, `skipped "Title" (Speaker)`: how the
    // note-taker met the talk, then the talk.
    if let Some(end) = attended_lead_in(&head.text) {
        return read_rest(head, end, None, slot);
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
    out.extend(kind_then_speakers(&head.text, &shifted.text, kind));
    // `Panel: Is the bubble bursting? with A (moderator), B and C`: the label said panel (or
    // workshop: `wkshp: otel for mobile apps w/ maryam hossain`).
    if matches!(kind, Some(SessionKind::Panel | SessionKind::Ama | SessionKind::Tutorial)) {
        out.extend(labelled_with(&shifted.text, slot));
    }
    finish(&mut out, kind, &shifted.text);
    demote_part_lists(&mut out);
    out.sort_by_key(|r| std::cmp::Reverse(r.score));
    out
}

/// `who owns the slo? - rangi parata, dimitris alexiou`: a reading whose title holds the first
/// names of another reading's list (`Title, Speaker` read at the last comma) gives way to it.
fn demote_part_lists(out: &mut [Reading]) {
    let fuller: Vec<bool> = out
        .iter()
        .map(|r| {
            out.iter().any(|o| {
                o.speakers.len() > r.speakers.len()
                    && !r.speakers.is_empty()
                    && o.title.len() < r.title.len()
                    && r.title.starts_with(o.title.as_str())
                    && r.speakers.iter().all(|n| o.speakers.iter().any(|m| m.name == n.name))
            })
        })
        .collect();
    for (r, demote) in out.iter_mut().zip(fuller) {
        if demote {
            r.score = r.score.min(1) - 3;
        }
    }
}

/// Gives each reading of a head's `text` the kind its label stated, takes a kind label after the
/// speaker off the title, and adds a panel's moderator told after its panellists.
fn finish(out: &mut [Reading], kind: Option<SessionKind>, text: &str) {
    let moderator = std::cell::LazyCell::new(|| moderator_after(text));
    for r in out {
        r.kind = r.kind.or(kind);
        // `Lucas Moreau: Workshop: Building a DPIA Template`: the label after the speaker.
        let (title, label) = strip_kind_label(&r.title);
        if label.is_some() && title.len() < r.title.len() {
            r.title = title;
            r.kind = r.kind.or(label);
        }
        // `panel "…" w/ A, B — C moderated`: the moderator is one of its speakers; a moderator
        // makes it a panel (`"Who Certifies the Robot?" — Helga Brekke moderating, with A, B`).
        if matches!(r.kind, Some(SessionKind::Panel) | None)
            && !r.speakers.is_empty()
            && let Some(m) = moderator.as_ref().filter(|m| {
                // (`— Ana moderated` after `Ana Ortiz`: the same person.)
                r.speakers.iter().all(|s| s.name != m.name && s.name.split(' ').next() != Some(m.name.as_str()))
            })
        {
            r.speakers.push(m.clone());
            r.kind = Some(SessionKind::Panel);
        }
    }
}

/// `Keynote - Ana Ortiz`, `Workshop: Bo Chen & Li Wei`: a kind label over nothing but who gives
/// it: a session of that kind whose title the line does not state (not a talk called `Ana Ortiz`).
fn kind_then_speakers(text: &str, rest: &str, kind: Option<SessionKind>) -> Option<Reading> {
    let kind = kind?;
    let label = text[..text.len().checked_sub(rest.len())?].trim().trim_end_matches([':', '-', '—', '–']).trim_end();
    if label.is_empty() || rest.split_whitespace().count() > 8 {
        return None;
    }
    let names = speaker_list(rest, Slot::Guessed)?;
    let mut r = reading("Kind — Speaker", String::new(), names, 2, None);
    r.kind = Some(kind);
    Some(r)
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

/// Where the talk starts after a journal's verb of attending (`Caught`, `Saw`, `Skipped`,
/// `Went to`), when a title follows it: a capital, a quote or emphasis.
fn attended_lead_in(text: &str) -> Option<usize> {
    const VERBS: &[&str] = &[
        "caught ",
        "saw ",
        "watched ",
        "attended ",
        "skipped ",
        "missed ",
        "went to ",
        "sat in on ",
        "checked out ",
        "popped into ",
        "dropped into ",
        "also caught ",
        "then caught ",
    ];
    let verb = VERBS.iter().find(|v| text.get(..v.len()).is_some_and(|head| head.eq_ignore_ascii_case(v)))?;
    let rest = &text[verb.len()..];
    // (`Caught up with Ana`, `saw the sea`: no title after the verb.)
    let titled = rest.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'*_[".contains(c));
    // (`Skipped Frames: Rendering at 120 Hz — Ana Ortiz`, `## Missed Connections`: the verb is
    // the title's own unless a journal's form follows: `by` a speaker, a quote, a bracket.)
    let journal = rest.starts_with(['"', '“', '‘', '*', '_']) || rest.contains(" by ") || rest.contains(" (");
    (titled && journal && rest.split_whitespace().count() >= 2).then_some(verb.len())
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
mod tests;

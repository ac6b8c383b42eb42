//! A talk per short paragraph, its first sentence written like a programme line: journals and
//! recaps that give each talk a paragraph of its own (`Node.js Performance Clinic (Viktor
//! Halvorsen) — great, flamegraphs everywhere.`, `Abdoulaye Sow — CSS Is a Programming Language
//! (Fight Me). Best title of the conf.`, `Keynote by Greta Lindahl: Maintaining Joy.`).
//!
//! The first sentence is read by the line forms, with names judged as a sentence gives them:
//! several words need only look like a name, a single word must be a known given name.

use super::super::document::{Block, BlockKind, MarkKind};
use super::super::forms::{Head, readings};
use super::super::kind::{container_kind, kind_word};
use super::super::names::judge::{Likeness, judge};
use super::super::names::speakers::{Slot, speaker_list};
use super::super::notes::Notes;
use super::super::structure::is_structure;
use super::super::text::sentences;
use super::{Candidate, Evidence, Phase, Shape, is_break, is_title_case, lead_in};

/// Words that open a sentence about a talk and are not part of its title.
const OPENERS: &[&str] = &[
    "then ",
    "next ",
    "next up, ",
    "next up ",
    "later ",
    "finally ",
    "finally, ",
    "then, ",
    "later, ",
    "also, ",
    "after that, ",
    "after that ",
    "after lunch ",
    "also ",
    "and ",
    "plus ",
];

/// Forms that set a title off clearly enough to be read out of a sentence.
const FORMS_OF_A_LINE: &[&str] = &[
    "Title — Speaker",
    "Speaker — Title",
    "Title (Speaker)",
    "\"Title\" Speaker",
    "Speaker \"Title\"",
    "Title by Speaker",
    "Kind by Speaker",
    "Speaker on Title",
    "**Title**",
    "Speaker **Title**",
    "Speaker: Title",
    // `Licences for Translators / Mohammed Al-Rashid`, a slash between title and speaker.
    "slots /:",
    "slots //:",
];

/// How many words a first sentence may have to be read as a programme line.
const MAX_WORDS: usize = 28;

/// Sessions told one per paragraph.
///
/// ```
/// use confgraph::ingest::read_notes;
///
/// let notes = "# Vistula JS 2023\n\nNode.js Performance Clinic (Viktor Halvorsen) — great, flamegraphs everywhere.\n\nAbdoulaye Sow — CSS Is a Programming Language (Fight Me). Best title of the conf.\n";
/// let sessions = read_notes("j.md", notes.as_bytes()).0.unwrap().sessions;
/// assert_eq!(sessions.len(), 2);
/// assert_eq!(sessions[1].title, "CSS Is a Programming Language (Fight Me)");
/// ```
pub struct ParagraphHeads;

impl Shape for ParagraphHeads {
    fn name(&self) -> &'static str {
        "paragraph head"
    }

    fn phase(&self) -> Phase {
        Phase::Loose
    }

    fn find(&self, notes: &Notes<'_>) -> Vec<Candidate> {
        notes
            .blocks
            .iter()
            .enumerate()
            .filter(|(i, b)| {
                b.kind == BlockKind::Paragraph
                    && b.depth == 0
                    && !b.in_quote
                    && Some(*i) != notes.header_block
                    && !notes.is_owned(*i)
            })
            .filter_map(|(i, b)| read_paragraph(i, b))
            .collect()
    }
}

/// What sets a title off from names in a one-sentence programme line.
const SET_OFF: &[&str] = &[" — ", " – ", " - ", "(", "\"", "“", "«", " by ", " By ", " on ", ": ", " / ", " // "];

/// The quoted part of a title that opens with words of a sentence (`I'm in room B for "T"`).
fn quoted_after_words(title: &str) -> Option<String> {
    let open = title.find(['"', '“'])?;
    // `“` and `”` are three bytes: step over each whole.
    let inner = open + title[open..].chars().next().map_or(1, char::len_utf8);
    let close = title[inner..].find(['"', '”']).map(|k| inner + k)?;
    let after = close + title[close..].chars().next().map_or(1, char::len_utf8);
    let before = &title[..open];
    let sentence_words = before.split_whitespace().any(|w| w.starts_with(char::is_lowercase));
    let rest = title[after..].trim();
    (open > 0 && sentence_words && rest.is_empty()).then(|| title[inner..close].trim().to_owned())
}

/// Words a title keeps in lower case.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "of", "for", "and", "or", "in", "on", "to", "with", "vs", "vs.", "at", "by", "from", "&", "+",
    "-", "–",
];

/// The longest tail of `title` written in title case, of two words or more (`room B now for
/// Context Is King` → `Context Is King`); the whole title when a single word leads it.
fn title_case_tail(title: &str) -> Option<&str> {
    let words: Vec<(usize, &str)> =
        title.split_whitespace().map(|w| (w.as_ptr() as usize - title.as_ptr() as usize, w)).collect();
    let fits = |w: &str| {
        w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '"') || SMALL_WORDS.contains(&w)
    };
    let from = words.iter().rposition(|(_, w)| !fits(w)).map_or(0, |k| k + 1);
    let first = words[from..].iter().position(|(_, w)| w.starts_with(char::is_uppercase))? + from;
    // A lead-in is words of a sentence (`room B now for`); one lower-case word before a
    // title-case rest is the title's own (`database/sql Is Fine, Actually`): keep it whole.
    if first == 1 {
        return Some(title);
    }
    (words.len() - first >= 2).then(|| &title[words[first].0..])
}

/// `**Attendees:** Priya, Tomás, Ilse Vermeer`, `登壇: 高橋 誠 (Makoto Takahashi)`: a paragraph whose
/// first line (from byte `start` to `end`) is a field of the notes, not a programme line.
fn opens_with_a_field(block: &Block, start: usize, end: usize) -> bool {
    // `**Attendees:** Priya, Tomás, Ilse Vermeer`: a bold label opening the paragraph is a field of
    // the notes, not a title (`**Keynote:** …` names a kind, and reads on).
    if let Some(m) = block.marks.iter().find(|m| m.start == start && m.kind == MarkKind::Strong)
        && (block.text[m.start..m.end].trim_end().ends_with(':') || block.text[m.end..].starts_with(':'))
        && kind_word(block.text[m.start..m.end].trim_end().trim_end_matches(':')).is_none()
    {
        return true;
    }
    // `登壇: 高橋 誠 (Makoto Takahashi)`: a speaker label line is a field of the notes too.
    // (`Speaker: Carla Diaz — Fearless FFI` names a title too, and reads on.)
    let labels = crate::ingest::labels::labels_of(&block.text[start..end]);
    labels
        .iter()
        .any(|l| l.field == crate::ingest::labels::Field::Speakers && speaker_list(&l.value, Slot::Stated).is_some())
}

/// `The conference closed with a panel with A, B and C, "Title", moderated by D`: people named
/// before a quoted title whom the line form does not credit are the talk's too; such a sentence
/// is prose, and the prose shape reads it.
fn uncredited_before_quote(sentence: &str, credited: &[crate::model::NameRef]) -> bool {
    sentence.find(['"', '“']).is_some_and(|open| {
        let before = crate::ingest::names::prose::full_name_runs(&sentence[..open]);
        before.iter().any(|(_, n)| !credited.iter().any(|s| s.name == *n))
    })
}

fn read_paragraph(index: usize, block: &Block) -> Option<Candidate> {
    let first_line_end = block.lines.get(1).map_or(block.text.len(), |&(s, _)| s.saturating_sub(1));
    let &(start, end) = sentences(&block.text[..first_line_end]).first()?;
    let sentence = &block.text[start..end];
    if sentence.split_whitespace().count() > MAX_WORDS || is_structure(sentence) {
        return None;
    }
    if opens_with_a_field(block, start, first_line_end) {
        return None;
    }
    // Only a sentence that sets a title off from names can read as a programme line.
    let marked = block.marks.iter().any(|m| m.start >= start && m.end <= end);
    if !marked && !SET_OFF.iter().any(|s| sentence.contains(s)) {
        return None;
    }
    let lower = sentence.to_lowercase();
    let skip = OPENERS.iter().find(|o| lower.starts_with(*o)).map_or_else(|| lead_in(sentence), |o| o.len());
    let lead_kind = container_kind(&sentence[..skip]);
    let end_trimmed = start + sentence.trim_end_matches(['.', '!']).len();
    let head = Head::of(block, start + skip, end_trimmed);
    let r = readings(&head, Slot::Phrase).into_iter().find(|r| {
        FORMS_OF_A_LINE.iter().any(|k| r.key.starts_with(k))
            && (r.score >= 3 || r.score >= 0 && is_title_case(&r.title))
            && r.speakers.iter().any(|s| s.name.contains(' ') || s.name.starts_with('@'))
    })?;
    if uncredited_before_quote(sentence, &r.speakers) {
        return None;
    }
    let mut r = r;
    if let Some(inner) = quoted_after_words(&r.title) {
        // `I'm in room B for "Measuring DevRel" — Sebastián Rojas`: the quoted title.
        r.title = inner;
    } else if r.title.split_whitespace().next().is_some_and(|w| w.chars().all(|c| !c.is_uppercase()))
        && r.title.starts_with(char::is_lowercase)
    {
        // (`eBPF for SREs`, `iOS Without Xcode` keep their first word: it has a capital inside.)
        // `room B now for Context Is King (Oksana Melnyk)`: the title is the title-case tail.
        let tail = title_case_tail(&r.title)?.to_owned();
        r.title = tail;
    }
    let words: Vec<&str> = r.title.split_whitespace().collect();
    let told_by_me = words.iter().any(|w| matches!(*w, "I" | "my" | "My" | "we" | "We" | "me" | "our"));
    if r.title.is_empty()
        || words.len() > 12
        || told_by_me
        || is_break(&r.title)
        || r.title.chars().next().is_some_and(char::is_lowercase)
            && !r.title.split_once(' ').is_some_and(|(_, rest)| is_title_case(rest))
    {
        return None;
    }
    // `… a post by Frank Wiles`: `by` and `on` join a title only when it reads as one, and so
    // does a colon (`Opening remarks by A and B: 420 attendees from 23 countries`).
    let joined = ["Title by", "Speaker on", "Speaker: Title"].iter().any(|k| r.key.starts_with(k));
    if joined && !is_title_case(&r.title) {
        return None;
    }
    // `Talk by Amina Yusuf. …` under a heading: a generic word alone is the heading's speaker line,
    // not a title; `Tomás de la Cruz (Fontwerk Lisboa) gave …`: a person's name over a less
    // name-like "speaker" is no title.
    let container = ["talk", "panel", "session", "presentation"].contains(&r.title.to_lowercase().as_str());
    // (`Grace Hopper (Zeynep Arslan)`: a title that is a name, by someone more surely named, stays.)
    let title_likeness = judge(&r.title).likeness;
    let named_by_name =
        title_likeness >= Likeness::Plausible && r.speakers.iter().all(|s| judge(&s.name).likeness < title_likeness);
    // (`Ana Ortiz / Kofi Mensah`: two people met, not a talk.)
    let slashed_people = r.key.starts_with("slots") && title_likeness >= Likeness::Plausible;
    if container || named_by_name || slashed_people {
        return None;
    }
    let mut c = Candidate::new("paragraph head", format!("paragraph {}", r.key), index, block.line, r.title);
    c.offset = start;
    c.kind = r.kind.or(lead_kind);
    c.speakers = r.speakers;
    c.evidence = Evidence::Read;
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::read_paragraph;
    use crate::ingest::document::blocks;

    fn head(text: &str) -> Option<String> {
        let b = blocks(text);
        read_paragraph(0, &b[0]).map(|c| c.title)
    }

    #[test]
    fn a_slash_between_title_and_speaker_is_a_programme_line() {
        assert_eq!(head("Licences for Translators / Mohammed Al-Rashid").as_deref(), Some("Licences for Translators"));
        assert_eq!(head("Dinner / drinks / bed"), None);
    }

    #[test]
    fn a_speaker_label_line_is_no_programme_line() {
        assert_eq!(head("登壇: 高橋 誠 (Makoto Takahashi)"), None);
        assert_eq!(head("Speaker: Ana Ortiz (Ferrous Systems)"), None);
    }

    #[test]
    fn a_bold_label_is_a_field_and_a_bold_title_a_talk() {
        assert_eq!(head("**Attendees:** Priya, Tomás, Ilse Vermeer, Mei-Ling Ong"), None);
        assert_eq!(head("**Who went**: Priya Raman and Tomás Ortega"), None);
        assert_eq!(
            head("**Rollback Netcode** by Pablo Ibáñez Soto and Yerlan Abenov."),
            Some("Rollback Netcode".into())
        );
    }
}

//! Plain lines that repeat one pattern: a talk per line of running text in any form the file
//! keeps to — `[Speaker] Title`, `Title // Speaker // Room`, `“Title” – Speaker`, `Title ~
//! Speaker` — with the note-taker's remarks on the lines between.
//!
//! The pattern is inferred from the lines of the whole file (`super::super::pattern`): a form
//! that reads enough of them as a title and speakers is the file's, and only lines that fit it
//! are sessions. A line of a kind between rules (`--- keynote ---`) gives the lines after it
//! their kind.

use crate::model::SessionKind;

use super::super::clock::leading_time;
use super::super::document::BlockKind;
use super::super::forms::{Head, quoted_span};
use super::super::kind::{container_kind, kind_word};
use super::super::labels::labels_of;
use super::super::notes::Notes;
use super::super::pattern::Group;
use super::super::structure::is_off_program;
use super::super::structure::is_structure;
use super::{Candidate, Evidence, Phase, Shape, is_break};

/// Lines longer than this are prose, not programme lines.
const MAX_LINE: usize = 220;

/// Sessions written one per line in a repeated pattern.
///
/// ```
/// use confgraph::ingest::read_notes;
///
/// let notes = "GoBaraza 2024 — my notes\n\n[Wanjiru Kamau] Welcome + code of conduct\n    organisers thanked the volunteers\n[Brian Otieno] Ten Years of Go in East Africa\n[Amina Hassan] Profiling Go Services in Production\n    pprof, continuous profiling\n";
/// let sessions = read_notes("g.txt", notes.as_bytes()).0.unwrap().sessions;
/// assert_eq!(sessions.len(), 3);
/// assert_eq!(sessions[2].speakers[0].name, "Amina Hassan");
/// ```
pub struct PatternLines;

/// A line of running text that may be a session.
struct Line {
    block: usize,
    offset: usize,
    number: u32,
    head: Head,
    kind: Option<SessionKind>,
}

impl Shape for PatternLines {
    fn name(&self) -> &'static str {
        "pattern line"
    }

    fn phase(&self) -> Phase {
        Phase::Loose
    }

    fn find(&self, notes: &Notes<'_>) -> Vec<Candidate> {
        let all = lines(notes);
        if let Some(found) = read_lines(&all, 3) {
            return found;
        }
        // `Lightning Talks` / `Main Stage · 14:30` / three `Title — Name · Org` lines in an app's
        // agenda of record blocks: a paragraph whose own lines keep to one pattern. (The lines
        // come in file order, so a paragraph's lines stand together.)
        all.chunk_by(|a, b| a.block == b.block).filter_map(|block_lines| read_lines(block_lines, 6)).flatten().collect()
    }
}

/// The sessions of `lines` when most of them share a separator and enough of those (three, and
/// `tenths` in ten of them, or six) read in one pattern; `None` when they do not.
fn read_lines(lines: &[Line], tenths: usize) -> Option<Vec<Candidate>> {
    if lines.len() < 3 {
        return None;
    }
    // The separator most lines share, if enough do: only its lines are read.
    let separator = shared_separator(lines)?;
    let all = lines.len();
    let lines: Vec<&Line> = lines.iter().filter(|l| l.head.text.contains(separator)).collect();
    let heads: Vec<Head> = lines.iter().map(|l| l.head.clone()).collect();
    let group = Group::new(&heads);
    let pattern = &group.pattern;
    let key = pattern.key.clone()?;
    // A few lines of prose that happen to read as a pattern are not a programme.
    // (Over a whole file, three in ten of the lines with the separator; in one paragraph,
    // six in ten of all its lines.)
    let base = if tenths <= 3 { lines.len() } else { all };
    if pattern.support < 3 || pattern.support * 10 < base * tenths && pattern.support < 6 {
        return None;
    }
    let mut out = Vec::new();
    for (k, l) in lines.into_iter().enumerate() {
        let r = group.read(k);
        if !(group.fits(&r) || r.score >= 4 && !r.speakers.is_empty()) {
            continue;
        }
        // (`The tutorial "Testing with Real Users" by …`: a sentence around a quoted title is
        // left to the prose reader.)
        if r.title.is_empty() || is_break(&r.title) || is_structure(&r.title) || sentence_around_quote(&r.title) {
            continue;
        }
        if r.speakers.is_empty() && container_kind(&r.title).is_some() {
            continue;
        }
        // (`Evening: sponsor party at Veles e Vents hosted by Cryptiq`: a lead word, then what
        // the note-taker did.)
        let told = r.title.split_once(": ").is_some_and(|(_, rest)| rest.starts_with(char::is_lowercase));
        if told && is_off_program(&r.title) {
            continue;
        }
        let mut c = Candidate::new("pattern line", format!("line pattern {key}"), l.block, l.number, r.title);
        c.offset = l.offset;
        c.evidence = if r.speakers.is_empty() { Evidence::Place } else { Evidence::Read };
        c.speakers = r.speakers;
        c.kind = r.kind.or(l.kind).or_else(|| r.rest.as_deref().and_then(kind_in_rest));
        c.room = r.rest;
        out.push(c);
    }
    Some(out)
}

/// Words outside a quoted title that say a session is being told.
const TELLING: &[&str] =
    &["by", "gave", "presented", "moderated", "panel", "tutorial", "workshop", "keynote", "talk", "talks", "lightning"];

/// A sentence with a quoted title in it: two words or more in lower case outside the quotes.
fn sentence_around_quote(title: &str) -> bool {
    // (A quoted word, `without a “default” script`, is part of a title.)
    let Some((start, end, _)) = quoted_span(title).filter(|(_, _, inner)| inner.split_whitespace().count() >= 2) else {
        return false;
    };
    // (Credited or named a session: `The tutorial "…" by`, `I'd add "…" by`, `The captioning
    // panel, "…", with`; a sentence-case title with a quoted phrase stays whole.)
    let outside = format!("{} {}", &title[..start], &title[end..]).to_lowercase();
    let words: Vec<&str> = outside.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric())).collect();
    words.iter().filter(|w| w.starts_with(char::is_lowercase)).count() >= 2 && words.iter().any(|w| TELLING.contains(w))
}

/// `Hall 1 (keynote)`, `Lab — workshop, 2h`: a kind named in a slot beside the title.
fn kind_in_rest(rest: &str) -> Option<SessionKind> {
    rest.split(|c: char| !c.is_alphanumeric() && c != '-').find_map(kind_word).filter(|k| *k != SessionKind::Talk)
}

/// What can stand between a title and its speakers on a line.
const SEPARATORS: &[&str] = &[
    " — ", " – ", " - ", "—", " // ", "//", " | ", "\t", "  ", " ~ ", "[", "(", " by ", ": ", "\"", "“", "«", " · ",
    " • ", " :: ", " / ",
];

/// Something that can stand between a title and its speakers.
fn has_separator(text: &str) -> bool {
    SEPARATORS.iter().any(|s| text.contains(s))
}

/// The separator at least three lines and three in ten of them share, the most shared first.
fn shared_separator(lines: &[Line]) -> Option<&'static str> {
    let counts = SEPARATORS.iter().map(|s| (lines.iter().filter(|l| l.head.text.contains(s)).count(), *s));
    counts.filter(|&(n, _)| n >= 3 && n * 10 >= lines.len() * 3).max_by_key(|&(n, _)| n).map(|(_, s)| s)
}

/// Every line of the file's running text that could be a programme line, with the kind a
/// `--- keynote ---` line above gives it.
fn lines(notes: &Notes<'_>) -> Vec<Line> {
    let mut out = Vec::new();
    let mut kind: Option<SessionKind> = None;
    for (bi, block) in notes.blocks.iter().enumerate() {
        if block.heading_level().is_some() {
            kind = container_kind(&block.text);
            continue;
        }
        if block.kind != BlockKind::Paragraph
            || block.in_quote
            || block.depth > 0
            || Some(bi) == notes.header_block
            || notes.is_owned(bi)
        {
            continue;
        }
        for (k, &(start, number)) in block.lines.iter().enumerate() {
            let end = block.lines.get(k + 1).map_or(block.text.len(), |&(next, _)| next.saturating_sub(1)).max(start);
            let text = block.text[start..end].trim();
            // `--- keynote ---`, `=== Lightning talks ===`: a divider that names a kind.
            let bare = text.trim_matches(|c: char| matches!(c, '-' | '=' | '*' | '#' | '~' | ' ' | '_'));
            if !text.is_empty() && bare.len() < text.len() && text.starts_with(['-', '=', '*', '~', '#']) {
                kind = container_kind(bare).or_else(|| kind_word(bare));
                continue;
            }
            if text.is_empty()
                || text.chars().count() > MAX_LINE
                || leading_time(text).is_some()
                || !has_separator(text)
                // `Speaker: Ana Ortiz`, `Room: Hall 2`: a field of a record, not a programme line.
                || text.starts_with(|c: char| c.is_alphanumeric() || c == '*' || c == '_') && !labels_of(text).is_empty()
            {
                continue;
            }
            out.push(Line { block: bi, offset: start, number, head: Head::of(block, start, end), kind });
        }
    }
    out
}

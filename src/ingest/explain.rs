//! How a file was read: which shape found each session from which lines, and why every block
//! that gave no session was left out (`extract --explain`). Also the editions of a journal that
//! covers several conferences: a session belongs to the edition its day or heading names.

use super::conference::{ConferenceName, parse_header};
use super::document::{BlockKind, MarkKind};
use super::edition::Edition;
use super::notes::{Notes, Register, edition_item};
use super::select::Dropped;
use super::shapes::Candidate;
use super::structure::is_structure;
use crate::text::collapse_ws;

/// How one session was read.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SessionReading {
    /// The title read.
    pub title: String,
    /// 1-based line of the title.
    pub line: u32,
    /// The shape that found it.
    pub shape: &'static str,
    /// How the shape read it.
    pub form: String,
    /// The lines it was read from (title, speakers).
    pub lines: Vec<u32>,
}

/// A block that gave no session, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LeftOut {
    /// 1-based line.
    pub line: u32,
    /// The start of its text.
    pub text: String,
    /// Why it is not a session.
    pub reason: String,
}

/// How a file was read.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FileExplain {
    /// The file.
    pub file: String,
    /// The edition, and the line that names it.
    pub edition: String,
    /// `notes` or `narrative`.
    pub register: &'static str,
    /// Every session, in file order.
    pub sessions: Vec<SessionReading>,
    /// Blocks that gave no session.
    pub left_out: Vec<LeftOut>,
}

/// Editions a journal names at its top (`Two conferences: **DataHarbour 2023** …, then
/// **Postgres Baltic 2023**`), in top-level headings that read as conference names, or after a
/// day heading's dash with the year the paragraph under it adds ([`named_below_heading`]).
fn named_editions(notes: &Notes<'_>) -> Vec<ConferenceName> {
    let mut found: Vec<ConferenceName> = vec![notes.conference.clone()];
    for (i, block) in notes.blocks.iter().enumerate() {
        let item = edition_item(notes, i);
        let texts: Vec<&str> = if block.heading_level().is_some_and(|l| l <= 2) || item {
            vec![block.line_texts().next().map_or(block.text.as_str(), |(l, _)| l)]
        } else if i < 6 {
            block.marks.iter().filter(|m| m.kind == MarkKind::Strong).map(|m| &block.text[m.start..m.end]).collect()
        } else {
            Vec::new()
        };
        let below = named_below_heading(notes, i);
        for t in texts.into_iter().chain(below.as_deref()) {
            let known = |n: &ConferenceName| found.iter().any(|f| f.series == n.series);
            if let Some(name) = parse_header(t)
                .filter(|n| i < 6 || item || known(n) || super::conference::is_conference_like(&n.series))
            {
                // (`Kerbcut 2022 vs Kerbcut 2024`: one series, two editions.)
                if !found.iter().any(|f| f.series == name.series && f.year == name.year || one_edition(f, &name)) {
                    found.push(name);
                }
            }
        }
    }
    found
}

/// Words that say a paragraph tells of an event.
const EVENT_WORDS: &[&str] =
    &["event", "conference", "conf ", "workshop", "summit", "meetup", "camp", "symposium", "co-located", "colocated"];

/// `## Tue 5 Sept — Firmware Fringe` over `Firmware Fringe 2023 is the one-day event …`: the
/// name a top heading gives after a dash, with the year the paragraph under it adds.
fn named_below_heading(notes: &Notes<'_>, i: usize) -> Option<String> {
    let heading = notes.blocks.get(i).filter(|b| b.heading_level().is_some_and(|l| l <= 2))?;
    let below = notes.blocks.get(i + 1).filter(|b| b.kind == BlockKind::Paragraph)?;
    let opening: String = below.text.chars().take(200).collect();
    // (`## Thursday — Porto` over `Porto 2024 felt bigger`: a place, unless the paragraph says event.)
    let lower = opening.to_lowercase();
    if !EVENT_WORDS.iter().any(|w| lower.contains(w)) {
        return None;
    }
    let parts = [" — ", " – ", " - "].into_iter().flat_map(|d| heading.text.split(d).skip(1));
    parts.map(str::trim).filter(|p| p.starts_with(char::is_uppercase)).find_map(|p| {
        let at = opening.find(p)?;
        let year: String =
            opening[at + p.len()..].strip_prefix(' ')?.chars().take_while(char::is_ascii_digit).collect();
        (year.len() == 4 && (year.starts_with("19") || year.starts_with("20"))).then(|| format!("{p} {year}"))
    })
}

/// Gives each session of a journal that covers several conferences the edition its heading or
/// day line names (`**Day 1 — Tue** (Postgres Baltic)`).
pub fn assign_editions(notes: &Notes<'_>, kept: &mut [Candidate]) {
    let editions = named_editions(notes);
    if editions.len() < 2 {
        return;
    }
    let mut current: Vec<(usize, usize)> = Vec::new();
    for (i, block) in notes.blocks.iter().enumerate() {
        let first = block.line_texts().next().map(|(l, _)| l).unwrap_or_default();
        let switch_point = block.heading_level().is_some()
            || block.kind == BlockKind::Paragraph && first.chars().count() <= 100
            || edition_item(notes, i);
        if !switch_point || Some(i) == notes.header_block {
            continue;
        }
        let lower = first.to_lowercase();
        // (`Firmware Fringe 2023 is the day before Servo North`: the one named first.)
        let mut named: Vec<(usize, usize)> = (0..editions.len())
            .filter_map(|e| word_at(&lower, &editions[e].series.to_lowercase()).map(|at| (at, e)))
            .collect();
        named.sort_unstable();
        let named: Vec<usize> = named.into_iter().map(|(_, e)| e).collect();
        // Editions of one series are told apart by their year.
        let year_named = |&&e: &&usize| editions[e].year.is_some_and(|y| contains_word(&lower, &y.to_string()));
        let e = if named.len() > 1 { named.iter().find(year_named) } else { named.first() };
        if let Some(&e) = e {
            current.push((i, e));
        }
    }
    for c in kept.iter_mut().filter(|c| c.conference.is_none()) {
        let at = current.iter().rev().find(|(i, _)| *i <= c.anchor).map(|(_, e)| *e);
        if let Some(e) = at.filter(|&e| e != 0) {
            let name = &editions[e];
            c.conference = Some(ConferenceName { year: name.year.or(notes.conference.year), ..name.clone() });
        }
    }
}

/// `Vitrine 2025` in a heading of notes on `Vitrine Digital Heritage Summit` 2025, `CDW 2023`
/// for `Caldera Dynamics Workshop` 2023: a short name or the initials of the same edition.
fn one_edition(a: &ConferenceName, b: &ConferenceName) -> bool {
    if a.year.is_some() && b.year.is_some() && a.year != b.year {
        return false;
    }
    let words = |n: &ConferenceName| n.series.to_lowercase().split_whitespace().map(str::to_owned).collect::<Vec<_>>();
    let (wa, wb) = (words(a), words(b));
    let (short, long) = if wa.len() <= wb.len() { (&wa, &wb) } else { (&wb, &wa) };
    let prefix = !short.is_empty() && long.starts_with(short);
    let initials: String = long.iter().filter_map(|w| w.chars().next()).collect();
    prefix || short.len() == 1 && long.len() >= 2 && short[0] == initials
}

fn contains_word(text: &str, word: &str) -> bool {
    word_at(text, word).is_some()
}

/// Where `word` first stands in `text` as a whole word.
fn word_at(text: &str, word: &str) -> Option<usize> {
    text.match_indices(word).map(|(i, _)| i).find(|&i| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Explains how a file was read.
#[must_use]
pub fn explain(notes: &Notes<'_>, edition: &Edition, kept: &[Candidate], dropped: &[Dropped]) -> FileExplain {
    let sessions = kept
        .iter()
        .map(|c| {
            let mut lines = vec![c.line];
            if c.speaker_line != c.line && !c.speakers.is_empty() {
                lines.push(c.speaker_line);
            }
            SessionReading { title: c.title.clone(), line: c.line, shape: c.shape, form: c.form.clone(), lines }
        })
        .collect();
    let mut used = vec![false; notes.blocks.len()];
    for c in kept {
        for &i in c.body.iter().chain(&c.used).chain(std::iter::once(&c.anchor)) {
            if let Some(u) = used.get_mut(i) {
                *u = true;
            }
        }
    }
    let mut left_out = Vec::new();
    for (i, block) in notes.blocks.iter().enumerate() {
        if used[i] || block.kind == BlockKind::Rule || block.text.trim().is_empty() {
            continue;
        }
        let reason = dropped.iter().find(|d| d.candidate.anchor == i).map_or_else(
            || why_not(notes, edition, i),
            |d| format!("read as a session by {} ({}) but left out: {}", d.candidate.shape, d.candidate.form, d.reason),
        );
        let text: String = collapse_ws(&block.text).chars().take(70).collect();
        left_out.push(LeftOut { line: block.line, text, reason });
    }
    FileExplain {
        file: notes.file.to_string(),
        edition: format!(
            "{} {} (line {})",
            notes.conference.series,
            notes.conference.year.unwrap_or_default(),
            edition.line
        ),
        register: match notes.register {
            Register::Notes => "notes",
            Register::Narrative => "narrative",
        },
        sessions,
        left_out,
    }
}

/// Why no shape read a block as a session.
fn why_not(notes: &Notes<'_>, edition: &Edition, i: usize) -> String {
    let block = &notes.blocks[i];
    if Some(i) == edition.block {
        return "names the conference".to_owned();
    }
    let reason = match block.kind {
        BlockKind::Heading(_) if is_structure(&block.text) => {
            "organises the notes (a day, a part of the day, the note-taker's own section)"
        }
        BlockKind::Heading(_) if super::kind::container_kind(&block.text).is_some() => "groups the sessions below it",
        BlockKind::Heading(_) => match notes.register {
            Register::Notes => "a heading without speakers away from the level the file's sessions stand at",
            Register::Narrative => {
                "a section of the recap that tells of no talk (no speaker, kind word, talk link or abstract)"
            }
        },
        BlockKind::Item { .. } => "a list item with no title-and-speaker form, in a list that is not a list of talks",
        BlockKind::Row { header: true } => "the table's header",
        BlockKind::Row { .. } => "a table row with no title, or a break",
        BlockKind::Code => "code",
        BlockKind::Paragraph if block.in_quote => "a quotation outside any session",
        BlockKind::Paragraph => "text that tells of no talk",
        BlockKind::Rule => "a rule",
    };
    reason.to_owned()
}

/// The explanations as text: per file, its sessions with shape and lines, then what was left out.
#[must_use]
pub fn to_text(files: &[&FileExplain]) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    for f in files {
        let _ = writeln!(out, "{} — {}, read as {}", f.file, f.edition, f.register);
        for s in &f.sessions {
            let lines: Vec<String> = s.lines.iter().map(u32::to_string).collect();
            let title = if s.title.is_empty() { "(title not stated)" } else { &s.title };
            let _ = writeln!(
                out,
                "  session  line {:<5} {title}  ← {} [{}], lines {}",
                s.line,
                s.shape,
                s.form,
                lines.join(", ")
            );
        }
        for l in &f.left_out {
            let _ = writeln!(out, "  left out line {:<5} {}  ← {}", l.line, l.text, l.reason);
        }
        out.push('\n');
    }
    out
}

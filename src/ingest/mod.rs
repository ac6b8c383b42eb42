//! Ingest: notes files in, one [`NotesRecord`] per readable file out, plus a diagnostic for every
//! file or line that could not be read well.
//!
//! One reader for every shape of notes, in the order data flows: bytes → text ([`decode`]) →
//! Markdown, line for line ([`pasted`] PDF programmes, [`dialects`], [`chat`], [`columns`]) →
//! front matter ([`frontmatter`]) → blocks ([`document`]) → the edition the file is about
//! ([`edition`]) → session candidates from the registry of shapes ([`shapes`], reading heads with
//! [`forms`] and [`pattern`], bodies with [`body`] and [`labels`]) → one reading per place
//! ([`select`]) → fields ([`fields`]). Files are read in parallel with rayon; results keep the
//! sorted file order, so the output is the same whatever the thread count. A file that names no
//! conference is reported and skipped, never guessed at.

pub mod body;
pub mod chat;
pub mod clock;
pub mod columns;
pub mod conference;
pub mod config;
pub mod decode;
pub mod dialects;
pub mod document;
pub mod edition;
pub mod explain;
pub mod fields;
pub mod forms;
pub mod frontmatter;
pub mod html;
pub mod kind;
pub mod labels;
pub mod names;
pub mod notes;
pub mod pasted;
pub mod pattern;
pub mod select;
pub mod shapes;
pub mod source;
pub mod structure;
pub mod text;
pub mod wiki;

use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostic::Diagnostic;
use crate::model::NotesRecord;

use conference::ConferenceName;
use decode::Encoding;
use edition::{Sources, which_edition};
use explain::FileExplain;
use notes::Notes;
use shapes::{Candidate, Phase, SHAPES};
use source::NotesSource;

/// How to read: the edition for files that name none, and whether to explain the reading.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// `--conference "Name YEAR"`: the edition of files that name none.
    pub conference: Option<ConferenceName>,
    /// Keep, per file, which shape read each session and why blocks were left out.
    pub explain: bool,
    /// `--max-file-size`: files larger than this many bytes are skipped unread (`None`: the
    /// default, [`source::MAX_FILE_BYTES`]).
    pub max_file_bytes: Option<u64>,
}

/// What reading one file gave.
#[derive(Debug, Clone)]
pub struct FileResult {
    /// The file's display path.
    pub file: String,
    /// What it held; `None` when it was skipped.
    pub record: Option<NotesRecord>,
    /// Problems found in it.
    pub diagnostics: Vec<Diagnostic>,
    /// How it was read, when asked for.
    pub explain: Option<FileExplain>,
}

/// Reads every source, in parallel, in the order given.
#[must_use]
pub fn read_all(sources: &[NotesSource]) -> Vec<FileResult> {
    read_all_with(sources, &ReadOptions::default())
}

/// Reads every source with options, in parallel, in the order given.
#[must_use]
pub fn read_all_with(sources: &[NotesSource], options: &ReadOptions) -> Vec<FileResult> {
    let progress = crate::progress::Progress::new(sources.len() as u64, "reading notes");
    let results = sources
        .par_iter()
        .map(|source| {
            progress.inc();
            let file = source.display().to_owned();
            match source.read_within(options.max_file_bytes.unwrap_or(source::MAX_FILE_BYTES)) {
                Ok(bytes) => read_file(&file, &bytes, options),
                Err(d) => FileResult { file, record: None, diagnostics: vec![d], explain: None },
            }
        })
        .collect();
    progress.finish();
    results
}

/// Reads one notes file from its bytes. Never panics.
///
/// # Examples
///
/// ```
/// let notes = "# KubeHarbor 2022\n\n## Aditya Kulkarni: Operators: The Good Parts\n\n## Query Tuning: From Slow to Fast\n\nSpeaker: Mei Tanaka\n";
/// let (record, warnings) = confgraph::ingest::read_notes("kubeharbor.md", notes.as_bytes());
/// let sessions = record.unwrap().sessions;
/// assert!(warnings.is_empty());
/// assert_eq!(sessions[0].title, "Operators: The Good Parts");
/// assert_eq!(sessions[1].title, "Query Tuning: From Slow to Fast");
/// assert_eq!(sessions[1].speakers[0].name, "Mei Tanaka");
/// ```
#[must_use]
pub fn read_notes(file: &str, bytes: &[u8]) -> (Option<NotesRecord>, Vec<Diagnostic>) {
    let result = read_file(file, bytes, &ReadOptions::default());
    (result.record, result.diagnostics)
}

/// Reads one notes file with options. Never panics.
#[must_use]
pub fn read_file(file: &str, bytes: &[u8], options: &ReadOptions) -> FileResult {
    let mut diagnostics = Vec::new();
    let Some(decoded) = decoded_text(file, bytes, &mut diagnostics) else {
        return FileResult { file: file.to_owned(), record: None, diagnostics, explain: None };
    };
    let cleaned = crate::text::drop_control_chars(&decoded);
    if cleaned.len() != decoded.len() {
        let line = decoded.lines().position(|l| l.chars().any(crate::text::is_dropped)).map_or(1, |i| i as u32 + 1);
        diagnostics.push(Diagnostic::at(file, line, "control characters or non-characters dropped"));
    }
    let repaired = text::repair_mojibake(&cleaned);
    let repaired = html::html_to_markdown(&repaired);
    let repaired = wiki::wiki_to_markdown(&repaired);
    let repaired = dialects::unquote_mail(&repaired);
    let repaired = dialects::unfold_callouts(&repaired);
    let repaired = pasted::pdf_programme(&repaired);
    let (markdown, _dialect) = dialects::to_markdown(&repaired);
    let markdown = dialects::symbol_bullets(&markdown);
    let markdown = dialects::dot_leaders(&markdown);
    let markdown = dialects::definition_lists(&markdown);
    let markdown = dialects::lettered_items(&markdown);
    let markdown = dialects::decimal_items(&markdown);
    let markdown = dialects::banner_headings(&markdown);
    let markdown = dialects::bold_lines_as_headings(&markdown);
    let markdown = chat::messages_only(&markdown);
    let markdown = columns::csv_to_tabs(&markdown);
    let markdown = columns::align_to_tabs(&markdown);
    let (front, body) = frontmatter::split(&markdown);
    let blocks = document::blocks(&body);
    let file_stem = std::path::Path::new(file).file_stem().and_then(|s| s.to_str()).unwrap_or_default();
    let sources = Sources { front: &front, blocks: &blocks, file_stem };
    let Some(edition) = which_edition(&sources, options.conference.as_ref()) else {
        diagnostics.push(Diagnostic::file(
            file,
            "names no conference and year (in its first heading or line, or front matter `conference:`); give one with --conference \"Name YEAR\", skipped",
        ));
        return FileResult { file: file.to_owned(), record: None, diagnostics, explain: None };
    };
    let shared: Arc<str> = file.into();
    let mut notes = Notes::new(&shared, &blocks, &front, edition.name.clone(), edition.block);
    // The file's structure first; then running text, outside what the structure already read.
    let mut candidates: Vec<Candidate> =
        SHAPES.iter().filter(|s| s.phase() == Phase::Structure).flat_map(|shape| shape.find(&notes)).collect();
    notes.owned = shapes::owned_blocks(&candidates, blocks.len());
    candidates.extend(SHAPES.iter().filter(|s| s.phase() == Phase::Loose).flat_map(|shape| shape.find(&notes)));
    shapes::clear_unstated_titles(&mut candidates);
    // (`here is the programme for the Caldera Dynamics Workshop 2025 (…)`: the conference's own
    // name is no talk of it.)
    // (The file's first line may hold its name and filler whatever a shape read in it; a talk
    // elsewhere with a speaker is a talk: `## Notes on a Strange Loop (Alex Miller)`.)
    candidates.retain(|c| !names_the_edition(&c.title, &edition.name, c.anchor == 0 || c.speakers.is_empty()));
    let (kept, mut dropped) = select::select(candidates);
    let mut kept = select::struck_out(&blocks, kept, &mut dropped);
    let mut repeats = shapes::prose::repeats_in_bodies(&blocks, &edition.name, &kept);
    repeats.extend(shapes::prose::pointers_in_bodies(&blocks, &edition.name, &kept));
    if !repeats.is_empty() {
        kept.extend(repeats);
        kept.sort_by_key(|c| (c.anchor, c.line, c.offset));
    }
    explain::assign_editions(&notes, &mut kept);
    let mut record = fields::record(&shared, &blocks, &edition.name, edition.line, &kept);
    record.shrink_to_fit();
    if record.sessions.is_empty() {
        diagnostics.push(Diagnostic::at(file, edition.line, "no sessions found (see `confgraph extract --explain`)"));
    }
    let explain = options.explain.then(|| explain::explain(&notes, &edition, &kept, &dropped));
    FileResult { file: file.to_owned(), record: Some(record), diagnostics, explain }
}

/// Whether `title` is only the name of `edition` (`Caldera Dynamics Workshop 2025`).
fn names_the_edition(title: &str, edition: &conference::ConferenceName, filler_allowed: bool) -> bool {
    let fold = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let title = fold(title);
    let series = fold(&edition.series);
    if title == series || edition.year.is_some_and(|y| title == format!("{series} {y}")) {
        return true;
    }
    // `BioPipe Days — notes`, `Notes from BioPipe Days 2023`: the name and the header's filler.
    let words: Vec<&str> = title.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let series_words: Vec<&str> = series.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let Some(at) = words.windows(series_words.len().max(1)).position(|w| w == series_words.as_slice()) else {
        return false;
    };
    if !filler_allowed {
        return false;
    }
    let rest = [&words[..at], &words[at + series_words.len()..]].concat().join(" ");
    let year = edition.year.map(|y| y.to_string()).unwrap_or_default();
    rest.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && *w != year)
        .all(|w| conference::HEADER_FILLER.contains(&w))
}

/// The file's text, decoded, with a warning for each thing decoding had to mend; `None` (and
/// the reason) when the file is empty or binary.
fn decoded_text(file: &str, bytes: &[u8], diagnostics: &mut Vec<Diagnostic>) -> Option<String> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        diagnostics.push(Diagnostic::file(file, "empty file, skipped"));
        return None;
    }
    let decoded = decode::decode(bytes);
    if decoded.encoding == Encoding::Utf8 && bytes.iter().take(8192).any(|&b| b == 0) {
        diagnostics.push(Diagnostic::file(file, "binary file (NUL bytes), skipped"));
        return None;
    }
    if matches!(decoded.encoding, Encoding::Latin1 | Encoding::Windows1252) {
        diagnostics.push(Diagnostic::file(file, format!("not UTF-8: read as {}", decoded.encoding.name())));
    }
    for line in &decoded.invalid_lines {
        diagnostics.push(Diagnostic::at(file, *line, "invalid UTF-8 replaced by U+FFFD; the rest of the file is read"));
    }
    Some(decoded.text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Titles and speakers `read_notes` finds in `text`.
    fn read(text: &str) -> Vec<(String, Vec<String>)> {
        let sessions = read_notes("n.md", text.as_bytes()).0.map(|r| r.sessions).unwrap_or_default();
        sessions.into_iter().map(|s| (s.title, s.speakers.into_iter().map(|n| n.name).collect())).collect()
    }

    #[test]
    fn a_programme_table_with_notes_under_coded_headings() {
        // A table under a heading is the table's, not the heading's speaker line; a struck-through
        // row did not take place; `S03 — Short Title` notes are the row's talk, not a second one.
        let notes = "# Shelf Days 2024\n\n## Programme\n\n| ID | Day / time | Title | Presenter(s) |\n|---|---|---|---|\n| S01 | Wed 09:30 | Catalogues as Ground | Ada Okonjo |\n| S02 | Wed 11:00 | ~~Preserving Old Archives~~ | ~~Ed Hale~~ |\n| S03 | Wed 14:00 | BIBFRAME in Practice: Five Years On | Rose Kettering |\n\n## Notes\n\n### S03 — BIBFRAME in Practice\nspeaker:: [[Rose Kettering]]\n- She cited S. R. Ranganathan's *Five Laws* and Hope A. Olson's *The Power to Name*.\n";
        let titles: Vec<String> = read(notes).into_iter().map(|(t, _)| t).collect();
        assert_eq!(titles, ["Catalogues as Ground", "BIBFRAME in Practice: Five Years On"], "{:?}", read(notes));
        // A talk cited is still a talk; a different talk with the same main title stays apart.
        let cited = "# Dev Days 2024\n\nShe referenced Mehmet Kaya's talk from yesterday, \"Idempotency Keys All the Way Down\".\n";
        assert_eq!(read(cited).len(), 1, "{:?}", read(cited));
        let two = "# Dev Days 2024\n\n- Rust in Practice: Embedded - Ana Lima\n- Rust in Practice - Bo Chen\n";
        assert_eq!(read(two).len(), 2, "{:?}", read(two));
    }

    #[test]
    fn a_kind_label_on_a_timed_line_and_a_slot_with_a_room_over_bullets() {
        let notes = "Sonic Days 2025\n\n15:00   WORKSHOP (Kellari, 90 min)\n        Faust for the impatient\n        presenter: Sebastien Aubry\n16:30   break\n17:00   Lightning talks, Hall A\n        - A ukulele that tunes itself · Keoni Kahananui\n        - MIDI 2.0 in five minutes · Tjasa Novak\n";
        let got = read(notes);
        let titles: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(titles, ["Faust for the impatient", "A ukulele that tunes itself", "MIDI 2.0 in five minutes"]);
        assert_eq!(got[0].1, ["Sebastien Aubry"]);
        assert_eq!(got[2].1, ["Tjasa Novak"]);
    }

    #[test]
    fn panelists_after_a_moderated_by_line_or_dash() {
        let notes = "# Shelf Forum 2024\n\n### Who pays for open access now?\nmoderated by Ingrid Solberg-Hauge\npanelists Kofi Boateng, Marie-Claire Dufresne\n\n### Zine libraries\nmoderated by Rosa Jiménez — panelists Dara O'Keefe and Kimiko Sato\n";
        let got = read(notes);
        assert_eq!(got[0].1, ["Ingrid Solberg-Hauge", "Kofi Boateng", "Marie-Claire Dufresne"], "{got:?}");
        assert_eq!(got[1].1, ["Rosa Jiménez", "Dara O'Keefe", "Kimiko Sato"], "{got:?}");
    }

    #[test]
    fn a_co_located_event_named_under_a_day_heading_has_its_own_edition() {
        let notes = "# Trondheim trip — Servo North 2023\n\n## Tue 5 Sept — Firmware Fringe\n\nFirmware Fringe 2023 is the one-day event before Servo North.\n\nCaught Zephyr on a Budget Board by Ingeborg Dahl.\n\n## Wed 6 Sept — Servo North day 1\n\nCaught Motion Planning for Cheap Arms by Paulina Kowalczyk.\n";
        let record = read_notes("t.md", notes.as_bytes()).0.unwrap();
        let got: Vec<(String, String)> =
            record.sessions.iter().map(|s| (s.title.clone(), s.conference.to_string())).collect();
        assert_eq!(
            got,
            [
                ("Zephyr on a Budget Board".to_owned(), "firmware-fringe-2023".to_owned()),
                ("Motion Planning for Cheap Arms".to_owned(), "servo-north-2023".to_owned())
            ]
        );
    }

    #[test]
    fn titles_in_single_curly_quotes_and_kinds_inside_a_title_label() {
        let prose = "# Lowerfest 2024\n\nNguyễn Hoàng Nam's ‘SSA Is a Functional Program, Still’ was the most theoretical talk.\n\nAna Ortiz's talk ‘Don’t Panic About Lifetimes’ was fun.\n";
        let got = read(prose);
        assert_eq!(got[0], ("SSA Is a Functional Program, Still".to_owned(), vec!["Nguyễn Hoàng Nam".to_owned()]));
        assert_eq!(got[1].0, "Don’t Panic About Lifetimes");
        let labels = "# Reverb Summit 2024\n\n### Room B, 14:00\nTitle: Workshop: Building a Granular Synth in Rust\nSpeaker: Arvid Lund\n";
        let record = read_notes("t.md", labels.as_bytes()).0.unwrap();
        assert_eq!(record.sessions[0].title, "Building a Granular Synth in Rust");
        assert_eq!(record.sessions[0].kind, crate::model::SessionKind::Tutorial);
    }

    #[test]
    fn a_lower_case_time_line_that_opens_as_a_ceremony_is_one() {
        let notes = "Spanfest 2024 notes\n\n1015 talk by takeshi inoue abt sampling traces\n1600 closing\n1630 beers on the roof\n1700 got there late, missed the welcome\n1800 welcome drinks\n";
        let record = read_notes("t.md", notes.as_bytes()).0.unwrap();
        let got: Vec<(&str, crate::model::SessionKind)> =
            record.sessions.iter().map(|s| (s.title.as_str(), s.kind)).collect();
        assert_eq!(
            got,
            [("sampling traces", crate::model::SessionKind::Talk), ("closing", crate::model::SessionKind::Ceremony)]
        );
    }

    #[test]
    fn a_place_under_a_day_heading_is_no_edition_and_a_reading_list_no_talks() {
        let notes = "# PyCon PT 2024\n\n## Thursday — Porto\n\nPorto 2024 felt bigger than last year.\n\nCaught Async All the Way Down by Ana Ortiz.\n";
        let record = read_notes("t.md", notes.as_bytes()).0.unwrap();
        let got: Vec<String> = record.sessions.iter().map(|s| s.conference.to_string()).collect();
        assert_eq!(got, ["pycon-pt-2024"]);
        let reading = "# Consensus Con 2024\n\n### Consensus in Practice\nspeaker:: Ana Ortiz\n\n- notes on raft\n\nRecommended reading:\n- Leslie Lamport — Time, Clocks, and the Ordering of Events\n- Martin Kleppmann — Designing Data-Intensive Applications\n";
        let titles: Vec<String> = read(reading).into_iter().map(|(t, _)| t).collect();
        assert_eq!(titles, ["Consensus in Practice"]);
    }

    #[test]
    fn talks_told_after_the_conference_is_over_are_another_events() {
        let notes = "# Journal\n\nFirst day of Uptime Valley 2025.\n\nThen \"Chaos Engineering for Boring Companies\" by Mehmet Yildirim. Very good.\n\nConference over. In the evening the local ops meetup had two talks: Jure Zupancic on \"Nix in Production\" and Katja Hribar's \"Alerting on a Budget\".\n";
        let got = read(notes);
        assert_eq!(got, [("Chaos Engineering for Boring Companies".to_owned(), vec!["Mehmet Yildirim".to_owned()])]);
    }

    #[test]
    fn bare_track_letters_a_name_and_org_in_brackets_and_a_lunch_place() {
        let programme = "SERVO DAYS 2025\n\n10:00  A  Cheap Force Sensing — Priyanka Deshmukh\n       B  Safety Cases for Mobile Robots — Siobhan Mac Giolla\n";
        let titles: Vec<String> = read(programme).into_iter().map(|(t, _)| t).collect();
        assert_eq!(titles, ["Cheap Force Sensing", "Safety Cases for Mobile Robots"]);
        let headings = "# Lantern Dev Days 2025\n\n## Lunch (Kaito Ramen)\n\n## Accessibility Is a Design Pillar (Diego Armando Ruiz — Polvo Studio)\n\n## Netcode Without Tears (Ana Lima)\n";
        let got = read(headings);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0], ("Accessibility Is a Design Pillar".to_owned(), vec!["Diego Armando Ruiz".to_owned()]));
    }

    #[test]
    fn a_bold_record_among_a_talks_notes_is_the_next_session() {
        let notes = "# Kerb Days 2024\n\n### Cognitive Accessibility Is Not a Checklist\nSpeaker: Tamsin Healy\n- plain language\n\n**Panel: Procurement as a Lever**\nModerator: Grace Oyelaran\nPanelists: Declan Murphy, Yoshiko Fujita\n- \"if it's not in the contract it doesn't exist\" — Declan\n";
        let got = read(notes);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].1, ["Tamsin Healy"]);
        assert_eq!(got[1].0, "Procurement as a Lever");
        assert_eq!(got[1].1, ["Grace Oyelaran", "Declan Murphy", "Yoshiko Fujita"]);
        // A bold line in a talk's notes with no speaker label under it stays a note.
        let note = "# Kerb Days 2024\n\n### Captions People Read\nSpeaker: Noor Al-Sayed\n\n**Big takeaway**\nline length matters\n";
        assert_eq!(read(note).len(), 1);
    }

    #[test]
    fn rooms_between_time_and_title_and_labels_under_a_timed_line() {
        let notes = "# Bio Days 2024\n\n09:20  KEYNOTE  Long reads — Abena Owusu   [Amphi Weil]\n10h45  B012       Pangenome graphs for wheat — Thibault Lemaire\n14h00  Amphi Weil TABLE RONDE : Reproducibility, for real this time\n                 modération : Hugo Marchetti\n                 avec : Chidi Okeke, Sofia Lindholm\n16h00  Hall of Mirrors — Mei Chou\n";
        let got = read(notes);
        let titles: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            titles,
            ["Long reads", "Pangenome graphs for wheat", "Reproducibility, for real this time", "Hall of Mirrors"]
        );
        assert_eq!(got[2].1, ["Hugo Marchetti", "Chidi Okeke", "Sofia Lindholm"]);
    }

    #[test]
    fn a_first_heading_of_the_name_and_filler_is_no_session() {
        let notes = "# BioPipe Days — notes\n\nNotes from BioPipe Days 2023 in Lisbon.\n\n## Ayesha Siddiqui: Reproducibility Is a Team Sport\n\nstuff\n\n## Lars Halvorsen: Snakemake vs Nextflow\n\nmore\n";
        let titles: Vec<String> = read(notes).into_iter().map(|(t, _)| t).collect();
        assert_eq!(titles, ["Reproducibility Is a Team Sport", "Snakemake vs Nextflow"]);
        let talk = "# Fieldbot Summit 2024\n\n## The Future of Fieldbot Summit — Ana Lima\n";
        assert_eq!(read(talk).len(), 1, "{:?}", read(talk));
    }

    #[test]
    fn the_same_talk_given_elsewhere_told_in_its_notes() {
        let notes = "# FjordSec 2025\n\n### Fault Injection on a Budget (Rhys Caradog — me!)\nMy slot. This is the same talk I gave at Hackfest Cymru 2023 and again at Embedded North 2024.\n\n### Secure Boot (Chloé Marchetti)\nShe gave a keynote at FjordSec 2024 too, on something else.\n";
        let sessions = read_notes("n.md", notes.as_bytes()).0.unwrap().sessions;
        let got: Vec<(String, String)> = sessions.iter().map(|s| (s.title.clone(), s.conference.to_string())).collect();
        assert_eq!(
            got,
            [
                ("Fault Injection on a Budget".to_owned(), "fjordsec-2025".to_owned()),
                ("Fault Injection on a Budget".to_owned(), "hackfest-cymru-2023".to_owned()),
                ("Fault Injection on a Budget".to_owned(), "embedded-north-2024".to_owned()),
                ("Secure Boot".to_owned(), "fjordsec-2025".to_owned()),
            ]
        );
    }

    #[test]
    fn edges_of_this_stops_rules_a_reviewer_found() {
        let titles = |notes: &str| -> Vec<String> { read(notes).into_iter().map(|(t, _)| t).collect() };
        // A moved talk struck out at its old slot still took place at its new one.
        let moved = "# Loc Days 2024\n\n10:15 ~~Fonts for Indic Scripts – Priya Iyer~~ → cancelled\n11:00 Pseudo-localisation Now – Ana Prado\n16:00 Fonts for Indic Scripts – Priya Iyer\n";
        assert_eq!(titles(moved), ["Pseudo-localisation Now", "Fonts for Indic Scripts"]);
        // Two parts of one speaker's series are two talks; `C4:`, `HL7:` open titles.
        let parts = "# Nix Camp 2024\n\n### Intro to Nix: Part 1\nSpeaker: Ana Lima\n\n### Intro to Nix: Part 2\nSpeaker: Ana Lima\n\n### C4: Diagrams That Survive\nSpeaker: Simone Brown\n";
        assert_eq!(titles(parts), ["Intro to Nix: Part 1", "Intro to Nix: Part 2", "C4: Diagrams That Survive"]);
        // Not the same talk, a future edition, another kind: no repeats.
        let repeats = "# FjordSec 2025\n\n### Fault Injection (Rhys Caradog)\nNot the same talk he gave at Hackfest Cymru 2023.\n\n### Secure Boot (Chloé Marchetti)\nShe will give the same talk again at FjordSec 2026.\n";
        assert_eq!(titles(repeats), ["Fault Injection", "Secure Boot"]);
        // A time and room under a heading are the heading's; `**Q&A**` / `Moderator:` is a part of the talk.
        let parts_of_a_talk = "# Dev Days 2024\n\n### Fearless FFI\n10:15 · Room B\nSpeaker: Ana Ortiz\n\n**Q&A**\nModerator: Grace Oyelaran\n";
        assert_eq!(read(parts_of_a_talk), [("Fearless FFI".to_owned(), vec!["Ana Ortiz".to_owned()])]);
        // A title ending in a full stop after a comma is a title when someone gave it.
        let quoted = "# Dev Days 2024\n\nAna Lima gave \"Move Fast, Break Nothing.\" to a full room.\n";
        assert_eq!(titles(quoted), ["Move Fast, Break Nothing"]);
    }

    #[test]
    fn a_talk_given_in_a_cancelled_slot() {
        let notes = "# Barrier Free Days 2023\n\n14:30  Designing for Cognitive Load -- Mark Whitfield  >> CANCELLED\n       replaced by: Plain Language Sprint -- Noor Haddad\n15:30  Sign Language Avatars -- Wiremu Parata\n";
        assert_eq!(
            read(notes),
            [
                ("Plain Language Sprint".to_owned(), vec!["Noor Haddad".to_owned()]),
                ("Sign Language Avatars".to_owned(), vec!["Wiremu Parata".to_owned()]),
            ]
        );
    }

    #[test]
    fn labels_under_a_time_line_are_its_entrys_not_the_headings() {
        let notes = "# Loc Days 2024\n\n## Programme – day 1\n\n09:00 Opening – [[Zuzanna Wrona]]\n12:10 Panel: Who Checks the Machine?\n      moderator:: [[Giulia Ferrante]]\n14:00 Right-to-Left Is Not a Flip – [[Yousef Al-Masri]]\n";
        let titles: Vec<String> = read(notes).into_iter().map(|(t, _)| t).collect();
        assert!(!titles.iter().any(|t| t.starts_with("Programme")), "{titles:?}");
        assert!(titles.iter().any(|t| t == "Right-to-Left Is Not a Flip"), "{titles:?}");
    }

    #[test]
    fn ordinary_notes_that_rules_for_new_shapes_once_misread() {
        // A title with a room word, or with a joining word, stays a title in a printed programme.
        let printed = "# Archive Days 2024\n\n09:00  Stage Fright\n       KADRI TAMM\n\n10:00  KEYNOTE\n       Hall of Mirrors\n       MEI CHOU\n\n11:00  Fixity Checks\n       OWEN PRYCE\n";
        let titles: Vec<String> = read(printed).into_iter().map(|(t, _)| t).collect();
        assert!(
            titles.iter().any(|t| t == "Stage Fright") && titles.iter().any(|t| t == "Hall of Mirrors"),
            "{titles:?}"
        );
        // A sentence-case title with a quoted phrase, in a repeated pattern.
        let pattern = "# Dev Days 2024\n\n[Ana Lima] Why \"works on my machine\" is not enough\n[Dana Okafor] When \"move fast\" broke our billing\n[Elif Demir] Living with \"legacy code\" in a startup\n[Bo Chen] Zero-Copy Parsing\n";
        assert_eq!(read(pattern).len(), 4, "{:?}", read(pattern));
        // A talk whose title opens with a pause's word, credited in prose.
        let prose = "# Dev Days 2024\n\nAfter lunch, \"Break Your Monolith Gently\" by Ana Lima was the best talk.\n";
        assert!(read(prose).iter().any(|(t, _)| t == "Break Your Monolith Gently"), "{:?}", read(prose));
        // Given names that are also room words; titles on buses; lower-case questions.
        let list = "# Dev Days 2024\n\n- Speaker: Hall Caine\n\n## Bus Factor: Why Maintainers Burn Out\n\nSpeaker: Ana Lima\n\n## Talks\n\n- Ana Lima: why rust is hard for beginners\n- Dana Okafor: what makes a good api\n";
        let read_list = read(list);
        assert!(read_list.iter().any(|(t, _)| t.starts_with("Bus Factor")), "{read_list:?}");
        assert!(read_list.iter().any(|(t, _)| t == "why rust is hard for beginners"), "{read_list:?}");
        assert!(shapes::is_break("Buses to the conference dinner at Pyynikki") && !shapes::is_break("Bus Factor"));
        // A podcast's chapter times under its own heading are no programme.
        let show = "# DataDesk Days 2024\n\n## Chapters\n\n- 00:00 — Cold open\n- 04:30 — Interview: Joaquim Pestana\n- 18:10 — The keynote\n\n## Talks\n\n- **The Chart Is Not the Story** — Sven Ekdahl\n";
        let titles: Vec<String> = read(show).into_iter().map(|(t, _)| t).collect();
        assert!(titles.iter().all(|t| t != "Cold open" && t != "The keynote"), "{titles:?}");
        assert!(titles.iter().any(|t| t == "The Chart Is Not the Story"), "{titles:?}");
        assert!(names::judge::judge("Hall Caine").likeness >= names::judge::Likeness::Plausible);
    }

    /// Pieces real notes are made of, including the awkward ones.
    const FRAGMENTS: &[&str] = &[
        "# Pycascades 2025\n",
        "# PyCon US 2024 Recap\n",
        "PyCon 2019 in Cleveland, Ohio\n",
        "RustConf 2022 — every talk in one line\n",
        "---\nconference: Elm Meadow 2024\n---\n",
        "## ",
        "### ",
        "#### ",
        "- ",
        "* ",
        "1. ",
        "  - ",
        "| Time | Talk | Speaker |\n|---|---|---|\n",
        "| 10:15 | Fast Go | Ana Ortiz |\n",
        "10:15  ",
        "2:30pm ",
        "\t",
        "Speaker: ",
        "**Presenter:** ",
        "Lightning Talks\n",
        "Day 2\n",
        "Jane Doe\n",
        "A, B and C\n",
        "Lady Red / Christopher Beacham\n",
        "Sam Edwardes (dude we had lunch with)\n",
        "Ana \"ace\" Ortiz",
        "@handle\n",
        "> quoted abstract\n",
        "* item\n  * nested\n",
        "---\n",
        "\n",
        "Sunday 2:30 p.m.–3 p.m. in Grand Ballroom A\n",
        "\"Title\" by Ana Lima (Org, formerly X)\n",
        "Koushik gave his talk \"[T](https://2022.x.us/a)\" at PyTexas. He gave the talk at PyCon US too.\n",
        "Panel with A, B and C. ",
        "where I attended a talk he gave",
        "[[Ana Ortiz]]",
        "speaker:: [[Bo Chen]]\n",
        "Gir√£o ≈Åukasz üîù\n",
        "(((",
        ")))",
        "“",
        "”",
        "\"",
        "[link](",
        "<mas.to/@x>",
        "```\ncode\n```\n",
        "Name: Title\n",
        " — ",
        "é",
        "\u{0}",
        "\r\n",
        "\r",
        "\u{feff}",
        "Awa Ndiaye  9:06 AM\n",
        "[09:20] hoang.vu: keynote: T — Ana Ortiz\n",
        "4/ Now: ",
        "=====\n",
        ".. list-table::\n   :header-rows: 1\n",
        "   * - 13:30\n     - Title\n",
        ":Speaker: Ana Ortiz\n",
        "• ",
        "⚡ ",
        "[Room A] 10:15 ",
        "10:45  [A] ",
        "Talk: Title\nSpeaker(s): A, B\nRoom: X\n",
        "#+TITLE: X 2024\n* H\n",
        "= Title\n== Part\n",
        "Time\tTitle\tSpeakers\n",
        "Time    Title        Speakers\n",
        "\t",
        "   ",
        "First, and\n",
        "TODO ",
        " #tag",
        "★",
        "(*)",
        "K. Jay Miller Keynote\n",
        "This talk by Bo Chen was\n",
    ];

    fn notes_strategy() -> impl Strategy<Value = String> {
        proptest::collection::vec(0..FRAGMENTS.len(), 0..80)
            .prop_map(|idx| idx.into_iter().map(|i| FRAGMENTS[i]).collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            let _ = read_notes("fuzz.md", &bytes);
        }

        #[test]
        fn random_markdown_never_panics_and_reads_the_same_twice(text in notes_strategy()) {
            let first = read_notes("fuzz.md", text.as_bytes());
            let second = read_notes("fuzz.md", text.as_bytes());
            prop_assert_eq!(format!("{first:?}"), format!("{second:?}"));
            if let (Some(record), _) = first {
                for s in &record.sessions {
                    prop_assert!(s.source.line >= 1);
                    prop_assert!(s.source.line as usize <= text.split(['\n', '\r']).count().max(1));
                }
            }
        }

        #[test]
        fn random_unicode_never_panics(text in "\\PC{0,400}") {
            let _ = read_notes("fuzz.md", text.as_bytes());
            let _ = read_notes("fuzz.txt", format!("# PyOhio 2023\n\n## {text}\n\n{text}\n").as_bytes());
            let _ = read_notes("fuzz.txt", format!("# PyOhio 2023\n\n- {text}\n- {text} — Ana Ortiz\n\n10:15 {text}\n").as_bytes());
        }
    }
}

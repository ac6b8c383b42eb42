//! Ingest: notes files in, one [`NotesRecord`] per readable file out, plus a diagnostic for every
//! file or line that could not be read well.
//!
//! Files are read and parsed in parallel with rayon; results are kept in the sorted file order,
//! so the output is the same whatever the thread count. A file that fits no notes style is
//! reported and skipped, never guessed at.

pub mod conference;
pub mod detect;
pub mod draft;
pub mod kind;
pub mod markdown;
pub mod names;
pub mod recap;
pub mod schedule;
pub mod source;
pub mod talk_notes;
pub mod text;

use rayon::prelude::*;

use crate::diagnostic::Diagnostic;
use crate::model::NotesRecord;

use detect::{NotesStyle, Undetected, detect};
use source::NotesSource;

/// What reading one file gave.
#[derive(Debug, Clone)]
pub struct FileResult {
    /// The file's display path.
    pub file: String,
    /// The style it was read as, and what it held; `None` when it was skipped.
    pub record: Option<(NotesStyle, NotesRecord)>,
    /// Problems found in it.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads every source, in parallel, in the order given.
#[must_use]
pub fn read_all(sources: &[NotesSource]) -> Vec<FileResult> {
    sources
        .par_iter()
        .map(|source| {
            let file = source.display().to_owned();
            match source.read() {
                Ok(bytes) => {
                    let (record, diagnostics) = read_notes(&file, &bytes);
                    FileResult {
                        file,
                        record,
                        diagnostics,
                    }
                }
                Err(d) => FileResult {
                    file,
                    record: None,
                    diagnostics: vec![d],
                },
            }
        })
        .collect()
}

/// Reads one notes file from its bytes. Never panics.
#[must_use]
pub fn read_notes(
    file: &str,
    bytes: &[u8],
) -> (Option<(NotesStyle, NotesRecord)>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    if bytes.iter().all(u8::is_ascii_whitespace) {
        diagnostics.push(Diagnostic::file(file, "empty file, skipped"));
        return (None, diagnostics);
    }
    if bytes.iter().take(8192).any(|&b| b == 0) {
        diagnostics.push(Diagnostic::file(file, "binary file (NUL bytes), skipped"));
        return (None, diagnostics);
    }
    let decoded = text::decode(bytes);
    for line in &decoded.invalid_lines {
        diagnostics.push(Diagnostic::at(
            file,
            *line,
            "invalid UTF-8 replaced by U+FFFD; the rest of the file is read",
        ));
    }
    let cleaned = text::drop_control_chars(&decoded.text);
    if cleaned.len() != decoded.text.len() {
        let line = decoded
            .text
            .lines()
            .position(|l| l.chars().any(|c| c.is_control() && c != '\t'))
            .map_or(1, |i| i as u32 + 1);
        diagnostics.push(Diagnostic::at(file, line, "control characters dropped"));
    }
    let text = text::repair_mojibake(&cleaned);
    let blocks = markdown::blocks(&text);
    let detected = match detect(&text, &blocks) {
        Ok(d) => d,
        Err(why) => {
            let message = match why {
                Undetected::NoHeadings => {
                    "not conference notes: no headings and no schedule time lines (expected `# Series Year` talk notes, a schedule listing or a recap), skipped"
                }
                Undetected::NoConference => {
                    "no conference name and year in the first headings (e.g. `# PyCascades 2025`), skipped"
                }
            };
            diagnostics.push(Diagnostic::file(file, message));
            return (None, diagnostics);
        }
    };
    let record = match detected.style {
        NotesStyle::TalkNotes => talk_notes::parse(file, &blocks, &detected),
        NotesStyle::Schedule => schedule::parse(file, &text, &detected),
        NotesStyle::Recap => recap::parse(file, &blocks, &detected),
    };
    if record.sessions.is_empty() {
        diagnostics.push(Diagnostic::at(
            file,
            detected.line,
            format!(
                "read as {} but no sessions found",
                detected.style.describe()
            ),
        ));
    }
    (Some((detected.style, record)), diagnostics)
}

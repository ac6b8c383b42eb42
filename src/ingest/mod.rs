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
    let progress = crate::progress::Progress::new(sources.len() as u64, "reading notes");
    let results = sources
        .par_iter()
        .map(|source| {
            progress.inc();
            let file = source.display().to_owned();
            match source.read() {
                Ok(bytes) => {
                    let (record, diagnostics) = read_notes(&file, &bytes);
                    FileResult { file, record, diagnostics }
                }
                Err(d) => FileResult { file, record: None, diagnostics: vec![d] },
            }
        })
        .collect();
    progress.finish();
    results
}

/// Reads one notes file from its bytes. Never panics.
#[must_use]
pub fn read_notes(file: &str, bytes: &[u8]) -> (Option<(NotesStyle, NotesRecord)>, Vec<Diagnostic>) {
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
        diagnostics.push(Diagnostic::at(file, *line, "invalid UTF-8 replaced by U+FFFD; the rest of the file is read"));
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
    let shared: std::sync::Arc<str> = file.into();
    let mut record = match detected.style {
        NotesStyle::TalkNotes => talk_notes::parse(&shared, &blocks, &detected),
        NotesStyle::Schedule => schedule::parse(&shared, &text, &detected),
        NotesStyle::Recap => recap::parse(&shared, &blocks, &detected),
    };
    record.shrink_to_fit();
    if record.sessions.is_empty() {
        diagnostics.push(Diagnostic::at(
            file,
            detected.line,
            format!("read as {} but no sessions found", detected.style.describe()),
        ));
    }
    (Some((detected.style, record)), diagnostics)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Pieces real notes are made of, including the awkward ones.
    const FRAGMENTS: &[&str] = &[
        "# Pycascades 2025\n",
        "# PyCon US 2024 Recap\n",
        "PyCon 2019 in Cleveland, Ohio\n",
        "## ",
        "### ",
        "#### ",
        "Lightning Talks\n",
        "Day 2\n",
        "Jane Doe\n",
        "A, B and C\n",
        "Lady Red / Christopher Beacham\n",
        "Sam Edwardes (dude we had lunch with)\n",
        "@handle\n",
        "> quoted abstract\n",
        "* item\n  * nested\n",
        "---\n",
        "\n",
        "Sunday 2:30 p.m.–3 p.m. in Grand Ballroom A\n",
        "\"Title\" by Ana Lima (Org, formerly X)\n",
        "Koushik gave his talk \"[T](https://2022.x.us/a)\" at PyTexas. He gave the talk at PyCon US too.\n",
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
        "é",
        "\u{0}",
        "\r\n",
        "\r",
        "\u{feff}",
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
            if let (Some((_, record)), _) = first {
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
        }
    }
}

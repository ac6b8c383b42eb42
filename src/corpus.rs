//! The corpus: every file's records merged into one set of conferences, sessions and people,
//! with unique ids and a deterministic order (conferences by id, sessions by conference then
//! source position, people by id), whatever order the files were read in.

use std::collections::BTreeMap;

use crate::diagnostic::Diagnostic;
use crate::ids::session_id;
use crate::ingest::FileResult;
use crate::model::{Conference, Mention, Session};
use crate::resolve::{Overrides, People, resolve_people_with};

/// A session with its id and its speakers as person ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusSession {
    /// `pycascades-2025/web-maps-2-ways-with-streamlit-and-pyscript`.
    pub id: String,
    /// The session as read.
    pub session: Session,
    /// Person ids of its speakers, in the order the notes give them.
    pub speakers: Vec<String>,
}

/// Everything read from a set of notes.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// Sorted by id.
    pub conferences: Vec<Conference>,
    /// Sorted by conference id, then file and line.
    pub sessions: Vec<CorpusSession>,
    /// Everyone, sorted by id.
    pub people: People,
    /// Files read (with a record) and skipped.
    pub files_read: usize,
    /// Files that could not be read as notes.
    pub files_skipped: usize,
    /// Every warning, sorted by file and line.
    pub diagnostics: Vec<Diagnostic>,
}

/// Merges per-file results into one corpus.
#[must_use]
pub fn assemble(results: Vec<FileResult>, diagnostics: Vec<Diagnostic>) -> Corpus {
    assemble_with(results, diagnostics, &Overrides::default())
}

/// Merges per-file results into one corpus, honouring the user's identity overrides.
#[must_use]
pub fn assemble_with(
    results: Vec<FileResult>,
    mut diagnostics: Vec<Diagnostic>,
    overrides: &Overrides,
) -> Corpus {
    let mut conferences: BTreeMap<String, Conference> = BTreeMap::new();
    let mut sessions: Vec<Session> = Vec::new();
    let mut mentions: Vec<Mention> = Vec::new();
    let (mut read, mut skipped) = (0, 0);
    for result in results {
        diagnostics.extend(result.diagnostics);
        let Some((_, record)) = result.record else {
            skipped += 1;
            continue;
        };
        read += 1;
        for (i, conf) in record.conferences.into_iter().enumerate() {
            let header = i == 0;
            conferences
                .entry(conf.id.clone())
                .and_modify(|existing| {
                    // A file's own header beats a mention in another file's prose; then the earliest.
                    if (header && existing.location.is_none() && conf.location.is_some())
                        || (header && conf.source < existing.source)
                    {
                        *existing = conf.clone();
                    }
                    if existing.location.is_none() {
                        existing.location.clone_from(&conf.location);
                    }
                })
                .or_insert(conf);
        }
        sessions.extend(record.sessions);
        mentions.extend(record.mentions);
    }
    let people = resolve_people_with(&mentions, overrides);
    sessions.sort_by(|a, b| {
        (&a.conference, &a.source, &a.title).cmp(&(&b.conference, &b.source, &b.title))
    });
    let mut used: BTreeMap<String, usize> = BTreeMap::new();
    let sessions = sessions
        .into_iter()
        .map(|session| {
            let base = session_id(&session.conference, &session.title);
            let n = used
                .entry(base.clone())
                .and_modify(|n| *n += 1)
                .or_insert(1);
            let id = if *n == 1 { base } else { format!("{base}-{n}") };
            let speakers = session
                .speakers
                .iter()
                .filter_map(|s| people.lookup(&s.name).map(|p| p.id.clone()))
                .collect();
            CorpusSession {
                id,
                session,
                speakers,
            }
        })
        .collect();
    diagnostics.sort();
    Corpus {
        conferences: conferences.into_values().collect(),
        sessions,
        people,
        files_read: read,
        files_skipped: skipped,
        diagnostics,
    }
}

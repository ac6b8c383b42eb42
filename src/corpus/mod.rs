//! The corpus: every file's records merged into one set of conferences, sessions and people,
//! with unique ids and a deterministic order (conferences by id, sessions by conference then
//! source position, people by id), whatever order the files were read in.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

pub mod dedupe;
mod session;

use crate::diagnostic::Diagnostic;
use crate::ids::{EditionId, SessionId, session_id_of_slug, slug};
use crate::ingest::FileResult;
use crate::model::{Conference, Mention, Session};
use crate::resolve::{Overrides, People, resolve_people_with};
use crate::topics::{TopicMatch, TopicScheme};

pub use session::CorpusSession;

/// Everything read from a set of notes.
#[derive(Debug, Clone)]
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
    /// The topic taxonomy sessions were matched against.
    pub topics: TopicScheme,
}

impl Corpus {
    /// The edition with this id.
    #[must_use]
    pub fn conference(&self, id: &str) -> Option<&Conference> {
        self.conferences.binary_search_by(|c| c.id.as_str().cmp(id)).ok().map(|i| &self.conferences[i])
    }
}

/// Merges per-file results into one corpus.
#[must_use]
pub fn assemble(results: Vec<FileResult>, diagnostics: Vec<Diagnostic>) -> Corpus {
    assemble_with(results, diagnostics, &Overrides::default(), TopicScheme::bundled())
}

/// Merges per-file results into one corpus, honouring the user's identity overrides.
#[must_use]
pub fn assemble_with(
    results: Vec<FileResult>,
    mut diagnostics: Vec<Diagnostic>,
    overrides: &Overrides,
    topics: TopicScheme,
) -> Corpus {
    let gathered = gather(results, &mut diagnostics);
    let Gathered { conferences, sessions, mentions, read, skipped } = gathered;
    // People are resolved (mostly one thread's work) while sessions are ordered, given ids and
    // matched to topics.
    let (people, (sessions, slugs, ids, matches)) =
        rayon::join(|| resolve_people_with(&mentions, overrides), || order_and_match(sessions, &topics));
    drop(mentions);
    let sessions: Vec<CorpusSession> = sessions
        .into_par_iter()
        .zip(ids)
        .zip(matches)
        .map(|((mut session, id), topics)| {
            // Resolved, the names as written are no longer read: they live on in `people`. (Not
            // `into_iter`: collecting would reuse the names' buffer, nine times the room the ids need.)
            let speakers = std::mem::take(&mut session.speakers)
                .iter()
                .filter_map(|s| people.lookup(&s.name).map(|p| p.id.clone()))
                .collect();
            CorpusSession { id: id.into(), session, speakers, same_talk_as: Vec::new(), also: Vec::new(), topics }
        })
        .collect();
    let (mut sessions, slugs) = dedupe::merge_same_talks(sessions, slugs, &people);
    link_same_talks(&mut sessions, slugs);
    // A name in confgraph.toml that no notes mention is most likely misspelt.
    for (name, (file, line)) in overrides.names().filter(|(name, _)| people.lookup(name).is_none()) {
        let message = format!("confgraph.toml names `{name}`, who is in none of the notes read; check the spelling");
        diagnostics.push(Diagnostic::at(file, *line, message));
    }
    diagnostics.sort();
    Corpus {
        conferences: conferences.into_values().collect(),
        sessions,
        people,
        files_read: read,
        files_skipped: skipped,
        diagnostics,
        topics,
    }
}

/// What the files read hold, put together: editions by id, sessions, name mentions, and how many
/// files were read and skipped.
struct Gathered {
    conferences: BTreeMap<EditionId, Conference>,
    sessions: Vec<Session>,
    mentions: Vec<Mention>,
    read: usize,
    skipped: usize,
}

/// Puts the files' records together, their diagnostics into `diagnostics`.
fn gather(results: Vec<FileResult>, diagnostics: &mut Vec<Diagnostic>) -> Gathered {
    let mut g =
        Gathered { conferences: BTreeMap::new(), sessions: Vec::new(), mentions: Vec::new(), read: 0, skipped: 0 };
    for result in results {
        diagnostics.extend(result.diagnostics);
        let Some(record) = result.record else {
            g.skipped += 1;
            continue;
        };
        g.read += 1;
        for (i, conf) in record.conferences.into_iter().enumerate() {
            add_edition(&mut g.conferences, conf, i == 0);
        }
        g.sessions.extend(record.sessions);
        g.mentions.extend(record.mentions);
    }
    g
}

/// Adds an edition a file names (`header`: in its own header) to those already known.
fn add_edition(conferences: &mut BTreeMap<EditionId, Conference>, conf: Conference, header: bool) {
    conferences
        .entry(conf.id.clone())
        .and_modify(|existing| {
            // A file's own header beats a mention in another file's prose; then the earliest.
            if (header && existing.location.is_none() && conf.location.is_some())
                || (header && conf.source < existing.source)
            {
                *existing = conf.clone();
            }
            existing.covered |= conf.covered;
            // `OPSCAMP 2023` read as `Opscamp`; another file spells it `OpsCamp`.
            if existing.series.to_lowercase() == conf.series.to_lowercase()
                && capitals(&conf.series) > capitals(&existing.series)
            {
                existing.series.clone_from(&conf.series);
            }
            if existing.location.is_none() {
                existing.location.clone_from(&conf.location);
            }
        })
        .or_insert(conf);
}

/// Sessions in their stable order, their title slugs and ids, and the topics each is about (the
/// notes of a session a topic fits are no longer needed, and dropped).
fn order_and_match(
    mut sessions: Vec<Session>,
    topics: &TopicScheme,
) -> (Vec<Session>, Vec<String>, Vec<String>, Vec<Vec<TopicMatch>>) {
    sessions.par_sort_by(|a, b| (&a.conference, &a.source, &a.title).cmp(&(&b.conference, &b.source, &b.title)));
    let slugs: Vec<String> = sessions.par_iter().map(|s| slug(&s.title)).collect();
    let ids = session_ids(&sessions, &slugs);
    let matches: Vec<Vec<TopicMatch>> = sessions
        .par_iter_mut()
        .map(|session| {
            let matches = topics.assign(session);
            // Only topic assignment and the words of sessions no topic fits read the notes.
            if !matches.is_empty() {
                session.notes = String::new();
            }
            matches
        })
        .collect();
    (sessions, slugs, ids, matches)
}

/// Capital letters after the first of each word: how much inner casing a spelling keeps
/// (`OpsCamp` over `Opscamp`).
fn capitals(series: &str) -> usize {
    series.split_whitespace().map(|w| w.chars().skip(1).filter(|c| c.is_uppercase()).count()).sum()
}

/// Each session's id: its conference and title slug, numbered from `-2` where one repeats. A
/// number is skipped when another session's slug already ends in it (`Foo`, `Foo`, `Foo 2`).
fn session_ids(sessions: &[Session], slugs: &[String]) -> Vec<String> {
    let mut ids: Vec<String> =
        sessions.par_iter().zip(slugs).map(|(s, title)| session_id_of_slug(&s.conference, title)).collect();
    let mut taken: BTreeSet<String> = ids.iter().cloned().collect();
    // For each id seen, the number its next repeat tries first.
    let mut next: BTreeMap<String, usize> = BTreeMap::new();
    for id in &mut ids {
        let Some(n) = next.get_mut(id.as_str()) else {
            next.insert(id.clone(), 2);
            continue;
        };
        let numbered = loop {
            let candidate = format!("{id}-{n}");
            *n += 1;
            if !taken.contains(&candidate) {
                break candidate;
            }
        };
        taken.insert(numbered.clone());
        *id = numbered;
    }
    ids
}

/// Links sessions that are one talk given at several editions: the same title once case,
/// punctuation and accents are folded (`keys`, the titles' slugs), at different editions, with a
/// speaker in common.
fn link_same_talks(sessions: &mut [CorpusSession], keys: Vec<String>) {
    let mut by_title: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, (s, key)) in sessions.iter().zip(keys).enumerate() {
        if !key.is_empty() && !s.speakers.is_empty() {
            by_title.entry(key).or_default().push(i);
        }
    }
    for group in by_title.values().filter(|g| g.len() > 1) {
        for &a in group {
            let others: Vec<SessionId> = group
                .iter()
                .filter(|&&b| b != a)
                .filter(|&&b| sessions[a].session.conference != sessions[b].session.conference)
                .filter(|&&b| sessions[a].speakers.iter().any(|p| sessions[b].speakers.contains(p)))
                .map(|&b| sessions[b].id.clone())
                .collect();
            sessions[a].same_talk_as = others;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{read_all, source::sample_corpus};

    #[test]
    fn repeated_titles_get_numbers_no_other_session_has() {
        let notes =
            "# PyOhio 2023\n\n## Foo\n\nAna Lima\n\n## Foo\n\nBo Chen\n\n## Foo 2\n\nCy Dee\n\n## Foo\n\nDi Eve\n";
        let (record, _) = crate::ingest::read_notes("a.md", notes.as_bytes());
        let corpus = assemble(
            vec![crate::ingest::FileResult { file: "a.md".into(), record, diagnostics: vec![], explain: None }],
            vec![],
        );
        let ids: Vec<(&str, &str)> =
            corpus.sessions.iter().map(|s| (s.id.as_str(), s.session.title.as_str())).collect();
        assert_eq!(
            ids,
            [
                ("pyohio-2023/foo", "Foo"),
                ("pyohio-2023/foo-3", "Foo"),
                ("pyohio-2023/foo-2", "Foo 2"),
                ("pyohio-2023/foo-4", "Foo")
            ]
        );
    }

    #[test]
    fn speaker_ids_get_buffers_of_their_own_size() {
        let corpus = assemble(read_all(&sample_corpus()), Vec::new());
        let with_speakers: Vec<&CorpusSession> = corpus.sessions.iter().filter(|s| !s.speakers.is_empty()).collect();
        assert!(with_speakers.len() > 100, "{}", with_speakers.len());
        // Collected by growing from empty: at most twice the ids (four at least). Reusing the buffer
        // of the names as written would keep nine ids' room per name.
        for s in with_speakers {
            assert!(s.speakers.capacity() <= 2 * s.speakers.len().max(4), "{}: {}", s.id, s.speakers.capacity());
        }
    }
}

//! The `extract` view of a corpus: the stable JSON document of docs/extract-schema.md, and a readable table.
//!
//! Only renders; the corpus is already sorted, so rendering is deterministic.

use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use serde::Serialize;

use crate::corpus::Corpus;
use crate::ids::{PersonId, SessionId};
use crate::model::SessionKind;

#[derive(Serialize)]
struct Source<'a> {
    file: &'a str,
    line: u32,
}

#[derive(Serialize)]
struct ConferenceOut<'a> {
    id: &'a str,
    series: &'a str,
    year: Option<u16>,
    location: Option<&'a str>,
    covered: bool,
    source: Source<'a>,
}

#[derive(Serialize)]
struct SessionOut<'a> {
    id: &'a str,
    conference: &'a str,
    title: &'a str,
    kind: SessionKind,
    speakers: Vec<&'a str>,
    topics: Vec<&'a str>,
    topic_evidence: Vec<TopicEvidence<'a>>,
    links: &'a [String],
    #[serde(rename = "abstract")]
    abstract_text: Option<&'a str>,
    same_talk_as: &'a [SessionId],
    time: Option<&'a str>,
    room: Option<&'a str>,
    source: Source<'a>,
    also: Vec<Source<'a>>,
}

#[derive(Serialize)]
struct TopicEvidence<'a> {
    topic: &'a str,
    label: &'a str,
    field: crate::topics::Field,
}

#[derive(Serialize)]
struct MentionOut<'a> {
    conference: &'a str,
    file: &'a str,
    line: u32,
    role: &'static str,
}

#[derive(Serialize)]
struct PersonOut<'a> {
    id: &'a str,
    name: &'a str,
    aliases: &'a [String],
    handles: &'a [String],
    affiliations: &'a [String],
    former_affiliations: &'a [String],
    mentions: Vec<MentionOut<'a>>,
}

#[derive(Serialize)]
struct ExtractDocument<C, S, P> {
    conferences: C,
    sessions: S,
    people: P,
}

/// A list serialized as its items are made, so a large document is never held whole in memory.
struct Streamed<F>(F);

impl<F: Fn() -> I, I: Iterator<Item: Serialize>> Serialize for Streamed<F> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

/// The corpus as the `extract --format json` document (pretty-printed, ending in a newline).
#[must_use]
pub fn to_json(corpus: &Corpus) -> String {
    let mut out = Vec::new();
    // Writing to memory does not fail, and serde_json writes UTF-8.
    write_json(corpus, &mut out).map_or_else(|_| String::new(), |()| String::from_utf8(out).unwrap_or_default())
}

/// Writes what [`to_json`] returns, streaming.
///
/// # Errors
/// When writing fails.
pub fn write_json(corpus: &Corpus, mut w: impl std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut w, &document(corpus))?;
    w.write_all(b"\n")
}

fn document(corpus: &Corpus) -> impl Serialize + '_ {
    ExtractDocument {
        conferences: Streamed(|| {
            corpus.conferences.iter().map(|c| ConferenceOut {
                id: &c.id,
                series: &c.series,
                year: c.year,
                location: c.location.as_deref(),
                covered: c.covered,
                source: Source { file: &c.source.file, line: c.source.line },
            })
        }),
        sessions: Streamed(|| {
            corpus.sessions.iter().map(|s| SessionOut {
                id: &s.id,
                conference: &s.session.conference,
                title: &s.session.title,
                kind: s.session.kind,
                speakers: speaker_names(corpus, &s.speakers),
                topics: s.topics.iter().map(|t| &*t.topic).collect(),
                topic_evidence: s
                    .topics
                    .iter()
                    .flat_map(|t| {
                        t.evidence.iter().map(move |(label, field)| TopicEvidence {
                            topic: &t.topic,
                            label,
                            field: *field,
                        })
                    })
                    .collect(),
                links: &s.session.links,
                abstract_text: s.session.abstract_text.as_deref(),
                same_talk_as: &s.same_talk_as,
                time: s.session.time.as_deref(),
                room: s.session.room.as_deref(),
                source: Source { file: &s.session.source.file, line: s.session.source.line },
                also: s.also.iter().map(|a| Source { file: &a.file, line: a.line }).collect(),
            })
        }),
        people: Streamed(|| {
            corpus.people.people.iter().map(|p| PersonOut {
                id: &p.id,
                name: &p.name,
                aliases: &p.aliases,
                handles: &p.handles,
                affiliations: &p.affiliations,
                former_affiliations: &p.former_affiliations,
                mentions: p
                    .mentions
                    .iter()
                    .map(|m| MentionOut {
                        conference: &m.conference,
                        file: &m.source.file,
                        line: m.source.line,
                        role: if m.as_speaker { "speaker" } else { "mentioned" },
                    })
                    .collect(),
            })
        }),
    }
}

fn speaker_names<'a>(corpus: &'a Corpus, ids: &[PersonId]) -> Vec<&'a str> {
    ids.iter().filter_map(|id| corpus.people.by_id(id).map(|p| p.name.as_str())).collect()
}

/// The corpus as a terminal table of sessions, with a one-line summary under it.
#[must_use]
pub fn to_table(corpus: &Corpus) -> String {
    let mut table = Table::new();
    table.load_preset(UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Dynamic).set_header([
        "Conference",
        "Kind",
        "Title",
        "Speakers",
        "Source",
    ]);
    for s in &corpus.sessions {
        table.add_row([
            s.session.conference.to_string(),
            s.session.kind.as_str().to_owned(),
            s.session.title.clone(),
            speaker_names(corpus, &s.speakers).join(", "),
            format!("{}:{}", s.session.source.file, s.session.source.line),
        ]);
    }
    format!("{table}\n{}\n", summary(corpus))
}

/// `5 files read, 0 skipped: 9 conferences, 192 sessions, 310 people`.
#[must_use]
pub fn summary(corpus: &Corpus) -> String {
    format!(
        "{} file{} read, {} skipped: {} conferences, {} sessions, {} people",
        corpus.files_read,
        if corpus.files_read == 1 { "" } else { "s" },
        corpus.files_skipped,
        corpus.conferences.len(),
        corpus.sessions.len(),
        corpus.people.people.len()
    )
}

/// The `people` listing: one line per person with their other name forms; with `explain`, every
/// merge with its evidence, then every near-miss that was kept apart.
#[must_use]
pub fn people_report(corpus: &Corpus, explain: bool) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let people = &corpus.people.people;
    for p in people {
        let speaking = p.mentions.iter().filter(|m| m.as_speaker).count();
        let _ = write!(out, "{}  [{}]", p.name, p.id);
        if !p.aliases.is_empty() {
            let _ = write!(out, "  also: {}", p.aliases.join(", "));
        }
        let _ = writeln!(
            out,
            "  ({} mention{}, {speaking} as speaker)",
            p.mentions.len(),
            if p.mentions.len() == 1 { "" } else { "s" }
        );
        if explain {
            for reason in &p.merge_reasons {
                let _ = writeln!(out, "    merged: {reason}");
            }
        }
    }
    let merged = people.iter().filter(|p| !p.merge_reasons.is_empty()).count();
    let _ = writeln!(
        out,
        "\n{} people; {merged} with merged name forms; {} near-misses kept apart",
        people.len(),
        corpus.people.near_misses.len()
    );
    if explain && !corpus.people.near_misses.is_empty() {
        let _ = writeln!(out, "\nKept apart:");
        for n in &corpus.people.near_misses {
            let _ = writeln!(out, "  {n}");
        }
    }
    out
}

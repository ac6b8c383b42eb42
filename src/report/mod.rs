//! Reports: who keeps coming back (`speakers`), which topics rise and fall (`topics`), and what
//! each edition looked like (`editions`), computed from the corpus and rendered as a terminal
//! table, Markdown, CSV, JSON (the schemas of docs/extract-schema.md#report-json) or one self-contained HTML page.
//!
//! Computing and rendering are separate: every format renders the same computed rows, so they
//! cannot disagree. Each report has a SPARQL counterpart in `queries/` and a test compares them.

mod grid;
pub mod html;
mod render;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::corpus::Corpus;
use crate::ids::EditionId;

pub use grid::{Grid, ReportKind};
pub use render::{ReportFormat, render};

/// A session as reports show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SessionRef {
    /// Edition id.
    pub conference: EditionId,
    /// Title.
    pub title: String,
}

/// A person who presented at several editions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RepeatSpeaker {
    /// Canonical name.
    pub name: String,
    /// Other name forms.
    pub aliases: Vec<String>,
    /// Editions presented at, sorted by year then id.
    pub editions: Vec<EditionId>,
    /// Years presented in, ascending (the years the notes give).
    pub years: Vec<u16>,
    /// Whether the person also presented at an edition whose year the notes never give.
    pub year_unknown: bool,
    /// Series presented at, sorted.
    pub series: Vec<String>,
    /// Sessions given, by edition year then title.
    pub sessions: Vec<SessionRef>,
}

/// How an edition sorts by year: its year, or after every year when the notes never give it.
const YEAR_UNKNOWN_LAST: u16 = u16::MAX;

fn year_key(corpus: &Corpus, edition: &str) -> u16 {
    corpus.conference(edition).and_then(|c| c.year).unwrap_or(YEAR_UNKNOWN_LAST)
}

/// People who presented at `min_editions` or more editions, most editions first, then by name.
/// An edition whose year the notes never give (`north-bay-python-year-unknown`) counts as one,
/// unless the person is known at an edition of the same series (it may be that one).
#[must_use]
pub fn speakers(corpus: &Corpus, min_editions: usize) -> Vec<RepeatSpeaker> {
    let mut by_person: BTreeMap<&str, Vec<&crate::corpus::CorpusSession>> = BTreeMap::new();
    for s in &corpus.sessions {
        for p in &s.speakers {
            by_person.entry(&**p).or_default().push(s);
        }
    }
    let mut rows = Vec::new();
    for person in &corpus.people.people {
        let Some(sessions) = by_person.get(&*person.id) else { continue };
        let mut editions: Vec<(u16, EditionId)> = sessions
            .iter()
            .map(|s| (year_key(corpus, &s.session.conference), s.session.conference.clone()))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        // An edition of unknown year may be one the person is known at in that series: no second
        // appearance then.
        let known_series: BTreeSet<String> = editions
            .iter()
            .filter(|(y, _)| *y != YEAR_UNKNOWN_LAST)
            .map(|(_, e)| crate::ids::series_of_edition(e).to_owned())
            .collect();
        editions.retain(|(y, e)| *y != YEAR_UNKNOWN_LAST || !known_series.contains(crate::ids::series_of_edition(e)));
        if editions.len() < min_editions {
            continue;
        }
        let series: BTreeSet<String> = sessions
            .iter()
            .filter_map(|s| corpus.conference(&s.session.conference))
            .map(|c| c.series.clone())
            .collect();
        let mut session_refs: Vec<(u16, SessionRef)> = sessions
            .iter()
            .map(|s| {
                (
                    year_key(corpus, &s.session.conference),
                    SessionRef { conference: s.session.conference.clone(), title: s.session.title.clone() },
                )
            })
            .collect();
        session_refs.sort_by(|a, b| (a.0, &a.1.conference, &a.1.title).cmp(&(b.0, &b.1.conference, &b.1.title)));
        rows.push(RepeatSpeaker {
            name: person.name.clone(),
            aliases: person.aliases.clone(),
            years: editions
                .iter()
                .map(|(y, _)| *y)
                .filter(|&y| y != YEAR_UNKNOWN_LAST)
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect(),
            year_unknown: editions.iter().any(|(y, _)| *y == YEAR_UNKNOWN_LAST),
            editions: editions.into_iter().map(|(_, e)| e).collect(),
            series: series.into_iter().collect(),
            sessions: session_refs.into_iter().map(|(_, s)| s).collect(),
        });
    }
    rows.sort_by(|a, b| b.editions.len().cmp(&a.editions.len()).then(a.name.cmp(&b.name)));
    rows
}

/// How a topic's share of sessions moves over the years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Trend {
    /// Its share grows.
    Rising,
    /// Its share shrinks.
    Falling,
    /// Neither, or too little data to say.
    Steady,
    /// It appears only in the last year.
    New,
}

impl Trend {
    /// The trend as written in every report (`rising`), as its JSON form.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Rising => "rising",
            Self::Falling => "falling",
            Self::Steady => "steady",
            Self::New => "new",
        }
    }
}

/// One topic's counts per year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicRow {
    /// Topic id.
    pub id: String,
    /// Its label.
    pub label: String,
    /// Sessions per year (every year of the report, zeros included).
    pub counts: BTreeMap<String, u32>,
    /// Share of the year's sessions, 0–1.
    pub shares: BTreeMap<String, f64>,
    /// Sessions in all.
    pub total: u32,
    /// The direction of its share.
    pub trend: Trend,
}

/// One session no topic fits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UntaggedSession {
    /// Session id.
    pub id: String,
    /// Edition id.
    pub conference: EditionId,
    /// Title (empty when the notes never state it).
    pub title: String,
    /// Its own most frequent subject words.
    pub words: Vec<String>,
}

/// The sessions no topic fits, so users can grow their own taxonomy (`--topics`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UntaggedReport {
    /// The words most of them share, and in how many sessions each occurs.
    pub frequent_terms: Vec<(String, usize)>,
    /// Each of them, in edition then title order.
    pub sessions: Vec<UntaggedSession>,
}

/// The sessions no topic fits, with their words.
#[must_use]
pub fn untagged(corpus: &Corpus) -> UntaggedReport {
    let mut sessions: Vec<&crate::corpus::CorpusSession> =
        corpus.sessions.iter().filter(|s| s.topics.is_empty()).collect();
    sessions.sort_by(|a, b| {
        (&a.session.conference, &a.session.title, &a.id).cmp(&(&b.session.conference, &b.session.title, &b.id))
    });
    UntaggedReport {
        frequent_terms: crate::topics::frequent_terms(sessions.iter().map(|s| &s.session), 20),
        sessions: sessions
            .iter()
            .map(|s| UntaggedSession {
                id: s.id.to_string(),
                conference: s.session.conference.clone(),
                title: s.session.title.clone(),
                words: crate::topics::session_words(&s.session, 6),
            })
            .collect(),
    }
}

/// Sessions no topic fits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Untagged {
    /// How many.
    pub sessions: usize,
    /// Their most frequent words and in how many sessions each occurs.
    pub frequent_terms: Vec<(String, usize)>,
}

/// The topics report. It counts the sessions of editions the notes cover: a talk told in passing
/// about another conference says little about that conference's program.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicsReport {
    /// Every year of a covered edition, ascending.
    pub years: Vec<u16>,
    /// Sessions per year (covered editions).
    pub sessions_per_year: BTreeMap<String, u32>,
    /// Topics with at least one session, most sessions first, then id.
    pub topics: Vec<TopicRow>,
    /// Sessions without a topic.
    pub untagged: Untagged,
}

/// Least-squares slope of `share` over `year`, in share per year.
fn slope(points: &[(f64, f64)]) -> f64 {
    let n = points.len() as f64;
    if points.len() < 2 {
        return 0.0;
    }
    let (mx, my) = (points.iter().map(|p| p.0).sum::<f64>() / n, points.iter().map(|p| p.1).sum::<f64>() / n);
    let num: f64 = points.iter().map(|(x, y)| (x - mx) * (y - my)).sum();
    let den: f64 = points.iter().map(|(x, _)| (x - mx).powi(2)).sum();
    if den == 0.0 { 0.0 } else { num / den }
}

/// A topic's trend from its shares: rising or falling when the least-squares slope of its share
/// is at least half a percentage point per year (most topics hold 0–10% of a year's sessions);
/// new when it appears only in the last year.
#[must_use]
pub fn trend(years: &[u16], shares: &[f64], counts: &[u32]) -> Trend {
    let seen: Vec<usize> = (0..years.len()).filter(|&i| counts[i] > 0).collect();
    if years.len() >= 2 && seen == [years.len() - 1] {
        return Trend::New;
    }
    let points: Vec<(f64, f64)> = years.iter().zip(shares).map(|(y, s)| (f64::from(*y), *s)).collect();
    match slope(&points) {
        s if s >= 0.005 => Trend::Rising,
        s if s <= -0.005 => Trend::Falling,
        _ => Trend::Steady,
    }
}

/// Sessions per topic per year, with shares and trends.
#[must_use]
pub fn topics(corpus: &Corpus) -> TopicsReport {
    let mut per_year: BTreeMap<u16, u32> = BTreeMap::new();
    let mut counts: BTreeMap<&str, BTreeMap<u16, u32>> = BTreeMap::new();
    for s in &corpus.sessions {
        let Some(year) = corpus.conference(&s.session.conference).filter(|c| c.covered).and_then(|c| c.year) else {
            continue;
        };
        *per_year.entry(year).or_default() += 1;
        for t in &s.topics {
            *counts.entry(&*t.topic).or_default().entry(year).or_default() += 1;
        }
    }
    let years: Vec<u16> = per_year.keys().copied().collect();
    let mut rows: Vec<TopicRow> = counts
        .into_iter()
        .map(|(id, by_year)| {
            let c: Vec<u32> = years.iter().map(|y| by_year.get(y).copied().unwrap_or(0)).collect();
            let shares: Vec<f64> =
                years.iter().zip(&c).map(|(y, n)| f64::from(*n) / f64::from(per_year[y].max(1))).collect();
            TopicRow {
                id: id.to_owned(),
                label: corpus.topics.topic(id).map_or_else(|| id.to_owned(), |t| t.label.clone()),
                counts: years.iter().zip(&c).map(|(y, n)| (y.to_string(), *n)).collect(),
                shares: years
                    .iter()
                    .zip(&shares)
                    .map(|(y, s)| (y.to_string(), (s * 10_000.0).round() / 10_000.0))
                    .collect(),
                total: c.iter().sum(),
                trend: trend(&years, &shares, &c),
            }
        })
        .collect();
    rows.sort_by(|a, b| b.total.cmp(&a.total).then(a.id.cmp(&b.id)));
    let untagged: Vec<&crate::model::Session> =
        corpus.sessions.iter().filter(|s| s.topics.is_empty()).map(|s| &s.session).collect();
    TopicsReport {
        sessions_per_year: per_year.iter().map(|(y, n)| (y.to_string(), *n)).collect(),
        years,
        topics: rows,
        untagged: Untagged { sessions: untagged.len(), frequent_terms: crate::topics::frequent_terms(untagged, 20) },
    }
}

/// One edition at a glance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EditionRow {
    /// Edition id.
    pub edition: EditionId,
    /// Series.
    pub series: String,
    /// Year (`None`: the notes never give it).
    pub year: Option<u16>,
    /// Sessions.
    pub sessions: usize,
    /// Distinct speakers.
    pub speakers: usize,
    /// Speakers who had presented at an edition of an earlier year (any series).
    pub returning: usize,
    /// Speakers presenting for the first time in these notes.
    pub first_time: usize,
    /// The three topics with the most sessions (ties by id).
    pub top_topics: Vec<String>,
}

/// Per edition: sessions, speakers, returning and first-time speakers, top topics; by year then id.
#[must_use]
pub fn editions(corpus: &Corpus) -> Vec<EditionRow> {
    let mut first_year: BTreeMap<&str, u16> = BTreeMap::new();
    for s in &corpus.sessions {
        let Some(y) = corpus.conference(&s.session.conference).and_then(|c| c.year) else { continue };
        for p in &s.speakers {
            let e = first_year.entry(&**p).or_insert(y);
            *e = (*e).min(y);
        }
    }
    let mut sessions_of: BTreeMap<&str, Vec<&crate::corpus::CorpusSession>> = BTreeMap::new();
    for s in &corpus.sessions {
        sessions_of.entry(s.session.conference.as_str()).or_default().push(s);
    }
    let mut rows: Vec<EditionRow> = corpus
        .conferences
        .iter()
        .map(|c| {
            let sessions = sessions_of.get(c.id.as_str()).map(Vec::as_slice).unwrap_or_default();
            let speakers: BTreeSet<&str> = sessions.iter().flat_map(|s| s.speakers.iter().map(|p| &**p)).collect();
            // (At an edition of unknown year, nobody is known to be returning.)
            let returning =
                speakers.iter().filter(|p| first_year.get(*p).zip(c.year).is_some_and(|(&y, year)| y < year)).count();
            let mut topic_counts: BTreeMap<&str, usize> = BTreeMap::new();
            for s in sessions {
                for t in &s.topics {
                    *topic_counts.entry(&*t.topic).or_default() += 1;
                }
            }
            let mut top: Vec<(&str, usize)> = topic_counts.into_iter().collect();
            top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            EditionRow {
                edition: c.id.clone(),
                series: c.series.clone(),
                year: c.year,
                sessions: sessions.len(),
                speakers: speakers.len(),
                returning,
                first_time: speakers.len() - returning,
                top_topics: top.into_iter().take(3).map(|(t, _)| t.to_owned()).collect(),
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        (a.year.unwrap_or(YEAR_UNKNOWN_LAST), &a.edition).cmp(&(b.year.unwrap_or(YEAR_UNKNOWN_LAST), &b.edition))
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trend_names_are_their_json_form() {
        for trend in [Trend::Rising, Trend::Falling, Trend::Steady, Trend::New] {
            assert_eq!(serde_json::to_value(trend).unwrap(), trend.as_str());
        }
    }

    #[test]
    fn trends() {
        let years = [2019, 2022, 2024, 2025];
        assert_eq!(trend(&years, &[0.0, 0.05, 0.1, 0.2], &[0, 1, 2, 4]), Trend::Rising);
        assert_eq!(trend(&years, &[0.3, 0.2, 0.1, 0.0], &[3, 2, 1, 0]), Trend::Falling);
        assert_eq!(trend(&years, &[0.1, 0.1, 0.1, 0.1], &[1, 1, 1, 1]), Trend::Steady);
        assert_eq!(trend(&years, &[0.0, 0.0, 0.0, 0.2], &[0, 0, 0, 2]), Trend::New);
        assert_eq!(trend(&[2024], &[0.5], &[1]), Trend::Steady);
        // Free-threading in the bundled notes: 1 of 96, 0 of 14, 3 of 46, 1 of 21.
        assert_eq!(trend(&years, &[1.0 / 96.0, 0.0, 3.0 / 46.0, 1.0 / 21.0], &[1, 0, 3, 1]), Trend::Rising);
    }
}

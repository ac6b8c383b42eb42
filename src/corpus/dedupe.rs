//! One talk, one session, whatever the number of files: a schedule, someone's notes and a recap
//! of the same edition often describe the same talk. Within one edition, sessions whose titles
//! agree up to case, punctuation, a trailing period or an added suffix in brackets (`(extended
//! cut)`) *and* that share a speaker are one session keeping every source; a talk told without a
//! title joins the one titled session of the edition its speaker gave. Different speakers or
//! clearly different titles stay apart.
//!
//! Runs on the corpus's sorted sessions, so the first source (by file and line) leads.

use crate::ids::PersonId;
use std::collections::BTreeMap;

use super::session::CorpusSession;
use crate::ids::slug;
use crate::ingest::names::shares_a_name;
use crate::model::SessionKind;
use crate::resolve::People;

/// The title a talk is known by across files: without a bracketed suffix or final punctuation.
///
/// ```
/// use confgraph::corpus::dedupe::title_key;
///
/// assert_eq!(title_key("Reliability Is a Team Sport."), title_key("Reliability is a team sport"));
/// assert_eq!(title_key("Chaos on a Budget (extended cut)"), title_key("Chaos on a Budget"));
/// assert_eq!(title_key("dbt at 2,000 Models"), title_key("dbt at 2000 Models (extended cut)"));
/// assert_eq!(title_key("Don't Panic"), title_key("Dont Panic"));
/// assert_eq!(title_key("Upgrading 1,2 Million Devices"), title_key("Upgrading 1.2 Million Devices"));
/// assert_ne!(title_key("Streaming Joins Are Hard"), title_key("Streaming Joins Made Easy"));
/// assert_ne!(title_key("Intro to Rust (Part 1)"), title_key("Intro to Rust (Part 2)"));
/// ```
#[must_use]
pub fn title_key(title: &str) -> String {
    let t = title.trim().trim_end_matches(['.', '!', ' ']);
    let base = t
        .strip_suffix(')')
        .and_then(|r| r.rfind('(').map(|open| &t[..open]))
        .or_else(|| t.strip_suffix(']').and_then(|r| r.rfind('[').map(|open| &t[..open])))
        // `(Part 1)`, `(Day 2)`, `(Session 3)` tell talks apart.
        .filter(|b| !t[b.len()..].chars().any(|c| c.is_ascii_digit()))
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .unwrap_or(t);
    // `dbt at 2,000 Models` and `dbt at 2000 Models`, `Don't` and `Dont`: a thousands comma and
    // an apostrophe inside a word part nothing.
    let chars: Vec<char> = base.chars().collect();
    let joined: String = chars
        .iter()
        .enumerate()
        .filter(|&(i, &c)| {
            let between = |test: fn(&char) -> bool| {
                i > 0 && chars.get(i - 1).is_some_and(test) && chars.get(i + 1).is_some_and(test)
            };
            // (A thousands comma stands before three digits: `1,2 Million` is a decimal.)
            let thousands = c == ','
                && between(char::is_ascii_digit)
                && chars[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count() == 3;
            !(thousands || matches!(c, '\'' | '’') && between(|c| c.is_alphabetic()))
        })
        .map(|(_, &c)| c)
        .collect();
    slug(&joined)
}

/// Merges the sessions that are one talk (see the module docs); `slugs` are the sessions'
/// title slugs, kept in step. Returns the sessions and slugs left.
#[must_use]
pub fn merge_same_talks(
    sessions: Vec<CorpusSession>,
    slugs: Vec<String>,
    people: &People,
) -> (Vec<CorpusSession>, Vec<String>) {
    let name = |id: &PersonId| people.by_id(id).map_or_else(|| id.to_string(), |p| p.name.clone());
    let keys: Vec<String> = sessions.iter().map(|s| title_key(&s.session.title)).collect();
    let mut into: Vec<Option<usize>> = vec![None; sessions.len()];
    let mut by_title: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
    for (i, s) in sessions.iter().enumerate() {
        if !keys[i].is_empty() {
            by_title.entry((s.session.conference.as_str(), keys[i].as_str())).or_default().push(i);
        }
    }
    // The speakers each lead has gathered so far: a speakerless telling joins tellings that
    // share a speaker, never two with different ones.
    let mut gathered: Vec<Vec<PersonId>> = sessions.iter().map(|s| s.speakers.clone()).collect();
    for group in by_title.values().filter(|g| g.len() > 1) {
        for (x, &j) in group.iter().enumerate() {
            let lead = group[..x]
                .iter()
                .copied()
                .find(|&i| into[i].is_none() && same_people(&gathered[i], &sessions[j].speakers, &name));
            if let Some(i) = lead {
                let theirs = sessions[j].speakers.clone();
                gathered[i].extend(theirs);
            }
            into[j] = lead;
        }
    }
    // A talk told without a title, by someone who gave exactly one titled talk at the edition.
    for (j, s) in sessions.iter().enumerate().filter(|(_, s)| s.session.title.is_empty()) {
        if s.speakers.is_empty() {
            continue;
        }
        let mut titled = sessions.iter().enumerate().filter(|&(i, t)| {
            i != j
                && into[i].is_none()
                && !keys[i].is_empty()
                && t.session.conference == s.session.conference
                && shares_speaker(t, s, &name)
        });
        if let (Some((i, _)), None) = (titled.next(), titled.next()) {
            into[j] = Some(i);
        }
    }
    absorb(sessions, slugs, &into, &name)
}

/// Folds each session into the one `into` names, keeping the rest in order.
fn absorb(
    sessions: Vec<CorpusSession>,
    slugs: Vec<String>,
    into: &[Option<usize>],
    name: &impl Fn(&PersonId) -> String,
) -> (Vec<CorpusSession>, Vec<String>) {
    let mut kept: Vec<Option<CorpusSession>> = sessions.into_iter().map(Some).collect();
    for j in 0..kept.len() {
        let Some(i) = into[j] else { continue };
        let Some(other) = kept[j].take() else { continue };
        if let Some(lead) = kept[i].as_mut() {
            fold(lead, other, name);
        }
    }
    kept.into_iter().zip(slugs).filter_map(|(s, slug)| s.map(|s| (s, slug))).unzip()
}

/// What `other` adds to `lead`: its sources, speakers not yet there, a more specific kind, a
/// title without a final period, and links, abstract, time, room and topics `lead` lacks.
fn fold(lead: &mut CorpusSession, other: CorpusSession, name: &impl Fn(&PersonId) -> String) {
    lead.also.push(other.session.source.clone());
    lead.also.extend(other.also);
    // The same people first; then a name form of one of the others (`Huong Nguyen` for `Nguyễn
    // Thị Hương`) only when it fits exactly one of them (`Min-jun Kim` is not `Seo-yeon Kim`).
    let exact: Vec<bool> = lead.speakers.iter().map(|q| other.speakers.contains(q)).collect();
    for p in other.speakers {
        if lead.speakers.contains(&p) {
            continue;
        }
        let forms: Vec<usize> = (0..lead.speakers.len())
            .filter(|&k| !exact.get(k).copied().unwrap_or(true) && shares_a_name(&name(&lead.speakers[k]), &name(&p)))
            .collect();
        match forms[..] {
            // The fuller form of a name the two tellings share.
            [k] if words(&name(&p)) > words(&name(&lead.speakers[k])) => lead.speakers[k] = p,
            [_] => {}
            _ => lead.speakers.push(p),
        }
    }
    let s = &mut lead.session;
    if s.kind == SessionKind::Talk && other.session.kind != SessionKind::Talk {
        s.kind = other.session.kind;
    }
    if title_rank(&other.session.title) > title_rank(&s.title) {
        s.title = other.session.title;
    }
    for link in other.session.links {
        if !s.links.contains(&link) {
            s.links.push(link);
        }
    }
    s.abstract_text = s.abstract_text.take().or(other.session.abstract_text);
    s.time = s.time.take().or(other.session.time);
    s.room = s.room.take().or(other.session.room);
    let before = lead.topics.len();
    for t in other.topics {
        if !lead.topics.iter().any(|u| u.topic == t.topic) {
            lead.topics.push(t);
        }
    }
    if lead.topics.len() > before {
        lead.topics.sort_by(|a, b| b.score.cmp(&a.score).then_with(|| a.topic.cmp(&b.topic)));
    }
}

fn words(name: &str) -> usize {
    name.split_whitespace().count()
}

/// How well a title is written, to pick among the tellings of one: stated, without a bracketed
/// suffix or a final period, then with the most capitals (`Reliability Is a Team Sport`).
fn title_rank(title: &str) -> (bool, bool, bool, usize) {
    let t = title.trim();
    (
        !t.is_empty(),
        !t.ends_with(')') && !t.ends_with(']'),
        !t.ends_with('.'),
        t.chars().filter(|c| c.is_uppercase()).count(),
    )
}

/// Two tellings of one title are one talk when they share a speaker, or one of them names none.
fn same_people(a: &[PersonId], b: &[PersonId], name: &impl Fn(&PersonId) -> String) -> bool {
    a.is_empty() || b.is_empty() || a.iter().any(|p| b.iter().any(|q| p == q || shares_a_name(&name(p), &name(q))))
}

/// A person in common: the same person, or name forms sharing a name word (`Sasha Volkov`,
/// `Aleksandr Volkov`) — enough beside an identical title at one edition.
fn shares_speaker(a: &CorpusSession, b: &CorpusSession, name: &impl Fn(&PersonId) -> String) -> bool {
    a.speakers.iter().any(|p| b.speakers.iter().any(|q| p == q || shares_a_name(&name(p), &name(q))))
}

#[cfg(test)]
mod tests {
    use crate::corpus::assemble;
    use crate::ingest::{FileResult, read_notes};

    fn corpus(files: &[(&str, &str)]) -> crate::corpus::Corpus {
        let results = files
            .iter()
            .map(|(name, text)| {
                let (record, diagnostics) = read_notes(name, text.as_bytes());
                FileResult { file: (*name).to_owned(), record, diagnostics, explain: None }
            })
            .collect();
        assemble(results, Vec::new())
    }

    #[test]
    fn a_schedule_and_a_recap_of_one_talk_give_one_session_with_both_sources() {
        let schedule = "# RiverConf 2024 — schedule\n\n- **Fearless FFI** — Ana Ortiz\n- **Async Rust** — Li Wei\n";
        let recap = "# RiverConf 2024 recap\n\n## Fearless FFI. (extended cut)\n\nSpeaker: Ana Ortiz\n\nGreat.\n\n## Async Rust\n\nSpeaker: Sam Okafor\n";
        let c = corpus(&[("schedule.md", schedule), ("recap.md", recap)]);
        let ffi: Vec<_> = c.sessions.iter().filter(|s| s.session.title.starts_with("Fearless")).collect();
        assert_eq!(ffi.len(), 1, "{:?}", c.sessions.iter().map(|s| &s.session.title).collect::<Vec<_>>());
        assert_eq!(ffi[0].session.title, "Fearless FFI");
        assert_eq!(ffi[0].also.len(), 1);
        assert_ne!(ffi[0].also[0].file, ffi[0].session.source.file);
        // Same title, different speakers: two talks.
        assert_eq!(c.sessions.iter().filter(|s| s.session.title == "Async Rust").count(), 2);
    }

    #[test]
    fn parts_co_speakers_and_speakerless_tellings_stay_apart_where_they_should() {
        let schedule = "# RiverConf 2024\n\n- **Intro to Rust (Part 1)** — Ana Ortiz\n- **Intro to Rust (Part 2)** — Ana Ortiz\n- **Rust in Seoul** — Seo-yeon Kim\n- **Async Rust** — Li Wei\n";
        let recap = "# RiverConf 2024 recap\n\n## Rust in Seoul\n\nSpeakers: Seo-yeon Kim, Min-jun Kim\n\n## Async Rust\n\nSpeaker: Sam Okafor\n";
        let notes = "# RiverConf 2024 notes\n\n## Async Rust\n\nGreat talk.\n";
        let c = corpus(&[("a-notes.md", notes), ("recap.md", recap), ("schedule.md", schedule)]);
        let titled = |t: &str| c.sessions.iter().filter(|s| s.session.title == t).collect::<Vec<_>>();
        assert_eq!(titled("Intro to Rust (Part 1)").len() + titled("Intro to Rust (Part 2)").len(), 2);
        let seoul = titled("Rust in Seoul");
        assert_eq!((seoul.len(), seoul[0].speakers.len()), (1, 2), "Min-jun Kim is not Seo-yeon Kim");
        // Li Wei's and Sam Okafor's Async Rust stay two talks, whichever the speakerless notes join.
        let async_rust = titled("Async Rust");
        assert_eq!(async_rust.len(), 2);
        assert!(async_rust.iter().all(|s| s.speakers.len() == 1));
    }

    #[test]
    fn an_untitled_talk_joins_its_speakers_one_titled_talk() {
        let schedule = "# RiverConf 2024\n\n- **Fearless FFI** — Ana Ortiz\n- **Async Rust** — Li Wei\n";
        let journal = "# RiverConf 2024 journal\n\nIn the afternoon I caught a great talk Ana Ortiz gave, loved it.\n";
        let c = corpus(&[("schedule.md", schedule), ("journal.md", journal)]);
        assert!(c.sessions.iter().all(|s| !s.session.title.is_empty()), "{:?}", c.sessions);
        assert_eq!(c.sessions.len(), 2);
    }
}

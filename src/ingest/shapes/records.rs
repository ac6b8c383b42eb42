//! Record blocks: a talk per paragraph, one field per line, as a conference site's schedule
//! copies out — `09:20` / `Keynote` / `The Web Is Still for Documents` / `Nnamdi Okonkwo` /
//! `Independent` / `Add to calendar`.
//!
//! A paragraph is a record when a title-like line is followed by lines that read as names; when
//! three or more paragraphs of a file are records, the line after the title of the others holds
//! their speakers too (their names need not be known ones).

use super::super::clock::leading_time;
use super::super::document::{Block, BlockKind};
use super::super::forms::is_room_line;
use super::super::kind::{kind_word, opens_as_ceremony, strip_kind_label};
use super::super::labels::{Field as LabelField, labels_of};
use super::super::names::judge::Likeness;
use super::super::names::speakers::{Slot, speaker_list};
use super::super::notes::Notes;
use super::super::structure::is_structure;
use super::{Candidate, Evidence, Shape, is_break};
use crate::model::{NameRef, SessionKind};
use crate::text::collapse_ws;

/// Sessions written as one paragraph each, a field per line.
///
/// ```
/// use confgraph::ingest::read_notes;
///
/// let notes = "FrontendFjord 2024\n\n10:10\nSignals Everywhere\nCamille Rousseau\nBrightloop\n\n10:55\nContainer Queries\nYuki Satō\nKumo Labs\n\n11:40\nCoffee break\n\n12:00\nAccessibility Is Not a Feature\nMarisol Fuentes Ibarra\nLumen Digital\n";
/// let sessions = read_notes("f.txt", notes.as_bytes()).0.unwrap().sessions;
/// assert_eq!(sessions.len(), 3);
/// assert_eq!(sessions[2].speakers[0].affiliations, ["Lumen Digital"]);
/// ```
pub struct RecordBlocks;

/// What one line of a record is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Field {
    Time(String),
    Kind(SessionKind),
    Names(Vec<NameRef>),
    Junk,
    Text(String),
}

/// A paragraph read as a record.
struct Record {
    block: usize,
    line: u32,
    time: Option<String>,
    kind: Option<SessionKind>,
    title: String,
    speakers: Vec<NameRef>,
    speaker_line: u32,
    /// The line after the title, for records whose names are not known ones.
    after_title: Option<(String, u32)>,
    /// A room line before the title.
    room: Option<String>,
}

fn classify(line: &str, slot: Slot) -> Field {
    let t = line.trim();
    if t.is_empty() || t.starts_with('[') && t.ends_with(']') || t.eq_ignore_ascii_case("add to calendar") {
        return Field::Junk;
    }
    if let Some((time, rest)) = leading_time(t)
        && rest.is_empty()
    {
        return Field::Time(time);
    }
    // (`WORKSHOP · bring a laptop`: the kind, then a remark.)
    let head = t.split(['·', '|']).next().unwrap_or(t).trim();
    if let Some(kind) = kind_word(head).filter(|_| head.split_whitespace().count() <= 3) {
        return Field::Kind(kind);
    }
    // `Vortrag von Dr. Nomvula Dlamini-Hart (…)`, `Speaker: …`: a label names them.
    if let Some(l) = labels_of(t).into_iter().find(|l| l.field == LabelField::Speakers)
        && let Some(names) = speaker_list(&l.value, Slot::Stated).filter(|n| !n.is_empty())
    {
        return Field::Names(names);
    }
    // `Orga-Team. Kurz und schmerzlos, 10 Minuten.`: sentences are notes, not a field.
    if t.split(". ").count() > 1 && t.split_whitespace().count() > 4 {
        return Field::Text(t.to_owned());
    }
    if let Some(names) = names_then_org(t) {
        return Field::Names(names);
    }
    match speaker_list(t, slot) {
        Some(names) if !names.is_empty() => Field::Names(names),
        _ => Field::Text(t.to_owned()),
    }
}

/// `Main Stage · 09:15–10:00`: a part of the line, between middle dots or bars, is a clock time.
fn holds_a_time(line: &str) -> bool {
    line.split(['·', '|']).any(|part| leading_time(part.trim()).is_some())
}

/// Words that make a name an organisation's (`Estudio Eco`, `Resonance Lab`).
const ORG_WORDS: &[&str] = &[
    "studio",
    "studios",
    "estudio",
    "estúdio",
    "lab",
    "labs",
    "laboratory",
    "institute",
    "instituto",
    "institut",
    "university",
    "universidad",
    "universidade",
    "université",
    "universität",
    "college",
    "foundation",
    "fundación",
    "stiftung",
    "inc",
    "inc.",
    "gmbh",
    "ltd",
    "ltd.",
    "llc",
    "group",
    "collective",
    "agency",
    "records",
    "media",
    "systems",
    "software",
    "consulting",
    "company",
    "co.",
    "ag",
    "sa",
    "bv",
    "ab",
    "oy",
    "as",
];

/// `Kofi Boateng, Ama Serwaa Owusu · FarmLink Ghana`: an app's speaker line, the names and then,
/// after a middle dot, where they work (unless that too is surely a person: `Ana Lima · Bo Chen`;
/// `María José de la Fuente · Estudio Eco` names a studio).
fn names_then_org(line: &str) -> Option<Vec<NameRef>> {
    let (names, org) = line.split_once(" · ")?;
    let org = org.split(" · ").next().unwrap_or(org).trim();
    let org_word = org.split_whitespace().any(|w| ORG_WORDS.contains(&w.to_lowercase().as_str()));
    let person = !org_word
        && speaker_list(org, Slot::Guessed)
            .is_some_and(|n| n.iter().all(|p| super::super::names::judge::judge(&p.name).likeness >= Likeness::Strong));
    if person || org.is_empty() {
        return None;
    }
    // (The line's shape, names then a company, says these are names: read them as stated.)
    let mut names = speaker_list(names, Slot::Stated).filter(|n| !n.is_empty())?;
    for n in &mut names {
        n.affiliations.push(org.to_owned());
    }
    Some(names)
}

fn record_of(index: usize, block: &Block) -> Option<Record> {
    let lines: Vec<(&str, u32)> = block.line_texts().collect();
    if !(2..=10).contains(&lines.len()) {
        return None;
    }
    // `5:45pm   Closing remarks` / `7:00pm   After-party, Palermo`: lines led by a time and text
    // are a programme's, read by the time-line shape.
    if lines.iter().any(|(l, _)| leading_time(l).is_some_and(|(_, rest)| !rest.is_empty())) {
        return None;
    }
    // `LoRaWAN Soil Sensors … — Sunil Rai · KrishiNet` on two lines or more: a list of talks, one a
    // line, for the line readers.
    let dashed = lines.iter().filter(|(l, _)| [" — ", " – ", " -- "].iter().any(|d| l.contains(d))).count();
    if dashed >= 2 {
        return None;
    }
    // `Room: Hall B` / `Speaker: …` / `Talk: …`: label lines are a label record's, not fields.
    if lines.iter().filter(|(l, _)| !labels_of(l).is_empty()).count() >= 2 {
        return None;
    }
    let fields: Vec<(Field, u32)> = lines.iter().map(|&(l, n)| (classify(l, Slot::Guessed), n)).collect();
    let mut record = Record {
        block: index,
        line: block.line,
        time: None,
        kind: None,
        title: String::new(),
        speakers: Vec::new(),
        speaker_line: block.line,
        after_title: None,
        room: None,
    };
    let mut title_seen = false;
    let mut last_was_name = false;
    // A kind line straight before the names is the title (`Opening` / `Sigrid Aasen`).
    let mut kind_line: Option<(&str, u32)> = None;
    for (k, (field, number)) in fields.iter().enumerate() {
        if let (Field::Names(_), false, Some((text, line))) = (field, title_seen, kind_line) {
            text.trim().clone_into(&mut record.title);
            record.line = line;
            title_seen = true;
        }
        match field {
            Field::Time(t) if !title_seen => record.time = Some(t.clone()),
            Field::Kind(kind) if !title_seen => {
                record.kind = Some(*kind);
                kind_line = Some((lines[k].0, *number));
            }
            // `09:00 – 09:20` / `Sala do Arquivo` / `Welcome to Inkwell 2024`: a room before the title.
            Field::Text(t) if !title_seen && is_room_line(t) && fields.len() > k + 1 => {
                record.room = Some(t.clone());
            }
            Field::Text(t) if !title_seen => {
                let (title, kind) = strip_kind_label(t);
                record.title = collapse_ws(&title);
                record.kind = record.kind.or(kind);
                record.line = *number;
                title_seen = true;
                record.after_title = lines.get(k + 1).map(|&(l, n)| (l.to_owned(), n));
            }
            Field::Names(names) if title_seen => {
                if record.speakers.is_empty() {
                    record.speaker_line = *number;
                }
                record.speakers.extend(names.iter().cloned());
                last_was_name = true;
                continue;
            }
            // (`Room 2 · 10:15–10:45` after the names is where and when, not a company.)
            Field::Text(company) if last_was_name && !is_room_line(company) && !holds_a_time(company) => {
                if let Some(last) = record.speakers.last_mut() {
                    last.affiliations.push(company.clone());
                }
            }
            _ => {}
        }
        last_was_name = false;
    }
    title_seen.then_some(record)
}

impl Shape for RecordBlocks {
    fn name(&self) -> &'static str {
        "record block"
    }

    fn find(&self, notes: &Notes<'_>) -> Vec<Candidate> {
        let records: Vec<Record> = notes
            .blocks
            .iter()
            .enumerate()
            .filter(|(i, b)| {
                b.kind == BlockKind::Paragraph && b.depth == 0 && !b.in_quote && Some(*i) != notes.header_block
            })
            .filter_map(|(i, b)| record_of(i, b))
            .collect();
        let with_names = records.iter().filter(|r| !r.speakers.is_empty()).count();
        if with_names < 3 {
            return Vec::new();
        }
        let mut out = Vec::new();
        for mut r in records {
            if r.speakers.is_empty()
                && let Some((line, number)) = &r.after_title
                && let Field::Names(names) = classify(line, Slot::Stated)
            {
                r.speakers = names;
                r.speaker_line = *number;
            }
            if r.title.is_empty()
                || r.title.ends_with(':')
                // (`Closing Remarks & Drinks` / `Greta Lindholm · …`: a ceremony someone gives.)
                || is_break(&r.title) && (r.speakers.is_empty() || !opens_as_ceremony(&r.title))
                || is_structure(&r.title)
                || r.time.is_none() && r.speakers.is_empty()
            {
                continue;
            }
            let mut c = Candidate::new("record block", "Title / Speaker / Company", r.block, r.line, r.title);
            c.evidence = if r.speakers.is_empty() { Evidence::Place } else { Evidence::Read };
            c.speakers = r.speakers;
            c.speaker_line = r.speaker_line;
            c.kind = r.kind;
            c.time = r.time;
            c.room = r.room;
            out.push(c);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::ingest::read_notes;

    #[test]
    fn an_apps_agenda_reads_entry_by_entry() {
        let notes = "AgriStack Live 2026\n\nOpening Remarks\nPasang Lhamu Sherpa · AgriStack Foundation\nMain Stage · 09:00–09:15\n\n\
                     Drones Over Terraces\nAnjali Thapa Magar · Skyfield Ag\nRoom 2 · 10:15–10:45\n\n\
                     Panel: Data Sovereignty for Cooperatives\nModerator: Mihail Rusu · Open Fields Institute\n\
                     Panelists: Sabitri Adhikari, Kahurangi Tipene\nMain Stage · 11:30–12:30\n\n\
                     Lunch\nTerrace Café · 12:30–13:30\n\n\
                     Irrigation Scheduling with Reinforcement Learning\nLeila Ghorbani · University of Tehran\nRoom 1 · 13:30–14:00\n\n\
                     Cold Chain Telemetry\nKofi Boateng, Ama Serwaa Owusu · FarmLink Ghana\nRoom 1 · 14:15–14:45\n";
        let sessions = read_notes("a.md", notes.as_bytes()).0.unwrap().sessions;
        let titles: Vec<&str> = sessions.iter().map(|s| s.title.as_str()).collect();
        // The panel's label lines do not swallow the entries after it.
        assert_eq!(titles.len(), 5, "{titles:?}");
        let drones = sessions.iter().find(|s| s.title == "Drones Over Terraces").unwrap();
        // A middle dot sets the company off the names: it is an affiliation, not a speaker.
        assert_eq!(drones.speakers.len(), 1);
        assert_eq!(drones.speakers[0].affiliations, ["Skyfield Ag"]);
        let cold = sessions.iter().find(|s| s.title == "Cold Chain Telemetry").unwrap();
        let names: Vec<&str> = cold.speakers.iter().map(|n| n.name.as_str()).collect();
        assert_eq!(names, ["Kofi Boateng", "Ama Serwaa Owusu"]);
    }

    #[test]
    fn an_agendas_ceremony_studio_and_lightning_block_read_as_written() {
        let notes = "Sonority Summit 2026 Agenda\n\n\
                     Instruments That Listen Back\nAnanya Krishnan · Resonance Lab\nMain Stage · 09:45–10:30\n\n\
                     Spatial Audio for Small Venues\nMaría José de la Fuente · Estudio Eco\nMain Stage · 15:45–16:30\n\n\
                     Lightning Talks\nMain Stage · 14:30–15:15\n\
                     Sampling Rights in 5 Minutes — Ji-hoon Lim · Independent\n\
                     A Theremin in the Browser — Zanele Khumalo · Wits Sound Studio\n\
                     Ableton Sets as Code — Radu Popescu · Freelance\n\n\
                     Closing Remarks & Drinks\nGreta Lindholm · Sonority Foundation\nMain Stage · 17:15–17:30\n";
        let sessions = read_notes("s.txt", notes.as_bytes()).0.unwrap().sessions;
        let got: Vec<(&str, Vec<&str>)> =
            sessions.iter().map(|s| (s.title.as_str(), s.speakers.iter().map(|n| n.name.as_str()).collect())).collect();
        assert!(got.contains(&("Spatial Audio for Small Venues", vec!["María José de la Fuente"])), "{got:?}");
        assert!(got.contains(&("A Theremin in the Browser", vec!["Zanele Khumalo"])), "{got:?}");
        assert!(got.contains(&("Closing Remarks & Drinks", vec!["Greta Lindholm"])), "{got:?}");
        assert_eq!(got.len(), 6, "{got:?}");
    }
}

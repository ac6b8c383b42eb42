//! A heading per session: `## Title` with a speaker line, labels or a by-line under it, or the
//! speakers in the heading itself (`## Title (Speaker)`, `## Speaker — Title`, `## Speaker:
//! Title`, `### Title — A & B`, `### K. Jay Miller Keynote`).
//!
//! Headings of one level under one parent are a group: their repeated form tells which side of a
//! heading holds the speakers, and whether a bare line under each names them. A heading without
//! speakers is a session when it stands at the file's session level in terse notes; in a
//! narrative, only with evidence of a talk (a kind word, a talk link, a quoted abstract).

use std::collections::BTreeMap;

use crate::model::{NameRef, SessionKind};

use super::super::body::{BodyFacts, ceremony_givers, read_body};
use super::super::body::{is_bold_record, is_titled_record};
use super::super::clock::leading_time;
use super::super::document::{Block, BlockKind, MarkKind};
use super::super::forms::{Head, Reading, lightning_slot, quoted_span, title_only};
use super::super::kind::{container_kind, kind_word, strip_kind_label};
use super::super::names::judge::{Likeness, judge};
use super::super::names::shares_a_name;
use super::super::names::speakers::{Slot, speaker_list};
use super::super::notes::{Notes, Register, Section};
use super::super::pattern::Group;
use super::super::structure::{is_off_program, is_own_remark, is_own_section, is_structure};
use super::super::text::has_any_word;
use super::{Candidate, Evidence, Shape, is_break};
use words::{is_placeholder_title, names_a_group};

/// Sessions written as headings.
///
/// ```
/// use confgraph::ingest::read_notes;
///
/// let notes = "# RustFest 2019\n\n## Fearless FFI (Ana Ortiz)\n\n## Zero-Copy Parsing\n\nKwame Mensah\n";
/// let (record, _) = read_notes("notes.md", notes.as_bytes());
/// let sessions = record.unwrap().sessions;
/// assert_eq!(sessions[0].title, "Fearless FFI");
/// assert_eq!(sessions[1].speakers[0].name, "Kwame Mensah");
/// ```
pub struct HeadingSessions;

/// A heading read: its reading, its body facts and the time it gives.
struct Read<'n> {
    section: &'n Section,
    head: Reading,
    /// The head read as its group's pattern reads the others (not a lone reading).
    fits: bool,
    body: BodyFacts,
    time: Option<String>,
}

impl Shape for HeadingSessions {
    fn name(&self) -> &'static str {
        "heading"
    }

    fn find(&self, notes: &Notes<'_>) -> Vec<Candidate> {
        let groups = groups(notes);
        let heads: Vec<(Vec<Head>, Vec<Option<String>>)> = groups
            .values()
            .map(|members| members.iter().map(|&s| head_of(&notes.blocks[notes.sections[s].heading])).unzip())
            .collect();
        // The file's way of writing a talk heading: the pattern of its best-supported group, when
        // three or more headings repeat it.
        let built: Vec<Group<'_>> = heads.iter().map(|(h, _)| Group::new(h).or_plain_names()).collect();
        let file_pattern =
            built.iter().map(|g| &g.pattern).filter(|p| p.support >= 3).max_by_key(|p| p.support).cloned();
        let mut read_all: Vec<Read<'_>> = Vec::new();
        for ((members, (_, times)), group) in groups.values().zip(&heads).zip(built) {
            let group = group.or_pattern(file_pattern.as_ref());
            let slot = speaker_line_slot(notes, members);
            for (k, (&s, time)) in members.iter().zip(times.iter().cloned()).enumerate() {
                let section = &notes.sections[s];
                read_all.push(read_heading(notes, section, &group, k, slot, time));
            }
        }
        let level = session_level(notes, &read_all);
        // (Where three headings or more name who spoke, one that names no one and reads as the
        // note-taker's remark, `## Venue — great`, is their own thought.)
        let named = read_all.iter().filter(|r| !r.head.speakers.is_empty() || !r.body.speakers.is_empty()).count();
        let mut out: Vec<Candidate> =
            read_all.into_iter().filter_map(|r| candidate(notes, r, level, named >= 3)).collect();
        out.sort_by_key(|c| c.anchor);
        out
    }
}

/// Headings that can be sessions, grouped by parent and level.
fn groups(notes: &Notes<'_>) -> BTreeMap<(Option<usize>, u8), Vec<usize>> {
    let mut groups: BTreeMap<(Option<usize>, u8), Vec<usize>> = BTreeMap::new();
    for (i, s) in notes.sections.iter().enumerate() {
        let block = &notes.blocks[s.heading];
        if Some(s.heading) == notes.header_block || is_structure(&block.text) {
            continue;
        }
        groups.entry((s.parent, s.level)).or_default().push(i);
    }
    groups
}

/// The heading's head (a leading time taken off) and that time.
fn head_of(block: &Block) -> (Head, Option<String>) {
    let head = Head::of_block(block);
    let cut_to = |rest: &str| {
        let cut = head.text.len() - rest.len();
        let marks = head.marks.iter().filter(|m| m.1 >= cut).map(|&(k, s, e)| (k, s - cut, e - cut)).collect();
        Head { text: rest.to_owned(), marks }
    };
    if let Some((time, rest)) = leading_time(&head.text) {
        return (cut_to(rest), Some(time));
    }
    if let Some(m) = OUTLINE_NUMBER.find(&head.text) {
        return (cut_to(&head.text[m.end()..]), None);
    }
    (head, None)
}

/// The number of a numbered outline in front of a heading (`1.2 `, `2.3.1 `, `4. `, `IV. `), which
/// is no part of its title: documents exported from Notion or Google Docs number their headings.
/// So is a programme's code for the session (`S02 — `, `T-13: `, `#12 – `: one letter and two
/// or three digits), which the note-taker copies to tie a note to its row (`C4: …`, `HL7: …`,
/// `PG16: …` are titles).
static OUTLINE_NUMBER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"^(?:\d{1,2}(?:\.\d{1,2}){1,3}\.?|\d{1,2}[.)]|[IVX]{2,4}\.|(?:#\d{1,3}|[A-Z]-?\d{2,3})\s*[—–:-])\s+",
    )
    .expect("valid regex")
});

/// A bare line under each heading names its speakers when most of the group's headings have one.
fn speaker_line_slot(notes: &Notes<'_>, members: &[usize]) -> Slot {
    let with_line = members
        .iter()
        .filter(|&&s| {
            let section = &notes.sections[s];
            section.own.clone().find(|&i| !notes.blocks[i].is_links_only()).is_some_and(|i| {
                let b = &notes.blocks[i];
                b.kind == BlockKind::Paragraph
                    && !b.in_quote
                    && b.lines.len() == 1
                    && speaker_list(&b.text, Slot::Guessed).is_some()
            })
        })
        .count();
    if with_line >= 2 && with_line * 10 >= members.len() * 4 { Slot::Stated } else { Slot::Guessed }
}

fn read_heading<'n>(
    notes: &Notes<'_>,
    section: &'n Section,
    group: &Group<'_>,
    k: usize,
    slot: Slot,
    time: Option<String>,
) -> Read<'n> {
    let reading = group.read(k);
    let fits = group.fits(&reading);
    let body: Vec<usize> = section.own.clone().collect();
    let mut facts = read_body(notes.blocks, &body, slot);
    if reading.speakers.is_empty() && facts.speakers.is_empty() {
        ceremony_givers(notes.blocks, &body, &reading.title, &mut facts);
    }
    Read { section, head: reading, fits, body: facts, time }
}

/// The level most headings with speakers stand at (the file's session level); without any, the
/// level most headings stand at.
fn session_level(notes: &Notes<'_>, read: &[Read<'_>]) -> Option<u8> {
    let mut with: BTreeMap<u8, usize> = BTreeMap::new();
    let mut all: BTreeMap<u8, usize> = BTreeMap::new();
    for r in read {
        *all.entry(r.section.level).or_default() += 1;
        if !r.head.speakers.is_empty() || !r.body.speakers.is_empty() {
            *with.entry(r.section.level).or_default() += 1;
        }
    }
    let pick = |m: &BTreeMap<u8, usize>| m.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(l, _)| *l);
    let _ = notes;
    pick(&with).or_else(|| pick(&all))
}

/// Whether a heading above is one of the note-taker's own (`Logistics`, `People to follow up`).
fn under_own_section(notes: &Notes<'_>, section: &Section) -> bool {
    let mut parent = section.parent;
    while let Some(p) = parent {
        if is_own_section(&notes.blocks[notes.sections[p].heading].text) {
            return true;
        }
        parent = notes.sections[p].parent;
    }
    false
}

/// The kind a grouping heading above gives (`## Lightning Talks`).
fn container_above(notes: &Notes<'_>, section: &Section) -> Option<SessionKind> {
    let mut parent = section.parent;
    while let Some(p) = parent {
        if let Some(k) = container_kind(&notes.blocks[notes.sections[p].heading].text) {
            return Some(k);
        }
        parent = notes.sections[p].parent;
    }
    None
}

fn candidate(notes: &Notes<'_>, r: Read<'_>, level: Option<u8>, named_talks: bool) -> Option<Candidate> {
    let Read { section, mut head, fits, body, time } = r;
    let block = &notes.blocks[section.heading];
    // `## Track A (Room Bijloke)` over `**Title**` / `Speaker: …` paragraphs: a part of the day.
    if bold_talks_below(notes, section) >= 2 {
        return None;
    }
    // Names the heading holds on its own, against a speaker line under it and a group that
    // does not write names in headings: the heading is all title (`… By Dunder Seuss`).
    // So is a heading whose "names" are not the people the section's speaker line gives:
    // `## Julia Sets: Generative Lettering` over `Speaker: Kenji Ōtsuka`.
    let others =
        body.stated && !head.speakers.iter().any(|h| body.speakers.iter().any(|b| shares_a_name(&h.name, &b.name)));
    if (!fits || others) && !head.speakers.is_empty() && !body.speakers.is_empty() {
        head = title_only(&head_of(block).0);
    }
    let own_kind = container_kind(&head.title);
    if own_kind.is_some() && !head.speakers.is_empty() && over_many_talks(notes, section, &head.title) {
        head = title_only(&head_of(block).0);
    }
    let container = container_above(notes, section);
    // `## Lightning Talks` over `### Ilkka: focus rings are not ugly`.
    if head.speakers.is_empty()
        && body.speakers.is_empty()
        && container == Some(SessionKind::Lightning)
        && let Some(slot) = lightning_slot(&block.text)
    {
        head.title = slot.title;
        head.speakers = slot.speakers;
    }
    let s = settle(notes, section, &mut head, &body, own_kind);
    // (`## Interoperability panel` over `Title: …`: the heading that gave way to the label still
    // says the kind.)
    let heading_kind =
        || Some(crate::ingest::kind::classify(&head.title, None, None)).filter(|k| *k != SessionKind::Talk);
    let kind = head
        .kind
        .or(body.kind)
        .or(container)
        .or_else(|| kind_word(&s.title).filter(|_| own_kind.is_none()))
        .or_else(|| heading_kind().filter(|_| s.title != head.title));
    if s.evidence == Evidence::Place && named_talks && is_own_remark(&s.title) {
        return None;
    }
    if s.evidence == Evidence::Place && !place_is_session(notes, section, &s.title, &body, level, container, own_kind) {
        return None;
    }
    // `* Logistics` / `** DONE Book hotel near ICE Kraków`: the note-taker's own section.
    if s.evidence == Evidence::Place && under_own_section(notes, section) {
        return None;
    }
    let read = HeadingRead {
        head: &head,
        body: &body,
        title: &s.title,
        evidence: s.evidence,
        bold_titled: s.bold_titled,
        own_kind,
    };
    if is_off_stage(notes, &read, s.speakers.is_empty()) {
        return None;
    }
    let mut c = Candidate::new("heading", s.form, section.heading, block.line, s.title);
    c.heading_level = Some(section.level);
    c.speakers = s.speakers;
    c.speaker_line = s.speaker_line;
    c.kind = kind;
    c.time = time.or(body.time);
    c.room = body.room;
    c.links = body.links;
    c.abstract_text = body.abstract_text;
    c.evidence = s.evidence;
    // `**Panel: …**` / `Moderator: …` after a talk's own stated speakers and notes: the record
    // of the next session, and the end of this one's notes.
    let next_record = section.all.clone().skip(1).find(|&i| body.stated && is_titled_record(&notes.blocks[i]));
    c.body =
        section.all.clone().take_while(|&i| Some(i) != next_record).filter(|i| !body.consumed.contains(i)).collect();
    c.used = body.consumed;
    Some(c)
}

/// `### Lightning talks (Thu, late afternoon)` over a list: a heading over many talks names no
/// speaker (`## Keynotes: Ana Ortiz and Ben Lindqvist` over prose names its two).
fn over_many_talks(notes: &Notes<'_>, section: &Section, title: &str) -> bool {
    let talks_below = section.all.clone().any(|i| {
        let b = &notes.blocks[i];
        b.heading_level().is_some() || matches!(b.kind, BlockKind::Item { .. })
    });
    names_a_group(title) && talks_below
}

/// A heading's title and speakers once what its section says is weighed, and how surely.
struct Settled {
    title: String,
    speakers: Vec<NameRef>,
    speaker_line: u32,
    form: String,
    evidence: Evidence,
    /// The title came from a bold line or a name's line under the heading.
    bold_titled: bool,
}

/// Weighs the heading's own reading against its section: a title under a heading that is only a
/// name, a title label, stated or guessed speakers below, a bold title under a kind-only heading.
fn settle(
    notes: &Notes<'_>,
    section: &Section,
    head: &mut Reading,
    body: &BodyFacts,
    own_kind: Option<SessionKind>,
) -> Settled {
    let block = &notes.blocks[section.heading];
    let mut s = Settled {
        title: head.title.clone(),
        speakers: head.speakers.clone(),
        speaker_line: block.line,
        form: format!("heading {}", head.key),
        evidence: if head.speakers.is_empty() { Evidence::Place } else { Evidence::Read },
        bold_titled: false,
    };
    let heading_text = head_of(block).0.text;
    let only_names = s.title.is_empty() || s.speakers.is_empty() || s.title == heading_text;
    if only_names
        && !body.stated
        && let Some((names, below, below_kind)) = title_below_a_name(notes, section, &heading_text, body)
    {
        s.speakers = names;
        s.title = below;
        head.kind = head.kind.or(below_kind);
        s.evidence = Evidence::Read;
        s.bold_titled = true;
    }
    // A heading that is only a name, with the title in a label: `## Ana Ortiz` / `Title: …`.
    if s.speakers.is_empty()
        && body.title.is_some()
        && let Some(names) = speaker_list(&s.title, Slot::Guessed)
    {
        s.speakers = names;
        s.title = String::new();
        s.evidence = Evidence::Read;
    }
    if body.stated || (s.speakers.is_empty() && !body.speakers.is_empty()) {
        s.speakers.clone_from(&body.speakers);
        s.speaker_line = body.speaker_line;
        s.form = format!("heading, {}", body.speaker_form);
        s.evidence = if body.stated { Evidence::Stated } else { Evidence::Read };
    }
    // `### Panel` / `**Who Gets Paid When the Model Sings?**`: a heading that only names the kind.
    if !s.bold_titled
        && body.title.is_none()
        && (own_kind.is_some() || kind_word(&s.title).is_some())
        && let Some((line_title, line_kind)) = bold_title_line(notes, section)
    {
        head.kind = head.kind.or(line_kind).or_else(|| kind_word(&s.title)).or(own_kind);
        s.title = line_title;
        s.bold_titled = true;
    }
    if let Some(t) = body.title.as_ref().or(body.quoted.as_ref().filter(|_| head.key == "Speaker Keynote")) {
        let only_a_kind = own_kind.is_some() || kind_word(&s.title).is_some();
        // (`## Interoperability panel` over `Title: Can Anyone Actually Exchange Records?`: a
        // heading that names no one is the note-taker's label for the session the label titles.)
        let titled = t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“'))
            && !t.split_whitespace().any(|w| w.contains('/') && w.contains('.'));
        let unnamed = head.speakers.is_empty() && body.stated && titled;
        if s.title.is_empty()
            || is_placeholder_title(&s.title)
            || head.key == "Speaker Keynote"
            || only_a_kind
            || unnamed
        {
            s.title.clone_from(t);
        }
    }
    s
}

/// What [`is_off_stage`] weighs of a heading read as a session.
struct HeadingRead<'r> {
    head: &'r Reading,
    body: &'r BodyFacts,
    title: &'r str,
    evidence: Evidence,
    bold_titled: bool,
    own_kind: Option<SessionKind>,
}

/// Whether a heading read as a session tells of something off the stage: a person, a meal, the
/// trip, or a kind with no one named.
fn is_off_stage(notes: &Notes<'_>, read: &HeadingRead<'_>, no_speakers: bool) -> bool {
    // `### Renée Fontaine` / `Renée Fontaine (…) runs the monthly meetup`: a section about a
    // person, not a talk, unless a label or a by-line says otherwise.
    let about_a_person = read.head.speakers.is_empty()
        && read.body.title.is_none()
        && !read.bold_titled
        && judge(&read.head.title).likeness >= Likeness::Plausible;
    if about_a_person && read.evidence < Evidence::Stated {
        return true;
    }
    // `### Breakfast` / `Koushik Krishnan gave his talk … at PyTexas`: a meal is not a talk
    // because someone is named in it; only a label or a by-line makes it one.
    // (`## Lunch (Kaito Ramen)`: what is in a break's brackets is a place, not a speaker.)
    let off_program = notes.register == Register::Narrative && is_off_program(read.title);
    let unspoken = read.head.speakers.is_empty() || is_break(read.title);
    if (off_program || is_break(read.title)) && unspoken && read.evidence < Evidence::Stated && !read.bold_titled {
        return true;
    }
    // `## Femke Jansen: hallway chat about IIIF`: a "title" in lower case that tells of the trip
    // is the note-taker's, whoever it names.
    if read.evidence < Evidence::Stated && read.title.starts_with(char::is_lowercase) && is_off_program(read.title) {
        return true;
    }
    if no_speakers && read.own_kind.is_some() && read.body.title.is_none() && !read.bold_titled {
        return true;
    }
    // `## Logistics: getting there`, `## Quotes: best lines`, `## People: who I met` (its bullets
    // naming someone): the note-taker's own section, unless a label says who spoke.
    read.evidence < Evidence::Stated && !read.bold_titled && is_own_section(read.title)
}

/// Paragraphs under a heading (before any sub-heading) that each open with a title set in bold
/// from end to end and say who gave it on the next line (`**Counting Bikes**` / `Speaker: …`).
fn bold_talks_below(notes: &Notes<'_>, section: &Section) -> usize {
    section.own.clone().filter(|&i| is_bold_record(&notes.blocks[i])).count()
}

/// The first line under a section's heading when it is set in bold or italics from end to end:
/// the title, its kind label taken off.
fn bold_title_line(notes: &Notes<'_>, section: &Section) -> Option<(String, Option<SessionKind>)> {
    let first = section.own.clone().next()?;
    let b = &notes.blocks[first];
    if b.kind != BlockKind::Paragraph || b.in_quote {
        return None;
    }
    let (title, kind) = strip_kind_label(b.bold_first_line()?);
    // `### Welcome` / `*Inês Carvalho & Rui Tavares (organisers)*`: names, not a title.
    let names = speaker_list(&title, Slot::Guessed).is_some();
    (!title.is_empty() && !names).then_some((title, kind))
}

/// A heading that is only a person's name, and the title under it: a bold title line (`###
/// Kwabena Asante` / `**Latency You Can Feel**`, perhaps with a kind label), or the talk its first
/// paragraph tells of (`## Dami Adeyemi-Clarke` / `Gave a talk called *Juice Is Not a Feature*`).
fn title_below_a_name(
    notes: &Notes<'_>,
    section: &Section,
    heading: &str,
    body: &BodyFacts,
) -> Option<(Vec<NameRef>, String, Option<SessionKind>)> {
    let names = speaker_list(heading, Slot::Stated)
        .filter(|n| n.iter().all(|p| judge(&p.name).likeness >= Likeness::Plausible))?;
    let bold = bold_title_line(notes, section).filter(|_| body.title.is_none());
    let (title, kind) = bold.or_else(|| talk_told_below(notes, section))?;
    Some((names, title, kind))
}

/// Words that say a paragraph tells of a talk, and the kind each gives.
const TALK_WORDS: &[(&str, Option<SessionKind>)] = &[
    ("keynote", Some(SessionKind::Keynote)),
    ("workshop", Some(SessionKind::Tutorial)),
    ("tutorial", Some(SessionKind::Tutorial)),
    ("lightning", Some(SessionKind::Lightning)),
    ("talk", None),
    ("presented", None),
    ("presentation", None),
];

/// The talk the first paragraph under a person's heading tells of: a title in quotes or
/// emphasis after a word for a talk (`Gave a talk called *T*`, `Ran the workshop, "T"`), or ""
/// when the paragraph says the title was not caught.
fn talk_told_below(notes: &Notes<'_>, section: &Section) -> Option<(String, Option<SessionKind>)> {
    let first = section.own.clone().next()?;
    let b = &notes.blocks[first];
    if b.kind != BlockKind::Paragraph || b.in_quote {
        return None;
    }
    let lower = b.text.to_lowercase();
    let (at, kind) =
        TALK_WORDS.iter().filter_map(|(w, k)| lower.find(w).map(|at| (at, *k))).min_by_key(|(at, _)| *at)?;
    // The talk word opens the paragraph's first sentences, not a remark at its end.
    if at > 80 {
        return None;
    }
    let marked = b
        .marks
        .iter()
        .find(|m| matches!(m.kind, MarkKind::Strong | MarkKind::Emphasis) && m.start > at)
        .map(|m| b.text[m.start..m.end].to_owned());
    let quoted = quoted_span(&b.text[at..]).map(|(_, _, inner)| inner.to_owned());
    let title = match (marked, quoted) {
        (Some(m), Some(q)) => {
            if b.text.find(&m) < b.text.find(&q) {
                m
            } else {
                q
            }
        }
        (m, q) => m.or(q).unwrap_or_default(),
    };
    if title.is_empty() && !super::title_not_stated(&b.text) {
        return None;
    }
    Some((title.trim().to_owned(), kind))
}

/// Whether a heading without speakers is a session.
fn place_is_session(
    notes: &Notes<'_>,
    section: &Section,
    title: &str,
    body: &BodyFacts,
    level: Option<u8>,
    container: Option<SessionKind>,
    own_kind: Option<SessionKind>,
) -> bool {
    if title.is_empty() || is_break(title) || own_kind.is_some() {
        return false;
    }
    // A heading that is only a person's name tells of a meeting, not a session.
    if judge(title).likeness >= Likeness::Plausible && title.split_whitespace().count() <= 4 {
        return false;
    }
    let kind_word_in_title = has_any_word(
        title,
        &["keynote", "panel", "workshop", "tutorial", "remarks", "opening", "closing", "welcome", "ama", "lightning"],
    );
    match notes.register {
        Register::Notes => {
            container.is_some()
                || Some(section.level) == level
                || kind_word_in_title && level.is_none_or(|l| section.level >= l)
        }
        Register::Narrative => {
            if is_off_program(title) {
                return false;
            }
            let talk_link = body
                .links
                .iter()
                .chain(section.own.clone().flat_map(|i| notes.blocks[i].links.iter().map(|l| &l.url)))
                .any(|u| {
                    [
                        "pretalx",
                        "sessionize",
                        "slides",
                        "speakerdeck",
                        "youtu",
                        "vimeo",
                        "/talk",
                        "/schedule/presentation",
                    ]
                    .iter()
                    .any(|w| u.contains(w))
                });
            let quoted_abstract = section.own.clone().take(4).any(|i| notes.blocks[i].in_quote);
            container.is_some() && Some(section.level) == level
                || kind_word_in_title
                || talk_link
                || quoted_abstract && Some(section.level) == level
        }
    }
}

mod words;

#[cfg(test)]
mod tests;

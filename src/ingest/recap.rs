//! Reads a narrative recap blog post: sessions told as sections (`K. Jay Miller Keynote`,
//! `"Title" by Name`, `This talk by Name`, a speaker line, `Name showed …`), `#### Name: Title`
//! segments (their parent is a panel of all segment speakers), talks told in passing anywhere in
//! the prose (`… gave his talk "Title" at PyTexas. He gave the talk at PyCon US too.`), and every
//! `Name (Affiliation, formerly X)` mention.
//!
//! Travel, food, museum and hallway sections, the table of contents, day headings and a heading
//! that is only a person's name are not sessions: a section becomes one only by positive evidence.

use std::sync::Arc;

use std::sync::LazyLock;

use regex::Regex;

use crate::ids::{conference_id, slug};
use crate::model::{Conference, Mention, NameRef, NotesRecord, Session, SessionKind, SourceLine};

use super::conference::{ConferenceName, conferences_in, year_in_url};
use super::detect::Detected;
use super::draft::{Draft, finish, prose_mentions};
use super::kind::{classify, container_kind};
use super::markdown::{Block, BlockKind};
use super::names::{by_line, full_name_runs, leading_presenter, parse_speaker_line, person_name, strip_possessive};
use super::talk_notes::STRUCTURE_HEADING;
use super::text::collapse_ws;

/// Heading words of sections about the trip rather than the program.
static OFF_PROGRAM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:breakfast|brunch|lunch|luncheon|dinner|supper|tacos?|ice cream|coffee|tea|drinks|food|restaurant|bar|pub|museum|gallery|center|centre|incline|riverfront|river|sightseeing|sightings|downtown|walk|travel|flight|arrival|departure|hotel|airport|reception|hallway|expo|booths|posters|auction|party|social|photos?|pic|juggling|sprints|open space|tour|shopping|games|karaoke|hike|park)\b",
    )
    .expect("valid regex")
});

/// `Barry Warsaw: Steering Council Overview`.
fn segment_heading(title: &str) -> Option<(String, String)> {
    let (who, what) = title.split_once(": ")?;
    let name = person_name(who, false)?;
    let what = what.trim();
    (!what.is_empty()).then(|| (name, what.to_owned()))
}

/// `K. Jay Miller Keynote` → K. Jay Miller.
fn keynote_heading(title: &str) -> Option<String> {
    let who = title.strip_suffix(" Keynote").or_else(|| title.strip_suffix(" keynote"))?;
    person_name(who, false)
}

/// A paragraph that is nothing but a quoted title: `"Untold Stories from …"`.
fn quoted_title(text: &str) -> Option<String> {
    let t = text.trim();
    let inner = t
        .strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .or_else(|| t.strip_prefix('“').and_then(|r| r.strip_suffix('”')))?;
    (!inner.contains(['"', '“', '”'])).then(|| collapse_ws(inner))
}

/// A heading that is only a person's name, whose section then talks about that person
/// (`### Ethan Smith` / `Ethan Smith (Nvidia) and I …`): a meeting, not a session.
fn is_about_a_person(title: &str, first: Option<&&Block>) -> bool {
    person_name(title, false).is_some() && first.is_some_and(|b| b.text.contains(title))
}

struct Section<'a> {
    level: u8,
    title: String,
    line: u32,
    body: Vec<&'a Block>,
    parent: Option<usize>,
}

/// A recognised session section: its session index in the record and how it was recognised.
struct Found {
    section: usize,
    session: usize,
}

/// Reads a recap.
#[must_use]
pub fn parse(file: &Arc<str>, blocks: &[Block], detected: &Detected) -> NotesRecord {
    let home = ConferenceName { year: detected.conference.year, ..detected.conference.clone() };
    let home_year = home.year.unwrap_or_default();
    let mut record = NotesRecord::default();
    let home_id = add_conference(&mut record, &home, home_year, file, detected.line);

    let sections = split_sections(blocks, detected.line);
    let mut found: Vec<Found> = Vec::new();
    for (si, section) in sections.iter().enumerate() {
        if let Some(read) = read_section(section, &sections, &home_id, file) {
            found.push(Found { section: si, session: record.sessions.len() });
            record.sessions.push(read.0);
            record.mentions.extend(read.1);
        }
    }
    make_segment_parents_panels(&sections, &found, &mut record, &home_id, file);

    // Mentions and talks told in passing, paragraph by paragraph in document order.
    let mut known: Vec<String> =
        record.mentions.iter().filter(|m| m.as_speaker).map(|m| m.person.name.clone()).collect();
    for (si, section) in sections.iter().enumerate() {
        if is_contents(&section.title) {
            continue;
        }
        let in_session = found.iter().any(|f| f.section == si);
        for block in &section.body {
            if block.in_quote || block.kind != BlockKind::Paragraph {
                continue;
            }
            let mentioned = prose_mentions(block, &home_id, file);
            let mentioned_names: Vec<String> = mentioned.iter().map(|m| m.person.name.clone()).collect();
            if !in_session {
                record.mentions.extend(mentioned);
            }
            let told = talks_in_passing(block, &known, &home, file);
            for (conf, session, speaker_mentions) in told {
                let id = add_conference(&mut record, &conf, conf.year.unwrap_or(home_year), file, session.source.line);
                let session = Session { conference: id.clone(), ..session };
                let title = slug(&session.title);
                let duplicate =
                    record.sessions.iter().any(|s| s.conference == session.conference && slug(&s.title) == title);
                if !duplicate {
                    record
                        .mentions
                        .extend(speaker_mentions.into_iter().map(|m| Mention { conference: id.clone(), ..m }));
                    record.sessions.push(session);
                }
            }
            known.extend(mentioned_names);
            known.extend(full_name_runs(&block.text).into_iter().map(|(_, n)| n));
        }
    }
    record
}

fn is_contents(title: &str) -> bool {
    matches!(title.to_lowercase().as_str(), "table of contents" | "contents" | "toc")
}

fn add_conference(record: &mut NotesRecord, name: &ConferenceName, year: u16, file: &Arc<str>, line: u32) -> String {
    let id = conference_id(&name.series, year);
    if !record.conferences.iter().any(|c| c.id == id) {
        record.conferences.push(Conference {
            id: id.clone(),
            series: name.series.clone(),
            year,
            location: name.location.clone(),
            source: SourceLine { file: file.to_owned(), line },
            // The file's own edition is the first added; editions of talks told in passing are not covered.
            covered: record.conferences.is_empty(),
        });
    }
    id
}

fn split_sections(blocks: &[Block], header_line: u32) -> Vec<Section<'_>> {
    let mut sections: Vec<Section<'_>> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    for block in blocks.iter().filter(|b| b.line > header_line) {
        if let Some(level) = block.heading_level() {
            while stack.last().is_some_and(|&i| sections[i].level >= level) {
                stack.pop();
            }
            sections.push(Section {
                level,
                title: collapse_ws(&block.text),
                line: block.line,
                body: Vec::new(),
                parent: stack.last().copied(),
            });
            stack.push(sections.len() - 1);
        } else if let Some(last) = sections.last_mut() {
            last.body.push(block);
        }
    }
    sections
}

/// Reads one section as a session, if it gives positive evidence of being one.
fn read_section(
    section: &Section<'_>,
    all: &[Section<'_>],
    conference: &str,
    file: &Arc<str>,
) -> Option<(Session, Vec<Mention>)> {
    let title = section.title.as_str();
    if is_contents(title) || STRUCTURE_HEADING.is_match(title) || container_kind(title).is_some() {
        return None;
    }
    let first =
        section.body.iter().find(|b| b.kind == BlockKind::Paragraph && !b.in_list && !b.in_quote && !b.text.is_empty());
    let container = section.parent.and_then(|p| container_kind(&all[p].title));
    let draft = |title: String, container: Option<SessionKind>| Draft {
        title,
        level: section.level,
        line: section.line,
        container,
        body: section.body.clone(),
    };
    let speaker_line = first.map_or(section.line, |b| b.line);

    let (title, speakers, kind_override, line) = if let Some(name) = keynote_heading(title) {
        let stated = first.and_then(|b| quoted_title(&b.text));
        (
            stated.unwrap_or_else(|| title.to_owned()),
            vec![NameRef::named(name)],
            Some(SessionKind::Keynote),
            section.line,
        )
    } else if let Some((name, what)) = segment_heading(title) {
        (what, vec![NameRef::named(name)], container, section.line)
    } else if let Some((stated, names)) = first.and_then(|b| by_line(&b.text)) {
        (stated.unwrap_or_else(|| title.to_owned()), names, None, speaker_line)
    } else if let Some(names) = first.and_then(|b| parse_speaker_line(&b.text)) {
        (title.to_owned(), names, None, speaker_line)
    } else if is_about_a_person(title, first) || OFF_PROGRAM.is_match(title) {
        return None;
    } else if let Some(name) = first.and_then(|b| leading_presenter(&b.text)) {
        (title.to_owned(), vec![NameRef::named(name)], None, speaker_line)
    } else {
        return None;
    };
    let read = finish(&draft(title, kind_override), conference, file, Some((speakers, line)));
    Some((read.session, read.mentions))
}

/// A section whose sub-sections are `Name: Title` segments is a panel of those speakers.
fn make_segment_parents_panels(
    sections: &[Section<'_>],
    found: &[Found],
    record: &mut NotesRecord,
    conference: &str,
    file: &Arc<str>,
) {
    for (pi, parent) in sections.iter().enumerate() {
        if found.iter().any(|f| f.section == pi) || container_kind(&parent.title).is_some() {
            continue;
        }
        let children: Vec<&Found> = found
            .iter()
            .filter(|f| sections[f.section].parent == Some(pi) && segment_heading(&sections[f.section].title).is_some())
            .collect();
        if children.len() < 2 {
            continue;
        }
        let mut speakers: Vec<NameRef> = Vec::new();
        for child in &children {
            for s in &record.sessions[child.session].speakers {
                if !speakers.iter().any(|x| x.name == s.name) {
                    speakers.push(NameRef::named(s.name.clone()));
                }
            }
        }
        let draft = Draft {
            title: parent.title.clone(),
            level: parent.level,
            line: parent.line,
            container: Some(SessionKind::Panel),
            body: parent.body.clone(),
        };
        let read = finish(&draft, conference, file, Some((speakers, parent.line)));
        record.sessions.push(read.session);
        record.mentions.extend(read.mentions);
    }
}

/// Words that make a quoted title a talk title, and the kind each implies.
fn talk_word_kind(sentence: &str) -> Option<SessionKind> {
    let lower = sentence.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).collect();
    if words.iter().any(|w| matches!(*w, "keynote" | "keynotes")) {
        Some(SessionKind::Keynote)
    } else if words.iter().any(|w| matches!(*w, "tutorial" | "tutorials" | "workshop")) {
        Some(SessionKind::Tutorial)
    } else if words.iter().any(|w| matches!(*w, "talk" | "talks" | "presentation" | "presentations")) {
        Some(SessionKind::Talk)
    } else {
        None
    }
}

/// Sentences of a paragraph as byte ranges; quoted text never ends a sentence.
fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_quote = false;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        match c {
            '"' => in_quote = !in_quote,
            '“' => in_quote = true,
            '”' => in_quote = false,
            '.' | '!' | '?' if !in_quote => {
                let next = chars.get(k + 1).map(|&(_, n)| n);
                let word_start = text[start..i].rfind(char::is_whitespace).map_or(start, |p| start + p + 1);
                let word = &text[word_start..i];
                let abbreviation = word.chars().count() <= 1
                    || matches!(word, "vs" | "e.g" | "i.e" | "a.k.a" | "Dr" | "Mr" | "Ms" | "Mrs" | "St");
                if next.is_none_or(char::is_whitespace) && !abbreviation {
                    out.push((start, i + 1));
                    start = i + 1;
                }
            }
            _ => {}
        }
    }
    if start < text.len() && !text[start..].trim().is_empty() {
        out.push((start, text.len()));
    }
    out
}

/// A title candidate in a sentence: quoted text, or a link whose text ends in `Keynote`/`Talk`.
struct TitleSpan {
    start: usize,
    end: usize,
    title: String,
    kind_hint: Option<SessionKind>,
}

fn title_spans(sentence: &str, block: &Block) -> Vec<TitleSpan> {
    let mut spans = Vec::new();
    let mut search = 0;
    while let Some(open_rel) = sentence[search..].find(['"', '“']) {
        let open = search + open_rel;
        let open_len = sentence[open..].chars().next().map_or(1, char::len_utf8);
        let Some(close_rel) = sentence[open + open_len..].find(['"', '”']) else {
            break;
        };
        let close = open + open_len + close_rel;
        let close_len = sentence[close..].chars().next().map_or(1, char::len_utf8);
        let title = collapse_ws(&sentence[open + open_len..close]);
        if title.chars().count() >= 3 {
            spans.push(TitleSpan { start: open, end: close + close_len, title, kind_hint: None });
        }
        search = close + close_len;
    }
    for link in &block.links {
        for (suffix, kind) in [(" Keynote", SessionKind::Keynote), (" Talk", SessionKind::Talk)] {
            if let Some(t) = link.text.strip_suffix(suffix) {
                if let Some(pos) = sentence.find(&link.text) {
                    if !spans.iter().any(|s| s.start <= pos && pos < s.end) {
                        spans.push(TitleSpan {
                            start: pos,
                            end: pos + link.text.len(),
                            title: t.to_owned(),
                            kind_hint: Some(kind),
                        });
                    }
                }
            }
        }
    }
    spans.sort_by_key(|s| s.start);
    spans
}

/// A reference to a person in text before a title: a full name, a known first name, or a pronoun.
enum Reference {
    Person(String),
    Author,
    Pronoun,
}

/// The references in `text`, by offset. A first name stands for the latest full name with it:
/// from `local` (this paragraph's), then from `known` (earlier paragraphs').
fn references(text: &str, known: &[String], local: &[String]) -> Vec<(usize, Reference)> {
    // Names inside parentheses are affiliations or credits, not who the sentence is about.
    let mut depth = 0usize;
    let in_parens: Vec<bool> = text
        .bytes()
        .map(|b| {
            match b {
                b'(' => depth += 1,
                b')' => depth = depth.saturating_sub(1),
                _ => {}
            }
            depth > 0
        })
        .collect();
    let mut refs: Vec<(usize, Reference)> = full_name_runs(text)
        .into_iter()
        .filter(|(o, _)| !in_parens.get(*o).copied().unwrap_or(false))
        .map(|(o, n)| (o, Reference::Person(n)))
        .collect();
    let mut pos = 0;
    for word in text.split_inclusive(char::is_whitespace) {
        let w = word.trim().trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
        let bare = strip_possessive(w);
        match bare {
            "I" | "my" | "My" | "me" => refs.push((pos, Reference::Author)),
            "he" | "He" | "she" | "She" | "his" | "His" | "her" | "Her" | "they" | "They" | "their" | "Their" => {
                refs.push((pos, Reference::Pronoun));
            }
            _ => {
                let covered =
                    refs.iter().any(|(o, r)| matches!(r, Reference::Person(n) if *o <= pos && pos < o + n.len()));
                if !covered && bare.chars().next().is_some_and(char::is_uppercase) {
                    if let Some(full) = local
                        .iter()
                        .rev()
                        .chain(known.iter().rev())
                        .find(|k| k.split(' ').next() == Some(bare) && k.contains(' '))
                    {
                        refs.push((pos, Reference::Person(full.clone())));
                    }
                }
            }
        }
        pos += word.len();
    }
    refs.sort_by_key(|(o, _)| *o);
    refs
}

/// Resolves the reference nearest before `pos` to a person; `None` for the author or nobody.
fn speaker_before(refs: &[(usize, Reference)], pos: usize) -> Option<String> {
    let idx = refs.iter().rposition(|(o, _)| *o < pos)?;
    match &refs[idx].1 {
        Reference::Person(n) => Some(n.clone()),
        Reference::Author => None,
        Reference::Pronoun => refs[..idx].iter().rev().find_map(|(_, r)| match r {
            Reference::Person(n) => Some(n.clone()),
            _ => None,
        }),
    }
}

static ALSO_GAVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:also\s+gave|gave\s+(?:the|that|this|it|the\s+same)\s+(?:talk|keynote|tutorial)?|gave\s+it|presented\s+it|repeated\s+it)\b").expect("valid regex")
});

type Told = (ConferenceName, Session, Vec<Mention>);

/// Talks told in passing in one paragraph.
fn talks_in_passing(block: &Block, known: &[String], home: &ConferenceName, file: &Arc<str>) -> Vec<Told> {
    let text = &block.text;
    // Full names this paragraph has given so far; `known` holds those of the paragraphs before.
    let mut context: Vec<String> = Vec::new();
    let mut told: Vec<Told> = Vec::new();
    // Most paragraphs tell no talk: their lines are indexed only when one does.
    let line_starts = std::cell::OnceCell::new();
    let line_at = |offset: usize| {
        block.line + line_starts.get_or_init(|| crate::ingest::text::LineIndex::new(text)).line_of(offset) - 1
    };
    for (s, e) in sentences(text) {
        let sentence = &text[s..e];
        let spans = title_spans(sentence, block);
        let talk_kind = talk_word_kind(sentence);
        // Who "he" or "Brandt" is comes from this sentence and the few before it (a bounded
        // window keeps a paragraph of thousands of sentences linear); only a sentence that tells
        // of a talk needs to know.
        let refs: Vec<(usize, Reference)> = if spans.iter().any(|span| span.kind_hint.or(talk_kind).is_some()) {
            let window = crate::ingest::text::char_boundary_from(text, s.saturating_sub(1500));
            references(&text[window..e], known, &context).into_iter().map(|(o, r)| (o + window, r)).collect()
        } else {
            Vec::new()
        };
        let mut told_here = false;
        for span in &spans {
            let Some(kind) = span.kind_hint.or(talk_kind) else {
                continue;
            };
            let Some(speaker) = speaker_before(&refs, s + span.start) else {
                continue;
            };
            let confs = conferences_in(sentence);
            let primary = confs.iter().rev().find(|c| c.start < span.start).or_else(|| {
                confs.iter().find(|c| c.start >= span.end && !ALSO_GAVE.is_match(&sentence[span.end..c.start]))
            });
            let url_year = block
                .links
                .iter()
                .find(|l| sentence[span.start..span.end].contains(&l.text) && !l.text.is_empty())
                .and_then(|l| year_in_url(&l.url));
            let conference = primary.map_or_else(
                || ConferenceName { year: url_year.or(home.year), location: None, ..home.clone() },
                |c| ConferenceName { year: c.name.year.or(url_year).or(home.year), ..c.name.clone() },
            );
            let line = line_at(s + span.start);
            told.push(make_told(conference, &span.title, kind, &speaker, file, line));
            told_here = true;
            // `…, which she also gave at PyCon US.` in the same sentence.
            let after = &sentence[span.end..];
            if let Some(m) = ALSO_GAVE.find(after) {
                if let Some(c) = conferences_in(&after[m.end()..]).first() {
                    // The link's year belongs to the first telling; a repeat without a year is the file's.
                    let again = ConferenceName { year: c.name.year.or(home.year), ..c.name.clone() };
                    told.push(make_told(again, &span.title, kind, &speaker, file, line));
                }
            }
        }
        // `He gave the talk at PyCon US too.` repeats the last talk told in this paragraph.
        if !told_here && ALSO_GAVE.is_match(sentence) && spans.is_empty() {
            if let Some(last) = told.last().map(|t| (t.1.title.clone(), t.1.kind, t.1.speakers[0].name.clone())) {
                if let Some(c) = conferences_in(sentence).first() {
                    let again = ConferenceName { year: c.name.year.or(home.year), ..c.name.clone() };
                    let line = line_at(s);
                    told.push(make_told(again, &last.0, last.1, &last.2, file, line));
                }
            }
        }
        context.extend(full_name_runs(sentence).into_iter().map(|(_, n)| n));
    }
    told
}

fn make_told(
    conference: ConferenceName,
    title: &str,
    kind: SessionKind,
    speaker: &str,
    file: &Arc<str>,
    line: u32,
) -> Told {
    let source = SourceLine { file: file.to_owned(), line };
    let person = NameRef::named(speaker);
    let kind = if kind == SessionKind::Talk { classify(title, None, None) } else { kind };
    let session = Session {
        conference: String::new(),
        title: title.to_owned(),
        kind,
        speakers: vec![person.clone()],
        links: Vec::new(),
        abstract_text: None,
        notes: String::new(),
        source: source.clone(),
    };
    let mention = Mention { person, conference: String::new(), as_speaker: true, source };
    (conference, session, vec![mention])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_keep_quotes_whole() {
        let t = "I met Scott at PyGotham 2018 where I attended a talk he gave \"Dataclasses are here. Now what?\". Then P. Smith left.";
        let s: Vec<&str> = sentences(t).into_iter().map(|(a, b)| t[a..b].trim()).collect();
        assert_eq!(s.len(), 2, "{s:?}");
        assert!(s[0].ends_with("what?\"."));
    }

    #[test]
    fn headings() {
        assert_eq!(keynote_heading("K. Jay Miller Keynote").as_deref(), Some("K. Jay Miller"));
        assert_eq!(keynote_heading("Opening Keynote"), None);
        assert_eq!(
            segment_heading("Pablo Galindo Salgado: Free-Threading Update (a.k.a. No GIL)"),
            Some(("Pablo Galindo Salgado".into(), "Free-Threading Update (a.k.a. No GIL)".into()))
        );
        assert_eq!(segment_heading("Type Annotation: new things"), None);
        assert!(OFF_PROGRAM.is_match("Condado Tacos"));
        assert!(!OFF_PROGRAM.is_match("Overcoming GIL with subinterpreters"));
    }
}

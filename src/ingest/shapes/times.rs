//! Time-led programmes: `10:15  Title - Speaker`, `10:15 Speaker: Title`, `2:30pm Title`,
//! `10:15–10:45 | Title | Speaker`, a time alone on its line with the title and the speaker on
//! the lines below, and lightning talks listed without times under a `Lightning talks` slot.
//!
//! The time lines of a file are one group: the pattern most of them share (which side of the
//! dash holds the speakers) reads the others. Breaks (`12:30 Lunch`) are not sessions.

use std::sync::LazyLock;

use regex::Regex;

use crate::ids::fold_to_ascii;
use crate::model::{NameRef, SessionKind};

use super::super::clock::leading_time;
use super::super::document::{Block, BlockKind};
use super::super::forms::{
    Head, ROOM_WORDS, Reading, is_room_line, lightning_slot, opens_with_a_remark_label, title_only,
};
use super::super::kind::container_kind;
use super::super::labels::{Field as LabelField, labels_of};
use super::super::names::speakers::{Slot, speaker_list};
use super::super::notes::Notes;
use super::super::pattern::Group;
use super::super::structure::is_structure;
use super::{Candidate, Evidence, Shape, in_own_section, is_break, is_title_case};

/// Sessions of a time-led programme.
///
/// ```
/// use confgraph::ingest::read_notes;
///
/// let notes = "Programme: Frontend North 2019\n\n09:30  Registration\n10:00  Fearless CSS - Ana Ortiz\n10:45  Grid by Example - Kwame Mensah\n";
/// let sessions = read_notes("p.txt", notes.as_bytes()).0.unwrap().sessions;
/// assert_eq!(sessions.len(), 2);
/// assert_eq!(sessions[1].speakers[0].name, "Kwame Mensah");
/// ```
pub struct TimeLines;

/// One time-led entry: where it is, its time and its head.
struct Entry {
    block: usize,
    offset: usize,
    line: u32,
    time: Option<String>,
    head: Head,
    /// The untimed lines that follow (up to three), which may name the speakers (`10:15 Title` /
    /// `Ana Ortiz`, or `moderation: …` / `avec: …` label lines).
    next: Vec<(String, u32)>,
    /// Given by a grouping slot above (`16:00 Lightning talks` and its untimed lines).
    kind: Option<SessionKind>,
    /// A room set before the time (`[Room A] 10:15 …`).
    room: Option<String>,
}

impl Shape for TimeLines {
    fn name(&self) -> &'static str {
        "time line"
    }

    fn find(&self, notes: &Notes<'_>) -> Vec<Candidate> {
        let entries = entries(notes);
        let timed = entries.iter().filter(|e| e.time.is_some()).count();
        if timed < 2 {
            return Vec::new();
        }
        let heads: Vec<Head> = entries.iter().map(|e| e.head.clone()).collect();
        let group = Group::new(&heads);
        let pattern = &group.pattern;
        let next_slot = if pattern.holds() { Slot::Stated } else { Slot::Guessed };
        let mut out = Vec::new();
        for (k, e) in entries.into_iter().enumerate() {
            let mut r: Reading = group.read(k);
            // `4:00pm Lightning talks` / `Bartek: my keyboard firmware`.
            if r.speakers.is_empty()
                && e.time.is_none()
                && e.kind == Some(SessionKind::Lightning)
                && let Some(slot) = lightning_slot(&e.head.text)
            {
                r = slot;
            }
            let mut speaker_line = e.line;
            if r.speakers.is_empty()
                && let Some((names, line, panel)) = labelled_speakers(&e.next)
            {
                r.speakers = names;
                speaker_line = line;
                r.kind = r.kind.or(panel.then_some(SessionKind::Panel));
            } else if r.speakers.is_empty()
                && let Some((text, line)) = e.next.first()
                && let Some(names) = speaker_list(text, next_slot)
            {
                r = title_only(&e.head);
                r.speakers = names;
                speaker_line = *line;
            }
            // (`Max: 12 talks, 5 minutes each` under a slot of lightning talks: how the slot runs.)
            if r.speakers.is_empty() && e.time.is_none() && opens_with_a_remark_label(&r.title) {
                continue;
            }
            // (`18:00 Day 1 wrap-up — Joana Carvalho` has a speaker: a session, not a day heading.)
            if is_break(&r.title) || r.title.is_empty() || is_structure(&r.title) && r.speakers.is_empty() {
                continue;
            }
            // (`## Chapters` / `- 04:30 — Interview: …`: a podcast's timestamps, the note-taker's own.)
            if in_own_section(notes, e.block) {
                continue;
            }
            if r.speakers.is_empty() && container_kind(&r.title).is_some() {
                continue;
            }
            if r.speakers.is_empty() && tells_of_no_talk(&r.title) {
                continue;
            }
            let mut c = Candidate::new("time line", format!("time line {}", r.key), e.block, e.line, r.title);
            c.offset = e.offset;
            c.kind = r.kind.or(e.kind);
            c.evidence = if r.speakers.is_empty() { Evidence::Place } else { Evidence::Read };
            c.speakers = r.speakers;
            c.speaker_line = speaker_line;
            c.time = e.time;
            c.room = e.room.or(r.rest);
            out.push(c);
        }
        out
    }
}

/// Whether a time line's title without speakers tells of no talk: a journal's timed sentence, the
/// note-taker's day, a lower-case remark that is no ceremony.
fn tells_of_no_talk(title: &str) -> bool {
    // `05:40 alarm. Grab to the airport…`: a journal's timed sentence is no session, nor is
    // a live-blog's timed paragraph (`[09:48] Tendai: "resolution is…" Room laughs.`): the
    // prose reader reads those.
    // (`09:15 I skipped the other room`, `10:30 We grabbed coffee`: the note-taker's day.)
    let first_person = title.split_whitespace().next().is_some_and(|w| {
        matches!(w.trim_end_matches(','), "I" | "I'm" | "I've" | "I'd" | "We" | "We're" | "My" | "Our" | "Me" | "Us")
    });
    let sentence_like = title.contains(". ") || title.split_whitespace().count() > 14 || first_person;
    // (`0915 welcome + housekeeping, organisers` in phone notes: a ceremony all the same.)
    // (Not `welcome coffee`, `closing party`, nor `got there late, missed the welcome`.)
    let words: Vec<&str> = title.split_whitespace().collect();
    let social = words.iter().any(|w| {
        matches!(*w, "coffee" | "drinks" | "party" | "reception" | "dinner" | "lunch" | "breakfast" | "beers")
    });
    let opens = words.first().copied().and_then(crate::ingest::kind::kind_word) == Some(SessionKind::Ceremony);
    // (`closing remarks + raffle`: longer where the words open as a ceremony.)
    let ceremony = opens && !social && (words.len() <= 3 || crate::ingest::kind::opens_as_ceremony(title));
    title.starts_with(char::is_lowercase) && !is_title_case(title) && !ceremony || sentence_like
}

/// `14:00 TABLE RONDE : Reproducibility` / `modération : Hugo Marchetti` / `avec : A, B, C`: the
/// people the label lines under a timed line state, the line of the first, and whether a label
/// names a moderator or panelists.
fn labelled_speakers(next: &[(String, u32)]) -> Option<(Vec<NameRef>, u32, bool)> {
    let mut names: Vec<NameRef> = Vec::new();
    let (mut first, mut panel) = (None, false);
    for (text, line) in next {
        let labels = labels_of(text.trim());
        if labels.is_empty() {
            break;
        }
        for l in labels.into_iter().filter(|l| l.field == LabelField::Speakers) {
            let Some(found) = speaker_list(&l.value.replace("[[", "").replace("]]", ""), Slot::Stated) else {
                continue;
            };
            first.get_or_insert(*line);
            let label = fold_to_ascii(&l.label).to_lowercase();
            panel |= label.starts_with("panel") || label.starts_with("moderat") || label == "mod";
            names.extend(found.into_iter().filter(|n| !names.iter().any(|m| m.name == n.name)).collect::<Vec<_>>());
        }
    }
    Some((names, first?, panel))
}

/// Every time-led line of the file, with the untimed lines of a grouping slot.
fn entries(notes: &Notes<'_>) -> Vec<Entry> {
    let mut scan = Scan { rooms: known_rooms(notes), out: Vec::new(), slot_kind: None };
    for (bi, block) in notes.blocks.iter().enumerate() {
        if !matches!(block.kind, BlockKind::Paragraph | BlockKind::Item { .. })
            || block.in_quote
            || Some(bi) == notes.header_block
        {
            if block.heading_level().is_some() {
                scan.slot_kind = None;
            }
            continue;
        }
        // A slot's untimed lines are its own block's or a list right after it; a paragraph of
        // prose later on ends it (`Thanks to all the volunteers!`).
        if block.kind == BlockKind::Paragraph {
            scan.slot_kind = None;
        }
        scan.block(bi, block);
    }
    scan.out
}

/// The entries found so far, and what the lines read so far say about the next ones.
struct Scan {
    /// Rooms the file names in brackets ([`known_rooms`]).
    rooms: Vec<String>,
    out: Vec<Entry>,
    /// The kind of the last grouping slot (`16:00 Lightning talks`) while its untimed lines follow.
    slot_kind: Option<SessionKind>,
}

/// One line of a block: where it starts and ends in the block's text, and its line in the file.
type Span = (usize, usize, u32);

impl Scan {
    /// The entries of one paragraph or list item.
    fn block(&mut self, bi: usize, block: &Block) {
        let lines: Vec<Span> = line_spans(block);
        let mut k = 0;
        while k < lines.len() {
            let (start, end, line) = lines[k];
            let text = &block.text[start..end];
            if text.matches('\t').count() >= 2 {
                k += 1;
                continue;
            }
            match self.split_time(bi, text) {
                (room, Some((time, rest))) => {
                    k = self.timed(bi, block, &lines, k, Timed { time, rest, room });
                    continue;
                }
                _ if let Some(rest) = replacement(text)
                    && let Some(time) = self.out.last().filter(|e| e.block == bi).and_then(|e| e.time.clone()) =>
                {
                    // `14:30 Title -- A >> CANCELLED` / `replaced by: Title -- B`: B's talk in that slot.
                    let from = rest.as_ptr() as usize - block.text.as_ptr() as usize;
                    self.out.push(Entry::new(bi, from, line, Some(time), Head::of(block, from, end)));
                }
                _ => {
                    if let Some(kind) = self.slot_kind {
                        // `- sync.Pool pitfalls — @gopher_ana` under the slot: the bullet is no part of it.
                        let bullet = text.len() - text.trim_start_matches(['-', '*', '+', '·', ' ']).len();
                        let head = Head::of(block, start + bullet, end);
                        self.out.push(Entry::new(bi, start, line, None, head).kind(kind));
                    }
                }
            }
            k += 1;
        }
    }

    /// A line's room and time, and what follows them; no time for an untimed line.
    fn split_time<'t>(&self, bi: usize, text: &'t str) -> (Option<String>, Option<(String, &'t str)>) {
        let (room, text) = room_first(text);
        // `10:45  [A] Title -- Speaker` and, under it, `       [B] Title -- Speaker`: an untimed
        // line under a timed one is that slot's talk on its own track (`Track B: …`, `B: …`); a
        // timed line's `Track A: … | Track B: …` is parted later.
        let (time, rest, continued) = if let Some((time, rest)) = leading_time(text) {
            (time, rest, false)
        } else {
            let last_time = self.out.last().filter(|e| e.block == bi).and_then(|e| e.time.clone());
            let Some(time) = last_time.filter(|_| track_tag(text).is_some()) else { return (room, None) };
            (time, text.trim_start(), true)
        };
        let tag = if continued {
            track_tag(rest)
        } else {
            room_tag(rest)
                .or_else(|| named_room(rest).filter(|_| track_parts(rest).is_empty()))
                .or_else(|| room_column(rest, &self.rooms))
                .or_else(|| bare_track_letter(rest))
        };
        match tag {
            Some((tag, title)) => (room.or(Some(tag)), Some((time, without_mark(title)))),
            None => (room, Some((time, without_mark(rest)))),
        }
    }

    /// The entries of the timed line `k`; returns the line to read next.
    fn timed(&mut self, bi: usize, block: &Block, lines: &[Span], k: usize, t: Timed<'_>) -> usize {
        let Timed { time, rest, room } = t;
        let (start, end, line) = lines[k];
        // Where `rest` stands in the block (it is a slice of it; the line may end in white space
        // that `rest` was trimmed of).
        let rest_start = rest.as_ptr() as usize - block.text.as_ptr() as usize;
        self.slot_kind = container_kind(rest).filter(|_| !rest.is_empty());
        // `3:00 PM  Lightning talks, Salle Sherbrooke:` and its talks on the lines below.
        let slot_head = rest.split([',', '(', '—', '–']).next().unwrap_or(rest);
        // (`17:00  Lightning talks, Hall A` over `- Title · Speaker` bullets too.)
        let bullets_below = lines.get(k + 1).is_some_and(|&(s2, e2, _)| is_bullet_line(&block.text[s2..e2]));
        if (rest.ends_with(':') || bullets_below)
            && slot_head.len() < rest.len()
            && let Some(kind) = container_kind(slot_head)
        {
            self.slot_kind = Some(kind);
            return k + 1;
        }
        if rest.is_empty() {
            return self.title_below(bi, block, lines, k, time, room);
        }
        // `15:00  WORKSHOP (Kellari, 90 min)` / `Faust for the impatient` / `presenter: …`: one
        // session's kind, its title on the line below (a list below would be a slot of talks).
        if let Some(kind) = lone_kind_label(rest) {
            let title_line = lines.get(k + 1).map(|&(s2, e2, _)| block.text[s2..e2].trim());
            let plain = title_line.is_some_and(|t| {
                !t.is_empty() && !is_bullet_line(t) && labels_of(t).is_empty() && leading_time(t).is_none()
            });
            if plain {
                self.slot_kind = None;
                let pushed = self.out.len();
                let next = self.title_below(bi, block, lines, k, time, room);
                if let Some(entry) = self.out.get_mut(pushed) {
                    entry.kind = Some(kind);
                }
                return next;
            }
        }
        // `10:15  Track A: Title (Speaker) | Track B: Title (Speaker)`: one talk per track.
        let parts = track_parts(rest);
        if parts.len() >= 2 {
            for (room, from, to) in parts {
                let head = Head::of(block, rest_start + from, rest_start + to);
                self.out.push(Entry::new(bi, rest_start + from, line, Some(time.clone()), head).room(Some(room)));
            }
            return k + 1;
        }
        let untimed = |j: usize| lines.get(j).filter(|&&(s2, e2, _)| leading_time(&block.text[s2..e2]).is_none());
        // `10:45  Apache Iceberg at a Bank: What Broke First, and` / `What Broke Worse -- A`.
        let (end, after) = match untimed(k + 1) {
            Some(&(_, e2, _)) if runs_on(rest) && container_kind(rest).is_none() => (e2, k + 2),
            // (`rest` may end before the line does: a mark at its end is taken off.)
            _ => (end.min(rest_start + rest.len()), k + 1),
        };
        let next = (after..after + 3).map_while(untimed).map(|&(s2, e2, l2)| (block.text[s2..e2].to_owned(), l2));
        let mut entry = Entry::new(bi, start, line, Some(time), Head::of(block, rest_start, end)).room(room);
        entry.next = next.collect();
        self.out.push(entry);
        after
    }

    /// A time alone on its line: the title (and maybe the speaker) on the lines below, after a
    /// room line perhaps, or a slot of talks (`4:00–4:30pm` / `Lightning talks:` / `- …`).
    fn title_below(
        &mut self,
        bi: usize,
        block: &Block,
        lines: &[Span],
        k: usize,
        time: String,
        room: Option<String>,
    ) -> usize {
        let text = |&(s, e, _): &Span| &block.text[s..e];
        if let Some(below) = lines.get(k + 1) {
            let heading = text(below).trim();
            let bullets_follow = lines.get(k + 2).is_some_and(|l| is_bullet_line(text(l)));
            self.slot_kind = container_kind(heading).filter(|_| heading.ends_with(':') || bullets_follow);
            if self.slot_kind.is_some() {
                return k + 2;
            }
        }
        // `09:00 – 09:20` / `Sala do Arquivo` / `Welcome to Inkwell 2024`: the room first.
        let room_line = lines.get(k + 1).filter(|l| is_room_line(text(l)));
        let (at, room) = match (room_line, lines.get(k + 2)) {
            (Some(l), Some(_)) => (k + 2, Some(text(l).trim().to_owned())),
            _ => (k + 1, room),
        };
        let Some(&(s2, e2, l2)) = lines.get(at).filter(|l| leading_time(text(l)).is_none()) else {
            return k + 1;
        };
        let mut entry = Entry::new(bi, s2, l2, Some(time), Head::of(block, s2, e2)).room(room);
        entry.next = lines.get(at + 1).map(|l| (text(l).to_owned(), l.2)).into_iter().collect();
        self.out.push(entry);
        at + 1
    }
}

/// A line that opens with a bullet (`- `, `* `, `+ `, `· `, `• `): a slot's talks below a line.
fn is_bullet_line(line: &str) -> bool {
    line.trim_start().starts_with(['-', '*', '+', '·', '•'])
}

/// A timed line that is one singular kind word, perhaps with an aside (`WORKSHOP (Kellari, 90
/// min)`, `Keynote`): the kind of the session whose title stands below it.
fn lone_kind_label(rest: &str) -> Option<SessionKind> {
    let (bare, _) = super::super::names::speakers::take_asides(rest);
    let word = bare.trim().trim_end_matches(':');
    let singular = !word.contains(char::is_whitespace) && !word.to_lowercase().ends_with('s');
    super::super::kind::kind_word(word)
        .filter(|k| singular && matches!(k, SessionKind::Keynote | SessionKind::Tutorial | SessionKind::Panel))
}

/// `replaced by: Title -- Speaker`, `instead: Title – Speaker` under a cancelled slot: the talk
/// given in its place.
fn replacement(text: &str) -> Option<&str> {
    let t = text.trim_start();
    let lower = t.to_lowercase();
    let label =
        ["replaced by:", "replacement:", "instead:", "in its place:", "stattdessen:", "à la place :", "en su lugar:"]
            .into_iter()
            .find(|l| lower.starts_with(l))?;
    let rest = t.get(label.len()..)?.trim_start();
    (!rest.is_empty()).then_some(rest)
}

/// A timed line taken apart: its time, what follows, and a room it gives.
struct Timed<'t> {
    time: String,
    rest: &'t str,
    room: Option<String>,
}

impl Entry {
    fn new(block: usize, offset: usize, line: u32, time: Option<String>, head: Head) -> Self {
        Self { block, offset, line, time, head, next: Vec::new(), kind: None, room: None }
    }

    fn kind(mut self, kind: SessionKind) -> Self {
        self.kind = Some(kind);
        self
    }

    fn room(mut self, room: Option<String>) -> Self {
        self.room = room;
        self
    }
}

/// `[Room A] 10:15 …`: a bracketed room before the time, and the line after it. Lines without
/// one come back whole.
fn room_first(text: &str) -> (Option<String>, &str) {
    let t = text.trim_start();
    let Some(close) = t.strip_prefix('[').and_then(|r| r.find(']')).filter(|&c| c <= 40) else {
        return (None, text);
    };
    let rest = &t[close + 2..];
    if leading_time(rest).is_none() {
        return (None, text);
    }
    let room = t[1..=close].trim();
    let room = (!room.is_empty() && room.chars().any(char::is_alphanumeric)).then(|| room.to_owned());
    (room, rest)
}

/// `Track A: …`, `Room 2: …`, `[B] …`: a track or room label opening one part of a line.
static TRACK_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?P<named>(?:track|room|stage|hall|salle|sala|saal)\s+[\p{L}\p{N}]{1,12})\s*:|\[(?P<tag>[^\]]{1,12})\])\s*")
        .expect("valid regex")
});

/// The parts of a line that holds one talk per track (`Track A: … | Track B: …`): each part's
/// track and its byte range in `rest`, the label taken off. Empty unless every part is labelled.
///
/// `A  ||  B`: a double bar parts tracks even without labels; the tracks are then numbered.
fn track_parts(rest: &str) -> Vec<(String, usize, usize)> {
    let (separator, labelled) = if rest.contains(" || ") { (" || ", false) } else { (" | ", true) };
    if !rest.contains(separator) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut from = 0;
    for (n, part) in rest.split(separator).enumerate() {
        let lead = part.len() - part.trim_start().len();
        let (label, skip) = match TRACK_LABEL.captures(part.trim_start()) {
            Some(m) => {
                let label = m.name("named").or_else(|| m.name("tag")).map_or("", |l| l.as_str().trim());
                (label.to_owned(), m.get(0).map_or(0, |l| l.end()))
            }
            None if !labelled => (format!("Track {}", n + 1), 0),
            None => return Vec::new(),
        };
        let start = from + lead + skip;
        out.push((label, start, (from + part.trim_end().len()).max(start)));
        from += part.len() + separator.len();
    }
    out
}

/// A line that breaks off mid-title: it ends in a comma, a colon or a joining word.
fn runs_on(line: &str) -> bool {
    let t = line.trim_end();
    let last = t.rsplit(char::is_whitespace).next().unwrap_or_default();
    t.ends_with([',', ':']) && !t.ends_with("::")
        || matches!(
            last,
            "and" | "or" | "of" | "the" | "a" | "an" | "to" | "for" | "with" | "in" | "on" | "&" | "vs" | "vs."
        )
}

/// `Title (Speaker)   ?`, `Title - Speaker   *`: the line without the note-taker's mark set off at
/// its end by a wide gap (a title's own `?` stands right after its last word).
fn without_mark(text: &str) -> &str {
    let trimmed = text.trim_end();
    let body = trimmed.trim_end_matches(['*', '?', '!', '+', '✓', '✔', '★', '☆']);
    if body.len() < trimmed.len() && body.ends_with("  ") && !body.trim().is_empty() { body.trim_end() } else { text }
}

/// `[A] Title`, `(Room 2) Title`: a short bracketed room or track tag opening a line, and the rest.
fn room_tag(text: &str) -> Option<(String, &str)> {
    let t = text.trim_start();
    let (open, close) = if t.starts_with('[') { ('[', ']') } else { ('(', ')') };
    let inner_end = t.strip_prefix(open)?.find(close)?;
    let tag = t[1..=inner_end].trim();
    let rest = t[inner_end + 2..].trim_start();
    // (`[Workshop Room]`, `(Salle Jean Moulin)`: a longer tag when a room word says what it is.)
    let roomy = tag.split_whitespace().any(|w| ROOM_WORDS.contains(&w.to_lowercase().as_str()));
    let short = (1..=12).contains(&tag.chars().count()) && tag.split_whitespace().count() <= 2
        || roomy && tag.chars().count() <= 24 && tag.split_whitespace().count() <= 3;
    (short && !rest.is_empty() && tag.chars().any(char::is_alphanumeric) && leading_time(tag).is_none())
        .then(|| (tag.to_owned(), rest))
}

/// `room B: Toil Budgets …`, `Track 2: …`: a room word and a short code (`B`, `2`, `A1`)
/// with a colon opening the rest (`Stage Fright: …` is a title).
fn named_room(text: &str) -> Option<(String, &str)> {
    let m = TRACK_LABEL.captures(text.trim_start())?;
    let named = m.name("named")?.as_str();
    let code = named.split_whitespace().last()?;
    let short = code.chars().count() <= 2 && code.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    let rest = text.trim_start()[m.get(0)?.end()..].trim_start();
    (short && !rest.is_empty()).then(|| (named.to_owned(), rest))
}

/// `10h45  B012       Pangenome graphs …`, `11h45  Amphi Weil Single-cell atlases …`: a room
/// standing in its own column between the time and the title: a room code set off by a wide gap
/// (three spaces or more), a room word and its short code set off by two (`11:15  Room 2  Title`),
/// or a room the file names elsewhere in brackets (`[Amphi Weil]`, `(B012)`).
fn room_column<'t>(text: &'t str, rooms: &[String]) -> Option<(String, &'t str)> {
    let t = text.trim_start();
    if let Some(gap) = t.find("   ")
        && ROOM_CODE.is_match(&t[..gap])
        && !t[gap..].trim().is_empty()
    {
        return Some((t[..gap].to_owned(), t[gap..].trim_start()));
    }
    if let Some(gap) = t.find("  ")
        && let [word, code] = t[..gap].split_whitespace().collect::<Vec<_>>()[..]
        && ROOM_WORDS.contains(&word.to_lowercase().as_str())
        && code.chars().count() <= 3
        && code.chars().all(char::is_alphanumeric)
        && !t[gap..].trim().is_empty()
    {
        return Some((t[..gap].to_owned(), t[gap..].trim_start()));
    }
    let room = rooms.iter().find(|r| t.strip_prefix(r.as_str()).is_some_and(|rest| rest.starts_with(' ')))?;
    let rest = t[room.len()..].trim_start();
    (rest.split_whitespace().count() >= 2).then(|| (room.clone(), rest))
}

/// A room's code: `B012`, `H-101`, `R2.13`, `E4`.
static ROOM_CODE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Z]{1,3}[-.]?\d{1,4}(?:[.-]\d{1,3})?[a-z]?$").expect("valid regex"));

/// Rooms the file names in brackets at the end of a timed line (`09:20 … — Dr. Abena Owusu
/// [Amphi Weil]`, `10:00 … (B012)`): a room word and a name, or a room code; longest first.
fn known_rooms(notes: &Notes<'_>) -> Vec<String> {
    let mut rooms: Vec<String> = Vec::new();
    for block in notes.blocks {
        for (line, _) in block.line_texts().filter(|(l, _)| leading_time(l).is_some()) {
            let line = line.trim_end();
            let Some(close) = line.chars().last().filter(|c| matches!(c, ']' | ')')) else { continue };
            let open = if close == ']' { '[' } else { '(' };
            let Some(at) = line.rfind(open) else { continue };
            let tag = line[at + 1..line.len() - 1].trim();
            let words: Vec<&str> = tag.split_whitespace().collect();
            let named = (2..=3).contains(&words.len())
                && ROOM_WORDS.contains(&words[0].to_lowercase().as_str())
                && words[1..].iter().all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
            if (named || ROOM_CODE.is_match(tag)) && !rooms.iter().any(|r| r == tag) {
                rooms.push(tag.to_owned());
            }
        }
    }
    rooms.sort_by_key(|r| std::cmp::Reverse(r.len()));
    rooms
}

/// A room or track opening a line: `[A] Title`, `Track B: Title`, `B: Title`, `B  Title`.
fn track_tag(text: &str) -> Option<(String, &str)> {
    let t = text.trim_start();
    if let Some(m) = TRACK_LABEL.captures(t).filter(|m| m.name("named").is_some()) {
        return Some((m["named"].trim().to_owned(), &t[m.get(0)?.end()..]));
    }
    let b = t.as_bytes();
    if b.len() > 3 && b[0].is_ascii_uppercase() && b[1] == b':' && b[2] == b' ' {
        return Some((t[..1].to_owned(), t[3..].trim_start()));
    }
    room_tag(text).or_else(|| bare_track_letter(t))
}

/// `A  Title`, `B  Title`: a track's letter alone, set off by two spaces or more (one space would
/// be a title's first word: `A Tale of Two Queues`).
fn bare_track_letter(t: &str) -> Option<(String, &str)> {
    let b = t.as_bytes();
    (b.len() > 3 && (b'A'..=b'F').contains(&b[0]) && b[1] == b' ' && b[2] == b' ')
        .then(|| (t[..1].to_owned(), t[1..].trim_start()))
}

/// Each line of a block as (start, end, file line).
fn line_spans(block: &Block) -> Vec<(usize, usize, u32)> {
    block
        .lines
        .iter()
        .enumerate()
        .map(|(i, &(start, line))| {
            let end = block.lines.get(i + 1).map_or(block.text.len(), |&(next, _)| next.saturating_sub(1)).max(start);
            (start, end, line)
        })
        .collect()
}

#[cfg(test)]
mod tests;

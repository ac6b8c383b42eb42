//! Lists of talks: `- **Title** — Speaker`, `* "Title" by A and B`, `1. Title, Speaker`,
//! `- Name: Title` lightning talks, `- Title ([[Speaker]])`, Logseq bullets with `speaker::`
//! properties. Nested bullets are the notes of the item above them.
//!
//! The items at one depth of one section are a group whose repeated form reads them all; an item
//! without speakers is a session only where the group is a list of talks (its pattern holds, or
//! a `Lightning talks` heading stands above) and it is not a break.

mod fields;
mod remarks;

use std::collections::BTreeMap;

use super::super::text::has_any_word;
use crate::model::SessionKind;
use crate::text::collapse_ws;

use super::super::body::{BodyFacts, item_labels, read_body};
use super::super::clock::leading_time;
use super::super::document::MarkKind;
use super::super::document::{Block, BlockKind};
use super::super::forms::{
    Head, Reading, is_room_line, lightning_slot, opens_with_a_remark_label, quoted_span, readings, title_only,
};
use super::super::kind::container_kind;
use super::super::names::handles::parse_handle;
use super::super::names::judge::{Likeness, judge};
use super::super::names::prose::full_name_runs;
use super::super::names::speakers::{Slot, speaker_list};
use super::super::notes::Notes;
use super::super::pattern::Group;
use super::super::structure::{is_own_section, is_structure};
use super::super::text::sentences;
use super::{Candidate, Evidence, Shape, is_break, is_title_case, lead_in};
use crate::model::NameRef;
use fields::{is_field, not_given};
use remarks::{is_clause, is_lone_ceremony, opens_a_remark};

/// Sessions written as list items.
///
/// ```
/// use confgraph::ingest::read_notes;
///
/// let notes = "# GoNorth 2023\n\n- **Generics in Anger** — Tomás Villanueva\n- Coffee break\n- **Fuzzing the Standard Library** — Yusuf Demir\n  - found 2 bugs\n";
/// let sessions = read_notes("n.md", notes.as_bytes()).0.unwrap().sessions;
/// assert_eq!(sessions.len(), 2);
/// assert_eq!(sessions[1].speakers[0].name, "Yusuf Demir");
/// ```
pub struct ListItems;

impl Shape for ListItems {
    fn name(&self) -> &'static str {
        "list item"
    }

    fn find(&self, notes: &Notes<'_>) -> Vec<Candidate> {
        // Items are read list by list: the items of a section at one depth, and apart from them
        // the items nested under a slot (`○ Lightning talks` over its talks, apart from the notes
        // nested under talks).
        let mut groups: BTreeMap<(Option<usize>, u8, Option<usize>), Vec<usize>> = BTreeMap::new();
        let mut parents: Vec<(u8, usize)> = Vec::new();
        for (i, b) in notes.blocks.iter().enumerate() {
            if !matches!(b.kind, BlockKind::Item { .. }) || b.in_quote || Some(i) == notes.header_block {
                continue;
            }
            while parents.last().is_some_and(|&(depth, _)| depth >= b.depth) {
                parents.pop();
            }
            let section = notes.section_index_holding(i);
            // (Items under `- Day 1` and `- Day 2` stay one list: only a slot over talks parts them.)
            let parent = parents
                .last()
                .map(|&(_, p)| p)
                .filter(|&p| notes.section_index_holding(p) == section && slot_kind(&notes.blocks[p].text).is_some());
            groups.entry((section, b.depth, parent)).or_default().push(i);
            parents.push((b.depth, i));
        }
        let mut out = Vec::new();
        for ((section, _, _), items) in groups {
            out.extend(read_group(notes, section, &items));
        }
        out.sort_by_key(|c| (c.anchor, c.offset));
        out
    }
}

/// The first line of an item (its first sentence when more follow: `Title — Speaker. Great
/// talk.`), a leading time taken off.
fn head_of(block: &Block) -> (Head, Option<String>, usize) {
    let mut end = block.lines.get(1).map_or(block.text.len(), |&(s, _)| s.saturating_sub(1));
    // `Panel - T - chaired by Rebecca Osei, with` / `Luca Bianchi (Parma) and Sunita Gill`: a first
    // line left hanging on a joining word goes on in the second.
    if dangles(&block.text[..end]) {
        end = block.lines.get(2).map_or(block.text.len(), |&(s, _)| s.saturating_sub(1));
    }
    if let Some(&(_, first_end)) = sentences(&block.text[..end]).first() {
        let after = block.text[first_end..end].trim_start();
        // `*Heat Pumps in Nairobi? Yes, Really* by Grace Muthoni`: not inside emphasis.
        let inside_mark = block.marks.iter().any(|m| m.start < first_end && m.end > first_end);
        // `Who owns the authority file? Moderated by …`: who gave it goes on in the next sentence.
        let credits = ["Moderated by", "Chaired by", "Hosted by", "Presented by", "By ", "With ", "Led by"]
            .iter()
            .any(|w| after.starts_with(w));
        // `Acoustic SLAM Under Sea Ice. Ji-ho Park, Anna Kowalska (TalTech)`: the authors of a paper.
        let authors = || speaker_list(after.trim_end_matches('.'), Slot::Guessed).is_some();
        // `PBT'ing the billing system. shrinking demo ✔`: a lower-case sentence after a full stop
        // is the note-taker's remark too.
        // (Not when a speaker slot follows: `Postgres 16. what's new — Hannah Vogel`.)
        let slot_after = [" — ", " – ", " - ", " -- "].iter().any(|d| after.contains(d));
        let remark = after.starts_with(char::is_lowercase) && block.text[..first_end].ends_with('.') && !slot_after;
        if (after.starts_with(char::is_uppercase) || remark) && !inside_mark && !credits && !authors() {
            end = if remark { first_end - 1 } else { first_end };
        }
    }
    // `TODO watch recording: …`: an outline's task marker is not part of the item.
    let marker = TASK_MARKERS.iter().find(|m| block.text.starts_with(*m)).map_or(0, |m| m.len());
    let first = &block.text[..end];
    if let Some((time, rest)) = leading_time(&first[marker..]) {
        let start = end - rest.len();
        return (Head::of(block, start, end), Some(time), start);
    }
    (Head::of(block, marker, end), None, marker)
}

/// Whether a line stops on a word or mark that joins it to the next (`…, with`, `… and`, `…,`),
/// or inside a bracket the next line closes (`Vector Tiles (Arjun Mehta, a small startup in` /
/// `Bangalore)`, a hard-wrapped e-mail).
fn dangles(line: &str) -> bool {
    let t = line.trim_end();
    let last = t.rsplit(' ').next().unwrap_or_default();
    // (`Label Placement :-(` is a face, not a bracket.)
    let open_bracket =
        t.rfind('(').is_some_and(|open| !t[open..].contains(')') && t[open + 1..].starts_with(char::is_alphabetic));
    t.ends_with([',', '&']) || ["with", "and", "by", "featuring", "feat."].contains(&last) || open_bracket
}

/// `**Title** — Speaker` as a paragraph over a list: the list is notes of that talk, and an item
/// of it that names no one is one of those notes (`- DeepL and ModernMT as examples`).
fn opens_a_talk(lead: &Block) -> bool {
    let bold_start = lead.marks.iter().find(|m| m.start == 0 && m.kind == MarkKind::Strong);
    lead.kind == BlockKind::Paragraph
        && !lead.text.trim_end().ends_with(':')
        && bold_start.is_some_and(|m| m.end < lead.text.len() && container_kind(&lead.text[..m.end]).is_none())
}

/// Task markers of Logseq and Org outlines and Markdown checklists, in front of an item.
const TASK_MARKERS: &[&str] = &["TODO ", "DONE ", "LATER ", "NOW ", "DOING ", "WAITING ", "[x] ", "[X] ", "[ ] "];

fn is_item(block: &Block) -> bool {
    matches!(block.kind, BlockKind::Item { .. })
}

/// The blocks nested under item `i`: everything deeper, up to the next block as shallow.
fn children(blocks: &[Block], i: usize) -> Vec<usize> {
    let depth = blocks[i].depth;
    let mut out = Vec::new();
    for (j, b) in blocks.iter().enumerate().skip(i + 1) {
        if b.heading_level().is_some()
            || b.depth < depth
            || b.depth == depth && matches!(b.kind, BlockKind::Item { .. })
        {
            break;
        }
        if b.depth == 0 {
            break;
        }
        out.push(j);
    }
    out
}

/// The kind a list's surroundings give: a grouping heading above, or a lead-in line right
/// before the list (`**Lightning talks**`, `Lightning talks weren't listed, I caught two:`).
fn kind_around(notes: &Notes<'_>, section: Option<usize>, first_item: usize) -> Option<SessionKind> {
    let lead =
        first_item.checked_sub(1).map(|p| &notes.blocks[p]).filter(|b| b.depth == 0 && b.kind == BlockKind::Paragraph);
    if let Some(kind) = lead.and_then(|b| lead_kind(&b.text)) {
        return Some(kind);
    }
    // `- Lightning talks` as the item these are nested under.
    let depth = notes.blocks[first_item].depth;
    let parent = notes.blocks[..first_item].iter().rev().find(|b| b.depth < depth || b.heading_level().is_some());
    if let Some(k) = parent.filter(|b| is_item(b)).and_then(|b| slot_kind(&b.text)) {
        return Some(k);
    }
    let mut s = section;
    while let Some(i) = s {
        if let Some(k) = container_kind(&notes.blocks[notes.sections[i].heading].text) {
            return Some(k);
        }
        s = notes.sections[i].parent;
    }
    None
}

/// Words of talks planned, not given (`- lightning talk ideas for next year:`).
const PLANNING_WORDS: &[&str] =
    &["idea", "ideas", "next", "proposal", "proposals", "submit", "cfp", "todo", "plan", "maybe", "wishlist"];

/// The kind an item over nested talks gives them: `- Lightning talks`, `- lightning talks at the
/// end:`.
fn slot_kind(text: &str) -> Option<SessionKind> {
    // (`- lightning talk ideas for next year:` plans talks nobody gave.)
    let planned = has_any_word(text, PLANNING_WORDS);
    container_kind(text).or_else(|| lead_kind(text).filter(|_| text.trim_end().ends_with(':') && !planned))
}

/// `Lightning talks …`, `⚡ Lightning`, `Keynotes:` opening a line; `Then the lightning talks:`
/// leading into a list.
fn lead_kind(text: &str) -> Option<SessionKind> {
    let lower = text.to_lowercase();
    if text.trim_end().ends_with(':') && lower.contains("lightning") {
        return Some(SessionKind::Lightning);
    }
    let first = text.split_whitespace().find(|w| w.chars().any(char::is_alphanumeric))?.to_lowercase();
    let first = first.trim_matches(|c: char| !c.is_alphanumeric());
    match first {
        "lightning" | "lightnings" => Some(SessionKind::Lightning),
        "keynotes" => Some(SessionKind::Keynote),
        "workshops" | "tutorials" => Some(SessionKind::Tutorial),
        "panels" => Some(SessionKind::Panel),
        _ => None,
    }
}

/// An item of a list of talks that opens with who gave it: `Tomás de la Vega did *Go on a
/// Raspberry Pi Zero*, with …`, `Mei-Ling Chou on “Reading the Go Spec for Fun”`, `@gretagophs
/// built a toy DNS server` (a talk whose title the notes do not give).
fn loose_reading(head: &Head) -> Option<Reading> {
    let text = head.text.as_str();
    let first = text.split_whitespace().next()?;
    let (who, after) = if let Some(handle) = parse_handle(first.trim_end_matches([',', ':'])) {
        let mut n = NameRef::named(format!("@{handle}"));
        n.handles.push(format!("@{handle}"));
        (n, first.len())
    } else {
        let (offset, name) = full_name_runs(text).into_iter().next()?;
        if offset != 0 {
            return None;
        }
        let end = text
            .find(name.split(' ').next_back().unwrap_or_default())
            .map_or(name.len(), |i| i + name.split(' ').next_back().unwrap_or_default().len());
        (NameRef::named(name), end)
    };
    let rest = &text[after..];
    // (`Bao Nguyen's talk on … I don't`: the possessive's apostrophe opens no quote.)
    let rest = rest.strip_prefix("'s").or_else(|| rest.strip_prefix("’s")).unwrap_or(rest);
    let title = quoted_span(rest)
        .map(|(_, _, inner)| inner.trim().to_owned())
        .or_else(|| {
            head.marks
                .iter()
                .find(|(k, s, _)| matches!(k, MarkKind::Strong | MarkKind::Emphasis) && *s >= after)
                .map(|&(_, s, e)| text[s..e].trim().to_owned())
        })
        .or_else(|| {
            // `Wiremu Ngata-Parata: Macrons, screen readers and te reo Māori` in a list of talks:
            // the name, a colon or a dash, and the title however it is cased.
            [":", " — ", " – ", " - "]
                .iter()
                .find_map(|sep| rest.strip_prefix(sep))
                .map(|t| collapse_ws(t.trim()))
                .filter(|t| !t.is_empty())
        })
        .unwrap_or_default();
    let title = title.trim_end_matches([',', '.']).to_owned();
    Some(Reading { key: "Speaker did \"Title\"".into(), title, speakers: vec![who], score: 2, kind: None, rest: None })
}

/// The speakers an item's first nested bullet names (`- Ana de la Fuente & Tomás Ibarra (BNE)`)
/// and that bullet, when it is nothing but names.
fn speakers_below(blocks: &[Block], kids: &[usize], talks_here: bool) -> Option<(Vec<NameRef>, usize)> {
    let &j = kids.first()?;
    let child = &blocks[j];
    if !is_item(child) || child.lines.len() > 1 {
        return None;
    }
    let (head, _, _) = head_of(child);
    let slot = if talks_here { Slot::Stated } else { Slot::Guessed };
    let text = head.text.trim().trim_start_matches(['—', '–']).trim();
    speaker_list(text, slot).map(|names| (names, j))
}

/// Items that are no session of their own: a group over nested talks (`- Lightning talks`, a
/// room, an edition), a label line of the session above (`- **Speaker:** Joost van der Meer`),
/// tags (`- #liveview #performance`), structure and bare links.
fn not_an_item_of_its_own(notes: &Notes<'_>, i: usize, head: &Head, kids: &[usize], own: &BodyFacts) -> bool {
    let block = &notes.blocks[i];
    let groups = kids.iter().any(|&j| is_item(&notes.blocks[j]))
        && (container_kind(&head.text).is_some() || is_room_line(&head.text));
    let field = is_field(&head.text) && own.title.is_none();
    let only_tags = head.text.split_whitespace().all(|w| w.starts_with('#'));
    groups
        || super::super::notes::edition_item(notes, i)
        || not_given(&head.text)
        || field
        || head.text.is_empty()
        || only_tags
        || is_structure(&head.text)
        || block.is_links_only()
}

/// The title an item's own label states (`- talk: passkeys in the wild — Tariq J. w/ Lena
/// Vogt`), and the speakers that value names when no label names them.
fn take_own_title(r: &mut Reading, own: &BodyFacts) {
    let Some(t) = &own.title else { return };
    r.title.clone_from(t);
    if own.stated {
        return;
    }
    let whole = readings(&Head::plain(t), Slot::Guessed)
        .into_iter()
        .find(|w| w.score >= 2 && !w.speakers.is_empty() && w.key.starts_with("Title"));
    if let Some(w) = whole {
        r.title = w.title;
        r.speakers = w.speakers;
    }
}

/// Where an item stands, for [`is_a_note`].
struct ItemContext {
    /// The list is a list of talks (its pattern holds, or a heading or lead-in says so).
    talks_here: bool,
    /// Under the note-taker's own section (`## People`, `Follow-ups:`).
    own_section: bool,
    /// Under a paragraph that is a talk line (`**Title** — Speaker`).
    under_a_talk: bool,
}

/// Whether an item read as `r` is a note rather than a talk: without speakers, a sentence, a
/// break, a name alone or an item of notes; with them, an action item (`• Kemal: write up the
/// docs`), a remark about someone met (`- Beata Kowalczyk — we should compare RUM setups`) or a
/// line under the note-taker's own section.
fn is_a_note(r: &Reading, evidence: Evidence, labelled: bool, cx: &ItemContext) -> bool {
    if evidence == Evidence::Place {
        let person_only = judge(&r.title).likeness >= Likeness::Plausible;
        // `- the "boring Go" argument but with numbers`: a sentence in a list is a note;
        // `Lightning talks -- I didn't catch all of them, but …`: one left to the prose reader.
        let sentence = r.title.starts_with(char::is_lowercase) && !is_title_case(&r.title)
            || r.title.split_whitespace().count() > 14;
        return !(cx.talks_here || labelled)
            || opens_with_a_remark_label(&r.title)
            || cx.own_section
            || cx.under_a_talk
            || is_break(&r.title)
            || person_only
            || sentence
            || container_kind(&r.title).is_some();
    }
    let lower_case = r.title.starts_with(char::is_lowercase) && !is_title_case(&r.title);
    is_break(&r.title) && r.speakers.iter().all(|s| judge(&s.name).likeness < Likeness::Plausible)
        || !cx.talks_here && r.key.contains("Speaker: Title") && lower_case
        // `- Rui Yamada: open hardware helps repairability`: what someone said, in a clause.
        || r.key.contains("Speaker: Title") && lower_case && evidence < Evidence::Stated && is_clause(&r.title)
        || cx.own_section && r.key.starts_with("Speaker did")
        || evidence < Evidence::Stated && opens_a_remark(&r.title)
        || cx.own_section && evidence < Evidence::Stated && !is_title_case(&r.title)
}

fn read_group(notes: &Notes<'_>, section: Option<usize>, items: &[usize]) -> Vec<Candidate> {
    // `## Posters` / `- Dust Maps as a Service — Matteo Rinaldi`: no talk.
    if items.first().is_some_and(|&i| notes.under_posters_or_reading(i)) {
        return Vec::new();
    }
    let heads: Vec<(Head, Option<String>, usize)> = items.iter().map(|&i| head_of(&notes.blocks[i])).collect();
    let just_heads: Vec<Head> = heads.iter().map(|h| h.0.clone()).collect();
    let group = Group::new(&just_heads);
    let context_kind = items.first().and_then(|&i| kind_around(notes, section, i));
    let talks_here = group.pattern.holds() || context_kind.is_some();
    // Under the note-taker's own section (`## People`, `## Follow-ups`), an item is a note.
    let lead = items.first().and_then(|&i| i.checked_sub(1)).map(|p| &notes.blocks[p]);
    let own_section = section.is_some_and(|s| is_own_section(&notes.blocks[notes.sections[s].heading].text))
        || lead.is_some_and(|b| b.kind == BlockKind::Paragraph && is_own_section(&b.text));
    let talk_beside = (0..items.len()).any(|k| !group.read(k).speakers.is_empty());
    let read = GroupRead { notes, group: &group, talks_here, talk_beside, own_section, context_kind };
    let mut out = Vec::new();
    // The last block outside any list before the item, found walking forward once (items come
    // in order): `Follow-ups:` over a later list of the same section makes it the note-taker's.
    let mut last_top: Option<usize> = None;
    let mut walked = 0;
    for (k, (&i, (head, time, start))) in items.iter().zip(heads).enumerate() {
        for j in walked..i {
            if notes.blocks[j].depth == 0 {
                last_top = Some(j);
            }
        }
        walked = walked.max(i);
        let lead_here = last_top.map(|j| &notes.blocks[j]);
        out.extend(read.item(Item { k, block: i, head, time, start }, lead_here));
    }
    out
}

/// What a group of items shares while each is read.
struct GroupRead<'g, 'n> {
    notes: &'g Notes<'n>,
    group: &'g Group<'g>,
    /// The group repeats a talk pattern, or a heading or slot above says it holds talks.
    talks_here: bool,
    /// An item of the group reads as a talk with its speakers.
    talk_beside: bool,
    /// Under the note-taker's own section.
    own_section: bool,
    /// The kind a heading or slot above gives.
    context_kind: Option<SessionKind>,
}

/// One item of a group: its place in the group and in the blocks, its head, time and offset.
struct Item {
    k: usize,
    block: usize,
    head: Head,
    time: Option<String>,
    start: usize,
}

impl GroupRead<'_, '_> {
    /// The session an item holds, if it holds one.
    fn item(&self, item: Item, lead_here: Option<&Block>) -> Option<Candidate> {
        let (notes, i) = (self.notes, item.block);
        let block = &notes.blocks[i];
        // (Under `Recommended reading:`, `- Leslie Lamport — Time, Clocks, …` is no talk.)
        let lead_is = |b: &Block, test: fn(&str) -> bool| b.kind == BlockKind::Paragraph && test(&b.text);
        if lead_here.is_some_and(|b| lead_is(b, super::super::structure::is_posters_or_reading)) {
            return None;
        }
        let own_section = self.own_section || lead_here.is_some_and(|b| lead_is(b, is_own_section));
        // An outline item's own properties: `title:: …`, `speaker:: [[…]]`, `type:: keynote`.
        let own = item_labels(block);
        let kids = children(notes.blocks, i);
        if not_an_item_of_its_own(notes, i, &item.head, &kids, &own) {
            return None;
        }
        let mut r = self.head_reading(&item, block, &own)?;
        // (Only right under what says so: `action items for us:` over `• Kemal: write up the
        // docs`, later in the section, starts a list of its own.)
        let parent = notes.blocks[..i].iter().rev().find(|b| b.depth < block.depth || b.heading_level().is_some());
        let said_here = parent.is_some_and(|b| is_item(b) && slot_kind(&b.text).is_some())
            || lead_here.is_none_or(|b| b.heading_level().is_some() || lead_kind(&b.text).is_some());
        // (`Lightning talks:` over the second list of a section: its own lead-in says so.)
        let lead_says = lead_here.filter(|b| b.kind == BlockKind::Paragraph).and_then(|b| lead_kind(&b.text));
        if r.speakers.is_empty()
            && lead_says.or(self.context_kind) == Some(SessionKind::Lightning)
            && said_here
            && let Some(slot) = lightning_slot(&item.head.text)
        {
            r = slot;
        }
        let mut found = Found { body: kids.clone(), speaker_line: block.line, evidence: Evidence::Place };
        found.evidence = if own.stated {
            Evidence::Stated
        } else if r.speakers.is_empty() {
            Evidence::Place
        } else {
            Evidence::Read
        };
        self.speakers_around(&item, block, &kids, &mut r, &mut found);
        // Labels of the item's own bullets, not of talks nested deeper (`- Main hall` / `- Panel:
        // …` / `- moderator: …`).
        let own_bullets: Vec<usize> =
            kids.iter().copied().filter(|&j| notes.blocks[j].depth <= block.depth + 1).collect();
        let facts = read_body(notes.blocks, &own_bullets, Slot::Guessed);
        if facts.stated {
            r.speakers.clone_from(&facts.speakers);
            found.speaker_line = facts.speaker_line;
            found.evidence = Evidence::Stated;
        }
        if let Some(t) = &facts.title {
            if r.speakers.is_empty() && judge(&r.title).likeness >= Likeness::Plausible {
                r.speakers = speaker_list(&r.title, Slot::Guessed).unwrap_or_default();
            }
            r.title.clone_from(t);
            found.evidence = found.evidence.max(Evidence::Read);
        }
        let kind = r.kind.or(facts.kind).or(self.context_kind);
        let cx =
            ItemContext { talks_here: self.talks_here, own_section, under_a_talk: lead_here.is_some_and(opens_a_talk) };
        // `- Closing remarks + raffle` after `- **Closing keynote: …** — Guadalupe Ibarra`: a
        // ceremony in a list of talks needs no speaker.
        let ceremony = self.talk_beside && is_lone_ceremony(&r.title);
        if is_a_note(&r, found.evidence, r.kind.is_some() || facts.title.is_some() || ceremony, &cx) {
            return None;
        }
        found.body.retain(|j| !facts.consumed.contains(j));
        let mut c = Candidate::new("list item", format!("list item {}", r.key), i, block.line, r.title);
        c.offset = item.start;
        c.speakers = r.speakers;
        c.speaker_line = found.speaker_line;
        c.kind = kind;
        c.time = item.time.or(facts.time);
        c.room = facts.room;
        c.links = facts.links;
        c.abstract_text = facts.abstract_text;
        c.evidence = found.evidence;
        c.body = found.body;
        c.used = facts.consumed;
        Some(c)
    }

    /// The item's first line read by the group's pattern (or as a label line), with the item's
    /// own properties; `None` for a task (`- [ ] read the paper by [[Rajesh Iyer]]`).
    fn head_reading(&self, item: &Item, block: &Block, own: &BodyFacts) -> Option<Reading> {
        let first_is_label = is_field(&item.head.text);
        let mut r = if first_is_label { title_only(&item.head) } else { self.group.read(item.k) };
        let task = block.text.starts_with("[ ] ")
            || block.text.starts_with("TODO ")
            || block.text.get(..6).is_some_and(|t| t.eq_ignore_ascii_case("#todo "));
        if task && r.title.starts_with(char::is_lowercase) {
            return None;
        }
        take_own_title(&mut r, own);
        if own.stated {
            r.speakers.clone_from(&own.speakers);
            r.key = "outline properties".into();
        }
        r.kind = r.kind.or(own.kind);
        if own.stated && r.title.starts_with(char::is_lowercase) {
            // `watch recording: Tiny RISC-V Cores`, its speaker stated below.
            let skip = lead_in(&r.title);
            r.title.drain(..skip);
        }
        Some(r)
    }

    /// Speakers the head does not give: the item's second line, its first nested bullet
    /// (`- **Title**` / `- Name (Org)`, as Notion and Google Docs write), or a looser reading.
    fn speakers_around(&self, item: &Item, block: &Block, kids: &[usize], r: &mut Reading, found: &mut Found) {
        if r.speakers.is_empty()
            && let Some((text, line)) = block.line_texts().nth(1)
        {
            let slot = if self.talks_here { Slot::Stated } else { Slot::Guessed };
            if let Some(names) = speaker_list(text.trim_start_matches(['—', '–', '-']).trim(), slot) {
                r.speakers = names;
                found.speaker_line = line;
                found.evidence = Evidence::Read;
            }
        }
        if r.speakers.is_empty()
            && let Some((names, j)) = speakers_below(self.notes.blocks, kids, self.talks_here)
        {
            r.speakers = names;
            found.speaker_line = self.notes.blocks[j].line;
            found.evidence = Evidence::Read;
            found.body.retain(|&b| b != j);
        }
        if r.speakers.is_empty()
            && self.talks_here
            && let Some(loose) = loose_reading(&item.head)
        {
            *r = loose;
            found.evidence = Evidence::Read;
        }
    }
}

/// Where an item's speakers were found, how surely, and the blocks left as its notes.
struct Found {
    body: Vec<usize>,
    speaker_line: u32,
    evidence: Evidence,
}

#[cfg(test)]
mod tests;

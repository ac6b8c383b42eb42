//! What the lines under a session's head say about it: label lines (`Speaker:`, `Room:`,
//! `Title:`), a bare speaker line, a by-line (`This talk by …`, `By A and B`), a sentence that
//! opens with the presenter (`Luciana Abud demoing …`), a handle (`@izcoder`, `Speaker's
//! twitter: twitter.com/ucodery`), `Panel with A, B and C`.
//!
//! Owns reading a body's opening blocks into [`BodyFacts`]. The blocks it used up as labels are
//! listed, so the session's notes do not repeat them.

use crate::model::{NameRef, SessionKind};

use super::clock::leading_time;
use super::document::{Block, BlockKind};
use super::forms::{ByNames, Form, Head, is_room_line};
use super::kind::{classify, strip_kind_label};
use super::labels::{Field, labels_of};
use super::names::handles::{display_url, parse_handle, profile_handle};
use super::names::prose::{leading_presenter, leading_presenters};
use super::names::speakers::{Slot, speaker_list};
use crate::text::collapse_ws;

/// What a body says about its session.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BodyFacts {
    /// Speakers, when the body names them.
    pub speakers: Vec<NameRef>,
    /// Where.
    pub speaker_line: u32,
    /// How (`label lines`, `speaker line`, `by-line` …).
    pub speaker_form: &'static str,
    /// True when a label or a by-line states them (not a guess from a bare line).
    pub stated: bool,
    /// A `Title:` label.
    pub title: Option<String>,
    /// The first paragraph when it is nothing but a quoted title (`"Untold Stories from …"`).
    pub quoted: Option<String>,
    /// A `Type:`/`Format:` label, or `Panel with …`.
    pub kind: Option<SessionKind>,
    /// A `Time:`/`When:` label.
    pub time: Option<String>,
    /// A `Room:`/`Track:` label.
    pub room: Option<String>,
    /// Links of `Slides:`/`Video:` labels.
    pub links: Vec<String>,
    /// An `Abstract:` label.
    pub abstract_text: Option<String>,
    /// Blocks read whole as labels or as the speaker line: not notes.
    pub consumed: Vec<usize>,
}

/// How many of the first body blocks may hold the speaker line or labels.
const OPENING: usize = 6;

/// Reads the opening blocks of a body (block indices into `blocks`, in order). `speaker_slot`
/// says how sure the caller is that a bare line under the head holds its speakers (the pattern
/// of the file's other sessions).
#[must_use]
pub fn read_body(blocks: &[Block], body: &[usize], speaker_slot: Slot) -> BodyFacts {
    let mut facts = BodyFacts::default();
    let opening: Vec<usize> = body
        .iter()
        .copied()
        .take_while(|&i| blocks[i].heading_level().is_none())
        .filter(|&i| blocks[i].kind != BlockKind::Code)
        .take(OPENING)
        .collect();
    // `## Sessions` over `- talk:: Mihi whakatau` / `- talk:: Projections …`: list items that
    // each state a title are sessions of their own, not labels of the heading's.
    let states_a_title = |b: &Block| {
        matches!(b.kind, BlockKind::Item { .. })
            && b.line_texts().next().is_some_and(|(l, _)| labels_of(l).iter().any(|l| l.field == Field::Title))
    };
    let titled_items = body.iter().filter(|&&i| states_a_title(&blocks[i])).take(2).count();
    let opening: Vec<usize> = if titled_items >= 2 {
        opening.into_iter().filter(|&i| !states_a_title(&blocks[i])).collect()
    } else {
        opening
    };
    for (k, &i) in opening.iter().enumerate() {
        // `**Panel: Procurement as a Lever**` / `Moderator: …` after the head's own speakers: the
        // record of another session, not more labels of this one.
        if k > 0 && facts.stated && blocks[i].bold_first_line().is_some() {
            break;
        }
        read_labels(&blocks[i], i, &mut facts);
    }
    // `### Nana Akua Mensah Keynote` / `> "Threat Models Are Love Letters …"`: a title quoted
    // in a block quote, first under the head.
    if let Some(&first) = opening.first()
        && blocks[first].in_quote
        && blocks[first].lines.len() == 1
    {
        let line = blocks[first].text.trim();
        let inner = super::forms::strip_quotes(line);
        // (A sentence the speaker said is no title: `> "Nobody reads the threat model."`.)
        let titled = super::text::is_title_case(inner) && !inner.trim_end().ends_with('.');
        if inner.len() < line.len() && !inner.contains(['"', '“', '”']) && titled {
            facts.quoted = Some(collapse_ws(inner));
        }
    }
    if facts.speakers.is_empty()
        && let Some(&first) = opening.iter().find(|&&i| {
            let b = &blocks[i];
            // (A table's rows are the table's, never a speaker line: `| ID | Day / time |`.)
            !b.in_quote
                && !matches!(b.kind, BlockKind::Row { .. })
                && !b.is_links_only()
                && !facts.consumed.contains(&i)
                && !b.text.trim().is_empty()
        })
    {
        read_speaker_line(&blocks[first], first, speaker_slot, &mut facts);
    }
    if facts.speakers.is_empty() {
        read_handle_label(blocks, body, &mut facts);
    }
    facts
}

/// `## Opening remarks` over `Ane Irazabal (chair) and Garazi Etxeberria did the welcome …`, `##
/// Closing remarks` over `Ane Irazabal again.`: the full names opening the first paragraph of a
/// ceremony gave it; so does the one its first line says it is `from` or `by` (`Welcome from the
/// general chair, Prof. Ignacio Araya Pizarro.`).
pub fn ceremony_givers(blocks: &[Block], body: &[usize], title: &str, facts: &mut BodyFacts) {
    let Some(first) = body.first().map(|&i| &blocks[i]).filter(|b| b.kind == BlockKind::Paragraph && !b.in_quote)
    else {
        return;
    };
    if classify(title, None, None) != SessionKind::Ceremony {
        return;
    }
    let line = first.line_texts().next().map_or("", |(l, _)| l);
    let from = [" from ", " by "].iter().find_map(|w| line.split_once(w)).and_then(|(_, rest)| {
        let clause = first_sentence(rest);
        let named = clause.split(';').next().unwrap_or(clause).rsplit(", ").next().unwrap_or(clause).trim();
        speaker_list(named, Slot::Guessed).filter(|n| n.iter().all(|p| p.name.contains(' ')))
    });
    // (The prose reader's leading names, which are full names only.)
    if let Some(names) = super::names::prose::leading_names(&first.text).or(from) {
        facts.speakers = names;
        facts.speaker_line = first.line;
        facts.speaker_form = "presenter sentence";
    }
}

/// The label lines of a list item itself (an outline's `title::`, `speaker::` properties).
#[must_use]
pub fn item_labels(block: &Block) -> BodyFacts {
    let mut facts = BodyFacts::default();
    for (line, number) in block.line_texts() {
        for l in labels_of(line) {
            apply_label(l.field, &l.label, &l.value, number, block, &mut facts);
        }
    }
    facts
}

/// Label lines of one block; a block made only of labels is consumed.
fn read_labels(block: &Block, index: usize, facts: &mut BodyFacts) {
    if block.in_quote {
        return;
    }
    let mut all_labels = true;
    for (line, number) in block.line_texts() {
        // `12:10 Panel: …` over `moderator:: …`: labels under a time-led line are its entry's.
        // (`10:15 · Room B` is the head's own time and room.)
        if leading_time(line).is_some_and(|(_, rest)| rest.split_whitespace().count() >= 3 && !is_room_line(rest)) {
            return;
        }
        let found = labels_of(line);
        if found.is_empty() {
            all_labels = false;
            continue;
        }
        for l in found {
            // `Talk by Amina Yusuf. Procurement data …`: a by-label that does not read as names
            // leaves its line to the speaker-line reader.
            let unread = l.field == Field::Speakers && label_names(&l.value).is_none();
            all_labels &= !unread;
            apply_label(l.field, &l.label, &l.value, number, block, facts);
        }
    }
    if all_labels {
        facts.consumed.push(index);
    }
}

fn apply_label(field: Field, label: &str, value: &str, line: u32, block: &Block, facts: &mut BodyFacts) {
    let value = value.trim();
    match field {
        Field::Speakers => {
            let value = value.replace("[[", "").replace("]]", "");
            if let Some(names) = label_names(&value) {
                if facts.speakers.is_empty() || !facts.stated {
                    facts.speaker_line = line;
                    facts.speaker_form = "label lines";
                }
                facts.stated = true;
                for n in names {
                    if !facts.speakers.iter().any(|s| s.name == n.name) {
                        facts.speakers.push(n);
                    }
                }
            }
            if label.starts_with("panel") || label.starts_with("moderat") || label == "mod" {
                facts.kind = Some(SessionKind::Panel);
            }
        }
        Field::Title => {
            if !value.is_empty() && facts.title.is_none() {
                // (`Title: Workshop: Building a Granular Synth`: the kind is no part of the title.)
                let (title, kind) = super::kind::strip_kind_label(value);
                facts.title = Some(collapse_ws(super::forms::strip_quotes(&title)));
                facts.kind = facts.kind.or(kind);
            }
        }
        Field::Room => facts.room = facts.room.take().or_else(|| Some(value.to_owned())),
        Field::Time => facts.time = facts.time.take().or_else(|| Some(value.to_owned())),
        Field::Links => {
            for link in block.links.iter().filter(|l| value.contains(&l.text) || value.contains(&l.url)) {
                facts.links.push(link.url.clone());
            }
            if value.starts_with("http") && !facts.links.iter().any(|l| l == value) {
                facts.links.push(value.split_whitespace().next().unwrap_or(value).to_owned());
            }
        }
        Field::Abstract => facts.abstract_text = Some(value.to_owned()),
        Field::Kind => facts.kind = super::kind::kind_word(value).or(facts.kind),
        Field::Other => {}
    }
}

/// What follows `lead` (lower-case) at the start of `line`, in any case. (Slicing `line` by the
/// length of its lower-cased copy would cut inside a letter whose lower case is longer: `İ`.)
fn after_lead<'l>(line: &'l str, lead: &str) -> Option<&'l str> {
    line.get(..lead.len()).filter(|head| head.to_lowercase() == lead).map(|_| &line[lead.len()..])
}

/// Words that open a panel's first line with its moderator.
const MODERATED_BY: &[&str] = &[
    "moderated by ",
    "chaired by ",
    "hosted by ",
    "moderiert von ",
    "animée par ",
    "animé par ",
    "moderado por ",
    "moderada por ",
];

/// What joins a moderator to the panel in one line.
const PANEL_JOINS: &[&str] =
    &[" with ", " — panelists ", " – panelists ", " - panelists ", "; panelists ", ", panelists "];

/// The words that open a line of a panel's members under its moderator's line.
const PANELISTS: &[&str] = &["panelists: ", "panellists: ", "panelists ", "panellists ", "with "];

#[must_use]
/// The first sentence of `text`, without its full stop: up to a full stop outside any bracket
/// (`Dr.`, `J.`: a full stop after a title or an initial ends no sentence).
pub fn first_sentence(text: &str) -> &str {
    let mut depth = 0i32;
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            '.' if depth <= 0
                && (i + 1 == text.len() || text[i + 1..].starts_with(' '))
                && !text[..i].rsplit(' ').next().is_some_and(super::names::judge::is_shortened) =>
            {
                return &text[..i];
            }
            _ => {}
        }
    }
    text
}

/// The names a speaker label's value gives: the whole value, or its first sentence when notes
/// run on after it (`Speaker: Amina Yusuf. Procurement data is messy.`).
fn label_names(value: &str) -> Option<Vec<NameRef>> {
    // (`Moderator: Dr. Thabo Nkosi. Panelists: A, B, C` reads whole: the more names, the better.)
    let whole = speaker_list(value, Slot::Stated);
    let sentence = first_sentence(value);
    if sentence.len() < value.trim_end_matches('.').len()
        && let Some(first) = speaker_list(sentence, Slot::Stated)
        && first.len() >= whole.as_ref().map_or(0, Vec::len)
    {
        return Some(first);
    }
    whole
}

/// `Moderated by Tendai Moyo (National Archives? — check), with Elif Demir and Rafael Saldanha.
/// The question: …`: the moderator, then the panellists, in the line's first sentence.
fn moderated_line(line: &str) -> Option<Vec<NameRef>> {
    let rest = MODERATED_BY.iter().find_map(|lead| after_lead(line, lead))?;
    let sentence = first_sentence(rest);
    // (`moderated by Rosa Jiménez — panelists Dara O'Keefe, …`: the panel after a dash too.)
    let join = PANEL_JOINS.iter().filter_map(|j| sentence.find(j).map(|at| (at, j.len()))).min();
    let (moderator, panel) = match join {
        Some((at, len)) => (sentence[..at].trim_end().trim_end_matches(','), Some(&sentence[at + len..])),
        None => (sentence, None),
    };
    let mut names = speaker_list(moderator, Slot::Guessed).or_else(|| leading_names(moderator))?;
    let panel = panel.and_then(|p| speaker_list(p, Slot::Guessed).or_else(|| leading_names(p)));
    add_new_names(&mut names, panel.unwrap_or_default());
    Some(names)
}

/// A first line that opens with the words that bring its speakers: `Panel with A, B and C`,
/// `Moderated by X, with A and B`, `A talk by X`, `Led by X`. True when it gave them.
fn lead_line(line: &str, number: u32, facts: &mut BodyFacts) -> bool {
    for lead in ["panel with ", "a panel with ", "panelists ", "with "] {
        if let Some(rest) = after_lead(line, lead)
            && let Some(names) = speaker_list(rest.trim_end_matches('.'), Slot::Guessed)
        {
            set_speakers(facts, names, number, "panel line", true);
            facts.kind = Some(SessionKind::Panel).filter(|_| lead.contains("panel")).or(facts.kind);
            return true;
        }
    }
    // `Panel, moderated by Kiri Te Awa, with …`: a kind word before the moderator.
    let line =
        ["panel, ", "panel — ", "panel - ", "a panel, "].iter().find_map(|lead| after_lead(line, lead)).unwrap_or(line);
    if let Some(names) = moderated_line(line) {
        set_speakers(facts, names, number, "moderated line", true);
        facts.kind = Some(SessionKind::Panel);
        return true;
    }
    for lead in [
        "this talk by ",
        "this keynote by ",
        "this tutorial by ",
        "this workshop by ",
        "a talk by ",
        "talk by ",
        "by ",
        "presented by ",
        "given by ",
        "workshop led by ",
        "led by ",
    ] {
        if let Some(rest) = after_lead(line, lead) {
            let rest = rest.trim_end_matches('.');
            if let Some(names) = speaker_list(rest, Slot::Guessed).or_else(|| leading_names(rest)) {
                set_speakers(facts, names, number, "by-line", true);
                return true;
            }
        }
    }
    false
}

/// The first line under a head: a bare name list, a by-line, a presenter sentence, a handle,
/// `Panel with A, B and C`.
fn read_speaker_line(block: &Block, index: usize, slot: Slot, facts: &mut BodyFacts) {
    let Some((line, number)) = block.line_texts().next() else {
        return;
    };
    let line = line.trim();
    // `[PS] Led by Olusegun Adeyemi.`: a shared document's author initials are not the line's.
    let line = super::forms::author_initials(line).map_or(line, str::trim_start);
    let whole_block = block.lines.len() == 1;
    if whole_block {
        let inner = super::forms::strip_quotes(line);
        if inner.len() < line.len() && !inner.contains(['"', '“', '”']) {
            facts.quoted = Some(collapse_ws(inner));
            return;
        }
    }
    if lead_line(line, number, facts) {
        // `moderated by Ingrid Solberg-Hauge` / `panelists Kofi Boateng, Marie-Claire Dufresne`.
        if facts.speaker_form == "moderated line"
            && let Some((next, _)) = block.line_texts().nth(1)
            && let Some(rest) = PANELISTS.iter().find_map(|lead| after_lead(next.trim(), lead))
            && let Some(names) = speaker_list(rest.trim_end_matches('.'), Slot::Guessed)
        {
            add_new_names(&mut facts.speakers, names);
        }
        return;
    }
    if let Some(r) = ByNames
        .read(&Head::plain(line), Slot::Guessed)
        .into_iter()
        .next()
        .filter(|r| r.title.starts_with(['"', '“']) || block.text.starts_with(['"', '“']))
    {
        set_speakers(facts, r.speakers, number, "by-line", true);
        facts.title = facts.title.take().or(Some(r.title));
        return;
    }
    if let Some(handle) = parse_handle(line) {
        let mut n = NameRef::named(format!("@{handle}"));
        n.handles.push(format!("@{handle}"));
        set_speakers(facts, vec![n], number, "handle line", false);
        facts.consumed.push(index);
        return;
    }
    // `Priya Raman and Tom Becker co-presented this one.`: both, before the bare name list reads
    // the line's first name alone.
    if let Some(names) = leading_presenters(&block.text) {
        set_speakers(facts, names, number, "presenter sentence", false);
        return;
    }
    let bare = line.trim_end_matches(['.', ',']);
    if bare.len() < 120
        && !bare.contains(['?', '!'])
        && let Some(names) = speaker_list(bare, slot)
    {
        set_speakers(facts, names, number, "speaker line", false);
        if whole_block {
            facts.consumed.push(index);
        }
        return;
    }
    if let Some(name) = leading_presenter(&block.text) {
        let mut names = vec![NameRef::named(name)];
        // `Femke de Vries moderating, with Abdullah Al-Rashid, Sofía Herrera and Kaito Mori.`
        if let Some(rest) = line.split_once(" with ").map(|(_, r)| r) {
            add_new_names(&mut names, leading_names(rest.trim_end_matches('.')).unwrap_or_default());
        }
        set_speakers(facts, names, number, "presenter sentence", false);
    }
}

/// `Ana Lima and Bo Chen (Acme) covered …`: the names opening a by-line, the rest prose.
fn leading_names(text: &str) -> Option<Vec<NameRef>> {
    let cut = text.find([',', '.', ';']).map_or(text.len(), |i| i);
    let mut words: Vec<&str> = text[..cut].split_whitespace().collect();
    while !words.is_empty() {
        if let Some(names) = speaker_list(&words.join(" "), Slot::Guessed) {
            return Some(names);
        }
        words.pop();
    }
    None
}

/// Adds to `names` each of `more` not among them yet (a moderator named again as a panellist).
fn add_new_names(names: &mut Vec<NameRef>, more: Vec<NameRef>) {
    for n in more {
        if !names.iter().any(|m| m.name == n.name) {
            names.push(n);
        }
    }
}

fn set_speakers(facts: &mut BodyFacts, names: Vec<NameRef>, line: u32, form: &'static str, stated: bool) {
    facts.speakers = names;
    facts.speaker_line = line;
    facts.speaker_form = form;
    facts.stated = stated;
}

/// `Speaker's twitter: <https://twitter.com/ucodery>` when nobody is named.
fn read_handle_label(blocks: &[Block], body: &[usize], facts: &mut BodyFacts) {
    for &i in body.iter().take_while(|&&i| blocks[i].heading_level().is_none()) {
        let block = &blocks[i];
        let lower = block.text.to_lowercase();
        let labelled = ["speaker", "presenter", "speakers", "presenters"].iter().any(|w| {
            lower.starts_with(&format!("{w}'s"))
                || lower.starts_with(&format!("{w}’s"))
                || lower.starts_with(&format!("{w}:"))
        });
        if !labelled || block.in_quote {
            continue;
        }
        if let Some((url, handle)) = block.links.iter().find_map(|l| profile_handle(&l.url).map(|h| (l.url.clone(), h)))
        {
            let mut n = NameRef::named(format!("@{handle}"));
            n.handles.push(display_url(&url));
            set_speakers(facts, vec![n], block.line, "handle label", true);
            return;
        }
    }
}

/// A paragraph that opens with a title set in bold and says who gave it on the next line.
#[must_use]
pub fn is_bold_record(b: &Block) -> bool {
    b.kind == BlockKind::Paragraph
        && !b.in_quote
        && b.bold_first_line().is_some()
        && b.line_texts().nth(1).is_some_and(|(l, _)| labels_of(l).iter().any(|l| l.field == Field::Speakers))
}

/// A bold record that reads as a session of its own among a talk's notes: a kind label or a title
/// of three words or more (`**Q&A**` / `Moderator: …` and `**Live demo**` / `Presenter: …` are
/// parts of the talk).
#[must_use]
pub fn is_titled_record(b: &Block) -> bool {
    is_bold_record(b)
        && b.bold_first_line().is_some_and(|line| {
            let (title, kind) = strip_kind_label(line);
            kind.is_some() || title.split_whitespace().count() >= 3
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::document::blocks;

    fn facts(md: &str) -> BodyFacts {
        let b = blocks(md);
        let body: Vec<usize> = (1..b.len()).collect();
        read_body(&b, &body, Slot::Guessed)
    }

    fn names(f: &BodyFacts) -> Vec<&str> {
        f.speakers.iter().map(|n| n.name.as_str()).collect()
    }

    #[test]
    fn labels_in_any_order() {
        let f = facts(
            "## Slot 3\n\nRoom: Hall 2\n**Speakers:** Ana Ortiz & Bo Chen\nTitle: Fearless FFI\nSlides: https://s.example/x\n\nnotes\n",
        );
        assert_eq!(names(&f), ["Ana Ortiz", "Bo Chen"]);
        assert_eq!((f.title.as_deref(), f.room.as_deref(), f.stated), (Some("Fearless FFI"), Some("Hall 2"), true));
        assert_eq!(f.links, ["https://s.example/x"]);
    }

    #[test]
    fn first_sentences_that_bring_the_speakers() {
        // A by-label whose value runs on into the notes is read as a by-line.
        let f = facts("## Open Contracting\n\nTalk by Amina Yusuf. Procurement data standards, red flags.\n");
        assert_eq!(names(&f), ["Amina Yusuf"]);
        let f =
            facts("## Public Goods\n\nPanel, moderated by Kiri Te Awa, with Lwazi Dlamini and Rania Haddad. Spicy.\n");
        assert_eq!(
            (names(&f), f.kind),
            (vec!["Kiri Te Awa", "Lwazi Dlamini", "Rania Haddad"], Some(SessionKind::Panel))
        );
        let f = facts("## Budgets\n\nOlumide Bakare and Zeynep Arslan co-presented this one — Lagos mostly.\n");
        assert_eq!(names(&f), ["Olumide Bakare", "Zeynep Arslan"]);
        // A sentence that states its own title is a talk of its own, read by the prose shapes.
        let told = "Pablo Ibáñez Soto and Yerlan Abenov co-presented \"Rollback Netcode\". Great.";
        assert!(super::super::names::prose::leading_presenters(told).is_none());
        // Authors cited are no presenters; a label's value that runs on is read to its full stop.
        let cited = "Kate Raworth and Mariana Mazzucato showed up on every other slide.";
        assert!(super::super::names::prose::leading_presenters(cited).is_none());
        let f = facts("## Budgets\n\nSpeakers: Amina Yusuf and Chidi Okeke. Chidi did the demo.\n");
        assert_eq!(names(&f), ["Amina Yusuf", "Chidi Okeke"]);
        // (`Dr.` ends no sentence.)
        let f = facts("## Panel\n\nModerator: Dr. Thabo Nkosi. He kept time well.\n");
        assert_eq!(names(&f), ["Thabo Nkosi"]);
    }

    #[test]
    fn speaker_lines_and_by_lines() {
        assert_eq!(names(&facts("## T\n\nChristy Heaton\n\n<https://x.example>\n")), ["Christy Heaton"]);
        assert_eq!(
            names(&facts("## T\n\nThis talk by Arun Suresh Kamar was going on while I\n")),
            ["Arun Suresh Kamar"]
        );
        assert_eq!(
            names(&facts("## T\n\nPanel with Ana Ortiz, Bo Chen and Kwame Mensah.\n")),
            ["Ana Ortiz", "Bo Chen", "Kwame Mensah"]
        );
        assert_eq!(names(&facts("## T\n\nLuciana Abud demoing some of the new features\n")), ["Luciana Abud"]);
        assert_eq!(names(&facts("## T\n\n@izcoder\n")), ["@izcoder"]);
        let panel = facts(
            "## T\n\nModerated by Tendai Moyo (Archives? — check), with Elif Demir and Rafael Saldanha. The question: why?\n",
        );
        assert_eq!(names(&panel), ["Tendai Moyo", "Elif Demir", "Rafael Saldanha"]);
        assert_eq!(panel.kind, Some(SessionKind::Panel));
        // A capital whose lower case is longer (`İ`) shifts nothing and cuts no letter.
        assert_eq!(
            names(&facts("## T\n\nModerated by Dr. İlkay Şahin, with Ana Ortiz.\n")),
            ["İlkay Şahin", "Ana Ortiz"]
        );
        assert!(names(&facts("## T\n\nMODERATED BY ÉLODIE GROẞ\n")).len() <= 1);
        assert!(names(&facts("## T\n\nSame format as previous years.\n")).is_empty());
    }
}

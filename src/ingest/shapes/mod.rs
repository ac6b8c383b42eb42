//! The registry of note shapes: each shape finds the sessions written one way — a heading per
//! talk, a list of talks, a programme table, time-led lines, a schedule listing, talks told in
//! prose, a talk note's front matter — and says which lines it read them from.
//!
//! A shape only proposes: [`Candidate`]s carry their evidence, and `super::select` keeps one
//! reading per place when shapes overlap (a heading's notes are not sessions of their own; a
//! grouping heading is not a session when its items are). A new shape is one more entry in
//! [`SHAPES`].

pub mod front;
pub mod headings;
pub mod items;
pub mod labelled;
pub mod lines;
pub mod listing;
pub mod paragraphs;
pub mod prose;
pub mod records;
pub mod segments;
pub mod tables;
pub mod times;

pub use super::text::is_title_case;
use crate::model::{NameRef, SessionKind};

use super::conference::ConferenceName;
use super::notes::Notes;

/// How a candidate knows its speakers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Evidence {
    /// No speakers, only a place where sessions stand (a heading of the session level).
    Place,
    /// Speakers read by a form or a pattern.
    Read,
    /// Speakers stated by a label, a column, or a sentence that says who gave the talk.
    Stated,
}

/// A session a shape found, before the fields are filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The shape that found it (`heading`, `list item`, `table row` …).
    pub shape: &'static str,
    /// How the shape read it (`Title (Speaker)`, `label lines`, `pattern Title — Speaker` …).
    pub form: String,
    /// The block it stands at.
    pub anchor: usize,
    /// Where in the anchor block it starts (a time line or a sentence); 0 for the whole block.
    pub offset: usize,
    /// 1-based line of the title.
    pub line: u32,
    /// Blocks of its notes and abstract.
    pub body: Vec<usize>,
    /// Other blocks it was read from (label lines, a speaker line, a listing's abstract).
    pub used: Vec<usize>,
    /// The title; empty when the notes never state it.
    pub title: String,
    /// Speakers, in order.
    pub speakers: Vec<NameRef>,
    /// Line the speakers were read from.
    pub speaker_line: u32,
    /// A kind the notes state (a label, a prefix, a grouping heading).
    pub kind: Option<SessionKind>,
    /// The time the notes give, as written.
    pub time: Option<String>,
    /// The room or track the notes give, as written.
    pub room: Option<String>,
    /// Links given with it (slides, video) outside its body blocks.
    pub links: Vec<String>,
    /// An abstract stated in a label line.
    pub abstract_text: Option<String>,
    /// The edition it belongs to when it is not the file's (a talk told in passing).
    pub conference: Option<ConferenceName>,
    /// How its speakers are known.
    pub evidence: Evidence,
    /// The level of the heading it was read from, if it is one.
    pub heading_level: Option<u8>,
}

impl Candidate {
    /// A candidate with nothing but where it stands and its title.
    #[must_use]
    pub fn new(shape: &'static str, form: impl Into<String>, anchor: usize, line: u32, title: String) -> Self {
        Self {
            shape,
            form: form.into(),
            anchor,
            offset: 0,
            line,
            body: Vec::new(),
            used: Vec::new(),
            title,
            speakers: Vec::new(),
            speaker_line: line,
            kind: None,
            time: None,
            room: None,
            links: Vec::new(),
            abstract_text: None,
            conference: None,
            evidence: Evidence::Place,
            heading_level: None,
        }
    }
}

/// One way sessions are written.
pub trait Shape: Sync {
    /// Its name, shown by `extract --explain`.
    fn name(&self) -> &'static str;
    /// The sessions written this way in `notes`.
    fn find(&self, notes: &Notes<'_>) -> Vec<Candidate>;
    /// Whether the shape reads running text ([`Phase::Loose`]): such shapes run after the
    /// others and skip the blocks that are already a session's notes.
    fn phase(&self) -> Phase {
        Phase::Structure
    }
}

/// When a shape runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Headings, lists, tables, programmes: the file's structure.
    Structure,
    /// Paragraphs and sentences: what the structure leaves.
    Loose,
}

/// The blocks that candidates with speakers read as a session (its head, its notes, its labels).
#[must_use]
pub fn owned_blocks(candidates: &[Candidate], blocks: usize) -> Vec<bool> {
    let mut owned = vec![false; blocks];
    for c in candidates.iter().filter(|c| c.evidence > Evidence::Place && c.conference.is_none()) {
        for &i in c.body.iter().chain(&c.used).chain(std::iter::once(&c.anchor)) {
            if let Some(o) = owned.get_mut(i) {
                *o = true;
            }
        }
    }
    owned
}

/// Every shape, in the order their candidates are preferred when two read the same place.
pub static SHAPES: &[&dyn Shape] = &[
    &tables::TableRows,
    &listing::ScheduleListing,
    &records::RecordBlocks,
    &times::TimeLines,
    &lines::PatternLines,
    &items::ListItems,
    &segments::SegmentPanels,
    &headings::HeadingSessions,
    &front::FrontMatterTalk,
    &labelled::LabelRecords,
    &paragraphs::ParagraphHeads,
    &prose::ProseTalks,
];

/// Words whose title marks a programme item that is not a session: breaks, meals, logistics.
const BREAK_WORDS: &[&str] = &[
    "registration",
    "check-in",
    "checkin",
    "badge",
    "badges",
    "doors",
    "breakfast",
    "brunch",
    "lunch",
    "luncheon",
    "dinner",
    "supper",
    "coffee",
    "tea",
    "break",
    "brk",
    "snacks",
    "drinks",
    "beers",
    "afterparty",
    "after-party",
    "party",
    "reception",
    "networking",
    "expo",
    "sponsor",
    "sponsors",
    "hallway",
    "travel",
    "transfer",
    "photo",
    "karaoke",
    "boat",
    "walk",
    "hike",
    "departure",
    "arrival",
    "end",
    "free",
    "social",
    "sauna",
    "excursion",
    "tour",
    "picnic",
    "barbecue",
    "bbq",
    "quiz",
    "pub",
    "lunchtime",
    "cruise",
    // The same in the languages notes are written in: Norwegian, Danish, Swedish, German,
    // French, Spanish, Portuguese, Italian, Polish, Finnish, Filipino.
    "kaffe",
    "kaffi",
    "lunsj",
    "frokost",
    "registrering",
    "pause",
    "mittagessen",
    "kaffeepause",
    "mittagspause",
    "posters",
    "pôsteres",
    "pósteres",
    "kaffee",
    "empfang",
    "abendessen",
    "frühstück",
    "koffiepauze",
    "lunchpauze",
    "pauze",
    "borrel",
    "ontbijt",
    "pausa",
    "cena",
    "anmeldung",
    "déjeuner",
    "dejeuner",
    "accueil",
    "almuerzo",
    "comida",
    "descanso",
    "almoço",
    "almoco",
    "intervalo",
    "pranzo",
    "obiad",
    "przerwa",
    "kahvi",
    "lounas",
    "merienda",
];

/// Whether block `block` stands under one of the note-taker's own headings below the title
/// (`## Costs`, `## Chapters`): what is there is notes, not the programme.
pub(super) fn in_own_section(notes: &super::notes::Notes<'_>, block: usize) -> bool {
    notes.section_index_holding(block).is_some_and(|s| {
        let section = &notes.sections[s];
        section.level >= 2 && super::structure::is_own_section(&notes.blocks[section.heading].text)
    })
}

/// Whole titles that are programme logistics.
const BREAK_TITLES: &[&str] = &[
    // An e-mail's sign-off over the sender's name.
    "best",
    "cheers",
    "thanks",
    "regards",
    "kind regards",
    "best regards",
    "warm regards",
    "saludos",
    "un saludo",
    "cordialement",
    "viele grüße",
    "liebe grüße",
    "beste grüße",
    "groeten",
    "met vriendelijke groet",
    "abraços",
    "cumprimentos",
    "welcome reception",
    "group photo",
    "sponsor expo",
    "sponsor hall",
    "coffee break",
    "lunch break",
    "morning break",
    "afternoon break",
    "tea break",
    "end of day",
    "end of day 1",
    "end of day 2",
    "end of conference",
    "free time",
    "hallway track",
    "game night",
    "closing party",
    "conference dinner",
    "speaker dinner",
    "speakers dinner",
    "lightning talks signup",
    "sprints",
    "posters",
    "poster session",
    "poster sessions",
    "tbd",
    "tba",
];

/// The words of a title, lower-case, without emoji, asides or punctuation.
fn plain_words(title: &str) -> Vec<String> {
    let (bare, _) = super::names::speakers::take_asides(title);
    bare.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// `next: Generics by Aïssatou Bâ`, `afternoon I'm in the workshop: Writing a Provider…`: a short
/// chatty lead-in before a colon (lower-case, or a word of sequence) is not part of the line.
/// A kind word before the colon (`keynote: …`) is left to the line forms. Returns its length.
///
/// ```
/// use confgraph::ingest::shapes::lead_in;
///
/// assert_eq!(lead_in("next: Generics by Aïssatou Bâ"), 6);
/// assert_eq!(lead_in("keynote: Yaw Owusu — Simplicity"), 0);
/// ```
#[must_use]
pub fn lead_in(sentence: &str) -> usize {
    use super::kind::kind_word;
    let Some(colon) = sentence.find(": ") else { return 0 };
    let lead = &sentence[..colon];
    let words = lead.split_whitespace().count();
    let chatty = lead.starts_with(char::is_lowercase)
        || matches!(lead.to_lowercase().as_str(), "now" | "next" | "then" | "up next" | "later" | "after lunch");
    if words == 0 || words > 6 || !chatty || kind_word(lead).is_some() {
        return 0;
    }
    colon + 2
}

/// True when a title names a break, a meal or logistics rather than a session
/// (`Lunch 🍲 (reindeer stew)`, `Coffee + playtest corner`, `Registration & badge pickup`).
///
/// # Examples
///
/// ```
/// use confgraph::ingest::shapes::is_break;
///
/// assert!(is_break("Lunch 🍲 (reindeer stew, no joke)"));
/// assert!(is_break("Welcome reception"));
/// assert!(!is_break("Breaking Changes Without Breaking Users"));
/// assert!(!is_break("Welcome & Land Acknowledgement"));
/// ```
#[must_use]
pub fn is_break(title: &str) -> bool {
    let words = plain_words(title);
    let Some(first) = words.first() else {
        return true;
    };
    let joined = words.join(" ");
    if BREAK_TITLES.contains(&joined.as_str()) {
        return true;
    }
    // `↓ workshop cont.`, `(continued)`: a grid cell that goes on with the session above (`The
    // Saga Continues`, `Rust, Continued` are titles).
    let marked =
        title.trim_start().starts_with(['(', '↓', '↑', '…', '⤷', '↳']) || !title.chars().any(char::is_uppercase);
    let goes_on = |w: &String| matches!(w.as_str(), "cont" | "contd") || marked && w.starts_with("continue");
    if words.len() <= 4 && words.iter().any(goes_on) {
        return true;
    }
    // `~~Parking minimums, a retrospective~~ CANCELLED`: a slot that did not take place.
    if words.iter().any(|w| matches!(w.as_str(), "cancelled" | "canceled" | "abgesagt" | "cancelado" | "annulé")) {
        return true;
    }
    if BREAK_WORDS.contains(&first.as_str()) {
        return true;
    }
    // `Buses to the conference dinner`, `Shuttle to the venue` (not `Bus Factor`).
    if matches!(first.as_str(), "bus" | "buses" | "shuttle" | "shuttles") && words.iter().any(|w| w == "to") {
        return true;
    }
    // `Poster Session B & Reception`: posters are not a talk.
    if first == "poster" && words.get(1).is_some_and(|w| w.starts_with("session")) {
        return true;
    }
    // `Community dinner at Time Out Market`, `Speaker reception`: a meal or a party second.
    let social =
        ["dinner", "lunch", "breakfast", "reception", "party", "drinks", "karaoke", "picnic", "barbecue", "trip"];
    if words.get(1).is_some_and(|w| social.contains(&w.as_str())) {
        return true;
    }
    words.len() <= 3 && words.iter().any(|w| BREAK_WORDS.contains(&w.as_str()) && w != "end" && w != "free")
}

/// The note-taker saying the title is unknown (`didn't catch the title`, `no idea what the title
/// was`, `no recuerdo el título`): not a title, though the talk was given.
static TITLE_NOT_STATED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?ix)\b(?:(?:didn[’']?t|did\s+not|couldn[’']?t|can[’']?t|don[’']?t|never)\s+(?:catch|caught|get|got|remember|recall|note|write\s+down|hear)
            \s+(?:the|its|their|his|her|a)\s+(?:title|name\s+of\s+(?:the|her|his|their)\s+talk)
          |no\s+idea\s+(?:what\s+)?(?:the|its)\s+title|no\s+title\s+on\s+the\s+slides?|(?:forgot|missed)\s+(?:the|its)\s+title|title\s+(?:unknown|not\s+given|tbd|tbc|tba|to\s+follow)\b|^(?:tbc|tba|tbd)\b
          |no\s+recuerdo\s+el\s+t[íi]tulo|sin\s+t[íi]tulo|titre\s+inconnu|titel\s+(?:leider\s+)?(?:vergessen|verpasst)|não\s+lembro\s+o\s+t[íi]tulo)",
    )
    .expect("valid regex")
});

/// True when a candidate's "title" is the note-taker saying they do not know it.
///
/// ```
/// use confgraph::ingest::shapes::title_not_stated;
///
/// assert!(title_not_stated("no recuerdo el título, algo sobre software de laboratorio"));
/// assert!(title_not_stated("something on mentoring (didn't catch the title)"));
/// assert!(title_not_stated("a lightning talk on courtform accessibility"));
/// assert!(!title_not_stated("The Title Is the Hardest Part"));
/// ```
#[must_use]
pub fn title_not_stated(title: &str) -> bool {
    TITLE_NOT_STATED.is_match(title) || DESCRIBED.is_match(title)
}

/// `a lightning talk on courtform accessibility`: a talk described by its topic, not titled.
static DESCRIBED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?ix)^(?:(?:a|an|one|another)\s+(?:short\s+|quick\s+|great\s+|lightning\s+)?(?:talk|keynote|workshop|session|demo|one)\s+(?:on|about)\s
          |(?:the|der|die|das)\s+\w+\s+(?:talk|lightning\s+talk|keynote|vortrag|blitzvortrag|beitrag)\s+(?:was|war)$)",
    )
        .expect("valid regex")
});

/// A candidate whose title only says it is unknown keeps its speakers and loses the "title".
pub fn clear_unstated_titles(candidates: &mut [Candidate]) {
    for c in candidates.iter_mut().filter(|c| !c.speakers.is_empty() && title_not_stated(&c.title)) {
        c.title.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breaks_and_sessions() {
        for t in [
            "Registration & badge pickup (took forever)",
            "Coffee + playtest corner",
            "Sponsor expo",
            "12:30 Lunch",
            "Drinks at the Waterfront: sponsored by Acme",
            "Afterparty - Kulturhuset",
            "dinner @ Mathallen Food Hall",
            "Hallway track",
            "↓ workshop cont.",
            "(continued)",
            "workshop continues",
        ] {
            let t = t.trim_start_matches("12:30 ");
            assert!(is_break(t), "{t}");
        }
        for t in [
            "The Saga Continues",
            "Rust, Continued",
            "Opening remarks",
            "Closing Keynote",
            "Error Handling Without Tears",
            "Coffee-Driven Development: A Love Story About Our Build Pipeline",
        ] {
            assert!(!is_break(t), "{t}");
        }
    }
}

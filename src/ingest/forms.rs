//! Line forms: the ways one line of notes holds a talk's title and its speakers.
//!
//! A heading, a list item, a table cell or what follows a time is a *head*; each [`Form`] of the
//! registry [`FORMS`] tries to split a head into a title and a speaker list (`Title (Speaker)`,
//! `Speaker — Title`, `"Title" by A and B`, `**Title**, Speaker`, `[Speaker] Title`,
//! `Title // Speaker // Room` …). Which side holds the speakers is decided by how the words look
//! ([`super::names::judge`]), never by the separator alone, and a form's reading carries a score
//! so that a file's repeated pattern can be inferred from many heads at once (`super::pattern`).
//! A new form is one more entry in [`FORMS`].

use crate::model::{NameRef, SessionKind};

use super::document::{Block, MarkKind};
use super::kind::{kind_word, strip_kind_label};
use super::labels::{Field as LabelField, labels_of};
use super::names::judge::{Likeness, judge};
use super::names::speakers::{Slot, is_role_group, speaker_list};
use crate::text::collapse_ws;

/// A head: one line of text with the stretches set off in it (bold, italic, links).
#[derive(Debug, Clone, Default)]
pub struct Head {
    /// The text.
    pub text: String,
    /// Marked stretches, as byte ranges of `text`.
    pub marks: Vec<(MarkKind, usize, usize)>,
}

impl Head {
    /// A head of plain text.
    #[must_use]
    pub fn plain(text: &str) -> Self {
        Self { text: text.to_owned(), marks: Vec::new() }
    }

    /// The head of bytes `start..end` of a block's text, with the block's marks that fall in it.
    #[must_use]
    pub fn of(block: &Block, start: usize, end: usize) -> Self {
        let end = end.min(block.text.len());
        let start = start.min(end);
        let text = block.text.get(start..end).unwrap_or_default();
        let lead = text.len() - text.trim_start().len();
        let text_trimmed = text.trim();
        let base = start + lead;
        let marks = block
            .marks
            .iter()
            .filter(|m| m.start >= base && m.end <= base + text_trimmed.len())
            .map(|m| (m.kind, m.start - base, m.end - base))
            .collect();
        // A head that runs over two lines reads as one (same length, so marks keep their offsets).
        Self { text: text_trimmed.replace('\n', " "), marks }
    }

    /// The head of a whole block.
    #[must_use]
    pub fn of_block(block: &Block) -> Self {
        Self::of(block, 0, block.text.len())
    }
}

/// What one form read from a head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// The form and where it found the speakers (`Speaker — Title`), shown by `extract --explain`;
    /// heads of one repeated pattern share it.
    pub key: String,
    /// The title.
    pub title: String,
    /// The speakers, in order.
    pub speakers: Vec<NameRef>,
    /// How sure the reading is: the speakers' name-likeness plus the form's own evidence.
    pub score: i32,
    /// A kind the head states (`Keynote: …`, `(workshop)`).
    pub kind: Option<SessionKind>,
    /// Text of the head that is neither title nor speakers (a room, a remark).
    pub rest: Option<String>,
}

/// One way a head can hold a title and speakers.
pub trait Form: Sync {
    /// The form as users write it, e.g. `Title (Speaker)`.
    fn name(&self) -> &'static str;
    /// Reads `head` (its kind label already taken off). `slot` says how sure the caller already
    /// is that the head names speakers (see [`Slot`]).
    fn read(&self, head: &Head, slot: Slot) -> Vec<Reading>;
}

/// Every form, most specific first.
pub static FORMS: &[&dyn Form] = &[
    &ModeratedPanel,
    &ByNames,
    &QuotedTitle,
    &MarkedTitle,
    &ParenNames,
    &BracketNames,
    &Separated,
    &DashSplit,
    &PeriodSplit,
    &ColonNames,
    &CommaNames,
    &NameKeynote,
    &NameOn,
];

/// `Title, moderated by X with A, B and C`, `Title — moderated by X (Org), with A and B`, `Title
/// (moderated by X; A, Org; B, Org)`: a panel, its moderator and its panellists.
///
/// ```
/// use confgraph::ingest::forms::{Form, Head, ModeratedPanel};
/// use confgraph::ingest::names::speakers::Slot;
///
/// let r = &ModeratedPanel.read(&Head::plain("Career Paths for RSEs, moderated by Hone Kereama with Claire Dubois-Martin, Ibrahim Al-Farsi and Shreya Banerjee"), Slot::Guessed)[0];
/// assert_eq!((r.title.as_str(), r.speakers.len()), ("Career Paths for RSEs", 4));
/// ```
pub struct ModeratedPanel;

impl Form for ModeratedPanel {
    fn name(&self) -> &'static str {
        "Title, moderated by Speaker with Speakers"
    }

    fn read(&self, head: &Head, _slot: Slot) -> Vec<Reading> {
        let text = head.text.as_str();
        let Some(at) = [
            "moderated by ",
            "Moderated by ",
            "moderator: ",
            "Moderator: ",
            "hosted by ",
            "chaired by ",
            "Chaired by ",
            "facilitated by ",
            " mod. ",
            " mod ",
        ]
        .iter()
        .find_map(|m| text.find(m).map(|i| (i, m.len()))) else {
            return Vec::new();
        };
        let (start, len) = at;
        // `Panel time — "Should Models Be Open?" moderated by …`: a quoted title is the title.
        let before = text[..start].trim_end().trim_end_matches(['(', ',', '—', '–', '-', ';']).trim_end();
        let Some(title) = title_of(set_off_title(before).unwrap_or(before)) else {
            return Vec::new();
        };
        let (title, label) = strip_kind_label(&title);
        // The names run to a remark (` — why it matters`), a closing bracket or the end.
        // (`Mei-Ling Chou (National Central Library, Taipei)`: affiliations in brackets go first.)
        let (rest, _) = super::names::speakers::take_asides(&text[start + len..]);
        // The first sentence (`Prof. Jürgen Haas` does not end it), up to a dash or a bracket.
        let sentence_end = super::text::sentences(&rest).first().map_or(rest.len(), |&(_, e)| e);
        let end = [" — ", " – ", ")"].iter().filter_map(|m| rest.find(m)).min().unwrap_or(rest.len()).min(sentence_end);
        let list = &rest[..end];
        // `moderated by Hamid Karimi, Access Mercator; with A, B`: the moderator's organisation
        // stands between the moderator and `with`.
        let with = [" with ", " w/ "].iter().find_map(|m| list.find(m).map(|w| (w, m.len())));
        let list = match with {
            Some((w, len)) => {
                let moderator = list[..w].split([',', ';']).next().unwrap_or_default();
                format!("{moderator}, {}", &list[w + len..])
            }
            None => list.to_owned(),
        };
        let list = list.replace("; ", ", ").replace(", panelists ", ", ");
        let mut names: Vec<NameRef> = Vec::new();
        for part in list.split(", ") {
            // `Fatima Zahra El Idrissi, OKF Maroc`: an organisation after a name is dropped.
            if let Some(found) = speaker_list(part.trim().trim_end_matches('.'), Slot::Phrase) {
                names.extend(found);
            }
        }
        if names.len() < 2 {
            return Vec::new();
        }
        let mut r = reading("Title, moderated by Speaker", title, names, 6, None);
        r.kind = label.or(Some(SessionKind::Panel));
        vec![r]
    }
}

/// Points a speaker list is worth: each name by its likeness.
fn names_score(names: &[NameRef]) -> i32 {
    names
        .iter()
        .map(|n| {
            if n.name.starts_with('@') {
                2
            } else {
                match judge(&n.name).likeness {
                    Likeness::Strong => 4,
                    Likeness::Plausible => 2,
                    Likeness::Weak => 0,
                    Likeness::No => -4,
                }
            }
        })
        .sum::<i32>()
        / i32::try_from(names.len().max(1)).unwrap_or(1)
}

/// A title candidate: trimmed of separators and quotes; `None` when nothing is left or when it
/// is itself a person's name (a title is what is not a name).
fn title_of(text: &str) -> Option<String> {
    let t = text
        .trim()
        .trim_matches(|c: char| {
            matches!(c, ',' | ';' | ':' | '—' | '–' | '-' | '|' | '/' | '~' | '·' | '•' | '*' | '_')
        })
        .trim();
    // `### 2. Compiling for Neutral Atoms`: a listicle's number is not part of the title.
    let t = numbered(t);
    // `then "Feature Flags Are a Smell" by …`: a connecting word is not part of the title.
    let t = CONNECTORS
        .iter()
        .find_map(|c| t.strip_prefix(c).filter(|r| r.starts_with(|ch: char| ch.is_uppercase() || "\"“«".contains(ch))))
        .unwrap_or(t);
    // (`Then "Chaos Engineering for Boring Companies" by …` opening a sentence: capitalised, only
    // before a quoted title, as `Then Came the Flood` may be one.)
    let t = CONNECTORS
        .iter()
        .find_map(|c| {
            let n = c.len();
            let head = t.get(..n)?;
            (head.to_lowercase() == *c && head.starts_with(char::is_uppercase))
                .then(|| &t[n..])
                .filter(|r| r.starts_with(['"', '“', '«']))
        })
        .unwrap_or(t);
    let t = strip_quotes(t);
    let t = without_room_tag(t);
    let t = without_aside(t);
    let t = collapse_ws(t);
    if t.is_empty() || !t.chars().any(char::is_alphanumeric) {
        return None;
    }
    Some(t)
}

/// Words that name what a person does, in a bio (`editor at …`, `freelance data reporter`).
const ROLE_NOUNS: &[&str] = &[
    "editor",
    "reporter",
    "journalist",
    "researcher",
    "engineer",
    "developer",
    "designer",
    "founder",
    "co-founder",
    "professor",
    "lecturer",
    "student",
    "manager",
    "director",
    "scientist",
    "analyst",
    "librarian",
    "archivist",
    "consultant",
    "maintainer",
    "contributor",
    "organiser",
    "organizer",
    "author",
    "writer",
    "architect",
    "advocate",
    "teacher",
    "curator",
    "freelancer",
    "postdoc",
    "cto",
    "ceo",
    "fellow",
    "candidate",
];

/// A person's description rather than a talk's title: it opens in lower case and names a role
/// within its first five words (`researcher and former wire-service reporter`).
fn is_bio(text: &str) -> bool {
    /// Words that open a clause or a question, never a description of someone.
    const CLAUSE_WORDS: &[&str] =
        &["why", "how", "what", "when", "every", "all", "my", "our", "your", "to", "should", "can", "is", "are", "not"];
    /// Words that may follow the role in a description (`editor at`, `reporter based in`).
    const AFTER_ROLE: &[&str] = &["at", "of", "in", "and", "based", "for", "with", "from", "turned", "&"];
    if !text.trim_start().starts_with(char::is_lowercase) {
        return false;
    }
    let raw: Vec<&str> = text.split_whitespace().take(6).collect();
    let words: Vec<String> =
        raw.iter().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-').to_lowercase()).collect();
    // (`head of data`, `tech lead at Mozilla`: these roles only before `of`, `at`, `for`.)
    let next_is = |k: usize, set: &[&str]| words.get(k + 1).is_some_and(|n| set.contains(&n.as_str()));
    let role = |k: usize, w: &String| {
        ROLE_NOUNS.contains(&w.as_str())
            || w == "head" && next_is(k, &["of"])
            || matches!(w.as_str(), "lead" | "chair") && next_is(k, &["at", "for", "of"])
    };
    let Some(at) = words.iter().take(5).enumerate().position(|(k, w)| role(k, w)) else { return false };
    let ends_phrase =
        raw[at].ends_with([',', '.', ';']) || words.get(at + 1).is_none_or(|w| AFTER_ROLE.contains(&w.as_str()));
    // (`becoming a maintainer`: a verb before an article makes a clause; `managing editor` is a role.)
    let verb = |k: usize| words[k].ends_with("ing") && next_is(k, &["a", "an", "the"]);
    ends_phrase && !words[..at].iter().enumerate().any(|(k, w)| CLAUSE_WORDS.contains(&w.as_str()) || verb(k))
}

/// `Nov 18, 2024`, `Tue 14 May`, `2024-11-18`: only a date (month or weekday names, numbers).
#[must_use]
pub fn is_date_only(text: &str) -> bool {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || ",./".contains(c))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    let named = |w: &str| crate::ingest::conference::NOT_SERIES.contains(&w);
    let numeric = |w: &str| {
        let digits = w.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
        !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit() || c == '-')
    };
    !words.is_empty()
        && words.iter().all(|w| named(w) || numeric(w))
        && words.iter().any(|w| named(w) || w.matches('-').count() == 2)
}

/// Words of a room or track tag (`[Main Hall]`, `[Lab 1]`, `Track A:`).
pub const ROOM_WORDS: &[&str] = &[
    "room",
    "hall",
    "stage",
    "track",
    "lab",
    "auditorium",
    "amphi",
    "amphitheatre",
    "aula",
    "salle",
    "sala",
    "saal",
    "sali",
    "zaal",
    "hörsaal",
    "main",
    "theatre",
    "theater",
    "lounge",
    "studio",
    "floor",
    "foyer",
    "ballroom",
    "suite",
];

/// `Sala do Arquivo`, `Foyer`, `Main Hall`: a short line that names a room.
#[must_use]
pub fn is_room_line(line: &str) -> bool {
    line.split_whitespace().count() <= 4
        && line.split_whitespace().any(|w| ROOM_WORDS.contains(&w.to_lowercase().as_str()))
}

/// `Clinical Terminology Servers at Scale [Harbourview Room]` → the title without the short
/// bracketed tag that ends it (a room, a track); a title that is only the tag keeps it.
fn without_room_tag(t: &str) -> &str {
    let Some(open) = t.strip_suffix(']').and_then(|r| r.rfind('[')) else { return t };
    let tag = &t[open + 1..t.len() - 1];
    let before = t[..open].trim_end();
    // (`The End of Days [joyfully]` keeps its bracket: only a room or a track goes.)
    let roomy = tag.chars().any(|c| c.is_ascii_digit())
        || tag.split_whitespace().any(|w| ROOM_WORDS.contains(&w.to_lowercase().as_str()));
    let short = roomy && tag.chars().count() <= 30 && tag.split_whitespace().count() <= 4 && !tag.contains(['[', ']']);
    if short && before.chars().filter(|c| c.is_alphanumeric()).count() >= 3 { before } else { t }
}

/// `Gettext to Fluent Migration (2 h, bring laptop)`, `Opening remarks (10 min, wifi pw on
/// badge)`: a duration in brackets after a title, with the note-taker's aside, is no part of it
/// (`… (and what to do about it)`, `… (aka no GIL)`, `Async Rust (part 2)` keep theirs).
fn without_aside(t: &str) -> &str {
    let Some(open) = t.strip_suffix(')').and_then(|r| r.rfind('(')) else { return t };
    let aside = t[open + 1..t.len() - 1].trim();
    let before = t[..open].trim_end();
    let mut words = aside.split([' ', ',']).filter(|w| !w.is_empty());
    let (first, second) = (words.next().unwrap_or_default(), words.next().unwrap_or_default());
    let unit = |u: &str| matches!(u, "min" | "mins" | "minutes" | "h" | "hr" | "hrs" | "hours" | "Min" | "Std");
    let number = |n: &str| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || c == '.');
    let duration = number(first) && unit(second)
        || first.strip_suffix("min").or_else(|| first.strip_suffix('h')).is_some_and(number);
    let enough = before.chars().filter(|c| c.is_alphanumeric()).count() >= 3;
    if duration && enough && !aside.contains(['(', ')']) { before } else { t }
}

/// `2. Title`, `3) Title`, `#4 Title` → `Title`.
fn numbered(t: &str) -> &str {
    let digits = t.trim_start_matches('#').bytes().take_while(u8::is_ascii_digit).count();
    let hash = usize::from(t.starts_with('#'));
    if !(1..=2).contains(&digits) {
        return t;
    }
    let rest = &t[hash + digits..];
    let rest = if hash == 1 { Some(rest) } else { rest.strip_prefix(['.', ')']) };
    rest.filter(|r| r.starts_with(' ')).map(str::trim_start).filter(|r| !r.is_empty()).unwrap_or(t)
}

/// Words that join a line to the one before it and are not part of a title.
const CONNECTORS: &[&str] = &["then ", "and ", "also ", "next ", "plus ", "finally ", "later ", "after that "];

/// `"x"`, `“x”`, `«x»`, `„x“` → `x`.
#[must_use]
pub fn strip_quotes(t: &str) -> &str {
    for (open, close) in QUOTES {
        if let Some(inner) = t.strip_prefix(*open).and_then(|r| r.strip_suffix(*close))
            && !inner.contains(*open)
            && !inner.contains(*close)
        {
            return inner.trim();
        }
    }
    t
}

/// Quote pairs titles are written in.
const QUOTES: &[(char, char)] = &[
    ('"', '"'),
    ('“', '”'),
    ('«', '»'),
    ('„', '“'),
    ('„', '"'),
    ('„', '”'),
    ('‘', '’'),
    ('"', '”'),
    ('“', '"'),
    ('\'', '\''),
    ('‚', '‘'),
];

/// A reading with the score of its names, less a penalty when the title itself reads as a name.
fn reading(key: &str, title: String, speakers: Vec<NameRef>, bonus: i32, rest: Option<String>) -> Reading {
    let title_is_a_name = judge(&title).likeness >= Likeness::Plausible && title.split(' ').count() <= 4;
    let score = names_score(&speakers) + bonus - if title_is_a_name { 5 } else { 0 };
    Reading { key: key.to_owned(), title, speakers, score, kind: None, rest }
}

/// Separators between a title and a remark after the speakers (`by Ana — great talk`).
const REMARK_SEPARATORS: &[&str] = &[" — ", " – ", " - ", " -- ", ". ", "; ", " | ", " // "];

/// The speaker list at the start of `text`: all of it, or up to a remark separator.
fn leading_speakers(text: &str, slot: Slot) -> Option<(Vec<NameRef>, Option<String>)> {
    if let Some(names) = speaker_list(text, slot) {
        return Some((names, None));
    }
    REMARK_SEPARATORS.iter().filter_map(|sep| text.find(sep)).min().and_then(|cut| {
        let names = speaker_list(&text[..cut], slot)?;
        Some((names, Some(collapse_ws(&text[cut..]))))
    })
}

/// `Joaquín Amat again; they announced …`, `Achieng Odhiambo (chair) welcomed everyone`: one
/// name of two to five words opening `text`, then a remark in lower case or after punctuation.
fn name_then_remark(text: &str, slot: Slot) -> Option<(Vec<NameRef>, Option<String>)> {
    let words: Vec<(usize, &str)> =
        text.split_whitespace().take(6).map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w)).collect();
    for n in (2..=words.len().min(5)).rev() {
        let (at, last) = words[n - 1];
        let end = at + last.len();
        let name = text[..end].trim_end_matches([',', ';']);
        let rest = text[end..].trim_start();
        let remark_follows = text[..end].ends_with([',', ';']) || rest.starts_with(['(', ',', ';']);
        if !remark_follows || rest.is_empty() {
            continue;
        }
        if let Some(names) = speaker_list(name, slot).filter(|n| n.len() == 1) {
            return Some((names, Some(collapse_ws(rest))));
        }
    }
    None
}

/// A panel's or AMA's title (its label already taken off), then `with` and who was on it.
fn labelled_with(text: &str, slot: Slot) -> Vec<Reading> {
    let Some(at) = text.find(" with ") else { return Vec::new() };
    let (left, right) = (&text[..at], &text[at + 6..]);
    match (title_of(left), leading_speakers(right, slot)) {
        (Some(title), Some((speakers, rest))) => vec![reading("Title by Speaker", title, speakers, 3, rest)],
        _ => Vec::new(),
    }
}

/// `Title by A and B`, `"Title" by A`, `Title, presented by A`, `Panel with A, B and C`.
///
/// ```
/// use confgraph::ingest::forms::{ByNames, Form, Head};
/// use confgraph::ingest::names::speakers::Slot;
///
/// let r = &ByNames.read(&Head::plain("Async Rust in Anger by Ana Ortiz and Bo Chen"), Slot::Guessed)[0];
/// assert_eq!(r.title, "Async Rust in Anger");
/// assert_eq!(r.speakers.len(), 2);
/// ```
pub struct ByNames;

impl Form for ByNames {
    fn name(&self) -> &'static str {
        "Title by Speaker"
    }

    fn read(&self, head: &Head, slot: Slot) -> Vec<Reading> {
        // `[Panel: Is the indie bubble bursting?](…) with A (moderator), B`: a title set off at the
        // start (a link, bold) is the title whatever follows.
        let lead = head.text.len() - head.text.trim_start().len();
        let marked = head.marks.iter().find(|m| m.1 == lead && m.0 != MarkKind::Code).map(|&(_, s, e)| (s, e));
        let mut out = read_by(&head.text, &head.text.to_ascii_lowercase(), slot);
        if let (Some((s, e)), Some(r)) = (marked, out.first_mut()) {
            let (inner, kind) = strip_kind_label(&head.text[s..e]);
            if let Some(title) = title_of(&inner).filter(|t| r.title.len() > t.len() && r.title.contains(t.as_str())) {
                r.title = title;
                r.kind = r.kind.or(kind);
            }
        }
        out
    }
}

fn read_by(text: &str, lower: &str, slot: Slot) -> Vec<Reading> {
    if let Some(r) = kind_by(text, lower, slot) {
        return vec![r];
    }
    // (`von`, `durch`, `por`, `par`: `by` in German, Spanish and French notes; `mit`, `con`,
    // `avec`: `with`.)
    for marker in BY_MARKERS {
        let Some(at) = lower.rfind(marker) else { continue };
        if !text.is_char_boundary(at) || !text.is_char_boundary(at + marker.len()) {
            continue;
        }
        // (`"Title" moderated by A`: the verb before `by` is no part of the title.)
        let left = ["moderated", "chaired", "hosted", "presented", "led", "given", "delivered"]
            .iter()
            .find_map(|v| text[..at].strip_suffix(v))
            .map_or(&text[..at], |l| l.trim_end_matches([',', ' ', '(']));
        let right = &text[at + marker.len()..];
        let with = matches!(*marker, " with " | " w/ " | " mit " | " con " | " avec ");
        if with && !with_announces_people(left, marker) {
            continue;
        }
        let Some((speakers, rest)) = leading_speakers(right, slot) else { continue };
        // `AMA with Brett Cannon` is the whole title; `Title by Ana` is not; `Panel "Title" with A`
        // is titled by its quotes.
        let quoted = quoted_span(left).map(|(_, _, inner)| inner);
        let whole = if with { quoted.unwrap_or(text) } else { set_off_title(left).unwrap_or(left) };
        let Some(title) = title_of(whole) else { continue };
        let mut r = reading("Title by Speaker", title, speakers, 3, rest);
        if with {
            r.kind = kind_word(left).filter(|k| *k == SessionKind::Panel);
        }
        return vec![r];
    }
    Vec::new()
}

/// Words that put the people after a title.
const BY_MARKERS: &[&str] = &[
    " by ",
    " with ",
    " w/ ",
    " mit ",
    " con ",
    " avec ",
    " durch ",
    ", by ",
    " presented by ",
    " led by ",
    " hosted by ",
    " moderated by ",
    " von ",
    " por ",
    " par ",
];

/// Words before `with` that say the people after it hold the session (a panel, a chat, an AMA):
/// `Fun with Flags` names none.
const WITH_ANNOUNCERS: &[&str] = &[
    "panel",
    "ama",
    "chat",
    "conversation",
    "q&a",
    "interview",
    "fireside",
    "office hours",
    "podium",
    "diskussion",
    "gespräch",
    "mesa",
    "tavola",
    "table ronde",
    "entrevista",
    "intervista",
];

/// Whether `left … with` names the session's people.
fn with_announces_people(left: &str, marker: &str) -> bool {
    let l = left.to_lowercase();
    // `ws: intro to ghidra w/ Nikhil P.`: a kind label that brings its people.
    let label = l.split_once(':').and_then(|(k, _)| kind_word(k.trim()));
    let labelled = matches!(label, Some(SessionKind::Tutorial | SessionKind::Ama | SessionKind::Panel));
    // (`w/` is shorthand that phone notes use loosely: only after such a label.)
    if marker == " w/ " {
        return labelled;
    }
    WITH_ANNOUNCERS.iter().any(|w| l.contains(w)) || labelled || l.contains("workshop") || l.contains("tutorial")
}

/// `Keynote by Astrid Bergström: The Ethics of Inference`, `Vortrag von Dr. Rahel Berhane:
/// „Peer Review …“`: the kind, who, then the title.
fn kind_by(text: &str, lower: &str, slot: Slot) -> Option<Reading> {
    let (at, len) = [" by ", " von ", " por ", " par ", " di ", " de "]
        .iter()
        .find_map(|m| lower.find(m).map(|at| (at, m.len())))
        .filter(|&(at, len)| text.is_char_boundary(at) && text.is_char_boundary(at + len))?;
    let left = &text[..at];
    let kind =
        kind_word(left).or_else(|| kind_word(&left.to_lowercase().replace("opening ", "").replace("closing ", "")))?;
    let right = Head::plain(&text[at + len..]);
    let mut r = [&ColonNames as &dyn Form, &DashSplit, &QuotedTitle]
        .iter()
        .flat_map(|f| f.read(&right, slot))
        .find(|r| r.key.starts_with("Speaker") && !r.speakers.is_empty())?;
    r.key = "Kind by Speaker: Title".into();
    r.kind = Some(kind);
    r.score += 2;
    Some(r)
}

/// A quoted title set off in a sentence (`The afternoon panel, "Do You Really Need a Cloud?",
/// was`, `Panel time — "T"`): the quotes stand after a comma, colon or dash, and only lower-case
/// words follow them. `Why "Simple" Isn't` is a title with quotes inside.
fn set_off_title(text: &str) -> Option<&str> {
    let (start, end, inner) = quoted_span(text)?;
    let before = text[..start].trim_end();
    let after = text[end..].trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':'));
    let led = before.is_empty() || before.ends_with([',', ':', '—', '–', '-']);
    let trailing_words = after.split_whitespace().all(|w| w.starts_with(char::is_lowercase));
    (led && trailing_words).then_some(inner)
}

/// The first quoted stretch of a text: its byte range (quotes included) and its inner text.
#[must_use]
pub fn quoted_span(text: &str) -> Option<(usize, usize, &str)> {
    for (i, c) in text.char_indices() {
        for (open, close) in QUOTES {
            if c != *open {
                continue;
            }
            // An apostrophe inside a word (`Don't`) opens nothing.
            if *open == '\'' || *open == '‘' {
                let before = text[..i].chars().next_back();
                if before.is_some_and(char::is_alphanumeric) {
                    continue;
                }
            }
            let after = i + open.len_utf8();
            // A title is short: look for its closing quote nearby, not to the end of the text.
            let window = &text[after..crate::text::char_boundary_from(text, after + 400)];
            if let Some(len) = window.find(*close) {
                let inner = &text[after..after + len];
                if inner.trim().chars().count() >= 2 {
                    return Some((i, after + len + close.len_utf8(), inner));
                }
            }
        }
    }
    None
}

/// What is left of a head once the title is cut out, without the words that join them.
fn around(text: &str, start: usize, end: usize) -> String {
    const JOINERS: &[&str] = &[
        "by ",
        "from ",
        "with ",
        "presented by ",
        "'s talk",
        "’s talk",
        "'s",
        "’s",
        "gave",
        "presents",
        " on",
        " about",
        " titled",
        " called",
        " did",
        " presented",
    ];
    let joined = format!("{} {}", &text[..start], &text[end..]);
    let mut t: &str = joined.trim();
    loop {
        let before = t;
        for word in JOINERS {
            t = t.strip_prefix(word).unwrap_or(t).trim();
            // (A whole word only: `Priyanka Menon` does not end in ` on`.)
            let word = word.trim();
            let whole =
                |rest: &str| rest.is_empty() || rest.ends_with(char::is_whitespace) || word.starts_with(['\'', '’']);
            t = t.strip_suffix(word).filter(|rest| whole(rest)).unwrap_or(t).trim();
        }
        t = t.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '—' | '–' | '-' | '|' | '·' | '•' | '/')).trim();
        if t == before {
            return collapse_ws(t);
        }
    }
}

/// `"Title" – Speaker`, `Speaker: “Title”`, `Speaker, Company — «Title»`.
///
/// ```
/// use confgraph::ingest::forms::{QuotedTitle, Form, Head};
/// use confgraph::ingest::names::speakers::Slot;
///
/// let r = &QuotedTitle.read(&Head::plain("Kwesi Appiah, Hubtel — “Laravel at Scale”"), Slot::Guessed)[0];
/// assert_eq!((r.title.as_str(), r.speakers[0].name.as_str()), ("Laravel at Scale", "Kwesi Appiah"));
/// ```
pub struct QuotedTitle;

impl Form for QuotedTitle {
    fn name(&self) -> &'static str {
        "\"Title\" Speaker"
    }

    fn read(&self, head: &Head, slot: Slot) -> Vec<Reading> {
        let text = head.text.as_str();
        let Some((start, end, inner)) = quoted_span(text) else {
            return Vec::new();
        };
        let Some(title) = title_of(inner) else {
            return Vec::new();
        };
        // `— "Kalle" Karl-Heinz Obermaier`: a quoted word or two opening a name is a nickname.
        let next = text[end..].split_whitespace().next().unwrap_or_default();
        if start > 0
            && inner.split_whitespace().count() <= 2
            && judge(&text[start..]).likeness >= Likeness::Plausible
            && next.starts_with(char::is_uppercase)
        {
            return Vec::new();
        }
        let rest = around(text, start, end);
        if rest.is_empty() {
            return vec![reading("\"Title\"", title, Vec::new(), 1, None)];
        }
        let key = if start == 0 { "\"Title\" Speaker" } else { "Speaker \"Title\"" };
        leading_speakers(&rest, slot)
            .map(|(speakers, remark)| reading(key, title, speakers, 3, remark))
            .into_iter()
            .collect()
    }
}

/// `**Title** — Speaker`, `*Title*, Speaker`, `Speaker: **Title**`: the bold or italic stretch at
/// one end of the head is the title, the rest the speakers.
///
/// ```
/// use confgraph::ingest::document::MarkKind;
/// use confgraph::ingest::forms::{MarkedTitle, Form, Head};
/// use confgraph::ingest::names::speakers::Slot;
///
/// let head = Head { text: "Generics in Anger — Tomás Villanueva".into(), marks: vec![(MarkKind::Strong, 0, 17)] };
/// let r = &MarkedTitle.read(&head, Slot::Guessed)[0];
/// assert_eq!((r.title.as_str(), r.speakers[0].name.as_str()), ("Generics in Anger", "Tomás Villanueva"));
/// ```
pub struct MarkedTitle;

impl Form for MarkedTitle {
    fn name(&self) -> &'static str {
        "**Title** Speaker"
    }

    fn read(&self, head: &Head, slot: Slot) -> Vec<Reading> {
        let text = head.text.as_str();
        let mut out = Vec::new();
        for &(kind, start, end) in &head.marks {
            if !matches!(kind, MarkKind::Strong | MarkKind::Emphasis | MarkKind::Link) || end > text.len() {
                continue;
            }
            let at_start = text[..start].trim().is_empty();
            let at_end = text[end..].trim().trim_end_matches(['.', '!']).is_empty();
            if !(at_start || at_end) || (at_start && at_end) {
                continue;
            }
            let (inner, label_kind) = strip_kind_label(&text[start..end]);
            let Some(title) = title_of(&inner) else { continue };
            let rest = around(text, start, end);
            let Some((speakers, remark)) = leading_speakers(&rest, slot) else { continue };
            // `**Joaquim Pestana** — editor at the data desk of *Jornal do Norte*`: a bio.
            if !at_start && remark.as_deref().is_some_and(is_bio) {
                continue;
            }
            let key = if at_start { "**Title** Speaker" } else { "Speaker **Title**" };
            let mut r = reading(key, title, speakers, 2, remark);
            r.kind = label_kind;
            out.push(r);
        }
        out
    }
}

/// `Title (Speaker)`, `Title (A & B)`, `Title (Speaker, Company) — great`.
///
/// ```
/// use confgraph::ingest::forms::{ParenNames, Form, Head};
/// use confgraph::ingest::names::speakers::Slot;
///
/// let r = &ParenNames.read(&Head::plain("Fearless Refactoring (Kateryna Bondarenko, Ferrous)"), Slot::Guessed)[0];
/// assert_eq!((r.title.as_str(), r.speakers[0].name.as_str()), ("Fearless Refactoring", "Kateryna Bondarenko"));
/// assert!(ParenNames.read(&Head::plain("Rust to Go (and Back)"), Slot::Guessed).is_empty());
/// ```
pub struct ParenNames;

impl Form for ParenNames {
    fn name(&self) -> &'static str {
        "Title (Speaker)"
    }

    fn read(&self, head: &Head, slot: Slot) -> Vec<Reading> {
        enclosed_names(&head.text, '(', ')', slot, "Title (Speaker)")
    }
}

/// `[Speaker] Title` or `Title [Speaker]`.
///
/// ```
/// use confgraph::ingest::forms::{BracketNames, Form, Head};
/// use confgraph::ingest::names::speakers::Slot;
///
/// let r = &BracketNames.read(&Head::plain("[Lerato Mokoena] Channels All the Way Down"), Slot::Guessed)[0];
/// assert_eq!((r.title.as_str(), r.speakers[0].name.as_str()), ("Channels All the Way Down", "Lerato Mokoena"));
/// ```
pub struct BracketNames;

impl Form for BracketNames {
    fn name(&self) -> &'static str {
        "[Speaker] Title"
    }

    fn read(&self, head: &Head, slot: Slot) -> Vec<Reading> {
        enclosed_names(&head.text, '[', ']', slot, "[Speaker] Title")
    }
}

/// A bracketed speaker list at the start or end of the head; the rest is the title.
fn enclosed_names(text: &str, open: char, close: char, slot: Slot, key: &str) -> Vec<Reading> {
    let mut out = Vec::new();
    // `Session 1 — Marine (chair: Henrik Aas)`, `Keynote 1 (chair: Ewa)`: who chairs a session
    // introduces its speakers and is not one.
    let chair = |inner: &str| {
        let l = inner.trim_start().to_lowercase();
        ["chair", "session chair", "chaired by", "co-chair"].iter().any(|c| l.starts_with(c))
    };
    // At the start: `[Speaker] Title`.
    if let Some(rest) = text.trim_start().strip_prefix(open)
        && let Some(end) = rest.find(close)
    {
        let inner = &rest[..end];
        if chair(inner) {
            return out;
        }
        if let (Some(names), Some(title)) = (speaker_list(inner, slot), title_of(&rest[end + 1..])) {
            out.push(reading(key, title, names, 2, None));
        }
    }
    // At the end, maybe before a remark: `Title (Speaker) — great`.
    let mut search = text.len();
    while let Some(start) = text[..search].rfind(open) {
        let Some(len) = text[start..].find(close) else {
            search = start;
            continue;
        };
        let end = start + len;
        let after = text[end + close.len_utf8()..].trim();
        let remark_ok = after.is_empty()
            || REMARK_SEPARATORS.iter().any(|s| after.starts_with(s.trim_start()))
            || after.starts_with(['.', ',', '!', ':', ';'])
            || after.chars().next().is_some_and(char::is_lowercase);
        let inner = &text[start + open.len_utf8()..end];
        if chair(inner) {
            search = start;
            continue;
        }
        // `Farah Al-Sayed (@farahcodes)`: a handle after a name is that person's, not a speaker.
        let handle_of_name = inner.trim().starts_with('@') && {
            let words: Vec<&str> = text[..start].split_whitespace().collect();
            (2..=3)
                .any(|n| words.len() >= n && judge(&words[words.len() - n..].join(" ")).likeness >= Likeness::Plausible)
        };
        // `(Rhys Caradog — me!)`, `(Ana Lima - remote)`: the note-taker's aside after the name.
        let names = speaker_list(inner, slot).or_else(|| without_aside_dash(inner).and_then(|n| speaker_list(n, slot)));
        if remark_ok
            && !handle_of_name
            && let (Some(names), Some(title)) = (names, title_of(&text[..start]))
        {
            let remark = (!after.is_empty()).then(|| collapse_ws(after));
            out.push(reading(key, title, names, 1, remark));
            break;
        }
        search = start;
    }
    out
}

/// The names before a short aside set off by a dash (`Rhys Caradog — me!`, `Ana Lima - remote`):
/// the aside is a few words in lower case or an exclamation.
fn without_aside_dash(inner: &str) -> Option<&str> {
    let (names, aside) = [" — ", " – ", " - "].iter().find_map(|d| inner.rsplit_once(d))?;
    let aside = aside.trim();
    let words = aside.split_whitespace().count();
    let remark = aside.starts_with(char::is_lowercase) || aside.ends_with(['!', '?']);
    ((1..=3).contains(&words) && remark).then_some(names.trim())
}

/// Dashes that separate a title from speakers, strongest first.
const DASHES: &[&str] = &[" — ", " – ", " -- ", " ― ", " - ", " −  ", "—", " —", "— ", "- ", " -"];

/// `Speaker — Title` or `Title — Speaker`, with an em dash, an en dash or a spaced hyphen; the
/// side that reads as names holds the speakers.
///
/// ```
/// use confgraph::ingest::forms::{DashSplit, Form, Head};
/// use confgraph::ingest::names::speakers::Slot;
///
/// let r = DashSplit.read(&Head::plain("Sigrid Haugen — Benchmarks That Lie"), Slot::Guessed);
/// assert_eq!((r[0].key.as_str(), r[0].title.as_str()), ("Speaker — Title", "Benchmarks That Lie"));
/// let r = DashSplit.read(&Head::plain("Benchmarks That Lie - Sigrid Haugen"), Slot::Guessed);
/// assert_eq!((r[0].key.as_str(), r[0].speakers[0].name.as_str()), ("Title — Speaker", "Sigrid Haugen"));
/// ```
pub struct DashSplit;

impl Form for DashSplit {
    fn name(&self) -> &'static str {
        "Title — Speaker"
    }

    fn read(&self, head: &Head, slot: Slot) -> Vec<Reading> {
        let text = head.text.as_str();
        let mut out = Vec::new();
        for dash in DASHES {
            let Some(first) = text.find(dash) else { continue };
            let last = text.rfind(dash).unwrap_or(first);
            // Names first: up to the first dash. Names last: after the last one.
            let left = &text[..first];
            // (`Hana Novaková — freelance data reporter based in Prague`: a bio, not a title.)
            let title = title_of(&text[first + dash.len()..]).filter(|t| !is_bio(t));
            if let (Some(names), Some(title)) = (speaker_list(left, slot), title) {
                out.push(reading("Speaker — Title", title, names, 0, None));
            }
            // (`**Title** – Sprecher: Lukas Brenninkmeijer`: the label says what follows.)
            let labelled = labels_of(text[last + dash.len()..].trim());
            let right = match labelled.as_slice() {
                [l] if l.field == LabelField::Speakers => l.value.as_str(),
                _ => &text[last + dash.len()..],
            };
            // (`Coimbra, Portugal — Convento São Francisco, 2 days`: a place, then its venue.)
            let place = text[..last].contains(", ") && text[..last].split_whitespace().count() <= 4;
            let names =
                leading_speakers(right, slot).or_else(|| (!place).then(|| name_then_remark(right, slot)).flatten());
            if let (Some((names, remark)), Some(title)) = (names, title_of(&text[..last])) {
                out.push(reading("Title — Speaker", title, names, 0, remark));
            }
            if !out.is_empty() {
                break;
            }
        }
        out
    }
}

/// `Acoustic SLAM Under Sea Ice. Ji-ho Park, Anna Kowalska-Brandt (TalTech)`: a paper in an
/// academic programme, its title ended by a full stop, its authors after it.
///
/// ```
/// use confgraph::ingest::forms::{Form, Head, PeriodSplit};
/// use confgraph::ingest::names::speakers::Slot;
///
/// let r = &PeriodSplit.read(&Head::plain("Current-Aware Path Planning. M. Petrov, L. Andersson (KTH)"), Slot::Guessed)[0];
/// assert_eq!((r.title.as_str(), r.speakers.len()), ("Current-Aware Path Planning", 2));
/// assert!(PeriodSplit.read(&Head::plain("Great talk. Loved it."), Slot::Guessed).is_empty());
/// ```
pub struct PeriodSplit;

impl Form for PeriodSplit {
    fn name(&self) -> &'static str {
        "Title. Authors"
    }

    fn read(&self, head: &Head, slot: Slot) -> Vec<Reading> {
        let text = head.text.trim();
        for (at, _) in text.match_indices(". ") {
            let left = &text[..at];
            // (`Dr. Ana`, `M. Petrov`, `Univ. of Tartu`: a full stop after an initial or a
            // shortened word ends no title.)
            let last = left.rsplit(' ').next().unwrap_or(left);
            let short = super::names::judge::is_shortened(last);
            // (`T  - prof. Halima Abubakar`: a dash already parts title and speaker.)
            let dashed = DASHES.iter().take(5).any(|d| left.contains(d));
            if short || dashed || left.split_whitespace().count() < 2 {
                continue;
            }
            let right = text[at + 2..].trim_end_matches('.');
            if let (Some(title), Some((names, remark))) = (title_of(left), leading_speakers(right, slot)) {
                return vec![reading("Title. Authors", title, names, 1, remark)];
            }
        }
        Vec::new()
    }
}

/// `Speaker: Title` — only when what stands before the colon reads as names; `Query Tuning:
/// From Slow to Fast` is a title with a subtitle.
///
/// ```
/// use confgraph::ingest::forms::{ColonNames, Form, Head};
/// use confgraph::ingest::names::speakers::Slot;
///
/// let r = &ColonNames.read(&Head::plain("Aditya Kulkarni: Operators: The Good Parts"), Slot::Guessed)[0];
/// assert_eq!(r.title, "Operators: The Good Parts");
/// assert!(ColonNames.read(&Head::plain("Query Tuning: From Slow to Fast"), Slot::Guessed).is_empty());
/// ```
pub struct ColonNames;

impl Form for ColonNames {
    fn name(&self) -> &'static str {
        "Speaker: Title"
    }

    fn read(&self, head: &Head, slot: Slot) -> Vec<Reading> {
        let text = head.text.as_str();
        let Some(colon) = text.find(':') else {
            return Vec::new();
        };
        let left = &text[..colon];
        if left.contains("://") || text[colon..].starts_with("://") {
            return Vec::new();
        }
        let mut out = Vec::new();
        if let (Some(names), Some(title)) = (speaker_list(left, slot), title_of(&text[colon + 1..])) {
            out.push(reading("Speaker: Title", title, names, -1, None));
        }
        // `Opening: Ilze Kalniņa and Jānis Ozoliņš, very dry humour` — names after the colon.
        if let (Some((names, remark)), Some(title)) = (leading_speakers(&text[colon + 1..], slot), title_of(left))
            && out.is_empty()
        {
            out.push(reading("Title: Speaker", title, names, -2, remark));
        }
        out
    }
}

/// `Title, Speaker` — the last comma-separated parts that read as names; a title with commas in
/// it keeps them (`Jetpack Compose, Explained, Ana Kim`).
///
/// ```
/// use confgraph::ingest::forms::{CommaNames, Form, Head};
/// use confgraph::ingest::names::speakers::Slot;
///
/// let r = &CommaNames.read(&Head::plain("Jetpack Compose, Explained, Seo-yeon Kim"), Slot::Guessed)[0];
/// assert_eq!((r.title.as_str(), r.speakers[0].name.as_str()), ("Jetpack Compose, Explained", "Seo-yeon Kim"));
/// ```
pub struct CommaNames;

impl Form for CommaNames {
    fn name(&self) -> &'static str {
        "Title, Speaker"
    }

    fn read(&self, head: &Head, slot: Slot) -> Vec<Reading> {
        let text = head.text.as_str();
        let commas: Vec<usize> = text.match_indices(", ").map(|(i, _)| i).collect();
        // The speaker part: from the last comma backwards, the longest run of parts that all read
        // as names (`The Future of Android, Aiko Matsumoto, Kwabena Owusu, Isabel Ramírez`).
        let mut best = None;
        for &at in commas.iter().rev().take(6) {
            let left = &text[..at];
            let right = &text[at + 2..];
            if speaker_list(left, Slot::Guessed).is_some() {
                continue;
            }
            match (speaker_list(right, slot), title_of(left)) {
                (Some(names), Some(title))
                    if names.iter().any(|n| n.name.contains(' ') || n.name.starts_with('@'))
                        || slot == Slot::Stated =>
                {
                    best = Some(reading("Title, Speaker", title, names, -1, None));
                }
                _ if best.is_some() => break,
                _ => {}
            }
        }
        best.into_iter().collect()
    }
}

/// True when some occurrence of `sep` in `text` stands inside `( … )` or `[ … ]`.
fn inside_brackets(text: &str, sep: &str) -> bool {
    text.match_indices(sep).any(|(at, _)| {
        let before = &text[..at];
        before.matches(['(', '[']).count() > before.matches([')', ']']).count()
    })
}

/// Separators of a repeated pattern that are not dashes or colons: `~`, `//`, `|`, `·`, `•`,
/// tabs and runs of spaces.
const SLOT_SEPARATORS: &[&str] =
    &["\t", " // ", "//", " ~ ", " | ", " · ", " • ", " :: ", " → ", " » ", " › ", " / ", "   ", "  "];

/// `Title // Speaker // Room`, `Title ~ Speaker`, `Speaker | Title`, columns split by tabs or runs
/// of spaces: the slot that reads as names holds the speakers, the longest other slot the title.
///
/// ```
/// use confgraph::ingest::forms::{Separated, Form, Head};
/// use confgraph::ingest::names::speakers::Slot;
///
/// let r = &Separated.read(&Head::plain("Chaos Engineering Lite // Aditya Kulkarni // Hall 2"), Slot::Guessed)[0];
/// assert_eq!((r.title.as_str(), r.speakers[0].name.as_str()), ("Chaos Engineering Lite", "Aditya Kulkarni"));
/// assert_eq!(r.rest.as_deref(), Some("Hall 2"));
/// ```
pub struct Separated;

impl Form for Separated {
    fn name(&self) -> &'static str {
        "Title // Speaker"
    }

    fn read(&self, head: &Head, slot: Slot) -> Vec<Reading> {
        let text = head.text.trim();
        // `A & B (KB / Biblioteca Nacional) — Title`: a separator inside brackets splits nothing.
        let Some(sep) = SLOT_SEPARATORS.iter().find(|s| text.contains(*s) && !inside_brackets(text, s)) else {
            return Vec::new();
        };
        // `Title -- A / B`: a slash after a dash joins the speakers of a dash form.
        if sep.trim() == "/" && DASHES[..4].iter().any(|d| text.contains(d)) {
            return Vec::new();
        }
        let slots: Vec<&str> = text.split(sep).map(str::trim).filter(|s| !s.is_empty()).collect();
        if slots.len() < 2 || slots.len() > 6 {
            return Vec::new();
        }
        let mut best: Option<(usize, Vec<NameRef>, i32)> = None;
        for (i, s) in slots.iter().enumerate() {
            if let Some(names) = speaker_list(s, slot) {
                let score = names_score(&names);
                if best.as_ref().is_none_or(|b| score > b.2) {
                    best = Some((i, names, score));
                }
            }
        }
        let Some((names_at, names, _)) = best else {
            return Vec::new();
        };
        let title_at = (0..slots.len())
            .filter(|&i| i != names_at)
            .max_by_key(|&i| (slots[i].chars().filter(|c| c.is_alphabetic()).count(), std::cmp::Reverse(i)));
        let Some(title_at) = title_at else {
            return Vec::new();
        };
        // `### @mirela-dev · Nov 18, 2024`: a post's author and date, not a talk.
        let Some(title) = title_of(slots[title_at]).filter(|t| !is_date_only(t)) else {
            return Vec::new();
        };
        let rest: Vec<&str> =
            slots.iter().enumerate().filter(|(i, _)| *i != names_at && *i != title_at).map(|(_, s)| *s).collect();
        let sep_name = if sep.trim().is_empty() { "␣" } else { sep.trim() };
        let key = format!("slots {sep_name}: title {title_at}, speaker {names_at}");
        let rest = (!rest.is_empty()).then(|| rest.join(", "));
        vec![reading(&key, title, names, 1, rest)]
    }
}

/// `K. Jay Miller Keynote`, `Aiko Fujimoto's keynote`: a speaker and the kind; the heading stays
/// the title until the notes state one.
///
/// ```
/// use confgraph::ingest::forms::{NameKeynote, Form, Head};
/// use confgraph::ingest::names::speakers::Slot;
///
/// let r = &NameKeynote.read(&Head::plain("K. Jay Miller Keynote"), Slot::Guessed)[0];
/// assert_eq!((r.title.as_str(), r.speakers[0].name.as_str()), ("K. Jay Miller Keynote", "K. Jay Miller"));
/// assert!(NameKeynote.read(&Head::plain("Opening Keynote"), Slot::Guessed).is_empty());
/// ```
pub struct NameKeynote;

impl Form for NameKeynote {
    fn name(&self) -> &'static str {
        "Speaker Keynote"
    }

    fn read(&self, head: &Head, slot: Slot) -> Vec<Reading> {
        let text = head.text.trim();
        let Some(who) = [" Keynote", " keynote", " KEYNOTE"].iter().find_map(|s| text.strip_suffix(s)) else {
            return Vec::new();
        };
        let who = who.trim_end_matches("'s").trim_end_matches("’s");
        let Some(names) = speaker_list(who, slot) else {
            return Vec::new();
        };
        let mut r = reading("Speaker Keynote", text.to_owned(), names, 2, None);
        // The heading is the title only for want of a stated one; it is not a name.
        r.score += 5 * i32::from(judge(text).likeness >= Likeness::Plausible);
        r.kind = Some(SessionKind::Keynote);
        vec![r]
    }
}

/// `Sun-hee Lim on Accessible Charts with SVG — …`: who, then `on` and a capitalised title.
///
/// ```
/// use confgraph::ingest::forms::{NameOn, Form, Head};
/// use confgraph::ingest::names::speakers::Slot;
///
/// let r = &NameOn.read(&Head::plain("Sun-hee Lim on Accessible Charts with SVG — great"), Slot::Guessed)[0];
/// assert_eq!((r.title.as_str(), r.speakers[0].name.as_str()), ("Accessible Charts with SVG", "Sun-hee Lim"));
/// assert!(NameOn.read(&Head::plain("Ana Ortiz on why tests matter"), Slot::Guessed).is_empty());
/// ```
pub struct NameOn;

impl Form for NameOn {
    fn name(&self) -> &'static str {
        "Speaker on Title"
    }

    fn read(&self, head: &Head, slot: Slot) -> Vec<Reading> {
        let text = head.text.as_str();
        let Some(at) = text.find(" on ") else {
            return Vec::new();
        };
        let rest = &text[at + 4..];
        if !rest.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '*'))
        {
            return Vec::new();
        }
        let cut = REMARK_SEPARATORS.iter().filter_map(|s| rest.find(s)).min().unwrap_or(rest.len());
        match (speaker_list(&text[..at], slot), title_of(&rest[..cut])) {
            (Some(names), Some(title)) => {
                let remark = (cut < rest.len()).then(|| collapse_ws(&rest[cut..]));
                vec![reading("Speaker on Title", title, names, 0, remark)]
            }
            _ => Vec::new(),
        }
    }
}

/// Every reading of a head by every form, best first; the head's kind label (`Keynote:`) is
/// taken off first and given to each reading.
#[must_use]
pub fn readings(head: &Head, slot: Slot) -> Vec<Reading> {
    if !super::names::has_name_word(&head.text, slot) {
        return Vec::new();
    }
    let unmarked = without_decorations(&head.text);
    if unmarked.len() < head.text.len() {
        let from = unmarked.as_ptr() as usize - head.text.as_ptr() as usize;
        let to = from + unmarked.len();
        let marks =
            head.marks.iter().filter(|m| m.1 >= from && m.2 <= to).map(|&(k, s, e)| (k, s - from, e - from)).collect();
        return readings(&Head { text: unmarked.to_owned(), marks }, slot);
    }
    // `#talk #keynote Title — Speaker`: an outline's leading tags, the kind among them (the most
    // specific one: `#keynote` over `#talk`).
    if head.text.starts_with('#') && !head.text.starts_with("# ") {
        let mut end = 0;
        let mut kind = None;
        for word in head.text.split(' ') {
            let Some(tag) = word.strip_prefix('#').filter(|t| !t.is_empty() && !t.starts_with('#')) else { break };
            if kind.is_none() || kind == Some(SessionKind::Talk) {
                kind = kind_word(tag).or(kind);
            }
            end += word.len() + 1;
        }
        if end > 0 && end < head.text.len() {
            return read_rest(head, end, kind, slot);
        }
    }
    // `keynote now: "T" — A`, `next: A, "T"`, `next one — A, "T"`: a live-blogger's lead-in.
    if let Some(m) = LIVE_LEAD_IN.captures(&head.text) {
        let end = m.get(0).map_or(0, |w| w.end());
        if end < head.text.len() {
            return read_rest(head, end, m.name("kind").and_then(|k| kind_word(k.as_str())), slot);
        }
    }
    // `**Keynote** Matej Kranjc — "Deploy on Fridays"`: a kind word set in bold is a label.
    if let Some(&(_, 0, end)) = head.marks.iter().find(|m| m.0 == MarkKind::Strong && m.1 == 0) {
        let after = &head.text[end..];
        let goes_on = after.starts_with(' ')
            && after.trim_start().starts_with(|c: char| c.is_alphanumeric() || "\"“[@".contains(c));
        if let Some(kind) = kind_word(&head.text[..end]).filter(|_| goes_on) {
            let shift = head.text.len() - head.text[end..].trim_start().len();
            return read_rest(head, shift, Some(kind), slot);
        }
    }
    let (text, kind) = strip_kind_label(&head.text);
    let shift =
        head.text.trim_start().len().saturating_sub(text.len()) + (head.text.len() - head.text.trim_start().len());
    let shifted = Head {
        text: text.clone(),
        marks: head
            .marks
            .iter()
            .filter(|(_, s, _)| *s >= shift)
            .map(|&(k, s, e)| (k, s - shift, e.saturating_sub(shift).min(text.len())))
            .filter(|&(_, s, e)| e > s && text.is_char_boundary(s) && text.is_char_boundary(e))
            .collect(),
    };
    let mut out: Vec<Reading> = FORMS.iter().flat_map(|f| f.read(&shifted, slot)).collect();
    out.extend(before_remark(&shifted, slot));
    // `Panel: Is the bubble bursting? with A (moderator), B and C`: the label said panel.
    if matches!(kind, Some(SessionKind::Panel | SessionKind::Ama)) {
        out.extend(labelled_with(&shifted.text, slot));
    }
    for r in &mut out {
        r.kind = r.kind.or(kind);
        // `Lucas Moreau: Workshop: Building a DPIA Template`: the label after the speaker.
        let (title, label) = strip_kind_label(&r.title);
        if label.is_some() && title.len() < r.title.len() {
            r.title = title;
            r.kind = r.kind.or(label);
        }
    }
    out.sort_by_key(|r| std::cmp::Reverse(r.score));
    out
}

/// The readings of what follows byte `end` of a head (a label, tags or a lead-in taken off), its
/// marks shifted with it, each given `kind` unless it found its own.
fn read_rest(head: &Head, end: usize, kind: Option<SessionKind>, slot: Slot) -> Vec<Reading> {
    let marks = head.marks.iter().filter(|m| m.1 >= end).map(|&(k, s, e)| (k, s - end, e - end)).collect();
    let mut out = readings(&Head { text: head.text[end..].to_owned(), marks }, slot);
    for r in &mut out {
        r.kind = r.kind.or(kind);
    }
    out
}

/// A live-blogger's lead-in to a talk: `keynote now:`, `next:`, `next up —`, `now:`.
static LIVE_LEAD_IN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)^(?:ok,?\s+|so\s+)?(?:(?P<kind>keynote|panel|workshop|talk|lightning\s+talk)\s+)?(?:now|next(?:\s+up|\s+one)?|up\s+next|starting)\s*(?::|—|–|-)\s*",
    )
    .expect("valid regex")
});

/// A line without what decorates it: a leading pictograph (`👋 Opening remarks by …`), attendance
/// marks (`Title ★`, `Title (*)`, `Title ✓`), the note-taker's aside (`(missed who gave it)`), a
/// trailing pictograph and tags (`Title #chaos #sre`, topic hints read elsewhere).
fn without_decorations(text: &str) -> &str {
    // `👋 Opening remarks by …`, `🛠️ workshop: …`: a pictograph leading a line decorates it (the
    // lightning sign is a kind label, read later).
    let pictograph = |c: char| {
        !c.is_alphanumeric()
            && c != '⚡'
            && (u32::from(c) >= 0x2190 && !"“”‘’«»„".contains(c) || matches!(c, '\u{fe0f}' | '\u{200d}'))
    };
    let mut t = text.trim_start_matches(|c: char| pictograph(c) || c.is_whitespace()).trim_end();
    // `[MK] Shade equity …`: a shared document's author initials.
    t = author_initials(t).map_or(t, str::trim_start);
    loop {
        let before = t;
        t = t.trim_end_matches(['★', '☆', '✓', '✔', '✅', '⭐', '✗', '✘']).trim_end();
        t = t.strip_suffix("(*)").unwrap_or(t).trim_end();
        // `Title (Speaker) *`: a printout's "went" mark.
        t = t.strip_suffix(" *").unwrap_or(t).trim_end();
        // `Nerves on a Coffee Machine ☕ (missed who gave it)`: the note-taker's aside.
        if let Some(open) = t.strip_suffix(')').and_then(|r| r.rfind('(')) {
            let inner = t[open + 1..t.len() - 1].trim_start();
            let aside = ["missed", "didn't", "did not", "skipped", "left early", "only caught", "half", "lol", "sadly"]
                .iter()
                .any(|w| inner.starts_with(w));
            if aside && open > 0 {
                t = t[..open].trim_end();
            }
        }
        t = t
            .trim_end_matches(|c: char| u32::from(c) >= 0x2190 && !c.is_alphanumeric() && !"”’»".contains(c))
            .trim_end();
        // `Title — Speaker ^kn1`: an outline's block id.
        if let Some(at) = t.rfind(" ^") {
            let id = &t[at + 2..];
            if !id.is_empty() && id.len() <= 12 && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                t = t[..at].trim_end();
            }
        }
        if let Some(at) = t.rfind(" #") {
            let tag = &t[at + 2..];
            if !tag.is_empty() && tag.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '/')) {
                t = t[..at].trim_end();
            }
        }
        if t.len() == before.len() {
            return t;
        }
    }
}

/// What follows a shared document's author initials opening a line (`[MK] `, `[JO] `): two or
/// three capitals in brackets.
#[must_use]
pub fn author_initials(text: &str) -> Option<&str> {
    let rest = text.strip_prefix('[')?;
    let close = rest.find(']')?;
    let tag = &rest[..close];
    ((2..=3).contains(&tag.len()) && tag.bytes().all(|b| b.is_ascii_uppercase()) && rest[close + 1..].starts_with(' '))
        .then(|| &rest[close + 1..])
}

/// `Title, Speaker — why it matters: …`, `Title — Speaker - great talk`, `Title — Speaker: the
/// errors are better`: the line before a
/// remark (a dash followed by lower-case words), read with the remark set aside. Only readings
/// that find speakers count; they rank just below a reading of the whole line.
fn before_remark(head: &Head, slot: Slot) -> Vec<Reading> {
    let text = head.text.as_str();
    let dashed = [" — ", " – ", " - "].iter().filter_map(|d| text.find(d)).min();
    // `Title — Speaker: remark`: a colon after the dash sets a remark off too.
    let colon = dashed.and_then(|d| text[d..].find(": ").map(|c| d + c));
    let Some(cut) = [" — ", " – ", " - "]
        .iter()
        .filter_map(|d| {
            text.match_indices(d).map(|(i, _)| i).find(|&i| text[i + d.len()..].starts_with(char::is_lowercase))
        })
        .chain(colon)
        .min()
    else {
        return Vec::new();
    };
    let remark = text[cut..].trim_start_matches([' ', '—', '–', '-']).trim().to_owned();
    let before = Head {
        text: text[..cut].trim_end().to_owned(),
        marks: head.marks.iter().filter(|m| m.2 <= cut).copied().collect(),
    };
    FORMS
        .iter()
        .flat_map(|f| f.read(&before, slot))
        .filter(|r| !r.speakers.is_empty())
        .map(|mut r| {
            r.score -= 1;
            r.rest = Some(remark.clone());
            r
        })
        .collect()
}

/// The head as a title alone (its kind label taken off).
#[must_use]
pub fn title_only(head: &Head) -> Reading {
    let (text, kind) = strip_kind_label(without_decorations(&head.text));
    // `Opening remarks — chairs`: a role where the speaker would be names no one.
    let role = [" — ", " – ", " - "].iter().find_map(|d| text.rsplit_once(d)).filter(|(_, r)| is_role_group(r));
    let text = role.map_or_else(|| text.clone(), |(title, _)| title.to_owned());
    let title = title_of(&text).unwrap_or_else(|| collapse_ws(&head.text));
    Reading { key: "Title".into(), title, speakers: Vec::new(), score: 0, kind, rest: None }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_bios_are_no_titles() {
        for date in ["Nov 18, 2024", "Tue 14 May", "2024-11-18", "Saturday, 3rd June"] {
            assert!(is_date_only(date), "{date}");
        }
        for title in ["May the Force Be With You", "2024 in Review", "Nov 18"] {
            assert_eq!(is_date_only(title), title == "Nov 18", "{title}");
        }
        assert!(is_bio("freelance data reporter based in Prague."));
        assert!(is_bio("researcher and former wire-service reporter"));
        assert!(!is_bio("Scraping Court Records Without Getting Blocked"));
        assert!(!is_bio("why every student should learn Git"));
        for title in ["lead with empathy", "becoming a maintainer", "head in the clouds"] {
            assert!(!is_bio(title), "{title}");
        }
        for bio in [
            "managing editor at Deník N",
            "head of data at Stripe",
            "tech lead at Mozilla",
            "founding editor of The Ferret",
        ] {
            assert!(is_bio(bio), "{bio}");
        }
    }

    fn best(text: &str) -> Option<(String, Vec<String>)> {
        readings(&Head::plain(text), Slot::Guessed)
            .into_iter()
            .next()
            .map(|r| (r.title, r.speakers.into_iter().map(|n| n.name).collect()))
    }

    #[test]
    fn leading_tags_give_the_most_specific_kind() {
        let r = readings(&Head::plain("#talk #keynote Resilience Is a Cost Line — Oluwaseun Adeyemi"), Slot::Guessed);
        assert_eq!(r[0].title, "Resilience Is a Cost Line");
        assert_eq!(r[0].kind, Some(SessionKind::Keynote));
    }

    #[test]
    fn heads_of_many_forms() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "Ownership in Practice (Kateryna Bondarenko & Lucas Ferreira)",
                "Ownership in Practice",
                &["Kateryna Bondarenko", "Lucas Ferreira"],
            ),
            ("Sigrid Haugen — Benchmarks That Lie", "Benchmarks That Lie", &["Sigrid Haugen"]),
            (
                "Operators: The Good, the Bad and the Flaky — Nikolaos Papadopoulos",
                "Operators: The Good, the Bad and the Flaky",
                &["Nikolaos Papadopoulos"],
            ),
            (
                "Aditya Kulkarni: SLOs: Why Your Error Budget Lies",
                "SLOs: Why Your Error Budget Lies",
                &["Aditya Kulkarni"],
            ),
            (
                "\"Streams All the Way Down\" by Nadia Petrova, Bo Chen and Amara Okafor",
                "Streams All the Way Down",
                &["Nadia Petrova", "Bo Chen", "Amara Okafor"],
            ),
            (
                "Keynote: The Go Scheduler, Ten Years On — Dr. Mei-Ling Zhao, Google",
                "The Go Scheduler, Ten Years On",
                &["Mei-Ling Zhao"],
            ),
            (
                "[Lerato Mokoena (Flutterwave)] Channels All the Way Down",
                "Channels All the Way Down",
                &["Lerato Mokoena"],
            ),
            ("Jetpack Compose, Explained, Seo-yeon Kim", "Jetpack Compose, Explained", &["Seo-yeon Kim"]),
        ];
        for (head, title, speakers) in cases {
            let (t, s) = best(head).unwrap_or_else(|| panic!("nothing read from {head}"));
            assert_eq!(
                (t.as_str(), s.iter().map(String::as_str).collect::<Vec<_>>()),
                (*title, speakers.to_vec()),
                "{head}"
            );
        }
    }

    #[test]
    fn a_duration_aside_is_no_part_of_a_title() {
        assert_eq!(without_aside("Gettext to Fluent Migration (2 h, bring laptop)"), "Gettext to Fluent Migration");
        assert_eq!(without_aside("Opening remarks (10 min, wifi pw on badge)"), "Opening remarks");
        assert_eq!(without_aside("Hands-on Tracing (90min)"), "Hands-on Tracing");
        assert_eq!(without_aside("Top 10 (2 h)"), "Top 10");
        for kept in ["Async Rust (part 2)", "Free-threading Update (aka no GIL)", "Rust (And Why)", "(2 h)"] {
            assert_eq!(without_aside(kept), kept);
        }
    }

    #[test]
    fn titles_that_look_like_phrases_keep_their_colons() {
        for head in [
            "Query Tuning: From Slow to Fast",
            "Helm: Still Here, Still Fine",
            "Rust Belt Rising: Moving a Team from Rust to Go (and Back)",
        ] {
            assert!(best(head).is_none_or(|(_, s)| s.is_empty()), "{head}: {:?}", best(head));
        }
    }
}

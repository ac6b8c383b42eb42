//! Forms whose speakers follow a word that brings them: `"Title" by A and B`, `Title, with A`,
//! `Panel: T, moderated by X`.

use super::{
    ColonNames, DashSplit, Form, Head, QuotedTitle, Reading, leading_speakers, quoted_span, reading, set_off_title,
    title_of,
};
use crate::ingest::document::MarkKind;
use crate::ingest::kind::{kind_word, strip_kind_label};
use crate::ingest::names::judge::{Likeness, judge};
use crate::ingest::names::speakers::{Slot, speaker_list};
use crate::model::{NameRef, SessionKind};

/// `Title, moderated by X with A, B and C`, `Title — moderated by X (Org), with A and B`, `Title
/// (moderated by X; A, Org; B, Org)`: a panel, its moderator and its panellists.
///
/// ```
/// use confgraph::ingest::forms::{Form, Head, ModeratedPanel};
/// use confgraph::ingest::names::speakers::Slot;
///
/// let r = &ModeratedPanel.read(&Head::plain("Career Paths for RSEs, moderated by Hone Kereama with Claire Dubois-Martin, Ibrahim Al-Farsi and Shreya Banerjee"), Slot::Guessed)[0];
/// assert_eq!((r.title.as_str(), r.speakers.len()), ("Career Paths for RSEs", 4));
/// let r = &ModeratedPanel.read(&Head::plain("Panel: Open Data on the Railways (chair: Wiebke van Leeuwen; Yaw Owusu, Dmitri Sokolov)"), Slot::Guessed)[0];
/// assert_eq!((r.title.as_str(), r.speakers.len()), ("Open Data on the Railways", 3));
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
            "chair: ",
            "Chair: ",
            "host: ",
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
        // (`Session 2: Hardware (chair: Jonas Weber, TU Graz)`: a session's chair, with where they
        // work, is no panel; `chair:` and `host:` name one only over three people or more.)
        let chair = ["chair: ", "Chair: ", "host: "].iter().any(|m| text[start..].starts_with(m));
        // `Panel time — "Should Models Be Open?" moderated by …`: a quoted title is the title.
        let before = text[..start].trim_end().trim_end_matches(['(', ',', '—', '–', '-', ';']).trim_end();
        let Some(title) = title_of(set_off_title(before).unwrap_or(before)) else {
            return Vec::new();
        };
        let (title, label) = strip_kind_label(&title);
        // The names run to a remark (` — why it matters`), a closing bracket or the end.
        // (`Mei-Ling Chou (National Central Library, Taipei)`: affiliations in brackets go first.)
        let (rest, _) = crate::ingest::names::speakers::take_asides(&text[start + len..]);
        // The first sentence (`Prof. Jürgen Haas` does not end it), up to a dash or a bracket.
        let sentence_end = crate::ingest::text::sentences(&rest).first().map_or(rest.len(), |&(_, e)| e);
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
        let mut others = 0;
        for part in list.split(", ") {
            // `Fatima Zahra El Idrissi, OKF Maroc`: an organisation after a name is dropped.
            match speaker_list(part.trim().trim_end_matches('.'), Slot::Phrase) {
                Some(found) if !chair || found.iter().all(|n| judge(&n.name).likeness >= Likeness::Plausible) => {
                    names.extend(found);
                }
                _ => others += 1,
            }
        }
        if names.len() < 2 || chair && (names.len() < 3 || others > 0) {
            return Vec::new();
        }
        let mut r = reading("Title, moderated by Speaker", title, names, 6, None);
        r.kind = label.or(Some(SessionKind::Panel));
        vec![r]
    }
}

/// A panel's or AMA's title (its label already taken off), then `with` and who was on it.
pub(super) fn labelled_with(text: &str, slot: Slot) -> Vec<Reading> {
    // (`Panel: Maintainers w/ Brett Cannon, Mariatta Wijaya`: `w/` after such a label too.)
    let Some((at, len)) = [" with ", " w/ "].iter().find_map(|m| text.find(m).map(|at| (at, m.len()))) else {
        return Vec::new();
    };
    let (left, right) = (&text[..at], &text[at + len..]);
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

pub(super) fn read_by(text: &str, lower: &str, slot: Slot) -> Vec<Reading> {
    if let Some(r) = kind_by(text, lower, slot) {
        return vec![r];
    }
    // (`von`, `durch`, `por`, `par`: `by` in German, Spanish and French notes; `mit`, `con`,
    // `avec`: `with`.)
    for marker in BY_MARKERS {
        let Some(at) = crate::ingest::text::rfind_in(lower, marker) else { continue };
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
pub(super) const BY_MARKERS: &[&str] = &[
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
pub(super) const WITH_ANNOUNCERS: &[&str] = &[
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
pub(super) fn with_announces_people(left: &str, marker: &str) -> bool {
    let l = left.to_lowercase();
    // `ws: intro to ghidra w/ Nikhil P.`: a kind label that brings its people.
    let label = l.split_once(':').and_then(|(k, _)| kind_word(k.trim()));
    let labelled = matches!(label, Some(SessionKind::Tutorial | SessionKind::Ama | SessionKind::Panel));
    // (`w/` is shorthand that phone notes use loosely: only after such a label.)
    // (`AMA w/ Brett Cannon`: or after such a kind alone.)
    if marker == " w/ " {
        let alone = matches!(kind_word(&l), Some(SessionKind::Tutorial | SessionKind::Ama | SessionKind::Panel));
        return labelled || alone;
    }
    WITH_ANNOUNCERS.iter().any(|w| l.contains(w)) || labelled || l.contains("workshop") || l.contains("tutorial")
}

/// `Keynote by Astrid Bergström: The Ethics of Inference`, `Vortrag von Dr. Rahel Berhane:
/// „Peer Review …“`: the kind, who, then the title.
pub(super) fn kind_by(text: &str, lower: &str, slot: Slot) -> Option<Reading> {
    let (at, len) = [" by ", " von ", " por ", " par ", " di ", " de "]
        .iter()
        .find_map(|m| crate::ingest::text::find_in(lower, m).map(|at| (at, m.len())))
        .filter(|&(at, len)| text.is_char_boundary(at) && text.is_char_boundary(at + len))?;
    let left = &text[..at];
    let kind =
        kind_word(left).or_else(|| kind_word(&left.to_lowercase().replace("opening ", "").replace("closing ", "")))?;
    let right = Head::plain(&text[at + len..]);
    let mut r = [&ColonNames as &dyn Form, &DashSplit, &QuotedTitle]
        .iter()
        .flat_map(|f| f.read(&right, slot))
        .find(|r| r.key.starts_with("Speaker") && !r.speakers.is_empty())
        .or_else(|| speaker_on_title(&right.text, slot))?;
    r.key = "Kind by Speaker: Title".into();
    r.kind = Some(kind);
    r.score += 2;
    Some(r)
}

/// `Babajide Ogundipe on Reproducible by Default — good but long`: who, then what about (after
/// `kind by`), a remark after a dash left out.
fn speaker_on_title(text: &str, slot: Slot) -> Option<Reading> {
    let (at, sep) = [" on ", " about ", " abt "].iter().filter_map(|s| text.find(s).map(|i| (i, s.len()))).min()?;
    let (who, what) = (&text[..at], &text[at + sep..]);
    let speakers = speaker_list(who, slot)?;
    // (`keynote by Ana Ortiz on Day 2`, `… on Monday`, `… on the main stage`: when or where.)
    let first = what.split_whitespace().next().unwrap_or_default().to_lowercase();
    // (`talk by takeshi inoue abt sampling traces`: notes typed in lower case throughout.)
    let lower_case = !who.chars().any(char::is_uppercase) && !what.chars().any(char::is_uppercase);
    if !(what.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) || lower_case)
        || WHEN_OR_WHERE.contains(&first.as_str())
        || crate::ingest::conference::is_calendar_word(&first)
    {
        return None;
    }
    let remark = [" — ", " – ", " - "]
        .iter()
        .filter_map(|d| what.find(d).filter(|&i| what[i + d.len()..].starts_with(char::is_lowercase)))
        .min();
    let title = title_of(&what[..remark.unwrap_or(what.len())])?;
    Some(reading("Speaker on Title", title, speakers, 0, None))
}

/// First words of what follows `on` when it says where, not what about (days and months are in
/// [`crate::ingest::conference::is_calendar_word`]).
const WHEN_OR_WHERE: &[&str] =
    &["day", "zoom", "stage", "track", "room", "the", "day-1", "day-2", "morning", "afternoon", "youtube", "twitch"];

/// `… w/ A, B, C — Lukas Brenner moderated.`: a panel's moderator told after its panellists,
/// the name set off by a dash, comma or bracket and followed by the verb.
static MODERATED_AFTER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?:[—–,;(]|\s-)\s*(?P<name>\p{Lu}[\p{L}'’.\-]*(?:\s+[\p{L}'’.\-]+){0,4}?)\s+(?:moderated|moderating|moderates|chaired)\b",
    )
    .expect("valid regex")
});

/// The moderator a panel's line names after its panellists ([`MODERATED_AFTER`]), if any.
pub(super) fn moderator_after(text: &str) -> Option<NameRef> {
    let name = MODERATED_AFTER.captures(text)?.name("name")?.as_str();
    let mut names = speaker_list(name, Slot::Guessed)?;
    (names.len() == 1).then(|| names.remove(0))
}

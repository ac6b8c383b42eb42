//! Forms that split a head at a separator: a dash, a full stop, a colon, a comma, `//` or `|`
//! slots; and a name with a kind word (`Name Keynote`, `Name on Title`).

use super::{
    Form, Head, REMARK_SEPARATORS, Reading, is_bio, is_date_only, leading_speakers, name_then_remark, names_score,
    reading, title_of,
};
use crate::ingest::labels::{Field as LabelField, labels_of};
use crate::ingest::names::judge::{Likeness, judge};
use crate::ingest::names::speakers::{Slot, speaker_list};
use crate::model::{NameRef, SessionKind};
use crate::text::collapse_ws;

/// Dashes that separate a title from speakers, strongest first.
pub(super) const DASHES: &[&str] = &[" — ", " – ", " -- ", " ― ", " - ", " −  ", "—", " —", "— ", "- ", " -"];

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
            let short = crate::ingest::names::judge::is_shortened(last);
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

/// `Speaker, Title`, as a terse list writes it: `Natalia Kuznetsova, Elm for Backend People`. The
/// names before the first comma, then a title of three words or more that opens with a capital
/// and is no one's job or employer (`Ana Ortiz, Head of Data at Spotify` is a speaker line). A
/// weak reading, taken only among talks (a contact list writes people the same way).
///
/// ```
/// use confgraph::ingest::forms::{Form, Head, NameComma};
/// use confgraph::ingest::names::speakers::Slot;
///
/// let r = &NameComma.read(&Head::plain("Natalia Kuznetsova, Elm for Backend People"), Slot::Guessed)[0];
/// assert_eq!((r.title.as_str(), r.speakers[0].name.as_str()), ("Elm for Backend People", "Natalia Kuznetsova"));
/// assert!(NameComma.read(&Head::plain("Ana Ortiz, Head of Data at Spotify"), Slot::Guessed).is_empty());
/// ```
pub struct NameComma;

/// Words that make what follows a name a job or an employer, not a title.
const JOB_WORDS: &[&str] = &[
    "head",
    "lead",
    "senior",
    "staff",
    "principal",
    "chief",
    "cto",
    "ceo",
    "cfo",
    "vp",
    "founder",
    "co-founder",
    "director",
    "manager",
    "engineer",
    "developer",
    "professor",
    "lecturer",
    "researcher",
    "phd",
    "student",
    "maintainer",
    "author",
    "editor",
    "consultant",
    "architect",
    "inc",
    "ltd",
    "gmbh",
    "university",
    "at",
];

impl Form for NameComma {
    fn name(&self) -> &'static str {
        "Speaker, Title"
    }

    fn read(&self, head: &Head, slot: Slot) -> Vec<Reading> {
        let text = head.text.trim();
        let Some((left, right)) = text.split_once(", ") else { return Vec::new() };
        let words: Vec<String> = right
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-').to_lowercase())
            .collect();
        let job = words.iter().any(|w| JOB_WORDS.contains(&w.as_str()));
        // (A dash after the title sets off a remark or another slot: the dash forms read those.)
        let dashed = DASHES[..5].iter().any(|d| right.contains(d));
        if job || dashed || words.len() < 3 || !right.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
            return Vec::new();
        }
        if speaker_list(right, Slot::Guessed).is_some() {
            return Vec::new();
        }
        let Some(names) = speaker_list(left, slot).filter(|n| n.iter().all(|p| p.name.contains(' '))) else {
            return Vec::new();
        };
        // (Weak on its own, `Jan Kowalski, Account Executive, Grafana` being a contact: read only
        // in a list whose other items are talks, see `Group`.)
        title_of(right).map(|title| reading("Speaker, Title", title, names, -3, None)).into_iter().collect()
    }
}

/// True when some occurrence of `sep` in `text` stands inside `( … )` or `[ … ]`.
pub(super) fn inside_brackets(text: &str, sep: &str) -> bool {
    text.match_indices(sep).any(|(at, _)| {
        let before = &text[..at];
        before.matches(['(', '[']).count() > before.matches([')', ']']).count()
    })
}

/// Separators of a repeated pattern that are not dashes or colons: `~`, `//`, `|`, `·`, `•`,
/// tabs and runs of spaces.
pub(super) const SLOT_SEPARATORS: &[&str] =
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
        // The longest slot is the title, a room's slot last (`Keynote / Dr. Rahul Saxena / Main Hall`).
        let title_at = (0..slots.len()).filter(|&i| i != names_at).max_by_key(|&i| {
            let letters = slots[i].chars().filter(|c| c.is_alphabetic()).count();
            (!super::title::is_room_line(slots[i]), letters, std::cmp::Reverse(i))
        });
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

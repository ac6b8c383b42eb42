//! What kind of program item a session is, from its title, its abstract and where it stands.
//!
//! One rule table for every notes style, so a "Panel" is a panel in talk notes and in a recap alike.

use crate::model::SessionKind;

/// Words that may qualify a grouping heading without making it a title (`Morning keynotes`,
/// `Lightning talks — Day 2`, `Talks I saw`).
const GROUP_QUALIFIERS: &[&str] = &[
    "morning",
    "afternoon",
    "evening",
    "opening",
    "closing",
    "day",
    "days",
    "of",
    "the",
    "session",
    "sessions",
    "track",
    "tracks",
    "round",
    "block",
    "i",
    "saw",
    "attended",
    "my",
    "some",
    "other",
    "more",
    "short",
    "long",
    "and",
    "a",
    "talks",
    "talk",
    "first",
    "second",
    "last",
    "final",
    "main",
    "stage",
    "room",
    "one",
    "two",
    "three",
    "1",
    "2",
    "3",
    "4",
    "5",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "selected",
    "notes",
    "from",
    "on",
    "list",
    "all",
];

/// Headings that group the sessions below them and give them their kind (`## Lightning Talks`,
/// `=== Morning keynote`, `Talks I saw`). Such a heading is a session only with speakers of its own.
///
/// # Examples
///
/// ```
/// use confgraph::ingest::kind::container_kind;
/// use confgraph::model::SessionKind;
///
/// assert_eq!(container_kind("⚡ Lightning talks (Day 2)"), Some(SessionKind::Lightning));
/// assert_eq!(container_kind("Talks I saw"), Some(SessionKind::Talk));
/// assert_eq!(container_kind("Keynote: The Go Scheduler"), None);
/// ```
#[must_use]
pub fn container_kind(heading: &str) -> Option<SessionKind> {
    // `Lyntaler / lightning talks`: a heading given in two languages is either one.
    if let Some((a, b)) = heading.split_once(" / ") {
        return container_kind(a).or_else(|| container_kind(b));
    }
    let (bare, _) = super::names::speakers::take_asides(heading);
    let mut kind = None;
    // Words are lowered one at a time: most headings are titles, and their first word says so.
    let mut w = String::new();
    for word in bare.split(|c: char| !(c.is_alphanumeric() || c == '-')).filter(|w| !w.is_empty()) {
        w.clear();
        w.extend(word.chars().flat_map(char::to_lowercase));
        let k = match w.as_str() {
            // (Spanish, Portuguese, French, German and Italian group words too.)
            "lightning" | "lightnings" | "lt" | "lts" | "relámpago" | "relampago" | "relâmpago" | "blitzvorträge"
            | "kurzvorträge" | "éclair" => Some(SessionKind::Lightning),
            "keynote" | "keynotes" => Some(SessionKind::Keynote),
            "tutorial" | "tutorials" | "workshop" | "workshops" | "talleres" | "ateliers" | "oficinas" => {
                Some(SessionKind::Tutorial)
            }
            "panel" | "panels" => Some(SessionKind::Panel),
            "talks" | "sessions" | "presentations" | "charlas" | "ponencias" | "palestras" | "vorträge"
            | "conférences" | "interventi" => Some(SessionKind::Talk),
            _ if GROUP_QUALIFIERS.contains(&w.as_str()) => None,
            _ => return None,
        };
        // The most specific kind named wins (`Lightning talks` is lightning, not talk).
        if k.is_some() && (kind.is_none() || kind == Some(SessionKind::Talk)) {
            kind = k;
        }
    }
    kind
}

/// `workshop in the afternoon: Tuning PID Loops by Ear`: what follows a kind label, without the
/// when that stands between the label and the title's colon.
fn without_when(after: &str) -> &str {
    WHEN_PHRASES
        .iter()
        .find_map(|w| after.strip_prefix(' ')?.strip_prefix(w).filter(|r| r.starts_with([':', ' ', ','])))
        .map_or(after, |r| r.trim_start_matches([' ', ',']))
}

/// When a session was, said between its kind label and the title's colon.
const WHEN_PHRASES: &[&str] = &[
    "in the morning",
    "in the afternoon",
    "in the evening",
    "this morning",
    "this afternoon",
    "before lunch",
    "after lunch",
    "after the break",
    "after coffee",
    "later",
    "at the end",
    "to close",
];

/// Kind words that label a title in front (`Keynote: T`, `KEYNOTE — T`, `Workshop · T`) or
/// behind (`T (keynote)`), longest first; the label is not part of the title.
const KIND_LABELS: &[(&str, SessionKind)] = &[
    ("the opening keynote", SessionKind::Keynote),
    ("the closing keynote", SessionKind::Keynote),
    ("the keynote", SessionKind::Keynote),
    ("opening keynote", SessionKind::Keynote),
    ("abschluss-keynote", SessionKind::Keynote),
    ("abschlusskeynote", SessionKind::Keynote),
    ("eröffnungs-keynote", SessionKind::Keynote),
    ("eröffnungskeynote", SessionKind::Keynote),
    ("closing keynote", SessionKind::Keynote),
    ("morning keynote", SessionKind::Keynote),
    ("afternoon keynote", SessionKind::Keynote),
    ("keynote talk", SessionKind::Keynote),
    ("keynote", SessionKind::Keynote),
    ("hands-on workshop", SessionKind::Tutorial),
    ("workshop", SessionKind::Tutorial),
    ("tutorial", SessionKind::Tutorial),
    ("atelier", SessionKind::Tutorial),
    ("panel discussion", SessionKind::Panel),
    ("panel", SessionKind::Panel),
    ("table ronde", SessionKind::Panel),
    ("roundtable", SessionKind::Panel),
    ("fireside chat", SessionKind::Panel),
    ("lightning talks", SessionKind::Lightning),
    ("lightning talk", SessionKind::Lightning),
    ("lightning", SessionKind::Lightning),
    ("lt", SessionKind::Lightning),
    ("kn", SessionKind::Keynote),
    ("ws", SessionKind::Tutorial),
    ("wkshp", SessionKind::Tutorial),
    ("conférence d'ouverture", SessionKind::Keynote),
    ("conférence de clôture", SessionKind::Keynote),
    ("conférence d’ouverture", SessionKind::Keynote),
    ("invited talk", SessionKind::Talk),
    ("parallel session", SessionKind::Talk),
    ("parallel", SessionKind::Talk),
    ("talk", SessionKind::Talk),
    ("masterclass", SessionKind::Tutorial),
    ("breakout session", SessionKind::Other),
    ("breakout", SessionKind::Other),
    ("birds of a feather", SessionKind::Other),
    ("bof", SessionKind::Other),
    ("ask me anything", SessionKind::Ama),
    ("ama", SessionKind::Ama),
    ("booth demo", SessionKind::Booth),
    ("sponsor demo", SessionKind::Booth),
    ("booth", SessionKind::Booth),
    // Spanish, Portuguese, Italian, French and German labels.
    ("conferencia inaugural", SessionKind::Keynote),
    ("conferencia magistral", SessionKind::Keynote),
    ("conferencia plenaria", SessionKind::Keynote),
    ("conferencia de clausura", SessionKind::Keynote),
    ("ponencia invitada", SessionKind::Keynote),
    ("palestra de abertura", SessionKind::Keynote),
    ("conférence plénière", SessionKind::Keynote),
    ("conférence d'ouverture", SessionKind::Keynote),
    ("plénière", SessionKind::Keynote),
    ("eröffnungsvortrag", SessionKind::Keynote),
    ("hauptvortrag", SessionKind::Keynote),
    ("mesa redonda", SessionKind::Panel),
    ("mesa-redonda", SessionKind::Panel),
    ("tavola rotonda", SessionKind::Panel),
    ("podiumsdiskussion", SessionKind::Panel),
    ("podium", SessionKind::Panel),
    ("charlas relámpago", SessionKind::Lightning),
    ("charla relámpago", SessionKind::Lightning),
    ("relámpago", SessionKind::Lightning),
    ("blitzvortrag", SessionKind::Lightning),
    ("taller", SessionKind::Tutorial),
    ("oficina", SessionKind::Tutorial),
    ("laboratorio", SessionKind::Tutorial),
    ("charla", SessionKind::Talk),
    ("ponencia", SessionKind::Talk),
    ("palestra", SessionKind::Talk),
    ("intervento", SessionKind::Talk),
    ("conférence", SessionKind::Talk),
    ("exposé", SessionKind::Talk),
    ("vortrag", SessionKind::Talk),
    ("kurzvortrag", SessionKind::Lightning),
    ("kurzvorträge", SessionKind::Lightning),
];

/// Separators between a kind label and the title.
const LABEL_SEPARATORS: &[&str] = &[":", " :", ",", " —", " –", " -", " ·", " |", " /", "  ", "\t"];

/// Takes a kind label off a title: `Keynote: The Go Scheduler` → (`The Go Scheduler`, keynote);
/// `Auditing Your Site (workshop)` → (`Auditing Your Site`, tutorial). A text that is only the
/// label (`Keynote`) keeps it.
///
/// # Examples
///
/// ```
/// use confgraph::ingest::kind::strip_kind_label;
/// use confgraph::model::SessionKind;
///
/// assert_eq!(strip_kind_label("Keynote: Small Tools"), ("Small Tools".to_owned(), Some(SessionKind::Keynote)));
/// assert_eq!(strip_kind_label("PANEL — Is K8s Too Much?"), ("Is K8s Too Much?".to_owned(), Some(SessionKind::Panel)));
/// assert_eq!(strip_kind_label("Workshop B: Kerning"), ("Kerning".to_owned(), Some(SessionKind::Tutorial)));
/// assert_eq!(strip_kind_label("Keynote"), ("Keynote".to_owned(), None));
/// assert_eq!(strip_kind_label("WORKSHOP (90 min) Parsing NMEA"), ("Parsing NMEA".to_owned(), Some(SessionKind::Tutorial)));
/// assert_eq!(strip_kind_label("Panel Data in Pandas"), ("Panel Data in Pandas".to_owned(), None));
/// assert_eq!(strip_kind_label("Talking Heads"), ("Talking Heads".to_owned(), None));
/// ```
#[must_use]
pub fn strip_kind_label(text: &str) -> (String, Option<SessionKind>) {
    let t = text.trim();
    // `⚡ Elm on the Server`, `⚡ lightning: …`: the lightning sign is a label of its own.
    if let Some(rest) = t.strip_prefix('⚡').map(str::trim_start).filter(|r| !r.is_empty()) {
        let (title, kind) = strip_kind_label(rest);
        return (title, kind.or(Some(SessionKind::Lightning)));
    }
    // `[keynote] Title`, `(workshop) Title`: a kind tag in front.
    for (open, close) in [('[', ']'), ('(', ')')] {
        if let Some((inner, rest)) = t.strip_prefix(open).and_then(|r| r.split_once(close))
            && let Some(&(_, kind)) = KIND_LABELS.iter().find(|(l, _)| l.eq_ignore_ascii_case(inner.trim()))
            && !rest.trim().is_empty()
        {
            let (title, inner_kind) = strip_kind_label(rest);
            return (title, inner_kind.or(Some(kind)));
        }
    }
    for (label, kind) in KIND_LABELS {
        let Some(head) = t.get(..label.len()) else { continue };
        if !head.eq_ignore_ascii_case(label) {
            continue;
        }
        let after = &t[label.len()..];
        // `kn2: …`, `Keynote 2: …`, `Workshop B: …`: a numbered or lettered kind.
        let spaced = after.trim_start_matches(' ');
        let lettered = spaced.len() < after.len() && spaced.starts_with(|c: char| c.is_ascii_uppercase());
        let numbered = if lettered { &spaced[1..] } else { spaced.trim_start_matches(|c: char| c.is_ascii_digit()) };
        let after = if numbered.len() < after.trim_start_matches(' ').len() && numbered.starts_with(':') {
            numbered
        } else {
            after
        };
        // `Keynote (auf Englisch): „Open by Default"`: an aside between the label and its colon.
        let after = match after.strip_prefix(" (").and_then(|r| r.split_once(')')) {
            Some((aside, rest)) if aside.len() <= 30 && rest.trim_start().starts_with([':', '—', '–']) => rest,
            _ => after,
        };
        let after = without_when(after);
        // `KEYNOTE "The Lakehouse Is Just a Database Now"`: a quoted title after the label.
        let whole_quote =
            |r: &&str| r.starts_with(['"', '“', '«', '„']) && r.trim_end().ends_with(['"', '”', '»', '“']);
        if let Some(quoted) = after.strip_prefix(' ').filter(whole_quote) {
            return (quoted.trim().to_owned(), Some(*kind));
        }
        // `Vortrag „Bodenfeuchte …" von A`, `Keynote "T" by A`: a quoted title, then more.
        if let Some(rest) = after.strip_prefix(' ').filter(|r| r.starts_with(['"', '“', '«', '„'])) {
            return (rest.trim().to_owned(), Some(*kind));
        }
        // `KEYNOTE Forty Years of AIS Data`, `WORKSHOP (90 min) Parsing NMEA`: a shouted label,
        // then the title, with no mark between.
        if let Some(title) = after_shouted_label(head, after) {
            return (title.to_owned(), Some(*kind));
        }
        for sep in LABEL_SEPARATORS {
            if let Some(rest) = after.strip_prefix(sep) {
                let title = rest.trim().trim_start_matches([':', '—', '–', '-', '·', '|']).trim();
                if !title.is_empty() {
                    return (title.to_owned(), Some(*kind));
                }
            }
        }
    }
    for (open, close) in [("(", ")"), ("[", "]")] {
        if let Some(inner_start) = t.rfind(open) {
            let inner = t[inner_start + 1..].trim_end();
            if let Some(inner) = inner.strip_suffix(close) {
                let inner = inner.trim().to_lowercase();
                if let Some((_, kind)) = KIND_LABELS.iter().find(|(l, _)| *l == inner) {
                    let title = t[..inner_start].trim().trim_end_matches(['—', '–', '-', ',', ':']).trim();
                    if !title.is_empty() {
                        return (title.to_owned(), Some(*kind));
                    }
                }
            }
        }
    }
    (t.to_owned(), None)
}

/// The title after a kind label written in capitals and a space (`KEYNOTE Forty Years …`), an
/// aside in brackets skipped (`WORKSHOP (90 min) Parsing …`); the title opens with a capital or a
/// digit and is not itself shouted.
fn after_shouted_label<'t>(label: &str, after: &'t str) -> Option<&'t str> {
    // (`AMA`, `LT`: labels always written in capitals; `KEYNOTE SPEAKER: …`: the label goes on.)
    let shouted = label.chars().filter(|c| c.is_alphabetic()).count() > 3 && !label.chars().any(char::is_lowercase);
    let rest = after.strip_prefix(' ').filter(|_| shouted)?;
    let rest = match rest.strip_prefix('(').and_then(|r| r.split_once(')')) {
        Some((aside, r)) if aside.len() <= 30 => r.trim_start(),
        _ => rest,
    };
    let first = rest.split_whitespace().next().unwrap_or_default();
    let opens = rest.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && (first.chars().any(char::is_lowercase) || first.starts_with(|c: char| c.is_ascii_digit()));
    let title_shouted = !rest.chars().any(char::is_lowercase);
    (opens && !title_shouted).then_some(rest.trim())
}

/// Whether a title tells of a ceremony the way its name does: `Opening remarks`, `Closing words`, `Welcome`,
/// `Welcome & intro` (`Welcome coffee was cold`, `Opening Reception & Drinks`, `Closing the loop
/// on …` do not).
///
/// ```
/// use confgraph::ingest::kind::opens_as_ceremony;
///
/// assert!(opens_as_ceremony("Closing remarks + raffle") && opens_as_ceremony("Welcome"));
/// assert!(!opens_as_ceremony("Welcome coffee was cold") && !opens_as_ceremony("Opening Reception & Drinks"));
/// ```
#[must_use]
pub fn opens_as_ceremony(title: &str) -> bool {
    static CEREMONY: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)\b(?:(?:opening|closing)\s+(?:remarks|words|ceremony|address|session|plenary|handover)\b|welcome(?:\s*$|\s+(?:&|and|\+|to)\b))",
        )
        .expect("valid regex")
    });
    CEREMONY.is_match(title.trim())
}

/// The kind a word or a short label value names (`keynote`, `Workshop`, `lightning talk`).
#[must_use]
pub fn kind_word(value: &str) -> Option<SessionKind> {
    let v = value.trim().trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    let kind = match v.as_str() {
        "keynote" | "keynotes" | "opening keynote" | "closing keynote" | "keynote talk" | "kn" => SessionKind::Keynote,
        "workshop" | "workshops" | "tutorial" | "tutorials" | "lab" | "hands-on" | "hands-on workshop" | "training"
        | "ws" | "wkshp" | "wksp" | "wrkshp" => SessionKind::Tutorial,
        "panel" | "panels" | "panel discussion" | "roundtable" | "fireside chat" => SessionKind::Panel,
        "lightning" | "lightning talk" | "lightning talks" | "lt" | "lightning-talk" => SessionKind::Lightning,
        "talk" | "talks" | "session" | "presentation" | "regular talk" | "long talk" | "short talk" | "conférence" => {
            SessionKind::Talk
        }
        "ceremony" | "opening" | "closing" | "welcome" | "remarks" | "inauguración" | "clausura" | "bienvenida"
        | "apertura" | "abertura" | "encerramento" | "ouverture" | "clôture" | "eröffnung" | "begrüßung"
        | "abschluss" => SessionKind::Ceremony,
        "ama" | "ask me anything" => SessionKind::Ama,
        "booth" | "booth demo" => SessionKind::Booth,
        "demo" | "other" => SessionKind::Other,
        _ => return None,
    };
    Some(kind)
}

/// The kind words a title holds, found in one pass over its words.
#[derive(Default)]
#[allow(clippy::struct_excessive_bools)] // one flag per kind word, set in one pass
struct TitleWords {
    keynote: bool,
    panel: bool,
    booth: bool,
    tutorial: bool,
    demo: bool,
}

impl TitleWords {
    fn of(title: &str) -> Self {
        let mut found = Self::default();
        for w in title.split(|c: char| !c.is_alphanumeric() && c != '&') {
            let is = |word: &str| w.eq_ignore_ascii_case(word);
            found.keynote |= is("keynote");
            found.panel |= is("panel");
            found.booth |= is("booth");
            found.tutorial |= is("tutorial") || is("workshop");
            found.demo |= is("demo") || is("demos");
        }
        found
    }
}

/// `needle` (lower-case ASCII) in `hay`, ignoring ASCII case, without lowering `hay`.
fn contains_ignore_ascii_case(hay: &str, needle: &str) -> bool {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else { return true };
    let last_start = hay.len().saturating_sub(needle.len());
    hay.len() >= needle.len()
        && (0..=last_start)
            .any(|i| hay[i].to_ascii_lowercase() == first && hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// Classifies a session. `container` is the kind given by a grouping heading, if any.
#[must_use]
pub fn classify(title: &str, abstract_text: Option<&str>, container: Option<SessionKind>) -> SessionKind {
    if let Some(kind) = container.filter(|k| *k != SessionKind::Talk) {
        return kind;
    }
    let words = TitleWords::of(title);
    let starts = |p: &str| title.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    let has = |p: &str| contains_ignore_ascii_case(title, p);
    if words.keynote {
        SessionKind::Keynote
    } else if words.panel {
        SessionKind::Panel
    } else if starts("ama ") || title.eq_ignore_ascii_case("ama") || has("ask me anything") {
        SessionKind::Ama
    } else if words.booth {
        SessionKind::Booth
    } else if words.tutorial {
        SessionKind::Tutorial
    } else if starts("opening")
        || starts("closing")
        || starts("welcome")
        || starts("introductory remarks")
        || has("remarks") && (has("opening") || has("closing"))
    {
        SessionKind::Ceremony
    } else if abstract_text.is_some_and(|a| {
        // Every phrase holds `panel`: one fast search rules most abstracts out.
        (a.contains("anel") || a.contains("ANEL"))
            && ["this panel", "panel discussion", "our panelists"].iter().any(|p| contains_ignore_ascii_case(a, p))
    }) {
        SessionKind::Panel
    } else if words.demo {
        SessionKind::Other
    } else {
        SessionKind::Talk
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_titles() {
        use SessionKind::*;
        for (title, abs, container, want) in [
            ("Opening Remarks", None, None, Ceremony),
            ("Welcome to Pycascades 2022", None, None, Ceremony),
            ("Closing Remarks Day 1", None, None, Ceremony),
            ("PyLadies Panel: Talking about experiences", None, None, Panel),
            ("Meet & Greet with PSF D&I workgroup", Some("Through this panel, we would like"), None, Panel),
            ("AMA with Brett Cannon", None, None, Ama),
            ("MS Booth: What's New in VS Code Python?", None, None, Booth),
            ("Intellicode Demo", None, None, Other),
            ("K. Jay Miller Keynote", None, None, Keynote),
            ("PyOpenSci", None, Some(Lightning), Lightning),
            ("Goodbye GIL", None, None, Talk),
            ("workshop in the afternoon: Tuning PID Loops by Ear", None, None, Tutorial),
            ("Panels of the future", None, Some(Lightning), Lightning),
        ] {
            assert_eq!(classify(title, abs, container), want, "{title}");
        }
    }

    #[test]
    fn containers() {
        assert_eq!(container_kind("Lightning Talks"), Some(SessionKind::Lightning));
        assert_eq!(container_kind("Day 2"), None);
    }
}

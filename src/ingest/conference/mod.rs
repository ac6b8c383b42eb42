//! Naming conferences: the series and year in a file's header, and conference names in prose.
//!
//! Owns the rules that read `PyCon 2019 in Cleveland, Ohio` as series, year and location; the
//! table of known series spellings (`Pycascades` → `PyCascades`, an unqualified `PyCon` → `PyCon
//! US`) and the words around a series are in [`words`]. Series it does not know keep the
//! spelling the notes give.

use std::sync::LazyLock;

use regex::Regex;

mod words;
use words::KNOWN_SERIES;
pub use words::canonical_series;
pub(crate) use words::{HEADER_FILLER, NOT_SERIES};

/// Separators between the parts of a header (`Nordic Elixir 2023 — programme`, `Programme: Harbour JS 2024`).
const HEADER_SEPARATORS: &[&str] = &[" — ", " – ", " - ", " -- ", " | ", ": ", " · ", " • ", " :: ", " / "];

/// A conference edition named somewhere in the notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConferenceName {
    /// Canonical series.
    pub series: String,
    /// Year, if written beside it.
    pub year: Option<u16>,
    /// Location, when the header says `in City, Region`.
    pub location: Option<String>,
}

static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(19[89]\d|20\d\d)\b|'(\d\d)\b").expect("valid regex"));

/// Markup around a title line: `#+TITLE:`, `= `, `Subject:`.
fn strip_title_markup(line: &str) -> &str {
    let mut t = line.trim();
    for prefix in ["#+TITLE:", "#+title:", "Subject:", "Title:", "title:", "Re:", "Fwd:"] {
        if let Some(rest) = t.strip_prefix(prefix) {
            t = rest.trim();
        }
    }
    t.trim_start_matches(['#', '=', '*']).trim()
}

/// Reads a header such as `Pycascades 2025`, `PyCon 2019 in Cleveland, Ohio`, `My 2021 Lambda Glen
/// recap`, `RustConf 2022 — every talk in one line` or `Programme: Harbour JS 2024`. `None` when
/// no part of it names a series with a year.
///
/// # Examples
///
/// ```
/// use confgraph::ingest::conference::parse_header;
///
/// let c = parse_header("FrontendFjord 2024 · Bergen, Norway · 5–6 September").unwrap();
/// assert_eq!((c.series.as_str(), c.year, c.location.as_deref()), ("FrontendFjord", Some(2024), Some("Bergen, Norway")));
/// assert_eq!(parse_header("# My 2021 Lambda Glen recap").unwrap().series, "Lambda Glen");
/// assert_eq!(parse_header("Five things I learned at OpsCamp 2023").unwrap().series, "OpsCamp");
/// assert_eq!(parse_header("Notes: State of the Map 2024").unwrap().series, "State of the Map");
/// assert_eq!(parse_header("# a11yHEL 2021 — notes").unwrap().series, "a11yHEL");
/// assert_eq!(parse_header("Autumn conference trip 2023"), None);
/// assert_eq!(parse_header("Saturday 14 October 2023"), None);
/// ```
#[must_use]
pub fn parse_header(header: &str) -> Option<ConferenceName> {
    let text = strip_title_markup(header);
    // `Day 1 of #[[Tidewater Marine Robotics Summit 2025]]` (a Logseq tag, its link taken off):
    // a tag sign in front of a capitalised word is no part of the name.
    let text = HASH_BEFORE_CAPITAL.replace_all(text, "$1$2");
    // `[PHP Savanna 2023] Conference digest`: a bracketed name is a part of its own.
    let text = text.replace(['[', ']'], " | ");
    let mut parts: Vec<&str> = vec![text.as_str()];
    for sep in HEADER_SEPARATORS {
        parts = parts.into_iter().flat_map(|p| p.split(sep)).collect();
    }
    let parts: Vec<&str> = parts.into_iter().map(str::trim).filter(|p| !p.is_empty()).collect();
    for (i, part) in parts.iter().enumerate() {
        let Some(mut name) = parse_part(part) else { continue };
        if name.location.is_none() {
            name.location = parts.get(i + 1).and_then(|next| place(next));
        }
        return Some(name);
    }
    series_then_date(&parts).or_else(|| lower_case_name(&parts))
}

/// `pixelforge 2025 – kraków`, typed on a phone: a header in lower case names its edition the
/// way it would capitalised, when its name is no common word or filler. On a phone the year may
/// be two digits at the end (`sidechannel days 22 - Lisbon`), and a word that says what the
/// event is (`days`, `summit`) may follow a name that is no common word.
fn lower_case_name(parts: &[&str]) -> Option<ConferenceName> {
    let first = parts.first()?;
    if first.chars().any(char::is_uppercase) {
        return None;
    }
    let short_year = first
        .rsplit_once(' ')
        .filter(|(_, yy)| yy.len() == 2 && yy.bytes().all(|b| b.is_ascii_digit()) && yy.as_bytes()[0] <= b'2')
        .map(|(before, yy)| format!("{before} 20{yy}"));
    let first: &str = match &short_year {
        Some(expanded) if !YEAR.is_match(first) => expanded.as_str(),
        _ if YEAR.is_match(first) => first,
        _ => return None,
    };
    let event_word = |w: &str| is_conference_like(w) && w.chars().all(char::is_alphabetic) && w.len() <= 9;
    let plain = |w: &str| {
        let l = w.trim_matches(|c: char| !c.is_alphanumeric());
        super::names::lexicon::COMMON_WORDS.contains(l)
            || HEADER_FILLER.contains(&l)
            || NOT_SERIES.contains(&l)
            || super::forms::ROOM_WORDS.contains(&l)
            || l == "hala"
    };
    // (`spanfest 2024 notes`, `notes from spanfest 2024`: the filler around the name is no part of it.)
    let words: Vec<&str> =
        first.split_whitespace().filter(|w| !YEAR.is_match(w) && !HEADER_FILLER.contains(w)).collect();
    // (`meetup 12`, `retro 23`: two digits are a year only after a name and what the event is, or
    // after one long name no list knows: `pixelforge 24`.)
    let long_name = words.len() == 1 && words[0].chars().count() >= 8 && words[0].chars().all(char::is_alphabetic);
    let bare_number =
        short_year.is_some() && !long_name && !(words.len() >= 2 && words[1..].iter().any(|w| event_word(w)));
    if words.is_empty()
        || words.len() > 3
        || plain(words[0])
        || words[1..].iter().any(|w| plain(w) && !event_word(w))
        || bare_number
    {
        return None;
    }
    let capitalised = |text: &str| -> String {
        let mut out = String::with_capacity(text.len());
        let mut start = true;
        for c in text.chars() {
            if start && c.is_alphabetic() {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
            start = c.is_whitespace();
        }
        out
    };
    let mut name = parse_part(&capitalised(first))?;
    name.location = parts.get(1).and_then(|next| place(&capitalised(next)));
    Some(name)
}

/// `krs23 notes — Kelpie Robotics Symposium, aberdeen, sept 2023`: a part that names a
/// conference, then (after a comma or a separator) a place and a date whose year is the edition's.
fn series_then_date(parts: &[&str]) -> Option<ConferenceName> {
    let pieces: Vec<&str> = parts.iter().flat_map(|p| p.split(',')).map(str::trim).filter(|p| !p.is_empty()).collect();
    let at = pieces.iter().position(|p| {
        let words = p.split_whitespace().count();
        (1..=6).contains(&words) && p.starts_with(char::is_uppercase) && is_conference_like(p) && !YEAR.is_match(p)
    })?;
    let (year, date_at) = pieces.iter().enumerate().skip(at + 1).find_map(|(k, p)| date_year(p).map(|y| (y, k)))?;
    let location = pieces[at + 1..date_at].first().and_then(|p| {
        let mut chars = p.chars();
        let capitalised: String = chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
        place(&capitalised)
    });
    Some(ConferenceName { series: pieces[at].to_owned(), year: Some(year), location })
}

/// The year of a short date (`sept 2023`, `4–5 June 2024`, `2023`), when that is all the piece is.
fn date_year(piece: &str) -> Option<u16> {
    let m = YEAR.captures(piece)?;
    let year = m.get(1)?.as_str().parse().ok()?;
    let rest_is_date = piece
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| w.chars().all(|c| c.is_ascii_digit()) || NOT_SERIES.contains(&w.to_lowercase().as_str()));
    (rest_is_date && piece.split_whitespace().count() <= 4).then_some(year)
}

/// A `#` that opens a capitalised word (`#Tidewater`), the word kept.
static HASH_BEFORE_CAPITAL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(^|\s)#(\p{Lu})").expect("valid regex"));

/// Whether the year at `start..end` is one end of a span of years (`the Sámi Press, 1990–2010`),
/// which dates a subject, not an edition.
fn in_year_range(text: &str, start: usize, end: usize) -> bool {
    let dash = |c: char| matches!(c, '–' | '-' | '—');
    let after = text[end..].strip_prefix(dash).is_some_and(|r| {
        let digits = r.chars().take_while(char::is_ascii_digit).count();
        digits == 4
    });
    let before = text[..start].strip_suffix(dash).is_some_and(|r| {
        let digits = r.chars().rev().take_while(char::is_ascii_digit).count();
        digits == 4
    });
    after || before
}

/// One part of a header: series and year, and `in City` after the year.
fn parse_part(part: &str) -> Option<ConferenceName> {
    // (The first year that is not one end of a span: `Sámi Press, 1990–2010, at DigiLib 2024`.)
    let m = YEAR.captures_iter(part).find(|c| c.get(0).is_some_and(|w| !in_year_range(part, w.start(), w.end())))?;
    let whole = m.get(0)?;
    let year: u16 = match (m.get(1), m.get(2)) {
        (Some(y), _) => y.as_str().parse().ok()?,
        (None, Some(yy)) => 2000 + yy.as_str().parse::<u16>().ok()?,
        _ => return None,
    };
    let before = part[..whole.start()].trim().trim_end_matches([':', '-', '–', '—', ',']).trim();
    let after = part[whole.end()..].trim();
    let (series, location) = if let Some(series) = series_in(before, false) {
        let location = after
            .strip_prefix("in ")
            .and_then(place)
            .or_else(|| after.strip_prefix('(').and_then(|r| r.split(')').next()).and_then(place))
            .or_else(|| after.strip_prefix(',').and_then(place));
        (series, location)
    } else {
        // The year first: `2023 PyData NYC`, `My 2021 Lambda Glen recap`.
        if !before.split_whitespace().all(|w| HEADER_FILLER.contains(&w.to_lowercase().as_str())) {
            return None;
        }
        let end = after.find([',', '(', '.', '!', '?']).unwrap_or(after.len());
        (series_in(&after[..end], true)?, None)
    };
    Some(ConferenceName { series, year: Some(year), location })
}

/// A place named in a header part: `Bergen, Norway`, `Tromsø`, `Rotterdam, Netherlands (3–4 Oct)`.
fn place(text: &str) -> Option<String> {
    let t = text.trim().trim_start_matches("in ").trim();
    let end = t.find(['(', ';', '.', '!', '?']).unwrap_or(t.len());
    let t = t[..end].trim();
    let parts: Vec<&str> = t.split(',').map(str::trim).take(2).collect();
    let ok = !parts.is_empty()
        && parts.iter().all(|p| {
            let words: Vec<&str> = p.split_whitespace().collect();
            (1..=4).contains(&words.len())
                && words[0].chars().next().is_some_and(char::is_uppercase)
                && words.iter().all(|w| w.chars().all(|c| c.is_alphabetic() || "-'’.".contains(c)))
                && !words.iter().any(|w| {
                    let l = w.to_lowercase();
                    NOT_SERIES.contains(&l.as_str()) || HEADER_FILLER.contains(&l.as_str())
                })
        });
    ok.then(|| parts.join(", "))
}

fn series_in(text: &str, year_first: bool) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    // The longest known series ending the text before the year wins.
    if !year_first {
        for start in 0..words.len() {
            if let Some(canon) = canonical_series(&words[start..].join(" ")) {
                return Some(canon.to_owned());
            }
        }
    }
    // `Five things I learned at OpsCamp`: the name is the run of capitalised words (with the
    // small words names hold, `State of the Map`) that ends at the year.
    let words: &[&str] = if year_first {
        &words
    } else {
        let joins =
            |w: &str| matches!(w, "of" | "the" | "on" | "and" | "de" | "la" | "del" | "&" | "+" | "-" | "–" | "—");
        let start = words.iter().rposition(|w| !(opens_a_name(w) || joins(w))).map_or(0, |k| k + 1);
        // `Live-tooting Babel Days`: a capitalised verb-like compound opens a sentence, not a name.
        let verb_like = |w: &&&str| w.split_once('-').is_some_and(|(_, r)| r.starts_with(char::is_lowercase));
        let start = start + words[start..].iter().take_while(verb_like).count();
        &words[start..]
    };
    let is_filler = |w: &&str| HEADER_FILLER.contains(&w.to_lowercase().trim_matches(|c: char| !c.is_alphanumeric()));
    // (`Day 1 of Tidewater Marine Robotics Summit`: a number and a small word after the filler
    // open no name.)
    let opens =
        |w: &&str| !is_filler(w) && !w.chars().all(|c| c.is_ascii_digit()) && !matches!(*w, "of" | "the" | "on");
    let first = words.iter().position(opens)?;
    // `Bitbang Conf`, `Lakeside Conference`: a capitalised word for conference ends a name.
    let names_end = |w: &&str| matches!(*w, "Conf" | "Conference" | "CONF" | "CONFERENCE");
    let last = words.iter().rposition(|w| !is_filler(w) || names_end(w) && words.len() > 1)?;
    let kept = &words[first..=last];
    if let Some(canon) = canonical_series(&kept.join(" ")) {
        return Some(canon.to_owned());
    }
    let ok = (1..=6).contains(&kept.len())
        && opens_a_name(kept[0])
        && kept.iter().all(|w| w.chars().all(|c| c.is_alphanumeric() || "-.'&+".contains(c)))
        && !kept.iter().any(|w| NOT_SERIES.contains(&w.to_lowercase().trim_end_matches('.')))
        && !kept.iter().all(|w| w.chars().all(|c| c.is_ascii_digit()))
        && !(kept.len() == 1 && is_plain_word(kept[0]));
    ok.then(|| unshout(&kept.join(" ")))
}

/// Whether a word may open a conference's name: capitalised (`Harbour`), a number (`4Developers`),
/// or a brand written in mixed case from a small letter (`a11yHEL`, `jsDay`, `iOSDevUK`).
fn opens_a_name(word: &str) -> bool {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() || c.is_ascii_digit() => true,
        Some(c) if c.is_lowercase() => chars.any(char::is_uppercase),
        _ => false,
    }
}

/// A file's first heading read as its header: [`parse_header`], and also a single ordinary word
/// before the year (`# Typecast 2024 — my checklist`, `# Actuate 2024`): the first heading of a
/// file names its conference whatever the word, unless it is a season or a time of year.
///
/// ```
/// # use confgraph::ingest::conference::parse_heading;
/// assert_eq!(parse_heading("Typecast 2024 — my checklist").unwrap().series, "Typecast");
/// assert!(parse_heading("Autumn 2023").is_none());
/// assert!(parse_heading("Notes 2023").is_none());
/// ```
#[must_use]
pub fn parse_heading(header: &str) -> Option<ConferenceName> {
    parse_header(header).or_else(|| {
        let first =
            HEADER_SEPARATORS.iter().fold(strip_title_markup(header), |t, sep| t.split(sep).next().unwrap_or(t));
        let (word, year) = first.trim().split_once(' ')?;
        let year: u16 = year.trim().parse().ok().filter(|y| (1980..2100).contains(y))?;
        let lower = word.to_lowercase();
        let ordinary_time = NOT_SERIES.contains(&lower.as_str())
            || HEADER_FILLER.contains(&lower.as_str())
            || matches!(lower.as_str(), "spring" | "summer" | "autumn" | "fall" | "winter" | "year" | "week" | "month");
        let named = word.chars().count() >= 3
            && opens_a_name(word)
            && !word.starts_with(|c: char| c.is_ascii_digit())
            && word.chars().all(char::is_alphanumeric);
        (named && !ordinary_time).then(|| ConferenceName { series: unshout(word), year: Some(year), location: None })
    })
}

/// A one-word name before a year inside a sentence (`I finally made it to Marginalia 2023 in
/// Montevideo`) or standing alone in a clause (`Tue 4 June — Actuate 2024, day 1`): capitalised
/// where the sentence would not capitalise it, so a name even when it is also a word. `clause`
/// runs from the start of its clause to the end of its sentence; `alone` says the clause was set
/// off by a dash or a bracket.
///
/// ```
/// # use confgraph::ingest::conference::named_in_sentence;
/// let n = named_in_sentence("Last week I finally made it to Marginalia 2023 in Montevideo, the small design conference", false).unwrap();
/// assert_eq!((n.series.as_str(), n.year, n.location.as_deref()), ("Marginalia", Some(2023), Some("Montevideo")));
/// assert!(named_in_sentence("Back in June 2023 I went", false).is_none());
/// assert!(named_in_sentence("Autumn 2023 was busy", false).is_none());
/// ```
#[must_use]
pub fn named_in_sentence(clause: &str, alone: bool) -> Option<ConferenceName> {
    let m = YEAR.find_iter(clause).find(|m| !in_year_range(clause, m.start(), m.end()))?;
    let before: Vec<&str> = clause[..m.start()].split_whitespace().collect();
    let (&word, rest) = before.split_last()?;
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    let mid_sentence = rest.last().is_some_and(|w| w.starts_with(char::is_lowercase));
    let capitalised = word.chars().count() >= 3
        && word.starts_with(char::is_uppercase)
        && word.chars().all(|c| c.is_alphanumeric() || c == '-');
    let lower = word.to_lowercase();
    let ordinary = NOT_SERIES.contains(&lower.as_str()) || HEADER_FILLER.contains(&lower.as_str());
    if !capitalised || ordinary || !(mid_sentence || alone && rest.is_empty()) {
        return None;
    }
    let year = clause[m.start()..m.end()].parse().ok()?;
    let location = clause[m.end()..].trim().strip_prefix("in ").and_then(|r| place(r.split(',').next().unwrap_or(r)));
    Some(ConferenceName { series: unshout(word), year: Some(year), location })
}

/// `LAKEHOUSE DAYS` → `Lakehouse Days`: a name typed in capitals takes title case, keeping its
/// short words (`PHP`, `JS`, `EU`) as acronyms. A name with any lower-case letter is kept as written.
///
/// ```
/// # use confgraph::ingest::conference::unshout;
/// assert_eq!(unshout("INDIE FORGE SUMMIT"), "Indie Forge Summit");
/// assert_eq!(unshout("PHP ANDES"), "PHP Andes");
/// assert_eq!(unshout("GoSouth"), "GoSouth");
/// assert_eq!(unshout("PHP UK"), "PHP UK");
/// ```
#[must_use]
pub fn unshout(name: &str) -> String {
    let shouted = name.chars().any(char::is_alphabetic) && !name.chars().any(char::is_lowercase);
    if !shouted || !name.split_whitespace().any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 5) {
        return name.to_owned();
    }
    let word = |w: &str| {
        if w.chars().filter(|c| c.is_alphabetic()).count() <= 3 {
            return w.to_owned();
        }
        let mut chars = w.chars();
        chars.next().map_or_else(String::new, |first| first.to_string() + &chars.as_str().to_lowercase())
    };
    name.split(' ').map(word).collect::<Vec<_>>().join(" ")
}

/// A series whose name says it is a conference: a known one, or one built like `GopherCon`,
/// `JSConf EU`, `RustFest`, `DevOpsDays`, `Postgres Summit`.
///
/// # Examples
///
/// ```
/// use confgraph::ingest::conference::is_conference_like;
///
/// assert!(is_conference_like("GopherCon EU") && is_conference_like("PyTexas") && is_conference_like("Vistula JS"));
/// assert!(!is_conference_like("Living off the Land"));
/// ```
#[must_use]
pub fn is_conference_like(series: &str) -> bool {
    if canonical_series(series).is_some() {
        return true;
    }
    series.split_whitespace().any(|w| {
        let l = w.to_lowercase();
        ["con", "conf", "fest", "camp", "summit", "days", "meetup", "week", "forum", "symposium", "expo", "js", "jam"]
            .iter()
            .any(|s| l.ends_with(s))
            || l.starts_with("py")
            || l.starts_with("js")
            || matches!(l.as_str(), "conference" | "summit" | "devfest" | "devday")
    })
}

/// A single ordinary English word (`Autumn`, `Notes`) does not name a conference on its own.
fn is_plain_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    let conference_like = ["con", "conf", "fest", "camp", "summit", "days", "py", "js"]
        .iter()
        .any(|s| lower.ends_with(s) || lower.starts_with(s));
    !conference_like
        && word.chars().skip(1).all(char::is_lowercase)
        && super::names::lexicon::COMMON_WORDS.contains(&lower)
}

static PROSE_CONFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    let mut spellings: Vec<&str> = KNOWN_SERIES.iter().flat_map(|(_, s)| s.iter().copied()).collect();
    spellings.sort_by_key(|s| std::cmp::Reverse(s.len()));
    let known = spellings.iter().map(|s| regex::escape(s).replace(' ', r"\s+")).collect::<Vec<_>>().join("|");
    // Known series, with or without a year; unknown `…Con`/`Py…` names only with a year.
    Regex::new(&format!(
        r"(?i:\b(?P<known>{known})\b)(?:\s+(?:US|EU|UK))?(?:\s+(?P<kyear>(?:19|20)\d\d)\b)?|\b(?P<other>(?:[A-Z][A-Za-z]*(?:Con|Conf|Fest|Camp|Summit|Days)|Py[A-Z][a-z]+|JS[A-Z][A-Za-z]+|[A-Z][a-z]+JS)(?:\s+(?:US|EU|UK|Europe|Africa|Asia|India|Latam|Online|Nordic))?)\s+(?P<oyear>(?:19|20)\d\d)\b|\bat\s+(?P<at>[A-Z][A-Za-z0-9-]*(?:\s+[A-Z][A-Za-z0-9-]*){{0,3}})\s+(?P<ayear>(?:19|20)\d\d)\b"
    ))
    .expect("valid regex")
});

/// A conference named in running text, with its byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProseConference {
    /// Canonical series and year, if given.
    pub name: ConferenceName,
    /// Byte offset where the name starts.
    pub start: usize,
    /// Byte offset just past the name (and year).
    pub end: usize,
}

/// Every conference named in `text` (`at PyTexas 2024`, `At DjangoCon US 2023`, `PyCon US talk`).
#[must_use]
pub fn conferences_in(text: &str) -> Vec<ProseConference> {
    PROSE_CONFERENCE
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let (series, year) = if let Some(k) = c.name("known") {
                let spelled = k.as_str().split_whitespace().collect::<Vec<_>>().join(" ");
                (canonical_series(&spelled)?.to_owned(), c.name("kyear"))
            } else if let Some(other) = c.name("other") {
                (other.as_str().to_owned(), c.name("oyear"))
            } else {
                // `at BSides Lisbon 2022`: any capitalised name with a year after `at`; a known
                // series at its start is that series (`at DjangoCon US US 2019`).
                let at = c.name("at")?.as_str();
                let words: Vec<&str> = at.split_whitespace().collect();
                let known = (1..=words.len()).rev().find_map(|n| canonical_series(&words[..n].join(" ")));
                (known.map_or_else(|| at.to_owned(), str::to_owned), c.name("ayear"))
            };
            let year = year.and_then(|y| y.as_str().parse().ok());
            let start = c.name("at").map_or(whole.start(), |m| m.start());
            Some(ProseConference { name: ConferenceName { series, year, location: None }, start, end: whole.end() })
        })
        .collect()
}

/// A year written in a URL (`2022.djangocon.us`, `us.pycon.org/2024/…`).
#[must_use]
pub fn year_in_url(url: &str) -> Option<u16> {
    static URL_YEAR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:^|[/.:])((?:19|20)\d\d)(?:[/.]|$)").expect("valid regex"));
    URL_YEAR.captures(url)?.get(1)?.as_str().parse().ok()
}

/// A weekday or a month, written out or short (`monday`, `fri`, `october`), in lower case.
#[must_use]
pub fn is_calendar_word(word: &str) -> bool {
    words::NOT_SERIES.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_of_years_is_no_edition() {
        assert!(named_in_sentence("Web Archiving the Sámi Press, 1990–2010 was great", false).is_none());
        assert!(parse_header("Reindeer Records 1850–1950").is_none());
        let n = named_in_sentence("a talk on the Sámi Press, 1990–2010, at DigiLib 2024 in Turku", false).unwrap();
        assert_eq!((n.series.as_str(), n.year), ("DigiLib", Some(2024)));
        assert_eq!(parse_header("Gearloft 2023").and_then(|n| n.year), Some(2023));
        assert_eq!(parse_header("Gearloft 2024-05-17").and_then(|n| n.year), Some(2024));
    }

    fn header(s: &str) -> Option<(String, Option<u16>, Option<String>)> {
        parse_header(s).map(|c| (c.series, c.year, c.location))
    }

    #[test]
    fn headers() {
        assert_eq!(header("Pycascades 2025"), Some(("PyCascades".into(), Some(2025), None)));
        assert_eq!(
            header("PyCon 2019 in Cleveland, Ohio"),
            Some(("PyCon US".into(), Some(2019), Some("Cleveland, Ohio".into())))
        );
        assert_eq!(header("PyCon US 2024 Recap"), Some(("PyCon US".into(), Some(2024), None)));
        assert_eq!(header("My PyGotham 2023 Recap"), Some(("PyGotham".into(), Some(2023), None)));
        assert_eq!(header("Notes from Write the Docs 2021"), Some(("Write the Docs".into(), Some(2021), None)));
        assert_eq!(header("Lightning Talks"), None);
        assert_eq!(
            header("krs23 notes — Kelpie Robotics Symposium, aberdeen, sept 2023"),
            Some(("Kelpie Robotics Symposium".into(), Some(2023), Some("Aberdeen".into())))
        );
        assert_eq!(header("Kelpie Robotics Symposium — a talk about 2023"), None);
        assert_eq!(header("pixelforge 2025 – kraków"), Some(("Pixelforge".into(), Some(2025), Some("Kraków".into()))));
        assert_eq!(header("my notes 2024"), None);
        assert_eq!(header("day 2 2024"), None);
        assert_eq!(header("hala 3 2025"), None);
        assert_eq!(header("2024"), None);
        assert_eq!(
            header("sidechannel days 22 - Lisbon"),
            Some(("Sidechannel Days".into(), Some(2022), Some("Lisbon".into())))
        );
        assert_eq!(header("notes 22"), None);
        assert_eq!(header("meetup 12"), None);
        assert_eq!(header("retro 23"), None);
        assert_eq!(header("hackweek days 33"), None);
        assert_eq!(header("days 22"), None);
        assert_eq!(header("room 12"), None);
        assert_eq!(header("lunch at 12"), None);
        // (Filler around a lower-case name, and a long name alone before two digits.)
        assert_eq!(header("spanfest 2024 notes"), Some(("Spanfest".into(), Some(2024), None)));
        assert_eq!(header("notes from spanfest 2024"), Some(("Spanfest".into(), Some(2024), None)));
        assert_eq!(header("pixelforge 24"), Some(("Pixelforge".into(), Some(2024), None)));
        assert_eq!(header("standup 23"), None);
    }

    #[test]
    fn prose_conferences() {
        let found: Vec<_> = conferences_in(
            "I met Heather at PyTexas 2024 where she did a talk, which she also gave at PyCon US. Amber gave a keynote at DjangoCon US US 2019 and at FooCon 2020. PyPI and PyLadies are not.",
        )
        .into_iter()
        .map(|p| (p.name.series, p.name.year))
        .collect();
        assert_eq!(
            found,
            vec![
                ("PyTexas".into(), Some(2024)),
                ("PyCon US".into(), None),
                ("DjangoCon US".into(), Some(2019)),
                ("FooCon".into(), Some(2020)),
            ]
        );
    }

    #[test]
    fn url_years() {
        assert_eq!(year_in_url("https://2022.djangocon.us/talks/x/"), Some(2022));
        assert_eq!(year_in_url("https://us.pycon.org/2024/schedule/presentation/84/"), Some(2024));
        assert_eq!(year_in_url("https://youtu.be/HWIPkipolUk?si=ozxHi5N7RwY19hVh"), None);
    }
}

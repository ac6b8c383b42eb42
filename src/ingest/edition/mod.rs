//! Which edition a file is about: from its front matter, its first heading, the first lines when
//! they are not headings (`RustConf 2022 — every talk in one line`), properties at the top of an
//! outline (`conference:: [[SecHarbor]]`, `year:: 2023`), a conference set in bold in the opening
//! paragraph, a hashtag (`#Ledgerline24`), a name the file name repeats with a year in the
//! opening lines, or `--conference` for files that name none. A file that names nothing is never
//! given a guessed conference.
//!
//! Owns these sources as a table tried in order ([`SOURCES`]).

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use super::conference::{
    ConferenceName, canonical_series, is_conference_like, named_in_sentence, parse_header, parse_heading,
};
use super::document::{Block, BlockKind, MarkKind};
use super::frontmatter::FrontMatter;

mod fuller;
use fuller::{camel_cased, fuller_name, series_under_place, spelled_out};

/// The edition a file is about and where it is named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edition {
    /// Series, year and location.
    pub name: ConferenceName,
    /// 1-based line that names it.
    pub line: u32,
    /// The block that names it, when a heading or a line of its own does (it is not a session).
    pub block: Option<usize>,
}

/// What a source reads an edition from.
pub struct Sources<'a> {
    /// The file's front matter.
    pub front: &'a FrontMatter,
    /// Its blocks.
    pub blocks: &'a [Block],
    /// Its file name without folder or extension (`counterform-lisbon`).
    pub file_stem: &'a str,
}

/// One way a file names its edition.
type Source = fn(&Sources<'_>) -> Option<Edition>;

/// Every source, tried in order.
pub const SOURCES: &[(&str, Source)] = &[
    ("front matter", from_front_matter),
    ("front matter title", from_front_matter_title),
    ("outline properties", from_properties),
    ("first heading or line", from_first_lines),
    ("first heading and front matter date", from_heading_and_date),
    ("bold name in the opening", from_bold_opening),
    ("name and year in the opening lines", from_opening_mention),
    ("first heading with a date", from_heading_with_date),
    ("hashtag with a year", from_hashtag),
    ("file name and a year in the opening", from_file_name),
];

/// How many lines from the top the opening is.
const OPENING_LINES: usize = 12;

/// How many blocks from the top a header may stand at.
const TOP: usize = 8;

/// The edition a file names, or the one `fallback` (from `--conference`) gives when it names none.
///
/// # Examples
///
/// ```
/// use confgraph::ingest::document::blocks;
/// use confgraph::ingest::edition::{Sources, which_edition};
/// use confgraph::ingest::frontmatter::FrontMatter;
///
/// let b = blocks("RustConf 2022 — every talk in one line\n\n- Fearless FFI — Ana Ortiz\n");
/// let e = which_edition(&Sources { front: &FrontMatter::default(), blocks: &b, file_stem: "notes" }, None).unwrap();
/// assert_eq!((e.name.series.as_str(), e.name.year, e.block), ("RustConf", Some(2022), Some(0)));
/// ```
#[must_use]
pub fn which_edition(sources: &Sources<'_>, fallback: Option<&ConferenceName>) -> Option<Edition> {
    SOURCES
        .iter()
        .find_map(|(_, source)| source(sources))
        .map(|mut e| {
            if let Some(full) = spelled_out(&e.name.series, sources.blocks) {
                e.name.series = full;
            }
            if let Some(cased) = camel_cased(&e.name.series, sources.blocks) {
                e.name.series = cased;
            }
            if let Some(full) = e.name.year.and_then(|y| fuller_name(&e.name.series, y, sources.blocks)) {
                e.name.series = full;
            }
            if let Some(series) = series_under_place(&e.name, e.line, sources.blocks) {
                e.name.location = Some(std::mem::replace(&mut e.name.series, series));
            }
            e
        })
        .or_else(|| fallback.map(|name| Edition { name: name.clone(), line: 1, block: None }))
}

/// The text of the opening lines, joined.
fn opening_text(s: &Sources<'_>) -> String {
    s.blocks
        .iter()
        .take(TOP)
        .filter(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::Item { .. } | BlockKind::Heading(_)))
        .flat_map(Block::line_texts)
        .take(OPENING_LINES)
        .map(|(l, _)| l)
        .collect::<Vec<_>>()
        .join("\n")
}

/// `Day one of #Ledgerline24, the data journalism conference`: a conference hashtag with its year
/// (two or four digits) in the opening lines.
fn from_hashtag(s: &Sources<'_>) -> Option<Edition> {
    static TAG: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:^|\s)#(\p{Lu}[\p{L}]{2,30})(20\d\d|\d\d)\b").expect("valid regex"));
    let text = opening_text(s);
    // (`#COVID19` is no conference: a tag in capitals is an acronym of anything, unless the
    // opening spells it out: `#EOSF2025, the Estuary Open Science Forum`.)
    let m = TAG.captures_iter(&text).find(|m| {
        let mixed = m[1].chars().any(char::is_lowercase) && m[1].chars().count() >= 4;
        mixed || spelled_out(&m[1], s.blocks).is_some()
    })?;
    let year: u16 = match &m[2] {
        y if y.len() == 2 => 2000 + y.parse::<u16>().ok()?,
        y => y.parse().ok()?,
    };
    let line = line_of(s, m.get(0)?.as_str().trim())?;
    Some(Edition {
        name: ConferenceName { series: m[1].to_owned(), year: Some(year), location: None },
        line,
        block: None,
    })
}

/// `counterform-lisbon.md` opening `Second time at Counterform, the little type design
/// conference. This year (2025) it was in Lisbon`: a capitalised name in the opening lines that
/// the file name repeats, with the first year there.
fn from_file_name(s: &Sources<'_>) -> Option<Edition> {
    let text = opening_text(s);
    // The opening must say it is about a conference (`berlin-trip.md` / `Berlin, May 2023` is not).
    let lower = text.to_lowercase();
    if !CONFERENCE_WORDS.iter().any(|w| lower.contains(w)) {
        return None;
    }
    let year = text.split(|c: char| !c.is_ascii_digit()).find_map(year_of)?;
    let stem_words: Vec<String> = s
        .file_stem
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 && !w.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        .filter(|w| !NOT_SERIES_WORDS.contains(&w.as_str()))
        .collect();
    let words: Vec<&str> = text.split_whitespace().collect();
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned();
    let k = words.iter().position(|w| {
        let b = bare(w);
        b.starts_with(char::is_uppercase) && stem_words.contains(&b.to_lowercase())
    })?;
    // The run of capitalised words the name stands in (`Inkwell Data Journalism Forum`).
    let capital = |w: &str| bare(w).starts_with(char::is_uppercase);
    let ends_run = |w: &str| w.ends_with([',', '.', ':', ';', '!', '?', ')']);
    let mut end = k;
    while end + 1 < words.len() && !ends_run(words[end]) && capital(words[end + 1]) {
        end += 1;
    }
    let series: Vec<String> = words[k..=end].iter().map(|w| bare(w)).collect();
    let series = series.join(" ");
    if NOT_SERIES_WORDS.contains(&series.to_lowercase().as_str()) {
        return None;
    }
    let line = line_of(s, words[k])?;
    Some(Edition { name: ConferenceName { series, year: Some(year), location: None }, line, block: None })
}

/// Words that say a text is about a conference.
const CONFERENCE_WORDS: &[&str] = &[
    "conference",
    "conf",
    "summit",
    "forum",
    "symposium",
    "workshop",
    "meetup",
    "festival",
    "congress",
    "convention",
    "days",
    "camp",
    "gathering",
    "talks",
    "keynote",
    "programme",
    "program",
    "speakers",
];

/// Words a file name shares with its text that name no conference.
const NOT_SERIES_WORDS: &[&str] = &["notes", "recap", "thread", "journal", "diary", "programme", "program", "schedule"];

/// The 1-based line of the first opening line that holds `needle`.
fn line_of(s: &Sources<'_>, needle: &str) -> Option<u32> {
    s.blocks.iter().take(TOP).flat_map(Block::line_texts).find(|(l, _)| l.contains(needle)).map(|(_, n)| n)
}

fn year_of(text: &str) -> Option<u16> {
    text.split(|c: char| !c.is_ascii_digit())
        .find(|w| w.len() == 4)
        .and_then(|w| w.parse().ok())
        .filter(|y| (1980..2100).contains(y))
}

fn from_front_matter(s: &Sources<'_>) -> Option<Edition> {
    let fm = s.front;
    let (value, line) = fm.first(&["conference", "event", "conf", "series"])?;
    let year = fm
        .first(&["year"])
        .and_then(|(y, _)| year_of(y))
        .or_else(|| fm.first(&["date", "dates", "when"]).and_then(|(d, _)| year_of(d)));
    let location = fm.first(&["location", "city", "place", "where"]).map(|(l, _)| l.to_owned());
    // (The value is surely the conference's name: one plain word is enough, `Quire 2025`.)
    let mut name = parse_heading(value).or_else(|| {
        let series = canonical_series(value).map_or_else(|| value.trim().to_owned(), str::to_owned);
        (!series.is_empty()).then_some(ConferenceName { series, year, location: None })
    })?;
    name.year = name.year.or(year);
    name.year?;
    name.location = name.location.or(location);
    Some(Edition { name, line, block: None })
}

/// `conference:: [[SecHarbor]]`, `year:: 2023`, `location:: Hamburg, Germany` at the top.
fn from_properties(s: &Sources<'_>) -> Option<Edition> {
    let first = s.blocks.iter().position(|b| !b.text.trim().is_empty())?;
    if first > 1 {
        return None;
    }
    let block = &s.blocks[first];
    let mut series = None;
    let (mut year, mut location) = (None, None);
    for (line, number) in block.line_texts() {
        let Some((key, value)) = line.split_once("::") else { continue };
        let value = value.trim().trim_start_matches("[[").trim_end_matches("]]").trim();
        match key.trim().to_lowercase().as_str() {
            "conference" | "event" | "conf" | "series" => series = Some((value.to_owned(), number)),
            "year" | "date" => year = year_of(value),
            "location" | "city" | "where" => location = Some(value.to_owned()),
            _ => {}
        }
    }
    let (series, line) = series?;
    let mut name = parse_header(&series).unwrap_or(ConferenceName { series, year: None, location: None });
    name.year = name.year.or(year);
    name.year?;
    name.location = name.location.or(location);
    Some(Edition { name, line, block: Some(first) })
}

/// The first heading, or one of the first lines of the file (an email's `Subject:` among them).
fn from_first_lines(s: &Sources<'_>) -> Option<Edition> {
    let mut headings = 0;
    let mut lines_seen = 0;
    for (i, block) in s.blocks.iter().enumerate().take(TOP) {
        let candidates: Vec<(Cow<'_, str>, u32)> = match block.kind {
            BlockKind::Heading(_) => {
                headings += 1;
                if headings > 3 {
                    break;
                }
                vec![(Cow::Borrowed(block.text.as_str()), block.line)]
            }
            BlockKind::Paragraph | BlockKind::Item { .. } => rewrapped_lines(block)
                .into_iter()
                .filter(|(l, _)| l.chars().count() <= 160)
                .take(12usize.saturating_sub(lines_seen))
                .collect(),
            _ => continue,
        };
        lines_seen += candidates.len();
        let heading = block.heading_level().is_some();
        for (candidate, line) in candidates {
            let parsed = if heading && headings == 1 { parse_heading(&candidate) } else { parse_header(&candidate) };
            if let Some(mut name) = parsed {
                if name.location.is_none() {
                    name.location = next_line_place(block, s.blocks.get(i + 1));
                }
                let whole = block.heading_level().is_some() || block.lines.len() == 1;
                return Some(Edition { name, line, block: whole.then_some(i) });
            }
        }
        if lines_seen >= 12 {
            break;
        }
    }
    None
}

/// The lines of a paragraph, a line that opens with a capitalised word taking the capitalised
/// words that end the line before it: a name wrapped across two lines (`a summary of the Lab
/// Commons` / `Summit 2024, which I attended`) is read whole, on the line where it starts.
fn rewrapped_lines(block: &Block) -> Vec<(Cow<'_, str>, u32)> {
    let lines: Vec<(&str, u32)> = block.line_texts().collect();
    let mut out = Vec::with_capacity(lines.len());
    for (k, &(line, number)) in lines.iter().enumerate() {
        let previous = k.checked_sub(1).map(|p| lines[p].0);
        let tail: Vec<&str> = previous
            .filter(|_| line.starts_with(char::is_uppercase))
            .map(|p| {
                let words: Vec<&str> = p.split_whitespace().collect();
                let run = words
                    .iter()
                    .rev()
                    .take(4)
                    .take_while(|w| {
                        w.starts_with(char::is_uppercase) && !w.ends_with(['.', ',', ';', ':', '!', '?', ')'])
                    })
                    .count();
                // (Only words that end a line of prose: `WORKSHOP` alone on its line is a header.)
                if run < words.len() { words[words.len() - run..].to_vec() } else { Vec::new() }
            })
            .unwrap_or_default();
        if tail.is_empty() {
            out.push((Cow::Borrowed(line), number));
        } else {
            out.push((Cow::Owned(format!("{} {line}", tail.join(" "))), lines[k - 1].1));
        }
    }
    out
}

/// `# BEAM Lisboa — day 1` under front matter `date: 2024-05-16`.
fn from_heading_and_date(s: &Sources<'_>) -> Option<Edition> {
    let year = s.front.first(&["date", "year", "created"]).and_then(|(d, _)| year_of(d))?;
    let (i, heading, text) = first_heading(s, &[':', '—', '–', '|', '·'])?;
    edition_of_heading(s, i, heading, text, year, None)
}

/// The first heading near the top, and its text up to the first of `separators`.
fn first_heading<'a>(s: &Sources<'a>, separators: &[char]) -> Option<(usize, &'a Block, &'a str)> {
    let (i, heading) = s.blocks.iter().enumerate().take(TOP).find(|(_, b)| b.heading_level().is_some())?;
    Some((i, heading, heading.text.split(separators).next().unwrap_or_default().trim()))
}

/// `series` with `year`, named by heading `i`, its place given or on the line after it.
fn edition_of_heading(
    s: &Sources<'_>,
    i: usize,
    heading: &Block,
    series: &str,
    year: u16,
    place: Option<String>,
) -> Option<Edition> {
    let mut name = parse_header(&format!("{series} {year}"))?;
    name.location = name.location.or(place).or_else(|| next_line_place(heading, s.blocks.get(i + 1)));
    Some(Edition { name, line: heading.line, block: Some(i) })
}

/// `Coimbra, Portugal – 21 & 22 September` on the line after the header.
fn next_line_place(block: &Block, next: Option<&Block>) -> Option<String> {
    let line = if block.lines.len() > 1 {
        block.line_texts().nth(1).map(|(l, _)| l.to_owned())
    } else {
        next.and_then(|b| b.line_texts().next().map(|(l, _)| l.to_owned()))
    }?;
    let part = line.split([' ']).take(4).collect::<Vec<_>>().join(" ");
    let end = part.find(['–', '—', '-', '·', '|', '(']).unwrap_or(part.len());
    let p = part[..end].trim().trim_end_matches(',');
    let ok = p.contains(',')
        && p.split(',')
            .all(|w| w.trim().chars().next().is_some_and(char::is_uppercase) && w.split_whitespace().count() <= 3);
    ok.then(|| p.to_owned())
}

/// `Two conferences: **DataHarbour 2023** in Rotterdam, …`: an edition set in bold near the top.
fn from_bold_opening(s: &Sources<'_>) -> Option<Edition> {
    for block in s.blocks.iter().take(TOP).filter(|b| b.kind == BlockKind::Paragraph) {
        for m in block.marks.iter().filter(|m| m.kind == MarkKind::Strong) {
            if let Some(mut name) = parse_header(&block.text[m.start..m.end]) {
                let after = &block.text[m.end..];
                if let Some(rest) = after.trim_start().strip_prefix("in ") {
                    let end = rest.find(['(', ';', '.']).unwrap_or(rest.len());
                    let place: Vec<&str> = rest[..end].split(',').map(str::trim).take(2).collect();
                    if place.iter().all(|p| p.chars().next().is_some_and(char::is_uppercase)) {
                        name.location = Some(place.join(", "));
                    }
                }
                return Some(Edition { name, line: block.line_of(m.start), block: None });
            }
        }
    }
    None
}

/// `(GoDakar 2025, Dakar, Senegal — copied out of Slack)`, `🧵 Live-tooting Babel Days 2024 from
/// Lisbon!`, `**Tue 4 June — Actuate 2024, day 1**`: a name with its year inside one of the first
/// lines, when no line is a header of its own. The clause around the year is read as a header.
fn from_opening_mention(s: &Sources<'_>) -> Option<Edition> {
    let lines = s
        .blocks
        .iter()
        .take(TOP)
        .filter(|b| matches!(b.kind, BlockKind::Paragraph | BlockKind::Item { .. } | BlockKind::Heading(_)))
        .flat_map(Block::line_texts)
        .take(OPENING_LINES);
    for (line, number) in lines {
        // `After missing it in 2022, I made it to Marginalia 2023`: each year's clause starts after
        // the year before it.
        let mut after_last_year = 0;
        for (at, _) in line.match_indices(|c: char| c.is_ascii_digit()).filter(|&(i, _)| year_at(line, i)) {
            let start = line[..at]
                .rfind(CLAUSE_BREAKS)
                .map_or(0, |k| k + line[k..].chars().next().map_or(1, char::len_utf8))
                .max(after_last_year);
            after_last_year = at + 4;
            let end = line[at..].find(['(', ')', '!', '?', ';', '—', '|']).map_or(line.len(), |k| at + k);
            let sentence_end = line[at..].find(['.', '!', '?', ';']).map_or(line.len(), |k| at + k);
            let name = parse_header(&line[start..end])
                .or_else(|| named_in_sentence(&line[start..sentence_end], start > 0))
                .or_else(|| year_in_brackets(line, start, at, end));
            if let Some(name) = name {
                return Some(Edition { name, line: number, block: None });
            }
        }
    }
    None
}

/// `this year's Inkwell Data Journalism Forum (2023 edition, Lisbon)`: a name with its year in
/// the bracket after it. `open` is where the bracket's text starts, `at` the year, `end` the
/// clause's end.
fn year_in_brackets(line: &str, open: usize, at: usize, end: usize) -> Option<ConferenceName> {
    let before = line[..open].strip_suffix('(')?.trim_end();
    if !line[open..at].trim().is_empty() {
        return None;
    }
    let after = line[at + 4..end].trim_start();
    let after = after.strip_prefix("edition").unwrap_or(after);
    parse_header(&format!("{before} {}{after}", &line[at..at + 4]))
}

/// Marks that end the clause before a year.
const CLAUSE_BREAKS: &[char] = &['(', '!', '?', ';', ':', '—', '–', '|', '"', '“', '*'];

/// Whether a four-digit year starts at byte `i` of `line` (not inside a longer number).
fn year_at(line: &str, i: usize) -> bool {
    let digits = line[i..].bytes().take_while(u8::is_ascii_digit).count();
    let before = line[..i].chars().next_back();
    digits == 4 && !before.is_some_and(|c| c.is_ascii_digit()) && year_of(&line[i..i + 4]).is_some()
}

/// `# OpsCamp Montevideo — my notes (Oct 2023)`: the first heading names the series and a date
/// in it the year; a place after a conference-like name (`OpsCamp Montevideo`) is the location.
fn from_heading_with_date(s: &Sources<'_>) -> Option<Edition> {
    let (i, heading, first) = first_heading(s, &[':', '—', '–', '|', '·', '('])?;
    let year = year_of(&heading.text)?;
    let words: Vec<&str> = first.split_whitespace().collect();
    let named = (1..words.len()).rev().find(|&k| is_conference_like(&words[..k].join(" ")));
    match named {
        Some(k) if words[k..].iter().all(|w| w.starts_with(char::is_uppercase)) => {
            edition_of_heading(s, i, heading, &words[..k].join(" "), year, Some(words[k..].join(" ")))
        }
        _ => edition_of_heading(s, i, heading, first, year, None),
    }
}

/// `title: "My top 5 talks from Superposition Summit 2025"` in front matter.
fn from_front_matter_title(s: &Sources<'_>) -> Option<Edition> {
    let (title, line) = s.front.first(&["title"])?;
    let title = title.trim().trim_matches(['"', '\'']);
    let mut name = parse_header(title).or_else(|| named_in_sentence(title, false))?;
    name.location =
        name.location.or_else(|| s.front.first(&["location", "city", "place", "where"]).map(|(l, _)| l.to_owned()));
    Some(Edition { name, line, block: None })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::document::blocks;
    use crate::ingest::frontmatter::FrontMatter;

    fn series(text: &str, stem: &str) -> Option<(String, Option<u16>)> {
        let b = blocks(text);
        which_edition(&Sources { front: &FrontMatter::default(), blocks: &b, file_stem: stem }, None)
            .map(|e| (e.name.series, e.name.year))
    }

    #[test]
    fn a_place_and_year_on_the_first_line_take_the_series_named_below() {
        let b = blocks("Porto 2024\n#conference #travel\n\nMy second [[Kerning Congress]], in the annex.\n");
        let e = which_edition(&Sources { front: &FrontMatter::default(), blocks: &b, file_stem: "porto" }, None);
        let name = e.unwrap().name;
        assert_eq!((name.series.as_str(), name.location.as_deref()), ("Kerning Congress", Some("Porto")));
        // A one-word series keeps its name when another event is only mentioned below it.
        let other = "Strangeloop 2024\n\nFlew in straight from the [[Emerging Tech Summit]].\n";
        assert_eq!(series(other, "sl"), Some(("Strangeloop".to_owned(), Some(2024))));
        let venue = "Devoxx 2024\n\nOur Antwerp Congress Center seats were great.\n";
        assert_eq!(series(venue, "dv"), Some(("Devoxx".to_owned(), Some(2024))));
        // A series in a longer heading is kept, whatever conference is named below it.
        let heading = "# Day 2 at Ledgerline 2024\n\nIstanbul, Haliç Congress Center.\n";
        assert_eq!(series(heading, "day2"), Some(("Ledgerline".to_owned(), Some(2024))));
    }

    #[test]
    fn names_wrapped_tagged_or_spelled_out() {
        // A name wrapped across two lines of a paragraph is read whole.
        let mail =
            "Hi all,\n\nAs promised, a summary of the Lab Commons\nSummit 2024, which I attended in Gothenburg.\n";
        assert_eq!(series(mail, "mail"), Some(("Lab Commons Summit".into(), Some(2024))));
        // A capitalised word alone on its line is a header, not the end of a sentence.
        let header = "7th CALDERA DYNAMICS\nWORKSHOP\nCDW 2023\n";
        assert_eq!(series(header, "paste").map(|s| s.0), Some("Caldera Dynamics Workshop".into()));
        // A Logseq tag: neither the sign nor the day before it is part of the name.
        let logseq = "- Day 1 of #[[Tidewater Marine Robotics Summit 2025]] #conference\n";
        assert_eq!(series(logseq, "2025_06_12").map(|s| s.0), Some("Tidewater Marine Robotics Summit".into()));
        // An acronym tag the opening spells out; the file name's `thread` names nothing.
        let thread = "Thread I posted from the Estuary Open Science Forum, pasted here\n\n1/ Made it to #EOSF2025, the Estuary Open Science Forum\n";
        assert_eq!(series(thread, "eosf-2025-thread"), Some(("Estuary Open Science Forum".into(), Some(2025))));
    }
}

//! A fuller name for a series the header gives short: an acronym spelled out in the opening
//! blocks (OSDC under "the 2024 Open Surveillance Data Conference"), a series under a place and
//! year first line, a camel-cased spelling.

use super::super::conference::{ConferenceName, is_conference_like};
use super::super::document::Block;
use regex::Regex;
use std::sync::LazyLock;

/// Blocks at the top of a file where a fuller name may be spelled out.
const SPELLED_OUT_REACH: usize = 8;

/// Blocks at the top of a file where an acronym's words may be spelled out.
const ACRONYM_REACH: usize = 40;

/// Words an acronym skips (`Festival of Code` is `FoC` or `FC`).
const ACRONYM_SKIPS: &[&str] = &[
    "of", "and", "the", "on", "for", "in", "&", "de", "la", "du", "des", "del", "di", "da", "do", "dos", "das", "der",
    "y", "e", "et", "und", "at",
];

/// The text of the blocks at the top of a file, where a name may be spelled out, joined.
fn top_text(blocks: &[Block]) -> String {
    blocks.iter().take(SPELLED_OUT_REACH).map(|b| b.text.as_str()).collect::<Vec<_>>().join(" ")
}

/// The full name an acronym series stands for, when the opening blocks spell it out:
/// `OSDC 2024` in a recap that says `the 2024 Open Surveillance Data Conference`, `CDW 2023`
/// under `7th CALDERA DYNAMICS WORKSHOP` (capitals take title case).
pub(super) fn spelled_out(series: &str, blocks: &[Block]) -> Option<String> {
    let acronym = series.trim();
    if !(2..=6).contains(&acronym.len()) || !acronym.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    // (An acronym may be spelled out anywhere near the top: a mail's signature, the quoted
    // draft below a reply.)
    let text = blocks.iter().take(ACRONYM_REACH).map(|b| b.text.as_str()).collect::<Vec<_>>().join(" ");
    let words: Vec<&str> = text.split_whitespace().collect();
    let letters: Vec<char> = acronym.chars().collect();
    for start in 0..words.len() {
        let mut k = 0;
        let mut end = start;
        while end < words.len() && k < letters.len() {
            let w = words[end].trim_matches(|c: char| !c.is_alphanumeric());
            if ACRONYM_SKIPS.contains(&w.to_lowercase().as_str()) && end > start {
                end += 1;
                continue;
            }
            // (`OGX`: an X stands for a word of `Ex…`, `Open Genome Exchange`.)
            let ex = letters[k] == 'X' && w.starts_with("Ex");
            if !(ex || w.starts_with(|c: char| c.is_uppercase() && c.to_ascii_uppercase() == letters[k])) || w.len() < 2
            {
                break;
            }
            // A camel-cased word gives a letter for each hump (`TinyBoard Summit` is `TBS`).
            let humps = camel_humps(w);
            k += if humps.len() > 1 && letters[k..].starts_with(&humps) { humps.len() } else { 1 };
            end += 1;
        }
        if k == letters.len() {
            let name: Vec<String> = words[start..end]
                .iter()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .map(|w| {
                    if w.chars().all(|c| !c.is_lowercase()) && w.len() > 3 {
                        let lower = w.to_lowercase();
                        let mut c = lower.chars();
                        c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
                    } else {
                        w.to_owned()
                    }
                })
                .collect();
            return Some(name.join(" "));
        }
    }
    None
}

/// A conference's name ending in the word that says it is one, told as the writer's own (`My
/// second Kerning Congress`, `our Open Maps Summit`, `this year's Tide Days`); wiki brackets are
/// taken off first. An event merely mentioned (`from the Emerging Tech Summit`, `last year's
/// Oracle Developer Days`, a talk's title) is not the file's.
static NAMED_EVENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i:\b(?:my|our|this\s+year's)\s+(?:(?:first|second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th))\s+)?)((?:\p{Lu}[\p{L}'’-]+ ){1,4}(?:Congress|Conference|Summit|Forum|Symposium|Festival|Convention|Days|Week|Expo|Camp|Meetup|Conf))\b(?:\s+(?:Center|Centre|Hall|Building|Venue))?",
    )
    .expect("valid regex")
});

/// The series of a file whose header is a place and a year (`Porto 2024` on the first line, then
/// `My second [[Kerning Congress]]`): a header line of one plain capitalised word and the year,
/// nothing that names a conference, and a conference's name in the opening blocks after it that
/// does not hold that word. The header's word is then the place.
pub(super) fn series_under_place(name: &ConferenceName, line: u32, blocks: &[Block]) -> Option<String> {
    let word = name.series.as_str();
    let plain = word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).all(char::is_lowercase)
        && word.chars().count() >= 3;
    // (Only a line of its own: `# Day 2 at Ledgerline 2024` names a series, not a place.)
    let year = name.year.map(|y| y.to_string()).unwrap_or_default();
    let alone = blocks
        .iter()
        .flat_map(Block::line_texts)
        .find(|(_, n)| *n == line)
        .is_some_and(|(text, _)| text.trim_start_matches('#').trim() == format!("{word} {year}"));
    if !plain || !alone || name.location.is_some() || is_conference_like(word) {
        return None;
    }
    let text: String = blocks
        .iter()
        .skip_while(|b| b.line < line)
        .take(SPELLED_OUT_REACH)
        .map(|b| b.text.replace("[[", "").replace("]]", "") + "\n")
        .collect();
    let m = NAMED_EVENT.captures(&text)?;
    let found = m.get(1)?.as_str();
    // (`our Antwerp Congress Center`: a venue, not an event.)
    let venue = m.get(0)?.end() > m.get(1)?.end();
    (!venue && found.contains(' ') && !found.split(' ').any(|w| w == word)).then(|| found.to_owned())
}

/// The capitals that begin a word and each hump of it: `TinyBoard` → `TB`.
fn camel_humps(word: &str) -> Vec<char> {
    let chars: Vec<char> = word.chars().collect();
    (0..chars.len())
        .filter(|&i| chars[i].is_uppercase() && (i == 0 || chars[i - 1].is_lowercase()))
        .map(|i| chars[i])
        .collect()
}

/// `[Openbench 2024]` in a subject line and `the Openbench Symposium 2024` in the text: the
/// opening lines give the name in full, before the same year.
pub(super) fn fuller_name(series: &str, year: u16, blocks: &[Block]) -> Option<String> {
    let text = top_text(blocks);
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned();
    let raw: Vec<&str> = text.split_whitespace().collect();
    let words: Vec<String> = raw.iter().map(|w| bare(w)).collect();
    let name: Vec<&str> = series.split_whitespace().collect();
    let year = year.to_string();
    let mut best: Option<String> = None;
    // A word of the name goes on it: capitalised, not bracketed (`(JCAS 2024)` is an acronym
    // aside) and not an acronym in capitals.
    let goes_on = |k: usize| {
        words[k].starts_with(char::is_uppercase) && !raw[k].starts_with('(') && words[k].chars().any(char::is_lowercase)
    };
    for k in 0..words.len().saturating_sub(name.len()) {
        if !words[k..k + name.len()].iter().zip(&name).all(|(w, n)| w == n) {
            continue;
        }
        let from = k + name.len();
        // (`Openbench, Lisbon 2024`: a comma ends the name.)
        let ends = |j: usize| raw[j].ends_with([',', '.', ':', ';', '!', '?', ')']);
        let mut extra = 0;
        while extra < 3 && from + extra < words.len() && goes_on(from + extra) && !ends(from + extra - 1) {
            extra += 1;
        }
        // (`Name: Dawn Chorus Symposium` / `Edition: 2025`: a label before the year is no name.)
        if extra > 0 && words.get(from + extra) == Some(&year) && !ends(from + extra - 1) {
            let full = words[k..from + extra].join(" ");
            if best.as_ref().is_none_or(|b| full.len() > b.len()) {
                best = Some(full);
            }
        }
    }
    best
}

/// `OPSHARBOUR 2025` in the header and `OpsHarbour` in the text: a name typed in capitals takes
/// the inner capitals the notes give it elsewhere.
pub(super) fn camel_cased(series: &str, blocks: &[Block]) -> Option<String> {
    let inner_capital = |w: &str| w.chars().zip(w.chars().skip(1)).any(|(a, b)| a.is_lowercase() && b.is_uppercase());
    if series.len() < 4 || inner_capital(series) {
        return None;
    }
    let lower = series.to_lowercase();
    blocks.iter().find_map(|b| {
        b.text.split(|c: char| !(c.is_alphanumeric() || c == ' ')).find_map(|run| {
            let at = run.to_lowercase().find(&lower)?;
            let found = run.get(at..at + series.len())?;
            let whole = !run[..at].ends_with(char::is_alphanumeric)
                && !run[at + series.len()..].starts_with(char::is_alphanumeric);
            (whole && inner_capital(found) && found.to_lowercase() == lower).then(|| found.to_owned())
        })
    })
}

//! Talks told in running text: `X's talk on "Y"`, `In "Title", Name showed…`, `Name (Company)
//! gave a keynote titled "…"`, `The afternoon keynote came from Name: "Title"`, `A and B both had
//! talks — "T1" and "T2"`, titles in italics or curly quotes, `Panel with A, B and C`, a talk
//! told without a title (`where I attended a talk he gave`), and talks given at other
//! conferences (`… gave his talk "…" at PyTexas. He gave the talk at PyCon US too.`).
//!
//! A sentence tells of a talk only when it says so (a talk word, or a title set off after `by`);
//! a quoted sentence someone said is not a title; who gave it is the person the sentence names
//! next to the title, or the one "he" or "she" refers to.

use std::sync::LazyLock;

use regex::Regex;

use crate::ids::slug;
use crate::model::{NameRef, SessionKind};

use super::super::conference::{ConferenceName, ProseConference, conferences_in, year_in_url};
use super::super::document::{Block, BlockKind, MarkKind};
use super::super::kind::classify;
use super::super::names::judge::{Likeness, judge};
use super::super::names::prose::{full_name_runs, strip_possessive};
use super::super::names::shares_a_name;
use super::super::names::speakers::{Slot, speaker_list};
use super::super::notes::Notes;
use super::super::text::sentences;
use super::{Candidate, Evidence, Phase, Shape, is_title_case};
use crate::text::{char_boundary_from, collapse_ws};
use rustc_hash::FxHashMap;
use std::collections::BTreeSet;

/// A talk already told in a file: its conference, title slug and first speaker.
type SeenTalk = (Option<(String, Option<u16>)>, String, Option<String>);

/// Talks told in prose.
///
/// ```
/// use confgraph::ingest::read_notes;
///
/// let notes = "# My GoNorth 2023 recap\n\nOn Friday, Kwame Boateng's talk on \"Channels All the Way Down\" was the highlight. Later, in \"Fuzzing for Fun\", Lerato Mokoena showed three bugs.\n";
/// let sessions = read_notes("r.md", notes.as_bytes()).0.unwrap().sessions;
/// assert_eq!(sessions.len(), 2);
/// assert_eq!((sessions[1].title.as_str(), sessions[1].speakers[0].name.as_str()), ("Fuzzing for Fun", "Lerato Mokoena"));
/// ```
pub struct ProseTalks;

impl Shape for ProseTalks {
    fn name(&self) -> &'static str {
        "prose"
    }

    fn phase(&self) -> Phase {
        Phase::Loose
    }

    fn find(&self, notes: &Notes<'_>) -> Vec<Candidate> {
        let mut known = Known::default();
        // Blocks whose names are learnt only when a later block needs to know who "Aiko" is.
        let mut unread = 0;
        let mut out: Vec<Candidate> = Vec::new();
        let mut seen: BTreeSet<SeenTalk> = BTreeSet::new();
        // Once the notes say the conference is over (`Conference over.`), talks told after it
        // without an edition of their own are another event's (an evening meetup's).
        let mut over = false;
        for (bi, block) in notes.blocks.iter().enumerate() {
            let text_block = matches!(block.kind, BlockKind::Paragraph | BlockKind::Item { .. })
                && !block.in_quote
                && Some(bi) != notes.header_block;
            if !text_block || !may_tell(block, notes.is_owned(bi)) {
                over |= text_block && CONFERENCE_OVER.is_match(&block.text);
                continue;
            }
            // (From the sentence after it, in this block; from its start in the blocks after.)
            let ended_at = if over { Some(0) } else { CONFERENCE_OVER.find(&block.text).map(|m| m.end()) };
            over |= ended_at.is_some();
            for earlier in &notes.blocks[unread..bi] {
                // `### Aiko Fujimoto Keynote` and the paragraphs before: who is who, so far.
                known.learn(&earlier.text);
            }
            unread = bi + 1;
            let runs = name_runs(&block.text);
            for c in talks_in_block(bi, block, &runs, &known, &notes.conference) {
                if ended_at.is_some_and(|at| c.offset >= at) && c.conference.is_none() {
                    continue;
                }
                let key = (
                    c.conference.as_ref().map(|n| (n.series.clone(), n.year)),
                    slug(&c.title),
                    c.speakers.first().map(|s| s.name.clone()),
                );
                if seen.insert(key) {
                    out.push(c);
                }
            }
            known.learn_runs(runs);
        }
        out
    }
}

/// A sentence that says the conference has ended: `Conference over.`, `the summit was over`,
/// `after the conference ended`.
static CONFERENCE_OVER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:conference|summit|forum|festival|congress|symposium)\s+(?:is\s+|was\s+)?(?:over|done|finished)\b|\bafter\s+the\s+(?:conference|summit|forum|festival)\s+(?:ended|was\s+over|closed)\b",
    )
    .expect("valid regex")
});

/// Words that make a sentence tell of a session, and the kind each implies.
fn talk_kind(sentence: &str) -> Option<SessionKind> {
    /// Each word and the kind it tells of, the most specific kinds first.
    const WORDS: &[(&str, SessionKind)] = &[
        ("keynote", SessionKind::Keynote),
        ("keynotes", SessionKind::Keynote),
        ("workshop", SessionKind::Tutorial),
        ("workshops", SessionKind::Tutorial),
        ("tutorial", SessionKind::Tutorial),
        ("tutorials", SessionKind::Tutorial),
        ("panel", SessionKind::Panel),
        ("panels", SessionKind::Panel),
        ("lightning", SessionKind::Lightning),
        ("talk", SessionKind::Talk),
        ("talks", SessionKind::Talk),
        ("presentation", SessionKind::Talk),
        ("presentations", SessionKind::Talk),
        ("lecture", SessionKind::Talk),
        ("session", SessionKind::Talk),
        ("presented", SessionKind::Talk),
        ("presenting", SessionKind::Talk),
        ("presents", SessionKind::Talk),
        ("spoke", SessionKind::Talk),
        ("talked", SessionKind::Talk),
        ("demoed", SessionKind::Talk),
        // The same in the languages notes are written in: French, Spanish, Portuguese, German,
        // Italian, Dutch.
        ("inaugurale", SessionKind::Keynote),
        ("plénière", SessionKind::Keynote),
        ("magistral", SessionKind::Keynote),
        ("atelier", SessionKind::Tutorial),
        ("ateliers", SessionKind::Tutorial),
        ("ronde", SessionKind::Panel),
        ("redonda", SessionKind::Panel),
        ("éclair", SessionKind::Lightning),
        ("relámpago", SessionKind::Lightning),
        ("relâmpago", SessionKind::Lightning),
        ("minicurso", SessionKind::Tutorial),
        ("conferência", SessionKind::Keynote),
        ("falou", SessionKind::Talk),
        ("apresentado", SessionKind::Talk),
        ("blitzvortrag", SessionKind::Lightning),
        ("blitzvorträge", SessionKind::Lightning),
        ("conférence", SessionKind::Talk),
        ("intervention", SessionKind::Talk),
        ("présenté", SessionKind::Talk),
        ("présentée", SessionKind::Talk),
        ("parlé", SessionKind::Talk),
        ("charla", SessionKind::Talk),
        ("ponencia", SessionKind::Talk),
        ("presentó", SessionKind::Talk),
        ("habló", SessionKind::Talk),
        ("palestra", SessionKind::Talk),
        ("apresentou", SessionKind::Talk),
        ("vortrag", SessionKind::Talk),
        ("sprach", SessionKind::Talk),
        ("intervento", SessionKind::Talk),
        ("presentato", SessionKind::Talk),
        ("lezing", SessionKind::Talk),
    ];
    sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| (4..=17).contains(&w.chars().count()))
        .filter_map(|w| WORDS.iter().position(|(word, _)| w.eq_ignore_ascii_case(word)))
        .min()
        .map(|i| WORDS[i].1)
}

/// A title set off in a sentence.
#[derive(Debug, Clone)]
struct TitleSpan {
    start: usize,
    end: usize,
    title: String,
    kind_hint: Option<SessionKind>,
}

/// How far a closing quote may stand from its opening one.
const MAX_TITLE_BYTES: usize = 400;

/// Quote pairs a title may be set off with.
const QUOTES: &[(char, char)] = &[('"', '"'), ('“', '”'), ('«', '»'), ('„', '“'), ('„', '"'), ('„', '”')];

/// Verbs before a quote that make it something said, not a title.
static SAID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:said|says|saying|quipped|joked|told|tells|asked|asks|reminded|put it|added|noted|exclaimed|quote|quoted|line|slide|motto|mantra|tagline|advice|summed it up|words)\b[^.]{0,20}$")
        .expect("valid regex")
});

/// A quoted stretch that reads as a sentence someone said (`"if you write any everywhere…"`).
fn is_speech(inner: &str, before: &str) -> bool {
    let words: Vec<&str> = inner.split_whitespace().collect();
    let trimmed = inner.trim_end();
    // `"systemd Is Your Orchestrator Now"`: a product's lower-case name may open a title.
    let rest_title_case = inner.trim_start().split_once(' ').is_some_and(|(_, rest)| super::is_title_case(rest));
    let lower_start = inner.trim_start().chars().next().is_some_and(char::is_lowercase) && !rest_title_case;
    let capitalised =
        words.iter().filter(|w| w.chars().count() > 3 && w.chars().next().is_some_and(char::is_uppercase)).count();
    let long_words = words.iter().filter(|w| w.chars().count() > 3).count().max(1);
    let title_case = capitalised * 10 >= long_words * 6;
    SAID.is_match(before)
        || lower_start && words.len() >= 3
        || trimmed.ends_with('.')
            && words.len() >= 4
            && (!title_case || inner.contains(", ") && before.trim_end().ends_with(':'))
        || words.len() > 14 && !title_case
}

/// The few words before a title (`… she said `), at most 80 bytes: what makes a quote speech.
fn lead_in(sentence: &str, start: usize) -> &str {
    &sentence[char_boundary_from(sentence, start.saturating_sub(80))..start]
}

/// A quoted word or two between two parts of a name: a nickname (`Ana "ace" Ortiz`).
fn is_nickname(text: &str, start: usize, end: usize) -> bool {
    let inner_words = text[start..end].split_whitespace().count();
    let before = text[..start].trim_end().rsplit(char::is_whitespace).next().unwrap_or_default();
    let after = text[end..].trim_start().split(char::is_whitespace).next().unwrap_or_default();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    inner_words <= 2 && capital(before) && capital(strip_possessive(after.trim_end_matches([',', '.', ';', ':'])))
}

fn title_spans(sentence: &str, offset: usize, block: &Block) -> Vec<TitleSpan> {
    let mut spans = Vec::new();
    let mut search = 0;
    while search < sentence.len() {
        let Some((open_rel, open)) =
            sentence[search..].char_indices().find(|(_, c)| QUOTES.iter().any(|(o, _)| o == c))
        else {
            break;
        };
        let start = search + open_rel;
        let inner_start = start + open.len_utf8();
        // A title is short: its closing quote comes within a few hundred bytes, or it is none.
        let window = &sentence[inner_start..char_boundary_from(sentence, inner_start + MAX_TITLE_BYTES)];
        // (`„String Freeze Is a Lie"`: an opening quote closes with the first of its pairs found,
        // its own first: `„Warum "Open Data" oft geschlossen bleibt“`.)
        let mut closing =
            QUOTES.iter().filter(|(o, _)| *o == open).filter_map(|(_, c)| window.find(*c).map(|at| (at, *c)));
        let Some((close_rel, close)) = closing.next() else {
            search = inner_start;
            continue;
        };
        let inner_end = inner_start + close_rel;
        let end = inner_end + close.len_utf8();
        let inner = &sentence[inner_start..inner_end];
        if inner.trim().chars().count() >= 3
            && !is_speech(inner, lead_in(sentence, start))
            && !is_nickname(sentence, start, end)
        {
            spans.push(TitleSpan {
                start,
                end,
                title: collapse_ws(inner.trim_end_matches([',', '.'])),
                kind_hint: None,
            });
        }
        search = end;
    }
    for mark in block.marks.iter().filter(|m| {
        matches!(m.kind, MarkKind::Emphasis | MarkKind::Strong) && m.start >= offset && m.end <= offset + sentence.len()
    }) {
        let (start, end) = (mark.start - offset, mark.end - offset);
        let inner = &sentence[start..end];
        let words = inner.split_whitespace().count();
        let capital = inner.chars().next().is_some_and(char::is_uppercase);
        if words >= 2
            && capital
            && !spans.iter().any(|s| s.start <= start && end <= s.end)
            && !is_speech(inner, lead_in(sentence, start))
        {
            spans.push(TitleSpan { start, end, title: collapse_ws(inner), kind_hint: None });
        }
    }
    for link in &block.links {
        for (suffix, kind) in [(" Keynote", SessionKind::Keynote), (" Talk", SessionKind::Talk)] {
            let Some(t) = link.text.strip_suffix(suffix) else { continue };
            let Some(pos) = sentence.find(&link.text) else { continue };
            if !spans.iter().any(|s| s.start <= pos && pos < s.end) {
                spans.push(TitleSpan {
                    start: pos,
                    end: pos + link.text.len(),
                    title: t.to_owned(),
                    kind_hint: Some(kind),
                });
            }
        }
    }
    spans.sort_by_key(|s| s.start);
    spans
}

/// The full names a file has given so far, by their first word and by their last: who "Aiko"
/// or "Okafor" is (a surname two people share names neither).
#[derive(Debug, Default)]
struct Known {
    by_first: FxHashMap<String, String>,
    by_last: FxHashMap<String, Option<String>>,
}

impl Known {
    /// Learns the full names of a text; a later one with the same first word wins.
    fn learn(&mut self, text: &str) {
        self.learn_runs(name_runs(text));
    }

    /// Learns names already found ([`name_runs`]).
    fn learn_runs(&mut self, runs: Vec<(usize, String)>) {
        for (_, name) in runs {
            self.insert(name);
        }
    }

    fn insert(&mut self, name: String) {
        if let (Some((first, _)), Some((_, last))) = (name.split_once(' '), name.rsplit_once(' ')) {
            if last.chars().count() >= 3 && last.starts_with(char::is_uppercase) {
                let entry = self.by_last.entry(last.to_owned()).or_insert_with(|| Some(name.clone()));
                if entry.as_ref().is_some_and(|known| *known != name) {
                    *entry = None;
                }
            }
            self.by_first.insert(first.to_owned(), name);
        }
    }

    fn get(&self, word: &str) -> Option<&String> {
        self.by_first.get(word).or_else(|| self.by_last.get(word).and_then(Option::as_ref))
    }
}

/// Who a stretch of text refers to, by offset: full names, first names of people named before,
/// the author, pronouns.
#[derive(Debug, Clone)]
enum Reference {
    Person(String),
    Author,
    Pronoun,
}

/// The full names of a text, by offset, quoted nicknames read through (`Ana "ace" Ortiz`).
fn name_runs(text: &str) -> Vec<(usize, String)> {
    full_name_runs(&without_nicknames(text))
}

/// The text with quoted nicknames blanked out (same length), so `Ana "ace" Ortiz` is a name.
fn without_nicknames(text: &str) -> std::borrow::Cow<'_, str> {
    let mut blanks: Vec<(usize, usize)> = Vec::new();
    let mut search = 0;
    while let Some(rel) = text[search..].find(['"', '“']) {
        let start = search + rel;
        let open_len = text[start..].chars().next().map_or(1, char::len_utf8);
        let Some(close_rel) = text[start + open_len..].find(['"', '”']) else { break };
        let close = start + open_len + close_rel;
        let close_len = text[close..].chars().next().map_or(1, char::len_utf8);
        let end = close + close_len;
        if is_nickname(text, start, end) {
            blanks.push((start, end));
        }
        search = end;
    }
    if blanks.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut bytes = text.as_bytes().to_vec();
    for (start, end) in blanks {
        bytes[start..end].fill(b' ');
    }
    // Whole characters were blanked, so the bytes are still UTF-8.
    std::borrow::Cow::Owned(String::from_utf8(bytes).unwrap_or_else(|_| text.to_owned()))
}

/// The top-level `( … )` stretches of a text, in order (an unclosed one runs to the end).
fn paren_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut open = 0;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'(' => {
                if depth == 0 {
                    open = i;
                }
                depth += 1;
            }
            b')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.push((open, i + 1));
                }
            }
            _ => {}
        }
    }
    if depth > 0 {
        out.push((open, text.len()));
    }
    out
}

/// Everyone a block refers to, by offset: full names, handles, pronouns, the author, and first
/// names of people named before (earlier in the block, else earlier in the file). One pass.
fn references(text: &str, runs: &[(usize, String)], known: &Known) -> Vec<(usize, Reference)> {
    // Names inside parentheses are affiliations or credits, not who the sentence is about.
    let parens = paren_ranges(text);
    let in_parens = |o: usize| {
        let k = parens.partition_point(|&(start, _)| start <= o);
        k > 0 && o < parens[k - 1].1
    };
    let handle_of_name = |o: usize| {
        let k = parens.partition_point(|&(start, _)| start <= o);
        k > 0 && o < parens[k - 1].1 && {
            let before = text[..parens[k - 1].0].trim_end();
            runs.iter()
                .any(|(ro, n)| *ro < before.len() && n.split(' ').next_back().is_some_and(|w| before.ends_with(w)))
        }
    };
    let runs: Vec<&(usize, String)> = runs.iter().filter(|(o, _)| !in_parens(*o)).collect();
    let mut refs: Vec<(usize, Reference)> = runs.iter().map(|(o, n)| (*o, Reference::Person(n.clone()))).collect();
    let mut local = Known::default();
    let mut next_run = 0;
    let mut pos = 0;
    for word in text.split_inclusive(char::is_whitespace) {
        while next_run < runs.len() && runs[next_run].0 < pos {
            local.insert(runs[next_run].1.clone());
            next_run += 1;
        }
        let w = word.trim().trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '@');
        let bare = strip_possessive(w);
        match bare {
            "I" | "my" | "My" | "me" | "we" | "We" | "our" | "Our" => refs.push((pos, Reference::Author)),
            "he" | "He" | "she" | "She" | "his" | "His" | "her" | "Her" | "they" | "They" | "their" | "Their"
            | "him" => {
                refs.push((pos, Reference::Pronoun));
            }
            // `Marthe Lindqvist (@marthe_l)`: a handle in brackets after a name is that person's.
            _ if bare.starts_with('@') && bare.len() > 2 && !handle_of_name(pos) => {
                refs.push((pos, Reference::Person(bare.to_owned())));
            }
            _ => {
                let k = runs.partition_point(|(o, _)| *o <= pos);
                let covered = k > 0 && pos < runs[k - 1].0 + runs[k - 1].1.len();
                if !covered && bare.chars().next().is_some_and(char::is_uppercase) && !in_parens(pos) {
                    if let Some(full) = local.get(bare).or_else(|| known.get(bare)) {
                        refs.push((pos, Reference::Person(full.clone())));
                    } else if single_name_before_title(text, pos, word, bare) {
                        refs.push((pos, Reference::Person(bare.to_owned())));
                    }
                }
            }
        }
        pos += word.len();
    }
    refs.sort_by_key(|(o, _)| *o);
    refs
}

/// `Chioma's "YAML Is a Programming Language Now"`: a given name alone, possessive, right before
/// a quoted title, is the one person the notes call by that name.
fn single_name_before_title(text: &str, pos: usize, word: &str, bare: &str) -> bool {
    let w = word.trim_end();
    (w.ends_with("'s") || w.ends_with("’s")) && text[pos + word.len()..].starts_with(['"', '“']) && {
        let f = super::super::names::lexicon::facts(&bare.to_lowercase());
        f.given && !f.common && !f.never
    }
}

/// The person a reference at `idx` stands for: a name, or the name a pronoun refers back to.
fn resolve(refs: &[(usize, Reference)], idx: usize) -> Option<String> {
    match &refs[idx].1 {
        Reference::Person(n) => Some(n.clone()),
        Reference::Author => None,
        Reference::Pronoun => refs[..idx].iter().rev().find_map(|(_, r)| match r {
            Reference::Person(n) => Some(n.clone()),
            _ => None,
        }),
    }
}

/// Repeats of a talk told just before: `He gave the talk at PyCon US too.`
static ALSO_GAVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:also\s+gave|gave\s+(?:the|that|this|it|the\s+same)\s+(?:talk|keynote|tutorial)?|gave\s+it|presented\s+it|repeated\s+it|same\s+talk)\b").expect("valid regex")
});

/// A talk told with no title: `where I attended a talk he gave`, `Hamid Karimi gave a talk`.
static UNTITLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?:attended|saw|caught|watched|heard|enjoyed|missed)\s+(?:a|an|his|her|their|the\s+end\s+of\s+\w+'s)\s+(?:great\s+|short\s+|lightning\s+)?(?:talk|keynote|workshop|lightning\s+talk)|(?:gave|delivered|did)\s+(?:a|an)\s+(?:great\s+|short\s+|lightning\s+)?(?:talk|keynote|workshop|lightning\s+talk)|(?:a|an)\s+(?:talk|keynote)\s+(?:he|she|they)\s+gave|\w+(?:'s|’s)\s+(?:great\s+|short\s+|lightning\s+)?(?:talk|keynote|workshop|tutorial))\b").expect("valid regex")
});

/// `Mbali Dlamini talked about long-read assembly`: a talk whose topic, not title, is told.
static SPOKE_ABOUT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:talked|spoke|presented)\s+(?:about|on)\b").expect("valid regex"));

/// Words of a conversation away from the stage: who "talked about" something there gave no talk.
static HALLWAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:told\s+me|to\s+me|with\s+me|over\s+(?:coffee|lunch|dinner|drinks|a\s+beer|breakfast)|at\s+(?:dinner|the\s+bar|the\s+party|breakfast)|chatted|hallway|ran\s+into|bumped\s+into|met\s+up|we\s+talked|we\s+spoke)\b")
        .expect("valid regex")
});

/// `Panel with A, B and C`, `a panel with A, B and C`, `Panel: "Title" with A, B and C`.
static PANEL_WITH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bpanel(?:\s+discussion)?\b(?:[^.;]{0,120}?)\s(?:with|featuring)\s+").expect("valid regex")
});

/// `(@ytanaka)`: a handle in brackets after a name.
static HANDLE_ASIDE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s*\(@[\w.\-]{1,40}\)").expect("valid regex"));

/// What a sentence's talks share: the block, the home edition, the sentence's place.
struct Sentence<'s> {
    block: usize,
    b: &'s Block,
    text: &'s str,
    start: usize,
    home: &'s ConferenceName,
}

/// A quote mark that may open a title.
fn set_off(text: &str) -> bool {
    text.contains(['"', '“', '«', '„'])
}

/// Whether a block may tell of a talk at all: most tell of none, and need no sentence split.
fn may_tell(block: &Block, owned: bool) -> bool {
    let text = &block.text;
    // A session's notes tell of another talk only with its title set off (`He gave a talk
    // "Should Python adopt CalVer" at the Language Summit`).
    if owned && !set_off(text) && block.links.is_empty() && !block.marks.iter().any(|m| m.kind == MarkKind::Emphasis) {
        return false;
    }
    talk_kind(text).is_some()
        || set_off(text)
        || !block.marks.is_empty()
        || !block.links.is_empty()
        || text.contains(" by ")
        || text.contains(" By ")
        || REMARKS.is_match(text)
}

fn talks_in_block(
    bi: usize,
    block: &Block,
    runs: &[(usize, String)],
    known: &Known,
    home: &ConferenceName,
) -> Vec<Candidate> {
    let text = &block.text;
    let remarks_here = REMARKS.is_match(text);
    // Who the block refers to, worked out once and only when a sentence tells of a talk.
    let all_refs = std::cell::OnceCell::new();
    let mut out: Vec<Candidate> = Vec::new();
    for (s, e) in sentences(text) {
        let sentence = &text[s..e];
        let spans = if set_off(sentence) || !block.marks.is_empty() || !block.links.is_empty() {
            title_spans(sentence, s, block)
        } else {
            Vec::new()
        };
        let kind = talk_kind(sentence);
        // `In "Zero Allocations or Bust", Haruka Tanabe showed …` tells of a talk without the word.
        let in_title = spans.first().is_some_and(|sp| {
            let lead = sentence[..sp.start].trim().to_lowercase();
            ["in", "with", "during", "for"].iter().any(|w| lead == *w || lead.ends_with(&format!(" {w}")))
                && sentence[sp.end..].trim_start().starts_with(',')
        });
        let kind = kind.or(in_title.then_some(SessionKind::Talk));
        let tells = kind.is_some()
            || spans
                .iter()
                .any(|sp| sp.kind_hint.is_some() || is_title_case(&sp.title) || joined_to_someone(sentence, sp))
            || sentence.contains(" by ")
            || sentence.contains(" By ")
            || remarks_here && REMARKS.is_match(sentence);
        if tells {
            // Who "he" is comes from this sentence and the few before it: a bounded window.
            let all: &Vec<(usize, Reference)> = all_refs.get_or_init(|| references(text, runs, known));
            let window = s.saturating_sub(1500);
            let from = all.partition_point(|(o, _)| *o < window);
            let to = all.partition_point(|(o, _)| *o < e);
            let refs = &all[from..to];
            let here = Sentence { block: bi, b: block, text: sentence, start: s, home };
            let before = out.len();
            out.extend(panel_with(&here, &spans));
            if out.len() == before {
                out.extend(remarks(&here, refs));
            }
            if out.len() == before {
                out.extend(titled(&here, &spans, refs, kind));
            }
            if out.len() == before && spans.is_empty() {
                // (`… the panel — A, B and Aroha Ngata. Aroha talked about …`: one of its speakers
                // speaking in a session the paragraph already told of, not a talk of her own.)
                let told = |c: &Candidate| {
                    out.iter()
                        .any(|o| o.speakers.iter().any(|p| c.speakers.iter().any(|q| shares_a_name(&p.name, &q.name))))
                };
                out.extend(untitled(&here, refs, kind).filter(|c| !told(c)));
            }
            if out.len() == before
                && spans.is_empty()
                && ALSO_GAVE.is_match(sentence)
                && let Some(last) = out.last().cloned()
                && let Some(c) = conferences_in(sentence).first()
            {
                let mut again = last;
                again.conference = Some(ConferenceName { year: c.name.year.or(home.year), ..c.name.clone() });
                again.line = block.line_of(s);
                out.push(again);
            }
        }
    }
    out
}

/// `This is the same talk I gave at Hackfest Cymru 2023 and again at Embedded North 2024.` in
/// the notes under a session: that session again, at each edition the sentence names (a
/// sentence with a quoted title, or a paragraph that tells of a talk, is the prose reader's).
#[must_use]
pub fn repeats_in_bodies(blocks: &[Block], home: &ConferenceName, kept: &[Candidate]) -> Vec<Candidate> {
    let mut out = Vec::new();
    // (A talk told in prose has its repeats read with it, in its own paragraph.)
    let owners = kept.iter().filter(|c| c.shape != "prose" && c.conference.is_none());
    for owner in owners.filter(|c| !c.speakers.is_empty() && !c.title.is_empty()) {
        for &bi in &owner.body {
            // (A paragraph that tells of a talk of its own has its repeats read with that talk.)
            let told = kept.iter().any(|c| c.shape == "prose" && c.anchor == bi);
            let Some(block) = blocks.get(bi).filter(|b| b.kind != BlockKind::Code && !told) else { continue };
            for (s, e) in sentences(&block.text) {
                let sentence = &block.text[s..e];
                let Some(m) = SAME_TALK.find(sentence).filter(|_| !sentence.contains(['"', '“', '„'])) else {
                    continue;
                };
                // (`Not the same talk he gave at …`, `She will give the same talk at … 2026`.)
                let before = sentence[..m.start()].to_lowercase();
                let last_words: Vec<&str> = before.split_whitespace().rev().take(4).collect();
                if last_words
                    .iter()
                    .any(|w| matches!(*w, "not" | "never" | "no" | "will" | "won't" | "isn't" | "wasn't"))
                {
                    continue;
                }
                let past = |c: &&ProseConference| c.name.year.is_some_and(|y| home.year.is_none_or(|h| y <= h));
                for c in conferences_in(&sentence[m.end()..]).iter().filter(past) {
                    let series = short_for(&c.name.series, &home.series).unwrap_or_else(|| c.name.series.clone());
                    if series == home.series && c.name.year == home.year {
                        continue;
                    }
                    let mut again = owner.clone();
                    again.conference = Some(ConferenceName { series, ..c.name.clone() });
                    again.line = block.line_of(s + m.start());
                    again.body = Vec::new();
                    again.used = Vec::new();
                    out.push(again);
                }
            }
        }
    }
    out
}

/// `the same talk I gave at`, `gave it again at`, `had given this talk at`: a talk given before,
/// told as the same one.
static SAME_TALK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:same\s+(?:talk|keynote|workshop|tutorial)|gave\s+(?:it|this\s+talk|the\s+talk)\s+(?:again\s+|before\s+|first\s+)?(?:at|in)\b|(?:also|already)\s+gave\s+(?:it|this\s+talk|the\s+talk)|given\s+(?:it|this\s+talk|the\s+talk)\s+(?:before\s+)?(?:at|in)\b)")
        .expect("valid regex")
});

/// The names right after a title: `"T" by A and B`, `"T" (A)`.
fn names_after(rest: &str) -> Option<Vec<NameRef>> {
    let rest = &rest[..char_boundary_from(rest, 300)];
    let after_dash = rest.trim_start().starts_with(['—', '–']);
    let r = rest.trim_start().trim_start_matches([',', '—', '–', '-']).trim_start();
    // `"Reproducible Builds in Anger" — Pieter de Vries, who maintains …`
    if after_dash {
        let cut = r.find([',', '.', ';', '(']).unwrap_or(r.len());
        if let Some(names) = speaker_list(&r[..cut], Slot::Phrase) {
            return Some(names);
        }
    }
    let r = r.strip_prefix("by ").or_else(|| r.strip_prefix("from ")).or_else(|| r.strip_prefix("with "))?;
    let cut = r.find(['.', ';', '—', '–']).unwrap_or(r.len());
    let mut words: Vec<&str> = r[..cut].split_whitespace().collect();
    while !words.is_empty() {
        let candidate = words.join(" ");
        if let Some(names) = speaker_list(candidate.trim_end_matches(','), Slot::Phrase) {
            return Some(names);
        }
        words.pop();
    }
    None
}

/// [`names_after`], or names in brackets right after the title (`"Runbooks as Code" (Lindiwe
/// Zulu)`): who gave a talk the sentence already tells of (a book is credited the same way).
fn speakers_after(rest: &str) -> Option<Vec<NameRef>> {
    names_after(rest).or_else(|| {
        let r = rest.trim_start();
        let inner = r.strip_prefix('(').and_then(|b| b.split_once(')')).map(|(inner, _)| inner)?;
        speaker_list(inner, Slot::Phrase)
    })
}

/// The full names of a stretch in order, without those inside `skip` ranges.
fn names_in(refs: &[(usize, Reference)], from: usize, to: usize) -> Vec<(usize, String)> {
    refs.iter()
        .enumerate()
        .filter(|(_, (o, _))| *o >= from && *o < to)
        .filter_map(|(i, (o, _))| resolve(refs, i).map(|n| (*o, n)))
        .collect()
}

/// First words of a programme's pauses, which no title told in a sentence opens with.
const MEAL_WORDS: &[&str] = &["lunch", "coffee", "break", "breakfast", "dinner", "registration", "poster", "posters"];

fn titled(
    here: &Sentence<'_>,
    spans: &[TitleSpan],
    refs: &[(usize, Reference)],
    kind: Option<SessionKind>,
) -> Vec<Candidate> {
    let s = here.start;
    let talk_spans: Vec<&TitleSpan> = spans
        .iter()
        .filter(|sp| {
            // (`*Lunch + poster session*`, `poster *Terrain classification*`: no talk.)
            let poster = here.text[..sp.start].trim_end().to_lowercase().ends_with("poster");
            // (`cited S. R. Ranganathan's *Five Laws*`: a work cited, credited to its author.)
            let lead = here.text[..sp.start].trim_end();
            // (`Rose recommended *The Genome Whisperers* by Halvard Strøm`: credited after it.)
            let by_after = here.text[sp.end..].trim_start().starts_with("by ");
            let authored = lead.ends_with("'s") || lead.ends_with("’s") || by_after;
            let poster = poster || authored && cites_before(lead);
            let first = sp.title.split_whitespace().next().unwrap_or_default().to_lowercase();
            let meal = MEAL_WORDS.contains(&first.trim_matches(|c: char| !c.is_alphanumeric()));
            // (`"Break Your Monolith Gently" by Ana Lima` is a talk: a pause is credited to no one.)
            let credited = names_after(&here.text[sp.end..]).is_some() || credited_before(here, sp, refs);
            (!meal || credited) && !poster
        })
        .filter(|sp| {
            sp.kind_hint.or(kind).is_some()
                || names_after(&here.text[sp.end..]).is_some()
                || credited_before(here, sp, refs)
        })
        .collect();
    if talk_spans.is_empty() {
        return Vec::new();
    }
    // `A and B both had talks — "T1" and "T2"`: as many people before the first title as titles.
    let before_first = names_in(refs, s, s + talk_spans[0].start);
    let pair = talk_spans.len() >= 2 && before_first.len() == talk_spans.len();
    let mut out = Vec::new();
    for (k, span) in talk_spans.iter().enumerate() {
        let speakers: Vec<NameRef> = if let Some(names) = speakers_after(&here.text[span.end..]) {
            names
        } else if pair {
            vec![NameRef::named(before_first[k].1.clone())]
        } else if let Some(name) = nearest(refs, s + span.start, s, s + span.end, s + here.text.len()) {
            partners(here, refs, &name, span.start).into_iter().chain(std::iter::once(NameRef::named(name))).collect()
        } else {
            continue;
        };
        let kind = span.kind_hint.or(kind).unwrap_or(SessionKind::Talk);
        let kind = if kind == SessionKind::Talk { classify(&span.title, None, None) } else { kind };
        out.push(make(here, &span.title, speakers, kind, span.start, span.end));
        // `…, which she also gave at PyCon US.`
        let after = &here.text[span.end..];
        if let Some(m) = ALSO_GAVE.find(after)
            && let Some(c) = conferences_in(&after[m.end()..]).first()
        {
            let mut again = out.last().cloned().expect("pushed above");
            again.conference = Some(ConferenceName { year: c.name.year.or(here.home.year), ..c.name.clone() });
            out.push(again);
        }
    }
    out
}

/// `Leilani Kahale & Diego Fernández-Soto (@dfsoto) with "…"`: the people joined by `&` or `and`
/// to the person credited with a title, named just before them in the sentence.
fn partners(here: &Sentence<'_>, refs: &[(usize, Reference)], name: &str, title_start: usize) -> Vec<NameRef> {
    let s = here.start;
    let in_sentence: Vec<(usize, &str)> = refs
        .iter()
        .filter(|(o, _)| *o >= s && *o < s + title_start)
        .filter_map(|(o, r)| match r {
            Reference::Person(n) => Some((*o - s, n.as_str())),
            _ => None,
        })
        .collect();
    let Some(mut k) = in_sentence.iter().rposition(|(_, n)| *n == name) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    while k > 0 {
        let (prev_at, prev) = in_sentence[k - 1];
        let between = here.text.get(prev_at + prev.len()..in_sentence[k].0).unwrap_or_default().trim();
        if !matches!(between, "&" | "and" | "," | "+") {
            break;
        }
        out.insert(0, NameRef::named(prev.to_owned()));
        k -= 1;
    }
    out
}

/// How close before a title its person must be named to be credited with it.
const CREDIT_REACH: usize = 40;

/// `Yuki Sato walked us through "Wayfinding for Hospitals"`, `Beatriz Oliveira's "The Grid Is
/// Dead"`, `Amelia Okonkwo-Reyes on *Research Ops on a Shoestring*`: a title-case title of two
/// words or more with a person named just before it (speech was already told from titles).
fn credited_before(here: &Sentence<'_>, sp: &TitleSpan, refs: &[(usize, Reference)]) -> bool {
    let at = here.start + sp.start;
    let Some(&(named, _)) = refs.iter().rev().find(|(o, r)| {
        matches!(r, Reference::Person(_)) && *o >= here.start && *o < at && at - *o <= CREDIT_REACH + 30
    }) else {
        return false;
    };
    // `stepped down as "Benevolent Dictator"`, `a book called "…"`, `coined the term "…"`.
    let between = here.text[named - here.start..sp.start].to_lowercase();
    let other_work = between.split(|c: char| !c.is_alphanumeric()).any(|w| NOT_A_TALK.contains(&w));
    // `@pixelpusher_ng on "Charts for screen readers"`, `A & B (@dfsoto) with "…"`: a person
    // then `on` or `with` then the title is a talk, whatever the title's case.
    let joined = [" on", " with", " presenting", " presented", ":"].iter().any(|j| between.trim_end().ends_with(j))
        && between.len() <= 40;
    sp.title.split_whitespace().count() >= 2 && (is_title_case(&sp.title) || joined) && !other_work
}

/// `@pixelpusher_ng on "…"`, `Leilani Kahale & Diego Fernández-Soto (@dfsoto) with "…"`: a
/// title joined by `on` or `with` to what reads as someone (a capitalised word, a handle, an aside).
fn joined_to_someone(sentence: &str, sp: &TitleSpan) -> bool {
    let before = sentence[..sp.start].trim_end();
    let Some(rest) = [" on", " with"].iter().find_map(|j| before.strip_suffix(j)) else {
        return false;
    };
    let last = rest.split_whitespace().next_back().unwrap_or_default();
    last.starts_with('@') || last.ends_with(')') || last.starts_with(char::is_uppercase)
}

/// `cited S. R. Ranganathan's *Five Laws* and Hope A. Olson's *The Power to Name*`: a verb of
/// citing in the clause just before a title makes it a work, not a talk.
fn cites_before(before: &str) -> bool {
    // (The text is one sentence already; its periods are initials' and abbreviations'.)
    let clause = before.rsplit([';', '\n']).next().unwrap_or(before).to_lowercase();
    let words: Vec<&str> = clause.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    // The words after the nearest citing verb among the last fourteen; none, no citing.
    let Some(after) = words.iter().rev().take(14).position(|w| CITING.contains(w)) else { return false };
    // (`referenced Mehmet Kaya's talk from yesterday, "…"`: a talk cited is still a talk.)
    !words[words.len() - after..]
        .iter()
        .any(|w| matches!(*w, "talk" | "keynote" | "session" | "workshop" | "presentation"))
}

/// Verbs of citing and reading (`cited`, `quoting`, `recommended`).
const CITING: &[&str] = &[
    "cited",
    "cites",
    "citing",
    "quoted",
    "quotes",
    "quoting",
    "recommended",
    "recommends",
    "reread",
    "borrowed",
    "referenced",
    "references",
];

/// Words between a person and a quoted title that make it something other than their talk.
const NOT_A_TALK: &[&str] = &[
    "as",
    "called",
    "named",
    "term",
    "coined",
    "book",
    "books",
    "novel",
    "blog",
    "post",
    "article",
    "paper",
    "podcast",
    "film",
    "movie",
    "song",
    "album",
    "game",
    "project",
    "library",
    "tool",
    "company",
    "team",
    "slogan",
    "motto",
    "phrase",
    "word",
    "quote",
    "newsletter",
    "show",
    "series",
    "course",
    "thesis",
    "essay",
    "cited",
    "quoted",
    "recommended",
    "wrote",
    "read",
    "reading",
];

/// The person nearest before `pos` in the sentence (a pronoun resolved), else the first named
/// after the title (`In "T", Ana showed…`); the author is nobody.
fn nearest(
    refs: &[(usize, Reference)],
    pos: usize,
    sentence_start: usize,
    title_end: usize,
    sentence_end: usize,
) -> Option<String> {
    if let Some(idx) = refs.iter().rposition(|(o, _)| *o < pos) {
        let in_sentence = refs[idx].0 >= sentence_start;
        if let Some(name) = resolve(refs, idx) {
            if in_sentence
                || matches!(refs[idx].1, Reference::Pronoun)
                || refs[idx + 1..].iter().all(|(o, _)| *o >= pos) && !has_after(refs, title_end, sentence_end)
            {
                return Some(name);
            }
        } else if in_sentence && matches!(refs[idx].1, Reference::Author) {
            return None;
        }
    }
    refs.iter().enumerate().find(|(_, (o, _))| *o >= title_end && *o < sentence_end).and_then(|(i, _)| resolve(refs, i))
}

fn has_after(refs: &[(usize, Reference)], from: usize, to: usize) -> bool {
    refs.iter().any(|(o, r)| *o >= from && *o < to && matches!(r, Reference::Person(_)))
}

/// `a panel with A, B and C`: a panel of those people, titled when the sentence quotes a title.
fn panel_with(here: &Sentence<'_>, spans: &[TitleSpan]) -> Option<Candidate> {
    PANEL_WITH.find(here.text)?;
    // `The panel "Is platform engineering just ops with a logo?" was moderated by …, with A`:
    // the `with` that lists the panel is outside its title.
    let mut masked = here.text.to_owned();
    for sp in spans {
        if let Some(inner) = masked.get(sp.start..sp.end) {
            let blank: String = inner.chars().map(|c| if c.is_ascii() { 'x' } else { c }).collect();
            masked.replace_range(sp.start..sp.end, &blank);
        }
    }
    let m = PANEL_WITH.find(&masked)?;
    // `Panel "T" moderated by @sunita_rao, with A, B (@b) and @c`: handles after names go.
    let rest = HANDLE_ASIDE.replace_all(&here.text[m.end()..], "");
    let cut = rest.find([';', '—', '–', ':', '“', '"', '(']).unwrap_or(rest.len());
    // `…, moderated by Piotr Zieliński.`: the moderator is on the panel too, before or after.
    let middle = &here.text[m.start()..m.end()];
    let moderator = ["moderated by ", "chaired by ", "hosted by "]
        .iter()
        .find_map(|w| middle.find(w).map(|i| &middle[i + w.len()..]))
        .map(|after| after.split([',', ';']).next().unwrap_or_default().trim().trim_end_matches(" with").to_owned());
    let list = rest[..cut]
        .trim()
        .trim_end_matches(['.', ','])
        .replace(", moderated by ", ", ")
        .replace(" moderated by ", ", ");
    let list = match moderator {
        Some(who) if !who.is_empty() => format!("{who}, {list}"),
        _ => list,
    };
    let list = list.as_str();
    let mut words: Vec<&str> = list.split_whitespace().collect();
    let names = loop {
        if words.is_empty() {
            return None;
        }
        if let Some(n) = speaker_list(&words.join(" "), Slot::Phrase).filter(|n| n.len() >= 2) {
            break n;
        }
        words.pop();
    };
    let title = spans.first().map(|sp| sp.title.clone()).unwrap_or_default();
    Some(make(here, &title, names, SessionKind::Panel, m.start(), m.end()))
}

/// `opening remarks from Ingrid Solberg`, `The opening remarks were given by A and B`, `The
/// closing remarks were short: Sofia Marinaki thanked …`.
static REMARKS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b((?:opening|closing|welcome|welcoming|introductory|final)\s+(?:remarks|words|address|notes))(?:\s+(?:were|was)\s+(?:given|delivered|made|short|brief|quick)(?:\s+by)?|\s+(?:from|by|with))?[\s:,]+")
        .expect("valid regex")
});

/// How far before `opening remarks` the people who gave them may be named.
const REMARKS_REACH: usize = 60;

fn remarks(here: &Sentence<'_>, refs: &[(usize, Reference)]) -> Option<Candidate> {
    let caps = REMARKS.captures(here.text)?;
    let phrase = caps.get(1)?;
    let end = caps.get(0)?.end();
    let s = here.start;
    // Who: the people named in the clause after `from` (`from the organisers, Kasia Wróblewska
    // and Piotr Zieliński — …`).
    let clause_end =
        here.text[end..].find(['—', '–', ';', '.', '(']).map_or(here.text.len(), |i| end + i).min(end + 80);
    let speakers: Vec<NameRef> = refs
        .iter()
        .enumerate()
        .filter(|(_, (o, r))| *o >= s + end && *o < s + clause_end && matches!(r, Reference::Person(_)))
        .filter_map(|(i, _)| resolve(refs, i))
        .map(NameRef::named)
        .collect();
    // `The organisers, Dale and Priscilla Hoffmeyer, did the Opening Remarks`, `Priscilla
    // Hoffmeyer closed with the Closing Remarks`: who, named just before the words.
    let speakers = if speakers.is_empty() {
        let from = (s + phrase.start()).saturating_sub(REMARKS_REACH);
        refs.iter()
            .enumerate()
            .filter(|(_, (o, r))| *o >= s.max(from) && *o < s + phrase.start() && matches!(r, Reference::Person(_)))
            .filter_map(|(i, _)| resolve(refs, i))
            .map(NameRef::named)
            .collect()
    } else {
        speakers
    };
    if speakers.is_empty() {
        return None;
    }
    let mut title = phrase.as_str().to_lowercase();
    if let Some(first) = title.get(..1) {
        title = first.to_uppercase() + &title[1..];
    }
    Some(make(here, &title, speakers, SessionKind::Ceremony, phrase.start(), end))
}

/// A talk the sentence says was given, with no title: `where I attended a talk he gave`.
fn untitled(here: &Sentence<'_>, refs: &[(usize, Reference)], kind: Option<SessionKind>) -> Option<Candidate> {
    let Some(m) = UNTITLED.find(here.text) else {
        return spoke_about(here, refs, kind);
    };
    let s = here.start;
    // `a talk he gave`: the person in or just after the words; else the one named before them.
    let after = refs
        .iter()
        .enumerate()
        .find(|(_, (o, r))| *o >= s + m.start() && *o < s + m.end() + 12 && !matches!(r, Reference::Author));
    let speaker = match after {
        Some((i, _)) => resolve(refs, i),
        None => refs
            .iter()
            .enumerate()
            .rev()
            .find(|(_, (o, r))| *o < s + m.start() && *o >= s && !matches!(r, Reference::Author))
            .and_then(|(i, _)| resolve(refs, i)),
    }?;
    if judge(&speaker).likeness < Likeness::Plausible && !speaker.starts_with('@') {
        return None;
    }
    // A topic (`… workshop on Playwright component testing`) is not a stated title.
    let kind = kind.unwrap_or(SessionKind::Talk);
    Some(make(here, "", vec![NameRef::named(speaker)], kind, m.start(), m.end()))
}

/// `After lunch Mbali Dlamini talked about cassava genomes`: the person right before the verb
/// gave a talk whose title the notes do not state; not so in a conversation (`Kemi told me …`).
fn spoke_about(here: &Sentence<'_>, refs: &[(usize, Reference)], kind: Option<SessionKind>) -> Option<Candidate> {
    let m = SPOKE_ABOUT.find(here.text)?;
    if HALLWAY.is_match(here.text) {
        return None;
    }
    let s = here.start;
    let (i, (o, _)) = refs
        .iter()
        .enumerate()
        .rev()
        .find(|(_, (o, r))| *o < s + m.start() && *o >= s && !matches!(r, Reference::Author))?;
    // The subject: the name's own words, nothing between it and the verb.
    let gap = &here.text[o - s..m.start()];
    if gap.split_whitespace().count() > 5 || gap.contains([',', ';', ':']) {
        return None;
    }
    let speaker = resolve(refs, i)?;
    if judge(&speaker).likeness < Likeness::Plausible && !speaker.starts_with('@') {
        return None;
    }
    Some(make(here, "", vec![NameRef::named(speaker)], kind.unwrap_or(SessionKind::Talk), m.start(), m.end()))
}

/// `Footnote 2022` in notes of Footnote Data Camp, `KRS 2022` in notes of the Kelpie Robotics
/// Symposium: the file's own series written short (its first words, or its initials).
fn short_for(series: &str, home: &str) -> Option<String> {
    let (short, long): (Vec<String>, Vec<String>) = (
        series.split_whitespace().map(str::to_lowercase).collect(),
        home.split_whitespace().map(str::to_lowercase).collect(),
    );
    let prefix = short.len() < long.len() && long.starts_with(&short);
    let initials: String = long.iter().filter_map(|w| w.chars().next()).collect();
    let acronym = short.len() == 1 && long.len() >= 2 && short[0] == initials;
    (prefix || acronym).then(|| home.to_owned())
}

/// A candidate told in a sentence, at the edition the sentence names (or the file's).
fn make(
    here: &Sentence<'_>,
    title: &str,
    speakers: Vec<NameRef>,
    kind: SessionKind,
    start: usize,
    end: usize,
) -> Candidate {
    let confs = conferences_in(here.text);
    let primary = confs
        .iter()
        .rev()
        .find(|c| c.start < start)
        .or_else(|| confs.iter().find(|c| c.start >= end && !ALSO_GAVE.is_match(&here.text[end..c.start])));
    let url_year = here
        .b
        .links
        .iter()
        .find(|l| !l.text.is_empty() && here.text[start..end].contains(&l.text))
        .and_then(|l| year_in_url(&l.url));
    // `at PyCon JP last year`, `last year's edition`: the year before the file's.
    let lower = here.text.to_lowercase();
    let relative_year = if lower.contains("last year") || lower.contains("previous year") {
        here.home.year.map(|y| y - 1)
    } else if lower.contains("next year") {
        here.home.year.map(|y| y + 1)
    } else {
        None
    };
    let conference = primary.map(|c| ConferenceName {
        year: c.name.year.or(url_year).or(relative_year).or(here.home.year),
        series: short_for(&c.name.series, &here.home.series).unwrap_or_else(|| c.name.series.clone()),
        ..c.name.clone()
    });
    let conference = conference.or_else(|| {
        relative_year.filter(|_| lower.contains("edition")).map(|y| ConferenceName {
            year: Some(y),
            location: None,
            ..here.home.clone()
        })
    });
    let conference = conference.or_else(|| {
        url_year.filter(|y| Some(*y) != here.home.year).map(|y| ConferenceName {
            year: Some(y),
            location: None,
            ..here.home.clone()
        })
    });
    let line = here.b.line_of(here.start + start);
    let mut c = Candidate::new("prose", "talk told in a sentence", here.block, line, title.to_owned());
    c.offset = here.start + start;
    c.speakers = speakers;
    c.kind = Some(kind);
    c.conference = conference.filter(|c| c.series != here.home.series || c.year != here.home.year);
    c.evidence = Evidence::Read;
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_is_not_a_title() {
        assert!(is_speech("most of your users are reading, not app-ing", "great start. "));
        assert!(is_speech("If you are here for the first time, you are exactly who this conference is for.", ""));
        assert!(!is_speech("Channels All the Way Down", "talk on "));
        assert!(!is_speech("Is Kubernetes Overkill?", "talk "));
        // German capitalises its nouns: a sentence with a comma and a full stop is still speech.
        assert!(is_speech("Eine Schrift ist Arbeit, kein Naturzustand.", "Ömer: "));
        assert!(!is_speech("Move Fast, Break Nothing.", "Ana Lima gave "));
    }

    #[test]
    fn the_files_series_written_short_is_the_same_series() {
        assert_eq!(short_for("Footnote", "Footnote Data Camp").as_deref(), Some("Footnote Data Camp"));
        assert_eq!(short_for("KRS", "Kelpie Robotics Symposium").as_deref(), Some("Kelpie Robotics Symposium"));
        assert_eq!(short_for("PyCon US", "PyCascades"), None);
        assert_eq!(short_for("Footnote Data Camp", "Footnote Data Camp"), None);
        assert_eq!(short_for("Data", "Footnote Data Camp"), None);
    }

    #[test]
    fn nicknames_are_blanked() {
        assert_eq!(without_nicknames("Ana \"ace\" Ortiz's talk"), "Ana       Ortiz's talk");
    }
}

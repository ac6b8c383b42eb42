//! Talks told in running text: `X's talk on "Y"`, `In "Title", Name showed…`, `Name (Company)
//! gave a keynote titled "…"`, `The afternoon keynote came from Name: "Title"`, `A and B both had
//! talks — "T1" and "T2"`, titles in italics or curly quotes, `Panel with A, B and C`, a talk
//! told without a title (`where I attended a talk he gave`), and talks given at other
//! conferences (`… gave his talk "…" at PyTexas. He gave the talk at PyCon US too.`).
//!
//! A sentence tells of a talk only when it says so (a talk word, or a title set off after `by`);
//! a quoted sentence someone said is not a title; who gave it is the person the sentence names
//! next to the title, or the one "he" or "she" refers to.

mod credits;
mod people;
mod pointers;
mod repeats;
mod titles;
mod untitled;

use people::{
    Known, Reference, moderator_after, name_runs, names_after, names_in, nearest, partners, references, resolve,
    speakers_after,
};
pub use pointers::pointers_in_bodies;
pub use repeats::repeats_in_bodies;
use repeats::short_for;
use titles::{TitleSpan, is_nickname, title_spans};
use untitled::{ALSO_GAVE, REMARKS, panel_with, remarks, untitled};

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

/// How prose names a panel's moderator (`…, moderated by Eleni Markou`).
const MODERATED_BY: [&str; 3] = ["moderated by ", "chaired by ", "hosted by "];

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
            // (`## Papers to read` / `- Fuentes-Rojo 2017, "FITS at 25" (she cited it in the keynote)`.)
            let text_block = matches!(block.kind, BlockKind::Paragraph | BlockKind::Item { .. })
                && !block.in_quote
                && Some(bi) != notes.header_block
                && !(matches!(block.kind, BlockKind::Item { .. }) && notes.under_posters_or_reading(bi));
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
            for c in talks_in_block(bi, block, &mut known, &notes.conference) {
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
    text.contains(['"', '“', '«', '„', '‘'])
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

/// The talks a block tells of; the block's names are then known to the blocks after it.
fn talks_in_block<'a>(bi: usize, block: &'a Block, known: &mut Known<'a>, home: &ConferenceName) -> Vec<Candidate> {
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
            let (_, all) = all_refs.get_or_init(|| {
                let runs = name_runs(text);
                let refs = references(text, &runs, &mut *known);
                (runs, refs)
            });
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
                out.extend(credits::credited_titles(&here, kind));
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
    match all_refs.into_inner() {
        Some((runs, _)) => known.learn_runs(runs),
        None => known.learn(text),
    }
    out
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
        let moderator = moderator_after(&here.text[span.end..]);
        let speakers: Vec<NameRef> = if let Some(moderator) = moderator {
            // `a panel with A, B and C, "Title", moderated by D`: the panel's people, then D (only
            // those after `with`: `I chatted with Priya before "T", moderated by D` names D alone).
            // (and the list standing right before the title: not `with A and B before "T"`).
            let with = here.text[..span.start].rfind(" with ").map(|w| s + w + " with ".len());
            let listed = with.map(|from| names_in(refs, from, s + span.start)).unwrap_or_default();
            let adjoins = listed.last().is_some_and(|(at, n)| {
                let gap = here.text.get(at - s + n.len()..span.start).unwrap_or_default();
                gap.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | '—' | '–' | '"' | '“'))
                    .is_empty()
            });
            let before = listed.into_iter().filter(|_| adjoins).map(|(_, n)| NameRef::named(n));
            before.chain(std::iter::once(moderator)).collect()
        } else if let Some(names) = speakers_after(&here.text[span.end..]) {
            names
        } else if pair {
            vec![NameRef::named(before_first[k].1.clone())]
        } else if let Some(name) = nearest(refs, s + span.start, s, s + span.end, s + here.text.len()) {
            let (before, after) = partners(here, refs, &name, span.start);
            before.into_iter().chain(std::iter::once(NameRef::named(name))).chain(after).collect()
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
mod tests;

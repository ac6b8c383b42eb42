//! Titles set off in a sentence: quoted, or in italics or bold; what is speech, a nickname or a
//! lead-in rather than a title.

use super::{Block, LazyLock, MarkKind, Regex, SessionKind, char_boundary_from, collapse_ws, strip_possessive};

/// A title set off in a sentence.
#[derive(Debug, Clone)]
pub(super) struct TitleSpan {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) title: String,
    pub(super) kind_hint: Option<SessionKind>,
}

/// How far a closing quote may stand from its opening one.
pub(super) const MAX_TITLE_BYTES: usize = 400;

/// Quote pairs a title may be set off with.
/// (`‘SSA Is a Functional Program, Still’`: single curly quotes too, their closing one not an
/// apostrophe inside a word.)
pub(super) const QUOTES: &[(char, char)] =
    &[('"', '"'), ('“', '”'), ('«', '»'), ('„', '“'), ('„', '"'), ('„', '”'), ('‘', '’')];

/// Verbs before a quote that make it something said, not a title.
pub(super) static SAID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:said|says|saying|quipped|joked|told|tells|asked|asks|reminded|put it|added|noted|exclaimed|quote|quoted|line|slide|motto|mantra|tagline|advice|summed it up|words)\b[^.]{0,20}$")
        .expect("valid regex")
});

/// A quoted stretch that reads as a sentence someone said (`"if you write any everywhere…"`).
pub(super) fn is_speech(inner: &str, before: &str) -> bool {
    let words: Vec<&str> = inner.split_whitespace().collect();
    let trimmed = inner.trim_end();
    // `"systemd Is Your Orchestrator Now"`: a product's lower-case name may open a title.
    let rest_title_case =
        inner.trim_start().split_once(' ').is_some_and(|(_, rest)| crate::ingest::shapes::is_title_case(rest));
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
pub(super) fn lead_in(sentence: &str, start: usize) -> &str {
    &sentence[char_boundary_from(sentence, start.saturating_sub(80))..start]
}

/// A quoted word or two between two parts of a name: a nickname (`Ana "ace" Ortiz`).
pub(super) fn is_nickname(text: &str, start: usize, end: usize) -> bool {
    let inner_words = text[start..end].split_whitespace().count();
    let before = text[..start].trim_end().rsplit(char::is_whitespace).next().unwrap_or_default();
    let after = text[end..].trim_start().split(char::is_whitespace).next().unwrap_or_default();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    inner_words <= 2 && capital(before) && capital(strip_possessive(after.trim_end_matches([',', '.', ';', ':'])))
}

pub(super) fn title_spans(sentence: &str, offset: usize, block: &Block) -> Vec<TitleSpan> {
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
        let closes_at = |c: char| {
            window
                .match_indices(c)
                .map(|(at, _)| at)
                .find(|&at| c != '’' || !window[at + c.len_utf8()..].starts_with(char::is_alphanumeric))
        };
        // (`‘` after a letter is no opening quote: `Nam‘s`.)
        let glued = open == '‘' && sentence[..start].ends_with(char::is_alphanumeric);
        let mut closing =
            QUOTES.iter().filter(|(o, _)| *o == open && !glued).filter_map(|(_, c)| closes_at(*c).map(|at| (at, *c)));
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

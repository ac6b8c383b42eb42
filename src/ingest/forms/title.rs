//! Cleaning a title read from a head: quotes, a listicle's number, a room tag, an aside, a
//! connecting word; and what is no title (a date, a bio, a room line).

use crate::text::collapse_ws;

/// A title candidate: trimmed of separators and quotes; `None` when nothing is left or when it
/// is itself a person's name (a title is what is not a name).
pub(super) fn title_of(text: &str) -> Option<String> {
    let t = text
        .trim()
        .trim_matches(|c: char| {
            matches!(c, ',' | ';' | ':' | '—' | '–' | '-' | '|' | '/' | '~' | '·' | '•' | '*' | '_')
        })
        .trim();
    // `### 2. Compiling for Neutral Atoms`: a listicle's number is not part of the title.
    let t = numbered(t);
    // `16:30 Closing ceremony & CTF awards (…)` in a paragraph: the time is not part of it.
    let t = crate::ingest::clock::leading_time(t).map_or(t, |(_, rest)| if rest.trim().is_empty() { t } else { rest });
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
    // `Rust on a Trawler ✔ — Nurlan Abenov`: a went-mark before the speaker is no part of it.
    let t = t.trim_end_matches(|c: char| super::ATTENDANCE_MARKS.contains(&c) || c.is_whitespace());
    let t = collapse_ws(t);
    if t.is_empty() || !t.chars().any(char::is_alphanumeric) {
        return None;
    }
    Some(t)
}

/// Words that name what a person does, in a bio (`editor at …`, `freelance data reporter`).
pub(super) const ROLE_NOUNS: &[&str] = &[
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
pub(super) fn is_bio(text: &str) -> bool {
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
pub(super) fn without_room_tag(t: &str) -> &str {
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
/// (`… (and what to do about it)`, `… (aka no GIL)`, `Async Rust (part 2)`, `(our first year)`
/// keep theirs); so is a remark ([`REMARK_OPENERS`]).
pub(super) fn without_aside(t: &str) -> &str {
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
    // (`AMA with Kwesi Appiah (runs Commons Leeds)`, `rowhammer on ddr5 (sry missed 1st half)`:
    // the note-taker's remark, opened by a word no title's aside opens with.)
    // (`Scaling Down (who needs Kubernetes?)`: a question is the title's own.)
    let remark = REMARK_OPENERS.contains(&first) && aside.split_whitespace().count() >= 2 && !aside.ends_with('?');
    if (duration || remark) && enough && !aside.contains(['(', ')']) { before } else { t }
}

/// Words that open a note-taker's remark in brackets after a title (lower case only).
const REMARK_OPENERS: &[&str] =
    &["sry", "sorry", "missed", "runs", "left", "skipped", "didnt", "didn't", "arrived", "packed", "meh", "tbh", "lol"];

/// `2. Title`, `3) Title`, `#4 Title` → `Title`.
pub(super) fn numbered(t: &str) -> &str {
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
pub(super) const CONNECTORS: &[&str] =
    &["then ", "and ", "also ", "next ", "plus ", "finally ", "later ", "after that "];

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
pub(super) const QUOTES: &[(char, char)] = &[
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

/// A quoted title set off in a sentence (`The afternoon panel, "Do You Really Need a Cloud?",
/// was`, `Panel time — "T"`): the quotes stand after a comma, colon or dash, and only lower-case
/// words follow them. `Why "Simple" Isn't` is a title with quotes inside.
pub(super) fn set_off_title(text: &str) -> Option<&str> {
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
pub(super) fn around(text: &str, start: usize, end: usize) -> String {
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

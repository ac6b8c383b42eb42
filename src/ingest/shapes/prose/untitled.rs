//! Sentences that tell of a session without a title (`X also gave a talk`, `a panel with A, B and
//! C`, `X spoke about …`, opening remarks).

use super::{
    Candidate, HANDLE_ASIDE, LazyLock, Likeness, NameRef, Reference, Regex, Sentence, SessionKind, Slot, TitleSpan,
    judge, make, resolve, speaker_list,
};
use crate::ingest::names::judge::{is_initial, is_particle};
use crate::ingest::names::prose::strip_possessive;
use crate::ingest::names::{is_name_token, lexicon};

/// Repeats of a talk told just before: `He gave the talk at PyCon US too.`
pub(super) static ALSO_GAVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:also\s+gave|gave\s+(?:the|that|this|it|the\s+same)\s+(?:talk|keynote|tutorial)?|gave\s+it|presented\s+it|repeated\s+it|same\s+talk)\b").expect("valid regex")
});

/// A talk told with no title: `where I attended a talk he gave`, `Hamid Karimi gave a talk`.
pub(super) static UNTITLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?:attended|saw|caught|watched|heard|enjoyed|missed)\s+(?:a|an|his|her|their|the\s+end\s+of\s+\w+'s)\s+(?:great\s+|short\s+|lightning\s+)?(?:talk|keynote|workshop|lightning\s+talk)|(?:gave|delivered|did)\s+(?:a|an)\s+(?:great\s+|short\s+|lightning\s+)?(?:talk|keynote|workshop|lightning\s+talk)|(?:a|an)\s+(?:talk|keynote)\s+(?:he|she|they)\s+gave|\w+(?:'s|’s)\s+(?:great\s+|short\s+|lightning\s+)?(?:talk|keynote|workshop|tutorial|session|presentation))\b").expect("valid regex")
});

/// `Mbali Dlamini talked about long-read assembly`: a talk whose topic, not title, is told.
pub(super) static SPOKE_ABOUT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:talked|spoke|presented)\s+(?:about|on)\b").expect("valid regex"));

/// Words of a conversation away from the stage: who "talked about" something there gave no talk.
pub(super) static HALLWAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:told\s+me|to\s+me|with\s+me|over\s+(?:coffee|lunch|dinner|drinks|a\s+beer|breakfast)|at\s+(?:dinner|the\s+bar|the\s+party|breakfast)|chatted|hallway|ran\s+into|bumped\s+into|met\s+up|we\s+talked|we\s+spoke)\b")
        .expect("valid regex")
});

/// `Panel with A, B and C`, `a panel with A, B and C`, `Panel: "Title" with A, B and C`.
pub(super) static PANEL_WITH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bpanel(?:\s+discussion)?\b(?:[^.;]{0,120}?)\s(?:with|featuring)\s+").expect("valid regex")
});

/// `a panel with A, B and C`: a panel of those people, titled when the sentence quotes a title.
pub(super) fn panel_with(here: &Sentence<'_>, spans: &[TitleSpan]) -> Option<Candidate> {
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
    let moderator = super::MODERATED_BY
        .iter()
        .find_map(|w| middle.find(w).map(|i| &middle[i + w.len()..]))
        .map(|after| after.split([',', ';']).next().unwrap_or_default().trim().trim_end_matches(" with").to_owned())
        // (`a panel with A, B and C, "Title", moderated by D`: or after the list and the title.)
        .or_else(|| {
            let after =
                super::MODERATED_BY.iter().find_map(|w| masked[m.end()..].find(w).map(|i| m.end() + i + w.len()))?;
            Some(here.text[after..].split([',', ';', '.', '(']).next().unwrap_or_default().trim().to_owned())
        });
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
pub(super) static REMARKS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b((?:opening|closing|welcome|welcoming|introductory|final)\s+(?:remarks|words|address|notes))(?:\s+(?:were|was)\s+(?:given|delivered|made|short|brief|quick)(?:\s+by)?|\s+(?:from|by|with))?[\s:,]+")
        .expect("valid regex")
});

/// How far before `opening remarks` the people who gave them may be named.
pub(super) const REMARKS_REACH: usize = 60;

pub(super) fn remarks(here: &Sentence<'_>, refs: &[(usize, Reference)]) -> Option<Candidate> {
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
pub(super) fn untitled(
    here: &Sentence<'_>,
    refs: &[(usize, Reference)],
    kind: Option<SessionKind>,
) -> Option<Candidate> {
    let Some(m) = UNTITLED.find(here.text) else {
        return spoke_about(here, refs, kind);
    };
    let s = here.start;
    // `Oyunchimeg Dashdorj's talk`: the talk is the possessor's, whoever was named before.
    match possessor(here, refs, m.start(), m.as_str()) {
        Owner::NotPossessive => {}
        Owner::Nobody => return None,
        Owner::Person(speaker) => {
            let kind = kind.unwrap_or(SessionKind::Talk);
            return Some(make(here, "", vec![NameRef::named(speaker)], kind, m.start(), m.end()));
        }
    }
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
pub(super) fn spoke_about(
    here: &Sentence<'_>,
    refs: &[(usize, Reference)],
    kind: Option<SessionKind>,
) -> Option<Candidate> {
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

/// Who owns the talk in `Name's talk`.
enum Owner {
    /// The words are not possessive (`missed his talk`).
    NotPossessive,
    /// The possessor is no person (`the team's session`).
    Nobody,
    /// The person whose talk it is.
    Person(String),
}

/// Who owns the talk in `Name's talk`. A person named there is taken as the references read
/// them (`Ana's talk` → the Ana named before); else the run of name-shaped words ending at the
/// `'s` is read as a name of two or more words even when no word of it is a known given name,
/// since the possessive in front of `talk` says it is one.
fn possessor(here: &Sentence<'_>, refs: &[(usize, Reference)], start: usize, matched: &str) -> Owner {
    // `Kim Ji-hoon's talk`: the match starts inside the word, after its hyphen.
    let start = here.text[..start].rfind(char::is_whitespace).map_or(0, |i| i + 1);
    let Some(word) = here.text[start..].split_whitespace().next() else { return Owner::NotPossessive };
    let bare = strip_possessive(word);
    if bare.len() == word.len() || !matched.split_whitespace().next().is_some_and(|w| word.ends_with(w)) {
        return Owner::NotPossessive;
    }
    let mut words: Vec<&str> = here.text[..start]
        .split_whitespace()
        .rev()
        .take(4)
        .take_while(|w| is_name_token(w) || is_particle(w))
        .collect();
    words.reverse();
    let from = here.start + start - words.iter().map(|w| w.len() + 1).sum::<usize>();
    while words.first().is_some_and(|w| is_particle(w) || lexicon::facts(&w.to_lowercase()).common) {
        words.remove(0);
    }
    let named = refs
        .iter()
        .enumerate()
        .rev()
        .find(|(_, (o, r))| *o >= from && *o <= here.start + start && matches!(r, Reference::Person(_)))
        .and_then(|(i, (o, _))| resolve(refs, i).map(|name| (*o, name)))
        // (The name that ends at the possessive, or the given name it is: `Priya Raman's
        // colleague's talk` is the colleague's, whom the notes do not name.)
        .filter(|(o, name)| *o == here.start + start || name.ends_with(bare))
        .map(|(_, name)| name);
    if let Some(name) = named {
        return Owner::Person(name);
    }
    if !is_name_token(bare) {
        return Owner::Nobody;
    }
    words.push(bare);
    let judged = judge(&words.join(" "));
    let person = words.len() >= 2 && judged.likeness >= Likeness::Weak && !words.iter().all(|w| is_initial(w));
    if person { Owner::Person(judged.name) } else { Owner::Nobody }
}

//! Speaker lists: `A, B and C`, `A & B`, `Lady Red / Christopher Beacham`, `Name (Company)`,
//! `Name, Company`, `Ana "ace" Ortiz (she/her)`, `A<br>B`.
//!
//! Owns splitting a list of people into names with their asides (affiliations, former
//! affiliations, handles, nicknames) and judging each part. How sure a part must be is the
//! caller's [`Slot`]: a line the shape says holds speakers takes any name-shaped part; a stretch of
//! text that only might hold them takes only likely names.

use std::borrow::Cow;

use crate::model::NameRef;

use super::handles::parse_handle;
use super::judge::{Likeness, judge};
use crate::text::collapse_ws;

mod asides;
use asides::{is_placeholder, strip_role};
pub use asides::{is_role_group, parse_affiliations, take_asides};

/// How sure the reader already is that a text holds speakers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// The shape says so (`Speaker:` label, a table's speaker column, the name slot of a
    /// pattern that repeats through the file): any name-shaped part is a speaker, and parts that
    /// are plainly not people (`TBA`, `the organisers`) are dropped.
    Stated,
    /// The sentence says so (`a panel with A, B and C`, `"Title" by A`): names of several words
    /// need only look like names; a single word must be a known given name.
    Phrase,
    /// Nothing says so: every part must read as a likely name.
    Guessed,
}

/// Splits `A, B and C`, `A & B`, `A; B`, `A + B`, lines of a cell; `and`/`&` never occur inside a name.
#[must_use]
pub fn split_name_list(text: &str) -> Vec<String> {
    name_parts(text).map(str::to_owned).collect()
}

/// The parts of a list, borrowed from it (see [`split_name_list`]).
fn name_parts(text: &str) -> impl Iterator<Item = &str> {
    text.split([',', ';', '&', '\n', '+', '、', '·']).flat_map(|chunk| {
        let mut rest = chunk.trim();
        for lead in ["and ", "und ", "et ", "y ", "e "] {
            rest = rest.strip_prefix(lead).unwrap_or(rest);
        }
        rest.split(" and ")
            .flat_map(|p| p.split(" w/ "))
            .flat_map(|p| p.split(" with "))
            .flat_map(|p| p.split(" und "))
            .flat_map(|p| p.split(" et "))
            .flat_map(|p| p.split(" y "))
            .flat_map(split_between_full_names)
            .flat_map(split_slashed_people)
            .map(str::trim)
            .filter(|p| !p.is_empty())
    })
}

/// `João Pedro Albuquerque e Mariana Yamamoto`, `Anna de Vries en Pieter Bos`: the Portuguese,
/// Italian, Dutch, Nordic, Catalan and Polish "and" parts two names only when each side has two
/// words or more (so a surname joined by `e` or `i`, `Fernandes e Silva`, `Ferrer i Puig`, stays
/// whole).
fn split_between_full_names(part: &str) -> Vec<&str> {
    if let Some(two) = split_at_catalan_i(part) {
        return two;
    }
    for joiner in [" e ", " en ", " og ", " och "] {
        if let Some((a, b)) = part.split_once(joiner)
            && a.split_whitespace().count() >= 2
            && b.split_whitespace().count() >= 2
            && b.starts_with(char::is_uppercase)
        {
            return vec![a, b];
        }
    }
    vec![part]
}

/// `Jan Kowalski i Anna Nowak`, `Gabriel Ferrer i Puig i Marta Soler i Vidal`, `Pau Roca i
/// Laia`, `Maria i Joan`: the Polish or Catalan "and" between two people: where a given name opens
/// what follows it, and a full name (or a given name) stands before; `Ferrer i Puig` is one name.
fn split_at_catalan_i(part: &str) -> Option<Vec<&str>> {
    let given = |w: &str| super::lexicon::facts(&w.to_lowercase()).given;
    // (A single word after a full name parts two people only when it is no family name too:
    // `Pau Roca i Laia`, not `Jordi Puig i Serra`.)
    let given_only = |w: &str| {
        let f = super::lexicon::facts(&w.to_lowercase());
        f.given && !f.surname
    };
    part.match_indices(" i ").find_map(|(at, _)| {
        let (a, b) = (part[..at].trim(), part[at + 3..].trim());
        let a_words = a.split_whitespace().count();
        let first_b = b.split_whitespace().next()?;
        let b_words = b.split_whitespace().count();
        let people = b.starts_with(char::is_uppercase)
            && given(first_b)
            && (a_words >= 2 && (b_words >= 2 || given_only(first_b)) || a_words == 1 && given(a) && b_words == 1);
        people.then(|| vec![a, b])
    })
}

/// `Siddharth Menon / Annelies Verbruggen`: full names of Latin letters on both sides of a
/// slash, each a likely name with no ordinary word in it and sharing no word, are two people; otherwise the slash gives one
/// person's other names (`Mason Egger / Mason Eggers`, `Lady Red / Christopher Beacham`,
/// `高橋 誠 / Makoto Takahashi`, `Jess Garson / @JessicaGarson`) or where they work (`Hanne Lie /
/// KubeFjord org team`).
fn split_slashed_people(part: &str) -> Vec<&str> {
    if !part.contains(" / ") {
        return vec![part];
    }
    let pieces: Vec<&str> = part.split(" / ").map(str::trim).collect();
    let full_name = |p: &&str| {
        let words: Vec<&str> = p.split_whitespace().collect();
        words.len() >= 2
            && words.iter().all(|w| w.starts_with(char::is_uppercase) || super::judge::is_particle(w))
            && p.chars().all(|c| c.is_alphabetic() && (c as u32) < 0x250 || " .'’-".contains(c))
            && judge(p).likeness >= Likeness::Plausible
            && words.iter().all(|w| {
                let f = super::lexicon::facts(w);
                !f.common || f.given || super::judge::is_particle(w)
            })
            && !STAGE_TITLES.contains(&words[0].to_lowercase().trim_end_matches('.'))
    };
    let words = |p: &str| p.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>();
    let shared = pieces.iter().enumerate().any(|(i, a)| {
        pieces[i + 1..].iter().any(|b| words(a).iter().any(|w| !super::judge::is_particle(w) && words(b).contains(w)))
    });
    if pieces.iter().all(full_name) && !shared { pieces } else { vec![part] }
}

/// Words that open a stage name (`Lady Red`, `Captain Pixel`, `DJ Snake`), never a second person.
const STAGE_TITLES: &[&str] = &[
    "lady", "lord", "captain", "capt", "dj", "mc", "king", "queen", "miss", "mister", "uncle", "auntie", "baron",
    "count",
];

/// One person from the alternatives of `Lady Red / Christopher Beacham`: the primary name is the
/// most name-like, the fullest, the later on a tie (`Alias / Real Name`); the others are aliases.
fn with_aliases(alternatives: Vec<(String, i32)>) -> NameRef {
    let primary = alternatives
        .iter()
        .enumerate()
        .max_by_key(|(i, (n, score))| (*score >= 2, n.split(' ').count(), *i))
        .map_or(0, |(i, _)| i);
    let mut name = NameRef::named(alternatives.get(primary).map(|a| a.0.clone()).unwrap_or_default());
    name.aliases = alternatives.into_iter().enumerate().filter(|(i, _)| *i != primary).map(|(_, (n, _))| n).collect();
    name
}

/// Names typed without capitals (`ana paula ferreira`, `li jun & joost de vries`, on a phone):
/// read as names only when, capitalised, every part is surely one (a known given name and a
/// family name, or an initial: `sigrun h.`); a lone word only where the shape says a name
/// stands. They come back capitalised, particles kept low (`Joost de Vries`), so that they meet
/// the same person written with capitals.
fn lower_case_names(text: &str, slot: Slot) -> Option<Vec<NameRef>> {
    if text.chars().any(char::is_uppercase) || !text.chars().any(char::is_alphabetic) || text.starts_with('@') {
        return None;
    }
    let capitalised: String = text
        .split(' ')
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) if !super::judge::is_particle(w) && !matches!(w, "and" | "und" | "y" | "et" | "e") => {
                    first.to_uppercase().chain(chars).collect()
                }
                _ => w.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ");
    // (All particles, or letters without case: nothing to capitalise, and no second look.)
    if !capitalised.chars().any(char::is_uppercase) {
        return None;
    }
    // (Read as a stated list, each name then judged below by the slot it stands in.)
    let names = read_list(&capitalised, Slot::Stated)?;
    // (Every word of it in a name: `anneke van der meer, otel collector` is no list of people.)
    let (bare, _) = take_asides(&capitalised);
    let is_word = |w: &&str| w.chars().any(char::is_alphabetic) && !matches!(*w, "and" | "und" | "y" | "et" | "e");
    let words = bare.split([' ', ',', '&', '+', '/', ';']).filter(is_word).count();
    if names.iter().map(|n| n.name.split(' ').count()).sum::<usize>() < words {
        return None;
    }
    let sure = |n: &NameRef| {
        let j = judge(&n.name);
        // (`sigrun h.`, `tobi a.`: a known given name and an initial.)
        let words: Vec<&str> = n.name.split(' ').collect();
        let given_initial = words.len() == 2
            && words[0].chars().count() >= 3
            && super::lexicon::facts(words[0]).given
            && super::judge::is_initial(words[1]);
        // (Where the file's pattern puts a name, `sione tuipulotu` is one: a known given name
        // first; `kaffet tunt`, `laboratorio pratico` are not.)
        j.likeness == Likeness::Strong
            || slot == Slot::Stated && uncommon_full_name(&n.name) && super::lexicon::facts(words[0]).given
            || slot == Slot::Stated && j.words == 1 && j.likeness >= Likeness::Plausible
            || given_initial && j.likeness >= Likeness::Plausible
    };
    // (`rangi parata, dimitris alexiou, anneke van der meer`: one surely a name vouches for the
    // others of its list, each two words or three and none an ordinary word.)
    let all = names.iter().all(sure)
        || names.len() >= 2 && names.iter().any(sure) && names.iter().all(|n| sure(n) || uncommon_full_name(&n.name));
    all.then_some(names)
}

/// Two words or three, shaped like a name, none an ordinary word (particles aside), one of
/// three letters or more: `Sione Tuipulotu`, not `Otel Collector` or `En Öl`.
fn uncommon_full_name(name: &str) -> bool {
    (2..=3).contains(&name.split(' ').count())
        // (`en öl`: two short words are a phrase more often than a name.)
        && name.split(' ').any(|w| w.chars().count() >= 3)
        && judge(name).likeness >= Likeness::Weak
        && name.split(' ').all(|w| super::judge::is_particle(w) || !super::lexicon::facts(w).common)
}

/// One part of a list read as a person, or `None`.
fn read_part(part: &str, slot: Slot) -> Option<(NameRef, bool)> {
    if let Some(handle) = parse_handle(part) {
        let mut n = NameRef::named(format!("@{handle}"));
        n.handles.push(format!("@{handle}"));
        return Some((n, true));
    }
    // `w/ Eoin Ó Dálaigh`: "with", not an alias.
    let part = ["w/ ", "w/", "W/ ", "W/"].iter().find_map(|w| part.trim_start().strip_prefix(w)).unwrap_or(part);
    let mut alternatives: Vec<(String, i32)> = Vec::new();
    let mut organisations = Vec::new();
    let mut nickname = None;
    for alt in part.split(" / ").flat_map(|a| a.split('/')) {
        let j = judge(alt);
        // `Hanne Lie / KubeFjord org team`, `Ingrid Solberg / Equinor`: after a full name, what is
        // not surely a name is where the person works.
        let after_full_name = alternatives.first().is_some_and(|(n, s)| *s >= 0 && n.contains(' '));
        if after_full_name && (j.likeness < Likeness::Plausible || j.words == 1 && j.score < 3) {
            organisations.push(collapse_ws(alt));
            continue;
        }
        let enough = match slot {
            // Where the shape says a name stands, a name-shaped text of several words with one
            // ordinary word in it (`Vagrant Cascadian`) is still a name.
            Slot::Stated => j.likeness >= Likeness::Weak || j.words >= 2 && j.words <= 4 && j.score >= -3,
            Slot::Phrase => j.likeness >= Likeness::Plausible || j.words >= 2 && j.likeness >= Likeness::Weak,
            Slot::Guessed => j.likeness >= Likeness::Plausible,
        };
        if !enough {
            if alternatives.is_empty() && part.contains('/') {
                // An alias that is not a name (`Lady Red`) rides with the name beside it.
                alternatives.push((collapse_ws(alt), -1));
                continue;
            }
            return None;
        }
        nickname = nickname.or(j.nickname);
        alternatives.push((j.name, j.score));
    }
    if alternatives.len() > 1 && alternatives.iter().all(|(_, s)| *s < 0) {
        return None;
    }
    let mut person = with_aliases(alternatives);
    person.affiliations.extend(organisations.into_iter().filter(|o| !o.is_empty()));
    if let Some(nick) = nickname {
        person.aliases.push(nick);
    }
    let single = !person.name.contains(' ');
    Some((person, single))
}

/// A name in Chinese, Japanese or Korean script, then its romanisation in brackets.
static ROMANISED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"(?P<native>[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}][\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}・ ]*?)\s*[(（](?P<latin>\p{Lu}[\p{L} .'-]+)[)）]",
    )
    .expect("valid regex")
});

/// `高橋 誠 (Makoto Takahashi)` as `高橋 誠 / Makoto Takahashi`, alternatives of one name, when
/// the bracket reads as a person's name (`山田太郎 (Google)` keeps its affiliation). Most lists
/// are ASCII: they are not scanned.
fn romanised(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    ROMANISED.replace_all(text, |c: &regex::Captures<'_>| {
        let judged = judge(&c["latin"]);
        if judged.words >= 2 && judged.likeness >= Likeness::Plausible {
            format!("{} / {}", &c["native"], &c["latin"])
        } else {
            c[0].to_owned()
        }
    })
}

/// Reads a list of speakers.
///
/// Returns `None` when the text is not a list of people for this slot. A part that is not a
/// person right after one who is (`Mei-Ling Zhao, Google`) is that person's affiliation.
///
/// # Examples
///
/// ```
/// use confgraph::ingest::names::speakers::{speaker_list, Slot};
///
/// let names = |t, s| speaker_list(t, s).map(|v| v.into_iter().map(|n| n.name).collect::<Vec<_>>());
/// assert_eq!(names("Kenji Watanabe & Priya Raghunathan", Slot::Guessed).unwrap(), ["Kenji Watanabe", "Priya Raghunathan"]);
/// assert_eq!(names("Dr. Mei-Ling Zhao, Google", Slot::Guessed).unwrap(), ["Mei-Ling Zhao"]);
/// assert_eq!(names("Query Tuning", Slot::Guessed), None);
/// assert_eq!(names("Ravi", Slot::Stated).unwrap(), ["Ravi"]);
/// assert_eq!(names("ana paula ferreira", Slot::Guessed).unwrap(), ["Ana Paula Ferreira"]);
/// assert_eq!(names("query tuning", Slot::Guessed), None);
/// assert_eq!(names("João Pedro Albuquerque e Mariana Yamamoto", Slot::Guessed).unwrap().len(), 2);
/// ```
#[must_use]
pub fn speaker_list(text: &str, slot: Slot) -> Option<Vec<NameRef>> {
    // Shapes try the same line more than once (a heading as a group member, then alone, then as
    // a speaker line): the answer is remembered per thread, as `judge` remembers names.
    if let Some(found) = LISTS.with(|seen| seen.borrow()[slot as usize].get(text).cloned()) {
        return found;
    }
    let found = read_list(text, slot);
    LISTS.with(|seen| {
        let mut seen = seen.borrow_mut();
        let seen = &mut seen[slot as usize];
        if seen.len() >= REMEMBERED {
            seen.clear();
        }
        seen.insert(text.into(), found.clone());
    });
    found
}

/// How many lists a thread remembers before it starts afresh.
const REMEMBERED: usize = 1 << 14;

/// The lists one slot has read so far, by their text.
type ListMemory = rustc_hash::FxHashMap<Box<str>, Option<Vec<NameRef>>>;

thread_local! {
    /// Per slot, the lists read so far.
    static LISTS: std::cell::RefCell<[ListMemory; 3]> =
        std::cell::RefCell::default();
}

/// [`speaker_list`] without the memory.
fn read_list(text: &str, slot: Slot) -> Option<Vec<NameRef>> {
    let text = text.trim().trim_matches(|c: char| matches!(c, '*' | '_')).trim();
    if text.is_empty() || text.chars().count() > 300 || text.contains("://") {
        return None;
    }
    if let Some(names) = lower_case_names(text, slot) {
        return Some(names);
    }
    // `高橋 誠 (Makoto Takahashi)`: a name in its own script with its romanisation after it, read
    // as the romanised name with the other as an alias.
    let romanised = romanised(text);
    let text = romanised.as_ref();
    // `org team (Beth & Arjun)`: a group by its role, its people in brackets.
    if let Some((role, inner)) = text.strip_suffix(')').and_then(|t| t.split_once(" ("))
        && is_role_group(role)
    {
        return read_list(inner, slot);
    }
    // `Programme chairs Lieve Verstraete and Bashir Rahimi`: the role, then its people.
    let words: Vec<(usize, &str)> = text.match_indices(' ').map(|(i, _)| (i, &text[..i])).take(3).collect();
    if let Some(&(at, _)) = words.iter().find(|(_, role)| is_role_group(role)) {
        let rest = text[at..].trim_start();
        if rest.starts_with(char::is_uppercase) {
            return read_list(rest, slot);
        }
    }
    let (stripped, asides) = take_asides(text);
    let parts: Vec<&str> = name_parts(&stripped).map(strip_role).filter(|p| !p.is_empty()).collect();
    // `Ana Kim, Stripe, Bo Chen, Google`: every other part a lone word means name, company pairs.
    let alternating = parts.len() >= 2
        && parts.len().is_multiple_of(2)
        && parts.iter().skip(1).step_by(2).all(|p| !p.contains(' ') && !p.starts_with('@'));
    let mut list = NameList::default();
    let count = parts.len();
    for (k, part) in parts.into_iter().enumerate() {
        // A part is a slice of `stripped`: where it ends is plain arithmetic.
        let end = part.as_ptr() as usize - stripped.as_ptr() as usize + part.len();
        if is_placeholder(part) && slot != Slot::Guessed && !part.contains('/') || is_role_group(part) {
            continue;
        }
        // Beside a clear name in the list, a part shaped like a name of several words is one too
        // (`Aby M Joseph and Thameem Karakkoth`).
        let found = read_part(part, slot).or_else(|| {
            (slot == Slot::Guessed && !list.names.is_empty()).then(|| read_part(part, Slot::Phrase)).flatten()
        });
        if let Some((person, single)) = found {
            list.push(person, single, end, k + 1 == count || alternating);
        } else if !list.absorb(part, slot) {
            return None;
        }
    }
    list.finish(asides)
}

/// `TU Delft`, `Le Monde Afrique`, `Orange Mali`: an acronym, an article or an ordinary first
/// word no name has.
fn org_shaped(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    let acronym = |w: &&str| w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase);
    // `Orange Mali`: a company named by an ordinary word.
    let ordinary_first = words.first().filter(|w| w.chars().count() >= 3).is_some_and(|w| {
        let f = super::lexicon::facts(w);
        f.common && !f.given && !f.surname
    });
    words.len() >= 2
        && (words.iter().any(acronym)
            || ordinary_first
            || matches!(words[0], "Le" | "La" | "Les" | "El" | "The" | "Der" | "Die" | "Das" | "Il")
            || matches!(words[words.len() - 1], "Co." | "Inc." | "Ltd" | "Ltd." | "GmbH" | "AG" | "SA"))
}

/// The people of a list being read, with where each one's part ends (asides go to the name
/// they follow).
#[derive(Default)]
struct NameList {
    names: Vec<NameRef>,
    ends: Vec<usize>,
}

impl NameList {
    /// A person, or (`Ana Kim, Stripe`) a lone unknown word after a full name: the company.
    fn push(&mut self, person: NameRef, single: bool, end: usize, may_be_company: bool) {
        let j = judge(&person.name);
        // `Ibrahim Diallo, Le Monde Afrique`, `Adaeze Okafor-Lindholm, TU Delft`: after one full
        // name, a last part that is no likely name is where that person works.
        let org_after_one = self.names.len() == 1 && (j.likeness == Likeness::No || org_shaped(&person.name));
        let company = (single && j.score < 3 || org_after_one)
            && may_be_company
            && !person.name.starts_with('@')
            && self
                .names
                .last()
                .is_some_and(|prev| prev.name.contains(' ') && judge(&prev.name).likeness >= Likeness::Plausible);
        match self.names.last_mut() {
            Some(prev) if company => prev.affiliations.push(person.name),
            _ => {
                self.names.push(person);
                self.ends.push(end);
            }
        }
    }

    /// A part that is no person: an organisation or a remark after a name (`Joost Verhoeven,
    /// program chair.`) stays with it; anything else ends the list unless the slot is stated.
    fn absorb(&mut self, part: &str, slot: Slot) -> bool {
        // `Red Hat`, `Bank of America`; not `Tariq Mansour on` (the start of a sentence).
        let org_like = part.chars().next().is_some_and(char::is_uppercase)
            && part.split(' ').count() <= 5
            && !part.split(' ').any(|w| {
                matches!(
                    w,
                    "on" | "at"
                        | "in"
                        | "with"
                        | "by"
                        | "the"
                        | "a"
                        | "an"
                        | "for"
                        | "to"
                        | "from"
                        | "about"
                        | "gave"
                        | "did"
                )
            });
        let remark = !self.names.is_empty()
            && part.chars().next().is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
            && part.split(' ').count() <= 6;
        // `Priya Nair, Staff Engineer at Lumen Health`: a job title, then where.
        let role_at = part.split_once(" at ").filter(|(role, org)| {
            role.starts_with(char::is_uppercase)
                && role.split(' ').count() <= 5
                && org.split(' ').count() <= 8
                && org.trim_start_matches("the ").starts_with(char::is_uppercase)
        });
        match self.names.last_mut() {
            _ if remark => true,
            Some(prev) if role_at.is_some() => {
                let org = role_at.map_or("", |(_, org)| org);
                prev.affiliations.push(collapse_ws(org.trim_start_matches("the ")));
                true
            }
            Some(prev) if org_like => {
                prev.affiliations.push(collapse_ws(part));
                true
            }
            _ => slot == Slot::Stated && !org_like,
        }
    }

    /// The names, each with the asides that follow it.
    fn finish(mut self, asides: Vec<(usize, String)>) -> Option<Vec<NameRef>> {
        if self.names.is_empty() {
            return None;
        }
        let last = self.names.len() - 1;
        for (pos, aside) in asides {
            let owner = self.ends.iter().position(|&end| pos <= end).unwrap_or(last).min(last);
            if let Some(handle) = parse_handle(&aside) {
                self.names[owner].handles.push(format!("@{handle}"));
                continue;
            }
            let (current, former) = parse_affiliations(&aside);
            self.names[owner].affiliations.extend(current);
            self.names[owner].former_affiliations.extend(former);
        }
        Some(self.names)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(line: &str, slot: Slot) -> Option<Vec<String>> {
        speaker_list(line, slot).map(|v| v.into_iter().map(|n| n.name).collect())
    }

    #[test]
    fn w_slash_is_with_not_an_alias() {
        let got = speaker_list("w/ Eoin Ó Dálaigh", Slot::Stated).unwrap();
        assert_eq!((got[0].name.as_str(), got[0].aliases.len()), ("Eoin Ó Dálaigh", 0));
        // (An alias without case rides with the name beside it.)
        assert!(speaker_list("高橋 誠 / Makoto Takahashi", Slot::Stated).is_some());
    }

    #[test]
    fn a_slash_between_two_peoples_full_names_parts_them() {
        assert_eq!(names("Siddharth Menon / Annelies Verbruggen", Slot::Guessed).unwrap().len(), 2);
        let one = speaker_list("Mason Egger / Mason Eggers", Slot::Guessed).unwrap();
        assert_eq!((one.len(), one[0].aliases.len()), (1, 1));
        assert_eq!(speaker_list("Jess Garson / @JessicaGarson", Slot::Guessed).unwrap().len(), 1);
        assert_eq!(speaker_list("Lady Red / Christopher Beacham", Slot::Stated).unwrap().len(), 1);
    }

    #[test]
    fn names_typed_in_lower_case_need_a_known_given_name_and_more() {
        assert_eq!(names("ola nakken", Slot::Guessed), None, "ola nakken: no family name known");
        // (One surely a name vouches for the others of its list.)
        assert_eq!(names("sigrun h. + ola nakken", Slot::Guessed).unwrap().len(), 2);
        assert_eq!(
            names("rangi parata, dimitris alexiou, anneke van der meer", Slot::Guessed).unwrap(),
            ["Rangi Parata", "Dimitris Alexiou", "Anneke van der Meer"]
        );
        assert_eq!(names("anneke van der meer, otel collector", Slot::Guessed), None);
        assert_eq!(names("sigrun h.", Slot::Phrase).unwrap(), ["Sigrun H."]);
        assert_eq!(names("sigrun h. + eirik lindqvist", Slot::Phrase).unwrap().len(), 2);
        assert_eq!(names("en öl", Slot::Guessed), None);
    }

    #[test]
    fn speaker_lines() {
        let v = |s: &[&str]| Some(s.iter().map(|x| (*x).to_owned()).collect::<Vec<_>>());
        assert_eq!(names("Christy Heaton", Slot::Guessed), v(&["Christy Heaton"]));
        assert_eq!(
            names("Liam Beckman, Quinn Wai Wong, Nasim, Kyle Ellrott", Slot::Stated),
            v(&["Liam Beckman", "Quinn Wai Wong", "Nasim", "Kyle Ellrott"])
        );
        assert_eq!(
            names("Aby M Joseph and Thameem Karakkoth", Slot::Guessed),
            v(&["Aby M Joseph", "Thameem Karakkoth"])
        );
        assert_eq!(names("Sam Edwardes (dude we had lunch with)", Slot::Guessed), v(&["Sam Edwardes"]));
        assert_eq!(names("A. Jesse Jiryu Davis", Slot::Guessed), v(&["A. Jesse Jiryu Davis"]));
        assert_eq!(names("Max Bélanger, Damien DeVille", Slot::Guessed), v(&["Max Bélanger", "Damien DeVille"]));
        assert_eq!(names("Nasim", Slot::Stated), v(&["Nasim"]));
        assert_eq!(names("Dong-hyun Yoon\nMarisol Quintero", Slot::Stated), v(&["Dong-hyun Yoon", "Marisol Quintero"]));
        assert_eq!(names("TBA", Slot::Stated), None);
        assert_eq!(names("the organisers", Slot::Stated), None);
        for prose in
            ["Same format as previous years.", "GIL overview", "PEP 703", "Benchmarks", "Tool built at Bloomberg"]
        {
            assert_eq!(names(prose, Slot::Guessed), None, "{prose}");
        }
    }

    #[test]
    fn alias_line_is_one_person() {
        let v = speaker_list("Lady Red / Christopher Beacham", Slot::Stated).unwrap();
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].name, "Christopher Beacham");
        assert_eq!(v[0].aliases, vec!["Lady Red".to_owned()]);
    }

    #[test]
    fn asides_nicknames_and_handles() {
        let v = speaker_list("Brandt Bucher (Microsoft CPython Performance Engineering Team)", Slot::Guessed).unwrap();
        assert_eq!(v[0].affiliations, vec!["Microsoft CPython Performance Engineering Team".to_owned()]);
        let v = speaker_list("Ana \"ace\" Ortiz (@ace_dev)", Slot::Guessed).unwrap();
        assert_eq!(
            (v[0].name.as_str(), &v[0].aliases[..], &v[0].handles[..]),
            ("Ana Ortiz", &["ace".to_owned()][..], &["@ace_dev".to_owned()][..])
        );
        let v = speaker_list("Adaeze Okonkwo, Flutterwave", Slot::Guessed).unwrap();
        assert_eq!((v.len(), &v[0].affiliations[..]), (1, &["Flutterwave".to_owned()][..]));
    }

    #[test]
    fn romanised_names_stand_for_their_own_script() {
        let read = speaker_list("高橋 誠 (Makoto Takahashi), イ・スヨン (Lee Soo-yeon)", Slot::Stated).unwrap();
        let names: Vec<&str> = read.iter().map(|n| n.name.as_str()).collect();
        assert_eq!(names, ["Makoto Takahashi", "Lee Soo-yeon"]);
        assert!(read[0].aliases.iter().any(|a| a == "高橋 誠"), "{:?}", read[0].aliases);
        // A bracket after a Latin name, or a company after a name in its own script, is still an
        // affiliation.
        let yamada = speaker_list("登壇: 高橋 誠 (Sony Interactive)", Slot::Stated);
        assert!(yamada.is_none_or(|r| r.iter().all(|n| n.name != "Sony Interactive")));
        let ana = speaker_list("Ana Lima (Red Hat)", Slot::Stated).unwrap();
        assert_eq!(ana[0].affiliations, ["Red Hat"]);
    }

    #[test]
    fn affiliations_and_former() {
        assert_eq!(
            parse_affiliations("Elastic, formerly Twitter"),
            (vec!["Elastic".to_owned()], vec!["Twitter".to_owned()])
        );
        assert_eq!(parse_affiliations("dude we had lunch with"), (vec![], vec![]));
    }
}

//! Is this text a person's name? A judgement from how names look, not from where they stand.
//!
//! Owns the name-likeness score of one candidate name: its words checked against the given-name,
//! family-name, common-word and never-a-name lists ([`super::lexicon`]), capitalisation,
//! particles (`van`, `de`, `bin`), initials and hyphens. Honorifics (`Dr.`), pronouns
//! (`(she/her)`) and a nickname in quotes (`Ana "ace" Ortiz`) are taken off first. Where the
//! text stands (a `Speaker:` line, a table's speaker column) is the caller's business: it decides
//! how sure the judgement must be.

use super::lexicon::{WordFacts, facts};

/// How much a text looks like a personal name, from most to least sure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Likeness {
    /// Not a name: a phrase, a product, a heading.
    No,
    /// Shaped like a name, with nothing for or against it (`Mariatta`, `Ereth Kolvan`).
    Weak,
    /// Likely a name (`Xiuhtezcatl Martínez`: a family name, an unknown first word).
    Plausible,
    /// Surely a name (`Ana Ortiz`: a known given name and a family name).
    Strong,
}

/// A candidate name, cleaned and judged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judged {
    /// The name without honorific, pronouns or nickname, white space collapsed.
    pub name: String,
    /// A nickname given in quotes inside the name (`Ana "ace" Ortiz` → `ace`).
    pub nickname: Option<String>,
    /// The score behind [`Judged::likeness`] (positive: name-like).
    pub score: i32,
    /// The verdict.
    pub likeness: Likeness,
    /// Words in the name (particles and initials included).
    pub words: usize,
}

/// Honorifics dropped before a name.
const HONORIFICS: &[&str] = &[
    "dr",
    "dr.",
    "prof",
    "prof.",
    "pr",
    "pr.",
    "professor",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "mx",
    "mx.",
    "sir",
    "dame",
    "dra",
    "dra.",
    "profa",
    "profa.",
    "prof.ª",
    "prof.a",
    "sr.",
    "sra.",
    "srta.",
    "ing.",
    "lic.",
    "dott.",
    "dott.ssa",
    "mme",
    "mme.",
    "mlle",
    "herr",
    "frau",
    "pr.",
    "hon.",
    "hon",
    "judge",
    "capt.",
    "capt",
    "captain",
    "rev.",
    "sen.",
    "dr.-ing.",
    "dr.-ing",
    "dipl.-ing.",
    "prof.ssa",
    "mag.",
    "ir.",
    "drs.",
    "dre",
    "dre.",
];

/// Lower-case particles allowed inside a name (`Hugo van Kemenade`, `Felipe de Morais`).
const PARTICLES: &[&str] = &[
    "al", "bin", "binti", "bint", "da", "das", "de", "del", "della", "der", "di", "dos", "du", "el", "ibn", "la", "le",
    "ten", "ter", "van", "von", "y", "zu", "af", "av", "den", "het", "op", "ben", "ap", "st.", "i",
];

/// Words after a name that are part of it but not of its judgement.
const SUFFIXES: &[&str] = &["jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "ph.d.", "md"];

/// True for a lower-case name particle.
#[must_use]
pub fn is_particle(token: &str) -> bool {
    PARTICLES.contains(&token)
}

/// Shortened words a full stop follows that are neither honorifics nor initials.
const ABBREVIATIONS: &[&str] = &["st", "univ", "inst", "dept", "vs", "jr", "sr", "no"];

/// Whether a full stop after `word` ends nothing (a sentence, a title): an honorific (`Dr`,
/// `Prof`), an initial of one capital, perhaps hyphenated (`J`, `J-P`), or an abbreviation
/// (`Univ`, `Dept`, `vs`). `AI`, `3D` and `Go` end titles.
///
/// ```
/// use confgraph::ingest::names::judge::is_shortened;
///
/// assert!(is_shortened("Dr") && is_shortened("J-P") && is_shortened("Univ") && is_shortened("prof"));
/// assert!(!is_shortened("AI") && !is_shortened("Why"));
/// ```
#[must_use]
pub fn is_shortened(word: &str) -> bool {
    let lower = word.trim_end_matches('.').to_lowercase();
    let initial = word.split('-').all(|p| p.chars().count() == 1 && p.starts_with(char::is_uppercase));
    initial
        || HONORIFICS.contains(&lower.as_str())
        || HONORIFICS.contains(&format!("{lower}.").as_str())
        || ABBREVIATIONS.contains(&lower.as_str())
}

/// An initial: `K.`, `P.`, `M`, `JP` or `J.R.`.
#[must_use]
pub fn is_initial(token: &str) -> bool {
    if token.len() > 8 {
        return false;
    }
    let mut letters = token.chars().filter(|c| *c != '.');
    let first = letters.next();
    let second = letters.next();
    // `SS Rotterdam`: a doubled letter without dots is an abbreviation, not two initials.
    let doubled = second.is_some() && first == second && !token.contains('.');
    first.is_some_and(char::is_uppercase)
        && second.is_none_or(char::is_uppercase)
        && letters.next().is_none()
        && !doubled
}

/// Takes a pronoun aside (`(she/her)`), an honorific and a nickname in quotes off a name.
///
/// # Examples
///
/// ```
/// use confgraph::ingest::names::judge::clean;
///
/// assert_eq!(clean("Dr. Ana \"ace\" Ortiz (she/her)"), ("Ana Ortiz".to_owned(), Some("ace".to_owned())));
/// assert_eq!(clean("  Prof. Kostas   Georgiou "), ("Kostas Georgiou".to_owned(), None));
/// // (A combining accent ends the name: `ọ̀` is `ọ` and U+0300.)
/// assert_eq!(clean("Adéọlá Ọládìpọ\u{300}").0, "Adéọlá Ọládìpọ\u{300}");
/// ```
#[must_use]
pub fn clean(text: &str) -> (String, Option<String>) {
    // Emoji and marks after a name (`Maria Clara Santos 👵`, `Ana Ortiz *`) are not part of it.
    let t = text.trim().trim_end_matches(|c: char| {
        !(c.is_alphanumeric() || crate::text::is_combining_mark(c) || matches!(c, '.' | ')' | '"' | '”' | '’' | '\''))
    });
    let mut t = t.trim().trim_matches(|c: char| matches!(c, '*' | '_' | '`')).trim().to_owned();
    // Pronouns: `(she/her)`, `(they/them)`, `(he/him/his)`.
    if let Some(open) = t.rfind('(') {
        let inner = t[open + 1..].trim_end_matches(')').to_lowercase();
        if inner.split('/').count() >= 2
            && inner.split('/').all(|p| {
                matches!(
                    p.trim(),
                    "she" | "her" | "hers" | "he" | "him" | "his" | "they" | "them" | "theirs" | "ze" | "zir" | "any"
                )
            })
        {
            t.truncate(open);
        }
    }
    let mut nickname = None;
    for (open, close) in [('"', '"'), ('“', '”'), ('‘', '’'), ('\'', '\''), ('«', '»')] {
        if let Some(a) = t.find(open) {
            let after = a + open.len_utf8();
            if let Some(b) = t[after..].find(close).map(|b| after + b) {
                let inner = t[after..b].trim();
                let outside = format!("{}{}", &t[..a], &t[b + close.len_utf8()..]);
                if !inner.is_empty() && inner.split_whitespace().count() <= 3 && outside.split_whitespace().count() >= 1
                {
                    nickname = Some(inner.to_owned());
                    t = outside;
                    break;
                }
            }
        }
    }
    let mut words: Vec<&str> = t.split_whitespace().collect();
    while words.len() > 1 && HONORIFICS.contains(&words[0].to_lowercase().as_str()) {
        words.remove(0);
    }
    while words.len() > 1
        && words.last().is_some_and(|w| SUFFIXES.contains(&w.trim_end_matches(',').to_lowercase().as_str()))
    {
        words.pop();
    }
    let joined = words.join(" ");
    let mut name = joined.trim_end_matches([',', ';', ':']).trim();
    // `— Gaspar Méndez.` ends a sentence; `Jane Q.` ends in an initial.
    if name.ends_with('.')
        && name.rsplit(' ').next().is_some_and(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 2)
    {
        name = &name[..name.len() - 1];
    }
    (name.to_owned(), nickname)
}

/// How one word of a candidate name reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Word {
    Particle,
    Initial,
    /// A capitalised word and what the lists say of it.
    Name(WordFacts),
    /// Anything that cannot be in a name: lower-case, digits, an acronym, symbols.
    Bad,
}

/// What no name has: an article first (`The Eagle`), a company suffix last (`Wordsmith Co.`), a
/// possessive before its last word (`Emma's Drømmekjøkken`).
fn could_be_a_name(words: &[&str]) -> bool {
    let (Some(first), Some(last)) = (words.first(), words.last()) else { return false };
    let possessive = |w: &&str| w.ends_with("'s") || w.ends_with("’s");
    // `Argo CD`, `Postgres DB`: an acronym after a word in lower case is a product.
    let acronym_last = last.chars().count() >= 2 && last.chars().all(|c| c.is_ascii_uppercase());
    if words.len() > 1 && acronym_last && first.chars().any(char::is_lowercase) {
        return false;
    }
    !(words.len() > 1 && matches!(*first, "The" | "A" | "An" | "THE")
        || words.len() > 1
            && matches!(
                *last,
                "Co." | "Co" | "Co-op" | "Inc." | "Inc" | "Ltd." | "Ltd" | "LLC" | "GmbH" | "AG" | "Corp."
            )
        || words[..words.len() - 1].iter().any(possessive)
        || institution_compound(last)
        // `Main Hall`, `Room Kelvin`: a room.
        || words.len() > 1 && ROOM_FIRST_WORDS.contains(first)
        // `Sali A`, `Hall 2`, `Saal B`: a room word that is a given name too, and a letter or number.
        || words.len() == 2 && ROOM_GIVEN_NAMES.contains(first) && is_room_mark(words[1]))
}

/// Room words that are given names too (Hall Caine, Saal Ahmed, Sali Berisha): a room only with a
/// bare letter or number after them.
const ROOM_GIVEN_NAMES: &[&str] = &["Hall", "Saal", "Sali", "Sala", "Hala", "Amphi"];

/// `A`, `2`, `B1`, `12`: how rooms are told apart (an initial is written with its dot, `R.`;
/// `Ali`, `Wu`, `Abu` are surnames).
fn is_room_mark(word: &str) -> bool {
    let letters = word.chars().filter(char::is_ascii_alphabetic).count();
    (1..=3).contains(&word.chars().count())
        && word.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && letters <= 1
}

/// Words that open a room's name, never a person's.
/// (Not `Hall` or `Saal`: given names too, Hall Caine, Saal Ahmed.)
const ROOM_FIRST_WORDS: &[&str] = &["Main", "Room", "Track", "Stage", "Zaal", "Salle", "Aula", "Auditorium"];

/// `Scheepvaartmuseum`, `Stadtarchiv`, `Universiteitsbibliotheek`: a Dutch or German compound
/// that ends in an institution's word is an organisation.
fn institution_compound(word: &str) -> bool {
    const ENDS: &[&str] =
        &["museum", "archief", "archiv", "bibliotheek", "bibliothek", "instituut", "zentrum", "akademie"];
    let lower = word.to_lowercase();
    lower.len() > 8 && ENDS.iter().any(|e| lower.ends_with(e))
}

fn classify(token: &str) -> Word {
    if is_particle(token) {
        return Word::Particle;
    }
    // `al-Amin`, `el-Sayed`, `ibn-Rushd`, `d'Souza`: a particle joined to a family name.
    for prefix in [
        "al-", "el-", "ad-", "as-", "ash-", "at-", "az-", "ibn-", "bin-", "d'", "d’", "l'", "l’", "dell'", "dell’",
        "dall'", "dall’", "nell'",
    ] {
        if let Some(rest) = token.strip_prefix(prefix).filter(|r| r.starts_with(char::is_uppercase)) {
            return classify(rest);
        }
    }
    if is_initial(token) {
        return Word::Initial;
    }
    let mut chars = token.chars();
    let Some(first) = chars.next() else {
        return Word::Bad;
    };
    let shaped = first.is_uppercase()
        && token
            .chars()
            .all(|c| c.is_alphabetic() || crate::text::is_combining_mark(c) || matches!(c, '\'' | '’' | '-' | '.'))
        && !token.ends_with('-')
        && token.chars().any(char::is_lowercase);
    // `McANulty` and `DeVille` are fine; `GIL` and `PSF` are acronyms.
    if !shaped {
        let upper_word =
            first.is_uppercase() && token.chars().all(|c| c.is_uppercase() || c == '-') && token.chars().count() >= 3;
        if upper_word {
            // A family name in capitals (`Ana ORTIZ`) counts only when the lists know it as a name.
            let f = facts(token);
            if (f.given || f.surname) && !f.common && !f.never {
                return Word::Name(f);
            }
        }
        return Word::Bad;
    }
    // A hyphenated word is a name when any part is (`Nwosu-Clarke`), a phrase when all parts are
    // common words (`Domain-Driven`).
    if token.contains('-') {
        // `Bill-of-Materials`, `Out-of-the-Box`: a function word inside is a phrase's.
        if token.split('-').any(|p| matches!(p, "of" | "the" | "in" | "and" | "to" | "for" | "a" | "on" | "by")) {
            return Word::Bad;
        }
        let parts: Vec<WordFacts> = token.split('-').filter(|p| !p.is_empty()).map(facts).collect();
        return Word::Name(WordFacts {
            given: parts.first().is_some_and(|f| f.given),
            surname: parts.iter().any(|f| f.surname || f.given),
            common: parts.iter().all(|f| f.common && !f.given && !f.surname),
            never: parts.iter().any(|f| f.never),
        });
    }
    Word::Name(facts(token))
}

/// Scores a cleaned candidate (see [`judge`]).
fn score(words: &[&str]) -> Option<i32> {
    if !could_be_a_name(words) {
        return None;
    }
    let classes: Vec<Word> = words.iter().map(|w| classify(w)).collect();
    if classes.contains(&Word::Bad) {
        return None;
    }
    let named: Vec<(usize, WordFacts)> = classes
        .iter()
        .enumerate()
        .filter_map(|(i, c)| if let Word::Name(f) = c { Some((i, *f)) } else { None })
        .collect();
    if named.is_empty() || classes.first() == Some(&Word::Particle) || classes.last() == Some(&Word::Particle) {
        return None;
    }
    if named.iter().any(|(_, f)| f.never) {
        return Some(-6);
    }
    if words.len() == 1 {
        let f = named[0].1;
        return Some(match (f.given, f.common) {
            (true, false) => 3,
            (true, true) => 0,
            (false, true) => -3,
            (false, false) => i32::from(f.surname),
        });
    }
    let mut total = 0;
    let first_named = named[0].0;
    let last_named = named[named.len() - 1].0;
    let initials = classes.iter().filter(|c| **c == Word::Initial).count();
    if initials > 0 && first_named > 0 {
        // `J. R. Okafor`, `K. Jay Miller`: initials stand for the given name.
        total += 2;
    }
    for &(i, f) in &named {
        total += if i == first_named && first_named == 0 {
            match (f.given, f.surname, f.common) {
                (true, _, false) => 3,
                (true, _, true) | (false, true, false) => 1,
                // An unknown first word is as likely a rare word as a rare name.
                (false, false, false) => 0,
                (false, true, true) => -1,
                (false, false, true) => -3,
            }
        } else if i == last_named {
            match (f.given, f.surname, f.common) {
                (_, true, false) => 3,
                (false, false, true) => -3,
                // A given name last (`Mei Lan`), an unknown word, or a name that is also a word.
                _ => 1,
            }
        } else {
            match (f.given || f.surname, f.common) {
                (true, _) => 1,
                (false, false) => 0,
                (false, true) => -2,
            }
        };
    }
    Some(total)
}

/// Judges a candidate name.
///
/// # Examples
///
/// ```
/// use confgraph::ingest::names::judge::{judge, Likeness};
///
/// assert_eq!(judge("Ana Ortiz").likeness, Likeness::Strong);
/// assert_eq!(judge("Query Tuning").likeness, Likeness::No);
/// assert_eq!(judge("Domain-Driven Design").likeness, Likeness::No);
/// let nick = judge("Ana \"ace\" Ortiz");
/// assert_eq!((nick.name.as_str(), nick.nickname.as_deref()), ("Ana Ortiz", Some("ace")));
/// ```
#[must_use]
pub fn judge(text: &str) -> Judged {
    if let Some(j) = JUDGED.with(|seen| seen.borrow().get(text).cloned()) {
        return j;
    }
    let j = judge_afresh(text);
    JUDGED.with(|seen| {
        let mut seen = seen.borrow_mut();
        if seen.len() >= REMEMBERED {
            seen.clear();
        }
        seen.insert(text.into(), j.clone());
    });
    j
}

/// How many judged texts each thread remembers before it starts afresh.
const REMEMBERED: usize = 1 << 15;

thread_local! {
    /// Texts judged already: a file's forms try the same names again and again.
    static JUDGED: std::cell::RefCell<rustc_hash::FxHashMap<Box<str>, Judged>> = std::cell::RefCell::default();
}

/// A generational suffix that ends a name (`Obi Okafor Jr.`), as it is written back: father and
/// son are two people, so it stays on the name once the name is judged without it.
fn generation(text: &str) -> Option<&'static str> {
    let last = text.trim().trim_end_matches([',', ')']).rsplit(' ').next()?;
    match last.trim_end_matches('.').to_lowercase().as_str() {
        "jr" => Some("Jr."),
        "sr" => Some("Sr."),
        "ii" => Some("II"),
        "iii" => Some("III"),
        "iv" => Some("IV"),
        _ => None,
    }
}

fn judge_afresh(text: &str) -> Judged {
    let (mut name, nickname) = clean(text);
    let words: Vec<&str> = name.split(' ').filter(|w| !w.is_empty()).collect();
    // (Catalan `i` joins two family names: `Gabriel Ferrer i Puig`; `Ania i Kasia` is two people.)
    let catalan_i = words.iter().position(|w| *w == "i").is_none_or(|k| k >= 2 && k + 1 < words.len());
    // (Five words at most, or four besides particles: `Juan Pablo Ramírez de la Peña` is a
    // name; `Moderata da Fatima Zahra El Amrani` is not.)
    let particles = words.iter().filter(|w| is_particle(w)).count();
    // (A long one opens with a given name: `Equipo de Datos de la Alcaldía` is no one.)
    let too_long =
        words.len() > 5 && (words.len() - particles > 4 || words.len() > 7 || !super::lexicon::facts(words[0]).given);
    let score =
        if words.is_empty() || too_long || name.chars().count() > 60 || !catalan_i { None } else { score(&words) };
    // One word needs more to be likely than several do.
    let (plausible, strong) = if words.len() == 1 { (3, i32::MAX) } else { (2, 5) };
    let likeness = match score {
        Some(s) if s >= strong => Likeness::Strong,
        Some(s) if s >= plausible => Likeness::Plausible,
        Some(s) if s >= 0 => Likeness::Weak,
        _ => Likeness::No,
    };
    let count = words.len();
    if let Some(g) = generation(text).filter(|_| likeness != Likeness::No && count >= 2) {
        name = format!("{name} {g}");
    }
    Judged { words: count, name, nickname, score: score.unwrap_or(-10), likeness }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generational_suffix_stays_on_the_name() {
        assert_eq!(judge("Obi Okafor Jr.").name, "Obi Okafor Jr.");
        assert_eq!(judge("Obi Okafor, Sr.").name, "Obi Okafor Sr.");
        assert_eq!(judge("Dr. Ana Ortiz PhD").name, "Ana Ortiz");
        assert_eq!(judge("Ana Ortiz").name, "Ana Ortiz");
    }

    #[test]
    fn particles_lengthen_a_name_but_not_a_sentence() {
        assert!(judge("Juan Pablo Ramírez de la Peña").likeness >= Likeness::Plausible);
        assert_eq!(judge("Moderata da Fatima Zahra El Amrani").likeness, Likeness::No);
        assert_eq!(judge("Ana Maria Silva Costa Pereira Santos").likeness, Likeness::No);
        assert_eq!(judge("Equipo de Datos de la Alcaldía").likeness, Likeness::No);
        assert!(judge("Abdullah bin Abdul Rahman bin Ahmad").likeness >= Likeness::Plausible);
    }

    #[test]
    fn a_catalan_i_joins_two_family_names_not_two_people() {
        assert!(judge("Gabriel Ferrer i Puig").likeness >= Likeness::Plausible);
        assert_eq!(judge("Ania i Kasia").likeness, Likeness::No);
        let split = crate::ingest::names::speakers::split_name_list;
        assert_eq!(split("Jan Kowalski i Anna Nowak"), ["Jan Kowalski", "Anna Nowak"]);
        assert_eq!(
            split("Gabriel Ferrer i Puig i Marta Soler i Vidal"),
            ["Gabriel Ferrer i Puig", "Marta Soler i Vidal"]
        );
        assert_eq!(split("Pau Roca i Laia"), ["Pau Roca", "Laia"]);
        assert_eq!(split("Maria i Joan"), ["Maria", "Joan"]);
        assert_eq!(split("Jordi Puig i Serra"), ["Jordi Puig i Serra"]);
    }

    #[test]
    fn rooms_and_products_are_no_names_but_their_look_alikes_are() {
        for room in ["Sali A", "Hall 2", "Saal B1", "GelSight", "GitHub Actions"] {
            assert!(judge(room).likeness < Likeness::Plausible, "{room}: {:?}", judge(room));
        }
        for name in [
            "Sali Berisha",
            "Hall Caine",
            "Hala Ali",
            "Sala Wu",
            "Priya R.",
            "Kyle McAnulty",
            "LaToya Jackson",
            "Ryan MacKenzie",
            "JoAnne Whitfield",
            "KeShawn Lee",
            "Ross VanderMeer",
        ] {
            assert!(judge(name).likeness >= Likeness::Plausible, "{name}: {:?}", judge(name));
        }
    }

    #[test]
    fn names_of_many_cultures_are_names() {
        for name in [
            "Ana Ortiz",
            "Nguyễn Thị Lan",
            "Oluwaseun Adeyemi",
            "Siobhán Ní Bhriain",
            "Hugo van Kemenade",
            "J. R. Okafor",
            "K. Jay Miller",
            "Mei-Ling Zhao",
            "Amara Nwosu-Clarke",
            "Hamid bin Yusof",
            "Łukasz Langa",
            "Priya Raghunathan",
            "Kenji Watanabe",
            "Sigrún Þórsdóttir",
            "Dong-hyun Yoon",
            "Ingrid Solberg",
            "Tomás Villanueva",
        ] {
            assert!(judge(name).likeness >= Likeness::Plausible, "{name}: {:?}", judge(name));
        }
    }

    #[test]
    fn phrases_are_not_names() {
        for phrase in [
            "Query Tuning",
            "False Alarms",
            "Domain-Driven Design",
            "Kubernetes Operators",
            "Rust Belt Rising",
            "Grace Under Pressure",
            "Opening Remarks",
            "Day 2",
            "Lunch",
            "Benchmarks",
            "Steering Council Overview",
            "Black Python Devs",
            "PEP 703",
            "Lightning talks",
            "Coffee Break",
        ] {
            assert_eq!(judge(phrase).likeness, Likeness::No, "{phrase}: {:?}", judge(phrase));
        }
    }

    #[test]
    fn single_names_are_weak_or_plausible() {
        assert_eq!(judge("Ravi").likeness, Likeness::Plausible);
        assert!(judge("Mariatta").likeness >= Likeness::Weak);
        assert_eq!(judge("Google").likeness, Likeness::No);
    }

    #[test]
    fn honorifics_pronouns_and_degrees_come_off_and_generations_stay() {
        assert_eq!(judge("Dr. Aroha Ngata").name, "Aroha Ngata");
        assert_eq!(judge("Tiago Mendes (he/him)").name, "Tiago Mendes");
        assert_eq!(judge("Aroha Ngata, PhD").name, "Aroha Ngata");
        // A father and a son are two people: the suffix is part of the name (identity rule 1).
        assert_eq!(judge("Martin Luther King Jr.").name, "Martin Luther King Jr.");
    }
}

//! Recognising people in notes text.
//!
//! Owns what a personal name looks like ([`judge`], backed by the word lists of [`lexicon`]),
//! speaker lists ([`speakers`]), handles ([`handles`]) and people named in running text
//! ([`prose`]). It does not decide who is the same person (that is `resolve`), and it does not
//! know which block of a file it is looking at.

pub mod handles;
pub mod judge;
pub mod lexicon;
pub mod prose;
pub mod speakers;

use judge::{Likeness, is_initial, is_particle, judge};

/// Whether two name forms share a name word of three letters or more, accents and case folded
/// (`Sasha Volkov` / `Aleksandr Volkov`, `Huong Nguyen` / `Nguyễn Thị Hương`): evidence, beside
/// something else in common, that they are one person.
///
/// ```
/// use confgraph::ingest::names::shares_a_name;
///
/// assert!(shares_a_name("Huong Nguyen", "Nguyễn Thị Hương"));
/// assert!(!shares_a_name("Ana Ortiz", "Bo Chen"));
/// ```
#[must_use]
pub fn shares_a_name(a: &str, b: &str) -> bool {
    let words = |n: &str| -> Vec<String> {
        crate::ids::slug(n).split('-').filter(|w| w.chars().count() >= 3).map(str::to_owned).collect()
    };
    let theirs = words(b);
    words(a).iter().any(|w| theirs.contains(w))
}

/// `PyCon`, `DjangoCon`, `PyTexas`: conference names are never name words.
fn is_conference_word(token: &str) -> bool {
    let mut chars = token.chars();
    let py_camel = token.starts_with("Py") && chars.nth(2).is_some_and(char::is_uppercase);
    py_camel || token.ends_with("Con") && token.len() > 3 || token.ends_with("Conf") && token.len() > 4
}

/// `GelSight`, `GitHub`, `PostgreSQL`: a capital inside a word after lower-case letters marks a
/// product, unless what comes before it is a name's prefix (`McAnulty`, `DeShawn`, `JoAnne`,
/// `KeShawn`, `MacKenzie`, `VanderMeer`, `MaryAnn`).
fn is_product_camel(token: &str) -> bool {
    let mut before = None;
    let Some(at) = token.char_indices().find_map(|(i, c)| {
        let camel = c.is_uppercase() && before.is_some_and(char::is_lowercase);
        before = Some(c);
        camel.then_some(i)
    }) else {
        return false;
    };
    let prefix = &token[..at];
    // (`JoAnne`, `KeShawn`, `JaVale`, `DeAndre`: a name's prefix is short; `MySQL` is not a name.)
    let short = prefix.chars().count() <= 2 && prefix != "My";
    let named = matches!(
        prefix,
        "Mac" | "Van" | "Vander" | "Von" | "Fitz" | "Ste" | "Del" | "Della" | "Mary" | "Anna" | "Ann" | "Jean" | "Sha"
    );
    !short && !named
}

/// A capitalised word that may be part of a name: `Heaton`, `O'Connell`, `Gee-Clough`,
/// `McANulty`, `Łukasz`, `K.` — its shape only; whether the words together are a name is
/// [`judge`]'s call.
#[must_use]
pub fn is_name_token(token: &str) -> bool {
    let Some(first) = token.chars().next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    if is_initial(token) {
        return true;
    }
    // (The shape of the word first: the lists are the costly part.)
    let body_ok = token.chars().all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'));
    body_ok
        && token.chars().any(char::is_lowercase)
        && !token.ends_with('-')
        && !(is_conference_word(token) || is_product_camel(token) || lexicon::facts(token).never)
}

/// True when `text` has a word that can stand in a name the way `slot` asks: a handle, or a
/// capitalised word the lists do not make an ordinary word (a known name, or an unknown word);
/// where the shape says names stand, any capitalised word. In a text typed without capitals, a
/// known given name that is no ordinary word (where names stand, any such word). A cheap test
/// before trying forms.
#[must_use]
pub fn has_name_word(text: &str, slot: speakers::Slot) -> bool {
    let lower_case = !text.chars().any(char::is_uppercase);
    text.split(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '[' | ']' | '/' | '&' | '"' | '“' | '”' | '*' | '|')
    })
    .any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '@');
        if w.starts_with('@') && w.len() > 1 {
            return true;
        }
        if !w.chars().next().is_some_and(char::is_uppercase) {
            // (`talk by takeshi inoue abt …`: phone notes typed without capitals; a known given
            // name that is no common word may begin a name there.)
            if !lower_case || w.chars().count() < 3 || !w.chars().all(char::is_alphabetic) {
                return false;
            }
            let f = lexicon::facts(w);
            return (slot == speakers::Slot::Stated || f.given) && !f.common && !f.never;
        }
        if slot == speakers::Slot::Stated {
            return true;
        }
        let f = lexicon::facts(w);
        !f.never && (f.given || f.surname || !f.common)
    })
}

/// The cleaned personal name in `text`, if all of it is a likely one.
///
/// A single word is accepted only when `allow_single` (speaker lines name `Nasim`, prose rarely
/// does) and then as soon as it is shaped like a name.
///
/// # Examples
///
/// ```
/// use confgraph::ingest::names::person_name;
///
/// assert_eq!(person_name("Hugo van Kemenade", false).as_deref(), Some("Hugo van Kemenade"));
/// assert_eq!(person_name("False Alarms", false), None);
/// assert_eq!(person_name("Mariatta", true).as_deref(), Some("Mariatta"));
/// ```
#[must_use]
pub fn person_name(text: &str, allow_single: bool) -> Option<String> {
    let j = judge(text);
    if j.words == 0 || !j.name.split(' ').all(|w| is_name_token(w) || is_particle(w)) {
        return None;
    }
    let enough = if j.words == 1 {
        allow_single && j.likeness >= Likeness::Weak && j.name.chars().count() >= 2
    } else {
        j.likeness >= Likeness::Plausible && !j.name.split(' ').all(is_initial)
    };
    enough.then_some(j.name)
}

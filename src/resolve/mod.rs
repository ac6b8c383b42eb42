//! Identity resolution: one [`Person`] per human from every name mention, every name form kept as
//! an alias, and the typed [`Evidence`] of each merge.
//!
//! The flow: [`forms`] groups mentions into name forms (the same name once accents, case, dots,
//! curly quotes and honorifics are folded is one form) and indexes them; each rule of the
//! [`rules::RULES`] registry, in order, merges forms through the [`merger`] (a union-find that
//! records evidence and honours `confgraph.toml` `different` groups); [`people`] turns the groups
//! into people with unique ids. Look-alikes (`Erin`/`Tania Allard`), and every rule that matched
//! without corroboration, are kept as near-misses for `confgraph people --explain`.
//!
//! ```
//! use confgraph::model::{Mention, NameRef, SourceLine};
//! use confgraph::resolve::resolve_people;
//!
//! let at = |name: &str, file: &str| Mention {
//!     person: NameRef::named(name),
//!     conference: "opscamp-2024".into(),
//!     as_speaker: true,
//!     source: SourceLine { file: file.into(), line: 1 },
//! };
//! let people = resolve_people(&[at("Jessica Garson", "a.md"), at("Jess Garson", "a.md")]);
//! assert_eq!(people.people.len(), 1);
//! assert!(people.people[0].merge_reasons[0].to_string().contains("short and full forms"));
//! ```

pub mod evidence;
pub mod forms;
pub mod merger;
pub mod nicknames;
pub mod overrides;

mod people;
pub mod rules;

use std::collections::BTreeMap;

use crate::ids::{EditionId, PersonId, fold_to_ascii};
use crate::model::{Mention, SourceLine};

pub use evidence::{Apart, Corroboration, Evidence, NearMiss};
pub use overrides::Overrides;

/// A person with every way the notes name them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Slug id, `christy-heaton`; shared with the sessions that name the person as a speaker.
    pub id: PersonId,
    /// The canonical name: the form the notes use most (a full name over a handle).
    pub name: String,
    /// Other name forms, sorted.
    pub aliases: Vec<String>,
    /// Social handles, sorted.
    pub handles: Vec<String>,
    /// Current affiliations, in order of first appearance.
    pub affiliations: Vec<String>,
    /// Former affiliations, in order of first appearance.
    pub former_affiliations: Vec<String>,
    /// Every appearance, sorted by file and line.
    pub mentions: Vec<PersonMention>,
    /// Why name forms were merged into this person (empty when there was only one form), in
    /// the order of their words.
    pub merge_reasons: Vec<Evidence>,
}

/// One appearance of a person.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct PersonMention {
    /// Where.
    pub source: SourceLine,
    /// The conference the notes are about there.
    pub conference: EditionId,
    /// As a speaker of a session (or only mentioned).
    pub as_speaker: bool,
}

/// Honorifics and suffixes that are not part of the name.
const HONORIFICS: &[&str] = &["dr", "prof", "professor", "mr", "mrs", "ms", "mx", "sir", "dame", "phd"];

/// Suffixes that tell a father from a son (`Obi Sr.`, `Obi Jr.`): kept in the key, so the two are
/// different forms, but not a surname ([`forms::FormIndex::words`] leaves them out).
pub const GENERATIONS: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// The key two name forms share when they are the same name: folded accents, lower case, no dots,
/// apostrophes or honorifics (a generational suffix stays). Idempotent.
#[must_use]
pub fn name_key(name: &str) -> String {
    // (Lower-cased on both sides of the fold: `ẞ` lowers to `ß`, which folds on.)
    fold_to_ascii(&name.to_lowercase())
        .to_lowercase()
        .replace(['.', '’', '‘', '\'', '"', '“', '”', ','], "")
        .split_whitespace()
        .filter(|w| !HONORIFICS.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// People and a lookup from name key to person index.
#[derive(Debug, Clone, Default)]
pub struct People {
    /// Sorted by id.
    pub people: Vec<Person>,
    /// Name key → index into `people`.
    pub by_key: BTreeMap<String, usize>,
    /// Pairs the rules kept apart, sorted.
    pub near_misses: Vec<NearMiss>,
}

impl People {
    /// The person a name form belongs to.
    #[must_use]
    pub fn lookup(&self, name: &str) -> Option<&Person> {
        self.by_key.get(&name_key(name)).map(|&i| &self.people[i])
    }

    /// The person with this id.
    #[must_use]
    pub fn by_id(&self, id: &str) -> Option<&Person> {
        self.people.binary_search_by(|p| (*p.id).cmp(id)).ok().map(|i| &self.people[i])
    }
}

/// Groups mentions into people (no user overrides).
#[must_use]
pub fn resolve_people(mentions: &[Mention]) -> People {
    resolve_people_with(mentions, &Overrides::default())
}

/// Groups mentions into people, honouring a `confgraph.toml`.
#[must_use]
pub fn resolve_people_with(mentions: &[Mention], overrides: &Overrides) -> People {
    let forms = forms::FormIndex::new(mentions);
    let mut merger = merger::Merger::new(&forms, overrides);
    for rule in rules::RULES {
        (rule.apply)(&mut merger, overrides);
    }
    people::assemble(merger)
}

#[cfg(test)]
pub(crate) mod tests;

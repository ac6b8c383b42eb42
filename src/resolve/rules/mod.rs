//! The identity rules, one file each, applied in the order of [`RULES`].
//!
//! Every rule reads the shared [`FormIndex`](super::forms::FormIndex) through the
//! [`Merger`](super::merger::Merger) and writes merges (with typed
//! [`Evidence`](super::evidence::Evidence)) or near-misses to it. Forms are visited in key order,
//! so the result never depends on file order. Rule 0, the same name once accents, case, dots,
//! curly quotes and honorifics are folded, is not here: such names share one form from the start.

mod alternatives;
mod first_name;
mod given_typos;
mod handles;
mod middle_names;
mod quoted_nicknames;
mod second_surname;
mod short_forms;
mod spellings;
mod surname_typos;
mod user_same;

pub use given_typos::is_given_typo;
pub use middle_names::{Middle, compare_middles};
pub use spellings::spelling_key;

use super::Overrides;
use super::merger::Merger;

/// One identity rule.
pub struct Rule {
    /// Its name, as the docs call it.
    pub name: &'static str,
    /// What it merges, in a line.
    pub what: &'static str,
    /// Runs it over every form.
    pub apply: fn(&mut Merger<'_, '_>, &Overrides),
}

/// Every identity rule, in the order they run: the surest first, so later rules see their groups.
pub const RULES: &[Rule] = &[
    Rule {
        name: "one-speaker",
        what: "alternatives one speaker line gives (`Lady Red / Christopher Beacham`)",
        apply: alternatives::apply,
    },
    Rule { name: "user-same", what: "`confgraph.toml` `same` groups", apply: user_same::apply },
    Rule {
        name: "spelling",
        what: "one name spelt two ways: umlauts written out, `ß` as `ss`, a hyphen or a space",
        apply: spellings::apply,
    },
    Rule {
        name: "nickname",
        what: "a quoted nickname (`Andrew \"Pandy\" Knight`) with the surname, corroborated",
        apply: quoted_nicknames::apply,
    },
    Rule {
        name: "handle",
        what: "a handle that spells a full name, or that a person's own link carries",
        apply: handles::apply,
    },
    Rule {
        name: "middle-name",
        what: "a middle name, initial or second given name added, corroborated and unambiguous",
        apply: middle_names::apply,
    },
    Rule {
        name: "first-name",
        what: "a first name alone, with one person of that first name in the same notes file, or in the \
               whole corpus and corroborated",
        apply: first_name::apply,
    },
    Rule {
        name: "short-form",
        what: "short and full forms of one given name with the same surname, corroborated",
        apply: short_forms::apply,
    },
    Rule {
        name: "surname-typo",
        what: "a one-letter typo in the surname, corroborated or only ever mentioned once in prose",
        apply: surname_typos::apply,
    },
    Rule {
        name: "given-name-typo",
        what: "a one-letter typo in the given name (never two known names), corroborated",
        apply: given_typos::apply,
    },
    Rule {
        name: "second-surname",
        what: "a second surname added to the same name, corroborated and unambiguous",
        apply: second_surname::apply,
    },
];

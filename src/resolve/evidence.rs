//! Why two name forms were merged, or kept apart: typed values, put into words only where shown.

use std::fmt;
use std::sync::Arc;

/// What, beyond the names themselves, says two forms are one person.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Corroboration {
    /// Both carry this handle or link token.
    Handle(String),
    /// Both are with this organisation (slug).
    Organisation(String),
    /// Both are named in this notes file.
    File(Arc<str>),
    /// Both appear at this conference series.
    Series(String),
}

impl fmt::Display for Corroboration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Handle(t) => write!(f, "both have the handle `{t}`"),
            Self::Organisation(o) => write!(f, "both are with {o}"),
            Self::File(file) => write!(f, "both are in {file}"),
            Self::Series(s) => write!(f, "both appear at {s}"),
        }
    }
}

/// Why two name forms are one person: the rule that matched, the forms and what backed it.
///
/// Forms are shown as first written; places are `file:line`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Evidence {
    /// The same name once accents, case and dots are folded.
    SameName {
        /// The folded spellings.
        forms: Vec<String>,
        /// The canonical name.
        name: String,
    },
    /// One speaker line gives both forms (`Lady Red / Christopher Beacham`).
    OneSpeaker {
        /// The name as written.
        name: String,
        /// The alternative the line gives.
        alias: String,
        /// Where.
        place: String,
    },
    /// A `confgraph.toml` `same` group.
    UserSame {
        /// The group's names.
        group: Vec<String>,
    },
    /// A handle that is the full name run together (`@JessicaGarson`).
    HandleSpells {
        /// The handle.
        handle: String,
        /// Where the handle is first written.
        place: String,
        /// The name it spells.
        name: String,
    },
    /// A handle that is also in a link on a session the person gave alone.
    HandleCarried {
        /// The handle.
        handle: String,
        /// Where the handle is first written.
        place: String,
        /// The link or handle that carries it.
        link: Option<String>,
        /// The person's name.
        name: String,
        /// Where the name is first written.
        name_place: String,
    },
    /// A first name alone, with one person of that first name in the same notes.
    FirstName {
        /// The first name.
        first: String,
        /// Where it is first written.
        place: String,
        /// The full name it joins.
        name: String,
    },
    /// Short and full forms of one given name with the same surname (`Jess`/`Jessica Garson`).
    ShortForm {
        /// One form.
        a: String,
        /// The other.
        b: String,
        /// The formal given name both stand for.
        formal: String,
        /// What backs it.
        by: Corroboration,
    },
    /// One letter apart in the surname, with the same given name, and corroborated.
    SurnameTypo {
        /// One form.
        a: String,
        /// The other.
        b: String,
        /// What backs it.
        by: Corroboration,
    },
    /// One letter apart in the surname, and the odd spelling is a single prose mention.
    SurnameMisspelt {
        /// One form.
        a: String,
        /// The other.
        b: String,
        /// The misspelt form.
        typo: String,
        /// Where it is written.
        place: String,
    },
    /// The same name spelt another way (`Jürgen Müller`/`Juergen Mueller`, `Jean-Pierre`/`Jean Pierre`).
    Spelling {
        /// One form.
        a: String,
        /// The other.
        b: String,
    },
    /// A middle name or initial, or a second given name, added (`Reuven Lerner`/`Reuven M. Lerner`).
    MiddleName {
        /// The form that says less.
        shorter: String,
        /// The form that says more.
        longer: String,
        /// What backs it.
        by: Corroboration,
    },
    /// A first name alone, with one person of that first name in the whole corpus, corroborated.
    FirstNameInCorpus {
        /// The first name.
        first: String,
        /// Where it is first written.
        place: String,
        /// The full name it joins.
        name: String,
        /// What backs it.
        by: Corroboration,
    },
    /// A quoted nickname (`Andrew "Pandy" Knight`) with the surname (`Pandy Knight`).
    Nickname {
        /// The nickname.
        nickname: String,
        /// The name written with it.
        name: String,
        /// Where the nickname is written in quotes.
        place: String,
        /// The nickname form it joins.
        form: String,
        /// What backs it.
        by: Corroboration,
    },
    /// One letter apart in the given name, the rest the same, and corroborated.
    GivenNameTypo {
        /// One form.
        a: String,
        /// The other.
        b: String,
        /// What backs it.
        by: Corroboration,
    },
    /// A second surname added to the same name (`Maria Lopez`/`Maria Lopez Garcia`).
    SecondSurname {
        /// The shorter form.
        shorter: String,
        /// The form with the second surname.
        longer: String,
        /// What backs it.
        by: Corroboration,
    },
}

impl fmt::Display for Evidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::SameName { forms, name } => {
                let list: Vec<String> = forms.iter().map(|form| format!("`{form}`")).collect();
                write!(f, "{} and `{name}` are the same name once accents, case and dots are folded", list.join(", "))
            }
            Self::OneSpeaker { name, alias, place } => {
                write!(f, "`{name}` and `{alias}` are given as one speaker at {place}")
            }
            Self::UserSame { group } => write!(f, "confgraph.toml says {} are one person", group.join(" = ")),
            Self::HandleSpells { handle, place, name } => {
                write!(f, "handle `{handle}` ({place}) spells the name {name}")
            }
            Self::HandleCarried { handle, place, link, name, name_place } => write!(
                f,
                "handle `{handle}` ({place}) is also in {} on a session {name} gave alone ({name_place})",
                link.as_deref().unwrap_or("a link")
            ),
            Self::FirstName { first, place, name } => {
                write!(f, "`{first}` ({place}) is the only {first} named in the same notes as {name}")
            }
            Self::ShortForm { a, b, formal, by } => {
                write!(f, "`{a}` and `{b}` are short and full forms of {formal}, same surname, and {by}")
            }
            Self::SurnameTypo { a, b, by } => write!(f, "`{a}` and `{b}` differ by one letter in the surname and {by}"),
            Self::SurnameMisspelt { a, b, typo, place } => write!(
                f,
                "`{a}` and `{b}` differ by one letter in the surname; `{typo}` is mentioned once ({place}) and never speaks, so it reads as a misspelling of the speaker"
            ),
            Self::SecondSurname { shorter, longer, by } => {
                write!(f, "`{longer}` adds a second surname to `{shorter}`, and {by}")
            }
            Self::Spelling { a, b } => write!(f, "`{a}` and `{b}` are one name spelt two ways"),
            Self::MiddleName { shorter, longer, by } => {
                write!(
                    f,
                    "`{longer}` adds a middle name or initial to `{shorter}`, the only such fuller form, and {by}"
                )
            }
            Self::FirstNameInCorpus { first, place, name, by } => {
                write!(f, "`{first}` ({place}) is the only {first} the notes name in full, {name}, and {by}")
            }
            Self::Nickname { nickname, name, place, form, by } => {
                write!(
                    f,
                    "`{name}` goes by the nickname `{nickname}` ({place}), so `{form}` is the same person, and {by}"
                )
            }
            Self::GivenNameTypo { a, b, by } => {
                write!(
                    f,
                    "`{a}` and `{b}` differ by one letter in the given name, neither is another known name, and {by}"
                )
            }
        }
    }
}

/// Why two name forms a rule looked at stay apart.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Apart {
    /// A rule matched, but a `confgraph.toml` `different` group forbids the merge.
    UserDifferent(Box<Evidence>),
    /// A handle that fits several people names none of them.
    AmbiguousHandle {
        /// The handle without its `@`.
        token: String,
    },
    /// Short and full forms of a given name with the same surname, and nothing else.
    ShortFormAlone {
        /// The formal given name.
        formal: String,
    },
    /// A short form that could stand for the given names of two people with the same surname.
    ShortFormAmbiguous,
    /// The same surname and different given names.
    DifferentGivenNames,
    /// One letter apart in the surname, and nothing else.
    SurnameTypoAlone,
    /// A second surname added, and nothing else (or several people it could be).
    SecondSurnameAlone,
    /// The same first name and surname, and middle names or initials that disagree.
    DifferentMiddleNames,
    /// A name without a middle part that fits several people with one.
    MiddleNameAmbiguous,
    /// A middle name or initial added, and nothing else.
    MiddleNameAlone,
    /// One letter apart in the given name, and nothing else.
    GivenNameTypoAlone,
    /// A first name alone, the only one named in full in the corpus, and nothing else.
    FirstNameAlone,
}

/// Two name forms the rules looked at and kept apart, and why; shown as `a / b: why`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct NearMiss {
    /// One name form.
    pub a: String,
    /// The other.
    pub b: String,
    /// Why they stay apart.
    pub reason: Apart,
}

impl fmt::Display for NearMiss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (a, b) = (&self.a, &self.b);
        write!(f, "{a} / {b}: ")?;
        match &self.reason {
            Apart::UserDifferent(e) => write!(f, "{e}, but confgraph.toml says they are different people"),
            Apart::AmbiguousHandle { token } => {
                write!(f, "handle `@{token}` fits several people, so it names none of them")
            }
            Apart::ShortFormAlone { formal } => write!(
                f,
                "`{a}` and `{b}` are short and full forms of {formal} with the same surname, but nothing corroborates it (no shared handle, organisation, notes file or series)"
            ),
            Apart::ShortFormAmbiguous => {
                write!(
                    f,
                    "`{a}` / `{b}`: the short form could stand for another person's given name with the same surname, so it joins none"
                )
            }
            Apart::DifferentGivenNames => f.write_str("same surname, different given names: different people"),
            Apart::SurnameTypoAlone => {
                write!(f, "`{a}` and `{b}` differ by one letter in the surname, but nothing corroborates it")
            }
            Apart::SecondSurnameAlone => {
                write!(f, "`{b}` adds a second surname to `{a}`, but nothing corroborates it")
            }
            Apart::DifferentMiddleNames => {
                f.write_str("same first name and surname, different middle names: different people")
            }
            Apart::MiddleNameAmbiguous => {
                write!(f, "`{a}` fits several people with a middle name or initial, so it joins none of them")
            }
            Apart::MiddleNameAlone => {
                write!(f, "`{b}` adds a middle name or initial to `{a}`, but nothing corroborates it")
            }
            Apart::GivenNameTypoAlone => {
                write!(f, "`{a}` and `{b}` differ by one letter in the given name, but nothing corroborates it")
            }
            Apart::FirstNameAlone => {
                write!(f, "`{a}` is the only {a} the notes name in full, `{b}`, but nothing corroborates it")
            }
        }
    }
}

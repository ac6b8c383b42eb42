//! Name forms: every mention grouped by its folded name, with what the notes say around it, and
//! the indexes the identity rules look forms up in.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use rayon::prelude::*;

use super::evidence::Corroboration;
use super::{GENERATIONS, name_key};
use crate::affiliation::organisation_of;
use crate::ids::slug;
use crate::model::{Mention, NameRef, SourceLine};

/// What the notes say about one name form (all mentions with the same key).
#[derive(Debug, Default)]
pub struct Form<'m> {
    /// The folded name, `jessica garson`.
    pub key: String,
    /// Every mention, in a total order.
    pub mentions: Vec<&'m Mention>,
    /// Identity tokens of the handles and links beside the name.
    pub tokens: BTreeSet<String>,
    /// Organisation slugs the name is given with.
    pub organisations: BTreeSet<String>,
    /// Notes files that name it.
    pub files: BTreeSet<Arc<str>>,
    /// Conference series it appears at.
    pub series: BTreeSet<String>,
    /// Whether any mention is as a speaker.
    pub speaker: bool,
    /// The folded one-word aliases its mentions carry: quoted nicknames (`Andrew "Pandy" Knight`
    /// carries `pandy`).
    pub nicknames: BTreeSet<String>,
}

impl Form<'_> {
    /// The folded name's words.
    #[must_use]
    pub fn words(&self) -> Vec<&str> {
        self.key.split(' ').collect()
    }

    /// Whether the form is a social handle (`@izcoder`).
    #[must_use]
    pub fn is_handle(&self) -> bool {
        self.key.starts_with('@')
    }

    /// A displayable form (the first as written).
    #[must_use]
    pub fn shown(&self) -> &str {
        self.mentions.first().map_or(self.key.as_str(), |m| m.person.name.as_str())
    }

    /// `file:line` of the first mention.
    #[must_use]
    pub fn first_place(&self) -> String {
        self.mentions.first().map_or_else(String::new, |m| format!("{}:{}", m.source.file, m.source.line))
    }

    /// What backs two forms being one person: a shared handle, organisation, notes file or series.
    #[must_use]
    pub fn corroboration(&self, other: &Form<'_>) -> Option<Corroboration> {
        if let Some(t) = self.tokens.intersection(&other.tokens).next() {
            return Some(Corroboration::Handle(t.clone()));
        }
        if let Some(o) = self.organisations.intersection(&other.organisations).next() {
            return Some(Corroboration::Organisation(o.clone()));
        }
        if let Some(f) = self.files.intersection(&other.files).next() {
            return Some(Corroboration::File(f.clone()));
        }
        self.series.intersection(&other.series).next().map(|s| Corroboration::Series(s.clone()))
    }
}

impl<'m> Form<'m> {
    fn add(&mut self, m: &'m Mention) {
        self.mentions.push(m);
        self.speaker |= m.as_speaker;
        self.files.insert(m.source.file.clone());
        self.nicknames.extend(m.person.aliases.iter().map(|a| name_key(a)).filter(|k| !k.contains(' ')));
        self.series.insert(series_of(&m.conference));
        for h in &m.person.handles {
            self.tokens.extend(tokens_of(h, true));
        }
        for l in &m.person.links {
            self.tokens.extend(tokens_of(l, false));
        }
        for a in m.person.affiliations.iter().chain(&m.person.former_affiliations) {
            self.organisations.extend(organisation_of(a).map(|o| slug(&o)));
        }
    }
}

/// Every form, sorted by key, with the lookups the rules share.
pub struct FormIndex<'m> {
    /// Forms sorted by key; a form's position is its index everywhere.
    pub forms: Vec<Form<'m>>,
    /// Key → form index.
    pub index: BTreeMap<String, usize>,
    /// Each form's words, without a generational suffix (`Jr.`).
    pub words: Vec<Vec<String>>,
    /// Full names: two words or more, not handles.
    pub full: Vec<usize>,
    /// Full names by surname (last word).
    pub by_surname: BTreeMap<String, Vec<usize>>,
    /// Full names by given name (first word).
    pub by_given: BTreeMap<String, Vec<usize>>,
    /// Nickname → the forms that carry it.
    pub nickname_carriers: BTreeMap<String, Vec<usize>>,
}

impl<'m> FormIndex<'m> {
    /// Groups mentions into forms, in an order that never depends on the order they were read in.
    #[must_use]
    pub fn new(mentions: &'m [Mention]) -> Self {
        let forms = collect_forms(mentions);
        let index = forms.iter().enumerate().map(|(i, f)| (f.key.clone(), i)).collect();
        let words: Vec<Vec<String>> = forms
            .iter()
            .map(|f| f.words().into_iter().filter(|w| !GENERATIONS.contains(w)).map(str::to_owned).collect())
            .collect();
        let full: Vec<usize> = (0..forms.len()).filter(|&i| !forms[i].is_handle() && words[i].len() >= 2).collect();
        let mut by_surname: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut by_given: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for &i in &full {
            let w = &words[i];
            by_surname.entry(w[w.len() - 1].clone()).or_default().push(i);
            by_given.entry(w[0].clone()).or_default().push(i);
        }
        let mut nickname_carriers: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, f) in forms.iter().enumerate() {
            for nick in &f.nicknames {
                nickname_carriers.entry(nick.clone()).or_default().push(i);
            }
        }
        Self { forms, index, words, full, by_surname, by_given, nickname_carriers }
    }

    /// The form a name is written in, if the notes have it.
    #[must_use]
    pub fn find(&self, name: &str) -> Option<usize> {
        self.index.get(&name_key(name)).copied()
    }
}

/// How mentions are ordered before grouping: place, name, edition, the speaker first, then the rest.
fn mention_order(m: &Mention) -> (&SourceLine, &str, &str, std::cmp::Reverse<bool>, &NameRef) {
    (&m.source, &m.person.name, &m.conference, std::cmp::Reverse(m.as_speaker), &m.person)
}

fn collect_forms(mentions: &[Mention]) -> Vec<Form<'_>> {
    let mut by_key: BTreeMap<String, Form<'_>> = BTreeMap::new();
    let mut sorted: Vec<&Mention> = mentions.iter().collect();
    // A total order: mentions that tie on place, name and edition (one line naming someone as a
    // speaker and in prose) must not keep the order they were read in; the speaker comes first.
    sorted.par_sort_by(|a, b| mention_order(a).cmp(&mention_order(b)));
    let keys: Vec<String> = sorted.par_iter().map(|m| name_key(&m.person.name)).collect();
    for (m, key) in sorted.iter().zip(keys) {
        if key.is_empty() {
            continue;
        }
        by_key.entry(key).or_insert_with_key(|key| Form { key: key.clone(), ..Form::default() }).add(m);
        // Alias forms exist even when never written alone.
        for alias in &m.person.aliases {
            let ak = name_key(alias);
            if !ak.is_empty() {
                by_key.entry(ak.clone()).or_insert_with(|| Form { key: ak, ..Form::default() });
            }
        }
    }
    by_key.into_values().collect()
}

/// Hosts whose labels say nothing about a person.
const GENERIC_HOST_LABELS: &[&str] = &[
    "www",
    "com",
    "org",
    "net",
    "io",
    "dev",
    "app",
    "co",
    "me",
    "us",
    "uk",
    "de",
    "to",
    "ly",
    "ee",
    "edu",
    "github",
    "gitlab",
    "twitter",
    "x",
    "mastodon",
    "social",
    "pretalx",
    "youtube",
    "youtu",
    "be",
    "slides",
    "docs",
    "readthedocs",
    "blog",
    "medium",
    "linktr",
    "bit",
    "pypi",
    "python",
    "pycon",
    "speakerdeck",
    "google",
    "amazon",
    "microsoft",
    "talks",
    "pages",
    "netlify",
    "vercel",
    "herokuapp",
    "wordpress",
    "substack",
    "sites",
];

/// Identity tokens of a handle or link: `twitter.com/ucodery` → `ucodery`; `@izcoder` → `izcoder`;
/// `slides.ucodery.com/intro` → `ucodery`.
#[must_use]
pub fn tokens_of(handle_or_link: &str, is_handle: bool) -> Vec<String> {
    let rest = handle_or_link.split("://").nth(1).unwrap_or(handle_or_link);
    if let Some(h) = rest.strip_prefix('@') {
        return vec![h.to_lowercase()];
    }
    let mut out = Vec::new();
    if is_handle && let Some(user) = crate::ingest::names::handles::profile_handle(handle_or_link) {
        out.push(user.to_lowercase());
    }
    let host = rest.split('/').next().unwrap_or_default().to_lowercase();
    out.extend(host.split('.').filter(|l| l.len() >= 4 && !GENERIC_HOST_LABELS.contains(l)).map(str::to_owned));
    out
}

fn series_of(conference: &str) -> String {
    crate::ids::series_of_edition(conference).to_owned()
}

//! Identity resolution: one [`Person`] per human from every name mention, every name form kept as
//! an alias, and the reason for each merge.
//!
//! Rules, applied in this order on forms sorted by key (so the result never depends on file
//! order), each merge recorded with its evidence:
//! 1. the same name once accents, case, dots, curly quotes and honorifics are folded;
//! 2. alternatives one speaker line gives (`Lady Red / Christopher Beacham`);
//! 3. `confgraph.toml` `same` groups;
//! 4. a handle that names a person (`@JessicaGarson` spells Jessica Garson; `twitter.com/ucodery`
//!    and `slides.ucodery.com` on a talk Jeremiah Paige gave alone);
//! 5. a first name alone, when exactly one person of that first name is in the same notes file;
//! 6. a short form of the same given name and the same surname (`Jess`/`Jessica Garson`), with
//!    corroboration: a shared handle, organisation, notes file or conference series;
//! 7. a one-letter typo in the surname with the same given name (`Mason Eggers`/`Mason Egger`),
//!    with the same corroboration, or when the misspelt form is only ever mentioned in prose;
//! 8. a second surname added to the same name (`Maria Lopez`/`Maria Lopez Garcia`), with the
//!    same corroboration (speaking in the same series is enough).
//!
//! Look-alikes (`Erin`/`Tania Allard`) are never merged; they, and every rule that matched
//! without corroboration, are kept as near-misses for `confgraph people --explain`. A
//! `confgraph.toml` `different` group blocks any merge between its names.

pub mod nicknames;
pub mod overrides;

use std::sync::Arc;

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use crate::affiliation::organisation_of;
use crate::ids::{fold_to_ascii, slug};
use crate::model::{Mention, SourceLine};

pub use overrides::Overrides;

/// A person with every way the notes name them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Slug id, `christy-heaton`; shared with the sessions that name the person as a speaker.
    pub id: Arc<str>,
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
    /// Why name forms were merged into this person (empty when there was only one form).
    pub merge_reasons: Vec<String>,
}

/// One appearance of a person.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct PersonMention {
    /// Where.
    pub source: SourceLine,
    /// The conference the notes are about there.
    pub conference: String,
    /// As a speaker of a session (or only mentioned).
    pub as_speaker: bool,
}

/// Two name forms the rules looked at and kept apart, and why.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct NearMiss {
    /// One name form.
    pub a: String,
    /// The other.
    pub b: String,
    /// Why they stay apart.
    pub reason: String,
}

/// Honorifics and suffixes that are not part of the name.
const HONORIFICS: &[&str] =
    &["dr", "prof", "professor", "mr", "mrs", "ms", "mx", "sir", "dame", "jr", "sr", "ii", "iii", "phd"];

/// The key two name forms share when they are the same name: folded accents, lower case, no dots,
/// apostrophes or honorifics. Idempotent.
#[must_use]
pub fn name_key(name: &str) -> String {
    fold_to_ascii(name)
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

/// What the notes say about one name form (all mentions with the same key).
#[derive(Debug, Default)]
struct Form<'m> {
    key: String,
    mentions: Vec<&'m Mention>,
    tokens: BTreeSet<String>,
    organisations: BTreeSet<String>,
    files: BTreeSet<Arc<str>>,
    series: BTreeSet<String>,
    speaker: bool,
}

impl Form<'_> {
    fn words(&self) -> Vec<&str> {
        self.key.split(' ').collect()
    }

    fn is_handle(&self) -> bool {
        self.key.starts_with('@')
    }

    /// A displayable form (the first as written).
    fn shown(&self) -> &str {
        self.mentions.first().map_or(self.key.as_str(), |m| m.person.name.as_str())
    }

    fn first_place(&self) -> String {
        self.mentions.first().map_or_else(String::new, |m| format!("{}:{}", m.source.file, m.source.line))
    }
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
fn tokens_of(handle_or_link: &str, is_handle: bool) -> Vec<String> {
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
    conference.rsplit_once('-').map_or(conference, |(s, _)| s).to_owned()
}

/// A small union-find over form indexes; the root is the smallest index, so merges are stable.
struct Groups {
    parent: Vec<usize>,
}

impl Groups {
    fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra == rb {
            return false;
        }
        let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[hi] = lo;
        true
    }
}

/// Groups mentions into people (no user overrides).
#[must_use]
pub fn resolve_people(mentions: &[Mention]) -> People {
    resolve_people_with(mentions, &Overrides::default())
}

/// How mentions are ordered before grouping: place, name, edition, the speaker first, then the rest.
fn mention_order(
    m: &Mention,
) -> (&crate::model::SourceLine, &str, &str, std::cmp::Reverse<bool>, &crate::model::NameRef) {
    (&m.source, &m.person.name, &m.conference, std::cmp::Reverse(m.as_speaker), &m.person)
}

/// Groups mentions into people, honouring a `confgraph.toml`.
#[must_use]
pub fn resolve_people_with(mentions: &[Mention], overrides: &Overrides) -> People {
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
        let f = by_key.entry(key).or_insert_with_key(|key| Form { key: key.clone(), ..Form::default() });
        f.mentions.push(m);
        f.speaker |= m.as_speaker;
        f.files.insert(m.source.file.clone());
        f.series.insert(series_of(&m.conference));
        for h in &m.person.handles {
            f.tokens.extend(tokens_of(h, true));
        }
        for l in &m.person.links {
            f.tokens.extend(tokens_of(l, false));
        }
        for a in m.person.affiliations.iter().chain(&m.person.former_affiliations) {
            f.organisations.extend(organisation_of(a).map(|o| slug(&o)));
        }
        // Alias forms exist even when never written alone.
        for alias in &m.person.aliases {
            let ak = name_key(alias);
            if !ak.is_empty() {
                by_key.entry(ak.clone()).or_insert_with(|| Form { key: ak, ..Form::default() });
            }
        }
    }
    let forms: Vec<Form<'_>> = by_key.into_values().collect();
    let index: BTreeMap<&str, usize> = forms.iter().enumerate().map(|(i, f)| (f.key.as_str(), i)).collect();
    let words: Vec<Vec<&str>> = forms.iter().map(Form::words).collect();
    // Full names (two words or more, not handles) by given name and by surname.
    let full: Vec<usize> = (0..forms.len()).filter(|&i| !forms[i].is_handle() && words[i].len() >= 2).collect();
    let mut by_surname: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut by_given: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for &i in &full {
        let w = &words[i];
        by_surname.entry(w[w.len() - 1]).or_default().push(i);
        by_given.entry(w[0]).or_default().push(i);
    }
    let mut groups = Groups { parent: (0..forms.len()).collect() };
    let mut reasons: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
    let mut near_misses: BTreeSet<NearMiss> = BTreeSet::new();

    // Names the user says are different people never end up in one group.
    let different: Vec<BTreeSet<usize>> = overrides
        .different
        .iter()
        .map(|g| g.iter().filter_map(|n| index.get(name_key(n).as_str()).copied()).collect())
        .collect();
    let blocked = |groups: &mut Groups, a: usize, b: usize| {
        if different.is_empty() {
            return false;
        }
        let (ra, rb) = (groups.root(a), groups.root(b));
        let members =
            |groups: &mut Groups, r: usize| (0..forms.len()).filter(|&i| groups.root(i) == r).collect::<BTreeSet<_>>();
        let (ma, mb) = (members(groups, ra), members(groups, rb));
        different.iter().any(|d| !d.is_disjoint(&ma) && !d.is_disjoint(&mb))
    };
    let mut merge = |groups: &mut Groups, a: usize, b: usize, why: String, near: &mut BTreeSet<NearMiss>| {
        if blocked(groups, a, b) {
            near.insert(NearMiss {
                a: forms[a].shown().to_owned(),
                b: forms[b].shown().to_owned(),
                reason: format!("{why}, but confgraph.toml says they are different people"),
            });
            return;
        }
        if groups.union(a, b) {
            reasons.entry(a).or_default().insert(why);
        }
    };

    // 1–2: same key is one form already; speaker-line alternatives.
    for (i, f) in forms.iter().enumerate() {
        for m in &f.mentions {
            for alias in &m.person.aliases {
                if let Some(&j) = index.get(name_key(alias).as_str()) {
                    let why = format!(
                        "`{}` and `{alias}` are given as one speaker at {}:{}",
                        m.person.name, m.source.file, m.source.line
                    );
                    merge(&mut groups, i, j, why, &mut near_misses);
                }
            }
        }
    }
    // 3: the user's `same` groups.
    for group in &overrides.same {
        let members: Vec<usize> = group.iter().filter_map(|n| index.get(name_key(n).as_str()).copied()).collect();
        for w in members.windows(2) {
            merge(
                &mut groups,
                w[0],
                w[1],
                format!("confgraph.toml says {} are one person", group.join(" = ")),
                &mut near_misses,
            );
        }
    }
    // 4: handles that name a person: a full name run together, or a handle or link it carries.
    let mut by_spelling: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut by_token: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for &j in &full {
        by_spelling.entry(words[j].concat()).or_default().push(j);
        for t in &forms[j].tokens {
            by_token.entry(t.as_str()).or_default().push(j);
        }
    }
    for (i, f) in forms.iter().enumerate().filter(|(_, f)| f.is_handle()) {
        let token = f.key.trim_start_matches('@');
        // Each form named, and whether by its spelling (which wins when it also carries the token).
        let spelled = by_spelling.get(token).into_iter().flatten().map(|&j| (j, true));
        let carried = by_token.get(token).into_iter().flatten().map(|&j| (j, false));
        let mut named: Vec<(usize, bool)> = spelled.chain(carried).collect();
        named.sort_unstable_by_key(|&(j, spelled)| (j, !spelled));
        named.dedup_by_key(|(j, _)| *j);
        let candidates: Vec<(usize, String)> = named
            .into_iter()
            .map(|(j, spelled)| {
                let g = &forms[j];
                if spelled {
                    (j, format!("handle `{}` ({}) spells the name {}", f.shown(), f.first_place(), g.shown()))
                } else {
                    let link = g
                        .mentions
                        .iter()
                        .flat_map(|m| m.person.links.iter().chain(&m.person.handles))
                        .find(|l| tokens_of(l, true).iter().any(|t| t == token));
                    (
                        j,
                        format!(
                            "handle `{}` ({}) is also in {} on a session {} gave alone ({})",
                            f.shown(),
                            f.first_place(),
                            link.map_or("a link", String::as_str),
                            g.shown(),
                            g.first_place()
                        ),
                    )
                }
            })
            .collect();
        let roots: BTreeSet<usize> = candidates.iter().map(|(j, _)| groups.root(*j)).collect();
        match roots.len() {
            1 => {
                let (j, why) = candidates[0].clone();
                merge(&mut groups, j, i, why, &mut near_misses);
            }
            0 => {}
            _ => {
                for (j, _) in &candidates {
                    near_misses.insert(NearMiss {
                        a: f.shown().to_owned(),
                        b: forms[*j].shown().to_owned(),
                        reason: format!("handle `@{token}` fits several people, so it names none of them"),
                    });
                }
            }
        }
    }
    // 5: a first name alone, with exactly one person of that first name in the same file.
    for (i, f) in forms.iter().enumerate().filter(|(i, f)| !f.is_handle() && words[*i].len() == 1) {
        // A full name starting with a non-handle single word is not a handle either.
        let candidates: Vec<usize> = by_given
            .get(f.key.as_str())
            .into_iter()
            .flatten()
            .copied()
            .filter(|&j| !forms[j].files.is_disjoint(&f.files))
            .collect();
        let roots: BTreeSet<usize> = candidates.iter().map(|&j| groups.root(j)).collect();
        if roots.len() == 1 {
            let j = candidates[0];
            let why = format!(
                "`{}` ({}) is the only {} named in the same notes as {}",
                f.shown(),
                f.first_place(),
                f.shown(),
                forms[j].shown()
            );
            merge(&mut groups, j, i, why, &mut near_misses);
        }
    }
    // 6–7 and look-alikes: compare full names that share a surname or a given name.
    let corroboration = |a: &Form<'_>, b: &Form<'_>| -> Option<String> {
        if let Some(t) = a.tokens.intersection(&b.tokens).next() {
            return Some(format!("both have the handle `{t}`"));
        }
        if let Some(o) = a.organisations.intersection(&b.organisations).next() {
            return Some(format!("both are with {o}"));
        }
        if let Some(f) = a.files.intersection(&b.files).next() {
            return Some(format!("both are in {f}"));
        }
        if let Some(s) = a.series.intersection(&b.series).next() {
            return Some(format!("both appear at {s}"));
        }
        None
    };
    for members in by_surname.values() {
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                let (a, b) = (&forms[i], &forms[j]);
                let (ga, gb) = (words[i][0], words[j][0]);
                if words[i].len() != words[j].len() && ga == gb {
                    continue; // a middle name or initial; left to the exact rules
                }
                if let Some(formal) = nicknames::same_given_name(ga, gb) {
                    let pair = format!("`{}` and `{}` are short and full forms of {formal}", a.shown(), b.shown());
                    match corroboration(a, b) {
                        Some(c) => merge(&mut groups, i, j, format!("{pair}, same surname, and {c}"), &mut near_misses),
                        None => {
                            near_misses.insert(NearMiss { a: a.shown().to_owned(), b: b.shown().to_owned(), reason: format!("{pair} with the same surname, but nothing corroborates it (no shared handle, organisation, notes file or series)") });
                        }
                    }
                } else if ga != gb {
                    near_misses.insert(NearMiss {
                        a: a.shown().to_owned(),
                        b: b.shown().to_owned(),
                        reason: "same surname, different given names: different people".into(),
                    });
                }
            }
        }
    }
    for members in by_given.values() {
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                let (a, b) = (&forms[i], &forms[j]);
                let (sa, sb) = (words[i][words[i].len() - 1], words[j][words[j].len() - 1]);
                if sa == sb || sa.len().min(sb.len()) < 4 || strsim::damerau_levenshtein(sa, sb) != 1 {
                    continue;
                }
                let pair = format!("`{}` and `{}` differ by one letter in the surname", a.shown(), b.shown());
                let only_mentioned = match (a.speaker, b.speaker) {
                    (true, false) => Some(b),
                    (false, true) => Some(a),
                    _ => None,
                };
                if let Some(c) = corroboration(a, b) {
                    merge(&mut groups, i, j, format!("{pair} and {c}"), &mut near_misses);
                } else if let Some(typo) = only_mentioned.filter(|t| t.mentions.len() == 1) {
                    let why = format!(
                        "{pair}; `{}` is mentioned once ({}) and never speaks, so it reads as a misspelling of the speaker",
                        typo.shown(),
                        typo.first_place()
                    );
                    merge(&mut groups, i, j, why, &mut near_misses);
                } else {
                    near_misses.insert(NearMiss {
                        a: a.shown().to_owned(),
                        b: b.shown().to_owned(),
                        reason: format!("{pair}, but nothing corroborates it"),
                    });
                }
            }
        }
    }
    // 8. a second surname added (`Maria Lopez` / `Maria Lopez Garcia`), with the same corroboration.
    for members in by_given.values() {
        for &i in members {
            let longer: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&j| words[j].len() == words[i].len() + 1 && words[j][..words[i].len()] == words[i][..])
                .collect();
            // `Maria Lopez` with both `… Garcia` and `… Fernandez` at her series could be either: none.
            let backed = longer.iter().filter(|&&j| corroboration(&forms[i], &forms[j]).is_some()).count();
            for &j in &longer {
                let pair = format!("`{}` adds a second surname to `{}`", forms[j].shown(), forms[i].shown());
                let corroborated = corroboration(&forms[i], &forms[j]).filter(|_| backed == 1);
                match corroborated {
                    Some(c) => merge(&mut groups, i, j, format!("{pair}, and {c}"), &mut near_misses),
                    None => {
                        near_misses.insert(NearMiss {
                            a: forms[i].shown().to_owned(),
                            b: forms[j].shown().to_owned(),
                            reason: format!("{pair}, but nothing corroborates it"),
                        });
                    }
                }
            }
        }
    }

    // Build people from groups.
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..forms.len() {
        members.entry(groups.root(i)).or_default().push(i);
    }
    let mut people: Vec<Person> = Vec::new();
    let mut keys_of: Vec<Vec<String>> = Vec::new();
    for (_, group) in members {
        let ms: Vec<&Mention> = {
            let mut v: Vec<&Mention> = group.iter().flat_map(|&i| forms[i].mentions.iter().copied()).collect();
            v.sort_by(|a, b| {
                (&a.source, &a.person.name, &a.conference).cmp(&(&b.source, &b.person.name, &b.conference))
            });
            v
        };
        if ms.is_empty() {
            continue;
        }
        let name = canonical_name(&ms);
        let mut aliases: BTreeSet<String> = BTreeSet::new();
        let mut handles: BTreeSet<String> = BTreeSet::new();
        let mut affiliations = Vec::new();
        let mut former = Vec::new();
        for m in &ms {
            if m.person.name != name {
                aliases.insert(m.person.name.clone());
            }
            aliases.extend(m.person.aliases.iter().filter(|a| **a != name).cloned());
            handles.extend(m.person.handles.iter().cloned());
            for a in &m.person.affiliations {
                if !affiliations.contains(a) {
                    affiliations.push(a.clone());
                }
            }
            for a in &m.person.former_affiliations {
                if !former.contains(a) {
                    former.push(a.clone());
                }
            }
        }
        let mut merge_reasons: Vec<String> =
            group.iter().flat_map(|i| reasons.get(i).into_iter().flatten().cloned()).collect();
        let folded: BTreeSet<&str> = ms
            .iter()
            .filter(|m| name_key(&m.person.name) == name_key(&name) && m.person.name != name)
            .map(|m| m.person.name.as_str())
            .collect();
        if !folded.is_empty() {
            let list: Vec<String> = folded.iter().map(|f| format!("`{f}`")).collect();
            merge_reasons.push(format!(
                "{} and `{name}` are the same name once accents, case and dots are folded",
                list.join(", ")
            ));
        }
        merge_reasons.sort();
        merge_reasons.dedup();
        keys_of.push(group.iter().map(|&i| forms[i].key.clone()).collect());
        people.push(Person {
            id: Arc::from(""),
            name,
            aliases: aliases.into_iter().collect(),
            handles: handles.into_iter().collect(),
            affiliations,
            former_affiliations: former,
            mentions: ms
                .iter()
                .map(|m| PersonMention {
                    source: m.source.clone(),
                    conference: m.conference.clone(),
                    as_speaker: m.as_speaker,
                })
                .collect(),
            merge_reasons,
        });
    }
    let order = assign_ids(&mut people);
    let people: Vec<Person> = order.iter().map(|&i| people[i].clone()).collect();
    let keys_of: Vec<Vec<String>> = order.iter().map(|&i| keys_of[i].clone()).collect();
    let mut by_key = BTreeMap::new();
    for (i, (p, keys)) in people.iter().zip(&keys_of).enumerate() {
        for k in keys {
            by_key.insert(k.clone(), i);
        }
        by_key.insert(name_key(&p.name), i);
        for a in &p.aliases {
            by_key.insert(name_key(a), i);
        }
    }
    // A near-miss is only interesting while the two are still apart.
    let near_misses =
        near_misses.into_iter().filter(|n| by_key.get(&name_key(&n.a)) != by_key.get(&name_key(&n.b))).collect();
    People { people, by_key, near_misses }
}

/// The canonical name of a group of mentions.
fn canonical_name(ms: &[&Mention]) -> String {
    let mut counts: BTreeMap<&str, (usize, bool)> = BTreeMap::new();
    for m in ms {
        let e = counts.entry(m.person.name.as_str()).or_default();
        e.0 += 1;
        e.1 |= m.as_speaker;
    }
    // A full name over a handle or a lone first name, then the most used, then a speaker's
    // spelling over a prose mention's, then the longer.
    let rank = |n: &str, (c, speaker): (usize, bool)| (!n.starts_with('@'), n.contains(' '), c, speaker, n.len());
    let mut best: Option<(&str, (usize, bool))> = None;
    // BTreeMap order makes the first of equal ranks the alphabetically first form.
    for (&n, &c) in &counts {
        if best.is_none_or(|(b, bc)| rank(n, c) > rank(b, bc)) {
            best = Some((n, c));
        }
    }
    best.map(|(n, _)| n.to_owned()).unwrap_or_default()
}

/// Slug ids, made unique with `-2`, `-3` in order of the canonical name; returns the order of
/// people sorted by id.
fn assign_ids(people: &mut [Person]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..people.len()).collect();
    order.sort_by(|&a, &b| {
        name_key(&people[a].name).cmp(&name_key(&people[b].name)).then(people[a].name.cmp(&people[b].name))
    });
    let mut used: BTreeSet<String> = BTreeSet::new();
    for &i in &order {
        let base = match slug(&people[i].name) {
            s if s.is_empty() => "person".to_owned(),
            s => s,
        };
        let mut id = base.clone();
        let mut n = 2;
        while used.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        used.insert(id.clone());
        people[i].id = id.into();
    }
    order.sort_by(|&a, &b| people[a].id.cmp(&people[b].id));
    order
}

#[cfg(test)]
mod tests;

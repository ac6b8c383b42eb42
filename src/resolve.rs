//! Identity resolution: one [`Person`] per human from every name mention, with every name form
//! kept as an alias and the reason for each merge.
//!
//! This stage merges only what is certainly the same person: the same name once case, accents,
//! dots and spacing are folded (`Łukasz Langa` = `Lukasz Langa`), and the alternatives a single
//! speaker line gives (`Lady Red / Christopher Beacham`). Grouping happens on sorted keys, so the
//! result does not depend on file order.

use std::collections::{BTreeMap, BTreeSet};

use crate::ids::{fold_to_ascii, slug};
use crate::model::{Mention, SourceLine};

/// A person with every way the notes name them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Slug id, `christy-heaton`.
    pub id: String,
    /// The canonical name: the form the notes use most.
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

/// The key two name forms share when they are the same name: folded accents, lower case, no dots.
#[must_use]
pub fn name_key(name: &str) -> String {
    fold_to_ascii(name)
        .to_lowercase()
        .replace(['.', '’', '\''], "")
        .split_whitespace()
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
}

impl People {
    /// The person a name form belongs to.
    #[must_use]
    pub fn lookup(&self, name: &str) -> Option<&Person> {
        self.by_key.get(&name_key(name)).map(|&i| &self.people[i])
    }
}

/// The root of `k` in a union-find stored as a map, compressing the path it walked.
fn find(parent: &mut BTreeMap<String, String>, k: &str) -> String {
    let mut root = k.to_owned();
    while let Some(p) = parent.get(&root).filter(|p| **p != root) {
        root = p.clone();
    }
    parent.insert(k.to_owned(), root.clone());
    root
}

/// Groups mentions into people.
#[must_use]
pub fn resolve_people(mentions: &[Mention]) -> People {
    // Union-find over name keys; a speaker line's alternatives join their keys.
    let mut parent: BTreeMap<String, String> = BTreeMap::new();
    let mut reasons: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for m in mentions {
        let key = name_key(&m.person.name);
        if key.is_empty() {
            continue;
        }
        parent.entry(key.clone()).or_insert_with(|| key.clone());
        for alias in &m.person.aliases {
            let ak = name_key(alias);
            parent.entry(ak.clone()).or_insert_with(|| ak.clone());
            let (a, b) = (find(&mut parent, &key), find(&mut parent, &ak));
            if a != b {
                let (lo, hi) = if a < b { (a, b) } else { (b, a) };
                parent.insert(hi, lo);
            }
            reasons.entry(key.clone()).or_default().insert(format!(
                "`{alias}` and `{}` are given as one speaker at {}:{}",
                m.person.name, m.source.file, m.source.line
            ));
        }
    }
    let keys: Vec<String> = parent.keys().cloned().collect();
    let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for k in keys {
        let root = find(&mut parent, &k);
        groups.entry(root).or_default().push(k);
    }
    let mut by_root: BTreeMap<String, Vec<&Mention>> = BTreeMap::new();
    for m in mentions {
        let key = name_key(&m.person.name);
        if key.is_empty() {
            continue;
        }
        let root = find(&mut parent, &key);
        by_root.entry(root).or_default().push(m);
    }
    let mut people: Vec<Person> = Vec::new();
    for (root, mut ms) in by_root {
        ms.sort_by(|a, b| (&a.source, &a.person.name).cmp(&(&b.source, &b.person.name)));
        let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for m in &ms {
            let e = counts
                .entry(m.person.name.as_str())
                .or_insert((0, usize::from(m.as_speaker)));
            e.0 += 1;
        }
        // The most used form; ties go to the longer (fuller) name, then to the first in order.
        let name = counts
            .iter()
            .max_by(|a, b| {
                (a.1.0, a.0.len(), std::cmp::Reverse(*a.0)).cmp(&(
                    b.1.0,
                    b.0.len(),
                    std::cmp::Reverse(*b.0),
                ))
            })
            .map(|(n, _)| (*n).to_owned())
            .unwrap_or_default();
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
        let mut merge_reasons: Vec<String> = groups
            .get(&root)
            .into_iter()
            .flatten()
            .flat_map(|k| reasons.get(k).into_iter().flatten().cloned())
            .collect();
        let forms: BTreeSet<&str> = ms.iter().map(|m| m.person.name.as_str()).collect();
        if forms.len() > 1 {
            let list: Vec<String> = forms.iter().map(|f| format!("`{f}`")).collect();
            merge_reasons.push(format!(
                "{} are the same name once case, accents and dots are folded",
                list.join(", ")
            ));
        }
        merge_reasons.sort();
        merge_reasons.dedup();
        let mentions = ms
            .iter()
            .map(|m| PersonMention {
                source: m.source.clone(),
                conference: m.conference.clone(),
                as_speaker: m.as_speaker,
            })
            .collect();
        people.push(Person {
            id: String::new(),
            name,
            aliases: aliases.into_iter().collect(),
            handles: handles.into_iter().collect(),
            affiliations,
            former_affiliations: former,
            mentions,
            merge_reasons,
        });
    }
    assign_ids(&mut people);
    people.sort_by(|a, b| a.id.cmp(&b.id));
    let mut by_key = BTreeMap::new();
    for (i, p) in people.iter().enumerate() {
        by_key.insert(name_key(&p.name), i);
        for a in &p.aliases {
            by_key.insert(name_key(a), i);
        }
    }
    People { people, by_key }
}

/// Slug ids, made unique with `-2`, `-3` in order of the canonical name.
fn assign_ids(people: &mut [Person]) {
    people.sort_by(|a, b| {
        name_key(&a.name)
            .cmp(&name_key(&b.name))
            .then(a.name.cmp(&b.name))
    });
    let mut used: BTreeSet<String> = BTreeSet::new();
    for p in people.iter_mut() {
        let base = match slug(&p.name) {
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
        p.id = id;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NameRef;

    fn mention(name: &str, file: &str, line: u32) -> Mention {
        Mention {
            person: NameRef::named(name),
            conference: "c-2024".into(),
            as_speaker: true,
            source: SourceLine {
                file: file.into(),
                line,
            },
        }
    }

    #[test]
    fn folded_forms_merge_with_a_reason() {
        let p = resolve_people(&[
            mention("Łukasz Langa", "a", 1),
            mention("Lukasz Langa", "b", 2),
            mention("Łukasz Langa", "c", 3),
        ]);
        assert_eq!(p.people.len(), 1);
        assert_eq!(p.people[0].name, "Łukasz Langa");
        assert_eq!(p.people[0].aliases, vec!["Lukasz Langa".to_owned()]);
        assert_eq!(p.people[0].id, "lukasz-langa");
        assert_eq!(p.people[0].merge_reasons.len(), 1);
    }

    #[test]
    fn look_alikes_stay_apart() {
        let p = resolve_people(&[
            mention("Erin Allard", "a", 1),
            mention("Tania Allard", "a", 2),
        ]);
        assert_eq!(p.people.len(), 2);
    }

    #[test]
    fn alias_line_joins_forms() {
        let mut m = mention("Christopher Beacham", "a", 5);
        m.person.aliases.push("Lady Red".into());
        let p = resolve_people(&[m, mention("Lady Red", "b", 9)]);
        assert_eq!(p.people.len(), 1);
        assert_eq!(
            p.lookup("lady red").map(|x| x.id.as_str()),
            Some("christopher-beacham")
        );
    }
}

//! From merged groups of forms to [`Person`]s: the canonical name, aliases, handles,
//! affiliations, mentions and merge evidence of each, and unique slug ids.

use std::collections::{BTreeMap, BTreeSet};

use super::evidence::Evidence;
use super::merger::Merger;
use super::{People, Person, PersonMention, name_key};
use crate::ids::{PersonId, slug};
use crate::model::{Mention, SourceLine};

/// The people the merger's groups make, sorted by id, with the lookup from every name key.
#[must_use]
pub fn assemble(mut merger: Merger<'_, '_>) -> People {
    let forms = merger.forms;
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..forms.forms.len() {
        members.entry(merger.root(i)).or_default().push(i);
    }
    let mut people: Vec<(Person, Vec<String>)> = Vec::new();
    for group in members.into_values() {
        let mut ms: Vec<&Mention> = group.iter().flat_map(|&i| forms.forms[i].mentions.iter().copied()).collect();
        ms.sort_by(|a, b| (&a.source, &a.person.name, &a.conference).cmp(&(&b.source, &b.person.name, &b.conference)));
        if ms.is_empty() {
            continue;
        }
        let evidence = group.iter().flat_map(|i| merger.evidence.get(i).into_iter().flatten().cloned()).collect();
        let keys = group.iter().map(|&i| forms.forms[i].key.clone()).collect();
        people.push((person(&ms, evidence), keys));
    }
    let order = assign_ids(&mut people);
    let mut by_key = BTreeMap::new();
    let mut sorted = Vec::with_capacity(people.len());
    let mut slots: Vec<Option<(Person, Vec<String>)>> = people.into_iter().map(Some).collect();
    for (i, &at) in order.iter().enumerate() {
        let Some((p, keys)) = slots[at].take() else { continue };
        let names = std::iter::once(&p.name).chain(&p.aliases).map(|n| name_key(n));
        for k in keys.into_iter().chain(names) {
            by_key.insert(k, i);
        }
        sorted.push(p);
    }
    // A near-miss is only interesting while the two are still apart.
    let near_misses = std::mem::take(&mut merger.near_misses)
        .into_iter()
        .filter(|n| by_key.get(&name_key(&n.a)) != by_key.get(&name_key(&n.b)))
        .collect();
    People { people: sorted, by_key, near_misses }
}

/// One person from the mentions of a group, sorted by place, and the evidence of its merges.
fn person(ms: &[&Mention], mut merge_reasons: Vec<Evidence>) -> Person {
    let name = canonical_name(ms);
    let mut aliases: BTreeSet<String> = BTreeSet::new();
    let mut handles: BTreeSet<String> = BTreeSet::new();
    let (mut affiliations, mut former) = (Vec::new(), Vec::new());
    for m in ms {
        if m.person.name != name {
            aliases.insert(m.person.name.clone());
        }
        aliases.extend(m.person.aliases.iter().filter(|a| **a != name).cloned());
        handles.extend(m.person.handles.iter().cloned());
        push_new(&mut affiliations, &m.person.affiliations);
        push_new(&mut former, &m.person.former_affiliations);
    }
    let folded: BTreeSet<&str> = ms
        .iter()
        .filter(|m| m.person.name != name && name_key(&m.person.name) == name_key(&name))
        .map(|m| m.person.name.as_str())
        .collect();
    if !folded.is_empty() {
        let forms = folded.into_iter().map(str::to_owned).collect();
        merge_reasons.push(Evidence::SameName { forms, name: name.clone() });
    }
    // Shown in the order of their words, as they always were.
    merge_reasons.sort_by_cached_key(ToString::to_string);
    merge_reasons.dedup();
    Person {
        id: PersonId::default(),
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
    }
}

fn push_new(into: &mut Vec<String>, from: &[String]) {
    for a in from {
        if !into.contains(a) {
            into.push(a.clone());
        }
    }
}

/// The canonical name of a group of mentions.
fn canonical_name(ms: &[&Mention]) -> String {
    let mut places: BTreeMap<&str, (BTreeSet<&SourceLine>, bool)> = BTreeMap::new();
    for m in ms {
        let e = places.entry(m.person.name.as_str()).or_default();
        e.0.insert(&m.source);
        e.1 |= m.as_speaker;
    }
    // (One line that names someone twice, as a speaker and in its prose, is one use.)
    let counts: BTreeMap<&str, (usize, bool)> = places.into_iter().map(|(n, (p, s))| (n, (p.len(), s))).collect();
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
fn assign_ids(people: &mut [(Person, Vec<String>)]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..people.len()).collect();
    order.sort_by(|&a, &b| {
        let (pa, pb) = (&people[a].0, &people[b].0);
        name_key(&pa.name).cmp(&name_key(&pb.name)).then(pa.name.cmp(&pb.name))
    });
    let mut used: BTreeSet<String> = BTreeSet::new();
    for &i in &order {
        let base = match slug(&people[i].0.name) {
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
        people[i].0.id = id.into();
    }
    order.sort_by(|&a, &b| people[a].0.id.cmp(&people[b].0.id));
    order
}

//! A handle that names a person: a full name run together (`@JessicaGarson`), or a handle a
//! person's own link or handle carries (`twitter.com/ucodery`, `slides.ucodery.com` on a talk
//! Jeremiah Paige gave alone). A handle that fits several people names none of them.

use std::collections::{BTreeMap, BTreeSet};

use crate::resolve::Overrides;
use crate::resolve::evidence::{Apart, Evidence};
use crate::resolve::forms::{FormIndex, tokens_of};
use crate::resolve::merger::Merger;

/// Merges each handle with the one person it names.
pub fn apply(m: &mut Merger<'_, '_>, _: &Overrides) {
    let forms = m.forms;
    let mut by_spelling: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut by_token: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for &j in &forms.full {
        by_spelling.entry(forms.words[j].concat()).or_default().push(j);
        for t in &forms.forms[j].tokens {
            by_token.entry(t.as_str()).or_default().push(j);
        }
    }
    for (i, f) in forms.forms.iter().enumerate().filter(|(_, f)| f.is_handle()) {
        let token = f.key.trim_start_matches('@');
        // Each form named, and whether by its spelling (which wins when it also carries the token).
        let spelled = by_spelling.get(token).into_iter().flatten().map(|&j| (j, true));
        let carried = by_token.get(token).into_iter().flatten().map(|&j| (j, false));
        let mut named: Vec<(usize, bool)> = spelled.chain(carried).collect();
        named.sort_unstable_by_key(|&(j, spelled)| (j, !spelled));
        named.dedup_by_key(|(j, _)| *j);
        let roots: BTreeSet<usize> = named.iter().map(|&(j, _)| m.root(j)).collect();
        match roots.len() {
            0 => {}
            1 => {
                let (j, spelled) = named[0];
                m.merge(j, i, evidence(forms, i, j, spelled));
            }
            _ => {
                for &(j, _) in &named {
                    m.keep_apart(i, j, Apart::AmbiguousHandle { token: token.to_owned() });
                }
            }
        }
    }
}

/// Why handle form `i` names form `j`.
fn evidence(forms: &FormIndex<'_>, i: usize, j: usize, spelled: bool) -> Evidence {
    let (f, g) = (&forms.forms[i], &forms.forms[j]);
    let (handle, place, name) = (f.shown().to_owned(), f.first_place(), g.shown().to_owned());
    if spelled {
        return Evidence::HandleSpells { handle, place, name };
    }
    let token = f.key.trim_start_matches('@');
    let link = g
        .mentions
        .iter()
        .flat_map(|m| m.person.links.iter().chain(&m.person.handles))
        .find(|l| tokens_of(l, true).iter().any(|t| t == token))
        .cloned();
    Evidence::HandleCarried { handle, place, link, name, name_place: g.first_place() }
}

#[cfg(test)]
mod tests {
    use crate::resolve::resolve_people;
    use crate::resolve::tests::{at, ids};

    fn reasons(p: &crate::resolve::People) -> String {
        p.people[0].merge_reasons.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
    }

    #[test]
    fn handle_in_a_slides_link_names_jeremiah_paige() {
        let mut handle = at("@ucodery", "2022.md", 165, "pycascades-2022", true);
        handle.person.handles.push("twitter.com/ucodery".into());
        let mut jeremiah = at("Jeremiah Paige", "2024.md", 173, "pycascades-2024", true);
        jeremiah.person.links.push("http://slides.ucodery.com/intro-to-introspection".into());
        let p = resolve_people(&[handle, jeremiah, at("Jeremiah Paige", "2025.md", 48, "pycascades-2025", true)]);
        assert_eq!(p.people.len(), 1, "{:?}", ids(&p));
        assert_eq!(p.people[0].name, "Jeremiah Paige");
        assert!(reasons(&p).contains("slides.ucodery.com"), "{}", reasons(&p));
    }

    #[test]
    fn a_handle_that_fits_two_people_names_neither() {
        // `@annalee` spells Anna Lee and is in Ann Smith's link: two people, so neither. Anna Lee
        // alone, spelling it and carrying it, is named, for the spelling.
        let mut handle = at("@annalee", "a.md", 1, "pycascades-2024", true);
        handle.person.handles.push("@annalee".into());
        let mut smith = at("Ann Smith", "b.md", 2, "pycascades-2024", true);
        smith.person.links.push("https://annalee.example.org/talk".into());
        let p = resolve_people(&[handle.clone(), smith.clone(), at("Anna Lee", "c.md", 3, "pycon-us-2019", true)]);
        assert_eq!(p.people.len(), 3, "{:?}", ids(&p));
        let several: Vec<&str> = p
            .near_misses
            .iter()
            .filter(|n| n.to_string().contains("fits several people"))
            .map(|n| n.b.as_str())
            .collect();
        assert_eq!(several, ["Ann Smith", "Anna Lee"], "{:?}", p.near_misses);
        // The link alone names Ann Smith.
        let p = resolve_people(&[handle.clone(), smith]);
        assert_eq!(p.people.len(), 1, "{:?}", ids(&p));
        assert!(reasons(&p).contains("is also in"), "{}", reasons(&p));
        let mut lee = at("Anna Lee", "c.md", 3, "pycon-us-2019", true);
        lee.person.handles.push("@annalee".into());
        let p = resolve_people(&[handle, lee]);
        assert_eq!(p.people.len(), 1, "{:?}", ids(&p));
        assert!(reasons(&p).contains("spells the name"), "{}", reasons(&p));
    }
}

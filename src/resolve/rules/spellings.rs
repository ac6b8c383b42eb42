//! The same name spelt another way is one person: umlauts written out (`Jürgen Müller` /
//! `Juergen Mueller`), `ß` as `ss`, `ø`/`æ`/`å` as `oe`/`ae`/`aa`, and a hyphen or a space between
//! two given names or surnames (`Jean-Pierre` / `Jean Pierre`). Like accents, which fold into one
//! form from the start, a spelling needs no corroboration.

use std::collections::BTreeMap;

use crate::resolve::evidence::Evidence;
use crate::resolve::merger::Merger;
use crate::resolve::{Overrides, name_key};

/// Letters whose written-out spelling is two ASCII letters.
const WRITTEN_OUT: &[(char, &str)] =
    &[('ä', "ae"), ('ö', "oe"), ('ü', "ue"), ('ß', "ss"), ('ø', "oe"), ('æ', "ae"), ('å', "aa"), ('œ', "oe")];

/// A name's spelling key: letters written out, hyphens as spaces, then folded like [`name_key`].
///
/// ```
/// use confgraph::resolve::rules::spelling_key;
/// assert_eq!(spelling_key("Jürgen Müller"), spelling_key("Juergen Mueller"));
/// assert_eq!(spelling_key("Jean-Pierre Dubois"), spelling_key("Jean Pierre Dubois"));
/// assert_ne!(spelling_key("Jurgen Muller"), spelling_key("Juergen Mueller"));
/// ```
#[must_use]
pub fn spelling_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for c in name.chars().flat_map(char::to_lowercase) {
        match WRITTEN_OUT.iter().find(|(letter, _)| *letter == c) {
            Some((_, spelt)) => out.push_str(spelt),
            None if c == '-' || c == '‐' => out.push(' '),
            None => out.push(c),
        }
    }
    name_key(&out)
}

/// Merges forms whose written names share a spelling key.
pub fn apply(m: &mut Merger<'_, '_>, _: &Overrides) {
    let forms = m.forms;
    let mut by_key: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, f) in forms.forms.iter().enumerate().filter(|(_, f)| !f.is_handle()) {
        let mut keys: Vec<String> = f.mentions.iter().map(|x| spelling_key(&x.person.name)).collect();
        keys.push(spelling_key(&f.key));
        keys.sort_unstable();
        keys.dedup();
        for key in keys.into_iter().filter(|k| k.contains(' ')) {
            by_key.entry(key).or_default().push(i);
        }
    }
    for group in by_key.values().filter(|g| g.len() > 1) {
        let first = group[0];
        for &j in &group[1..] {
            let (a, b) = (forms.forms[first].shown().to_owned(), forms.forms[j].shown().to_owned());
            m.merge(first, j, Evidence::Spelling { a, b });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::resolve::resolve_people;
    use crate::resolve::tests::{at, ids, one_person};

    #[test]
    fn written_out_umlauts_and_hyphens_are_the_same_name() {
        let p = resolve_people(&[
            at("Jürgen Müller", "a.md", 1, "gophercon-eu-2019", true),
            at("Juergen Mueller", "b.md", 2, "rustconf-2022", false),
            at("Jean-Pierre Dubois", "c.md", 3, "dotjs-2018", true),
            at("Jean Pierre Dubois", "d.md", 4, "jsconf-eu-2019", true),
            at("Søren Ødegaard", "e.md", 5, "jfokus-2020", true),
            at("Soeren Oedegaard", "f.md", 6, "devoxx-2021", true),
        ]);
        assert_eq!(p.people.len(), 3, "{:?}", ids(&p));
        assert!(one_person(&p, "Jürgen Müller", "Juergen Mueller"));
        assert!(one_person(&p, "Jean-Pierre Dubois", "Jean Pierre Dubois"));
        assert!(p.people.iter().any(|x| x.merge_reasons.iter().any(|r| r.to_string().contains("spelt"))));
    }

    #[test]
    fn a_dropped_e_is_not_a_spelling() {
        let p = resolve_people(&[
            at("Jurgen Muller", "a.md", 1, "gophercon-eu-2019", true),
            at("Juergen Mueller", "b.md", 2, "rustconf-2022", false),
        ]);
        assert_eq!(p.people.len(), 2, "{:?}", ids(&p));
    }
}

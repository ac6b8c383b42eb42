//! A first name alone joins the full name, when exactly one person of that first name is named
//! in the same notes file.

use std::collections::BTreeSet;

use crate::resolve::Overrides;
use crate::resolve::evidence::Evidence;
use crate::resolve::merger::Merger;

/// Merges each lone first name with the only full name it can mean.
pub fn apply(m: &mut Merger<'_, '_>, _: &Overrides) {
    let forms = m.forms;
    for (i, f) in forms.forms.iter().enumerate().filter(|(i, f)| !f.is_handle() && forms.words[*i].len() == 1) {
        let candidates: Vec<usize> = forms
            .by_given
            .get(f.key.as_str())
            .into_iter()
            .flatten()
            .copied()
            .filter(|&j| !forms.forms[j].files.is_disjoint(&f.files))
            .collect();
        let roots: BTreeSet<usize> = candidates.iter().map(|&j| m.root(j)).collect();
        if roots.len() == 1 {
            let j = candidates[0];
            let why = Evidence::FirstName {
                first: f.shown().to_owned(),
                place: f.first_place(),
                name: forms.forms[j].shown().to_owned(),
            };
            m.merge(j, i, why);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::resolve::resolve_people;
    use crate::resolve::tests::{at, ids, one_person};

    #[test]
    fn a_first_name_alone_joins_the_only_person_of_that_name_in_the_file() {
        let p = resolve_people(&[
            at("Sumana Harihareswara", "recap.md", 712, "pycon-us-2024", true),
            at("Sumana", "recap.md", 716, "pycon-us-2024", false),
            at("Mariatta", "2024.md", 899, "pycascades-2024", true),
        ]);
        assert!(one_person(&p, "Sumana", "Sumana Harihareswara"));
        assert_eq!(p.people.len(), 2);
    }

    #[test]
    fn a_first_name_that_fits_two_people_in_the_file_joins_neither() {
        let p = resolve_people(&[
            at("Sumana Harihareswara", "recap.md", 712, "pycon-us-2024", true),
            at("Sumana Rao", "recap.md", 714, "pycon-us-2024", true),
            at("Sumana", "recap.md", 716, "pycon-us-2024", false),
        ]);
        assert_eq!(p.people.len(), 3, "{:?}", ids(&p));
    }
}

//! A first name alone joins the full name: when exactly one person of that first name is named
//! in the same notes file, or else when exactly one is named in the whole corpus and something
//! corroborates it (the same series, organisation or handle).

use std::collections::BTreeSet;

use crate::resolve::Overrides;
use crate::resolve::evidence::{Apart, Evidence};
use crate::resolve::merger::Merger;
use crate::resolve::nicknames;

/// Merges each lone first name with the only full name it can mean.
pub fn apply(m: &mut Merger<'_, '_>, _: &Overrides) {
    let forms = m.forms;
    for (i, f) in forms.forms.iter().enumerate().filter(|(i, f)| !f.is_handle() && forms.words[*i].len() == 1) {
        let everyone: &[usize] = forms.by_given.get(f.key.as_str()).map_or(&[], Vec::as_slice);
        let in_file: Vec<usize> =
            everyone.iter().copied().filter(|&j| !forms.forms[j].files.is_disjoint(&f.files)).collect();
        let first = f.shown().to_owned();
        // (`Kate`, already Katherine "Kate" Jones, is no lone first name to resolve again.)
        if forms.full.iter().any(|&j| m.root(j) == m.root(i)) {
            continue;
        }
        if !in_file.is_empty() {
            if let Some(j) = only_person(m, &in_file) {
                let why =
                    Evidence::FirstName { first, place: f.first_place(), name: forms.forms[j].shown().to_owned() };
                m.merge(j, i, why);
            }
            continue;
        }
        // (`Alex` beside `Alexandra Lee` in its file may be her: not the corpus's only Alex.)
        let short_for_one_here = forms.full.iter().any(|&j| {
            !forms.forms[j].files.is_disjoint(&f.files)
                && nicknames::same_given_name(&f.key, &forms.words[j][0]).is_some()
        });
        if short_for_one_here {
            continue;
        }
        let Some(j) = only_person(m, everyone) else { continue };
        match f.corroboration(&forms.forms[j]) {
            Some(by) => {
                let name = forms.forms[j].shown().to_owned();
                m.merge(j, i, Evidence::FirstNameInCorpus { first, place: f.first_place(), name, by });
            }
            None => m.keep_apart(i, j, Apart::FirstNameAlone),
        }
    }
}

/// The one form, among `candidates`, of the one person they all are (none when they are several).
fn only_person(m: &mut Merger<'_, '_>, candidates: &[usize]) -> Option<usize> {
    let roots: BTreeSet<usize> = candidates.iter().map(|&j| m.root(j)).collect();
    (roots.len() == 1).then(|| candidates[0])
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

    #[test]
    fn a_first_name_joins_the_only_person_of_that_name_in_the_corpus_with_corroboration() {
        let p = resolve_people(&[
            at("Mariatta Wijaya", "2019.txt", 30, "pycon-us-2019", true),
            at("Mariatta", "recap.md", 716, "pycon-us-2024", true),
            at("Ravi Patel", "a.md", 1, "rustconf-2022", true),
            at("Ravi", "b.md", 2, "pycascades-2024", true),
        ]);
        assert!(one_person(&p, "Mariatta", "Mariatta Wijaya"), "{:?}", ids(&p));
        assert!(!one_person(&p, "Ravi", "Ravi Patel"));
        assert!(p.near_misses.iter().any(|n| n.to_string().contains("only Ravi")), "{:?}", p.near_misses);
    }
}

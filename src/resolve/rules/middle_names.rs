//! A middle name or initial, or a second given name, added or dropped (`Reuven M. Lerner` /
//! `Reuven Lerner`, `Anna Maria Rossi` / `Anna Rossi`, `John F. Smith` / `John Fitzgerald Smith`)
//! is one person when something corroborates it and exactly one fuller form fits. Middle parts
//! that disagree (`John A. Smith` / `John B. Smith`) are different people.

use std::collections::{BTreeMap, BTreeSet};

use crate::resolve::Overrides;
use crate::resolve::evidence::{Apart, Evidence};
use crate::resolve::merger::Merger;

/// How the middle parts of two names with the same first and last word relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Middle {
    /// The second name says more: every middle part of the first is in it, in order.
    Fuller,
    /// The first name says more.
    Shorter,
    /// They name different middle parts.
    Conflict,
    /// They say the same.
    Same,
}

/// Compares the middle parts of two names (given names between the first and the surname; an
/// initial fits any word that starts with it).
///
/// ```
/// use confgraph::resolve::rules::{Middle, compare_middles};
/// assert_eq!(compare_middles(&[], &["m"]), Middle::Fuller);
/// assert_eq!(compare_middles(&["m"], &["michael"]), Middle::Fuller);
/// assert_eq!(compare_middles(&["a"], &["b"]), Middle::Conflict);
/// assert_eq!(compare_middles(&["maria", "luisa"], &["maria"]), Middle::Shorter);
/// ```
#[must_use]
pub fn compare_middles(a: &[&str], b: &[&str]) -> Middle {
    if a == b {
        Middle::Same
    } else if fits_in(a, b) {
        Middle::Fuller
    } else if fits_in(b, a) {
        Middle::Shorter
    } else {
        Middle::Conflict
    }
}

/// Whether every part of `short` is, in order, a part of `long` or an initial of one, and `long`
/// says more (a part more, or a full word where `short` has an initial).
fn fits_in(short: &[&str], long: &[&str]) -> bool {
    let mut rest = long.iter();
    let mut more = long.len() > short.len();
    for s in short {
        let Some(l) = rest.by_ref().find(|l| part_fits(s, l)) else { return false };
        more |= s.len() == 1 && l.len() > 1;
    }
    more
}

fn part_fits(short: &str, long: &str) -> bool {
    short == long || (short.len() == 1 && long.starts_with(short))
}

/// A full name's parts. (A hyphen joins one part: `Anne-Marie` is not `Anne` with a second given
/// name, nor `Garcia-Lopez` a middle `Garcia`; hyphen against space is the spelling rule's.)
fn parts(words: &[String]) -> Vec<&str> {
    words.iter().map(String::as_str).collect()
}

/// Compares full names with the same first word and surname.
pub fn apply(m: &mut Merger<'_, '_>, _: &Overrides) {
    let forms = m.forms;
    let mut by_ends: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
    for &i in &forms.full {
        let p = parts(&forms.words[i]);
        if p.len() >= 2 {
            by_ends.entry((p[0], p[p.len() - 1])).or_default().push(i);
        }
    }
    for mut members in by_ends.into_values().filter(|v| v.len() > 1) {
        // The fullest forms first, so a bare name meets the groups they already made.
        members.sort_by_key(|&i| {
            let p = parts(&forms.words[i]);
            (std::cmp::Reverse((p.len(), p.iter().map(|w| w.len()).sum::<usize>())), i)
        });
        for &i in &members {
            join_fuller(m, i, &members);
        }
    }
}

/// Joins form `i` to the one fuller form among `others` that fits it and is corroborated.
fn join_fuller(m: &mut Merger<'_, '_>, i: usize, others: &[usize]) {
    let forms = m.forms;
    let pi = parts(&forms.words[i]);
    let mid_i = &pi[1..pi.len() - 1];
    let mut fits = Vec::new();
    for &j in others.iter().filter(|&&j| j != i) {
        let pj = parts(&forms.words[j]);
        match compare_middles(mid_i, &pj[1..pj.len() - 1]) {
            Middle::Fuller => fits.push(j),
            Middle::Conflict if i < j => m.keep_apart(i, j, Apart::DifferentMiddleNames),
            Middle::Conflict | Middle::Same | Middle::Shorter => {}
        }
    }
    let fi = &forms.forms[i];
    let roots: BTreeSet<usize> = fits.iter().map(|&j| m.root(j)).collect();
    if roots.len() > 1 {
        for &j in &fits {
            m.keep_apart(i, j, Apart::MiddleNameAmbiguous);
        }
        return;
    }
    // All the fits are one person: the first that something backs joins the name to them.
    match fits.iter().find_map(|&j| fi.corroboration(&forms.forms[j]).map(|by| (j, by))) {
        Some((j, by)) => {
            let (shorter, longer) = (fi.shown().to_owned(), forms.forms[j].shown().to_owned());
            m.merge(i, j, Evidence::MiddleName { shorter, longer, by });
        }
        None => {
            for &j in &fits {
                m.keep_apart(i, j, Apart::MiddleNameAlone);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::resolve::resolve_people;
    use crate::resolve::tests::{at, ids, one_person};

    #[test]
    fn reuven_m_lerner_is_reuven_lerner_in_the_same_series() {
        let p = resolve_people(&[
            at("Reuven M. Lerner", "pycon-2019-schedule.txt", 448, "pycon-us-2019", true),
            at("Reuven Lerner", "pycon-us-2024-recap.md", 539, "pycon-us-2024", false),
        ]);
        assert!(one_person(&p, "Reuven M. Lerner", "Reuven Lerner"), "{:?}", ids(&p));
        let reason = p.people[0].merge_reasons[0].to_string();
        assert!(reason.contains("middle") && reason.contains("pycon-us"), "{reason}");
    }

    #[test]
    fn second_given_names_and_initials_of_them_join() {
        let p = resolve_people(&[
            at("Anna Maria Rossi", "a.md", 1, "pydata-berlin-2019", true),
            at("Anna Rossi", "b.md", 2, "pydata-berlin-2022", true),
            at("John F. Smith", "c.md", 3, "kubecon-eu-2020", true),
            at("John Fitzgerald Smith", "c.md", 9, "kubecon-eu-2020", false),
        ]);
        assert!(one_person(&p, "Anna Maria Rossi", "Anna Rossi"), "{:?}", ids(&p));
        assert!(one_person(&p, "John F. Smith", "John Fitzgerald Smith"));
    }

    #[test]
    fn different_middles_and_a_bare_name_between_two_stay_apart() {
        let p = resolve_people(&[
            at("John A. Smith", "a.md", 1, "kubecon-eu-2020", true),
            at("John B. Smith", "a.md", 2, "kubecon-eu-2020", true),
            at("John Smith", "a.md", 3, "kubecon-eu-2020", false),
        ]);
        assert_eq!(p.people.len(), 3, "{:?}", ids(&p));
        let misses: Vec<String> = p.near_misses.iter().map(ToString::to_string).collect();
        assert!(misses.iter().any(|n| n.contains("different middle")), "{misses:?}");
        assert!(misses.iter().any(|n| n.contains("fits several")), "{misses:?}");
    }

    #[test]
    fn a_middle_initial_with_nothing_shared_stays_apart() {
        let p = resolve_people(&[
            at("Reuven M. Lerner", "a.txt", 1, "pycon-us-2019", true),
            at("Reuven Lerner", "b.md", 2, "euroscipy-2024", false),
        ]);
        assert_eq!(p.people.len(), 2);
        assert!(p.near_misses.iter().any(|n| n.to_string().contains("nothing corroborates")));
    }
}

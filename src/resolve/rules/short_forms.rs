//! Short and full forms of one given name with the same surname (`Jess`/`Jessica Garson`) are
//! one person when something corroborates it; the same surname with different given names never is.

use crate::resolve::Overrides;
use crate::resolve::evidence::{Apart, Evidence};
use crate::resolve::forms::FormIndex;
use crate::resolve::merger::Merger;
use crate::resolve::nicknames;

/// Compares every two full names that share a surname.
pub fn apply(m: &mut Merger<'_, '_>, _: &Overrides) {
    let forms = m.forms;
    for members in forms.by_surname.values() {
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                let (a, b) = (&forms.forms[i], &forms.forms[j]);
                let (ga, gb) = (forms.words[i][0].as_str(), forms.words[j][0].as_str());
                if forms.words[i].len() != forms.words[j].len() && ga == gb {
                    continue; // a middle name or initial; left to the exact rules
                }
                if let Some(formal) = nicknames::same_given_name(ga, gb) {
                    if means_another(forms, members, (ga, gb), formal) {
                        m.keep_apart(i, j, Apart::ShortFormAmbiguous);
                        continue;
                    }
                    let formal = formal.to_owned();
                    match a.corroboration(b) {
                        Some(by) => {
                            let (a, b) = (a.shown().to_owned(), b.shown().to_owned());
                            m.merge(i, j, Evidence::ShortForm { a, b, formal, by });
                        }
                        None => m.keep_apart(i, j, Apart::ShortFormAlone { formal }),
                    }
                } else if ga != gb {
                    m.keep_apart(i, j, Apart::DifferentGivenNames);
                }
            }
        }
    }
}

/// Whether one of the two given names could also stand for another person's given name with the
/// same surname (`Alex Kim` beside `Alexander Kim` and `Alexandra Kim`), or is another person's
/// quoted nickname (`Andrew "Sam" Knight`): then it means neither.
fn means_another(forms: &FormIndex<'_>, members: &[usize], (ga, gb): (&str, &str), formal: &str) -> bool {
    members.iter().any(|&k| {
        let gk = forms.words[k][0].as_str();
        let nickname = |g: &str| forms.forms[k].nicknames.contains(g);
        gk != ga
            && gk != gb
            && [ga, gb]
                .iter()
                .any(|g| nicknames::same_given_name(g, gk).is_some_and(|other| other != formal) || nickname(g))
    })
}

#[cfg(test)]
mod tests {
    use crate::resolve::resolve_people;
    use crate::resolve::tests::{at, ids, one_person};

    #[test]
    fn jess_garson_is_jessica_garson_and_so_is_the_handle() {
        let mut handle = at("@JessicaGarson", "2024.md", 559, "pycascades-2024", true);
        handle.person.handles.push("@JessicaGarson".into());
        let mut jess = at("Jess Garson", "recap.md", 173, "pycon-us-2024", false);
        jess.person.affiliations.push("Elastic".into());
        let p = resolve_people(&[handle, jess, at("Jessica Garson", "2019.txt", 371, "pycon-us-2019", true)]);
        assert_eq!(p.people.len(), 1, "{:?}", ids(&p));
        assert_eq!(p.people[0].name, "Jessica Garson");
        assert_eq!(p.people[0].aliases, vec!["@JessicaGarson".to_owned(), "Jess Garson".to_owned()]);
        let reasons: Vec<String> = p.people[0].merge_reasons.iter().map(ToString::to_string).collect();
        let reasons = reasons.join("\n");
        assert!(
            reasons.contains("spells the name") && reasons.contains("short and full forms of jessica"),
            "{reasons}"
        );
    }

    #[test]
    fn josh_cannon_is_joshua_cannon_but_brett_cannon_stays_apart() {
        let p = resolve_people(&[
            at("Joshua Cannon", "2024.md", 295, "pycascades-2024", true),
            at("Josh Cannon", "2024.md", 60, "pycascades-2024", false),
            at("Brett Cannon", "2022.md", 71, "pycascades-2022", true),
        ]);
        assert!(one_person(&p, "Josh Cannon", "Joshua Cannon"));
        assert!(!one_person(&p, "Brett Cannon", "Joshua Cannon"));
        assert!(p.near_misses.iter().any(|n| n.to_string().contains("different given names")));
    }

    #[test]
    fn andy_is_andrew_with_corroboration_and_a_near_miss_without() {
        let mut a = at("Andy Fundinger", "recap.md", 1, "pycon-us-2024", false);
        a.person.affiliations.push("Bloomberg".into());
        let mut b = at("Andrew Fundinger", "other.md", 5, "pygotham-2019", true);
        b.person.affiliations.push("Bloomberg".into());
        let p = resolve_people(&[a, b]);
        assert!(one_person(&p, "Andy Fundinger", "Andrew Fundinger"));
        let reason = p.people[0].merge_reasons[0].to_string();
        assert!(reason.contains("both are with bloomberg"), "{reason}");

        let p = resolve_people(&[
            at("Andy Knight", "recap.md", 1, "pycon-us-2024", false),
            at("Andrew Knight", "2024.md", 654, "pycascades-2024", false),
        ]);
        assert_eq!(p.people.len(), 2);
        assert!(p.near_misses.iter().any(|n| n.to_string().contains("nothing corroborates")), "{:?}", p.near_misses);
    }

    #[test]
    fn a_short_form_of_two_people_s_names_joins_neither() {
        let p = resolve_people(&[
            at("Alexander Kim", "a.md", 1, "kubecon-na-2022", true),
            at("Alexandra Kim", "a.md", 2, "kubecon-na-2022", true),
            at("Alex Kim", "a.md", 3, "kubecon-na-2022", false),
        ]);
        assert_eq!(p.people.len(), 3, "{:?}", ids(&p));
        assert!(p.near_misses.iter().any(|n| n.to_string().contains("could stand for")), "{:?}", p.near_misses);
    }

    #[test]
    fn erin_and_tania_allard_stay_apart() {
        let p = resolve_people(&[
            at("Erin Allard", "2019.txt", 30, "pycon-us-2019", true),
            at("Tania Allard", "recap.md", 213, "pycon-us-2024", false),
        ]);
        assert_eq!(p.people.len(), 2);
    }

    #[test]
    fn drishti_and_samyak_jain_stay_apart() {
        let p = resolve_people(&[
            at("Drishti Jain", "2024.md", 323, "pycascades-2024", true),
            at("Samyak Jain", "2024.md", 585, "pycascades-2024", true),
        ]);
        assert_eq!(p.people.len(), 2);
    }
}

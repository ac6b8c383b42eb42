//! A second surname added to the same name (`Maria Lopez`/`Maria Lopez Garcia`) is one person
//! when something corroborates it (speaking in the same series is enough) and only one longer
//! form is backed so.

use crate::resolve::Overrides;
use crate::resolve::evidence::{Apart, Evidence};
use crate::resolve::merger::Merger;

/// Compares each full name with the same name plus one word.
pub fn apply(m: &mut Merger<'_, '_>, _: &Overrides) {
    let forms = m.forms;
    for members in forms.by_given.values() {
        for &i in members {
            let (wi, fi) = (&forms.words[i], &forms.forms[i]);
            let longer: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&j| forms.words[j].len() == wi.len() + 1 && forms.words[j][..wi.len()] == wi[..])
                .collect();
            // `Maria Lopez` with both `… Garcia` and `… Fernandez` at her series could be either: none.
            let backed = longer.iter().filter(|&&j| fi.corroboration(&forms.forms[j]).is_some()).count();
            for &j in &longer {
                match fi.corroboration(&forms.forms[j]).filter(|_| backed == 1) {
                    Some(by) => {
                        let (shorter, longer) = (fi.shown().to_owned(), forms.forms[j].shown().to_owned());
                        m.merge(i, j, Evidence::SecondSurname { shorter, longer, by });
                    }
                    None => m.keep_apart(i, j, Apart::SecondSurnameAlone),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::resolve::resolve_people;
    use crate::resolve::tests::{at, ids, one_person};

    #[test]
    fn a_second_surname_in_the_same_series_is_the_same_person() {
        let p = resolve_people(&[
            at("Maria Lopez", "schedule.txt", 4, "opscamp-2023", true),
            at("Maria Lopez Garcia", "recap.md", 12, "opscamp-2023", true),
            at("Maria Lopez Diaz", "other.md", 3, "rustconf-2022", true),
        ]);
        assert!(one_person(&p, "Maria Lopez", "Maria Lopez Garcia"), "{:?}", ids(&p));
        assert!(!one_person(&p, "Maria Lopez Diaz", "Maria Lopez Garcia"));
        let reasons: Vec<String> = p
            .lookup("Maria Lopez")
            .map(|x| x.merge_reasons.iter().map(ToString::to_string).collect())
            .unwrap_or_default();
        assert!(reasons.join("\n").contains("adds a second surname"), "{reasons:?}");
        assert!(p.near_misses.iter().any(|n| n.to_string().contains("second surname")), "{:?}", p.near_misses);
    }

    #[test]
    fn a_short_form_of_two_people_with_second_surnames_merges_with_neither() {
        let p = resolve_people(&[
            at("Maria Lopez", "a.md", 1, "rustconf-2024", true),
            at("Maria Lopez Garcia", "b.md", 2, "rustconf-2024", true),
            at("Maria Lopez Fernandez", "c.md", 3, "rustconf-2024", true),
        ]);
        assert!(!one_person(&p, "Maria Lopez Garcia", "Maria Lopez Fernandez"), "{:?}", ids(&p));
        assert!(!one_person(&p, "Maria Lopez", "Maria Lopez Garcia"));
    }
}

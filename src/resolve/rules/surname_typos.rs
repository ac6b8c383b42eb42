//! A one-letter typo in the surname with the same given name (`Mason Eggers`/`Mason Egger`) is
//! one person when something corroborates it, or when the odd spelling is one prose mention.

use crate::resolve::Overrides;
use crate::resolve::evidence::{Apart, Evidence};
use crate::resolve::merger::Merger;

/// Compares every two full names that share a given name.
pub fn apply(m: &mut Merger<'_, '_>, _: &Overrides) {
    let forms = m.forms;
    for members in forms.by_given.values() {
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                let (a, b) = (&forms.forms[i], &forms.forms[j]);
                let (sa, sb) = (surname(&forms.words[i]), surname(&forms.words[j]));
                if sa == sb || sa.len().min(sb.len()) < 5 || strsim::damerau_levenshtein(sa, sb) != 1 {
                    continue;
                }
                let (shown_a, shown_b) = (a.shown().to_owned(), b.shown().to_owned());
                let only_mentioned = match (a.speaker, b.speaker) {
                    (true, false) => Some(b),
                    (false, true) => Some(a),
                    _ => None,
                };
                if let Some(by) = a.corroboration(b) {
                    m.merge(i, j, Evidence::SurnameTypo { a: shown_a, b: shown_b, by });
                } else if let Some(typo) = only_mentioned.filter(|t| t.mentions.len() == 1) {
                    let (typo, place) = (typo.shown().to_owned(), typo.first_place());
                    m.merge(i, j, Evidence::SurnameMisspelt { a: shown_a, b: shown_b, typo, place });
                } else {
                    m.keep_apart(i, j, Apart::SurnameTypoAlone);
                }
            }
        }
    }
}

fn surname(words: &[String]) -> &str {
    words.last().map_or("", String::as_str)
}

#[cfg(test)]
mod tests {
    use crate::resolve::resolve_people;
    use crate::resolve::tests::{at, one_person};

    #[test]
    fn mason_eggers_is_mason_egger() {
        let p = resolve_people(&[
            at("Mason Eggers", "recap.md", 123, "pycon-us-2024", false),
            at("Mason Egger", "2025.md", 276, "pycascades-2025", true),
        ]);
        assert!(one_person(&p, "Mason Eggers", "Mason Egger"));
        // Each form is used once: the speaker's spelling is the name, the misspelling an alias.
        assert_eq!(
            (p.people[0].name.as_str(), p.people[0].aliases.clone()),
            ("Mason Egger", vec!["Mason Eggers".to_owned()])
        );
        assert!(p.people[0].merge_reasons[0].to_string().contains("reads as a misspelling"));
    }

    #[test]
    fn two_speakers_one_letter_apart_with_nothing_shared_stay_apart() {
        let p = resolve_people(&[
            at("Mason Eggers", "a.md", 1, "opscamp-2023", true),
            at("Mason Egger", "b.md", 2, "rustconf-2024", true),
        ]);
        assert_eq!(p.people.len(), 2);
        assert!(p.near_misses.iter().any(|n| n.to_string().contains("differ by one letter")));
    }
}

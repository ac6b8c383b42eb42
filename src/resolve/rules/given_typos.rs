//! A one-letter typo in the given name with the same surname (`Oluwaseun Okafor` / `Oluwasuen Okafor`)
//! is one person when something corroborates it. Two real given names one letter apart
//! (`Christina`/`Christine`, `Maria`/`Mario`, `Jan`/`Jana`) are never a typo: both spellings must
//! not be known given names, the names must have five letters or more, and a change in the last
//! letter (where names mark gender) does not count. One name romanised two ways (`Sergey` /
//! `Sergei`, `Dmitriy` / `Dmitry`) counts the same way.

use crate::ingest::names::lexicon::GIVEN_NAMES;
use crate::resolve::Overrides;
use crate::resolve::evidence::{Apart, Evidence};
use crate::resolve::merger::Merger;

/// Whether two given names (folded, lower-case) read as one name with a typo in it.
///
/// ```
/// use confgraph::resolve::rules::is_given_typo;
/// assert!(is_given_typo("oluwaseun", "oluwasuen"));
/// assert!(!is_given_typo("christina", "christine"));
/// assert!(!is_given_typo("maria", "mario"));
/// assert!(!is_given_typo("jan", "jana"));
/// assert!(is_given_typo("sergey", "sergei"));
/// assert!(!is_given_typo("brian", "bryan"));
/// ```
#[must_use]
pub fn is_given_typo(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() >= 5 && romanised_ending(a, b) {
        return true; // `Sergey`/`Sergei`, `Dmitriy`/`Dmitry`: one name romanised two ways
    }
    short.len() >= 5
        && strsim::damerau_levenshtein(a, b) == 1
        && !(GIVEN_NAMES.contains(a) && GIVEN_NAMES.contains(b))
        && !long.starts_with(short)
        && !(a.len() == b.len() && a[..a.len() - 1] == b[..b.len() - 1])
}

/// Endings that romanisations of one Slavic name write differently (`Sergey`/`Sergei`,
/// `Dmitriy`/`Dmitry`/`Dmitri`, `Natalya`/`Natalia`); a difference anywhere else
/// (`Brian`/`Bryan`, `Sydney`/`Sidney`) is two names.
const ROMANISED_ENDINGS: &[&[&str]] = &[&["ey", "ei"], &["iy", "ii", "y", "i"], &["ya", "ia"], &["yu", "iu"]];

/// Whether two given names differ only in a romanised ending.
fn romanised_ending(a: &str, b: &str) -> bool {
    let common = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    let (ta, tb) = (&a[common..], &b[common..]);
    ta != tb && ROMANISED_ENDINGS.iter().any(|class| class.contains(&ta) && class.contains(&tb))
}

/// Compares every two full names that share a surname and all other words.
pub fn apply(m: &mut Merger<'_, '_>, _: &Overrides) {
    let forms = m.forms;
    for members in forms.by_surname.values() {
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                let (wi, wj) = (&forms.words[i], &forms.words[j]);
                if wi.len() != wj.len() || wi[1..] != wj[1..] || !is_given_typo(&wi[0], &wj[0]) {
                    continue;
                }
                let (a, b) = (&forms.forms[i], &forms.forms[j]);
                match a.corroboration(b) {
                    Some(by) => {
                        let (a, b) = (a.shown().to_owned(), b.shown().to_owned());
                        m.merge(i, j, Evidence::GivenNameTypo { a, b, by });
                    }
                    None => m.keep_apart(i, j, Apart::GivenNameTypoAlone),
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
    fn a_given_name_typo_in_the_same_series_is_one_person() {
        let p = resolve_people(&[
            at("Oluwaseun Okafor", "schedule.md", 4, "devopsdays-lagos-2022", true),
            at("Oluwasuen Okafor", "recap.md", 40, "devopsdays-lagos-2023", false),
        ]);
        assert!(one_person(&p, "Oluwaseun Okafor", "Oluwasuen Okafor"), "{:?}", ids(&p));
        assert!(p.people[0].merge_reasons[0].to_string().contains("given name"));
    }

    #[test]
    fn real_names_one_letter_apart_and_lone_typos_stay_apart() {
        let p = resolve_people(&[
            at("Christina Weber", "a.md", 1, "jsconf-eu-2019", true),
            at("Christine Weber", "a.md", 2, "jsconf-eu-2019", true),
            at("Oluwaseun Okafor", "b.md", 4, "devopsdays-lagos-2022", true),
            at("Oluwasuen Okafor", "c.md", 40, "rustconf-2023", true),
        ]);
        assert_eq!(p.people.len(), 4, "{:?}", ids(&p));
    }
}

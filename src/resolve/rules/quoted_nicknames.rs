//! A nickname written in quotes inside a name (`Andrew "Pandy" Knight`) is an alias: the nickname
//! with the surname (`Pandy Knight`) is the same person when something corroborates it. The
//! nickname alone already joins through the alternatives rule.

use crate::resolve::evidence::Evidence;
use crate::resolve::merger::Merger;
use crate::resolve::nicknames;
use crate::resolve::{Overrides, name_key};

/// Merges `Nickname Surname` forms with the name that carries the nickname, unless the nickname
/// fits another person of that surname too (`Andrew "Sam" Knight` beside `Samantha Knight`, or two
/// people called "Pandy").
pub fn apply(m: &mut Merger<'_, '_>, _: &Overrides) {
    let forms = m.forms;
    for &i in &forms.full {
        let surname = forms.words[i].last().map_or("", String::as_str);
        let f = &forms.forms[i];
        for mention in &f.mentions {
            for nickname in mention.person.aliases.iter().filter(|a| !a.trim().contains(' ')) {
                let nick = name_key(nickname);
                let Some(j) = forms.find(&format!("{nick} {surname}")).filter(|&j| j != i) else { continue };
                if fits_another(m, i, j, &nick, surname) {
                    continue;
                }
                let Some(by) = f.corroboration(&forms.forms[j]) else { continue };
                let (name, form) = (mention.person.name.clone(), forms.forms[j].shown().to_owned());
                let place = format!("{}:{}", mention.source.file, mention.source.line);
                m.merge(i, j, Evidence::Nickname { nickname: nickname.clone(), name, place, form, by });
            }
        }
    }
}

/// Whether `Nick Surname` (form `j`) could be someone other than form `i`: another full name of
/// that surname whose given name is the nickname, a short form of it, or carries it in quotes.
fn fits_another(m: &mut Merger<'_, '_>, i: usize, j: usize, nick: &str, surname: &str) -> bool {
    let forms = m.forms;
    let others: Vec<usize> =
        forms.by_surname.get(surname).into_iter().flatten().copied().filter(|&k| k != i && k != j).collect();
    let own = m.root(i);
    others.into_iter().any(|k| {
        let given = forms.words[k][0].as_str();
        let carries = forms.forms[k].nicknames.contains(nick);
        let fits = given == nick || nicknames::same_given_name(nick, given).is_some() || carries;
        fits && m.root(k) != own
    })
}

#[cfg(test)]
mod tests {
    use crate::resolve::resolve_people;
    use crate::resolve::tests::{at, ids, one_person};

    #[test]
    fn a_quoted_nickname_with_the_surname_is_the_same_person() {
        let mut andrew = at("Andrew Knight", "djangocon.md", 12, "djangocon-us-2023", true);
        andrew.person.aliases.push("Pandy".into());
        let p = resolve_people(&[
            andrew,
            at("Pandy Knight", "djangocon-recap.md", 40, "djangocon-us-2024", false),
            at("Pandy Knight", "other.md", 3, "rustconf-2021", true),
        ]);
        assert!(one_person(&p, "Andrew Knight", "Pandy Knight"), "{:?}", ids(&p));
        let reasons: Vec<String> = p.people[0].merge_reasons.iter().map(ToString::to_string).collect();
        assert!(reasons.iter().any(|r| r.contains("nickname")), "{reasons:?}");
    }

    #[test]
    fn a_nickname_that_fits_two_people_joins_neither() {
        let mut andrew = at("Andrew Knight", "a.md", 1, "pycon-us-2023", true);
        andrew.person.aliases.push("Sam".into());
        let mut peter = at("Peter Knight", "a.md", 5, "pycon-us-2023", true);
        peter.person.aliases.push("Pandy".into());
        let mut paul = at("Paul Knight", "a.md", 7, "pycon-us-2023", true);
        paul.person.aliases.push("Pandy".into());
        let p = resolve_people(&[
            andrew,
            at("Samantha Knight", "a.md", 3, "pycon-us-2023", true),
            at("Sam Knight", "a.md", 9, "pycon-us-2023", true),
            peter,
            paul,
            at("Pandy Knight", "a.md", 11, "pycon-us-2023", true),
        ]);
        assert!(!one_person(&p, "Andrew Knight", "Samantha Knight"), "{:?}", ids(&p));
        assert!(!one_person(&p, "Andrew Knight", "Sam Knight"), "{:?}", ids(&p));
        assert!(!one_person(&p, "Peter Knight", "Paul Knight"), "{:?}", ids(&p));
    }

    #[test]
    fn a_nickname_with_nothing_shared_stays_apart() {
        let mut andrew = at("Andrew Knight", "djangocon.md", 12, "djangocon-us-2023", true);
        andrew.person.aliases.push("Pandy".into());
        let p = resolve_people(&[andrew, at("Pandy Knight", "other.md", 3, "rustconf-2021", true)]);
        assert_eq!(p.people.len(), 2, "{:?}", ids(&p));
    }
}

//! A nickname written in quotes inside a name (`Andrew "Pandy" Knight`) is an alias: the nickname
//! with the surname (`Pandy Knight`) is the same person when something corroborates it. The
//! nickname alone already joins through the alternatives rule.

use crate::resolve::evidence::Evidence;
use crate::resolve::merger::Merger;
use crate::resolve::{Overrides, name_key};

/// Merges `Nickname Surname` forms with the name that carries the nickname.
pub fn apply(m: &mut Merger<'_, '_>, _: &Overrides) {
    let forms = m.forms;
    for &i in &forms.full {
        let surname = forms.words[i].last().map_or("", String::as_str);
        let f = &forms.forms[i];
        for mention in &f.mentions {
            for nickname in mention.person.aliases.iter().filter(|a| !a.trim().contains(' ')) {
                let nick = name_key(nickname);
                let Some(j) = forms.find(&format!("{nick} {surname}")).filter(|&j| j != i) else { continue };
                let Some(by) = f.corroboration(&forms.forms[j]) else { continue };
                let (name, form) = (mention.person.name.clone(), forms.forms[j].shown().to_owned());
                let place = format!("{}:{}", mention.source.file, mention.source.line);
                m.merge(i, j, Evidence::Nickname { nickname: nickname.clone(), name, place, form, by });
            }
        }
    }
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
    fn a_nickname_with_nothing_shared_stays_apart() {
        let mut andrew = at("Andrew Knight", "djangocon.md", 12, "djangocon-us-2023", true);
        andrew.person.aliases.push("Pandy".into());
        let p = resolve_people(&[andrew, at("Pandy Knight", "other.md", 3, "rustconf-2021", true)]);
        assert_eq!(p.people.len(), 2, "{:?}", ids(&p));
    }
}

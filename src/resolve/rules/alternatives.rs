//! Alternatives one speaker line gives (`Lady Red / Christopher Beacham`) are one person.

use crate::resolve::evidence::Evidence;
use crate::resolve::merger::Merger;
use crate::resolve::{Overrides, name_key};

/// Merges each name with the aliases its mentions carry. A one-word alias (a quoted nickname)
/// that several names carry (`Andrew "Pandy" Knight`, `Peter "Pandy" Knight`) joins none of them.
pub fn apply(m: &mut Merger<'_, '_>, _: &Overrides) {
    let forms = m.forms;
    for (i, f) in forms.forms.iter().enumerate() {
        for mention in &f.mentions {
            for alias in &mention.person.aliases {
                if forms.nickname_carriers.get(&name_key(alias)).is_some_and(|c| c.len() > 1) {
                    continue;
                }
                if let Some(j) = forms.find(alias) {
                    let place = format!("{}:{}", mention.source.file, mention.source.line);
                    m.merge(
                        i,
                        j,
                        Evidence::OneSpeaker { name: mention.person.name.clone(), alias: alias.clone(), place },
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::resolve::resolve_people;
    use crate::resolve::tests::{at, one_person};

    #[test]
    fn a_speaker_line_alternative_is_the_same_person() {
        let mut m = at("Lady Red", "a.md", 3, "opscamp-2023", true);
        m.person.aliases.push("Christopher Beacham".into());
        let p = resolve_people(&[m, at("Christopher Beacham", "b.md", 9, "opscamp-2024", true)]);
        assert!(one_person(&p, "Lady Red", "Christopher Beacham"));
        assert!(p.people[0].merge_reasons[0].to_string().contains("given as one speaker at a.md:3"));
    }
}

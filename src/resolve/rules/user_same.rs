//! `confgraph.toml` `same` groups: the user says these names are one person.

use crate::resolve::Overrides;
use crate::resolve::evidence::Evidence;
use crate::resolve::merger::Merger;

/// Merges the names of each `same` group the notes have.
pub fn apply(m: &mut Merger<'_, '_>, overrides: &Overrides) {
    for group in &overrides.same {
        let members: Vec<usize> = group.iter().filter_map(|n| m.forms.find(n)).collect();
        for w in members.windows(2) {
            m.merge(w[0], w[1], Evidence::UserSame { group: group.clone() });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::resolve::tests::at;
    use crate::resolve::{Overrides, resolve_people_with};

    #[test]
    fn overrides_force_and_forbid() {
        let mentions = [
            at("Andy Knight", "recap.md", 1, "pycon-us-2024", false),
            at("Andrew Knight", "2024.md", 654, "pycascades-2024", false),
        ];
        let same = Overrides { same: vec![vec!["Andy Knight".into(), "Andrew Knight".into()]], ..Overrides::default() };
        let p = resolve_people_with(&mentions, &same);
        assert_eq!(p.people.len(), 1);
        assert!(p.people[0].merge_reasons[0].to_string().contains("confgraph.toml"));
        let mentions = [
            at("Mason Eggers", "recap.md", 123, "pycon-us-2024", false),
            at("Mason Egger", "2025.md", 276, "pycascades-2025", true),
        ];
        let different =
            Overrides { different: vec![vec!["Mason Eggers".into(), "Mason Egger".into()]], ..Overrides::default() };
        let p = resolve_people_with(&mentions, &different);
        assert_eq!(p.people.len(), 2);
        assert!(p.near_misses.iter().any(|n| n.to_string().contains("confgraph.toml says they are different")));
    }
}

//! Properties of identity resolution as a whole, and the helpers each rule's tests share (each
//! rule's own cases live beside it in `rules/`).

use proptest::prelude::*;

use super::*;
use crate::model::NameRef;

pub(crate) fn at(name: &str, file: &str, line: u32, conference: &str, speaker: bool) -> Mention {
    Mention {
        person: NameRef::named(name),
        conference: conference.into(),
        as_speaker: speaker,
        source: SourceLine { file: file.into(), line },
    }
}

pub(crate) fn ids(people: &People) -> Vec<(String, Vec<String>)> {
    people.people.iter().map(|p| (p.name.clone(), p.aliases.clone())).collect()
}

pub(crate) fn one_person(people: &People, a: &str, b: &str) -> bool {
    people.lookup(a).map(|p| &p.id) == people.lookup(b).map(|p| &p.id) && people.lookup(a).is_some()
}

#[test]
fn case_accents_curly_quotes_and_honorifics_fold() {
    let p = resolve_people(&[
        at("Łukasz Langa", "a.md", 1, "pycon-us-2024", false),
        at("lukasz langa", "b.md", 2, "pycon-us-2019", true),
        at("Dr. Sheena O’Connell", "c.md", 3, "pycascades-2024", true),
        at("Sheena O'Connell", "c.md", 9, "pycascades-2024", true),
    ]);
    assert_eq!(p.people.len(), 2, "{:?}", ids(&p));
    assert!(one_person(&p, "Łukasz Langa", "lukasz langa"));
    assert!(one_person(&p, "Dr. Sheena O’Connell", "Sheena O'Connell"));
}

fn arbitrary_name() -> impl Strategy<Value = String> {
    let given = prop::sample::select(vec![
        "Jess", "Jessica", "Josh", "Joshua", "Brett", "Andy", "Andrew", "Łukasz", "Erin", "Tania", "Dr. Ana",
    ]);
    let family =
        prop::sample::select(vec!["Garson", "Cannon", "Allard", "Langa", "Egger", "Eggers", "O’Connell", "Knight"]);
    (given, family).prop_map(|(g, f)| format!("{g} {f}"))
}

proptest! {
    #[test]
    fn name_key_is_idempotent(name in "\\PC{0,40}") {
        let once = name_key(&name);
        prop_assert_eq!(name_key(&once), once);
    }

    #[test]
    fn merging_does_not_depend_on_file_order(names in prop::collection::vec((arbitrary_name(), 0..4u32, any::<bool>()), 1..12)) {
        let files = ["a.md", "b.md", "c.md", "d.md"];
        let mentions: Vec<Mention> = names
            .iter()
            .enumerate()
            // Few distinct lines, so mentions tie on (file, line, name) and their order could matter.
            .map(|(i, (n, f, s))| at(n, files[*f as usize], i as u32 % 3 + 1, &format!("conf-{f}-2024"), *s))
            .collect();
        let mut reversed = mentions.clone();
        reversed.reverse();
        let a = resolve_people(&mentions);
        let b = resolve_people(&reversed);
        prop_assert_eq!(format!("{:?}", a.people), format!("{:?}", b.people));
        prop_assert_eq!(a.near_misses, b.near_misses);
    }
}

//! Identity rules pinned by the cases they exist for, and properties of the whole.

use proptest::prelude::*;

use super::*;
use crate::model::NameRef;

fn at(name: &str, file: &str, line: u32, conference: &str, speaker: bool) -> Mention {
    Mention {
        person: NameRef::named(name),
        conference: conference.into(),
        as_speaker: speaker,
        source: SourceLine { file: file.into(), line },
    }
}

fn ids(people: &People) -> Vec<(String, Vec<String>)> {
    people.people.iter().map(|p| (p.name.clone(), p.aliases.clone())).collect()
}

fn one_person(people: &People, a: &str, b: &str) -> bool {
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
    let reasons = p.people[0].merge_reasons.join("\n");
    assert!(reasons.contains("spells the name") && reasons.contains("short and full forms of jessica"), "{reasons}");
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
    assert!(p.near_misses.iter().any(|n| n.reason.contains("different given names")));
}

#[test]
fn andy_is_andrew_with_corroboration_and_a_near_miss_without() {
    let mut a = at("Andy Fundinger", "recap.md", 1, "pycon-us-2024", false);
    a.person.affiliations.push("Bloomberg".into());
    let mut b = at("Andrew Fundinger", "other.md", 5, "pygotham-2019", true);
    b.person.affiliations.push("Bloomberg".into());
    let p = resolve_people(&[a, b]);
    assert!(one_person(&p, "Andy Fundinger", "Andrew Fundinger"));
    assert!(p.people[0].merge_reasons[0].contains("both are with bloomberg"), "{:?}", p.people[0].merge_reasons);

    let p = resolve_people(&[
        at("Andy Knight", "recap.md", 1, "pycon-us-2024", false),
        at("Andrew Knight", "2024.md", 654, "pycascades-2024", false),
    ]);
    assert_eq!(p.people.len(), 2);
    assert!(p.near_misses.iter().any(|n| n.reason.contains("nothing corroborates")), "{:?}", p.near_misses);
}

#[test]
fn handle_in_a_slides_link_names_jeremiah_paige() {
    let mut handle = at("@ucodery", "2022.md", 165, "pycascades-2022", true);
    handle.person.handles.push("twitter.com/ucodery".into());
    let mut jeremiah = at("Jeremiah Paige", "2024.md", 173, "pycascades-2024", true);
    jeremiah.person.links.push("http://slides.ucodery.com/intro-to-introspection".into());
    let p = resolve_people(&[handle, jeremiah, at("Jeremiah Paige", "2025.md", 48, "pycascades-2025", true)]);
    assert_eq!(p.people.len(), 1, "{:?}", ids(&p));
    assert_eq!(p.people[0].name, "Jeremiah Paige");
    assert!(p.people[0].merge_reasons[0].contains("slides.ucodery.com"), "{:?}", p.people[0].merge_reasons);
}

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

#[test]
fn a_first_name_alone_joins_the_only_person_of_that_name_in_the_file() {
    let p = resolve_people(&[
        at("Sumana Harihareswara", "recap.md", 712, "pycon-us-2024", true),
        at("Sumana", "recap.md", 716, "pycon-us-2024", false),
        at("Mariatta", "2024.md", 899, "pycascades-2024", true),
    ]);
    assert!(one_person(&p, "Sumana", "Sumana Harihareswara"));
    assert_eq!(p.people.len(), 2);
}

#[test]
fn a_handle_or_first_name_that_fits_two_people_names_neither() {
    // `@annalee` spells Anna Lee and is in Ann Smith's link: two people, so neither. Anna Lee alone,
    // spelling it and carrying it, is named, for the spelling.
    let mut handle = at("@annalee", "a.md", 1, "pycascades-2024", true);
    handle.person.handles.push("@annalee".into());
    let mut smith = at("Ann Smith", "b.md", 2, "pycascades-2024", true);
    smith.person.links.push("https://annalee.example.org/talk".into());
    let p = resolve_people(&[handle.clone(), smith.clone(), at("Anna Lee", "c.md", 3, "pycon-us-2019", true)]);
    assert_eq!(p.people.len(), 3, "{:?}", ids(&p));
    let several: Vec<&str> =
        p.near_misses.iter().filter(|n| n.reason.contains("fits several people")).map(|n| n.b.as_str()).collect();
    assert_eq!(several, ["Ann Smith", "Anna Lee"], "{:?}", p.near_misses);
    // The link alone names Ann Smith.
    let p = resolve_people(&[handle.clone(), smith]);
    assert_eq!(p.people.len(), 1, "{:?}", ids(&p));
    assert!(p.people[0].merge_reasons.iter().any(|r| r.contains("is also in")), "{:?}", p.people[0].merge_reasons);
    let mut lee = at("Anna Lee", "c.md", 3, "pycon-us-2019", true);
    lee.person.handles.push("@annalee".into());
    let p = resolve_people(&[handle, lee]);
    assert_eq!(p.people.len(), 1, "{:?}", ids(&p));
    assert!(p.people[0].merge_reasons.iter().any(|r| r.contains("spells the name")), "{:?}", p.people[0].merge_reasons);

    // Two Sumanas in one file: the first name alone joins neither.
    let p = resolve_people(&[
        at("Sumana Harihareswara", "recap.md", 712, "pycon-us-2024", true),
        at("Sumana Rao", "recap.md", 714, "pycon-us-2024", true),
        at("Sumana", "recap.md", 716, "pycon-us-2024", false),
    ]);
    assert_eq!(p.people.len(), 3, "{:?}", ids(&p));
}

#[test]
fn overrides_force_and_forbid() {
    let mentions = [
        at("Andy Knight", "recap.md", 1, "pycon-us-2024", false),
        at("Andrew Knight", "2024.md", 654, "pycascades-2024", false),
    ];
    let same = Overrides { same: vec![vec!["Andy Knight".into(), "Andrew Knight".into()]], ..Overrides::default() };
    let p = resolve_people_with(&mentions, &same);
    assert_eq!(p.people.len(), 1);
    assert!(p.people[0].merge_reasons[0].contains("confgraph.toml"));
    let mentions = [
        at("Mason Eggers", "recap.md", 123, "pycon-us-2024", false),
        at("Mason Egger", "2025.md", 276, "pycascades-2025", true),
    ];
    let different =
        Overrides { different: vec![vec!["Mason Eggers".into(), "Mason Egger".into()]], ..Overrides::default() };
    let p = resolve_people_with(&mentions, &different);
    assert_eq!(p.people.len(), 2);
    assert!(p.near_misses.iter().any(|n| n.reason.contains("confgraph.toml says they are different")));
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

#[test]
fn a_second_surname_in_the_same_series_is_the_same_person() {
    let p = resolve_people(&[
        at("Maria Lopez", "schedule.txt", 4, "opscamp-2023", true),
        at("Maria Lopez Garcia", "recap.md", 12, "opscamp-2023", true),
        at("Maria Lopez Diaz", "other.md", 3, "rustconf-2022", true),
    ]);
    assert!(one_person(&p, "Maria Lopez", "Maria Lopez Garcia"), "{:?}", ids(&p));
    assert!(!one_person(&p, "Maria Lopez Diaz", "Maria Lopez Garcia"));
    let reasons = p.lookup("Maria Lopez").map(|x| x.merge_reasons.join("\n")).unwrap_or_default();
    assert!(reasons.contains("adds a second surname"), "{reasons}");
    assert!(p.near_misses.iter().any(|n| n.reason.contains("second surname")), "{:?}", p.near_misses);
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

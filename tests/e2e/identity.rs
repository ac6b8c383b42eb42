//! Identity resolution on a blind test set: `tests/fixtures/identity/cases.json`, written by a
//! helper who saw neither the identity rules nor their output, from the merge kinds and
//! look-alike pairs. Each case is its own run; every two names must be one person exactly when the
//! case's expected partition puts them together.

use std::collections::BTreeMap;

use confgraph::model::{Mention, NameRef, SourceLine};
use confgraph::resolve::{People, resolve_people};
use serde_json::Value;

fn strings(v: &Value) -> Vec<String> {
    v.as_array().into_iter().flatten().filter_map(Value::as_str).map(str::to_owned).collect()
}

fn mention(m: &Value) -> Mention {
    let mut person = NameRef::named(m["name"].as_str().unwrap_or_default());
    person.aliases = strings(&m["aliases"]);
    person.affiliations = strings(&m["affiliations"]);
    person.handles = strings(&m["handles"]);
    Mention {
        person,
        conference: m["conference"].as_str().unwrap_or_default().into(),
        as_speaker: m["speaker"].as_bool().unwrap_or(false),
        source: SourceLine {
            file: m["file"].as_str().unwrap_or_default().into(),
            line: u32::try_from(m["line"].as_u64().unwrap_or(1)).unwrap_or(1),
        },
    }
}

/// The wrong decisions of one case, in words.
fn wrong(case: &Value, people: &People) -> Vec<String> {
    let mut group_of: BTreeMap<String, usize> = BTreeMap::new();
    for (g, names) in case["people"].as_array().into_iter().flatten().enumerate() {
        for n in strings(names) {
            group_of.insert(n, g);
        }
    }
    let id = |n: &str| people.lookup(n).map(|p| p.id.to_string());
    let names: Vec<&String> = group_of.keys().collect();
    let mut out = Vec::new();
    for (x, a) in names.iter().enumerate() {
        for b in &names[x + 1..] {
            let expected = group_of[*a] == group_of[*b];
            let found = id(a).is_some() && id(a) == id(b);
            if expected != found {
                let what = if expected { "missed merge" } else { "WRONG MERGE" };
                out.push(format!("{what}: {a} / {b}"));
            }
        }
    }
    out
}

/// Cases where the project's documented rules decide otherwise than the blind writer, and why.
/// Each must still disagree: a rule change that settles one removes it from here.
const DOCUMENTED_DISAGREEMENTS: &[(&str, &str)] = &[(
    "lookalike-typo-no-corroboration",
    "docs/data-model.md, identity rule 7: a surname one letter from a speaker's, written once in prose by \
     someone who never speaks, reads as a misspelling of the speaker (`Mason Eggers` / `Mason Egger` in \
     the bundled notes, as the first design asks); the blind writer wanted corroboration here too",
)];

#[test]
fn blind_identity_cases() {
    let text = std::fs::read_to_string("tests/fixtures/identity/cases.json").expect("cases.json");
    let cases: Value = serde_json::from_str(&text).expect("valid JSON");
    let cases = cases["cases"].as_array().expect("a cases array");
    assert!(cases.len() >= 60, "{} cases", cases.len());
    let (mut wrong_merges, mut missed, mut report) = (0, 0, Vec::new());
    for case in cases {
        let mentions: Vec<Mention> = case["mentions"].as_array().into_iter().flatten().map(mention).collect();
        let people = resolve_people(&mentions);
        let id = case["id"].as_str().unwrap_or_default();
        let wrongs = wrong(case, &people);
        if DOCUMENTED_DISAGREEMENTS.iter().any(|(d, _)| *d == id) {
            assert!(!wrongs.is_empty(), "{id} now agrees with its writer: take it off DOCUMENTED_DISAGREEMENTS");
            continue;
        }
        for w in wrongs {
            if w.starts_with("WRONG") {
                wrong_merges += 1;
            } else {
                missed += 1;
            }
            report.push(format!("{} [{}] {w} — {}", case["id"], case["kind"], case["note"]));
        }
    }
    eprintln!("{}", report.join("\n"));
    assert_eq!(wrong_merges, 0, "people merged who are different:\n{}", report.join("\n"));
    assert_eq!(missed, 0, "merges missed:\n{}", report.join("\n"));
}

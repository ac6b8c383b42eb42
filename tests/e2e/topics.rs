//! Topic assignment on a blind sample: `tests/fixtures/topics/`, 120 sessions of 28 series whose
//! expected topics were written by a reader who saw neither the matcher nor its output (from titles
//! and abstracts; `answers-v1.json` against the 67-topic taxonomy, `answers.json` re-read
//! against the grown one). `scripts/score-topics.py` prints the same figures with each miss.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::common::{confgraph, root};

/// What the matcher reaches on the sample today; a change that falls below fails.
const FLOOR_PRECISION: f64 = 0.75;
const FLOOR_RECALL: f64 = 0.74;
/// The most sessions with an abstract that may get no topic.
const CEILING_UNTAGGED: f64 = 0.15;

fn read(path: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(root().join(path)).unwrap()).unwrap()
}

/// The topics confgraph gives each session of the sample, read from the file the sample names.
fn given(sample: &[Value]) -> BTreeMap<String, BTreeSet<String>> {
    let files: BTreeSet<&str> = sample.iter().filter_map(|s| s["read_from"].as_str()).collect();
    let mut topics = BTreeMap::new();
    for file in files {
        let out = confgraph().current_dir(root()).args(["extract", "--format", "json", file]).output().unwrap();
        let json: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
        for s in json["sessions"].as_array().into_iter().flatten() {
            let ts = s["topics"].as_array().into_iter().flatten().filter_map(Value::as_str).map(str::to_owned);
            topics.entry(s["id"].as_str().unwrap_or_default().to_owned()).or_insert_with(|| ts.collect());
        }
    }
    topics
}

#[test]
fn a_blind_sample_gets_the_topics_its_reader_gave() {
    let sample = read("tests/fixtures/topics/sessions.json");
    let sample = sample.as_array().unwrap();
    assert!(sample.len() >= 120);
    let expected = read("tests/fixtures/topics/answers.json");
    let given = given(sample);
    let (mut tp, mut fp, mut fn_, mut untagged, mut with_abstract) = (0, 0, 0, 0, 0);
    for s in sample {
        let id = s["id"].as_str().unwrap();
        let want: BTreeSet<String> =
            expected["sessions"][id].as_array().unwrap().iter().map(|t| t.as_str().unwrap().to_owned()).collect();
        let got = given.get(id).unwrap_or_else(|| panic!("{id} not read from {}", s["read_from"]));
        tp += want.intersection(got).count();
        fp += got.difference(&want).count();
        fn_ += want.difference(got).count();
        if !s["abstract"].as_str().unwrap_or_default().trim().is_empty() {
            with_abstract += 1;
            untagged += usize::from(got.is_empty());
        }
    }
    let ratio = |a: usize, b: usize| a as f64 / b.max(1) as f64;
    let (precision, recall) = (ratio(tp, tp + fp), ratio(tp, tp + fn_));
    let untagged = ratio(untagged, with_abstract);
    eprintln!("topics on the blind sample: precision {precision:.3}, recall {recall:.3}, untagged {untagged:.3}");
    assert!(precision >= FLOOR_PRECISION, "precision {precision:.3}");
    assert!(recall >= FLOOR_RECALL, "recall {recall:.3}");
    assert!(untagged <= CEILING_UNTAGGED, "untagged with an abstract {untagged:.3}");
}

//! End-to-end tests of the `confgraph` command: one binary, a temp dir per test.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn confgraph() -> Command {
    Command::cargo_bin("confgraph").expect("binary is built")
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn extract_json(paths: &[&Path]) -> Value {
    let out = confgraph()
        .arg("extract")
        .arg("--format")
        .arg("json")
        .args(paths)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "extract failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

/// Title identity for scoring: case, punctuation and accents folded.
fn title_key(conference: &str, title: &str) -> String {
    let folded: String = title
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    format!(
        "{conference}|{}",
        folded.split_whitespace().collect::<Vec<_>>().join(" ")
    )
}

fn name_key(name: &str) -> String {
    confgraph::resolve::name_key(name)
}

struct Score {
    sessions: (f64, f64),
    pairs: (f64, f64),
    report: String,
}

fn ratio(hit: usize, total: usize) -> f64 {
    if total == 0 {
        1.0
    } else {
        hit as f64 / total as f64
    }
}

/// Recall and precision of sessions and of (session, speaker) pairs against an expected file.
fn score(expected: &Value, actual: &Value) -> Score {
    let set = |sessions: &Value| -> (BTreeSet<String>, BTreeSet<String>) {
        let mut s = BTreeSet::new();
        let mut p = BTreeSet::new();
        for session in sessions.as_array().expect("sessions array") {
            let key = title_key(
                session["conference"].as_str().unwrap(),
                session["title"].as_str().unwrap(),
            );
            for speaker in session["speakers"].as_array().unwrap() {
                p.insert(format!("{key}|{}", name_key(speaker.as_str().unwrap())));
            }
            s.insert(key);
        }
        (s, p)
    };
    let (es, ep) = set(&expected["sessions"]);
    let (as_, ap) = set(&actual["sessions"]);
    let mut report = String::new();
    for missing in es.difference(&as_) {
        report.push_str(&format!("  missing session: {missing}\n"));
    }
    for extra in as_.difference(&es) {
        report.push_str(&format!("  extra session:   {extra}\n"));
    }
    for missing in ep.difference(&ap) {
        report.push_str(&format!("  missing speaker: {missing}\n"));
    }
    for extra in ap.difference(&ep) {
        report.push_str(&format!("  extra speaker:   {extra}\n"));
    }
    Score {
        sessions: (
            ratio(es.intersection(&as_).count(), es.len()),
            ratio(es.intersection(&as_).count(), as_.len()),
        ),
        pairs: (
            ratio(ep.intersection(&ap).count(), ep.len()),
            ratio(ep.intersection(&ap).count(), ap.len()),
        ),
        report,
    }
}

fn check_against_expected(notes: &Path, expected_path: &Path) -> Option<String> {
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(expected_path).expect("expected file"))
            .expect("expected JSON");
    let actual = extract_json(&[notes]);
    let s = score(&expected, &actual);
    let want = &expected["conference"];
    let conference_ok = actual["conferences"].as_array().unwrap().iter().any(|c| {
        c["series"] == want["series"]
            && c["year"] == want["year"]
            && c["location"] == want["location"]
    });
    let line = format!(
        "{}: sessions recall {:.3} precision {:.3}; speakers recall {:.3} precision {:.3}; conference {}",
        notes.display(),
        s.sessions.0,
        s.sessions.1,
        s.pairs.0,
        s.pairs.1,
        if conference_ok { "ok" } else { "WRONG" }
    );
    eprintln!("{line}\n{}", s.report);
    let pass = s.sessions.0 >= 0.95
        && s.sessions.1 >= 0.95
        && s.pairs.0 >= 0.95
        && s.pairs.1 >= 0.95
        && conference_ok;
    (!pass).then_some(line)
}

#[test]
fn bundled_notes_meet_recall_and_precision_per_file() {
    let mut failures = Vec::new();
    for entry in std::fs::read_dir(root().join("notes")).unwrap() {
        let notes = entry.unwrap().path();
        let stem = notes.file_stem().unwrap().to_string_lossy().into_owned();
        let expected = root().join("tests/expected").join(format!("{stem}.json"));
        failures.extend(check_against_expected(&notes, &expected));
    }
    assert!(failures.is_empty(), "below 0.95:\n{}", failures.join("\n"));
}

#[test]
fn unseen_fixtures_meet_recall_and_precision_per_file() {
    let mut failures = Vec::new();
    let mut count = 0;
    for style in ["talk-notes", "schedule", "recap"] {
        let dir = root().join("tests/fixtures").join(style);
        let mut per_style = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let notes = entry.unwrap().path();
            if notes.to_string_lossy().ends_with(".expected.json") {
                continue;
            }
            let stem = notes.file_stem().unwrap().to_string_lossy().into_owned();
            failures.extend(check_against_expected(
                &notes,
                &dir.join(format!("{stem}.expected.json")),
            ));
            per_style += 1;
        }
        assert!(per_style >= 2, "at least two fixtures of style {style}");
        count += per_style;
    }
    assert!(count >= 6);
    assert!(failures.is_empty(), "below 0.95:\n{}", failures.join("\n"));
}

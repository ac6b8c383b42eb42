//! Scoring what `confgraph extract` read against a blind fixture's expected sessions: recall and
//! precision of sessions and of (session, speaker) pairs, titles and names folded.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use serde_json::Value;

/// Title identity for scoring: case, punctuation and accents folded.
pub fn title_key(conference: &str, title: &str) -> String {
    let folded: String =
        title.chars().filter(|c| c.is_alphanumeric() || c.is_whitespace()).collect::<String>().to_lowercase();
    format!("{conference}|{}", folded.split_whitespace().collect::<Vec<_>>().join(" "))
}

pub fn name_key(name: &str) -> String {
    confgraph::resolve::name_key(name)
}

pub struct Score {
    /// Recall and precision of sessions.
    pub sessions: (f64, f64),
    /// Recall and precision of (session, speaker) pairs.
    pub pairs: (f64, f64),
    /// The missing and extra sessions and speakers, one per line.
    pub report: String,
    /// Hits and totals: sessions expected, found, matched; pairs expected, found, matched.
    pub counts: [usize; 6],
}

pub fn ratio(hit: usize, total: usize) -> f64 {
    if total == 0 { 1.0 } else { hit as f64 / total as f64 }
}

/// Recall and precision of sessions and of (session, speaker) pairs against an expected file.
pub fn score(expected: &Value, actual: &Value) -> Score {
    let set = |sessions: &Value| -> (BTreeSet<String>, BTreeSet<String>) {
        let mut s = BTreeSet::new();
        let mut p = BTreeSet::new();
        for session in sessions.as_array().expect("sessions array") {
            let key = title_key(session["conference"].as_str().unwrap(), session["title"].as_str().unwrap());
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
        let _ = writeln!(report, "  missing session: {missing}");
    }
    for extra in as_.difference(&es) {
        let _ = writeln!(report, "  extra session:   {extra}");
    }
    for missing in ep.difference(&ap) {
        let _ = writeln!(report, "  missing speaker: {missing}");
    }
    for extra in ap.difference(&ep) {
        let _ = writeln!(report, "  extra speaker:   {extra}");
    }
    let counts = [es.len(), as_.len(), es.intersection(&as_).count(), ep.len(), ap.len(), ep.intersection(&ap).count()];
    Score {
        counts,
        sessions: (ratio(es.intersection(&as_).count(), es.len()), ratio(es.intersection(&as_).count(), as_.len())),
        pairs: (ratio(ep.intersection(&ap).count(), ep.len()), ratio(ep.intersection(&ap).count(), ap.len())),
        report,
    }
}

//! Item "titles" that are no talk titles: remarks, clauses someone said, a short ceremony line.

use super::super::super::kind::{classify, opens_as_ceremony};
use crate::model::SessionKind;

/// A "title" that opens with a pronoun is a remark (`we should compare…`, `she's on the Slack`), and
/// so is one of thanks (`thanks to the museum, code of conduct, the usual`).
pub(super) fn opens_a_remark(title: &str) -> bool {
    let first = title.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’').next().unwrap_or_default();
    if matches!(first, "Thanks" | "Thank") {
        return true;
    }
    matches!(
        first,
        "we" | "thanks"
            | "thank"
            | "she"
            | "he"
            | "they"
            | "i"
            | "you"
            | "it"
            | "our"
            | "my"
            | "her"
            | "his"
            | "their"
            | "she's"
            | "he's"
            | "they're"
            | "we're"
            | "it's"
            | "i'm"
    )
}

/// `Closing remarks + raffle`, `Welcome`: a short line naming a ceremony (`Closing remarks,
/// Hendrik again. …` is a remark).
pub(super) fn is_lone_ceremony(title: &str) -> bool {
    title.split_whitespace().count() <= 6
        && !title.contains([',', '.', ';', '!', '?'])
        && opens_as_ceremony(title)
        && classify(title, None, None) == SessionKind::Ceremony
}

/// Verbs that make a lower-case line a clause someone said, not a title.
const CLAUSE_VERBS: &[&str] = &[
    "is", "are", "was", "were", "should", "must", "can", "helps", "help", "needs", "need", "kept", "keeps", "makes",
    "made", "said", "says", "did", "does", "has", "have", "will", "would", "thinks", "argued", "wants",
];

/// A lower-case line of four words or more with a verb in it: `liability is the blocker`.
pub(super) fn is_clause(text: &str) -> bool {
    let words: Vec<String> =
        text.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase()).collect();
    // (`why rust is hard for beginners` is a title in lower case.)
    let question =
        words.first().is_some_and(|w| matches!(w.as_str(), "why" | "how" | "what" | "when" | "where" | "who"));
    !question && words.len() >= 4 && words.iter().any(|w| CLAUSE_VERBS.contains(&w.as_str()))
}

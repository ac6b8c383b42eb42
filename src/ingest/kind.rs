//! What kind of program item a session is, from its title, its abstract and where it stands.
//!
//! One rule table for every notes style, so a "Panel" is a panel in talk notes and in a recap alike.

use crate::model::SessionKind;

/// Headings that group the sessions below them and give them their kind (`## Lightning Talks`).
#[must_use]
pub fn container_kind(heading: &str) -> Option<SessionKind> {
    let h = heading.trim().trim_end_matches(':').to_lowercase();
    let kind = match h.as_str() {
        "lightning talks" | "lightning" | "lightnings" | "lightning talk session" => SessionKind::Lightning,
        "keynotes" => SessionKind::Keynote,
        "tutorials" | "workshops" => SessionKind::Tutorial,
        "panels" => SessionKind::Panel,
        "talks" | "sessions" => SessionKind::Talk,
        _ => return None,
    };
    Some(kind)
}

fn has_word(text: &str, word: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric() && c != '&').any(|w| w.eq_ignore_ascii_case(word))
}

/// Classifies a session. `container` is the kind given by a grouping heading, if any.
#[must_use]
pub fn classify(title: &str, abstract_text: Option<&str>, container: Option<SessionKind>) -> SessionKind {
    if let Some(kind) = container.filter(|k| *k != SessionKind::Talk) {
        return kind;
    }
    let lower = title.to_lowercase();
    let starts = |p: &str| lower.starts_with(p);
    if has_word(title, "keynote") {
        SessionKind::Keynote
    } else if has_word(title, "panel") {
        SessionKind::Panel
    } else if starts("ama ") || lower == "ama" || lower.contains("ask me anything") {
        SessionKind::Ama
    } else if has_word(title, "booth") {
        SessionKind::Booth
    } else if has_word(title, "tutorial") || has_word(title, "workshop") {
        SessionKind::Tutorial
    } else if starts("opening")
        || starts("closing")
        || starts("welcome")
        || starts("introductory remarks")
        || lower.contains("remarks") && (lower.contains("opening") || lower.contains("closing"))
    {
        SessionKind::Ceremony
    } else if abstract_text.is_some_and(|a| {
        let a = a.to_lowercase();
        a.contains("this panel") || a.contains("panel discussion") || a.contains("our panelists")
    }) {
        SessionKind::Panel
    } else if has_word(title, "demo") || has_word(title, "demos") {
        SessionKind::Other
    } else {
        SessionKind::Talk
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_titles() {
        use SessionKind::*;
        for (title, abs, container, want) in [
            ("Opening Remarks", None, None, Ceremony),
            ("Welcome to Pycascades 2022", None, None, Ceremony),
            ("Closing Remarks Day 1", None, None, Ceremony),
            ("PyLadies Panel: Talking about experiences", None, None, Panel),
            ("Meet & Greet with PSF D&I workgroup", Some("Through this panel, we would like"), None, Panel),
            ("AMA with Brett Cannon", None, None, Ama),
            ("MS Booth: What's New in VS Code Python?", None, None, Booth),
            ("Intellicode Demo", None, None, Other),
            ("K. Jay Miller Keynote", None, None, Keynote),
            ("PyOpenSci", None, Some(Lightning), Lightning),
            ("Goodbye GIL", None, None, Talk),
            ("Panels of the future", None, Some(Lightning), Lightning),
        ] {
            assert_eq!(classify(title, abs, container), want, "{title}");
        }
    }

    #[test]
    fn containers() {
        assert_eq!(container_kind("Lightning Talks"), Some(SessionKind::Lightning));
        assert_eq!(container_kind("Day 2"), None);
    }
}

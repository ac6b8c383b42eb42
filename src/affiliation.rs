//! Reading an affiliation as written (`PyTexas Chair`, `Director of Developer Relations at
//! MongoDB`, `Author of Python Crash Course`) as an organisation, when it names one.
//!
//! Used by the graph stages to make organisation nodes; the people's own `affiliations` keep the
//! text as the notes give it.

/// Role words that end an affiliation (`… Chair`, `… Co-founder`) and are not the organisation.
const ROLE_WORDS: &[&str] = &[
    "advocate",
    "author",
    "board",
    "ceo",
    "chair",
    "co-chair",
    "co-founder",
    "cofounder",
    "core",
    "cto",
    "dev",
    "developer",
    "developers",
    "director",
    "editor",
    "engineer",
    "executive",
    "founder",
    "lead",
    "leader",
    "maintainer",
    "manager",
    "member",
    "organiser",
    "organizer",
    "president",
    "principal",
    "release",
    "researcher",
    "scientist",
    "secretary",
    "senior",
    "staff",
    "trainer",
    "trainers",
    "vice",
];

/// The organisation an affiliation names, if any: `PyTexas Chair` → `PyTexas`,
/// `Director of Developer Relations at MongoDB` → `MongoDB`, `Elastic` → `Elastic`,
/// `Author of Python Crash Course` → none, `prolific open source maintainer` → none.
#[must_use]
pub fn organisation_of(affiliation: &str) -> Option<String> {
    let text = affiliation.trim();
    if let Some((_, org)) = text.rsplit_once(" at ") {
        return clean(org);
    }
    if !text.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    // The organisation is what stands before the first role word (`DEFNA Board Member` → DEFNA).
    let first_role = words
        .iter()
        .position(|w| ROLE_WORDS.contains(&w.to_lowercase().trim_matches(|c: char| !c.is_alphanumeric() && c != '-')));
    match first_role {
        Some(0) => None,
        Some(i) => clean(&words[..i].join(" ")),
        None => clean(text),
    }
}

fn clean(org: &str) -> Option<String> {
    let org = org.trim().trim_end_matches([',', '.', ';']).trim();
    (!org.is_empty() && org.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()))
        .then(|| org.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisations_from_affiliations() {
        for (affiliation, want) in [
            ("Elastic", Some("Elastic")),
            ("PyTexas Chair", Some("PyTexas")),
            ("DEFNA Board Member", Some("DEFNA")),
            ("Anaconda Co-founder", Some("Anaconda")),
            ("Director of Developer Relations at MongoDB", Some("MongoDB")),
            ("Author of Python Crash Course", None),
            ("prolific open source maintainer", None),
            ("Python Software Foundation Executive Director", Some("Python Software Foundation")),
            ("Microsoft CPython Performance Engineering Team", Some("Microsoft CPython Performance Engineering Team")),
            ("Python Usergroup of Mauritius (PyMUG)", Some("Python Usergroup of Mauritius (PyMUG)")),
        ] {
            assert_eq!(organisation_of(affiliation).as_deref(), want, "{affiliation}");
        }
    }
}

//! A talk at another conference pointed to in a session's notes: `Josh Cannon at Northbay Python:
//! youtube link CSpzTxS8B0`, `Ana Ortiz at RustConf 2021 — slides on her site`. Its title is not
//! told; its edition is the one named, or, with no year, that series' "year unknown" edition.

use super::{Block, BlockKind, Candidate, ConferenceName, LazyLock, NameRef, Regex, SessionKind, conferences_in};
use crate::ingest::names::prose::full_name_runs;
use crate::ingest::shapes::Evidence;
use crate::ingest::text::sentences;

/// What follows `Name at Conference` when it points to a talk given there: a colon, dash or
/// bracket, then a recording, slides or the talk (`: youtube link …`, ` — slides`, ` (video)`).
static POINTS_TO_A_TALK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?::|—|–|-|\()\s*(?:(?:the|a|her|his|their|see)\s+)?(?:youtube|youtu\.be|vimeo|video|recording|recorded|slides|talk|keynote)\b")
        .expect("valid regex")
});

/// What may come before the name when the sentence is only the pointer: nothing, or `see`.
static POINTER_LEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\W*(?:(?:see(?:\s+also)?|also|watch|cf\.?)\s+)?$").expect("valid regex"));

/// The talks at other conferences that the notes of each session point to.
#[must_use]
pub fn pointers_in_bodies(blocks: &[Block], home: &ConferenceName, kept: &[Candidate]) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    let owners = kept.iter().filter(|c| c.shape != "prose" && c.conference.is_none() && !c.title.is_empty());
    for owner in owners {
        for &bi in &owner.body {
            let told = kept.iter().any(|c| c.shape == "prose" && c.anchor == bi);
            let Some(block) = blocks.get(bi).filter(|b| b.kind != BlockKind::Code && !b.in_quote && !told) else {
                continue;
            };
            if !block.text.contains(" at ") {
                continue;
            }
            for (s, e) in sentences(&block.text) {
                for (offset, name, conference) in pointers_in(&block.text[s..e], home) {
                    // (The same pointer written again is the same talk.)
                    if out.iter().any(|c| c.conference.as_ref() == Some(&conference) && c.speakers[0].name == name) {
                        continue;
                    }
                    let line = block.line_of(s + offset);
                    let mut c = Candidate::new(
                        "prose",
                        "talk elsewhere pointed to in a session's notes",
                        bi,
                        line,
                        String::new(),
                    );
                    c.offset = s + offset;
                    c.speakers = vec![NameRef::named(name)];
                    c.kind = Some(SessionKind::Talk);
                    c.conference = Some(conference);
                    c.evidence = Evidence::Read;
                    out.push(c);
                }
            }
        }
    }
    out
}

/// `Name at Conference: youtube …` in one sentence: where the name starts, the name and the
/// edition (never the file's own).
fn pointers_in(sentence: &str, home: &ConferenceName) -> Vec<(usize, String, ConferenceName)> {
    let mut found = Vec::new();
    // (Finding conferences is the costly part: a pointer has ` at ` and a colon, dash or bracket.)
    if !sentence.contains(" at ") || !sentence.contains([':', '—', '–', '(', '-']) {
        return found;
    }
    for c in conferences_in(sentence) {
        let Some(before) = sentence[..c.start].strip_suffix(" at ") else { continue };
        if !POINTS_TO_A_TALK.is_match(&sentence[c.end..]) || c.name.series == home.series {
            continue;
        }
        let window = before.len().saturating_sub(120);
        let window = (window..before.len()).find(|&i| before.is_char_boundary(i)).unwrap_or(before.len());
        if let Some((offset, name)) = full_name_runs(&before[window..]).into_iter().next_back()
            && window + offset + name.len() == before.len()
            && POINTER_LEAD.is_match(&before[..window + offset])
        {
            found.push((window + offset, name, ConferenceName { location: None, ..c.name.clone() }));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn home() -> ConferenceName {
        ConferenceName { series: "PyCascades".into(), year: Some(2024), location: None }
    }

    fn read(sentence: &str) -> Vec<(String, String, Option<u16>)> {
        pointers_in(sentence, &home()).into_iter().map(|(_, n, c)| (n, c.series, c.year)).collect()
    }

    #[test]
    fn a_recording_of_a_talk_elsewhere_is_a_talk_there() {
        assert_eq!(
            read("Josh Cannon at Northbay Python: youtube link CSpzTxS8B0"),
            vec![("Josh Cannon".into(), "North Bay Python".into(), None)]
        );
        assert_eq!(
            read("see also Ana Ortiz at DjangoCon US 2019 (slides on her site)"),
            vec![("Ana Ortiz".into(), "DjangoCon US".into(), Some(2019))]
        );
    }

    #[test]
    fn meeting_someone_at_a_conference_is_no_talk() {
        assert!(read("I met Ana Ortiz at DjangoCon US 2019 and we had lunch.").is_empty());
        assert!(read("I met Ana Ortiz at DjangoCon US, video of the keynote later.").is_empty());
        assert!(read("Not Josh Cannon at Northbay Python: youtube link CSpzTxS8B0").is_empty());
        assert!(read("Lunch with Maria Garcia at EuroPython, the keynote was the best part.").is_empty());
        assert!(read("Ana Ortiz at PyCascades: youtube link").is_empty(), "the file's own series");
    }
}

//! The same talk given at another edition (`the same talk she gave at X 2023`), and a series
//! written short.

use super::{Block, BlockKind, Candidate, ConferenceName, LazyLock, ProseConference, Regex, conferences_in, sentences};

/// `This is the same talk I gave at Hackfest Cymru 2023 and again at Embedded North 2024.` in
/// the notes under a session: that session again, at each edition the sentence names (a
/// sentence with a quoted title, or a paragraph that tells of a talk, is the prose reader's).
#[must_use]
pub fn repeats_in_bodies(blocks: &[Block], home: &ConferenceName, kept: &[Candidate]) -> Vec<Candidate> {
    let mut out = Vec::new();
    // (A talk told in prose has its repeats read with it, in its own paragraph.)
    let owners = kept.iter().filter(|c| c.shape != "prose" && c.conference.is_none());
    for owner in owners.filter(|c| !c.speakers.is_empty() && !c.title.is_empty()) {
        for &bi in &owner.body {
            // (A paragraph that tells of a talk of its own has its repeats read with that talk.)
            let told = kept.iter().any(|c| c.shape == "prose" && c.anchor == bi);
            let Some(block) = blocks.get(bi).filter(|b| b.kind != BlockKind::Code && !told) else { continue };
            for (s, e) in sentences(&block.text) {
                let sentence = &block.text[s..e];
                let Some(m) = SAME_TALK.find(sentence).filter(|_| !sentence.contains(['"', '“', '„'])) else {
                    continue;
                };
                // (`Not the same talk he gave at …`, `She will give the same talk at … 2026`.)
                let before = sentence[..m.start()].to_lowercase();
                let last_words: Vec<&str> = before.split_whitespace().rev().take(4).collect();
                if last_words
                    .iter()
                    .any(|w| matches!(*w, "not" | "never" | "no" | "will" | "won't" | "isn't" | "wasn't"))
                {
                    continue;
                }
                let past = |c: &&ProseConference| c.name.year.is_some_and(|y| home.year.is_none_or(|h| y <= h));
                for c in conferences_in(&sentence[m.end()..]).iter().filter(past) {
                    let series = short_for(&c.name.series, &home.series).unwrap_or_else(|| c.name.series.clone());
                    if series == home.series && c.name.year == home.year {
                        continue;
                    }
                    let mut again = owner.clone();
                    again.conference = Some(ConferenceName { series, ..c.name.clone() });
                    again.line = block.line_of(s + m.start());
                    again.body = Vec::new();
                    again.used = Vec::new();
                    out.push(again);
                }
            }
        }
    }
    out
}

/// `the same talk I gave at`, `gave it again at`, `had given this talk at`: a talk given before,
/// told as the same one.
pub(super) static SAME_TALK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:same\s+(?:talk|keynote|workshop|tutorial)|gave\s+(?:it|this\s+talk|the\s+talk)\s+(?:again\s+|before\s+|first\s+)?(?:at|in)\b|(?:also|already)\s+gave\s+(?:it|this\s+talk|the\s+talk)|given\s+(?:it|this\s+talk|the\s+talk)\s+(?:before\s+)?(?:at|in)\b)")
        .expect("valid regex")
});

/// `Footnote 2022` in notes of Footnote Data Camp, `KRS 2022` in notes of the Kelpie Robotics
/// Symposium: the file's own series written short (its first words, or its initials).
pub(super) fn short_for(series: &str, home: &str) -> Option<String> {
    let (short, long): (Vec<String>, Vec<String>) = (
        series.split_whitespace().map(str::to_lowercase).collect(),
        home.split_whitespace().map(str::to_lowercase).collect(),
    );
    let prefix = short.len() < long.len() && long.starts_with(&short);
    let initials: String = long.iter().filter_map(|w| w.chars().next()).collect();
    let acronym = short.len() == 1 && long.len() >= 2 && short[0] == initials;
    (prefix || acronym).then(|| home.to_owned())
}

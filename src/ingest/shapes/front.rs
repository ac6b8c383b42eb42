//! A note per talk: front matter that gives the talk's title and speakers (`title:`, `speaker:`),
//! the note's body being its notes.

use crate::model::SessionKind;

use super::super::kind::kind_word;
use super::super::names::speakers::{Slot, speaker_list};
use super::super::notes::Notes;
use super::{Candidate, Evidence, Shape};
use crate::text::collapse_ws;

/// Keys that name the talk.
const TITLE_KEYS: &[&str] = &["talk", "talk_title", "talk-title", "session", "title"];
/// Keys that name its speakers.
const SPEAKER_KEYS: &[&str] = &["speaker", "speakers", "presenter", "presenters", "by"];

/// The talk a front matter describes.
///
/// ```
/// use confgraph::ingest::read_notes;
///
/// let notes = "---\nconference: Elm Meadow 2024\ntalk: Types All the Way\nspeaker: \"[[Ana Ortiz]]\"\n---\nGreat notes.\n";
/// let s = &read_notes("n.md", notes.as_bytes()).0.unwrap().sessions[0];
/// assert_eq!((s.title.as_str(), s.speakers[0].name.as_str()), ("Types All the Way", "Ana Ortiz"));
/// ```
pub struct FrontMatterTalk;

impl Shape for FrontMatterTalk {
    fn name(&self) -> &'static str {
        "front matter"
    }

    fn find(&self, notes: &Notes<'_>) -> Vec<Candidate> {
        let Some((speakers, line)) = notes.front.get(SPEAKER_KEYS) else {
            return Vec::new();
        };
        let Some((title, title_line)) = notes.front.first(TITLE_KEYS) else {
            return Vec::new();
        };
        let names: Vec<_> = speakers.iter().filter_map(|s| speaker_list(s, Slot::Stated)).flatten().collect();
        if names.is_empty() {
            return Vec::new();
        }
        let mut c = Candidate::new(
            "front matter",
            "front matter title and speaker",
            notes.blocks.len(),
            title_line,
            collapse_ws(title),
        );
        c.speakers = names;
        c.speaker_line = line;
        c.kind =
            notes.front.first(&["type", "kind", "format"]).and_then(|(k, _)| kind_word(k)).or(Some(SessionKind::Talk));
        c.evidence = Evidence::Stated;
        c.body = (0..notes.blocks.len()).collect();
        vec![c]
    }
}

//! A session as the corpus holds it: its id, its speakers as person ids and every place in the
//! notes that tells of it.

use crate::ids::{PersonId, SessionId};
use crate::model::{Session, SourceLine};
use crate::topics::TopicMatch;

/// A session with its id and its speakers as person ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusSession {
    /// `pycascades-2025/web-maps-2-ways-with-streamlit-and-pyscript`.
    pub id: SessionId,
    /// The session as read, less what the corpus keeps elsewhere: its speakers are in
    /// [`CorpusSession::speakers`], and its notes are emptied once a topic is found in them.
    pub session: Session,
    /// Person ids of its speakers, in the order the notes give them.
    pub speakers: Vec<PersonId>,
    /// Ids of the same talk given at other editions (same title, a speaker in common), sorted.
    pub same_talk_as: Vec<SessionId>,
    /// Other places in the notes that tell of this same session (another file's schedule or
    /// recap), in file and line order; see [`super::dedupe`].
    pub also: Vec<SourceLine>,
    /// Topics, best first, each with the labels that matched where.
    pub topics: Vec<TopicMatch>,
}

//! The records that flow through confgraph: conferences, sessions, people and where each came from.
//!
//! These are plain data. Ingest fills them, `resolve` turns name mentions into people, and every
//! later stage only reads them. Nothing here parses or prints.

use std::sync::Arc;

use serde::Serialize;

use crate::ids::EditionId;

/// A place in a notes file: the file as the user named it and a 1-based line number.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct SourceLine {
    /// The notes file, as given on the command line (or `notes/…` for the bundled corpus); one
    /// string shared by every place in the file.
    pub file: Arc<str>,
    /// 1-based line of the original file.
    pub line: u32,
}

/// What kind of program item a session is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SessionKind {
    /// A regular talk.
    Talk,
    /// A keynote.
    Keynote,
    /// A lightning talk.
    Lightning,
    /// A panel discussion.
    Panel,
    /// A tutorial or workshop.
    Tutorial,
    /// A vendor booth demo.
    Booth,
    /// An "ask me anything".
    Ama,
    /// Opening, welcome or closing remarks.
    Ceremony,
    /// Anything else on the program (a demo, an open space).
    Other,
}

impl SessionKind {
    /// The lower-case name used in JSON, tables and IRIs.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Talk => "talk",
            Self::Keynote => "keynote",
            Self::Lightning => "lightning",
            Self::Panel => "panel",
            Self::Tutorial => "tutorial",
            Self::Booth => "booth",
            Self::Ama => "ama",
            Self::Ceremony => "ceremony",
            Self::Other => "other",
        }
    }
}

/// One edition of a conference series (`PyCascades 2025`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conference {
    /// Slug id, `pycascades-2025`.
    pub id: EditionId,
    /// Canonical series name, `PyCascades`.
    pub series: String,
    /// The edition's year; `None` when the notes name the series but never the year (a talk told
    /// in passing, `Josh Cannon at Northbay Python`): the series' "year unknown" edition.
    pub year: Option<u16>,
    /// Where it took place, when the notes say so.
    pub location: Option<String>,
    /// Where the notes name this edition (the header, or the first mention in prose).
    pub source: SourceLine,
    /// Whether a notes file is about this edition (false: only talks told in passing elsewhere).
    pub covered: bool,
}

impl Conference {
    /// How the edition is named: `PyCascades 2025`, `North Bay Python (year unknown)`.
    #[must_use]
    pub fn label(&self) -> String {
        match self.year {
            Some(year) => format!("{} {year}", self.series),
            None => format!("{} (year unknown)", self.series),
        }
    }
}

/// A person as one notes file names them, before identity resolution.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct NameRef {
    /// The name as written (cleaned of asides and mojibake), or `@handle` when only a handle is known.
    pub name: String,
    /// Other names the same line gives for this person (`Lady Red / Christopher Beacham`).
    pub aliases: Vec<String>,
    /// Social handles seen for this person in the same place (`mas.to/@christyheaton`).
    pub handles: Vec<String>,
    /// Current affiliations stated beside the name.
    pub affiliations: Vec<String>,
    /// Former affiliations (`formerly Twitter`).
    pub former_affiliations: Vec<String>,
    /// Links of a session this person gave alone (`slides.ucodery.com/…`): evidence for identity.
    pub links: Vec<String>,
}

impl NameRef {
    /// A bare name with nothing else known.
    #[must_use]
    pub fn named(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            aliases: Vec::new(),
            handles: Vec::new(),
            affiliations: Vec::new(),
            former_affiliations: Vec::new(),
            links: Vec::new(),
        }
    }

    /// Frees the spare capacity its parts were grown with.
    pub fn shrink_to_fit(&mut self) {
        self.name.shrink_to_fit();
        for list in [
            &mut self.aliases,
            &mut self.handles,
            &mut self.affiliations,
            &mut self.former_affiliations,
            &mut self.links,
        ] {
            list.shrink_to_fit();
        }
    }
}

/// A program item as read from the notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// Id of the conference edition it belongs to.
    pub conference: EditionId,
    /// Title with Markdown emphasis stripped and white space collapsed.
    pub title: String,
    /// What kind of item it is.
    pub kind: SessionKind,
    /// Speakers as the notes name them, in the order given. A corpus resolves them into
    /// [`CorpusSession::speakers`](crate::corpus::CorpusSession::speakers) and empties this list:
    /// nothing reads it afterwards, and each name form lives on as its person's name or an alias.
    pub speakers: Vec<NameRef>,
    /// Links given with the session (pretalx, slides, repositories), in order, without duplicates.
    pub links: Vec<String>,
    /// The abstract, when the notes quote one.
    pub abstract_text: Option<String>,
    /// The note-taker's free text about the session, for topic assignment. Nothing is exported
    /// from it: in a corpus it is kept only for sessions no topic fits (the topics report lists
    /// their frequent words) and emptied for the others.
    pub notes: String,
    /// When it took place, as the notes write it (`10:15–10:45`, `Sunday 2:30 p.m.–3 p.m.`).
    pub time: Option<String>,
    /// Its room, track or stage, as the notes write it.
    pub room: Option<String>,
    /// Where the session starts in the notes.
    pub source: SourceLine,
}

impl Session {
    /// Frees the spare capacity its parts were grown with (a one-speaker list keeps room for four).
    pub fn shrink_to_fit(&mut self) {
        self.title.shrink_to_fit();
        self.notes.shrink_to_fit();
        if let Some(text) = &mut self.abstract_text {
            text.shrink_to_fit();
        }
        self.links.shrink_to_fit();
        self.speakers.shrink_to_fit();
        self.speakers.iter_mut().for_each(NameRef::shrink_to_fit);
    }
}

/// One appearance of a person in the notes: as a speaker or merely mentioned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Who, as written.
    pub person: NameRef,
    /// The conference the notes file is about.
    pub conference: EditionId,
    /// Whether the person appears as a speaker of a session there.
    pub as_speaker: bool,
    /// Where.
    pub source: SourceLine,
}

/// Everything read from one notes file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NotesRecord {
    /// The edition the file is about, first; then any other edition its prose names a talk at.
    pub conferences: Vec<Conference>,
    /// Sessions in file order.
    pub sessions: Vec<Session>,
    /// People mentioned outside speaker lines, in file order.
    pub mentions: Vec<Mention>,
}

impl NotesRecord {
    /// Frees the spare capacity of everything read: the corpus takes the sessions and their parts
    /// as they are, and a large corpus holds hundreds of thousands of small lists and strings.
    pub fn shrink_to_fit(&mut self) {
        self.sessions.shrink_to_fit();
        self.sessions.iter_mut().for_each(Session::shrink_to_fit);
        self.mentions.shrink_to_fit();
        self.mentions.iter_mut().for_each(|m| m.person.shrink_to_fit());
    }
}

//! Readable, stable identifiers: the slugs shared by IRIs, GraphML/GEXF node ids and CSV rows.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

/// Lower-case ASCII slug: accents folded, every run of other characters becomes one `-`.
///
/// `"Web Maps, 2 Ways with Streamlit"` → `web-maps-2-ways-with-streamlit`; `"Łukasz Langa"` → `lukasz-langa`.
#[must_use]
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_dash = false;
    for c in fold_to_ascii(text).chars() {
        if c.is_ascii_alphanumeric() {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.push(c.to_ascii_lowercase());
        } else if c != '\'' && c != '’' {
            // An apostrophe joins its word (`O'Connell` → `oconnell`, `Don't` → `dont`).
            pending_dash = true;
        }
    }
    out
}

/// NFKD-decomposes and drops combining marks, then maps the few letters NFKD leaves alone.
/// ASCII text, its own decomposition, is returned as it is.
#[must_use]
pub fn fold_to_ascii(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    text.nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            'Ł' => 'L',
            'ł' => 'l',
            'Ø' => 'O',
            'ø' => 'o',
            'Đ' => 'D',
            'đ' => 'd',
            'ß' => 's',
            'Æ' => 'A',
            'æ' => 'a',
            'ı' => 'i',
            other => other,
        })
        .collect()
}

/// What an edition's id ends with when the notes never say its year.
pub const YEAR_UNKNOWN: &str = "year-unknown";

/// `PyCascades`, 2025 → `pycascades-2025`; a series with no year known → `north-bay-python-year-unknown`.
#[must_use]
pub fn conference_id(series: &str, year: Option<u16>) -> EditionId {
    match year {
        Some(year) => format!("{}-{year}", slug(series)).into(),
        None => format!("{}-{YEAR_UNKNOWN}", slug(series)).into(),
    }
}

/// The series slug of an edition id: `pycon-us-2024` → `pycon-us`,
/// `north-bay-python-year-unknown` → `north-bay-python`.
#[must_use]
pub fn series_of_edition(edition: &str) -> &str {
    if let Some(series) = edition.strip_suffix(YEAR_UNKNOWN).and_then(|s| s.strip_suffix('-')) {
        return series;
    }
    edition.rsplit_once('-').map_or(edition, |(s, _)| s)
}

/// `pycascades-2025` and the slug of `"Web Maps…"` → `pycascades-2025/web-maps…`. An empty title
/// slug becomes `untitled`.
#[must_use]
pub fn session_id_of_slug(conference: &str, title_slug: &str) -> String {
    if title_slug.is_empty() { format!("{conference}/untitled") } else { format!("{conference}/{title_slug}") }
}

/// The kinds of thing that have a node or an IRI of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Entity {
    /// A conference series (`series/pycascades`).
    Series,
    /// A yearly edition (`edition/pycascades-2025`).
    Edition,
    /// A session (`session/pycascades-2025/web-maps`).
    Session,
    /// A person (`person/christy-heaton`).
    Person,
    /// A topic of the taxonomy (`topic/data-science`).
    Topic,
    /// An organisation (`organisation/microsoft`).
    Organisation,
    /// A notes file (RDF only).
    File,
    /// A line of a notes file (RDF only).
    Source,
    /// A person mentioned at an edition (RDF only).
    Mention,
}

impl Entity {
    /// Every entity kind, in the order of their path segments.
    pub const ALL: [Self; 9] = [
        Self::Edition,
        Self::File,
        Self::Mention,
        Self::Organisation,
        Self::Person,
        Self::Series,
        Self::Session,
        Self::Source,
        Self::Topic,
    ];

    /// The first segment of its paths (`person`).
    #[must_use]
    pub const fn segment(self) -> &'static str {
        match self {
            Self::Series => "series",
            Self::Edition => "edition",
            Self::Session => "session",
            Self::Person => "person",
            Self::Topic => "topic",
            Self::Organisation => "organisation",
            Self::File => "file",
            Self::Source => "source",
            Self::Mention => "mention",
        }
    }
}

/// An entity's path: the node id in `GraphML`, GEXF, the Gephi and Neo4j CSV files, and its IRI
/// under the base in RDF. Every format makes its ids here, so they are the same in all of them.
///
/// ```
/// use confgraph::ids::{Entity, path};
///
/// assert_eq!(path(Entity::Person, "christy-heaton"), "person/christy-heaton");
/// assert_eq!(path(Entity::Session, "pycascades-2025/web-maps"), "session/pycascades-2025/web-maps");
/// ```
#[must_use]
pub fn path(entity: Entity, id: impl std::fmt::Display) -> String {
    format!("{}/{id}", entity.segment())
}

/// An id that knows the kind of entity it names, and so makes its own path: a person's id can
/// only make a person's path.
pub trait EntityId: std::fmt::Display {
    /// The kind of entity.
    const ENTITY: Entity;

    /// The entity's path, `person/christy-heaton` (see [`path`]).
    #[must_use]
    fn path(&self) -> String {
        path(Self::ENTITY, self)
    }
}

/// Defines a typed id: a shared string that reads as `&str`, serialises as a plain string and
/// makes its entity's path.
macro_rules! entity_id {
    ($(#[$doc:meta])* $name:ident, $entity:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
        #[serde(transparent)]
        pub struct $name(std::sync::Arc<str>);

        impl $name {
            /// The id as a string.
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl EntityId for $name {
            const ENTITY: Entity = Entity::$entity;
        }

        impl std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                Self(id.into())
            }
        }

        impl From<String> for $name {
            fn from(id: String) -> Self {
                Self(id.into())
            }
        }

        impl From<std::sync::Arc<str>> for $name {
            fn from(id: std::sync::Arc<str>) -> Self {
                Self(id)
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                &*self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                &*self.0 == *other
            }
        }
    };
}

entity_id!(
    /// A conference series: the slug of its name (`pycascades`).
    SeriesId,
    Series
);
entity_id!(
    /// A yearly edition: the series slug and the year (`pycascades-2025`).
    EditionId,
    Edition
);
entity_id!(
    /// A session: its edition and the slug of its title (`pycascades-2025/web-maps`).
    SessionId,
    Session
);
entity_id!(
    /// A person: the slug of their canonical name (`christy-heaton`).
    PersonId,
    Person
);
entity_id!(
    /// A topic of the taxonomy: the concept IRI's last segment (`free-threading`).
    TopicId,
    Topic
);
entity_id!(
    /// An organisation: the slug of its name (`microsoft`).
    OrganisationId,
    Organisation
);

impl SeriesId {
    /// The id of the series named `name`.
    #[must_use]
    pub fn of(name: &str) -> Self {
        slug(name).into()
    }
}

impl OrganisationId {
    /// The id of the organisation named `name`.
    #[must_use]
    pub fn of(name: &str) -> Self {
        slug(name).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_table() {
        for (input, want) in [
            ("Web Maps, 2 Ways with Streamlit and PyScript", "web-maps-2-ways-with-streamlit-and-pyscript"),
            ("Łukasz Langa", "lukasz-langa"),
            ("Sheena O'Connell", "sheena-oconnell"),
            ("Let Me Introduce Y’all to Y’all", "let-me-introduce-yall-to-yall"),
            ("  --  ", ""),
            ("Fridolín Pokorný", "fridolin-pokorny"),
        ] {
            assert_eq!(slug(input), want, "{input}");
        }
    }

    #[test]
    fn ids_are_composed_from_slugs() {
        assert_eq!(conference_id("PyCon US", Some(2024)), "pycon-us-2024");
        assert_eq!(conference_id("North Bay Python", None), "north-bay-python-year-unknown");
        assert_eq!(series_of_edition("north-bay-python-year-unknown"), "north-bay-python");
        assert_eq!(series_of_edition("pycon-us-2024"), "pycon-us");
        assert_eq!(session_id_of_slug("pycon-us-2024", &slug("???")), "pycon-us-2024/untitled");
        // A typed id makes only its own entity's path.
        assert_eq!(PersonId::from("ana-lima").path(), "person/ana-lima");
        assert_eq!(conference_id("PyCon US", Some(2024)).path(), "edition/pycon-us-2024");
        assert_eq!(SeriesId::of("PyCon US").path(), "series/pycon-us");
    }
}

//! The corpus as triples: one builder method per kind of entity, each adding that entity's
//! triples and their source locations.

use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{Literal, LiteralRef, NamedNode, NamedNodeRef, TermRef};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::Base;
use super::table::{TableBuilder, TripleTable};
use crate::affiliation::organisation_of;
use crate::corpus::{Corpus, CorpusSession};
use crate::ids::{EditionId, Entity, EntityId, OrganisationId, SeriesId, path, slug};
use crate::model::{Conference, SessionKind};
use crate::resolve::Person;
use crate::topics::Topic;

pub(super) fn string(value: &str) -> LiteralRef<'_> {
    LiteralRef::new_simple_literal(value)
}

pub(super) fn typed(value: &impl ToString, datatype: NamedNodeRef<'_>) -> Literal {
    Literal::new_typed_literal(value.to_string(), datatype)
}

/// An `xsd:boolean`, without formatting one for each mention.
fn boolean(value: bool) -> LiteralRef<'static> {
    LiteralRef::new_typed_literal(if value { "true" } else { "false" }, xsd::BOOLEAN)
}

fn english(value: &str) -> LiteralRef<'_> {
    LiteralRef::new_language_tagged_literal_unchecked(value, "en")
}

/// The class a session kind adds to `schema:Event` and `cg:Session`.
fn kind_class(kind: SessionKind) -> NamedNodeRef<'static> {
    match kind {
        SessionKind::Talk => iri!(conf "Talk"),
        SessionKind::Keynote => iri!(cg "Keynote"),
        SessionKind::Lightning => iri!(cg "LightningTalk"),
        SessionKind::Panel => iri!(conf "Panel"),
        SessionKind::Tutorial => iri!(conf "Tutorial"),
        SessionKind::Booth => iri!(cg "BoothDemo"),
        SessionKind::Ama => iri!(cg "AskMeAnything"),
        SessionKind::Ceremony => iri!(cg "Ceremony"),
        SessionKind::Other => iri!(cg "OtherSession"),
    }
}

/// A link as an IRI: scheme added to `mas.to/@x`, anything that is still not an IRI dropped.
pub(super) fn link_iri(link: &str) -> Option<NamedNode> {
    let full =
        if link.contains("://") || link.starts_with("mailto:") { link.to_owned() } else { format!("https://{link}") };
    NamedNode::new(full).ok()
}

struct Builder<'a, 'c> {
    base: &'a Base,
    triples: TableBuilder,
    /// Each notes file's node, slug and slug number, by its name in the corpus.
    files: HashMap<&'c str, (NamedNode, String, u32)>,
    /// Numbers of the file slugs described (two names may share a slug, and then a node).
    slugs: HashMap<String, u32>,
    /// Source locations described: slug number and line.
    lines: HashSet<(u32, u32)>,
}

impl<'c> Builder<'_, 'c> {
    fn add<'x>(&mut self, s: &'x NamedNode, p: NamedNodeRef<'x>, o: impl Into<TermRef<'x>>) {
        self.triples.add(s, p, o);
    }

    fn a(&mut self, s: &NamedNode, class: NamedNodeRef<'_>) {
        self.add(s, rdf::TYPE, class);
    }

    /// The source-location node for `file:line`, with its file node.
    fn source(&mut self, file: &'c str, line: u32) -> NamedNode {
        if !self.files.contains_key(file) {
            let file_slug = slug(file);
            let file_node = self.base.node(&path(Entity::File, &file_slug));
            let next = u32::try_from(self.slugs.len()).expect("fewer than 2^32 notes files");
            let number = *self.slugs.entry(file_slug.clone()).or_insert(next);
            if number == next {
                self.a(&file_node, iri!(cg "NotesFile"));
                self.a(&file_node, iri!(prov "Entity"));
                self.add(&file_node, iri!(cg "path"), string(file));
            }
            self.files.insert(file, (file_node, file_slug, number));
        }
        let (file_node, file_slug, number) = &self.files[file];
        let node = self.base.node(&path(Entity::Source, format_args!("{file_slug}-L{line}")));
        // Through the table itself: `self.add` would borrow the file node's owner too.
        if self.lines.insert((*number, line)) {
            self.triples.add(&node, rdf::TYPE, iri!(cg "SourceLocation"));
            self.triples.add(&node, iri!(cg "inFile"), file_node);
            self.triples.add(&node, iri!(cg "line"), &typed(&line, xsd::INTEGER));
        }
        node
    }
}

/// The RDF graph of a corpus, sorted, without duplicates.
#[must_use]
pub fn corpus_triples(corpus: &Corpus, base: &Base) -> TripleTable {
    // Per session, person and edition, the bundled notes and 1 MB to 50 MB of synthetic notes
    // need 16-25 triples, 6-8 terms and 540-700 bytes of term text: room for a little more is
    // reserved. Pages never written to take no memory (the term map's control bytes are written,
    // one per slot).
    let items = corpus.sessions.len() + corpus.people.people.len() + corpus.conferences.len();
    let mut b = Builder {
        base,
        triples: TableBuilder::with_capacity(items * 30, items * 10, items * 800),
        files: HashMap::default(),
        slugs: HashMap::default(),
        lines: HashSet::default(),
    };
    for c in &corpus.conferences {
        b.conference(c);
    }
    for s in &corpus.sessions {
        b.session(s);
    }
    b.topics(&corpus.topics.topics);
    for p in &corpus.people.people {
        b.person(p);
    }
    b.triples.finish()
}

impl<'c> Builder<'_, 'c> {
    /// A series and one of its editions.
    fn conference(&mut self, c: &'c Conference) {
        let series = self.base.node(&SeriesId::of(&c.series).path());
        let edition = self.base.node(&c.id.path());
        self.a(&series, iri!(schema "EventSeries"));
        self.a(&series, iri!(conf "ConferenceSeries"));
        self.add(&series, iri!(schema "name"), string(&c.series));
        self.add(&series, iri!(schema "subEvent"), &edition);
        self.a(&edition, iri!(schema "Event"));
        self.a(&edition, iri!(conf "Conference"));
        self.add(&edition, iri!(schema "name"), string(&c.label()));
        self.add(&edition, iri!(schema "superEvent"), &series);
        // A year the notes never give is left out, never guessed.
        if let Some(year) = c.year {
            self.add(&edition, iri!(schema "startDate"), &typed(&year, xsd::G_YEAR));
            self.add(&edition, iri!(cg "year"), &typed(&year, xsd::INTEGER));
        } else {
            self.add(&edition, iri!(cg "yearUnknown"), boolean(true));
        }
        self.add(&edition, iri!(cg "coveredByNotes"), boolean(c.covered));
        if let Some(location) = &c.location {
            self.add(&edition, iri!(schema "location"), string(location));
        }
        let source = self.source(&c.source.file, c.source.line);
        self.add(&edition, iri!(prov "wasDerivedFrom"), &source);
    }

    /// A session, its speakers, links, topics and source.
    fn session(&mut self, s: &'c CorpusSession) {
        let node = self.base.node(&s.id.path());
        let session = &s.session;
        self.a(&node, iri!(schema "Event"));
        self.a(&node, iri!(cg "Session"));
        self.a(&node, kind_class(session.kind));
        self.add(&node, iri!(schema "name"), string(&session.title));
        self.add(&node, iri!(cg "sessionKind"), string(session.kind.as_str()));
        self.add(&node, iri!(schema "superEvent"), &self.base.node(&session.conference.path()));
        for person in &s.speakers {
            self.add(&node, iri!(schema "performer"), &self.base.node(&person.path()));
        }
        for link in session.links.iter().filter_map(|l| link_iri(l)) {
            self.add(&node, iri!(schema "url"), &link);
        }
        for t in &s.topics {
            self.add(&node, iri!(schema "about"), &self.base.node(&t.topic.path()));
        }
        for other in &s.same_talk_as {
            self.add(&node, iri!(cg "sameTalkAs"), &self.base.node(&other.path()));
        }
        if let Some(abstract_text) = &session.abstract_text {
            self.add(&node, iri!(schema "description"), string(abstract_text));
        }
        let source = self.source(&session.source.file, session.source.line);
        self.add(&node, iri!(prov "wasDerivedFrom"), &source);
    }

    /// The topic scheme and its concepts.
    fn topics(&mut self, topics: &[Topic]) {
        let topic_scheme = self.base.node("topic/scheme");
        self.a(&topic_scheme, iri!(skos "ConceptScheme"));
        self.add(&topic_scheme, iri!(skos "prefLabel"), english("Python conference topics"));
        for t in topics {
            let node = self.base.node(&t.id.path());
            self.a(&node, iri!(skos "Concept"));
            self.add(&node, iri!(skos "inScheme"), &topic_scheme);
            self.add(&node, iri!(skos "prefLabel"), english(t.label.as_str()));
            for alt in &t.alt_labels {
                self.add(&node, iri!(skos "altLabel"), english(alt.as_str()));
            }
            for parent in &t.broader {
                self.add(&node, iri!(skos "broader"), &self.base.node(&parent.path()));
            }
        }
    }

    /// A person, their affiliations and their mentions.
    fn person(&mut self, p: &'c Person) {
        let node = self.base.node(&p.id.path());
        self.a(&node, iri!(schema "Person"));
        self.a(&node, iri!(conf "Person"));
        self.add(&node, iri!(schema "name"), string(&p.name));
        for alias in &p.aliases {
            self.add(&node, iri!(schema "alternateName"), string(alias));
        }
        for handle in &p.handles {
            match handle.strip_prefix('@') {
                Some(_) => self.add(&node, iri!(cg "handle"), string(handle)),
                None => {
                    if let Some(iri) = link_iri(handle) {
                        self.add(&node, iri!(schema "sameAs"), &iri);
                    }
                }
            }
        }
        self.affiliations(&node, p);
        self.mentions(&node, p);
    }

    /// A person's current and former organisations.
    fn affiliations(&mut self, node: &NamedNode, p: &Person) {
        for (list, property) in
            [(&p.affiliations, iri!(schema "affiliation")), (&p.former_affiliations, iri!(cg "formerAffiliation"))]
        {
            for org in list.iter().filter_map(|a| organisation_of(a)) {
                let org_node = self.base.node(&OrganisationId::of(&org).path());
                self.a(&org_node, iri!(schema "Organization"));
                self.a(&org_node, iri!(conf "Organisation"));
                self.add(&org_node, iri!(schema "name"), string(&org));
                self.add(node, property, &org_node);
            }
        }
    }

    /// One mention per place and edition: a line that tells a talk at two conferences is two
    /// mentions; a speaker also named in prose on the same line is one, as a speaker.
    fn mentions(&mut self, node: &NamedNode, p: &'c Person) {
        let mut mentions: std::collections::BTreeMap<(&str, u32, &EditionId), bool> = std::collections::BTreeMap::new();
        for m in &p.mentions {
            *mentions.entry((&*m.source.file, m.source.line, &m.conference)).or_default() |= m.as_speaker;
        }
        for ((file, line, conference), as_speaker) in mentions {
            let id = format_args!("{}-L{line}-{}-{conference}", slug(file), p.id);
            let mention = self.base.node(&path(Entity::Mention, id));
            self.a(&mention, iri!(cg "Mention"));
            self.add(&mention, iri!(cg "mentionOf"), node);
            self.add(&mention, iri!(cg "mentionIn"), &self.base.node(&conference.path()));
            self.add(&mention, iri!(cg "asSpeaker"), boolean(as_speaker));
            let source = self.source(file, line);
            self.add(&mention, iri!(prov "wasDerivedFrom"), &source);
        }
    }
}

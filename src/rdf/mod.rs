//! The corpus as RDF: schema.org backbone, `ScholarlyData` conference types, PROV provenance and the
//! project's own `cg:` terms (see `ontology/README.md`); writers for six RDF syntaxes; loading a
//! graph into an in-memory oxigraph store for SPARQL.
//!
//! Output is byte-identical across runs: triples are sorted (subject, then `rdf:type` first, then
//! predicate and object) and prefixes are derived from the IRIs present, in sorted order.

mod jsonld;
mod rdfxml;
#[cfg(test)]
mod strategies;
mod table;
mod turtle;

use std::collections::BTreeSet;
use std::io::{self, Write};

use oxigraph::io::RdfFormat;
use oxigraph::model::{GraphNameRef, Literal, NamedNode, Term, TermRef};
use oxigraph::store::Store;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

pub use table::{TableBuilder, TripleTable};

use crate::affiliation::organisation_of;
use crate::corpus::Corpus;
use crate::ids::slug;
use crate::model::SessionKind;

/// Namespace IRIs.
pub mod ns {
    /// schema.org.
    pub const SCHEMA: &str = "https://schema.org/";
    /// `ScholarlyData` conference ontology.
    pub const CONF: &str = "https://w3id.org/scholarlydata/ontology/conference-ontology.owl#";
    /// SKOS.
    pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
    /// PROV-O.
    pub const PROV: &str = "http://www.w3.org/ns/prov#";
    /// confgraph's own terms.
    pub const CG: &str = "https://w3id.org/confgraph/ontology#";
    /// RDF.
    pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    /// RDF Schema.
    pub const RDFS: &str = "http://www.w3.org/2000/01/rdf-schema#";
    /// XML Schema datatypes.
    pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
    /// OWL.
    pub const OWL: &str = "http://www.w3.org/2002/07/owl#";
}

/// The default base of data IRIs.
pub const DEFAULT_BASE: &str = "https://example.org/confgraph/";

/// Vocabulary prefixes, in the order they are declared (also how query tables shorten IRIs).
pub const VOCABULARY_PREFIXES: &[(&str, &str)] = &[
    ("cg", ns::CG),
    ("conf", ns::CONF),
    ("owl", ns::OWL),
    ("prov", ns::PROV),
    ("rdf", ns::RDF),
    ("rdfs", ns::RDFS),
    ("schema", ns::SCHEMA),
    ("skos", ns::SKOS),
    ("xsd", ns::XSD),
];

/// Entity classes: the path segment under the base and the Turtle prefix.
const ENTITY_PREFIXES: &[(&str, &str)] = &[
    ("edition/", "edition"),
    ("file/", "file"),
    ("mention/", "mention"),
    ("organisation/", "org"),
    ("person/", "person"),
    ("series/", "series"),
    ("source/", "source"),
    ("topic/", "topic"),
];

/// An RDF syntax confgraph writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RdfSyntax {
    /// Turtle (`.ttl`).
    Turtle,
    /// N-Triples (`.nt`).
    NTriples,
    /// N-Quads (`.nq`).
    NQuads,
    /// `TriG` (`.trig`).
    TriG,
    /// RDF/XML (`.rdf`).
    RdfXml,
    /// JSON-LD (`.jsonld`).
    JsonLd,
}

impl RdfSyntax {
    /// Every syntax.
    pub const ALL: [Self; 6] = [Self::Turtle, Self::NTriples, Self::NQuads, Self::TriG, Self::RdfXml, Self::JsonLd];

    /// The usual file extension.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::Turtle => "ttl",
            Self::NTriples => "nt",
            Self::NQuads => "nq",
            Self::TriG => "trig",
            Self::RdfXml => "rdf",
            Self::JsonLd => "jsonld",
        }
    }

    /// The syntax whose output this one's equals, byte for byte, for a graph without named
    /// graphs: N-Quads of default-graph triples are N-Triples lines, and `TriG` of the default
    /// graph is Turtle. `build` writes such a file once and copies it.
    #[must_use]
    pub fn same_bytes_as(self) -> Self {
        match self {
            Self::NQuads => Self::NTriples,
            Self::TriG => Self::Turtle,
            other => other,
        }
    }

    /// The syntax a file extension names.
    #[must_use]
    pub fn from_extension(ext: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.extension() == ext).or(match ext {
            "turtle" => Some(Self::Turtle),
            "ntriples" => Some(Self::NTriples),
            "nquads" => Some(Self::NQuads),
            "xml" | "owl" => Some(Self::RdfXml),
            "json" => Some(Self::JsonLd),
            _ => None,
        })
    }

    fn format(self) -> RdfFormat {
        match self {
            Self::Turtle => RdfFormat::Turtle,
            Self::NTriples => RdfFormat::NTriples,
            Self::NQuads => RdfFormat::NQuads,
            Self::TriG => RdfFormat::TriG,
            Self::RdfXml => RdfFormat::RdfXml,
            Self::JsonLd => RdfFormat::JsonLd { profile: oxjsonld::JsonLdProfileSet::empty() },
        }
    }
}

/// A checked base IRI for data (ends in `/` or `#`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Base(String);

impl Base {
    /// Checks `iri` is an absolute IRI ending in `/` or `#`.
    ///
    /// # Errors
    /// A message saying what is wrong.
    pub fn new(iri: &str) -> Result<Self, String> {
        if !(iri.ends_with('/') || iri.ends_with('#')) {
            return Err(format!("--base must end in `/` or `#`: {iri}"));
        }
        NamedNode::new(iri).map_err(|e| format!("--base is not an absolute IRI ({e}): {iri}"))?;
        Ok(Self(iri.to_owned()))
    }

    /// The base as a string.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn node(&self, path: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("{}{path}", self.0))
    }
}

impl Default for Base {
    fn default() -> Self {
        Self(DEFAULT_BASE.to_owned())
    }
}

fn term(prefix: &str, local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{prefix}{local}"))
}

fn string(value: &str) -> Term {
    Literal::new_simple_literal(value).into()
}

fn typed(value: &impl ToString, datatype: &str) -> Term {
    Literal::new_typed_literal(value.to_string(), term(ns::XSD, datatype)).into()
}

/// The class a session kind adds to `schema:Event` and `cg:Session`.
fn kind_class(kind: SessionKind) -> NamedNode {
    match kind {
        SessionKind::Talk => term(ns::CONF, "Talk"),
        SessionKind::Keynote => term(ns::CG, "Keynote"),
        SessionKind::Lightning => term(ns::CG, "LightningTalk"),
        SessionKind::Panel => term(ns::CONF, "Panel"),
        SessionKind::Tutorial => term(ns::CONF, "Tutorial"),
        SessionKind::Booth => term(ns::CG, "BoothDemo"),
        SessionKind::Ama => term(ns::CG, "AskMeAnything"),
        SessionKind::Ceremony => term(ns::CG, "Ceremony"),
        SessionKind::Other => term(ns::CG, "OtherSession"),
    }
}

/// A link as an IRI: scheme added to `mas.to/@x`, anything that is still not an IRI dropped.
fn link_iri(link: &str) -> Option<NamedNode> {
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
    fn add(&mut self, s: &NamedNode, p: &NamedNode, o: impl Into<Term>) {
        self.triples.add(s, p.as_ref(), &o.into());
    }

    fn a(&mut self, s: &NamedNode, class: NamedNode) {
        self.add(s, &term(ns::RDF, "type"), class);
    }

    /// The source-location node for `file:line`, with its file node.
    fn source(&mut self, file: &'c str, line: u32) -> NamedNode {
        if !self.files.contains_key(file) {
            let file_slug = slug(file);
            let file_node = self.base.node(&format!("file/{file_slug}"));
            let next = u32::try_from(self.slugs.len()).expect("fewer than 2^32 notes files");
            let number = *self.slugs.entry(file_slug.clone()).or_insert(next);
            if number == next {
                self.a(&file_node, term(ns::CG, "NotesFile"));
                self.a(&file_node, term(ns::PROV, "Entity"));
                self.add(&file_node, &term(ns::CG, "path"), string(file));
            }
            self.files.insert(file, (file_node, file_slug, number));
        }
        let (file_node, file_slug, number) = &self.files[file];
        let (file_node, number) = (file_node.clone(), *number);
        let node = self.base.node(&format!("source/{file_slug}-L{line}"));
        if self.lines.insert((number, line)) {
            self.a(&node, term(ns::CG, "SourceLocation"));
            self.add(&node, &term(ns::CG, "inFile"), file_node);
            self.add(&node, &term(ns::CG, "line"), typed(&line, "integer"));
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
    let (schema, cg, conf, prov) = (ns::SCHEMA, ns::CG, ns::CONF, ns::PROV);
    for c in &corpus.conferences {
        let series = base.node(&format!("series/{}", slug(&c.series)));
        let edition = base.node(&format!("edition/{}", c.id));
        b.a(&series, term(schema, "EventSeries"));
        b.a(&series, term(conf, "ConferenceSeries"));
        b.add(&series, &term(schema, "name"), string(&c.series));
        b.add(&series, &term(schema, "subEvent"), edition.clone());
        b.a(&edition, term(schema, "Event"));
        b.a(&edition, term(conf, "Conference"));
        b.add(&edition, &term(schema, "name"), string(&format!("{} {}", c.series, c.year)));
        b.add(&edition, &term(schema, "superEvent"), series);
        b.add(&edition, &term(schema, "startDate"), typed(&c.year, "gYear"));
        b.add(&edition, &term(cg, "year"), typed(&c.year, "integer"));
        b.add(&edition, &term(cg, "coveredByNotes"), typed(&c.covered, "boolean"));
        if let Some(location) = &c.location {
            b.add(&edition, &term(schema, "location"), string(location));
        }
        let source = b.source(&c.source.file, c.source.line);
        b.add(&edition, &term(prov, "wasDerivedFrom"), source);
    }
    for s in &corpus.sessions {
        let node = base.node(&format!("session/{}", s.id));
        let session = &s.session;
        b.a(&node, term(schema, "Event"));
        b.a(&node, term(cg, "Session"));
        b.a(&node, kind_class(session.kind));
        b.add(&node, &term(schema, "name"), string(&session.title));
        b.add(&node, &term(cg, "sessionKind"), string(session.kind.as_str()));
        b.add(&node, &term(schema, "superEvent"), base.node(&format!("edition/{}", session.conference)));
        for person in &s.speakers {
            b.add(&node, &term(schema, "performer"), base.node(&format!("person/{person}")));
        }
        for link in session.links.iter().filter_map(|l| link_iri(l)) {
            b.add(&node, &term(schema, "url"), link);
        }
        for t in &s.topics {
            b.add(&node, &term(schema, "about"), base.node(&format!("topic/{}", t.topic)));
        }
        for other in &s.same_talk_as {
            b.add(&node, &term(cg, "sameTalkAs"), base.node(&format!("session/{other}")));
        }
        if let Some(abstract_text) = &session.abstract_text {
            b.add(&node, &term(schema, "description"), string(abstract_text));
        }
        let source = b.source(&session.source.file, session.source.line);
        b.add(&node, &term(prov, "wasDerivedFrom"), source);
    }
    let topic_scheme = base.node("topic/scheme");
    b.a(&topic_scheme, term(ns::SKOS, "ConceptScheme"));
    b.add(
        &topic_scheme,
        &term(ns::SKOS, "prefLabel"),
        Literal::new_language_tagged_literal_unchecked("Python conference topics", "en"),
    );
    for t in &corpus.topics.topics {
        let node = base.node(&format!("topic/{}", t.id));
        b.a(&node, term(ns::SKOS, "Concept"));
        b.add(&node, &term(ns::SKOS, "inScheme"), topic_scheme.clone());
        b.add(
            &node,
            &term(ns::SKOS, "prefLabel"),
            Literal::new_language_tagged_literal_unchecked(t.label.as_str(), "en"),
        );
        for alt in &t.alt_labels {
            b.add(
                &node,
                &term(ns::SKOS, "altLabel"),
                Literal::new_language_tagged_literal_unchecked(alt.as_str(), "en"),
            );
        }
        for parent in &t.broader {
            b.add(&node, &term(ns::SKOS, "broader"), base.node(&format!("topic/{parent}")));
        }
    }
    for p in &corpus.people.people {
        let node = base.node(&format!("person/{}", p.id));
        b.a(&node, term(schema, "Person"));
        b.a(&node, term(conf, "Person"));
        b.add(&node, &term(schema, "name"), string(&p.name));
        for alias in &p.aliases {
            b.add(&node, &term(schema, "alternateName"), string(alias));
        }
        for handle in &p.handles {
            match handle.strip_prefix('@') {
                Some(_) => b.add(&node, &term(cg, "handle"), string(handle)),
                None => {
                    if let Some(iri) = link_iri(handle) {
                        b.add(&node, &term(schema, "sameAs"), iri);
                    }
                }
            }
        }
        for (list, property) in
            [(&p.affiliations, term(schema, "affiliation")), (&p.former_affiliations, term(cg, "formerAffiliation"))]
        {
            for org in list.iter().filter_map(|a| organisation_of(a)) {
                let org_node = base.node(&format!("organisation/{}", slug(&org)));
                b.a(&org_node, term(schema, "Organization"));
                b.a(&org_node, term(conf, "Organisation"));
                b.add(&org_node, &term(schema, "name"), string(&org));
                b.add(&node, &property, org_node);
            }
        }
        // One mention per place and edition: a line that tells a talk at two conferences is two
        // mentions; a speaker also named in prose on the same line is one, as a speaker.
        let mut mentions: std::collections::BTreeMap<(&str, u32, &str), bool> = std::collections::BTreeMap::new();
        for m in &p.mentions {
            *mentions.entry((&*m.source.file, m.source.line, m.conference.as_str())).or_default() |= m.as_speaker;
        }
        for ((file, line, conference), as_speaker) in mentions {
            let mention = base.node(&format!("mention/{}-L{line}-{}-{conference}", slug(file), p.id));
            b.a(&mention, term(cg, "Mention"));
            b.add(&mention, &term(cg, "mentionOf"), node.clone());
            b.add(&mention, &term(cg, "mentionIn"), base.node(&format!("edition/{conference}")));
            b.add(&mention, &term(cg, "asSpeaker"), typed(&as_speaker, "boolean"));
            let source = b.source(file, line);
            b.add(&mention, &term(prov, "wasDerivedFrom"), source);
        }
    }
    b.triples.finish()
}

/// The prefixes worth declaring for `triples` under `base`: vocabularies in use, entity classes in
/// use, and one prefix per edition whose sessions appear (`pycascades-2025:`).
#[must_use]
pub fn prefixes_for(triples: &TripleTable, base: &Base) -> Vec<(String, String)> {
    let entity_roots: Vec<(String, &str)> =
        ENTITY_PREFIXES.iter().map(|(path, name)| (format!("{}{path}", base.as_str()), *name)).collect();
    let session_root = format!("{}session/", base.as_str());
    let mut vocab_used = vec![false; VOCABULARY_PREFIXES.len()];
    let mut entity_used = vec![false; entity_roots.len()];
    let mut editions: BTreeSet<&str> = BTreeSet::new();
    let mut see = |iri: &'_ str| {
        for (used, (_, ns_iri)) in vocab_used.iter_mut().zip(VOCABULARY_PREFIXES) {
            *used |= iri.starts_with(ns_iri);
        }
        for (used, (root, _)) in entity_used.iter_mut().zip(&entity_roots) {
            *used |= iri.starts_with(root.as_str());
        }
    };
    for term in triples.terms() {
        match term {
            TermRef::NamedNode(n) => see(n.as_str()),
            TermRef::Literal(l) => see(l.datatype().as_str()),
            TermRef::BlankNode(_) => {}
        }
    }
    // Editions whose sessions are subjects (triples come sorted by subject, so each subject is
    // looked at once).
    let mut last_subject = None;
    for [s, _, _] in triples.ids() {
        if last_subject == Some(s) {
            continue;
        }
        last_subject = Some(s);
        if let TermRef::NamedNode(n) = triples.term(s) {
            if let Some(edition) =
                n.as_str().strip_prefix(session_root.as_str()).and_then(|r| r.split_once('/')).map(|(e, _)| e)
            {
                editions.insert(edition);
            }
        }
    }
    let mut out: Vec<(String, String)> = Vec::new();
    for (used, (name, ns_iri)) in vocab_used.iter().zip(VOCABULARY_PREFIXES) {
        if *used {
            out.push(((*name).to_owned(), (*ns_iri).to_owned()));
        }
    }
    for (used, (root, name)) in entity_used.iter().zip(&entity_roots) {
        if *used {
            out.push(((*name).to_owned(), root.clone()));
        }
    }
    for edition in editions {
        let valid_name = edition.starts_with(|c: char| c.is_ascii_alphabetic())
            && edition.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !out.iter().any(|(n, _)| n == edition);
        if valid_name {
            out.push((edition.to_owned(), format!("{session_root}{edition}/")));
        }
    }
    out
}

/// Writes sorted triples in `syntax`, with readable prefixes where the syntax has them.
///
/// # Errors
/// When writing fails.
pub fn write_triples(triples: &TripleTable, base: &Base, syntax: RdfSyntax, writer: impl Write) -> io::Result<()> {
    write_triples_with(triples, &prefixes_for(triples, base), syntax, writer)
}

/// As [`write_triples`], with prefixes computed once by [`prefixes_for`] (when writing one graph
/// in several syntaxes).
///
/// # Errors
/// When writing fails.
pub fn write_triples_with(
    triples: &TripleTable,
    prefixes: &[(String, String)],
    syntax: RdfSyntax,
    writer: impl Write,
) -> io::Result<()> {
    let mut writer = writer;
    match syntax {
        RdfSyntax::NTriples | RdfSyntax::NQuads => turtle::write_ntriples(triples, &mut writer)?,
        RdfSyntax::Turtle | RdfSyntax::TriG => turtle::write_turtle(triples, prefixes, &mut writer)?,
        RdfSyntax::JsonLd => jsonld::write_jsonld(triples, prefixes, &mut writer)?,
        RdfSyntax::RdfXml => rdfxml::write_rdfxml(triples, prefixes, &mut writer)?,
    }
    writer.flush()
}

/// The graph in `syntax` as bytes.
///
/// # Errors
/// When serialising fails (it does not for well-formed triples).
pub fn to_bytes(triples: &TripleTable, base: &Base, syntax: RdfSyntax) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    write_triples(triples, base, syntax, &mut out)?;
    Ok(out)
}

/// A store holding `triples` in its default graph.
///
/// # Errors
/// When the store cannot be created or written.
pub fn store_of(triples: &TripleTable) -> Result<Store, oxigraph::store::StorageError> {
    let store = Store::new()?;
    store.extend(triples.iter().map(|t| t.in_graph(GraphNameRef::DefaultGraph)))?;
    Ok(store)
}

/// Reads an RDF file (syntax from its extension, Turtle when unknown) into sorted triples; quads
/// of every graph are read as triples.
///
/// # Errors
/// A message naming the file and, for syntax errors, the position.
pub fn read_file(path: &std::path::Path) -> Result<TripleTable, String> {
    let syntax = path
        .extension()
        .and_then(|e| e.to_str())
        .and_then(|e| RdfSyntax::from_extension(&e.to_lowercase()))
        .unwrap_or(RdfSyntax::Turtle);
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    read_bytes(&bytes, syntax).map_err(|e| format!("{}: {e}", path.display()))
}

/// Reads RDF in `syntax` into sorted triples; quads of every graph are read as triples.
///
/// # Errors
/// The parser's message, with the position.
pub fn read_bytes(bytes: &[u8], syntax: RdfSyntax) -> Result<TripleTable, String> {
    let mut triples = TableBuilder::default();
    for quad in oxigraph::io::RdfParser::from_format(syntax.format()).for_slice(bytes) {
        let quad = quad.map_err(|e| e.to_string())?;
        triples.add(&quad.subject, quad.predicate.as_ref(), &quad.object);
    }
    Ok(triples.finish())
}

#[cfg(test)]
mod tests {
    use oxigraph::model::Triple;

    use super::*;

    #[test]
    fn base_must_be_an_iri_ending_in_a_separator() {
        assert!(Base::new("https://example.org/x/").is_ok());
        assert!(Base::new("https://example.org/x").is_err());
        assert!(Base::new("not an iri/").is_err());
    }

    #[test]
    fn syntaxes_said_to_share_bytes_do() {
        let s = NamedNode::new_unchecked(format!("{DEFAULT_BASE}session/pycon-us-2024/a"));
        let table: TripleTable = [
            Triple::new(s.clone(), term(ns::SCHEMA, "name"), string("Ünïcode \"q\" <&>\n")),
            Triple::new(s.clone(), term(ns::RDF, "type"), term(ns::CG, "Session")),
            Triple::new(s, term(ns::CG, "line"), typed(&3, "integer")),
        ]
        .into_iter()
        .collect();
        for syntax in RdfSyntax::ALL {
            let same = syntax.same_bytes_as();
            assert_eq!(same.same_bytes_as(), same);
            let bytes = to_bytes(&table, &Base::default(), syntax).unwrap();
            assert_eq!(bytes, to_bytes(&table, &Base::default(), same).unwrap(), "{syntax:?}");
            assert!(!bytes.is_empty());
        }
    }

    #[test]
    fn links_without_scheme_become_https() {
        assert_eq!(link_iri("mas.to/@christyheaton").unwrap().as_str(), "https://mas.to/@christyheaton");
        assert!(link_iri("not a link").is_none());
    }
}

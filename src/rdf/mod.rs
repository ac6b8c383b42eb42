//! The corpus as RDF: schema.org backbone, `ScholarlyData` conference types, PROV provenance and the
//! project's own `cg:` terms (see `ontology/README.md`); writers for six RDF syntaxes; loading a
//! graph into an in-memory oxigraph store for SPARQL.
//!
//! Output is byte-identical across runs: triples are sorted (subject, then `rdf:type` first, then
//! predicate and object) and prefixes are derived from the IRIs present, in sorted order.

mod jsonld;
mod rdfxml;
pub mod sparql;
#[cfg(test)]
mod strategies;
mod table;
mod turtle;

use std::collections::BTreeSet;
use std::io::{self, Write};

use oxigraph::io::RdfFormat;
use oxigraph::model::{GraphNameRef, NamedNode, TermRef};
use oxigraph::store::Store;

use table::TableBuilder;
pub use table::TripleTable;
pub use triples::corpus_triples;

use crate::error::InputError;
use crate::ids::Entity;

/// The namespace IRIs the corpus graph uses, as literals, so [`iri!`] can join them to a local
/// name at compile time.
macro_rules! namespace {
    (schema) => {
        "https://schema.org/"
    };
    (conf) => {
        "https://w3id.org/scholarlydata/ontology/conference-ontology.owl#"
    };
    (skos) => {
        "http://www.w3.org/2004/02/skos/core#"
    };
    (prov) => {
        "http://www.w3.org/ns/prov#"
    };
    (cg) => {
        "https://w3id.org/confgraph/ontology#"
    };
}

/// A vocabulary term, `iri!(schema "name")`: no allocation, however often it is used.
macro_rules! iri {
    ($ns:ident $local:literal) => {
        ::oxigraph::model::NamedNodeRef::new_unchecked(concat!(namespace!($ns), $local))
    };
}

// After the macros, which are in scope only below their definitions.
mod triples;

/// Namespace IRIs.
pub mod ns {
    /// schema.org.
    pub const SCHEMA: &str = namespace!(schema);
    /// `ScholarlyData` conference ontology.
    pub const CONF: &str = namespace!(conf);
    /// SKOS.
    pub const SKOS: &str = namespace!(skos);
    /// PROV-O.
    pub const PROV: &str = namespace!(prov);
    /// confgraph's own terms.
    pub const CG: &str = namespace!(cg);
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

/// Entity classes and their Turtle prefixes (`organisation/` is written `org:`); sessions have
/// none, as their ids hold a `/` that a prefixed name cannot.
fn entity_prefix(entity: Entity) -> Option<&'static str> {
    match entity {
        Entity::Organisation => Some("org"),
        Entity::Session => None,
        other => Some(other.segment()),
    }
}

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
    /// [`InputError::Value`] saying what is wrong.
    pub fn new(iri: &str) -> Result<Self, InputError> {
        let wrong = |problem: String| InputError::Value { what: "--base", problem, value: iri.to_owned() };
        if !(iri.ends_with('/') || iri.ends_with('#')) {
            return Err(wrong("must end in `/` or `#`".into()));
        }
        NamedNode::new(iri).map_err(|e| wrong(format!("is not an absolute IRI ({e})")))?;
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

/// The prefixes worth declaring for `triples` under `base`: vocabularies in use, entity classes in
/// use, and one prefix per edition whose sessions appear (`pycascades-2025:`).
#[must_use]
pub fn prefixes_for(triples: &TripleTable, base: &Base) -> Vec<(String, String)> {
    let entity_roots: Vec<(String, &str)> = Entity::ALL
        .iter()
        .filter_map(|&e| Some((format!("{}{}/", base.as_str(), e.segment()), entity_prefix(e)?)))
        .collect();
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
    // Editions whose sessions are subjects (each subject looked at once).
    for (_, [s, _, _]) in triples.steps().filter(|(step, _)| matches!(step, table::Step::Subject { .. })) {
        if let TermRef::NamedNode(n) = triples.term(s)
            && let Some(edition) =
                n.as_str().strip_prefix(session_root.as_str()).and_then(|r| r.split_once('/')).map(|(e, _)| e)
        {
            editions.insert(edition);
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
    write_triples_with(triples, &prefixes_for(triples, base), base, syntax, writer)
}

/// As [`write_triples`], with prefixes computed once by [`prefixes_for`] (when writing one graph
/// in several syntaxes).
///
/// # Errors
/// When writing fails.
pub fn write_triples_with(
    triples: &TripleTable,
    prefixes: &[(String, String)],
    base: &Base,
    syntax: RdfSyntax,
    writer: impl Write,
) -> io::Result<()> {
    let mut writer = writer;
    match syntax.same_bytes_as() {
        RdfSyntax::NTriples => turtle::write_ntriples(triples, &mut writer)?,
        RdfSyntax::Turtle => turtle::write_turtle(triples, prefixes, &mut writer)?,
        RdfSyntax::JsonLd => jsonld::write_jsonld(triples, base.as_str(), &mut writer)?,
        RdfSyntax::RdfXml => rdfxml::write_rdfxml(triples, prefixes, &mut writer)?,
        RdfSyntax::NQuads | RdfSyntax::TriG => unreachable!("written as the syntax whose bytes they share"),
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
/// [`InputError`] naming the file and, for syntax errors, the parser's position.
pub fn read_file(path: &std::path::Path) -> Result<TripleTable, InputError> {
    let syntax = path
        .extension()
        .and_then(|e| e.to_str())
        .and_then(|e| RdfSyntax::from_extension(&e.to_lowercase()))
        .unwrap_or(RdfSyntax::Turtle);
    let shown = path.display().to_string();
    let bytes =
        std::fs::read(path).map_err(|e| InputError::Unreadable { path: shown.clone(), message: e.to_string() })?;
    read_bytes(&bytes, syntax).map_err(|e| e.in_file(&shown))
}

/// Reads RDF in `syntax` into sorted triples; quads of every graph are read as triples.
///
/// # Errors
/// [`InputError::Syntax`] with the parser's message and position.
pub fn read_bytes(bytes: &[u8], syntax: RdfSyntax) -> Result<TripleTable, InputError> {
    let mut triples = TableBuilder::default();
    for quad in oxigraph::io::RdfParser::from_format(syntax.format()).for_slice(bytes) {
        let quad = quad.map_err(|e| InputError::Syntax { file: String::new(), line: None, message: e.to_string() })?;
        triples.add(&quad.subject, quad.predicate.as_ref(), &quad.object);
    }
    Ok(triples.finish())
}

#[cfg(test)]
mod tests {
    use oxigraph::model::Triple;
    use oxigraph::model::vocab::{rdf, xsd};

    use super::triples::{link_iri, string, typed};
    use super::*;

    #[test]
    fn base_must_be_an_iri_ending_in_a_separator() {
        assert!(Base::new("https://example.org/x/").is_ok());
        assert!(Base::new("https://example.org/x").is_err());
        assert!(Base::new("not an iri/").is_err());
        let err = Base::new("https://example.org/x").unwrap_err();
        assert_eq!(err.to_string(), "--base must end in `/` or `#`: https://example.org/x");
    }

    #[test]
    fn every_syntax_reads_back_including_the_bytes_two_share() {
        let s = NamedNode::new_unchecked(format!("{DEFAULT_BASE}session/pycon-us-2024/a"));
        let table: TripleTable = [
            Triple::new(s.clone(), iri!(schema "name"), string("Ünïcode \"q\" <&>\n")),
            Triple::new(s.clone(), rdf::TYPE, iri!(cg "Session")),
            Triple::new(s, iri!(cg "line"), typed(&3, xsd::INTEGER)),
        ]
        .into_iter()
        .collect();
        let lines = |t: &TripleTable| t.iter().map(|t| t.to_string()).collect::<Vec<_>>();
        for syntax in RdfSyntax::ALL {
            let same = syntax.same_bytes_as();
            assert_eq!(same.same_bytes_as(), same);
            // N-Quads and TriG are written as N-Triples and Turtle: each syntax's parser reads them.
            let bytes = to_bytes(&table, &Base::default(), syntax).unwrap();
            assert!(!bytes.is_empty());
            assert_eq!(lines(&read_bytes(&bytes, syntax).unwrap()), lines(&table), "{syntax:?}");
        }
    }

    #[test]
    fn links_without_scheme_become_https() {
        assert_eq!(link_iri("mas.to/@christyheaton").unwrap().as_str(), "https://mas.to/@christyheaton");
        assert!(link_iri("not a link").is_none());
    }
}

//! RDF/XML written straight from a [`TripleTable`]: each predicate's qualified name worked out
//! once, node IRIs copied from the table unless they need escaping.
//!
//! The output is byte-for-byte what oxrdfxml's serializer writes for the same sorted triples and
//! prefixes (the tests compare them on random graphs): one node element per subject, typed by its
//! first `rdf:type` unless that is an RDF/XML syntax term; properties as empty elements with
//! `rdf:resource` or `rdf:nodeID`, or holding a literal's text; tabs for indentation. Like
//! oxrdfxml's, an IRI with no XML name at its end (`…/2024`) makes an element named `oxprefix:`,
//! which is not well-formed: confgraph's own predicates and classes all end in a name.

use std::collections::BTreeMap;
use std::io::{self, Write};

use oxigraph::model::TermRef;
use oxigraph::model::vocab::{rdf, xsd};
use rustc_hash::FxHashMap as HashMap;

use super::TripleTable;
use super::ns::RDF;
use super::table::Step;
use super::turtle::{is_pn_chars, is_pn_chars_u};
use crate::text::xml::{CHUNK, escape_pieces};

const ITS: &str = "http://www.w3.org/2005/11/its";
const XMLNS: &str = "http://www.w3.org/2000/xmlns/";

/// RDF/XML syntax terms that cannot be a property or a node element's type.
const RESERVED: [&str; 9] = ["Description", "li", "RDF", "ID", "about", "parseType", "resource", "nodeID", "datatype"];

/// Writes `table` as RDF/XML with `prefixes` (name, namespace IRI) declared on `rdf:RDF`.
///
/// # Errors
/// When writing fails, when a prefix is not an IRI, or when a predicate is an RDF/XML syntax term.
pub fn write_rdfxml(table: &TripleTable, prefixes: &[(String, String)], w: &mut impl Write) -> io::Result<()> {
    let mut names = Names::new(prefixes)?;
    let mut out = String::with_capacity(CHUNK + 4096);
    open_document(&mut out, &names);
    // Named and blank nodes whose attribute values need no escape (an escape only lengthens the
    // text) are copied as they are.
    let as_is = table.nodes_as_is(|value| {
        let mut escaped_len = 0;
        escape_pieces(value, false, |piece| escaped_len += piece.len());
        escaped_len == value.len()
    });
    let node =
        |out: &mut String, id: u32, term: TermRef<'_>, attr: &str| node_attribute(out, !as_is[id as usize], term, attr);
    let rdf_type = table.id_of(rdf::TYPE.into());
    // The type whose element names the node element open (else it is `rdf:Description`).
    let mut open_as: Option<u32> = None;
    for (step, [s, p, o]) in table.steps() {
        if let Step::Subject { first } = step {
            if !first {
                close_node(&mut out, open_as.map(|t| names.elements[&t].name.as_str()));
            }
            let typed = Some(p) == rdf_type && table.term(o).is_named_node() && !names.element(table, o).reserved;
            open_as = typed.then_some(o);
            out.push_str("\n\t<");
            match open_as {
                Some(t) => names.elements[&t].open(&mut out),
                None => out.push_str("rdf:Description"),
            }
            node(&mut out, s, table.term(s), "rdf:about");
            out.push('>');
            if typed {
                continue;
            }
        }
        let property = names.element(table, p);
        if property.reserved {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "RDF/XML reserved syntax term is not allowed as a predicate",
            ));
        }
        out.push_str("\n\t\t<");
        property.open(&mut out);
        match table.term(o) {
            term @ (TermRef::NamedNode(_) | TermRef::BlankNode(_)) => {
                node(&mut out, o, term, "rdf:resource");
                out.push_str("/>");
            }
            TermRef::Literal(l) => literal_element_end(&mut out, l, &property.name),
        }
        if out.len() >= CHUNK {
            w.write_all(out.as_bytes())?;
            out.clear();
        }
    }
    if !table.is_empty() {
        close_node(&mut out, open_as.map(|t| names.elements[&t].name.as_str()));
    }
    out.push_str("\n</rdf:RDF>");
    w.write_all(out.as_bytes())
}

/// The XML declaration and `<rdf:RDF` with every namespace declared.
fn open_document(out: &mut String, names: &Names) {
    out.push_str(r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    out.push_str("\n<rdf:RDF");
    for (iri, name) in &names.by_iri {
        attribute(out, &if name.is_empty() { "xmlns".to_owned() } else { format!("xmlns:{name}") }, iri);
    }
    out.push('>');
}

/// ` rdf:about="…"` (` rdf:resource` for an object) or ` rdf:nodeID="…"`, escaped when asked.
fn node_attribute(out: &mut String, escape: bool, term: TermRef<'_>, about_or_resource: &str) {
    match term {
        TermRef::NamedNode(n) => attribute_with(out, about_or_resource, n.as_str(), escape),
        TermRef::BlankNode(b) => attribute_with(out, "rdf:nodeID", b.as_str(), escape),
        TermRef::Literal(_) => unreachable!("a literal is not a node"),
    }
}

/// A literal property element after its name: its language or datatype, its value, its end tag.
fn literal_element_end(out: &mut String, l: oxigraph::model::LiteralRef<'_>, property: &str) {
    if let Some(language) = l.language() {
        attribute(out, "xml:lang", language);
    } else if l.datatype() != xsd::STRING {
        attribute(out, "rdf:datatype", l.datatype().as_str());
    }
    out.push('>');
    escape(out, l.value());
    out.push_str("</");
    out.push_str(property);
    out.push('>');
}

/// Whether `iri` is an RDF/XML syntax term.
fn reserved(iri: &str) -> bool {
    iri.strip_prefix(RDF).is_some_and(|local| RESERVED.contains(&local))
}

/// Closes a node element: `name` when typed, else `rdf:Description`.
fn close_node(out: &mut String, name: Option<&str>) {
    out.push_str("\n\t</");
    out.push_str(name.unwrap_or("rdf:Description"));
    out.push('>');
}

/// How an IRI is written as an element: its qualified name, the namespace declaration it needs
/// when no prefix covers it, and whether it is an RDF/XML syntax term.
#[derive(Debug)]
struct Element {
    name: String,
    /// ` xmlns="…"` or ` xmlns:oxprefix="…"`, or empty.
    declaration: String,
    reserved: bool,
}

impl Element {
    /// Appends the name and the declaration (after `<`).
    fn open(&self, out: &mut String) {
        out.push_str(&self.name);
        out.push_str(&self.declaration);
    }
}

/// The prefixes as oxrdfxml keeps them (by namespace IRI, `rdf` and `its` always bound), and the
/// element of each predicate and node type, worked out when first needed.
struct Names<'a> {
    by_iri: BTreeMap<&'a str, &'a str>,
    custom_default: bool,
    elements: HashMap<u32, Element>,
}

impl<'a> Names<'a> {
    fn new(prefixes: &'a [(String, String)]) -> io::Result<Self> {
        let mut by_name: BTreeMap<&str, &str> = BTreeMap::new();
        for (name, iri) in prefixes.iter().filter(|(name, _)| name != "oxprefix") {
            oxigraph::model::NamedNode::new(iri.as_str()).map_err(io::Error::other)?;
            by_name.insert(name, iri);
        }
        by_name.remove("rdf");
        by_name.remove("its");
        let custom_default = by_name.contains_key("");
        let mut by_iri: BTreeMap<&str, &str> = by_name.into_iter().map(|(name, iri)| (iri, name)).collect();
        by_iri.insert(RDF, "rdf");
        by_iri.insert(ITS, "its");
        Ok(Self { by_iri, custom_default, elements: HashMap::default() })
    }

    /// The element of term `id` of `table`, an IRI.
    fn element(&mut self, table: &TripleTable, id: u32) -> &Element {
        let (by_iri, custom_default) = (&self.by_iri, self.custom_default);
        self.elements.entry(id).or_insert_with(|| {
            let TermRef::NamedNode(iri) = table.term(id) else { unreachable!("a predicate or type is an IRI") };
            element_of(by_iri, custom_default, iri.as_str())
        })
    }
}

/// How `iri` is written as an element, given the prefixes by namespace IRI and whether one of
/// them is the default namespace.
fn element_of(by_iri: &BTreeMap<&str, &str>, custom_default: bool, iri: &str) -> Element {
    let (namespace, local) = split_iri(iri);
    let (name, declared) = if let Some(prefix) = by_iri.get(namespace) {
        (if prefix.is_empty() { local.to_owned() } else { format!("{prefix}:{local}") }, None)
    } else if namespace == XMLNS {
        (format!("xmlns:{local}"), None)
    } else if !local.is_empty() && !custom_default {
        (local.to_owned(), Some(("xmlns", namespace)))
    } else {
        (format!("oxprefix:{local}"), Some(("xmlns:oxprefix", namespace)))
    };
    let mut declaration = String::new();
    if let Some((attribute_name, namespace)) = declared {
        attribute(&mut declaration, attribute_name, namespace);
    }
    Element { name, declaration, reserved: reserved(iri) }
}

/// Appends ` name="value"`, the value escaped.
fn attribute(out: &mut String, name: &str, value: &str) {
    attribute_with(out, name, value, true);
}

/// Appends ` name="value"`, the value escaped if `escape` (else it needs none).
fn attribute_with(out: &mut String, name: &str, value: &str, escape: bool) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    if escape {
        self::escape(out, value);
    } else {
        out.push_str(value);
    }
    out.push('"');
}

/// Appends `text` with `&`, `<`, `>`, `'` and `"` escaped, as quick-xml escapes attribute values
/// and text (other characters as they are, as oxrdfxml writes them).
fn escape(out: &mut String, text: &str) {
    escape_pieces(text, false, |piece| out.push_str(piece));
}

/// An IRI as namespace and local name: the local name is the longest tail that is an XML name
/// without `:` (XML's `NameChar` less `:` is Turtle's `PN_CHARS` and `.`), as oxrdfxml splits it.
fn split_iri(iri: &str) -> (&str, &str) {
    if let Some(position_base) = iri.rfind(|c| !(is_pn_chars(c) || c == '.')) {
        if let Some(position_add) = iri[position_base..].find(is_pn_chars_u) {
            (&iri[..position_base + position_add], &iri[position_base + position_add..])
        } else {
            (iri, "")
        }
    } else {
        (iri, "")
    }
}

#[cfg(test)]
mod tests {
    use oxigraph::io::{RdfFormat, RdfSerializer};
    use proptest::prelude::*;

    use super::*;
    use crate::rdf::strategies::{prefixes, table};

    fn oxrdfxml(table: &TripleTable, prefixes: &[(String, String)]) -> io::Result<Vec<u8>> {
        let mut serializer = RdfSerializer::from_format(RdfFormat::RdfXml);
        for (name, iri) in prefixes {
            serializer = serializer.with_prefix(name.as_str(), iri.as_str()).map_err(io::Error::other)?;
        }
        let mut w = serializer.for_writer(Vec::new());
        for t in table.iter() {
            w.serialize_triple(t)?;
        }
        w.finish()
    }

    fn ours(table: &TripleTable, prefixes: &[(String, String)]) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        write_rdfxml(table, prefixes, &mut out)?;
        Ok(out)
    }

    proptest! {
        #[test]
        fn same_bytes_as_oxrdfxml(table in table()) {
            let bound = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
                pairs.iter().map(|(n, i)| ((*n).to_owned(), (*i).to_owned())).collect()
            };
            for prefixes in [
                prefixes(),
                Vec::new(),
                bound(&[("", "http://example.org/")]),
                // `rdf` under another name, the reserved name `oxprefix`, `rdf` and `its` rebound.
                bound(&[("r", RDF), ("oxprefix", "http://other.org/"), ("rdf", "http://example.org/"), ("its", "http://example.org/h#")]),
            ] {
                match (ours(&table, &prefixes), oxrdfxml(&table, &prefixes)) {
                    (Ok(a), Ok(b)) => prop_assert_eq!(String::from_utf8(a).unwrap(), String::from_utf8(b).unwrap()),
                    (a, b) => prop_assert_eq!(a.is_err(), b.is_err()),
                }
            }
        }
    }

    #[test]
    fn iris_split_where_the_xml_name_starts() {
        assert_eq!(split_iri("http://example.org/a#b1"), ("http://example.org/a#", "b1"));
        assert_eq!(split_iri("http://example.org/2024"), ("http://example.org/2024", ""));
        assert_eq!(split_iri("http://example.org/x-1.y"), ("http://example.org/", "x-1.y"));
    }
}

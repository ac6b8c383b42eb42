//! RDF/XML written straight from a [`TripleTable`]: each subject and object node rendered once,
//! each predicate's qualified name worked out once.
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
use super::table::TermTexts;

const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const ITS: &str = "http://www.w3.org/2005/11/its";
const XMLNS: &str = "http://www.w3.org/2000/xmlns/";

/// RDF/XML syntax terms that cannot be a property or a node element's type.
const RESERVED: [&str; 9] = ["Description", "li", "RDF", "ID", "about", "parseType", "resource", "nodeID", "datatype"];

/// Writes `table` as RDF/XML with `prefixes` (name, namespace IRI) declared on `rdf:RDF`.
///
/// # Errors
/// When writing fails, when a prefix is not an IRI, or when a predicate is an RDF/XML syntax term.
pub fn write_rdfxml(table: &TripleTable, prefixes: &[(String, String)], w: &mut impl Write) -> io::Result<()> {
    let names = Names::new(prefixes)?;
    let mut out = Vec::with_capacity(1 << 16);
    out.extend_from_slice(br#"<?xml version="1.0" encoding="UTF-8"?>"#);
    out.extend_from_slice(b"\n<rdf:RDF");
    for (iri, name) in &names.by_iri {
        out.extend_from_slice(if name.is_empty() { b" xmlns" } else { b" xmlns:" });
        out.extend_from_slice(name.as_bytes());
        attribute_value(&mut out, iri);
    }
    out.push(b'>');
    // Named and blank nodes as attribute values: ` rdf:about="…"` or ` rdf:nodeID="…"`.
    let nodes = TermTexts::new(table, |term, text| match term {
        TermRef::NamedNode(n) => {
            text.push_str(" rdf:about=\"");
            escape(text, n.as_str());
            text.push('"');
        }
        TermRef::BlankNode(b) => {
            text.push_str(" rdf:nodeID=\"");
            escape(text, b.as_str());
            text.push('"');
        }
        TermRef::Literal(_) => {}
    });
    let mut elements: HashMap<u32, Element> = HashMap::default();
    let mut element = |id: u32| -> Element {
        elements
            .entry(id)
            .or_insert_with(|| {
                let TermRef::NamedNode(iri) = table.term(id) else { unreachable!("a predicate or type is an IRI") };
                names.element(iri.as_str())
            })
            .clone()
    };
    let rdf_type = table.id_of(rdf::TYPE.into());
    let mut open: Option<(u32, Option<Element>)> = None;
    let mut literal = String::new();
    for [s, p, o] in table.ids() {
        if open.as_ref().map(|(subject, _)| *subject) != Some(s) {
            if let Some((_, tag)) = &open {
                close_node(&mut out, tag.as_ref());
            }
            let typed = match table.term(o) {
                TermRef::NamedNode(class) if Some(p) == rdf_type && !reserved(class.as_str()) => Some(element(o)),
                _ => None,
            };
            out.extend_from_slice(b"\n\t<");
            match &typed {
                Some(tag) => tag.open(&mut out),
                None => out.extend_from_slice(b"rdf:Description"),
            }
            out.extend_from_slice(nodes.get(s));
            out.push(b'>');
            let skip = typed.is_some();
            open = Some((s, typed));
            if skip {
                continue;
            }
        }
        let TermRef::NamedNode(predicate) = table.term(p) else { unreachable!("a predicate is an IRI") };
        if reserved(predicate.as_str()) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "RDF/XML reserved syntax term is not allowed as a predicate",
            ));
        }
        let property = element(p);
        out.extend_from_slice(b"\n\t\t<");
        property.open(&mut out);
        match table.term(o) {
            TermRef::NamedNode(_) => {
                // ` rdf:about="…"` as ` rdf:resource="…"`.
                out.extend_from_slice(b" rdf:resource");
                out.extend_from_slice(&nodes.get(o)[" rdf:about".len()..]);
                out.extend_from_slice(b"/>");
            }
            TermRef::BlankNode(_) => {
                out.extend_from_slice(nodes.get(o));
                out.extend_from_slice(b"/>");
            }
            TermRef::Literal(l) => {
                literal.clear();
                if let Some(language) = l.language() {
                    literal.push_str(" xml:lang=\"");
                    escape(&mut literal, language);
                    literal.push('"');
                } else if l.datatype() != xsd::STRING {
                    literal.push_str(" rdf:datatype=\"");
                    escape(&mut literal, l.datatype().as_str());
                    literal.push('"');
                }
                literal.push('>');
                escape(&mut literal, l.value());
                literal.push_str("</");
                literal.push_str(&property.name);
                literal.push('>');
                out.extend_from_slice(literal.as_bytes());
            }
        }
        if out.len() >= 1 << 16 {
            w.write_all(&out)?;
            out.clear();
        }
    }
    if let Some((_, tag)) = &open {
        close_node(&mut out, tag.as_ref());
    }
    out.extend_from_slice(b"\n</rdf:RDF>");
    w.write_all(&out)
}

/// Whether `iri` is an RDF/XML syntax term.
fn reserved(iri: &str) -> bool {
    iri.strip_prefix(RDF).is_some_and(|local| RESERVED.contains(&local))
}

fn close_node(out: &mut Vec<u8>, tag: Option<&Element>) {
    out.extend_from_slice(b"\n\t</");
    out.extend_from_slice(tag.map_or("rdf:Description", |t| t.name.as_str()).as_bytes());
    out.push(b'>');
}

/// How an IRI is written as an element: its qualified name, and the namespace declaration it
/// needs when no prefix covers it.
#[derive(Debug, Clone)]
struct Element {
    name: String,
    /// ` xmlns="…"` or ` xmlns:oxprefix="…"`, or empty.
    declaration: String,
}

impl Element {
    /// Appends the name and the declaration (after `<`).
    fn open(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(self.name.as_bytes());
        out.extend_from_slice(self.declaration.as_bytes());
    }
}

/// The prefixes as oxrdfxml keeps them: by namespace IRI, `rdf` and `its` always bound.
struct Names<'a> {
    by_iri: BTreeMap<&'a str, &'a str>,
    custom_default: bool,
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
        Ok(Self { by_iri, custom_default })
    }

    fn element(&self, iri: &str) -> Element {
        let (namespace, local) = split_iri(iri);
        let (name, declared) = if let Some(prefix) = self.by_iri.get(namespace) {
            (if prefix.is_empty() { local.to_owned() } else { format!("{prefix}:{local}") }, None)
        } else if namespace == XMLNS {
            (format!("xmlns:{local}"), None)
        } else if !local.is_empty() && !self.custom_default {
            (local.to_owned(), Some(("xmlns", namespace)))
        } else {
            (format!("oxprefix:{local}"), Some(("xmlns:oxprefix", namespace)))
        };
        let mut declaration = String::new();
        if let Some((attribute, namespace)) = declared {
            declaration.push(' ');
            declaration.push_str(attribute);
            declaration.push_str("=\"");
            escape(&mut declaration, namespace);
            declaration.push('"');
        }
        Element { name, declaration }
    }
}

/// Appends `="value"`, escaped.
fn attribute_value(out: &mut Vec<u8>, value: &str) {
    let mut text = String::with_capacity(value.len() + 3);
    text.push_str("=\"");
    escape(&mut text, value);
    text.push('"');
    out.extend_from_slice(text.as_bytes());
}

/// Appends `text` with `&`, `<`, `>`, `'` and `"` escaped, as quick-xml escapes attribute values
/// and text (other characters as they are).
fn escape(out: &mut String, text: &str) {
    let mut done = 0;
    for (i, b) in text.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'\'' => "&apos;",
            b'"' => "&quot;",
            _ => continue,
        };
        out.push_str(&text[done..i]);
        out.push_str(entity);
        done = i + 1;
    }
    out.push_str(&text[done..]);
}

/// An IRI as namespace and local name: the local name is the longest tail that is an XML name
/// (no `:`), as oxrdfxml splits it.
fn split_iri(iri: &str) -> (&str, &str) {
    if let Some(position_base) = iri.rfind(|c| !is_name_char(c) || c == ':') {
        if let Some(position_add) = iri[position_base..].find(|c| is_name_start_char(c) && c != ':') {
            (&iri[..position_base + position_add], &iri[position_base + position_add..])
        } else {
            (iri, "")
        }
    } else {
        (iri, "")
    }
}

/// XML `NameStartChar`.
fn is_name_start_char(c: char) -> bool {
    matches!(c,
        ':'
        | 'A'..='Z'
        | '_'
        | 'a'..='z'
        | '\u{00C0}'..='\u{00D6}'
        | '\u{00D8}'..='\u{00F6}'
        | '\u{00F8}'..='\u{02FF}'
        | '\u{0370}'..='\u{037D}'
        | '\u{037F}'..='\u{1FFF}'
        | '\u{200C}'..='\u{200D}'
        | '\u{2070}'..='\u{218F}'
        | '\u{2C00}'..='\u{2FEF}'
        | '\u{3001}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FDCF}'
        | '\u{FDF0}'..='\u{FFFD}'
        | '\u{10000}'..='\u{EFFFF}')
}

/// XML `NameChar`.
fn is_name_char(c: char) -> bool {
    is_name_start_char(c)
        || matches!(c, '-' | '.' | '0'..='9' | '\u{B7}' | '\u{0300}'..='\u{036F}' | '\u{203F}'..='\u{2040}')
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

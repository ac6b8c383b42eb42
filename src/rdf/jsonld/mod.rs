//! JSON-LD written straight from a [`TripleTable`], compacted with confgraph's published
//! context (`ontology/context.jsonld`) so that JSON users can read it: one node object per subject
//! in `@graph`, `@id` relative to the data's base, `@type` as class terms (`Person`, `Session`,
//! `Conference`), keys as terms (`performer`, `name`), IRI values as plain strings, integers and
//! booleans as JSON numbers and booleans. A value no term fits keeps its full form under a
//! compact IRI key (`schema:url` for a literal URL), so every triple is written.
//!
//! The document embeds the context (no network needed to read it) and adds `@base`:
//! `{"@context":[{…the published context…},{"@base":"https://example.org/confgraph/"}],"@graph":[…]}`,
//! one node per line.

mod context;

use std::io::{self, Write};

use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{LiteralRef, TermRef};

pub use self::context::Context;
use self::context::{Coercion, Term};
use super::TripleTable;
use super::table::Step;

/// Writes `table` as compacted JSON-LD: ids under `base` relative to it.
///
/// # Errors
/// When writing fails.
pub fn write_jsonld(table: &TripleTable, base: &str, w: &mut impl Write) -> io::Result<()> {
    let context = Context::published();
    let mut head = String::from("{\"@context\":[");
    head.push_str(&context.json);
    head.push_str(",{\"@base\":");
    push_string(&mut head, base);
    head.push_str("}],\"@graph\":[");
    w.write_all(head.as_bytes())?;
    let writer = NodeWriter { context, base: relative_base(base) };
    let mut node = Node::default();
    for (step, [s, p, o]) in table.steps() {
        if let Step::Subject { first } = step {
            if !first {
                node.write(w, false)?;
            }
            node.id = writer.node(table.term(s));
        }
        writer.add(&mut node, table.term(p), table.term(o));
    }
    if !table.is_empty() {
        node.write(w, true)?;
    }
    w.write_all(b"\n]}\n")
}

/// The base that ids are written relative to: only a base ending in `/` with no query or fragment,
/// under which `person/ada` resolves back to the same IRI.
fn relative_base(base: &str) -> Option<&str> {
    (base.ends_with('/') && !base.contains(['?', '#'])).then_some(base)
}

/// One subject's node object being gathered: its id, types and entries (key, values, set).
#[derive(Default)]
struct Node {
    id: String,
    types: Vec<String>,
    entries: Vec<(String, Vec<String>, bool)>,
}

/// Turns triples into node objects under the published context.
struct NodeWriter<'c> {
    context: &'c Context,
    base: Option<&'c str>,
}

impl NodeWriter<'_> {
    /// Adds one (predicate, object) of the current subject to `node`.
    fn add(&self, node: &mut Node, predicate: TermRef<'_>, object: TermRef<'_>) {
        let TermRef::NamedNode(predicate) = predicate else {
            unreachable!("the table builder takes only named nodes as predicates")
        };
        if predicate == rdf::TYPE
            && let TermRef::NamedNode(class) = object
        {
            let class = class.as_str();
            return node
                .types
                .push(self.context.class(class).map_or_else(|| self.context.compact(class), str::to_owned));
        }
        match self.context.terms(predicate.as_str()).iter().find_map(|term| self.coerced(term, object)) {
            Some((term, value)) => push_entry(node, term.name.clone(), value, term.set),
            None => push_entry(node, self.context.compact(predicate.as_str()), self.expanded(object), false),
        }
    }

    /// `object` as `term` writes it, when the term's coercion fits it.
    fn coerced<'t>(&self, term: &'t Term, object: TermRef<'_>) -> Option<(&'t Term, String)> {
        let value = match (&term.coercion, object) {
            (Coercion::Id, TermRef::NamedNode(_) | TermRef::BlankNode(_)) => self.node(object),
            (Coercion::Language(language), TermRef::Literal(l)) if l.language() == Some(language.as_str()) => {
                json_string(l.value())
            }
            (Coercion::Datatype(datatype), TermRef::Literal(l))
                if l.language().is_none() && l.datatype().as_str() == datatype =>
            {
                native(l).unwrap_or_else(|| json_string(l.value()))
            }
            (Coercion::Plain, TermRef::Literal(l)) if l.language().is_none() && l.datatype() == xsd::STRING => {
                json_string(l.value())
            }
            _ => return None,
        };
        Some((term, value))
    }

    /// A node as an id string: relative to the base where that reads back the same, `_:` and the
    /// id for a blank node.
    fn node(&self, term: TermRef<'_>) -> String {
        match term {
            TermRef::NamedNode(n) => json_string(self.relative(n.as_str())),
            TermRef::BlankNode(b) => json_string(&format!("_:{}", b.as_str())),
            TermRef::Literal(l) => json_string(l.value()),
        }
    }

    /// `iri` relative to the base when it is a plain path below it (no `:`, `?`, `#`, no dot
    /// segments), else `iri`.
    fn relative<'i>(&self, iri: &'i str) -> &'i str {
        let Some(rest) = self.base.and_then(|base| iri.strip_prefix(base)) else { return iri };
        let plain = rest.starts_with(|c: char| c.is_ascii_alphanumeric())
            && !rest.contains([':', '?', '#'])
            && !rest.contains("//")
            && rest.split('/').all(|segment| segment != "." && segment != "..");
        if plain { rest } else { iri }
    }

    /// `object` in full: `{"@id":…}` or a value object with its language or compact datatype.
    fn expanded(&self, object: TermRef<'_>) -> String {
        let TermRef::Literal(l) = object else { return format!("{{\"@id\":{}}}", self.node(object)) };
        let value = json_string(l.value());
        if let Some(language) = l.language() {
            format!("{{\"@value\":{value},\"@language\":{}}}", json_string(language))
        } else if l.datatype() == xsd::STRING {
            format!("{{\"@value\":{value}}}")
        } else {
            format!("{{\"@value\":{value},\"@type\":{}}}", json_string(&self.context.compact(l.datatype().as_str())))
        }
    }
}

impl Node {
    /// Writes the node as one line of the `@graph` array and empties it.
    fn write(&mut self, w: &mut impl Write, last: bool) -> io::Result<()> {
        let mut out = String::from("\n{\"@id\":");
        out.push_str(&self.id);
        match self.types.as_slice() {
            [] => {}
            [one] => {
                out.push_str(",\"@type\":");
                push_string(&mut out, one);
            }
            many => {
                out.push_str(",\"@type\":[");
                for (i, class) in many.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    push_string(&mut out, class);
                }
                out.push(']');
            }
        }
        self.entries.sort_by(|a, b| a.0.cmp(&b.0));
        for (key, values, set) in &self.entries {
            out.push(',');
            push_string(&mut out, key);
            out.push(':');
            let array = *set || values.len() > 1;
            out.push_str(if array { "[" } else { "" });
            out.push_str(&values.join(","));
            out.push_str(if array { "]" } else { "" });
        }
        out.push_str(if last { "}" } else { "}," });
        self.types.clear();
        self.entries.clear();
        w.write_all(out.as_bytes())
    }
}

/// Adds `value` under `key`, to the key's values when it has some.
fn push_entry(node: &mut Node, key: String, value: String, set: bool) {
    match node.entries.iter_mut().find(|(k, _, _)| *k == key) {
        Some((_, values, _)) => values.push(value),
        None => node.entries.push((key, vec![value], set)),
    }
}

/// A literal as a native JSON value when one reads back as the same literal: an `xsd:integer` in
/// canonical form within JSON's exact range, an `xsd:boolean` `true` or `false`.
fn native(literal: LiteralRef<'_>) -> Option<String> {
    let value = literal.value();
    let native = if literal.datatype() == xsd::INTEGER {
        let digits = value.strip_prefix('-').unwrap_or(value);
        !digits.is_empty()
            && digits.len() <= 15
            && digits.bytes().all(|b| b.is_ascii_digit())
            && (digits == "0" || !digits.starts_with('0'))
            && value != "-0"
    } else {
        literal.datatype() == xsd::BOOLEAN && matches!(value, "true" | "false")
    };
    native.then(|| value.to_owned())
}

/// `s` as a JSON string.
fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_string(&mut out, s);
    out
}

/// Appends `s` as a JSON string: `"` and `\` escaped, control characters as `\n`-style escapes or
/// `\u00XX`; everything else as is.
fn push_string(out: &mut String, s: &str) {
    use std::fmt::Write as _;
    out.push('"');
    // Every escaped character is ASCII, so the runs between them are whole characters.
    let mut done = 0;
    for (i, b) in s.bytes().enumerate() {
        let escaped = match b {
            b'"' => Some("\\\""),
            b'\\' => Some("\\\\"),
            0x08 => Some("\\b"),
            0x0c => Some("\\f"),
            b'\n' => Some("\\n"),
            b'\r' => Some("\\r"),
            b'\t' => Some("\\t"),
            0..0x20 => None,
            _ => continue,
        };
        out.push_str(&s[done..i]);
        match escaped {
            Some(escaped) => out.push_str(escaped),
            None => {
                let _ = write!(out, "\\u{b:04x}");
            }
        }
        done = i + 1;
    }
    out.push_str(&s[done..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use oxigraph::model::{BlankNode, Literal, NamedNode, Triple};
    use proptest::prelude::*;

    use super::*;
    use crate::rdf::strategies::table;

    const BASE: &str = "https://example.org/confgraph/";

    fn ours(table: &TripleTable) -> String {
        let mut out = Vec::new();
        write_jsonld(table, BASE, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// The triples oxjsonld's parser reads from `document`.
    fn read_back(document: &str) -> Vec<Triple> {
        let mut triples: Vec<Triple> = oxjsonld::JsonLdParser::new()
            .for_reader(document.as_bytes())
            .map(|quad| Triple::from(quad.expect("the document parses")))
            .collect();
        triples.sort_by_key(ToString::to_string);
        triples
    }

    fn sorted(table: &TripleTable) -> Vec<Triple> {
        let mut triples: Vec<Triple> = table.iter().map(Triple::from).collect();
        triples.sort_by_key(ToString::to_string);
        triples
    }

    proptest! {
        #[test]
        fn every_triple_reads_back(table in table()) {
            let document = ours(&table);
            prop_assert!(serde_json::from_str::<serde_json::Value>(&document).is_ok(), "{}", document);
            prop_assert_eq!(read_back(&document), sorted(&table));
        }
    }

    fn node(iri: &str) -> NamedNode {
        NamedNode::new(iri).unwrap()
    }

    fn confgraph_table() -> TripleTable {
        let person = node(&format!("{BASE}person/ada-lovelace"));
        let session = node(&format!("{BASE}session/pycon-us-2019/engines"));
        let schema = |local: &str| node(&format!("https://schema.org/{local}"));
        let cg = |local: &str| node(&format!("https://w3id.org/confgraph/ontology#{local}"));
        [
            Triple::new(person.clone(), rdf::TYPE, schema("Person")),
            Triple::new(person.clone(), schema("name"), Literal::new_simple_literal("Ada \"A\" Lovelace")),
            Triple::new(session.clone(), rdf::TYPE, cg("Session")),
            Triple::new(session.clone(), schema("performer"), person.clone()),
            Triple::new(session.clone(), cg("line"), Literal::new_typed_literal("42", xsd::INTEGER)),
            Triple::new(session.clone(), cg("line"), Literal::new_typed_literal("007", xsd::INTEGER)),
            Triple::new(session.clone(), schema("url"), Literal::new_simple_literal("not an IRI")),
            Triple::new(session.clone(), schema("url"), node("https://example.com/slides")),
            Triple::new(session, cg("asSpeaker"), Literal::new_typed_literal("true", xsd::BOOLEAN)),
            Triple::new(BlankNode::new("b1").unwrap(), schema("knows"), person),
        ]
        .into_iter()
        .collect()
    }

    #[test]
    fn nodes_read_as_json_users_expect() {
        let document = ours(&confgraph_table());
        let json: serde_json::Value = serde_json::from_str(&document).unwrap();
        let nodes = json["@graph"].as_array().unwrap();
        let by_id = |id: &str| nodes.iter().find(|n| n["@id"] == id).unwrap_or_else(|| panic!("{id} in {document}"));
        let person = by_id("person/ada-lovelace");
        assert_eq!(person["@type"], "Person");
        assert_eq!(person["name"], "Ada \"A\" Lovelace");
        let session = by_id("session/pycon-us-2019/engines");
        assert_eq!(session["@type"], "Session");
        assert_eq!(session["performer"], serde_json::json!(["person/ada-lovelace"]));
        assert_eq!(session["line"], serde_json::json!(["007", 42]));
        assert_eq!(session["asSpeaker"], serde_json::json!(true));
        assert_eq!(session["url"], serde_json::json!(["https://example.com/slides"]));
        assert_eq!(session["schema:url"], serde_json::json!({"@value": "not an IRI"}));
        assert_eq!(by_id("_:b1")["schema:knows"], serde_json::json!({"@id": "person/ada-lovelace"}));
        assert_eq!(read_back(&document), sorted(&confgraph_table()));
    }

    #[test]
    fn ids_that_would_not_read_back_stay_absolute() {
        let writer = NodeWriter { context: Context::published(), base: relative_base(BASE) };
        for iri in [
            "https://example.org/confgraph/a:b",
            "https://example.org/confgraph/../x",
            "https://example.org/confgraph/",
        ] {
            assert_eq!(writer.relative(iri), iri);
        }
        assert_eq!(writer.relative("https://example.org/confgraph/org/acme"), "org/acme");
        assert_eq!(relative_base("https://example.org/vocab#"), None);
    }

    #[test]
    fn an_empty_graph_is_an_empty_array() {
        let json: serde_json::Value = serde_json::from_str(&ours(&TripleTable::default())).unwrap();
        assert_eq!(json["@graph"], serde_json::json!([]));
    }

    #[test]
    fn strings_escaped_as_json() {
        let mut out = String::new();
        push_string(&mut out, "a\"b\\c\n\t\u{1}\u{7f}é");
        assert_eq!(out, r#""a\"b\\c\n\t\u0001\u007fé""#.replace("\\u007f", "\u{7f}"));
        assert_eq!(serde_json::from_str::<String>(&out).unwrap(), "a\"b\\c\n\t\u{1}\u{7f}é");
    }
}

//! JSON-LD written straight from a [`TripleTable`].
//!
//! The output is byte-for-byte what oxjsonld's serializer writes for the same sorted triples and
//! prefixes (the tests compare them on random graphs): expanded node objects in one `@graph`, one
//! per subject, with the prefixes as the `@context`; compact JSON with no whitespace.

use std::io::{self, Write};

use oxigraph::model::TermRef;
use oxigraph::model::vocab::xsd;

use super::TripleTable;
use super::table::Step;

/// How a node reference starts: `{"@id":`, then the node's id as a JSON string, then `}`.
const NODE_REFERENCE: &str = "{\"@id\":";

/// Writes `table` as JSON-LD with `prefixes` (name, namespace IRI) as its context.
///
/// # Errors
/// When writing fails.
pub fn write_jsonld(table: &TripleTable, prefixes: &[(String, String)], w: &mut impl Write) -> io::Result<()> {
    let mut context: Vec<(&str, &str)> = prefixes.iter().map(|(n, i)| (n.as_str(), i.as_str())).collect();
    context.sort_unstable();
    context.dedup_by_key(|(name, _)| *name);
    if !context.is_empty() {
        let mut head = String::from("{\"@context\":{");
        for (i, (name, iri)) in context.iter().enumerate() {
            if i > 0 {
                head.push(',');
            }
            push_string(&mut head, if name.is_empty() { "@vocab" } else { name });
            head.push(':');
            push_string(&mut head, iri);
        }
        head.push_str("},\"@graph\":");
        w.write_all(head.as_bytes())?;
    }
    w.write_all(b"[")?;
    // A JSON string needs no escape when it is two bytes (the quotes) longer than its value.
    let mut scratch = String::new();
    let as_is = table.nodes_as_is(|value| {
        scratch.clear();
        push_string(&mut scratch, value);
        scratch.len() == value.len() + 2
    });
    let mut terms = Terms { table, as_is, scratch };
    for (step, [s, p, o]) in table.steps() {
        match step {
            Step::Object => w.write_all(b",")?,
            Step::Predicate => {
                w.write_all(b"],")?;
                terms.node_id(p, w)?;
                w.write_all(b":[")?;
            }
            Step::Subject { first } => {
                if !first {
                    w.write_all(b"]},")?;
                }
                w.write_all(NODE_REFERENCE.as_bytes())?;
                terms.node_id(s, w)?;
                w.write_all(b",")?;
                terms.node_id(p, w)?;
                w.write_all(b":[")?;
            }
        }
        terms.object(o, w)?;
    }
    if !table.is_empty() {
        w.write_all(b"]}")?;
    }
    w.write_all(if context.is_empty() { b"]" } else { b"]}" })
}

/// The terms of a table as JSON-LD writes them. An IRI or blank node whose JSON string needs no
/// escape is copied straight from the table; a rendered copy of every node would be one more
/// buffer the size of all IRIs.
struct Terms<'t> {
    table: &'t TripleTable,
    /// Per term, whether it is a node written as it is (see [`TripleTable::nodes_as_is`]).
    as_is: Vec<bool>,
    /// A term being rendered.
    scratch: String,
}

impl Terms<'_> {
    /// A named or blank node as a node id or property name: a JSON string, of the IRI or of `_:`
    /// and the blank node's id.
    fn node_id(&mut self, id: u32, w: &mut impl Write) -> io::Result<()> {
        self.write_node_id(id, self.table.term(id), w)
    }

    /// [`Terms::node_id`] of `term`, term `id` of the table.
    fn write_node_id(&mut self, id: u32, term: TermRef<'_>, w: &mut impl Write) -> io::Result<()> {
        let (prefix, value) = match term {
            TermRef::NamedNode(n) => ("", n.as_str()),
            TermRef::BlankNode(b) => ("_:", b.as_str()),
            TermRef::Literal(_) => unreachable!("a subject or predicate is a named or blank node"),
        };
        if self.as_is[id as usize] {
            for part in ["\"", prefix, value, "\""] {
                w.write_all(part.as_bytes())?;
            }
            Ok(())
        } else {
            self.scratch.clear();
            push_string(&mut self.scratch, &[prefix, value].concat());
            w.write_all(self.scratch.as_bytes())
        }
    }

    /// A term as an object: a node reference `{"@id":…}` or a value object.
    fn object(&mut self, id: u32, w: &mut impl Write) -> io::Result<()> {
        let term = self.table.term(id);
        let TermRef::Literal(l) = term else {
            w.write_all(NODE_REFERENCE.as_bytes())?;
            self.write_node_id(id, term, w)?;
            return w.write_all(b"}");
        };
        let out = &mut self.scratch;
        out.clear();
        if let Some(language) = l.language() {
            out.push_str("{\"@language\":");
            push_string(out, language);
            out.push(',');
        } else if l.datatype() != xsd::STRING {
            out.push_str("{\"@type\":");
            push_string(out, l.datatype().as_str());
            out.push(',');
        } else {
            out.push('{');
        }
        out.push_str("\"@value\":");
        push_string(out, l.value());
        out.push('}');
        w.write_all(out.as_bytes())
    }
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
    use oxigraph::model::GraphNameRef;
    use proptest::prelude::*;

    use super::*;
    use crate::rdf::strategies::{prefixes, table};

    fn oxjsonld(table: &TripleTable, prefixes: &[(String, String)]) -> Vec<u8> {
        let mut serializer = oxjsonld::JsonLdSerializer::new();
        for (name, iri) in prefixes {
            serializer = serializer.with_prefix(name.as_str(), iri.as_str()).unwrap();
        }
        let mut w = serializer.for_writer(Vec::new());
        for t in table.iter() {
            w.serialize_quad(t.in_graph(GraphNameRef::DefaultGraph)).unwrap();
        }
        w.finish().unwrap()
    }

    fn ours(table: &TripleTable, prefixes: &[(String, String)]) -> Vec<u8> {
        let mut out = Vec::new();
        write_jsonld(table, prefixes, &mut out).unwrap();
        out
    }

    proptest! {
        #[test]
        fn same_bytes_as_oxjsonld(table in table()) {
            prop_assert_eq!(ours(&table, &prefixes()), oxjsonld(&table, &prefixes()));
            prop_assert_eq!(ours(&table, &[]), oxjsonld(&table, &[]));
        }
    }

    #[test]
    fn nodes_whose_strings_need_escapes_are_escaped_as_oxjsonld_does() {
        use oxigraph::model::{BlankNode, NamedNode, Triple};
        // Neither is a valid IRI or blank node id, but a table can hold them.
        let s = NamedNode::new_unchecked("http://example.org/a\"b");
        let p = NamedNode::new_unchecked("http://example.org/p\\q");
        let o = BlankNode::new_unchecked("x\"y");
        let table: TripleTable =
            [Triple::new(s.clone(), p.clone(), o.clone()), Triple::new(o, p, s)].into_iter().collect();
        let written = ours(&table, &[]);
        assert_eq!(String::from_utf8_lossy(&written), String::from_utf8_lossy(&oxjsonld(&table, &[])));
        let written = String::from_utf8(written).unwrap();
        for escaped in [r#"{"@id":"http://example.org/a\"b","#, r#""http://example.org/p\\q":"#, r#"{"@id":"_:x\"y"}"#]
        {
            assert!(written.contains(escaped), "{escaped} in {written}");
        }
    }

    #[test]
    fn strings_escaped_as_json() {
        let mut out = String::new();
        push_string(&mut out, "a\"b\\c\n\t\u{1}\u{7f}é");
        assert_eq!(out, r#""a\"b\\c\n\t\u0001\u007fé""#.replace("\\u007f", "\u{7f}"));
        assert_eq!(serde_json::from_str::<String>(&out).unwrap(), "a\"b\\c\n\t\u{1}\u{7f}é");
    }
}

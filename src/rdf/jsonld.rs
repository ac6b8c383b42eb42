//! JSON-LD written straight from a [`TripleTable`], each distinct term rendered once.
//!
//! The output is byte-for-byte what oxjsonld's serializer writes for the same sorted triples and
//! prefixes (the tests compare them on random graphs): expanded node objects in one `@graph`, one
//! per subject, with the prefixes as the `@context`; compact JSON with no whitespace.

use std::io::{self, Write};

use oxigraph::model::TermRef;
use oxigraph::model::vocab::xsd;

use super::TripleTable;
use super::table::{Step, TermTexts};

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
    // As an object: a node reference or a value object. As a node id or a property name, a named or
    // blank node is the JSON string inside its reference `{"@id":…}`.
    let mut objects = TermTexts::new(table, |term, out| match term {
        TermRef::NamedNode(n) => {
            out.push_str(NODE_REFERENCE);
            push_string(out, n.as_str());
            out.push('}');
        }
        TermRef::BlankNode(b) => {
            out.push_str(NODE_REFERENCE);
            push_string(out, &b.to_string());
            out.push('}');
        }
        TermRef::Literal(l) => {
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
        }
    });
    for (step, [s, p, o]) in table.steps() {
        match step {
            Step::Object => w.write_all(b",")?,
            Step::Predicate => {
                for part in [b"],", node_id(&objects, p), b":["] {
                    w.write_all(part)?;
                }
            }
            Step::Subject { first } => {
                if !first {
                    w.write_all(b"]},")?;
                }
                for part in [NODE_REFERENCE.as_bytes(), node_id(&objects, s), b",", node_id(&objects, p), b":["] {
                    w.write_all(part)?;
                }
            }
        }
        objects.write(o, w)?;
    }
    if !table.is_empty() {
        w.write_all(b"]}")?;
    }
    w.write_all(if context.is_empty() { b"]" } else { b"]}" })
}

/// A named or blank node as a node id or property name: the JSON string inside its reference.
fn node_id<'a, F: Fn(TermRef<'_>, &mut String)>(objects: &'a TermTexts<'_, F>, term: u32) -> &'a [u8] {
    let reference = objects.get(term);
    &reference[NODE_REFERENCE.len()..reference.len() - 1]
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
    fn strings_escaped_as_json() {
        let mut out = String::new();
        push_string(&mut out, "a\"b\\c\n\t\u{1}\u{7f}é");
        assert_eq!(out, r#""a\"b\\c\n\t\u0001\u007fé""#.replace("\\u007f", "\u{7f}"));
        assert_eq!(serde_json::from_str::<String>(&out).unwrap(), "a\"b\\c\n\t\u{1}\u{7f}é");
    }
}

//! Random graphs for tests that compare confgraph's writers with oxigraph's.

use oxigraph::model::{BlankNode, Literal, NamedNode, NamedOrBlankNode, Term, Triple};
use proptest::prelude::*;

use super::TripleTable;

pub(super) fn prefixes() -> Vec<(String, String)> {
    [
        ("ex", "http://example.org/"),
        ("s", "http://example.org/session/"),
        ("s-2024", "http://example.org/session/2024/"),
        ("xsd", "http://www.w3.org/2001/XMLSchema#"),
        ("h", "http://example.org/h#"),
        // A namespace that does not end in a separator.
        ("n", "http://example.org/n"),
    ]
    .iter()
    .map(|(n, i)| ((*n).to_owned(), (*i).to_owned()))
    .collect()
}

/// IRIs under the prefixes and elsewhere, with local names Turtle must escape or cannot hold.
pub(super) fn iri() -> impl Strategy<Value = NamedNode> {
    let local = proptest::string::string_regex("[a-zA-Z0-9_.~!$&'()*+,;=/?#@%:é·\\-]{0,6}").unwrap();
    let ns = prop::sample::select(vec![
        "http://example.org/",
        "http://example.org/session/",
        "http://example.org/session/2024/",
        "http://example.org/h#",
        "http://www.w3.org/2001/XMLSchema#",
        "http://other.org/",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    ]);
    let named = (ns, local).prop_filter_map("an IRI", |(ns, local)| NamedNode::new(format!("{ns}{local}")).ok());
    // RDF/XML syntax terms (no property or node type may be one) and the XML namespace's own.
    let special = prop::sample::select(vec![
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#Description",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#parseType",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#resource",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#nodeID",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#datatype",
        "http://www.w3.org/2000/xmlns/x",
    ])
    .prop_map(NamedNode::new_unchecked);
    prop_oneof![12 => named, 1 => special]
}

pub(super) fn object() -> impl Strategy<Value = Term> {
    let lexical = prop::sample::select(vec![
        "1",
        "-2",
        "+3",
        "1.5",
        ".5",
        "1.",
        "1e3",
        "1.5E-2",
        ".e1",
        "true",
        "false",
        "x",
        "",
        "a\"b\\c\n",
        "<a & 'b'>",
        "é",
        "t\tu\u{1}\u{1f}\u{7f}\r\u{8}\u{c}",
    ]);
    let datatype = prop::sample::select(vec!["integer", "decimal", "double", "boolean", "string", "gYear", "date"]);
    prop_oneof![
        iri().prop_map(Into::into),
        (lexical.clone(), datatype).prop_map(|(v, d)| Literal::new_typed_literal(
            v,
            NamedNode::new_unchecked(format!("http://www.w3.org/2001/XMLSchema#{d}"))
        )
        .into()),
        lexical.prop_map(|v| Literal::new_language_tagged_literal_unchecked(v, "en").into()),
        Just(BlankNode::new_unchecked("b1").into()),
    ]
}

/// Graphs where subjects and predicates recur (so Turtle's `;` and `,` and `a` are exercised).
pub(super) fn table() -> impl Strategy<Value = TripleTable> {
    let subject = prop_oneof![
        2 => iri().prop_map(NamedOrBlankNode::from),
        3 => prop::sample::select(vec!["http://example.org/a", "http://example.org/session/2024/t", "http://example.org/nx"])
            .prop_map(|s| NamedNode::new_unchecked(s).into()),
        1 => Just(BlankNode::new_unchecked("b0").into()),
    ];
    let predicate = prop_oneof![
        2 => iri(),
        2 => Just(oxigraph::model::vocab::rdf::TYPE.into_owned()),
        3 => prop::sample::select(vec!["http://example.org/name", "http://example.org/h#p", "http://other.org/q"])
            .prop_map(NamedNode::new_unchecked),
    ];
    prop::collection::vec((subject, predicate, object()), 0..16)
        .prop_map(|ts| ts.into_iter().map(|(s, p, o)| Triple::new(s, p, o)).collect())
}

//! `GraphML` written with the exports' own XML writer, following Gephi's importer: every key has `for` and
//! `attr.type`, key ids are semantic (`label`, `kind`, `years`, `weight` — never `d0…dN`), no
//! list types (multi-values joined with `;`), colours as integer `r`, `g`, `b` keys, and the
//! layout's position and the node size as `x`, `y`, `size` (keys Gephi's importer maps).

use std::io::{self, Write};

use super::xml::XmlWriter;
use super::{EDGE_COLUMNS, GraphFormat, NODE_COLUMNS, Sink, Value, ValueType, appearance, colours_by_community};
use crate::graph::KnowledgeGraph;

/// The `GraphML` format.
pub struct GraphMl;

fn type_name(ty: ValueType) -> &'static str {
    match ty {
        ValueType::Text => "string",
        ValueType::Int => "int",
        ValueType::Real => "double",
    }
}

fn data(w: &mut XmlWriter<'_>, key: &str, value: &Value) -> io::Result<()> {
    w.text_element("data", &[("key", key)], value)
}

fn key(w: &mut XmlWriter<'_>, id: &str, target: &str, ty: &str) -> io::Result<()> {
    w.empty("key", &[("id", id), ("for", target), ("attr.name", id), ("attr.type", ty)])
}

impl GraphFormat for GraphMl {
    fn write(&self, kg: &KnowledgeGraph, sink: &mut dyn Sink) -> io::Result<()> {
        sink.file(None, &mut |out| write_file(kg, out))
    }
}

fn write_file(kg: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
    let mut w = XmlWriter::new(out);
    w.start(
        "graphml",
        &[
            ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
            ),
        ],
    )?;
    key(&mut w, "label", "node", "string")?;
    for c in NODE_COLUMNS {
        key(&mut w, c.id, "node", type_name(c.ty))?;
    }
    for c in ["r", "g", "b"] {
        key(&mut w, c, "node", "int")?;
    }
    for c in ["x", "y", "size"] {
        key(&mut w, c, "node", "double")?;
    }
    key(&mut w, "weight", "edge", "double")?;
    for c in EDGE_COLUMNS {
        key(&mut w, c.id, "edge", type_name(c.ty))?;
    }
    let directed = kg.graph.edge_weights().any(|e| e.kind.directed());
    w.start("graph", &[("id", "confgraph"), ("edgedefault", if directed { "directed" } else { "undirected" })])?;
    let by_community = colours_by_community(kg);
    for (_, node) in kg.nodes() {
        w.start("node", &[("id", &node.id)])?;
        data(&mut w, "label", &Value::Text(node.label.as_str().into()))?;
        for c in NODE_COLUMNS {
            if let Some(v) = (c.get)(node) {
                data(&mut w, c.id, &v)?;
            }
        }
        let look = appearance(node, by_community);
        let (r, g, b) = look.colour;
        for (k, v) in [("r", r), ("g", g), ("b", b)] {
            data(&mut w, k, &Value::Int(i64::from(v)))?;
        }
        for (k, v) in [("x", look.x), ("y", look.y), ("size", look.size)] {
            data(&mut w, k, &Value::Real(v))?;
        }
        w.end("node")?;
    }
    for e in kg.graph.edge_indices() {
        let edge = &kg.graph[e];
        w.begin_edge(kg, e);
        if directed != edge.kind.directed() {
            w.attribute("directed", if edge.kind.directed() { "true" } else { "false" });
        }
        w.open()?;
        data(&mut w, "weight", &Value::Real(edge.weight))?;
        for c in EDGE_COLUMNS {
            if let Some(v) = (c.get)(edge) {
                data(&mut w, c.id, &v)?;
            }
        }
        w.end("edge")?;
    }
    w.end("graph")?;
    w.end("graphml")?;
    w.finish()
}

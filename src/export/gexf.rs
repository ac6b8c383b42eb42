//! GEXF 1.3 for Gephi's timeline: `mode="dynamic" timeformat="double"
//! timerepresentation="timestamp"`, one `<spell timestamp="…"/>` per year on every node and edge
//! that has years, typed `<attributes>`, and each node's `viz:color`, `viz:position` (the
//! layout's) and `viz:size`.
//!
//! The viz elements are in the viz namespace (`xmlns:viz="http://gexf.net/1.3/viz"`), as Gephi
//! writes them and networkx and graphology-gexf read them; the published GEXF 1.3 XSD declares
//! them in the GEXF namespace instead, so `tests/schemas/` holds it with that one defect mended.

use std::io::{self, Write};

use super::xml::XmlWriter;
use super::{
    Appearance, EDGE_COLUMNS, GraphFormat, NODE_COLUMNS, Sink, Value, ValueType, appearance, colours_by_community,
};
use crate::graph::KnowledgeGraph;

/// The GEXF 1.3 format.
pub struct Gexf;

fn type_name(ty: ValueType) -> &'static str {
    match ty {
        ValueType::Text => "string",
        ValueType::Int => "integer",
        ValueType::Real => "double",
    }
}

fn spells(w: &mut XmlWriter<'_>, years: &crate::graph::Years) -> io::Result<()> {
    if years.is_empty() {
        return Ok(());
    }
    w.start("spells", &[])?;
    let mut timestamp = String::new();
    for &y in years.iter() {
        timestamp.clear();
        super::push_timestamp(&mut timestamp, y);
        w.empty("spell", &[("timestamp", &timestamp)])?;
    }
    w.end("spells")
}

fn attvalues<'a>(w: &mut XmlWriter<'_>, values: impl Iterator<Item = (&'a str, Value<'a>)>) -> io::Result<()> {
    w.start("attvalues", &[])?;
    for (id, value) in values {
        w.begin("attvalue");
        w.attribute("for", id);
        w.value_attribute("value", &value);
        w.close_empty()?;
    }
    w.end("attvalues")
}

/// The typed `<attributes>` block of one class (`node` or `edge`).
fn declare_attributes<'a>(
    w: &mut XmlWriter<'_>,
    class: &str,
    columns: impl Iterator<Item = (&'a str, ValueType)>,
) -> io::Result<()> {
    w.start("attributes", &[("class", class), ("mode", "static")])?;
    for (id, ty) in columns {
        w.empty("attribute", &[("id", id), ("title", id), ("type", type_name(ty))])?;
    }
    w.end("attributes")
}

/// A node's `viz:color`, `viz:position` and `viz:size`, in the order the GEXF 1.3 schema lists them.
fn viz(w: &mut XmlWriter<'_>, look: &Appearance) -> io::Result<()> {
    let (r, g, b) = look.colour;
    w.begin("viz:color");
    for (k, v) in [("r", r), ("g", g), ("b", b)] {
        w.value_attribute(k, &Value::Int(i64::from(v)));
    }
    w.close_empty()?;
    w.begin("viz:position");
    for (k, v) in [("x", look.x), ("y", look.y), ("z", 0.0)] {
        w.value_attribute(k, &Value::Real(v));
    }
    w.close_empty()?;
    w.begin("viz:size");
    w.value_attribute("value", &Value::Real(look.size));
    w.close_empty()
}

impl GraphFormat for Gexf {
    fn write(&self, kg: &KnowledgeGraph, sink: &mut dyn Sink) -> io::Result<()> {
        sink.file(None, &mut |out| write_file(kg, out))
    }
}

fn write_file(kg: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
    let mut w = XmlWriter::new(out);
    w.start(
        "gexf",
        &[
            ("xmlns", "http://gexf.net/1.3"),
            ("xmlns:viz", "http://gexf.net/1.3/viz"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"),
            ("version", "1.3"),
        ],
    )?;
    w.start("meta", &[])?;
    w.text_element("creator", &[], &Value::Text("confgraph".into()))?;
    w.text_element(
        "description",
        &[],
        &Value::Text("Conference series, editions, sessions, people and topics".into()),
    )?;
    w.end("meta")?;
    let directed = kg.graph.edge_weights().any(|e| e.kind.directed());
    w.start(
        "graph",
        &[
            ("mode", "dynamic"),
            ("defaultedgetype", if directed { "directed" } else { "undirected" }),
            ("timeformat", "double"),
            ("timerepresentation", "timestamp"),
        ],
    )?;
    declare_attributes(&mut w, "node", NODE_COLUMNS.iter().map(|c| (c.id, c.ty)))?;
    declare_attributes(&mut w, "edge", EDGE_COLUMNS.iter().map(|c| (c.id, c.ty)))?;
    let by_community = colours_by_community(kg);
    w.start("nodes", &[("count", &kg.graph.node_count().to_string())])?;
    for (_, node) in kg.nodes() {
        w.start("node", &[("id", &node.id), ("label", &node.label)])?;
        attvalues(&mut w, NODE_COLUMNS.iter().filter_map(|c| (c.get)(node).map(|v| (c.id, v))))?;
        spells(&mut w, &node.years)?;
        viz(&mut w, &appearance(node, by_community))?;
        w.end("node")?;
    }
    w.end("nodes")?;
    w.start("edges", &[("count", &kg.graph.edge_count().to_string())])?;
    for e in kg.graph.edge_indices() {
        let edge = &kg.graph[e];
        w.begin_edge(kg, e);
        w.attribute("label", edge.kind.as_str());
        w.value_attribute("weight", &Value::Real(edge.weight));
        if directed != edge.kind.directed() {
            w.attribute("type", if edge.kind.directed() { "directed" } else { "undirected" });
        }
        w.open()?;
        attvalues(&mut w, EDGE_COLUMNS.iter().filter_map(|c| (c.get)(edge).map(|v| (c.id, v))))?;
        spells(&mut w, &edge.years)?;
        w.end("edge")?;
    }
    w.end("edges")?;
    w.end("graph")?;
    w.end("gexf")?;
    w.finish()
}

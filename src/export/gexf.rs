//! GEXF 1.3 for Gephi's timeline: `mode="dynamic" timeformat="double"
//! timerepresentation="timestamp"`, one `<spell timestamp="…"/>` per year on every node and edge
//! that has years, typed `<attributes>`, a viz colour per node kind and a viz size by degree.
//!
//! The viz elements are written in the GEXF namespace (`<color>`, `<size>`), not under a `viz:`
//! prefix: the published GEXF 1.3 XSD (`viz.xsd` has no target namespace and is included as a
//! chameleon) accepts only that form, and Gephi's importer matches them by local name either way.

use std::io::{self, Write};

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::{EDGE_COLUMNS, GraphFormat, NODE_COLUMNS, Sink, ValueType, format_real, xml_safe};
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

fn spells<W: io::Write>(w: &mut Writer<W>, years: &crate::graph::Years) -> io::Result<()> {
    if years.is_empty() {
        return Ok(());
    }
    w.write_event(Event::Start(BytesStart::new("spells")))?;
    for y in years.iter() {
        w.create_element("spell").with_attribute(("timestamp", format!("{y}.0").as_str())).write_empty()?;
    }
    w.write_event(Event::End(BytesEnd::new("spells")))?;
    Ok(())
}

fn attvalues<W: io::Write>(w: &mut Writer<W>, values: &[(&str, String)]) -> io::Result<()> {
    w.write_event(Event::Start(BytesStart::new("attvalues")))?;
    for (id, value) in values {
        w.create_element("attvalue").with_attributes([("for", *id), ("value", value.as_str())]).write_empty()?;
    }
    w.write_event(Event::End(BytesEnd::new("attvalues")))?;
    Ok(())
}

/// The typed `<attributes>` block of one class (`node` or `edge`).
fn declare_attributes<W: io::Write>(w: &mut Writer<W>, class: &str, columns: &[(&str, ValueType)]) -> io::Result<()> {
    w.write_event(Event::Start(BytesStart::new("attributes").with_attributes([("class", class), ("mode", "static")])))?;
    for (id, ty) in columns {
        w.create_element("attribute")
            .with_attributes([("id", *id), ("title", *id), ("type", type_name(*ty))])
            .write_empty()?;
    }
    w.write_event(Event::End(BytesEnd::new("attributes")))?;
    Ok(())
}

/// Node size: grows with the log of the degree, so hubs stand out without hiding the rest.
fn size(degree: u32) -> f64 {
    (4.0 + 4.0 * f64::from(degree).ln_1p()).round()
}

impl GraphFormat for Gexf {
    fn write(&self, kg: &KnowledgeGraph, sink: &mut dyn Sink) -> io::Result<()> {
        sink.file(None, &mut |out| write_file(kg, out))
    }
}

fn write_file(kg: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
    {
        let mut w = Writer::new_with_indent(out, b' ', 2);
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        w.write_event(Event::Start(BytesStart::new("gexf").with_attributes([
            ("xmlns", "http://gexf.net/1.3"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"),
            ("version", "1.3"),
        ])))?;
        w.write_event(Event::Start(BytesStart::new("meta")))?;
        w.create_element("creator").write_text_content(BytesText::new("confgraph"))?;
        w.create_element("description")
            .write_text_content(BytesText::new("Conference series, editions, sessions, people and topics"))?;
        w.write_event(Event::End(BytesEnd::new("meta")))?;
        let directed = kg.graph.edge_weights().any(|e| e.kind.directed());
        w.write_event(Event::Start(BytesStart::new("graph").with_attributes([
            ("mode", "dynamic"),
            ("defaultedgetype", if directed { "directed" } else { "undirected" }),
            ("timeformat", "double"),
            ("timerepresentation", "timestamp"),
        ])))?;
        let node_columns: Vec<(&str, ValueType)> = NODE_COLUMNS.iter().map(|c| (c.id, c.ty)).collect();
        let edge_columns: Vec<(&str, ValueType)> = EDGE_COLUMNS.iter().map(|c| (c.id, c.ty)).collect();
        declare_attributes(&mut w, "node", &node_columns)?;
        declare_attributes(&mut w, "edge", &edge_columns)?;
        let count = kg.graph.node_count().to_string();
        w.write_event(Event::Start(BytesStart::new("nodes").with_attributes([("count", count.as_str())])))?;
        for (_, node) in kg.nodes() {
            w.write_event(Event::Start(
                BytesStart::new("node")
                    .with_attributes([("id", &*xml_safe(&node.id)), ("label", &*xml_safe(&node.label))]),
            ))?;
            let values: Vec<(&str, String)> =
                NODE_COLUMNS.iter().filter_map(|c| (c.get)(node).map(|v| (c.id, v.render()))).collect();
            attvalues(&mut w, &values)?;
            spells(&mut w, &node.years)?;
            let (r, g, b) = node.kind.colour();
            let (r, g, b) = (r.to_string(), g.to_string(), b.to_string());
            w.create_element("color")
                .with_attributes([("r", r.as_str()), ("g", g.as_str()), ("b", b.as_str())])
                .write_empty()?;
            w.create_element("size")
                .with_attribute(("value", format_real(size(node.metrics.degree)).as_str()))
                .write_empty()?;
            w.write_event(Event::End(BytesEnd::new("node")))?;
        }
        w.write_event(Event::End(BytesEnd::new("nodes")))?;
        let count = kg.graph.edge_count().to_string();
        w.write_event(Event::Start(BytesStart::new("edges").with_attributes([("count", count.as_str())])))?;
        for e in kg.graph.edge_indices() {
            let (a, b) = kg.graph.edge_endpoints(e).expect("edge index from the graph");
            let edge = &kg.graph[e];
            let id = format!("e{}", e.index());
            let weight = format_real(edge.weight);
            let mut start = BytesStart::new("edge").with_attributes([
                ("id", id.as_str()),
                ("source", &*xml_safe(&kg.graph[a].id)),
                ("target", &*xml_safe(&kg.graph[b].id)),
                ("label", edge.kind.as_str()),
                ("weight", weight.as_str()),
            ]);
            if directed != edge.kind.directed() {
                start.push_attribute(("type", if edge.kind.directed() { "directed" } else { "undirected" }));
            }
            w.write_event(Event::Start(start))?;
            let values: Vec<(&str, String)> =
                EDGE_COLUMNS.iter().filter_map(|c| (c.get)(edge).map(|v| (c.id, v.render()))).collect();
            attvalues(&mut w, &values)?;
            spells(&mut w, &edge.years)?;
            w.write_event(Event::End(BytesEnd::new("edge")))?;
        }
        w.write_event(Event::End(BytesEnd::new("edges")))?;
        w.write_event(Event::End(BytesEnd::new("graph")))?;
        w.write_event(Event::End(BytesEnd::new("gexf")))?;
        w.into_inner().write_all(b"\n")
    }
}

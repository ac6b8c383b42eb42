//! `GraphML` written by hand with quick-xml, following Gephi's importer: every key has `for` and
//! `attr.type`, key ids are semantic (`label`, `kind`, `years`, `weight` — never `d0…dN`), no
//! list types (multi-values joined with `;`), colours as integer `r`, `g`, `b` keys.

use std::io::{self, Write};

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::{EDGE_COLUMNS, GraphFormat, NODE_COLUMNS, Sink, ValueType, format_real, xml_safe};
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

fn data<W: io::Write>(w: &mut Writer<W>, key: &str, value: &str) -> io::Result<()> {
    w.create_element("data").with_attribute(("key", key)).write_text_content(BytesText::new(&xml_safe(value)))?;
    Ok(())
}

fn key<W: io::Write>(w: &mut Writer<W>, id: &str, target: &str, ty: &str) -> io::Result<()> {
    w.create_element("key")
        .with_attributes([("id", id), ("for", target), ("attr.name", id), ("attr.type", ty)])
        .write_empty()?;
    Ok(())
}

impl GraphFormat for GraphMl {
    fn write(&self, kg: &KnowledgeGraph, sink: &mut dyn Sink) -> io::Result<()> {
        sink.file(None, &mut |out| write_file(kg, out))
    }
}

fn write_file(kg: &KnowledgeGraph, out: &mut dyn Write) -> io::Result<()> {
    {
        let mut w = Writer::new_with_indent(out, b' ', 2);
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        let root = BytesStart::new("graphml").with_attributes([
            ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
            ),
        ]);
        w.write_event(Event::Start(root))?;
        key(&mut w, "label", "node", "string")?;
        for c in NODE_COLUMNS {
            key(&mut w, c.id, "node", type_name(c.ty))?;
        }
        for c in ["r", "g", "b"] {
            key(&mut w, c, "node", "int")?;
        }
        key(&mut w, "weight", "edge", "double")?;
        for c in EDGE_COLUMNS {
            key(&mut w, c.id, "edge", type_name(c.ty))?;
        }
        let directed = kg.graph.edge_weights().any(|e| e.kind.directed());
        w.write_event(Event::Start(BytesStart::new("graph").with_attributes([
            ("id", "confgraph"),
            ("edgedefault", if directed { "directed" } else { "undirected" }),
        ])))?;
        for (_, node) in kg.nodes() {
            w.write_event(Event::Start(BytesStart::new("node").with_attributes([("id", &*xml_safe(&node.id))])))?;
            data(&mut w, "label", &node.label)?;
            for c in NODE_COLUMNS {
                if let Some(v) = (c.get)(node) {
                    data(&mut w, c.id, &v.render())?;
                }
            }
            let (r, g, b) = node.kind.colour();
            for (k, v) in [("r", r), ("g", g), ("b", b)] {
                data(&mut w, k, &v.to_string())?;
            }
            w.write_event(Event::End(BytesEnd::new("node")))?;
        }
        for e in kg.graph.edge_indices() {
            let (a, b) = kg.graph.edge_endpoints(e).expect("edge index from the graph");
            let edge = &kg.graph[e];
            let id = format!("e{}", e.index());
            let mut start = BytesStart::new("edge").with_attributes([
                ("id", id.as_str()),
                ("source", &*xml_safe(&kg.graph[a].id)),
                ("target", &*xml_safe(&kg.graph[b].id)),
            ]);
            if directed != edge.kind.directed() {
                start.push_attribute(("directed", if edge.kind.directed() { "true" } else { "false" }));
            }
            w.write_event(Event::Start(start))?;
            data(&mut w, "weight", &format_real(edge.weight))?;
            for c in EDGE_COLUMNS {
                if let Some(v) = (c.get)(edge) {
                    data(&mut w, c.id, &v.render())?;
                }
            }
            w.write_event(Event::End(BytesEnd::new("edge")))?;
        }
        w.write_event(Event::End(BytesEnd::new("graph")))?;
        w.write_event(Event::End(BytesEnd::new("graphml")))?;
        w.into_inner().write_all(b"\n")
    }
}

//! Gephi's spreadsheet tables: `nodes.csv` (`Id,Label,kind,…,timeset`) and `edges.csv`
//! (`Source,Target,Type,Label,Weight,…,timeset`), years as a timestamp set `<[2019.0, 2024.0]>`.

use std::io;

use super::{EDGE_COLUMNS, GraphFormat, NODE_COLUMNS, Sink, format_real};
use crate::graph::KnowledgeGraph;

/// Gephi's spreadsheet (CSV) tables.
pub struct GephiCsv;

/// Years as Gephi's timestamp set: `<[2019.0, 2024.0]>`; empty when there are none.
#[must_use]
pub fn timeset(years: &crate::graph::Years) -> String {
    let mut out = String::new();
    timeset_into(years, &mut out);
    out
}

fn timeset_into(years: &crate::graph::Years, out: &mut String) {
    use std::fmt::Write as _;
    for (i, y) in years.iter().enumerate() {
        let _ = write!(out, "{}{y}.0", if i == 0 { "<[" } else { ", " });
    }
    if !years.is_empty() {
        out.push_str("]>");
    }
}

/// One field of a row, written from a scratch buffer that `fill` writes into.
fn field<W: io::Write>(
    w: &mut csv::Writer<W>,
    scratch: &mut String,
    fill: impl FnOnce(&mut String),
) -> csv::Result<()> {
    scratch.clear();
    fill(scratch);
    w.write_field(scratch.as_bytes())
}

impl GraphFormat for GephiCsv {
    fn is_folder(&self) -> bool {
        true
    }

    fn write(&self, kg: &KnowledgeGraph, sink: &mut dyn Sink) -> io::Result<()> {
        let mut scratch = String::new();
        sink.file(Some("nodes.csv"), &mut |out| {
            let mut nodes = csv::Writer::from_writer(out);
            let mut header = vec!["Id", "Label"];
            header.extend(NODE_COLUMNS.iter().map(|c| c.id));
            header.push("timeset");
            nodes.write_record(&header)?;
            for (_, n) in kg.nodes() {
                nodes.write_field(&n.id)?;
                nodes.write_field(&n.label)?;
                for c in NODE_COLUMNS {
                    field(&mut nodes, &mut scratch, |s| {
                        if let Some(v) = (c.get)(n) {
                            v.render_into(s);
                        }
                    })?;
                }
                field(&mut nodes, &mut scratch, |s| timeset_into(&n.years, s))?;
                nodes.write_record(None::<&[u8]>)?;
            }
            nodes.flush()
        })?;
        sink.file(Some("edges.csv"), &mut |out| {
            let mut edges = csv::Writer::from_writer(out);
            let mut header = vec!["Source", "Target", "Type", "Label", "Weight"];
            header.extend(EDGE_COLUMNS.iter().map(|c| c.id));
            header.push("timeset");
            edges.write_record(&header)?;
            for e in kg.graph.edge_indices() {
                let (a, b) = kg.graph.edge_endpoints(e).expect("edge index from the graph");
                let edge = &kg.graph[e];
                edges.write_field(&kg.graph[a].id)?;
                edges.write_field(&kg.graph[b].id)?;
                edges.write_field(if edge.kind.directed() { "Directed" } else { "Undirected" })?;
                edges.write_field(edge.kind.as_str())?;
                edges.write_field(format_real(edge.weight))?;
                for c in EDGE_COLUMNS {
                    field(&mut edges, &mut scratch, |s| {
                        if let Some(v) = (c.get)(edge) {
                            v.render_into(s);
                        }
                    })?;
                }
                field(&mut edges, &mut scratch, |s| timeset_into(&edge.years, s))?;
                edges.write_record(None::<&[u8]>)?;
            }
            edges.flush()
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn timesets() {
        assert_eq!(super::timeset(&[2024, 2019].into_iter().collect()), "<[2019.0, 2024.0]>");
        assert_eq!(super::timeset(&crate::graph::Years::default()), "");
    }
}

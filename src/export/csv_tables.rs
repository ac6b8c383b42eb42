//! Gephi's spreadsheet tables: `nodes.csv` (`Id,Label,kind,…,timeset`) and `edges.csv`
//! (`Source,Target,Type,Label,Weight,…,timeset`), years as a timestamp set `<[2019.0, 2024.0]>`.

use std::io;

use super::{EDGE_COLUMNS, GraphFormat, NODE_COLUMNS, Sink, Value};
use crate::graph::{KnowledgeGraph, Years};

/// Gephi's spreadsheet (CSV) tables.
pub struct GephiCsv;

/// Appends years as Gephi's timestamp set: `<[2019.0, 2024.0]>`; nothing when there are none.
fn timeset_into(years: &Years, out: &mut String) {
    for (i, &y) in years.iter().enumerate() {
        out.push_str(if i == 0 { "<[" } else { ", " });
        super::push_timestamp(out, y);
    }
    if !years.is_empty() {
        out.push_str("]>");
    }
}

/// Ends a row with the attribute `values` (empty where there is none) and the `years` as a
/// timestamp set, each rendered in `scratch`.
fn finish_row<'v, W: io::Write>(
    w: &mut csv::Writer<W>,
    scratch: &mut String,
    values: impl Iterator<Item = Option<Value<'v>>>,
    years: &Years,
) -> csv::Result<()> {
    for value in values {
        scratch.clear();
        if let Some(v) = value {
            v.render_into(scratch);
        }
        w.write_field(scratch.as_bytes())?;
    }
    scratch.clear();
    timeset_into(years, scratch);
    w.write_field(scratch.as_bytes())?;
    w.write_record(None::<&[u8]>)
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
                finish_row(&mut nodes, &mut scratch, NODE_COLUMNS.iter().map(|c| (c.get)(n)), &n.years)?;
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
                let weight = std::iter::once(Some(Value::Real(edge.weight)));
                finish_row(
                    &mut edges,
                    &mut scratch,
                    weight.chain(EDGE_COLUMNS.iter().map(|c| (c.get)(edge))),
                    &edge.years,
                )?;
            }
            edges.flush()
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn timesets() {
        let timeset = |years: &[u16]| {
            let mut out = String::new();
            super::timeset_into(&years.iter().copied().collect(), &mut out);
            out
        };
        assert_eq!(timeset(&[2024, 2019]), "<[2019.0, 2024.0]>");
        assert_eq!(timeset(&[]), "");
    }
}

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
    if years.is_empty() {
        return String::new();
    }
    let list: Vec<String> = years.iter().map(|y| format!("{y}.0")).collect();
    format!("<[{}]>", list.join(", "))
}

impl GraphFormat for GephiCsv {
    fn is_folder(&self) -> bool {
        true
    }

    fn write(&self, kg: &KnowledgeGraph, sink: &mut dyn Sink) -> io::Result<()> {
        sink.file(Some("nodes.csv"), &mut |out| {
            let mut nodes = csv::Writer::from_writer(out);
            let mut header = vec!["Id", "Label"];
            header.extend(NODE_COLUMNS.iter().map(|c| c.id));
            header.push("timeset");
            nodes.write_record(&header)?;
            for (_, n) in kg.nodes() {
                let mut row = vec![n.id.clone(), n.label.clone()];
                row.extend(NODE_COLUMNS.iter().map(|c| (c.get)(n).map(|v| v.render()).unwrap_or_default()));
                row.push(timeset(&n.years));
                nodes.write_record(&row)?;
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
                let mut row = vec![
                    kg.graph[a].id.clone(),
                    kg.graph[b].id.clone(),
                    if edge.kind.directed() { "Directed" } else { "Undirected" }.to_owned(),
                    edge.kind.as_str().to_owned(),
                    format_real(edge.weight),
                ];
                row.extend(EDGE_COLUMNS.iter().map(|c| (c.get)(edge).map(|v| v.render()).unwrap_or_default()));
                row.push(timeset(&edge.years));
                edges.write_record(&row)?;
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

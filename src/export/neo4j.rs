//! A Neo4j bulk-import set for `neo4j-admin database import full`: one node file per label
//! (`nodes-person.csv` with `id:ID(Person)`, `:LABEL`) and one relationship file per type
//! (`rels-presented.csv` with `:START_ID(Person)`, `:END_ID(Session)`, `:TYPE`), arrays `;`-joined.

use std::collections::BTreeMap;
use std::io;

use super::{GraphFormat, Sink, format_real};
use petgraph::graph::EdgeIndex;

use crate::graph::{KnowledgeGraph, NodeKind};

/// The Neo4j bulk-import CSV set.
pub struct Neo4jCsv;

impl GraphFormat for Neo4jCsv {
    fn is_folder(&self) -> bool {
        true
    }

    fn write(&self, kg: &KnowledgeGraph, sink: &mut dyn Sink) -> io::Result<()> {
        for kind in NodeKind::ALL.into_iter().filter(|k| kg.nodes().any(|(_, n)| n.kind == *k)) {
            sink.file(Some(&format!("nodes-{}.csv", kind.as_str())), &mut |out| {
                let label = kind.label();
                let mut w = csv::Writer::from_writer(out);
                w.write_record([
                    &format!("id:ID({label})"),
                    "name",
                    "sessionKind",
                    "years:int[]",
                    "sessions:int",
                    "degree:int",
                    "pagerank:double",
                    "component:int",
                    "community:int",
                    ":LABEL",
                ])?;
                for (_, n) in kg.nodes().filter(|(_, n)| n.kind == kind) {
                    w.write_record([
                        n.id.as_str(),
                        &n.label,
                        n.session_kind.unwrap_or_default(),
                        &super::joined_years(&n.years),
                        &n.sessions.to_string(),
                        &n.metrics.degree.to_string(),
                        &format_real(n.metrics.pagerank),
                        &n.metrics.component.to_string(),
                        &n.metrics.community.to_string(),
                        label,
                    ])?;
                }
                w.flush()
            })?;
        }
        // Edges grouped by file (type and end labels); rows are formatted as they are written.
        let mut by_type: BTreeMap<(&str, NodeKind, NodeKind), Vec<EdgeIndex>> = BTreeMap::new();
        for e in kg.graph.edge_indices() {
            let (a, b) = kg.graph.edge_endpoints(e).expect("edge index from the graph");
            by_type.entry((kg.graph[e].kind.as_str(), kg.graph[a].kind, kg.graph[b].kind)).or_default().push(e);
        }
        for ((name, from, to), edges) in by_type {
            // Every edge of a file is of one kind.
            let rel_type = kg.graph[edges[0]].kind.neo4j_type();
            sink.file(Some(&format!("rels-{name}.csv")), &mut |out| {
                let mut w = csv::Writer::from_writer(out);
                w.write_record([
                    &format!(":START_ID({})", from.label()),
                    &format!(":END_ID({})", to.label()),
                    "weight:double",
                    "years:int[]",
                    ":TYPE",
                ])?;
                for &e in &edges {
                    let (a, b) = kg.graph.edge_endpoints(e).expect("edge index from the graph");
                    let edge = &kg.graph[e];
                    w.write_record([
                        kg.graph[a].id.as_str(),
                        kg.graph[b].id.as_str(),
                        &format_real(edge.weight),
                        &super::joined_years(&edge.years),
                        &rel_type,
                    ])?;
                }
                w.flush()
            })?;
        }
        Ok(())
    }
}

//! A Neo4j bulk-import set for `neo4j-admin database import full`: one node file per label
//! (`nodes-person.csv` with `id:ID(Person)`, `:LABEL`) and one relationship file per type
//! (`rels-presented.csv` with `:START_ID(Person)`, `:END_ID(Session)`, `:TYPE`), arrays `;`-joined.

use std::collections::BTreeMap;
use std::io;

use super::{GraphFormat, Sink, format_real};
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
                        n.id.clone(),
                        n.label.clone(),
                        n.session_kind.unwrap_or_default().to_owned(),
                        super::joined_years(&n.years),
                        n.sessions.to_string(),
                        n.metrics.degree.to_string(),
                        format_real(n.metrics.pagerank),
                        n.metrics.component.to_string(),
                        n.metrics.community.to_string(),
                        label.to_owned(),
                    ])?;
                }
                w.flush()
            })?;
        }
        let mut by_type: BTreeMap<(String, NodeKind, NodeKind), Vec<[String; 5]>> = BTreeMap::new();
        for e in kg.graph.edge_indices() {
            let (a, b) = kg.graph.edge_endpoints(e).expect("edge index from the graph");
            let (na, nb, edge) = (&kg.graph[a], &kg.graph[b], &kg.graph[e]);
            by_type.entry((edge.kind.as_str().to_owned(), na.kind, nb.kind)).or_default().push([
                na.id.clone(),
                nb.id.clone(),
                format_real(edge.weight),
                super::joined_years(&edge.years),
                edge.kind.neo4j_type(),
            ]);
        }
        for ((name, from, to), rows) in by_type {
            sink.file(Some(&format!("rels-{name}.csv")), &mut |out| {
                let mut w = csv::Writer::from_writer(out);
                w.write_record([
                    &format!(":START_ID({})", from.label()),
                    &format!(":END_ID({})", to.label()),
                    "weight:double",
                    "years:int[]",
                    ":TYPE",
                ])?;
                for row in &rows {
                    w.write_record(row)?;
                }
                w.flush()
            })?;
        }
        Ok(())
    }
}

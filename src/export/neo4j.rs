//! A Neo4j bulk-import set for `neo4j-admin database import full`: one node file per label
//! (`nodes-person.csv` with `id:ID(Person)`, `:LABEL`) and one relationship file per type
//! (`rels-presented.csv` with `:START_ID(Person)`, `:END_ID(Session)`, `:TYPE`), arrays `;`-joined.

use std::collections::BTreeMap;
use std::io;

use super::{GraphFormat, Rendered, format_real};
use crate::graph::{KnowledgeGraph, NodeKind};

/// The Neo4j bulk-import CSV set.
pub struct Neo4jCsv;

fn finish(w: csv::Writer<Vec<u8>>) -> io::Result<Vec<u8>> {
    w.into_inner().map_err(|e| io::Error::other(e.to_string()))
}

impl GraphFormat for Neo4jCsv {
    fn render(&self, kg: &KnowledgeGraph) -> io::Result<Rendered> {
        let mut files = Vec::new();
        for kind in NodeKind::ALL {
            let label = kind.label();
            let mut w = csv::Writer::from_writer(Vec::new());
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
            let mut any = false;
            for (_, n) in kg.nodes().filter(|(_, n)| n.kind == kind) {
                any = true;
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
            if any {
                files.push((format!("nodes-{}.csv", kind.as_str()), finish(w)?));
            }
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
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record([
                &format!(":START_ID({})", from.label()),
                &format!(":END_ID({})", to.label()),
                "weight:double",
                "years:int[]",
                ":TYPE",
            ])?;
            for row in rows {
                w.write_record(&row)?;
            }
            files.push((format!("rels-{name}.csv"), finish(w)?));
        }
        Ok(Rendered::Folder(files))
    }
}

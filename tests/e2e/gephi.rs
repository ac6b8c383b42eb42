//! The property-graph exports read by real clients: networkx and igraph read every view with the
//! counts and typed values of confgraph's own model, xmllint validates GEXF against the GEXF 1.3
//! XSD, `GraphML` follows Gephi's importer rules, and `PageRank` and Louvain agree with networkx.

use std::collections::BTreeMap;
use std::process::Command as Process;

use confgraph::graph::{KnowledgeGraph, View};
use serde_json::Value;

use crate::common::{bundled_build, client_available, confgraph, interop, python_with, root, tree};

fn model(view: View) -> KnowledgeGraph {
    let sources = confgraph::ingest::source::sample_corpus();
    let corpus = confgraph::corpus::assemble(confgraph::ingest::read_all(&sources), Vec::new());
    let mut kg = confgraph::graph::build(&corpus, view);
    confgraph::graph::analyze::annotate(&mut kg);
    kg
}

fn read_with_networkx(format: &str, path: &std::path::Path) -> Value {
    let out = Process::new("python3").arg(interop("graph_read.py")).arg(format).arg(path).output().unwrap();
    assert!(
        out.status.success(),
        "networkx could not read {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn networkx_and_igraph_read_every_view_with_the_models_counts_and_typed_values() {
    if !python_with("networkx, igraph, scipy") {
        return;
    }
    let dir = bundled_build().0;
    for (name, view) in [("full", View::Full), ("people", View::People { shared_editions: false })] {
        let kg = model(view);
        for format in ["graphml", "gexf"] {
            let seen = read_with_networkx(format, &dir.join(format!("{name}.{format}")));
            let what = format!("{name}.{format}");
            assert_eq!(seen["nodes"].as_object().unwrap().len(), kg.graph.node_count(), "{what}: nodes");
            assert_eq!(seen["edges"].as_array().unwrap().len(), kg.graph.edge_count(), "{what}: edges");
            if format == "graphml" {
                assert_eq!(
                    seen["igraph"]["nodes"].as_u64().unwrap() as usize,
                    kg.graph.node_count(),
                    "{what}: igraph nodes"
                );
                assert_eq!(
                    seen["igraph"]["edges"].as_u64().unwrap() as usize,
                    kg.graph.edge_count(),
                    "{what}: igraph edges"
                );
            }
            for (_, node) in kg.nodes() {
                let attrs = &seen["nodes"][node.id.as_str()];
                assert!(attrs.is_object(), "{what}: node {} missing", node.id);
                assert_eq!(attrs["label"], Value::from(node.label.as_str()), "{what}: label of {}", node.id);
                assert_eq!(attrs["kind"], Value::from(node.kind.as_str()), "{what}: kind of {}", node.id);
                // Numbers arrive as numbers, with the model's values.
                assert_eq!(attrs["degree"], Value::from(node.metrics.degree), "{what}: degree of {}", node.id);
                assert_eq!(attrs["sessions"], Value::from(node.sessions), "{what}: sessions of {}", node.id);
                assert_eq!(attrs["community"], Value::from(node.metrics.community), "{what}: community of {}", node.id);
                assert_eq!(attrs["pagerank"].as_f64(), Some(node.metrics.pagerank), "{what}: pagerank of {}", node.id);
                if let Some(first) = node.years.first() {
                    assert_eq!(attrs["first_year"], Value::from(*first), "{what}: first_year of {}", node.id);
                }
                if format == "gexf" {
                    // The timeline: one spell per year.
                    let spells: Vec<f64> = seen["spells"][node.id.as_str()]
                        .as_array()
                        .map_or_else(Vec::new, |s| s.iter().map(|p| p[0].as_f64().unwrap()).collect());
                    let years: Vec<f64> = node.years.iter().map(|y| f64::from(*y)).collect();
                    assert_eq!(spells, years, "{what}: spells of {}", node.id);
                }
            }
        }
    }
}

/// `(x, y, size, (r, g, b))` of a node as networkx read it from GEXF (`viz`) or `GraphML` (keys).
fn drawn(attrs: &Value, format: &str) -> (f64, f64, f64, (u64, u64, u64)) {
    let f = |v: &Value| v.as_f64().unwrap_or(f64::NAN);
    // (networkx reads GEXF colours as integers, igraph-style GraphML ones as numbers.)
    let c = |v: &Value| {
        v.as_u64().or_else(|| v.as_f64().map(|x| x.to_string().parse().unwrap_or(u64::MAX))).unwrap_or(u64::MAX)
    };
    if format == "gexf" {
        let viz = &attrs["viz"];
        let rgb = &viz["color"];
        (
            f(&viz["position"]["x"]),
            f(&viz["position"]["y"]),
            f(&viz["size"]),
            (c(&rgb["r"]), c(&rgb["g"]), c(&rgb["b"])),
        )
    } else {
        (f(&attrs["x"]), f(&attrs["y"]), f(&attrs["size"]), (c(&attrs["r"]), c(&attrs["g"]), c(&attrs["b"])))
    }
}

#[test]
fn every_node_is_drawn_where_the_layout_puts_it_sized_and_coloured() {
    if !python_with("networkx, igraph, scipy") {
        return;
    }
    let dir = bundled_build().0;
    for (name, view) in
        [("full", View::Full), ("people", View::People { shared_editions: false }), ("topics", View::Topics)]
    {
        let kg = model(view);
        let communities: std::collections::BTreeSet<u32> = kg.nodes().map(|(_, n)| n.metrics.community).collect();
        for format in ["graphml", "gexf"] {
            let seen = read_with_networkx(format, &dir.join(format!("{name}.{format}")));
            let what = format!("{name}.{format}");
            let mut places = std::collections::BTreeSet::new();
            let mut colours = std::collections::BTreeSet::new();
            let by_community = confgraph::export::colours_by_community(&kg);
            for (_, node) in kg.nodes() {
                let (x, y, size, rgb) = drawn(&seen["nodes"][node.id.as_str()], format);
                let look = confgraph::export::appearance(node, by_community);
                assert!(x.is_finite() && y.is_finite(), "{what}: no position on {}", node.id);
                assert!((x - look.x).abs() < 1e-6 && (y - look.y).abs() < 1e-6, "{what}: position of {}", node.id);
                assert!((size - look.size).abs() < 1e-9 && size >= 4.0, "{what}: size of {}", node.id);
                let want = (u64::from(look.colour.0), u64::from(look.colour.1), u64::from(look.colour.2));
                assert_eq!(rgb, want, "{what}: colour of {}", node.id);
                places.insert(((x * 100.0) as i64, (y * 100.0) as i64));
                colours.insert(rgb);
            }
            // A layout, not one point; people and topics coloured by community, one colour a kind
            // in the full view.
            assert!(places.len() * 10 >= kg.graph.node_count() * 9, "{what}: {} places", places.len());
            let kinds: std::collections::BTreeSet<_> = kg.nodes().map(|(_, n)| n.kind).collect();
            let expected = if name == "full" { kinds.len() } else { communities.len().min(20) };
            assert_eq!(colours.len(), expected, "{what}: colours");
        }
    }
}

#[test]
fn gephi_lites_parsers_read_every_nodes_position_size_and_colour() {
    let reader = root().join("tests/interop/graphology/read.mjs");
    let installed = root().join("tests/interop/graphology/node_modules/graphology-gexf/package.json");
    if !client_available("graphology (tests/interop/graphology)", Process::new("test").arg("-f").arg(&installed)) {
        return;
    }
    let dir = bundled_build().0;
    for (name, view) in
        [("full", View::Full), ("people", View::People { shared_editions: false }), ("topics", View::Topics)]
    {
        let kg = model(view);
        let by_community = confgraph::export::colours_by_community(&kg);
        for format in ["gexf", "graphml"] {
            let what = format!("{name}.{format}");
            let out = Process::new("node").arg(&reader).arg(format).arg(dir.join(&what)).output().unwrap();
            assert!(out.status.success(), "graphology could not read {what}: {}", String::from_utf8_lossy(&out.stderr));
            let seen: Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_eq!(seen["order"].as_u64(), Some(kg.graph.node_count() as u64), "{what}: nodes");
            for (_, node) in kg.nodes() {
                let a = &seen["nodes"][node.id.as_str()];
                assert_eq!(a["x"].as_f64(), Some(node.metrics.x), "{what}: x of {}", node.id);
                assert_eq!(a["y"].as_f64(), Some(node.metrics.y), "{what}: y of {}", node.id);
                let look = confgraph::export::appearance(node, by_community);
                assert_eq!(a["size"].as_f64(), Some(look.size), "{what}: size of {}", node.id);
                // (graphology-gexf gives `rgb(r,g,b)`, graphology-graphml `#rrggbb`.)
                let (r, g, b) = look.colour;
                let forms = [format!("rgb({r},{g},{b})"), format!("#{r:02x}{g:02x}{b:02x}")];
                assert!(
                    a["color"].as_str().is_some_and(|c| forms.iter().any(|f| f == c)),
                    "{what}: colour of {}: {} not {forms:?}",
                    node.id,
                    a["color"]
                );
            }
        }
    }
}

#[test]
fn pagerank_and_louvain_agree_with_networkx() {
    if !python_with("networkx, scipy") {
        return;
    }
    let dir = bundled_build().0;
    for (name, view) in [("full", View::Full), ("people", View::People { shared_editions: false })] {
        let kg = model(view);
        let seen = read_with_networkx("graphml", &dir.join(format!("{name}.graphml")));
        let mut ours: Vec<(&str, f64)> = kg.nodes().map(|(_, n)| (n.id.as_str(), n.metrics.pagerank)).collect();
        // Exact ties (co-speaker pairs) differ in the last bits between engines: rank on 12 decimals.
        let rounded = |x: f64| (x * 1e12).round();
        ours.sort_by(|a, b| rounded(b.1).total_cmp(&rounded(a.1)).then(a.0.cmp(b.0)));
        let our_top: Vec<&str> = ours.iter().take(10).map(|(id, _)| *id).collect();
        let their_top: Vec<&str> =
            seen["pagerank_top10"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        assert_eq!(our_top, their_top, "{name}: PageRank top ten");
        for (id, value) in &ours {
            let theirs = seen["pagerank"][*id].as_f64().unwrap();
            assert!((value - theirs).abs() < 1e-9, "{name}: PageRank of {id}: {value} vs networkx {theirs}");
        }
        let q_ours = seen["modularity_of_confgraph_communities"].as_f64().unwrap();
        let q_nx = seen["louvain_modularity"].as_f64().unwrap();
        eprintln!("{name}: modularity confgraph {q_ours:.4}, networkx Louvain {q_nx:.4}");
        assert!((q_ours - q_nx).abs() <= 0.02 || q_ours > q_nx, "{name}: modularity {q_ours} vs networkx {q_nx}");
    }
}

#[test]
fn gexf_validates_against_the_gexf_1_3_schema() {
    if !client_available("xmllint (libxml2-utils)", Process::new("xmllint").arg("--version")) {
        return;
    }
    let dir = bundled_build().0;
    let xsd = root().join("tests/schemas/gexf-1.3/gexf.xsd");
    for name in ["full.gexf", "people.gexf", "topics.gexf"] {
        let out = Process::new("xmllint").args(["--noout", "--schema"]).arg(&xsd).arg(dir.join(name)).output().unwrap();
        assert!(out.status.success(), "{name} does not validate: {}", String::from_utf8_lossy(&out.stderr));
    }
}

#[test]
fn graphml_follows_gephis_importer_rules() {
    if !python_with("xml") {
        return;
    }
    let dir = bundled_build().0;
    for name in ["full.graphml", "people.graphml"] {
        let out = Process::new("python3").arg(interop("graphml_rules.py")).arg(dir.join(name)).output().unwrap();
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stdout));
    }
    // The checker can fail: an auto-numbered key is caught.
    let scratch = tempfile::tempdir().unwrap();
    let bad = scratch.path().join("bad.graphml");
    let text = std::fs::read_to_string(dir.join("people.graphml")).unwrap().replace("id=\"kind\"", "id=\"d3\"");
    std::fs::write(&bad, text).unwrap();
    let out = Process::new("python3").arg(interop("graphml_rules.py")).arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn node_ids_are_the_rdf_iris_under_the_base() {
    let dir = bundled_build().0;
    let ttl = std::fs::read_to_string(dir.join("graph.nt")).unwrap();
    let subjects: std::collections::BTreeSet<&str> = ttl.lines().filter_map(|l| l.split(' ').next()).collect();
    let nodes = std::fs::read_to_string(dir.join("gephi/full/nodes.csv")).unwrap();
    let mut checked = BTreeMap::new();
    for line in nodes.lines().skip(1) {
        let id = line.split(',').next().unwrap();
        let iri = format!("<https://example.org/confgraph/{id}>");
        assert!(subjects.contains(iri.as_str()), "node {id} is not a subject of the RDF graph");
        *checked.entry(id.split('/').next().unwrap().to_owned()).or_insert(0) += 1;
    }
    assert!(checked.len() >= 5, "nodes of every kind checked: {checked:?}");
}

#[test]
fn csv_and_neo4j_tables_have_the_headers_their_importers_expect() {
    let d = bundled_build().0;
    let first_line = |p: &str| std::fs::read_to_string(d.join(p)).unwrap().lines().next().unwrap().to_owned();
    assert!(first_line("gephi/full/nodes.csv").starts_with("Id,Label,kind,"));
    assert!(first_line("gephi/full/nodes.csv").ends_with(",timeset"));
    assert!(first_line("gephi/people/edges.csv").starts_with("Source,Target,Type,Label,Weight,"));
    assert!(std::fs::read_to_string(d.join("gephi/people/edges.csv")).unwrap().contains(",Undirected,co_speaker,"));
    assert!(
        std::fs::read_to_string(d.join("gephi/full/nodes.csv")).unwrap().contains("\"<[2019.0, 2024.0, 2025.0]>\""),
        "Christy Heaton's years as a timeset"
    );
    assert!(first_line("neo4j/nodes-person.csv").starts_with("id:ID(Person),name,"));
    assert!(first_line("neo4j/nodes-person.csv").ends_with(",:LABEL"));
    assert_eq!(
        first_line("neo4j/rels-presented.csv"),
        ":START_ID(Person),:END_ID(Session),weight:double,years:int[],:TYPE"
    );
}

#[test]
fn forbidden_xml_characters_are_dropped_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("n.md");
    std::fs::write(&notes, "# PyOhio 2023\n\n## Bell \u{7} and \u{fffe} noncharacter talk\n\nAna Lima\n").unwrap();
    for format in ["graphml", "gexf"] {
        let out = confgraph().args(["export", "--format", format]).arg(&notes).output().unwrap();
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        // Both are dropped when the notes are read (the XML writers drop any that get past).
        assert!(text.contains("Bell and noncharacter talk"), "{text}");
        assert!(!text.contains('\u{7}') && !text.contains('\u{fffe}'));
    }
}

#[test]
fn every_export_is_byte_identical_across_thread_counts_and_file_order() {
    let mut inputs: Vec<std::path::PathBuf> =
        std::fs::read_dir(root().join("notes")).unwrap().map(|e| e.unwrap().path()).collect();
    inputs.sort();
    inputs.push(root().join("tests/fixtures"));
    let run = |threads: &str, paths: &[std::path::PathBuf]| {
        let dir = tempfile::tempdir().unwrap();
        let out = confgraph()
            .env("RAYON_NUM_THREADS", threads)
            .arg("build")
            .arg("-o")
            .arg(dir.path())
            .args(paths)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        dir
    };
    let one = run("1", &inputs);
    let two = run("2", &inputs);
    inputs.reverse();
    let reversed = run("2", &inputs);
    let files = tree(one.path());
    assert_eq!(files, tree(two.path()));
    assert_eq!(files, tree(reversed.path()));
    for f in &files {
        let a = std::fs::read(one.path().join(f)).unwrap();
        assert!(a == std::fs::read(two.path().join(f)).unwrap(), "{f} differs between 1 and 2 threads");
        assert!(
            a == std::fs::read(reversed.path().join(f)).unwrap(),
            "{f} differs when the files are given in reverse"
        );
    }
}

//! Fuzzes the whole pipeline on one file: read, resolve, topics, RDF in every syntax, every graph
//! view in every format, every report.
#![no_main]

use confgraph::export::GraphFormat as _;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (record, diagnostics) = confgraph::ingest::read_notes("fuzz.md", data);
    let result = confgraph::ingest::FileResult { file: "fuzz.md".into(), record, diagnostics, explain: None };
    let corpus = confgraph::corpus::assemble(vec![result], Vec::new());
    let base = confgraph::rdf::Base::default();
    let triples = confgraph::rdf::corpus_triples(&corpus, &base);
    let _ = confgraph::rdf::store_of(&triples).expect("store");
    for syntax in confgraph::rdf::RdfSyntax::ALL {
        let bytes = confgraph::rdf::to_bytes(&triples, &base, syntax).expect("serialises");
        // What we write, we read back: the same triples (the graph has no blank nodes).
        let read = confgraph::rdf::read_bytes(&bytes, syntax).expect("reads back");
        assert!(read == triples, "{syntax:?} does not read back as written");
    }
    let views = [
        confgraph::graph::View::Full,
        confgraph::graph::View::People { shared_editions: false },
        confgraph::graph::View::People { shared_editions: true },
        confgraph::graph::View::Topics,
    ];
    for view in views {
        let mut kg = confgraph::graph::build(&corpus, view);
        confgraph::analyze::annotate(&mut kg);
        let _ = confgraph::export::graphml::GraphMl.render(&kg).expect("graphml");
        let _ = confgraph::export::gexf::Gexf.render(&kg).expect("gexf");
        let _ = confgraph::export::csv_tables::GephiCsv.render(&kg).expect("csv");
        let _ = confgraph::export::neo4j::Neo4jCsv.render(&kg).expect("neo4j");
    }
    use confgraph::report::{ReportFormat, ReportKind};
    for kind in [ReportKind::Speakers, ReportKind::Topics, ReportKind::Editions] {
        for format in
            [ReportFormat::Table, ReportFormat::Markdown, ReportFormat::Csv, ReportFormat::Json, ReportFormat::Html]
        {
            let _ = confgraph::report::render(kind, &corpus, format, 1).expect("report");
        }
    }
    let _ = confgraph::extract::to_json(&corpus);
});

//! Fuzzes SPARQL queries over a small graph, under tight limits: parsing, the syntax-error
//! explanations, the guard around evaluation and every result format. An error is fine; a panic
//! or a hang is not.
#![no_main]

use std::sync::OnceLock;
use std::time::Duration;

use confgraph::sparql::{QueryLimits, ResultsFormat, run};
use libfuzzer_sys::fuzz_target;

/// Notes of two editions, read once.
const NOTES: &str = "# PyOhio 2023\n\n## Fearless FFI\n\nAna Lima (Red Hat)\n\n## Zero-Copy Parsing\n\nBo Chen, Ana Lima\n";

fn store() -> &'static oxigraph::store::Store {
    static STORE: OnceLock<oxigraph::store::Store> = OnceLock::new();
    STORE.get_or_init(|| {
        let (record, diagnostics) = confgraph::ingest::read_notes("fuzz.md", NOTES.as_bytes());
        let result = confgraph::ingest::FileResult { file: "fuzz.md".into(), record, diagnostics, explain: None };
        let corpus = confgraph::corpus::assemble(vec![result], Vec::new());
        let triples = confgraph::rdf::corpus_triples(&corpus, &confgraph::rdf::Base::default());
        confgraph::rdf::store_of(&triples).expect("store")
    })
}

fuzz_target!(|data: &[u8]| {
    let query = String::from_utf8_lossy(data);
    // The explanation of any parser message, for any text, must not panic.
    let _ = confgraph::sparql::syntax::explain(&query, "error at 1:1: expected one of ABS, [_]");
    let _ = confgraph::sparql::syntax::explain(&query, "error at 99:99: expected BY");
    let limits = QueryLimits {
        timeout: Some(Duration::from_millis(500)),
        max_rows: Some(10_000),
        max_memory: Some(512 << 20),
    };
    for format in [ResultsFormat::Table, ResultsFormat::Json] {
        let _ = run(store(), &query, format, limits, &confgraph::rdf::Base::default());
    }
});

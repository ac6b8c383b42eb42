//! The RDF stage at scale: building triples from a corpus, loading them into the oxigraph store,
//! and writing each syntax, on the deterministic synthetic corpus (`confgraph::synthetic`).
//!
//! `cargo bench --bench rdf` uses 34 MB of notes (≈ 51,000 sessions; `CONFGRAPH_BENCH_MB` sets
//! another size); under `cargo test` each benchmark runs once on 0.3 MB. Peak memory per format:
//! `scripts/measure-exports.sh`.

use std::sync::LazyLock;

use confgraph::corpus::Corpus;
use confgraph::rdf::{Base, RdfSyntax};
use divan::Bencher;
use divan::counter::ItemsCount;

fn main() {
    divan::main();
}

static CORPUS: LazyLock<Corpus> = LazyLock::new(|| {
    let sources = confgraph::synthetic::leaked_sources(confgraph::synthetic::generate(
        confgraph::synthetic::bench_corpus_bytes(34.0, 0.3),
        42,
    ));
    let corpus = confgraph::corpus::assemble(confgraph::ingest::read_all(&sources), Vec::new());
    eprintln!("corpus: {} sessions, {} people", corpus.sessions.len(), corpus.people.people.len());
    corpus
});

static TRIPLES: LazyLock<confgraph::rdf::TripleTable> = LazyLock::new(|| {
    let triples = confgraph::rdf::corpus_triples(&CORPUS, &Base::default());
    eprintln!("graph: {} triples", triples.len());
    triples
});

#[divan::bench(sample_count = 5, sample_size = 1)]
fn triples_from_corpus(bencher: Bencher) {
    let corpus = &*CORPUS;
    bencher.counter(ItemsCount::new(TRIPLES.len())).bench(|| confgraph::rdf::corpus_triples(corpus, &Base::default()));
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn load_into_store(bencher: Bencher) {
    let triples = &*TRIPLES;
    bencher
        .counter(ItemsCount::new(triples.len()))
        .bench(|| confgraph::rdf::store_of(triples).expect("in-memory store"));
}

#[divan::bench(sample_count = 5, sample_size = 1, args = ["ttl", "nt", "nq", "trig", "rdf", "jsonld"])]
fn write_syntax(bencher: Bencher, extension: &str) {
    let syntax = RdfSyntax::from_extension(extension).expect("an RDF file extension");
    let triples = &*TRIPLES;
    bencher
        .counter(ItemsCount::new(triples.len()))
        .bench(|| confgraph::rdf::to_bytes(triples, &Base::default(), syntax).expect("serialises"));
}

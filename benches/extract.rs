//! `extract` end to end (read, parse in parallel, merge, resolve, render JSON) on the
//! deterministic synthetic corpus of `confgraph::synthetic`.
//!
//! `cargo bench --bench extract` uses 10 MB (set `CONFGRAPH_BENCH_MB` for another size); under
//! `cargo test` each benchmark runs once on 0.5 MB to show it works. It runs with mimalloc, the
//! allocator of the `confgraph` binary, so its figures are the binary's.

use std::sync::LazyLock;

use confgraph::ingest::source::NotesSource;
use divan::Bencher;
use divan::counter::BytesCount;

/// The allocator the `confgraph` binary runs with (see `src/main.rs`), so the figures are the
/// binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// The corpus, generated once and kept for the whole run.
static CORPUS: LazyLock<(Vec<NotesSource>, usize)> = LazyLock::new(|| {
    let files = confgraph::synthetic::generate(confgraph::synthetic::bench_corpus_bytes(10.0, 0.5), 42);
    let total = files.iter().map(|f| f.1.len()).sum();
    let sources = confgraph::synthetic::leaked_sources(files);
    (sources, total)
});

#[divan::bench(sample_count = 10, sample_size = 1)]
fn extract_json(bencher: Bencher) {
    let (sources, total) = &*CORPUS;
    bencher.counter(BytesCount::new(*total)).bench(|| {
        let corpus = confgraph::corpus::assemble(confgraph::ingest::read_all(sources), Vec::new());
        confgraph::export::extract::to_json(&corpus)
    });
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn ingest_only(bencher: Bencher) {
    let (sources, total) = &*CORPUS;
    bencher.counter(BytesCount::new(*total)).bench(|| confgraph::ingest::read_all(sources));
}

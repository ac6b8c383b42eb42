//! Writes one RDF syntax of the synthetic corpus's graph with confgraph's own writer or with
//! oxigraph's serializer fed the same triples and prefixes, and prints how long the writing took
//! and the process's resident memory before it and its peak while writing (`VmHWM`, reset before
//! writing; Linux). `scripts/bench-rdf-writers.sh`
//! runs it for every syntax and both writers.
//!
//! `cargo run --release --example rdf_writers -- (ours|oxigraph) (ttl|nt|rdf|jsonld) [MEGABYTES] [OUT]`
//! (defaults: 10 MB, `/dev/null`).

use std::io::{BufWriter, Write};
use std::time::Instant;

use confgraph::rdf::{Base, RdfSyntax, TripleTable};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::GraphNameRef;

/// The process's peak resident memory so far, in MiB (0 where `/proc` has no such line).
fn peak_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kib = status.lines().find_map(|l| l.strip_prefix("VmHWM:")).and_then(|v| v.trim().strip_suffix(" kB"));
    kib.and_then(|k| k.trim().parse::<f64>().ok()).map_or(0.0, |k| k / 1024.0)
}

/// Writes `triples` as oxigraph's serializers do, with the same prefixes.
fn oxigraph_write(triples: &TripleTable, prefixes: &[(String, String)], syntax: RdfSyntax, out: impl Write) {
    if syntax == RdfSyntax::JsonLd {
        let mut serializer = oxjsonld::JsonLdSerializer::new();
        for (name, iri) in prefixes {
            serializer = serializer.with_prefix(name.as_str(), iri.as_str()).expect("valid prefix");
        }
        let mut w = serializer.for_writer(out);
        for t in triples.iter() {
            w.serialize_quad(t.in_graph(GraphNameRef::DefaultGraph)).expect("writes");
        }
        w.finish().expect("writes");
        return;
    }
    let format = match syntax {
        RdfSyntax::Turtle => RdfFormat::Turtle,
        RdfSyntax::RdfXml => RdfFormat::RdfXml,
        _ => RdfFormat::NTriples,
    };
    let mut serializer = RdfSerializer::from_format(format);
    if syntax != RdfSyntax::NTriples {
        for (name, iri) in prefixes {
            serializer = serializer.with_prefix(name.as_str(), iri.as_str()).expect("valid prefix");
        }
    }
    let mut w = serializer.for_writer(out);
    for t in triples.iter() {
        w.serialize_triple(t).expect("writes");
    }
    w.finish().expect("writes");
}

#[expect(clippy::cast_sign_loss, clippy::cast_possible_truncation, reason = "a size made non-negative first")]
fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(writer), Some(ext)) = (args.next(), args.next()) else {
        eprintln!("usage: rdf_writers (ours|oxigraph) (ttl|nt|rdf|jsonld) [MEGABYTES] [OUT]");
        std::process::exit(2);
    };
    let syntax = RdfSyntax::from_extension(&ext).expect("ttl, nt, rdf or jsonld");
    let mb: f64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(10.0_f64).max(0.0);
    let path = args.next().unwrap_or_else(|| "/dev/null".to_owned());
    let files = confgraph::synthetic::generate((mb * 1e6) as usize, 42);
    let sources = confgraph::synthetic::leaked_sources(files);
    let corpus = confgraph::corpus::assemble(confgraph::ingest::read_all(&sources), Vec::new());
    let base = Base::default();
    let triples = confgraph::rdf::corpus_triples(&corpus, &base);
    drop(corpus);
    let prefixes = confgraph::rdf::prefixes_for(&triples, &base);
    // The peak so far is the corpus being read; reset it (Linux: `clear_refs` 5) so the peak after
    // writing is what the triple table and the writer held.
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let before = peak_mib();
    let started = Instant::now();
    let mut out = BufWriter::with_capacity(1 << 16, std::fs::File::create(&path).expect("output file"));
    match writer.as_str() {
        "ours" => confgraph::rdf::write_triples_with(&triples, &prefixes, &base, syntax, &mut out).expect("writes"),
        _ => oxigraph_write(&triples, &prefixes, syntax, &mut out),
    }
    out.flush().expect("writes");
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{writer} {ext}: {} triples, {seconds:.3} s, peak {before:.0} MiB before, {:.0} MiB after",
        triples.len(),
        peak_mib()
    );
}

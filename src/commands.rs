//! One function per subcommand: turn checked arguments into library calls and write the result.

use std::path::Path;
use std::time::Duration;

use anyhow::Context as _;

use crate::cli::{
    BuildArgs, Cli, Command, ExportArgs, ExtractArgs, ExtractFormat, NotesSelection, QueryArgs,
};
use crate::corpus::Corpus;
use crate::error::Error;
use crate::rdf::{Base, RdfSyntax};
use crate::sparql::QueryError;
use crate::{extract, ingest, output, queries, rdf, sparql};

/// Reads a selection of notes into a corpus (in parallel), printing each warning to stderr.
///
/// # Errors
/// [`Error::NothingRead`] when files were given but none could be read; [`Error::Strict`] when
/// `strict` and there were warnings.
pub fn read_corpus(selection: &NotesSelection, strict: bool) -> Result<Corpus, Error> {
    if selection.bundled {
        eprintln!("confgraph: no notes given, reading the bundled sample corpus (notes/)");
    }
    let results = ingest::read_all(&selection.sources);
    let corpus = crate::corpus::assemble(results, selection.problems.clone());
    for d in &corpus.diagnostics {
        eprintln!("confgraph: warning: {d}");
    }
    if corpus.files_read == 0 {
        return Err(Error::NothingRead {
            files: selection.sources.len(),
        });
    }
    if strict && !corpus.diagnostics.is_empty() {
        return Err(Error::Strict {
            count: corpus.diagnostics.len(),
        });
    }
    Ok(corpus)
}

/// Runs one command line.
///
/// # Errors
/// Any [`Error`]; `main` prints it and exits with [`Error::exit_code`].
pub fn run(cli: Cli) -> Result<(), Error> {
    let base = Base::new(&cli.base).map_err(Error::Usage)?;
    match cli.command {
        Command::Build(args) => build(&args, cli.strict, &base),
        Command::Extract(args) => extract_command(&args, cli.strict),
        Command::Export(args) => export(&args, cli.strict, &base),
        Command::Query(args) => query(&args, cli.strict, &base),
    }
}

fn extract_command(args: &ExtractArgs, strict: bool) -> Result<(), Error> {
    let corpus = read_corpus(&args.notes.select()?, strict)?;
    let text = match args.format {
        ExtractFormat::Json => extract::to_json(&corpus),
        ExtractFormat::Table => extract::to_table(&corpus),
    };
    output::write_to(args.output.as_deref(), text.as_bytes())?;
    Ok(())
}

/// The files `build` writes into its output folder.
pub const BUILD_OUTPUTS: &[&str] = &[
    "extract.json",
    "graph.jsonld",
    "graph.nq",
    "graph.nt",
    "graph.rdf",
    "graph.trig",
    "graph.ttl",
];

fn build(args: &BuildArgs, strict: bool, base: &Base) -> Result<(), Error> {
    let corpus = read_corpus(&args.notes.select()?, strict)?;
    output::write_atomic(
        &args.out.join("extract.json"),
        extract::to_json(&corpus).as_bytes(),
    )?;
    let triples = rdf::corpus_triples(&corpus, base);
    for syntax in RdfSyntax::ALL {
        let bytes = rdf::to_bytes(&triples, base, syntax).context("cannot serialise the graph")?;
        output::write_atomic(
            &args.out.join(format!("graph.{}", syntax.extension())),
            &bytes,
        )?;
    }
    println!(
        "{}, {} triples → {}",
        extract::summary(&corpus),
        triples.len(),
        args.out.display()
    );
    Ok(())
}

/// The triples of an RDF file given with `--data`.
fn data_triples(path: &Path) -> Result<Vec<oxigraph::model::Triple>, Error> {
    if !path.exists() {
        return Err(Error::Usage(format!("no such file: {}", path.display())));
    }
    rdf::read_file(path).map_err(|e| Error::Other(anyhow::anyhow!(e)))
}

fn export(args: &ExportArgs, strict: bool, base: &Base) -> Result<(), Error> {
    let triples = match &args.data {
        Some(path) => data_triples(path)?,
        None => rdf::corpus_triples(&read_corpus(&args.notes.select()?, strict)?, base),
    };
    let bytes = rdf::to_bytes(&triples, base, args.format.rdf_syntax())
        .context("cannot serialise the graph")?;
    output::write_to(args.output.as_deref(), &bytes)?;
    Ok(())
}

fn query(args: &QueryArgs, strict: bool, base: &Base) -> Result<(), Error> {
    if args.list {
        for (name, text) in queries::NAMED_QUERIES {
            println!("{name:<32} {}", queries::description(text));
        }
        return Ok(());
    }
    let mut rest = args.args.iter();
    let text = if let Some(path) = &args.file {
        std::fs::read_to_string(path)
            .map_err(|e| Error::Usage(format!("cannot read query file {}: {e}", path.display())))?
    } else if let Some(name) = &args.named {
        queries::named(name)
            .ok_or_else(|| {
                Error::Usage(format!(
                    "no named query `{name}` (see `confgraph query --list`)"
                ))
            })?
            .to_owned()
    } else {
        rest.next().cloned().ok_or_else(|| {
            Error::Usage("no query given: pass SPARQL text, --file Q.rq or --named NAME".into())
        })?
    };
    let notes: Vec<std::path::PathBuf> = rest.map(std::path::PathBuf::from).collect();
    let triples = match &args.data {
        Some(_) if !notes.is_empty() => {
            return Err(Error::Usage("give notes or --data, not both".into()));
        }
        Some(path) => data_triples(path)?,
        None => {
            let selection = crate::cli::NotesArgs { notes }.select()?;
            rdf::corpus_triples(&read_corpus(&selection, strict)?, base)
        }
    };
    let timeout = match args.timeout {
        Some(t) if !(t > 0.0 && t.is_finite()) => {
            return Err(Error::Usage(format!(
                "--timeout must be a positive number of seconds, not {t}"
            )));
        }
        Some(t) => Some(Duration::from_secs_f64(t)),
        None => None,
    };
    let store = rdf::store_of(&triples).context("cannot build the in-memory store")?;
    let mut out = Vec::new();
    match sparql::run(
        &store,
        &text,
        args.format.results_format(),
        timeout,
        base,
        &mut out,
    ) {
        Ok(()) => {}
        Err(e @ (QueryError::Syntax(_) | QueryError::Format(_))) => {
            return Err(Error::Usage(e.to_string()));
        }
        Err(e) => return Err(Error::Other(e.into())),
    }
    output::write_to(None, &out)?;
    Ok(())
}

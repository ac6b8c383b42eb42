//! confgraph turns conference notes (Markdown talk notes, plain-text schedules, narrative recap
//! posts) into one knowledge graph of conference series, editions, sessions, people and topics.
//!
//! Data flows one way: [`ingest`] reads files into records, [`corpus`] merges them and
//! [`resolve`] groups name mentions into people; the views ([`extract`]) only render.
//! [`run`] is the whole program behind `main`.

pub mod cli;
pub mod corpus;
pub mod diagnostic;
pub mod error;
pub mod extract;
pub mod ids;
pub mod ingest;
pub mod model;
pub mod output;
pub mod resolve;
pub mod synthetic;

use cli::{BuildArgs, Cli, Command, ExtractArgs, ExtractFormat, NotesSelection};
use corpus::Corpus;
use error::Error;

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
    let corpus = corpus::assemble(results, selection.problems.clone());
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
    match cli.command {
        Command::Build(args) => build(&args, cli.strict),
        Command::Extract(args) => extract_command(&args, cli.strict),
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
pub const BUILD_OUTPUTS: &[&str] = &["extract.json"];

fn build(args: &BuildArgs, strict: bool) -> Result<(), Error> {
    let corpus = read_corpus(&args.notes.select()?, strict)?;
    output::write_atomic(
        &args.out.join("extract.json"),
        extract::to_json(&corpus).as_bytes(),
    )?;
    println!("{} → {}", extract::summary(&corpus), args.out.display());
    Ok(())
}

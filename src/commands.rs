//! One function per subcommand: turn checked arguments into library calls and write the result.

use std::path::Path;
use std::time::Duration;

use anyhow::Context as _;
use rayon::prelude::*;

use crate::cli::{
    BuildArgs, Cli, Command, ExportArgs, ExportFormat, ExtractArgs, ExtractFormat, NotesSelection, PeopleArgs,
    QueryArgs, ReportArgs, ReportFormatArg, ReportKindArg, ViewArg,
};
use crate::corpus::Corpus;
use crate::error::Error;
use crate::export::csv_tables::GephiCsv;
use crate::export::gexf::Gexf;
use crate::export::graphml::GraphMl;
use crate::export::neo4j::Neo4jCsv;
use crate::export::{GraphFormat, Rendered};
use crate::graph::{KnowledgeGraph, View};
use crate::rdf::{Base, RdfSyntax};
use crate::report::{ReportFormat, ReportKind};
use crate::sparql::QueryError;
use crate::topics::TopicScheme;
use crate::{analyze, extract, graph, ingest, output, queries, rdf, report, sparql};

/// Reads a selection of notes into a corpus (in parallel), printing each warning to stderr.
///
/// # Errors
/// [`Error::NothingRead`] when files were given but none could be read; [`Error::Strict`] when
/// `strict` and there were warnings.
pub fn read_corpus(selection: &NotesSelection, settings: &Settings) -> Result<Corpus, Error> {
    let strict = settings.strict;
    if selection.bundled {
        eprintln!("confgraph: no notes given, reading the bundled sample corpus (notes/)");
    }
    let results = ingest::read_all(&selection.sources);
    let corpus = crate::corpus::assemble_with(
        results,
        selection.problems.clone(),
        &selection.overrides,
        settings.topics.clone(),
    );
    for d in &corpus.diagnostics {
        eprintln!("confgraph: warning: {d}");
    }
    if corpus.files_read == 0 {
        return Err(Error::NothingRead { files: selection.sources.len() });
    }
    if strict && !corpus.diagnostics.is_empty() {
        return Err(Error::Strict { count: corpus.diagnostics.len() });
    }
    Ok(corpus)
}

/// The global options, checked.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Warnings are errors.
    pub strict: bool,
    /// Base of data IRIs.
    pub base: Base,
    /// The topic taxonomy.
    pub topics: TopicScheme,
}

impl Settings {
    /// Checks the global options of a command line.
    ///
    /// # Errors
    /// [`Error::Usage`] for a bad `--base` or an unreadable or invalid `--topics` file.
    pub fn from_cli(cli: &Cli) -> Result<Self, Error> {
        let base = Base::new(&cli.base).map_err(Error::Usage)?;
        let topics = match &cli.topics {
            None => TopicScheme::bundled(),
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| Error::Usage(format!("cannot read --topics {}: {e}", path.display())))?;
                TopicScheme::from_turtle(&text, &path.display().to_string()).map_err(Error::Usage)?
            }
        };
        Ok(Self { strict: cli.strict, base, topics })
    }
}

/// Runs one command line.
///
/// # Errors
/// Any [`Error`]; `main` prints it and exits with [`Error::exit_code`].
pub fn run(cli: Cli) -> Result<(), Error> {
    let settings = Settings::from_cli(&cli)?;
    match cli.command {
        Command::Build(args) => build(&args, &settings),
        Command::Extract(args) => extract_command(&args, &settings),
        Command::Export(args) => export(&args, &settings),
        Command::Query(args) => query(&args, &settings),
        Command::People(args) => people(&args, &settings),
        Command::Report(args) => report_command(&args, &settings),
    }
}

fn extract_command(args: &ExtractArgs, settings: &Settings) -> Result<(), Error> {
    let corpus = read_corpus(&args.notes.select()?, settings)?;
    let text = match args.format {
        ExtractFormat::Json => extract::to_json(&corpus),
        ExtractFormat::Table => extract::to_table(&corpus),
    };
    output::write_to(args.output.as_deref(), text.as_bytes())?;
    Ok(())
}

/// Writes what a property-graph format rendered: a file at `path`, or files in the folder `path`.
fn write_rendered(rendered: Rendered, path: Option<&Path>) -> Result<(), Error> {
    match rendered {
        Rendered::File(bytes) => output::write_to(path, &bytes)?,
        Rendered::Folder(files) => {
            let Some(dir) = path.filter(|p| *p != Path::new("-")) else {
                return Err(Error::Usage("this format writes several files: give a folder with -o DIR".into()));
            };
            for (name, bytes) in files {
                output::write_atomic(&dir.join(name), &bytes)?;
            }
        }
    }
    Ok(())
}

fn graph_format(format: ExportFormat) -> Box<dyn GraphFormat> {
    match format {
        ExportFormat::Gexf => Box::new(Gexf),
        ExportFormat::Csv => Box::new(GephiCsv),
        ExportFormat::Neo4j => Box::new(Neo4jCsv),
        _ => Box::new(GraphMl),
    }
}

/// A view of the corpus with its network measures.
fn analysed_view(corpus: &Corpus, view: View) -> KnowledgeGraph {
    let mut kg = graph::build(corpus, view);
    analyze::annotate(&mut kg);
    kg
}

/// One export of `build`: renders and writes one file or folder.
type Job<'a> = Box<dyn Fn() -> Result<(), Error> + Send + Sync + 'a>;

fn build(args: &BuildArgs, settings: &Settings) -> Result<(), Error> {
    let base = &settings.base;
    let corpus = read_corpus(&args.notes.select()?, settings)?;
    output::remove_stale_temporaries(&args.out)?;
    let triples = rdf::corpus_triples(&corpus, base);
    let prefixes = rdf::prefixes_for(&triples, base);
    let views: Vec<(&str, View, KnowledgeGraph)> =
        [("full", View::Full), ("people", View::People { shared_editions: false }), ("topics", View::Topics)]
            .into_par_iter()
            .map(|(name, view)| (name, view, analysed_view(&corpus, view)))
            // A view with nothing in it (topics, before any are assigned) is not written.
            .filter(|(_, _, kg)| kg.graph.node_count() > 0)
            .collect();
    // Every export is independent: render and write them in parallel, each atomically.
    let mut jobs: Vec<Job<'_>> = Vec::new();
    jobs.push(Box::new(|| {
        Ok(output::write_atomic(&args.out.join("extract.json"), extract::to_json(&corpus).as_bytes())?)
    }));
    for syntax in RdfSyntax::ALL.into_iter().filter(|s| s.same_bytes_as() == *s) {
        let (triples, prefixes, out) = (&triples, &prefixes, &args.out);
        jobs.push(Box::new(move || {
            let path = out.join(format!("graph.{}", syntax.extension()));
            output::write_atomic_with(&path, |w| rdf::write_triples_with(triples, prefixes, syntax, w))?;
            for copy in RdfSyntax::ALL.into_iter().filter(|s| *s != syntax && s.same_bytes_as() == syntax) {
                output::copy_atomic(&path, &out.join(format!("graph.{}", copy.extension())))?;
            }
            Ok(())
        }));
    }
    for (name, view, kg) in &views {
        let out = &args.out;
        jobs.push(Box::new(move || write_rendered(GraphMl.render(kg)?, Some(&out.join(format!("{name}.graphml"))))));
        jobs.push(Box::new(move || write_rendered(Gexf.render(kg)?, Some(&out.join(format!("{name}.gexf"))))));
        jobs.push(Box::new(move || write_rendered(GephiCsv.render(kg)?, Some(&out.join("gephi").join(name)))));
        if *view == View::Full {
            jobs.push(Box::new(move || write_rendered(Neo4jCsv.render(kg)?, Some(&out.join("neo4j")))));
        }
    }
    jobs.push(Box::new(|| {
        let html = report::html::page(&corpus, &[ReportKind::Speakers, ReportKind::Topics, ReportKind::Editions], 2);
        Ok(output::write_atomic(&args.out.join("report.html"), html.as_bytes())?)
    }));
    let progress = crate::progress::Progress::new(jobs.len() as u64, "writing exports");
    let results: Vec<Result<(), Error>> = jobs
        .par_iter()
        .map(|job| {
            let r = job();
            progress.inc();
            r
        })
        .collect();
    progress.finish();
    results.into_iter().collect::<Result<Vec<()>, Error>>()?;
    println!("{}, {} triples → {}", extract::summary(&corpus), triples.len(), args.out.display());
    Ok(())
}

/// The triples of an RDF file given with `--data`.
fn data_triples(path: &Path) -> Result<rdf::TripleTable, Error> {
    if !path.exists() {
        return Err(Error::Usage(format!("no such file: {}", path.display())));
    }
    rdf::read_file(path).map_err(|e| Error::Other(anyhow::anyhow!(e)))
}

fn export(args: &ExportArgs, settings: &Settings) -> Result<(), Error> {
    let base = &settings.base;
    let Some(syntax) = args.format.rdf_syntax() else {
        if args.data.is_some() {
            return Err(Error::Usage("--data reads RDF; graphml, gexf, csv and neo4j are made from notes".into()));
        }
        let view = match args.view {
            ViewArg::Full => View::Full,
            ViewArg::People => View::People { shared_editions: args.shared_editions },
            ViewArg::Topics => View::Topics,
        };
        let kg = analysed_view(&read_corpus(&args.notes.select()?, settings)?, view);
        return write_rendered(graph_format(args.format).render(&kg)?, args.output.as_deref());
    };
    let triples = match &args.data {
        Some(path) => data_triples(path)?,
        None => rdf::corpus_triples(&read_corpus(&args.notes.select()?, settings)?, base),
    };
    output::write_to_with(args.output.as_deref(), |w| rdf::write_triples(&triples, base, syntax, w))?;
    Ok(())
}

fn query(args: &QueryArgs, settings: &Settings) -> Result<(), Error> {
    let base = &settings.base;
    if args.list {
        for (name, text) in queries::NAMED_QUERIES {
            let description = queries::description(text);
            let description = description.strip_prefix(&format!("{name}: ")).unwrap_or(&description);
            println!("{name:<32} {description}");
        }
        return Ok(());
    }
    let mut rest = args.args.iter();
    let text = if let Some(path) = &args.file {
        std::fs::read_to_string(path)
            .map_err(|e| Error::Usage(format!("cannot read query file {}: {e}", path.display())))?
    } else if let Some(name) = &args.named {
        queries::named(name)
            .ok_or_else(|| Error::Usage(format!("no named query `{name}` (see `confgraph query --list`)")))?
            .to_owned()
    } else {
        rest.next()
            .cloned()
            .ok_or_else(|| Error::Usage("no query given: pass SPARQL text, --file Q.rq or --named NAME".into()))?
    };
    let notes: Vec<std::path::PathBuf> = rest.map(std::path::PathBuf::from).collect();
    let triples = match &args.data {
        Some(_) if !notes.is_empty() => {
            return Err(Error::Usage("give notes or --data, not both".into()));
        }
        Some(path) => data_triples(path)?,
        None => {
            let selection = crate::cli::NotesArgs { notes }.select()?;
            rdf::corpus_triples(&read_corpus(&selection, settings)?, base)
        }
    };
    let timeout = match args.timeout {
        Some(t) if !(t > 0.0 && t.is_finite()) => {
            return Err(Error::Usage(format!("--timeout must be a positive number of seconds, not {t}")));
        }
        Some(t) => Some(Duration::from_secs_f64(t)),
        None => None,
    };
    let store = rdf::store_of(&triples).context("cannot build the in-memory store")?;
    let mut out = Vec::new();
    match sparql::run(&store, &text, args.format.results_format(), timeout, base, &mut out) {
        Ok(()) => {}
        Err(e @ (QueryError::Syntax(_) | QueryError::Format(_))) => {
            return Err(Error::Usage(e.to_string()));
        }
        Err(e) => return Err(Error::Other(e.into())),
    }
    output::write_to(None, &out)?;
    Ok(())
}

fn people(args: &PeopleArgs, settings: &Settings) -> Result<(), Error> {
    let corpus = read_corpus(&args.notes.select()?, settings)?;
    output::write_to(None, extract::people_report(&corpus, args.explain).as_bytes())?;
    Ok(())
}

fn report_command(args: &ReportArgs, settings: &Settings) -> Result<(), Error> {
    let corpus = read_corpus(&args.notes.select()?, settings)?;
    let kind = match args.kind {
        ReportKindArg::Speakers => ReportKind::Speakers,
        ReportKindArg::Topics => ReportKind::Topics,
        ReportKindArg::Editions => ReportKind::Editions,
    };
    let format = match args.format {
        ReportFormatArg::Table => ReportFormat::Table,
        ReportFormatArg::Markdown => ReportFormat::Markdown,
        ReportFormatArg::Csv => ReportFormat::Csv,
        ReportFormatArg::Json => ReportFormat::Json,
        ReportFormatArg::Html => ReportFormat::Html,
    };
    let text = report::render(kind, &corpus, format, usize::from(args.min_editions))?;
    output::write_to(args.output.as_deref(), text.as_bytes())?;
    Ok(())
}

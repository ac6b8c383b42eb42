//! One function per subcommand: turn checked arguments into library calls and write the result.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use anyhow::Context as _;

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
use crate::export::{GraphFormat, Sink};
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
    let options = ingest::ReadOptions {
        conference: settings.conference.clone(),
        explain: false,
        max_file_bytes: Some(settings.max_file_bytes),
    };
    let results = ingest::read_all_with(&selection.sources, &options);
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
        // ("See the warnings above" only when there are some.)
        if selection.sources.is_empty() && corpus.diagnostics.is_empty() {
            return Err(Error::NoNotesFiles);
        }
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
    /// The edition of notes files that name none (`--conference`).
    pub conference: Option<ingest::conference::ConferenceName>,
    /// Notes files larger than this are skipped unread (`--max-file-size`, in bytes).
    pub max_file_bytes: u64,
}

impl Settings {
    /// Checks the global options of a command line.
    ///
    /// # Errors
    /// [`Error::Usage`] for a bad `--base` or an unreadable or invalid `--topics` file.
    pub fn from_cli(cli: &Cli) -> Result<Self, Error> {
        let base = Base::new(&cli.base)?;
        let topics = match &cli.topics {
            None => TopicScheme::bundled(),
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| Error::Usage(format!("cannot read --topics {}: {e}", path.display())))?;
                TopicScheme::from_turtle(&text, &path.display().to_string())?
            }
        };
        let conference = match &cli.conference {
            None => None,
            Some(text) => Some(ingest::conference::parse_header(text).ok_or_else(|| {
                Error::Usage(format!(
                    "--conference {text:?}: give a series and a year, e.g. --conference \"DevFest Lisboa 2023\""
                ))
            })?),
        };
        let max_file_bytes = match cli.max_file_size.checked_mul(1 << 20) {
            Some(bytes) if bytes > 0 => bytes,
            _ => return Err(Error::Usage(format!("--max-file-size must be between 1 and {} MiB", u64::MAX >> 20))),
        };
        Ok(Self { strict: cli.strict, base, topics, conference, max_file_bytes })
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
    if args.explain {
        return explain_command(args, settings);
    }
    let corpus = read_corpus(&args.notes.select_writing_to(args.output.as_deref())?, settings)?;
    match args.format {
        ExtractFormat::Json => output::write_to_with(args.output.as_deref(), |w| extract::write_json(&corpus, w))?,
        ExtractFormat::Table => output::write_to(args.output.as_deref(), extract::to_table(&corpus).as_bytes())?,
    }
    Ok(())
}

/// `extract --explain`: how each file was read.
fn explain_command(args: &ExtractArgs, settings: &Settings) -> Result<(), Error> {
    let selection = args.notes.select_writing_to(args.output.as_deref())?;
    let options = ingest::ReadOptions {
        conference: settings.conference.clone(),
        explain: true,
        max_file_bytes: Some(settings.max_file_bytes),
    };
    let results = ingest::read_all_with(&selection.sources, &options);
    for d in results.iter().flat_map(|r| &r.diagnostics) {
        eprintln!("confgraph: warning: {d}");
    }
    let explained: Vec<&ingest::explain::FileExplain> = results.iter().filter_map(|r| r.explain.as_ref()).collect();
    match args.format {
        ExtractFormat::Json => output::write_to_with(args.output.as_deref(), |w| {
            serde_json::to_writer_pretty(&mut *w, &explained).map_err(std::io::Error::other)?;
            w.write_all(b"\n")
        })?,
        ExtractFormat::Table => {
            output::write_to(args.output.as_deref(), ingest::explain::to_text(&explained).as_bytes())?;
        }
    }
    Ok(())
}

/// Writes a view in a property-graph format: one file at `path` (standard output for `-` or
/// none), or the files of a folder format into the folder `path`, each atomically.
fn write_graph(format: &dyn GraphFormat, kg: &KnowledgeGraph, path: Option<&Path>) -> Result<(), Error> {
    let path = path.filter(|p| *p != Path::new("-"));
    if format.is_folder() && path.is_none() {
        return Err(Error::Usage("this format writes several files: give a folder with -o DIR".into()));
    }
    format.write(kg, &mut FileSink(path))?;
    Ok(())
}

/// Files of a property-graph export, written as they are rendered.
struct FileSink<'a>(Option<&'a Path>);

impl Sink for FileSink<'_> {
    fn file(
        &mut self,
        name: Option<&str>,
        fill: &mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        let result = match (self.0, name) {
            (Some(dir), Some(name)) => output::write_atomic_with(&dir.join(name), |w| fill(w)),
            (path, None) => output::write_to_with(path, |w| fill(w)),
            (None, Some(name)) => {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidInput,
                    format!("{name} is one of several files: give a folder with -o DIR"),
                ));
            }
        };
        result.map_err(|e| {
            // Keep the kind (a closed pipe is not an error), and the whole message.
            let kind = e
                .chain()
                .find_map(|c| c.downcast_ref::<std::io::Error>())
                .map_or(std::io::ErrorKind::Other, std::io::Error::kind);
            std::io::Error::new(kind, format!("{e:#}"))
        })
    }
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

/// The graph views `build` writes, by file name.
const BUILD_VIEWS: [(&str, View); 3] =
    [("full", View::Full), ("people", View::People { shared_editions: false }), ("topics", View::Topics)];

/// Property-graph files: format and path.
type GraphExports = Vec<(Box<dyn GraphFormat>, PathBuf)>;

/// The property-graph files `build` writes of a view: the two largest (`GraphML` and GEXF) first.
fn view_exports(out: &Path, name: &str, view: View) -> GraphExports {
    let mut exports: GraphExports = vec![
        (Box::new(GraphMl), out.join(format!("{name}.graphml"))),
        (Box::new(Gexf), out.join(format!("{name}.gexf"))),
        (Box::new(GephiCsv), out.join("gephi").join(name)),
    ];
    if view == View::Full {
        exports.push((Box::new(Neo4jCsv), out.join("neo4j")));
    }
    exports
}

/// One file (or folder) `build` writes, named; jobs sort in the order their failures are told:
/// `extract.json`, `report.html`, the RDF files, then each view's files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Job {
    /// `extract.json`.
    Extract,
    /// `report.html`.
    Report,
    /// The RDF file of this syntax (by its place in the list `build` writes).
    Rdf(usize),
    /// Export `export` of view `view` (places in [`BUILD_VIEWS`] and [`view_exports`]).
    Graph {
        /// The view.
        view: usize,
        /// The export of that view.
        export: usize,
    },
}

/// The order `build` spawns the RDF files in (see [`Writer::rdf_files`]).
const RDF_SPAWN_ORDER: [RdfSyntax; 4] = [RdfSyntax::Turtle, RdfSyntax::JsonLd, RdfSyntax::RdfXml, RdfSyntax::NTriples];

/// What `build` writes into its staging folder, and the failures of its jobs.
struct Writer<'a> {
    corpus: &'a Corpus,
    base: &'a Base,
    out: &'a Path,
    /// The RDF syntaxes written (one of each pair that share their bytes).
    rdf_files: Vec<RdfSyntax>,
    progress: crate::progress::Progress,
    /// A failed export does not stop the others; the first in job order is the error.
    failures: Mutex<Vec<(Job, Error)>>,
}

impl Writer<'_> {
    fn done(&self, job: Job, result: Result<(), Error>) {
        if let Err(e) = result {
            self.failures.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push((job, e));
        }
        self.progress.inc();
    }

    /// Builds a view and writes its exports, in parallel.
    fn view(&self, index: usize, view: View, exports: &GraphExports) {
        let kg = analysed_view(self.corpus, view);
        // A view with nothing in it (topics, before any are assigned) is not written.
        if kg.graph.node_count() == 0 {
            for _ in exports {
                self.progress.inc();
            }
            return;
        }
        // This thread takes the last job spawned, the other steals from the front: the GEXF file
        // (second in the list) is spawned last and the GraphML file first, so the two largest
        // start at once.
        rayon::scope(|scope| {
            for j in std::iter::once(0).chain(2..exports.len()).chain([1]) {
                let (kg, (format, path)) = (&kg, &exports[j]);
                let job = Job::Graph { view: index, export: j };
                scope.spawn(move |_| self.done(job, write_graph(format.as_ref(), kg, Some(path))));
            }
        });
    }

    /// Writes every RDF file; returns the number of triples.
    fn rdf_files(&self) -> usize {
        let triples = rdf::corpus_triples(self.corpus, self.base);
        let prefixes = rdf::prefixes_for(&triples, self.base);
        rayon::scope(|scope| {
            // This thread takes the last job spawned, the other steals from the front: N-Triples
            // (the longest, copied to N-Quads) is started on this thread and Turtle (copied to
            // TriG) on the other; the rest go to whichever is free first.
            debug_assert_eq!(self.rdf_files.len(), RDF_SPAWN_ORDER.len());
            for syntax in RDF_SPAWN_ORDER {
                let i = self.rdf_files.iter().position(|&s| s == syntax).expect("build writes every syntax it spawns");
                let (triples, prefixes) = (&triples, &prefixes);
                scope.spawn(move |_| self.done(Job::Rdf(i), write_rdf(triples, prefixes, syntax, self.out)));
            }
        });
        triples.len()
    }

    /// Writes `report.html` and `extract.json`.
    fn report_and_extract(&self) {
        let kinds = [ReportKind::Speakers, ReportKind::Topics, ReportKind::Editions];
        let page = |w: &mut dyn std::io::Write| report::html::write_page(self.corpus, &kinds, 2, w);
        let written = output::write_atomic_with(&self.out.join("report.html"), page);
        self.done(Job::Report, written.map_err(Error::from));
        let json = |w: &mut dyn std::io::Write| extract::write_json(self.corpus, w);
        let extract = output::write_atomic_with(&self.out.join("extract.json"), json);
        self.done(Job::Extract, extract.map_err(Error::from));
    }
}

fn build(args: &BuildArgs, settings: &Settings) -> Result<(), Error> {
    let corpus = read_corpus(&args.notes.select_writing_to(Some(&args.out))?, settings)?;
    // One build per folder at a time; the lock is held until this function returns.
    let _lock = output::lock_folder(&args.out)?;
    output::remove_stale_temporaries(&args.out)?;
    // Everything is written to a staging folder and moved into place only if all succeeded.
    let stage = output::Stage::new(&args.out)?;
    let out = stage.path();
    let rdf_files: Vec<RdfSyntax> = RdfSyntax::ALL.into_iter().filter(|s| s.same_bytes_as() == *s).collect();
    let views: Vec<(View, GraphExports)> =
        BUILD_VIEWS.iter().map(|&(name, view)| (view, view_exports(out, name, view))).collect();
    let jobs = 2 + rdf_files.len() + views.iter().map(|(_, e)| e.len()).sum::<usize>();
    let progress = crate::progress::Progress::new(jobs as u64, "writing exports");
    let writer = Writer { corpus: &corpus, base: &settings.base, out, rdf_files, progress, failures: Mutex::default() };
    // The two largest structures, the full view and the triple table, are built one after the
    // other: the full view and its files first, then the table (while the other thread writes the
    // report and `extract.json`), then the RDF files. The smaller views go beside the full one.
    let ((full, full_exports), others) = views.split_first().expect("build writes the full view");
    debug_assert_eq!(*full, View::Full);
    let (triple_count, ()) = rayon::join(
        || {
            writer.view(0, *full, full_exports);
            rayon::join(|| writer.rdf_files(), || writer.report_and_extract()).0
        },
        || others.iter().enumerate().for_each(|(i, (view, exports))| writer.view(i + 1, *view, exports)),
    );
    writer.progress.finish();
    let failures = writer.failures.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
    first_failure(failures, out, &args.out)?;
    // Exports of an earlier build that this one no longer writes go (`neo4j/nodes-organisation.csv`).
    stage.commit()?;
    println!("{}, {} triples → {}", extract::summary(&corpus), triple_count, args.out.display());
    Ok(())
}

/// The first failure of a build, in job order, as its error (the others printed as warnings),
/// naming files where they would have gone rather than in the staging folder.
fn first_failure(mut failures: Vec<(Job, Error)>, staged: &Path, out: &Path) -> Result<(), Error> {
    failures.sort_by_key(|(order, _)| *order);
    let plain = |e: &Error| format!("{e:#}").replace(&staged.display().to_string(), &out.display().to_string());
    let mut failures = failures.into_iter().map(|(_, e)| e);
    let Some(error) = failures.next() else { return Ok(()) };
    for other in failures {
        eprintln!("confgraph: warning: {}", plain(&other));
    }
    let kept = if out.join(output::MANIFEST).is_file() { ": the previous build's files are as they were" } else { "" };
    Err(Error::Other(anyhow::anyhow!("{}\nnothing in {} was changed{kept}", plain(&error), out.display())))
}

/// Writes the graph in `syntax` to `graph.<ext>` under `out`, and copies it to the syntaxes whose
/// output is the same bytes.
fn write_rdf(
    triples: &rdf::TripleTable,
    prefixes: &[(String, String)],
    syntax: RdfSyntax,
    out: &Path,
) -> Result<(), Error> {
    let path = out.join(format!("graph.{}", syntax.extension()));
    output::write_atomic_with(&path, |w| rdf::write_triples_with(triples, prefixes, syntax, w))?;
    for copy in RdfSyntax::ALL.into_iter().filter(|s| *s != syntax && s.same_bytes_as() == syntax) {
        output::copy_atomic(&path, &out.join(format!("graph.{}", copy.extension())))?;
    }
    Ok(())
}

/// The triples of an RDF file given with `--data`, judged before it is read (see
/// [`regular_file_within`]).
fn data_triples(path: &Path, max_bytes: u64) -> Result<rdf::TripleTable, Error> {
    regular_file_within(path, max_bytes, "--data")?;
    rdf::read_file(path).map_err(|e| Error::Other(anyhow::anyhow!(e)))
}

/// A file named on the command line (`--data`, `--file`) is read only when it is a regular file
/// of at most `max_bytes` (`--max-file-size`): `/dev/zero` or a FIFO would never end, a huge file
/// would fill memory.
fn regular_file_within(path: &Path, max_bytes: u64, option: &str) -> Result<(), Error> {
    let meta = std::fs::metadata(path).map_err(|_| Error::Usage(format!("no such file: {}", path.display())))?;
    if !meta.is_file() {
        return Err(Error::Usage(format!(
            "{option} {}: not a regular file (a folder, FIFO, device or socket)",
            path.display()
        )));
    }
    if meta.len() > max_bytes {
        return Err(Error::Usage(format!(
            "{option} {}: {} MiB, larger than the {} MiB a file may be (--max-file-size)",
            path.display(),
            meta.len().div_ceil(1 << 20),
            max_bytes >> 20
        )));
    }
    Ok(())
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
        let kg = analysed_view(&read_corpus(&args.notes.select_writing_to(args.output.as_deref())?, settings)?, view);
        return write_graph(graph_format(args.format).as_ref(), &kg, args.output.as_deref());
    };
    let triples = match &args.data {
        Some(path) => data_triples(path, settings.max_file_bytes)?,
        None => {
            rdf::corpus_triples(&read_corpus(&args.notes.select_writing_to(args.output.as_deref())?, settings)?, base)
        }
    };
    output::write_to_with(args.output.as_deref(), |w| rdf::write_triples(&triples, base, syntax, w))?;
    Ok(())
}

/// The limits `query` runs under, each checked: a number that gives no limit is a usage error.
fn query_limits(args: &QueryArgs) -> Result<sparql::QueryLimits, Error> {
    // (`--timeout 1e20` is finite and positive, and still no duration: refused, never a panic.)
    let timeout = match args.timeout.map(|t| (t, Duration::try_from_secs_f64(t))) {
        Some((t, Ok(d))) if t > 0.0 => Some(d),
        Some((t, _)) => {
            return Err(Error::Usage(format!("--timeout must be a positive number of seconds, not {t}")));
        }
        None => None,
    };
    if args.max_rows == 0 {
        return Err(Error::Usage("--max-rows must be at least 1".into()));
    }
    let max_memory = match args.max_memory.checked_mul(1 << 20) {
        Some(bytes) if bytes > 0 => bytes,
        _ => return Err(Error::Usage(format!("--max-memory must be between 1 and {} MiB", u64::MAX >> 20))),
    };
    Ok(sparql::QueryLimits { timeout, max_rows: Some(args.max_rows), max_memory: Some(max_memory) })
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
        regular_file_within(path, settings.max_file_bytes, "--file")?;
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
        Some(path) => data_triples(path, settings.max_file_bytes)?,
        None => {
            let selection = crate::cli::NotesArgs { notes }.select()?;
            rdf::corpus_triples(&read_corpus(&selection, settings)?, base)
        }
    };
    let limits = query_limits(args)?;
    let store = rdf::store_of(&triples).context("cannot build the in-memory store")?;
    let out = match sparql::run(&store, &text, args.format.results_format(), limits, base) {
        Ok(out) => out,
        Err(e @ (QueryError::Syntax(_) | QueryError::Format(_) | QueryError::NamedGraphs)) => {
            return Err(Error::Usage(e.to_string()));
        }
        Err(e) => return Err(Error::Other(e.into())),
    };
    output::write_to(None, &out)?;
    Ok(())
}

fn people(args: &PeopleArgs, settings: &Settings) -> Result<(), Error> {
    let corpus = read_corpus(&args.notes.select()?, settings)?;
    output::write_to(None, extract::people_report(&corpus, args.explain).as_bytes())?;
    Ok(())
}

fn report_command(args: &ReportArgs, settings: &Settings) -> Result<(), Error> {
    let corpus = read_corpus(&args.notes.select_writing_to(args.output.as_deref())?, settings)?;
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

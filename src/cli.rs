//! The command line: what the user typed (clap derive, doc comments are the help text), and its
//! conversion into the checked notes selection ([`NotesSelection`]) the commands run on.

use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::error::Error;
use crate::export::formats::{self, Format};
use crate::ingest::config;
use crate::ingest::source::{NotesSource, collect, sample_corpus};
use crate::rdf::RdfSyntax;
use crate::rdf::sparql::ResultsFormat;

/// Conference notes into one knowledge graph of series, editions, sessions, speakers and topics.
#[derive(Debug, Parser)]
#[command(name = "confgraph", version, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// Treat every warning about the notes as an error (exit 1).
    #[arg(long, global = true)]
    pub strict: bool,
    /// A SKOS topic taxonomy (Turtle) to use instead of the bundled `ontology/topics.ttl`.
    #[arg(long, global = true, value_name = "FILE")]
    pub topics: Option<PathBuf>,
    /// Base of the data IRIs in RDF output (must end in `/` or `#`).
    #[arg(long, global = true, value_name = "IRI", default_value = crate::rdf::DEFAULT_BASE)]
    pub base: String,
    /// The conference edition of notes files that name none (`--conference "DevFest Lisboa 2023"`).
    #[arg(long, global = true, value_name = "NAME YEAR")]
    pub conference: Option<String>,
    /// Skip notes files larger than this many MiB, unread.
    #[arg(long, global = true, value_name = "MIB", default_value_t = crate::ingest::source::MAX_FILE_BYTES >> 20)]
    pub max_file_size: u64,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Main job: read the notes and write every export into a folder, then print a summary.
    Build(BuildArgs),
    /// Show what was read from the notes, with `file:line` for every item.
    Extract(ExtractArgs),
    /// Write the graph in one format.
    Export(ExportArgs),
    /// Print a report: speakers at several editions, topics per year and their trends, or editions.
    Report(ReportArgs),
    /// Who is who: every person with their name forms, and with --explain every merge with its
    /// evidence and every near-miss that was refused.
    People(PeopleArgs),
    /// Ask the graph a SPARQL question (SELECT, ASK, CONSTRUCT, DESCRIBE).
    ///
    /// The query is the first argument, or comes from --file or --named; the remaining arguments
    /// are notes (none: the bundled corpus), or --data reads an exported graph instead.
    Query(QueryArgs),
    /// Serve the graph as a SPARQL 1.1 Protocol endpoint (read-only), with a query page, the
    /// report and every export, until Ctrl-C.
    ///
    /// The graph comes from notes (none: the bundled corpus) or, with --data, an exported graph.
    Serve(ServeArgs),
    /// Send the graph to a triple store that speaks the SPARQL 1.1 Graph Store HTTP Protocol
    /// (Oxigraph server, Fuseki, `GraphDB`, Virtuoso), in batches.
    ///
    /// The graph comes from notes (none: the bundled corpus) or, with --data, an exported graph.
    Push(PushArgs),
    /// (Internal) one of `serve`'s query workers: loads a graph, then answers the queries the
    /// server sends on standard input.
    #[command(hide = true)]
    ServeWorker(ServeWorkerArgs),
}

/// Arguments of `report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Which report.
    #[arg(value_enum)]
    pub kind: ReportKindArg,
    /// The notes to read.
    #[command(flatten)]
    pub notes: NotesArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormatArg::Table)]
    pub format: ReportFormatArg,
    /// Speakers report: people who presented at this many editions or more.
    #[arg(long, value_name = "N", default_value_t = 2, value_parser = clap::value_parser!(u16).range(1..))]
    pub min_editions: u16,
    /// Write to this file instead of standard output (`-` is standard output).
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Topics report: list the sessions no topic fits, each with its frequent words, and the words
    /// they share (to grow a taxonomy for `--topics`).
    #[arg(long)]
    pub untagged: bool,
}

/// The reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportKindArg {
    /// People who presented at several editions, across series, with their editions and sessions.
    Speakers,
    /// Sessions per topic per year, share of the year's sessions, and a trend.
    Topics,
    /// Per edition: sessions, speakers, returning and first-time speakers, top topics.
    Editions,
}

/// Formats of `report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormatArg {
    /// A table that fits the terminal.
    Table,
    /// Markdown tables.
    Markdown,
    /// CSV.
    Csv,
    /// JSON (schemas in docs/extract-schema.md).
    Json,
    /// A self-contained HTML page with SVG charts.
    Html,
}

/// Arguments of `people`.
#[derive(Debug, Args)]
pub struct PeopleArgs {
    /// The notes to read.
    #[command(flatten)]
    pub notes: NotesArgs,
    /// Print every merge with its evidence and every near-miss kept apart.
    #[arg(long)]
    pub explain: bool,
}

/// Arguments of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The notes to read.
    #[command(flatten)]
    pub notes: NotesArgs,
    /// Output format.
    #[arg(long, value_parser = formats::export_values())]
    pub format: &'static Format,
    /// Write to this file instead of standard output (`-` is standard output).
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Export this RDF graph (an earlier export) instead of reading notes (RDF formats only).
    #[arg(long, value_name = "GRAPH", conflicts_with = "notes")]
    pub data: Option<PathBuf>,
    /// Which part of the graph (graphml, gexf, csv, neo4j).
    #[arg(long, value_enum, default_value_t = ViewArg::Full)]
    pub view: ViewArg,
    /// In the people view, also link people who spoke at the same edition (weight = editions).
    #[arg(long)]
    pub shared_editions: bool,
}

/// The `--view` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ViewArg {
    /// Every node kind: series, editions, sessions, people, topics, organisations.
    Full,
    /// The co-speaker network: people, weight = sessions given together.
    People,
    /// Topic co-occurrence: topics, weight = sessions carrying both.
    Topics,
}

/// Arguments of `query`.
#[derive(Debug, Args)]
pub struct QueryArgs {
    /// The SPARQL query (unless --file, --named or --list), then notes files or folders.
    #[arg(value_name = "SPARQL | NOTES")]
    pub args: Vec<String>,
    /// Read the query from this file.
    #[arg(long, value_name = "Q.rq", conflicts_with_all = ["named", "list"])]
    pub file: Option<PathBuf>,
    /// Run one of the named queries (see --list).
    #[arg(long, value_name = "NAME", conflicts_with = "list")]
    pub named: Option<String>,
    /// List the named queries and what each answers.
    #[arg(long)]
    pub list: bool,
    /// Query this RDF graph (an earlier export) instead of reading notes.
    #[arg(long, value_name = "GRAPH")]
    pub data: Option<PathBuf>,
    /// Results format (CONSTRUCT/DESCRIBE: `table` means Turtle).
    #[arg(long, value_enum, default_value_t = QueryFormat::Table)]
    pub format: QueryFormat,
    /// The limits the query runs under.
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// The limits a query runs under (`query`, and each query `serve` answers).
#[derive(Debug, Args)]
pub struct LimitArgs {
    /// Stop a query after this many seconds (joins, sorts and aggregates included); `serve`
    /// stops every query after 30 seconds unless told otherwise.
    #[arg(long, value_name = "SECONDS")]
    pub timeout: Option<f64>,
    /// Stop a query whose result holds more rows than this.
    #[arg(long, value_name = "ROWS", default_value_t = crate::rdf::sparql::QueryLimits::DEFAULT_MAX_ROWS)]
    pub max_rows: u64,
    /// Stop a query that takes more memory than this many MiB (Linux).
    #[arg(long, value_name = "MIB", default_value_t = crate::rdf::sparql::QueryLimits::DEFAULT_MAX_MEMORY_MIB)]
    pub max_memory: u64,
}

/// Arguments of `serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The notes to read.
    #[command(flatten)]
    pub notes: NotesArgs,
    /// Serve this RDF graph (an earlier export) instead of reading notes (no report then).
    #[arg(long, value_name = "GRAPH", conflicts_with = "notes")]
    pub data: Option<PathBuf>,
    /// The address and port to listen on. Only a loopback address (the default) keeps the
    /// endpoint to this machine; any other serves the network, without authentication.
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:7878")]
    pub bind: String,
    /// The limits each query runs under.
    #[command(flatten)]
    pub limits: LimitArgs,
    /// Queries run at once, each in a worker process of its own holding a copy of the graph;
    /// more wait for a free worker (up to the timeout, then 503).
    #[arg(long, value_name = "N", default_value_t = default_query_slots(), value_parser = clap::value_parser!(u16).range(1..=1024))]
    pub max_queries: u16,
    /// Do not log each request on standard error.
    #[arg(long)]
    pub quiet: bool,
}

/// Arguments of `push`.
#[derive(Debug, Args)]
pub struct PushArgs {
    /// The notes to read.
    #[command(flatten)]
    pub notes: NotesArgs,
    /// Push this RDF graph (an earlier export) instead of reading notes.
    #[arg(long, value_name = "GRAPH", conflicts_with = "notes")]
    pub data: Option<PathBuf>,
    /// The store's Graph Store Protocol endpoint: `http://localhost:7878/store` (Oxigraph),
    /// `http://localhost:3030/DATASET/data` (Fuseki), `http://localhost:7200/repositories/REPO/rdf-graphs/service`
    /// (`GraphDB`), `http://localhost:8890/sparql-graph-crud` (Virtuoso).
    #[arg(long, value_name = "URL")]
    pub endpoint: String,
    /// Load into this named graph (default: the default graph).
    #[arg(long, value_name = "IRI")]
    pub graph: Option<String>,
    /// Replace the graph's content instead of adding to it: loaded into a temporary graph, then
    /// moved into place with one SPARQL Update `MOVE` (see --update); without an update endpoint,
    /// sent in one PUT.
    #[arg(long)]
    pub replace: bool,
    /// The store's SPARQL Update endpoint for --replace (guessed for Oxigraph's `/store` and
    /// Fuseki's `/data`).
    #[arg(long, value_name = "URL")]
    pub update: Option<String>,
    /// Triples per request.
    #[arg(long, value_name = "N", default_value_t = 100_000, value_parser = clap::value_parser!(u32).range(1..))]
    pub batch: u32,
    /// HTTP Basic authentication as `USER:PASSWORD` (Fuseki, `GraphDB`); the environment variable
    /// `CONFGRAPH_PUSH_USER` is read when this is not given (and keeps the password out of `ps`).
    #[arg(long, value_name = "USER:PASSWORD")]
    pub user: Option<String>,
}

/// Arguments of `serve-worker`.
#[derive(Debug, Args)]
pub struct ServeWorkerArgs {
    /// The graph (N-Triples or any RDF syntax).
    #[arg(long, value_name = "GRAPH")]
    pub data: PathBuf,
    /// The limits each query runs under.
    #[command(flatten)]
    pub limits: LimitArgs,
}

/// As many query slots as cores, at least two.
fn default_query_slots() -> u16 {
    std::thread::available_parallelism().map_or(2, |n| u16::try_from(n.get()).unwrap_or(u16::MAX).clamp(2, 1024))
}

/// Formats of `query` results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QueryFormat {
    /// A table that fits the terminal.
    Table,
    /// SPARQL results CSV.
    Csv,
    /// SPARQL results TSV.
    Tsv,
    /// SPARQL results JSON.
    Json,
    /// SPARQL results XML.
    Xml,
    /// Turtle (CONSTRUCT/DESCRIBE).
    Turtle,
    /// N-Triples (CONSTRUCT/DESCRIBE).
    Ntriples,
    /// N-Quads (CONSTRUCT/DESCRIBE).
    Nquads,
    /// `TriG` (CONSTRUCT/DESCRIBE).
    Trig,
    /// RDF/XML (CONSTRUCT/DESCRIBE).
    Rdfxml,
    /// JSON-LD (CONSTRUCT/DESCRIBE).
    Jsonld,
}

impl QueryFormat {
    /// The results format this names.
    #[must_use]
    pub fn results_format(self) -> ResultsFormat {
        match self {
            Self::Table => ResultsFormat::Table,
            Self::Csv => ResultsFormat::Csv,
            Self::Tsv => ResultsFormat::Tsv,
            Self::Json => ResultsFormat::Json,
            Self::Xml => ResultsFormat::Xml,
            Self::Turtle => ResultsFormat::Rdf(RdfSyntax::Turtle),
            Self::Ntriples => ResultsFormat::Rdf(RdfSyntax::NTriples),
            Self::Nquads => ResultsFormat::Rdf(RdfSyntax::NQuads),
            Self::Trig => ResultsFormat::Rdf(RdfSyntax::TriG),
            Self::Rdfxml => ResultsFormat::Rdf(RdfSyntax::RdfXml),
            Self::Jsonld => ResultsFormat::Rdf(RdfSyntax::JsonLd),
        }
    }
}

/// Notes files or folders.
#[derive(Debug, Args)]
pub struct NotesArgs {
    /// Notes files or folders (walked for .md, .markdown, .txt, .text, .org, .adoc, .asciidoc, .rst). None: the bundled sample corpus.
    #[arg(value_name = "NOTES")]
    pub notes: Vec<PathBuf>,
}

/// `path` made absolute with links resolved, for a path that may not exist yet: its nearest
/// existing ancestor resolved, the rest appended.
fn resolved(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    // (`new/../notes/x.md`: `..` taken lexically, so a path that does not exist yet is judged too.)
    let mut lexical = PathBuf::new();
    for part in absolute.components() {
        match part {
            std::path::Component::ParentDir => {
                lexical.pop();
            }
            other => lexical.push(other),
        }
    }
    let absolute = lexical;
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        let (Some(parent), Some(name)) = (existing.parent(), existing.file_name()) else { break };
        rest.push(name.to_owned());
        existing = parent;
    }
    let mut out = existing.canonicalize().unwrap_or_else(|_| existing.to_path_buf());
    out.extend(rest.iter().rev());
    out
}

/// Arguments of `build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The notes to read.
    #[command(flatten)]
    pub notes: NotesArgs,
    /// Folder to write the exports into.
    #[arg(short, long, value_name = "DIR", default_value = "exports")]
    pub out: PathBuf,
    /// Write only these formats (comma-separated; default: every one, or `[build] formats` in a
    /// `confgraph.toml` beside the notes). The folder then holds just these.
    #[arg(long, value_name = "LIST", value_delimiter = ',', value_parser = formats::build_values())]
    pub formats: Vec<&'static Format>,
}

/// Arguments of `extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The notes to read.
    #[command(flatten)]
    pub notes: NotesArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Table)]
    pub format: ExtractFormat,
    /// Write to this file instead of standard output (`-` is standard output).
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Show how each file was read: the shape and lines of every session, and why each block
    /// that gave none was left out.
    #[arg(long)]
    pub explain: bool,
}

/// Formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// The stable JSON document (conferences, sessions, people).
    Json,
    /// A table of sessions for the terminal.
    Table,
}

/// Which notes a run reads.
#[derive(Debug, Clone)]
pub struct NotesSelection {
    /// The files, sorted.
    pub sources: Vec<NotesSource>,
    /// Problems met while finding them (unreadable folders, link loops).
    pub problems: Vec<crate::diagnostic::Diagnostic>,
    /// True when no notes were named and the bundled corpus is used.
    pub bundled: bool,
    /// Identity overrides from `confgraph.toml` files beside the notes.
    pub overrides: crate::resolve::Overrides,
    /// The formats `build` writes by their `[build] formats` (all their lists, in table order);
    /// none when no file gives any.
    pub formats: Option<Vec<&'static Format>>,
}

impl NotesArgs {
    /// [`Self::select`], after refusing an output (`-o`) that would write over one of these
    /// notes or into their folder (exit 2): a command never overwrites its inputs.
    ///
    /// # Errors
    /// [`Error::Usage`] for such an output, or when a named path does not exist.
    pub fn select_writing_to(&self, output: Option<&Path>) -> Result<NotesSelection, Error> {
        if let Some(out) = output.filter(|o| o.as_os_str() != "-") {
            let out_at = resolved(out);
            for input in &self.notes {
                let input_at = resolved(input);
                let into_tree = input.is_dir() && out_at.starts_with(&input_at);
                if out_at == input_at || into_tree {
                    return Err(Error::Usage(format!(
                        "-o {} would write {} the notes {}; choose an output outside the notes",
                        out.display(),
                        if into_tree { "into" } else { "over" },
                        input.display()
                    )));
                }
            }
        }
        self.select()
    }

    /// Checks the paths exist and lists the files to read.
    ///
    /// # Errors
    /// [`Error::Usage`] when a named path does not exist.
    pub fn select(&self) -> Result<NotesSelection, Error> {
        let overrides = crate::resolve::Overrides::default();
        if self.notes.is_empty() {
            let bundled = NotesSelection {
                sources: sample_corpus(),
                problems: Vec::new(),
                bundled: true,
                overrides,
                formats: None,
            };
            return Ok(bundled);
        }
        if let Some(missing) = self.notes.iter().find(|p| !p.exists()) {
            return Err(Error::Usage(format!("no such file or folder: {}", missing.display())));
        }
        let (sources, problems) = collect(&self.notes);
        let (mut overrides, mut formats) = (overrides, None::<Vec<&'static Format>>);
        for file in config::files_for(&self.notes) {
            let text = std::fs::read_to_string(&file)
                .map_err(|e| Error::Usage(format!("cannot read {}: {e}", file.display())))?;
            let parsed = config::ConfigFile::parse(&file, &text)?;
            let mut read = crate::resolve::Overrides::of_file(&file, &text, parsed.same, parsed.different);
            // Names are checked against the notes only when the whole folder is read: beside one
            // file of it, the others' speakers are not there to match.
            if !self.notes.iter().any(|p| p.is_dir() && p.join(config::FILE_NAME) == file) {
                read.unchecked.insert(file.display().to_string());
            }
            overrides.extend(read);
            if let Some(names) = parsed.build.formats {
                let listed = formats::from_names(&names)
                    .map_err(|e| Error::Usage(format!("{}: [build] formats: {e}", file.display())))?;
                formats = Some(formats::in_table_order(&[formats.unwrap_or_default(), listed].concat()));
            }
        }
        if let Some(contradiction) = overrides.contradiction() {
            return Err(Error::Usage(contradiction));
        }
        Ok(NotesSelection { sources, problems, bundled: false, overrides, formats })
    }
}

//! One function per subcommand: turn checked arguments into library calls and write the result;
//! `build`, `export` and `serve` have a file each.

mod build;
mod export;
mod serve;

use std::path::Path;
use std::time::Duration;

use crate::cli::{
    Cli, Command, ExtractArgs, ExtractFormat, LimitArgs, NotesSelection, PeopleArgs, PushArgs, QueryArgs, ReportArgs,
    ReportFormatArg, ReportKindArg,
};
use crate::corpus::Corpus;
use crate::error::Error;
use crate::export::extract;
use crate::rdf::Base;
use crate::rdf::sparql;
use crate::rdf::sparql::QueryError;
use crate::report::{ReportFormat, ReportKind};
use crate::topics::TopicScheme;
use crate::{ingest, output, queries, rdf, report};

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
            return Err(Error::NoNotesFiles { extensions: ingest::source::NOTES_EXTENSIONS });
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
        Command::Build(args) => build::build(&args, &settings),
        Command::Extract(args) => extract_command(&args, &settings),
        Command::Export(args) => export::export(&args, &settings),
        Command::Query(args) => query(&args, &settings),
        Command::Serve(args) => serve::serve(&args, &settings),
        Command::ServeWorker(args) => serve::worker(&args, &settings),
        Command::Push(args) => push(&args, &settings),
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

/// The triples of an RDF file given with `--data`, judged before it is read (see
/// [`regular_file_within`]).
pub(super) fn data_triples(path: &Path, max_bytes: u64) -> Result<rdf::TripleTable, Error> {
    regular_file_within(path, max_bytes, "--data")?;
    rdf::read_file(path).map_err(Error::Data)
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

/// The limits `query` runs under, each checked: a number that gives no limit is a usage error.
fn query_limits(args: &LimitArgs, default_timeout: Option<f64>) -> Result<sparql::QueryLimits, Error> {
    // (`--timeout 1e20` is finite and positive, and still no duration: refused, never a panic.)
    let timeout = match args.timeout.or(default_timeout).map(|t| (t, Duration::try_from_secs_f64(t))) {
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
            println!("{name:<32} {}", queries::summary(name, text));
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
    let limits = query_limits(&args.limits, None)?;
    let store = rdf::store_of(&triples).map_err(Error::Store)?;
    let out = match sparql::run(&store, &text, args.format.results_format(), limits, base) {
        Ok(out) => out,
        Err(e @ (QueryError::Syntax(_) | QueryError::Format(_) | QueryError::NamedGraphs)) => {
            return Err(Error::Usage(e.to_string()));
        }
        Err(e) => return Err(e.into()),
    };
    output::write_to(None, &out)?;
    Ok(())
}

/// The options of `push` that a store would refuse, refused first (exit 2).
fn check_push_args(args: &PushArgs, user: Option<&str>) -> Result<(), Error> {
    for (option, url) in [("--endpoint", Some(&args.endpoint)), ("--update", args.update.as_ref())] {
        if let Some(url) = url
            && !(url.starts_with("http://") || url.starts_with("https://"))
        {
            return Err(Error::Usage(format!("{option} {url}: give an http:// or https:// URL")));
        }
    }
    if let Some(graph) = &args.graph {
        oxigraph::model::NamedNode::new(graph)
            .map_err(|e| Error::Usage(format!("--graph {graph:?} is not an absolute IRI: {e}")))?;
    }
    if user.is_some_and(|u| !u.contains(':')) {
        return Err(Error::Usage("--user (or CONFGRAPH_PUSH_USER) is USER:PASSWORD".into()));
    }
    Ok(())
}

fn push(args: &PushArgs, settings: &Settings) -> Result<(), Error> {
    let user = args.user.clone().or_else(|| std::env::var("CONFGRAPH_PUSH_USER").ok());
    check_push_args(args, user.as_deref())?;
    let base = &settings.base;
    let triples = match &args.data {
        Some(path) => data_triples(path, settings.max_file_bytes)?,
        None => rdf::corpus_triples(&read_corpus(&args.notes.select()?, settings)?, base),
    };
    let mut ntriples = Vec::new();
    rdf::write_triples(&triples, base, rdf::RdfSyntax::NTriples, &mut ntriples)?;
    drop(triples);
    let text = String::from_utf8(ntriples).map_err(|e| Error::Io(std::io::Error::other(e)))?;
    let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
    let update = args.update.clone().or_else(|| crate::push::update_beside(&args.endpoint));
    let target = crate::push::Target {
        endpoint: args.endpoint.clone(),
        graph: args.graph.clone(),
        update: if args.replace { update } else { None },
        replace: args.replace,
        batch: args.batch as usize,
        user,
    };
    let started = std::time::Instant::now();
    let pushed = crate::push::push(&lines, &target).map_err(|e| Error::Push(e.to_string()))?;
    let how = match (args.replace, &target.update) {
        (false, _) => "added to",
        (true, Some(_)) => "replaced (MOVE)",
        (true, None) => "replaced (one PUT)",
    };
    println!(
        "{} triples {how} {} at {} in {} request(s), {} retried, {:.1} s ({:.0} triples/s)",
        pushed.triples,
        args.graph.as_deref().map_or_else(|| "the default graph".to_owned(), |g| format!("<{g}>")),
        args.endpoint,
        pushed.requests,
        pushed.retries,
        started.elapsed().as_secs_f64(),
        crate::push::rate(pushed.triples, started)
    );
    Ok(())
}

fn people(args: &PeopleArgs, settings: &Settings) -> Result<(), Error> {
    let corpus = read_corpus(&args.notes.select()?, settings)?;
    output::write_to(None, extract::people_report(&corpus, args.explain).as_bytes())?;
    Ok(())
}

fn report_command(args: &ReportArgs, settings: &Settings) -> Result<(), Error> {
    let corpus = read_corpus(&args.notes.select_writing_to(args.output.as_deref())?, settings)?;
    let kind = match (args.kind, args.untagged) {
        (ReportKindArg::Topics, true) => ReportKind::Untagged,
        (_, true) => return Err(Error::Usage("--untagged goes with `report topics`".into())),
        (ReportKindArg::Speakers, false) => ReportKind::Speakers,
        (ReportKindArg::Topics, false) => ReportKind::Topics,
        (ReportKindArg::Editions, false) => ReportKind::Editions,
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

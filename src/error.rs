//! The errors a run can end with, and the exit code each maps to (docs/extract-schema.md#exit-codes: 2 for usage, 1 else),
//! and [`InputError`], what the library says of a file or value it was given and cannot use.

use std::path::PathBuf;
use std::time::Duration;

use thiserror::Error;

/// Why a run failed.
#[derive(Debug, Error)]
pub enum Error {
    /// The command line asks for something impossible (a missing path, a bad value).
    #[error("{0}")]
    Usage(String),
    /// No notes file could be read at all.
    #[error("no notes could be read from the {files} file(s) given; see the warnings above")]
    NothingRead {
        /// How many files were tried.
        files: usize,
    },
    /// The paths given hold no notes files at all (no warning explains it).
    #[error("no notes files ({}) in the paths given", extensions.iter().map(|x| format!(".{x}")).collect::<Vec<_>>().join(", "))]
    NoNotesFiles {
        /// The extensions a notes file has.
        extensions: &'static [&'static str],
    },
    /// `--strict` and some input had problems.
    #[error("{count} warning(s) about the notes and --strict is set")]
    Strict {
        /// How many warnings.
        count: usize,
    },
    /// An output file or folder that could not be written.
    #[error(transparent)]
    Output(#[from] OutputError),
    /// A graph given with `--data` that cannot be read (a run error, not a usage error).
    #[error(transparent)]
    Data(InputError),
    /// The in-memory SPARQL store could not be built.
    #[error("cannot build the in-memory store")]
    Store(#[source] oxigraph::store::StorageError),
    /// A build that wrote none of its files: the first failure, naming files where they would
    /// have gone, and what was kept.
    #[error("{first}\nnothing in {} was changed{}", out.display(), if *kept { ": the previous build's files are as they were" } else { "" })]
    BuildFailed {
        /// The first failure, in job order, with its causes.
        first: String,
        /// The output folder.
        out: PathBuf,
        /// Whether an earlier build's files are still there.
        kept: bool,
    },
    /// A store that `push` could not load the graph into.
    #[error("push failed: {0}")]
    Push(String),
    /// A query that could not be answered (syntax and format errors are usage errors).
    #[error(transparent)]
    Query(#[from] QueryError),
    /// Reading from or writing to a stream failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// An output file or folder that could not be written, created, listed or moved.
#[derive(Debug, Error)]
pub enum OutputError {
    /// An I/O step on a path failed.
    #[error("cannot {action} {}", path.display())]
    Io {
        /// What was being done (`write`, `create folder`, `remove`, …).
        action: &'static str,
        /// The file or folder.
        path: PathBuf,
        /// The system's reason.
        source: std::io::Error,
    },
    /// The standard output is closed or full.
    #[error("cannot write the standard output")]
    Stdout(#[source] std::io::Error),
    /// Another build holds the output folder.
    #[error("another confgraph build is writing into {}; run this one when it has finished, or give another -o", .0.display())]
    Locked(PathBuf),
    /// A staged file could not be moved into place after others were.
    #[error("cannot move {} into place; {} may now hold files of two builds: build again", file.display(), out.display())]
    HalfMoved {
        /// The file, relative to the output folder.
        file: PathBuf,
        /// The output folder.
        out: PathBuf,
        /// Why.
        source: Box<OutputError>,
    },
}

impl From<InputError> for Error {
    /// What the user gave is wrong: a usage error (exit 2).
    fn from(e: InputError) -> Self {
        Self::Usage(e.to_string())
    }
}

/// A file or a value the run was given that cannot be used: where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum InputError {
    /// A file (a `confgraph.toml`, a topic taxonomy, an RDF graph) that does not parse, or
    /// holds nothing usable: its name, the line when known, and what is wrong.
    #[error("{}{message}", place(file, *line))]
    Syntax {
        /// The file, as the user named it (empty for bytes that came from no file).
        file: String,
        /// The 1-based line, when known.
        line: Option<usize>,
        /// What is wrong there.
        message: String,
    },
    /// A file that cannot be read at all.
    #[error("cannot read {path}: {message}")]
    Unreadable {
        /// The file.
        path: String,
        /// The system's reason.
        message: String,
    },
    /// A value that is not what it must be (`--base` not an IRI ending in `/` or `#`).
    #[error("{what} {problem}: {value}")]
    Value {
        /// Which option or setting.
        what: &'static str,
        /// What is wrong with it.
        problem: String,
        /// The value given.
        value: String,
    },
}

impl InputError {
    /// The same error, of the file `source` (for errors found in bytes read from it).
    #[must_use]
    pub fn in_file(self, path: &str) -> Self {
        match self {
            Self::Syntax { line, message, .. } => Self::Syntax { file: path.to_owned(), line, message },
            other => other,
        }
    }
}

/// `file:line: `, `file: ` or nothing, before a message.
fn place(file: &str, line: Option<usize>) -> String {
    match (file.is_empty(), line) {
        (true, _) => String::new(),
        (false, Some(l)) => format!("{file}:{l}: "),
        (false, None) => format!("{file}: "),
    }
}

impl Error {
    /// The process exit code for this error.
    #[must_use]
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Usage(_) => 2,
            _ => 1,
        }
    }

    /// The message with every cause after it, `cannot write x.ttl: No space left on device`.
    #[must_use]
    pub fn with_causes(&self) -> String {
        with_causes(self)
    }

    /// Whether the run stopped because the reader of its standard output went away
    /// (`confgraph extract | head`): the reader's choice, not an error.
    #[must_use]
    pub fn is_broken_pipe(&self) -> bool {
        let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(self);
        while let Some(c) = cause {
            if c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe) {
                return true;
            }
            cause = c.source();
        }
        matches!(self, Self::Io(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

impl OutputError {
    /// The kind of the I/O error underneath (a closed pipe stays a closed pipe).
    #[must_use]
    pub fn io_kind(&self) -> std::io::ErrorKind {
        match self {
            Self::Io { source, .. } | Self::Stdout(source) => source.kind(),
            Self::HalfMoved { source, .. } => source.io_kind(),
            Self::Locked(_) => std::io::ErrorKind::Other,
        }
    }
}

/// An error's message with every cause after it, each after `: `.
#[must_use]
pub fn with_causes(error: &dyn std::error::Error) -> String {
    let mut message = error.to_string();
    let mut cause = error.source();
    while let Some(c) = cause {
        message.push_str(": ");
        message.push_str(&c.to_string());
        cause = c.source();
    }
    message
}

/// Why a query gave no answer.
/// (Defined here, with the other errors, so that no floor below `rdf` reaches up to it.)
#[derive(Debug, Error)]
pub enum QueryError {
    /// The query text is not SPARQL; the message has the line and column.
    #[error("SPARQL syntax error: {0}")]
    Syntax(String),
    /// It ran longer than allowed.
    #[error("the query ran longer than {0:?} and was stopped (raise --timeout)")]
    Timeout(Duration),
    /// Its result holds more rows than allowed.
    #[error("the query gives more than {0} rows and was stopped (add LIMIT, or raise --max-rows)")]
    TooManyRows(u64),
    /// It took more memory than allowed.
    #[error("the query took more than {} MiB of memory and was stopped (raise --max-memory)", .0 >> 20)]
    Memory(u64),
    /// The format does not fit the kind of result.
    #[error("{0}")]
    Format(String),
    /// The query names graphs (`FROM`, `FROM NAMED`) the data cannot hold.
    #[error(
        "the query names graphs with FROM or FROM NAMED, but confgraph's data is one default graph with no named graphs, so it could only answer nothing; remove the FROM clauses"
    )]
    NamedGraphs,
    /// Evaluation failed.
    #[error("query evaluation failed: {0}")]
    Evaluation(String),
    /// The SPARQL engine itself failed on this query (a bug in it, caught rather than a crash).
    #[error("the SPARQL engine failed on this query ({0}); try another form of it")]
    Engine(String),
    /// Writing the results failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

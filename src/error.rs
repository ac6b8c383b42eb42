//! The errors a run can end with, and the exit code each maps to (docs/extract-schema.md#exit-codes: 2 for usage, 1 else),
//! and [`InputError`], what the library says of a file or value it was given and cannot use.

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
    #[error("no notes files ({}) in the paths given", crate::ingest::source::NOTES_EXTENSIONS.iter().map(|x| format!(".{x}")).collect::<Vec<_>>().join(", "))]
    NoNotesFiles,
    /// `--strict` and some input had problems.
    #[error("{count} warning(s) about the notes and --strict is set")]
    Strict {
        /// How many warnings.
        count: usize,
    },
    /// Anything else: I/O and the like, with context.
    #[error(transparent)]
    Other(#[from] anyhow::Error),
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

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Self::Other(e.into())
    }
}

impl Error {
    /// The process exit code for this error.
    #[must_use]
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Usage(_) => 2,
            Self::NothingRead { .. } | Self::NoNotesFiles | Self::Strict { .. } | Self::Other(_) => 1,
        }
    }
}

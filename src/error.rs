//! The errors a run can end with, and the exit code each maps to (docs/extract-schema.md#exit-codes: 2 for usage, 1 else).

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

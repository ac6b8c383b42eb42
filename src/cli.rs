//! The command line: what the user typed (clap derive, doc comments are the help text), and its
//! conversion into a checked [`Config`] that the rest of the program runs on.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::error::Error;
use crate::ingest::source::{NotesSource, collect, sample_corpus};

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
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Main job: read the notes and write every export into a folder, then print a summary.
    Build(BuildArgs),
    /// Show what was read from the notes, with `file:line` for every item.
    Extract(ExtractArgs),
}

/// Notes files or folders.
#[derive(Debug, Args)]
pub struct NotesArgs {
    /// Notes files or folders (walked for .md, .markdown, .txt). None: the bundled sample corpus.
    #[arg(value_name = "NOTES")]
    pub notes: Vec<PathBuf>,
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
}

impl NotesArgs {
    /// Checks the paths exist and lists the files to read.
    ///
    /// # Errors
    /// [`Error::Usage`] when a named path does not exist.
    pub fn select(&self) -> Result<NotesSelection, Error> {
        if self.notes.is_empty() {
            return Ok(NotesSelection {
                sources: sample_corpus(),
                problems: Vec::new(),
                bundled: true,
            });
        }
        if let Some(missing) = self.notes.iter().find(|p| !p.exists()) {
            return Err(Error::Usage(format!(
                "no such file or folder: {}",
                missing.display()
            )));
        }
        let (sources, problems) = collect(&self.notes);
        Ok(NotesSelection {
            sources,
            problems,
            bundled: false,
        })
    }
}

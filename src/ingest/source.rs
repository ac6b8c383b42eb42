//! Finding and reading notes files: the paths the user named (folders walked recursively for
//! `.md`, `.markdown`, `.txt`, `.text`, `.org`, `.adoc` and `.asciidoc`), or the sample corpus built into the binary.
//!
//! Owns file-system access for ingest. Files come back sorted by their display path, so what
//! follows never depends on the order of the command line or of the directory listing.

use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;

/// The bundled sample corpus, as `(display path, bytes)`.
pub const SAMPLE_CORPUS: &[(&str, &[u8])] = &[
    ("notes/pycascades-2022.md", include_bytes!("../../notes/pycascades-2022.md")),
    ("notes/pycascades-2024.md", include_bytes!("../../notes/pycascades-2024.md")),
    ("notes/pycascades-2025.md", include_bytes!("../../notes/pycascades-2025.md")),
    ("notes/pycon-2019-schedule.txt", include_bytes!("../../notes/pycon-2019-schedule.txt")),
    ("notes/pycon-us-2024-recap.md", include_bytes!("../../notes/pycon-us-2024-recap.md")),
];

/// File endings read when walking a folder.
pub const NOTES_EXTENSIONS: &[&str] = &["md", "markdown", "txt", "text", "org", "adoc", "asciidoc", "rst"];

/// A notes file to read: its display path and where to get its bytes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum NotesSource {
    /// A file on disk.
    Disk {
        /// How messages name it.
        display: String,
        /// Where it is.
        path: PathBuf,
    },
    /// A file of the built-in sample corpus.
    Embedded {
        /// How messages name it.
        display: String,
        /// Its content.
        bytes: &'static [u8],
    },
}

impl NotesSource {
    /// How messages and provenance name the file.
    #[must_use]
    pub fn display(&self) -> &str {
        match self {
            Self::Disk { display, .. } | Self::Embedded { display, .. } => display,
        }
    }

    /// Reads the file's bytes, if it is no larger than [`MAX_FILE_BYTES`].
    ///
    /// # Errors
    /// A [`Diagnostic`] naming the file when it cannot be read.
    pub fn read(&self) -> Result<std::borrow::Cow<'static, [u8]>, Diagnostic> {
        self.read_within(MAX_FILE_BYTES)
    }

    /// Reads the file's bytes, judging it before reading it whole: not a regular file, larger
    /// than `limit` bytes, or binary by its first 8 KiB (NUL bytes in text that is not UTF-16 or
    /// UTF-32) are skipped with a reason.
    ///
    /// # Errors
    /// A [`Diagnostic`] naming the file when it cannot be read or is skipped.
    pub fn read_within(&self, limit: u64) -> Result<std::borrow::Cow<'static, [u8]>, Diagnostic> {
        match self {
            Self::Embedded { bytes, .. } => Ok(std::borrow::Cow::Borrowed(bytes)),
            Self::Disk { display, path } => {
                let cannot = |e: std::io::Error| Diagnostic::file(display, format!("cannot read: {e}"));
                let meta = std::fs::metadata(path).map_err(cannot)?;
                if !meta.is_file() {
                    return Err(Diagnostic::file(display, "not a regular file (a FIFO, device or socket), skipped"));
                }
                if meta.len() > limit {
                    return Err(Diagnostic::file(
                        display,
                        format!(
                            "{}, larger than the {} a notes file may be (--max-file-size), skipped",
                            size_text(meta.len()),
                            size_text(limit)
                        ),
                    ));
                }
                // Read no more than the limit, even if the file grows meanwhile; look at the
                // first bytes before the rest.
                let mut reader = std::io::Read::take(std::fs::File::open(path).map_err(cannot)?, limit + 1);
                let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).min(SNIFF_BYTES));
                std::io::Read::read_to_end(&mut std::io::Read::take(&mut reader, SNIFF_BYTES as u64), &mut bytes)
                    .map_err(cannot)?;
                if bytes.contains(&0) && super::decode::decode(&bytes).encoding == super::decode::Encoding::Utf8 {
                    return Err(Diagnostic::file(display, "binary file (NUL bytes), skipped"));
                }
                bytes.reserve(usize::try_from(meta.len()).unwrap_or(0).saturating_sub(bytes.len()));
                std::io::Read::read_to_end(&mut reader, &mut bytes).map_err(cannot)?;
                Ok(std::borrow::Cow::Owned(bytes))
            }
        }
    }
}

/// The largest notes file read unless `--max-file-size` says otherwise (64 MiB): notes are
/// kilobytes, and a file of gigabytes is a mistake (a log, a dump) that would cost many times its
/// size in memory before being judged.
pub const MAX_FILE_BYTES: u64 = 64 << 20;

/// How much of a file is looked at before it is read whole.
const SNIFF_BYTES: usize = 8192;

/// `100 MiB`, `512 KiB`, `300 bytes`.
fn size_text(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 => format!("{} MiB", b >> 20),
        b if b >= 1 << 10 => format!("{} KiB", b >> 10),
        b => format!("{b} bytes"),
    }
}

/// The bundled sample corpus as sources.
#[must_use]
pub fn sample_corpus() -> Vec<NotesSource> {
    SAMPLE_CORPUS
        .iter()
        .map(|(display, bytes)| NotesSource::Embedded { display: (*display).to_owned(), bytes })
        .collect()
}

fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// Whether a path ends in one of [`NOTES_EXTENSIONS`].
fn has_notes_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|x| x.to_str())
        .is_some_and(|x| NOTES_EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()))
}

/// Collects the notes files under `paths`: named files as they are, folders walked recursively
/// (symbolic links followed, loops reported). Sorted by display path, duplicates removed.
#[must_use]
pub fn collect(paths: &[PathBuf]) -> (Vec<NotesSource>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for root in paths {
        if root.is_file() {
            files.push(NotesSource::Disk { display: display_path(root), path: root.clone() });
            continue;
        }
        if !root.is_dir() {
            problems
                .push(Diagnostic::file(&display_path(root), "not a regular file (a FIFO, device or socket), skipped"));
            continue;
        }
        for entry in walkdir::WalkDir::new(root).follow_links(true).sort_by_file_name() {
            match entry {
                Ok(e) if e.file_type().is_file() => {
                    if has_notes_extension(e.path()) {
                        files.push(NotesSource::Disk { display: display_path(e.path()), path: e.path().to_owned() });
                    }
                }
                Ok(e) if !e.file_type().is_dir() && has_notes_extension(e.path()) => {
                    let special = "not a regular file (a FIFO, device or socket), skipped";
                    problems.push(Diagnostic::file(&display_path(e.path()), special));
                }
                Ok(_) => {}
                Err(err) => {
                    let where_ = err.path().map_or_else(|| display_path(root), display_path);
                    let what = if err.loop_ancestor().is_some() {
                        "symbolic link loop, not followed".to_owned()
                    } else {
                        format!("cannot read: {}", err.io_error().map_or_else(|| err.to_string(), ToString::to_string))
                    };
                    problems.push(Diagnostic::file(&where_, what));
                }
            }
        }
    }
    files.sort();
    files.dedup_by(|a, b| a.display() == b.display());
    (files, problems)
}

//! Writing results: `-` is standard output; a file is written to a temporary file in its target
//! folder and renamed into place, so a failed or killed run never leaves half a file behind.

use std::io::Write;
use std::path::Path;

use crate::error::OutputError;

/// The error of an I/O step on `path`: `cannot {action} {path}`, with the system's reason.
fn at<E: Into<std::io::Error>>(action: &'static str, path: &Path) -> impl FnOnce(E) -> OutputError {
    let path = path.to_path_buf();
    move |e| OutputError::Io { action, path, source: e.into() }
}

/// Writes `path` atomically with what `fill` writes (buffered), creating the parent folder.
/// A failure in `fill` leaves the old file, if any, untouched.
///
/// # Errors
/// When the folder cannot be created, `fill` fails, or the file cannot be written or renamed.
pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), OutputError> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).map_err(at("create folder", dir))?;
    let tmp = tempfile::Builder::new()
        .prefix(".confgraph-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(at("create a temporary file in", dir))?;
    let mut writer = std::io::BufWriter::with_capacity(1 << 20, tmp);
    fill(&mut writer).map_err(at("write", path))?;
    let tmp = writer.into_inner().map_err(std::io::IntoInnerError::into_error).map_err(at("write", path))?;
    tmp.as_file().sync_all().map_err(at("write", path))?;
    // Temporary files are private (0600); an export is an ordinary file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .map_err(at("set permissions of", path))?;
    }
    tmp.persist(path).map_err(at("move the new file into place at", path))?;
    Ok(())
}

/// Copies the file `from` to `to` atomically.
///
/// # Errors
/// As [`write_atomic_with`], or when `from` cannot be read.
pub fn copy_atomic(from: &Path, to: &Path) -> Result<(), OutputError> {
    let mut source = std::fs::File::open(from).map_err(at("read", from))?;
    write_atomic_with(to, |w| std::io::copy(&mut source, w).map(drop))
}

/// Writes what `fill` writes to standard output when `path` is `-` or absent, else atomically.
///
/// # Errors
/// As [`write_atomic_with`], or when standard output is closed.
pub fn write_to_with(
    path: Option<&Path>,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), OutputError> {
    match path {
        Some(p) if p != Path::new("-") => write_atomic_with(p, fill),
        _ => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            fill(&mut out).and_then(|()| out.flush()).map_err(OutputError::Stdout)
        }
    }
}

/// Writes to standard output when `path` is `-` or absent, else atomically to the file.
///
/// # Errors
/// As [`write_to_with`].
pub fn write_to(path: Option<&Path>, bytes: &[u8]) -> Result<(), OutputError> {
    write_to_with(path, |w| w.write_all(bytes))
}

/// The name every staging folder starts with (see [`Stage`]).
const STAGE_PREFIX: &str = ".confgraph-stage-";

/// Removes `.confgraph-*.tmp` files and `.confgraph-stage-*` folders that a killed run left in
/// `dir` or its sub-folders (no complete output ever has those names). Call it only while holding
/// the folder's [`FolderLock`]. A missing folder is fine.
///
/// # Errors
/// When a folder cannot be listed or a temporary file cannot be removed.
pub fn remove_stale_temporaries(dir: &Path) -> Result<(), OutputError> {
    if !dir.is_dir() {
        return Ok(());
    }
    let mut walk = walkdir::WalkDir::new(dir).max_depth(3).into_iter();
    while let Some(entry) = walk.next() {
        let entry = entry.map_err(at("list", dir))?;
        let name = entry.file_name().to_string_lossy();
        if entry.depth() == 1 && entry.file_type().is_dir() && name.starts_with(STAGE_PREFIX) {
            walk.skip_current_dir();
            std::fs::remove_dir_all(entry.path()).map_err(at("remove", entry.path()))?;
        } else if entry.file_type().is_file() && name.starts_with(".confgraph-") && name.ends_with(".tmp") {
            std::fs::remove_file(entry.path()).map_err(at("remove", entry.path()))?;
        }
    }
    Ok(())
}

/// A build's staging folder, inside its output folder: every export is written there first and
/// moved into place only once all of them are complete, so a build that fails while writing (a
/// full disk, a file too large) leaves the previous build's set as it was. Moving is renaming,
/// which needs no space; should a move still fail (a folder in a file's way), the error says the
/// folder may now hold files of two builds, and the manifest lists both, so the next build
/// removes what it does not write. Dropped without [`Stage::commit`], the folder and all it
/// holds are removed.
///
/// Staging costs disk space: while a build runs, the old set and the new one both exist.
#[derive(Debug)]
pub struct Stage {
    staged: tempfile::TempDir,
    out: std::path::PathBuf,
}

impl Stage {
    /// Creates the staging folder inside `out` (same file system, so moving is a rename).
    ///
    /// # Errors
    /// When the folder cannot be created.
    pub fn new(out: &Path) -> Result<Self, OutputError> {
        let staged = tempfile::Builder::new()
            .prefix(STAGE_PREFIX)
            .tempdir_in(out)
            .map_err(at("create a staging folder in", out))?;
        Ok(Self { staged, out: out.to_path_buf() })
    }

    /// The folder to write this build's files into, laid out as in the output folder.
    #[must_use]
    pub fn path(&self) -> &Path {
        self.staged.path()
    }

    /// Moves every staged file into the output folder (the manifest first listing the old files
    /// and the new), then records the new ones in the manifest and removes what the previous
    /// build wrote that this one did not (see [`replace_manifest`]).
    ///
    /// # Errors
    /// When a file cannot be moved; the message says the folder may now mix two builds.
    pub fn commit(self) -> Result<(), OutputError> {
        let mut staged = Vec::new();
        for entry in walkdir::WalkDir::new(self.path()).sort_by_file_name() {
            let entry = entry.map_err(at("list", self.path()))?;
            if let (true, Ok(relative)) = (entry.file_type().is_file(), entry.path().strip_prefix(self.path())) {
                staged.push(relative.to_path_buf());
            }
        }
        // Before anything moves, the manifest names the old files and the new: whatever happens
        // next, the next build knows every file either build wrote.
        let new: Vec<String> = staged.iter().map(|p| p.to_string_lossy().replace('\\', "/")).collect();
        write_manifest(&self.out, &[manifest_entries(&self.out), new].concat())?;
        let mut written = Vec::new();
        for relative in staged {
            let target = self.out.join(&relative);
            move_into_place(&self.path().join(&relative), &target).map_err(|e| OutputError::HalfMoved {
                file: relative.clone(),
                out: self.out.clone(),
                source: Box::new(e),
            })?;
            written.push(target);
        }
        replace_manifest(&self.out, &written)
    }
}

/// Renames `from` to `to`, creating `to`'s folder; copies when they are on two file systems.
fn move_into_place(from: &Path, to: &Path) -> Result<(), OutputError> {
    if let Some(parent) = to.parent() {
        std::fs::create_dir_all(parent).map_err(at("create folder", parent))?;
    }
    if std::fs::rename(from, to).is_err() {
        copy_atomic(from, to)?;
    }
    Ok(())
}

/// One build's hold on its output folder, released when dropped: an advisory lock on the folder
/// itself (no lock file), so two builds never write into one folder at once.
#[derive(Debug)]
pub struct FolderLock {
    _held: Option<std::fs::File>,
}

/// Takes the output folder for this build, creating it; a second build into the same folder stops
/// with a clear message and touches nothing (on systems without folder locks, Windows, no lock
/// is taken).
///
/// # Errors
/// When the folder cannot be created, or another build holds it.
pub fn lock_folder(dir: &Path) -> Result<FolderLock, OutputError> {
    std::fs::create_dir_all(dir).map_err(at("create folder", dir))?;
    if !cfg!(unix) {
        return Ok(FolderLock { _held: None });
    }
    let folder = std::fs::File::open(dir).map_err(at("open folder", dir))?;
    match folder.try_lock() {
        Ok(()) => Ok(FolderLock { _held: Some(folder) }),
        Err(std::fs::TryLockError::WouldBlock) => Err(OutputError::Locked(dir.to_path_buf())),
        Err(std::fs::TryLockError::Error(e)) => Err(at("lock folder", dir)(e)),
    }
}

/// The file in an output folder that lists what the last build wrote there.
pub const MANIFEST: &str = ".confgraph.manifest";

/// Records what a build wrote into `dir` (paths relative to it) and removes the files the build
/// before it wrote that this one did not: a rebuild never leaves exports of an earlier corpus
/// beside the new ones. Only files the previous manifest names are removed, never others.
///
/// # Errors
/// When a stale file cannot be removed or the manifest cannot be written.
pub fn replace_manifest(dir: &Path, written: &[std::path::PathBuf]) -> Result<(), OutputError> {
    let mut now: Vec<String> = written
        .iter()
        .filter_map(|p| p.strip_prefix(dir).ok())
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .collect();
    now.sort();
    now.dedup();
    for old in manifest_entries(dir) {
        // Only plain relative paths below `dir` (no `..`, no root, no drive).
        let safe = Path::new(&old).components().all(|c| matches!(c, std::path::Component::Normal(_)));
        if safe && now.binary_search(&old).is_err() {
            let path = dir.join(&old);
            if path.is_file() {
                std::fs::remove_file(&path).map_err(at("remove", &path))?;
            }
        }
    }
    write_manifest(dir, &now)
}

/// The files the manifest in `dir` lists (none without one).
fn manifest_entries(dir: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(dir.join(MANIFEST)).unwrap_or_default();
    text.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).map(str::to_owned).collect()
}

/// Writes the manifest of `dir`: `files`, sorted, once each.
fn write_manifest(dir: &Path, files: &[String]) -> Result<(), OutputError> {
    let mut files = files.to_vec();
    files.sort();
    files.dedup();
    let mut text = String::from(
        "# Files the last confgraph build wrote here; the next build removes those it no longer writes.\n",
    );
    for f in &files {
        text.push_str(f);
        text.push('\n');
    }
    write_atomic_with(&dir.join(MANIFEST), |w| w.write_all(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp_files() {
        let write_atomic = |path: &Path, bytes: &[u8]| write_atomic_with(path, |w| w.write_all(bytes));
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("sub/out.json");
        write_atomic(&target, b"old").unwrap();
        write_atomic(&target, b"new").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
        let names: Vec<_> =
            std::fs::read_dir(target.parent().unwrap()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("out.json")]);
        copy_atomic(&target, &dir.path().join("copy.json")).unwrap();
        assert_eq!(std::fs::read(dir.path().join("copy.json")).unwrap(), b"new");
        // A copy that fails leaves what was there before.
        write_atomic(&dir.path().join("kept.json"), b"old").unwrap();
        assert!(copy_atomic(&dir.path().join("missing"), &dir.path().join("kept.json")).is_err());
        assert_eq!(std::fs::read(dir.path().join("kept.json")).unwrap(), b"old");
        // A source that opens but cannot be read (a folder) fails inside the atomic write, after
        // its temporary file exists: the old file stays, and no temporary is left behind.
        assert!(copy_atomic(&dir.path().join("sub"), &dir.path().join("kept.json")).is_err());
        assert_eq!(std::fs::read(dir.path().join("kept.json")).unwrap(), b"old");
        let mut names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        names.sort();
        assert_eq!(names, ["copy.json", "kept.json", "sub"].map(std::ffi::OsString::from));
    }
}

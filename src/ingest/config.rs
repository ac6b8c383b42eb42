//! `confgraph.toml`, the file a user keeps beside their notes: who is who (`same`, `different`,
//! used by [`crate::resolve::Overrides`]) and what `build` writes (`[build] formats`).
//!
//! ```toml
//! same = [["Mason Eggers", "Mason Egger"]]
//! different = [["Andy Knight", "Andrew Knight"]]
//!
//! [build]
//! formats = ["turtle", "graphml", "gexf"]
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::InputError;

/// The file name looked for beside the notes.
pub const FILE_NAME: &str = "confgraph.toml";

/// One `confgraph.toml`, as written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    /// Groups of names that are one person.
    #[serde(default)]
    pub same: Vec<Vec<String>>,
    /// Groups of names that are different people.
    #[serde(default)]
    pub different: Vec<Vec<String>>,
    /// The `[build]` table.
    #[serde(default)]
    pub build: BuildConfig,
}

/// The `[build]` table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BuildConfig {
    /// The formats `build` writes (names as `--formats` takes them); none: every one.
    pub formats: Option<Vec<String>>,
}

impl ConfigFile {
    /// Parses one file's text.
    ///
    /// # Errors
    /// [`InputError::Syntax`] naming `path` and, where the TOML parser knows it, the line.
    ///
    /// ```
    /// use std::path::Path;
    /// use confgraph::ingest::config::ConfigFile;
    ///
    /// let file = ConfigFile::parse(Path::new("notes/confgraph.toml"), "[build]\nformats = [\"turtle\"]\n")?;
    /// assert_eq!(file.build.formats, Some(vec!["turtle".to_owned()]));
    /// # Ok::<(), confgraph::error::InputError>(())
    /// ```
    pub fn parse(path: &Path, text: &str) -> Result<Self, InputError> {
        toml::from_str(text).map_err(|e| InputError::Syntax {
            file: path.display().to_string(),
            line: e.span().map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1),
            message: e.message().to_owned(),
        })
    }
}

/// The `confgraph.toml` files that apply to these notes paths: in each named folder, and beside
/// each named file. Sorted, without duplicates.
#[must_use]
pub fn files_for(notes: &[PathBuf]) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = notes
        .iter()
        .map(|p| if p.is_dir() { p.join(FILE_NAME) } else { p.parent().unwrap_or(Path::new(".")).join(FILE_NAME) })
        .filter(|p| p.is_file())
        .collect();
    found.sort();
    found.dedup();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_are_refused_with_their_line() {
        let err = ConfigFile::parse(Path::new("c.toml"), "[build]\nformat = [\"turtle\"]\n").unwrap_err();
        assert!(matches!(&err, InputError::Syntax { line: Some(2), .. }), "{err:?}");
        assert_eq!(ConfigFile::parse(Path::new("c.toml"), "").unwrap(), ConfigFile::default());
    }
}

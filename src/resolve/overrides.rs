//! The user's word on identities: a `confgraph.toml` beside the notes,
//!
//! ```toml
//! same = [["Mason Eggers", "Mason Egger"]]
//! different = [["Andy Knight", "Andrew Knight"]]
//! ```
//!
//! `same` merges names whatever the evidence; `different` keeps them apart whatever the rules say.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// Overrides read from one or more `confgraph.toml` files.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Overrides {
    /// Groups of names that are one person.
    #[serde(default)]
    pub same: Vec<Vec<String>>,
    /// Groups of names that are different people.
    #[serde(default)]
    pub different: Vec<Vec<String>>,
}

/// The file name looked for beside the notes.
pub const FILE_NAME: &str = "confgraph.toml";

impl Overrides {
    /// Parses one file's text.
    ///
    /// # Errors
    /// A message naming `path` and, where the TOML parser knows it, the line.
    pub fn parse(path: &Path, text: &str) -> Result<Self, String> {
        toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            match line {
                Some(l) => format!("{}:{l}: {}", path.display(), e.message()),
                None => format!("{}: {}", path.display(), e.message()),
            }
        })
    }

    /// Adds another file's overrides.
    pub fn extend(&mut self, other: Self) {
        self.same.extend(other.same);
        self.different.extend(other.different);
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
    fn parses_same_and_different() {
        let o =
            Overrides::parse(Path::new("c.toml"), "same = [[\"A B\", \"A C\"]]\ndifferent = [[\"D E\", \"F E\"]]\n")
                .unwrap();
        assert_eq!(o.same, vec![vec!["A B".to_owned(), "A C".to_owned()]]);
        assert_eq!(o.different.len(), 1);
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let err = Overrides::parse(Path::new("notes/confgraph.toml"), "same = [[\"A\"]]\nsmae = 1\n").unwrap_err();
        assert!(err.starts_with("notes/confgraph.toml:2:"), "{err}");
    }
}

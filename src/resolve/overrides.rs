//! The user's word on identities, from a `confgraph.toml` beside the notes
//! ([`crate::ingest::config`]): `same` merges names whatever the evidence; `different` keeps them
//! apart whatever the rules say.

use std::collections::BTreeMap;
use std::path::Path;

use crate::error::InputError;
use crate::ingest::config::ConfigFile;

/// Overrides read from one or more `confgraph.toml` files ([`crate::ingest::config`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    /// Groups of names that are one person.
    pub same: Vec<Vec<String>>,
    /// Groups of names that are different people.
    pub different: Vec<Vec<String>>,
    /// Where each name is written: file and line (the first place, over all files).
    pub places: BTreeMap<String, (String, u32)>,
    /// Files whose names are not checked against the notes read ([`Overrides::names`]): a caller
    /// that reads only part of the notes a file is for puts it here.
    pub unchecked: std::collections::BTreeSet<String>,
}

impl Overrides {
    /// Parses one file's text.
    ///
    /// # Errors
    /// [`InputError::Syntax`] naming `path` and, where the TOML parser knows it, the line.
    pub fn parse(path: &Path, text: &str) -> Result<Self, InputError> {
        let file = ConfigFile::parse(path, text)?;
        Ok(Self::of_file(path, text, file.same, file.different))
    }

    /// The overrides of one parsed file (`text` is its text, for the line of each name).
    #[must_use]
    pub fn of_file(path: &Path, text: &str, same: Vec<Vec<String>>, different: Vec<Vec<String>>) -> Self {
        let mut read = Self { same, different, ..Self::default() };
        let file = path.display().to_string();
        for name in read.same.iter().chain(&read.different).flatten() {
            // The line of its first spelling, quoted either way (1 if written with escapes).
            let at = [format!("\"{name}\""), format!("'{name}'")].iter().filter_map(|q| text.find(q.as_str())).min();
            let line = at.map_or(1, |at| text[..at].matches('\n').count() + 1);
            read.places.entry(name.clone()).or_insert_with(|| (file.clone(), u32::try_from(line).unwrap_or(u32::MAX)));
        }
        read
    }

    /// Adds another file's overrides.
    pub fn extend(&mut self, other: Self) {
        self.same.extend(other.same);
        self.different.extend(other.different);
        for (name, place) in other.places {
            self.places.entry(name).or_insert(place);
        }
        self.unchecked.extend(other.unchecked);
    }

    /// Two names the `same` groups make one person (directly or through others) and a
    /// `different` group keeps apart: a message naming both and where they are written.
    #[must_use]
    pub fn contradiction(&self) -> Option<String> {
        let key = |n: &String| super::name_key(n);
        // Each name's `same` group, by union of groups sharing a name.
        let mut root: BTreeMap<String, String> = BTreeMap::new();
        for group in &self.same {
            for pair in group.windows(2) {
                let (a, b) = (find(&root, &key(&pair[0])), find(&root, &key(&pair[1])));
                root.entry(a.clone()).or_insert_with(|| a.clone());
                root.insert(b, a);
            }
        }
        for group in &self.different {
            for (i, a) in group.iter().enumerate() {
                for b in &group[i + 1..] {
                    let place =
                        |n: &String| self.places.get(n).map_or_else(String::new, |(f, l)| format!(" ({f}:{l})"));
                    if key(a) == key(b) {
                        return Some(format!(
                            "confgraph.toml says `{a}`{} and `{b}`{} are different people, but confgraph reads them as one name (they differ only in case, accents or punctuation)",
                            place(a),
                            place(b)
                        ));
                    }
                    if find(&root, &key(a)) != find(&root, &key(b)) {
                        continue;
                    }
                    return Some(format!(
                        "confgraph.toml says `{a}`{} and `{b}`{} are one person (`same`) and different people (`different`); keep one of the two",
                        place(a),
                        place(b)
                    ));
                }
            }
        }
        None
    }

    /// Every name the overrides mention whose file is checked, with where it is written, by name.
    pub fn names(&self) -> impl Iterator<Item = (&String, &(String, u32))> {
        self.places.iter().filter(|(_, (file, _))| !self.unchecked.contains(file))
    }
}

/// The name key at the root of `k`'s group in a union of `same` groups.
fn find(root: &BTreeMap<String, String>, k: &str) -> String {
    let mut k = k.to_owned();
    while let Some(up) = root.get(&k).filter(|up| **up != k) {
        k.clone_from(up);
    }
    k
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
    fn contradictions_are_found_through_chains_of_same() {
        let text = "same = [[\"Ana Lima\", \"A. Lima\"], [\"A. Lima\", \"Ana P. Lima\"]]\ndifferent = [[\"Ana P. Lima\", \"Ana Lima\"]]\n";
        let o = Overrides::parse(Path::new("c.toml"), text).unwrap();
        let said = o.contradiction().expect("a contradiction");
        assert!(said.contains("`Ana P. Lima` (c.toml:1) and `Ana Lima` (c.toml:1)"), "{said}");
        let fine =
            Overrides::parse(Path::new("c.toml"), "same = [[\"A B\", \"A C\"]]\ndifferent = [[\"A B\", \"D E\"]]\n");
        assert_eq!(fine.unwrap().contradiction(), None);
        assert_eq!(o.places["Ana P. Lima"], ("c.toml".to_owned(), 1));
        let case = Overrides::parse(Path::new("c.toml"), "different = [[\"Ana Lima\", \"ANA LIMA\"]]\n").unwrap();
        assert!(case.contradiction().unwrap().contains("reads them as one name"));
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let err = Overrides::parse(Path::new("notes/confgraph.toml"), "same = [[\"A\"]]\nsmae = 1\n").unwrap_err();
        assert!(
            matches!(&err, InputError::Syntax { file, line: Some(2), .. } if file == "notes/confgraph.toml"),
            "{err:?}"
        );
        assert!(err.to_string().starts_with("notes/confgraph.toml:2:"), "{err}");
    }
}

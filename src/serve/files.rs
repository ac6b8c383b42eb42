//! The files a server offers for download: what `build` writes, in a folder the server's caller
//! owns (a temporary one that goes when the server stops), each with its media type.

use std::path::{Path, PathBuf};

use crate::export::formats::{FORMATS, Writer};
use crate::rdf::RdfSyntax;

/// A folder of exports, listed once.
#[derive(Debug)]
pub struct Files {
    dir: PathBuf,
    names: Vec<String>,
}

/// Media types by file extension; the last entry is for any other file.
const MEDIA_TYPES: &[(&str, &str)] = &[
    ("ttl", "text/turtle; charset=utf-8"),
    ("nt", "application/n-triples"),
    ("nq", "application/n-quads"),
    ("trig", "application/trig"),
    ("rdf", "application/rdf+xml"),
    ("jsonld", "application/ld+json"),
    ("json", "application/json"),
    ("graphml", "application/graphml+xml"),
    ("gexf", "application/gexf+xml"),
    ("csv", "text/csv; charset=utf-8"),
    ("html", "text/html; charset=utf-8"),
    ("", "application/octet-stream"),
];

impl Files {
    /// The files under `dir`, which must stay as they are while they are served.
    ///
    /// # Errors
    /// When the folder cannot be listed.
    pub fn new(dir: &Path) -> std::io::Result<Self> {
        let mut names = Vec::new();
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let entry = entry.map_err(std::io::Error::other)?;
            if entry.file_type().is_file()
                && let Ok(relative) = entry.path().strip_prefix(dir)
            {
                let parts: Vec<String> = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
                names.push(parts.join("/"));
            }
        }
        Ok(Self { dir: dir.to_path_buf(), names })
    }

    /// The files' names, relative to the folder, `/`-separated, in order.
    #[must_use]
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// The path of a listed file (and only of a listed one: no name from a request reaches the
    /// file system unchecked).
    #[must_use]
    pub fn path(&self, name: &str) -> Option<PathBuf> {
        self.names.iter().any(|n| n == name).then(|| self.dir.join(name))
    }

    /// The file of the whole graph in an RDF syntax.
    #[must_use]
    pub fn graph_in(&self, syntax: RdfSyntax) -> Option<PathBuf> {
        let format = FORMATS.iter().find(|f| matches!(f.writer, Writer::Rdf(s) if s == syntax))?;
        self.path(format.path)
    }
}

/// The media type of a file, by its extension.
#[must_use]
pub fn media_type(name: &str) -> &'static str {
    let extension = name.rsplit_once('.').map_or("", |(_, x)| x);
    MEDIA_TYPES.iter().find(|(x, _)| *x == extension || x.is_empty()).map_or("application/octet-stream", |(_, m)| m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_listed_files_are_found() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("gephi")).unwrap();
        std::fs::write(dir.path().join("graph.ttl"), "").unwrap();
        std::fs::write(dir.path().join("gephi/nodes.csv"), "").unwrap();
        let files = Files::new(dir.path()).unwrap();
        assert_eq!(files.names(), ["gephi/nodes.csv", "graph.ttl"]);
        assert!(files.path("gephi/nodes.csv").is_some() && files.graph_in(RdfSyntax::Turtle).is_some());
        for name in ["../etc/passwd", "gephi", "/graph.ttl", "graph.nt"] {
            assert!(files.path(name).is_none(), "{name}");
        }
        assert_eq!(media_type("gephi/nodes.csv"), "text/csv; charset=utf-8");
        assert_eq!(media_type("README"), "application/octet-stream");
    }
}

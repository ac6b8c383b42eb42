//! Every output format, in one table: its name on the command line, what it is for, the files
//! `build` writes of it and the writer that makes them. `export --format`'s values, `build
//! --formats`, what `build` writes and the README's table of files all come from [`FORMATS`].

use super::GraphFormat;
use super::csv_tables::GephiCsv;
use super::gexf::Gexf;
use super::graphml::GraphMl;
use super::neo4j::Neo4jCsv;
use crate::rdf::RdfSyntax;

/// What makes a format's files.
#[derive(Clone, Copy)]
pub enum Writer {
    /// An RDF syntax, written from the triple table.
    Rdf(RdfSyntax),
    /// A property-graph format, written from a graph view.
    Graph(&'static dyn GraphFormat),
    /// The HTML report page.
    Report,
    /// The `extract` JSON document.
    Extract,
}

/// Which graph views `build` writes a property-graph format for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Views {
    /// The whole graph, not a view (RDF, the report, `extract.json`).
    Whole,
    /// Every view: `full`, `people`, `topics`.
    All,
    /// The full view only.
    FullOnly,
}

/// One output format.
pub struct Format {
    /// Its name on the command line (`export --format NAME`, `build --formats NAME,…`).
    pub name: &'static str,
    /// What it is for, as `--help` and the README say it.
    pub what: &'static str,
    /// Where `build` writes it in its folder, `{view}` standing for each view's name; a path
    /// ending in `/` is a folder of files.
    pub path: &'static str,
    /// Which views `build` writes it for.
    pub views: Views,
    /// What writes it.
    pub writer: Writer,
}

impl Format {
    /// Whether `export --format` writes it (the report and `extract.json` have commands of their
    /// own: `report … --format html`, `extract --format json`).
    #[must_use]
    pub fn exported(&self) -> bool {
        matches!(self.writer, Writer::Rdf(_) | Writer::Graph(_))
    }

    /// Whether `build` writes it for a view of this name.
    #[must_use]
    pub fn has_view(&self, view: &str) -> bool {
        match self.views {
            Views::Whole => false,
            Views::All => true,
            Views::FullOnly => view == "full",
        }
    }

    /// Where `build` writes it for a view of this name, in the folder `out`.
    #[must_use]
    pub fn path_in(&self, out: &std::path::Path, view: &str) -> std::path::PathBuf {
        out.join(self.path.replace("{view}", view).trim_end_matches('/'))
    }

    /// Whether it writes a folder of files.
    #[must_use]
    pub fn is_folder(&self) -> bool {
        self.path.ends_with('/')
    }

    /// The format of a name, if there is one.
    #[must_use]
    pub fn named(name: &str) -> Option<&'static Self> {
        FORMATS.iter().find(|f| f.name == name)
    }
}

impl std::fmt::Debug for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

impl PartialEq for Format {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

/// Every format, in the order `--help` and the README list them.
pub const FORMATS: &[Format] = &[
    Format {
        name: "turtle",
        what: "Turtle, one readable prefix per entity class",
        path: "graph.ttl",
        views: Views::Whole,
        writer: Writer::Rdf(RdfSyntax::Turtle),
    },
    Format {
        name: "ntriples",
        what: "N-Triples, one triple per line",
        path: "graph.nt",
        views: Views::Whole,
        writer: Writer::Rdf(RdfSyntax::NTriples),
    },
    Format {
        name: "nquads",
        what: "N-Quads (the default graph)",
        path: "graph.nq",
        views: Views::Whole,
        writer: Writer::Rdf(RdfSyntax::NQuads),
    },
    Format {
        name: "trig",
        what: "TriG (the default graph)",
        path: "graph.trig",
        views: Views::Whole,
        writer: Writer::Rdf(RdfSyntax::TriG),
    },
    Format {
        name: "rdfxml",
        what: "RDF/XML",
        path: "graph.rdf",
        views: Views::Whole,
        writer: Writer::Rdf(RdfSyntax::RdfXml),
    },
    Format {
        name: "jsonld",
        what: "JSON-LD compacted with the published context `ontology/context.jsonld`: `@type` as `Person`, `Session`, `Conference`…, keys as terms, ids relative to the base, native numbers and booleans",
        path: "graph.jsonld",
        views: Views::Whole,
        writer: Writer::Rdf(RdfSyntax::JsonLd),
    },
    Format {
        name: "graphml",
        what: "GraphML for Gephi, networkx, igraph",
        path: "{view}.graphml",
        views: Views::All,
        writer: Writer::Graph(&GraphMl),
    },
    Format {
        name: "gexf",
        what: "GEXF 1.3 with a year timeline, for Gephi",
        path: "{view}.gexf",
        views: Views::All,
        writer: Writer::Graph(&Gexf),
    },
    Format {
        name: "csv",
        what: "Gephi's Data Laboratory tables `nodes.csv` and `edges.csv`",
        path: "gephi/{view}/",
        views: Views::All,
        writer: Writer::Graph(&GephiCsv),
    },
    Format {
        name: "neo4j",
        what: "Neo4j bulk-import CSV files `nodes-*.csv`, `rels-*.csv`",
        path: "neo4j/",
        views: Views::FullOnly,
        writer: Writer::Graph(&Neo4jCsv),
    },
    Format {
        name: "report",
        what: "one self-contained HTML page of the three reports, with SVG charts",
        path: "report.html",
        views: Views::Whole,
        writer: Writer::Report,
    },
    Format {
        name: "extract",
        what: "what was read, as the `extract` JSON document",
        path: "extract.json",
        views: Views::Whole,
        writer: Writer::Extract,
    },
];

/// The `--format` values of `export` (RDF and property-graph formats), with their help.
#[must_use]
pub fn export_values() -> clap::builder::ValueParser {
    parser(FORMATS.iter().filter(|f| f.exported()))
}

/// The `--formats` values of `build` (every format), with their help.
#[must_use]
pub fn build_values() -> clap::builder::ValueParser {
    parser(FORMATS.iter())
}

/// A clap value parser for these formats' names, giving the format.
fn parser(formats: impl Iterator<Item = &'static Format>) -> clap::builder::ValueParser {
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser as _};
    let values: Vec<PossibleValue> = formats.map(|f| PossibleValue::new(f.name).help(f.what)).collect();
    let parser = PossibleValuesParser::new(values)
        .map(|name| Format::named(&name).expect("the parser offers only the formats' names"));
    clap::builder::ValueParser::new(parser)
}

/// The formats of a `[build] formats` list in `confgraph.toml`, in table order, each once.
///
/// # Errors
/// The first name that is no format, with the names there are.
pub fn from_names<S: AsRef<str>>(names: &[S]) -> Result<Vec<&'static Format>, String> {
    let mut chosen = Vec::new();
    for name in names {
        let name = name.as_ref();
        let format = Format::named(name).ok_or_else(|| format!("no format `{name}`; there are: {}", all_names()))?;
        chosen.push(format);
    }
    Ok(in_table_order(&chosen))
}

/// `formats`, in table order, each once.
#[must_use]
pub fn in_table_order(formats: &[&'static Format]) -> Vec<&'static Format> {
    FORMATS.iter().filter(|f| formats.contains(f)).collect()
}

/// Every format's name, comma-separated.
#[must_use]
pub fn all_names() -> String {
    FORMATS.iter().map(|f| f.name).collect::<Vec<_>>().join(", ")
}

/// The README's table of what `build` writes: one row per format.
#[must_use]
pub fn markdown_table() -> String {
    use std::fmt::Write as _;
    let mut table = String::from("| format | files | for |\n|---|---|---|\n");
    for f in FORMATS {
        let files = f.path.replace("{view}", "<view>");
        let views = match f.views {
            Views::Whole => "",
            Views::All => " (views `full`, `people`, `topics`)",
            Views::FullOnly => " (view `full`)",
        };
        let _ = writeln!(table, "| `{}` | `{files}`{views} | {} |", f.name, f.what);
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_lower_case() {
        for (i, f) in FORMATS.iter().enumerate() {
            assert!(f.name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()), "{}", f.name);
            assert!(FORMATS[..i].iter().all(|g| g.name != f.name), "{} twice", f.name);
        }
    }

    #[test]
    fn every_rdf_syntax_has_a_format() {
        for syntax in RdfSyntax::ALL {
            let format = FORMATS.iter().find(|f| matches!(f.writer, Writer::Rdf(s) if s == syntax));
            let format = format.unwrap_or_else(|| panic!("{syntax:?} has no format"));
            assert_eq!(format.path, format!("graph.{}", syntax.extension()));
        }
    }

    #[test]
    fn folder_formats_are_the_graph_formats_that_write_folders() {
        for f in FORMATS {
            if let Writer::Graph(graph) = f.writer {
                assert_eq!(f.is_folder(), graph.is_folder(), "{}", f.name);
            }
        }
        let csv = Format::named("csv").unwrap();
        assert_eq!(csv.path_in(std::path::Path::new("out"), "people"), std::path::Path::new("out/gephi/people"));
    }

    #[test]
    fn lists_come_back_in_table_order_and_unknown_names_are_refused() {
        let chosen = from_names(&["graphml", "turtle", "graphml"]).unwrap();
        assert_eq!(chosen.iter().map(|f| f.name).collect::<Vec<_>>(), ["turtle", "graphml"]);
        let err = from_names(&["turtle", "ttl"]).unwrap_err();
        assert!(err.contains("no format `ttl`") && err.contains("ntriples"), "{err}");
    }

    #[test]
    fn the_readme_table_is_the_formats_table() {
        let readme = include_str!("../../README.md");
        assert!(readme.contains(&markdown_table()), "README.md's table of files is not:\n{}", markdown_table());
    }
}

//! Property-graph exports of a [`KnowledgeGraph`] view: `GraphML` and GEXF for Gephi (and
//! networkx, igraph), Gephi's spreadsheet CSV tables, and a Neo4j bulk-import set.
//!
//! [`formats`] is the table of every output format (these and RDF, the report, `extract.json`)
//! that the command line, `build` and the README come from.
//!
//! One trait, one file per format. Each format streams its file or files into a [`Sink`] (the
//! command writes each atomically; [`Rendered`] collects them in memory, as the fuzz pipeline
//! does). Output depends only on the graph, which is built in sorted order.

pub mod csv_tables;
pub mod extract;
pub mod formats;
pub mod gexf;
pub mod graphml;
pub mod neo4j;
mod xml;

use std::borrow::Cow;
use std::io::{self, Write};

use crate::graph::{Edge, KnowledgeGraph, Node};

/// A view rendered in memory: one file, or a folder of named files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rendered {
    /// A single document.
    File(Vec<u8>),
    /// Several files, by name, in order.
    Folder(Vec<(String, Vec<u8>)>),
}

/// Where a format writes its files.
pub trait Sink {
    /// Writes one file with what `fill` writes: `name` is `None` for a single-file format, else
    /// the file's name in the folder.
    ///
    /// # Errors
    /// When the file cannot be written.
    fn file(&mut self, name: Option<&str>, fill: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>) -> io::Result<()>;
}

/// Collects files in memory (for the fuzz target and tests).
impl Sink for Rendered {
    fn file(&mut self, name: Option<&str>, fill: &mut dyn FnMut(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
        let mut bytes = Vec::new();
        fill(&mut bytes)?;
        match (self, name) {
            (Self::Folder(files), Some(name)) => files.push((name.to_owned(), bytes)),
            (Self::File(content), None) => *content = bytes,
            _ => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    "a file name for a one-file format, or none for a folder",
                ));
            }
        }
        Ok(())
    }
}

/// A property-graph export format.
pub trait GraphFormat: Send + Sync {
    /// Whether the format writes a folder of files rather than one file.
    fn is_folder(&self) -> bool {
        false
    }

    /// Writes a view to `sink`, streaming each file.
    ///
    /// # Errors
    /// When the sink fails.
    fn write(&self, graph: &KnowledgeGraph, sink: &mut dyn Sink) -> io::Result<()>;

    /// Renders a view in memory.
    ///
    /// # Errors
    /// When serialising fails (it does not for in-memory output).
    fn render(&self, graph: &KnowledgeGraph) -> io::Result<Rendered> {
        let mut rendered = if self.is_folder() { Rendered::Folder(Vec::new()) } else { Rendered::File(Vec::new()) };
        self.write(graph, &mut rendered)?;
        Ok(rendered)
    }
}

/// Years joined with `;` (`2019;2024`), the multi-value convention of every export here.
#[must_use]
pub fn joined_years(years: &crate::graph::Years) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(5 * years.len());
    for (i, y) in years.iter().enumerate() {
        let _ = write!(out, "{}{y}", if i == 0 { "" } else { ";" });
    }
    out
}

/// Appends a year as a Gephi timestamp (`2019.0`), as the GEXF spells and CSV timesets write it.
pub(crate) fn push_timestamp(out: &mut String, year: u16) {
    use std::fmt::Write as _;
    let _ = write!(out, "{year}.0");
}

/// A typed attribute value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    /// Text.
    Text(Cow<'a, str>),
    /// Whole number.
    Int(i64),
    /// Real number.
    Real(f64),
}

impl Value<'_> {
    /// Appends the value as written in a table (text without the characters XML forbids).
    pub fn render_into(&self, out: &mut String) {
        use std::fmt::Write as _;
        match self {
            Self::Text(t) => out.push_str(&crate::text::xml::xml_safe(t)),
            Self::Int(i) => {
                let _ = write!(out, "{i}");
            }
            Self::Real(r) => {
                let _ = write!(out, "{}", Real(*r));
            }
        }
    }
}

/// A real number displayed in its shortest exact form (`2`, `0.125`, `1.2345e-7` as
/// `0.00000012345`), written without an allocation of its own.
pub struct Real(pub f64);

impl std::fmt::Display for Real {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // `-0` (an empty float sum) and non-finite values are written as 0.
        if self.0.is_finite() && self.0 != 0.0 { write!(f, "{}", self.0) } else { f.write_str("0") }
    }
}

/// [`Real`] as a string.
#[must_use]
pub fn format_real(r: f64) -> String {
    Real(r).to_string()
}

/// The type of an attribute column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueType {
    /// Text.
    Text,
    /// Whole number.
    Int,
    /// Real number.
    Real,
}

/// A node attribute column: id (also the title), type, and how to read it off a node.
pub struct NodeColumn {
    /// Semantic id: `kind`, `years`, `pagerank`.
    pub id: &'static str,
    /// Its type.
    pub ty: ValueType,
    /// The value for a node, if it has one.
    pub get: fn(&Node) -> Option<Value<'_>>,
}

/// An edge attribute column.
pub struct EdgeColumn {
    /// Semantic id: `edge_kind`, `weight`, `edge_years`.
    pub id: &'static str,
    /// Its type.
    pub ty: ValueType,
    /// The value for an edge, if it has one.
    pub get: fn(&Edge) -> Option<Value<'_>>,
}

/// How a node is drawn: where, how big, in which colour. Gephi, Gephi Lite, networkx and igraph
/// read these from GEXF `viz` elements and the `GraphML` keys `x`, `y`, `size`, `r`, `g`, `b`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Appearance {
    /// Layout position ([`crate::layout`]).
    pub x: f64,
    /// See [`Appearance::x`].
    pub y: f64,
    /// Grows with the log of the degree, so hubs stand out without hiding the rest.
    pub size: f64,
    /// By community in a view of one kind of node (people, topics), else by kind.
    pub colour: (u8, u8, u8),
}

/// Colours for communities: Tableau 20 (D3's `category20`), its ten strong tones, then its ten
/// light ones; community `k` takes colour `k mod 20`.
const COMMUNITY_COLOURS: [(u8, u8, u8); 20] = [
    (31, 119, 180),
    (255, 127, 14),
    (44, 160, 44),
    (214, 39, 40),
    (148, 103, 189),
    (140, 86, 75),
    (227, 119, 194),
    (127, 127, 127),
    (188, 189, 34),
    (23, 190, 207),
    (174, 199, 232),
    (255, 187, 120),
    (152, 223, 138),
    (255, 152, 150),
    (197, 176, 213),
    (196, 156, 148),
    (247, 182, 210),
    (199, 199, 199),
    (219, 219, 141),
    (158, 218, 229),
];

/// Whether a view colours its nodes by community: it holds one kind of node only.
#[must_use]
pub fn colours_by_community(kg: &KnowledgeGraph) -> bool {
    let mut kinds = kg.nodes().map(|(_, n)| n.kind);
    kinds.next().is_some_and(|first| kinds.all(|k| k == first))
}

/// How `node` is drawn; `by_community` from [`colours_by_community`].
#[must_use]
pub fn appearance(node: &crate::graph::Node, by_community: bool) -> Appearance {
    let colour = if by_community {
        COMMUNITY_COLOURS[node.metrics.community as usize % COMMUNITY_COLOURS.len()]
    } else {
        node.kind.colour()
    };
    let size = (4.0 + 4.0 * f64::from(node.metrics.degree).ln_1p()).round();
    Appearance { x: node.metrics.x, y: node.metrics.y, size, colour }
}

/// Node attributes every format carries (label and id are written by each format its own way).
pub const NODE_COLUMNS: &[NodeColumn] = &[
    NodeColumn { id: "kind", ty: ValueType::Text, get: |n| Some(Value::Text(n.kind.as_str().into())) },
    NodeColumn { id: "session_kind", ty: ValueType::Text, get: |n| n.session_kind.map(|k| Value::Text(k.into())) },
    NodeColumn {
        id: "years",
        ty: ValueType::Text,
        get: |n| (!n.years.is_empty()).then(|| Value::Text(joined_years(&n.years).into())),
    },
    NodeColumn { id: "first_year", ty: ValueType::Int, get: |n| n.years.first().map(|y| Value::Int(i64::from(*y))) },
    NodeColumn { id: "last_year", ty: ValueType::Int, get: |n| n.years.last().map(|y| Value::Int(i64::from(*y))) },
    NodeColumn { id: "sessions", ty: ValueType::Int, get: |n| Some(Value::Int(i64::from(n.sessions))) },
    NodeColumn { id: "degree", ty: ValueType::Int, get: |n| Some(Value::Int(i64::from(n.metrics.degree))) },
    NodeColumn { id: "weighted_degree", ty: ValueType::Real, get: |n| Some(Value::Real(n.metrics.weighted_degree)) },
    NodeColumn { id: "pagerank", ty: ValueType::Real, get: |n| Some(Value::Real(n.metrics.pagerank)) },
    NodeColumn { id: "component", ty: ValueType::Int, get: |n| Some(Value::Int(i64::from(n.metrics.component))) },
    NodeColumn { id: "community", ty: ValueType::Int, get: |n| Some(Value::Int(i64::from(n.metrics.community))) },
];

/// Edge attributes every format carries (weight is written by each format its own way too).
pub const EDGE_COLUMNS: &[EdgeColumn] = &[
    EdgeColumn { id: "edge_kind", ty: ValueType::Text, get: |e| Some(Value::Text(e.kind.as_str().into())) },
    EdgeColumn {
        id: "edge_years",
        ty: ValueType::Text,
        get: |e| (!e.years.is_empty()).then(|| Value::Text(joined_years(&e.years).into())),
    },
];

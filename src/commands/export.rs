//! `export`: one format of the graph, to a file, a folder or standard output; and the writing of
//! a property-graph view that `build` shares.

use std::path::Path;

use super::{Settings, data_triples, read_corpus};
use crate::cli::{ExportArgs, ViewArg};
use crate::corpus::Corpus;
use crate::error::Error;
use crate::export::formats::Writer;
use crate::export::{GraphFormat, Sink};
use crate::graph::analyze;
use crate::graph::{KnowledgeGraph, View};
use crate::{graph, output, rdf};

pub(super) fn export(args: &ExportArgs, settings: &Settings) -> Result<(), Error> {
    let base = &settings.base;
    let syntax = match args.format.writer {
        Writer::Rdf(syntax) => syntax,
        Writer::Graph(format) => {
            if args.data.is_some() {
                return Err(Error::Usage("--data reads RDF; graphml, gexf, csv and neo4j are made from notes".into()));
            }
            let view = match args.view {
                ViewArg::Full => View::Full,
                ViewArg::People => View::People { shared_editions: args.shared_editions },
                ViewArg::Topics => View::Topics,
            };
            let selection = args.notes.select_writing_to(args.output.as_deref())?;
            let kg = analysed_view(&read_corpus(&selection, settings)?, view);
            return write_graph(format, &kg, args.output.as_deref());
        }
        // (clap offers neither; a library caller may still pass one.)
        Writer::Report | Writer::Extract => {
            return Err(Error::Usage(format!(
                "export writes RDF and graph formats; for `{}` use `report … --format html` or `extract --format json`",
                args.format.name
            )));
        }
    };
    let triples = match &args.data {
        Some(path) => data_triples(path, settings.max_file_bytes)?,
        None => {
            rdf::corpus_triples(&read_corpus(&args.notes.select_writing_to(args.output.as_deref())?, settings)?, base)
        }
    };
    output::write_to_with(args.output.as_deref(), |w| rdf::write_triples(&triples, base, syntax, w))?;
    Ok(())
}

/// A view of the corpus with its network measures.
pub(super) fn analysed_view(corpus: &Corpus, view: View) -> KnowledgeGraph {
    let mut kg = graph::build(corpus, view);
    analyze::annotate(&mut kg);
    kg
}

/// Writes a view in a property-graph format: one file at `path` (standard output for `-` or
/// none), or the files of a folder format into the folder `path`, each atomically.
pub(super) fn write_graph(format: &dyn GraphFormat, kg: &KnowledgeGraph, path: Option<&Path>) -> Result<(), Error> {
    let path = path.filter(|p| *p != Path::new("-"));
    if format.is_folder() && path.is_none() {
        return Err(Error::Usage("this format writes several files: give a folder with -o DIR".into()));
    }
    format.write(kg, &mut FileSink(path))?;
    Ok(())
}

/// Files of a property-graph export, written as they are rendered.
struct FileSink<'a>(Option<&'a Path>);

impl Sink for FileSink<'_> {
    fn file(
        &mut self,
        name: Option<&str>,
        fill: &mut dyn FnMut(&mut dyn std::io::Write) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        let result = match (self.0, name) {
            (Some(dir), Some(name)) => output::write_atomic_with(&dir.join(name), |w| fill(w)),
            (path, None) => output::write_to_with(path, |w| fill(w)),
            (None, Some(name)) => {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidInput,
                    format!("{name} is one of several files: give a folder with -o DIR"),
                ));
            }
        };
        // Keep the kind (a closed pipe is not an error), and the whole message.
        result.map_err(|e| std::io::Error::new(e.io_kind(), crate::error::with_causes(&e)))
    }
}

//! `build`: the notes read once, each chosen format of [`FORMATS`] written into a staging folder
//! (in parallel), and the whole set moved into place together; a file that fails leaves the
//! previous build's set as it was.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::export::{analysed_view, write_graph};
use super::{Settings, read_corpus};
use crate::cli::BuildArgs;
use crate::corpus::Corpus;
use crate::error::Error;
use crate::export::GraphFormat;
use crate::export::extract;
use crate::export::formats::{FORMATS, Format, Writer, in_table_order};
use crate::graph::View;
use crate::rdf::{self, Base, RdfSyntax};
use crate::report::ReportKind;
use crate::{output, report};

/// The graph views, by the name their files carry; the full view first.
const VIEWS: [(&str, View); 3] =
    [("full", View::Full), ("people", View::People { shared_editions: false }), ("topics", View::Topics)];

/// One file (or folder) `build` writes: a format (its place in [`FORMATS`]) of a view (its place
/// in [`VIEWS`], 0 for the formats of the whole graph). A build's failures are told in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Job {
    format: usize,
    view: usize,
}

/// A property-graph file of a view.
struct GraphFile {
    job: Job,
    format: &'static dyn GraphFormat,
    path: PathBuf,
}

/// RDF files sharing their bytes ([`RdfSyntax::same_bytes_as`]): written once, then copied.
struct RdfFiles {
    job: Job,
    syntax: RdfSyntax,
    paths: Vec<PathBuf>,
}

/// What a build writes, grouped as it is written.
struct Plan {
    /// Each view that has a file to write, with its files: the two largest (`GraphML`, GEXF) first.
    views: Vec<(View, Vec<GraphFile>)>,
    /// The RDF files, in the order they are spawned: the longest last.
    rdf: Vec<RdfFiles>,
    report: Option<(Job, PathBuf)>,
    extract: Option<(Job, PathBuf)>,
}

/// The order RDF files are spawned in (see [`BuildWriter::rdf_files`]).
const RDF_SPAWN_ORDER: [RdfSyntax; 4] = [RdfSyntax::Turtle, RdfSyntax::JsonLd, RdfSyntax::RdfXml, RdfSyntax::NTriples];

impl Plan {
    fn new(chosen: &[&'static Format], out: &Path) -> Self {
        let mut plan = Self { views: Vec::new(), rdf: Vec::new(), report: None, extract: None };
        for (v, &(name, view)) in VIEWS.iter().enumerate() {
            let files: Vec<GraphFile> = FORMATS
                .iter()
                .enumerate()
                .filter(|(_, f)| chosen.contains(f) && f.has_view(name))
                .filter_map(|(i, f)| match f.writer {
                    Writer::Graph(format) => {
                        Some(GraphFile { job: Job { format: i, view: v }, format, path: f.path_in(out, name) })
                    }
                    _ => None,
                })
                .collect();
            if !files.is_empty() {
                plan.views.push((view, files));
            }
        }
        for (i, f) in FORMATS.iter().enumerate().filter(|(_, f)| chosen.contains(f)) {
            let job = Job { format: i, view: 0 };
            match f.writer {
                Writer::Rdf(syntax) => plan.add_rdf(job, syntax, f.path_in(out, "")),
                Writer::Report => plan.report = Some((job, f.path_in(out, ""))),
                Writer::Extract => plan.extract = Some((job, f.path_in(out, ""))),
                Writer::Graph(_) => {}
            }
        }
        plan.rdf.sort_by_key(|r| RDF_SPAWN_ORDER.iter().position(|&s| s == r.syntax.same_bytes_as()));
        plan
    }

    /// Adds an RDF file, to the group of the files with its bytes.
    fn add_rdf(&mut self, job: Job, syntax: RdfSyntax, path: PathBuf) {
        match self.rdf.iter_mut().find(|r| r.syntax.same_bytes_as() == syntax.same_bytes_as()) {
            Some(group) => group.paths.push(path),
            None => self.rdf.push(RdfFiles { job, syntax, paths: vec![path] }),
        }
    }

    /// How many jobs report their end to the progress bar.
    fn jobs(&self) -> usize {
        let graph_files: usize = self.views.iter().map(|(_, files)| files.len()).sum();
        graph_files + self.rdf.len() + usize::from(self.report.is_some()) + usize::from(self.extract.is_some())
    }
}

/// What `build` writes into its staging folder, and the failures of its jobs.
struct BuildWriter<'a> {
    corpus: &'a Corpus,
    base: &'a Base,
    progress: crate::progress::Progress,
    /// A failed export does not stop the others; the first in job order is the error.
    failures: Mutex<Vec<(Job, Error)>>,
}

impl BuildWriter<'_> {
    fn done(&self, job: Job, result: Result<(), Error>) {
        if let Err(e) = result {
            self.failures.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push((job, e));
        }
        self.progress.inc();
    }

    /// Builds a view and writes its files, in parallel.
    fn view(&self, view: View, files: &[GraphFile]) {
        let kg = analysed_view(self.corpus, view);
        // A view with nothing in it (topics, before any are assigned) is not written.
        if kg.graph.node_count() == 0 {
            for _ in files {
                self.progress.inc();
            }
            return;
        }
        // This thread takes the last job spawned, the other steals from the front: the second
        // file (GEXF) is spawned last and the first (GraphML) first, so the two largest start at
        // once.
        let order = (0..files.len()).filter(|&j| j != 1).chain((files.len() > 1).then_some(1));
        rayon::scope(|scope| {
            for file in order.map(|j| &files[j]) {
                let kg = &kg;
                scope.spawn(move |_| self.done(file.job, write_graph(file.format, kg, Some(&file.path))));
            }
        });
    }

    /// Writes the RDF files; returns the number of triples.
    fn rdf_files(&self, groups: &[RdfFiles]) -> usize {
        let triples = rdf::corpus_triples(self.corpus, self.base);
        let prefixes = rdf::prefixes_for(&triples, self.base);
        rayon::scope(|scope| {
            // This thread takes the last job spawned, the other steals from the front: N-Triples
            // (the longest) is started on this thread and Turtle on the other; the rest go to
            // whichever is free first.
            for group in groups {
                let (triples, prefixes) = (&triples, &prefixes);
                scope.spawn(move |_| self.done(group.job, write_rdf(triples, prefixes, self.base, group)));
            }
        });
        triples.len()
    }

    /// Writes `report.html` and `extract.json`, those of them the plan has.
    fn report_and_extract(&self, plan: &Plan) {
        if let Some((job, path)) = &plan.report {
            let kinds = [ReportKind::Speakers, ReportKind::Topics, ReportKind::Editions];
            let page = |w: &mut dyn std::io::Write| report::html::write_page(self.corpus, &kinds, 2, w);
            self.done(*job, output::write_atomic_with(path, page).map_err(Error::from));
        }
        if let Some((job, path)) = &plan.extract {
            let json = |w: &mut dyn std::io::Write| extract::write_json(self.corpus, w);
            self.done(*job, output::write_atomic_with(path, json).map_err(Error::from));
        }
    }
}

/// The formats a build writes: `--formats`, else the notes' `[build] formats`, else every one.
fn chosen_formats(args: &BuildArgs, configured: Option<&Vec<&'static Format>>) -> Vec<&'static Format> {
    if !args.formats.is_empty() {
        return in_table_order(&args.formats);
    }
    configured.cloned().unwrap_or_else(|| FORMATS.iter().collect())
}

pub(super) fn build(args: &BuildArgs, settings: &Settings) -> Result<(), Error> {
    let selection = args.notes.select_writing_to(Some(&args.out))?;
    let chosen = chosen_formats(args, selection.formats.as_ref());
    let corpus = read_corpus(&selection, settings)?;
    // One build per folder at a time; the lock is held until this function returns.
    let _lock = output::lock_folder(&args.out)?;
    output::remove_stale_temporaries(&args.out)?;
    // Everything is written to a staging folder and moved into place only if all succeeded.
    let stage = output::Stage::new(&args.out)?;
    let plan = Plan::new(&chosen, stage.path());
    let (triples, failures) = write_plan(&corpus, &plan, &settings.base);
    first_failure(failures, stage.path(), &args.out)?;
    // Exports of an earlier build that this one no longer writes go (`neo4j/nodes-organisation.csv`).
    stage.commit()?;
    let triples = triples.map(|n| format!(", {n} triples")).unwrap_or_default();
    println!("{}{triples} → {}", extract::summary(&corpus), args.out.display());
    Ok(())
}

/// Writes every file of `plan`, in parallel; the number of triples when RDF files were written,
/// and the jobs that failed.
fn write_plan(corpus: &Corpus, plan: &Plan, base: &Base) -> (Option<usize>, Vec<(Job, Error)>) {
    let progress = crate::progress::Progress::new(plan.jobs() as u64, "writing exports");
    let writer = BuildWriter { corpus, base, progress, failures: Mutex::default() };
    // The two largest structures, the full view and the triple table, are built one after the
    // other: the full view and its files first, then the table (while the other thread writes the
    // report and `extract.json`), then the RDF files. The smaller views go beside the full one.
    let (first, others) = match plan.views.split_first() {
        Some(((View::Full, files), others)) => (Some(files), others),
        _ => (None, plan.views.as_slice()),
    };
    let (triples, ()) = rayon::join(
        || {
            first.inspect(|files| writer.view(View::Full, files));
            let rdf = || (!plan.rdf.is_empty()).then(|| writer.rdf_files(&plan.rdf));
            rayon::join(rdf, || writer.report_and_extract(plan)).0
        },
        || others.iter().for_each(|(view, files)| writer.view(*view, files)),
    );
    writer.progress.finish();
    (triples, writer.failures.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner))
}

/// Writes every format of [`FORMATS`] of `corpus` into the existing folder `dir` (for `serve`,
/// which serves what `build` would write); the number of triples.
///
/// # Errors
/// The first file that could not be written.
pub(super) fn write_every_format(corpus: &Corpus, dir: &Path, base: &Base) -> Result<Option<usize>, Error> {
    let chosen: Vec<&'static Format> = FORMATS.iter().collect();
    let (triples, failures) = write_plan(corpus, &Plan::new(&chosen, dir), base);
    first_failure(failures, dir, dir)?;
    Ok(triples)
}

/// The first failure of a build, in job order, as its error (the others printed as warnings),
/// naming files where they would have gone rather than in the staging folder.
fn first_failure(mut failures: Vec<(Job, Error)>, staged: &Path, out: &Path) -> Result<(), Error> {
    failures.sort_by_key(|(order, _)| *order);
    let plain = |e: &Error| e.with_causes().replace(&staged.display().to_string(), &out.display().to_string());
    let mut failures = failures.into_iter().map(|(_, e)| e);
    let Some(error) = failures.next() else { return Ok(()) };
    for other in failures {
        eprintln!("confgraph: warning: {}", plain(&other));
    }
    Err(Error::BuildFailed { first: plain(&error), out: out.to_path_buf(), kept: out.join(output::MANIFEST).is_file() })
}

/// Writes a group of RDF files sharing their bytes: the first, then a copy for each other.
fn write_rdf(
    triples: &rdf::TripleTable,
    prefixes: &[(String, String)],
    base: &Base,
    group: &RdfFiles,
) -> Result<(), Error> {
    let (first, copies) = group.paths.split_first().expect("a group has a file");
    output::write_atomic_with(first, |w| rdf::write_triples_with(triples, prefixes, base, group.syntax, w))?;
    for copy in copies {
        output::copy_atomic(first, copy)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan_of(names: &[&str]) -> Plan {
        let chosen = crate::export::formats::from_names(names).unwrap();
        Plan::new(&chosen, Path::new("out"))
    }

    #[test]
    fn every_format_plans_every_file_once() {
        let plan = plan_of(&FORMATS.iter().map(|f| f.name).collect::<Vec<_>>());
        let rdf: Vec<_> = plan.rdf.iter().map(|r| (r.syntax, r.paths.len())).collect();
        assert_eq!(
            rdf,
            [(RdfSyntax::Turtle, 2), (RdfSyntax::JsonLd, 1), (RdfSyntax::RdfXml, 1), (RdfSyntax::NTriples, 2)]
        );
        let views: Vec<usize> = plan.views.iter().map(|(_, files)| files.len()).collect();
        assert_eq!(views, [4, 3, 3], "neo4j in the full view only");
        assert_eq!(plan.jobs(), 4 + 10 + 2);
        assert!(plan.report.is_some() && plan.extract.is_some());
    }

    #[test]
    fn a_copy_alone_is_written_in_its_own_syntax() {
        let plan = plan_of(&["nquads", "gexf"]);
        assert_eq!(plan.rdf.len(), 1);
        assert_eq!((plan.rdf[0].syntax, &plan.rdf[0].paths), (RdfSyntax::NQuads, &vec![PathBuf::from("out/graph.nq")]));
        let files: Vec<&Path> = plan.views.iter().flat_map(|(_, f)| f.iter().map(|f| f.path.as_path())).collect();
        assert_eq!(files, ["out/full.gexf", "out/people.gexf", "out/topics.gexf"].map(Path::new));
        assert!(plan.report.is_none() && plan.extract.is_none());
    }
}

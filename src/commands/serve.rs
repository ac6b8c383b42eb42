//! `serve`: the graph of the notes (or of `--data`) and every export written into a temporary
//! folder, then served until Ctrl-C (see [`crate::serve`]).

use std::net::{SocketAddr, ToSocketAddrs};

use super::{Settings, build, data_triples, query_limits, read_corpus};
use crate::cli::{ServeArgs, ServeWorkerArgs};
use crate::error::Error;
use crate::export::extract;
use crate::export::formats::{FORMATS, Writer};
use crate::rdf::sparql::QueryLimits;
use crate::rdf::{self, Base, TripleTable};
use crate::serve::pool::WorkerCommand;
use crate::serve::{self, Files, Options, Pool, Site};

/// Seconds a served query may run unless `--timeout` says otherwise.
const SERVE_TIMEOUT: f64 = 30.0;

/// Connections open at once (a thread each); an idle one is closed after 10 s.
const MAX_CONNECTIONS: usize = 1024;

pub(super) fn serve(args: &ServeArgs, settings: &Settings) -> Result<(), Error> {
    let limits = query_limits(&args.limits, Some(SERVE_TIMEOUT))?;
    let bind = addresses(&args.bind)?;
    let base = &settings.base;
    let stopped = serve::catch_stop()?;
    let mut folder = tempfile::Builder::new();
    folder.prefix("confgraph-serve-");
    // (The exports of private notes are for this user only.)
    #[cfg(unix)]
    folder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700));
    let dir =
        folder.tempdir().map_err(|e| run_error(format!("cannot make a temporary folder for the exports: {e}")))?;
    let (summary, from_notes) = if let Some(path) = &args.data {
        let triples = data_triples(path, settings.max_file_bytes)?;
        write_rdf_files(&triples, dir.path(), base)?;
        (format!("{} triples from {}", triples.len(), path.display()), false)
    } else {
        let corpus = read_corpus(&args.notes.select()?, settings)?;
        let triples = build::write_every_format(&corpus, dir.path(), base)?;
        let triples = triples.map(|n| format!(", {n} triples")).unwrap_or_default();
        (format!("{}{triples}", extract::summary(&corpus)), true)
    };
    let files = Files::new(dir.path())?;
    let graph = files.graph_in(rdf::RdfSyntax::NTriples).ok_or_else(|| run_error("no graph was written".into()))?;
    let command = worker_command(&graph, base, limits)?;
    let pool = Pool::start(command, usize::from(args.max_queries))
        .map_err(|e| run_error(format!("cannot start the query workers: {e}")))?;
    let page = serve::page::render(&summary, files.names(), from_notes, base);
    let site = Site { pool, limits, files, page };
    let options = Options { bind, quiet: args.quiet, max_connections: MAX_CONNECTIONS };
    serve::serve(site, &options, &stopped).map_err(|e| run_error(format!("cannot serve at {}: {e}", args.bind)))?;
    // (The folder of exports goes with `dir`, here.)
    Ok(())
}

/// A failure of the run, not of the command line (exit 1).
fn run_error(message: String) -> Error {
    Error::Io(std::io::Error::other(message))
}

/// How to start a query worker on `graph` under `limits`: this program, `serve-worker`.
fn worker_command(graph: &std::path::Path, base: &Base, limits: QueryLimits) -> Result<WorkerCommand, Error> {
    let program = std::env::current_exe().map_err(|e| run_error(format!("cannot find confgraph itself: {e}")))?;
    let mut args: Vec<String> =
        ["--base", base.as_str(), "--max-file-size", &(u64::MAX >> 20).to_string(), "serve-worker", "--data"]
            .map(str::to_owned)
            .into();
    args.push(graph.display().to_string());
    if let Some(timeout) = limits.timeout {
        args.extend(["--timeout".into(), timeout.as_secs_f64().to_string()]);
    }
    if let Some(rows) = limits.max_rows {
        args.extend(["--max-rows".into(), rows.to_string()]);
    }
    if let Some(bytes) = limits.max_memory {
        args.extend(["--max-memory".into(), (bytes >> 20).max(1).to_string()]);
    }
    Ok(WorkerCommand { program, args })
}

/// `serve-worker`: loads the graph, then answers queries on standard input and output.
pub(super) fn worker(args: &ServeWorkerArgs, settings: &Settings) -> Result<(), Error> {
    let limits = query_limits(&args.limits, None)?;
    let store = rdf::store_of(&data_triples(&args.data, settings.max_file_bytes)?).map_err(Error::Store)?;
    end_with_the_server();
    serve::pool::answer_queries(&store, &settings.base, limits, std::io::stdin().lock(), std::io::stdout().lock())?;
    Ok(())
}

/// Ends this worker when the server that started it has gone (even in the middle of a query, which
/// would otherwise run on until its own limit).
fn end_with_the_server() {
    #[cfg(unix)]
    {
        let server = std::os::unix::process::parent_id();
        std::thread::spawn(move || {
            loop {
                std::thread::sleep(std::time::Duration::from_millis(200));
                if std::os::unix::process::parent_id() != server {
                    std::process::exit(0);
                }
            }
        });
    }
}

/// The socket addresses of `--bind`, each checked; a warning for each that is not loopback.
fn addresses(bind: &str) -> Result<Vec<SocketAddr>, Error> {
    let bad =
        |why: String| Error::Usage(format!("--bind {bind}: {why} (give an address and a port, e.g. 127.0.0.1:7878)"));
    let mut found: Vec<SocketAddr> = bind.to_socket_addrs().map_err(|e| bad(e.to_string()))?.collect();
    found.dedup();
    if found.is_empty() {
        return Err(bad("no address".into()));
    }
    if found.iter().any(|a| a.port() == 0) {
        return Err(bad("port 0 would be a port chosen at random, which nobody could find".into()));
    }
    for address in found.iter().filter(|a| !a.ip().to_canonical().is_loopback()) {
        eprintln!(
            "confgraph: warning: listening on {address}, which other machines can reach: anyone there can query the graph and download the notes' exports (no authentication)"
        );
    }
    Ok(found)
}

/// The RDF exports of a graph read with `--data`.
fn write_rdf_files(triples: &TripleTable, dir: &std::path::Path, base: &Base) -> Result<(), Error> {
    for format in FORMATS {
        if let Writer::Rdf(syntax) = format.writer {
            crate::output::write_atomic_with(&format.path_in(dir, ""), |w| {
                rdf::write_triples(triples, base, syntax, w)
            })?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bind_addresses_are_checked() {
        assert_eq!(addresses("127.0.0.1:7878").unwrap(), ["127.0.0.1:7878".parse().unwrap()]);
        for bad in ["7878", "127.0.0.1", "127.0.0.1:99999", "127.0.0.1:0", ""] {
            assert!(matches!(addresses(bad), Err(Error::Usage(_))), "{bad}");
        }
    }
}

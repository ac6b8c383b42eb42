//! `serve`: the graph as a SPARQL 1.1 Protocol endpoint over HTTP, read-only, with a home page,
//! the report, every export and the Graph Store Protocol's read of the whole graph.
//!
//! The HTTP server is oxhttp's (the one Oxigraph's own server runs on): one thread per
//! connection, a bounded number of connections, synchronous handlers. Queries run in a [`Pool`]
//! of worker processes under the same limits as `query` (time, rows, memory; see
//! [`crate::rdf::sparql`]), one query per worker at a time; the others wait for a worker.

pub mod files;
pub mod negotiate;
pub mod page;
pub mod pool;
pub mod protocol;
mod routes;

use std::io::Write;
use std::net::SocketAddr;
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use crate::rdf::sparql::QueryLimits;
pub use files::Files;
pub use pool::Pool;

/// Everything a server answers from.
pub struct Site {
    /// The workers that answer queries.
    pub pool: Arc<Pool>,
    /// The limits every query runs under (the workers hold them too).
    pub limits: QueryLimits,
    /// The exports offered for download (and the graph store's files).
    pub files: Files,
    /// The home page.
    pub page: String,
}

/// How a server listens.
#[derive(Debug, Clone)]
pub struct Options {
    /// The addresses to listen on.
    pub bind: Vec<SocketAddr>,
    /// Log no request on standard error.
    pub quiet: bool,
    /// Connections open at once; more wait to be accepted.
    pub max_connections: usize,
}

/// How long a stopping server waits for the queries still running.
const DRAIN: Duration = Duration::from_secs(5);

/// Catches Ctrl-C and SIGTERM from now on: the receiver hears of them. Called before the slow
/// part of starting (writing the exports), so that a stop asked for then is not lost and the
/// temporary folder still goes.
///
/// # Errors
/// When the signals cannot be caught.
pub fn catch_stop() -> std::io::Result<mpsc::Receiver<()>> {
    let (stop, stopped) = mpsc::channel();
    ctrlc::set_handler(move || {
        let _ = stop.send(());
    })
    .map_err(std::io::Error::other)?;
    Ok(stopped)
}

/// Seconds a connection may stay idle (or a client take to send its request) before it is
/// closed: idle keep-alive connections must not hold the connection slots.
const IDLE: Duration = Duration::from_secs(10);

/// Serves `site` until `stopped` hears of a stop (see [`catch_stop`]), then waits a little for
/// the queries still running and returns.
///
/// # Errors
/// When an address cannot be listened on.
pub fn serve(site: Site, options: &Options, stopped: &mpsc::Receiver<()>) -> std::io::Result<()> {
    if stopped.try_recv().is_ok() {
        return Ok(());
    }
    let site = Arc::new(site);
    let server_site = Arc::clone(&site);
    let quiet = options.quiet;
    let mut server = oxhttp::Server::new(move |request| {
        let started = Instant::now();
        let (method, path) = (request.method().clone(), request.uri().path().to_owned());
        let response = routes::answer(&server_site, request);
        if !quiet {
            let ms = started.elapsed().as_secs_f64() * 1000.0;
            eprintln!("{method} {path} {} {ms:.1} ms", response.status().as_u16());
        }
        response
    })
    .with_global_timeout(IDLE)
    .with_max_concurrent_connections(options.max_connections)
    .with_server_name(concat!("confgraph/", env!("CARGO_PKG_VERSION")))
    .map_err(std::io::Error::other)?;
    for address in &options.bind {
        server = server.bind(*address);
    }
    let _listening = server.spawn()?;
    let urls: Vec<String> = options.bind.iter().map(|a| format!("http://{a}/")).collect();
    println!(
        "confgraph: serving the graph at {} (SPARQL endpoint: {}query); Ctrl-C stops",
        urls.join(" and "),
        urls[0]
    );
    std::io::stdout().flush()?;
    let _ = stopped.recv();
    eprintln!("confgraph: stopping");
    if !site.pool.stop(DRAIN) {
        eprintln!("confgraph: queries still running after {DRAIN:?} are cut off");
    }
    Ok(())
}

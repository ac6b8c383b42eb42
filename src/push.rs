//! `push`: the graph sent to a store that speaks the SPARQL 1.1 Graph Store HTTP Protocol
//! (Oxigraph server, Apache Jena Fuseki, `GraphDB`, Virtuoso), in batches of N-Triples, each
//! retried with backoff.
//!
//! Without `--replace` the batches are sent by `POST` to the target graph (the store merges them). With
//! `--replace` and an update endpoint, they go into a temporary graph that one SPARQL Update
//! `MOVE` then puts in the target's place, so the target is never half-replaced; without an
//! update endpoint the whole graph is sent in one PUT, which the store applies as one operation.

use std::time::{Duration, Instant};

use base64::prelude::{BASE64_STANDARD, Engine as _};
use oxhttp::model::header::{AUTHORIZATION, CONTENT_TYPE};
use oxhttp::model::{Body, Method, Request};

/// Where and how to push.
#[derive(Debug, Clone)]
pub struct Target {
    /// The Graph Store Protocol endpoint (`http://localhost:7878/store`).
    pub endpoint: String,
    /// The graph to load into; `None`: the default graph.
    pub graph: Option<String>,
    /// The SPARQL Update endpoint, for `--replace` (`http://localhost:7878/update`).
    pub update: Option<String>,
    /// Replace the graph rather than add to it.
    pub replace: bool,
    /// Triples per request.
    pub batch: usize,
    /// HTTP Basic credentials, `user:password`.
    pub user: Option<String>,
}

/// What a push did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pushed {
    /// Triples sent.
    pub triples: usize,
    /// Requests that carried them.
    pub requests: usize,
    /// Requests sent again after a failure.
    pub retries: usize,
}

/// Why a push failed: what was being done and what the store (or the network) said.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct PushError(String);

/// How often a failed request is sent again, and the first wait (doubled each time).
const RETRIES: u32 = 4;
const FIRST_WAIT: Duration = Duration::from_millis(if cfg!(test) { 1 } else { 500 });

/// Sends `lines` (N-Triples, one triple per line) to `target`.
///
/// Lines with a blank node all go in one request, so that each blank node stays one node.
///
/// # Errors
/// [`PushError`] naming the request that failed after its retries, with the store's status and
/// text or the connection's error; with `--replace`, the target graph is then as it was.
pub fn push(lines: &[&str], target: &Target) -> Result<Pushed, PushError> {
    let client = oxhttp::Client::new()
        .with_global_timeout(Duration::from_secs(300))
        .with_user_agent(concat!("confgraph/", env!("CARGO_PKG_VERSION")))
        .map_err(|e| PushError(e.to_string()))?;
    let mut pushed = Pushed { triples: lines.len(), requests: 0, retries: 0 };
    let authorization = target.user.as_ref().map(|u| format!("Basic {}", BASE64_STANDARD.encode(u)));
    let mut send = |method: Method, url: &str, media: &str, body: Vec<u8>, what: &str| {
        pushed.requests += 1;
        let request = Outgoing { method, url, media, authorization: authorization.as_deref() };
        send_with_retries(&client, &request, &body, &mut pushed.retries).map_err(|e| PushError(format!("{what}: {e}")))
    };
    match (target.replace, &target.update) {
        // (Nothing to load: the temporary graph would not exist, and a MOVE SILENT of it would
        // leave the old content. One empty PUT empties the graph.)
        (true, Some(_)) if lines.is_empty() => {
            let url = graph_url(&target.endpoint, target.graph.as_deref());
            send(Method::PUT, &url, NTRIPLES, Vec::new(), "PUT of the empty graph")?;
        }
        (true, None) => {
            send(
                Method::PUT,
                &graph_url(&target.endpoint, target.graph.as_deref()),
                NTRIPLES,
                joined(lines),
                "PUT of the graph",
            )?;
        }
        (true, Some(update)) => {
            let temporary = format!("urn:confgraph:push:{}:{}", std::process::id(), unique());
            let loaded = batches(lines, target.batch).enumerate().try_for_each(|(i, batch)| {
                send(
                    Method::POST,
                    &graph_url(&target.endpoint, Some(&temporary)),
                    NTRIPLES,
                    batch,
                    &format!("batch {}", i + 1),
                )
            });
            let into = target.graph.as_ref().map_or_else(|| "DEFAULT".to_owned(), |g| format!("<{g}>"));
            // (SILENT: a MOVE that was applied but answered 5xx, then sent again, is no error.)
            let moved = loaded.and_then(|()| {
                let operation = format!("MOVE SILENT <{temporary}> TO {into}");
                send(Method::POST, update, UPDATE, operation.into_bytes(), "MOVE into the graph")
            });
            if let Err(e) = moved {
                let drop = format!("DROP SILENT GRAPH <{temporary}>");
                let left = match send(Method::POST, update, UPDATE, drop.into_bytes(), "DROP") {
                    Ok(()) => String::new(),
                    Err(d) => format!("; the temporary graph <{temporary}> may remain in the store ({d})"),
                };
                return Err(PushError(format!("{e}; the graph itself was not replaced{left}")));
            }
        }
        (false, _) => {
            let url = graph_url(&target.endpoint, target.graph.as_deref());
            for (i, batch) in batches(lines, target.batch).enumerate() {
                send(
                    Method::POST,
                    &url,
                    NTRIPLES,
                    batch,
                    &format!("batch {} (of triples {}…)", i + 1, i * target.batch + 1),
                )?;
            }
        }
    }
    Ok(pushed)
}

const NTRIPLES: &str = "application/n-triples";
const UPDATE: &str = "application/sparql-update";

/// The Graph Store Protocol URL of a graph: `?graph=IRI`, or `?default`.
#[must_use]
pub fn graph_url(endpoint: &str, graph: Option<&str>) -> String {
    // (An endpoint given as `…/store?default` names the graph itself: that part is replaced.)
    let (path, query) = endpoint.split_once('?').unwrap_or((endpoint, ""));
    let mut params: Vec<&str> =
        query.split('&').filter(|p| !p.is_empty() && *p != "default" && !p.starts_with("graph=")).collect();
    let graph = match graph {
        Some(iri) => format!("graph={}", form_urlencoded::byte_serialize(iri.as_bytes()).collect::<String>()),
        None => "default".to_owned(),
    };
    params.push(&graph);
    format!("{path}?{}", params.join("&"))
}

/// The update endpoint of well-known stores, from their Graph Store endpoint: Oxigraph's
/// `…/store` beside `…/update`, Fuseki's `…/data` beside `…/update`.
#[must_use]
pub fn update_beside(endpoint: &str) -> Option<String> {
    let path = endpoint.split('?').next()?;
    ["/store", "/data"].iter().find_map(|tail| path.strip_suffix(tail)).map(|stem| format!("{stem}/update"))
}

fn joined(lines: &[&str]) -> Vec<u8> {
    let mut body = Vec::with_capacity(lines.iter().map(|l| l.len() + 1).sum());
    for line in lines {
        body.extend_from_slice(line.as_bytes());
        body.push(b'\n');
    }
    body
}

/// The request bodies: triples without blank nodes in batches of `size`, then those with one,
/// all together.
fn batches<'a>(lines: &'a [&'a str], size: usize) -> impl Iterator<Item = Vec<u8>> + 'a {
    let has_blank = |l: &&str| l.starts_with("_:") || l.contains(" _:");
    let (blank, plain): (Vec<&str>, Vec<&str>) = lines.iter().copied().partition(has_blank);
    let plain: Vec<Vec<u8>> = plain.chunks(size.max(1)).map(joined).collect();
    plain.into_iter().chain((!blank.is_empty()).then(|| joined(&blank)))
}

/// A number unlikely to repeat: the time in nanoseconds.
fn unique() -> u128 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos())
}

/// One request to send (its body apart).
struct Outgoing<'a> {
    method: Method,
    url: &'a str,
    media: &'a str,
    authorization: Option<&'a str>,
}

/// Sends one request, again after a connection error, a 5xx or a 429 (waiting 0.5 s, 1 s, 2 s,
/// 4 s); a 4xx is final. The error says the status and the store's text.
fn send_with_retries(
    client: &oxhttp::Client,
    outgoing: &Outgoing<'_>,
    body: &[u8],
    retries: &mut usize,
) -> Result<(), String> {
    let url = outgoing.url;
    let mut wait = FIRST_WAIT;
    for attempt in 0..=RETRIES {
        let mut request =
            Request::builder().method(outgoing.method.clone()).uri(url).header(CONTENT_TYPE, outgoing.media);
        if let Some(authorization) = outgoing.authorization {
            request = request.header(AUTHORIZATION, authorization);
        }
        let request = request.body(Body::from(body.to_vec())).map_err(|e| format!("{url} is not a URL: {e}"))?;
        let failure = match client.request(request) {
            Ok(response) if response.status().is_success() => return Ok(()),
            Ok(response) => {
                let status = response.status();
                let text = response.into_body().to_string().unwrap_or_default();
                let text: String = text.trim().chars().take(500).collect();
                let failure = format!("{url} answered {status}: {text}");
                if status.is_client_error() && status.as_u16() != 429 {
                    return Err(failure);
                }
                failure
            }
            Err(e) if transient(&e) => format!("cannot reach {url}: {e}"),
            // (A TLS failure, a port or URL the client refuses: the same again would fail the same.)
            Err(e) => return Err(format!("cannot reach {url}: {e}")),
        };
        if attempt == RETRIES {
            return Err(format!("{failure} (tried {} times)", RETRIES + 1));
        }
        *retries += 1;
        std::thread::sleep(wait);
        wait *= 2;
    }
    unreachable!("the last attempt returns")
}

/// Whether a connection error may pass if the request is sent again: the store starting,
/// restarting or overloaded.
fn transient(error: &std::io::Error) -> bool {
    use std::io::ErrorKind::{
        BrokenPipe, ConnectionAborted, ConnectionRefused, ConnectionReset, Interrupted, TimedOut, UnexpectedEof,
        WouldBlock,
    };
    matches!(
        error.kind(),
        BrokenPipe
            | ConnectionAborted
            | ConnectionRefused
            | ConnectionReset
            | Interrupted
            | TimedOut
            | UnexpectedEof
            | WouldBlock
    )
}

/// Triples per second, for the summary line.
#[must_use]
pub fn rate(triples: usize, started: Instant) -> f64 {
    triples as f64 / started.elapsed().as_secs_f64().max(1e-9)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    #[test]
    fn graph_urls_and_update_endpoints() {
        assert_eq!(graph_url("http://h/store", None), "http://h/store?default");
        assert_eq!(graph_url("http://h/store?default", Some("urn:t")), "http://h/store?graph=urn%3At");
        assert_eq!(graph_url("http://h/ds?x=1", Some("http://g/a#b")), "http://h/ds?x=1&graph=http%3A%2F%2Fg%2Fa%23b");
        assert_eq!(update_beside("http://h:7878/store").as_deref(), Some("http://h:7878/update"));
        assert_eq!(update_beside("http://h:3030/ds/data?default").as_deref(), Some("http://h:3030/ds/update"));
        assert_eq!(update_beside("http://h:8890/sparql-graph-crud"), None);
    }

    #[test]
    fn blank_nodes_travel_together_and_batches_keep_every_line() {
        let lines = ["<a> <p> <b> .", "_:x <p> <c> .", "<d> <p> <e> .", "<f> <p> _:x .", "<g> <p> \"_:no\" ."];
        let bodies: Vec<String> = batches(&lines, 2).map(|b| String::from_utf8(b).unwrap()).collect();
        assert_eq!(
            bodies,
            ["<a> <p> <b> .\n<d> <p> <e> .\n", "<g> <p> \"_:no\" .\n", "_:x <p> <c> .\n<f> <p> _:x .\n"]
        );
    }

    /// What the store was sent: the URI, the `Authorization` header and the body.
    type Received = (String, String, String);

    /// A store on localhost that fails each request's first attempt with 503, then accepts it,
    /// and records what it was sent.
    fn flaky_store() -> (String, Arc<Mutex<Vec<Received>>>) {
        use oxhttp::model::{Response, StatusCode};
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&seen);
        let attempts = std::sync::atomic::AtomicUsize::new(0);
        let server = oxhttp::Server::new(move |request| {
            let auth = request.headers().get(AUTHORIZATION).map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
            let body = std::mem::take(request.body_mut()).to_string().unwrap();
            if attempts.fetch_add(1, std::sync::atomic::Ordering::SeqCst).is_multiple_of(2) {
                return Response::builder().status(StatusCode::SERVICE_UNAVAILABLE).body(Body::from("busy")).unwrap();
            }
            log.lock().unwrap().push((request.uri().to_string(), auth, body));
            Response::builder().status(StatusCode::NO_CONTENT).body(Body::empty()).unwrap()
        });
        let _ = server.bind(std::net::SocketAddr::from(([127, 0, 0, 1], port))).spawn().unwrap();
        (format!("http://127.0.0.1:{port}/store"), seen)
    }

    #[test]
    fn batches_are_retried_after_a_503_and_carry_the_credentials() {
        let (endpoint, seen) = flaky_store();
        let target = Target {
            endpoint,
            graph: Some("http://g/1".into()),
            update: None,
            replace: false,
            batch: 2,
            user: Some("me:secret".into()),
        };
        let lines = ["<a> <p> <b> .", "<c> <p> <d> .", "<e> <p> <f> ."];
        let pushed = push(&lines, &target).unwrap();
        assert_eq!(pushed, Pushed { triples: 3, requests: 2, retries: 2 });
        let seen = seen.lock().unwrap();
        let bodies: Vec<&str> = seen.iter().map(|(_, _, b)| b.as_str()).collect();
        assert_eq!(bodies, ["<a> <p> <b> .\n<c> <p> <d> .\n", "<e> <p> <f> .\n"]);
        assert!(
            seen.iter()
                .all(|(uri, auth, _)| uri.ends_with("/store?graph=http%3A%2F%2Fg%2F1") && auth == "Basic bWU6c2VjcmV0")
        );
    }

    #[test]
    fn a_store_that_is_not_there_is_named_in_the_error() {
        // (A port that was free a moment ago: nothing listens there.)
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let target = Target {
            endpoint: format!("http://127.0.0.1:{port}/store"),
            graph: None,
            update: None,
            replace: false,
            batch: 10,
            user: Some("me:secret".into()),
        };
        let err = push(&["<a> <p> <b> ."], &target).unwrap_err().to_string();
        assert!(
            err.contains(&format!("cannot reach http://127.0.0.1:{port}/store?default"))
                && err.contains("tried 5 times"),
            "{err}"
        );
    }
}

//! What the server answers at each path: one table of routes, one handler each.

use std::time::Duration;

use oxhttp::model::header::{ACCEPT, ALLOW, CONTENT_LENGTH, CONTENT_TYPE, RETRY_AFTER};
use oxhttp::model::{Body, Method, Request, Response, StatusCode};

use super::Site;
use super::files::media_type;
use super::negotiate::{self, GRAPHS, Offer, SOLUTIONS};
use super::pool::Failure;
use super::protocol::{self, Operation};
use crate::rdf::sparql::{self, ResultsFormat};

/// A handler: the answer to a request at its route.
type Handler = fn(&Site, &mut Request<Body>) -> Response<Body>;

/// One path the server answers, the methods it takes there and what answers.
struct Route {
    /// The path; one ending in `/` takes every path under it.
    path: &'static str,
    methods: &'static [Method],
    handler: Handler,
}

/// Every route, in the order they are tried.
const ROUTES: &[Route] = &[
    Route { path: "/", methods: &[Method::GET], handler: home },
    Route { path: "/index.html", methods: &[Method::GET], handler: home },
    Route { path: "/query", methods: &[Method::GET, Method::POST], handler: query },
    Route { path: "/sparql", methods: &[Method::GET, Method::POST], handler: query },
    Route { path: "/report", methods: &[Method::GET], handler: report },
    Route { path: "/store", methods: &[Method::GET], handler: graph_store },
    Route { path: "/exports/", methods: &[Method::GET], handler: export_file },
];

/// The answer to any request: CORS preflights, then the route of its path, with the headers
/// every answer carries.
pub fn answer(site: &Site, request: &mut Request<Body>) -> Response<Body> {
    let path = request.uri().path().to_owned();
    let route = ROUTES
        .iter()
        .find(|r| if r.path.ends_with('/') && r.path.len() > 1 { path.starts_with(r.path) } else { path == r.path });
    let mut response = match route {
        None => text(StatusCode::NOT_FOUND, format!("nothing at {path}; the endpoint is /query, the home page /")),
        Some(_) if request.method() == Method::OPTIONS => preflight(),
        // (HEAD is GET without the body: the same headers, so `curl -I` tells the type.)
        Some(route) if request.method() == Method::HEAD && route.methods.contains(&Method::GET) => {
            *request.method_mut() = Method::GET;
            let mut response = (route.handler)(site, request);
            *response.body_mut() = Body::empty();
            response
        }
        Some(route) if !route.methods.contains(request.method()) => {
            let allowed = route.methods.iter().map(Method::as_str).collect::<Vec<_>>().join(", ");
            let allowed = if route.methods.contains(&Method::GET) { format!("{allowed}, HEAD") } else { allowed };
            let mut r = if path == "/store" {
                text(StatusCode::FORBIDDEN, "the graph store is read-only: GET only".into())
            } else {
                text(StatusCode::METHOD_NOT_ALLOWED, format!("{path} takes {allowed}"))
            };
            r.headers_mut().insert(ALLOW, header(&allowed));
            r
        }
        Some(route) => (route.handler)(site, request),
    };
    let headers = response.headers_mut();
    headers.insert("access-control-allow-origin", header("*"));
    headers.insert("x-content-type-options", header("nosniff"));
    response
}

/// A header value from text known to be valid.
fn header(value: &str) -> oxhttp::model::HeaderValue {
    oxhttp::model::HeaderValue::from_str(value).unwrap_or_else(|_| oxhttp::model::HeaderValue::from_static(""))
}

fn respond(status: StatusCode, media: &str, body: impl Into<Body>) -> Response<Body> {
    let mut response = Response::new(body.into());
    *response.status_mut() = status;
    response.headers_mut().insert(CONTENT_TYPE, header(media));
    response
}

fn text(status: StatusCode, message: String) -> Response<Body> {
    respond(status, "text/plain; charset=utf-8", message + "\n")
}

/// The answer to a CORS preflight: any origin may query, with the headers a SPARQL client sends.
fn preflight() -> Response<Body> {
    let mut response = respond(StatusCode::NO_CONTENT, "text/plain", Body::empty());
    let headers = response.headers_mut();
    headers.insert("access-control-allow-methods", header("GET, POST, OPTIONS"));
    headers.insert("access-control-allow-headers", header("Content-Type, Accept"));
    headers.insert("access-control-max-age", header("86400"));
    response
}

fn home(site: &Site, _: &mut Request<Body>) -> Response<Body> {
    respond(StatusCode::OK, "text/html; charset=utf-8", site.page.clone())
}

fn report(site: &Site, _: &mut Request<Body>) -> Response<Body> {
    match site.files.path("report.html") {
        Some(path) => file(&path, "text/html; charset=utf-8"),
        None => text(StatusCode::NOT_FOUND, "the report is made from notes: serve notes rather than --data".into()),
    }
}

fn export_file(site: &Site, request: &mut Request<Body>) -> Response<Body> {
    let name = request.uri().path().trim_start_matches("/exports/");
    match site.files.path(name) {
        Some(path) => file(&path, media_type(name)),
        None => text(StatusCode::NOT_FOUND, format!("no export {name}; the home page lists them")),
    }
}

/// A file, streamed.
fn file(path: &std::path::Path, media: &str) -> Response<Body> {
    match std::fs::File::open(path) {
        Ok(f) => respond(StatusCode::OK, media, Body::from_read(f)),
        Err(e) => text(StatusCode::INTERNAL_SERVER_ERROR, format!("cannot read {}: {e}", path.display())),
    }
}

/// The Graph Store Protocol's read: `GET /store?default` (or `/store`) gives the whole graph in
/// the syntax asked for; a named graph does not exist.
fn graph_store(site: &Site, request: &mut Request<Body>) -> Response<Body> {
    let params: Vec<(String, String)> =
        form_urlencoded::parse(request.uri().query().unwrap_or("").as_bytes()).into_owned().collect();
    if let Some((_, graph)) = params.iter().find(|(k, _)| k == "graph") {
        return text(
            StatusCode::NOT_FOUND,
            format!("no graph <{graph}>: the store holds the default graph only (?default)"),
        );
    }
    let format = params.iter().find(|(k, _)| k == "format").map(|(_, v)| v.as_str());
    let Some(offer) = negotiate::choose(format, accept(request), GRAPHS) else {
        return not_acceptable(GRAPHS);
    };
    let ResultsFormat::Rdf(syntax) = offer.format else { return not_acceptable(GRAPHS) };
    match site.files.graph_in(syntax) {
        Some(path) => file(&path, offer.media),
        None => text(StatusCode::INTERNAL_SERVER_ERROR, format!("the graph was not written as {}", offer.media)),
    }
}

fn accept(request: &Request<Body>) -> Option<&str> {
    request.headers().get(ACCEPT).and_then(|v| v.to_str().ok())
}

fn not_acceptable(offers: &[Offer]) -> Response<Body> {
    text(StatusCode::NOT_ACCEPTABLE, format!("no acceptable format; this answer can be {}", negotiate::listed(offers)))
}

/// What an update is answered, in any of its forms.
const READ_ONLY: &str = "this endpoint is read-only: SPARQL updates are refused";

/// The SPARQL 1.1 Protocol's query operation, read-only, under the site's limits.
fn query(site: &Site, request: &mut Request<Body>) -> Response<Body> {
    let declared = request.headers().get(CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    if declared.is_some_and(|n| n > protocol::MAX_BODY_BYTES) {
        return text(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the request body is over {} KiB", protocol::MAX_BODY_BYTES >> 10),
        );
    }
    let content_type = request.headers().get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let url_query = request.uri().query().map(str::to_owned);
    let method = request.method().as_str().to_owned();
    let operation = protocol::operation(&method, url_query.as_deref(), content_type.as_deref(), request.body_mut());
    let (text_of_query, format) = match operation {
        Ok(Operation::Query { text, format }) => (text, format),
        Ok(Operation::Update) => {
            return text(StatusCode::FORBIDDEN, READ_ONLY.into());
        }
        Err(refusal) => {
            let status = StatusCode::from_u16(refusal.status).unwrap_or(StatusCode::BAD_REQUEST);
            return text(status, refusal.message);
        }
    };
    let offers = match spargebra::SparqlParser::new().parse_query(&text_of_query) {
        Ok(spargebra::Query::Select { .. } | spargebra::Query::Ask { .. }) => SOLUTIONS,
        Ok(_) => GRAPHS,
        // (An update sent as a query is an update all the same: refused as one.)
        Err(_) if spargebra::SparqlParser::new().parse_update(&text_of_query).is_ok() => {
            return text(StatusCode::FORBIDDEN, READ_ONLY.into());
        }
        Err(e) => {
            let message = sparql::syntax::explain(&text_of_query, &e.to_string());
            return text(StatusCode::BAD_REQUEST, format!("SPARQL syntax error: {message}"));
        }
    };
    let Some(offer) = negotiate::choose(format.as_deref(), accept(request), offers) else {
        return not_acceptable(offers);
    };
    let deadline = site.limits.timeout.unwrap_or(Duration::from_secs(30));
    // (A client waits for a free worker at most as long as a query may run.)
    match site.pool.run(offer.media, &text_of_query, deadline, deadline) {
        Some(Ok(bytes)) => respond(StatusCode::OK, &with_charset(offer.media), bytes),
        Some(Err((failure, message))) => text(failure_status(failure), message),
        None => {
            let mut busy = text(StatusCode::SERVICE_UNAVAILABLE, "every query worker is busy; try again".into());
            busy.headers_mut().insert(RETRY_AFTER, header("1"));
            busy
        }
    }
}

/// Text media types carry their charset.
fn with_charset(media: &str) -> String {
    if media.starts_with("text/") { format!("{media}; charset=utf-8") } else { media.to_owned() }
}

/// The status of a query that gave no answer: the client's fault (400) or the evaluation's (500,
/// the protocol's status for a query the service could not run, limits included).
fn failure_status(failure: Failure) -> StatusCode {
    match failure {
        Failure::Client => StatusCode::BAD_REQUEST,
        Failure::Limit | Failure::Rows | Failure::Engine => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

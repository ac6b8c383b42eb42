//! The SPARQL 1.1 Protocol's query operation read from an HTTP request: the query by GET
//! (`?query=`), by POST of a form (`query=`), or by POST of the query itself
//! (`application/sparql-query`); an update in any of its forms is recognised so that it can be
//! refused as such.

use std::io::Read;

/// At most this many bytes of a request body are read: a query, not a data upload.
pub const MAX_BODY_BYTES: u64 = 1 << 20;

/// What a request asks the endpoint to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Operation {
    /// Answer this query.
    Query {
        /// The query text.
        text: String,
        /// The `format` parameter, when given (it overrides `Accept`).
        format: Option<String>,
    },
    /// Change the graph (refused: the endpoint is read-only).
    Update,
}

/// Why a request is not a query the endpoint can take, with the HTTP status to answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// The status code.
    pub status: u16,
    /// What is wrong, for the client.
    pub message: String,
}

fn refuse(status: u16, message: impl Into<String>) -> Refusal {
    Refusal { status, message: message.into() }
}

/// The operation of a request to the query endpoint.
///
/// `url_query` is the part of the target after `?`; `content_type` is the request's header;
/// `body` is read only for POST.
///
/// # Errors
/// A [`Refusal`]: 400 for a missing, repeated or unreadable query or a dataset in parameters,
/// 405 for another method, 413 for a body over [`MAX_BODY_BYTES`], 415 for another body type.
///
/// # Examples
/// ```
/// use confgraph::serve::protocol::{Operation, operation};
/// let op = operation("GET", Some("query=ASK%20%7B%7D&format=json"), None, std::io::empty()).unwrap();
/// assert_eq!(op, Operation::Query { text: "ASK {}".into(), format: Some("json".into()) });
/// ```
pub fn operation(
    method: &str,
    url_query: Option<&str>,
    content_type: Option<&str>,
    body: impl Read,
) -> Result<Operation, Refusal> {
    let mut params = Params::parse(url_query.unwrap_or("").as_bytes());
    match method {
        "GET" => {}
        "POST" => match essence(content_type).as_deref() {
            Some("application/x-www-form-urlencoded") => params.extend(Params::parse(&read_body(body)?)),
            Some("application/sparql-query") => {
                let text =
                    String::from_utf8(read_body(body)?).map_err(|_| refuse(400, "the query is not UTF-8 text"))?;
                params.query.push(text);
            }
            Some("application/sparql-update") => return Ok(Operation::Update),
            other => {
                return Err(refuse(
                    415,
                    format!(
                        "a query is POSTed as application/x-www-form-urlencoded or application/sparql-query, not {}",
                        other.unwrap_or("a body without Content-Type")
                    ),
                ));
            }
        },
        _ => return Err(refuse(405, "the query endpoint takes GET and POST")),
    }
    params.into_operation()
}

/// The media type of a `Content-Type`, without its parameters, in lower case.
fn essence(content_type: Option<&str>) -> Option<String> {
    content_type.map(|c| c.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
}

fn read_body(body: impl Read) -> Result<Vec<u8>, Refusal> {
    let mut bytes = Vec::new();
    body.take(MAX_BODY_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| refuse(400, format!("cannot read the request body: {e}")))?;
    if bytes.len() as u64 > MAX_BODY_BYTES {
        return Err(refuse(413, format!("the request body is over {} KiB", MAX_BODY_BYTES >> 10)));
    }
    Ok(bytes)
}

/// The protocol's parameters, each as often as it was given.
#[derive(Default)]
struct Params {
    query: Vec<String>,
    update: usize,
    dataset: Vec<String>,
    format: Vec<String>,
}

impl Params {
    fn parse(encoded: &[u8]) -> Self {
        let mut params = Self::default();
        for (key, value) in form_urlencoded::parse(encoded) {
            match &*key {
                "query" => params.query.push(value.into_owned()),
                "update" => params.update += 1,
                "default-graph-uri" | "named-graph-uri" => params.dataset.push(key.into_owned()),
                "format" | "output" => params.format.push(value.into_owned()),
                _ => {}
            }
        }
        params
    }

    fn extend(&mut self, other: Self) {
        self.query.extend(other.query);
        self.update += other.update;
        self.dataset.extend(other.dataset);
        self.format.extend(other.format);
    }

    fn into_operation(mut self) -> Result<Operation, Refusal> {
        if self.update > 0 {
            return Ok(Operation::Update);
        }
        if let Some(key) = self.dataset.first() {
            return Err(refuse(
                400,
                format!("{key} is not taken: the graph is one default graph, which every query reads"),
            ));
        }
        // (SPARQLWrapper sends the same value as `format` and as `output`.)
        self.format.dedup();
        if self.format.len() > 1 {
            return Err(refuse(400, "the format parameter is given twice, with different values"));
        }
        self.query.retain(|q| !q.trim().is_empty());
        match self.query.len() {
            0 => Err(refuse(
                400,
                "no query: give one as ?query=…, a form field `query` or an application/sparql-query body",
            )),
            1 => Ok(Operation::Query { text: self.query.remove(0), format: self.format.pop() }),
            n => Err(refuse(400, format!("the query parameter is given {n} times; give it once"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op(method: &str, url: Option<&str>, ctype: Option<&str>, body: &str) -> Result<Operation, Refusal> {
        operation(method, url, ctype, body.as_bytes())
    }

    fn query(text: &str) -> Operation {
        Operation::Query { text: text.into(), format: None }
    }

    #[test]
    fn the_three_ways_to_send_a_query() {
        assert_eq!(op("GET", Some("query=SELECT+*+%7B%7D"), None, ""), Ok(query("SELECT * {}")));
        let form = Some("application/x-www-form-urlencoded; charset=UTF-8");
        assert_eq!(op("POST", None, form, "query=ASK%7B%7D"), Ok(query("ASK{}")));
        assert_eq!(op("POST", None, Some("application/sparql-query"), "ASK {}"), Ok(query("ASK {}")));
    }

    #[test]
    fn updates_are_recognised_in_each_form() {
        for (url, ctype, body) in [
            (Some("update=CLEAR+ALL"), None, ""),
            (None, Some("application/x-www-form-urlencoded"), "update=CLEAR%20ALL"),
            (None, Some("application/sparql-update"), "CLEAR ALL"),
        ] {
            let method = if ctype.is_some() { "POST" } else { "GET" };
            assert_eq!(op(method, url, ctype, body), Ok(Operation::Update));
        }
    }

    #[test]
    fn requests_that_are_not_one_query_are_refused_with_their_status() {
        let status = |r: Result<Operation, Refusal>| r.unwrap_err().status;
        assert_eq!(status(op("GET", None, None, "")), 400);
        assert_eq!(status(op("GET", Some("query=a&query=b"), None, "")), 400);
        assert_eq!(status(op("GET", Some("query=a&default-graph-uri=http://x"), None, "")), 400);
        assert_eq!(status(op("PUT", Some("query=a"), None, "")), 405);
        assert_eq!(status(op("POST", None, Some("text/plain"), "ASK {}")), 415);
        assert_eq!(status(op("POST", None, Some("application/sparql-query"), &"#".repeat(2 << 20))), 413);
    }
}

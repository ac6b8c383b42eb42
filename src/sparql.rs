//! Answering SPARQL over the graph: SELECT and ASK results as a terminal table or in the four
//! standard result formats, CONSTRUCT and DESCRIBE results in any RDF syntax, with a timeout.

use std::io::Write;
use std::sync::mpsc;
use std::time::Duration;

use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use oxigraph::model::Term;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use thiserror::Error;

use crate::rdf::{Base, RdfSyntax, TripleTable, VOCABULARY_PREFIXES, write_triples};

/// How query results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultsFormat {
    /// A table for the terminal (graph results: Turtle).
    Table,
    /// SPARQL CSV.
    Csv,
    /// SPARQL TSV.
    Tsv,
    /// SPARQL JSON.
    Json,
    /// SPARQL XML.
    Xml,
    /// An RDF syntax, for CONSTRUCT and DESCRIBE.
    Rdf(RdfSyntax),
}

/// Why a query gave no answer.
#[derive(Debug, Error)]
pub enum QueryError {
    /// The query text is not SPARQL; the message has the line and column.
    #[error("SPARQL syntax error: {0}")]
    Syntax(String),
    /// It ran longer than allowed.
    #[error("the query ran longer than {0:?} and was stopped (raise --timeout)")]
    Timeout(Duration),
    /// The format does not fit the kind of result.
    #[error("{0}")]
    Format(String),
    /// Evaluation failed.
    #[error("query evaluation failed: {0}")]
    Evaluation(String),
    /// Writing the results failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

fn evaluation_error(e: QueryEvaluationError, timeout: Option<Duration>) -> QueryError {
    match (e, timeout) {
        (QueryEvaluationError::Cancelled, Some(t)) => QueryError::Timeout(t),
        (e, _) => QueryError::Evaluation(e.to_string()),
    }
}

/// Cancels a token when a duration passes, unless dropped first.
struct Deadline {
    _stop: Option<mpsc::Sender<()>>,
}

impl Deadline {
    fn start(token: &CancellationToken, timeout: Option<Duration>) -> Self {
        let Some(timeout) = timeout else {
            return Self { _stop: None };
        };
        let (tx, rx) = mpsc::channel::<()>();
        let token = token.clone();
        std::thread::spawn(move || {
            if rx.recv_timeout(timeout) == Err(mpsc::RecvTimeoutError::Timeout) {
                token.cancel();
            }
        });
        Self { _stop: Some(tx) }
    }
}

/// The standard results format of a SELECT or ASK, or `None` for the terminal table.
fn tabular_format(format: ResultsFormat, what: &str) -> Result<Option<QueryResultsFormat>, QueryError> {
    Ok(match format {
        ResultsFormat::Table => None,
        ResultsFormat::Rdf(_) => {
            return Err(QueryError::Format(format!("{what}: use --format table, csv, tsv, json or xml")));
        }
        ResultsFormat::Csv => Some(QueryResultsFormat::Csv),
        ResultsFormat::Tsv => Some(QueryResultsFormat::Tsv),
        ResultsFormat::Json => Some(QueryResultsFormat::Json),
        ResultsFormat::Xml => Some(QueryResultsFormat::Xml),
    })
}

/// Runs `query` on `store` and writes its results to `out`.
///
/// # Errors
/// [`QueryError`]: syntax (with position), timeout, a format that does not fit, or I/O.
pub fn run(
    store: &Store,
    query: &str,
    format: ResultsFormat,
    timeout: Option<Duration>,
    base: &Base,
    out: &mut impl Write,
) -> Result<(), QueryError> {
    let token = CancellationToken::new();
    let prepared = SparqlEvaluator::new()
        .with_cancellation_token(token.clone())
        .parse_query(query)
        .map_err(|e| QueryError::Syntax(e.to_string()))?;
    let _deadline = Deadline::start(&token, timeout);
    let results = prepared.on_store(store).execute().map_err(|e| evaluation_error(e, timeout))?;
    match results {
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            let rows: Vec<Vec<Option<Term>>> = solutions
                .map(|s| s.map(|s| variables.iter().map(|v| s.get(v).cloned()).collect()))
                .collect::<Result<_, _>>()
                .map_err(|e| evaluation_error(e, timeout))?;
            let Some(results_format) = tabular_format(format, "SELECT results are a table")? else {
                let names: Vec<String> = variables.iter().map(|v| v.as_str().to_owned()).collect();
                out.write_all(solutions_table(&names, &rows, base).as_bytes())?;
                return Ok(());
            };
            let mut serializer = QueryResultsSerializer::from_format(results_format)
                .serialize_solutions_to_writer(&mut *out, variables.clone())?;
            for row in &rows {
                serializer.serialize(variables.iter().zip(row).filter_map(|(v, t)| t.as_ref().map(|t| (v, t))))?;
            }
            serializer.finish()?;
        }
        QueryResults::Boolean(value) => {
            let Some(results_format) = tabular_format(format, "ASK results are a boolean")? else {
                writeln!(out, "{value}")?;
                return Ok(());
            };
            QueryResultsSerializer::from_format(results_format).serialize_boolean_to_writer(&mut *out, value)?;
        }
        QueryResults::Graph(triples) => {
            let syntax = match format {
                ResultsFormat::Table => RdfSyntax::Turtle,
                ResultsFormat::Rdf(s) => s,
                _ => return Err(QueryError::Format("CONSTRUCT and DESCRIBE results are RDF: use --format table (Turtle), turtle, ntriples, nquads, trig, rdfxml or jsonld".into())),
            };
            let triples: TripleTable = triples.collect::<Result<_, _>>().map_err(|e| evaluation_error(e, timeout))?;
            write_triples(&triples, base, syntax, &mut *out)?;
        }
    }
    Ok(())
}

/// A compact display of a term: IRIs under a known namespace as `prefix:local`, literals as text.
#[must_use]
pub fn display_term(term: &Term, base: &Base) -> String {
    match term {
        Term::NamedNode(n) => {
            let iri = n.as_str();
            for (prefix, ns_iri) in VOCABULARY_PREFIXES {
                if let Some(local) = iri.strip_prefix(ns_iri) {
                    return format!("{prefix}:{local}");
                }
            }
            iri.strip_prefix(base.as_str()).map_or_else(|| iri.to_owned(), str::to_owned)
        }
        Term::Literal(l) => l.value().to_owned(),
        Term::BlankNode(b) => b.to_string(),
    }
}

fn solutions_table(variables: &[String], rows: &[Vec<Option<Term>>], base: &Base) -> String {
    let mut table = Table::new();
    table.load_preset(UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Dynamic).set_header(variables);
    for row in rows {
        table.add_row(row.iter().map(|t| t.as_ref().map(|t| display_term(t, base)).unwrap_or_default()));
    }
    format!("{table}\n{} row{}\n", rows.len(), if rows.len() == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{Literal, NamedNode, Triple};

    fn store() -> Store {
        let s = NamedNode::new_unchecked("https://example.org/confgraph/person/a");
        let p = NamedNode::new_unchecked("https://schema.org/name");
        crate::rdf::store_of(&[Triple::new(s, p, Literal::new_simple_literal("Ana \"Q\" <&>"))].into_iter().collect())
            .unwrap()
    }

    fn answer(query: &str, format: ResultsFormat) -> Result<String, QueryError> {
        let mut out = Vec::new();
        run(&store(), query, format, Some(Duration::from_secs(5)), &Base::default(), &mut out)?;
        Ok(String::from_utf8(out).unwrap())
    }

    #[test]
    fn select_ask_construct() {
        let table = answer("SELECT ?s ?n WHERE { ?s <https://schema.org/name> ?n }", ResultsFormat::Table).unwrap();
        assert!(table.contains("person/a") && table.contains("Ana \"Q\" <&>") && table.ends_with("1 row\n"), "{table}");
        let csv = answer("SELECT ?n WHERE { ?s ?p ?n }", ResultsFormat::Csv).unwrap();
        assert_eq!(csv, "n\r\n\"Ana \"\"Q\"\" <&>\"\r\n");
        assert_eq!(answer("ASK { ?s ?p ?o }", ResultsFormat::Table).unwrap(), "true\n");
        let ttl = answer("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", ResultsFormat::Table).unwrap();
        assert!(ttl.contains("person:a schema:name"), "{ttl}");
    }

    #[test]
    fn tables_show_vocabulary_iris_prefixed_and_data_iris_under_the_base() {
        let shown = |iri: &str, base: &Base| display_term(&NamedNode::new_unchecked(iri).into(), base);
        let base = Base::default();
        for (iri, want) in [
            ("https://schema.org/performer", "schema:performer"),
            ("http://www.w3.org/2004/02/skos/core#prefLabel", "skos:prefLabel"),
            ("http://www.w3.org/ns/prov#wasDerivedFrom", "prov:wasDerivedFrom"),
            ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "rdf:type"),
            ("http://www.w3.org/2001/XMLSchema#gYear", "xsd:gYear"),
            ("https://example.org/confgraph/person/ana", "person/ana"),
            ("https://example.net/elsewhere", "https://example.net/elsewhere"),
        ] {
            assert_eq!(shown(iri, &base), want);
        }
        // Every vocabulary namespace has its own prefix: none is shadowed by another that starts it.
        // And another base is cut off instead of the default one.
        for (prefix, ns_iri) in VOCABULARY_PREFIXES {
            assert_eq!(shown(&format!("{ns_iri}x"), &base), format!("{prefix}:x"));
        }
        let other = Base::new("https://notes.example/kg/").unwrap();
        assert_eq!(shown("https://notes.example/kg/person/ana", &other), "person/ana");
        assert_eq!(
            shown("https://example.org/confgraph/person/ana", &other),
            "https://example.org/confgraph/person/ana"
        );
        assert_eq!(display_term(&Literal::new_simple_literal("Ana").into(), &base), "Ana");
    }

    #[test]
    fn syntax_errors_say_where() {
        let err = answer("SELECT ?s WHERE { ?s ?p }", ResultsFormat::Table).unwrap_err();
        let msg = err.to_string();
        assert!(matches!(err, QueryError::Syntax(_)) && msg.contains("1:"), "{msg}");
    }

    #[test]
    fn formats_must_fit_the_result() {
        assert!(matches!(
            answer("ASK { ?s ?p ?o }", ResultsFormat::Rdf(RdfSyntax::Turtle)),
            Err(QueryError::Format(_))
        ));
        assert!(matches!(answer("CONSTRUCT WHERE { ?s ?p ?o }", ResultsFormat::Csv), Err(QueryError::Format(_))));
    }
}

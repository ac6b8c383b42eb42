//! Answering SPARQL over the graph: SELECT and ASK results as a terminal table or in the four
//! standard result formats, CONSTRUCT and DESCRIBE results in any RDF syntax, within limits of
//! time, rows and memory.

mod guard;
pub mod syntax;

use std::io::Write;
use std::time::Duration;

use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use oxigraph::model::Term;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults, SparqlEvaluator};
use oxigraph::store::Store;

use crate::rdf::{Base, RdfSyntax, TripleTable, VOCABULARY_PREFIXES, write_triples};

/// Why a query gave no answer (defined with the other errors, in [`crate::error`]).
pub use crate::error::QueryError;
pub use guard::QueryLimits;

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

fn evaluation_error(e: QueryEvaluationError, timeout: Option<Duration>) -> QueryError {
    match (e, timeout) {
        (QueryEvaluationError::Cancelled, Some(t)) => QueryError::Timeout(t),
        (e, _) => QueryError::Evaluation(e.to_string()),
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

/// Runs `query` on `store` under `limits` and returns its results written in `format`.
///
/// The limits hold inside the engine's joins, sorts and aggregates (see [`guard`]); a panic in
/// the engine is an error, not a crash.
///
/// # Errors
/// [`QueryError`]: syntax (with position), a limit passed, a format that does not fit, or I/O.
///
/// # Examples
/// ```
/// use confgraph::rdf::Base;
/// use confgraph::rdf::sparql::{QueryLimits, ResultsFormat, run};
/// let store = oxigraph::store::Store::new().unwrap();
/// let answer = run(&store, "ASK { ?s ?p ?o }", ResultsFormat::Table, QueryLimits::DEFAULT, &Base::default());
/// assert_eq!(answer.unwrap(), b"false\n");
/// ```
pub fn run(
    store: &Store,
    query: &str,
    format: ResultsFormat,
    limits: QueryLimits,
    base: &Base,
) -> Result<Vec<u8>, QueryError> {
    let token = CancellationToken::new();
    let prepared = SparqlEvaluator::new()
        .with_cancellation_token(token.clone())
        .parse_query(query)
        .map_err(|e| QueryError::Syntax(syntax::explain(query, &e.to_string())))?;
    // (`FROM <http://…>` over a store of one default graph gives 0 rows without a word.)
    if !prepared.dataset().is_default_dataset() {
        return Err(QueryError::NamedGraphs);
    }
    let (store, base) = (store.clone(), base.clone());
    let worker_token = token.clone();
    guard::guarded(&token, limits, move || {
        let results = prepared.on_store(&store).execute().map_err(|e| evaluation_error(e, limits.timeout))?;
        let mut out = Vec::new();
        write_results(results, format, &Bounds { token: worker_token, limits }, &base, &mut out)?;
        Ok(out)
    })
}

/// What the worker checks while it reads results: the row ceiling and cancellation.
struct Bounds {
    token: CancellationToken,
    limits: QueryLimits,
}

impl Bounds {
    /// Fails once `rows` passes the ceiling or the watcher has cancelled the query.
    fn check(&self, rows: u64) -> Result<(), QueryError> {
        if let Some(max) = self.limits.max_rows
            && rows > max
        {
            return Err(QueryError::TooManyRows(max));
        }
        if self.token.is_cancelled() {
            return Err(evaluation_error(QueryEvaluationError::Cancelled, self.limits.timeout));
        }
        Ok(())
    }

    /// Collects `items`, checking the bounds at each one.
    fn collect<T, C: FromIterator<T>>(
        &self,
        items: impl Iterator<Item = Result<T, QueryEvaluationError>>,
    ) -> Result<C, QueryError> {
        let mut rows = 0;
        items
            .map(|item| {
                rows += 1;
                self.check(rows)?;
                item.map_err(|e| evaluation_error(e, self.limits.timeout))
            })
            .collect()
    }
}

fn write_results(
    results: QueryResults,
    format: ResultsFormat,
    bounds: &Bounds,
    base: &Base,
    out: &mut Vec<u8>,
) -> Result<(), QueryError> {
    match results {
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            let Some(results_format) = tabular_format(format, "SELECT results are a table")? else {
                let rows: Vec<Vec<Option<Term>>> = bounds
                    .collect(solutions.map(|s| s.map(|s| variables.iter().map(|v| s.get(v).cloned()).collect())))?;
                let names: Vec<String> = variables.iter().map(|v| v.as_str().to_owned()).collect();
                out.extend_from_slice(solutions_table(&names, &rows, base).as_bytes());
                return Ok(());
            };
            let mut serializer =
                QueryResultsSerializer::from_format(results_format).serialize_solutions_to_writer(out, variables)?;
            for (rows, solution) in (1..).zip(solutions) {
                bounds.check(rows)?;
                serializer.serialize(&solution.map_err(|e| evaluation_error(e, bounds.limits.timeout))?)?;
            }
            serializer.finish()?;
        }
        QueryResults::Boolean(value) => {
            let Some(results_format) = tabular_format(format, "ASK results are a boolean")? else {
                writeln!(out, "{value}")?;
                return Ok(());
            };
            QueryResultsSerializer::from_format(results_format).serialize_boolean_to_writer(out, value)?;
        }
        QueryResults::Graph(triples) => {
            let syntax = match format {
                ResultsFormat::Table => RdfSyntax::Turtle,
                ResultsFormat::Rdf(s) => s,
                _ => return Err(QueryError::Format("CONSTRUCT and DESCRIBE results are RDF: use --format table (Turtle), turtle, ntriples, nquads, trig, rdfxml or jsonld".into())),
            };
            let triples: TripleTable = bounds.collect(triples)?;
            write_triples(&triples, base, syntax, out)?;
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
        let out = run(&store(), query, format, QueryLimits::DEFAULT, &Base::default())?;
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
        assert!(matches!(err, QueryError::Syntax(_)) && msg.contains("line 1, column 19"), "{msg}");
    }

    #[test]
    fn formats_must_fit_the_result() {
        assert!(matches!(
            answer("ASK { ?s ?p ?o }", ResultsFormat::Rdf(RdfSyntax::Turtle)),
            Err(QueryError::Format(_))
        ));
        assert!(matches!(answer("CONSTRUCT WHERE { ?s ?p ?o }", ResultsFormat::Csv), Err(QueryError::Format(_))));
        assert!(matches!(
            answer("SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }", ResultsFormat::Table),
            Err(QueryError::NamedGraphs)
        ));
    }
}

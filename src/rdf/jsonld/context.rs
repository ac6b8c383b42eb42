//! confgraph's published JSON-LD context (`ontology/context.jsonld`), read once: which term
//! writes which property or class, and how each term's values are coerced.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::{Map, Value};

/// The published context, as shipped in `ontology/context.jsonld`.
pub const SOURCE: &str = include_str!("../../../ontology/context.jsonld");

/// How a term's values are written and read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Coercion {
    /// `"@type": "@id"`: values are IRIs (or blank nodes) written as strings.
    Id,
    /// `"@language"`: values are strings in that language.
    Language(String),
    /// `"@type"` a datatype IRI: values are literals of that datatype.
    Datatype(String),
    /// No coercion: values are plain strings (`xsd:string`).
    Plain,
}

/// One term of the context that names a property.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The term, a key in node objects (`performer`).
    pub name: String,
    /// How its values are coerced.
    pub coercion: Coercion,
    /// `"@container": "@set"`: values are always written as an array.
    pub set: bool,
}

/// The context's terms, indexed by the IRIs they expand to.
#[derive(Debug)]
pub struct Context {
    /// The `@context` object as compact JSON, to embed in documents.
    pub json: String,
    /// Prefixes (name, namespace IRI), longest namespace first.
    pub prefixes: Vec<(String, String)>,
    /// Property terms by property IRI.
    properties: HashMap<String, Vec<Term>>,
    /// Term names by class IRI (simple terms, which may also name a class).
    classes: HashMap<String, String>,
}

impl Context {
    /// The published context.
    ///
    /// # Panics
    /// When `ontology/context.jsonld` is not a context this module reads (a unit test reads it).
    pub fn published() -> &'static Self {
        static CONTEXT: OnceLock<Context> = OnceLock::new();
        CONTEXT.get_or_init(|| Self::parse(SOURCE).expect("ontology/context.jsonld is a valid context"))
    }

    /// Reads a context document `{"@context": {…}}` of prefixes, simple terms and expanded term
    /// definitions (`@id`, `@type`, `@language`, `@container`).
    ///
    /// # Errors
    /// What is not understood, as text.
    pub fn parse(source: &str) -> Result<Self, String> {
        let document: Value = serde_json::from_str(source).map_err(|e| e.to_string())?;
        let Some(Value::Object(entries)) = document.get("@context") else {
            return Err("no `@context` object".into());
        };
        let prefixes = prefixes_of(entries);
        let expand = |value: &str| expand(value, &prefixes);
        let mut context = Self {
            json: serde_json::to_string(&document["@context"]).map_err(|e| e.to_string())?,
            prefixes: prefixes.clone(),
            properties: HashMap::new(),
            classes: HashMap::new(),
        };
        for (name, definition) in entries.iter().filter(|(name, _)| !name.starts_with('@')) {
            match definition {
                Value::String(iri) if is_namespace(iri) => {}
                Value::String(iri) => {
                    let iri = expand(iri);
                    context.classes.insert(iri.clone(), name.clone());
                    context.add(iri, Term { name: name.clone(), coercion: Coercion::Plain, set: false });
                }
                Value::Object(fields) => {
                    let (iri, term) = expanded_term(name, fields, &expand)?;
                    context.add(iri, term);
                }
                other => return Err(format!("term `{name}`: unexpected definition {other}")),
            }
        }
        Ok(context)
    }

    fn add(&mut self, iri: String, term: Term) {
        self.properties.entry(iri).or_default().push(term);
    }

    /// The terms that write property `iri`.
    #[must_use]
    pub fn terms(&self, iri: &str) -> &[Term] {
        self.properties.get(iri).map_or(&[], Vec::as_slice)
    }

    /// The term that names class `iri`, if any.
    #[must_use]
    pub fn class(&self, iri: &str) -> Option<&str> {
        self.classes.get(iri).map(String::as_str)
    }

    /// `iri` as a compact IRI (`schema:name`) when a prefix fits, else `iri` itself.
    #[must_use]
    pub fn compact(&self, iri: &str) -> String {
        for (name, namespace) in &self.prefixes {
            if let Some(local) = iri.strip_prefix(namespace.as_str())
                && !local.is_empty()
                && !local.starts_with("//")
            {
                return format!("{name}:{local}");
            }
        }
        iri.to_owned()
    }
}

/// A namespace IRI: the value of a prefix definition.
fn is_namespace(iri: &str) -> bool {
    iri.contains("://") && (iri.ends_with('#') || iri.ends_with('/'))
}

/// The prefixes of a context, longest namespace first (so the most specific one compacts).
fn prefixes_of(entries: &Map<String, Value>) -> Vec<(String, String)> {
    let mut prefixes: Vec<(String, String)> = entries
        .iter()
        .filter_map(|(name, value)| Some((name.clone(), value.as_str().filter(|iri| is_namespace(iri))?.to_owned())))
        .collect();
    prefixes.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(&b.0)));
    prefixes
}

/// `value` with its prefix expanded (`xsd:integer`), or as it is.
fn expand(value: &str, prefixes: &[(String, String)]) -> String {
    if let Some((prefix, local)) = value.split_once(':')
        && let Some((_, namespace)) = prefixes.iter().find(|(name, _)| name == prefix)
    {
        return format!("{namespace}{local}");
    }
    value.to_owned()
}

/// An expanded term definition: its property IRI and the term.
fn expanded_term(
    name: &str,
    fields: &Map<String, Value>,
    expand: &impl Fn(&str) -> String,
) -> Result<(String, Term), String> {
    let field = |key: &str| fields.get(key).and_then(Value::as_str);
    let iri = field("@id").ok_or_else(|| format!("term `{name}` has no `@id`"))?;
    let coercion = match (field("@type"), field("@language")) {
        (Some("@id"), None) => Coercion::Id,
        (Some(datatype), None) => Coercion::Datatype(expand(datatype)),
        (None, Some(language)) => Coercion::Language(language.to_owned()),
        (None, None) => Coercion::Plain,
        (Some(_), Some(_)) => return Err(format!("term `{name}` has both `@type` and `@language`")),
    };
    let set = match field("@container") {
        None => false,
        Some("@set") => true,
        Some(other) => return Err(format!("term `{name}`: container {other} is not read")),
    };
    Ok((expand(iri), Term { name: name.to_owned(), coercion, set }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_published_context_reads() {
        let context = Context::published();
        let performer = &context.terms("https://schema.org/performer")[0];
        assert_eq!((performer.name.as_str(), &performer.coercion, performer.set), ("performer", &Coercion::Id, true));
        let line = &context.terms("https://w3id.org/confgraph/ontology#line")[0];
        assert_eq!(line.coercion, Coercion::Datatype("http://www.w3.org/2001/XMLSchema#integer".into()));
        let label = &context.terms("http://www.w3.org/2004/02/skos/core#prefLabel")[0];
        assert_eq!(label.coercion, Coercion::Language("en".into()));
        assert_eq!(context.class("https://schema.org/Person"), Some("Person"));
        assert_eq!(
            context.class("https://w3id.org/scholarlydata/ontology/conference-ontology.owl#Conference"),
            Some("Conference")
        );
        assert_eq!(context.compact("https://schema.org/knows"), "schema:knows");
        assert_eq!(context.compact("https://example.org/x"), "https://example.org/x");
    }

    #[test]
    fn the_embedded_context_is_the_file() {
        let file: Value = serde_json::from_str(SOURCE).unwrap();
        let embedded: Value = serde_json::from_str(&Context::published().json).unwrap();
        assert_eq!(embedded, file["@context"]);
    }

    #[test]
    fn contexts_it_cannot_read_are_refused() {
        assert!(Context::parse("{}").is_err());
        assert!(Context::parse(r#"{"@context": {"x": {"@type": "@id"}}}"#).is_err());
        assert!(Context::parse(r#"{"@context": {"x": {"@id": "http://e/x", "@container": "@list"}}}"#).is_err());
    }
}

//! Content negotiation: which of the formats the endpoint writes a client's `Accept` header asks
//! for (RFC 9110 §12.5.1: each offer gets the quality of the most specific range that matches it;
//! the best quality wins, ties go to the first offer), or a `format` parameter names.

use crate::rdf::RdfSyntax;
use crate::rdf::sparql::ResultsFormat;

/// One media type the endpoint can answer with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Offer {
    /// The media type, as the `Content-Type` of the answer says it.
    pub media: &'static str,
    /// Its short names, for the `format` parameter (`?format=csv`); the first is its own.
    pub names: &'static [&'static str],
    /// What writes it.
    pub format: ResultsFormat,
}

const fn offer(media: &'static str, names: &'static [&'static str], format: ResultsFormat) -> Offer {
    Offer { media, names, format }
}

impl Offer {
    /// Its own short name.
    #[must_use]
    pub fn name(&self) -> &'static str {
        self.names[0]
    }
}

/// The answers of SELECT and ASK, the default first.
pub const SOLUTIONS: &[Offer] = &[
    offer("application/sparql-results+json", &["json"], ResultsFormat::Json),
    offer("application/sparql-results+xml", &["xml"], ResultsFormat::Xml),
    offer("text/csv", &["csv"], ResultsFormat::Csv),
    offer("text/tab-separated-values", &["tsv"], ResultsFormat::Tsv),
    offer("application/json", &["json"], ResultsFormat::Json),
    offer("application/xml", &["xml"], ResultsFormat::Xml),
];

/// The answers of CONSTRUCT and DESCRIBE, and of the graph store, the default first.
pub const GRAPHS: &[Offer] = &[
    offer("text/turtle", &["turtle", "ttl"], ResultsFormat::Rdf(RdfSyntax::Turtle)),
    offer("application/n-triples", &["ntriples", "nt"], ResultsFormat::Rdf(RdfSyntax::NTriples)),
    offer("application/ld+json", &["jsonld", "json-ld", "json"], ResultsFormat::Rdf(RdfSyntax::JsonLd)),
    offer("application/rdf+xml", &["rdfxml", "xml", "rdf"], ResultsFormat::Rdf(RdfSyntax::RdfXml)),
    offer("application/n-quads", &["nquads", "nq"], ResultsFormat::Rdf(RdfSyntax::NQuads)),
    offer("application/trig", &["trig"], ResultsFormat::Rdf(RdfSyntax::TriG)),
];

/// The offer a request asks for: the one the `format` parameter names (a short name or a media
/// type) when there is one, else the best the `Accept` header takes; `None` when nothing offered
/// is acceptable. (Clients such as `SPARQLWrapper` send `format=xml` for every query form: a name
/// that fits no offer is passed over, not refused.)
///
/// # Examples
/// ```
/// use confgraph::serve::negotiate::{SOLUTIONS, choose};
/// let pick = |accept| choose(None, Some(accept), SOLUTIONS).map(|o| o.name());
/// assert_eq!(pick("text/csv;q=0.5, application/sparql-results+xml"), Some("xml"));
/// assert_eq!(pick("text/*"), Some("csv"));
/// assert_eq!(pick("image/png"), None);
/// ```
#[must_use]
pub fn choose(format: Option<&str>, accept: Option<&str>, offers: &'static [Offer]) -> Option<&'static Offer> {
    if let Some(wanted) = format.map(|f| f.trim().to_ascii_lowercase())
        && let Some(named) = offers.iter().find(|o| o.names.contains(&wanted.as_str()) || o.media == wanted)
    {
        return Some(named);
    }
    let ranges: Vec<Range<'_>> = accept.map(|a| a.split(',').filter_map(Range::parse).collect()).unwrap_or_default();
    if ranges.is_empty() {
        return offers.first();
    }
    let mut best: Option<(u16, &'static Offer)> = None;
    for offer in offers {
        let Some(q) = quality(offer.media, &ranges).filter(|&q| q > 0) else { continue };
        if best.is_none_or(|(b, _)| q > b) {
            best = Some((q, offer));
        }
    }
    best.map(|(_, o)| o)
}

/// The media types of some offers, for a 406 answer.
#[must_use]
pub fn listed(offers: &[Offer]) -> String {
    let mut media: Vec<&str> = offers.iter().map(|o| o.media).collect();
    media.dedup();
    media.join(", ")
}

/// One media range of an `Accept` header, with its quality in thousandths.
struct Range<'a> {
    kind: &'a str,
    subtype: &'a str,
    q: u16,
}

impl<'a> Range<'a> {
    fn parse(text: &'a str) -> Option<Self> {
        let mut parts = text.split(';');
        let (kind, subtype) = parts.next()?.trim().split_once('/')?;
        let q = parts
            .filter_map(|p| p.split_once('='))
            .find(|(k, _)| k.trim().eq_ignore_ascii_case("q"))
            .map_or(Some(1000), |(_, v)| thousandths(v.trim()))?;
        Some(Self { kind: kind.trim(), subtype: subtype.trim(), q })
    }

    /// How specifically it names `media`: 2 exactly, 1 as `type/*`, 0 as `*/*`; `None`: not at all.
    fn specificity(&self, media: &str) -> Option<u8> {
        let (kind, subtype) = media.split_once('/')?;
        match (self.kind, self.subtype) {
            ("*", "*") => Some(0),
            (k, "*") if k.eq_ignore_ascii_case(kind) => Some(1),
            (k, s) if k.eq_ignore_ascii_case(kind) && s.eq_ignore_ascii_case(subtype) => Some(2),
            _ => None,
        }
    }
}

/// A quality value (`0`, `0.5`, `1.000`) in thousandths; `None` when it is not one.
fn thousandths(value: &str) -> Option<u16> {
    let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let fraction: u16 = format!("{fraction:0<3}").parse().ok()?;
    match whole {
        "0" => Some(fraction),
        "1" if fraction == 0 => Some(1000),
        _ => None,
    }
}

/// The quality the most specific matching range gives `media`.
fn quality(media: &str, ranges: &[Range<'_>]) -> Option<u16> {
    ranges.iter().filter_map(|r| r.specificity(media).map(|s| (s, r.q))).max_by_key(|&(s, _)| s).map(|(_, q)| q)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pick(accept: &str, offers: &'static [Offer]) -> Option<&'static str> {
        choose(None, Some(accept), offers).map(|o| o.media)
    }

    #[test]
    fn the_best_quality_wins_and_ties_go_to_the_first_offer() {
        assert_eq!(pick("*/*", SOLUTIONS), Some("application/sparql-results+json"));
        assert_eq!(pick("", GRAPHS), Some("text/turtle"));
        assert_eq!(pick("text/tab-separated-values, text/csv", SOLUTIONS), Some("text/csv"));
        assert_eq!(
            pick("application/sparql-results+json;q=0.2, */*;q=0.5", SOLUTIONS),
            Some("application/sparql-results+xml")
        );
        assert_eq!(pick("application/n-triples, text/turtle;q=0.9", GRAPHS), Some("application/n-triples"));
        assert_eq!(pick("APPLICATION/LD+JSON", GRAPHS), Some("application/ld+json"));
    }

    #[test]
    fn a_more_specific_range_overrides_a_wider_one() {
        // `text/*` would take CSV, but CSV itself is refused.
        assert_eq!(pick("text/*, text/csv;q=0", SOLUTIONS), Some("text/tab-separated-values"));
        assert_eq!(pick("*/*;q=0", SOLUTIONS), None);
        assert_eq!(pick("text/html", GRAPHS), None);
    }

    #[test]
    fn malformed_ranges_are_ignored() {
        assert_eq!(
            pick("garbage, text/csv;q=2, text/csv;q=0.5555", SOLUTIONS),
            Some("application/sparql-results+json")
        );
        assert_eq!(pick("text/csv;q=0.25", SOLUTIONS), Some("text/csv"));
    }

    #[test]
    fn a_format_parameter_overrides_the_header() {
        let name = |format, accept, offers| choose(Some(format), accept, offers).map(Offer::name);
        assert_eq!(name("TSV", Some("text/csv"), SOLUTIONS), Some("tsv"));
        assert_eq!(name("text/turtle", None, GRAPHS), Some("turtle"));
        assert_eq!(name("xml", None, GRAPHS), Some("rdfxml"));
        // A name that fits no offer leaves the choice to the header.
        assert_eq!(name("turtle", Some("text/csv"), SOLUTIONS), Some("csv"));
    }
}

//! A set of triples held compactly: every distinct term stored once, each triple three indices
//! into the term list, kept in output order (subject; `rdf:type` first; predicate; object) without
//! duplicates.
//!
//! A corpus of 50,000 sessions is over a million triples in which a few hundred thousand terms
//! recur (every predicate, class, person and edition IRI); owned triples would hold each
//! occurrence as its own string. Sorting compares integers: terms are ranked once, by value.

use rustc_hash::FxHashMap as HashMap;

use oxigraph::model::vocab::rdf;
use oxigraph::model::{
    NamedNode, NamedNodeRef, NamedOrBlankNode, NamedOrBlankNodeRef, Term, TermRef, Triple, TripleRef,
};

/// Triples, interned and sorted; built with [`TableBuilder`] or from owned triples.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TripleTable {
    /// Distinct terms in sort order, so comparing indices compares terms.
    terms: Vec<Term>,
    /// Subject, predicate and object as indices into `terms`, sorted, distinct.
    triples: Vec<[u32; 3]>,
}

impl TripleTable {
    /// How many triples.
    #[must_use]
    pub fn len(&self) -> usize {
        self.triples.len()
    }

    /// Whether there is no triple.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.triples.is_empty()
    }

    /// Every distinct term, in sort order (named nodes by IRI, blank nodes, literals by value).
    #[must_use = "an iterator does nothing unless consumed"]
    pub fn terms(&self) -> impl Iterator<Item = TermRef<'_>> {
        self.terms.iter().map(Term::as_ref)
    }

    /// The triples in output order.
    #[must_use = "an iterator does nothing unless consumed"]
    pub fn iter(&self) -> impl ExactSizeIterator<Item = TripleRef<'_>> + '_ {
        self.triples.iter().map(|&[s, p, o]| TripleRef::new(self.subject(s), self.predicate(p), self.term(o)))
    }

    /// The triples as indices into [`TripleTable::terms`], in output order.
    pub(super) fn ids(&self) -> impl Iterator<Item = [u32; 3]> + '_ {
        self.triples.iter().copied()
    }

    /// The triples as indices, each with how it continues the triple before it (Turtle's `;` and
    /// `,`, JSON-LD's node objects and arrays).
    pub(super) fn steps(&self) -> impl Iterator<Item = (Step, [u32; 3])> + '_ {
        let mut previous: Option<[u32; 3]> = None;
        self.triples.iter().map(move |&t| {
            let step = match previous {
                Some([s, p, _]) if s == t[0] && p == t[1] => Step::Object,
                Some([s, ..]) if s == t[0] => Step::Predicate,
                Some(_) => Step::Subject { first: false },
                None => Step::Subject { first: true },
            };
            previous = Some(t);
            (step, t)
        })
    }

    /// The index of `term` in [`TripleTable::terms`], if the table holds it.
    pub(super) fn id_of(&self, term: TermRef<'_>) -> Option<u32> {
        let key = term_key(term);
        self.terms.binary_search_by(|t| term_key(t.as_ref()).cmp(&key)).ok().map(|i| i as u32)
    }

    /// The term with index `id`.
    pub(super) fn term(&self, id: u32) -> TermRef<'_> {
        self.terms[id as usize].as_ref()
    }

    fn subject(&self, id: u32) -> NamedOrBlankNodeRef<'_> {
        match self.term(id) {
            TermRef::NamedNode(n) => n.into(),
            TermRef::BlankNode(b) => b.into(),
            // The builder only takes named or blank nodes as subjects.
            TermRef::Literal(_) => unreachable!("a literal subject in a triple table"),
        }
    }

    fn predicate(&self, id: u32) -> NamedNodeRef<'_> {
        match self.term(id) {
            TermRef::NamedNode(n) => n,
            // The builder only takes named nodes as predicates.
            _ => unreachable!("a predicate that is not an IRI in a triple table"),
        }
    }
}

impl FromIterator<Triple> for TripleTable {
    fn from_iter<I: IntoIterator<Item = Triple>>(triples: I) -> Self {
        let mut builder = TableBuilder::default();
        for t in triples {
            builder.add(t.subject, t.predicate, t.object);
        }
        builder.finish()
    }
}

/// How a triple continues the one before it, in output order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Step {
    /// A new subject (`first`: the first triple of all).
    Subject {
        /// Whether no triple came before.
        first: bool,
    },
    /// The same subject, a new predicate.
    Predicate,
    /// The same subject and predicate: one more object.
    Object,
}

/// Every distinct term of a table rendered one way (N-Triples, Turtle, JSON-LD), in one buffer.
pub(super) struct TermTexts {
    text: String,
    /// Where term `i` ends in `text` (it starts where term `i - 1` ends).
    ends: Vec<usize>,
}

impl TermTexts {
    /// Renders each term of `table` with `render`, which appends to the buffer.
    pub(super) fn new(table: &TripleTable, mut render: impl FnMut(TermRef<'_>, &mut String)) -> Self {
        let mut text = String::new();
        let mut ends = Vec::with_capacity(table.terms.len());
        for term in table.terms() {
            render(term, &mut text);
            ends.push(text.len());
        }
        Self { text, ends }
    }

    /// The text of term `id`.
    pub(super) fn get(&self, id: u32) -> &[u8] {
        let id = id as usize;
        let start = if id == 0 { 0 } else { self.ends[id - 1] };
        &self.text.as_bytes()[start..self.ends[id]]
    }
}

/// Collects triples, interning their terms; [`TableBuilder::finish`] sorts them.
#[derive(Debug, Default)]
pub struct TableBuilder {
    ids: HashMap<Term, u32>,
    triples: Vec<[u32; 3]>,
}

impl TableBuilder {
    fn intern(&mut self, term: Term) -> u32 {
        if let Some(&id) = self.ids.get(&term) {
            return id;
        }
        let id = u32::try_from(self.ids.len()).expect("fewer than 2^32 distinct terms");
        self.ids.insert(term, id);
        id
    }

    /// Adds one triple.
    pub fn add(&mut self, subject: impl Into<NamedOrBlankNode>, predicate: NamedNode, object: impl Into<Term>) {
        let s = self.intern(Term::from(subject.into()));
        let p = self.intern(predicate.into());
        let o = self.intern(object.into());
        self.triples.push([s, p, o]);
    }

    /// The table: terms ranked by value, triples sorted (`rdf:type` first within a subject) and
    /// deduplicated.
    #[must_use]
    pub fn finish(self) -> TripleTable {
        let mut terms: Vec<(Term, u32)> = self.ids.into_iter().collect();
        terms.sort_unstable_by(|(a, _), (b, _)| term_key(a.as_ref()).cmp(&term_key(b.as_ref())));
        let mut rank = vec![0_u32; terms.len()];
        for (new, (_, old)) in terms.iter().enumerate() {
            rank[*old as usize] = new as u32;
        }
        let triples = self.triples.into_iter().map(|[s, p, o]| [rank[s as usize], rank[p as usize], rank[o as usize]]);
        let mut table = TripleTable { terms: terms.into_iter().map(|(t, _)| t).collect(), triples: triples.collect() };
        let type_id = table.id_of(rdf::TYPE.into());
        table.triples.sort_unstable_by_key(|&[s, p, o]| (s, Some(p) != type_id, p, o));
        table.triples.dedup();
        table
    }
}

/// How a term sorts: named nodes by IRI, then blank nodes, then literals by value, datatype and
/// language.
fn term_key(term: TermRef<'_>) -> (u8, &str, &str, &str) {
    match term {
        TermRef::NamedNode(n) => (0, n.as_str(), "", ""),
        TermRef::BlankNode(b) => (1, b.as_str(), "", ""),
        TermRef::Literal(l) => (2, l.value(), l.datatype().as_str(), l.language().unwrap_or_default()),
    }
}

#[cfg(test)]
mod tests {
    use oxigraph::model::{BlankNode, Literal};

    use super::*;

    fn iri(s: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("https://example.org/{s}"))
    }

    #[test]
    fn sorted_by_subject_with_types_first_then_predicate_and_object() {
        let rdf_type = rdf::TYPE.into_owned();
        let mut builder = TableBuilder::default();
        builder.add(iri("b"), iri("name"), Literal::new_simple_literal("B"));
        builder.add(iri("a"), iri("z"), iri("x"));
        builder.add(iri("a"), rdf_type.clone(), iri("Class"));
        builder.add(BlankNode::new_unchecked("n1"), iri("p"), iri("a"));
        builder.add(iri("a"), iri("name"), Literal::new_simple_literal("A2"));
        builder.add(iri("a"), iri("name"), Literal::new_simple_literal("A1"));
        builder.add(iri("a"), iri("name"), Literal::new_simple_literal("A1"));
        assert_eq!(builder.triples.len(), 7);
        let table = builder.finish();
        let lines: Vec<String> = table.iter().map(|t| t.to_string()).collect();
        let (a, b, x) = (iri("a"), iri("b"), iri("x"));
        let (name, class, zed, pred) = (iri("name"), iri("Class"), iri("z"), iri("p"));
        assert_eq!(
            lines,
            [
                format!("{a} {rdf_type} {class}"),
                format!("{a} {name} \"A1\""),
                format!("{a} {name} \"A2\""),
                format!("{a} {zed} {x}"),
                format!("{b} {name} \"B\""),
                format!("_:n1 {pred} {a}"),
            ]
        );
        assert_eq!(table.len(), 6);
    }

    #[test]
    fn owned_triples_round_trip_whatever_their_order() {
        let triples = [
            Triple::new(iri("s2"), iri("p"), Literal::new_language_tagged_literal_unchecked("x", "en")),
            Triple::new(iri("s1"), iri("p"), Literal::new_typed_literal("1", iri("dt"))),
            Triple::new(iri("s1"), iri("p"), Literal::new_simple_literal("1")),
        ];
        let forward: TripleTable = triples.iter().cloned().collect();
        let backward: TripleTable = triples.iter().rev().cloned().collect();
        assert_eq!(forward, backward);
        let back: Vec<Triple> = forward.iter().map(Triple::from).collect();
        assert_eq!(back, [triples[2].clone(), triples[1].clone(), triples[0].clone()]);
        assert!(TripleTable::default().is_empty());
    }
}

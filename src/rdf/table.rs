//! A set of triples held compactly: every distinct term stored once, each triple three indices
//! into the term list, kept in output order (subject; `rdf:type` first; predicate; object) without
//! duplicates.
//!
//! A corpus of 50,000 sessions is over a million triples in which a few hundred thousand terms
//! recur (every predicate, class, person and edition IRI); owned triples would hold each
//! occurrence as its own string. Sorting compares integers: terms are ranked once, by value.

use std::hash::{Hash, Hasher};

use rustc_hash::FxHashMap as HashMap;

use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{BlankNodeRef, LiteralRef, NamedNodeRef, NamedOrBlankNodeRef, Term, TermRef, Triple, TripleRef};

/// Triples, interned and sorted; built with [`TableBuilder`] or from owned triples.
#[derive(Debug, Clone, Default)]
pub struct TripleTable {
    /// The text of every distinct term, one after another.
    text: String,
    /// Distinct terms in sort order (so comparing indices compares terms), as places in `text`.
    terms: Vec<TermEntry>,
    /// Subject, predicate and object as indices into `terms`, sorted, distinct.
    triples: Vec<[u32; 3]>,
}

/// Two tables are equal when they hold the same triples (however their terms' text is laid out).
impl PartialEq for TripleTable {
    fn eq(&self, other: &Self) -> bool {
        self.triples == other.triples && self.terms().eq(other.terms())
    }
}

impl Eq for TripleTable {}

/// What kind of term an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TermKind {
    /// An IRI.
    Named,
    /// A blank node.
    Blank,
    /// A plain string literal.
    Simple,
    /// A literal with a language tag (the tag follows the value).
    Language,
    /// A literal with a datatype other than `xsd:string` (its IRI follows the value).
    Typed,
}

impl TermKind {
    /// An IRI or blank node (what [`TripleTable::nodes_as_is`] flags and [`TermTexts`] renders).
    fn is_node(self) -> bool {
        matches!(self, Self::Named | Self::Blank)
    }
}

/// A term as a place in the table's text: the value, then the language tag or datatype IRI.
#[derive(Debug, Clone, Copy)]
struct TermEntry {
    kind: TermKind,
    start: usize,
    value_len: usize,
    extra_len: usize,
}

impl TermEntry {
    /// The kind, value, and language tag or datatype IRI, in `text`.
    fn parts(self, text: &str) -> (TermKind, &str, &str) {
        let value_end = self.start + self.value_len;
        (self.kind, &text[self.start..value_end], &text[value_end..value_end + self.extra_len])
    }

    /// How the term sorts, read straight off the text.
    fn key(self, text: &str) -> (u8, &str, &str, &str) {
        let (kind, value, extra) = self.parts(text);
        sort_key(kind, value, extra)
    }

    /// The term this entry stands for in `text`. Writers ask for a term at every occurrence, so
    /// the language tag or datatype is sliced only for the literals that have one.
    fn term(self, text: &str) -> TermRef<'_> {
        let value = &text[self.start..self.start + self.value_len];
        let extra = || self.parts(text).2;
        match self.kind {
            TermKind::Named => NamedNodeRef::new_unchecked(value).into(),
            TermKind::Blank => BlankNodeRef::new_unchecked(value).into(),
            TermKind::Simple => LiteralRef::new_simple_literal(value).into(),
            TermKind::Language => LiteralRef::new_language_tagged_literal_unchecked(value, extra()).into(),
            TermKind::Typed => LiteralRef::new_typed_literal(value, NamedNodeRef::new_unchecked(extra())).into(),
        }
    }
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
        self.terms.iter().map(|e| e.term(&self.text))
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
        self.terms.binary_search_by(|e| e.key(&self.text).cmp(&key)).ok().map(|i| i as u32)
    }

    /// The term with index `id`.
    pub(super) fn term(&self, id: u32) -> TermRef<'_> {
        self.terms[id as usize].term(&self.text)
    }

    /// For each term, whether it is an IRI or blank node whose value a syntax writes as it is:
    /// `as_is` tells whether no character of a value needs escaping. Writers copy such values
    /// straight from the table, with no rendered copy of every node.
    pub(super) fn nodes_as_is(&self, mut as_is: impl FnMut(&str) -> bool) -> Vec<bool> {
        self.terms.iter().map(|e| e.kind.is_node() && as_is(e.parts(&self.text).1)).collect()
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
            builder.add(&t.subject, t.predicate.as_ref(), &t.object);
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

/// Every distinct IRI and blank node of a table rendered once, in one buffer: Turtle's, whose
/// prefixed names are worth working out once per term (the other syntaxes copy nodes from the
/// table). Literals are rendered when written: most occur once (titles, abstracts), and keeping
/// them would hold a second copy of the corpus's text.
pub(super) struct TermTexts<'t, F> {
    table: &'t TripleTable,
    render: F,
    text: String,
    /// Where term `i` ends in `text` (it starts where term `i - 1` ends; a literal is empty).
    ends: Vec<usize>,
    /// A literal being written.
    scratch: String,
}

impl<'t, F: Fn(TermRef<'_>, &mut String)> TermTexts<'t, F> {
    /// Renders each IRI and blank node of `table` with `render`, which appends to the buffer.
    pub(super) fn new(table: &'t TripleTable, render: F) -> Self {
        // Room for each node as `<iri>` or `_:id` (a prefixed name is shorter): unless escapes in
        // local names add more, the buffer is not grown by doubling, which would leave up to half
        // of it unused.
        let room = table.terms.iter().filter(|e| e.kind.is_node()).map(|e| e.value_len + 2).sum();
        let mut text = String::with_capacity(room);
        let mut ends = Vec::with_capacity(table.terms.len());
        for entry in &table.terms {
            if entry.kind.is_node() {
                render(entry.term(&table.text), &mut text);
            }
            ends.push(text.len());
        }
        Self { table, render, text, ends, scratch: String::new() }
    }

    /// The text of term `id`, an IRI or blank node.
    pub(super) fn get(&self, id: u32) -> &[u8] {
        let id = id as usize;
        let start = if id == 0 { 0 } else { self.ends[id - 1] };
        &self.text.as_bytes()[start..self.ends[id]]
    }

    /// Writes the text of term `id`, whatever its kind.
    pub(super) fn write(&mut self, id: u32, w: &mut impl std::io::Write) -> std::io::Result<()> {
        if self.table.terms[id as usize].kind.is_node() {
            w.write_all(self.get(id))
        } else {
            self.scratch.clear();
            (self.render)(self.table.term(id), &mut self.scratch);
            w.write_all(self.scratch.as_bytes())
        }
    }
}

/// Collects triples, interning their terms; [`TableBuilder::finish`] sorts them.
///
/// Terms are kept as text in one buffer. Each is found again by a 64-bit hash of its text; the
/// rare term whose hash another term already has is interned in a map of owned terms instead.
#[derive(Debug, Default)]
pub struct TableBuilder {
    text: String,
    terms: Vec<TermEntry>,
    by_hash: HashMap<u64, u32>,
    collided: HashMap<Term, u32>,
    triples: Vec<[u32; 3]>,
}

impl TableBuilder {
    /// A builder with room for about this many triples, terms and bytes of term text. A buffer
    /// that has to grow is copied, and the allocator holds the old copy for a while: at 10 MB of
    /// notes, growing the table this way raised the peak of `build` by several megabytes.
    #[must_use]
    pub fn with_capacity(triples: usize, terms: usize, text: usize) -> Self {
        Self {
            text: String::with_capacity(text),
            terms: Vec::with_capacity(terms),
            by_hash: HashMap::with_capacity_and_hasher(terms, rustc_hash::FxBuildHasher),
            collided: HashMap::default(),
            triples: Vec::with_capacity(triples),
        }
    }

    fn intern(&mut self, term: TermRef<'_>) -> u32 {
        let (kind, value, extra) = parts(term);
        let hash = hash_of(kind, value, extra);
        match self.by_hash.get(&hash) {
            Some(&id) if self.terms[id as usize].parts(&self.text) == (kind, value, extra) => id,
            Some(_) => {
                if let Some(&id) = self.collided.get(&term.into_owned()) {
                    return id;
                }
                let id = self.push(kind, value, extra);
                self.collided.insert(term.into_owned(), id);
                id
            }
            None => {
                let id = self.push(kind, value, extra);
                self.by_hash.insert(hash, id);
                id
            }
        }
    }

    fn push(&mut self, kind: TermKind, value: &str, extra: &str) -> u32 {
        let id = u32::try_from(self.terms.len()).expect("fewer than 2^32 distinct terms");
        let start = self.text.len();
        self.text.push_str(value);
        self.text.push_str(extra);
        self.terms.push(TermEntry { kind, start, value_len: value.len(), extra_len: extra.len() });
        id
    }

    /// Adds one triple.
    pub fn add<'a>(
        &mut self,
        subject: impl Into<NamedOrBlankNodeRef<'a>>,
        predicate: NamedNodeRef<'a>,
        object: impl Into<TermRef<'a>>,
    ) {
        let s = self.intern(subject.into().into());
        let p = self.intern(predicate.into());
        let o = self.intern(object.into());
        self.triples.push([s, p, o]);
    }

    /// The table: terms ranked by value, triples sorted (`rdf:type` first within a subject) and
    /// deduplicated.
    #[must_use]
    pub fn finish(self) -> TripleTable {
        let Self { mut text, terms, triples, by_hash, collided } = self;
        // Freed before the term order, ranks and sorted terms take room of their own.
        drop((by_hash, collided));
        text.shrink_to_fit();
        let mut order: Vec<u32> = (0..terms.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| terms[a as usize].key(&text).cmp(&terms[b as usize].key(&text)));
        let mut rank = vec![0_u32; terms.len()];
        for (new, &old) in order.iter().enumerate() {
            rank[old as usize] = new as u32;
        }
        let sorted = order.iter().map(|&old| terms[old as usize]).collect();
        let triples = triples.into_iter().map(|[s, p, o]| [rank[s as usize], rank[p as usize], rank[o as usize]]);
        let mut table = TripleTable { text, terms: sorted, triples: triples.collect() };
        let type_id = table.id_of(rdf::TYPE.into());
        table.triples.sort_unstable_by_key(|&[s, p, o]| (s, Some(p) != type_id, p, o));
        table.triples.dedup();
        table.triples.shrink_to_fit();
        table
    }
}

/// The hash a term is found again by.
fn hash_of(kind: TermKind, value: &str, extra: &str) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    (kind as u8, value, extra).hash(&mut h);
    h.finish()
}

/// A term's kind, value, and language tag or datatype IRI (empty for the other kinds).
fn parts(term: TermRef<'_>) -> (TermKind, &str, &str) {
    match term {
        TermRef::NamedNode(n) => (TermKind::Named, n.as_str(), ""),
        TermRef::BlankNode(b) => (TermKind::Blank, b.as_str(), ""),
        TermRef::Literal(l) => match l.language() {
            Some(language) => (TermKind::Language, l.value(), language),
            None if l.datatype() == xsd::STRING => (TermKind::Simple, l.value(), ""),
            None => (TermKind::Typed, l.value(), l.datatype().as_str()),
        },
    }
}

/// How a term sorts: named nodes by IRI, then blank nodes, then literals by value, datatype and
/// language. Read off the term itself, not its [`parts`]: the test of [`sort_key`] compares the two.
fn term_key(term: TermRef<'_>) -> (u8, &str, &str, &str) {
    match term {
        TermRef::NamedNode(n) => (0, n.as_str(), "", ""),
        TermRef::BlankNode(b) => (1, b.as_str(), "", ""),
        TermRef::Literal(l) => (2, l.value(), l.datatype().as_str(), l.language().unwrap_or_default()),
    }
}

/// [`term_key`] from a term's [`parts`]: a literal by value, datatype IRI, then language tag.
fn sort_key<'t>(kind: TermKind, value: &'t str, extra: &'t str) -> (u8, &'t str, &'t str, &'t str) {
    match kind {
        TermKind::Named => (0, value, "", ""),
        TermKind::Blank => (1, value, "", ""),
        TermKind::Simple => (2, value, xsd::STRING.as_str(), ""),
        TermKind::Language => (2, value, rdf::LANG_STRING.as_str(), extra),
        TermKind::Typed => (2, value, extra, ""),
    }
}

#[cfg(test)]
mod tests {
    use oxigraph::model::{BlankNode, Literal, NamedNode, NamedOrBlankNode};

    use super::*;

    fn add(builder: &mut TableBuilder, s: impl Into<NamedOrBlankNode>, p: &NamedNode, o: impl Into<Term>) {
        builder.add(&s.into(), p.as_ref(), &o.into());
    }

    fn iri(s: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("https://example.org/{s}"))
    }

    #[test]
    fn sorted_by_subject_with_types_first_then_predicate_and_object() {
        let rdf_type = rdf::TYPE.into_owned();
        let mut builder = TableBuilder::default();
        add(&mut builder, iri("b"), &iri("name"), Literal::new_simple_literal("B"));
        add(&mut builder, iri("a"), &iri("z"), iri("x"));
        add(&mut builder, iri("a"), &rdf_type, iri("Class"));
        add(&mut builder, BlankNode::new_unchecked("n1"), &iri("p"), iri("a"));
        add(&mut builder, iri("a"), &iri("name"), Literal::new_simple_literal("A2"));
        add(&mut builder, iri("a"), &iri("name"), Literal::new_simple_literal("A1"));
        add(&mut builder, iri("a"), &iri("name"), Literal::new_simple_literal("A1"));
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
    fn entries_sort_as_their_terms() {
        // The last three are one value in each kind of literal: datatype and language order them.
        let terms: [Term; 8] = [
            iri("a").into(),
            BlankNode::new_unchecked("b").into(),
            Literal::new_simple_literal("c").into(),
            Literal::new_language_tagged_literal_unchecked("d", "en").into(),
            Literal::new_typed_literal("1", iri("dt")).into(),
            Literal::new_simple_literal("v").into(),
            Literal::new_language_tagged_literal_unchecked("v", "en").into(),
            Literal::new_typed_literal("v", iri("dt")).into(),
        ];
        let mut builder = TableBuilder::default();
        for t in &terms {
            builder.intern(t.as_ref());
        }
        for e in &builder.terms {
            assert_eq!(e.key(&builder.text), term_key(e.term(&builder.text)));
        }
    }

    #[test]
    fn terms_whose_hashes_collide_stay_distinct() {
        let (a, b) = (iri("a"), Literal::new_simple_literal("b"));
        let mut builder = TableBuilder::default();
        add(&mut builder, iri("s"), &iri("p"), a.clone());
        // Make `b` hash like `a`, as if their texts collided.
        let hash = |t: TermRef<'_>| {
            let (kind, value, extra) = parts(t);
            hash_of(kind, value, extra)
        };
        let a_id = builder.by_hash[&hash(a.as_ref().into())];
        builder.by_hash.insert(hash(b.as_ref().into()), a_id);
        add(&mut builder, iri("s"), &iri("p"), b.clone());
        add(&mut builder, iri("s"), &iri("q"), b.clone());
        assert_eq!(builder.collided.len(), 1);
        let table = builder.finish();
        let objects: Vec<Term> = table.iter().map(|t| t.object.into_owned()).collect();
        assert_eq!(objects, [Term::from(a), b.clone().into(), b.into()]);
        assert_eq!(table.terms().count(), 5);
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

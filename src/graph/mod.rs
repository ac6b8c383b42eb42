//! The knowledge graph as a property graph (petgraph): typed nodes (series, edition, session,
//! person, topic, organisation) and typed, weighted edges with the years they span. Every
//! non-RDF export and every analysis reads this one model, through one of three views.
//!
//! Node ids are the RDF IRIs relative to the base (`person/christy-heaton`,
//! `session/pycascades-2025/web-maps-…`), so a row in Gephi and a resource in SPARQL are the same
//! thing. Nodes and edges are added in sorted order, so indexes are stable across runs.

pub mod analyze;

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, BTreeSet};

use petgraph::Directed;
use petgraph::graph::{Graph, NodeIndex};
use rustc_hash::FxHashMap as HashMap;

use crate::affiliation::organisation_of;
use crate::corpus::Corpus;
use crate::ids::{Entity, EntityId, OrganisationId, PersonId, SeriesId};

/// What a node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NodeKind {
    /// A conference series.
    Series,
    /// A yearly edition.
    Edition,
    /// A session.
    Session,
    /// A person.
    Person,
    /// A topic.
    Topic,
    /// An organisation.
    Organisation,
}

impl NodeKind {
    /// Every kind, in display order.
    pub const ALL: [Self; 6] =
        [Self::Series, Self::Edition, Self::Session, Self::Person, Self::Topic, Self::Organisation];

    /// The entity a node of this kind is, whose path is its id.
    #[must_use]
    pub const fn entity(self) -> Entity {
        match self {
            Self::Series => Entity::Series,
            Self::Edition => Entity::Edition,
            Self::Session => Entity::Session,
            Self::Person => Entity::Person,
            Self::Topic => Entity::Topic,
            Self::Organisation => Entity::Organisation,
        }
    }

    /// Lower-case name (the `kind` attribute): the first segment of its nodes' ids.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        self.entity().segment()
    }

    /// Capitalised name (Neo4j label).
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Series => "Series",
            Self::Edition => "Edition",
            Self::Session => "Session",
            Self::Person => "Person",
            Self::Topic => "Topic",
            Self::Organisation => "Organisation",
        }
    }

    /// The colour Gephi shows this kind in (Tableau 10, colour-blind friendly).
    #[must_use]
    pub fn colour(self) -> (u8, u8, u8) {
        match self {
            Self::Series => (78, 121, 167),
            Self::Edition => (242, 142, 43),
            Self::Session => (89, 161, 79),
            Self::Person => (225, 87, 89),
            Self::Topic => (176, 122, 161),
            Self::Organisation => (118, 183, 178),
        }
    }
}

/// What an edge says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EdgeKind {
    /// Edition → series.
    EditionOf,
    /// Session → edition.
    PartOf,
    /// Person → session.
    Presented,
    /// Session → topic.
    About,
    /// Person → organisation.
    AffiliatedWith,
    /// Person → organisation they left.
    FormerlyAffiliatedWith,
    /// Person — person, weight = sessions given together.
    CoSpeaker,
    /// Person — person, weight = editions both spoke at.
    SharedEdition,
    /// Topic — topic, weight = sessions carrying both.
    CoTopic,
    /// Session → session: the same talk given at another edition (stored once per pair, from the
    /// smaller id, so the full view stays a directed graph that every client reads).
    SameTalk,
}

impl EdgeKind {
    /// Lower-case name (the edge `kind` attribute).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::EditionOf => "edition_of",
            Self::PartOf => "part_of",
            Self::Presented => "presented",
            Self::About => "about",
            Self::AffiliatedWith => "affiliated_with",
            Self::FormerlyAffiliatedWith => "formerly_affiliated_with",
            Self::CoSpeaker => "co_speaker",
            Self::SharedEdition => "shared_edition",
            Self::CoTopic => "co_topic",
            Self::SameTalk => "same_talk",
        }
    }

    /// Upper-case name (Neo4j relationship type).
    #[must_use]
    pub fn neo4j_type(self) -> String {
        self.as_str().to_uppercase()
    }

    /// Whether the relation has a direction.
    #[must_use]
    pub fn directed(self) -> bool {
        !matches!(self, Self::CoSpeaker | Self::SharedEdition | Self::CoTopic)
    }
}

/// A node and its attributes.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// IRI path under the base: `person/christy-heaton`.
    pub id: String,
    /// What Gephi shows.
    pub label: String,
    /// Its kind.
    pub kind: NodeKind,
    /// Years it is active in (editions, sessions given, sessions about a topic).
    pub years: Years,
    /// Number of sessions it is linked to (given, held, about).
    pub sessions: u32,
    /// Session kind, for sessions (`talk`, `keynote`, …).
    pub session_kind: Option<&'static str>,
    /// Analysis results, filled by [`analyze`].
    pub metrics: Metrics,
}

/// Network measures of a node within its view.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Metrics {
    /// Number of edges at the node.
    pub degree: u32,
    /// Sum of the weights of those edges.
    pub weighted_degree: f64,
    /// `PageRank` (damping 0.85), summing to 1 over the view.
    pub pagerank: f64,
    /// Connected component, numbered from 0 by first node in id order.
    pub component: u32,
    /// Louvain community, numbered from 0 by first node in id order.
    pub community: u32,
    /// Where the view's `ForceAtlas2` layout ([`crate::layout`]) puts the node.
    pub x: f64,
    /// See [`Metrics::x`].
    pub y: f64,
}

/// The years a node or edge spans: distinct, ascending. Most hold one year, so they are kept in a
/// plain list (a tree set would allocate a node for each).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Years(Vec<u16>);

impl Years {
    /// Adds a year (nothing when it is there already).
    pub fn insert(&mut self, year: u16) {
        if let Err(at) = self.0.binary_search(&year) {
            self.0.insert(at, year);
        }
    }
}

impl std::ops::Deref for Years {
    type Target = [u16];

    fn deref(&self) -> &[u16] {
        &self.0
    }
}

impl Extend<u16> for Years {
    fn extend<I: IntoIterator<Item = u16>>(&mut self, years: I) {
        years.into_iter().for_each(|y| self.insert(y));
    }
}

impl FromIterator<u16> for Years {
    fn from_iter<I: IntoIterator<Item = u16>>(years: I) -> Self {
        let mut all = Self::default();
        all.extend(years);
        all
    }
}

/// An edge and its attributes.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// What it says.
    pub kind: EdgeKind,
    /// Strength (shared sessions, shared editions; 1 for plain relations).
    pub weight: f64,
    /// Years it spans.
    pub years: Years,
}

/// Which part of the graph an export shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// Every node kind and relation.
    Full,
    /// Speakers only, linked by sessions given together (and, if asked, by editions shared).
    People {
        /// Also link people who spoke at the same edition.
        shared_editions: bool,
    },
    /// Topics only, linked by sessions carrying both.
    Topics,
}

/// A view of the knowledge graph, ready to export.
#[derive(Debug, Clone)]
pub struct KnowledgeGraph {
    /// The graph. Undirected relations are stored once, from the smaller id to the larger.
    pub graph: Graph<Node, Edge, Directed>,
}

impl KnowledgeGraph {
    /// Nodes in index order (which is id order).
    pub fn nodes(&self) -> impl Iterator<Item = (NodeIndex, &Node)> {
        self.graph.node_indices().map(move |i| (i, &self.graph[i]))
    }
}

/// Collects nodes and edges, then adds them to petgraph in sorted order (nodes by id, edges by
/// their ends' ids and kind).
///
/// Ids are numbered as they are first seen, so edges are keyed by numbers rather than by two
/// strings each; an id may be seen as an edge's end before (or without) its node.
#[derive(Default)]
struct Assembly {
    /// Id → number.
    numbers: HashMap<String, u32>,
    /// Node of each number, once added.
    nodes: Vec<Option<Node>>,
    /// Every distinct edge, by its ends' numbers and kind, in the order first added; an edge added
    /// again adds its weight and years to it, in the order added.
    edges: Vec<((u32, u32, EdgeKind), Edge)>,
    /// Where each edge is in `edges`.
    edge_at: HashMap<(u32, u32, EdgeKind), usize>,
}

impl Assembly {
    fn number(&mut self, id: &str) -> u32 {
        if let Some(&n) = self.numbers.get(id) {
            return n;
        }
        let n = u32::try_from(self.nodes.len()).expect("fewer than 2^32 node ids");
        self.numbers.insert(id.to_owned(), n);
        self.nodes.push(None);
        n
    }

    fn node(&mut self, id: &str, label: &str, kind: NodeKind) -> &mut Node {
        let n = self.number(id);
        self.nodes[n as usize].get_or_insert_with(|| Node {
            id: id.to_owned(),
            label: crate::text::drop_control_chars(label).into_owned(),
            kind,
            years: Years::default(),
            sessions: 0,
            session_kind: None,
            metrics: Metrics::default(),
        })
    }

    fn existing_node(&mut self, id: &str) -> Option<&mut Node> {
        let n = *self.numbers.get(id)?;
        self.nodes[n as usize].as_mut()
    }

    fn edge(&mut self, from: &str, to: &str, kind: EdgeKind, weight: f64, years: impl IntoIterator<Item = u16>) {
        let (a, b) = if kind.directed() || from <= to { (from, to) } else { (to, from) };
        let key = (self.number(a), self.number(b), kind);
        match self.edge_at.entry(key) {
            Entry::Occupied(at) => {
                let edge = &mut self.edges[*at.get()].1;
                edge.weight += weight;
                edge.years.extend(years);
            }
            Entry::Vacant(at) => {
                at.insert(self.edges.len());
                self.edges.push((key, Edge { kind, weight, years: years.into_iter().collect() }));
            }
        }
    }

    fn finish(self) -> KnowledgeGraph {
        let mut nodes: Vec<(u32, Node)> =
            self.nodes.into_iter().enumerate().filter_map(|(n, node)| Some((n as u32, node?))).collect();
        nodes.sort_unstable_by(|(_, a), (_, b)| a.id.cmp(&b.id));
        // Number → rank in id order (`u32::MAX`: an edge end without a node).
        let mut rank = vec![u32::MAX; self.numbers.len()];
        for (r, (n, _)) in nodes.iter().enumerate() {
            rank[*n as usize] = r as u32;
        }
        drop(self.edge_at);
        let mut edges = self.edges;
        for ((a, b, _), _) in &mut edges {
            (*a, *b) = (rank[*a as usize], rank[*b as usize]);
        }
        edges.retain(|((a, b, _), _)| *a != u32::MAX && *b != u32::MAX);
        // In place: the keys are distinct.
        edges.sort_unstable_by_key(|(key, _)| *key);
        let mut graph = Graph::with_capacity(nodes.len(), edges.len());
        for (_, node) in nodes {
            graph.add_node(node);
        }
        for ((a, b, _), edge) in edges {
            graph.add_edge(NodeIndex::new(a as usize), NodeIndex::new(b as usize), edge);
        }
        KnowledgeGraph { graph }
    }
}

/// Builds one view of the corpus.
#[must_use]
pub fn build(corpus: &Corpus, view: View) -> KnowledgeGraph {
    let mut g = Assembly::default();
    match view {
        View::Full => {
            editions(corpus, &mut g);
            sessions(corpus, &mut g);
            affiliations(corpus, &mut g);
        }
        View::People { shared_editions } => co_speakers(corpus, &mut g, shared_editions),
        View::Topics => co_topics(corpus, &mut g),
    }
    g.finish()
}

/// The year of an edition id.
fn year_of(corpus: &Corpus, id: &str) -> Option<u16> {
    corpus.conference(id).and_then(|c| c.year)
}

/// The name of a person id (the id itself when unknown).
fn name_of<'c>(corpus: &'c Corpus, id: &'c str) -> &'c str {
    corpus.people.by_id(id).map_or(id, |p| p.name.as_str())
}

/// Full view: every series and its editions.
fn editions(corpus: &Corpus, g: &mut Assembly) {
    for c in &corpus.conferences {
        let series = SeriesId::of(&c.series).path();
        let edition = c.id.path();
        g.node(&series, &c.series, NodeKind::Series).years.extend(c.year);
        g.node(&edition, &c.label(), NodeKind::Edition).years.extend(c.year);
        g.edge(&edition, &series, EdgeKind::EditionOf, 1.0, c.year);
    }
}

/// Full view: every session, its edition, topics and speakers.
fn sessions(corpus: &Corpus, g: &mut Assembly) {
    for s in &corpus.sessions {
        let year = year_of(corpus, &s.session.conference);
        let session = s.id.path();
        let edition = s.session.conference.path();
        let node = g.node(&session, &s.session.title, NodeKind::Session);
        node.years.extend(year);
        node.sessions = 1;
        node.session_kind = Some(s.session.kind.as_str());
        g.edge(&session, &edition, EdgeKind::PartOf, 1.0, year);
        for other in s.same_talk_as.iter().filter(|o| s.id < **o) {
            g.edge(&session, &other.path(), EdgeKind::SameTalk, 1.0, year);
        }
        if let Some(n) = g.existing_node(&edition) {
            n.sessions += 1;
        }
        for t in &s.topics {
            let tid = t.topic.path();
            let label = corpus.topics.topic(&t.topic).map_or(&*t.topic, |x| x.label.as_str());
            let node = g.node(&tid, label, NodeKind::Topic);
            node.years.extend(year);
            node.sessions += 1;
            g.edge(&session, &tid, EdgeKind::About, 1.0, year);
        }
        for person in &s.speakers {
            let pid = person.path();
            let p = g.node(&pid, name_of(corpus, person), NodeKind::Person);
            p.years.extend(year);
            p.sessions += 1;
            g.edge(&pid, &session, EdgeKind::Presented, 1.0, year);
        }
    }
}

/// Full view: every person and the organisations they are (or were) with.
fn affiliations(corpus: &Corpus, g: &mut Assembly) {
    for p in &corpus.people.people {
        let pid = p.id.path();
        g.node(&pid, &p.name, NodeKind::Person);
        for (list, kind) in
            [(&p.affiliations, EdgeKind::AffiliatedWith), (&p.former_affiliations, EdgeKind::FormerlyAffiliatedWith)]
        {
            for org in list.iter().filter_map(|a| organisation_of(a)) {
                let oid = OrganisationId::of(&org).path();
                g.node(&oid, &org, NodeKind::Organisation);
                g.edge(&pid, &oid, kind, 1.0, []);
            }
        }
    }
}

/// People view: speakers, joined when they spoke together (and, asked, when at one edition).
fn co_speakers(corpus: &Corpus, g: &mut Assembly, shared_editions: bool) {
    let mut editions_of: BTreeMap<&PersonId, BTreeSet<&str>> = BTreeMap::new();
    for s in &corpus.sessions {
        let year = year_of(corpus, &s.session.conference);
        for person in &s.speakers {
            let p = g.node(&person.path(), name_of(corpus, person), NodeKind::Person);
            p.years.extend(year);
            p.sessions += 1;
            editions_of.entry(person).or_default().insert(s.session.conference.as_str());
        }
        for (i, a) in s.speakers.iter().enumerate() {
            for b in s.speakers.iter().skip(i + 1).filter(|b| *b != a) {
                g.edge(&a.path(), &b.path(), EdgeKind::CoSpeaker, 1.0, year);
            }
        }
    }
    if !shared_editions {
        return;
    }
    let people: Vec<(&&PersonId, &BTreeSet<&str>)> = editions_of.iter().collect();
    for (i, (a, ea)) in people.iter().enumerate() {
        for (b, eb) in people.iter().skip(i + 1) {
            let shared: Vec<u16> = ea.intersection(eb).filter_map(|e| year_of(corpus, e)).collect();
            if !shared.is_empty() {
                let weight = shared.len() as f64;
                g.edge(&a.path(), &b.path(), EdgeKind::SharedEdition, weight, shared);
            }
        }
    }
}

/// Topics view: topics, joined when one session carries both.
fn co_topics(corpus: &Corpus, g: &mut Assembly) {
    for s in &corpus.sessions {
        let year = year_of(corpus, &s.session.conference);
        for t in &s.topics {
            let label = corpus.topics.topic(&t.topic).map_or(&*t.topic, |x| x.label.as_str());
            let node = g.node(&t.topic.path(), label, NodeKind::Topic);
            node.years.extend(year);
            node.sessions += 1;
        }
        for (i, a) in s.topics.iter().enumerate() {
            for b in &s.topics[i + 1..] {
                let (ta, tb) = (a.topic.path(), b.topic.path());
                g.edge(&ta, &tb, EdgeKind::CoTopic, 1.0, year);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Corpus {
        let notes = "# PyOhio 2023\n\n## Talk One\n\nAna Lima and Bo Chen\n\n## Talk Two\n\nAna Lima, Bo Chen and Cy Dee (Acme, formerly Initech)\n\n## Talk Three\n\nCy Dee\n";
        let (record, _) = crate::ingest::read_notes("a.md", notes.as_bytes());
        crate::corpus::assemble(
            vec![crate::ingest::FileResult { file: "a.md".into(), record, diagnostics: vec![], explain: None }],
            vec![],
        )
    }

    #[test]
    fn full_view_links_everything_with_ids_from_iris() {
        let g = build(&corpus(), View::Full);
        let ids: Vec<&str> = g.nodes().map(|(_, n)| n.id.as_str()).collect();
        assert_eq!(
            ids,
            vec![
                "edition/pyohio-2023",
                "organisation/acme",
                "organisation/initech",
                "person/ana-lima",
                "person/bo-chen",
                "person/cy-dee",
                "series/pyohio",
                "session/pyohio-2023/talk-one",
                "session/pyohio-2023/talk-three",
                "session/pyohio-2023/talk-two",
            ]
        );
        let edition = &g.graph[NodeIndex::new(0)];
        assert_eq!((edition.sessions, edition.years.iter().copied().collect::<Vec<_>>()), (3, vec![2023]));
        // 1 edition_of + 3 part_of + 6 presented + 2 affiliations
        assert_eq!(g.graph.edge_count(), 12);
    }

    #[test]
    fn people_view_weights_shared_sessions() {
        let g = build(&corpus(), View::People { shared_editions: false });
        assert_eq!(g.graph.node_count(), 3);
        let weights: Vec<(String, String, f64)> = g
            .graph
            .edge_indices()
            .map(|e| {
                let (a, b) = g.graph.edge_endpoints(e).unwrap();
                (g.graph[a].id.clone(), g.graph[b].id.clone(), g.graph[e].weight)
            })
            .collect();
        assert_eq!(
            weights,
            vec![
                ("person/ana-lima".into(), "person/bo-chen".into(), 2.0),
                ("person/ana-lima".into(), "person/cy-dee".into(), 1.0),
                ("person/bo-chen".into(), "person/cy-dee".into(), 1.0),
            ]
        );
        let with_editions = build(&corpus(), View::People { shared_editions: true });
        assert_eq!(with_editions.graph.edge_count(), 6);
    }
}

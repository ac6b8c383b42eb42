//! confgraph turns conference notes (Markdown talk notes, plain-text schedules, narrative recap
//! posts) into one knowledge graph of conference series, editions, sessions, people and topics.
//!
//! Data flows one way: [`ingest`] reads files into records, [`corpus`] merges them and
//! [`resolve`] groups name mentions into people; [`rdf`] turns the corpus into triples that
//! [`sparql`] answers questions on; the views ([`extract`]) only render. [`run`] is the whole
//! program behind `main`, dispatching to [`commands`].

pub mod affiliation;
pub mod cli;
pub mod commands;
pub mod corpus;
pub mod diagnostic;
pub mod error;
pub mod export;
pub mod graph;
pub mod ids;
pub mod ingest;
pub mod layout;
pub mod model;
pub mod output;
pub mod progress;
pub mod push;
pub mod queries;
pub mod rdf;
pub mod report;
pub mod resolve;
pub mod serve;
pub mod synthetic;
pub mod text;
pub mod topics;

pub use commands::{Settings, read_corpus, run};

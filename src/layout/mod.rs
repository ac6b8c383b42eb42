//! Where every node of a view stands: a deterministic `ForceAtlas2` layout, so Gephi and Gephi Lite
//! open the exports drawn rather than as a random cloud.
//!
//! Written here from the description in Jacomy, Venturini, Heymann and Bastian (2014),
//! "`ForceAtlas2`, a Continuous Graph Layout Algorithm" (the `forceatlas2` crate is AGPL-3.0,
//! which this MIT/Apache project cannot take): degree-weighted repulsion `kr (deg+1)(deg+1) / d`,
//! linear or lin-log attraction with edge weight influence, normal or strong gravity, the paper's
//! adaptive speed (global swinging and traction, jitter tolerance), and a Barnes–Hut quadtree
//! for large graphs. Two additions make it usable without interactive tuning on big graphs: a
//! multilevel start ([`Settings::multilevel`]) and a gravity balanced for the graph
//! ([`Settings::relative_gravity`]). The result is centred on 0 and scaled to
//! [`Settings::extent`].
//!
//! Owns the layout only; `PageRank` and communities are [`crate::graph::analyze`]'s.
//!
//! Everything is single-threaded and deterministic: the same input gives bit-identical positions
//! on every run, whatever the thread count. Start positions come from a fixed hash (splitmix64)
//! of the node index; no hash-map order is relied upon. Only IEEE-exact operations (`+ - * /`,
//! `sqrt`) are used, except `ln_1p` in lin-log mode and `powf` for an edge weight influence other
//! than 0 or 1.
//!
//! Edges are cleaned the same way everywhere: self-loops, edges whose ends are `>= nodes` and
//! weights that are not finite and positive are ignored, and duplicate edges (either direction)
//! are merged into one whose weight is the sum of theirs.

mod edges;
mod force;
mod hash;
mod multilevel;
mod quadtree;
mod sim;
#[cfg(test)]
#[allow(clippy::float_cmp, clippy::cast_lossless, clippy::inconsistent_struct_constructor)] // exact bits are the point
mod tests;

pub use force::{Settings, force_atlas2, force_atlas2_from};

/// An undirected weighted graph given as a node count and edges `(a, b, weight)`, with `a != b`
/// and `weight > 0`; nodes are numbered `0..nodes`.
#[derive(Clone, Copy, Debug)]
pub struct Input<'a> {
    /// Number of nodes; node ids are `0..nodes`.
    pub nodes: usize,
    /// Undirected edges `(a, b, weight)`.
    pub edges: &'a [(u32, u32, f64)],
}

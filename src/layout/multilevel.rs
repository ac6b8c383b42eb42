//! Multilevel start for large graphs.
//!
//! Force-directed layouts untangle big graphs slowly from a random start. The
//! graph is therefore coarsened repeatedly (pairs of neighbours are merged,
//! then leftovers join a neighbouring pair), the coarsest graph is laid out
//! from the hashed start, and each finer level starts from its coarser
//! parent's positions. Every level runs the same `ForceAtlas2` forces, with
//! masses and edge weights summed when nodes are merged, so all levels have
//! about the same equilibrium scale.

use super::Input;
use super::edges::{Graph, merge_duplicates};
use super::hash::{splitmix64, unit_pair};

/// Stop coarsening at or below this many nodes.
pub(crate) const COARSEST_NODES: usize = 500;
/// Stop coarsening when a step keeps more than this fraction of the nodes.
const MIN_SHRINK: f64 = 0.8;
/// At most this many levels below the input graph.
const MAX_LEVELS: usize = 40;

/// A graph as the simulation sees it: node masses and unique edges
/// `(a, b, w)`, `a < b`, weights already raised to the edge weight influence.
pub(crate) struct Network {
    pub(crate) mass: Vec<f64>,
    pub(crate) edges: Vec<(u32, u32, f64)>,
}

impl Network {
    pub(crate) fn len(&self) -> usize {
        self.mass.len()
    }
}

/// The coarsening hierarchy: `nets[0]` is the input graph, `parents[l][i]`
/// is the node of `nets[l + 1]` that node `i` of `nets[l]` was merged into.
pub(crate) struct Hierarchy {
    pub(crate) nets: Vec<Network>,
    pub(crate) parents: Vec<Vec<u32>>,
}

/// Coarsens `fine` until it is small or stops shrinking.
pub(crate) fn hierarchy(fine: Network) -> Hierarchy {
    let mut h = Hierarchy { nets: vec![fine], parents: Vec::new() };
    while h.parents.len() < MAX_LEVELS {
        let last = &h.nets[h.nets.len() - 1];
        if last.len() <= COARSEST_NODES {
            break;
        }
        let Some((parent, coarse)) = coarsen(last) else {
            break;
        };
        h.parents.push(parent);
        h.nets.push(coarse);
    }
    h
}

/// One coarsening step, or `None` if it would not shrink the graph enough.
fn coarsen(net: &Network) -> Option<(Vec<u32>, Network)> {
    let n = net.len();
    let graph = Graph::from_input(&Input { nodes: n, edges: &net.edges });
    let group = group_nodes(&graph, &net.mass);
    let count = group.iter().map(|&g| g as usize + 1).max().unwrap_or(0);
    if count as f64 > MIN_SHRINK * n as f64 {
        return None;
    }
    let mut mass = vec![0.0; count];
    for (i, &g) in group.iter().enumerate() {
        mass[g as usize] += net.mass[i];
    }
    let mut edges: Vec<(u32, u32, f64)> = net
        .edges
        .iter()
        .filter_map(|&(a, b, w)| {
            let (ga, gb) = (group[a as usize], group[b as usize]);
            (ga != gb).then_some(if ga < gb { (ga, gb, w) } else { (gb, ga, w) })
        })
        .collect();
    edges.sort_by_key(|&(a, b, _)| (a, b));
    let edges = merge_duplicates(edges);
    Some((group, Network { mass, edges }))
}

/// Assigns every node to a group of the coarser level (dense ids).
///
/// Nodes are visited lightest first (ties by index). An unassigned node is
/// paired with the unassigned neighbour of largest `w / (m_u m_v)`; nodes
/// left over then join the group of their neighbour of largest `w / m_v`,
/// and nodes without edges are paired in index order.
fn group_nodes(graph: &Graph, mass: &[f64]) -> Vec<u32> {
    const NONE: u32 = u32::MAX;
    let n = graph.len();
    let mut order: Vec<u32> = (0..n as u32).collect();
    order.sort_by(|&a, &b| mass[a as usize].total_cmp(&mass[b as usize]).then(a.cmp(&b)));
    let mut group = vec![NONE; n];
    let mut count = 0u32;
    for &u in &order {
        let u = u as usize;
        if group[u] != NONE {
            continue;
        }
        let partner = best_neighbor(graph, u, |v| group[v] == NONE, |v, w| w / (mass[u] * mass[v]));
        if let Some(v) = partner {
            group[u] = count;
            group[v] = count;
            count += 1;
        }
    }
    let mut lone: Option<usize> = None;
    for u in 0..n {
        if group[u] != NONE {
            continue;
        }
        if let Some(v) = best_neighbor(graph, u, |v| group[v] != NONE, |v, w| w / mass[v]) {
            group[u] = group[v];
        } else if let Some(l) = lone.take() {
            group[u] = group[l];
        } else {
            group[u] = count;
            count += 1;
            if graph.degree(u) == 0 {
                lone = Some(u);
            }
        }
    }
    group
}

/// The neighbour `v` of `u` allowed by `ok` with the largest `score(v, w)`,
/// ties going to the lower index.
fn best_neighbor(
    graph: &Graph,
    u: usize,
    ok: impl Fn(usize) -> bool,
    score: impl Fn(usize, f64) -> f64,
) -> Option<usize> {
    let (targets, weights) = graph.neighbors(u);
    let mut best: Option<(usize, f64)> = None;
    for (&v, &w) in targets.iter().zip(weights) {
        let v = v as usize;
        if !ok(v) {
            continue;
        }
        let s = score(v, w);
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((v, s));
        }
    }
    best.map(|(v, _)| v)
}

/// Starting positions of a finer level: each node at its parent's position
/// plus a fixed pseudo-random offset of length up to `spread`.
pub(crate) fn prolong(coarse: &[[f64; 2]], parent: &[u32], spread: f64, level: usize) -> Vec<[f64; 2]> {
    let salt = splitmix64(level as u64 ^ 0xC0A2_5E00);
    parent
        .iter()
        .enumerate()
        .map(|(i, &p)| {
            let (x, y) = unit_pair(splitmix64(i as u64 ^ salt));
            let c = coarse[p as usize];
            [c[0] + spread * x, c[1] + spread * y]
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // exact values are the point
mod tests {
    use super::*;

    fn star_and_isolated() -> Network {
        // Node 0 is a hub of 1..=20; 21..=40 are isolated.
        Network {
            mass: (0..41)
                .map(|i| match i {
                    0 => 21.0,
                    1..=20 => 2.0,
                    _ => 1.0,
                })
                .collect(),
            edges: (1..=20).map(|i| (0, i, 1.0)).collect(),
        }
    }

    #[test]
    fn coarsening_merges_stars_and_isolated_nodes() {
        let net = star_and_isolated();
        let (parent, coarse) = coarsen(&net).expect("should shrink");
        // The whole star becomes one node; isolated nodes are paired.
        assert!(parent[1..=20].iter().all(|&p| p == parent[0]));
        assert_eq!(coarse.len(), 1 + 10);
        let total: f64 = coarse.mass.iter().sum();
        assert_eq!(total, net.mass.iter().sum::<f64>());
        assert!(coarse.edges.is_empty());
    }

    #[test]
    fn hierarchy_of_a_path_shrinks() {
        let n = 5000u32;
        let net = Network { mass: vec![2.0; n as usize], edges: (0..n - 1).map(|i| (i, i + 1, 1.0)).collect() };
        let h = hierarchy(net);
        assert!(h.nets.last().unwrap().len() <= COARSEST_NODES);
        for (l, parent) in h.parents.iter().enumerate() {
            assert_eq!(parent.len(), h.nets[l].len());
            assert!(parent.iter().all(|&p| (p as usize) < h.nets[l + 1].len()));
        }
    }
}

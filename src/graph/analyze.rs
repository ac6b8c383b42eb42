//! Network measures stored on every node of a view, so Gephi users get them without running
//! statistics: degree, weighted degree, `PageRank`, connected component and Louvain community;
//! and the node's position from the view's layout ([`crate::layout`]).
//!
//! Every measure treats the view as undirected and weighted (each edge once, both ways). All loops
//! run in node-index order (which is id order), so results are identical across runs.

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use crate::graph::KnowledgeGraph;

/// An undirected weighted adjacency list: `(neighbour, weight)` per node, in index order.
fn adjacency(kg: &KnowledgeGraph) -> Vec<Vec<(usize, f64)>> {
    let mut adj = vec![Vec::new(); kg.graph.node_count()];
    for e in kg.graph.edge_references() {
        let (a, b, w) = (e.source().index(), e.target().index(), e.weight().weight);
        adj[a].push((b, w));
        if a != b {
            adj[b].push((a, w));
        }
    }
    adj
}

/// Fills [`crate::graph::Metrics`] on every node: the measures, and the layout's positions.
pub fn annotate(kg: &mut KnowledgeGraph) {
    let adj = adjacency(kg);
    let edges: Vec<(u32, u32, f64)> = kg
        .graph
        .edge_references()
        .map(|e| (e.source().index() as u32, e.target().index() as u32, e.weight().weight))
        .collect();
    let input = crate::layout::Input { nodes: adj.len(), edges: &edges };
    let (((pagerank, components), communities), positions) = rayon::join(
        || rayon::join(|| (pagerank(&adj, 0.85, 1e-12, 1000), components(&adj)), || louvain(&adj)),
        || crate::layout::force_atlas2(&input, &crate::layout::Settings::for_size(input.nodes)),
    );
    for (i, neighbours) in adj.iter().enumerate() {
        let m = &mut kg.graph[NodeIndex::new(i)].metrics;
        m.degree = neighbours.len() as u32;
        m.weighted_degree = neighbours.iter().map(|(_, w)| w).sum();
        m.pagerank = pagerank[i];
        m.component = components[i];
        m.community = communities[i];
        // (Rounded to a hundredth: the files stay short, and no reader needs more.)
        (m.x, m.y) = ((positions[i].0 * 100.0).round() / 100.0, (positions[i].1 * 100.0).round() / 100.0);
    }
}

/// `PageRank` by power iteration in O(V + E) per step, as networkx computes it: weights split a
/// node's rank among its neighbours, nodes without edges spread theirs evenly.
#[must_use]
pub fn pagerank(adj: &[Vec<(usize, f64)>], damping: f64, tolerance: f64, max_iterations: usize) -> Vec<f64> {
    let n = adj.len();
    if n == 0 {
        return Vec::new();
    }
    let nf = n as f64;
    let out_weight: Vec<f64> = adj.iter().map(|ns| ns.iter().map(|(_, w)| w).sum()).collect();
    let mut rank = vec![1.0 / nf; n];
    let mut next = vec![0.0; n];
    for _ in 0..max_iterations {
        let dangling: f64 = (0..n).filter(|&i| out_weight[i] == 0.0).map(|i| rank[i]).sum();
        let base = (1.0 - damping) / nf + damping * dangling / nf;
        next.fill(base);
        for (u, neighbours) in adj.iter().enumerate() {
            if out_weight[u] > 0.0 {
                let share = damping * rank[u] / out_weight[u];
                for &(v, w) in neighbours {
                    next[v] += share * w;
                }
            }
        }
        let change: f64 = rank.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut rank, &mut next);
        if change < nf * tolerance {
            break;
        }
    }
    rank
}

/// Connected components, numbered from 0 in order of each component's first node.
#[must_use]
pub fn components(adj: &[Vec<(usize, f64)>]) -> Vec<u32> {
    let mut component = vec![u32::MAX; adj.len()];
    let mut next = 0;
    let mut stack = Vec::new();
    for start in 0..adj.len() {
        if component[start] != u32::MAX {
            continue;
        }
        component[start] = next;
        stack.push(start);
        while let Some(u) = stack.pop() {
            for &(v, _) in &adj[u] {
                if component[v] == u32::MAX {
                    component[v] = next;
                    stack.push(v);
                }
            }
        }
        next += 1;
    }
    component
}

/// Newman's modularity of a partition (resolution 1), for checking communities.
#[must_use]
pub fn modularity(adj: &[Vec<(usize, f64)>], community: &[u32]) -> f64 {
    let two_m: f64 = adj.iter().flatten().map(|(_, w)| w).sum();
    if two_m == 0.0 {
        return 0.0;
    }
    let groups = community.iter().copied().max().map_or(0, |m| m as usize + 1);
    let mut internal = vec![0.0; groups];
    let mut total = vec![0.0; groups];
    for (u, neighbours) in adj.iter().enumerate() {
        for &(v, w) in neighbours {
            total[community[u] as usize] += w;
            if community[u] == community[v] {
                internal[community[u] as usize] += w;
            }
        }
    }
    (0..groups).map(|c| internal[c] / two_m - (total[c] / two_m).powi(2)).sum()
}

/// One level of the Louvain graph: adjacency without self-loops, plus each node's self-loop weight.
struct Level {
    adj: Vec<Vec<(usize, f64)>>,
    self_loop: Vec<f64>,
}

/// Louvain communities (Blondel et al.), nodes visited in index order, ties kept in the current
/// community, then the lowest community id. Numbered from 0 by each community's first node.
#[must_use]
pub fn louvain(adj: &[Vec<(usize, f64)>]) -> Vec<u32> {
    let n = adj.len();
    let mut membership: Vec<usize> = (0..n).collect();
    let mut level = Level { adj: adj.to_vec(), self_loop: vec![0.0; n] };
    let two_m: f64 = adj.iter().flatten().map(|(_, w)| w).sum();
    if two_m == 0.0 {
        return renumber(&membership);
    }
    loop {
        let (community, moved) = local_moves(&level, two_m);
        if !moved {
            break;
        }
        let ids = renumber(&community);
        for m in &mut membership {
            *m = ids[*m] as usize;
        }
        level = aggregate(&level, &ids);
    }
    renumber(&membership)
}

/// Phase one: move nodes to the neighbouring community with the best modularity gain.
fn local_moves(level: &Level, two_m: f64) -> (Vec<usize>, bool) {
    let n = level.adj.len();
    let degree: Vec<f64> =
        (0..n).map(|i| level.adj[i].iter().map(|(_, w)| w).sum::<f64>() + 2.0 * level.self_loop[i]).collect();
    let mut community: Vec<usize> = (0..n).collect();
    let mut total: Vec<f64> = degree.clone();
    let mut moved_any = false;
    let mut weight_to: Vec<f64> = vec![0.0; n];
    let mut touched: Vec<usize> = Vec::new();
    loop {
        let mut moved = false;
        for i in 0..n {
            let current = community[i];
            for &(j, w) in &level.adj[i] {
                let c = community[j];
                if weight_to[c] == 0.0 {
                    touched.push(c);
                }
                weight_to[c] += w;
            }
            total[current] -= degree[i];
            let gain = |c: usize, w_in: f64| w_in - total[c] * degree[i] / two_m;
            let mut best = current;
            let mut best_gain = gain(current, weight_to[current]);
            touched.sort_unstable();
            for &c in &touched {
                let g = gain(c, weight_to[c]);
                if g > best_gain + 1e-12 {
                    best = c;
                    best_gain = g;
                }
            }
            total[best] += degree[i];
            if best != current {
                community[i] = best;
                moved = true;
                moved_any = true;
            }
            for c in touched.drain(..) {
                weight_to[c] = 0.0;
            }
        }
        if !moved {
            break;
        }
    }
    (community, moved_any)
}

/// Phase two: one node per community, edge weights summed, internal weight as self-loops.
fn aggregate(level: &Level, ids: &[u32]) -> Level {
    let groups = ids.iter().copied().max().map_or(0, |m| m as usize + 1);
    let mut weights: Vec<std::collections::BTreeMap<usize, f64>> = vec![std::collections::BTreeMap::new(); groups];
    let mut self_loop = vec![0.0; groups];
    for (u, neighbours) in level.adj.iter().enumerate() {
        let cu = ids[u] as usize;
        self_loop[cu] += level.self_loop[u];
        for &(v, w) in neighbours {
            let cv = ids[v] as usize;
            if cu == cv {
                // Each internal edge is seen from both ends.
                self_loop[cu] += w / 2.0;
            } else {
                *weights[cu].entry(cv).or_default() += w;
            }
        }
    }
    Level { adj: weights.into_iter().map(|m| m.into_iter().collect()).collect(), self_loop }
}

/// Community labels renumbered 0.. in order of first appearance.
fn renumber(labels: &[usize]) -> Vec<u32> {
    let mut map: std::collections::BTreeMap<usize, u32> = std::collections::BTreeMap::new();
    labels
        .iter()
        .map(|l| {
            let next = map.len() as u32;
            *map.entry(*l).or_insert(next)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn undirected(n: usize, edges: &[(usize, usize, f64)]) -> Vec<Vec<(usize, f64)>> {
        let mut adj = vec![Vec::new(); n];
        for &(a, b, w) in edges {
            adj[a].push((b, w));
            adj[b].push((a, w));
        }
        adj
    }

    #[test]
    fn pagerank_sums_to_one_and_favours_hubs() {
        let adj = undirected(5, &[(0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0), (3, 4, 1.0)]);
        let pr = pagerank(&adj, 0.85, 1e-12, 1000);
        assert!((pr.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        assert!(pr[0] > pr[3] && pr[3] > pr[1]);
        // An isolated node gets (1-d)/n plus its share of dangling rank.
        let lone = pagerank(&[vec![], vec![]], 0.85, 1e-12, 1000);
        assert!((lone[0] - 0.5).abs() < 1e-12);
    }

    #[test]
    fn two_cliques_are_two_communities() {
        let mut edges = Vec::new();
        for (a, b) in [(0, 1), (0, 2), (1, 2), (3, 4), (3, 5), (4, 5)] {
            edges.push((a, b, 1.0));
        }
        edges.push((2, 3, 0.1));
        let adj = undirected(6, &edges);
        let c = louvain(&adj);
        assert_eq!(c, vec![0, 0, 0, 1, 1, 1]);
        assert!(modularity(&adj, &c) > 0.45);
        assert_eq!(components(&adj), vec![0; 6]);
        assert_eq!(components(&undirected(3, &[(1, 2, 1.0)])), vec![0, 1, 1]);
    }
}

//! Cleaned, compressed adjacency (CSR) built from an [`Input`].

use super::Input;

/// Symmetric compressed sparse rows. Each undirected edge appears in both
/// end points' rows; rows are sorted by neighbour id and free of duplicates
/// and self-loops.
pub(crate) struct Graph {
    offsets: Vec<usize>,
    targets: Vec<u32>,
    weights: Vec<f64>,
    /// Unique undirected edges `(a, b, w)` with `a < b`, sorted by `(a, b)`.
    edges: Vec<(u32, u32, f64)>,
}

impl Graph {
    /// Cleans the input edges (see the crate docs) and builds the rows.
    pub(crate) fn from_input(input: &Input) -> Self {
        let n = input.nodes;
        let mut list: Vec<(u32, u32, f64)> = input
            .edges
            .iter()
            .filter(|&&(a, b, w)| a != b && (a as usize) < n && (b as usize) < n && w.is_finite() && w > 0.0)
            .map(|&(a, b, w)| if a < b { (a, b, w) } else { (b, a, w) })
            .collect();
        // Stable sort: duplicates keep input order, so their sum is well defined.
        list.sort_by_key(|&(a, b, _)| (a, b));
        let edges = merge_duplicates(list);

        let mut counts = vec![0usize; n + 1];
        for &(a, b, _) in &edges {
            counts[a as usize + 1] += 1;
            counts[b as usize + 1] += 1;
        }
        for i in 0..n {
            counts[i + 1] += counts[i];
        }
        let offsets = counts;
        let mut fill = offsets.clone();
        let mut targets = vec![0u32; 2 * edges.len()];
        let mut weights = vec![0.0f64; 2 * edges.len()];
        // Edges are sorted by (a, b): row r first receives its neighbours
        // a < r in increasing order, then its neighbours b > r in increasing
        // order, so every row comes out sorted.
        for &(a, b, w) in &edges {
            for (from, to) in [(a, b), (b, a)] {
                let slot = &mut fill[from as usize];
                targets[*slot] = to;
                weights[*slot] = w;
                *slot += 1;
            }
        }
        Graph { offsets, targets, weights, edges }
    }

    /// Number of nodes.
    pub(crate) fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    /// Neighbour ids and edge weights of node `i`.
    pub(crate) fn neighbors(&self, i: usize) -> (&[u32], &[f64]) {
        let (lo, hi) = (self.offsets[i], self.offsets[i + 1]);
        (&self.targets[lo..hi], &self.weights[lo..hi])
    }

    /// Number of distinct neighbours of node `i`.
    pub(crate) fn degree(&self, i: usize) -> usize {
        self.offsets[i + 1] - self.offsets[i]
    }

    /// Sum of the weights of the edges at node `i`.
    #[cfg(test)]
    pub(crate) fn strength(&self, i: usize) -> f64 {
        self.neighbors(i).1.iter().sum()
    }

    /// Unique undirected edges `(a, b, w)` with `a < b`.
    pub(crate) fn edges(&self) -> &[(u32, u32, f64)] {
        &self.edges
    }
}

/// Merges runs of equal `(a, b)` in a sorted list by summing their weights.
pub(crate) fn merge_duplicates(list: Vec<(u32, u32, f64)>) -> Vec<(u32, u32, f64)> {
    let mut out: Vec<(u32, u32, f64)> = Vec::with_capacity(list.len());
    for (a, b, w) in list {
        match out.last_mut() {
            Some(run) if run.0 == a && run.1 == b => run.2 += w,
            _ => out.push((a, b, w)),
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // exact values are the point
mod tests {
    use super::*;

    #[test]
    fn cleans_and_merges() {
        let edges = [(0, 1, 1.0), (1, 0, 2.0), (2, 2, 1.0), (0, 9, 1.0), (1, 2, -1.0), (1, 2, f64::NAN), (2, 1, 0.5)];
        let g = Graph::from_input(&Input { nodes: 4, edges: &edges });
        assert_eq!(g.len(), 4);
        assert_eq!(g.edges(), &[(0, 1, 3.0), (1, 2, 0.5)]);
        assert_eq!(g.neighbors(1), (&[0u32, 2][..], &[3.0, 0.5][..]));
        assert_eq!(g.degree(3), 0);
        assert_eq!(g.strength(1), 3.5);
    }
}

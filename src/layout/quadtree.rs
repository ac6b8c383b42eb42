//! A Barnes–Hut quadtree for the degree-weighted `1/d` repulsion.
//!
//! Bodies are sorted along a Morton (Z-order) curve of their quantised
//! positions; ties are broken by node id, so the tree depends only on the
//! positions. Cells are stored in depth-first pre-order together with the
//! index of the cell that follows their subtree, which makes the per-body walk
//! a simple loop without a stack. A cell is a leaf exactly when its successor
//! is the next cell in the array.

use super::sim::{MIN_DIST, pair_repulsion};

const MIN_DIST2: f64 = MIN_DIST * MIN_DIST;

/// Quantisation depth: positions are mapped to a `2^30 x 2^30` grid.
const MAX_DEPTH: u32 = 30;
/// Cells with at most this many bodies are not split further.
const LEAF_SIZE: usize = 16;

#[derive(Clone, Copy)]
struct Body {
    x: f64,
    y: f64,
    mass: f64,
    id: u32,
}

#[derive(Clone, Copy)]
struct Cell {
    /// Centre of mass.
    x: f64,
    y: f64,
    /// Total mass.
    mass: f64,
    /// Squared side length of the square cell.
    width2: f64,
    /// Index of the first cell after this cell's subtree.
    next: u32,
    /// Range of bodies (in Morton order) inside the cell.
    start: u32,
    end: u32,
}

/// A quadtree over the current node positions.
pub(crate) struct QuadTree {
    bodies: Vec<Body>,
    codes: Vec<u64>,
    cells: Vec<Cell>,
}

/// Spreads the low 30 bits of `v` to the even bit positions of a `u64`.
fn spread_bits(v: u32) -> u64 {
    let mut x = u64::from(v) & 0x3FFF_FFFF;
    x = (x | (x << 16)) & 0x0000_FFFF_0000_FFFF;
    x = (x | (x << 8)) & 0x00FF_00FF_00FF_00FF;
    x = (x | (x << 4)) & 0x0F0F_0F0F_0F0F_0F0F;
    x = (x | (x << 2)) & 0x3333_3333_3333_3333;
    x = (x | (x << 1)) & 0x5555_5555_5555_5555;
    x
}

/// Lower-left corner and side length of a square holding every position.
fn bounds(pos: &[[f64; 2]]) -> (f64, f64, f64) {
    let (mut x0, mut y0) = (f64::INFINITY, f64::INFINITY);
    let (mut x1, mut y1) = (f64::NEG_INFINITY, f64::NEG_INFINITY);
    for p in pos {
        x0 = x0.min(p[0]);
        y0 = y0.min(p[1]);
        x1 = x1.max(p[0]);
        y1 = y1.max(p[1]);
    }
    let side = (x1 - x0).max(y1 - y0);
    if !side.is_finite() || side <= 0.0 {
        let (x0, y0) = if x0.is_finite() && y0.is_finite() { (x0, y0) } else { (0.0, 0.0) };
        return (x0, y0, 1.0);
    }
    (x0, y0, side)
}

impl QuadTree {
    /// Builds the tree for bodies at `pos` with masses `mass`.
    pub(crate) fn build(pos: &[[f64; 2]], mass: &[f64]) -> Self {
        let (x0, y0, side) = bounds(pos);
        let scale = ((1u64 << MAX_DEPTH) - 1) as f64 / side;
        let mut keyed: Vec<(u64, u32)> = pos
            .iter()
            .enumerate()
            .map(|(i, p)| {
                // `as u32` saturates, so rounding at the edges cannot overflow; the offsets from
                // the lower bounds are never negative.
                #[allow(clippy::cast_sign_loss)]
                let qx = ((p[0] - x0) * scale) as u32;
                #[allow(clippy::cast_sign_loss)]
                let qy = ((p[1] - y0) * scale) as u32;
                (spread_bits(qx) | (spread_bits(qy) << 1), i as u32)
            })
            .collect();
        // Keys are unique (they contain the id), so any sort gives one order.
        keyed.sort_unstable();
        let bodies = keyed
            .iter()
            .map(|&(_, id)| {
                let p = pos[id as usize];
                Body { x: p[0], y: p[1], mass: mass[id as usize], id }
            })
            .collect();
        let codes = keyed.iter().map(|&(code, _)| code).collect();
        let mut tree = QuadTree { bodies, codes, cells: Vec::with_capacity(pos.len() / 2 + 1) };
        if !pos.is_empty() {
            tree.build_cell(0, pos.len(), 0, side);
        }
        tree
    }

    /// Appends the cell for bodies `lo..hi` at `depth` and its subtree.
    /// Returns the index of the new cell.
    fn build_cell(&mut self, lo: usize, hi: usize, depth: u32, side: f64) -> usize {
        let idx = self.cells.len();
        self.cells.push(Cell {
            x: 0.0,
            y: 0.0,
            mass: 0.0,
            width2: side * side,
            next: 0,
            start: lo as u32,
            end: hi as u32,
        });
        let (mut m, mut mx, mut my) = (0.0, 0.0, 0.0);
        if hi - lo <= LEAF_SIZE || depth >= MAX_DEPTH {
            for b in &self.bodies[lo..hi] {
                m += b.mass;
                mx += b.mass * b.x;
                my += b.mass * b.y;
            }
        } else {
            let shift = 2 * (MAX_DEPTH - 1 - depth);
            let mut start = lo;
            for quadrant in 0..4u64 {
                let end = lo + self.codes[lo..hi].partition_point(|c| (c >> shift) & 3 <= quadrant);
                if end > start {
                    let child = self.build_cell(start, end, depth + 1, side * 0.5);
                    let c = self.cells[child];
                    m += c.mass;
                    mx += c.mass * c.x;
                    my += c.mass * c.y;
                }
                start = end;
            }
        }
        let next = self.cells.len() as u32;
        let cell = &mut self.cells[idx];
        cell.mass = m;
        cell.x = mx / m;
        cell.y = my / m;
        cell.next = next;
        idx
    }

    /// Adds the approximate repulsion `kr * m_i * m_j / d` on every body to
    /// `force`.
    ///
    /// The tree is walked once per leaf (a group of at most `LEAF_SIZE`
    /// bodies). A cell is used as a whole for the group when it does not
    /// overlap the group and `side / distance < theta`, the distance being
    /// measured from the cell's centre of mass to the nearest point of the
    /// group's bounding box (so the test holds for every body of the group).
    /// Bodies of opened leaves interact one by one.
    pub(crate) fn add_repulsion(&self, kr: f64, theta: f64, force: &mut [[f64; 2]]) {
        let mut lists = Interactions::default();
        // A zero, negative or NaN theta opens every cell: exact repulsion.
        let theta2 = if theta > 0.0 { theta * theta } else { 0.0 };
        for (c, leaf) in self.cells.iter().enumerate() {
            if leaf.next as usize != c + 1 {
                continue;
            }
            let (lo, hi) = (leaf.start as usize, leaf.end as usize);
            self.collect(lo, hi, theta2, &mut lists);
            for b in &self.bodies[lo..hi] {
                let (fx, fy) = lists.far_sum(b.x, b.y);
                let (gx, gy) = self.near_sum(b, &lists.near);
                let k = kr * b.mass;
                let f = &mut force[b.id as usize];
                f[0] += k * (fx + gx);
                f[1] += k * (fy + gy);
            }
        }
    }

    /// Fills `lists` with the cells accepted for the group of bodies
    /// `lo..hi` and the body ranges of the leaves that had to be opened.
    fn collect(&self, lo: usize, hi: usize, theta2: f64, lists: &mut Interactions) {
        lists.clear();
        let (mut x0, mut y0) = (f64::INFINITY, f64::INFINITY);
        let (mut x1, mut y1) = (f64::NEG_INFINITY, f64::NEG_INFINITY);
        for b in &self.bodies[lo..hi] {
            x0 = x0.min(b.x);
            y0 = y0.min(b.y);
            x1 = x1.max(b.x);
            y1 = y1.max(b.y);
        }
        let mut c = 0usize;
        while c < self.cells.len() {
            let cell = &self.cells[c];
            let next = cell.next as usize;
            let overlaps = (cell.start as usize) < hi && lo < cell.end as usize;
            if !overlaps {
                let dx = (x0 - cell.x).max(cell.x - x1).max(0.0);
                let dy = (y0 - cell.y).max(cell.y - y1).max(0.0);
                if cell.width2 < theta2 * (dx * dx + dy * dy) {
                    lists.push_far(cell);
                    c = next;
                    continue;
                }
            }
            if next == c + 1 {
                lists.near.push((cell.start, cell.end));
            }
            c = if next == c + 1 { next } else { c + 1 };
        }
    }

    /// Exact repulsion on `b` from the bodies in the `near` ranges.
    fn near_sum(&self, b: &Body, near: &[(u32, u32)]) -> (f64, f64) {
        let (mut fx, mut fy) = (0.0, 0.0);
        for &(s, e) in near {
            for o in &self.bodies[s as usize..e as usize] {
                if o.id != b.id {
                    let (dx, dy) = (b.x - o.x, b.y - o.y);
                    let (gx, gy) = pair_repulsion(dx, dy, dx * dx + dy * dy, b.id, o.id);
                    fx += o.mass * gx;
                    fy += o.mass * gy;
                }
            }
        }
        (fx, fy)
    }
}

/// Interaction lists of one group: accepted cells (as structure of arrays)
/// and body ranges of opened leaves.
#[derive(Default)]
struct Interactions {
    x: Vec<f64>,
    y: Vec<f64>,
    mass: Vec<f64>,
    near: Vec<(u32, u32)>,
}

impl Interactions {
    fn clear(&mut self) {
        self.x.clear();
        self.y.clear();
        self.mass.clear();
        self.near.clear();
    }

    fn push_far(&mut self, cell: &Cell) {
        self.x.push(cell.x);
        self.y.push(cell.y);
        self.mass.push(cell.mass);
    }

    /// `Σ m_j (p - p_j) / max(d^2, MIN_DIST^2)` over the accepted cells, in
    /// four interleaved partial sums that are added in a fixed order.
    fn far_sum(&self, px: f64, py: f64) -> (f64, f64) {
        const LANES: usize = 4;
        let (mut sx, mut sy) = ([0.0f64; LANES], [0.0f64; LANES]);
        let n = self.x.len() / LANES * LANES;
        let chunks = self.x[..n]
            .chunks_exact(LANES)
            .zip(self.y[..n].chunks_exact(LANES))
            .zip(self.mass[..n].chunks_exact(LANES));
        for ((xs, ys), ms) in chunks {
            for l in 0..LANES {
                let (dx, dy) = (px - xs[l], py - ys[l]);
                let k = ms[l] / (dx * dx + dy * dy).max(MIN_DIST2);
                sx[l] += dx * k;
                sy[l] += dy * k;
            }
        }
        for j in n..self.x.len() {
            let (dx, dy) = (px - self.x[j], py - self.y[j]);
            let k = self.mass[j] / (dx * dx + dy * dy).max(MIN_DIST2);
            sx[0] += dx * k;
            sy[0] += dy * k;
        }
        ((sx[0] + sx[1]) + (sx[2] + sx[3]), (sy[0] + sy[1]) + (sy[2] + sy[3]))
    }
}

#[cfg(test)]
mod tests {
    use super::super::hash::{splitmix64, unit_pair};
    use super::*;

    fn exact(pos: &[[f64; 2]], mass: &[f64]) -> Vec<[f64; 2]> {
        let mut f = vec![[0.0; 2]; pos.len()];
        for i in 0..pos.len() {
            for j in 0..pos.len() {
                if i != j {
                    let (dx, dy) = (pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]);
                    let (gx, gy) = pair_repulsion(dx, dy, dx * dx + dy * dy, i as u32, j as u32);
                    f[i][0] += mass[i] * mass[j] * gx;
                    f[i][1] += mass[i] * mass[j] * gy;
                }
            }
        }
        f
    }

    #[test]
    fn theta_zero_matches_exact() {
        let n = 300;
        let pos: Vec<[f64; 2]> = (0..n)
            .map(|i| {
                let (x, y) = unit_pair(splitmix64(i));
                [x * 100.0, y * 100.0]
            })
            .collect();
        let mass: Vec<f64> = (0..n).map(|i| 1.0 + (i % 5) as f64).collect();
        let tree = QuadTree::build(&pos, &mass);
        let mut f = vec![[0.0; 2]; n as usize];
        tree.add_repulsion(1.0, 0.0, &mut f);
        let e = exact(&pos, &mass);
        for (a, b) in f.iter().zip(&e) {
            assert!((a[0] - b[0]).abs() <= 1e-9 * (1.0 + b[0].abs()));
            assert!((a[1] - b[1]).abs() <= 1e-9 * (1.0 + b[1].abs()));
        }
        let mut g = vec![[0.0; 2]; n as usize];
        tree.add_repulsion(1.0, 1.2, &mut g);
        let (mut err, mut norm) = (0.0, 0.0);
        for (a, b) in g.iter().zip(&e) {
            err += (a[0] - b[0]).hypot(a[1] - b[1]);
            norm += b[0].hypot(b[1]);
        }
        assert!(err / norm < 0.1, "relative error {}", err / norm);
    }

    #[test]
    fn coincident_points_are_finite() {
        let pos = vec![[3.0, 3.0]; 50];
        let mass = vec![2.0; 50];
        let tree = QuadTree::build(&pos, &mass);
        let mut f = vec![[0.0; 2]; 50];
        tree.add_repulsion(10.0, 1.2, &mut f);
        assert!(f.iter().all(|v| v[0].is_finite() && v[1].is_finite()));
        assert!(f.iter().any(|v| v[0] != 0.0));
    }
}

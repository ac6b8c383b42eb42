//! The `ForceAtlas2` simulation state and step, written from the description
//! in Jacomy, Venturini, Heymann and Bastian, "`ForceAtlas2`, a Continuous
//! Graph Layout Algorithm for Handy Network Visualization Designed for the
//! Gephi Software", `PLoS ONE` 9(6), 2014.
//!
//! Forces, with the mass of a node being `deg + 1`:
//! * repulsion between every pair: `kr * m1 * m2 / d` (Barnes–Hut optional);
//! * attraction along every edge: `w * d`, or `w * ln(1 + d)` in lin-log
//!   mode (`w` already raised to the edge weight influence);
//! * gravity towards the origin: `kg * m` (normal) or `kg * m * d` (strong).
//!
//! Each step moves a node by `s(n) * F(n)`, where the local speed `s(n)`
//! follows the paper's adaptive scheme: per-node swinging `|F_t - F_(t-1)|`
//! and traction `|F_t + F_(t-1)| / 2`, their mass-weighted global sums, a
//! global speed `τ * traction / swinging` whose rise is limited to 50% per
//! step, and `s(n) = k_s * s(G) / (1 + s(G) * sqrt(swinging(n)))`.

use super::hash::{direction, splitmix64, unit_pair};
use super::multilevel::Network;
use super::quadtree::QuadTree;

/// Repulsion distances below this are treated as this distance (the force
/// keeps its direction but stops growing), so close points cannot explode.
pub(crate) const MIN_DIST: f64 = 0.01;
/// The constant `k_s` of the local speed formula.
const LOCAL_SPEED: f64 = 0.1;
/// The global speed may rise by at most this factor per step.
const MAX_RISE: f64 = 1.5;
/// Upper bound on the global speed, to keep every quantity finite.
const MAX_SPEED: f64 = 1e9;
/// A node never moves further in one step than this fraction of the layout's
/// root-mean-square radius (plus `MIN_DIST`). This safety cap is ours; the
/// paper's absolute cap `k_smax = 10` is not used because the size of a
/// layout here is not fixed (it grows with the graph).
const MAX_STEP: f64 = 0.5;
/// Seed mixed into the node index for the initial positions.
const SEED: u64 = 0x5EED_F0A2_2014_0001;

/// The force parameters of a run, with the gravity already resolved.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Params {
    pub(crate) scaling: f64,
    pub(crate) gravity: f64,
    pub(crate) strong_gravity: bool,
    pub(crate) lin_log: bool,
    pub(crate) barnes_hut: bool,
    pub(crate) theta: f64,
    pub(crate) jitter_tolerance: f64,
}

/// `(dx, dy) / d^2`: the direction and `1/d` magnitude of the repulsion on a
/// point at offset `(dx, dy)` from another, per unit of `kr * m1 * m2`.
///
/// Below [`MIN_DIST`] the magnitude stays at `1 / MIN_DIST`; at distance 0
/// the direction is a fixed hash of the pair `(i, j)`, antisymmetric in it.
#[inline]
pub(crate) fn pair_repulsion(dx: f64, dy: f64, d2: f64, i: u32, j: u32) -> (f64, f64) {
    if d2 >= MIN_DIST * MIN_DIST {
        let k = 1.0 / d2;
        (dx * k, dy * k)
    } else if d2 > 0.0 {
        let k = 1.0 / (MIN_DIST * d2.sqrt());
        (dx * k, dy * k)
    } else {
        let (ux, uy) = direction(i, j);
        (ux / MIN_DIST, uy / MIN_DIST)
    }
}

/// The mutable state of one layout run.
pub(crate) struct Sim {
    params: Params,
    /// Unique edges `(a, b, w)`, `a < b`.
    edges: Vec<(u32, u32, f64)>,
    mass: Vec<f64>,
    pub(crate) pos: Vec<[f64; 2]>,
    force: Vec<[f64; 2]>,
    prev: Vec<[f64; 2]>,
    speed: f64,
    steps: usize,
}

impl Sim {
    /// A simulation of `net` with every node at the origin.
    pub(crate) fn new(net: Network, params: Params) -> Self {
        let n = net.len();
        Sim {
            params,
            edges: net.edges,
            mass: net.mass,
            pos: vec![[0.0; 2]; n],
            force: vec![[0.0; 2]; n],
            prev: vec![[0.0; 2]; n],
            speed: 1.0,
            steps: 0,
        }
    }

    /// Switches to new force parameters and scales the layout by `factor`
    /// about its mean; the adaptive speed starts afresh.
    pub(crate) fn restart(&mut self, params: Params, factor: f64) {
        let (cx, cy) = mean(&self.pos);
        for p in &mut self.pos {
            p[0] = cx + (p[0] - cx) * factor;
            p[1] = cy + (p[1] - cy) * factor;
        }
        self.params = params;
        self.prev.iter_mut().for_each(|f| *f = [0.0; 2]);
        self.steps = 0;
    }

    /// Runs `iterations` steps.
    pub(crate) fn run(&mut self, iterations: usize) {
        for _ in 0..iterations {
            self.step();
        }
    }

    /// Sets the starting positions: `initial[i]` where present and finite,
    /// otherwise a hash of the node index, scaled by [`Sim::balanced_scale`].
    pub(crate) fn place(&mut self, initial: &[(f64, f64)]) {
        let unit: Vec<[f64; 2]> = (0..self.pos.len() as u64)
            .map(|i| {
                let (x, y) = unit_pair(splitmix64(i ^ SEED));
                [x, y]
            })
            .collect();
        let scale = self.balanced_scale(&unit);
        for (i, p) in self.pos.iter_mut().enumerate() {
            *p = match initial.get(i) {
                Some(&(x, y)) if x.is_finite() && y.is_finite() => [x, y],
                _ => [unit[i][0] * scale, unit[i][1] * scale],
            };
        }
    }

    /// Mean length of the edges, or the mean spacing of the nodes if there
    /// are no edges; used to spread the children of a coarse node.
    pub(crate) fn typical_edge_length(&self) -> f64 {
        let total: f64 = self
            .edges
            .iter()
            .map(|&(a, b, _)| {
                let (p, q) = (self.pos[a as usize], self.pos[b as usize]);
                norm(p[0] - q[0], p[1] - q[1])
            })
            .sum();
        let len = if self.edges.is_empty() {
            rms_radius(&self.pos) / (self.pos.len() as f64).sqrt()
        } else {
            total / self.edges.len() as f64
        };
        if len.is_finite() && len > 0.0 { len } else { 1.0 }
    }

    /// The factor `s` for which the layout `s * pos` satisfies the virial
    /// balance of the forces.
    ///
    /// At an equilibrium every force vanishes, so `Σ p_i · F_i = 0`. For the
    /// `1/d` repulsion that sum is the constant `kr * Σ_{i<j} m_i m_j`
    /// whatever the positions, and attraction and gravity must match it.
    /// Found by bisection on a log scale within `[1e-3, 1e9]`.
    #[allow(clippy::many_single_char_names)] // the paper's notation
    fn balanced_scale(&self, pos: &[[f64; 2]]) -> f64 {
        let p = self.params;
        let total: f64 = self.mass.iter().sum();
        let squares: f64 = self.mass.iter().map(|m| m * m).sum();
        let target = p.scaling.max(0.0) * (total * total - squares) * 0.5;
        let (cx, cy) = mean(pos);
        let pull = |s: f64| -> f64 {
            let mut e = 0.0;
            for &(a, b, w) in &self.edges {
                let (u, v) = (pos[a as usize], pos[b as usize]);
                let d = s * norm(u[0] - v[0], u[1] - v[1]);
                e += w * d * if p.lin_log { d.ln_1p() } else { d };
            }
            for (u, m) in pos.iter().zip(&self.mass) {
                let r = s * norm(u[0] - cx, u[1] - cy);
                e += p.gravity.max(0.0) * m * if p.strong_gravity { r * r } else { r };
            }
            e
        };
        let (mut lo, mut hi) = (1e-3f64, 1e9f64);
        for _ in 0..20 {
            let mid = (lo * hi).sqrt();
            if pull(mid) < target {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        let s = (lo * hi).sqrt();
        if s.is_finite() { s } else { 1.0 }
    }

    /// One `ForceAtlas2` step: compute all forces, then move.
    fn step(&mut self) {
        for f in &mut self.force {
            *f = [0.0; 2];
        }
        let p = self.params;
        if p.barnes_hut {
            let tree = QuadTree::build(&self.pos, &self.mass);
            tree.add_repulsion(p.scaling, p.theta, &mut self.force);
        } else {
            self.exact_repulsion(p.scaling);
        }
        self.gravity(p.gravity, p.strong_gravity);
        self.attraction(p.lin_log);
        self.move_nodes(p.jitter_tolerance);
        std::mem::swap(&mut self.force, &mut self.prev);
        self.steps += 1;
    }

    /// Exact pairwise repulsion, each pair once, in index order.
    fn exact_repulsion(&mut self, kr: f64) {
        let n = self.pos.len();
        for i in 0..n {
            let (pi, mi) = (self.pos[i], self.mass[i]);
            let (mut fx, mut fy) = (0.0, 0.0);
            for j in i + 1..n {
                let pj = self.pos[j];
                let (dx, dy) = (pi[0] - pj[0], pi[1] - pj[1]);
                let (gx, gy) = pair_repulsion(dx, dy, dx * dx + dy * dy, i as u32, j as u32);
                let k = kr * mi * self.mass[j];
                fx += k * gx;
                fy += k * gy;
                self.force[j][0] -= k * gx;
                self.force[j][1] -= k * gy;
            }
            self.force[i][0] += fx;
            self.force[i][1] += fy;
        }
    }

    /// Pull towards the origin: `kg * m` (normal) or `kg * m * d` (strong).
    fn gravity(&mut self, kg: f64, strong: bool) {
        for ((f, p), m) in self.force.iter_mut().zip(&self.pos).zip(&self.mass) {
            let k = if strong {
                kg * m
            } else {
                let r = norm(p[0], p[1]);
                if r > 0.0 { kg * m / r } else { 0.0 }
            };
            f[0] -= k * p[0];
            f[1] -= k * p[1];
        }
    }

    /// Pull along edges: `w * d`, or `w * ln(1 + d)` in lin-log mode.
    fn attraction(&mut self, lin_log: bool) {
        for &(a, b, w) in &self.edges {
            let (a, b) = (a as usize, b as usize);
            let (dx, dy) = (self.pos[a][0] - self.pos[b][0], self.pos[a][1] - self.pos[b][1]);
            let k = if lin_log {
                let d = norm(dx, dy);
                if d > 0.0 { w * d.ln_1p() / d } else { 0.0 }
            } else {
                w
            };
            self.force[a][0] -= k * dx;
            self.force[a][1] -= k * dy;
            self.force[b][0] += k * dx;
            self.force[b][1] += k * dy;
        }
    }

    /// Adaptive speed (global swinging and traction) and displacement.
    fn move_nodes(&mut self, jitter_tolerance: f64) {
        let (mut swinging, mut traction) = (0.0, 0.0);
        for ((f, p), m) in self.force.iter().zip(&self.prev).zip(&self.mass) {
            swinging += m * norm(f[0] - p[0], f[1] - p[1]);
            traction += m * 0.5 * norm(f[0] + p[0], f[1] + p[1]);
        }
        if swinging > 0.0 && traction.is_finite() {
            let wanted = jitter_tolerance.max(1e-9) * traction / swinging;
            self.speed = if self.steps == 0 { wanted } else { wanted.min(self.speed * MAX_RISE) };
        }
        self.speed = if self.speed.is_finite() { self.speed.clamp(1e-12, MAX_SPEED) } else { 1.0 };
        let max_step = MAX_STEP * rms_radius(&self.pos) + MIN_DIST;
        let speed = self.speed;
        for ((pos, f), p) in self.pos.iter_mut().zip(&self.force).zip(&self.prev) {
            let swing = norm(f[0] - p[0], f[1] - p[1]);
            let local = LOCAL_SPEED * speed / (1.0 + speed * swing.sqrt());
            let (mut dx, mut dy) = (local * f[0], local * f[1]);
            let len = norm(dx, dy);
            if !len.is_finite() {
                continue;
            }
            if len > max_step {
                let k = max_step / len;
                dx *= k;
                dy *= k;
            }
            pos[0] += dx;
            pos[1] += dy;
        }
    }
}

#[inline]
pub(crate) fn norm(x: f64, y: f64) -> f64 {
    (x * x + y * y).sqrt()
}

/// Root-mean-square distance of the points from their mean.
fn rms_radius(pos: &[[f64; 2]]) -> f64 {
    let n = pos.len() as f64;
    let (cx, cy) = mean(pos);
    let s: f64 = pos.iter().map(|p| (p[0] - cx) * (p[0] - cx) + (p[1] - cy) * (p[1] - cy)).sum();
    let r = (s / n).sqrt();
    if r.is_finite() { r } else { 0.0 }
}

/// Mean of the points (the origin for an empty slice).
pub(crate) fn mean(pos: &[[f64; 2]]) -> (f64, f64) {
    let n = pos.len().max(1) as f64;
    let (sx, sy) = pos.iter().fold((0.0, 0.0), |(sx, sy), p| (sx + p[0], sy + p[1]));
    (sx / n, sy / n)
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // exact values are the point
mod tests {
    use super::*;

    #[test]
    fn pair_repulsion_is_bounded_and_antisymmetric() {
        let (x, y) = pair_repulsion(0.0, 0.0, 0.0, 3, 4);
        let (u, v) = pair_repulsion(0.0, 0.0, 0.0, 4, 3);
        assert_eq!((x, y), (-u, -v));
        assert!((norm(x, y) - 1.0 / MIN_DIST).abs() < 1e-9);
        let (x, _) = pair_repulsion(1e-9, 0.0, 1e-18, 0, 1);
        assert!((x - 1.0 / MIN_DIST).abs() < 1e-6);
        let (x, _) = pair_repulsion(2.0, 0.0, 4.0, 0, 1);
        assert_eq!(x, 0.5);
    }

    #[test]
    fn two_nodes_settle_at_the_balance_distance() {
        // Two nodes of mass 2 joined by an edge of weight 1, no gravity:
        // kr * 4 / d = d, so d = 2 * sqrt(kr).
        let net = Network { mass: vec![2.0, 2.0], edges: vec![(0, 1, 1.0)] };
        let params = Params {
            scaling: 4.0,
            gravity: 0.0,
            strong_gravity: false,
            lin_log: false,
            barnes_hut: false,
            theta: 1.2,
            jitter_tolerance: 1.0,
        };
        let mut sim = Sim::new(net, params);
        sim.place(&[]);
        sim.run(500);
        let d = norm(sim.pos[0][0] - sim.pos[1][0], sim.pos[0][1] - sim.pos[1][1]);
        assert!((d - 4.0).abs() < 1e-3, "distance {d}");
    }
}

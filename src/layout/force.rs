//! The public `ForceAtlas2` entry points and their settings.
//!
//! The forces and the adaptive speed are in the `sim` module, the optional
//! multilevel start in `multilevel` and the Barnes–Hut tree in `quadtree`.

use super::Input;
use super::edges::Graph;
use super::multilevel::{COARSEST_NODES, Hierarchy, Network, hierarchy, prolong};
use super::sim::{Params, Sim, mean};

/// Steps on the coarsest level of a multilevel layout (at least, if that
/// level is small as it normally is).
const COARSEST_ITERATIONS: usize = 300;
/// Children of a coarse node start within this fraction of the coarse
/// level's mean edge length from it.
const PROLONG_SPREAD: f64 = 0.25;
/// With relative gravity 1, a node without edges settles at this multiple of
/// the estimated radius of the body held together by the edges.
const LOOSE_RING: f64 = 2.0 * std::f64::consts::SQRT_2;

/// `ForceAtlas2` parameters. Start from [`Settings::for_size`] and adjust.
#[derive(Clone, Debug, PartialEq)]
#[allow(clippy::struct_excessive_bools)] // the paper's switches, one flag each
pub struct Settings {
    /// Number of simulation steps (per level when `multilevel` is on).
    pub iterations: usize,
    /// Repulsion strength `kr` (the paper's "scaling").
    pub scaling: f64,
    /// Gravity strength. With `relative_gravity` (the default) it is a
    /// multiple of a gravity balanced for the graph, so that 1 keeps nodes
    /// without edges and small components in a ring just around the main
    /// body; larger values pull everything tighter. Otherwise it is the
    /// paper's absolute `kg`. Keep it positive so that disconnected parts
    /// stay together.
    pub gravity: f64,
    /// Interpret `gravity` relative to the balanced gravity of the graph
    /// (see [`Settings::gravity`]) rather than as the absolute `kg`.
    ///
    /// With normal gravity a node without edges settles where the
    /// repulsion of the whole graph, `kr * m * M / d` (`M` the total mass),
    /// equals the pull `kg * m`, i.e. at `d = kr * M / kg`, while the body
    /// held together by edges of total weight `W` has a radius `R` of about
    /// `M * sqrt(kr / 2W)` (lin-log: `R * ln(1 + R) = kr * M^2 / 2W`). The
    /// balanced gravity puts `d` at `2 * sqrt(2) * R`; in linear mode it is
    /// `0.5 * sqrt(kr * W)`. A fixed `kg` such as Gephi's default of 1 lets
    /// loose nodes drift very far from big graphs.
    pub relative_gravity: bool,
    /// Strong gravity: the pull grows linearly with the distance to the
    /// centre instead of being constant.
    pub strong_gravity: bool,
    /// Lin-log mode: attraction `ln(1 + d)` instead of `d`, which makes
    /// clusters tighter and further apart. Lin-log untangles a random start
    /// very slowly, so the first half of the steps on the input graph (and
    /// all steps on coarser levels of a multilevel run) use linear
    /// attraction; the layout is then rescaled to the estimated lin-log size
    /// and finished in lin-log mode.
    pub lin_log: bool,
    /// Use the Barnes–Hut approximation (`O(n log n)` per step) instead of
    /// the exact `O(n^2)` repulsion.
    pub barnes_hut: bool,
    /// Barnes–Hut opening criterion: a quadtree cell of side `s` at distance
    /// `d` is used as a whole when `s / d < theta`. Smaller is more precise.
    pub barnes_hut_theta: f64,
    /// Exponent `δ` applied to edge weights in the attraction (`w^δ`):
    /// 0 ignores weights, 1 uses them as they are.
    pub edge_weight_influence: f64,
    /// Jitter tolerance `τ`: higher values allow faster but less precise
    /// movement. The paper recommends 1.
    pub jitter_tolerance: f64,
    /// Multilevel start: coarsen the graph (merging neighbours, summing
    /// masses and edge weights), lay out the coarsest level from the hashed
    /// start and refine level by level, running `iterations` steps on every
    /// level (at least 300 on the coarsest). It untangles big graphs far
    /// better than plain steps, for about twice the time of `iterations`
    /// plain steps. Ignored when starting positions are given.
    pub multilevel: bool,
    /// If `Some(e)`, the result is scaled so that the largest absolute
    /// coordinate is `e`. If `None`, the simulation's own units are kept. The
    /// result is centred on its mean position either way.
    pub extent: Option<f64>,
}

impl Settings {
    /// Sensible defaults for a graph of `nodes` nodes.
    ///
    /// * iterations: 1000 below 100 nodes, 600 below 1000, 300 below
    ///   10 000, 200 below 50 000, 100 from 50 000 on;
    /// * multilevel (which only takes effect above 500 nodes);
    /// * Barnes–Hut with `theta = 1.2` from 1000 nodes on, exact repulsion
    ///   below;
    /// * scaling 2 below 100 nodes and 10 from there on;
    /// * relative gravity 1 (see [`Settings::relative_gravity`]), no strong
    ///   gravity, no lin-log, edge weight influence 1, jitter tolerance 1;
    /// * `extent` = [`Settings::default_extent`].
    #[must_use]
    pub fn for_size(nodes: usize) -> Self {
        let iterations = match nodes {
            0..100 => 1000,
            100..1000 => 600,
            1000..10_000 => 300,
            10_000..50_000 => 200,
            _ => 100,
        };
        Settings {
            iterations,
            scaling: if nodes < 100 { 2.0 } else { 10.0 },
            gravity: 1.0,
            relative_gravity: true,
            strong_gravity: false,
            lin_log: false,
            barnes_hut: nodes >= 1000,
            barnes_hut_theta: 1.2,
            edge_weight_influence: 1.0,
            jitter_tolerance: 1.0,
            multilevel: true,
            extent: Some(Self::default_extent(nodes)),
        }
    }

    /// The default output extent: the largest absolute coordinate is
    /// `1000 * sqrt(nodes / 100)`, kept within `[100, 5000]` (so the whole
    /// layout fits in a 10 000 × 10 000 box, which suits Gephi).
    #[must_use]
    pub fn default_extent(nodes: usize) -> f64 {
        (1000.0 * (nodes as f64 / 100.0).sqrt()).clamp(100.0, 5000.0)
    }
}

/// Lays out the graph with `ForceAtlas2` and returns one `(x, y)` per node.
///
/// Initial positions are a fixed hash of the node index, scaled so that the
/// forces start roughly balanced (or come from the multilevel start). The
/// output is deterministic, finite, centred on its mean and, with
/// [`Settings::extent`] set, scaled to that extent. Nodes without edges are
/// held in by gravity. An empty graph gives an empty vector and a single
/// node sits at the origin.
///
/// # Example
///
/// ```
/// use confgraph::layout::{force_atlas2, Input, Settings};
///
/// // A triangle and a pendant node.
/// let edges = [(0, 1, 1.0), (1, 2, 1.0), (2, 0, 1.0), (2, 3, 1.0)];
/// let input = Input { nodes: 4, edges: &edges };
/// let pos = force_atlas2(&input, &Settings::for_size(input.nodes));
/// assert_eq!(pos.len(), 4);
/// assert!(pos.iter().all(|&(x, y)| x.is_finite() && y.is_finite()));
/// // Deterministic: a second run gives exactly the same result.
/// assert_eq!(pos, force_atlas2(&input, &Settings::for_size(input.nodes)));
/// ```
#[must_use]
pub fn force_atlas2(input: &Input, settings: &Settings) -> Vec<(f64, f64)> {
    force_atlas2_from(input, settings, &[])
}

/// Like [`force_atlas2`], but starts from the given positions.
///
/// `initial[i]` is the start of node `i`; nodes without an entry (when
/// `initial` is shorter than the node count) or with a non-finite entry get
/// the default hashed start. Coincident starting points are allowed: they are
/// pushed apart in a fixed pseudo-random direction. A non-empty `initial`
/// turns the multilevel start off.
#[must_use]
pub fn force_atlas2_from(input: &Input, settings: &Settings, initial: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let graph = Graph::from_input(input);
    if graph.len() == 0 {
        return Vec::new();
    }
    let delta = settings.edge_weight_influence;
    let net = Network {
        mass: (0..graph.len()).map(|i| graph.degree(i) as f64 + 1.0).collect(),
        edges: graph.edges().iter().map(|&(a, b, w)| (a, b, weight_factor(w, delta))).collect(),
    };
    let plan = Plan::new(settings, &net);
    let pos = if settings.multilevel && initial.is_empty() {
        multilevel_layout(net, plan, settings.iterations)
    } else {
        let mut sim = Sim::new(net, plan.first());
        sim.place(initial);
        plan.run(&mut sim, settings.iterations);
        sim.pos
    };
    finish(&pos, settings.extent)
}

/// How the levels are run: the requested force parameters and, in lin-log
/// mode, a linear warm-up (its parameters and the factor that takes the
/// layout from the linear to the lin-log equilibrium scale).
///
/// Lin-log attraction barely depends on the distance, so it untangles a
/// random start very slowly; a linear layout rescaled to the lin-log size
/// is a much better start.
#[derive(Clone, Copy)]
struct Plan {
    params: Params,
    warm_up: Option<(Params, f64)>,
}

impl Plan {
    fn new(settings: &Settings, net: &Network) -> Self {
        let params = force_params(settings, net, settings.lin_log);
        let warm_up = settings.lin_log.then(|| {
            let kr = settings.scaling;
            let ratio = match (body_radius(net, kr, true), body_radius(net, kr, false)) {
                (Some(log), Some(lin)) if (log / lin).is_finite() => log / lin,
                _ => 1.0,
            };
            (force_params(settings, net, false), ratio)
        });
        Plan { params, warm_up }
    }

    /// The parameters to start a simulation with.
    fn first(&self) -> Params {
        self.warm_up.map_or(self.params, |w| w.0)
    }

    /// Runs `iterations` steps, the first half as the linear warm-up if
    /// there is one (then `sim` must have been started with `first()`).
    fn run(&self, sim: &mut Sim, iterations: usize) {
        match self.warm_up {
            Some((_, ratio)) => {
                let warm = iterations / 2;
                sim.run(warm);
                sim.restart(self.params, ratio);
                sim.run(iterations - warm);
            }
            None => sim.run(iterations),
        }
    }
}

/// The force parameters for `net` in linear or lin-log mode, resolving a
/// relative gravity.
fn force_params(settings: &Settings, net: &Network, lin_log: bool) -> Params {
    let gravity = if settings.relative_gravity {
        let strong = settings.strong_gravity;
        settings.gravity * balanced_gravity(net, settings.scaling, lin_log, strong)
    } else {
        settings.gravity
    };
    Params {
        scaling: settings.scaling,
        gravity: if gravity.is_finite() { gravity } else { 0.0 },
        strong_gravity: settings.strong_gravity,
        lin_log,
        barnes_hut: settings.barnes_hut,
        theta: settings.barnes_hut_theta,
        jitter_tolerance: settings.jitter_tolerance,
    }
}

/// Estimated radius `R` of the body held together by the edges: the virial
/// balance `W * R * f(R) = kr * M^2 / 2`, with `f(R) = R` for linear
/// attraction and `ln(1 + R)` for lin-log. `None` without edges or
/// repulsion.
fn body_radius(net: &Network, kr: f64, lin_log: bool) -> Option<f64> {
    let mass: f64 = net.mass.iter().sum();
    let weight: f64 = net.edges.iter().map(|e| e.2).sum();
    if !(kr > 0.0 && weight > 0.0) {
        return None;
    }
    let target = kr * mass * mass * 0.5 / weight;
    let radius = if lin_log {
        let (mut lo, mut hi) = (0.0f64, target.max(2.0));
        for _ in 0..200 {
            let mid = 0.5 * (lo + hi);
            if mid * mid.ln_1p() < target {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        0.5 * (lo + hi)
    } else {
        target.sqrt()
    };
    (radius.is_finite() && radius > 0.0).then_some(radius)
}

/// The absolute gravity that puts a node without edges at `LOOSE_RING`
/// times the body radius (see [`Settings::relative_gravity`]); 1 for a
/// graph without edges.
fn balanced_gravity(net: &Network, kr: f64, lin_log: bool, strong: bool) -> f64 {
    let Some(radius) = body_radius(net, kr, lin_log) else {
        return 1.0;
    };
    let mass: f64 = net.mass.iter().sum();
    let d = LOOSE_RING * radius;
    let g = if strong { kr * mass / (d * d) } else { kr * mass / d };
    if g.is_finite() && g > 0.0 { g } else { 1.0 }
}

/// Lays out the coarsest level from the hashed start, then every finer level
/// from its parent's positions (see the `multilevel` module). A lin-log
/// layout runs linear on all levels but the input graph, where the second
/// half of the steps switches to lin-log.
fn multilevel_layout(net: Network, plan: Plan, iterations: usize) -> Vec<[f64; 2]> {
    let Hierarchy { mut nets, mut parents } = hierarchy(net);
    let Some(coarsest) = nets.pop() else {
        return Vec::new();
    };
    let mut sim = Sim::new(coarsest, plan.first());
    sim.place(&[]);
    if parents.is_empty() {
        plan.run(&mut sim, iterations);
        return sim.pos;
    }
    if sim.pos.len() <= 4 * COARSEST_NODES {
        sim.run(iterations.max(COARSEST_ITERATIONS));
    } else {
        sim.run(iterations);
    }
    while let (Some(net), Some(parent)) = (nets.pop(), parents.pop()) {
        let spread = PROLONG_SPREAD * sim.typical_edge_length();
        let start = prolong(&sim.pos, &parent, spread, nets.len());
        sim = Sim::new(net, plan.first());
        sim.pos = start;
        if nets.is_empty() {
            plan.run(&mut sim, iterations);
        } else {
            sim.run(iterations);
        }
    }
    sim.pos
}

/// `w^δ`, with the common exponents 0 and 1 computed exactly.
fn weight_factor(w: f64, delta: f64) -> f64 {
    if delta == 0.0 {
        1.0
    } else if (delta - 1.0).abs() < f64::EPSILON {
        w
    } else {
        let v = w.powf(delta);
        if v.is_finite() { v } else { 1.0 }
    }
}

/// Centres the points on their mean and scales them to `extent`.
fn finish(pos: &[[f64; 2]], extent: Option<f64>) -> Vec<(f64, f64)> {
    let clean: Vec<[f64; 2]> =
        pos.iter().map(|p| if p[0].is_finite() && p[1].is_finite() { *p } else { [0.0, 0.0] }).collect();
    let (cx, cy) = mean(&clean);
    let centred: Vec<[f64; 2]> = clean.iter().map(|p| [p[0] - cx, p[1] - cy]).collect();
    let largest = centred.iter().fold(0.0f64, |m, p| m.max(p[0].abs()).max(p[1].abs()));
    let k = match extent {
        Some(e) if e.is_finite() && e > 0.0 && largest > 0.0 => e / largest,
        _ => 1.0,
    };
    centred
        .iter()
        .map(|p| {
            let (x, y) = (p[0] * k, p[1] * k);
            if x.is_finite() && y.is_finite() { (x, y) } else { (0.0, 0.0) }
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // exact values are the point
mod tests {
    use super::*;

    #[test]
    fn default_extent_range() {
        assert_eq!(Settings::default_extent(0), 100.0);
        assert_eq!(Settings::default_extent(100), 1000.0);
        assert_eq!(Settings::default_extent(10_000_000), 5000.0);
    }

    #[test]
    fn finish_centres_and_scales() {
        let out = finish(&[[1.0, 1.0], [3.0, 1.0], [f64::NAN, 0.0]], Some(10.0));
        let (sx, sy) = out.iter().fold((0.0, 0.0), |a, p| (a.0 + p.0, a.1 + p.1));
        assert!(sx.abs() < 1e-12 && sy.abs() < 1e-12);
        let m = out.iter().fold(0.0f64, |m, p| m.max(p.0.abs()).max(p.1.abs()));
        assert!((m - 10.0).abs() < 1e-12);
    }

    #[test]
    fn balanced_gravity_linear_formula() {
        let net = Network { mass: vec![2.0; 4], edges: vec![(0, 1, 3.0), (2, 3, 5.0)] };
        let g = balanced_gravity(&net, 10.0, false, false);
        assert!((g - 0.5 * (10.0f64 * 8.0).sqrt()).abs() < 1e-9, "{g}");
        assert!(balanced_gravity(&net, 10.0, true, false) > 0.0);
        let empty = Network { mass: vec![1.0; 3], edges: Vec::new() };
        assert_eq!(balanced_gravity(&empty, 10.0, false, false), 1.0);
    }
}

//! Behavioural tests of the layout: groups apart, neighbours close, output deterministic and finite.

use super::{Input, Settings, force_atlas2, force_atlas2_from};

type Edges = Vec<(u32, u32, f64)>;

fn clique(nodes: std::ops::Range<u32>, edges: &mut Edges) {
    for a in nodes.clone() {
        for b in a + 1..nodes.end {
            edges.push((a, b, 1.0));
        }
    }
}

/// Two `k`-cliques, `0..k` and `k..2k`, joined by the edge `(k-1, k)`.
fn two_cliques(k: u32) -> Edges {
    let mut edges = Vec::new();
    clique(0..k, &mut edges);
    clique(k..2 * k, &mut edges);
    edges.push((k - 1, k, 1.0));
    edges
}

/// `count` cliques of `k` nodes in a ring, consecutive cliques joined by one
/// edge.
fn clique_ring(count: u32, k: u32) -> Edges {
    let mut edges = Vec::new();
    for c in 0..count {
        clique(c * k..(c + 1) * k, &mut edges);
        let next = ((c + 1) % count) * k;
        edges.push((c * k + k - 1, next, 1.0));
    }
    edges
}

/// A deterministic pseudo-random graph with `groups` planted groups.
fn planted(nodes: u32, edges: usize, groups: u32) -> Edges {
    let mut state = 12345u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let size = nodes / groups;
    let mut out = Vec::with_capacity(edges);
    while out.len() < edges {
        let a = (next() % u64::from(nodes)) as u32;
        let b = if next() % 10 < 9 {
            (a / size) * size + (next() % u64::from(size)) as u32
        } else {
            (next() % u64::from(nodes)) as u32
        };
        out.push((a, b, 1.0 + (next() % 3) as f64));
    }
    out
}

fn dist(p: &[(f64, f64)], a: usize, b: usize) -> f64 {
    (p[a].0 - p[b].0).hypot(p[a].1 - p[b].1)
}

/// Mean distance over pairs in and across the two halves `0..k`, `k..2k`.
fn intra_inter(pos: &[(f64, f64)], k: usize) -> (f64, f64) {
    let (mut intra, mut ni, mut inter, mut nx) = (0.0, 0, 0.0, 0);
    for a in 0..2 * k {
        for b in a + 1..2 * k {
            if (a < k) == (b < k) {
                intra += dist(pos, a, b);
                ni += 1;
            } else {
                inter += dist(pos, a, b);
                nx += 1;
            }
        }
    }
    (intra / ni as f64, inter / nx as f64)
}

fn assert_finite(pos: &[(f64, f64)]) {
    assert!(pos.iter().all(|&(x, y)| x.is_finite() && y.is_finite()), "non-finite position");
}

fn bits(pos: &[(f64, f64)]) -> Vec<(u64, u64)> {
    pos.iter().map(|&(x, y)| (x.to_bits(), y.to_bits())).collect()
}

#[test]
fn two_cliques_are_separated() {
    let edges = two_cliques(12);
    let input = Input { nodes: 24, edges: &edges };
    let mut variants = vec![Settings::for_size(24)];
    let mut bh = Settings::for_size(24);
    bh.barnes_hut = true;
    variants.push(bh);
    let mut linlog = Settings::for_size(24);
    linlog.lin_log = true;
    variants.push(linlog);
    let mut strong = Settings::for_size(24);
    strong.strong_gravity = true;
    variants.push(strong);
    for settings in &variants {
        let pos = force_atlas2(&input, settings);
        assert_finite(&pos);
        let (intra, inter) = intra_inter(&pos, 12);
        assert!(intra * 2.0 < inter, "intra {intra} inter {inter} with {settings:?}");
    }
}

#[test]
fn results_are_deterministic() {
    let edges = planted(3000, 9000, 10);
    let input = Input { nodes: 3000, edges: &edges };
    let mut settings = Settings::for_size(3000);
    settings.iterations = 60;
    assert!(settings.barnes_hut);
    let a = force_atlas2(&input, &settings);
    let b = force_atlas2(&input, &settings);
    assert_eq!(bits(&a), bits(&b));

    let small = two_cliques(8);
    let input = Input { nodes: 16, edges: &small };
    let a = force_atlas2(&input, &Settings::for_size(16));
    let b = force_atlas2(&input, &Settings::for_size(16));
    assert_eq!(bits(&a), bits(&b));
}

#[test]
fn path_neighbours_are_closer_than_far_nodes() {
    let n = 60u32;
    let edges: Edges = (0..n - 1).map(|i| (i, i + 1, 1.0)).collect();
    let input = Input { nodes: n as usize, edges: &edges };
    let pos = force_atlas2(&input, &Settings::for_size(n as usize));
    assert_finite(&pos);
    let n = n as usize;
    let near: f64 = (0..n - 1).map(|i| dist(&pos, i, i + 1)).sum::<f64>() / (n - 1) as f64;
    let (mut far, mut count) = (0.0, 0);
    for a in 0..n {
        for b in a + 10..n {
            far += dist(&pos, a, b);
            count += 1;
        }
    }
    let far = far / count as f64;
    assert!(near * 3.0 < far, "neighbours {near}, far pairs {far}");
}

#[test]
fn isolated_nodes_and_coincident_starts_stay_finite() {
    // A clique, a path and many isolated nodes.
    let mut edges = Vec::new();
    clique(0..10, &mut edges);
    edges.extend((10..19).map(|i| (i, i + 1, 1.0)));
    for n in [40usize, 1500] {
        let mut settings = Settings::for_size(n);
        settings.iterations = 200;
        let input = Input { nodes: n, edges: &edges };
        let pos = force_atlas2(&input, &settings);
        assert_finite(&pos);
        let start = vec![(0.0, 0.0); n];
        let pos = force_atlas2_from(&input, &settings, &start);
        assert_finite(&pos);
        let distinct = pos.iter().filter(|p| **p != pos[0]).count();
        assert!(distinct > n / 2, "coincident starts were not separated");
        let (intra, _) = intra_inter(&pos, 5);
        assert!(intra > 0.0);
    }
}

#[test]
fn disconnected_parts_stay_together() {
    // A 30-clique plus 30 isolated nodes plus a separate triangle.
    let mut edges = Vec::new();
    clique(0..30, &mut edges);
    clique(60..63, &mut edges);
    let input = Input { nodes: 63, edges: &edges };
    let pos = force_atlas2(&input, &Settings::for_size(63));
    assert_finite(&pos);
    let extent = Settings::default_extent(63);
    let clique_radius = (0..30).map(|i| pos[i].0.hypot(pos[i].1)).fold(0.0f64, f64::max);
    // Nothing flew off: the clique still takes a visible part of the frame.
    assert!(clique_radius > 0.05 * extent, "clique radius {clique_radius}");
}

#[test]
fn loose_nodes_stay_near_the_main_body() {
    // A 4000-node connected-ish graph plus 200 isolated nodes and 50 pairs.
    let mut edges = planted(4000, 16000, 8);
    edges.extend((0..50).map(|i| (4200 + 2 * i, 4201 + 2 * i, 1.0)));
    let input = Input { nodes: 4300, edges: &edges };
    let mut heavy = edges.clone();
    for e in heavy.iter_mut().take(16000) {
        e.2 *= 50.0;
    }
    let heavy_input = Input { nodes: 4300, edges: &heavy };
    let modes = [(false, false), (true, false), (false, true)];
    for (input, (lin_log, strong_gravity)) in [input, heavy_input].into_iter().flat_map(|i| modes.map(|m| (i, m))) {
        let settings = Settings { lin_log, strong_gravity, ..Settings::for_size(4300) };
        let pos = force_atlas2(&input, &settings);
        assert_finite(&pos);
        let mut body: Vec<f64> = pos[..4000].iter().map(|p| p.0.hypot(p.1)).collect();
        body.sort_by(f64::total_cmp);
        let r90 = body[3600];
        let loose = pos[4000..].iter().map(|p| p.0.hypot(p.1)).fold(0.0, f64::max);
        assert!(
            loose < 2.5 * r90,
            "loose nodes at {loose}, body r90 {r90}, lin-log {lin_log}, strong {strong_gravity}"
        );
    }
}

#[test]
fn output_is_centred_and_scaled() {
    let edges = clique_ring(5, 5);
    let input = Input { nodes: 30, edges: &edges };
    let settings = Settings::for_size(30);
    let pos = force_atlas2(&input, &settings);
    let (sx, sy) = pos.iter().fold((0.0, 0.0), |a, p| (a.0 + p.0, a.1 + p.1));
    assert!(sx.abs() < 1e-6 && sy.abs() < 1e-6);
    let max = pos.iter().fold(0.0f64, |m, p| m.max(p.0.abs()).max(p.1.abs()));
    assert!((max - settings.extent.unwrap()).abs() < 1e-9);

    let mut raw = settings.clone();
    raw.extent = None;
    assert_finite(&force_atlas2(&input, &raw));
}

#[test]
fn degenerate_inputs_do_not_panic() {
    let empty = Input { nodes: 0, edges: &[] };
    assert!(force_atlas2(&empty, &Settings::for_size(0)).is_empty());

    let one = Input { nodes: 1, edges: &[(0, 0, 1.0)] };
    assert_eq!(force_atlas2(&one, &Settings::for_size(1)), vec![(0.0, 0.0)]);

    // Duplicates, reversed duplicates, self-loops, bad weights, bad ids.
    let messy = [
        (0, 1, 1.0),
        (1, 0, 1.0),
        (0, 1, 2.0),
        (2, 2, 5.0),
        (1, 2, 0.0),
        (1, 2, f64::INFINITY),
        (2, 3, 1.0),
        (3, 99, 1.0),
    ];
    let input = Input { nodes: 5, edges: &messy };
    let pos = force_atlas2(&input, &Settings::for_size(5));
    assert_eq!(pos.len(), 5);
    assert_finite(&pos);

    let mut odd = Settings::for_size(5);
    odd.iterations = 50;
    odd.gravity = 0.0;
    odd.scaling = 0.0;
    odd.jitter_tolerance = 0.0;
    odd.barnes_hut_theta = -1.0;
    odd.edge_weight_influence = 0.5;
    assert_finite(&force_atlas2(&input, &odd));
    odd.scaling = f64::NAN;
    odd.gravity = f64::INFINITY;
    odd.jitter_tolerance = f64::NAN;
    odd.extent = Some(f64::NAN);
    odd.lin_log = true;
    assert_finite(&force_atlas2(&input, &odd));
    odd.barnes_hut = true;
    odd.barnes_hut_theta = f64::NAN;
    odd.edge_weight_influence = 1e308;
    assert_finite(&force_atlas2(&input, &odd));
}

#[test]
fn barnes_hut_layout_separates_groups() {
    let edges = planted(2000, 8000, 4);
    let input = Input { nodes: 2000, edges: &edges };
    let settings = Settings::for_size(2000);
    assert!(settings.barnes_hut);
    let pos = force_atlas2(&input, &settings);
    assert_finite(&pos);
    let group = |i: usize| i / 500;
    let (mut same, mut ns, mut other, mut no) = (0.0, 0, 0.0, 0);
    for a in (0..2000).step_by(7) {
        for b in (a + 1..2000).step_by(11) {
            if group(a) == group(b) {
                same += dist(&pos, a, b);
                ns += 1;
            } else {
                other += dist(&pos, a, b);
                no += 1;
            }
        }
    }
    let (same, other) = (same / ns as f64, other / no as f64);
    assert!(same * 1.5 < other, "same {same}, other {other}");
}

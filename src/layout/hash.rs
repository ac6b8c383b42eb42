//! Small integer hashing helpers used for deterministic pseudo-randomness.

/// The splitmix64 finaliser: a fixed, well-mixed 64-bit hash.
pub(crate) fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Two numbers in `[-1, 1)` taken from the high and low halves of `h`.
///
/// Only exact integer-to-float conversions and multiplications by powers of
/// two are used, so the result is the same on every platform.
pub(crate) fn unit_pair(h: u64) -> (f64, f64) {
    const INV: f64 = 1.0 / 4_294_967_296.0;
    let a = (h >> 32) as f64 * INV * 2.0 - 1.0;
    let b = (h & 0xFFFF_FFFF) as f64 * INV * 2.0 - 1.0;
    (a, b)
}

/// A deterministic unit vector for the ordered pair `(i, j)`, antisymmetric:
/// `direction(i, j) == -direction(j, i)`. Used to separate coincident points.
pub(crate) fn direction(i: u32, j: u32) -> (f64, f64) {
    let (lo, hi) = if i < j { (i, j) } else { (j, i) };
    let (mut x, mut y) = unit_pair(splitmix64((u64::from(lo) << 32) | u64::from(hi)));
    let len = (x * x + y * y).sqrt();
    if len > 1e-6 {
        x /= len;
        y /= len;
    } else {
        x = 1.0;
        y = 0.0;
    }
    if i < j { (x, y) } else { (-x, -y) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direction_is_antisymmetric_unit() {
        for (i, j) in [(0, 1), (5, 3), (100, 7)] {
            let (x, y) = direction(i, j);
            let (u, v) = direction(j, i);
            assert_eq!((x, y), (-u, -v));
            assert!(((x * x + y * y) - 1.0).abs() < 1e-12);
        }
    }

    #[test]
    fn unit_pair_range() {
        for i in 0..1000 {
            let (a, b) = unit_pair(splitmix64(i));
            assert!((-1.0..1.0).contains(&a) && (-1.0..1.0).contains(&b));
        }
    }
}

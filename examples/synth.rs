//! Writes the deterministic synthetic corpus used by the benchmarks.
//!
//! `cargo run --release --example synth -- DIR [MEGABYTES] [SEED]` (defaults: 10 MB, seed 42).

#[expect(clippy::cast_sign_loss, reason = "the size is made non-negative first")]
fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "target/synthetic".to_owned());
    let mb: f64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(10.0_f64).max(0.0);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(42);
    let bytes = confgraph::synthetic::write_corpus(std::path::Path::new(&dir), (mb * 1e6) as usize, seed)?;
    println!("wrote {bytes} bytes of notes into {dir}");
    Ok(())
}

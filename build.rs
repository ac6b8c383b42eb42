//! Embeds every `queries/*.rq` file as a named query (the file stem is the name), sorted by name.

use std::fmt::Write as _;

fn main() {
    println!("cargo:rerun-if-changed=queries");
    // Read when the script runs, not when it is compiled: a build script compiled for one
    // checkout and reused by another must read that other checkout's queries.
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = std::path::Path::new(&manifest_dir).join("queries");
    let mut names: Vec<(String, std::path::PathBuf)> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "rq"))
                .filter_map(|p| Some((p.file_stem()?.to_str()?.to_owned(), p)))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut code = String::from(
        "/// Named queries from `queries/`: `(name, text)`, sorted by name.\npub const NAMED_QUERIES: &[(&str, &str)] = &[\n",
    );
    for (name, path) in &names {
        println!("cargo:rerun-if-changed={}", path.display());
        let _ = writeln!(code, "    ({name:?}, include_str!({:?})),", path.display().to_string());
    }
    code.push_str("];\n");
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("named_queries.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}

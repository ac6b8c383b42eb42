//! Helpers shared by the end-to-end tests.

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use assert_cmd::Command;

/// The `confgraph` binary under test.
pub fn confgraph() -> Command {
    Command::cargo_bin("confgraph").expect("binary is built")
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A checker script of `tests/interop/`.
pub fn interop(script: &str) -> PathBuf {
    root().join("tests/interop").join(script)
}

/// True when an outside client can run; under CI (`CI` set) a missing client fails the test.
pub fn client_available(what: &str, probe: &mut Process) -> bool {
    let ok = probe.output().is_ok_and(|o| o.status.success());
    if !ok {
        assert!(std::env::var("CI").is_err(), "{what} is missing under CI: ./scripts/test.sh installs it");
        eprintln!("skipped: {what} is not installed (./scripts/test.sh installs it)");
    }
    ok
}

/// Python with the given modules importable.
pub fn python_with(modules: &str) -> bool {
    client_available(
        &format!("python3 with {modules}"),
        Process::new("python3").args(["-c", &format!("import {modules}")]),
    )
}

/// The bundled notes built once per test run into `target/tmp/` (tests only read it), and the
/// summary `build` printed.
pub fn bundled_build() -> (&'static Path, &'static str) {
    static BUILT: std::sync::OnceLock<(PathBuf, String)> = std::sync::OnceLock::new();
    let (dir, summary) = BUILT.get_or_init(|| {
        // One folder per test process: two runs at once do not remove each other's files. Those of
        // runs that have ended are removed.
        let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
        for old in std::fs::read_dir(tmp).into_iter().flatten().flatten() {
            let name = old.file_name().to_string_lossy().into_owned();
            if name.strip_prefix("bundled-exports-").is_some_and(|pid| !Path::new("/proc").join(pid).exists()) {
                let _ = std::fs::remove_dir_all(old.path());
            }
        }
        let dir = tmp.join(format!("bundled-exports-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let out = confgraph().arg("build").arg("-o").arg(&dir).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        (dir, String::from_utf8_lossy(&out.stdout).into_owned())
    });
    (dir, summary)
}

/// [`bundled_build`]'s folder, with the triple count `build` reported.
pub fn bundled_exports() -> (&'static Path, usize) {
    let (dir, summary) = bundled_build();
    let triples = summary
        .split(", ")
        .find_map(|part| part.split(" triples").next().filter(|_| part.contains(" triples")))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no triple count in {summary:?}"));
    (dir, triples)
}

/// `extract --format json` of `notes` (files or folders).
pub fn extract_output<I: AsRef<std::ffi::OsStr>>(notes: impl IntoIterator<Item = I>) -> std::process::Output {
    confgraph().args(["extract", "--format", "json"]).args(notes).output().expect("runs")
}

/// Every file under `dir`, relative, sorted.
pub fn tree(dir: &Path) -> Vec<String> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path.strip_prefix(dir).unwrap().to_string_lossy().into_owned());
            }
        }
    }
    files.sort();
    files
}

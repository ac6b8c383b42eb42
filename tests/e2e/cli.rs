//! The command line: extraction quality per file, bad input, determinism, exports/ kept current.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command as Process;

use serde_json::Value;

use crate::common::{bundled_build, confgraph, extract_output, root, tree};
use crate::scoring::{name_key, score};

fn extract_json(paths: &[&Path]) -> Value {
    let out = extract_output(paths);
    assert!(out.status.success(), "extract failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

fn check_against_expected(notes: &Path, expected_path: &Path) -> Option<String> {
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(expected_path).expect("expected file")).expect("expected JSON");
    let actual = extract_json(&[notes]);
    let s = score(&expected, &actual);
    let want = &expected["conference"];
    let conference_ok = actual["conferences"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["series"] == want["series"] && c["year"] == want["year"] && c["location"] == want["location"]);
    let line = format!(
        "{}: sessions recall {:.3} precision {:.3}; speakers recall {:.3} precision {:.3}; conference {}",
        notes.display(),
        s.sessions.0,
        s.sessions.1,
        s.pairs.0,
        s.pairs.1,
        if conference_ok { "ok" } else { "WRONG" }
    );
    eprintln!("{line}\n{}", s.report);
    let pass = s.sessions.0 >= 0.95 && s.sessions.1 >= 0.95 && s.pairs.0 >= 0.95 && s.pairs.1 >= 0.95 && conference_ok;
    (!pass).then_some(line)
}

#[test]
fn bundled_notes_meet_recall_and_precision_per_file() {
    let mut failures = Vec::new();
    for entry in std::fs::read_dir(root().join("notes")).unwrap() {
        let notes = entry.unwrap().path();
        let stem = notes.file_stem().unwrap().to_string_lossy().into_owned();
        let expected = root().join("tests/expected").join(format!("{stem}.json"));
        failures.extend(check_against_expected(&notes, &expected));
    }
    assert!(failures.is_empty(), "below 0.95:\n{}", failures.join("\n"));
}

#[test]
fn unseen_fixtures_meet_recall_and_precision_per_file() {
    let mut failures = Vec::new();
    let mut count = 0;
    for style in ["talk-notes", "schedule", "recap"] {
        let dir = root().join("tests/fixtures").join(style);
        let mut per_style = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let notes = entry.unwrap().path();
            if notes.to_string_lossy().ends_with(".expected.json") {
                continue;
            }
            let stem = notes.file_stem().unwrap().to_string_lossy().into_owned();
            failures.extend(check_against_expected(&notes, &dir.join(format!("{stem}.expected.json"))));
            per_style += 1;
        }
        assert!(per_style >= 2, "at least two fixtures of style {style}");
        count += per_style;
    }
    assert!(count >= 6);
    assert!(failures.is_empty(), "below 0.95:\n{}", failures.join("\n"));
}

fn talk_notes(series_year: &str, talk: &str, speaker: &str) -> String {
    format!("# {series_year}\n\n## {talk}\n\n{speaker}\n\nSome notes.\n")
}

#[test]
fn bad_files_are_reported_by_name_and_the_rest_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("good.md"), talk_notes("PyOhio 2023", "Good Talk", "Jane Doe")).unwrap();
    std::fs::write(d.join("empty.md"), "").unwrap();
    std::fs::write(d.join("binary.md"), b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap();
    let mut invalid = b"# PyOhio 2022\n\n## Broken Bytes Talk\n\nAna Lima\n\nbad \xff\xfe here\n".to_vec();
    invalid.extend_from_slice(b"\n## Second Talk\n\nBo Chen\n");
    std::fs::write(d.join("invalid-utf8.md"), invalid).unwrap();
    std::fs::write(d.join("no-headings.md"), "just a paragraph\nof text\n").unwrap();
    std::fs::write(d.join("huge-line.txt"), "x".repeat(5_000_000)).unwrap();
    std::fs::write(d.join("ignored.png"), b"\x00\x01").unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(d.join("nowhere.md"), d.join("dangling.md")).unwrap();
        std::fs::create_dir(d.join("loop")).unwrap();
        std::os::unix::fs::symlink(d.join("loop"), d.join("loop/again")).unwrap();
    }
    let out = extract_output([d]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "exit 0 while some file was read: {stderr}");
    for expected in [
        "empty.md: empty file, skipped",
        "binary.md: binary file (NUL bytes), skipped",
        "invalid-utf8.md:7: invalid UTF-8",
        "no-headings.md: names no conference and year",
        "huge-line.txt: names no conference and year",
    ] {
        assert!(stderr.contains(expected), "missing warning {expected:?} in:\n{stderr}");
    }
    #[cfg(unix)]
    {
        assert!(stderr.contains("dangling.md: cannot read"), "{stderr}");
        assert!(stderr.contains("symbolic link loop"), "{stderr}");
    }
    assert!(!stderr.contains("ignored.png"), "non-notes files are not walked: {stderr}");
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let titles: BTreeSet<&str> =
        json["sessions"].as_array().unwrap().iter().map(|s| s["title"].as_str().unwrap()).collect();
    assert_eq!(titles, BTreeSet::from(["Good Talk", "Broken Bytes Talk", "Second Talk"]));
}

#[test]
fn strict_makes_warnings_fatal_and_nothing_readable_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.md");
    let empty = dir.path().join("empty.md");
    std::fs::write(&good, talk_notes("PyOhio 2023", "Good Talk", "Jane Doe")).unwrap();
    std::fs::write(&empty, "").unwrap();
    confgraph().args(["extract", "--strict"]).arg(&good).arg(&empty).assert().code(1);
    confgraph().args(["extract", "--strict"]).arg(&good).assert().success();
    confgraph().arg("extract").arg(&empty).assert().code(1).stderr(predicates::str::contains("no notes could be read"));
    confgraph()
        .args(["extract", "does/not/exist.md"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no such file or folder: does/not/exist.md"));
    confgraph().args(["extract", "--format", "yaml"]).assert().code(2);
}

#[test]
fn bundled_corpus_is_used_and_said_when_no_notes_are_given() {
    confgraph()
        .args(["extract", "--format", "json"])
        .assert()
        .success()
        .stderr(predicates::str::contains("bundled sample corpus"))
        .stdout(predicates::str::contains("\"id\": \"pycascades-2025/web-maps-2-ways-with-streamlit-and-pyscript\""));
}

#[test]
fn output_is_identical_whatever_the_thread_count_and_file_order() {
    let notes = root().join("notes");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&notes).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let fixtures = root().join("tests/fixtures");
    let run = |threads: &str, paths: &[PathBuf]| {
        let out = confgraph()
            .env("RAYON_NUM_THREADS", threads)
            .args(["extract", "--format", "json"])
            .args(paths)
            .arg(&fixtures)
            .output()
            .unwrap();
        assert!(out.status.success());
        out.stdout
    };
    let one = run("1", &files);
    let two = run("2", &files);
    files.reverse();
    let reversed = run("2", &files);
    assert!(one == two, "thread count changed the output");
    assert!(one == reversed, "file order changed the output");
}

#[test]
fn every_session_and_mention_says_where_it_came_from() {
    let json = extract_json(&[&root().join("notes")]);
    let lines: Vec<&str> =
        std::fs::read_to_string(root().join("notes/pycascades-2025.md")).unwrap().leak().lines().collect();
    for s in json["sessions"].as_array().unwrap() {
        let file = s["source"]["file"].as_str().unwrap();
        let line = s["source"]["line"].as_u64().unwrap();
        assert!(line >= 1, "{s}");
        if file.ends_with("pycascades-2025.md") {
            // The line is the session's heading.
            let text = lines[line as usize - 1];
            assert!(text.starts_with("## "), "{file}:{line} is {text:?}");
        }
    }
    for p in json["people"].as_array().unwrap() {
        assert!(!p["mentions"].as_array().unwrap().is_empty(), "{p}");
        for m in p["mentions"].as_array().unwrap() {
            assert!(m["file"].as_str().is_some_and(|f| !f.is_empty()) && m["line"].as_u64().unwrap() >= 1);
        }
    }
}

#[test]
fn recap_people_mentioned_are_found_with_affiliations() {
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("tests/expected/pycon-us-2024-recap.json")).unwrap())
            .unwrap();
    let json = extract_json(&[&root().join("notes/pycon-us-2024-recap.md")]);
    let found: BTreeSet<String> = json["people"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| {
            std::iter::once(p["name"].as_str().unwrap().to_owned())
                .chain(p["aliases"].as_array().unwrap().iter().map(|a| a.as_str().unwrap().to_owned()))
        })
        .map(|n| name_key(&n))
        .collect();
    let with_affiliation: Vec<&Value> = expected["people_mentioned"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| !p["affiliations"].as_array().unwrap().is_empty())
        .collect();
    let missing: Vec<&str> = with_affiliation
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .filter(|n| !found.contains(&name_key(n)))
        .collect();
    let recall = 1.0 - missing.len() as f64 / with_affiliation.len() as f64;
    eprintln!("people mentioned as `Name (Affiliation)`: recall {recall:.3}, missing {missing:?}");
    assert!(recall >= 0.9, "recall {recall:.3}; missing {missing:?}");
    let mason = json["people"].as_array().unwrap().iter().find(|p| p["name"] == "Mason Eggers").expect("Mason Eggers");
    assert_eq!(mason["affiliations"], serde_json::json!(["PyTexas Chair"]));
    let jess = json["people"].as_array().unwrap().iter().find(|p| p["name"] == "Jess Garson").expect("Jess Garson");
    assert_eq!(jess["former_affiliations"], serde_json::json!(["Twitter"]));
    assert!(found.contains(&name_key("Rodrigo Girão Serrão")), "mojibake repaired");
    assert!(found.contains(&name_key("Łukasz Langa")), "mojibake repaired");
}

#[test]
fn exports_folder_is_what_build_writes_today() {
    let (dir, summary) = bundled_build();
    assert!(summary.contains("5 files read, 0 skipped"), "{summary}");
    let written = tree(dir);
    assert!(written.iter().all(|f| !f.contains(".confgraph-")), "no temporary files left: {written:?}");
    for expected in [
        "extract.json",
        "graph.ttl",
        "full.graphml",
        "full.gexf",
        "people.gexf",
        "gephi/full/nodes.csv",
        "neo4j/nodes-person.csv",
    ] {
        assert!(written.iter().any(|f| f == expected), "build writes {expected}: {written:?}");
    }
    assert_eq!(written, tree(&root().join("exports")), "exports/ holds exactly what build writes");
    for name in &written {
        let fresh = std::fs::read(dir.join(name)).unwrap();
        let committed = std::fs::read(root().join("exports").join(name)).unwrap_or_default();
        assert!(fresh == committed, "exports/{name} is stale: run `cargo run --release -- build`");
    }
}

#[test]
fn killing_build_midway_leaves_the_previous_set_whole() {
    let work = tempfile::tempdir().unwrap();
    let (old_notes, new_notes) = (work.path().join("old"), work.path().join("new"));
    confgraph::synthetic::write_corpus(&old_notes, 1_500_000, 1).unwrap();
    confgraph::synthetic::write_corpus(&new_notes, 3_000_000, 2).unwrap();
    let (exports, complete_new) = (work.path().join("exports"), work.path().join("complete-new"));
    confgraph().arg("build").arg("-o").arg(&exports).arg(&old_notes).assert().success();
    confgraph().arg("build").arg("-o").arg(&complete_new).arg(&new_notes).assert().success();
    let old: std::collections::BTreeMap<String, Vec<u8>> =
        tree(&exports).into_iter().map(|f| (f.clone(), std::fs::read(exports.join(&f)).unwrap())).collect();
    // Files staged so far: complete new files in the build's staging folder.
    let staged = || {
        tree(&exports)
            .iter()
            .filter(|f| f.starts_with(".confgraph-stage-") && !f.rsplit('/').next().unwrap().starts_with(".confgraph-"))
            .count()
    };

    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("confgraph"))
        .arg("build")
        .arg("-o")
        .arg(&exports)
        .arg(&new_notes)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Kill it as soon as the first new file is staged, while the rest are still being written.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    let killed_midway = loop {
        if child.try_wait().unwrap().is_some() {
            break false;
        }
        if staged() > 0 || std::time::Instant::now() > deadline {
            child.kill().unwrap();
            child.wait().unwrap();
            break true;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    };
    assert!(killed_midway, "build finished before it could be killed; give it more work");
    // Outside the staging folder, the previous build's set is whole and untouched.
    let placed: std::collections::BTreeMap<String, Vec<u8>> = tree(&exports)
        .into_iter()
        .filter(|f| !f.starts_with(".confgraph-"))
        .map(|f| (f.clone(), std::fs::read(exports.join(&f)).unwrap()))
        .collect();
    assert!(placed == old, "a killed build changed the previous set");
    assert!(complete_new.join("graph.nt").is_file());
    // The next run cleans up after the killed one.
    confgraph().arg("build").arg("-o").arg(&exports).arg(&new_notes).assert().success();
    assert!(tree(&exports).iter().all(|f| !f.contains(".confgraph-")), "stale temporary files removed");
}

#[test]
fn a_reader_closing_the_pipe_early_is_not_an_error() {
    use std::io::Read as _;
    for format in ["graphml", "turtle"] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("confgraph"))
            .args(["export", "--format", format])
            .arg(root().join("notes"))
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("runs");
        let mut first = [0_u8; 1];
        child.stdout.take().expect("stdout").read_exact(&mut first).expect("some output");
        let out = child.wait_with_output().expect("finishes");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success() && !stderr.contains("error"), "{format}: {:?} {stderr}", out.status);
    }
}

#[test]
fn outputs_never_write_over_or_into_the_notes() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes");
    std::fs::create_dir(&notes).unwrap();
    let talk = notes.join("talk.md");
    let text = talk_notes("PyOhio 2023", "Fearless FFI", "Ana Lima");
    std::fs::write(&talk, &text).unwrap();
    std::fs::write(notes.join("report.html"), "mine").unwrap();
    // Over a notes file, into the notes folder, and a build into it: refused (exit 2), untouched.
    for args in [
        vec!["export", "--format", "turtle", "-o"],
        vec!["extract", "--format", "json", "-o"],
        vec!["report", "speakers", "-o"],
    ] {
        confgraph()
            .args(&args)
            .arg(&talk)
            .arg(&notes)
            .assert()
            .code(2)
            .stderr(predicates::str::contains("would write into the notes"));
    }
    confgraph().args(["export", "--format", "turtle", "-o"]).arg(&talk).arg(&talk).assert().code(2);
    confgraph().arg("build").arg(&notes).arg("-o").arg(&notes).assert().code(2);
    assert_eq!(std::fs::read_to_string(&talk).unwrap(), text);
    assert_eq!(std::fs::read_to_string(notes.join("report.html")).unwrap(), "mine");
    // Beside the notes is fine.
    confgraph().arg("build").arg(&notes).arg("-o").arg(dir.path().join("out")).assert().success();
}

#[test]
fn a_rebuild_removes_what_it_no_longer_writes_and_one_build_owns_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let (first, second, out) = (dir.path().join("a"), dir.path().join("b"), dir.path().join("out"));
    std::fs::create_dir_all(&first).unwrap();
    std::fs::create_dir_all(&second).unwrap();
    // An affiliation gives the first corpus organisations; the second has none.
    std::fs::write(first.join("t.md"), "# PyOhio 2023\n\n## Fearless FFI\n\nAna Lima (Red Hat)\n").unwrap();
    std::fs::write(second.join("t.md"), talk_notes("PyOhio 2024", "Zero-Copy Parsing", "Bo Chen")).unwrap();
    confgraph().arg("build").arg(&first).arg("-o").arg(&out).assert().success();
    let before = tree(&out);
    assert!(before.iter().any(|f| f == "neo4j/nodes-organisation.csv"), "{before:?}");
    std::fs::write(out.join("my-notes.txt"), "mine").unwrap();
    confgraph().arg("build").arg(&second).arg("-o").arg(&out).assert().success();
    let after = tree(&out);
    assert!(!after.iter().any(|f| f.contains("organisation")), "stale exports removed: {after:?}");
    assert_eq!(std::fs::read_to_string(out.join("my-notes.txt")).unwrap(), "mine", "other files stay");
    let manifest = std::fs::read_to_string(out.join(".confgraph.manifest")).unwrap();
    assert!(manifest.lines().any(|l| l == "graph.ttl") && !manifest.contains("organisation"));
    // While another build holds the folder, a second one stops and touches nothing.
    #[cfg(unix)]
    {
        let held = std::fs::File::open(&out).unwrap();
        held.try_lock().unwrap();
        confgraph()
            .arg("build")
            .arg(&first)
            .arg("-o")
            .arg(&out)
            .assert()
            .code(1)
            .stderr(predicates::str::contains("another confgraph build is writing into"));
        assert_eq!(tree(&out), after);
        drop(held);
        confgraph().arg("build").arg(&first).arg("-o").arg(&out).assert().success();
    }
}

/// The bytes of every file below `dir`, by relative path.
fn contents(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = tree(dir).into_iter().map(|f| (f.clone(), std::fs::read(dir.join(&f)).unwrap())).collect();
    files.sort();
    files
}

#[cfg(unix)]
#[test]
fn a_build_that_cannot_finish_leaves_the_previous_set_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let (small, out) = (dir.path().join("small"), dir.path().join("out"));
    std::fs::create_dir_all(&small).unwrap();
    std::fs::write(small.join("t.md"), talk_notes("PyOhio 2023", "Fearless FFI", "Ana Lima")).unwrap();
    confgraph().arg("build").arg(&small).arg("-o").arg(&out).assert().success();
    let before = contents(&out);
    // A file-size limit stands in for a full disk: writing past it fails with an error (EFBIG,
    // as ENOSPC would), once the small corpus's files fit and the bundled graph's do not.
    let bin = assert_cmd::cargo::cargo_bin("confgraph");
    let run = std::process::Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 400 && exec \"$@\"")
        .arg("sh")
        .arg(&bin)
        .arg("build")
        .arg(root().join("notes"))
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("the previous build's files are as they were"), "{stderr}");
    assert!(!stderr.contains(".confgraph-stage-"), "messages name the final paths: {stderr}");
    assert!(contents(&out) == before, "the previous set is unchanged");
    let names: Vec<_> = std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(!names.iter().any(|n| n.to_string_lossy().starts_with(".confgraph-stage-")), "{names:?}");
    // Without the limit, the same build replaces the set whole.
    confgraph().arg("build").arg(root().join("notes")).arg("-o").arg(&out).assert().success();
    assert!(!tree(&out).is_empty() && contents(&out) != before);
}

#[cfg(unix)]
#[test]
fn a_folder_that_cannot_be_written_gives_one_clear_error() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o555)).unwrap();
    // Permissions do not stop root: run as `nobody` then (setpriv, util-linux), with the binary
    // and the notes copied where `nobody` may read them.
    let root_user = Process::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    let (bin, notes) = (dir.path().join("confgraph"), dir.path().join("notes"));
    std::fs::copy(assert_cmd::cargo::cargo_bin("confgraph"), &bin).unwrap();
    std::fs::create_dir(&notes).unwrap();
    std::fs::copy(root().join("notes/pycascades-2024.md"), notes.join("pycascades-2024.md")).unwrap();
    let mut run = if root_user {
        let mut p = Process::new("setpriv");
        p.args(["--reuid=65534", "--regid=65534", "--clear-groups"]).arg(&bin);
        p
    } else {
        Process::new(&bin)
    };
    let output = run.arg("build").arg(&notes).arg("-o").arg(&out).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    let said: Vec<&str> = stderr.lines().filter(|l| l.starts_with("confgraph: ")).collect();
    assert_eq!(said.len(), 1, "one message, not one per export: {stderr}");
    assert!(said[0].contains("cannot create a staging folder in") && said[0].contains("Permission denied"), "{stderr}");
    assert!(std::fs::read_dir(&out).unwrap().next().is_none(), "nothing written");
}

#[test]
fn a_move_that_fails_says_so_and_the_next_build_cleans_up() {
    let dir = tempfile::tempdir().unwrap();
    let (small, out) = (dir.path().join("small"), dir.path().join("out"));
    std::fs::create_dir_all(&small).unwrap();
    std::fs::write(small.join("t.md"), talk_notes("PyOhio 2023", "Fearless FFI", "Ana Lima")).unwrap();
    confgraph().arg("build").arg(&small).arg("-o").arg(&out).assert().success();
    // A folder where a file must go: the move fails after the writing succeeded.
    std::fs::remove_file(out.join("report.html")).unwrap();
    std::fs::create_dir(out.join("report.html")).unwrap();
    std::fs::write(out.join("report.html/keep"), "x").unwrap();
    confgraph()
        .arg("build")
        .arg(root().join("notes"))
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("may now hold files of two builds: build again"));
    let manifest = std::fs::read_to_string(out.join(".confgraph.manifest")).unwrap();
    assert!(manifest.lines().any(|l| l == "graph.ttl") && manifest.lines().any(|l| l == "report.html"), "{manifest}");
    std::fs::remove_dir_all(out.join("report.html")).unwrap();
    confgraph().arg("build").arg(root().join("notes")).arg("-o").arg(&out).assert().success();
    assert!(tree(&out).iter().all(|f| !f.contains(".confgraph-stage")), "{:?}", tree(&out));
}

/// The files a build left in `dir`, without its manifest.
fn exports_in(dir: &Path) -> Vec<String> {
    tree(dir).into_iter().filter(|f| !f.starts_with(".confgraph")).collect()
}

#[test]
fn build_formats_writes_just_those_files_with_the_full_builds_bytes() {
    let (full, _) = bundled_build();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let run = confgraph()
        .args(["build", "--formats", "nquads,graphml", "--formats", "csv", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(String::from_utf8_lossy(&run.stdout).contains("triples →"), "RDF was written, so triples are counted");
    let written = exports_in(&out);
    let mut want: Vec<String> =
        ["graph.nq", "full.graphml", "people.graphml", "topics.graphml"].map(String::from).to_vec();
    want.extend(
        ["full", "people", "topics"]
            .iter()
            .flat_map(|v| [format!("gephi/{v}/edges.csv"), format!("gephi/{v}/nodes.csv")]),
    );
    want.sort();
    assert_eq!(written, want);
    for name in &written {
        assert!(std::fs::read(out.join(name)).unwrap() == std::fs::read(full.join(name)).unwrap(), "{name} differs");
    }
    // Without RDF, no triple count; a rebuild with fewer formats leaves just those.
    let run = confgraph().args(["build", "--formats", "report", "-o"]).arg(&out).output().unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(!String::from_utf8_lossy(&run.stdout).contains("triples"), "{}", String::from_utf8_lossy(&run.stdout));
    let written = exports_in(&out);
    assert_eq!(written, ["report.html"]);
    // An unknown name is a usage error that lists the formats there are.
    let run = confgraph().args(["build", "--formats", "ttl", "-o"]).arg(&out).output().unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("turtle"), "{}", String::from_utf8_lossy(&run.stderr));
}

#[test]
fn build_formats_come_from_confgraph_toml_unless_given() {
    let dir = tempfile::tempdir().unwrap();
    let (notes, out) = (dir.path().join("notes"), dir.path().join("out"));
    std::fs::create_dir_all(&notes).unwrap();
    std::fs::write(notes.join("t.md"), talk_notes("PyOhio 2023", "Fearless FFI", "Ana Lima")).unwrap();
    std::fs::write(notes.join("confgraph.toml"), "[build]\nformats = [\"extract\", \"turtle\"]\n").unwrap();
    confgraph().arg("build").arg(&notes).arg("-o").arg(&out).assert().success();
    let written = exports_in(&out);
    assert_eq!(written, ["extract.json", "graph.ttl"]);
    confgraph().arg("build").arg(&notes).args(["--formats", "gexf", "-o"]).arg(&out).assert().success();
    let written = exports_in(&out);
    assert_eq!(written, ["full.gexf", "people.gexf"], "the command line wins; an empty topics view is not written");
    std::fs::write(notes.join("confgraph.toml"), "[build]\nformats = [\"turtle\", \"owl\"]\n").unwrap();
    let run = confgraph().arg("build").arg(&notes).arg("-o").arg(&out).output().unwrap();
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("confgraph.toml: [build] formats: no format `owl`"), "{stderr}");
}

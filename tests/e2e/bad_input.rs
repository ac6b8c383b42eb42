//! Bad input never crashes and never loses the rest: each case has its expected warning (naming
//! the file, and the line where there is one), its exit code, and the output that survives.

use std::fmt::Write as _;
use std::path::Path;

use serde_json::Value;

use crate::common::{confgraph, extract_output};

const GOOD: &str = "# PyOhio 2023\n\n## Good Talk\n\nJane Doe\n";

/// Runs `extract --format json` on a folder holding `good.md` and one bad file; returns the
/// exit code, stderr and the session titles that survived.
fn run_with(bad_name: &str, bad: &[u8]) -> (i32, String, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.md"), GOOD).unwrap();
    std::fs::write(dir.path().join(bad_name), bad).unwrap();
    run_dir(dir.path())
}

fn run_dir(dir: &Path) -> (i32, String, Vec<String>) {
    let out = extract_output([dir]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let titles = serde_json::from_slice::<Value>(&out.stdout)
        .map(|v| v["sessions"].as_array().unwrap().iter().map(|s| s["title"].as_str().unwrap().to_owned()).collect())
        .unwrap_or_default();
    (out.status.code().unwrap_or(-1), stderr, titles)
}

/// Talk notes with one talk whose notes are `unit` repeated on one line of about `bytes` bytes.
fn one_long_line(title: &str, unit: &str, bytes: usize) -> String {
    let mut text = format!("# PyOhio 2023\n\n## {title}\n\nAna Lima\n\n");
    while text.len() < bytes {
        text.push_str(unit);
    }
    text.push('\n');
    text
}

fn has(titles: &[String], title: &str) -> bool {
    titles.iter().any(|t| t == title)
}

#[test]
fn truncated_utf8_is_reported_with_its_line_and_the_rest_is_read() {
    let bytes = b"# PyOhio 2022\n\n## Cut Talk\n\nAna Lima\n\ncaf\xC3".to_vec();
    let (code, stderr, titles) = run_with("cut.md", &bytes);
    assert_eq!(code, 0);
    assert!(stderr.contains("cut.md:7: invalid UTF-8"), "{stderr}");
    assert!(has(&titles, "Cut Talk") && has(&titles, "Good Talk"));
}

#[test]
fn nul_bytes_early_mean_binary_later_they_are_dropped() {
    let (code, stderr, titles) = run_with("early.md", b"# PyOhio 2022\n\x00\x00\x00");
    assert_eq!(code, 0);
    assert!(stderr.contains("early.md: binary file (NUL bytes), skipped"), "{stderr}");
    assert_eq!(titles, vec!["Good Talk".to_owned()]);
    let mut late = b"# PyOhio 2022\n\n## Late Talk\n\nAna Lima\n\n".to_vec();
    late.extend(std::iter::repeat_n(b'a', 9000));
    late.extend(b"\n\nnul \x00 here\n");
    let (code, stderr, titles) = run_with("late.md", &late);
    assert_eq!(code, 0);
    assert!(stderr.contains("late.md:9: control characters or non-characters dropped"), "{stderr}");
    assert!(has(&titles, "Late Talk"));
}

#[cfg(unix)]
#[test]
fn fifos_devices_and_huge_files_are_skipped_before_they_are_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.md"), GOOD).unwrap();
    assert!(std::process::Command::new("mkfifo").arg(dir.path().join("pipe.md")).status().unwrap().success());
    // Sparse: 100 MiB on paper, nothing on disk.
    std::fs::File::create(dir.path().join("huge.txt")).unwrap().set_len(100 << 20).unwrap();
    let (code, stderr, titles) = run_dir(dir.path());
    assert_eq!(code, 0);
    assert!(stderr.contains("pipe.md: not a regular file (a FIFO, device or socket), skipped"), "{stderr}");
    assert!(
        stderr.contains("huge.txt: 100 MiB, larger than the 64 MiB a notes file may be (--max-file-size), skipped"),
        "{stderr}"
    );
    assert_eq!(titles, vec!["Good Talk".to_owned()]);
    // The limit is the user's to set; a binary file is judged by its first bytes, unread.
    let mut binary = vec![0u8; 4096];
    binary.extend(std::iter::repeat_n(b'x', 2 << 20));
    std::fs::write(dir.path().join("dump.txt"), &binary).unwrap();
    let out = confgraph()
        .args(["extract", "--format", "json", "--max-file-size", "1"])
        .arg(dir.path().join("good.md"))
        .arg(dir.path().join("dump.txt"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("dump.txt: 2 MiB, larger than the 1 MiB"), "{stderr}");
    let out = extract_output([dir.path().join("good.md"), dir.path().join("dump.txt")]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("dump.txt: binary file (NUL bytes), skipped"));
    for bad in ["0", "-1", "lots", "99999999999999999999"] {
        confgraph().args(["extract", "--max-file-size", bad]).arg(dir.path().join("good.md")).assert().code(2);
    }
    let out = extract_output([Path::new("/dev/zero"), &dir.path().join("good.md")]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("/dev/zero: not a regular file"));
    // Files named by an option are judged the same way before they are read: a usage error.
    for option in ["--data", "--file"] {
        let mut args = vec!["query"];
        if option == "--data" {
            args.push("ASK { ?s ?p ?o }");
        }
        confgraph()
            .args(&args)
            .args([option, "/dev/zero"])
            .timeout(std::time::Duration::from_secs(20))
            .assert()
            .code(2)
            .stderr(predicates::str::contains(format!("{option} /dev/zero: not a regular file")));
    }
    std::fs::write(dir.path().join("big.ttl"), vec![b' '; (1 << 20) + 1]).unwrap();
    confgraph()
        .args(["--max-file-size", "1", "query", "ASK { ?s ?p ?o }", "--data"])
        .arg(dir.path().join("big.ttl"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("2 MiB, larger than the 1 MiB a file may be (--max-file-size)"));
}

#[test]
fn a_folder_without_notes_says_so_and_points_at_no_warnings() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("photo.jpg"), b"\xFF\xD8").unwrap();
    let out = extract_output([dir.path()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr.contains("no notes files (.md, .markdown, .txt") && !stderr.contains("warnings above"), "{stderr}");
    // With a warning to point at, the message does point at it.
    std::fs::write(dir.path().join("empty.md"), b"").unwrap();
    let out = extract_output([dir.path()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("empty.md: empty file, skipped") && stderr.contains("see the warnings above"), "{stderr}");
}

#[test]
fn non_characters_never_reach_a_title_or_an_export() {
    let bytes = "# PyOhio 2022\n\n## Fast\u{FFFE} BEAM\u{FFFF}\n\nAna Lima\n".as_bytes();
    let (code, stderr, titles) = run_with("nonchar.md", bytes);
    assert_eq!(code, 0);
    assert!(stderr.contains("nonchar.md:3: control characters or non-characters dropped"), "{stderr}");
    assert!(has(&titles, "Fast BEAM"), "{titles:?}");
    // The RDF/XML and Turtle files hold none of them either (XML 1.0 forbids U+FFFE and U+FFFF).
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("nonchar.md"), bytes).unwrap();
    let out = dir.path().join("out");
    confgraph().arg("build").arg(dir.path().join("nonchar.md")).arg("-o").arg(&out).assert().success();
    for file in ["graph.rdf", "graph.ttl", "graph.nt"] {
        let text = std::fs::read_to_string(out.join(file)).unwrap();
        assert!(text.contains("Fast BEAM") && !text.contains(['\u{FFFE}', '\u{FFFF}']), "{file}");
    }
}

#[test]
fn crlf_cr_and_bom_read_like_unix_text_with_the_same_lines() {
    for (name, bytes) in [
        ("crlf.md", b"\xEF\xBB\xBF# PyOhio 2022\r\n\r\n## Windows Talk\r\n\r\nAna Lima\r\n".to_vec()),
        ("cr.md", b"# PyOhio 2022\r\r## Windows Talk\r\rAna Lima\r".to_vec()),
    ] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(name), &bytes).unwrap();
        let out = confgraph().args(["extract", "--format", "json", "--strict"]).arg(dir.path()).output().unwrap();
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        let s = &v["sessions"][0];
        assert_eq!(
            (s["title"].as_str(), s["source"]["line"].as_u64(), s["speakers"][0].as_str()),
            (Some("Windows Talk"), Some(3), Some("Ana Lima")),
            "{name}"
        );
    }
}

#[test]
fn a_hundred_thousand_headings_are_a_hundred_thousand_sessions() {
    let mut text = String::from("# PyOhio 2023\n\n");
    for i in 0..100_000 {
        let _ = write!(text, "## Talk {i}\n\nSpeaker Number{}\n\n", i % 500);
    }
    let (code, stderr, titles) = run_with("many.md", text.as_bytes());
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(titles.len(), 100_001);
}

#[test]
fn a_fifty_megabyte_line_is_read() {
    let unit = "notes that go on and on, with commas; semicolons (asides) and \"quotes\" - ";
    let text = one_long_line("Long Line Talk", unit, 50_000_000);
    let (code, stderr, titles) = run_with("long.md", text.as_bytes());
    assert_eq!(code, 0, "{stderr}");
    assert!(has(&titles, "Long Line Talk") && has(&titles, "Good Talk"));
}

#[test]
fn a_line_of_names_parentheses_and_quotes_is_read_in_linear_time() {
    // Two megabytes of what every prose scan looks for: names, `(` without `)`, quotes, talk
    // words and conference names. A quadratic scan would take hours here; a linear one, seconds.
    let unit = "Ana Lima (Acme \"gave a talk\" ((( at PyTexas. ";
    let text = one_long_line("Crowded Line Talk", unit, 2_000_000);
    let (code, stderr, titles) = run_with("crowded.md", text.as_bytes());
    assert_eq!(code, 0, "{stderr}");
    assert!(has(&titles, "Crowded Line Talk"));
}

#[test]
fn deeply_nested_lists_and_quotes_do_not_overflow() {
    let mut text = String::from("# PyOhio 2023\n\n## Nested Talk\n\nAna Lima\n\n");
    for depth in 0..5_000 {
        text.push_str(&">".repeat(depth % 200));
        text.push_str(&"  ".repeat(depth % 100));
        text.push_str("- item\n");
    }
    let (code, stderr, titles) = run_with("nested.md", text.as_bytes());
    assert_eq!(code, 0, "{stderr}");
    assert!(has(&titles, "Nested Talk"));
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_reported_and_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.md"), GOOD).unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/up")).unwrap();
    let (code, stderr, titles) = run_dir(dir.path());
    assert_eq!(code, 0);
    assert!(stderr.contains("symbolic link loop, not followed"), "{stderr}");
    assert_eq!(titles, vec!["Good Talk".to_owned()]);
}

#[test]
fn a_file_removed_between_listing_and_reading_is_reported_and_the_rest_read() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.md");
    let gone = dir.path().join("gone.md");
    std::fs::write(&good, GOOD).unwrap();
    std::fs::write(&gone, GOOD.replace("Good Talk", "Gone Talk")).unwrap();
    let (sources, problems) = confgraph::ingest::source::collect(&[dir.path().to_path_buf()]);
    assert!(problems.is_empty());
    std::fs::remove_file(&gone).unwrap();
    let results = confgraph::ingest::read_all(&sources);
    let corpus = confgraph::corpus::assemble(results, problems);
    assert_eq!(corpus.files_read, 1);
    assert!(
        corpus.diagnostics.iter().any(|d| d.file.ends_with("gone.md") && d.message.starts_with("cannot read")),
        "{:?}",
        corpus.diagnostics
    );
    assert_eq!(corpus.sessions.iter().map(|s| s.session.title.as_str()).collect::<Vec<_>>(), vec!["Good Talk"]);
}

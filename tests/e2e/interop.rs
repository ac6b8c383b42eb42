//! The RDF exports read by real clients: rapper (raptor2-utils), rdflib and pySHACL, and the
//! named queries answered the same by a second SPARQL engine (rdflib).
//!
//! `./scripts/test.sh` installs the clients. Without them a test says so and passes locally; under
//! CI (`CI=true`) a missing client is a failure.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command as Process;

use serde_json::Value;

use crate::common::{bundled_build, bundled_exports, client_available, confgraph, interop, python_with, root};

fn python_rdf_available() -> bool {
    python_with("rdflib, pyshacl")
}

#[test]
fn rapper_parses_turtle_ntriples_and_rdfxml() {
    if !client_available("rapper (raptor2-utils)", Process::new("rapper").arg("--version")) {
        return;
    }
    let (dir, triples) = bundled_exports();
    for (file, syntax) in [("graph.ttl", "turtle"), ("graph.nt", "ntriples"), ("graph.rdf", "rdfxml")] {
        let out = Process::new("rapper").args(["-i", syntax, "-c"]).arg(dir.join(file)).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "rapper rejected {file}: {stderr}");
        assert!(!stderr.contains("Error") && !stderr.contains("Warning"), "rapper complained about {file}: {stderr}");
        assert!(
            stderr.contains(&format!("returned {triples} triples")),
            "rapper counted differently for {file}: {stderr}"
        );
    }
}

#[test]
fn rdflib_reads_all_six_syntaxes_to_the_same_triple_count() {
    if !python_with("rdflib") {
        return;
    }
    let (dir, triples) = bundled_exports();
    for (format, extension) in RDF_FORMATS {
        let file = dir.join(format!("graph.{extension}"));
        let count = rdflib_count(format, &file);
        assert_eq!(count, triples, "rdflib read {count} triples from {}, confgraph wrote {triples}", file.display());
    }
}

/// The RDF `--format` names and the extensions `build` gives their files.
const RDF_FORMATS: [(&str, &str); 6] = [
    ("turtle", "ttl"),
    ("ntriples", "nt"),
    ("nquads", "nq"),
    ("trig", "trig"),
    ("rdfxml", "rdf"),
    ("jsonld", "jsonld"),
];

/// The JSON-LD export, compacted with the published context, read by rdflib and `PyLD`: the same
/// triples as N-Triples, frames on `Person`, `Session` and `Conference` finding every node of the
/// type, keys and types as terms, native numbers and booleans (`jsonld_check.py`).
#[test]
fn jsonld_reads_back_in_rdflib_and_pyld_and_frames_find_every_node() {
    if !python_with("rdflib, pyld") {
        return;
    }
    let (dir, _) = bundled_exports();
    let out = Process::new("python3")
        .arg(interop("jsonld_check.py"))
        .arg(dir.join("graph.jsonld"))
        .arg(dir.join("graph.nt"))
        .arg(root().join("ontology/context.jsonld"))
        .output()
        .unwrap();
    let figures = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{figures}\n{}", String::from_utf8_lossy(&out.stderr));
}

/// How many triples rdflib reads from `file` in `format` (`rdf_count.py` knows confgraph's names).
fn rdflib_count(format: &str, file: &Path) -> usize {
    let out = Process::new("python3").arg(interop("rdf_count.py")).arg(format).arg(file).output().unwrap();
    assert!(out.status.success(), "rdflib failed on {}: {}", file.display(), String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
}

#[test]
fn turtle_export_conforms_to_the_shapes_and_a_planted_violation_is_caught() {
    if !python_rdf_available() {
        return;
    }
    let dir = bundled_build().0;
    let shapes = root().join("ontology/shapes.ttl");
    let ontology = root().join("ontology/confgraph.ttl");
    let ok = Process::new("python3")
        .arg(interop("shacl_validate.py"))
        .arg(dir.join("graph.ttl"))
        .arg(&shapes)
        .arg(&ontology)
        .output()
        .unwrap();
    assert!(ok.status.success(), "export does not conform:\n{}", String::from_utf8_lossy(&ok.stdout));
    // Plant violations: a session in two editions, and an edition without a year.
    let mut planted = std::fs::read_to_string(dir.join("graph.ttl")).unwrap();
    planted.push_str(
        "\n<https://example.org/confgraph/session/pycascades-2025/goodbye-gil-exploring-the-free-threaded-mode-in-python-3-13> <https://schema.org/superEvent> <https://example.org/confgraph/edition/pycon-us-2019> .\n\
         <https://example.org/confgraph/edition/extra-2030> a <https://w3id.org/scholarlydata/ontology/conference-ontology.owl#Conference> .\n",
    );
    let scratch = tempfile::tempdir().unwrap();
    let bad = scratch.path().join("planted.ttl");
    std::fs::write(&bad, planted).unwrap();
    let out = Process::new("python3")
        .arg(interop("shacl_validate.py"))
        .arg(&bad)
        .arg(&shapes)
        .arg(&ontology)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "planted violations not reported:\n{report}");
    assert!(report.contains("goodbye-gil") && report.contains("extra-2030"), "both violations named:\n{report}");
}

/// Rows of a SELECT as sorted lists of cell strings, list cells (`a; b`) with their items sorted.
fn normalise_rows(vars: &[String], rows: &[Vec<Option<String>>]) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|cell| {
                    let cell = cell.clone().unwrap_or_default();
                    let mut items: Vec<&str> = cell.split("; ").collect();
                    items.sort_unstable();
                    items.join("; ")
                })
                .collect()
        })
        .collect();
    out.sort();
    assert!(out.iter().all(|r| r.len() == vars.len()));
    out
}

#[test]
fn every_named_query_gives_the_same_answer_in_rdflib() {
    if !python_rdf_available() {
        return;
    }
    let dir = bundled_build().0;
    let data = dir.join("graph.ttl");
    assert!(confgraph::queries::NAMED_QUERIES.len() >= 8, "at least eight named queries");
    let mut compared = BTreeMap::new();
    let scratch = tempfile::tempdir().unwrap();
    for (name, text) in confgraph::queries::NAMED_QUERIES {
        let qfile = scratch.path().join(format!("{name}.rq"));
        std::fs::write(&qfile, text).unwrap();
        let ours =
            confgraph().args(["query", "--named", name, "--format", "json", "--data"]).arg(&data).output().unwrap();
        assert!(ours.status.success(), "{name}: {}", String::from_utf8_lossy(&ours.stderr));
        let ours: Value = serde_json::from_slice(&ours.stdout).unwrap();
        let vars: Vec<String> =
            ours["head"]["vars"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_owned()).collect();
        let our_rows: Vec<Vec<Option<String>>> = ours["results"]["bindings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| vars.iter().map(|v| b[v]["value"].as_str().map(str::to_owned)).collect())
            .collect();
        let theirs = Process::new("python3").arg(interop("sparql_select.py")).arg(&data).arg(&qfile).output().unwrap();
        assert!(theirs.status.success(), "{name} in rdflib: {}", String::from_utf8_lossy(&theirs.stderr));
        let theirs: Value = serde_json::from_slice(&theirs.stdout).unwrap();
        let their_vars: Vec<String> =
            theirs["vars"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_owned()).collect();
        let their_rows: Vec<Vec<Option<String>>> = theirs["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_array().unwrap().iter().map(|c| c.as_str().map(str::to_owned)).collect())
            .collect();
        assert_eq!(vars, their_vars, "{name}: variables");
        assert_eq!(normalise_rows(&vars, &our_rows), normalise_rows(&vars, &their_rows), "{name}: rows differ");
        compared.insert(*name, our_rows.len());
    }
    eprintln!("named queries compared with rdflib (rows): {compared:?}");
    assert!(
        compared.values().filter(|&&n| n > 0).count() >= 6,
        "most named queries return rows on the bundled notes: {compared:?}"
    );
}

#[test]
fn turtle_round_trips_through_data_unchanged() {
    let dir = bundled_build().0;
    let ttl = dir.join("graph.ttl");
    for (format, extension) in RDF_FORMATS {
        let once = confgraph().args(["export", "--format", format, "--data"]).arg(&ttl).output().unwrap();
        assert!(once.status.success(), "{}", String::from_utf8_lossy(&once.stderr));
        let direct = std::fs::read(dir.join(format!("graph.{extension}"))).unwrap();
        assert!(once.stdout == direct, "{format}: export from --data differs from export from notes");
    }
}

#[test]
fn awkward_characters_survive_every_syntax() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("awkward.md");
    std::fs::write(
        &notes,
        "# PyOhio 2023\n\n## Quotes \"inside\" & <angle> brackets 🐍 — naïve café\n\nZoë O'Brien-Łukasiewicz\n\n> Abstract with \"quotes\", a backslash \\\\ and\n> a second line & <tags> 🎉\n\n## 'Single' quotes and émoji 🚀\n\nJosé Müller\n",
    )
    .unwrap();
    let base_ttl = dir.path().join("graph.ttl");
    confgraph().args(["export", "--format", "turtle", "-o"]).arg(&base_ttl).arg(&notes).assert().success();
    let reference =
        confgraph().args(["export", "--format", "ntriples", "--data"]).arg(&base_ttl).output().unwrap().stdout;
    let text = String::from_utf8(reference.clone()).unwrap();
    for needle in [
        "Quotes \\\"inside\\\" & <angle> brackets 🐍 — naïve café",
        "Zoë O'Brien-Łukasiewicz",
        "José Müller",
        "a backslash \\\\ and\\na second line & <tags> 🎉",
    ] {
        assert!(text.contains(needle), "{needle:?} not in\n{text}");
    }
    let rdflib = python_with("rdflib");
    for (format, extension) in RDF_FORMATS {
        let file = dir.path().join(format!("awkward.{extension}"));
        confgraph().args(["export", "--format", format, "-o"]).arg(&file).arg(&notes).assert().success();
        let back = confgraph().args(["export", "--format", "ntriples", "--data"]).arg(&file).output().unwrap();
        assert!(back.status.success(), "{format}: {}", String::from_utf8_lossy(&back.stderr));
        assert!(back.stdout == reference, "{format} changed the graph");
        if rdflib {
            // The N-Triples reference holds one triple per line.
            assert_eq!(rdflib_count(format, &file), text.lines().count(), "{format}");
        }
    }
}

#[test]
fn query_command_contract() {
    let dir = bundled_build().0;
    let data = dir.join("graph.ttl");
    confgraph()
        .args(["query", "SELECT ?s WHERE { ?s ?p }", "--data"])
        .arg(&data)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("SPARQL syntax error: line 1, column 19: a triple pattern needs"));
    // Syntax errors name the mistake where it is, never a dump of the grammar.
    for (query, said) in [
        ("SELECT * WHERE { ?s ?p ?x FILTER(?x = ) }", "line 1, column 37: `=` needs a value on its right"),
        ("SELEC * WHERE { ?s ?p ?o }", "line 1, column 1: a query begins with SELECT, ASK, CONSTRUCT or DESCRIBE"),
        ("SELECT * WHERE {\n ?s ?p ?o FILTER(?o > 3\n}", "line 2, column 17: this `(` is closed by a `}`"),
        ("SELECT * WHERE { ?s foo:name ?o }", "line 1, column 21: the prefix `foo:` is not declared"),
    ] {
        let out = confgraph().args(["query", query, "--data"]).arg(&data).assert().code(2);
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert!(stderr.contains(said), "{query}: {stderr}");
        assert!(!stderr.contains("ABS") && !stderr.contains("\\u{"), "{query}: {stderr}");
    }
    confgraph()
        .args(["query", "ASK { ?s a <https://schema.org/Person> }", "--data"])
        .arg(&data)
        .assert()
        .success()
        .stdout("true\n");
    let describe = confgraph()
        .args([
            "query",
            "DESCRIBE <https://example.org/confgraph/person/christy-heaton>",
            "--format",
            "ntriples",
            "--data",
        ])
        .arg(&data)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&describe.stdout).contains("\"Christy Heaton\""));
    confgraph().args(["query", "--list"]).assert().success().stdout(predicates::str::contains("repeat-speakers"));
    confgraph().args(["query", "--named", "no-such-query"]).assert().code(2);
    // Numbers no duration can hold are refused as usage errors, never a panic (exit 101).
    for bad in ["1e20", "0", "NaN", "inf"] {
        confgraph()
            .args(["query", "ASK { ?s ?p ?o }", "--timeout", bad, "--data"])
            .arg(&data)
            .assert()
            .code(2)
            .stderr(predicates::str::contains("--timeout must be a positive number"));
    }
    // A cross product of the whole graph with itself three times cannot finish in 50 ms.
    confgraph()
        .args([
            "query",
            "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
            "--timeout",
            "0.05",
            "--data",
        ])
        .arg(&data)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("--timeout"));
    // The limits hold inside the engine, not only between results: a cross product that gives no
    // row for a long while is stopped by its memory ceiling; a result over --max-rows never
    // reaches stdout; and ceilings that limit nothing are usage errors.
    confgraph()
        .args(["query", "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", "--max-memory", "64", "--data"])
        .arg(&data)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicates::str::contains("more than 64 MiB of memory"));
    confgraph()
        .args(["query", "SELECT * { ?s ?p ?o }", "--max-rows", "10", "--format", "csv", "--data"])
        .arg(&data)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicates::str::contains("more than 10 rows"));
    // `FROM <…>` could only answer nothing over confgraph's one default graph: said, not silent.
    confgraph()
        .args(["query", "SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }", "--data"])
        .arg(&data)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::contains("remove the FROM clauses"));
    for (option, bad) in [("--max-rows", "0"), ("--max-rows", "-3"), ("--max-memory", "0"), ("--max-memory", "lots")] {
        confgraph().args(["query", "ASK { ?s ?p ?o }", option, bad, "--data"]).arg(&data).assert().code(2);
    }
    let csv = confgraph().args(["query", "--named", "speakers-per-edition", "--format", "csv"]).output().unwrap();
    assert!(csv.status.success());
    assert!(
        String::from_utf8_lossy(&csv.stdout).contains("pycascades-2025")
            || String::from_utf8_lossy(&csv.stdout).contains("PyCascades 2025")
    );
}

#[test]
fn named_queries_give_the_same_rows_on_oxigraph_rdflib_virtuoso_and_comunica() {
    let comunica = root().join("tests/interop/comunica/node_modules/.bin/comunica-sparql-file");
    if !python_with("rdflib")
        || !client_available(
            "virtuoso-t (virtuoso-opensource-7)",
            Process::new("sh").args(["-c", "command -v virtuoso-t"]),
        )
        || !client_available("Comunica (tests/interop/comunica)", Process::new("test").arg("-x").arg(&comunica))
    {
        return;
    }
    let (dir, _) = bundled_exports();
    let out = Process::new("python3")
        .arg(interop("engines_check.py"))
        .arg(assert_cmd::cargo::cargo_bin("confgraph"))
        .arg(dir.join("graph.nt"))
        .current_dir(root())
        .output()
        .unwrap();
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{summary}\n{}", String::from_utf8_lossy(&out.stderr));
    let summary: Value = serde_json::from_str(&summary).unwrap();
    assert_eq!(summary["queries"].as_object().unwrap().len(), confgraph::queries::NAMED_QUERIES.len());
}

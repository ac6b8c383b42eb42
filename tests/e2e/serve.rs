//! `serve` driven by real clients (`SPARQLWrapper`, rdflib's `SPARQLStore`, curl, headless
//! Chromium) and under load, through the scripts of `tests/interop/`; and `push` into an Oxigraph
//! server.

use std::process::Command as Process;

use crate::common::{bundled_exports, client_available, confgraph, interop, python_with, root};

fn binary() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("confgraph")
}

/// Runs a Python script of `tests/interop/` from the repository root and checks it passed.
fn run_script(script: &str, args: &[&std::ffi::OsStr]) -> String {
    let out = Process::new("python3").arg(interop(script)).args(args).current_dir(root()).output().unwrap();
    let summary = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{script}: {summary}\n{}", String::from_utf8_lossy(&out.stderr));
    summary
}

#[test]
fn sparql_clients_curl_and_a_browser_get_the_rows_confgraph_query_gives() {
    if !python_with("rdflib, SPARQLWrapper")
        || !client_available("curl", Process::new("curl").arg("--version"))
        || !client_available("chromium", Process::new("chromium").arg("--version"))
    {
        return;
    }
    let graph = bundled_exports().0.join("graph.nt");
    let summary = run_script("serve_check.py", &[binary().as_os_str(), graph.as_os_str()]);
    let summary: serde_json::Value = serde_json::from_str(&summary).unwrap();
    assert_eq!(summary["named_queries"].as_u64(), Some(confgraph::queries::NAMED_QUERIES.len() as u64));
    assert!(summary["page_rows"].as_u64().unwrap() > 0, "{summary}");
}

#[test]
fn a_thousand_queries_from_eight_clients_pass_while_a_runaway_is_stopped() {
    if !client_available("python3", Process::new("python3").arg("--version")) {
        return;
    }
    let summary = run_script(
        "serve_load.py",
        &[binary().as_os_str(), "--requests=1000".as_ref(), "--clients=8".as_ref(), "--timeout=2".as_ref()],
    );
    let summary: serde_json::Value = serde_json::from_str(&summary).unwrap();
    assert_eq!(summary["requests"].as_u64(), Some(1000), "{summary}");
}

#[test]
fn serve_refuses_a_bad_address_and_notes_with_data() {
    confgraph().args(["serve", "--bind", "7878"]).assert().code(2).stderr(predicates::str::contains("--bind 7878"));
    confgraph().args(["serve", "notes", "--data", "exports/graph.nt"]).assert().code(2);
    confgraph().args(["serve", "--bind", "127.0.0.1:0"]).assert().code(2).stderr(predicates::str::contains("port 0"));
}

#[test]
fn push_refuses_options_a_store_would_refuse_before_sending_anything() {
    for (args, says) in [
        (&["--endpoint", "ftp://127.0.0.1/store"][..], "http:// or https://"),
        (&["--endpoint", "127.0.0.1:7878/store"][..], "http:// or https://"),
        (&["--endpoint", "http://127.0.0.1:1/store", "--graph", "not an iri"][..], "absolute IRI"),
        (&["--endpoint", "http://127.0.0.1:1/store", "--user", "nocolon"][..], "USER:PASSWORD"),
    ] {
        confgraph().arg("push").args(args).assert().code(2).stderr(predicates::str::contains(says));
    }
}

#[test]
fn push_into_an_oxigraph_server_answers_every_named_query_the_same() {
    if !client_available("oxigraph (PyPI)", Process::new("oxigraph").arg("--version")) {
        return;
    }
    let summary = run_script("push_check.py", &[binary().as_os_str()]);
    let summary: serde_json::Value = serde_json::from_str(&summary).unwrap();
    assert_eq!(summary["named_queries"].as_u64(), Some(confgraph::queries::NAMED_QUERIES.len() as u64), "{summary}");
}

//! Identities, topics and reports on the bundled notes: the reports agree with their SPARQL
//! counterparts, the speakers report finds who came back, topics cover the sessions, and the HTML
//! report renders its charts in headless Chromium.

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command as Process;

use serde_json::Value;

use crate::common::{bundled_build, client_available, confgraph, interop, python_with, root};

fn json_of(args: &[&str]) -> Value {
    let out = confgraph().args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// SELECT rows as maps from variable to plain value.
fn query_rows(name: &str) -> Vec<BTreeMap<String, String>> {
    let v = json_of(&["query", "--named", name, "--format", "json"]);
    let vars: Vec<String> =
        v["head"]["vars"].as_array().unwrap().iter().map(|x| x.as_str().unwrap().to_owned()).collect();
    v["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| vars.iter().filter_map(|var| b[var]["value"].as_str().map(|s| (var.clone(), s.to_owned()))).collect())
        .collect()
}

#[test]
fn speakers_report_finds_who_came_back_and_no_one_else() {
    let report = json_of(&["report", "speakers", "--format", "json"]);
    let by_name: BTreeMap<&str, &Value> =
        report.as_array().unwrap().iter().map(|r| (r["name"].as_str().unwrap(), r)).collect();
    let years = |name: &str| -> Vec<u64> {
        by_name[name]["years"].as_array().unwrap().iter().map(|y| y.as_u64().unwrap()).collect()
    };
    assert_eq!(years("Jeremiah Paige"), vec![2022, 2024, 2025], "Jeremiah Paige spoke in 2022 as @ucodery");
    assert_eq!(by_name["Jeremiah Paige"]["aliases"], serde_json::json!(["@ucodery"]));
    assert_eq!(years("Christy Heaton"), vec![2019, 2024, 2025]);
    assert_eq!(
        by_name["Christy Heaton"]["editions"],
        serde_json::json!(["pycon-us-2019", "pycascades-2024", "pycascades-2025"])
    );
    for name in ["Lynn Root", "Avik Basu", "Drishti Jain"] {
        assert!(by_name.contains_key(name), "{name} spoke at two editions");
    }
    // One person since the middle-name rule, who spoke in 2019 and is only mentioned in 2024.
    assert!(!by_name.contains_key("Reuven M. Lerner"), "Reuven Lerner spoke once");
    // `Josh Cannon at Northbay Python: youtube link …`: a talk at an edition of unknown year.
    assert_eq!(
        by_name["Joshua Cannon"]["editions"],
        serde_json::json!(["pycascades-2024", "north-bay-python-year-unknown"])
    );
    assert_eq!((years("Joshua Cannon"), &by_name["Joshua Cannon"]["year_unknown"]), (vec![2024], &Value::Bool(true)));
    assert_eq!(years("Hynek Schlawack"), vec![2019], "PyCon US 2019 and his untitled PyGotham 2019 talk");
    assert_eq!(by_name["Hynek Schlawack"]["editions"], serde_json::json!(["pycon-us-2019", "pygotham-2019"]));
    for row in report.as_array().unwrap() {
        assert!(row["editions"].as_array().unwrap().len() >= 2, "only repeat speakers: {row}");
        assert!(!row["sessions"].as_array().unwrap().is_empty());
    }
    let once = json_of(&["report", "speakers", "--format", "json", "--min-editions", "3"]);
    assert!(once.as_array().unwrap().iter().all(|r| r["editions"].as_array().unwrap().len() >= 3));
}

#[test]
fn speakers_report_agrees_with_its_query() {
    let report = json_of(&["report", "speakers", "--format", "json"]);
    let ours: BTreeSet<(String, usize)> = report
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["name"].as_str().unwrap().to_owned(), r["editions"].as_array().unwrap().len()))
        .collect();
    let theirs: BTreeSet<(String, usize)> =
        query_rows("repeat-speakers").iter().map(|r| (r["name"].clone(), r["editions"].parse().unwrap())).collect();
    assert_eq!(ours, theirs);
}

#[test]
fn topics_report_agrees_with_its_query() {
    let report = json_of(&["report", "topics", "--format", "json"]);
    let mut ours = BTreeSet::new();
    for t in report["topics"].as_array().unwrap() {
        for (year, n) in t["counts"].as_object().unwrap() {
            if n.as_u64().unwrap() > 0 {
                ours.insert((t["id"].as_str().unwrap().to_owned(), year.clone(), n.as_u64().unwrap()));
            }
        }
    }
    let theirs: BTreeSet<(String, String, u64)> = query_rows("sessions-per-topic-per-year")
        .iter()
        .map(|r| (r["topic"].clone(), r["year"].clone(), r["sessions"].parse().unwrap()))
        .collect();
    assert!(ours.len() > 20, "topics per year: {}", ours.len());
    assert_eq!(ours, theirs);
    let free_threading =
        report["topics"].as_array().unwrap().iter().find(|t| t["id"] == "free-threading").expect("free-threading");
    assert_eq!(free_threading["label"], "Free-threading and the GIL");
    assert!(["rising", "falling", "steady", "new"].contains(&free_threading["trend"].as_str().unwrap()));
}

#[test]
fn editions_report_agrees_with_its_query() {
    let report = json_of(&["report", "editions", "--format", "json"]);
    let ours: BTreeSet<(String, u64, u64, u64)> = report
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["edition"].as_str().unwrap().to_owned(),
                r["sessions"].as_u64().unwrap(),
                r["speakers"].as_u64().unwrap(),
                r["returning"].as_u64().unwrap(),
            )
        })
        .collect();
    let theirs: BTreeSet<(String, u64, u64, u64)> = query_rows("editions")
        .iter()
        .map(|r| {
            (
                r["edition"].clone(),
                r["sessions"].parse().unwrap(),
                r["speakers"].parse().unwrap(),
                r["returning"].parse().unwrap(),
            )
        })
        .collect();
    assert_eq!(ours, theirs);
    let pycascades_2025 = report.as_array().unwrap().iter().find(|r| r["edition"] == "pycascades-2025").unwrap();
    assert!(
        pycascades_2025["returning"].as_u64().unwrap() >= 3,
        "Jeremiah Paige, Avik Basu, Drishti Jain came back: {pycascades_2025}"
    );
}

#[test]
fn sessions_get_the_topics_a_reader_would_give_them() {
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("tests/expected/topics.json")).unwrap()).unwrap();
    let extract = json_of(&["extract", "--format", "json"]);
    let topics: BTreeMap<&str, Vec<&str>> = extract["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (s["id"].as_str().unwrap(), s["topics"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect())
        })
        .collect();
    let (mut found, mut total, mut missing) = (0, 0, Vec::new());
    let sessions = expected["sessions"].as_array().unwrap();
    assert!(sessions.len() >= 25);
    for s in sessions {
        for t in s["topics"].as_array().unwrap() {
            total += 1;
            if topics[s["id"].as_str().unwrap()].contains(&t.as_str().unwrap()) {
                found += 1;
            } else {
                missing.push(format!("{} → {t}", s["title"]));
            }
        }
    }
    let recall = f64::from(found) / f64::from(total);
    eprintln!("expected topics found: {found}/{total} ({recall:.3}); missing: {missing:?}");
    assert!(recall >= 0.95, "missing {missing:?}");
    assert_eq!(
        topics["pycascades-2025/goodbye-gil-exploring-the-free-threaded-mode-in-python-3-13"][0],
        "free-threading"
    );
}

#[test]
fn ninety_percent_of_sessions_with_an_abstract_or_notes_get_a_topic() {
    let sources = confgraph::ingest::source::sample_corpus();
    let results = confgraph::ingest::read_all(&sources);
    // Which sessions are described is read before assembly: the corpus empties the notes of
    // sessions that got a topic.
    let described_at: BTreeSet<(confgraph::model::SourceLine, String)> = results
        .iter()
        .filter_map(|r| r.record.as_ref())
        .flat_map(|record| &record.sessions)
        .filter(|s| s.abstract_text.is_some() || !s.notes.trim().is_empty())
        .map(|s| (s.source.clone(), s.title.clone()))
        .collect();
    let corpus = confgraph::corpus::assemble(results, Vec::new());
    let described: Vec<_> = corpus
        .sessions
        .iter()
        .filter(|s| described_at.contains(&(s.session.source.clone(), s.session.title.clone())))
        .collect();
    let tagged = described.iter().filter(|s| !s.topics.is_empty()).count();
    let share = tagged as f64 / described.len() as f64;
    let untagged: Vec<&str> =
        described.iter().filter(|s| s.topics.is_empty()).map(|s| s.session.title.as_str()).collect();
    eprintln!("{tagged}/{} described sessions have a topic ({share:.3}); without: {untagged:?}", described.len());
    assert!(described.len() > 100);
    assert!(share >= 0.9, "{share}");
    // Every topic keeps its evidence.
    for s in &corpus.sessions {
        for t in &s.topics {
            assert!(!t.evidence.is_empty() && t.score >= confgraph::topics::THRESHOLD);
        }
    }
}

#[test]
fn a_topics_file_replaces_the_taxonomy() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("mine.ttl");
    std::fs::write(
        &file,
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n<https://example.org/t/maps> a skos:Concept ; skos:prefLabel \"Maps\"@en ; skos:altLabel \"geopandas\"@en, \"map\"@en, \"maps\"@en .\n",
    )
    .unwrap();
    let extract = json_of(&["extract", "--format", "json", "--topics", file.to_str().unwrap()]);
    let tagged: BTreeSet<&str> = extract["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["topics"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()))
        .collect();
    assert_eq!(tagged, BTreeSet::from(["maps"]));
    confgraph().args(["extract", "--topics", "no/such.ttl"]).assert().code(2);
}

#[test]
fn the_same_talk_at_three_conferences_is_linked() {
    let extract = json_of(&["extract", "--format", "json"]);
    let jupyrest: Vec<&Value> = extract["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["title"].as_str().unwrap().starts_with("Rest Easy with Jupyrest"))
        .collect();
    let editions: BTreeSet<&str> = jupyrest.iter().map(|s| s["conference"].as_str().unwrap()).collect();
    assert_eq!(editions, BTreeSet::from(["pycascades-2024", "pycon-us-2024", "pytexas-2024"]));
    for s in &jupyrest {
        assert_eq!(s["same_talk_as"].as_array().unwrap().len(), 2, "{s}");
        assert_eq!(s["speakers"], serde_json::json!(["Koushik Krishnan"]));
    }
    let rows = query_rows("talks-at-several-conferences");
    assert!(rows.iter().any(|r| r.values().any(|v| v.to_lowercase().starts_with("rest easy with jupyrest"))));
}

#[test]
fn people_explain_shows_merges_near_misses_and_honours_confgraph_toml() {
    let out = confgraph().args(["people", "--explain"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for needle in [
        "Jessica Garson  [jessica-garson]  also: @JessicaGarson, Jess Garson",
        "Mason Egger  [mason-egger]  also: Mason Eggers",
        "Joshua Cannon  [joshua-cannon]  also: Josh Cannon",
        "Reuven M. Lerner  [reuven-m-lerner]  also: Reuven Lerner  (2 mentions, 1 as speaker)",
        "`Reuven M. Lerner` adds a middle name or initial to `Reuven Lerner`",
        "Erin Allard / Tania Allard: same surname, different given names",
        "Drishti Jain / Samyak Jain",
    ] {
        assert!(text.contains(needle), "{needle:?} not in people --explain");
    }
    let dir = tempfile::tempdir().unwrap();
    for f in ["pycascades-2024.md", "pycon-us-2024-recap.md"] {
        std::fs::copy(root().join("notes").join(f), dir.path().join(f)).unwrap();
    }
    std::fs::write(
        dir.path().join("confgraph.toml"),
        "same = [[\"Andy Knight\", \"Andrew Knight\"]]\ndifferent = [[\"Josh Cannon\", \"Joshua Cannon\"]]\n",
    )
    .unwrap();
    let out = confgraph().args(["people", "--explain"]).arg(dir.path()).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("also: Andrew Knight") || text.contains("also: Andy Knight"), "{text}");
    assert!(text.contains("confgraph.toml says they are different people"), "{text}");
    // Without a word before: a name that matches no one (a typo), and a pair both same and different.
    assert!(String::from_utf8_lossy(&out.stderr).is_empty(), "every name matches someone");
    let toml =
        "same = [[\"Andy Knight\", \"Andrew Knight\"]]\n\ndifferent = [[\"Joshau Cannon\", \"Joshua Cannon\"]]\n";
    std::fs::write(dir.path().join("confgraph.toml"), toml).unwrap();
    confgraph().arg("people").arg(dir.path()).assert().success().stderr(predicates::str::contains(
        "confgraph.toml:3: confgraph.toml names `Joshau Cannon`, who is in none of the notes read; check the spelling",
    ));
    // Read one file of the folder, the others' speakers are not there to match: no warning.
    let one = confgraph().arg("people").arg(dir.path().join("pycascades-2024.md")).output().unwrap();
    assert!(!String::from_utf8_lossy(&one.stderr).contains("none of the notes"), "{one:?}");
    let toml = "same = [[\"Andy Knight\", \"Andrew Knight\"]]\ndifferent = [[\"Andrew Knight\", \"Andy Knight\"]]\n";
    std::fs::write(dir.path().join("confgraph.toml"), toml).unwrap();
    confgraph().arg("people").arg(dir.path()).assert().code(2).stderr(predicates::str::contains(
        "are one person (`same`) and different people (`different`); keep one of the two",
    ));
    std::fs::write(dir.path().join("confgraph.toml"), "same = 3\n").unwrap();
    confgraph().arg("people").arg(dir.path()).assert().code(2).stderr(predicates::str::contains("confgraph.toml:1:"));
}

#[test]
fn html_report_renders_its_charts_in_chromium() {
    if !client_available("chromium", Process::new("chromium").arg("--version")) || !python_with("PIL") {
        return;
    }
    let html = bundled_build().0.join("report.html");
    let scratch = tempfile::tempdir().unwrap();
    let shot = scratch.path().join("report.png");
    let out = Process::new("python3").arg(interop("html_report_check.py")).arg(&html).arg(&shot).output().unwrap();
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "charts did not render: {summary} {}", String::from_utf8_lossy(&out.stderr));
    let summary: Value = serde_json::from_str(&summary).unwrap();
    // One line per topic shown: the report's most frequent topics (two sessions or more), in order.
    let report = json_of(&["report", "topics", "--format", "json"]);
    let expected: Vec<&str> = report["topics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["total"].as_u64().unwrap() >= 2)
        .take(confgraph::report::html::TOPICS_IN_CHART)
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    let shown: Vec<&str> = summary["series"].as_array().unwrap().iter().map(|s| s.as_str().unwrap()).collect();
    assert_eq!(shown, expected, "{summary}");
    assert!(shown.len() >= 3);
}

#[test]
fn untagged_sessions_are_listed_with_words_not_ids() {
    let report = json_of(&["report", "topics", "--untagged", "--format", "json"]);
    let topics = json_of(&["report", "topics", "--format", "json"]);
    let sessions = report["sessions"].as_array().unwrap();
    assert_eq!(sessions.len() as u64, topics["untagged"]["sessions"].as_u64().unwrap());
    assert!(sessions.iter().any(|s| s["title"] == "Quantifying Nebraska"), "{report}");
    for s in sessions {
        for w in s["words"].as_array().unwrap() {
            let w = w.as_str().unwrap();
            assert!(w.chars().all(char::is_alphabetic) && w.len() >= 4, "{w:?} is no word ({s})");
        }
    }
    let nebraska = sessions.iter().find(|s| s["title"] == "Quantifying Nebraska").unwrap();
    assert!(nebraska["words"].as_array().unwrap().iter().any(|w| w == "nebraska"), "{nebraska}");
    let out = confgraph().args(["report", "speakers", "--untagged"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "--untagged is for the topics report");
}

#[test]
fn an_edition_of_unknown_year_is_no_second_appearance_beside_a_known_one_of_its_series() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("nbpy.md"), "# North Bay Python 2019\n\n## Protocols and You (Josh Cannon)\n")
        .unwrap();
    std::fs::write(
        dir.path().join("pyc.md"),
        "# PyCascades 2024\n\n## Types, In My Python?! (Piper Thunstrom)\n\nJosh Cannon at Northbay Python: youtube link CSpzTxS8B0\n",
    )
    .unwrap();
    let dir_arg = dir.path().to_str().unwrap();
    let report = json_of(&["report", "speakers", "--format", "json", dir_arg]);
    assert_eq!(report, serde_json::json!([]), "Josh Cannon may have given one North Bay Python talk");
    let rows = json_of(&["query", "--named", "repeat-speakers", "--format", "json", dir_arg]);
    assert_eq!(rows["results"]["bindings"], serde_json::json!([]), "{rows}");
    let editions = json_of(&["report", "editions", "--format", "json", dir_arg]);
    let ids: Vec<&str> = editions.as_array().unwrap().iter().map(|r| r["edition"].as_str().unwrap()).collect();
    assert!(ids.contains(&"north-bay-python-year-unknown") && ids.contains(&"north-bay-python-2019"), "{ids:?}");
}

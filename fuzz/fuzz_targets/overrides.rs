//! Fuzzes `confgraph.toml`: parsing, the contradiction check, and people resolved under whatever
//! it says, over notes that name people close to one another.
#![no_main]

use std::path::Path;

use confgraph::resolve::Overrides;
use libfuzzer_sys::fuzz_target;

const NOTES: &str = "# PyOhio 2023\n\n## Fearless FFI\n\nAna Lima (Red Hat)\n\n## Zero-Copy Parsing\n\nA. Lima, Bo Chen\n\n## Wasm at the Edge\n\nAna P. Lima, @bochen\n";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(overrides) = Overrides::parse(Path::new("confgraph.toml"), text) else { return };
    let _ = overrides.contradiction();
    let (record, diagnostics) = confgraph::ingest::read_notes("fuzz.md", NOTES.as_bytes());
    let result = confgraph::ingest::FileResult { file: "fuzz.md".into(), record, diagnostics, explain: None };
    let corpus = confgraph::corpus::assemble_with(
        vec![result],
        Vec::new(),
        &overrides,
        confgraph::topics::TopicScheme::bundled(),
    );
    // Every session's speakers are people of the corpus.
    for session in &corpus.sessions {
        for id in &session.speakers {
            assert!(corpus.people.by_id(id).is_some(), "speaker {id} is no person");
        }
    }
});

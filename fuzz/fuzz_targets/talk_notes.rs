//! Fuzzes the talk notes reader: any bytes after a header that makes the file read as that style.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut notes = b"# PyOhio 2023\n\n## ".to_vec();
    notes.extend_from_slice(data);
    let _ = confgraph::ingest::read_notes("fuzz.md", &notes);
});

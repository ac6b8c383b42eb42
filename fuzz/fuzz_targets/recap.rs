//! Fuzzes the recap reader: any bytes after a header that makes the file read as that style.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut notes =
        b"# PyCon US 2024 Recap\n\nTable of Contents\n-----------------\n\n- [Friday](#friday)\n\n## Friday\n\n### "
            .to_vec();
    notes.extend_from_slice(data);
    let _ = confgraph::ingest::read_notes("fuzz.md", &notes);
});

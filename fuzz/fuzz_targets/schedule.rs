//! Fuzzes the schedule reader: any bytes after a header that makes the file read as that style.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut notes =
        b"PyCon 2019 in Cleveland, Ohio\n\nA Talk\n\nAna Lima\nSunday 2:30 p.m.\xE2\x80\x933 p.m. in Room A\n\n"
            .to_vec();
    notes.extend_from_slice(data);
    let _ = confgraph::ingest::read_notes("fuzz.md", &notes);
});

//! End-to-end tests of the `confgraph` command: one test binary; a test that writes uses a temp dir
//! of its own, and the bundled notes are built once per run for the tests that only read them
//! (`common::bundled_build`).

mod bad_input;
mod cli;
mod common;
mod gephi;
mod identity;
mod interop;
mod reading;
mod reports;
mod scoring;
mod serve;
mod topics;

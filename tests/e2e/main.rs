//! End-to-end tests of the `confgraph` command: one test binary, a temp dir per test.

mod bad_input;
mod cli;
mod common;
mod gephi;
mod interop;
mod reports;

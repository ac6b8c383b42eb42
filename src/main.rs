//! The `confgraph` command: parse arguments, run the library, map errors to exit codes.

use std::process::ExitCode;

use clap::Parser;

/// mimalloc 2 (without transparent huge pages): the pipeline allocates many small strings across
/// threads. When it was chosen (before `build` built its two largest structures one after the
/// other), `build` of the 10 MB benchmark corpus took 1.45 s and 112 MB with the system allocator,
/// 1.15 s and 115 MB with mimalloc 2; mimalloc 3 was as fast but holds freed pages for a second
/// rather than 10 ms, and peaked at 130 MB.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = confgraph::cli::Cli::parse();
    match confgraph::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            if err.is_broken_pipe() {
                return ExitCode::SUCCESS;
            }
            eprintln!("confgraph: error: {}", err.with_causes());
            ExitCode::from(err.exit_code())
        }
    }
}

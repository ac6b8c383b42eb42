//! The `confgraph` command: parse arguments, run the library, map errors to exit codes.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = confgraph::cli::Cli::parse();
    match confgraph::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // `confgraph extract | head` closes our stdout: that is the reader's choice, not an error.
            if let confgraph::error::Error::Other(e) = &err {
                if e.chain().any(|c| {
                    c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
                }) {
                    return ExitCode::SUCCESS;
                }
            }
            eprintln!("confgraph: error: {err:#}");
            ExitCode::from(err.exit_code())
        }
    }
}

//! Progress bars on stderr for long runs: hidden at first, shown once a step has taken a second,
//! and never drawn when stderr is not a terminal (pipes and CI logs stay clean).

use std::io::IsTerminal as _;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a step runs before its bar appears.
const SHOW_AFTER: Duration = Duration::from_secs(1);

/// A progress bar that only appears for slow steps on a terminal.
#[derive(Debug, Clone)]
pub struct Progress {
    bar: ProgressBar,
    started: Instant,
    terminal: bool,
}

impl Progress {
    /// A bar for `len` units of `what` (`files`, `exports`).
    #[must_use]
    pub fn new(len: u64, what: &str) -> Self {
        let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::hidden());
        let style = ProgressStyle::with_template("{spinner} {msg} [{bar:30}] {pos}/{len} {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
        bar.set_style(style);
        bar.set_message(what.to_owned());
        Self { bar, started: Instant::now(), terminal: std::io::stderr().is_terminal() }
    }

    /// Marks one more unit done (thread-safe), showing the bar once the step is slow.
    pub fn inc(&self) {
        if self.terminal && self.bar.is_hidden() && self.started.elapsed() >= SHOW_AFTER {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        self.bar.inc(1);
    }

    /// Removes the bar from the screen.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

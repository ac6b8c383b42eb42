//! Keeping a query inside its limits: the evaluation runs on a worker thread while the caller
//! watches the clock and the memory the process holds, so a limit holds even while the engine is
//! inside a join, a sort or an aggregate that yields nothing for a long time.
//!
//! When a limit is passed, the worker's cancellation token is cancelled and the caller returns at
//! once; the worker stops at the engine's next check (or with the process, for the command line).

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use oxigraph::sparql::CancellationToken;

use super::QueryError;

/// How long a query may run, how many rows it may give and how much memory it may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueryLimits {
    /// Wall-clock time from the start of evaluation; `None`: no limit.
    pub timeout: Option<Duration>,
    /// Rows (solutions or triples) a result may hold; `None`: no limit.
    pub max_rows: Option<u64>,
    /// Bytes of memory the process may gain while the query runs; `None`: no limit. Measured as
    /// resident memory where the system tells it (Linux); elsewhere only the other limits hold.
    pub max_memory: Option<u64>,
}

impl QueryLimits {
    /// Rows a result may hold unless told otherwise.
    pub const DEFAULT_MAX_ROWS: u64 = 1_000_000;

    /// MiB of memory a query may take unless told otherwise.
    pub const DEFAULT_MAX_MEMORY_MIB: u64 = 1024;

    /// The command line's defaults: no timeout, a million rows, 1 GiB of memory.
    pub const DEFAULT: Self = Self {
        timeout: None,
        max_rows: Some(Self::DEFAULT_MAX_ROWS),
        max_memory: Some(Self::DEFAULT_MAX_MEMORY_MIB << 20),
    };

    /// No limits at all (tests and trusted callers).
    pub const NONE: Self = Self { timeout: None, max_rows: None, max_memory: None };
}

/// How often the watcher looks at the clock and the memory.
const TICK: Duration = Duration::from_millis(20);

/// Runs `work` on a worker thread under `limits`, cancelling `token` when one is passed.
///
/// `work` returns the serialised answer (it stops at the token the caller gave the engine); a
/// panic inside it becomes [`QueryError::Engine`] rather than taking the program down. The worker
/// has a 64 MiB stack: the engine evaluates nested patterns recursively, and an overflow could
/// not be caught.
pub(super) fn guarded<F>(token: &CancellationToken, limits: QueryLimits, work: F) -> Result<Vec<u8>, QueryError>
where
    F: FnOnce() -> Result<Vec<u8>, QueryError> + Send + 'static,
{
    quiet_worker_panics();
    let memory_at_start = resident_bytes();
    let started = Instant::now();
    let (tx, rx) = mpsc::channel();
    let spawned = std::thread::Builder::new().name(WORKER.into()).stack_size(WORKER_STACK).spawn(move || {
        let answer = catch_unwind(AssertUnwindSafe(work)).unwrap_or_else(|payload| Err(engine_failure(&*payload)));
        let _ = tx.send(answer);
    });
    spawned.map_err(QueryError::Io)?;
    loop {
        match rx.recv_timeout(TICK) {
            Ok(answer) => return answer,
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                return Err(QueryError::Engine("the query's worker ended without an answer".into()));
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
        }
        if let Some(limit) = limits.timeout
            && started.elapsed() >= limit
        {
            token.cancel();
            return Err(QueryError::Timeout(limit));
        }
        if let (Some(limit), Some(start), Some(now)) = (limits.max_memory, memory_at_start, resident_bytes())
            && now.saturating_sub(start) > limit
        {
            token.cancel();
            return Err(QueryError::Memory(limit));
        }
    }
}

/// The worker's stack: room for deeply nested queries.
const WORKER_STACK: usize = 64 << 20;

/// The name of the worker thread, by which its panics are kept off the terminal.
const WORKER: &str = "confgraph-sparql";

/// The message of a panic inside the engine.
fn engine_failure(payload: &(dyn std::any::Any + Send)) -> QueryError {
    let message = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".into());
    QueryError::Engine(message)
}

/// Installs (once) a panic hook that stays silent for the query worker, whose panics are caught
/// and reported as an error, and hands every other panic to the hook that was there before.
fn quiet_worker_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if std::thread::current().name() != Some(WORKER) {
                previous(info);
            }
        }));
    });
}

/// The process's resident memory in bytes, where the system tells it.
fn resident_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: u64 = line.trim_start_matches("VmRSS:").trim().trim_end_matches("kB").trim().parse().ok()?;
    Some(kib * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_pass_through_and_panics_become_errors() {
        let token = CancellationToken::new();
        assert_eq!(guarded(&token, QueryLimits::NONE, || Ok(b"ok".to_vec())).unwrap(), b"ok");
        let err = guarded(&token, QueryLimits::NONE, || panic!("sort order")).unwrap_err();
        assert!(matches!(&err, QueryError::Engine(m) if m == "sort order"), "{err}");
    }

    #[test]
    fn a_worker_that_never_looks_up_is_left_behind_at_the_deadline() {
        let token = CancellationToken::new();
        let limits = QueryLimits { timeout: Some(Duration::from_millis(50)), ..QueryLimits::NONE };
        let err = guarded(&token, limits, || {
            std::thread::sleep(Duration::from_secs(30));
            Ok(Vec::new())
        })
        .unwrap_err();
        assert!(matches!(err, QueryError::Timeout(_)) && token.is_cancelled());
    }

    #[test]
    fn resident_memory_is_known_on_linux() {
        if cfg!(target_os = "linux") {
            assert!(resident_bytes().is_some_and(|b| b > 0));
        }
    }
}

//! The query workers: each query runs in a child process (`confgraph serve-worker`) that holds
//! its own copy of the graph, one query at a time.
//!
//! Why processes: the engine checks its cancellation token only when it reads the store, so a
//! cross product or a long aggregate over data already read cannot be stopped from inside the
//! process; a thread left behind would keep a core busy for hours. A worker that passes a limit
//! is killed and replaced, which stops it for certain, and its resident memory is its query's own,
//! so the memory limit is a limit per query. The pool is also the bound on queries at once: a
//! request waits for an idle worker.
//!
//! The pipes carry, to the worker, `MEDIA\nLENGTH\n` and the query; back, `KIND LENGTH\n` and
//! the answer (`KIND` `ok`) or the error's message (a [`Failure`] name).

use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::{Arc, Condvar, Mutex, PoisonError, mpsc};
use std::time::{Duration, Instant};

use crate::rdf::sparql::QueryError;

/// How a worker process is started: the program and its arguments (`serve-worker …`).
#[derive(Debug, Clone)]
pub struct WorkerCommand {
    /// The program (`confgraph` itself).
    pub program: PathBuf,
    /// Its arguments.
    pub args: Vec<String>,
}

/// What kind of failure a worker reports, by the name the pipe carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// The client's query or request is wrong (syntax, named graphs, format): 400.
    Client,
    /// The time or memory limit was passed: 500, and the worker is replaced.
    Limit,
    /// The result has more rows than allowed: 500.
    Rows,
    /// The engine failed: 500.
    Engine,
}

impl Failure {
    /// The kind of a query error.
    #[must_use]
    pub fn of(error: &QueryError) -> Self {
        match error {
            QueryError::Syntax(_) | QueryError::NamedGraphs | QueryError::Format(_) => Self::Client,
            QueryError::Timeout(_) | QueryError::Memory(_) => Self::Limit,
            QueryError::TooManyRows(_) => Self::Rows,
            QueryError::Evaluation(_) | QueryError::Engine(_) | QueryError::Io(_) => Self::Engine,
        }
    }

    /// Its name on the pipe.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Client => "client",
            Self::Limit => "limit",
            Self::Rows => "rows",
            Self::Engine => "engine",
        }
    }

    fn named(name: &str) -> Option<Self> {
        [Self::Client, Self::Limit, Self::Rows, Self::Engine].into_iter().find(|f| f.name() == name)
    }
}

/// A worker's answer: the results, or a failure with its message.
pub type Answer = Result<Vec<u8>, (Failure, String)>;

/// One worker process and its pipes.
struct Worker {
    child: Child,
    pipes: Option<Pipes>,
}

/// The pipes to and from a worker (held by a reader thread while a query runs).
struct Pipes {
    input: ChildStdin,
    output: BufReader<ChildStdout>,
}

impl Pipes {
    /// Sends a query and reads its answer.
    fn ask(&mut self, media: &str, query: &str) -> std::io::Result<Answer> {
        write!(self.input, "{media}\n{}\n", query.len())?;
        self.input.write_all(query.as_bytes())?;
        self.input.flush()?;
        read_answer(&mut self.output)
    }
}

impl Worker {
    /// Starts a worker and waits for it to say it has loaded the graph.
    fn start(command: &WorkerCommand) -> std::io::Result<Self> {
        let mut worker = Command::new(&command.program);
        worker.args(&command.args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::inherit());
        // (Ctrl-C in a terminal signals the whole process group: the server alone is to hear it,
        // and stop its workers when their queries are done.)
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut worker, 0);
        let mut child = worker.spawn()?;
        let (Some(input), Some(output)) = (child.stdin.take(), child.stdout.take()) else {
            return Err(std::io::Error::other("a worker without pipes"));
        };
        let mut worker = Self { child, pipes: Some(Pipes { input, output: BufReader::new(output) }) };
        let mut ready = String::new();
        if let Some(pipes) = &mut worker.pipes {
            pipes.output.read_line(&mut ready)?;
        }
        if ready.trim() != "ready" {
            worker.kill();
            return Err(std::io::Error::other("a query worker could not load the graph (see above)"));
        }
        Ok(worker)
    }

    fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The idle workers and the requests waiting for one, first come first served.
#[derive(Default)]
struct Waiting {
    idle: Vec<Worker>,
    queue: std::collections::VecDeque<u64>,
    next_ticket: u64,
}

/// Idle workers, and how many there are in all.
pub struct Pool {
    state: Mutex<Waiting>,
    returned: Condvar,
    size: usize,
    command: WorkerCommand,
}

/// Time a worker gets past the query's own limit to answer before it is killed.
const GRACE: Duration = Duration::from_secs(2);

impl Pool {
    /// Starts `size` workers (at least one), one after the other.
    ///
    /// # Errors
    /// When a worker cannot be started or cannot load the graph.
    pub fn start(command: WorkerCommand, size: usize) -> std::io::Result<Arc<Self>> {
        let workers = (0..size.max(1)).map(|_| Worker::start(&command)).collect::<std::io::Result<Vec<_>>>()?;
        let state = Waiting { idle: workers, ..Waiting::default() };
        Ok(Arc::new(Self { size: state.idle.len(), state: Mutex::new(state), returned: Condvar::new(), command }))
    }

    /// Runs a query on an idle worker, waiting up to `patience` for one; `None` when none came
    /// free. A worker that passes a limit, or gives no answer by `deadline` plus a grace, is
    /// killed and replaced in the background.
    pub fn run(self: &Arc<Self>, media: &str, query: &str, patience: Duration, deadline: Duration) -> Option<Answer> {
        let mut worker = self.take(patience)?;
        let Some(mut pipes) = worker.pipes.take() else {
            self.replace(worker);
            return Some(Err((Failure::Engine, "the query worker has gone; try again".into())));
        };
        let (tx, rx) = mpsc::channel();
        let (media, query) = (media.to_owned(), query.to_owned());
        std::thread::spawn(move || {
            let answer = pipes.ask(&media, &query);
            let _ = tx.send((answer, pipes));
        });
        let answer = match rx.recv_timeout(deadline + GRACE) {
            Ok((Ok(answer), pipes)) => {
                worker.pipes = Some(pipes);
                answer
            }
            Ok((Err(e), _)) => Err((Failure::Engine, format!("the query worker failed: {e}"))),
            Err(_) => Err((
                Failure::Limit,
                format!("the query ran longer than {deadline:?} and was stopped (raise --timeout)"),
            )),
        };
        match answer {
            // (A worker past a limit may still be busy inside the engine: only its end stops it.)
            Err((Failure::Limit | Failure::Engine, _)) => self.replace(worker),
            _ => self.give(worker),
        }
        Some(answer)
    }

    /// An idle worker, in the order the requests came (a request that came later never takes
    /// the worker an earlier one waits for), waiting up to `patience`.
    fn take(&self, patience: Duration) -> Option<Worker> {
        let deadline = Instant::now() + patience;
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let ticket = state.next_ticket;
        state.next_ticket += 1;
        state.queue.push_back(ticket);
        loop {
            if state.queue.front() == Some(&ticket)
                && let Some(worker) = state.idle.pop()
            {
                state.queue.pop_front();
                self.returned.notify_all();
                return Some(worker);
            }
            let Some(left) = deadline.checked_duration_since(Instant::now()).filter(|d| !d.is_zero()) else {
                state.queue.retain(|&t| t != ticket);
                self.returned.notify_all();
                return None;
            };
            state = self.returned.wait_timeout(state, left).unwrap_or_else(PoisonError::into_inner).0;
        }
    }

    fn give(&self, worker: Worker) {
        self.state.lock().unwrap_or_else(PoisonError::into_inner).idle.push(worker);
        self.returned.notify_all();
    }

    /// Kills a worker and starts another in its place, in the background; if that fails, the
    /// pool has one worker fewer (and says so).
    fn replace(self: &Arc<Self>, mut worker: Worker) {
        worker.kill();
        let pool = Arc::clone(self);
        std::thread::spawn(move || match Worker::start(&pool.command) {
            Ok(fresh) => pool.give(fresh),
            Err(e) => eprintln!("confgraph: warning: a query worker could not be restarted: {e}"),
        });
    }

    /// Waits up to `patience` for every worker to be idle, then stops them all; whether they
    /// all were.
    pub fn stop(&self, patience: Duration) -> bool {
        let deadline = Instant::now() + patience;
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        while state.idle.len() < self.size {
            let Some(left) = deadline.checked_duration_since(Instant::now()).filter(|d| !d.is_zero()) else { break };
            state = self.returned.wait_timeout(state, left).unwrap_or_else(PoisonError::into_inner).0;
        }
        let all = state.idle.len() == self.size;
        for worker in &mut state.idle {
            worker.kill();
        }
        all
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        for worker in &mut self.state.get_mut().unwrap_or_else(PoisonError::into_inner).idle {
            worker.kill();
        }
    }
}

/// Reads one answer from a worker's output.
fn read_answer(output: &mut impl BufRead) -> std::io::Result<Answer> {
    let mut head = String::new();
    if output.read_line(&mut head)? == 0 {
        return Err(std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "the worker ended"));
    }
    let (kind, length) = head.trim().split_once(' ').ok_or_else(|| std::io::Error::other("a garbled answer"))?;
    let length: usize = length.parse().map_err(std::io::Error::other)?;
    let mut body = vec![0; length];
    output.read_exact(&mut body)?;
    Ok(match kind {
        "ok" => Ok(body),
        other => {
            let failure = Failure::named(other).ok_or_else(|| std::io::Error::other("an unknown answer kind"))?;
            Err((failure, String::from_utf8_lossy(&body).into_owned()))
        }
    })
}

/// A worker's side of the pipes: says `ready`, then answers each query read from `input` on
/// `output` until `input` ends.
///
/// # Errors
/// When a pipe fails or a request is garbled.
pub fn answer_queries(
    store: &oxigraph::store::Store,
    base: &crate::rdf::Base,
    limits: crate::rdf::sparql::QueryLimits,
    mut input: impl BufRead,
    mut output: impl Write,
) -> std::io::Result<()> {
    writeln!(output, "ready")?;
    output.flush()?;
    loop {
        let mut media = String::new();
        if input.read_line(&mut media)? == 0 {
            return Ok(());
        }
        let mut length = String::new();
        input.read_line(&mut length)?;
        let length: u64 = length.trim().parse().map_err(std::io::Error::other)?;
        let mut query = String::new();
        input.by_ref().take(length).read_to_string(&mut query)?;
        let format = super::negotiate::SOLUTIONS
            .iter()
            .chain(super::negotiate::GRAPHS)
            .find(|o| o.media == media.trim())
            .ok_or_else(|| std::io::Error::other(format!("no format {media}")))?
            .format;
        let (kind, body) = match crate::rdf::sparql::run(store, &query, format, limits, base) {
            Ok(bytes) => ("ok", bytes),
            Err(e) => (Failure::of(&e).name(), e.to_string().into_bytes()),
        };
        writeln!(output, "{kind} {}", body.len())?;
        output.write_all(&body)?;
        output.flush()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rdf::Base;
    use crate::rdf::sparql::QueryLimits;

    #[test]
    fn a_worker_answers_queries_and_failures_on_its_pipes() {
        let store = oxigraph::store::Store::new().unwrap();
        let mut input = Vec::new();
        for query in ["ASK { ?s ?p ?o }", "SELECT ?s WHERE { ?s ?p }"] {
            write!(input, "application/sparql-results+json\n{}\n{query}", query.len()).unwrap();
        }
        let mut output = Vec::new();
        answer_queries(&store, &Base::default(), QueryLimits::DEFAULT, input.as_slice(), &mut output).unwrap();
        let mut reader = &output[output.iter().position(|&b| b == b'\n').unwrap() + 1..];
        let first = read_answer(&mut reader).unwrap().unwrap();
        assert_eq!(String::from_utf8(first).unwrap(), r#"{"head":{},"boolean":false}"#);
        let (failure, message) = read_answer(&mut reader).unwrap().unwrap_err();
        assert!(failure == Failure::Client && message.contains("line 1"), "{message}");
        assert!(read_answer(&mut reader).is_err(), "nothing more");
    }
}

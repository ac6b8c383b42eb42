"""What the serve, push and engine checks share: starting and stopping `confgraph serve` on a
free localhost port, waiting for a server, and SPARQL JSON results as comparable rows."""

import json
import socket
import subprocess
import time


def as_sets(row):
    """A row with each GROUP_CONCAT list (`a; b`) in sorted order: SPARQL leaves the order of
    GROUP_CONCAT unspecified, and engines (even Oxigraph's server and its in-memory store) differ."""
    return tuple("; ".join(sorted(v.split("; "))) for v in row)


def rows_of(data, lists_as_sets=False):
    """The rows of SPARQL JSON results: one tuple of values (text, "" when unbound) per solution."""
    variables = data["head"]["vars"]
    rows = [tuple(b.get(v, {}).get("value", "") for v in variables) for b in data["results"]["bindings"]]
    return [as_sets(r) for r in rows] if lists_as_sets else rows


def named_rows(confgraph, name, lists_as_sets=False):
    """The rows `confgraph query --named NAME` gives on the bundled notes."""
    out = subprocess.run([confgraph, "query", "--named", name, "--format", "json"], check=True, capture_output=True, text=True)
    return rows_of(json.loads(out.stdout), lists_as_sets)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, seconds, process):
    """Waits until something listens on localhost:`port`; False when `process` ended first or
    `seconds` passed."""
    deadline = time.monotonic() + seconds
    while process.poll() is None and time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), 1).close()
            return True
        except OSError:
            time.sleep(0.05)
    return False


def chromium_flags(profile):
    return ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={profile}"]


class Server:
    """`confgraph serve [ARGS…]` on a free port: `base` is its URL; stopped with SIGINT on exit,
    which must end it cleanly (exit 0) within seconds."""

    def __init__(self, confgraph, args):
        self.command = [confgraph, "serve", "--quiet", "--bind", f"127.0.0.1:{free_port()}", *args]
        self.process = None
        self.base = None

    def __enter__(self):
        self.process = subprocess.Popen(self.command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        if "serving" not in line:
            self.process.kill()
            raise RuntimeError(f"serve did not start: {line!r} {self.process.stderr.read()}")
        self.base = line.split(" at ", 1)[1].split()[0]
        if not wait_for_port(int(self.base.rsplit(":", 1)[1].strip("/")), 10, self.process):
            raise RuntimeError(f"serve does not listen at {self.base}")
        return self

    def __exit__(self, *exc):
        self.process.send_signal(subprocess.signal.SIGINT)
        try:
            code = self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise RuntimeError("serve did not stop within 15 s of Ctrl-C")
        if code != 0 and exc[0] is None:
            raise RuntimeError(f"serve exited with {code} after Ctrl-C: {self.process.stderr.read()}")
        return False

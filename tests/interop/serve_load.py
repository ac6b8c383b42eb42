"""A bounded load test of `confgraph serve`, on localhost only.

CLIENTS clients send REQUESTS queries in all (the named queries, in turn) over keep-alive
connections while one more client keeps sending a runaway cross product. Every ordinary query must
succeed; every runaway must end in a limit's error (HTTP 500 naming the limit: time on a small
graph, memory on a large one, where the engine builds the cross product's hash tables); and the
runaway must not starve the others (no ordinary query waits as long as the limit).

Usage: serve_load.py CONFGRAPH [--requests N] [--clients N] [--timeout S] [-- SERVE ARGS…]
Prints a JSON summary with p50/p99 latency; exits 1 when a check fails.
"""

import argparse
import http.client
import json
import statistics
import sys
import threading
import time
import urllib.parse
from pathlib import Path

from serve_common import Server

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def post(connection, text):
    body = urllib.parse.urlencode({"query": text})
    connection.request("POST", "/query", body, {"Content-Type": "application/x-www-form-urlencoded",
                                                  "Accept": "application/sparql-results+json"})
    response = connection.getresponse()
    return response.status, response.read()


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("confgraph")
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--timeout", type=float, default=2.0)
    parser.add_argument("--no-runaway", action="store_true", help="measure the ordinary queries alone")
    argv = sys.argv[1:]
    split = argv.index("--") if "--" in argv else len(argv)
    args = parser.parse_args(argv[:split])
    args.serve_args = argv[split + 1:]
    texts = [p.read_text(encoding="utf-8") for p in sorted(Path("queries").glob("*.rq"))]
    latencies, failures, runaways = [], [], []
    lock = threading.Lock()
    with Server(args.confgraph, ["--timeout", str(args.timeout), *args.serve_args]) as server:
        host, port = server.base.split("//")[1].strip("/").split(":")
        done = threading.Event()

        def client(index):
            connection = http.client.HTTPConnection(host, int(port), timeout=60)
            for i in range(index, args.requests, args.clients):
                started = time.perf_counter()
                status, body = post(connection, texts[i % len(texts)])
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    if status != 200:
                        failures.append((status, body[:200].decode("utf-8", "replace")))

        def runaway():
            connection = http.client.HTTPConnection(host, int(port), timeout=60)
            while not done.is_set() or not runaways:
                started = time.perf_counter()
                status, body = post(connection, RUNAWAY)
                runaways.append((status, body.decode("utf-8", "replace").strip(), time.perf_counter() - started))

        spoiler = threading.Thread(target=runaway)
        if not args.no_runaway:
            spoiler.start()
        time.sleep(0.2)
        started = time.perf_counter()
        clients = [threading.Thread(target=client, args=(c,)) for c in range(args.clients)]
        for c in clients:
            c.start()
        for c in clients:
            c.join()
        wall = time.perf_counter() - started
        done.set()
        if not args.no_runaway:
            spoiler.join()
    limit_errors = [r for r in runaways if r[0] == 500 and "was stopped" in r[1]]
    checks = {
        "every query answered": len(latencies) == args.requests and not failures,
        "every runaway ended in a limit's error": args.no_runaway or (bool(runaways) and len(limit_errors) == len(runaways)),
        "no query starved": max(latencies) < args.timeout,
    }
    ms = [x * 1000 for x in latencies]
    summary = {
        "requests": len(latencies), "clients": args.clients, "failures": failures[:5],
        "p50_ms": round(statistics.median(ms), 2), "p99_ms": round(percentile(ms, 99), 2),
        "max_ms": round(max(ms), 2), "queries_per_s": round(len(ms) / wall, 1),
        "runaways": len(runaways), "runaway_answer": runaways[0][1] if runaways else None,
        "runaway_s": round(statistics.median(r[2] for r in runaways), 2) if runaways else None,
        "checks": checks,
    }
    print(json.dumps(summary, indent=1))
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())

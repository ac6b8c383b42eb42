#!/usr/bin/env bash
# How fast and how small the query limits stop hostile queries (issue 17): the three-way cross
# product and an ORDER BY over a two-way one, on the bundled graph (exports/graph.nt), each under
# --timeout T with the default row and memory ceilings, then with the memory ceiling raised so
# only the timeout can stop it. Prints wall time, peak memory and the message; the target is
# "within twice the timeout, under 2 GB". Needs GNU time (Debian package `time`).
# Usage: scripts/measure-query-limits.sh [TIMEOUT_SECONDS]   (default 2)
set -uo pipefail
cd "$(dirname "$0")/.."
timeout_s="${1:-2}"
cargo build --release --quiet --bin confgraph
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(uname -sr); graph: $(wc -l < exports/graph.nt) triples"
printf '%-14s %-40s %6s %9s %5s  %s\n' query limits "s" "peak MiB" exit message
run() {
  local name="$1" limits="$2" query="$3" log
  log="$(mktemp)"
  # shellcheck disable=SC2086
  /usr/bin/time -f '%e %M' -o "$log.time" target/release/confgraph query --timeout "$timeout_s" $limits \
    --data exports/graph.nt "$query" >/dev/null 2>"$log"
  local code=$?
  read -r secs kib < <(tail -n 1 "$log.time")
  printf '%-14s %-40s %6s %9d %5s  %s\n' "$name" "${limits:-defaults}" "$secs" $((kib / 1024)) "$code" "$(grep -v '^Command' "$log" | tail -n 1)"
  rm -f "$log" "$log.time"
}
cross='SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }'
sorted='SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f'
run cross-product "" "$cross"
run cross-product "--max-memory 100000" "$cross"
run cross-product "--max-memory 100000 --max-rows 1000000000" "$cross"
run order-by "" "$sorted"
run order-by "--max-memory 100000" "$sorted"

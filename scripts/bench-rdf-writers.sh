#!/usr/bin/env bash
# confgraph's hand-written RDF writers against oxigraph's own serializers, fed the same triples and
# prefixes from the synthetic corpus's graph: the median time of the writing alone (RUNS runs,
# default 5) and the process's peak memory while writing (its peak reset first), beside what it
# held before writing (the triple table; the corpus is dropped). Output goes to a file on tmpfs (/dev/shm) so disk speed does not enter.
# Usage: scripts/bench-rdf-writers.sh [MEGABYTES]   (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
mb="${1:-20}"
runs="${RUNS:-5}"
cargo build --release --quiet --example rdf_writers
out="$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)"
trap 'rm -rf "$out"' EXIT
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(uname -sr); notes: $mb MB"
printf '%-8s %-9s %10s %14s %13s %10s\n' syntax writer "write s" "held before" "peak writing" "MB out"
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for ext in ttl nt rdf jsonld; do
  for writer in ours oxigraph; do
    times=(); before=0; after=0
    for _ in $(seq "$runs"); do
      # `ours ttl: N triples, S s, peak B MiB before, A MiB after`
      read -r s b a < <(./target/release/examples/rdf_writers "$writer" "$ext" "$mb" "$out/g.$ext" \
        | awk '{print $5, $8, $11}')
      times+=("$s")
      [ "${b%.*}" -gt "$before" ] && before=${b%.*}
      [ "${a%.*}" -gt "$after" ] && after=${a%.*}
    done
    size=$(stat -c %s "$out/g.$ext")
    printf '%-8s %-9s %10s %10s MiB %9s MiB %10.0f\n' "$ext" "$writer" "$(median "${times[@]}")" "$before" "$after" "$(echo "$size / 1000000" | bc -l)"
  done
done

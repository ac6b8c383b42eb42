#!/usr/bin/env bash
# Wall time and peak memory (max RSS) of every export (RDF syntaxes; GraphML, GEXF, Gephi CSV and
# Neo4j per view) and of a SPARQL query over the store, on the deterministic synthetic corpus.
# Usage: scripts/measure-exports.sh [MEGABYTES] (default 34 ≈ 51,000 sessions).
# Needs GNU time (Debian package `time`).
set -euo pipefail
cd "$(dirname "$0")/.."
mb="${1:-34}"
dir="target/synthetic-${mb}mb"
cargo build --release --quiet --example synth --bin confgraph
[ -d "$dir" ] || ./target/release/examples/synth "$dir" "$mb"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
echo "corpus: $(du -sh "$dir" | cut -f1) in $(ls "$dir" | wc -l) files; $(nproc) cores"
printf '%-30s %10s %12s %12s\n' step seconds "max RSS MB" "output MB"
run() {
  local name="$1"; shift
  /usr/bin/time -f '%e %M' -o "$out/time" "$@" >"$out/stdout" 2>/dev/null
  read -r secs kb <"$out/time"
  local bytes
  bytes=$( (du -sb "$out/stdout" "$out/dir" 2>/dev/null || true) | awk '{s+=$1} END {print s+0}')
  printf '%-30s %10s %12.0f %12.1f\n' "$name" "$secs" "$((kb / 1024))" "$(echo "$bytes / 1000000" | bc -l)"
  rm -rf "$out/dir"
}
run "extract json" ./target/release/confgraph extract --format json "$dir"
for f in turtle ntriples nquads trig rdfxml jsonld; do
  run "export $f" ./target/release/confgraph export --format "$f" "$dir"
done
for view in full people; do
  for f in graphml gexf; do
    run "export $f --view $view" ./target/release/confgraph export --format "$f" --view "$view" "$dir"
  done
  for f in csv neo4j; do
    [ "$f" = neo4j ] && [ "$view" = people ] && continue
    run "export $f --view $view" ./target/release/confgraph export --format "$f" --view "$view" -o "$out/dir" "$dir"
  done
done
run "query speakers-per-edition" ./target/release/confgraph query --named speakers-per-edition --format csv "$dir"

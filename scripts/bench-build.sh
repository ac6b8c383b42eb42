#!/usr/bin/env bash
# The main job at three sizes of the deterministic synthetic corpus (all three notes styles,
# speakers recurring across editions): wall time (median of RUNS), MB/s and peak memory (the
# highest of the runs, in MiB) of `confgraph build`, beside scripts/baseline.py (rdflib + networkx
# writing Turtle and GraphML), timed once in the same job. `build` writes every export; the last
# two columns time confgraph doing only the baseline's work (`export --format turtle`, then
# `--format graphml`, each reading the notes: median of RUNS) and its speed-up.
# Needs GNU time (Debian package `time`) and Python with rdflib and networkx.
# Usage: scripts/bench-build.sh [SIZES_MB…]   (default: 1 10 50; RUNS=3)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 10 50)
runs="${RUNS:-3}"
cargo build --release --quiet --example synth --bin confgraph
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(uname -sr)"
printf '%-8s %10s %8s %12s %10s %11s %12s %12s %10s %10s %10s\n' corpus "build s" "MB/s" "peak MiB" "peak/size" "exports MB" "baseline s" "base MiB" "speed-up" "ttl+gml s" "speed-up"
# Runs a command under GNU time into the file $1 ("seconds KiB"); on failure shows its output.
timed() {
  local into="$1"; shift
  if ! /usr/bin/time -f '%e %M' -o "$into" "$@" >"$out/log" 2>&1; then
    echo "failed: $*" >&2
    tail -n 20 "$out/log" >&2
    exit 1
  fi
}
# The median of its arguments.
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for mb in "${sizes[@]}"; do
  dir="target/synthetic-${mb}mb"
  [ -d "$dir" ] || ./target/release/examples/synth "$dir" "$mb" >/dev/null
  bytes=$(cat "$dir"/* | wc -c)
  times=()
  peak=0
  for _ in $(seq "$runs"); do
    timed "$out/t" ./target/release/confgraph build -o "$out/exports" "$dir"
    read -r s kb <"$out/t"
    times+=("$s")
    [ "$kb" -gt "$peak" ] && peak=$kb
  done
  exports=$(du -sb "$out/exports" | cut -f1)
  same=()
  for _ in $(seq "$runs"); do
    timed "$out/t1" ./target/release/confgraph export "$dir" --format turtle -o "$out/same.ttl"
    timed "$out/t2" ./target/release/confgraph export "$dir" --format graphml -o "$out/same.graphml"
    same+=("$(awk '{s += $1} END {print s}' "$out/t1" "$out/t2")")
  done
  build_s=$(median "${times[@]}")
  same_s=$(median "${same[@]}")
  timed "$out/b" python3 scripts/baseline.py "$dir" "$out/baseline"
  read -r bs bkb <"$out/b"
  awk -v mb="$mb" -v s="$build_s" -v bytes="$bytes" -v kb="$peak" -v bs="$bs" -v bkb="$bkb" -v ex="$exports" -v ss="$same_s" 'BEGIN {
    printf "%-8s %10.2f %8.1f %12.0f %10.1f %11.0f %12.2f %12.0f %9.1fx %10.2f %9.1fx\n", mb " MB", s, bytes / 1e6 / s, kb / 1024, kb * 1024 / bytes, ex / 1e6, bs, bkb / 1024, bs / s, ss, bs / ss }'
done

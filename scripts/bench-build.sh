#!/usr/bin/env bash
# The main job at three sizes of the deterministic synthetic corpus (all three notes styles,
# speakers recurring across editions), and confgraph like for like with scripts/baseline.py
# (rdflib + networkx writing Turtle, N-Triples and GraphML).
#
# * `build`: every format; median wall time of RUNS runs, MB/s, peak memory (the highest run, MiB)
#   and the size of the exports.
# * like for like: `build --formats turtle,ntriples,graphml` (the baseline's three files; confgraph
#   writes GraphML for its three views, the baseline one graph) and the baseline, run in turn
#   (A B A B …, RUNS pairs), each pair's ratio taken, the median ratio reported.
#
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
printf '%-7s %8s %6s %9s %10s | %9s %9s %9s %9s %9s\n' corpus "build s" "MB/s" "peak MiB" "exports MB" "same s" "same MiB" "base s" "base MiB" "speed-up"
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
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for mb in "${sizes[@]}"; do
  dir="target/synthetic-${mb}mb"
  [ -d "$dir" ] || ./target/release/examples/synth "$dir" "$mb" >/dev/null
  bytes=$(cat "$dir"/* | wc -c)
  times=(); peak=0
  for _ in $(seq "$runs"); do
    timed "$out/t" ./target/release/confgraph build -o "$out/exports" "$dir"
    read -r s kb <"$out/t"
    times+=("$s")
    [ "$kb" -gt "$peak" ] && peak=$kb
  done
  exports=$(du -sb "$out/exports" | cut -f1)
  same=(); base=(); ratios=(); same_peak=0; base_peak=0
  for _ in $(seq "$runs"); do
    timed "$out/a" ./target/release/confgraph build --formats turtle,ntriples,graphml -o "$out/same" "$dir"
    timed "$out/b" python3 scripts/baseline.py "$dir" "$out/baseline"
    read -r as akb <"$out/a"
    read -r bs bkb <"$out/b"
    same+=("$as"); base+=("$bs"); ratios+=("$(awk -v a="$as" -v b="$bs" 'BEGIN {print b / a}')")
    [ "$akb" -gt "$same_peak" ] && same_peak=$akb
    [ "$bkb" -gt "$base_peak" ] && base_peak=$bkb
  done
  awk -v mb="$mb" -v s="$(median "${times[@]}")" -v bytes="$bytes" -v kb="$peak" -v ex="$exports" \
    -v ss="$(median "${same[@]}")" -v skb="$same_peak" -v bs="$(median "${base[@]}")" -v bkb="$base_peak" \
    -v r="$(median "${ratios[@]}")" 'BEGIN {
    printf "%-7s %8.2f %6.1f %9.0f %10.0f | %9.2f %9.0f %9.2f %9.0f %8.1fx\n", mb " MB", s, bytes / 1e6 / s, kb / 1024, ex / 1e6, ss, skb / 1024, bs, bkb / 1024, r }'
done

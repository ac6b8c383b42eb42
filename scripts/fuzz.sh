#!/usr/bin/env bash
# Fuzzes every target for SECONDS each (default 600 = ten minutes): the reader of note structure,
# the whole pipeline, SPARQL queries (under tight limits) and confgraph.toml overrides. Uses cargo-fuzz (libFuzzer) on the stable toolchain: RUSTC_BOOTSTRAP
# lets cargo-fuzz pass its -Z flags. Crashes land in fuzz/artifacts/<target>/; turn each into a
# regression test before fixing it.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET…]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(reader pipeline sparql overrides)
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
mkdir -p fuzz/corpus fuzz/logs
failed=()
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  # Seed each target with what it reads: notes and fixtures, the named queries, or overrides.
  case "$t" in
    sparql) cp queries/*.rq "fuzz/corpus/$t/" ;;
    overrides)
      printf 'same = [["Ana Lima", "A. Lima"]]\ndifferent = [["Ana P. Lima", "Ana Lima"]]\n' >"fuzz/corpus/$t/seed.toml"
      find notes tests -name confgraph.toml -exec cp {} "fuzz/corpus/$t/" \; ;;
    *) cp notes/* tests/fixtures/*/*.md tests/fixtures/*/*.txt "fuzz/corpus/$t/" 2>/dev/null || true ;;
  esac
  echo "== $t for ${seconds}s (log: fuzz/logs/$t.log)"
  if RUSTC_BOOTSTRAP=1 cargo fuzz run --release --sanitizer none "$t" "fuzz/corpus/$t" -- \
    -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=4096 >"fuzz/logs/$t.log" 2>&1; then
    grep -E "^#[0-9]+ +DONE|Done [0-9]+ runs" "fuzz/logs/$t.log" | tail -n 2
  else
    failed+=("$t")
    grep -E "panicked|SUMMARY|Test unit written|error" "fuzz/logs/$t.log" | head -n 5
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "failed: ${failed[*]} (artifacts in fuzz/artifacts/)" >&2
  exit 1
fi

#!/usr/bin/env bash
# Runs every check CI runs: formatting, lints, unit + end-to-end tests, benchmarks in test mode,
# and the check that exports/ is what `confgraph build` writes today.
# Idempotent: installs what the tests need if it is missing (nothing outside cargo yet).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo >/dev/null 2>&1; then
  echo "scripts/test.sh: cargo is needed (https://rustup.rs)" >&2
  exit 1
fi
rustup component add rustfmt clippy >/dev/null 2>&1 || true

cargo fmt --all -- --check
cargo clippy --all-targets --locked -- -D warnings
cargo test --all-targets --locked

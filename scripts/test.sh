#!/usr/bin/env bash
# Runs every check CI runs: formatting, lints, unit + end-to-end tests, benchmarks in test mode,
# interop tests with real clients, and the check that exports/ is what `confgraph build` writes.
# Idempotent: installs what the tests need when it is missing (Debian packages, Python packages).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo >/dev/null 2>&1; then
  echo "scripts/test.sh: cargo is needed (https://rustup.rs)" >&2
  exit 1
fi
rustup component add rustfmt clippy >/dev/null 2>&1 || true

# Debian packages of the clients the interop tests drive.
missing=()
command -v rapper >/dev/null 2>&1 || missing+=(raptor2-utils)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v virtuoso-t >/dev/null 2>&1 || missing+=(virtuoso-opensource-7)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
[ -d /usr/share/fonts/truetype/dejavu ] || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "scripts/test.sh: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Python packages of the interop checkers (rdflib, pySHACL, networkx, igraph, scipy, Pillow, PyLD,
# SPARQLWrapper) and Oxigraph's server (PyPI `oxigraph`, for `push`), pinned.
if ! python3 -c "import rdflib, pyshacl, networkx, igraph, scipy, PIL, pyld, SPARQLWrapper" >/dev/null 2>&1 \
  || ! command -v oxigraph >/dev/null 2>&1; then
  echo "scripts/test.sh: installing tests/interop/requirements.txt" >&2
  python3 -m pip install --quiet --disable-pip-version-check -r tests/interop/requirements.txt
fi

# Comunica, the fourth SPARQL engine the named queries are compared on (version pinned in its
# package.json).
if [ ! -x tests/interop/comunica/node_modules/.bin/comunica-sparql-file ]; then
  echo "scripts/test.sh: installing Comunica (tests/interop/comunica)" >&2
  npm install --prefix tests/interop/comunica --silent --no-audit --no-fund >/dev/null
fi

# Gephi Lite's own GEXF and GraphML parsers (graphology), versions pinned in its package.json.
if [ ! -d tests/interop/graphology/node_modules/graphology-gexf ]; then
  echo "scripts/test.sh: installing graphology (tests/interop/graphology)" >&2
  npm install --prefix tests/interop/graphology --silent --no-audit --no-fund >/dev/null
fi

# The SHACL shapes and Python checkers test themselves on hand-written graphs (planted violations).
if ! selftest=$(python3 tests/interop/selftest.py 2>&1); then
  echo "$selftest" >&2
  exit 1
fi

cargo fmt --all -- --check
cargo clippy --all-targets --locked -- -D warnings
cargo test --all-targets --locked
cargo test --doc --locked

# Sourced by the scripts: the project root and a PATH with the pinned tools
# (cargo-installed trunk and wasm-bindgen, npm's wasm-opt).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cd "$ROOT"
# A CI run starts from a fresh clone and builds once: the incremental cache
# would only take disk (gigabytes in target/debug/incremental).
if [ "${CI:-}" = "true" ]; then export CARGO_INCREMENTAL=0; fi

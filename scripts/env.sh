# Sourced by the scripts: the project root and a PATH with the pinned tools
# (cargo-installed trunk and wasm-bindgen, npm's wasm-opt).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cd "$ROOT"

//! Entry point of the wasm app: mount and nothing else.

fn main() {
    site::start();
}

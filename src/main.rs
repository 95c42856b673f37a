//! Dossier's entry point: everything is in the library (`lib.rs`).

fn main() {
    dossier::start();
}

//! Build, serve, test and bench orchestration: `cargo xtask <command>`.
// TEMPORARY: the tooling helper replaces this file.
fn main() {
    eprintln!("usage: cargo xtask <serve|test>");
}

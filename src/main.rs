//! Dossier app entry point.
// TEMPORARY: the app helper replaces this file.
static CORPUS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));
fn main() {
    let c = dossier_engine::snapshot::decode(CORPUS).unwrap();
    println!("{}", c.documents.len());
}

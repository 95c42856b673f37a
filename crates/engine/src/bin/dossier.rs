//! The inspector: shows what a corpus folder will embed (`dossier inspect DIR [--json]`).
// TEMPORARY: the parsing helper replaces this file.
fn main() {
    let dir = std::env::args().nth(2).unwrap_or_else(|| "seeds".into());
    let loaded = dossier_engine::load::load_dir(std::path::Path::new(&dir)).unwrap();
    for d in &loaded.output.corpus.documents {
        println!("{}\t{}", d.id, d.title);
    }
}

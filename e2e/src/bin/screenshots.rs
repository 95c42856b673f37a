//! Regenerates the README screenshots from the real app in headless Chromium: desktop, phone
//! and dark. Run through `cargo xtask screenshots` (which builds `dist/` first).
//!
//! Usage: `screenshots DIST OUT_DIR`

use std::path::PathBuf;

use dossier_e2e::{Browser, StaticServer};

/// (file name, window width, height, theme, view).
const SHOTS: [(&str, u32, u32, &str, &str); 3] = [
    (
        "screenshot.png",
        1400,
        900,
        "light",
        "?q=nato&entity=lithuania&doc=001_4b90533497af7736",
    ),
    ("screenshot-phone.png", 375, 780, "light", "?q=defence"),
    (
        "screenshot-dark.png",
        1400,
        900,
        "dark",
        "?network=1&min_count=1&entity_page=mark-rutte",
    ),
];

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> Result<(), String> {
    let mut args = std::env::args_os().skip(1).map(PathBuf::from);
    let (Some(dist), Some(out)) = (args.next(), args.next()) else {
        return Err("usage: screenshots DIST OUT_DIR".into());
    };
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let server = StaticServer::start(&dist, "/").map_err(|e| e.to_string())?;
    let b = Browser::launch().await?;
    let result = async {
        for (name, width, height, theme, view) in SHOTS {
            b.resize(width, height).await?;
            b.open(&server.url(view)).await?;
            b.wait_ready().await?;
            b.eval(&format!(
                "document.documentElement.dataset.theme = '{theme}'; return true;"
            ))
            .await?;
            // Let layout and fonts settle before the picture.
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
            let png = b
                .client
                .screenshot()
                .await
                .map_err(|e| format!("screenshot {name}: {e}"))?;
            let path = out.join(name);
            std::fs::write(&path, &png).map_err(|e| format!("{}: {e}", path.display()))?;
            eprintln!(
                "screenshots: wrote {} ({} bytes)",
                path.display(),
                png.len()
            );
        }
        Ok::<(), String>(())
    }
    .await;
    b.close().await;
    drop(server);
    result
}

// Dossier's loader: starts the WebAssembly app without any inline script, so the page's
// Content Security Policy can forbid inline scripts entirely. Trunk writes the hashed file
// names into the data attributes of this script's tag (`pattern_script` in Trunk.toml).
const tag = document.querySelector("script[data-dossier-js]");
try {
  const { default: init } = await import(tag.dataset.dossierJs);
  const wasm = await init({ module_or_path: tag.dataset.dossierWasm });
  // For `cargo xtask bench`, which reports the wasm memory next to the JS heap.
  window.dossierWasmMemory = wasm.memory;
} catch (e) {
  // The app could not start (an old browser, a missing file): say so instead of spinning.
  const box = document.getElementById("loading");
  if (box && !document.getElementById("fatal-error")) {
    box.id = "fatal-error";
    box.setAttribute("role", "alert");
    box.className = "";
    box.textContent = "";
    const h = document.createElement("h2");
    h.textContent = "Dossier could not start";
    const p = document.createElement("p");
    p.className = "fatal-message";
    p.textContent = "The app failed to load (" + e + "). It needs a current browser " +
      "with WebAssembly; if the files were being updated, reloading usually helps.";
    const a = document.createElement("a");
    a.className = "fatal-reload";
    a.href = location.href;
    a.textContent = "Reload the page";
    box.append(h, p, a);
  }
  throw e;
}

// The peers Dossier is measured against in `cargo xtask bench`, in the same browser on the
// same documents (`docs.json`: id, title, text of every embedded document): MiniSearch with
// title and text indexed, prefix and fuzzy search (what a JS explorer would pick), and a
// plain lower-cased `String.includes` filter over every document (the floor).
const docs = await (await fetch("docs.json")).json();
const t0 = performance.now();
const mini = new MiniSearch({
  fields: ["title", "text"],
  searchOptions: { prefix: true, fuzzy: 0.2, combineWith: "AND", boost: { title: 2 } },
});
mini.addAll(docs);
const indexMs = performance.now() - t0;
const serialisedBytes = new TextEncoder().encode(JSON.stringify(mini)).length;
const lowered = docs.map((d) => (d.title + "\n" + d.text).toLowerCase());

function includes(q) {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  let n = 0;
  for (const text of lowered) if (words.every((w) => text.includes(w))) n++;
  return n;
}

// Times each search in `queries` (every prefix a user types) `runs` times.
function run(queries, runs) {
  const out = { minisearch: [], includes: [] };
  for (let r = 0; r < runs; r++) {
    for (const q of queries) {
      let t = performance.now();
      mini.search(q);
      out.minisearch.push(performance.now() - t);
      t = performance.now();
      includes(q);
      out.includes.push(performance.now() - t);
    }
  }
  return out;
}

window.peer = { documents: docs.length, indexMs, serialisedBytes, run };
document.getElementById("status").textContent = "ready";
document.body.dataset.ready = "true";

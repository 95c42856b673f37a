//! Document bodies for the views that show text: straight from the snapshot when embedded, or
//! fetched on demand from the chunk files of the chunked build mode (`dossier_engine::bodies`).
//!
//! A component that shows text calls [`use_bodies`] with the documents it shows and reads each
//! body with [`body`]: `Loading` until its chunk arrives (the hook then re-renders the
//! component), `Failed` with the reason when it cannot be had. A chunk is fetched once, checked
//! against the length the snapshot records, and kept for the rest of the session; one that
//! failed is fetched again when a later view needs it.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use dossier_engine::DocIdx;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

/// A document's body, as far as the app has it.
#[derive(Clone, Debug, PartialEq)]
pub enum Body {
    /// The text.
    Ready(&'static str),
    /// Its chunk is on the way.
    Loading,
    /// Its chunk could not be fetched or did not match this build; the reason, for the reader.
    Failed(Rc<str>),
}

impl Body {
    /// The text when it is there.
    pub fn text(&self) -> Option<&'static str> {
        match self {
            Body::Ready(t) => Some(t),
            _ => None,
        }
    }
}

#[derive(Clone)]
enum Chunk {
    Idle,
    Loading,
    Ready(&'static str),
    Failed(Rc<str>),
}

thread_local! {
    static CHUNKS: RefCell<Vec<Chunk>> = const { RefCell::new(Vec::new()) };
    static WAITERS: RefCell<Vec<(u64, Callback<()>)>> = const { RefCell::new(Vec::new()) };
    static NEXT_WAITER: Cell<u64> = const { Cell::new(0) };
    /// The animation frame that will tell the waiters, when one is booked.
    static NOTIFY: RefCell<Option<gloo::render::AnimationFrame>> = const { RefCell::new(None) };
}

/// Re-renders the waiting components once per animation frame, however many chunks arrived in
/// it (a page of results may need dozens).
fn notify_soon() {
    NOTIFY.with(|n| {
        let mut n = n.borrow_mut();
        if n.is_none() {
            *n = Some(gloo::render::request_animation_frame(|_| {
                NOTIFY.with(|n| n.borrow_mut().take());
                let waiters: Vec<Callback<()>> =
                    WAITERS.with(|w| w.borrow().iter().map(|(_, cb)| cb.clone()).collect());
                for cb in waiters {
                    cb.emit(());
                }
            }));
        }
    });
}

/// How long the chunks of a list wait before they are fetched ([`use_bodies`]' `delay_ms` for
/// results and quotations): typing changes the results on every key, and only the list the
/// reader pauses on is worth the requests. Longer than the gap between two keys of a steady
/// typist (about 250 ms at 40 words a minute): a page of results can need 40 chunks, whose
/// fetching and decoding, begun between two keys, delays the paint of the next.
pub const LIST_DELAY_MS: u32 = 300;

fn chunk_state(c: usize) -> Chunk {
    CHUNKS.with(|s| s.borrow().get(c).cloned().unwrap_or(Chunk::Idle))
}

fn set_chunk_state(c: usize, state: Chunk) {
    CHUNKS.with(|s| {
        let mut s = s.borrow_mut();
        if s.len() <= c {
            s.resize(c + 1, Chunk::Idle);
        }
        s[c] = state;
    });
}

/// Document `doc`'s body.
pub fn body(doc: DocIdx) -> Body {
    let corpus = crate::corpus();
    let Some(store) = &corpus.bodies else {
        return match corpus.documents.get(doc as usize) {
            Some(d) => Body::Ready(d.body.as_str()),
            None => Body::Failed("no such document".into()),
        };
    };
    let Some((c, _)) = store.locate(doc) else {
        return Body::Failed("this build records no text for the document".into());
    };
    match chunk_state(c) {
        Chunk::Idle | Chunk::Loading => Body::Loading,
        Chunk::Failed(why) => Body::Failed(why),
        Chunk::Ready(text) => match store.body(doc, text) {
            Some(t) => Body::Ready(t),
            None => {
                Body::Failed(format!("{} does not match this build", store.chunks[c].file).into())
            }
        },
    }
}

/// Starts fetching the chunks holding `docs` that are neither here nor on the way (a chunk that
/// failed is tried again: the next view that needs it retries, e.g. after a network drop).
pub fn request(docs: &[DocIdx]) {
    let Some(store) = &crate::corpus().bodies else {
        return;
    };
    for c in store.chunks_of(docs) {
        if matches!(chunk_state(c), Chunk::Idle | Chunk::Failed(_)) {
            set_chunk_state(c, Chunk::Loading);
            let chunk = store.chunks[c].clone();
            wasm_bindgen_futures::spawn_local(async move {
                let state = match fetch_chunk(&chunk.file, chunk.len).await {
                    Ok(text) => Chunk::Ready(Box::leak(text.into_boxed_str())),
                    Err(why) => {
                        web_sys::console::warn_1(
                            &format!("Dossier: cannot load {}: {why}", chunk.file).into(),
                        );
                        Chunk::Failed(format!("{} could not be loaded: {why}", chunk.file).into())
                    }
                };
                set_chunk_state(c, state);
                notify_soon();
            });
        }
    }
}

/// Makes sure the bodies of `docs` are here or coming (fetching what is missing once the view
/// has stayed for `delay_ms`), and re-renders the calling component when chunks
/// arrive. Does nothing when bodies are embedded.
#[hook]
pub fn use_bodies(docs: &[DocIdx], delay_ms: u32) {
    let update = use_force_update();
    let chunks: Vec<usize> = crate::corpus()
        .bodies
        .as_ref()
        .map(|s| s.chunks_of(docs))
        .unwrap_or_default();
    let wanted: Rc<Vec<DocIdx>> = Rc::new(docs.to_vec());
    use_effect_with(chunks, move |chunks| {
        let id = (!chunks.is_empty()).then(|| {
            let id = NEXT_WAITER.with(|n| {
                let id = n.get();
                n.set(id + 1);
                id
            });
            let cb = Callback::from(move |_| update.force_update());
            WAITERS.with(|w| w.borrow_mut().push((id, cb)));
            let timer = gloo::timers::callback::Timeout::new(delay_ms, move || request(&wanted));
            (id, timer)
        });
        move || {
            if let Some((id, timer)) = id {
                timer.cancel();
                WAITERS.with(|w| w.borrow_mut().retain(|(i, _)| *i != id));
            }
        }
    });
}

#[wasm_bindgen]
extern "C" {
    /// The browser's `DecompressionStream` (web-sys only has it behind its unstable flag).
    #[wasm_bindgen(extends = js_sys::Object)]
    type DecompressionStream;

    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
}

fn js_error(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}

/// Fetches one chunk (relative to the page) and returns its text. Gzip is undone here, unless
/// the host already did it (a server that sends `Content-Encoding: gzip` for `.gz`).
async fn fetch_chunk(url: &str, len: u32) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(js_error)?
        .dyn_into()
        .map_err(js_error)?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(js_error)?)
        .await
        .map_err(js_error)?;
    let mut bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    let text = if bytes.starts_with(&[0x1f, 0x8b]) {
        let packed =
            web_sys::Response::new_with_opt_u8_array(Some(&mut bytes)).map_err(js_error)?;
        let stream = packed.body().ok_or("empty response")?;
        let gunzip = DecompressionStream::new("gzip").map_err(js_error)?;
        let unpacked = web_sys::Response::new_with_opt_readable_stream(Some(
            &stream.pipe_through(gunzip.unchecked_ref()),
        ))
        .map_err(js_error)?;
        JsFuture::from(unpacked.text().map_err(js_error)?)
            .await
            .map_err(js_error)?
            .as_string()
            .ok_or("not text")?
    } else {
        String::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_string())?
    };
    if text.len() != len as usize {
        return Err(format!(
            "{} bytes where this build wrote {len}: it belongs to another build",
            text.len()
        ));
    }
    Ok(text)
}

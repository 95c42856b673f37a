//! "Copy link" button: puts the address of the current view on the clipboard.

use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::prelude::*;

/// What the last copy did.
#[derive(Clone, Copy, PartialEq)]
enum Outcome {
    Idle,
    Copied,
    Failed,
}

/// `button#copy-link`, with a status message after use.
#[function_component(CopyLink)]
pub fn copy_link() -> Html {
    let outcome = use_state(|| Outcome::Idle);
    let onclick = {
        let outcome = outcome.clone();
        Callback::from(move |_: MouseEvent| {
            let window = gloo::utils::window();
            crate::route::flush();
            let href = window.location().href().unwrap_or_default();
            let promise = window.navigator().clipboard().write_text(&href);
            let outcome = outcome.clone();
            spawn_local(async move {
                outcome.set(match JsFuture::from(promise).await {
                    Ok(_) => Outcome::Copied,
                    Err(_) => Outcome::Failed,
                });
            });
        })
    };
    let status = match *outcome {
        Outcome::Idle => "",
        Outcome::Copied => "Link copied",
        Outcome::Failed => "Could not copy; the link is in the address bar",
    };
    html! {
        <div class="copy-link">
            <button type="button" id="copy-link" {onclick} title="Copy a link to exactly this view">{ "Copy link" }</button>
            <span class="copy-status" role="status">{ status }</span>
        </div>
    }
}

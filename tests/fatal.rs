//! The message a user sees when the app cannot go on (a panic, an unreadable corpus): a
//! visible box naming the reason, as text, with a link that reloads the same view.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn fatal_message_names_the_reason_as_text_and_offers_a_reload() {
    let document = gloo::utils::document();
    let loading = document.create_element("div").unwrap();
    loading.set_id("loading");
    gloo::utils::body().append_child(&loading).unwrap();

    dossier::show_fatal("Internal error: <b>boom</b> at step 3.");

    let boxed = document
        .get_element_by_id("fatal-error")
        .expect("#fatal-error is shown");
    assert_eq!(boxed.get_attribute("role").as_deref(), Some("alert"));
    let text = boxed.text_content().unwrap_or_default();
    assert!(
        text.contains("Internal error: <b>boom</b> at step 3."),
        "{text}"
    );
    assert!(
        boxed.query_selector("b").unwrap().is_none(),
        "the message is text, never markup"
    );
    let reload = boxed
        .query_selector("a.fatal-reload")
        .unwrap()
        .expect("a reload link");
    let here = gloo::utils::window().location().href().unwrap();
    assert_eq!(reload.get_attribute("href"), Some(here));
    assert!(
        document.get_element_by_id("loading").is_none(),
        "the loading notice is gone"
    );

    // A second failure replaces the message instead of stacking boxes.
    dossier::show_fatal("Second reason.");
    assert_eq!(
        document
            .query_selector_all("#fatal-error")
            .unwrap()
            .length(),
        1
    );
    let text = boxed.text_content().unwrap_or_default();
    assert!(
        text.contains("Second reason.") && !text.contains("boom"),
        "{text}"
    );
    boxed.remove();
}

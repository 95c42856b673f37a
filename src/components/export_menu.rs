//! Export links: the current results as CSV or JSON, the entity table as CSV.

use std::rc::Rc;

use dossier_engine::DocIdx;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};
use yew::prelude::*;

use crate::export;

/// Properties of [`ExportMenu`].
#[derive(Properties, PartialEq)]
pub struct ExportMenuProps {
    /// Matching documents, in order.
    pub results: Rc<Vec<DocIdx>>,
}

/// Which file to make.
#[derive(Clone, Copy)]
enum Kind {
    ResultsCsv,
    ResultsJson,
    EntitiesCsv,
}

/// Offers `text` as a download named `name`.
fn download(name: &str, mime: &str, text: &str) -> Option<()> {
    let parts = js_sys::Array::of1(&text.into());
    let bag = BlobPropertyBag::new();
    bag.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &bag).ok()?;
    let url = Url::create_object_url_with_blob(&blob).ok()?;
    let document = gloo::utils::document();
    let a: HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    a.set_href(&url);
    a.set_download(name);
    a.click();
    Url::revoke_object_url(&url).ok()
}

/// `<details class="export">` with one button per export.
#[function_component(ExportMenu)]
pub fn export_menu(props: &ExportMenuProps) -> Html {
    let make = |kind: Kind| {
        let results = props.results.clone();
        Callback::from(move |e: MouseEvent| {
            // Close the menu once a file is chosen.
            if let Some(details) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("details").ok().flatten())
            {
                let _ = details.remove_attribute("open");
            }
            let corpus = crate::corpus();
            crate::route::flush();
            let view_url = gloo::utils::window().location().href().unwrap_or_default();
            let fp = crate::fingerprint();
            let day: String = String::from(js_sys::Date::new_0().to_iso_string())
                .chars()
                .take(10)
                .collect();
            let _ = match kind {
                Kind::ResultsCsv => download(
                    &format!("dossier-results-{day}.csv"),
                    "text/csv;charset=utf-8",
                    &export::results_csv(corpus, &results, &view_url, fp),
                ),
                Kind::ResultsJson => download(
                    &format!("dossier-results-{day}.json"),
                    "application/json",
                    &export::results_json(corpus, &results, &view_url, fp),
                ),
                Kind::EntitiesCsv => download(
                    &format!("dossier-entities-{day}.csv"),
                    "text/csv;charset=utf-8",
                    &export::entities_csv(corpus, &view_url, fp),
                ),
            };
        })
    };
    html! {
        <details class="export">
            <summary>{ "Export" }</summary>
            <div class="export-menu">
                <button type="button" class="export-results-csv" onclick={make(Kind::ResultsCsv)}>{ "Results as CSV" }</button>
                <button type="button" class="export-results-json" onclick={make(Kind::ResultsJson)}>{ "Results as JSON" }</button>
                <button type="button" class="export-entities-csv" onclick={make(Kind::EntitiesCsv)}>{ "Entity table as CSV" }</button>
            </div>
        </details>
    }
}
